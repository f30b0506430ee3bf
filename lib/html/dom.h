/*
 * dom.h - a small, bounded HTML tree for article extraction (internal to lib/html).
 *
 * The tokenizer and tree builder in dom.c read UTF-8 HTML in one linear pass and
 * build a flat array of nodes in document order (pre-order): a node's index is
 * always greater than its parent's, so aggregates over subtrees are computed by
 * walking the array backwards, and no walk ever recurses. Content of script, style
 * and similar elements is skipped by the tokenizer and never stored.
 *
 * Bounds: at most TDP_HDOM_MAX_NODES nodes (later tags are ignored, their text is
 * kept in the current element) and TDP_HDOM_MAX_DEPTH open elements (deeper tags
 * are ignored the same way); text and attributes are at most the input's size.
 */
#ifndef TDP_HTML_DOM_H
#define TDP_HTML_DOM_H

#include "core/core.h"

#define TDP_HDOM_MAX_NODES 1000000u
#define TDP_HDOM_MAX_DEPTH 256u

/* Tag ids: X(id, name, flags). Order is alphabetical by name (binary search). */
#define TDP_HTAGS(X) \
    X(A, "a", HT_INLINE) \
    X(ABBR, "abbr", HT_INLINE) \
    X(ADDRESS, "address", HT_BLOCK | HT_PCLOSE) \
    X(ARTICLE, "article", HT_BLOCK | HT_PCLOSE) \
    X(ASIDE, "aside", HT_BLOCK | HT_PCLOSE) \
    X(AUDIO, "audio", HT_DROP) \
    X(B, "b", HT_INLINE) \
    X(BASE, "base", HT_VOID) \
    X(BLOCKQUOTE, "blockquote", HT_BLOCK | HT_PCLOSE) \
    X(BODY, "body", HT_BLOCK) \
    X(BR, "br", HT_VOID) \
    X(BUTTON, "button", HT_DROP) \
    X(CANVAS, "canvas", HT_DROP) \
    X(CAPTION, "caption", HT_BLOCK) \
    X(CENTER, "center", HT_BLOCK | HT_PCLOSE) \
    X(CITE, "cite", HT_INLINE) \
    X(CODE, "code", HT_INLINE) \
    X(COL, "col", HT_VOID) \
    X(DD, "dd", HT_BLOCK) \
    X(DETAILS, "details", HT_BLOCK | HT_PCLOSE) \
    X(DIALOG, "dialog", HT_BLOCK | HT_DROP) \
    X(DIV, "div", HT_BLOCK | HT_PCLOSE) \
    X(DL, "dl", HT_BLOCK | HT_PCLOSE) \
    X(DT, "dt", HT_BLOCK) \
    X(EM, "em", HT_INLINE) \
    X(EMBED, "embed", HT_VOID | HT_DROP) \
    X(FIELDSET, "fieldset", HT_BLOCK | HT_PCLOSE) \
    X(FIGCAPTION, "figcaption", HT_BLOCK | HT_DROP) \
    X(FIGURE, "figure", HT_BLOCK | HT_PCLOSE | HT_DROP) \
    X(FONT, "font", HT_INLINE) \
    X(FOOTER, "footer", HT_BLOCK | HT_PCLOSE) \
    X(FORM, "form", HT_BLOCK | HT_PCLOSE) \
    X(H1, "h1", HT_BLOCK | HT_PCLOSE | HT_HEAD) \
    X(H2, "h2", HT_BLOCK | HT_PCLOSE | HT_HEAD) \
    X(H3, "h3", HT_BLOCK | HT_PCLOSE | HT_HEAD) \
    X(H4, "h4", HT_BLOCK | HT_PCLOSE | HT_HEAD) \
    X(H5, "h5", HT_BLOCK | HT_PCLOSE | HT_HEAD) \
    X(H6, "h6", HT_BLOCK | HT_PCLOSE | HT_HEAD) \
    X(HEAD, "head", HT_DROP) \
    X(HEADER, "header", HT_BLOCK | HT_PCLOSE) \
    X(HGROUP, "hgroup", HT_BLOCK | HT_PCLOSE) \
    X(HR, "hr", HT_VOID | HT_BLOCK | HT_PCLOSE) \
    X(HTML, "html", HT_BLOCK) \
    X(I, "i", HT_INLINE) \
    X(IFRAME, "iframe", HT_RAW | HT_DROP) \
    X(IMG, "img", HT_VOID) \
    X(INPUT, "input", HT_VOID | HT_DROP) \
    X(INS, "ins", HT_INLINE) \
    X(KBD, "kbd", HT_INLINE) \
    X(LABEL, "label", HT_INLINE) \
    X(LEGEND, "legend", HT_BLOCK) \
    X(LI, "li", HT_BLOCK) \
    X(LINK, "link", HT_VOID) \
    X(MAIN, "main", HT_BLOCK | HT_PCLOSE) \
    X(MARK, "mark", HT_INLINE) \
    X(MATH, "math", HT_DROP | HT_FOREIGN) \
    X(MENU, "menu", HT_BLOCK | HT_PCLOSE | HT_DROP) \
    X(META, "meta", HT_VOID) \
    X(NAV, "nav", HT_BLOCK | HT_PCLOSE | HT_DROP) \
    X(NOEMBED, "noembed", HT_RAW | HT_DROP) \
    X(NOFRAMES, "noframes", HT_RAW | HT_DROP) \
    X(NOSCRIPT, "noscript", HT_RAW | HT_DROP) \
    X(OBJECT, "object", HT_DROP) \
    X(OL, "ol", HT_BLOCK | HT_PCLOSE) \
    X(OPTION, "option", HT_DROP) \
    X(P, "p", HT_BLOCK | HT_PCLOSE) \
    X(PARAM, "param", HT_VOID) \
    X(PICTURE, "picture", HT_INLINE) \
    X(PRE, "pre", HT_BLOCK | HT_PCLOSE) \
    X(Q, "q", HT_INLINE) \
    X(S, "s", HT_INLINE) \
    X(SCRIPT, "script", HT_RAW | HT_DROP) \
    X(SECTION, "section", HT_BLOCK | HT_PCLOSE) \
    X(SELECT, "select", HT_DROP) \
    X(SMALL, "small", HT_INLINE) \
    X(SOURCE, "source", HT_VOID) \
    X(SPAN, "span", HT_INLINE) \
    X(STRONG, "strong", HT_INLINE) \
    X(STYLE, "style", HT_RAW | HT_DROP) \
    X(SUB, "sub", HT_INLINE) \
    X(SUMMARY, "summary", HT_BLOCK) \
    X(SUP, "sup", HT_INLINE) \
    X(SVG, "svg", HT_DROP | HT_FOREIGN) \
    X(TABLE, "table", HT_BLOCK | HT_PCLOSE) \
    X(TBODY, "tbody", 0) \
    X(TD, "td", HT_BLOCK) \
    X(TEMPLATE, "template", HT_DROP) \
    X(TEXTAREA, "textarea", HT_RAW | HT_DROP) \
    X(TFOOT, "tfoot", 0) \
    X(TH, "th", HT_BLOCK) \
    X(THEAD, "thead", 0) \
    X(TIME, "time", HT_INLINE) \
    X(TITLE, "title", HT_RCDATA) \
    X(TR, "tr", HT_BLOCK) \
    X(TRACK, "track", HT_VOID) \
    X(TT, "tt", HT_INLINE) \
    X(U, "u", HT_INLINE) \
    X(UL, "ul", HT_BLOCK | HT_PCLOSE) \
    X(VIDEO, "video", HT_DROP) \
    X(WBR, "wbr", HT_VOID) \
    X(XMP, "xmp", HT_RAW | HT_DROP)

enum {
    HT_VOID = 1 << 0,    /* no content, never pushed */
    HT_BLOCK = 1 << 1,   /* starts and ends a paragraph of text */
    HT_PCLOSE = 1 << 2,  /* its start tag closes an open <p> */
    HT_DROP = 1 << 3,    /* never article text (media, forms, navigation) */
    HT_RAW = 1 << 4,     /* raw text: content skipped up to the end tag */
    HT_RCDATA = 1 << 5,  /* text only, entities decoded (title) */
    HT_HEAD = 1 << 6,    /* h1..h6 */
    HT_INLINE = 1 << 7,  /* phrasing content */
    HT_FOREIGN = 1 << 8  /* svg, math: "/>" closes */
};

#define TDP_HTAG_ENUM(id, name, fl) TDP_HT_##id,
typedef enum tdp_htag {
    TDP_HT_TEXT = 0,     /* a text node */
    TDP_HT_ROOT,         /* the document */
    TDP_HT_OTHER,        /* an element with an unknown name */
    TDP_HTAGS(TDP_HTAG_ENUM)
    TDP_HT_COUNT_
} tdp_htag;
#undef TDP_HTAG_ENUM

/* Flags of a tag id. */
unsigned tdp_htag_flags(int tag);
const char *tdp_htag_name(int tag);

typedef struct tdp_hattr {
    uint32_t name, name_len;   /* offsets into doc->str (name lower-cased) */
    uint32_t val, val_len;     /* entity-decoded value */
} tdp_hattr;

typedef struct tdp_hnode {
    uint32_t parent, next, first, last;  /* 0 = none (node 0 is the root) */
    uint32_t str, len;         /* text: offset/length in doc->str */
    uint32_t attr, nattr;      /* attributes: doc->attrs[attr .. attr+nattr) */
    uint16_t tag;
    uint16_t flags;            /* free for the extractor */
} tdp_hnode;

typedef struct tdp_hdoc {
    tdp_hnode *nodes;
    size_t n, cap;
    tdp_hattr *attrs;
    size_t nattrs, capattrs;
    tdp_buf str;               /* text and attribute strings */
    uint32_t title_str, title_len; /* the first <title> text */
    bool truncated;            /* a cap was hit */
} tdp_hdoc;

/* Parses UTF-8 HTML s[0..n) into doc (zeroed by the caller or reused after
 * tdp_hdoc_free). TD_ENOMEM on allocation failure, TD_ETOOBIG past 4 GiB. */
td_status tdp_hdoc_parse(tdp_hdoc *doc, const char *s, size_t n);
void tdp_hdoc_free(tdp_hdoc *doc);

/* The value of attribute `name` (lower case) of node i, or NULL; *len its length. */
const char *tdp_hnode_attr(const tdp_hdoc *doc, uint32_t i, const char *name, size_t *len);

/* Decodes character references in s[0..n) and appends to b (in attribute mode a
 * named reference without ';' followed by alnum or '=' stays literal). */
void tdp_html_decode_entities(tdp_buf *b, const char *s, size_t n, bool attr);

#endif

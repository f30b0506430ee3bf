/*
 * extract.c - the article body out of a parsed page.
 *
 * 1. Boilerplate subtrees are marked: elements that never hold article text
 *    (nav, aside, forms' controls, media, figures and their captions), hidden
 *    elements, ARIA landmarks for navigation, and elements whose class or id
 *    names boilerplate (share, related, comments, cookie, newsletter, ad...),
 *    unless they hold most of the page's paragraph text.
 * 2. The rest of the text is cut into blocks at block-element boundaries. Each
 *    block gets a weight: positive for prose (long, few links, sentence
 *    punctuation, inside <p>), negative for link lists and short fragments.
 * 3. The element whose subtree has the largest total weight is the article
 *    container: it takes in every paragraph of the article and as little else as
 *    possible, because the junk between parts costs weight.
 * 4. Inside it, blocks that are links, boilerplate lines ("Read more", "Share
 *    this", credits) or the headline are left out; the rest is the text, one
 *    paragraph per block, separated by blank lines.
 *
 * Walks are iterative; node indices are in document order, so every subtree
 * aggregate is one backward pass over the node array.
 */
#include "html/dom.h"
#include "html/html_p.h"
#include "html/meta.h"
#ifdef TDP_HTML_DEBUG
#include <stdio.h>
#endif

typedef struct block {
    uint32_t off, len;      /* text in ex->bt */
    uint32_t owner;         /* innermost block element */
    uint32_t node;          /* its first text node: blocks are in this order */
    uint32_t links;         /* bytes of text inside <a> */
    int32_t weight;
    uint8_t kind;           /* td_para_kind */
    bool comment;           /* inside reader comments kept on request */
} block;

typedef struct extractor {
    tdp_hdoc *d;
    uint8_t *drop;          /* per node: 1 = boilerplate subtree */
    uint32_t *bown;         /* per node: innermost block element (self included) */
    int64_t *score;         /* per node: subtree weight */
    block *b;
    size_t nb, capb;
    tdp_buf bt;             /* block texts */
    uint32_t cur_owner, cur_node;
    uint32_t cur_off, cur_links;
    bool open;
    bool keep_comments;     /* reader comments kept (drop 2), else dropped */
    bool relaxed;           /* the fallback: no element dropped for its name */
    uint32_t head;          /* the headline's element, 0 when none */
    size_t head_next;       /* the first block after it */
} extractor;

/* ---- class and id names ---- */

/* These run for every class word of every element: the first letter is
 * compared before anything else. */
static bool word_is(const char *w, size_t n, const char *const *list)
{
    if (!n)
        return false;
    for (; *list; list++)
        if ((*list)[0] == w[0] && strlen(*list) == n && memcmp(w, *list, n) == 0)
            return true;
    return false;
}

static bool word_starts(const char *w, size_t n, const char *const *list)
{
    if (!n)
        return false;
    for (; *list; list++) {
        if ((*list)[0] != w[0])
            continue;
        size_t l = strlen(*list);
        if (n >= l && memcmp(w, *list, l) == 0)
            return true;
    }
    return false;
}

/* Words that mark boilerplate by themselves (prefixes). */
static const char *const k_neg_strong[] = {
    "comment", "related", "share", "sharing", "social", "cookie", "newsletter",
    "advert", "sponsor", "promo", "recommend", "outbrain", "taboola", "breadcrumb",
    "subscri", "signup", "popular", "trending", "paywall", "disqus", "gdpr", "consent",
    "byline", "caption", "credit", "sidebar", "widget", "banner", "popup", "modal",
    "footer", "navbar", "navigation", "menu", "toolbar", "pagination", "pager",
    "masthead", "readmore", "recirc", "mostread", "most-read", "teaser", "skip",
    "sronly", "visually", "screenreader", "tags", "tagline", "keywords", "topics",
    "author", "dateline", "timestamp", "published", "updated", "rating", "reaction",
    "feedback", "survey", "poll", "gallery", "slideshow", "carousel", "player",
    "disclaimer", "copyright", "print", "login", "follow", "contact", "bio",
    "tooltip", "popover", "rollover", "hovercard", NULL};
/* Whole words that mark boilerplate. */
static const char *const k_neg_word[] = {
    "ad", "ads", "adv", "nav", "meta", "more", "also", "hidden", "hide", "date", "time",
    "tag", "share", "tools", "links", "header", "foot", "aside", "extra",
    "video", "audio", "image", "img", "photo", "figure", "media", "icon",
    "btn", "button", "form", "sr", "dialog", "alert", "notice", "overlay", "lightbox",
    "related", "source", "sources", "info", "details",
    NULL};
/* Words that mark the article itself. */
static const char *const k_pos[] = {
    "article", "body", "content", "entry", "story", "text", "post", "main", "prose",
    "articlebody", "storybody", "postbody", "entrycontent", "paragraph", "richtext",
    "blog", "news", NULL};

/* Prefixes that mark boilerplate whatever else the names say. */
static const char *const k_neg_hard[] = {
    "comment", "cookie", "consent", "gdpr", "newsletter", "modal", "popup", "outbrain",
    "taboola", "advert", "sponsor", "promo", "recommend", "related", "share", "sharing",
    "social", "subscri", "signup", "breadcrumb", "disqus", "tooltip", "popover",
    "rollover", "hovercard", "trending", "popular", "mostread", "recirc", "teaser",
    NULL};

/* Reader comments: out of the article, or kept apart with their own kind. */
static const char *const k_comment[] = {"comment", "disqus", NULL};

/* A class name made by a blog engine from the post's categories and tags. */
static bool taxonomy_name(const char *v, size_t n)
{
    static const char *const pre[] = {"category-", "tag-", "post-tag-", "entry-category-",
                                      "entry-tag-", NULL};
    for (int k = 0; pre[k]; k++) {
        size_t l = strlen(pre[k]);
        if (n > l && memcmp(v, pre[k], l) == 0 && v[l] != ' ' && v[l] != '\t')
            return true;
    }
    return false;
}

/* Four words or more, one of them a function word of running text. */
static bool slug_of_text(char words[][32], const uint8_t *lens, int nw)
{
    static const char *const fn[] = {"a", "an", "the", "of", "and", "to", "in", "for",
                                     "on", "at", "from", "with", "how", "why", "what",
                                     "when", "your", "you", NULL};
    int real = 0;
    bool f = false;
    for (int w = 0; w < nw; w++) {
        if (!lens[w])
            return false; /* several names, not one slug */
        real++;
        f |= word_is(words[w], lens[w], fn);
    }
    return real >= 4 && f;
}

/* -3 reader comments, -2 boilerplate for sure, -1 boilerplate, +1 article, 0
 * neither, from the class and id attributes. */
static int class_verdict(const tdp_hdoc *d, uint32_t i)
{
    /* Words that make a neighbouring word a state, not a kind of block:
     * "has-comments", "modal-enabled", "no-sidebar", "comments-open". */
    static const char *const k_state_before[] = {"has", "no", "with", "is", "show",
                                                 "enable", "hide", "js", "can", NULL};
    static const char *const k_state_after[] = {"enabled", "disabled", "open", "active",
                                                "closed", "loaded", "visible", "ready",
                                                "on", "off", "count", "allowed", NULL};
    int neg = 0, pos = 0, hard = 0;
    const char *names[2] = {"class", "id"};
    char words[24][32];
    uint8_t lens[24];
    for (int k = 0; k < 2; k++) {
        size_t n;
        const char *v = tdp_hnode_attr(d, i, names[k], &n);
        if (!v)
            continue;
        size_t j = 0;
        int nw = 0;
        while (j < n && nw < 24) {
            while (j < n && !((v[j] >= 'a' && v[j] <= 'z') || (v[j] >= 'A' && v[j] <= 'Z') ||
                              (v[j] >= '0' && v[j] <= '9')))
                j++;
            /* A class name that files the post under a topic says what it is about,
             * not where it sits: "category-social-media", "tag-advertising". */
            if (k == 0 && (j == 0 || v[j - 1] == ' ' || v[j - 1] == '\t') &&
                taxonomy_name(v + j, n - j)) {
                while (j < n && v[j] != ' ' && v[j] != '\t')
                    j++;
                continue;
            }
            size_t wl = 0;
            bool sep = false;
            while (j < n && ((v[j] >= 'a' && v[j] <= 'z') || (v[j] >= 'A' && v[j] <= 'Z') ||
                             (v[j] >= '0' && v[j] <= '9'))) {
                if (wl < sizeof words[0])
                    words[nw][wl++] = (v[j] >= 'A' && v[j] <= 'Z') ? (char)(v[j] + 32) : v[j];
                j++;
            }
            (void)sep;
            if (wl && wl < sizeof words[0])
                lens[nw++] = (uint8_t)wl;
            /* A space ends a class name: state words only bind inside one name. */
            if (j < n && (v[j] == ' ' || v[j] == '\t') && nw < 24)
                lens[nw++] = 0;
        }
        /* An id made from a heading's words ("sharing-with-a-single-developer")
         * names a part of the text, not a kind of block. */
        if (k == 1 && slug_of_text(words, lens, nw))
            continue;
        for (int w = 0; w < nw; w++) {
            if (!lens[w])
                continue;
            const char *x = words[w];
            size_t xl = lens[w];
            if ((w > 0 && lens[w - 1] && word_is(words[w - 1], lens[w - 1], k_state_before)) ||
                (w + 1 < nw && lens[w + 1] && word_is(words[w + 1], lens[w + 1], k_state_after)))
                continue;
            if (word_starts(x, xl, k_neg_hard))
                hard += 1 + word_starts(x, xl, k_comment) * 64;
            else if (word_is(x, xl, k_neg_word) || word_starts(x, xl, k_neg_strong))
                neg++;
            else if (word_is(x, xl, k_pos) || word_starts(x, xl, k_pos))
                pos++;
        }
    }
    if (hard)
        return hard >= 64 ? -3 : -2;
    if (neg && !pos)
        return -1;
    return pos ? 1 : 0;
}

static bool attr_has(const tdp_hdoc *d, uint32_t i, const char *name, const char *needle)
{
    size_t n;
    const char *v = tdp_hnode_attr(d, i, name, &n);
    if (!v)
        return false;
    size_t l = strlen(needle);
    for (size_t k = 0; k + l <= n; k++) {
        size_t m = 0;
        while (m < l && ((v[k + m] >= 'A' && v[k + m] <= 'Z') ? v[k + m] + 32 : v[k + m]) ==
                            needle[m])
            m++;
        if (m == l)
            return true;
    }
    return false;
}

static bool hidden(const tdp_hdoc *d, uint32_t i)
{
    if (tdp_hnode_attr(d, i, "hidden", NULL))
        return true;
    if (attr_has(d, i, "aria-hidden", "true"))
        return true;
    size_t n;
    const char *st = tdp_hnode_attr(d, i, "style", &n);
    if (st && (attr_has(d, i, "style", "display:none") ||
               attr_has(d, i, "style", "display: none") ||
               attr_has(d, i, "style", "visibility:hidden") ||
               attr_has(d, i, "style", "visibility: hidden")))
        return true;
    size_t rl;
    const char *role = tdp_hnode_attr(d, i, "role", &rl);
    if (role) {
        static const char *const roles[] = {"navigation", "banner", "contentinfo",
                                            "complementary", "menu", "menubar", "dialog",
                                            "alertdialog", "search", "toolbar", NULL};
        char r[24];
        if (rl < sizeof r) {
            for (size_t k = 0; k < rl; k++)
                r[k] = (role[k] >= 'A' && role[k] <= 'Z') ? (char)(role[k] + 32) : role[k];
            if (word_is(r, rl, roles))
                return true;
        }
    }
    return false;
}

static uint32_t text_weight(const char *s, uint32_t n)
{
    uint32_t w = 0;
    for (uint32_t k = 0; k < n; k++)
        w += s[k] != ' ' && s[k] != '\n' && s[k] != '\t' && s[k] != '\r';
    return w;
}

/* The class (and with `id`, the id) of node i lower-cased into buf, at most cap
 * bytes; its length. These run for every element with attributes: one copy, then
 * plain substring tests. */
static size_t lower_names(const tdp_hdoc *d, uint32_t i, bool id, char *buf, size_t cap)
{
    size_t o = 0;
    for (int k = 0; k < 1 + id; k++) {
        size_t n;
        const char *v = tdp_hnode_attr(d, i, k ? "id" : "class", &n);
        for (size_t j = 0; v && j < n && o < cap; j++)
            buf[o++] = (v[j] >= 'A' && v[j] <= 'Z') ? (char)(v[j] + 32) : v[j];
        if (o < cap)
            buf[o++] = ' ';
    }
    return o;
}

static bool has_sub(const char *h, size_t n, const char *needle)
{
    size_t l = strlen(needle);
    for (const char *p = h; n >= l && (p = memchr(p, needle[0], n - l + 1 - (size_t)(p - h)));
         p++)
        if (memcmp(p, needle, l) == 0)
            return true;
    return false;
}

/* Names that mark an element as the article itself, strongly enough to keep a
 * boilerplate-named wrapper around it. */
static bool article_mark(const tdp_hdoc *d, uint32_t i)
{
    static const char *const names[] = {"entry-content", "post-content", "article-body",
                                        "articlebody", "post-body", "postbody",
                                        "entry-body", "story-body", "storybody",
                                        "article-content", "post-entry", "entry_content",
                                        "post_content", "article_body", NULL};
    int tag = d->nodes[i].tag;
    if (tag == TDP_HT_ARTICLE || tag == TDP_HT_MAIN)
        return true;
    if (!d->nodes[i].nattr)
        return false;
    if (attr_has(d, i, "itemprop", "articlebody"))
        return true;
    char buf[256];
    size_t n = lower_names(d, i, false, buf, sizeof buf);
    if (!has_sub(buf, n, "body") && !has_sub(buf, n, "content") && !has_sub(buf, n, "entry"))
        return false;
    for (int k = 0; names[k]; k++)
        if (has_sub(buf, n, names[k]))
            return true;
    return false;
}

/* Marks boilerplate subtrees (ex->drop: 1 boilerplate, 2 reader comments), in
 * document order. A name never drops the article: an element named boilerplate
 * that holds most of the page's unlinked text, or a descendant marked as the
 * article that holds a good part of it, stays, and its own boilerplate-named
 * children are judged in its place. */
static td_status mark_drops(extractor *ex)
{
    tdp_hdoc *d = ex->d;
    size_t n = d->n;
    /* Unlinked text per subtree, inside <p> and all of it (a post laid out with
     * <br> has little in <p>), before any name drop; the largest article-marked
     * subtree's unlinked text below each node. */
    uint32_t *ptext = tdp_calloc(n, sizeof *ptext);
    uint32_t *atext = tdp_calloc(n, sizeof *atext);
    uint32_t *mtext = tdp_calloc(n, sizeof *mtext);
    uint8_t *in_p = tdp_calloc(n, 1);
    if (!ptext || !atext || !mtext || !in_p) {
        tdp_free(ptext);
        tdp_free(atext);
        tdp_free(mtext);
        tdp_free(in_p);
        return TD_ENOMEM;
    }
    /* in_p: 1 inside <p>, 2 inside <a>, 4 inside an element never shown as text. */
    for (size_t i = 1; i < n; i++) {
        const tdp_hnode *x = &d->nodes[i];
        in_p[i] = (uint8_t)(in_p[x->parent] | (x->tag == TDP_HT_P) |
                            (x->tag == TDP_HT_A ? 2 : 0) |
                            ((tdp_htag_flags(x->tag) & HT_DROP) ? 4 : 0));
        if (x->tag == TDP_HT_TEXT && !(in_p[i] & 6)) {
            atext[i] = text_weight(d->str.data + x->str, x->len);
            if (in_p[i] & 1)
                ptext[i] = atext[i];
        }
    }
    for (size_t i = n; i-- > 1;) {
        uint32_t p = d->nodes[i].parent;
        ptext[p] += ptext[i];
        atext[p] += atext[i];
        if (d->nodes[i].tag != TDP_HT_TEXT && article_mark(d, (uint32_t)i) &&
            atext[i] > mtext[i])
            mtext[i] = atext[i];
        if (mtext[i] > mtext[p])
            mtext[p] = mtext[i];
    }
    uint32_t ptotal = ptext[0], atotal = atext[0];

    ex->drop[0] = 0;
    for (size_t i = 1; i < n; i++) {
        const tdp_hnode *x = &d->nodes[i];
        if (ex->drop[x->parent]) {
            ex->drop[i] = ex->drop[x->parent];
            continue;
        }
        if (x->tag == TDP_HT_TEXT)
            continue;
        unsigned fl = tdp_htag_flags(x->tag);
        if (fl & HT_DROP) {
            ex->drop[i] = 1;
            continue;
        }
        if (x->tag == TDP_HT_BODY || x->tag == TDP_HT_HTML)
            continue;
        /* Holds the article: most of the page's unlinked text, or an article-marked
         * part holding a quarter of it (thresholds on the three dev sets). */
        bool most = (atotal && atext[i] * 2 > atotal) || (ptotal && ptext[i] * 2 > ptotal);
        bool big = most || (atotal && mtext[i] * 4 > atotal);
        if (!x->nattr) {
            if ((x->tag == TDP_HT_FOOTER || x->tag == TDP_HT_HEADER ||
                 x->tag == TDP_HT_FORM) && !big && !ex->relaxed)
                ex->drop[i] = 1;
            continue;
        }
        if (hidden(d, i) && !most) {
            ex->drop[i] = 1;
            continue;
        }
        if (ex->relaxed)
            continue;
        int v = class_verdict(d, i);
        /* Phrasing elements wrapping a long text are not page furniture, whatever
         * they are called (a byline span or a bold run around a whole post). */
        if (v < 0 && (fl & HT_INLINE) && atext[i] >= 200)
            v = 0;
        /* Nor is a link inside a paragraph: its words are part of a sentence
         * (a glossary link named "popup", a name named "hovercard"). */
        if (v < 0 && x->tag == TDP_HT_A && (in_p[x->parent] & 1))
            v = 0;
        /* A name that marks boilerplate whatever else is said needs nearly all of
         * the page's text to be spared. */
        bool nearly_all = (atotal && atext[i] * 5 > atotal * 4) ||
                          (ptotal && ptext[i] * 5 > ptotal * 4);
        if (v == -3) {
            /* Reader comments: an article marked inside is one of the comments. */
            if (!nearly_all)
                ex->drop[i] = ex->keep_comments ? 2 : 1;
            continue;
        }
        if (v == -2 && !nearly_all && !(atotal && mtext[i] * 4 > atotal)) {
            ex->drop[i] = 1;
            continue;
        }
        if ((v < 0 || x->tag == TDP_HT_FOOTER || x->tag == TDP_HT_HEADER ||
             x->tag == TDP_HT_FORM) && !big && !(v > 0 && x->tag == TDP_HT_FORM))
            ex->drop[i] = 1;
#ifdef TDP_HTML_DEBUG
        if (v < 0 && big)
            fprintf(stderr, "spared %zu <%s> verdict %d, text %u of %u, marked %u\n", i,
                    tdp_htag_name(x->tag), v, atext[i], atotal, mtext[i]);
#endif
    }
#ifdef TDP_HTML_DEBUG
    for (size_t i = 1; i < n; i++)
        if (ex->drop[i] && !ex->drop[d->nodes[i].parent] && atext[i] > 200)
            fprintf(stderr, "dropped %zu <%s> text %u of %u\n", i,
                    tdp_htag_name(d->nodes[i].tag), atext[i], atotal);
#endif
    tdp_free(ptext);
    tdp_free(atext);
    tdp_free(mtext);
    tdp_free(in_p);
    return TD_OK;
}

/* ---- blocks ---- */

static void flush(extractor *ex)
{
    if (!ex->open)
        return;
    ex->open = false;
    tdp_buf *bt = &ex->bt;
    /* Trim. */
    while (bt->len > ex->cur_off && (bt->data[bt->len - 1] == ' ' ||
                                     bt->data[bt->len - 1] == '\n'))
        bt->len--;
    if (bt->len == ex->cur_off || bt->err)
        return;
    bt->data[bt->len] = '\0';
    if (TDP_GROW(ex->b, ex->capb, ex->nb + 1)) {
        bt->err = TD_ENOMEM;
        return;
    }
    block *k = &ex->b[ex->nb++];
    memset(k, 0, sizeof *k);
    k->off = ex->cur_off;
    k->len = (uint32_t)(bt->len - ex->cur_off);
    k->owner = ex->cur_owner;
    k->node = ex->cur_node;
    k->links = ex->cur_links;
    k->comment = ex->drop[ex->cur_owner] == 2;
    tdp_buf_putc(bt, '\0');
}

static void put_text(extractor *ex, uint32_t owner, uint32_t node, const char *s, size_t n,
                     bool link)
{
    tdp_buf *bt = &ex->bt;
    if (ex->open && owner != ex->cur_owner)
        flush(ex);
    if (!ex->open) {
        ex->open = true;
        ex->cur_owner = owner;
        ex->cur_node = node;
        ex->cur_off = (uint32_t)bt->len;
        ex->cur_links = 0;
    }
    size_t before = bt->len;
    bool space = bt->len == ex->cur_off || bt->data[bt->len - 1] == ' ' ||
                 bt->data[bt->len - 1] == '\n';
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
            if (!space)
                tdp_buf_putc(bt, ' ');
            space = true;
            continue;
        }
        /* Runs of ordinary bytes at once. */
        size_t j = i + 1;
        while (j < n && s[j] != ' ' && s[j] != '\n' && s[j] != '\t' && s[j] != '\r' &&
               s[j] != '\f')
            j++;
        tdp_buf_put(bt, s + i, j - i);
        space = false;
        i = j - 1;
    }
    if (link)
        ex->cur_links += (uint32_t)(bt->len - before);
}

static void newline(extractor *ex)
{
    if (!ex->open)
        return;
    tdp_buf *bt = &ex->bt;
    while (bt->len > ex->cur_off && bt->data[bt->len - 1] == ' ')
        bt->len--;
    /* One <br> ends a line; a second one in a row ends a paragraph. */
    if (bt->len > ex->cur_off && (bt->data[bt->len - 1] != '\n' ||
                                  (bt->len > ex->cur_off + 1 && bt->data[bt->len - 2] != '\n')))
        tdp_buf_putc(bt, '\n');
}

/* Walks the kept tree in document order, cutting text into blocks. */
static void make_blocks(extractor *ex)
{
    tdp_hdoc *d = ex->d;
    uint32_t i = d->nodes[0].first;
    uint32_t in_a = 0;
    while (i && !ex->bt.err) {
        const tdp_hnode *x = &d->nodes[i];
        bool descend = false;
        if (ex->drop[i] != 1) {
            unsigned fl = tdp_htag_flags(x->tag);
            if (x->tag == TDP_HT_TEXT) {
                put_text(ex, ex->bown[x->parent], i, d->str.data + x->str, x->len, in_a > 0);
            } else if (x->tag == TDP_HT_BR) {
                newline(ex);
            } else {
                if (fl & HT_BLOCK)
                    flush(ex);
                if (x->tag == TDP_HT_A)
                    in_a++;
                descend = x->first != 0;
                if (!descend) {
                    if (x->tag == TDP_HT_A)
                        in_a--;
                    if (fl & HT_BLOCK)
                        flush(ex);
                }
            }
        }
        if (descend) {
            i = x->first;
            continue;
        }
        /* Leave i and every ancestor whose last child it was. */
        while (i && !d->nodes[i].next) {
            i = d->nodes[i].parent;
            if (!i)
                break;
            const tdp_hnode *y = &d->nodes[i];
            if (y->tag == TDP_HT_A)
                in_a--;
            if (tdp_htag_flags(y->tag) & HT_BLOCK)
                flush(ex);
        }
        if (i)
            i = d->nodes[i].next;
    }
    flush(ex);
}

/* ---- weights and the container ---- */

static bool ascii_prefix_ci(const char *s, size_t n, const char *w)
{
    size_t l = strlen(w);
    if (n < l)
        return false;
    for (size_t i = 0; i < l; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c != w[i])
            return false;
    }
    return true;
}

/* Short lines that are page furniture in any article. */
static bool boiler_line(const char *s, size_t n)
{
    static const char *const pre[] = {
        "advertisement", "advertising", "sponsored", "read more", "read also",
        "see also", "related:", "related articles", "related stories", "related content",
        "share this", "share on", "share:", "follow us", "sign up", "subscribe",
        "click here", "you may also like", "recommended", "more from", "leave a",
        "be the first to comment", "your email address", "photo:", "image:",
        "credit:", "copyright", "\xC2\xA9", "all rights reserved", "(c) ",
        "lesen sie auch", "mehr zum thema", "lire aussi", "\xC3\xA0 lire aussi",
        "lee tambi\xC3\xA9n", "leer m\xC3\xA1s", "leggi anche", "werbung", "anzeige",
        "publicit\xC3\xA9", "getty images", "reuters/", "ap photo", "afp/",
        "story continues below", "continue reading", "skip advertisement",
        "this article", "loading", "watch:", "listen to", "download the",
        "we use cookies", "this site uses cookies", "by clicking", "last updated",
        "last modified", NULL};
    if (n > 120)
        return false;
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '[' || s[i] == '(' || s[i] == '*'))
        i++;
    for (int k = 0; pre[k]; k++)
        if (ascii_prefix_ci(s + i, n - i, pre[k]))
            return true;
    return false;
}

static bool sentence_end(const char *s, size_t n)
{
    while (n && (s[n - 1] == ' ' || s[n - 1] == '"' || s[n - 1] == '\'' ||
                 s[n - 1] == ')'))
        n--;
    if (n && (s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?' || s[n - 1] == ':'))
        return true;
    /* closing quotes and full stops in UTF-8 */
    return n >= 3 && ((unsigned char)s[n - 3] == 0xE2 || (unsigned char)s[n - 3] == 0xE3);
}

/* A paragraph cut with "..." is a teaser for another page. */
static bool teaser(const char *s, size_t n)
{
    while (n && (s[n - 1] == ' ' || s[n - 1] == ']' || s[n - 1] == ')'))
        n--;
    return n > 40 && ((n >= 3 && memcmp(s + n - 3, "...", 3) == 0) ||
                      memcmp(s + n - 3, "\xE2\x80\xA6", 3) == 0);
}

/* A list item that carries unlinked text of its own beside its links (40 bytes:
 * a clause, more than a date or a count). */
static bool item_with_text(const tdp_hdoc *d, const block *b)
{
    return d->nodes[b->owner].tag == TDP_HT_LI && b->len - b->links >= 40;
}

/* "Closely follows": at most this many prose paragraphs (<p> of positive
 * weight) between the headline and the candidate's first block (a standfirst;
 * bylines and dates weigh nothing, key points and captions are not <p>). */
#define TDP_FOLLOW_GAP 1

/* The list item holding node i, or 0. */
static uint32_t item_of(const tdp_hdoc *d, uint32_t i)
{
    for (; i; i = d->nodes[i].parent)
        if (d->nodes[i].tag == TDP_HT_LI)
            return i;
    return 0;
}

static void weigh(extractor *ex)
{
    tdp_hdoc *d = ex->d;
    uint32_t card = 0; /* the list item of the last heading that is a link */
    uint32_t story = 0; /* paragraphs of weight after the headline, not in cards */
    for (size_t k = 0; k < ex->nb; k++) {
        block *b = &ex->b[k];
        const char *s = ex->bt.data + b->off;
        int tag = d->nodes[b->owner].tag;
        /* On a page with a headline of its own, a list item made of a heading
         * that links elsewhere and a summary is a card for another page, and
         * once the story's own prose has come between the headline and it, its
         * text weighs nothing (a stream of teasers after the story). Cards
         * that closely follow the headline are the post (a roundup); without
         * a headline (a front page) they are what the page has. */
        bool in_card = false;
        if (ex->head && (tdp_htag_flags(tag) & HT_HEAD) && b->links * 5 >= b->len * 4)
            card = item_of(d, b->owner);
        else if (card)
            in_card = item_of(d, b->owner) == card;
        b->kind = (tdp_htag_flags(tag) & HT_HEAD) ? TD_PARA_HEADING
                  : tag == TDP_HT_LI                ? TD_PARA_LIST
                                                    : TD_PARA_TEXT;
        int32_t len = (int32_t)b->len;
        double ld = len ? (double)b->links / len : 0;
        int32_t w;
        if (ld > 0.5) {
            /* A list item whose link comes with a sentence of its own is part of
             * a roundup, not a menu. */
            w = item_with_text(d, b) ? 0 : -len;
        } else if (b->kind == TD_PARA_HEADING) {
            w = 0;
        } else if (len < 40) {
            w = -10;
        } else {
            double g = len * (1.0 - 2.0 * ld);
            bool prose = sentence_end(s, b->len);
            if (!prose)
                g *= 0.5;
            if (tag != TDP_HT_P)
                g *= len > 150 ? 0.8 : 0.4;
            w = (int32_t)g;
        }
        if (boiler_line(s, b->len))
            w = -30;
        else if (teaser(s, b->len))
            w = -len / 2;
        else if (in_card && w > 0 && story > TDP_FOLLOW_GAP)
            w = 0;
        b->weight = b->comment ? 0 : w;
        story += k >= ex->head_next && w > 0 && !in_card && tag == TDP_HT_P;
    }
}

static uint32_t last_desc(const tdp_hdoc *d, uint32_t i)
{
    while (d->nodes[i].last)
        i = d->nodes[i].last;
    return i;
}

/* The kind of an output block: a heading, a block quotation (a <blockquote>
 * between the block and the container), a list item (an <li> there), else text. */
static uint8_t para_kind(const tdp_hdoc *d, const block *b, uint32_t container)
{
    if (b->kind == TD_PARA_HEADING)
        return TD_PARA_HEADING;
    bool li = false;
    for (uint32_t i = b->owner; i && i != container; i = d->nodes[i].parent) {
        if (d->nodes[i].tag == TDP_HT_BLOCKQUOTE)
            return TD_PARA_QUOTE;
        li |= d->nodes[i].tag == TDP_HT_LI;
    }
    return li ? TD_PARA_LIST : TD_PARA_TEXT;
}

/* ---- the headline and the container ---- */

/* A title as compared: ASCII letters and digits lower-cased, other ASCII and the
 * general punctuation block (curly quotes, dashes, ellipsis: U+2000-U+206F) left
 * out, other characters kept; at most cap bytes. */
static size_t title_key(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < n && o < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0xE2 && i + 2 < n && ((unsigned char)s[i + 1] & 0xFE) == 0x80) {
            i += 2;
            continue;
        }
        if (c >= 'A' && c <= 'Z')
            out[o++] = (char)(c + 32);
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80)
            out[o++] = (char)c;
    }
    return o;
}

/* The text is the title, or one holds the other and the shorter is most of the
 * longer ("Story" and "Story - Site"), punctuation and case aside. */
static bool same_title(const char *s, size_t n, const char *t, size_t tn)
{
    char a[512], b[512];
    if (!t || n > sizeof a || tn > sizeof b)
        return false;
    n = title_key(s, n, a, sizeof a);
    tn = title_key(t, tn, b, sizeof b);
    if (tn < 6 || n < 6)
        return false;
    const char *lo = n < tn ? a : b, *hi = n < tn ? b : a;
    size_t ln = n < tn ? n : tn, hn = n < tn ? tn : n;
    if (ln * 10 < hn * 6)
        return false;
    for (size_t k = 0; k + ln <= hn; k++)
        if (memcmp(hi + k, lo, ln) == 0)
            return true;
    return false;
}

/* The text of element i (its text nodes in order) into buf; its length, or
 * cap + 1 when it is longer than cap or spans more than cap nodes (a heading
 * left open over the page is not a headline, and is not read to its end). */
static size_t node_text(const tdp_hdoc *d, uint32_t i, char *buf, size_t cap)
{
    uint32_t last = last_desc(d, i);
    size_t o = 0;
    if (last - i > cap)
        return cap + 1;
    for (uint32_t j = i + 1; j <= last; j++) {
        const tdp_hnode *x = &d->nodes[j];
        if (x->tag != TDP_HT_TEXT)
            continue;
        if (x->len > cap - o)
            return cap + 1;
        memcpy(buf + o, d->str.data + x->str, x->len);
        o += x->len;
    }
    return o;
}

/* The headline for title t: the first <h1> that says it, else the first other
 * heading that does, wherever they are (a page header dropped as furniture
 * still places the headline), else the first kept block that is exactly the
 * title. 0 when there is none. */
static uint32_t headline_of(const extractor *ex, const char *t, size_t tn)
{
    const tdp_hdoc *d = ex->d;
    uint32_t best = 0;
    int rank = 3;
    char buf[400];
    for (uint32_t i = 1; i < d->n && rank > 0; i++) {
        int tag = d->nodes[i].tag;
        if (!(tdp_htag_flags(tag) & HT_HEAD) || ex->drop[i] == 2)
            continue;
        int r = tag == TDP_HT_H1 ? 0 : 1;
        if (r >= rank)
            continue;
        size_t n = node_text(d, i, buf, sizeof buf);
        if (n <= sizeof buf && same_title(buf, n, t, tn)) {
            best = i;
            rank = r;
        }
    }
    for (size_t k = 0; k < ex->nb && !best; k++) {
        const block *b = &ex->b[k];
        const char *s = ex->bt.data + b->off;
        if (!b->comment && b->links * 2 <= b->len && b->len <= tn + 8 && tn <= b->len + 8 &&
            same_title(s, b->len, t, tn))
            best = b->owner;
    }
    return best;
}

/* The headline's element (0: none) for the title found in the metadata, else
 * for the page's <title> (og:title is sometimes the site's name); *after: the
 * first block after it. */
static uint32_t headline(const extractor *ex, const td_article *a, size_t *after)
{
    const tdp_hdoc *d = ex->d;
    const char *dt = d->title_len ? d->str.data + d->title_str : NULL;
    uint32_t h = a->title ? headline_of(ex, a->title, strlen(a->title)) : 0;
    if (!h && dt)
        h = headline_of(ex, dt, d->title_len);
    size_t k = 0;
    if (h) {
        uint32_t last = last_desc(d, h);
        while (k < ex->nb && ex->b[k].node <= last)
            k++;
    }
    *after = k;
    return h;
}

/* Under a sidebar, a widget or a footer: a block there is the site's, not the
 * article's, whatever its length. */
static bool side_node(const tdp_hdoc *d, uint32_t i)
{
    int tag = d->nodes[i].tag;
    if (tag == TDP_HT_ASIDE || tag == TDP_HT_FOOTER)
        return true;
    if (!d->nodes[i].nattr)
        return false;
    char buf[256];
    size_t n = lower_names(d, i, true, buf, sizeof buf);
    return has_sub(buf, n, "sidebar") || has_sub(buf, n, "widget") || has_sub(buf, n, "footer");
}

/* Weights of the choice (on the three dev sets together): a candidate that
 * neither holds nor closely follows the headline, one under a sidebar, widget
 * or footer, and one with a single paragraph of weight count for less. */
#define TDP_AWAY_FACTOR 0.5
#define TDP_SIDE_FACTOR 0.5
#define TDP_LONE_FACTOR 0.5

/* The container: the element whose subtree weighs most once the choice's
 * weights are applied, then narrowed to a child holding 80% of its weight. */
static td_status choose(extractor *ex, uint32_t *bestp)
{
    tdp_hdoc *d = ex->d;
    size_t n = d->n;
    /* One zeroed block for the per-node and per-block arrays, widest first. */
    int64_t *sc = tdp_calloc(1, n * (sizeof(int64_t) + 3 * sizeof(uint32_t) + 2) +
                                    (ex->nb + 1) * sizeof(uint32_t));
    if (!sc)
        return TD_ENOMEM;
    uint32_t *end = (uint32_t *)(sc + n), *fb = end + n, *npos = fb + n, *gap = npos + n;
    uint8_t *side = (uint8_t *)(gap + ex->nb + 1), *near = side + n;
    uint32_t best = 0;
    for (size_t i = 0; i < n; i++) {
        end[i] = (uint32_t)i;
        fb[i] = UINT32_MAX;
    }
    gap[0] = 0;
    for (size_t k = 0; k < ex->nb; k++) {
        const block *b = &ex->b[k];
        if (fb[b->owner] > k)
            fb[b->owner] = (uint32_t)k;
        npos[b->owner] += b->weight > 0;
        gap[k + 1] = gap[k] + (b->weight > 0 && d->nodes[b->owner].tag == TDP_HT_P);
    }
    for (size_t i = n; i-- > 1;) {
        uint32_t p = d->nodes[i].parent;
        if (end[i] > end[p])
            end[p] = end[i];
        if (fb[i] < fb[p])
            fb[p] = fb[i];
        npos[p] += npos[i];
    }
    size_t kn = ex->head_next;
    uint32_t ho = ex->head;
#ifdef TDP_HTML_DEBUG
    fprintf(stderr, "headline node %u, next block %zu of %zu\n", ho, kn, ex->nb);
#endif
    /* A sidebar-named element that holds the headline or half the page's weight
     * is a layout wrapper ("has-sidebar", "sticky-sidebar"), not a sidebar. */
    for (size_t i = 1; i < n; i++)
        side[i] = side[d->nodes[i].parent] ||
                  (d->nodes[i].tag != TDP_HT_TEXT && !(ho && i <= ho && ho <= end[i]) &&
                   ex->score[i] * 2 < ex->score[0] && side_node(d, (uint32_t)i));
    /* Near the headline: holds it, or starts closely after it. */
    for (size_t i = 1; ho && i < n; i++)
        near[i] = (i <= ho && ho <= end[i]) ||
                  (i > end[ho] && fb[i] != UINT32_MAX && fb[i] >= kn &&
                   gap[fb[i]] - gap[kn] <= TDP_FOLLOW_GAP);
    /* The article follows its headline: text before an <h1> that says the title
     * (a stream of teasers above the story) adds nothing to a candidate, its
     * junk still costs. (A lesser heading that says the title may be a recipe
     * card's or a box's, at the end of the article.) */
    bool h1 = ho && d->nodes[ho].tag == TDP_HT_H1;
    for (size_t k = 0; k < ex->nb; k++)
        if (!(h1 && ex->b[k].weight > 0 && ex->b[k].node < ho))
            sc[ex->b[k].owner] += ex->b[k].weight;
    /* What a sidebar holds adds nothing to the elements around it. */
    for (size_t i = n; i-- > 1;) {
        uint32_t p = d->nodes[i].parent;
        sc[p] += side[i] && !side[p] && sc[i] > 0 ? 0 : sc[i];
    }
    double bv = 0;
    int64_t bs = 0;
    for (size_t i = 1; i < n; i++) {
        if (d->nodes[i].tag == TDP_HT_TEXT || ex->drop[i] || sc[i] <= 0)
            continue;
        double v = (double)sc[i];
        if (ho && !near[i])
            v *= TDP_AWAY_FACTOR;
        if (side[i])
            v *= TDP_SIDE_FACTOR;
        if (npos[i] < 2)
            v *= TDP_LONE_FACTOR;
        if (v > bv || (v == bv && best && i > best && i <= end[best])) {
            bv = v;
            bs = sc[i];
            best = (uint32_t)i;
        }
    }
    /* Descend while one child holds 80% of the weight or more: the rest is page
     * furniture that happened to weigh a little more than nothing. The headline's
     * container is not left for a child away from it, nor for one in a sidebar. */
    while (best) {
        uint32_t bc = 0;
        for (uint32_t c = d->nodes[best].first; c; c = d->nodes[c].next)
            if (d->nodes[c].tag != TDP_HT_TEXT && !ex->drop[c] &&
                (!bc || sc[c] > sc[bc]))
                bc = c;
        if (!bc || d->nodes[bc].tag == TDP_HT_P || sc[bc] * 10 < bs * 8 ||
            (side[bc] && !side[best]) || (near[best] && !near[bc]))
            break;
        best = bc;
    }
    /* A single paragraph or list item is never the container: take its parent. */
    while (best && d->nodes[best].parent && fb[best] != UINT32_MAX &&
           ex->b[fb[best]].owner == best && npos[best] < 2)
        best = d->nodes[best].parent;
    tdp_free(sc);
    *bestp = best;
    return TD_OK;
}

/* Drops, blocks, their weights and the subtree weights, from scratch. */
static td_status prepare(extractor *ex, const td_article *a)
{
    tdp_hdoc *d = ex->d;
    size_t n = d->n;
    memset(ex->drop, 0, n);
    memset(ex->score, 0, n * sizeof *ex->score);
    ex->nb = 0;
    ex->bt.len = 0;
    ex->open = false;
    td_status st = mark_drops(ex);
    if (st)
        return st;
    make_blocks(ex);
    if (ex->bt.err)
        return ex->bt.err;
    ex->head = headline(ex, a, &ex->head_next);
    weigh(ex);
    for (size_t k = 0; k < ex->nb; k++)
        ex->score[ex->b[k].owner] += ex->b[k].weight;
    for (size_t i = n; i-- > 1;)
        ex->score[d->nodes[i].parent] += ex->score[i];
    return TD_OK;
}

typedef struct paras {
    tdp_xpara *xp;
    size_t n, cap;
} paras;

/* Appends one paragraph to the text. */
static td_status put_para(tdp_buf *out, paras *p, const char *s, uint32_t len, uint8_t kind)
{
    if (out->len)
        tdp_buf_puts(out, "\n\n");
    if (out->len > UINT32_MAX - len || TDP_GROW(p->xp, p->cap, p->n + 1))
        return out->err ? out->err : TD_ENOMEM;
    p->xp[p->n++] = (tdp_xpara){(uint32_t)out->len, len, kind};
    tdp_buf_put(out, s, len);
    return out->err;
}

/* The block with the most unlinked text, or ex->nb when none has a line of text
 * of its own (20 bytes, links at most half, not a boilerplate line). */
static size_t densest(const extractor *ex)
{
    size_t best = ex->nb;
    uint32_t bw = 19;
    for (size_t k = 0; k < ex->nb; k++) {
        const block *b = &ex->b[k];
        if (!b->comment && b->len - b->links > bw && b->links * 2 <= b->len &&
            !boiler_line(ex->bt.data + b->off, b->len)) {
            bw = b->len - b->links;
            best = k;
        }
    }
    return best;
}

/* The child of `top` that holds node i (i inside top's subtree). */
static uint32_t top_under(const tdp_hdoc *d, uint32_t top, uint32_t i)
{
    while (d->nodes[i].parent != top)
        i = d->nodes[i].parent;
    return i;
}

/* The first word of node i's class, or NULL; *n its length. */
static const char *class_head(const tdp_hdoc *d, uint32_t i, size_t *n)
{
    const char *v = tdp_hnode_attr(d, i, "class", n);
    if (!v)
        return NULL;
    size_t k = 0;
    while (k < *n && v[k] == ' ')
        k++;
    size_t e = k;
    while (e < *n && v[e] != ' ' && v[e] != '\t')
        e++;
    *n = e - k;
    return e > k ? v + k : NULL;
}

/* Node j has node i's tag and the first word of its class. */
static bool same_kind(const tdp_hdoc *d, uint32_t i, uint32_t j)
{
    size_t n, m;
    const char *c = class_head(d, i, &n), *e = class_head(d, j, &m);
    return d->nodes[i].tag == d->nodes[j].tag && c && e && n == m && memcmp(c, e, n) == 0;
}

/* The paragraphs of the container's subtree: no link lists, boilerplate lines,
 * comments or headline. A list item that is mostly a link stays when most items
 * of its list are text: it is one point of the article's list, not a menu.
 * A sibling of the container of the same kind (tag and first class word) with
 * two paragraphs of weight or more is another part of the same body (sections
 * between wide images, a story cut around an advertisement); a lone line there
 * is a plug. */
static td_status put_container(extractor *ex, const td_article *a, uint32_t best,
                               tdp_buf *out, paras *p)
{
    const tdp_hdoc *d = ex->d;
    const char *title = a->title;
    size_t title_len = title ? strlen(title) : 0;
    uint32_t lo = best, hi = best ? last_desc(d, best) : 0, bhi = hi;
    uint32_t par = best && d->nodes[best].tag != TDP_HT_P ? d->nodes[best].parent : 0;
    /* texty[list]: its text items less its link items; part[child of par]:
     * paragraphs of weight, -1 once taken as a part. */
    int32_t *texty = best ? tdp_calloc(2 * d->n, sizeof *texty) : NULL;
    if (best && !texty)
        return TD_ENOMEM;
    int32_t *part = texty + d->n;
    bool parts = false;
    if (par) {
        uint32_t phi = last_desc(d, par);
        for (size_t k = 0; k < ex->nb; k++)
            if (ex->b[k].owner > par && ex->b[k].owner <= phi && ex->b[k].weight > 0)
                part[top_under(d, par, ex->b[k].owner)]++;
        for (uint32_t c = d->nodes[par].first; c; c = d->nodes[c].next)
            if (c != best && part[c] >= 2 && !ex->drop[c] && ex->score[c] > 0 &&
                same_kind(d, best, c)) {
                part[c] = -1;
                parts = true;
                lo = c < lo ? c : lo;
                hi = last_desc(d, c) > hi ? last_desc(d, c) : hi;
            }
    }
    for (size_t k = 0; best && k < ex->nb; k++) {
        const block *b = &ex->b[k];
        if (b->owner >= lo && b->owner <= hi && d->nodes[b->owner].tag == TDP_HT_LI)
            texty[d->nodes[b->owner].parent] +=
                b->links * 2 <= b->len || item_with_text(d, b) ? 1 : -1;
    }
    td_status st = TD_OK;
    for (size_t k = 0; best && k < ex->nb && !st; k++) {
        const block *b = &ex->b[k];
        if (b->owner < lo || b->owner > hi || b->comment ||
            (parts && (b->owner < best || b->owner > bhi) &&
             part[top_under(d, par, b->owner)] != -1))
            continue;
        const char *s = ex->bt.data + b->off;
        bool links = b->links * 2 > b->len && !item_with_text(d, b) &&
                     !(d->nodes[b->owner].tag == TDP_HT_LI &&
                       texty[d->nodes[b->owner].parent] > 0);
        if (links || boiler_line(s, b->len))
            continue;
        if (b->kind == TD_PARA_HEADING && title_len && b->len <= title_len + 8 &&
            title_len <= b->len + 8 && same_title(s, b->len, title, title_len))
            continue;
        if (d->nodes[b->owner].tag == TDP_HT_H1)
            continue;
        st = put_para(out, p, s, b->len, para_kind(d, b, best));
    }
    tdp_free(texty);
    return st;
}

static td_status content(extractor *ex, td_article *a, tdp_buf *out)
{
    tdp_hdoc *d = ex->d;
    size_t n = d->n;
    ex->drop = tdp_calloc(n, 1);
    ex->bown = tdp_calloc(n, sizeof *ex->bown);
    ex->score = tdp_calloc(n, sizeof *ex->score);
    if (!ex->drop || !ex->bown || !ex->score)
        return TD_ENOMEM;
    for (size_t i = 1; i < n; i++) {
        const tdp_hnode *x = &d->nodes[i];
        ex->bown[i] = (tdp_htag_flags(x->tag) & HT_BLOCK) ? (uint32_t)i : ex->bown[x->parent];
    }
    td_status st = prepare(ex, a);
    uint32_t best = 0;
    if (!st)
        st = choose(ex, &best);
    if (st)
        return st;
#ifdef TDP_HTML_DEBUG
    if (ex->relaxed)
        fprintf(stderr, "fallback\n");
    {
        fprintf(stderr, "nb %zu best %u n %zu\n", ex->nb, best, n);
        for (size_t i = 1; i < n; i++) {
            if (d->nodes[i].tag == TDP_HT_TEXT || ex->score[i] < ex->score[best] / 3 || !ex->score[i])
                continue;
            size_t cl = 0, il = 0;
            const char *c = tdp_hnode_attr(d, (uint32_t)i, "class", &cl);
            const char *id = tdp_hnode_attr(d, (uint32_t)i, "id", &il);
            fprintf(stderr, "node %zu <%s class=%.*s id=%.*s> score %lld drop %d%s\n", i,
                    tdp_htag_name(d->nodes[i].tag), (int)(cl > 60 ? 60 : cl), c ? c : "",
                    (int)il, id ? id : "", (long long)ex->score[i], ex->drop[i],
                    i == best ? " BEST" : "");
        }
        for (size_t k = 0; k < ex->nb; k++) {
            uint32_t o = ex->b[k].owner;
            uint32_t anc = o;
            while (anc && !(ex->drop[anc]))
                anc = d->nodes[anc].parent;
            fprintf(stderr, "  blk owner %u <%s> w %d links %u: %.80s\n", o,
                    tdp_htag_name(d->nodes[o].tag), ex->b[k].weight, ex->b[k].links,
                    ex->bt.data + ex->b[k].off);
        }
    }
#endif
    paras p = {NULL, 0, 0};
    st = put_container(ex, a, best, out, &p);
    if (!st && !out->len) {
        /* Never nothing from a page with visible text: with no element dropped
         * for its name, the block with the most text of its own and its siblings,
         * and a note that says so. */
        ex->relaxed = true;
        st = prepare(ex, a);
        size_t k = st ? ex->nb : densest(ex);
        if (k < ex->nb) {
            static const char note[] = "no article container: the densest text block kept";
            uint32_t o = ex->b[k].owner;
            st = put_container(ex, a, d->nodes[o].parent ? d->nodes[o].parent : o, out, &p);
            if (!st)
                st = tdp_article_add_removed(a, note, sizeof note - 1, "fallback");
        }
    }
    /* Reader comments, on request: after the article, each block a paragraph. */
    for (size_t k = 0; ex->keep_comments && out->len && k < ex->nb && !st; k++) {
        const block *b = &ex->b[k];
        const char *s = ex->bt.data + b->off;
        if (!b->comment || b->kind == TD_PARA_HEADING || b->links * 2 > b->len ||
            boiler_line(s, b->len) ||
            (b->len < 20 && !sentence_end(s, b->len)))
            continue;
        st = put_para(out, &p, s, b->len, TD_PARA_COMMENT);
    }
    if (!st)
        st = out->err ? out->err : out->len ? TD_OK : TD_EEMPTY;
    if (!st) {
        tdp_xpara *keep = tdp_arena_alloc(&a->arena, p.n * sizeof *keep);
        if (keep) {
            memcpy(keep, p.xp, p.n * sizeof *keep);
            a->xparas = keep;
            a->n_xparas = p.n;
        } else {
            st = TD_ENOMEM;
        }
    }
    tdp_free(p.xp);
    return st;
}

td_status tdp_html_extract(td_article *a)
{
    if (!a || !a->html)
        return TD_EARG;
    if (tdp_looks_binary(a->html, a->html_len))
        return TD_EBINARY;
    tdp_buf tmp = TDP_BUF_INIT;
    size_t n;
    const char *s = tdp_html_utf8(a->html, a->html_len, NULL, &tmp, &n);
    if (!s) {
        tdp_buf_free(&tmp);
        return TD_ENOMEM;
    }
    tdp_hdoc doc;
    memset(&doc, 0, sizeof doc);
    td_status st = tdp_hdoc_parse(&doc, s, n);
    tdp_buf_free(&tmp);
    extractor ex;
    memset(&ex, 0, sizeof ex);
    ex.d = &doc;
    ex.keep_comments = a->keep_comments;
    tdp_buf out = TDP_BUF_INIT;
    if (!st)
        st = tdp_html_meta(&doc, a);
    if (!st)
        st = content(&ex, a, &out);
    if (!st) {
        a->text = tdp_article_str(a, out.data, out.len);
        a->text_len = out.len;
        if (!a->text)
            st = TD_ENOMEM;
    }
    if (st) {
        a->xparas = NULL;
        a->n_xparas = 0;
    }
    tdp_buf_free(&out);
    tdp_buf_free(&ex.bt);
    tdp_free(ex.b);
    tdp_free(ex.drop);
    tdp_free(ex.bown);
    tdp_free(ex.score);
    tdp_hdoc_free(&doc);
    return st;
}

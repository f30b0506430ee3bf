/*
 * dom.c - HTML tokenizer and a forgiving tree builder, in one linear pass.
 *
 * Not a full HTML5 parser: it keeps what article extraction needs (elements,
 * attributes, text with character references decoded) and follows the browser's
 * rules where they change which text belongs to which block: void elements, <p>
 * closed by block starts, <li>/<dd>/<dt>/<td>/<tr> closing their open siblings,
 * end tags closing everything opened inside them, raw text (script, style)
 * skipped up to its end tag, and a missing </head> implied by body content. No
 * recursion anywhere; the open-element stack and the node count are capped.
 */
#include "html/dom.h"

#define NAME_MAX_LEN 16

typedef struct tag_def {
    const char *name;
    size_t len;
    unsigned flags;
} tag_def;

#define TDP_HTAG_DEF(id, name, fl) {name, sizeof(name) - 1, fl},
static const tag_def k_tags[] = {
    {"#text", 5, 0}, {"#root", 5, HT_BLOCK}, {"#other", 6, HT_INLINE},
    TDP_HTAGS(TDP_HTAG_DEF)
};
#undef TDP_HTAG_DEF

unsigned tdp_htag_flags(int tag)
{
    return tag >= 0 && tag < TDP_HT_COUNT_ ? k_tags[tag].flags : 0;
}

const char *tdp_htag_name(int tag)
{
    return tag >= 0 && tag < TDP_HT_COUNT_ ? k_tags[tag].name : "";
}

static int lookup_tag(const char *name, size_t n)
{
    int lo = TDP_HT_OTHER + 1, hi = TDP_HT_COUNT_ - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        const char *t = k_tags[mid].name;
        size_t tl = k_tags[mid].len, m = tl < n ? tl : n;
        int c = memcmp(name, t, m);
        if (!c)
            c = n < tl ? -1 : n > tl ? 1 : 0;
        if (!c)
            return mid;
        if (c < 0)
            hi = mid - 1;
        else
            lo = mid + 1;
    }
    return TDP_HT_OTHER;
}

/* ---- character references ---- */

typedef struct ent {
    const char *name;
    uint16_t cp;
} ent;

static const ent k_ents[] = {
    {"amp", 38}, {"nbsp", 160}, {"quot", 34}, {"lt", 60}, {"gt", 62}, {"apos", 39},
    {"rsquo", 8217}, {"lsquo", 8216}, {"rdquo", 8221}, {"ldquo", 8220},
    {"mdash", 8212}, {"ndash", 8211}, {"hellip", 8230}, {"bull", 8226},
    {"middot", 183}, {"laquo", 171}, {"raquo", 187}, {"copy", 169}, {"reg", 174},
    {"trade", 8482}, {"euro", 8364}, {"shy", 173}, {"zwnj", 8204}, {"zwj", 8205},
    {"lrm", 8206}, {"rlm", 8207}, {"sbquo", 8218}, {"bdquo", 8222},
    {"lsaquo", 8249}, {"rsaquo", 8250}, {"thinsp", 8201}, {"ensp", 8194},
    {"emsp", 8195}, {"hairsp", 8202}, {"ZeroWidthSpace", 8203}, {"dagger", 8224},
    {"Dagger", 8225}, {"permil", 8240}, {"prime", 8242}, {"Prime", 8243},
    {"oline", 8254}, {"frasl", 8260}, {"larr", 8592}, {"uarr", 8593},
    {"rarr", 8594}, {"darr", 8595}, {"harr", 8596}, {"minus", 8722},
    {"dash", 8208}, {"hyphen", 8208}, {"OElig", 338}, {"oelig", 339},
    {"Scaron", 352}, {"scaron", 353}, {"Yuml", 376}, {"fnof", 402}, {"circ", 710},
    {"tilde", 732}, {"Tab", 9}, {"NewLine", 10}, {"excl", 33}, {"num", 35},
    {"dollar", 36}, {"percnt", 37}, {"lpar", 40}, {"rpar", 41}, {"ast", 42},
    {"plus", 43}, {"comma", 44}, {"period", 46}, {"sol", 47}, {"colon", 58},
    {"semi", 59}, {"equals", 61}, {"quest", 63}, {"commat", 64}, {"lsqb", 91},
    {"bsol", 92}, {"rsqb", 93}, {"lowbar", 95}, {"grave", 96}, {"lcub", 123},
    {"verbar", 124}, {"vert", 124}, {"rcub", 125}, {"deg", 176}, {"times", 215},
    {"divide", 247}, {"alpha", 945}, {"beta", 946}, {"gamma", 947}, {"delta", 948},
    {"mu", 956}, {"pi", 960}, {"sigma", 963}, {"omega", 969}, {"infin", 8734},
    {"le", 8804}, {"ge", 8805}, {"ne", 8800}, {"asymp", 8776}, {"check", 10003},
    {"star", 9734}, {"hearts", 9829}, {"spades", 9824}, {"clubs", 9827},
    {"diams", 9830}, {"loz", 9674}, {"sdot", 8901}, {"lowast", 8727},
};

/* Latin-1 names in code point order, U+00A0 .. U+00FF. */
static const char *const k_latin1[96] = {
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml",
    "copy", "ordf", "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2",
    "sup3", "acute", "micro", "para", "middot", "cedil", "sup1", "ordm", "raquo",
    "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc", "Atilde",
    "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute", "Ecirc", "Euml",
    "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute",
    "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc",
    "Uuml", "Yacute", "THORN", "szlig", "agrave", "aacute", "acirc", "atilde",
    "auml", "aring", "aelig", "ccedil", "egrave", "eacute", "ecirc", "euml",
    "igrave", "iacute", "icirc", "iuml", "eth", "ntilde", "ograve", "oacute",
    "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc",
    "uuml", "yacute", "thorn", "yuml"};

/* Windows-1252 code points for C1 bytes 0x80..0x9F (numeric references). */
static const uint16_t k_c1[32] = {
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030,
    0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C,
    0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,
    0x017E, 0x0178};

static int32_t named_ref(const char *s, size_t n)
{
    for (size_t i = 0; i < sizeof k_ents / sizeof *k_ents; i++)
        if (strlen(k_ents[i].name) == n && memcmp(k_ents[i].name, s, n) == 0)
            return k_ents[i].cp;
    for (int i = 0; i < 96; i++)
        if (strlen(k_latin1[i]) == n && memcmp(k_latin1[i], s, n) == 0)
            return 160 + i;
    return -1;
}

static bool is_alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
}

/* Decodes one reference at s[0] == '&'; returns bytes consumed (0: not a reference)
 * and writes the code point to *cp. */
static size_t one_ref(const char *s, size_t n, bool attr, int32_t *cp)
{
    if (n < 3)
        return 0;
    if (s[1] == '#') {
        size_t i = 2;
        bool hex = false;
        if (i < n && (s[i] == 'x' || s[i] == 'X')) {
            hex = true;
            i++;
        }
        size_t d0 = i;
        int64_t v = 0;
        while (i < n && i - d0 < 8) {
            unsigned char c = (unsigned char)s[i];
            int dv;
            if (c >= '0' && c <= '9')
                dv = c - '0';
            else if (hex && (c | 32) >= 'a' && (c | 32) <= 'f')
                dv = (c | 32) - 'a' + 10;
            else
                break;
            v = v * (hex ? 16 : 10) + dv;
            i++;
        }
        if (i == d0)
            return 0;
        while (i < n && is_alnum((unsigned char)s[i]))
            i++; /* absurdly long numbers: consumed, replaced */
        if (i < n && s[i] == ';')
            i++;
        if (v >= 0x80 && v <= 0x9F)
            v = k_c1[v - 0x80];
        if (v <= 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
            v = 0xFFFD;
        *cp = (int32_t)v;
        return i;
    }
    size_t i = 1;
    while (i < n && i < 34 && is_alnum((unsigned char)s[i]))
        i++;
    if (i == 1)
        return 0;
    if (i < n && s[i] == ';') {
        int32_t v = named_ref(s + 1, i - 1);
        if (v < 0)
            return 0;
        *cp = v;
        return i + 1;
    }
    if (attr)
        return 0;
    /* Legacy references without ';' that browsers still honour in text. */
    static const char *const legacy[] = {"amp", "lt", "gt", "quot", "nbsp", "copy",
                                         "reg"};
    for (size_t k = 0; k < sizeof legacy / sizeof *legacy; k++) {
        size_t l = strlen(legacy[k]);
        if (i - 1 >= l && memcmp(s + 1, legacy[k], l) == 0 && i - 1 == l) {
            *cp = named_ref(legacy[k], l);
            return l + 1;
        }
    }
    return 0;
}

void tdp_html_decode_entities(tdp_buf *b, const char *s, size_t n, bool attr)
{
    size_t i = 0;
    while (i < n) {
        const char *amp = memchr(s + i, '&', n - i);
        size_t j = amp ? (size_t)(amp - s) : n;
        tdp_buf_put(b, s + i, j - i);
        if (j == n)
            break;
        int32_t cp;
        size_t used = one_ref(s + j, n - j, attr, &cp);
        if (!used) {
            tdp_buf_putc(b, '&');
            i = j + 1;
            continue;
        }
        char u[4];
        if (cp == 160) { /* no-break space: a plain space for the extractor */
            tdp_buf_putc(b, ' ');
        } else {
            tdp_buf_put(b, u, tdp_utf8_encode(cp, u));
        }
        i = j + used;
    }
}

/* ---- the tree ---- */

typedef struct builder {
    tdp_hdoc *d;
    uint32_t stack[TDP_HDOM_MAX_DEPTH];
    uint32_t depth;            /* stack[0] is the root */
    uint32_t foreign;          /* open svg/math elements */
    bool have_html, have_head, have_body, head_closed;
    td_status err;
} builder;

static uint32_t cur(const builder *b) { return b->stack[b->depth - 1]; }

static uint32_t new_node(builder *b, int tag)
{
    tdp_hdoc *d = b->d;
    if (d->n >= TDP_HDOM_MAX_NODES) {
        d->truncated = true;
        return 0;
    }
    if (TDP_GROW(d->nodes, d->cap, d->n + 1)) {
        b->err = TD_ENOMEM;
        return 0;
    }
    uint32_t id = (uint32_t)d->n++;
    tdp_hnode *x = &d->nodes[id];
    memset(x, 0, sizeof *x);
    x->tag = (uint16_t)tag;
    uint32_t p = cur(b);
    tdp_hnode *pn = &d->nodes[p];
    x->parent = p;
    if (pn->last)
        d->nodes[pn->last].next = id;
    else
        pn->first = id;
    pn->last = id;
    return id;
}

static void add_text(builder *b, const char *s, size_t n, bool decode)
{
    tdp_hdoc *d = b->d;
    if (!n)
        return;
    bool ws = true;
    for (size_t i = 0; i < n && ws; i++)
        ws = s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r' || s[i] == '\f';
    size_t before = d->str.len;
    tdp_hnode *p = &d->nodes[cur(b)];
    tdp_hnode *last = p->last ? &d->nodes[p->last] : NULL;
    bool merge = last && last->tag == TDP_HT_TEXT && last->str + last->len == before;
    if (ws) {
        if (merge && last->len && d->str.data[before - 1] == ' ')
            return;
        tdp_buf_putc(&d->str, ' ');
    } else if (decode && memchr(s, '&', n)) {
        tdp_html_decode_entities(&d->str, s, n, false);
    } else {
        tdp_buf_put(&d->str, s, n);
    }
    if (d->str.err) {
        b->err = d->str.err;
        return;
    }
    if (d->str.len > UINT32_MAX / 2) {
        b->err = TD_ETOOBIG;
        return;
    }
    if (merge) {
        last->len += (uint32_t)(d->str.len - before);
        return;
    }
    uint32_t id = new_node(b, TDP_HT_TEXT);
    if (!id)
        return; /* past the node cap: the text is dropped */
    d->nodes[id].str = (uint32_t)before;
    d->nodes[id].len = (uint32_t)(d->str.len - before);
}

static void pop_to(builder *b, uint32_t level)
{
    while (b->depth > level) {
        b->depth--;
        if (tdp_htag_flags(b->d->nodes[b->stack[b->depth]].tag) & HT_FOREIGN)
            b->foreign--;
    }
}

/* Finds the open element with tag t, searching down from the top but not past a
 * scope boundary; returns its stack level or 0. */
static uint32_t in_scope(const builder *b, int t, const int *stops)
{
    for (uint32_t l = b->depth - 1; l >= 1; l--) {
        int g = b->d->nodes[b->stack[l]].tag;
        if (g == t)
            return l;
        for (const int *s = stops; *s; s++)
            if (g == *s)
                return 0;
    }
    return 0;
}

static const int k_button_scope[] = {TDP_HT_TABLE, TDP_HT_TD, TDP_HT_TH, TDP_HT_BUTTON,
                                     TDP_HT_HTML, TDP_HT_CAPTION, TDP_HT_OBJECT,
                                     TDP_HT_TEMPLATE, TDP_HT_SVG, TDP_HT_MATH, 0};
static const int k_list_scope[] = {TDP_HT_UL, TDP_HT_OL, TDP_HT_TABLE, TDP_HT_TD,
                                   TDP_HT_TH, TDP_HT_HTML, TDP_HT_DIV, TDP_HT_SECTION,
                                   TDP_HT_ARTICLE, 0};
static const int k_dl_scope[] = {TDP_HT_DL, TDP_HT_TABLE, TDP_HT_TD, TDP_HT_TH,
                                 TDP_HT_HTML, TDP_HT_DIV, 0};
static const int k_table_scope[] = {TDP_HT_TABLE, TDP_HT_HTML, TDP_HT_TEMPLATE, 0};
static const int k_row_scope[] = {TDP_HT_TR, TDP_HT_TABLE, TDP_HT_HTML, 0};
static const int k_none[] = {TDP_HT_HTML, 0};

static void close_tag(builder *b, int t, const int *stops)
{
    uint32_t l = in_scope(b, t, stops);
    if (l)
        pop_to(b, l);
}

static bool head_content(int t)
{
    return t == TDP_HT_TITLE || t == TDP_HT_META || t == TDP_HT_LINK ||
           t == TDP_HT_SCRIPT || t == TDP_HT_STYLE || t == TDP_HT_BASE ||
           t == TDP_HT_NOSCRIPT || t == TDP_HT_TEMPLATE || t == TDP_HT_OTHER;
}

/* Before a start tag: the implied end tags. Returns false to ignore the tag. */
static bool before_start(builder *b, int t)
{
    unsigned fl = tdp_htag_flags(t);
    if (t == TDP_HT_HTML) {
        if (b->have_html)
            return false;
        b->have_html = true;
        return true;
    }
    if (t == TDP_HT_HEAD) {
        if (b->have_head || b->have_body)
            return false;
        b->have_head = true;
        return true;
    }
    if (b->have_head && !b->head_closed && !head_content(t)) {
        uint32_t l = in_scope(b, TDP_HT_HEAD, k_none);
        if (l)
            pop_to(b, l);
        b->head_closed = true;
    }
    if (t == TDP_HT_BODY) {
        if (b->have_body)
            return false;
        b->have_body = true;
        return true;
    }
    if (b->foreign)
        return true;
    if (fl & HT_PCLOSE)
        close_tag(b, TDP_HT_P, k_button_scope);
    switch (t) {
    case TDP_HT_LI:
        close_tag(b, TDP_HT_LI, k_list_scope);
        break;
    case TDP_HT_DD:
    case TDP_HT_DT: {
        uint32_t l1 = in_scope(b, TDP_HT_DD, k_dl_scope);
        uint32_t l2 = in_scope(b, TDP_HT_DT, k_dl_scope);
        uint32_t l = l1 > l2 ? l1 : l2;
        if (l)
            pop_to(b, l);
        break;
    }
    case TDP_HT_TR:
        close_tag(b, TDP_HT_TR, k_table_scope);
        break;
    case TDP_HT_TD:
    case TDP_HT_TH: {
        uint32_t l1 = in_scope(b, TDP_HT_TD, k_row_scope);
        uint32_t l2 = in_scope(b, TDP_HT_TH, k_row_scope);
        uint32_t l = l1 > l2 ? l1 : l2;
        if (l)
            pop_to(b, l);
        break;
    }
    case TDP_HT_OPTION:
        if (b->d->nodes[cur(b)].tag == TDP_HT_OPTION)
            pop_to(b, b->depth - 1);
        break;
    case TDP_HT_A:
        close_tag(b, TDP_HT_A, k_button_scope);
        break;
    default:
        if ((fl & HT_HEAD) && (tdp_htag_flags(b->d->nodes[cur(b)].tag) & HT_HEAD))
            pop_to(b, b->depth - 1);
        break;
    }
    return true;
}

static uint32_t name_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h | 1u;
}

static void end_tag(builder *b, int t, uint32_t hash)
{
    if (t == TDP_HT_BODY || t == TDP_HT_HTML)
        return; /* content after them still belongs to the body */
    if (t == TDP_HT_HEAD) {
        uint32_t l = in_scope(b, TDP_HT_HEAD, k_none);
        if (l)
            pop_to(b, l);
        b->head_closed = true;
        return;
    }
    if (t == TDP_HT_BR) {
        new_node(b, TDP_HT_BR);
        return;
    }
    for (uint32_t l = b->depth - 1; l >= 1; l--) {
        const tdp_hnode *x = &b->d->nodes[b->stack[l]];
        if (x->tag == t && (t != TDP_HT_OTHER || x->str == hash)) {
            pop_to(b, l);
            return;
        }
        /* A stray end tag never closes a table cell or a table from inside. */
        if (!b->foreign && (x->tag == TDP_HT_TD || x->tag == TDP_HT_TH ||
                            x->tag == TDP_HT_TABLE) && t != TDP_HT_TABLE &&
            t != TDP_HT_TD && t != TDP_HT_TH && t != TDP_HT_TR &&
            t != TDP_HT_TBODY && t != TDP_HT_THEAD && t != TDP_HT_TFOOT)
            return;
    }
}

static bool is_space(unsigned char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
}

static const char *find_ci_end(const char *p, const char *e, const char *name, size_t nl)
{
    /* Finds "</name" followed by a space, '/' or '>' (case-insensitive). */
    while (p < e) {
        const char *lt = memchr(p, '<', (size_t)(e - p));
        if (!lt)
            return NULL;
        if (lt + 2 + nl <= e && lt[1] == '/') {
            size_t k = 0;
            while (k < nl && (char)(lt[2 + k] | 32) == name[k])
                k++;
            if (k == nl && (lt + 2 + nl == e || is_space((unsigned char)lt[2 + nl]) ||
                            lt[2 + nl] == '>' || lt[2 + nl] == '/'))
                return lt;
        }
        p = lt + 1;
    }
    return NULL;
}

/* Attributes the extractor reads; the rest (src, data-*, on*...) are not stored. */
static bool wanted_attr(const char *a, size_t n)
{
    static const char *const k_want[] = {
        "class", "id", "style", "role", "hidden", "aria-hidden", "content", "property",
        "name", "itemprop", "http-equiv", "rel", "href", "lang", "datetime", "type",
        "pubdate", "charset", "itemtype", NULL};
    if (n < 2 || n > 11)
        return false;
    for (int k = 0; k_want[k]; k++) {
        size_t l = strlen(k_want[k]);
        if (l != n)
            continue;
        size_t i = 0;
        while (i < n && (char)(a[i] | 32) == k_want[k][i])
            i++;
        if (i == n)
            return true;
    }
    return false;
}

static bool is_json_ld(const tdp_hdoc *d, uint32_t i)
{
    size_t n;
    const char *t = tdp_hnode_attr(d, i, "type", &n);
    return t && n >= 19 && (t[12] | 32) == 'l' && (t[13] | 32) == 'd' && t[14] == '+';
}

td_status tdp_hdoc_parse(tdp_hdoc *d, const char *s, size_t n)
{
    if (n > UINT32_MAX / 2)
        return TD_ETOOBIG;
    builder *b = tdp_calloc(1, sizeof *b);
    if (!b)
        return TD_ENOMEM;
    b->d = d;
    d->n = 0;
    d->nattrs = 0;
    tdp_buf_reset(&d->str);
    d->truncated = false;
    d->title_str = d->title_len = 0;
    bool have_title = false;
    if (TDP_GROW(d->nodes, d->cap, 1)) {
        tdp_free(b);
        return TD_ENOMEM;
    }
    memset(&d->nodes[0], 0, sizeof d->nodes[0]);
    d->nodes[0].tag = TDP_HT_ROOT;
    d->n = 1;
    b->stack[0] = 0;
    b->depth = 1;
    tdp_buf_putc(&d->str, ' '); /* offset 0 is never a real string */

    const char *p = s, *e = s + n;
    while (p < e && !b->err) {
        const char *lt = memchr(p, '<', (size_t)(e - p));
        if (!lt) {
            add_text(b, p, (size_t)(e - p), true);
            break;
        }
        if (lt > p)
            add_text(b, p, (size_t)(lt - p), true);
        p = lt;
        if (p + 1 >= e) {
            add_text(b, p, 1, false);
            break;
        }
        unsigned char c1 = (unsigned char)p[1];
        if (c1 == '!') {
            if (p + 4 <= e && p[2] == '-' && p[3] == '-') {
                const char *q = p + 4;
                const char *end = NULL;
                while (q < e) {
                    const char *m = memchr(q, '-', (size_t)(e - q));
                    if (!m || m + 2 >= e)
                        break;
                    if (m[1] == '-' && m[2] == '>') {
                        end = m + 3;
                        break;
                    }
                    q = m + 1;
                }
                p = end ? end : e;
            } else {
                const char *gt = memchr(p, '>', (size_t)(e - p));
                p = gt ? gt + 1 : e;
            }
            continue;
        }
        if (c1 == '?') {
            const char *gt = memchr(p, '>', (size_t)(e - p));
            p = gt ? gt + 1 : e;
            continue;
        }
        bool end = c1 == '/';
        const char *q = p + (end ? 2 : 1);
        if (q >= e || !((*q | 32) >= 'a' && (*q | 32) <= 'z')) {
            if (end) { /* "</>" or "</ 3": a bogus comment */
                const char *gt = memchr(p, '>', (size_t)(e - p));
                p = gt ? gt + 1 : e;
            } else {
                add_text(b, p, 1, false);
                p++;
            }
            continue;
        }
        const char *nm = q;
        while (q < e && !is_space((unsigned char)*q) && *q != '/' && *q != '>')
            q++;
        size_t nl = (size_t)(q - nm);
        char lname[NAME_MAX_LEN + 1];
        int tag = TDP_HT_OTHER;
        if (nl <= NAME_MAX_LEN) {
            for (size_t k = 0; k < nl; k++) {
                char c = nm[k];
                lname[k] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
            }
            lname[nl] = '\0';
            tag = lookup_tag(lname, nl);
        }
        uint32_t hash = tag == TDP_HT_OTHER ? name_hash(nm, nl) : 0;
        if (end) {
            const char *gt = memchr(q, '>', (size_t)(e - q));
            p = gt ? gt + 1 : e;
            end_tag(b, tag, hash);
            continue;
        }
        /* Attributes. */
        size_t a0 = d->nattrs;
        bool selfclose = false;
        while (q < e) {
            while (q < e && (is_space((unsigned char)*q) || *q == '/')) {
                selfclose = *q == '/';
                q++;
            }
            if (q >= e || *q == '>')
                break;
            selfclose = false;
            const char *an = q;
            q++;
            while (q < e && !is_space((unsigned char)*q) && *q != '/' && *q != '>' &&
                   *q != '=')
                q++;
            size_t anl = (size_t)(q - an);
            while (q < e && is_space((unsigned char)*q))
                q++;
            const char *av = q;
            size_t avl = 0;
            if (q < e && *q == '=') {
                q++;
                while (q < e && is_space((unsigned char)*q))
                    q++;
                if (q < e && (*q == '"' || *q == '\'')) {
                    const char *cl = memchr(q + 1, *q, (size_t)(e - q - 1));
                    av = q + 1;
                    avl = cl ? (size_t)(cl - av) : (size_t)(e - av);
                    q = cl ? cl + 1 : e;
                } else {
                    av = q;
                    while (q < e && !is_space((unsigned char)*q) && *q != '>')
                        q++;
                    avl = (size_t)(q - av);
                }
            }
            if (d->nattrs - a0 >= 32 || !wanted_attr(an, anl))
                continue; /* only what extraction reads is kept */
            if (TDP_GROW(d->attrs, d->capattrs, d->nattrs + 1)) {
                b->err = TD_ENOMEM;
                break;
            }
            tdp_hattr *at = &d->attrs[d->nattrs++];
            at->name = (uint32_t)d->str.len;
            if (!tdp_buf_put(&d->str, an, anl))
                for (size_t k = at->name; k < d->str.len; k++)
                    if (d->str.data[k] >= 'A' && d->str.data[k] <= 'Z')
                        d->str.data[k] = (char)(d->str.data[k] + 32);
            at->name_len = (uint32_t)anl;
            at->val = (uint32_t)d->str.len;
            if (memchr(av, '&', avl))
                tdp_html_decode_entities(&d->str, av, avl, true);
            else
                tdp_buf_put(&d->str, av, avl);
            at->val_len = (uint32_t)(d->str.len - at->val);
            tdp_buf_putc(&d->str, '\0');
            if (d->str.err)
                b->err = d->str.err;
        }
        p = q < e ? q + 1 : e;
        if (b->err)
            break;
        unsigned fl = tdp_htag_flags(tag);
        if (fl & (HT_RAW | HT_RCDATA)) {
            const char *name = tdp_htag_name(tag);
            const char *close = find_ci_end(p, e, name, strlen(name));
            const char *cend = close ? close : e;
            if (tag == TDP_HT_TITLE && !have_title && !b->foreign) {
                have_title = true;
                size_t before = d->str.len;
                tdp_html_decode_entities(&d->str, p, (size_t)(cend - p), false);
                d->title_str = (uint32_t)before;
                d->title_len = (uint32_t)(d->str.len - before);
                tdp_buf_putc(&d->str, '\0');
            }
            /* The element itself is kept (script type, JSON-LD): its text, for
             * script only, as a text child. */
            if (before_start(b, tag)) {
                uint32_t id = new_node(b, tag);
                if (id) {
                    d->nodes[id].attr = (uint32_t)a0;
                    d->nodes[id].nattr = (uint32_t)(d->nattrs - a0);
                    if (tag == TDP_HT_SCRIPT && is_json_ld(d, id)) {
                        size_t before = d->str.len;
                        tdp_buf_put(&d->str, p, (size_t)(cend - p));
                        tdp_buf_putc(&d->str, '\0');
                        d->nodes[id].str = (uint32_t)before;
                        d->nodes[id].len = (uint32_t)(cend - p);
                    }
                }
            }
            if (close) {
                const char *gt = memchr(close, '>', (size_t)(e - close));
                p = gt ? gt + 1 : e;
            } else {
                p = e;
            }
            continue;
        }
        if (!before_start(b, tag))
            continue;
        uint32_t id = new_node(b, tag);
        if (!id)
            continue;
        d->nodes[id].attr = (uint32_t)a0;
        d->nodes[id].nattr = (uint32_t)(d->nattrs - a0);
        if (tag == TDP_HT_OTHER)
            d->nodes[id].str = hash;
        if ((fl & HT_VOID) || (selfclose && (b->foreign || tag == TDP_HT_OTHER)))
            continue;
        if (b->depth >= TDP_HDOM_MAX_DEPTH) {
            d->truncated = true;
            continue;
        }
        b->stack[b->depth++] = id;
        if (fl & HT_FOREIGN)
            b->foreign++;
    }
    td_status st = b->err;
    tdp_free(b);
    return st;
}

void tdp_hdoc_free(tdp_hdoc *d)
{
    tdp_free(d->nodes);
    tdp_free(d->attrs);
    tdp_buf_free(&d->str);
    memset(d, 0, sizeof *d);
}

const char *tdp_hnode_attr(const tdp_hdoc *d, uint32_t i, const char *name, size_t *len)
{
    const tdp_hnode *x = &d->nodes[i];
    size_t nl = strlen(name);
    for (uint32_t k = 0; k < x->nattr; k++) {
        const tdp_hattr *a = &d->attrs[x->attr + k];
        if (a->name_len == nl && memcmp(d->str.data + a->name, name, nl) == 0) {
            if (len)
                *len = a->val_len;
            return d->str.data + a->val;
        }
    }
    return NULL;
}

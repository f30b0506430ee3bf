/*
 * clean.c - the cleaning stage: what is not the article goes, each removal kept
 * with its reason; title, date, outlet, dateline and language are found.
 *
 * The text is cut into lines (every non-empty line is a paragraph candidate: crawls
 * put one paragraph per line, HTML extraction separates paragraphs by blank lines).
 * Rules then look at one line (its shape and a small lexicon), at its neighbours
 * (forum headers, captions above a credit) and at the whole page (repeats, teasers,
 * title). Every pass is linear in the input: repeats and teasers are found through
 * hash tables of lines and sentences (XXH3), and the few scans that compare lines
 * walk a bounded number of candidates. Reasons are the static strings below.
 */
#include <xxhash.h>

#include "clean/clean_p.h"
#include "html/html_p.h"
#include "lang/dates.h"
#include "lang/lang.h"
#include "lang/sentence.h"
#include "tidings/clean.h"

static const char R_CHROME[] = "chrome";
static const char R_FORUM[] = "forum";
static const char R_CAPTION[] = "caption";
static const char R_CREDIT[] = "credit";
static const char R_TIMESTAMP[] = "timestamp";
static const char R_TEASER[] = "teaser";
static const char R_REPEAT[] = "repeat";
static const char R_TITLE[] = "title";
static const char R_BYLINE[] = "byline";
static const char R_JUNK[] = "junk";

#define MAX_TITLE_WORDS 25
#define MAX_TITLE_BYTES 250
#define MIN_SENT 24      /* sentences shorter than this do not make a line a repeat */
#define PREFIX_KEY 32    /* bytes hashed to find the longer line a teaser cuts short */
#define CHAIN_MAX 32     /* candidates compared per teaser: bounds the work */

typedef struct cline {
    uint32_t off, len;      /* trimmed line within the text */
    uint32_t words;
    const char *reason;     /* NULL while kept */
    uint8_t kind;
    uint8_t hkind;          /* the kind the HTML markup gives (html text only) */
    bool blank_before;
    bool endp;              /* ends like a sentence: . ! ? … (quotes after allowed) */
    bool letters;           /* holds at least one letter */
} cline;

typedef struct span {
    const char *p;
    size_t n;
} span;

typedef struct ctx {
    td_article *a;
    const char *t;
    size_t n;
    cline *L;
    size_t nl, cap;
    /* metadata candidates, pointing into the text */
    span title;             /* detected title without its site suffix */
    span out_dateline, out_title, out_caption, out_teaser, out_copyright, out_site;
    span place;
    int dl_month, dl_day;
    size_t dl_line;         /* line holding the dateline, or SIZE_MAX */
    size_t title_line;      /* line the title was taken from, or SIZE_MAX */
    td_date caption_date;
    bool html;              /* the text is HTML extraction's: its paragraphs are the
                               page's article container, page chrome already gone */
} ctx;

/* ---- small helpers ---- */

static bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\r'; }
static bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static bool is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static bool is_alpha(unsigned char c) { return is_upper(c) || is_lower(c); }

static const char *lp(const ctx *c, size_t i) { return c->t + c->L[i].off; }

/* Length of s without closing quotes and brackets at its end. */
static size_t strip_closers(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    for (;;) {
        if (n && (u[n - 1] == '"' || u[n - 1] == '\'' || u[n - 1] == ')' || u[n - 1] == ']'))
            n--;
        else if (n >= 3 && u[n - 3] == 0xE2 && u[n - 2] == 0x80 &&
                 (u[n - 1] == 0x9D || u[n - 1] == 0x99 || u[n - 1] == 0x9C))
            n -= 3; /* ” ’ “ */
        else if (n >= 2 && u[n - 2] == 0xC2 && u[n - 1] == 0xBB)
            n -= 2; /* » */
        else
            return n;
    }
}

static bool ends_sentence(const char *s, size_t n)
{
    n = strip_closers(s, n);
    if (!n)
        return false;
    unsigned char c = (unsigned char)s[n - 1];
    if (c == '.' || c == '!' || c == '?')
        return true;
    return n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
           (unsigned char)s[n - 1] == 0xA6; /* … */
}

static bool ends_any_punct(const char *s, size_t n)
{
    size_t k = strip_closers(s, n);
    if (!k)
        return true;
    unsigned char c = (unsigned char)s[k - 1];
    return ends_sentence(s, n) || c == ',' || c == ';' || c == ':';
}

static bool span_eq(const char *a, size_t an, const char *b, size_t bn)
{
    return an == bn && memcmp(a, b, an) == 0;
}

static bool starts_with_ci(const char *s, size_t n, const char *p)
{
    size_t k = strlen(p);
    if (k > n)
        return false;
    for (size_t i = 0; i < k; i++) {
        unsigned char a = (unsigned char)s[i], b = (unsigned char)p[i];
        if (is_upper(a))
            a = (unsigned char)(a + 32);
        if (a != b)
            return false;
    }
    return true;
}

/* ---- a growable set of 64-bit hashes ---- */

typedef struct hset {
    uint64_t *k;
    uint32_t *v;
    size_t cap, n;
} hset;

static td_status hset_init(hset *h, size_t want)
{
    size_t cap = 64;
    while (cap < want * 2)
        cap <<= 1;
    h->k = tdp_calloc(cap, sizeof *h->k);
    h->v = tdp_calloc(cap, sizeof *h->v);
    h->cap = cap;
    h->n = 0;
    if (!h->k || !h->v) {
        tdp_free(h->k);
        tdp_free(h->v);
        h->k = NULL;
        h->v = NULL;
        return TD_ENOMEM;
    }
    return TD_OK;
}

static void hset_free(hset *h)
{
    tdp_free(h->k);
    tdp_free(h->v);
}

static uint32_t *hset_find(const hset *h, uint64_t key)
{
    key |= 1; /* 0 marks an empty slot */
    size_t m = h->cap - 1, i = (size_t)(key ^ (key >> 29)) & m;
    while (h->k[i]) {
        if (h->k[i] == key)
            return &h->v[i];
        i = (i + 1) & m;
    }
    return NULL;
}

static td_status hset_put(hset *h, uint64_t key, uint32_t val)
{
    key |= 1;
    if ((h->n + 1) * 2 > h->cap) {
        hset g;
        if (hset_init(&g, h->n + 1))
            return TD_ENOMEM;
        for (size_t i = 0; i < h->cap; i++)
            if (h->k[i]) {
                size_t m = g.cap - 1, j = (size_t)(h->k[i] ^ (h->k[i] >> 29)) & m;
                while (g.k[j])
                    j = (j + 1) & m;
                g.k[j] = h->k[i];
                g.v[j] = h->v[i];
                g.n++;
            }
        hset_free(h);
        *h = g;
    }
    size_t m = h->cap - 1, i = (size_t)(key ^ (key >> 29)) & m;
    while (h->k[i]) {
        if (h->k[i] == key) {
            h->v[i] = val;
            return TD_OK;
        }
        i = (i + 1) & m;
    }
    h->k[i] = key;
    h->v[i] = val;
    h->n++;
    return TD_OK;
}

/* ---- lines ---- */

static td_status split_lines(ctx *c)
{
    const char *t = c->t;
    size_t n = c->n, i = 0;
    bool blank = true;
    while (i < n) {
        const char *nl = memchr(t + i, '\n', n - i);
        size_t j = nl ? (size_t)(nl - t) : n;
        size_t b = i, e = j;
        while (b < e && is_space((unsigned char)t[b]))
            b++;
        while (e > b && is_space((unsigned char)t[e - 1]))
            e--;
        /* no-break spaces at the ends */
        while (e - b >= 2 && (unsigned char)t[b] == 0xC2 && (unsigned char)t[b + 1] == 0xA0)
            b += 2;
        while (e - b >= 2 && (unsigned char)t[e - 2] == 0xC2 && (unsigned char)t[e - 1] == 0xA0)
            e -= 2;
        if (e > b) {
            if (e - b > UINT32_MAX || b > UINT32_MAX)
                return TD_ETOOBIG;
            if (TDP_GROW(c->L, c->cap, c->nl + 1))
                return TD_ENOMEM;
            cline *l = &c->L[c->nl++];
            memset(l, 0, sizeof *l);
            l->off = (uint32_t)b;
            l->len = (uint32_t)(e - b);
            l->blank_before = blank;
            blank = false;
        } else {
            blank = true;
        }
        i = j + 1;
    }
    return TD_OK;
}

/* Each line's kind from the HTML paragraph holding it (both lists are in text
 * order). */
static void html_kinds(ctx *c)
{
    const tdp_xpara *xp = c->a->xparas;
    size_t nx = c->a->n_xparas, j = 0;
    for (size_t i = 0; i < c->nl; i++) {
        uint32_t off = c->L[i].off;
        while (j < nx && (size_t)xp[j].off + xp[j].len <= off)
            j++;
        if (j < nx && xp[j].off <= off)
            c->L[i].hkind = xp[j].kind;
    }
}

/* Words, letters, sentence end; junk when control bytes or U+FFFD abound. The loop
 * is branch-free: it runs over every byte of the input. */
static void features(ctx *c, size_t i)
{
    cline *l = &c->L[i];
    const unsigned char *s = (const unsigned char *)lp(c, i);
    size_t n = l->len, words = 0, ctrl = 0, ef = 0;
    unsigned letters = 0, prev_sp = 1;
    for (size_t k = 0; k < n; k++) {
        unsigned ch = s[k];
        unsigned sp = (ch == ' ') | (ch == '\t');
        words += prev_sp & !sp;
        prev_sp = sp;
        ctrl += (ch < 0x20) & (ch != '\t');
        ef += ch == 0xEF;
        letters |= ((ch | 0x20) - 'a' < 26u) | (ch - 0xC3 <= 0xDF - 0xC3) |
                   (ch - 0xE3 <= 0xED - 0xE3);
    }
    size_t bad = ctrl;
    if (ef) /* U+FFFD, the mark of repaired bytes */
        for (size_t k = 0; k + 2 < n; k++)
            bad += s[k] == 0xEF && s[k + 1] == 0xBF && s[k + 2] == 0xBD;
    l->words = words > UINT32_MAX ? UINT32_MAX : (uint32_t)words;
    l->letters = letters != 0;
    l->endp = ends_sentence((const char *)s, n);
    if (bad && (bad * 10 >= n || bad >= 64))
        l->reason = R_JUNK;
}

/* ---- dates inside short lines (read by lib/lang/dates.c) ---- */

typedef tdp_stamp stamp;

static bool timestamp_line(const char *s, size_t n, stamp *st)
{
    return tdp_date_stamp(s, n, false, st);
}

/*
 * A publication date the reader kept as text. Crawled metadata often comes
 * tokenised ("11 / 12 / 2007 07 : 35 PM ET"): spaces around '/', ':' and '.' between
 * digits are closed first. Only a whole date (day, month and year) is taken.
 */
static bool date_field(const char *s, size_t n, td_date *out)
{
    char b[128];
    size_t k = 0;
    for (size_t i = 0; i < n && k < sizeof b - 1; i++) {
        if (is_space((unsigned char)s[i]) && k && is_digit((unsigned char)b[k - 1])) {
            size_t j = i;
            while (j < n && is_space((unsigned char)s[j]))
                j++;
            if (j + 1 < n && (s[j] == '/' || s[j] == ':' || s[j] == '.')) {
                size_t q = j + 1;
                while (q < n && is_space((unsigned char)s[q]))
                    q++;
                if (q < n && is_digit((unsigned char)s[q])) {
                    b[k++] = s[j];
                    i = q - 1;
                    continue;
                }
            }
        }
        b[k++] = s[i];
    }
    stamp st;
    if (!tdp_date_stamp(b, k, true, &st) || !st.has_date)
        return false;
    *out = (td_date){(int16_t)st.y, (int8_t)st.m, (int8_t)st.d, 0, 0, TD_DATE_DAY};
    return true;
}

/* ---- rules on one line ---- */

/* "by time news", "Von Anna Schmidt": a short name line after a byline opener. */
static bool byline(const char *s, size_t n, const char *norm, size_t nn, cline *l, span *who)
{
    size_t k;
    /* "(Reporting by A; editing by B)": the wire's credit line */
    if (nn > 2 && norm[0] == '(' && norm[nn - 1] == ')' && l->words <= 16 &&
        tdp_lex_byline(norm + 1, nn - 2, &k)) {
        const char *semi = memchr(s, ';', n);
        size_t b = 1 + k;
        while (b < n && s[b] == ' ')
            b++;
        size_t e = semi ? (size_t)(semi - s) : n - 1;
        who->p = s + b;
        who->n = e > b ? e - b : 0;
        return true;
    }
    if (l->words > 8 || l->endp || !tdp_lex_byline(norm, nn, &k))
        return false;
    for (size_t i = 0; i < n; i++)
        if (is_digit((unsigned char)s[i]))
            return false;
    /* the name after the opener, in the original text */
    size_t ow = 0;
    for (size_t i = 0; i < k; i++)
        if (norm[i] == ' ')
            ow++;
    size_t i = 0, w = 0;
    while (i < n && w <= ow) {
        while (i < n && !is_space((unsigned char)s[i]))
            i++;
        while (i < n && is_space((unsigned char)s[i]))
            i++;
        w++;
    }
    if (i >= n)
        return false;
    /* a sentence opening with "By" has a verb and lower-case words; a name does not
     * have more than one lower-case word in a row unless it is all lower case */
    who->p = s + i;
    who->n = n - i;
    return true;
}

/* "© REUTERS / Ints Kalnins", "Photo: AFP", "AP Photo/Evan Vucci". */
static bool credit(const char *s, size_t n, const char *norm, size_t nn, const cline *l)
{
    if (l->words > 12 || l->endp)
        return false;
    if ((unsigned char)s[0] == 0xC2 && n > 1 && (unsigned char)s[1] == 0xA9)
        return true;
    if (tdp_lex_credit_prefix(norm, nn))
        return true;
    /* AGENCY / Name, Name / AGENCY */
    const char *sl = memchr(norm, '/', nn);
    if (sl) {
        size_t a = (size_t)(sl - norm), b = a + 1;
        while (a && norm[a - 1] == ' ')
            a--;
        while (b < nn && norm[b] == ' ')
            b++;
        if (tdp_lex_agency(norm, a) || tdp_lex_agency(norm + b, nn - b))
            return true;
        /* "ap photo/evan vucci" */
        if (a > 6 && !memcmp(norm + a - 6, " photo", 6) && tdp_lex_agency(norm, a - 6))
            return true;
    }
    (void)s;
    return false;
}

/*
 * A caption variant that ends with " - Outlet, 1920, 15.01.2022" (an image alt text
 * with the outlet, a width and a date). *base is the caption without it.
 */
static bool caption_suffix(ctx *c, const char *s, size_t n, size_t *base)
{
    if (n < 16)
        return false;
    /* the last token must be a date */
    size_t e = n;
    while (e && s[e - 1] != ' ' && s[e - 1] != ',')
        e--;
    int y, m, d;
    if (!tdp_date_numeric(s + e, n - e, false, &y, &m, &d))
        return false;
    /* find the last " - " (or " – ", " — ") before it, within 80 bytes */
    size_t lim = e > 80 ? e - 80 : 0;
    for (size_t i = e; i-- > lim + 1;) {
        size_t sep = 0;
        if (s[i] == '-' && s[i - 1] == ' ' && i + 1 < n && s[i + 1] == ' ')
            sep = 1;
        else if (i + 3 < n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
                 ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94) &&
                 s[i - 1] == ' ' && s[i + 3] == ' ')
            sep = 3;
        if (!sep)
            continue;
        const char *tail = s + i + sep + 1;
        size_t tn = e - (i + sep + 1);
        const char *comma = memchr(tail, ',', tn);
        size_t on = comma ? (size_t)(comma - tail) : tn;
        while (on && tail[on - 1] == ' ')
            on--;
        if (on == 0 || on > 48 || !is_upper((unsigned char)tail[0]))
            return false;
        *base = i - 1;
        if (!c->out_caption.n)
            c->out_caption = (span){tail, on};
        if (c->caption_date.prec == TD_DATE_NONE)
            c->caption_date = (td_date){(int16_t)y, (int8_t)m, (int8_t)d, 0, 0, TD_DATE_DAY};
        return true;
    }
    return false;
}

/* "Comments (3)", "Kommentare (12)": a chrome word with a count. */
static bool counted_chrome(const char *norm, size_t nn)
{
    if (nn < 4 || norm[nn - 1] != ')')
        return false;
    size_t k = nn - 1;
    while (k && is_digit((unsigned char)norm[k - 1]))
        k--;
    if (k == nn - 1 || k < 2 || norm[k - 1] != '(')
        return false;
    k--;
    while (k && norm[k - 1] == ' ')
        k--;
    return k && tdp_lex_chrome(norm, k);
}

/* "Home | News | Business | Port | Opinion": three or more short menu items. */
static bool nav_line(const char *s, size_t n)
{
    size_t segs = 1, words = 1;
    for (size_t i = 0; i < n; i++) {
        bool sep = (s[i] == '|' || s[i] == '>') && i && s[i - 1] == ' ' && i + 1 < n &&
                   s[i + 1] == ' ';
        if (!sep && i + 2 < n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
            ((unsigned char)s[i + 2] == 0xA2 || (unsigned char)s[i + 2] == 0xBA) && i &&
            s[i - 1] == ' ')
            sep = true; /* • › */
        if (!sep && i + 1 < n && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xB7 &&
            i && s[i - 1] == ' ')
            sep = true; /* · */
        if (sep) {
            if (words > 3)
                return false;
            segs++;
            words = 0;
        } else if (s[i] == ' ' && i + 1 < n && s[i + 1] != ' ' && s[i + 1] != '|' &&
                   s[i + 1] != '>') {
            words++;
        }
    }
    return segs >= 3 && words <= 3;
}

/* "© 2026 Kestrel Bay Courier. All rights reserved.": the site's own notice. */
static bool copyright(ctx *c, const char *s, size_t n, const char *norm, size_t nn)
{
    size_t i;
    if (n >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA9)
        i = 2;
    else if (starts_with_ci(s, n, "copyright"))
        i = 9;
    else if (starts_with_ci(s, n, "(c) "))
        i = 3;
    else
        return false;
    while (i < n && (s[i] == ' ' || (s[i] == '(' && i + 2 < n && s[i + 1] == 'c') ||
                     (s[i] == 'c' && i && s[i - 1] == '(') || s[i] == ')'))
        i++;
    size_t y = i;
    while (i < n && (is_digit((unsigned char)s[i]) || s[i] == '-'))
        i++;
    bool year = i - y >= 4;
    bool reserved = false;
    for (size_t k = 0; k + 15 <= nn && !reserved; k++)
        reserved = memcmp(norm + k, "rights reserved", 15) == 0;
    if (!year && !reserved)
        return false;
    while (i < n && s[i] == ' ')
        i++;
    size_t e = i;
    while (e < n && s[e] != '.' && s[e] != ',' && s[e] != '|' && e - i < 48)
        e++;
    while (e > i && s[e - 1] == ' ')
        e--;
    if (year && e > i && is_upper((unsigned char)s[i]) && !c->out_copyright.n)
        c->out_copyright = (span){s + i, e - i};
    return true;
}

/* "quaysider said:", "Max schrieb:": the head of a quoted forum post. */
static bool said_line(const char *norm, size_t nn)
{
    static const char *const said[] = {"said", "wrote", "schrieb", "a écrit", "escribió",
                                        "написал", "написала", "ha scritto", "escreveu",
                                        "schreef", NULL};
    for (size_t i = 0; said[i]; i++) {
        size_t k = strlen(said[i]);
        if (nn > k + 1 && norm[nn - k - 1] == ' ' && !memcmp(norm + nn - k, said[i], k))
            return true;
    }
    return false;
}

static void rule_line(ctx *c, size_t i)
{
    cline *l = &c->L[i];
    if (l->reason)
        return;
    const char *s = lp(c, i);
    size_t n = l->len;
    if (!l->letters) {
        /* a lone ".", "***", "10,291": no words to read; in HTML text a figure
         * ("225.86", "-5.44%") is a cell of the article's table, kept */
        bool figure = false;
        for (size_t k = 0; k < n && c->html && !figure; k++)
            figure = is_digit((unsigned char)s[k]);
        if (!figure) {
            l->reason = R_CHROME;
            return;
        }
    }
    if (n > TDP_CLEAN_SHORT)
        return;
    char norm[TDP_CLEAN_SHORT * 2 + 16];
    size_t nn = tdp_clean_norm(s, n, norm, sizeof norm);
    if (!nn) {
        l->reason = R_CHROME;
        return;
    }
    if (tdp_lex_chrome(norm, nn) || (l->words <= 16 && tdp_lex_chrome_prefix(norm, nn)) ||
        (l->words <= 8 && tdp_lex_ui_line(norm, nn)) || counted_chrome(norm, nn) ||
        nav_line(s, n)) {
        l->reason = R_CHROME;
        return;
    }
    if (copyright(c, s, n, norm, nn)) {
        l->reason = R_CHROME;
        return;
    }
    if (l->words <= 4 && s[n - 1] == ':' && said_line(norm, nn)) {
        l->reason = R_FORUM;
        return;
    }
    span who;
    if (byline(s, n, norm, nn, l, &who)) {
        l->reason = R_BYLINE;
        if (!c->a->author && who.n)
            c->a->author = tdp_article_str(c->a, who.p, who.n);
        return;
    }
    stamp st;
    if (l->words <= 20 && timestamp_line(s, n, &st)) {
        l->reason = R_TIMESTAMP;
        return;
    }
    if (credit(s, n, norm, nn, l)) {
        l->reason = R_CREDIT;
        return;
    }
}

/* ---- rules on neighbours ---- */

static bool forum_short(const ctx *c, size_t i)
{
    const cline *l = &c->L[i];
    return l->words <= 6 && l->len <= 64 && !(l->endp && l->words > 3);
}

static bool forum_marker(const ctx *c, size_t i)
{
    const cline *l = &c->L[i];
    if (l->len > 40)
        return false;
    char norm[96];
    size_t nn = tdp_clean_norm(lp(c, i), l->len, norm, sizeof norm);
    if (!nn)
        return false;
    /* "Beiträge: 12.345": the label before the colon */
    const char *colon = memchr(norm, ':', nn);
    if (colon && colon > norm)
        return tdp_lex_forum(norm, (size_t)(colon - norm));
    return tdp_lex_forum(norm, nn);
}

/*
 * A forum user header: a run of short lines holding at least two user fields
 * ("- Joined", "- Messages", "Reaction score"), with their values and up to two
 * short lines before it (the user name and rank).
 */
static void forum_blocks(ctx *c)
{
    size_t i = 0;
    while (i < c->nl) {
        if (!forum_short(c, i)) {
            i++;
            continue;
        }
        size_t b = i;
        int markers = 0;
        while (i < c->nl && forum_short(c, i)) {
            if (forum_marker(c, i))
                markers++;
            i++;
        }
        if (markers < 2)
            continue;
        /* from two lines before the first marker to the end of the run */
        size_t first = b;
        while (first < i && !forum_marker(c, first))
            first++;
        size_t from = first >= b + 2 ? first - 2 : b;
        for (size_t k = from; k < i; k++)
            c->L[k].reason = R_FORUM;
    }
}

/* Reported speech: quote marks or a reporting verb, which captions do not have. */
static bool reported(const char *s, size_t n)
{
    static const char *const verbs[] = {" said", " says", " told", " according to",
                                        " sagte", " erklärte", " a déclaré", " a dit",
                                        " dijo", " afirmó", " ha detto", " disse",
                                        " zei", " заявил", " сказал", NULL};
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == '"' || (ch == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
                          ((unsigned char)s[i + 2] == 0x9C || (unsigned char)s[i + 2] == 0x9D ||
                           (unsigned char)s[i + 2] == 0x9E)) ||
            (ch == 0xC2 && i + 1 < n && ((unsigned char)s[i + 1] == 0xAB)))
            return true;
        if (ch == ' ')
            for (size_t v = 0; verbs[v]; v++) {
                size_t k = strlen(verbs[v]);
                if (i + k <= n && memcmp(s + i, verbs[v], k) == 0)
                    return true;
            }
    }
    return false;
}

static bool one_sentence(const char *s, size_t n)
{
    size_t p = 0, b, e, k = 0;
    while (tdp_sentence_next(s, n, &p, &b, &e))
        k++;
    return k == 1;
}

/* Lines just above a credit that do not end like a sentence are its caption; so is
 * a line of one short sentence right above it. */
static void captions(ctx *c)
{
    for (size_t i = 0; i < c->nl; i++) {
        cline *l = &c->L[i];
        size_t base;
        if (!l->reason && l->len <= 600 && !l->endp &&
            caption_suffix(c, lp(c, i), l->len, &base)) {
            l->reason = R_CAPTION;
            /* the same caption without the suffix, just before or after */
            for (size_t k = i >= 2 ? i - 2 : 0; k < c->nl && k <= i + 2; k++)
                if (k != i && span_eq(lp(c, k), c->L[k].len, lp(c, i), base))
                    c->L[k].reason = R_CAPTION;
        }
    }
    bool lead = false; /* a sentence kept above the caption: the lead is no caption */
    for (size_t i = 0; i < c->nl; i++) {
        if (i >= 2 && !c->L[i - 2].reason && c->L[i - 2].endp && c->L[i - 2].words >= 6)
            lead = true;
        if (c->L[i].reason != R_CREDIT)
            continue;
        /* a caption that is one short sentence, right above its credit */
        if (lead && !c->L[i - 1].reason && c->L[i - 1].endp && c->L[i - 1].words <= 25 &&
            one_sentence(lp(c, i - 1), c->L[i - 1].len) &&
            !reported(lp(c, i - 1), c->L[i - 1].len)) {
            c->L[i - 1].reason = R_CAPTION;
            continue;
        }
        for (size_t k = i, steps = 0; k-- > 0 && steps < 2; steps++) {
            cline *p = &c->L[k];
            if (p->reason == R_CAPTION)
                continue;
            if (p->reason || p->endp || p->words < 3 || p->len > 400)
                break;
            p->reason = R_CAPTION;
        }
    }
}

/* ---- teasers: a line cut short ("...") that a later or earlier line tells in full ---- */

static size_t teaser_cut(const char *s, size_t n, size_t *tail)
{
    /* "..." or "…" followed by at most a short tail ("15.01.2022, Outlet") */
    for (size_t i = 0; i + 2 < n; i++) {
        size_t w = 0;
        if (s[i] == '.' && s[i + 1] == '.' && s[i + 2] == '.')
            w = 3;
        else if ((unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
                 (unsigned char)s[i + 2] == 0xA6)
            w = 3;
        if (!w)
            continue;
        size_t j = i + w;
        while (j < n && s[j] == '.')
            j++;
        if (n - j <= 80) {
            *tail = j;
            size_t e = i;
            while (e && s[e - 1] == ' ')
                e--;
            return e;
        }
    }
    *tail = n;
    return 0;
}

static void teaser_meta(ctx *c, const char *s, size_t n)
{
    /* "15.01.2022, Sputnik International" */
    while (n && (*s == ' ' || *s == ','))
        s++, n--;
    const char *comma = memchr(s, ',', n);
    if (!comma)
        return;
    int y, m, d;
    if (!tdp_date_numeric(s, (size_t)(comma - s), false, &y, &m, &d))
        return;
    const char *o = comma + 1;
    size_t on = n - (size_t)(o - s);
    while (on && *o == ' ')
        o++, on--;
    if (on && on <= 48 && is_upper((unsigned char)o[0]) && !c->out_teaser.n)
        c->out_teaser = (span){o, on};
    if (c->caption_date.prec == TD_DATE_NONE)
        c->caption_date = (td_date){(int16_t)y, (int8_t)m, (int8_t)d, 0, 0, TD_DATE_DAY};
}

static td_status teasers(ctx *c)
{
    int32_t *head = NULL, *next = NULL;
    size_t cap = 64;
    while (cap < c->nl * 2)
        cap <<= 1;
    head = tdp_malloc(cap * sizeof *head);
    next = tdp_malloc((c->nl ? c->nl : 1) * sizeof *next);
    if (!head || !next) {
        tdp_free(head);
        tdp_free(next);
        return TD_ENOMEM;
    }
    for (size_t i = 0; i < cap; i++)
        head[i] = -1;
    for (size_t i = c->nl; i-- > 0;) {
        next[i] = -1;
        if (c->L[i].reason || c->L[i].len < PREFIX_KEY || i > INT32_MAX)
            continue;
        size_t h = (size_t)XXH3_64bits(lp(c, i), PREFIX_KEY) & (cap - 1);
        next[i] = head[h];
        head[h] = (int32_t)i;
    }
    for (size_t i = 0; i < c->nl; i++) {
        cline *l = &c->L[i];
        if (l->reason || l->len < PREFIX_KEY)
            continue;
        const char *s = lp(c, i);
        size_t tail, cut = teaser_cut(s, l->len, &tail);
        if (!cut) {
            if (l->endp || l->words < 6)
                continue;
            cut = l->len; /* a lead without its end: no final punctuation */
        }
        if (cut < PREFIX_KEY)
            continue;
        size_t h = (size_t)XXH3_64bits(s, PREFIX_KEY) & (cap - 1);
        int steps = 0;
        for (int32_t j = head[h]; j >= 0 && steps < CHAIN_MAX; j = next[j], steps++) {
            const cline *o = &c->L[j];
            if ((size_t)j == i || o->reason || o->len <= cut)
                continue;
            if (memcmp(lp(c, j), s, cut) == 0) {
                l->reason = R_TEASER;
                if (tail < l->len)
                    teaser_meta(c, s + tail, l->len - tail);
                break;
            }
        }
    }
    tdp_free(head);
    tdp_free(next);
    return TD_OK;
}

/* ---- datelines: "WASHINGTON (Sputnik) -", "TASS, December 26.", "MOSCOW, Dec 26 /TASS/" ---- */

/* An upper-case place or agency name at s: returns its length (0 if none). It ends
 * before the first word holding a lower-case letter ("KESTREL BAY - The ..."). */
static size_t caps_name(const char *s, size_t n)
{
    size_t i = 0, upper = 0, word_start = 0, good = 0, good_upper = 0;
    while (i < n && i < 48) {
        unsigned char ch = (unsigned char)s[i];
        if (is_upper(ch)) {
            upper++;
        } else if (is_lower(ch)) {
            i = word_start; /* this word is not upper case: stop before it */
            upper = good_upper;
            break;
        } else if (ch >= 0x80) {
            /* upper-case Latin-1 and Cyrillic letters */
            unsigned char d = i + 1 < n ? (unsigned char)s[i + 1] : 0;
            if ((ch == 0xC3 && d >= 0x80 && d <= 0x9E) ||
                (ch == 0xD0 && d >= 0x80 && d <= 0xAF)) {
                upper++;
                i += 2;
                continue;
            }
            break;
        } else if (ch == ' ') {
            good = i;
            good_upper = upper;
            word_start = i + 1;
        } else if (!(ch == '.' || ch == '-' || ch == '\'')) {
            break;
        }
        i++;
    }
    (void)good;
    while (i && (s[i - 1] == ' ' || s[i - 1] == '-'))
        i--;
    return upper >= 2 ? i : 0;
}

/* After a name: a dash, en or em dash, or colon, with spaces; its end. */
static size_t dash_at(const char *s, size_t n, size_t i)
{
    while (i < n && s[i] == ' ')
        i++;
    if (i < n && (s[i] == '-' || s[i] == ':'))
        i++;
    else if (i + 2 < n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
             ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94))
        i += 3;
    else
        return 0;
    if (i < n && s[i] != ' ')
        return 0;
    return i;
}

static bool dateline(ctx *c, size_t i)
{
    const char *s = lp(c, i);
    size_t n = c->L[i].len;
    size_t pn = caps_name(s, n);
    if (!pn)
        return false;
    char w[96];
    size_t wn = tdp_fold(s, pn, w, sizeof w);
    bool agency = wn && tdp_lex_agency(w, wn);
    size_t j = pn;
    int m = 0, d = 0;
    span outlet = {NULL, 0};
    if (j < n && s[j] == ',') {
        /* ", December 26." / ", Jan 15 (Reuters) -" / ", Ukraine (AP) -" */
        size_t e;
        if (tdp_date_month_day(s + j + 1, n - j - 1, &m, &d, &e)) {
            j = j + 1 + e;
            while (j < n && (s[j] == '.' || s[j] == ','))
                j++;
        } else {
            size_t k = j + 1;
            while (k < n && k < j + 30 && s[k] != '(' && s[k] != '.')
                k++;
            if (k < n && s[k] == '(')
                j = k;
            else
                return false;
        }
    }
    while (j < n && s[j] == ' ')
        j++;
    if (j < n && s[j] == '(') {
        const char *cl = memchr(s + j, ')', n - j < 48 ? n - j : 48);
        if (!cl)
            return false;
        outlet = (span){s + j + 1, (size_t)(cl - s) - j - 1};
        size_t e = dash_at(s, n, (size_t)(cl - s) + 1);
        if (!e)
            return false;
    } else if (j + 1 < n && s[j] == '/') {
        const char *cl = memchr(s + j + 1, '/', n - j - 1 < 40 ? n - j - 1 : 40);
        if (!cl)
            return false;
        outlet = (span){s + j + 1, (size_t)(cl - s) - j - 1};
    } else if (m && d) {
        /* "TASS, December 26. Text" / "MOSCOW, December 26. Text" */
        if (!(j < n && (is_upper((unsigned char)s[j]) || (unsigned char)s[j] >= 0x80)))
            return false;
    } else {
        size_t e = dash_at(s, n, pn);
        if (!e || agency || pn < 3)
            return false;
    }
    if (agency && !outlet.n) {
        outlet = (span){s, pn};
    } else {
        c->place = (span){s, pn};
    }
    c->out_dateline = outlet;
    c->dl_month = m;
    c->dl_day = d;
    c->dl_line = i;
    return true;
}

/* ---- title ---- */

/* Two words in sentence case, a capital then a word in lower case: "Bridge closes",
 * "Markets fall". Site names and menus are capitalised throughout ("Kestrel Bay",
 * "World News") or are chrome the lexicon knows ("Read more"). */
static bool two_word_title(const ctx *c, size_t i)
{
    const cline *l = &c->L[i];
    const unsigned char *s = (const unsigned char *)lp(c, i);
    if (l->words != 2 || !l->len || !is_upper(s[0]))
        return false;
    const unsigned char *sp = memchr(s, ' ', l->len);
    return sp && (size_t)(sp - s) + 1 < l->len && is_lower(sp[1]);
}

/* A title: a few words on one line, not closed by a period (? and ! may close it);
 * two words only in sentence case (two_word_title). */
static bool title_shape(const ctx *c, size_t i)
{
    const cline *l = &c->L[i];
    if (l->words < 2 || (l->words == 2 && !two_word_title(c, i)) ||
        l->words > MAX_TITLE_WORDS || l->len > MAX_TITLE_BYTES)
        return false;
    size_t n = strip_closers(lp(c, i), l->len);
    char last = n ? lp(c, i)[n - 1] : '.';
    return last != '.' && last != ':' && last != ',' && last != ';';
}

/* Count of " | " / " - " / " – " / " — " separators: title suffix split. */
static size_t suffix_cut(ctx *c, const char *s, size_t n, span *site)
{
    /* pipes: everything after the first " | " is the site */
    for (size_t i = 1; i + 2 < n; i++) {
        if (s[i] == '|' && s[i - 1] == ' ' && s[i + 1] == ' ') {
            size_t head = i - 1, words = 1;
            for (size_t k = 0; k < head; k++)
                if (s[k] == ' ')
                    words++;
            if (words < 3)
                return n;
            /* the outlet: the last segment */
            size_t b = n;
            while (b > i && !(s[b - 1] == '|' && b >= 2 && s[b - 2] == ' '))
                b--;
            while (b < n && s[b] == ' ')
                b++;
            *site = (span){s + b, n - b};
            (void)c;
            return head;
        }
    }
    /* dashes: only a short capitalised last segment */
    for (size_t i = n; i-- > 1;) {
        size_t w = 0;
        if (s[i] == '-' && s[i - 1] == ' ' && i + 1 < n && s[i + 1] == ' ')
            w = 1;
        else if (i + 3 < n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
                 ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94) &&
                 s[i - 1] == ' ' && s[i + 3] == ' ')
            w = 3;
        if (!w)
            continue;
        const char *t = s + i + w + 1;
        size_t tn = n - (i + w + 1);
        if (tn == 0 || tn > 30)
            return n;
        size_t words = 0;
        bool capital = true;
        for (size_t k = 0; k < tn; k++)
            if (k == 0 || t[k - 1] == ' ') {
                words++;
                if (!(is_upper((unsigned char)t[k]) || is_digit((unsigned char)t[k])))
                    capital = false;
            }
        size_t hw = 1;
        for (size_t k = 0; k < i; k++)
            if (s[k] == ' ')
                hw++;
        if (words > 4 || !capital || hw < 4)
            return n;
        *site = (span){t, tn};
        return i - 1;
    }
    return n;
}

static void mark_title_lines(ctx *c, const char *t, size_t tn, const char *full, size_t fn)
{
    for (size_t i = 0; i < c->nl; i++) {
        cline *l = &c->L[i];
        if (l->reason && l->reason != R_REPEAT)
            continue;
        const char *s = lp(c, i);
        if (span_eq(s, l->len, t, tn) || (full && span_eq(s, l->len, full, fn)))
            l->reason = R_TITLE;
    }
}

static bool ends_ellipsis(const char *s, size_t n)
{
    n = strip_closers(s, n);
    return n >= 3 && (!memcmp(s + n - 3, "...", 3) || !memcmp(s + n - 3, "\xE2\x80\xA6", 3));
}

/* A line of the body: the dateline, or a sentence of six words or more. */
static bool body_line(const ctx *c, size_t i)
{
    const cline *l = &c->L[i];
    if (i == c->dl_line)
        return true;
    if (l->words < 6)
        return false;
    /* "The plan has three parts, the ministry said:" opens a list */
    return (l->endp && !ends_ellipsis(lp(c, i), l->len)) || lp(c, i)[l->len - 1] == ':';
}

static size_t first_body(const ctx *c)
{
    for (size_t i = 0; i < c->nl; i++)
        if (!c->L[i].reason && body_line(c, i))
            return i;
    return c->nl;
}

static bool list_item(const unsigned char *s, size_t n);

/*
 * A title the input gives that is no headline: a timestamp ("Wednesday 16 November
 * 2022 16:06, UK": a whole date and a clock time in a few words) or a byline with
 * its date ("By bne IntelliNews January 5, 2022").
 */
static bool stamp_title(const char *s, size_t n)
{
    stamp st;
    if (!n || !tdp_date_stamp(s, n, true, &st) || !st.has_date)
        return false;
    size_t words = 0;
    for (size_t i = 0; i < n; i++)
        words += !is_space((unsigned char)s[i]) && (i == 0 || is_space((unsigned char)s[i - 1]));
    /* a date, a clock time and a zone or place take up to 8 words ("Wednesday 16
     * November 2022 16:06, UK", the stamp reported in the issue); set by hand, not
     * tuned on a corpus */
    if (st.has_time && words <= 8)
        return true;
    char norm[64];
    size_t nn = n < sizeof norm ? n : sizeof norm - 1, k;
    for (size_t i = 0; i < nn; i++)
        norm[i] = (char)(is_upper((unsigned char)s[i]) ? s[i] | 0x20 : s[i]);
    norm[nn] = '\0';
    /* "By" + a name of up to four words + a date of up to five */
    return words <= 10 && tdp_lex_byline(norm, nn, &k);
}

static void detect_title(ctx *c)
{
    td_article *a = c->a;
    span site = {NULL, 0};
    if (a->title && stamp_title(a->title, strlen(a->title)))
        a->title = NULL; /* read the title from the text instead */
    if (a->title) {
        /* given by the input: its lines go, and a site suffix is dropped */
        size_t tn = strlen(a->title);
        size_t cut = suffix_cut(c, a->title, tn, &site);
        mark_title_lines(c, a->title, cut, a->title, tn);
        if (cut < tn) {
            const char *nt = tdp_article_str(a, a->title, cut);
            if (nt) {
                c->out_title = site; /* points into the old title, still in the arena */
                a->title = nt;
            }
        }
        return;
    }
    size_t hs = first_body(c), pick = SIZE_MAX;
    if (hs < c->nl) {
        /* in the page header: a title line repeated, else the last one (the closest
         * to the body; site names and menus come first) */
        for (size_t i = 0; i < hs && pick == SIZE_MAX; i++) {
            /* a short line said twice is a menu item as often as a title */
            if (c->L[i].reason || !title_shape(c, i) || c->L[i].words < 3)
                continue;
            for (size_t k = i + 1; k < c->nl && k < i + 64; k++)
                if (span_eq(lp(c, k), c->L[k].len, lp(c, i), c->L[i].len)) {
                    pick = i;
                    break;
                }
        }
        size_t p4 = SIZE_MAX, p3 = SIZE_MAX, p2 = SIZE_MAX;
        for (size_t i = 0; i < hs && pick == SIZE_MAX; i++)
            if (!c->L[i].reason && title_shape(c, i)) {
                if (c->L[i].words >= 4)
                    p4 = i;
                else if (c->L[i].words == 3)
                    p3 = i;
                else
                    p2 = i;
            }
        /* two words only when nothing longer is there and nothing stands between
         * them and the body */
        if (p2 != SIZE_MAX)
            for (size_t k = p2 + 1; k < hs; k++)
                if (!c->L[k].reason)
                    p2 = SIZE_MAX;
        if (pick == SIZE_MAX)
            pick = p4 != SIZE_MAX ? p4 : p3 != SIZE_MAX ? p3 : p2;
    } else {
        /* no line reads like the body: the first line, if shaped like a title */
        for (size_t i = 0; i < c->nl; i++)
            if (!c->L[i].reason) {
                if (title_shape(c, i) && i + 1 < c->nl)
                    pick = i;
                break;
            }
    }
    if (pick == SIZE_MAX || c->dl_line == pick)
        return;
    const char *s = lp(c, pick);
    size_t n = c->L[pick].len;
    size_t cut = suffix_cut(c, s, n, &site);
    if (cut < n)
        c->out_title = site;
    c->title = (span){s, cut};
    c->title_line = pick;
    a->title = tdp_article_str(a, s, cut);
    mark_title_lines(c, s, cut, s, n);
}

/* A site name: one to five capitalised words ("Kestrel Bay Courier"), before any " | ". */
static size_t site_name(const char *s, size_t n)
{
    size_t e = 0;
    while (e < n && !(s[e] == '|' && e && s[e - 1] == ' '))
        e++;
    while (e && s[e - 1] == ' ')
        e--;
    if (!e || e > 40)
        return 0;
    size_t words = 0;
    for (size_t i = 0; i < e; i++) {
        if (is_digit((unsigned char)s[i]))
            return 0;
        if (i == 0 || s[i - 1] == ' ') {
            words++;
            if (!is_upper((unsigned char)s[i]) && s[i] != '&')
                return 0;
        }
    }
    return words <= 5 ? e : 0;
}

/*
 * The page header, above the first line of the body: what is not the title and not a
 * sentence is site furniture (site name, menus, breadcrumbs, kickers), a line cut
 * with "..." is a teaser. Below the last sentence, short lines without final
 * punctuation are furniture too ("MORE FROM ...", "Facebook Twitter Email").
 */
static void header_and_tail(ctx *c)
{
    /* HTML extraction keeps the article's container only: the page's header and
     * what follows the article are outside it, and the short lines above the body
     * or after it (kicker, place, a list of dates or results) are the article's. */
    if (c->html)
        return;
    size_t hs = first_body(c);
    bool site_above = false;
    if (hs >= c->nl)
        return;
    for (size_t i = 0; i < hs; i++) {
        cline *l = &c->L[i];
        if (l->reason || i == c->title_line)
            continue;
        const char *s = lp(c, i);
        if (ends_ellipsis(s, l->len)) {
            l->reason = R_TEASER;
        } else if (!l->endp && l->words <= 10) {
            l->reason = R_CHROME;
            /* the first site name, above the title if there is one there */
            size_t k = site_name(s, l->len);
            bool above = c->title_line == SIZE_MAX || i < c->title_line;
            if (k && (!c->out_site.n || (above && !site_above)))
                c->out_site = (span){s, k};
            if (k && above)
                site_above = true;
        }
    }
    size_t last = SIZE_MAX;
    for (size_t i = c->nl; i-- > 0;)
        if (!c->L[i].reason && c->L[i].endp && c->L[i].words >= 6) {
            last = i;
            break;
        }
    for (size_t i = last == SIZE_MAX ? c->nl : last + 1; i < c->nl; i++) {
        cline *l = &c->L[i];
        if (!l->reason && !l->endp && l->words <= 8 &&
            !list_item((const unsigned char *)lp(c, i), l->len))
            l->reason = R_CHROME;
    }
}

/* ---- repeats ---- */

/* Hashes of the sentences of line i long enough to count, into *hs (grown). */
static td_status line_sentences(const ctx *c, size_t i, uint64_t **hs, size_t *cap, size_t *cnt)
{
    const char *s = lp(c, i);
    size_t n = c->L[i].len, p = 0, b, e;
    *cnt = 0;
    while (tdp_sentence_next(s, n, &p, &b, &e)) {
        if (e - b < MIN_SENT)
            continue;
        if (TDP_GROW(*hs, *cap, *cnt + 1))
            return TD_ENOMEM;
        (*hs)[(*cnt)++] = XXH3_64bits(s + b, e - b);
    }
    return TD_OK;
}

static bool all_in(const hset *h, const uint64_t *hs, size_t cnt)
{
    for (size_t k = 0; k < cnt; k++)
        if (!hset_find(h, hs[k]))
            return false;
    return cnt > 0;
}

static td_status put_all(hset *h, const uint64_t *hs, size_t cnt, size_t line)
{
    for (size_t k = 0; k < cnt; k++)
        if (hset_put(h, hs[k], (uint32_t)line))
            return TD_ENOMEM;
    return TD_OK;
}

/*
 * A line whose every sentence was already kept is a repeat; the first full copy
 * stays. Lines above the start of the body (the dateline) that the body tells again
 * are the page's preview and go, so that the copy in the body is the one kept.
 */
static td_status repeats(ctx *c)
{
    size_t start = c->dl_line != SIZE_MAX ? c->dl_line : 0;
    hset seen = {0}, lines = {0};
    uint64_t *hs = NULL;
    size_t cap = 0, cnt;
    td_status st = hset_init(&seen, c->nl * 2 + 16);
    if (!st)
        st = hset_init(&lines, c->nl + 16);
    if (!st && start > 0) {
        for (size_t i = start; i < c->nl && !st; i++)
            if (!c->L[i].reason && !(st = line_sentences(c, i, &hs, &cap, &cnt)))
                st = put_all(&seen, hs, cnt, i);
        for (size_t i = 0; i < start && !st; i++)
            if (!c->L[i].reason && !(st = line_sentences(c, i, &hs, &cap, &cnt)) &&
                all_in(&seen, hs, cnt))
                c->L[i].reason = R_REPEAT;
        hset_free(&seen);
        seen = (hset){0};
        if (!st)
            st = hset_init(&seen, c->nl * 2 + 16);
    }
    /* In HTML text, the paragraphs are the blocks of the article's own container:
     * one said again there belongs to the article (the same question put to each
     * guest, the same line in each recipe). Plain-text scrapes repeat what the
     * page shows around the article (teasers, previews), which extraction leaves
     * out. */
    for (size_t i = 0; i < c->nl && !st && !c->html; i++) {
        cline *l = &c->L[i];
        if (l->reason || (st = line_sentences(c, i, &hs, &cap, &cnt)))
            continue;
        if (cnt) {
            if (all_in(&seen, hs, cnt))
                l->reason = R_REPEAT;
            else
                st = put_all(&seen, hs, cnt, i);
        } else if (l->len >= 16 && l->words >= 3) {
            uint64_t h = XXH3_64bits(lp(c, i), l->len);
            if (hset_find(&lines, h))
                l->reason = R_REPEAT;
            else
                st = hset_put(&lines, h, (uint32_t)i);
        }
    }
    tdp_free(hs);
    hset_free(&seen);
    hset_free(&lines);
    return st;
}

/* ---- kinds ---- */

/* Length of the quote mark opening s ("  “  „  «), 0 if none. */
static size_t open_mark(const unsigned char *s, size_t n)
{
    if (n && s[0] == '"')
        return 1;
    if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0x9C || s[2] == 0x9E))
        return 3;
    return n >= 2 && s[0] == 0xC2 && s[1] == 0xAB ? 2 : 0;
}

/* Length of a closing quote mark at s[i] ("  ”  »), 0 if none. */
static size_t close_mark(const unsigned char *s, size_t n, size_t i)
{
    if (s[i] == '"')
        return 1;
    if (i + 2 < n && s[i] == 0xE2 && s[i + 1] == 0x80 && (s[i + 2] == 0x9D || s[i + 2] == 0x9C))
        return 3;
    return i + 1 < n && s[i] == 0xC2 && s[i + 1] == 0xBB ? 2 : 0;
}

/* The whole line is one quotation: it opens with a quote mark and the first closing
 * mark ends it (only punctuation after). "“...,” he said." is text. */
static bool quote_only(const unsigned char *s, size_t n)
{
    size_t o = open_mark(s, n);
    if (!o)
        return false;
    for (size_t i = o; i < n; i++) {
        size_t k = close_mark(s, n, i);
        if (!k)
            continue;
        for (size_t j = i + k; j < n; j++)
            if (!(s[j] == '.' || s[j] == '!' || s[j] == '?' || s[j] == ' '))
                return false;
        return i > o;
    }
    return false;
}

static bool list_item(const unsigned char *s, size_t n)
{
    if (n >= 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ')
        return true;
    if (n >= 4 && s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0xA2 || s[2] == 0x93) && s[3] == ' ')
        return true; /* • – */
    size_t k = 0;
    while (k < n && k < 3 && is_digit(s[k]))
        k++;
    return k && k + 1 < n && (s[k] == '.' || s[k] == ')') && s[k + 1] == ' ';
}

static void kinds(ctx *c)
{
    size_t prev = SIZE_MAX;
    for (size_t i = 0; i < c->nl; i++) {
        cline *l = &c->L[i];
        if (l->reason)
            continue;
        const char *s = lp(c, i);
        const unsigned char *u = (const unsigned char *)s;
        size_t nx = i + 1;
        while (nx < c->nl && c->L[nx].reason)
            nx++;
        if (c->html) {
            /* The markup says what is a heading, a list item, a block quotation;
             * a paragraph of text may still be a bulleted line or one quotation. */
            l->kind = l->hkind != TD_PARA_TEXT ? l->hkind
                      : list_item(u, l->len)   ? TD_PARA_LIST
                      : quote_only(u, l->len)  ? TD_PARA_QUOTE
                                               : TD_PARA_TEXT;
        } else if (list_item(u, l->len)) {
            l->kind = TD_PARA_LIST;
        } else if (prev != SIZE_MAX && nx < c->nl && l->words <= 12 && l->len <= 120 &&
                   !ends_any_punct(s, l->len) &&
                   (c->L[nx].words > 12 || c->L[nx].endp)) {
            l->kind = TD_PARA_HEADING;
        } else if (quote_only(u, l->len)) {
            l->kind = TD_PARA_QUOTE;
        } else {
            l->kind = TD_PARA_TEXT;
        }
        prev = i;
    }
}

/* ---- metadata ---- */

static bool span_prefix_word(span a, span b) /* b starts with a + " " */
{
    return a.n && b.n > a.n + 1 && memcmp(a.p, b.p, a.n) == 0 && b.p[a.n] == ' ';
}

static void set_outlet(ctx *c)
{
    td_article *a = c->a;
    if (a->outlet || a->source)
        return;
    /* the site's own name first (title suffix, copyright, site header), then the
     * outlet a caption or teaser names, then the dateline's agency */
    const span *cand[6] = {&c->out_title, &c->out_copyright, &c->out_site,
                           &c->out_caption, &c->out_teaser, &c->out_dateline};
    span best = {NULL, 0};
    for (int i = 0; i < 6 && !best.n; i++)
        if (cand[i]->n)
            best = *cand[i];
    if (!best.n)
        return;
    for (int i = 0; i < 6; i++)
        if (span_prefix_word(best, *cand[i]))
            best = *cand[i];
    a->outlet = tdp_article_str(a, best.p, best.n);
}

/* Most mentioned year (1990..2099) in the kept text; -1 if none. ahead: cue before. */
static int mentioned_year(const ctx *c, bool *ahead)
{
    int counts[110] = {0};
    bool cue[110] = {false};
    size_t budget = 1 << 16;
    for (size_t i = 0; i < c->nl && budget; i++) {
        const cline *l = &c->L[i];
        if (l->reason)
            continue;
        const char *s = lp(c, i);
        size_t n = l->len < budget ? l->len : budget;
        budget -= n;
        for (size_t k = 0; k + 4 <= n; k++) {
            if ((k && (is_digit((unsigned char)s[k - 1]) || is_alpha((unsigned char)s[k - 1]))) ||
                (k + 4 < n && (is_digit((unsigned char)s[k + 4]) || is_alpha((unsigned char)s[k + 4]))))
                continue;
            int y = tdp_date_digits(s + k, 4);
            if (y < 1990 || y > 2099)
                continue;
            counts[y - 1990]++;
            /* the word before */
            size_t e = k;
            while (e && s[e - 1] == ' ')
                e--;
            size_t b = e;
            while (b && s[b - 1] != ' ')
                b--;
            char w[48];
            size_t wn = e > b ? tdp_fold(s + b, e - b, w, sizeof w) : 0;
            if (wn && tdp_lex_ahead(w, wn))
                cue[y - 1990] = true;
            /* "beginning of 2022": two words back */
            if (wn == 2 && !memcmp(w, "of", 2) && b) {
                size_t e2 = b;
                while (e2 && s[e2 - 1] == ' ')
                    e2--;
                size_t b2 = e2;
                while (b2 && s[b2 - 1] != ' ')
                    b2--;
                char w2[64];
                size_t n2 = e2 > b2 ? tdp_fold(s + b2, e - b2, w2, sizeof w2) : 0;
                if (n2 && tdp_lex_ahead(w2, n2))
                    cue[y - 1990] = true;
            }
        }
    }
    int best = -1;
    for (int y = 0; y < 110; y++)
        if (counts[y] && (best < 0 || counts[y] >= counts[best]))
            best = y;
    if (best < 0)
        return -1;
    *ahead = cue[best];
    return best + 1990;
}

static void set_date(ctx *c)
{
    td_article *a = c->a;
    /* the metadata's date, written out */
    if (a->date.prec == TD_DATE_NONE && a->date_text)
        date_field(a->date_text, strlen(a->date_text), &a->date);
    /* the page's own timestamp line: minute precision */
    for (size_t i = 0; i < c->nl; i++) {
        if (c->L[i].reason != R_TIMESTAMP)
            continue;
        stamp st;
        if (!timestamp_line(lp(c, i), c->L[i].len, &st) || !st.has_date)
            continue;
        td_date d = {(int16_t)st.y, (int8_t)st.m, (int8_t)st.d, 0, 0, TD_DATE_DAY};
        if (st.has_time && st.has_zone) {
            int32_t days = tdp_days_from_civil(st.y, st.m, st.d);
            int mins = st.h * 60 + st.mi - st.zone;
            while (mins < 0) {
                mins += 1440;
                days--;
            }
            while (mins >= 1440) {
                mins -= 1440;
                days++;
            }
            int y, m, dd;
            tdp_civil_from_days(days, &y, &m, &dd);
            d = (td_date){(int16_t)y, (int8_t)m, (int8_t)dd, (int8_t)(mins / 60),
                          (int8_t)(mins % 60), TD_DATE_MINUTE};
        }
        if (a->date.prec == TD_DATE_NONE) {
            a->date = d;
        } else if (a->date.prec <= TD_DATE_DAY && d.prec == TD_DATE_MINUTE) {
            int32_t diff = td_date_days(&d) - td_date_days(&a->date);
            if (diff >= -1 && diff <= 1)
                a->date = d; /* same day, and the time of day too */
        }
        break;
    }
    if (a->date.prec != TD_DATE_NONE)
        return;
    if (c->dl_month && c->dl_day) {
        bool ahead = false;
        int y = mentioned_year(c, &ahead);
        if (y > 0) {
            if (ahead && c->dl_month >= 9)
                y--;
            if (tdp_valid_ymd(y, c->dl_month, c->dl_day)) {
                a->date = (td_date){(int16_t)y, (int8_t)c->dl_month, (int8_t)c->dl_day, 0, 0,
                                    TD_DATE_DAY};
                return;
            }
        }
    }
    if (c->caption_date.prec != TD_DATE_NONE)
        a->date = c->caption_date;
}

static void set_language(ctx *c)
{
    td_article *a = c->a;
    if (a->language)
        return;
    size_t first = SIZE_MAX, last = 0;
    for (size_t i = 0; i < c->nl; i++)
        if (!c->L[i].reason) {
            if (first == SIZE_MAX)
                first = i;
            last = i;
        }
    if (first == SIZE_MAX)
        return;
    size_t b = c->L[first].off, e = c->L[last].off + c->L[last].len;
    if (e - b > (1u << 15))
        e = b + (1u << 15);
    const char *code = tdp_lang_detect(c->t + b, e - b);
    if (code)
        a->language = tdp_article_str(a, code, strlen(code));
}

/* ---- the stage ---- */

static td_status emit(ctx *c)
{
    td_article *a = c->a;
    for (size_t i = 0; i < c->nl; i++) {
        const cline *l = &c->L[i];
        td_status st = l->reason ? tdp_article_add_removed(a, lp(c, i), l->len, l->reason)
                                 : tdp_article_add_para(a, lp(c, i), l->len,
                                                        (td_para_kind)l->kind);
        if (st)
            return st;
    }
    return TD_OK;
}

static td_status run(ctx *c)
{
    td_status st = split_lines(c);
    if (st)
        return st;
    if (c->html)
        html_kinds(c);
    for (size_t i = 0; i < c->nl; i++)
        features(c, i);
    for (size_t i = 0; i < c->nl; i++)
        rule_line(c, i);
    forum_blocks(c);
    captions(c);
    if ((st = teasers(c)))
        return st;
    /* the dateline: the first line of the body, among the first lines kept */
    size_t seen = 0;
    for (size_t i = 0; i < c->nl && seen < 8; i++) {
        if (c->L[i].reason)
            continue;
        seen++;
        if (dateline(c, i))
            break;
    }
    detect_title(c);
    header_and_tail(c);
    if ((st = repeats(c)))
        return st;
    kinds(c);
    set_outlet(c);
    set_date(c);
    if (c->place.n && !c->a->dateline)
        c->a->dateline = tdp_article_str(c->a, c->place.p, c->place.n);
    set_language(c);
    return emit(c);
}

TD_API td_status td_clean(td_article *a)
{
    if (!a)
        return TD_EARG;
    if (a->cleaned)
        return a->n_paras ? TD_OK : TD_EEMPTY;
    if (!a->text && a->html) {
        td_status st = tdp_html_extract(a);
        if (st)
            return st;
    }
    ctx c;
    memset(&c, 0, sizeof c);
    c.a = a;
    c.t = a->text ? a->text : "";
    c.n = a->text ? a->text_len : 0;
    c.dl_line = SIZE_MAX;
    c.title_line = SIZE_MAX;
    c.html = a->xparas != NULL;
    td_status st = run(&c);
    tdp_free(c.L);
    if (st) {
        /* no half-cleaned paragraph lists: a failed clean keeps none */
        a->n_paras = 0;
        a->n_removed = 0;
        return st;
    }
    a->cleaned = true;
    return a->n_paras ? TD_OK : TD_EEMPTY;
}

/*
 * meta.c - the article's metadata from <meta>, <link>, JSON-LD, <time>, <h1>,
 * <title>, <html lang> and the URL.
 *
 * Preference, first found wins: title og:title > JSON-LD headline > twitter:title >
 * first <h1> > <title>, each without a site suffix; date article:published_time
 * and its equivalents > JSON-LD datePublished > <time datetime> > a date in the
 * URL; author meta author > JSON-LD author name; outlet og:site_name > JSON-LD
 * publisher name > application-name; URL canonical link > og:url.
 */
#include "html/meta.h"
#include "lang/dates.h"

typedef struct cand {
    const char *s;
    size_t n;
    int rank;       /* lower is better; INT_MAX when unset */
} cand;

typedef struct meta {
    cand title, date, author, outlet, url, canon, lang, h1;
    tdp_buf jl;     /* decoded JSON-LD strings */
} meta;

static void offer(cand *c, const char *s, size_t n, int rank)
{
    while (n && (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')) {
        s++;
        n--;
    }
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\t' ||
                 s[n - 1] == '\r'))
        n--;
    if (!n || n > 2000)
        return;
    if (!c->s || rank < c->rank) {
        c->s = s;
        c->n = n;
        c->rank = rank;
    }
}

static char lc(char c) { return (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c; }

static bool eq_ci(const char *a, size_t n, const char *b)
{
    size_t l = strlen(b);
    if (n != l)
        return false;
    for (size_t i = 0; i < n; i++)
        if (lc(a[i]) != b[i])
            return false;
    return true;
}

/* ---- dates ---- */

bool tdp_html_parse_date(const char *s, size_t n, td_date *out)
{
    while (n && (*s == ' ' || *s == '\n' || *s == '\t'))
        s++, n--;
    size_t k = 0;
    while (k < n && k < 40 &&
           ((s[k] >= '0' && s[k] <= '9') || s[k] == '-' || s[k] == ':' || s[k] == 'T' ||
            s[k] == 'Z' || s[k] == '+' || s[k] == '.' || (s[k] == ' ' && k == 10)))
        k++;
    while (k > 10 && (s[k - 1] == ' ' || s[k - 1] == '.'))
        k--;
    if (k < 10 || s[4] != '-')
        return false;
    td_date d;
    char tz[48];
    if (k >= 5 && k + 1 < sizeof tz && (s[k - 5] == '+' || s[k - 5] == '-') &&
        s[k - 3] != ':' && k > 16) {
        /* "+0100": td_date_parse wants "+01:00". */
        memcpy(tz, s, k - 2);
        tz[k - 2] = ':';
        memcpy(tz + k - 1, s + k - 2, 2);
        if (td_date_parse(tz, k + 1, &d) == TD_OK) {
            *out = d;
            return true;
        }
    }
    if (td_date_parse(s, k, &d) == TD_OK) {
        *out = d;
        return true;
    }
    /* "+0000" offsets without a colon, or odd tails: the day alone. */
    if (k > 10 && td_date_parse(s, 16 <= k ? 16 : 10, &d) == TD_OK) {
        *out = d;
        return true;
    }
    if (td_date_parse(s, 10, &d) == TD_OK) {
        *out = d;
        return true;
    }
    return false;
}

static int num(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* A URL's digits are a publication date from the web's first years on: 1990. */
static bool url_ymd(int y, int m, int d) { return y >= 1990 && tdp_valid_ymd(y, m, d); }

bool tdp_html_url_date(const char *u, size_t n, td_date *out)
{
    for (size_t i = 0; i + 5 <= n; i++) {
        if (u[i] != '/' && u[i] != '-' && u[i] != '_')
            continue;
        const char *p = u + i + 1;
        size_t left = n - i - 1;
        int y, m, d;
        /* /2022/01/15 or /2022-01-15 */
        if (left >= 10 && (p[4] == '/' || p[4] == '-') && p[7] == p[4] &&
            (y = num(p, 4)) > 0 && (m = num(p + 5, 2)) > 0 && (d = num(p + 8, 2)) > 0 &&
            url_ymd(y, m, d) && (left == 10 || !(p[10] >= '0' && p[10] <= '9'))) {
            *out = (td_date){(int16_t)y, (int8_t)m, (int8_t)d, 0, 0, TD_DATE_DAY};
            return true;
        }
        /* /20220115/ */
        if (left >= 9 && p[8] == '/' && (y = num(p, 4)) > 0 && (m = num(p + 4, 2)) > 0 &&
            (d = num(p + 6, 2)) > 0 && url_ymd(y, m, d)) {
            *out = (td_date){(int16_t)y, (int8_t)m, (int8_t)d, 0, 0, TD_DATE_DAY};
            return true;
        }
    }
    return false;
}

bool tdp_html_text_date(const char *s, size_t n, td_date *out)
{
    tdp_stamp st;
    if (!tdp_date_stamp(s, n, true, &st) || !st.has_date)
        return false;
    *out = (td_date){(int16_t)st.y, (int8_t)st.m, (int8_t)st.d, 0, 0, TD_DATE_DAY};
    return true;
}

/* ---- titles ---- */

static bool is_sep(const char *t, size_t n, size_t i, size_t *sl)
{
    /* " | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » " */
    static const char *const seps[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ",
                                       " :: ", " \xC2\xB7 ", " \xE2\x80\xA2 ",
                                       " \xC2\xBB ", " / ", NULL};
    for (int k = 0; seps[k]; k++) {
        size_t l = strlen(seps[k]);
        if (i + l <= n && memcmp(t + i, seps[k], l) == 0) {
            *sl = l;
            return true;
        }
    }
    return false;
}

static bool contains_ci(const char *h, size_t hn, const char *nd, size_t nn)
{
    if (!nn || nn > hn)
        return false;
    for (size_t i = 0; i + nn <= hn; i++) {
        size_t k = 0;
        while (k < nn && lc(h[i + k]) == lc(nd[k]))
            k++;
        if (k == nn)
            return true;
    }
    return false;
}

size_t tdp_html_trim_title(const char *t, size_t n, const char *site, size_t *start)
{
    *start = 0;
    size_t sl;
    /* Last separator: "Story | Site". */
    for (size_t i = n; i-- > 0;) {
        if (t[i] != ' ' || !is_sep(t, n, i, &sl))
            continue;
        const char *tail = t + i + sl;
        size_t tl = n - i - sl;
        bool site_like = site ? (contains_ci(site, strlen(site), tail, tl) ||
                                 contains_ci(tail, tl, site, strlen(site)))
                              : tl * 2 < i && tl < 40;
        if (site_like && i >= 10)
            return tdp_html_trim_title(t, i, site, start);
        break;
    }
    /* First separator: "Site | Story". */
    for (size_t i = 0; i < n; i++) {
        if (t[i] != ' ' || !is_sep(t, n, i, &sl))
            continue;
        if (site && (contains_ci(site, strlen(site), t, i) ||
                     contains_ci(t, i, site, strlen(site))) &&
            n - i - sl >= 10) {
            *start = i + sl;
            return n - i - sl;
        }
        break;
    }
    return n;
}

/* ---- JSON-LD: a few keys found by scanning, not by a full parse ---- */

/* Decodes the JSON string starting at s[0] == '"' into b; returns its raw end. */
static const char *json_string(const char *s, const char *e, tdp_buf *b, size_t *off,
                               size_t *len)
{
    const char *p = s + 1;
    *off = b->len;
    while (p < e && *p != '"') {
        if (*p == '\\' && p + 1 < e) {
            p++;
            char c = *p;
            if (c == 'u' && p + 4 < e) {
                int32_t cp = 0;
                for (int k = 1; k <= 4; k++) {
                    char h = p[k];
                    int v = (h >= '0' && h <= '9')   ? h - '0'
                            : (h >= 'a' && h <= 'f') ? h - 'a' + 10
                            : (h >= 'A' && h <= 'F') ? h - 'A' + 10
                                                     : -1;
                    if (v < 0) {
                        cp = 0xFFFD;
                        break;
                    }
                    cp = cp * 16 + v;
                }
                p += 4;
                if (cp >= 0xD800 && cp <= 0xDBFF && p + 6 < e && p[1] == '\\' &&
                    p[2] == 'u') {
                    int32_t lo = 0;
                    for (int k = 3; k <= 6; k++) {
                        char h = p[k];
                        int v = (h >= '0' && h <= '9')   ? h - '0'
                                : (h >= 'a' && h <= 'f') ? h - 'a' + 10
                                : (h >= 'A' && h <= 'F') ? h - 'A' + 10
                                                         : -1;
                        lo = v < 0 ? -1 : lo * 16 + v;
                        if (v < 0)
                            break;
                    }
                    if (lo >= 0xDC00 && lo <= 0xDFFF) {
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                        p += 6;
                    }
                }
                if (cp >= 0xD800 && cp <= 0xDFFF)
                    cp = 0xFFFD;
                char u[4];
                tdp_buf_put(b, u, tdp_utf8_encode(cp ? cp : 0xFFFD, u));
            } else {
                char o = c == 'n' ? '\n' : c == 't' ? '\t' : c == 'r' ? ' ' :
                         c == 'b' || c == 'f' ? ' ' : c;
                tdp_buf_putc(b, o);
            }
            p++;
            continue;
        }
        const char *q = p;
        while (q < e && *q != '"' && *q != '\\')
            q++;
        tdp_buf_put(b, p, (size_t)(q - p));
        p = q;
    }
    *len = b->len - *off;
    tdp_buf_putc(b, '\0');
    return p < e ? p + 1 : e;
}

/* Finds "key" : and returns the position of its value, or NULL. */
static const char *json_key(const char *s, const char *e, const char *key)
{
    size_t kl = strlen(key);
    const char *p = s;
    while (p < e) {
        const char *q = memchr(p, '"', (size_t)(e - p));
        if (!q || q + kl + 2 > e)
            return NULL;
        if (memcmp(q + 1, key, kl) == 0 && q[kl + 1] == '"') {
            const char *v = q + kl + 2;
            while (v < e && (*v == ' ' || *v == '\n' || *v == '\t' || *v == '\r'))
                v++;
            if (v < e && *v == ':') {
                v++;
                while (v < e && (*v == ' ' || *v == '\n' || *v == '\t' || *v == '\r'))
                    v++;
                return v;
            }
        }
        p = q + 1;
    }
    return NULL;
}

/* The string value of key, or of key.name when the value is an object or an
 * array of objects. */
static bool json_get(const char *s, const char *e, const char *key, tdp_buf *b,
                     size_t *off, size_t *len)
{
    const char *v = json_key(s, e, key);
    if (!v || v >= e)
        return false;
    if (*v == '[') {
        v++;
        while (v < e && (*v == ' ' || *v == '\n' || *v == '\t' || *v == '\r'))
            v++;
    }
    if (v < e && *v == '"') {
        json_string(v, e, b, off, len);
        return *len > 0;
    }
    if (v < e && *v == '{') {
        /* The nearest "name" inside this object (bounded look-ahead). */
        const char *lim = v + 2000 < e ? v + 2000 : e;
        const char *close = memchr(v, '}', (size_t)(lim - v));
        const char *nv = json_key(v, close ? close : lim, "name");
        if (nv && nv < e && *nv == '"') {
            json_string(nv, e, b, off, len);
            return *len > 0;
        }
    }
    return false;
}

typedef struct jl_hit {
    size_t off, len;
    bool set;
} jl_hit;

static void json_ld(const char *s, size_t n, tdp_buf *b, jl_hit *head, jl_hit *date,
                    jl_hit *author, jl_hit *pub)
{
    const char *e = s + n;
    if (!head->set)
        head->set = json_get(s, e, "headline", b, &head->off, &head->len);
    if (!date->set)
        date->set = json_get(s, e, "datePublished", b, &date->off, &date->len);
    if (!author->set)
        author->set = json_get(s, e, "author", b, &author->off, &author->len);
    if (!pub->set)
        pub->set = json_get(s, e, "publisher", b, &pub->off, &pub->len);
}

/* ---- the walk ---- */

static void text_of(const tdp_hdoc *d, uint32_t i, tdp_buf *b)
{
    uint32_t end = i;
    while (d->nodes[end].last)
        end = d->nodes[end].last;
    for (uint32_t k = i + 1; k <= end && b->len < 1000; k++)
        if (d->nodes[k].tag == TDP_HT_TEXT)
            tdp_buf_put(b, d->str.data + d->nodes[k].str, d->nodes[k].len);
}

static bool looks_url(const char *s, size_t n)
{
    return (n > 7 && memcmp(s, "http://", 7) == 0) ||
           (n > 8 && memcmp(s, "https://", 8) == 0) || (n && s[0] == '/');
}

static void collapse(tdp_buf *b)
{
    size_t w = 0;
    bool sp = true;
    for (size_t r = 0; r < b->len; r++) {
        char c = b->data[r];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            if (!sp)
                b->data[w++] = ' ';
            sp = true;
        } else {
            b->data[w++] = c;
            sp = false;
        }
    }
    while (w && b->data[w - 1] == ' ')
        w--;
    b->len = w;
    if (b->data)
        b->data[w] = '\0';
}

static bool set_str(td_article *a, const char **field, const char *s, size_t n)
{
    if (*field || !s || !n)
        return true;
    tdp_buf b = TDP_BUF_INIT;
    tdp_buf_put(&b, s, n);
    collapse(&b);
    bool ok = !b.err;
    if (ok && b.len) {
        *field = tdp_article_str(a, b.data, b.len);
        ok = *field != NULL;
    }
    tdp_buf_free(&b);
    return ok;
}

td_status tdp_html_meta(const tdp_hdoc *d, td_article *a)
{
    meta m;
    memset(&m, 0, sizeof m);
    jl_hit jh = {0, 0, false}, jd = jh, ja = jh, jp = jh;
    tdp_buf h1 = TDP_BUF_INIT;
    const char *time_dt = NULL;
    size_t time_dt_len = 0;
    bool time_pub = false;
    for (uint32_t i = 1; i < d->n; i++) {
        const tdp_hnode *x = &d->nodes[i];
        size_t kl, vl;
        const char *k, *v;
        switch (x->tag) {
        case TDP_HT_HTML:
            if ((v = tdp_hnode_attr(d, i, "lang", &vl)) && vl >= 2)
                offer(&m.lang, v, vl, 0);
            break;
        case TDP_HT_META:
            v = tdp_hnode_attr(d, i, "content", &vl);
            if (!v)
                break;
            k = tdp_hnode_attr(d, i, "property", &kl);
            if (!k)
                k = tdp_hnode_attr(d, i, "name", &kl);
            if (!k)
                k = tdp_hnode_attr(d, i, "itemprop", &kl);
            if (!k) {
                k = tdp_hnode_attr(d, i, "http-equiv", &kl);
                if (k && eq_ci(k, kl, "content-language"))
                    offer(&m.lang, v, vl, 2);
                break;
            }
            if (eq_ci(k, kl, "og:title"))
                offer(&m.title, v, vl, 0);
            else if (eq_ci(k, kl, "twitter:title"))
                offer(&m.title, v, vl, 2);
            else if (eq_ci(k, kl, "og:site_name"))
                offer(&m.outlet, v, vl, 0);
            else if (eq_ci(k, kl, "application-name") || eq_ci(k, kl, "twitter:site"))
                offer(&m.outlet, v, vl, eq_ci(k, kl, "twitter:site") ? 3 : 2);
            else if (eq_ci(k, kl, "article:published_time") ||
                     eq_ci(k, kl, "datepublished") ||
                     eq_ci(k, kl, "og:published_time") ||
                     eq_ci(k, kl, "article.published") ||
                     eq_ci(k, kl, "parsely-pub-date") || eq_ci(k, kl, "pubdate") ||
                     eq_ci(k, kl, "publishdate") || eq_ci(k, kl, "publish-date") ||
                     eq_ci(k, kl, "sailthru.date") || eq_ci(k, kl, "dc.date.issued") ||
                     eq_ci(k, kl, "dcterms.created"))
                offer(&m.date, v, vl, 0);
            else if (eq_ci(k, kl, "date") || eq_ci(k, kl, "dc.date") ||
                     eq_ci(k, kl, "article:modified_time") ||
                     eq_ci(k, kl, "datemodified"))
                offer(&m.date, v, vl, 3);
            else if (eq_ci(k, kl, "author") || eq_ci(k, kl, "dc.creator") ||
                     eq_ci(k, kl, "parsely-author") || eq_ci(k, kl, "sailthru.author"))
                offer(&m.author, v, vl, 0);
            else if (eq_ci(k, kl, "article:author") && !looks_url(v, vl))
                offer(&m.author, v, vl, 1);
            else if (eq_ci(k, kl, "og:url"))
                offer(&m.url, v, vl, 1);
            else if (eq_ci(k, kl, "og:locale"))
                offer(&m.lang, v, vl, 3);
            break;
        case TDP_HT_LINK:
            if ((k = tdp_hnode_attr(d, i, "rel", &kl)) && eq_ci(k, kl, "canonical") &&
                (v = tdp_hnode_attr(d, i, "href", &vl)))
                offer(&m.canon, v, vl, 0);
            break;
        case TDP_HT_SCRIPT:
            if ((k = tdp_hnode_attr(d, i, "type", &kl)) &&
                eq_ci(k, kl, "application/ld+json") && x->len)
                json_ld(d->str.data + x->str, x->len, &m.jl, &jh, &jd, &ja, &jp);
            break;
        case TDP_HT_TIME:
            if ((v = tdp_hnode_attr(d, i, "datetime", &vl)) && vl >= 10) {
                bool pub = tdp_hnode_attr(d, i, "pubdate", NULL) != NULL ||
                           (tdp_hnode_attr(d, i, "itemprop", &kl) != NULL);
                if (!time_dt || (pub && !time_pub)) {
                    time_dt = v;
                    time_dt_len = vl;
                    time_pub = pub;
                }
            }
            break;
        case TDP_HT_H1:
            if (!h1.len)
                text_of(d, i, &h1);
            break;
        default:
            break;
        }
    }
    collapse(&h1);
    td_status st = TD_OK;
    if (m.jl.err || h1.err) {
        st = TD_ENOMEM;
        goto out;
    }
    /* Outlet first: title trimming needs it. */
    if (!m.outlet.s && jp.set)
        offer(&m.outlet, m.jl.data + jp.off, jp.len, 1);
    if (!a->outlet && !set_str(a, &a->outlet, m.outlet.s, m.outlet.n))
        st = TD_ENOMEM;
    if (a->outlet && a->outlet[0] == '@')
        a->outlet = NULL; /* a twitter handle is not a name */
    if (!a->title) {
        /* Sources in order; one that says only the outlet's name (the site's
         * title on every page) gives way to the next. */
        const char *ts[5];
        size_t tl[5];
        int nt = 0;
        if (m.title.s && m.title.rank == 0) {
            ts[nt] = m.title.s;
            tl[nt++] = m.title.n;
        }
        if (jh.set) {
            ts[nt] = m.jl.data + jh.off;
            tl[nt++] = jh.len;
        }
        if (m.title.s && m.title.rank != 0) {
            ts[nt] = m.title.s;
            tl[nt++] = m.title.n;
        }
        if (h1.len) {
            ts[nt] = h1.data;
            tl[nt++] = h1.len;
        }
        if (d->title_len) {
            ts[nt] = d->str.data + d->title_str;
            tl[nt++] = d->title_len;
        }
        tdp_buf tb = TDP_BUF_INIT;
        size_t s0 = 0, l = 0;
        for (int k = 0; k < nt; k++) {
            tb.len = 0;
            tdp_buf_put(&tb, ts[k], tl[k]);
            collapse(&tb);
            l = tb.len ? tdp_html_trim_title(tb.data, tb.len, a->outlet, &s0) : 0;
            if (l && !(a->outlet && contains_ci(a->outlet, strlen(a->outlet), tb.data + s0, l)))
                break;
            if (k + 1 < nt)
                continue;
            /* Every source names the outlet: the first one, as it is. */
            tb.len = 0;
            tdp_buf_put(&tb, ts[0], tl[0]);
            collapse(&tb);
            l = tb.len ? tdp_html_trim_title(tb.data, tb.len, a->outlet, &s0) : 0;
        }
        if (nt && (tb.err || !set_str(a, &a->title, tb.data + s0, l)))
            st = TD_ENOMEM;
        tdp_buf_free(&tb);
    }
    if (!a->author) {
        if (m.author.s && !looks_url(m.author.s, m.author.n)) {
            if (!set_str(a, &a->author, m.author.s, m.author.n))
                st = TD_ENOMEM;
        } else if (ja.set && !set_str(a, &a->author, m.jl.data + ja.off, ja.len)) {
            st = TD_ENOMEM;
        }
    }
    if (a->date.prec == TD_DATE_NONE) {
        td_date dt;
        if ((m.date.s && m.date.rank == 0 && tdp_html_parse_date(m.date.s, m.date.n, &dt)) ||
            (jd.set && tdp_html_parse_date(m.jl.data + jd.off, jd.len, &dt)) ||
            (time_dt && tdp_html_parse_date(time_dt, time_dt_len, &dt)) ||
            (m.date.s && tdp_html_parse_date(m.date.s, m.date.n, &dt)))
            a->date = dt;
    }
    if (!a->canonical_url) {
        const cand *u = m.canon.s ? &m.canon : &m.url;
        if (u->s && looks_url(u->s, u->n) && !set_str(a, &a->canonical_url, u->s, u->n))
            st = TD_ENOMEM;
    }
    if (!a->url && a->canonical_url && a->canonical_url[0] != '/')
        a->url = a->canonical_url;
    if (a->date.prec == TD_DATE_NONE && a->url) {
        td_date dt;
        if (tdp_html_url_date(a->url, strlen(a->url), &dt))
            a->date = dt;
    }
    if (a->date.prec == TD_DATE_NONE) {
        /* A short text line near the top of the page that is a date. */
        int seen = 0;
        for (uint32_t i = 1; i < d->n && seen < 400; i++) {
            const tdp_hnode *x = &d->nodes[i];
            if (x->tag != TDP_HT_TEXT || x->len < 8 || x->len > 80 ||
                (tdp_htag_flags(d->nodes[x->parent].tag) & HT_RAW))
                continue;
            seen++;
            td_date dt;
            if (tdp_html_text_date(d->str.data + x->str, x->len, &dt)) {
                a->date = dt;
                break;
            }
        }
    }
    if (a->date.prec == TD_DATE_NONE && a->fetch_date.prec != TD_DATE_NONE)
        a->date = a->fetch_date;
    if (!a->language && m.lang.s) {
        char l[3];
        if (m.lang.n >= 2 && ((m.lang.s[0] | 32) >= 'a' && (m.lang.s[0] | 32) <= 'z') &&
            ((m.lang.s[1] | 32) >= 'a' && (m.lang.s[1] | 32) <= 'z') &&
            (m.lang.n == 2 || m.lang.s[2] == '-' || m.lang.s[2] == '_')) {
            l[0] = lc(m.lang.s[0]);
            l[1] = lc(m.lang.s[1]);
            l[2] = '\0';
            a->language = tdp_article_str(a, l, 2);
            if (!a->language)
                st = TD_ENOMEM;
        }
    }
out:
    tdp_buf_free(&m.jl);
    tdp_buf_free(&h1);
    return st;
}

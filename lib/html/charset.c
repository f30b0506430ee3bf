/*
 * charset.c - HTML bytes to UTF-8.
 *
 * Order of evidence, following what browsers do where it matters for real pages:
 * a byte-order mark; then bytes that are valid UTF-8 are taken as UTF-8 whatever
 * is declared (a page whose every non-ASCII byte forms valid UTF-8 is UTF-8 in
 * practice, and servers often declare Latin-1 wrongly); then the charset declared
 * by the HTTP header (the caller's hint) or by a <meta> in the first 64 KiB; then
 * Windows-1252. Latin-1 and ASCII labels mean Windows-1252, as in browsers.
 * Windows-1252 is converted here; every other encoding goes through iconv, and an
 * encoding iconv does not know falls back to Windows-1252. Bytes the encoding
 * cannot decode become U+FFFD, so the output is always valid UTF-8.
 */
#include <errno.h>
#include <iconv.h>

#include "html/html_p.h"

#define META_SCAN (64 * 1024)

static const uint16_t k_cp1252[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030,
    0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C,
    0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD,
    0x017E, 0x0178};

static void from_cp1252(const char *s, size_t n, tdp_buf *out)
{
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && (unsigned char)s[j] < 0x80)
            j++;
        tdp_buf_put(out, s + i, j - i);
        if (j == n)
            break;
        unsigned char c = (unsigned char)s[j];
        int32_t cp = c < 0xA0 ? k_cp1252[c - 0x80] : c;
        char u[4];
        tdp_buf_put(out, u, tdp_utf8_encode(cp, u));
        i = j + 1;
    }
}

static char lower(char c) { return (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c; }

static bool ci_eq(const char *a, size_t n, const char *b)
{
    size_t l = strlen(b);
    if (n != l)
        return false;
    for (size_t i = 0; i < n; i++)
        if (lower(a[i]) != b[i])
            return false;
    return true;
}

static const char *ci_find(const char *s, size_t n, const char *w)
{
    size_t l = strlen(w);
    for (size_t i = 0; i + l <= n; i++) {
        size_t k = 0;
        while (k < l && lower(s[i + k]) == w[k])
            k++;
        if (k == l)
            return s + i;
    }
    return NULL;
}

/* The value after "charset" in s[0..n) into v and vl; false if none. */
static bool charset_value(const char *s, size_t n, const char **v, size_t *vl)
{
    const char *c = ci_find(s, n, "charset");
    if (!c)
        return false;
    const char *e = s + n, *p = c + 7;
    while (p < e && (*p == ' ' || *p == '\t'))
        p++;
    if (p >= e || *p != '=')
        return false;
    p++;
    while (p < e && (*p == ' ' || *p == '\t' || *p == '"' || *p == '\''))
        p++;
    const char *q = p;
    while (q < e && *q != '"' && *q != '\'' && *q != ';' && *q != ' ' && *q != '>' &&
           *q != '/' && *q != ',')
        q++;
    if (q == p || q - p > 40)
        return false;
    *v = p;
    *vl = (size_t)(q - p);
    return true;
}

bool tdp_html_meta_charset(const char *s, size_t n, char *name, size_t cap)
{
    size_t lim = n < META_SCAN ? n : META_SCAN;
    const char *p = s, *e = s + lim;
    while (p < e) {
        const char *lt = memchr(p, '<', (size_t)(e - p));
        if (!lt || lt + 5 > e)
            return false;
        p = lt + 1;
        if (!ci_eq(lt + 1, 4, "meta"))
            continue;
        const char *gt = memchr(lt, '>', (size_t)(e - lt));
        size_t tl = gt ? (size_t)(gt - lt) : (size_t)(e - lt);
        const char *v;
        size_t vl;
        if (charset_value(lt, tl, &v, &vl) && vl < cap) {
            for (size_t i = 0; i < vl; i++)
                name[i] = lower(v[i]);
            name[vl] = '\0';
            return true;
        }
    }
    return false;
}

bool tdp_http_charset(const char *ctype, size_t n, char *name, size_t cap)
{
    const char *v;
    size_t vl;
    if (!charset_value(ctype, n, &v, &vl) || vl >= cap)
        return false;
    for (size_t i = 0; i < vl; i++)
        name[i] = lower(v[i]);
    name[vl] = '\0';
    return true;
}

/* The iconv name for a label; NULL for UTF-8, "" for Windows-1252. */
static const char *iconv_name(const char *label)
{
    static const char *const utf8[] = {"utf-8", "utf8", "unicode-1-1-utf-8", NULL};
    static const char *const w1252[] = {"iso-8859-1", "iso8859-1", "latin1", "latin-1",
                                        "l1", "us-ascii", "ascii", "windows-1252",
                                        "cp1252", "x-cp1252", "iso_8859-1", "cp819",
                                        "ibm819", NULL};
    static const struct { const char *label, *name; } map[] = {
        {"gb2312", "GB18030"}, {"gbk", "GB18030"}, {"x-gbk", "GB18030"},
        {"gb18030", "GB18030"}, {"shift_jis", "CP932"}, {"sjis", "CP932"},
        {"x-sjis", "CP932"}, {"ms932", "CP932"}, {"windows-31j", "CP932"},
        {"euc-kr", "CP949"}, {"ks_c_5601-1987", "CP949"}, {"iso-8859-9", "CP1254"},
        {"latin5", "CP1254"}, {"tis-620", "CP874"}, {"iso-8859-11", "CP874"},
        {"big5", "BIG5-HKSCS"}, {"x-mac-cyrillic", "MAC-CYRILLIC"},
        {"iso-8859-8-i", "ISO-8859-8"}, {NULL, NULL}};
    for (int i = 0; utf8[i]; i++)
        if (strcmp(label, utf8[i]) == 0)
            return NULL;
    for (int i = 0; w1252[i]; i++)
        if (strcmp(label, w1252[i]) == 0)
            return "";
    for (int i = 0; map[i].label; i++)
        if (strcmp(label, map[i].label) == 0)
            return map[i].name;
    return label;
}

/* Converts with iconv; false if iconv does not know the encoding. */
static bool via_iconv(const char *name, const char *s, size_t n, tdp_buf *out)
{
    iconv_t cd = iconv_open("UTF-8", name);
    if (cd == (iconv_t)-1)
        return false;
    char *in;
    memcpy(&in, &s, sizeof in); /* iconv's prototype wants char **, it reads only */
    size_t inleft = n;
    char chunk[8192];
    while (inleft && !out->err) {
        char *o = chunk;
        size_t oleft = sizeof chunk;
        size_t r = iconv(cd, &in, &inleft, &o, &oleft);
        tdp_buf_put(out, chunk, sizeof chunk - oleft);
        if (r == (size_t)-1) {
            if (errno == E2BIG)
                continue;
            /* EILSEQ or EINVAL (truncated at the end): one byte becomes U+FFFD. */
            tdp_buf_put(out, "\xEF\xBF\xBD", 3);
            in++;
            inleft--;
            iconv(cd, NULL, NULL, NULL, NULL);
        }
    }
    iconv_close(cd);
    return true;
}

const char *tdp_html_utf8(const char *s, size_t n, const char *declared, tdp_buf *tmp,
                          size_t *outlen)
{
    tdp_buf_reset(tmp);
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
        s += 3;
        n -= 3;
        declared = "utf-8";
    } else if (n >= 2 && ((unsigned char)s[0] == 0xFF && (unsigned char)s[1] == 0xFE)) {
        if (!via_iconv("UTF-16LE", s + 2, n - 2, tmp) || tmp->err)
            return NULL;
        *outlen = tmp->len;
        return tmp->data ? tmp->data : "";
    } else if (n >= 2 && ((unsigned char)s[0] == 0xFE && (unsigned char)s[1] == 0xFF)) {
        if (!via_iconv("UTF-16BE", s + 2, n - 2, tmp) || tmp->err)
            return NULL;
        *outlen = tmp->len;
        return tmp->data ? tmp->data : "";
    }
    if (tdp_utf8_valid_prefix(s, n) == n) {
        *outlen = n;
        return s;
    }
    char label[48];
    const char *name = "";
    if (declared && *declared) {
        name = iconv_name(declared);
    } else if (tdp_html_meta_charset(s, n, label, sizeof label)) {
        name = iconv_name(label);
    }
    if (!name) { /* declared UTF-8 but invalid: repair */
        tdp_utf8_repair(tmp, s, n);
    } else if (!*name || strncmp(name, "utf-16", 6) == 0 || !via_iconv(name, s, n, tmp)) {
        /* Windows-1252; also for pages that claim UTF-16 without a BOM (their
         * bytes are ASCII-compatible, or the claim would be moot). */
        tdp_buf_reset(tmp);
        from_cp1252(s, n, tmp);
    }
    if (tmp->err)
        return NULL;
    *outlen = tmp->len;
    return tmp->data ? tmp->data : "";
}

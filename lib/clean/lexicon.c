/*
 * lexicon.c - the look-ups the cleaning rules make on short lines, and the
 * normalisation they share (tdp_clean_norm).
 *
 * The phrases of page furniture (comment forms, share buttons, forum user fields,
 * photo credits, bylines) are language data: each language's lists in
 * lib/lang/words_<code>.c (TDP_WL_CHROME and the kinds after it), looked up in
 * every language at once, since a page's furniture need not be in its article's
 * language. They name kinds of furniture, never text of particular sites. The wire
 * agencies, names rather than words of a language, are listed here.
 */
#include "clean/clean_p.h"
#include "lang/lang.h"

static bool trail_punct(const char *s, size_t n, size_t *cut)
{
    unsigned char c = (unsigned char)s[n - 1];
    if (c == '.' || c == ':' || c == '!' || c == '?' || c == '*' || c == ' ' ||
        c == ',' || c == ';' || c == '>' || c == '|') {
        *cut = 1;
        return true;
    }
    if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
        ((unsigned char)s[n - 1] == 0xA6 || (unsigned char)s[n - 1] == 0xBA)) {
        *cut = 3; /* … › */
        return true;
    }
    if (n >= 2 && (unsigned char)s[n - 2] == 0xC2 && (unsigned char)s[n - 1] == 0xBB) {
        *cut = 2; /* » */
        return true;
    }
    return false;
}

size_t tdp_clean_norm(const char *s, size_t n, char *out, size_t cap)
{
    /* folded first (the language layer's folding: no-break spaces become spaces);
     * text that will not fold in the room is taken with ASCII lowered */
    char f[TDP_CLEAN_SHORT * 4 + 16];
    size_t fn = n < sizeof f ? tdp_fold(s, n, f, sizeof f) : 0;
    if (!fn) {
        fn = n < sizeof f ? n : sizeof f;
        for (size_t k = 0; k < fn; k++)
            f[k] = (char)(s[k] >= 'A' && s[k] <= 'Z' ? s[k] + 32 : s[k]);
    }
    const unsigned char *u = (const unsigned char *)f;
    size_t i = 0, o = 0;
    /* leading bullets and white space */
    for (;;) {
        while (i < fn && (u[i] == ' ' || u[i] == '\t'))
            i++;
        if (i < fn && (u[i] == '-' || u[i] == '*' || u[i] == '>') && i + 1 < fn &&
            u[i + 1] == ' ')
            i += 2;
        else if (i + 2 < fn && u[i] == 0xE2 && u[i + 1] == 0x80 &&
                 (u[i + 2] == 0xA2 || u[i + 2] == 0x93 || u[i + 2] == 0x94))
            i += 3; /* • – — */
        else
            break;
    }
    bool space = false;
    for (; i < fn; i++) {
        if (u[i] == ' ' || u[i] == '\t' || u[i] == '\r') {
            space = true;
            continue;
        }
        if (o + 2 >= cap)
            return 0;
        /* French spacing before : ; ! ? is dropped ("lire aussi :") */
        if (space && o && !(u[i] == ':' || u[i] == ';' || u[i] == '!' || u[i] == '?'))
            out[o++] = ' ';
        space = false;
        out[o++] = (char)u[i];
    }
    size_t cut;
    while (o && trail_punct(out, o, &cut))
        o -= cut;
    out[o] = '\0';
    return o;
}

static const char *const k_agency[] = {
    "reuters", "afp", "ap", "associated press", "tass", "itar-tass", "ria novosti",
    "ria", "interfax", "sputnik", "xinhua", "dpa", "ansa", "efe", "anadolu",
    "anadolu agency", "aa", "upi", "pti", "ians", "ani", "yonhap", "kyodo", "bernama",
    "belta", "ukrinform", "unian", "kuna", "wam", "irna", "epa", "getty images",
    "bloomberg", "kna", "apa", "ntb", "tt", "ritzau", "anp", "belga", "sda", "lusa",
    "europa press", "ctk", "pap", "mti", "bta", "hina", "tanjug", "novinite", NULL};

static bool is_word(unsigned char c)
{
    return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

static bool has(const char *s, size_t n, tdp_wordkind kind)
{
    return tdp_lang_any(kind, s, n);
}

#define PREFIX_MAX 48 /* longer than any opener in the prefix lists */

/* Longest prefix of s of the kind, ending at a word boundary or after a colon: one
 * look-up per boundary within the first PREFIX_MAX bytes. */
static size_t prefix_of(const char *s, size_t n, tdp_wordkind kind)
{
    size_t best = 0, lim = n < PREFIX_MAX ? n : PREFIX_MAX;
    for (size_t k = 1; k <= lim; k++) {
        bool end = k == n || s[k] == ' ' || s[k - 1] == ':' ||
                   (is_word((unsigned char)s[k - 1]) && !is_word((unsigned char)s[k]));
        if (end && has(s, k, kind))
            best = k;
    }
    return best;
}

bool tdp_lex_chrome(const char *s, size_t n) { return has(s, n, TDP_WL_CHROME); }

bool tdp_lex_chrome_prefix(const char *s, size_t n)
{
    return prefix_of(s, n, TDP_WL_CHROME_PREFIX) > 0;
}

bool tdp_lex_forum(const char *s, size_t n) { return has(s, n, TDP_WL_FORUM); }

bool tdp_lex_credit_prefix(const char *s, size_t n)
{
    if (n >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA9)
        return true; /* © */
    size_t k = prefix_of(s, n, TDP_WL_CREDIT);
    /* "photo: X", "photo by X", "foto X / Y": the opener must be followed by more */
    return k > 0 && k < n && (s[k] == ':' || s[k] == ' ');
}

bool tdp_lex_agency(const char *s, size_t n)
{
    for (size_t i = 0; k_agency[i]; i++)
        if (!strncmp(k_agency[i], s, n) && !k_agency[i][n])
            return true;
    return false;
}

bool tdp_lex_byline(const char *s, size_t n, size_t *len)
{
    size_t k = prefix_of(s, n, TDP_WL_BYLINE);
    if (!k || k >= n || (s[k] != ' ' && s[k - 1] != ':'))
        return false; /* "by-election" is not a byline */
    *len = k;
    return true;
}

bool tdp_lex_ahead(const char *s, size_t n) { return has(s, n, TDP_WL_AHEAD); }

bool tdp_lex_ui_line(const char *s, size_t n)
{
    size_t i = 0, words = 0;
    while (i < n) {
        while (i < n && (s[i] == ' ' || s[i] == '|' || s[i] == '/' || s[i] == ','))
            i++;
        size_t b = i;
        while (i < n && !(s[i] == ' ' || s[i] == '|' || s[i] == '/' || s[i] == ','))
            i++;
        if (i == b)
            break;
        /* "·" and "•" between buttons */
        if (i - b == 2 && (unsigned char)s[b] == 0xC2 && (unsigned char)s[b + 1] == 0xB7)
            continue;
        if (i - b == 3 && (unsigned char)s[b] == 0xE2 && (unsigned char)s[b + 2] == 0xA2)
            continue;
        if (++words > 8 || !has(s + b, i - b, TDP_WL_UI))
            return false;
    }
    return words > 0;
}

/* sentence.c - the one sentence splitter (see sentence.h), with the abbreviations
 * of each language that has a table. */
#include <utf8proc.h>

#include "lang/dates.h"
#include "lang/sentence.h"
#include "lang/lang.h"

static bool is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Bytes of a white-space character at s[i] (ASCII or NBSP/narrow spaces), else 0. */
static size_t space_len(const char *s, size_t n, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    if (is_space(c))
        return 1;
    if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0)
        return 2;
    if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80) {
        unsigned char d = (unsigned char)s[i + 2];
        if ((d >= 0x80 && d <= 0x8A) || d == 0xAF)
            return 3;
    }
    return 0;
}

/* Bytes of a closing quote or bracket at s[i], else 0. */
static size_t closer_len(const char *s, size_t n, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    if (c == '"' || c == '\'' || c == ')' || c == ']')
        return 1;
    if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xBB) /* » */
        return 2;
    if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80) {
        unsigned char d = (unsigned char)s[i + 2];
        if (d == 0x9D || d == 0x99 || d == 0x9C || d == 0xBA) /* ” ’ “ › */
            return 3;
    }
    return 0;
}

/* Bytes of an opening quote at s[i], else 0. */
static size_t opener_len(const char *s, size_t n, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    if (c == '"' || c == '\'' || c == '(' || c == '[')
        return 1;
    if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xAB) /* « */
        return 2;
    if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80) {
        unsigned char d = (unsigned char)s[i + 2];
        if (d == 0x9C || d == 0x9E || d == 0x98 || d == 0xB9) /* “ „ ‘ ‹ */
            return 3;
    }
    return 0;
}

/* ---- abbreviations, per language ---- */

static const char *const en_titles[] = {
    "Adm", "Amb", "Brig", "Capt", "Cmdr", "Col", "Cpl", "Dr", "Fr", "Gen", "Gov", "Hon",
    "Lt", "Maj", "Messrs", "Mme", "Mlle", "Mr", "Mrs", "Ms", "Mt", "No", "Nos", "Pres",
    "Prof", "Pvt", "Rep", "Reps", "Rev", "Sen", "Sens", "Sgt", "Sr", "Jr", "St", "Supt",
    "Ste", "Vol", "approx", "cf", "vs", "Fig", "Art", "Sec", "Gens", "Dept", "Ft", NULL};
static const char *const en_soft[] = {
    "Inc", "Corp", "Co", "Ltd", "Bros", "etc", "al", "Ave", "Blvd", "Rd", NULL};
static const char *const de_titles[] = {"Hr", "Nr", "Abs", "Bd", "Bsp", "Dipl", NULL};
static const char *const de_soft[] = {"bzw", "usw", "ca", "vgl", "ggf", "inkl", "Mio",
                                      "Mrd", "Str", NULL};
static const char *const fr_titles[] = {"Mgr", "Pr", NULL};
static const char *const es_titles[] = {"Sra", "Srta", "Dra", "Lic", "Ing", "Ud", "Uds",
                                        NULL};
static const char *const it_titles[] = {"Sig", "Sigg", "Dott", "Avv", NULL};
static const char *const nl_titles[] = {"dhr", "mevr", "drs", "ir", NULL};
static const char *const nl_soft[] = {"enz", "bijv", NULL};
static const char *const none[] = {NULL};

static const tdp_sent_lang langs[] = {
    {"en", en_titles, en_soft}, {"de", de_titles, de_soft}, {"fr", fr_titles, none},
    {"es", es_titles, none},    {"it", it_titles, none},    {"nl", nl_titles, nl_soft},
};

/* Longest abbreviation of the tables ("Messrs", "approx"): longer words are none. */
#define ABBR_MAX 6

static bool in_list(const char *const *l, const char *w, size_t wl)
{
    for (; *l; l++)
        if ((*l)[0] == w[0] && !strncmp(*l, w, wl) && (*l)[wl] == '\0')
            return true;
    return false;
}

/* The abbreviation w[0..wl) in the titles (soft false) or the others of any
 * language with a table. */
static bool abbreviation(const char *w, size_t wl, bool soft)
{
    if (wl > ABBR_MAX)
        return false;
    for (size_t l = 0; l < sizeof langs / sizeof *langs; l++)
        if (in_list(soft ? langs[l].soft : langs[l].titles, w, wl))
            return true;
    return false;
}

/* An English month abbreviation ("Dec", "Sept"), capitalised. */
static bool month_abbr(const char *w, size_t wl)
{
    char low[8];
    bool abbr = false;
    if (wl < 3 || wl >= sizeof low)
        return false;
    for (size_t k = 0; k < wl; k++)
        low[k] = (char)(w[k] | 32);
    low[wl] = '\0';
    return tdp_month_word(low, wl, TDP_DL_BIT(TDP_DL_EN), &abbr) && abbr;
}

static bool ascii_alpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* True if the word starting at s[k] is a function word (folded), e.g. "The", "He". */
static bool next_is_function_word(const char *s, size_t n, size_t k)
{
    size_t pos = k;
    tdp_token t;
    if (!tdp_token_next(s, n, &pos, &t) || t.off != k)
        return false;
    return (t.flags & TDP_TOK_CAP) && !(t.flags & TDP_TOK_ALLCAPS) &&
           tdp_is_stop(NULL, t.fold, t.flen);
}

/*
 * Decides whether the full stop at s[dot] ends a sentence, given that the next
 * sentence would start at s[k] (after white space).
 */
static bool stop_ends_sentence(const char *s, size_t n, size_t start, size_t dot, size_t k)
{
    /* The word before the dot: letters and inner dots. */
    size_t b = dot;
    while (b > start && (ascii_alpha((unsigned char)s[b - 1]) || s[b - 1] == '.'))
        b--;
    const char *w = s + b;
    size_t wl = dot - b;
    unsigned char nc = (unsigned char)s[k];
    bool next_digit = nc >= '0' && nc <= '9';
    if (wl == 0)
        return true;
    if (memchr(w, '.', wl)) {
        /* "U.S." or "a.m.": an acronym unless a function word follows. */
        return next_is_function_word(s, n, k);
    }
    if (wl == 1 && w[0] >= 'A' && w[0] <= 'Z')
        return false; /* initial */
    if (abbreviation(w, wl, false))
        return false;
    if (w[0] >= 'A' && w[0] <= 'Z' && month_abbr(w, wl))
        return !next_digit && next_is_function_word(s, n, k);
    if (abbreviation(w, wl, true))
        return next_is_function_word(s, n, k);
    return true;
}

/* True if a closing quote mark starts at s[i] (not a bracket). */
static bool closer_is_quote(const char *s, size_t n, size_t i)
{
    while (i < n && (s[i] == '.' || s[i] == '!' || s[i] == '?'))
        i++;
    return i < n && s[i] != ')' && s[i] != ']' && closer_len(s, n, i) != 0;
}

/* True if capitalised words and then a speech verb start at s[k]: "Peskov said",
 * "Sen. Ted Cruz asked". */
static bool attribution_follows(const char *s, size_t n, size_t k)
{
    static const char *const verbs[] = {
        "said", "says", "asked", "asks", "told", "added", "adds", "wrote", "writes",
        "tweeted", "replied", "explained", "continued", "noted", "stated", "insisted",
        "recalled", "warned", "declared", "remarked", "shouted", "yelled", "argued",
        "countered", "responded", "answered", "joked", "quipped", "conceded"};
    size_t pos = k;
    tdp_token t;
    for (int w = 0; w < 5 && tdp_token_next(s, n, &pos, &t); w++) {
        if (w == 0 && tdp_is_stop(NULL, t.fold, t.flen))
            return false; /* "He added ...": a new sentence */
        if (t.flags & TDP_TOK_CAP)
            continue;
        if (w == 0)
            return false;
        for (size_t v = 0; v < sizeof verbs / sizeof *verbs; v++)
            if (!strcmp(t.fold, verbs[v]))
                return true;
        return false;
    }
    return false;
}

/* Trims [*a, *b) of white space; false when nothing is left. */
static bool trim(const char *s, size_t *a, size_t *b)
{
    while (*a < *b && space_len(s, *b, *a))
        *a += space_len(s, *b, *a);
    while (*b > *a && is_space((unsigned char)s[*b - 1]))
        (*b)--;
    while (*b > *a + 1 && (unsigned char)s[*b - 2] == 0xC2 && (unsigned char)s[*b - 1] == 0xA0)
        *b -= 2;
    return *b > *a;
}

bool tdp_sentence_next(const char *s, size_t n, size_t *pos, size_t *bo, size_t *eo)
{
    size_t start = *pos;
#define CUT(A, B, NEXT)                                                                \
    do {                                                                               \
        size_t a_ = (A), b_ = (B);                                                     \
        start = (NEXT);                                                                \
        if (trim(s, &a_, &b_)) {                                                       \
            *bo = a_, *eo = b_, *pos = start;                                          \
            return true;                                                               \
        }                                                                              \
    } while (0)
    for (size_t i = start; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        size_t tl = 0;
        if (c == '\n') {
            CUT(start, i, i + 1);
            continue;
        }
        if (c == '.' || c == '!' || c == '?')
            tl = 1;
        else if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
                 (unsigned char)s[i + 2] == 0xA6)
            tl = 3; /* … */
        if (!tl)
            continue;
        size_t term = i;
        size_t j = i + tl;
        /* Runs of terminators: "?!", "...". */
        while (j < n && (s[j] == '.' || s[j] == '!' || s[j] == '?'))
            j++;
        size_t cl;
        while (j < n && (cl = closer_len(s, n, j)) != 0)
            j += cl;
        if (j >= n)
            break;
        size_t sl = space_len(s, n, j);
        if (!sl) {
            /* "border.The sides": no space, lower-case before, Capital+lower after. */
            unsigned char nx = (unsigned char)s[j];
            if (c == '.' && j == i + 1 && i > start && s[i - 1] >= 'a' && s[i - 1] <= 'z' &&
                i >= start + 2 && ascii_alpha((unsigned char)s[i - 2]) && nx >= 'A' &&
                nx <= 'Z' && j + 1 < n && s[j + 1] >= 'a' && s[j + 1] <= 'z')
                CUT(start, j, j); /* not a domain or a file name: 2+ letters after */
            i = j - 1;
            continue;
        }
        size_t k = j;
        while (k < n && (sl = space_len(s, n, k)) != 0) {
            if (s[k] == '\n')
                break;
            k += sl;
        }
        if (k >= n)
            break;
        if (s[k] == '\n') {
            i = k - 1;
            continue;
        }
        /* What starts the next sentence? Skip opening quotes to see the letter. */
        size_t q = k, ol;
        while (q < n && (ol = opener_len(s, n, q)) != 0)
            q += ol;
        if (q >= n)
            break;
        unsigned char nc = (unsigned char)s[q];
        bool lower = nc >= 'a' && nc <= 'z';
        if (!lower && nc >= 0x80) {
            size_t adv;
            lower = utf8proc_category(tdp_utf8_decode(s + q, n - q, &adv)) ==
                    UTF8PROC_CATEGORY_LL;
        }
        if (lower) {
            i = k - 1;
            continue;
        }
        if (j > i + tl && closer_is_quote(s, n, i + tl) && attribution_follows(s, n, q)) {
            /* "“Why now?” Peskov asked." goes on: the quote belongs to its speaker */
            i = k - 1;
            continue;
        }
        if (c == '.' && tl == 1 && j > term + 1 && s[term + 1] == '.') {
            /* an ellipsis "..." before a capital: a break */
        } else if (c == '.' && !stop_ends_sentence(s, n, start, term, q)) {
            i = k - 1;
            continue;
        }
        CUT(start, j, k);
        i = k - 1;
    }
    CUT(start, n, n);
#undef CUT
    *pos = n;
    return false;
}

td_status tdp_split_sentences(const char *s, size_t n, tdp_span **spans, size_t *n_spans,
                              size_t *cap)
{
    size_t pos = 0, b, e;
    while (tdp_sentence_next(s, n, &pos, &b, &e)) {
        if (TDP_GROW(*spans, *cap, *n_spans + 1))
            return TD_ENOMEM;
        (*spans)[(*n_spans)++] = (tdp_span){(uint32_t)b, (uint32_t)(e - b)};
    }
    return TD_OK;
}

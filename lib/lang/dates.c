/* dates.c - the one reader of dates: tables, calendar check, stamp mode, phrase mode
 * and the resolver (see dates.h).
 *
 * Phrase mode works on a sentence's tokens and the raw bytes between them.
 * Patterns, tried left to right, longest first at each token:
 *   2022-01-10 | 15.01.2022 | 1/15/2022
 *   [weekday,] Month day[-day][,] [year] | day[-day] Month [year] | day(th) of Month
 *   Month year | [early|mid|late|in|since...] Month | [early|mid|late|in|since...] year
 *   [on|late|early|last|next|this] Weekday [morning|night...]
 *   yesterday | today | tonight | tomorrow | last/this/next week|month|year | N units ago
 * Each phrase is read as written, with the tense of its clause and its marker, and
 * then placed by tdp_date_resolve. A deictic phrase inside a quotation ("today",
 * "on Tuesday") is placed against the day the statement was made when the same
 * sentence dates it outside the quotation ("..., she said on 5 January"). */

#include "lang/dates.h"

/* ---- tables ---- */

static const tdp_date_lang *(*const langs_fn[TDP_DL_COUNT])(void) = {
    tdp_dates_en, tdp_dates_de, tdp_dates_fr, tdp_dates_es,
    tdp_dates_it, tdp_dates_pt, tdp_dates_nl, tdp_dates_ru};
#define LANG(l) (langs_fn[l]())

/* Words of timestamp lines in every language: clock suffixes and separators. */
static const char *const stamp_common[] = {
    "am", "pm", "a.m", "p.m", "a.m.", "p.m.", "|", "/", "-", "–", "—", "·", "•", NULL};

typedef struct zone {
    const char *name;
    int minutes;
} zone;

static const zone zones[] = {
    {"gmt", 0}, {"utc", 0}, {"z", 0}, {"bst", 60}, {"cet", 60}, {"cest", 120},
    {"mez", 60}, {"mesz", 120}, {"eet", 120}, {"eest", 180}, {"msk", 180},
    {"мск", 180}, {"est", -300}, {"edt", -240}, {"cst", -360}, {"cdt", -300},
    {"mst", -420}, {"mdt", -360}, {"pst", -480}, {"pdt", -420}, {"ist", 330},
    {"jst", 540}, {"kst", 540}, {"aest", 600}, {"aedt", 660}, {NULL, 0}};

const tdp_date_lang *tdp_date_lang_of(tdp_dlang l)
{
    return (unsigned)l < TDP_DL_COUNT ? LANG(l) : NULL;
}

const tdp_date_lang *tdp_date_lang_code(const char *code)
{
    for (size_t l = 0; code && l < TDP_DL_COUNT; l++)
        if (!strncmp(code, LANG(l)->code, 2) && (code[2] == '\0' || code[2] == '-' ||
                                                     code[2] == '_'))
            return LANG(l);
    return NULL;
}

/* a (a list's word) is the n bytes of w, which may hold a NUL */
static bool word_eq(const char *a, const char *w, size_t n)
{
    return strnlen(a, n + 1) == n && !memcmp(a, w, n);
}

static int find_word(const char *w, size_t n, unsigned langs, bool months, bool *abbr)
{
    for (size_t l = 0; l < TDP_DL_COUNT; l++) {
        if (!(langs & (1u << l)))
            continue;
        const tdp_date_word *t = months ? LANG(l)->months : LANG(l)->weekdays;
        for (; t->word; t++)
            if ((unsigned char)t->word[0] == (unsigned char)w[0] && word_eq(t->word, w, n)) {
                if (abbr)
                    *abbr = t->abbr;
                return t->value;
            }
    }
    return -1;
}

int tdp_month_word(const char *w, size_t n, unsigned langs, bool *abbr)
{
    int m = n ? find_word(w, n, langs, true, abbr) : -1;
    return m < 0 ? 0 : m;
}

int tdp_weekday_word(const char *w, size_t n, unsigned langs, bool *abbr)
{
    return n ? find_word(w, n, langs, false, abbr) : -1;
}

static bool in_list(const char *const *l, const char *w, size_t n)
{
    for (; *l; l++)
        if (word_eq(*l, w, n))
            return true;
    return false;
}

bool tdp_stamp_word(const char *w, size_t n, unsigned langs)
{
    if (in_list(stamp_common, w, n))
        return true;
    for (size_t l = 0; l < TDP_DL_COUNT; l++)
        if ((langs & (1u << l)) && in_list(LANG(l)->stamp_words, w, n))
            return true;
    return false;
}

bool tdp_zone_word(const char *w, size_t n, int *minutes)
{
    for (const zone *z = zones; z->name; z++)
        if (word_eq(z->name, w, n)) {
            *minutes = z->minutes;
            return true;
        }
    return false;
}

/* ---- calendar ---- */

bool tdp_valid_ymd(int y, int m, int d)
{
    return y >= TDP_YEAR_MIN && y <= TDP_YEAR_MAX && m >= 1 && m <= 12 && d >= 1 &&
           d <= tdp_days_in_month(y, m);
}

/* ---- stamp mode ---- */

static bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

int tdp_date_digits(const char *s, size_t n)
{
    if (!n || n > 4)
        return -1;
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (!is_digit((unsigned char)s[i]))
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

bool tdp_date_numeric(const char *s, size_t n, bool short_year, int *y, int *m, int *d)
{
    size_t a = 0;
    while (a < n && is_digit((unsigned char)s[a]))
        a++;
    if (a == n || a == 0)
        return false;
    char sep = s[a];
    if (sep != '.' && sep != '/' && sep != '-')
        return false;
    size_t b = a + 1;
    while (b < n && is_digit((unsigned char)s[b]))
        b++;
    if (b == n || s[b] != sep || b == a + 1)
        return false;
    size_t e = b + 1;
    while (e < n && is_digit((unsigned char)s[e]))
        e++;
    if (e != n || e == b + 1)
        return false;
    int x = tdp_date_digits(s, a), yv = tdp_date_digits(s + a + 1, b - a - 1),
        z = tdp_date_digits(s + b + 1, e - b - 1);
    if (x < 0 || yv < 0 || z < 0)
        return false;
    if (a == 4 && sep == '-') { /* ISO */
        *y = x, *m = yv, *d = z;
    } else if (e - b - 1 == 4 || (short_year && e - b - 1 == 2 && a == 2 && b - a - 1 == 2)) {
        /* a two-digit year is of this century below 70 */
        *y = e - b - 1 == 4 ? z : z < 70 ? 2000 + z : 1900 + z;
        if (sep == '/' && yv > 12) { /* US order: month/day/year */
            *m = x, *d = yv;
        } else {
            *d = x, *m = yv;
        }
    } else {
        return false;
    }
    return tdp_valid_ymd(*y, *m, *d);
}

static bool starts_ci(const char *s, const char *p)
{
    return (s[0] | 32) == p[0] && (s[1] | 32) == p[1];
}

bool tdp_date_clock(const char *s, size_t n, int *h, int *mi)
{
    size_t a = 0;
    while (a < n && is_digit((unsigned char)s[a]))
        a++;
    if (a < 1 || a > 2 || a + 3 > n || s[a] != ':')
        return false;
    int hh = tdp_date_digits(s, a), mm = tdp_date_digits(s + a + 1, 2);
    if (hh < 0 || hh > 23 || mm < 0 || mm > 59)
        return false;
    size_t e = a + 3;
    if (e + 3 <= n && s[e] == ':' && tdp_date_digits(s + e + 1, 2) >= 0)
        e += 3;
    if (e < n) {
        if (n - e == 2 && (starts_ci(s + e, "pm") || starts_ci(s + e, "am"))) {
            if (starts_ci(s + e, "pm") && hh < 12)
                hh += 12;
            else if (starts_ci(s + e, "am") && hh == 12)
                hh = 0;
        } else if (!(n - e == 1 && s[e] == 'h')) {
            return false;
        }
    }
    *h = hh;
    *mi = mm;
    return true;
}

typedef struct wtok {
    const char *p;
    size_t n;
} wtok;

/* Splits a short line into at most max tokens at white space; max + 1 when more. */
static size_t wtokens(const char *s, size_t n, wtok *out, size_t max)
{
    size_t k = 0, i = 0;
    while (i < n) {
        while (i < n && is_space((unsigned char)s[i]))
            i++;
        size_t b = i;
        while (i < n && !is_space((unsigned char)s[i]))
            i++;
        if (i > b) {
            if (k == max)
                return max + 1;
            out[k++] = (wtok){s + b, i - b};
        }
    }
    return k;
}

/* A day with an ordinal suffix ("15th", "1st", lower case): its value, else -1. */
static int ordinal_day(const char *w, size_t wn)
{
    size_t q = 0;
    while (q < wn && is_digit((unsigned char)w[q]))
        q++;
    if (q == 0 || q > 2 || wn != q + 2)
        return -1;
    const char *suf = w + q;
    if (strncmp(suf, "st", 2) && strncmp(suf, "nd", 2) && strncmp(suf, "rd", 2) &&
        strncmp(suf, "th", 2))
        return -1;
    int v = tdp_date_digits(w, q);
    return v >= 1 && v <= 31 ? v : -1;
}

bool tdp_date_stamp(const char *s, size_t n, bool lenient, tdp_stamp *st)
{
    memset(st, 0, sizeof *st);
    /* a stamp holds a digit (most lines asked about are prose: the cheap test first) */
    size_t dg = 0;
    while (dg < n && !is_digit((unsigned char)s[dg]))
        dg++;
    if (dg == n)
        return false;
    wtok tk[20];
    size_t k = wtokens(s, n, tk, 20);
    if (k == 0 || k > 20)
        return false;
    int pend_m = 0, pend_d = 0, pend_y = 0;
    bool any_digit = false;
    for (size_t i = 0; i < k; i++) {
        const char *p = tk[i].p;
        size_t m = tk[i].n;
        /* strip brackets and trailing punctuation */
        while (m && (*p == '(' || *p == '[' || *p == ',')) {
            p++;
            m--;
        }
        while (m && (p[m - 1] == ')' || p[m - 1] == ']' || p[m - 1] == ',' ||
                     p[m - 1] == ';' || p[m - 1] == ':'))
            m--;
        if (!m)
            continue;
        int y, mo, d, h, mi, z;
        char w[48];
        if (tdp_date_numeric(p, m, lenient, &y, &mo, &d)) {
            any_digit = true;
            if (!st->has_date) {
                st->y = y, st->m = mo, st->d = d;
                st->has_date = true;
            }
            continue;
        }
        if (tdp_date_clock(p, m, &h, &mi)) {
            any_digit = true;
            if (!st->has_time) {
                st->h = h, st->mi = mi;
                st->has_time = true;
                /* "4:04 pm": the half of the day as a word of its own */
                if (i + 1 < k && h <= 12) {
                    size_t wn = tdp_fold(tk[i + 1].p, tk[i + 1].n, w, sizeof w);
                    bool pm = wn && w[0] == 'p' && (!strcmp(w, "pm") || !strncmp(w, "p.m", 3));
                    bool am = wn && w[0] == 'a' && (!strcmp(w, "am") || !strncmp(w, "a.m", 3));
                    if (pm && h < 12)
                        st->h = h + 12;
                    else if (am && h == 12)
                        st->h = 0;
                    if (pm || am)
                        i++;
                }
                /* a zone right after the time */
                if (i + 1 < k) {
                    const char *q = tk[i + 1].p;
                    size_t qn = tk[i + 1].n;
                    while (qn && (q[qn - 1] == ',' || q[qn - 1] == ')'))
                        qn--;
                    size_t wn = tdp_fold(q, qn, w, sizeof w);
                    if (wn && tdp_zone_word(w, wn, &z)) {
                        st->zone = z;
                        st->has_zone = true;
                    }
                }
            }
            continue;
        }
        /* the first whole date is kept as soon as its parts are read */
        if (!st->has_date && pend_m && pend_d && pend_y &&
            tdp_valid_ymd(pend_y, pend_m, pend_d)) {
            st->y = pend_y, st->m = pend_m, st->d = pend_d;
            st->has_date = true;
        }
        size_t dn = m;
        if (dn && p[dn - 1] == '.')
            dn--;
        int v = tdp_date_digits(p, dn);
        if (v >= 0) {
            any_digit = true;
            if (dn == 4 && v >= TDP_YEAR_MIN)
                pend_y = v;
            else if (v >= 1 && v <= 31 && !(lenient && pend_d))
                pend_d = v;
            else if (!lenient)
                return false;
            continue;
        }
        size_t wn = tdp_fold(p, m, w, sizeof w);
        if (!wn) {
            if (lenient)
                continue;
            return false;
        }
        int od = ordinal_day(w, wn);
        if (od > 0) {
            pend_d = od;
            any_digit = true;
            continue;
        }
        size_t mn = wn > 1 && w[wn - 1] == '.' ? wn - 1 : wn; /* "Jan." */
        if ((mo = tdp_month_word(w, mn, TDP_DL_ALL, NULL))) {
            pend_m = mo;
            continue;
        }
        if (tdp_weekday_word(w, mn, TDP_DL_ALL, NULL) >= 0 || tdp_zone_word(w, wn, &z) ||
            tdp_stamp_word(w, wn, TDP_DL_ALL))
            continue;
        if (lenient) {
            /* past the first whole date, the rest of the field is not read */
            if (st->has_date || (pend_m && pend_d && pend_y))
                break;
            /* the parts of one date stand together: "In May, 12 people died in 2021"
             * holds none */
            pend_m = pend_d = pend_y = 0;
            continue;
        }
        return false;
    }
    if (!st->has_date && pend_m && pend_d && pend_y &&
        tdp_valid_ymd(pend_y, pend_m, pend_d)) {
        st->y = pend_y, st->m = pend_m, st->d = pend_d;
        st->has_date = true;
    }
    if (!any_digit)
        return false;
    return st->has_date || st->has_time || (pend_m && (pend_d || pend_y));
}

bool tdp_date_month_day(const char *s, size_t n, int *m, int *d, size_t *end)
{
    wtok tk[3];
    size_t lim = n < 40 ? n : 40;
    size_t k = wtokens(s, lim, tk, 3);
    if (k > 3)
        k = 3;
    if (k < 2)
        return false;
    char w[48];
    for (int order = 0; order < 2; order++) {
        const wtok *mt = &tk[order], *dt = &tk[1 - order];
        size_t dn = dt->n;
        while (dn && (dt->p[dn - 1] == '.' || dt->p[dn - 1] == ','))
            dn--;
        size_t mn = mt->n;
        while (mn && (mt->p[mn - 1] == ',' || mt->p[mn - 1] == '.'))
            mn--;
        size_t wn = tdp_fold(mt->p, mn, w, sizeof w);
        int mm = wn ? tdp_month_word(w, wn, TDP_DL_ALL, NULL) : 0;
        int dd = tdp_date_digits(dt->p, dn);
        if (mm && dd >= 1 && dd <= 31) {
            *m = mm;
            *d = dd;
            const wtok *last = order ? mt : dt;
            *end = (size_t)(last->p + last->n - s);
            return true;
        }
    }
    return false;
}

/* ---- phrase mode: the reader ---- */

/* Phrases kept per sentence before they are placed (later ones are dropped). */
#define MAX_PHRASES 64

typedef struct ctx {
    const char *s;
    size_t n;
    const tdp_toklist *tl;
    tdp_date_phrase *ph;
    size_t n_ph;
} ctx;

static const char *fold(const ctx *c, size_t i) { return tdp_toklist_fold(c->tl, i); }
static uint16_t flags(const ctx *c, size_t i) { return c->tl->toks[i].flags; }
static uint32_t tend(const ctx *c, size_t i) { return c->tl->toks[i].off + c->tl->toks[i].len; }
static bool is(const ctx *c, size_t i, const char *w)
{
    return i < c->tl->n && !strcmp(fold(c, i), w);
}

/* Month 1..12 of a capitalised English month name or abbreviation at token i, else
 * 0. *abbr is set for abbreviations (which may be followed by a '.'); "May" is a
 * name only. */
static int month_at(const ctx *c, size_t i, bool *abbr)
{
    *abbr = false;
    if (i >= c->tl->n || !(flags(c, i) & TDP_TOK_CAP) || c->tl->toks[i].flen < 3)
        return 0;
    return tdp_month_word(fold(c, i), c->tl->toks[i].flen, TDP_DL_BIT(TDP_DL_EN), abbr);
}

static int weekday_at(const ctx *c, size_t i)
{
    bool abbr = false;
    if (i >= c->tl->n || !(flags(c, i) & TDP_TOK_CAP))
        return -1;
    int w = tdp_weekday_word(fold(c, i), c->tl->toks[i].flen, TDP_DL_BIT(TDP_DL_EN), &abbr);
    return abbr ? -1 : w;
}

/* Value of a plain number token ("17", "2022"), else -1. */
static int num_at(const ctx *c, size_t i, size_t maxdigits)
{
    if (i >= c->tl->n || !(flags(c, i) & TDP_TOK_NUMERIC))
        return -1;
    const char *f = fold(c, i);
    size_t l = c->tl->toks[i].flen;
    if (l == 0 || l > maxdigits)
        return -1;
    int v = 0;
    for (size_t k = 0; k < l; k++) {
        if (f[k] < '0' || f[k] > '9')
            return -1;
        v = v * 10 + (f[k] - '0');
    }
    return v;
}

/* A day of the month: "17" or "17th", 1..31; else -1. */
static int day_at(const ctx *c, size_t i)
{
    int v = num_at(c, i, 2);
    if (v < 0 && i < c->tl->n && (flags(c, i) & TDP_TOK_HASDIGIT))
        v = ordinal_day(fold(c, i), c->tl->toks[i].flen);
    return v >= 1 && v <= 31 ? v : -1;
}

static int year_at(const ctx *c, size_t i)
{
    if (i >= c->tl->n || c->tl->toks[i].flen != 4)
        return -1;
    int v = num_at(c, i, 4);
    return v >= TDP_YEAR_MIN && v <= TDP_YEAR_MAX ? v : -1;
}

/* The raw bytes between token i-1 and token i (or the sentence start). */
static const char *gap(const ctx *c, size_t i, size_t *gl)
{
    size_t a = i ? tend(c, i - 1) : 0;
    size_t b = i < c->tl->n ? c->tl->toks[i].off : c->n;
    *gl = b - a;
    return c->s + a;
}

static bool sp(unsigned char ch) { return ch == ' ' || ch == '\t' || ch == '\n'; }

static bool dash_at(const char *g, size_t k, size_t gl)
{
    return k + 3 <= gl && (unsigned char)g[k] == 0xE2 && (unsigned char)g[k + 1] == 0x80 &&
           ((unsigned char)g[k + 2] == 0x93 || (unsigned char)g[k + 2] == 0x94);
}

/* Gap made of spaces around an optional single mark from `marks` (ASCII) or a
 * dash (– —) when dash is set; need_mark requires the mark. */
static bool gap_is(const ctx *c, size_t i, const char *marks, bool dash, bool need_mark)
{
    if (i == 0 || i >= c->tl->n)
        return false;
    size_t gl;
    const char *g = gap(c, i, &gl);
    size_t k = 0;
    bool mark = false;
    while (k < gl && sp((unsigned char)g[k]))
        k++;
    if (k < gl && g[k] && strchr(marks, g[k])) {
        mark = true;
        k++;
    } else if (dash && dash_at(g, k, gl)) {
        mark = true;
        k += 3;
    }
    while (k < gl && sp((unsigned char)g[k]))
        k++;
    if (k != gl)
        return false;
    if (need_mark)
        return mark;
    return mark || gl > 0;
}
#define GAP_SPACE(c, i) gap_is((c), (i), "", false, false)
#define GAP_DASH(c, i) gap_is((c), (i), "-", true, true)
#define GAP_COMMA(c, i) gap_is((c), (i), ",", false, false)
#define GAP_DOT(c, i) gap_is((c), (i), ".", false, false)

/* Exact gap: no spaces, just the given byte. */
static bool gap_exact(const ctx *c, size_t i, char ch)
{
    size_t gl;
    if (i == 0 || i >= c->tl->n)
        return false;
    const char *g = gap(c, i, &gl);
    return gl == 1 && g[0] == ch;
}

/* ---- tense ---- */

static const char *const past_irregular[] = {
    "said", "told", "was", "were", "had", "did", "met", "held", "made", "took", "gave",
    "went", "came", "saw", "spoke", "wrote", "sent", "left", "began", "became", "led",
    "brought", "found", "won", "lost", "struck", "fell", "rose", "thought", "knew",
    "felt", "kept", "paid", "sought", "stood", "hit", "broke", "chose", "drew", "ran",
    "spent", "heard", "meant", "shot", "fought", "taught", "caught", "flew", "got",
    "ago", "earlier", "already", "last", "yesterday", NULL,
};

/* "will", "is to", "plans to", "is expected to", and "would" (the future of a
 * reported statement: "said she would speak on Tuesday"). */
static bool is_future_marker(const ctx *c, size_t i)
{
    const char *f = fold(c, i);
    size_t l = c->tl->toks[i].flen;
    if (!strcmp(f, "will") || !strcmp(f, "shall") || !strcmp(f, "won't") ||
        !strcmp(f, "would") || !strcmp(f, "upcoming") || !strcmp(f, "next") ||
        !strcmp(f, "scheduled") || !strcmp(f, "tomorrow") || !strcmp(f, "plans") ||
        !strcmp(f, "planned") || !strcmp(f, "planning") || !strcmp(f, "intends"))
        return true;
    if (l > 3 && !strcmp(f + l - 3, "'ll"))
        return true;
    /* "is/are/was/were going to", "is/are to", "is/are due to", "expected to" */
    if ((!strcmp(f, "is") || !strcmp(f, "are") || !strcmp(f, "was") || !strcmp(f, "were")) &&
        i + 1 < c->tl->n &&
        (is(c, i + 1, "to") || is(c, i + 1, "going") || is(c, i + 1, "due") ||
         is(c, i + 1, "set")))
        return true;
    if ((!strcmp(f, "expected") || !strcmp(f, "due")) && is(c, i + 1, "to"))
        return true;
    return false;
}

static bool is_past_marker(const ctx *c, size_t i)
{
    const char *f = fold(c, i);
    size_t l = c->tl->toks[i].flen;
    bool past = false;
    if (l > 4 && !strcmp(f + l - 2, "ed") && !(flags(c, i) & TDP_TOK_CAP))
        past = true;
    for (size_t k = 0; !past && past_irregular[k]; k++)
        if (!strcmp(f, past_irregular[k]))
            past = true;
    if (!past)
        return false;
    /* "will be held", "has been scheduled": a participle after be/been is not past */
    if (i > 0 && (is(c, i - 1, "be") || is(c, i - 1, "been")))
        return false;
    /* "expected to", "scheduled to", "planned for": the future of a plan */
    return true;
}

static bool is_present_marker(const ctx *c, size_t i)
{
    return is(c, i, "is") || is(c, i, "are") || is(c, i, "says") || is(c, i, "say") ||
           is(c, i, "am");
}

/* Tense of the clause around token i: the nearest marker before it (up to 8
 * tokens), else after it (up to 6). */
static uint8_t tense_near(const ctx *c, size_t i)
{
    size_t lo = i > 8 ? i - 8 : 0;
    bool present = false;
    for (size_t k = i; k-- > lo;) {
        if (is_future_marker(c, k))
            return TDP_TENSE_FUTURE;
        if (is_past_marker(c, k))
            return TDP_TENSE_PAST;
        present = present || is_present_marker(c, k);
    }
    for (size_t k = i + 1; k < c->tl->n && k <= i + 6; k++) {
        if (is_future_marker(c, k))
            return TDP_TENSE_FUTURE;
        if (is_past_marker(c, k))
            return TDP_TENSE_PAST;
        present = present || is_present_marker(c, k);
    }
    return present ? TDP_TENSE_PRESENT : TDP_TENSE_UNKNOWN;
}

bool tdp_future_tense(const tdp_toklist *tl)
{
    ctx c = {NULL, 0, tl, NULL, 0};
    for (size_t i = 0; i < tl->n; i++)
        if (is_future_marker(&c, i))
            return true;
    return false;
}

/* ---- phrases ---- */

/* Records a phrase from token t0 (at byte off0) to token t1. */
static void add(ctx *c, tdp_date_phrase p, size_t t0, size_t t1, uint32_t off0)
{
    if (c->n_ph >= MAX_PHRASES)
        return;
    p.off = off0;
    p.len = tend(c, t1) - off0;
    p.tense = tense_near(c, t0);
    c->ph[c->n_ph++] = p;
}

static tdp_date_phrase ph_date(int y, int m, int d, int kind, int mod)
{
    tdp_date_phrase p;
    memset(&p, 0, sizeof p);
    p.form = TDP_FORM_DATE;
    p.year = (int16_t)(y > 0 ? y : 0);
    p.month = (int8_t)m;
    p.day = (int8_t)d;
    p.kind = (uint8_t)kind;
    p.mod = (uint8_t)mod;
    return p;
}

static tdp_date_phrase ph_shift(int k, int unit, int marker)
{
    tdp_date_phrase p;
    memset(&p, 0, sizeof p);
    p.form = TDP_FORM_SHIFT;
    p.kind = TDP_DATE_RELATIVE;
    p.shift = (int16_t)k;
    p.unit = (uint8_t)unit;
    p.marker = (uint8_t)marker;
    return p;
}

/* Modifier before token i: early/mid/late and "the beginning/middle/end of".
 * Returns the mod and sets *first to the first token of the expression. */
static int modifier_before(const ctx *c, size_t i, size_t *first)
{
    *first = i;
    if (i == 0)
        return TDP_DATE_MOD_NONE;
    size_t p = i - 1;
    if (is(c, p, "early") || is(c, p, "earlier")) {
        *first = p;
        return TDP_DATE_MOD_EARLY;
    }
    if (is(c, p, "mid") || is(c, p, "middle")) {
        *first = p;
        return TDP_DATE_MOD_MID;
    }
    if (is(c, p, "late") || is(c, p, "later")) {
        *first = p;
        return TDP_DATE_MOD_LATE;
    }
    if (is(c, p, "of") && p >= 2 && is(c, p - 2, "the")) {
        size_t q = p - 1;
        int mod = TDP_DATE_MOD_NONE;
        if (is(c, q, "beginning") || is(c, q, "start"))
            mod = TDP_DATE_MOD_EARLY;
        else if (is(c, q, "middle"))
            mod = TDP_DATE_MOD_MID;
        else if (is(c, q, "end"))
            mod = TDP_DATE_MOD_LATE;
        if (mod) {
            *first = p - 2;
            return mod;
        }
    }
    return TDP_DATE_MOD_NONE;
}

static const char *const month_cues[] = {
    "in", "since", "by", "until", "till", "during", "from", "before", "after", "through",
    "throughout", "of", "last", "next", "this", "and", "or", "to", "between", "for",
    "that", "early", "mid", "late", "middle", "end", "beginning", "start", "each",
    "every", "following", "previous", "past", NULL,
};

static bool is_cue(const ctx *c, size_t i)
{
    return i < c->tl->n && in_list(month_cues, fold(c, i), c->tl->toks[i].flen);
}

static int word_number(const char *f)
{
    static const char *const w[] = {"zero", "one", "two", "three", "four", "five", "six",
                                    "seven", "eight", "nine", "ten", "eleven", "twelve"};
    for (int k = 0; k < 13; k++)
        if (!strcmp(f, w[k]))
            return k;
    if (!strcmp(f, "a") || !strcmp(f, "an"))
        return 1;
    return -1;
}

static int unit_of(const char *f)
{
    if (!strcmp(f, "day") || !strcmp(f, "days"))
        return TDP_UNIT_DAY;
    if (!strcmp(f, "week") || !strcmp(f, "weeks"))
        return TDP_UNIT_WEEK;
    if (!strcmp(f, "month") || !strcmp(f, "months"))
        return TDP_UNIT_MONTH;
    if (!strcmp(f, "year") || !strcmp(f, "years"))
        return TDP_UNIT_YEAR;
    return 0;
}

/* Numeric forms at token i ("2022-01-10", "15.01.2022", "1/15/2022"): the raw run
 * of digits and separators from the token on. Returns the last token or SIZE_MAX. */
static size_t numeric_form(ctx *c, size_t i)
{
    const tdp_tokspan *t = &c->tl->toks[i];
    size_t a = t->off, b = a;
    while (b < c->n && (is_digit((unsigned char)c->s[b]) || c->s[b] == '.' ||
                        c->s[b] == '-' || c->s[b] == '/'))
        b++;
    while (b > a && (c->s[b - 1] == '.' || c->s[b - 1] == '-' || c->s[b - 1] == '/'))
        b--;
    if (b - a < 8 || b - a > 10 || (a > 0 && (is_digit((unsigned char)c->s[a - 1]) ||
                                             c->s[a - 1] == '/' || c->s[a - 1] == '.')))
        return SIZE_MAX;
    int y, m, d;
    if (!tdp_date_numeric(c->s + a, b - a, false, &y, &m, &d))
        return SIZE_MAX;
    size_t last = i;
    while (last + 1 < c->tl->n && c->tl->toks[last + 1].off < b)
        last++;
    add(c, ph_date(y, m, d, TDP_DATE_ABSOLUTE, 0), i, last, t->off);
    return last;
}

/* Month-first forms at token i (a month name). Returns last token used. */
static size_t month_first(ctx *c, size_t i, int m, bool abbr, size_t first, uint32_t off0)
{
    size_t j = i + 1;
    bool sep_ok = GAP_SPACE(c, j) || (abbr && GAP_DOT(c, j));
    int d = sep_ok ? day_at(c, j) : -1;
    if (d > 0 && !gap_exact(c, j + 1, ':')) { /* not a clock: "Jan 12:30" */
        size_t last = j;
        int d2 = -1;
        if (GAP_DASH(c, j + 1) && (d2 = day_at(c, j + 1)) > d)
            last = j + 1;
        else
            d2 = -1;
        int y = -1;
        if (GAP_COMMA(c, last + 1) && (y = year_at(c, last + 1)) > 0)
            last = last + 1;
        else
            y = -1;
        tdp_date_phrase p = ph_date(y, m, d, TDP_DATE_ABSOLUTE, 0);
        p.day2 = (int8_t)(d2 > 0 ? d2 : 0);
        add(c, p, first, last, off0);
        return last;
    }
    int y = -1;
    if ((GAP_SPACE(c, j) || GAP_COMMA(c, j) || (abbr && GAP_DOT(c, j))) &&
        (y = year_at(c, j)) > 0) {
        size_t f0;
        int mod = modifier_before(c, i, &f0);
        if (f0 < first) {
            first = f0;
            off0 = c->tl->toks[f0].off;
        }
        add(c, ph_date(y, m, 0, mod ? TDP_DATE_VAGUE : TDP_DATE_ABSOLUTE, mod), first, j,
            off0);
        return j;
    }
    /* Month alone: needs a cue before it ("in November", "mid-December"). */
    if (i == 0 || !is_cue(c, i - 1))
        return i;
    if (m == 5 && !(is(c, i - 1, "in") || is(c, i - 1, "since") || is(c, i - 1, "mid") ||
                    is(c, i - 1, "early") || is(c, i - 1, "late") || is(c, i - 1, "of")))
        return i;
    size_t f0;
    int mod = modifier_before(c, i, &f0);
    if (f0 < first) {
        first = f0;
        off0 = c->tl->toks[f0].off;
    }
    tdp_date_phrase p = ph_date(0, m, 0, TDP_DATE_VAGUE, mod);
    if (is(c, i - 1, "last") || is(c, i - 1, "next") || is(c, i - 1, "this")) {
        p.marker = is(c, i - 1, "last") ? TDP_MARK_LAST
                   : is(c, i - 1, "next") ? TDP_MARK_NEXT : TDP_MARK_THIS;
        first = i - 1;
        off0 = c->tl->toks[i - 1].off;
    }
    add(c, p, first, i, off0);
    return i;
}

static size_t weekday_form(ctx *c, size_t i, int wd)
{
    /* "Friday, January 14": the date that follows says it all. */
    bool ab;
    if (i + 1 < c->tl->n && (month_at(c, i + 1, &ab) || (day_at(c, i + 1) > 0 &&
                                                         month_at(c, i + 2, &ab))))
        return i;
    size_t first = i, last = i;
    tdp_date_phrase p;
    memset(&p, 0, sizeof p);
    p.form = TDP_FORM_WEEKDAY;
    p.kind = TDP_DATE_RELATIVE;
    p.weekday = (int8_t)wd;
    if (i > 0) {
        if (is(c, i - 1, "late")) {
            p.mod = TDP_DATE_MOD_LATE;
            first = i - 1;
        } else if (is(c, i - 1, "early")) {
            p.mod = TDP_DATE_MOD_EARLY;
            first = i - 1;
        } else if (is(c, i - 1, "last") || is(c, i - 1, "past")) {
            p.marker = TDP_MARK_LAST;
            first = i - 1;
        } else if (is(c, i - 1, "next")) {
            p.marker = TDP_MARK_NEXT;
            first = i - 1;
        } else if (is(c, i - 1, "coming")) {
            p.marker = TDP_MARK_COMING;
            first = i - 1;
        } else if (is(c, i - 1, "this")) {
            p.marker = TDP_MARK_THIS;
            first = i - 1;
        }
    }
    if (i + 1 < c->tl->n && GAP_SPACE(c, i + 1) &&
        (is(c, i + 1, "morning") || is(c, i + 1, "afternoon") || is(c, i + 1, "evening") ||
         is(c, i + 1, "night")))
        last = i + 1;
    add(c, p, first, last, c->tl->toks[first].off);
    return last;
}

/* The words a relative expression can start with (besides a number). */
static bool relative_word(const char *f, size_t l)
{
    switch (f[0]) {
    case 'y': return l == 9 && !strcmp(f, "yesterday");
    case 't':
        return (l == 5 && !strcmp(f, "today")) || (l == 7 && !strcmp(f, "tonight")) ||
               (l == 8 && !strcmp(f, "tomorrow")) || (l == 4 && !strcmp(f, "this"));
    case 'l': return l == 4 && !strcmp(f, "last");
    case 'p':
        return (l == 4 && !strcmp(f, "past")) || (l == 8 && !strcmp(f, "previous"));
    case 'c':
        return (l == 7 && !strcmp(f, "current")) || (l == 6 && !strcmp(f, "coming"));
    case 'n': return l == 4 && !strcmp(f, "next");
    case 'e': return l == 7 && !strcmp(f, "earlier");
    default: return false;
    }
}

static bool daypart(const ctx *c, size_t i)
{
    return is(c, i, "morning") || is(c, i, "afternoon") || is(c, i, "evening") ||
           is(c, i, "night");
}

/* yesterday, today, last week, two days ago ... Returns last token or SIZE_MAX. */
static size_t relative_form(ctx *c, size_t i)
{
    const char *f = fold(c, i);
    /* cheap test first: one of a dozen words, or "N units ago" */
    if (!relative_word(f, c->tl->toks[i].flen) && !(i + 2 < c->tl->n && is(c, i + 2, "ago")))
        return SIZE_MAX;
    uint32_t off = c->tl->toks[i].off;
    if (!strcmp(f, "yesterday") || !strcmp(f, "today") || !strcmp(f, "tonight") ||
        !strcmp(f, "tomorrow")) {
        int k = f[0] == 'y' ? -1 : !strcmp(f, "tomorrow") ? 1 : 0;
        size_t last = i;
        if (i + 1 < c->tl->n && daypart(c, i + 1))
            last = i + 1;
        add(c, ph_shift(k, TDP_UNIT_DAY, TDP_MARK_NONE), i, last, off);
        return last;
    }
    if ((!strcmp(f, "last") || !strcmp(f, "this")) && is(c, i + 1, "night")) {
        add(c, ph_shift(-(f[0] == 'l'), TDP_UNIT_DAY, TDP_MARK_NONE), i, i + 1, off);
        return i + 1;
    }
    if (!strcmp(f, "this") && (is(c, i + 1, "morning") || is(c, i + 1, "afternoon") ||
                               is(c, i + 1, "evening"))) {
        add(c, ph_shift(0, TDP_UNIT_DAY, TDP_MARK_THIS), i, i + 1, off);
        return i + 1;
    }
    /* "earlier this month", "earlier this year": this period, before the anchor */
    if (!strcmp(f, "earlier") && is(c, i + 1, "this") && i + 2 < c->tl->n) {
        int u = unit_of(fold(c, i + 2));
        if (u >= TDP_UNIT_WEEK && fold(c, i + 2)[c->tl->toks[i + 2].flen - 1] != 's') {
            add(c, ph_shift(0, u, TDP_MARK_EARLIER_THIS), i, i + 2, off);
            return i + 2;
        }
        return SIZE_MAX;
    }
    int k = 2, mark = TDP_MARK_NONE;
    if (!strcmp(f, "last") || !strcmp(f, "past") || !strcmp(f, "previous"))
        k = -1, mark = TDP_MARK_LAST;
    else if (!strcmp(f, "this") || !strcmp(f, "current"))
        k = 0, mark = TDP_MARK_THIS;
    else if (!strcmp(f, "next"))
        k = 1, mark = TDP_MARK_NEXT;
    else if (!strcmp(f, "coming"))
        k = 1, mark = TDP_MARK_COMING;
    if (k != 2 && i + 1 < c->tl->n) {
        int u = unit_of(fold(c, i + 1));
        /* "last year" but not "last two years" or "this week's" plural forms */
        if (u >= TDP_UNIT_WEEK && fold(c, i + 1)[c->tl->toks[i + 1].flen - 1] != 's') {
            add(c, ph_shift(k, u, mark), i, i + 1, off);
            return i + 1;
        }
    }
    /* N units ago */
    int nv = num_at(c, i, 3);
    if (nv < 0)
        nv = word_number(f);
    if (nv > 0 && i + 2 < c->tl->n && is(c, i + 2, "ago")) {
        int u = unit_of(fold(c, i + 1));
        if (u) {
            add(c, ph_shift(-nv, u, TDP_MARK_AGO), i, i + 2, off);
            return i + 2;
        }
    }
    return SIZE_MAX;
}

static const char *const year_cues[] = {
    "in", "since", "by", "until", "till", "during", "from", "before", "after", "through",
    "throughout", "of", "early", "mid", "late", "to", "and", "between", "year", "for",
    "around", "circa", "c", "spring", "summer", "autumn", "fall", "winter", "end", "start",
    "beginning", "middle", "fiscal", NULL,
};

static size_t year_form(ctx *c, size_t i, int y)
{
    bool cue = i > 0 && in_list(year_cues, fold(c, i - 1), c->tl->toks[i - 1].flen);
    /* with a cue any year from 1000 on ("and", "to" are too weak for that); bare,
     * only 1800-2100 */
    bool weak = i > 0 && (is(c, i - 1, "and") || is(c, i - 1, "to") || is(c, i - 1, "or") ||
                          is(c, i - 1, "between") || is(c, i - 1, "around"));
    if (y > 2100 || y < (cue && !weak ? 1000 : 1800))
        return SIZE_MAX;
    /* Not part of a bigger number or a code: "2022-23" ok, "1,2022" no. */
    size_t gl;
    const char *g = gap(c, i, &gl);
    if (i > 0 && gl == 0)
        return SIZE_MAX;
    if (gl && (g[gl - 1] == '$' || g[gl - 1] == '#' || g[gl - 1] == '/'))
        return SIZE_MAX;
    /* A bare year counts unless it looks like a quantity: "2000 troops"; after
     * an article it is an adjective: "the 1972 election". */
    bool det = i > 0 && (is(c, i - 1, "the") || is(c, i - 1, "a") || is(c, i - 1, "its") ||
                         is(c, i - 1, "his") || is(c, i - 1, "her") ||
                         is(c, i - 1, "their"));
    if (!cue && !det && i + 1 < c->tl->n && GAP_SPACE(c, i + 1) &&
        !(flags(c, i + 1) & (TDP_TOK_CAP | TDP_TOK_HASDIGIT)) &&
        !tdp_is_stop(NULL, fold(c, i + 1), c->tl->toks[i + 1].flen))
        return SIZE_MAX;
    size_t first;
    int mod = modifier_before(c, i, &first);
    add(c, ph_date(y, 0, 0, mod ? TDP_DATE_VAGUE : TDP_DATE_ABSOLUTE, mod), first, i,
        c->tl->toks[first].off);
    return i;
}

/* Day-first forms at token i: "12 January", "12-13 January", "12th of January". */
static size_t day_first(ctx *c, size_t i)
{
    int d = day_at(c, i);
    if (d <= 0)
        return SIZE_MAX;
    size_t j = i + 1;
    int d2 = -1;
    if (GAP_DASH(c, j) && (d2 = day_at(c, j)) > d)
        j++;
    else
        d2 = -1;
    if (is(c, j, "of") && !(flags(c, i) & TDP_TOK_NUMERIC))
        j++;
    bool ab;
    int m = GAP_SPACE(c, j) ? month_at(c, j, &ab) : 0;
    if (!m)
        return SIZE_MAX;
    size_t last = j;
    int y = -1;
    if ((GAP_SPACE(c, j + 1) || GAP_COMMA(c, j + 1) || (ab && GAP_DOT(c, j + 1))) &&
        (y = year_at(c, j + 1)) > 0)
        last = j + 1;
    else
        y = -1;
    tdp_date_phrase p = ph_date(y, m, d, TDP_DATE_ABSOLUTE, 0);
    p.day2 = (int8_t)(d2 > 0 ? d2 : 0);
    add(c, p, i, last, c->tl->toks[i].off);
    return last;
}

/* Reads every phrase of the sentence into c->ph. */
static void read_phrases(ctx *c)
{
    const tdp_toklist *tl = c->tl;
    for (size_t i = 0; i < tl->n && c->n_ph < MAX_PHRASES; i++) {
        uint16_t fl = tl->toks[i].flags;
        size_t last = SIZE_MAX;
        if (fl & TDP_TOK_HASDIGIT) {
            last = numeric_form(c, i);
            if (last == SIZE_MAX)
                last = day_first(c, i);
            if (last == SIZE_MAX) {
                int y = year_at(c, i);
                if (y > 0)
                    last = year_form(c, i, y);
            }
            if (last == SIZE_MAX)
                last = relative_form(c, i);
        } else if (fl & TDP_TOK_CAP) {
            bool abbr;
            int m = month_at(c, i, &abbr);
            int wd;
            if (m) {
                size_t first = i;
                uint32_t off0 = tl->toks[i].off;
                /* "Friday, January 14" */
                if (i > 0 && weekday_at(c, i - 1) >= 0 && GAP_COMMA(c, i)) {
                    first = i - 1;
                    off0 = tl->toks[i - 1].off;
                }
                last = month_first(c, i, m, abbr, first, off0);
            } else if ((wd = weekday_at(c, i)) >= 0) {
                last = weekday_form(c, i, wd);
            } else {
                last = relative_form(c, i);
            }
        } else {
            last = relative_form(c, i);
        }
        if (last != SIZE_MAX && last > i)
            i = last;
    }
}

/* ---- the resolver ---- */

static td_date mkdate(int y, int m, int d, int prec)
{
    td_date t = {(int16_t)y, (int8_t)m, (int8_t)d, 0, 0, (uint8_t)prec};
    return t;
}

static td_date from_days(int32_t z)
{
    int y, m, d;
    tdp_civil_from_days(z, &y, &m, &d);
    return mkdate(y, m, d, TD_DATE_DAY);
}

static const td_date no_date = {0, 0, 0, 0, 0, TD_DATE_NONE};

/* The year of a day-and-month (d 0: a month), closest to the anchor; the far side
 * of the tense costs double. */
static int infer_year(const td_date *ref, int32_t ref_days, int m, int d, int tense)
{
    int ry = ref->year, best = ry;
    int64_t best_cost = INT64_MAX;
    int dir = tense == TDP_TENSE_FUTURE ? 1 : tense == TDP_TENSE_PAST ? -1 : 0;
    for (int y = ry - 1; y <= ry + 1; y++) {
        int dd = d ? d : 15;
        if (dd > tdp_days_in_month(y, m))
            dd = tdp_days_in_month(y, m);
        int64_t diff = (int64_t)tdp_days_from_civil(y, m, dd) - ref_days;
        if (!d && y == ry && m == ref->month)
            diff = 0;
        int64_t cost = diff < 0 ? -diff : diff;
        if (diff > 0 && dir <= 0)
            cost *= 2;
        if (diff < 0 && dir > 0)
            cost *= 2;
        if (cost < best_cost) {
            best_cost = cost;
            best = y;
        }
    }
    return best;
}

bool tdp_date_resolve(const tdp_date_phrase *p, const td_date *anchor, bool prior_year,
                      tdp_date_hit *out)
{
    bool has_ref = anchor && anchor->prec >= TD_DATE_DAY && anchor->month >= 1 &&
                   anchor->day >= 1;
    int32_t z = has_ref ? tdp_days_from_civil(anchor->year, anchor->month, anchor->day) : 0;
    memset(out, 0, sizeof *out);
    out->p = *p;
    out->off = p->off;
    out->len = p->len;
    out->kind = p->kind;
    out->mod = p->mod;
    out->end = no_date;
    td_date d = no_date;
    switch (p->form) {
    case TDP_FORM_DATE: {
        int y = p->year, m = p->month, dd = p->day;
        if (m && dd) {
            if (!y) {
                if (!has_ref) {
                    /* no anchor: the day keeps year 0 for a later stage */
                    if (m >= 1 && m <= 12 && dd <= tdp_days_in_month(2000, m))
                        d = mkdate(0, m, dd, TD_DATE_DAY);
                    break;
                }
                y = infer_year(anchor, z, m, dd, p->tense);
            }
            if (!tdp_valid_ymd(y, m, dd))
                break;
            d = mkdate(y, m, dd, TD_DATE_DAY);
            if (p->day2 > dd && tdp_valid_ymd(y, m, p->day2))
                out->end = mkdate(y, m, p->day2, TD_DATE_DAY);
        } else if (m) {
            if (!y && has_ref) {
                int rm = anchor->month, ry = anchor->year;
                if (p->marker == TDP_MARK_LAST)
                    y = m < rm ? ry : ry - 1;
                else if (p->marker == TDP_MARK_NEXT)
                    y = m > rm ? ry : ry + 1;
                else if (p->marker == TDP_MARK_THIS)
                    y = ry;
                else if (prior_year && p->tense == TDP_TENSE_PAST && m >= rm)
                    y = ry - 1; /* "was deported in January", told of the year before */
                else
                    y = infer_year(anchor, z, m, 0, p->tense);
            }
            d = mkdate(y, m, 0, TD_DATE_MONTH);
        } else if (y) {
            d = mkdate(y, 0, 0, TD_DATE_YEAR);
        }
        break;
    }
    case TDP_FORM_WEEKDAY: {
        if (!has_ref)
            break;
        int w0 = tdp_weekday(z), wd = p->weekday;
        bool fwd = p->marker == TDP_MARK_NEXT || p->marker == TDP_MARK_COMING ||
                   (p->marker != TDP_MARK_LAST && p->tense == TDP_TENSE_FUTURE);
        bool strict = p->marker == TDP_MARK_NEXT || p->marker == TDP_MARK_LAST ||
                      p->marker == TDP_MARK_COMING;
        int delta;
        if (fwd) {
            /* "will vote on Saturday" on a Saturday is that day; "next Saturday" not */
            delta = (wd - w0 + 7) % 7;
            if (strict && delta == 0)
                delta = 7;
        } else {
            delta = -((w0 - wd + 7) % 7);
            if (strict && delta == 0)
                delta = -7;
        }
        d = from_days(z + delta);
        break;
    }
    case TDP_FORM_SHIFT: {
        if (!has_ref)
            break;
        switch (p->unit) {
        case TDP_UNIT_DAY: d = from_days(z + p->shift); break;
        case TDP_UNIT_WEEK:
            d = from_days(z - tdp_weekday(z) + 7 * p->shift);
            out->week = 1;
            break;
        case TDP_UNIT_MONTH: {
            int mi = anchor->year * 12 + (anchor->month - 1) + p->shift;
            d = mkdate(mi / 12, mi % 12 + 1, 0, TD_DATE_MONTH);
            break;
        }
        case TDP_UNIT_YEAR: d = mkdate(anchor->year + p->shift, 0, 0, TD_DATE_YEAR); break;
        default: break;
        }
        break;
    }
    default: break;
    }
    out->date = d;
    return d.prec != TD_DATE_NONE;
}

/* ---- quotations and speech time ---- */

/* Whether byte off of s lies inside quotation marks (a quote may begin or end in
 * another sentence, so marks are read by their side): a straight quote after a
 * space or bracket (or at the start) opens, any other closes; curly ones and
 * guillemets say which they are. */
bool tdp_in_quotation(const char *s, size_t off)
{
    bool in = false;
    for (size_t i = 0; i < off; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == '"')
            in = i == 0 || s[i - 1] == ' ' || s[i - 1] == '(';
        else if (ch == 0xE2 && i + 2 < off && (unsigned char)s[i + 1] == 0x80 &&
                 ((unsigned char)s[i + 2] == 0x9C || (unsigned char)s[i + 2] == 0x9D))
            in = (unsigned char)s[i + 2] == 0x9C;
        else if (ch == 0xC2 && i + 1 < off &&
                 ((unsigned char)s[i + 1] == 0xAB || (unsigned char)s[i + 1] == 0xBB))
            in = (unsigned char)s[i + 1] == 0xAB;
    }
    return in;
}

static const char *const speech_verbs[] = {
    "said", "says", "told", "stated", "wrote", "tweeted", "posted", "declared",
    "announced", "added", "explained", "insisted", "warned", "noted", "replied",
    "remarked", "according", "addressing", NULL};

static bool speech_in(const ctx *c)
{
    for (size_t i = 0; i < c->tl->n; i++)
        if (!tdp_in_quotation(c->s, c->tl->toks[i].off) &&
            in_list(speech_verbs, fold(c, i), c->tl->toks[i].flen))
            return true;
    return false;
}

/* Phrases that name a day by its distance from the speaker's "now". */
static bool deictic(const tdp_date_phrase *p)
{
    return p->form == TDP_FORM_WEEKDAY || p->form == TDP_FORM_SHIFT;
}

void tdp_find_dates_in(const char *s, size_t n, const td_date *ref, const tdp_toklist *tl,
                       tdp_date_fn fn, void *ctxp)
{
    tdp_date_phrase ph[MAX_PHRASES];
    ctx c = {s, n, tl, ph, 0};
    read_phrases(&c);
    if (!c.n_ph)
        return;
    /* The speech time of a quotation: a day named outside the quotes of a sentence
     * that says who spoke ("..., she said on 5 January"). */
    td_date speech = no_date;
    bool quoted = false;
    /* quotation marks: '"', “ ” (E2 80 9C/9D), « » (C2 AB/BB) */
    bool marks = memchr(s, '"', n) || memchr(s, 0xE2, n) || memchr(s, 0xC2, n);
    for (size_t k = 0; k < c.n_ph && marks; k++) {
        ph[k].in_quote = tdp_in_quotation(s, ph[k].off);
        quoted = quoted || (ph[k].in_quote && deictic(&ph[k]));
    }
    if (quoted && speech_in(&c)) {
        for (size_t k = 0; k < c.n_ph && speech.prec == TD_DATE_NONE; k++) {
            tdp_date_hit h;
            if (!ph[k].in_quote && tdp_date_resolve(&ph[k], ref, false, &h) &&
                h.date.prec == TD_DATE_DAY && h.date.year > 0)
                speech = h.date;
        }
    }
    for (size_t k = 0; k < c.n_ph; k++) {
        tdp_date_hit h;
        const td_date *anchor = ref;
        if (ph[k].in_quote && deictic(&ph[k]) && speech.prec == TD_DATE_DAY)
            anchor = &speech;
        if (!tdp_date_resolve(&ph[k], anchor, false, &h))
            continue;
        h.speech = anchor == &speech;
        if (fn(ctxp, &h))
            return;
    }
}

td_status tdp_find_dates(const char *s, size_t n, const td_date *ref, tdp_toklist *tl,
                         tdp_date_fn fn, void *ctxp)
{
    tdp_toklist_reset(tl);
    if (tdp_toklist_add(tl, s, n))
        return TD_ENOMEM;
    tdp_find_dates_in(s, n, ref, tl, fn, ctxp);
    return TD_OK;
}

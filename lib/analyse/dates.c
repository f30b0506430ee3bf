/* dates.c - temporal expressions of a sentence, resolved against the article date.
 *
 * Works on the sentence's tokens and the raw bytes between them. Patterns, tried
 * left to right, longest first at each token:
 *   2022-01-10 | 15.01.2022 | 1/15/2022
 *   [weekday,] Month day[-day][,] [year] | day[-day] Month [year] | day(th) of Month
 *   Month year | [early|mid|late|in|since...] Month | [early|mid|late|in|since...] year
 *   [on|late|early|last|next|this] Weekday [morning|night...]
 *   yesterday | today | tonight | tomorrow | last/this/next week|month|year | N units ago
 * A day and month without a year take the closest year around the article date,
 * with dates in the future counted twice as far unless the clause is in the future
 * tense. Weekdays are in the past (today included) unless the clause is in the
 * future tense or says "next". Nothing that needs the article date is reported
 * when the date is unknown. */
#include "analyse/analyse_p.h"

typedef struct ctx {
    const char *s;
    size_t n;
    const tdp_toklist *tl;
    const td_date *ref;
    int32_t ref_days;      /* valid when has_ref */
    bool has_ref;
} ctx;

static const char *fold(const ctx *c, size_t i) { return tdp_toklist_fold(c->tl, i); }
static uint16_t flags(const ctx *c, size_t i) { return c->tl->toks[i].flags; }
static uint32_t tend(const ctx *c, size_t i) { return c->tl->toks[i].off + c->tl->toks[i].len; }
static bool is(const ctx *c, size_t i, const char *w)
{
    return i < c->tl->n && !strcmp(fold(c, i), w);
}

static const char *const month_names[12] = {
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december"};
static const char *const weekday_names[7] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

/* Month 1..12 of a capitalised month name or abbreviation at token i, else 0.
 * *abbr is set for abbreviations (which may be followed by a '.'). */
static int month_at(const ctx *c, size_t i, bool *abbr)
{
    if (i >= c->tl->n || !(flags(c, i) & TDP_TOK_CAP))
        return 0;
    const char *f = fold(c, i);
    size_t l = c->tl->toks[i].flen;
    *abbr = false;
    if (l < 3)
        return 0;
    for (int m = 0; m < 12; m++) {
        if (!strcmp(f, month_names[m]))
            return m + 1;
        if (l == 3 && !memcmp(f, month_names[m], 3) && m != 4) {
            *abbr = true;
            return m + 1;
        }
    }
    if (!strcmp(f, "sept")) {
        *abbr = true;
        return 9;
    }
    return 0;
}

static int weekday_at(const ctx *c, size_t i)
{
    if (i >= c->tl->n || !(flags(c, i) & TDP_TOK_CAP))
        return -1;
    const char *f = fold(c, i);
    for (int w = 0; w < 7; w++)
        if (!strcmp(f, weekday_names[w]))
            return w;
    return -1;
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
    if (v < 0 && i < c->tl->n && (flags(c, i) & TDP_TOK_HASDIGIT)) {
        const char *f = fold(c, i);
        size_t l = c->tl->toks[i].flen;
        if (l >= 3 && l <= 4) {
            const char *suf = f + l - 2;
            if (!strcmp(suf, "st") || !strcmp(suf, "nd") || !strcmp(suf, "rd") ||
                !strcmp(suf, "th")) {
                v = 0;
                for (size_t k = 0; k < l - 2; k++) {
                    if (f[k] < '0' || f[k] > '9')
                        return -1;
                    v = v * 10 + (f[k] - '0');
                }
            }
        }
    }
    return v >= 1 && v <= 31 ? v : -1;
}

static int year_at(const ctx *c, size_t i)
{
    if (i >= c->tl->n || c->tl->toks[i].flen != 4)
        return -1;
    int v = num_at(c, i, 4);
    return v >= 1000 && v <= 2999 ? v : -1;
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
    if (k < gl && strchr(marks, g[k]) && g[k]) {
        mark = true;
        k++;
    } else if (dash && k + 2 < gl + 0 && (unsigned char)g[k] == 0xE2 &&
               (unsigned char)g[k + 1] == 0x80 &&
               ((unsigned char)g[k + 2] == 0x93 || (unsigned char)g[k + 2] == 0x94)) {
        mark = true;
        k += 3;
    } else if (dash && k + 3 == gl && (unsigned char)g[k] == 0xE2 &&
               (unsigned char)g[k + 1] == 0x80 &&
               ((unsigned char)g[k + 2] == 0x93 || (unsigned char)g[k + 2] == 0x94)) {
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

static bool valid_ymd(int y, int m, int d)
{
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
           d <= tdp_days_in_month(y, m);
}

static td_date mkdate(int y, int m, int d, int prec)
{
    td_date t = {(int16_t)y, (int8_t)m, (int8_t)d, 0, 0, (uint8_t)prec};
    return t;
}

/* ---- tense ---- */

static const char *const past_irregular[] = {
    "said", "told", "was", "were", "had", "did", "met", "held", "made", "took", "gave",
    "went", "came", "saw", "spoke", "wrote", "sent", "left", "began", "became", "led",
    "brought", "found", "won", "lost", "struck", "fell", "rose", "thought", "knew",
    "felt", "kept", "paid", "sought", "stood", "hit", "broke", "chose", "drew", "ran",
    "spent", "heard", "meant", "shot", "fought", "taught", "caught", "flew", "got",
    "ago", "earlier", "already", "last", "yesterday",
};

static bool is_future_marker(const ctx *c, size_t i)
{
    const char *f = fold(c, i);
    size_t l = c->tl->toks[i].flen;
    if (!strcmp(f, "will") || !strcmp(f, "shall") || !strcmp(f, "won't") ||
        !strcmp(f, "upcoming") || !strcmp(f, "next") || !strcmp(f, "scheduled") ||
        !strcmp(f, "tomorrow") || !strcmp(f, "plans") || !strcmp(f, "planned") ||
        !strcmp(f, "planning"))
        return true;
    if (l > 3 && !strcmp(f + l - 3, "'ll"))
        return true;
    /* "is/are going to", "is/are to", "is/are due to", "expected to" */
    if ((!strcmp(f, "is") || !strcmp(f, "are")) && i + 1 < c->tl->n &&
        (is(c, i + 1, "to") || is(c, i + 1, "going") || is(c, i + 1, "due")))
        return true;
    if (!strcmp(f, "expected") && is(c, i + 1, "to"))
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
    for (size_t k = 0; !past && k < sizeof past_irregular / sizeof *past_irregular; k++)
        if (!strcmp(f, past_irregular[k]))
            past = true;
    if (!past)
        return false;
    /* "will be held", "has been scheduled": a participle after be/been is not past */
    if (i > 0 && (is(c, i - 1, "be") || is(c, i - 1, "been")))
        return false;
    return true;
}

/* Tense of the clause around token i: +1 future, -1 past, 0 unknown. */
static int tense_near(const ctx *c, size_t i)
{
    size_t lo = i > 8 ? i - 8 : 0;
    for (size_t k = i; k-- > lo;) {
        if (is_future_marker(c, k))
            return 1;
        if (is_past_marker(c, k))
            return -1;
    }
    for (size_t k = i + 1; k < c->tl->n && k <= i + 6; k++) {
        if (is_future_marker(c, k))
            return 1;
        if (is_past_marker(c, k))
            return -1;
    }
    return 0;
}

bool tdp_future_tense(const tdp_toklist *tl)
{
    ctx c = {NULL, 0, tl, NULL, 0, false};
    for (size_t i = 0; i < tl->n; i++)
        if (is_future_marker(&c, i))
            return true;
    return false;
}

/* ---- resolution ---- */

/* The year of a day-and-month, closest to the reference; the future costs double
 * unless the clause is future. */
static int infer_year(const ctx *c, int m, int d, int tense)
{
    int ry = c->ref->year;
    int best = ry;
    int64_t best_cost = INT64_MAX;
    for (int y = ry - 1; y <= ry + 1; y++) {
        int dd = d ? d : 15;
        if (dd > tdp_days_in_month(y, m))
            dd = tdp_days_in_month(y, m);
        int64_t diff = (int64_t)tdp_days_from_civil(y, m, dd) - c->ref_days;
        if (!d && y == ry && m == c->ref->month)
            diff = 0;
        int64_t cost = diff < 0 ? -diff : diff;
        if (diff > 0 && tense <= 0)
            cost *= 2;
        if (diff < 0 && tense > 0)
            cost *= 2;
        if (cost < best_cost) {
            best_cost = cost;
            best = y;
        }
    }
    return best;
}

typedef struct emit_state {
    tdp_date_fn fn;
    void *ctx;
    int stop;
} emit_state;

static void emit(emit_state *e, const ctx *c, td_date d, td_date end, size_t t0,
                 size_t t1, uint32_t off0, tdp_date_kind kind, int mod, int week)
{
    if (e->stop || d.prec == TD_DATE_NONE)
        return;
    (void)t0;
    tdp_date_hit h;
    h.date = d;
    h.end = end;
    h.off = off0;
    h.len = tend(c, t1) - off0;
    h.kind = (uint8_t)kind;
    h.mod = (uint8_t)mod;
    h.week = (uint8_t)week;
    e->stop = e->fn(e->ctx, &h);
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
    "until", "that", "early", "mid", "late", "middle", "end", "beginning", "start",
    "each", "every", "following", "previous", "past",
};

static bool is_cue(const ctx *c, size_t i)
{
    if (i >= c->tl->n)
        return false;
    const char *f = fold(c, i);
    for (size_t k = 0; k < sizeof month_cues / sizeof *month_cues; k++)
        if (!strcmp(f, month_cues[k]))
            return true;
    return false;
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
    if (!strcmp(f, "several") || !strcmp(f, "few"))
        return -1;
    return -1;
}

static int unit_of(const char *f)
{
    if (!strcmp(f, "day") || !strcmp(f, "days"))
        return 1;
    if (!strcmp(f, "week") || !strcmp(f, "weeks"))
        return 2;
    if (!strcmp(f, "month") || !strcmp(f, "months"))
        return 3;
    if (!strcmp(f, "year") || !strcmp(f, "years"))
        return 4;
    return 0;
}

static td_date add_months(const td_date *r, int k)
{
    int mi = r->year * 12 + (r->month - 1) + k;
    return mkdate(mi / 12, mi % 12 + 1, 0, TD_DATE_MONTH);
}

static td_date from_days(int32_t z)
{
    int y, m, d;
    tdp_civil_from_days(z, &y, &m, &d);
    return mkdate(y, m, d, TD_DATE_DAY);
}

/* Monday of the week of day z, moved by k weeks. */
static td_date week_of(int32_t z, int k)
{
    return from_days(z - tdp_weekday(z) + 7 * k);
}

static const td_date no_date = {0, 0, 0, 0, 0, TD_DATE_NONE};

/* Tries the numeric forms at token i; returns the last token used or SIZE_MAX. */
static size_t numeric_form(const ctx *c, emit_state *e, size_t i)
{
    const tdp_tokspan *t = &c->tl->toks[i];
    const char *f = fold(c, i);
    /* 2022-01-10 */
    int y = year_at(c, i);
    if (y > 0 && i + 2 < c->tl->n && gap_exact(c, i + 1, '-') && gap_exact(c, i + 2, '-')) {
        int m = num_at(c, i + 1, 2), d = num_at(c, i + 2, 2);
        if (valid_ymd(y, m, d)) {
            emit(e, c, mkdate(y, m, d, TD_DATE_DAY), no_date, i, i + 2, t->off,
                 TDP_DATE_ABSOLUTE, 0, 0);
            return i + 2;
        }
    }
    /* 15.01.2022 (one token) */
    if ((t->flags & TDP_TOK_NUMERIC) && t->flen >= 8 && t->flen <= 10) {
        int p[3] = {0, 0, 0}, k = 0, nd = 0;
        bool ok = true;
        for (const char *q = f; *q && ok; q++) {
            if (*q == '.') {
                if (!nd || ++k > 2)
                    ok = false;
                nd = 0;
            } else if (*q < '0' || *q > '9' || nd >= 4) {
                ok = false; /* no part of a date has more than four digits */
            } else {
                p[k] = p[k] * 10 + (*q - '0');
                nd++;
            }
        }
        if (ok && k == 2 && nd == 4 && valid_ymd(p[2], p[1], p[0])) {
            emit(e, c, mkdate(p[2], p[1], p[0], TD_DATE_DAY), no_date, i, i, t->off,
                 TDP_DATE_ABSOLUTE, 0, 0);
            return i;
        }
    }
    /* 1/15/2022 or 15/1/2022 */
    if (i + 2 < c->tl->n && gap_exact(c, i + 1, '/') && gap_exact(c, i + 2, '/')) {
        int a = num_at(c, i, 2), b = num_at(c, i + 1, 2), yy = year_at(c, i + 2);
        if (a > 0 && b > 0 && yy > 0) {
            int m = a, d = b;
            if (a > 12)
                m = b, d = a;
            if (valid_ymd(yy, m, d)) {
                emit(e, c, mkdate(yy, m, d, TD_DATE_DAY), no_date, i, i + 2, t->off,
                     TDP_DATE_ABSOLUTE, 0, 0);
                return i + 2;
            }
        }
    }
    return SIZE_MAX;
}

/* Day and month known, year maybe: resolve and emit. */
static void emit_dm(const ctx *c, emit_state *e, int y, int m, int d, int d2, size_t t0,
                    size_t t1, uint32_t off0, int tense)
{
    if (y <= 0) {
        if (!c->has_ref) {
            /* no article date: keep the day with year 0 for a later stage */
            if (m >= 1 && m <= 12 && d >= 1 && d <= tdp_days_in_month(2000, m))
                emit(e, c, mkdate(0, m, d, TD_DATE_DAY), no_date, t0, t1, off0,
                     TDP_DATE_ABSOLUTE, 0, 0);
            return;
        }
        y = infer_year(c, m, d, tense);
    }
    if (!valid_ymd(y, m, d))
        return;
    td_date end = no_date;
    if (d2 > d && valid_ymd(y, m, d2))
        end = mkdate(y, m, d2, TD_DATE_DAY);
    emit(e, c, mkdate(y, m, d, TD_DATE_DAY), end, t0, t1, off0, TDP_DATE_ABSOLUTE, 0, 0);
}

/* Month-first forms at token i (a month name). Returns last token used. */
static size_t month_first(const ctx *c, emit_state *e, size_t i, int m, bool abbr,
                          size_t first, uint32_t off0)
{
    size_t j = i + 1;
    bool sep_ok = GAP_SPACE(c, j) || (abbr && GAP_DOT(c, j));
    int d = sep_ok ? day_at(c, j) : -1;
    int tense = tense_near(c, i);
    if (d > 0 && !(j + 1 < c->tl->n && gap_exact(c, j + 1, ':'))) {
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
        emit_dm(c, e, y, m, d, d2, first, last, off0, tense);
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
        emit(e, c, mkdate(y, m, 0, TD_DATE_MONTH), no_date, first, j, off0,
             mod ? TDP_DATE_VAGUE : TDP_DATE_ABSOLUTE, mod, 0);
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
    int yy;
    if (!c->has_ref)
        yy = 0; /* no article date: year left for a later stage */
    else if (is(c, i - 1, "last"))
        yy = (m < c->ref->month) ? c->ref->year : c->ref->year - 1;
    else if (is(c, i - 1, "next"))
        yy = (m > c->ref->month) ? c->ref->year : c->ref->year + 1;
    else if (is(c, i - 1, "this"))
        yy = c->ref->year;
    else
        yy = infer_year(c, m, 0, tense);
    if (is(c, i - 1, "last") || is(c, i - 1, "next") || is(c, i - 1, "this")) {
        first = i - 1;
        off0 = c->tl->toks[i - 1].off;
    }
    emit(e, c, mkdate(yy, m, 0, TD_DATE_MONTH), no_date, first, i, off0, TDP_DATE_VAGUE,
         mod, 0);
    return i;
}

static size_t weekday_form(const ctx *c, emit_state *e, size_t i, int wd)
{
    /* "Friday, January 14": the date that follows says it all. */
    bool ab;
    if (i + 1 < c->tl->n && (month_at(c, i + 1, &ab) || (day_at(c, i + 1) > 0 &&
                                                         month_at(c, i + 2, &ab))))
        return i;
    if (!c->has_ref)
        return i;
    size_t first = i, last = i;
    int mod = 0;
    int dir = 0; /* -1 past, +1 future, with strictness */
    bool strict = false;
    if (i > 0) {
        if (is(c, i - 1, "late")) {
            mod = TDP_DATE_MOD_LATE;
            first = i - 1;
        } else if (is(c, i - 1, "early")) {
            mod = TDP_DATE_MOD_EARLY;
            first = i - 1;
        } else if (is(c, i - 1, "last") || is(c, i - 1, "past")) {
            dir = -1;
            strict = true;
            first = i - 1;
        } else if (is(c, i - 1, "next") || is(c, i - 1, "coming")) {
            dir = 1;
            strict = true;
            first = i - 1;
        } else if (is(c, i - 1, "this")) {
            first = i - 1;
        }
    }
    if (i + 1 < c->tl->n && GAP_SPACE(c, i + 1) &&
        (is(c, i + 1, "morning") || is(c, i + 1, "afternoon") || is(c, i + 1, "evening") ||
         is(c, i + 1, "night")))
        last = i + 1;
    if (!dir)
        dir = tense_near(c, i) > 0 ? 1 : -1;
    int w0 = tdp_weekday(c->ref_days);
    int32_t z;
    if (dir < 0) {
        int delta = (w0 - wd + 7) % 7;
        if (strict && delta == 0)
            delta = 7;
        z = c->ref_days - delta;
    } else {
        int delta = (wd - w0 + 7) % 7;
        if (delta == 0)
            delta = 7;
        z = c->ref_days + delta;
    }
    emit(e, c, from_days(z), no_date, first, last, c->tl->toks[first].off,
         TDP_DATE_RELATIVE, mod, 0);
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
    default: return false;
    }
}

/* yesterday, today, last week, two days ago ... Returns last token or SIZE_MAX. */
static size_t relative_form(const ctx *c, emit_state *e, size_t i)
{
    if (!c->has_ref)
        return SIZE_MAX;
    const char *f = fold(c, i);
    /* cheap test first: one of a dozen words, or "N units ago" */
    if (!relative_word(f, c->tl->toks[i].flen) && !(i + 2 < c->tl->n && is(c, i + 2, "ago")))
        return SIZE_MAX;
    uint32_t off = c->tl->toks[i].off;
    int32_t z = c->ref_days;
    if (!strcmp(f, "yesterday") || !strcmp(f, "today") || !strcmp(f, "tonight") ||
        !strcmp(f, "tomorrow")) {
        int k = f[0] == 'y' ? -1 : !strcmp(f, "tomorrow") ? 1 : 0;
        size_t last = i;
        if (i + 1 < c->tl->n && (is(c, i + 1, "morning") || is(c, i + 1, "afternoon") ||
                                 is(c, i + 1, "evening") || is(c, i + 1, "night")))
            last = i + 1;
        emit(e, c, from_days(z + k), no_date, i, last, off, TDP_DATE_RELATIVE, 0, 0);
        return last;
    }
    if ((!strcmp(f, "last") || !strcmp(f, "this")) && is(c, i + 1, "night")) {
        emit(e, c, from_days(z - (f[0] == 'l')), no_date, i, i + 1, off, TDP_DATE_RELATIVE,
             0, 0);
        return i + 1;
    }
    if (!strcmp(f, "this") && (is(c, i + 1, "morning") || is(c, i + 1, "afternoon") ||
                               is(c, i + 1, "evening"))) {
        emit(e, c, from_days(z), no_date, i, i + 1, off, TDP_DATE_RELATIVE, 0, 0);
        return i + 1;
    }
    int k = 2;
    if (!strcmp(f, "last") || !strcmp(f, "past") || !strcmp(f, "previous"))
        k = -1;
    else if (!strcmp(f, "this") || !strcmp(f, "current"))
        k = 0;
    else if (!strcmp(f, "next") || !strcmp(f, "coming"))
        k = 1;
    if (k != 2 && i + 1 < c->tl->n) {
        int u = unit_of(fold(c, i + 1));
        /* "last year" but not "last two years" or "this week's" plural forms */
        if (u >= 2 && c->tl->toks[i + 1].flen == strlen(fold(c, i + 1)) &&
            fold(c, i + 1)[c->tl->toks[i + 1].flen - 1] != 's') {
            if (u == 2)
                emit(e, c, week_of(z, k), no_date, i, i + 1, off, TDP_DATE_RELATIVE, 0, 1);
            else if (u == 3)
                emit(e, c, add_months(c->ref, k), no_date, i, i + 1, off,
                     TDP_DATE_RELATIVE, 0, 0);
            else
                emit(e, c, mkdate(c->ref->year + k, 0, 0, TD_DATE_YEAR), no_date, i, i + 1,
                     off, TDP_DATE_RELATIVE, 0, 0);
            return i + 1;
        }
    }
    /* N units ago */
    int nv = num_at(c, i, 3);
    if (nv < 0)
        nv = word_number(f);
    if (nv > 0 && i + 2 < c->tl->n && is(c, i + 2, "ago")) {
        int u = unit_of(fold(c, i + 1));
        if (u == 1)
            emit(e, c, from_days(z - nv), no_date, i, i + 2, off, TDP_DATE_RELATIVE, 0, 0);
        else if (u == 2)
            emit(e, c, week_of(z, -nv), no_date, i, i + 2, off, TDP_DATE_RELATIVE, 0, 1);
        else if (u == 3)
            emit(e, c, add_months(c->ref, -nv), no_date, i, i + 2, off, TDP_DATE_RELATIVE,
                 0, 0);
        else if (u == 4)
            emit(e, c, mkdate(c->ref->year - nv, 0, 0, TD_DATE_YEAR), no_date, i, i + 2,
                 off, TDP_DATE_RELATIVE, 0, 0);
        if (u)
            return i + 2;
    }
    return SIZE_MAX;
}

static const char *const year_cues[] = {
    "in", "since", "by", "until", "till", "during", "from", "before", "after", "through",
    "throughout", "of", "early", "mid", "late", "to", "and", "between", "year", "for",
    "around", "circa", "c", "spring", "summer", "autumn", "fall", "winter", "end", "start",
    "beginning", "middle", "fiscal",
};

static bool year_cue(const ctx *c, size_t i)
{
    const char *f = fold(c, i);
    for (size_t k = 0; k < sizeof year_cues / sizeof *year_cues; k++)
        if (!strcmp(f, year_cues[k]))
            return true;
    return false;
}

static size_t year_form(const ctx *c, emit_state *e, size_t i, int y)
{
    bool cue = i > 0 && year_cue(c, i - 1);
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
    emit(e, c, mkdate(y, 0, 0, TD_DATE_YEAR), no_date, first, i, c->tl->toks[first].off,
         mod ? TDP_DATE_VAGUE : TDP_DATE_ABSOLUTE, mod, 0);
    return i;
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

void tdp_find_dates_in(const char *s, size_t n, const td_date *ref, const tdp_toklist *tl,
                       tdp_date_fn fn, void *ctxp)
{
    ctx c = {s, n, tl, ref, 0, false};
    if (ref && ref->prec >= TD_DATE_DAY && ref->month >= 1 && ref->day >= 1) {
        c.has_ref = true;
        c.ref_days = tdp_days_from_civil(ref->year, ref->month, ref->day);
    }
    emit_state e = {fn, ctxp, 0};
    for (size_t i = 0; i < tl->n && !e.stop; i++) {
        uint16_t fl = tl->toks[i].flags;
        size_t last = SIZE_MAX;
        if (fl & TDP_TOK_HASDIGIT) {
            last = numeric_form(&c, &e, i);
            if (last == SIZE_MAX) {
                /* day-first: "12 January", "12-13 January", "12th of January" */
                int d = day_at(&c, i);
                if (d > 0) {
                    size_t j = i + 1;
                    int d2 = -1;
                    if (GAP_DASH(&c, j) && (d2 = day_at(&c, j)) > d)
                        j++;
                    else
                        d2 = -1;
                    if (is(&c, j, "of") && !(fl & TDP_TOK_NUMERIC))
                        j++;
                    bool ab;
                    int m = GAP_SPACE(&c, j) ? month_at(&c, j, &ab) : 0;
                    if (m) {
                        size_t lastt = j;
                        int y = -1;
                        if ((GAP_SPACE(&c, j + 1) || GAP_COMMA(&c, j + 1) ||
                             (ab && GAP_DOT(&c, j + 1))) &&
                            (y = year_at(&c, j + 1)) > 0)
                            lastt = j + 1;
                        else
                            y = -1;
                        emit_dm(&c, &e, y, m, d, d2, i, lastt, tl->toks[i].off,
                                tense_near(&c, i));
                        last = lastt;
                    }
                }
            }
            if (last == SIZE_MAX) {
                int y = year_at(&c, i);
                if (y > 0)
                    last = year_form(&c, &e, i, y);
            }
        } else if (fl & TDP_TOK_CAP) {
            bool abbr;
            int m = month_at(&c, i, &abbr);
            int wd;
            if (m) {
                size_t first = i;
                uint32_t off0 = tl->toks[i].off;
                /* "Friday, January 14" */
                if (i > 0 && weekday_at(&c, i - 1) >= 0 && GAP_COMMA(&c, i)) {
                    first = i - 1;
                    off0 = tl->toks[i - 1].off;
                }
                last = month_first(&c, &e, i, m, abbr, first, off0);
            } else if ((wd = weekday_at(&c, i)) >= 0) {
                last = weekday_form(&c, &e, i, wd);
            } else {
                last = relative_form(&c, &e, i);
            }
        } else {
            last = relative_form(&c, &e, i);
        }
        if (last != SIZE_MAX && last > i)
            i = last;
    }
}

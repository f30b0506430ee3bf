/*
 * dates.h - the one reader of dates in text, and the resolver (internal).
 *
 * Everything that knows how a date is written lives here and in the per-language
 * tables of dates_<lang>.c: the names of months and weekdays, the calendar check,
 * numeric forms ("2022-01-12", "15.01.2022", "04/28/09"), clock times and zones,
 * and the reader of date phrases in running text. Two modes:
 *
 *   - stamp mode (tdp_date_stamp, tdp_date_numeric, tdp_date_month_day): a line
 *     or a metadata field that should be a date or a timestamp ("08:24 GMT
 *     15.01.2022", "Published 14 January 2022, 10:05"), in every language that has
 *     a table;
 *   - phrase mode (tdp_date_read): every date phrase of one sentence, absolute
 *     ("12 January 2022", "Dec 17"), numeric, relative ("two days ago", "next
 *     month"), weekday ("late Friday"), month or year alone ("in mid-December",
 *     "early 2022") and ranges ("January 12-13"), each with its span, what it says
 *     as written, and the hints a resolver needs: the tense of its clause and the
 *     marker in front of it (last, next, this, coming, ago).
 *
 * tdp_date_resolve turns a phrase into a calendar date against an anchor (the
 * article's date, or the day a quoted statement was made). Nothing here
 * allocates except the token list the caller passes in; every function is
 * reentrant.
 */
#ifndef TDP_LANG_DATES_H
#define TDP_LANG_DATES_H

#include "core/core.h"
#include "lang/lang.h"

/* ---- per-language tables ---- */

/* Languages with date tables; a set of them is a bit mask of (1u << id). */
typedef enum tdp_dlang {
    TDP_DL_EN, TDP_DL_DE, TDP_DL_FR, TDP_DL_ES, TDP_DL_IT, TDP_DL_PT, TDP_DL_NL,
    TDP_DL_RU, TDP_DL_COUNT
} tdp_dlang;
#define TDP_DL_ALL ((1u << TDP_DL_COUNT) - 1u)
#define TDP_DL_BIT(l) (1u << (l))

typedef struct tdp_date_word {
    const char *word;       /* lower case UTF-8 */
    int8_t value;           /* month 1..12, weekday 0 (Monday)..6 */
    uint8_t abbr;           /* 1: an abbreviation, which may take a '.' */
} tdp_date_word;

typedef struct tdp_date_lang {
    const char *code;                   /* ISO 639-1 */
    const tdp_date_word *months;        /* ends with word NULL */
    const tdp_date_word *weekdays;      /* ends with word NULL */
    const char *const *stamp_words;     /* words a timestamp line may hold besides
                                         * its date ("updated", "uhr"); NULL ends */
} tdp_date_lang;

/* Each language's table, defined in its dates_<lang>.c. */
const tdp_date_lang *tdp_dates_en(void);
const tdp_date_lang *tdp_dates_de(void);
const tdp_date_lang *tdp_dates_fr(void);
const tdp_date_lang *tdp_dates_es(void);
const tdp_date_lang *tdp_dates_it(void);
const tdp_date_lang *tdp_dates_pt(void);
const tdp_date_lang *tdp_dates_nl(void);
const tdp_date_lang *tdp_dates_ru(void);

/* The table of a language id, or of an ISO 639-1 code (NULL when none). */
const tdp_date_lang *tdp_date_lang_of(tdp_dlang l);
const tdp_date_lang *tdp_date_lang_code(const char *code);

/* Month 1..12 of a lower-case word in one of the languages `langs`, else 0;
 * *abbr (may be NULL) tells an abbreviation ("dec", "sept"). */
int tdp_month_word(const char *w, size_t n, unsigned langs, bool *abbr);
/* Weekday 0 (Monday)..6 of a lower-case word, else -1. */
int tdp_weekday_word(const char *w, size_t n, unsigned langs, bool *abbr);
/* A word a timestamp line may hold around its date ("updated:", "uhr", "|"). */
bool tdp_stamp_word(const char *w, size_t n, unsigned langs);
/* A time zone abbreviation ("gmt", "cet", "мск"): its offset east of UTC. */
bool tdp_zone_word(const char *w, size_t n, int *minutes);

/* ---- calendar ---- */

/* Years a text names as dates: four digits from 1000 to 2999. */
#define TDP_YEAR_MIN 1000
#define TDP_YEAR_MAX 2999

/* A real day of the calendar within the years above. */
bool tdp_valid_ymd(int y, int m, int d);

/* ---- stamp mode ---- */

/* Value of s[0..n) when it is one to four ASCII digits, else -1. */
int tdp_date_digits(const char *s, size_t n);

/*
 * s[0..n) is all of a numeric date: "2022-01-15", "15.01.2022", "15/01/2022",
 * "1/15/2022" (month first when the middle number cannot be a month); with
 * short_year also a two-digit year ("04/28/09": 2009, "12.03.98": 1998), which
 * only a field meant to hold a date may use.
 */
bool tdp_date_numeric(const char *s, size_t n, bool short_year, int *y, int *m, int *d);

/* "08:24", "8:24", "08:24:10", "8:24pm", "14:05h": hour and minute. */
bool tdp_date_clock(const char *s, size_t n, int *h, int *mi);

typedef struct tdp_stamp {
    int y, m, d, h, mi, zone;   /* zone: minutes east of UTC */
    bool has_date, has_time, has_zone;
} tdp_stamp;

/*
 * A line made only of date and time words: "08:24 GMT 15.01.2022 (Updated:
 * ...)", "Jun 23, 2013", "Published 14 January 2022, 10:05". The first date and
 * time go to *st. Lenient (a field meant to hold a date, or a line searched for
 * one): other words are passed over ("Published July 28, 2004 He was 75."), the
 * first whole date ends the search, and two-digit years are read. False when the
 * line holds neither a date nor a time (or, strict, any other word).
 */
bool tdp_date_stamp(const char *s, size_t n, bool lenient, tdp_stamp *st);

/* "December 26", "26 December", "Dec. 26" at the start of s: month and day, and
 * in *end where they end. */
bool tdp_date_month_day(const char *s, size_t n, int *m, int *d, size_t *end);

/* ---- phrase mode ---- */

typedef enum tdp_date_kind {
    TDP_DATE_ABSOLUTE = 0,   /* "12 January 2022", "Dec 17", "15.01.2022" */
    TDP_DATE_RELATIVE = 1,   /* "on Tuesday", "late Friday", "yesterday" */
    TDP_DATE_VAGUE = 2       /* "in mid-December", "early 2022" */
} tdp_date_kind;

/* Part of the period a vague expression names: "early 2022", "mid-December". */
typedef enum tdp_date_mod {
    TDP_DATE_MOD_NONE = 0, TDP_DATE_MOD_EARLY = 1, TDP_DATE_MOD_MID = 2,
    TDP_DATE_MOD_LATE = 3
} tdp_date_mod;

/* Tense of the clause a phrase stands in. */
typedef enum tdp_tense {
    TDP_TENSE_UNKNOWN = 0, TDP_TENSE_PAST = 1, TDP_TENSE_PRESENT = 2,
    TDP_TENSE_FUTURE = 3
} tdp_tense;

/* The word in front of (or after) a phrase that fixes its direction. */
typedef enum tdp_date_marker {
    TDP_MARK_NONE = 0, TDP_MARK_LAST = 1,   /* last, past, previous */
    TDP_MARK_NEXT = 2,                      /* next, following */
    TDP_MARK_THIS = 3,                      /* this, current */
    TDP_MARK_COMING = 4,                    /* coming, upcoming */
    TDP_MARK_AGO = 5,                       /* "two days ago" */
    TDP_MARK_EARLIER_THIS = 6               /* "earlier this month" */
} tdp_date_marker;

/* What a phrase says, before it is placed on the calendar. */
typedef enum tdp_date_form {
    TDP_FORM_DATE = 0,       /* year/month/day as written; any may be 0 (absent) */
    TDP_FORM_WEEKDAY = 1,    /* weekday */
    TDP_FORM_SHIFT = 2       /* shift units from the anchor: "yesterday" = -1 day */
} tdp_date_form;

enum { TDP_UNIT_DAY = 1, TDP_UNIT_WEEK = 2, TDP_UNIT_MONTH = 3, TDP_UNIT_YEAR = 4 };

typedef struct tdp_date_phrase {
    uint32_t off, len;    /* span in the sentence */
    uint8_t form;         /* tdp_date_form */
    uint8_t kind;         /* tdp_date_kind */
    uint8_t mod;          /* tdp_date_mod */
    uint8_t tense;        /* tdp_tense of its clause */
    uint8_t marker;       /* tdp_date_marker */
    uint8_t unit;         /* TDP_FORM_SHIFT: TDP_UNIT_* */
    uint8_t in_quote;     /* 1: inside quotation marks */
    int8_t weekday;       /* TDP_FORM_WEEKDAY: 0 (Monday)..6 */
    int16_t year;         /* TDP_FORM_DATE, as written (0: not written) */
    int8_t month, day;    /* TDP_FORM_DATE (0: not written) */
    int8_t day2;          /* last day of a range ("January 12-13"), else 0 */
    int16_t shift;        /* TDP_FORM_SHIFT: signed count of units */
} tdp_date_phrase;

/* A phrase placed on the calendar. */
typedef struct tdp_date_hit {
    tdp_date_phrase p;
    td_date date;         /* resolved; prec NONE never reported */
    td_date end;          /* last day of a range, else prec NONE */
    uint32_t off, len;    /* = p.off, p.len */
    uint8_t kind;         /* = p.kind */
    uint8_t mod;          /* = p.mod */
    uint8_t week;         /* 1: the date is the Monday of the week meant */
    uint8_t speech;       /* 1: placed against the day a quoted statement was made */
} tdp_date_hit;

/*
 * Places a phrase against an anchor (a date of day precision; prec NONE when
 * unknown). Weekdays count back (the anchor's day included) unless the clause is
 * future or the marker says next or coming; "last"/"next" exclude the anchor's
 * own day. A day and month without a year take the year that puts them closest
 * to the anchor, the far side of the tense counting double. A month alone in a
 * past clause is the last such month before the anchor when `prior_year` is set
 * (the text speaks of the year before). Without an anchor, a day or month keeps
 * year 0 and weekdays and shifts fail. False when nothing can be placed.
 */
bool tdp_date_resolve(const tdp_date_phrase *p, const td_date *anchor, bool prior_year,
                      tdp_date_hit *out);

typedef int (*tdp_date_fn)(void *ctx, const tdp_date_hit *h);

/*
 * Finds the date phrases of one sentence (English), resolves each against ref
 * (the article's date, or prec NONE) and calls fn in order; fn returns nonzero
 * to stop. `tl` is scratch space for the sentence's tokens.
 */
td_status tdp_find_dates(const char *s, size_t n, const td_date *ref, tdp_toklist *tl,
                         tdp_date_fn fn, void *ctx);

/* The same on a sentence already tokenized (`toks` holds exactly its tokens). */
void tdp_find_dates_in(const char *s, size_t n, const td_date *ref,
                       const tdp_toklist *toks, tdp_date_fn fn, void *ctx);

/* Whether byte off of s lies inside quotation marks ("…", “…”, «…»). */
bool tdp_in_quotation(const char *s, size_t off);

/* True if the sentence speaks of the future ("will meet", "is due to"). */
bool tdp_future_tense(const tdp_toklist *tl);

#endif

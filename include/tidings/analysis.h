/*
 * tidings/analysis.h - what the engine read in one article: its sentences, the
 * dates it mentions (value, precision, tense), the names it mentions (typed, and
 * tied to one entity per article) and its quotes with their speakers. It is how a
 * user sees why a brief says what it says (`tidings analyse`, docs/json.md).
 *
 * Spans are byte offsets into the analysis text: the article's cleaned paragraphs
 * joined by one blank line ("\n\n"), exactly as td_analysis_text() returns it.
 *
 * Lifetime: a td_analysis borrows from its article. Free the analysis before the
 * article; every pointer it returns lives until td_analysis_free.
 * Threads: an analysis is read-only once made, so several threads may read one;
 * making one changes its article (cleaning and analysing it), so an article is
 * one thread's at a time. Different articles may be analysed on different
 * threads at once.
 */
#ifndef TIDINGS_ANALYSIS_H
#define TIDINGS_ANALYSIS_H

#include <stdbool.h>

#include "article.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct td_analysis td_analysis;

/* A stretch of the analysis text: bytes [start, end). */
typedef struct td_span {
    size_t start, end;
} td_span;

/* The tense of the clause a date is read in. */
typedef enum td_tense {
    TD_TENSE_UNKNOWN = 0,
    TD_TENSE_PAST = 1,
    TD_TENSE_PRESENT = 2,
    TD_TENSE_FUTURE = 3
} td_tense;

/* A date the text mentions, placed on the calendar. */
typedef struct td_date_ref {
    td_span span;          /* the expression: "on Saturday", "5 January 2022" */
    td_date value;         /* at its precision; against the article's date, or the
                              day a quote was said for a date inside it */
    td_date end;           /* last day of a range ("12-13 January"), else TD_DATE_NONE */
    td_tense tense;
    bool planned;          /* after the article's date: planned, not yet happened */
    bool in_quote;         /* inside a quotation */
} td_date_ref;

/* What a name is. */
typedef enum td_entity_type {
    TD_ENTITY_PERSON = 0,
    TD_ENTITY_ORGANISATION = 1,
    TD_ENTITY_PLACE = 2,
    TD_ENTITY_OTHER = 3
} td_entity_type;

/* A name the text mentions. */
typedef struct td_mention_ref {
    td_span span;          /* the name as written */
    td_entity_type type;
    const char *entity;    /* the entity it names: the fullest form the article uses
                              ("Antony J. Blinken" for "Blinken") */
    const char *role;      /* the role the text gives beside it, or NULL */
} td_mention_ref;

/* A quotation. */
typedef struct td_quote_ref {
    td_span span;          /* the quoted words, without the quotation marks */
    const char *speaker;   /* the entity who says it (as td_mention_ref.entity), or NULL */
    const char *cue;       /* the verb that attributes it ("said", "told"), or NULL */
    bool partial;          /* a fragment quoted inside the reporter's own sentence */
} td_quote_ref;

/*
 * Cleans the article when it is not yet clean (td_clean), reads it, and makes its
 * analysis. TD_EEMPTY when no article text is left, TD_ENOMEM on out-of-memory;
 * *out is NULL on any failure.
 */
TD_API TD_NODISCARD td_status td_analysis_new(td_article *a, td_analysis **out);
TD_API void td_analysis_free(td_analysis *an);

/* The text the spans point into (NUL-terminated; *len may be NULL). */
TD_API const char *td_analysis_text(const td_analysis *an, size_t *len);

/* Sentences, in text order. */
TD_API size_t td_analysis_sentence_count(const td_analysis *an);
TD_API td_span td_analysis_sentence(const td_analysis *an, size_t i);

/* Dates, mentions and quotes, in text order; NULL when i is out of range. */
TD_API size_t td_analysis_date_count(const td_analysis *an);
TD_API const td_date_ref *td_analysis_date(const td_analysis *an, size_t i);
TD_API size_t td_analysis_mention_count(const td_analysis *an);
TD_API const td_mention_ref *td_analysis_mention(const td_analysis *an, size_t i);
TD_API size_t td_analysis_quote_count(const td_analysis *an);
TD_API const td_quote_ref *td_analysis_quote(const td_analysis *an, size_t i);

/*
 * The analysis as one line of JSON (no trailing newline), the `tidings analyse
 * --json` record: id, title, date, language, text, then sentences[], dates[],
 * mentions[] and quotes[] whose start and end count Unicode characters (code
 * points) into text (docs/json.md). td_free *out.
 */
TD_API TD_NODISCARD td_status td_analysis_json(const td_analysis *an, char **out,
                                               size_t *len);

#ifdef __cplusplus
}
#endif
#endif

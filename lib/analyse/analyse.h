/*
 * analyse.h - what the analyse stage finds in one cleaned article (internal).
 *
 * Contract between analyse (producer) and dedup, cluster and brief (consumers).
 * Arrays are allocated with tdp_malloc and freed by tdp_analysis_free; strings live
 * in the article's arena. Offsets are bytes.
 */
#ifndef TDP_ANALYSE_H
#define TDP_ANALYSE_H

#include "article/article_p.h"
#include "lang/dates.h"

typedef struct tdp_sentence {
    const char *text;     /* NUL-terminated copy */
    uint32_t len;
    uint32_t para;        /* index of its paragraph in the article */
    uint32_t off;         /* byte offset of the sentence in its paragraph */
} tdp_sentence;

/*
 * date: resolved against the article's date. When the article has no date, a day
 * or month without a year is kept with year 0 (prec DAY or MONTH) for a later
 * stage to place; weekdays and relative expressions are then dropped.
 */
typedef struct tdp_date_mention {
    td_date date;
    uint32_t sent;        /* sentence index */
    uint32_t off, len;    /* the expression inside the sentence text */
    uint8_t kind;         /* tdp_date_kind */
    uint8_t mod;          /* tdp_date_mod */
    uint8_t week;         /* 1: "last week": date is the Monday of that week */
    uint8_t future;       /* 1: the date is after the article's date */
    uint8_t tense;        /* tdp_tense of the clause */
    uint8_t speech;       /* 1: inside a quotation, placed against the day it was said */
    td_date end;          /* last day of a range ("January 12-13"), else prec NONE */
    tdp_date_phrase phrase;   /* what the text says, before it was placed */
} tdp_date_mention;

typedef enum tdp_ent_type {
    TDP_ENT_PERSON = 0, TDP_ENT_ORG = 1, TDP_ENT_PLACE = 2, TDP_ENT_OTHER = 3
} tdp_ent_type;

typedef struct tdp_mention {
    const char *name;     /* as written: "Antony J. Blinken" */
    const char *key;      /* normalised key for merging variants: "blinken" */
    const char *title;    /* role as the text gives it, or NULL */
    uint32_t sent;
    uint32_t off, len;    /* the name inside the sentence text */
    uint8_t type;         /* tdp_ent_type */
} tdp_mention;

typedef struct tdp_quote {
    const char *text;     /* the quoted words, without the quote marks */
    uint32_t len;
    const char *speaker;  /* as named near the quote, or NULL */
    const char *speaker_key;
    uint32_t sent;        /* first sentence of the quote */
    uint32_t para;        /* its paragraph */
    const char *speaker_title; /* the speaker's role as the text gives it, or NULL */
    uint8_t speaker_type; /* tdp_ent_type of the speaker (PERSON, ORG...) */
    uint8_t partial;      /* 1: a quoted fragment inside the reporter's sentence */
    const char *cue;      /* the speech verb the speaker was found by, or NULL */
} tdp_quote;

typedef enum tdp_term_kind { TDP_TERM_WORD = 0, TDP_TERM_NAME = 1, TDP_TERM_NUMBER = 2 } tdp_term_kind;

typedef struct tdp_term {
    uint64_t hash;        /* of the stemmed, case-folded term */
    uint32_t count;
    uint8_t kind;         /* tdp_term_kind */
} tdp_term;

typedef struct tdp_analysis {
    tdp_sentence *sents;
    size_t n_sents;
    tdp_date_mention *dates;
    size_t n_dates;
    tdp_mention *mentions;
    size_t n_mentions;
    tdp_quote *quotes;
    size_t n_quotes;
    tdp_term *terms;      /* sorted by hash, unique; stop words left out */
    size_t n_terms;
    uint32_t n_tokens;    /* words in the article */
} tdp_analysis;

/* Analyses a cleaned article (a->an is replaced). */
td_status tdp_analyse(td_article *a);

#endif

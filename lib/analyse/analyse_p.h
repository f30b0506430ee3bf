/*
 * analyse_p.h - the pieces of the analyse stage, callable one by one (internal).
 *
 * analyse.c runs them in order on an article; tests and evaluations call them on
 * plain text. None of them allocates except into the arrays it is given.
 */
#ifndef TDP_ANALYSE_P_H
#define TDP_ANALYSE_P_H

#include "analyse/analyse.h"
#include "text/token.h"

typedef struct tdp_span {
    uint32_t off, len;
} tdp_span;

/*
 * Splits s[0..n) into sentences, appended to *spans (grown with TDP_GROW). Spans
 * are trimmed of surrounding white space; empty ones are left out.
 */
td_status tdp_split_sentences(const char *s, size_t n, tdp_span **spans, size_t *n_spans,
                              size_t *cap);

/* A temporal expression found in a sentence. */
typedef struct tdp_date_hit {
    td_date date;         /* resolved; prec NONE never reported */
    td_date end;          /* last day of a range ("January 12-13"), else prec NONE */
    uint32_t off, len;    /* in the sentence */
    uint8_t kind;         /* tdp_date_kind */
    uint8_t mod;          /* tdp_date_mod */
    uint8_t week;         /* 1: the date is the Monday of the week meant */
} tdp_date_hit;

typedef int (*tdp_date_fn)(void *ctx, const tdp_date_hit *h);

/*
 * Finds the temporal expressions of one sentence, resolved against ref (the
 * article's date; prec NONE when unknown: then days and months without a year
 * come with year 0, and weekdays and relative expressions are left out). `tl` is
 * scratch space for the sentence's tokens.
 */
td_status tdp_find_dates(const char *s, size_t n, const td_date *ref, tdp_toklist *tl,
                         tdp_date_fn fn, void *ctx);

/* The same on a sentence already tokenized (`toks` holds exactly its tokens). */
void tdp_find_dates_in(const char *s, size_t n, const td_date *ref,
                       const tdp_toklist *toks, tdp_date_fn fn, void *ctx);

/* Tokens first..first+n of a list, as a list of their own (read only). */
static inline tdp_toklist tdp_toklist_view(const tdp_toklist *tl, size_t first, size_t n)
{
    tdp_toklist v = *tl;
    v.toks = tl->toks ? tl->toks + first : NULL;
    v.n = n;
    v.cap = n;
    return v;
}

/* True if the sentence speaks of the future ("will meet", "is due to"). */
bool tdp_future_tense(const tdp_toklist *tl);

/* Names of people, organisations and places (an->mentions); needs an->sents and
 * their tokens: `all` holds every sentence's tokens, sentence i's from
 * sent_tok[i] to sent_tok[i + 1]. */
td_status tdp_find_mentions(td_article *a, tdp_analysis *an, const tdp_toklist *all,
                            const size_t *sent_tok);

/* Direct quotes with their speakers (an->quotes); needs sents and mentions. */
td_status tdp_find_quotes(td_article *a, tdp_analysis *an, tdp_toklist *tl);

#endif

/*
 * analyse_p.h - the pieces of the analyse stage, callable one by one (internal).
 *
 * analyse.c runs them in order on an article; tests and evaluations call them on
 * plain text. None of them allocates except into the arrays it is given.
 */
#ifndef TDP_ANALYSE_P_H
#define TDP_ANALYSE_P_H

#include "analyse/analyse.h"
#include "lang/dates.h"
#include "lang/lang.h"
#include "lang/sentence.h"

/* Tokens first..first+n of a list, as a list of their own (read only). */
static inline tdp_toklist tdp_toklist_view(const tdp_toklist *tl, size_t first, size_t n)
{
    tdp_toklist v = *tl;
    v.toks = tl->toks ? tl->toks + first : NULL;
    v.n = n;
    v.cap = n;
    return v;
}

/* Names of people, organisations and places (an->mentions); needs an->sents and
 * their tokens: `all` holds every sentence's tokens, sentence i's from
 * sent_tok[i] to sent_tok[i + 1]. */
td_status tdp_find_mentions(td_article *a, tdp_analysis *an, const tdp_toklist *all,
                            const size_t *sent_tok);

/* Direct quotes with their speakers (an->quotes); needs sents and mentions. */
td_status tdp_find_quotes(td_article *a, tdp_analysis *an, tdp_toklist *tl);

/* Names of no known kind that speak, attributed by a speech verb ("Lena Brandt";
 * "Brandt told reporters" when the article also writes "Lena Brandt"), are
 * people: they, the mentions of their surname and their quotes are typed so. */
td_status tdp_name_speakers(tdp_analysis *an);

#endif

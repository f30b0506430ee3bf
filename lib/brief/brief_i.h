/*
 * brief_i.h - the working state shared by the passes of one brief (brief.c,
 * timeline.c, entities.c, facts.c). Internal to lib/brief.
 */
#ifndef TDP_BRIEF_I_H
#define TDP_BRIEF_I_H

#include "brief/brief_p.h"
#include "core/hmap.h"

/* Bounds that keep every pass linear or capped-pairwise (see docs/brief.md). */
#define BRIEF_MAX_ART_SENTS 400    /* sentences read per article */
#define BRIEF_MAX_SENTS 60000      /* sentences read per story */
#define BRIEF_MAX_ITEMS 20000      /* dates, quotes or mentions read per story */

/* One sentence of the story, with its content-word set. */
typedef struct bsent {
    uint32_t art;          /* local article index */
    uint32_t idx;          /* sentence index in the article */
    const char *text;
    uint32_t len;
    uint64_t *set;
    uint32_t n_set;
    uint32_t words;
    double score;
} bsent;

/* Content-word weights of the story: how many independent articles use a word. */
typedef struct bterms {
    tdp_hmap m;            /* word hash -> bterm */
} bterms;

typedef struct bctx {
    td_article *const *arts;   /* the corpus */
    tdp_brief *b;
    const tdp_brief_opts *opts;
    tdp_btok *tok;
    tdp_arena scratch;         /* per-brief working memory, freed at the end */
    bsent *sents;
    size_t n_sents, cap_sents;
    uint32_t *first;           /* first[i]..first[i+1]: sentences of local article i */
    bool *fallback;            /* article i's sentences come from the fallback splitter */
    bterms terms;
    td_date ref;               /* the story's reference date (median of known dates) */
} bctx;

static inline td_article *bart(const bctx *c, size_t local)
{
    return c->arts[c->b->arts[local]];
}

/* The sentence record of sentence `idx` of local article `art`, or NULL. */
bsent *tdp_bctx_sent(const bctx *c, uint32_t art, uint32_t idx);
/* Weight of a word in the story (0 when unknown). */
uint32_t tdp_bterms_df(const bterms *t, uint64_t h);
/* Copies n bytes into the brief's arena; NULL on out-of-memory. */
const char *tdp_bstr(bctx *c, const char *s, size_t n);

/* A date of one sentence, from the analysis or found again (undated articles). */
typedef struct dref {
    td_date date;
    uint32_t sent, off, len;
    uint8_t kind;         /* tdp_date_kind */
} dref;

typedef struct bdates {
    dref *d;
    size_t n, cap;
    uint32_t sent;        /* working: the sentence being searched */
    td_status st;
} bdates;

/*
 * The dates of local article i into r (r->d reused, r->n reset): its analysis's
 * (weeks left out), or for an article without a date of its own, the expressions
 * naming a month (and day) found again against the story's date.
 */
td_status tdp_bdates_of(bctx *c, size_t i, bdates *r);

td_status tdp_brief_timeline(bctx *c);
td_status tdp_brief_entities(bctx *c);
td_status tdp_brief_quotes(bctx *c);
td_status tdp_brief_facts(bctx *c);

#endif

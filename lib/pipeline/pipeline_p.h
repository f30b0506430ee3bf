/*
 * pipeline_p.h - the one pipeline (internal): every front end (the corpus behind
 * `tidings brief`, the store behind `ingest`, and any later one) prepares each
 * article with tdp_prepare, then hands the prepared articles to dedup, clustering
 * and the briefs. Nothing downstream cleans or analyses again.
 *
 * A prepared article is what the stages after it need of one article: the cleaned
 * article with its analysis, what the clusterer is shown of it (tdp_cinfo) and
 * its copy signature (tdp_csig). It can be written as bytes and read back
 * (tdp_prepared_encode / _decode, layout in codec.c), so that a store keeps it and
 * another process (or machine) continues from it.
 *
 * Threads: tdp_prepare is pure. It reads only its argument and constant tables
 * (the clean stage's word table is built once under pthread_once), keeps no
 * state between calls and allocates everything it returns, so any number of
 * threads may prepare different articles at once. The allocator set with
 * td_set_allocator must then be thread-safe (the default, malloc, is). Encode and
 * decode are pure as well. A tdp_prepared is owned by one thread at a time.
 */
#ifndef TDP_PIPELINE_P_H
#define TDP_PIPELINE_P_H

#include "analyse/analyse.h"
#include "cluster/cluster_p.h"
#include "dedup/dedup_p.h"

typedef struct tdp_prepared {
    td_article *a;      /* cleaned (a->cleaned) and analysed (a->an); owned */
    tdp_cinfo info;     /* what the clusterer is shown, as tdp_cluster_info gives it */
    tdp_csig sig;       /* copy signature of the cleaned paragraphs */
} tdp_prepared;

/*
 * Read -> clean -> analyse -> cluster features + copy signature. Takes a (the
 * prepared article owns it; on failure it is freed and *out is empty). TD_EEMPTY
 * when nothing of the article is left to use after cleaning.
 */
td_status tdp_prepare(td_article *a, tdp_prepared *out);

/* Releases everything the prepared article holds; safe on an empty one. */
void tdp_prepared_free(tdp_prepared *p);

/*
 * Version of the byte layout written by tdp_prepared_encode. Bump it when the
 * layout changes or when what tdp_prepare computes changes (cleaning, analysis,
 * cluster features, signatures): a reader then takes stored bytes of another
 * version for stale and prepares the article again from its raw input.
 */
#define TDP_PREPARED_VERSION 3   /* 2: copy signatures of folded tokens; 3: quote cues */

/*
 * The prepared article as bytes (tdp_malloc'd into *out). The raw input (text,
 * HTML) and what cleaning removed are not part of it: only what the stages after
 * preparation read.
 */
td_status tdp_prepared_encode(const tdp_prepared *p, unsigned char **out, size_t *len);

/*
 * Reads bytes written by tdp_prepared_encode. Every count, offset and index is
 * checked against the bytes and the structures it points into before it is
 * used: TD_ECORRUPT for bytes that are not a whole prepared article of this
 * version (*out is then empty), TD_ENOMEM.
 */
td_status tdp_prepared_decode(const unsigned char *b, size_t len, tdp_prepared *out);

/* The version a blob says it has (0 when it is too short to say). */
uint32_t tdp_prepared_version(const unsigned char *b, size_t len);

/*
 * Dedup and clustering of n prepared articles (in input order): copies[i] as
 * tdp_dedup_corpus gives them, story_of[i] and *n_stories as tdp_cluster_corpus
 * does. story_threshold: 0 for the default; < 0: the articles are one known story
 * (not clustered, all in story 0).
 */
td_status tdp_corpus_stories(const tdp_prepared *p, size_t n, double copy_threshold,
                             double story_threshold, tdp_copy *copies,
                             uint32_t *story_of, size_t *n_stories);

/* Adds a prepared article to a corpus, which takes what it holds (*p is left
 * empty, whatever the status). */
struct td_corpus;
td_status tdp_corpus_add_prepared(struct td_corpus *c, tdp_prepared *p);

/* The headline of a built corpus's story (NULL when there is none), and one set
 * in its place (copied; a NULL headline leaves the brief's own). */
const char *tdp_corpus_headline(const struct td_corpus *c, size_t story);
td_status tdp_corpus_set_headline(struct td_corpus *c, size_t story, const char *headline);

#endif

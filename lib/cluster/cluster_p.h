/*
 * cluster_p.h - articles into stories (internal).
 */
#ifndef TDP_CLUSTER_P_H
#define TDP_CLUSTER_P_H

#include "analyse/analyse.h"
#include "dedup/dedup_p.h"

/*
 * Groups n analysed articles into stories. story_of[i] receives the story index
 * of article i (0..*n_stories-1, numbered by first appearance in date order);
 * copies join the story of their canonical article. threshold: 0 for the default.
 */
td_status tdp_cluster_corpus(td_article *const *arts, size_t n, const tdp_copy *copies,
                             double threshold, uint32_t *story_of, size_t *n_stories);

#endif

/*
 * Streaming: articles arrive one at a time (in date order, ideally) and each joins
 * a live story or starts one. Stories that go quiet for longer than the window
 * leave the live set, so memory is bounded by the window, not by history.
 * Story ids are stable 64-bit numbers, starting at first_id.
 */
typedef struct tdp_clusterer tdp_clusterer;

typedef struct tdp_cluster_opts {
    double threshold;     /* 0 = default */
    int window_days;      /* 0 = default */
    uint64_t first_id;    /* id of the next new story (1 when 0) */
} tdp_cluster_opts;

tdp_clusterer *tdp_clusterer_new(const tdp_cluster_opts *opts);
void tdp_clusterer_free(tdp_clusterer *c);
/* Assigns an analysed article to a story; *is_new says it started one. */
td_status tdp_clusterer_add(tdp_clusterer *c, const td_article *a, uint64_t *story_id,
                            bool *is_new);

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

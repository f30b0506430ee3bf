/*
 * dedup_p.h - copies among the articles of a corpus (internal).
 */
#ifndef TDP_DEDUP_P_H
#define TDP_DEDUP_P_H

#include "article/article_p.h"

/* Kinds of copy. */
typedef enum tdp_copy_kind {
    TDP_COPY_NONE = 0, TDP_COPY_EXACT = 1, TDP_COPY_NEAR = 2, TDP_COPY_PARTIAL = 3
} tdp_copy_kind;

typedef struct tdp_copy {
    int32_t of;          /* index of the canonical article, -1 when independent */
    float similarity;    /* estimated Jaccard (or containment for partial copies) */
    uint8_t kind;        /* tdp_copy_kind */
} tdp_copy;

/*
 * For n cleaned articles, finds which are copies of which. out[i].of points at
 * the canonical article of i's group (earliest date, then the most complete),
 * which itself has of == -1. threshold: 0 for the default.
 */
td_status tdp_dedup_corpus(td_article *const *arts, size_t n, double threshold,
                           tdp_copy *out);

#endif

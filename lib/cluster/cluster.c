/* cluster.c - one story for everything, for now. */
#include "cluster/cluster_p.h"

td_status tdp_cluster_corpus(td_article *const *arts, size_t n, const tdp_copy *copies,
                             double threshold, uint32_t *story_of, size_t *n_stories)
{
    (void)arts;
    (void)copies;
    (void)threshold;
    for (size_t i = 0; i < n; i++)
        story_of[i] = 0;
    *n_stories = n ? 1 : 0;
    return TD_OK;
}

struct tdp_clusterer {
    uint64_t next_id;
};

tdp_clusterer *tdp_clusterer_new(const tdp_cluster_opts *opts)
{
    tdp_clusterer *c = tdp_calloc(1, sizeof *c);
    if (c)
        c->next_id = opts && opts->first_id ? opts->first_id : 1;
    return c;
}

void tdp_clusterer_free(tdp_clusterer *c) { tdp_free(c); }

td_status tdp_clusterer_add(tdp_clusterer *c, const td_article *a, uint64_t *story_id,
                            bool *is_new)
{
    (void)a;
    *story_id = c->next_id++;
    *is_new = true;
    return TD_OK;
}

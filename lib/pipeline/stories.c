/*
 * stories.c - the batch half of the pipeline: prepared articles into copies and
 * stories. The corpus (`tidings brief`) and the store's settling of an ingest run
 * call this one function, so that the two give the same stories for the same
 * articles in the same order.
 */
#include "pipeline/pipeline_p.h"

td_status tdp_corpus_stories(const tdp_prepared *p, size_t n, double copy_threshold,
                             double story_threshold, tdp_copy *copies,
                             uint32_t *story_of, size_t *n_stories)
{
    if ((!p || !copies || !story_of) && n)
        return TD_EARG;
    *n_stories = 0;
    td_article **arts = tdp_malloc((n ? n : 1) * sizeof *arts);
    const tdp_csig **sigs = tdp_malloc((n ? n : 1) * sizeof *sigs);
    tdp_cinfo *info = tdp_malloc((n ? n : 1) * sizeof *info);
    tdp_cinfo *title = tdp_calloc(n ? n : 1, sizeof *title);
    uint8_t *furn = tdp_malloc(n ? n : 1);
    td_status st = arts && sigs && info && title && furn ? TD_OK : TD_ENOMEM;
    for (size_t i = 0; !st && i < n; i++) {
        arts[i] = p[i].a;
        sigs[i] = &p[i].sig;
        info[i] = p[i].info; /* a view: the prepared article keeps it */
        copies[i].of = -1;
    }
    /* run-level: pages that are mostly site furniture are clustered by title */
    if (!st)
        st = tdp_cluster_furniture(arts, info, n, furn);
    for (size_t i = 0; !st && i < n; i++)
        if (furn[i] && p[i].a->title && *p[i].a->title &&
            !(st = tdp_cluster_info_title(p[i].a, &title[i])))
            info[i] = title[i];
    if (!st)
        st = tdp_dedup_corpus_sigs(arts, sigs, n, copy_threshold, copies);
    if (!st)
        tdp_cluster_copies_agree(arts, info, furn, n, copies);
    if (!st && story_threshold < 0) {
        /* one known story */
        for (size_t i = 0; i < n; i++)
            story_of[i] = 0;
        *n_stories = n ? 1 : 0;
    } else if (!st) {
        tdp_cluster_params cp;
        tdp_cluster_params_default(&cp);
        if (story_threshold > 0)
            cp.threshold = story_threshold;
        st = tdp_cluster_corpus_infos(info, n, copies, &cp, story_of, n_stories);
    }
    tdp_free(arts);
    tdp_free(sigs);
    tdp_free(info);
    for (size_t i = 0; title && i < n; i++)
        tdp_cluster_info_free(&title[i]);
    tdp_free(title);
    tdp_free(furn);
    return st;
}

/*
 * prepare.c - one article through every per-article stage: clean, analyse,
 * cluster features, copy signature. Pure (see pipeline_p.h): no state outside
 * its arguments, so threads may prepare articles side by side.
 */
#include "pipeline/pipeline_p.h"
#include "tidings/clean.h"

void tdp_prepared_free(tdp_prepared *p)
{
    if (!p)
        return;
    td_article_free(p->a);
    tdp_cluster_info_free(&p->info);
    tdp_csig_free(&p->sig);
    memset(p, 0, sizeof *p);
}

td_status tdp_prepare(td_article *a, tdp_prepared *out)
{
    memset(out, 0, sizeof *out);
    if (!a)
        return TD_EARG;
    out->a = a;
    td_status st = td_clean(a);
    /* an article given as its title alone (an empty text, no page): the title is
     * what there is to analyse and cluster */
    if (st == TD_EEMPTY && !a->text_len && !a->html && a->title && *a->title)
        st = TD_OK;
    if (!st)
        st = tdp_analyse(a);
    if (!st)
        st = tdp_cluster_info(a, &out->info);
    if (!st) {
        /* the signature's scratch is this call's own: nothing is shared */
        tdp_shingler sh = {0};
        tdp_sig *sig = tdp_malloc(sizeof *sig);
        st = sig ? tdp_sig_paras(&sh, a->paras, a->n_paras, sig) : TD_ENOMEM;
        if (!st)
            st = tdp_csig_make(sig, &out->sig);
        tdp_free(sig);
        tdp_shingler_free(&sh);
    }
    if (st)
        tdp_prepared_free(out);
    return st;
}

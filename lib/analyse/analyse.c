/* analyse.c - sentences, terms, dates, names and quotes of one article. */
#include "analyse/analyse.h"

void tdp_analysis_free(tdp_analysis *an)
{
    if (!an)
        return;
    tdp_free(an->sents);
    tdp_free(an->dates);
    tdp_free(an->mentions);
    tdp_free(an->quotes);
    tdp_free(an->terms);
    tdp_free(an);
}

td_status tdp_analyse(td_article *a)
{
    tdp_analysis *an = tdp_calloc(1, sizeof *an);
    if (!an)
        return TD_ENOMEM;
    if (a->an)
        tdp_analysis_free(a->an);
    a->an = an;
    return TD_OK;
}

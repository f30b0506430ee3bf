/*
 * facts.c - corroboration and discrepancies: the facts (facts.c of the brief)
 * on which every source agrees, and those on which they differ, with who says
 * what.
 */
#include "brief/section.h"

static void corroboration(const td_story *s, tdp_walker *w)
{
    for (size_t i = 0; i < td_story_fact_count(s); i++) {
        const td_brief_fact *f = td_story_fact(s, i);
        if (f->n_claims != 1)
            continue;
        tdp_item it = {.src = &f->claims[0].src, .count = true};
        tdp_item_str(&it, "subject", f->subject, TDP_ROLE_LEAD);
        tdp_item_str(&it, "attribute", f->attr, TDP_ROLE_LEAD);
        tdp_item_str(&it, "value", f->claims[0].value, TDP_ROLE_STRONG);
        /* one independent source is not corroboration a reader needs told */
        it.minor = f->claims[0].src.n_indep < 2;
        w->item(w, &it);
    }
}

static void discrepancies(const td_story *s, tdp_walker *w)
{
    for (size_t i = 0; i < td_story_fact_count(s); i++) {
        const td_brief_fact *f = td_story_fact(s, i);
        if (f->n_claims < 2)
            continue;
        tdp_item it = {.values_key = "claims", .values = f->claims, .n_values = f->n_claims};
        tdp_item_str(&it, "subject", f->subject, TDP_ROLE_LEAD);
        tdp_item_str(&it, "attribute", f->attr, TDP_ROLE_LEAD);
        w->item(w, &it);
    }
}

static td_status build(bctx *c, void **slot)
{
    (void)slot;
    return tdp_brief_facts(c);
}

const tdp_section tdp_sec_corroboration = {"corroboration", "Corroborated", TDP_SHAPE_LIST, 0,
                                           build, NULL, corroboration};
const tdp_section tdp_sec_discrepancies = {"discrepancies", "Where the sources disagree",
                                           TDP_SHAPE_LIST, 0, NULL, NULL, discrepancies};

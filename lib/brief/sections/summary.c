/* summary.c - the summary section: extracted sentences with their sources. */
#include "brief/section.h"

static void describe(const td_story *s, tdp_walker *w)
{
    for (size_t i = 0; i < td_story_summary_count(s); i++) {
        const td_brief_sentence *x = td_story_summary(s, i);
        tdp_item it = {.src = &x->src};
        tdp_item_str(&it, "text", x->text, TDP_ROLE_TEXT);
        w->item(w, &it);
    }
}

static td_status build(bctx *c, void **slot)
{
    (void)slot;
    return tdp_brief_summary(c);
}

const tdp_section tdp_sec_summary = {"summary", "Summary", TDP_SHAPE_LIST, 0, build, NULL,
                                     describe};

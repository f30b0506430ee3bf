/* timeline.c - the timeline section: dated events with their sources. */
#include "brief/section.h"

static void describe(const td_story *s, tdp_walker *w)
{
    for (size_t i = 0; i < td_story_timeline_count(s); i++) {
        const td_brief_event *e = td_story_timeline(s, i);
        tdp_item it = {.src = &e->src};
        tdp_item_date(&it, "date", &e->date, TDP_ROLE_LEAD);
        tdp_item_str(&it, "text", e->text, TDP_ROLE_TEXT);
        w->item(w, &it);
    }
}

static td_status build(bctx *c, void **slot)
{
    (void)slot;
    return tdp_brief_timeline(c);
}

/* Markdown shows the first 40 events; the HTML page and JSON show all. */
const tdp_section tdp_sec_timeline = {"timeline", "Timeline", TDP_SHAPE_TABLE, 40, build, NULL,
                                      describe};

/* quotes.c - the quotes section: merged quotes, their speakers and sources. */
#include "brief/section.h"

static void describe(const td_story *s, tdp_walker *w)
{
    for (size_t i = 0; i < td_story_quote_count(s); i++) {
        const td_brief_quote *q = td_story_quote(s, i);
        tdp_item it = {.src = &q->src};
        tdp_item_str(&it, "text", q->text, TDP_ROLE_QUOTE);
        tdp_item_str(&it, "speaker", q->speaker, TDP_ROLE_BY);
        tdp_item_bool(&it, "partial", q->partial, TDP_ROLE_FLAG);
        w->item(w, &it);
    }
}

static td_status build(bctx *c, void **slot)
{
    (void)slot;
    return tdp_brief_quotes(c);
}

/* Markdown shows the first 10 quotes. */
const tdp_section tdp_sec_quotes = {"quotes", "Quotes", TDP_SHAPE_QUOTES, 10, build, NULL,
                                    describe};

/* actors.c - people, organisations and places: names, spellings, roles, sources. */
#include "brief/section.h"

static void describe_kind(const td_story *s, tdp_walker *w, td_actor_kind kind)
{
    for (size_t i = 0; i < td_story_actor_count(s, kind); i++) {
        const td_brief_actor *a = td_story_actor(s, kind, i);
        tdp_item it = {.src = &a->src};
        tdp_item_str(&it, "name", a->name, TDP_ROLE_STRONG);
        tdp_item_strs(&it, "variants", (const char *const *)a->variants, a->n_variants,
                      TDP_ROLE_ALSO);
        if (kind == TD_ACTOR_PERSON)
            tdp_item_str(&it, "title", a->title, TDP_ROLE_AFTER);
        tdp_item_num(&it, "mentions", a->mentions, TDP_ROLE_DATA);
        w->item(w, &it);
    }
}

static void people(const td_story *s, tdp_walker *w) { describe_kind(s, w, TD_ACTOR_PERSON); }
static void orgs(const td_story *s, tdp_walker *w) { describe_kind(s, w, TD_ACTOR_ORGANISATION); }
static void places(const td_story *s, tdp_walker *w) { describe_kind(s, w, TD_ACTOR_PLACE); }

/* One pass finds the three kinds (entities.c). */
static td_status build(bctx *c, void **slot)
{
    (void)slot;
    return tdp_brief_entities(c);
}

/* Markdown lists 15 people and names 12 organisations and places. */
const tdp_section tdp_sec_people = {"people", "People", TDP_SHAPE_LIST, 15, build, NULL, people};
const tdp_section tdp_sec_organisations = {"organisations", "Organisations", TDP_SHAPE_INLINE, 12,
                                          NULL, NULL, orgs};
const tdp_section tdp_sec_places = {"places", "Places", TDP_SHAPE_INLINE, 12, NULL, NULL, places};

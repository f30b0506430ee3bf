/*
 * section.c - the registry of a brief's sections (the order of every output),
 * the parts of an item, the walk over a story's sections, and the public
 * section calls of tidings/brief.h.
 */
#include "brief/section.h"

/* The sections in output order. A new section: its file in sections/, one line
 * here (at the end, so that JSON fields only ever get added after the others). */
const tdp_section *const tdp_sections[] = {
    &tdp_sec_summary,       &tdp_sec_timeline, &tdp_sec_people,
    &tdp_sec_organisations, &tdp_sec_places,   &tdp_sec_quotes,
    &tdp_sec_corroboration, &tdp_sec_discrepancies,
};
const size_t tdp_n_sections = sizeof tdp_sections / sizeof tdp_sections[0];

_Static_assert(sizeof tdp_sections / sizeof tdp_sections[0] <= TDP_MAX_SECTIONS,
               "more sections than the brief has slots");

static tdp_part *part(tdp_item *it, const char *key, tdp_kind kind, tdp_role role)
{
    if (it->n_parts >= TDP_ITEM_PARTS)
        return NULL;
    tdp_part *p = &it->part[it->n_parts++];
    memset(p, 0, sizeof *p);
    p->key = key;
    p->kind = (uint8_t)kind;
    p->role = (uint8_t)role;
    return p;
}

void tdp_item_str(tdp_item *it, const char *key, const char *s, tdp_role role)
{
    tdp_part *p = part(it, key, TDP_STR, role);
    if (p)
        p->s = s;
}

void tdp_item_strs(tdp_item *it, const char *key, const char *const *v, uint32_t n,
                   tdp_role role)
{
    tdp_part *p = part(it, key, TDP_STRS, role);
    if (p) {
        p->strs = v;
        p->n = n;
    }
}

void tdp_item_date(tdp_item *it, const char *key, const td_date *d, tdp_role role)
{
    tdp_part *p = part(it, key, TDP_DATE, role);
    if (p)
        p->date = *d;
}

void tdp_item_num(tdp_item *it, const char *key, uint64_t num, tdp_role role)
{
    tdp_part *p = part(it, key, TDP_NUM, role);
    if (p)
        p->num = num;
}

void tdp_item_bool(tdp_item *it, const char *key, bool yes, tdp_role role)
{
    tdp_part *p = part(it, key, TDP_BOOL, role);
    if (p)
        p->yes = yes;
}

void tdp_walk_sections(const td_story *s, tdp_walker *w)
{
    w->story = s;
    for (size_t i = 0; i < tdp_n_sections; i++) {
        const tdp_section *sec = tdp_sections[i];
        w->n_items = w->n_shown = 0;
        w->sec = sec;
        if (w->begin)
            w->begin(w, sec);
        sec->describe(s, w);
        w->end(w, sec);
    }
}

td_status tdp_brief_sections_build(bctx *c)
{
    td_status st = TD_OK;
    for (size_t i = 0; i < tdp_n_sections && !st; i++)
        if (tdp_sections[i]->build)
            st = tdp_sections[i]->build(c, &c->b->slot[i]);
    return st;
}

void tdp_brief_sections_free(tdp_brief *b)
{
    for (size_t i = 0; i < tdp_n_sections; i++)
        if (tdp_sections[i]->free && b->slot[i])
            tdp_sections[i]->free(b->slot[i]);
}

td_status tdp_brief_finish(tdp_buf *b, char **out, size_t *len)
{
    if (b->err) {
        td_status st = b->err;
        tdp_buf_free(b);
        return st;
    }
    size_t n = 0;
    *out = tdp_buf_detach(b, &n);
    if (!*out) {
        /* an empty buffer has no data yet: hand out an empty string */
        *out = tdp_strdup("");
        n = 0;
    }
    if (len)
        *len = n;
    return *out ? TD_OK : TD_ENOMEM;
}

/* ---- the public calls ---- */

TD_API size_t td_brief_section_count(void) { return tdp_n_sections; }

TD_API const char *td_brief_section_name(size_t i)
{
    return i < tdp_n_sections ? tdp_sections[i]->name : NULL;
}

TD_API long td_brief_section_find(const char *name)
{
    for (size_t i = 0; name && i < tdp_n_sections; i++)
        if (!strcmp(tdp_sections[i]->name, name))
            return (long)i;
    return -1;
}

static void count_item(tdp_walker *w, const tdp_item *it)
{
    (void)it;
    w->n_items++;
}

TD_API size_t td_story_section_count(const td_story *s, size_t i)
{
    if (!s || i >= tdp_n_sections)
        return 0;
    tdp_walker w = {.item = count_item, .story = s};
    tdp_sections[i]->describe(s, &w);
    return w.n_items;
}

TD_API td_status td_story_section_json(const td_story *s, size_t i, char **out, size_t *len)
{
    if (!s || !out || i >= tdp_n_sections)
        return TD_EARG;
    tdp_buf b = TDP_BUF_INIT;
    tdp_brief_json_section(&b, s, tdp_sections[i]);
    return tdp_brief_finish(&b, out, len);
}

/*
 * emit_json.c - one story's brief as a JSON object (schema: docs/json.md), read
 * through the public views; the sections through the JSON walker, every part of
 * an item under its key. Deterministic: every array is in the brief's own order;
 * no pointers, no clock.
 */
#include "brief/section.h"

static void json_date(tdp_buf *o, const td_date *d)
{
    char s[32];
    if (d && d->prec && td_date_format(d, s, sizeof s))
        tdp_buf_json_cstr(o, s);
    else
        tdp_buf_puts(o, "null");
}

/* "sources":[ids],"independent":n */
static void json_sources(tdp_buf *o, const td_story *s, const td_sources *src)
{
    tdp_buf_puts(o, "\"sources\":[");
    for (uint32_t i = 0; i < src->n; i++) {
        if (i)
            tdp_buf_putc(o, ',');
        tdp_buf_json_cstr(o, td_article_id(td_story_article(s, src->ids[i])));
    }
    tdp_buf_printf(o, "],\"independent\":%u", src->n_indep);
}

static void json_part(tdp_buf *o, const tdp_part *p)
{
    tdp_buf_json_cstr(o, p->key);
    tdp_buf_putc(o, ':');
    switch (p->kind) {
    case TDP_STR:
        tdp_buf_json_cstr(o, p->s); /* NULL: null */
        break;
    case TDP_STRS:
        tdp_buf_putc(o, '[');
        for (uint32_t i = 0; i < p->n; i++) {
            if (i)
                tdp_buf_putc(o, ',');
            tdp_buf_json_cstr(o, p->strs[i]);
        }
        tdp_buf_putc(o, ']');
        break;
    case TDP_DATE:
        json_date(o, &p->date);
        break;
    case TDP_NUM:
        tdp_buf_printf(o, "%llu", (unsigned long long)p->num);
        break;
    case TDP_BOOL:
        tdp_buf_puts(o, p->yes ? "true" : "false");
        break;
    }
}

static void j_begin(tdp_walker *w, const tdp_section *sec)
{
    tdp_buf_putc(w->out, ',');
    tdp_buf_json_cstr(w->out, sec->name);
    tdp_buf_puts(w->out, ":[");
}

static void j_item(tdp_walker *w, const tdp_item *it)
{
    tdp_buf *o = w->out;
    tdp_buf_puts(o, w->n_items++ ? ",{" : "{");
    bool comma = false;
    for (size_t i = 0; i < it->n_parts; i++, comma = true) {
        if (comma)
            tdp_buf_putc(o, ',');
        json_part(o, &it->part[i]);
    }
    if (it->values_key) {
        if (comma)
            tdp_buf_putc(o, ',');
        comma = true;
        tdp_buf_json_cstr(o, it->values_key);
        tdp_buf_puts(o, ":[");
        for (size_t k = 0; k < it->n_values; k++) {
            tdp_buf_puts(o, k ? ",{\"value\":" : "{\"value\":");
            tdp_buf_json_cstr(o, it->values[k].value);
            tdp_buf_putc(o, ',');
            json_sources(o, w->story, &it->values[k].src);
            tdp_buf_putc(o, '}');
        }
        tdp_buf_putc(o, ']');
    }
    if (it->src) {
        if (comma)
            tdp_buf_putc(o, ',');
        json_sources(o, w->story, it->src);
    }
    tdp_buf_putc(o, '}');
}

static void j_end(tdp_walker *w, const tdp_section *sec)
{
    (void)sec;
    tdp_buf_putc(w->out, ']');
}

void tdp_brief_json_section(tdp_buf *o, const td_story *s, const tdp_section *sec)
{
    tdp_walker w = {.item = j_item, .out = o, .story = s};
    tdp_buf_putc(o, '[');
    sec->describe(s, &w);
    tdp_buf_putc(o, ']');
}

void tdp_brief_json(tdp_buf *o, const td_story *s)
{
    tdp_buf_printf(o, "{\"id\":%llu,\"headline\":", (unsigned long long)td_story_id(s));
    tdp_buf_json_cstr(o, td_story_headline(s));
    td_date first = td_story_first(s), last = td_story_last(s);
    tdp_buf_puts(o, ",\"first\":");
    json_date(o, &first);
    tdp_buf_puts(o, ",\"last\":");
    json_date(o, &last);
    tdp_buf_printf(o, ",\"independent_sources\":%zu,\"articles\":[",
                   td_story_independent_count(s));
    for (size_t i = 0; i < td_story_article_count(s); i++) {
        const td_article *a = td_story_article(s, i);
        tdp_buf_puts(o, i ? ",{\"id\":" : "{\"id\":");
        tdp_buf_json_cstr(o, td_article_id(a));
        tdp_buf_puts(o, ",\"outlet\":");
        tdp_buf_json_cstr(o, td_article_outlet(a));
        tdp_buf_puts(o, ",\"title\":");
        tdp_buf_json_cstr(o, td_article_title(a));
        tdp_buf_puts(o, ",\"date\":");
        td_date d = td_article_date(a);
        json_date(o, &d);
        tdp_buf_puts(o, ",\"copy_of\":");
        long of = td_story_copy_of(s, i);
        if (of >= 0)
            tdp_buf_json_cstr(o, td_article_id(td_story_article(s, (size_t)of)));
        else
            tdp_buf_puts(o, "null");
        tdp_buf_putc(o, '}');
    }
    tdp_buf_putc(o, ']');
    tdp_walker w = {.begin = j_begin, .item = j_item, .end = j_end, .out = o};
    tdp_walk_sections(s, &w);
    tdp_buf_putc(o, '}');
}

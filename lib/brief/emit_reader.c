/*
 * emit_reader.c - the body of an item in the formats written for people
 * (Markdown, HTML): the same layout in both, each format saying what goes around
 * the parts and how a crawled string is made safe (tdp_rfmt).
 */
#include "brief/section.h"

/* A part's text: its string, or NULL when it has none to show. */
static const char *part_text(const tdp_part *p)
{
    return p->kind == TDP_STR ? p->s : NULL;
}

const char *tdp_item_text(const tdp_item *it)
{
    for (size_t i = 0; i < it->n_parts; i++) {
        const tdp_part *p = &it->part[i];
        if ((p->role == TDP_ROLE_TEXT || p->role == TDP_ROLE_QUOTE ||
             p->role == TDP_ROLE_STRONG) && part_text(p))
            return p->s;
    }
    return NULL;
}

bool tdp_reader_leads(tdp_buf *o, const tdp_rfmt *f, const tdp_item *it)
{
    bool any = false;
    for (size_t i = 0; i < it->n_parts; i++) {
        const tdp_part *p = &it->part[i];
        if (p->role != TDP_ROLE_LEAD)
            continue;
        if (p->kind == TDP_DATE && p->date.prec) {
            tdp_buf_puts(o, any ? ", " : "");
            tdp_brief_put_day(o, &p->date);
            any = true;
        } else if (part_text(p)) {
            tdp_buf_puts(o, any ? ", " : "");
            f->text(o, p->s);
            any = true;
        }
    }
    return any;
}

/* Writes the parts of one role (strings only), each between pre and post. */
static void parts(tdp_buf *o, const tdp_rfmt *f, const tdp_item *it, tdp_role role,
                  const char *pre, const char *post)
{
    for (size_t i = 0; i < it->n_parts; i++) {
        const tdp_part *p = &it->part[i];
        if (p->role != role || !part_text(p))
            continue;
        tdp_buf_puts(o, pre);
        f->text(o, p->s);
        tdp_buf_puts(o, post);
    }
}

void tdp_reader_item(tdp_buf *o, const tdp_rfmt *f, const td_story *s, const tdp_item *it,
                     bool leads)
{
    const char *own = tdp_item_text(it);
    for (size_t i = 0; i < it->n_parts; i++) {
        const tdp_part *p = &it->part[i];
        if (p->role == TDP_ROLE_FLAG && p->kind == TDP_BOOL && p->yes)
            tdp_buf_printf(o, "%s%s%s", f->flag[0], p->key, f->flag[1]);
    }
    bool lead = leads && tdp_reader_leads(o, f, it);
    if (lead)
        tdp_buf_putc(o, ':');
    if (own && lead)
        tdp_buf_putc(o, ' ');
    parts(o, f, it, TDP_ROLE_TEXT, "", "");
    parts(o, f, it, TDP_ROLE_QUOTE, f->quote[0], f->quote[1]);
    parts(o, f, it, TDP_ROLE_STRONG, f->strong[0], f->strong[1]);
    parts(o, f, it, TDP_ROLE_AFTER, ", ", "");
    for (size_t i = 0; i < it->n_parts; i++) {
        const tdp_part *p = &it->part[i];
        if (p->role != TDP_ROLE_ALSO || p->kind != TDP_STRS)
            continue;
        bool also = false;
        for (uint32_t v = 0; v < p->n; v++) {
            if (own && !strcmp(p->strs[v], own))
                continue;
            tdp_buf_puts(o, also ? ", " : " (also ");
            f->text(o, p->strs[v]);
            also = true;
        }
        if (also)
            tdp_buf_putc(o, ')');
    }
    parts(o, f, it, TDP_ROLE_BY, f->by[0], f->by[1]);
    if (it->src && it->count)
        tdp_buf_printf(o, ", %u independent sources", it->src->n_indep);
    if (it->src)
        f->sources(o, s, it->src);
    for (size_t k = 0; k < it->n_values; k++) {
        tdp_buf_puts(o, k ? "; " : " ");
        tdp_buf_puts(o, f->strong[0]);
        f->text(o, it->values[k].value);
        tdp_buf_puts(o, f->strong[1]);
        f->sources(o, s, &it->values[k].src);
    }
}

void tdp_reader_article(tdp_buf *o, const tdp_rfmt *f, const td_story *s, size_t i)
{
    const td_article *a = td_story_article(s, i);
    const char *outlet = td_article_outlet(a), *title = td_article_title(a);
    td_date d = td_article_date(a);
    if (outlet) {
        tdp_buf_puts(o, ", ");
        f->text(o, outlet);
    }
    if (d.prec) {
        tdp_buf_puts(o, ", ");
        tdp_brief_put_day(o, &d);
    }
    if (title) {
        tdp_buf_puts(o, ": ");
        f->text(o, title);
    }
    long of = td_story_copy_of(s, i);
    if (of >= 0)
        tdp_buf_printf(o, " %s(copy of %ld)%s", f->copy[0], of + 1, f->copy[1]);
}

bool tdp_web_url(const char *url)
{
    return url && (!strncmp(url, "http://", 7) || !strncmp(url, "https://", 8));
}

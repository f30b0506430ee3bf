/*
 * emit_md.c - one story's brief as Markdown, for a terminal or a file: a section
 * per story, read through the public views; the brief's sections through the
 * Markdown walker (a heading and a list, or one line of names), sources as
 * numbers [1] into the story's source list at its end.
 */
#include "brief/section.h"

static void md_text(tdp_buf *o, const char *s)
{
    tdp_buf_puts(o, s);
}

static void md_sources(tdp_buf *o, const td_story *story, const td_sources *s)
{
    (void)story;
    tdp_buf_puts(o, " [");
    for (uint32_t i = 0; i < s->n; i++) {
        /* runs of three or more consecutive sources as a range: [2-5] */
        uint32_t j = i;
        while (j + 1 < s->n && s->ids[j + 1] == s->ids[j] + 1)
            j++;
        if (i)
            tdp_buf_puts(o, ", ");
        if (j >= i + 2) {
            tdp_buf_printf(o, "%u-%u", s->ids[i] + 1, s->ids[j] + 1);
            i = j;
        } else {
            tdp_buf_printf(o, "%u", s->ids[i] + 1);
        }
    }
    /* copies are sources but not independent ones: say so */
    if (s->n_indep < s->n)
        tdp_buf_printf(o, "; %u independent", s->n_indep);
    tdp_buf_putc(o, ']');
}

static const tdp_rfmt k_md = {md_text, md_sources, {"", ""}, {"\"", "\""}, {" (", ")"},
                              {"(", ") "}, {"", ""}};

void tdp_brief_put_day(tdp_buf *o, const td_date *d)
{
    char s[32];
    td_date x = *d;
    if (x.prec == TD_DATE_MINUTE)
        x.prec = TD_DATE_DAY;
    td_date_format(&x, s, sizeof s);
    tdp_buf_puts(o, s);
}

void tdp_brief_put_meta(tdp_buf *o, const td_story *s)
{
    size_t n = td_story_article_count(s);
    td_date first = td_story_first(s), last = td_story_last(s);
    tdp_buf_printf(o, "Story %llu: %zu article%s, %zu independent",
                   (unsigned long long)td_story_id(s), n, n == 1 ? "" : "s",
                   td_story_independent_count(s));
    if (first.prec) {
        tdp_buf_puts(o, ", ");
        tdp_brief_put_day(o, &first);
        if (td_date_days(&first) != td_date_days(&last)) {
            tdp_buf_puts(o, " to ");
            tdp_brief_put_day(o, &last);
        }
    }
}

/* The walker: a section's heading comes with its first item shown, so an empty
 * section (or one of minor items only) leaves no trace. */
static void m_item(tdp_walker *w, const tdp_item *it)
{
    const tdp_section *sec = w->sec;
    tdp_buf *o = w->out;
    w->n_items++;
    if (it->minor)
        return;
    w->n_shown++;
    if (sec->md_max && w->n_shown > sec->md_max)
        return;
    if (sec->shape == TDP_SHAPE_INLINE) {
        if (w->n_shown == 1)
            tdp_buf_printf(o, "\n%s: ", sec->heading);
        else
            tdp_buf_puts(o, ", ");
        if (tdp_item_text(it))
            md_text(o, tdp_item_text(it));
        return;
    }
    if (w->n_shown == 1)
        tdp_buf_printf(o, "\n## %s\n\n", sec->heading);
    tdp_buf_puts(o, "- ");
    tdp_reader_item(o, &k_md, w->story, it, true);
    tdp_buf_putc(o, '\n');
}

static void m_end(tdp_walker *w, const tdp_section *sec)
{
    size_t more = sec->md_max && w->n_shown > sec->md_max ? w->n_shown - sec->md_max : 0;
    if (sec->shape == TDP_SHAPE_INLINE) {
        if (more)
            tdp_buf_printf(w->out, " and %zu more", more);
        if (w->n_shown)
            tdp_buf_puts(w->out, ".\n");
    } else if (more) {
        tdp_buf_printf(w->out, "- ... %zu more (see --json)\n", more);
    }
}

void tdp_brief_markdown(tdp_buf *o, const td_story *s)
{
    const char *headline = td_story_headline(s);
    tdp_buf_puts(o, "# ");
    if (headline)
        md_text(o, headline);
    else
        tdp_buf_puts(o, "(untitled)");
    tdp_buf_puts(o, "\n\n");
    tdp_brief_put_meta(o, s);
    tdp_buf_puts(o, ".\n");
    tdp_walker w = {.item = m_item, .end = m_end, .out = o};
    tdp_walk_sections(s, &w);
    tdp_buf_puts(o, "\n## Sources\n\n");
    for (size_t i = 0; i < td_story_article_count(s); i++) {
        const char *id = td_article_id(td_story_article(s, i));
        tdp_buf_printf(o, "%zu. ", i + 1);
        md_text(o, id ? id : "?");
        tdp_reader_article(o, &k_md, s, i);
        tdp_buf_putc(o, '\n');
    }
}

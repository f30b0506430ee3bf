/*
 * emit_md.c - one story's brief as Markdown, for a terminal or a file: a section
 * per story, sources as numbers [1] into the story's source list at its end.
 */
#include "brief/brief_p.h"

#define MD_PEOPLE 15
#define MD_NAMES 12
#define MD_QUOTES 10
#define MD_TIMELINE 40

static void md_sources(tdp_buf *o, const tdp_srcs *s)
{
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

void tdp_brief_put_day(tdp_buf *o, const td_date *d)
{
    char s[32];
    td_date x = *d;
    if (x.prec == TD_DATE_MINUTE)
        x.prec = TD_DATE_DAY;
    td_date_format(&x, s, sizeof s);
    tdp_buf_puts(o, s);
}

void tdp_brief_put_meta(tdp_buf *o, const tdp_brief *b, size_t story_id)
{
    tdp_buf_printf(o, "Story %zu: %zu article%s, %zu independent", story_id, b->n_arts,
                   b->n_arts == 1 ? "" : "s", b->n_indep);
    if (b->first.prec) {
        tdp_buf_puts(o, ", ");
        tdp_brief_put_day(o, &b->first);
        if (td_date_days(&b->first) != td_date_days(&b->last)) {
            tdp_buf_puts(o, " to ");
            tdp_brief_put_day(o, &b->last);
        }
    }
}

static void md_names(tdp_buf *o, const char *head, const tdp_bentity *e, size_t n)
{
    if (!n)
        return;
    tdp_buf_printf(o, "\n%s: ", head);
    for (size_t i = 0; i < n && i < MD_NAMES; i++)
        tdp_buf_printf(o, "%s%s", i ? ", " : "", e[i].name);
    if (n > MD_NAMES)
        tdp_buf_printf(o, " and %zu more", n - MD_NAMES);
    tdp_buf_puts(o, ".\n");
}

void tdp_brief_markdown(tdp_buf *o, td_article *const *arts, const tdp_brief *b,
                        size_t story_id)
{
    tdp_buf_printf(o, "# %s\n\n", b->headline ? b->headline : "(untitled)");
    tdp_brief_put_meta(o, b, story_id);
    tdp_buf_puts(o, ".\n");

    if (b->n_summary) {
        tdp_buf_puts(o, "\n## Summary\n\n");
        for (size_t i = 0; i < b->n_summary; i++) {
            tdp_buf_printf(o, "- %s", b->summary[i].text);
            md_sources(o, &b->summary[i].src);
            tdp_buf_putc(o, '\n');
        }
    }
    if (b->n_timeline) {
        tdp_buf_puts(o, "\n## Timeline\n\n");
        for (size_t i = 0; i < b->n_timeline && i < MD_TIMELINE; i++) {
            tdp_buf_puts(o, "- ");
            tdp_brief_put_day(o, &b->timeline[i].date);
            tdp_buf_printf(o, ": %s", b->timeline[i].text);
            md_sources(o, &b->timeline[i].src);
            tdp_buf_putc(o, '\n');
        }
        if (b->n_timeline > MD_TIMELINE)
            tdp_buf_printf(o, "- ... %zu more dated events (see --json)\n",
                           b->n_timeline - MD_TIMELINE);
    }
    if (b->n_people) {
        tdp_buf_puts(o, "\n## People\n\n");
        for (size_t i = 0; i < b->n_people && i < MD_PEOPLE; i++) {
            const tdp_bentity *e = &b->people[i];
            tdp_buf_printf(o, "- %s", e->name);
            if (e->title)
                tdp_buf_printf(o, ", %s", e->title);
            bool also = false;
            for (uint32_t v = 0; v < e->n_variants; v++) {
                if (!strcmp(e->variants[v], e->name))
                    continue;
                tdp_buf_printf(o, "%s%s", also ? ", " : " (also ", e->variants[v]);
                also = true;
            }
            if (also)
                tdp_buf_putc(o, ')');
            md_sources(o, &e->src);
            tdp_buf_putc(o, '\n');
        }
        if (b->n_people > MD_PEOPLE)
            tdp_buf_printf(o, "- ... %zu more\n", b->n_people - MD_PEOPLE);
    }
    md_names(o, "Organisations", b->orgs, b->n_orgs);
    md_names(o, "Places", b->places, b->n_places);
    if (b->n_quotes) {
        tdp_buf_puts(o, "\n## Quotes\n\n");
        for (size_t i = 0; i < b->n_quotes && i < MD_QUOTES; i++) {
            tdp_buf_printf(o, "- %s\"%s\"", b->quotes[i].partial ? "(partial) " : "",
                           b->quotes[i].text);
            if (b->quotes[i].speaker)
                tdp_buf_printf(o, " (%s)", b->quotes[i].speaker);
            md_sources(o, &b->quotes[i].src);
            tdp_buf_putc(o, '\n');
        }
        if (b->n_quotes > MD_QUOTES)
            tdp_buf_printf(o, "- ... %zu more\n", b->n_quotes - MD_QUOTES);
    }
    bool head = false;
    for (size_t i = 0; i < b->n_facts; i++) {
        const tdp_bfact *f = &b->facts[i];
        if (f->n_claims < 2)
            continue;
        if (!head)
            tdp_buf_puts(o, "\n## Where the sources disagree\n\n");
        head = true;
        tdp_buf_printf(o, "- %s, %s:", f->subject, f->attr);
        for (uint32_t k = 0; k < f->n_claims; k++) {
            tdp_buf_printf(o, "%s %s", k ? ";" : "", f->claims[k].value);
            md_sources(o, &f->claims[k].src);
        }
        tdp_buf_putc(o, '\n');
    }
    head = false;
    for (size_t i = 0; i < b->n_facts; i++) {
        const tdp_bfact *f = &b->facts[i];
        if (f->n_claims != 1 || f->claims[0].src.n_indep < 2)
            continue;
        if (!head)
            tdp_buf_puts(o, "\n## Corroborated\n\n");
        head = true;
        tdp_buf_printf(o, "- %s, %s: %s, %u independent sources", f->subject, f->attr,
                       f->claims[0].value, f->claims[0].src.n_indep);
        md_sources(o, &f->claims[0].src);
        tdp_buf_putc(o, '\n');
    }
    tdp_buf_puts(o, "\n## Sources\n\n");
    for (size_t i = 0; i < b->n_arts; i++) {
        const td_article *a = arts[b->arts[i]];
        const char *outlet = td_article_outlet(a);
        const char *title = td_article_title(a);
        td_date d = td_article_date(a);
        tdp_buf_printf(o, "%zu. %s", i + 1, td_article_id(a) ? td_article_id(a) : "?");
        if (outlet)
            tdp_buf_printf(o, ", %s", outlet);
        if (d.prec) {
            tdp_buf_puts(o, ", ");
            tdp_brief_put_day(o, &d);
        }
        if (title)
            tdp_buf_printf(o, ": %s", title);
        if (b->copy_of[i] >= 0)
            tdp_buf_printf(o, " (copy of %d)", b->copy_of[i] + 1);
        tdp_buf_putc(o, '\n');
    }
}

/*
 * emit_html.c - the briefs as one self-contained HTML page (inline style, no
 * script, nothing fetched): a section per story with the same parts as the
 * Markdown, and sources linked to the story's source list.
 */
#include "brief/brief_p.h"

static void esc(tdp_buf *o, const char *s)
{
    if (!s)
        return;
    size_t run = 0, i = 0;
    for (; s[i]; i++) {
        const char *r = NULL;
        switch (s[i]) {
        case '&': r = "&amp;"; break;
        case '<': r = "&lt;"; break;
        case '>': r = "&gt;"; break;
        case '"': r = "&quot;"; break;
        default: continue;
        }
        tdp_buf_put(o, s + run, i - run);
        tdp_buf_puts(o, r);
        run = i + 1;
    }
    tdp_buf_put(o, s + run, i - run);
}

static void h_sources(tdp_buf *o, const tdp_srcs *s, size_t story)
{
    tdp_buf_puts(o, " <span class=src>[");
    for (uint32_t i = 0; i < s->n; i++)
        tdp_buf_printf(o, "%s<a href=\"#s%zu-%u\">%u</a>", i ? ", " : "", story,
                       s->ids[i] + 1, s->ids[i] + 1);
    if (s->n_indep < s->n)
        tdp_buf_printf(o, "; %u independent", s->n_indep);
    tdp_buf_puts(o, "]</span>");
}

void tdp_brief_html_head(tdp_buf *o)
{
    tdp_buf_puts(o,
                 "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n"
                 "<title>tidings: briefs</title>\n<style>\n"
                 "body{font:16px/1.5 Georgia,serif;max-width:52em;margin:2em auto;padding:0 1em;color:#222}\n"
                 "h1{font-size:1.5em;margin-top:2.5em;border-top:1px solid #ccc;padding-top:1em}\n"
                 "h2{font-size:1.05em;font-family:sans-serif;text-transform:uppercase;color:#555}\n"
                 ".meta,.src{font-family:sans-serif;font-size:.8em;color:#777}\n"
                 ".src a{color:#36c;text-decoration:none}\n"
                 "td,th{text-align:left;vertical-align:top;padding:.1em .8em .1em 0}\n"
                 ".date{font-family:monospace;white-space:nowrap}\n"
                 ".disc{background:#fff4e5}\n"
                 "</style></head><body>\n");
}

void tdp_brief_html_tail(tdp_buf *o)
{
    tdp_buf_puts(o, "</body></html>\n");
}

static void h_entities(tdp_buf *o, const char *head, const tdp_bentity *e, size_t n)
{
    if (!n)
        return;
    tdp_buf_printf(o, "<p><b>%s:</b> ", head);
    for (size_t i = 0; i < n; i++) {
        if (i)
            tdp_buf_puts(o, ", ");
        esc(o, e[i].name);
    }
    tdp_buf_puts(o, ".</p>\n");
}

void tdp_brief_html(tdp_buf *o, td_article *const *arts, const tdp_brief *b, size_t story)
{
    tdp_buf_printf(o, "<section id=\"story%zu\">\n<h1>", story);
    esc(o, b->headline ? b->headline : "(untitled)");
    tdp_buf_puts(o, "</h1>\n<p class=meta>");
    tdp_brief_put_meta(o, b, story);
    tdp_buf_puts(o, ".</p>\n");
    if (b->n_summary) {
        tdp_buf_puts(o, "<h2>Summary</h2>\n<ul>\n");
        for (size_t i = 0; i < b->n_summary; i++) {
            tdp_buf_puts(o, "<li>");
            esc(o, b->summary[i].text);
            h_sources(o, &b->summary[i].src, story);
            tdp_buf_puts(o, "</li>\n");
        }
        tdp_buf_puts(o, "</ul>\n");
    }
    if (b->n_timeline) {
        tdp_buf_puts(o, "<h2>Timeline</h2>\n<table>\n");
        for (size_t i = 0; i < b->n_timeline; i++) {
            tdp_buf_puts(o, "<tr><td class=date>");
            tdp_brief_put_day(o, &b->timeline[i].date);
            tdp_buf_puts(o, "</td><td>");
            esc(o, b->timeline[i].text);
            h_sources(o, &b->timeline[i].src, story);
            tdp_buf_puts(o, "</td></tr>\n");
        }
        tdp_buf_puts(o, "</table>\n");
    }
    if (b->n_people) {
        tdp_buf_puts(o, "<h2>People</h2>\n<ul>\n");
        for (size_t i = 0; i < b->n_people; i++) {
            const tdp_bentity *e = &b->people[i];
            tdp_buf_puts(o, "<li><b>");
            esc(o, e->name);
            tdp_buf_puts(o, "</b>");
            if (e->title) {
                tdp_buf_puts(o, ", ");
                esc(o, e->title);
            }
            bool also = false;
            for (uint32_t v = 0; v < e->n_variants; v++) {
                if (!strcmp(e->variants[v], e->name))
                    continue;
                tdp_buf_puts(o, also ? ", " : " (also ");
                esc(o, e->variants[v]);
                also = true;
            }
            if (also)
                tdp_buf_putc(o, ')');
            h_sources(o, &e->src, story);
            tdp_buf_puts(o, "</li>\n");
        }
        tdp_buf_puts(o, "</ul>\n");
    }
    h_entities(o, "Organisations", b->orgs, b->n_orgs);
    h_entities(o, "Places", b->places, b->n_places);
    if (b->n_quotes) {
        tdp_buf_puts(o, "<h2>Quotes</h2>\n");
        for (size_t i = 0; i < b->n_quotes; i++) {
            tdp_buf_puts(o, "<blockquote>");
            if (b->quotes[i].partial)
                tdp_buf_puts(o, "<i>(partial)</i> ");
            tdp_buf_puts(o, "&ldquo;");
            esc(o, b->quotes[i].text);
            tdp_buf_puts(o, "&rdquo;");
            if (b->quotes[i].speaker) {
                tdp_buf_puts(o, " &mdash; ");
                esc(o, b->quotes[i].speaker);
            }
            h_sources(o, &b->quotes[i].src, story);
            tdp_buf_puts(o, "</blockquote>\n");
        }
    }
    bool head = false;
    for (size_t i = 0; i < b->n_facts; i++) {
        const tdp_bfact *f = &b->facts[i];
        if (f->n_claims < 2)
            continue;
        if (!head)
            tdp_buf_puts(o, "<h2>Where the sources disagree</h2>\n<ul class=disc>\n");
        head = true;
        tdp_buf_puts(o, "<li>");
        esc(o, f->subject);
        tdp_buf_printf(o, ", %s:", f->attr);
        for (uint32_t k = 0; k < f->n_claims; k++) {
            tdp_buf_puts(o, k ? "; <b>" : " <b>");
            esc(o, f->claims[k].value);
            tdp_buf_puts(o, "</b>");
            h_sources(o, &f->claims[k].src, story);
        }
        tdp_buf_puts(o, "</li>\n");
    }
    if (head)
        tdp_buf_puts(o, "</ul>\n");
    head = false;
    for (size_t i = 0; i < b->n_facts; i++) {
        const tdp_bfact *f = &b->facts[i];
        if (f->n_claims != 1 || f->claims[0].src.n_indep < 2)
            continue;
        if (!head)
            tdp_buf_puts(o, "<h2>Corroborated</h2>\n<ul>\n");
        head = true;
        tdp_buf_puts(o, "<li>");
        esc(o, f->subject);
        tdp_buf_printf(o, ", %s: <b>", f->attr);
        esc(o, f->claims[0].value);
        tdp_buf_printf(o, "</b>, %u independent sources", f->claims[0].src.n_indep);
        h_sources(o, &f->claims[0].src, story);
        tdp_buf_puts(o, "</li>\n");
    }
    if (head)
        tdp_buf_puts(o, "</ul>\n");
    tdp_buf_puts(o, "<h2>Sources</h2>\n<ol>\n");
    for (size_t i = 0; i < b->n_arts; i++) {
        const td_article *a = arts[b->arts[i]];
        const char *url = td_article_url(a);
        td_date d = td_article_date(a);
        tdp_buf_printf(o, "<li id=\"s%zu-%zu\">", story, i + 1);
        if (url && (!strncmp(url, "http://", 7) || !strncmp(url, "https://", 8))) {
            tdp_buf_puts(o, "<a href=\"");
            esc(o, url);
            tdp_buf_puts(o, "\">");
            esc(o, td_article_id(a) ? td_article_id(a) : "?");
            tdp_buf_puts(o, "</a>");
        } else {
            esc(o, td_article_id(a) ? td_article_id(a) : "?");
        }
        if (td_article_outlet(a)) {
            tdp_buf_puts(o, ", ");
            esc(o, td_article_outlet(a));
        }
        if (d.prec) {
            tdp_buf_puts(o, ", ");
            tdp_brief_put_day(o, &d);
        }
        if (td_article_title(a)) {
            tdp_buf_puts(o, ": ");
            esc(o, td_article_title(a));
        }
        if (b->copy_of[i] >= 0)
            tdp_buf_printf(o, " <i>(copy of %d)</i>", b->copy_of[i] + 1);
        tdp_buf_puts(o, "</li>\n");
    }
    tdp_buf_puts(o, "</ol>\n</section>\n");
}

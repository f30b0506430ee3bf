/*
 * emit_html.c - the briefs as one self-contained HTML page (inline style, no
 * script, nothing fetched): a section per story, read through the public views,
 * with the same parts as the Markdown (the HTML walker shows every item), and
 * sources linked to the story's source list. Every crawled string goes through
 * h_text; links go only within the page or to http(s) URLs.
 */
#include "brief/section.h"

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

/* A crawled string: escaped, and isolated in a <bdi> so that its direction
 * (a right-to-left name, or an override such as U+202E) stays inside it and
 * never reorders the report's own text around it. */
static void h_text(tdp_buf *o, const char *s)
{
    tdp_buf_puts(o, "<bdi>");
    esc(o, s);
    tdp_buf_puts(o, "</bdi>");
}

static void h_sources(tdp_buf *o, const td_story *story, const td_sources *s)
{
    unsigned long long id = (unsigned long long)td_story_id(story);
    tdp_buf_puts(o, " <span class=src>[");
    for (uint32_t i = 0; i < s->n; i++)
        tdp_buf_printf(o, "%s<a href=\"#s%llu-%u\">%u</a>", i ? ", " : "", id, s->ids[i] + 1,
                       s->ids[i] + 1);
    if (s->n_indep < s->n)
        tdp_buf_printf(o, "; %u independent", s->n_indep);
    tdp_buf_puts(o, "]</span>");
}

static const tdp_rfmt k_html = {h_text, h_sources, {"<b>", "</b>"}, {"&ldquo;", "&rdquo;"},
                                {" &mdash; ", ""}, {"<i>(", ")</i> "},
                                {"<i>", "</i>"}};

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
                 ".discrepancies{background:#fff4e5}\n"
                 "</style></head><body>\n");
}

void tdp_brief_html_tail(tdp_buf *o)
{
    tdp_buf_puts(o, "</body></html>\n");
}

/* The walker: every item a reader should see, in the section's shape; the
 * heading comes with the first, so an empty section leaves no trace. */
static void h_item(tdp_walker *w, const tdp_item *it)
{
    const tdp_section *sec = w->sec;
    tdp_buf *o = w->out;
    w->n_items++;
    if (it->minor)
        return;
    bool first = !w->n_shown++;
    switch (sec->shape) {
    case TDP_SHAPE_INLINE:
        if (first)
            tdp_buf_printf(o, "<p><b>%s:</b> ", sec->heading);
        else
            tdp_buf_puts(o, ", ");
        if (tdp_item_text(it))
            h_text(o, tdp_item_text(it));
        return;
    case TDP_SHAPE_TABLE:
        if (first)
            tdp_buf_printf(o, "<h2>%s</h2>\n<table>\n", sec->heading);
        tdp_buf_puts(o, "<tr><td class=date>");
        tdp_reader_leads(o, &k_html, it);
        tdp_buf_puts(o, "</td><td>");
        tdp_reader_item(o, &k_html, w->story, it, false);
        tdp_buf_puts(o, "</td></tr>\n");
        return;
    case TDP_SHAPE_QUOTES:
        if (first)
            tdp_buf_printf(o, "<h2>%s</h2>\n", sec->heading);
        tdp_buf_puts(o, "<blockquote>");
        tdp_reader_item(o, &k_html, w->story, it, true);
        tdp_buf_puts(o, "</blockquote>\n");
        return;
    default:
        if (first)
            tdp_buf_printf(o, "<h2>%s</h2>\n<ul class=%s>\n", sec->heading, sec->name);
        tdp_buf_puts(o, "<li>");
        tdp_reader_item(o, &k_html, w->story, it, true);
        tdp_buf_puts(o, "</li>\n");
        return;
    }
}

static void h_end(tdp_walker *w, const tdp_section *sec)
{
    if (!w->n_shown)
        return;
    switch (sec->shape) {
    case TDP_SHAPE_INLINE: tdp_buf_puts(w->out, ".</p>\n"); break;
    case TDP_SHAPE_TABLE: tdp_buf_puts(w->out, "</table>\n"); break;
    case TDP_SHAPE_QUOTES: break;
    default: tdp_buf_puts(w->out, "</ul>\n"); break;
    }
}

void tdp_brief_html(tdp_buf *o, const td_story *s)
{
    unsigned long long id = (unsigned long long)td_story_id(s);
    const char *headline = td_story_headline(s);
    tdp_buf_printf(o, "<section id=\"story%llu\">\n<h1>", id);
    if (headline)
        h_text(o, headline);
    else
        tdp_buf_puts(o, "(untitled)");
    tdp_buf_puts(o, "</h1>\n<p class=meta>");
    tdp_brief_put_meta(o, s);
    tdp_buf_puts(o, ".</p>\n");
    tdp_walker w = {.item = h_item, .end = h_end, .out = o};
    tdp_walk_sections(s, &w);
    tdp_buf_puts(o, "<h2>Sources</h2>\n<ol>\n");
    for (size_t i = 0; i < td_story_article_count(s); i++) {
        const td_article *a = td_story_article(s, i);
        const char *url = td_article_url(a), *aid = td_article_id(a);
        tdp_buf_printf(o, "<li id=\"s%llu-%zu\">", id, i + 1);
        if (tdp_web_url(url)) {
            tdp_buf_puts(o, "<a href=\"");
            esc(o, url);
            tdp_buf_puts(o, "\">");
            h_text(o, aid ? aid : "?");
            tdp_buf_puts(o, "</a>");
        } else {
            h_text(o, aid ? aid : "?");
        }
        tdp_reader_article(o, &k_html, s, i);
        tdp_buf_puts(o, "</li>\n");
    }
    tdp_buf_puts(o, "</ol>\n</section>\n");
}

TD_API td_status td_corpus_story_html(const td_corpus *c, size_t story, char **out,
                                      size_t *len)
{
    const td_story *s = td_corpus_story(c, story);
    if (!s || !out)
        return TD_EARG;
    tdp_buf b = TDP_BUF_INIT;
    tdp_brief_html_head(&b);
    tdp_brief_html(&b, s);
    tdp_brief_html_tail(&b);
    return tdp_brief_finish(&b, out, len);
}

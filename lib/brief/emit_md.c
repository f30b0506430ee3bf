/*
 * emit_md.c - one story's brief as Markdown, for a terminal or a file: a section
 * per story, read through the public views; the brief's sections through the
 * Markdown walker (a heading and a list, or one line of names), sources as
 * numbers [1] into the story's source list at its end, each linked to its
 * article when the article has an http(s) URL. Every crawled string goes
 * through md_text.
 */
#include "brief/section.h"

/*
 * A crawled string made inert for Markdown: whatever a title, an outlet, a quote
 * or an id holds, it stays text on the line it was put on.
 *  - Line breaks (CR, LF, VT, FF, NEL, U+2028, U+2029) and every other control
 *    character become a space, so no string can start a line of its own (a
 *    heading, a list, a quotation, a table, a fence).
 *  - Leading blanks go, and a leading block marker ("#", "-", "+", "=", ">",
 *    "1. " or "1) ") is escaped, for the string written right after "- " or "1. ".
 *  - Backslash, backquote, "*", "[", "]", "<", "~" are escaped everywhere (no
 *    emphasis, code, link, image, autolink, raw HTML or strike-through); "_" where
 *    it could open or close emphasis (not between two letters or digits, so ids
 *    such as 004_5e26 read as they are); "&" before a letter, digit or "#" (no
 *    character reference).
 *  - A string holding bidirectional controls (U+202A-U+202E, U+2066-U+2069) is
 *    isolated between U+2068 and U+2069, so that it cannot reorder the text
 *    around it in a renderer that applies them.
 */
static bool md_alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* Length of a bidirectional control starting at s (0 if none). */
static size_t bidi_control(const unsigned char *s)
{
    if (s[0] != 0xE2)
        return 0;
    if (s[1] == 0x80 && s[2] >= 0xAA && s[2] <= 0xAE)
        return 3; /* LRE RLE PDF LRO RLO */
    if (s[1] == 0x81 && s[2] >= 0xA6 && s[2] <= 0xA9)
        return 3; /* LRI RLI FSI PDI */
    return 0;
}

/* Length of a line break or control character starting at s (0 if none). */
static size_t md_control(const unsigned char *s)
{
    if (s[0] < 0x20 || s[0] == 0x7F)
        return 1;
    if (s[0] == 0xC2 && s[1] >= 0x80 && s[1] <= 0x9F)
        return 2; /* C1 controls, NEL among them */
    if (s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0xA8 || s[2] == 0xA9))
        return 3; /* line and paragraph separators */
    return 0;
}

/* Bytes md_text looks at; every other byte is copied as it is, in runs. */
static bool md_special(unsigned char c)
{
    return c < 0x20 || c == 0x7F || c == 0xC2 || c == 0xE2 || strchr("\\`*[]<~_&.)", c);
}

static void md_text(tdp_buf *o, const char *str)
{
    const unsigned char *s = (const unsigned char *)str;
    while (*s == ' ' || *s == '\t')
        s++;
    bool isolate = false;
    for (const char *p = strchr((const char *)s, 0xE2); p && !isolate; p = strchr(p + 1, 0xE2))
        isolate = bidi_control((const unsigned char *)p) > 0;
    if (isolate)
        tdp_buf_puts(o, "\xE2\x81\xA8"); /* FSI */
    size_t lead = 0; /* a leading "12." or "12)" */
    while (s[lead] >= '0' && s[lead] <= '9')
        lead++;
    if (!lead && s[0] && strchr("#-+=>", s[0]))
        tdp_buf_putc(o, '\\');
    size_t run = 0, i = 0;
    for (; s[i]; i++) {
        unsigned char c = s[i];
        if (!md_special(c))
            continue;
        tdp_buf_put(o, s + run, i - run);
        run = i;
        size_t n = md_control(s + i);
        if (n) {
            tdp_buf_putc(o, ' ');
            i += n - 1;
            run = i + 1;
            continue;
        }
        bool esc = false;
        switch (c) {
        case '\\': case '`': case '*': case '[': case ']': case '<': case '~':
            esc = true;
            break;
        case '_':
            esc = !(i > 0 && md_alnum(s[i - 1]) && md_alnum(s[i + 1]));
            break;
        case '&':
            esc = md_alnum(s[i + 1]) || s[i + 1] == '#';
            break;
        case '.': case ')': /* "12. " opens a list; "5.9" does not */
            esc = lead && i == lead && (!s[i + 1] || s[i + 1] == ' ' || s[i + 1] == '\t');
            break;
        }
        if (esc)
            tdp_buf_putc(o, '\\');
    }
    tdp_buf_put(o, s + run, i - run);
    if (isolate)
        tdp_buf_puts(o, "\xE2\x81\xA9"); /* PDI */
}

/* A link's destination: an http(s) URL with the bytes that could end it or
 * break the line percent-encoded. */
static void md_url(tdp_buf *o, const char *url)
{
    for (const unsigned char *p = (const unsigned char *)url; *p; p++) {
        if (*p <= 0x20 || *p == 0x7F || strchr("()<>\\\"'`", *p))
            tdp_buf_printf(o, "%%%02X", *p);
        else
            tdp_buf_putc(o, (char)*p);
    }
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
        const td_article *a = td_story_article(s, i);
        const char *id = td_article_id(a), *url = td_article_url(a);
        tdp_buf_printf(o, "%zu. ", i + 1);
        if (tdp_web_url(url)) {
            tdp_buf_putc(o, '[');
            md_text(o, id ? id : "?");
            tdp_buf_puts(o, "](");
            md_url(o, url);
            tdp_buf_putc(o, ')');
        } else {
            md_text(o, id ? id : "?");
        }
        tdp_reader_article(o, &k_md, s, i);
        tdp_buf_putc(o, '\n');
    }
}

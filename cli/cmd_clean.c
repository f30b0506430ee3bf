/* cmd_clean.c - tidings clean [--json] [-o FILE] PATH...: the article as the engine
 * sees it; tidings analyse [--json] [-o FILE] PATH...: what it reads in it. */
#include <string.h>

#include "cli.h"

static const char k_help[] =
    "usage: tidings clean [--json] [--comments] [-o FILE] [-q] PATH...\n\n"
    "Prints each article after cleaning: title, date, outlet, dateline, language,\n"
    "author, the paragraphs kept (### heading, > quotation, - list item) and what\n"
    "was removed, with its reason. With --json, one JSON object per article and\n"
    "line: paragraphs[] with their kinds[], and removed[] listing what cleaning\n"
    "took out and why (docs/json.md). With --comments, the reader comments of HTML\n"
    "pages are kept after the article, each marked [comment] (kind \"comment\").\n\n"
    "options:\n"
    "  --json            one JSON object per article and line\n"
    "  -o, --output FILE write to FILE instead of standard output\n"
    "  --comments        keep the reader comments of HTML pages\n"
    "  -q, --quiet       no progress on the terminal\n";

static const char k_analyse_help[] =
    "usage: tidings analyse [--json] [--comments] [-o FILE] [-q] PATH...\n\n"
    "Prints what the engine reads in each article after cleaning: its sentences,\n"
    "the dates it mentions with their value, tense and whether they are planned,\n"
    "the names it mentions (person, organisation, place, other) with the entity\n"
    "each names and the role the text gives, and its quotes with their speaker\n"
    "and the verb that attributes them. With --json, one JSON object per article\n"
    "and line: text (the cleaned paragraphs joined by a blank line), then\n"
    "sentences[], dates[], mentions[] and quotes[], each with start and end as\n"
    "character offsets into text (docs/json.md).\n\n"
    "options:\n"
    "  --json            one JSON object per article and line\n"
    "  -o, --output FILE write to FILE instead of standard output\n"
    "  --comments        keep the reader comments of HTML pages\n"
    "  -q, --quiet       no progress on the terminal\n";

enum { O_JSON = 1, O_OUTPUT, O_COMMENTS, O_QUIET };

static const cli_opt k_opts[] = {
    {"json", 0, NULL, O_JSON},
    {"output", 'o', "FILE", O_OUTPUT},
    {"comments", 0, NULL, O_COMMENTS},
    {"quiet", 'q', NULL, O_QUIET},
};

typedef struct {
    bool json;
    bool analyse;
} clean_ctx;

/* The item already opens with its bullet or number ("- ", "• ", "1. "). */
static bool bulleted(const char *p, size_t n)
{
    const unsigned char *s = (const unsigned char *)p;
    if (n >= 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ')
        return true;
    if (n >= 4 && s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0xA2 || s[2] == 0x93) && s[3] == ' ')
        return true;
    size_t k = 0;
    while (k < n && k < 3 && s[k] >= '0' && s[k] <= '9')
        k++;
    return k && k + 1 < n && (s[k] == '.' || s[k] == ')') && s[k + 1] == ' ';
}

static int print_text(const td_article *a)
{
    td_date d = td_article_date(a);
    char date[32];
    td_date_format(&d, date, sizeof date);
    const char *t = td_article_title(a), *o = td_article_outlet(a);
    const char *dl = td_article_dateline(a), *lang = td_article_language(a);
    const char *au = td_article_author(a);
    bool ok = cli_printf("== %s\n", td_article_id(a));
    if (ok && t)
        ok = cli_printf("title:    %s\n", t);
    if (ok && date[0])
        ok = cli_printf("date:     %s\n", date);
    if (ok && o)
        ok = cli_printf("outlet:   %s\n", o);
    if (ok && dl)
        ok = cli_printf("dateline: %s\n", dl);
    if (ok && lang)
        ok = cli_printf("language: %s\n", lang);
    if (ok && au)
        ok = cli_printf("author:   %s\n", au);
    if (!ok || !cli_write("\n", 1))
        return -1;
    for (size_t i = 0; i < td_article_paragraph_count(a); i++) {
        size_t n;
        td_para_kind k;
        const char *p = td_article_paragraph(a, i, &n, &k);
        const char *mark = "";
        if (k == TD_PARA_HEADING)
            mark = "### ";
        else if (k == TD_PARA_QUOTE)
            mark = "> ";
        else if (k == TD_PARA_COMMENT)
            mark = "[comment] ";
        else if (k == TD_PARA_LIST && !bulleted(p, n))
            mark = "- "; /* a list item of an HTML page */
        if (!cli_write(mark, strlen(mark)) || !cli_write(p, n) || !cli_write("\n\n", 2))
            return -1;
    }
    size_t nr = td_article_removed_count(a);
    if (nr && !cli_write("removed:\n", 9))
        return -1;
    for (size_t i = 0; i < nr; i++) {
        const char *why;
        const char *rt = td_article_removed(a, i, &why);
        if (!cli_printf("  [%s] ", why) || !cli_write(rt, strlen(rt)) || !cli_write("\n", 1))
            return -1;
    }
    if (nr && !cli_write("\n", 1))
        return -1;
    return 0;
}

/* A span of the analysis text on one line, quoted. */
static bool print_span(const char *text, td_span sp)
{
    return cli_write("\"", 1) && cli_write(text + sp.start, sp.end - sp.start) &&
           cli_write("\"", 1);
}

static int print_analysis(const td_analysis *an)
{
    static const char *const tense[] = {"", "past", "present", "future"};
    static const char *const type[] = {"person", "organisation", "place", "other"};
    const char *text = td_analysis_text(an, NULL);
    if (!cli_printf("sentences: %zu\n", td_analysis_sentence_count(an)))
        return -1;
    size_t n = td_analysis_date_count(an);
    if (n && !cli_write("dates:\n", 7))
        return -1;
    for (size_t i = 0; i < n; i++) {
        const td_date_ref *d = td_analysis_date(an, i);
        char v[32], e[32];
        td_date_format(&d->value, v, sizeof v);
        td_date_format(&d->end, e, sizeof e);
        if (!cli_write("  ", 2) || !print_span(text, d->span) ||
            !cli_printf("  %s%s%s%s%s%s%s\n", v[0] ? v : "-", e[0] ? ".." : "", e,
                        d->tense ? "  " : "", tense[d->tense & 3],
                        d->planned ? ", planned" : "", d->in_quote ? ", in a quote" : ""))
            return -1;
    }
    n = td_analysis_mention_count(an);
    if (n && !cli_write("mentions:\n", 10))
        return -1;
    for (size_t i = 0; i < n; i++) {
        const td_mention_ref *m = td_analysis_mention(an, i);
        if (!cli_write("  ", 2) || !print_span(text, m->span) ||
            !cli_printf("  %s", type[m->type & 3]))
            return -1;
        size_t len = m->span.end - m->span.start;
        if (strlen(m->entity) != len || memcmp(m->entity, text + m->span.start, len))
            if (!cli_printf(" = %s", m->entity))
                return -1;
        if ((m->role && !cli_printf(" (%s)", m->role)) || !cli_write("\n", 1))
            return -1;
    }
    n = td_analysis_quote_count(an);
    if (n && !cli_write("quotes:\n", 8))
        return -1;
    for (size_t i = 0; i < n; i++) {
        const td_quote_ref *q = td_analysis_quote(an, i);
        if (!cli_write("  ", 2) || !print_span(text, q->span) ||
            !cli_printf("  -- %s", q->speaker ? q->speaker : "(speaker unknown)") ||
            (q->cue && !cli_printf(" (%s)", q->cue)) ||
            (q->partial && !cli_write(", partial", 9)) || !cli_write("\n", 1))
            return -1;
    }
    return cli_write("\n", 1) ? 0 : -1;
}

/* tidings analyse: the article's analysis, as JSON or as text. */
static int analyse_one(const clean_ctx *c, td_article *a, td_status *st)
{
    td_analysis *an;
    *st = td_analysis_new(a, &an);
    if (*st)
        return 0;
    int rc = 0;
    if (c->json) {
        char *js;
        size_t n;
        *st = td_analysis_json(an, &js, &n);
        if (!*st) {
            if (!cli_write(js, n) || !cli_write("\n", 1))
                rc = -1;
            td_free(js);
        }
    } else {
        td_date d = td_article_date(a);
        char date[32];
        td_date_format(&d, date, sizeof date);
        const char *t = td_article_title(a);
        if (!cli_printf("== %s\n", td_article_id(a)) || (t && !cli_printf("title: %s\n", t)) ||
            (date[0] && !cli_printf("date:  %s\n", date)))
            rc = -1;
        else
            rc = print_analysis(an);
    }
    td_analysis_free(an);
    return rc;
}

static int one(void *vctx, td_article *a)
{
    clean_ctx *c = vctx;
    td_status st = TD_OK;
    int rc = 0;
    if (c->analyse) {
        rc = analyse_one(c, a, &st);
        if (rc) {
            td_article_free(a);
            return rc;
        }
    } else {
        st = td_clean(a);
    }
    if (st == TD_ENOMEM) {
        cli_error("out of memory");
        rc = -1;
    } else if (st) {
        uint32_t line;
        const char *path = td_article_origin(a, &line);
        if (line)
            cli_error("%s:%u: %s", path, line, td_strerror(st));
        else
            cli_error("%s: %s", path, td_strerror(st));
        rc = 1;
    } else if (c->analyse) {
        /* written above */
    } else if (c->json) {
        char *js;
        size_t n;
        st = td_article_json(a, &js, &n);
        if (st) {
            cli_error("%s", td_strerror(st));
            rc = -1;
        } else {
            if (!cli_write(js, n) || !cli_write("\n", 1))
                rc = -1;
            td_free(js);
        }
    } else {
        rc = print_text(a);
    }
    td_article_free(a);
    return rc;
}

static int run(bool analyse, int argc, char **argv)
{
    clean_ctx c = {false, analyse};
    const char *output = NULL, *v;
    cli_parser p;
    cli_parse_init(&p, analyse ? "analyse" : "clean", analyse ? k_analyse_help : k_help,
                   k_opts, sizeof k_opts / sizeof *k_opts, argc, argv);
    for (int id; (id = cli_parse_next(&p, &v)) != CLI_OPT_END;) {
        if (id == CLI_OPT_HELP)
            return EXIT_OK;
        if (id == CLI_OPT_ERROR)
            return EXIT_USAGE;
        if (id == O_JSON)
            c.json = true;
        else if (id == O_OUTPUT)
            output = v;
        else if (id == O_COMMENTS)
            cli_keep_comments = true;
        else if (id == O_QUIET)
            cli_progress_quiet(true);
    }
    if (cli_out_open(output))
        return EXIT_FATAL;
    bool fatal;
    long rejected = cli_read_all(argv + 1, p.n_pos, analyse ? "analysing" : "cleaning", one,
                                 &c, &fatal);
    if (fatal)
        return EXIT_FATAL;
    return rejected ? EXIT_REJECTED : EXIT_OK;
}

int cmd_clean(int argc, char **argv) { return run(false, argc, argv); }

int cmd_analyse(int argc, char **argv) { return run(true, argc, argv); }

/* cmd_clean.c - tidings clean [--json] [-o FILE] PATH...: the article as the engine
 * sees it. */
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

enum { O_JSON = 1, O_OUTPUT, O_COMMENTS, O_QUIET };

static const cli_opt k_opts[] = {
    {"json", 0, NULL, O_JSON},
    {"output", 'o', "FILE", O_OUTPUT},
    {"comments", 0, NULL, O_COMMENTS},
    {"quiet", 'q', NULL, O_QUIET},
};

typedef struct {
    bool json;
    bool fatal;
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

static int one(void *vctx, td_article *a)
{
    clean_ctx *c = vctx;
    td_status st = td_clean(a);
    int rc = 0;
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

int cmd_clean(int argc, char **argv)
{
    clean_ctx c = {false, false};
    const char *output = NULL, *v;
    cli_parser p;
    cli_parse_init(&p, "clean", k_help, k_opts, sizeof k_opts / sizeof *k_opts, argc, argv);
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
    long rejected = cli_read_all(argv + 1, p.n_pos, "cleaning", one, &c, &fatal);
    if (fatal)
        return EXIT_FATAL;
    return rejected ? EXIT_REJECTED : EXIT_OK;
}

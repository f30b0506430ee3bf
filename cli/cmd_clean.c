/* cmd_clean.c - tidings clean [--json] FILE...: the article as the engine sees it. */
#include <string.h>

#include "cli.h"

static const char k_help[] =
    "usage: tidings clean [--json] [--comments] PATH...\n\n"
    "Prints each article after cleaning: title, date, outlet, dateline, language,\n"
    "author, the paragraphs kept (### heading, > quotation, - list item) and what\n"
    "was removed, with its reason. With --json, one JSON object per article and\n"
    "line: paragraphs[] with their kinds[], and removed[] listing what cleaning\n"
    "took out and why (docs/json.md). With --comments, the reader comments of HTML\n"
    "pages are kept after the article, each marked [comment] (kind \"comment\").\n";

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
    printf("== %s\n", td_article_id(a));
    if (t)
        printf("title:    %s\n", t);
    if (date[0])
        printf("date:     %s\n", date);
    if (o)
        printf("outlet:   %s\n", o);
    if (dl)
        printf("dateline: %s\n", dl);
    if (lang)
        printf("language: %s\n", lang);
    if (td_article_author(a))
        printf("author:   %s\n", td_article_author(a));
    putchar('\n');
    for (size_t i = 0; i < td_article_paragraph_count(a); i++) {
        size_t n;
        td_para_kind k;
        const char *p = td_article_paragraph(a, i, &n, &k);
        if (k == TD_PARA_HEADING)
            fputs("### ", stdout);
        else if (k == TD_PARA_QUOTE)
            fputs("> ", stdout);
        else if (k == TD_PARA_COMMENT)
            fputs("[comment] ", stdout);
        else if (k == TD_PARA_LIST && !bulleted(p, n))
            fputs("- ", stdout); /* a list item of an HTML page */
        if (!cli_write(p, n))
            return -1;
        fputs("\n\n", stdout);
    }
    size_t nr = td_article_removed_count(a);
    if (nr)
        printf("removed:\n");
    for (size_t i = 0; i < nr; i++) {
        const char *why;
        const char *rt = td_article_removed(a, i, &why);
        printf("  [%s] ", why);
        if (!cli_write(rt, strlen(rt)) || !cli_write("\n", 1))
            return -1;
    }
    if (nr)
        putchar('\n');
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
    int i = 1;
    for (; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fputs(k_help, stdout);
            return EXIT_OK;
        } else if (!strcmp(argv[i], "--json")) {
            c.json = true;
        } else if (!strcmp(argv[i], "--comments")) {
            cli_keep_comments = true;
        } else if (!strcmp(argv[i], "--")) {
            i++;
            break;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            return cli_usage_error("clean", "unknown option '%s'", argv[i]);
        } else {
            break;
        }
    }
    bool fatal;
    long rejected = cli_read_all(argv + i, argc - i, one, &c, &fatal);
    if (fatal)
        return EXIT_FATAL;
    return rejected ? EXIT_REJECTED : EXIT_OK;
}

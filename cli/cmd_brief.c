/* cmd_brief.c - tidings brief [--json] PATH...: the stories and their briefs. */
#include <string.h>

#include "cli.h"

static const char k_help[] =
    "usage: tidings brief [--json] PATH...\n\n"
    "Reads articles, finds the stories behind them and prints a brief of each:\n"
    "headline, summary, timeline, people, quotes and sources. Markdown by default;\n"
    "--json prints {\"stories\": [...]} (docs/json.md).\n";

static int add(void *ctx, td_article *a)
{
    td_corpus *c = ctx;
    uint32_t line;
    const char *origin = td_article_origin(a, &line);
    char where[512];
    if (line)
        snprintf(where, sizeof where, "%s:%u", origin ? origin : "?", line);
    else
        snprintf(where, sizeof where, "%s", origin ? origin : "?");
    td_status st = td_corpus_add(c, a); /* takes a */
    if (st == TD_ENOMEM) {
        cli_error("out of memory");
        return -1;
    }
    if (st) {
        cli_error("%s: %s", where, st == TD_EEMPTY ? "no article text left after cleaning"
                                                     : td_strerror(st));
        return 1;
    }
    return 0;
}

int cmd_brief(int argc, char **argv)
{
    bool json = false;
    int i = 1;
    for (; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fputs(k_help, stdout);
            return EXIT_OK;
        } else if (!strcmp(argv[i], "--json")) {
            json = true;
        } else if (!strcmp(argv[i], "--")) {
            i++;
            break;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            return cli_usage_error("brief", "unknown option '%s'", argv[i]);
        } else {
            break;
        }
    }
    td_corpus *c = td_corpus_new(NULL);
    if (!c) {
        cli_error("out of memory");
        return EXIT_FATAL;
    }
    bool fatal;
    long rejected = cli_read_all(argv + i, argc - i, add, c, &fatal);
    int rc = fatal ? EXIT_FATAL : rejected ? EXIT_REJECTED : EXIT_OK;
    if (!fatal) {
        td_status st = td_corpus_build(c);
        char *out = NULL;
        size_t n = 0;
        if (!st)
            st = json ? td_corpus_json(c, &out, &n) : td_corpus_markdown(c, &out, &n);
        if (st) {
            cli_error("%s", td_strerror(st));
            rc = EXIT_FATAL;
        } else if (!cli_write(out, n) || (json && !cli_write("\n", 1))) {
            rc = EXIT_FATAL;
        }
        td_free(out);
    }
    td_corpus_free(c);
    return rc;
}

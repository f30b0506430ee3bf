/* cmd_brief.c - tidings brief [--json] [--sentences N | --words N] PATH...: the
 * stories and their briefs. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char k_help[] =
    "usage: tidings brief [--json | --html FILE] [--sentences N | --words N] [--comments]\n"
    "                     PATH...\n\n"
    "Reads articles, finds the stories behind them and prints a brief of each:\n"
    "headline, summary, timeline, people, quotes, discrepancies and sources.\n"
    "Markdown by default.\n\n"
    "options:\n"
    "  --json         print {\"stories\": [...]} instead (docs/json.md)\n"
    "  --html FILE    write a self-contained HTML report to FILE instead\n"
    "  --sentences N  sentences in each summary (default 4)\n"
    "  --words N      summaries of about N words instead (e.g. 250)\n"
    "  --comments     keep the reader comments of HTML pages\n";

/* A positive count from argv, or -1. */
static long count_arg(const char *s)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < 1 || v > 100000)
        return -1;
    return v;
}

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
    const char *html = NULL;
    td_corpus_opts opts = {0, 0, 0, 0};
    int words = 0;
    int i = 1;
    for (; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fputs(k_help, stdout);
            return EXIT_OK;
        } else if (!strcmp(argv[i], "--json")) {
            json = true;
        } else if (!strcmp(argv[i], "--comments")) {
            cli_keep_comments = true;
        } else if (!strcmp(argv[i], "--html")) {
            if (i + 1 >= argc || !argv[i + 1][0])
                return cli_usage_error("brief", "--html needs a file name");
            html = argv[++i];
        } else if (!strcmp(argv[i], "--sentences") || !strcmp(argv[i], "--words")) {
            long v = i + 1 < argc ? count_arg(argv[i + 1]) : -1;
            if (v < 0)
                return cli_usage_error("brief", "%s needs a positive number", argv[i]);
            if (argv[i][2] == 's')
                opts.summary_sentences = (int)v;
            else
                words = (int)v;
            i++;
        } else if (!strcmp(argv[i], "--")) {
            i++;
            break;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            return cli_usage_error("brief", "unknown option '%s'", argv[i]);
        } else {
            break;
        }
    }
    td_corpus *c = td_corpus_new(&opts);
    if (!c) {
        cli_error("out of memory");
        return EXIT_FATAL;
    }
    td_corpus_set_summary_words(c, words);
    bool fatal;
    long rejected = cli_read_all(argv + i, argc - i, add, c, &fatal);
    int rc = fatal ? EXIT_FATAL : rejected ? EXIT_REJECTED : EXIT_OK;
    if (!fatal) {
        td_status st = td_corpus_build(c);
        char *out = NULL;
        size_t n = 0;
        if (!st)
            st = html ? td_corpus_html(c, &out, &n)
                 : json ? td_corpus_json(c, &out, &n)
                        : td_corpus_markdown(c, &out, &n);
        if (st) {
            cli_error("%s", td_strerror(st));
            rc = EXIT_FATAL;
        } else if (html) {
            FILE *f = fopen(html, "wb");
            bool ok = f && fwrite(out, 1, n, f) == n;
            if (f && fclose(f))
                ok = false;
            if (!ok) {
                cli_error("%s: cannot write", html);
                rc = EXIT_FATAL;
            }
        } else if (!cli_write(out, n) || (json && !cli_write("\n", 1))) {
            rc = EXIT_FATAL;
        }
        td_free(out);
    }
    td_corpus_free(c);
    return rc;
}

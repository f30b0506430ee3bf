/* cmd_brief.c - tidings brief [--json | --json-lines | --html FILE] [-o FILE]
 * [--sentences N | --words N] PATH...: the stories and their briefs. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char k_help[] =
    "usage: tidings brief [--json | --json-lines | --html FILE] [-o FILE]\n"
    "                     [--sentences N | --words N] [--comments] [-q] PATH...\n\n"
    "Reads articles, finds the stories behind them and prints a brief of each:\n"
    "headline, summary, timeline, people, quotes, discrepancies and sources.\n"
    "Markdown by default.\n\n"
    "options:\n"
    "  --json            print {\"stories\": [...]} instead (docs/json.md)\n"
    "  --json-lines      print one story per line, each a JSON object\n"
    "  --html FILE       write a self-contained HTML report to FILE (- for stdout)\n"
    "  -o, --output FILE write to FILE instead of standard output\n"
    "  --sentences N     sentences in each summary (default 4)\n"
    "  --words N         summaries of about N words instead (e.g. 250)\n"
    "  --comments        keep the reader comments of HTML pages\n"
    "  -q, --quiet       no progress on the terminal\n";

enum { O_JSON = 1, O_JSON_LINES, O_HTML, O_OUTPUT, O_SENTENCES, O_WORDS, O_COMMENTS, O_QUIET };

static const cli_opt k_opts[] = {
    {"json", 0, NULL, O_JSON},
    {"json-lines", 0, NULL, O_JSON_LINES},
    {"html", 0, "FILE", O_HTML},
    {"output", 'o', "FILE", O_OUTPUT},
    {"sentences", 0, "N", O_SENTENCES},
    {"words", 0, "N", O_WORDS},
    {"comments", 0, NULL, O_COMMENTS},
    {"quiet", 'q', NULL, O_QUIET},
};

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

/* One story per line (--json-lines). */
static td_status put_lines(const td_corpus *c)
{
    size_t n = td_corpus_story_count(c);
    for (size_t i = 0; i < n; i++) {
        char *out = NULL;
        size_t len = 0;
        td_status st = td_corpus_story_json(c, i, &out, &len);
        if (st)
            return st;
        bool ok = cli_write(out, len) && cli_write("\n", 1);
        td_free(out);
        if (!ok)
            return TD_EIO;
    }
    return TD_OK;
}

int cmd_brief(int argc, char **argv)
{
    int format = 0; /* O_JSON, O_JSON_LINES, O_HTML or 0: Markdown */
    const char *output = NULL, *v;
    td_corpus_opts opts = {0, 0, 0, 0};
    int words = 0;
    cli_parser p;
    cli_parse_init(&p, "brief", k_help, k_opts, sizeof k_opts / sizeof *k_opts, argc, argv);
    for (int id; (id = cli_parse_next(&p, &v)) != CLI_OPT_END;) {
        if (id == CLI_OPT_HELP)
            return EXIT_OK;
        if (id == CLI_OPT_ERROR)
            return EXIT_USAGE;
        if (id == O_JSON || id == O_JSON_LINES || id == O_HTML) {
            if (format && format != id)
                return cli_usage_error("brief", "--json, --json-lines and --html exclude "
                                                "each other");
            format = id;
        }
        if ((id == O_HTML || id == O_OUTPUT) && output && strcmp(output, v))
            return cli_usage_error("brief", "one output at a time (--html FILE or -o FILE)");
        if (id == O_HTML || id == O_OUTPUT) {
            if (!*v)
                return cli_usage_error("brief", "%s needs a file name",
                                       id == O_HTML ? "--html" : "-o");
            output = v;
        } else if (id == O_SENTENCES || id == O_WORDS) {
            long n = count_arg(v);
            if (n < 0)
                return cli_usage_error("brief", "--%s needs a positive number",
                                       id == O_SENTENCES ? "sentences" : "words");
            if (id == O_SENTENCES)
                opts.summary_sentences = (int)n;
            else
                words = (int)n;
        } else if (id == O_COMMENTS) {
            cli_keep_comments = true;
        } else if (id == O_QUIET) {
            cli_progress_quiet(true);
        }
    }
    if (cli_out_open(output))
        return EXIT_FATAL;
    td_corpus *c = td_corpus_new(&opts);
    if (!c) {
        cli_error("out of memory");
        return EXIT_FATAL;
    }
    td_corpus_set_summary_words(c, words);
    bool fatal;
    long rejected = cli_read_all(argv + 1, p.n_pos, "reading", add, c, &fatal);
    int rc = fatal ? EXIT_FATAL : rejected ? EXIT_REJECTED : EXIT_OK;
    if (!fatal) {
        cli_progress_stage("finding the stories of", td_corpus_article_count(c), 0);
        td_status st = td_corpus_build(c);
        char *out = NULL;
        size_t n = 0;
        if (!st) {
            cli_progress_stage("writing the briefs of", td_corpus_article_count(c), 0);
            if (format == O_JSON_LINES)
                st = put_lines(c);
            else
                st = format == O_HTML ? td_corpus_html(c, &out, &n)
                     : format == O_JSON ? td_corpus_json(c, &out, &n)
                                        : td_corpus_markdown(c, &out, &n);
        }
        if (st == TD_EIO) {
            rc = EXIT_FATAL; /* a write failed, and said so */
        } else if (st) {
            cli_error("%s", td_strerror(st));
            rc = EXIT_FATAL;
        } else if (out && (!cli_write(out, n) || (format == O_JSON && !cli_write("\n", 1)))) {
            rc = EXIT_FATAL;
        }
        td_free(out);
    }
    td_corpus_free(c);
    return rc;
}

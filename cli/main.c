/* main.c - tidings: news articles into the stories behind them. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const cli_cmd k_cmds[] = {
    {"brief", cmd_brief, "read articles and print a brief of each story"},
    {"clean", cmd_clean, "print articles as the engine sees them after cleaning"},
    {"dedup", cmd_dedup, "find copies and near-copies"},
    {"ingest", cmd_ingest, "add articles to a story database"},
    {"stories", cmd_stories, "list the stories of a database"},
    {"show", cmd_show, "print the brief of one story of a database"},
};

static void usage(FILE *f)
{
    fprintf(f, "usage: tidings COMMAND [OPTIONS] [PATH...]\n\n"
               "Turns scraped news articles into the stories behind them.\n\n"
               "commands:\n");
    for (size_t i = 0; i < sizeof k_cmds / sizeof *k_cmds; i++)
        fprintf(f, "  %-8s %s\n", k_cmds[i].name, k_cmds[i].summary);
    fprintf(f, "\nPATH is a file, a folder (read recursively) or - for standard input.\n"
               "`tidings COMMAND --help` tells more. Exit status: 0 ok, 1 some input\n"
               "rejected, 2 usage error, 3 fatal error.\n");
}

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("tidings: error: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

void cli_warn(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("tidings: warning: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("tidings: error: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    fprintf(stderr, "Try 'tidings %s --help'.\n", cmd ? cmd : "");
    return EXIT_USAGE;
}

bool cli_write(const char *s, size_t n)
{
    if (n && fwrite(s, 1, n, stdout) != n) {
        cli_error("cannot write output");
        return false;
    }
    return true;
}

bool cli_keep_comments;

long cli_read_all(char **paths, int n, cli_article_fn fn, void *ctx, bool *fatal)
{
    td_reader_opts ro = {0, 1};
    td_reader *r = td_reader_new(&ro);
    td_reader_keep_comments(r, cli_keep_comments);
    long rejected = 0;
    *fatal = false;
    if (!r) {
        cli_error("out of memory");
        *fatal = true;
        return 0;
    }
    td_status st = TD_OK;
    if (n == 0)
        st = td_reader_add(r, "-");
    for (int i = 0; i < n && !st; i++)
        st = td_reader_add(r, paths[i]);
    if (st) {
        cli_error("%s", td_strerror(st));
        *fatal = true;
        td_reader_free(r);
        return 0;
    }
    bool progress = isatty(2) && getenv("TIDINGS_NO_PROGRESS") == NULL;
    unsigned long count = 0;
    for (;;) {
        td_article *a = NULL;
        st = td_reader_next(r, &a);
        if (st == TD_END)
            break;
        if (st == TD_ENOMEM) {
            cli_error("out of memory");
            *fatal = true;
            break;
        }
        if (st) {
            cli_error("%s", td_reader_error(r));
            rejected++;
            continue;
        }
        const char *w = td_reader_warning(r);
        if (w)
            cli_warn("%s", w);
        count++;
        if (progress && count % 1000 == 0)
            fprintf(stderr, "\rtidings: %lu articles read", count);
        int rc = fn(ctx, a);
        if (rc < 0) {
            *fatal = true;
            break;
        }
        if (rc > 0)
            rejected++;
    }
    if (progress && count >= 1000)
        fputc('\n', stderr);
    td_reader_free(r);
    return rejected;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    const char *name = argv[1];
    if (!strcmp(name, "--help") || !strcmp(name, "-h") || !strcmp(name, "help")) {
        usage(stdout);
        return EXIT_OK;
    }
    if (!strcmp(name, "--version")) {
        printf("tidings %s\n", td_version());
        return EXIT_OK;
    }
    for (size_t i = 0; i < sizeof k_cmds / sizeof *k_cmds; i++)
        if (!strcmp(name, k_cmds[i].name)) {
            int rc = k_cmds[i].run(argc - 1, argv + 1);
            if (fflush(stdout) != 0 && rc == EXIT_OK) {
                cli_error("cannot write output");
                rc = EXIT_FATAL;
            }
            return rc;
        }
    cli_error("unknown command '%s'", name);
    fprintf(stderr, "Try 'tidings --help'.\n");
    return EXIT_USAGE;
}

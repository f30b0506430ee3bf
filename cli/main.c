/* main.c - tidings: news articles into the stories behind them. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

static const cli_cmd k_cmds[] = {
    {"analyse", cmd_analyse, "print what the engine reads in each article: dates, names, quotes"},
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
               "`tidings help COMMAND` tells more. Exit status: 0 ok, 1 some input\n"
               "rejected, 2 usage error, 3 fatal error.\n");
}

/* Bytes under path, as far as a quick look tells (regular files; links to folders
 * not followed, dot-files skipped as the reader skips them): for the time left. */
static uint64_t input_size(const char *path, int depth)
{
    struct stat sb;
    if (!strcmp(path, "-"))
        return fstat(0, &sb) == 0 && S_ISREG(sb.st_mode) ? (uint64_t)sb.st_size : 0;
    if (stat(path, &sb) != 0)
        return 0;
    if (S_ISREG(sb.st_mode))
        return (uint64_t)sb.st_size;
    if (!S_ISDIR(sb.st_mode) || depth > 32)
        return 0;
    if (depth && lstat(path, &sb) == 0 && S_ISLNK(sb.st_mode))
        return 0;
    DIR *d = opendir(path);
    if (!d)
        return 0;
    uint64_t sum = 0;
    struct dirent *e;
    size_t n = strlen(path);
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        size_t m = strlen(e->d_name);
        char *sub = malloc(n + m + 2);
        if (!sub)
            break;
        memcpy(sub, path, n);
        sub[n] = '/';
        memcpy(sub + n + 1, e->d_name, m + 1);
        sum += input_size(sub, depth + 1);
        free(sub);
    }
    closedir(d);
    return sum;
}

bool cli_keep_comments;

long cli_read_all(char **paths, int n, const char *stage, cli_article_fn fn, void *ctx,
                  bool *fatal)
{
    td_reader_opts ro = {0, 1};
    td_reader *r = td_reader_new(&ro);
    long rejected = 0;
    *fatal = false;
    if (!r) {
        cli_error("out of memory");
        *fatal = true;
        return 0;
    }
    td_reader_keep_comments(r, cli_keep_comments);
    static char dash_s[] = "-";
    char *dash[] = {dash_s};
    if (n == 0) {
        paths = dash;
        n = 1;
    }
    td_status st = TD_OK;
    bool stdin_used = false;
    for (int i = 0; i < n && !st; i++) {
        stdin_used |= !strcmp(paths[i], "-");
        st = td_reader_add(r, paths[i]);
    }
    if (st) {
        cli_error("%s", td_strerror(st));
        *fatal = true;
        td_reader_free(r);
        return 0;
    }
    /* Someone typing `tidings brief` and waiting for something to happen. */
    if (stdin_used && isatty(0)) {
        cli_progress_clear();
        fputs("tidings: reading articles from standard input (end with Ctrl-D)\n", stderr);
    }
    uint64_t total = 0;
    for (int i = 0; i < n; i++)
        total += input_size(paths[i], 0);
    cli_progress_stage(stage, 0, total);
    /* Bytes done: the size of each file once the reader has moved past it. */
    uint64_t done = 0;
    char *file = NULL;
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
        uint32_t line;
        const char *origin = td_article_origin(a, &line);
        if (total && origin && (!file || strcmp(file, origin))) {
            if (file)
                done += input_size(file, 0);
            free(file);
            file = strdup(origin);
        }
        cli_progress(count, done);
        int rc = fn(ctx, a);
        if (rc < 0) {
            *fatal = true;
            break;
        }
        if (rc > 0)
            rejected++;
    }
    free(file);
    /* Records that are not text (a crawl's images, scripts, video) are no error:
     * one line counts them. */
    uint64_t skipped = td_reader_skipped(r);
    if (skipped) {
        cli_progress_clear();
        fprintf(stderr, "tidings: note: %llu record%s skipped, not text\n",
                (unsigned long long)skipped, skipped == 1 ? "" : "s");
    }
    td_reader_free(r);
    return rejected;
}

static const cli_cmd *find_cmd(const char *name)
{
    for (size_t i = 0; i < sizeof k_cmds / sizeof *k_cmds; i++)
        if (!strcmp(name, k_cmds[i].name))
            return &k_cmds[i];
    return NULL;
}

static int unknown_cmd(const char *name)
{
    const char *names[sizeof k_cmds / sizeof *k_cmds + 1];
    size_t n = 0;
    for (; n < sizeof k_cmds / sizeof *k_cmds; n++)
        names[n] = k_cmds[n].name;
    names[n++] = "help";
    const char *near = cli_suggest(name, names, n);
    if (near)
        return cli_usage_error(NULL, "unknown command '%s'; did you mean '%s'?", name, near);
    return cli_usage_error(NULL, "unknown command '%s'", name);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    const char *name = argv[1];
    if (!strcmp(name, "--help") || !strcmp(name, "-h")) {
        usage(stdout);
        return EXIT_OK;
    }
    if (!strcmp(name, "--version") || !strcmp(name, "-V")) {
        printf("tidings %s\n", td_version());
        return cli_out_finish(EXIT_OK);
    }
    if (!strcmp(name, "help")) {
        /* `tidings help brief` is `tidings brief --help`. */
        if (argc < 3) {
            usage(stdout);
            return cli_out_finish(EXIT_OK);
        }
        const cli_cmd *c = find_cmd(argv[2]);
        if (!c)
            return unknown_cmd(argv[2]);
        static char help_s[] = "--help";
        char *help_argv[] = {argv[2], help_s, NULL};
        return cli_out_finish(c->run(2, help_argv));
    }
    if (name[0] == '-')
        return cli_usage_error(NULL, "'%s' before the command: options follow it "
                                     "(tidings COMMAND [OPTIONS] [PATH...])", name);
    const cli_cmd *c = find_cmd(name);
    if (!c)
        return unknown_cmd(name);
    return cli_out_finish(c->run(argc - 1, argv + 1));
}

/*
 * cli.h - shared pieces of the command-line front end. Uses the public API only.
 */
#ifndef TD_CLI_H
#define TD_CLI_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "tidings/tidings.h"

/* Exit codes, documented in docs/tidings.1 and the README. */
enum {
    EXIT_OK = 0,        /* everything read and processed */
    EXIT_REJECTED = 1,  /* done, but some input was rejected (see stderr) */
    EXIT_USAGE = 2,     /* bad command line */
    EXIT_FATAL = 3      /* could not go on: output, database or memory failure */
};

typedef struct cli_cmd {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} cli_cmd;

/*
 * "tidings: error: ..." on stderr, as one line with every control character made
 * visible (out.c), so no file name or title can drive the terminal.
 */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cli_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Usage error: the message, a hint, and EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/*
 * The output: standard output, or FILE for -o FILE (NULL or "-": standard
 * output). cli_out_open checks FILE can be written before the work starts;
 * cli_out_start empties it and puts it in place of stdout when output begins
 * (cli_write and cli_printf call it); cli_out_finish flushes and returns rc, or
 * EXIT_FATAL when a write failed (reported once). On a terminal, cli_write and
 * cli_printf make control characters other than newline and tab visible.
 */
int cli_out_open(const char *path);
/* Checks before the work starts that FILE, written at the end as a new copy in its
 * folder renamed over it (an index), can be written; the error said if not. */
int cli_out_check_replace(const char *path);
bool cli_out_start(void);
bool cli_out_tty(void);
int cli_out_finish(int rc);
/* Writes all of s to the output; false (and an error printed) on failure. */
bool cli_write(const char *s, size_t n);
bool cli_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* s as a JSON string, quotes included. */
bool cli_json_str(const char *s);

/* Progress on stderr (progress.c): only on a terminal and without -q. */
void cli_progress_quiet(bool quiet);
/* A new stage ("reading", "finding stories in"), its items so far and, when
 * known, the bytes it will have read at the end (for the time left). */
void cli_progress_stage(const char *stage, uint64_t items, uint64_t total_bytes);
void cli_progress(uint64_t items, uint64_t bytes);
void cli_progress_clear(void); /* before a message; the next update redraws */
void cli_progress_done(void);

/*
 * Options (opts.c). A command lists its options; cli_parse_next returns them one
 * at a time, wherever they stand on the line, and gathers the other arguments
 * (paths, "-", everything after "--") in order into argv[1 .. n_pos].
 */
typedef struct cli_opt {
    const char *name;   /* long name without "--", or NULL */
    char letter;        /* short name, or 0 */
    const char *value;  /* what its value is ("FILE"), NULL for a flag */
    int id;             /* > 0, returned by cli_parse_next */
} cli_opt;

typedef struct cli_parser {
    const char *cmd, *help;
    const cli_opt *opts;
    size_t n_opts;
    int argc;
    char **argv;
    int i;               /* next argument to read */
    int n_pos;           /* positional arguments gathered */
    const char *cluster; /* the rest of a group of short options (-qo FILE) */
    bool dashdash;       /* after "--" */
} cli_parser;

enum {
    CLI_OPT_END = 0,     /* no more options */
    CLI_OPT_ERROR = -1,  /* usage error printed: return EXIT_USAGE */
    CLI_OPT_HELP = -2    /* --help or -h printed the help: return EXIT_OK */
};

void cli_parse_init(cli_parser *p, const char *cmd, const char *help, const cli_opt *opts,
                    size_t n_opts, int argc, char **argv);
int cli_parse_next(cli_parser *p, const char **val);
/* The name of names nearest to word, if near enough to be a typo of it; or NULL. */
const char *cli_suggest(const char *word, const char *const *names, size_t n);

/*
 * Reads every article of the given paths ("-" or none means stdin) and hands each
 * to fn; read errors are printed and counted. Progress shows `stage` ("reading").
 * Returns the number of rejected inputs; *fatal is set when fn asked to stop
 * (returned a negative number) or the reader could not go on.
 */
typedef int (*cli_article_fn)(void *ctx, td_article *a);
/* --comments: HTML pages keep their reader comments (kind "comment"). */
extern bool cli_keep_comments;
long cli_read_all(char **paths, int n, const char *stage, cli_article_fn fn, void *ctx,
                  bool *fatal);

/* Subcommands, one file each. */
int cmd_clean(int argc, char **argv);
int cmd_analyse(int argc, char **argv);
int cmd_brief(int argc, char **argv);
int cmd_dedup(int argc, char **argv);
int cmd_ingest(int argc, char **argv);
int cmd_stories(int argc, char **argv);
int cmd_show(int argc, char **argv);

#endif

/*
 * cli.h - shared pieces of the command-line front end. Uses the public API only.
 */
#ifndef TD_CLI_H
#define TD_CLI_H

#include <stdbool.h>
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

/* "tidings: error: ..." on stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cli_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Usage error: the message, a hint, and EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Writes all of s to stdout; false (and an error printed) on failure. */
bool cli_write(const char *s, size_t n);

/*
 * Reads every article of the given paths ("-" or none means stdin) and hands each
 * to fn; read errors are printed and counted. Returns the number of rejected
 * inputs, or -1 if fn asked to stop (it returns nonzero).
 */
typedef int (*cli_article_fn)(void *ctx, td_article *a);
/* --comments: HTML pages keep their reader comments (kind "comment"). */
extern bool cli_keep_comments;
long cli_read_all(char **paths, int n, cli_article_fn fn, void *ctx, bool *fatal);

/* Subcommands, one file each. */
int cmd_clean(int argc, char **argv);
int cmd_brief(int argc, char **argv);
int cmd_dedup(int argc, char **argv);
int cmd_ingest(int argc, char **argv);
int cmd_stories(int argc, char **argv);
int cmd_show(int argc, char **argv);

#endif

/*
 * opts.c - the command line as its peers read it: options anywhere among the
 * paths, --opt=value and --opt value, -o FILE and -oFILE, short flags grouped
 * (-qj), `--` ending the options and `-` a path (standard input). Unknown names
 * get a "did you mean" from the command's own table.
 */
#include <string.h>

#include "cli.h"

void cli_parse_init(cli_parser *p, const char *cmd, const char *help, const cli_opt *opts,
                    size_t n_opts, int argc, char **argv)
{
    memset(p, 0, sizeof *p);
    p->cmd = cmd;
    p->help = help;
    p->opts = opts;
    p->n_opts = n_opts;
    p->argc = argc;
    p->argv = argv;
    p->i = 1;
}

/* Edit distance with adjacent transpositions ("stroies" is one from "stories"),
 * of strings short enough for a command line; larger than any bound past 63. */
static size_t distance(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    if (na > 63 || nb > 63)
        return 64;
    size_t d[64][64];
    for (size_t i = 0; i <= na; i++)
        d[i][0] = i;
    for (size_t j = 0; j <= nb; j++)
        d[0][j] = j;
    for (size_t i = 1; i <= na; i++)
        for (size_t j = 1; j <= nb; j++) {
            size_t cost = a[i - 1] != b[j - 1];
            size_t v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v)
                v = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < v)
                v = d[i - 1][j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
        }
    return d[na][nb];
}

const char *cli_suggest(const char *word, const char *const *names, size_t n)
{
    const char *best = NULL;
    size_t best_d = 0, len = strlen(word);
    /* One edit in a short word, about one in three in a longer one: "brif", "stroies",
     * "sentances" are found, "x" is not taken for anything. */
    size_t bound = len < 4 ? 1 : len / 3 + 1;
    for (size_t i = 0; i < n; i++) {
        size_t d = distance(word, names[i]);
        /* A prefix of a single name ("ing" for "ingest") is a typo too. */
        if (len >= 2 && !strncmp(names[i], word, len))
            d = 1;
        if (d <= bound && (!best || d < best_d)) {
            best = names[i];
            best_d = d;
        }
    }
    return best;
}

/* Usage error for an unknown option, with the nearest known name if any. */
static int unknown(cli_parser *p, const char *arg, bool is_long)
{
    const char *names[64];
    size_t n = 0;
    for (size_t i = 0; i < p->n_opts && n < 63; i++)
        if (p->opts[i].name)
            names[n++] = p->opts[i].name;
    names[n++] = "help";
    const char *near = is_long ? cli_suggest(arg + 2, names, n) : NULL;
    if (near)
        cli_usage_error(p->cmd, "unknown option '%s'; did you mean '--%s'?", arg, near);
    else
        cli_usage_error(p->cmd, "unknown option '%s'", arg);
    return CLI_OPT_ERROR;
}

/* The value of option o: after '=' (given), else the next argument. */
static int take(cli_parser *p, const cli_opt *o, const char *eq, const char **val)
{
    char shown[80];
    if (o->name)
        snprintf(shown, sizeof shown, "--%s", o->name);
    else
        snprintf(shown, sizeof shown, "-%c", o->letter);
    if (!o->value) {
        if (eq) {
            cli_usage_error(p->cmd, "option '%s' takes no value", shown);
            return CLI_OPT_ERROR;
        }
        *val = NULL;
        return o->id;
    }
    if (eq) {
        *val = eq;
    } else if (p->i < p->argc) {
        *val = p->argv[p->i++];
    } else {
        cli_usage_error(p->cmd, "option '%s' needs %s", shown, o->value);
        return CLI_OPT_ERROR;
    }
    return o->id;
}

static int help(cli_parser *p)
{
    fputs(p->help, stdout);
    return CLI_OPT_HELP;
}

/* One short option of a group (-q, -oFILE, -qo FILE). */
static int short_opt(cli_parser *p, const char **val)
{
    char c = *p->cluster++;
    if (c == 'h')
        return p->cluster = NULL, help(p);
    for (size_t k = 0; k < p->n_opts; k++) {
        const cli_opt *o = &p->opts[k];
        if (o->letter != c)
            continue;
        if (o->value && *p->cluster) {
            *val = p->cluster; /* -oFILE */
            p->cluster = NULL;
            return o->id;
        }
        if (!*p->cluster)
            p->cluster = NULL;
        return take(p, o, NULL, val);
    }
    char arg[3] = {'-', c, 0};
    p->cluster = NULL;
    return unknown(p, arg, false);
}

int cli_parse_next(cli_parser *p, const char **val)
{
    *val = NULL;
    if (p->cluster)
        return short_opt(p, val);
    while (p->i < p->argc) {
        char *a = p->argv[p->i++];
        if (p->dashdash || a[0] != '-' || !a[1]) {
            p->argv[1 + p->n_pos++] = a; /* a path, or "-": kept in order */
            continue;
        }
        if (a[1] != '-') {
            p->cluster = a + 1;
            return short_opt(p, val);
        }
        if (!a[2]) {
            p->dashdash = true;
            continue;
        }
        const char *name = a + 2, *eq = strchr(name, '=');
        size_t len = eq ? (size_t)(eq - name) : strlen(name);
        if (len == 4 && !strncmp(name, "help", 4))
            return help(p);
        for (size_t k = 0; k < p->n_opts; k++) {
            const cli_opt *o = &p->opts[k];
            if (o->name && strlen(o->name) == len && !strncmp(o->name, name, len))
                return take(p, o, eq ? eq + 1 : NULL, val);
        }
        if (eq) {
            /* "--jsno=1": suggest from the name alone. */
            char shown[80];
            snprintf(shown, sizeof shown, "--%.*s", (int)(len < 70 ? len : 70), name);
            return unknown(p, shown, true);
        }
        return unknown(p, a, true);
    }
    return CLI_OPT_END;
}

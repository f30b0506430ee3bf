/*
 * cmd_store.c - ingest, stories, show: the incremental workflow over a database.
 *
 * ingest prints one line per article, and only once the transaction holding it is
 * committed, so a line on stdout means the article is on disk:
 *     ingested ID story N     a new article, now in story N
 *     revised ID story N      a known id with new content (it stays in story N)
 *     unchanged ID story N    this id with this content was already stored
 * (with --json, {"status":..., "id":..., "story":N} per line). Ids, headlines and
 * outlets in these text lines are escaped (put_field), so a tab or newline in them
 * cannot shift the columns.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

static const char k_ingest_help[] =
    "usage: tidings ingest --db FILE [OPTIONS] PATH...\n\n"
    "Adds articles to the story database FILE (created when missing). Each article\n"
    "joins a story on arrival. Ingesting an article again changes nothing; an id seen\n"
    "before with new content replaces the stored content and stays in its story.\n\n"
    "Articles are committed in batches of N (default 500, and at least every second;\n"
    "from a pipe or terminal each article is committed as it comes unless --batch);\n"
    "a line `ingested ID story N` (or `revised`, `unchanged`) is printed once the\n"
    "article is committed, so a killed ingest loses only unprinted articles.\n\n"
    "  --db FILE       the database (required)\n"
    "  --batch N       articles per transaction (1..100000)\n"
    "  --window DAYS   live window: stories quiet for longer are closed (default 7)\n"
    "  --timeout MS    wait this long for another writer (default 5000; 0: none)\n"
    "  --json          one JSON object per article and line instead\n"
    "  -o, --output FILE  write the lines to FILE instead of standard output\n"
    "  --quiet, -q     no per-article lines, no progress, no summary\n\n"
    "TIDINGS_NOW (Unix seconds) fixes the arrival time, for reproducible runs.\n";

static const char k_stories_help[] =
    "usage: tidings stories --db FILE [--since DATE] [--json] [--check] [-o FILE]\n\n"
    "Lists the stories of the database, one line each: id, headline, article count,\n"
    "outlets and time span, separated by tabs (a backslash, tab or newline in a field\n"
    "is written \\\\, \\t, \\n). --since YYYY-MM-DD keeps the stories\n"
    "with an article on or after that date; --json prints one JSON object per line\n"
    "(id, headline, articles, outlets, first, last). --check verifies the whole\n"
    "database first (PRAGMA integrity_check) and fails if it is damaged. -o FILE\n"
    "(--output FILE) writes to FILE instead of standard output.\n";

static const char k_show_help[] =
    "usage: tidings show --db FILE STORY [--json] [-o FILE]\n\n"
    "Prints the brief of story STORY (an id from `tidings stories`), in the format of\n"
    "`tidings brief`: Markdown, or JSON with --json. -o FILE (--output FILE) writes\n"
    "to FILE instead of standard output.\n";

enum { O_DB = 1, O_BATCH, O_TIMEOUT, O_WINDOW, O_QUIET, O_JSON, O_OUTPUT, O_SINCE, O_CHECK };

static const cli_opt k_ingest_opts[] = {
    {"db", 0, "FILE", O_DB},           {"batch", 0, "N", O_BATCH},
    {"timeout", 0, "MS", O_TIMEOUT},   {"window", 0, "DAYS", O_WINDOW},
    {"quiet", 'q', NULL, O_QUIET},     {"json", 0, NULL, O_JSON},
    {"output", 'o', "FILE", O_OUTPUT},
};

static const cli_opt k_stories_opts[] = {
    {"db", 0, "FILE", O_DB},     {"since", 0, "DATE", O_SINCE},     {"json", 0, NULL, O_JSON},
    {"check", 0, NULL, O_CHECK}, {"output", 'o', "FILE", O_OUTPUT}, {"quiet", 'q', NULL, O_QUIET},
};

static const cli_opt k_show_opts[] = {
    {"db", 0, "FILE", O_DB},
    {"json", 0, NULL, O_JSON},
    {"output", 'o', "FILE", O_OUTPUT},
    {"quiet", 'q', NULL, O_QUIET},
};

/*
 * A field of a text line: a backslash, tab, newline or carriage return is written
 * as \\, \t, \n, \r and other control characters as \xHH, so the line
 * stays one line with its columns where they belong.
 */
static bool put_field(const char *s)
{
    bool ok = true;
    const char *run = s;
    for (; ok && *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch >= 0x20 && ch != 0x7F && ch != '\\')
            continue;
        ok = cli_write(run, (size_t)(s - run));
        const char *esc = ch == '\\' ? "\\\\" : ch == '\t' ? "\\t" : ch == '\n' ? "\\n"
                          : ch == '\r' ? "\\r" : NULL;
        if (ok)
            ok = esc ? cli_write(esc, 2) : cli_printf("\\x%02x", ch);
        run = s + 1;
    }
    return ok && cli_write(run, (size_t)(s - run));
}

static bool parse_long(const char *s, long lo, long hi, long *out)
{
    char *end;
    if (!s || !*s)
        return false;
    long v = strtol(s, &end, 10);
    if (*end || v < lo || v > hi)
        return false;
    *out = v;
    return true;
}

static int open_error(const char *db, td_store *s, td_status st)
{
    (void)st;
    cli_error("%s: %s", db, td_store_error(s));
    td_status cst = td_store_close(s);
    (void)cst;
    return EXIT_FATAL;
}

/* ---- ingest ---- */

/* True when the input includes standard input and that is a pipe or terminal. */
static bool reads_stream(char **paths, int n)
{
    bool stdin_used = n == 0;
    for (int i = 0; i < n; i++)
        if (!strcmp(paths[i], "-"))
            stdin_used = true;
    struct stat sb;
    return stdin_used && (fstat(0, &sb) != 0 || !S_ISREG(sb.st_mode));
}

typedef struct pending {
    char *id;
    uint64_t story;
    td_ingest_kind kind;
} pending;

typedef struct ingest_ctx {
    td_store *store;
    const char *db;
    bool quiet, json;
    long batch;
    pending *p;
    size_t n, cap;
    time_t batch_start;
    unsigned long n_new, n_revised, n_unchanged, n_stories;
} ingest_ctx;

static void drop_pending(ingest_ctx *c)
{
    for (size_t i = 0; i < c->n; i++)
        free(c->p[i].id);
    c->n = 0;
}

/* Commits, then reports the batch. Returns false on failure (error printed). */
static bool flush(ingest_ctx *c)
{
    td_status st = td_store_commit(c->store);
    if (st) {
        cli_error("%s: %s", c->db, td_store_error(c->store));
        drop_pending(c);
        return false;
    }
    static const char *const verb[] = {"ingested", "unchanged", "revised"};
    bool ok = true;
    for (size_t i = 0; ok && !c->quiet && i < c->n; i++) {
        unsigned long long story = (unsigned long long)c->p[i].story;
        if (c->json)
            ok = cli_printf("{\"status\":\"%s\",\"id\":", verb[c->p[i].kind]) &&
                 cli_json_str(c->p[i].id) && cli_printf(",\"story\":%llu}\n", story);
        else
            ok = cli_printf("%s ", verb[c->p[i].kind]) && put_field(c->p[i].id) &&
                 cli_printf(" story %llu\n", story);
    }
    drop_pending(c);
    if (!ok || fflush(stdout) != 0) {
        if (ok)
            cli_error("cannot write output");
        return false;
    }
    c->batch_start = time(NULL);
    return true;
}

static int ingest_one(void *ctx, td_article *a)
{
    ingest_ctx *c = ctx;
    uint32_t line;
    const char *origin = td_article_origin(a, &line);
    char where[512];
    if (line)
        snprintf(where, sizeof where, "%s:%u", origin ? origin : "?", line);
    else
        snprintf(where, sizeof where, "%s", origin ? origin : "?");
    const char *aid = td_article_id(a);
    char *id = strdup(aid && *aid ? aid : "-");
    if (!id || (c->n == c->cap && !(c->cap = c->cap ? c->cap * 2 : 64,
                                    c->p = realloc(c->p, c->cap * sizeof *c->p)))) {
        free(id);
        td_article_free(a);
        cli_error("out of memory");
        return -1;
    }
    td_ingest_result res;
    td_status st = td_store_ingest(c->store, a, &res); /* takes a */
    switch (st) {
    case TD_OK:
        break;
    case TD_EEMPTY:
    case TD_EBINARY:
    case TD_EUTF8:
    case TD_ETOOBIG:
    case TD_EPARSE:
    case TD_EFIELD:
    case TD_EFORMAT:
        cli_error("%s: %s", where, td_store_error(c->store));
        free(id);
        return 1;
    default:
        cli_error("%s: %s", c->db, td_store_error(c->store));
        free(id);
        return -1;
    }
    c->p[c->n++] = (pending){id, res.story, res.kind};
    if (res.kind == TD_INGEST_NEW)
        c->n_new++;
    else if (res.kind == TD_INGEST_REVISED)
        c->n_revised++;
    else
        c->n_unchanged++;
    if (res.new_story)
        c->n_stories++;
    if ((long)c->n >= c->batch || time(NULL) - c->batch_start >= 1)
        return flush(c) ? 0 : -1;
    return 0;
}

int cmd_ingest(int argc, char **argv)
{
    const char *db = NULL, *output = NULL, *v;
    ingest_ctx c;
    memset(&c, 0, sizeof c);
    c.batch = 500;
    long window = 0, timeout = -1;
    bool batch_given = false;
    cli_parser p;
    cli_parse_init(&p, "ingest", k_ingest_help, k_ingest_opts,
                   sizeof k_ingest_opts / sizeof *k_ingest_opts, argc, argv);
    for (int id; (id = cli_parse_next(&p, &v)) != CLI_OPT_END;) {
        if (id == CLI_OPT_HELP)
            return EXIT_OK;
        if (id == CLI_OPT_ERROR)
            return EXIT_USAGE;
        if (id == O_DB) {
            if (!*v)
                return cli_usage_error("ingest", "--db needs a FILE");
            db = v;
        } else if (id == O_BATCH) {
            if (!parse_long(v, 1, 100000, &c.batch))
                return cli_usage_error("ingest", "--batch needs a number from 1 to 100000");
            batch_given = true;
        } else if (id == O_TIMEOUT) {
            if (!parse_long(v, 0, 3600000, &timeout))
                return cli_usage_error("ingest", "--timeout needs milliseconds (0..3600000)");
        } else if (id == O_WINDOW) {
            if (!parse_long(v, 1, 3650, &window))
                return cli_usage_error("ingest", "--window needs a number of days (1..3650)");
        } else if (id == O_QUIET) {
            c.quiet = true;
            cli_progress_quiet(true);
        } else if (id == O_JSON) {
            c.json = true;
        } else if (id == O_OUTPUT) {
            output = v;
        }
    }
    int i = 1;
    argc = 1 + p.n_pos;
    if (!db)
        return cli_usage_error("ingest", "--db FILE is required");
    td_store_opts so;
    memset(&so, 0, sizeof so);
    so.window_days = (int)window;
    if (timeout >= 0)
        so.busy_timeout_ms = timeout ? (int)timeout : -1; /* 0: do not wait */
    /* Articles from a pipe or a terminal may trickle in: each is committed (and
     * reported) as it comes, unless --batch says otherwise. */
    if (!batch_given && reads_stream(argv + i, argc - i))
        c.batch = 1;
    if (cli_out_open(output))
        return EXIT_FATAL;
    const char *now = getenv("TIDINGS_NOW");
    long nowv;
    if (now && *now && parse_long(now, 1, 0x7fffffffL, &nowv))
        so.now = nowv;
    td_store *s = NULL;
    td_status st = td_store_open(db, &so, &s);
    if (st)
        return open_error(db, s, st);
    c.store = s;
    c.db = db;
    c.batch_start = time(NULL);
    bool fatal;
    long rejected = cli_read_all(argv + i, argc - i, "ingesting", ingest_one, &c, &fatal);
    if (!fatal && !flush(&c))
        fatal = true;
    drop_pending(&c);
    free(c.p);
    st = td_store_close(s); /* nothing pending: after a failure it rolls back */
    if (st && !fatal) {
        cli_error("%s: %s", db, td_strerror(st));
        fatal = true;
    }
    cli_progress_done();
    if (isatty(2) && !c.quiet)
        fprintf(stderr, "tidings: %lu new, %lu revised, %lu unchanged, %ld rejected; "
                        "%lu new stories\n",
                c.n_new, c.n_revised, c.n_unchanged, rejected, c.n_stories);
    return fatal ? EXIT_FATAL : rejected ? EXIT_REJECTED : EXIT_OK;
}

/* ---- stories ---- */

typedef struct list_ctx {
    bool json;
    bool failed;
} list_ctx;

static int list_one(void *ctx, const td_story_info *si)
{
    list_ctx *c = ctx;
    if (c->json) {
        char *out = NULL;
        size_t n = 0;
        if (td_story_info_json(si, &out, &n)) {
            cli_error("out of memory");
            c->failed = true;
            return 1;
        }
        bool ok = cli_write(out, n) && cli_write("\n", 1);
        td_free(out);
        if (!ok) {
            c->failed = true;
            return 1;
        }
        return 0;
    }
    char first[32], last[32];
    td_date_format(&si->first, first, sizeof first);
    td_date_format(&si->last, last, sizeof last);
    bool ok = cli_printf("%llu\t", (unsigned long long)si->id) &&
              put_field(si->headline && *si->headline ? si->headline : "(untitled)") &&
              cli_printf("\t%zu article%s\t", si->n_articles, si->n_articles == 1 ? "" : "s");
    for (size_t i = 0; ok && i < si->n_outlets; i++)
        ok = (!i || cli_write(", ", 2)) && put_field(si->outlets[i]);
    if (ok && !si->n_outlets)
        ok = cli_write("-", 1);
    if (ok && strcmp(first, last))
        ok = cli_printf("\t%s..%s\n", first, last);
    else if (ok)
        ok = cli_printf("\t%s\n", first);
    if (!ok) {
        c->failed = true;
        return 1;
    }
    return 0;
}

int cmd_stories(int argc, char **argv)
{
    const char *db = NULL, *output = NULL, *v;
    list_ctx c = {false, false};
    bool check = false;
    td_date since, *sincep = NULL;
    cli_parser p;
    cli_parse_init(&p, "stories", k_stories_help, k_stories_opts,
                   sizeof k_stories_opts / sizeof *k_stories_opts, argc, argv);
    for (int id; (id = cli_parse_next(&p, &v)) != CLI_OPT_END;) {
        if (id == CLI_OPT_HELP)
            return EXIT_OK;
        if (id == CLI_OPT_ERROR)
            return EXIT_USAGE;
        if (id == O_DB) {
            if (!*v)
                return cli_usage_error("stories", "--db needs a FILE");
            db = v;
        } else if (id == O_SINCE) {
            if (td_date_parse(v, strlen(v), &since) || since.prec < TD_DATE_YEAR)
                return cli_usage_error("stories", "--since needs a date (YYYY-MM-DD)");
            sincep = &since;
        } else if (id == O_JSON) {
            c.json = true;
        } else if (id == O_CHECK) {
            check = true;
        } else if (id == O_OUTPUT) {
            output = v;
        }
    }
    if (p.n_pos)
        return cli_usage_error("stories", "unexpected argument '%s'", argv[1]);
    if (!db)
        return cli_usage_error("stories", "--db FILE is required");
    td_store_opts so;
    memset(&so, 0, sizeof so);
    so.readonly = 1;
    if (cli_out_open(output))
        return EXIT_FATAL;
    td_store *s = NULL;
    td_status st = td_store_open(db, &so, &s);
    if (st)
        return open_error(db, s, st);
    if (check)
        st = td_store_check(s);
    if (!st)
        st = td_store_stories(s, sincep, list_one, &c);
    int rc = EXIT_OK;
    if (st) {
        cli_error("%s: %s", db, td_store_error(s));
        rc = EXIT_FATAL;
    } else if (c.failed) {
        rc = EXIT_FATAL;
    }
    td_status cst = td_store_close(s);
    (void)cst;
    return rc;
}

/* ---- show ---- */

int cmd_show(int argc, char **argv)
{
    const char *db = NULL, *output = NULL, *v, *story = NULL;
    bool json = false;
    cli_parser p;
    cli_parse_init(&p, "show", k_show_help, k_show_opts,
                   sizeof k_show_opts / sizeof *k_show_opts, argc, argv);
    for (int id; (id = cli_parse_next(&p, &v)) != CLI_OPT_END;) {
        if (id == CLI_OPT_HELP)
            return EXIT_OK;
        if (id == CLI_OPT_ERROR)
            return EXIT_USAGE;
        if (id == O_DB) {
            if (!*v)
                return cli_usage_error("show", "--db needs a FILE");
            db = v;
        } else if (id == O_JSON) {
            json = true;
        } else if (id == O_OUTPUT) {
            output = v;
        }
    }
    if (p.n_pos > 1)
        return cli_usage_error("show", "one STORY at a time");
    if (p.n_pos)
        story = argv[1];
    if (!db)
        return cli_usage_error("show", "--db FILE is required");
    long id;
    if (!story)
        return cli_usage_error("show", "which STORY? (an id from `tidings stories`)");
    if (!parse_long(story, 1, 0x7fffffffffffffffL, &id))
        return cli_usage_error("show", "STORY must be a story id, not '%s'", story);
    td_store_opts so;
    memset(&so, 0, sizeof so);
    so.readonly = 1;
    if (cli_out_open(output))
        return EXIT_FATAL;
    td_store *s = NULL;
    td_status st = td_store_open(db, &so, &s);
    if (st)
        return open_error(db, s, st);
    char *out = NULL;
    size_t n = 0;
    int rc = EXIT_OK;
    uint64_t to = 0;
    if (td_store_resolve(s, (uint64_t)id, &to) == TD_OK && to != (uint64_t)id)
        cli_warn("%s: story %ld is now part of story %llu", db, id, (unsigned long long)to);
    st = td_store_show(s, (uint64_t)id, json, &out, &n);
    if (st) {
        cli_error("%s: %s", db, td_store_error(s));
        rc = st == TD_ENOTFOUND ? EXIT_REJECTED : EXIT_FATAL;
    } else if (!cli_write(out, n) || (json && !cli_write("\n", 1))) {
        rc = EXIT_FATAL;
    }
    td_free(out);
    td_status cst = td_store_close(s);
    (void)cst;
    return rc;
}

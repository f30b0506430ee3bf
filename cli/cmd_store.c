/*
 * cmd_store.c - ingest, stories, show: the incremental workflow over a database.
 *
 * ingest prints one line per article, and only once the transaction holding it is
 * committed, so a line on stdout means the article is on disk:
 *     ingested ID story N     a new article, now in story N
 *     revised ID story N      a known id with new content (it stays in story N)
 *     unchanged ID story N    this id with this content was already stored
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
    "  --quiet, -q     no per-article lines\n\n"
    "TIDINGS_NOW (Unix seconds) fixes the arrival time, for reproducible runs.\n";

static const char k_stories_help[] =
    "usage: tidings stories --db FILE [--since DATE] [--json] [--check]\n\n"
    "Lists the stories of the database, one line each: id, headline, article count,\n"
    "outlets and time span, separated by tabs. --since YYYY-MM-DD keeps the stories\n"
    "with an article on or after that date; --json prints one JSON object per line\n"
    "(id, headline, articles, outlets, first, last). --check verifies the whole\n"
    "database first (PRAGMA integrity_check) and fails if it is damaged.\n";

static const char k_show_help[] =
    "usage: tidings show --db FILE STORY [--json]\n\n"
    "Prints the brief of story STORY (an id from `tidings stories`), in the format of\n"
    "`tidings brief`: Markdown, or JSON with --json.\n";

/* Common option: --db FILE or --db=FILE. Returns 1 if consumed (and *i advanced). */
static int opt_value(int argc, char **argv, int *i, const char *name, const char **val)
{
    size_t n = strlen(name);
    if (strncmp(argv[*i], name, n) != 0)
        return 0;
    if (argv[*i][n] == '=') {
        *val = argv[*i] + n + 1;
        return 1;
    }
    if (argv[*i][n] != '\0')
        return 0;
    if (*i + 1 >= argc) {
        *val = NULL;
        return 1;
    }
    *val = argv[++*i];
    return 1;
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
    bool quiet;
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
    for (size_t i = 0; i < c->n; i++) {
        if (!c->quiet)
            printf("%s %s story %llu\n", verb[c->p[i].kind], c->p[i].id,
                   (unsigned long long)c->p[i].story);
    }
    drop_pending(c);
    if (fflush(stdout) != 0) {
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
    const char *db = NULL, *v;
    ingest_ctx c;
    memset(&c, 0, sizeof c);
    c.batch = 500;
    long window = 0, timeout = -1;
    bool batch_given = false;
    int i = 1;
    for (; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fputs(k_ingest_help, stdout);
            return EXIT_OK;
        } else if (opt_value(argc, argv, &i, "--db", &v)) {
            if (!v || !*v)
                return cli_usage_error("ingest", "--db needs a FILE");
            db = v;
        } else if (opt_value(argc, argv, &i, "--batch", &v)) {
            if (!parse_long(v, 1, 100000, &c.batch))
                return cli_usage_error("ingest", "--batch needs a number from 1 to 100000");
            batch_given = true;
        } else if (opt_value(argc, argv, &i, "--timeout", &v)) {
            if (!parse_long(v, 0, 3600000, &timeout))
                return cli_usage_error("ingest", "--timeout needs milliseconds (0..3600000)");
        } else if (opt_value(argc, argv, &i, "--window", &v)) {
            if (!parse_long(v, 1, 3650, &window))
                return cli_usage_error("ingest", "--window needs a number of days (1..3650)");
        } else if (!strcmp(argv[i], "--quiet") || !strcmp(argv[i], "-q")) {
            c.quiet = true;
        } else if (!strcmp(argv[i], "--")) {
            i++;
            break;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            return cli_usage_error("ingest", "unknown option '%s'", argv[i]);
        } else {
            break;
        }
    }
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
    long rejected = cli_read_all(argv + i, argc - i, ingest_one, &c, &fatal);
    if (!fatal && !flush(&c))
        fatal = true;
    drop_pending(&c);
    free(c.p);
    st = td_store_close(s); /* nothing pending: after a failure it rolls back */
    if (st && !fatal) {
        cli_error("%s: %s", db, td_strerror(st));
        fatal = true;
    }
    if (isatty(2))
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
    printf("%llu\t%s\t%zu article%s\t", (unsigned long long)si->id,
           si->headline && *si->headline ? si->headline : "(untitled)", si->n_articles,
           si->n_articles == 1 ? "" : "s");
    for (size_t i = 0; i < si->n_outlets; i++)
        printf("%s%s", i ? ", " : "", si->outlets[i]);
    if (!si->n_outlets)
        fputs("-", stdout);
    if (strcmp(first, last))
        printf("\t%s..%s\n", first, last);
    else
        printf("\t%s\n", first);
    return 0;
}

int cmd_stories(int argc, char **argv)
{
    const char *db = NULL, *v;
    list_ctx c = {false, false};
    bool check = false;
    td_date since, *sincep = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fputs(k_stories_help, stdout);
            return EXIT_OK;
        } else if (opt_value(argc, argv, &i, "--db", &v)) {
            if (!v || !*v)
                return cli_usage_error("stories", "--db needs a FILE");
            db = v;
        } else if (opt_value(argc, argv, &i, "--since", &v)) {
            if (!v || td_date_parse(v, strlen(v), &since) || since.prec < TD_DATE_YEAR)
                return cli_usage_error("stories", "--since needs a date (YYYY-MM-DD)");
            sincep = &since;
        } else if (!strcmp(argv[i], "--json")) {
            c.json = true;
        } else if (!strcmp(argv[i], "--check")) {
            check = true;
        } else if (argv[i][0] == '-') {
            return cli_usage_error("stories", "unknown option '%s'", argv[i]);
        } else {
            return cli_usage_error("stories", "unexpected argument '%s'", argv[i]);
        }
    }
    if (!db)
        return cli_usage_error("stories", "--db FILE is required");
    td_store_opts so;
    memset(&so, 0, sizeof so);
    so.readonly = 1;
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
    const char *db = NULL, *v, *story = NULL;
    bool json = false;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fputs(k_show_help, stdout);
            return EXIT_OK;
        } else if (opt_value(argc, argv, &i, "--db", &v)) {
            if (!v || !*v)
                return cli_usage_error("show", "--db needs a FILE");
            db = v;
        } else if (!strcmp(argv[i], "--json")) {
            json = true;
        } else if (argv[i][0] == '-') {
            return cli_usage_error("show", "unknown option '%s'", argv[i]);
        } else if (story) {
            return cli_usage_error("show", "one STORY at a time");
        } else {
            story = argv[i];
        }
    }
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

/*
 * store.c - the SQLite store: open (schema check and creation), ingest inside
 * batched transactions, and the live clusterer state rebuilt from the last window.
 *
 * Why it is shaped this way (docs/store.md has the whole story):
 *  - WAL with synchronous=FULL: a commit is on disk when COMMIT returns, also
 *    against power loss; batching many articles per transaction makes the one
 *    fsync per batch cheap.
 *  - BEGIN IMMEDIATE takes the write lock when the batch starts, so a second writer
 *    waits (busy timeout) at a clean point and never fails half-way through.
 *  - Story ids are the store's own (INTEGER PRIMARY KEY of `stories`); the
 *    clusterer's ids are mapped to them, so that a new process, which rebuilds the
 *    clusterer by replaying the window, keeps the ids users have already seen.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <libdeflate.h>
#include <xxhash.h>

#include "analyse/analyse.h"
#include "brief/brief_p.h"
#include "pipeline/pipeline_p.h"
#include "store/store_p.h"
#include "tidings/clean.h"

#define APP_ID 0x7464676e /* "tdgn" */

static const char *const k_sql[TDP_S_N_] = {
    [TDP_S_BEGIN] = "BEGIN IMMEDIATE",
    [TDP_S_COMMIT] = "COMMIT",
    [TDP_S_ROLLBACK] = "ROLLBACK",
    [TDP_S_FIND] = "SELECT seq, story FROM articles WHERE id = ?1",
    [TDP_S_SEEN] = "SELECT 1 FROM versions WHERE id = ?1 AND hash = ?2",
    [TDP_S_INS_VER] = "INSERT OR IGNORE INTO versions(id, hash, seen) VALUES (?1, ?2, ?3)",
    [TDP_S_INS_ART] =
        "INSERT INTO articles(id, hash, story, arrived, day, placed_by, date, title, "
        "outlet, in_url, in_title, in_date, in_source, in_author, in_language, in_text, "
        "in_html, origin, line, settled) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
        "?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, 0)",
    [TDP_S_UPD_ART] =
        "UPDATE articles SET hash = ?2, revised = ?4, day = ?5, placed_by = ?6, "
        "date = ?7, title = ?8, outlet = ?9, in_url = ?10, in_title = ?11, "
        "in_date = ?12, in_source = ?13, in_author = ?14, in_language = ?15, "
        "in_text = ?16, in_html = ?17, origin = ?18, line = ?19, "
        "revisions = revisions + 1, settled = 0 WHERE id = ?1",
    [TDP_S_NEW_STORY] =
        "INSERT INTO stories(headline, n_articles, first_day, last_day, created, "
        "updated) VALUES (NULL, 0, ?1, ?1, ?2, ?2)",
    [TDP_S_STORY_ADD] =
        "UPDATE stories SET n_articles = n_articles + 1, "
        "first_day = min(first_day, ?2), last_day = max(last_day, ?2), "
        "headline = coalesce(headline, ?3), updated = ?4 WHERE id = ?1",
    [TDP_S_STORY_SPAN] =
        "UPDATE stories SET first_day = (SELECT min(day) FROM articles WHERE story = ?1), "
        "last_day = (SELECT max(day) FROM articles WHERE story = ?1), "
        "headline = coalesce(headline, ?2), updated = ?3 WHERE id = ?1",
    [TDP_S_MAXDAY] = "SELECT max(day) FROM articles WHERE day <= ?1",
    /* The live stories (an article placed on day ?1 or later), each with its latest
     * ?2 articles, in arrival order, with the features stored for each. */
    [TDP_S_LIVE] = "SELECT a.story, a.placed_by, a.day, a.seq, f.version, f.data FROM ("
                   "SELECT seq, story, placed_by, day, row_number() OVER "
                   "(PARTITION BY story ORDER BY seq DESC) AS rn FROM articles "
                   "WHERE story IN (SELECT id FROM stories WHERE last_day >= ?1 "
                   "AND n_articles > 0)) AS a LEFT JOIN features AS f ON f.seq = a.seq "
                   "WHERE a.rn <= ?2 ORDER BY a.seq",
    [TDP_S_RAW_ONE] = "SELECT " TDP_RAW_COLS " FROM articles WHERE seq = ?1",
    [TDP_S_INS_FEAT] = "INSERT OR REPLACE INTO features(seq, version, data) "
                       "VALUES (?1, ?2, ?3)",
    [TDP_S_INS_PREP] = "INSERT OR REPLACE INTO prepared(seq, version, data) "
                       "VALUES (?1, ?2, ?3)",
    /* the version a revision replaces, kept whole */
    [TDP_S_EARLIER] = "INSERT INTO earlier(seq, hash, replaced, in_url, in_title, in_date, "
                      "in_source, in_author, in_language, in_text, in_html, origin, line) "
                      "SELECT seq, hash, ?2, in_url, in_title, in_date, in_source, "
                      "in_author, in_language, in_text, in_html, origin, line "
                      "FROM articles WHERE id = ?1",
    /* what settles: the articles not settled; the settled stories with an
     * article placed between ?1 and ?2; the settled articles of such a story */
    [TDP_S_UNSETTLED] = "SELECT seq, story, day FROM articles WHERE settled = 0",
    [TDP_S_NEAR] = "SELECT DISTINCT story FROM articles "
                   "WHERE day BETWEEN ?1 AND ?2 AND settled = 1",
    [TDP_S_STORY_SETTLED] = "SELECT seq FROM articles WHERE story = ?1 AND settled = 1",
    [TDP_S_PREP_ONE] = "SELECT version, data FROM prepared WHERE seq = ?1",
    [TDP_S_MOVE_ART] = "UPDATE articles SET story = ?2 WHERE seq = ?1",
    [TDP_S_INS_MOVE] = "INSERT INTO moves(at, seq, from_story, into_story) "
                       "VALUES (?1, ?2, ?3, ?4)",
    [TDP_S_SETTLED] = "UPDATE articles SET settled = 1 WHERE settled = 0",
    [TDP_S_RECOUNT] =
        "UPDATE stories SET n_articles = (SELECT count(*) FROM articles WHERE story = ?1), "
        "first_day = coalesce((SELECT min(day) FROM articles WHERE story = ?1), first_day), "
        "last_day = coalesce((SELECT max(day) FROM articles WHERE story = ?1), last_day), "
        "updated = ?2 WHERE id = ?1 RETURNING n_articles",
    [TDP_S_EMPTIED] = "UPDATE stories SET merged_into = ?2 WHERE id = ?1 AND n_articles = 0",
    [TDP_S_SET_HEADLINE] = "UPDATE stories SET headline = ?2 WHERE id = ?1",
    [TDP_S_STORY_PREP] = "SELECT a.seq, p.version, p.data FROM articles AS a "
                         "LEFT JOIN prepared AS p ON p.seq = a.seq WHERE a.story = ?1 "
                         "ORDER BY a.day, a.seq",
    /* a store of schema 3 or older, read as it is: no prepared articles */
    [TDP_S_STORY_PREP_V3] = "SELECT seq, NULL, NULL FROM articles WHERE story = ?1 "
                            "ORDER BY day, seq",
    [TDP_S_HEADLINE] = "SELECT headline FROM stories WHERE id = ?1",
    [TDP_S_STORY_ONE] = "SELECT n_articles, merged_into FROM stories WHERE id = ?1",
    [TDP_S_STORY_ONE_V1] = "SELECT n_articles, NULL FROM stories WHERE id = ?1",
    [TDP_S_COUNTS] = "SELECT (SELECT count(*) FROM articles), "
                     "(SELECT count(*) FROM stories WHERE n_articles > 0)",
};

/*
 * What schema 4 added, shared by a new store and the upgrade from 3: the prepared
 * article of each article, the earlier versions of revised ones, the moves the
 * settling made, and the articles waiting for it.
 */
#define K_SCHEMA_4 \
    "CREATE TABLE prepared(\n" \
    "  seq INTEGER PRIMARY KEY,\n" \
    "  version INTEGER NOT NULL,\n" \
    "  data BLOB NOT NULL);\n" \
    "CREATE TABLE earlier(\n" \
    "  seq INTEGER NOT NULL,\n" \
    "  hash BLOB NOT NULL,\n" \
    "  replaced INTEGER NOT NULL,\n" \
    "  in_url TEXT, in_title TEXT, in_date TEXT, in_source TEXT, in_author TEXT,\n" \
    "  in_language TEXT, in_text TEXT, in_html TEXT,\n" \
    "  origin TEXT, line INTEGER NOT NULL DEFAULT 0);\n" \
    "CREATE INDEX earlier_seq ON earlier(seq);\n" \
    "CREATE TABLE moves(\n" \
    "  at INTEGER NOT NULL,\n" \
    "  seq INTEGER NOT NULL,\n" \
    "  from_story INTEGER NOT NULL,\n" \
    "  into_story INTEGER NOT NULL);\n" \
    "CREATE INDEX articles_unsettled ON articles(seq) WHERE settled = 0;\n"

/* The current schema (docs/store.md), created in one transaction. */
static const char k_schema[] =
    "CREATE TABLE stories(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  headline TEXT,\n"
    "  n_articles INTEGER NOT NULL DEFAULT 0,\n"
    "  first_day INTEGER NOT NULL,\n"
    "  last_day INTEGER NOT NULL,\n"
    "  created INTEGER NOT NULL,\n"
    "  updated INTEGER NOT NULL,\n"
    "  merged_into INTEGER);\n"
    "CREATE INDEX stories_last_day ON stories(last_day);\n"
    "CREATE TABLE articles(\n"
    "  seq INTEGER PRIMARY KEY,\n"
    "  id TEXT NOT NULL UNIQUE,\n"
    "  hash BLOB NOT NULL,\n"
    "  story INTEGER NOT NULL REFERENCES stories(id),\n"
    "  arrived INTEGER NOT NULL,\n"
    "  revised INTEGER,\n"
    "  revisions INTEGER NOT NULL DEFAULT 0,\n"
    "  day INTEGER NOT NULL,\n"
    "  placed_by INTEGER NOT NULL,\n"
    "  date TEXT, title TEXT, outlet TEXT,\n"
    "  in_url TEXT, in_title TEXT, in_date TEXT, in_source TEXT, in_author TEXT,\n"
    "  in_language TEXT, in_text TEXT, in_html TEXT,\n"
    "  origin TEXT, line INTEGER NOT NULL DEFAULT 0,\n"
    "  settled INTEGER NOT NULL DEFAULT 1);\n"
    "CREATE INDEX articles_story ON articles(story, day);\n"
    "CREATE INDEX articles_day ON articles(day);\n"
    K_SCHEMA_4
    "CREATE TABLE versions(\n"
    "  id TEXT NOT NULL,\n"
    "  hash BLOB NOT NULL,\n"
    "  seen INTEGER NOT NULL,\n"
    "  PRIMARY KEY(id, hash)) WITHOUT ROWID;\n"
    "CREATE TABLE features(\n"
    "  seq INTEGER PRIMARY KEY,\n"
    "  version INTEGER NOT NULL,\n"
    "  data BLOB NOT NULL);\n";

/* ---- messages and status ---- */

td_status tdp_store_failf(td_store *s, td_status st, const char *fmt, ...)
{
    if (s) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(s->err, sizeof s->err, fmt, ap);
        va_end(ap);
    }
    return st;
}

static td_status map_rc(int rc)
{
    switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return TD_ELOCKED;
    case SQLITE_READONLY: return TD_EREADONLY;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return TD_ECORRUPT;
    case SQLITE_NOMEM: return TD_ENOMEM;
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_PERM: return TD_EIO;
    default: return TD_EDB;
    }
}

td_status tdp_store_fail(td_store *s, int rc, const char *what)
{
    td_status st = map_rc(rc);
    const char *msg = s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc);
    int sys = s->db ? sqlite3_system_errno(s->db) : 0;
    switch (st) {
    case TD_ELOCKED:
        if (s->opts.busy_timeout_ms > 0)
            return tdp_store_failf(s, st, "database is locked by another process "
                                   "(waited %d ms)", s->opts.busy_timeout_ms);
        return tdp_store_failf(s, st, "database is locked by another process");
    case TD_EREADONLY:
        return tdp_store_failf(s, st, "database is read-only (%s)", msg);
    case TD_ECORRUPT:
        return tdp_store_failf(s, st, "database is corrupt or not a database (%s)", msg);
    case TD_ENOMEM:
        return tdp_store_failf(s, st, "out of memory");
    case TD_EIO:
        if (sys)
            return tdp_store_failf(s, st, "%s: %s (%s)", what, msg, strerror(sys));
        return tdp_store_failf(s, st, "%s: %s", what, msg);
    default:
        return tdp_store_failf(s, st, "%s: %s", what, msg);
    }
}

TD_API const char *td_store_error(const td_store *s)
{
    if (!s)
        return "out of memory";
    return s->err[0] ? s->err : "no error";
}

sqlite3_stmt *tdp_store_stmt(td_store *s, int k, td_status *st)
{
    sqlite3_stmt *q = s->st[k];
    if (q) {
        sqlite3_reset(q);
        sqlite3_clear_bindings(q);
        return q;
    }
    int rc = sqlite3_prepare_v3(s->db, k_sql[k], -1, SQLITE_PREPARE_PERSISTENT, &s->st[k],
                                NULL);
    if (rc != SQLITE_OK) {
        *st = tdp_store_fail(s, rc, "cannot prepare a query");
        sqlite3_finalize(s->st[k]);
        s->st[k] = NULL;
        return NULL;
    }
    return s->st[k];
}

/* Runs a statement without results to completion. */
static td_status step_done(td_store *s, sqlite3_stmt *q, const char *what)
{
    int rc = sqlite3_step(q);
    sqlite3_reset(q);
    if (rc != SQLITE_DONE)
        return tdp_store_fail(s, rc, what);
    return TD_OK;
}

static td_status exec(td_store *s, const char *sql, const char *what)
{
    int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
    return rc == SQLITE_OK ? TD_OK : tdp_store_fail(s, rc, what);
}

/* One integer out of a one-row query (a PRAGMA). */
static td_status query_int(td_store *s, const char *sql, int64_t *out)
{
    sqlite3_stmt *q = NULL;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &q, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(q);
        if (rc == SQLITE_ROW) {
            *out = sqlite3_column_int64(q, 0);
            rc = SQLITE_OK;
        } else if (rc == SQLITE_DONE) {
            *out = 0;
            rc = SQLITE_OK;
        }
    }
    sqlite3_finalize(q);
    return rc == SQLITE_OK ? TD_OK : tdp_store_fail(s, rc, "cannot read the database");
}

td_date tdp_store_day_date(int64_t day)
{
    td_date d = {0, 0, 0, 0, 0, TD_DATE_DAY};
    int y, m, dd;
    tdp_civil_from_days((int32_t)day, &y, &m, &dd);
    d.year = (int16_t)y;
    d.month = (int8_t)m;
    d.day = (int8_t)dd;
    return d;
}

/* ---- open and close ---- */

static td_status create_schema(td_store *s)
{
    td_status st = exec(s, "BEGIN IMMEDIATE", "cannot create the store");
    if (st)
        return st;
    int64_t n = 0;
    st = query_int(s, "SELECT count(*) FROM sqlite_schema", &n);
    if (!st && n == 0) {
        char pragmas[128];
        snprintf(pragmas, sizeof pragmas, "PRAGMA application_id = %d; PRAGMA user_version = %d;",
                 APP_ID, TD_STORE_SCHEMA);
        st = exec(s, k_schema, "cannot create the store");
        if (!st)
            st = exec(s, pragmas, "cannot create the store");
    }
    if (!st)
        st = exec(s, "COMMIT", "cannot create the store");
    if (st)
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return st;
}

/*
 * Upgrades an older schema in one transaction. Each step takes the database from
 * version v to v + 1; a failure leaves it as it was.
 */
static const char *const k_migrate[] = {
    /* 1 -> 2: stories merged by the clusterer point at the one they joined. */
    "ALTER TABLE stories ADD COLUMN merged_into INTEGER;",
    /* 2 -> 3: what the clusterer was shown of each article; rows are added as
     * articles arrive, and for older articles when a rebuild re-analyses them. */
    "CREATE TABLE features(seq INTEGER PRIMARY KEY, version INTEGER NOT NULL, "
    "data BLOB NOT NULL);",
    /* 3 -> 4: prepared articles (filled as articles arrive, and as a settle or a
     * `show` meets an article without one), earlier versions, moves; the
     * articles stored before are settled as they are. */
    "ALTER TABLE articles ADD COLUMN settled INTEGER NOT NULL DEFAULT 1;\n" K_SCHEMA_4,
};

static td_status migrate(td_store *s, int64_t from)
{
    td_status st = exec(s, "BEGIN IMMEDIATE", "cannot upgrade the store");
    if (st)
        return st;
    int64_t ver = 0;
    st = query_int(s, "PRAGMA user_version", &ver);
    for (; !st && ver < TD_STORE_SCHEMA; ver++) {
        st = exec(s, k_migrate[ver - 1], "cannot upgrade the store");
        if (!st) {
            char pragma[64];
            snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d;", (int)ver + 1);
            st = exec(s, pragma, "cannot upgrade the store");
        }
    }
    if (!st)
        st = exec(s, "COMMIT", "cannot upgrade the store");
    if (st) {
        char why[sizeof s->err];
        memcpy(why, s->err, sizeof why);
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return tdp_store_failf(s, st, "cannot upgrade the store from schema %lld: %s",
                               (long long)from, why);
    }
    return TD_OK;
}

static td_status check_schema(td_store *s)
{
    int64_t app = 0, ver = 0, objects = 0;
    td_status st = query_int(s, "PRAGMA application_id", &app);
    if (!st)
        st = query_int(s, "PRAGMA user_version", &ver);
    if (!st)
        st = query_int(s, "SELECT count(*) FROM sqlite_schema", &objects);
    if (st)
        return st;
    if (app == 0 && ver == 0 && objects == 0) {
        if (s->readonly)
            return tdp_store_failf(s, TD_ESCHEMA, "not a tidings database (it is empty)");
        st = create_schema(s);
        if (st)
            return st;
        return check_schema(s);
    }
    if (app != APP_ID)
        return tdp_store_failf(s, TD_ESCHEMA, "not a tidings database (application id %lld)",
                               (long long)app);
    if (ver > TD_STORE_SCHEMA)
        return tdp_store_failf(s, TD_ESCHEMA,
                               "database schema %lld is newer than this tidings supports "
                               "(%d); use a newer tidings", (long long)ver, TD_STORE_SCHEMA);
    if (ver < 1)
        return tdp_store_failf(s, TD_ESCHEMA, "unknown database schema %lld", (long long)ver);
    if (ver < TD_STORE_SCHEMA && !s->readonly) {
        st = migrate(s, ver);
        if (st)
            return st;
        return check_schema(s);
    }
    s->schema = (int)ver; /* a reader reads an older schema as it is */
    return TD_OK;
}

/*
 * A reader that may not write beside a WAL database (another user's file in a
 * folder it cannot write) cannot make the -shm index SQLite reads such a database
 * through, and every read fails with "attempt to write a readonly database".
 * When there is no write-ahead log with content the database file holds every
 * commit, so it is opened as it stands on disk (immutable: no lock, no index). A
 * writer that starts meanwhile is not seen; while a writer is at work its -wal
 * and -shm exist and SQLite reads through them without writing.
 */
static td_status reopen_as_it_stands(td_store *s, const char *path)
{
    size_t n = strlen(path);
    char *wal = tdp_malloc(n + 5);
    if (!wal)
        return tdp_store_failf(s, TD_ENOMEM, "out of memory");
    memcpy(wal, path, n);
    memcpy(wal + n, "-wal", 5);
    struct stat sb;
    bool logged = stat(wal, &sb) == 0 && sb.st_size > 0;
    tdp_free(wal);
    if (logged)
        return TD_EREADONLY;
    /* file:PATH?immutable=1, PATH with '%', '?' and '#' escaped. */
    tdp_buf b = TDP_BUF_INIT;
    tdp_buf_puts(&b, path[0] == '/' ? "file://" : "file:");
    for (const char *p = path; *p; p++) {
        if (*p == '%' || *p == '?' || *p == '#')
            tdp_buf_printf(&b, "%%%02X", (unsigned char)*p);
        else
            tdp_buf_putc(&b, *p);
    }
    tdp_buf_puts(&b, "?immutable=1");
    char *uri = b.err ? NULL : tdp_buf_detach(&b, NULL);
    tdp_buf_free(&b);
    if (!uri)
        return tdp_store_failf(s, TD_ENOMEM, "out of memory");
    sqlite3_close(s->db);
    s->db = NULL;
    int rc = sqlite3_open_v2(uri, &s->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
    tdp_free(uri);
    if (rc != SQLITE_OK)
        return tdp_store_fail(s, rc, "cannot open");
    sqlite3_extended_result_codes(s->db, 1);
    s->err[0] = 0;
    return check_schema(s);
}

TD_API td_status td_store_open(const char *path, const td_store_opts *opts, td_store **out)
{
    if (!out)
        return TD_EARG;
    td_store *s = tdp_calloc(1, sizeof *s);
    *out = s;
    if (!s)
        return TD_ENOMEM;
    if (!path || !*path)
        return tdp_store_failf(s, TD_EARG, "no database file given");
    if (opts)
        s->opts = *opts;
    if (s->opts.busy_timeout_ms == 0)
        s->opts.busy_timeout_ms = 5000;
    if (s->opts.window_days <= 0)
        s->opts.window_days = 7;
    s->readonly = s->opts.readonly != 0;
    s->path = tdp_strdup(path);
    if (!s->path)
        return tdp_store_failf(s, TD_ENOMEM, "out of memory");

    struct stat sb;
    if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
        return tdp_store_failf(s, TD_EIO, "cannot open: is a folder, not a database file");
    int flags = s->readonly ? SQLITE_OPEN_READONLY
                            : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    int rc = sqlite3_open_v2(path, &s->db, flags, NULL);
    if (rc != SQLITE_OK) {
        if ((rc & 0xff) == SQLITE_CANTOPEN) {
            int sys = s->db ? sqlite3_system_errno(s->db) : 0;
            return tdp_store_failf(s, TD_EIO, "cannot open: %s",
                                   sys ? strerror(sys) : sqlite3_errstr(rc));
        }
        return tdp_store_fail(s, rc, "cannot open");
    }
    sqlite3_extended_result_codes(s->db, 1);
    if (s->opts.busy_timeout_ms > 0)
        sqlite3_busy_timeout(s->db, s->opts.busy_timeout_ms);
    if (!s->readonly && sqlite3_db_readonly(s->db, "main") == 1)
        return tdp_store_failf(s, TD_EREADONLY, "database is read-only (no write permission)");
    td_status st = check_schema(s);
    if (st == TD_EREADONLY && s->readonly) {
        td_status again = reopen_as_it_stands(s, path);
        if (again != TD_EREADONLY)
            st = again;
    }
    if (st)
        return st;
    if (!s->readonly) {
        /* journal_mode is persistent in the file; synchronous is per connection. */
        st = exec(s, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;",
                  "cannot set up the journal");
        if (st)
            return st;
    }
    return TD_OK;
}

void tdp_idmap_free(tdp_idmap *m)
{
    tdp_hmap_free(&m->m);
    m->pruned_at = 0;
}

typedef struct idmap_val {
    uint64_t val;
    int64_t day;      /* last placement day an article joined through the entry */
} idmap_val;

uint64_t tdp_idmap_get(const tdp_idmap *m, uint64_t key)
{
    const idmap_val *v = key && m->m.stride ? tdp_hmap_get(&m->m, key) : NULL;
    return v ? v->val : 0;
}

static bool idmap_recent(void *ctx, uint64_t key, const void *v)
{
    (void)key;
    return ((const idmap_val *)v)->day >= *(const int64_t *)ctx;
}

/*
 * Records (or refreshes) key -> val, last used on `day`. Stories the clusterer has
 * let go (no article for two windows before `newest`) are dropped when the map has
 * doubled since the last pruning, so the map stays bounded by the live window.
 */
td_status tdp_idmap_put(tdp_idmap *m, uint64_t key, uint64_t val, int64_t day,
                        int64_t newest, int window)
{
    if (!key)
        return TD_EARG;
    if (!m->m.stride)
        tdp_hmap_init(&m->m, sizeof(idmap_val), 75);
    tdp_hmap *h = &m->m;
    if (h->n >= 1024 && h->n >= 2 * m->pruned_at &&
        ((uint64_t)h->n + 1) * 100 > (uint64_t)h->cap * h->load &&
        !tdp_hmap_get(h, key)) {
        int64_t keep_from = newest - 2 * (int64_t)window;
        td_status st = tdp_hmap_filter(h, h->n, idmap_recent, &keep_from);
        m->pruned_at = h->n;
        if (st)
            return st;
    }
    void *v;
    bool added;
    if (tdp_hmap_put(h, key, &v, &added))
        return TD_ENOMEM;
    idmap_val *e = v;
    if (added || day > e->day)
        e->day = day;
    e->val = val;
    return TD_OK;
}

static void rollback(td_store *s)
{
    if (s->in_txn && s->db)
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    s->in_txn = false;
    s->pending = 0;
}

/* A write failed: the batch is rolled back and the clusterer no longer matches the
 * database, so the handle refuses further writes. */
static td_status broken(td_store *s, td_status st)
{
    rollback(s);
    s->broken = true;
    return st;
}

TD_API td_status td_store_commit(td_store *s)
{
    if (!s)
        return TD_EARG;
    if (s->broken)
        return tdp_store_failf(s, TD_EDB, "an earlier write failed; nothing more is stored");
    if (!s->in_txn)
        return TD_OK;
    td_status st = TD_OK;
    sqlite3_stmt *q = tdp_store_stmt(s, TDP_S_COMMIT, &st);
    if (q)
        st = step_done(s, q, "cannot commit");
    if (st)
        return broken(s, st);
    s->in_txn = false;
    s->pending = 0;
    return TD_OK;
}

TD_API size_t td_store_pending(const td_store *s) { return s ? s->pending : 0; }

TD_API td_status td_store_close(td_store *s)
{
    if (!s)
        return TD_OK;
    td_status st = TD_OK;
    if (s->in_txn && !s->broken)
        st = td_store_commit(s);
    if (!st && s->db && !s->readonly && !s->broken && s->schema >= 4)
        st = td_store_settle(s);
    rollback(s);
    for (int k = 0; k < TDP_S_N_; k++)
        sqlite3_finalize(s->st[k]);
    if (s->db)
        sqlite3_close(s->db);
    tdp_clusterer_free(s->cl);
    tdp_idmap_free(&s->map);
    libdeflate_free_compressor(s->deflater);
    libdeflate_free_decompressor(s->inflater);
    tdp_free(s->path);
    tdp_free(s);
    return st;
}

TD_API td_status td_store_check(td_store *s)
{
    if (!s || !s->db)
        return TD_EARG;
    sqlite3_stmt *q = NULL;
    int rc = sqlite3_prepare_v2(s->db, "PRAGMA integrity_check", -1, &q, NULL);
    td_status st = TD_OK;
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(q);
        if (rc == SQLITE_ROW) {
            const char *r = (const char *)sqlite3_column_text(q, 0);
            if (!r || strcmp(r, "ok"))
                st = tdp_store_failf(s, TD_ECORRUPT, "integrity check failed: %s",
                                     r ? r : "?");
            rc = SQLITE_OK;
        }
    }
    if (rc != SQLITE_OK && rc != SQLITE_DONE)
        st = tdp_store_fail(s, rc, "cannot check the database");
    sqlite3_finalize(q);
    return st;
}

/* ---- articles to and from rows ---- */

/* The raw input of an article as the reader gave it, captured before cleaning. */
typedef struct raw_input {
    const char *url, *title, *source, *author, *language, *text, *html, *path;
    size_t text_len, html_len;
    char date[32];
    uint32_t line;
} raw_input;

static void capture(const td_article *a, raw_input *r)
{
    r->url = a->url;
    r->title = a->title;
    r->source = a->source;
    r->author = a->author;
    r->language = a->language;
    r->text = a->text;
    r->text_len = a->text ? a->text_len : 0;
    r->html = a->html;
    r->html_len = a->html ? a->html_len : 0;
    r->path = a->path;
    r->line = a->line;
    td_date_format(&a->date, r->date, sizeof r->date);
}

static void hash_field(XXH3_state_t *h, const char *s, size_t n)
{
    unsigned char tag[9];
    uint64_t len = s ? (uint64_t)n : 0;
    tag[0] = s ? 1 : 0;
    for (int i = 0; i < 8; i++)
        tag[1 + i] = (unsigned char)(len >> (8 * i));
    XXH3_128bits_update(h, tag, sizeof tag);
    if (s && n)
        XXH3_128bits_update(h, s, n);
}

/* XXH3-128 of the raw content (not the id, not where it was read from). */
static td_status content_hash(const raw_input *r, unsigned char out[16])
{
    XXH3_state_t *h = XXH3_createState();
    if (!h)
        return TD_ENOMEM;
    XXH3_128bits_reset(h);
    hash_field(h, r->url, r->url ? strlen(r->url) : 0);
    hash_field(h, r->title, r->title ? strlen(r->title) : 0);
    hash_field(h, r->date[0] ? r->date : NULL, strlen(r->date));
    hash_field(h, r->source, r->source ? strlen(r->source) : 0);
    hash_field(h, r->author, r->author ? strlen(r->author) : 0);
    hash_field(h, r->language, r->language ? strlen(r->language) : 0);
    hash_field(h, r->text, r->text_len);
    hash_field(h, r->html, r->html_len);
    XXH128_canonical_t c;
    XXH128_canonicalFromHash(&c, XXH3_128bits_digest(h));
    XXH3_freeState(h);
    memcpy(out, c.digest, 16);
    return TD_OK;
}

static int bind_text(sqlite3_stmt *q, int i, const char *s, size_t n)
{
    if (!s)
        return sqlite3_bind_null(q, i);
    return sqlite3_bind_text64(q, i, s, (sqlite3_uint64)n, SQLITE_STATIC, SQLITE_UTF8);
}

static int bind_cstr(sqlite3_stmt *q, int i, const char *s)
{
    return bind_text(q, i, s, s ? strlen(s) : 0);
}

static const char *col_text(sqlite3_stmt *q, int c, size_t *n)
{
    const char *s = (const char *)sqlite3_column_text(q, c);
    *n = s ? (size_t)sqlite3_column_bytes(q, c) : 0;
    return s;
}

td_article *tdp_store_article(sqlite3_stmt *q, int c)
{
    td_article *a = td_article_new();
    if (!a)
        return NULL;
    static const td_field fields[] = {TD_FIELD_ID, TD_FIELD_URL, TD_FIELD_TITLE,
                                      TD_FIELD_DATE, TD_FIELD_SOURCE, TD_FIELD_AUTHOR,
                                      TD_FIELD_LANGUAGE, TD_FIELD_TEXT, TD_FIELD_HTML};
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
        size_t n;
        const char *v = col_text(q, c + (int)i, &n);
        if (!v)
            continue;
        td_status st = td_article_set(a, fields[i], v, n);
        if (st == TD_ENOMEM) {
            td_article_free(a);
            return NULL;
        }
    }
    size_t n;
    const char *origin = col_text(q, c + 9, &n);
    if (origin) {
        a->path = tdp_article_str(a, origin, n);
        if (!a->path) {
            td_article_free(a);
            return NULL;
        }
    }
    a->line = (uint32_t)sqlite3_column_int64(q, c + 10);
    return a;
}

td_status tdp_store_raw_check(td_store *s, sqlite3_stmt *q, int c)
{
    XXH3_state_t *h = XXH3_createState();
    if (!h)
        return tdp_store_failf(s, TD_ENOMEM, "out of memory");
    XXH3_128bits_reset(h);
    for (int i = 1; i <= 8; i++) { /* in_url .. in_html, as content_hash takes them */
        size_t n;
        const char *v = col_text(q, c + i, &n);
        hash_field(h, v, n);
    }
    XXH128_canonical_t d;
    XXH128_canonicalFromHash(&d, XXH3_128bits_digest(h));
    XXH3_freeState(h);
    const void *kept = sqlite3_column_blob(q, c + 11);
    if (kept && sqlite3_column_bytes(q, c + 11) == 16 && !memcmp(kept, d.digest, 16))
        return TD_OK;
    size_t n;
    const char *id = col_text(q, c, &n);
    return tdp_store_failf(s, TD_ECORRUPT, "the database is damaged: article %.200s does "
                           "not match its content hash", id ? id : "?");
}

/* ---- placement ---- */

enum { PLACED_DATE = 0, PLACED_MENTIONS = 1, PLACED_ARRIVAL = 2 };

static int cmp_i32(const void *x, const void *y)
{
    int32_t a = *(const int32_t *)x, b = *(const int32_t *)y;
    return (a > b) - (a < b);
}

static int64_t day_of(int64_t t)
{
    return t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
}

/*
 * The day an article is placed on: its own date, unless that lies after the day
 * it arrived (a wrong date: it would age every live story); else the median of the
 * day-precise dates it mentions, up to its arrival day; else its arrival. In a
 * stream of dated articles "arrival" is the latest day the clusterer has seen,
 * not today: a feed of last month's articles ingested today must not make its own
 * live stories look a month old.
 */
static int placement(const td_store *s, const td_article *a, int64_t now, int64_t *day)
{
    int64_t today = day_of(now);
    if (a->date.prec >= TD_DATE_MONTH && a->date.year > 0) {
        int64_t d = td_date_days(&a->date);
        if (d <= today + 1) {
            *day = d;
            return PLACED_DATE;
        }
    }
    const tdp_analysis *an = a->an;
    if (an && an->n_dates) {
        int32_t *days = tdp_malloc(an->n_dates * sizeof *days);
        size_t n = 0;
        for (size_t i = 0; days && i < an->n_dates; i++) {
            const td_date *d = &an->dates[i].date;
            if (d->prec >= TD_DATE_DAY && d->year > 0 && td_date_days(d) <= today + 1)
                days[n++] = td_date_days(d);
        }
        if (n) {
            tdp_sort(days, n, sizeof *days, cmp_i32);
            *day = days[(n - 1) / 2];
            tdp_free(days);
            return PLACED_MENTIONS;
        }
        tdp_free(days);
    }
    *day = today;
    int32_t clock = s->cl ? tdp_clusterer_clock(s->cl) : TDP_NODAY;
    if (clock != TDP_NODAY && clock < today && s->own_last != INT64_MIN &&
        clock - s->own_last <= s->opts.window_days)
        *day = clock;
    return PLACED_ARRIVAL;
}

/* What the clusterer is shown of an article: its info with the own date as the
 * store placed it (none when placed by mentions, the day when by arrival). */
static void present(tdp_cinfo *info, int placed_by, int64_t day)
{
    if (placed_by == PLACED_MENTIONS)
        info->own = TDP_NODAY;
    else if (placed_by == PLACED_ARRIVAL)
        info->own = (int32_t)day;
}

/* ---- the live state ---- */

static int64_t now_of(const td_store *s)
{
    return s->opts.now ? s->opts.now : (int64_t)time(NULL);
}

/* The latest day seen, ignoring dates after the arrival day (a wrong date in the
 * future must not make every live story look old). */
static void see_day(td_store *s, int64_t day, int64_t now)
{
    int64_t today = day_of(now);
    if (day > s->newest && day <= today + 1)
        s->newest = day;
}

static td_status cluster_one(td_store *s, const tdp_cinfo *info, int placed_by,
                             int64_t day, int64_t now, uint64_t *cid)
{
    bool is_new = false;
    td_status st = tdp_clusterer_add_info(s->cl, info, cid, &is_new);
    if (!st && placed_by == PLACED_DATE && day > s->own_last && day <= day_of(now) + 1)
        s->own_last = day;
    return st;
}

/*
 * Follows the merges of live stories the clusterer made on its last add: only the
 * id map does (stored stories change when the articles settle, and only then, so
 * that they do not depend on where a run was interrupted).
 */
static td_status follow_merges(td_store *s, int64_t day)
{
    const tdp_cluster_merge *m = NULL;
    size_t n = tdp_clusterer_merges(s->cl, &m);
    td_status st = TD_OK;
    for (size_t i = 0; i < n && !st; i++) {
        uint64_t from = tdp_idmap_get(&s->map, m[i].from);
        uint64_t into = tdp_idmap_get(&s->map, m[i].into);
        if (!from)
            continue;
        if (!into)
            st = tdp_idmap_put(&s->map, m[i].into, from, day, s->newest, s->opts.window_days);
        else if (from != into)
            st = tdp_idmap_put(&s->map, m[i].from, into, day, s->newest, s->opts.window_days);
    }
    return st;
}

/* Articles replayed per live story at most (its latest). */
#define REPLAY_PER_STORY 1000
/*
 * Stories replayed: those with an article placed within this many windows of the
 * newest day. The clusterer keeps a story by its own clock (the days it was shown
 * as the articles came), which can lag the stored days: with one window, a story
 * it still held at the edge was left out and a resumed undated stream decided
 * otherwise. Replayed stories that have gone quiet leave again as the replay
 * moves the clock on.
 */
#define REPLAY_WINDOWS 2

/* Stores a versioned blob of article `seq` with insert statement k (features or
 * prepared article). */
static td_status put_blob(td_store *s, int k, int version, int64_t seq,
                          const unsigned char *blob, size_t len)
{
    td_status st = TD_OK;
    sqlite3_stmt *q = tdp_store_stmt(s, k, &st);
    if (!q)
        return st;
    sqlite3_bind_int64(q, 1, seq);
    sqlite3_bind_int(q, 2, version);
    sqlite3_bind_blob64(q, 3, blob, (sqlite3_uint64)len, SQLITE_STATIC);
    return step_done(s, q, "cannot store an article");
}

/* Stores what the clusterer was shown of article `seq`. */
static td_status put_features(td_store *s, int64_t seq, const unsigned char *blob,
                              size_t len)
{
    return put_blob(s, TDP_S_INS_FEAT, TDP_CLUSTER_INFO_VERSION, seq, blob, len);
}

/* Features computed during a rebuild, written once the live query is done. */
typedef struct pending_feat {
    int64_t seq;
    unsigned char *blob;
    size_t len;
} pending_feat;

/*
 * Article `seq` read back from its raw input and prepared again. *rejected: there
 * is no such row, or the pipeline now rejects it (TD_OK is returned; *out is
 * empty). Other failures (the database, memory) set the message.
 */
static td_status prepare_raw(td_store *s, int64_t seq, tdp_prepared *out, bool *rejected)
{
    memset(out, 0, sizeof *out);
    *rejected = false;
    td_status st = TD_OK;
    sqlite3_stmt *q = tdp_store_stmt(s, TDP_S_RAW_ONE, &st);
    if (!q)
        return st;
    sqlite3_bind_int64(q, 1, seq);
    int rc = sqlite3_step(q);
    if (rc != SQLITE_ROW) {
        sqlite3_reset(q);
        *rejected = rc == SQLITE_DONE;
        return rc == SQLITE_DONE ? TD_OK : tdp_store_fail(s, rc, "cannot read an article");
    }
    st = tdp_store_raw_check(s, q, 0);
    td_article *a = st ? NULL : tdp_store_article(q, 0);
    sqlite3_reset(q);
    if (st)
        return st;
    if (!a)
        return tdp_store_failf(s, TD_ENOMEM, "out of memory");
    st = tdp_prepare(a, out);
    if (st == TD_ENOMEM)
        return tdp_store_failf(s, st, "out of memory");
    *rejected = st != TD_OK;
    return TD_OK;
}

td_status tdp_store_raw_verify(td_store *s, int64_t seq)
{
    td_status st = TD_OK;
    sqlite3_stmt *q = tdp_store_stmt(s, TDP_S_RAW_ONE, &st);
    if (!q)
        return st;
    sqlite3_bind_int64(q, 1, seq);
    int rc = sqlite3_step(q);
    if (rc == SQLITE_ROW)
        st = tdp_store_raw_check(s, q, 0);
    else if (rc != SQLITE_DONE)
        st = tdp_store_fail(s, rc, "cannot read an article");
    sqlite3_reset(q);
    return st;
}

/*
 * The info of a stored article without usable stored features: its raw input is
 * prepared again. *left_out: the pipeline now rejects it (it stays stored but is
 * left out of the live state). Failures set the message.
 */
static td_status reclean(td_store *s, int64_t seq, int placed_by, int64_t day,
                         tdp_cinfo *info, bool *left_out)
{
    s->recleaned++;
    tdp_prepared p;
    td_status st = prepare_raw(s, seq, &p, left_out);
    if (!st && !*left_out) {
        *info = p.info;
        memset(&p.info, 0, sizeof p.info);
        present(info, placed_by, day);
    }
    tdp_prepared_free(&p);
    return st;
}

/*
 * Rebuilds the clusterer from the live stories: those with an article placed
 * within REPLAY_WINDOWS windows of the newest day. Their articles (the latest
 * REPLAY_PER_STORY of each) are replayed in arrival order, so the clusterer sees
 * whole stories, not just their last days, and its story ids are mapped to the
 * stored ones. Each article is replayed from the features it was shown when it
 * arrived (table `features`); one without them (stored by an older version) is
 * cleaned and analysed again, and its features are stored for the next time.
 */
static td_status go_live(td_store *s)
{
    tdp_cluster_opts co = {s->opts.story_threshold, s->opts.window_days, 1};
    s->rebuilds++;
    s->replayed = s->recleaned = 0;
    s->own_last = INT64_MIN;
    s->cl = tdp_clusterer_new(&co);
    if (!s->cl)
        return tdp_store_failf(s, TD_ENOMEM, "out of memory");
    td_status st = TD_OK;
    sqlite3_stmt *q = tdp_store_stmt(s, TDP_S_MAXDAY, &st);
    if (!q)
        return st;
    int64_t now = now_of(s);
    s->newest = INT64_MIN;
    sqlite3_bind_int64(q, 1, day_of(now) + 1);
    int rc = sqlite3_step(q);
    if (rc != SQLITE_ROW)
        return tdp_store_fail(s, rc, "cannot read the live stories");
    if (sqlite3_column_type(q, 0) == SQLITE_NULL) {
        sqlite3_reset(q);
        s->live = true;
        return TD_OK;
    }
    int64_t horizon = sqlite3_column_int64(q, 0) - REPLAY_WINDOWS * (int64_t)s->opts.window_days;
    sqlite3_reset(q);
    q = tdp_store_stmt(s, TDP_S_LIVE, &st);
    if (!q)
        return st;
    sqlite3_bind_int64(q, 1, horizon);
    sqlite3_bind_int64(q, 2, REPLAY_PER_STORY);
    pending_feat *fresh = NULL;
    size_t n_fresh = 0, cap_fresh = 0;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        uint64_t story = (uint64_t)sqlite3_column_int64(q, 0);
        int placed_by = sqlite3_column_int(q, 1);
        int64_t day = sqlite3_column_int64(q, 2);
        int64_t seq = sqlite3_column_int64(q, 3);
        bool stored = sqlite3_column_type(q, 4) != SQLITE_NULL &&
                      sqlite3_column_int64(q, 4) == TDP_CLUSTER_INFO_VERSION;
        tdp_cinfo info;
        st = TD_ECORRUPT;
        if (stored)
            st = tdp_store_feats_decode(sqlite3_column_blob(q, 5),
                                        (size_t)sqlite3_column_bytes(q, 5), &info);
        if (st == TD_ENOMEM) {
            tdp_store_failf(s, st, "out of memory");
            break;
        }
        if (st) {
            /* no features of this version (or a damaged blob): from the raw input */
            bool left_out;
            st = reclean(s, seq, placed_by, day, &info, &left_out);
            if (st)
                break;
            if (left_out)
                continue;
            if (TDP_GROW(fresh, cap_fresh, n_fresh + 1))
                st = TD_ENOMEM;
            else
                st = tdp_store_feats_encode(&info, &fresh[n_fresh].blob,
                                            &fresh[n_fresh].len);
            if (st) {
                tdp_cluster_info_free(&info);
                tdp_store_failf(s, st, "cannot rebuild the live stories: %s",
                                td_strerror(st));
                break;
            }
            fresh[n_fresh++].seq = seq;
        }
        s->replayed++;
        uint64_t cid = 0;
        st = cluster_one(s, &info, placed_by, day, now, &cid);
        tdp_cluster_info_free(&info);
        see_day(s, day, now);
        if (!st)
            st = follow_merges(s, day);
        uint64_t known = cid ? tdp_idmap_get(&s->map, cid) : 0;
        if (!st && cid)
            st = tdp_idmap_put(&s->map, cid, known ? known : story, day, s->newest,
                               s->opts.window_days);
        if (st) {
            tdp_store_failf(s, st, "cannot rebuild the live stories: %s", td_strerror(st));
            break;
        }
    }
    sqlite3_reset(q);
    if (!st && rc != SQLITE_DONE)
        st = tdp_store_fail(s, rc, "cannot read the live stories");
    for (size_t i = 0; i < n_fresh; i++) {
        if (!st)
            st = put_features(s, fresh[i].seq, fresh[i].blob, fresh[i].len);
        tdp_free(fresh[i].blob);
    }
    tdp_free(fresh);
    if (!st)
        s->live = true;
    return st;
}

static void drop_live(td_store *s)
{
    tdp_clusterer_free(s->cl);
    s->cl = NULL;
    tdp_idmap_free(&s->map);
    s->live = false;
}

/*
 * Starts a batch. The live state is built on the first batch, and built again
 * when another process has written since (PRAGMA data_version moved): its
 * articles must be part of what new articles are compared with.
 */
static td_status begin(td_store *s)
{
    if (s->in_txn)
        return TD_OK;
    td_status st = TD_OK;
    sqlite3_stmt *q = tdp_store_stmt(s, TDP_S_BEGIN, &st);
    if (q)
        st = step_done(s, q, "cannot start a transaction");
    if (st)
        return st;
    s->in_txn = true;
    int64_t dv = 0;
    st = query_int(s, "PRAGMA data_version", &dv);
    if (!st && s->live && dv != s->data_version)
        drop_live(s);
    if (!st && !s->live)
        st = go_live(s);
    if (st) {
        rollback(s);
        drop_live(s);
        return st;
    }
    s->data_version = dv;
    return TD_OK;
}

/* Binds the 19 columns shared by INS_ART and UPD_ART. */
static void bind_article(sqlite3_stmt *q, const td_article *a, const raw_input *r,
                         const unsigned char hash[16], uint64_t story, int64_t now,
                         int64_t day, int placed_by)
{
    char date[32];
    td_date_format(&a->date, date, sizeof date);
    bind_cstr(q, 1, a->id);
    sqlite3_bind_blob(q, 2, hash, 16, SQLITE_STATIC);
    sqlite3_bind_int64(q, 3, (sqlite3_int64)story);
    sqlite3_bind_int64(q, 4, now);
    sqlite3_bind_int64(q, 5, day);
    sqlite3_bind_int(q, 6, placed_by);
    if (date[0])
        sqlite3_bind_text(q, 7, date, -1, SQLITE_TRANSIENT);
    bind_cstr(q, 8, a->title);
    bind_cstr(q, 9, td_article_outlet(a));
    bind_cstr(q, 10, r->url);
    bind_cstr(q, 11, r->title);
    if (r->date[0])
        sqlite3_bind_text(q, 12, r->date, -1, SQLITE_STATIC);
    bind_cstr(q, 13, r->source);
    bind_cstr(q, 14, r->author);
    bind_cstr(q, 15, r->language);
    bind_text(q, 16, r->text, r->text_len);
    bind_text(q, 17, r->html, r->html_len);
    bind_cstr(q, 18, r->path);
    sqlite3_bind_int64(q, 19, r->line);
}


#define HEADLINE_MAX 120

/*
 * What the story list calls a story until a better title arrives: the article's
 * title, else its first sentence (or paragraph), cut at a word boundary within
 * HEADLINE_MAX bytes with an ellipsis. buf holds HEADLINE_MAX + 4 bytes.
 */
static const char *headline_of(const td_article *a, char *buf)
{
    if (a->title && *a->title)
        return a->title;
    const char *t = NULL;
    size_t n = 0;
    if (a->an && a->an->n_sents) {
        t = a->an->sents[0].text;
        n = a->an->sents[0].len;
    } else if (a->n_paras) {
        t = a->paras[0].text;
        n = a->paras[0].len;
    }
    if (!t || !n)
        return NULL;
    if (n <= HEADLINE_MAX) {
        memcpy(buf, t, n);
        buf[n] = '\0';
        return buf;
    }
    size_t cut = HEADLINE_MAX;
    while (cut > 0 && ((unsigned char)t[cut] & 0xC0) == 0x80)
        cut--; /* not inside a UTF-8 sequence */
    size_t sp = cut;
    while (sp > HEADLINE_MAX / 2 && t[sp] != ' ')
        sp--;
    if (t[sp] == ' ')
        cut = sp;
    while (cut > 0 && (t[cut - 1] == ' ' || t[cut - 1] == ',' || t[cut - 1] == ';'))
        cut--;
    memcpy(buf, t, cut);
    memcpy(buf + cut, "\xE2\x80\xA6", 4); /* U+2026 and the NUL */
    return buf;
}

/* The pipeline's prepare step (it takes a); a failure rejects the article
 * without touching the store. */
static td_status prepare(td_store *s, td_article *a, tdp_prepared *p)
{
    td_status st = tdp_prepare(a, p);
    if (st == TD_EEMPTY)
        return tdp_store_failf(s, st, "no article text left after cleaning");
    if (st)
        return tdp_store_failf(s, st, "%s", td_strerror(st));
    return TD_OK;
}

/* Stores the prepared article of article `seq` (packed, of TDP_PREPARED_VERSION). */
static td_status put_prepared(td_store *s, int64_t seq, const unsigned char *blob,
                              size_t len)
{
    return put_blob(s, TDP_S_INS_PREP, TDP_PREPARED_VERSION, seq, blob, len);
}

/* Packs p (message set on failure). */
static td_status pack(td_store *s, const tdp_prepared *p, unsigned char **out, size_t *len)
{
    td_status st = tdp_store_pack(s, p, out, len);
    return st ? tdp_store_failf(s, st, "cannot store an article: %s", td_strerror(st)) : st;
}

static td_status ingest_prepared(td_store *s, tdp_prepared *p, const raw_input *rp,
                                 const unsigned char hash[16], bool known,
                                 uint64_t story, int64_t now, td_ingest_result *res);

/* *ap is taken: handed to the pipeline (and set to NULL) once the article is new
 * or revised; the caller frees what is left. */
static td_status ingest(td_store *s, td_article **ap, td_ingest_result *res)
{
    td_article *a = *ap;
    raw_input r;
    capture(a, &r);
    unsigned char hash[16];
    if (content_hash(&r, hash))
        return tdp_store_failf(s, TD_ENOMEM, "out of memory");
    if (!a->id || !*a->id) {
        char hex[33];
        for (int i = 0; i < 16; i++)
            snprintf(hex + 2 * i, 3, "%02x", hash[i]);
        a->id = tdp_article_str(a, hex, 32);
        if (!a->id)
            return tdp_store_failf(s, TD_ENOMEM, "out of memory");
    }
    td_status st = begin(s);
    if (st)
        return st;
    int64_t now = now_of(s);

    /* Known id? */
    sqlite3_stmt *q = tdp_store_stmt(s, TDP_S_FIND, &st);
    if (!q)
        return broken(s, st);
    bind_cstr(q, 1, a->id);
    int rc = sqlite3_step(q);
    bool known = rc == SQLITE_ROW;
    uint64_t story = known ? (uint64_t)sqlite3_column_int64(q, 1) : 0;
    sqlite3_reset(q);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return broken(s, tdp_store_fail(s, rc, "cannot look up an article"));
    if (known) {
        q = tdp_store_stmt(s, TDP_S_SEEN, &st);
        if (!q)
            return broken(s, st);
        bind_cstr(q, 1, a->id);
        sqlite3_bind_blob(q, 2, hash, 16, SQLITE_STATIC);
        rc = sqlite3_step(q);
        sqlite3_reset(q);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            return broken(s, tdp_store_fail(s, rc, "cannot look up an article"));
        if (rc == SQLITE_ROW) {
            res->story = story;
            res->kind = TD_INGEST_UNCHANGED;
            s->pending++;
            return TD_OK;
        }
    }

    tdp_prepared p;
    *ap = NULL;
    st = prepare(s, a, &p);
    if (st)
        return st;
    /* the raw input captured above lives in p.a until p is freed */
    st = ingest_prepared(s, &p, &r, hash, known, story, now, res);
    tdp_prepared_free(&p);
    return st;
}

static td_status ingest_prepared(td_store *s, tdp_prepared *p, const raw_input *rp,
                                 const unsigned char hash[16], bool known,
                                 uint64_t story, int64_t now, td_ingest_result *res)
{
    const td_article *a = p->a;
    raw_input r = *rp;
    sqlite3_stmt *q;
    td_status st = TD_OK;
    unsigned char *pblob = NULL;
    size_t plen = 0;
    st = pack(s, p, &pblob, &plen);
    if (st)
        return st;
    int64_t day;
    int64_t seq = 0;
    int placed_by = placement(s, a, now, &day);

    if (known) {
        /* A revision: the newest content replaces the stored one (the one it
         * replaces is kept in `earlier`), the story stays until the next settle. */
        q = tdp_store_stmt(s, TDP_S_EARLIER, &st);
        if (q) {
            bind_cstr(q, 1, a->id);
            sqlite3_bind_int64(q, 2, now);
            st = step_done(s, q, "cannot store an article");
        }
        if (!st)
            q = tdp_store_stmt(s, TDP_S_UPD_ART, &st);
        if (st) {
            tdp_free(pblob);
            return broken(s, st);
        }
        bind_article(q, a, &r, hash, story, now, day, placed_by);
        st = step_done(s, q, "cannot store an article");
        if (!st && (q = tdp_store_stmt(s, TDP_S_FIND, &st)) != NULL) {
            bind_cstr(q, 1, a->id);
            int rc = sqlite3_step(q);
            seq = rc == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
            sqlite3_reset(q);
            if (rc != SQLITE_ROW)
                st = tdp_store_fail(s, rc, "cannot look up an article");
        }
        if (!st)
            st = put_prepared(s, seq, pblob, plen);
        if (!st && (q = tdp_store_stmt(s, TDP_S_STORY_SPAN, &st)) != NULL) {
            sqlite3_bind_int64(q, 1, (sqlite3_int64)story);
            char hl[HEADLINE_MAX + 4];
            bind_cstr(q, 2, headline_of(a, hl));
            sqlite3_bind_int64(q, 3, now);
            st = step_done(s, q, "cannot store an article");
        }
        res->kind = TD_INGEST_REVISED;
    } else {
        /* what the clusterer is shown is kept, so a later process can replay it;
         * the prepared article keeps its own info (the settle reads that) */
        tdp_cinfo shown = p->info;
        tdp_cinfo *info = &shown;
        present(info, placed_by, day);
        unsigned char *blob = NULL;
        size_t blob_len = 0;
        st = tdp_store_feats_encode(info, &blob, &blob_len);
        uint64_t cid = 0;
        if (!st)
            st = cluster_one(s, info, placed_by, day, now, &cid);
        if (st) {
            tdp_free(blob);
            tdp_free(pblob);
            return broken(s, tdp_store_failf(s, st, "cannot place the article in a story: %s",
                                             td_strerror(st)));
        }
        see_day(s, day, now);
        st = follow_merges(s, day);
        if (!st) {
            story = tdp_idmap_get(&s->map, cid);
            if (!story && (q = tdp_store_stmt(s, TDP_S_NEW_STORY, &st)) != NULL) {
                sqlite3_bind_int64(q, 1, day);
                sqlite3_bind_int64(q, 2, now);
                st = step_done(s, q, "cannot store a story");
                story = (uint64_t)sqlite3_last_insert_rowid(s->db);
                res->new_story = 1;
            }
        }
        if (!st && cid && tdp_idmap_put(&s->map, cid, story, day, s->newest,
                                        s->opts.window_days))
            st = tdp_store_failf(s, TD_ENOMEM, "out of memory");
        if (!st && (q = tdp_store_stmt(s, TDP_S_INS_ART, &st)) != NULL) {
            bind_article(q, a, &r, hash, story, now, day, placed_by);
            st = step_done(s, q, "cannot store an article");
        }
        seq = sqlite3_last_insert_rowid(s->db);
        if (!st)
            st = put_features(s, seq, blob, blob_len);
        if (!st)
            st = put_prepared(s, seq, pblob, plen);
        tdp_free(blob);
        if (!st && (q = tdp_store_stmt(s, TDP_S_STORY_ADD, &st)) != NULL) {
            sqlite3_bind_int64(q, 1, (sqlite3_int64)story);
            sqlite3_bind_int64(q, 2, day);
            char hl[HEADLINE_MAX + 4];
            bind_cstr(q, 3, headline_of(a, hl));
            sqlite3_bind_int64(q, 4, now);
            st = step_done(s, q, "cannot store an article");
        }
        res->kind = TD_INGEST_NEW;
    }
    tdp_free(pblob);
    if (!st && (q = tdp_store_stmt(s, TDP_S_INS_VER, &st)) != NULL) {
        bind_cstr(q, 1, a->id);
        sqlite3_bind_blob(q, 2, hash, 16, SQLITE_STATIC);
        sqlite3_bind_int64(q, 3, now);
        st = step_done(s, q, "cannot store an article");
    }
    if (st)
        return broken(s, st);
    res->story = story;
    s->pending++;
    return TD_OK;
}

TD_API td_status td_store_ingest(td_store *s, td_article *a, td_ingest_result *res)
{
    td_ingest_result dummy;
    if (!res)
        res = &dummy;
    memset(res, 0, sizeof *res);
    if (!s || !a) {
        td_article_free(a);
        return TD_EARG;
    }
    td_status st;
    if (s->readonly)
        st = tdp_store_failf(s, TD_EREADONLY, "database was opened read-only");
    else if (s->broken)
        st = tdp_store_failf(s, TD_EDB, "an earlier write failed; nothing more is stored");
    else
        st = ingest(s, &a, res);
    td_article_free(a);
    return st;
}

/* ---- settling: the batch's stories for what arrived since the last settle ---- */

td_status tdp_store_prepared(td_store *s, int64_t seq, sqlite3_stmt *q, int col,
                             tdp_prepared *out, bool *fresh)
{
    *fresh = false;
    td_status st = TD_ECORRUPT;
    if (q && sqlite3_column_type(q, col) != SQLITE_NULL &&
        sqlite3_column_int64(q, col) == TDP_PREPARED_VERSION)
        st = tdp_store_unpack(s, sqlite3_column_blob(q, col + 1),
                              (size_t)sqlite3_column_bytes(q, col + 1), out);
    if (st == TD_ENOMEM)
        return tdp_store_failf(s, st, "out of memory");
    if (st != TD_ECORRUPT)
        return st;
    /* none of this version (or damaged bytes): from the raw input */
    bool rejected;
    st = prepare_raw(s, seq, out, &rejected);
    if (!st && rejected)
        return TD_EEMPTY;
    *fresh = st == TD_OK;
    return st;
}

/* Per article of the settled set: where it was, whether it had settled. */
typedef struct settle_row {
    int64_t seq;
    uint64_t story;
    bool settled;
} settle_row;

typedef struct settle_run {
    tdp_prepared *preps;
    settle_row *rows;
    size_t n, cap_rows;
    size_t waiting;          /* articles not settled */
    tdp_copy *copies;
    uint32_t *story_of;
    uint64_t *target;        /* stored story of each batch story */
    tdp_hset claimed;        /* stored stories taken by a batch story */
    tdp_hset touched;        /* stored stories whose members changed, or unsettled */
    tdp_idmap led;           /* a story left: the story its first moved article took */
    uint64_t *touched_list;
    size_t n_touched, cap_touched;
} settle_run;

static void settle_run_free(settle_run *r)
{
    for (size_t i = 0; i < r->n; i++)
        tdp_prepared_free(&r->preps[i]);
    tdp_free(r->preps);
    tdp_free(r->rows);
    tdp_free(r->copies);
    tdp_free(r->story_of);
    tdp_free(r->target);
    tdp_hset_free(&r->claimed);
    tdp_hset_free(&r->touched);
    tdp_idmap_free(&r->led);
    tdp_free(r->touched_list);
}

static td_status touch(settle_run *r, uint64_t story)
{
    if (!story || tdp_hset_has(&r->touched, story))
        return TD_OK;
    if (tdp_hset_add(&r->touched, story) ||
        TDP_GROW(r->touched_list, r->cap_touched, r->n_touched + 1))
        return TD_ENOMEM;
    r->touched_list[r->n_touched++] = story;
    return TD_OK;
}

static int cmp_row(const void *x, const void *y)
{
    int64_t a = ((const settle_row *)x)->seq, b = ((const settle_row *)y)->seq;
    return (a > b) - (a < b);
}

static int cmp_i64(const void *x, const void *y)
{
    int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;
    return (a > b) - (a < b);
}

static td_status add_row(settle_run *r, int64_t seq, uint64_t story, bool settled)
{
    if (TDP_GROW(r->rows, r->cap_rows, r->n + 1))
        return TD_ENOMEM;
    r->rows[r->n++] = (settle_row){seq, story, settled};
    return TD_OK;
}

/*
 * The rows of the set to settle, in arrival order: every article not settled,
 * and the settled stories with an article placed within `reach` days of an
 * unsettled one's day, whole (the stories the new articles may join, or whose
 * forming they may change, as the batch would see them). Only the stories near
 * some new article's day are read, whatever the days between: a late article
 * about last month does not bring in every story since.
 */
static td_status settle_rows(td_store *s, settle_run *r, int64_t reach)
{
    td_status st = TD_OK;
    int64_t *days = NULL;
    size_t n_days = 0, cap_days = 0;
    sqlite3_stmt *q = tdp_store_stmt(s, TDP_S_UNSETTLED, &st);
    int rc = SQLITE_DONE;
    while (q && !st && (rc = sqlite3_step(q)) == SQLITE_ROW) {
        st = add_row(r, sqlite3_column_int64(q, 0), (uint64_t)sqlite3_column_int64(q, 1),
                     false);
        if (!st && TDP_GROW(days, cap_days, n_days + 1))
            st = TD_ENOMEM;
        if (!st)
            days[n_days++] = sqlite3_column_int64(q, 2);
    }
    if (q)
        sqlite3_reset(q);
    if (q && !st && rc != SQLITE_DONE)
        st = tdp_store_fail(s, rc, "cannot read the articles to settle");
    r->waiting = n_days;
    tdp_sort(days, n_days, sizeof *days, cmp_i64);
    tdp_hset near;
    tdp_hset_init(&near);
    uint64_t *stories = NULL;
    size_t n_stories = 0, cap_stories = 0;
    /* the unsettled days as intervals, widened by reach and joined where they meet */
    for (size_t i = 0; i < n_days && !st;) {
        int64_t lo = days[i] - reach, hi = days[i] + reach;
        while (++i < n_days && days[i] - reach <= hi + 1)
            hi = days[i] + reach;
        q = tdp_store_stmt(s, TDP_S_NEAR, &st);
        if (!q)
            break;
        sqlite3_bind_int64(q, 1, lo);
        sqlite3_bind_int64(q, 2, hi);
        while (!st && (rc = sqlite3_step(q)) == SQLITE_ROW) {
            uint64_t id = (uint64_t)sqlite3_column_int64(q, 0);
            if (tdp_hset_has(&near, id))
                continue;
            if (tdp_hset_add(&near, id) || TDP_GROW(stories, cap_stories, n_stories + 1))
                st = TD_ENOMEM;
            else
                stories[n_stories++] = id;
        }
        sqlite3_reset(q);
        if (!st && rc != SQLITE_DONE)
            st = tdp_store_fail(s, rc, "cannot read the stories to settle");
    }
    for (size_t k = 0; k < n_stories && !st; k++) {
        q = tdp_store_stmt(s, TDP_S_STORY_SETTLED, &st);
        if (!q)
            break;
        sqlite3_bind_int64(q, 1, (sqlite3_int64)stories[k]);
        while (!st && (rc = sqlite3_step(q)) == SQLITE_ROW)
            st = add_row(r, sqlite3_column_int64(q, 0), stories[k], true);
        sqlite3_reset(q);
        if (!st && rc != SQLITE_DONE)
            st = tdp_store_fail(s, rc, "cannot read the stories to settle");
    }
    tdp_hset_free(&near);
    tdp_free(stories);
    tdp_free(days);
    if (st == TD_ENOMEM)
        tdp_store_failf(s, st, "out of memory");
    if (!st)
        tdp_sort(r->rows, r->n, sizeof *r->rows, cmp_row);
    return st;
}

/*
 * Loads the set to settle (settle_rows) with each article's prepared article (one
 * without a current one is prepared again and stored). One the pipeline now
 * rejects is left out: it keeps its story.
 */
static td_status settle_load(td_store *s, settle_run *r, int64_t reach)
{
    td_status st = settle_rows(s, r, reach);
    if (st)
        return st;
    r->preps = tdp_calloc(r->n ? r->n : 1, sizeof *r->preps);
    if (!r->preps)
        return tdp_store_failf(s, TD_ENOMEM, "out of memory");
    size_t kept = 0;
    for (size_t i = 0; i < r->n && !st; i++) {
        settle_row row = r->rows[i];
        tdp_prepared *p = &r->preps[kept];
        sqlite3_stmt *q = tdp_store_stmt(s, TDP_S_PREP_ONE, &st);
        if (!q)
            break;
        sqlite3_bind_int64(q, 1, row.seq);
        int rc = sqlite3_step(q);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
            sqlite3_reset(q);
            st = tdp_store_fail(s, rc, "cannot read the articles to settle");
            break;
        }
        bool fresh = false;
        /* no row: the raw input is prepared */
        st = tdp_store_prepared(s, row.seq, rc == SQLITE_ROW ? q : NULL, 0, p, &fresh);
        sqlite3_reset(q);
        if (st == TD_EEMPTY) {
            st = TD_OK;
            continue;
        }
        if (!st && fresh) {
            unsigned char *b = NULL;
            size_t len = 0;
            st = pack(s, p, &b, &len);
            if (!st)
                st = put_prepared(s, row.seq, b, len);
            tdp_free(b);
        }
        if (st) {
            tdp_prepared_free(p);
            break;
        }
        r->rows[kept++] = row;
    }
    r->n = kept;
    return st;
}

/* Whether a stored story holds a settled article (it then leads somewhere that
 * does not depend on the run: a batch story may only continue it through one of
 * its settled articles). */
static td_status has_settled(td_store *s, uint64_t story, bool *yes)
{
    td_status st = TD_OK;
    sqlite3_stmt *q = tdp_store_stmt(s, TDP_S_STORY_SETTLED, &st); /* its first row */
    if (!q)
        return st;
    sqlite3_bind_int64(q, 1, (sqlite3_int64)story);
    int rc = sqlite3_step(q);
    sqlite3_reset(q);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return tdp_store_fail(s, rc, "cannot read the stories");
    *yes = rc == SQLITE_ROW;
    return TD_OK;
}

/*
 * The stored story of each batch story: the story of its earliest settled member
 * that no earlier batch story took; else the story of its earliest unsettled
 * member when that story holds no settled article and is not taken (the id the
 * ingest reported stays); else a new story.
 */
static td_status settle_targets(td_store *s, settle_run *r, size_t ns, int64_t now)
{
    td_status st = TD_OK;
    for (int pass = 0; pass < 2 && !st; pass++) {
        for (size_t i = 0; i < r->n && !st; i++) {
            uint32_t k = r->story_of[i];
            uint64_t x = r->rows[i].story;
            if (k >= ns || r->target[k] || r->rows[i].settled != (pass == 0) ||
                tdp_hset_has(&r->claimed, x))
                continue;
            if (pass == 1) {
                bool yes = false;
                st = has_settled(s, x, &yes);
                if (st || yes)
                    continue;
            }
            r->target[k] = x;
            if (tdp_hset_add(&r->claimed, x))
                st = TD_ENOMEM;
        }
    }
    for (size_t i = 0; i < r->n && !st; i++) {
        uint32_t k = r->story_of[i];
        if (k >= ns || r->target[k])
            continue;
        sqlite3_stmt *q = tdp_store_stmt(s, TDP_S_NEW_STORY, &st);
        if (!q)
            break;
        sqlite3_bind_int64(q, 1, 0);
        sqlite3_bind_int64(q, 2, now);
        st = step_done(s, q, "cannot store a story");
        r->target[k] = (uint64_t)sqlite3_last_insert_rowid(s->db);
    }
    return st;
}

/* Moves the articles to their batch stories (each move recorded) and marks the
 * stories whose members changed, and those of unsettled articles. */
static td_status settle_moves(td_store *s, settle_run *r, size_t ns, int64_t now)
{
    td_status st = TD_OK;
    for (size_t i = 0; i < r->n && !st; i++) {
        uint32_t k = r->story_of[i];
        if (k >= ns)
            continue;
        uint64_t from = r->rows[i].story, into = r->target[k];
        if (!r->rows[i].settled)
            st = touch(r, into);
        if (st || from == into)
            continue;
        st = touch(r, from);
        if (!st)
            st = touch(r, into);
        sqlite3_stmt *q = st ? NULL : tdp_store_stmt(s, TDP_S_MOVE_ART, &st);
        if (!q)
            break;
        sqlite3_bind_int64(q, 1, r->rows[i].seq);
        sqlite3_bind_int64(q, 2, (sqlite3_int64)into);
        st = step_done(s, q, "cannot move an article");
        if (!st && (q = tdp_store_stmt(s, TDP_S_INS_MOVE, &st)) != NULL) {
            sqlite3_bind_int64(q, 1, now);
            sqlite3_bind_int64(q, 2, r->rows[i].seq);
            sqlite3_bind_int64(q, 3, (sqlite3_int64)from);
            sqlite3_bind_int64(q, 4, (sqlite3_int64)into);
            st = step_done(s, q, "cannot record a move");
        }
        if (!st && !tdp_idmap_get(&r->led, from) &&
            tdp_idmap_put(&r->led, from, into, 0, 0, 1))
            st = TD_ENOMEM;
    }
    return st;
}

typedef struct member {
    uint64_t story;
    uint32_t i;
} member;

static int cmp_member(const void *x, const void *y)
{
    const member *a = x, *b = y;
    if (a->story != b->story)
        return a->story < b->story ? -1 : 1;
    return (a->i > b->i) - (a->i < b->i);
}

/*
 * The headline `show` prints for story `id`: the brief's (tdp_brief_build), over
 * its members. When every member is in the settled set (n of them, listed in m),
 * they are read from memory; else the story is read back from the store.
 */
static td_status story_headline(td_store *s, settle_run *r, td_article **arts,
                                uint64_t id, const member *m, size_t n, int64_t stored,
                                char **out)
{
    *out = NULL;
    td_status st = TD_OK;
    if ((int64_t)n != stored) {
        td_corpus *c = NULL;
        st = tdp_store_story_build(s, id, -1, &c);
        const char *hl = st ? NULL : tdp_corpus_headline(c, 0);
        if (hl && !(*out = tdp_strdup(hl)))
            st = TD_ENOMEM;
        td_corpus_free(c);
        return st;
    }
    uint32_t *idx = tdp_malloc((n ? n : 1) * sizeof *idx);
    if (!idx)
        return TD_ENOMEM;
    for (size_t k = 0; k < n; k++)
        idx[k] = m[k].i;
    tdp_brief b;
    st = tdp_brief_headline(arts, r->copies, idx, n, &b);
    if (!st && b.headline && !(*out = tdp_strdup(b.headline)))
        st = TD_ENOMEM;
    tdp_brief_free(&b);
    tdp_free(idx);
    return st;
}

/* Counts, span and headline of every touched story; one left empty leads on. */
static td_status settle_stories(td_store *s, settle_run *r, size_t ns, int64_t now)
{
    member *m = tdp_malloc((r->n ? r->n : 1) * sizeof *m);
    td_article **arts = tdp_malloc((r->n ? r->n : 1) * sizeof *arts);
    td_status st = m && arts ? TD_OK : TD_ENOMEM;
    size_t nm = 0;
    for (size_t i = 0; !st && i < r->n; i++) {
        arts[i] = r->preps[i].a;
        if (r->story_of[i] < ns)
            m[nm++] = (member){r->target[r->story_of[i]], (uint32_t)i};
    }
    if (!st)
        tdp_sort(m, nm, sizeof *m, cmp_member);
    for (size_t t = 0; t < r->n_touched && !st; t++) {
        uint64_t id = r->touched_list[t];
        sqlite3_stmt *q = tdp_store_stmt(s, TDP_S_RECOUNT, &st);
        if (!q)
            break;
        sqlite3_bind_int64(q, 1, (sqlite3_int64)id);
        sqlite3_bind_int64(q, 2, now);
        int rc = sqlite3_step(q);
        int64_t n = rc == SQLITE_ROW ? sqlite3_column_int64(q, 0) : -1;
        while (rc == SQLITE_ROW)
            rc = sqlite3_step(q);
        sqlite3_reset(q);
        if (rc != SQLITE_DONE) {
            st = tdp_store_fail(s, rc, "cannot update a story");
            break;
        }
        if (n == 0) {
            /* emptied: it leads to where its first article went */
            uint64_t into = tdp_idmap_get(&r->led, id);
            if (into && into != id && (q = tdp_store_stmt(s, TDP_S_EMPTIED, &st)) != NULL) {
                sqlite3_bind_int64(q, 1, (sqlite3_int64)id);
                sqlite3_bind_int64(q, 2, (sqlite3_int64)into);
                st = step_done(s, q, "cannot update a story");
            }
            continue;
        }
        if (n < 0)
            continue;
        /* its members in memory: a binary search for the first */
        size_t lo = 0, hi = nm;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (m[mid].story < id)
                lo = mid + 1;
            else
                hi = mid;
        }
        size_t end = lo;
        while (end < nm && m[end].story == id)
            end++;
        char *hl = NULL;
        st = story_headline(s, r, arts, id, m + lo, end - lo, n, &hl);
        if (!st && (q = tdp_store_stmt(s, TDP_S_SET_HEADLINE, &st)) != NULL) {
            sqlite3_bind_int64(q, 1, (sqlite3_int64)id);
            bind_cstr(q, 2, hl);
            st = step_done(s, q, "cannot update a story");
        }
        tdp_free(hl);
    }
    tdp_free(m);
    tdp_free(arts);
    return st;
}

TD_API td_status td_store_settle(td_store *s)
{
    if (!s || !s->db)
        return TD_EARG;
    if (s->readonly)
        return tdp_store_failf(s, TD_EREADONLY, "database was opened read-only");
    if (s->broken)
        return tdp_store_failf(s, TD_EDB, "an earlier write failed; nothing more is stored");
    if (s->schema < 4)
        return TD_OK;
    td_status st = td_store_commit(s);
    if (st)
        return st;
    sqlite3_stmt *q = tdp_store_stmt(s, TDP_S_BEGIN, &st);
    if (q)
        st = step_done(s, q, "cannot start a transaction");
    if (st)
        return st;
    s->in_txn = true;
    settle_run r;
    memset(&r, 0, sizeof r);
    tdp_hset_init(&r.claimed);
    tdp_hset_init(&r.touched);
    int64_t now = now_of(s);
    st = settle_load(s, &r, REPLAY_WINDOWS * (int64_t)s->opts.window_days);
    if (st || !r.waiting) {
        settle_run_free(&r);
        rollback(s);
        return st;
    }
    size_t ns = 0;
    if (!st) {
        r.copies = tdp_calloc(r.n ? r.n : 1, sizeof *r.copies);
        r.story_of = tdp_calloc(r.n ? r.n : 1, sizeof *r.story_of);
        st = r.copies && r.story_of ? TD_OK : TD_ENOMEM;
        if (!st)
            st = tdp_corpus_stories(r.preps, r.n, 0, s->opts.story_threshold, r.copies,
                                    r.story_of, &ns);
        if (!st) {
            r.target = tdp_calloc(ns ? ns : 1, sizeof *r.target);
            st = r.target ? TD_OK : TD_ENOMEM;
        }
        if (st)
            tdp_store_failf(s, st, "cannot settle the stories: %s", td_strerror(st));
    }
    if (!st)
        st = settle_targets(s, &r, ns, now);
    if (!st)
        st = settle_moves(s, &r, ns, now);
    if (!st && (q = tdp_store_stmt(s, TDP_S_SETTLED, &st)) != NULL)
        st = step_done(s, q, "cannot settle the stories");
    if (!st)
        st = settle_stories(s, &r, ns, now);
    settle_run_free(&r);
    if (st) {
        if (st == TD_ENOMEM)
            tdp_store_failf(s, st, "out of memory");
        rollback(s);
        return st;
    }
    st = td_store_commit(s);
    /* the live clusterer no longer matches the stored stories: built again on
     * the next write */
    drop_live(s);
    return st;
}

/* test_store.c - unit tests of the SQLite store: identity and revisions, batches
 * and durability, reopening, schema versions, locks, read-only use, corruption and
 * allocation failures. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "support.h"

#include "store/store_p.h"
#include "store_test.h"

static char g_dir[64];
static char g_db[128];

static int setup(void **state)
{
    (void)state;
    snprintf(g_dir, sizeof g_dir, "/tmp/td-store-XXXXXX");
    if (!mkdtemp(g_dir))
        return -1;
    snprintf(g_db, sizeof g_db, "%s/news.db", g_dir);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char p[160];
    static const char *const sfx[] = {"", "-wal", "-shm", "-journal"};
    for (size_t i = 0; i < 4; i++) {
        snprintf(p, sizeof p, "%s%s", g_db, sfx[i]);
        unlink(p);
    }
    rmdir(g_dir);
    return 0;
}

static td_store *open_rw(void)
{
    td_store *s = NULL;
    td_store_opts o = {0};
    o.now = 1795305600 + 3600; /* 2026-11-22T01:00Z */
    assert_int_equal(td_store_open(g_db, &o, &s), TD_OK);
    return s;
}

static td_store *open_ro(void)
{
    td_store *s = NULL;
    td_store_opts o = {0};
    o.readonly = 1;
    assert_int_equal(td_store_open(g_db, &o, &s), TD_OK);
    return s;
}

static void counts(uint64_t want_articles, uint64_t want_stories)
{
    td_store *s = open_ro();
    uint64_t a = 0, st = 0;
    assert_int_equal(td_store_counts(s, &a, &st), TD_OK);
    assert_int_equal(a, want_articles);
    assert_int_equal(st, want_stories);
    assert_int_equal(td_store_close(s), TD_OK);
}

static void test_identity(void **state)
{
    (void)state;
    td_store *s = open_rw();
    td_ingest_result r;
    assert_int_equal(td_store_ingest(s, art("a1", "Port strike", "2022-01-10", "Courier",
                                            "Dock workers walked out on Monday."), &r),
                     TD_OK);
    assert_int_equal(r.kind, TD_INGEST_NEW);
    assert_true(r.new_story);
    uint64_t story = r.story;
    assert_int_equal(td_store_pending(s), 1);
    /* Same id, same content, same batch: nothing changes. */
    assert_int_equal(td_store_ingest(s, art("a1", "Port strike", "2022-01-10", "Courier",
                                            "Dock workers walked out on Monday."), &r),
                     TD_OK);
    assert_int_equal(r.kind, TD_INGEST_UNCHANGED);
    assert_int_equal(r.story, story);
    assert_int_equal(td_store_commit(s), TD_OK);
    assert_int_equal(td_store_pending(s), 0);
    /* New content under a known id: a revision, in the same story. */
    assert_int_equal(td_store_ingest(s, art("a1", "Port strike ends", "2022-01-11", "Courier",
                                            "Dock workers returned on Tuesday."), &r),
                     TD_OK);
    assert_int_equal(r.kind, TD_INGEST_REVISED);
    assert_int_equal(r.story, story);
    assert_false(r.new_story);
    /* The old content again is not a new revision: history is remembered. */
    assert_int_equal(td_store_ingest(s, art("a1", "Port strike", "2022-01-10", "Courier",
                                            "Dock workers walked out on Monday."), &r),
                     TD_OK);
    assert_int_equal(r.kind, TD_INGEST_UNCHANGED);
    /* An article with no text left is rejected and the store stays usable. */
    assert_int_equal(td_store_ingest(s, art("empty", NULL, NULL, NULL, "  \n \n"), &r),
                     TD_EEMPTY);
    assert_int_equal(td_store_ingest(s, art("a2", "Glasshouse reopens", "2022-02-01", "Ledger",
                                            "The glasshouse opened again."), &r),
                     TD_OK);
    assert_int_equal(r.kind, TD_INGEST_NEW);
    assert_int_equal(td_store_close(s), TD_OK); /* commits */
    counts(2, 2);

    s = open_ro();
    sqlite3_stmt *q = NULL;
    assert_int_equal(sqlite3_prepare_v2(s->db, "SELECT in_text, revisions, day, date FROM "
                                        "articles WHERE id = 'a1'", -1, &q, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(q), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(q, 0),
                        "Dock workers returned on Tuesday.");
    assert_int_equal(sqlite3_column_int(q, 1), 1);
    assert_int_equal(sqlite3_column_int64(q, 2), tdp_days_from_civil(2022, 1, 11));
    assert_string_equal((const char *)sqlite3_column_text(q, 3), "2022-01-11");
    sqlite3_finalize(q);
    /* The version the revision replaced is kept whole. */
    assert_int_equal(sqlite3_prepare_v2(s->db, "SELECT e.in_text, e.in_title, e.in_date, "
                                        "e.hash != a.hash FROM earlier AS e JOIN articles "
                                        "AS a ON a.seq = e.seq WHERE a.id = 'a1'", -1, &q,
                                        NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(q), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(q, 0),
                        "Dock workers walked out on Monday.");
    assert_string_equal((const char *)sqlite3_column_text(q, 1), "Port strike");
    assert_string_equal((const char *)sqlite3_column_text(q, 2), "2022-01-10");
    assert_int_equal(sqlite3_column_int(q, 3), 1);
    assert_int_equal(sqlite3_step(q), SQLITE_DONE);
    sqlite3_finalize(q);
    /* The brief shows the newest version, from its stored prepared form. */
    char *out = NULL;
    assert_int_equal(td_store_show(s, story, 1, &out, NULL), TD_OK);
    assert_non_null(strstr(out, "Dock workers returned on Tuesday."));
    assert_null(strstr(out, "walked out on Monday"));
    td_free(out);
    assert_int_equal(td_store_close(s), TD_OK);
}

typedef struct seen {
    uint64_t ids[8];
    char headlines[8][64];
    size_t n_outlets[8];
    td_date first[8], last[8];
    size_t n;
} seen;

static int collect(void *ctx, const td_story_info *si)
{
    seen *c = ctx;
    if (c->n < 8) {
        c->ids[c->n] = si->id;
        snprintf(c->headlines[c->n], 64, "%s", si->headline ? si->headline : "");
        c->n_outlets[c->n] = si->n_outlets;
        c->first[c->n] = si->first;
        c->last[c->n] = si->last;
    }
    c->n++;
    return 0;
}

static void test_stories_and_reopen(void **state)
{
    (void)state;
    td_store *s = open_rw();
    td_ingest_result r1, r2, r3;
    assert_int_equal(td_store_ingest(s, art("x1", "Floods in the valley", "2021-12-20",
                                            "Herald", "Rivers rose overnight."), &r1),
                     TD_OK);
    assert_int_equal(td_store_ingest(s, art("x2", "Election count", "2022-01-05", "Gazette",
                                            "Counting continued in the capital."), &r2),
                     TD_OK);
    /* A long untitled first sentence is cut at a word, with an ellipsis. */
    assert_int_equal(td_store_ingest(s, art("x9", NULL, "2020-01-01", NULL,
                                            "Wordy wordy wordy wordy wordy wordy wordy wordy "
                                            "wordy wordy wordy wordy wordy wordy wordy wordy "
                                            "wordy wordy wordy wordy wordy wordy wordy wordy "
                                            "wordy wordy wordy end."), NULL),
                     TD_OK);
    assert_int_equal(td_store_close(s), TD_OK);
    s = open_ro();
    sqlite3_stmt *hq = NULL;
    assert_int_equal(sqlite3_prepare_v2(s->db, "SELECT headline FROM stories WHERE "
                                        "first_day = ?1", -1, &hq, NULL), SQLITE_OK);
    sqlite3_bind_int64(hq, 1, tdp_days_from_civil(2020, 1, 1));
    assert_int_equal(sqlite3_step(hq), SQLITE_ROW);
    const char *hl = (const char *)sqlite3_column_text(hq, 0);
    assert_true(strlen(hl) <= 123);
    assert_non_null(strstr(hl, "Wordy wordy wordy"));
    /* `show` gives the story the headline `stories` lists */
    char hwant[256], *shown = NULL;
    snprintf(hwant, sizeof hwant, "\"headline\":\"%s\"", hl);
    sqlite3_stmt *iq = NULL;
    assert_int_equal(sqlite3_prepare_v2(s->db, "SELECT id FROM stories WHERE first_day = ?1",
                                        -1, &iq, NULL), SQLITE_OK);
    sqlite3_bind_int64(iq, 1, tdp_days_from_civil(2020, 1, 1));
    assert_int_equal(sqlite3_step(iq), SQLITE_ROW);
    assert_int_equal(td_store_show(s, (uint64_t)sqlite3_column_int64(iq, 0), 1, &shown, NULL),
                     TD_OK);
    assert_non_null(strstr(shown, hwant));
    td_free(shown);
    sqlite3_finalize(iq);
    sqlite3_finalize(hq);
    assert_int_equal(td_store_close(s), TD_OK);

    /* A new process continues: new stories get new ids, old ones keep theirs. */
    s = open_rw();
    assert_int_equal(td_store_ingest(s, art("x3", NULL, NULL, NULL,
                                            "An undated note about a bridge."), &r3),
                     TD_OK);
    assert_int_equal(r3.kind, TD_INGEST_NEW);
    assert_true(r3.story != r1.story && r3.story != r2.story);
    assert_int_equal(td_store_close(s), TD_OK);

    s = open_ro();
    seen c;
    memset(&c, 0, sizeof c);
    assert_int_equal(td_store_stories(s, NULL, collect, &c), TD_OK);
    assert_int_equal(c.n, 4); /* x1, x2, x9, x3 in id order */
    assert_int_equal(c.ids[0], r1.story);
    assert_string_equal(c.headlines[0], "Floods in the valley");
    assert_int_equal(c.n_outlets[0], 1);
    assert_int_equal(c.first[0].year, 2021);
    assert_int_equal(c.first[0].day, 20);
    /* No title: the first sentence stands in as headline. */
    assert_string_equal(c.headlines[3], "An undated note about a bridge.");
    /* Undated and without dated mentions, in a stream of dated articles: placed on
     * the latest day seen (2022-01-05), not on the day it arrived (2026-11-22). */
    assert_int_equal(c.last[3].year, 2022);
    assert_int_equal(c.last[3].month, 1);
    assert_int_equal(c.last[3].day, 5);

    td_date since;
    assert_int_equal(td_date_parse("2022-01-01", 10, &since), TD_OK);
    memset(&c, 0, sizeof c);
    assert_int_equal(td_store_stories(s, &since, collect, &c), TD_OK);
    assert_int_equal(c.n, 2);
    assert_int_equal(c.ids[0], r2.story);

    /* One story's brief: its articles, re-read from the stored input. */
    td_corpus *corpus = NULL;
    assert_int_equal(td_store_story_corpus(s, r2.story, &corpus), TD_OK);
    assert_int_equal(td_corpus_article_count(corpus), 1);
    td_corpus_free(corpus);
    char *out = NULL;
    size_t n = 0;
    assert_int_equal(td_store_show(s, r2.story, 1, &out, &n), TD_OK);
    assert_non_null(strstr(out, "\"x2\""));
    char want[32];
    snprintf(want, sizeof want, "{\"id\":%llu,", (unsigned long long)r2.story);
    assert_non_null(strstr(out, want)); /* the store's id, not the corpus's 1 */
    assert_int_equal(strlen(out), n);
    td_free(out);
    assert_int_equal(td_store_show(s, 999, 0, &out, &n), TD_ENOTFOUND);
    assert_non_null(strstr(td_store_error(s), "no story 999"));

    /* The one-line JSON of a story. */
    td_story_info si;
    memset(&si, 0, sizeof si);
    const char *outlets[] = {"Herald", "Q\"uote"};
    si.id = 7;
    si.headline = "A \"headline\"";
    si.n_articles = 3;
    si.outlets = outlets;
    si.n_outlets = 2;
    si.first = tdp_store_day_date(tdp_days_from_civil(2022, 1, 2));
    si.last = tdp_store_day_date(tdp_days_from_civil(2022, 1, 9));
    assert_int_equal(td_story_info_json(&si, &out, &n), TD_OK);
    assert_string_equal(out, "{\"id\":7,\"headline\":\"A \\\"headline\\\"\",\"articles\":3,"
                             "\"outlets\":[\"Herald\",\"Q\\\"uote\"],\"first\":\"2022-01-02\","
                             "\"last\":\"2022-01-09\"}");
    td_free(out);
    assert_int_equal(td_store_check(s), TD_OK);
    assert_int_equal(td_store_close(s), TD_OK);
}

/* A process that dies after a commit keeps the commit and loses only the batch. */
static void test_kill_keeps_committed(void **state)
{
    (void)state;
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        td_store *s = NULL;
        if (td_store_open(g_db, NULL, &s))
            _exit(2);
        char id[16];
        for (int i = 0; i < 5; i++) {
            snprintf(id, sizeof id, "k%d", i);
            td_article *a = td_article_new();
            if (td_article_set(a, TD_FIELD_ID, id, strlen(id)) ||
                td_article_set(a, TD_FIELD_TEXT, "Some text here.", 15) ||
                td_store_ingest(s, a, NULL))
                _exit(3);
            if (i == 2 && td_store_commit(s))
                _exit(4);
        }
        /* Killed with no commit and no close: k3 and k4 were never reported. */
        kill(getpid(), SIGKILL);
        _exit(5);
    }
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFSIGNALED(status));
    assert_int_equal(WTERMSIG(status), SIGKILL);
    /* the three committed articles have the same text: one story */
    counts(3, 1);
    td_store *s = open_ro();
    assert_int_equal(td_store_check(s), TD_OK);
    assert_int_equal(td_store_close(s), TD_OK);
}

static void write_file(const char *path, const char *data, size_t n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, n, f), n);
    assert_int_equal(fclose(f), 0);
}

static void test_schema_errors(void **state)
{
    (void)state;
    td_store *s = NULL;
    td_store_opts ro = {0};
    ro.readonly = 1;
    /* Missing file, read-only: cannot open, nothing created. */
    assert_int_equal(td_store_open(g_db, &ro, &s), TD_EIO);
    assert_non_null(strstr(td_store_error(s), "cannot open"));
    td_store_close(s);
    assert_int_not_equal(access(g_db, F_OK), 0);

    /* Not a database at all. */
    char junk[4096];
    for (size_t i = 0; i < sizeof junk; i++)
        junk[i] = (char)('a' + i % 23);
    write_file(g_db, junk, sizeof junk);
    assert_int_equal(td_store_open(g_db, NULL, &s), TD_ECORRUPT);
    assert_non_null(strstr(td_store_error(s), "not a database"));
    td_store_close(s);
    assert_int_equal(td_store_open(g_db, &ro, &s), TD_ECORRUPT);
    td_store_close(s);
    unlink(g_db);

    /* An empty file opened read-only is not a store (and is not changed). */
    write_file(g_db, "", 0);
    assert_int_equal(td_store_open(g_db, &ro, &s), TD_ESCHEMA);
    assert_non_null(strstr(td_store_error(s), "empty"));
    td_store_close(s);
    unlink(g_db);

    /* Someone else's SQLite database. */
    sql(g_db, "CREATE TABLE t(x); INSERT INTO t VALUES (1);");
    assert_int_equal(td_store_open(g_db, NULL, &s), TD_ESCHEMA);
    assert_non_null(strstr(td_store_error(s), "not a tidings database"));
    td_store_close(s);
    unlink(g_db);

    /* A store written by a newer tidings. */
    s = open_rw();
    assert_int_equal(td_store_close(s), TD_OK);
    sql(g_db, "PRAGMA user_version = 99;");
    assert_int_equal(td_store_open(g_db, NULL, &s), TD_ESCHEMA);
    assert_non_null(strstr(td_store_error(s), "schema 99 is newer"));
    td_store_close(s);
    assert_int_equal(td_store_open(g_db, &ro, &s), TD_ESCHEMA);
    td_store_close(s);
}

static void test_locked_and_readonly(void **state)
{
    (void)state;
    td_store *s = open_rw();
    assert_int_equal(td_store_close(s), TD_OK);

    /* Another writer holds the lock. */
    sqlite3 *other = NULL;
    assert_int_equal(sqlite3_open(g_db, &other), SQLITE_OK);
    assert_int_equal(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
    td_store_opts o = {0};
    o.busy_timeout_ms = 50;
    assert_int_equal(td_store_open(g_db, &o, &s), TD_OK);
    assert_int_equal(td_store_ingest(s, art("l1", NULL, NULL, NULL, "Text."), NULL),
                     TD_ELOCKED);
    assert_non_null(strstr(td_store_error(s), "locked by another process"));
    /* Readers are not blocked by a writer (WAL). */
    td_store *r = open_ro();
    uint64_t n = 9;
    assert_int_equal(td_store_counts(r, &n, NULL), TD_OK);
    assert_int_equal(n, 0);
    assert_int_equal(td_store_close(r), TD_OK);
    /* Once the lock is gone the same handle goes on. */
    assert_int_equal(sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(td_store_ingest(s, art("l1", NULL, NULL, NULL, "Text."), NULL), TD_OK);
    assert_int_equal(td_store_close(s), TD_OK);
    sqlite3_close(other);
    counts(1, 1);

    /* A read-only handle refuses writes. */
    s = open_ro();
    assert_int_equal(td_store_ingest(s, art("l2", NULL, NULL, NULL, "Text."), NULL),
                     TD_EREADONLY);
    assert_int_equal(td_store_close(s), TD_OK);

    /* A file without write permission (not testable as root, who may write anyway). */
    if (geteuid() != 0) {
        assert_int_equal(chmod(g_db, 0444), 0);
        assert_int_equal(td_store_open(g_db, NULL, &s), TD_EREADONLY);
        td_store_close(s);
        assert_int_equal(chmod(g_db, 0644), 0);
    }
}

static void test_corrupt_pages(void **state)
{
    (void)state;
    td_store *s = open_rw();
    char id[16], text[400];
    for (int i = 0; i < 300; i++) {
        snprintf(id, sizeof id, "c%d", i);
        snprintf(text, sizeof text, "Article %d tells of event %d in town %d, with more "
                                    "words so that pages fill up quickly %d.", i, i * 7,
                 i % 13, i * 31);
        assert_int_equal(td_store_ingest(s, art(id, "Title", "2022-01-01", "Herald", text),
                                         NULL),
                         TD_OK);
    }
    assert_int_equal(td_store_close(s), TD_OK); /* checkpoints the WAL into the file */
    /* Overwrite pages 3.. with garbage, keeping the header page intact. */
    FILE *f = fopen(g_db, "r+b");
    assert_non_null(f);
    assert_int_equal(fseek(f, 4096 * 2, SEEK_SET), 0);
    char junk[4096 * 4];
    for (size_t i = 0; i < sizeof junk; i++)
        junk[i] = (char)(i * 131 + 7);
    assert_int_equal(fwrite(junk, 1, sizeof junk, f), sizeof junk);
    assert_int_equal(fclose(f), 0);
    td_store_opts o = {0};
    o.readonly = 1;
    td_status st = td_store_open(g_db, &o, &s);
    if (st == TD_OK) {
        st = td_store_check(s);
        assert_int_equal(st, TD_ECORRUPT);
        assert_non_null(strstr(td_store_error(s), "integrity"));
    } else {
        assert_int_equal(st, TD_ECORRUPT);
    }
    td_store_close(s);
}

/* Bytes changed inside valid pages (SQLite sees nothing wrong): an article whose raw
 * input no longer matches its content hash, a prepared article that no longer
 * matches its checksum, are reported by every read of them; a prepared article of
 * an older version is prepared again from its raw input, silently. */
static void test_damaged_rows(void **state)
{
    (void)state;
    td_store *s = open_rw();
    td_ingest_result r;
    assert_int_equal(td_store_ingest(s, art("h1", "Harbour", "2022-01-04", "Courier",
                                            "The harbour office counted thirty ships at "
                                            "anchor on Tuesday, it said."), &r),
                     TD_OK);
    assert_int_equal(td_store_close(s), TD_OK);
    uint64_t story = r.story;
    char *out = NULL;
    /* an older prepared article: read again from the raw input */
    sql(g_db, "UPDATE prepared SET version = version - 1");
    s = open_ro();
    assert_int_equal(td_store_show(s, story, 1, &out, NULL), TD_OK);
    assert_non_null(strstr(out, "thirty ships"));
    td_free(out);
    assert_int_equal(td_store_close(s), TD_OK);
    /* ... and its raw input changed: no brief from it */
    sql(g_db, "UPDATE articles SET in_text = replace(in_text, 'thirty', 'ninety')");
    s = open_ro();
    out = NULL;
    assert_int_equal(td_store_show(s, story, 1, &out, NULL), TD_ECORRUPT);
    assert_null(out);
    assert_non_null(strstr(td_store_error(s), "damaged: article h1 does not match its "
                                              "content hash"));
    assert_int_equal(td_store_close(s), TD_OK);
    /* the same through a writer, and on a store without prepared articles */
    sql(g_db, "DELETE FROM prepared");
    s = open_rw();
    assert_int_equal(td_store_show(s, story, 0, &out, NULL), TD_ECORRUPT);
    assert_non_null(strstr(td_store_error(s), "content hash"));
    assert_int_equal(td_store_close(s), TD_OK);
    /* the raw input put back: it reads, and the writer stores a new prepared article */
    sql(g_db, "UPDATE articles SET in_text = replace(in_text, 'ninety', 'thirty')");
    s = open_rw();
    assert_int_equal(td_store_ingest(s, art("h2", NULL, "2022-01-05", NULL,
                                            "A new bakery opened in the old mill on Main "
                                            "Street."), NULL),
                     TD_OK);
    assert_int_equal(td_store_close(s), TD_OK);
    /* one byte of the prepared article changed */
    sql(g_db, "UPDATE prepared SET data = substr(data, 1, length(data) / 2) || "
              "CASE WHEN substr(data, length(data) / 2 + 1, 1) = X'5A' THEN X'A5' ELSE X'5A' "
              "END || substr(data, length(data) / 2 + 2) "
              "WHERE seq = (SELECT seq FROM articles WHERE id = 'h1')");
    s = open_ro();
    assert_int_equal(td_store_show(s, story, 1, &out, NULL), TD_ECORRUPT);
    assert_non_null(strstr(td_store_error(s), "does not match its checksum"));
    assert_int_equal(td_store_close(s), TD_OK);
}

/* Two writers take turns: each rebuilds its live state when the other wrote. */
static void test_two_writers(void **state)
{
    (void)state;
    td_store *a = open_rw(), *b = open_rw();
    td_ingest_result r;
    assert_int_equal(td_store_ingest(a, art("w1", NULL, "2022-01-01", NULL, "One."), &r), TD_OK);
    assert_int_equal(td_store_commit(a), TD_OK);
    assert_int_equal(a->rebuilds, 1);
    assert_int_equal(td_store_ingest(a, art("w2", NULL, "2022-01-01", NULL, "Two."), &r), TD_OK);
    assert_int_equal(td_store_commit(a), TD_OK);
    assert_int_equal(a->rebuilds, 1); /* its own commits change nothing */
    assert_int_equal(td_store_ingest(b, art("w3", NULL, "2022-01-02", NULL, "Three."), &r),
                     TD_OK);
    assert_int_equal(td_store_commit(b), TD_OK);
    assert_int_equal(b->rebuilds, 1);
    assert_int_equal(td_store_ingest(a, art("w4", NULL, "2022-01-02", NULL, "Four."), &r),
                     TD_OK);
    assert_int_equal(a->rebuilds, 2); /* b wrote in between */
    assert_int_equal(td_store_close(a), TD_OK);
    assert_int_equal(td_store_close(b), TD_OK);
    counts(4, 4);
}

/* A story a settle emptied into another: the old id leads to the one it joined
 * (resolve, show), and only stories with articles are listed. */
static void test_merge(void **state)
{
    (void)state;
    td_store *s = open_rw();
    td_ingest_result r1, r2, r3;
    assert_int_equal(td_store_ingest(s, art("m1", "Dock strike", "2022-01-01", "Herald",
                                            "Dockers walk out."), &r1), TD_OK);
    assert_int_equal(td_store_ingest(s, art("m2", NULL, "2022-01-03", "Gazette",
                                            "The port is closed."), &r2), TD_OK);
    assert_int_equal(td_store_ingest(s, art("m3", "Other", "2022-01-02", NULL,
                                            "Unrelated."), &r3), TD_OK);
    assert_int_equal(td_store_close(s), TD_OK);
    counts(3, 3);
    sql_merge(g_db, r2.story, r1.story);
    counts(3, 2);
    s = open_ro();
    seen c;
    memset(&c, 0, sizeof c);
    assert_int_equal(td_store_stories(s, NULL, collect, &c), TD_OK);
    assert_int_equal(c.n, 2);
    assert_int_equal(c.ids[0], r1.story);
    assert_string_equal(c.headlines[0], "Dock strike");
    assert_int_equal(c.n_outlets[0], 2);
    assert_int_equal(c.first[0].day, 1);
    assert_int_equal(c.last[0].day, 3);
    uint64_t to = 0;
    assert_int_equal(td_store_resolve(s, r2.story, &to), TD_OK);
    assert_int_equal(to, r1.story);
    assert_int_equal(td_store_resolve(s, r3.story, &to), TD_OK);
    assert_int_equal(to, r3.story);
    assert_int_equal(td_store_resolve(s, 999, &to), TD_ENOTFOUND);
    td_corpus *corpus = NULL;
    assert_int_equal(td_store_story_corpus(s, r2.story, &corpus), TD_OK);
    assert_int_equal(td_corpus_article_count(corpus), 2);
    td_corpus_free(corpus);
    assert_int_equal(td_store_close(s), TD_OK);
    /* A chain: the merged story's survivor is merged again. */
    sql_merge(g_db, r1.story, r3.story);
    s = open_rw();
    assert_int_equal(td_store_resolve(s, r2.story, &to), TD_OK);
    assert_int_equal(to, r3.story);
    assert_int_equal(td_store_close(s), TD_OK);
    counts(3, 1);
}

/* A database of schema 1 is upgraded by a writer and read as it is by a reader. */
static void test_migration(void **state)
{
    (void)state;
    td_store *s = open_rw();
    assert_int_equal(td_store_ingest(s, art("v1", "Old", "2022-01-01", NULL, "Text."), NULL),
                     TD_OK);
    assert_int_equal(td_store_close(s), TD_OK);
    sql(g_db, "DROP TABLE features; DROP TABLE prepared; DROP TABLE earlier; "
              "DROP TABLE moves; DROP INDEX articles_unsettled; "
              "ALTER TABLE articles DROP COLUMN settled; "
              "ALTER TABLE stories DROP COLUMN merged_into; "
              "PRAGMA user_version = 1;");
    s = open_ro();
    assert_int_equal(s->schema, 1);
    seen c;
    memset(&c, 0, sizeof c);
    assert_int_equal(td_store_stories(s, NULL, collect, &c), TD_OK);
    assert_int_equal(c.n, 1);
    char *out = NULL;
    assert_int_equal(td_store_show(s, c.ids[0], 1, &out, NULL), TD_OK);
    td_free(out);
    assert_int_equal(td_store_close(s), TD_OK);
    s = open_rw();
    assert_int_equal(s->schema, TD_STORE_SCHEMA);
    assert_int_equal(td_store_close(s), TD_OK);
    s = open_ro();
    int64_t ver = 0;
    sqlite3_stmt *q = NULL;
    assert_int_equal(sqlite3_prepare_v2(s->db, "SELECT count(merged_into) FROM stories; ",
                                        -1, &q, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(q), SQLITE_ROW);
    sqlite3_finalize(q);
    assert_int_equal(sqlite3_prepare_v2(s->db, "SELECT count(*) FROM features", -1, &q,
                                        NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(q), SQLITE_ROW);
    sqlite3_finalize(q);
    assert_int_equal(sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &q, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(q), SQLITE_ROW);
    ver = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    assert_int_equal(ver, TD_STORE_SCHEMA);
    assert_int_equal(td_store_check(s), TD_OK);
    assert_int_equal(td_store_close(s), TD_OK);
}

/* The clusterer-to-store id map: lookups, updates, growth and pruning. */
static void test_idmap(void **state)
{
    (void)state;
    tdp_idmap m;
    memset(&m, 0, sizeof m);
    assert_int_equal(tdp_idmap_get(&m, 5), 0);
    assert_int_equal(tdp_idmap_put(&m, 0, 1, 0, 0, 7), TD_EARG);
    /* 3000 stories over 300 days, ten a day. */
    for (uint64_t k = 1; k <= 3000; k++)
        assert_int_equal(tdp_idmap_put(&m, k, k + 100000, (int64_t)(k / 10), (int64_t)(k / 10), 7),
                         TD_OK);
    /* Recent ones are all there. */
    for (uint64_t k = 2800; k <= 3000; k++)
        assert_int_equal(tdp_idmap_get(&m, k), k + 100000);
    /* Old ones were let go: the map is far smaller than everything seen. */
    assert_true(m.m.n < 3000);
    assert_int_equal(tdp_idmap_get(&m, 1), 0);
    /* Refreshing an entry keeps it alive and may change its value. */
    assert_int_equal(tdp_idmap_put(&m, 2990, 7, 300, 300, 7), TD_OK);
    assert_int_equal(tdp_idmap_get(&m, 2990), 7);
    tdp_idmap_free(&m);
    tdp_idmap_free(&m);
}

/* ---- allocation failures: every site returns, nothing leaks or crashes ---- */
static long g_fail_at = -1, g_count = 0;
static void *fail_malloc(size_t n)
{
    if (g_fail_at >= 0 && g_count++ == g_fail_at)
        return NULL;
    return malloc(n);
}
static void *fail_realloc(void *p, size_t n)
{
    if (g_fail_at >= 0 && g_count++ == g_fail_at)
        return NULL;
    return realloc(p, n);
}

static void test_alloc_failures(void **state)
{
    (void)state;
    td_store *s = open_rw(); /* a store with history to replay */
    assert_int_equal(td_store_ingest(s, art("h1", "Old", "2022-01-01", "Herald",
                                            "An older article about the strike."), NULL),
                     TD_OK);
    assert_int_equal(td_store_close(s), TD_OK);
    bool ok_seen = false;
    /* every allocation of the first 400 (open, ingest), then spread ever wider
     * over the settling at close, whose preparing and briefing make thousands */
    for (long k = 0; k < 400000 && !ok_seen; k += k < 400 ? 1 : 1 + k / 16) {
        char id[32];
        snprintf(id, sizeof id, "m%ld", k);
        td_article *a = art(id, "New", "2022-01-02", "Herald", "A newer article.");
        g_count = 0;
        g_fail_at = k;
        td_set_allocator(fail_malloc, fail_realloc, free);
        td_store_opts o = {0};
        s = NULL;
        td_status st = td_store_open(g_db, &o, &s);
        if (!st)
            st = td_store_ingest(s, a, NULL);
        else
            td_article_free(a);
        if (!st)
            st = td_store_commit(s);
        td_status cst = td_store_close(s);
        (void)cst;
        td_set_allocator(NULL, NULL, NULL);
        g_fail_at = -1;
        if (st != TD_OK && st != TD_ENOMEM)
            fail_msg("fail at %ld: %s", k, td_strerror(st));
        ok_seen = st == TD_OK && g_count <= k;
    }
    if (!ok_seen)
        fail_msg("no success within 400000 allocations (last run: %ld)", g_count);
    s = open_ro();
    assert_int_equal(td_store_check(s), TD_OK);
    assert_int_equal(td_store_close(s), TD_OK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_identity, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stories_and_reopen, setup, teardown),
        cmocka_unit_test_setup_teardown(test_kill_keeps_committed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_schema_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_locked_and_readonly, setup, teardown),
        cmocka_unit_test_setup_teardown(test_corrupt_pages, setup, teardown),
        cmocka_unit_test_setup_teardown(test_damaged_rows, setup, teardown),
        cmocka_unit_test_setup_teardown(test_two_writers, setup, teardown),
        cmocka_unit_test(test_idmap),
        cmocka_unit_test_setup_teardown(test_merge, setup, teardown),
        cmocka_unit_test_setup_teardown(test_migration, setup, teardown),
        cmocka_unit_test_setup_teardown(test_alloc_failures, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

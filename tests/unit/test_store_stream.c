/* test_store_stream.c - the store as a stream: resuming from stored features (and
 * upgrading a schema-2 store that has none), undated streams, dates in the future
 * or the far past, and the story id of a stored story's brief. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "support.h"

#include "pipeline/pipeline_p.h"
#include "store/store_p.h"
#include "store_test.h"

/* An article without an outlet. */
static td_article *art4(const char *id, const char *title, const char *date,
                        const char *text)
{
    return art(id, title, date, NULL, text);
}

static char g_dir[64];
static char g_db[128], g_db2[128];

static void rm_db(const char *db)
{
    char p[160];
    static const char *const sfx[] = {"", "-wal", "-shm", "-journal"};
    for (size_t i = 0; i < 4; i++) {
        snprintf(p, sizeof p, "%s%s", db, sfx[i]);
        unlink(p);
    }
}

static int setup(void **state)
{
    (void)state;
    snprintf(g_dir, sizeof g_dir, "/tmp/td-stream-XXXXXX");
    if (!mkdtemp(g_dir))
        return -1;
    snprintf(g_db, sizeof g_db, "%s/one.db", g_dir);
    snprintf(g_db2, sizeof g_db2, "%s/two.db", g_dir);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    rm_db(g_db);
    rm_db(g_db2);
    rmdir(g_dir);
    return 0;
}

#define NOW_2026_11_22 1795305600

static td_store *open_at(const char *db, int64_t now)
{
    td_store *s = NULL;
    td_store_opts o = {0};
    o.now = now;
    assert_int_equal(td_store_open(db, &o, &s), TD_OK);
    return s;
}

/* ---- a generated feed: 40 days of reports on recurring topics ---- */

#define FEED_DAYS 40
#define FEED_PER_DAY 12
#define FEED_N (FEED_DAYS * FEED_PER_DAY)

static const char *const k_words[] = {
    "port", "strike", "talks", "flood", "bridge", "election", "council", "summit", "vote",
    "court", "ruling", "storm", "harvest", "budget", "rally", "treaty", "sanctions",
    "outage", "fire", "trial"};

static td_article *feed_article(int i)
{
    unsigned r = (unsigned)i * 2654435761u;
    int d = i / FEED_PER_DAY, t = (int)((r >> 8) % 60);
    char id[24], title[96], date[48], text[512];
    snprintf(id, sizeof id, "f%04d", i);
    snprintf(title, sizeof title, "%s %s %d", k_words[t % 20], k_words[(t / 20) % 20], t);
    snprintf(date, sizeof date, "2022-%02d-%02d", 1 + d / 28, 1 + d % 28);
    int n = 0;
    for (int k = 0; k < 3; k++)
        n += snprintf(text + n, sizeof text - (size_t)n,
                      "The %s of %s number %d went on in town %d. ", k_words[(t + k) % 20],
                      k_words[(t * 7 + k) % 20], t, t % 31);
    return art4(id, title, date, text);
}

/* Ingests feed articles [from, to) and records each one's story. */
static void ingest_feed(td_store *s, int from, int to, uint64_t *story)
{
    for (int i = from; i < to; i++) {
        td_ingest_result r;
        assert_int_equal(td_store_ingest(s, feed_article(i), &r), TD_OK);
        assert_int_equal(r.kind, TD_INGEST_NEW);
        story[i] = r.story;
        if (i % 50 == 49)
            assert_int_equal(td_store_commit(s), TD_OK);
    }
}

/*
 * The stories of a store as a partition: first[i] is the smallest feed index in
 * the story of feed article i (story numbers differ between runs; the grouping
 * must not).
 */
static void partition(const char *db, int *first)
{
    sqlite3 *h = NULL;
    assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
    sqlite3_stmt *q = NULL;
    assert_int_equal(sqlite3_prepare_v2(h, "SELECT id, story FROM articles ORDER BY id",
                                        -1, &q, NULL), SQLITE_OK);
    int64_t *story = calloc(FEED_N, sizeof *story);
    assert_non_null(story);
    int n = 0;
    while (sqlite3_step(q) == SQLITE_ROW) {
        int i = atoi((const char *)sqlite3_column_text(q, 0) + 1);
        assert_true(i >= 0 && i < FEED_N);
        story[i] = sqlite3_column_int64(q, 1);
        n++;
    }
    sqlite3_finalize(q);
    sqlite3_close(h);
    assert_int_equal(n, FEED_N);
    for (int i = 0; i < FEED_N; i++) {
        first[i] = i;
        for (int j = 0; j < i; j++)
            if (story[j] == story[i]) {
                first[i] = j;
                break;
            }
    }
    free(story);
}

/* The same stories in both stores. */
static void same_stories(const char *one, const char *two, const char *when)
{
    int *a = calloc(FEED_N, sizeof *a), *b = calloc(FEED_N, sizeof *b);
    assert_true(a && b);
    partition(one, a);
    partition(two, b);
    for (int i = 0; i < FEED_N; i++)
        if (a[i] != b[i])
            fail_msg("article %d: with %d in one run, with %d %s", i, a[i], b[i], when);
    free(a);
    free(b);
}

/* The whole feed into g_db, and its first half into g_db2 by a process of its own. */
static void ingest_first_half(void)
{
    uint64_t *story = calloc(FEED_N, sizeof *story);
    assert_non_null(story);
    td_store *s = open_at(g_db, NOW_2026_11_22);
    ingest_feed(s, 0, FEED_N, story);
    assert_int_equal(td_store_close(s), TD_OK);
    s = open_at(g_db2, NOW_2026_11_22);
    ingest_feed(s, 0, FEED_N / 2, story);
    assert_int_equal(td_store_close(s), TD_OK);
    free(story);
}

/* A resumed ingest replays the stored features: nothing is cleaned again, and the
 * stories are those of one uninterrupted ingest. */
static void test_resume_from_features(void **state)
{
    (void)state;
    ingest_first_half();
    uint64_t *story = calloc(FEED_N, sizeof *story);
    td_store *s = open_at(g_db2, NOW_2026_11_22);
    ingest_feed(s, FEED_N / 2, FEED_N, story);
    assert_int_equal(s->rebuilds, 1);
    assert_true(s->replayed > 0);
    assert_int_equal(s->recleaned, 0);
    assert_int_equal(td_store_close(s), TD_OK);
    free(story);
    same_stories(g_db, g_db2, "when resumed");
}

/* A process that dies after committing (no close, so nothing settled), then an
 * ingest of the whole feed again: the stories of one uninterrupted ingest, and
 * those the batch (the corpus behind `tidings brief`) gives the feed. */
static void test_killed_then_again(void **state)
{
    (void)state;
    uint64_t *story = calloc(FEED_N, sizeof *story);
    assert_non_null(story);
    td_store *s = open_at(g_db, NOW_2026_11_22);
    ingest_feed(s, 0, FEED_N, story);
    assert_int_equal(td_store_close(s), TD_OK);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        s = open_at(g_db2, NOW_2026_11_22);
        ingest_feed(s, 0, FEED_N * 2 / 3, story);
        _exit(td_store_commit(s) == TD_OK ? 0 : 1); /* dies without settling */
    }
    int wst = 0;
    assert_int_equal(waitpid(pid, &wst, 0), pid);
    assert_true(WIFEXITED(wst) && WEXITSTATUS(wst) == 0);
    s = open_at(g_db2, NOW_2026_11_22);
    for (int i = 0; i < FEED_N; i++) {
        td_ingest_result r;
        assert_int_equal(td_store_ingest(s, feed_article(i), &r), TD_OK);
        assert_int_equal(r.kind, i < FEED_N * 2 / 3 ? TD_INGEST_UNCHANGED : TD_INGEST_NEW);
    }
    assert_int_equal(td_store_close(s), TD_OK);
    same_stories(g_db, g_db2, "after a kill");

    /* the batch over the same articles in the same order */
    tdp_prepared *p = calloc(FEED_N, sizeof *p);
    tdp_copy *copies = calloc(FEED_N, sizeof *copies);
    uint32_t *story_of = calloc(FEED_N, sizeof *story_of);
    int *one = calloc(FEED_N, sizeof *one);
    assert_true(p && copies && story_of && one);
    for (int i = 0; i < FEED_N; i++)
        assert_int_equal(tdp_prepare(feed_article(i), &p[i]), TD_OK);
    size_t ns = 0;
    assert_int_equal(tdp_corpus_stories(p, FEED_N, 0, 0, copies, story_of, &ns), TD_OK);
    partition(g_db, one);
    for (int i = 0; i < FEED_N; i++) {
        int f = i;
        for (int j = 0; j < i; j++)
            if (story_of[j] == story_of[i]) {
                f = j;
                break;
            }
        if (f != one[i])
            fail_msg("article %d: with %d in the store, with %d in the batch", i, one[i], f);
        tdp_prepared_free(&p[i]);
    }
    free(p);
    free(copies);
    free(story_of);
    free(one);
    free(story);
}

/* A schema-2 store has no features: the writer upgrades it, the first rebuild
 * cleans the live articles again (same stories) and stores their features, so the
 * next rebuild needs no cleaning. */
static void test_upgrade_from_2(void **state)
{
    (void)state;
    ingest_first_half();
    sql(g_db2, "DROP TABLE features; DROP TABLE prepared; DROP TABLE earlier; "
               "DROP TABLE moves; DROP INDEX articles_unsettled; "
               "ALTER TABLE articles DROP COLUMN settled; PRAGMA user_version = 2;");
    uint64_t *story = calloc(FEED_N, sizeof *story);
    td_store *s = open_at(g_db2, NOW_2026_11_22);
    assert_int_equal(s->schema, TD_STORE_SCHEMA);
    ingest_feed(s, FEED_N / 2, FEED_N * 3 / 4, story);
    assert_true(s->replayed > 0);
    assert_int_equal(s->recleaned, s->replayed);
    assert_int_equal(td_store_close(s), TD_OK);

    s = open_at(g_db2, NOW_2026_11_22);
    ingest_feed(s, FEED_N * 3 / 4, FEED_N, story);
    assert_true(s->replayed > 0);
    assert_int_equal(s->recleaned, 0);
    assert_int_equal(td_store_close(s), TD_OK);
    free(story);
    same_stories(g_db, g_db2, "after the upgrade");
}

/* A stored features blob: round trip, and damage is detected. */
static void test_features_blob(void **state)
{
    (void)state;
    tdp_cfeat f[2] = {{42, 2.5f, TDP_CT_NAME}, {0xFFFFFFFFFFFFFFFFull, 1.0f, TDP_CT_DATE}};
    int32_t full[1] = {19000};
    uint16_t md[2] = {3 * 32 + 5, 12 * 32 + 31};
    tdp_cinfo in = {f, 2, TDP_NODAY, full, 1, md, 2}, out;
    unsigned char *b = NULL;
    size_t n = 0;
    assert_int_equal(tdp_store_feats_encode(&in, &b, &n), TD_OK);
    assert_int_equal(tdp_store_feats_decode(b, n, &out), TD_OK);
    assert_int_equal(out.n, 2);
    assert_true(out.f[1].hash == f[1].hash);
    assert_true(out.f[0].count == 2.5f);
    assert_int_equal(out.f[0].kind, TDP_CT_NAME);
    assert_int_equal(out.own, TDP_NODAY);
    assert_int_equal(out.n_full, 1);
    assert_int_equal(out.full[0], 19000);
    assert_int_equal(out.n_md, 2);
    assert_int_equal(out.md[1], md[1]);
    tdp_cluster_info_free(&out);
    for (size_t cut = 0; cut < n; cut++)
        assert_int_equal(tdp_store_feats_decode(b, cut, &out), TD_ECORRUPT);
    tdp_free(b);
}

/* A prepared article as the store keeps it (deflated): round trip to the same
 * bytes, and a cut or damaged copy is refused. */
static void test_packed_prepared(void **state)
{
    (void)state;
    td_store *s = open_at(g_db, NOW_2026_11_22);
    tdp_prepared p, back;
    assert_int_equal(tdp_prepare(feed_article(3), &p), TD_OK);
    unsigned char *b = NULL, *e1 = NULL, *e2 = NULL;
    size_t n = 0, n1 = 0, n2 = 0;
    assert_int_equal(tdp_store_pack(s, &p, &b, &n), TD_OK);
    assert_int_equal(tdp_prepared_encode(&p, &e1, &n1), TD_OK);
    assert_true(n < n1);
    assert_int_equal(tdp_store_unpack(s, b, n, &back), TD_OK);
    assert_int_equal(tdp_prepared_encode(&back, &e2, &n2), TD_OK);
    assert_int_equal(n1, n2);
    assert_memory_equal(e1, e2, n1);
    tdp_prepared_free(&back);
    for (size_t cut = 0; cut < n; cut += 1 + cut / 8)
        assert_int_equal(tdp_store_unpack(s, b, cut, &back), TD_ECORRUPT);
    for (size_t i = 0; i + 1 < n; i += 7) { /* the last byte may end in padding */
        b[i] ^= 0x55;
        assert_int_equal(tdp_store_unpack(s, b, n, &back), TD_ECORRUPT);
        b[i] ^= 0x55;
    }
    tdp_free(b);
    tdp_free(e1);
    tdp_free(e2);
    tdp_prepared_free(&p);
    assert_int_equal(td_store_close(s), TD_OK);
}

/* ---- time ---- */

static void feat_info(tdp_cinfo *info, tdp_cfeat *f, uint64_t topic, int32_t *mention)
{
    for (int k = 0; k < 4; k++) {
        f[k].hash = topic * 1000 + (uint64_t)k + 1;
        f[k].count = 2;
        f[k].kind = TDP_CT_WORD;
    }
    memset(info, 0, sizeof *info);
    info->f = f;
    info->n = 4;
    info->own = TDP_NODAY;
    info->full = mention;
    info->n_full = mention ? 1 : 0;
}

/* An undated stream moves the clock by the dates its articles mention, so quiet
 * stories leave; one article citing a far date does not move it. */
static void test_undated_stream_clock(void **state)
{
    (void)state;
    tdp_cluster_opts o = {0, 7, 1};
    tdp_clusterer *c = tdp_clusterer_new(&o);
    assert_non_null(c);
    int32_t d0 = tdp_days_from_civil(2023, 5, 1);
    tdp_cfeat f[4];
    tdp_cinfo info;
    uint64_t id, first = 0;
    bool is_new;
    for (int day = 0; day < 30; day++) {
        for (int k = 0; k < 3; k++) {
            int32_t m = d0 + day;
            /* topic 1 only on the first days; the others every day */
            uint64_t topic = day < 3 && k == 0 ? 1 : (uint64_t)(2 + k);
            feat_info(&info, f, topic, &m);
            assert_int_equal(tdp_clusterer_add_info(c, &info, &id, &is_new), TD_OK);
            if (topic == 1 && !first)
                first = id;
        }
        if (day == 15) {
            /* one article cites a date months ahead: the clock stays */
            int32_t far = d0 + 200;
            feat_info(&info, f, 9, &far);
            assert_int_equal(tdp_clusterer_add_info(c, &info, &id, &is_new), TD_OK);
            assert_true(tdp_clusterer_clock(c) <= d0 + 16);
        }
    }
    assert_true(tdp_clusterer_clock(c) >= d0 + 25);
    assert_true(tdp_clusterer_clock(c) <= d0 + 29);
    /* topic 1 went quiet long ago: a new article on it starts a new story */
    int32_t m = d0 + 30;
    feat_info(&info, f, 1, &m);
    assert_int_equal(tdp_clusterer_add_info(c, &info, &id, &is_new), TD_OK);
    assert_true(is_new);
    assert_true(id != first);
    /* undated and without mentions: placed at the clock, it moves nothing */
    int32_t before = tdp_clusterer_clock(c);
    feat_info(&info, f, 3, NULL);
    assert_int_equal(tdp_clusterer_add_info(c, &info, &id, &is_new), TD_OK);
    assert_false(is_new);
    assert_int_equal(tdp_clusterer_clock(c), before);
    tdp_clusterer_free(c);
}

/* In the store, an undated stream without dated mentions is placed by arrival:
 * stories go quiet and leave the live window as the days go by. */
static void test_store_undated_arrivals(void **state)
{
    (void)state;
    uint64_t first = 0;
    for (int day = 0; day < 20; day++) {
        td_store *s = open_at(g_db, NOW_2026_11_22 + (int64_t)day * 86400);
        char id[16];
        td_ingest_result r;
        snprintf(id, sizeof id, "u%d", day);
        assert_int_equal(td_store_ingest(s, art4(id, "Harbour cranes idle", NULL,
                                                "Dockers at the harbour kept the cranes "
                                                "idle, the union said."), &r), TD_OK);
        if (day == 0)
            first = r.story;
        else if (day <= 7)
            assert_int_equal(r.story, first); /* the same story while it is live */
        else if (day == 18)
            assert_true(r.story != first); /* after ten quiet days it had left */
        /* the stream's clock is the arrival day */
        assert_int_equal(tdp_clusterer_clock(s->cl), tdp_days_from_civil(2026, 11, 22) + day);
        assert_int_equal(td_store_close(s), TD_OK);
        if (day == 7)
            day = 17; /* ten quiet days */
    }
}

static int placed(const char *db, const char *id, int64_t *day)
{
    sqlite3 *h = NULL;
    sqlite3_stmt *q = NULL;
    assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(h, "SELECT placed_by, day FROM articles WHERE id = ?1",
                                        -1, &q, NULL), SQLITE_OK);
    sqlite3_bind_text(q, 1, id, -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(q), SQLITE_ROW);
    int by = sqlite3_column_int(q, 0);
    *day = sqlite3_column_int64(q, 1);
    sqlite3_finalize(q);
    sqlite3_close(h);
    return by;
}

/* A date after the arrival day is not believed (it would age every live story);
 * a date in the far past places its article there and moves nothing. */
static void test_future_and_past_dates(void **state)
{
    (void)state;
    /* a fresh store whose first article claims a date next summer */
    td_store *s = open_at(g_db, NOW_2026_11_22);
    td_ingest_result r;
    assert_int_equal(td_store_ingest(s, art4("fut0", "Budget vote", "2027-06-01",
                                            "The council approved the budget."), &r), TD_OK);
    int32_t today = tdp_days_from_civil(2026, 11, 22);
    assert_int_equal(tdp_clusterer_clock(s->cl), today);
    assert_int_equal(td_store_close(s), TD_OK);
    int64_t day;
    assert_int_equal(placed(g_db, "fut0", &day), 2); /* by arrival */
    assert_int_equal(day, today);
    rm_db(g_db);

    /* a dated stream of last March, ingested today */
    s = open_at(g_db, NOW_2026_11_22);
    uint64_t strike = 0;
    for (int d = 1; d <= 5; d++) {
        char id[16], date[16];
        snprintf(id, sizeof id, "s%d", d);
        snprintf(date, sizeof date, "2026-03-%02d", d);
        assert_int_equal(td_store_ingest(s, art4(id, "Port strike goes on", date,
                                                "Dockers at the port of Varna stayed "
                                                "out on strike."), &r), TD_OK);
        strike = r.story;
    }
    int32_t clock = tdp_clusterer_clock(s->cl);
    size_t live = tdp_clusterer_live(s->cl);
    assert_int_equal(clock, tdp_days_from_civil(2026, 3, 5));
    /* next year, next month (after arrival) and the far past: the clock stays */
    static const char *const odd[] = {"2027-03-06", "2026-12-25", "1971-02-03"};
    for (size_t i = 0; i < 3; i++) {
        char id[16];
        snprintf(id, sizeof id, "odd%zu", i);
        assert_int_equal(td_store_ingest(s, art4(id, "Port strike goes on", odd[i],
                                                "Dockers at the port of Varna stayed "
                                                "out on strike."), &r), TD_OK);
        assert_int_equal(tdp_clusterer_clock(s->cl), clock);
        assert_true(tdp_clusterer_live(s->cl) >= live);
    }
    /* an undated article arriving today is placed on the stream's latest day */
    assert_int_equal(td_store_ingest(s, art4("nodate", "Port strike goes on", NULL,
                                            "Dockers at the port of Varna stayed out on "
                                            "strike."), &r), TD_OK);
    assert_int_equal(r.story, strike);
    assert_int_equal(tdp_clusterer_clock(s->cl), clock);
    assert_int_equal(td_store_close(s), TD_OK);
    assert_int_equal(placed(g_db, "odd0", &day), 2);
    assert_int_equal(day, clock);
    assert_int_equal(placed(g_db, "odd1", &day), 2);
    assert_int_equal(placed(g_db, "odd2", &day), 0);
    assert_int_equal(day, tdp_days_from_civil(1971, 2, 3));
    assert_int_equal(placed(g_db, "nodate", &day), 2);
    assert_int_equal(day, clock);
    /* resumed, the strike is still live: the far-past article did not age it */
    s = open_at(g_db, NOW_2026_11_22);
    assert_int_equal(td_store_ingest(s, art4("s6", "Port strike goes on", "2026-03-06",
                                            "Dockers at the port of Varna stayed out on "
                                            "strike."), &r), TD_OK);
    assert_int_equal(r.story, strike);
    assert_int_equal(td_store_close(s), TD_OK);
}

/* ---- show ---- */

/* The brief of a stored story carries the store's id, in JSON and in Markdown, and
 * keeps the story whole even when its articles share no words. */
static void test_show_story_id(void **state)
{
    (void)state;
    td_store *s = open_at(g_db, NOW_2026_11_22);
    td_ingest_result r[4];
    static const char *const texts[] = {
        "Heavy rain flooded the lower town of Riverton.",
        "Engineers inspected the Oakfield bridge after cracks appeared.",
        "The Marlins beat the Storm three to one at Kesterton Park.",
        "Orchard growers in the valley fear a late frost."};
    for (int i = 0; i < 4; i++) {
        char id[8];
        snprintf(id, sizeof id, "k%d", i);
        assert_int_equal(td_store_ingest(s, art4(id, NULL, "2022-05-02", texts[i]), &r[i]),
                         TD_OK);
    }
    assert_true(r[3].story >= 4);
    assert_int_equal(td_store_close(s), TD_OK);
    /* stories 3 and 4 become one (as a settle that joins them leaves them) */
    sql_merge(g_db, r[3].story, r[2].story);
    td_store_opts ro = {0};
    ro.readonly = 1;
    assert_int_equal(td_store_open(g_db, &ro, &s), TD_OK);
    char *out = NULL, want[64];
    size_t n = 0;
    assert_int_equal(td_store_show(s, r[1].story, 1, &out, &n), TD_OK);
    snprintf(want, sizeof want, "{\"stories\":[{\"id\":%llu,",
             (unsigned long long)r[1].story);
    assert_non_null(strstr(out, want));
    td_free(out);
    assert_int_equal(td_store_show(s, r[1].story, 0, &out, &n), TD_OK);
    snprintf(want, sizeof want, "Story %llu:", (unsigned long long)r[1].story);
    assert_non_null(strstr(out, want));
    td_free(out);
    /* the merged story: two articles with no word in common, one brief */
    td_corpus *c = NULL;
    assert_int_equal(td_store_story_corpus(s, r[3].story, &c), TD_OK);
    assert_int_equal(td_corpus_article_count(c), 2);
    assert_int_equal(td_corpus_story_count(c), 1);
    assert_int_equal(td_corpus_json(c, &out, &n), TD_OK);
    snprintf(want, sizeof want, "{\"stories\":[{\"id\":%llu,",
             (unsigned long long)r[2].story);
    assert_non_null(strstr(out, want));
    td_free(out);
    td_corpus_free(c);
    assert_int_equal(td_store_close(s), TD_OK);
}

/* A corpus told its articles are one known story: not split, numbered as told in
 * JSON, Markdown and HTML. */
static void test_corpus_story_id(void **state)
{
    (void)state;
    td_corpus_opts o = {0, 0, 0, 42};
    td_corpus *c = td_corpus_new(&o);
    assert_non_null(c);
    assert_int_equal(td_corpus_add(c, art4("a", "Floods in Riverton", "2022-05-02",
                                          "Heavy rain flooded the lower town of "
                                          "Riverton.")), TD_OK);
    assert_int_equal(td_corpus_add(c, art4("b", "Marlins win", "2022-05-03",
                                          "The Marlins beat the Storm at Kesterton "
                                          "Park.")), TD_OK);
    assert_int_equal(td_corpus_build(c), TD_OK);
    assert_int_equal(td_corpus_story_count(c), 1);
    char *out = NULL;
    size_t n = 0;
    assert_int_equal(td_corpus_json(c, &out, &n), TD_OK);
    assert_non_null(strstr(out, "{\"stories\":[{\"id\":42,"));
    td_free(out);
    assert_int_equal(td_corpus_markdown(c, &out, &n), TD_OK);
    assert_non_null(strstr(out, "Story 42:"));
    td_free(out);
    assert_int_equal(td_corpus_html(c, &out, &n), TD_OK);
    assert_non_null(strstr(out, "Story 42:"));
    td_free(out);
    assert_int_equal(td_corpus_story_json(c, 0, &out, &n), TD_OK);
    assert_non_null(strstr(out, "{\"id\":42,"));
    td_free(out);
    td_corpus_free(c);
    /* without it, the same two articles are two stories numbered from 1 */
    c = td_corpus_new(NULL);
    assert_int_equal(td_corpus_add(c, art4("a", "Floods in Riverton", "2022-05-02",
                                          "Heavy rain flooded the lower town of "
                                          "Riverton.")), TD_OK);
    assert_int_equal(td_corpus_add(c, art4("b", "Marlins win", "2022-05-03",
                                          "The Marlins beat the Storm at Kesterton "
                                          "Park.")), TD_OK);
    assert_int_equal(td_corpus_build(c), TD_OK);
    assert_int_equal(td_corpus_story_count(c), 2);
    assert_int_equal(td_corpus_json(c, &out, &n), TD_OK);
    assert_non_null(strstr(out, "{\"stories\":[{\"id\":1,"));
    td_free(out);
    td_corpus_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_resume_from_features, setup, teardown),
        cmocka_unit_test_setup_teardown(test_killed_then_again, setup, teardown),
        cmocka_unit_test_setup_teardown(test_upgrade_from_2, setup, teardown),
        cmocka_unit_test(test_features_blob),
        cmocka_unit_test_setup_teardown(test_packed_prepared, setup, teardown),
        cmocka_unit_test(test_undated_stream_clock),
        cmocka_unit_test_setup_teardown(test_store_undated_arrivals, setup, teardown),
        cmocka_unit_test_setup_teardown(test_future_and_past_dates, setup, teardown),
        cmocka_unit_test_setup_teardown(test_show_story_id, setup, teardown),
        cmocka_unit_test(test_corpus_story_id),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

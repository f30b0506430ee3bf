/*
 * bench_store.c - ingest speed of the SQLite store, and the cost of reopening
 * (rebuilding the live window).
 *
 *   bench_store [--size N] [--dir DIR]
 *
 * Seeded articles (N, default 20000; about 120 words each, 200 topics, dates over
 * 60 days) are ingested with batches of 1, 64 and 500 articles per transaction,
 * with synchronous=FULL (what the store uses) and NORMAL (for comparison); then
 * the same articles are only cleaned and analysed, which is the pipeline's share.
 * Each line prints a checksum of the story ids the run assigned, so that runs can
 * be compared. Batch 1 ingests N/20 articles only (one fsync each).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "analyse/analyse.h"
#include "store/store_p.h"
#include "tidings/clean.h"

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static uint64_t g_rng;
static uint32_t rnd(void)
{
    g_rng = g_rng * 6364136223846793005ull + 1442695040888963407ull;
    return (uint32_t)(g_rng >> 33);
}

static const char *const k_words[] = {
    "port", "strike", "talks", "union", "wages", "ships", "harbour", "council", "vote",
    "minister", "court", "ruling", "storm", "flood", "river", "bridge", "election",
    "budget", "rally", "treaty", "sanctions", "outage", "fire", "trial", "harvest",
    "frost", "orchard", "museum", "hall", "visitors", "police", "report", "inquiry",
    "mayor", "city", "region", "border", "talks", "deal", "agreement"};
#define N_WORDS (sizeof k_words / sizeof *k_words)

/* Article i: topic-dependent words so that stories form, a date, an outlet. */
static td_article *make(size_t i)
{
    g_rng = 0x9E3779B97F4A7C15ull ^ (i * 0x100000001B3ull);
    unsigned topic = rnd() % 200, day = rnd() % 60;
    char id[32], title[96], date[16], source[32];
    snprintf(id, sizeof id, "b%07zu", i);
    snprintf(title, sizeof title, "%s %s %u", k_words[topic % N_WORDS],
             k_words[(topic / 7) % N_WORDS], topic);
    snprintf(date, sizeof date, "2022-%02u-%02u", 1 + day / 28, 1 + day % 28);
    snprintf(source, sizeof source, "Outlet %u", rnd() % 40);
    char text[2048];
    size_t n = 0;
    for (int w = 0; w < 120 && n + 40 < sizeof text; w++) {
        const char *word = (rnd() % 3) ? k_words[(topic + rnd() % 5) % N_WORDS]
                                       : k_words[rnd() % N_WORDS];
        n += (size_t)snprintf(text + n, sizeof text - n, "%s%s", word,
                              w % 12 == 11 ? ".\n" : " ");
    }
    td_article *a = td_article_new();
    if (!a || td_article_set(a, TD_FIELD_ID, id, strlen(id)) ||
        td_article_set(a, TD_FIELD_TITLE, title, strlen(title)) ||
        td_article_set(a, TD_FIELD_DATE, date, strlen(date)) ||
        td_article_set(a, TD_FIELD_SOURCE, source, strlen(source)) ||
        td_article_set(a, TD_FIELD_TEXT, text, n)) {
        fprintf(stderr, "bench_store: out of memory\n");
        exit(1);
    }
    return a;
}

static void rm_db(const char *db)
{
    char p[600];
    static const char *const sfx[] = {"", "-wal", "-shm"};
    for (int i = 0; i < 3; i++) {
        snprintf(p, sizeof p, "%s%s", db, sfx[i]);
        unlink(p);
    }
}

static void run(const char *db, size_t n, size_t batch, const char *sync)
{
    rm_db(db);
    td_store *s = NULL;
    td_store_opts o = {0};
    o.now = 1795305600;
    if (td_store_open(db, &o, &s)) {
        fprintf(stderr, "bench_store: %s: %s\n", db, td_store_error(s));
        exit(1);
    }
    char pragma[64];
    snprintf(pragma, sizeof pragma, "PRAGMA synchronous = %s", sync);
    sqlite3_exec(s->db, pragma, NULL, NULL, NULL);
    uint64_t sum = 0;
    double t0 = now_s();
    for (size_t i = 0; i < n; i++) {
        td_ingest_result r;
        if (td_store_ingest(s, make(i), &r)) {
            fprintf(stderr, "bench_store: %s\n", td_store_error(s));
            exit(1);
        }
        sum = sum * 31 + r.story;
        if (td_store_pending(s) >= batch && td_store_commit(s)) {
            fprintf(stderr, "bench_store: %s\n", td_store_error(s));
            exit(1);
        }
    }
    if (td_store_close(s)) {
        fprintf(stderr, "bench_store: commit failed\n");
        exit(1);
    }
    double t = now_s() - t0;
    printf("ingest  sync=%-6s batch=%-4zu %7zu articles %7.2f s %9.0f articles/s  "
           "stories %016llx\n",
           sync, batch, n, t, (double)n / t, (unsigned long long)sum);
    fflush(stdout);
}

static void reopen(const char *db, size_t n)
{
    /* Ingesting the store's articles again: every one is unchanged; the first
     * call pays for rebuilding the live window. */
    td_store *s = NULL;
    if (td_store_open(db, NULL, &s)) {
        fprintf(stderr, "bench_store: %s: %s\n", db, td_store_error(s));
        exit(1);
    }
    double t0 = now_s();
    td_ingest_result r;
    if (td_store_ingest(s, make(0), &r)) {
        fprintf(stderr, "bench_store: %s\n", td_store_error(s));
        exit(1);
    }
    double t1 = now_s();
    for (size_t i = 1; i < n; i++)
        if (td_store_ingest(s, make(i), &r) || r.kind != TD_INGEST_UNCHANGED) {
            fprintf(stderr, "bench_store: re-ingest changed something\n");
            exit(1);
        }
    td_status st = td_store_close(s);
    double t2 = now_s();
    printf("reopen  rebuild of the live window %.2f s; %zu unchanged articles %.2f s "
           "(%.0f articles/s)%s\n",
           t1 - t0, n - 1, t2 - t1, (double)(n - 1) / (t2 - t1), st ? " FAILED" : "");
}

static void pipeline_only(size_t n)
{
    double t0 = now_s();
    for (size_t i = 0; i < n; i++) {
        td_article *a = make(i);
        if (td_clean(a) || tdp_analyse(a)) {
            fprintf(stderr, "bench_store: clean/analyse failed\n");
            exit(1);
        }
        td_article_free(a);
    }
    double t = now_s() - t0;
    printf("clean+analyse only          %7zu articles %7.2f s %9.0f articles/s\n", n, t,
           (double)n / t);
}

int main(int argc, char **argv)
{
    size_t n = 20000;
    const char *dir = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--size") && i + 1 < argc)
            n = (size_t)strtoul(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--dir") && i + 1 < argc)
            dir = argv[++i];
        else {
            fprintf(stderr, "usage: bench_store [--size N] [--dir DIR]\n");
            return 2;
        }
    }
    char tmpl[] = "/tmp/bench-store-XXXXXX";
    if (!dir && !(dir = mkdtemp(tmpl))) {
        perror("bench_store: mkdtemp");
        return 1;
    }
    char db[512];
    snprintf(db, sizeof db, "%s/bench.db", dir);
    pipeline_only(n);
    run(db, n / 20 ? n / 20 : 1, 1, "FULL");
    run(db, n / 20 ? n / 20 : 1, 1, "NORMAL");
    run(db, n, 64, "FULL");
    run(db, n, 64, "NORMAL");
    run(db, n, 500, "NORMAL");
    run(db, n, 500, "FULL"); /* last: the database reopen uses */
    reopen(db, n);
    rm_db(db);
    if (dir == tmpl)
        rmdir(dir);
    return 0;
}

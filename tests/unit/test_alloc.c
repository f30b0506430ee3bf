/*
 * test_alloc.c - allocation-failure injection. The library's allocator is replaced
 * by one that fails the N-th allocation, for N = 1, 2, ... until a run no longer
 * reaches N; each run reads a small realistic input (a folder, a text file, JSON
 * Lines, a buffer with bad UTF-8), cleans it, builds the corpus and emits it.
 *
 * Every call must return a status (TD_ENOMEM or what it returns without the
 * failure) and never crash; after each run every byte must be given back. Two
 * modes: only the N-th allocation fails (the run goes on and must recover), and the
 * N-th and all later ones fail (every later path must give up cleanly).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>

#include "core/core.h"
#include "tidings/tidings.h"

#include "failalloc.h"

static char g_root[512];

static const char *src_path(const char *rel)
{
    static char buf[4][1024];
    static int k;
    k = (k + 1) % 4;
    snprintf(buf[k], sizeof buf[k], "%s/%s", g_root, rel);
    return buf[k];
}

/* A status no clean run of this input returns, other than TD_ENOMEM, is a bug. */
static void check(td_status st, td_status allowed, const char *what)
{
    if (st != TD_OK && st != TD_ENOMEM && st != allowed)
        fail_msg("N=%lu%s: %s returned %s", g_fail_at, g_sticky ? " (and later)" : "", what,
                 td_strerror(st));
}

typedef struct {
    size_t articles, stories;
    bool complete;
} outcome;

/* One run of the pipeline; returns what came out of it. */
static outcome run(void)
{
    outcome o = {0, 0, false};
    td_reader_opts ro = {0, 1};
    td_reader *r = td_reader_new(&ro);
    td_corpus *c = td_corpus_new(NULL);
    if (!r || !c)
        goto done;
    td_status st = td_reader_add(r, src_path("tests/cli/data/read/folder"));
    check(st, TD_OK, "td_reader_add(folder)");
    st = td_reader_add(r, src_path("examples/courier-strike-begins.txt"));
    check(st, TD_OK, "td_reader_add(text)");
    st = td_reader_add(r, src_path("examples/ledger-and-radio.jsonl"));
    check(st, TD_OK, "td_reader_add(jsonl)");
    static const char bad[] = " date 2026-03-02\nThe caf\xE9 stayed open.\nA second line.\n";
    st = td_reader_add_buffer(r, "mem/bad-utf8.txt", bad, sizeof bad - 1);
    check(st, TD_OK, "td_reader_add_buffer");
    for (int guard = 0; guard < 1000; guard++) {
        td_article *a = NULL;
        st = td_reader_next(r, &a);
        if (st == TD_END)
            break;
        check(st, TD_OK, "td_reader_next");
        (void)td_reader_error(r);
        if (st)
            continue;
        st = td_clean(a);
        check(st, TD_OK, "td_clean");
        char *js = NULL;
        size_t n;
        if (!st) {
            st = td_article_json(a, &js, &n);
            check(st, TD_OK, "td_article_json");
            td_free(js);
        }
        td_analysis *an = NULL;
        if (!st) {
            st = td_analysis_new(a, &an);
            check(st, TD_OK, "td_analysis_new");
        }
        if (!st) {
            js = NULL;
            st = td_analysis_json(an, &js, &n);
            check(st, TD_OK, "td_analysis_json");
            td_free(js);
        }
        td_analysis_free(an);
        st = td_corpus_add(c, a);
        check(st, TD_OK, "td_corpus_add");
    }
    st = td_corpus_build(c);
    check(st, TD_OK, "td_corpus_build");
    if (!st) {
        char *out = NULL;
        size_t n = 0;
        st = td_corpus_json(c, &out, &n);
        check(st, TD_OK, "td_corpus_json");
        td_free(out);
        out = NULL;
        td_status st2 = td_corpus_markdown(c, &out, &n);
        check(st2, TD_OK, "td_corpus_markdown");
        td_free(out);
        o.complete = !st && !st2;
    }
    o.articles = td_corpus_article_count(c);
    o.stories = td_corpus_story_count(c);
done:
    td_corpus_free(c);
    td_reader_free(r);
    return o;
}

static void sweep(bool sticky)
{
    td_set_allocator(t_malloc, t_realloc, t_free);
    g_fail_at = 0;
    g_count = 0;
    g_live = 0;
    outcome clean = run();
    unsigned long total = g_count;
    assert_true(clean.complete);
    assert_int_equal(g_live, 0);
    assert_true(clean.articles >= 8);
    print_message("%lu allocations in a clean run; %zu articles, %zu stories\n", total,
                  clean.articles, clean.stories);
    /* Every N up to a budget of runs; past it (a pipeline grown large), the first
     * 1000 and then an even sample. TD_ALLOC_RUNS=0 tries every N. */
    const char *env = getenv("TD_ALLOC_RUNS");
    unsigned long budget = env ? strtoul(env, NULL, 10) : 4000;
    unsigned long stride = 1, tried = 0;
    if (budget && total > budget)
        stride = (total - 1000) / (budget > 1000 ? budget - 1000 : 1) + 1;
    unsigned long n;
    for (n = 1; n <= total + 1; n += (n < 1000 ? 1 : stride)) {
        tried++;
        g_fail_at = n;
        g_sticky = sticky;
        g_count = 0;
        g_live = 0;
        g_failed = false;
        outcome o = run();
        if (g_live != 0)
            fail_msg("N=%lu%s: %ld blocks not freed", n, sticky ? " (and later)" : "", g_live);
        if (!g_failed) {
            /* the run no longer reaches N: it must be the clean run */
            assert_true(o.complete);
            assert_int_equal(o.articles, clean.articles);
            break;
        }
        if (!sticky && o.articles > clean.articles)
            fail_msg("N=%lu: %zu articles, more than without failure", n, o.articles);
    }
    td_set_allocator(NULL, NULL, NULL);
    g_fail_at = 0;
    g_sticky = false;
    print_message("failed %lu of %lu allocations%s\n", tried - 1, total,
                  sticky ? " (and all later)" : "");
    assert_true(n > total);
}

static void test_fail_nth(void **state)
{
    (void)state;
    sweep(false);
}

static void test_fail_from_nth(void **state)
{
    (void)state;
    sweep(true);
}

int main(void)
{
    const char *root = getenv("TD_SOURCE_DIR");
    snprintf(g_root, sizeof g_root, "%s", root && *root ? root : ".");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fail_nth),
        cmocka_unit_test(test_fail_from_nth),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

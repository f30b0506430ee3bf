/* test_dedup_index.c - the streaming copy index: answers, save/load, corrupt files,
 * allocation failures. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "../../bench/dedup_gen.h"
#include "dedup/dedup_p.h"
#include "tidings/tidings.h"

#include "failalloc.h"

static gen_vocab g_vocab;
static char g_path[256], g_path2[256];

static int setup(void **state)
{
    (void)state;
    snprintf(g_path, sizeof g_path, "test_dedup_index_%ld.idx", (long)getpid());
    snprintf(g_path2, sizeof g_path2, "test_dedup_index_%ld.bad", (long)getpid());
    return gen_vocab_builtin(&g_vocab, 20000);
}

static int teardown(void **state)
{
    (void)state;
    remove(g_path);
    remove(g_path2);
    gen_vocab_free(&g_vocab);
    return 0;
}

static td_article *mk_gen(const char *id, uint64_t orig, unsigned edits, uint64_t seed)
{
    gen_article *g = malloc(sizeof *g);
    assert_non_null(g);
    gen_original(g, &g_vocab, 42, orig);
    if (edits) {
        gen_rng r = {seed};
        gen_copy(g, &g_vocab, &r, edits);
    }
    size_t cap = 64 * 1024;
    char *t = malloc(cap);
    uint32_t st[GEN_MAX_PARAS + 2], ln[GEN_MAX_PARAS + 2], np;
    size_t n = gen_render(g, &g_vocab, t, cap, st, ln, &np);
    assert_true(n > 0);
    td_article *a = td_article_new();
    assert_non_null(a);
    assert_int_equal(td_article_set(a, TD_FIELD_ID, id, strlen(id)), TD_OK);
    assert_int_equal(td_article_set(a, TD_FIELD_TEXT, t, n), TD_OK);
    assert_int_equal(td_clean(a), TD_OK);
    free(t);
    free(g);
    return a;
}

/* A stream of originals and copies; returns the number of copies reported. */
static int feed(td_dedup_index *ix, int from, int to, td_dedup_match *last_copy)
{
    int copies = 0;
    char id[64];
    for (int i = from; i < to; i++) {
        td_article *a;
        if (i % 4 == 3) {
            snprintf(id, sizeof id, "copy-%d", i);
            a = mk_gen(id, (uint64_t)(i - 3), GEN_EDIT_WORDS | GEN_EDIT_CHROME, (uint64_t)i);
        } else {
            snprintf(id, sizeof id, "orig-%d", i);
            a = mk_gen(id, (uint64_t)i, 0, 0);
        }
        td_dedup_match m;
        assert_int_equal(td_dedup_index_add(ix, a, &m), TD_OK);
        if (m.kind != TD_COPY_NONE) {
            copies++;
            if (i % 4 == 3) {
                char want[64];
                snprintf(want, sizeof want, "orig-%d", i - 3);
                assert_string_equal(m.of, want);
                if (last_copy)
                    *last_copy = m;
            }
        }
        td_article_free(a);
    }
    return copies;
}

static void test_stream_answers(void **state)
{
    (void)state;
    td_dedup_index *ix = td_dedup_index_new(NULL);
    assert_non_null(ix);
    int copies = feed(ix, 0, 400, NULL);
    printf("stream: %d copies found among 400 (100 made)\n", copies);
    assert_true(copies >= 95 && copies <= 100);
    td_dedup_index_free(ix);
    td_dedup_index_free(NULL);
}

static td_dedup_match query_id(td_dedup_index *ix, const char *id, uint64_t orig,
                               unsigned edits)
{
    td_article *a = mk_gen(id, orig, edits, 1234);
    td_dedup_match m;
    assert_int_equal(td_dedup_index_query(ix, a, &m), TD_OK);
    td_article_free(a);
    return m;
}

/* A saved and loaded index answers exactly as the original. */
static void test_save_load(void **state)
{
    (void)state;
    td_dedup_opts o = {0.8, 0.6};
    td_dedup_index *ix = td_dedup_index_new(&o);
    feed(ix, 0, 300, NULL);
    assert_int_equal(td_dedup_index_save(ix, g_path), TD_OK);
    td_dedup_index *iy;
    assert_int_equal(td_dedup_index_load(g_path, &iy), TD_OK);
    assert_int_equal(td_dedup_index_count(iy), td_dedup_index_count(ix));
    assert_true(tdp_index_threshold(iy) == 0.8);
    assert_true(tdp_index_containment(iy) == 0.6);
    for (uint64_t k = 0; k < 300; k += 7) {
        unsigned e = k % 2 ? GEN_EDIT_WORDS : GEN_EDIT_TRUNCATE;
        td_dedup_match a = query_id(ix, "q", k, e), b = query_id(iy, "q", k, e);
        assert_int_equal(a.kind, b.kind);
        assert_true(a.similarity == b.similarity);
        if (a.of)
            assert_string_equal(a.of, b.of);
    }
    /* a daily run: yesterday's index takes today's articles */
    td_dedup_match last = {0};
    int c1 = feed(ix, 300, 400, NULL), c2 = feed(iy, 300, 400, &last);
    assert_int_equal(c1, c2);
    assert_int_equal(td_dedup_index_count(iy), td_dedup_index_count(ix));
    /* saving again replaces the file in place */
    assert_int_equal(td_dedup_index_save(iy, g_path), TD_OK);
    td_dedup_index *iz;
    assert_int_equal(td_dedup_index_load(g_path, &iz), TD_OK);
    assert_int_equal(td_dedup_index_count(iz), td_dedup_index_count(iy));
    td_dedup_index_free(ix);
    td_dedup_index_free(iy);
    td_dedup_index_free(iz);
    /* an empty index round-trips too */
    ix = td_dedup_index_new(NULL);
    assert_int_equal(td_dedup_index_save(ix, g_path2), TD_OK);
    assert_int_equal(td_dedup_index_load(g_path2, &iy), TD_OK);
    assert_int_equal(td_dedup_index_count(iy), 0);
    td_dedup_index_free(ix);
    td_dedup_index_free(iy);
}

/* An article met again (same id, same text) is known, not a copy of itself; the
 * same text under another id is an exact copy; a changed text under the same id is
 * answered like any other article. Also across a save and load. */
static void test_known_again(void **state)
{
    (void)state;
    td_dedup_index *ix = td_dedup_index_new(NULL);
    td_article *a = mk_gen("a", 1, 0, 0), *b = mk_gen("b", 2, 0, 0);
    td_dedup_match m;
    assert_int_equal(td_dedup_index_add(ix, a, &m), TD_OK);
    assert_int_equal(m.kind, TD_COPY_NONE);
    assert_int_equal(m.known, 0);
    assert_int_equal(td_dedup_index_add(ix, b, &m), TD_OK);
    assert_int_equal(td_dedup_index_add(ix, a, &m), TD_OK);
    assert_int_equal(m.kind, TD_COPY_NONE);
    assert_int_equal(m.known, 1);
    assert_int_equal(td_dedup_index_count(ix), 2);
    assert_int_equal(td_dedup_index_query(ix, b, &m), TD_OK);
    assert_int_equal(m.known, 1);
    /* the same text under another id */
    td_article *a2 = mk_gen("a-copy", 1, 0, 0);
    assert_int_equal(td_dedup_index_add(ix, a2, &m), TD_OK);
    assert_int_equal(m.kind, TD_COPY_EXACT);
    assert_int_equal(m.known, 0);
    assert_string_equal(m.of, "a");
    /* a revised text under the same id */
    td_article *a3 = mk_gen("a", 1, GEN_EDIT_WORDS, 9);
    assert_int_equal(td_dedup_index_add(ix, a3, &m), TD_OK);
    assert_int_equal(m.known, 0);
    assert_true(m.kind == TD_COPY_NEAR || m.kind == TD_COPY_PARTIAL);
    assert_int_equal(td_dedup_index_count(ix), 3);
    /* a later run on the saved index */
    assert_int_equal(td_dedup_index_save(ix, g_path), TD_OK);
    td_dedup_index *iy;
    assert_int_equal(td_dedup_index_load(g_path, &iy), TD_OK);
    assert_int_equal(td_dedup_index_add(iy, b, &m), TD_OK);
    assert_int_equal(m.known, 1);
    assert_int_equal(m.kind, TD_COPY_NONE);
    assert_int_equal(td_dedup_index_count(iy), 3);
    td_dedup_index_free(ix);
    td_dedup_index_free(iy);
    td_article_free(a);
    td_article_free(a2);
    td_article_free(a3);
    td_article_free(b);
}

static unsigned char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *p = malloc((size_t)len);
    assert_int_equal(fread(p, 1, (size_t)len, f), (size_t)len);
    fclose(f);
    *n = (size_t)len;
    return p;
}

static void spit(const char *path, const unsigned char *p, size_t n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(p, 1, n, f), n);
    fclose(f);
}

/* Truncated, flipped or foreign files are refused, never a crash. */
static void test_corrupt(void **state)
{
    (void)state;
    td_dedup_index *ix = td_dedup_index_new(NULL);
    feed(ix, 0, 40, NULL);
    assert_int_equal(td_dedup_index_save(ix, g_path), TD_OK);
    td_dedup_index_free(ix);
    size_t n;
    unsigned char *p = slurp(g_path, &n);
    td_dedup_index *out = (td_dedup_index *)p;
    /* every truncation */
    for (size_t len = 0; len < n; len += (len < 200 ? 1 : 997)) {
        spit(g_path2, p, len);
        td_status st = td_dedup_index_load(g_path2, &out);
        assert_true(st == TD_ECORRUPT || (len >= 8 && st == TD_EFORMAT) ||
                    (len < 8 && st == TD_ECORRUPT));
        assert_null(out);
    }
    /* flipped bytes everywhere */
    gen_rng r = {77};
    for (int k = 0; k < 300; k++) {
        size_t at = k < 100 ? (size_t)k : gen_below(&r, (uint32_t)n);
        unsigned char was = p[at];
        p[at] ^= (unsigned char)(1u << gen_below(&r, 8));
        spit(g_path2, p, n);
        td_status st = td_dedup_index_load(g_path2, &out);
        assert_true(st == TD_ECORRUPT || st == TD_EFORMAT);
        assert_null(out);
        p[at] = was;
    }
    /* not an index at all; a missing file */
    spit(g_path2, (const unsigned char *)"hello, world\n", 13);
    assert_int_equal(td_dedup_index_load(g_path2, &out), TD_EFORMAT);
    assert_int_equal(td_dedup_index_load("no/such/dir/file.idx", &out), TD_EIO);
    /* the original still loads */
    spit(g_path2, p, n);
    assert_int_equal(td_dedup_index_load(g_path2, &out), TD_OK);
    td_dedup_index_free(out);
    free(p);
    /* saving where it cannot write */
    ix = td_dedup_index_new(NULL);
    assert_int_equal(td_dedup_index_save(ix, "no/such/dir/file.idx"), TD_EIO);
    td_dedup_index_free(ix);
    td_dedup_opts bad = {1.5, 0};
    assert_null(td_dedup_index_new(&bad));
}

/* ---- allocation failures: fail the N-th allocation (failalloc.h) ---- */

static void test_alloc_failures(void **state)
{
    (void)state;
    td_article *arts[6];
    char id[16];
    for (int i = 0; i < 6; i++) {
        snprintf(id, sizeof id, "a%d", i);
        arts[i] = mk_gen(id, (uint64_t)(i / 2), i % 2 ? GEN_EDIT_WORDS : 0, (uint64_t)i);
        assert_int_equal(td_clean(arts[i]), TD_OK);
    }
    td_dedup_copy want[6], got[6];
    assert_int_equal(td_dedup_articles(arts, 6, NULL, want), TD_OK);
    td_set_allocator(t_malloc, t_realloc, t_free);
    int failures = 0;
    for (unsigned long k = 1; k <= 400; k++) {
        g_fail_at = k;
        g_count = 0;
        g_live = 0;
        td_status st = td_dedup_articles(arts, 6, NULL, got);
        if (g_live != 0)
            fail_msg("N=%lu: %ld blocks not freed by the set path", k, g_live);
        if (st == TD_OK) {
            for (int i = 0; i < 6; i++) {
                assert_int_equal(got[i].of, want[i].of);
                assert_int_equal(got[i].kind, want[i].kind);
                assert_true(got[i].similarity == want[i].similarity);
            }
            if (g_count < k)
                break;
        } else {
            assert_int_equal(st, TD_ENOMEM);
            failures++;
        }
        /* the index path */
        g_count = 0;
        td_dedup_index *ix = td_dedup_index_new(NULL);
        if (ix) {
            for (int i = 0; i < 6; i++) {
                td_dedup_match m;
                st = td_dedup_index_add(ix, arts[i], &m);
                assert_true(st == TD_OK || st == TD_ENOMEM);
            }
            td_dedup_index_free(ix);
        }
        if (g_live != 0)
            fail_msg("N=%lu: %ld blocks not freed by the index path", k, g_live);
    }
    g_fail_at = 0;
    td_set_allocator(NULL, NULL, NULL);
    printf("allocation failures handled: %d\n", failures);
    assert_true(failures > 5);
    for (int i = 0; i < 6; i++)
        td_article_free(arts[i]);
}

/* Signatures made on two threads and added on one give the same answers. */
typedef struct signer {
    td_article **arts;
    td_dedup_sig **sigs;
    size_t from, to;
} signer;

static void *sign_range(void *arg)
{
    signer *g = arg;
    for (size_t i = g->from; i < g->to; i++)
        if (td_dedup_sign(g->sigs[i], g->arts[i]) != TD_OK)
            return g;
    return NULL;
}

static void test_threaded_signatures(void **state)
{
    (void)state;
    enum { N = 200 };
    td_article *arts[N];
    td_dedup_sig *sigs[N];
    char id[32];
    for (size_t i = 0; i < N; i++) {
        snprintf(id, sizeof id, "t%zu", i);
        arts[i] = i % 3 == 2 ? mk_gen(id, i - 2, GEN_EDIT_WORDS, i) : mk_gen(id, i, 0, 0);
        sigs[i] = td_dedup_sig_new();
        assert_non_null(sigs[i]);
    }
    signer a = {arts, sigs, 0, N / 2}, b = {arts, sigs, N / 2, N};
    pthread_t ta, tb;
    assert_int_equal(pthread_create(&ta, NULL, sign_range, &a), 0);
    assert_int_equal(pthread_create(&tb, NULL, sign_range, &b), 0);
    void *ra, *rb;
    pthread_join(ta, &ra);
    pthread_join(tb, &rb);
    assert_null(ra);
    assert_null(rb);
    td_dedup_index *x = td_dedup_index_new(NULL), *y = td_dedup_index_new(NULL);
    int copies = 0;
    for (size_t i = 0; i < N; i++) {
        td_dedup_match m1, m2;
        assert_int_equal(td_dedup_index_add_sig(x, sigs[i], &m1), TD_OK);
        assert_int_equal(td_dedup_index_add(y, arts[i], &m2), TD_OK);
        assert_int_equal(m1.kind, m2.kind);
        assert_true(m1.similarity == m2.similarity);
        if (m1.kind) {
            assert_string_equal(m1.of, m2.of);
            copies++;
        }
    }
    assert_true(copies >= N / 3 - 3);
    td_dedup_index_free(x);
    td_dedup_index_free(y);
    for (size_t i = 0; i < N; i++) {
        td_dedup_sig_free(sigs[i]);
        td_article_free(arts[i]);
    }
    td_dedup_sig_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stream_answers),
        cmocka_unit_test(test_save_load),
        cmocka_unit_test(test_known_again),
        cmocka_unit_test(test_corrupt),
        cmocka_unit_test(test_alloc_failures),
        cmocka_unit_test(test_threaded_signatures),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

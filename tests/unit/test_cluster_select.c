/* test_cluster_select.c - picking a clusterer's strongest terms: the partial
 * selection gives exactly what a stable full sort by weight gives, ties included;
 * and the streaming clusterer's memory (centroid blocks, postings lists held in
 * the table or in arrays of their own) under failing allocations. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "cluster/cluster_p.h"
#include "tidings/common.h"

#include "failalloc.h"

static uint64_t rng = 88172645463325252ull;
static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

/* The reference: stronger first, equal weights in index order (a stable sort of
 * terms filled in index order). */
static int cmp_ref(const void *a, const void *b)
{
    const tdp_wterm *x = a, *y = b;
    if (x->w != y->w)
        return x->w > y->w ? -1 : 1;
    return x->i < y->i ? -1 : x->i > y->i;
}

static int cmp_index(const void *a, const void *b)
{
    const tdp_wterm *x = a, *y = b;
    return x->i < y->i ? -1 : x->i > y->i;
}

/* n terms with weights from `levels` distinct values (few levels: many ties). */
static void fill(tdp_wterm *t, size_t n, unsigned levels)
{
    for (size_t i = 0; i < n; i++) {
        t[i].w = levels ? (float)(next() % levels) * 0.25f : 1.0f;
        t[i].i = (uint32_t)i;
    }
}

static void check(size_t n, size_t k, unsigned levels)
{
    tdp_wterm *t = malloc((n + 1) * sizeof *t), *ref = malloc((n + 1) * sizeof *ref);
    assert_non_null(t);
    assert_non_null(ref);
    fill(t, n, levels);
    memcpy(ref, t, n * sizeof *t);
    qsort(ref, n, sizeof *ref, cmp_ref);
    size_t kk = k < n ? k : n;

    /* select: the same set as the first k of the reference */
    tdp_wterm *s = malloc((n + 1) * sizeof *s);
    assert_non_null(s);
    memcpy(s, t, n * sizeof *t);
    tdp_wterm_select(s, n, k);
    qsort(s, kk, sizeof *s, cmp_index);
    tdp_wterm *r = malloc((kk + 1) * sizeof *r);
    assert_non_null(r);
    memcpy(r, ref, kk * sizeof *r);
    qsort(r, kk, sizeof *r, cmp_index);
    for (size_t x = 0; x < kk; x++)
        assert_int_equal(s[x].i, r[x].i);
    /* nothing is lost or duplicated */
    qsort(s, n, sizeof *s, cmp_index);
    for (size_t x = 0; x < n; x++)
        assert_int_equal(s[x].i, x);

    /* top: the same first k in the same order */
    memcpy(s, t, n * sizeof *t);
    tdp_wterm_top(s, n, k);
    for (size_t x = 0; x < kk; x++) {
        assert_int_equal(s[x].i, ref[x].i);
        assert_true(s[x].w == ref[x].w);
    }
    free(t);
    free(ref);
    free(s);
    free(r);
}

static void test_select_matches_sort(void **state)
{
    (void)state;
    const size_t sizes[] = {0, 1, 2, 3, 5, 17, 64, 65, 96, 160, 300, 1000};
    const size_t ks[] = {0, 1, 2, 12, 24, 63, 64, 65, 96, 200, 2000};
    const unsigned levels[] = {0, 1, 2, 3, 10, 100000};
    for (size_t a = 0; a < sizeof sizes / sizeof *sizes; a++)
        for (size_t b = 0; b < sizeof ks / sizeof *ks; b++)
            for (size_t l = 0; l < sizeof levels / sizeof *levels; l++)
                for (int rep = 0; rep < 3; rep++)
                    check(sizes[a], ks[b], levels[l]);
}

/* Sorted and reverse-sorted input, all ties: the worst cases of a quickselect
 * still end, with the right answer. */
static void test_select_ordered_input(void **state)
{
    (void)state;
    enum { N = 500 };
    tdp_wterm t[N];
    for (int mode = 0; mode < 3; mode++) {
        for (size_t i = 0; i < N; i++) {
            t[i].i = (uint32_t)i;
            t[i].w = mode == 0 ? (float)i : mode == 1 ? (float)(N - i) : 7.0f;
        }
        tdp_wterm_top(t, N, 24);
        for (size_t x = 0; x < 24; x++) {
            uint32_t want = mode == 0 ? (uint32_t)(N - 1 - x) : (uint32_t)x;
            assert_int_equal(t[x].i, want);
        }
    }
}

/* ---- the streaming clusterer with the N-th allocation failing (failalloc.h) ---- */

/*
 * 240 articles of 30 storylines over 40 days (so stories expire), each with 20
 * background words out of 300 and 6-11 of its storyline's 16 terms; small term
 * budgets so centroids are trimmed, and most of a centroid indexed, so postings
 * lists of one or two stories (in the table entry) and of many (background words,
 * in arrays of their own) both occur. Returns the number of adds that succeeded;
 * *h: a hash of the story ids.
 */
static size_t stream_run(uint64_t *h)
{
    tdp_cluster_params p;
    tdp_cluster_params_default(&p);
    p.doc_terms = 16;
    p.cent_terms = 20;
    p.index_terms = 18;
    p.query_terms = 12;
    p.df_bits = 12;
    p.window_days = 10;
    p.settle = 8;       /* the second look, under failing allocations too */
    tdp_clusterer *c = tdp_clusterer_new_params(&p, 1);
    if (!c)
        return 0;
    uint64_t r = 12345;
    size_t ok = 0;
    *h = 1469598103934665603ull;
    for (size_t i = 0; i < 240; i++) {
        tdp_cfeat f[64];
        size_t n = 0;
        r = r * 6364136223846793005ull + 1442695040888963407ull;
        uint64_t line = (r >> 33) % 30;
        for (int k = 0; k < 20; k++) {
            r = r * 6364136223846793005ull + 1442695040888963407ull;
            f[n].hash = 0x9E3779B97F4A7C15ull * (1 + (r >> 33) % 300);
            f[n].count = 1;
            f[n].kind = TDP_CT_WORD;
            n++;
        }
        int ns = 6 + (int)((r >> 40) % 6);
        for (int k = 0; k < ns; k++) {
            r = r * 6364136223846793005ull + 1442695040888963407ull;
            f[n].hash = 0xC2B2AE3D27D4EB4Full * (1000 + line * 16 + (r >> 33) % 16);
            f[n].count = 1 + (float)((r >> 50) % 3);
            f[n].kind = TDP_CT_NAME;
            n++;
        }
        /* sorted by hash, repeats summed, as features come */
        for (size_t x = 1; x < n; x++)
            for (size_t y = x; y > 0 && f[y - 1].hash > f[y].hash; y--) {
                tdp_cfeat t = f[y];
                f[y] = f[y - 1];
                f[y - 1] = t;
            }
        size_t m = 0;
        for (size_t x = 0; x < n; x++) {
            if (m && f[m - 1].hash == f[x].hash)
                f[m - 1].count += f[x].count;
            else
                f[m++] = f[x];
        }
        uint64_t id;
        bool is_new;
        td_status st = tdp_clusterer_add_features(c, f, m, 20000 + (int32_t)(i / 6), &id,
                                                  &is_new);
        assert_true(st == TD_OK || st == TD_ENOMEM);
        if (st == TD_OK) {
            ok++;
            *h = (*h ^ id) * 1099511628211ull;
        }
    }
    td_status st = tdp_clusterer_settle(c);
    assert_true(st == TD_OK || st == TD_ENOMEM);
    const tdp_cluster_move *mv;
    size_t nm = st ? 0 : tdp_clusterer_moves(c, &mv);
    for (size_t i = 0; i < nm; i++)
        *h = (*h ^ (mv[i].seq * 31 + mv[i].into)) * 1099511628211ull;
    tdp_clusterer_free(c);
    return ok;
}

static void sweep(bool sticky)
{
    td_set_allocator(t_malloc, t_realloc, t_free);
    g_fail_at = 0;
    g_count = 0;
    g_live = 0;
    uint64_t h0, h;
    size_t clean = stream_run(&h0);
    unsigned long total = g_count;
    assert_int_equal(clean, 240);
    assert_int_equal(g_live, 0);
    /* every N up to 1500, then an even sample */
    unsigned long stride = total > 3000 ? (total - 1500) / 1500 + 1 : 1, n;
    for (n = 1; n <= total + 1; n += (n < 1500 ? 1 : stride)) {
        g_fail_at = n;
        g_sticky = sticky;
        g_count = 0;
        g_live = 0;
        g_failed = false;
        size_t ok = stream_run(&h);
        if (g_live != 0)
            fail_msg("N=%lu%s: %ld blocks not freed", n, sticky ? " (and later)" : "", g_live);
        if (!g_failed) {
            assert_int_equal(ok, clean);
            assert_true(h == h0);
            break;
        }
    }
    td_set_allocator(NULL, NULL, NULL);
    g_fail_at = 0;
    g_sticky = false;
    assert_true(n > total);
}

static void test_stream_alloc_fail_once(void **state)
{
    (void)state;
    sweep(false);
}

static void test_stream_alloc_fail_after(void **state)
{
    (void)state;
    sweep(true);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_select_matches_sort),
        cmocka_unit_test(test_select_ordered_input),
        cmocka_unit_test(test_stream_alloc_fail_once),
        cmocka_unit_test(test_stream_alloc_fail_after),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

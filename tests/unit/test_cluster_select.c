/* test_cluster_select.c - picking a clusterer's strongest terms: the partial
 * selection gives exactly what a stable full sort by weight gives, ties included. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "cluster/cluster_p.h"

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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_select_matches_sort),
        cmocka_unit_test(test_select_ordered_input),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

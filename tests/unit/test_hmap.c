/* test_hmap.c - the hash map and set of lib/core/hmap.h against a plain array that
 * does the same operations, with colliding keys, key 0, removal in the middle of
 * probe runs, filtering, and a failing allocator. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/hmap.h"
#include "tidings/tidings.h"
#include "failalloc.h"

typedef struct val {
    uint64_t sum;
    uint32_t hits;
} val;

#define NKEYS 4096

/* Keys that share low bits and high bits, sequential ids, hashes, and 0. */
static uint64_t key_of(uint32_t i)
{
    switch (i % 4) {
    case 0: return (uint64_t)(i + 1) << 40;
    case 1: return i;
    case 2: return tdp_hash(&i, sizeof i);
    default: return i == 3 ? 0 : ~(uint64_t)i;
    }
}

/* A seeded generator (an LCG's high bits), so every run makes the same operations. */
static uint64_t rng(void)
{
    static uint64_t x = 0x853c49e6748fea9bull;
    x = x * 6364136223846793005ull + 1442695040888963407ull;
    return x >> 17;
}

static void check_same(const tdp_hmap *m, const bool *in, const val *ref)
{
    size_t n = 0;
    for (uint32_t i = 0; i < NKEYS; i++) {
        val *v = tdp_hmap_get(m, key_of(i));
        if (!in[i]) {
            assert_null(v);
            continue;
        }
        n++;
        assert_non_null(v);
        assert_int_equal(v->sum, ref[i].sum);
        assert_int_equal(v->hits, ref[i].hits);
    }
    assert_int_equal(m->n, n);
    size_t it = 0, walked = 0;
    uint64_t k;
    void *v;
    while (tdp_hmap_next(m, &it, &k, &v))
        walked++;
    assert_int_equal(walked, n);
}

static void test_map_against_array(void **state)
{
    (void)state;
    static bool in[NKEYS];
    static val ref[NKEYS];
    memset(in, 0, sizeof in);
    memset(ref, 0, sizeof ref);
    tdp_hmap m;
    tdp_hmap_init(&m, sizeof(val), 0);
    assert_null(tdp_hmap_get(&m, 7));
    assert_false(tdp_hmap_remove(&m, 7));
    for (int round = 0; round < 40000; round++) {
        uint32_t i = (uint32_t)(rng() % NKEYS);
        if (rng() % 3 == 0) {
            assert_int_equal(tdp_hmap_remove(&m, key_of(i)), in[i]);
            in[i] = false;
            memset(&ref[i], 0, sizeof ref[i]);
        } else {
            void *p;
            bool added;
            assert_int_equal(tdp_hmap_put(&m, key_of(i), &p, &added), TD_OK);
            assert_int_equal(added, !in[i]);
            val *v = p;
            if (added)
                assert_int_equal(v->hits, 0);
            v->sum += round;
            v->hits++;
            in[i] = true;
            ref[i].sum += round;
            ref[i].hits++;
        }
        if (round % 5000 == 0)
            check_same(&m, in, ref);
    }
    check_same(&m, in, ref);
    tdp_hmap_clear(&m);
    memset(in, 0, sizeof in);
    check_same(&m, in, ref);
    tdp_hmap_free(&m);
    tdp_hmap_free(&m); /* freeing twice is harmless */
}

static bool keep_even_hits(void *ctx, uint64_t key, const void *v)
{
    (void)key;
    ++*(int *)ctx;
    return ((const val *)v)->hits % 2 == 0;
}

static void test_filter_and_load(void **state)
{
    (void)state;
    tdp_hmap m;
    tdp_hmap_init(&m, sizeof(val), 75);
    assert_int_equal(tdp_hmap_reserve(&m, 1000), TD_OK);
    size_t cap = m.cap;
    assert_true(cap * 75 >= 1001 * 100 && cap / 2 * 75 < 1001 * 100);
    for (uint32_t i = 0; i < 1000; i++) {
        void *p;
        assert_int_equal(tdp_hmap_put(&m, key_of(i), &p, NULL), TD_OK);
        ((val *)p)->hits = i;
    }
    assert_int_equal(m.cap, cap); /* reserved: no growth */
    int calls = 0;
    assert_int_equal(tdp_hmap_filter(&m, 0, keep_even_hits, &calls), TD_OK);
    assert_int_equal(m.n, 500);
    for (uint32_t i = 0; i < 1000; i++) {
        val *v = tdp_hmap_get(&m, key_of(i));
        if (i % 2)
            assert_null(v);
        else
            assert_true(v && v->hits == i);
    }
    tdp_hmap_free(&m);
}

static void test_set(void **state)
{
    (void)state;
    tdp_hset s;
    tdp_hset_init(&s);
    const char *words[] = {"the", "nato", "talks", "", "Nato"};
    for (size_t i = 0; i < 5; i++)
        assert_int_equal(tdp_hset_add(&s, tdp_hash(words[i], strlen(words[i]))), TD_OK);
    assert_int_equal(tdp_hset_add(&s, tdp_hash("the", 3)), TD_OK);
    assert_int_equal(tdp_hset_count(&s), 5);
    assert_true(tdp_hset_has(&s, tdp_hash("nato", 4)));
    assert_false(tdp_hset_has(&s, tdp_hash("russia", 6)));
    assert_true(tdp_hset_remove(&s, tdp_hash("nato", 4)));
    assert_false(tdp_hset_has(&s, tdp_hash("nato", 4)));
    assert_true(tdp_hset_has(&s, tdp_hash("Nato", 4)));
    tdp_hset_free(&s);
}

/* A map in a caller's buffer: no allocation, and full means TD_ENOMEM. */
static void test_fixed(void **state)
{
    (void)state;
    static uint64_t buf[(64 + 1) * 2];
    tdp_hmap m;
    tdp_hmap_init_fixed(&m, sizeof(uint64_t), 50, buf, sizeof buf);
    assert_int_equal(m.cap, 64);
    uint32_t i = 0;
    void *v;
    while (tdp_hmap_put(&m, key_of(i), &v, NULL) == TD_OK)
        *(uint64_t *)v = i++;
    assert_int_equal(i, 32); /* half of 64 */
    for (uint32_t j = 0; j < i; j++)
        assert_int_equal(*(uint64_t *)tdp_hmap_get(&m, key_of(j)), j);
    assert_int_equal(tdp_hmap_filter(&m, 0, keep_even_hits, &i), TD_EARG);
    tdp_hmap_free(&m);
    assert_int_equal(m.n, 0);
    assert_int_equal(tdp_hmap_put(&m, 5, &v, NULL), TD_OK); /* still usable */
    uint64_t tiny[2];
    tdp_hmap_init_fixed(&m, sizeof(uint64_t), 50, tiny, sizeof tiny);
    assert_int_equal(tdp_hmap_put(&m, 5, &v, NULL), TD_ENOMEM);
}

/* Each growth that fails leaves the map as it was and reports TD_ENOMEM. */
static void test_out_of_memory(void **state)
{
    (void)state;
    td_set_allocator(t_malloc, t_realloc, t_free);
    for (unsigned long fail = 1; fail <= 8; fail++) {
        g_count = 0;
        g_fail_at = fail;
        g_sticky = true;
        tdp_hmap m;
        tdp_hmap_init(&m, sizeof(val), 0);
        uint32_t i = 0;
        td_status st = TD_OK;
        for (; i < 2000 && !st; i++) {
            void *p;
            st = tdp_hmap_put(&m, key_of(i), &p, NULL);
            if (!st)
                ((val *)p)->hits = i + 1;
        }
        assert_int_equal(st, TD_ENOMEM);
        i--; /* the failed key is absent, every earlier one present */
        assert_null(tdp_hmap_get(&m, key_of(i)));
        for (uint32_t j = 0; j < i; j++) {
            val *v = tdp_hmap_get(&m, key_of(j));
            assert_true(v && v->hits == j + 1);
        }
        tdp_hmap_free(&m);
        assert_int_equal(g_live, 0);
    }
    g_fail_at = 0;
    td_set_allocator(NULL, NULL, NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_map_against_array),
        cmocka_unit_test(test_filter_and_load),
        cmocka_unit_test(test_set),
        cmocka_unit_test(test_fixed),
        cmocka_unit_test(test_out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_dedup.c - signatures, Jaccard estimates, LSH candidates, grouping, bad input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "../../bench/dedup_gen.h"
#include "dedup/dedup_p.h"
#include "tidings/tidings.h"

static td_article *mk(const char *id, const char *date, const char *text)
{
    td_article *a = td_article_new();
    assert_non_null(a);
    assert_int_equal(td_article_set(a, TD_FIELD_ID, id, strlen(id)), TD_OK);
    if (date)
        assert_int_equal(td_article_set(a, TD_FIELD_DATE, date, strlen(date)), TD_OK);
    assert_int_equal(td_article_set(a, TD_FIELD_TEXT, text, strlen(text)), TD_OK);
    td_status st = td_clean(a);
    assert_true(st == TD_OK || st == TD_EEMPTY);
    return a;
}

static void sig_of(const char *text, tdp_sig *s)
{
    td_article *a = mk("x", NULL, text);
    tdp_shingler sh = {0};
    assert_int_equal(tdp_sig_paras(&sh, a->paras, a->n_paras, s), TD_OK);
    tdp_shingler_free(&sh);
    td_article_free(a);
}

/* Renders generated article `a` as one text. */
static char *render(const gen_article *a, const gen_vocab *v)
{
    size_t cap = 64 * 1024;
    char *out = malloc(cap);
    uint32_t st[GEN_MAX_PARAS + 2], ln[GEN_MAX_PARAS + 2], np;
    assert_non_null(out);
    assert_true(gen_render(a, v, out, cap, st, ln, &np) > 0);
    return out;
}

static gen_vocab g_vocab;

static int setup(void **state)
{
    (void)state;
    return gen_vocab_builtin(&g_vocab, 20000);
}

static int teardown(void **state)
{
    (void)state;
    gen_vocab_free(&g_vocab);
    return 0;
}

/* The same text always gives the same signature: saved indexes depend on it. */
static void test_signature_stable(void **state)
{
    (void)state;
    tdp_sig *s = malloc(sizeof *s);
    sig_of("The harbour authority on Tuesday approved plans for a new ferry terminal "
           "on the south bank of the river.\nIt will cost 140 million euros.", s);
    assert_int_equal(s->n_words, 25);
    assert_int_equal(s->n_shingles, 25 - TDP_DEDUP_SHINGLE + 1);
    assert_int_equal(s->n_paras, 1);
    /* golden values: a change here means old index files no longer match */
    if (s->exact != 0xb170a95b34708376ull || s->vals[0] != 0xe550a37c ||
        s->vals[1] != 0x14ee9c70 || s->vals[127] != 0x8383b1b0)
        printf("exact %016llx vals %08x %08x %08x\n", (unsigned long long)s->exact,
               s->vals[0], s->vals[1], s->vals[127]);
    assert_true(s->exact == 0xb170a95b34708376ull);
    assert_true(s->vals[0] == 0xe550a37c && s->vals[1] == 0x14ee9c70);
    assert_true(s->vals[127] == 0x8383b1b0);
    free(s);
}

/* Case, spacing, punctuation and paragraph breaks do not change the exact hash. */
static void test_normalise(void **state)
{
    (void)state;
    tdp_sig *a = malloc(sizeof *a), *b = malloc(sizeof *b);
    sig_of("Hello, World! It's a NEW day -- in Zürich.", a);
    sig_of("hello world\n  it s a new day in ZÜRICH", b);
    assert_true(a->exact != 0);
    assert_true(a->exact == b->exact);
    assert_int_equal(a->n_words, 9);
    assert_memory_equal(a->vals, b->vals, sizeof a->vals);
    sig_of("hello world it s a new day in zurich", b);   /* accents matter */
    assert_true(a->exact != b->exact);
    /* curly and straight apostrophes, Greek and Cyrillic case folding */
    sig_of("\xce\x91\xce\x98\xce\x97\xce\x9d\xce\x91 \xd0\x9c\xd0\x9e\xd0\xa1\xd0\x9a\xd0\x92\xd0\x90 don\xe2\x80\x99t", a);
    sig_of("\xce\xb1\xce\xb8\xce\xb7\xce\xbd\xce\xb1 \xd0\xbc\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0 don't", b);
    assert_true(a->exact == b->exact);
    /* full case folding and NFKC (the language layer's fold): "Straße" is
     * "STRASSE", a ligature its letters; numbers split at '.' and ',' */
    sig_of("Stra\xc3\x9f" "e \xef\xac\x81nal 1.5 100,000", a);
    sig_of("STRASSE final 1 5 100 000", b);
    assert_true(a->exact == b->exact);
    assert_int_equal(a->n_words, 6);
    free(a);
    free(b);
}

/* Copy detection reads cleaned paragraphs and cleans nothing itself. */
static void test_needs_cleaned(void **state)
{
    (void)state;
    td_article *a = td_article_new();
    assert_non_null(a);
    assert_int_equal(td_article_set(a, TD_FIELD_ID, "raw", 3), TD_OK);
    assert_int_equal(td_article_set(a, TD_FIELD_TEXT, "Some words here.", 16), TD_OK);
    td_dedup_copy out[1];
    td_article *arts[1] = {a};
    assert_int_equal(td_dedup_articles(arts, 1, NULL, out), TD_EARG);
    td_dedup_index *ix = td_dedup_index_new(NULL);
    td_dedup_sig *sig = td_dedup_sig_new();
    assert_non_null(ix);
    assert_non_null(sig);
    td_dedup_match m;
    assert_int_equal(td_dedup_index_add(ix, a, &m), TD_EARG);
    assert_int_equal(td_dedup_index_query(ix, a, &m), TD_EARG);
    assert_int_equal(td_dedup_sign(sig, a), TD_EARG);
    assert_int_equal(td_clean(a), TD_OK);
    assert_int_equal(td_dedup_articles(arts, 1, NULL, out), TD_OK);
    assert_int_equal(td_dedup_index_add(ix, a, &m), TD_OK);
    assert_int_equal(td_dedup_sign(sig, a), TD_OK);
    td_dedup_sig_free(sig);
    td_dedup_index_free(ix);
    td_article_free(a);
}

/* Empty, one-word and short articles: no signature, or exact-only. */
static void test_short_and_empty(void **state)
{
    (void)state;
    tdp_sig *s = malloc(sizeof *s);
    sig_of("", s);
    assert_true(s->exact == 0);
    sig_of("... --- !!!", s);
    assert_true(s->exact == 0);
    assert_int_equal(s->n_words, 0);
    sig_of("Breaking", s);
    assert_true(s->exact != 0);
    assert_int_equal(s->n_shingles, 0);
    free(s);

    td_article *arts[5] = {mk("e1", NULL, ""), mk("w1", NULL, "Breaking"),
                           mk("w2", NULL, "BREAKING!"), mk("e2", NULL, "..."),
                           mk("w3", NULL, "Breaking news")};
    td_dedup_copy out[5];
    assert_int_equal(td_dedup_articles(arts, 5, NULL, out), TD_OK);
    assert_int_equal(out[0].of, -1);
    assert_int_equal(out[3].of, -1);   /* empty articles are never copies */
    /* same date: the longer text ("BREAKING!") is the canonical one */
    assert_int_equal(out[2].of, -1);
    assert_int_equal(out[1].of, 2);
    assert_int_equal(out[1].kind, TD_COPY_EXACT);
    assert_int_equal(out[4].of, -1);
    for (int i = 0; i < 5; i++)
        td_article_free(arts[i]);
}

/* Estimated Jaccard is close to the exact one over many pairs. */
static void test_jaccard_estimate(void **state)
{
    (void)state;
    gen_article *a = malloc(sizeof *a);
    tdp_sig *sa = malloc(sizeof *sa), *sb = malloc(sizeof *sb);
    gen_rng r = {7};
    double sum_err = 0, max_err = 0;
    int pairs = 0;
    for (int i = 0; i < 300; i++) {
        gen_original(a, &g_vocab, 11, (uint64_t)i);
        char *ta = render(a, &g_vocab);
        gen_copy(a, &g_vocab, &r, GEN_EDIT_WORDS | (i % 3 ? 0u : (unsigned)GEN_EDIT_TRUNCATE));
        char *tb = render(a, &g_vocab);
        td_article *x = mk("a", NULL, ta), *y = mk("b", NULL, tb);
        tdp_shingler sh = {0};
        assert_int_equal(tdp_sig_paras(&sh, x->paras, x->n_paras, sa), TD_OK);
        assert_int_equal(tdp_sig_paras(&sh, y->paras, y->n_paras, sb), TD_OK);
        const uint64_t *s;
        size_t ns;
        assert_int_equal(tdp_shingle_set(&sh, x->paras, x->n_paras, &s, &ns), TD_OK);
        uint64_t *copy = malloc(ns * sizeof *copy);
        memcpy(copy, s, ns * sizeof *copy);
        size_t nx = ns;
        assert_int_equal(tdp_shingle_set(&sh, y->paras, y->n_paras, &s, &ns), TD_OK);
        size_t in = tdp_set_intersection(copy, nx, s, ns);
        double exact = (double)in / (double)(nx + ns - in);
        double est = tdp_sig_jaccard(sa, sb);
        double err = est > exact ? est - exact : exact - est;
        sum_err += err;
        if (err > max_err)
            max_err = err;
        pairs++;
        free(copy);
        tdp_shingler_free(&sh);
        td_article_free(x);
        td_article_free(y);
        free(ta);
        free(tb);
    }
    printf("jaccard estimate: mean error %.4f, max %.4f over %d pairs\n",
           sum_err / pairs, max_err, pairs);
    assert_true(sum_err / pairs < 0.04);
    assert_true(max_err < 0.16);
    free(a);
    free(sa);
    free(sb);
}

/* LSH: every copy at or above the threshold finds its original as a candidate. */
static void test_lsh_recall(void **state)
{
    (void)state;
    td_dedup_index *ix = td_dedup_index_new(NULL);
    assert_non_null(ix);
    gen_article *a = malloc(sizeof *a);
    tdp_sig *s = malloc(sizeof *s), *o = malloc(sizeof *o);
    tdp_shingler sh = {0};
    gen_rng r = {99};
    const int n = 400;
    int found = 0, tested = 0;
    char id[32];
    for (int i = 0; i < n; i++) {
        gen_original(a, &g_vocab, 5, (uint64_t)i);
        char *t = render(a, &g_vocab);
        td_article *x = mk("o", NULL, t);
        assert_int_equal(tdp_sig_paras(&sh, x->paras, x->n_paras, o), TD_OK);
        snprintf(id, sizeof id, "o%d", i);
        uint32_t rec;
        assert_int_equal(tdp_index_insert(ix, o, id, INT32_MAX, UINT32_MAX, &rec), TD_OK);
        assert_int_equal(rec, (uint32_t)i);
        /* a light copy */
        gen_copy(a, &g_vocab, &r, GEN_EDIT_WORDS);
        char *t2 = render(a, &g_vocab);
        td_article *y = mk("c", NULL, t2);
        assert_int_equal(tdp_sig_paras(&sh, y->paras, y->n_paras, s), TD_OK);
        if (tdp_sig_jaccard(s, o) >= 0.75) {
            tested++;
            const tdp_cand *c;
            size_t nc;
            assert_int_equal(tdp_index_query(ix, s, &c, &nc), TD_OK);
            for (size_t k = 0; k < nc; k++)
                if (c[k].rec == (uint32_t)i) {
                    found++;
                    break;
                }
        }
        td_article_free(x);
        td_article_free(y);
        free(t);
        free(t2);
    }
    printf("LSH candidate recall: %d of %d\n", found, tested);
    assert_true(tested > 100);
    assert_int_equal(found, tested);
    tdp_shingler_free(&sh);
    td_dedup_index_free(ix);
    free(a);
    free(s);
    free(o);
}

/* Groups: canonical is the earliest, then the longest; kinds and similarities. */
static void test_groups(void **state)
{
    (void)state;
    gen_article *g = malloc(sizeof *g);
    gen_original(g, &g_vocab, 3, 1);
    char *orig = render(g, &g_vocab);
    gen_rng r = {5};
    gen_copy(g, &g_vocab, &r, GEN_EDIT_TRUNCATE);
    char *trunc = render(g, &g_vocab);
    gen_original(g, &g_vocab, 3, 2);
    char *other = render(g, &g_vocab);
    td_article *arts[5] = {
        mk("late-copy", "2026-03-05", orig),
        mk("other", "2026-03-01", other),
        mk("first", "2026-03-04", orig),
        mk("truncated", "2026-03-04", trunc),
        mk("undated", NULL, orig),
    };
    td_dedup_copy out[5];
    assert_int_equal(td_dedup_articles(arts, 5, NULL, out), TD_OK);
    assert_int_equal(out[2].of, -1);
    assert_int_equal(out[0].of, 2);
    assert_int_equal(out[0].kind, TD_COPY_EXACT);
    assert_int_equal(out[4].of, 2);
    assert_int_equal(out[1].of, -1);
    assert_int_equal(out[3].of, 2);
    assert_int_equal(out[3].kind, TD_COPY_PARTIAL);
    assert_true(out[3].similarity > 0.95);
    char *js;
    size_t n;
    assert_int_equal(td_dedup_json(arts, 5, out, &js, &n), TD_OK);
    assert_string_equal(js, "{\"groups\":[{\"canonical\":\"first\",\"copies\":["
                            "{\"id\":\"late-copy\",\"similarity\":1.000,\"kind\":\"exact\"},"
                            "{\"id\":\"truncated\",\"similarity\":1.000,\"kind\":\"partial\"},"
                            "{\"id\":\"undated\",\"similarity\":1.000,\"kind\":\"exact\"}]}]}");
    td_free(js);
    /* the pipeline's entry point agrees */
    tdp_copy cp[5];
    assert_int_equal(tdp_dedup_corpus(arts, 5, 0, cp), TD_OK);
    assert_int_equal(cp[0].of, 2);
    assert_int_equal(cp[3].of, 2);
    assert_int_equal(cp[1].of, -1);
    for (int i = 0; i < 5; i++)
        td_article_free(arts[i]);
    free(orig);
    free(trunc);
    free(other);
    free(g);
}

/* A 10 MB article: bounded work, a defined answer. */
static void test_huge_article(void **state)
{
    (void)state;
    size_t n = 10u << 20;
    char *t = malloc(n + 1);
    gen_rng r = {1};
    for (size_t i = 0; i < n; i++) {
        uint32_t x = gen_below(&r, 7);
        t[i] = x == 0 ? ' ' : (char)('a' + gen_below(&r, 26));
        if (i % 5000 == 4999)
            t[i] = '\n';
    }
    t[n] = 0;
    td_article *a = mk("huge", NULL, t);
    tdp_sig *s = malloc(sizeof *s);
    tdp_shingler sh = {0};
    clock_t c0 = clock();
    assert_int_equal(tdp_sig_paras(&sh, a->paras, a->n_paras, s), TD_OK);
    double secs = (double)(clock() - c0) / CLOCKS_PER_SEC;
    assert_true(s->truncated);
    assert_true(s->n_words <= TDP_DEDUP_MAX_WORDS);
    assert_true(s->n_paras <= TDP_DEDUP_MAX_PARAS);
    printf("10 MB article: %u words considered in %.3f s\n", s->n_words, secs);
    /* the same huge text twice: known under its own id, an exact copy under another */
    td_dedup_index *ix = td_dedup_index_new(NULL);
    td_dedup_match m;
    assert_int_equal(td_dedup_index_add(ix, a, &m), TD_OK);
    assert_int_equal(m.kind, TD_COPY_NONE);
    assert_int_equal(td_dedup_index_add(ix, a, &m), TD_OK);
    assert_int_equal(m.known, 1);
    assert_int_equal(td_article_set(a, TD_FIELD_ID, "huge-2", 6), TD_OK);
    assert_int_equal(td_dedup_index_add(ix, a, &m), TD_OK);
    assert_int_equal(m.kind, TD_COPY_EXACT);
    td_dedup_index_free(ix);
    tdp_shingler_free(&sh);
    td_article_free(a);
    free(s);
    free(t);
}

/* Many identical articles, and many near-identical ones: no quadratic blow-up. */
static void test_many_identical(void **state)
{
    (void)state;
    gen_article *g = malloc(sizeof *g);
    gen_original(g, &g_vocab, 8, 8);
    char *t = render(g, &g_vocab);
    td_article *a = mk("same", NULL, t);
    td_dedup_index *ix = td_dedup_index_new(NULL);
    td_dedup_match m;
    clock_t c0 = clock();
    for (int i = 0; i < 20000; i++) {
        char id[32];
        int len = snprintf(id, sizeof id, "same-%d", i);
        assert_int_equal(td_article_set(a, TD_FIELD_ID, id, (size_t)len), TD_OK);
        assert_int_equal(td_dedup_index_add(ix, a, &m), TD_OK);
        if (i)
            assert_int_equal(m.kind, TD_COPY_EXACT);
    }
    assert_int_equal(td_dedup_index_count(ix), 1);
    /* near-identical: one word differs each time; buckets are capped */
    gen_rng r = {3};
    size_t max_cands = 0;
    tdp_sig *s = malloc(sizeof *s);
    tdp_shingler sh = {0};
    for (int i = 0; i < 1000; i++) {
        gen_original(g, &g_vocab, 8, 8);
        g->words[gen_below(&r, gen_article_words(g))] = gen_word(&g_vocab, &r);
        g->words[gen_below(&r, gen_article_words(g))] = gen_word(&g_vocab, &r);
        char *t2 = render(g, &g_vocab);
        td_article *b = mk("near", NULL, t2);
        assert_int_equal(tdp_sig_paras(&sh, b->paras, b->n_paras, s), TD_OK);
        const tdp_cand *c;
        size_t nc;
        assert_int_equal(tdp_index_query(ix, s, &c, &nc), TD_OK);
        if (nc > max_cands)
            max_cands = nc;
        assert_int_equal(td_dedup_index_add(ix, b, &m), TD_OK);
        td_article_free(b);
        free(t2);
    }
    double secs = (double)(clock() - c0) / CLOCKS_PER_SEC;
    printf("20000 identical + 1000 near-identical: %.2f s, at most %zu candidates\n",
           secs, max_cands);
    assert_true(max_cands <= (size_t)TDP_DEDUP_BUCKET_CAP * (TDP_DEDUP_K + 1 + TDP_DEDUP_MAX_PARAS));
    assert_true(max_cands <= 1000);
    tdp_shingler_free(&sh);
    td_dedup_index_free(ix);
    td_article_free(a);
    free(s);
    free(t);
    free(g);
}

/* A flood of near-identical articles through the set path: bounded verification
 * per article, and all of them in one group. */
static void test_flood_set_path(void **state)
{
    (void)state;
    enum { N = 400 };
    gen_article *g = malloc(sizeof *g);
    td_article **arts = malloc(N * sizeof *arts);
    gen_rng r = {4};
    char id[32];
    for (int i = 0; i < N; i++) {
        gen_original(g, &g_vocab, 9, 9);
        g->words[gen_below(&r, gen_article_words(g))] = gen_word(&g_vocab, &r);
        char *t = render(g, &g_vocab);
        snprintf(id, sizeof id, "f%d", i);
        arts[i] = mk(id, "2026-03-01", t);
        free(t);
    }
    td_dedup_copy *out = malloc(N * sizeof *out);
    assert_int_equal(td_dedup_articles(arts, N, NULL, out), TD_OK);
    long root = out[0].of >= 0 ? out[0].of : 0;
    for (int i = 0; i < N; i++) {
        long ri = out[i].of >= 0 ? out[i].of : i;
        assert_int_equal(ri, root);
        if (i != root)
            assert_true(out[i].kind == TD_COPY_NEAR || out[i].kind == TD_COPY_EXACT);
    }
    for (int i = 0; i < N; i++)
        td_article_free(arts[i]);
    free(arts);
    free(out);
    free(g);
}

/* The five seeds are one storyline told by five outlets: none is a copy. */
static void test_seeds_not_copies(void **state)
{
    (void)state;
    const char *root = getenv("TD_SOURCE_DIR");
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/../shared/seeds", root ? root : ".");
    DIR *d = opendir(dir);
    if (!d) {
        printf("skip: %s is absent\n", dir);
        return;
    }
    closedir(d);
    td_reader *r = td_reader_new(NULL);
    assert_int_equal(td_reader_add(r, dir), TD_OK);
    td_article *arts[64];
    size_t n = 0;
    td_article *a;
    td_status st;
    while ((st = td_reader_next(r, &a)) != TD_END) {
        if (st)
            continue;
        st = td_clean(a);
        assert_true(st == TD_OK || st == TD_EEMPTY);
        if (n < 64)
            arts[n++] = a;
        else
            td_article_free(a);
    }
    td_reader_free(r);
    assert_true(n >= 5);
    td_dedup_copy out[64];
    assert_int_equal(td_dedup_articles(arts, n, NULL, out), TD_OK);
    for (size_t i = 0; i < n; i++) {
        if (out[i].of >= 0)
            printf("copy: %s of %s\n", td_article_id(arts[i]), td_article_id(arts[out[i].of]));
        assert_int_equal(out[i].of, -1);
    }
    for (size_t i = 0; i < n; i++)
        td_article_free(arts[i]);
}

static void test_rows(void **state)
{
    (void)state;
    assert_int_equal(tdp_dedup_rows(0.7), 4);
    assert_true(tdp_dedup_rows(0.9) > tdp_dedup_rows(0.5));
    assert_int_equal(tdp_dedup_rows(0.05), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_signature_stable),
        cmocka_unit_test(test_normalise),
        cmocka_unit_test(test_needs_cleaned),
        cmocka_unit_test(test_short_and_empty),
        cmocka_unit_test(test_jaccard_estimate),
        cmocka_unit_test(test_lsh_recall),
        cmocka_unit_test(test_groups),
        cmocka_unit_test(test_huge_article),
        cmocka_unit_test(test_many_identical),
        cmocka_unit_test(test_flood_set_path),
        cmocka_unit_test(test_seeds_not_copies),
        cmocka_unit_test(test_rows),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

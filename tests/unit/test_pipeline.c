/* test_pipeline.c - the prepare step and the prepared-article codec: what is
 * written reads back the same, damaged bytes are refused, two threads prepare
 * what one does, and a failed allocation anywhere leaks nothing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "failalloc.h"
#include "support.h"
#include "pipeline/pipeline_p.h"
#include "tidings/tidings.h"

static char *examples_dir(void)
{
    static char path[1024];
    const char *src = getenv("TD_SOURCE_DIR");
    snprintf(path, sizeof path, "%s/examples", src ? src : ".");
    return path;
}

static void assert_same_str(const char *a, const char *b)
{
    if (!a || !b)
        assert_true(a == b);
    else
        assert_string_equal(a, b);
}

static void assert_same_date(const td_date *a, const td_date *b)
{
    assert_int_equal(a->year, b->year);
    assert_int_equal(a->month, b->month);
    assert_int_equal(a->day, b->day);
    assert_int_equal(a->hour, b->hour);
    assert_int_equal(a->minute, b->minute);
    assert_int_equal(a->prec, b->prec);
}

/* Two prepared articles hold the same data, field by field. */
static void assert_same(const tdp_prepared *x, const tdp_prepared *y)
{
    const td_article *a = x->a, *b = y->a;
    assert_same_str(a->id, b->id);
    assert_same_str(a->title, b->title);
    assert_same_str(td_article_outlet(a), td_article_outlet(b));
    assert_same_str(a->url, b->url);
    assert_same_str(a->language, b->language);
    assert_same_str(a->dateline, b->dateline);
    assert_same_date(&a->date, &b->date);
    assert_int_equal(a->n_paras, b->n_paras);
    for (size_t i = 0; i < a->n_paras; i++) {
        assert_int_equal(a->paras[i].len, b->paras[i].len);
        assert_int_equal(a->paras[i].kind, b->paras[i].kind);
        assert_memory_equal(a->paras[i].text, b->paras[i].text, a->paras[i].len);
    }
    const tdp_analysis *p = a->an, *q = b->an;
    assert_int_equal(p->n_tokens, q->n_tokens);
    assert_int_equal(p->n_sents, q->n_sents);
    for (size_t i = 0; i < p->n_sents; i++) {
        assert_int_equal(p->sents[i].len, q->sents[i].len);
        assert_string_equal(p->sents[i].text, q->sents[i].text);
        assert_int_equal(p->sents[i].para, q->sents[i].para);
    }
    assert_int_equal(p->n_dates, q->n_dates);
    for (size_t i = 0; i < p->n_dates; i++) {
        assert_same_date(&p->dates[i].date, &q->dates[i].date);
        assert_same_date(&p->dates[i].end, &q->dates[i].end);
        assert_int_equal(p->dates[i].sent, q->dates[i].sent);
        assert_int_equal(p->dates[i].kind, q->dates[i].kind);
        assert_int_equal(p->dates[i].tense, q->dates[i].tense);
        assert_int_equal(p->dates[i].speech, q->dates[i].speech);
        const tdp_date_phrase *ph = &p->dates[i].phrase, *qh = &q->dates[i].phrase;
        assert_int_equal(ph->off, qh->off);
        assert_int_equal(ph->len, qh->len);
        assert_int_equal(ph->form, qh->form);
        assert_int_equal(ph->marker, qh->marker);
        assert_int_equal(ph->weekday, qh->weekday);
        assert_int_equal(ph->year, qh->year);
        assert_int_equal(ph->day2, qh->day2);
        assert_int_equal(ph->shift, qh->shift);
    }
    assert_int_equal(p->n_mentions, q->n_mentions);
    for (size_t i = 0; i < p->n_mentions; i++) {
        assert_same_str(p->mentions[i].name, q->mentions[i].name);
        assert_same_str(p->mentions[i].key, q->mentions[i].key);
        assert_same_str(p->mentions[i].title, q->mentions[i].title);
    }
    assert_int_equal(p->n_quotes, q->n_quotes);
    for (size_t i = 0; i < p->n_quotes; i++) {
        assert_int_equal(p->quotes[i].len, q->quotes[i].len);
        assert_same_str(p->quotes[i].text, q->quotes[i].text);
        assert_same_str(p->quotes[i].speaker, q->quotes[i].speaker);
    }
    assert_int_equal(p->n_terms, q->n_terms);
    for (size_t i = 0; i < p->n_terms; i++) {
        assert_true(p->terms[i].hash == q->terms[i].hash);
        assert_int_equal(p->terms[i].count, q->terms[i].count);
        assert_int_equal(p->terms[i].kind, q->terms[i].kind);
    }
    assert_int_equal(x->info.n, y->info.n);
    for (size_t i = 0; i < x->info.n; i++) {
        assert_true(x->info.f[i].hash == y->info.f[i].hash);
        assert_true(x->info.f[i].count == y->info.f[i].count);
        assert_int_equal(x->info.f[i].kind, y->info.f[i].kind);
    }
    assert_int_equal(x->info.own, y->info.own);
    assert_int_equal(x->info.n_full, y->info.n_full);
    assert_int_equal(x->info.n_md, y->info.n_md);
    assert_true(x->sig.exact == y->sig.exact);
    assert_int_equal(x->sig.n_words, y->sig.n_words);
    assert_int_equal(x->sig.n_paras, y->sig.n_paras);
    assert_memory_equal(x->sig.vals, y->sig.vals, sizeof x->sig.vals);
    for (size_t i = 0; i < x->sig.n_paras; i++)
        assert_true(x->sig.para_hash[i] == y->sig.para_hash[i]);
}

/* Prepares, encodes, decodes and encodes again: the same data, the same bytes. */
static size_t roundtrip_path(const char *path)
{
    td_article **arts;
    size_t n = td_test_read_all(path, &arts), ok = 0;
    for (size_t i = 0; i < n; i++) {
        tdp_prepared p, d;
        td_status st = tdp_prepare(arts[i], &p);
        if (st == TD_EEMPTY)
            continue;
        assert_int_equal(st, TD_OK);
        unsigned char *b1, *b2;
        size_t n1, n2;
        assert_int_equal(tdp_prepared_encode(&p, &b1, &n1), TD_OK);
        assert_int_equal(tdp_prepared_version(b1, n1), TDP_PREPARED_VERSION);
        st = tdp_prepared_decode(b1, n1, &d);
        if (st)
            printf("%s: does not read back\n", p.a->id);
        assert_int_equal(st, TD_OK);
        assert_same(&p, &d);
        assert_int_equal(tdp_prepared_encode(&d, &b2, &n2), TD_OK);
        assert_int_equal(n1, n2);
        assert_memory_equal(b1, b2, n1);
        td_free(b1);
        td_free(b2);
        tdp_prepared_free(&p);
        tdp_prepared_free(&d);
        ok++;
    }
    free(arts);
    return ok;
}

static void test_roundtrip_examples(void **state)
{
    (void)state;
    assert_true(roundtrip_path(examples_dir()) >= 9);
}

/* The evaluation sets hold what the examples do not (long articles, many quotes,
 * names and dates): each reads back exactly. */
static void test_roundtrip_shared(void **state)
{
    (void)state;
    static const char *const sets[] = {"ecbplus", "polnear/dev/text"};
    char path[1200];
    const char *src = getenv("TD_SOURCE_DIR");
    for (size_t k = 0; k < sizeof sets / sizeof *sets; k++) {
        snprintf(path, sizeof path, "%s/../shared/data/%s", src ? src : ".", sets[k]);
        struct stat sb;
        if (stat(path, &sb) != 0) {
            printf("skipped: ../shared/data/%s is not there\n", sets[k]);
            continue;
        }
        size_t n = roundtrip_path(path);
        printf("%s: %zu prepared articles read back\n", sets[k], n);
        assert_true(n > 50);
    }
}

/* One encoded example article. */
static unsigned char *one_blob(size_t *len)
{
    td_article **arts;
    size_t n = td_test_read_all(examples_dir(), &arts);
    assert_true(n > 0);
    tdp_prepared p;
    assert_int_equal(tdp_prepare(arts[0], &p), TD_OK);
    for (size_t i = 1; i < n; i++)
        td_article_free(arts[i]);
    free(arts);
    unsigned char *b;
    assert_int_equal(tdp_prepared_encode(&p, &b, len), TD_OK);
    tdp_prepared_free(&p);
    return b;
}

/* Writes the right checksum over the last 8 bytes. */
static void reseal(unsigned char *b, size_t n)
{
    uint64_t sum = XXH3_64bits(b, n - 8);
    for (int i = 0; i < 8; i++)
        b[n - 8 + i] = (unsigned char)(sum >> (8 * i));
}

static void test_damage_refused(void **state)
{
    (void)state;
    size_t n;
    unsigned char *b = one_blob(&n);
    unsigned char *c = malloc(n);
    assert_non_null(c);
    tdp_prepared d;
    /* every cut, sealed so that the layout checks (not the checksum) see it */
    for (size_t k = 8; k < n; k++) {
        memcpy(c, b, k);
        if (k >= 16)
            reseal(c, k);
        assert_int_equal(tdp_prepared_decode(c, k, &d), TD_ECORRUPT);
        assert_null(d.a);
    }
    /* one flipped bit anywhere: the checksum refuses it */
    for (size_t k = 0; k < n; k++) {
        memcpy(c, b, n);
        c[k] ^= 0x10;
        assert_int_equal(tdp_prepared_decode(c, n, &d), TD_ECORRUPT);
    }
    /* another version is not read */
    memcpy(c, b, n);
    c[4]++;
    reseal(c, n);
    assert_int_equal(tdp_prepared_decode(c, n, &d), TD_ECORRUPT);
    assert_int_equal(tdp_prepared_version(c, n), TDP_PREPARED_VERSION + 1);
    /* sealed garbage in every byte after the header: refused or read, never a crash
     * (the sanitizers and Valgrind watch) */
    for (size_t k = 8; k + 8 < n; k++) {
        memcpy(c, b, n);
        c[k] = 0xff;
        reseal(c, n);
        td_status st = tdp_prepared_decode(c, n, &d);
        assert_true(st == TD_OK || st == TD_ECORRUPT);
        tdp_prepared_free(&d);
    }
    free(c);
    td_free(b);
}

typedef struct job {
    td_article **arts;
    size_t n;
    unsigned char **blobs;
    size_t *lens;
} job;

static void *prepare_all(void *arg)
{
    job *j = arg;
    for (size_t i = 0; i < j->n; i++) {
        tdp_prepared p;
        j->blobs[i] = NULL;
        j->lens[i] = 0;
        if (tdp_prepare(j->arts[i], &p) == TD_OK) {
            if (tdp_prepared_encode(&p, &j->blobs[i], &j->lens[i]) != TD_OK)
                j->blobs[i] = NULL;
            tdp_prepared_free(&p);
        }
    }
    return NULL;
}

/* Two threads preparing the same articles at once give the bytes one does. */
static void test_threads(void **state)
{
    (void)state;
    job j[3];
    for (int t = 0; t < 3; t++) {
        j[t].n = td_test_read_all(examples_dir(), &j[t].arts);
        j[t].blobs = calloc(j[t].n, sizeof *j[t].blobs);
        j[t].lens = calloc(j[t].n, sizeof *j[t].lens);
        assert_true(j[t].blobs && j[t].lens);
    }
    prepare_all(&j[0]);
    pthread_t th[2];
    for (int t = 0; t < 2; t++)
        assert_int_equal(pthread_create(&th[t], NULL, prepare_all, &j[t + 1]), 0);
    for (int t = 0; t < 2; t++)
        pthread_join(th[t], NULL);
    for (int t = 1; t < 3; t++) {
        assert_int_equal(j[t].n, j[0].n);
        for (size_t i = 0; i < j[0].n; i++) {
            assert_int_equal(j[t].lens[i], j[0].lens[i]);
            if (j[0].lens[i])
                assert_memory_equal(j[t].blobs[i], j[0].blobs[i], j[0].lens[i]);
        }
    }
    for (int t = 0; t < 3; t++) {
        for (size_t i = 0; i < j[t].n; i++)
            td_free(j[t].blobs[i]);
        free(j[t].blobs);
        free(j[t].lens);
        free(j[t].arts);
    }
}

/* The N-th allocation fails, for every N of prepare + encode + decode. */
static void test_alloc_failure(void **state)
{
    (void)state;
    const char *text = "The harbour authority on Tuesday approved plans for a new ferry "
                       "terminal, Mayor Ana Ruiz said. \"It will open in 2029,\" she told "
                       "reporters in Porto on March 3, 2026.\n"
                       "The terminal will cost an estimated 140 million euros.";
    td_set_allocator(t_malloc, t_realloc, t_free);
    for (unsigned long at = 1;; at++) {
        g_count = 0;
        g_fail_at = at;
        g_failed = false;
        g_live = 0;
        td_article *a = td_article_new();
        td_status st = a ? TD_OK : TD_ENOMEM;
        if (!st)
            st = td_article_set(a, TD_FIELD_TEXT, text, strlen(text));
        if (!st)
            st = td_article_set(a, TD_FIELD_ID, "a1", 2);
        tdp_prepared p = {0}, d = {0};
        if (!st)
            st = tdp_prepare(a, &p);
        else
            td_article_free(a);
        unsigned char *b = NULL;
        size_t n = 0;
        if (!st)
            st = tdp_prepared_encode(&p, &b, &n);
        if (!st)
            st = tdp_prepared_decode(b, n, &d);
        assert_true(st == TD_OK || st == TD_ENOMEM);
        td_free(b);
        tdp_prepared_free(&p);
        tdp_prepared_free(&d);
        assert_int_equal(g_live, 0);
        if (!g_failed) {
            assert_int_equal(st, TD_OK);
            break;
        }
    }
    g_fail_at = 0;
    td_set_allocator(NULL, NULL, NULL);
}

/* An article given as its title alone is prepared, and clustered by its title:
 * with the full report of its event, apart from another event's. */
static void test_title_only(void **state)
{
    (void)state;
    static const char feed[] =
        "{\"id\": \"full\", \"date\": \"2016-10-13\", \"title\": \"Four shot "
        "in East Garfield Park\", \"text\": \"Four men were shot in East Garfield "
        "Park on Thursday night, police said. The men were standing on a porch in the "
        "4000 block of West Monroe Street when a gunman opened fire. Two were taken to "
        "Stroger Hospital in critical condition.\"}\n"
        "{\"id\": \"other\", \"date\": \"2016-10-13\", \"title\": \"Council "
        "approves Lakefront budget\", \"text\": \"The city council approved the "
        "Lakefront budget on Thursday after a long debate over library hours and "
        "snow removal. The mayor said the budget keeps taxes flat.\"}\n"
        "{\"id\": \"headline\", \"date\": \"2016-10-14\", \"title\": \"Four "
        "men shot on porch in East Garfield Park\", \"text\": \"\"}\n";
    td_reader *r = td_reader_new(NULL);
    assert_non_null(r);
    assert_int_equal(td_reader_add_buffer(r, "feed.jsonl", feed, sizeof feed - 1), TD_OK);
    tdp_prepared p[3];
    for (size_t i = 0; i < 3; i++) {
        td_article *a = NULL;
        assert_int_equal(td_reader_next(r, &a), TD_OK);
        assert_int_equal(tdp_prepare(a, &p[i]), TD_OK);
    }
    td_reader_free(r);
    assert_int_equal(p[2].a->n_paras, 0);
    assert_true(p[2].info.n > 0);      /* the title's words */
    unsigned char *b = NULL;           /* and the store keeps it as any other */
    size_t len = 0;
    tdp_prepared d;
    assert_int_equal(tdp_prepared_encode(&p[2], &b, &len), TD_OK);
    assert_int_equal(tdp_prepared_decode(b, len, &d), TD_OK);
    assert_same(&p[2], &d);
    td_free(b);
    tdp_prepared_free(&d);
    tdp_copy copies[3];
    uint32_t story_of[3];
    size_t ns = 0;
    assert_int_equal(tdp_corpus_stories(p, 3, 0, 0, copies, story_of, &ns), TD_OK);
    assert_int_equal(ns, 2);
    assert_int_equal(story_of[2], story_of[0]);
    assert_true(story_of[1] != story_of[0]);
    for (size_t i = 0; i < 3; i++)
        tdp_prepared_free(&p[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_roundtrip_examples),
        cmocka_unit_test(test_roundtrip_shared),
        cmocka_unit_test(test_damage_refused),
        cmocka_unit_test(test_threads),
        cmocka_unit_test(test_alloc_failure),
        cmocka_unit_test(test_title_only),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * bench_emit.c - how long the three renderings of a built corpus take: the
 * briefs of PATH... built once, then td_corpus_json, td_corpus_markdown and
 * td_corpus_html each called --runs times (default 20); prints the median
 * milliseconds per call and a hash of each output (the same bytes every run,
 * and comparable across builds that should print the same).
 *
 *     build/bench/bench_emit [--runs N] PATH...
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tidings/tidings.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return a < b ? -1 : a > b;
}

/* FNV-1a of the output. */
static unsigned long long hash(const char *s, size_t n)
{
    unsigned long long h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    return h;
}

typedef td_status (*emit_fn)(const td_corpus *, char **, size_t *);

int main(int argc, char **argv)
{
    int runs = 20, i = 1;
    if (i + 1 < argc && !strcmp(argv[i], "--runs")) {
        runs = atoi(argv[i + 1]) > 0 ? atoi(argv[i + 1]) : 20;
        i += 2;
    }
    if (i >= argc) {
        fprintf(stderr, "usage: bench_emit [--runs N] PATH...\n");
        return 2;
    }
    td_reader *r = td_reader_new(NULL);
    td_corpus *c = td_corpus_new(NULL);
    if (!r || !c)
        return 1;
    for (; i < argc; i++)
        if (td_reader_add(r, argv[i]) != TD_OK) {
            fprintf(stderr, "bench_emit: %s\n", td_reader_error(r));
            return 1;
        }
    td_article *a;
    td_status st;
    while ((st = td_reader_next(r, &a)) != TD_END)
        if (st == TD_OK && td_corpus_add(c, a) == TD_ENOMEM)
            return 1;
    if (td_corpus_build(c) != TD_OK)
        return 1;
    printf("%zu articles, %zu stories, %d runs\n", td_corpus_article_count(c),
           td_corpus_story_count(c), runs);
    static const char *const names[] = {"json", "markdown", "html"};
    const emit_fn fns[] = {td_corpus_json, td_corpus_markdown, td_corpus_html};
    double *ms = malloc((size_t)runs * sizeof *ms);
    if (!ms)
        return 1;
    for (int f = 0; f < 3; f++) {
        unsigned long long h = 0;
        size_t len = 0;
        for (int k = 0; k < runs; k++) {
            char *out = NULL;
            double t0 = now_ms();
            if (fns[f](c, &out, &len) != TD_OK)
                return 1;
            ms[k] = now_ms() - t0;
            unsigned long long hk = hash(out, len);
            if (k && hk != h) {
                fprintf(stderr, "bench_emit: %s differs between runs\n", names[f]);
                return 1;
            }
            h = hk;
            td_free(out);
        }
        qsort(ms, (size_t)runs, sizeof *ms, cmp_double);
        printf("%-8s %8.2f ms median (%.2f to %.2f), %zu bytes, hash %016llx\n", names[f],
               ms[runs / 2], ms[0], ms[runs - 1], len, h);
    }
    free(ms);
    td_corpus_free(c);
    td_reader_free(r);
    return 0;
}

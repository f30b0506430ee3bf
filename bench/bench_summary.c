/*
 * bench_summary.c - quality of the brief's extractive summaries on MultiLing 2011
 * (../shared/data/multiling2011): 10 topics of 10 English Wikinews articles, three
 * human summaries of about 250 words each.
 *
 *   bench_summary [--words N] [--runs N] [--dump] [--scale K] [MULTILING_DIR]
 *
 * Each topic's ten articles are read, cleaned and analysed, deduplicated, and
 * briefed as one story with a summary of N words (default 250). Scores are
 * ROUGE-1 and ROUGE-2 recall as ROUGE-1.5.5 computes them with the options the
 * published figures used (-n 2 -f A, no stemming, no stop-word removal, -l 250):
 * text lower-cased, '-' a token of its own, every other character that is not an
 * ASCII letter or digit a separator; peer and models cut at 250 words; hits pooled
 * over the three models of a topic (min of peer and model counts of each n-gram);
 * recall averaged over topics. A baseline scores with the same code: the first
 * 250 words of each topic's first article ("lead").
 * The published recall of CLASSY (ID2), JRC (ID3) and the centroid baseline (ID9)
 * is read from published/ and printed beside. --runs times the briefing (median),
 * with a hash of the summaries so that two builds can be compared.
 *
 * --scale K: instead, the time to brief one story of all 100 articles read K times
 * (100 K articles, none marked as copies), for K = 1, 2, 4 ... up to K: the
 * brief must grow linearly, not with the square of the story.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <xxhash.h>

#include "analyse/analyse.h"
#include "brief/brief_p.h"
#include "dedup/dedup_p.h"
#include "tidings/clean.h"
#include "tidings/reader.h"
#include "bench.h"

#define TOPICS 10
#define DOCS 10
#define CUT 250

/* The first `cut` whitespace-separated words of s, into out. */
static void cut_words(const char *s, size_t n, size_t cut, tdp_buf *out)
{
    size_t w = 0, i = 0;
    while (i < n && w < cut) {
        while (i < n && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r'))
            i++;
        size_t b = i;
        while (i < n && !(s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r'))
            i++;
        if (i > b) {
            if (w)
                tdp_buf_putc(out, ' ');
            tdp_buf_put(out, s + b, i - b);
            w++;
        }
    }
}

/* ---- ROUGE-N: n-grams as hashes of their tokens, counted in a sorted array ---- */

typedef struct grams {
    uint64_t *h;
    size_t n;
} grams;

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Tokens as ROUGE-1.5.5 makes them, as hashes. */
static size_t rouge_tokens(const char *s, uint64_t **out)
{
    size_t n = strlen(s), cnt = 0, cap = 0;
    uint64_t *t = NULL;
    char w[256];
    size_t wl = 0;
    for (size_t i = 0; i <= n; i++) {
        char c = i < n ? s[i] : ' ';
        bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (alnum) {
            if (wl < sizeof w)
                w[wl++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            continue;
        }
        for (int pass = 0; pass < 2; pass++) {
            if (pass == 0 && !wl)
                continue;
            if (pass == 1 && c != '-')
                continue;
            if (TDP_GROW(t, cap, cnt + 1)) {
                tdp_free(t);
                *out = NULL;
                return 0;
            }
            t[cnt++] = pass == 0 ? XXH3_64bits(w, wl) : XXH3_64bits("-", 1);
            wl = 0;
        }
    }
    *out = t;
    return cnt;
}

static grams make_grams(const char *s, int order)
{
    grams g = {NULL, 0};
    uint64_t *t;
    size_t n = rouge_tokens(s, &t);
    if (n < (size_t)order) {
        tdp_free(t);
        return g;
    }
    g.h = tdp_malloc((n - (size_t)order + 1) * sizeof *g.h);
    if (!g.h) {
        tdp_free(t);
        return g;
    }
    for (size_t i = 0; i + (size_t)order <= n; i++)
        g.h[g.n++] = order == 1 ? t[i] : XXH3_64bits(t + i, (size_t)order * sizeof *t);
    qsort(g.h, g.n, sizeof *g.h, cmp_u64);
    tdp_free(t);
    return g;
}

/* Sum over the model's n-grams of min(count in peer, count in model). */
static size_t hits(const grams *peer, const grams *model)
{
    size_t i = 0, j = 0, h = 0;
    while (i < peer->n && j < model->n) {
        if (peer->h[i] < model->h[j]) {
            i++;
        } else if (peer->h[i] > model->h[j]) {
            j++;
        } else {
            uint64_t v = peer->h[i];
            size_t a = 0, b = 0;
            while (i < peer->n && peer->h[i] == v) {
                i++;
                a++;
            }
            while (j < model->n && model->h[j] == v) {
                j++;
                b++;
            }
            h += a < b ? a : b;
        }
    }
    return h;
}

/* Recall of peer against the models, hits and counts pooled (ROUGE -f A). */
static double rouge_recall(const char *peer, char *const *models, int n_models, int order)
{
    grams p = make_grams(peer, order);
    size_t hit = 0, total = 0;
    for (int m = 0; m < n_models; m++) {
        grams g = make_grams(models[m], order);
        hit += hits(&p, &g);
        total += g.n;
        tdp_free(g.h);
    }
    tdp_free(p.h);
    return total ? (double)hit / (double)total : 0;
}

/* ---- the topics ---- */

typedef struct topic {
    td_article *arts[DOCS];
    size_t n;
    char *models[3];
    int n_models;
} topic;

static int load_topic(const char *dir, int t, topic *tp)
{
    memset(tp, 0, sizeof *tp);
    td_reader *r = td_reader_new(NULL);
    if (!r)
        return -1;
    char path[4096];
    for (int d = 0; d < DOCS; d++) {
        int w = snprintf(path, sizeof path, "%s/source/M00%d%d.english", dir, t, d);
        if (w < 0 || (size_t)w >= sizeof path || td_reader_add(r, path)) {
            td_reader_free(r);
            return -1;
        }
    }
    for (td_article *a; (a = bench_next(r, "bench_summary", false));) {
        if (td_clean(a) || tdp_analyse(a) || tp->n == DOCS) {
            td_article_free(a);
            continue;
        }
        tp->arts[tp->n++] = a;
    }
    td_reader_free(r);
    for (int m = 0; m < 3; m++) {
        int w = snprintf(path, sizeof path, "%s/summaries/M00%d.%c.250", dir, t, 'A' + m);
        size_t len;
        char *s = w < 0 || (size_t)w >= sizeof path ? NULL : tdp_read_file(path, &len);
        if (!s)
            continue;
        tdp_buf b = TDP_BUF_INIT;
        cut_words(s, len, CUT, &b);
        tdp_free(s);
        size_t bl;
        tp->models[tp->n_models] = tdp_buf_detach(&b, &bl);
        if (tp->models[tp->n_models])
            tp->n_models++;
    }
    return tp->n && tp->n_models ? 0 : -1;
}

static void free_topic(topic *tp)
{
    for (size_t i = 0; i < tp->n; i++)
        td_article_free(tp->arts[i]);
    for (int m = 0; m < tp->n_models; m++)
        tdp_free(tp->models[m]);
}

/* The topic's summary, cut at CUT words, into out; the lead baseline into *lead. */
static td_status summarise(topic *tp, int words, tdp_buf *out, char **lead)
{
    tdp_copy copies[DOCS];
    uint32_t members[DOCS];
    for (size_t i = 0; i < tp->n; i++) {
        copies[i] = (tdp_copy){-1, 0, 0};
        members[i] = (uint32_t)i;
    }
    td_status st = tdp_dedup_corpus(tp->arts, tp->n, 0, copies);
    if (st)
        return st;
    tdp_brief_opts o = {0, words};
    tdp_brief b;
    st = tdp_brief_build(tp->arts, copies, members, tp->n, &o, &b);
    if (!st) {
        tdp_buf all = TDP_BUF_INIT;
        for (size_t i = 0; i < b.n_summary; i++) {
            tdp_buf_puts(&all, b.summary[i].text);
            tdp_buf_putc(&all, '\n');
        }
        cut_words(all.data ? all.data : "", all.len, CUT, out);
        tdp_buf_free(&all);
        /* the baseline: the first words of the first article */
        const td_article *a = tp->arts[0];
        tdp_buf t = TDP_BUF_INIT, c = TDP_BUF_INIT;
        for (size_t p = 0; p < a->n_paras; p++) {
            tdp_buf_put(&t, a->paras[p].text, a->paras[p].len);
            tdp_buf_putc(&t, '\n');
        }
        cut_words(t.data ? t.data : "", t.len, CUT, &c);
        tdp_buf_free(&t);
        size_t cl;
        *lead = tdp_buf_detach(&c, &cl);
    }
    tdp_brief_free(&b);
    return st;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* The published recall of a run id ("ID2") in published/ENGLISH_ROUGE-N.csv. */
static double published(const char *dir, int order, const char *id)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/published/ENGLISH_ROUGE-%d.csv", dir, order);
    size_t len;
    char *s = tdp_read_file(path, &len);
    if (!s)
        return NAN;
    char key[32];
    snprintf(key, sizeof key, "\n%s_ROUGE-%d,", id, order);
    const char *at = strstr(s, key);
    double v = at ? strtod(at + strlen(key), NULL) : NAN;
    tdp_free(s);
    return v;
}

/* One story of all articles read k times; prints the time to brief it. */
static int scale(const char *dir, int kmax)
{
    for (int k = 1; k <= kmax; k *= 2) {
        size_t n = 0, cap = (size_t)k * TOPICS * DOCS;
        td_article **arts = tdp_calloc(cap, sizeof *arts);
        uint32_t *members = tdp_calloc(cap, sizeof *members);
        tdp_copy *copies = tdp_calloc(cap, sizeof *copies);
        if (!arts || !members || !copies)
            return 3;
        for (int rep = 0; rep < k; rep++)
            for (int t = 0; t < TOPICS; t++) {
                topic tp;
                if (load_topic(dir, t, &tp) == 0)
                    for (size_t i = 0; i < tp.n && n < cap; i++) {
                        arts[n] = tp.arts[i];
                        tp.arts[i] = NULL;
                        members[n] = (uint32_t)n;
                        copies[n] = (tdp_copy){-1, 0, 0};
                        n++;
                    }
                tp.n = 0;
                free_topic(&tp);
            }
        tdp_brief_opts o = {0, 0};
        tdp_brief b;
        double t0 = bench_wall();
        td_status st = tdp_brief_build(arts, copies, members, n, &o, &b);
        double dt = bench_wall() - t0;
        printf("%6zu articles: brief in %8.1f ms (%.3f ms per article)%s, %zu timeline "
               "entries, %zu people, %zu quotes\n",
               n, dt * 1000, dt * 1000 / (double)(n ? n : 1), st ? " FAILED" : "",
               b.n_timeline, b.n_people, b.n_quotes);
        tdp_brief_free(&b);
        for (size_t i = 0; i < n; i++)
            td_article_free(arts[i]);
        tdp_free(arts);
        tdp_free(members);
        tdp_free(copies);
    }
    return 0;
}

int main(int argc, char **argv)
{
    int words = CUT, runs = 1, scale_k = 0;
    bool dump = false;
    const char *dir = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--words") && i + 1 < argc)
            words = (int)strtol(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--runs") && i + 1 < argc)
            runs = (int)strtol(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--scale") && i + 1 < argc)
            scale_k = (int)strtol(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--dump"))
            dump = true;
        else
            dir = argv[i];
    }
    char def[4096];
    if (!dir) {
        const char *src = getenv("TD_SOURCE_DIR");
        snprintf(def, sizeof def, "%s/../shared/data/multiling2011", src ? src : "..");
        dir = def;
    }
    char probe[4200];
    snprintf(probe, sizeof probe, "%s/source/M0000.english", dir);
    FILE *f = fopen(probe, "rb");
    if (!f) {
        printf("bench_summary: skipped (no MultiLing 2011 data at %s)\n", dir);
        return 0;
    }
    fclose(f);
    if (runs < 1)
        runs = 1;
    if (scale_k > 0)
        return scale(dir, scale_k);

    double r1 = 0, r2 = 0, l1 = 0, l2 = 0;
    int n_topics = 0;
    uint64_t hash = 0;
    double *times = calloc((size_t)runs, sizeof *times);
    if (!times)
        return 3;
    printf("topic  ROUGE-1  ROUGE-2   words\n");
    for (int t = 0; t < TOPICS; t++) {
        topic tp;
        if (load_topic(dir, t, &tp)) {
            fprintf(stderr, "bench_summary: topic %d: cannot read\n", t);
            free_topic(&tp);
            continue;
        }
        tdp_buf sum = TDP_BUF_INIT;
        char *lead = NULL;
        for (int r = 0; r < runs; r++) {
            tdp_buf_reset(&sum);
            tdp_free(lead);
            lead = NULL;
            double t0 = bench_wall();
            td_status st = summarise(&tp, words, &sum, &lead);
            times[r] += bench_wall() - t0;
            if (st) {
                fprintf(stderr, "bench_summary: topic %d: %s\n", t, td_strerror(st));
                break;
            }
        }
        const char *s = sum.data ? sum.data : "";
        double a = rouge_recall(s, tp.models, tp.n_models, 1);
        double b = rouge_recall(s, tp.models, tp.n_models, 2);
        r1 += a;
        r2 += b;
        l1 += rouge_recall(lead ? lead : "", tp.models, tp.n_models, 1);
        l2 += rouge_recall(lead ? lead : "", tp.models, tp.n_models, 2);
        hash ^= XXH3_64bits(s, strlen(s)) + (uint64_t)t;
        printf("M00%d   %.5f  %.5f   %u\n", t, a, b, tdp_word_count(s, strlen(s)));
        if (dump)
            printf("  %s\n", s);
        n_topics++;
        tdp_free(lead);
        tdp_buf_free(&sum);
        free_topic(&tp);
    }
    if (!n_topics) {
        free(times);
        return 1;
    }
    qsort(times, (size_t)runs, sizeof *times, cmp_double);
    printf("\nrecall (mean of %d topics)     ROUGE-1  ROUGE-2\n", n_topics);
    printf("tidings brief (%d words)      %.5f  %.5f\n", words, r1 / n_topics, r2 / n_topics);
    printf("lead: first article           %.5f  %.5f\n", l1 / n_topics, l2 / n_topics);
    static const char *const ids[] = {"ID2", "ID3", "ID9"};
    static const char *const names[] = {"CLASSY", "JRC", "centroid baseline"};
    for (int k = 0; k < 3; k++)
        printf("published %-3s %-17s %.5f  %.5f\n", ids[k], names[k],
               published(dir, 1, ids[k]), published(dir, 2, ids[k]));
    printf("\nbriefing time: median %.1f ms for %d topics (%d run%s); summaries hash %016llx\n",
           times[runs / 2] * 1000, n_topics, runs, runs == 1 ? "" : "s",
           (unsigned long long)hash);
    free(times);
    return 0;
}

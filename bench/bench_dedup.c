/*
 * bench_dedup.c - speed, memory and accuracy of copy detection.
 *
 *   bench_dedup [--size N] [--threads T] [--accuracy N] [--params] [--seed S]
 *               [--vocab builtin|polnear] [--copies PCT]
 *
 * Sections (each prints its own figures):
 *  hash      bytes per second of XXH3 on this machine: the physical limit of any
 *            pass that reads every byte once;
 *  signature articles per second of one thread computing signatures of ~4 KB
 *            generated articles (normalise, shingle, MinHash, fingerprints);
 *  scale     --size N articles streamed through the copy index (generation and
 *            signatures on T threads, index on one), wall time, peak memory, the
 *            cost per article in each tenth of the run (how it grows with N);
 *  accuracy  --accuracy N articles deduplicated as a set (exact verification) and
 *            as a stream (estimates), against the exact Jaccard of every pair by
 *            brute force: recall, precision, false positives below the threshold,
 *            LSH candidate recall, the error of the Jaccard estimate;
 *  params    (--params) how shingle size separates copies from same-story
 *            articles: real ECB+ pairs of one topic and generated edited copies.
 *
 * The corpus is seeded and reproducible (bench/dedup_gen.h); a copy is made from
 * an earlier original by word edits, truncation, reordered paragraphs, chrome and
 * added paragraphs. With --vocab polnear (the default when ../shared/data/polnear
 * exists) words are drawn with the frequencies of the PolNeAR news texts. A hash
 * of the answers is printed beside the timings, so two builds can be compared.
 */
#include <dirent.h>
#include <inttypes.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#define XXH_INLINE_ALL
#include <xxhash.h>

#include "dedup_gen.h"
#include "dedup/dedup_p.h"
#include "tidings/tidings.h"
#include "bench.h"

static double peak_rss_mb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss / 1024.0;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* ---- options ---- */
static struct {
    size_t size, accuracy;
    int threads;
    uint64_t seed;
    int params;
    int copy_pct;
    const char *vocab;
    char data[1024];
} opt = {20000, 1500, 1, 1, 0, 35, NULL, ""};

/* ---- the vocabulary ---- */
static gen_vocab g_vocab;

typedef struct wc {
    char *w;
    double n;
} wc;

static int cmp_wc(const void *a, const void *b)
{
    double x = ((const wc *)a)->n, y = ((const wc *)b)->n;
    return x > y ? -1 : x < y;
}

/* Word counts of every text file under dir (lower-cased ASCII words). */
static void count_dir(const char *dir, wc **tab, size_t *cap, size_t *n)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    char path[2048], word[64];
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        FILE *f = fopen(path, "rb");
        if (!f)
            continue;
        int c;
        size_t len = 0;
        for (;;) {
            c = fgetc(f);
            if (c != EOF && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                             (c >= '0' && c <= '9'))) {
                if (len + 1 < sizeof word)
                    word[len++] = (char)(c | ((c >= 'A' && c <= 'Z') ? 0x20 : 0));
                continue;
            }
            if (len) {
                word[len] = 0;
                /* open addressing on the word */
                uint64_t h = XXH3_64bits(word, len);
                size_t m = *cap - 1, pos = h & m;
                while ((*tab)[pos].w && strcmp((*tab)[pos].w, word))
                    pos = (pos + 1) & m;
                if (!(*tab)[pos].w) {
                    (*tab)[pos].w = strdup(word);
                    (*n)++;
                }
                (*tab)[pos].n += 1;
                len = 0;
                if (*n * 2 > *cap) {
                    fprintf(stderr, "bench_dedup: vocabulary table full\n");
                    exit(1);
                }
            }
            if (c == EOF)
                break;
        }
        fclose(f);
    }
    closedir(d);
}

static const char *data_dir(void)
{
    if (opt.data[0])
        return opt.data;
    const char *root = getenv("TD_SOURCE_DIR");
    const char *cands[] = {root, ".", "..", NULL};
    for (int i = 0; i < 3; i++) {
        if (!cands[i])
            continue;
        char p[1024];
        snprintf(p, sizeof p, "%s/../shared/data", cands[i]);
        DIR *d = opendir(p);
        if (d) {
            closedir(d);
            snprintf(opt.data, sizeof opt.data, "%s", p);
            return opt.data;
        }
    }
    return NULL;
}

static void load_vocab(void)
{
    const char *dd = data_dir();
    bool want_pol = !opt.vocab ? dd != NULL : !strcmp(opt.vocab, "polnear");
    if (want_pol && dd) {
        size_t cap = 1 << 18, n = 0;
        wc *tab = calloc(cap, sizeof *tab);
        char p[2048];
        snprintf(p, sizeof p, "%s/polnear/train/text", dd);
        count_dir(p, &tab, &cap, &n);
        snprintf(p, sizeof p, "%s/polnear/dev/text", dd);
        count_dir(p, &tab, &cap, &n);
        if (n > 1000) {
            wc *list = malloc(n * sizeof *list);
            size_t k = 0;
            for (size_t i = 0; i < cap; i++)
                if (tab[i].w)
                    list[k++] = tab[i];
            qsort(list, k, sizeof *list, cmp_wc);
            char **words = malloc(k * sizeof *words);
            double *counts = malloc(k * sizeof *counts);
            for (size_t i = 0; i < k; i++) {
                words[i] = list[i].w;
                counts[i] = list[i].n;
            }
            gen_vocab_counts(&g_vocab, words, counts, (uint32_t)k);
            printf("vocabulary: %zu words with their PolNeAR frequencies\n", k);
            free(counts);
            free(list);
            free(tab);
            return;
        }
        for (size_t i = 0; i < cap; i++)
            free(tab[i].w);
        free(tab);
    }
    gen_vocab_builtin(&g_vocab, 30000);
    printf("vocabulary: built in, %u words, Zipf weights\n", g_vocab.n);
}

/* ---- the corpus plan: article i is an original or a copy of an earlier one ---- */
typedef struct plan {
    uint32_t *origin;   /* original of each article (itself for originals) */
    size_t n;
    size_t copies;
} plan;

static void plan_make(plan *p, size_t n)
{
    p->origin = malloc((n ? n : 1) * sizeof *p->origin);
    p->n = n;
    p->copies = 0;
    gen_rng r = {opt.seed ^ 0xC0FFEEull};
    for (size_t i = 0; i < n; i++) {
        p->origin[i] = (uint32_t)i;
        if (i && (int)gen_below(&r, 100) < opt.copy_pct) {
            /* copies cluster near their original in time, as news does */
            uint32_t back = 1 + gen_below(&r, i < 2000 ? (uint32_t)i : 2000u);
            p->origin[i] = p->origin[i - back];
            p->copies++;
        }
    }
}

/* Renders article i: text into buf, paragraphs into paras. Returns bytes. */
static size_t make_article(const plan *p, size_t i, gen_article *g, char *buf, size_t cap,
                           tdp_para *paras, size_t *np, unsigned *edits_out)
{
    gen_original(g, &g_vocab, opt.seed, p->origin[i]);
    unsigned edits = 0;
    if (p->origin[i] != i) {
        gen_rng r = {opt.seed * 31 + i};
        edits = gen_pick_edits(&r);
        gen_copy(g, &g_vocab, &r, edits);
    }
    if (edits_out)
        *edits_out = edits;
    uint32_t st[GEN_MAX_PARAS + 2], ln[GEN_MAX_PARAS + 2], n = 0;
    size_t len = gen_render(g, &g_vocab, buf, cap, st, ln, &n);
    for (uint32_t k = 0; k < n; k++)
        paras[k] = (tdp_para){buf + st[k], ln[k], TD_PARA_TEXT};
    *np = n;
    return len;
}

#define TEXT_CAP (256 * 1024)

/* ---- hash and signature speed ---- */
static void bench_hash_and_signatures(void)
{
    const size_t m = 4000;
    plan p;
    plan_make(&p, m);
    char *texts = malloc(m * 8192);
    size_t *len = malloc(m * sizeof *len);
    tdp_para (*paras)[GEN_MAX_PARAS + 2] = malloc(m * sizeof *paras);
    size_t *np = malloc(m * sizeof *np);
    gen_article *g = malloc(sizeof *g);
    size_t total = 0;
    double t0 = bench_thread_cpu();
    for (size_t i = 0; i < m; i++) {
        len[i] = make_article(&p, i, g, texts + i * 8192, 8192, paras[i], &np[i], NULL);
        total += len[i];
    }
    double tgen = bench_thread_cpu() - t0;
    printf("\n## hash and signature speed (%zu articles, mean %.0f bytes)\n", m,
           (double)total / m);
    printf("generation: %.0f articles/s\n", m / tgen);

    /* XXH3 over the same bytes, article by article, and over 1 MiB blocks */
    uint64_t sink = 0;
    double best = 0;
    for (int rep = 0; rep < 5; rep++) {
        t0 = bench_thread_cpu();
        size_t bytes = 0;
        do {
            for (size_t i = 0; i < m; i++)
                sink += XXH3_64bits_withSeed(texts + i * 8192, len[i], sink);
            bytes += total;
        } while (bench_thread_cpu() - t0 < 0.2);
        double r = bytes / (bench_thread_cpu() - t0);
        if (r > best)
            best = r;
    }
    printf("XXH3-64: %.2f GB/s on ~4 KB articles", best / 1e9);
    double best_blk = 0;
    for (int rep = 0; rep < 5; rep++) {
        t0 = bench_thread_cpu();
        size_t bytes = 0;
        do {
            sink += XXH3_64bits_withSeed(texts, m * 8192, sink);
            bytes += m * 8192;
        } while (bench_thread_cpu() - t0 < 0.2);
        double r = bytes / (bench_thread_cpu() - t0);
        if (r > best_blk)
            best_blk = r;
    }
    printf(", %.2f GB/s on %zu MB blocks (best of 5)\n", best_blk / 1e9, m * 8192 >> 20);

    tdp_shingler sh = {0};
    tdp_sig *s = malloc(sizeof *s);
    double rates[5];
    for (int rep = 0; rep < 5; rep++) {
        t0 = bench_thread_cpu();
        size_t done = 0;
        do {
            for (size_t i = 0; i < m; i++) {
                if (tdp_sig_paras(&sh, paras[i], np[i], s))
                    exit(1);
                sink += s->exact;
            }
            done += m;
        } while (bench_thread_cpu() - t0 < 0.3);
        rates[rep] = done / (bench_thread_cpu() - t0);
    }
    qsort(rates, 5, sizeof *rates, cmp_double);
    double per = rates[2];
    printf("signatures, one thread: %.0f articles/s median of 5 (%.1f us each, %.0f MB/s; "
           "XXH3 alone would read %.0f articles/s: %.1fx)\n",
           per, 1e6 / per, per * total / m / 1e6, best / ((double)total / m),
           best / ((double)total / m) / per);
    printf("(sink %016" PRIx64 "; times are CPU time of one thread)\n", sink);
    tdp_shingler_free(&sh);
    free(s);
    free(g);
    free(texts);
    free(len);
    free(paras);
    free(np);
    free(p.origin);
}

/* ---- scale: a stream through the index ---- */
#define BATCH 4096

typedef struct worker {
    const plan *p;
    size_t from, to;          /* article numbers */
    tdp_sig *sigs;            /* BATCH, indexed by article - batch start */
    size_t base;
    tdp_shingler sh;
    gen_article *g;
    char *buf;
    tdp_para paras[GEN_MAX_PARAS + 2];
    double t_gen, t_sig;
    uint64_t bytes;
} worker;

static void *work(void *arg)
{
    worker *w = arg;
    for (size_t i = w->from; i < w->to; i++) {
        double t0 = bench_thread_cpu();
        size_t np;
        w->bytes += make_article(w->p, i, w->g, w->buf, TEXT_CAP, w->paras, &np, NULL);
        double t1 = bench_thread_cpu();
        if (tdp_sig_paras(&w->sh, w->paras, np, &w->sigs[i - w->base]))
            exit(1);
        w->t_gen += t1 - t0;
        w->t_sig += bench_thread_cpu() - t1;
    }
    return NULL;
}

static void bench_scale(size_t n)
{
    plan p;
    plan_make(&p, n);
    printf("\n## scale: %zu articles through the streaming index, %d thread%s for "
           "signatures, %zu copies made (%d%%)\n",
           n, opt.threads, opt.threads > 1 ? "s" : "", p.copies, opt.copy_pct);
    tdp_sig *sigs = malloc(BATCH * sizeof *sigs);
    worker ws[8];
    int nt = opt.threads < 1 ? 1 : opt.threads > 8 ? 8 : opt.threads;
    for (int k = 0; k < nt; k++) {
        memset(&ws[k], 0, sizeof ws[k]);
        ws[k].p = &p;
        ws[k].sigs = sigs;
        ws[k].g = malloc(sizeof *ws[k].g);
        ws[k].buf = malloc(TEXT_CAP);
    }
    td_dedup_index *ix = td_dedup_index_new(NULL);
    size_t kinds[4] = {0};
    uint64_t answer = 0;   /* chained hash of every answer */
    double t_index = 0, t_parallel = 0, t0 = bench_wall(), c0 = bench_cpu();
    double tenth_index[10] = {0};
    size_t tenth_n[10] = {0};
    char id[32];
    for (size_t b = 0; b < n; b += BATCH) {
        size_t e = b + BATCH < n ? b + BATCH : n;
        double ta = bench_wall();
        pthread_t th[8];
        for (int k = 0; k < nt; k++) {
            ws[k].base = b;
            ws[k].from = b + (e - b) * k / nt;
            ws[k].to = b + (e - b) * (k + 1) / nt;
            if (nt > 1)
                pthread_create(&th[k], NULL, work, &ws[k]);
            else
                work(&ws[k]);
        }
        if (nt > 1)
            for (int k = 0; k < nt; k++)
                pthread_join(th[k], NULL);
        t_parallel += bench_wall() - ta;
        double tb = bench_thread_cpu();
        for (size_t i = b; i < e; i++) {
            td_dedup_match m;
            uint32_t nearest;
            snprintf(id, sizeof id, "a%zu", i);
            td_status st = tdp_index_add_sig(ix, &sigs[i - b], id, INT32_MAX, true, &m,
                                             &nearest);
            if (st && st != TD_EEMPTY) {
                fprintf(stderr, "bench_dedup: %s\n", td_strerror(st));
                exit(1);
            }
            kinds[m.kind]++;
            uint64_t rec[2] = {m.kind, nearest};
            answer = XXH3_64bits_withSeed(rec, sizeof rec, answer);
        }
        double tc = bench_thread_cpu() - tb;
        t_index += tc;
        tenth_index[(b * 10) / n] += tc;
        tenth_n[(b * 10) / n] += e - b;
    }
    double wall = bench_wall() - t0, pcpu = bench_cpu() - c0;
    double t_gen = 0, t_sig = 0;
    uint64_t bytes = 0;
    for (int k = 0; k < nt; k++) {
        t_gen += ws[k].t_gen;
        t_sig += ws[k].t_sig;
        bytes += ws[k].bytes;
        tdp_shingler_free(&ws[k].sh);
        free(ws[k].g);
        free(ws[k].buf);
    }
    printf("wall %.2f s, CPU %.2f s for %zu articles (mean %.0f bytes), "
           "peak RSS %.0f MB, index %.0f MB, %zu stored\n",
           wall, pcpu, n, (double)bytes / n, peak_rss_mb(),
           tdp_index_bytes(ix) / 1048576.0, td_dedup_index_count(ix));
    printf("  generation %.2f s + signatures %.2f s of thread time (%.0f signatures/s a "
           "thread), wall of that phase %.2f s; index %.2f s CPU (%.1f us an article)\n",
           t_gen, t_sig, n / t_sig, t_parallel, t_index, 1e6 * t_index / n);
    printf("  dedup alone, CPU time (signatures on %d thread%s + index): %.2f s\n", nt,
           nt > 1 ? "s" : "", t_sig / nt + t_index);
    printf("  index cost per article by tenth of the run (us):");
    for (int k = 0; k < 10; k++)
        if (tenth_n[k])
            printf(" %.1f", 1e6 * tenth_index[k] / tenth_n[k]);
    printf("\n  answers: %zu new, %zu exact, %zu near, %zu partial; %zu copies made; "
           "answer hash %016" PRIx64 "\n",
           kinds[0], kinds[1], kinds[2], kinds[3], p.copies, answer);
    td_dedup_index_free(ix);
    free(sigs);
    free(p.origin);
}

/* ---- accuracy: against exact Jaccard of every pair ---- */
typedef struct aset {
    uint64_t *v;
    size_t n;
    uint64_t exact;
} aset;

static long parse_id(const char *s)
{
    return s ? strtol(s + 1, NULL, 10) : -1;
}

#define NBINS 6
static const double k_bins[NBINS + 1] = {0.0, 0.1, 0.3, 0.5, 0.6, 0.65, 0.7};

static void bench_accuracy(size_t n)
{
    const double t = TDP_DEDUP_DEFAULT_THRESHOLD, ct = TDP_DEDUP_DEFAULT_CONTAINMENT;
    plan p;
    plan_make(&p, n);
    printf("\n## accuracy: %zu articles, %zu copies made, threshold %.2f, containment %.2f\n",
           n, p.copies, t, ct);
    td_article **arts = malloc(n * sizeof *arts);
    gen_article *g = malloc(sizeof *g);
    char *buf = malloc(TEXT_CAP);
    tdp_para paras[GEN_MAX_PARAS + 2];
    char id[32], date[32];
    for (size_t i = 0; i < n; i++) {
        size_t np;
        size_t len = make_article(&p, i, g, buf, TEXT_CAP, paras, &np, NULL);
        td_article *a = td_article_new();
        snprintf(id, sizeof id, "a%zu", i);
        int day = 1 + (int)(i * 28 / n);
        snprintf(date, sizeof date, "2026-02-%02d", day);
        if (td_article_set(a, TD_FIELD_ID, id, strlen(id)) ||
            td_article_set(a, TD_FIELD_DATE, date, strlen(date)) ||
            td_article_set(a, TD_FIELD_TEXT, buf, len) || td_clean(a)) {
            fprintf(stderr, "bench_dedup: cannot make article %zu\n", i);
            exit(1);
        }
        arts[i] = a;
    }
    /* the set path: exact verification */
    td_dedup_copy *cp = malloc(n * sizeof *cp);
    double t0 = bench_wall();
    if (td_dedup_articles(arts, n, NULL, cp)) {
        fprintf(stderr, "bench_dedup: td_dedup_articles failed\n");
        exit(1);
    }
    double t_set = bench_wall() - t0;
    /* the stream path: estimates */
    long *s_of = malloc(n * sizeof *s_of), *s_near = malloc(n * sizeof *s_near);
    td_copy_kind *s_kind = malloc(n * sizeof *s_kind);
    td_dedup_index *ix = td_dedup_index_new(NULL);
    t0 = bench_wall();
    for (size_t i = 0; i < n; i++) {
        td_dedup_match m;
        if (td_dedup_index_add(ix, arts[i], &m)) {
            fprintf(stderr, "bench_dedup: index add failed\n");
            exit(1);
        }
        s_kind[i] = m.kind;
        s_of[i] = m.kind ? parse_id(m.of) : -1;
        s_near[i] = m.kind ? parse_id(m.nearest) : -1;
    }
    double t_stream = bench_wall() - t0;
    td_dedup_index_free(ix);
    /* LSH candidates, and the exact shingle sets */
    aset *sets = malloc(n * sizeof *sets);
    tdp_sig *sigs = malloc(n * sizeof *sigs);
    uint32_t *rec_of = malloc(n * sizeof *rec_of);
    uint32_t **cands = malloc(n * sizeof *cands);
    size_t *ncands = malloc(n * sizeof *ncands);
    tdp_shingler sh = {0};
    ix = td_dedup_index_new(NULL);
    for (size_t i = 0; i < n; i++) {
        td_article *a = arts[i];
        const uint64_t *v;
        size_t nv;
        if (tdp_sig_paras(&sh, a->paras, a->n_paras, &sigs[i]) ||
            tdp_shingle_set(&sh, a->paras, a->n_paras, &v, &nv))
            exit(1);
        sets[i].v = malloc((nv ? nv : 1) * sizeof *v);
        memcpy(sets[i].v, v, nv * sizeof *v);
        sets[i].n = nv;
        sets[i].exact = sigs[i].exact;
        const tdp_cand *c;
        size_t nc;
        if (tdp_index_query(ix, &sigs[i], &c, &nc))
            exit(1);
        cands[i] = malloc((nc ? nc : 1) * sizeof **cands);
        ncands[i] = nc;
        rec_of[i] = UINT32_MAX;
        for (size_t k = 0; k < nc; k++) {
            cands[i][k] = c[k].rec;
            if (c[k].exact)
                rec_of[i] = c[k].rec;
        }
        if (rec_of[i] == UINT32_MAX &&
            tdp_index_insert(ix, &sigs[i], "", INT32_MAX, UINT32_MAX, &rec_of[i]))
            exit(1);
    }
    td_dedup_index_free(ix);
    tdp_shingler_free(&sh);

    /* every pair */
    size_t truth_near = 0, found_set = 0, found_stream = 0, cand_found = 0;
    size_t truth_part = 0, part_set = 0, part_stream = 0;
    size_t bin_pairs[NBINS] = {0}, bin_set_grouped[NBINS] = {0};
    double *errs = malloc(sizeof(double) * 4 * 1024 * 1024);
    size_t n_err = 0, cap_err = 4 * 1024 * 1024;
    double err_sum = 0, theory_sum = 0;
    t0 = bench_wall();
    for (size_t i = 0; i < n; i++) {
        long ri = cp[i].of >= 0 ? cp[i].of : (long)i;
        long si = s_of[i] >= 0 ? s_of[i] : (long)i;
        for (size_t j = i + 1; j < n; j++) {
            double jac, con;
            size_t in;
            if (sets[i].exact == sets[j].exact && sets[i].exact) {
                jac = con = 1.0;
                in = sets[i].n;
            } else {
                in = tdp_set_intersection(sets[i].v, sets[i].n, sets[j].v, sets[j].n);
                size_t un = sets[i].n + sets[j].n - in;
                size_t mn = sets[i].n < sets[j].n ? sets[i].n : sets[j].n;
                jac = un ? (double)in / un : 0;
                con = mn ? (double)in / mn : 0;
            }
            long rj = cp[j].of >= 0 ? cp[j].of : (long)j;
            long sj = s_of[j] >= 0 ? s_of[j] : (long)j;
            if (jac >= t) {
                truth_near++;
                found_set += ri == rj;
                found_stream += si == sj;
                bool c = rec_of[i] == rec_of[j];
                for (size_t k = 0; !c && k < ncands[j]; k++)
                    c = cands[j][k] == rec_of[i];
                cand_found += c;
            } else {
                if (con >= ct && in >= TDP_DEDUP_MIN_SHARED_WORDS) {
                    truth_part++;
                    part_set += ri == rj;
                    part_stream += si == sj;
                    if (ri != rj && getenv("BENCH_DEBUG")) {
                        bool c = rec_of[i] == rec_of[j];
                        for (size_t k = 0; !c && k < ncands[j]; k++)
                            c = cands[j][k] == rec_of[i];
                        printf("missed partial a%zu a%zu: J %.3f C %.3f in %zu sizes %zu %zu "
                               "cand %d origin %u %u kinds %d %d of %ld %ld\n",
                               i, j, jac, con, in, sets[i].n, sets[j].n, c, p.origin[i],
                               p.origin[j], cp[i].kind, cp[j].kind, cp[i].of, cp[j].of);
                    }
                }
                for (int b = 0; b < NBINS; b++)
                    if (jac >= k_bins[b] && jac < k_bins[b + 1]) {
                        bin_pairs[b]++;
                        bin_set_grouped[b] += ri == rj;
                    }
            }
            if (jac >= 0.2 && sets[i].exact != sets[j].exact && n_err < cap_err) {
                double est = tdp_sig_jaccard(&sigs[i], &sigs[j]);
                double e = fabs(est - jac);
                errs[n_err++] = e;
                err_sum += e;
                theory_sum += sqrt(jac * (1 - jac) / TDP_DEDUP_K);
            }
        }
    }
    double t_pairs = bench_wall() - t0;
    /* direct links: each copy with the article it matched */
    size_t links[2][4] = {{0}}, good[2][4] = {{0}};
    size_t link_bins[2][NBINS] = {{0}};
    for (size_t i = 0; i < n; i++) {
        for (int path = 0; path < 2; path++) {
            td_copy_kind k = path ? s_kind[i] : cp[i].kind;
            long o = path ? s_near[i] : cp[i].nearest;
            if (k == TD_COPY_NONE || o < 0)
                continue;
            size_t in = tdp_set_intersection(sets[i].v, sets[i].n, sets[o].v, sets[o].n);
            size_t un = sets[i].n + sets[o].n - in;
            size_t mn = sets[i].n < sets[o].n ? sets[i].n : sets[o].n;
            double jac = un ? (double)in / un : 0, con = mn ? (double)in / mn : 0;
            if (sets[i].exact == sets[o].exact)
                jac = con = 1.0;
            links[path][k]++;
            if ((k == TD_COPY_EXACT && sets[i].exact == sets[o].exact) ||
                (k == TD_COPY_NEAR && jac >= t) ||
                (k == TD_COPY_PARTIAL && con >= ct))
                good[path][k]++;
            if (k == TD_COPY_NEAR && jac < t)
                for (int b = 0; b < NBINS; b++)
                    if (jac >= k_bins[b] && jac < k_bins[b + 1])
                        link_bins[path][b]++;
        }
    }
    printf("set path (exact verification): %.2f s; stream path (estimates): %.2f s; "
           "brute force over %zu pairs: %.1f s\n",
           t_set, t_stream, n * (n - 1) / 2, t_pairs);
    printf("pairs with Jaccard >= %.2f: %zu\n", t, truth_near);
    printf("  LSH candidate recall %.4f (%zu missed)\n",
           truth_near ? (double)cand_found / truth_near : 1.0, truth_near - cand_found);
    printf("  recall, same group:   set %.4f   stream %.4f\n",
           truth_near ? (double)found_set / truth_near : 1.0,
           truth_near ? (double)found_stream / truth_near : 1.0);
    const char *kn[4] = {"", "exact", "near", "partial"};
    for (int k = 1; k < 4; k++)
        printf("  precision of %-7s links: set %.4f (%zu)   stream %.4f (%zu)\n", kn[k],
               links[0][k] ? (double)good[0][k] / links[0][k] : 1.0, links[0][k],
               links[1][k] ? (double)good[1][k] / links[1][k] : 1.0, links[1][k]);
    printf("partial pairs (containment >= %.2f, Jaccard below): %zu; same group: set "
           "%.4f stream %.4f\n",
           ct, truth_part, truth_part ? (double)part_set / truth_part : 1.0,
           truth_part ? (double)part_stream / truth_part : 1.0);
    printf("below the threshold: pairs, near links reported (false positive rate)\n");
    for (int b = NBINS - 1; b >= 0; b--)
        printf("  Jaccard [%.2f, %.2f): %9zu pairs; set %zu (%.2g), stream %zu (%.2g)\n",
               k_bins[b], k_bins[b + 1], bin_pairs[b], link_bins[0][b],
               bin_pairs[b] ? (double)link_bins[0][b] / bin_pairs[b] : 0.0,
               link_bins[1][b], bin_pairs[b] ? (double)link_bins[1][b] / bin_pairs[b] : 0.0);
    if (n_err) {
        qsort(errs, n_err, sizeof *errs, cmp_double);
        printf("Jaccard estimate (%d bins) on %zu pairs >= 0.2: mean |error| %.4f "
               "(binomial theory %.4f), p95 %.4f, max %.4f\n",
               TDP_DEDUP_K, n_err, err_sum / n_err, theory_sum / n_err * 0.7979,
               errs[(size_t)(n_err * 0.95)], errs[n_err - 1]);
    }
    for (size_t i = 0; i < n; i++) {
        td_article_free(arts[i]);
        free(sets[i].v);
        free(cands[i]);
    }
    free(errs);
    free(arts);
    free(cp);
    free(s_of);
    free(s_near);
    free(s_kind);
    free(sets);
    free(sigs);
    free(rec_of);
    free(cands);
    free(ncands);
    free(g);
    free(buf);
    free(p.origin);
}

/* ---- params: shingle size ---- */

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Sorted distinct k-shingle hashes of a text (ASCII letters and digits lowered,
 * other bytes >= 0x80 kept as word bytes): a plain model of the library's words. */
static size_t kshingles(const char *s, size_t n, int k, uint64_t **out)
{
    size_t cap = n / 2 + 16, nw = 0;
    uint64_t *w = malloc(cap * sizeof *w);
    char word[64];
    size_t len = 0;
    for (size_t i = 0; i <= n; i++) {
        unsigned char c = i < n ? (unsigned char)s[i] : ' ';
        bool inword = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80 ||
                  (c >= 'A' && c <= 'Z');
        if (inword) {
            if (len < sizeof word)
                word[len++] = (char)((c >= 'A' && c <= 'Z') ? c | 0x20 : c);
        } else if (len) {
            w[nw++] = XXH3_64bits(word, len);
            len = 0;
        }
    }
    size_t ns = nw >= (size_t)k ? nw - k + 1 : 0;
    uint64_t *sh = malloc((ns ? ns : 1) * sizeof *sh);
    for (size_t i = 0; i < ns; i++)
        sh[i] = XXH3_64bits(&w[i], k * sizeof *w);
    qsort(sh, ns, sizeof *sh, cmp_u64);
    size_t m = 0;
    for (size_t i = 0; i < ns; i++)
        if (!m || sh[i] != sh[m - 1])
            sh[m++] = sh[i];
    free(w);
    *out = sh;
    return m;
}

static double set_jaccard(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
    size_t in = tdp_set_intersection(a, na, b, nb), un = na + nb - in;
    return un ? (double)in / un : 0;
}

static void bench_params(void)
{
    printf("\n## params: shingle size\n");
    const char *dd = data_dir();
    char dir[1200];
    if (dd)
        snprintf(dir, sizeof dir, "%s/ecbplus", dd);
    td_reader *r = td_reader_new(NULL);
    td_article **arts = NULL;
    size_t n = 0, cap = 0;
    if (dd && td_reader_add(r, dir) == TD_OK) {
        td_article *a;
        td_status st;
        while ((st = td_reader_next(r, &a)) != TD_END) {
            if (st)
                continue;
            if (n == cap) {
                cap = cap ? cap * 2 : 256;
                arts = realloc(arts, cap * sizeof *arts);
            }
            arts[n++] = a;
        }
    }
    td_reader_free(r);
    if (n)
        printf("ECB+: %zu articles; pairs of one topic (the same kind of event, often "
               "the same event) by Jaccard:\n", n);
    else
        printf("ECB+ absent: real same-topic pairs skipped\n");
    printf("%-3s %9s %9s %9s %9s %9s | generated copies with m word edits (mean J): "
           "m=5 m=10 m=20 m=40\n", "k", "[.1,.3)", "[.3,.5)", "[.5,.7)", "[.7,.9)", ">=.9");
    gen_article *g = malloc(sizeof *g);
    char *buf = malloc(TEXT_CAP);
    for (int k = 2; k <= 6; k++) {
        size_t bins[5] = {0};
        if (n) {
            uint64_t **sets = malloc(n * sizeof *sets);
            size_t *ns = malloc(n * sizeof *ns);
            long *topic = malloc(n * sizeof *topic);
            for (size_t i = 0; i < n; i++) {
                const char *t = td_article_text(arts[i]);
                ns[i] = kshingles(t ? t : "", t ? strlen(t) : 0, k, &sets[i]);
                /* "ecbplus/12ecb/...": the topic number after the folder's name */
                const char *id = td_article_id(arts[i]);
                const char *t1 = id ? strchr(id, '/') : NULL;
                topic[i] = t1 ? strtol(t1 + 1, NULL, 10) : -1;
            }
            for (size_t i = 0; i < n; i++)
                for (size_t j = i + 1; j < n; j++) {
                    if (topic[i] != topic[j])
                        continue;
                    double jac = set_jaccard(sets[i], ns[i], sets[j], ns[j]);
                    if (jac >= 0.9) bins[4]++;
                    else if (jac >= 0.7) bins[3]++;
                    else if (jac >= 0.5) bins[2]++;
                    else if (jac >= 0.3) bins[1]++;
                    else if (jac >= 0.1) bins[0]++;
                }
            for (size_t i = 0; i < n; i++)
                free(sets[i]);
            free(sets);
            free(ns);
            free(topic);
        }
        printf("%-3d %9zu %9zu %9zu %9zu %9zu |", k, bins[0], bins[1], bins[2], bins[3],
               bins[4]);
        static const int ms[4] = {5, 10, 20, 40};
        for (int q = 0; q < 4; q++) {
            double sum = 0;
            const int reps = 200;
            for (int rep = 0; rep < reps; rep++) {
                uint32_t st[GEN_MAX_PARAS + 2], ln[GEN_MAX_PARAS + 2], np;
                gen_original(g, &g_vocab, 77, (uint64_t)rep);
                size_t la = gen_render(g, &g_vocab, buf, TEXT_CAP, st, ln, &np);
                uint64_t *sa, *sb;
                size_t na = kshingles(buf, la, k, &sa);
                gen_rng rr = {(uint64_t)rep * 7 + 1};
                for (int e = 0; e < ms[q]; e++)
                    g->words[gen_below(&rr, gen_article_words(g))] =
                        gen_word(&g_vocab, &rr) |
                        (g->words[0] & 0);   /* substitutions only: a clean model */
                size_t lb = gen_render(g, &g_vocab, buf, TEXT_CAP, st, ln, &np);
                size_t nb = kshingles(buf, lb, k, &sb);
                sum += set_jaccard(sa, na, sb, nb);
                free(sa);
                free(sb);
            }
            printf(" %.3f", sum / reps);
        }
        printf("\n");
    }
    for (size_t i = 0; i < n; i++)
        td_article_free(arts[i]);
    free(arts);
    free(g);
    free(buf);
}

static size_t parse_size(const char *s)
{
    char *end;
    double v = strtod(s, &end);
    if (end == s || v < 0) {
        fprintf(stderr, "bench_dedup: bad number '%s'\n", s);
        exit(2);
    }
    return (size_t)v;
}

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--size") && v) {
            opt.size = parse_size(v);
            i++;
        } else if (!strcmp(a, "--accuracy") && v) {
            opt.accuracy = parse_size(v);
            i++;
        } else if (!strcmp(a, "--threads") && v) {
            opt.threads = (int)parse_size(v);
            i++;
        } else if (!strcmp(a, "--seed") && v) {
            opt.seed = parse_size(v);
            i++;
        } else if (!strcmp(a, "--copies") && v) {
            opt.copy_pct = (int)parse_size(v);
            i++;
        } else if (!strcmp(a, "--vocab") && v) {
            opt.vocab = v;
            i++;
        } else if (!strcmp(a, "--data") && v) {
            snprintf(opt.data, sizeof opt.data, "%s", v);
            i++;
        } else if (!strcmp(a, "--params")) {
            opt.params = 1;
        } else {
            fprintf(stderr, "usage: bench_dedup [--size N] [--threads T] [--accuracy N] "
                            "[--params] [--seed S] [--copies PCT] [--vocab builtin|polnear] "
                            "[--data DIR]\n");
            return 2;
        }
    }
    printf("# bench_dedup: K=%d bins, %d-word shingles, seed %" PRIu64 "\n", TDP_DEDUP_K,
           TDP_DEDUP_SHINGLE, opt.seed);
    load_vocab();
    bench_hash_and_signatures();
    if (opt.size)
        bench_scale(opt.size);
    if (opt.accuracy)
        bench_accuracy(opt.accuracy);
    if (opt.params)
        bench_params();
    gen_vocab_free(&g_vocab);
    return 0;
}

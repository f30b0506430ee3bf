/*
 * bench_cluster.c - story clustering: quality on ECB+ and speed on a generated
 * stream.
 *
 *   bench_cluster                      both, with the defaults
 *   bench_cluster --quality [--data DIR] [--sweep] [--shuffle SEED] [--set k=v]...
 *   bench_cluster --stream [--size N] [--days D] [--seed S] [--set k=v]...
 *
 * Quality: every .json article under DIR (default ../shared/data/ecbplus beside the
 * source tree) is read, cleaned, analysed and clustered as one corpus; the folder
 * it sits in (NNecb, NNecbplus) is its event, NN its topic. BCubed precision,
 * recall and F1 against events and against topics, on all topics and on each half
 * (even topics, odd topics) clustered on its own - settings are chosen on the even
 * half and checked on the odd one. --sweep prints F1 over a range of thresholds.
 * Skips (exit 0) when the folder is absent.
 *
 * Speed: a seeded stream of N articles (default 1,000,000) over D days (30) with
 * synthetic term vectors - Zipf background words plus the terms of their storyline
 * (names, numbers), about one storyline per ten articles - fed through the
 * feature-level entry point in date order. Prints articles/s (wall time and the
 * process's CPU time, clustering only: articles are generated in blocks outside
 * the timed part), live stories, peak RSS, BCubed against the generated
 * storylines and a hash of the assignment - the hash must not move when only
 * speed or memory is changed.
 */
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

#include "cluster/cluster_p.h"
#include "tidings/clean.h"

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* CPU time of the process: the machine is shared, wall time says more about the
 * neighbours than about the code. */
static double cpu_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static long peak_rss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

static bool g_pairs;   /* --pairs: separability and the batch reference */
static bool g_dump;    /* --dump: per article and per event detail */

/* ---- BCubed ---- */

typedef struct bc {
    double p, r, f;
} bc;

/* Items i with use[i]: cluster c[i], gold g[i]. O(n^2), fine for a thousand. */
static bc bcubed(const uint32_t *c, const uint32_t *g, size_t n)
{
    double sp = 0, sr = 0;
    for (size_t i = 0; i < n; i++) {
        size_t same_c = 0, same_g = 0, both = 0;
        for (size_t j = 0; j < n; j++) {
            bool a = c[j] == c[i], b = g[j] == g[i];
            same_c += a;
            same_g += b;
            both += a && b;
        }
        sp += (double)both / (double)same_c;
        sr += (double)both / (double)same_g;
    }
    bc r = {n ? sp / n : 0, n ? sr / n : 0, 0};
    r.f = r.p + r.r > 0 ? 2 * r.p * r.r / (r.p + r.r) : 0;
    return r;
}

/* BCubed for large n via sorting-free counting: clusters and gold ids are dense. */
static bc bcubed_big(const uint32_t *c, const uint32_t *g, size_t n, size_t nc, size_t ng)
{
    /* count pairs (c, g) with a hash map keyed by c * ng + g */
    size_t cap = 1;
    while (cap < n * 2)
        cap <<= 1;
    uint64_t *key = calloc(cap, sizeof *key);
    uint32_t *cnt = calloc(cap, sizeof *cnt);
    uint32_t *csz = calloc(nc + 1, sizeof *csz);
    uint32_t *gsz = calloc(ng + 1, sizeof *gsz);
    bc r = {0, 0, 0};
    if (!key || !cnt || !csz || !gsz)
        goto done;
    for (size_t i = 0; i < n; i++) {
        csz[c[i]]++;
        gsz[g[i]]++;
        uint64_t k = (uint64_t)c[i] * (ng + 1) + g[i] + 1;
        size_t j = (size_t)(k * 0x9E3779B97F4A7C15ull >> 20) & (cap - 1);
        while (key[j] && key[j] != k)
            j = (j + 1) & (cap - 1);
        key[j] = k;
        cnt[j]++;
    }
    double sp = 0, sr = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t k = (uint64_t)c[i] * (ng + 1) + g[i] + 1;
        size_t j = (size_t)(k * 0x9E3779B97F4A7C15ull >> 20) & (cap - 1);
        while (key[j] != k)
            j = (j + 1) & (cap - 1);
        sp += (double)cnt[j] / csz[c[i]];
        sr += (double)cnt[j] / gsz[g[i]];
    }
    r.p = sp / n;
    r.r = sr / n;
    r.f = r.p + r.r > 0 ? 2 * r.p * r.r / (r.p + r.r) : 0;
done:
    free(key);
    free(cnt);
    free(csz);
    free(gsz);
    return r;
}

/* ---- settings from the command line ---- */

static int set_param(tdp_cluster_params *p, const char *kv)
{
    const char *eq = strchr(kv, '=');
    if (!eq)
        return -1;
    size_t kl = (size_t)(eq - kv);
    char *end;
    double v = strtod(eq + 1, &end);
    if (*end)
        return -1;
#define K(name) (kl == strlen(name) && memcmp(kv, name, kl) == 0)
    if (K("threshold")) p->threshold = v;
    else if (K("word")) p->boost[TDP_CT_WORD] = v;
    else if (K("name")) p->boost[TDP_CT_NAME] = v;
    else if (K("number")) p->boost[TDP_CT_NUMBER] = v;
    else if (K("date")) p->boost[TDP_CT_DATE] = v;
    else if (K("window")) p->window_days = (int)v;
    else if (K("grace")) p->grace_days = v;
    else if (K("tau")) p->tau_days = v;
    else if (K("doc")) p->doc_terms = (int)v;
    else if (K("cent")) p->cent_terms = (int)v;
    else if (K("index")) p->index_terms = (int)v;
    else if (K("query")) p->query_terms = (int)v;
    else if (K("cand")) p->candidates = (int)v;
    else if (K("postings")) p->max_postings = (uint32_t)v;
    else if (K("own")) p->own_terms = v != 0;
    else if (K("link")) p->link = v;
    else if (K("merge")) p->merge = v;
    else if (K("rel")) p->rel = v;
    else if (K("settle")) p->settle = (int)v;
    else if (K("mindocs")) p->min_docs = v;
    else if (K("mclock")) p->mention_clock = v != 0;
    else return -1;
#undef K
    return 0;
}

/* ---- quality on ECB+ ---- */

typedef struct labelled {
    td_article **arts;
    uint32_t *event, *topic;
    size_t n, cap;
} labelled;

static int find_data(const char *given, char *out, size_t n)
{
    struct stat sb;
    if (given) {
        snprintf(out, n, "%s", given);
        return stat(out, &sb) == 0 ? 0 : -1;
    }
    const char *src = getenv("TD_SOURCE_DIR");
    const char *cands[] = {"../shared/data/ecbplus", "../../shared/data/ecbplus",
                           "../../../shared/data/ecbplus"};
    if (src) {
        snprintf(out, n, "%s/../shared/data/ecbplus", src);
        if (stat(out, &sb) == 0)
            return 0;
    }
    for (size_t i = 0; i < sizeof cands / sizeof *cands; i++) {
        snprintf(out, n, "%s", cands[i]);
        if (stat(out, &sb) == 0)
            return 0;
    }
    return -1;
}

/* "…/12ecbplus/12_3ecbplus.json" -> topic 12, event 12*2+1 */
static int labels_of(const char *path, uint32_t *event, uint32_t *topic)
{
    const char *slash = strrchr(path, '/');
    if (!slash || slash == path)
        return -1;
    const char *dir = slash - 1;
    while (dir > path && dir[-1] != '/')
        dir--;
    char *end;
    long t = strtol(dir, &end, 10);
    if (end == dir || t < 0)
        return -1;
    bool plus = strncmp(end, "ecbplus", 7) == 0;
    if (!plus && strncmp(end, "ecb", 3) != 0)
        return -1;
    *topic = (uint32_t)t;
    *event = (uint32_t)(t * 2 + (plus ? 1 : 0));
    return 0;
}

typedef struct jfields {
    tdp_buf title, text, date;
} jfields;

static int on_member(void *ctx, const char *key, size_t klen, tdp_json_type type,
                     const char *val, size_t vlen)
{
    jfields *j = ctx;
    if (type != TDP_JSON_STRING)
        return 0;
    if (klen == 5 && memcmp(key, "title", 5) == 0)
        tdp_buf_put(&j->title, val, vlen);
    else if (klen == 4 && memcmp(key, "text", 4) == 0)
        tdp_buf_put(&j->text, val, vlen);
    else if (klen == 12 && memcmp(key, "date_publish", 12) == 0)
        tdp_buf_put(&j->date, val, vlen);
    return 0;
}

/* One news-please file as an article; a file whose text is empty is its title, given
 * as the text alone (as both, the cleaner would drop the text as a repeated title). */
static td_article *read_one(const char *path)
{
    size_t len;
    char *raw = tdp_read_file(path, &len);
    if (!raw)
        return NULL;
    jfields j = {TDP_BUF_INIT, TDP_BUF_INIT, TDP_BUF_INIT};
    char why[128];
    td_article *a = NULL;
    if (tdp_json_object(raw, len, on_member, &j, why, sizeof why) == TD_OK) {
        a = td_article_new();
        const tdp_buf *body = j.text.len ? &j.text : &j.title;
        if (a && (!body->len || td_article_set(a, TD_FIELD_TEXT, body->data, body->len) ||
                  (j.text.len && j.title.len &&
                   td_article_set(a, TD_FIELD_TITLE, j.title.data, j.title.len)) ||
                  td_article_set(a, TD_FIELD_ID, path, strlen(path)))) {
            td_article_free(a);
            a = NULL;
        }
        /* as the JSON reader does: ISO dates, else the text for cleaning to read */
        if (a && j.date.len && tdp_article_set_date(a, j.date.data, j.date.len)) {
            td_article_free(a);
            a = NULL;
        }
    }
    tdp_free(raw);
    tdp_buf_free(&j.title);
    tdp_buf_free(&j.text);
    tdp_buf_free(&j.date);
    return a;
}

static int cmp_cstr(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every DIR/<event folder>/<file>.json, in name order. */
static int load_ecb(const char *dir, labelled *L)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    char **paths = NULL;
    size_t np = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char sub[8192];
        if ((size_t)snprintf(sub, sizeof sub, "%s/%s", dir, e->d_name) >= sizeof sub)
            continue;
        DIR *d2 = opendir(sub);
        if (!d2)
            continue;
        struct dirent *f;
        while ((f = readdir(d2)) != NULL) {
            size_t fl = strlen(f->d_name);
            if (fl < 6 || strcmp(f->d_name + fl - 5, ".json") != 0)
                continue;
            if (np == cap) {
                cap = cap ? cap * 2 : 1024;
                paths = realloc(paths, cap * sizeof *paths);
                if (!paths)
                    return -1;
            }
            size_t pl = strlen(sub) + fl + 2;
            paths[np] = malloc(pl);
            if (!paths[np])
                return -1;
            snprintf(paths[np], pl, "%s/%s", sub, f->d_name);
            np++;
        }
        closedir(d2);
    }
    closedir(d);
    qsort(paths, np, sizeof *paths, cmp_cstr);
    for (size_t i = 0; i < np; i++) {
        uint32_t ev, tp;
        td_article *a = labels_of(paths[i], &ev, &tp) ? NULL : read_one(paths[i]);
        if (!a || td_clean(a) || tdp_analyse(a)) {
            fprintf(stderr, "bench_cluster: skipped %s\n", paths[i]);
            td_article_free(a);
            free(paths[i]);
            continue;
        }
        free(paths[i]);
        if (L->n == L->cap) {
            L->cap = L->cap ? L->cap * 2 : 1024;
            L->arts = realloc(L->arts, L->cap * sizeof *L->arts);
            L->event = realloc(L->event, L->cap * sizeof *L->event);
            L->topic = realloc(L->topic, L->cap * sizeof *L->topic);
            if (!L->arts || !L->event || !L->topic)
                return -1;
        }
        L->arts[L->n] = a;
        L->event[L->n] = ev;
        L->topic[L->n] = tp;
        L->n++;
    }
    free(paths);
    return 0;
}

typedef struct scores {
    bc ev, tp;
    size_t n, stories;
} scores;

/* Clusters the articles whose topic parity is `half` (0 even, 1 odd, 2 all). */
static scores run_half(const labelled *L, int half, const tdp_cluster_params *p,
                       unsigned shuffle)
{
    scores s;
    memset(&s, 0, sizeof s);
    td_article **arts = malloc(L->n * sizeof *arts);
    uint32_t *ev = malloc(L->n * sizeof *ev), *tp = malloc(L->n * sizeof *tp);
    uint32_t *story = malloc(L->n * sizeof *story);
    tdp_copy *copies = malloc(L->n * sizeof *copies);
    if (!arts || !ev || !tp || !story || !copies)
        goto done;
    size_t n = 0;
    for (size_t i = 0; i < L->n; i++) {
        if (half != 2 && (int)(L->topic[i] % 2) != half)
            continue;
        arts[n] = L->arts[i];
        ev[n] = L->event[i];
        tp[n] = L->topic[i];
        copies[n].of = -1;
        copies[n].similarity = 0;
        copies[n].kind = TDP_COPY_NONE;
        n++;
    }
    if (shuffle) {
        /* another arrival order: undated articles are placed by arrival */
        uint64_t x = shuffle * 0x9E3779B97F4A7C15ull + 1;
        for (size_t i = n; i > 1; i--) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            size_t j = (size_t)(x % i);
            td_article *ta = arts[i - 1];
            arts[i - 1] = arts[j];
            arts[j] = ta;
            uint32_t t = ev[i - 1];
            ev[i - 1] = ev[j];
            ev[j] = t;
            t = tp[i - 1];
            tp[i - 1] = tp[j];
            tp[j] = t;
        }
    }
    size_t ns = 0;
    if (tdp_cluster_corpus_params(arts, n, copies, p, story, &ns) == TD_OK) {
        if (g_dump && half == 2)
            for (size_t i = 0; i < n; i++) {
                const char *t = td_article_title(arts[i]);
                printf("dump\t%u\t%u\t%u\t%d\t%.70s\n", tp[i], ev[i], story[i],
                       tdp_cluster_day(arts[i], TDP_NODAY), t ? t : "");
            }
        s.ev = bcubed(story, ev, n);
        s.tp = bcubed(story, tp, n);
        s.n = n;
        s.stories = ns;
    }
done:
    free(arts);
    free(ev);
    free(tp);
    free(story);
    free(copies);
    return s;
}

static int cmp_u64(const void *a, const void *b);

/*
 * Pairwise separability: TF-IDF cosine (corpus IDF, the clusterer's weights) of
 * every pair, and the AUC of same-event pairs against pairs of the other event of
 * the same topic - how well any threshold can tell two events of one kind apart.
 */
static void pairs(const labelled *L, const tdp_cluster_params *p)
{
    size_t n = L->n;
    tdp_cinfo *info = calloc(n, sizeof *info);
    float **w = calloc(n, sizeof *w);
    if (!info || !w)
        return;
    /* document frequencies by sorting all hashes */
    size_t tot = 0;
    for (size_t i = 0; i < n; i++) {
        if (tdp_cluster_info_ex(L->arts[i], &info[i], p->own_terms))
            return;
        tot += info[i].n;
    }
    uint64_t *all = malloc(tot * sizeof *all);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < info[i].n; j++)
            all[k++] = info[i].f[j].hash;
    qsort(all, tot, sizeof *all, cmp_u64);
    for (size_t i = 0; i < n; i++) {
        w[i] = malloc((info[i].n + 1) * sizeof **w);
        double norm = 0;
        for (size_t j = 0; j < info[i].n; j++) {
            const tdp_cfeat *f = &info[i].f[j];
            /* df by binary search */
            size_t lo = 0, hi = tot;
            while (lo < hi) {
                size_t mid = (lo + hi) / 2;
                if (all[mid] < f->hash)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            size_t df = 0;
            while (lo + df < tot && all[lo + df] == f->hash)
                df++;
            double x = (1 + log(f->count > 1 ? f->count : 1)) * p->boost[f->kind] *
                       (log((n + 1.0) / (df + 1.0)) + 1);
            w[i][j] = (float)x;
            norm += x * x;
        }
        norm = norm > 0 ? sqrt(norm) : 1;
        for (size_t j = 0; j < info[i].n; j++)
            w[i][j] = (float)(w[i][j] / norm);
    }
    /* same-event vs other-event-same-topic: AUC by counting, per topic */
    double wins = 0, cnt = 0, s_same = 0, s_oth = 0, s_x = 0;
    size_t n_same = 0, n_oth = 0, n_x = 0;
    float *same = malloc(n * n / 2 * sizeof *same), *oth = malloc(n * n / 2 * sizeof *oth);
    size_t n_ev = 0;
    for (size_t i = 0; i < n; i++)
        if (L->event[i] + 1 > n_ev)
            n_ev = L->event[i] + 1;
    double *ev_sum = g_dump ? calloc(n_ev * 3, sizeof *ev_sum) : NULL;
    size_t *ev_cnt = g_dump ? calloc(n_ev * 3, sizeof *ev_cnt) : NULL;
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++) {
            double d = 0;
            size_t a = 0, b = 0;
            while (a < info[i].n && b < info[j].n) {
                if (info[i].f[a].hash < info[j].f[b].hash)
                    a++;
                else if (info[i].f[a].hash > info[j].f[b].hash)
                    b++;
                else
                    d += (double)w[i][a++] * w[j][b++];
            }
            if (ev_sum) {
                size_t ei = L->event[i], ej = L->event[j];
                if (ei == ej) {
                    ev_sum[ei * 3] += d;
                    ev_cnt[ei * 3]++;
                } else if (L->topic[i] == L->topic[j]) {
                    ev_sum[ei * 3 + 1] += d;
                    ev_cnt[ei * 3 + 1]++;
                    ev_sum[ej * 3 + 1] += d;
                    ev_cnt[ej * 3 + 1]++;
                }
            }
            if (L->event[i] == L->event[j]) {
                same[n_same++] = (float)d;
                s_same += d;
            } else if (L->topic[i] == L->topic[j]) {
                oth[n_oth++] = (float)d;
                s_oth += d;
            } else {
                s_x += d;
                n_x++;
            }
        }
    for (size_t i = 0; i < n_same; i++)
        for (size_t j = 0; j < n_oth; j += 7) {
            wins += same[i] > oth[j] ? 1 : same[i] == oth[j] ? 0.5 : 0;
            cnt++;
        }
    /* the reference: batch average-link agglomerative clustering on these vectors */
    {
        float *sim = malloc(n * n * sizeof *sim);
        for (size_t i = 0; i < n; i++)
            for (size_t j = 0; j < n; j++) {
                double d = 0;
                size_t a = 0, b = 0;
                while (a < info[i].n && b < info[j].n) {
                    if (info[i].f[a].hash < info[j].f[b].hash)
                        a++;
                    else if (info[i].f[a].hash > info[j].f[b].hash)
                        b++;
                    else
                        d += (double)w[i][a++] * w[j][b++];
                }
                sim[i * n + j] = (float)d;
            }
        /* sim holds summed similarities between clusters; size per cluster */
        uint32_t *cl = malloc(n * sizeof *cl), *sz = malloc(n * sizeof *sz);
        bool *alive = malloc(n);
        for (size_t i = 0; i < n; i++) {
            cl[i] = (uint32_t)i;
            sz[i] = 1;
            alive[i] = true;
        }
        double ths[] = {0.14, 0.18, 0.20, 0.22, 0.24, 0.26, 0.28, 0.30, 0.34, 0.38};
        size_t ti = 0;
        for (;;) {
            double best = -1;
            size_t bi = 0, bj = 0;
            for (size_t i = 0; i < n; i++) {
                if (!alive[i])
                    continue;
                for (size_t j = i + 1; j < n; j++) {
                    if (!alive[j])
                        continue;
                    double v = sim[i * n + j] / ((double)sz[i] * sz[j]);
                    if (v > best) {
                        best = v;
                        bi = i;
                        bj = j;
                    }
                }
            }
            while (ti < sizeof ths / sizeof *ths && (best < ths[sizeof ths / sizeof *ths - 1 - ti])) {
                uint32_t *lab = malloc(n * sizeof *lab);
                for (size_t i = 0; i < n; i++) {
                    size_t r = i;
                    while (cl[r] != r)
                        r = cl[r];
                    lab[i] = (uint32_t)r;
                }
                bc e = bcubed(lab, L->event, n);
                printf("avg-link batch at %.2f: event P=%.3f R=%.3f F1=%.3f\n",
                       ths[sizeof ths / sizeof *ths - 1 - ti], e.p, e.r, e.f);
                free(lab);
                ti++;
            }
            if (best < 0 || ti >= sizeof ths / sizeof *ths)
                break;
            /* merge bj into bi */
            for (size_t x = 0; x < n; x++) {
                sim[bi * n + x] += sim[bj * n + x];
                sim[x * n + bi] = sim[bi * n + x];
            }
            sz[bi] += sz[bj];
            alive[bj] = false;
            cl[bj] = (uint32_t)bi;
        }
        free(sim);
        free(cl);
        free(sz);
        free(alive);
    }
    for (size_t e = 0; ev_sum && e < n_ev; e++)
        if (ev_cnt[e * 3])
            printf("event %zu%s: within %.3f other event %.3f\n", e / 2,
                   e % 2 ? "plus" : "", ev_sum[e * 3] / ev_cnt[e * 3],
                   ev_cnt[e * 3 + 1] ? ev_sum[e * 3 + 1] / ev_cnt[e * 3 + 1] : 0);
    free(ev_sum);
    free(ev_cnt);
    printf("pairs: mean cos same event %.3f, other event same topic %.3f, other topic %.3f;"
           " AUC same vs other event %.3f\n", s_same / n_same, s_oth / n_oth, s_x / n_x,
           wins / cnt);
    for (size_t i = 0; i < n; i++) {
        tdp_cluster_info_free(&info[i]);
        free(w[i]);
    }
    free(info);
    free(w);
    free(all);
    free(same);
    free(oth);
}

static void print_scores(const char *what, const scores *s)
{
    printf("%-6s n=%4zu stories=%4zu  event P=%.3f R=%.3f F1=%.3f  "
           "topic P=%.3f R=%.3f F1=%.3f\n",
           what, s->n, s->stories, s->ev.p, s->ev.r, s->ev.f, s->tp.p, s->tp.r, s->tp.f);
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static double g_from = 0.10, g_to = 0.50;

static int quality(const char *data, const tdp_cluster_params *p, bool sweep,
                   unsigned shuffle)
{
    char dir[4096];
    if (find_data(data, dir, sizeof dir)) {
        printf("quality: skipped (no ECB+ folder; give --data DIR)\n");
        return 0;
    }
    labelled L;
    memset(&L, 0, sizeof L);
    double t0 = now_s();
    if (load_ecb(dir, &L)) {
        fprintf(stderr, "bench_cluster: cannot read %s\n", dir);
        return 1;
    }
    double t1 = now_s();
    printf("quality: ECB+ %zu articles read, cleaned and analysed in %.2f s\n", L.n,
           t1 - t0);
    if (g_pairs) {
        pairs(&L, p);
    } else if (sweep) {
        printf("threshold  even(tune)  odd(held out)  all   (event-level BCubed F1)\n");
        for (double th = g_from; th < g_to + 0.005; th += 0.02) {
            tdp_cluster_params q = *p;
            q.threshold = th;
            scores e = run_half(&L, 0, &q, shuffle), o = run_half(&L, 1, &q, shuffle),
                   a = run_half(&L, 2, &q, shuffle);
            printf("  %.2f      %.3f       %.3f        %.3f\n", th, e.ev.f, o.ev.f,
                   a.ev.f);
        }
    } else {
        scores e = run_half(&L, 0, p, shuffle), o = run_half(&L, 1, p, shuffle),
               a = run_half(&L, 2, p, shuffle);
        printf("threshold %.2f%s\n", p->threshold, shuffle ? " (shuffled arrival)" : "");
        print_scores("even", &e);
        print_scores("odd", &o);
        print_scores("all", &a);
        printf("clustered all in %.3f s\n", now_s() - t1);
    }
    for (size_t i = 0; i < L.n; i++)
        td_article_free(L.arts[i]);
    free(L.arts);
    free(L.event);
    free(L.topic);
    return 0;
}

/* ---- speed on a generated stream ---- */

static uint64_t rng_state;
static inline uint64_t rnd(void)
{
    uint64_t x = rng_state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return rng_state = x;
}
static inline double rndu(void) { return (rnd() >> 11) * (1.0 / 9007199254740992.0); }

static uint64_t mix(uint64_t a, uint64_t b)
{
    uint64_t x = a * 0x9E3779B97F4A7C15ull ^ (b + 0x632BE59BD9B4E019ull);
    x ^= x >> 31;
    x *= 0xBF58476D1CE4E5B9ull;
    x ^= x >> 29;
    return x;
}

static int cmp_feat(const void *a, const void *b)
{
    uint64_t x = ((const tdp_cfeat *)a)->hash, y = ((const tdp_cfeat *)b)->hash;
    return x < y ? -1 : x > y;
}

/* One synthetic article of storyline s: background words and its storyline's terms. */
static size_t gen_article(uint64_t s, tdp_cfeat *f)
{
    size_t n = 0;
    const size_t vocab = 200000;
    int nb = 60 + (int)(rnd() % 80);        /* background tokens */
    for (int k = 0; k < nb; k++) {
        size_t rank = (size_t)exp(rndu() * log((double)vocab));   /* Zipf-like */
        f[n].hash = mix(1, rank);
        f[n].count = 1;
        f[n].kind = TDP_CT_WORD;
        n++;
    }
    int ns = 8 + (int)(rnd() % 10);         /* storyline tokens out of its 24 terms */
    for (int k = 0; k < ns; k++) {
        uint64_t j = rnd() % 24;
        f[n].hash = mix(s + 1000, j);
        f[n].count = 1 + (float)(rnd() % 3);
        f[n].kind = j < 8 ? TDP_CT_NAME : j < 11 ? TDP_CT_NUMBER : TDP_CT_WORD;
        n++;
    }
    qsort(f, n, sizeof *f, cmp_feat);
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (m && f[m - 1].hash == f[i].hash)
            f[m - 1].count += f[i].count;
        else
            f[m++] = f[i];
    }
    return m;
}

/* Articles are made in blocks of this many, then clustered: the clocks are read
 * per block, not per article. */
#define GEN_BLOCK 1024
#define GEN_MAXF 256

static int stream(size_t size, int days, uint64_t seed, const tdp_cluster_params *p)
{
    rng_state = seed * 0x9E3779B97F4A7C15ull + 7;
    tdp_clusterer *c = tdp_clusterer_new_params(p, 1);
    uint32_t *story = malloc(size * sizeof *story), *gold = malloc(size * sizeof *gold);
    /* storylines: each has a popularity; new ones appear at one per ten articles */
    size_t cap_lines = size / 5 + 16, n_lines = 0;
    uint32_t *line_start = malloc(cap_lines * sizeof *line_start);
    tdp_cfeat *f = malloc((size_t)GEN_BLOCK * GEN_MAXF * sizeof *f);
    size_t nf[GEN_BLOCK];
    uint32_t *parent = malloc((size + 2) * sizeof *parent);   /* story ids: 1..size */
    if (!c || !story || !gold || !line_start || !f || !parent) {
        fprintf(stderr, "bench_cluster: out of memory\n");
        return 1;
    }
    for (size_t i = 0; i < size + 2; i++)
        parent[i] = (uint32_t)i;
    int32_t day0 = tdp_days_from_civil(2026, 1, 1);
    uint64_t h = 1469598103934665603ull;
    double el = 0, gen = 0, cpu = 0;
    size_t max_live = 0;
    for (size_t b0 = 0; b0 < size; b0 += GEN_BLOCK) {
        size_t nb = size - b0 < GEN_BLOCK ? size - b0 : GEN_BLOCK;
        double g0 = now_s();
        for (size_t k = 0; k < nb; k++) {
            size_t i = b0 + k;
            uint64_t s;
            if (n_lines == 0 || (rnd() % 10 == 0 && n_lines < cap_lines)) {
                s = n_lines;
                line_start[n_lines++] = (uint32_t)i;
            } else {
                /* a recent storyline is likelier: pick among the last ones, skewed */
                double u = rndu();
                size_t back = (size_t)(u * u * u * (double)n_lines);
                s = n_lines - 1 - back;
            }
            nf[k] = gen_article(s, f + k * GEN_MAXF);
            gold[i] = (uint32_t)s;
        }
        double t0 = now_s(), c0 = cpu_s();
        gen += t0 - g0;
        for (size_t k = 0; k < nb; k++) {
            size_t i = b0 + k;
            int32_t day = day0 + (int32_t)((uint64_t)i * (uint64_t)days / size);
            uint64_t id;
            bool is_new;
            if (tdp_clusterer_add_features(c, f + k * GEN_MAXF, nf[k], day, &id, &is_new)) {
                fprintf(stderr, "bench_cluster: add failed\n");
                return 1;
            }
            story[i] = (uint32_t)id;
            h = (h ^ id) * 1099511628211ull;
            /* for BCubed: merged stories point at the one they joined, moved
             * articles take their new story (article numbers are i) */
            const tdp_cluster_merge *m;
            size_t nm = tdp_clusterer_merges(c, &m);
            for (size_t x = 0; x < nm; x++)
                parent[m[x].from] = (uint32_t)m[x].into;
            const tdp_cluster_move *mv;
            size_t nv = tdp_clusterer_moves(c, &mv);
            for (size_t x = 0; x < nv; x++)
                story[mv[x].seq] = (uint32_t)mv[x].into;
            size_t live = tdp_clusterer_live(c);
            if (live > max_live)
                max_live = live;
        }
        cpu += cpu_s() - c0;
        el += now_s() - t0;
    }
    size_t n_st = 0, max_id = 0;   /* stories after merges and moves; largest id */
    for (size_t i = 0; i < size; i++) {
        while (parent[story[i]] != story[i])
            story[i] = parent[story[i]];
        if (story[i] > max_id)
            max_id = story[i];
    }
    for (size_t i = 0; i < size + 2; i++)
        parent[i] = 0;                  /* now: seen */
    for (size_t i = 0; i < size; i++)
        if (!parent[story[i]]++)
            n_st++;
    bc q = bcubed_big(story, gold, size, max_id + 1, n_lines + 1);
    printf("stream: %zu articles over %d days, %zu storylines, seed %llu\n", size, days,
           n_lines, (unsigned long long)seed);
    printf("stream: %.0f articles/s (clustering only, %.2f s; generating took %.2f s)\n",
           size / el, el, gen);
    printf("stream: %.0f articles per CPU second (clustering only, %.2f s CPU)\n",
           cpu > 0 ? size / cpu : 0.0, cpu);
    printf("stream: stories %zu, live at end %zu, max live %zu, peak RSS %.1f MB\n", n_st,
           tdp_clusterer_live(c), max_live, peak_rss_kb() / 1024.0);
    printf("stream: BCubed vs storylines P=%.3f R=%.3f F1=%.3f  hash %016llx\n", q.p, q.r,
           q.f, (unsigned long long)h);
    tdp_clusterer_free(c);
    free(story);
    free(parent);
    free(gold);
    free(line_start);
    free(f);
    return 0;
}

int main(int argc, char **argv)
{
    tdp_cluster_params p;
    tdp_cluster_params_default(&p);
    bool do_q = false, do_s = false, sweep = false;
    const char *data = NULL;
    size_t size = 1000000;
    int days = 30;
    uint64_t seed = 1;
    unsigned shuffle = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--quality") == 0)
            do_q = true;
        else if (strcmp(a, "--pairs") == 0)
            do_q = g_pairs = true;
        else if (strcmp(a, "--dump") == 0)
            do_q = g_dump = true;
        else if (strcmp(a, "--from") == 0 && v)
            g_from = strtod(argv[++i], NULL);
        else if (strcmp(a, "--to") == 0 && v)
            g_to = strtod(argv[++i], NULL);
        else if (strcmp(a, "--stream") == 0)
            do_s = true;
        else if (strcmp(a, "--sweep") == 0)
            do_q = sweep = true;
        else if (strcmp(a, "--data") == 0 && v)
            data = argv[++i];
        else if (strcmp(a, "--size") == 0 && v)
            size = (size_t)strtoull(argv[++i], NULL, 10);
        else if (strcmp(a, "--days") == 0 && v)
            days = (int)strtol(argv[++i], NULL, 10);
        else if (strcmp(a, "--seed") == 0 && v)
            seed = strtoull(argv[++i], NULL, 10);
        else if (strcmp(a, "--shuffle") == 0 && v)
            shuffle = (unsigned)strtoul(argv[++i], NULL, 10);
        else if (strcmp(a, "--set") == 0 && v) {
            if (set_param(&p, argv[++i])) {
                fprintf(stderr, "bench_cluster: bad setting %s\n", argv[i]);
                return 2;
            }
        } else {
            fprintf(stderr,
                    "usage: bench_cluster [--quality] [--stream] [--sweep] [--data DIR]\n"
                    "       [--size N] [--days D] [--seed S] [--shuffle SEED] [--set k=v]\n");
            return 2;
        }
    }
    if (!do_q && !do_s)
        do_q = do_s = true;
    if (size < 1)
        size = 1;
    if (days < 1)
        days = 1;
    int rc = 0;
    if (do_q)
        rc |= quality(data, &p, sweep, shuffle);
    if (do_s)
        rc |= stream(size, days, seed, &p);
    return rc;
}

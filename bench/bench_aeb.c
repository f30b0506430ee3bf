/*
 * bench_aeb.c - article extraction quality and speed on the article-extraction
 * benchmark (../shared/data/aeb: html/<id>.html.gz, ground-truth.json,
 * peers/<extractor>.json).
 *
 * Scoring follows the benchmark's own evaluation: tokens are runs of \w
 * characters (Unicode letters, numbers and '_', case kept); a text is the multiset
 * of its 4-token shingles (a text of fewer than 4 tokens is one shingle); per page
 * TP = shared shingles, FP = predicted only, FN = true only, normalised to sum to
 * one; per-page precision and recall (1, 1 when FP = FN = 0; 0, 0 when TP = 0)
 * are averaged over pages and F1 is taken from the two averages.
 *
 *   bench_aeb [--peers] [--runs N] [--dump FILE] [--worst K] [--floor F]
 *             [--clean-floor F] [SET_DIR...]
 *
 * Each SET_DIR is laid out as AEB is; without one, the three dev sets beside the
 * checkout (aeb, extract-more/readability, extract-more/cleanportaleval). Per set,
 * scores tidings twice: the extracted text (what the HTML stage hands on) and the
 * text after cleaning (the paragraphs `tidings clean` prints), with the pages at
 * F1 = 0, below 0.5 and empty; beside them peers/trafilatura.json scored with the
 * same code (--peers: every peers/<name>.json, to check the scorer against the
 * published figures). Floors apply to each set. Timing: --runs passes over all pages end to end (read,
 * gunzip, decode, parse, extract, clean); the median is printed with a hash of
 * the output so that two builds can be compared.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#ifdef TD_HAVE_GUMBO
#include <gumbo.h>
#endif
#include <utf8proc.h>
#include <zlib.h>

#include "article/article_p.h"
#include "html/dom.h"
#include "tidings/clean.h"
#include "tidings/reader.h"

typedef struct page {
    char *id;
    char *truth;
    char *ext;       /* extracted text */
    char *clean;     /* cleaned paragraphs */
} page;

typedef struct raw {
    char *name;
    char *data;
    size_t len;
} raw;

static raw *g_raw;
static size_t g_nraw, g_capraw;

static page *g_pages;
static size_t g_n, g_cap;

static page *find_page(const char *id, size_t n)
{
    for (size_t i = 0; i < g_n; i++)
        if (strlen(g_pages[i].id) == n && memcmp(g_pages[i].id, id, n) == 0)
            return &g_pages[i];
    return NULL;
}

/* ---- JSON {id: {articleBody: ...}} ---- */

typedef struct body_ctx {
    char *body;
} body_ctx;

static int body_member(void *vctx, const char *k, size_t kl, tdp_json_type t,
                       const char *v, size_t vl)
{
    body_ctx *c = vctx;
    if (t == TDP_JSON_STRING && kl == 11 && memcmp(k, "articleBody", 11) == 0)
        c->body = tdp_strndup(v, vl);
    return 0;
}

typedef struct top_ctx {
    int which;       /* 0: ground truth (adds pages), 1: peer into scratch */
    char **peer;     /* per page, for which == 1 */
} top_ctx;

static int top_member(void *vctx, const char *k, size_t kl, tdp_json_type t,
                      const char *v, size_t vl)
{
    top_ctx *c = vctx;
    if (t != TDP_JSON_OBJECT)
        return 0;
    if (kl == 6 && memcmp(k, "output", 6) == 0) { /* {"output": {id: {...}}} */
        char why[128];
        tdp_json_object(v, vl, top_member, c, why, sizeof why);
        return 0;
    }
    body_ctx b = {NULL};
    char why[128];
    if (tdp_json_object(v, vl, body_member, &b, why, sizeof why) != TD_OK)
        return 0;
    if (c->which == 0) {
        if (TDP_GROW(g_pages, g_cap, g_n + 1))
            return 1;
        page *p = &g_pages[g_n++];
        memset(p, 0, sizeof *p);
        p->id = tdp_strndup(k, kl);
        p->truth = b.body ? b.body : tdp_strdup("");
    } else {
        page *p = find_page(k, kl);
        if (p)
            c->peer[p - g_pages] = b.body;
        else
            tdp_free(b.body);
    }
    return 0;
}

static int load_json(const char *path, top_ctx *c)
{
    size_t len;
    char *s = tdp_read_file(path, &len);
    if (!s)
        return -1;
    char why[128];
    td_status st = tdp_json_object(s, len, top_member, c, why, sizeof why);
    tdp_free(s);
    if (st) {
        fprintf(stderr, "bench_aeb: %s: %s\n", path, why);
        return -1;
    }
    return 0;
}

/* ---- the metric ---- */

static bool word_cp(int32_t cp)
{
    if (cp == '_')
        return true;
    if (cp < 128)
        return (cp >= '0' && cp <= '9') || ((cp | 32) >= 'a' && (cp | 32) <= 'z');
    utf8proc_category_t c = utf8proc_category(cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
           (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
}

/* Token hashes of s. */
static uint64_t *tokens(const char *s, size_t *nt)
{
    size_t n = strlen(s), cap = 0, cnt = 0;
    uint64_t *t = NULL;
    size_t i = 0;
    while (i < n) {
        size_t adv;
        int32_t cp = tdp_utf8_decode(s + i, n - i, &adv);
        if (!word_cp(cp)) {
            i += adv;
            continue;
        }
        uint64_t h = 1469598103934665603ull;
        while (i < n) {
            cp = tdp_utf8_decode(s + i, n - i, &adv);
            if (!word_cp(cp))
                break;
            for (size_t k = 0; k < adv; k++)
                h = (h ^ (unsigned char)s[i + k]) * 1099511628211ull;
            i += adv;
        }
        if (TDP_GROW(t, cap, cnt + 1))
            break;
        t[cnt++] = h;
    }
    *nt = cnt;
    return t;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static uint64_t *shingles(const char *s, size_t *ns)
{
    size_t nt;
    uint64_t *t = tokens(s, &nt);
    if (!nt) {
        tdp_free(t);
        *ns = 0;
        return NULL;
    }
    size_t cnt = nt >= 4 ? nt - 3 : 1;
    uint64_t *sh = tdp_malloc(cnt * sizeof *sh);
    for (size_t i = 0; sh && i < cnt; i++) {
        uint64_t h = 0x9E3779B97F4A7C15ull;
        for (size_t k = i; k < i + 4 && k < nt; k++)
            h = (h ^ t[k]) * 0xff51afd7ed558ccdull + k - i;
        sh[i] = h;
    }
    tdp_free(t);
    if (!sh) {
        *ns = 0;
        return NULL;
    }
    qsort(sh, cnt, sizeof *sh, cmp_u64);
    *ns = cnt;
    return sh;
}

typedef struct prf {
    double tp, fp, fn;
} prf;

static prf match(const char *truth, const char *pred)
{
    size_t na, nb;
    uint64_t *a = shingles(truth ? truth : "", &na);
    uint64_t *b = shingles(pred ? pred : "", &nb);
    double tp = 0, fp = 0, fn = 0;
    size_t i = 0, j = 0;
    while (i < na || j < nb) {
        if (j == nb || (i < na && a[i] < b[j])) {
            fn++;
            i++;
        } else if (i == na || b[j] < a[i]) {
            fp++;
            j++;
        } else {
            tp++;
            i++;
            j++;
        }
    }
    tdp_free(a);
    tdp_free(b);
    double s = tp + fp + fn;
    prf r = {tp, fp, fn};
    if (s > 0) {
        r.tp /= s;
        r.fp /= s;
        r.fn /= s;
    }
    return r;
}

static void pr(prf x, double *p, double *r)
{
    if (x.fp == 0 && x.fn == 0) {
        *p = *r = 1;
    } else if (x.tp == 0) {
        *p = *r = 0;
    } else {
        *p = x.tp / (x.tp + x.fp);
        *r = x.tp / (x.tp + x.fn);
    }
}

typedef struct score {
    double p, r, f1;
} score;

static score evaluate(char **pred, double *per_page_f1)
{
    double sp = 0, sr = 0;
    for (size_t i = 0; i < g_n; i++) {
        double p, r;
        pr(match(g_pages[i].truth, pred[i]), &p, &r);
        sp += p;
        sr += r;
        if (per_page_f1)
            per_page_f1[i] = p + r > 0 ? 2 * p * r / (p + r) : 0;
    }
    score s = {sp / (double)g_n, sr / (double)g_n, 0};
    s.f1 = s.p + s.r > 0 ? 2 * s.p * s.r / (s.p + s.r) : 0;
    return s;
}

/* ---- running tidings ---- */

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts); /* CPU time: one core */
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static uint64_t fnv(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

/* One pass over the pages; keep != 0 stores the texts. Returns seconds. */
static double run(const char *dir, bool keep, uint64_t *hash, size_t *ok, size_t *bytes)
{
    td_reader *r = td_reader_new(NULL);
    char path[4096];
    snprintf(path, sizeof path, "%s/html", dir);
    if (!r || td_reader_add(r, path) != TD_OK) {
        td_reader_free(r);
        return -1;
    }
    double t0 = now();
    uint64_t h = 1469598103934665603ull;
    size_t good = 0, nbytes = 0;
    for (;;) {
        td_article *a;
        td_status st = td_reader_next(r, &a);
        if (st == TD_END)
            break;
        if (st) {
            if (keep)
                fprintf(stderr, "bench_aeb: %s\n", td_reader_error(r));
            continue;
        }
        nbytes += a->html_len;
        st = td_clean(a);
        /* the id is "html/NAME": the folder keeps its name (docs/reader.md) */
        const char *key = strrchr(a->id, '/');
        key = key ? key + 1 : a->id;
        page *p = find_page(key, strlen(key));
        if (st && keep)
            fprintf(stderr, "bench_aeb: %s: %s\n", a->id, td_strerror(st));
        if (!st)
            good++;
        if (!st && a->text) /* a sum: independent of the order of pages */
            h += fnv(1469598103934665603ull, a->text, a->text_len);
        if (keep && p) {
            p->ext = tdp_strdup(a->text ? a->text : "");
            tdp_buf c = TDP_BUF_INIT;
            for (size_t i = 0; i < a->n_paras; i++) {
                if (i)
                    tdp_buf_puts(&c, "\n\n");
                tdp_buf_put(&c, a->paras[i].text, a->paras[i].len);
            }
            p->clean = c.data ? c.data : tdp_strdup("");
        }
        td_article_free(a);
    }
    double t = now() - t0;
    td_reader_free(r);
    *hash = h;
    *ok = good;
    *bytes = nbytes;
    return t;
}

/* Loads every page decompressed into memory (for the in-memory timing). */
static void load_raw(const char *dir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/html", dir);
    DIR *dd = opendir(path);
    struct dirent *e;
    while (dd && (e = readdir(dd))) {
        if (e->d_name[0] == '.')
            continue;
        char fp[8300];
        int w = snprintf(fp, sizeof fp, "%s/%s", path, e->d_name);
        gzFile gz = w > 0 && (size_t)w < sizeof fp ? gzopen(fp, "rb") : NULL;
        if (!gz)
            continue;
        tdp_buf b = TDP_BUF_INIT;
        char chunk[65536];
        int got;
        while ((got = gzread(gz, chunk, sizeof chunk)) > 0)
            tdp_buf_put(&b, chunk, (size_t)got);
        gzclose(gz);
        if (TDP_GROW(g_raw, g_capraw, g_nraw + 1))
            break;
        raw *r = &g_raw[g_nraw++];
        size_t l = strlen(e->d_name);
        if (l > 3 && strcmp(e->d_name + l - 3, ".gz") == 0)
            l -= 3;
        r->name = tdp_strndup(e->d_name, l);
        r->data = tdp_buf_detach(&b, &r->len);
    }
    if (dd)
        closedir(dd);
}

/* One pass over the pages held in memory: read (from the buffer), decode, parse,
 * extract, clean. */
static double run_mem(uint64_t *hash, size_t *bytes)
{
    double t0 = now();
    uint64_t h = 1469598103934665603ull;
    size_t nbytes = 0;
    for (size_t i = 0; i < g_nraw; i++) {
        td_reader *r = td_reader_new(NULL);
        if (!r || td_reader_add_buffer(r, g_raw[i].name, g_raw[i].data, g_raw[i].len)) {
            td_reader_free(r);
            continue;
        }
        td_article *a;
        while (td_reader_next(r, &a) == TD_OK) {
            nbytes += a->html_len;
            if (td_clean(a) == TD_OK && a->text)
                h += fnv(1469598103934665603ull, a->text, a->text_len);
            td_article_free(a);
        }
        td_reader_free(r);
    }
    *hash = h;
    *bytes = nbytes;
    return now() - t0;
}

#ifdef TD_HAVE_GUMBO
/* Parsing alone with gumbo (tree built, then freed), for comparison. */
static double run_gumbo(void)
{
    double t0 = now();
    for (size_t i = 0; i < g_nraw; i++) {
        GumboOutput *o = gumbo_parse_with_options(&kGumboDefaultOptions, g_raw[i].data,
                                                  g_raw[i].len);
        gumbo_destroy_output(&kGumboDefaultOptions, o);
    }
    return now() - t0;
}
#endif

/* Parsing alone with the tidings tokenizer and tree builder. */
static double run_parse(void)
{
    double t0 = now();
    tdp_hdoc d;
    memset(&d, 0, sizeof d);
    for (size_t i = 0; i < g_nraw; i++)
        if (tdp_hdoc_parse(&d, g_raw[i].data, g_raw[i].len) != TD_OK)
            break;
    tdp_hdoc_free(&d);
    return now() - t0;
}

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Scores of one extractor on one set: means of per-page precision and recall, F1
 * of the two means, pages at F1 = 0, pages below 0.5, pages with no text. */
typedef struct tally {
    score s;
    size_t zero, low, empty;
} tally;

static tally tally_of(char **pred, double *f1)
{
    tally t;
    memset(&t, 0, sizeof t);
    t.s = evaluate(pred, f1);
    for (size_t i = 0; i < g_n; i++) {
        double p, r;
        pr(match(g_pages[i].truth, pred[i]), &p, &r);
        double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
        t.zero += f == 0;
        t.low += f < 0.5;
        t.empty += !pred[i] || !pred[i][0];
    }
    return t;
}

static void print_tally(const char *who, tally t)
{
    printf("  %-22s P %.3f  R %.3f  F1 %.3f   F1=0 %3zu  <0.5 %3zu  empty %3zu\n", who,
           t.s.p, t.s.r, t.s.f1, t.zero, t.low, t.empty);
}

static void free_pages(void)
{
    for (size_t i = 0; i < g_n; i++) {
        tdp_free(g_pages[i].id);
        tdp_free(g_pages[i].truth);
        tdp_free(g_pages[i].ext);
        tdp_free(g_pages[i].clean);
    }
    for (size_t i = 0; i < g_nraw; i++) {
        tdp_free(g_raw[i].name);
        tdp_free(g_raw[i].data);
    }
    tdp_free(g_pages);
    tdp_free(g_raw);
    g_pages = NULL;
    g_raw = NULL;
    g_n = g_cap = g_nraw = g_capraw = 0;
}

/* Scores one peers/NAME.json; false when the file is missing or unreadable. */
static bool peer_tally(const char *path, tally *out)
{
    char **pred = tdp_calloc(g_n ? g_n : 1, sizeof *pred);
    top_ctx pc = {1, pred};
    bool ok = pred && load_json(path, &pc) == 0;
    if (ok)
        *out = tally_of(pred, NULL);
    for (size_t i = 0; pred && i < g_n; i++)
        tdp_free(pred[i]);
    tdp_free(pred);
    return ok;
}

typedef struct opts {
    bool peers, gumbo;
    int runs, worst;
    double floor_f1, floor_clean;
    const char *dump;
} opts;

typedef struct totals {
    size_t sets, pages;
    double f1_sum;          /* per set, for the equal-weight mean */
    double f1_pages;        /* per page-weighted */
    double secs;            /* median end-to-end seconds, summed over sets */
} totals;

static const char *set_name(const char *dir)
{
    size_t l = strlen(dir);
    while (l > 1 && dir[l - 1] == '/')
        l--;
    size_t b = l;
    while (b && dir[b - 1] != '/')
        b--;
    static char nm[256];
    snprintf(nm, sizeof nm, "%.*s", (int)(l - b), dir + b);
    return nm;
}

/* Scores and times one set; 0 done, 1 below a floor, 2 cannot read, -1 skipped. */
static int bench_set(const char *dir, const opts *o, totals *tot)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/ground-truth.json", dir);
    top_ctx gt = {0, NULL};
    if (load_json(path, &gt) != 0) {
        printf("bench_aeb: skipped: no evaluation data at %s\n", dir);
        free_pages();
        return -1;
    }
    printf("== %s (%zu pages)\n", set_name(dir), g_n);
    uint64_t hash;
    size_t ok, bytes;
    double t = run(dir, true, &hash, &ok, &bytes);
    if (t < 0) {
        printf("bench_aeb: cannot read %s/html\n", dir);
        free_pages();
        return 2;
    }
    char **ext = tdp_calloc(g_n ? g_n : 1, sizeof *ext);
    char **cl = tdp_calloc(g_n ? g_n : 1, sizeof *cl);
    double *f1 = tdp_calloc(g_n ? g_n : 1, sizeof *f1);
    for (size_t i = 0; i < g_n; i++) {
        ext[i] = g_pages[i].ext;
        cl[i] = g_pages[i].clean;
    }
    tally te = tally_of(ext, f1);
    tally tc = tally_of(cl, NULL);
    print_tally("tidings extracted", te);
    print_tally("tidings after clean", tc);
    snprintf(path, sizeof path, "%s/peers", dir);
    DIR *dd = opendir(path);
    struct dirent *e;
    while (dd && (e = readdir(dd))) {
        size_t l = strlen(e->d_name);
        if (l < 6 || strcmp(e->d_name + l - 5, ".json") != 0)
            continue;
        if (!o->peers && strcmp(e->d_name, "trafilatura.json") != 0)
            continue;
        char pp[4400];
        int w = snprintf(pp, sizeof pp, "%s/%s", path, e->d_name);
        tally tp;
        if (w > 0 && (size_t)w < sizeof pp && peer_tally(pp, &tp)) {
            char who[64];
            snprintf(who, sizeof who, "%.*s", (int)(l - 5), e->d_name);
            print_tally(who, tp);
        }
    }
    if (dd)
        closedir(dd);
    tot->sets++;
    tot->pages += g_n;
    tot->f1_sum += te.s.f1;
    tot->f1_pages += te.s.f1 * (double)g_n;
    if (o->worst > 0) {
        size_t *ord = tdp_calloc(g_n ? g_n : 1, sizeof *ord);
        for (size_t i = 0; i < g_n; i++)
            ord[i] = i;
        for (size_t i = 0; i < g_n; i++)
            for (size_t j = i + 1; j < g_n; j++)
                if (f1[ord[j]] < f1[ord[i]]) {
                    size_t x = ord[i];
                    ord[i] = ord[j];
                    ord[j] = x;
                }
        for (int k = 0; k < o->worst && (size_t)k < g_n; k++) {
            size_t i = ord[k];
            double p, r;
            pr(match(g_pages[i].truth, ext[i]), &p, &r);
            printf("  worst %.3f P %.3f R %.3f %s\n", f1[i], p, r, g_pages[i].id);
        }
        tdp_free(ord);
    }
    if (o->dump) {
        FILE *f = fopen(o->dump, "a");
        for (size_t i = 0; f && i < g_n; i++) {
            fprintf(f, "=== %s %s\n", set_name(dir), g_pages[i].id);
            fputs(ext[i] ? ext[i] : "", f);
            fputs("\n", f);
        }
        if (f)
            fclose(f);
    }
    int runs = o->runs;
    double *ts = tdp_calloc((size_t)(runs > 0 ? runs : 1), sizeof *ts);
    for (int k = 0; k < runs; k++)
        ts[k] = run(dir, false, &hash, &ok, &bytes);
    if (runs > 0) {
        qsort(ts, (size_t)runs, sizeof *ts, cmp_d);
        double med = ts[runs / 2];
        tot->secs += med;
        printf("  speed, from .html.gz files: %zu pages, %.1f MB of HTML, median of %d "
               "runs %.3f s: %.0f pages/s, %.1f MB/s (output hash %016llx)\n",
               g_n, (double)bytes / 1e6, runs, med, (double)g_n / med,
               (double)bytes / 1e6 / med, (unsigned long long)hash);
        load_raw(dir);
        for (int k = 0; k < runs; k++)
            ts[k] = run_mem(&hash, &bytes);
        qsort(ts, (size_t)runs, sizeof *ts, cmp_d);
        med = ts[runs / 2];
        printf("  speed, from memory:         %zu pages, %.1f MB of HTML, median of %d "
               "runs %.3f s: %.0f pages/s, %.1f MB/s (output hash %016llx)\n",
               g_nraw, (double)bytes / 1e6, runs, med, (double)g_nraw / med,
               (double)bytes / 1e6 / med, (unsigned long long)hash);
        for (int k = 0; k < runs; k++)
            ts[k] = run_parse();
        qsort(ts, (size_t)runs, sizeof *ts, cmp_d);
        med = ts[runs / 2];
        printf("  parse only, tidings:        %.3f s: %.0f pages/s, %.1f MB/s\n", med,
               (double)g_nraw / med, (double)bytes / 1e6 / med);
        if (o->gumbo) {
#ifdef TD_HAVE_GUMBO
            for (int k = 0; k < runs; k++)
                ts[k] = run_gumbo();
            qsort(ts, (size_t)runs, sizeof *ts, cmp_d);
            med = ts[runs / 2];
            printf("  parse only, gumbo:          %.3f s: %.0f pages/s, %.1f MB/s\n", med,
                   (double)g_nraw / med, (double)bytes / 1e6 / med);
#else
            printf("  parse only, gumbo:          not built (libgumbo-dev was not found)\n");
#endif
        }
    }
    int rc = 0;
    if (o->floor_f1 > 0 && te.s.f1 < o->floor_f1) {
        printf("bench_aeb: %s: F1 %.3f is below the floor %.3f\n", set_name(dir), te.s.f1,
               o->floor_f1);
        rc = 1;
    }
    if (o->floor_clean > 0 && tc.s.f1 < o->floor_clean) {
        printf("bench_aeb: %s: F1 after cleaning %.3f is below the floor %.3f\n",
               set_name(dir), tc.s.f1, o->floor_clean);
        rc = 1;
    }
    free_pages();
    tdp_free(ext);
    tdp_free(cl);
    tdp_free(f1);
    tdp_free(ts);
    return rc;
}

int main(int argc, char **argv)
{
    opts o;
    memset(&o, 0, sizeof o);
    o.runs = 3;
    const char *dirs[64];
    int nd = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--peers") == 0)
            o.peers = true;
        else if (strcmp(argv[i], "--runs") == 0 && i + 1 < argc)
            o.runs = (int)strtol(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--worst") == 0 && i + 1 < argc)
            o.worst = (int)strtol(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--floor") == 0 && i + 1 < argc)
            o.floor_f1 = strtod(argv[++i], NULL);
        else if (strcmp(argv[i], "--clean-floor") == 0 && i + 1 < argc)
            o.floor_clean = strtod(argv[++i], NULL);
        else if (strcmp(argv[i], "--gumbo") == 0)
            o.gumbo = true;
        else if (strcmp(argv[i], "--dump") == 0 && i + 1 < argc)
            o.dump = argv[++i];
        else if (nd < 64)
            dirs[nd++] = argv[i];
    }
    /* By default the three article-extraction dev sets beside the checkout. */
    static const char *const k_sets[] = {"aeb", "extract-more/readability",
                                         "extract-more/cleanportaleval"};
    char defaults[3][4096];
    if (!nd) {
        const char *src = getenv("TD_SOURCE_DIR");
        for (int k = 0; k < 3; k++) {
            snprintf(defaults[k], sizeof defaults[k], "%s/../shared/data/%s",
                     src ? src : "..", k_sets[k]);
            dirs[nd++] = defaults[k];
        }
    }
    if (o.dump) {
        FILE *f = fopen(o.dump, "w");
        if (f)
            fclose(f);
    }
    totals tot;
    memset(&tot, 0, sizeof tot);
    int rc = 0;
    for (int k = 0; k < nd; k++) {
        int r = bench_set(dirs[k], &o, &tot);
        if (r > rc)
            rc = r;
    }
    if (tot.sets > 1) {
        printf("== %zu sets, %zu pages: extracted F1, mean of the sets %.3f, "
               "mean of the pages %.3f", tot.sets, tot.pages,
               tot.f1_sum / (double)tot.sets, tot.f1_pages / (double)tot.pages);
        if (tot.secs > 0)
            printf("; end to end %.0f pages/s", (double)tot.pages / tot.secs);
        printf("\n");
    }
    return rc;
}

/*
 * bench_clean.c - speed of the cleaning stage on plain text.
 *
 *   bench_clean [--size MB] [--runs N] [--seed S] [FILE...]
 *
 * Without files it generates seeded, realistic articles (titles repeated, timestamps,
 * datelines, captions and credits, repeated paragraphs, teasers, forum headers and
 * comment-form chrome) totalling --size MB (default 8). Each run builds, cleans and
 * frees one article after the other, timing td_clean only (CPU time, so that a busy
 * machine does not skew it). Prints the median MB/s over
 * the runs and a hash of what was kept and removed, so that two builds can be
 * compared for speed and for identical output.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <xxhash.h>

#include "article/article_p.h"
#include "tidings/clean.h"

static uint64_t g_rng = 88172645463325252ull;

static uint32_t rnd(uint32_t n)
{
    g_rng ^= g_rng << 13;
    g_rng ^= g_rng >> 7;
    g_rng ^= g_rng << 17;
    return (uint32_t)(g_rng % n);
}

static const char *const k_words[] = {
    "government", "minister", "said", "on", "Monday", "the", "talks", "would", "resume",
    "next", "week", "in", "Geneva", "and", "officials", "from", "both", "sides", "met",
    "to", "discuss", "security", "proposals", "alliance", "offered", "a", "meeting",
    "council", "early", "year", "according", "statement", "spokesman", "added", "that",
    "country", "was", "ready", "for", "dialogue", "with", "its", "partners", "but",
    "warned", "against", "any", "escalation", "near", "border", "troops", "were",
    "deployed", "region", "after", "reports", "of", "new", "exercises", "by", "army",
    "parliament", "approved", "budget", "which", "includes", "more", "money", "defence",
    "schools", "hospitals", "roads", "while", "opposition", "criticised", "plan", "as",
    "too", "expensive", "economists", "expect", "growth", "slow", "down", "this",
    "quarter", "inflation", "remains", "high", "central", "bank", "kept", "rates",
    "unchanged", "markets", "rose", "slightly", "investors", "welcomed", "decision"};
#define N_WORDS (sizeof k_words / sizeof *k_words)

static const char *const k_chrome[] = {
    "Leave a Reply", "Be the first to comment", "You may also like", "Share",
    "Your email address will not be published.", "See also:", "Leave a Comment",
    "Registration was successful!", "Read more: Markets rally after the decision"};
#define N_CHROME (sizeof k_chrome / sizeof *k_chrome)

static void sentence(tdp_buf *b)
{
    size_t n = 8 + rnd(18);
    for (size_t i = 0; i < n; i++) {
        const char *w = k_words[rnd(N_WORDS)];
        if (i == 0) {
            tdp_buf_putc(b, (char)(w[0] >= 'a' && w[0] <= 'z' ? w[0] - 32 : w[0]));
            tdp_buf_puts(b, w + 1);
        } else {
            tdp_buf_putc(b, ' ');
            tdp_buf_puts(b, w);
            if (rnd(12) == 0)
                tdp_buf_putc(b, ',');
        }
    }
    tdp_buf_putc(b, '.');
}

static void paragraph(tdp_buf *b)
{
    size_t n = 1 + rnd(5);
    for (size_t i = 0; i < n; i++) {
        if (i)
            tdp_buf_putc(b, ' ');
        sentence(b);
    }
}

/* One article of roughly 3-12 KB, with the noise crawls carry. */
static void article(tdp_buf *b)
{
    tdp_buf title = TDP_BUF_INIT, para = TDP_BUF_INIT;
    size_t tw = 6 + rnd(8);
    for (size_t i = 0; i < tw; i++) {
        const char *w = k_words[rnd(N_WORDS)];
        if (i)
            tdp_buf_putc(&title, ' ');
        tdp_buf_putc(&title, (char)(w[0] >= 'a' && w[0] <= 'z' ? w[0] - 32 : w[0]));
        tdp_buf_puts(&title, w + 1);
    }
    if (rnd(4) == 0)
        tdp_buf_puts(b, "vostok\nSenior Member\n- Joined\n- Jun 23, 2013\n- Messages\n- 10,291\n");
    tdp_buf_put(b, title.data, title.len);
    if (rnd(2))
        tdp_buf_puts(b, " | World News | Planet");
    tdp_buf_putc(b, '\n');
    if (rnd(2)) {
        tdp_buf_put(b, title.data, title.len);
        tdp_buf_putc(b, '\n');
    }
    tdp_buf_printf(b, "%02u:%02u GMT %02u.%02u.2022\n", rnd(24), rnd(60), 1 + rnd(28),
                   1 + rnd(12));
    tdp_buf_puts(b, "Soldiers stand in line during a ceremony at the base near the border\n");
    tdp_buf_puts(b, "\xC2\xA9 REUTERS / Staff Photographer\n");
    tdp_buf_puts(b, "BRUSSELS (Planet) - ");
    paragraph(&para);
    if (rnd(2)) { /* a teaser of the lead */
        tdp_buf_put(b, para.data, para.len > 90 ? 90 : para.len);
        tdp_buf_puts(b, "... 15.01.2022, Planet\n");
    }
    tdp_buf_put(b, para.data, para.len);
    tdp_buf_putc(b, '\n');
    size_t np = 6 + rnd(20);
    size_t rep = rnd((uint32_t)np);
    for (size_t i = 0; i < np; i++) {
        size_t at = b->len;
        paragraph(b);
        tdp_buf_puts(b, rnd(3) ? "\n\n" : "\n");
        if (i == rep) /* a paragraph repeated */
            tdp_buf_put(b, b->data + at, b->len - at);
    }
    size_t nc = rnd(4);
    for (size_t i = 0; i < nc; i++) {
        tdp_buf_puts(b, k_chrome[rnd(N_CHROME)]);
        tdp_buf_putc(b, '\n');
    }
    tdp_buf_free(&title);
    tdp_buf_free(&para);
}

typedef struct doc {
    char *text;
    size_t len;
} doc;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts); /* per core, on a shared machine */
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static doc *g_docs;
static size_t g_ndocs, g_capdocs;

static void add_doc(const char *s, size_t n)
{
    if (g_ndocs == g_capdocs) {
        g_capdocs = g_capdocs ? g_capdocs * 2 : 256;
        g_docs = realloc(g_docs, g_capdocs * sizeof *g_docs);
        if (!g_docs)
            exit(3);
    }
    char *c = malloc(n + 1);
    if (!c)
        exit(3);
    memcpy(c, s, n);
    c[n] = 0;
    g_docs[g_ndocs++] = (doc){c, n};
}

int main(int argc, char **argv)
{
    double size_mb = 8;
    int runs = 5;
    int i = 1;
    for (; i < argc; i++) {
        if (!strcmp(argv[i], "--size") && i + 1 < argc)
            size_mb = strtod(argv[++i], NULL);
        else if (!strcmp(argv[i], "--runs") && i + 1 < argc)
            runs = (int)strtol(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--seed") && i + 1 < argc)
            g_rng = strtoull(argv[++i], NULL, 10) | 1;
        else
            break;
    }
    if (runs < 1 || runs > 100)
        runs = 5;
    size_t total = 0;
    if (i < argc) {
        for (; i < argc; i++) {
            size_t len;
            char *text = tdp_read_file(argv[i], &len);
            if (!text) {
                fprintf(stderr, "bench_clean: cannot read %s\n", argv[i]);
                return 1;
            }
            add_doc(text, len);
            total += len;
            tdp_free(text);
        }
    } else {
        size_t want = (size_t)(size_mb * 1024 * 1024);
        tdp_buf b = TDP_BUF_INIT;
        while (total < want) {
            tdp_buf_reset(&b);
            article(&b);
            add_doc(b.data, b.len);
            total += b.len;
        }
        tdp_buf_free(&b);
    }
    double *mbs = calloc((size_t)runs, sizeof *mbs);
    if (!mbs)
        return 3;
    uint64_t hash = 0;
    size_t kept = 0, removed = 0;
    /* Steady state, as in the pipeline: build one article, clean it, use it, free it.
     * Only td_clean is timed (CPU time of this process). */
    for (int r = 0; r < runs; r++) {
        double spent = 0;
        XXH3_state_t *hs = XXH3_createState();
        if (!hs)
            return 3;
        XXH3_64bits_reset(hs);
        kept = removed = 0;
        for (size_t d = 0; d < g_ndocs; d++) {
            td_article *a = td_article_new();
            if (!a || td_article_set(a, TD_FIELD_TEXT, g_docs[d].text, g_docs[d].len))
                return 3;
            double t0 = now();
            td_status st = td_clean(a);
            spent += now() - t0;
            if (st && st != TD_EEMPTY)
                return 3;
            for (size_t p = 0; p < td_article_paragraph_count(a); p++) {
                size_t n;
                const char *s = td_article_paragraph(a, p, &n, NULL);
                XXH3_64bits_update(hs, s, n + 1);
                kept++;
            }
            for (size_t p = 0; p < td_article_removed_count(a); p++) {
                const char *why;
                const char *s = td_article_removed(a, p, &why);
                XXH3_64bits_update(hs, s, strlen(s) + 1);
                XXH3_64bits_update(hs, why, strlen(why) + 1);
                removed++;
            }
            td_article_free(a);
        }
        mbs[r] = (double)total / (1024.0 * 1024.0) / spent;
        hash = XXH3_64bits_digest(hs);
        XXH3_freeState(hs);
    }
    qsort(mbs, (size_t)runs, sizeof *mbs, cmp_double);
    printf("clean: %zu articles, %.1f MB, %d runs: median %.0f MB/s (min %.0f, max %.0f); "
           "kept %zu, removed %zu, hash %016llx\n",
           g_ndocs, (double)total / (1024.0 * 1024.0), runs, mbs[runs / 2], mbs[0],
           mbs[runs - 1], kept, removed, (unsigned long long)hash);
    for (size_t d = 0; d < g_ndocs; d++)
        free(g_docs[d].text);
    free(g_docs);
    free(mbs);
    return 0;
}

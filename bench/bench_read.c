/*
 * bench_read.c - reader throughput: seeded JSON Lines articles read from memory,
 * from a gzip file, and as a folder of text files. Prints articles/s and MB/s with
 * a checksum of what was read (the same for every way of reading the same data).
 *
 * Usage: bench_read [--size N] [--runs R]   (default 20000 articles, 3 runs;
 * the median is printed)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "core/core.h"
#include "tidings/reader.h"
#include "bench.h"

static uint64_t g_rng = 0x9E3779B97F4A7C15u;

static uint32_t rnd(void)
{
    g_rng ^= g_rng << 13;
    g_rng ^= g_rng >> 7;
    g_rng ^= g_rng << 17;
    return (uint32_t)(g_rng >> 16);
}

static const char *const k_words[] = {
    "port", "strike", "union", "talks", "minister", "ships", "deal", "night", "shift",
    "pay", "rise", "harbour", "cranes", "vote", "members", "agreement", "mediator",
    "region", "the", "of", "and", "on", "at", "said", "would", "after", "Monday",
    "Friday", "percent", "jobs", "container", "terminal", "workers", "offer"};

/* One article's text: about 300 words in 6 paragraphs. */
static void article_text(tdp_buf *b, const char *para_sep)
{
    for (int p = 0; p < 6; p++) {
        for (int w = 0; w < 50; w++) {
            tdp_buf_puts(b, k_words[rnd() % (sizeof k_words / sizeof *k_words)]);
            tdp_buf_putc(b, w == 49 ? '.' : ' ');
        }
        if (p < 5)
            tdp_buf_puts(b, para_sep);
    }
}

typedef struct {
    size_t n;
    uint64_t sum;
} tally;

static tally drain(td_reader *r)
{
    tally t = {0, 1469598103934665603u};
    for (td_article *a; (a = bench_next(r, "bench_read", true));) {
        const char *s = td_article_id(a);
        for (; *s; s++)
            t.sum = (t.sum ^ (unsigned char)*s) * 1099511628211u;
        t.sum += strlen(td_article_text(a));
        t.n++;
        td_article_free(a);
    }
    return t;
}

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    size_t size = 20000;
    int runs = 3;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--size") && i + 1 < argc)
            size = strtoul(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--runs") && i + 1 < argc)
            runs = (int)strtol(argv[++i], NULL, 10);
        else {
            fprintf(stderr, "usage: bench_read [--size N] [--runs R]\n");
            return 2;
        }
    }
    if (runs < 1 || runs > 15)
        runs = 3;
    tdp_buf jl = TDP_BUF_INIT, one = TDP_BUF_INIT;
    for (size_t i = 0; i < size; i++) {
        tdp_buf_printf(&jl, "{\"id\": \"a%zu\", \"title\": \"Article %zu\", "
                            "\"date\": \"2026-03-%02zu\", \"source\": \"Bench\", \"text\": \"",
                       i, i, i % 28 + 1);
        article_text(&jl, "\\n");
        tdp_buf_puts(&jl, "\"}\n");
    }
    if (jl.err) {
        fprintf(stderr, "bench_read: out of memory\n");
        return 1;
    }
    char dir[] = "/tmp/td-bench-read-XXXXXX";
    if (!mkdtemp(dir))
        return 1;
    char gzpath[64];
    snprintf(gzpath, sizeof gzpath, "%s/all.jsonl.gz", dir);
    gzFile gz = gzopen(gzpath, "wb6");
    if (!gz || gzwrite(gz, jl.data, (unsigned)jl.len) != (int)jl.len || gzclose(gz) != Z_OK)
        return 1;
    /* a folder of text files: the first 2000 articles, 100 per subfolder */
    size_t nfiles = size < 2000 ? size : 2000, text_bytes = 0;
    char textdir[64];
    snprintf(textdir, sizeof textdir, "%s/text", dir);
    mkdir(textdir, 0755);
    g_rng = 0x9E3779B97F4A7C15u;
    for (size_t i = 0; i < nfiles; i++) {
        char p[96];
        snprintf(p, sizeof p, "%s/text/t%02zu", dir, i / 100);
        mkdir(p, 0755);
        snprintf(p, sizeof p, "%s/text/t%02zu/a%05zu.txt", dir, i / 100, i);
        tdp_buf_reset(&one);
        tdp_buf_printf(&one, " date 2026-03-%02zu\n", i % 28 + 1);
        article_text(&one, "\n");
        text_bytes += one.len;
        FILE *f = fopen(p, "wb");
        if (!f || fwrite(one.data, 1, one.len, f) != one.len || fclose(f))
            return 1;
    }

    const char *names[] = {"JSON Lines from memory", "JSON Lines, gzip file",
                           "text files in folders"};
    for (int k = 0; k < 3; k++) {
        double t[15];
        tally tl = {0, 0};
        size_t bytes = k == 2 ? text_bytes : jl.len;
        for (int r = 0; r < runs; r++) {
            td_reader *rd = td_reader_new(NULL);
            double t0 = bench_wall();
            td_status st = k == 0 ? td_reader_add_buffer(rd, "bench.jsonl", jl.data, jl.len)
                         : k == 1 ? td_reader_add(rd, gzpath)
                                  : td_reader_add(rd, textdir);
            if (st)
                return 1;
            tl = drain(rd);
            t[r] = bench_wall() - t0;
            td_reader_free(rd);
        }
        qsort(t, (size_t)runs, sizeof *t, cmp_d);
        double med = t[runs / 2];
        printf("%-24s %8zu articles %9.0f articles/s %7.1f MB/s  checksum %016llx\n",
               names[k], tl.n, (double)tl.n / med, (double)bytes / med / 1e6,
               (unsigned long long)tl.sum);
    }
    char cmd[96];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "bench_read: could not remove %s\n", dir);
    tdp_buf_free(&jl);
    tdp_buf_free(&one);
    return 0;
}

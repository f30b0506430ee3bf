/*
 * bench_growth.c - how the per-article stages grow with adversarial input.
 *
 *   bench_growth [--min KB] [--max KB] [--runs N] [--cap SECONDS] [KIND...]
 *
 * For each kind of input (all when none is named) one article is generated at
 * --min KB (default 64), then at twice that size, and so on up to --max KB
 * (default 4096). Each size is cleaned (td_clean), analysed (tdp_analyse: sentences,
 * terms, dates, names, quotes) and briefed alone (td_corpus_build and
 * td_corpus_json: dedup, clustering and the story's brief passes), each timed in
 * CPU seconds, the median of --runs runs (default 3). A line per size gives the
 * three times and, from the second size on, the ratio to the size before: about 2
 * per doubling is linear, 4 is quadratic. On a busy machine the ratios of small
 * times are noisy, and caches make a doubling past a few MB cost up to about 3:
 * read the trend over several doublings (or count instructions, e.g. under
 * valgrind --tool=callgrind with --min and --max at one size).
 * A kind stops growing once one stage takes more than --cap seconds (default 20).
 *
 * Kinds:
 *   quotes      a paragraph per quote, each with its speaker ("..., said Marta Olsen.")
 *   quote-para  the same quotes in one paragraph
 *   quote-sent  quotes in one endless sentence (no full stop)
 *   names       sentences full of distinct capitalised names
 *   dates       sentences full of dates (absolute, numeric, weekdays, relative)
 *   paragraphs  short paragraphs separated by blank lines
 *   lines       short lines, one a paragraph, no blank lines
 *   nesting     quote marks and brackets opened deeper and deeper, closed at the end
 *   unclosed    opening quote marks that are never closed
 *   huge-para   ordinary sentences in one paragraph
 *   long-word   one word of the whole size, in a sentence
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "analyse/analyse.h"
#include "article/article_p.h"
#include "tidings/clean.h"
#include "tidings/corpus.h"

typedef void (*unit_fn)(tdp_buf *b, unsigned i);

/* A name from a number: distinct, capitalised, pronounceable enough. */
static void put_name(tdp_buf *b, unsigned i)
{
    static const char *const cons = "bdfgklmnprstvz", *const vow = "aeiou";
    char w[16];
    size_t n = 0;
    w[n++] = (char)(cons[i % 14] - 32);
    w[n++] = vow[(i / 14) % 5];
    w[n++] = cons[(i / 70) % 14];
    w[n++] = vow[(i / 980) % 5];
    w[n++] = cons[(i / 4900) % 14];
    w[n++] = vow[(i / 68600) % 5];
    tdp_buf_put(b, w, n);
}

static void u_quotes(tdp_buf *b, unsigned i)
{
    tdp_buf_printf(b, "\"We will hold the line at gate %u until the offer changes,\" said ", i);
    put_name(b, i % 50);
    tdp_buf_puts(b, " Olsen.\n");
}

static void u_quote_para(tdp_buf *b, unsigned i)
{
    tdp_buf_printf(b, "\"We will hold the line at gate %u until the offer changes,\" said ", i);
    put_name(b, i % 50);
    tdp_buf_puts(b, " Olsen. ");
}

static void u_quote_sent(tdp_buf *b, unsigned i)
{
    tdp_buf_printf(b, "and \"we will hold gate %u until the offer changes\" ", i);
}

static void u_names(tdp_buf *b, unsigned i)
{
    tdp_buf_puts(b, "Talks between ");
    put_name(b, i);
    tdp_buf_putc(b, ' ');
    put_name(b, i + 7);
    tdp_buf_puts(b, " of the ");
    put_name(b, i + 13);
    tdp_buf_puts(b, " Port Authority and ");
    put_name(b, i + 29);
    tdp_buf_puts(b, " resumed in ");
    put_name(b, i + 31);
    tdp_buf_puts(b, ". ");
    if (i % 8 == 7)
        tdp_buf_putc(b, '\n');
}

static void u_dates(tdp_buf *b, unsigned i)
{
    static const char *const mon[] = {"January", "February", "March", "April", "May",
                                      "June", "July", "August", "September", "October",
                                      "November", "December"};
    static const char *const wd[] = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                     "Friday", "Saturday", "Sunday"};
    tdp_buf_printf(b, "On %s %u, %u, and again on %s, the talks in round %u resumed; on "
                   "%02u.%02u.%u and last week they ended, %u days before %s %u. ",
                   mon[i % 12], 1 + i % 28, 1990 + i % 40, wd[i % 7], i, 1 + i % 28,
                   1 + i % 12, 2000 + i % 30, i % 90, mon[(i + 5) % 12], 1 + i % 28);
    if (i % 4 == 3)
        tdp_buf_putc(b, '\n');
}

static void u_paragraphs(tdp_buf *b, unsigned i)
{
    tdp_buf_printf(b, "Paragraph %u says the port reopened on Monday after talks.\n\n", i);
}

static void u_lines(tdp_buf *b, unsigned i)
{
    tdp_buf_printf(b, "item %u\n", i);
}

static void u_nesting(tdp_buf *b, unsigned i)
{
    static const char *const open[] = {"\xE2\x80\x9C", "\xE2\x80\x9E", "\xC2\xAB", "(",
                                       "[", "\""};
    tdp_buf_printf(b, "%sword%u ", open[i % 6], i);
}

static void u_unclosed(tdp_buf *b, unsigned i)
{
    tdp_buf_printf(b, "\xE2\x80\x9C" "open %u ", i);
}

static void u_huge_para(tdp_buf *b, unsigned i)
{
    tdp_buf_printf(b, "The minister said on Tuesday that talks on round %u would resume in "
                   "Geneva next week, and officials from both sides agreed. ", i);
}

static void u_long_word(tdp_buf *b, unsigned i)
{
    tdp_buf_puts(b, i ? "abcdefghijklmnop" : "The word is abcdefghijklmnop");
}

/* Closes what u_nesting opened, innermost first. */
static void close_nesting(tdp_buf *b, unsigned n)
{
    static const char *const close[] = {"\xE2\x80\x9D", "\xE2\x80\x9C", "\xC2\xBB", ")",
                                        "]", "\""};
    for (unsigned i = n; i-- > 0;)
        tdp_buf_puts(b, close[i % 6]);
    tdp_buf_puts(b, " he said.\n");
}

static const struct kind {
    const char *name;
    unit_fn unit;
} k_kinds[] = {
    {"quotes", u_quotes},         {"quote-para", u_quote_para}, {"quote-sent", u_quote_sent},
    {"names", u_names},           {"dates", u_dates},           {"paragraphs", u_paragraphs},
    {"lines", u_lines},           {"nesting", u_nesting},       {"unclosed", u_unclosed},
    {"huge-para", u_huge_para},   {"long-word", u_long_word},
};
#define N_KINDS (sizeof k_kinds / sizeof *k_kinds)

static void make_text(tdp_buf *b, const struct kind *k, size_t bytes)
{
    tdp_buf_reset(b);
    tdp_buf_puts(b, "Port strike enters its second week\n");
    unsigned i = 0;
    while (b->len < bytes)
        k->unit(b, i++);
    if (k->unit == u_nesting)
        close_nesting(b, i);
    else if (k->unit == u_quote_sent || k->unit == u_long_word)
        tdp_buf_puts(b, ".\n");
}

static td_article *make_article(const tdp_buf *b)
{
    td_article *a = td_article_new();
    if (!a || td_article_set(a, TD_FIELD_ID, "growth", 6) ||
        td_article_set(a, TD_FIELD_DATE, "2026-03-07", 10) ||
        td_article_set(a, TD_FIELD_SOURCE, "Kestrel Bay Courier", 19) ||
        td_article_set(a, TD_FIELD_TEXT, b->data, b->len)) {
        td_article_free(a);
        return NULL;
    }
    return a;
}

static double cpu(void)
{
    return (double)clock() / CLOCKS_PER_SEC;
}

/* Clean, analyse and brief one text; CPU seconds in t[3]. Nonzero on failure. */
static int run(const tdp_buf *b, double t[3])
{
    td_article *a = make_article(b);
    if (!a)
        return 1;
    double t0 = cpu();
    td_status st = td_clean(a);
    double t1 = cpu();
    if (!st)
        st = tdp_analyse(a);
    double t2 = cpu();
    td_article_free(a);
    if (st && st != TD_EEMPTY)
        return 1;

    td_corpus *c = td_corpus_new(NULL);
    a = make_article(b);
    if (!c || !a) {
        td_article_free(a);
        td_corpus_free(c);
        return 1;
    }
    st = td_corpus_add(c, a); /* cleans and analyses again, not timed */
    double t3 = cpu();
    char *out = NULL;
    size_t len = 0;
    if (!st || st == TD_EEMPTY)
        st = td_corpus_build(c);
    if (!st)
        st = td_corpus_json(c, &out, &len);
    double t4 = cpu();
    tdp_free(out);
    td_corpus_free(c);
    if (st && st != TD_EEMPTY)
        return 1;
    t[0] = t1 - t0;
    t[1] = t2 - t1;
    t[2] = t4 - t3;
    return 0;
}

static int cmp_double(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return a < b ? -1 : a > b;
}

/* The median of each stage's time over `runs` runs. */
static int run_median(const tdp_buf *b, int runs, double t[3])
{
    double all[3][15];
    for (int r = 0; r < runs; r++) {
        double one[3];
        if (run(b, one))
            return 1;
        for (int s = 0; s < 3; s++)
            all[s][r] = one[s];
    }
    for (int s = 0; s < 3; s++) {
        qsort(all[s], (size_t)runs, sizeof **all, cmp_double);
        t[s] = all[s][runs / 2];
    }
    return 0;
}

static void ratio(double now, double before)
{
    if (before >= 0.002 && now >= 0.002)
        printf("  %5.2f", now / before);
    else
        printf("  %5s", "-");
}

int main(int argc, char **argv)
{
    size_t min_kb = 64, max_kb = 4096;
    double cap = 20;
    int runs = 3;
    bool want[N_KINDS] = {false};
    bool any = false;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--min") && i + 1 < argc) {
            min_kb = strtoul(argv[++i], NULL, 10);
        } else if (!strcmp(argv[i], "--max") && i + 1 < argc) {
            max_kb = strtoul(argv[++i], NULL, 10);
        } else if (!strcmp(argv[i], "--runs") && i + 1 < argc) {
            runs = atoi(argv[++i]);
        } else if (!strcmp(argv[i], "--cap") && i + 1 < argc) {
            cap = atof(argv[++i]);
        } else {
            size_t k = 0;
            while (k < N_KINDS && strcmp(argv[i], k_kinds[k].name))
                k++;
            if (k == N_KINDS) {
                fprintf(stderr, "bench_growth: unknown kind or option: %s\n", argv[i]);
                return 2;
            }
            want[k] = any = true;
        }
    }
    if (!min_kb || max_kb < min_kb || runs < 1 || runs > 15) {
        fprintf(stderr, "bench_growth: need 0 < --min <= --max and 1 <= --runs <= 15\n");
        return 2;
    }
    printf("%-10s %8s %9s %9s %9s   ratio per doubling: clean analyse brief\n", "kind",
           "KB", "clean s", "analyse s", "brief s");
    tdp_buf b = TDP_BUF_INIT;
    int rc = 0;
    for (size_t k = 0; k < N_KINDS; k++) {
        if (any && !want[k])
            continue;
        double prev[3] = {-1, -1, -1};
        for (size_t kb = min_kb; kb <= max_kb; kb *= 2) {
            make_text(&b, &k_kinds[k], kb * 1024);
            double t[3];
            if (run_median(&b, runs, t)) {
                fprintf(stderr, "bench_growth: %s at %zu KB failed\n", k_kinds[k].name, kb);
                rc = 1;
                break;
            }
            printf("%-10s %8zu %9.3f %9.3f %9.3f  ", k_kinds[k].name, kb, t[0], t[1], t[2]);
            if (prev[0] >= 0)
                for (int s = 0; s < 3; s++)
                    ratio(t[s], prev[s]);
            printf("\n");
            fflush(stdout);
            memcpy(prev, t, sizeof prev);
            if (t[0] > cap || t[1] > cap || t[2] > cap)
                break;
        }
    }
    tdp_buf_free(&b);
    return rc;
}

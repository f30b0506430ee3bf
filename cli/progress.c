/*
 * progress.c - one line on stderr saying what the run is doing: the stage, the
 * articles so far, their rate and, when the input's size is known, the time left.
 * Only when stderr is a terminal, never with -q or TIDINGS_NO_PROGRESS; redrawn
 * at most ten times a second, cleared before any message and at the end. The
 * line is plain text rewritten after a carriage return (no escape sequences) and
 * kept under 80 columns, so it never wraps.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

static struct {
    int on;              /* -1: not decided yet */
    bool quiet;
    const char *stage;   /* "reading", ... */
    double t0, last;     /* stage start, last redraw (seconds) */
    uint64_t items, bytes, total;
    size_t width;        /* of the line on screen, 0: none */
} g_pr = {-1, false, NULL, 0, 0, 0, 0, 0, 0};

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

void cli_progress_quiet(bool quiet)
{
    g_pr.quiet = quiet;
}

static bool enabled(void)
{
    if (g_pr.on < 0)
        g_pr.on = !g_pr.quiet && isatty(2) && !getenv("TIDINGS_NO_PROGRESS");
    return g_pr.on > 0;
}

/* "12,345" */
static void grouped(char *out, size_t size, uint64_t v)
{
    char digits[32];
    int n = snprintf(digits, sizeof digits, "%llu", (unsigned long long)v);
    size_t o = 0;
    for (int i = 0; i < n && o + 2 < size; i++) {
        if (i && (n - i) % 3 == 0)
            out[o++] = ',';
        out[o++] = digits[i];
    }
    out[o] = 0;
}

static void span(char *out, size_t size, double secs)
{
    unsigned long s = (unsigned long)(secs + 0.5);
    if (s >= 3600)
        snprintf(out, size, "%lu:%02lu:%02lu", s / 3600, s / 60 % 60, s % 60);
    else
        snprintf(out, size, "%lu:%02lu", s / 60, s % 60);
}

static void draw(double t)
{
    char line[160], count[32], rate[48] = "", left[48] = "";
    double el = t - g_pr.t0;
    grouped(count, sizeof count, g_pr.items);
    if (el >= 0.5 && g_pr.items) {
        char r[32];
        grouped(r, sizeof r, (uint64_t)((double)g_pr.items / el));
        snprintf(rate, sizeof rate, ", %s/s", r);
    }
    if (g_pr.total && g_pr.bytes && g_pr.bytes <= g_pr.total && el >= 0.5) {
        char s[24];
        span(s, sizeof s, el * (double)(g_pr.total - g_pr.bytes) / (double)g_pr.bytes);
        snprintf(left, sizeof left, ", %.0f%%, %s left",
                 100.0 * (double)g_pr.bytes / (double)g_pr.total, s);
    } else {
        char s[24];
        span(s, sizeof s, el);
        snprintf(left, sizeof left, ", %s", s);
    }
    int n = snprintf(line, sizeof line, "tidings: %s %s article%s%s%s", g_pr.stage, count,
                     g_pr.items == 1 ? "" : "s", rate, left);
    if (n < 0)
        return;
    size_t len = (size_t)n < 79 ? (size_t)n : 79;
    fputc('\r', stderr);
    fwrite(line, 1, len, stderr);
    for (size_t i = len; i < g_pr.width; i++)
        fputc(' ', stderr);
    g_pr.width = len;
    g_pr.last = t;
}

void cli_progress_stage(const char *stage, uint64_t items, uint64_t total_bytes)
{
    if (!enabled())
        return;
    g_pr.stage = stage;
    g_pr.items = items;
    g_pr.bytes = 0;
    g_pr.total = total_bytes;
    g_pr.t0 = now();
    draw(g_pr.t0);
}

void cli_progress(uint64_t items, uint64_t bytes)
{
    if (g_pr.on <= 0 || !g_pr.stage)
        return;
    g_pr.items = items;
    g_pr.bytes = bytes;
    double t = now();
    if (t - g_pr.last >= 0.1 || !g_pr.width)
        draw(t);
}

void cli_progress_clear(void)
{
    if (g_pr.on <= 0 || !g_pr.width)
        return;
    fputc('\r', stderr);
    for (size_t i = 0; i < g_pr.width; i++)
        fputc(' ', stderr);
    fputc('\r', stderr);
    g_pr.width = 0; /* the next cli_progress draws it again */
}

void cli_progress_done(void)
{
    cli_progress_clear();
    g_pr.stage = NULL;
}

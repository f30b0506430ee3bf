/*
 * bench.h - what the benchmarks share (header only): clocks, where the evaluation
 * data is, and reading every article of a reader.
 */
#ifndef TD_BENCH_H
#define TD_BENCH_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "core/core.h"
#include "tidings/reader.h"

/* Seconds on a clock: CLOCK_MONOTONIC (wall), CLOCK_PROCESS_CPUTIME_ID or
 * CLOCK_THREAD_CPUTIME_ID (CPU time: the machine is shared, wall time is not ours). */
static inline double bench_clock(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

#define bench_wall() bench_clock(CLOCK_MONOTONIC)
#define bench_cpu() bench_clock(CLOCK_PROCESS_CPUTIME_ID)
#define bench_thread_cpu() bench_clock(CLOCK_THREAD_CPUTIME_ID)

/* The evaluation data: the folder given on the command line, else ../shared/data
 * beside the source root (TD_SOURCE_DIR) or beside the working folder. *buf is
 * what the caller frees. */
static inline const char *bench_data_root(const char *given, char **buf)
{
    *buf = NULL;
    if (given)
        return given;
    const char *src = getenv("TD_SOURCE_DIR");
    *buf = tdp_aprintf("%s/../shared/data", src ? src : "..");
    return *buf ? *buf : "../shared/data";
}

/* The reader's next article, NULL at the end. An input it rejects is said on
 * stderr (prog: ...) and skipped, or ends the program when fatal. */
static inline td_article *bench_next(td_reader *r, const char *prog, bool fatal)
{
    for (;;) {
        td_article *a = NULL;
        td_status st = td_reader_next(r, &a);
        if (st == TD_END)
            return NULL;
        if (!st)
            return a;
        fprintf(stderr, "%s: %s\n", prog, td_reader_error(r));
        if (fatal)
            exit(1);
    }
}

#endif

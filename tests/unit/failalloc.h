/*
 * failalloc.h - an allocator for tests that fails the N-th allocation (g_fail_at;
 * with g_sticky, also every later one) and counts the blocks held (g_live), so a
 * test can check that every path gives back what it took. Install it with
 * td_set_allocator(t_malloc, t_realloc, t_free). Included by one test file each.
 */
#ifndef TD_TEST_FAILALLOC_H
#define TD_TEST_FAILALLOC_H

#include <stdbool.h>
#include <stdlib.h>

static unsigned long g_count, g_fail_at; /* allocations so far; 0: none fails */
static bool g_sticky, g_failed;          /* later ones fail too; one did fail */
static long g_live;                      /* blocks held */

static bool should_fail(void)
{
    g_count++;
    if (g_fail_at && (g_count == g_fail_at || (g_sticky && g_count > g_fail_at))) {
        g_failed = true;
        return true;
    }
    return false;
}

static void *t_malloc(size_t n)
{
    if (should_fail())
        return NULL;
    void *p = malloc(n);
    if (p)
        g_live++;
    return p;
}

static void *t_realloc(void *p, size_t n)
{
    if (should_fail())
        return NULL;
    void *q = realloc(p, n);
    if (q && !p)
        g_live++;
    return q;
}

static void t_free(void *p)
{
    if (p)
        g_live--;
    free(p);
}

#endif

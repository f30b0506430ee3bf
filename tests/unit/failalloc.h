/*
 * failalloc.h - an allocator for tests that fails the N-th allocation (g_fail_at;
 * with g_sticky, also every later one) and counts the blocks held (g_live), so a
 * test can check that every path gives back what it took. Its blocks start
 * FA_SHIFT bytes into what malloc gave, so a block freed by the C library's free
 * instead of td_free (or the reverse) fails at once. Install it with
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

#define FA_SHIFT 16 /* keeps malloc's alignment */

static void *t_malloc(size_t n)
{
    if (should_fail())
        return NULL;
    char *p = malloc(n + FA_SHIFT);
    if (!p)
        return NULL;
    g_live++;
    return p + FA_SHIFT;
}

static void *t_realloc(void *p, size_t n)
{
    if (!p)
        return t_malloc(n);
    if (should_fail())
        return NULL;
    char *q = realloc((char *)p - FA_SHIFT, n + FA_SHIFT);
    return q ? q + FA_SHIFT : NULL;
}

static void t_free(void *p)
{
    if (!p)
        return;
    g_live--;
    free((char *)p - FA_SHIFT);
}

#endif

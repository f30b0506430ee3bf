/* alloc.c - the one allocation hook, and growable arrays. */
#include <stdlib.h>

#include "core.h"

static void *(*g_malloc)(size_t) = malloc;
static void *(*g_realloc)(void *, size_t) = realloc;
static void (*g_free)(void *) = free;

TD_API void td_set_allocator(void *(*malloc_fn)(size_t),
                             void *(*realloc_fn)(void *, size_t),
                             void (*free_fn)(void *))
{
    g_malloc = malloc_fn ? malloc_fn : malloc;
    g_realloc = realloc_fn ? realloc_fn : realloc;
    g_free = free_fn ? free_fn : free;
}

TD_API void td_free(void *p) { g_free(p); }

void *tdp_malloc(size_t n) { return g_malloc(n ? n : 1); }

void *tdp_calloc(size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return NULL;
    size_t bytes = n * size;
    void *p = g_malloc(bytes ? bytes : 1);
    if (p)
        memset(p, 0, bytes);
    return p;
}

void *tdp_realloc(void *p, size_t n) { return g_realloc(p, n ? n : 1); }

void tdp_free(void *p)
{
    if (p)
        g_free(p);
}

char *tdp_strndup(const char *s, size_t n)
{
    char *d = tdp_malloc(n + 1);
    if (!d)
        return NULL;
    if (n)
        memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *tdp_strdup(const char *s) { return s ? tdp_strndup(s, strlen(s)) : NULL; }

td_status tdp_grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return TD_OK;
    size_t nc = *cap ? *cap : 8;
    while (nc < need) {
        if (nc > SIZE_MAX / 2)
            return TD_ENOMEM;
        nc *= 2;
    }
    if (size && nc > SIZE_MAX / size)
        return TD_ENOMEM;
    void *np = tdp_realloc(*p, nc * size);
    if (!np)
        return TD_ENOMEM;
    *p = np;
    *cap = nc;
    return TD_OK;
}

td_status tdp_resize(void **p, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return TD_ENOMEM;
    size_t bytes = n * size;
    void *np = tdp_realloc(*p, bytes ? bytes : 1); /* never realloc(p, 0) */
    if (!np)
        return TD_ENOMEM;
    *p = np;
    return TD_OK;
}

void tdp_sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
    if (base && n > 1)
        qsort(base, n, size, cmp);
}

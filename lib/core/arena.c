/*
 * arena.c - bump allocation in chunks. Per-article work allocates here and is freed
 * in one go with the article. Chunks grow geometrically up to 1 MiB; a request
 * larger than a chunk gets a chunk of its own.
 */
#include "core.h"

struct tdp_chunk {
    tdp_chunk *next;
    size_t size;
    _Alignas(16) unsigned char data[];
};

#define ARENA_MIN 4096
#define ARENA_MAX (1u << 20)

void *tdp_arena_alloc(tdp_arena *a, size_t n)
{
    n = (n + 7) & ~(size_t)7;
    if (n == 0)
        n = 8;
    if (!a->head || a->used + n > a->head->size) {
        size_t sz = a->head ? a->head->size * 2 : ARENA_MIN;
        if (sz > ARENA_MAX)
            sz = ARENA_MAX;
        if (sz < n)
            sz = n;
        if (sz > SIZE_MAX - sizeof(tdp_chunk))
            return NULL;
        tdp_chunk *c = tdp_malloc(sizeof(tdp_chunk) + sz);
        if (!c)
            return NULL;
        c->size = sz;
        if (a->head && sz == n && a->head->size - a->used >= ARENA_MIN) {
            /* An oversized block: keep filling the current chunk afterwards. */
            c->next = a->head->next;
            a->head->next = c;
            a->total += n;
            return c->data;
        }
        c->next = a->head;
        a->head = c;
        a->used = 0;
    }
    void *p = a->head->data + a->used;
    a->used += n;
    a->total += n;
    return p;
}

char *tdp_arena_strndup(tdp_arena *a, const char *s, size_t n)
{
    char *d = tdp_arena_alloc(a, n + 1);
    if (!d)
        return NULL;
    if (n)
        memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

void tdp_arena_free(tdp_arena *a)
{
    tdp_chunk *c = a->head;
    while (c) {
        tdp_chunk *next = c->next;
        tdp_free(c);
        c = next;
    }
    a->head = NULL;
    a->used = 0;
    a->total = 0;
}

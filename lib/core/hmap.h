/*
 * hmap.h - the library's one hash map and one hash set (internal).
 *
 * Keys are 64-bit: a word, a phrase or any byte string is keyed by its xxHash
 * (tdp_hash, XXH3), an id by itself. Two different strings with one 64-bit hash
 * are one key; every user here accepts that (the cost is a spurious match, about
 * one in 2^64 per pair).
 *
 * Open addressing with linear probing over a power-of-two table; a key's home slot
 * is the key multiplied by a 64-bit odd constant, top bits (Fibonacci hashing), so
 * sequential ids spread as well as hashes do. Each entry holds the key and the
 * value inline (one cache line for small values); the value is zero-filled when the
 * key is added. Key 0 is allowed: it lives in one extra entry past the table.
 * Removal shifts the following entries back, so there are no tombstones and a
 * table that grows and shrinks (the clusterer's postings) never slows down.
 *
 * Memory comes from the allocation hook (tdp_calloc); failures are returned as
 * TD_ENOMEM and leave the map as it was. A value pointer is valid until the next
 * put, reserve or remove on the map. A map is not shared between threads.
 */
#ifndef TDP_HMAP_H
#define TDP_HMAP_H

#include <xxhash.h>

#include "core/core.h"

/* The key of a byte string: XXH3, 64 bits. */
static inline uint64_t tdp_hash(const void *s, size_t n) { return XXH3_64bits(s, n); }

typedef struct tdp_hmap {
    unsigned char *e;   /* cap + 1 entries of `stride` bytes: key, then value */
    size_t cap;         /* slots, a power of two; 0 until the first put */
    size_t n;           /* keys held, key 0 included */
    uint32_t stride;    /* 8 + the value size rounded up to 8 */
    uint32_t vsize;
    uint8_t shift;      /* 64 - log2(cap) */
    uint8_t load;       /* the table doubles past this fill, in percent */
    bool has_zero;      /* key 0 is held (in entry cap) */
    bool fixed;         /* the table is the caller's buffer: it never grows */
} tdp_hmap;

/*
 * An empty map whose values are vsize bytes (0 for a set); nothing is allocated
 * until the first put. max_load is the fill in percent past which the table
 * doubles (0: 50, which keeps probes short; larger entries may take 75).
 */
void tdp_hmap_init(tdp_hmap *m, size_t vsize, unsigned max_load);
/*
 * An empty map in the caller's buffer of `bytes` bytes (8-byte aligned), for tables
 * built once into static storage: nothing is allocated, and a put that would fill
 * it past max_load returns TD_ENOMEM.
 */
void tdp_hmap_init_fixed(tdp_hmap *m, size_t vsize, unsigned max_load, void *buf,
                         size_t bytes);
/* Makes room for n keys without growing again. */
td_status tdp_hmap_reserve(tdp_hmap *m, size_t n);
/* The value of key, or NULL when the key is absent (inline: the hot path). */
static inline void *tdp_hmap_get(const tdp_hmap *m, uint64_t key);
/*
 * The value of key, added (zero-filled) when absent; *added (may be NULL) tells
 * which. TD_ENOMEM when the table had to grow and could not; the map is unchanged.
 */
td_status tdp_hmap_put(tdp_hmap *m, uint64_t key, void **val, bool *added);
/* Removes key; false when it was absent. */
bool tdp_hmap_remove(tdp_hmap *m, uint64_t key);
/*
 * Walks the entries in table order: start with *it = 0; each call sets *key and
 * *val (either may be NULL) and returns true, false at the end. The map must not
 * change during a walk.
 */
bool tdp_hmap_next(const tdp_hmap *m, size_t *it, uint64_t *key, void **val);
/* Keeps only the entries keep() accepts, rebuilding the table for `room` keys
 * (at least the number kept); keep() is called twice per entry. Not for a fixed
 * map (TD_EARG). */
td_status tdp_hmap_filter(tdp_hmap *m, size_t room,
                          bool (*keep)(void *ctx, uint64_t key, const void *val),
                          void *ctx);
/* Empties the map, keeping its memory. */
void tdp_hmap_clear(tdp_hmap *m);
/* Frees the table; the map is empty and usable again. */
void tdp_hmap_free(tdp_hmap *m);

/* ---- inline parts ---- */
static inline size_t tdp_hmap_home_(const tdp_hmap *m, uint64_t key)
{
    return (size_t)((key * 0x9E3779B97F4A7C15ull) >> m->shift);
}
static inline unsigned char *tdp_hmap_ent_(const tdp_hmap *m, size_t i)
{
    return m->e + i * m->stride;
}
static inline uint64_t tdp_hmap_key_(const tdp_hmap *m, size_t i)
{
    uint64_t k;
    memcpy(&k, tdp_hmap_ent_(m, i), sizeof k);
    return k;
}

static inline void *tdp_hmap_get(const tdp_hmap *m, uint64_t key)
{
    if (!m->cap)
        return NULL;
    if (!key)
        return m->has_zero ? tdp_hmap_ent_(m, m->cap) + 8 : NULL;
    size_t mask = m->cap - 1;
    for (size_t i = tdp_hmap_home_(m, key);; i = (i + 1) & mask) {
        uint64_t k = tdp_hmap_key_(m, i);
        if (k == key)
            return tdp_hmap_ent_(m, i) + 8;
        if (!k)
            return NULL;
    }
}

/* ---- the set: a map without values ---- */
typedef struct tdp_hset {
    tdp_hmap m;
} tdp_hset;

static inline void tdp_hset_init(tdp_hset *s) { tdp_hmap_init(&s->m, 0, 0); }
static inline td_status tdp_hset_reserve(tdp_hset *s, size_t n)
{
    return tdp_hmap_reserve(&s->m, n);
}
/* Adds key; TD_ENOMEM leaves the set unchanged. */
static inline td_status tdp_hset_add(tdp_hset *s, uint64_t key)
{
    void *v;
    return tdp_hmap_put(&s->m, key, &v, NULL);
}
static inline bool tdp_hset_has(const tdp_hset *s, uint64_t key)
{
    return tdp_hmap_get(&s->m, key) != NULL;
}
static inline bool tdp_hset_remove(tdp_hset *s, uint64_t key)
{
    return tdp_hmap_remove(&s->m, key);
}
static inline size_t tdp_hset_count(const tdp_hset *s) { return s->m.n; }
static inline void tdp_hset_clear(tdp_hset *s) { tdp_hmap_clear(&s->m); }
static inline void tdp_hset_free(tdp_hset *s) { tdp_hmap_free(&s->m); }

#endif

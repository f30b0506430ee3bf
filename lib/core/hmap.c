/* hmap.c - the hash map and set of hmap.h: linear probing, inline values,
 * backward-shift removal. */
#include "core/hmap.h"

#define MIN_CAP 16

static inline size_t home(const tdp_hmap *m, uint64_t key) { return tdp_hmap_home_(m, key); }
static inline unsigned char *ent(const tdp_hmap *m, size_t i) { return tdp_hmap_ent_(m, i); }
static inline uint64_t key_at(const tdp_hmap *m, size_t i) { return tdp_hmap_key_(m, i); }

void tdp_hmap_init(tdp_hmap *m, size_t vsize, unsigned max_load)
{
    memset(m, 0, sizeof *m);
    m->vsize = (uint32_t)vsize;
    m->stride = (uint32_t)(8 + ((vsize + 7) & ~(size_t)7));
    m->load = (uint8_t)(max_load && max_load < 95 ? max_load : 50);
}

static uint8_t shift_for(size_t cap)
{
    uint8_t sh = 64;
    for (size_t c = cap; c > 1; c >>= 1)
        sh--;
    return sh;
}

void tdp_hmap_init_fixed(tdp_hmap *m, size_t vsize, unsigned max_load, void *buf,
                         size_t bytes)
{
    tdp_hmap_init(m, vsize, max_load);
    size_t cap = MIN_CAP;
    while ((cap * 2 + 1) * m->stride <= bytes)
        cap *= 2;
    m->fixed = true;
    if ((cap + 1) * m->stride > bytes)
        return; /* too small: every put fails */
    m->e = buf;
    m->cap = cap;
    m->shift = shift_for(cap);
    memset(buf, 0, (cap + 1) * m->stride);
}

/* Slots needed to hold n keys under the load limit. */
static size_t cap_for(const tdp_hmap *m, size_t n)
{
    size_t cap = MIN_CAP;
    while ((uint64_t)cap * m->load < ((uint64_t)n + 1) * 100) {
        if (cap > SIZE_MAX / 4)
            return 0;
        cap <<= 1;
    }
    return cap;
}

/* Moves every entry into a table of ncap slots (a power of two). */
static td_status rehash(tdp_hmap *m, size_t ncap)
{
    if (m->fixed || !ncap || ncap + 1 > SIZE_MAX / m->stride)
        return TD_ENOMEM;
    unsigned char *ne = tdp_calloc(ncap + 1, m->stride);
    if (!ne)
        return TD_ENOMEM;
    tdp_hmap old = *m;
    m->e = ne;
    m->cap = ncap;
    m->shift = shift_for(ncap);
    for (size_t i = 0; i < old.cap; i++) {
        uint64_t k = key_at(&old, i);
        if (!k)
            continue;
        size_t j = home(m, k);
        while (key_at(m, j))
            j = (j + 1) & (ncap - 1);
        memcpy(ent(m, j), ent(&old, i), m->stride);
    }
    if (old.e && old.has_zero)
        memcpy(ent(m, ncap), ent(&old, old.cap), m->stride);
    tdp_free(old.e);
    return TD_OK;
}

td_status tdp_hmap_reserve(tdp_hmap *m, size_t n)
{
    size_t ncap = cap_for(m, n);
    if (ncap <= m->cap)
        return TD_OK;
    return rehash(m, ncap);
}

td_status tdp_hmap_put(tdp_hmap *m, uint64_t key, void **val, bool *added)
{
    if (!m->cap || ((uint64_t)m->n + 1) * 100 > (uint64_t)m->cap * m->load) {
        td_status st = rehash(m, m->cap ? m->cap * 2 : cap_for(m, 1));
        if (st)
            return st;
    }
    bool is_new = false;
    unsigned char *e;
    if (!key) {
        e = ent(m, m->cap);
        if (!m->has_zero) {
            m->has_zero = true;
            is_new = true;
        }
    } else {
        size_t mask = m->cap - 1, i = home(m, key);
        uint64_t k;
        while ((k = key_at(m, i)) && k != key)
            i = (i + 1) & mask;
        e = ent(m, i);
        if (!k) {
            memcpy(e, &key, sizeof key);
            is_new = true;
        }
    }
    if (is_new) {
        memset(e + 8, 0, m->stride - 8);
        m->n++;
    }
    if (added)
        *added = is_new;
    *val = e + 8;
    return TD_OK;
}

bool tdp_hmap_remove(tdp_hmap *m, uint64_t key)
{
    if (!m->cap)
        return false;
    if (!key) {
        if (!m->has_zero)
            return false;
        m->has_zero = false;
        m->n--;
        return true;
    }
    size_t mask = m->cap - 1, i = home(m, key);
    for (;;) {
        uint64_t k = key_at(m, i);
        if (!k)
            return false;
        if (k == key)
            break;
        i = (i + 1) & mask;
    }
    /* Backward shift: pull later entries of the run into the hole unless their
     * home lies cyclically in (hole, j]. */
    for (size_t j = i;;) {
        j = (j + 1) & mask;
        uint64_t k = key_at(m, j);
        if (!k)
            break;
        size_t h = home(m, k);
        bool stay = i <= j ? (i < h && h <= j) : (i < h || h <= j);
        if (stay)
            continue;
        memcpy(ent(m, i), ent(m, j), m->stride);
        i = j;
    }
    memset(ent(m, i), 0, m->stride);
    m->n--;
    return true;
}

bool tdp_hmap_next(const tdp_hmap *m, size_t *it, uint64_t *key, void **val)
{
    if (!m->cap)
        return false;
    for (size_t i = *it; i <= m->cap; i++) {
        uint64_t k = key_at(m, i);
        if (i == m->cap ? !m->has_zero : !k)
            continue;
        *it = i + 1;
        if (key)
            *key = k;
        if (val)
            *val = ent(m, i) + 8;
        return true;
    }
    *it = m->cap + 1;
    return false;
}

td_status tdp_hmap_filter(tdp_hmap *m, size_t room,
                          bool (*keep)(void *ctx, uint64_t key, const void *val),
                          void *ctx)
{
    if (m->fixed)
        return TD_EARG;
    tdp_hmap n;
    tdp_hmap_init(&n, m->vsize, m->load);
    size_t kept = 0, it = 0;
    uint64_t k;
    void *v;
    while (tdp_hmap_next(m, &it, &k, &v))
        kept += keep(ctx, k, v);
    td_status st = tdp_hmap_reserve(&n, room > kept ? room : kept);
    if (st)
        return st;
    it = 0;
    while (tdp_hmap_next(m, &it, &k, &v)) {
        if (!keep(ctx, k, v))
            continue;
        void *nv;
        if (tdp_hmap_put(&n, k, &nv, NULL)) /* cannot grow: reserved above */
            break;
        if (m->vsize)
            memcpy(nv, v, m->vsize);
    }
    tdp_hmap_free(m);
    *m = n;
    return TD_OK;
}

void tdp_hmap_clear(tdp_hmap *m)
{
    if (m->e)
        memset(m->e, 0, (m->cap + 1) * m->stride);
    m->n = 0;
    m->has_zero = false;
}

void tdp_hmap_free(tdp_hmap *m)
{
    if (m->fixed) {
        tdp_hmap_clear(m);
        return;
    }
    tdp_free(m->e);
    m->e = NULL;
    m->cap = 0;
    m->n = 0;
    m->has_zero = false;
}

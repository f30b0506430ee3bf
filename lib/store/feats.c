/*
 * feats.c - what the clusterer was shown of an article, as a blob (table
 * `features`), so that a new process rebuilds the live stories without cleaning
 * and analysing their articles again.
 *
 * Layout, all little-endian, no padding:
 *   u32 n, then n x (u64 term hash, f32 count, u8 kind)
 *   i32 own day (TDP_NODAY when none)
 *   u32 n_full, then n_full x i32   (full dates the text mentions, as days)
 *   u32 n_md, then n_md x u16       (dates without a year: month * 32 + day)
 * The blob is read back only when its row's version is TDP_CLUSTER_INFO_VERSION.
 */
#include <string.h>

#include "store/store_p.h"

/* v as `bytes` little-endian bytes at p, and back. */
static void put_le(unsigned char *p, uint64_t v, int bytes)
{
    for (int i = 0; i < bytes; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static uint64_t get_le(const unsigned char *p, int bytes)
{
    uint64_t v = 0;
    for (int i = 0; i < bytes; i++)
        v |= (uint64_t)p[i] << (8 * i);
    return v;
}

#define FEAT_BYTES 13u

td_status tdp_store_feats_encode(const tdp_cinfo *info, unsigned char **out, size_t *len)
{
    *out = NULL;
    *len = 0;
    if (info->n > UINT32_MAX / FEAT_BYTES || info->n_full > UINT32_MAX / 4 ||
        info->n_md > UINT32_MAX / 2)
        return TD_EARG;
    size_t n = 4 + info->n * FEAT_BYTES + 4 + 4 + info->n_full * 4 + 4 + info->n_md * 2;
    unsigned char *b = tdp_malloc(n);
    if (!b)
        return TD_ENOMEM;
    unsigned char *p = b;
    put_le(p, info->n, 4);
    p += 4;
    for (size_t i = 0; i < info->n; i++) {
        uint32_t bits;
        memcpy(&bits, &info->f[i].count, 4);
        put_le(p, info->f[i].hash, 8);
        put_le(p + 8, bits, 4);
        p[12] = info->f[i].kind;
        p += FEAT_BYTES;
    }
    put_le(p, (uint32_t)info->own, 4);
    p += 4;
    put_le(p, info->n_full, 4);
    p += 4;
    for (size_t i = 0; i < info->n_full; i++, p += 4)
        put_le(p, (uint32_t)info->full[i], 4);
    put_le(p, info->n_md, 4);
    p += 4;
    for (size_t i = 0; i < info->n_md; i++, p += 2)
        put_le(p, info->md[i], 2);
    *out = b;
    *len = n;
    return TD_OK;
}

td_status tdp_store_feats_decode(const unsigned char *b, size_t len, tdp_cinfo *info)
{
    memset(info, 0, sizeof *info);
    info->own = TDP_NODAY;
    /* the layout first: each count must leave room for its items and what follows */
    if (!b || len < 4)
        return TD_ECORRUPT;
    uint32_t n = (uint32_t)get_le(b, 4);
    if ((len - 4) / FEAT_BYTES < n || len - 4 - (size_t)n * FEAT_BYTES < 8)
        return TD_ECORRUPT;
    size_t at_full = 4 + (size_t)n * FEAT_BYTES + 8;
    uint32_t nf = (uint32_t)get_le(b + at_full - 4, 4);
    if ((len - at_full) / 4 < nf || len - at_full - (size_t)nf * 4 < 4)
        return TD_ECORRUPT;
    size_t at_md = at_full + (size_t)nf * 4 + 4;
    uint32_t nm = (uint32_t)get_le(b + at_md - 4, 4);
    if ((len - at_md) / 2 < nm || len - at_md != (size_t)nm * 2)
        return TD_ECORRUPT;

    info->f = n ? tdp_malloc((size_t)n * sizeof *info->f) : NULL;
    info->full = nf ? tdp_malloc((size_t)nf * sizeof *info->full) : NULL;
    info->md = nm ? tdp_malloc((size_t)nm * sizeof *info->md) : NULL;
    if ((n && !info->f) || (nf && !info->full) || (nm && !info->md)) {
        tdp_cluster_info_free(info);
        return TD_ENOMEM;
    }
    const unsigned char *p = b + 4;
    for (uint32_t i = 0; i < n; i++, p += FEAT_BYTES) {
        uint32_t bits = (uint32_t)get_le(p + 8, 4);
        info->f[i].hash = get_le(p, 8);
        memcpy(&info->f[i].count, &bits, 4);
        info->f[i].kind = p[12];
    }
    info->n = n;
    info->own = (int32_t)(uint32_t)get_le(p, 4);
    for (uint32_t i = 0; i < nf; i++)
        info->full[i] = (int32_t)(uint32_t)get_le(b + at_full + 4 * (size_t)i, 4);
    info->n_full = nf;
    for (uint32_t i = 0; i < nm; i++)
        info->md[i] = (uint16_t)get_le(b + at_md + 2 * (size_t)i, 2);
    info->n_md = nm;
    return TD_OK;
}

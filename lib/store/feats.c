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
    size_t at = 0;
    if (!b || len < 4)
        return TD_ECORRUPT;
    uint32_t n = (uint32_t)get_le(b, 4);
    at = 4;
    if ((len - at) / FEAT_BYTES < n || len - at - (size_t)n * FEAT_BYTES < 8)
        return TD_ECORRUPT;
    if (n) {
        info->f = tdp_malloc((size_t)n * sizeof *info->f);
        if (!info->f)
            return TD_ENOMEM;
    }
    for (uint32_t i = 0; i < n; i++, at += FEAT_BYTES) {
        uint32_t bits = (uint32_t)get_le(b + at + 8, 4);
        info->f[i].hash = get_le(b + at, 8);
        memcpy(&info->f[i].count, &bits, 4);
        info->f[i].kind = b[at + 12];
    }
    info->n = n;
    info->own = (int32_t)(uint32_t)get_le(b + at, 4);
    uint32_t nf = (uint32_t)get_le(b + at + 4, 4);
    at += 8;
    td_status st = TD_OK;
    if ((len - at) / 4 < nf || len - at - (size_t)nf * 4 < 4) {
        st = TD_ECORRUPT;
        goto fail;
    }
    if (nf) {
        info->full = tdp_malloc((size_t)nf * sizeof *info->full);
        if (!info->full) {
            st = TD_ENOMEM;
            goto fail;
        }
    }
    for (uint32_t i = 0; i < nf; i++, at += 4)
        info->full[i] = (int32_t)(uint32_t)get_le(b + at, 4);
    info->n_full = nf;
    uint32_t nm = (uint32_t)get_le(b + at, 4);
    at += 4;
    if ((len - at) / 2 < nm || len - at != (size_t)nm * 2) {
        st = TD_ECORRUPT;
        goto fail;
    }
    if (nm) {
        info->md = tdp_malloc((size_t)nm * sizeof *info->md);
        if (!info->md) {
            st = TD_ENOMEM;
            goto fail;
        }
    }
    for (uint32_t i = 0; i < nm; i++, at += 2)
        info->md[i] = (uint16_t)get_le(b + at, 2);
    info->n_md = nm;
    return TD_OK;
fail:
    tdp_cluster_info_free(info);
    return st;
}

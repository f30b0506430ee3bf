/*
 * prepared.c - the store's prepared articles as bytes in the table `prepared`.
 *
 * Bytes: u32 length (little-endian) of the prepared article as
 * tdp_prepared_encode writes it, then those bytes as raw DEFLATE (libdeflate,
 * level 1). Text, names and the structure around them compress; term hashes and
 * the MinHash do not. On the 20 000-article feed of tests/store/kill.sh a
 * prepared article takes 1 378 bytes as the codec writes it and 761 deflated;
 * an ECB+ or PolNeAR article 12.8 KB and 6.4 KB.
 */
#include <libdeflate.h>
#include <string.h>

#include "pipeline/pipeline_p.h"
#include "store/store_p.h"

/* Deflate level: 6 saves 1.5% more on the 20k feed and 5% on ECB+ and PolNeAR,
 * in 1.2 and 3 times the time of 1. */
#define LEVEL 1
/* A prepared article longer than this is refused (it would not be stored). */
#define MAX_BYTES (1u << 30)

td_status tdp_store_pack(td_store *s, const tdp_prepared *p, unsigned char **out,
                         size_t *len)
{
    *out = NULL;
    *len = 0;
    unsigned char *raw = NULL;
    size_t n = 0;
    td_status st = tdp_prepared_encode(p, &raw, &n);
    if (st)
        return st;
    if (n > MAX_BYTES) {
        tdp_free(raw);
        return TD_ETOOBIG;
    }
    if (!s->deflater && !(s->deflater = libdeflate_alloc_compressor(LEVEL))) {
        tdp_free(raw);
        return TD_ENOMEM;
    }
    size_t bound = libdeflate_deflate_compress_bound(s->deflater, n);
    unsigned char *b = tdp_malloc(4 + bound);
    if (!b) {
        tdp_free(raw);
        return TD_ENOMEM;
    }
    for (int i = 0; i < 4; i++)
        b[i] = (unsigned char)(n >> (8 * i));
    size_t c = libdeflate_deflate_compress(s->deflater, raw, n, b + 4, bound);
    tdp_free(raw);
    if (!c) {
        tdp_free(b);
        return TD_ENOMEM; /* cannot happen with the bound's room */
    }
    *out = b;
    *len = 4 + c;
    return TD_OK;
}

td_status tdp_store_unpack(td_store *s, const unsigned char *b, size_t len,
                           tdp_prepared *out)
{
    memset(out, 0, sizeof *out);
    if (!b || len < 4)
        return TD_ECORRUPT;
    size_t n = (size_t)b[0] | (size_t)b[1] << 8 | (size_t)b[2] << 16 | (size_t)b[3] << 24;
    /* DEFLATE expands at most about 1032 to 1 */
    if (n > MAX_BYTES || n / 1032 > len)
        return TD_ECORRUPT;
    if (!s->inflater && !(s->inflater = libdeflate_alloc_decompressor()))
        return TD_ENOMEM;
    unsigned char *raw = tdp_malloc(n ? n : 1);
    if (!raw)
        return TD_ENOMEM;
    td_status st = TD_ECORRUPT;
    if (libdeflate_deflate_decompress(s->inflater, b + 4, len - 4, raw, n, NULL) ==
        LIBDEFLATE_SUCCESS)
        st = tdp_prepared_decode(raw, n, out);
    tdp_free(raw);
    return st;
}

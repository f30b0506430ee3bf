/*
 * shingle.c - article text to words, shingles and a MinHash signature.
 *
 * One pass over the paragraphs with the language layer's tokenizer, words being
 * plain runs of letters, marks and digits (apostrophes and the '.' or ',' inside
 * numbers separate), in its folded form (NFKC and case folding). Each word is
 * hashed once (XXH3); the exact hash is XXH3 of the word hashes in order. A
 * paragraph's fingerprint is the smallest shingle hash inside it. A shingle's hash
 * is a polynomial of its word hashes, rolled along the text, then mixed.
 *
 * The MinHash is one-permutation hashing: a shingle's mixed hash picks a bin (top
 * bits) and competes for that bin's minimum (low 32 bits); empty bins borrow the
 * value of a bin chosen by a fixed probe sequence (optimal densification), so two
 * articles agree on a bin with probability close to their Jaccard similarity.
 * Cost: O(words + K) per article, against O(words * K) for K hash functions.
 *
 * Bounds: at most TDP_DEDUP_MAX_BYTES of text and TDP_DEDUP_MAX_WORDS words are
 * read; the exact hash then also covers the length of the rest.
 */
#include <stdlib.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "dedup/dedup_p.h"
#include "lang/lang.h"

/* Multiplier of the shingle polynomial (odd). */
#define SH_BASE 0x9E3779B97F4A7C15ull

static inline uint64_t mix64(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ull;
    x ^= x >> 33;
    return x;
}

void tdp_shingler_free(tdp_shingler *sh)
{
    if (!sh)
        return;
    tdp_free(sh->words);
    tdp_free(sh->set);
    *sh = (tdp_shingler){0};
}

/*
 * Hashes the words of the paragraphs into sh->words. Paragraph fingerprints go
 * to sig when it is not NULL. *rest receives the bytes left unread by the caps.
 */
static td_status normalise(tdp_shingler *sh, const tdp_para *paras, size_t n,
                           tdp_sig *sig, size_t *nw_out, uint64_t *rest)
{
    size_t nw = 0;
    size_t budget = TDP_DEDUP_MAX_BYTES;
    uint64_t left = 0;
    if (sig)
        sig->n_paras = 0;
    size_t p = 0;
    for (; p < n; p++) {
        const char *s = paras[p].text;
        size_t len = paras[p].len, pos = 0;
        if (!s)
            continue;
        if (nw >= TDP_DEDUP_MAX_WORDS || budget == 0)
            break;
        if (len > budget) {
            left += len - budget;
            len = budget;
        }
        budget -= len;
        size_t pw = nw;
        tdp_token t;
        while (tdp_token_next_opt(s, len, &pos, &t,
                                  TDP_TOKOPT_APOS_SPLITS | TDP_TOKOPT_NUMSEP_SPLITS)) {
            if (nw >= TDP_DEDUP_MAX_WORDS) {
                left += len - t.off;
                break;
            }
            if (nw >= sh->cap_words && TDP_GROW(sh->words, sh->cap_words, nw + 1))
                return TD_ENOMEM;
            sh->words[nw++] = XXH3_64bits(t.fold, t.flen);
        }
        if (sig && nw - pw >= TDP_DEDUP_MIN_PARA_WORDS &&
            sig->n_paras < TDP_DEDUP_MAX_PARAS) {
            sig->para_hash[sig->n_paras] = 0;   /* set with the shingles */
            sig->para_first[sig->n_paras] = (uint32_t)pw;
            sig->para_words[sig->n_paras] = (uint32_t)(nw - pw);
            sig->n_paras++;
        }
    }
    for (; p < n; p++)
        left += paras[p].len;
    *nw_out = nw;
    *rest = left;
    return TD_OK;
}

/* Bin of empty bin i at probe t: a fixed sequence, the same for every article. */
static inline uint32_t probe_bin(uint32_t i, uint32_t t)
{
    return (uint32_t)(mix64(((uint64_t)i << 32) | t) % TDP_DEDUP_K);
}

td_status tdp_sig_paras(tdp_shingler *sh, const tdp_para *paras, size_t n, tdp_sig *out)
{
    size_t nw;
    uint64_t rest;
    td_status st = normalise(sh, paras, n, out, &nw, &rest);
    if (st)
        return st;
    out->n_words = (uint32_t)nw;
    out->n_shingles = 0;
    out->truncated = rest > 0;
    memset(out->vals, 0, sizeof out->vals);
    if (nw == 0) {
        out->exact = 0;
        out->n_paras = 0;
        return TD_OK;
    }
    out->exact = XXH3_64bits_withSeed(sh->words, nw * sizeof *sh->words, rest);
    if (out->exact == 0)
        out->exact = 1;   /* 0 means "no words" */
    if (nw < TDP_DEDUP_SHINGLE)
        return TD_OK;     /* exact-only */

    const uint64_t *w = sh->words;
    const uint32_t k = TDP_DEDUP_SHINGLE;
    uint64_t top = 1;     /* SH_BASE^(k-1) */
    for (uint32_t j = 1; j < k; j++)
        top *= SH_BASE;
    uint64_t roll = 0;
    for (uint32_t j = 0; j < k; j++)
        roll = roll * SH_BASE + w[j];
    uint32_t vals[TDP_DEDUP_K];
    uint8_t filled[TDP_DEDUP_K];
    memset(vals, 0xff, sizeof vals);
    memset(filled, 0, sizeof filled);
    size_t ns = nw - k + 1;
    /* paragraph q takes the shingles that start at or after its first word and
     * end inside it */
    uint32_t q = 0, np = out->n_paras;
    uint64_t pmin = UINT64_MAX;
    for (size_t i = 0;; i++) {
        uint64_t f = mix64(roll);
        uint32_t bin = (uint32_t)(f >> 57);   /* top 7 bits: TDP_DEDUP_K == 128 */
        uint32_t v = (uint32_t)f;
        if (v < vals[bin])
            vals[bin] = v;
        filled[bin] = 1;
        while (q < np && i + k > (size_t)out->para_first[q] + out->para_words[q]) {
            out->para_hash[q++] = mix64(pmin);
            pmin = UINT64_MAX;
        }
        if (q < np && i >= out->para_first[q] && f < pmin)
            pmin = f;
        if (i + 1 == ns)
            break;
        roll = (roll - w[i] * top) * SH_BASE + w[i + k];
    }
    while (q < np) {
        out->para_hash[q++] = mix64(pmin);
        pmin = UINT64_MAX;
    }
    for (uint32_t b = 0; b < TDP_DEDUP_K; b++) {
        if (filled[b]) {
            out->vals[b] = vals[b];
            continue;
        }
        for (uint32_t t = 1;; t++) {
            uint32_t j = probe_bin(b, t);
            if (filled[j]) {
                out->vals[b] = vals[j];
                break;
            }
        }
    }
    out->n_shingles = (uint32_t)ns;
    return TD_OK;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

td_status tdp_shingle_set(tdp_shingler *sh, const tdp_para *paras, size_t n,
                          const uint64_t **set, size_t *len)
{
    size_t nw;
    uint64_t rest;
    *set = NULL;
    *len = 0;
    td_status st = normalise(sh, paras, n, NULL, &nw, &rest);
    if (st)
        return st;
    if (nw < TDP_DEDUP_SHINGLE)
        return TD_OK;
    const uint32_t k = TDP_DEDUP_SHINGLE;
    size_t ns = nw - k + 1;
    if (ns > sh->cap_set && TDP_GROW(sh->set, sh->cap_set, ns))
        return TD_ENOMEM;
    const uint64_t *w = sh->words;
    uint64_t top = 1;
    for (uint32_t j = 1; j < k; j++)
        top *= SH_BASE;
    uint64_t roll = 0;
    for (uint32_t j = 0; j < k; j++)
        roll = roll * SH_BASE + w[j];
    for (size_t i = 0;; i++) {
        sh->set[i] = mix64(roll);
        if (i + 1 == ns)
            break;
        roll = (roll - w[i] * top) * SH_BASE + w[i + k];
    }
    tdp_sort(sh->set, ns, sizeof *sh->set, cmp_u64);
    size_t m = 1;
    for (size_t i = 1; i < ns; i++)
        if (sh->set[i] != sh->set[m - 1])
            sh->set[m++] = sh->set[i];
    *set = sh->set;
    *len = m;
    return TD_OK;
}

size_t tdp_set_intersection(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
    size_t i = 0, j = 0, c = 0;
    while (i < na && j < nb) {
        if (a[i] < b[j])
            i++;
        else if (a[i] > b[j])
            j++;
        else {
            c++;
            i++;
            j++;
        }
    }
    return c;
}

double tdp_sig_jaccard(const tdp_sig *a, const tdp_sig *b)
{
    if (!a->n_shingles || !b->n_shingles)
        return a->exact && a->exact == b->exact ? 1.0 : 0.0;
    unsigned eq = 0;
    for (uint32_t i = 0; i < TDP_DEDUP_K; i++)
        eq += a->vals[i] == b->vals[i];
    return (double)eq / TDP_DEDUP_K;
}

uint32_t tdp_dedup_rows(double t)
{
    uint32_t best = 1;
    for (uint32_t r = 1; r <= 16; r++) {
        uint32_t bands = TDP_DEDUP_K / r;
        double p = 1.0, tr = 1.0;
        for (uint32_t i = 0; i < r; i++)
            tr *= t;
        for (uint32_t i = 0; i < bands; i++)
            p *= 1.0 - tr;
        if (1.0 - p >= 0.999)
            best = r;
        else
            break;
    }
    return best;
}

uint32_t tdp_band_key(const uint32_t *vals, uint32_t b, uint32_t r)
{
    return (uint32_t)XXH3_64bits_withSeed(vals + (size_t)b * r, r * sizeof *vals, b);
}

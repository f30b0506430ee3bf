/*
 * dedup_p.h - copies among articles (internal): signatures, the copy index and the
 * corpus pass the brief pipeline calls.
 *
 * An article's text (its cleaned paragraphs) is normalised to a stream of words:
 * letters, marks and digits, folded by the language layer's tokenizer (apostrophes
 * and the separators inside numbers split words). From it:
 *  - the exact hash: XXH3 of the sequence of word hashes (XXH3 of each word);
 *  - word shingles (TDP_DEDUP_SHINGLE consecutive words) and a one-permutation
 *    MinHash of them in TDP_DEDUP_K bins, densified so that no bin is empty;
 *  - paragraph fingerprints: for each paragraph of at least TDP_DEDUP_MIN_PARA_WORDS
 *    words, the smallest hash of the shingles inside it (a one-value MinHash of the
 *    paragraph: equal paragraphs always agree, a lightly edited one mostly does).
 * docs/dedup.md says why these numbers.
 */
#ifndef TDP_DEDUP_P_H
#define TDP_DEDUP_P_H

#include "article/article_p.h"
#include "tidings/dedup.h"

/* Kinds of copy (the same values as the public td_copy_kind). */
typedef enum tdp_copy_kind {
    TDP_COPY_NONE = 0, TDP_COPY_EXACT = 1, TDP_COPY_NEAR = 2, TDP_COPY_PARTIAL = 3
} tdp_copy_kind;

typedef struct tdp_copy {
    int32_t of;          /* index of the canonical article, -1 when independent */
    float similarity;    /* to the article it matched best: Jaccard (containment
                            for partial copies, 1 for exact ones) */
    uint8_t kind;        /* tdp_copy_kind */
} tdp_copy;

/*
 * For n cleaned articles, finds which are copies of which. out[i].of points at
 * the canonical article of i's group (earliest date, then the most complete),
 * which itself has of == -1. threshold: 0 for the default.
 */
td_status tdp_dedup_corpus(td_article *const *arts, size_t n, double threshold,
                           tdp_copy *out);
typedef struct tdp_csig tdp_csig;
/* The same from the articles' signatures computed beforehand (sigs[i] of arts[i],
 * as tdp_csig_make of tdp_sig_paras over its paragraphs): the same answer. */
td_status tdp_dedup_corpus_sigs(td_article *const *arts, const tdp_csig *const *sigs,
                                size_t n, double threshold, tdp_copy *out);

/* ---- parameters (measured: docs/dedup.md) ---- */
#define TDP_DEDUP_K 128                 /* MinHash bins */
#define TDP_DEDUP_SHINGLE 4             /* words per shingle */
#define TDP_DEDUP_MAX_WORDS 100000u     /* words considered per article */
#define TDP_DEDUP_MAX_BYTES (4u << 20)  /* bytes of text scanned per article */
#define TDP_DEDUP_MIN_PARA_WORDS 10u    /* shorter paragraphs get no fingerprint */
#define TDP_DEDUP_MAX_PARAS 256u        /* paragraph fingerprints per article */
#define TDP_DEDUP_BUCKET_CAP 32u        /* articles kept per band bucket / paragraph */
#define TDP_DEDUP_DEFAULT_THRESHOLD 0.7
#define TDP_DEDUP_DEFAULT_CONTAINMENT 0.5
#define TDP_DEDUP_MIN_SHARED_WORDS 25u  /* a partial copy shares at least this much */

/* The signature of one article. */
typedef struct tdp_sig {
    uint64_t exact;          /* XXH3 of the word hashes; 0 when it has no words */
    uint32_t n_words;        /* words considered (at most TDP_DEDUP_MAX_WORDS) */
    uint32_t n_shingles;     /* shingle positions; 0: too short, exact-only */
    uint32_t vals[TDP_DEDUP_K];
    uint32_t n_paras;        /* fingerprinted paragraphs */
    uint64_t para_hash[TDP_DEDUP_MAX_PARAS];
    uint32_t para_words[TDP_DEDUP_MAX_PARAS];
    uint32_t para_first[TDP_DEDUP_MAX_PARAS];   /* index of its first word */
    bool truncated;          /* the caps above cut the text */
} tdp_sig;

/*
 * A signature as an article keeps it (a prepared article, a stored one): the
 * paragraph fingerprints in one block sized to them, not the fixed arrays of
 * tdp_sig (about 0.5 KB for a short article instead of 4.7 KB).
 */
struct tdp_csig {
    uint64_t exact;
    uint32_t n_words, n_shingles, n_paras;
    bool truncated;
    uint32_t vals[TDP_DEDUP_K];
    uint64_t *para_hash;     /* n_paras of each, in one tdp_malloc'd block */
    uint32_t *para_words;
    uint32_t *para_first;
};

/* The compact form of s (TD_ENOMEM only), and back; free releases the block. */
td_status tdp_csig_make(const tdp_sig *s, tdp_csig *out);
/* Allocates the paragraph block of out for out->n_paras (set by the caller). */
td_status tdp_csig_alloc(tdp_csig *out);
void tdp_csig_expand(const tdp_csig *c, tdp_sig *out);
void tdp_csig_free(tdp_csig *c);

/* Scratch memory reused from one article to the next (one per thread). */
typedef struct tdp_shingler {
    uint64_t *words;         /* word hashes */
    size_t cap_words;
    uint64_t *set;           /* shingle hashes (tdp_shingle_set) */
    size_t cap_set;
} tdp_shingler;

void tdp_shingler_free(tdp_shingler *sh);

/* Signature of the paragraphs paras[0..n). */
td_status tdp_sig_paras(tdp_shingler *sh, const tdp_para *paras, size_t n, tdp_sig *out);

/*
 * The sorted, distinct 64-bit shingle hashes of the paragraphs (for exact Jaccard
 * and containment). *set points into sh and stays valid until the next call.
 */
td_status tdp_shingle_set(tdp_shingler *sh, const tdp_para *paras, size_t n,
                          const uint64_t **set, size_t *len);

/* |a ∩ b| of two sorted distinct arrays. */
size_t tdp_set_intersection(const uint64_t *a, size_t na, const uint64_t *b, size_t nb);

/* Estimated Jaccard of two signatures (fraction of equal bins). */
double tdp_sig_jaccard(const tdp_sig *a, const tdp_sig *b);

/* Rows per LSH band for a threshold: the most rows that still give a candidate
 * probability of at least 0.999 at Jaccard == threshold. */
uint32_t tdp_dedup_rows(double threshold);

/* 32-bit key of band b (rows r) of a signature. */
uint32_t tdp_band_key(const uint32_t *vals, uint32_t b, uint32_t r);

/* ---- the index ---- */

/* One candidate found for an article by tdp_index_query. */
typedef struct tdp_cand {
    uint32_t rec;            /* record number in the index */
    uint32_t shared_words;   /* words of the query in paragraphs the record also has */
    float jaccard;           /* estimated from the signatures */
    bool exact;              /* same exact hash */
} tdp_cand;

/*
 * Looks up the candidates of a signature (exact hash, LSH bands, paragraph
 * fingerprints). The array is the index's scratch, valid until the next call.
 */
td_status tdp_index_query(td_dedup_index *ix, const tdp_sig *s, const tdp_cand **cands,
                          size_t *n);

/*
 * Stores a signature as record number *rec, in the group of root (a record
 * number, or UINT32_MAX for a group of its own). days: publication day or
 * INT32_MAX. id is copied.
 */
td_status tdp_index_insert(td_dedup_index *ix, const tdp_sig *s, const char *id,
                           int32_t days, uint32_t root, uint32_t *rec);

/*
 * The streaming answer for a signature (as td_dedup_index_add / _query): decided
 * from the estimates; stored when add is true and it is not an exact copy.
 * *nearest (may be NULL) receives the record matched, UINT32_MAX when none.
 */
td_status tdp_index_add_sig(td_dedup_index *ix, const tdp_sig *s, const char *id,
                           int32_t days, bool add, td_dedup_match *out, uint32_t *nearest);

/* What the index knows of a record. */
uint32_t tdp_index_root(const td_dedup_index *ix, uint32_t rec);
const char *tdp_index_id(const td_dedup_index *ix, uint32_t rec);
uint32_t tdp_index_words(const td_dedup_index *ix, uint32_t rec);
uint32_t tdp_index_shingles(const td_dedup_index *ix, uint32_t rec);
double tdp_index_threshold(const td_dedup_index *ix);
double tdp_index_containment(const td_dedup_index *ix);

/* Bytes of memory the index holds (for benchmarks). */
size_t tdp_index_bytes(const td_dedup_index *ix);

#endif

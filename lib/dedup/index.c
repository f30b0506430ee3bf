/*
 * index.c - the copy index: signatures of the articles seen so far, found again by
 * exact hash, by LSH band keys and by paragraph fingerprints.
 *
 * Memory per stored article: a 32-byte record, the signature cut to 8 bits a bin
 * (TDP_DEDUP_K bytes: "b-bit MinHash"; equal low bytes stand for equal values,
 * which adds 1/256 to the chance that a bin agrees, removed in the estimate), its band keys (4 bytes a band) and its
 * slots in the tables. The tables use open addressing with linear probing and hold
 * record numbers (+1; 0 is empty); the key of a slot is read from the record.
 *
 * No quadratic blow-up: a band bucket or a paragraph keeps at most
 * TDP_DEDUP_BUCKET_CAP articles (later ones are not added there), and exact copies
 * are answered by their hash and never stored.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#define XXH_INLINE_ALL
#include <xxhash.h>

#include "dedup/dedup_p.h"

typedef struct rec {
    uint64_t exact;
    uint32_t n_words, n_shingles;
    int32_t days;
    uint32_t root;
    uint32_t id_off;
    uint32_t pad;
} rec;

struct td_dedup_index {
    double threshold, containment;
    uint32_t rows, bands;
    rec *recs;
    size_t n, cap;
    uint8_t *sig;           /* n * TDP_DEDUP_K: low byte of each bin */
    uint32_t *keys;         /* n * bands */
    char *ids;
    size_t ids_len, ids_cap;
    uint32_t *ex;           /* exact table */
    size_t ex_cap;
    uint32_t **band;        /* bands tables of band_cap slots */
    size_t band_cap;
    uint64_t *para;         /* (check << 32) | (rec + 1) */
    size_t para_cap, para_n;
    /* query scratch */
    uint64_t *stamp;        /* per record: (epoch << 32) | position in cands */
    uint32_t epoch;
    tdp_cand *cands;
    size_t n_cands, cap_cands;
    tdp_shingler sh;
    tdp_sig *qsig;
};

/* ---- small helpers ---- */

static inline uint64_t hmix(uint64_t x)
{
    x ^= x >> 31;
    x *= 0x7fb5d329728ea185ull;
    x ^= x >> 27;
    x *= 0x81dadef4bc2dd44dull;
    x ^= x >> 33;
    return x;
}

static td_status grow_recs(td_dedup_index *ix, size_t need)
{
    if (need <= ix->cap)
        return TD_OK;
    size_t cap = ix->cap ? ix->cap * 2 : 1024;
    while (cap < need)
        cap *= 2;
    if (TDP_RESIZE(ix->recs, cap) || TDP_RESIZE(ix->sig, cap * TDP_DEDUP_K) ||
        TDP_RESIZE(ix->keys, cap * ix->bands) || TDP_RESIZE(ix->stamp, cap))
        return TD_ENOMEM;
    memset(ix->stamp + ix->cap, 0, (cap - ix->cap) * sizeof *ix->stamp);
    ix->cap = cap;
    return TD_OK;
}

/* ---- exact table ---- */

static void ex_put(uint32_t *t, size_t cap, const rec *recs, uint32_t r)
{
    size_t m = cap - 1, pos = hmix(recs[r].exact) & m;
    while (t[pos])
        pos = (pos + 1) & m;
    t[pos] = r + 1;
}

static td_status ex_grow(td_dedup_index *ix, size_t n)
{
    if (n * 10 <= ix->ex_cap * 7)
        return TD_OK;
    size_t cap = ix->ex_cap ? ix->ex_cap * 2 : 1024;
    while (n * 10 > cap * 7)
        cap *= 2;
    uint32_t *t = tdp_calloc(cap, sizeof *t);
    if (!t)
        return TD_ENOMEM;
    for (size_t i = 0; i < ix->ex_cap; i++)
        if (ix->ex[i])
            ex_put(t, cap, ix->recs, ix->ex[i] - 1);
    tdp_free(ix->ex);
    ix->ex = t;
    ix->ex_cap = cap;
    return TD_OK;
}

/* ---- band tables ---- */

/* Inserts record r in band b unless the bucket is full. */
static void band_put(uint32_t *t, size_t cap, const uint32_t *keys, uint32_t bands,
                     uint32_t b, uint32_t r)
{
    uint32_t key = keys[(size_t)r * bands + b];
    size_t m = cap - 1, pos = hmix(key) & m;
    uint32_t same = 0;
    while (t[pos]) {
        if (keys[(size_t)(t[pos] - 1) * bands + b] == key &&
            ++same >= TDP_DEDUP_BUCKET_CAP)
            return;
        pos = (pos + 1) & m;
    }
    t[pos] = r + 1;
}

static td_status band_grow(td_dedup_index *ix, size_t n)
{
    if (n * 10 <= ix->band_cap * 6)
        return TD_OK;
    size_t cap = ix->band_cap ? ix->band_cap * 2 : 1024;
    while (n * 10 > cap * 6)
        cap *= 2;
    /* band by band, so that only one old and one new table live at once */
    for (uint32_t b = 0; b < ix->bands; b++) {
        uint32_t *t = tdp_calloc(cap, sizeof *t);
        if (!t)
            return TD_ENOMEM;   /* the tables stay consistent: some are larger */
        uint32_t *old = ix->band[b];
        size_t oc = ix->band_cap;
        /* re-insert in record order, so that the buckets keep their first members */
        for (size_t i = 0; i < oc; i++)
            if (old && old[i])
                band_put(t, cap, ix->keys, ix->bands, b, old[i] - 1);
        tdp_free(old);
        ix->band[b] = t;
    }
    ix->band_cap = cap;
    return TD_OK;
}

/* ---- paragraph table ----
 * A slot keeps the high 32 bits of the fingerprint (the check) and the record; its
 * home position is a mix of the check alone, so the table can be rebuilt from the
 * slots. Two paragraphs agree on their check by chance with probability 2^-32. */

static inline size_t para_home(uint64_t check, size_t cap)
{
    return (size_t)(hmix(check) & (cap - 1));
}

static void para_put(uint64_t *t, size_t cap, uint64_t check, uint32_t r, size_t *n)
{
    size_t m = cap - 1, pos = para_home(check, cap);
    uint32_t same = 0;
    while (t[pos]) {
        if ((t[pos] >> 32) == check) {
            if ((uint32_t)t[pos] == r + 1 || ++same >= TDP_DEDUP_BUCKET_CAP)
                return;   /* already there, or the paragraph is everywhere */
        }
        pos = (pos + 1) & m;
    }
    t[pos] = (check << 32) | (uint64_t)(r + 1);
    (*n)++;
}

static td_status para_grow(td_dedup_index *ix, size_t n)
{
    if (n * 10 <= ix->para_cap * 6)
        return TD_OK;
    size_t cap = ix->para_cap ? ix->para_cap * 2 : 1024;
    while (n * 10 > cap * 6)
        cap *= 2;
    uint64_t *t = tdp_calloc(cap, sizeof *t);
    if (!t)
        return TD_ENOMEM;
    for (size_t i = 0; i < ix->para_cap; i++) {
        uint64_t v = ix->para[i];
        if (!v)
            continue;
        size_t m = cap - 1, pos = para_home(v >> 32, cap);
        while (t[pos])
            pos = (pos + 1) & m;
        t[pos] = v;
    }
    tdp_free(ix->para);
    ix->para = t;
    ix->para_cap = cap;
    return TD_OK;
}

/* ---- the index ---- */

static bool opts_ok(double t, double c)
{
    return t > 0.0 && t <= 1.0 && c > 0.0;
}

static td_dedup_index *index_new(double threshold, double containment)
{
    if (!opts_ok(threshold, containment))
        return NULL;
    td_dedup_index *ix = tdp_calloc(1, sizeof *ix);
    if (!ix)
        return NULL;
    ix->threshold = threshold;
    ix->containment = containment;
    ix->rows = tdp_dedup_rows(threshold);
    ix->bands = TDP_DEDUP_K / ix->rows;
    ix->band = tdp_calloc(ix->bands, sizeof *ix->band);
    ix->qsig = tdp_malloc(sizeof *ix->qsig);
    if (!ix->band || !ix->qsig) {
        td_dedup_index_free(ix);
        return NULL;
    }
    return ix;
}

TD_API td_dedup_index *td_dedup_index_new(const td_dedup_opts *opts)
{
    double t = opts && opts->threshold > 0 ? opts->threshold : TDP_DEDUP_DEFAULT_THRESHOLD;
    double c = opts && opts->containment > 0 ? opts->containment
                                             : TDP_DEDUP_DEFAULT_CONTAINMENT;
    return index_new(t, c);
}

TD_API void td_dedup_index_free(td_dedup_index *ix)
{
    if (!ix)
        return;
    tdp_free(ix->recs);
    tdp_free(ix->sig);
    tdp_free(ix->keys);
    tdp_free(ix->ids);
    tdp_free(ix->ex);
    if (ix->band)
        for (uint32_t b = 0; b < ix->bands; b++)
            tdp_free(ix->band[b]);
    tdp_free(ix->band);
    tdp_free(ix->para);
    tdp_free(ix->stamp);
    tdp_free(ix->cands);
    tdp_shingler_free(&ix->sh);
    tdp_free(ix->qsig);
    tdp_free(ix);
}

TD_API size_t td_dedup_index_count(const td_dedup_index *ix) { return ix ? ix->n : 0; }

uint32_t tdp_index_root(const td_dedup_index *ix, uint32_t r) { return ix->recs[r].root; }
const char *tdp_index_id(const td_dedup_index *ix, uint32_t r) { return ix->ids + ix->recs[r].id_off; }
uint32_t tdp_index_words(const td_dedup_index *ix, uint32_t r) { return ix->recs[r].n_words; }
uint32_t tdp_index_shingles(const td_dedup_index *ix, uint32_t r) { return ix->recs[r].n_shingles; }
double tdp_index_threshold(const td_dedup_index *ix) { return ix->threshold; }
double tdp_index_containment(const td_dedup_index *ix) { return ix->containment; }

size_t tdp_index_bytes(const td_dedup_index *ix)
{
    return ix->n * (sizeof(rec) + TDP_DEDUP_K + ix->bands * 4 + 8) + ix->ids_len +
           ix->ex_cap * 4 + ix->bands * ix->band_cap * 4 + ix->para_cap * 8;
}

/* Adds record r to the candidates (once) and returns its entry. */
static tdp_cand *cand_of(td_dedup_index *ix, uint32_t r)
{
    uint64_t s = ix->stamp[r];
    if ((uint32_t)(s >> 32) == ix->epoch)
        return &ix->cands[(uint32_t)s];
    if (ix->n_cands >= ix->cap_cands && TDP_GROW(ix->cands, ix->cap_cands, ix->n_cands + 1))
        return NULL;
    ix->stamp[r] = ((uint64_t)ix->epoch << 32) | ix->n_cands;
    tdp_cand *c = &ix->cands[ix->n_cands++];
    *c = (tdp_cand){r, 0, 0.0f, false};
    return c;
}

static double est_jaccard(const td_dedup_index *ix, const tdp_sig *s, uint32_t r)
{
    const rec *q = &ix->recs[r];
    if (!s->n_shingles || !q->n_shingles)
        return s->exact == q->exact ? 1.0 : 0.0;
    const uint8_t *v = ix->sig + (size_t)r * TDP_DEDUP_K;
    unsigned eq = 0;
    for (uint32_t i = 0; i < TDP_DEDUP_K; i++)
        eq += (uint8_t)s->vals[i] == v[i];
    /* remove the chance agreement of 8-bit values */
    double p = (double)eq / TDP_DEDUP_K, e = 1.0 / 256.0;
    p = (p - e) / (1.0 - e);
    return p < 0 ? 0 : p;
}

td_status tdp_index_query(td_dedup_index *ix, const tdp_sig *s, const tdp_cand **out,
                          size_t *n)
{
    *out = NULL;
    *n = 0;
    ix->n_cands = 0;
    if (!s->exact)
        return TD_OK;
    if (++ix->epoch == 0) {
        memset(ix->stamp, 0, ix->cap * sizeof *ix->stamp);
        ix->epoch = 1;
    }
    if (ix->ex_cap) {
        size_t m = ix->ex_cap - 1, pos = hmix(s->exact) & m;
        for (; ix->ex[pos]; pos = (pos + 1) & m) {
            uint32_t r = ix->ex[pos] - 1;
            if (ix->recs[r].exact == s->exact) {
                tdp_cand *c = cand_of(ix, r);
                if (!c)
                    return TD_ENOMEM;
                c->exact = true;
            }
        }
    }
    if (s->n_shingles && ix->band_cap) {
        size_t m = ix->band_cap - 1;
        for (uint32_t b = 0; b < ix->bands; b++) {
            uint32_t key = tdp_band_key(s->vals, b, ix->rows);
            const uint32_t *t = ix->band[b];
            uint32_t got = 0;
            for (size_t pos = hmix(key) & m; t[pos] && got < TDP_DEDUP_BUCKET_CAP;
                 pos = (pos + 1) & m) {
                uint32_t r = t[pos] - 1;
                if (ix->keys[(size_t)r * ix->bands + b] != key)
                    continue;
                got++;
                if (!cand_of(ix, r))
                    return TD_ENOMEM;
            }
        }
    }
    if (s->n_paras && ix->para_cap) {
        size_t m = ix->para_cap - 1;
        for (uint32_t i = 0; i < s->n_paras; i++) {
            uint64_t check = s->para_hash[i] >> 32;
            for (size_t pos = para_home(check, ix->para_cap); ix->para[pos];
                 pos = (pos + 1) & m) {
                if ((ix->para[pos] >> 32) != check)
                    continue;
                tdp_cand *c = cand_of(ix, (uint32_t)ix->para[pos] - 1);
                if (!c)
                    return TD_ENOMEM;
                c->shared_words += s->para_words[i];
            }
        }
    }
    for (size_t i = 0; i < ix->n_cands; i++) {
        tdp_cand *c = &ix->cands[i];
        c->jaccard = c->exact ? 1.0f : (float)est_jaccard(ix, s, c->rec);
        if (c->shared_words > s->n_words)
            c->shared_words = s->n_words;
    }
    *out = ix->cands;
    *n = ix->n_cands;
    return TD_OK;
}

td_status tdp_index_insert(td_dedup_index *ix, const tdp_sig *s, const char *id,
                           int32_t days, uint32_t root, uint32_t *out)
{
    if (ix->n >= UINT32_MAX - 1)
        return TD_ETOOBIG;
    size_t idlen = strlen(id ? id : "");
    if (grow_recs(ix, ix->n + 1) || ex_grow(ix, ix->n + 1) || band_grow(ix, ix->n + 1) ||
        para_grow(ix, ix->para_n + s->n_paras) ||
        (ix->ids_len + idlen + 1 > ix->ids_cap &&
         TDP_GROW(ix->ids, ix->ids_cap, ix->ids_len + idlen + 1)))
        return TD_ENOMEM;
    if (ix->ids_len + idlen + 1 > UINT32_MAX)
        return TD_ETOOBIG;
    uint32_t r = (uint32_t)ix->n;
    rec *q = &ix->recs[r];
    *q = (rec){s->exact, s->n_words, s->n_shingles, days, root == UINT32_MAX ? r : root,
               (uint32_t)ix->ids_len, 0};
    memcpy(ix->ids + ix->ids_len, id ? id : "", idlen + 1);
    ix->ids_len += idlen + 1;
    uint8_t *v = ix->sig + (size_t)r * TDP_DEDUP_K;
    for (uint32_t i = 0; i < TDP_DEDUP_K; i++)
        v[i] = (uint8_t)s->vals[i];
    uint32_t *k = ix->keys + (size_t)r * ix->bands;
    for (uint32_t b = 0; b < ix->bands; b++)
        k[b] = tdp_band_key(s->vals, b, ix->rows);
    ix->stamp[r] = 0;
    ix->n++;
    ex_put(ix->ex, ix->ex_cap, ix->recs, r);
    if (s->n_shingles)
        for (uint32_t b = 0; b < ix->bands; b++)
            band_put(ix->band[b], ix->band_cap, ix->keys, ix->bands, b, r);
    for (uint32_t i = 0; i < s->n_paras; i++)
        para_put(ix->para, ix->para_cap, s->para_hash[i] >> 32, r, &ix->para_n);
    if (out)
        *out = r;
    return TD_OK;
}

/* ---- answers from estimates ---- */

/* Containment of the smaller article in the larger, estimated. */
static double est_containment(const td_dedup_index *ix, const tdp_sig *s, const tdp_cand *c)
{
    const rec *q = &ix->recs[c->rec];
    double best = 0;
    uint32_t wmin = s->n_words < q->n_words ? s->n_words : q->n_words;
    if (wmin)
        best = (double)c->shared_words / wmin;
    uint32_t smin = s->n_shingles < q->n_shingles ? s->n_shingles : q->n_shingles;
    if (smin && c->jaccard > 0) {
        double j = c->jaccard;
        double inter = j * ((double)s->n_shingles + q->n_shingles) / (1.0 + j);
        double cj = inter / smin;
        if (cj > best)
            best = cj;
    }
    return best > 1 ? 1 : best;
}

/*
 * Picks the best match among the candidates: an exact copy, else the near copy of
 * highest Jaccard, else the partial copy of highest containment. *best = -1: none.
 */
static void decide(const td_dedup_index *ix, const tdp_sig *s, const tdp_cand *c,
                   size_t n, long *best, td_copy_kind *kind, double *sim)
{
    *best = -1;
    *kind = TD_COPY_NONE;
    *sim = 0;
    double bj = -1, bc = -1;
    long near = -1, part = -1;
    for (size_t i = 0; i < n; i++) {
        if (c[i].exact) {
            *best = (long)i;
            *kind = TD_COPY_EXACT;
            *sim = 1.0;
            return;
        }
        if (!s->n_shingles || !ix->recs[c[i].rec].n_shingles)
            continue;
        if (c[i].jaccard >= ix->threshold && c[i].jaccard > bj) {
            bj = c[i].jaccard;
            near = (long)i;
        }
        double ct = est_containment(ix, s, &c[i]);
        uint32_t wmin = s->n_words < ix->recs[c[i].rec].n_words ? s->n_words
                                                               : ix->recs[c[i].rec].n_words;
        if (ct >= ix->containment && ct * wmin >= TDP_DEDUP_MIN_SHARED_WORDS && ct > bc) {
            bc = ct;
            part = (long)i;
        }
    }
    if (near >= 0) {
        *best = near;
        *kind = TD_COPY_NEAR;
        *sim = bj;
    } else if (part >= 0) {
        *best = part;
        *kind = TD_COPY_PARTIAL;
        *sim = bc;
    }
}

static int32_t article_days(const td_article *a)
{
    return a->date.prec >= TD_DATE_MONTH ? td_date_days(&a->date) : INT32_MAX;
}

td_status tdp_index_add_sig(td_dedup_index *ix, const tdp_sig *s, const char *id,
                           int32_t days, bool add, td_dedup_match *out, uint32_t *nearest)
{
    *out = (td_dedup_match){TD_COPY_NONE, 0.0, NULL, NULL, 0};
    if (nearest)
        *nearest = UINT32_MAX;
    if (!s->exact)
        return TD_EEMPTY;
    const tdp_cand *c;
    size_t n;
    td_status st = tdp_index_query(ix, s, &c, &n);
    if (st)
        return st;
    long best;
    td_copy_kind kind;
    double sim;
    decide(ix, s, c, n, &best, &kind, &sim);
    uint32_t root = UINT32_MAX, near_rec = 0;
    if (kind == TD_COPY_EXACT && !strcmp(tdp_index_id(ix, c[best].rec), id ? id : "")) {
        /* the article itself, met again: neither a copy nor new */
        out->known = 1;
        if (nearest)
            *nearest = c[best].rec;
        return TD_OK;
    }
    if (best >= 0) {
        near_rec = c[best].rec;
        root = ix->recs[near_rec].root;
        out->kind = kind;
        out->similarity = sim;
        if (nearest)
            *nearest = near_rec;
    }
    if (add && kind != TD_COPY_EXACT)
        st = tdp_index_insert(ix, s, id ? id : "", days, root, NULL);
    /* set after the insert: the id blob may have moved */
    if (best >= 0) {
        out->nearest = tdp_index_id(ix, near_rec);
        out->of = tdp_index_id(ix, root);
    }
    return st;
}

static td_status index_article(td_dedup_index *ix, td_article *a, td_dedup_match *out,
                               bool add)
{
    if (!ix || !a || !out || !a->cleaned)
        return TD_EARG;
    *out = (td_dedup_match){TD_COPY_NONE, 0.0, NULL, NULL, 0};
    td_status st = tdp_sig_paras(&ix->sh, a->paras, a->n_paras, ix->qsig);
    if (st)
        return st;
    return tdp_index_add_sig(ix, ix->qsig, a->id, article_days(a), add, out, NULL);
}

struct td_dedup_sig {
    tdp_shingler sh;
    tdp_sig sig;
    char *id;
    int32_t days;
    bool ok;
};

TD_API td_dedup_sig *td_dedup_sig_new(void)
{
    return tdp_calloc(1, sizeof(td_dedup_sig));
}

TD_API void td_dedup_sig_free(td_dedup_sig *s)
{
    if (!s)
        return;
    tdp_shingler_free(&s->sh);
    tdp_free(s->id);
    tdp_free(s);
}

TD_API td_status td_dedup_sign(td_dedup_sig *s, td_article *a)
{
    if (!s || !a || !a->cleaned)
        return TD_EARG;
    s->ok = false;
    char *id = tdp_strdup(a->id ? a->id : "");
    if (!id)
        return TD_ENOMEM;
    tdp_free(s->id);
    s->id = id;
    s->days = article_days(a);
    td_status st = tdp_sig_paras(&s->sh, a->paras, a->n_paras, &s->sig);
    if (st)
        return st;
    s->ok = true;
    return s->sig.exact ? TD_OK : TD_EEMPTY;
}

TD_API td_status td_dedup_index_add_sig(td_dedup_index *ix, const td_dedup_sig *s,
                                        td_dedup_match *out)
{
    if (!ix || !s || !out || !s->ok)
        return TD_EARG;
    return tdp_index_add_sig(ix, &s->sig, s->id, s->days, true, out, NULL);
}

TD_API td_status td_dedup_index_add(td_dedup_index *ix, td_article *a, td_dedup_match *out)
{
    return index_article(ix, a, out, true);
}

TD_API td_status td_dedup_index_query(td_dedup_index *ix, td_article *a,
                                      td_dedup_match *out)
{
    return index_article(ix, a, out, false);
}

/* ---- the file ----
 * Little-endian throughout:
 *   0  magic "tdDEDUP\x1a"         8  u32 version (3)       12 u32 K
 *   16 u32 shingle words          20 u32 rows               24 u32 bands
 *   28 u32 0                      32 f64 threshold          40 f64 containment
 *   48 u64 records                56 u64 id bytes           64 u64 paragraph slots
 *   72 u64 0
 *   80 records (32 bytes each: exact u64, words u32, shingles u32, days i32,
 *      root u32, id offset u32, 0 u32), signatures (K bytes each), band keys
 *      (u32 * bands each), ids (NUL-terminated), paragraph slots (u64 each)
 *   end: u64 XXH3-64 of every byte before it.
 */

static const char k_magic[8] = {'t', 'd', 'D', 'E', 'D', 'U', 'P', 0x1a};
/* 3: words are the language layer's folded tokens (2: simple lower case) */
#define FILE_VERSION 3u
#define HEADER_BYTES 80u

typedef struct wr {
    FILE *f;
    XXH3_state_t *h;
    unsigned char buf[1 << 16];
    size_t n;
    bool err;
} wr;

static void wr_flush(wr *w)
{
    if (w->n && !w->err) {
        XXH3_64bits_update(w->h, w->buf, w->n);
        if (fwrite(w->buf, 1, w->n, w->f) != w->n)
            w->err = true;
    }
    w->n = 0;
}

static void wr_bytes(wr *w, const void *p, size_t n)
{
    const unsigned char *s = p;
    while (n) {
        if (w->n == sizeof w->buf)
            wr_flush(w);
        size_t k = sizeof w->buf - w->n;
        if (k > n)
            k = n;
        memcpy(w->buf + w->n, s, k);
        w->n += k;
        s += k;
        n -= k;
    }
}

static void wr_u32(wr *w, uint32_t v)
{
    unsigned char b[4];
    for (int i = 0; i < 4; i++)
        b[i] = (unsigned char)(v >> (8 * i));
    wr_bytes(w, b, 4);
}

static void wr_u64(wr *w, uint64_t v)
{
    unsigned char b[8];
    for (int i = 0; i < 8; i++)
        b[i] = (unsigned char)(v >> (8 * i));
    wr_bytes(w, b, 8);
}

static uint64_t dbits(double d)
{
    uint64_t u;
    memcpy(&u, &d, sizeof u);
    return u;
}

TD_API td_status td_dedup_index_save(const td_dedup_index *ix, const char *path)
{
    if (!ix || !path)
        return TD_EARG;
    tdp_buf tmp = TDP_BUF_INIT;
    tdp_buf_printf(&tmp, "%s.tmp%ld", path, (long)getpid());
    if (tmp.err)
        return tmp.err;
    wr *w = tdp_malloc(sizeof *w);
    if (!w) {
        tdp_buf_free(&tmp);
        return TD_ENOMEM;
    }
    w->f = fopen(tmp.data, "wb");
    if (!w->f) {
        tdp_free(w);
        tdp_buf_free(&tmp);
        return TD_EIO;
    }
    XXH3_state_t hs;   /* on the stack: it needs 64-byte alignment */
    w->h = &hs;
    w->n = 0;
    w->err = false;
    XXH3_64bits_reset(w->h);
    wr_bytes(w, k_magic, 8);
    wr_u32(w, FILE_VERSION);
    wr_u32(w, TDP_DEDUP_K);
    wr_u32(w, TDP_DEDUP_SHINGLE);
    wr_u32(w, ix->rows);
    wr_u32(w, ix->bands);
    wr_u32(w, 0);
    wr_u64(w, dbits(ix->threshold));
    wr_u64(w, dbits(ix->containment));
    wr_u64(w, ix->n);
    wr_u64(w, ix->ids_len);
    wr_u64(w, ix->para_cap);
    wr_u64(w, 0);
    for (size_t i = 0; i < ix->n; i++) {
        const rec *q = &ix->recs[i];
        wr_u64(w, q->exact);
        wr_u32(w, q->n_words);
        wr_u32(w, q->n_shingles);
        wr_u32(w, (uint32_t)q->days);
        wr_u32(w, q->root);
        wr_u32(w, q->id_off);
        wr_u32(w, 0);
    }
    wr_bytes(w, ix->sig, ix->n * TDP_DEDUP_K);
    for (size_t i = 0; i < ix->n * ix->bands; i++)
        wr_u32(w, ix->keys[i]);
    wr_bytes(w, ix->ids, ix->ids_len);
    for (size_t i = 0; i < ix->para_cap; i++)
        wr_u64(w, ix->para[i]);
    wr_flush(w);
    uint64_t sum = XXH3_64bits_digest(w->h);
    unsigned char b[8];
    for (int i = 0; i < 8; i++)
        b[i] = (unsigned char)(sum >> (8 * i));
    if (!w->err && fwrite(b, 1, 8, w->f) != 8)
        w->err = true;
    if (fflush(w->f) != 0 || fsync(fileno(w->f)) != 0)
        w->err = true;
    if (fclose(w->f) != 0)
        w->err = true;
    td_status st = TD_OK;
    if (w->err || rename(tmp.data, path) != 0) {
        remove(tmp.data);
        st = TD_EIO;
    }
    tdp_free(w);
    tdp_buf_free(&tmp);
    return st;
}

static uint32_t rd_u32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}

static uint64_t rd_u64(const unsigned char *p)
{
    return (uint64_t)rd_u32(p) | (uint64_t)rd_u32(p + 4) << 32;
}

static double rd_f64(const unsigned char *p)
{
    uint64_t u = rd_u64(p);
    double d;
    memcpy(&d, &u, sizeof d);
    return d;
}

/* a*b + c with overflow check. */
static bool muladd(uint64_t a, uint64_t b, uint64_t *acc)
{
    if (b && a > (UINT64_MAX - *acc) / b)
        return false;
    *acc += a * b;
    return true;
}

static td_status load_body(td_dedup_index *ix, const unsigned char *p, uint64_t n,
                           uint64_t para_cap)
{
    const unsigned char *q = p;
    if (grow_recs(ix, n ? n : 1))
        return TD_ENOMEM;
    for (uint64_t i = 0; i < n; i++, q += 32) {
        rec *r = &ix->recs[i];
        r->exact = rd_u64(q);
        r->n_words = rd_u32(q + 8);
        r->n_shingles = rd_u32(q + 12);
        r->days = (int32_t)rd_u32(q + 16);
        r->root = rd_u32(q + 20);
        r->id_off = rd_u32(q + 24);
        r->pad = 0;
        if (r->root >= n || r->id_off >= ix->ids_len || r->exact == 0 ||
            r->n_shingles > r->n_words)
            return TD_ECORRUPT;
    }
    memcpy(ix->sig, q, n * TDP_DEDUP_K);
    q += n * TDP_DEDUP_K;
    for (uint64_t i = 0; i < n * ix->bands; i++, q += 4)
        ix->keys[i] = rd_u32(q);
    memcpy(ix->ids, q, ix->ids_len);
    q += ix->ids_len;
    if (ix->ids_len && ix->ids[ix->ids_len - 1] != 0)
        return TD_ECORRUPT;
    ix->n = n;
    if (para_cap) {
        ix->para = tdp_calloc(para_cap, sizeof *ix->para);
        if (!ix->para)
            return TD_ENOMEM;
        ix->para_cap = para_cap;
        for (uint64_t i = 0; i < para_cap; i++, q += 8) {
            uint64_t v = rd_u64(q);
            if (v && (uint32_t)v > n)
                return TD_ECORRUPT;
            if (v && (uint32_t)v == 0)
                return TD_ECORRUPT;
            ix->para[i] = v;
            ix->para_n += v != 0;
        }
        if (ix->para_n * 10 > para_cap * 6 + 10)
            return TD_ECORRUPT;
    }
    /* rebuild the exact and band tables */
    if (ex_grow(ix, n) || band_grow(ix, n))
        return TD_ENOMEM;
    for (uint32_t r = 0; r < n; r++) {
        ex_put(ix->ex, ix->ex_cap, ix->recs, r);
        if (ix->recs[r].n_shingles)
            for (uint32_t b = 0; b < ix->bands; b++)
                band_put(ix->band[b], ix->band_cap, ix->keys, ix->bands, b, r);
    }
    return TD_OK;
}

TD_API td_status td_dedup_index_load(const char *path, td_dedup_index **out)
{
    if (!path || !out)
        return TD_EARG;
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f)
        return TD_EIO;
    struct stat stt;
    if (fstat(fileno(f), &stt) != 0 || !S_ISREG(stt.st_mode)) {
        fclose(f);
        return TD_EIO;
    }
    uint64_t size = (uint64_t)stt.st_size;
    unsigned char hdr[HEADER_BYTES];
    if (size < 8 || fread(hdr, 1, size < HEADER_BYTES ? (size_t)size : HEADER_BYTES, f) !=
                        (size < HEADER_BYTES ? (size_t)size : HEADER_BYTES)) {
        fclose(f);
        return size < 8 ? TD_ECORRUPT : TD_EIO;
    }
    if (memcmp(hdr, k_magic, 8) != 0) {
        fclose(f);
        return TD_EFORMAT;
    }
    if (size < HEADER_BYTES + 8) {
        fclose(f);
        return TD_ECORRUPT;
    }
    uint32_t version = rd_u32(hdr + 8);
    if (version != FILE_VERSION || rd_u32(hdr + 12) != TDP_DEDUP_K ||
        rd_u32(hdr + 16) != TDP_DEDUP_SHINGLE) {
        fclose(f);
        return TD_EFORMAT;
    }
    uint32_t rows = rd_u32(hdr + 20), bands = rd_u32(hdr + 24);
    double t = rd_f64(hdr + 32), c = rd_f64(hdr + 40);
    uint64_t n = rd_u64(hdr + 48), ids_len = rd_u64(hdr + 56), para_cap = rd_u64(hdr + 64);
    uint64_t want = HEADER_BYTES + 8;
    if (!opts_ok(t, c) || rows != tdp_dedup_rows(t) || bands != TDP_DEDUP_K / rows ||
        n >= UINT32_MAX || ids_len >= UINT32_MAX || (para_cap & (para_cap - 1)) ||
        para_cap > ((uint64_t)1 << 40) || !muladd(n, 32 + TDP_DEDUP_K + 4 * bands, &want) ||
        !muladd(ids_len, 1, &want) || !muladd(para_cap, 8, &want) || want != size) {
        fclose(f);
        return TD_ECORRUPT;
    }
    unsigned char *body = tdp_malloc((size_t)(size - HEADER_BYTES));
    if (!body) {
        fclose(f);
        return TD_ENOMEM;
    }
    size_t blen = (size_t)(size - HEADER_BYTES);
    bool ok = fread(body, 1, blen, f) == blen;
    fclose(f);
    if (!ok) {
        tdp_free(body);
        return TD_EIO;
    }
    XXH3_state_t h;
    XXH3_64bits_reset(&h);
    XXH3_64bits_update(&h, hdr, HEADER_BYTES);
    XXH3_64bits_update(&h, body, blen - 8);
    if (XXH3_64bits_digest(&h) != rd_u64(body + blen - 8)) {
        tdp_free(body);
        return TD_ECORRUPT;
    }
    td_dedup_index *ix = index_new(t, c);
    td_status st = ix ? TD_OK : TD_ENOMEM;
    if (!st) {
        ix->ids = tdp_malloc(ids_len ? (size_t)ids_len : 1);
        if (!ix->ids)
            st = TD_ENOMEM;
        ix->ids_len = ix->ids_cap = (size_t)ids_len;
    }
    if (!st)
        st = load_body(ix, body, n, para_cap);
    tdp_free(body);
    if (st) {
        td_dedup_index_free(ix);
        return st;
    }
    *out = ix;
    return TD_OK;
}

/*
 * dedup.c - copies among a set of articles, grouped under a canonical article.
 *
 * The articles are taken in canonical order (earliest date first, undated last;
 * then the most text in paragraphs of at least 10 words, so that chrome lines do
 * not make a page "longer"; then all bytes; then input order), so the first of a group to arrive is
 * its canonical article. Each one is looked up in a copy index (exact hash, LSH
 * bands, paragraph fingerprints); the candidates whose MinHash estimate comes
 * within VERIFY_MARGIN of a threshold are verified on the exact shingle sets,
 * so the similarities reported are exact, not estimates. The article joins the
 * group of its best match (exact, else the near copy of highest Jaccard, else the
 * partial copy of highest containment) and is added to the index, unless it is an
 * exact copy (those are collapsed by their hash).
 */
#include <stdlib.h>

#include "dedup/dedup_p.h"

/* Estimates this far below a threshold are still verified (> 3 standard errors
 * of a 128-bin estimate at any Jaccard). */
#define VERIFY_MARGIN 0.15

TD_API const char *td_copy_kind_name(td_copy_kind k)
{
    switch (k) {
    case TD_COPY_EXACT: return "exact";
    case TD_COPY_NEAR: return "near";
    case TD_COPY_PARTIAL: return "partial";
    default: return "none";
    }
}

typedef struct order_key {
    int32_t days;
    uint64_t body;    /* bytes of paragraphs of at least 10 words: the text itself */
    uint64_t bytes;   /* all bytes, chrome lines included */
    size_t i;
} order_key;

static int cmp_order(const void *pa, const void *pb)
{
    const order_key *a = pa, *b = pb;
    if (a->days != b->days)
        return a->days < b->days ? -1 : 1;
    if (a->body != b->body)
        return a->body > b->body ? -1 : 1;
    if (a->bytes != b->bytes)
        return a->bytes > b->bytes ? -1 : 1;
    return a->i < b->i ? -1 : a->i > b->i;
}

/* Candidates are verified best first, at most this many per article. */
#define VERIFY_MAX 16

typedef struct verify_item {
    double score;      /* how far the estimate is above a threshold */
    uint32_t cand;
} verify_item;

static int cmp_verify(const void *pa, const void *pb)
{
    const verify_item *a = pa, *b = pb;
    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    return a->cand < b->cand ? -1 : a->cand > b->cand;
}

typedef struct run {
    td_dedup_index *ix;
    tdp_shingler shq, shc;
    tdp_sig *sig;
    uint64_t *qset;          /* the query's shingle set, copied */
    size_t nq, cap_q;
    bool have_q;
    uint32_t *rec2art;
    size_t cap_r;
    verify_item *vq;
    size_t cap_v;
} run;

static td_status query_set(run *r, const td_article *a)
{
    if (r->have_q)
        return TD_OK;
    const uint64_t *s;
    size_t n;
    td_status st = tdp_shingle_set(&r->shq, a->paras, a->n_paras, &s, &n);
    if (st)
        return st;
    if (n > r->cap_q && TDP_GROW(r->qset, r->cap_q, n))
        return TD_ENOMEM;
    if (n)
        memcpy(r->qset, s, n * sizeof *s);
    r->nq = n;
    r->have_q = true;
    return TD_OK;
}

/* Verified similarity of article a with indexed record c. */
static td_status verify(run *r, const td_article *a, const td_article *b, double *jac,
                        double *cont, size_t *inter)
{
    td_status st = query_set(r, a);
    if (st)
        return st;
    const uint64_t *s;
    size_t n;
    st = tdp_shingle_set(&r->shc, b->paras, b->n_paras, &s, &n);
    if (st)
        return st;
    size_t in = tdp_set_intersection(r->qset, r->nq, s, n);
    size_t un = r->nq + n - in;
    size_t mn = r->nq < n ? r->nq : n;
    *jac = un ? (double)in / (double)un : 0.0;
    *cont = mn ? (double)in / (double)mn : 0.0;
    *inter = in;
    return TD_OK;
}

td_status tdp_csig_alloc(tdp_csig *c)
{
    c->para_hash = NULL;
    c->para_words = c->para_first = NULL;
    if (!c->n_paras)
        return TD_OK;
    if (c->n_paras > TDP_DEDUP_MAX_PARAS)
        return TD_EARG;
    c->para_hash = tdp_malloc((size_t)c->n_paras * 16);
    if (!c->para_hash)
        return TD_ENOMEM;
    c->para_words = (uint32_t *)(c->para_hash + c->n_paras);
    c->para_first = c->para_words + c->n_paras;
    return TD_OK;
}

td_status tdp_csig_make(const tdp_sig *s, tdp_csig *out)
{
    out->exact = s->exact;
    out->n_words = s->n_words;
    out->n_shingles = s->n_shingles;
    out->n_paras = s->n_paras;
    out->truncated = s->truncated;
    memcpy(out->vals, s->vals, sizeof out->vals);
    td_status st = tdp_csig_alloc(out);
    if (st)
        return st;
    for (uint32_t i = 0; i < s->n_paras; i++) {
        out->para_hash[i] = s->para_hash[i];
        out->para_words[i] = s->para_words[i];
        out->para_first[i] = s->para_first[i];
    }
    return TD_OK;
}

void tdp_csig_expand(const tdp_csig *c, tdp_sig *out)
{
    out->exact = c->exact;
    out->n_words = c->n_words;
    out->n_shingles = c->n_shingles;
    out->n_paras = c->n_paras;
    out->truncated = c->truncated;
    memcpy(out->vals, c->vals, sizeof out->vals);
    for (uint32_t i = 0; i < c->n_paras; i++) {
        out->para_hash[i] = c->para_hash[i];
        out->para_words[i] = c->para_words[i];
        out->para_first[i] = c->para_first[i];
    }
}

void tdp_csig_free(tdp_csig *c)
{
    if (c) {
        tdp_free(c->para_hash);
        c->para_hash = NULL;
        c->para_words = c->para_first = NULL;
        c->n_paras = 0;
    }
}

/*
 * sigs (optional): the articles' signatures, else each is computed here.
 * nearest (optional): the article each one matched best, -1 when none.
 */
static td_status corpus_run(td_article *const *arts, const tdp_csig *const *sigs,
                            size_t n, double t, double c, tdp_copy *out,
                            int32_t *nearest)
{
    for (size_t i = 0; i < n; i++) {
        out[i] = (tdp_copy){-1, 0.0f, TDP_COPY_NONE};
        if (nearest)
            nearest[i] = -1;
    }
    if (n == 0)
        return TD_OK;
    if (n > INT32_MAX)
        return TD_ETOOBIG;
    td_dedup_opts o = {t, c};
    run r = {0};
    r.ix = td_dedup_index_new(&o);
    r.sig = tdp_malloc(sizeof *r.sig);
    order_key *ord = tdp_malloc(n * sizeof *ord);
    td_status st = r.ix && r.sig && ord ? TD_OK : TD_ENOMEM;
    for (size_t i = 0; !st && i < n; i++) {
        const td_article *a = arts[i];
        uint64_t bytes = 0, body = 0;
        for (size_t p = 0; p < a->n_paras; p++) {
            const char *s = a->paras[p].text;
            uint32_t len = a->paras[p].len, words = 1;
            for (uint32_t k = 0; k < len && words < TDP_DEDUP_MIN_PARA_WORDS; k++)
                words += s[k] == ' ';
            bytes += len;
            if (words >= TDP_DEDUP_MIN_PARA_WORDS)
                body += len;
        }
        ord[i] = (order_key){a->date.prec >= TD_DATE_MONTH ? td_date_days(&a->date)
                                                           : INT32_MAX,
                             body, bytes, i};
    }
    if (!st)
        tdp_sort(ord, n, sizeof *ord, cmp_order);
    for (size_t k = 0; !st && k < n; k++) {
        size_t i = ord[k].i;
        const td_article *a = arts[i];
        if (sigs)
            tdp_csig_expand(sigs[i], r.sig);
        else
            st = tdp_sig_paras(&r.shq, a->paras, a->n_paras, r.sig);
        if (st || !r.sig->exact)
            continue;   /* no words: no signature, never a copy */
        r.have_q = false;
        const tdp_cand *cand;
        size_t nc;
        st = tdp_index_query(r.ix, r.sig, &cand, &nc);
        if (st)
            break;
        long best = -1;
        double bj = -1, bc = -1;
        long bnear = -1, bpart = -1;
        for (size_t j = 0; j < nc; j++) {
            if (cand[j].exact) {
                best = (long)j;
                break;
            }
        }
        tdp_copy_kind kind = TDP_COPY_NONE;
        double sim = 0;
        if (best >= 0) {
            kind = TDP_COPY_EXACT;
            sim = 1.0;
        } else if (r.sig->n_shingles) {
            /* the estimates decide which candidates are worth verifying, best
             * first, at most VERIFY_MAX of them: a flood of near-identical
             * articles costs a bounded amount per article */
            size_t nv = 0;
            if (nc > r.cap_v && TDP_GROW(r.vq, r.cap_v, nc)) {
                st = TD_ENOMEM;
                break;
            }
            for (size_t j = 0; j < nc; j++) {
                uint32_t rec = cand[j].rec;
                uint32_t rs = tdp_index_shingles(r.ix, rec);
                if (!rs)
                    continue;
                double ej = cand[j].jaccard;
                double inter = ej * ((double)r.sig->n_shingles + rs) / (1.0 + ej);
                uint32_t smin = rs < r.sig->n_shingles ? rs : r.sig->n_shingles;
                double ec = smin ? inter / smin : 0;
                uint32_t wmin = tdp_index_words(r.ix, rec) < r.sig->n_words
                                    ? tdp_index_words(r.ix, rec) : r.sig->n_words;
                double pc = wmin ? (double)cand[j].shared_words / wmin : 0;
                if (pc > ec)
                    ec = pc;
                if (ej < t - VERIFY_MARGIN && ec < c - VERIFY_MARGIN && smin > 64)
                    continue;
                double score = ej - t > ec - c ? ej - t : ec - c;
                r.vq[nv++] = (verify_item){score, (uint32_t)j};
            }
            if (nv > VERIFY_MAX) {
                tdp_sort(r.vq, nv, sizeof *r.vq, cmp_verify);
                nv = VERIFY_MAX;
            }
            for (size_t q = 0; q < nv; q++) {
                size_t j = r.vq[q].cand;
                uint32_t rec = cand[j].rec;
                double jac, cont;
                size_t in;
                st = verify(&r, a, arts[r.rec2art[rec]], &jac, &cont, &in);
                if (st)
                    break;
                if (jac >= t && jac > bj) {
                    bj = jac;
                    bnear = (long)j;
                }
                if (cont >= c && in >= TDP_DEDUP_MIN_SHARED_WORDS && cont > bc) {
                    bc = cont;
                    bpart = (long)j;
                }
            }
            if (st)
                break;
            if (bnear >= 0) {
                best = bnear;
                kind = TDP_COPY_NEAR;
                sim = bj;
            } else if (bpart >= 0) {
                best = bpart;
                kind = TDP_COPY_PARTIAL;
                sim = bc;
            }
        }
        uint32_t root = UINT32_MAX;
        if (best >= 0) {
            root = tdp_index_root(r.ix, cand[best].rec);
            out[i] = (tdp_copy){(int32_t)r.rec2art[root], (float)sim, (uint8_t)kind};
            if (nearest)
                nearest[i] = (int32_t)r.rec2art[cand[best].rec];
        }
        if (kind == TDP_COPY_EXACT)
            continue;
        uint32_t rec;
        st = tdp_index_insert(r.ix, r.sig, a->id, INT32_MAX, root, &rec);
        if (!st && rec >= r.cap_r && TDP_GROW(r.rec2art, r.cap_r, (size_t)rec + 1))
            st = TD_ENOMEM;
        if (!st)
            r.rec2art[rec] = (uint32_t)i;
    }
    td_dedup_index_free(r.ix);
    tdp_shingler_free(&r.shq);
    tdp_shingler_free(&r.shc);
    tdp_free(r.sig);
    tdp_free(r.qset);
    tdp_free(r.rec2art);
    tdp_free(r.vq);
    tdp_free(ord);
    return st;
}

td_status tdp_dedup_corpus(td_article *const *arts, size_t n, double threshold,
                           tdp_copy *out)
{
    if ((!arts && n) || !out || threshold < 0 || threshold > 1)
        return TD_EARG;
    return corpus_run(arts, NULL, n,
                      threshold > 0 ? threshold : TDP_DEDUP_DEFAULT_THRESHOLD,
                      TDP_DEDUP_DEFAULT_CONTAINMENT, out, NULL);
}

td_status tdp_dedup_corpus_sigs(td_article *const *arts, const tdp_csig *const *sigs,
                                size_t n, double threshold, tdp_copy *out)
{
    if ((!arts && n) || (!sigs && n) || !out || threshold < 0 || threshold > 1)
        return TD_EARG;
    return corpus_run(arts, sigs, n,
                      threshold > 0 ? threshold : TDP_DEDUP_DEFAULT_THRESHOLD,
                      TDP_DEDUP_DEFAULT_CONTAINMENT, out, NULL);
}

TD_API td_status td_dedup_articles(td_article *const *arts, size_t n,
                                   const td_dedup_opts *opts, td_dedup_copy *out)
{
    if ((!arts && n) || !out)
        return TD_EARG;
    double t = opts && opts->threshold > 0 ? opts->threshold : TDP_DEDUP_DEFAULT_THRESHOLD;
    double c = opts && opts->containment > 0 ? opts->containment
                                             : TDP_DEDUP_DEFAULT_CONTAINMENT;
    if (t > 1 || (opts && (opts->threshold < 0 || opts->containment < 0)))
        return TD_EARG;
    for (size_t i = 0; i < n; i++) {
        if (!arts[i] || !arts[i]->cleaned)
            return TD_EARG;
    }
    tdp_copy *tmp = tdp_malloc((n ? n : 1) * sizeof *tmp);
    int32_t *near = tdp_malloc((n ? n : 1) * sizeof *near);
    td_status st = tmp && near ? corpus_run(arts, NULL, n, t, c, tmp, near) : TD_ENOMEM;
    for (size_t i = 0; !st && i < n; i++)
        out[i] = (td_dedup_copy){tmp[i].of, near[i], tmp[i].similarity,
                                 (td_copy_kind)tmp[i].kind};
    tdp_free(tmp);
    tdp_free(near);
    return st;
}

TD_API td_status td_dedup_json(td_article *const *arts, size_t n,
                               const td_dedup_copy *copies, char **out, size_t *len)
{
    if ((!arts && n) || (!copies && n) || !out)
        return TD_EARG;
    *out = NULL;
    /* copies of each canonical, in input order: counting sort */
    size_t *start = tdp_calloc(n + 1, sizeof *start);
    size_t *list = tdp_malloc((n ? n : 1) * sizeof *list);
    if (!start || !list) {
        tdp_free(start);
        tdp_free(list);
        return TD_ENOMEM;
    }
    for (size_t i = 0; i < n; i++)
        if (copies[i].of >= 0 && (size_t)copies[i].of < n)
            start[copies[i].of + 1]++;
    for (size_t i = 0; i < n; i++)
        start[i + 1] += start[i];
    size_t *fill = tdp_calloc(n + 1, sizeof *fill);
    if (!fill) {
        tdp_free(start);
        tdp_free(list);
        return TD_ENOMEM;
    }
    for (size_t i = 0; i < n; i++)
        if (copies[i].of >= 0 && (size_t)copies[i].of < n) {
            size_t g = (size_t)copies[i].of;
            list[start[g] + fill[g]++] = i;
        }
    tdp_buf b = TDP_BUF_INIT;
    tdp_buf_puts(&b, "{\"groups\":[");
    bool first = true;
    for (size_t g = 0; g < n; g++) {
        if (start[g] == start[g + 1])
            continue;
        tdp_buf_puts(&b, first ? "{\"canonical\":" : ",{\"canonical\":");
        first = false;
        tdp_buf_json_cstr(&b, arts[g]->id);
        tdp_buf_puts(&b, ",\"copies\":[");
        for (size_t k = start[g]; k < start[g + 1]; k++) {
            const td_dedup_copy *c = &copies[list[k]];
            tdp_buf_puts(&b, k == start[g] ? "{\"id\":" : ",{\"id\":");
            tdp_buf_json_cstr(&b, arts[list[k]]->id);
            tdp_buf_printf(&b, ",\"similarity\":%.3f,\"kind\":\"%s\"}", c->similarity,
                           td_copy_kind_name(c->kind));
        }
        tdp_buf_puts(&b, "]}");
    }
    tdp_buf_puts(&b, "]}");
    tdp_free(start);
    tdp_free(list);
    tdp_free(fill);
    if (b.err) {
        td_status st = b.err;
        tdp_buf_free(&b);
        return st;
    }
    *out = tdp_buf_detach(&b, len);
    return *out ? TD_OK : TD_ENOMEM;
}

/*
 * entities.c - people, organisations and places merged across the story's
 * articles by their key (so "Antony Blinken", "Anthony Blinken" and "Antony J.
 * Blinken" are one person with three variants), and quotes merged across the
 * outlets that carried them (the same statement, maybe worded a little
 * differently, is one quote with every outlet as a source).
 *
 * Entities are grouped by sorting (n log n). Quotes are compared pairwise, so at
 * most MAX_QUOTES of a story are read (the earliest articles first).
 */
#include <stdlib.h>

#include "brief/brief_i.h"

#define MAX_QUOTES 1500
#define QUOTE_MIN_WORDS 3          /* shorter: scare quotes, not statements */
#define QUOTE_MIN_WORDS_ANON 6     /* without a speaker */
#define QUOTE_JACCARD 0.7          /* two quotes alike as wholes */
#define QSENT_MAX 8                /* sentences of a quote compared one by one */
#define QSENT_JACCARD 0.5          /* a sentence of one quote in the other */
#define QSENT_FRAGMENT 7           /* a fragment: at most this many content words ... */
#define QSENT_CONTAINED 0.75       /* ... of which this share is in a sentence of the other */

/* ---- entities ---- */

typedef struct ment {
    uint8_t type;
    const char *key;
    const char *name;
    const char *title;
    uint32_t art;
} ment;

static int cmp_ment(const void *x, const void *y)
{
    const ment *p = x, *q = y;
    if (p->type != q->type)
        return p->type < q->type ? -1 : 1;
    int c = strcmp(p->key, q->key);
    if (c)
        return c;
    c = strcmp(p->name, q->name);
    if (c)
        return c;
    return p->art < q->art ? -1 : p->art > q->art;
}

static uint32_t words_of(const char *s)
{
    return tdp_word_count(s, strlen(s));
}

typedef struct vcount {
    const char *s;
    uint32_t n;
} vcount;

static int cmp_vcount(const void *x, const void *y)
{
    const vcount *p = x, *q = y;
    if (p->n != q->n)
        return p->n > q->n ? -1 : 1;
    size_t a = strlen(p->s), b = strlen(q->s);
    if (a != b)
        return a > b ? -1 : 1;
    return strcmp(p->s, q->s);
}

static int cmp_entity(const void *x, const void *y)
{
    const tdp_bentity *p = x, *q = y;
    if (p->src.n_indep != q->src.n_indep)
        return p->src.n_indep > q->src.n_indep ? -1 : 1;
    if (p->mentions != q->mentions)
        return p->mentions > q->mentions ? -1 : 1;
    return strcmp(p->name, q->name);
}

/* Lower-case ASCII copy of a name, as a key when the analysis gives none. */
static const char *key_of(bctx *c, const char *name)
{
    size_t n = strlen(name);
    char *k = tdp_arena_alloc(&c->scratch, n + 1);
    if (!k)
        return NULL;
    for (size_t i = 0; i < n; i++)
        k[i] = (char)(name[i] >= 'A' && name[i] <= 'Z' ? name[i] + 32 : name[i]);
    k[n] = '\0';
    return k;
}

/* One group m[0..n) of mentions of one entity into e. */
static td_status make_entity(bctx *c, const ment *m, size_t n, vcount *vc, tdp_bentity *e)
{
    tdp_brief *b = c->b;
    memset(e, 0, sizeof *e);
    /* variants: m is sorted by name, so equal names are adjacent */
    size_t nv = 0;
    for (size_t i = 0; i < n; i++) {
        if (nv && !strcmp(vc[nv - 1].s, m[i].name))
            vc[nv - 1].n++;
        else
            vc[nv++] = (vcount){m[i].name, 1};
    }
    tdp_sort(vc, nv, sizeof *vc, cmp_vcount);
    /* the name: the most used form of more than one word, if any */
    const char *name = vc[0].s;
    for (size_t i = 0; i < nv; i++)
        if (words_of(vc[i].s) > 1 || m[0].type != TDP_ENT_PERSON) {
            name = vc[i].s;
            break;
        }
    e->name = tdp_bstr(c, name, strlen(name));
    e->variants = tdp_arena_alloc(&b->arena, nv * sizeof *e->variants);
    if (!e->name || !e->variants)
        return TD_ENOMEM;
    for (size_t i = 0; i < nv; i++) {
        e->variants[i] = tdp_bstr(c, vc[i].s, strlen(vc[i].s));
        if (!e->variants[i])
            return TD_ENOMEM;
    }
    e->n_variants = (uint32_t)nv;
    /* the title: the most frequent, then the longest */
    size_t nt = 0;
    for (size_t i = 0; i < n; i++) {
        if (!m[i].title || !*m[i].title)
            continue;
        size_t k = 0;
        while (k < nt && strcmp(vc[k].s, m[i].title))
            k++;
        if (k < nt)
            vc[k].n++;
        else
            vc[nt++] = (vcount){m[i].title, 1};
    }
    if (nt) {
        tdp_sort(vc, nt, sizeof *vc, cmp_vcount);
        e->title = tdp_bstr(c, vc[0].s, strlen(vc[0].s));
        if (!e->title)
            return TD_ENOMEM;
    }
    e->mentions = (uint32_t)n;
    tdp_srcacc acc = {NULL, 0, 0};
    td_status st = TD_OK;
    for (size_t i = 0; i < n && !st; i++)
        st = tdp_srcacc_add(&acc, m[i].art);
    if (!st)
        st = tdp_srcs_make(&b->arena, &acc, b->copy_of, &e->src);
    tdp_srcacc_free(&acc);
    return st;
}

td_status tdp_brief_entities(bctx *c)
{
    tdp_brief *b = c->b;
    ment *m = NULL;
    size_t n = 0, cap = 0;
    td_status st = TD_OK;
    for (size_t i = 0; i < b->n_arts && n < BRIEF_MAX_ITEMS && !st; i++) {
        const tdp_analysis *an = bart(c, i)->an;
        for (size_t k = 0; an && k < an->n_mentions && n < BRIEF_MAX_ITEMS; k++) {
            const tdp_mention *x = &an->mentions[k];
            if (!x->name || !*x->name || x->type > TDP_ENT_PLACE)
                continue;
            const char *key = x->key && *x->key ? x->key : key_of(c, x->name);
            if (!key || TDP_GROW(m, cap, n + 1)) {
                st = TD_ENOMEM;
                break;
            }
            m[n++] = (ment){x->type, key, x->name, x->title, (uint32_t)i};
        }
    }
    vcount *vc = st ? NULL : tdp_malloc((n ? n : 1) * sizeof *vc);
    if (!st && !vc)
        st = TD_ENOMEM;
    if (!st) {
        tdp_sort(m, n, sizeof *m, cmp_ment);
        size_t groups[3] = {0, 0, 0};
        for (size_t i = 0; i < n; i++)
            if (!i || m[i].type != m[i - 1].type || strcmp(m[i].key, m[i - 1].key))
                groups[m[i].type]++;
        tdp_bentity **dst[3] = {&b->people, &b->orgs, &b->places};
        size_t *cnt[3] = {&b->n_people, &b->n_orgs, &b->n_places};
        for (int t = 0; t < 3 && !st; t++) {
            *dst[t] = tdp_calloc(groups[t] ? groups[t] : 1, sizeof **dst[t]);
            if (!*dst[t])
                st = TD_ENOMEM;
        }
        for (size_t i = 0; i < n && !st;) {
            size_t j = i + 1;
            while (j < n && m[j].type == m[i].type && !strcmp(m[j].key, m[i].key))
                j++;
            int t = m[i].type;
            st = make_entity(c, m + i, j - i, vc, &(*dst[t])[*cnt[t]]);
            if (!st)
                (*cnt[t])++;
            i = j;
        }
        for (int t = 0; t < 3 && !st; t++)
            tdp_sort(*dst[t], *cnt[t], sizeof **dst[t], cmp_entity);
    }
    tdp_free(vc);
    tdp_free(m);
    return st;
}

/* ---- quotes ---- */

typedef struct qsent {
    uint64_t *set;
    uint32_t n_set;
} qsent;

typedef struct bq {
    const char *text;
    uint32_t len;
    const char *speaker;
    uint32_t art, sent;
    uint64_t *set;
    uint32_t n_set;
    uint32_t words;
    int32_t cluster;
    bool partial;
    qsent *ss;             /* its sentences (the rest of a long one in the last) */
    uint32_t n_ss;
} bq;

typedef struct qsplit {
    bctx *c;
    bq *q;
    const char *lang;
    td_status st;
} qsplit;

static int quote_sentence(void *ctx, size_t off, size_t len)
{
    qsplit *x = ctx;
    bq *q = x->q;
    if (q->n_ss == QSENT_MAX) /* the rest of the quote: one last piece */
        len = q->len - off;
    qsent *s = &q->ss[q->n_ss++];
    x->st = tdp_btok_set(x->c->tok, &x->c->scratch, q->text + off, len, x->lang, &s->set,
                         &s->n_set, NULL);
    return x->st || q->n_ss > QSENT_MAX ? 1 : 0;
}

static int cmp_bq_len(const void *x, const void *y)
{
    const bq *p = x, *q = y;
    if (p->n_set != q->n_set)
        return p->n_set > q->n_set ? -1 : 1;
    if (p->art != q->art)
        return p->art < q->art ? -1 : 1;
    return p->sent < q->sent ? -1 : p->sent > q->sent;
}

/*
 * Whether quote a (the shorter) is the same statement as b: alike as wholes, or at
 * least half of a's sentences each alike to a sentence of b (a re-translated
 * sentence shares most words; a quoted fragment lies inside one). Sentences are
 * compared, not the wholes, so that a short quote sharing a formula with a long
 * statement ("Secretary Blinken spoke today with ...") is not taken for it.
 */
static bool same_quote(const bq *a, const bq *b)
{
    if (tdp_set_jaccard(a->set, a->n_set, b->set, b->n_set) >= QUOTE_JACCARD)
        return true;
    uint32_t matched = 0;
    for (uint32_t i = 0; i < a->n_ss; i++) {
        const qsent *s = &a->ss[i];
        if (!s->n_set)
            continue;
        bool ok = false;
        for (uint32_t k = 0; k < b->n_ss && !ok; k++) {
            const qsent *t = &b->ss[k];
            uint32_t common = tdp_set_common(s->set, s->n_set, t->set, t->n_set);
            ok = (double)common / (s->n_set + t->n_set - common) >= QSENT_JACCARD ||
                 (s->n_set <= QSENT_FRAGMENT && (double)common / s->n_set >= QSENT_CONTAINED);
        }
        matched += ok;
    }
    return matched && matched * 2 >= a->n_ss;
}

typedef struct qcl {
    size_t rep;          /* the longest member */
    uint32_t first_art, first_sent;
    bool speaker;
    bool full;           /* some member is a quote of its own, not a fragment */
    tdp_srcacc src;
    tdp_srcs srcs;
    const char *speaker_name;
} qcl;

static int cmp_qcl(const void *x, const void *y)
{
    const qcl *p = x, *q = y;
    if (p->full != q->full)
        return p->full ? -1 : 1;
    if (p->srcs.n_indep != q->srcs.n_indep)
        return p->srcs.n_indep > q->srcs.n_indep ? -1 : 1;
    if (p->first_art != q->first_art)
        return p->first_art < q->first_art ? -1 : 1;
    return p->first_sent < q->first_sent ? -1 : p->first_sent > q->first_sent;
}

td_status tdp_brief_quotes(bctx *c)
{
    tdp_brief *b = c->b;
    bq *q = NULL;
    size_t n = 0, cap = 0;
    td_status st = TD_OK;
    for (size_t i = 0; i < b->n_arts && n < MAX_QUOTES && !st; i++) {
        const tdp_analysis *an = bart(c, i)->an;
        for (size_t k = 0; an && k < an->n_quotes && n < MAX_QUOTES; k++) {
            const tdp_quote *x = &an->quotes[k];
            if (!x->text || !x->len)
                continue;
            if (TDP_GROW(q, cap, n + 1)) {
                st = TD_ENOMEM;
                break;
            }
            bq *e = &q[n];
            memset(e, 0, sizeof *e);
            *e = (bq){.text = x->text, .len = x->len, .speaker = x->speaker,
                      .art = (uint32_t)i, .sent = x->sent, .cluster = -1,
                      .partial = x->partial != 0};
            st = tdp_btok_set(c->tok, &c->scratch, x->text, x->len, bart(c, i)->language,
                              &e->set, &e->n_set, &e->words);
            if (!st) {
                e->ss = tdp_arena_alloc(&c->scratch, (QSENT_MAX + 1) * sizeof *e->ss);
                if (!e->ss)
                    st = TD_ENOMEM;
            }
            if (!st) {
                qsplit x2 = {c, e, bart(c, i)->language, TD_OK};
                tdp_brief_split(e->text, e->len, quote_sentence, &x2);
                st = x2.st;
            }
            if (st)
                break;
            if (e->words >= QUOTE_MIN_WORDS && e->n_set)
                n++;
        }
    }
    qcl *cl = NULL;
    size_t ncl = 0, capcl = 0;
    if (!st)
        tdp_sort(q, n, sizeof *q, cmp_bq_len);
    /* Longest first: a long statement becomes the cluster that partial quotes of
     * it join. */
    for (size_t i = 0; i < n && !st; i++) {
        long found = -1;
        for (size_t k = 0; k < ncl && found < 0; k++)
            if (same_quote(&q[i], &q[cl[k].rep]))
                found = (long)k;
        if (found < 0) {
            if (TDP_GROW(cl, capcl, ncl + 1)) {
                st = TD_ENOMEM;
                break;
            }
            memset(&cl[ncl], 0, sizeof cl[ncl]);
            cl[ncl].rep = i;
            cl[ncl].first_art = q[i].art;
            cl[ncl].first_sent = q[i].sent;
            found = (long)ncl++;
        }
        qcl *k = &cl[found];
        q[i].cluster = (int32_t)found;
        if (q[i].art < k->first_art || (q[i].art == k->first_art && q[i].sent < k->first_sent)) {
            k->first_art = q[i].art;
            k->first_sent = q[i].sent;
        }
        if (q[i].speaker && *q[i].speaker)
            k->speaker = true;
        if (!q[i].partial)
            k->full = true;
        st = tdp_srcacc_add(&k->src, q[i].art);
    }
    /* speakers: per cluster, the name most members give (then the longest) */
    vcount *vc = st ? NULL : tdp_malloc((n ? n : 1) * sizeof *vc);
    if (!st && !vc)
        st = TD_ENOMEM;
    for (size_t k = 0; k < ncl && !st; k++) {
        size_t nv = 0;
        for (size_t i = 0; i < n; i++) {
            if (q[i].cluster != (int32_t)k || !q[i].speaker || !*q[i].speaker)
                continue;
            size_t v = 0;
            while (v < nv && strcmp(vc[v].s, q[i].speaker))
                v++;
            if (v < nv)
                vc[v].n++;
            else
                vc[nv++] = (vcount){q[i].speaker, 1};
        }
        if (nv) {
            tdp_sort(vc, nv, sizeof *vc, cmp_vcount);
            cl[k].speaker_name = vc[0].s;
        }
        st = tdp_srcs_make(&b->arena, &cl[k].src, b->copy_of, &cl[k].srcs);
    }
    tdp_free(vc);
    if (!st) {
        tdp_sort(cl, ncl, sizeof *cl, cmp_qcl);
        b->quotes = tdp_calloc(ncl ? ncl : 1, sizeof *b->quotes);
        if (!b->quotes)
            st = TD_ENOMEM;
    }
    for (size_t k = 0; k < ncl && !st; k++) {
        const bq *r = &q[cl[k].rep];
        if (r->words < QUOTE_MIN_WORDS_ANON && !cl[k].speaker)
            continue;
        tdp_bquote *o = &b->quotes[b->n_quotes];
        o->text = tdp_bstr(c, r->text, r->len);
        o->speaker = cl[k].speaker_name ? tdp_bstr(c, cl[k].speaker_name,
                                                   strlen(cl[k].speaker_name))
                                        : NULL;
        o->src = cl[k].srcs;
        o->partial = !cl[k].full;
        if (!o->text || (cl[k].speaker_name && !o->speaker))
            st = TD_ENOMEM;
        else
            b->n_quotes++;
    }
    for (size_t k = 0; k < ncl; k++)
        tdp_srcacc_free(&cl[k].src);
    tdp_free(cl);
    tdp_free(q);
    return st;
}

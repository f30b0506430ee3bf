/*
 * cluster.c - articles into stories, one article at a time.
 *
 * Each live story keeps a centroid: the sum of its articles' normalised term
 * vectors, stored without IDF ("l-space": (1 + ln tf) x kind boost / |article|) so
 * that the IDF applied at comparison time is always the current one - early
 * articles of a stream were weighted with poor document frequencies, the centroid
 * does not keep that mistake. A story's highest-weight centroid terms go into an
 * inverted index; a new article looks up its own highest-weight terms there, the
 * best few candidates get an exact cosine, scaled by a time factor (1 within
 * grace_days of the story's span, then exp(-(gap - grace) / tau)). At or above the
 * threshold the article joins the best story, else it starts one - but a story
 * joins only what is near its own cohesion (rel x the mean similarity of its
 * members with one another), so a report of another event of the same kind, alike
 * enough for the threshold, does not enter a story of close reports.
 *
 * The second look (settle > 0): each article waits in a queue of `settle` entries
 * and is compared again that many adds later (or when the caller settles), with
 * the stories as they have become; it moves to another story that is more alike.
 * Moves are reported as merges are (tdp_clusterer_moves).
 *
 * Document frequencies live in a fixed table of 2^df_bits counters indexed by term
 * hash (collisions only blur rare terms a little); they are halved every window, so
 * IDF follows the news of the moment. Stories quiet for longer than window_days
 * (by the stream clock, the latest day seen) leave the live set and free their
 * memory: memory is bounded by what the window holds, not by history.
 */
#include <math.h>
#include <stdlib.h>

#include "cluster/cluster_p.h"
#include "core/hmap.h"

void tdp_cluster_params_default(tdp_cluster_params *p)
{
    memset(p, 0, sizeof *p);
    /* gva-dev and ECB+ together: 0.18 -> 0.20 gives F1 0.897 / 0.910 -> 0.896 /
     * 0.917 (the cross-corpus table of docs/BENCHMARKS.md) */
    p->threshold = 0.20;
    p->boost[TDP_CT_WORD] = 1.0;
    p->boost[TDP_CT_NAME] = 1.5;
    p->boost[TDP_CT_NUMBER] = 3.0;
    p->boost[TDP_CT_DATE] = 3.0;
    p->link = 0.15;
    p->merge = 1.0;
    p->rel = 0.5;
    p->settle = 0;       /* a stream's caller chooses; the batch looks again */
    p->window_days = 30;
    p->grace_days = 7.0;
    p->tau_days = 30.0;
    p->doc_terms = 64;
    p->cent_terms = 96;
    p->index_terms = 24;
    p->query_terms = 24;
    p->candidates = 12;
    p->max_postings = 4096;
    p->df_bits = 22;
    p->min_docs = 500;
    p->mention_clock = true;
}

/* ---- postings: term hash -> slots of the stories indexed under it ---- */

/* Most terms index one story or two (a storyline's names and numbers): lists of up
 * to POST_INLINE slots live in the entry itself, longer ones in their own array. */
#define POST_INLINE 2
typedef struct post {
    union {
        uint32_t *ids;  /* cap > POST_INLINE */
        uint32_t in[POST_INLINE];
    } u;
    uint32_t n, cap;    /* cap 0: nothing yet */
} post;

static inline uint32_t *post_ids(post *p)
{
    return p->cap > POST_INLINE ? p->u.ids : p->u.in;
}

static inline void post_clear(post *p)
{
    if (p->cap > POST_INLINE)
        tdp_free(p->u.ids);
    memset(p, 0, sizeof *p);
}

typedef struct story {
    uint64_t id;
    uint32_t n_arts;
    int32_t first_day, last_day;   /* span of its dated articles, TDP_NODAY if none */
    int32_t last_seen;             /* clock when it last took an article */
    uint64_t *ch;                  /* centroid terms, sorted by hash */
    float *cw;                     /* their l-space weights */
    uint8_t *ck;                   /* their kinds */
    uint32_t nc, capc;             /* capc: terms the block holds (ch, cw, ck are
                                      one allocation) */
    uint64_t *idx;                 /* terms it is indexed under */
    uint32_t nidx;
    double pairs;                  /* sum of its members' pairwise similarities, as
                                      each was taken (their cohesion) */
    double cn;                     /* |centroid| with the IDF of add number cn_at */
    uint64_t cn_at;                /* 0: none */
    bool live;
} story;

struct tdp_clusterer {
    tdp_cluster_params p;
    uint64_t next_id;
    /* document frequencies */
    uint32_t *df;
    uint64_t df_mask;
    double n_docs;
    uint64_t adds;          /* numbers the adds: a centroid norm is valid within one */
    int32_t next_halve;
    bool primed;            /* the caller counts document frequencies (prime) */
    /* stories */
    story *st;
    size_t n_st, cap_st;
    uint32_t *free_slots;
    size_t n_free, cap_free;
    size_t n_live;
    int32_t clock;
    int32_t own_last;       /* latest own date seen (TDP_NODAY: none) */
    int32_t ud[9];          /* the last days placed by mentioned dates alone */
    int n_ud, i_ud;
    /* postings: term hash -> post (3/4 full at most: the entries are small) */
    tdp_hmap pm;
    /* scratch */
    float *acc;
    size_t cap_acc;
    uint32_t *touched;
    size_t n_touched, cap_touched;
    uint64_t *mh;           /* a centroid being merged: hashes, */
    float *mw;              /* weights, */
    uint8_t *mk;            /* kinds */
    size_t cap_m;
    tdp_cfeat *af;          /* the article's kept features, sorted by hash */
    uint64_t *ah;           /* the same: hashes, */
    uint8_t *ak;            /* kinds, */
    float *aw, *al;         /* weights (normalised) in w-space and l-space */
    size_t cap_a;
    tdp_wterm *tmp;         /* term strengths: an article's, then a centroid's */
    size_t cap_tmp;
    /* merges of live stories made by the last add */
    tdp_cluster_merge *merges;
    size_t n_merges, cap_merges;
    /* articles waiting for their second look (a ring of p.settle entries, each
     * with room for doc_terms terms), and the moves the last call made */
    uint64_t seq;           /* adds so far: the number of the next article */
    struct pend *q;         /* one block with qh, ql and qk */
    size_t q_head, q_n;
    uint64_t *qh;
    float *ql;
    uint8_t *qk;
    tdp_cluster_move *moves;
    size_t n_moves, cap_moves;
};

/* An article that may still move to the story it turns out to be most like. */
typedef struct pend {
    uint64_t seq;           /* the add that brought it */
    uint64_t story;         /* the id of the story it is in */
    uint32_t slot;          /* that story's slot */
    uint32_t n;             /* its kept terms (in the pools, at its ring index) */
    int32_t place;          /* its day for the time factor, or TDP_NODAY */
} pend;
/* the term hashes follow the entries in one block: they must stay aligned */
_Static_assert(sizeof(pend) % sizeof(uint64_t) == 0, "queue entries keep hashes aligned");

/* Entries the queue's ring holds: one more than settle, so that the newest is in
 * before the oldest looks again (the look uses the article scratch). */
static size_t q_cap(const tdp_clusterer *c) { return (size_t)c->p.settle + 1; }

static post *post_find(tdp_clusterer *c, uint64_t h)
{
    return tdp_hmap_get(&c->pm, h);
}

static td_status post_add(tdp_clusterer *c, uint64_t h, uint32_t slot)
{
    void *v;
    if (tdp_hmap_put(&c->pm, h, &v, NULL))
        return TD_ENOMEM;
    post *p = v;
    if (p->cap == 0) {
        p->cap = POST_INLINE;
    } else if (p->n == p->cap) {
        uint32_t ncap = p->cap * 2;
        uint32_t *ni;
        if (p->cap == POST_INLINE) {
            ni = tdp_malloc(ncap * sizeof *ni);
            if (!ni)
                return TD_ENOMEM;
            memcpy(ni, p->u.in, sizeof p->u.in);
        } else {
            ni = tdp_realloc(p->u.ids, ncap * sizeof *ni);
            if (!ni)
                return TD_ENOMEM;
        }
        p->u.ids = ni;
        p->cap = ncap;
    }
    post_ids(p)[p->n++] = slot;
    return TD_OK;
}

/* Removes slot from h's postings; an emptied entry leaves the table. */
static void post_remove(tdp_clusterer *c, uint64_t h, uint32_t slot)
{
    post *p = post_find(c, h);
    if (!p)
        return;
    for (uint32_t i = 0; i < p->n; i++) {
        uint32_t *ids = post_ids(p);
        if (ids[i] == slot) {
            ids[i] = ids[--p->n];
            break;
        }
    }
    if (p->n)
        return;
    post_clear(p);
    tdp_hmap_remove(&c->pm, h);
}

/* ---- document frequencies ---- */

static inline double idf(const tdp_clusterer *c, uint64_t h)
{
    double df = c->df[h & c->df_mask];
    double n = c->n_docs > c->p.min_docs ? c->n_docs : c->p.min_docs;
    return log((n + 1.0) / (df + 1.0)) + 1.0;
}

#if defined(__GNUC__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)(p))
#endif

/* The table of document frequencies is large (2^df_bits counters) and read at
 * random: before a story's centroid is scored, its counters are fetched ahead,
 * all candidates' at once, so the misses overlap instead of queueing. */
static void prefetch_idf(const tdp_clusterer *c, const story *s)
{
    for (uint32_t j = 0; j < s->nc; j++)
        PREFETCH(&c->df[s->ch[j] & c->df_mask]);
}

static void df_halve(tdp_clusterer *c)
{
    for (uint64_t i = 0; i <= c->df_mask; i++)
        c->df[i] >>= 1;
    c->n_docs /= 2;
    c->adds++;
}

/* ---- life of the clusterer ---- */

tdp_clusterer *tdp_clusterer_new_params(const tdp_cluster_params *p, uint64_t first_id)
{
    tdp_clusterer *c = tdp_calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->p = *p;
    tdp_hmap_init(&c->pm, sizeof(post), 75);
    if (c->p.df_bits < 10 || c->p.df_bits > 30)
        c->p.df_bits = 22;
    if (c->p.window_days <= 0)
        c->p.window_days = 30;
    if (c->p.doc_terms < 1)
        c->p.doc_terms = 64;
    if (c->p.cent_terms < 1)
        c->p.cent_terms = 96;
    if (c->p.index_terms < 1)
        c->p.index_terms = 24;
    if (c->p.query_terms < 1)
        c->p.query_terms = 24;
    if (c->p.candidates < 1)
        c->p.candidates = 12;
    if (c->p.tau_days <= 0)
        c->p.tau_days = 30.0;
    if (c->p.settle < 0)
        c->p.settle = 0;
    c->next_id = first_id ? first_id : 1;
    c->df_mask = ((uint64_t)1 << c->p.df_bits) - 1;
    c->df = tdp_calloc((size_t)c->df_mask + 1, sizeof *c->df);
    c->clock = TDP_NODAY;
    c->own_last = TDP_NODAY;
    c->next_halve = TDP_NODAY;
    if (!c->df) {
        tdp_free(c);
        return NULL;
    }
    return c;
}

tdp_clusterer *tdp_clusterer_new(const tdp_cluster_opts *opts)
{
    tdp_cluster_params p;
    tdp_cluster_params_default(&p);
    if (opts && opts->threshold > 0)
        p.threshold = opts->threshold;
    if (opts && opts->window_days > 0)
        p.window_days = opts->window_days;
    return tdp_clusterer_new_params(&p, opts ? opts->first_id : 0);
}

static void story_release(story *s)
{
    tdp_free(s->ch);            /* one block with cw and ck */
    tdp_free(s->idx);
    s->ch = NULL;
    s->cw = NULL;
    s->ck = NULL;
    s->idx = NULL;
    s->nc = s->capc = s->nidx = 0;
    s->live = false;
}

void tdp_clusterer_free(tdp_clusterer *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->n_st; i++)
        story_release(&c->st[i]);
    size_t it = 0;
    void *v;
    while (tdp_hmap_next(&c->pm, &it, NULL, &v))
        post_clear(v);
    tdp_hmap_free(&c->pm);
    tdp_free(c->st);
    tdp_free(c->free_slots);
    tdp_free(c->df);
    tdp_free(c->acc);
    tdp_free(c->touched);
    tdp_free(c->af);
    tdp_free(c->mh);
    tdp_free(c->mw);
    tdp_free(c->mk);
    tdp_free(c->ah);
    tdp_free(c->ak);
    tdp_free(c->merges);
    tdp_free(c->q);             /* one block with qh, ql and qk */
    tdp_free(c->moves);
    tdp_free(c->tmp);
    tdp_free(c->aw);
    tdp_free(c->al);
    tdp_free(c);
}

size_t tdp_clusterer_live(const tdp_clusterer *c) { return c ? c->n_live : 0; }
int32_t tdp_clusterer_clock(const tdp_clusterer *c) { return c ? c->clock : TDP_NODAY; }

static void story_expire(tdp_clusterer *c, uint32_t slot)
{
    story *s = &c->st[slot];
    for (uint32_t i = 0; i < s->nidx; i++)
        post_remove(c, s->idx[i], slot);
    story_release(s);
    c->n_live--;
    /* the free list has room: it never holds more than n_st entries */
    c->free_slots[c->n_free++] = slot;
}

/*
 * The first day after `day` on which document frequencies halve: a multiple of
 * the window, so the schedule does not depend on where the stream began (a store
 * that rebuilds its clusterer from its live stories halves on the same days as
 * the process that saw the whole stream).
 */
static int32_t halve_after(const tdp_clusterer *c, int32_t day)
{
    int32_t w = c->p.window_days;
    int32_t q = day >= 0 ? day / w : -((-day + w - 1) / w);
    return (q + 1) * w;
}

/* The clock moves to day: quiet stories leave, document frequencies age. */
static void advance_clock(tdp_clusterer *c, int32_t day)
{
    bool first = c->clock == TDP_NODAY;
    c->clock = day;
    if (first) {
        c->next_halve = halve_after(c, day);
        for (size_t i = 0; i < c->n_st; i++)
            if (c->st[i].live && c->st[i].last_seen == TDP_NODAY)
                c->st[i].last_seen = day;
        return;
    }
    if (c->next_halve != TDP_NODAY && day >= c->next_halve && !c->primed) {
        /* once per window; after a long jump only once, not down to nothing */
        df_halve(c);
        c->next_halve = halve_after(c, day);
    }
    for (size_t i = 0; i < c->n_st; i++) {
        story *s = &c->st[i];
        if (!s->live)
            continue;
        int32_t act = s->last_seen;
        if (s->last_day != TDP_NODAY && (act == TDP_NODAY || s->last_day > act))
            act = s->last_day;
        if (act == TDP_NODAY)
            s->last_seen = act = day;
        if (day - act > c->p.window_days)
            story_expire(c, (uint32_t)i);
    }
}

static int cmp_i32(const void *a, const void *b)
{
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return (x > y) - (x < y);
}

/*
 * An article without a date of its own, placed on `day` by the dates it mentions.
 * In a stream that has had no own date for a window, nothing else tells the time:
 * the clock follows the median of the last few such days (at least three), so
 * stories still go quiet and leave, while one article citing a coming or a past
 * date moves nothing. In a dated stream the own dates alone move the clock.
 */
static void undated_clock(tdp_clusterer *c, int32_t day)
{
    int cap = (int)(sizeof c->ud / sizeof *c->ud);
    c->ud[c->i_ud] = day;
    c->i_ud = (c->i_ud + 1) % cap;
    if (c->n_ud < cap)
        c->n_ud++;
    if (c->own_last != TDP_NODAY && c->clock != TDP_NODAY &&
        c->clock - c->own_last <= c->p.window_days)
        return;
    if (c->n_ud < 3)
        return;
    int32_t v[sizeof c->ud / sizeof *c->ud];
    memcpy(v, c->ud, (size_t)c->n_ud * sizeof *v);
    tdp_sort(v, (size_t)c->n_ud, sizeof *v, cmp_i32);
    int32_t med = v[c->n_ud / 2];
    if (c->clock == TDP_NODAY || med > c->clock)
        advance_clock(c, med);
}

/* ---- scoring ---- */

typedef tdp_wterm wterm;

/* The order of term strength: higher weight first, among equal weights the lower
 * index (terms are held in hash order, so: the lower hash). A total order - no two
 * entries compare equal - so selection and sorting give one answer. */
static inline bool wt_before(wterm a, wterm b)
{
    return a.w > b.w || (a.w == b.w && a.i < b.i);
}

static int cmp_wterm_desc(const void *a, const void *b)
{
    wterm x = *(const wterm *)a, y = *(const wterm *)b;
    return wt_before(x, y) ? -1 : wt_before(y, x);
}

static inline void wt_swap(wterm *t, size_t a, size_t b)
{
    wterm x = t[a];
    t[a] = t[b];
    t[b] = x;
}

void tdp_wterm_select(tdp_wterm *t, size_t n, size_t k)
{
    if (!t || k == 0 || k >= n)
        return;
    /* quickselect; invariant: lo <= k < hi, everything left of lo comes before
     * everything from lo on, everything from hi on after everything before hi.
     * Each round places its pivot and leaves it out, so the range shrinks. */
    size_t lo = 0, hi = n;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2, last = hi - 1;
        /* median of three into t[last] */
        if (wt_before(t[mid], t[lo]))
            wt_swap(t, mid, lo);
        if (wt_before(t[last], t[lo]))
            wt_swap(t, last, lo);
        if (wt_before(t[mid], t[last]))
            wt_swap(t, mid, last);
        wterm pv = t[last];
        size_t st = lo;
        for (size_t x = lo; x < last; x++)
            if (wt_before(t[x], pv))
                wt_swap(t, x, st++);
        wt_swap(t, st, last);
        if (st == k)
            return;
        if (st < k)
            lo = st + 1;
        else
            hi = st;
    }
}

void tdp_wterm_top(tdp_wterm *t, size_t n, size_t k)
{
    if (k > n)
        k = n;
    tdp_wterm_select(t, n, k);
    if (k > 64) {
        tdp_sort(t, k, sizeof *t, cmp_wterm_desc);
        return;
    }
    /* insertion sort of the k selected: k is small (tens) */
    for (size_t x = 1; x < k; x++) {
        wterm v = t[x];
        size_t y = x;
        while (y > 0 && wt_before(v, t[y - 1])) {
            t[y] = t[y - 1];
            y--;
        }
        t[y] = v;
    }
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* The time factor of a gap of `gap` days: 1 within grace_days, then exp decay. */
static double decay(const tdp_clusterer *c, double gap)
{
    if (gap <= c->p.grace_days)
        return 1.0;
    return exp(-(gap - c->p.grace_days) / c->p.tau_days);
}

/* The time factor between a story's span and a day (1 when either is unknown). */
static double time_factor(const tdp_clusterer *c, const story *s, int32_t day)
{
    if (day == TDP_NODAY || s->first_day == TDP_NODAY)
        return 1.0;
    return decay(c, day < s->first_day ? s->first_day - day
                  : day > s->last_day  ? day - s->last_day : 0);
}

/* The story's span grows to take first..last (TDP_NODAY: nothing to take). */
static void span_take(story *s, int32_t first, int32_t last)
{
    if (first == TDP_NODAY)
        return;
    if (s->first_day == TDP_NODAY || first < s->first_day)
        s->first_day = first;
    if (s->last_day == TDP_NODAY || last > s->last_day)
        s->last_day = last;
}

/* The normaliser of a dot product with a story of n articles and centroid norm
 * cnorm: |C|^link x n^(1-link) - the cosine with the centroid at link 1, the
 * average cosine with the members at 0. */
static double link_norm(const tdp_clusterer *c, double cnorm, double n)
{
    double l = c->p.link;
    if (l >= 1)
        return cnorm;
    return pow(cnorm, l) * pow(n, 1 - l);
}

static double story_norm(const tdp_clusterer *c, const story *s, double cnorm)
{
    return link_norm(c, cnorm, (double)(s->n_arts ? s->n_arts : 1));
}

/* Dot product of the article (aw over ah, n terms, sorted by hash) with a
 * centroid under the current IDF: the sum of its similarities with the members.
 * Notes the centroid's norm (s->cn) for the rest of the add. */
static double story_dot(const tdp_clusterer *c, story *s, size_t n)
{
    double dot = 0, norm = 0;
    size_t i = 0, j = 0;
    while (j < s->nc) {
        double w = s->cw[j] * idf(c, s->ch[j]);
        norm += w * w;
        while (i < n && c->ah[i] < s->ch[j])
            i++;
        if (i < n && c->ah[i] == s->ch[j])
            dot += c->aw[i] * w;
        j++;
    }
    s->cn = sqrt(norm);
    s->cn_at = c->adds;
    return dot;
}

/* The article's score with a story from its dot product: the link-normalised
 * similarity. */
static double story_score(const tdp_clusterer *c, const story *s, double dot)
{
    return s->cn > 0 ? dot / story_norm(c, s, s->cn) : 0;
}

/* Re-picks the story's indexed terms (highest current weight) and updates postings.
 * tmp holds the strength of each centroid term, as story_add_vec leaves it. */
static td_status story_reindex(tdp_clusterer *c, uint32_t slot, wterm *tmp)
{
    story *s = &c->st[slot];
    uint32_t k = s->nc < (uint32_t)c->p.index_terms ? s->nc : (uint32_t)c->p.index_terms;
    uint64_t nidx[512];
    if (k > 256)
        k = 256;
    /* the k strongest, in any order: they are sorted by hash below */
    tdp_wterm_select(tmp, s->nc, k);
    for (uint32_t j = 0; j < k; j++)
        nidx[j] = s->ch[tmp[j].i];
    if (k > 64) {
        tdp_sort(nidx, k, sizeof *nidx, cmp_u64);
    } else {
        for (uint32_t x = 1; x < k; x++) {     /* a few tens: insertion sort */
            uint64_t v = nidx[x];
            uint32_t y = x;
            while (y > 0 && nidx[y - 1] > v) {
                nidx[y] = nidx[y - 1];
                y--;
            }
            nidx[y] = v;
        }
    }
    if (!s->idx) {
        /* twice the terms: after a failed update the old and new sets both stay */
        s->idx = tdp_malloc(2 * (size_t)(c->p.index_terms > 256 ? 256 : c->p.index_terms) *
                            sizeof *s->idx);
        if (!s->idx)
            return TD_ENOMEM;
    }
    /* merge old (s->idx, sorted) against new (nidx, sorted) */
    uint32_t a = 0, b = 0;
    while (a < s->nidx || b < k) {
        if (b >= k || (a < s->nidx && s->idx[a] < nidx[b])) {
            post_remove(c, s->idx[a], slot);
            a++;
        } else if (a >= s->nidx || nidx[b] < s->idx[a]) {
            if (post_add(c, nidx[b], slot)) {
                /* keep the index consistent: what was added stays listed */
                uint32_t m = 0;
                for (uint32_t x = 0; x < b; x++)
                    nidx[m++] = nidx[x];
                for (; a < s->nidx; a++)
                    nidx[m++] = s->idx[a];
                tdp_sort(nidx, m, sizeof *nidx, cmp_u64);
                memcpy(s->idx, nidx, m * sizeof *nidx);
                s->nidx = m;
                return TD_ENOMEM;
            }
            b++;
        } else {
            a++;
            b++;
        }
    }
    memcpy(s->idx, nidx, k * sizeof *nidx);
    s->nidx = k;
    return TD_OK;
}

/* Adds an l-space vector (h, w, k: n terms sorted by hash) into the centroid, then
 * keeps its cent_terms strongest terms. On return tmp[j] holds the strength (w x
 * current IDF) of centroid term j, for story_reindex; tmp has room for twice the
 * centroid's terms before the trim. */
static td_status story_add_vec(tdp_clusterer *c, story *s, const uint64_t *h,
                               const float *w, const uint8_t *k, size_t n, wterm *tmp)
{
    /* merge into the clusterer's scratch (the centroid stays as it was if memory
     * runs out), trim there, then copy back into a block of exactly the size kept:
     * a story holds no spare room, its memory is what its centroid needs */
    size_t total = s->nc + n;
    if (total > c->cap_m) {
        if (TDP_RESIZE(c->mh, total) || TDP_RESIZE(c->mw, total) || TDP_RESIZE(c->mk, total))
            return TD_ENOMEM;
        c->cap_m = total;
    }
    uint64_t *mh = c->mh;
    float *mw = c->mw;
    uint8_t *mk = c->mk;
    size_t i = 0, j = 0, o = 0;
    while (i < s->nc || j < n) {
        if (j >= n || (i < s->nc && s->ch[i] < h[j])) {
            mh[o] = s->ch[i];
            mw[o] = s->cw[i];
            mk[o] = s->ck[i];
            i++;
        } else if (i < s->nc && s->ch[i] == h[j]) {
            mh[o] = s->ch[i];
            mw[o] = s->cw[i] + w[j];
            mk[o] = s->ck[i];
            i++;
            j++;
        } else {
            mh[o] = h[j];
            mw[o] = w[j];
            mk[o] = k[j];
            j++;
        }
        o++;
    }
    uint32_t m = (uint32_t)o;
    s->cn_at = 0;       /* the centroid changes: its norm is to be computed again */
    for (uint32_t x = 0; x < m; x++) {
        tmp[x].w = (float)(mw[x] * idf(c, mh[x]));
        tmp[x].i = x;
    }
    if (m > (uint32_t)c->p.cent_terms) {
        /* the strengths in hash order stay in `all` while tmp is permuted */
        wterm *all = tmp + m;
        memcpy(all, tmp, m * sizeof *all);
        tdp_wterm_select(tmp, m, (size_t)c->p.cent_terms);
        /* mark the weakest for removal, then compact in hash order */
        for (uint32_t x = (uint32_t)c->p.cent_terms; x < m; x++)
            mw[tmp[x].i] = -1;
        uint32_t r = 0;
        for (uint32_t x = 0; x < m; x++) {
            if (mw[x] < 0)
                continue;
            mh[r] = mh[x];
            mw[r] = mw[x];
            mk[r] = mk[x];
            all[r].w = all[x].w;
            all[r].i = r;
            r++;
        }
        memcpy(tmp, all, r * sizeof *tmp);
        m = r;
    }
    if (m != s->capc) {
        /* one block: hashes, then weights, then kinds */
        uint8_t *blk = NULL;
        if (m) {
            blk = tdp_malloc((size_t)m * (sizeof *s->ch + sizeof *s->cw + sizeof *s->ck));
            if (!blk)
                return TD_ENOMEM;
        }
        tdp_free(s->ch);
        s->ch = (uint64_t *)(void *)blk;
        s->cw = blk ? (float *)(void *)(blk + (size_t)m * sizeof *s->ch) : NULL;
        s->ck = blk ? blk + (size_t)m * (sizeof *s->ch + sizeof *s->cw) : NULL;
        s->capc = m;
    }
    if (m) {
        memcpy(s->ch, mh, m * sizeof *mh);
        memcpy(s->cw, mw, m * sizeof *mw);
        memcpy(s->ck, mk, m);
    }
    s->nc = m;
    return TD_OK;
}

/* |centroid| under the current IDF. Document frequencies change only between
 * adds and a centroid only in story_add_vec (which forgets the norm), so a norm
 * noted earlier in the same add - by story_dot, the same sum in the same order -
 * is the value this would compute. */
static double centroid_norm(const tdp_clusterer *c, story *s)
{
    if (s->cn_at == c->adds && c->adds)
        return s->cn;
    double norm = 0;
    for (uint32_t j = 0; j < s->nc; j++) {
        double w = s->cw[j] * idf(c, s->ch[j]);
        norm += w * w;
    }
    s->cn = sqrt(norm);
    s->cn_at = c->adds;
    return s->cn;
}

/* The time factor between two spans (1 when one is unknown). */
static double span_factor(const tdp_clusterer *c, const story *a, const story *b)
{
    if (a->first_day == TDP_NODAY || b->first_day == TDP_NODAY)
        return 1.0;
    return decay(c, a->last_day < b->first_day ? b->first_day - a->last_day
                  : b->last_day < a->first_day ? a->first_day - b->last_day : 0);
}

/* Dot product of two centroids under the current IDF: the sum of the similarities
 * between the members of one and those of the other. */
static double story_pair(const tdp_clusterer *c, const story *a, const story *b)
{
    double dot = 0;
    for (uint32_t i = 0, j = 0; i < a->nc && j < b->nc;) {
        if (a->ch[i] < b->ch[j])
            i++;
        else if (a->ch[i] > b->ch[j])
            j++;
        else {
            double f = idf(c, a->ch[i]);
            dot += (double)a->cw[i++] * b->cw[j++] * f * f;
        }
    }
    return dot;
}

/* Whether an average similarity avg with story s is near enough to how alike its
 * own members are: a story of close reports does not take what is only as near as
 * another event of the same kind would be. */
static bool cohesive(const tdp_clusterer *c, const story *s, double avg)
{
    if (c->p.rel <= 0 || s->n_arts < 2)
        return true;
    double n = (double)s->n_arts;
    double coh = s->pairs / (0.5 * n * (n - 1));
    return avg >= c->p.rel * coh;
}

/* Whether story s takes an article whose dot product with it is dot, at time
 * factor tf: the cohesion rule on the article's average similarity. */
static bool takes(const tdp_clusterer *c, const story *s, double dot, double tf)
{
    return cohesive(c, s, dot * tf / (s->n_arts ? s->n_arts : 1));
}

/* Moves story `gone` into story `keep` and frees gone's slot; notes the merge. */
static td_status story_absorb(tdp_clusterer *c, uint32_t keep, uint32_t gone, double cross,
                              wterm *tmp)
{
    if (TDP_GROW(c->merges, c->cap_merges, c->n_merges + 1))
        return TD_ENOMEM;
    story *k = &c->st[keep], *g = &c->st[gone];
    td_status st = story_add_vec(c, k, g->ch, g->cw, g->ck, g->nc, tmp);
    if (st)
        return st;
    k->n_arts += g->n_arts;
    k->pairs += g->pairs + cross;
    span_take(k, g->first_day, g->last_day);
    if (g->last_seen != TDP_NODAY && (k->last_seen == TDP_NODAY || g->last_seen > k->last_seen))
        k->last_seen = g->last_seen;
    c->merges[c->n_merges].from = g->id;
    c->merges[c->n_merges].into = k->id;
    c->n_merges++;
    for (size_t x = 0; x < c->q_n; x++) {
        pend *e = &c->q[(c->q_head + x) % q_cap(c)];
        if (e->slot == gone && e->story == g->id) {
            e->slot = keep;
            e->story = k->id;
        }
    }
    story_expire(c, gone);
    return story_reindex(c, keep, tmp);
}

/* One score accumulator per story slot, zero where not in use. */
static td_status ensure_acc(tdp_clusterer *c)
{
    if (c->cap_acc >= c->n_st)
        return TD_OK;
    if (TDP_RESIZE(c->acc, c->n_st))
        return TD_ENOMEM;
    memset(c->acc + c->cap_acc, 0, (c->n_st - c->cap_acc) * sizeof *c->acc);
    c->cap_acc = c->n_st;
    return TD_OK;
}

/* Keeps the maxc best (slot, score) pairs in descending score order, earlier
 * arrivals first among equals; returns the new count. */
static int topk_push(uint32_t *cand, float *cs, int nc, int maxc, uint32_t sl, float v)
{
    if (maxc <= 0 || (nc == maxc && v <= cs[nc - 1]))
        return nc;
    int k = nc < maxc ? nc++ : nc - 1;
    while (k > 0 && cs[k - 1] < v) {
        cs[k] = cs[k - 1];
        cand[k] = cand[k - 1];
        k--;
    }
    cs[k] = v;
    cand[k] = sl;
    return nc;
}

/* Adds w to the score of every story indexed under term h (postings longer than
 * max_postings are passed over). On failure the scores are cleared. */
static td_status acc_term(tdp_clusterer *c, uint64_t h, float w)
{
    post *ps = post_find(c, h);
    if (!ps || ps->n > c->p.max_postings)
        return TD_OK;
    const uint32_t *ids = post_ids(ps);
    for (uint32_t k = 0; k < ps->n; k++) {
        uint32_t sl = ids[k];
        if (c->acc[sl] == 0) {
            if (TDP_GROW(c->touched, c->cap_touched, c->n_touched + 1)) {
                for (size_t t = 0; t < c->n_touched; t++)
                    c->acc[c->touched[t]] = 0;
                return TD_ENOMEM;
            }
            c->touched[c->n_touched++] = sl;
        }
        c->acc[sl] += w;
    }
    return TD_OK;
}

/* The maxc stories with the highest scores, best first; the scores are cleared. */
static int take_cands(tdp_clusterer *c, uint32_t *cand, int maxc)
{
    float cs[64];
    int nc = 0;
    for (size_t t = 0; t < c->n_touched; t++) {
        uint32_t sl = c->touched[t];
        float v = c->acc[sl];
        c->acc[sl] = 0;
        nc = topk_push(cand, cs, nc, maxc, sl, v);
    }
    return nc;
}

/*
 * After story `slot` took an article: the live story now most like it (found
 * through the inverted index with the story's own indexed terms), merged with it
 * when their similarity reaches merge x threshold. The older story (lower id) is
 * the one that stays. Returns the slot the article's story now has.
 */
static td_status merge_pass(tdp_clusterer *c, uint32_t *slot, wterm *tmp)
{
    const tdp_cluster_params *p = &c->p;
    if (ensure_acc(c))
        return TD_ENOMEM;
    for (int round = 0; round < 4; round++) {
        story *s = &c->st[*slot];
        c->n_touched = 0;
        for (uint32_t q = 0; q < s->nidx; q++)
            if (acc_term(c, s->idx[q], 1.0f))
                return TD_ENOMEM;
        c->acc[*slot] = 0;      /* not a candidate of its own (scored last, skipped) */
        /* the candidates sharing most indexed terms, then the exact similarity */
        uint32_t cand[64];
        int nc = take_cands(c, cand, p->candidates < 64 ? p->candidates : 64);
        double best = -1, best_raw = 0;
        int64_t bs = -1;
        double ns = nc ? story_norm(c, s, centroid_norm(c, s)) : 0;
        for (int k = 0; k < nc; k++)
            prefetch_idf(c, &c->st[cand[k]]);
        for (int k = 0; k < nc; k++) {
            if (cand[k] == *slot)
                continue;
            story *o = &c->st[cand[k]];
            double raw = story_pair(c, s, o), no = story_norm(c, o, centroid_norm(c, o));
            double sf = span_factor(c, s, o);
            double v = ns > 0 && no > 0 ? raw / (ns * no) * sf : 0;
            if (v > best && p->rel > 0) {
                double avg = raw / ((double)s->n_arts * o->n_arts) * sf;
                if (!cohesive(c, s, avg) || !cohesive(c, o, avg))
                    continue;
            }
            if (v > best) {
                best = v;
                bs = cand[k];
                best_raw = raw;
            }
        }
        if (bs < 0 || best < p->merge * p->threshold)
            return TD_OK;
        uint32_t keep = *slot, gone = (uint32_t)bs;
        if (c->st[gone].id < c->st[keep].id) {
            keep = (uint32_t)bs;
            gone = *slot;
        }
        td_status st = story_absorb(c, keep, gone, best_raw, tmp);
        *slot = keep;
        if (st)
            return st;
    }
    return TD_OK;
}

/* A new, empty live story (a free slot, else a new one: c->st may move). */
static td_status story_new(tdp_clusterer *c, uint32_t *slot)
{
    if (c->n_free) {
        *slot = c->free_slots[--c->n_free];
    } else {
        if (TDP_GROW(c->st, c->cap_st, c->n_st + 1) ||
            TDP_GROW(c->free_slots, c->cap_free, c->n_st + 1))
            return TD_ENOMEM;
        *slot = (uint32_t)c->n_st++;
    }
    story *s = &c->st[*slot];
    memset(s, 0, sizeof *s);
    s->id = c->next_id++;
    s->first_day = s->last_day = TDP_NODAY;
    s->live = true;
    c->n_live++;
    return TD_OK;
}

/* Room in c->tmp for an article of n terms, then twice a centroid before its trim
 * (a story's cent_terms and an article's doc_terms, or two stories' when they
 * merge). Kept between adds: an add is not an allocation. */
static td_status ensure_tmp(tdp_clusterer *c, size_t n)
{
    size_t ct = c->p.cent_terms > 0 ? (size_t)c->p.cent_terms : 0;
    size_t dt = c->p.doc_terms > 0 ? (size_t)c->p.doc_terms : 0;
    size_t need = 2 * (2 * ct + dt) + 256;
    if (need < n)
        need = n;
    if (need <= c->cap_tmp)
        return TD_OK;
    if (TDP_RESIZE(c->tmp, need))
        return TD_ENOMEM;
    c->cap_tmp = need;
    return TD_OK;
}

/* ---- the second look ---- */

static td_status ensure_scratch(tdp_clusterer *c, size_t n);

/* The maxc live stories sharing most weight with the terms qh/qw (nq of them,
 * strongest first), best first. Returns how many, or -1 when memory runs out. */
static int find_cands(tdp_clusterer *c, const uint64_t *qh, const float *qw, size_t nq,
                      uint32_t *cand, int maxc)
{
    if (ensure_acc(c))
        return -1;
    c->n_touched = 0;
    for (size_t q = 0; q < nq; q++)
        if (acc_term(c, qh[q], qw[q]))
            return -1;
    return take_cands(c, cand, maxc);
}

/* Takes the article's l-space terms out of a story's centroid (terms left without
 * weight go); the story keeps its span. */
static td_status story_sub_vec(tdp_clusterer *c, uint32_t slot, const uint64_t *h,
                               const float *l, size_t n)
{
    story *s = &c->st[slot];
    uint32_t o = 0;
    size_t i = 0;
    for (uint32_t j = 0; j < s->nc; j++) {
        float w = s->cw[j];
        while (i < n && h[i] < s->ch[j])
            i++;
        if (i < n && h[i] == s->ch[j])
            w -= l[i];
        if (w <= 1e-6f)
            continue;
        s->ch[o] = s->ch[j];
        s->cw[o] = w;
        s->ck[o] = s->ck[j];
        o++;
    }
    s->nc = o;
    s->cn_at = 0;
    for (uint32_t x = 0; x < o; x++) {
        c->tmp[x].w = (float)(s->cw[x] * idf(c, s->ch[x]));
        c->tmp[x].i = x;
    }
    return story_reindex(c, slot, c->tmp);
}

/*
 * The second look at the article waiting at ring index `at` (e: its entry, or a
 * copy taken as it left the queue): with the stories as they are now, the one it
 * is most like (average similarity with the other members, the time factor and
 * the cohesion rule as on arrival). When that is another story, at or above the
 * threshold and more alike than its own, the article moves there.
 */
static td_status recheck(tdp_clusterer *c, size_t at, pend *e)
{
    const tdp_cluster_params *p = &c->p;
    if (e->slot >= c->n_st || !c->st[e->slot].live || c->st[e->slot].id != e->story)
        return TD_OK;
    size_t n = e->n, dt = (size_t)p->doc_terms;
    const uint64_t *h = c->qh + at * dt;
    const float *l = c->ql + at * dt;
    if (!n || ensure_scratch(c, n))
        return n ? TD_ENOMEM : TD_OK;
    wterm *tmp = c->tmp;
    /* the article in w-space under the current IDF */
    double norm = 0;
    for (size_t i = 0; i < n; i++) {
        double w = l[i] * idf(c, h[i]);
        c->ah[i] = h[i];
        c->aw[i] = (float)w;
        norm += w * w;
    }
    norm = norm > 0 ? sqrt(norm) : 1;
    for (size_t i = 0; i < n; i++) {
        c->aw[i] = (float)(c->aw[i] / norm);
        tmp[i].w = c->aw[i];
        tmp[i].i = (uint32_t)i;
    }
    size_t nq = n < (size_t)p->query_terms ? n : (size_t)p->query_terms;
    tdp_wterm_top(tmp, n, nq);
    uint64_t qh[256];
    float qw[256];
    if (nq > 256)
        nq = 256;
    for (size_t q = 0; q < nq; q++) {
        qh[q] = h[tmp[q].i];
        qw[q] = tmp[q].w;
    }
    uint32_t cand[64];
    int nc = find_cands(c, qh, qw, nq, cand, p->candidates < 64 ? p->candidates : 64);
    if (nc < 0)
        return TD_ENOMEM;
    /* its own story, without it */
    story *own = &c->st[e->slot];
    double own_sc = -1, own_dot = 0;   /* own_dot: its similarities with the others */
    if (own->n_arts > 1) {
        double dot = story_dot(c, own, n), self = 0;
        size_t i = 0;
        for (uint32_t j = 0; j < own->nc; j++) {
            while (i < n && h[i] < own->ch[j])
                i++;
            if (i < n && h[i] == own->ch[j])
                self += (double)c->aw[i] * l[i] * idf(c, h[i]);
        }
        own_dot = dot - self;
        double den = link_norm(c, own->cn, (double)(own->n_arts - 1));
        own_sc = den > 0 ? own_dot / den * time_factor(c, own, e->place) : 0;
    }
    double best = -1, best_dot = 0;
    int64_t bs = -1;
    for (int x = 0; x < nc; x++)
        prefetch_idf(c, &c->st[cand[x]]);
    for (int x = 0; x < nc; x++) {
        if (cand[x] == e->slot)
            continue;
        story *s = &c->st[cand[x]];
        double dot = story_dot(c, s, n), tf = time_factor(c, s, e->place);
        double sc = story_score(c, s, dot) * tf;
        if (!(sc > best || (sc == best && cand[x] < bs)) || !takes(c, s, dot, tf))
            continue;
        best = sc;
        bs = cand[x];
        best_dot = dot;
    }
    if (bs < 0 || best < p->threshold || best <= own_sc)
        return TD_OK;
    if (TDP_GROW(c->moves, c->cap_moves, c->n_moves + 1))
        return TD_ENOMEM;
    uint64_t from = own->id;
    /* out of its story (a story left empty is gone) */
    own->n_arts--;
    own->pairs = own->pairs > own_dot ? own->pairs - own_dot : 0;
    td_status st = TD_OK;
    if (own->n_arts == 0)
        story_expire(c, e->slot);
    else
        st = story_sub_vec(c, e->slot, h, l, n);
    if (st)
        return st;
    /* into the other */
    story *t = &c->st[bs];
    t->pairs += best_dot;
    t->n_arts++;
    span_take(t, e->place, e->place);
    st = story_add_vec(c, t, h, l, c->qk + at * dt, n, tmp);
    if (!st)
        st = story_reindex(c, (uint32_t)bs, tmp);
    c->moves[c->n_moves].seq = e->seq;
    c->moves[c->n_moves].from = from;
    c->moves[c->n_moves].into = t->id;
    c->n_moves++;
    e->slot = (uint32_t)bs;
    e->story = t->id;
    return st;
}

/* Room for the queue and its pools (once, on the first add that waits): one block,
 * the entries, then the hashes, weights and kinds of their terms. */
static td_status ensure_queue(tdp_clusterer *c)
{
    if (c->q)
        return TD_OK;
    size_t cap = q_cap(c), dt = (size_t)c->p.doc_terms;
    unsigned char *blk = tdp_malloc(cap * (sizeof *c->q + dt * (sizeof *c->qh +
                                                               sizeof *c->ql + 1)));
    if (!blk)
        return TD_ENOMEM;
    c->q = (pend *)(void *)blk;
    c->qh = (uint64_t *)(void *)(blk + cap * sizeof *c->q);
    c->ql = (float *)(void *)(blk + cap * (sizeof *c->q + dt * sizeof *c->qh));
    c->qk = blk + cap * (sizeof *c->q + dt * (sizeof *c->qh + sizeof *c->ql));
    return TD_OK;
}

/* The oldest waiting article takes its second look and leaves the queue (its
 * terms stay in the pools until a new article takes the place). */
static td_status settle_one(tdp_clusterer *c)
{
    size_t at = c->q_head;
    pend e = c->q[at];
    c->q_head = (c->q_head + 1) % q_cap(c);
    c->q_n--;
    return recheck(c, at, &e);
}

/* The article just added (its kept terms in c->ah/al/ak) joins the queue; the
 * oldest takes its second look when more than settle wait. */
static td_status settle_push(tdp_clusterer *c, uint32_t slot, size_t na, int32_t place)
{
    if (ensure_queue(c))
        return TD_ENOMEM;
    size_t dt = (size_t)c->p.doc_terms;
    size_t at = (c->q_head + c->q_n) % q_cap(c);
    pend *e = &c->q[at];
    e->seq = c->seq;
    e->story = c->st[slot].id;
    e->slot = slot;
    e->n = (uint32_t)(na < dt ? na : dt);
    e->place = place;
    memcpy(c->qh + at * dt, c->ah, e->n * sizeof *c->qh);
    memcpy(c->ql + at * dt, c->al, e->n * sizeof *c->ql);
    memcpy(c->qk + at * dt, c->ak, e->n);
    c->q_n++;
    return c->q_n > (size_t)c->p.settle ? settle_one(c) : TD_OK;
}

td_status tdp_clusterer_settle(tdp_clusterer *c)
{
    if (!c)
        return TD_EARG;
    c->n_merges = 0;
    c->n_moves = 0;
    if (!c->q_n)
        return TD_OK;
    if (ensure_tmp(c, 0))
        return TD_ENOMEM;
    td_status st = TD_OK;
    /* two rounds: a move can make a story more like the articles looked at
     * before it; then the queue is empty */
    for (size_t x = 0; x < c->q_n && !st; x++) {
        size_t at = (c->q_head + x) % q_cap(c);
        st = recheck(c, at, &c->q[at]);
    }
    while (c->q_n && !st)
        st = settle_one(c);
    return st;
}

size_t tdp_clusterer_moves(const tdp_clusterer *c, const tdp_cluster_move **m)
{
    if (m)
        *m = c ? c->moves : NULL;
    return c ? c->n_moves : 0;
}

void tdp_clusterer_prime(tdp_clusterer *c, const tdp_cfeat *f, size_t n)
{
    c->primed = true;
    for (size_t i = 0; i < n; i++)
        c->df[f[i].hash & c->df_mask]++;
    c->n_docs += 1;
    c->adds++;
}

size_t tdp_clusterer_merges(const tdp_clusterer *c, const tdp_cluster_merge **m)
{
    if (m)
        *m = c ? c->merges : NULL;
    return c ? c->n_merges : 0;
}

static td_status ensure_scratch(tdp_clusterer *c, size_t n)
{
    if (n > c->cap_a) {
        if (TDP_RESIZE(c->af, n) || TDP_RESIZE(c->aw, n) || TDP_RESIZE(c->al, n) ||
            TDP_RESIZE(c->ah, n) || TDP_RESIZE(c->ak, n))
            return TD_ENOMEM;
        c->cap_a = n;
    }
    return TD_OK;
}

static int cmp_feat_hash(const void *a, const void *b)
{
    uint64_t x = ((const tdp_cfeat *)a)->hash, y = ((const tdp_cfeat *)b)->hash;
    return x < y ? -1 : x > y;
}

td_status tdp_clusterer_add_features(tdp_clusterer *c, const tdp_cfeat *f, size_t n,
                                     int32_t day, uint64_t *story_id, bool *is_new)
{
    return tdp_clusterer_add_placed(c, f, n, day, true, story_id, is_new);
}

td_status tdp_clusterer_add_placed(tdp_clusterer *c, const tdp_cfeat *f, size_t n,
                                   int32_t day, bool own_date, uint64_t *story_id,
                                   bool *is_new)
{
    if (!c || (!f && n) || !story_id || !is_new)
        return TD_EARG;
    const tdp_cluster_params *p = &c->p;
    c->n_merges = 0;
    c->n_moves = 0;

    /* when: a day more than a year ahead of the clock is taken for a bad date (a
     * wrong year) and the article is placed by arrival; else the clock moves on */
    if (day != TDP_NODAY && c->clock != TDP_NODAY && day > c->clock + TDP_CLUSTER_FUTURE_DAYS)
        day = c->clock;
    if (own_date && day != TDP_NODAY && (c->clock == TDP_NODAY || day > c->clock))
        advance_clock(c, day);
    if (own_date && day != TDP_NODAY && (c->own_last == TDP_NODAY || day > c->own_last))
        c->own_last = day;
    if (!own_date && day != TDP_NODAY && c->p.mention_clock)
        undated_clock(c, day);
    /* the time decay holds between own dates only: dates an article mentions say
     * little about when it appeared, too little to keep two reports apart */
    int32_t place = own_date && day != TDP_NODAY ? day : TDP_NODAY;

    /* document frequencies include this article (unless the caller primes them) */
    if (!c->primed) {
        for (size_t i = 0; i < n; i++)
            c->df[f[i].hash & c->df_mask]++;
        c->n_docs += 1;
    }
    c->adds++;          /* IDF is fixed from here to the end of this add */

    /* the article's weights; keep its doc_terms strongest */
    size_t cap = n + (size_t)p->cent_terms + 1;
    if (ensure_scratch(c, cap > (size_t)p->doc_terms ? cap : (size_t)p->doc_terms))
        return TD_ENOMEM;
    if (ensure_tmp(c, n))
        return TD_ENOMEM;
    wterm *tmp = c->tmp;
    /* c->aw holds each term's l-space weight until the kept terms are picked */
    bool by_hash = true;     /* f sorted by hash, no repeats (as features are) */
    for (size_t i = 0; i < n; i++) {
        double l = (1.0 + log(f[i].count > 1 ? f[i].count : 1.0)) *
                   p->boost[f[i].kind < TDP_CT_KINDS ? f[i].kind : 0];
        c->aw[i] = (float)l;
        tmp[i].w = (float)(l * idf(c, f[i].hash));
        tmp[i].i = (uint32_t)i;
        if (i && f[i - 1].hash >= f[i].hash)
            by_hash = false;
    }
    size_t na = n < (size_t)p->doc_terms ? n : (size_t)p->doc_terms;
    /* the na strongest in order of strength (the sums below run in that order) */
    tdp_wterm_top(tmp, n, na);
    double norm = 0;
    for (size_t i = 0; i < na; i++)
        norm += (double)tmp[i].w * tmp[i].w;
    norm = norm > 0 ? sqrt(norm) : 1;
    /* the query terms: the strongest query_terms, looked up before re-sorting */
    size_t nq = na < (size_t)p->query_terms ? na : (size_t)p->query_terms;
    c->n_touched = 0;
    if (ensure_acc(c)) {
        return TD_ENOMEM;
    }
    for (size_t q = 0; q < nq; q++) {
        if (acc_term(c, f[tmp[q].i].hash, tmp[q].w)) {
            return TD_ENOMEM;
        }
    }
    /* the kept terms in hash order (count: l-space weight, unnormalised) */
    if (by_hash) {
        /* mark them (c->ak as scratch), then walk f in its order */
        memset(c->ak, 0, n);
        for (size_t i = 0; i < na; i++)
            c->ak[tmp[i].i] = 1;
        size_t m = 0;
        for (size_t x = 0; x < n; x++) {
            if (!c->ak[x])
                continue;
            c->af[m] = f[x];
            c->af[m].count = c->aw[x];
            m++;
        }
    } else {
        for (size_t i = 0; i < na; i++) {
            c->af[i] = f[tmp[i].i];
            c->af[i].count = c->aw[tmp[i].i];
        }
        tdp_sort(c->af, na, sizeof *c->af, cmp_feat_hash);
    }
    for (size_t i = 0; i < na; i++) {
        c->ah[i] = c->af[i].hash;
        c->ak[i] = c->af[i].kind;
        c->al[i] = (float)(c->af[i].count / norm);
        c->aw[i] = (float)(c->af[i].count * idf(c, c->af[i].hash) / norm);
    }

    /* the best candidates by partial score, then the exact score */
    uint32_t cand[64];
    int nc = take_cands(c, cand, p->candidates < 64 ? p->candidates : 64);
    double best = -1, best_dot = 0;
    int64_t best_slot = -1;
    for (int k = 0; k < nc; k++)
        prefetch_idf(c, &c->st[cand[k]]);
    for (int k = 0; k < nc; k++) {
        story *s = &c->st[cand[k]];
        double dot = story_dot(c, s, na), tf = time_factor(c, s, place);
        double sc = story_score(c, s, dot) * tf;
        if (!(sc > best || (sc == best && cand[k] < best_slot)) || !takes(c, s, dot, tf))
            continue;
        best_dot = dot;
        best = sc;
        best_slot = cand[k];
    }

    td_status st = TD_OK;
    uint32_t slot;
    if (best_slot >= 0 && best >= p->threshold) {
        slot = (uint32_t)best_slot;
        *is_new = false;
    } else {
        if (story_new(c, &slot))
            return TD_ENOMEM;
        *is_new = true;
    }
    story *s = &c->st[slot];
    if (!*is_new)
        s->pairs += best_dot;
    s->n_arts++;
    s->last_seen = c->clock;
    span_take(s, place, place);
    st = story_add_vec(c, s, c->ah, c->al, c->ak, na, tmp);
    if (!st)
        st = story_reindex(c, slot, tmp);
    if (!st && p->merge > 0)
        st = merge_pass(c, &slot, tmp);
    *story_id = c->st[slot].id;
    if (!st && p->settle > 0)
        st = settle_push(c, slot, na, place);
    c->seq++;
    return st;
}

td_status tdp_clusterer_add_info(tdp_clusterer *c, const tdp_cinfo *info,
                                 uint64_t *story_id, bool *is_new)
{
    if (!c || !info || !story_id || !is_new)
        return TD_EARG;
    int32_t day = tdp_cluster_info_day(info, c->clock);
    /* an undated article arrives now: dates it mentions from before the window
     * are history, not its place */
    if (info->own == TDP_NODAY && day != TDP_NODAY && c->clock != TDP_NODAY &&
        day < c->clock - c->p.window_days)
        day = c->clock;
    return tdp_clusterer_add_placed(c, info->f, info->n, day, info->own != TDP_NODAY,
                                    story_id, is_new);
}

td_status tdp_clusterer_add(tdp_clusterer *c, const td_article *a, uint64_t *story_id,
                            bool *is_new)
{
    if (!c || !a || !story_id || !is_new)
        return TD_EARG;
    tdp_cinfo info;
    td_status st = tdp_cluster_info(a, &info);
    if (st)
        return st;
    st = tdp_clusterer_add_info(c, &info, story_id, is_new);
    tdp_cluster_info_free(&info);
    return st;
}

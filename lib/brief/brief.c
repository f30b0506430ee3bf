/*
 * brief.c - the brief of one story: its articles in order, the sentences and their
 * word sets, the story's word weights, the headline and the extractive summary;
 * then the other passes (timeline, entities, quotes, facts).
 *
 * Summary: each sentence of an independent article is scored by its centrality
 * (the weights of its content words, a word weighing as many independent articles
 * as use it, over the square root of the sentence's size) plus a bonus for the
 * lead of an article; sentences are taken best first, skipping those too close to
 * one already taken, then put back in story order. Each gets as sources every
 * article (copies included) that carries the same or a near-identical sentence.
 */
#include <math.h>
#include <stdlib.h>

#include "brief/section.h"

/* Centrality: a word weighs (share of independent articles using it)^DF_POWER, a
 * word of one article ONE_ARTICLE of that; a sentence sums its words' weights over
 * (its number of words)^LEN_POWER. Measured on MultiLing 2011 (docs/BENCHMARKS.md). */
#define DF_POWER 2.0
#define ONE_ARTICLE 0.1
#define LEN_POWER 0.6
#define LEAD_BONUS 0.15     /* an article's first sentence */
#define SECOND_BONUS 0.08   /* its second */
#define DEFAULT_SUMMARY 4
#define SUMMARY_MIN_WORDS 8
#define SUMMARY_MAX_WORDS 70
#define REDUNDANT_JACCARD 0.5
#define REDUNDANT_OVERLAP 0.75
#define SAME_JACCARD 0.6
#define SAME_OVERLAP 0.85

const char *tdp_bstr(bctx *c, const char *s, size_t n)
{
    return tdp_arena_strndup(&c->b->arena, s ? s : "", s ? n : 0);
}

/* ---- story word weights: word hash -> independent articles using it ---- */

typedef struct bterm {
    uint32_t df;           /* independent articles using the word */
    uint32_t last;         /* last article counted, +1 */
} bterm;

static td_status terms_add(bterms *t, uint64_t h, uint32_t art)
{
    void *v;
    if (tdp_hmap_put(&t->m, h, &v, NULL))
        return TD_ENOMEM;
    bterm *e = v;
    if (e->last != art + 1) {
        e->last = art + 1;
        e->df++;
    }
    return TD_OK;
}

uint32_t tdp_bterms_df(const bterms *t, uint64_t h)
{
    const bterm *e = tdp_hmap_get(&t->m, h);
    return e ? e->df : 0;
}

/* ---- the story's articles and sentences ---- */

typedef struct mref {
    uint32_t idx;      /* corpus index */
    bool copy;         /* a copy sorts after the originals of its date */
    const td_article *a;
} mref;

static int cmp_member(const void *x, const void *y)
{
    const mref *p = x, *q = y;
    bool dp = p->a->date.prec != TD_DATE_NONE, dq = q->a->date.prec != TD_DATE_NONE;
    if (dp != dq)
        return dp ? -1 : 1;
    if (dp) {
        int32_t a = td_date_days(&p->a->date), b = td_date_days(&q->a->date);
        if (a != b)
            return a < b ? -1 : 1;
        int ma = p->a->date.prec >= TD_DATE_MINUTE ? p->a->date.hour * 60 + p->a->date.minute : 0;
        int mb = q->a->date.prec >= TD_DATE_MINUTE ? q->a->date.hour * 60 + q->a->date.minute : 0;
        if (ma != mb)
            return ma < mb ? -1 : 1;
    }
    if (p->copy != q->copy)
        return p->copy ? 1 : -1;
    int c = strcmp(p->a->id ? p->a->id : "", q->a->id ? q->a->id : "");
    if (c)
        return c;
    return p->idx < q->idx ? -1 : p->idx > q->idx;
}

typedef struct ipair {
    uint32_t idx;      /* corpus index */
    uint32_t local;    /* index in the story */
} ipair;
_Static_assert(sizeof(ipair) <= sizeof(mref), "ipair reuses the mref array");

static int cmp_corpus_idx(const void *x, const void *y)
{
    const ipair *p = x, *q = y;
    return p->idx < q->idx ? -1 : p->idx > q->idx;
}

static int cmp_date_days(const void *x, const void *y)
{
    int32_t a = *(const int32_t *)x, b = *(const int32_t *)y;
    return a < b ? -1 : a > b;
}

static td_status order_articles(bctx *c, const tdp_copy *copies, const uint32_t *members,
                                size_t n)
{
    tdp_brief *b = c->b;
    mref *m = tdp_malloc((n ? n : 1) * sizeof *m);
    b->arts = tdp_malloc((n ? n : 1) * sizeof *b->arts);
    b->copy_of = tdp_malloc((n ? n : 1) * sizeof *b->copy_of);
    b->art = tdp_malloc((n ? n : 1) * sizeof *b->art);
    int32_t *days = tdp_malloc((n ? n : 1) * sizeof *days);
    if (!m || !b->arts || !b->copy_of || !b->art || !days) {
        tdp_free(m);
        tdp_free(days);
        return TD_ENOMEM;
    }
    for (size_t i = 0; i < n; i++)
        m[i] = (mref){members[i], copies && copies[members[i]].of >= 0, c->arts[members[i]]};
    tdp_sort(m, n, sizeof *m, cmp_member);
    b->n_arts = n;
    size_t nd = 0;
    for (size_t i = 0; i < n; i++) {
        b->arts[i] = m[i].idx;
        b->art[i] = m[i].a;
        if (m[i].a->date.prec != TD_DATE_NONE) {
            days[nd++] = td_date_days(&m[i].a->date);
            if (b->first.prec == TD_DATE_NONE)
                b->first = m[i].a->date;
            b->last = m[i].a->date;
        }
    }
    /* Copies: the canonical's local index, through (corpus index, local index)
     * pairs sorted by corpus index. */
    ipair *pr = (ipair *)m; /* same size and alignment checked below */
    for (size_t i = 0; i < n; i++)
        pr[i] = (ipair){b->arts[i], (uint32_t)i};
    tdp_sort(pr, n, sizeof *pr, cmp_corpus_idx);
    for (size_t i = 0; i < n; i++) {
        b->copy_of[i] = -1;
        int32_t of = copies ? copies[b->arts[i]].of : -1;
        if (of < 0)
            continue;
        size_t lo = 0, hi = n;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (pr[mid].idx < (uint32_t)of)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo < n && pr[lo].idx == (uint32_t)of && pr[lo].local != i)
            b->copy_of[i] = (int32_t)pr[lo].local;
    }
    b->n_indep = 0;
    for (size_t i = 0; i < n; i++)
        if (b->copy_of[i] < 0)
            b->n_indep++;
    if (nd) {
        tdp_sort(days, nd, sizeof *days, cmp_date_days);
        int y, mo, d;
        tdp_civil_from_days(days[nd / 2], &y, &mo, &d);
        c->ref = (td_date){(int16_t)y, (int8_t)mo, (int8_t)d, 0, 0, TD_DATE_DAY};
    }
    tdp_free(days);
    tdp_free(m);
    return TD_OK;
}

typedef struct fbctx {
    bctx *c;
    uint32_t art;
    const char *para;
    uint32_t count;
    td_status st;
} fbctx;

static td_status add_sent(bctx *c, uint32_t art, uint32_t idx, const char *text, size_t len)
{
    if (c->n_sents >= BRIEF_MAX_SENTS)
        return TD_OK;
    if (TDP_GROW(c->sents, c->cap_sents, c->n_sents + 1))
        return TD_ENOMEM;
    bsent *s = &c->sents[c->n_sents];
    memset(s, 0, sizeof *s);
    s->art = art;
    s->idx = idx;
    s->text = text;
    s->len = (uint32_t)len;
    td_status st = tdp_btok_set(c->tok, &c->scratch, text, len, bart(c, art)->language,
                                &s->set, &s->n_set, &s->words);
    if (st)
        return st;
    c->n_sents++;
    return TD_OK;
}

static int fallback_span(void *ctx, size_t off, size_t len)
{
    fbctx *f = ctx;
    if (f->count >= BRIEF_MAX_ART_SENTS)
        return 1;
    const char *t = tdp_arena_strndup(&f->c->scratch, f->para + off, len);
    if (!t) {
        f->st = TD_ENOMEM;
        return 1;
    }
    f->st = add_sent(f->c, f->art, f->count++, t, len);
    return f->st ? 1 : 0;
}

static td_status read_sentences(bctx *c)
{
    tdp_brief *b = c->b;
    c->first = tdp_malloc((b->n_arts + 1) * sizeof *c->first);
    c->fallback = tdp_calloc(b->n_arts ? b->n_arts : 1, sizeof *c->fallback);
    if (!c->first || !c->fallback)
        return TD_ENOMEM;
    for (size_t i = 0; i < b->n_arts; i++) {
        c->first[i] = (uint32_t)c->n_sents;
        const td_article *a = bart(c, i);
        const tdp_analysis *an = a->an;
        if (an && an->n_sents) {
            size_t n = an->n_sents < BRIEF_MAX_ART_SENTS ? an->n_sents : BRIEF_MAX_ART_SENTS;
            for (size_t k = 0; k < n; k++) {
                td_status st = add_sent(c, (uint32_t)i, (uint32_t)k, an->sents[k].text,
                                        an->sents[k].len);
                if (st)
                    return st;
            }
        } else {
            /* No analysis: sentences of the cleaned paragraphs, so that the brief
             * still says something. */
            c->fallback[i] = true;
            fbctx f = {c, (uint32_t)i, NULL, 0, TD_OK};
            for (size_t p = 0; p < a->n_paras && f.count < BRIEF_MAX_ART_SENTS; p++) {
                if (a->paras[p].kind == TD_PARA_HEADING)
                    continue;
                f.para = a->paras[p].text;
                tdp_brief_split(a->paras[p].text, a->paras[p].len, fallback_span, &f);
                if (f.st)
                    return f.st;
            }
        }
    }
    c->first[b->n_arts] = (uint32_t)c->n_sents;
    /* Word weights over the independent articles. */
    for (size_t s = 0; s < c->n_sents; s++) {
        const bsent *x = &c->sents[s];
        if (b->copy_of[x->art] >= 0)
            continue;
        for (uint32_t k = 0; k < x->n_set; k++)
            if (terms_add(&c->terms, x->set[k], x->art))
                return TD_ENOMEM;
    }
    return TD_OK;
}

bsent *tdp_bctx_sent(const bctx *c, uint32_t art, uint32_t idx)
{
    if (art >= c->b->n_arts || c->fallback[art])
        return NULL;
    size_t k = (size_t)c->first[art] + idx;
    if (k >= c->first[art + 1])
        return NULL;
    return &c->sents[k];
}

/* ---- summary ---- */

static bool ends_sentence(const char *s, size_t n)
{
    while (n) {
        unsigned char ch = (unsigned char)s[n - 1];
        if (ch == '"' || ch == '\'' || ch == ')' || ch == ' ') {
            n--;
        } else if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 &&
                   (unsigned char)s[n - 2] == 0x80 &&
                   ((unsigned char)s[n - 1] == 0x9D || (unsigned char)s[n - 1] == 0x99)) {
            n -= 3;
        } else {
            break;
        }
    }
    return n && (s[n - 1] == '.' || s[n - 1] == '!');
}

static bool candidate(const bctx *c, const bsent *s)
{
    if (c->b->copy_of[s->art] >= 0)
        return false;
    if (s->words < SUMMARY_MIN_WORDS || s->words > SUMMARY_MAX_WORDS || s->n_set < 4)
        return false;
    unsigned char f = (unsigned char)s->text[0];
    if (f >= 'a' && f <= 'z')
        return false; /* a fragment */
    return ends_sentence(s->text, s->len);
}

static void score_sentences(bctx *c)
{
    double n_indep = c->b->n_indep ? (double)c->b->n_indep : 1;
    double best = 0;
    for (size_t i = 0; i < c->n_sents; i++) {
        bsent *s = &c->sents[i];
        double w = 0;
        for (uint32_t k = 0; k < s->n_set; k++) {
            double df = tdp_bterms_df(&c->terms, s->set[k]);
            /* a word only one article uses says little about the story */
            w += n_indep > 1 && df < 2 ? ONE_ARTICLE * pow(df / n_indep, DF_POWER)
                                         : pow(df / n_indep, DF_POWER);
        }
        s->score = s->n_set ? w / pow((double)s->n_set, LEN_POWER) : 0;
        if (s->score > best)
            best = s->score;
    }
    for (size_t i = 0; i < c->n_sents; i++) {
        bsent *s = &c->sents[i];
        uint32_t pos = s->idx;
        s->score = (best > 0 ? s->score / best : 0) + (pos == 0 ? LEAD_BONUS : pos == 1 ? SECOND_BONUS : 0);
    }
}

static int cmp_score(const void *x, const void *y)
{
    const bsent *p = *(const bsent *const *)x, *q = *(const bsent *const *)y;
    if (p->score != q->score)
        return p->score > q->score ? -1 : 1;
    if (p->art != q->art)
        return p->art < q->art ? -1 : 1;
    return p->idx < q->idx ? -1 : p->idx > q->idx;
}

static int cmp_story_order(const void *x, const void *y)
{
    const bsent *p = *(const bsent *const *)x, *q = *(const bsent *const *)y;
    if (p->art != q->art)
        return p->art < q->art ? -1 : 1;
    return p->idx < q->idx ? -1 : p->idx > q->idx;
}

static bool same_sentence(const bsent *a, const bsent *b)
{
    if (tdp_set_jaccard(a->set, a->n_set, b->set, b->n_set) >= SAME_JACCARD)
        return true;
    uint32_t mn = a->n_set < b->n_set ? a->n_set : b->n_set;
    return mn >= 6 && tdp_set_overlap(a->set, a->n_set, b->set, b->n_set) >= SAME_OVERLAP;
}

td_status tdp_brief_summary(bctx *c)
{
    tdp_brief *b = c->b;
    size_t want = c->opts && c->opts->summary_sentences > 0 ? (size_t)c->opts->summary_sentences
                                                            : DEFAULT_SUMMARY;
    size_t want_words = c->opts && c->opts->summary_words > 0 ? (size_t)c->opts->summary_words : 0;
    size_t nc = 0;
    bsent **cand = tdp_malloc((c->n_sents ? c->n_sents : 1) * sizeof *cand);
    if (!cand)
        return TD_ENOMEM;
    for (size_t i = 0; i < c->n_sents; i++)
        if (candidate(c, &c->sents[i]))
            cand[nc++] = &c->sents[i];
    tdp_sort(cand, nc, sizeof *cand, cmp_score);
    size_t cap_pick = want_words ? want_words / SUMMARY_MIN_WORDS + 1 : want;
    bsent **pick = tdp_malloc((cap_pick ? cap_pick : 1) * sizeof *pick);
    if (!pick) {
        tdp_free(cand);
        return TD_ENOMEM;
    }
    size_t np = 0, words = 0;
    for (size_t i = 0; i < nc && np < cap_pick; i++) {
        const bsent *s = cand[i];
        bool redundant = false;
        for (size_t k = 0; k < np && !redundant; k++)
            redundant = tdp_set_jaccard(s->set, s->n_set, pick[k]->set, pick[k]->n_set) >=
                            REDUNDANT_JACCARD ||
                        tdp_set_overlap(s->set, s->n_set, pick[k]->set, pick[k]->n_set) >=
                            REDUNDANT_OVERLAP;
        if (redundant)
            continue;
        pick[np++] = cand[i];
        words += tdp_word_count(s->text, s->len);
        if (want_words ? words >= want_words : np >= want)
            break;
    }
    tdp_free(cand);
    tdp_sort(pick, np, sizeof *pick, cmp_story_order);
    b->summary = tdp_calloc(np ? np : 1, sizeof *b->summary);
    if (!b->summary) {
        tdp_free(pick);
        return TD_ENOMEM;
    }
    td_status st = TD_OK;
    tdp_srcacc acc = {NULL, 0, 0};
    for (size_t k = 0; k < np && !st; k++) {
        acc.n = 0;
        for (size_t i = 0; i < c->n_sents && !st; i++)
            if (&c->sents[i] == pick[k] || same_sentence(pick[k], &c->sents[i]))
                st = tdp_srcacc_add(&acc, c->sents[i].art);
        if (!st)
            st = tdp_srcs_make(&b->arena, &acc, b->copy_of, &b->summary[k].src);
        if (!st) {
            b->summary[k].text = tdp_bstr(c, pick[k]->text, pick[k]->len);
            if (!b->summary[k].text)
                st = TD_ENOMEM;
        }
        if (!st)
            b->n_summary = k + 1;
    }
    tdp_srcacc_free(&acc);
    tdp_free(pick);
    return st;
}

/* ---- headline: the title of the most central independent article ---- */

static td_status headline(bctx *c)
{
    tdp_brief *b = c->b;
    double best = -1;
    size_t best_art = 0;
    for (size_t i = 0; i < b->n_arts; i++) {
        if (b->copy_of[i] >= 0)
            continue;
        const td_article *a = bart(c, i);
        /* mean of its three best sentences: long articles are not favoured */
        double top[3] = {0, 0, 0};
        for (uint32_t s = c->first[i]; s < c->first[i + 1]; s++) {
            double v = c->sents[s].score;
            if (v > top[2]) {
                top[2] = v;
                for (int k = 2; k > 0 && top[k] > top[k - 1]; k--) {
                    double t = top[k];
                    top[k] = top[k - 1];
                    top[k - 1] = t;
                }
            }
        }
        double v = (top[0] + top[1] + top[2]) / 3 + (a->title && *a->title ? 1 : 0);
        if (v > best) {
            best = v;
            best_art = i;
        }
    }
    if (!b->n_arts)
        return TD_OK;
    const td_article *a = bart(c, best_art);
    if (a->title && *a->title) {
        size_t n = tdp_clean_title(a->title, strlen(a->title));
        b->headline = tdp_bstr(c, a->title, n ? n : strlen(a->title));
    } else if (c->first[best_art] < c->first[best_art + 1]) {
        /* no title: the article's first sentence that could be a summary's (not a
         * chrome line), else its first; cut at a word boundary */
        const bsent *s = &c->sents[c->first[best_art]];
        for (uint32_t k = c->first[best_art]; k < c->first[best_art + 1]; k++)
            if (candidate(c, &c->sents[k])) {
                s = &c->sents[k];
                break;
            }
        size_t n = s->len;
        if (n > 120) {
            n = 120;
            while (n > 60 && s->text[n] != ' ')
                n--;
        }
        b->headline = tdp_bstr(c, s->text, n);
    } else {
        b->headline = tdp_bstr(c, a->id, a->id ? strlen(a->id) : 0);
    }
    return b->headline ? TD_OK : TD_ENOMEM;
}

static td_status build(td_article *const *arts, const tdp_copy *copies,
                       const uint32_t *members, size_t n_members,
                       const tdp_brief_opts *opts, bool sections, tdp_brief *out)
{
    memset(out, 0, sizeof *out);
    if (!arts || (!members && n_members))
        return TD_EARG;
    bctx c;
    memset(&c, 0, sizeof c);
    tdp_hmap_init(&c.terms.m, sizeof(bterm), 0);
    c.arts = arts;
    c.b = out;
    c.opts = opts;
    c.tok = tdp_btok_new();
    td_status st = c.tok ? TD_OK : TD_ENOMEM;
    if (!st)
        st = order_articles(&c, copies, members, n_members);
    if (!st)
        st = read_sentences(&c);
    if (!st) {
        score_sentences(&c);
        st = headline(&c);
    }
    if (!st && sections)
        st = tdp_brief_sections_build(&c);
    tdp_btok_free(c.tok);
    tdp_arena_free(&c.scratch);
    tdp_free(c.sents);
    tdp_free(c.first);
    tdp_free(c.fallback);
    tdp_hmap_free(&c.terms.m);
    return st;
}

td_status tdp_brief_build(td_article *const *arts, const tdp_copy *copies,
                          const uint32_t *members, size_t n_members,
                          const tdp_brief_opts *opts, tdp_brief *out)
{
    return build(arts, copies, members, n_members, opts, true, out);
}

td_status tdp_brief_headline(td_article *const *arts, const tdp_copy *copies,
                             const uint32_t *members, size_t n_members, tdp_brief *out)
{
    static const tdp_brief_opts none = {0, 0};
    return build(arts, copies, members, n_members, &none, false, out);
}

static void free_entities(tdp_bentity *e, size_t n)
{
    (void)n;
    tdp_free(e);
}

void tdp_brief_free(tdp_brief *b)
{
    if (!b)
        return;
    tdp_brief_sections_free(b);
    tdp_free(b->arts);
    tdp_free(b->art);
    tdp_free(b->copy_of);
    tdp_free(b->summary);
    tdp_free(b->timeline);
    free_entities(b->people, b->n_people);
    free_entities(b->orgs, b->n_orgs);
    free_entities(b->places, b->n_places);
    tdp_free(b->quotes);
    for (size_t i = 0; i < b->n_facts; i++)
        (void)0;
    tdp_free(b->facts);
    tdp_arena_free(&b->arena);
    memset(b, 0, sizeof *b);
}

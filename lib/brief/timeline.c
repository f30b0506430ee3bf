/*
 * timeline.c - the story's dated events: every date the analyse stage found (of day
 * or month precision, resolved against its article's date) with the clause that
 * carries it; events of the same date whose words overlap are merged across
 * articles into one entry with all their sources. Sorted by date.
 *
 * Merging compares an event only with the events of the same date (pairwise over
 * at most PAIRWISE_MAX of them): linear in the number of dates.
 */
#include <stdlib.h>

#include "analyse/analyse_p.h"
#include "brief/brief_i.h"

#define CLAUSE_MAX 220       /* bytes of a sentence kept whole */
#define CLAUSE_BEFORE 120    /* bytes kept before the date in a long sentence */
#define CLAUSE_AFTER 160     /* bytes kept after it */
#define MERGE_OVERLAP 0.34   /* overlap coefficient of two events' words */
#define MERGE_MIN_COMMON 2
#define MEMBERS_COMPARED 8   /* members compared when choosing an entry's text */
#define PAIRWISE_MAX 256     /* events of one date linked pairwise */
#define MIN_EVENT_WORDS 3    /* content words besides the date and numbers */

typedef struct bev {
    td_date date;
    int32_t key;          /* sort key: days of the date, a month at its first day */
    uint32_t art, sent;
    const char *text;     /* the clause (in the scratch arena or the article) */
    uint32_t len;
    uint64_t *set;
    uint32_t n_set;
    int32_t cluster;
    bool whole;           /* the text is the whole sentence */
} bev;

static int cmp_bev(const void *x, const void *y)
{
    const bev *p = x, *q = y;
    if (p->key != q->key)
        return p->key < q->key ? -1 : 1;
    if (p->date.prec != q->date.prec)
        return p->date.prec < q->date.prec ? -1 : 1;
    if (p->art != q->art)
        return p->art < q->art ? -1 : 1;
    return p->sent < q->sent ? -1 : p->sent > q->sent;
}

/* A date of a month or day, in the story's frame; false when not a timeline date. */
static bool usable_date(const bctx *c, td_date d, td_date *out)
{
    if (d.prec == TD_DATE_MINUTE)
        d.prec = TD_DATE_DAY;
    if (d.prec != TD_DATE_DAY && d.prec != TD_DATE_MONTH)
        return false;
    if (d.month < 1 || d.month > 12)
        return false;
    if (d.year == 0) {
        /* An article without a date of its own: the year nearest the story's. */
        if (c->ref.prec == TD_DATE_NONE)
            return false;
        int best = c->ref.year;
        int32_t ref = td_date_days(&c->ref), bd = -1;
        for (int y = c->ref.year - 1; y <= c->ref.year + 1; y++) {
            td_date t = d;
            t.year = (int16_t)y;
            int32_t dist = td_date_days(&t) - ref;
            if (dist < 0)
                dist = -dist;
            if (bd < 0 || dist < bd) {
                bd = dist;
                best = y;
            }
        }
        d.year = (int16_t)best;
    }
    if (d.prec == TD_DATE_DAY && (d.day < 1 || d.day > tdp_days_in_month(d.year, d.month)))
        return false;
    d.hour = d.minute = 0;
    if (d.prec == TD_DATE_MONTH)
        d.day = 0;
    *out = d;
    return true;
}

static bool clause_sep(const char *s, size_t n, size_t i)
{
    return i + 1 < n && (s[i] == ';' || s[i] == ',') && s[i + 1] == ' ';
}

/* The start of the word at or after i (UTF-8 safe). */
static size_t word_start(const char *s, size_t n, size_t i)
{
    while (i < n && s[i] != ' ')
        i++;
    return i < n ? i + 1 : n;
}

/*
 * The text of the event dated by s[off, off+len): the whole sentence when it is
 * short (a reader would rather see it whole, other dates and all); in a long one
 * the clause around the date, bounded by the other dates of the sentence (lo_lim,
 * hi_lim: the end of the previous one, the start of the next) and cut at "; " or
 * ", " where possible.
 */
static void clause(const char *s, size_t n, size_t off, size_t len, size_t lo_lim,
                   size_t hi_lim, size_t *b, size_t *e)
{
    *b = 0;
    *e = n;
    if (off > n || off + len > n)
        return;
    if (n <= CLAUSE_MAX)
        return;
    /* left: the last separator at least MIN_LEFT bytes before the date, not before
     * lo_lim; else a word boundary CLAUSE_BEFORE bytes before */
    size_t lo = off > CLAUSE_BEFORE ? off - CLAUSE_BEFORE : 0;
    if (lo < lo_lim)
        lo = lo_lim;
    size_t left = lo;
    bool found = false;
    for (size_t i = off; i-- > lo;)
        if (clause_sep(s, n, i) && (i + 40 <= off || lo_lim > 0)) {
            left = i + 2;
            found = true;
            break;
        }
    if (!found && lo > 0)
        left = lo == lo_lim ? lo : off <= CLAUSE_MAX - 40 ? 0 : word_start(s, n, lo);
    while (left < off && s[left] == ' ')
        left++;
    if (left > off)
        left = off;
    /* right: the first separator 30 bytes or more after the date, before hi_lim */
    size_t hi = off + len + CLAUSE_AFTER < n ? off + len + CLAUSE_AFTER : n;
    if (hi > hi_lim)
        hi = hi_lim;
    size_t right = hi;
    found = false;
    size_t from = off + len + (hi_lim < n ? 0 : 30);
    for (size_t i = from; i < hi; i++)
        if (clause_sep(s, n, i)) {
            right = i;
            found = true;
            break;
        }
    if (!found && hi < n) {
        /* back to a word boundary, dropping a dangling short word ("in", "on") */
        size_t i = hi;
        while (i > off + len && s[i - 1] != ' ')
            i--;
        while (i > off + len && s[i - 1] == ' ')
            i--;
        size_t w = i;
        while (w > off + len && s[w - 1] != ' ')
            w--;
        if (i - w <= 3 && w > off + len)
            i = w;
        while (i > off + len && (s[i - 1] == ' ' || s[i - 1] == ','))
            i--;
        right = i > off + len ? i : off + len;
    }
    *b = left;
    *e = right;
}

/* set minus the words of the date expression */
static uint32_t set_minus(uint64_t *set, uint32_t n, const uint64_t *rm, uint32_t nr)
{
    uint32_t o = 0, j = 0;
    for (uint32_t i = 0; i < n; i++) {
        while (j < nr && rm[j] < set[i])
            j++;
        if (j < nr && rm[j] == set[i])
            continue;
        set[o++] = set[i];
    }
    return o;
}

static bool same_event(const bev *a, const bev *b)
{
    uint32_t common = tdp_set_common(a->set, a->n_set, b->set, b->n_set);
    uint32_t mn = a->n_set < b->n_set ? a->n_set : b->n_set;
    if (!mn)
        return a->n_set == b->n_set;
    return common >= (mn < MERGE_MIN_COMMON ? mn : MERGE_MIN_COMMON) &&
           (double)common / mn >= MERGE_OVERLAP;
}

typedef bdates refind;

static int refind_hit(void *ctx, const tdp_date_hit *h)
{
    refind *r = ctx;
    /* Resolved against the story's date, not the article's: only expressions that
     * name a month (and maybe a day) are safe; weekdays and "yesterday" are not. */
    if (h->kind != TDP_DATE_ABSOLUTE || h->week)
        return 0;
    if (TDP_GROW(r->d, r->cap, r->n + 1)) {
        r->st = TD_ENOMEM;
        return 1;
    }
    r->d[r->n++] = (dref){h->date, r->sent, h->off, h->len, h->kind};
    return 0;
}

/* The dates of local article i: its analysis's, or for an article without a date
 * of its own, the month-and-day expressions found again against the story's date. */
td_status tdp_bdates_of(bctx *c, size_t i, bdates *r)
{
    const td_article *a = bart(c, i);
    r->n = 0;
    if (a->date.prec == TD_DATE_NONE && c->ref.prec != TD_DATE_NONE && !c->fallback[i]) {
        tdp_toklist tl = TDP_TOKLIST_INIT;
        for (uint32_t k = c->first[i]; k < c->first[i + 1] && !r->st; k++) {
            r->sent = c->sents[k].idx;
            td_status st = tdp_find_dates(c->sents[k].text, c->sents[k].len, &c->ref, &tl,
                                          refind_hit, r);
            if (st)
                r->st = st;
        }
        tdp_toklist_free(&tl);
        return r->st;
    }
    const tdp_analysis *an = a->an;
    for (size_t k = 0; an && k < an->n_dates; k++) {
        const tdp_date_mention *dm = &an->dates[k];
        if (dm->week)
            continue;
        if (TDP_GROW(r->d, r->cap, r->n + 1))
            return TD_ENOMEM;
        /* a quotation's "today" placed on the day it was said is a date like any */
        r->d[r->n++] = (dref){dm->date, dm->sent, dm->off, dm->len,
                              dm->speech ? (uint8_t)TDP_DATE_ABSOLUTE : dm->kind};
    }
    return TD_OK;
}

/*
 * Whether date d of sentence s can be an event (its date in *out): inside the
 * sentence, of a usable precision, and not a relative date inside a quotation
 * ("today" in a quoted statement is the statement's day, not the article's).
 */
static bool event_date(const bctx *c, const bsent *s, const dref *d, td_date *out)
{
    return d->off <= s->len && d->off + d->len <= s->len && usable_date(c, d->date, out) &&
           !(d->kind == TDP_DATE_RELATIVE && tdp_in_quotation(s->text, d->off));
}

/*
 * Whether the k-th date of a sentence shown whole yields to a more precise date of
 * the same sentence: "held talks on 12 January on proposals made in mid-December"
 * is an event of 12 January, not also one of December told by the same words. Two
 * days in one sentence ("decided on Sunday to meet on 12 January") stay two events.
 */
static bool yields_whole(const bctx *c, const bsent *s, const dref *d, size_t nd, size_t k,
                         td_date dk)
{
    for (size_t q = 0; q < nd; q++) {
        td_date dq;
        if (q == k || d[q].sent != d[k].sent || !event_date(c, s, &d[q], &dq))
            continue;
        if (dq.prec > dk.prec)
            return true;
    }
    return false;
}

static td_status collect(bctx *c, bev **out, size_t *n_out)
{
    tdp_brief *b = c->b;
    bev *ev = NULL;
    size_t n = 0, cap = 0;
    refind r = {NULL, 0, 0, 0, TD_OK};
    td_status st = TD_OK;
    tdp_btok_skip_numbers(c->tok, true);
    for (size_t i = 0; i < b->n_arts && n < BRIEF_MAX_ITEMS && !st; i++) {
        st = tdp_bdates_of(c, i, &r);
        for (size_t k = 0; k < r.n && n < BRIEF_MAX_ITEMS && !st; k++) {
            const dref *dm = &r.d[k];
            td_date d;
            const bsent *s = tdp_bctx_sent(c, (uint32_t)i, dm->sent);
            if (!s || !event_date(c, s, dm, &d))
                continue;
            /* the other dates of the sentence bound this one's clause */
            size_t lo_lim = 0, hi_lim = s->len;
            for (size_t q = 0; q < r.n; q++) {
                if (r.d[q].sent != dm->sent || q == k)
                    continue;
                if (r.d[q].off + r.d[q].len <= dm->off && r.d[q].off + r.d[q].len > lo_lim)
                    lo_lim = r.d[q].off + r.d[q].len;
                if (r.d[q].off >= dm->off + dm->len && r.d[q].off < hi_lim)
                    hi_lim = r.d[q].off;
            }
            if (TDP_GROW(ev, cap, n + 1)) {
                st = TD_ENOMEM;
                break;
            }
            bev *e = &ev[n];
            memset(e, 0, sizeof *e);
            e->date = d;
            td_date first = d;
            first.day = 1;
            e->key = td_date_days(&first) + (d.prec == TD_DATE_DAY ? d.day : 0);
            e->art = (uint32_t)i;
            e->sent = dm->sent;
            e->cluster = -1;
            size_t cb, ce;
            clause(s->text, s->len, dm->off, dm->len, lo_lim, hi_lim, &cb, &ce);
            e->text = s->text + cb;
            e->len = (uint32_t)(ce - cb);
            e->whole = cb == 0 && ce == s->len;
            if (e->whole && yields_whole(c, s, r.d, r.n, k, d))
                continue;
            /* the words of every date of the sentence are left out: events are
             * compared by what happened */
            st = tdp_btok_set(c->tok, &c->scratch, e->text, e->len, bart(c, i)->language,
                              &e->set, &e->n_set, NULL);
            for (size_t q = 0; q < r.n && !st; q++) {
                if (r.d[q].sent != dm->sent)
                    continue;
                uint64_t *dset;
                uint32_t nd;
                st = tdp_btok_set(c->tok, &c->scratch, s->text + r.d[q].off, r.d[q].len,
                                  bart(c, i)->language, &dset, &nd, NULL);
                if (!st)
                    e->n_set = set_minus(e->set, e->n_set, dset, nd);
            }
            if (st)
                break;
            /* a date line, a timestamp or chrome, not an event */
            if (e->n_set < MIN_EVENT_WORDS)
                continue;
            /* the same date twice in one sentence is one event */
            bool dup = false;
            for (size_t q = n; q-- > 0 && !dup;) {
                if (ev[q].art != e->art || ev[q].sent != e->sent)
                    break;
                dup = ev[q].key == e->key && ev[q].date.prec == e->date.prec;
            }
            if (!dup)
                n++;
        }
    }
    tdp_btok_skip_numbers(c->tok, false);
    tdp_free(r.d);
    if (st) {
        tdp_free(ev);
        return st;
    }
    *out = ev;
    *n_out = n;
    return TD_OK;
}

typedef struct tcluster {
    size_t first;        /* first member (index into the sorted events) */
    uint32_t n;
    tdp_srcacc src;
} tcluster;

td_status tdp_brief_timeline(bctx *c)
{
    tdp_brief *b = c->b;
    bev *ev;
    size_t n;
    td_status st = collect(c, &ev, &n);
    if (st)
        return st;
    tdp_sort(ev, n, sizeof *ev, cmp_bev);
    tcluster *cl = NULL;
    size_t ncl = 0, capcl = 0;
    size_t *members = tdp_malloc((n ? n : 1) * sizeof *members); /* next member */
    for (size_t i = 0; i < n && members; i++)
        members[i] = SIZE_MAX;
    if (!members)
        st = TD_ENOMEM;
    /* Events of one date are linked when alike (single link, pairwise over the
     * first PAIRWISE_MAX of the date; later ones join the component of the most
     * alike among those), then each component is one entry. */
    size_t *parent = st ? NULL : tdp_malloc((n ? n : 1) * sizeof *parent);
    long *comp = st ? NULL : tdp_malloc((n ? n : 1) * sizeof *comp);
    size_t *tail = NULL, captail = 0;
    if (!st && (!parent || !comp))
        st = TD_ENOMEM;
    for (size_t g0 = 0; g0 < n && !st;) {
        size_t g1 = g0 + 1;
        while (g1 < n && ev[g1].key == ev[g0].key && ev[g1].date.prec == ev[g0].date.prec)
            g1++;
        size_t m = g1 - g0 < PAIRWISE_MAX ? g1 - g0 : PAIRWISE_MAX;
        for (size_t i = g0; i < g1; i++) {
            parent[i] = i;
            size_t best = SIZE_MAX;
            uint32_t best_common = 0;
            for (size_t j = g0; j < i && j < g0 + m; j++) {
                if (!same_event(&ev[i], &ev[j]))
                    continue;
                if (i < g0 + m) {
                    /* union: the root of j's component under i's */
                    size_t ri = i, rj = j;
                    while (parent[ri] != ri)
                        ri = parent[ri];
                    while (parent[rj] != rj)
                        rj = parent[rj];
                    if (ri != rj)
                        parent[ri > rj ? ri : rj] = ri < rj ? ri : rj;
                } else {
                    uint32_t cm = tdp_set_common(ev[i].set, ev[i].n_set, ev[j].set, ev[j].n_set);
                    if (best == SIZE_MAX || cm > best_common) {
                        best = j;
                        best_common = cm;
                    }
                }
            }
            if (best != SIZE_MAX)
                parent[i] = best;
        }
        for (size_t i = g0; i < g1; i++)
            comp[i] = -1;
        for (size_t i = g0; i < g1 && !st; i++) {
            size_t r = i;
            while (parent[r] != r)
                r = parent[r];
            long found = comp[r];
            if (found < 0) {
                if (TDP_GROW(cl, capcl, ncl + 1) || TDP_GROW(tail, captail, ncl + 1)) {
                    st = TD_ENOMEM;
                    break;
                }
                memset(&cl[ncl], 0, sizeof cl[ncl]);
                cl[ncl].first = i;
                tail[ncl] = i;
                found = comp[r] = (long)ncl++;
            } else {
                members[tail[found]] = i;
                tail[found] = i;
            }
            ev[i].cluster = (int32_t)found;
            cl[found].n++;
            st = tdp_srcacc_add(&cl[found].src, ev[i].art);
        }
        g0 = g1;
    }
    tdp_free(parent);
    tdp_free(comp);
    if (!st) {
        b->timeline = tdp_calloc(ncl ? ncl : 1, sizeof *b->timeline);
        if (!b->timeline)
            st = TD_ENOMEM;
    }
    for (size_t k = 0; k < ncl && !st; k++) {
        /* The text: the member sharing most words with the others (the first
         * MEMBERS_COMPARED), preferring independent articles, then the earliest. */
        size_t best = cl[k].first;
        long best_v = -1;
        for (size_t m = cl[k].first, q = 0; m != SIZE_MAX && q < MEMBERS_COMPARED;
             m = members[m], q++) {
            long v = 0;
            for (size_t o = cl[k].first, r = 0; o != SIZE_MAX && r < MEMBERS_COMPARED;
                 o = members[o], r++)
                if (o != m)
                    v += tdp_set_common(ev[m].set, ev[m].n_set, ev[o].set, ev[o].n_set);
            /* told as past (an article dated after the event: a report, not a
             * plan; undated articles in between) above all; then a whole sentence
             * rather than a clause; then sharing words, of some length, by an
             * independent article */
            const td_article *am = bart(c, ev[m].art);
            int past = am->date.prec == TD_DATE_NONE                            ? 1
                       : td_date_days(&am->date) >= td_date_days(&ev[m].date) ? 2
                                                                              : 0;
            v = v * 4 + past * 100000 + (ev[m].whole ? 1000 : 0) +
                (ev[m].n_set >= 6 ? 6 : 0) + (b->copy_of[ev[m].art] < 0 ? 2 : 0);
            if (v > best_v) {
                best_v = v;
                best = m;
            }
        }
        tdp_bevent *t = &b->timeline[k];
        t->date = ev[best].date;
        t->text = tdp_bstr(c, ev[best].text, ev[best].len);
        if (!t->text)
            st = TD_ENOMEM;
        if (!st)
            st = tdp_srcs_make(&b->arena, &cl[k].src, b->copy_of, &t->src);
        if (!st)
            b->n_timeline = k + 1;
    }
    for (size_t k = 0; k < ncl; k++)
        tdp_srcacc_free(&cl[k].src);
    tdp_free(cl);
    tdp_free(tail);
    tdp_free(members);
    tdp_free(ev);
    /* Clusters were made in date order: the timeline is sorted already. */
    return st;
}

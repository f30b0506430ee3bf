/*
 * timeline.c - the story's dated events: every date the analyse stage found (of day
 * or month precision, resolved against its article's date) with the clause that
 * carries it; events of the same date whose words overlap are merged across
 * articles into one entry with all their sources. Sorted by date.
 *
 * Merging compares an event only with the events of the same date, and with at
 * most BRIEF_MAX_GROUP entries of that date: linear in the number of dates.
 */
#include <stdlib.h>

#include "brief/brief_i.h"

#define CLAUSE_MAX 220       /* bytes of a sentence kept whole */
#define CLAUSE_BEFORE 120    /* bytes kept before the date in a long sentence */
#define CLAUSE_AFTER 160     /* bytes kept after it */
#define MERGE_OVERLAP 0.34   /* overlap coefficient of two events' words */
#define MERGE_MIN_COMMON 2
#define MEMBERS_COMPARED 8

typedef struct bev {
    td_date date;
    int32_t key;          /* sort key: days of the date, a month at its first day */
    uint32_t art, sent;
    const char *text;     /* the clause (in the scratch arena or the article) */
    uint32_t len;
    uint64_t *set;
    uint32_t n_set;
    int32_t cluster;
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

/* The clause of sentence s around [off, off+len): the whole sentence when short. */
static void clause(const char *s, size_t n, size_t off, size_t len, size_t *b, size_t *e)
{
    *b = 0;
    *e = n;
    if (n <= CLAUSE_MAX || off > n)
        return;
    size_t lo = off > CLAUSE_BEFORE ? off - CLAUSE_BEFORE : 0;
    for (size_t i = off; i-- > lo;)
        if (clause_sep(s, n, i)) {
            *b = i + 2;
            break;
        }
    if (*b == 0 && lo > 0) {
        size_t i = lo;
        while (i < off && s[i] != ' ')
            i++;
        *b = i < off ? i + 1 : off;
    }
    size_t from = off + len + 30 < n ? off + len + 30 : n;
    size_t hi = off + len + CLAUSE_AFTER < n ? off + len + CLAUSE_AFTER : n;
    for (size_t i = from; i < hi; i++)
        if (clause_sep(s, n, i) || (s[i] == '.' && i + 1 == n)) {
            *e = i;
            return;
        }
    if (hi < n) {
        size_t i = hi;
        while (i > from && s[i] != ' ')
            i--;
        *e = i > from ? i : hi;
        /* never cut inside a UTF-8 sequence */
        while (*e < n && ((unsigned char)s[*e] & 0xC0) == 0x80)
            (*e)++;
    }
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

static td_status collect(bctx *c, bev **out, size_t *n_out)
{
    tdp_brief *b = c->b;
    bev *ev = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < b->n_arts && n < BRIEF_MAX_ITEMS; i++) {
        const tdp_analysis *an = bart(c, i)->an;
        if (!an)
            continue;
        for (size_t k = 0; k < an->n_dates && n < BRIEF_MAX_ITEMS; k++) {
            const tdp_date_mention *dm = &an->dates[k];
            td_date d;
            if (!usable_date(c, dm->date, &d))
                continue;
            const bsent *s = tdp_bctx_sent(c, (uint32_t)i, dm->sent);
            if (!s)
                continue;
            if (TDP_GROW(ev, cap, n + 1)) {
                tdp_free(ev);
                return TD_ENOMEM;
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
            size_t off = dm->off <= s->len ? dm->off : 0;
            size_t len = dm->off + dm->len <= s->len ? dm->len : 0;
            clause(s->text, s->len, off, len, &cb, &ce);
            e->text = s->text + cb;
            e->len = (uint32_t)(ce - cb);
            uint64_t *dset;
            uint32_t nd;
            td_status st = tdp_btok_set(c->tok, &c->scratch, e->text, e->len,
                                        bart(c, i)->language, &e->set, &e->n_set, NULL);
            if (!st)
                st = tdp_btok_set(c->tok, &c->scratch, s->text + off, len,
                                  bart(c, i)->language, &dset, &nd, NULL);
            if (st) {
                tdp_free(ev);
                return st;
            }
            e->n_set = set_minus(e->set, e->n_set, dset, nd);
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
    qsort(ev, n, sizeof *ev, cmp_bev);
    tcluster *cl = NULL;
    size_t ncl = 0, capcl = 0;
    size_t *members = tdp_malloc((n ? n : 1) * sizeof *members); /* next member */
    for (size_t i = 0; i < n && members; i++)
        members[i] = SIZE_MAX;
    if (!members)
        st = TD_ENOMEM;
    size_t group = 0; /* first cluster of the current date */
    size_t *tail = NULL, captail = 0;
    for (size_t i = 0; i < n && !st; i++) {
        if (i == 0 || ev[i].key != ev[i - 1].key || ev[i].date.prec != ev[i - 1].date.prec)
            group = ncl;
        long found = -1;
        size_t lim = ncl - group < BRIEF_MAX_GROUP ? ncl : group + BRIEF_MAX_GROUP;
        for (size_t k = group; k < lim && found < 0; k++) {
            size_t m = cl[k].first;
            for (uint32_t q = 0; q < MEMBERS_COMPARED && m != SIZE_MAX; q++, m = members[m])
                if (same_event(&ev[i], &ev[m])) {
                    found = (long)k;
                    break;
                }
        }
        if (found < 0) {
            if (TDP_GROW(cl, capcl, ncl + 1) || TDP_GROW(tail, captail, ncl + 1)) {
                st = TD_ENOMEM;
                break;
            }
            memset(&cl[ncl], 0, sizeof cl[ncl]);
            cl[ncl].first = i;
            tail[ncl] = i;
            found = (long)ncl++;
        } else {
            members[tail[found]] = i;
            tail[found] = i;
        }
        ev[i].cluster = (int32_t)found;
        cl[found].n++;
        st = tdp_srcacc_add(&cl[found].src, ev[i].art);
    }
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
            v = v * 4 + (b->copy_of[ev[m].art] < 0 ? 2 : 0);
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

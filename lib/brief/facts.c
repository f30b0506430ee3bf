/*
 * facts.c - corroboration and discrepancies: the day and the place that the
 * story's articles give for the same named event ("the NATO-Russia Council"), with
 * the sources behind each value.
 *
 * A named event is a name the analyse stage found (an organisation or other) that
 * holds an event word of any language (the language layer's TDP_WL_EVENT lists:
 * council, summit, talks, Gipfel...). Its key is its words, folded, without the
 * stop words of any language and sorted, so "NATO-Russia Council" and "Russia-NATO Council" are one subject.
 *
 * A date belongs to the event only when the text ties them tightly, so that the
 * rule misses rather than invents:
 *   - the date right after the name, with nothing but a short phrase between
 *     ("the Council (NRC) on January 12", "the Council in Brussels on January 12");
 *   - the date right before it ("the January 12 meeting of the Council");
 *   - a date opening the sentence ("On January 10, Geneva will host the Council"),
 *     for the names of its first clause.
 * A place belongs to it when it follows "in" or "at" right after the name ("the
 * Council in Brussels"), or hosts it ("Geneva will host the Council").
 * An article giving two values for one subject is left out of that fact (it speaks
 * of several occurrences); two dates more than MAX_DATE_SPREAD days apart are not a
 * disagreement but different occurrences, and the fact is left out.
 *
 * Work is linear in the mentions and dates of each sentence (bounded per sentence).
 */
#include <stdlib.h>

#include "brief/brief_i.h"
#include "lang/lang.h"

#define AFTER_GAP 32          /* bytes between the name and a date after it */
#define BEFORE_GAP 20         /* between a date and the name after it */
#define OPENING_SCOPE 160     /* reach of a sentence-opening date */
#define PLACE_AFTER_GAP 24    /* "Council (NRC) in Brussels" */
#define HOST_GAP 48           /* "Geneva will host the first meeting of the Council" */
#define MAX_DATE_SPREAD 14    /* days */
#define MAX_PER_SENT 32       /* mentions and dates of one sentence considered */
#define MAX_CLAIMS 2000       /* claims of one subject and attribute considered */

/* Words of a name, folded by the one tokenizer (apostrophes separate) into buf,
 * NUL-separated; count returned. */
static int name_words(const char *s, size_t n, char *buf, size_t cap, const char **w, int max)
{
    int k = 0;
    size_t o = 0, pos = 0;
    tdp_token t;
    while (k < max && tdp_token_next_opt(s, n, &pos, &t, TDP_TOKOPT_APOS_SPLITS)) {
        if (o + t.flen + 1 > cap)
            break;
        w[k++] = buf + o;
        memcpy(buf + o, t.fold, t.flen + 1);
        o += t.flen + 1;
    }
    return k;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* An event word of any language: names keep their words whatever the article's. */
static bool is_event_word(const char *w)
{
    return tdp_lang_any(TDP_WL_EVENT, w, strlen(w));
}

/* Whether the last word of s[0..n) is an event word ("... Council"). */
static bool head_is_event(const char *s, size_t n)
{
    char buf[256];
    const char *w[16];
    int k = name_words(s, n, buf, sizeof buf, w, 16);
    return k > 0 && is_event_word(w[k - 1]);
}

/* A place's value for comparison: its key, or its name, case-folded (ASCII). */
static const char *place_key(bctx *c, const char *s)
{
    size_t n = strlen(s);
    char *k = tdp_arena_alloc(&c->scratch, n + 1);
    if (!k)
        return NULL;
    for (size_t i = 0; i < n; i++)
        k[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
    k[n] = '\0';
    return k;
}

/* The subject key of a name, or NULL when the name is not an event's. */
static const char *event_key(bctx *c, const char *name, size_t n)
{
    char buf[256];
    const char *w[16];
    int k = name_words(name, n, buf, sizeof buf, w, 16);
    bool event = false;
    for (int i = 0; i < k && !event; i++)
        event = is_event_word(w[i]);
    if (!event)
        return NULL;
    int m = 0;
    for (int i = 0; i < k; i++) {
        if (!tdp_lang_any(TDP_WL_STOP, w[i], strlen(w[i])))
            w[m++] = w[i];
    }
    tdp_sort(w, (size_t)m, sizeof *w, cmp_str);
    tdp_buf key = TDP_BUF_INIT;
    for (int i = 0; i < m; i++) {
        if (i)
            tdp_buf_putc(&key, ' ');
        tdp_buf_puts(&key, w[i]);
    }
    const char *out = key.err ? NULL : tdp_arena_strndup(&c->scratch, key.data ? key.data : "",
                                                         key.len);
    tdp_buf_free(&key);
    return out ? out : "";
}

/* Whether s[b, e) breaks the link between a date and a name. */
static bool has_boundary(const char *s, size_t b, size_t e, bool allow_comma)
{
    static const char *const k_breaks[] = {" that ", " which ", " while ", " but ",
                                           " whereas ", " after ", " before ", " when "};
    for (size_t i = b; i < e; i++) {
        if (s[i] == ';' || s[i] == '.' || s[i] == '"' || (s[i] == ',' && !allow_comma))
            return true;
        if ((unsigned char)s[i] == 0xE2 && i + 2 < e && (unsigned char)s[i + 1] == 0x80 &&
            ((unsigned char)s[i + 2] == 0x9C || (unsigned char)s[i + 2] == 0x9D))
            return true;
        for (size_t k = 0; k < sizeof k_breaks / sizeof *k_breaks; k++) {
            size_t l = strlen(k_breaks[k]);
            if (i + l <= e + 1 && !strncmp(s + i, k_breaks[k], l))
                return true;
        }
    }
    return false;
}

static bool ends_with_word(const char *s, size_t b, size_t e, const char *w)
{
    size_t l = strlen(w);
    while (e > b && s[e - 1] == ' ')
        e--;
    if (e - b < l || strncmp(s + e - l, w, l))
        return false;
    return e - b == l || s[e - l - 1] == ' ';
}

static bool contains_word(const char *s, size_t b, size_t e, const char *w)
{
    size_t l = strlen(w);
    for (size_t i = b; i + l <= e; i++)
        if (!strncmp(s + i, w, l) && (i == b || s[i - 1] == ' '))
            return true;
    return false;
}

/* One value an article gives for one attribute of one subject. */
typedef struct claim {
    const char *key;      /* subject key (scratch) */
    const char *name;     /* subject as written */
    uint8_t attr;         /* 0 date, 1 place */
    td_date date;
    const char *value;    /* place key (scratch), or NULL for dates */
    const char *shown;    /* place as written */
    uint32_t art;
} claim;

static int cmp_claim(const void *x, const void *y)
{
    const claim *p = x, *q = y;
    int c = strcmp(p->key, q->key);
    if (c)
        return c;
    if (p->attr != q->attr)
        return p->attr < q->attr ? -1 : 1;
    if (p->attr == 0) {
        int32_t a = td_date_days(&p->date), b = td_date_days(&q->date);
        if (a != b)
            return a < b ? -1 : 1;
    } else {
        c = strcmp(p->value, q->value);
        if (c)
            return c;
    }
    return p->art < q->art ? -1 : p->art > q->art;
}

static bool same_value(const claim *a, const claim *b)
{
    return a->attr == 0 ? td_date_days(&a->date) == td_date_days(&b->date)
                        : !strcmp(a->value, b->value);
}

typedef struct claims {
    claim *v;
    size_t n, cap;
} claims;

static td_status add_claim(claims *cl, const claim *x)
{
    if (cl->n >= BRIEF_MAX_ITEMS)
        return TD_OK;
    if (TDP_GROW(cl->v, cl->cap, cl->n + 1))
        return TD_ENOMEM;
    cl->v[cl->n++] = *x;
    return TD_OK;
}

/* The claims of one sentence of local article i. */
static td_status sentence_claims(bctx *c, size_t i, const bsent *s, const tdp_mention *m,
                                 size_t nm, const dref *d, size_t nd, claims *out)
{
    for (size_t a = 0; a < nm && a < MAX_PER_SENT; a++) {
        const tdp_mention *e = &m[a];
        if (e->type != TDP_ENT_ORG && e->type != TDP_ENT_OTHER)
            continue;
        if (e->off > s->len || e->off + e->len > s->len)
            continue;
        /* "Russia-NATO Council in Brussels" as one name: the event, then its place */
        size_t eb = e->off, ee = e->off + e->len, in_at = 0;
        for (size_t q = eb; q + 4 < ee && !in_at; q++)
            if ((!strncmp(s->text + q, " in ", 4) || !strncmp(s->text + q, " at ", 4)) &&
                s->text[q + 4] >= 'A' && s->text[q + 4] <= 'Z' && head_is_event(s->text + eb, q - eb))
                in_at = q;
        if (in_at)
            ee = in_at;
        const char *key = event_key(c, s->text + eb, ee - eb);
        if (!key)
            continue;
        if (!*key)
            return TD_ENOMEM;
        const char *name = e->name;
        if (in_at) {
            name = tdp_arena_strndup(&c->scratch, s->text + eb, ee - eb);
            const char *place = tdp_arena_strndup(&c->scratch, s->text + in_at + 4,
                                                  e->off + e->len - in_at - 4);
            if (!name || !place)
                return TD_ENOMEM;
            const char *pk = place_key(c, place);
            if (!pk)
                return TD_ENOMEM;
            claim cl = {key, name, 1, {0, 0, 0, 0, 0, 0}, pk, place, (uint32_t)i};
            td_status st = add_claim(out, &cl);
            if (st)
                return st;
        }
        claim base = {key, name, 0, {0, 0, 0, 0, 0, 0}, NULL, NULL, (uint32_t)i};
        /* dates */
        for (size_t k = 0; k < nd && k < MAX_PER_SENT; k++) {
            const dref *x = &d[k];
            if (x->date.prec != TD_DATE_DAY && x->date.prec != TD_DATE_MINUTE)
                continue;
            if (x->off > s->len || x->off + x->len > s->len || x->date.year == 0)
                continue;
            size_t xb = x->off, xe = x->off + x->len;
            bool tied = false;
            if (xb >= ee)
                tied = xb - ee <= AFTER_GAP && !has_boundary(s->text, ee, xb, false);
            else if (xe <= eb && eb - xe <= BEFORE_GAP)
                tied = !has_boundary(s->text, xe, eb, false);
            if (!tied && xe <= eb && xb <= 4 && eb - xe <= OPENING_SCOPE)
                /* a sentence-opening date, for the names of its first clause */
                tied = !has_boundary(s->text, xe + 1, eb, true);
            if (!tied)
                continue;
            claim cl = base;
            cl.date = x->date;
            cl.date.prec = TD_DATE_DAY;
            cl.date.hour = cl.date.minute = 0;
            td_status st = add_claim(out, &cl);
            if (st)
                return st;
        }
        /* places */
        for (size_t k = 0; k < nm && k < MAX_PER_SENT; k++) {
            const tdp_mention *p = &m[k];
            if (p->type != TDP_ENT_PLACE || p->off > s->len || p->off + p->len > s->len)
                continue;
            size_t pb = p->off, pe = p->off + p->len;
            if (pb < ee && pe > eb)
                continue; /* inside the name: "Russia" of "NATO-Russia Council" */
            bool tied = false;
            if (pb >= ee && pb - ee <= PLACE_AFTER_GAP)
                tied = (ends_with_word(s->text, ee, pb, "in") ||
                        ends_with_word(s->text, ee, pb, "at")) &&
                       !has_boundary(s->text, ee, pb, false);
            else if (pe <= eb && eb - pe <= HOST_GAP)
                tied = contains_word(s->text, pe, eb, "host") ||
                       contains_word(s->text, pe, eb, "hosts") ||
                       contains_word(s->text, pe, eb, "hosted") ||
                       contains_word(s->text, pe, eb, "hosting");
            if (!tied || has_boundary(s->text, pe < eb ? pe : ee, pe < eb ? eb : pb, false))
                continue;
            claim cl = base;
            cl.attr = 1;
            cl.value = place_key(c, p->key && *p->key ? p->key : p->name);
            if (!cl.value)
                return TD_ENOMEM;
            cl.shown = p->name;
            td_status st = add_claim(out, &cl);
            if (st)
                return st;
        }
    }
    return TD_OK;
}

static int cmp_fact(const void *x, const void *y)
{
    const tdp_bfact *p = x, *q = y;
    bool dp = p->n_claims > 1, dq = q->n_claims > 1;
    if (dp != dq)
        return dp ? -1 : 1;
    uint32_t ip = 0, iq = 0;
    for (uint32_t k = 0; k < p->n_claims; k++)
        ip += p->claims[k].src.n_indep;
    for (uint32_t k = 0; k < q->n_claims; k++)
        iq += q->claims[k].src.n_indep;
    if (ip != iq)
        return ip > iq ? -1 : 1;
    int c = strcmp(p->subject, q->subject);
    if (c)
        return c;
    return strcmp(p->attr, q->attr);
}

static int cmp_bclaim(const void *x, const void *y)
{
    const tdp_bclaim *p = x, *q = y;
    if (p->src.n_indep != q->src.n_indep)
        return p->src.n_indep > q->src.n_indep ? -1 : 1;
    return strcmp(p->value, q->value);
}

/* Claims v[0..n) of one subject and attribute into a fact, if they make one. */
static td_status make_fact(bctx *c, claim *v, size_t n, bool *made, tdp_bfact *f)
{
    tdp_brief *b = c->b;
    *made = false;
    /* an article giving two values for one subject is left out of it (the check is
     * pairwise: a subject's first MAX_CLAIMS claims are read) */
    if (n > MAX_CLAIMS)
        n = MAX_CLAIMS;
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        bool two = false;
        for (size_t k = 0; k < n && !two; k++)
            two = v[k].art == v[i].art && !same_value(&v[k], &v[i]);
        if (!two)
            v[o++] = v[i];
    }
    n = o;
    if (!n)
        return TD_OK;
    if (v[0].attr == 0) {
        int32_t lo = td_date_days(&v[0].date), hi = lo;
        for (size_t i = 1; i < n; i++) {
            int32_t d = td_date_days(&v[i].date);
            lo = d < lo ? d : lo;
            hi = d > hi ? d : hi;
        }
        if (hi - lo > MAX_DATE_SPREAD)
            return TD_OK;
    }
    size_t nv = 0;
    for (size_t i = 0; i < n; i++)
        if (!i || !same_value(&v[i], &v[i - 1]))
            nv++;
    f->claims = tdp_arena_alloc(&b->arena, nv * sizeof *f->claims);
    /* the subject as most claims write it */
    const char *name = v[0].name;
    size_t best = 0;
    for (size_t i = 0; i < n; i++) {
        size_t cnt = 0;
        for (size_t k = 0; k < n; k++)
            cnt += !strcmp(v[k].name, v[i].name);
        if (cnt > best || (cnt == best && strcmp(v[i].name, name) < 0)) {
            best = cnt;
            name = v[i].name;
        }
    }
    f->subject = tdp_bstr(c, name, strlen(name));
    f->attr = v[0].attr == 0 ? "date" : "place";
    if (!f->claims || !f->subject)
        return TD_ENOMEM;
    f->n_claims = 0;
    tdp_srcacc acc = {NULL, 0, 0};
    td_status st = TD_OK;
    for (size_t i = 0; i < n && !st;) {
        size_t j = i;
        acc.n = 0;
        while (j < n && same_value(&v[j], &v[i]) && !st)
            st = tdp_srcacc_add(&acc, v[j++].art);
        tdp_bclaim *cl = &f->claims[f->n_claims];
        if (!st)
            st = tdp_srcs_make(&b->arena, &acc, b->copy_of, &cl->src);
        if (!st) {
            char buf[32];
            if (v[i].attr == 0)
                td_date_format(&v[i].date, buf, sizeof buf);
            const char *val = v[i].attr == 0 ? buf : v[i].shown;
            cl->value = tdp_bstr(c, val, strlen(val));
            if (!cl->value)
                st = TD_ENOMEM;
            else
                f->n_claims++;
        }
        i = j;
    }
    tdp_srcacc_free(&acc);
    if (!st) {
        tdp_sort(f->claims, f->n_claims, sizeof *f->claims, cmp_bclaim);
        *made = true;
    }
    return st;
}

td_status tdp_brief_facts(bctx *c)
{
    tdp_brief *b = c->b;
    claims cl = {NULL, 0, 0};
    bdates r = {NULL, 0, 0, 0, TD_OK};
    td_status st = TD_OK;
    for (size_t i = 0; i < b->n_arts && !st; i++) {
        const tdp_analysis *an = bart(c, i)->an;
        if (!an || !an->n_mentions)
            continue;
        st = tdp_bdates_of(c, i, &r);
        /* mentions and dates are in sentence order: walk both */
        size_t mi = 0, di = 0;
        while (!st && mi < an->n_mentions) {
            uint32_t sent = an->mentions[mi].sent;
            size_t me = mi;
            while (me < an->n_mentions && an->mentions[me].sent == sent)
                me++;
            while (di < r.n && r.d[di].sent < sent)
                di++;
            size_t de = di;
            while (de < r.n && r.d[de].sent == sent)
                de++;
            const bsent *s = tdp_bctx_sent(c, (uint32_t)i, sent);
            if (s)
                st = sentence_claims(c, i, s, an->mentions + mi, me - mi, r.d ? r.d + di : NULL, de - di,
                                     &cl);
            mi = me;
        }
    }
    tdp_free(r.d);
    if (!st)
        tdp_sort(cl.v, cl.n, sizeof *cl.v, cmp_claim);
    size_t groups = 0;
    for (size_t i = 0; i < cl.n; i++)
        if (!i || strcmp(cl.v[i].key, cl.v[i - 1].key) || cl.v[i].attr != cl.v[i - 1].attr)
            groups++;
    if (!st) {
        b->facts = tdp_calloc(groups ? groups : 1, sizeof *b->facts);
        if (!b->facts)
            st = TD_ENOMEM;
    }
    for (size_t i = 0; i < cl.n && !st;) {
        size_t j = i + 1;
        while (j < cl.n && !strcmp(cl.v[j].key, cl.v[i].key) && cl.v[j].attr == cl.v[i].attr)
            j++;
        bool made;
        st = make_fact(c, cl.v + i, j - i, &made, &b->facts[b->n_facts]);
        if (!st && made)
            b->n_facts++;
        i = j;
    }
    if (!st)
        tdp_sort(b->facts, b->n_facts, sizeof *b->facts, cmp_fact);
    tdp_free(cl.v);
    return st;
}

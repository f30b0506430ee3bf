/*
 * features.c - what the clusterer compares: an article's weighted-term features
 * and the day it is placed at.
 *
 * Terms come from the analyse stage (a->an->terms). When an article has none (the
 * analyse stage left them out, or the caller built the article by hand), a small
 * tokenizer of its own stands in: words case-folded with a light plural strip,
 * names told by capitals away from a sentence start, numbers kept whole
 * ("100,000" is one term). Dates come from the one date reader of lib/lang (the
 * analyse stage's mentions, the title read here): each date the article mentions
 * becomes TDP_CT_DATE features, the month-day ("July 13") and the year-month
 * ("2009-07"), so that two events of the same kind told with different dates
 * differ - except what the publication date says already: a relative date
 * ("Saturday", "yesterday") is placed by the publication date, and a date at or
 * next to it names the day every report of that day shares.
 */
#include <stdio.h>
#include <stdlib.h>
#include <utf8proc.h>
#include <xxhash.h>

#include "cluster/cluster_p.h"
#include "core/hmap.h"
#include "lang/dates.h"
#include "lang/lang.h"
#include "lang/sentence.h"

#define MAXTOK 64

/* 1..12 for an English month name or its usual abbreviation ("sept" too), else 0. */
static int month_of(const char *w, size_t n)
{
    return tdp_month_word(w, n, TDP_DL_BIT(TDP_DL_EN), NULL);
}

/* ---- a feature bag: hash -> count, kind votes ---- */

typedef struct bag_ent {
    float count;
    uint32_t cap_mid;   /* capitalised away from a sentence start */
    uint32_t lower;     /* written in lower case */
    uint8_t kind;
} bag_ent;

typedef struct bag {
    tdp_hmap m;         /* feature hash -> bag_ent */
} bag;

/* The entry of h, added empty when new; NULL on out-of-memory. */
static bag_ent *bag_get(bag *b, uint64_t h)
{
    void *v;
    return tdp_hmap_put(&b->m, h, &v, NULL) ? NULL : v;
}

static uint64_t date_hash(char tag, int a, int b)
{
    char key[24];
    int len = snprintf(key, sizeof key, "\x01%c%d-%d", tag, a, b);
    return XXH3_64bits(key, (size_t)len);
}

static td_status add_date(bag *b, int y, int m, int d, float w)
{
    if (m < 1 || m > 12)
        return TD_OK;
    if (d >= 1 && d <= 31) {
        bag_ent *e = bag_get(b, date_hash('d', m, d));
        if (!e)
            return TD_ENOMEM;
        e->count += w;
        e->kind = TDP_CT_DATE;
    }
    if (y > 0) {
        bag_ent *e = bag_get(b, date_hash('m', y, m));
        if (!e)
            return TD_ENOMEM;
        e->count += w;
        e->kind = TDP_CT_DATE;
    }
    return TD_OK;
}

/* ---- the fallback tokenizer ---- */

typedef struct tok {
    char s[MAXTOK + 1];
    size_t n;
    bool cap, allcap, start, number;
} tok;

typedef struct tokenizer {
    bag *b;
    const char *lang;   /* the article's language, for its stop words */
    float w;            /* weight of one occurrence (titles count more) */
    int32_t own;        /* the article's own day, or TDP_NODAY */
    int32_t *days;      /* full dates found (for the article's placement) */
    size_t n_days, cap_days;
    uint16_t *mds;      /* dates without a year, as month * 32 + day */
    size_t n_mds, cap_mds;
    td_status err;
} tokenizer;

static void light_stem(tok *t)
{
    if (t->number)
        return;
    if (t->n > 2 && t->s[t->n - 2] == '\'' && t->s[t->n - 1] == 's')
        t->n -= 2;
    else if (t->n > 4 && memcmp(t->s + t->n - 3, "ies", 3) == 0) {
        t->n -= 2;
        t->s[t->n - 1] = 'y';
    } else if (t->n > 3 && t->s[t->n - 1] == 's' && t->s[t->n - 2] != 's' &&
               t->s[t->n - 2] != 'u' && t->s[t->n - 2] != 'i')
        t->n--;
    while (t->n && t->s[t->n - 1] == '\'')
        t->n--;
    t->s[t->n] = '\0';
}

static void note_day(tokenizer *z, int y, int m, int d)
{
    if (!tdp_valid_ymd(y, m, d))
        return;
    if (TDP_GROW(z->days, z->cap_days, z->n_days + 1)) {
        z->err = TD_ENOMEM;
        return;
    }
    z->days[z->n_days++] = tdp_days_from_civil(y, m, d);
}

static void note_md(tokenizer *z, int m, int d)
{
    if (m < 1 || m > 12 || d < 1 || d > 31)
        return;
    if (TDP_GROW(z->mds, z->cap_mds, z->n_mds + 1)) {
        z->err = TD_ENOMEM;
        return;
    }
    z->mds[z->n_mds++] = (uint16_t)(m * 32 + d);
}

/*
 * Dates within this many days of the publication date earn no similarity: they
 * say when the article appeared, which the time factor weighs already, and every
 * report of that day shares them (gva-dev and ECB+ together: 1 day, and relative
 * dates out, 0.796 / 0.902 -> 0.876 / 0.893; 0 days 0.873 / 0.894, 3 days
 * 0.874 / 0.890, 7 days 0.876 / 0.885).
 */
static const int32_t near_pub_days = 1;

/* One date the article mentions (kind: tdp_date_kind), with weight w: where it
 * places the article (a full date, or a month-day without a year) and, unless
 * the publication date says the same, its date features. */
static void see_date(tokenizer *z, const td_date *d, uint8_t kind, float w)
{
    if (d->prec < TD_DATE_MONTH || d->month < 1 || d->month > 12)
        return;
    bool day = d->prec >= TD_DATE_DAY;
    if (day && d->year > 0 && kind == TDP_DATE_ABSOLUTE)
        note_day(z, d->year, d->month, d->day);
    else if (day && d->year == 0)
        note_md(z, d->month, d->day);
    if (kind == TDP_DATE_RELATIVE)
        return;
    if (day && d->year > 0 && z->own != TDP_NODAY &&
        labs((long)td_date_days(d) - z->own) <= near_pub_days)
        return;
    td_status st = add_date(z->b, d->year, d->month, day ? d->day : 0, w);
    if (st)
        z->err = st;
}

static int see_hit(void *ctx, const tdp_date_hit *h)
{
    tokenizer *z = ctx;
    see_date(z, &h->date, h->kind, z->w);
    return z->err != TD_OK;
}

/* The dates of s[0..n), sentence by sentence, placed against the article's own
 * date (ref; prec NONE: year-less dates keep year 0). */
static void read_dates(tokenizer *z, const char *s, size_t n, const td_date *ref,
                       tdp_toklist *tl)
{
    size_t pos = 0, b, e;
    while (!z->err && tdp_sentence_next(s, n, &pos, &b, &e))
        if (tdp_find_dates(s + b, e - b, ref, tl, see_hit, z))
            z->err = TD_ENOMEM;
}

static void emit(tokenizer *z, tok *t)
{
    if (!t->n)
        return;
    light_stem(t);
    if (!t->n ||
        (!t->number && (t->n < 2 || tdp_is_stop(z->lang, t->s, t->n))))
        return;
    if (!t->number && month_of(t->s, t->n) && t->n > 3)
        return;   /* month names only count as part of a date */
    bag_ent *e = bag_get(z->b, XXH3_64bits(t->s, t->n));
    if (!e) {
        z->err = TD_ENOMEM;
        return;
    }
    e->count += z->w;
    if (t->number)
        e->kind = TDP_CT_NUMBER;
    else if (t->allcap && t->n >= 2)
        e->cap_mid++;
    else if (t->cap && !t->start)
        e->cap_mid++;
    else if (!t->cap)
        e->lower++;
}

/* The words of the one tokenizer, each emitted with its case and whether it opens
 * a sentence (after . ! ? : or a line break). */
static void tokenize(tokenizer *z, const char *s, size_t n)
{
    tok t;
    size_t pos = 0, prev_end = 0;
    bool start = true;
    tdp_token k;
    while (tdp_token_next(s, n, &pos, &k)) {
        for (size_t i = prev_end; i < k.off && !start; i++)
            start = s[i] == '.' || s[i] == '!' || s[i] == '?' || s[i] == ':' || s[i] == '\n';
        prev_end = k.off + k.len;
        memset(&t, 0, sizeof t);
        t.n = k.flen < MAXTOK ? k.flen : MAXTOK;
        memcpy(t.s, k.fold, t.n);
        t.s[t.n] = '\0';
        t.number = (k.flags & TDP_TOK_NUMERIC) != 0;
        t.cap = (k.flags & TDP_TOK_CAP) != 0;
        t.allcap = (k.flags & TDP_TOK_ALLCAPS) != 0;
        t.start = start;
        start = false;
        emit(z, &t);
    }
}

static int cmp_feat(const void *a, const void *b)
{
    uint64_t x = ((const tdp_cfeat *)a)->hash, y = ((const tdp_cfeat *)b)->hash;
    return x < y ? -1 : x > y;
}

static int cmp_i32(const void *a, const void *b)
{
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return x < y ? -1 : x > y;
}

/* Sane range for a day the article is placed at: 1970 .. 2200. */
static bool sane_day(int32_t d)
{
    return d >= 0 && d <= tdp_days_from_civil(2200, 12, 31);
}

static const double title_weight = 2.0;

/*
 * The article's own date (day precision, or the 15th of a month-precision date)
 * when it lies in 1970..2200, else TDP_NODAY.
 */
static int32_t own_day(const td_article *a)
{
    const td_date *d = &a->date;
    if (d->prec >= TD_DATE_MONTH && d->year >= 1970 && d->month >= 1 && d->month <= 12) {
        int32_t x = td_date_days(d) + (d->prec == TD_DATE_MONTH ? 14 : 0);
        if (sane_day(x))
            return x;
    }
    return TDP_NODAY;
}

typedef struct title_ctx {
    bag *b;
    const char *lang;
    tdp_stemmer *stem;
    td_status err;
} title_ctx;

/* One title token, hashed as the analyse stage hashes a term: the stem of the
 * folded word (the folded number), stop words and one-letter words left out. */
static int title_token(void *ctx, const tdp_token *t)
{
    title_ctx *x = ctx;
    bool num = (t->flags & TDP_TOK_NUMERIC) != 0;
    if (!num && (t->flen < 2 || (!(t->flags & TDP_TOK_ALLCAPS) &&
                                 tdp_is_stop(x->lang, t->fold, t->flen))))
        return 0;
    uint64_t h;
    if (num) {
        h = XXH3_64bits(t->fold, t->flen);
    } else {
        size_t sl;
        const char *st = tdp_stem(x->stem, t->fold, t->flen, &sl);
        h = XXH3_64bits(st, sl);
    }
    bag_ent *e = bag_get(x->b, h);
    if (!e) {
        x->err = TD_ENOMEM;
        return 1;
    }
    if (e->count == 0 && num)
        e->kind = TDP_CT_NUMBER;   /* only the title has it; else the text's kind */
    e->count += (float)title_weight;
    return 0;
}

/* The title's words beside the analysed terms of the text, in the same space. */
static td_status title_terms(bag *b, const td_article *a)
{
    title_ctx x = {b, a->language, tdp_stemmer_new(a->language), TD_OK};
    if (!x.stem)
        return TD_ENOMEM;
    tdp_tokenize(a->title, strlen(a->title), title_token, &x);
    tdp_stemmer_free(x.stem);
    return x.err;
}

/* The title's dates, counted title_weight times (the text's come from the
 * analyse stage, or from scan_text). */
static void title_dates(tokenizer *z, const td_article *a, tdp_toklist *tl)
{
    if (!a->title)
        return;
    z->w = (float)title_weight;
    read_dates(z, a->title, strlen(a->title), &a->date, tl);
    z->w = 1.0f;
}

/* An article without analysed terms: the title's words (counted title_weight
 * times) and the cleaned text's (else the raw), with their dates. */
static void scan_text(tokenizer *z, const td_article *a, tdp_toklist *tl)
{
    if (a->title) {
        z->w = (float)title_weight;
        tokenize(z, a->title, strlen(a->title));
        title_dates(z, a, tl);
    }
    z->w = 1.0f;
    if (a->n_paras) {
        for (size_t i = 0; i < a->n_paras && !z->err; i++) {
            tokenize(z, a->paras[i].text, a->paras[i].len);
            read_dates(z, a->paras[i].text, a->paras[i].len, &a->date, tl);
        }
    } else if (a->text) {
        tokenize(z, a->text, a->text_len);
        read_dates(z, a->text, a->text_len, &a->date, tl);
    }
}

/* Everything the clusterer needs of an article (title_only: of its title). */
static td_status info_build(const td_article *a, tdp_cinfo *info, bool own_terms,
                            bool title_only)
{
    memset(info, 0, sizeof *info);
    info->own = TDP_NODAY;
    if (!a)
        return TD_EARG;
    bag b;
    tdp_hmap_init(&b.m, sizeof(bag_ent), 0);
    tokenizer z;
    memset(&z, 0, sizeof z);
    z.b = &b;
    z.lang = a->language;
    z.own = own_day(a);
    tdp_toklist tl = TDP_TOKLIST_INIT;
    const tdp_analysis *an = a->an;
    /* room for the terms, the title's words and the dates without growing */
    td_status st = tdp_hmap_reserve(&b.m, an && !own_terms ? an->n_terms + 64 : 256);
    /* analysed terms; an article of its title alone has none, and its title is
     * hashed as any title is */
    if (!st && ((an && (an->n_terms || !a->n_paras) && !own_terms) || title_only)) {
        for (size_t i = 0; an && !title_only && i < an->n_terms && !st; i++) {
            bag_ent *e = bag_get(&b, an->terms[i].hash);
            if (!e) {
                st = TD_ENOMEM;
                break;
            }
            e->count += (float)an->terms[i].count;
            e->kind = an->terms[i].kind <= TDP_TERM_NUMBER ? an->terms[i].kind
                                                           : TDP_CT_WORD;
            if (e->kind == TDP_CT_NAME)
                e->cap_mid++;
        }
        /* the title is not in the analysed sentences: its words are counted
         * with the text's, title_weight times (a headline names the event) */
        if (!st && a->title)
            st = title_terms(&b, a);
        if (!st) {
            title_dates(&z, a, &tl);
            st = z.err;
        }
        /* the text's dates as the analyse stage read them (an undated article's
         * year-less ones with year 0) */
        z.w = 1.0f;
        for (size_t i = 0; an && !title_only && i < an->n_dates && !st; i++) {
            see_date(&z, &an->dates[i].date, an->dates[i].kind, 1.0f);
            st = z.err;
        }
    } else if (!st) {
        scan_text(&z, a, &tl);
        st = z.err;
    }
    tdp_toklist_free(&tl);
    tdp_cfeat *f = NULL;
    size_t n = 0;
    if (!st && b.m.n) {
        f = tdp_malloc(b.m.n * sizeof *f);
        if (!f)
            st = TD_ENOMEM;
    }
    if (!st) {
        size_t it = 0;
        uint64_t h;
        void *v;
        while (tdp_hmap_next(&b.m, &it, &h, &v)) {
            const bag_ent *e = v;
            if (e->count <= 0)
                continue;
            uint8_t kind = e->kind;
            if (kind == TDP_CT_WORD && e->cap_mid > 0 && e->cap_mid >= e->lower * 2)
                kind = TDP_CT_NAME;
            f[n].hash = h;
            f[n].count = e->count;
            f[n].kind = kind;
            n++;
        }
        tdp_sort(f, n, sizeof *f, cmp_feat);
    }
    tdp_hmap_free(&b.m);
    if (st) {
        tdp_free(f);
        tdp_free(z.days);
        tdp_free(z.mds);
        return st;
    }
    info->f = f;
    info->n = n;
    info->full = z.days;
    info->n_full = z.n_days;
    info->md = z.mds;
    info->n_md = z.n_mds;
    info->own = own_day(a);
    return TD_OK;
}

td_status tdp_cluster_info(const td_article *a, tdp_cinfo *info)
{
    return info_build(a, info, false, false);
}

td_status tdp_cluster_info_ex(const td_article *a, tdp_cinfo *info, bool own_terms)
{
    return info_build(a, info, own_terms, false);
}

td_status tdp_cluster_info_title(const td_article *a, tdp_cinfo *info)
{
    return info_build(a, info, false, true);
}

void tdp_cluster_info_free(tdp_cinfo *info)
{
    if (!info)
        return;
    tdp_free(info->f);
    tdp_free(info->full);
    tdp_free(info->md);
    memset(info, 0, sizeof *info);
    info->own = TDP_NODAY;
}

/* The date with month-day md nearest to ref (in the year before, of or after ref's). */
static int32_t resolve_md(uint16_t md, int32_t ref)
{
    int m = md / 32, d = md % 32, y, rm, rd;
    tdp_civil_from_days(ref, &y, &rm, &rd);
    int32_t best = TDP_NODAY;
    for (int yy = y - 1; yy <= y + 1; yy++) {
        if (d > tdp_days_in_month(yy, m))
            continue;
        int32_t x = tdp_days_from_civil(yy, m, d);
        if (best == TDP_NODAY || labs((long)x - ref) < labs((long)best - ref))
            best = x;
    }
    return best;
}

int32_t tdp_cluster_info_day(const tdp_cinfo *info, int32_t ref)
{
    if (info->own != TDP_NODAY)
        return info->own;
    size_t cap = info->n_full + (ref != TDP_NODAY ? info->n_md : 0);
    if (!cap)
        return TDP_NODAY;
    int32_t small[64];
    int32_t *v = cap <= 64 ? small : tdp_malloc(cap * sizeof *v);
    if (!v)
        return TDP_NODAY;
    /* with a reference, dates more than a year away from it are history (or
     * chrome, or errors): they do not place the article */
    size_t k = 0;
    for (size_t i = 0; i < info->n_full; i++)
        if (sane_day(info->full[i]) &&
            (ref == TDP_NODAY || labs((long)info->full[i] - ref) <= TDP_CLUSTER_FUTURE_DAYS))
            v[k++] = info->full[i];
    if (ref != TDP_NODAY)
        for (size_t i = 0; i < info->n_md; i++) {
            int32_t x = resolve_md(info->md[i], ref);
            if (x != TDP_NODAY && sane_day(x))
                v[k++] = x;
        }
    int32_t day = TDP_NODAY;
    if (k) {
        tdp_sort(v, k, sizeof *v, cmp_i32);
        day = v[k / 2];
    }
    if (v != small)
        tdp_free(v);
    return day;
}

td_status tdp_cluster_features(const td_article *a, tdp_cfeat **out, size_t *n)
{
    if (!a || !out || !n)
        return TD_EARG;
    tdp_cinfo info;
    td_status st = tdp_cluster_info(a, &info);
    if (st)
        return st;
    *out = info.f;
    *n = info.n;
    info.f = NULL;
    tdp_cluster_info_free(&info);
    return TD_OK;
}

int32_t tdp_cluster_day(const td_article *a, int32_t ref)
{
    tdp_cinfo info;
    if (!a || tdp_cluster_info(a, &info))
        return TDP_NODAY;
    int32_t d = tdp_cluster_info_day(&info, ref);
    tdp_cluster_info_free(&info);
    return d;
}

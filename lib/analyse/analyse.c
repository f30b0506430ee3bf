/* analyse.c - sentences, terms, dates, names and quotes of one article.
 *
 * The steps run in order over the cleaned paragraphs: sentences first (every later
 * result points at a sentence), then terms and dates sentence by sentence, then
 * names and quotes, which look across sentences. */
#include <stdlib.h>
#include <xxhash.h>

#include "analyse/analyse_p.h"

void tdp_analysis_free(tdp_analysis *an)
{
    if (!an)
        return;
    tdp_free(an->sents);
    tdp_free(an->dates);
    tdp_free(an->mentions);
    tdp_free(an->quotes);
    tdp_free(an->terms);
    tdp_free(an);
}

/* ---- terms ---- */

typedef struct term_acc {
    uint64_t hash;
    uint8_t kind;          /* TDP_TERM_NUMBER, or NAME/WORD vote of one occurrence */
} term_acc;

static int cmp_acc(const void *a, const void *b)
{
    const term_acc *x = a, *y = b;
    if (x->hash != y->hash)
        return x->hash < y->hash ? -1 : 1;
    return (int)x->kind - (int)y->kind;
}

typedef struct run_state {
    tdp_analysis *an;
    tdp_stemmer *stem;
    const char *lang;
    term_acc *acc;
    size_t n_acc, cap_acc;
    size_t dates_cap;
    tdp_toklist tl;       /* tokens of the current sentence */
    tdp_toklist dtl;      /* scratch for the date finder */
    uint32_t sent;
    int32_t ref_days;
    bool has_ref;
    td_status err;
} run_state;

static td_status add_acc(run_state *rs, uint64_t h, uint8_t kind)
{
    if (TDP_GROW(rs->acc, rs->cap_acc, rs->n_acc + 1))
        return TD_ENOMEM;
    rs->acc[rs->n_acc++] = (term_acc){h, kind};
    return TD_OK;
}

/* True when only spaces separate tokens a and b of the sentence. */
static bool joined_by_space(const char *s, const tdp_tokspan *a, const tdp_tokspan *b)
{
    for (uint32_t k = a->off + a->len; k < b->off; k++)
        if (s[k] != ' ')
            return false;
    return b->off > a->off + a->len;
}

static bool name_word(const tdp_toklist *tl, size_t i, const char *lang)
{
    const tdp_tokspan *t = &tl->toks[i];
    if (!(t->flags & TDP_TOK_CAP) || (t->flags & TDP_TOK_HASDIGIT))
        return false;
    if (!(t->flags & TDP_TOK_ALLCAPS) && tdp_is_stop(lang, tdp_toklist_fold(tl, i), t->flen))
        return false;
    return true;
}

static td_status sentence_terms(run_state *rs, const char *s, size_t n)
{
    tdp_toklist *tl = &rs->tl;
    tdp_toklist_reset(tl);
    if (tdp_toklist_add(tl, s, n))
        return TD_ENOMEM;
    rs->an->n_tokens += (uint32_t)tl->n;
    for (size_t i = 0; i < tl->n; i++) {
        const tdp_tokspan *t = &tl->toks[i];
        const char *f = tdp_toklist_fold(tl, i);
        uint16_t fl = t->flags;
        if (fl & TDP_TOK_NUMERIC) {
            if (add_acc(rs, XXH3_64bits(f, t->flen), TDP_TERM_NUMBER))
                return TD_ENOMEM;
            continue;
        }
        if (!(fl & TDP_TOK_ALLCAPS) && tdp_is_stop(rs->lang, f, t->flen))
            continue;
        if (t->flen < 2)
            continue;
        size_t sl;
        const char *st = tdp_stem(rs->stem, f, t->flen, &sl);
        bool name = (fl & TDP_TOK_ALLCAPS) || ((fl & TDP_TOK_CAP) && i > 0);
        if (add_acc(rs, XXH3_64bits(st, sl), name ? TDP_TERM_NAME : TDP_TERM_WORD))
            return TD_ENOMEM;
    }
    /* Multiword names: runs of 2-4 capitalised words separated by spaces only,
     * hashed as their folded words joined by one space. */
    size_t i = 1;
    while (i < tl->n) {
        if (!name_word(tl, i, rs->lang)) {
            i++;
            continue;
        }
        size_t j = i + 1;
        while (j < tl->n && j - i < 4 && name_word(tl, j, rs->lang) &&
               joined_by_space(s, &tl->toks[j - 1], &tl->toks[j]))
            j++;
        if (j - i >= 2) {
            char buf[4 * (TDP_TOKEN_FOLD_MAX + 1)];
            size_t bl = 0;
            for (size_t k = i; k < j; k++) {
                if (k > i)
                    buf[bl++] = ' ';
                memcpy(buf + bl, tdp_toklist_fold(tl, k), tl->toks[k].flen);
                bl += tl->toks[k].flen;
            }
            if (add_acc(rs, XXH3_64bits(buf, bl), TDP_TERM_NAME))
                return TD_ENOMEM;
        }
        i = j;
    }
    return TD_OK;
}

static td_status finish_terms(run_state *rs)
{
    tdp_analysis *an = rs->an;
    if (!rs->n_acc)
        return TD_OK;
    qsort(rs->acc, rs->n_acc, sizeof *rs->acc, cmp_acc);
    size_t uniq = 0;
    for (size_t i = 0; i < rs->n_acc; i++)
        uniq += !i || rs->acc[i].hash != rs->acc[i - 1].hash;
    an->terms = tdp_malloc(uniq * sizeof *an->terms);
    if (!an->terms)
        return TD_ENOMEM;
    size_t i = 0;
    while (i < rs->n_acc) {
        size_t j = i;
        uint32_t words = 0, names = 0, nums = 0;
        while (j < rs->n_acc && rs->acc[j].hash == rs->acc[i].hash) {
            words += rs->acc[j].kind == TDP_TERM_WORD;
            names += rs->acc[j].kind == TDP_TERM_NAME;
            nums += rs->acc[j].kind == TDP_TERM_NUMBER;
            j++;
        }
        uint8_t kind = nums ? TDP_TERM_NUMBER : names >= words ? TDP_TERM_NAME
                                                              : TDP_TERM_WORD;
        an->terms[an->n_terms++] = (tdp_term){rs->acc[i].hash, (uint32_t)(j - i), kind};
        i = j;
    }
    return TD_OK;
}

/* ---- dates ---- */

static int on_date(void *ctx, const tdp_date_hit *h)
{
    run_state *rs = ctx;
    tdp_analysis *an = rs->an;
    if (TDP_GROW(an->dates, rs->dates_cap, an->n_dates + 1)) {
        rs->err = TD_ENOMEM;
        return 1;
    }
    tdp_date_mention *m = &an->dates[an->n_dates++];
    memset(m, 0, sizeof *m);
    m->date = h->date;
    m->end = h->end;
    m->sent = rs->sent;
    m->off = h->off;
    m->len = h->len;
    m->kind = h->kind;
    m->mod = h->mod;
    m->week = h->week;
    if (rs->has_ref && h->date.prec >= TD_DATE_YEAR) {
        td_date d = h->date;
        /* after the article's date: the period starts beyond its day */
        int32_t z;
        if (d.prec >= TD_DATE_DAY)
            z = td_date_days(&d);
        else if (d.prec == TD_DATE_MONTH)
            z = tdp_days_from_civil(d.year, d.month, 1);
        else
            z = tdp_days_from_civil(d.year, 1, 1);
        m->future = z > rs->ref_days;
    }
    return 0;
}

td_status tdp_analyse(td_article *a)
{
    tdp_analysis *an = tdp_calloc(1, sizeof *an);
    if (!an)
        return TD_ENOMEM;
    if (a->an)
        tdp_analysis_free(a->an);
    a->an = an;

    run_state rs;
    memset(&rs, 0, sizeof rs);
    rs.an = an;
    rs.tl = (tdp_toklist)TDP_TOKLIST_INIT;
    rs.dtl = (tdp_toklist)TDP_TOKLIST_INIT;
    rs.lang = a->language;
    if (a->date.prec >= TD_DATE_DAY) {
        rs.has_ref = true;
        rs.ref_days = td_date_days(&a->date);
    }
    td_status st = TD_OK;
    rs.stem = tdp_stemmer_new(a->language);
    if (!rs.stem)
        return TD_ENOMEM;

    /* Sentences. */
    size_t cap_sents = 0;
    tdp_span *spans = NULL;
    size_t n_spans = 0, cap_spans = 0;
    for (size_t p = 0; p < a->n_paras && !st; p++) {
        const tdp_para *para = &a->paras[p];
        n_spans = 0;
        st = tdp_split_sentences(para->text, para->len, &spans, &n_spans, &cap_spans);
        for (size_t k = 0; k < n_spans && !st; k++) {
            if (TDP_GROW(an->sents, cap_sents, an->n_sents + 1)) {
                st = TD_ENOMEM;
                break;
            }
            /* Sentences are views into the paragraph only when it ends there; a copy
             * keeps every sentence NUL-terminated. */
            const char *t = tdp_article_str(a, para->text + spans[k].off, spans[k].len);
            if (!t) {
                st = TD_ENOMEM;
                break;
            }
            an->sents[an->n_sents++] = (tdp_sentence){t, spans[k].len, (uint32_t)p,
                                                      spans[k].off};
        }
    }
    tdp_free(spans);

    /* Terms and dates, sentence by sentence. */
    for (size_t i = 0; i < an->n_sents && !st; i++) {
        const tdp_sentence *s = &an->sents[i];
        rs.sent = (uint32_t)i;
        st = sentence_terms(&rs, s->text, s->len);
        if (!st)
            st = tdp_find_dates(s->text, s->len, &a->date, &rs.dtl, on_date, &rs);
        if (!st)
            st = rs.err;
    }
    if (!st)
        st = finish_terms(&rs);
    if (!st)
        st = tdp_find_mentions(a, an, &rs.tl);
    if (!st)
        st = tdp_find_quotes(a, an, &rs.tl);

    tdp_free(rs.acc);
    tdp_toklist_free(&rs.tl);
    tdp_toklist_free(&rs.dtl);
    tdp_stemmer_free(rs.stem);
    return st;
}

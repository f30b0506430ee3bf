/* analyse.c - sentences, terms, dates, names and quotes of one article.
 *
 * The steps run in order over the cleaned paragraphs: sentences first (every later
 * result points at a sentence), then terms and dates sentence by sentence, then
 * names and quotes, which look across sentences. */
#include <stdlib.h>
#include <xxhash.h>

#include "analyse/analyse_p.h"
#include "core/hmap.h"

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

/* ---- terms ----
 *
 * Occurrences are counted per folded form in a hash table first; each distinct
 * form is stemmed once at the end, and forms that share a stem are merged. This
 * keeps stemming and sorting to the article's vocabulary, not its length. */

/* The value of a term in the run's table, keyed by the XXH3 of its folded form
 * (or, salted, of a joined name). */
typedef struct term_slot {
    uint32_t foff, flen;   /* the folded form in the token bytes (single words) */
    uint32_t words, names, nums;
    uint8_t joined;        /* a multiword name: foff/flen hold the term's hash */
} term_slot;

typedef struct term_acc {
    uint64_t hash;
    uint32_t words, names, nums;
} term_acc;

/* Sorts by hash: LSD radix sort, a byte a pass (qsort's calls cost more than the
 * work here). tmp holds n entries. */
static void sort_acc(term_acc *a, term_acc *tmp, size_t n)
{
    size_t count[256];
    term_acc *src = a, *dst = tmp;
    for (unsigned shift = 0; shift < 64; shift += 8) {
        memset(count, 0, sizeof count);
        for (size_t i = 0; i < n; i++)
            count[(src[i].hash >> shift) & 0xFF]++;
        size_t sum = 0;
        for (size_t k = 0; k < 256; k++) {
            size_t c = count[k];
            count[k] = sum;
            sum += c;
        }
        for (size_t i = 0; i < n; i++)
            dst[count[(src[i].hash >> shift) & 0xFF]++] = src[i];
        term_acc *t = src;
        src = dst;
        dst = t;
    }
    /* eight passes: the result is back in a */
}

typedef struct run_state {
    tdp_analysis *an;
    tdp_stemmer *stem;
    const char *lang;
    tdp_hmap slots;       /* term key -> term_slot */
    size_t dates_cap;
    tdp_toklist all;      /* tokens of every sentence */
    size_t *sent_tok;     /* first token of each sentence; n_sents + 1 entries */
    uint32_t sent;
    int32_t ref_days;
    bool has_ref;
    td_status err;
} run_state;

/* The slot of a key, created empty if new; NULL on out-of-memory. */
static term_slot *slot_for(run_state *rs, uint64_t key)
{
    void *v;
    if (tdp_hmap_put(&rs->slots, key, &v, NULL)) {
        rs->err = TD_ENOMEM;
        return NULL;
    }
    return v;
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
    (void)lang;
    if (!(t->flags & TDP_TOK_ALLCAPS) && (t->flags & TDP_TOK_STOP))
        return false;
    return true;
}

static void sentence_terms(run_state *rs, const char *s, const tdp_toklist *tl)
{
    for (size_t i = 0; i < tl->n; i++) {
        const tdp_tokspan *t = &tl->toks[i];
        const char *f = tdp_toklist_fold(tl, i);
        uint16_t fl = t->flags;
        if (!(fl & TDP_TOK_NUMERIC)) {
            if (t->flen < 2)
                continue;
            if (!(fl & TDP_TOK_ALLCAPS) && (fl & TDP_TOK_STOP))
                continue;
        }
        term_slot *sl = slot_for(rs, XXH3_64bits(f, t->flen));
        if (!sl)
            return;
        sl->foff = t->foff;
        sl->flen = t->flen;
        if (fl & TDP_TOK_NUMERIC)
            sl->nums++;
        else if ((fl & TDP_TOK_ALLCAPS) || ((fl & TDP_TOK_CAP) && i > 0))
            sl->names++;
        else
            sl->words++;
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
            /* salted slot key keeps a joined name apart from a single word; the
             * term's own hash rides in foff/flen */
            uint64_t h = XXH3_64bits(buf, bl);
            term_slot *sl = slot_for(rs, h ^ 0x9E3779B97F4A7C15ull);
            if (!sl)
                return;
            sl->joined = 1;
            sl->foff = (uint32_t)h;
            sl->flen = (uint32_t)(h >> 32);
            sl->names++;
        }
        i = j;
    }
}

static td_status finish_terms(run_state *rs)
{
    tdp_analysis *an = rs->an;
    size_t used = rs->slots.n;
    if (!used)
        return TD_OK;
    term_acc *acc = tdp_malloc(2 * used * sizeof *acc);
    if (!acc)
        return TD_ENOMEM;
    size_t n = 0, it = 0;
    void *v;
    while (tdp_hmap_next(&rs->slots, &it, NULL, &v)) {
        const term_slot *sl = v;
        uint64_t h;
        if (sl->joined) {
            h = ((uint64_t)sl->flen << 32) | sl->foff;
        } else if (sl->nums) {
            h = XXH3_64bits(rs->all.bytes + sl->foff, sl->flen);
        } else {
            size_t stl;
            const char *st = tdp_stem(rs->stem, rs->all.bytes + sl->foff, sl->flen, &stl);
            h = XXH3_64bits(st, stl);
        }
        acc[n++] = (term_acc){h, sl->words, sl->names, sl->nums};
    }
    if (n < 256) {
        for (size_t k = 1; k < n; k++) {
            term_acc x = acc[k];
            size_t j = k;
            while (j > 0 && acc[j - 1].hash > x.hash) {
                acc[j] = acc[j - 1];
                j--;
            }
            acc[j] = x;
        }
    } else {
        sort_acc(acc, acc + used, n);
    }
    size_t uniq = 0;
    for (size_t i = 0; i < n; i++)
        uniq += !i || acc[i].hash != acc[i - 1].hash;
    an->terms = tdp_malloc(uniq * sizeof *an->terms);
    if (!an->terms) {
        tdp_free(acc);
        return TD_ENOMEM;
    }
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        uint32_t words = 0, names = 0, nums = 0;
        while (j < n && acc[j].hash == acc[i].hash) {
            words += acc[j].words;
            names += acc[j].names;
            nums += acc[j].nums;
            j++;
        }
        uint8_t kind = nums ? TDP_TERM_NUMBER : names >= words ? TDP_TERM_NAME
                                                              : TDP_TERM_WORD;
        an->terms[an->n_terms++] = (tdp_term){acc[i].hash, words + names + nums, kind};
        i = j;
    }
    tdp_free(acc);
    return TD_OK;
}

/* ---- dates ---- */

/* Whether date d starts after the article's day (the period starts beyond it). */
static bool after_ref(const run_state *rs, td_date d)
{
    int32_t z;
    if (d.prec >= TD_DATE_DAY)
        z = td_date_days(&d);
    else if (d.prec == TD_DATE_MONTH)
        z = tdp_days_from_civil(d.year, d.month, 1);
    else
        z = tdp_days_from_civil(d.year, 1, 1);
    return z > rs->ref_days;
}

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
    m->tense = h->p.tense;
    m->speech = h->speech;
    m->phrase = h->p;
    if (rs->has_ref && h->date.prec >= TD_DATE_YEAR)
        m->future = after_ref(rs, h->date);
    return 0;
}

/*
 * A month named alone in a past clause that would fall in or after the article's
 * own month ("He was deported in January" in a January article) is the one of the
 * year before when the article itself speaks of that year (names it, or says "last
 * year"): the text tells of events already past.
 */
static void place_past_months(run_state *rs, const td_date *ref)
{
    tdp_analysis *an = rs->an;
    bool prior = false;
    for (size_t i = 0; i < an->n_dates && !prior; i++) {
        const tdp_date_phrase *p = &an->dates[i].phrase;
        prior = (p->form == TDP_FORM_DATE && p->year == ref->year - 1) ||
                (p->form == TDP_FORM_SHIFT && p->unit == TDP_UNIT_YEAR && p->shift == -1);
    }
    for (size_t i = 0; i < an->n_dates && prior; i++) {
        tdp_date_mention *m = &an->dates[i];
        const tdp_date_phrase *p = &m->phrase;
        tdp_date_hit h;
        if (p->form != TDP_FORM_DATE || !p->month || p->day || p->year ||
            p->marker != TDP_MARK_NONE || p->tense != TDP_TENSE_PAST ||
            !tdp_date_resolve(p, ref, true, &h))
            continue;
        m->date = h.date;
        m->future = after_ref(rs, h.date);
    }
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
    rs.all = (tdp_toklist)TDP_TOKLIST_INIT;
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

    /* Tokens of every sentence, once: terms, dates and names all read them. */
    if (!st) {
        rs.sent_tok = tdp_malloc((an->n_sents + 1) * sizeof *rs.sent_tok);
        if (!rs.sent_tok)
            st = TD_ENOMEM;
    }
    for (size_t i = 0; i < an->n_sents && !st; i++) {
        rs.sent_tok[i] = rs.all.n;
        st = tdp_toklist_add(&rs.all, an->sents[i].text, an->sents[i].len);
    }
    /* Stop words marked once: terms and names ask for every token. */
    for (size_t i = 0; !st && i < rs.all.n; i++) {
        tdp_tokspan *t = &rs.all.toks[i];
        if (!(t->flags & TDP_TOK_NUMERIC) && tdp_is_stop(rs.lang, rs.all.bytes + t->foff, t->flen))
            t->flags |= TDP_TOK_STOP;
    }
    if (!st) {
        rs.sent_tok[an->n_sents] = rs.all.n;
        an->n_tokens = (uint32_t)rs.all.n;
        tdp_hmap_init(&rs.slots, sizeof(term_slot), 0);
        st = tdp_hmap_reserve(&rs.slots, 128); /* grows with the vocabulary */
    }

    /* Terms and dates, sentence by sentence. */
    for (size_t i = 0; i < an->n_sents && !st; i++) {
        const tdp_sentence *s = &an->sents[i];
        tdp_toklist v = tdp_toklist_view(&rs.all, rs.sent_tok[i],
                                         rs.sent_tok[i + 1] - rs.sent_tok[i]);
        rs.sent = (uint32_t)i;
        sentence_terms(&rs, s->text, &v);
        tdp_find_dates_in(s->text, s->len, &a->date, &v, on_date, &rs);
        st = rs.err;
    }
    if (!st && rs.has_ref)
        place_past_months(&rs, &a->date);
    if (!st)
        st = finish_terms(&rs);
    if (!st)
        st = tdp_find_mentions(a, an, &rs.all, rs.sent_tok);
    if (!st) {
        tdp_toklist scratch = TDP_TOKLIST_INIT;
        st = tdp_find_quotes(a, an, &scratch);
        tdp_toklist_free(&scratch);
    }
    if (!st)
        st = tdp_name_speakers(an);

    tdp_hmap_free(&rs.slots);
    tdp_free(rs.sent_tok);
    tdp_toklist_free(&rs.all);
    tdp_stemmer_free(rs.stem);
    return st;
}

/*
 * codec.c - a prepared article to bytes and back.
 *
 * Layout, little-endian, no padding. str = u32 length (0xFFFFFFFF: none), bytes;
 * date = i16 year, i8 month, day, hour, minute, u8 precision.
 *
 *   "TDPA" u32 version
 *   article:  str id, path; u32 line; str url, title, source, outlet, dateline,
 *             language, author, canonical_url; date date, fetch_date;
 *             u32 n, n x (str text, u8 kind)                      paragraphs
 *   analysis: u32 tokens;
 *             u32 n, n x (u32 para, off, len)                     sentences (text
 *                                                                 = that span)
 *             u32 n, n x (date, u32 sent, off, len, u8 kind, mod, week, future,
 *                         tense, speech, date end, phrase)        dates mentioned
 *             (phrase = u32 off, len; u8 form, kind, mod, tense, marker, unit,
 *             in_quote; i8 weekday; i16 year; i8 month, day, day2; i16 shift)
 *             u32 n, n x (str name, key, title; u32 sent, off, len; u8 type)
 *             u32 n, n x (str text, speaker, speaker_key, speaker_title, cue;
 *                         u32 sent, para; u8 speaker_type, partial) quotes
 *             u32 n, n x (u64 hash, u32 count, u8 kind)           terms
 *   features: u32 n, n x (u64 hash, f32 count, u8 kind); i32 own;
 *             u32 n, n x i32 (full days); u32 n, n x u16 (month * 32 + day)
 *   signature: u64 exact; u32 words, shingles; u8 truncated; 128 x u32;
 *             u32 n, n x (u64 hash, u32 words, u32 first)
 *   u64 XXH3-64 of every byte before it
 *
 * The decoder trusts nothing: the checksum first, then every count against the
 * bytes left (before anything is allocated), every index against what it points
 * into (a sentence inside its paragraph, a name inside its sentence), every kind
 * and day against its range, and the sort order the consumers rely on (terms and features
 * by hash, strictly).
 */
#include <math.h>
#include <xxhash.h>

#include "pipeline/pipeline_p.h"

#define MAGIC "TDPA"
#define NO_STR 0xFFFFFFFFu
#define DATE_BYTES 7u

/* ---- writing ---- */

typedef struct wr {
    tdp_buf b;
} wr;

static void put_le(wr *w, uint64_t v, int bytes)
{
    unsigned char t[8];
    for (int i = 0; i < bytes; i++)
        t[i] = (unsigned char)(v >> (8 * i));
    tdp_buf_put(&w->b, t, (size_t)bytes);
}

static void put_u8(wr *w, unsigned v) { put_le(w, v & 0xff, 1); }
static void put_u32(wr *w, uint64_t v) { put_le(w, v, 4); }

static void put_str(wr *w, const char *s, size_t n)
{
    if (!s || n >= NO_STR) {
        put_u32(w, NO_STR);
        return;
    }
    put_u32(w, n);
    tdp_buf_put(&w->b, s, n);
}

static void put_cstr(wr *w, const char *s) { put_str(w, s, s ? strlen(s) : 0); }

static void put_date(wr *w, const td_date *d)
{
    put_le(w, (uint16_t)d->year, 2);
    put_u8(w, (uint8_t)d->month);
    put_u8(w, (uint8_t)d->day);
    put_u8(w, (uint8_t)d->hour);
    put_u8(w, (uint8_t)d->minute);
    put_u8(w, d->prec);
}

#define PHRASE_BYTES 22u

static void put_phrase(wr *w, const tdp_date_phrase *p)
{
    put_u32(w, p->off);
    put_u32(w, p->len);
    const uint8_t b[] = {p->form, p->kind, p->mod, p->tense, p->marker, p->unit,
                         p->in_quote, (uint8_t)p->weekday};
    for (size_t i = 0; i < sizeof b; i++)
        put_u8(w, b[i]);
    put_le(w, (uint16_t)p->year, 2);
    put_u8(w, (uint8_t)p->month);
    put_u8(w, (uint8_t)p->day);
    put_u8(w, (uint8_t)p->day2);
    put_le(w, (uint16_t)p->shift, 2);
}

td_status tdp_prepared_encode(const tdp_prepared *p, unsigned char **out, size_t *len)
{
    *out = NULL;
    *len = 0;
    if (!p || !p->a)
        return TD_EARG;
    const td_article *a = p->a;
    const tdp_analysis *an = a->an;
    static const tdp_analysis none = {0};
    if (!an)
        an = &none;
    if (a->n_paras > UINT32_MAX || an->n_sents > UINT32_MAX || an->n_dates > UINT32_MAX ||
        an->n_mentions > UINT32_MAX || an->n_quotes > UINT32_MAX ||
        an->n_terms > UINT32_MAX || p->info.n > UINT32_MAX ||
        p->info.n_full > UINT32_MAX || p->info.n_md > UINT32_MAX)
        return TD_ETOOBIG;
    wr w = {TDP_BUF_INIT};
    tdp_buf_put(&w.b, MAGIC, 4);
    put_u32(&w, TDP_PREPARED_VERSION);

    put_cstr(&w, a->id);
    put_cstr(&w, a->path);
    put_u32(&w, a->line);
    const char *const meta[] = {a->url, a->title, a->source, a->outlet, a->dateline,
                                a->language, a->author, a->canonical_url};
    for (size_t i = 0; i < sizeof meta / sizeof *meta; i++)
        put_cstr(&w, meta[i]);
    put_date(&w, &a->date);
    put_date(&w, &a->fetch_date);
    put_u32(&w, a->n_paras);
    for (size_t i = 0; i < a->n_paras; i++) {
        put_str(&w, a->paras[i].text, a->paras[i].len);
        put_u8(&w, a->paras[i].kind);
    }

    put_u32(&w, an->n_tokens);
    put_u32(&w, an->n_sents);
    for (size_t i = 0; i < an->n_sents; i++) {
        put_u32(&w, an->sents[i].para);
        put_u32(&w, an->sents[i].off);
        put_u32(&w, an->sents[i].len);
    }
    put_u32(&w, an->n_dates);
    for (size_t i = 0; i < an->n_dates; i++) {
        const tdp_date_mention *d = &an->dates[i];
        put_date(&w, &d->date);
        put_u32(&w, d->sent);
        put_u32(&w, d->off);
        put_u32(&w, d->len);
        put_u8(&w, d->kind);
        put_u8(&w, d->mod);
        put_u8(&w, d->week);
        put_u8(&w, d->future);
        put_u8(&w, d->tense);
        put_u8(&w, d->speech);
        put_date(&w, &d->end);
        put_phrase(&w, &d->phrase);
    }
    put_u32(&w, an->n_mentions);
    for (size_t i = 0; i < an->n_mentions; i++) {
        const tdp_mention *m = &an->mentions[i];
        put_cstr(&w, m->name);
        put_cstr(&w, m->key);
        put_cstr(&w, m->title);
        put_u32(&w, m->sent);
        put_u32(&w, m->off);
        put_u32(&w, m->len);
        put_u8(&w, m->type);
    }
    put_u32(&w, an->n_quotes);
    for (size_t i = 0; i < an->n_quotes; i++) {
        const tdp_quote *q = &an->quotes[i];
        put_str(&w, q->text, q->len);
        put_cstr(&w, q->speaker);
        put_cstr(&w, q->speaker_key);
        put_cstr(&w, q->speaker_title);
        put_cstr(&w, q->cue);
        put_u32(&w, q->sent);
        put_u32(&w, q->para);
        put_u8(&w, q->speaker_type);
        put_u8(&w, q->partial);
    }
    put_u32(&w, an->n_terms);
    for (size_t i = 0; i < an->n_terms; i++) {
        put_le(&w, an->terms[i].hash, 8);
        put_u32(&w, an->terms[i].count);
        put_u8(&w, an->terms[i].kind);
    }

    const tdp_cinfo *f = &p->info;
    put_u32(&w, f->n);
    for (size_t i = 0; i < f->n; i++) {
        uint32_t bits;
        memcpy(&bits, &f->f[i].count, 4);
        put_le(&w, f->f[i].hash, 8);
        put_u32(&w, bits);
        put_u8(&w, f->f[i].kind);
    }
    put_u32(&w, (uint32_t)f->own);
    put_u32(&w, f->n_full);
    for (size_t i = 0; i < f->n_full; i++)
        put_u32(&w, (uint32_t)f->full[i]);
    put_u32(&w, f->n_md);
    for (size_t i = 0; i < f->n_md; i++)
        put_le(&w, f->md[i], 2);

    const tdp_csig *s = &p->sig;
    put_le(&w, s->exact, 8);
    put_u32(&w, s->n_words);
    put_u32(&w, s->n_shingles);
    put_u8(&w, s->truncated);
    for (size_t i = 0; i < TDP_DEDUP_K; i++)
        put_u32(&w, s->vals[i]);
    put_u32(&w, s->n_paras);
    for (size_t i = 0; i < s->n_paras; i++) {
        put_le(&w, s->para_hash[i], 8);
        put_u32(&w, s->para_words[i]);
        put_u32(&w, s->para_first[i]);
    }
    if (!w.b.err)
        put_le(&w, XXH3_64bits(w.b.data, w.b.len), 8);
    if (w.b.err) {
        td_status st = w.b.err;
        tdp_buf_free(&w.b);
        return st;
    }
    *out = (unsigned char *)tdp_buf_detach(&w.b, len);
    return *out ? TD_OK : TD_ENOMEM;
}

/* ---- reading ---- */

typedef struct rd {
    const unsigned char *p;
    size_t n, at;
    bool bad;
} rd;

static uint64_t get_le(rd *r, int bytes)
{
    if (r->bad || r->n - r->at < (size_t)bytes) {
        r->bad = true;
        return 0;
    }
    uint64_t v = 0;
    for (int i = 0; i < bytes; i++)
        v |= (uint64_t)r->p[r->at + (size_t)i] << (8 * i);
    r->at += (size_t)bytes;
    return v;
}

static uint8_t get_u8(rd *r) { return (uint8_t)get_le(r, 1); }
static uint32_t get_u32(rd *r) { return (uint32_t)get_le(r, 4); }

/* A count of items each at least `min` bytes long: no more than the bytes left
 * could hold (so nothing huge is allocated for a lying count). */
static uint32_t get_count(rd *r, size_t min)
{
    uint32_t n = get_u32(r);
    if (!r->bad && (r->n - r->at) / min < n)
        r->bad = true;
    return r->bad ? 0 : n;
}

/* A string into the article's arena; *s NULL when absent. TD_ENOMEM only. */
static td_status get_str(rd *r, td_article *a, const char **s, uint32_t *len)
{
    *s = NULL;
    if (len)
        *len = 0;
    uint32_t n = get_u32(r);
    if (r->bad || n == NO_STR)
        return TD_OK;
    if (r->n - r->at < n) {
        r->bad = true;
        return TD_OK;
    }
    *s = tdp_article_str(a, (const char *)r->p + r->at, n);
    if (!*s)
        return TD_ENOMEM;
    r->at += n;
    if (len)
        *len = n;
    return TD_OK;
}

static void get_date(rd *r, td_date *d)
{
    d->year = (int16_t)(uint16_t)get_le(r, 2);
    d->month = (int8_t)get_u8(r);
    d->day = (int8_t)get_u8(r);
    d->hour = (int8_t)get_u8(r);
    d->minute = (int8_t)get_u8(r);
    d->prec = get_u8(r);
    if (d->month < 0 || d->month > 12 || d->day < 0 || d->day > 31 || d->hour < 0 ||
        d->hour > 23 || d->minute < 0 || d->minute > 59 || d->prec > TD_DATE_MINUTE)
        r->bad = true;
}

/* n items of `size` bytes, zeroed (NULL for none). */
static void *get_array(size_t n, size_t size, td_status *st)
{
    if (!n)
        return NULL;
    void *p = tdp_calloc(n, size);
    if (!p)
        *st = TD_ENOMEM;
    return p;
}

uint32_t tdp_prepared_version(const unsigned char *b, size_t len)
{
    if (!b || len < 8 || memcmp(b, MAGIC, 4))
        return 0;
    return (uint32_t)b[4] | (uint32_t)b[5] << 8 | (uint32_t)b[6] << 16 |
           (uint32_t)b[7] << 24;
}

static td_status read_article(rd *r, td_article *a)
{
    td_status st = get_str(r, a, &a->id, NULL);
    if (!st)
        st = get_str(r, a, &a->path, NULL);
    a->line = get_u32(r);
    const char **const meta[] = {&a->url, &a->title, &a->source, &a->outlet,
                                 &a->dateline, &a->language, &a->author,
                                 &a->canonical_url};
    for (size_t i = 0; i < sizeof meta / sizeof *meta && !st; i++)
        st = get_str(r, a, meta[i], NULL);
    get_date(r, &a->date);
    get_date(r, &a->fetch_date);
    uint32_t np = get_count(r, 5);
    for (uint32_t i = 0; i < np && !st && !r->bad; i++) {
        uint32_t n = get_u32(r);
        if (r->bad || n == NO_STR || r->n - r->at < n) {
            r->bad = true;
            break;
        }
        const char *t = (const char *)r->p + r->at;
        r->at += n;
        uint8_t kind = get_u8(r);
        if (kind > TD_PARA_QUOTE)
            r->bad = true;
        else if (!r->bad)
            st = tdp_article_add_para(a, t, n, (td_para_kind)kind);
    }
    a->cleaned = true;
    return st;
}

static void get_phrase(rd *r, tdp_date_phrase *p)
{
    p->off = get_u32(r);
    p->len = get_u32(r);
    p->form = get_u8(r);
    p->kind = get_u8(r);
    p->mod = get_u8(r);
    p->tense = get_u8(r);
    p->marker = get_u8(r);
    p->unit = get_u8(r);
    p->in_quote = get_u8(r);
    p->weekday = (int8_t)get_u8(r);
    p->year = (int16_t)(uint16_t)get_le(r, 2);
    p->month = (int8_t)get_u8(r);
    p->day = (int8_t)get_u8(r);
    p->day2 = (int8_t)get_u8(r);
    p->shift = (int16_t)(uint16_t)get_le(r, 2);
    if (p->form > TDP_FORM_SHIFT || p->kind > TDP_DATE_VAGUE || p->mod > TDP_DATE_MOD_LATE ||
        p->tense > TDP_TENSE_FUTURE || p->marker > TDP_MARK_EARLIER_THIS ||
        p->unit > TDP_UNIT_YEAR || p->in_quote > 1 || p->weekday < -1 || p->weekday > 6 ||
        p->month < 0 || p->month > 12 || p->day < 0 || p->day > 31 || p->day2 < 0 ||
        p->day2 > 31)
        r->bad = true;
}

/* The span [off, off + len) lies within n bytes. */
static bool inside(uint32_t off, uint32_t len, uint32_t n)
{
    return off <= n && len <= n - off;
}

static td_status read_analysis(rd *r, td_article *a)
{
    tdp_analysis *an = tdp_calloc(1, sizeof *an);
    if (!an)
        return TD_ENOMEM;
    a->an = an;
    td_status st = TD_OK;
    an->n_tokens = get_u32(r);

    uint32_t n = get_count(r, 12);
    an->sents = get_array(n, sizeof *an->sents, &st);
    for (uint32_t i = 0; i < n && !st && !r->bad; i++) {
        tdp_sentence *s = &an->sents[i];
        s->para = get_u32(r);
        s->off = get_u32(r);
        s->len = get_u32(r);
        if (r->bad || s->para >= a->n_paras || !inside(s->off, s->len, a->paras[s->para].len)) {
            r->bad = true;
            break;
        }
        s->text = tdp_article_str(a, a->paras[s->para].text + s->off, s->len);
        if (!s->text)
            st = TD_ENOMEM;
        else
            an->n_sents = i + 1;
    }

    n = st || r->bad ? 0 : get_count(r, 2 * DATE_BYTES + 18 + PHRASE_BYTES);
    an->dates = get_array(n, sizeof *an->dates, &st);
    for (uint32_t i = 0; i < n && !st && !r->bad; i++) {
        tdp_date_mention *d = &an->dates[i];
        get_date(r, &d->date);
        d->sent = get_u32(r);
        d->off = get_u32(r);
        d->len = get_u32(r);
        d->kind = get_u8(r);
        d->mod = get_u8(r);
        d->week = get_u8(r);
        d->future = get_u8(r);
        d->tense = get_u8(r);
        d->speech = get_u8(r);
        get_date(r, &d->end);
        get_phrase(r, &d->phrase);
        if (d->sent >= an->n_sents || !inside(d->off, d->len, an->sents[d->sent].len) ||
            d->kind > TDP_DATE_VAGUE || d->mod > TDP_DATE_MOD_LATE || d->week > 1 ||
            d->future > 1 || d->tense > TDP_TENSE_FUTURE || d->speech > 1)
            r->bad = true;
        else
            an->n_dates = i + 1;
    }

    n = st || r->bad ? 0 : get_count(r, 25);
    an->mentions = get_array(n, sizeof *an->mentions, &st);
    for (uint32_t i = 0; i < n && !st && !r->bad; i++) {
        tdp_mention *m = &an->mentions[i];
        st = get_str(r, a, &m->name, NULL);
        if (!st)
            st = get_str(r, a, &m->key, NULL);
        if (!st)
            st = get_str(r, a, &m->title, NULL);
        m->sent = get_u32(r);
        m->off = get_u32(r);
        m->len = get_u32(r);
        m->type = get_u8(r);
        if (!st && (r->bad || !m->name || !m->key || m->sent >= an->n_sents ||
                    !inside(m->off, m->len, an->sents[m->sent].len) ||
                    m->type > TDP_ENT_OTHER))
            r->bad = true;
        else if (!st)
            an->n_mentions = i + 1;
    }

    n = st || r->bad ? 0 : get_count(r, 30);
    an->quotes = get_array(n, sizeof *an->quotes, &st);
    for (uint32_t i = 0; i < n && !st && !r->bad; i++) {
        tdp_quote *q = &an->quotes[i];
        st = get_str(r, a, &q->text, &q->len);
        if (!st)
            st = get_str(r, a, &q->speaker, NULL);
        if (!st)
            st = get_str(r, a, &q->speaker_key, NULL);
        if (!st)
            st = get_str(r, a, &q->speaker_title, NULL);
        if (!st)
            st = get_str(r, a, &q->cue, NULL);
        q->sent = get_u32(r);
        q->para = get_u32(r);
        q->speaker_type = get_u8(r);
        q->partial = get_u8(r);
        if (!st && (r->bad || !q->text || q->sent >= an->n_sents ||
                    q->para >= a->n_paras || q->speaker_type > TDP_ENT_OTHER ||
                    q->partial > 1))
            r->bad = true;
        else if (!st)
            an->n_quotes = i + 1;
    }

    n = st || r->bad ? 0 : get_count(r, 13);
    an->terms = get_array(n, sizeof *an->terms, &st);
    for (uint32_t i = 0; i < n && !st && !r->bad; i++) {
        tdp_term *t = &an->terms[i];
        t->hash = get_le(r, 8);
        t->count = get_u32(r);
        t->kind = get_u8(r);
        if (t->kind > TDP_TERM_NUMBER || (i && t->hash <= an->terms[i - 1].hash))
            r->bad = true;
        else
            an->n_terms = i + 1;
    }
    return st;
}

/* A day (since 1970) a td_date can name: years -32768..32767 lie within 13 million
 * days of 1970. Anything further is not a date, and would overflow the clusterer's
 * day arithmetic. */
static bool day_ok(int32_t d)
{
    return d >= -13000000 && d <= 13000000;
}

static td_status read_info(rd *r, tdp_cinfo *f)
{
    td_status st = TD_OK;
    uint32_t n = get_count(r, 13);
    f->f = get_array(n, sizeof *f->f, &st);
    for (uint32_t i = 0; i < n && !st && !r->bad; i++) {
        f->f[i].hash = get_le(r, 8);
        uint32_t bits = get_u32(r);
        memcpy(&f->f[i].count, &bits, 4);
        f->f[i].kind = get_u8(r);
        if (!isfinite(f->f[i].count) || f->f[i].count < 0 || f->f[i].kind >= TDP_CT_KINDS ||
            (i && f->f[i].hash <= f->f[i - 1].hash))
            r->bad = true;
        else
            f->n = i + 1;
    }
    f->own = (int32_t)get_u32(r);
    if (f->own != TDP_NODAY && !day_ok(f->own))
        r->bad = true;
    n = st || r->bad ? 0 : get_count(r, 4);
    f->full = get_array(n, sizeof *f->full, &st);
    for (uint32_t i = 0; i < n && !st && !r->bad; i++) {
        f->full[i] = (int32_t)get_u32(r);
        if (!day_ok(f->full[i]))
            r->bad = true;
        f->n_full = i + 1;
    }
    n = st || r->bad ? 0 : get_count(r, 2);
    f->md = get_array(n, sizeof *f->md, &st);
    for (uint32_t i = 0; i < n && !st && !r->bad; i++) {
        f->md[i] = (uint16_t)get_le(r, 2);
        f->n_md = i + 1;
    }
    return st;
}

static td_status read_sig(rd *r, tdp_csig *s)
{
    s->exact = get_le(r, 8);
    s->n_words = get_u32(r);
    s->n_shingles = get_u32(r);
    uint8_t tr = get_u8(r);
    s->truncated = tr != 0;
    for (size_t i = 0; i < TDP_DEDUP_K; i++)
        s->vals[i] = get_u32(r);
    uint32_t n = get_count(r, 16);
    if (tr > 1 || s->n_shingles > s->n_words || s->n_words > TDP_DEDUP_MAX_WORDS ||
        n > TDP_DEDUP_MAX_PARAS)
        r->bad = true;
    if (r->bad)
        return TD_OK;
    s->n_paras = n;
    td_status st = tdp_csig_alloc(s);
    for (uint32_t i = 0; i < n && !st && !r->bad; i++) {
        s->para_hash[i] = get_le(r, 8);
        s->para_words[i] = get_u32(r);
        s->para_first[i] = get_u32(r);
        if (!inside(s->para_first[i], s->para_words[i], s->n_words))
            r->bad = true;
    }
    return st;
}

td_status tdp_prepared_decode(const unsigned char *b, size_t len, tdp_prepared *out)
{
    memset(out, 0, sizeof *out);
    out->info.own = TDP_NODAY;
    if (!b || len < 16 || tdp_prepared_version(b, len) != TDP_PREPARED_VERSION)
        return TD_ECORRUPT;
    rd r = {b, len - 8, 8, false};
    rd tail = {b, len, len - 8, false};
    if (get_le(&tail, 8) != XXH3_64bits(b, len - 8))
        return TD_ECORRUPT;
    out->a = td_article_new();
    if (!out->a)
        return TD_ENOMEM;
    td_status st = read_article(&r, out->a);
    if (!st && !r.bad)
        st = read_analysis(&r, out->a);
    if (!st && !r.bad)
        st = read_info(&r, &out->info);
    if (!st && !r.bad)
        st = read_sig(&r, &out->sig);
    if (!st && (r.bad || r.at != r.n))
        st = TD_ECORRUPT;
    if (st) {
        tdp_prepared_free(out);
        out->info.own = TDP_NODAY;
    }
    return st;
}

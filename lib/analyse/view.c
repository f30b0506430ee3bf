/*
 * view.c - the public view of one article's analysis (tidings/analysis.h): the
 * analyse stage's sentences, dates, mentions and quotes as spans of one text, the
 * cleaned paragraphs joined by a blank line.
 */
#include <string.h>

#include "analyse/analyse.h"
#include "core/hmap.h"
#include "tidings/analysis.h"
#include "tidings/clean.h"

struct td_analysis {
    const td_article *a;
    char *text;             /* the paragraphs, "\n\n" between them */
    size_t len;
    size_t *para_at;        /* [p]: where paragraph p starts in text */
    td_span *sents;
    size_t n_sents;
    td_date_ref *dates;
    size_t n_dates;
    td_mention_ref *mentions;
    size_t n_mentions;
    td_quote_ref *quotes;
    size_t n_quotes;
};

/* The span of bytes [off, off + len) of sentence s, clamped to its paragraph. */
static td_span in_sentence(const td_analysis *v, const tdp_analysis *an, uint32_t s,
                           uint32_t off, uint32_t len)
{
    const tdp_sentence *st = &an->sents[s];
    size_t pend = v->para_at[st->para] + v->a->paras[st->para].len;
    size_t b = v->para_at[st->para] + st->off + off;
    size_t e = b + len;
    if (b > pend)
        b = pend;
    if (e > pend)
        e = pend;
    return (td_span){b, e};
}

/* The first place n bytes of w stand in s[0..len), or NULL. */
static const char *find(const char *s, size_t len, const char *w, size_t n)
{
    if (!n || n > len)
        return NULL;
    for (const char *p = s, *end = s + len - n + 1; (p = memchr(p, w[0], (size_t)(end - p)));
         p++)
        if (!memcmp(p, w, n))
            return p;
    return NULL;
}

/* Where the quoted words of q stand in its paragraph: they were copied from it,
 * at or after the start of the quote's first sentence. */
static td_span quote_span(const td_analysis *v, const tdp_analysis *an, const tdp_quote *q)
{
    const tdp_para *p = &v->a->paras[q->para];
    size_t from = q->sent < an->n_sents && an->sents[q->sent].para == q->para
                      ? an->sents[q->sent].off
                      : 0;
    const char *hit = NULL;
    if (from <= p->len && q->len <= p->len - from)
        hit = find(p->text + from, p->len - from, q->text, q->len);
    if (!hit)
        hit = find(p->text, p->len, q->text, q->len);
    size_t at = v->para_at[q->para];
    if (!hit) /* not where it was read from: the whole paragraph stands for it */
        return (td_span){at, at + p->len};
    at += (size_t)(hit - p->text);
    return (td_span){at, at + q->len};
}

/* The fullest form of each entity of the article: the longest name among the
 * mentions that share its key and type. */
static td_status name_entities(td_analysis *v, const tdp_analysis *an)
{
    tdp_hmap best; /* key+type -> index of the longest mention */
    tdp_hmap_init(&best, sizeof(size_t), 0);
    td_status st = TD_OK;
    for (size_t i = 0; i < an->n_mentions && !st; i++) {
        const tdp_mention *m = &an->mentions[i];
        const char *k = m->key ? m->key : m->name;
        uint64_t h = tdp_hash(k, strlen(k)) ^ (uint64_t)m->type;
        void *val;
        bool added;
        st = tdp_hmap_put(&best, h, &val, &added);
        if (!st && (added || strlen(m->name) > strlen(an->mentions[*(size_t *)val].name)))
            *(size_t *)val = i;
    }
    for (size_t i = 0; i < an->n_mentions && !st; i++) {
        const tdp_mention *m = &an->mentions[i];
        const char *k = m->key ? m->key : m->name;
        const size_t *w = tdp_hmap_get(&best, tdp_hash(k, strlen(k)) ^ (uint64_t)m->type);
        v->mentions[i].entity = w ? an->mentions[*w].name : m->name;
    }
    /* a speaker is named as the entity its key names */
    for (size_t i = 0; i < an->n_quotes && !st; i++) {
        const tdp_quote *q = &an->quotes[i];
        if (!q->speaker)
            continue;
        const char *k = q->speaker_key ? q->speaker_key : q->speaker;
        const size_t *w =
            tdp_hmap_get(&best, tdp_hash(k, strlen(k)) ^ (uint64_t)q->speaker_type);
        v->quotes[i].speaker = w ? an->mentions[*w].name : q->speaker;
    }
    tdp_hmap_free(&best);
    return st;
}

td_status td_analysis_new(td_article *a, td_analysis **out)
{
    if (!out)
        return TD_EARG;
    *out = NULL;
    if (!a)
        return TD_EARG;
    td_status st = td_clean(a);
    if (!st && !a->an)
        st = tdp_analyse(a);
    if (st)
        return st;
    const tdp_analysis *an = a->an;
    td_analysis *v = tdp_calloc(1, sizeof *v);
    if (!v)
        return TD_ENOMEM;
    v->a = a;
    size_t len = 0;
    for (size_t p = 0; p < a->n_paras; p++)
        len += a->paras[p].len + (p ? 2 : 0);
    v->text = tdp_malloc(len + 1);
    v->para_at = tdp_calloc(a->n_paras + 1, sizeof *v->para_at);
    v->sents = tdp_calloc(an->n_sents + 1, sizeof *v->sents);
    v->dates = tdp_calloc(an->n_dates + 1, sizeof *v->dates);
    v->mentions = tdp_calloc(an->n_mentions + 1, sizeof *v->mentions);
    v->quotes = tdp_calloc(an->n_quotes + 1, sizeof *v->quotes);
    if (!v->text || !v->para_at || !v->sents || !v->dates || !v->mentions || !v->quotes) {
        td_analysis_free(v);
        return TD_ENOMEM;
    }
    for (size_t p = 0; p < a->n_paras; p++) {
        if (p) {
            memcpy(v->text + v->len, "\n\n", 2);
            v->len += 2;
        }
        v->para_at[p] = v->len;
        memcpy(v->text + v->len, a->paras[p].text, a->paras[p].len);
        v->len += a->paras[p].len;
    }
    v->text[v->len] = '\0';
    for (size_t i = 0; i < an->n_sents; i++)
        v->sents[v->n_sents++] = in_sentence(v, an, (uint32_t)i, 0, an->sents[i].len);
    for (size_t i = 0; i < an->n_dates; i++) {
        const tdp_date_mention *d = &an->dates[i];
        td_date_ref *r = &v->dates[v->n_dates++];
        r->span = in_sentence(v, an, d->sent, d->off, d->len);
        r->value = d->date;
        r->end = d->end;
        r->tense = (td_tense)d->tense;
        r->planned = d->future;
        r->in_quote = d->speech || d->phrase.in_quote;
    }
    for (size_t i = 0; i < an->n_mentions; i++) {
        const tdp_mention *m = &an->mentions[i];
        td_mention_ref *r = &v->mentions[v->n_mentions++];
        r->span = in_sentence(v, an, m->sent, m->off, m->len);
        r->type = (td_entity_type)m->type;
        r->role = m->title;
    }
    for (size_t i = 0; i < an->n_quotes; i++) {
        const tdp_quote *q = &an->quotes[i];
        td_quote_ref *r = &v->quotes[v->n_quotes++];
        r->span = quote_span(v, an, q);
        r->cue = q->cue;
        r->partial = q->partial;
    }
    st = name_entities(v, an);
    if (st) {
        td_analysis_free(v);
        return st;
    }
    *out = v;
    return TD_OK;
}

void td_analysis_free(td_analysis *v)
{
    if (!v)
        return;
    tdp_free(v->text);
    tdp_free(v->para_at);
    tdp_free(v->sents);
    tdp_free(v->dates);
    tdp_free(v->mentions);
    tdp_free(v->quotes);
    tdp_free(v);
}

const char *td_analysis_text(const td_analysis *v, size_t *len)
{
    if (len)
        *len = v ? v->len : 0;
    return v ? v->text : NULL;
}

size_t td_analysis_sentence_count(const td_analysis *v) { return v ? v->n_sents : 0; }

td_span td_analysis_sentence(const td_analysis *v, size_t i)
{
    return v && i < v->n_sents ? v->sents[i] : (td_span){0, 0};
}

size_t td_analysis_date_count(const td_analysis *v) { return v ? v->n_dates : 0; }

const td_date_ref *td_analysis_date(const td_analysis *v, size_t i)
{
    return v && i < v->n_dates ? &v->dates[i] : NULL;
}

size_t td_analysis_mention_count(const td_analysis *v) { return v ? v->n_mentions : 0; }

const td_mention_ref *td_analysis_mention(const td_analysis *v, size_t i)
{
    return v && i < v->n_mentions ? &v->mentions[i] : NULL;
}

size_t td_analysis_quote_count(const td_analysis *v) { return v ? v->n_quotes : 0; }

const td_quote_ref *td_analysis_quote(const td_analysis *v, size_t i)
{
    return v && i < v->n_quotes ? &v->quotes[i] : NULL;
}

/* ---- JSON ---- */

/* Byte offsets to character offsets: cps[b] = code points before byte b, filled
 * for every byte of the text (and its end) in one pass. */
static uint32_t *char_offsets(const char *s, size_t n)
{
    uint32_t *cps = tdp_malloc((n + 1) * sizeof *cps);
    if (!cps)
        return NULL;
    uint32_t c = 0;
    for (size_t b = 0; b <= n; b++) {
        if (b < n && ((unsigned char)s[b] & 0xC0) != 0x80)
            c++;
        cps[b] = b < n && ((unsigned char)s[b] & 0xC0) != 0x80 ? c - 1 : c;
    }
    return cps;
}

static void put_span(tdp_buf *b, const td_analysis *v, const uint32_t *cps, td_span sp)
{
    tdp_buf_puts(b, "\"text\":");
    tdp_buf_json_str(b, v->text + sp.start, sp.end - sp.start);
    tdp_buf_printf(b, ",\"start\":%u,\"end\":%u", cps[sp.start], cps[sp.end]);
}

static const char *const k_tense[] = {"unknown", "past", "present", "future"};
static const char *const k_type[] = {"person", "organisation", "place", "other"};

static void put_date(tdp_buf *b, const char *key, const td_date *d)
{
    char s[40];
    td_date_format(d, s, sizeof s);
    tdp_buf_printf(b, ",\"%s\":", key);
    tdp_buf_json_cstr(b, s[0] ? s : NULL);
}

td_status td_analysis_json(const td_analysis *v, char **out, size_t *len)
{
    if (!out)
        return TD_EARG;
    *out = NULL;
    if (len)
        *len = 0;
    if (!v)
        return TD_EARG;
    uint32_t *cps = char_offsets(v->text, v->len);
    if (!cps)
        return TD_ENOMEM;
    const td_article *a = v->a;
    tdp_buf b = TDP_BUF_INIT;
    tdp_buf_puts(&b, "{\"id\":");
    tdp_buf_json_cstr(&b, td_article_id(a));
    tdp_buf_puts(&b, ",\"title\":");
    tdp_buf_json_cstr(&b, td_article_title(a));
    td_date ad = td_article_date(a);
    put_date(&b, "date", &ad);
    tdp_buf_puts(&b, ",\"language\":");
    tdp_buf_json_cstr(&b, td_article_language(a));
    tdp_buf_puts(&b, ",\"text\":");
    tdp_buf_json_str(&b, v->text, v->len);
    tdp_buf_puts(&b, ",\"sentences\":[");
    for (size_t i = 0; i < v->n_sents; i++) {
        tdp_buf_puts(&b, i ? ",{" : "{");
        put_span(&b, v, cps, v->sents[i]);
        tdp_buf_putc(&b, '}');
    }
    tdp_buf_puts(&b, "],\"dates\":[");
    for (size_t i = 0; i < v->n_dates; i++) {
        const td_date_ref *d = &v->dates[i];
        tdp_buf_puts(&b, i ? ",{" : "{");
        put_span(&b, v, cps, d->span);
        put_date(&b, "value", &d->value);
        if (d->end.prec != TD_DATE_NONE)
            put_date(&b, "last", &d->end);
        tdp_buf_printf(&b, ",\"tense\":\"%s\",\"planned\":%s,\"in_quote\":%s}",
                       k_tense[d->tense & 3], d->planned ? "true" : "false",
                       d->in_quote ? "true" : "false");
    }
    tdp_buf_puts(&b, "],\"mentions\":[");
    for (size_t i = 0; i < v->n_mentions; i++) {
        const td_mention_ref *m = &v->mentions[i];
        tdp_buf_puts(&b, i ? ",{" : "{");
        put_span(&b, v, cps, m->span);
        tdp_buf_printf(&b, ",\"type\":\"%s\",\"entity\":", k_type[m->type & 3]);
        tdp_buf_json_cstr(&b, m->entity);
        tdp_buf_puts(&b, ",\"role\":");
        tdp_buf_json_cstr(&b, m->role);
        tdp_buf_putc(&b, '}');
    }
    tdp_buf_puts(&b, "],\"quotes\":[");
    for (size_t i = 0; i < v->n_quotes; i++) {
        const td_quote_ref *q = &v->quotes[i];
        tdp_buf_puts(&b, i ? ",{" : "{");
        put_span(&b, v, cps, q->span);
        tdp_buf_puts(&b, ",\"speaker\":");
        tdp_buf_json_cstr(&b, q->speaker);
        tdp_buf_puts(&b, ",\"cue\":");
        tdp_buf_json_cstr(&b, q->cue);
        tdp_buf_printf(&b, ",\"partial\":%s}", q->partial ? "true" : "false");
    }
    tdp_buf_puts(&b, "]}");
    tdp_free(cps);
    if (b.err) {
        td_status st = b.err;
        tdp_buf_free(&b);
        return st;
    }
    *out = tdp_buf_detach(&b, len);
    return TD_OK;
}

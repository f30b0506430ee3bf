/* quotes.c - direct quotes and who said them.
 *
 * Quotes are found per paragraph between “…”, „…“, «…» and "…" (a quote left open
 * runs to the paragraph's end, as multi-paragraph quotes do). Not quotes: one or
 * two quoted words (scare quotes: “security guarantees”, and single quotes are not
 * read at all), three words unless a speaker is named in the same sentence, and a
 * short quoted line without a full stop standing alone as a paragraph (a
 * subheading: “Diplomatic Marathon”).
 *
 * The speaker is looked for, in order:
 *   after the quote:  “…,” the Department of State said / “…,” said Peskov / “…,” he said
 *   before it:        Zakharova said: “…” / according to Peskov, are “…”
 *   next to it:       a sentence ending with ':' before, or "He added ..." after.
 * Pronouns and role nouns ("the diplomat") stand for the last person named before
 * the quote.
 *
 * Every look-up is near-linear in the article: sentences and mentions are found by
 * binary search over their positions, the text read after a quote is bounded, and
 * what the sentence after a run of quotes says is read once (an article of 80,000
 * quotes, or of one endless sentence full of them, costs what its size does). */
#include <stdlib.h>

#include "analyse/analyse_p.h"

/* A mention's place: its paragraph, its byte in the paragraph, its index. */
typedef struct mpos {
    uint32_t para, pos, idx;
} mpos;

/* Mentions grouped by entity: type and key, then index. */
typedef struct mkey {
    const char *key;
    uint32_t type, idx;
} mkey;

/* A word of a paragraph: the verb a quote is attributed by. */
typedef struct cue_at {
    uint32_t para, off, len;
} cue_at;

typedef struct qctx {
    td_article *a;
    const tdp_lang *lang;   /* the article's: its speech verbs and role nouns */
    tdp_analysis *an;
    tdp_toklist *tl;
    size_t cap;
    mpos *byp;              /* mentions by paragraph, position and index */
    size_t *person_upto;    /* [r]: the last person among byp[0..r), or SIZE_MAX */
    const char **title_of;  /* [i]: the first title given for mention i's entity */
    size_t last_who;        /* mention that spoke the last quote, or SIZE_MAX */
    cue_at cue;             /* the speech verb the speaker was found by (len 0: none) */
    cue_at last_cue;        /* ... for the last quote */
    cue_at near_cue;        /* ... for near_who */
    uint32_t near_sent;     /* the sentence near_who was read from, or UINT32_MAX */
    size_t near_who;        /* what it says of the speaker (see next_sentence) */
} qctx;

/* A verb form that attributes words ("said", "sagte") in the article's language. */
static bool speech_verb(const qctx *q, const char *f)
{
    return tdp_lang_has(q->lang, TDP_WL_SPEECH, f, strlen(f));
}

/* Notes the speech verb at paragraph p, bytes [off, off + len). */
static void set_cue(qctx *q, uint32_t p, size_t off, uint32_t len)
{
    q->cue = (cue_at){p, (uint32_t)off, len};
}

static bool pronoun(const char *f)
{
    return !strcmp(f, "he") || !strcmp(f, "she");
}

/* A noun naming what a person does ("the spokesman said"). */
static bool role_noun(const qctx *q, const char *f)
{
    return tdp_lang_has(q->lang, TDP_WL_ROLE, f, strlen(f));
}

/* Quote marks. Returns the byte length of an opening mark at s[i] and sets the
 * closing mark it expects; 0 if none. */
static size_t open_mark(const char *s, size_t n, size_t i, const char **close)
{
    unsigned char c = (unsigned char)s[i];
    if (c == '"') {
        /* an ASCII quote opens after a space, an opening bracket or at the start */
        if (i > 0) {
            unsigned char p = (unsigned char)s[i - 1];
            if (!(p == ' ' || p == '(' || p == '[' || p == '\t' || p == ':' || p == '-' ||
                  p == 0xA0 || p == 0x94))
                return 0;
        }
        *close = "\"";
        return 1;
    }
    if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80) {
        unsigned char d = (unsigned char)s[i + 2];
        if (d == 0x9C) { /* “ */
            *close = "\xE2\x80\x9D";
            return 3;
        }
        if (d == 0x9E) { /* „ */
            *close = "\xE2\x80\x9C";
            return 3;
        }
    }
    if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xAB) { /* « */
        *close = "\xC2\xBB";
        return 2;
    }
    return 0;
}

static size_t find_close(const char *s, size_t n, size_t from, const char *close)
{
    size_t cl = strlen(close);
    for (size_t k = from; k + cl <= n; k++) {
        if (!memcmp(s + k, close, cl))
            return k;
        /* „…” is common too */
        if (cl == 3 && close[2] == '\x9C' && k + 3 <= n && !memcmp(s + k, "\xE2\x80\x9D", 3))
            return k;
    }
    return SIZE_MAX;
}

/* Sentence index holding byte `pos` of paragraph p: the last that starts at or
 * before it, else the paragraph's first; UINT32_MAX when p has none. Sentences are
 * in paragraph and offset order. */
static uint32_t sent_at(const tdp_analysis *an, uint32_t p, size_t pos)
{
    size_t lo = 0, hi = an->n_sents;
    while (lo < hi) { /* first sentence of a paragraph >= p */
        size_t mid = lo + (hi - lo) / 2;
        if (an->sents[mid].para < p)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == an->n_sents || an->sents[lo].para != p)
        return UINT32_MAX;
    size_t first = lo;
    hi = an->n_sents;
    while (lo < hi) { /* first sentence after (p, pos) */
        size_t mid = lo + (hi - lo) / 2;
        if (an->sents[mid].para == p && an->sents[mid].off <= pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (uint32_t)(lo > first ? lo - 1 : first);
}

/* Rank in q->byp of the first mention at or after position (p, pos). */
static size_t rank_at(const qctx *q, uint32_t p, size_t pos)
{
    size_t lo = 0, hi = q->an->n_mentions;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const mpos *m = &q->byp[mid];
        if (m->para < p || (m->para == p && m->pos < pos))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

enum { M_NEAREST = 0, M_FIRST_PERSON = 1, M_LAST_PERSON = 2 };

/* A mention of paragraph p in positions [from, to): the last one (M_NEAREST), or
 * the first / last person, falling back on organisations. SIZE_MAX if none. */
static size_t mention_in(const qctx *q, uint32_t p, size_t from, size_t to, int mode)
{
    size_t best = SIZE_MAX, best_other = SIZE_MAX;
    for (size_t r = rank_at(q, p, from); r < q->an->n_mentions; r++) {
        if (q->byp[r].para != p || q->byp[r].pos >= to)
            break;
        size_t i = q->byp[r].idx;
        const tdp_mention *m = &q->an->mentions[i];
        if (m->type == TDP_ENT_PLACE)
            continue;
        if (mode == M_NEAREST) {
            best = i;
        } else if (m->type == TDP_ENT_PERSON) {
            if (mode == M_LAST_PERSON || best == SIZE_MAX)
                best = i;
        } else if (mode == M_LAST_PERSON || best_other == SIZE_MAX) {
            best_other = i;
        }
    }
    return best != SIZE_MAX ? best : best_other;
}

/* The last person named before paragraph position (p, pos). */
static size_t last_person(const qctx *q, uint32_t p, size_t pos)
{
    return q->person_upto[rank_at(q, p, pos)];
}

/* The text read after a quote for its attribution: enough for the ten words
 * speaker_after looks at and the five after them, however long the sentence. */
#define AFTER_BYTES 1024

/* Looks at text[from..to) of paragraph p after a quote: ", the ministry said". */
static size_t speaker_after(qctx *q, uint32_t p, const char *t, size_t from, size_t to,
                            size_t qopen)
{
    tdp_toklist *tl = q->tl;
    tdp_toklist_reset(tl);
    if (to > from + AFTER_BYTES) { /* cut at a space, or at least between characters */
        size_t cut = from + AFTER_BYTES;
        while (cut < to && cut < from + 2 * AFTER_BYTES && t[cut] != ' ')
            cut++;
        while (cut < to && ((unsigned char)t[cut] & 0xC0) == 0x80)
            cut--;
        to = cut;
    }
    if (to <= from || tdp_toklist_add(tl, t + from, to - from))
        return SIZE_MAX;
    /* only a short attribution right after the quote */
    for (size_t i = 0; i < tl->n && i < 10; i++) {
        const char *f = tdp_toklist_fold(tl, i);
        if (!speech_verb(q, f))
            continue;
        size_t vpos = from + tl->toks[i].off;
        set_cue(q, p, vpos, tl->toks[i].len);
        if (i == 0 || (i == 1 && !strcmp(tdp_toklist_fold(tl, 0), "he")) == false) {
            /* "..., said Peskov": verb first */
            if (i == 0) {
                size_t end = i + 5 < tl->n ? from + tl->toks[i + 5].off : to;
                size_t m = mention_in(q, p, vpos, end, M_FIRST_PERSON);
                if (m != SIZE_MAX)
                    return m;
                if (i + 1 < tl->n && pronoun(tdp_toklist_fold(tl, i + 1)))
                    return last_person(q, p, qopen);
                return SIZE_MAX;
            }
        }
        size_t m = mention_in(q, p, from, vpos, M_NEAREST);
        if (m != SIZE_MAX)
            return m;
        for (size_t k = 0; k < i; k++) {
            const char *g = tdp_toklist_fold(tl, k);
            if (pronoun(g) || role_noun(q, g))
                return last_person(q, p, qopen);
        }
        return SIZE_MAX;
    }
    return SIZE_MAX;
}

/* Looks at text[from..to) before a quote in its sentence: "Zakharova said: ". */
static size_t speaker_before(qctx *q, uint32_t p, const char *t, size_t from, size_t to,
                             size_t qopen)
{
    tdp_toklist *tl = q->tl;
    tdp_toklist_reset(tl);
    if (to <= from || tdp_toklist_add(tl, t + from, to - from))
        return SIZE_MAX;
    for (size_t i = tl->n; i-- > 0;) {
        const char *f = tdp_toklist_fold(tl, i);
        if (!speech_verb(q, f))
            continue;
        size_t vpos = from + tl->toks[i].off;
        set_cue(q, p, vpos, tl->toks[i].len);
        if (!strcmp(f, "according")) {
            /* "according to Kremlin spokesman Dmitry Peskov, are “…”" */
            size_t m = mention_in(q, p, vpos, to, M_FIRST_PERSON);
            if (m != SIZE_MAX)
                return m;
            continue;
        }
        size_t m = mention_in(q, p, from, vpos, M_NEAREST);
        if (m != SIZE_MAX)
            return m;
        for (size_t k = i; k-- > 0 && k + 4 > i;) {
            const char *g = tdp_toklist_fold(tl, k);
            if (pronoun(g) || role_noun(q, g))
                return last_person(q, p, qopen);
        }
        /* "said X" before the quote */
        return mention_in(q, p, vpos, to, M_FIRST_PERSON);
    }
    /* "Peskov: “…”" */
    size_t k = to;
    while (k > from && (t[k - 1] == ' '))
        k--;
    if (k > from && t[k - 1] == ':')
        return mention_in(q, p, from, k, M_NEAREST);
    return SIZE_MAX;
}

#define NEAR_PRONOUN (SIZE_MAX - 1)

/* What sentence s says of who spoke the quotes before it: a mention, NEAR_PRONOUN
 * ("He added"), or SIZE_MAX. Read once for a run of quotes that it follows. */
static size_t next_sentence(qctx *q, uint32_t s)
{
    if (q->near_sent == s) {
        q->cue = q->near_cue;
        return q->near_who;
    }
    q->cue.len = 0;
    const tdp_sentence *next = &q->an->sents[s];
    size_t who = SIZE_MAX;
    tdp_toklist *tl = q->tl;
    tdp_toklist_reset(tl);
    if (tdp_toklist_add(tl, next->text, next->len))
        return SIZE_MAX;
    for (size_t i = 0; i < tl->n && i < 4; i++) {
        const char *f = tdp_toklist_fold(tl, i);
        if (!speech_verb(q, f))
            continue;
        set_cue(q, next->para, next->off + tl->toks[i].off, tl->toks[i].len);
        if (i > 0 && pronoun(tdp_toklist_fold(tl, 0))) {
            who = NEAR_PRONOUN;
            break;
        }
        who = mention_in(q, next->para, next->off, next->off + tl->toks[i].off, M_NEAREST);
        if (who != SIZE_MAX)
            break;
        /* "This was announced ... by X" */
        for (size_t k = i + 1; k < tl->n; k++)
            if (!strcmp(tdp_toklist_fold(tl, k), "by")) {
                who = mention_in(q, next->para, next->off + tl->toks[k].off,
                                 next->off + next->len, M_FIRST_PERSON);
                break;
            }
        break;
    }
    q->near_sent = s;
    q->near_who = who;
    if (who == SIZE_MAX)
        q->cue.len = 0;
    q->near_cue = q->cue;
    return who;
}

/* A neighbouring sentence names the speaker: "... said:" before, or "He added"
 * / "This was announced by ..." after. */
static size_t speaker_near(qctx *q, uint32_t s_first, uint32_t s_last, size_t qopen,
                           uint32_t p)
{
    const tdp_analysis *an = q->an;
    if (s_first > 0) {
        const tdp_sentence *prev = &an->sents[s_first - 1];
        size_t l = prev->len;
        while (l && prev->text[l - 1] == ' ')
            l--;
        if (l && prev->text[l - 1] == ':') {
            size_t m = mention_in(q, prev->para, prev->off, prev->off + l, M_NEAREST);
            if (m != SIZE_MAX)
                return m;
        }
    }
    if (s_last + 1 < an->n_sents) {
        size_t who = next_sentence(q, s_last + 1);
        return who == NEAR_PRONOUN ? last_person(q, p, qopen) : who;
    }
    return SIZE_MAX;
}

static size_t count_words(tdp_toklist *tl, const char *s, size_t n)
{
    tdp_toklist_reset(tl);
    if (tdp_toklist_add(tl, s, n))
        return 0;
    return tl->n;
}

static bool letter(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0xC3;
}

static td_status add_quote(qctx *q, uint32_t p, const char *t, size_t cs, size_t ce,
                           size_t qopen, size_t qclose_end, size_t words, size_t prev_end,
                           bool alone)
{
    tdp_analysis *an = q->an;
    /* trim white space and a trailing comma */
    while (cs < ce && (t[cs] == ' '))
        cs++;
    while (ce > cs && (t[ce - 1] == ' ' || t[ce - 1] == ','))
        ce--;
    if (ce <= cs)
        return TD_OK;
    uint32_t s_first = sent_at(an, p, qopen);
    uint32_t s_last = sent_at(an, p, qclose_end ? qclose_end - 1 : qopen);
    if (s_first == UINT32_MAX)
        return TD_OK;
    const tdp_sentence *sf = &an->sents[s_first], *sl = &an->sents[s_last];
    size_t sl_end = sl->off + sl->len;
    size_t who = SIZE_MAX;
    bool same_sentence = false;
    q->cue.len = 0;
    if (qclose_end && qclose_end < sl_end)
        who = speaker_after(q, p, t, qclose_end, sl_end, qopen);
    size_t bfrom = sf->off > prev_end ? sf->off : prev_end;
    if (who == SIZE_MAX && qopen > bfrom) {
        q->cue.len = 0;
        who = speaker_before(q, p, t, bfrom, qopen, qopen);
    }
    same_sentence = who != SIZE_MAX;
    if (who == SIZE_MAX) {
        q->cue.len = 0;
        who = speaker_near(q, s_first, s_last, qopen, p);
    }
    if (who == SIZE_MAX)
        q->cue.len = 0;
    if (words <= 3 && !same_sentence)
        return TD_OK; /* a scare quote or a catchword */
    /* A quote that goes on in the same paragraph, or fills the paragraph after
     * one, keeps its speaker. */
    if (who == SIZE_MAX && an->n_quotes && q->last_who != SIZE_MAX &&
        (an->quotes[an->n_quotes - 1].para == p ||
         (alone && an->quotes[an->n_quotes - 1].para + 1 == p))) {
        who = q->last_who;
        q->cue = q->last_cue;
    }
    /* A quote standing alone after a sentence about someone: that person. */
    if (who == SIZE_MAX && alone && s_first > 0) {
        const tdp_sentence *prev = &an->sents[s_first - 1];
        uint32_t po = an->sents[s_first - 1].off;
        size_t m = mention_in(q, prev->para, po, po + prev->len, M_FIRST_PERSON);
        if (m != SIZE_MAX && an->mentions[m].type == TDP_ENT_PERSON)
            who = m;
    }
    q->last_who = who;
    q->last_cue = q->cue;
    if (TDP_GROW(an->quotes, q->cap, an->n_quotes + 1))
        return TD_ENOMEM;
    const char *text = tdp_article_str(q->a, t + cs, ce - cs);
    if (!text)
        return TD_ENOMEM;
    tdp_quote *qu = &an->quotes[an->n_quotes++];
    memset(qu, 0, sizeof *qu);
    qu->text = text;
    qu->len = (uint32_t)(ce - cs);
    qu->sent = s_first;
    qu->para = p;
    unsigned char c0 = (unsigned char)text[0];
    qu->partial = (c0 >= 'a' && c0 <= 'z') || (qopen > sf->off && c0 < 0x80 &&
                                               !(c0 >= 'A' && c0 <= 'Z'));
    if (who != SIZE_MAX) {
        const tdp_mention *m = &an->mentions[who];
        qu->speaker = m->name;
        qu->speaker_key = m->key;
        qu->speaker_type = m->type;
        /* else a title given elsewhere in the article for the same person */
        qu->speaker_title = m->title ? m->title : q->title_of[who];
        if (q->cue.len) {
            const tdp_para *cp = &q->a->paras[q->cue.para];
            qu->cue = tdp_article_str(q->a, cp->text + q->cue.off, q->cue.len);
            if (!qu->cue)
                return TD_ENOMEM;
        }
    }
    return TD_OK;
}

static td_status paragraph(qctx *q, uint32_t p)
{
    const tdp_para *para = &q->a->paras[p];
    const char *t = para->text;
    size_t n = para->len;
    size_t i = 0, prev_end = 0;
    /* the first and last letters of the paragraph: is a quote alone in it? */
    size_t first_letter = n, last_letter = 0;
    for (size_t k = 0; k < n; k++)
        if (letter((unsigned char)t[k])) {
            if (first_letter == n)
                first_letter = k;
            last_letter = k + 1;
        }
    while (i < n) {
        const char *close;
        size_t ol = open_mark(t, n, i, &close);
        if (!ol) {
            i++;
            continue;
        }
        size_t cs = i + ol;
        size_t ce = find_close(t, n, cs, close);
        size_t after = ce == SIZE_MAX ? n : ce + strlen(close);
        if (ce == SIZE_MAX)
            ce = n;
        size_t words = count_words(q->tl, t + cs, ce - cs);
        bool alone = first_letter >= i && last_letter <= after;
        bool sentence_end = false;
        for (size_t k = cs; k < ce; k++)
            if (t[k] == '.' || t[k] == '!' || t[k] == '?')
                sentence_end = true;
        bool heading = para->kind == TD_PARA_HEADING ||
                       (alone && !sentence_end && words <= 10);
        if (words >= 3 && !heading) {
            td_status st = add_quote(q, p, t, cs, ce, i, ce < n ? after : 0, words,
                                     prev_end, alone);
            if (st)
                return st;
        }
        prev_end = after;
        i = after > i ? after : i + 1;
    }
    return TD_OK;
}

static int cmp_mpos(const void *x, const void *y)
{
    const mpos *a = x, *b = y;
    if (a->para != b->para)
        return a->para < b->para ? -1 : 1;
    if (a->pos != b->pos)
        return a->pos < b->pos ? -1 : 1;
    return a->idx < b->idx ? -1 : a->idx > b->idx;
}

static int cmp_mkey(const void *x, const void *y)
{
    const mkey *a = x, *b = y;
    if (a->type != b->type)
        return a->type < b->type ? -1 : 1;
    int c = strcmp(a->key, b->key);
    if (c)
        return c;
    return a->idx < b->idx ? -1 : a->idx > b->idx;
}

/* The indexes of the mentions: by position, the last person up to each, and the
 * first title each entity is given. */
static td_status index_mentions(qctx *q)
{
    const tdp_analysis *an = q->an;
    size_t nm = an->n_mentions;
    q->byp = tdp_malloc((nm ? nm : 1) * sizeof *q->byp);
    q->person_upto = tdp_malloc((nm + 1) * sizeof *q->person_upto);
    q->title_of = tdp_malloc((nm ? nm : 1) * sizeof *q->title_of);
    mkey *keys = tdp_malloc((nm ? nm : 1) * sizeof *keys);
    if (!q->byp || !q->person_upto || !q->title_of || !keys) {
        tdp_free(keys);
        return TD_ENOMEM;
    }
    for (size_t i = 0; i < nm; i++) {
        const tdp_sentence *s = &an->sents[an->mentions[i].sent];
        q->byp[i] = (mpos){s->para, s->off + an->mentions[i].off, (uint32_t)i};
        keys[i] = (mkey){an->mentions[i].key, an->mentions[i].type, (uint32_t)i};
    }
    qsort(q->byp, nm, sizeof *q->byp, cmp_mpos);
    q->person_upto[0] = SIZE_MAX;
    for (size_t r = 0; r < nm; r++) {
        size_t i = q->byp[r].idx;
        q->person_upto[r + 1] = an->mentions[i].type == TDP_ENT_PERSON ? i
                                                                      : q->person_upto[r];
    }
    qsort(keys, nm, sizeof *keys, cmp_mkey);
    for (size_t g = 0; g < nm;) {
        size_t e = g;
        const char *title = NULL;
        while (e < nm && keys[e].type == keys[g].type && !strcmp(keys[e].key, keys[g].key)) {
            if (!title)
                title = an->mentions[keys[e].idx].title;
            e++;
        }
        for (size_t k = g; k < e; k++)
            q->title_of[keys[k].idx] = title;
        g = e;
    }
    tdp_free(keys);
    return TD_OK;
}

td_status tdp_find_quotes(td_article *a, tdp_analysis *an, tdp_toklist *tl)
{
    qctx q;
    memset(&q, 0, sizeof q);
    q.a = a;
    q.lang = tdp_lang_get(a->language);
    q.an = an;
    q.tl = tl;
    q.last_who = SIZE_MAX;
    q.near_sent = UINT32_MAX;
    td_status st = index_mentions(&q);
    for (uint32_t p = 0; !st && p < a->n_paras; p++)
        st = paragraph(&q, p);
    tdp_free(q.byp);
    tdp_free(q.person_upto);
    tdp_free(q.title_of);
    return st;
}

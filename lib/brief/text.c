/*
 * text.c - the brief's text helpers: content-word sets for similarity (the language
 * layer's tokens, stop words out, stemmed), set measures, a fallback sentence splitter, site
 * suffixes out of titles, and source lists.
 *
 * The word sets are what every merge of the brief compares: summary sentences
 * with their near-identical copies, quotes across outlets, timeline events. Hashes
 * (64-bit) stand for words; a collision costs at most a spurious shared word.
 */
#include <stdlib.h>
#include <xxhash.h>

#include "brief/brief_p.h"
#include "lang/lang.h"
#include "lang/sentence.h"

#define MAX_STEMMERS 8

struct tdp_btok {
    struct {
        const tdp_lang *lang;
        tdp_stemmer *st;           /* NULL: none could be made */
    } stemmers[MAX_STEMMERS];
    int n_stemmers;
    bool skip_numbers;             /* numbers are left out */
    uint64_t *tmp;
    size_t tmp_cap;
};

static uint64_t hash_word(const char *s, size_t n)
{
    uint64_t h = XXH3_64bits(s, n);
    return h ? h : 1;
}

tdp_btok *tdp_btok_new(void)
{
    return tdp_calloc(1, sizeof(tdp_btok));
}

void tdp_btok_free(tdp_btok *t)
{
    if (!t)
        return;
    for (int i = 0; i < t->n_stemmers; i++)
        tdp_stemmer_free(t->stemmers[i].st);
    tdp_free(t->tmp);
    tdp_free(t);
}

/* The stemmer of a language, made on first use; NULL when none could be made
 * (words are then compared unstemmed). */
static tdp_stemmer *stemmer(tdp_btok *t, const tdp_lang *lang)
{
    for (int i = 0; i < t->n_stemmers; i++)
        if (t->stemmers[i].lang == lang)
            return t->stemmers[i].st;
    tdp_stemmer *st = tdp_stemmer_new(lang->code);
    if (t->n_stemmers < MAX_STEMMERS) {
        t->stemmers[t->n_stemmers].lang = lang;
        t->stemmers[t->n_stemmers].st = st;
        t->n_stemmers++;
    } else {
        tdp_stemmer_free(st);
        st = NULL;
    }
    return st;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

void tdp_btok_skip_numbers(tdp_btok *t, bool skip)
{
    t->skip_numbers = skip;
}

/* The words of the one tokenizer with apostrophes as separators ("Russia's" and
 * "Russia" share "russia"; the "s" is a stop word). */
td_status tdp_btok_set(tdp_btok *t, tdp_arena *arena, const char *s, size_t n,
                       const char *lang, uint64_t **set, uint32_t *n_set,
                       uint32_t *n_words)
{
    const tdp_lang *l = tdp_lang_get(lang);
    tdp_stemmer *st = stemmer(t, l);
    size_t cnt = 0, words = 0, pos = 0;
    tdp_token tk;
    while (tdp_token_next_opt(s, n, &pos, &tk, TDP_TOKOPT_APOS_SPLITS)) {
        words++;
        if (tdp_lang_has(l, TDP_WL_STOP, tk.fold, tk.flen) ||
            (t->skip_numbers && (tk.flags & TDP_TOK_NUMERIC)))
            continue;
        size_t wl;
        const char *w = tdp_stem(st, tk.fold, tk.flen, &wl);
        if (TDP_GROW(t->tmp, t->tmp_cap, cnt + 1))
            return TD_ENOMEM;
        t->tmp[cnt++] = hash_word(w, wl);
    }
    tdp_sort(t->tmp, cnt, sizeof *t->tmp, cmp_u64);
    size_t u = 0;
    for (size_t k = 0; k < cnt; k++)
        if (!u || t->tmp[u - 1] != t->tmp[k])
            t->tmp[u++] = t->tmp[k];
    uint64_t *out = tdp_arena_alloc(arena, (u ? u : 1) * sizeof *out);
    if (!out)
        return TD_ENOMEM;
    if (u)
        memcpy(out, t->tmp, u * sizeof *out);
    *set = out;
    *n_set = (uint32_t)u;
    if (n_words)
        *n_words = (uint32_t)words;
    return TD_OK;
}

uint32_t tdp_set_common(const uint64_t *a, uint32_t na, const uint64_t *b, uint32_t nb)
{
    return (uint32_t)tdp_set_intersection(a, na, b, nb);
}

double tdp_set_jaccard(const uint64_t *a, uint32_t na, const uint64_t *b, uint32_t nb)
{
    if (!na || !nb)
        return 0;
    uint32_t c = tdp_set_common(a, na, b, nb);
    return (double)c / (double)(na + nb - c);
}

double tdp_set_overlap(const uint64_t *a, uint32_t na, const uint64_t *b, uint32_t nb)
{
    if (!na || !nb)
        return 0;
    uint32_t c = tdp_set_common(a, na, b, nb);
    return (double)c / (double)(na < nb ? na : nb);
}

uint32_t tdp_word_count(const char *s, size_t n)
{
    uint32_t w = 0;
    bool in = false;
    for (size_t i = 0; i < n; i++) {
        bool sp = s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r';
        if (!sp && !in)
            w++;
        in = !sp;
    }
    return w;
}

int tdp_brief_split(const char *s, size_t n, tdp_bspan_fn fn, void *ctx)
{
    size_t pos = 0, b, e;
    while (tdp_sentence_next(s, n, &pos, &b, &e)) {
        int r = fn(ctx, b, e - b);
        if (r)
            return r;
    }
    return 0;
}

size_t tdp_clean_title(const char *s, size_t n)
{
    /* Everything after a " | " is the site's: pipes are not used in headlines. */
    for (size_t i = 0; i + 2 < n; i++)
        if (s[i] == ' ' && s[i + 1] == '|' && s[i + 2] == ' ') {
            n = i;
            break;
        }
    /* A short trailing " - Site", " – Site", " — Site" (at most four words). */
    for (size_t i = n; i-- > 0;) {
        size_t sep = 0;
        if (s[i] == '-' && i > 0 && s[i - 1] == ' ' && i + 1 < n && s[i + 1] == ' ')
            sep = 1;
        else if (i + 2 < n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
                 ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94) &&
                 i > 0 && s[i - 1] == ' ' && i + 3 < n && s[i + 3] == ' ')
            sep = 3;
        if (!sep)
            continue;
        size_t tail = i + sep + 1;
        uint32_t tw = tdp_word_count(s + tail, n - tail);
        uint32_t hw = tdp_word_count(s, i);
        unsigned char t0 = tail < n ? (unsigned char)s[tail] : 0;
        if (tw <= 4 && hw >= 3 && ((t0 >= 'A' && t0 <= 'Z') || t0 >= 0xC3 ||
                                  (t0 >= '0' && t0 <= '9')))
            n = i - 1;
        break;
    }
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    return n;
}

td_status tdp_srcacc_add(tdp_srcacc *s, uint32_t id)
{
    /* Items are mostly collected in article order: only the last id is checked here,
     * the rest of the duplicates go in tdp_srcs_make. */
    if (s->n && s->ids[s->n - 1] == id)
        return TD_OK;
    size_t cap = s->cap;
    if (cap >= UINT32_MAX / 2 || TDP_GROW(s->ids, cap, (size_t)s->n + 1))
        return TD_ENOMEM;
    s->cap = (uint32_t)cap;
    s->ids[s->n++] = id;
    return TD_OK;
}

void tdp_srcacc_free(tdp_srcacc *s)
{
    tdp_free(s->ids);
    s->ids = NULL;
    s->n = s->cap = 0;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

td_status tdp_srcs_make(tdp_arena *arena, const tdp_srcacc *acc, const int32_t *copy_of,
                        tdp_srcs *out)
{
    uint32_t n = acc->n;
    uint32_t *ids = tdp_arena_alloc(arena, (n ? n : 1) * sizeof *ids);
    uint32_t *canon = tdp_malloc((n ? n : 1) * sizeof *canon);
    if (!ids || !canon) {
        tdp_free(canon);
        return TD_ENOMEM;
    }
    if (n)
        memcpy(ids, acc->ids, n * sizeof *ids);
    tdp_sort(ids, n, sizeof *ids, cmp_u32);
    uint32_t u = 0;
    for (uint32_t i = 0; i < n; i++)
        if (!u || ids[u - 1] != ids[i])
            ids[u++] = ids[i];
    /* Independent sources: distinct canonical articles (a copy stands for its
     * canonical, listed or not). */
    for (uint32_t i = 0; i < u; i++)
        canon[i] = copy_of[ids[i]] < 0 ? ids[i] : (uint32_t)copy_of[ids[i]];
    tdp_sort(canon, u, sizeof *canon, cmp_u32);
    uint32_t indep = 0;
    for (uint32_t i = 0; i < u; i++)
        if (!i || canon[i] != canon[i - 1])
            indep++;
    tdp_free(canon);
    out->ids = ids;
    out->n = u;
    out->n_indep = indep;
    return TD_OK;
}

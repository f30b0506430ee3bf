/*
 * text.c - the brief's text helpers: content-word sets for similarity (case-folded,
 * stop words out, stemmed), set measures, a fallback sentence splitter, site
 * suffixes out of titles, and source lists.
 *
 * The word sets are what every merge of the brief compares: summary sentences
 * with their near-identical copies, quotes across outlets, timeline events. Hashes
 * (64-bit) stand for words; a collision costs at most a spurious shared word.
 */
#include <libstemmer.h>
#include <stdlib.h>
#include <utf8proc.h>
#include <xxhash.h>

#include "brief/brief_p.h"
#include "lang/sentence.h"

/* Short stop-word lists (English first; a few frequent words of German, French,
 * Spanish, Italian and Portuguese so that mixed corpora are not dominated by them). */
static const char *const k_stop[] = {
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an",
    "and", "any", "are", "as", "at", "be", "because", "been", "before", "being",
    "below", "between", "both", "but", "by", "can", "could", "did", "do", "does",
    "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has",
    "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his",
    "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more",
    "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once",
    "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same",
    "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs",
    "them", "themselves", "then", "there", "these", "they", "this", "those", "through",
    "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when",
    "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you",
    "your", "yours", "said", "says", "say", "s", "t", "also", "would", "may", "might",
    "must", "shall", "one", "two", "three", "mr", "mrs", "ms", "per", "via", "upon",
    "der", "die", "das", "und", "den", "dem", "des", "ein", "eine", "ist", "nicht",
    "mit", "von", "zu", "auf", "für", "im", "sich", "auch", "le", "la", "les", "de",
    "du", "des", "un", "une", "et", "est", "en", "au", "aux", "pour", "dans", "par",
    "sur", "qui", "que", "el", "los", "las", "del", "y", "es", "por", "con", "para",
    "il", "di", "che", "e", "da", "o", "os", "do", "da", "em", "um", "uma",
};

#define STOP_BITS 10
#define STOP_SIZE (1u << STOP_BITS)
#define MAX_STEMMERS 8

struct tdp_btok {
    uint64_t stop[STOP_SIZE];      /* open addressing; 0 = empty */
    struct {
        char lang[8];
        struct sb_stemmer *st;     /* NULL: no stemmer for this language */
    } stemmers[MAX_STEMMERS];
    int n_stemmers;
    bool skip_numbers;             /* words of digits only are left out */
    tdp_buf word;
    uint64_t *tmp;
    size_t tmp_cap;
};

static uint64_t hash_word(const char *s, size_t n)
{
    uint64_t h = XXH3_64bits(s, n);
    return h ? h : 1;
}

static void stop_add(tdp_btok *t, uint64_t h)
{
    size_t i = (size_t)(h >> (64 - STOP_BITS));
    while (t->stop[i] && t->stop[i] != h)
        i = (i + 1) & (STOP_SIZE - 1);
    t->stop[i] = h;
}

static bool stop_has(const tdp_btok *t, uint64_t h)
{
    size_t i = (size_t)(h >> (64 - STOP_BITS));
    while (t->stop[i]) {
        if (t->stop[i] == h)
            return true;
        i = (i + 1) & (STOP_SIZE - 1);
    }
    return false;
}

tdp_btok *tdp_btok_new(void)
{
    tdp_btok *t = tdp_calloc(1, sizeof *t);
    if (!t)
        return NULL;
    for (size_t i = 0; i < sizeof k_stop / sizeof k_stop[0]; i++)
        stop_add(t, hash_word(k_stop[i], strlen(k_stop[i])));
    return t;
}

void tdp_btok_free(tdp_btok *t)
{
    if (!t)
        return;
    for (int i = 0; i < t->n_stemmers; i++)
        if (t->stemmers[i].st)
            sb_stemmer_delete(t->stemmers[i].st);
    tdp_buf_free(&t->word);
    tdp_free(t->tmp);
    tdp_free(t);
}

/* The stemmer of a language (two-letter code or name); NULL when none. */
static struct sb_stemmer *stemmer(tdp_btok *t, const char *lang)
{
    char code[8];
    size_t n = 0;
    if (!lang || !*lang)
        lang = "en";
    while (lang[n] && n < sizeof code - 1 && lang[n] != '-' && lang[n] != '_') {
        char c = lang[n];
        code[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    code[n] = '\0';
    for (int i = 0; i < t->n_stemmers; i++)
        if (!strcmp(t->stemmers[i].lang, code))
            return t->stemmers[i].st;
    struct sb_stemmer *st = sb_stemmer_new(code, "UTF_8");
    if (t->n_stemmers < MAX_STEMMERS) {
        memcpy(t->stemmers[t->n_stemmers].lang, code, n + 1);
        t->stemmers[t->n_stemmers].st = st;
        t->n_stemmers++;
    } else if (st) {
        sb_stemmer_delete(st);
        st = NULL;
    }
    return st;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static bool is_word_cp(int32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
               (cp >= '0' && cp <= '9');
    utf8proc_category_t c = utf8proc_category(cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
           (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME) ||
           (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
}

void tdp_btok_skip_numbers(tdp_btok *t, bool skip)
{
    t->skip_numbers = skip;
}

static bool all_digits(const char *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (w[i] < '0' || w[i] > '9')
            return false;
    return true;
}

td_status tdp_btok_set(tdp_btok *t, tdp_arena *arena, const char *s, size_t n,
                       const char *lang, uint64_t **set, uint32_t *n_set,
                       uint32_t *n_words)
{
    struct sb_stemmer *st = stemmer(t, lang);
    size_t cnt = 0, words = 0, i = 0;
    while (i <= n) {
        size_t adv = 1;
        int32_t cp = i < n ? tdp_utf8_decode(s + i, n - i, &adv) : -1;
        /* An apostrophe inside a word ("Russia's") ends it: the suffix is dropped. */
        bool in = cp >= 0 && is_word_cp(cp);
        if (in) {
            char enc[4];
            size_t k = tdp_utf8_encode(utf8proc_tolower(cp), enc);
            tdp_buf_put(&t->word, enc, k);
        }
        if ((!in || i + adv > n) && t->word.len) {
            if (t->word.err)
                return TD_ENOMEM;
            words++;
            const char *w = t->word.data;
            size_t wl = t->word.len;
            if (!stop_has(t, hash_word(w, wl)) && !(t->skip_numbers && all_digits(w, wl))) {
                if (st) {
                    const sb_symbol *o = sb_stemmer_stem(st, (const sb_symbol *)w, (int)wl);
                    if (o) {
                        w = (const char *)o;
                        wl = (size_t)sb_stemmer_length(st);
                    }
                }
                if (TDP_GROW(t->tmp, t->tmp_cap, cnt + 1))
                    return TD_ENOMEM;
                t->tmp[cnt++] = hash_word(w, wl);
            }
            tdp_buf_reset(&t->word);
        }
        i += adv;
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
    uint32_t i = 0, j = 0, c = 0;
    while (i < na && j < nb) {
        if (a[i] < b[j])
            i++;
        else if (a[i] > b[j])
            j++;
        else {
            c++;
            i++;
            j++;
        }
    }
    return c;
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

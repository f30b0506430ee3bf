/* words.c - the registry of languages (generated from the words_<code>.c files),
 * look-ups in their word lists, and language detection by function words. */
#include <pthread.h>

#include "core/hmap.h"
#include "lang/lang.h"

/* Each data file defines tdp_lang_<code>() (a function, not a variable: nothing
 * but functions leaves the library's objects). */
#define TDP_LANG(code) const tdp_lang *tdp_lang_##code(void);
#include "lang/lang_list.h"
#undef TDP_LANG

static const tdp_lang *(*const k_data[])(void) = {
#define TDP_LANG(code) tdp_lang_##code,
#include "lang/lang_list.h"
#undef TDP_LANG
};
#define N_LANGS (sizeof k_data / sizeof k_data[0])

static const tdp_lang *k_langs[N_LANGS]; /* filled once by build() */
static const tdp_lang *g_en;

static pthread_once_t g_once = PTHREAD_ONCE_INIT;
static void build(void);

size_t tdp_lang_count(void) { return N_LANGS; }

const tdp_lang *tdp_lang_at(size_t i)
{
    pthread_once(&g_once, build);
    return i < N_LANGS ? k_langs[i] : NULL;
}

const tdp_lang *tdp_lang_get(const char *code)
{
    pthread_once(&g_once, build);
    if (!code || !*code || (code[0] == 'e' && code[1] == 'n' && !code[2]))
        return g_en;
    for (size_t i = 0; i < N_LANGS; i++) {
        const tdp_lang *l = k_langs[i];
        size_t cl = strlen(l->code);
        /* "de", "de-AT", "de_CH" or the Snowball name */
        if ((!strncmp(code, l->code, cl) &&
             (!code[cl] || code[cl] == '-' || code[cl] == '_')) ||
            (l->snowball && !strcmp(code, l->snowball)))
            return l;
    }
    return g_en;
}

/* ---- one table over every list of every language ---- */

/* Per word: for each kind of list, the languages (bit = registry index) having it. */
typedef struct word_langs {
    uint16_t langs[TDP_WL_N_];
} word_langs;
_Static_assert(sizeof(((word_langs *)0)->langs[0]) * 8 >= N_LANGS,
               "a bit per language in word_langs");

/* Room for 4096 words at half load; the lists hold about 2,400 (test_lang checks
 * that every word went in). */
#define TABLE_BYTES ((8192 + 1) * (8 + sizeof(word_langs)))
static uint64_t g_buf[TABLE_BYTES / 8 + 1];
static tdp_hmap g_words;
static bool g_full;      /* a word did not fit (test_lang fails on it) */

static void build(void)
{
    for (size_t l = 0; l < N_LANGS; l++)
        k_langs[l] = k_data[l]();
    g_en = tdp_lang_en();
    tdp_hmap_init_fixed(&g_words, sizeof(word_langs), 50, g_buf, sizeof g_buf);
    const char *w;
    for (size_t l = 0; l < N_LANGS; l++)
        for (int k = 0; k < TDP_WL_N_; k++)
            for (size_t pos = 0, n; tdp_wordlist_next(k_langs[l], k, &pos, &w, &n);) {
                void *v;
                if (tdp_hmap_put(&g_words, tdp_hash(w, n), &v, NULL)) {
                    g_full = true;
                    return;
                }
                ((word_langs *)v)->langs[k] |= (uint16_t)(1u << l);
            }
}

bool tdp_wordlist_next(const tdp_lang *l, tdp_wordkind kind, size_t *pos, const char **w,
                       size_t *n)
{
    const char *s = l && (unsigned)kind < TDP_WL_N_ ? l->list[kind] : NULL;
    if (!s || !s[*pos])
        return false;
    char sep = kind >= TDP_WL_CHROME ? '|' : ' ';
    const char *b = s + *pos, *e = strchr(b, sep);
    if (!e)
        e = b + strlen(b);
    *w = b;
    *n = (size_t)(e - b);
    *pos = (size_t)(e - s) + (*e != '\0');
    return true;
}

static size_t index_of(const tdp_lang *l)
{
    for (size_t i = 0; i < N_LANGS; i++)
        if (k_langs[i] == l)
            return i;
    return N_LANGS;
}

bool tdp_lang_has(const tdp_lang *l, tdp_wordkind kind, const char *w, size_t n)
{
    if (!n || (unsigned)kind >= TDP_WL_N_)
        return false;
    pthread_once(&g_once, build);
    size_t li = index_of(l);
    if (li == N_LANGS)
        return false;
    const word_langs *v = tdp_hmap_get(&g_words, tdp_hash(w, n));
    return v && (v->langs[kind] >> li & 1u);
}

bool tdp_lang_any(tdp_wordkind kind, const char *w, size_t n)
{
    if (!n || (unsigned)kind >= TDP_WL_N_)
        return false;
    pthread_once(&g_once, build);
    const word_langs *v = tdp_hmap_get(&g_words, tdp_hash(w, n));
    return v && v->langs[kind];
}

bool tdp_lang_table_complete(void)
{
    pthread_once(&g_once, build);
    return !g_full;
}

bool tdp_is_stop(const char *lang, const char *w, size_t n)
{
    return tdp_lang_has(tdp_lang_get(lang), TDP_WL_STOP, w, n);
}

/* Counts the words of each language's detection list among the first 400 words;
 * English wins ties. */
const char *tdp_lang_detect(const char *s, size_t n)
{
    unsigned score[N_LANGS] = {0};
    size_t words = 0, pos = 0, en = 0;
    tdp_token t;
    pthread_once(&g_once, build);
    for (size_t l = 0; l < N_LANGS; l++)
        if (k_langs[l] == g_en)
            en = l;
    while (words < 400 && tdp_token_next(s, n, &pos, &t)) {
        words++;
        if (t.flags & TDP_TOK_HASDIGIT)
            continue;
        const word_langs *v = tdp_hmap_get(&g_words, tdp_hash(t.fold, t.flen));
        for (size_t l = 0; v && l < N_LANGS; l++)
            score[l] += v->langs[TDP_WL_DETECT] >> l & 1u;
    }
    size_t best = en;
    for (size_t l = 0; l < N_LANGS; l++)
        if (score[l] > score[best])
            best = l;
    unsigned second = 0;
    for (size_t l = 0; l < N_LANGS; l++)
        if (l != best && score[l] > second)
            second = score[l];
    /* sure enough: a few hits, and clearly ahead of the runner-up */
    if (score[best] < 3 || score[best] * 4 < second * 5 + 4)
        return NULL;
    return k_langs[best]->code;
}

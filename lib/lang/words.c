/* words.c - the registry of languages (generated from the words_<code>.c files),
 * look-ups in their word lists, and language detection by function words. */
#include "lang/lang.h"

#define TDP_LANG(code) extern const tdp_lang tdp_lang_##code;
#include "lang/lang_list.h"
#undef TDP_LANG

static const tdp_lang *const k_langs[] = {
#define TDP_LANG(code) &tdp_lang_##code,
#include "lang/lang_list.h"
#undef TDP_LANG
};
#define N_LANGS (sizeof k_langs / sizeof k_langs[0])

size_t tdp_lang_count(void) { return N_LANGS; }

const tdp_lang *tdp_lang_at(size_t i) { return i < N_LANGS ? k_langs[i] : NULL; }

const tdp_lang *tdp_lang_get(const char *code)
{
    if (!code || !*code || (code[0] == 'e' && code[1] == 'n' && !code[2]))
        return &tdp_lang_en;
    for (size_t i = 0; i < N_LANGS; i++) {
        const tdp_lang *l = k_langs[i];
        size_t cl = strlen(l->code);
        /* "de", "de-AT", "de_CH" or the Snowball name */
        if ((!strncmp(code, l->code, cl) &&
             (!code[cl] || code[cl] == '-' || code[cl] == '_')) ||
            (l->snowball && !strcmp(code, l->snowball)))
            return l;
    }
    return &tdp_lang_en;
}

/* Bytewise order of w[0..n) against the NUL-terminated e. */
static inline int cmp_word(const char *w, size_t n, const char *e)
{
    int c = strncmp(w, e, n);
    if (c)
        return c;
    return e[n] ? -1 : 0;
}

bool tdp_wordlist_has(const tdp_wordlist *l, const char *w, size_t n)
{
    size_t lo = 0, hi = l->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = cmp_word(w, n, l->w[mid]);
        if (!c)
            return true;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return false;
}

bool tdp_is_stop(const char *lang, const char *w, size_t n)
{
    if (!n || memchr(w, '\0', n))
        return false;
    return tdp_wordlist_has(&tdp_lang_get(lang)->stop, w, n);
}

/* Counts the words of each language's detection list among the first 400 words;
 * English wins ties. */
const char *tdp_lang_detect(const char *s, size_t n)
{
    unsigned score[N_LANGS] = {0};
    size_t words = 0, pos = 0, en = 0;
    tdp_token t;
    for (size_t l = 0; l < N_LANGS; l++)
        if (k_langs[l] == &tdp_lang_en)
            en = l;
    while (words < 400 && tdp_token_next(s, n, &pos, &t)) {
        words++;
        if (t.flags & TDP_TOK_HASDIGIT)
            continue;
        for (size_t l = 0; l < N_LANGS; l++)
            score[l] += tdp_wordlist_has(&k_langs[l]->detect, t.fold, t.flen);
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

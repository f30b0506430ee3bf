/*
 * dedup_gen.h - a seeded, reproducible generator of news-like articles and of
 * their copies, for the dedup benchmark and tests (header only, no library calls).
 *
 * Words are drawn from a word-frequency model: a vocabulary with Zipf-like weights
 * (built in, or the words and counts of a real corpus handed to gen_vocab_counts),
 * sampled in O(1) with an alias table. An article is 6-11 paragraphs of 3-5
 * sentences of 8-32 words (about 4 KB). Article i of a corpus is a function of
 * (seed, i) alone, so a copy can regenerate its original instead of keeping it.
 *
 * Copies are made with the edits real reprints show: word edits, truncation,
 * reordered paragraphs, different chrome (site lines around the text), added
 * paragraphs, and exact copies differing only in case and punctuation.
 */
#ifndef DEDUP_GEN_H
#define DEDUP_GEN_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct gen_rng {
    uint64_t s;
} gen_rng;

static inline uint64_t gen_next(gen_rng *r)
{
    uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* Uniform in [0, n). */
static inline uint32_t gen_below(gen_rng *r, uint32_t n)
{
    return (uint32_t)(((gen_next(r) >> 32) * (uint64_t)n) >> 32);
}

static inline double gen_unit(gen_rng *r)
{
    return (double)(gen_next(r) >> 11) / 9007199254740992.0;
}

/* ---- vocabulary ---- */

typedef struct gen_vocab {
    char **words;
    uint32_t n;
    uint32_t *alias;
    uint32_t *prob;     /* scaled to 2^32 */
} gen_vocab;

static const char *const gen_common[] = {
    "the", "of", "and", "to", "a", "in", "that", "is", "for", "on", "was", "with",
    "he", "it", "as", "said", "at", "by", "his", "from", "be", "have", "has", "but",
    "are", "an", "they", "not", "this", "who", "were", "will", "been", "their", "had",
    "would", "its", "which", "after", "more", "also", "than", "about", "new", "she",
    "one", "two", "year", "people", "government", "minister", "president", "officials",
    "police", "city", "country", "state", "week", "monday", "tuesday", "wednesday",
    "thursday", "friday", "talks", "security", "court", "election", "party", "vote",
    "report", "million", "percent", "market", "company", "health", "talks", "military",
    "ministry", "spokesman", "statement", "agreement", "meeting", "council", "leaders",
};

/* Pseudo-words from syllables: deterministic, pronounceable, distinct enough. */
static inline void gen_make_word(uint32_t i, char *out, size_t n)
{
    static const char *const syl[] = {"ka", "ro", "mi", "ten", "sa", "lo", "ver",
                                      "an", "dis", "por", "ne", "qua", "bi", "tor",
                                      "el", "mu", "gra", "fi", "son", "da", "pel",
                                      "ri", "co", "sta", "un", "ba", "tri", "le"};
    const uint32_t ns = sizeof syl / sizeof *syl;
    size_t len = 0;
    uint32_t x = i + 1;
    out[0] = 0;
    while (x && len + 4 < n) {
        const char *s = syl[x % ns];
        size_t k = strlen(s);
        memcpy(out + len, s, k);
        len += k;
        x /= ns;
    }
    out[len] = 0;
}

/* Builds the alias table for weights w[0..n). */
static inline int gen_vocab_alias(gen_vocab *v, const double *w)
{
    uint32_t n = v->n;
    double sum = 0;
    for (uint32_t i = 0; i < n; i++)
        sum += w[i];
    double *p = malloc(n * sizeof *p);
    uint32_t *small = malloc(n * sizeof *small), *large = malloc(n * sizeof *large);
    v->alias = malloc(n * sizeof *v->alias);
    v->prob = malloc(n * sizeof *v->prob);
    if (!p || !small || !large || !v->alias || !v->prob) {
        free(p);
        free(small);
        free(large);
        return -1;
    }
    uint32_t ns = 0, nl = 0;
    for (uint32_t i = 0; i < n; i++) {
        p[i] = w[i] * n / sum;
        if (p[i] < 1.0)
            small[ns++] = i;
        else
            large[nl++] = i;
    }
    while (ns && nl) {
        uint32_t s = small[--ns], l = large[--nl];
        v->prob[s] = (uint32_t)(p[s] * 4294967295.0);
        v->alias[s] = l;
        p[l] -= 1.0 - p[s];
        if (p[l] < 1.0)
            small[ns++] = l;
        else
            large[nl++] = l;
    }
    while (nl) {
        uint32_t l = large[--nl];
        v->prob[l] = UINT32_MAX;
        v->alias[l] = l;
    }
    while (ns) {
        uint32_t s = small[--ns];
        v->prob[s] = UINT32_MAX;
        v->alias[s] = s;
    }
    free(p);
    free(small);
    free(large);
    return 0;
}

/* The built-in vocabulary: common words first, then n pseudo-words, Zipf(1). */
static inline int gen_vocab_builtin(gen_vocab *v, uint32_t n)
{
    uint32_t nc = sizeof gen_common / sizeof *gen_common;
    v->n = nc + n;
    v->words = malloc(v->n * sizeof *v->words);
    double *w = malloc(v->n * sizeof *w);
    if (!v->words || !w) {
        free(w);
        return -1;
    }
    char buf[64];
    for (uint32_t i = 0; i < v->n; i++) {
        if (i < nc) {
            v->words[i] = strdup(gen_common[i]);
        } else {
            gen_make_word(i - nc, buf, sizeof buf);
            v->words[i] = strdup(buf);
        }
        w[i] = 1.0 / (i + 2.0);
    }
    int rc = gen_vocab_alias(v, w);
    free(w);
    return rc;
}

/* A vocabulary from counted words (takes ownership of words). */
static inline int gen_vocab_counts(gen_vocab *v, char **words, const double *counts,
                                   uint32_t n)
{
    v->words = words;
    v->n = n;
    return gen_vocab_alias(v, counts);
}

static inline void gen_vocab_free(gen_vocab *v)
{
    if (v->words)
        for (uint32_t i = 0; i < v->n; i++)
            free(v->words[i]);
    free(v->words);
    free(v->alias);
    free(v->prob);
    memset(v, 0, sizeof *v);
}

static inline uint32_t gen_word(const gen_vocab *v, gen_rng *r)
{
    uint64_t x = gen_next(r);
    uint32_t i = (uint32_t)(((x >> 32) * v->n) >> 32);
    return (uint32_t)x <= v->prob[i] ? i : v->alias[i];
}

/* ---- articles as word-index paragraphs ---- */

#define GEN_MAX_PARAS 64
#define GEN_MAX_WORDS 4096

/* A paragraph is a run of words; a word index with the top bit set starts a
 * sentence (capitalised); bit 30 ends one (a full stop after it). */
#define GEN_CAP 0x80000000u
#define GEN_STOP 0x40000000u
#define GEN_IDX 0x3fffffffu

typedef struct gen_article {
    uint32_t words[GEN_MAX_WORDS];
    uint32_t para_start[GEN_MAX_PARAS + 1];
    uint32_t n_paras;
    int chrome_head, chrome_tail;   /* -1 or an index into gen_chrome */
    int shout;                      /* render in upper case, other punctuation */
} gen_article;

static const char *const gen_chrome[] = {
    "Share this article", "Follow us on social media for the latest news",
    "Advertisement", "Read more: the latest headlines from our newsroom",
    "Copyright 2026. All rights reserved. This material may not be republished",
    "Sign up for our morning newsletter", "Leave a comment", "Related stories",
};
#define GEN_N_CHROME ((int)(sizeof gen_chrome / sizeof *gen_chrome))

static inline uint32_t gen_article_words(const gen_article *a)
{
    return a->para_start[a->n_paras];
}

static inline void gen_paragraph(gen_article *a, const gen_vocab *v, gen_rng *r)
{
    uint32_t n = gen_article_words(a);
    uint32_t sents = 3 + gen_below(r, 3);
    for (uint32_t s = 0; s < sents; s++) {
        uint32_t len = 8 + gen_below(r, 25);
        for (uint32_t k = 0; k < len && n < GEN_MAX_WORDS; k++) {
            uint32_t w = gen_word(v, r);
            if (k == 0)
                w |= GEN_CAP;
            if (k + 1 == len)
                w |= GEN_STOP;
            a->words[n++] = w;
        }
    }
    a->para_start[++a->n_paras] = n;
}

/* Article `i` of the corpus with this seed (about 4 KB of text). */
static inline void gen_original(gen_article *a, const gen_vocab *v, uint64_t seed,
                                uint64_t i)
{
    gen_rng r = {seed * 0x2545F4914F6CDD1Dull + i};
    gen_next(&r);
    a->n_paras = 0;
    a->para_start[0] = 0;
    a->chrome_head = a->chrome_tail = -1;
    a->shout = 0;
    uint32_t np = 6 + gen_below(&r, 6);
    for (uint32_t p = 0; p < np; p++)
        gen_paragraph(a, v, &r);
}

/* Copy edits. */
enum {
    GEN_EDIT_EXACT = 1,      /* same words; case and punctuation differ */
    GEN_EDIT_WORDS = 2,      /* substitutions, insertions, deletions */
    GEN_EDIT_TRUNCATE = 4,   /* keep a prefix */
    GEN_EDIT_REORDER = 8,    /* swap paragraphs */
    GEN_EDIT_CHROME = 16,    /* site lines above and below */
    GEN_EDIT_ADD = 32,       /* new paragraphs added */
};

/* Turns a into a copy of itself with the given edits. */
static inline void gen_copy(gen_article *a, const gen_vocab *v, gen_rng *r, unsigned edits)
{
    if (edits & GEN_EDIT_EXACT) {
        a->shout = 1;
        return;
    }
    if (edits & GEN_EDIT_WORDS) {
        uint32_t m = 1 + gen_below(r, 40);
        for (uint32_t e = 0; e < m; e++) {
            uint32_t n = gen_article_words(a);
            if (n < 10)
                break;
            uint32_t pos = gen_below(r, n);
            uint32_t op = gen_below(r, 3);
            uint32_t flags = a->words[pos] & (GEN_CAP | GEN_STOP);
            if (op == 0) {                       /* substitute */
                a->words[pos] = gen_word(v, r) | flags;
            } else if (op == 1 && n < GEN_MAX_WORDS) {   /* insert after pos */
                memmove(a->words + pos + 2, a->words + pos + 1,
                        (n - pos - 1) * sizeof *a->words);
                a->words[pos + 1] = gen_word(v, r);
                if (a->words[pos] & GEN_STOP) {
                    a->words[pos] &= ~GEN_STOP;
                    a->words[pos + 1] |= GEN_STOP;
                }
                for (uint32_t p = 1; p <= a->n_paras; p++)
                    if (a->para_start[p] > pos)
                        a->para_start[p]++;
            } else if (!(flags & (GEN_CAP | GEN_STOP))) {   /* delete */
                memmove(a->words + pos, a->words + pos + 1,
                        (n - pos - 1) * sizeof *a->words);
                for (uint32_t p = 1; p <= a->n_paras; p++)
                    if (a->para_start[p] > pos)
                        a->para_start[p]--;
            }
        }
        /* drop empty paragraphs */
        uint32_t k = 0;
        for (uint32_t p = 0; p < a->n_paras; p++)
            if (a->para_start[p + 1] > a->para_start[p])
                a->para_start[++k] = a->para_start[p + 1];
        a->n_paras = k;
    }
    if ((edits & GEN_EDIT_REORDER) && a->n_paras >= 3) {
        /* move one paragraph elsewhere */
        uint32_t from = gen_below(r, a->n_paras), to = gen_below(r, a->n_paras);
        static uint32_t tmp[GEN_MAX_WORDS];
        uint32_t len[GEN_MAX_PARAS], order[GEN_MAX_PARAS], n = 0, k = 0;
        for (uint32_t p = 0; p < a->n_paras; p++)
            if (p != from)
                order[k++] = p;
        memmove(order + to + 1, order + to, (k - to) * sizeof *order);
        order[to] = from;
        for (uint32_t p = 0; p < a->n_paras; p++) {
            uint32_t q = order[p];
            len[p] = a->para_start[q + 1] - a->para_start[q];
            memcpy(tmp + n, a->words + a->para_start[q], len[p] * sizeof *tmp);
            n += len[p];
        }
        memcpy(a->words, tmp, n * sizeof *tmp);
        for (uint32_t p = 0; p < a->n_paras; p++)
            a->para_start[p + 1] = a->para_start[p] + len[p];
    }
    if (edits & GEN_EDIT_TRUNCATE) {
        uint32_t n = gen_article_words(a);
        uint32_t keep = (uint32_t)(n * (0.3 + 0.65 * gen_unit(r)));
        if (keep < 1)
            keep = 1;
        uint32_t p = 0;
        while (p < a->n_paras && a->para_start[p + 1] < keep)
            p++;
        if (p < a->n_paras) {
            a->para_start[p + 1] = keep;
            a->n_paras = p + 1;
        }
        a->words[keep - 1] |= GEN_STOP;
    }
    if (edits & GEN_EDIT_ADD) {
        uint32_t add = 1 + gen_below(r, 3);
        for (uint32_t k = 0; k < add && a->n_paras < GEN_MAX_PARAS - 1 &&
                             gen_article_words(a) + 130 < GEN_MAX_WORDS; k++)
            gen_paragraph(a, v, r);
    }
    if (edits & GEN_EDIT_CHROME) {
        a->chrome_head = (int)gen_below(r, GEN_N_CHROME);
        a->chrome_tail = (int)gen_below(r, GEN_N_CHROME);
    }
}

/* A random set of edits for a copy (never 0). */
static inline unsigned gen_pick_edits(gen_rng *r)
{
    if (gen_below(r, 10) == 0)
        return GEN_EDIT_EXACT;
    unsigned e = 0;
    while (!e) {
        if (gen_below(r, 100) < 60) e |= GEN_EDIT_WORDS;
        if (gen_below(r, 100) < 25) e |= GEN_EDIT_TRUNCATE;
        if (gen_below(r, 100) < 20) e |= GEN_EDIT_REORDER;
        if (gen_below(r, 100) < 40) e |= GEN_EDIT_CHROME;
        if (gen_below(r, 100) < 20) e |= GEN_EDIT_ADD;
    }
    return e;
}

/*
 * Renders the article as text: one paragraph a line, chrome lines around it.
 * Writes paragraph starts/lengths into starts/lens (max GEN_MAX_PARAS + 2) and
 * returns the text length (0 if it does not fit in cap).
 */
static inline size_t gen_render(const gen_article *a, const gen_vocab *v, char *out,
                                size_t cap, uint32_t *starts, uint32_t *lens,
                                uint32_t *n_out)
{
    size_t n = 0;
    uint32_t np = 0;
#define GEN_PUT(s, k)                          \
    do {                                       \
        if (n + (k) + 2 >= cap)                \
            return 0;                          \
        memcpy(out + n, (s), (k));             \
        n += (k);                              \
    } while (0)
    if (a->chrome_head >= 0) {
        const char *c = gen_chrome[a->chrome_head];
        starts[np] = (uint32_t)n;
        GEN_PUT(c, strlen(c));
        lens[np] = (uint32_t)(n - starts[np]);
        np++;
        out[n++] = '\n';
    }
    for (uint32_t p = 0; p < a->n_paras; p++) {
        starts[np] = (uint32_t)n;
        for (uint32_t k = a->para_start[p]; k < a->para_start[p + 1]; k++) {
            uint32_t w = a->words[k];
            const char *s = v->words[w & GEN_IDX];
            size_t len = strlen(s);
            if (k > a->para_start[p])
                GEN_PUT(" ", 1);
            size_t at = n;
            GEN_PUT(s, len);
            if (a->shout) {
                for (size_t j = at; j < n; j++)
                    if (out[j] >= 'a' && out[j] <= 'z')
                        out[j] = (char)(out[j] - 32);
            } else if ((w & GEN_CAP) && out[at] >= 'a' && out[at] <= 'z') {
                out[at] = (char)(out[at] - 32);
            }
            if (w & GEN_STOP)
                GEN_PUT(a->shout ? "!" : ".", 1);
            else if (a->shout && (k % 7) == 3)
                GEN_PUT(" -", 2);
        }
        lens[np] = (uint32_t)(n - starts[np]);
        np++;
        out[n++] = '\n';
    }
    if (a->chrome_tail >= 0) {
        const char *c = gen_chrome[a->chrome_tail];
        starts[np] = (uint32_t)n;
        GEN_PUT(c, strlen(c));
        lens[np] = (uint32_t)(n - starts[np]);
        np++;
        out[n++] = '\n';
    }
#undef GEN_PUT
    out[n] = 0;
    *n_out = np;
    return n;
}

#endif

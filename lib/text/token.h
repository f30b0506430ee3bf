/*
 * token.h - words and numbers out of UTF-8 text, case-folded (internal).
 *
 * A token is a run of letters, marks and digits; an apostrophe between letters
 * ("won't", "Russia's") and a '.' or ',' between digits ("1.5", "100,000") stay
 * inside it. Everything else separates tokens. The folded form is NFKC + Unicode
 * case folding (utf8proc), with typographic apostrophes mapped to "'" and the
 * grouping commas of numbers dropped; pure-ASCII tokens take a fast path.
 *
 * Nothing here allocates except the token list and the stemmer; the iterator and
 * the callback API are reentrant and need no set-up, so any stage may call them.
 */
#ifndef TDP_TOKEN_H
#define TDP_TOKEN_H

#include "core/core.h"

/* Folded bytes kept per token; longer tokens are cut (flag TDP_TOK_LONG). */
#define TDP_TOKEN_FOLD_MAX 96

enum {
    TDP_TOK_CAP = 1,        /* first letter upper or title case: "Blinken" */
    TDP_TOK_ALLCAPS = 2,    /* two or more letters, all upper case: "NATO" */
    TDP_TOK_NUMERIC = 4,    /* digits only (with inner '.' or ','): "2022", "1.5" */
    TDP_TOK_HASDIGIT = 8,   /* at least one digit: "5G", "2022" */
    TDP_TOK_LONG = 16,      /* folded form was cut at TDP_TOKEN_FOLD_MAX */
    TDP_TOK_ASCII = 32,     /* the source bytes are ASCII */
    TDP_TOK_STOP = 0x100    /* never set here: callers mark stop words with it */
};

typedef struct tdp_token {
    uint32_t off, len;      /* span of the token in the input */
    uint32_t flen;          /* length of fold */
    uint16_t flags;
    char fold[TDP_TOKEN_FOLD_MAX + 1];  /* folded form, NUL-terminated */
} tdp_token;

/*
 * Finds the next token in s[0..n) at or after *pos; fills *t and moves *pos past
 * it. Returns false when no token is left. Invalid UTF-8 bytes separate tokens.
 */
bool tdp_token_next(const char *s, size_t n, size_t *pos, tdp_token *t);

/* Calls fn for each token of s[0..n) in order; fn returns nonzero to stop. */
typedef int (*tdp_token_fn)(void *ctx, const tdp_token *t);
void tdp_tokenize(const char *s, size_t n, tdp_token_fn fn, void *ctx);

/* Tokens kept in arrays: spans and flags, folded forms packed in `bytes`. */
typedef struct tdp_tokspan {
    uint32_t off, len;      /* in the input */
    uint32_t foff, flen;    /* folded form: bytes + foff, NUL-terminated */
    uint16_t flags;
} tdp_tokspan;

typedef struct tdp_toklist {
    tdp_tokspan *toks;
    size_t n, cap;
    char *bytes;
    size_t nbytes, capbytes;
} tdp_toklist;

#define TDP_TOKLIST_INIT {NULL, 0, 0, NULL, 0, 0}
/* Appends the tokens of s[0..n) to the list (offsets relative to s). */
td_status tdp_toklist_add(tdp_toklist *tl, const char *s, size_t n);
static inline const char *tdp_toklist_fold(const tdp_toklist *tl, size_t i)
{
    return tl->bytes + tl->toks[i].foff;
}
void tdp_toklist_reset(tdp_toklist *tl);
void tdp_toklist_free(tdp_toklist *tl);

/* ---- stemming and stop words ---- */

/* A Snowball stemmer for one language; not shared between threads. */
typedef struct tdp_stemmer tdp_stemmer;

/*
 * Creates a stemmer for an ISO 639-1 code or Snowball name ("en", "german");
 * NULL or an unsupported language gives English. NULL on out-of-memory.
 */
tdp_stemmer *tdp_stemmer_new(const char *lang);
void tdp_stemmer_free(tdp_stemmer *st);
/* The stem of a folded word (valid until the next call); the word itself when the
 * stemmer cannot take it. */
const char *tdp_stem(tdp_stemmer *st, const char *w, size_t n, size_t *out_len);
/* The ISO 639-1 code the stemmer works in ("en" by default). */
const char *tdp_stemmer_lang(const tdp_stemmer *st);

/* True if the folded word is a stop word of the language (NULL = English). Lists
 * exist for en, de, fr, es, it, pt, nl, ru; other languages fall back to English. */
bool tdp_is_stop(const char *lang, const char *w, size_t n);

/* For tests: the stop list of a language: *n NUL-padded rows of *width bytes,
 * sorted bytewise. */
const char *tdp_stop_list(const char *lang, size_t *n, size_t *width);

#endif

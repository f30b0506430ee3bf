/*
 * lang.h - the language layer (internal): the one place that knows languages.
 *
 * Every stage that reads words calls it: one tokenizer and one case folding, the
 * stemmers, and per-language word lists (stop words, the words that tell a language
 * apart). Each language is one data file, lib/lang/words_<code>.c, defining
 * tdp_lang_<code>(), which returns its tdp_lang; the build lists the files, so adding
 * a language is adding its file and its test table (tests/cases/words/<code>.case),
 * nothing else.
 * Date phrases, month and weekday names and the sentence splitter have their own
 * headers here (dates.h, sentence.h).
 *
 * Tokens. A token is a run of letters, marks and digits; an apostrophe between
 * letters ("won't", "Russia's") and a '.' or ',' between digits ("1.5", "100,000")
 * stay inside it. Everything else separates tokens. The folded form is NFKC
 * followed by Unicode full case folding (utf8proc): NFKC makes compatibility forms
 * one word ("\uFB01nal" = "final", full-width digits, superscripts), and case folding,
 * not lower-casing, is Unicode's caseless match ("Stra\u00DFe" = "strasse", final
 * sigma); typographic apostrophes become "'" and the grouping commas of numbers
 * go. Pure-ASCII tokens take a table-driven fast path with the same result.
 *
 * Nothing here allocates except the token list and the stemmer; the tokenizer and
 * the word lists are reentrant and need no set-up, so any stage, on any thread,
 * may call them.
 */
#ifndef TDP_LANG_H
#define TDP_LANG_H

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

/* Variants of the one tokenizer, for stages that need them (0: the default above). */
enum {
    /* An apostrophe always separates: "Russia's" is "russia" and "s" (word sets
     * that must match a name with and without its possessive, in any language:
     * "l'arm\u00E9e" is "l" and "arm\u00E9e"). */
    TDP_TOKOPT_APOS_SPLITS = 1,
    /* A '.' or ',' always separates: "1.5" is "1" and "5" (copy detection, whose
     * words are plain runs of letters, marks and digits). */
    TDP_TOKOPT_NUMSEP_SPLITS = 2,
};
bool tdp_token_next_opt(const char *s, size_t n, size_t *pos, tdp_token *t, unsigned opt);

/*
 * The folded form of a whole string, as tokens fold (NFKC and case folding,
 * typographic apostrophes to "'"), spaces and punctuation kept: for look-ups of
 * short lines and phrases. Writes out (NUL-terminated) and returns its length; 0
 * when it does not fit in cap. Invalid UTF-8 becomes U+FFFD.
 */
size_t tdp_fold(const char *s, size_t n, char *out, size_t cap);

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

/* ---- languages ---- */

/* The kinds of word list a language has. */
typedef enum tdp_wordkind {
    TDP_WL_STOP,     /* function words: out of terms, word sets and names */
    TDP_WL_DETECT,   /* its commonest function words: language detection */
    TDP_WL_EVENT,    /* nouns naming a gathering or contest: "summit", "Gipfel" */
    TDP_WL_SPEECH,   /* verb forms that attribute words to a speaker: "said", "sagte" */
    TDP_WL_TITLE,    /* titles and honorifics before a name: "minister", "mr", "frau" */
    TDP_WL_ROLE,     /* nouns naming what a person does: "spokesman", "diplomat" */
    /* Phrases of page furniture, for the cleaner's look-ups of short lines: in the
     * form tdp_fold gives (spaces and punctuation kept), sorted bytewise. */
    TDP_WL_CHROME,        /* a whole line: "leave a reply", "lesen sie auch" */
    TDP_WL_CHROME_PREFIX, /* opens a line of furniture: "read more:", "tags:" */
    TDP_WL_UI,            /* button and menu words: "share", "teilen" */
    TDP_WL_FORUM,         /* forum user-header fields: "joined", "beiträge" */
    TDP_WL_CREDIT,        /* photo credit openers: "photo", "foto", "©" */
    TDP_WL_BYLINE,        /* byline openers: "by", "von", "par", "автор:" */
    TDP_WL_AHEAD,         /* cues before a year that point ahead: "early", "anfang" */
    TDP_WL_N_
} tdp_wordkind;

/*
 * What tidings knows of one language (lib/lang/words_<code>.c). Each list is one
 * string of entries in folded form, sorted bytewise: words separated by one space,
 * phrases (TDP_WL_CHROME and after) by '|'. NULL: the language has none of that kind.
 */
typedef struct tdp_lang {
    const char *code;        /* ISO 639-1 */
    const char *snowball;    /* Snowball stemmer name; NULL: words are not stemmed */
    const char *list[TDP_WL_N_];
} tdp_lang;

/*
 * A words_<code>.c file is this and nothing else:
 *     TDP_LANG_DEFINE(de, "german",
 *         [TDP_WL_STOP] = "aber alle allem ...",
 *         [TDP_WL_CHROME] = "lesen sie auch|mehr zum thema|...",)
 * It defines tdp_lang_<code>(), which the registry calls (a function, not a
 * variable: only functions leave the library's objects).
 */
#define TDP_LANG_DEFINE(code_, snowball_, ...)                                    \
    const tdp_lang *tdp_lang_##code_(void);                                       \
    const tdp_lang *tdp_lang_##code_(void)                                        \
    {                                                                             \
        static const tdp_lang l = {.code = #code_, .snowball = snowball_,          \
                                   .list = {__VA_ARGS__}};                        \
        return &l;                                                                \
    }

/* The entries of a language's list of that kind one by one: *pos starts at 0; sets
 * *w and *n (not NUL-terminated) and returns false after the last. */
bool tdp_wordlist_next(const tdp_lang *l, tdp_wordkind kind, size_t *pos, const char **w,
                       size_t *n);

/* The languages known, in code order; English is the fallback of every look-up. */
size_t tdp_lang_count(void);
const tdp_lang *tdp_lang_at(size_t i);
/* The language of an ISO 639-1 code ("en", "en-GB", "pt_BR") or Snowball name;
 * English when NULL, empty or unknown. */
const tdp_lang *tdp_lang_get(const char *code);
/*
 * True when the folded word w[0..n) is in the language's list of that kind. One
 * hash look-up: every list of every language sits in one table built on first use
 * in static storage (no allocation; a unit test checks that every word fits).
 */
bool tdp_lang_has(const tdp_lang *l, tdp_wordkind kind, const char *w, size_t n);
/* True when the folded word is in that kind of list of any language (for names,
 * which keep their words whatever the article's language). */
bool tdp_lang_any(tdp_wordkind kind, const char *w, size_t n);
/* For tests: true when every word of every list went into that table. */
bool tdp_lang_table_complete(void);

/* True if the folded word is a stop word of the language (NULL = English). */
bool tdp_is_stop(const char *lang, const char *w, size_t n);

/*
 * The language of a text by its function words (the first 400 words), or NULL
 * when too few are known or two languages are too close to tell.
 */
const char *tdp_lang_detect(const char *s, size_t n);

/* ---- stemming ---- */

/* A Snowball stemmer for one language; not shared between threads. */
typedef struct tdp_stemmer tdp_stemmer;

/*
 * Creates a stemmer for an ISO 639-1 code or Snowball name ("en", "german");
 * NULL or an unknown language gives English. NULL on out-of-memory.
 */
tdp_stemmer *tdp_stemmer_new(const char *lang);
void tdp_stemmer_free(tdp_stemmer *st);
/* The stem of a folded word (valid until the next call); the word itself when the
 * stemmer cannot take it. */
const char *tdp_stem(tdp_stemmer *st, const char *w, size_t n, size_t *out_len);
/* The ISO 639-1 code the stemmer works in ("en" by default). */
const char *tdp_stemmer_lang(const tdp_stemmer *st);

#endif

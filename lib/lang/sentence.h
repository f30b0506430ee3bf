/*
 * sentence.h - the one sentence splitter (internal).
 *
 * A sentence ends at '.', '!', '?' or '…' (with any closing quotes or brackets
 * after it) when white space and then something other than a lower-case letter
 * follows, and at a line break. The exceptions are those of news text: titles and
 * other abbreviations of each language with a table ("Mr.", "Gen.", "Dr.", "Nr."),
 * month abbreviations before a number ("Dec. 17"), initials ("Antony J.
 * Blinken"), dotted acronyms ("U.S.") unless a function word starts the next
 * sentence, decimals, and a quotation followed by its attribution ("“Why now?”
 * Peskov asked."). A missing space after a full stop ("border.The sides") still
 * ends a sentence when a lower-case word stands before it and a capitalised one
 * after. Every stage that needs sentences calls this; nothing here allocates
 * except tdp_split_sentences's array.
 */
#ifndef TDP_LANG_SENTENCE_H
#define TDP_LANG_SENTENCE_H

#include "core/core.h"

typedef struct tdp_span {
    uint32_t off, len;
} tdp_span;

/* Abbreviations of one language after which a full stop may not end a sentence. */
typedef struct tdp_sent_lang {
    const char *code;                 /* ISO 639-1 */
    const char *const *titles;        /* never end a sentence: "Mr", "Gen" */
    const char *const *soft;          /* end one only before a function word: "Inc" */
} tdp_sent_lang;

/*
 * The next sentence of s[0..n) from *pos: its span [*b, *e), trimmed of white
 * space, and *pos moved past it. False when no sentence is left.
 */
bool tdp_sentence_next(const char *s, size_t n, size_t *pos, size_t *b, size_t *e);

/*
 * Splits s[0..n) into sentences, appended to *spans (grown with TDP_GROW). Spans
 * are trimmed of surrounding white space; empty ones are left out.
 */
td_status tdp_split_sentences(const char *s, size_t n, tdp_span **spans, size_t *n_spans,
                              size_t *cap);

#endif

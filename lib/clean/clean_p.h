/*
 * clean_p.h - internals of the cleaning stage shared by its files.
 *
 * lexicon.c holds the look-ups of short lines (site chrome, forum fields, credits,
 * bylines: language data from lib/lang; wire agencies); clean.c holds the rules.
 */
#ifndef TDP_CLEAN_P_H
#define TDP_CLEAN_P_H

#include "article/article_p.h"

/* Longest line the lexicon rules look at (bytes); longer lines are never chrome. */
#define TDP_CLEAN_SHORT 200

/*
 * Normalises a short line for lexicon look-ups: folded as the language layer folds
 * (tdp_fold: NFKC and case folding), runs of white space to one space, leading
 * bullets and trailing punctuation (.:!?…*) dropped. Returns the length written to out (NUL-terminated),
 * or 0 when the line is longer than cap - 1.
 */
size_t tdp_clean_norm(const char *s, size_t n, char *out, size_t cap);


/* Whole-line site chrome ("leave a reply", "teilen", "читайте также"). */
bool tdp_lex_chrome(const char *norm, size_t n);
/* Chrome that may be followed by more words ("read more: ...", "see also ..."). */
bool tdp_lex_chrome_prefix(const char *norm, size_t n);
/* A forum user-header field ("joined", "messages", "reaction score"). */
bool tdp_lex_forum(const char *norm, size_t n);
/* A photo credit opener ("photo:", "foto:", "©"). */
bool tdp_lex_credit_prefix(const char *norm, size_t n);
/* A wire agency or outlet commonly named in datelines and credits ("reuters"). */
bool tdp_lex_agency(const char *norm, size_t n);
/* A byline opener ("by", "von", "par", "автор"); its length in *len. */
bool tdp_lex_byline(const char *norm, size_t n, size_t *len);
/* A short line made only of button and menu words ("Facebook Twitter Email"). */
bool tdp_lex_ui_line(const char *norm, size_t n);
/* A cue before a year that points ahead ("early", "anfang", "начале"). */
bool tdp_lex_ahead(const char *norm, size_t n);

#endif

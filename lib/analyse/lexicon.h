/* lexicon.h - word lists the name finder uses (internal). Words are folded. */
#ifndef TDP_LEXICON_H
#define TDP_LEXICON_H

#include "core/core.h"

bool tdp_lex_first_name(const char *w, size_t n);  /* "antony", "maria" */
bool tdp_lex_place(const char *w, size_t n);       /* "brussels", "united states" */
bool tdp_lex_org_word(const char *w, size_t n);    /* "ministry", "council" */
bool tdp_lex_org_acronym(const char *w, size_t n); /* "nato", "osce", "kremlin" */

/* For tests: list 0..3 in the order above (first names .. acronyms), as *n
 * NUL-padded rows of *width bytes. */
const char *tdp_lex_list(int which, size_t *n, size_t *width);

#endif

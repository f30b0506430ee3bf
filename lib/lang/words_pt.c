/* words_pt.c - Portuguese: the words tidings knows in this language (see lang.h
 * for what each list is for). Lists are folded (tdp_token_next's form) and sorted
 * bytewise; tests/unit/test_lang.c checks both. */
#include "lang/lang.h"

/* Function words: left out of terms, word sets and names. */
static const char *const stop[] = {
    "a", "ao", "aos", "as", "com", "como", "da", "das", "de", "dela", "do", "dos", "e",
    "ela", "ele", "eles", "em", "entre", "era", "essa", "esse", "esta", "este", "está",
    "foi", "for", "há", "isso", "isto", "já", "mais", "mas", "me", "mesmo", "na",
    "nas", "nem", "no", "nos", "não", "o", "os", "ou", "para", "pela", "pelo", "por",
    "quando", "que", "se", "sem", "ser", "seu", "seus", "sua", "suas", "são", "também",
    "te", "tem", "um", "uma", "à", "é",
};

/* The commonest function words, whose counts tell the language of a text. */
static const char *const detect[] = {
    "a", "ao", "as", "com", "da", "das", "de", "do", "dos", "e", "em", "foi", "mais",
    "na", "no", "não", "o", "os", "para", "por", "que", "seu", "sua", "também", "um",
    "uma", "é",
};

TDP_LANG_DEFINE(pt, "portuguese", TDP_LANG_LIST(TDP_WL_STOP, stop),
                TDP_LANG_LIST(TDP_WL_DETECT, detect))

/* words_nl.c - Dutch: the words tidings knows in this language (see lang.h
 * for what each list is for). Lists are folded (tdp_token_next's form) and sorted
 * bytewise; tests/unit/test_lang.c checks both. */
#include "lang/lang.h"

/* Function words: left out of terms, word sets and names. */
static const char *const stop[] = {
    "aan", "al", "als", "bij", "dan", "dat", "de", "der", "des", "deze", "die", "dit",
    "doch", "door", "dus", "een", "en", "er", "ge", "geen", "had", "heb", "hebben",
    "heeft", "het", "hij", "hoe", "hun", "ik", "in", "is", "je", "kan", "kon", "maar",
    "me", "meer", "men", "met", "mij", "mijn", "na", "naar", "niet", "niets", "nog",
    "nu", "of", "om", "omdat", "ons", "ook", "op", "over", "te", "tegen", "toch",
    "toen", "tot", "u", "uit", "van", "veel", "voor", "want", "was", "wat", "we",
    "wel", "werd", "wie", "wij", "wil", "worden", "zal", "ze", "zich", "zij", "zijn",
    "zo", "zonder",
};

/* The commonest function words, whose counts tell the language of a text. */
static const char *const detect[] = {
    "aan", "bij", "dat", "de", "die", "een", "en", "er", "heeft", "het", "hij", "in",
    "is", "maar", "met", "naar", "niet", "ook", "op", "te", "van", "voor", "werd",
    "worden", "wordt", "zijn",
};

TDP_LANG_DEFINE(nl, "dutch", TDP_LANG_LIST(TDP_WL_STOP, stop),
                TDP_LANG_LIST(TDP_WL_DETECT, detect))

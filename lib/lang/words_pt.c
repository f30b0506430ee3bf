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

/* Verb forms that attribute words to a speaker: quotes find who spoke by them. */
static const char *const speech[] = {
    "acrescentou", "afirma", "afirmou", "alertou", "anunciou", "confirmou", "declarou",
    "destacou", "disse", "disseram", "diz", "escreveu", "explica", "explicou",
    "garante", "garantiu", "perguntou", "respondeu", "ressaltou", "sublinhou",
};

/* Titles and honorifics that stand before a name. */
static const char *const title[] = {
    "chanceler", "deputada", "deputado", "dr", "dra", "embaixador", "embaixadora",
    "general", "governador", "governadora", "juiz", "juíza", "ministra", "ministro",
    "papa", "prefeita", "prefeito", "presidente", "princesa", "príncipe", "rainha",
    "rei", "secretária", "secretário", "senador", "senadora", "sr", "sra",
};

/* Nouns naming what a person does ("the spokesman said"). */
static const char *const role[] = {
    "assessor", "assessora", "chanceler", "diplomata", "embaixador", "embaixadora",
    "especialista", "ministra", "ministro", "presidente",
};

TDP_LANG_DEFINE(pt, "portuguese", TDP_LANG_LIST(TDP_WL_STOP, stop),
                TDP_LANG_LIST(TDP_WL_DETECT, detect),
                TDP_LANG_LIST(TDP_WL_SPEECH, speech), TDP_LANG_LIST(TDP_WL_TITLE, title),
                TDP_LANG_LIST(TDP_WL_ROLE, role))

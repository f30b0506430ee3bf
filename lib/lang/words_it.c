/* words_it.c - Italian: the words tidings knows in this language (see lang.h
 * for what each list is for). Lists are folded (tdp_token_next's form) and sorted
 * bytewise; tests/unit/test_lang.c checks both. */
#include "lang/lang.h"

/* Function words: left out of terms, word sets and names. */
static const char *const stop[] = {
    "a", "ad", "agli", "ai", "al", "alla", "alle", "allo", "anche", "che", "chi", "ci",
    "come", "con", "da", "dal", "dalla", "dalle", "degli", "dei", "del", "della",
    "delle", "dello", "di", "e", "ed", "gli", "ha", "hanno", "i", "il", "in", "la",
    "le", "lo", "loro", "ma", "mi", "ne", "negli", "nei", "nel", "nella", "nelle",
    "non", "o", "per", "più", "quando", "quella", "quelle", "quelli", "quello",
    "questa", "queste", "questi", "questo", "se", "si", "sono", "su", "sua", "sue",
    "suo", "suoi", "tra", "un", "una", "uno", "è",
};

/* The commonest function words, whose counts tell the language of a text. */
static const char *const detect[] = {
    "alla", "anche", "che", "con", "da", "dei", "del", "della", "delle", "di", "e",
    "ed", "gli", "ha", "il", "la", "le", "nel", "nella", "non", "per", "questo", "si",
    "sono", "un", "una", "è",
};

/* Nouns that name a gathering or a contest: a name holding one is an event's. */
static const char *const event[] = {
    "conferenza", "consiglio", "elezioni", "riunione", "vertice",
};

/* Verb forms that attribute words to a speaker: quotes find who spoke by them. */
static const char *const speech[] = {
    "afferma", "affermato", "aggiunge", "aggiunto", "annunciato", "avvertito",
    "chiesto", "confermato", "detto", "dice", "dichiara", "dichiarato", "disse",
    "precisato", "ribadito", "risposto", "scritto", "scrive", "sottolinea",
    "sottolineato", "spiega", "spiegato",
};

/* Titles and honorifics that stand before a name. */
static const char *const title[] = {
    "ambasciatore", "cancelliere", "deputata", "deputato", "dott", "dottor",
    "dottoressa", "generale", "giudice", "governatore", "ministra", "ministro", "papa",
    "premier", "presidente", "principe", "principessa", "prof", "re", "regina",
    "segretaria", "segretario", "senatore", "senatrice", "sig", "signor", "signora",
    "sindaco", "vicepresidente",
};

/* Nouns naming what a person does ("the spokesman said"). */
static const char *const role[] = {
    "ambasciatore", "cancelliere", "consigliere", "diplomatica", "diplomatico",
    "esperta", "esperto", "ministra", "ministro", "portavoce", "presidente",
};

/* Lines that are page furniture as a whole ("leave a reply"). */
static const char *const chrome[] = {
    "articoli correlati", "commenti", "condividi",
    "il tuo indirizzo email non sarà pubblicato", "lascia un commento", "leggi anche",
    "potrebbe interessarti anche", "pubblicità", "rispondi",
};

/* Openers of page furniture that goes on ("read more: ..."). */
static const char *const chrome_prefix[] = {
    "leggi anche:",
};

/* Words of buttons and menus: a short line made only of them is furniture. */
static const char *const ui[] = {
    "cerca", "condividi",
};

/* Fields of a forum post's user header ("joined", "messages"). */
static const char *const forum[] = {
    "iscritto", "messaggi",
};

/* Openers of a photo credit ("photo:"). */
static const char *const credit[] = {
    "foto",
};

/* Openers of a byline ("by", "written by"). */
static const char *const byline[] = {
    "di",
};

/* Cues before a year that point ahead ("early 2023"). */
static const char *const ahead[] = {
    "inizio",
};

TDP_LANG_DEFINE(it, "italian", TDP_LANG_LIST(TDP_WL_STOP, stop),
                TDP_LANG_LIST(TDP_WL_DETECT, detect),
                TDP_LANG_LIST(TDP_WL_EVENT, event),
                TDP_LANG_LIST(TDP_WL_SPEECH, speech), TDP_LANG_LIST(TDP_WL_TITLE, title),
                TDP_LANG_LIST(TDP_WL_ROLE, role),
                TDP_LANG_LIST(TDP_WL_CHROME, chrome),
                TDP_LANG_LIST(TDP_WL_CHROME_PREFIX, chrome_prefix),
                TDP_LANG_LIST(TDP_WL_UI, ui), TDP_LANG_LIST(TDP_WL_FORUM, forum),
                TDP_LANG_LIST(TDP_WL_CREDIT, credit),
                TDP_LANG_LIST(TDP_WL_BYLINE, byline),
                TDP_LANG_LIST(TDP_WL_AHEAD, ahead))

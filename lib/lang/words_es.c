/* words_es.c - Spanish: the words tidings knows in this language (see lang.h
 * for what each list is for). Lists are folded (tdp_token_next's form) and sorted
 * bytewise; tests/unit/test_lang.c checks both. */
#include "lang/lang.h"

/* Function words: left out of terms, word sets and names. */
static const char *const stop[] = {
    "a", "al", "algo", "algunos", "ante", "antes", "como", "con", "contra", "cual",
    "cuando", "de", "del", "desde", "donde", "durante", "e", "el", "ella", "ellas",
    "ellos", "en", "entre", "era", "es", "esa", "esas", "ese", "eso", "esos", "esta",
    "estaba", "estas", "este", "esto", "estos", "fue", "ha", "han", "hasta", "hay",
    "la", "las", "le", "les", "lo", "los", "me", "mi", "mucho", "muy", "más", "nada",
    "ni", "no", "nos", "o", "otra", "otros", "para", "pero", "poco", "por", "porque",
    "que", "quien", "se", "sea", "ser", "si", "sido", "sin", "sobre", "su", "sus",
    "también", "te", "tiene", "todo", "todos", "tu", "un", "una", "uno", "unos", "y",
    "ya", "él",
};

/* The commonest function words, whose counts tell the language of a text. */
static const char *const detect[] = {
    "al", "como", "con", "de", "del", "el", "en", "es", "este", "fue", "ha", "la",
    "las", "lo", "los", "más", "para", "pero", "por", "que", "se", "según", "su",
    "sus", "un", "una", "y",
};

/* Nouns that name a gathering or a contest: a name holding one is an event's. */
static const char *const event[] = {
    "conferencia", "consejo", "cumbre", "elecciones", "elección", "reunión",
};

/* Verb forms that attribute words to a speaker: quotes find who spoke by them. */
static const char *const speech[] = {
    "advierte", "advirtió", "afirma", "afirmó", "agrega", "agregó", "anunció",
    "asegura", "aseguró", "añade", "añadió", "comentó", "confirmó", "declaró",
    "destacó", "dice", "dijo", "escribe", "escribió", "explica", "explicó", "indica",
    "indicó", "insistió", "manifestó", "preguntó", "respondió", "señala", "señaló",
    "sostiene", "sostuvo", "subrayó",
};

/* Titles and honorifics that stand before a name. */
static const char *const title[] = {
    "alcalde", "alcaldesa", "canciller", "diputada", "diputado", "don", "doña", "dr",
    "dra", "embajador", "embajadora", "general", "gobernador", "gobernadora", "juez",
    "jueza", "ministra", "ministro", "papa", "presidenta", "presidente", "princesa",
    "príncipe", "reina", "rey", "secretaria", "secretario", "senador", "senadora", "sr",
    "sra", "srta", "vicepresidenta", "vicepresidente",
};

/* Nouns naming what a person does ("the spokesman said"). */
static const char *const role[] = {
    "asesor", "asesora", "canciller", "diplomática", "diplomático", "embajador",
    "embajadora", "experta", "experto", "ministra", "ministro", "portavoz",
    "presidenta", "presidente",
};

TDP_LANG_DEFINE(es, "spanish", TDP_LANG_LIST(TDP_WL_STOP, stop),
                TDP_LANG_LIST(TDP_WL_DETECT, detect),
                TDP_LANG_LIST(TDP_WL_EVENT, event),
                TDP_LANG_LIST(TDP_WL_SPEECH, speech), TDP_LANG_LIST(TDP_WL_TITLE, title),
                TDP_LANG_LIST(TDP_WL_ROLE, role))

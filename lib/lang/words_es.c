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

/* Lines that are page furniture as a whole ("leave a reply"). */
static const char *const chrome[] = {
    "artículos relacionados", "comentarios", "compartir", "deja un comentario",
    "deja una respuesta", "dejar un comentario", "dejar una respuesta", "lea también",
    "lee también", "leer más", "noticias relacionadas", "publicidad",
    "registro exitoso", "responder",
    "su dirección de correo electrónico no será publicada", "suscríbete",
    "sé el primero en comentar", "también te puede interesar", "te puede interesar",
    "tu dirección de correo electrónico no será publicada", "ver también",
};

/* Openers of page furniture that goes on ("read more: ..."). */
static const char *const chrome_prefix[] = {
    "etiquetas:", "lea también:", "lee también:", "tu dirección de correo",
    "ver también:",
};

/* Words of buttons and menus: a short line made only of them is furniture. */
static const char *const ui[] = {
    "buscar", "compartir", "imprimir", "inicio",
};

/* Fields of a forum post's user header ("joined", "messages"). */
static const char *const forum[] = {
    "mensajes", "registrado", "ubicación",
};

/* Openers of a photo credit ("photo:"). */
static const char *const credit[] = {
    "foto", "fotos", "fuente",
};

/* Openers of a byline ("by", "written by"). */
static const char *const byline[] = {
    "por", "texto:",
};

/* Cues before a year that point ahead ("early 2023"). */
static const char *const ahead[] = {
    "comienzos de", "principios de",
};

TDP_LANG_DEFINE(es, "spanish", TDP_LANG_LIST(TDP_WL_STOP, stop),
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

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

/* Lines that are page furniture as a whole ("leave a reply"). */
static const char *const chrome[] = {
    "comentários", "compartilhar", "deixe um comentário", "deixe uma resposta",
    "leia mais", "leia também", "o seu endereço de e-mail não será publicado",
    "publicidade", "seu endereço de e-mail não será publicado", "veja também",
    "você também pode gostar",
};

/* Openers of page furniture that goes on ("read more: ..."). */
static const char *const chrome_prefix[] = {
    "leia também:", "veja também:",
};

/* Words of buttons and menus: a short line made only of them is furniture. */
static const char *const ui[] = {
    "compartilhar", "imprimir", "pesquisar",
};

/* Fields of a forum post's user header ("joined", "messages"). */
static const char *const forum[] = {
    "mensagens",
};

/* Openers of a photo credit ("photo:"). */
static const char *const credit[] = {
    "foto", "fotos",
};

/* Openers of a byline ("by", "written by"). */
static const char *const byline[] = {
    "por", "texto:",
};

TDP_LANG_DEFINE(pt, "portuguese", TDP_LANG_LIST(TDP_WL_STOP, stop),
                TDP_LANG_LIST(TDP_WL_DETECT, detect),
                TDP_LANG_LIST(TDP_WL_SPEECH, speech), TDP_LANG_LIST(TDP_WL_TITLE, title),
                TDP_LANG_LIST(TDP_WL_ROLE, role),
                TDP_LANG_LIST(TDP_WL_CHROME, chrome),
                TDP_LANG_LIST(TDP_WL_CHROME_PREFIX, chrome_prefix),
                TDP_LANG_LIST(TDP_WL_UI, ui), TDP_LANG_LIST(TDP_WL_FORUM, forum),
                TDP_LANG_LIST(TDP_WL_CREDIT, credit),
                TDP_LANG_LIST(TDP_WL_BYLINE, byline))

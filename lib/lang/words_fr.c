/* words_fr.c - French: the words tidings knows in this language (see lang.h
 * for what each list is for). Lists are folded (tdp_token_next's form) and sorted
 * bytewise; tests/unit/test_lang.c checks both. */
#include "lang/lang.h"

/* Function words: left out of terms, word sets and names. */
static const char *const stop[] = {
    "a", "ai", "aie", "au", "aux", "avait", "avec", "c", "ce", "ceci", "cela", "ces",
    "cet", "cette", "d", "dans", "de", "des", "du", "elle", "elles", "en", "est", "et",
    "eu", "il", "ils", "j", "je", "l", "la", "le", "les", "leur", "leurs", "lui", "m",
    "ma", "mais", "me", "mes", "moi", "mon", "même", "n", "ne", "nos", "notre", "nous",
    "on", "ont", "ou", "où", "par", "pas", "pour", "qu", "que", "qui", "s", "sa",
    "sans", "se", "ses", "son", "sont", "sur", "ta", "te", "tes", "toi", "ton", "tu",
    "un", "une", "vos", "votre", "vous", "y", "à", "été", "être",
};

/* The commonest function words, whose counts tell the language of a text. */
static const char *const detect[] = {
    "au", "aux", "avec", "ce", "cette", "dans", "des", "du", "est", "et", "il", "la",
    "le", "les", "mais", "ont", "par", "pas", "pour", "que", "qui", "selon", "sont",
    "sur", "un", "une", "été",
};

/* Nouns that name a gathering or a contest: a name holding one is an event's. */
static const char *const event[] = {
    "assemblée", "conférence", "conseil", "réunion", "sommet", "élection", "élections",
};

/* Verb forms that attribute words to a speaker: quotes find who spoke by them. */
static const char *const speech[] = {
    "affirme", "affirmé", "ajoute", "ajouté", "annoncé", "assure", "assuré", "averti",
    "confirmé", "demandé", "dit", "déclare", "déclaré", "estime", "estimé", "explique",
    "expliqué", "indique", "indiqué", "précise", "précisé", "répondu", "souligne",
    "souligné", "écrit",
};

/* Titles and honorifics that stand before a name. */
static const char *const title[] = {
    "ambassadeur", "ambassadrice", "chancelier", "chancelière", "commissaire", "dr",
    "député", "députée", "gouverneur", "général", "juge", "m", "maire", "ministre",
    "mlle", "mme", "pape", "premier", "prince", "princesse", "président", "présidente",
    "reine", "roi", "secrétaire", "sénateur", "sénatrice",
};

/* Nouns naming what a person does ("the spokesman said"). */
static const char *const role[] = {
    "ambassadeur", "ambassadrice", "chancelier", "chancelière", "conseiller",
    "conseillère", "diplomate", "expert", "experte", "ministre", "président",
    "présidente",
};

/* Lines that are page furniture as a whole ("leave a reply"). */
static const char *const chrome[] = {
    "abonnez-vous", "articles similaires", "commentaires", "imprimer",
    "inscription réussie", "laisser un commentaire", "laisser une réponse",
    "lire aussi", "lire la suite", "partager", "publicité", "répondre", "s'abonner",
    "soyez le premier à commenter", "sur le même sujet", "voir aussi",
    "votre adresse de messagerie ne sera pas publiée",
    "votre adresse e-mail ne sera pas publiée", "vous aimerez aussi",
    "vous aimerez peut-être aussi", "à lire aussi",
};

/* Openers of page furniture that goes on ("read more: ..."). */
static const char *const chrome_prefix[] = {
    "lire aussi:", "mots-clés:", "voir aussi:", "votre adresse e-mail ne sera",
    "à lire aussi:",
};

/* Words of buttons and menus: a short line made only of them is furniture. */
static const char *const ui[] = {
    "accueil", "connexion", "imprimer", "partager", "rechercher",
};

/* Fields of a forum post's user header ("joined", "messages"). */
static const char *const forum[] = {
    "inscrit", "inscrit le", "localisation",
};

/* Openers of a photo credit ("photo:"). */
static const char *const credit[] = {
    "crédit", "crédit photo", "crédits",
};

/* Openers of a byline ("by", "written by"). */
static const char *const byline[] = {
    "par", "texte:",
};

/* Cues before a year that point ahead ("early 2023"). */
static const char *const ahead[] = {
    "début",
};

TDP_LANG_DEFINE(fr, "french", TDP_LANG_LIST(TDP_WL_STOP, stop),
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

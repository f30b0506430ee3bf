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

/* Verb forms that attribute words to a speaker: quotes find who spoke by them. */
static const char *const speech[] = {
    "aldus", "antwoordde", "benadrukte", "bevestigde", "meldde", "schreef", "schrijft",
    "stelde", "verklaarde", "vertelde", "voegde", "vroeg", "waarschuwde", "zegt", "zei",
    "zeiden",
};

/* Titles and honorifics that stand before a name. */
static const char *const title[] = {
    "ambassadeur", "burgemeester", "commissaris", "dhr", "dr", "generaal", "gouverneur",
    "kanselier", "koning", "koningin", "meneer", "mevr", "mevrouw", "minister", "paus",
    "premier", "president", "prins", "prinses", "prof", "rechter", "secretaris",
    "senator", "staatssecretaris", "voorzitter",
};

/* Nouns naming what a person does ("the spokesman said"). */
static const char *const role[] = {
    "adviseur", "ambassadeur", "deskundige", "diplomaat", "kanselier", "minister",
    "premier", "president", "woordvoerder", "woordvoerster",
};

/* Lines that are page furniture as a whole ("leave a reply"). */
static const char *const chrome[] = {
    "advertentie", "delen", "gerelateerde artikelen",
    "je e-mailadres wordt niet gepubliceerd", "laat een reactie achter", "lees meer",
    "lees ook", "reacties",
};

/* Openers of page furniture that goes on ("read more: ..."). */
static const char *const chrome_prefix[] = {
    "lees ook:",
};

/* Words of buttons and menus: a short line made only of them is furniture. */
static const char *const ui[] = {
    "delen", "zoeken",
};

/* Fields of a forum post's user header ("joined", "messages"). */
static const char *const forum[] = {
    "berichten", "lid sinds",
};

/* Openers of a photo credit ("photo:"). */
static const char *const credit[] = {
    "foto", "fotos",
};

/* Openers of a byline ("by", "written by"). */
static const char *const byline[] = {
    "door",
};

TDP_LANG_DEFINE(nl, "dutch", TDP_LANG_LIST(TDP_WL_STOP, stop),
                TDP_LANG_LIST(TDP_WL_DETECT, detect),
                TDP_LANG_LIST(TDP_WL_SPEECH, speech), TDP_LANG_LIST(TDP_WL_TITLE, title),
                TDP_LANG_LIST(TDP_WL_ROLE, role),
                TDP_LANG_LIST(TDP_WL_CHROME, chrome),
                TDP_LANG_LIST(TDP_WL_CHROME_PREFIX, chrome_prefix),
                TDP_LANG_LIST(TDP_WL_UI, ui), TDP_LANG_LIST(TDP_WL_FORUM, forum),
                TDP_LANG_LIST(TDP_WL_CREDIT, credit),
                TDP_LANG_LIST(TDP_WL_BYLINE, byline))

/* words_de.c - German: the words tidings knows in this language (see lang.h
 * for what each list is for). Lists are folded (tdp_token_next's form) and sorted
 * bytewise; tests/unit/test_lang.c checks both. */
#include "lang/lang.h"

/* Function words: left out of terms, word sets and names. */
static const char *const stop[] = {
    "aber", "alle", "allem", "allen", "aller", "alles", "als", "also", "am", "an",
    "ander", "andere", "anderem", "anderen", "anderer", "anderes", "anderm", "andern",
    "anders", "auch", "auf", "aus", "bei", "bin", "bis", "bist", "da", "damit", "dann",
    "das", "dass", "dasselbe", "dazu", "dein", "deine", "deinem", "deinen", "deiner",
    "dem", "demselben", "den", "denn", "denselben", "der", "derer", "derselbe",
    "derselben", "des", "desselben", "dessen", "dich", "die", "dies", "diese",
    "dieselbe", "dieselben", "diesem", "diesen", "dieser", "dieses", "dir", "doch",
    "dort", "du", "durch", "ein", "eine", "einem", "einen", "einer", "eines", "einig",
    "einige", "einigem", "einigen", "einiger", "einiges", "einmal", "er", "es",
    "etwas", "euch", "euer", "eure", "eurem", "euren", "eurer", "für", "gegen",
    "gewesen", "hab", "habe", "haben", "hat", "hatte", "hatten", "hier", "hin",
    "hinter", "ich", "ihm", "ihn", "ihnen", "ihr", "ihre", "ihrem", "ihren", "ihrer",
    "ihres", "im", "in", "indem", "ins", "ist", "jede", "jedem", "jeden", "jeder",
    "jedes", "jene", "jenem", "jenen", "jener", "jenes", "jetzt", "kann", "kein",
    "keine", "keinem", "keinen", "keiner", "keines", "können", "könnte", "machen",
    "man", "manche", "manchem", "manchen", "mancher", "manches", "mein", "meine",
    "meinem", "meinen", "meiner", "meines", "mich", "mir", "mit", "muss", "musste",
    "nach", "nicht", "nichts", "noch", "nun", "nur", "ob", "oder", "ohne", "sehr",
    "sein", "seine", "seinem", "seinen", "seiner", "seines", "selbst", "sich", "sie",
    "sind", "so", "solche", "solchem", "solchen", "solcher", "solches", "soll",
    "sollte", "sondern", "sonst", "um", "und", "uns", "unser", "unsere", "unserem",
    "unseren", "unserer", "unter", "viel", "vom", "von", "vor", "war", "waren",
    "warst", "was", "weg", "weil", "weiter", "welche", "welchem", "welchen", "welcher",
    "welches", "wenn", "werde", "werden", "wie", "wieder", "will", "wir", "wird",
    "wirst", "wo", "wollen", "wollte", "während", "würde", "würden", "zu", "zum",
    "zur", "zwar", "zwischen", "über",
};

/* The commonest function words, whose counts tell the language of a text. */
static const char *const detect[] = {
    "auch", "auf", "bei", "das", "dem", "den", "der", "des", "die", "ein", "eine",
    "es", "für", "hat", "im", "ist", "mit", "nach", "nicht", "sich", "sie", "sind",
    "und", "von", "werden", "wird", "wurde", "zu",
};

/* Nouns that name a gathering or a contest: a name holding one is an event's. */
static const char *const event[] = {
    "gipfel", "konferenz", "rat", "sitzung", "treffen", "verhandlungen", "wahl",
    "wahlen",
};

/* Verb forms that attribute words to a speaker: quotes find who spoke by them. */
static const char *const speech[] = {
    "antwortete", "berichtete", "bestätigte", "betont", "betonte", "erklärt",
    "erklärte", "erklärten", "forderte", "fragte", "fügte", "kritisierte", "meinte",
    "sagt", "sagte", "sagten", "schreibt", "schrieb", "twitterte", "unterstrich",
    "warnt", "warnte",
};

/* Titles and honorifics that stand before a name. */
static const char *const title[] = {
    "aussenminister", "aussenministerin", "botschafter", "botschafterin",
    "bundeskanzler", "bundeskanzlerin", "bundespräsident", "bundespräsidentin",
    "bürgermeister", "bürgermeisterin", "dr", "frau", "general", "herr", "kanzler",
    "kanzlerin", "könig", "königin", "minister", "ministerin", "ministerpräsident",
    "ministerpräsidentin", "papst", "prinz", "prinzessin", "prof", "präsident",
    "präsidentin", "richter", "richterin",
};

/* Nouns naming what a person does ("the spokesman said"). */
static const char *const role[] = {
    "berater", "beraterin", "botschafter", "botschafterin", "diplomat", "diplomatin",
    "experte", "expertin", "kanzler", "kanzlerin", "minister", "ministerin",
    "präsident", "präsidentin", "sprecher", "sprecherin",
};

/* Lines that are page furniture as a whole ("leave a reply"). */
static const char *const chrome[] = {
    "antworten abbrechen", "anzeige", "artikel teilen", "auch interessant",
    "das könnte sie auch interessieren",
    "deine e-mail-adresse wird nicht veröffentlicht", "drucken", "empfohlene artikel",
    "hinterlasse einen kommentar", "ihre e-mail-adresse wird nicht veröffentlicht",
    "kommentar schreiben", "kommentar verfassen", "kommentare", "lesen sie auch",
    "mehr lesen", "mehr zum thema", "newsletter abonnieren",
    "registrierung erfolgreich", "schreiben sie einen kommentar", "teilen",
    "weitere artikel", "weiterlesen", "werbung", "zum artikel",
};

/* Openers of page furniture that goes on ("read more: ..."). */
static const char *const chrome_prefix[] = {
    "ihre e-mail-adresse wird nicht", "lesen sie auch:", "mehr zum thema:",
    "schlagworte:",
};

/* Words of buttons and menus: a short line made only of them is furniture. */
static const char *const ui[] = {
    "anmelden", "drucken", "startseite", "suche", "teilen",
};

/* Fields of a forum post's user header ("joined", "messages"). */
static const char *const forum[] = {
    "beiträge", "dabei seit", "registriert", "registriert seit", "wohnort",
};

/* Openers of a photo credit ("photo:"). */
static const char *const credit[] = {
    "bild", "foto", "fotos", "quelle",
};

/* Openers of a byline ("by", "written by"). */
static const char *const byline[] = {
    "von",
};

/* Cues before a year that point ahead ("early 2023"). */
static const char *const ahead[] = {
    "anfang",
};

TDP_LANG_DEFINE(de, "german", TDP_LANG_LIST(TDP_WL_STOP, stop),
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

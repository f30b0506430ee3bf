/* words_en.c - English: the words tidings knows in this language (see lang.h
 * for what each list is for). Lists are folded (tdp_token_next's form) and sorted
 * bytewise; tests/unit/test_lang.c checks both. */
#include "lang/lang.h"

/* Function words: left out of terms, word sets and names. */
static const char *const stop[] = {
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an",
    "and", "any", "are", "aren't", "as", "at", "be", "because", "been", "before",
    "being", "below", "between", "both", "but", "by", "can", "can't", "cannot",
    "could", "couldn't", "did", "didn't", "do", "does", "doesn't", "doing", "don't",
    "down", "during", "each", "few", "for", "from", "further", "had", "hadn't", "has",
    "hasn't", "have", "haven't", "having", "he", "he'd", "he'll", "he's", "her",
    "here", "here's", "hers", "herself", "him", "himself", "his", "how", "how's", "i",
    "i'd", "i'll", "i'm", "i've", "if", "in", "into", "is", "isn't", "it", "it's",
    "its", "itself", "just", "let's", "may", "me", "might", "more", "most", "mr",
    "mrs", "ms", "must", "mustn't", "my", "myself", "no", "nor", "not", "now", "of",
    "off", "on", "once", "only", "or", "other", "ought", "our", "ours", "ourselves",
    "out", "over", "own", "per", "s", "said", "same", "say", "says", "shall", "shan't",
    "she", "she'd", "she'll", "she's", "should", "shouldn't", "so", "some", "such",
    "t", "than", "that", "that's", "the", "their", "theirs", "them", "themselves",
    "then", "there", "there's", "these", "they", "they'd", "they'll", "they're",
    "they've", "this", "those", "through", "to", "too", "under", "until", "up", "upon",
    "us", "very", "via", "was", "wasn't", "we", "we'd", "we'll", "we're", "we've",
    "were", "weren't", "what", "what's", "when", "when's", "where", "where's", "which",
    "while", "who", "who's", "whom", "why", "why's", "will", "with", "won't", "would",
    "wouldn't", "you", "you'd", "you'll", "you're", "you've", "your", "yours",
    "yourself", "yourselves",
};

/* The commonest function words, whose counts tell the language of a text. */
static const char *const detect[] = {
    "and", "are", "as", "be", "been", "by", "for", "from", "has", "have", "is", "it",
    "not", "of", "on", "said", "that", "the", "their", "they", "this", "to", "was",
    "were", "which", "will", "with", "would",
};

/* Nouns that name a gathering or a contest: a name holding one is an event's. */
static const char *const event[] = {
    "assembly", "ceremony", "championship", "conference", "congress", "consultations",
    "convention", "council", "election", "elections", "festival", "forum", "games",
    "hearing", "meeting", "negotiations", "olympics", "referendum", "session",
    "summit", "talks", "trial", "vote",
};

/* Verb forms that attribute words to a speaker: quotes find who spoke by them. */
static const char *const speech[] = {
    "according", "acknowledged", "added", "adding", "adds", "admitted", "affirmed",
    "announced", "answered", "argued", "asked", "asks", "asserted", "called", "calling",
    "calls", "claimed", "commented", "concluded", "confirmed", "continued", "declared",
    "described", "describes", "describing", "dubbed", "emphasised", "emphasized",
    "emphasizing", "explained", "explaining", "insisted", "labeled", "labeling",
    "labelled", "noted", "notes", "noting", "pointed", "posted", "read", "reads",
    "recalled", "reiterated", "remarked", "replied", "reported", "responded", "said",
    "say", "saying", "says", "stated", "states", "stating", "stressed", "stresses",
    "stressing", "suggested", "tells", "termed", "told", "tweeted", "underlined",
    "urged", "warned", "warning", "warns", "writes", "wrote",
};

/* Titles and honorifics that stand before a name. */
static const char *const title[] = {
    "adm", "admiral", "adviser", "advisor", "ambassador", "assistant", "attorney",
    "brig", "capt", "captain", "chair", "chairman", "chairwoman", "chancellor", "chief",
    "chiefs", "col", "colonel", "commander", "commissioner", "congressman",
    "congresswoman", "coordinator", "counselor", "crown", "defence", "defense",
    "deputy", "director", "dr", "duke", "emir", "emperor", "envoy", "executive",
    "first", "foreign", "gen", "general", "gov", "governor", "head", "interior",
    "judge", "justice", "king", "lady", "leader", "lieutenant", "lord", "lt", "maj",
    "major", "mayor", "minister", "mr", "mrs", "ms", "officer", "pope", "premier",
    "president", "presidential", "press", "prime", "prince", "princess", "prof",
    "professor", "queen", "rep", "representative", "secretary", "sen", "senator",
    "sergeant", "sgt", "sheikh", "sir", "speaker", "spokesman", "spokesperson",
    "spokeswoman", "state", "treasury", "under", "undersecretary", "vice",
};

/* Nouns naming what a person does ("the spokesman said"). */
static const char *const role[] = {
    "adviser", "advisor", "aide", "ambassador", "analyst", "chairman", "chairwoman",
    "chancellor", "chief", "commander", "commissioner", "correspondent", "diplomat",
    "director", "envoy", "expert", "governor", "head", "leader", "minister",
    "negotiator", "officer", "official", "premier", "president", "prosecutor",
    "representative", "secretary", "senator", "spokesman", "spokesperson",
    "spokeswoman",
};

TDP_LANG_DEFINE(en, "english", TDP_LANG_LIST(TDP_WL_STOP, stop),
                TDP_LANG_LIST(TDP_WL_DETECT, detect),
                TDP_LANG_LIST(TDP_WL_EVENT, event),
                TDP_LANG_LIST(TDP_WL_SPEECH, speech), TDP_LANG_LIST(TDP_WL_TITLE, title),
                TDP_LANG_LIST(TDP_WL_ROLE, role))

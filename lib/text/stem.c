/* stem.c - Snowball stemmers behind a small wrapper, and stop-word lists.
 *
 * The stop lists are short on purpose (function words, plus "said"/"says" in
 * English, which every news article has); they are sorted bytewise so that a
 * lookup is a binary search. A unit test checks the order. */
#include <libstemmer.h>
#include <stdlib.h>

#include "text/token.h"

static const char stop_en[][16] = {
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an",
    "and", "any", "are", "aren't", "as", "at", "be", "because", "been", "before",
    "being", "below", "between", "both", "but", "by", "can", "can't", "cannot",
    "could", "couldn't", "did", "didn't", "do", "does", "doesn't", "doing", "don't",
    "down", "during", "each", "few", "for", "from", "further", "had", "hadn't", "has",
    "hasn't", "have", "haven't", "having", "he", "he'd", "he'll", "he's", "her",
    "here", "here's", "hers", "herself", "him", "himself", "his", "how", "how's", "i",
    "i'd", "i'll", "i'm", "i've", "if", "in", "into", "is", "isn't", "it", "it's",
    "its", "itself", "just", "let's", "may", "me", "might", "more", "most", "must",
    "mustn't", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once",
    "only", "or", "other", "ought", "our", "ours", "ourselves", "out", "over", "own",
    "s", "said", "same", "say", "says", "shall", "shan't", "she", "she'd", "she'll",
    "she's", "should", "shouldn't", "so", "some", "such", "t", "than", "that",
    "that's", "the", "their", "theirs", "them", "themselves", "then", "there",
    "there's", "these", "they", "they'd", "they'll", "they're", "they've", "this",
    "those", "through", "to", "too", "under", "until", "up", "upon", "us", "very",
    "was", "wasn't", "we", "we'd", "we'll", "we're", "we've", "were", "weren't",
    "what", "what's", "when", "when's", "where", "where's", "which", "while", "who",
    "who's", "whom", "why", "why's", "will", "with", "won't", "would", "wouldn't",
    "you", "you'd", "you'll", "you're", "you've", "your", "yours", "yourself",
    "yourselves",
};
static const char stop_de[][16] = {
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
static const char stop_fr[][16] = {
    "a", "ai", "aie", "au", "aux", "avait", "avec", "c", "ce", "ceci", "cela", "ces",
    "cet", "cette", "d", "dans", "de", "des", "du", "elle", "elles", "en", "est", "et",
    "eu", "il", "ils", "j", "je", "l", "la", "le", "les", "leur", "leurs", "lui", "m",
    "ma", "mais", "me", "mes", "moi", "mon", "même", "n", "ne", "nos", "notre", "nous",
    "on", "ont", "ou", "où", "par", "pas", "pour", "qu", "que", "qui", "s", "sa",
    "sans", "se", "ses", "son", "sont", "sur", "ta", "te", "tes", "toi", "ton", "tu",
    "un", "une", "vos", "votre", "vous", "y", "à", "été", "être",
};
static const char stop_es[][16] = {
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
static const char stop_it[][16] = {
    "a", "ad", "agli", "ai", "al", "alla", "alle", "allo", "anche", "che", "chi", "ci",
    "come", "con", "da", "dal", "dalla", "dalle", "degli", "dei", "del", "della",
    "delle", "dello", "di", "e", "ed", "gli", "ha", "hanno", "i", "il", "in", "la",
    "le", "lo", "loro", "ma", "mi", "ne", "negli", "nei", "nel", "nella", "nelle",
    "non", "o", "per", "più", "quando", "quella", "quelle", "quelli", "quello",
    "questa", "queste", "questi", "questo", "se", "si", "sono", "su", "sua", "sue",
    "suo", "suoi", "tra", "un", "una", "uno", "è",
};
static const char stop_pt[][16] = {
    "a", "ao", "aos", "as", "com", "como", "da", "das", "de", "dela", "do", "dos", "e",
    "ela", "ele", "eles", "em", "entre", "era", "essa", "esse", "esta", "este", "está",
    "foi", "for", "há", "isso", "isto", "já", "mais", "mas", "me", "mesmo", "na",
    "nas", "nem", "no", "nos", "não", "o", "os", "ou", "para", "pela", "pelo", "por",
    "quando", "que", "se", "sem", "ser", "seu", "seus", "sua", "suas", "são", "também",
    "te", "tem", "um", "uma", "à", "é",
};
static const char stop_nl[][16] = {
    "aan", "al", "als", "bij", "dan", "dat", "de", "der", "des", "deze", "die", "dit",
    "doch", "door", "dus", "een", "en", "er", "ge", "geen", "had", "heb", "hebben",
    "heeft", "het", "hij", "hoe", "hun", "ik", "in", "is", "je", "kan", "kon", "maar",
    "me", "meer", "men", "met", "mij", "mijn", "na", "naar", "niet", "niets", "nog",
    "nu", "of", "om", "omdat", "ons", "ook", "op", "over", "te", "tegen", "toch",
    "toen", "tot", "u", "uit", "van", "veel", "voor", "want", "was", "wat", "we",
    "wel", "werd", "wie", "wij", "wil", "worden", "zal", "ze", "zich", "zij", "zijn",
    "zo", "zonder",
};
static const char stop_ru[][16] = {
    "а", "без", "более", "бы", "был", "была", "были", "было", "быть", "в", "вам",
    "вас", "весь", "во", "вот", "все", "всего", "всех", "вы", "где", "да", "даже",
    "для", "до", "его", "ее", "если", "есть", "еще", "же", "за", "здесь", "и", "из",
    "или", "им", "их", "к", "как", "ко", "когда", "кто", "ли", "либо", "мне", "может",
    "мы", "на", "надо", "наш", "не", "него", "нее", "нет", "ни", "них", "но", "ну",
    "о", "об", "однако", "он", "она", "они", "оно", "от", "очень", "по", "под", "при",
    "с", "со", "так", "также", "такой", "там", "те", "тем", "то", "того", "тоже",
    "той", "только", "том", "ты", "у", "уже", "хотя", "чего", "чей", "чем", "что",
    "чтобы", "чье", "чья", "эта", "эти", "это", "я",
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

#define STOP_W 16 /* bytes per stop word, NUL-padded: no word is longer than 15 */

typedef struct lang_info {
    const char *code, *snowball;
    const char (*stop)[STOP_W];
    size_t n_stop;
} lang_info;

static const lang_info langs[] = {
    {"en", "english", stop_en, COUNT(stop_en)},
    {"de", "german", stop_de, COUNT(stop_de)},
    {"fr", "french", stop_fr, COUNT(stop_fr)},
    {"es", "spanish", stop_es, COUNT(stop_es)},
    {"it", "italian", stop_it, COUNT(stop_it)},
    {"pt", "portuguese", stop_pt, COUNT(stop_pt)},
    {"nl", "dutch", stop_nl, COUNT(stop_nl)},
    {"ru", "russian", stop_ru, COUNT(stop_ru)},
};

static const lang_info *find_lang(const char *lang)
{
    if (!lang || !*lang)
        return &langs[0];
    for (size_t i = 0; i < COUNT(langs); i++) {
        size_t cl = strlen(langs[i].code);
        /* "en", "en-GB", "en_US" or the Snowball name */
        if ((!strncmp(lang, langs[i].code, cl) && (!lang[cl] || lang[cl] == '-' ||
                                                     lang[cl] == '_')) ||
            !strcmp(lang, langs[i].snowball))
            return &langs[i];
    }
    return &langs[0];
}

struct tdp_stemmer {
    struct sb_stemmer *sb;
    const lang_info *lang;
};

tdp_stemmer *tdp_stemmer_new(const char *lang)
{
    tdp_stemmer *st = tdp_calloc(1, sizeof *st);
    if (!st)
        return NULL;
    st->lang = find_lang(lang);
    st->sb = sb_stemmer_new(st->lang->snowball, "UTF_8");
    if (!st->sb) {
        tdp_free(st);
        return NULL;
    }
    return st;
}

void tdp_stemmer_free(tdp_stemmer *st)
{
    if (!st)
        return;
    sb_stemmer_delete(st->sb);
    tdp_free(st);
}

const char *tdp_stemmer_lang(const tdp_stemmer *st)
{
    return st ? st->lang->code : "en";
}

const char *tdp_stem(tdp_stemmer *st, const char *w, size_t n, size_t *out_len)
{
    const sb_symbol *r = NULL;
    if (st && n <= 256)
        r = sb_stemmer_stem(st->sb, (const sb_symbol *)w, (int)n);
    if (!r) {
        *out_len = n;
        return w;
    }
    *out_len = (size_t)sb_stemmer_length(st->sb);
    return (const char *)r;
}

/* Bytewise comparison of two padded keys, eight bytes at a time. */
static inline int cmp_key(const char *x, const char *y)
{
    for (size_t k = 0; k < STOP_W; k += 8) {
        uint64_t a, b;
        memcpy(&a, x + k, 8);
        memcpy(&b, y + k, 8);
        if (a != b) {
            a = __builtin_bswap64(a);
            b = __builtin_bswap64(b);
            return a < b ? -1 : 1;
        }
    }
    return 0;
}

bool tdp_is_stop(const char *lang, const char *w, size_t n)
{
    if (n == 0 || n >= STOP_W)
        return false;
    const lang_info *li = (!lang || (lang[0] == 'e' && lang[1] == 'n' && !lang[2]))
                              ? &langs[0] : find_lang(lang);
    char key[STOP_W];
    memset(key, 0, sizeof key);
    memcpy(key, w, n);
    size_t lo = 0, hi = li->n_stop;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = cmp_key(key, li->stop[mid]);
        if (!c)
            return true;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return false;
}

const char *tdp_stop_list(const char *lang, size_t *n, size_t *width)
{
    const lang_info *li = find_lang(lang);
    *n = li->n_stop;
    *width = STOP_W;
    return li->stop[0];
}

/* lexicon.c - small word lists for names: first names, places, organisation words
 * and acronyms. Short on purpose: cues that generalise, not a knowledge base. All
 * lists are folded and sorted bytewise (a unit test checks) for binary search.
 * Titles and role nouns are language data (lib/lang/words_<code>.c). */
#include "analyse/lexicon.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define LEX_W 24 /* bytes per entry, NUL-padded */

static const char first_names[][24] = {
    "aaron", "abdullah", "abraham", "adam", "adrian", "ahmad", "ahmed", "aleksandr",
    "aleksei", "alex", "alexander", "alexandra", "alexei", "alexis", "ali", "alice",
    "alicia", "alison", "amanda", "amy", "ana", "andrea", "andreas", "andrei",
    "andrew", "andrzej", "angela", "angelina", "anna", "annalena", "anne", "anthony",
    "anton", "antonio", "antony", "arnold", "arthur", "ashraf", "barack", "barbara",
    "ben", "benjamin", "benny", "bernard", "beth", "bill", "billy", "bob", "boris",
    "brad", "brian", "bruce", "carl", "carlos", "carol", "caroline", "catherine",
    "charles", "charlie", "charlotte", "chris", "christian", "christina", "christine",
    "christopher", "chuck", "claire", "clara", "claude", "colin", "craig", "dan",
    "daniel", "daniela", "danny", "dave", "david", "dean", "deborah", "denis",
    "dennis", "diana", "diane", "dmitri", "dmitry", "donald", "donna", "dorothy",
    "doug", "douglas", "ed", "edward", "elena", "elisabeth", "elizabeth", "ellen",
    "emily", "emma", "emmanuel", "eric", "erik", "ernst", "eva", "evgeny", "fatima",
    "felix", "fernando", "francesca", "francis", "francisco", "frank", "franz", "fred",
    "frederick", "friedrich", "gabriel", "gary", "georg", "george", "gerhard", "gina",
    "giorgia", "giuseppe", "gordon", "grace", "greg", "gregory", "hans", "harold",
    "harry", "hassan", "heinrich", "helen", "helmut", "henry", "hillary", "howard",
    "hugo", "hussein", "ian", "igor", "ilya", "irina", "isaac", "ivan", "jack",
    "jacob", "jacques", "jake", "james", "jamie", "jan", "jane", "janet", "jason",
    "jean", "jeff", "jeffrey", "jennifer", "jens", "jeremy", "jerome", "jessica",
    "jim", "jimmy", "joachim", "joan", "joe", "johann", "johannes", "john", "jon",
    "jonathan", "jorge", "jose", "josep", "joseph", "joshua", "juan", "judith",
    "julia", "julian", "julie", "justin", "kamala", "karen", "karl", "kate",
    "katherine", "kathleen", "kathy", "keith", "kelly", "ken", "kenneth", "kevin",
    "kim", "kirill", "klaus", "kristina", "kurt", "larry", "laura", "lauren", "lee",
    "leo", "leon", "leonid", "linda", "lisa", "liz", "lloyd", "lorenzo", "louis",
    "luca", "lucas", "luis", "lukas", "marco", "margaret", "maria", "marie", "marine",
    "mario", "mark", "markus", "martha", "martin", "mary", "matt", "matteo", "matthew", "max",
    "maxim", "michael", "michel", "michelle", "miguel", "mike", "mikhail", "mohammad",
    "mohammed", "muhammad", "nancy", "natalia", "natalie", "nathan", "ned", "nicholas",
    "nick", "nicola", "nicolas", "nikolai", "nina", "olaf", "oleg", "olga", "oliver",
    "omar", "pablo", "pamela", "patricia", "patrick", "paul", "pedro", "peter", "petr",
    "philip", "philippe", "pierre", "rachel", "rafael", "ralph", "ramzan", "raymond",
    "rebecca", "richard", "rick", "rishi", "robert", "roberto", "roger", "ron",
    "ronald", "rose", "ruth", "ryan", "sam", "samantha", "samuel", "sandra", "sara",
    "sarah", "scott", "sean", "sebastian", "serge", "sergei", "sergey", "sharon",
    "silvio", "simon", "sophie", "stephen", "steve", "steven", "stuart", "susan",
    "sylvie", "tamara", "tatiana", "ted", "teresa", "thomas", "tim", "timothy", "tina",
    "todd", "tom", "tony", "ulrich", "ursula", "valentina", "valery", "vasily",
    "victor", "viktor", "vincent", "vladimir", "volodymyr", "walter", "wang", "wendy",
    "william", "xi", "yevgeny", "yulia", "yuri", "zbigniew", "zhang",
};
static const char places[][24] = {
    "abu dhabi", "afghanistan", "africa", "albania", "algeria", "america", "andorra",
    "angola", "ankara", "argentina", "armenia", "asia", "athens", "australia",
    "austria", "azerbaijan", "baghdad", "bahrain", "baku", "baltic sea", "bangladesh",
    "beijing", "beirut", "belarus", "belgium", "belgrade", "berlin", "bern",
    "black sea", "bosnia", "brazil", "britain", "brussels", "bucharest", "budapest",
    "buenos aires", "bulgaria", "cairo", "california", "cambodia", "canada", "caracas",
    "central asia", "chechnya", "chicago", "chile", "china", "colombia", "copenhagen",
    "costa rica", "crimea", "croatia", "cuba", "cyprus", "czech republic", "czechia",
    "damascus", "denmark", "donbas", "donetsk", "dublin", "east", "eastern europe",
    "egypt", "el salvador", "england", "estonia", "ethiopia", "europe", "finland",
    "florida", "france", "gaza", "geneva", "georgia", "germany", "ghana", "greece",
    "guatemala", "haiti", "havana", "helsinki", "hong kong", "hungary", "iceland",
    "india", "indonesia", "iran", "iraq", "ireland", "islamabad", "israel", "istanbul",
    "italy", "ivory coast", "jakarta", "japan", "jerusalem", "jordan", "kabul",
    "kazakhstan", "kenya", "kharkiv", "kherson", "kiev", "kosovo", "kuala lumpur",
    "kuwait", "kyiv", "kyrgyzstan", "laos", "latin america", "latvia", "lebanon",
    "libya", "lisbon", "lithuania", "london", "los angeles", "luhansk", "luxembourg",
    "madrid", "malaysia", "mali", "malta", "mariupol", "mexico", "mexico city",
    "middle east", "minsk", "moldova", "monaco", "mongolia", "montenegro", "morocco",
    "moscow", "munich", "myanmar", "nepal", "netherlands", "new delhi", "new york",
    "new zealand", "nigeria", "north america", "north korea", "north macedonia",
    "norway", "odesa", "odessa", "oman", "oslo", "ottawa", "pakistan", "palestine",
    "panama", "paris", "peru", "philippines", "poland", "portugal", "prague",
    "puerto rico", "qatar", "riga", "rio de janeiro", "romania", "rome", "rukla",
    "russia", "russian federation", "rwanda", "san francisco", "sao paulo",
    "saudi arabia", "scotland", "senegal", "seoul", "serbia", "singapore", "slovakia",
    "slovenia", "sofia", "somalia", "south africa", "south america", "south korea",
    "spain", "sri lanka", "stockholm", "sudan", "sweden", "switzerland", "syria",
    "taiwan", "tajikistan", "tallinn", "tbilisi", "tehran", "tel aviv", "texas",
    "thailand", "the hague", "the netherlands", "the united kingdom",
    "the united states", "tokyo", "transcaucasia", "tunisia", "turkey", "turkmenistan",
    "u.k", "u.s", "uk", "ukraine", "united arab emirates", "united kingdom",
    "united states", "us", "usa", "ussr", "uzbekistan", "venezuela", "vienna",
    "vietnam", "vilnius", "wales", "warsaw", "washington", "west", "western europe",
    "white house", "yemen", "zagreb", "zambia", "zimbabwe",
};
static const char org_words[][24] = {
    "academy", "administration", "agency", "alliance", "army", "assembly",
    "association", "authority", "bank", "board", "brigade", "bureau", "cabinet",
    "center", "centre", "chamber", "church", "club", "coalition", "college",
    "commission", "committee", "company", "congress", "corp", "corporation", "council",
    "court", "department", "directorate", "duma", "embassy", "federation", "forces",
    "foundation", "front", "fund", "government", "group", "guard", "inc", "institute",
    "kremlin", "league", "ltd", "military", "ministry", "movement", "navy", "network",
    "news", "office", "organisation", "organization", "pact", "parliament", "party",
    "pentagon", "police", "post", "press", "reuters", "senate", "service", "services",
    "society", "tass", "times", "tribunal", "union", "university",
};
static const char org_acronyms[][24] = {
    "afp", "ap", "asean", "bbc", "brics", "cia", "cnn", "csto", "dw", "eu", "fbi",
    "g20", "g7", "iaea", "icc", "imf", "kremlin", "nato", "nrc", "nsa", "opec", "osce",
    "pentagon", "ria", "sco", "sputnik", "tass", "un", "unesco", "unicef", "who",
    "wto",
};
/* Bytewise comparison of two padded keys, eight bytes at a time. */
static inline int cmp_key(const char *x, const char *y)
{
    for (size_t k = 0; k < LEX_W; k += 8) {
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

static bool find(const char (*l)[LEX_W], size_t n, const char *w, size_t wl)
{
    if (wl == 0 || wl >= LEX_W)
        return false;
    char key[LEX_W];
    memset(key, 0, sizeof key);
    memcpy(key, w, wl);
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = cmp_key(key, l[mid]);
        if (!c)
            return true;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return false;
}

bool tdp_lex_first_name(const char *w, size_t n) { return find(first_names, COUNT(first_names), w, n); }
bool tdp_lex_place(const char *w, size_t n) { return find(places, COUNT(places), w, n); }
bool tdp_lex_org_word(const char *w, size_t n) { return find(org_words, COUNT(org_words), w, n); }
bool tdp_lex_org_acronym(const char *w, size_t n) { return find(org_acronyms, COUNT(org_acronyms), w, n); }

const char *tdp_lex_list(int which, size_t *n, size_t *width)
{
    *width = LEX_W;
    switch (which) {
    case 0: *n = COUNT(first_names); return first_names[0];
    case 1: *n = COUNT(places); return places[0];
    case 2: *n = COUNT(org_words); return org_words[0];
    case 3: *n = COUNT(org_acronyms); return org_acronyms[0];
    default: *n = 0; return NULL;
    }
}

/*
 * lexicon.c - the small multilingual word lists the cleaning rules consult, and the
 * normalisation they share. Lists are lower case, in the form tdp_clean_norm makes.
 *
 * The lists name kinds of page furniture (comment forms, share buttons, forum user
 * fields, photo credits), never text of particular sites. Each is small and scanned
 * linearly, only for short lines, so their cost does not grow with the input.
 */
#include <pthread.h>

#include "clean/clean_p.h"
#include "lang/lang.h"

static bool trail_punct(const char *s, size_t n, size_t *cut)
{
    unsigned char c = (unsigned char)s[n - 1];
    if (c == '.' || c == ':' || c == '!' || c == '?' || c == '*' || c == ' ' ||
        c == ',' || c == ';' || c == '>' || c == '|') {
        *cut = 1;
        return true;
    }
    if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
        ((unsigned char)s[n - 1] == 0xA6 || (unsigned char)s[n - 1] == 0xBA)) {
        *cut = 3; /* … › */
        return true;
    }
    if (n >= 2 && (unsigned char)s[n - 2] == 0xC2 && (unsigned char)s[n - 1] == 0xBB) {
        *cut = 2; /* » */
        return true;
    }
    return false;
}

size_t tdp_clean_norm(const char *s, size_t n, char *out, size_t cap)
{
    /* folded first (the language layer's folding: no-break spaces become spaces);
     * text that will not fold in the room is taken with ASCII lowered */
    char f[TDP_CLEAN_SHORT * 4 + 16];
    size_t fn = n < sizeof f ? tdp_fold(s, n, f, sizeof f) : 0;
    if (!fn) {
        fn = n < sizeof f ? n : sizeof f;
        for (size_t k = 0; k < fn; k++)
            f[k] = (char)(s[k] >= 'A' && s[k] <= 'Z' ? s[k] + 32 : s[k]);
    }
    const unsigned char *u = (const unsigned char *)f;
    size_t i = 0, o = 0;
    /* leading bullets and white space */
    for (;;) {
        while (i < fn && (u[i] == ' ' || u[i] == '\t'))
            i++;
        if (i < fn && (u[i] == '-' || u[i] == '*' || u[i] == '>') && i + 1 < fn &&
            u[i + 1] == ' ')
            i += 2;
        else if (i + 2 < fn && u[i] == 0xE2 && u[i + 1] == 0x80 &&
                 (u[i + 2] == 0xA2 || u[i + 2] == 0x93 || u[i + 2] == 0x94))
            i += 3; /* • – — */
        else
            break;
    }
    bool space = false;
    for (; i < fn; i++) {
        if (u[i] == ' ' || u[i] == '\t' || u[i] == '\r') {
            space = true;
            continue;
        }
        if (o + 2 >= cap)
            return 0;
        /* French spacing before : ; ! ? is dropped ("lire aussi :") */
        if (space && o && !(u[i] == ':' || u[i] == ';' || u[i] == '!' || u[i] == '?'))
            out[o++] = ' ';
        space = false;
        out[o++] = (char)u[i];
    }
    size_t cut;
    while (o && trail_punct(out, o, &cut))
        o -= cut;
    out[o] = '\0';
    return o;
}

static const char *const k_chrome[] = {
    /* en */
    "leave a reply", "leave a comment", "leave a reply cancel reply", "cancel reply",
    "registration was successful", "you may also like", "you might also like",
    "be the first to comment", "your email address will not be published",
    "required fields are marked", "see also", "read more", "read also", "also read",
    "related", "related articles", "related stories", "related posts", "related news",
    "related topics", "more on this story", "more from", "share", "share this",
    "share this article", "share this story", "share on facebook", "share on twitter",
    "share via email", "tweet", "print", "email", "e-mail", "comments", "comment",
    "no comments", "advertisement", "sponsored", "sponsored content", "subscribe",
    "subscribe now", "sign up", "sign in", "log in", "login", "register", "follow us",
    "click here", "all rights reserved", "skip to content", "skip to main content",
    "menu", "search", "home", "newsletter", "most read", "most popular", "trending",
    "top stories", "recommended", "recommended for you", "you are here",
    "next article", "previous article", "next", "previous", "back to top", "loading",
    "please enable javascript", "post a comment", "add a comment", "view comments",
    "show comments", "join the discussion", "write a comment", "report this ad",
    "continue reading", "tags", "topics", "image", "video", "photo", "listen",
    "copy link", "link copied", "don't miss", "read next", "what do you think",
    "thank you for subscribing", "notify me of new posts by email",
    "notify me of follow-up comments by email", "reply", "like", "previous post",
    "next post", "post navigation", "load more", "show more", "more", "report",
    "click to expand", "log in to comment", "sign in to comment", "read the full story",
    "read full article", "open in app", "view gallery", "view more",
    /* de */
    "das könnte sie auch interessieren", "mehr zum thema", "lesen sie auch",
    "auch interessant", "weitere artikel", "kommentare", "kommentar schreiben",
    "kommentar verfassen", "teilen", "anzeige", "werbung", "weiterlesen", "mehr lesen",
    "artikel teilen", "drucken", "schreiben sie einen kommentar",
    "hinterlasse einen kommentar", "antworten abbrechen",
    "ihre e-mail-adresse wird nicht veröffentlicht",
    "deine e-mail-adresse wird nicht veröffentlicht", "registrierung erfolgreich",
    "newsletter abonnieren", "zum artikel", "empfohlene artikel", "das könnte sie auch interessieren",
    /* fr */
    "laisser un commentaire", "laisser une réponse", "lire aussi", "à lire aussi",
    "lire la suite", "voir aussi", "vous aimerez aussi", "vous aimerez peut-être aussi",
    "partager", "publicité", "votre adresse e-mail ne sera pas publiée",
    "votre adresse de messagerie ne sera pas publiée", "inscription réussie",
    "soyez le premier à commenter", "commentaires", "s'abonner", "abonnez-vous",
    "sur le même sujet", "articles similaires", "imprimer", "répondre",
    /* es */
    "deja un comentario", "dejar un comentario", "deja una respuesta",
    "dejar una respuesta", "te puede interesar", "también te puede interesar",
    "lee también", "lea también", "ver también", "leer más", "compartir", "publicidad",
    "tu dirección de correo electrónico no será publicada",
    "su dirección de correo electrónico no será publicada", "sé el primero en comentar",
    "comentarios", "noticias relacionadas", "artículos relacionados", "suscríbete",
    "registro exitoso", "responder",
    /* it */
    "lascia un commento", "leggi anche", "potrebbe interessarti anche", "condividi",
    "pubblicità", "commenti", "il tuo indirizzo email non sarà pubblicato",
    "articoli correlati", "rispondi",
    /* pt */
    "deixe um comentário", "deixe uma resposta", "leia também", "leia mais",
    "veja também", "compartilhar", "publicidade", "comentários",
    "o seu endereço de e-mail não será publicado",
    "seu endereço de e-mail não será publicado", "você também pode gostar",
    /* nl */
    "laat een reactie achter", "lees ook", "lees meer", "delen", "advertentie",
    "reacties", "je e-mailadres wordt niet gepubliceerd", "gerelateerde artikelen",
    /* ru */
    "оставить комментарий", "оставьте комментарий", "читайте также", "смотрите также",
    "читать далее", "поделиться", "реклама", "ваш адрес email не будет опубликован",
    "ваш e-mail не будет опубликован", "регистрация прошла успешно",
    "вам может понравиться", "комментарии", "будьте первым, кто оставит комментарий",
    "похожие статьи", "подписывайтесь", "новости по теме", "материалы по теме",
    "ответить",
    NULL};

static const char *const k_chrome_prefix[] = {
    "your email address will not be published", "read more:", "read also:",
    "more from", "tags:", "tagged:", "topics:", "subscribe to", "listen to the full",
    "watch the full", "sign up to", "schlagworte:", "mots-clés:", "etiquetas:", "теги:",
    "see also:", "related:", "also read:", "read next:", "more:", "share this:",
    "follow us on", "subscribe to our", "sign up for our", "click here to",
    "copyright ©", "copyright (c)", "all rights reserved", "this article was",
    "lesen sie auch:", "mehr zum thema:", "ihre e-mail-adresse wird nicht",
    "lire aussi:", "à lire aussi:", "voir aussi:", "votre adresse e-mail ne sera",
    "lee también:", "ver también:", "lea también:", "tu dirección de correo",
    "leggi anche:", "leia também:", "veja também:", "lees ook:",
    "читайте также:", "смотрите также:", "ваш адрес email",
    NULL};

/* Words of buttons and menus: a short line made only of them is page furniture. */
static const char *const k_ui[] = {
    "home", "menu", "search", "sign", "in", "up", "log", "out", "login", "logout",
    "register", "subscribe", "share", "facebook", "twitter", "x", "email", "e-mail",
    "mail", "whatsapp", "telegram", "linkedin", "reddit", "pinterest", "vk",
    "instagram", "youtube", "print", "comments", "comment", "reply", "like", "report",
    "follow", "us", "copy", "link", "next", "previous", "back", "to", "top", "close",
    "skip", "content", "main", "account", "my", "newsletter", "rss", "feed", "&",
    "startseite", "suche", "anmelden", "teilen", "drucken", "accueil", "rechercher",
    "connexion", "partager", "imprimer", "inicio", "buscar", "compartir", "imprimir",
    "главная", "поиск", "войти", "поделиться", "печать", "cerca", "condividi",
    "pesquisar", "compartilhar", "zoeken", "delen", NULL};

static const char *const k_forum[] = {
    "joined", "messages", "reaction score", "posts", "likes", "likes received",
    "points", "trophy points", "location", "country", "member since", "registered",
    "thread starter", "start date", "reputation", "gender", "age", "occupation",
    "solutions", "credits", "beiträge", "registriert", "registriert seit",
    "dabei seit", "wohnort", "inscrit", "inscrit le", "localisation", "mensajes",
    "registrado", "ubicación", "сообщения", "регистрация", "репутация", "откуда",
    "реакции", "баллы", "berichten", "lid sinds", "messaggi", "iscritto",
    "mensagens", NULL};

static const char *const k_credit[] = {
    "photo", "photo by", "photos", "photograph", "foto", "fotos", "image", "images",
    "image credit", "picture", "credit", "credits", "bild", "фото", "crédit",
    "crédits", "crédit photo", "illustration", "source", "quelle", "fuente", "источник",
    "getty images", "file photo", "©", "(c)", NULL};

static const char *const k_agency[] = {
    "reuters", "afp", "ap", "associated press", "tass", "itar-tass", "ria novosti",
    "ria", "interfax", "sputnik", "xinhua", "dpa", "ansa", "efe", "anadolu",
    "anadolu agency", "aa", "upi", "pti", "ians", "ani", "yonhap", "kyodo", "bernama",
    "belta", "ukrinform", "unian", "kuna", "wam", "irna", "epa", "getty images",
    "bloomberg", "kna", "apa", "ntb", "tt", "ritzau", "anp", "belga", "sda", "lusa",
    "europa press", "ctk", "pap", "mti", "bta", "hina", "tanjug", "novinite", NULL};

static const char *const k_byline[] = {
    "by", "written by", "posted by", "reporting by", "story by", "words by", "von",
    "par", "por", "di", "door", "writing by", "editing by", "автор", "автор:", "author:", "text:", "texte:",
    "texto:", NULL};

static const char *const k_ahead[] = {
    "early", "beginning of", "start of", "by early", "next", "anfang", "début",
    "principios de", "comienzos de", "inizio", "начале", NULL};

static bool is_word(unsigned char c)
{
    return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* ---- one hash table over every list, built once ---- */

enum {
    K_CHROME = 1, K_CHROME_PREFIX = 2, K_FORUM = 4, K_CREDIT = 8, K_AGENCY = 16,
    K_BYLINE = 32, K_AHEAD = 1024, K_UI = 2048
};

typedef struct entry {
    const char *w;
    uint16_t n;
    uint16_t kinds;
} entry;

#define TABLE_SIZE 4096 /* power of two, well above the ~900 words of all lists */
static entry g_table[TABLE_SIZE];
static pthread_once_t g_once = PTHREAD_ONCE_INIT;

static uint32_t fnv(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static entry *slot_h(const char *s, size_t n, uint32_t h, bool insert)
{
    size_t i = h & (TABLE_SIZE - 1);
    for (size_t probes = 0; probes < TABLE_SIZE; probes++) {
        entry *e = &g_table[i];
        if (!e->w)
            return insert ? e : NULL;
        if (e->n == n && memcmp(e->w, s, n) == 0)
            return e;
        i = (i + 1) & (TABLE_SIZE - 1);
    }
    return NULL;
}

static entry *slot(const char *s, size_t n, bool insert)
{
    return slot_h(s, n, fnv(s, n), insert);
}

static entry *add(const char *w, uint16_t kinds)
{
    size_t n = strlen(w);
    entry *e = slot(w, n, true);
    if (!e)
        return NULL; /* the table is sized for the lists: never full */
    if (!e->w) {
        e->w = w;
        e->n = (uint16_t)n;
    }
    e->kinds |= kinds;
    return e;
}

static void add_list(const char *const *list, uint16_t kinds)
{
    for (size_t i = 0; list[i]; i++)
        add(list[i], kinds);
}

static void build(void);

static const entry *find(const char *s, size_t n)
{
    pthread_once(&g_once, build);
    return n && n < 128 ? slot(s, n, false) : NULL;
}

static bool has(const char *s, size_t n, uint16_t kind)
{
    const entry *e = find(s, n);
    return e && (e->kinds & kind);
}

#define PREFIX_MAX 48 /* longer than any opener in the prefix lists */

/* Longest prefix of s of the kind, ending at a word boundary or after a colon. The
 * hash grows with the prefix, so the scan is one pass over at most PREFIX_MAX bytes. */
static size_t prefix_of(const char *s, size_t n, uint16_t kind)
{
    pthread_once(&g_once, build);
    size_t best = 0, lim = n < PREFIX_MAX ? n : PREFIX_MAX;
    uint32_t h = 2166136261u;
    for (size_t k = 1; k <= lim; k++) {
        h = (h ^ (unsigned char)s[k - 1]) * 16777619u;
        bool end = k == n || s[k] == ' ' || s[k - 1] == ':' ||
                   (is_word((unsigned char)s[k - 1]) && !is_word((unsigned char)s[k]));
        if (!end)
            continue;
        const entry *e = slot_h(s, k, h, false);
        if (e && (e->kinds & kind))
            best = k;
    }
    return best;
}

bool tdp_lex_chrome(const char *s, size_t n) { return has(s, n, K_CHROME); }

bool tdp_lex_chrome_prefix(const char *s, size_t n)
{
    return prefix_of(s, n, K_CHROME_PREFIX) > 0;
}

bool tdp_lex_forum(const char *s, size_t n) { return has(s, n, K_FORUM); }

bool tdp_lex_credit_prefix(const char *s, size_t n)
{
    if (n >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA9)
        return true; /* © */
    size_t k = prefix_of(s, n, K_CREDIT);
    /* "photo: X", "photo by X", "foto X / Y": the opener must be followed by more */
    return k > 0 && k < n && (s[k] == ':' || s[k] == ' ');
}

bool tdp_lex_agency(const char *s, size_t n) { return has(s, n, K_AGENCY); }

bool tdp_lex_byline(const char *s, size_t n, size_t *len)
{
    size_t k = prefix_of(s, n, K_BYLINE);
    if (!k || k >= n || (s[k] != ' ' && s[k - 1] != ':'))
        return false; /* "by-election" is not a byline */
    *len = k;
    return true;
}

bool tdp_lex_ahead(const char *s, size_t n) { return has(s, n, K_AHEAD); }

bool tdp_lex_ui_line(const char *s, size_t n)
{
    size_t i = 0, words = 0;
    while (i < n) {
        while (i < n && (s[i] == ' ' || s[i] == '|' || s[i] == '/' || s[i] == ','))
            i++;
        size_t b = i;
        while (i < n && !(s[i] == ' ' || s[i] == '|' || s[i] == '/' || s[i] == ','))
            i++;
        if (i == b)
            break;
        /* "·" and "•" between buttons */
        if (i - b == 2 && (unsigned char)s[b] == 0xC2 && (unsigned char)s[b + 1] == 0xB7)
            continue;
        if (i - b == 3 && (unsigned char)s[b] == 0xE2 && (unsigned char)s[b + 2] == 0xA2)
            continue;
        if (++words > 8 || !has(s + b, i - b, K_UI))
            return false;
    }
    return words > 0;
}

static void build(void)
{
    add_list(k_chrome, K_CHROME);
    add_list(k_chrome_prefix, K_CHROME_PREFIX);
    add_list(k_forum, K_FORUM);
    add_list(k_credit, K_CREDIT);
    add_list(k_agency, K_AGENCY);
    add_list(k_byline, K_BYLINE);
    add_list(k_ahead, K_AHEAD);
    add_list(k_ui, K_UI);
}

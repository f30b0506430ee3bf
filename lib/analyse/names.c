/* names.c - people, organisations and places.
 *
 * A name is a run of capitalised words, joined by spaces, hyphens or an initial's
 * dot ("Antony J. Blinken", "NATO-Russia Council"); "of", "for", "and", "in" and
 * "the" join two parts when the run already has a head word ("Ministry of Foreign
 * Affairs", "Secretary of State"). The first word of a sentence counts only when
 * the article never writes it in lower case.
 *
 * Each run is then read from the right: trailing words that are neither title nor
 * organisation words are a person's name when a title stands before them ("US
 * Secretary of State Antony Blinken") or the first of them is a known first name;
 * the words before are the title. Runs with an organisation word are organisations,
 * gazetteer entries places, lone acronyms organisations, and lone words that are
 * the surname of a person met elsewhere in the article persons. A title may also
 * stand before the name in lower case ("Kremlin spokesman Dmitry Peskov") or after
 * it ("Ned Price, State Department spokesman").
 *
 * Keys merge variants: a person's folded surname; the folded words of any other
 * name, without a leading "the". */
#include <stdlib.h>

#include "analyse/analyse_p.h"
#include "analyse/lexicon.h"
#include "core/hmap.h"

/* ---- token helpers ---- */

typedef struct nctx {
    td_article *a;
    tdp_analysis *an;
    const char *s;          /* sentence text */
    size_t n;
    const tdp_toklist *tl;  /* the current sentence's tokens */
    tdp_toklist view;
    uint32_t sent;
    tdp_hset lower;         /* folded words written in lower case somewhere */
    size_t opening;         /* where the sentence's own words begin, past a dateline */
    size_t cap;
    const tdp_lang *lang;   /* the article's: its titles and role nouns */
    unsigned dlangs;        /* its date tables and English's (month names) */
} nctx;

static const char *F(const nctx *c, size_t i) { return tdp_toklist_fold(c->tl, i); }
static size_t FL(const nctx *c, size_t i) { return c->tl->toks[i].flen; }
static uint16_t FLG(const nctx *c, size_t i) { return c->tl->toks[i].flags; }
static bool is(const nctx *c, size_t i, const char *w)
{
    return i < c->tl->n && !strcmp(F(c, i), w);
}

/* A title before a name ("minister", "Frau") or a role noun ("spokesman"), in the
 * article's language. */
static bool title_word(const nctx *c, const char *f, size_t l)
{
    return tdp_lang_has(c->lang, TDP_WL_TITLE, f, l);
}

static bool role_word(const nctx *c, const char *f, size_t l)
{
    return tdp_lang_has(c->lang, TDP_WL_ROLE, f, l);
}

/* Folded length without a possessive "'s" or "'". */
static size_t base_len(const char *f, size_t l)
{
    if (l > 2 && f[l - 2] == '\'' && f[l - 1] == 's')
        return l - 2;
    if (l > 1 && f[l - 1] == '\'')
        return l - 1;
    return l;
}

/* A month or weekday name (not a weekday's abbreviation: "Sun", "Sat"), in English
 * or the article's language. */
static bool is_calendar(const nctx *c, const char *f)
{
    size_t n = strlen(f);
    bool abbr;
    return tdp_month_word(f, n, c->dlangs, NULL) > 0 ||
           (tdp_weekday_word(f, n, c->dlangs, &abbr) >= 0 && !abbr);
}

static bool is_discourse(const char *f)
{
    static const char *const w[] = {
        "according", "also", "although", "amid", "another", "despite", "earlier",
        "finally", "first", "following", "furthermore", "however", "instead", "later",
        "meanwhile", "moreover", "nevertheless", "prior", "second", "several", "since",
        "still", "thus", "therefore", "though", "today", "tomorrow", "yesterday", "yet",
        "many", "every", "see", "read", "watch", "click", "like", "unlike", "among",
        "toward", "towards", "via", "per", "within", "without", "last", "next", "new",
        "former", "top", "senior", "there", "here", "whether", "even", "just", "only"};
    for (size_t k = 0; k < sizeof w / sizeof *w; k++)
        if (!strcmp(f, w[k]))
            return true;
    return false;
}

/* True if token i opens a sentence or a quotation (nothing but marks before it). */
static bool initial(const nctx *c, size_t i)
{
    size_t a = i ? c->tl->toks[i - 1].off + c->tl->toks[i - 1].len : 0;
    size_t b = c->tl->toks[i].off;
    if (i == 0 || b == c->opening)
        return true;
    for (size_t k = a; k < b; k++) {
        unsigned char ch = (unsigned char)c->s[k];
        if (ch == '"' || ch == ':' || ch == '(' || (ch == 0xE2 && k + 2 < b + 2 &&
                                                     (unsigned char)c->s[k + 1] == 0x80 &&
                                                     ((unsigned char)c->s[k + 2] == 0x9C ||
                                                      (unsigned char)c->s[k + 2] == 0x9E)) ||
            (ch == 0xC2 && k + 1 < b && (unsigned char)c->s[k + 1] == 0xAB))
            return true;
    }
    return false;
}

/* A capitalised word that may be part of a name. */
static bool cap_word(const nctx *c, size_t i)
{
    if (i >= c->tl->n)
        return false;
    uint16_t fl = FLG(c, i);
    if (!(fl & TDP_TOK_CAP))
        return false;
    if ((fl & TDP_TOK_HASDIGIT) && !(fl & TDP_TOK_ALLCAPS))
        return false;
    const tdp_tokspan *t = &c->tl->toks[i];
    if (t->len == 1 && t->off + 1 < c->n && c->s[t->off + 1] == '.')
        return true; /* an initial or a letter of "U.S." */
    const char *f = F(c, i);
    if (is_calendar(c, f))
        return false;
    if (!(fl & TDP_TOK_ALLCAPS) && (fl & TDP_TOK_STOP))
        return false;
    return true;
}

/* Gap between tokens i-1 and i: "" (none), " ", "-", or ". " after an initial. */
static bool joinable(const nctx *c, size_t i)
{
    const tdp_tokspan *p = &c->tl->toks[i - 1], *t = &c->tl->toks[i];
    const char *g = c->s + p->off + p->len;
    size_t gl = t->off - (p->off + p->len);
    if (gl == 1 && (g[0] == ' ' || g[0] == '-'))
        return true;
    if (gl == 3 && (unsigned char)g[0] == 0xE2 && (unsigned char)g[1] == 0x80 &&
        (unsigned char)g[2] == 0x93)
        return true; /* en dash: "NATO–Russia" */
    if (gl == 2 && g[0] == '.' && g[1] == ' ' && p->len == 1)
        return true; /* initial */
    if (gl == 1 && g[0] == '.' && p->len == 1 && t->len == 1)
        return true; /* "U.S." */
    if (gl == 2 && g[0] == '\'' && g[1] == ' ' && p->len > 1 && c->s[p->off + p->len - 1] == 's') {
        /* a plural possessive inside an organisation's name: "Dockworkers' Union" */
        const char *f = F(c, i);
        return tdp_lex_org_word(f, base_len(f, FL(c, i)));
    }
    return false;
}

static bool head_word(const nctx *c, size_t i)
{
    const char *f = F(c, i);
    size_t l = base_len(f, FL(c, i));
    return tdp_lex_org_word(f, l) || title_word(c, f, l);
}

static bool connector(const char *f)
{
    return !strcmp(f, "of") || !strcmp(f, "for") || !strcmp(f, "and") || !strcmp(f, "in") ||
           !strcmp(f, "on");
}

/* "and" inside a run joins parts of one name ("Security and Cooperation"), not two
 * names ("Antony Blinken and NATO Secretary General ..."). */
static bool and_blocked(const nctx *c, size_t i, size_t j)
{
    size_t q = j + 1;
    if (q >= c->tl->n)
        return true;
    const char *f = F(c, q);
    size_t l = FL(c, q);
    if ((FLG(c, q) & TDP_TOK_ALLCAPS) || title_word(c, f, l) ||
        tdp_lex_first_name(f, l) || tdp_lex_place(f, l) || tdp_lex_org_acronym(f, l))
        return true;
    for (size_t k = i; k < j; k++)
        if (tdp_lex_first_name(F(c, k), FL(c, k)))
            return true;
    return false;
}

/* ---- emitting ---- */

static const char *span_str(nctx *c, size_t a, size_t b, bool strip_poss)
{
    uint32_t off = c->tl->toks[a].off;
    uint32_t end = c->tl->toks[b - 1].off + c->tl->toks[b - 1].len;
    const char *s = c->s;
    if (c->tl->toks[b - 1].len == 1 && b - a > 1 && end < c->n && s[end] == '.' &&
        c->tl->toks[b - 2].len == 1)
        end++; /* "U.S." */
    if (strip_poss) {
        if (end - off > 2 && s[end - 2] == '\'' && s[end - 1] == 's')
            end -= 2;
        else if (end - off > 4 && (unsigned char)s[end - 4] == 0xE2 &&
                 (unsigned char)s[end - 3] == 0x80 && (unsigned char)s[end - 2] == 0x99 &&
                 s[end - 1] == 's')
            end -= 4;
    }
    return tdp_article_str(c->a, s + off, end - off);
}

/* Folded words a..b joined by spaces ("U.S." as "us"), possessive dropped from
 * the last; a leading "the" left out. Returns the length written. */
static size_t fold_join(const nctx *c, size_t a, size_t b, char *buf, size_t cap)
{
    if (is(c, a, "the") && b - a > 1)
        a++;
    size_t bl = 0;
    for (size_t k = a; k < b; k++) {
        size_t l = FL(c, k);
        if (k + 1 == b)
            l = base_len(F(c, k), l);
        if (bl + l + 1 >= cap)
            break;
        if (k > a) {
            const tdp_tokspan *p = &c->tl->toks[k - 1], *t = &c->tl->toks[k];
            bool dotted = p->len == 1 && t->len == 1 && t->off == p->off + 2 &&
                          c->s[p->off + 1] == '.';
            if (!dotted)
                buf[bl++] = ' ';
        }
        memcpy(buf + bl, F(c, k), l);
        bl += l;
    }
    buf[bl] = '\0';
    return bl;
}

static const char *key_str(nctx *c, size_t a, size_t b)
{
    char buf[512];
    size_t bl = fold_join(c, a, b, buf, sizeof buf);
    return tdp_article_str(c->a, buf, bl);
}

static int cmp_word(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/*
 * An organisation's key: its folded words in sorted order, without "the", "of",
 * "for", "and", and without a leading country when two words or more remain, so
 * that "State Department", "US State Department" and "Department of State" are one
 * key, as are "NATO-Russia Council" and "Russia-NATO Council".
 */
static const char *org_key(nctx *c, size_t a, size_t b)
{
    const char *w[16];
    char words[512]; /* the words, hyphenated ones cut in parts, NUL after each */
    size_t n = 0, wl = 0;
    if (b - a >= 3 && tdp_lex_place(F(c, a), FL(c, a)) &&
        c->tl->toks[a + 1].off == c->tl->toks[a].off + c->tl->toks[a].len + 1 &&
        c->s[c->tl->toks[a].off + c->tl->toks[a].len] == ' ')
        a++; /* "US State Department"; not "Russia-NATO Council" */
    for (size_t k = a; k < b; k++) {
        if (connector(F(c, k)) || is(c, k, "the"))
            continue;
        const char *f = F(c, k);
        size_t l = base_len(f, FL(c, k));
        for (size_t p = 0; p < l && n < sizeof w / sizeof *w;) {
            size_t e = p;
            while (e < l && f[e] != '-')
                e++;
            if (e > p && wl + (e - p) + 1 <= sizeof words) {
                memcpy(words + wl, f + p, e - p);
                w[n++] = words + wl;
                wl += e - p;
                words[wl++] = '\0';
            }
            p = e + 1;
        }
    }
    if (n < 2)
        return key_str(c, a, b);
    qsort(w, n, sizeof *w, cmp_word);
    char buf[512];
    size_t bl = 0;
    for (size_t k = 0; k < n; k++) {
        size_t l = strlen(w[k]);
        if (bl + l + 1 >= sizeof buf)
            break;
        if (k)
            buf[bl++] = ' ';
        memcpy(buf + bl, w[k], l);
        bl += l;
    }
    return tdp_article_str(c->a, buf, bl);
}

static td_status add(nctx *c, size_t a, size_t b, int type, const char *title)
{
    const char *name = span_str(c, a, b, true);
    const char *key = type == TDP_ENT_PERSON ? key_str(c, b - 1, b)
                      : type == TDP_ENT_ORG  ? org_key(c, a, b)
                                             : key_str(c, a, b);
    if (!name || !key)
        return TD_ENOMEM;
    if (TDP_GROW(c->an->mentions, c->cap, c->an->n_mentions + 1))
        return TD_ENOMEM;
    tdp_mention *m = &c->an->mentions[c->an->n_mentions++];
    m->name = name;
    m->key = key;
    m->title = title;
    m->sent = c->sent;
    m->off = c->tl->toks[a].off;
    m->len = (uint32_t)strlen(name);
    m->type = (uint8_t)type;
    return TD_OK;
}

static bool title_adj(const char *f)
{
    static const char *const w[] = {
        "foreign", "deputy", "press", "former", "chief", "top", "senior", "defense",
        "defence", "prime", "vice", "first", "acting", "interim", "general", "official",
        "state", "department", "department's", "ministry", "ministry's", "affairs",
        "assistant", "national", "security", "communications", "presidential",
        "government", "military", "foreign-policy", "defence-ministry", "interior"};
    for (size_t k = 0; k < sizeof w / sizeof *w; k++)
        if (!strcmp(f, w[k]))
            return true;
    return false;
}

/* A lower-case role just before token i: "Kremlin spokesman", "the official
 * representative of the Ministry". Returns the title or NULL. */
static const char *title_before(nctx *c, size_t i)
{
    if (i == 0)
        return NULL;
    size_t r = i - 1;
    /* "..., Ned Price" after a role: skip the comma */
    const tdp_tokspan *p = &c->tl->toks[r], *t = &c->tl->toks[i];
    size_t gl = t->off - (p->off + p->len);
    const char *g = c->s + p->off + p->len;
    if (!((gl == 1 && g[0] == ' ') || (gl == 2 && g[0] == ',' && g[1] == ' ')))
        return NULL;
    if (!role_word(c, F(c, r), base_len(F(c, r), FL(c, r))))
        return NULL;
    size_t a = r;
    while (a > 0 && r - a < 6) {
        size_t q = a - 1;
        const tdp_tokspan *qa = &c->tl->toks[q], *qb = &c->tl->toks[a];
        size_t g2 = qb->off - (qa->off + qa->len);
        const char *gg = c->s + qa->off + qa->len;
        if (!(g2 == 1 && (gg[0] == ' ' || gg[0] == '-')))
            break;
        bool cap = (FLG(c, q) & TDP_TOK_CAP) && !tdp_is_stop(NULL, F(c, q), FL(c, q));
        if (cap || title_adj(F(c, q)))
            a = q;
        else
            break;
    }
    uint32_t off = c->tl->toks[a].off;
    uint32_t end = c->tl->toks[r].off + c->tl->toks[r].len;
    return tdp_article_str(c->a, c->s + off, end - off);
}

/* A role after the name: "Ned Price, State Department spokesman". */
static const char *title_after(nctx *c, size_t j)
{
    if (j >= c->tl->n)
        return NULL;
    const tdp_tokspan *p = &c->tl->toks[j - 1], *t = &c->tl->toks[j];
    size_t gl = t->off - (p->off + p->len);
    const char *g = c->s + p->off + p->len;
    if (!(gl == 2 && g[0] == ',' && g[1] == ' '))
        return NULL;
    size_t a = j;
    if (is(c, a, "the") || is(c, a, "a") || is(c, a, "an"))
        a++;
    for (size_t k = a; k < c->tl->n && k < a + 7; k++) {
        if (k > a) {
            const tdp_tokspan *q = &c->tl->toks[k - 1], *r = &c->tl->toks[k];
            size_t g2 = r->off - (q->off + q->len);
            const char *gg = c->s + q->off + q->len;
            if (!(g2 == 1 && (gg[0] == ' ' || gg[0] == '-')))
                return NULL;
        }
        const char *f = F(c, k);
        if (role_word(c, f, base_len(f, FL(c, k))) && !(FLG(c, k) & TDP_TOK_CAP)) {
            uint32_t off = c->tl->toks[a].off;
            uint32_t end = c->tl->toks[k].off + c->tl->toks[k].len;
            return tdp_article_str(c->a, c->s + off, end - off);
        }
        if (!((FLG(c, k) & TDP_TOK_CAP) || title_adj(f) || !strcmp(f, "of") ||
              !strcmp(f, "the") || !strcmp(f, "for")))
            return NULL;
    }
    return NULL;
}

/* An abbreviated title right before token i ("Sen. ", "Gov. ", "Mr. "): the
 * title as written ("" for Mr., Mrs., Ms.), or NULL. */
static const char *title_abbrev_before(nctx *c, size_t i)
{
    if (i == 0)
        return NULL;
    const tdp_tokspan *p = &c->tl->toks[i - 1], *t = &c->tl->toks[i];
    const char *g = c->s + p->off + p->len;
    if (t->off != p->off + p->len + 2 || g[0] != '.' || g[1] != ' ' ||
        !(p->flags & TDP_TOK_CAP) || p->len > 5)
        return NULL;
    const char *f = F(c, i - 1);
    if (!strcmp(f, "mr") || !strcmp(f, "mrs") || !strcmp(f, "ms") || !strcmp(f, "messrs"))
        return "";
    static const char *const ab[] = {"sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt",
                                     "adm", "dr", "prof", "rev", "pres", "amb", "maj", "cmdr",
                                     "supt", "insp", "brig", "cpl", "pvt"};
    for (size_t k = 0; k < sizeof ab / sizeof *ab; k++)
        if (!strcmp(f, ab[k]))
            return tdp_article_str(c->a, c->s + p->off, p->len + 1);
    return NULL;
}

/* One run of name words [i, j): what is it? */
static td_status run(nctx *c, size_t i, size_t j)
{
    char keybuf[512];
    size_t kl = fold_join(c, i, j, keybuf, sizeof keybuf);
    /* Person part: trailing words that are neither title nor organisation words. */
    size_t k = j;
    while (k > i) {
        const char *f = F(c, k - 1);
        size_t l = base_len(f, FL(c, k - 1));
        if (title_word(c, f, l) || tdp_lex_org_word(f, l) ||
            tdp_lex_org_acronym(f, l) || connector(f) || !strcmp(f, "the") ||
            (FLG(c, k - 1) & TDP_TOK_ALLCAPS) ||
            (tdp_lex_place(f, l) && k - 1 > i &&
             !tdp_lex_first_name(F(c, k - 2), FL(c, k - 2)))) /* not "Chuck Jordan" */
            break;
        k--;
        if (tdp_lex_first_name(f, l) && k < j - 1)
            break; /* a person's name starts with the first name */
    }
    bool title_first = k > i && title_word(c, F(c, k - 1), base_len(F(c, k - 1), FL(c, k - 1)));
    bool has_head = false;
    for (size_t q = i; q < k; q++)
        has_head |= head_word(c, q);
    size_t plen = j - k;
    bool first_name = plen >= 1 && tdp_lex_first_name(F(c, k), FL(c, k));
    /* "Rep. G.K. Butterfield", "Mr. Price": an abbreviated title before the run;
     * "J. Smith": an initial first */
    const char *abbr = k == i ? title_abbrev_before(c, i) : NULL;
    bool initial_first = plen >= 2 && c->tl->toks[k].len == 1 &&
                         c->tl->toks[k].off + 1 < c->n && c->s[c->tl->toks[k].off + 1] == '.';
    if (plen >= 1 && plen <= 4 && !tdp_lex_place(keybuf, kl) &&
        ((title_first && has_head) || (first_name && (plen >= 2 || k > i)) || abbr ||
         initial_first)) {
        const char *title = NULL;
        if (abbr && *abbr) {
            title = abbr;
        }
        if (k > i) {
            size_t a = i;
            uint32_t off = c->tl->toks[a].off;
            uint32_t end = c->tl->toks[k - 1].off + c->tl->toks[k - 1].len;
            title = tdp_article_str(c->a, c->s + off, end - off);
            if (!title)
                return TD_ENOMEM;
            /* the organisation or country that leads the title: "NATO", "US" */
            const char *f = F(c, i);
            size_t l = FL(c, i);
            if (tdp_lex_org_acronym(f, l) && add(c, i, i + 1, TDP_ENT_ORG, NULL))
                return TD_ENOMEM;
            if (tdp_lex_place(f, l) && (FLG(c, i) & TDP_TOK_ALLCAPS) &&
                add(c, i, i + 1, TDP_ENT_PLACE, NULL))
                return TD_ENOMEM;
        }
        if (!title && !abbr)
            title = title_before(c, k);
        if (!title)
            title = title_after(c, j);
        return add(c, k, j, TDP_ENT_PERSON, title);
    }
    if (tdp_lex_place(keybuf, kl))
        return add(c, i, j, TDP_ENT_PLACE, NULL);
    bool org = false;
    for (size_t q = i; q < j; q++) {
        const char *f = F(c, q);
        size_t l = base_len(f, FL(c, q));
        if (tdp_lex_org_word(f, l) || (j - i == 1 && tdp_lex_org_acronym(f, l)))
            org = true;
    }
    if (org || (j - i == 1 && (FLG(c, i) & TDP_TOK_ALLCAPS)))
        return add(c, i, j, TDP_ENT_ORG, NULL);
    if (title_first || (has_head && plen == 0))
        return TD_OK; /* a role without a name: "the NATO Secretary General" */
    if (j - i == 1) {
        /* A lone word: a surname when a person with that key appears (fixed up
         * after all sentences are read); keep it as OTHER for now. */
        const char *title = title_before(c, i);
        if (title)
            return add(c, i, j, TDP_ENT_PERSON, title);
        return add(c, i, j, TDP_ENT_OTHER, NULL);
    }
    if (first_name)
        return add(c, i, j, TDP_ENT_PERSON, title_before(c, i));
    /* "union secretary Lena Brandt", "Marta Olsen, general secretary of the
     * union": a role in lower case beside two or three name words makes them a
     * person, whatever the first name */
    if (plen == j - i && plen <= 3) {
        const char *title = title_before(c, i);
        if (!title && plen >= 2)
            title = title_after(c, j);
        if (title)
            return add(c, i, j, TDP_ENT_PERSON, title);
    }
    return add(c, i, j, TDP_ENT_OTHER, NULL);
}

/* A title-case line ("US and NATO Ready to Continue Dialogue"): most content
 * words capitalised. Names in it are kept only when recognised. */
static bool headline(const nctx *c)
{
    size_t content = 0, caps = 0;
    for (size_t i = 0; i < c->tl->n; i++) {
        if (FLG(c, i) & TDP_TOK_HASDIGIT)
            continue;
        if (!(FLG(c, i) & TDP_TOK_CAP) && (FLG(c, i) & TDP_TOK_STOP))
            continue;
        content++;
        caps += (FLG(c, i) & TDP_TOK_CAP) != 0;
    }
    return content >= 4 && caps * 10 >= content * 8;
}

static td_status sentence(nctx *c)
{
    const tdp_toklist *tl = c->tl;
    size_t i = 0;
    size_t first_mention = c->an->n_mentions;
    bool head_line = headline(c);
    while (i < tl->n) {
        if (!cap_word(c, i)) {
            i++;
            continue;
        }
        if (initial(c, i)) {
            const char *f = F(c, i);
            size_t l = base_len(f, FL(c, i));
            bool lone = !(i + 1 < tl->n && cap_word(c, i + 1) && joinable(c, i + 1));
            if (!(FLG(c, i) & TDP_TOK_ALLCAPS) &&
                (is_discourse(f) || tdp_hset_has(&c->lower, tdp_hash(f, l)) ||
                 (lone && !tdp_lex_place(f, l) && !tdp_lex_first_name(f, l) &&
                  i + 1 < tl->n && c->s[tl->toks[i].off + tl->toks[i].len] == ','))) {
                i++;
                continue;
            }
        }
        size_t j = i + 1;
        bool head = head_word(c, i);
        while (j < tl->n) {
            if (cap_word(c, j) && joinable(c, j) && !initial(c, j)) {
                head |= head_word(c, j);
                j++;
                continue;
            }
            /* connectors: "Ministry of Foreign Affairs", "Department of the Treasury" */
            if (head && connector(F(c, j)) && joinable(c, j)) {
                size_t q = j + 1;
                if (is(c, q, "the") && !strcmp(F(c, j), "of"))
                    q++;
                if (is(c, j, "and") && and_blocked(c, i, j))
                    break;
                if (q < tl->n && cap_word(c, q) && joinable(c, q)) {
                    j = q;
                    continue;
                }
            }
            break;
        }
        if (run(c, i, j))
            return TD_ENOMEM;
        i = j;
    }
    if (head_line) {
        /* keep what the lexicons vouch for; unknown runs are just title case */
        size_t w = first_mention;
        for (size_t k = first_mention; k < c->an->n_mentions; k++)
            if (c->an->mentions[k].type != TDP_ENT_OTHER || !strchr(c->an->mentions[k].key, ' '))
                c->an->mentions[w++] = c->an->mentions[k];
        c->an->n_mentions = w;
    }
    return TD_OK;
}

/* Nationality and direction adjectives: "Russian", "Western", "Polish". */
static bool demonym(const char *k)
{
    size_t l = strlen(k);
    if (strchr(k, ' ') || l < 5)
        return false;
    static const char *const suf[] = {"ian", "ean", "can", "ish", "ese", "ern", "ic", "an"};
    for (size_t i = 0; i < sizeof suf / sizeof *suf; i++) {
        size_t sl = strlen(suf[i]);
        if (l > sl && !strcmp(k + l - sl, suf[i]))
            return true;
    }
    return false;
}

/* The last word of a key: a person's key is the surname. */
static const char *surname(const char *key)
{
    const char *sp = strrchr(key, ' ');
    return sp ? sp + 1 : key;
}

/* Lone words and unknown runs that end in a known person's surname are that
 * person. */
static td_status by_surname(tdp_analysis *an)
{
    tdp_hset persons;
    tdp_hset_init(&persons);
    td_status st = TD_OK;
    for (size_t i = 0; i < an->n_mentions && !st; i++)
        if (an->mentions[i].type == TDP_ENT_PERSON)
            st = tdp_hset_add(&persons,
                              tdp_hash(an->mentions[i].key, strlen(an->mentions[i].key)));
    for (size_t i = 0; i < an->n_mentions && !st; i++) {
        tdp_mention *m = &an->mentions[i];
        const char *last = surname(m->key);
        if (m->type == TDP_ENT_OTHER && tdp_hset_has(&persons, tdp_hash(last, strlen(last)))) {
            m->type = TDP_ENT_PERSON;
            m->key = last;
        }
    }
    tdp_hset_free(&persons);
    return st;
}

td_status tdp_name_speakers(tdp_analysis *an)
{
    /* the speakers of untyped names: each one's key, and whether it is a whole
     * name (two words or more) */
    tdp_hmap spoke; /* key -> 1: spoke as a lone word, 2: as a whole name */
    tdp_hmap_init(&spoke, sizeof(uint8_t), 0);
    td_status st = TD_OK;
    for (size_t i = 0; i < an->n_quotes && !st; i++) {
        const tdp_quote *q = &an->quotes[i];
        if (!q->speaker_key || q->speaker_type != TDP_ENT_OTHER || !q->cue)
            continue;
        void *v;
        st = tdp_hmap_put(&spoke, tdp_hash(q->speaker_key, strlen(q->speaker_key)), &v, NULL);
        if (!st && *(uint8_t *)v < 2)
            *(uint8_t *)v = strchr(q->speaker_key, ' ') ? 2 : 1;
    }
    if (st || !spoke.n) {
        tdp_hmap_free(&spoke);
        return st;
    }
    /* a lone word speaks for the whole name of the article that ends in it */
    tdp_hset whole;
    tdp_hset_init(&whole);
    for (size_t i = 0; i < an->n_mentions && !st; i++) {
        const tdp_mention *m = &an->mentions[i];
        if (m->type != TDP_ENT_OTHER || !strchr(m->key, ' '))
            continue;
        const char *last = surname(m->key);
        const uint8_t *lone = tdp_hmap_get(&spoke, tdp_hash(last, strlen(last)));
        const uint8_t *full = tdp_hmap_get(&spoke, tdp_hash(m->key, strlen(m->key)));
        if ((lone && *lone == 1) || full)
            st = tdp_hset_add(&whole, tdp_hash(last, strlen(last)));
    }
    for (size_t i = 0; i < an->n_mentions && !st; i++) {
        tdp_mention *m = &an->mentions[i];
        const char *last = surname(m->key);
        if (m->type == TDP_ENT_OTHER && strchr(m->key, ' ') &&
            tdp_hset_has(&whole, tdp_hash(last, strlen(last)))) {
            m->type = TDP_ENT_PERSON;
            m->key = last;
        }
    }
    tdp_hset_free(&whole);
    tdp_hmap_free(&spoke);
    if (!st)
        st = by_surname(an);
    /* the quotes follow their speakers: a quote names its speaker by the mention's
     * own string, so the person mentions are looked up by that pointer (linear in
     * quotes and mentions) */
    tdp_hmap person; /* mention name pointer -> index of the first person mention */
    tdp_hmap_init(&person, sizeof(size_t), 0);
    for (size_t k = 0; k < an->n_mentions && !st; k++) {
        if (an->mentions[k].type != TDP_ENT_PERSON)
            continue;
        void *v;
        bool added;
        st = tdp_hmap_put(&person, (uint64_t)(uintptr_t)an->mentions[k].name, &v, &added);
        if (!st && added)
            *(size_t *)v = k;
    }
    for (size_t i = 0; i < an->n_quotes && !st; i++) {
        tdp_quote *q = &an->quotes[i];
        if (!q->speaker_key || q->speaker_type != TDP_ENT_OTHER)
            continue;
        const size_t *k = tdp_hmap_get(&person, (uint64_t)(uintptr_t)q->speaker);
        if (k) {
            q->speaker_type = TDP_ENT_PERSON;
            q->speaker_key = an->mentions[*k].key;
        }
    }
    tdp_hmap_free(&person);
    return st;
}

/* ASCII-case-insensitive equality of a and b[0..n). */
static bool same_folded(const char *a, const char *b, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        unsigned char x = (unsigned char)a[k], y = (unsigned char)b[k];
        if (!x || (x | 0x20) != (y | 0x20) || ((x ^ y) && !((x | 0x20) >= 'a' && (x | 0x20) <= 'z')))
            return false;
    }
    return !a[n];
}

/* The initials of an organisation's name: the first letter of each word other
 * than "of", "the", "for", "and" (hyphens part words: "NATO-Russia Council" gives
 * "nrc"). 0 when they do not make 2 to 7 letters. */
static size_t initials(const char *name, char *out)
{
    size_t n = 0;
    for (const char *p = name; *p;) {
        while (*p == ' ' || *p == '-')
            p++;
        const char *e = p;
        while (*e && *e != ' ' && *e != '-')
            e++;
        size_t l = (size_t)(e - p);
        bool skip = (l == 2 && same_folded("of", p, 2)) || (l == 3 && same_folded("the", p, 3)) ||
                    (l == 3 && same_folded("for", p, 3)) || (l == 3 && same_folded("and", p, 3));
        if (l && !skip) {
            unsigned char ch = (unsigned char)*p;
            if (n == 7 || !((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z'))
                return 0;
            out[n++] = (char)(ch | 0x20);
        }
        p = e;
    }
    out[n] = '\0';
    return n >= 2 ? n : 0;
}

/*
 * What the article itself says a name is:
 * - an acronym made of the initials of an organisation the article names is that
 *   organisation ("NRC" beside "NATO-Russia Council", "KBDU" beside "Kestrel Bay
 *   Dockworkers' Union");
 * - the outlet that published the article is its source, not an actor in it;
 * - the dateline's place, and a name written after "in", "near", "outside" or
 *   "across", are places ("in Lindqvist"), and so is every other mention with
 *   their key.
 */
static td_status by_context(const td_article *a, tdp_analysis *an)
{
    tdp_hmap acr; /* hash of initials -> index of the organisation */
    tdp_hset place;
    tdp_hmap_init(&acr, sizeof(size_t), 0);
    tdp_hset_init(&place);
    td_status st = TD_OK;
    char ini[8];
    for (size_t i = 0; i < an->n_mentions && !st; i++) {
        const tdp_mention *m = &an->mentions[i];
        if (m->type == TDP_ENT_ORG && strchr(m->key, ' ') && initials(m->name, ini)) {
            void *v;
            bool added;
            st = tdp_hmap_put(&acr, tdp_hash(ini, strlen(ini)), &v, &added);
            if (!st && added)
                *(size_t *)v = i;
        }
    }
    if (!st && a->dateline) {
        char key[128];
        size_t n = strlen(a->dateline);
        if (n < sizeof key) {
            for (size_t k = 0; k <= n; k++) {
                unsigned char ch = (unsigned char)a->dateline[k];
                key[k] = (char)(ch >= 'A' && ch <= 'Z' ? ch | 0x20 : ch);
            }
            st = tdp_hset_add(&place, tdp_hash(key, n));
        }
    }
    static const char *const prep[] = {"in ", "near ", "outside ", "across "};
    for (size_t i = 0; i < an->n_mentions && !st; i++) {
        tdp_mention *m = &an->mentions[i];
        if (m->type == TDP_ENT_OTHER || m->type == TDP_ENT_ORG) {
            size_t l = strlen(m->key);
            const size_t *o = l >= 2 && l <= 7 && !strchr(m->key, ' ')
                                  ? tdp_hmap_get(&acr, tdp_hash(m->key, l))
                                  : NULL;
            if (o && *o != i && strlen(m->name) == l) {
                m->type = TDP_ENT_ORG;
                m->key = an->mentions[*o].key;
                continue;
            }
        }
        if (m->type != TDP_ENT_OTHER)
            continue;
        const tdp_sentence *sn = &an->sents[m->sent];
        const char *after = sn->text + m->off + m->len;
        bool poss = m->off + m->len < sn->len && after[0] == '\'';
        for (size_t k = 0; k < sizeof prep / sizeof *prep && !poss; k++) {
            size_t pl = strlen(prep[k]);
            if (m->off >= pl && !memcmp(sn->text + m->off - pl, prep[k], pl) &&
                (m->off == pl || sn->text[m->off - pl - 1] == ' ')) {
                st = tdp_hset_add(&place, tdp_hash(m->key, strlen(m->key)));
                break;
            }
        }
    }
    for (size_t i = 0; i < an->n_mentions && !st; i++) {
        tdp_mention *m = &an->mentions[i];
        if (m->type == TDP_ENT_OTHER && tdp_hset_has(&place, tdp_hash(m->key, strlen(m->key))))
            m->type = TDP_ENT_PLACE;
    }
    /* the outlet */
    size_t w = 0, ol = a->outlet ? strlen(a->outlet) : 0;
    for (size_t i = 0; i < an->n_mentions; i++) {
        const tdp_mention *m = &an->mentions[i];
        if (ol && m->type != TDP_ENT_PERSON && same_folded(m->name, a->outlet, ol))
            continue;
        an->mentions[w++] = *m;
    }
    if (!st)
        an->n_mentions = w;
    tdp_hset_free(&place);
    tdp_hmap_free(&acr);
    return st;
}

/*
 * Where the dateline of the first paragraph ends: "HALDEN (Coast Courier) - ",
 * "KESTREL BAY, March 4 - ". The place and the outlet there say where and by whom
 * the story was filed; they are not actors of it. 0 when there is none.
 */
static size_t dateline_end(const td_article *a, const tdp_analysis *an)
{
    if (!a->dateline || !an->n_sents || an->sents[0].para != 0 || !a->n_paras)
        return 0;
    const char *t = a->paras[0].text;
    size_t n = a->paras[0].len, dl = strlen(a->dateline);
    if (dl > n || memcmp(t, a->dateline, dl))
        return 0;
    static const char *const dash[] = {" - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " -- ",
                                       "\xE2\x80\x94", ": "};
    /* room for "(Outlet)" or ", March 4 2026" before the dash; set by hand from the
     * datelines of the seeds and examples/ (the longest tail there is "(Sputnik)"),
     * not tuned on a corpus */
    size_t lim = dl + 80 < n ? dl + 80 : n;
    for (size_t k = dl; k < lim; k++)
        for (size_t d = 0; d < sizeof dash / sizeof *dash; d++) {
            size_t l = strlen(dash[d]);
            if (k + l <= n && !memcmp(t + k, dash[d], l))
                return k + l;
        }
    return 0;
}

td_status tdp_find_mentions(td_article *a, tdp_analysis *an, const tdp_toklist *all,
                            const size_t *sent_tok)
{
    nctx c;
    memset(&c, 0, sizeof c);
    c.a = a;
    c.an = an;
    c.lang = tdp_lang_get(a->language);
    c.dlangs = TDP_DL_BIT(TDP_DL_EN);
    for (int l = 0; l < TDP_DL_COUNT; l++)
        if (a->language && tdp_date_lang_code(a->language) == tdp_date_lang_of((tdp_dlang)l))
            c.dlangs |= TDP_DL_BIT(l);
    /* Words the article writes in lower case. */
    tdp_hset_init(&c.lower);
    td_status st = tdp_hset_reserve(&c.lower, all->n);
    for (size_t i = 0; i < all->n && !st; i++)
        if (!(all->toks[i].flags & (TDP_TOK_CAP | TDP_TOK_HASDIGIT)))
            st = tdp_hset_add(&c.lower, tdp_hash(tdp_toklist_fold(all, i),
                                                 base_len(tdp_toklist_fold(all, i),
                                                          all->toks[i].flen)));
    size_t dl_end = dateline_end(a, an);
    for (size_t s = 0; s < an->n_sents && !st; s++) {
        c.opening = s == 0 && dl_end > an->sents[0].off ? dl_end - an->sents[0].off : 0;
        c.s = an->sents[s].text;
        c.n = an->sents[s].len;
        c.sent = (uint32_t)s;
        c.view = tdp_toklist_view(all, sent_tok[s], sent_tok[s + 1] - sent_tok[s]);
        c.tl = &c.view;
        st = sentence(&c);
    }
    tdp_hset_free(&c.lower);
    if (st)
        return st;
    st = by_surname(an);
    if (st)
        return st;
    /* Lone adjectives, page furniture and the dateline are not names. */
    size_t w = 0;
    for (size_t i = 0; i < an->n_mentions; i++) {
        const tdp_mention *m = &an->mentions[i];
        if (m->sent == 0 && an->sents[0].off + m->off < dl_end)
            continue;
        if (m->type == TDP_ENT_OTHER && demonym(m->key))
            continue;
        if (m->type == TDP_ENT_ORG && (!strcmp(m->key, "gmt") || !strcmp(m->key, "utc") ||
                                       !strcmp(m->key, "pdf")))
            continue;
        an->mentions[w++] = *m;
    }
    an->n_mentions = w;
    return by_context(a, an);
}

/*
 * test_brief.c - unit tests of the brief stage on hand-built analyses: quotes
 * merged across outlets, people merged by key, timeline merging and order,
 * summary sources with copies, title cleaning, the fallback splitter, and every
 * allocation failure of a whole corpus build released without a leak.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>

#include "brief/brief_p.h"
#include "tidings/tidings.h"

#include "failalloc.h"

/* ---- building articles with hand-made analyses ---- */

typedef struct tart {
    td_article *a;
    tdp_analysis *an;
    size_t cap_s, cap_d, cap_m, cap_q;
} tart;

static void tart_new(tart *t, const char *id, const char *date, const char *title)
{
    memset(t, 0, sizeof *t);
    t->a = td_article_new();
    assert_non_null(t->a);
    assert_int_equal(td_article_set(t->a, TD_FIELD_ID, id, strlen(id)), TD_OK);
    if (date)
        assert_int_equal(td_article_set(t->a, TD_FIELD_DATE, date, strlen(date)), TD_OK);
    if (title)
        assert_int_equal(td_article_set(t->a, TD_FIELD_TITLE, title, strlen(title)), TD_OK);
    t->an = tdp_calloc(1, sizeof *t->an);
    assert_non_null(t->an);
    t->a->an = t->an;
    t->a->cleaned = true;
}

static uint32_t tart_sent(tart *t, const char *text)
{
    assert_int_equal(tdp_article_add_para(t->a, text, strlen(text), TD_PARA_TEXT), TD_OK);
    assert_int_equal(TDP_GROW(t->an->sents, t->cap_s, t->an->n_sents + 1), TD_OK);
    const char *s = tdp_article_str(t->a, text, strlen(text));
    t->an->sents[t->an->n_sents] = (tdp_sentence){.text = s, .len = (uint32_t)strlen(text),
                                                  .para = (uint32_t)t->a->n_paras - 1};
    return (uint32_t)t->an->n_sents++;
}

static void tart_date(tart *t, uint32_t sent, const char *iso, const char *expr)
{
    td_date d;
    assert_int_equal(td_date_parse(iso, strlen(iso), &d), TD_OK);
    const char *st = t->an->sents[sent].text;
    const char *at = strstr(st, expr);
    assert_non_null(at);
    assert_int_equal(TDP_GROW(t->an->dates, t->cap_d, t->an->n_dates + 1), TD_OK);
    t->an->dates[t->an->n_dates++] = (tdp_date_mention){
        .date = d, .sent = sent, .off = (uint32_t)(at - st), .len = (uint32_t)strlen(expr)};
}

static void tart_mention(tart *t, uint32_t sent, const char *name, const char *key,
                         const char *title, int type)
{
    assert_int_equal(TDP_GROW(t->an->mentions, t->cap_m, t->an->n_mentions + 1), TD_OK);
    const char *st = t->an->sents[sent].text;
    const char *at = strstr(st, name);
    t->an->mentions[t->an->n_mentions++] = (tdp_mention){
        .name = tdp_article_str(t->a, name, strlen(name)),
        .key = tdp_article_str(t->a, key, strlen(key)),
        .title = title ? tdp_article_str(t->a, title, strlen(title)) : NULL, .sent = sent,
        .off = at ? (uint32_t)(at - st) : 0, .len = (uint32_t)strlen(name),
        .type = (uint8_t)type};
}

static void tart_quote(tart *t, uint32_t sent, const char *text, const char *speaker)
{
    assert_int_equal(TDP_GROW(t->an->quotes, t->cap_q, t->an->n_quotes + 1), TD_OK);
    t->an->quotes[t->an->n_quotes++] = (tdp_quote){
        .text = tdp_article_str(t->a, text, strlen(text)), .len = (uint32_t)strlen(text),
        .speaker = speaker ? tdp_article_str(t->a, speaker, strlen(speaker)) : NULL,
        .sent = sent};
}

/* ---- quotes ---- */

static void test_quotes_merged_across_outlets(void **state)
{
    (void)state;
    tart t[4];
    tart_new(&t[0], "a", "2022-01-15", "US and NATO ready | Site");
    tart_new(&t[1], "b", "2022-01-15", NULL);
    tart_new(&t[2], "c", "2022-01-14", NULL);
    tart_new(&t[3], "d", "2022-01-16", NULL);
    uint32_t s0 = tart_sent(&t[0], "\"The United States and NATO are ready to meet again with "
                                   "Russia and are committed to pursuing continued diplomacy and "
                                   "reciprocal dialogue. The United States and its NATO Allies "
                                   "are united on the diplomatic path forward and urge Russia to "
                                   "take immediate action to deescalate its ongoing aggression "
                                   "against Ukraine\", the Department of State said.");
    tart_quote(&t[0], s0,
               "The United States and NATO are ready to meet again with Russia and are "
               "committed to pursuing continued diplomacy and reciprocal dialogue. The United "
               "States and its NATO Allies are united on the diplomatic path forward and urge "
               "Russia to take immediate action to deescalate its ongoing aggression against "
               "Ukraine",
               "the Department of State");
    /* a re-translated, partial wording */
    uint32_t s1 = tart_sent(&t[1], "\"The United States and its NATO allies stand united on the "
                                   "diplomatic path forward and call on Russia to take immediate "
                                   "action to de-escalate its ongoing aggression against "
                                   "Ukraine,\" Ned Price said.");
    tart_quote(&t[1], s1,
               "The United States and its NATO allies stand united on the diplomatic path "
               "forward and call on Russia to take immediate action to de-escalate its ongoing "
               "aggression against Ukraine",
               "Ned Price");
    uint32_t s2 = tart_sent(&t[2], "The statement read, \"The United States and NATO are ready "
                                   "to meet again with Russia and are committed to pursuing "
                                   "continued diplomacy and reciprocal dialogue.\"");
    tart_quote(&t[2], s2,
               "The United States and NATO are ready to meet again with Russia and are "
               "committed to pursuing continued diplomacy and reciprocal dialogue.",
               "Ned Price");
    /* another statement, and a scare quote that is not a quote at all */
    uint32_t s3 = tart_sent(&t[3], "Peskov called the claims \"empty and unfounded\" and "
                                   "spoke of a possible 'invasion' of Ukraine.");
    tart_quote(&t[3], s3, "empty and unfounded", "Dmitry Peskov");
    t[3].an->quotes[0].partial = 1;
    tart_quote(&t[3], s3, "invasion", NULL);

    td_article *arts[4] = {t[0].a, t[1].a, t[2].a, t[3].a};
    uint32_t members[4] = {0, 1, 2, 3};
    tdp_copy copies[4] = {{-1, 0, 0}, {-1, 0, 0}, {-1, 0, 0}, {-1, 0, 0}};
    tdp_brief b;
    assert_int_equal(tdp_brief_build(arts, copies, members, 4, NULL, &b), TD_OK);
    assert_int_equal(b.n_quotes, 2);
    assert_int_equal(b.quotes[0].src.n, 3);
    assert_int_equal(b.quotes[0].src.n_indep, 3);
    assert_non_null(strstr(b.quotes[0].text, "ready to meet again"));
    assert_non_null(strstr(b.quotes[0].text, "ongoing aggression"));
    assert_string_equal(b.quotes[0].speaker, "Ned Price");
    assert_false(b.quotes[0].partial);
    assert_string_equal(b.quotes[1].text, "empty and unfounded");
    assert_string_equal(b.quotes[1].speaker, "Dmitry Peskov");
    assert_true(b.quotes[1].partial);
    /* story order: by date */
    assert_string_equal(arts[b.arts[0]]->id, "c");
    assert_string_equal(b.headline, "US and NATO ready");
    tdp_brief_free(&b);
    for (int i = 0; i < 4; i++)
        td_article_free(arts[i]);
}

/* ---- people ---- */

static void test_people_merged_by_key(void **state)
{
    (void)state;
    tart t[3];
    tart_new(&t[0], "a", "2022-01-15", NULL);
    tart_new(&t[1], "b", "2022-01-15", NULL);
    tart_new(&t[2], "c", "2022-01-15", NULL);
    uint32_t s = tart_sent(&t[0], "US Secretary of State Antony Blinken spoke with Jens "
                                  "Stoltenberg in Washington.");
    tart_mention(&t[0], s, "Antony Blinken", "blinken", "US Secretary of State",
                 TDP_ENT_PERSON);
    tart_mention(&t[0], s, "Jens Stoltenberg", "stoltenberg", NULL, TDP_ENT_PERSON);
    tart_mention(&t[0], s, "Washington", "washington", NULL, TDP_ENT_PLACE);
    s = tart_sent(&t[1], "Secretary of State Anthony Blinken called the NATO chief.");
    tart_mention(&t[1], s, "Anthony Blinken", "blinken", "Secretary of State",
                 TDP_ENT_PERSON);
    s = tart_sent(&t[2], "Secretary of State Antony J. Blinken spoke today. Blinken said so.");
    tart_mention(&t[2], s, "Antony J. Blinken", "blinken", "US Secretary of State",
                 TDP_ENT_PERSON);
    tart_mention(&t[2], s, "Blinken", "blinken", NULL, TDP_ENT_PERSON);
    tart_mention(&t[2], s, "Antony Blinken", "blinken", NULL, TDP_ENT_PERSON);

    td_article *arts[3] = {t[0].a, t[1].a, t[2].a};
    uint32_t members[3] = {0, 1, 2};
    tdp_brief b;
    assert_int_equal(tdp_brief_build(arts, NULL, members, 3, NULL, &b), TD_OK);
    assert_int_equal(b.n_people, 2);
    assert_string_equal(b.people[0].name, "Antony Blinken");
    assert_int_equal(b.people[0].n_variants, 4);
    assert_string_equal(b.people[0].title, "US Secretary of State");
    assert_int_equal(b.people[0].src.n_indep, 3);
    assert_int_equal(b.people[0].mentions, 5);
    assert_string_equal(b.people[1].name, "Jens Stoltenberg");
    assert_int_equal(b.n_places, 1);
    assert_string_equal(b.places[0].name, "Washington");
    tdp_brief_free(&b);
    for (int i = 0; i < 3; i++)
        td_article_free(arts[i]);
}

/* ---- timeline ---- */

/* A short sentence is shown whole: it stands once, at its most precise date; two
 * days in one sentence stay two events. */
static void test_timeline_sentence_once(void **state)
{
    (void)state;
    tart t[1];
    tart_new(&t[0], "a", "2022-01-15", NULL);
    uint32_t s = tart_sent(&t[0], "Russia and the alliance held negotiations on 12 January in "
                                  "Brussels to discuss the security proposals put forward by "
                                  "Moscow in mid-December.");
    tart_date(&t[0], s, "2022-01-12", "12 January");
    tart_date(&t[0], s, "2021-12", "mid-December");
    s = tart_sent(&t[0], "The alliance decided on January 3 to hold the meeting of its "
                         "council with Russian envoys on January 12.");
    tart_date(&t[0], s, "2022-01-03", "January 3");
    tart_date(&t[0], s, "2022-01-12", "January 12");
    td_article *arts[1] = {t[0].a};
    uint32_t members[1] = {0};
    tdp_brief b;
    assert_int_equal(tdp_brief_build(arts, NULL, members, 1, NULL, &b), TD_OK);
    char d[32];
    for (size_t i = 0; i < b.n_timeline; i++) {
        td_date_format(&b.timeline[i].date, d, sizeof d);
        assert_string_not_equal(d, "2021-12");
    }
    assert_int_equal(b.n_timeline, 3);
    td_date_format(&b.timeline[0].date, d, sizeof d);
    assert_string_equal(d, "2022-01-03");
    tdp_brief_free(&b);
    td_article_free(arts[0]);
}

static void test_timeline_merged_and_sorted(void **state)
{
    (void)state;
    tart t[3];
    tart_new(&t[0], "a", "2022-01-15", NULL);
    tart_new(&t[1], "b", "2021-12-26", NULL);
    tart_new(&t[2], "c", NULL, NULL); /* no date of its own */
    uint32_t s = tart_sent(&t[0], "The Russian Foreign Ministry presented draft agreements on "
                                  "security on December 17, 2021.");
    tart_date(&t[0], s, "2021-12-17", "December 17, 2021");
    s = tart_sent(&t[0], "Brussels hosted the NATO-Russia Council on January 12.");
    tart_date(&t[0], s, "2022-01-12", "January 12");
    s = tart_sent(&t[1], "On December 17, the Russian Foreign Ministry released draft "
                         "agreements on security guarantees.");
    tart_date(&t[1], s, "2021-12-17", "December 17");
    s = tart_sent(&t[1], "On December 17, heavy snow closed the airport of Oslo.");
    tart_date(&t[1], s, "2021-12-17", "December 17");
    /* an article without a date: its month-and-day dates are found again against
     * the story's date (the year of "December 17" is the one nearest it); weekdays
     * are not (which week is unknown), nor a month without its year */
    tart_sent(&t[2], "On December 17, the Russian Foreign Ministry published draft "
                     "agreements.");
    tart_sent(&t[2], "In November 2021, reports said troops moved near the border.");
    tart_sent(&t[2], "On Tuesday, the ministers of the alliance met again in Brussels.");
    tart_sent(&t[2], "In March, the ministers of the alliance will meet in Madrid.");

    td_article *arts[3] = {t[0].a, t[1].a, t[2].a};
    uint32_t members[3] = {0, 1, 2};
    tdp_brief b;
    assert_int_equal(tdp_brief_build(arts, NULL, members, 3, NULL, &b), TD_OK);
    assert_int_equal(b.n_timeline, 4);
    char d[32];
    td_date_format(&b.timeline[0].date, d, sizeof d);
    assert_string_equal(d, "2021-11");
    td_date_format(&b.timeline[1].date, d, sizeof d);
    assert_string_equal(d, "2021-12-17");
    assert_int_equal(b.timeline[1].src.n, 3);   /* the drafts: three articles */
    assert_int_equal(b.timeline[2].src.n, 1);   /* the snow: another event */
    assert_non_null(strstr(b.timeline[2].text, "snow"));
    td_date_format(&b.timeline[3].date, d, sizeof d);
    assert_string_equal(d, "2022-01-12");
    tdp_brief_free(&b);
    for (int i = 0; i < 3; i++)
        td_article_free(arts[i]);
}

/* ---- facts ---- */

static void event_sentence(tart *t, const char *text, const char *event, const char *place,
                           const char *date_iso, const char *date_expr)
{
    uint32_t s = tart_sent(t, text);
    tart_mention(t, s, event, event, NULL, TDP_ENT_ORG);
    if (place)
        tart_mention(t, s, place, place, NULL, TDP_ENT_PLACE);
    if (date_iso)
        tart_date(t, s, date_iso, date_expr);
}

static void test_facts_discrepancy(void **state)
{
    (void)state;
    tart t[5];
    tart_new(&t[0], "a", "2022-01-01", NULL);
    tart_new(&t[1], "b", "2022-01-14", NULL);
    tart_new(&t[2], "c", "2022-01-15", NULL);
    tart_new(&t[3], "d", "2022-01-15", NULL); /* a copy of b */
    tart_new(&t[4], "e", "2021-12-26", NULL);
    event_sentence(&t[0], "On January 10, Geneva will host the Russia-NATO Council, led by "
                          "Sergei Ryabkov.", "Russia-NATO Council", "Geneva", "2022-01-10",
                   "January 10");
    event_sentence(&t[1], "On January 12, Brussels hosted the first meeting of the NATO-Russia "
                          "Council since 2019.", "NATO-Russia Council", "Brussels", "2022-01-12",
                   "January 12");
    event_sentence(&t[2], "Geneva hosted consultations on the topic, which were followed by a "
                          "meeting of the Russia-NATO Council in Brussels on January 12.",
                   "Russia-NATO Council", "Brussels", "2022-01-12", "January 12");
    tart_mention(&t[2], 0, "Geneva", "Geneva", NULL, TDP_ENT_PLACE);
    event_sentence(&t[3], "On January 12, Brussels hosted the first meeting of the NATO-Russia "
                          "Council since 2019.", "NATO-Russia Council", "Brussels", "2022-01-12",
                   "January 12");
    /* loosely tied: a reporting date and a metonymic place; nothing is claimed */
    event_sentence(&t[4], "Zakharova confirmed on Friday that Moscow received an offer from "
                          "Brussels relating to the meeting of the Russia-NATO Council.",
                   "Russia-NATO Council", "Brussels", "2021-12-24", "Friday");
    td_article *arts[5] = {t[0].a, t[1].a, t[2].a, t[3].a, t[4].a};
    uint32_t members[5] = {0, 1, 2, 3, 4};
    tdp_copy copies[5] = {{-1, 0, 0}, {-1, 0, 0}, {-1, 0, 0}, {1, 1, TDP_COPY_EXACT},
                          {-1, 0, 0}};
    tdp_brief b;
    assert_int_equal(tdp_brief_build(arts, copies, members, 5, NULL, &b), TD_OK);
    assert_int_equal(b.n_facts, 2);
    for (size_t i = 0; i < 2; i++) {
        const tdp_bfact *f = &b.facts[i];
        assert_int_equal(f->n_claims, 2);
        bool date = !strcmp(f->attr, "date");
        assert_string_equal(f->claims[0].value, date ? "2022-01-12" : "Brussels");
        assert_int_equal(f->claims[0].src.n, 3);       /* b, c and the copy d */
        assert_int_equal(f->claims[0].src.n_indep, 2); /* the copy counts once */
        assert_string_equal(f->claims[1].value, date ? "2022-01-10" : "Geneva");
        assert_int_equal(f->claims[1].src.n, 1);
        assert_string_equal(arts[b.arts[f->claims[1].src.ids[0]]]->id, "a");
    }
    tdp_brief_free(&b);
    for (int i = 0; i < 5; i++)
        td_article_free(arts[i]);
}

/* ---- summary ---- */

static void test_summary_sources_and_copies(void **state)
{
    (void)state;
    tart t[3];
    tart_new(&t[0], "orig", "2026-03-04", "Mediator named in port strike");
    tart_new(&t[1], "copy", "2026-03-04", "Port strike: mediator named - Harbour Times");
    tart_new(&t[2], "other", "2026-03-05", NULL);
    const char *lead = "Regional transport minister Ines Carvalho has appointed Ruth Okafor "
                       "to mediate between the dockworkers' union and the port authority.";
    tart_sent(&t[0], lead);
    tart_sent(&t[0], "The union wants a nine percent pay rise and an end to night shifts "
                     "at the port.");
    tart_sent(&t[1], "Regional transport minister Ines Carvalho appointed Ruth Okafor to "
                     "mediate between the dockworkers' union and the port authority.");
    tart_sent(&t[2], "Ships waited at anchor while mediator Ruth Okafor met the union and the "
                     "port authority.");
    tart_sent(&t[2], "Ships are waiting at anchor outside the port while the strike of the "
                     "union goes on.");
    td_article *arts[3] = {t[0].a, t[1].a, t[2].a};
    uint32_t members[3] = {0, 1, 2};
    tdp_copy copies[3] = {{-1, 0, 0}, {0, 0.9f, TDP_COPY_NEAR}, {-1, 0, 0}};
    tdp_brief_opts o = {2, 0};
    tdp_brief b;
    assert_int_equal(tdp_brief_build(arts, copies, members, 3, &o, &b), TD_OK);
    assert_int_equal(b.n_arts, 3);
    assert_int_equal(b.n_indep, 2);
    assert_int_equal(b.n_summary, 2);
    /* the lead: carried by the original and its copy, one independent source */
    size_t li = b.n_summary;
    for (size_t i = 0; i < b.n_summary; i++)
        if (!strcmp(b.summary[i].text, lead))
            li = i;
    assert_true(li < b.n_summary);
    tdp_srcs ls = b.summary[li].src;
    assert_int_equal(ls.n, 2);
    assert_int_equal(ls.n_indep, 1);
    assert_string_equal(arts[b.arts[ls.ids[0]]]->id, "orig");
    assert_string_equal(arts[b.arts[ls.ids[1]]]->id, "copy");
    /* copy_of names the canonical's local index */
    assert_int_equal(b.copy_of[1], 0);
    tdp_brief_free(&b);

    /* by words: at least 30 */
    o = (tdp_brief_opts){0, 30};
    assert_int_equal(tdp_brief_build(arts, copies, members, 3, &o, &b), TD_OK);
    size_t words = 0;
    for (size_t i = 0; i < b.n_summary; i++)
        words += tdp_word_count(b.summary[i].text, strlen(b.summary[i].text));
    assert_true(words >= 30);
    assert_true(b.n_summary >= 2);
    tdp_brief_free(&b);
    for (int i = 0; i < 3; i++)
        td_article_free(arts[i]);
}

/* ---- text helpers ---- */

static void test_clean_title(void **state)
{
    (void)state;
    static const struct {
        const char *in, *out;
    } k[] = {
        {"US and NATO ready for new talks with Russia | News from Germany about world "
         "events | DW",
         "US and NATO ready for new talks with Russia"},
        {"Strike ends at Kestrel Bay - Coastline Daily", "Strike ends at Kestrel Bay"},
        {"Strike ends at Kestrel Bay \xE2\x80\x94 The Courier", "Strike ends at Kestrel Bay"},
        {"Russia - NATO talks end without agreement", "Russia - NATO talks end without agreement"},
        {"Plain headline", "Plain headline"},
    };
    for (size_t i = 0; i < sizeof k / sizeof k[0]; i++) {
        size_t n = tdp_clean_title(k[i].in, strlen(k[i].in));
        assert_int_equal(n, strlen(k[i].out));
        assert_memory_equal(k[i].in, k[i].out, n);
    }
}

typedef struct spans {
    char out[8][128];
    int n;
    const char *s;
} spans;

static int span_cb(void *ctx, size_t off, size_t len)
{
    spans *sp = ctx;
    if (sp->n < 8 && len < 128) {
        memcpy(sp->out[sp->n], sp->s + off, len);
        sp->out[sp->n][len] = 0;
    }
    sp->n++;
    return 0;
}

static void test_split_sentences(void **state)
{
    (void)state;
    spans sp = {.n = 0};
    sp.s = "Secretary Antony J. Blinken met Mr. Price in the U.S. capital. \"We are "
           "ready,\" he said. Talks resume on Jan. 12! Then what?";
    tdp_brief_split(sp.s, strlen(sp.s), span_cb, &sp);
    assert_int_equal(sp.n, 4);
    assert_string_equal(sp.out[0], "Secretary Antony J. Blinken met Mr. Price in the U.S. capital.");
    assert_string_equal(sp.out[1], "\"We are ready,\" he said.");
    assert_string_equal(sp.out[2], "Talks resume on Jan. 12!");
    assert_string_equal(sp.out[3], "Then what?");
}

static void test_word_sets(void **state)
{
    (void)state;
    tdp_btok *t = tdp_btok_new();
    assert_non_null(t);
    tdp_arena ar = {0};
    uint64_t *a, *b;
    uint32_t na, nb, wa;
    assert_int_equal(tdp_btok_set(t, &ar, "The talks continued in Geneva.", 30, "en", &a, &na,
                                  &wa), TD_OK);
    assert_int_equal(wa, 5);
    assert_int_equal(na, 3); /* talk, continu, geneva */
    assert_int_equal(tdp_btok_set(t, &ar, "GENEVA: talk continuing", 23, NULL, &b, &nb, NULL),
                     TD_OK);
    assert_int_equal(tdp_set_common(a, na, b, nb), 3);
    assert_true(tdp_set_jaccard(a, na, b, nb) > 0.99);
    tdp_arena_free(&ar);
    tdp_btok_free(t);
}

/* ---- the whole corpus under allocation failure (failalloc.h) ---- */

static const char *const k_docs[] = {
    " date 2026-03-02\nStrike shuts Kestrel Bay port\nDockworkers walked out at 06:00 on "
    "Monday after talks broke down. \"We did not walk out for a headline,\" said Marta Olsen "
    "of the union. The port authority offered 4 percent.\n",
    " date 2026-03-03\nShips queue off Kestrel Bay\nThirty-one ships were at anchor on Tuesday "
    "as the dockworkers' strike went on. Ines Carvalho met both sides.\n",
    " date 2026-03-03\nShips queue off Kestrel Bay\nThirty-one ships were at anchor on Tuesday "
    "as the dockworkers' strike went on. Ines Carvalho met both sides.\n",
};

static td_status build_corpus(char **json, char **md, char **html)
{
    td_corpus *c = td_corpus_new(NULL);
    if (!c)
        return TD_ENOMEM;
    td_reader *r = td_reader_new(NULL);
    td_status st = r ? TD_OK : TD_ENOMEM;
    for (size_t i = 0; i < 3 && !st; i++) {
        char name[32];
        snprintf(name, sizeof name, "doc%zu.txt", i);
        st = td_reader_add_buffer(r, name, k_docs[i], strlen(k_docs[i]));
    }
    while (!st) {
        td_article *a = NULL;
        st = td_reader_next(r, &a);
        if (st == TD_END) {
            st = TD_OK;
            break;
        }
        if (!st)
            st = td_corpus_add(c, a);
    }
    td_reader_free(r);
    if (!st)
        st = td_corpus_build(c);
    if (!st)
        st = td_corpus_json(c, json, NULL);
    if (!st)
        st = td_corpus_markdown(c, md, NULL);
    if (!st && html)
        st = td_corpus_html(c, html, NULL);
    td_corpus_free(c);
    return st;
}

static void test_corpus_deterministic(void **state)
{
    (void)state;
    char *j1 = NULL, *m1 = NULL, *j2 = NULL, *m2 = NULL, *h = NULL;
    assert_int_equal(build_corpus(&j1, &m1, &h), TD_OK);
    assert_int_equal(build_corpus(&j2, &m2, NULL), TD_OK);
    assert_non_null(strstr(h, "<!DOCTYPE html>"));
    assert_non_null(strstr(h, "</html>"));
    assert_non_null(strstr(h, "&quot;We did not walk out") || strstr(h, "&ldquo;We did not"));
    td_free(h);
    assert_string_equal(j1, j2);
    assert_string_equal(m1, m2);
    assert_non_null(strstr(j1, "\"stories\":[{\"id\":1"));
    assert_non_null(strstr(m1, "## Sources"));
    td_free(j1);
    td_free(m1);
    td_free(j2);
    td_free(m2);
}

static void test_corpus_alloc_failures(void **state)
{
    (void)state;
    td_set_allocator(t_malloc, t_realloc, t_free);
    unsigned long n_ok = 0;
    for (unsigned long at = 1; at <= 100000; at++) {
        g_fail_at = at;
        g_count = 0;
        g_live = 0;
        char *j = NULL, *m = NULL, *h = NULL;
        td_status st = build_corpus(&j, &m, &h);
        if (st == TD_OK) {
            t_free(j);
            t_free(m);
            t_free(h);
        } else {
            assert_int_equal(st, TD_ENOMEM);
            /* the JSON and Markdown may be made before a later one fails */
            t_free(j);
            t_free(m);
            assert_null(h);
        }
        assert_int_equal(g_live, 0);
        if (st == TD_OK && g_count < at) {
            n_ok = at;
            break;
        }
    }
    td_set_allocator(NULL, NULL, NULL);
    g_fail_at = 0;
    assert_true(n_ok > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_quotes_merged_across_outlets),
        cmocka_unit_test(test_people_merged_by_key),
        cmocka_unit_test(test_timeline_merged_and_sorted),
        cmocka_unit_test(test_timeline_sentence_once),
        cmocka_unit_test(test_facts_discrepancy),
        cmocka_unit_test(test_summary_sources_and_copies),
        cmocka_unit_test(test_clean_title),
        cmocka_unit_test(test_split_sentences),
        cmocka_unit_test(test_word_sets),
        cmocka_unit_test(test_corpus_deterministic),
        cmocka_unit_test(test_corpus_alloc_failures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_cluster.c - story clustering: stories, time, streaming vs batch, sub-events. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>

#include "cluster/cluster_p.h"
#include "tidings/clean.h"
#include "tidings/reader.h"
#include "support.h"

/* Made-up wire-style reports: two earthquakes, two court verdicts, one storyline
 * told over two weeks, and one unrelated sports story. */
typedef struct doc {
    const char *date;   /* NULL: undated */
    const char *title;
    const char *text;
    int story;          /* expected story (same number = same story) */
} doc;

static const doc docs[] = {
    {"2024-03-04", "Strong earthquake shakes Peru's Arequipa region",
     "A magnitude 6.8 earthquake struck the Arequipa region of southern Peru on Monday, "
     "the Geophysical Institute of Peru said. Houses collapsed in Caraveli and at least "
     "12 people were injured. The quake hit at a depth of 33 kilometres near Acari. "
     "Arequipa governor Rohel Sanchez said rescue teams were sent to Caraveli.", 1},
    {"2024-03-04", "Peru quake injures 12 in Arequipa",
     "At least 12 people were injured when a 6.8 magnitude earthquake hit southern Peru. "
     "In Caraveli province, in Arequipa, adobe houses collapsed, said governor Rohel "
     "Sanchez. The Geophysical Institute of Peru placed the epicentre near Acari.", 1},
    {"2024-03-05", "Aftershocks rattle Caraveli after Peru earthquake",
     "Aftershocks shook Caraveli on Tuesday, a day after the magnitude 6.8 earthquake in "
     "Arequipa, Peru. Governor Rohel Sanchez said 40 houses in Acari were destroyed and "
     "the 12 injured were in stable condition.", 1},
    {"2024-03-06", "Earthquake of magnitude 6.1 hits Sumatra, Indonesia",
     "A magnitude 6.1 earthquake struck off the coast of Aceh on Sumatra, Indonesia's "
     "meteorology agency BMKG said on Wednesday. Buildings were damaged in Banda Aceh "
     "and Meulaboh; two people died. BMKG head Dwikorita Karnawati said there was no "
     "tsunami threat.", 2},
    {"2024-03-06", "Two dead as Sumatra quake damages buildings in Aceh",
     "Two people died in Meulaboh after a 6.1 magnitude quake off Aceh, Indonesia. "
     "Dwikorita Karnawati of BMKG said the earthquake did not trigger a tsunami. "
     "Damage was reported in Banda Aceh.", 2},
    {"2024-03-07", "Jury finds Halvorsen guilty of Tacoma bank fraud",
     "A federal jury in Tacoma found businessman Erik Halvorsen guilty of bank fraud "
     "on Thursday. Prosecutors said Halvorsen took $4.2 million from Puget Mutual Bank. "
     "Judge Maria Delgado set sentencing for June 14.", 3},
    {"2024-03-07", "Erik Halvorsen convicted in $4.2 million fraud",
     "Erik Halvorsen was convicted of defrauding Puget Mutual Bank of $4.2 million, a "
     "jury in Tacoma decided. Judge Maria Delgado will sentence him on June 14. "
     "His lawyer said Halvorsen will appeal the verdict.", 3},
    {"2024-03-08", "Court acquits Lyon mayor Duvernay in corruption case",
     "A court in Lyon acquitted former mayor Claire Duvernay of corruption on Friday. "
     "Judges found no proof that Duvernay awarded the tram contract to Rhone Transit "
     "for favours. Prosecutor Henri Vasseur said he would study the verdict.", 4},
    {"2024-03-08", "Duvernay cleared of corruption over Lyon tram deal",
     "Former Lyon mayor Claire Duvernay was cleared of corruption charges over the Rhone "
     "Transit tram contract. Prosecutor Henri Vasseur may appeal the verdict of the "
     "Lyon court.", 4},
    {"2024-03-01", "Riverton council votes to close Oakfield bridge",
     "The Riverton city council voted 7-2 on Friday to close the Oakfield bridge for "
     "repairs. Mayor Dana Whitfield said the bridge, built in 1958, is unsafe. "
     "Engineers from Halden Associates found cracks in two piers.", 5},
    {"2024-03-11", "Riverton mayor and governor discuss Oakfield bridge by phone",
     "Riverton mayor Dana Whitfield spoke by phone with Governor Tom Okafor about "
     "funds to repair the Oakfield bridge, closed since the council vote. Whitfield "
     "said the state may pay for the repairs of the cracked piers that Halden "
     "Associates found.", 5},
    {"2024-03-12", "Governor pledges funds for Oakfield bridge after call with Whitfield",
     "Governor Tom Okafor pledged state funds for the Oakfield bridge in Riverton after "
     "a phone call with mayor Dana Whitfield. The bridge was closed after the Riverton "
     "council vote; Halden Associates will lead the repairs.", 5},
    {"2024-03-09", "Marlins beat Storm 3-1 to reach cup final",
     "The Kesterton Marlins beat the Bayside Storm 3-1 on Saturday and reach the cup "
     "final. Striker Jonas Pell scored twice for the Marlins at Kesterton Park.", 6},
};
#define N_DOCS (sizeof docs / sizeof *docs)

static td_article *make(const doc *d)
{
    td_article *a = td_article_new();
    assert_non_null(a);
    assert_int_equal(td_article_set(a, TD_FIELD_TITLE, d->title, strlen(d->title)), TD_OK);
    assert_int_equal(td_article_set(a, TD_FIELD_TEXT, d->text, strlen(d->text)), TD_OK);
    if (d->date)
        assert_int_equal(td_article_set(a, TD_FIELD_DATE, d->date, strlen(d->date)), TD_OK);
    assert_int_equal(td_clean(a), TD_OK);
    assert_int_equal(tdp_analyse(a), TD_OK);
    return a;
}

static td_article **make_all(void)
{
    td_article **arts = calloc(N_DOCS, sizeof *arts);
    assert_non_null(arts);
    for (size_t i = 0; i < N_DOCS; i++)
        arts[i] = make(&docs[i]);
    return arts;
}

static void free_all(td_article **arts, size_t n)
{
    for (size_t i = 0; i < n; i++)
        td_article_free(arts[i]);
    free(arts);
}

static void no_copies(tdp_copy *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        c[i].of = -1;
        c[i].similarity = 0;
        c[i].kind = TDP_COPY_NONE;
    }
}

/* Same expected story <=> same story found. */
static void expect_partition(const uint32_t *story_of)
{
    for (size_t i = 0; i < N_DOCS; i++)
        for (size_t j = i + 1; j < N_DOCS; j++) {
            bool want = docs[i].story == docs[j].story;
            bool got = story_of[i] == story_of[j];
            if (want != got)
                fail_msg("articles %zu and %zu: %s, expected %s", i, j,
                         got ? "one story" : "two stories", want ? "one" : "two");
        }
}

static void test_events_of_one_kind_apart(void **state)
{
    (void)state;
    td_article **arts = make_all();
    tdp_copy copies[N_DOCS];
    no_copies(copies, N_DOCS);
    uint32_t story_of[N_DOCS];
    size_t ns = 0;
    assert_int_equal(tdp_cluster_corpus(arts, N_DOCS, copies, 0, story_of, &ns), TD_OK);
    expect_partition(story_of);
    assert_int_equal(ns, 6);
    /* numbered by first appearance in date order: the council vote (1 March) first */
    assert_int_equal(story_of[9], 0);
    free_all(arts, N_DOCS);
}

/*
 * Streams arts in `order` through a clusterer configured as the batch is (no clock
 * from mentioned dates, no leaving; `settle` articles waiting for their second
 * look, all looked at again at the end), following the merges and moves, and
 * checks that it gives the partition story_of.
 */
static void expect_stream(td_article **arts, const uint32_t *order, int settle,
                          const uint32_t *story_of)
{
    tdp_cluster_params p;
    tdp_cluster_params_default(&p);
    p.mention_clock = false;
    p.window_days = 1 << 28;
    p.settle = settle;
    tdp_clusterer *c = tdp_clusterer_new_params(&p, 1);
    assert_non_null(c);
    /* the batch weighs with the corpus's document frequencies: so does this stream */
    for (size_t i = 0; i < N_DOCS; i++) {
        tdp_cfeat *f = NULL;
        size_t nf = 0;
        assert_int_equal(tdp_cluster_features(arts[i], &f, &nf), TD_OK);
        tdp_clusterer_prime(c, f, nf);
        tdp_free(f);
    }
    uint64_t id[N_DOCS];
    uint64_t into[2 * N_DOCS + 2];   /* story ids are 1..N_DOCS */
    for (size_t i = 0; i < 2 * N_DOCS + 2; i++)
        into[i] = i;
    for (size_t k = 0; k <= N_DOCS; k++) {
        bool is_new;
        if (k < N_DOCS)
            assert_int_equal(tdp_clusterer_add(c, arts[order[k]], &id[order[k]], &is_new),
                             TD_OK);
        else
            assert_int_equal(tdp_clusterer_settle(c), TD_OK);
        const tdp_cluster_merge *m;
        size_t nm = tdp_clusterer_merges(c, &m);
        for (size_t x = 0; x < nm; x++)
            into[m[x].from] = m[x].into;
        const tdp_cluster_move *mv;
        size_t nv = tdp_clusterer_moves(c, &mv);
        for (size_t x = 0; x < nv; x++) {
            assert_true(mv[x].seq <= k && mv[x].seq < N_DOCS);
            id[order[mv[x].seq]] = mv[x].into;
        }
    }
    for (size_t i = 0; i < N_DOCS; i++)
        while (into[id[i]] != id[i])
            id[i] = into[id[i]];
    for (size_t i = 0; i < N_DOCS; i++)
        for (size_t j = 0; j < N_DOCS; j++)
            assert_int_equal(id[i] == id[j], story_of[i] == story_of[j]);
    tdp_clusterer_free(c);
}

static void test_batch_equals_stream(void **state)
{
    (void)state;
    td_article **arts = make_all();
    tdp_copy copies[N_DOCS];
    no_copies(copies, N_DOCS);
    uint32_t story_of[N_DOCS], order[N_DOCS];
    size_t ns = 0;
    assert_int_equal(tdp_cluster_corpus(arts, N_DOCS, copies, 0, story_of, &ns), TD_OK);
    /* the order is by date */
    assert_int_equal(tdp_cluster_order(arts, N_DOCS, order), TD_OK);
    for (size_t k = 1; k < N_DOCS; k++)
        assert_true(strcmp(docs[order[k - 1]].date, docs[order[k]].date) <= 0);
    /* streaming in that order with the whole corpus waiting gives the same stories */
    expect_stream(arts, order, (int)N_DOCS, story_of);
    /* so does a batch told to take no second look, against a stream without one */
    tdp_cluster_params p;
    tdp_cluster_params_default(&p);
    p.settle = -1;
    uint32_t story_none[N_DOCS];
    assert_int_equal(tdp_cluster_corpus_params(arts, N_DOCS, copies, &p, story_none, &ns),
                     TD_OK);
    expect_stream(arts, order, 0, story_none);
    /* and the batch does not depend on the input order */
    td_article *rev[N_DOCS];
    uint32_t story_rev[N_DOCS];
    for (size_t i = 0; i < N_DOCS; i++)
        rev[i] = arts[N_DOCS - 1 - i];
    assert_int_equal(tdp_cluster_corpus(rev, N_DOCS, copies, 0, story_rev, &ns), TD_OK);
    for (size_t i = 0; i < N_DOCS; i++)
        for (size_t j = 0; j < N_DOCS; j++)
            assert_int_equal(story_of[i] == story_of[j],
                             story_rev[N_DOCS - 1 - i] == story_rev[N_DOCS - 1 - j]);
    free_all(arts, N_DOCS);
}

/* Features of a synthetic article: shared words T1..T4 and three of its own. */
static size_t synth(tdp_cfeat *f, uint64_t own0, const int *own)
{
    size_t n = 0;
    for (uint64_t t = 1; t <= 4; t++)
        f[n++] = (tdp_cfeat){0x9E3779B97F4A7C15ull * t, 1, TDP_CT_WORD};
    for (int k = 0; k < 3; k++)
        f[n++] = (tdp_cfeat){0xC2B2AE3D27D4EB4Full * (own0 + (uint64_t)own[k]), 1,
                             TDP_CT_WORD};
    for (size_t x = 1; x < n; x++)
        for (size_t y = x; y > 0 && f[y - 1].hash > f[y].hash; y--) {
            tdp_cfeat t = f[y];
            f[y] = f[y - 1];
            f[y - 1] = t;
        }
    return n;
}

/* An undated article that joined the only story there was moves, on its second
 * look, to the story of its own event that formed after it. */
static void test_second_look_moves(void **state)
{
    (void)state;
    tdp_cluster_params p;
    tdp_cluster_params_default(&p);
    p.settle = 16;
    p.window_days = 200;    /* A's story stays live; the time decay keeps B out */
    tdp_clusterer *c = tdp_clusterer_new_params(&p, 1);
    assert_non_null(c);
    static const int a[3][3] = {{1, 2, 3}, {1, 2, 4}, {1, 3, 4}};
    tdp_cfeat f[7];
    uint64_t id[7];
    bool is_new;
    /* event A on day 20000, then an undated report of event B, then event B's
     * dated reports 100 days later (too late for A's story) */
    for (int i = 0; i < 3; i++) {
        size_t n = synth(f, 100, a[i]);
        assert_int_equal(tdp_clusterer_add_features(c, f, n, 20000, &id[i], &is_new), TD_OK);
    }
    assert_int_equal(id[1], id[0]);
    assert_int_equal(id[2], id[0]);
    size_t n = synth(f, 200, a[0]);
    assert_int_equal(tdp_clusterer_add_placed(c, f, n, TDP_NODAY, false, &id[3], &is_new),
                     TD_OK);
    assert_int_equal(id[3], id[0]);     /* the words all share: joins A */
    for (int i = 4; i < 7; i++) {
        n = synth(f, 200, a[i - 4]);
        assert_int_equal(tdp_clusterer_add_features(c, f, n, 20100, &id[i], &is_new),
                         TD_OK);
        assert_int_equal(id[i], id[4]);
        assert_true(tdp_clusterer_moves(c, NULL) == 0);
    }
    assert_true(id[4] != id[0]);
    /* the second look: article 3 moves to B */
    assert_int_equal(tdp_clusterer_settle(c), TD_OK);
    const tdp_cluster_move *mv;
    size_t nm = tdp_clusterer_moves(c, &mv);
    assert_int_equal(nm, 1);
    assert_int_equal(mv[0].seq, 3);
    assert_int_equal(mv[0].from, id[0]);
    assert_int_equal(mv[0].into, id[4]);
    /* nothing waits any more */
    assert_int_equal(tdp_clusterer_settle(c), TD_OK);
    assert_int_equal(tdp_clusterer_moves(c, NULL), 0);
    tdp_clusterer_free(c);
}

static void test_copies_join_canonical(void **state)
{
    (void)state;
    td_article **arts = make_all();
    tdp_copy copies[N_DOCS];
    no_copies(copies, N_DOCS);
    /* pretend the sports report is a copy of the first earthquake report */
    copies[12].of = 0;
    copies[12].kind = TDP_COPY_NEAR;
    uint32_t story_of[N_DOCS];
    size_t ns = 0;
    assert_int_equal(tdp_cluster_corpus(arts, N_DOCS, copies, 0, story_of, &ns), TD_OK);
    assert_int_equal(story_of[12], story_of[0]);
    assert_int_equal(ns, 5);
    free_all(arts, N_DOCS);
}

/* A copy stays one only when it agrees with what it copies in time and title. */
static void test_copies_agree(void **state)
{
    (void)state;
    static const doc v[] = {
        {"2024-03-04", "Strong earthquake shakes Peru's Arequipa region", NULL, 0},
        {"2024-03-05", "Strong earthquake shakes Peru's Arequipa region", NULL, 0},
        {"2024-04-20", "Strong earthquake shakes Peru's Arequipa region", NULL, 0},
        {"2024-03-04", "Jury finds Halvorsen guilty of Tacoma bank fraud", NULL, 0},
        {NULL, "Peru earthquake: Arequipa region shaken", NULL, 0},
    };
    td_article *arts[5];
    tdp_cinfo info[5];
    tdp_copy copies[5];
    no_copies(copies, 5);
    for (size_t i = 0; i < 5; i++) {
        doc d = v[i];
        d.text = docs[0].text;   /* the same text: dedup calls each a copy of 0 */
        arts[i] = make(&d);
        assert_int_equal(tdp_cluster_info(arts[i], &info[i]), TD_OK);
        if (i)
            copies[i].of = 0;
    }
    tdp_cluster_copies_agree(arts, info, NULL, 5, copies);
    assert_int_equal(copies[1].of, 0);    /* a day later, the same title */
    assert_int_equal(copies[2].of, -1);   /* 47 days later */
    assert_int_equal(copies[3].of, -1);   /* the same day, another event's title */
    assert_int_equal(copies[3].kind, TDP_COPY_NONE);
    assert_int_equal(copies[4].of, 0);    /* undated, the headline reworded */
    for (size_t i = 0; i < 5; i++) {
        tdp_cluster_info_free(&info[i]);
        td_article_free(arts[i]);
    }
}

/* Paragraphs several pages of one site hold over weeks are furniture; a page made
 * mostly of them is flagged. Wire copies a day apart share paragraphs and are not. */
static void test_furniture(void **state)
{
    (void)state;
#define FURN "We have sent you a verification email. Please check your email and " \
             "click on the link to activate your profile.\n\nIf you do not receive " \
             "the verification message within a few minutes of signing up, please " \
             "check your spam or junk folder.\n\n"
    static const doc v[] = {
        {"2016-07-31", "Downtown Austin shooting: warrant issued", FURN
         "Police issued a murder warrant for the suspect.", 0},
        {"2016-09-02", "Man wounded in East Riverside shooting", FURN
         "A man was wounded in a shooting on East Riverside Drive on Thursday night, "
         "police said. He was taken to Brackenridge Hospital with injuries that are "
         "not life threatening, and officers are looking for two men who ran from "
         "the apartment complex. Detectives asked witnesses to call the homicide "
         "tip line; no arrests have been made and the motive is not known.", 0},
        {"2016-10-20", "Teen shot near school in Pflugerville", FURN
         "A teenager was shot near a school.", 0},
        {"2016-10-20", "Flood warning for Travis County", "The National Weather Service "
         "issued a flood warning for Travis County until Friday morning as heavy rain "
         "moved across central Texas.\n\nLow water crossings were closed in Manor and "
         "Del Valle, county officials said.", 0},
        {"2016-10-21", "Flood warning stays for Travis County", "The National Weather "
         "Service issued a flood warning for Travis County until Friday morning as heavy "
         "rain moved across central Texas.\n\nLow water crossings were closed in Manor "
         "and Del Valle, county officials said.", 0},
    };
#undef FURN
    td_article *arts[5];
    tdp_cinfo info[5];
    static const char *const url[] = {
        "https://www.kvue.example/news/1", "https://www.kvue.example/news/2",
        "http://www.kvue.example/news/3", "https://wire.example/a", "https://daily.example/b"};
    for (size_t i = 0; i < 5; i++) {
        arts[i] = make(&v[i]);
        assert_int_equal(tdp_cluster_info(arts[i], &info[i]), TD_OK);
    }
    uint8_t mostly[5];
    /* no site known: nothing is any site's furniture */
    assert_int_equal(tdp_cluster_furniture(arts, info, 5, mostly), TD_OK);
    assert_int_equal(mostly[0] + mostly[1] + mostly[2] + mostly[3] + mostly[4], 0);
    for (size_t i = 0; i < 5; i++)
        assert_int_equal(td_article_set(arts[i], TD_FIELD_URL, url[i], strlen(url[i])), TD_OK);
    assert_int_equal(tdp_cluster_furniture(arts, info, 5, mostly), TD_OK);
    assert_int_equal(mostly[0], 1);
    assert_int_equal(mostly[1], 0);   /* its story is longer than the furniture */
    assert_int_equal(mostly[2], 1);
    assert_int_equal(mostly[3], 0);   /* wire copies a day apart */
    assert_int_equal(mostly[4], 0);
    /* the same pages told within one week: no furniture yet */
    for (size_t i = 0; i < 3; i++)
        info[i].own = info[3].own;
    assert_int_equal(tdp_cluster_furniture(arts, info, 5, mostly), TD_OK);
    assert_int_equal(mostly[0], 0);
    /* a furniture page is clustered by its title: no text terms */
    tdp_cinfo t;
    assert_int_equal(tdp_cluster_info_title(arts[0], &t), TD_OK);
    assert_true(t.n > 0 && t.n < info[0].n);
    assert_int_equal(t.own, tdp_days_from_civil(2016, 7, 31));
    tdp_cluster_info_free(&t);
    for (size_t i = 0; i < 5; i++) {
        tdp_cluster_info_free(&info[i]);
        td_article_free(arts[i]);
    }
}

static void test_window_expires(void **state)
{
    (void)state;
    tdp_cluster_opts o = {0, 10, 100};
    tdp_clusterer *c = tdp_clusterer_new(&o);
    assert_non_null(c);
    td_article *a = make(&docs[0]);
    uint64_t id1, id2, id3;
    bool is_new;
    assert_int_equal(tdp_clusterer_add(c, a, &id1, &is_new), TD_OK);
    assert_true(is_new);
    assert_int_equal(id1, 100);
    assert_int_equal(tdp_clusterer_live(c), 1);
    /* the same report 40 days later: the first story has left the live set */
    td_article *b = make(&docs[1]);
    b->date.month = 4;
    b->date.day = 13;
    assert_int_equal(tdp_clusterer_add(c, b, &id2, &is_new), TD_OK);
    assert_true(is_new);
    assert_int_equal(tdp_clusterer_live(c), 1);
    /* a day later it joins the live one */
    td_article *d = make(&docs[2]);
    d->date.month = 4;
    d->date.day = 14;
    assert_int_equal(tdp_clusterer_add(c, d, &id3, &is_new), TD_OK);
    assert_false(is_new);
    assert_int_equal(id3, id2);
    /* a date far in the future is clamped to the clock */
    td_article *e = make(&docs[2]);
    e->date.year = 2090;
    assert_int_equal(tdp_clusterer_add(c, e, &id3, &is_new), TD_OK);
    assert_int_equal(id3, id2);
    assert_int_equal(tdp_clusterer_clock(c), td_date_days(&d->date));
    td_article_free(a);
    td_article_free(b);
    td_article_free(d);
    td_article_free(e);
    tdp_clusterer_free(c);
}

static void test_undated_placed_by_mentions(void **state)
{
    (void)state;
    static const doc u = {NULL, "Talks", "The meeting on March 3, 2024 was followed by "
                          "a call on 5 March 2024 and a vote on March 9, 2024.", 0};
    td_article *a = make(&u);
    assert_int_equal(tdp_cluster_day(a, TDP_NODAY), tdp_days_from_civil(2024, 3, 5));
    static const doc v = {NULL, "Talks", "The council met on December 17 and again on "
                          "January 10 and January 12.", 0};
    td_article *b = make(&v);
    assert_int_equal(tdp_cluster_day(b, TDP_NODAY), TDP_NODAY);
    /* year-less dates are taken nearest the clock */
    assert_int_equal(tdp_cluster_day(b, tdp_days_from_civil(2022, 1, 15)),
                     tdp_days_from_civil(2022, 1, 10));
    td_article_free(a);
    td_article_free(b);
}

static size_t date_features(const doc *d)
{
    td_article *a = make(d);
    tdp_cfeat *f = NULL;
    size_t n = 0, k = 0;
    assert_int_equal(tdp_cluster_features(a, &f, &n), TD_OK);
    for (size_t i = 0; i < n; i++)
        k += f[i].kind == TDP_CT_DATE;
    tdp_free(f);
    td_article_free(a);
    return k;
}

/* What the publication date says already earns no similarity: a relative date
 * ("Saturday", placed by the publication date) and a date at or next to it; a
 * date further back (the day of the shooting the arrest follows) does. */
static void test_dates_near_publication(void **state)
{
    (void)state;
    static const doc near = {"2024-03-09", "Man arrested after Elm Street shooting",
                             "Police arrested a man on Saturday. He was charged on "
                             "March 8, 2024 with assault.", 0};
    assert_int_equal(date_features(&near), 0);
    static const doc far = {"2024-03-09", "Man arrested after Elm Street shooting",
                            "Police arrested a man on Saturday over the shooting on "
                            "March 1, 2024 on Elm Street.", 0};
    assert_int_equal(date_features(&far), 2);   /* month-day and year-month */
    /* undated: nothing to compare with, the date counts (a month-day alone) */
    static const doc undated = {NULL, "Man arrested after Elm Street shooting",
                                "Police arrested a man over the shooting on March 8 "
                                "on Elm Street.", 0};
    assert_int_equal(date_features(&undated), 1);
    /* the title's dates are read by the same reader, against the same date */
    static const doc title = {"2024-03-09", "Elm Street shooting of March 1: man held",
                              "Police arrested a man.", 0};
    assert_int_equal(date_features(&title), 2);
}

static void test_subevents(void **state)
{
    (void)state;
    td_article **arts = make_all();
    tdp_copy copies[N_DOCS];
    no_copies(copies, N_DOCS);
    uint32_t story_of[N_DOCS], sub_of[N_DOCS];
    size_t ns = 0;
    assert_int_equal(tdp_cluster_corpus(arts, N_DOCS, copies, 0, story_of, &ns), TD_OK);
    assert_int_equal(tdp_cluster_subevents(arts, N_DOCS, copies, story_of, ns, sub_of),
                     TD_OK);
    /* the council vote, then the phone call ten days later */
    assert_int_equal(sub_of[9], 0);
    assert_int_equal(sub_of[10], 1);
    assert_int_equal(sub_of[11], 1);
    /* the Peru earthquake over two days is one moment */
    assert_int_equal(sub_of[0], sub_of[1]);
    assert_int_equal(sub_of[0], sub_of[2]);
    free_all(arts, N_DOCS);
}

static void test_empty_and_args(void **state)
{
    (void)state;
    size_t ns = 99;
    assert_int_equal(tdp_cluster_corpus(NULL, 0, NULL, 0, NULL, &ns), TD_OK);
    assert_int_equal(ns, 0);
    tdp_clusterer *c = tdp_clusterer_new(NULL);
    uint64_t id;
    bool is_new;
    assert_int_equal(tdp_clusterer_add(c, NULL, &id, &is_new), TD_EARG);
    /* an article without any terms still gets a story */
    assert_int_equal(tdp_clusterer_add_features(c, NULL, 0, TDP_NODAY, &id, &is_new), TD_OK);
    assert_true(is_new);
    tdp_clusterer_free(c);
    tdp_clusterer_free(NULL);
}

/* The seeds: five outlets, one storyline, three moments. */
static void test_seeds(void **state)
{
    (void)state;
    const char *src = getenv("TD_SOURCE_DIR");
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/../shared/seeds", src ? src : ".");
    FILE *probe = NULL;
    char nm[4200];
    snprintf(nm, sizeof nm, "%s/NOTES.md", dir);
    probe = fopen(nm, "r");
    if (!probe) {
        printf("test_seeds: skipped (no ../shared/seeds)\n");
        return;
    }
    fclose(probe);
    td_article **arts = NULL;
    size_t n = td_test_read_all(dir, &arts);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(td_clean(arts[i]), TD_OK);
        assert_int_equal(tdp_analyse(arts[i]), TD_OK);
    }
    assert_int_equal(n, 5);
    tdp_copy copies[16];
    no_copies(copies, n);
    uint32_t story_of[16], sub_of[16];
    size_t ns = 0;
    assert_int_equal(tdp_cluster_corpus(arts, n, copies, 0, story_of, &ns), TD_OK);
    assert_int_equal(ns, 1);
    assert_int_equal(tdp_cluster_subevents(arts, n, copies, story_of, ns, sub_of), TD_OK);
    /* files in name order: 000, 001, 002, 003, 004 */
    printf("seeds: sub-events %u %u %u %u %u\n", sub_of[0], sub_of[1], sub_of[2],
           sub_of[3], sub_of[4]);
    assert_int_equal(sub_of[0], sub_of[2]);
    assert_int_equal(sub_of[0], sub_of[3]);
    assert_int_not_equal(sub_of[1], sub_of[0]);
    assert_int_not_equal(sub_of[4], sub_of[0]);
    assert_int_not_equal(sub_of[4], sub_of[1]);
    for (size_t i = 0; i < n; i++)
        td_article_free(arts[i]);
    free(arts);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_events_of_one_kind_apart),
        cmocka_unit_test(test_batch_equals_stream),
        cmocka_unit_test(test_second_look_moves),
        cmocka_unit_test(test_copies_join_canonical),
        cmocka_unit_test(test_window_expires),
        cmocka_unit_test(test_undated_placed_by_mentions),
        cmocka_unit_test(test_dates_near_publication),
        cmocka_unit_test(test_copies_agree),
        cmocka_unit_test(test_furniture),
        cmocka_unit_test(test_subevents),
        cmocka_unit_test(test_empty_and_args),
        cmocka_unit_test(test_seeds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

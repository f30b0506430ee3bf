/* test_analyse.c - the analyse stage on whole articles: terms, dates, sentences,
 * allocation failures, and the seed articles when ../shared is there. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>
#include <xxhash.h>

#include "analyse/analyse_p.h"
#include "failalloc.h"
#include "tidings/analysis.h"

static td_article *make(const char *date, const char *const *paras, size_t n)
{
    td_article *a = td_article_new();
    assert_non_null(a);
    if (date)
        assert_int_equal(td_article_set(a, TD_FIELD_DATE, date, strlen(date)), TD_OK);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(tdp_article_add_para(a, paras[i], strlen(paras[i]), TD_PARA_TEXT),
                         TD_OK);
    return a;
}

static const tdp_term *find_term(const tdp_analysis *an, const char *s)
{
    uint64_t h = XXH3_64bits(s, strlen(s));
    for (size_t i = 0; i < an->n_terms; i++)
        if (an->terms[i].hash == h)
            return &an->terms[i];
    return NULL;
}

static uint32_t term_count(const tdp_analysis *an, const char *s)
{
    const tdp_term *t = find_term(an, s);
    return t ? t->count : 0;
}

static int term_kind(const tdp_analysis *an, const char *s)
{
    const tdp_term *t = find_term(an, s);
    return t ? t->kind : -1;
}

static void test_terms(void **state)
{
    (void)state;
    const char *p[] = {
        "NATO Secretary General Jens Stoltenberg met Blinken in Brussels. The talks "
        "were long, and the negotiations continue.",
        "Blinken said the negotiation with 30 countries would go on in 2022."};
    td_article *a = make("2022-01-15", p, 2);
    assert_int_equal(tdp_analyse(a), TD_OK);
    const tdp_analysis *an = a->an;
    assert_int_equal(an->n_sents, 3);
    assert_true(an->n_terms > 5);
    for (size_t i = 1; i < an->n_terms; i++)
        assert_true(an->terms[i - 1].hash < an->terms[i].hash);
    /* stop words left out, stems merged, counts kept */
    assert_null(find_term(an, "the"));
    assert_null(find_term(an, "said"));
    assert_int_equal(term_count(an, "negoti"), 2);
    assert_int_equal(term_kind(an, "negoti"), TDP_TERM_WORD);
    assert_int_equal(term_count(an, "blinken"), 2);
    assert_int_equal(term_kind(an, "blinken"), TDP_TERM_NAME); /* once inside, once first */
    assert_int_equal(term_kind(an, "nato"), TDP_TERM_NAME);
    assert_int_equal(term_kind(an, "2022"), TDP_TERM_NUMBER);
    /* runs of capitalised words, up to four, are terms too */
    assert_int_equal(term_kind(an, "secretary general jens stoltenberg"), TDP_TERM_NAME);
    assert_null(find_term(an, "jens stoltenberg"));
    assert_int_equal(an->n_tokens, 29);
    td_article_free(a);
}

static void test_dates_in_article(void **state)
{
    (void)state;
    const char *p[] = {
        "TASS, December 26. NATO Secretary General Jens Stoltenberg has decided to "
        "convene a meeting of the NATO-Russia Council (NRC) on January 12, Anadolu Agency "
        "stated on Sunday.",
        "On Tuesday, Stoltenberg stated that NATO offered Moscow to hold a meeting in "
        "early 2022."};
    td_article *a = make("2021-12-26", p, 2);
    assert_int_equal(tdp_analyse(a), TD_OK);
    const tdp_analysis *an = a->an;
    assert_int_equal(an->n_dates, 5);
    char buf[32];
    const char *want[] = {"2021-12-26", "2022-01-12", "2021-12-26", "2021-12-21", "2022"};
    const uint32_t sent[] = {0, 1, 1, 2, 2};
    for (size_t i = 0; i < 5; i++) {
        td_date_format(&an->dates[i].date, buf, sizeof buf);
        assert_string_equal(buf, want[i]);
        assert_int_equal(an->dates[i].sent, sent[i]);
    }
    assert_true(an->dates[1].future);
    assert_false(an->dates[3].future);
    assert_int_equal(an->dates[3].kind, TDP_DATE_RELATIVE);
    assert_int_equal(an->dates[4].kind, TDP_DATE_VAGUE);
    assert_int_equal(an->dates[4].mod, TDP_DATE_MOD_EARLY);
    const tdp_sentence *s = &an->sents[an->dates[3].sent];
    assert_int_equal(an->dates[3].len, 7);
    assert_memory_equal(s->text + an->dates[3].off, "Tuesday", 7);
    /* analysing again replaces the analysis */
    assert_int_equal(tdp_analyse(a), TD_OK);
    assert_int_equal(a->an->n_dates, 5);
    td_article_free(a);
}

static void test_empty(void **state)
{
    (void)state;
    td_article *a = make(NULL, NULL, 0);
    assert_int_equal(tdp_analyse(a), TD_OK);
    assert_int_equal(a->an->n_sents, 0);
    assert_int_equal(a->an->n_terms, 0);
    td_article_free(a);
}

/* ---- allocation failures: fail the N-th allocation, for every N ---- */

static void test_alloc_failures(void **state)
{
    (void)state;
    const char *p[] = {
        "WASHINGTON (Sputnik) - US Secretary of State Antony Blinken and NATO Secretary "
        "General Jens Stoltenberg have held a conversation, the Department of State said.",
        "\"The United States and NATO are ready to meet again with Russia and are "
        "committed to pursuing continued diplomacy,\" the Department of State said in a "
        "statement late Friday.",
        "Kremlin spokesman Dmitry Peskov said the claims were \"empty and unfounded\"."};
    int ok = 0;
    td_set_allocator(t_malloc, t_realloc, t_free);
    for (unsigned long n = 0; n < 2000 && !ok; n++) {
        long live = g_live;
        td_article *a = make("2022-01-15", p, 3);
        /* the first n allocations of the analysis succeed, every later one fails */
        g_fail_at = g_count + n + 1;
        g_sticky = true;
        td_status st = tdp_analyse(a);
        g_fail_at = 0;
        assert_true(st == TD_OK || st == TD_ENOMEM);
        if (st == TD_OK) {
            ok = 1;
            assert_true(a->an->n_sents >= 3);
        }
        td_article_free(a);
        assert_int_equal(g_live, live);
    }
    td_set_allocator(NULL, NULL, NULL);
    assert_true(ok);
}

/* ---- the seeds ---- */

/* The seed as paragraphs (one per non-empty line), with the given date. */
static td_article *seed(const char *name, const char *date)
{
    const char *root = getenv("TD_SOURCE_DIR");
    char path[1024];
    snprintf(path, sizeof path, "%s/../shared/seeds/%s", root ? root : ".", name);
    size_t n;
    char *text = tdp_read_file(path, &n);
    if (!text)
        return NULL;
    td_article *a = td_article_new();
    assert_non_null(a);
    if (date)
        assert_int_equal(td_article_set(a, TD_FIELD_DATE, date, strlen(date)), TD_OK);
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && text[j] != '\n')
            j++;
        if (j > i)
            assert_int_equal(tdp_article_add_para(a, text + i, j - i, TD_PARA_TEXT), TD_OK);
        i = j + 1;
    }
    tdp_free(text);
    assert_int_equal(tdp_analyse(a), TD_OK);
    return a;
}

static bool has_date(const tdp_analysis *an, const char *iso)
{
    char buf[32];
    for (size_t i = 0; i < an->n_dates; i++) {
        td_date_format(&an->dates[i].date, buf, sizeof buf);
        if (!strcmp(buf, iso))
            return true;
    }
    return false;
}

static void test_seed_dates(void **state)
{
    (void)state;
    td_article *a = seed("004_5e26564e4362b5de.txt", "2021-12-26");
    if (!a) {
        printf("skip: ../shared/seeds not found\n");
        return;
    }
    const char *want4[] = {"2021-12-15", "2021-12-17", "2021-12-21", "2021-12-24",
                           "2021-12-26", "2022-01-12", "2022"};
    for (size_t i = 0; i < sizeof want4 / sizeof *want4; i++)
        assert_true(has_date(a->an, want4[i]));
    td_article_free(a);

    a = seed("000_40e0b1cbd5c2f82b.txt", "2022-01-15");
    assert_non_null(a);
    assert_true(has_date(a->an, "2022-01-14")); /* late Friday */
    assert_true(has_date(a->an, "2022-01-12"));
    assert_true(has_date(a->an, "2021-12"));    /* mid-December */
    td_article_free(a);

    a = seed("003_e994c8c5101e7cdf.txt", "2022-01-15");
    assert_non_null(a);
    assert_true(has_date(a->an, "2021-12-17"));
    assert_true(has_date(a->an, "2022-01-10"));
    assert_true(has_date(a->an, "2022-01-14"));
    td_article_free(a);

    a = seed("002_32e5d1d72536eaee.txt", "2022-01-15");
    assert_non_null(a);
    assert_true(has_date(a->an, "2021-11"));
    assert_true(has_date(a->an, "2022-01-13"));
    td_article_free(a);

    /* 001 has no date: days without a year keep year 0 for the story to place. */
    a = seed("001_48b5e4cbf4ecd0dd.txt", NULL);
    assert_non_null(a);
    assert_true(has_date(a->an, "0000-12-17"));
    assert_true(has_date(a->an, "0000-12-07"));
    assert_true(has_date(a->an, "0000-01-10"));
    for (size_t i = 0; i < a->an->n_dates; i++)
        assert_int_equal(a->an->dates[i].date.year, 0);
    td_article_free(a);
}

static bool has_quote(const tdp_analysis *an, const char *start, const char *key)
{
    for (size_t i = 0; i < an->n_quotes; i++) {
        const tdp_quote *q = &an->quotes[i];
        if (strncmp(q->text, start, strlen(start)))
            continue;
        if (!key)
            return q->speaker_key == NULL;
        return q->speaker_key && !strcmp(q->speaker_key, key);
    }
    return false;
}

static bool has_person(const tdp_analysis *an, const char *key, const char *title)
{
    for (size_t i = 0; i < an->n_mentions; i++) {
        const tdp_mention *m = &an->mentions[i];
        if (m->type == TDP_ENT_PERSON && !strcmp(m->key, key) &&
            (!title || (m->title && !strcmp(m->title, title))))
            return true;
    }
    return false;
}

static void test_seed_quotes_and_names(void **state)
{
    (void)state;
    td_article *a = seed("000_40e0b1cbd5c2f82b.txt", "2022-01-15");
    if (!a) {
        printf("skip: ../shared/seeds not found\n");
        return;
    }
    assert_int_equal(a->an->n_quotes, 1);
    assert_true(has_quote(a->an, "The United States and NATO are ready", "department state"));
    assert_true(has_person(a->an, "blinken", "US Secretary of State"));
    assert_true(has_person(a->an, "stoltenberg", "NATO Secretary General"));
    td_article_free(a);

    a = seed("001_48b5e4cbf4ecd0dd.txt", NULL);
    assert_non_null(a);
    assert_true(has_quote(a->an, "Secretary of State Blinken spoke today", "department state"));
    assert_true(has_quote(a->an, "to provide firm legal guarantees", "zakharova"));
    assert_true(has_person(a->an, "blinken", NULL)); /* "Anthony Blinken" */
    assert_true(has_person(a->an, "peskov", "Kremlin spokesman"));
    assert_true(has_person(a->an, "ryabkov", "Deputy Foreign Minister"));
    td_article_free(a);

    a = seed("002_32e5d1d72536eaee.txt", "2022-01-15");
    assert_non_null(a);
    assert_true(has_quote(a->an, "The United States and its NATO allies stand united", "price"));
    assert_false(has_quote(a->an, "Diplomatic Marathon", NULL));
    for (size_t i = 0; i < a->an->n_quotes; i++)
        assert_null(strstr(a->an->quotes[i].text, "security guarantees"));
    assert_true(has_person(a->an, "rau", "Polish Foreign Minister"));
    td_article_free(a);

    a = seed("003_e994c8c5101e7cdf.txt", "2022-01-15");
    assert_non_null(a);
    assert_true(has_quote(a->an, "Good to speak with @JensStoltenberg", "blinken"));
    assert_true(has_quote(a->an, "empty and unfounded", "peskov"));
    for (size_t i = 0; i < a->an->n_quotes; i++)
        assert_string_not_equal(a->an->quotes[i].text, "invasion");
    td_article_free(a);

    a = seed("004_5e26564e4362b5de.txt", "2021-12-26");
    assert_non_null(a);
    assert_int_equal(a->an->n_quotes, 0);
    assert_true(has_person(a->an, "zakharova", "Russian Foreign Ministry Spokeswoman"));
    assert_true(has_person(a->an, "donfried", NULL));
    assert_true(has_person(a->an, "putin", "Russian President"));
    td_article_free(a);
}

/* A surname per number: capitalised syllables, distinct, in no lexicon. */
static void surname(char *w, unsigned i)
{
    static const char cons[] = "bdfgklmnprstvz", vow[] = "aeiou";
    w[0] = (char)(cons[i % 14] - 32);
    w[1] = vow[(i / 14) % 5];
    w[2] = cons[(i / 70) % 14];
    w[3] = vow[(i / 980) % 5];
    w[4] = cons[(i / 4900) % 14];
    w[5] = 'o';
    w[6] = '\0';
}

static void add_para(td_article *a, const char *s)
{
    assert_int_equal(tdp_article_add_para(a, s, strlen(s), TD_PARA_TEXT), TD_OK);
}

/* Thousands of quotes, each with its own speaker named in one of the ways quotes
 * name them (after it, before it, a pronoun for the person of the paragraph
 * before), and hundreds of quotes in one sentence whose speaker the next sentence
 * names: every one keeps the right speaker at this size. */
static void test_many_quotes(void **state)
{
    (void)state;
    enum { N = 3000, CHANT = 500 };
    td_article *a = td_article_new();
    assert_non_null(a);
    char buf[256], name[8];
    for (unsigned i = 0; i < N; i++) {
        surname(name, i);
        if (i % 3 == 0) {
            snprintf(buf, sizeof buf,
                     "\"We will hold gate %u until the offer changes,\" said Daniel %s.", i,
                     name);
            add_para(a, buf);
        } else if (i % 3 == 1) {
            snprintf(buf, sizeof buf, "Ruth %s spoke to reporters at the gate.", name);
            add_para(a, buf);
            snprintf(buf, sizeof buf,
                     "\"We will hold gate %u until the offer changes,\" she said.", i);
            add_para(a, buf);
        } else {
            snprintf(buf, sizeof buf,
                     "Union leader Daniel %s said: \"We will hold gate %u until the offer "
                     "changes.\"",
                     name, i);
            add_para(a, buf);
        }
    }
    tdp_buf chant = TDP_BUF_INIT;
    tdp_buf_puts(&chant, "The crowd chanted");
    for (unsigned k = 0; k < CHANT; k++)
        tdp_buf_printf(&chant, " \"hold gate %u until the end\",", k);
    surname(name, N);
    tdp_buf_printf(&chant, " and more. Daniel %s said this at the gate.", name);
    assert_int_equal(tdp_article_add_para(a, chant.data, chant.len, TD_PARA_TEXT), TD_OK);
    tdp_buf_free(&chant);

    assert_int_equal(tdp_analyse(a), TD_OK);
    const tdp_analysis *an = a->an;
    assert_int_equal(an->n_quotes, N + CHANT);
    char want[8];
    surname(name, N);
    for (size_t i = 0; i < an->n_quotes; i++) {
        const tdp_quote *q = &an->quotes[i];
        unsigned g;
        assert_non_null(q->speaker_key);
        if (sscanf(q->text, "We will hold gate %u", &g) == 1) {
            surname(want, g);
        } else {
            assert_int_equal(sscanf(q->text, "hold gate %u", &g), 1);
            strcpy(want, name);
        }
        want[0] = (char)(want[0] + 32);
        assert_string_equal(q->speaker_key, want);
    }
    td_article_free(a);
}

/* ---- the public view (tidings/analysis.h) ---- */

static bool span_is(const td_analysis *an, td_span sp, const char *want)
{
    const char *t = td_analysis_text(an, NULL);
    return sp.end - sp.start == strlen(want) && !memcmp(t + sp.start, want, strlen(want));
}

/* Character offsets of the JSON record for the first occurrence of "key":"value"
 * followed by "start":S,"end":E. */
static void json_span(const char *js, const char *text_json, long *start, long *end)
{
    const char *p = strstr(js, text_json);
    assert_non_null(p);
    p = strstr(p, "\"start\":");
    assert_non_null(p);
    assert_int_equal(sscanf(p, "\"start\":%ld,\"end\":%ld", start, end), 2);
}

static void test_view(void **state)
{
    (void)state;
    const char *p[] = {
        "Z\xC3\xBCrich city councillor Anna M\xC3\xBCller said on Monday the vote on the "
        "new tram line would take place on Sunday.",
        "\"We will count every ballot twice,\" M\xC3\xBCller told reporters."};
    td_article *a = make("2026-03-02", p, 2);
    td_analysis *an = NULL;
    assert_int_equal(td_analysis_new(a, &an), TD_OK);
    size_t len;
    const char *t = td_analysis_text(an, &len);
    /* the paragraphs, joined by a blank line */
    assert_int_equal(len, strlen(p[0]) + 2 + strlen(p[1]));
    assert_int_equal(memcmp(t + strlen(p[0]), "\n\n", 2), 0);
    assert_int_equal(td_analysis_sentence_count(an), 2);
    assert_true(span_is(an, td_analysis_sentence(an, 1), p[1]));
    /* dates: Monday is the day before, Sunday is planned */
    const td_date_ref *sunday = NULL;
    for (size_t i = 0; i < td_analysis_date_count(an); i++) {
        const td_date_ref *d = td_analysis_date(an, i);
        if (span_is(an, d->span, "Sunday"))
            sunday = d;
    }
    assert_non_null(sunday);
    assert_int_equal(sunday->value.year, 2026);
    assert_int_equal(sunday->value.month, 3);
    assert_int_equal(sunday->value.day, 8);
    assert_true(sunday->planned);
    assert_int_equal(sunday->tense, TD_TENSE_FUTURE);
    /* the later "Müller" names the entity "Anna Müller" */
    const td_mention_ref *later = NULL;
    for (size_t i = 0; i < td_analysis_mention_count(an); i++) {
        const td_mention_ref *m = td_analysis_mention(an, i);
        if (m->span.start > strlen(p[0]))
            later = m;
    }
    assert_non_null(later);
    assert_true(span_is(an, later->span, "M\xC3\xBCller"));
    assert_string_equal(later->entity, "Anna M\xC3\xBCller");
    assert_int_equal(later->type, TD_ENTITY_PERSON);
    /* the quote: its words, its speaker and its verb */
    assert_int_equal(td_analysis_quote_count(an), 1);
    const td_quote_ref *q = td_analysis_quote(an, 0);
    assert_true(span_is(an, q->span, "We will count every ballot twice,") ||
                span_is(an, q->span, "We will count every ballot twice"));
    assert_non_null(q->speaker);
    assert_string_equal(q->speaker, "Anna M\xC3\xBCller");
    assert_non_null(q->cue);
    assert_string_equal(q->cue, "told");
    assert_null(td_analysis_quote(an, 1));
    assert_null(td_analysis_date(an, 99));
    /* JSON offsets count characters: two "ü" before the quote's paragraph */
    char *js;
    size_t n;
    assert_int_equal(td_analysis_json(an, &js, &n), TD_OK);
    assert_int_equal(strlen(js), n);
    long s, e;
    json_span(js, "\"quotes\":[{\"text\":\"We will", &s, &e);
    long want = (long)(q->span.start - 2);
    assert_int_equal(s, want);
    assert_int_equal(e - s, (long)(q->span.end - q->span.start));
    json_span(js, "\"text\":\"Sunday\"", &s, &e);
    assert_int_equal(s, (long)(sunday->span.start - 2));
    assert_non_null(strstr(js, "\"planned\":true"));
    td_free(js);
    td_analysis_free(an);
    td_article_free(a);
    /* an article with nothing left after cleaning */
    td_article *empty = td_article_new();
    assert_non_null(empty);
    an = (td_analysis *)1;
    assert_int_equal(td_analysis_new(empty, &an), TD_EEMPTY);
    assert_null(an);
    td_article_free(empty);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_terms),
        cmocka_unit_test(test_dates_in_article),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_alloc_failures),
        cmocka_unit_test(test_seed_dates),
        cmocka_unit_test(test_seed_quotes_and_names),
        cmocka_unit_test(test_many_quotes),
        cmocka_unit_test(test_view),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

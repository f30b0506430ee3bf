/*
 * test_view.c - the public views of stories and briefs (tidings/brief.h), read
 * on the example corpus through the public API only: every handle in range and
 * NULL out of it, sources that point into the story, copies counted once, the
 * views saying what the JSON says, handles gone after a change; the registry of
 * sections and each section's JSON; a story's own HTML page; and the version
 * macros against td_version().
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "tidings/tidings.h"

/* The corpus of examples/ (the source tree's), built. */
static td_corpus *examples_corpus(void)
{
    const char *root = getenv("TD_SOURCE_DIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/examples", root ? root : ".");
    td_reader *r = td_reader_new(NULL);
    td_corpus *c = td_corpus_new(NULL);
    assert_non_null(r);
    assert_non_null(c);
    assert_int_equal(td_reader_add(r, path), TD_OK);
    td_article *a;
    td_status st;
    while ((st = td_reader_next(r, &a)) != TD_END) {
        assert_int_equal(st, TD_OK);
        assert_int_equal(td_corpus_add(c, a), TD_OK);
    }
    td_reader_free(r);
    assert_null(td_corpus_story(c, 0)); /* not built yet */
    assert_int_equal(td_corpus_build(c), TD_OK);
    return c;
}

/* A source list: inside the story, ascending, independent count from copy_of. */
static void check_sources(const td_story *s, const td_sources *src)
{
    size_t n_arts = td_story_article_count(s);
    assert_true(src->n >= 1);
    uint32_t indep = 0;
    for (uint32_t i = 0; i < src->n; i++) {
        assert_true(src->ids[i] < n_arts);
        if (i)
            assert_true(src->ids[i] > src->ids[i - 1]);
        long of = td_story_copy_of(s, src->ids[i]);
        /* a copy counts only when the article it copies is not listed too */
        bool counted = of < 0;
        if (of >= 0) {
            counted = true;
            for (uint32_t k = 0; k < src->n; k++)
                if (src->ids[k] == (uint32_t)of)
                    counted = false;
        }
        indep += counted;
    }
    assert_true(src->n_indep >= 1 && src->n_indep <= src->n);
    assert_true(src->n_indep <= indep);
}

/* s appears in the JSON as it is (checked only for text JSON keeps unescaped). */
static void check_in_json(const char *json, const char *s)
{
    assert_non_null(s);
    if (strpbrk(s, "\"\\/\n\t\r"))
        return;
    if (!strstr(json, s))
        fail_msg("not in the JSON: %s", s);
}

static void test_views_match_json(void **state)
{
    (void)state;
    td_corpus *c = examples_corpus();
    size_t ns = td_corpus_story_count(c);
    assert_true(ns >= 2);
    assert_null(td_corpus_story(c, ns));
    assert_null(td_corpus_story(NULL, 0));
    size_t total = 0, items = 0;
    for (size_t i = 0; i < ns; i++) {
        const td_story *s = td_corpus_story(c, i);
        assert_non_null(s);
        assert_int_equal(td_story_id(s), i + 1);
        char *json = NULL;
        size_t len = 0;
        assert_int_equal(td_corpus_story_json(c, i, &json, &len), TD_OK);
        char head[64];
        snprintf(head, sizeof head, "{\"id\":%zu,", i + 1);
        assert_memory_equal(json, head, strlen(head));
        check_in_json(json, td_story_headline(s));

        size_t n = td_story_article_count(s), indep = 0;
        total += n;
        assert_null(td_story_article(s, n));
        assert_int_equal(td_story_copy_of(s, n), -1);
        for (size_t k = 0; k < n; k++) {
            const td_article *a = td_story_article(s, k);
            assert_non_null(a);
            check_in_json(json, td_article_id(a));
            long of = td_story_copy_of(s, k);
            if (of < 0)
                indep++;
            else
                assert_int_equal(td_story_copy_of(s, (size_t)of), -1);
        }
        assert_int_equal(td_story_independent_count(s), indep);
        td_date f = td_story_first(s), l = td_story_last(s);
        if (f.prec)
            assert_true(td_date_days(&f) <= td_date_days(&l));

        for (size_t k = 0; k < td_story_summary_count(s); k++, items++) {
            check_in_json(json, td_story_summary(s, k)->text);
            check_sources(s, &td_story_summary(s, k)->src);
        }
        assert_null(td_story_summary(s, td_story_summary_count(s)));
        for (size_t k = 0; k < td_story_timeline_count(s); k++, items++) {
            const td_brief_event *e = td_story_timeline(s, k);
            assert_true(e->date.prec == TD_DATE_MONTH || e->date.prec == TD_DATE_DAY);
            if (k) {
                const td_brief_event *p = td_story_timeline(s, k - 1);
                assert_true(td_date_days(&p->date) <= td_date_days(&e->date));
            }
            check_in_json(json, e->text);
            check_sources(s, &e->src);
        }
        for (int kind = TD_ACTOR_PERSON; kind <= TD_ACTOR_PLACE; kind++) {
            size_t na = td_story_actor_count(s, (td_actor_kind)kind);
            assert_null(td_story_actor(s, (td_actor_kind)kind, na));
            for (size_t k = 0; k < na; k++, items++) {
                const td_brief_actor *a = td_story_actor(s, (td_actor_kind)kind, k);
                check_in_json(json, a->name);
                assert_true(a->n_variants >= 1);
                bool named = false;
                for (uint32_t v = 0; v < a->n_variants; v++)
                    named |= !strcmp(a->variants[v], a->name);
                assert_true(named);
                if (kind != TD_ACTOR_PERSON)
                    assert_null(a->title);
                assert_true(a->mentions >= a->src.n);
                check_sources(s, &a->src);
            }
        }
        for (size_t k = 0; k < td_story_quote_count(s); k++, items++) {
            const td_brief_quote *q = td_story_quote(s, k);
            check_in_json(json, q->text);
            if (q->speaker)
                check_in_json(json, q->speaker);
            check_sources(s, &q->src);
        }
        for (size_t k = 0; k < td_story_fact_count(s); k++, items++) {
            const td_brief_fact *x = td_story_fact(s, k);
            check_in_json(json, x->subject);
            assert_true(!strcmp(x->attr, "date") || !strcmp(x->attr, "place"));
            assert_true(x->n_claims >= 1);
            for (uint32_t v = 0; v < x->n_claims; v++) {
                check_in_json(json, x->claims[v].value);
                check_sources(s, &x->claims[v].src);
            }
        }
        td_free(json);
    }
    assert_int_equal(total, td_corpus_article_count(c));
    assert_true(items > 20); /* the example's briefs are not empty */

    /* a change of the corpus takes the views back until it is built again */
    td_article *a = td_article_new();
    assert_non_null(a);
    static const char text[] = "Bridge reopens after repairs. The old bridge over the "
                               "river reopened on Monday after a year of work.";
    assert_int_equal(td_article_set(a, TD_FIELD_TEXT, text, sizeof text - 1), TD_OK);
    assert_int_equal(td_corpus_add(c, a), TD_OK);
    assert_null(td_corpus_story(c, 0));
    assert_int_equal(td_corpus_build(c), TD_OK);
    assert_non_null(td_corpus_story(c, 0));
    td_corpus_free(c);
}

/* Every registered section: its name is a key of the story's JSON, and its own
 * JSON array is the value under that key; counts agree with the typed views. */
static void test_sections(void **state)
{
    (void)state;
    td_corpus *c = examples_corpus();
    size_t n = td_brief_section_count();
    assert_true(n >= 8);
    assert_null(td_brief_section_name(n));
    assert_int_equal(td_brief_section_find("timeline"), 1);
    assert_int_equal(td_brief_section_find("no such section"), -1);
    assert_int_equal(td_brief_section_find(NULL), -1);
    for (size_t k = 0; k < td_corpus_story_count(c); k++) {
        const td_story *s = td_corpus_story(c, k);
        char *story = NULL;
        assert_int_equal(td_corpus_story_json(c, k, &story, NULL), TD_OK);
        size_t facts = 0;
        for (size_t i = 0; i < n; i++) {
            const char *name = td_brief_section_name(i);
            assert_int_equal(td_brief_section_find(name), (long)i);
            char *arr = NULL;
            size_t len = 0;
            assert_int_equal(td_story_section_json(s, i, &arr, &len), TD_OK);
            assert_int_equal(strlen(arr), len);
            char key[64];
            snprintf(key, sizeof key, "\"%s\":", name);
            const char *at = strstr(story, key);
            assert_non_null(at);
            assert_memory_equal(at + strlen(key), arr, len);
            /* as many items as objects at the array's top level */
            size_t items = 0;
            int depth = 0;
            bool in_str = false;
            for (size_t b = 0; b < len; b++) {
                char ch = arr[b];
                if (in_str) {
                    if (ch == '\\')
                        b++;
                    else if (ch == '"')
                        in_str = false;
                } else if (ch == '"') {
                    in_str = true;
                } else if (ch == '{' || ch == '[') {
                    items += ch == '{' && depth == 1;
                    depth++;
                } else if (ch == '}' || ch == ']') {
                    depth--;
                }
            }
            assert_int_equal(td_story_section_count(s, i), items);
            td_free(arr);
            if (!strcmp(name, "corroboration") || !strcmp(name, "discrepancies"))
                facts += items;
        }
        assert_int_equal(td_story_section_count(s, 0), td_story_summary_count(s));
        assert_int_equal(td_story_section_count(s, 1), td_story_timeline_count(s));
        assert_int_equal(td_story_section_count(s, 2), td_story_actor_count(s, TD_ACTOR_PERSON));
        assert_int_equal(facts, td_story_fact_count(s));
        assert_int_equal(td_story_section_count(s, n), 0);
        char *none = NULL;
        assert_int_equal(td_story_section_json(s, n, &none, NULL), TD_EARG);
        td_free(story);
    }
    td_corpus_free(c);
}

/* A story's HTML page: the whole page's head, that story only. */
static void test_story_html(void **state)
{
    (void)state;
    td_corpus *c = examples_corpus();
    char *all = NULL, *one = NULL;
    assert_int_equal(td_corpus_html(c, &all, NULL), TD_OK);
    size_t ns = td_corpus_story_count(c);
    for (size_t k = 0; k < ns; k++) {
        size_t len = 0;
        assert_int_equal(td_corpus_story_html(c, k, &one, &len), TD_OK);
        assert_int_equal(strlen(one), len);
        assert_true(!strncmp(one, "<!DOCTYPE html>", 15));
        assert_non_null(strstr(one, "</body></html>"));
        char id[64];
        snprintf(id, sizeof id, "<section id=\"story%zu\">", k + 1);
        const char *sec = strstr(one, id);
        assert_non_null(sec);
        /* the section is the whole page's, word for word, and the only one */
        size_t sec_len = (size_t)(strstr(sec, "</section>") - sec);
        const char *in_all = strstr(all, id);
        assert_non_null(in_all);
        assert_memory_equal(sec, in_all, sec_len);
        assert_null(strstr(sec + 1, "<section"));
        td_free(one);
    }
    assert_int_equal(td_corpus_story_html(c, ns, &one, NULL), TD_EARG);
    td_free(all);
    td_corpus_free(c);
}

static void test_null_story(void **state)
{
    (void)state;
    assert_int_equal(td_story_id(NULL), 0);
    assert_null(td_story_headline(NULL));
    assert_int_equal(td_story_first(NULL).prec, TD_DATE_NONE);
    assert_int_equal(td_story_article_count(NULL), 0);
    assert_null(td_story_article(NULL, 0));
    assert_int_equal(td_story_summary_count(NULL), 0);
    assert_null(td_story_timeline(NULL, 0));
    assert_int_equal(td_story_actor_count(NULL, TD_ACTOR_PLACE), 0);
    assert_null(td_story_actor(NULL, TD_ACTOR_PERSON, 0));
    assert_null(td_story_quote(NULL, 0));
    assert_null(td_story_fact(NULL, 0));
}

static void test_version(void **state)
{
    (void)state;
    char want[64];
    snprintf(want, sizeof want, "%d.%d.%d", TD_VERSION_MAJOR, TD_VERSION_MINOR,
             TD_VERSION_PATCH);
    assert_string_equal(TD_VERSION_STRING, want);
    assert_string_equal(td_version(), TD_VERSION_STRING);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_views_match_json),
        cmocka_unit_test(test_sections),
        cmocka_unit_test(test_story_html),
        cmocka_unit_test(test_null_story),
        cmocka_unit_test(test_version),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

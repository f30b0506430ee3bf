/* test_clean.c - unit tests of the cleaning stage: its contract (idempotent,
 * TD_EEMPTY, given fields respected), bad input (huge lines, junk, only chrome) and
 * allocation failure at every site. Line rules are covered by tests/cases/clean. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>

#include "article/article_p.h"
#include "tidings/clean.h"
#include "failalloc.h"

static td_article *make(const char *text)
{
    td_article *a = td_article_new();
    assert_non_null(a);
    assert_int_equal(td_article_set(a, TD_FIELD_TEXT, text, strlen(text)), TD_OK);
    return a;
}

static const char k_article[] =
    "Rail strike halts trains across the country\n"
    "Rail strike halts trains across the country\n"
    "08:24 GMT 15.01.2022\n"
    "LONDON (Daily Planet) - Train drivers walked out on Monday in a dispute over pay.\n"
    "The union said the strike would last until Wednesday.\n"
    "Leave a Reply\n";

static void test_basic_and_idempotent(void **state)
{
    (void)state;
    td_article *a = make(k_article);
    assert_int_equal(td_clean(a), TD_OK);
    assert_int_equal(td_article_paragraph_count(a), 2);
    assert_string_equal(td_article_title(a), "Rail strike halts trains across the country");
    assert_string_equal(td_article_dateline(a), "LONDON");
    assert_string_equal(td_article_outlet(a), "Daily Planet");
    assert_string_equal(td_article_language(a), "en");
    td_date d = td_article_date(a);
    assert_int_equal(d.prec, TD_DATE_MINUTE);
    assert_int_equal(d.hour, 8);
    size_t removed = td_article_removed_count(a);
    assert_int_equal(removed, 4);
    const char *why;
    assert_string_equal(td_article_removed(a, 3, &why), "Leave a Reply");
    assert_string_equal(why, "chrome");
    /* a second call changes nothing */
    assert_int_equal(td_clean(a), TD_OK);
    assert_int_equal(td_article_paragraph_count(a), 2);
    assert_int_equal(td_article_removed_count(a), removed);
    td_article_free(a);
}

static void test_given_fields_win(void **state)
{
    (void)state;
    td_article *a = make(k_article);
    assert_int_equal(td_article_set(a, TD_FIELD_LANGUAGE, "de", 2), TD_OK);
    assert_int_equal(td_article_set(a, TD_FIELD_SOURCE, "Wire", 4), TD_OK);
    assert_int_equal(td_article_set(a, TD_FIELD_DATE, "2022-01-20", 10), TD_OK);
    assert_int_equal(td_article_set(a, TD_FIELD_TITLE, "Rail strike halts trains across the country | Planet", 52), TD_OK);
    assert_int_equal(td_clean(a), TD_OK);
    assert_string_equal(td_article_language(a), "de");
    assert_string_equal(td_article_outlet(a), "Wire");
    /* the page's timestamp is five days off the given date: the given date stays */
    td_date d = td_article_date(a);
    assert_int_equal(d.day, 20);
    assert_int_equal(d.prec, TD_DATE_DAY);
    /* the site suffix of a given title goes, and its lines in the text are removed */
    assert_string_equal(td_article_title(a), "Rail strike halts trains across the country");
    const char *why;
    td_article_removed(a, 0, &why);
    assert_string_equal(why, "title");
    td_article_free(a);
}

static void test_empty(void **state)
{
    (void)state;
    td_article *a = make("");
    assert_int_equal(td_clean(a), TD_EEMPTY);
    assert_int_equal(td_clean(a), TD_EEMPTY); /* still, on a second call */
    td_article_free(a);
    a = td_article_new();
    assert_int_equal(td_clean(a), TD_EEMPTY); /* no text at all */
    td_article_free(a);
    a = make("\n\n   \n\t\n");
    assert_int_equal(td_clean(a), TD_EEMPTY);
    td_article_free(a);
    a = make("Leave a Reply\nShare\n.\n");
    assert_int_equal(td_clean(a), TD_EEMPTY);
    assert_int_equal(td_article_removed_count(a), 3);
    td_article_free(a);
    assert_int_equal(td_clean(NULL), TD_EARG);
}

static void test_huge_line(void **state)
{
    (void)state;
    size_t n = (size_t)8 << 20;
    char *s = malloc(n + 1);
    assert_non_null(s);
    for (size_t i = 0; i < n; i++)
        s[i] = (i % 7 == 6) ? ' ' : (char)('a' + i % 26);
    s[n] = 0;
    td_article *a = make(s);
    assert_int_equal(td_clean(a), TD_OK);
    assert_int_equal(td_article_paragraph_count(a), 1);
    td_article_free(a);
    /* many identical short lines: repeats, in linear time */
    for (size_t i = 0; i < n; i++)
        s[i] = (i % 64 == 63) ? '\n' : (i % 64 == 62 ? '.' : ((i % 8 == 7) ? ' ' : 'x'));
    a = make(s);
    assert_int_equal(td_clean(a), TD_OK);
    assert_int_equal(td_article_paragraph_count(a), 1);
    td_article_free(a);
    free(s);
}

static void test_binary_junk(void **state)
{
    (void)state;
    char s[4096];
    uint32_t x = 12345;
    for (size_t i = 0; i < sizeof s - 1; i++) {
        x = x * 1103515245u + 12345u;
        s[i] = (char)((x >> 16) & 0xFF);
        if (!s[i])
            s[i] = '\n';
    }
    s[sizeof s - 1] = 0;
    td_article *a = td_article_new();
    assert_int_equal(td_article_set(a, TD_FIELD_TEXT, s, sizeof s - 1), TD_OK);
    td_status st = td_clean(a);
    assert_true(st == TD_OK || st == TD_EEMPTY);
    for (size_t i = 0; i < td_article_removed_count(a); i++) {
        const char *why;
        assert_non_null(td_article_removed(a, i, &why));
        assert_non_null(why);
    }
    td_article_free(a);
    /* control bytes inside a line make it junk */
    a = make("The election commission published the final results on Sunday.\n"
             "\x01\x02\x03\x04 \x05\x06\x07\x08 abc\n");
    assert_int_equal(td_clean(a), TD_OK);
    assert_int_equal(td_article_paragraph_count(a), 1);
    const char *why;
    td_article_removed(a, 0, &why);
    assert_string_equal(why, "junk");
    td_article_free(a);
}

/* ---- allocation failure at each site ---- */

static void test_alloc_failure(void **state)
{
    (void)state;
    td_set_allocator(t_malloc, t_realloc, t_free);
    bool done = false;
    for (unsigned long k = 0; k < 10000 && !done; k++) {
        long live = g_live;
        td_article *a = make(k_article);
        /* the first k allocations of the cleaning succeed, every later one fails */
        g_fail_at = g_count + k + 1;
        g_sticky = true;
        td_status st = td_clean(a);
        g_fail_at = 0;
        if (st == TD_OK) {
            done = true;
            assert_int_equal(td_article_paragraph_count(a), 2);
        } else {
            assert_int_equal(st, TD_ENOMEM);
            assert_int_equal(td_article_paragraph_count(a), 0);
        }
        td_article_free(a);
        assert_int_equal(g_live, live);
    }
    td_set_allocator(NULL, NULL, NULL);
    assert_true(done);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_basic_and_idempotent),
        cmocka_unit_test(test_given_fields_win),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_huge_line),
        cmocka_unit_test(test_binary_junk),
        cmocka_unit_test(test_alloc_failure),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

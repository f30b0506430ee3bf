/* test_core.c - unit tests of the core helpers: buffers, UTF-8, JSON, dates. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/core.h"

static void test_buf_cap(void **state)
{
    (void)state;
    tdp_buf b = TDP_BUF_INIT;
    b.max = 8;
    assert_int_equal(tdp_buf_puts(&b, "12345"), TD_OK);
    assert_int_equal(tdp_buf_puts(&b, "6789"), TD_ETOOBIG);
    assert_int_equal(tdp_buf_puts(&b, "x"), TD_ETOOBIG); /* sticky */
    assert_string_equal(b.data, "12345");
    tdp_buf_free(&b);
}

static void test_json_escape(void **state)
{
    (void)state;
    tdp_buf b = TDP_BUF_INIT;
    tdp_buf_json_cstr(&b, "a\"b\\c\n\x01");
    assert_string_equal(b.data, "\"a\\\"b\\\\c\\n\\u0001\"");
    tdp_buf_free(&b);
}

static void test_utf8(void **state)
{
    (void)state;
    assert_int_equal(tdp_utf8_valid_prefix("abc\xC3\xA9", 5), 5);
    assert_int_equal(tdp_utf8_valid_prefix("ab\xC3", 3), 2);
    assert_int_equal(tdp_utf8_valid_prefix("\xED\xA0\x80", 3), 0); /* surrogate */
    assert_int_equal(tdp_utf8_valid_prefix("\xC0\xAF", 2), 0);     /* overlong */
    tdp_buf b = TDP_BUF_INIT;
    assert_int_equal(tdp_utf8_repair(&b, "a\xFF" "b", 3), 1);
    assert_string_equal(b.data, "a\xEF\xBF\xBD" "b");
    tdp_buf_free(&b);
    assert_true(tdp_looks_binary("ab\0cd", 5)); /* one NUL in five bytes */
    assert_true(tdp_looks_binary("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0", 16));
    assert_true(tdp_looks_binary("B\0r\0i\0d\0g\0e\0", 12)); /* UTF-16 */
    assert_false(tdp_looks_binary("plain text\n", 11));
    /* one stray NUL in a page of text is not binary */
    char page[2000];
    for (size_t i = 0; i < sizeof page; i++)
        page[i] = i % 80 == 79 ? '\n' : (char)('a' + i % 26);
    page[1000] = '\0';
    assert_false(tdp_looks_binary(page, sizeof page));
}

typedef struct {
    char title[64];
    int n;
} jc;

static int member(void *ctx, const char *k, size_t kl, tdp_json_type t, const char *v,
                  size_t vl)
{
    jc *c = ctx;
    c->n++;
    if (t == TDP_JSON_STRING && kl == 5 && !memcmp(k, "title", 5) && vl < sizeof c->title) {
        memcpy(c->title, v, vl);
        c->title[vl] = 0;
    }
    return 0;
}

static void test_json_object(void **state)
{
    (void)state;
    char why[96];
    jc c = {{0}, 0};
    const char *s = "{\"title\":\"Caf\\u00e9 \\ud83d\\ude00\",\"x\":[1,{\"y\":null}],\"n\":-1.5e3}";
    assert_int_equal(tdp_json_object(s, strlen(s), member, &c, why, sizeof why), TD_OK);
    assert_int_equal(c.n, 3);
    assert_string_equal(c.title, "Caf\xC3\xA9 \xF0\x9F\x98\x80");
    const char *bad[] = {"", "[]", "{", "{\"a\":}", "{\"a\":1,}", "{\"a\":1} x",
                         "{\"a\":\"\x01\"}", "{\"a\":tru}", "{\"a\":01x}"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        assert_int_equal(tdp_json_object(bad[i], strlen(bad[i]), NULL, NULL, why, sizeof why),
                         TD_EPARSE);
    /* Deep nesting is refused, not a stack overflow. */
    tdp_buf deep = TDP_BUF_INIT;
    tdp_buf_puts(&deep, "{\"a\":");
    for (int i = 0; i < 100000; i++)
        tdp_buf_putc(&deep, '[');
    assert_int_equal(tdp_json_object(deep.data, deep.len, NULL, NULL, why, sizeof why),
                     TD_EPARSE);
    tdp_buf_free(&deep);
}

static void test_dates(void **state)
{
    (void)state;
    td_date d;
    char out[32];
    assert_int_equal(td_date_parse("2022-01-15", 10, &d), TD_OK);
    assert_int_equal(d.prec, TD_DATE_DAY);
    td_date_format(&d, out, sizeof out);
    assert_string_equal(out, "2022-01-15");
    assert_int_equal(tdp_weekday(td_date_days(&d)), 5); /* a Saturday */
    assert_int_equal(td_date_parse("2022-01-15T01:30:00+02:00", 25, &d), TD_OK);
    td_date_format(&d, out, sizeof out);
    assert_string_equal(out, "2022-01-14T23:30Z");
    assert_int_equal(td_date_parse("2021-02-29", 10, &d), TD_EPARSE);
    assert_int_equal(td_date_parse("2022-13", 7, &d), TD_EPARSE);
    int y, m, dd;
    tdp_civil_from_days(tdp_days_from_civil(2000, 2, 29), &y, &m, &dd);
    assert_int_equal(y * 10000 + m * 100 + dd, 20000229);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_buf_cap),   cmocka_unit_test(test_json_escape),
        cmocka_unit_test(test_utf8),      cmocka_unit_test(test_json_object),
        cmocka_unit_test(test_dates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * support.h - what several unit tests build their inputs with (include after
 * cmocka.h: the builders assert).
 */
#ifndef TD_TEST_SUPPORT_H
#define TD_TEST_SUPPORT_H

#include <stdlib.h>
#include <string.h>

#include "tidings/tidings.h"

/* An article of the fields given (NULL: not set); the text is required. */
static inline td_article *td_test_article(const char *id, const char *title,
                                          const char *date, const char *source,
                                          const char *text)
{
    td_article *a = td_article_new();
    assert_non_null(a);
    assert_int_equal(td_article_set(a, TD_FIELD_ID, id, strlen(id)), TD_OK);
    if (title)
        assert_int_equal(td_article_set(a, TD_FIELD_TITLE, title, strlen(title)), TD_OK);
    if (date)
        assert_int_equal(td_article_set(a, TD_FIELD_DATE, date, strlen(date)), TD_OK);
    if (source)
        assert_int_equal(td_article_set(a, TD_FIELD_SOURCE, source, strlen(source)), TD_OK);
    assert_int_equal(td_article_set(a, TD_FIELD_TEXT, text, strlen(text)), TD_OK);
    return a;
}

/* Every article the reader gives for path, in its order, as read (not cleaned);
 * what it rejects is left out. *out is malloc'd (NULL when there is none). */
static inline size_t td_test_read_all(const char *path, td_article ***out)
{
    td_reader *r = td_reader_new(NULL);
    assert_non_null(r);
    assert_int_equal(td_reader_add(r, path), TD_OK);
    td_article **arts = NULL;
    size_t n = 0;
    for (;;) {
        td_article *a = NULL;
        td_status st = td_reader_next(r, &a);
        if (st == TD_END)
            break;
        if (st)
            continue;
        td_article **more = realloc(arts, (n + 1) * sizeof *arts);
        assert_non_null(more);
        arts = more;
        arts[n++] = a;
    }
    td_reader_free(r);
    *out = arts;
    return n;
}

#endif

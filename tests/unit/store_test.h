/*
 * store_test.h - what the store tests share (include after cmocka.h): an article
 * from its fields (support.h's builder), a statement run on a database file through a connection of
 * its own, and the state a settle leaves when it empties one story into another.
 */
#ifndef TD_TEST_STORE_TEST_H
#define TD_TEST_STORE_TEST_H

#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "support.h"

/* An article with these fields (NULL: not set). */
static td_article *art(const char *id, const char *title, const char *date,
                       const char *source, const char *text)
{
    return td_test_article(id, title, date, source, text);
}

static void sql(const char *path, const char *q)
{
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, q, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
}

/* Story `from`'s articles move to `into`, which takes its count and span; `from`
 * (and every story that led to it) then leads to `into`. */
static void sql_merge(const char *path, uint64_t from, uint64_t into)
{
    char q[1024];
    snprintf(q, sizeof q,
             "UPDATE stories SET n_articles = stories.n_articles + f.n_articles, "
             "first_day = min(stories.first_day, f.first_day), "
             "last_day = max(stories.last_day, f.last_day) "
             "FROM (SELECT n_articles, first_day, last_day FROM stories WHERE id = %llu) "
             "AS f WHERE stories.id = %llu; "
             "UPDATE articles SET story = %llu WHERE story = %llu; "
             "UPDATE stories SET n_articles = 0, merged_into = %llu "
             "WHERE id = %llu OR merged_into = %llu;",
             (unsigned long long)from, (unsigned long long)into,
             (unsigned long long)into, (unsigned long long)from,
             (unsigned long long)into, (unsigned long long)from,
             (unsigned long long)from);
    sql(path, q);
}

#endif

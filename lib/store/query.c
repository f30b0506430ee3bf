/*
 * query.c - reading the store: the list of stories, counts, and the brief of one
 * story (its stored prepared articles read back into a corpus).
 *
 * SQLite reports the damage it sees (a page that is not a b-tree page), but not a
 * page overwritten by another valid one: an index leaf lost that way makes a
 * story's articles vanish without an error. So every read also checks what it
 * found against the counts the stories table keeps (a story's n_articles is the
 * number of articles whose story it is, and the listed stories hold every
 * article), and a mismatch is TD_ECORRUPT, never a short answer. The bytes of an
 * article are checked too: its raw input against the content hash stored beside it,
 * a prepared article against its checksum (damaged, not just of an older version).
 */
#include <string.h>

#include "store/store_p.h"
#include "pipeline/pipeline_p.h"

TD_API td_status td_store_counts(td_store *s, uint64_t *articles, uint64_t *stories)
{
    if (!s || !s->db)
        return TD_EARG;
    td_status st = TD_OK;
    sqlite3_stmt *q = tdp_store_stmt(s, TDP_S_COUNTS, &st);
    if (!q)
        return st;
    int rc = sqlite3_step(q);
    if (rc == SQLITE_ROW) {
        if (articles)
            *articles = (uint64_t)sqlite3_column_int64(q, 0);
        if (stories)
            *stories = (uint64_t)sqlite3_column_int64(q, 1);
    }
    sqlite3_reset(q);
    return rc == SQLITE_ROW ? TD_OK : tdp_store_fail(s, rc, "cannot read the database");
}

/* A count the stories table keeps that the rows do not bear out. */
static td_status damaged(td_store *s, uint64_t story, uint64_t listed, uint64_t found)
{
    if (story)
        return tdp_store_failf(s, TD_ECORRUPT, "the database is damaged: story %llu holds "
                               "%llu article%s, %llu can be read", (unsigned long long)story,
                               (unsigned long long)listed, listed == 1 ? "" : "s",
                               (unsigned long long)found);
    return tdp_store_failf(s, TD_ECORRUPT, "the database is damaged: its stories hold %llu "
                           "article%s, it has %llu", (unsigned long long)listed,
                           listed == 1 ? "" : "s", (unsigned long long)found);
}

/* Its articles by outlet, most first, the articles without an outlet last. */
static const char k_outlets_sql[] =
    "SELECT outlet, count(*) FROM articles WHERE story = ?1 "
    "GROUP BY outlet ORDER BY outlet IS NULL, count(*) DESC, outlet";

/* Fills the outlets of one story into the arena; *n set. Every article of the
 * story must be found. */
static td_status story_outlets(td_store *s, sqlite3_stmt *q, const td_story_info *info,
                               tdp_arena *ar, const char ***out, size_t *n, size_t *cap)
{
    sqlite3_bind_int64(q, 1, (sqlite3_int64)info->id);
    int rc;
    *n = 0;
    uint64_t found = 0;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        found += (uint64_t)sqlite3_column_int64(q, 1);
        const char *o = (const char *)sqlite3_column_text(q, 0);
        if (!o)
            continue;
        size_t len = (size_t)sqlite3_column_bytes(q, 0);
        char *c = tdp_arena_strndup(ar, o, len);
        if (!c || TDP_GROW(*out, *cap, *n + 1)) {
            sqlite3_reset(q);
            return tdp_store_failf(s, TD_ENOMEM, "out of memory");
        }
        (*out)[(*n)++] = c;
    }
    sqlite3_reset(q);
    if (rc != SQLITE_DONE)
        return tdp_store_fail(s, rc, "cannot read the stories");
    if (found != info->n_articles)
        return damaged(s, info->id, info->n_articles, found);
    return TD_OK;
}

/* Every article belongs to a listed story: the sum of n_articles over them all. */
static td_status check_total(td_store *s, uint64_t listed)
{
    uint64_t articles = 0;
    td_status st = td_store_counts(s, &articles, NULL);
    if (!st && articles != listed)
        st = damaged(s, 0, listed, articles);
    return st;
}

TD_API td_status td_store_stories(td_store *s, const td_date *since, td_story_fn fn,
                                  void *ctx)
{
    if (!s || !s->db || !fn)
        return TD_EARG;
    td_status st = TD_OK;
    /* The outlets query needs a statement of its own while this one steps. */
    sqlite3_stmt *q = NULL, *oq = NULL;
    int rc = sqlite3_prepare_v2(s->db,
                                "SELECT id, headline, n_articles, first_day, last_day "
                                "FROM stories WHERE last_day >= ?1 AND n_articles > 0 "
                                "ORDER BY id",
                                -1, &q, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(s->db, k_outlets_sql, -1, &oq, NULL);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(q);
        sqlite3_finalize(oq);
        return tdp_store_fail(s, rc, "cannot read the stories");
    }
    int64_t from = INT32_MIN;
    if (since && since->prec >= TD_DATE_MONTH)
        from = td_date_days(since);
    else if (since && since->prec == TD_DATE_YEAR)
        from = tdp_days_from_civil(since->year, 1, 1);
    sqlite3_bind_int64(q, 1, from);
    tdp_arena ar = {0};
    const char **outlets = NULL;
    size_t cap = 0;
    uint64_t listed = 0;
    bool stopped = false;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        td_story_info info;
        memset(&info, 0, sizeof info);
        info.id = (uint64_t)sqlite3_column_int64(q, 0);
        const char *h = (const char *)sqlite3_column_text(q, 1);
        if (h) {
            info.headline = tdp_arena_strndup(&ar, h, (size_t)sqlite3_column_bytes(q, 1));
            if (!info.headline) {
                st = tdp_store_failf(s, TD_ENOMEM, "out of memory");
                break;
            }
        }
        info.n_articles = (size_t)sqlite3_column_int64(q, 2);
        info.first = tdp_store_day_date(sqlite3_column_int64(q, 3));
        info.last = tdp_store_day_date(sqlite3_column_int64(q, 4));
        listed += info.n_articles;
        st = story_outlets(s, oq, &info, &ar, &outlets, &info.n_outlets, &cap);
        if (st)
            break;
        info.outlets = outlets;
        int stop = fn(ctx, &info);
        tdp_arena_free(&ar);
        if (stop) {
            stopped = true;
            break;
        }
    }
    if (!st && rc != SQLITE_ROW && rc != SQLITE_DONE)
        st = tdp_store_fail(s, rc, "cannot read the stories");
    tdp_arena_free(&ar);
    tdp_free(outlets);
    sqlite3_finalize(q);
    sqlite3_finalize(oq);
    if (!st && !stopped && !since)
        st = check_total(s, listed);
    return st;
}

TD_API td_status td_story_info_json(const td_story_info *si, char **out, size_t *len)
{
    if (!si || !out)
        return TD_EARG;
    tdp_buf b = TDP_BUF_INIT;
    char first[32], last[32];
    td_date_format(&si->first, first, sizeof first);
    td_date_format(&si->last, last, sizeof last);
    tdp_buf_printf(&b, "{\"id\":%llu,\"headline\":", (unsigned long long)si->id);
    tdp_buf_json_cstr(&b, si->headline);
    tdp_buf_printf(&b, ",\"articles\":%zu,\"outlets\":[", si->n_articles);
    for (size_t i = 0; i < si->n_outlets; i++) {
        if (i)
            tdp_buf_putc(&b, ',');
        tdp_buf_json_cstr(&b, si->outlets[i]);
    }
    tdp_buf_printf(&b, "],\"first\":\"%s\",\"last\":\"%s\"}", first, last);
    if (b.err) {
        td_status st = b.err;
        tdp_buf_free(&b);
        return st;
    }
    size_t n = 0;
    *out = tdp_buf_detach(&b, &n);
    if (len)
        *len = n;
    return *out ? TD_OK : TD_ENOMEM;
}

/* The story `story` leads to (merged_into followed) and its n_articles. */
static td_status resolve(td_store *s, uint64_t story, uint64_t *out, uint64_t *n_articles)
{
    uint64_t id = story;
    for (int hop = 0; hop < 64; hop++) {
        td_status st = TD_OK;
        sqlite3_stmt *q = tdp_store_stmt(s, s->schema >= 2 ? TDP_S_STORY_ONE
                                                          : TDP_S_STORY_ONE_V1, &st);
        if (!q)
            return st;
        sqlite3_bind_int64(q, 1, (sqlite3_int64)id);
        int rc = sqlite3_step(q);
        int64_t n = rc == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
        bool merged = rc == SQLITE_ROW && sqlite3_column_type(q, 1) != SQLITE_NULL;
        uint64_t next = merged ? (uint64_t)sqlite3_column_int64(q, 1) : 0;
        sqlite3_reset(q);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            return tdp_store_fail(s, rc, "cannot read the story");
        if (merged && next && next != id) {
            id = next;
            continue;
        }
        if (rc == SQLITE_DONE || n == 0)
            break;
        *out = id;
        *n_articles = (uint64_t)n;
        return TD_OK;
    }
    return tdp_store_failf(s, TD_ENOTFOUND, "no story %llu", (unsigned long long)story);
}

TD_API td_status td_store_resolve(td_store *s, uint64_t story, uint64_t *out)
{
    if (!s || !s->db || !out)
        return TD_EARG;
    uint64_t n;
    return resolve(s, story, out, &n);
}

/* The headline the store lists for a story (NULL when none); *out tdp_malloc'd. */
static td_status stored_headline(td_store *s, uint64_t story, char **out)
{
    *out = NULL;
    td_status st = TD_OK;
    sqlite3_stmt *q = tdp_store_stmt(s, TDP_S_HEADLINE, &st);
    if (!q)
        return st;
    sqlite3_bind_int64(q, 1, (sqlite3_int64)story);
    int rc = sqlite3_step(q);
    if (rc == SQLITE_ROW && sqlite3_column_type(q, 0) != SQLITE_NULL) {
        const char *h = (const char *)sqlite3_column_text(q, 0);
        *out = h ? tdp_strdup(h) : NULL;
        if (h && !*out)
            st = tdp_store_failf(s, TD_ENOMEM, "out of memory");
    } else if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        st = tdp_store_fail(s, rc, "cannot read the story");
    }
    sqlite3_reset(q);
    return st;
}

/*
 * The story's articles into the corpus, each from its stored prepared article (one
 * without a current one, and every article of a schema-3 store read as it is, is
 * prepared again from its raw input). *found counts the rows.
 */
static td_status add_articles(td_store *s, uint64_t story, td_corpus *c, uint64_t *found)
{
    td_status st = TD_OK;
    sqlite3_stmt *q = tdp_store_stmt(s, s->schema >= 4 ? TDP_S_STORY_PREP
                                                      : TDP_S_STORY_PREP_V3, &st);
    if (!q)
        return st;
    sqlite3_bind_int64(q, 1, (sqlite3_int64)story);
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        ++*found;
        int version = sqlite3_column_type(q, 1) == SQLITE_NULL ? 0 : sqlite3_column_int(q, 1);
        /* what the brief shows comes from the prepared article, but a read that meets
         * a damaged raw input says so */
        if ((st = tdp_store_raw_verify(s, sqlite3_column_int64(q, 0))) != TD_OK)
            break;
        tdp_prepared p;
        bool fresh;
        st = tdp_store_prepared(s, sqlite3_column_int64(q, 0), q, 1, &p, &fresh);
        if (st == TD_EEMPTY) {
            st = TD_OK; /* rejected by the pipeline now: left out of the brief */
            continue;
        }
        if (st)
            break;
        if (fresh && version == TDP_PREPARED_VERSION && sqlite3_column_blob(q, 2)) {
            /* a blob of this version that does not read: damaged, not stale */
            tdp_prepared_free(&p);
            st = tdp_store_failf(s, TD_ECORRUPT, "the database is damaged: an article of "
                                 "story %llu does not match its checksum",
                                 (unsigned long long)story);
            break;
        }
        st = tdp_corpus_add_prepared(c, &p);
        if (st) {
            tdp_store_failf(s, st, "out of memory");
            break;
        }
    }
    sqlite3_reset(q);
    if (!st && rc != SQLITE_DONE)
        st = tdp_store_fail(s, rc, "cannot read the story's articles");
    return st;
}

td_status tdp_store_story_build(td_store *s, uint64_t story, int64_t listed,
                                td_corpus **out)
{
    *out = NULL;
    /* The articles were put together by the store: the corpus keeps them as one
     * story, under the store's id. */
    td_corpus_opts co = {0, 0, 0, story};
    td_corpus *c = td_corpus_new(&co);
    if (!c)
        return tdp_store_failf(s, TD_ENOMEM, "out of memory");
    uint64_t found = 0;
    td_status st = add_articles(s, story, c, &found);
    /* A read for the user checks the rows against the story's count (see the top of
     * this file); inside a settle the count is still being written. */
    if (!st && listed >= 0 && found != (uint64_t)listed)
        st = damaged(s, story, (uint64_t)listed, found);
    if (!st) {
        st = td_corpus_build(c);
        if (st)
            tdp_store_failf(s, st, "cannot build the brief: %s", td_strerror(st));
    }
    char *hl = NULL;
    if (!st && listed >= 0)
        st = stored_headline(s, story, &hl);
    if (!st && hl && td_corpus_story_count(c) &&
        (st = tdp_corpus_set_headline(c, 0, hl)) != TD_OK)
        tdp_store_failf(s, st, "out of memory");
    tdp_free(hl);
    if (st) {
        td_corpus_free(c);
        return st;
    }
    *out = c;
    return TD_OK;
}

TD_API td_status td_store_story_corpus(td_store *s, uint64_t story, td_corpus **out)
{
    if (!s || !s->db || !out)
        return TD_EARG;
    *out = NULL;
    uint64_t n = 0;
    td_status st = resolve(s, story, &story, &n);
    if (st)
        return st;
    return tdp_store_story_build(s, story, (int64_t)n, out);
}

TD_API td_status td_store_show(td_store *s, uint64_t story, int json, char **out, size_t *len)
{
    if (!out)
        return TD_EARG;
    *out = NULL;
    td_corpus *c = NULL;
    td_status st = td_store_story_corpus(s, story, &c);
    if (st)
        return st;
    size_t n = 0;
    st = json ? td_corpus_json(c, out, &n) : td_corpus_markdown(c, out, &n);
    if (st)
        tdp_store_failf(s, st, "cannot write the brief: %s", td_strerror(st));
    else if (len)
        *len = n;
    td_corpus_free(c);
    return st;
}

/*
 * corpus.c - the pipeline over a set of articles: add (clean, analyse), build
 * (dedup, cluster, brief), emit. The briefs are minimal for now: the articles of
 * each story.
 */
#include "analyse/analyse.h"
#include "cluster/cluster_p.h"
#include "dedup/dedup_p.h"
#include "tidings/clean.h"
#include "tidings/corpus.h"

struct td_corpus {
    td_corpus_opts opts;
    td_article **arts;
    size_t n, cap;
    tdp_copy *copies;
    uint32_t *story_of;
    size_t n_stories;
    bool built;
};

TD_API td_corpus *td_corpus_new(const td_corpus_opts *opts)
{
    td_corpus *c = tdp_calloc(1, sizeof *c);
    if (c && opts)
        c->opts = *opts;
    return c;
}

TD_API void td_corpus_free(td_corpus *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->n; i++)
        td_article_free(c->arts[i]);
    tdp_free(c->arts);
    tdp_free(c->copies);
    tdp_free(c->story_of);
    tdp_free(c);
}

TD_API td_status td_corpus_add(td_corpus *c, td_article *a)
{
    if (!c || !a) {
        td_article_free(a);
        return TD_EARG;
    }
    td_status st = td_clean(a);
    if (!st)
        st = tdp_analyse(a);
    if (!st && TDP_GROW(c->arts, c->cap, c->n + 1))
        st = TD_ENOMEM;
    if (st) {
        td_article_free(a);
        return st;
    }
    c->arts[c->n++] = a;
    c->built = false;
    return TD_OK;
}

TD_API td_status td_corpus_build(td_corpus *c)
{
    if (!c)
        return TD_EARG;
    tdp_free(c->copies);
    tdp_free(c->story_of);
    c->copies = tdp_calloc(c->n ? c->n : 1, sizeof *c->copies);
    c->story_of = tdp_calloc(c->n ? c->n : 1, sizeof *c->story_of);
    if (!c->copies || !c->story_of)
        return TD_ENOMEM;
    td_status st = tdp_dedup_corpus(c->arts, c->n, c->opts.copy_threshold, c->copies);
    if (!st)
        st = tdp_cluster_corpus(c->arts, c->n, c->copies, c->opts.story_threshold,
                                c->story_of, &c->n_stories);
    c->built = st == TD_OK;
    return st;
}

TD_API size_t td_corpus_article_count(const td_corpus *c) { return c ? c->n : 0; }
TD_API size_t td_corpus_story_count(const td_corpus *c) { return c ? c->n_stories : 0; }

TD_API td_status td_corpus_json(const td_corpus *c, char **out, size_t *len)
{
    if (!c || !out || !c->built)
        return TD_EARG;
    tdp_buf b = TDP_BUF_INIT;
    tdp_buf_puts(&b, "{\"stories\":[");
    for (size_t s = 0; s < c->n_stories; s++) {
        tdp_buf_printf(&b, "%s{\"id\":%zu,\"articles\":[", s ? "," : "", s + 1);
        bool first = true;
        for (size_t i = 0; i < c->n; i++) {
            if (c->story_of[i] != s)
                continue;
            const td_article *a = c->arts[i];
            char date[32];
            tdp_buf_puts(&b, first ? "{\"id\":" : ",{\"id\":");
            first = false;
            tdp_buf_json_cstr(&b, a->id);
            tdp_buf_puts(&b, ",\"outlet\":");
            tdp_buf_json_cstr(&b, td_article_outlet(a));
            tdp_buf_puts(&b, ",\"title\":");
            tdp_buf_json_cstr(&b, a->title);
            tdp_buf_puts(&b, ",\"date\":");
            if (td_date_format(&a->date, date, sizeof date))
                tdp_buf_json_cstr(&b, date);
            else
                tdp_buf_puts(&b, "null");
            tdp_buf_puts(&b, ",\"copy_of\":");
            if (c->copies[i].of >= 0)
                tdp_buf_json_cstr(&b, c->arts[c->copies[i].of]->id);
            else
                tdp_buf_puts(&b, "null");
            tdp_buf_putc(&b, '}');
        }
        tdp_buf_puts(&b, "]}");
    }
    tdp_buf_puts(&b, "]}");
    if (b.err) {
        td_status st = b.err;
        tdp_buf_free(&b);
        return st;
    }
    *out = tdp_buf_detach(&b, len);
    return *out ? TD_OK : TD_ENOMEM;
}

TD_API td_status td_corpus_markdown(const td_corpus *c, char **out, size_t *len)
{
    if (!c || !out || !c->built)
        return TD_EARG;
    tdp_buf b = TDP_BUF_INIT;
    for (size_t s = 0; s < c->n_stories; s++) {
        tdp_buf_printf(&b, "# Story %zu\n\n", s + 1);
        for (size_t i = 0; i < c->n; i++)
            if (c->story_of[i] == s)
                tdp_buf_printf(&b, "- %s\n", c->arts[i]->id);
        tdp_buf_putc(&b, '\n');
    }
    if (b.err) {
        td_status st = b.err;
        tdp_buf_free(&b);
        return st;
    }
    *out = tdp_buf_detach(&b, len);
    return *out ? TD_OK : TD_ENOMEM;
}

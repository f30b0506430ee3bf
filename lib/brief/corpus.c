/*
 * corpus.c - the pipeline over a set of articles: add (prepare: lib/pipeline),
 * build (dedup on the signatures, clustering on the features, one brief per
 * story over the analysed articles), emit (JSON, Markdown, HTML).
 */
#include "brief/brief_p.h"
#include "pipeline/pipeline_p.h"
#include "tidings/corpus.h"

struct td_corpus {
    td_corpus_opts opts;
    tdp_prepared *preps;      /* what the pipeline made of each article */
    td_article **arts;        /* preps[i].a, as the briefs read them */
    size_t n, cap, cap_preps;
    tdp_copy *copies;
    uint32_t *story_of;
    size_t n_stories;
    int summary_words;        /* td_corpus_set_summary_words */
    tdp_brief *briefs;        /* n_stories of them once built */
    bool built;
};

TD_API td_corpus *td_corpus_new(const td_corpus_opts *opts)
{
    td_corpus *c = tdp_calloc(1, sizeof *c);
    if (c && opts)
        c->opts = *opts;
    return c;
}

TD_API void td_corpus_set_summary_words(td_corpus *c, int words)
{
    if (c) {
        c->summary_words = words > 0 ? words : 0;
        c->built = false;
    }
}

static void drop_build(td_corpus *c)
{
    if (c->briefs)
        for (size_t s = 0; s < c->n_stories; s++)
            tdp_brief_free(&c->briefs[s]);
    tdp_free(c->briefs);
    tdp_free(c->copies);
    tdp_free(c->story_of);
    c->briefs = NULL;
    c->copies = NULL;
    c->story_of = NULL;
    c->n_stories = 0;
    c->built = false;
}

TD_API void td_corpus_free(td_corpus *c)
{
    if (!c)
        return;
    drop_build(c);
    for (size_t i = 0; i < c->n; i++)
        tdp_prepared_free(&c->preps[i]);
    tdp_free(c->preps);
    tdp_free(c->arts);
    tdp_free(c);
}

td_status tdp_corpus_add_prepared(td_corpus *c, tdp_prepared *p)
{
    if (!c || !p || !p->a) {
        tdp_prepared_free(p);
        return TD_EARG;
    }
    if (TDP_GROW(c->arts, c->cap, c->n + 1) ||
        TDP_GROW(c->preps, c->cap_preps, c->n + 1)) {
        tdp_prepared_free(p);
        return TD_ENOMEM;
    }
    c->preps[c->n] = *p;
    c->arts[c->n++] = p->a;
    memset(p, 0, sizeof *p);
    c->built = false;
    return TD_OK;
}

TD_API td_status td_corpus_add(td_corpus *c, td_article *a)
{
    if (!c || !a) {
        td_article_free(a);
        return TD_EARG;
    }
    tdp_prepared p;
    td_status st = tdp_prepare(a, &p);
    return st ? st : tdp_corpus_add_prepared(c, &p);
}

/* One brief per story, over the story's members in corpus order. */
static td_status build_briefs(td_corpus *c)
{
    size_t ns = c->n_stories;
    size_t *start = tdp_calloc(ns + 1, sizeof *start);
    uint32_t *members = tdp_malloc((c->n ? c->n : 1) * sizeof *members);
    c->briefs = tdp_calloc(ns ? ns : 1, sizeof *c->briefs);
    td_status st = start && members && c->briefs ? TD_OK : TD_ENOMEM;
    if (!st) {
        for (size_t i = 0; i < c->n; i++)
            if (c->story_of[i] < ns)
                start[c->story_of[i] + 1]++;
        for (size_t s = 0; s < ns; s++)
            start[s + 1] += start[s];
        size_t *fill = start; /* filled in place, then shifted back */
        for (size_t i = 0; i < c->n; i++)
            if (c->story_of[i] < ns)
                members[fill[c->story_of[i]]++] = (uint32_t)i;
        for (size_t s = ns; s > 0; s--)
            start[s] = start[s - 1];
        start[0] = 0;
        tdp_brief_opts bo = {c->opts.summary_sentences, c->summary_words};
        for (size_t s = 0; s < ns && !st; s++)
            st = tdp_brief_build(c->arts, c->copies, members + start[s],
                                 start[s + 1] - start[s], &bo, &c->briefs[s]);
    }
    tdp_free(start);
    tdp_free(members);
    return st;
}

TD_API td_status td_corpus_build(td_corpus *c)
{
    if (!c)
        return TD_EARG;
    drop_build(c);
    c->copies = tdp_calloc(c->n ? c->n : 1, sizeof *c->copies);
    c->story_of = tdp_calloc(c->n ? c->n : 1, sizeof *c->story_of);
    if (!c->copies || !c->story_of) {
        drop_build(c);
        return TD_ENOMEM;
    }
    for (size_t i = 0; i < c->n; i++)
        c->copies[i].of = -1;
    td_status st = tdp_corpus_stories(c->preps, c->n, c->opts.copy_threshold,
                                      c->opts.story_id ? -1 : c->opts.story_threshold,
                                      c->copies, c->story_of, &c->n_stories);
    if (!st)
        st = build_briefs(c);
    if (st) {
        drop_build(c);
        return st;
    }
    for (size_t s = 0; s < c->n_stories; s++)
        c->briefs[s].id = c->opts.story_id ? c->opts.story_id : s + 1;
    c->built = true;
    return TD_OK;
}

TD_API const td_story *td_corpus_story(const td_corpus *c, size_t i)
{
    return c && c->built && i < c->n_stories ? &c->briefs[i] : NULL;
}

const char *tdp_corpus_headline(const td_corpus *c, size_t story)
{
    return c && c->built && story < c->n_stories ? c->briefs[story].headline : NULL;
}

td_status tdp_corpus_set_headline(td_corpus *c, size_t story, const char *headline)
{
    if (!c || !c->built || story >= c->n_stories)
        return TD_EARG;
    if (!headline)
        return TD_OK;
    tdp_brief *b = &c->briefs[story];
    const char *h = tdp_arena_strndup(&b->arena, headline, strlen(headline));
    if (!h)
        return TD_ENOMEM;
    b->headline = h;
    return TD_OK;
}

TD_API size_t td_corpus_article_count(const td_corpus *c) { return c ? c->n : 0; }
TD_API size_t td_corpus_story_count(const td_corpus *c) { return c && c->built ? c->n_stories : 0; }

TD_API td_status td_corpus_json(const td_corpus *c, char **out, size_t *len)
{
    if (!c || !out || !c->built)
        return TD_EARG;
    tdp_buf b = TDP_BUF_INIT;
    tdp_buf_puts(&b, "{\"stories\":[");
    for (size_t s = 0; s < c->n_stories; s++) {
        if (s)
            tdp_buf_putc(&b, ',');
        tdp_brief_json(&b, &c->briefs[s]);
    }
    tdp_buf_puts(&b, "]}");
    return tdp_brief_finish(&b, out, len);
}

TD_API td_status td_corpus_markdown(const td_corpus *c, char **out, size_t *len)
{
    if (!c || !out || !c->built)
        return TD_EARG;
    tdp_buf b = TDP_BUF_INIT;
    for (size_t s = 0; s < c->n_stories; s++) {
        if (s)
            tdp_buf_putc(&b, '\n');
        tdp_brief_markdown(&b, &c->briefs[s]);
    }
    return tdp_brief_finish(&b, out, len);
}

TD_API td_status td_corpus_html(const td_corpus *c, char **out, size_t *len)
{
    if (!c || !out || !c->built)
        return TD_EARG;
    tdp_buf b = TDP_BUF_INIT;
    tdp_brief_html_head(&b);
    for (size_t s = 0; s < c->n_stories; s++)
        tdp_brief_html(&b, &c->briefs[s]);
    tdp_brief_html_tail(&b);
    return tdp_brief_finish(&b, out, len);
}

TD_API td_status td_corpus_story_json(const td_corpus *c, size_t story, char **out,
                                      size_t *len)
{
    if (!c || !out || !c->built || story >= c->n_stories)
        return TD_EARG;
    tdp_buf b = TDP_BUF_INIT;
    tdp_brief_json(&b, &c->briefs[story]);
    return tdp_brief_finish(&b, out, len);
}

TD_API td_status td_corpus_story_markdown(const td_corpus *c, size_t story, char **out,
                                          size_t *len)
{
    if (!c || !out || !c->built || story >= c->n_stories)
        return TD_EARG;
    tdp_buf b = TDP_BUF_INIT;
    tdp_brief_markdown(&b, &c->briefs[story]);
    return tdp_brief_finish(&b, out, len);
}

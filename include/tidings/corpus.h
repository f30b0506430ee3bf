/*
 * tidings/corpus.h - a set of articles turned into stories and their briefs.
 *
 * A corpus takes ownership of the articles added to it, cleans and analyses each on
 * arrival, and on td_corpus_build finds copies, groups the articles into stories and
 * derives a brief per story. The briefs are emitted as JSON, Markdown or HTML.
 */
#ifndef TIDINGS_CORPUS_H
#define TIDINGS_CORPUS_H

#include "article.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct td_corpus td_corpus;

typedef struct td_corpus_opts {
    double copy_threshold;   /* Jaccard at or above which an article is a copy; 0 = default */
    double story_threshold;  /* similarity at or above which articles share a story; 0 = default */
    int summary_sentences;   /* sentences per summary; 0 = default (4) */
    /*
     * 0: the corpus finds its stories and numbers them 1, 2, ... in its output.
     * Nonzero: the articles are already known to be one story (a stored story, see
     * td_store_story_corpus): they are not split, and the brief carries this id
     * (JSON "id", "Story N" in Markdown and HTML).
     */
    uint64_t story_id;
} td_corpus_opts;

/* opts may be NULL for the defaults. */
TD_API td_corpus *td_corpus_new(const td_corpus_opts *opts);
TD_API void td_corpus_free(td_corpus *c);

/*
 * Summaries by length instead of by sentence count: sentences are added until the
 * summary holds at least `words` words (e.g. 250, as multi-document summarisation
 * evaluations ask); 0 goes back to opts.summary_sentences. Applies from the next
 * td_corpus_build.
 */
TD_API void td_corpus_set_summary_words(td_corpus *c, int words);

/*
 * Adds an article; the corpus owns it from now on, whatever the status (on error it
 * is freed). Cleans it if not yet cleaned, then analyses it. TD_EEMPTY when nothing
 * of the article was left to use.
 */
TD_API TD_NODISCARD td_status td_corpus_add(td_corpus *c, td_article *a);

/* Dedup, clustering and briefs over everything added so far. */
TD_API TD_NODISCARD td_status td_corpus_build(td_corpus *c);

TD_API size_t td_corpus_article_count(const td_corpus *c);
TD_API size_t td_corpus_story_count(const td_corpus *c);

/* {"stories": [...]} as documented in docs/json.md. */
TD_API TD_NODISCARD td_status td_corpus_json(const td_corpus *c, char **out, size_t *len);
/* The briefs as Markdown, for a terminal or a file. */
TD_API TD_NODISCARD td_status td_corpus_markdown(const td_corpus *c, char **out, size_t *len);
/* The briefs as one self-contained HTML page (inline style, no script, nothing
 * fetched), sources linked to each story's source list. */
TD_API TD_NODISCARD td_status td_corpus_html(const td_corpus *c, char **out, size_t *len);

/*
 * One story's brief (story = 0 .. td_corpus_story_count()-1, in the order of the
 * whole-corpus output): the JSON object of that story alone, or its Markdown
 * section. TD_EARG when the corpus is not built or story is out of range. The
 * same stories and briefs as data: tidings/brief.h.
 */
TD_API TD_NODISCARD td_status td_corpus_story_json(const td_corpus *c, size_t story,
                                                   char **out, size_t *len);
TD_API TD_NODISCARD td_status td_corpus_story_markdown(const td_corpus *c, size_t story,
                                                       char **out, size_t *len);
/* One story's brief as a self-contained HTML page of its own (as td_corpus_html
 * writes it, with that story only). */
TD_API TD_NODISCARD td_status td_corpus_story_html(const td_corpus *c, size_t story,
                                                   char **out, size_t *len);

#ifdef __cplusplus
}
#endif
#endif

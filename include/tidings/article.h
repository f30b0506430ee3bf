/*
 * tidings/article.h - one news article and what the stages found in it.
 *
 * An article is created by a reader (or by td_article_new and the setters), cleaned
 * by td_clean(), then handed to a corpus (tidings/corpus.h) which takes ownership;
 * a built corpus's stories hand their articles back read-only (tidings/brief.h).
 */
#ifndef TIDINGS_ARTICLE_H
#define TIDINGS_ARTICLE_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct td_article td_article;

/* Fields a caller may set before cleaning. */
typedef enum td_field {
    TD_FIELD_ID = 0,
    TD_FIELD_URL,
    TD_FIELD_TITLE,
    TD_FIELD_DATE,      /* ISO 8601 text, parsed with td_date_parse */
    TD_FIELD_SOURCE,    /* outlet name as the input gives it */
    TD_FIELD_TEXT,      /* the raw article text (UTF-8) */
    TD_FIELD_HTML,      /* a raw HTML page, extracted on td_clean */
    TD_FIELD_AUTHOR,
    TD_FIELD_LANGUAGE
} td_field;

/* Kind of a cleaned paragraph. */
typedef enum td_para_kind {
    TD_PARA_TEXT = 0,
    TD_PARA_HEADING = 1,
    TD_PARA_LIST = 2,
    TD_PARA_QUOTE = 3,
    TD_PARA_COMMENT = 4 /* a reader comment on an HTML page, kept on request
                           (td_reader_keep_comments) after the article */
} td_para_kind;

TD_API td_article *td_article_new(void);
TD_API void td_article_free(td_article *a);

/* Copies len bytes of value into the field (value need not be NUL-terminated). */
TD_API TD_NODISCARD td_status td_article_set(td_article *a, td_field f,
                                             const char *value, size_t len);

/* Getters: NULL when unknown. */
TD_API const char *td_article_id(const td_article *a);
TD_API const char *td_article_url(const td_article *a);
TD_API const char *td_article_title(const td_article *a);
TD_API const char *td_article_outlet(const td_article *a);   /* detected or given */
TD_API const char *td_article_dateline(const td_article *a); /* "WASHINGTON" */
TD_API const char *td_article_language(const td_article *a); /* ISO 639-1 */
TD_API const char *td_article_author(const td_article *a);
TD_API const char *td_article_text(const td_article *a);     /* raw text */
TD_API td_date td_article_date(const td_article *a);

/* Where the article came from: file path and 1-based line (0 for a whole file). */
TD_API const char *td_article_origin(const td_article *a, uint32_t *line);

/* Cleaned paragraphs (after td_clean). */
TD_API size_t td_article_paragraph_count(const td_article *a);
TD_API const char *td_article_paragraph(const td_article *a, size_t i,
                                        size_t *len, td_para_kind *kind);

/* What cleaning removed, with the reason ("chrome", "caption", "repeat", ...). */
TD_API size_t td_article_removed_count(const td_article *a);
TD_API const char *td_article_removed(const td_article *a, size_t i,
                                      const char **reason);

/*
 * The article as one line of JSON (no trailing newline): id, title, date, outlet,
 * dateline, language, url, author, paragraphs[], kinds[] (one per paragraph),
 * removed[] - the `tidings clean --json` record (docs/json.md).
 */
TD_API TD_NODISCARD td_status td_article_json(const td_article *a, char **out,
                                              size_t *len);

#ifdef __cplusplus
}
#endif
#endif

/*
 * article_p.h - the article record as the stages see it (internal).
 *
 * Every string hangs off the article's arena and lives as long as the article.
 * Stages fill their part in pipeline order: reader (id..html), clean (paras,
 * removed, title/date/outlet/dateline/language), analyse (an).
 */
#ifndef TDP_ARTICLE_P_H
#define TDP_ARTICLE_P_H

#include "core/core.h"
#include "tidings/article.h"

typedef struct tdp_para {
    const char *text;   /* NUL-terminated, in the arena */
    uint32_t len;
    uint8_t kind;       /* td_para_kind */
} tdp_para;

/* A paragraph HTML extraction put in the text, with the kind the markup gives. */
typedef struct tdp_xpara {
    uint32_t off, len;  /* within text */
    uint8_t kind;       /* td_para_kind */
} tdp_xpara;

typedef struct tdp_removed {
    const char *text;
    uint32_t len;
    const char *reason; /* a static string: "chrome", "caption", "credit", ... */
} tdp_removed;

struct tdp_analysis;    /* lib/analyse/analyse.h */

struct td_article {
    tdp_arena arena;
    const char *id, *path;
    uint32_t line;                 /* 1-based line in a JSONL file, 0 otherwise */
    const char *url, *title, *source, *outlet, *dateline, *language, *author;
    const char *canonical_url;
    td_date date;
    td_date fetch_date;            /* when a crawler fetched the page (WARC-Date);
                                      the date used when the page gives none */
    const char *date_text;         /* a publication date given as free text that the
                                      reader could not parse ("Published : May 5,
                                      2010"); cleaning reads it */
    const char *text;              /* raw text (UTF-8) */
    size_t text_len;
    const char *html;              /* raw HTML page, when the input was one */
    size_t html_len;
    char *html_owned;              /* html when taken over (not in the arena) */
    const tdp_xpara *xparas;       /* text made by HTML extraction: its paragraphs in
                                      order (in the arena); NULL for other text */
    size_t n_xparas;

    tdp_para *paras;
    size_t n_paras, cap_paras;
    tdp_removed *removed;
    size_t n_removed, cap_removed;
    bool cleaned;
    bool keep_comments;            /* HTML extraction keeps reader comments
                                      (td_reader_keep_comments) */

    struct tdp_analysis *an;       /* owned; freed with the article */
};

/* Copies s into the article's arena; NULL on out-of-memory. */
const char *tdp_article_str(td_article *a, const char *s, size_t n);

/*
 * A publication date from metadata: "YYYY-MM-DD", "YYYY-MM-DD HH:MM:SS" or ISO 8601
 * with zone sets the date; anything else short enough to be a date written out
 * ("May 03, 2013", "Published : 11 / 12 / 2007") is kept as date_text for the
 * cleaning stage to read, unless a date is already set. TD_ENOMEM only.
 */
td_status tdp_article_set_date(td_article *a, const char *s, size_t n);
/* Makes the tdp_malloc'd, NUL-terminated page data (len bytes) the article's HTML
 * without copying it; the article frees it. */
void tdp_article_take_html(td_article *a, char *data, size_t len);
/* Appends a cleaned paragraph / a removal (text copied). */
td_status tdp_article_add_para(td_article *a, const char *s, size_t n, td_para_kind kind);
td_status tdp_article_add_removed(td_article *a, const char *s, size_t n, const char *reason);

/* Set by the analyse stage so that articles can free what it attached. */
void tdp_analysis_free(struct tdp_analysis *an);

#endif

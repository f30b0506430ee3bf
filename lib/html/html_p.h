/* html_p.h - the article out of an HTML page (internal). */
#ifndef TDP_HTML_P_H
#define TDP_HTML_P_H

#include "article/article_p.h"

/*
 * Extracts the article from a->html: sets a->text (paragraphs separated by blank
 * lines) and, where the page gives them and they are not set yet, title, date,
 * outlet, author, url, canonical url, language. TD_EEMPTY when the page holds no
 * article, TD_EBINARY for binary data served as HTML. See docs/html.md.
 */
td_status tdp_html_extract(td_article *a);

/*
 * The page as UTF-8: s itself when it is valid UTF-8 (after a UTF-8 BOM), else
 * converted into tmp from the declared charset (the HTTP header's label in
 * `declared`, or NULL to look for a <meta> one) or Windows-1252. Sets *outlen;
 * NULL on out-of-memory. The result is always valid UTF-8.
 */
const char *tdp_html_utf8(const char *s, size_t n, const char *declared, tdp_buf *tmp,
                          size_t *outlen);

/* The charset label of a <meta> in the first 64 KiB / of a Content-Type value,
 * lower-cased into name (cap bytes); false if there is none. */
bool tdp_html_meta_charset(const char *s, size_t n, char *name, size_t cap);
bool tdp_http_charset(const char *ctype, size_t n, char *name, size_t cap);

#endif

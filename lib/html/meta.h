/* meta.h - what a page says about its article: title, date, author, outlet, URL,
 * language (internal to lib/html). */
#ifndef TDP_HTML_META_H
#define TDP_HTML_META_H

#include "html/dom.h"
#include "article/article_p.h"

/* Sets the article's title, date, author, outlet, url, canonical_url and language
 * from the page where they are not set yet. Only TD_ENOMEM fails. */
td_status tdp_html_meta(const tdp_hdoc *doc, td_article *a);

/* Parses an ISO 8601 date or date-time as pages write it ("2022-01-15",
 * "2022-01-15T08:24:00.000+01:00", "2022-01-15 08:24:00"); times are converted to
 * UTC. False if s does not start with a date. */
bool tdp_html_parse_date(const char *s, size_t n, td_date *out);

/* A date in a URL path: /2022/01/15/, /2022-01-15, /20220115/. */
bool tdp_html_url_date(const char *url, size_t n, td_date *out);

/* A date written for readers in s ("January 15, 2022", "15 Jan. 2022",
 * "2022-01-15"); English month names. */
bool tdp_html_text_date(const char *s, size_t n, td_date *out);

/* The title without a site suffix or prefix ("Story | Site", "Site - Story"). */
size_t tdp_html_trim_title(const char *t, size_t n, const char *site, size_t *start);

#endif

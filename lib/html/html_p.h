/* html_p.h - the article out of an HTML page (internal). */
#ifndef TDP_HTML_P_H
#define TDP_HTML_P_H

#include "article/article_p.h"

/*
 * Extracts the article from a->html: sets a->text (paragraphs separated by blank
 * lines) and, where the page gives them and they are not set yet, title, date,
 * outlet, author, url, language. TD_EEMPTY when the page holds no article.
 */
td_status tdp_html_extract(td_article *a);

#endif

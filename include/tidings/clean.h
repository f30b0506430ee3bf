/*
 * tidings/clean.h - the article as a reader would see it: chrome, captions, credits,
 * repeated titles and paragraphs, teasers and timestamps removed, each removal kept
 * with its reason; title, date, outlet, dateline and language detected.
 */
#ifndef TIDINGS_CLEAN_H
#define TIDINGS_CLEAN_H

#include "article.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Cleans the article in place (idempotent: a second call does nothing). An HTML
 * article is extracted first. TD_EEMPTY when no article text is left.
 */
TD_API TD_NODISCARD td_status td_clean(td_article *a);

#ifdef __cplusplus
}
#endif
#endif

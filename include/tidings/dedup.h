/*
 * tidings/dedup.h - exact copies, near-copies and partial copies of articles.
 */
#ifndef TIDINGS_DEDUP_H
#define TIDINGS_DEDUP_H

#include "article.h"

#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif
#endif

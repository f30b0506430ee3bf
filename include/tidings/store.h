/*
 * tidings/store.h - the embedded store: articles arrive over days and join stories.
 */
#ifndef TIDINGS_STORE_H
#define TIDINGS_STORE_H

#include "corpus.h"

#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif
#endif

/*
 * tidings.h - the whole public API of the tidings library.
 *
 * Pipeline: read -> clean -> analyse -> dedup -> cluster -> brief -> emit.
 * Each stage has its own header; this one includes them all.
 */
#ifndef TIDINGS_H
#define TIDINGS_H

#include "common.h"
#include "article.h"
#include "reader.h"
#include "clean.h"
#include "analysis.h"
#include "dedup.h"
#include "corpus.h"
#include "brief.h"
#include "store.h"

#endif

/*
 * store_p.h - the SQLite store (internal): the handle, its prepared statements and
 * the helpers shared by store.c (open, ingest, live state) and query.c (stories,
 * show).
 */
#ifndef TDP_STORE_P_H
#define TDP_STORE_P_H

#include <sqlite3.h>

#include "article/article_p.h"
#include "cluster/cluster_p.h"
#include "core/hmap.h"
#include "tidings/store.h"

/* Prepared statements, made on first use and kept until close. */
enum {
    TDP_S_BEGIN, TDP_S_COMMIT, TDP_S_ROLLBACK,
    TDP_S_FIND, TDP_S_SEEN, TDP_S_INS_VER, TDP_S_INS_ART, TDP_S_UPD_ART,
    TDP_S_NEW_STORY, TDP_S_STORY_ADD, TDP_S_STORY_SPAN,
    TDP_S_MAXDAY, TDP_S_LIVE,
    TDP_S_STORY_ONE, TDP_S_COUNTS, TDP_S_STORY_ONE_V1,
    TDP_S_RAW_ONE, TDP_S_INS_FEAT,
    TDP_S_INS_PREP, TDP_S_EARLIER, TDP_S_UNSETTLED, TDP_S_NEAR, TDP_S_STORY_SETTLED,
    TDP_S_PREP_ONE, TDP_S_STORY_PREP_V3, TDP_S_MOVE_ART,
    TDP_S_INS_MOVE, TDP_S_SETTLED, TDP_S_RECOUNT, TDP_S_EMPTIED, TDP_S_SET_HEADLINE,
    TDP_S_STORY_PREP, TDP_S_HEADLINE,
    TDP_S_N_
};

/* Clusterer story id -> store story id and the last day an article joined through
 * the entry. A zeroed map is empty. */
typedef struct tdp_idmap {
    tdp_hmap m;
    size_t pruned_at; /* entries after the last pruning */
} tdp_idmap;

/* The map: get returns 0 when absent; put records key -> val last used on `day`
 * and, when the map has doubled since it last did, drops the entries unused for two
 * windows before `newest` (stories the clusterer has let go). */
uint64_t tdp_idmap_get(const tdp_idmap *m, uint64_t key);
td_status tdp_idmap_put(tdp_idmap *m, uint64_t key, uint64_t val, int64_t day,
                        int64_t newest, int window);
void tdp_idmap_free(tdp_idmap *m);

struct td_store {
    sqlite3 *db;
    char *path;
    td_store_opts opts;
    bool readonly;
    int schema;         /* version of the open database */
    bool in_txn;
    bool broken;        /* a write failed: the batch is gone, no more writes */
    bool live;          /* the clusterer holds the live window */
    sqlite3_stmt *st[TDP_S_N_];
    tdp_clusterer *cl;
    tdp_idmap map;
    int64_t newest;     /* latest placement day the clusterer has seen */
    int64_t own_last;   /* latest day of an article placed by its own date */
    int64_t data_version; /* PRAGMA data_version when the live state was built */
    unsigned rebuilds;  /* times the live state was built (for tests) */
    size_t replayed;    /* articles replayed into the last rebuild (for tests) */
    size_t recleaned;   /* of those, cleaned again: no usable stored features */
    size_t pending;
    struct libdeflate_compressor *deflater;     /* made on first use */
    struct libdeflate_decompressor *inflater;
    char err[512];
};

/* Sets the handle's message from a SQLite failure and maps rc to a status. */
td_status tdp_store_fail(td_store *s, int rc, const char *what);
/* printf-style message with a given status. */
td_status tdp_store_failf(td_store *s, td_status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The statement k, reset and with its bindings cleared; NULL on failure (message set). */
sqlite3_stmt *tdp_store_stmt(td_store *s, int k, td_status *st);

/*
 * Columns of the stored raw input, in this order, starting at a statement's first
 * column: id, in_url, in_title, in_date, in_source, in_author, in_language, in_text,
 * in_html, origin, line, and the content hash of in_url .. in_html.
 */
#define TDP_RAW_COLS "id, in_url, in_title, in_date, in_source, in_author, " \
                     "in_language, in_text, in_html, origin, line, hash"
#define TDP_RAW_NCOLS 12
/* Rebuilds an uncleaned article from the raw columns at col0; NULL on OOM. */
td_article *tdp_store_article(sqlite3_stmt *q, int col0);
/* Whether the raw columns at col0 still hash to the content hash stored beside
 * them: TD_OK, or TD_ECORRUPT / TD_ENOMEM with the message set (the article's id). */
td_status tdp_store_raw_check(td_store *s, sqlite3_stmt *q, int col0);
/* Article seq's raw input checked against its content hash (no row: TD_OK); a
 * mismatch is TD_ECORRUPT with the message set. */
td_status tdp_store_raw_verify(td_store *s, int64_t seq);

/*
 * What the clusterer was shown of an article (tdp_cinfo) to and from the blob of
 * the `features` table (layout in feats.c). decode: TD_ECORRUPT when the blob
 * does not hold a whole info; *info is then empty.
 */
td_status tdp_store_feats_encode(const tdp_cinfo *info, unsigned char **out, size_t *len);
td_status tdp_store_feats_decode(const unsigned char *b, size_t len, tdp_cinfo *info);

/*
 * A built corpus of one stored story (its id given, already resolved) from the
 * stored prepared articles (an article without a current one, stored by an older
 * version, is prepared again from its raw input; one the pipeline now rejects is
 * left out). listed: the story's n_articles, which the rows read must bear out,
 * and the brief then carries the headline the store lists for the story, so that
 * `show` and `stories` always agree; < 0 inside a settle (no check, the brief's
 * own headline).
 */
struct td_corpus;
td_status tdp_store_story_build(td_store *s, uint64_t story, int64_t listed,
                                struct td_corpus **out);

/*
 * The prepared article of stored article `seq`: from the `prepared` columns
 * version and data at col and col + 1 of q's row (q NULL: none) when they are of
 * the current version, else its raw input prepared again, with *fresh set so
 * that the caller can store it. TD_EEMPTY: the pipeline rejects it now; other
 * failures set the message.
 */
struct tdp_prepared;
td_status tdp_store_prepared(td_store *s, int64_t seq, sqlite3_stmt *q, int col,
                             struct tdp_prepared *out, bool *fresh);

/*
 * A prepared article as the store keeps it (prepared.c: the codec's bytes,
 * deflated) and back. unpack: TD_ECORRUPT for bytes that are not a whole one.
 */
td_status tdp_store_pack(td_store *s, const struct tdp_prepared *p, unsigned char **out,
                         size_t *len);
td_status tdp_store_unpack(td_store *s, const unsigned char *b, size_t len,
                           struct tdp_prepared *out);

/* Days since 1970-01-01 <-> a TD_DATE_DAY date. */
td_date tdp_store_day_date(int64_t day);

#endif

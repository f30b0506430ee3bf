/*
 * tidings/store.h - the embedded store: articles arrive over days and join stories.
 *
 * A store is one SQLite database file (docs/store.md gives its schema). Each
 * ingested article is prepared by the pipeline (cleaned, analysed, its features
 * and copy signature made) and joins a live story (or starts one) on arrival; the
 * prepared article is stored beside its raw input, so that listing and showing
 * stories never clean or analyse again. td_store_settle (and td_store_close)
 * then gives the articles that arrived since the last settle the stories the
 * batch (`tidings brief`) gives them: an ingest of a set equals a brief of it,
 * and an ingest killed and run again equals one that ran through. A new process
 * continues where the last one left off: the live stories are rebuilt from the
 * articles of the last window when the first article arrives, from what the
 * clusterer was shown of each, so nothing is cleaned or analysed again.
 *
 * Durability: td_store_ingest works inside a transaction that td_store_commit ends.
 * Only what td_store_commit returned TD_OK for is durable; report an article as
 * stored only after that. A crash or kill before the commit loses the uncommitted
 * batch and nothing else; the database opens cleanly afterwards.
 *
 * Ownership: td_store_ingest takes the article (whatever the status). Strings in a
 * td_story_info live until the callback returns. One td_store is used by one
 * thread at a time; several processes may share a file (one writes at a time, the
 * others wait up to the busy timeout, then get TD_ELOCKED).
 */
#ifndef TIDINGS_STORE_H
#define TIDINGS_STORE_H

#include "corpus.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct td_store td_store;

/* The schema version this library writes and reads (PRAGMA user_version). */
#define TD_STORE_SCHEMA 4

typedef struct td_store_opts {
    int readonly;          /* nonzero: never write (stories, show) */
    int busy_timeout_ms;   /* wait for another writer; 0 = default 5000, < 0 = none */
    int window_days;       /* live window of the clusterer; 0 = default 7 */
    double story_threshold;/* passed to the clusterer; 0 = its default */
    int64_t now;           /* arrival time (Unix seconds) for this session; 0 = clock */
} td_store_opts;

/*
 * Opens (and, unless readonly, creates) the store at path. *out receives a handle
 * even on failure, so that td_store_error() can say why; close it in every case.
 * A readonly store needs no write access to the file or its folder (another
 * user's database can be read).
 * Errors: TD_EIO (cannot open), TD_ESCHEMA (not a tidings store, or a newer
 * schema), TD_ECORRUPT (not a database / damaged), TD_ELOCKED (another process
 * held the lock past the busy timeout), TD_EREADONLY (cannot write to a new file).
 */
TD_API TD_NODISCARD td_status td_store_open(const char *path, const td_store_opts *opts,
                                            td_store **out);

/*
 * Commits what is pending (see td_store_commit), settles (td_store_settle, on a
 * handle open for writing) and closes. Returns the first failure; the handle is
 * released in every case. td_store_close(NULL) is TD_OK.
 */
TD_API td_status td_store_close(td_store *s);

/* Detail of the last failure ("database schema 3 is newer than 1"); never NULL. */
TD_API const char *td_store_error(const td_store *s);

/* What ingesting an article did. */
typedef enum td_ingest_kind {
    TD_INGEST_NEW = 0,        /* a new article, now in story `story` */
    TD_INGEST_UNCHANGED = 1,  /* this id with this content was stored before */
    TD_INGEST_REVISED = 2     /* a known id with new content: stored, same story */
} td_ingest_kind;

typedef struct td_ingest_result {
    uint64_t story;           /* the story the article is in */
    td_ingest_kind kind;
    int new_story;            /* nonzero: the article started the story */
} td_ingest_result;

/*
 * Adds an article (taking it) inside the current transaction, which it begins if
 * none is open. Identity is the article id plus a hash of its raw content: the same
 * id and content again changes nothing; the same id with content never seen
 * before replaces the stored content and stays in its story. res may be NULL.
 * TD_EEMPTY (and the like): the article was rejected, the store is unchanged and
 * usable. TD_ELOCKED, TD_EREADONLY, TD_ECORRUPT, TD_EIO, TD_EDB, TD_ENOMEM: the
 * pending batch is lost and the store refuses further writes.
 */
TD_API TD_NODISCARD td_status td_store_ingest(td_store *s, td_article *a,
                                              td_ingest_result *res);

/* Makes the articles ingested since the last commit durable. */
TD_API TD_NODISCARD td_status td_store_commit(td_store *s);

/* Articles ingested since the last commit. */
TD_API size_t td_store_pending(const td_store *s);

/*
 * Commits what is pending, then gives every article not yet settled (ingested or
 * revised since the last settle) its final story: the articles placed from a
 * window before the earliest of them on are grouped again as the batch groups
 * them (copies, then stories; docs/store.md), in arrival order, and the changes
 * are stored as moves (table `moves`) in one transaction, with each changed
 * story's headline. Nothing to settle: TD_OK at once. A failure leaves the store
 * as it was (and unsettled).
 */
TD_API TD_NODISCARD td_status td_store_settle(td_store *s);

/* One story as listed by td_store_stories. Days are TD_DATE_DAY dates. */
typedef struct td_story_info {
    uint64_t id;
    const char *headline;         /* NULL when no article had a title */
    size_t n_articles;
    const char *const *outlets;   /* most articles first */
    size_t n_outlets;
    td_date first, last;          /* span of its articles' dates */
} td_story_info;

/* Return nonzero to stop the listing. */
typedef int (*td_story_fn)(void *ctx, const td_story_info *story);

/*
 * Calls fn for each story (in id order) whose last article is dated on or after
 * *since (since may be NULL for all). TD_ECORRUPT, possibly after some stories,
 * when the database is damaged: a story's articles cannot all be read, or (for
 * the whole list) the stories do not hold every article.
 */
TD_API TD_NODISCARD td_status td_store_stories(td_store *s, const td_date *since,
                                               td_story_fn fn, void *ctx);

/* A story as one line of JSON (no newline): id, headline, articles, outlets,
 * first, last. */
TD_API TD_NODISCARD td_status td_story_info_json(const td_story_info *story, char **out,
                                                 size_t *len);

/* Number of articles and stories in the store. */
TD_API TD_NODISCARD td_status td_store_counts(td_store *s, uint64_t *articles,
                                              uint64_t *stories);

/*
 * The story a story id leads to: itself, or the story it was merged into when the
 * clusterer found two stories to be one. TD_ENOTFOUND: no such story.
 */
TD_API TD_NODISCARD td_status td_store_resolve(td_store *s, uint64_t story, uint64_t *out);

/*
 * A built corpus of the story's articles (re-read from their stored raw input; a
 * merged story's id leads to the story it joined), for td_corpus_json /
 * td_corpus_markdown: one story, numbered with the store's id (td_corpus_opts
 * story_id). TD_ENOTFOUND: no such story. TD_ECORRUPT: fewer (or more) articles
 * could be read than the story holds.
 */
TD_API TD_NODISCARD td_status td_store_story_corpus(td_store *s, uint64_t story,
                                                    td_corpus **out);

/* The brief of one story as `tidings brief` prints it: JSON or Markdown (a merged
 * story's id leads to the story it joined). */
TD_API TD_NODISCARD td_status td_store_show(td_store *s, uint64_t story, int json,
                                            char **out, size_t *len);

/* Full consistency check (PRAGMA integrity_check): TD_OK or TD_ECORRUPT. */
TD_API TD_NODISCARD td_status td_store_check(td_store *s);

#ifdef __cplusplus
}
#endif
#endif

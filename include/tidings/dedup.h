/*
 * tidings/dedup.h - exact copies, near-copies and partial copies of articles.
 *
 * Three kinds of copy, each with a similarity in [0, 1]:
 *  - exact: the same normalised text (case-folded, punctuation and spacing ignored);
 *  - near: Jaccard similarity of the word shingles at or above the threshold;
 *  - partial: one article reuses whole paragraphs of the other or is contained in it;
 *    the similarity is the containment (the share of the smaller article's shingles
 *    found in the larger) and must reach the containment threshold.
 * Articles must be cleaned (td_clean) first: the functions here read the cleaned
 * paragraphs and refuse an article that is not cleaned (TD_EARG).
 * Articles with no words have no signature and are never copies; articles shorter
 * than one shingle (a few words) can only be exact copies. docs/dedup.md has the
 * details, the JSON format and the measured accuracy.
 *
 * Two ways in:
 *  - td_dedup_articles: a set of articles at once, grouped; each group's canonical
 *    article is the earliest (then the longest); similarities are exact.
 *  - td_dedup_index: a stream. Each article added is answered at once ("copy of
 *    what?") from MinHash estimates, and the index can be saved to a file and loaded
 *    again, so that today's run adds to yesterday's.
 */
#ifndef TIDINGS_DEDUP_H
#define TIDINGS_DEDUP_H

#include "article.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum td_copy_kind {
    TD_COPY_NONE = 0,     /* not a copy */
    TD_COPY_EXACT = 1,
    TD_COPY_NEAR = 2,
    TD_COPY_PARTIAL = 3
} td_copy_kind;

/* "none", "exact", "near", "partial". */
TD_API const char *td_copy_kind_name(td_copy_kind k);

typedef struct td_dedup_opts {
    double threshold;     /* Jaccard for a near-copy; 0 = default (0.7) */
    double containment;   /* containment for a partial copy; 0 = default (0.5);
                             above 1 turns partial copies off */
} td_dedup_opts;

/* ---- a set of articles ---- */

/* What td_dedup_articles says of one article. */
typedef struct td_dedup_copy {
    long of;              /* index of the canonical article of its group, -1 if none */
    long nearest;         /* index of the article it matched best (often == of) */
    double similarity;    /* to nearest: Jaccard (near), containment (partial), 1 */
    td_copy_kind kind;
} td_dedup_copy;

/*
 * Finds the copies among arts[0..n): out[i] (n entries, caller's) tells whether
 * article i is a copy and of which canonical article; a canonical article has
 * of == -1. Every article must be cleaned (TD_EARG otherwise); those left empty
 * are never copies. opts may be NULL.
 */
TD_API TD_NODISCARD td_status td_dedup_articles(td_article *const *arts, size_t n,
                                                const td_dedup_opts *opts,
                                                td_dedup_copy *out);

/*
 * The groups as JSON (no trailing newline), canonicals in input order:
 * {"groups":[{"canonical":ID,"copies":[{"id":ID,"similarity":0.93,"kind":"near"}]}]}
 * Only articles with copies form groups. *out is the caller's (td_free).
 */
TD_API TD_NODISCARD td_status td_dedup_json(td_article *const *arts, size_t n,
                                            const td_dedup_copy *copies, char **out,
                                            size_t *len);

/* ---- a stream: the copy index ---- */

typedef struct td_dedup_index td_dedup_index;

/* The answer for one article added to (or looked up in) an index. */
typedef struct td_dedup_match {
    td_copy_kind kind;    /* TD_COPY_NONE: new, not a copy of anything indexed */
    double similarity;    /* estimated Jaccard (near), containment (partial), 1 (exact) */
    const char *of;       /* id of the canonical article of the group it joins */
    const char *nearest;  /* id of the indexed article it matched best */
    int known;            /* 1: this very article (same id, same text) is already in
                             the index; kind is then TD_COPY_NONE and nothing is added */
} td_dedup_match;         /* the strings belong to the index: valid until its next
                             add, query, load or free */

/* opts may be NULL. NULL on out-of-memory or invalid options. */
TD_API td_dedup_index *td_dedup_index_new(const td_dedup_opts *opts);
TD_API void td_dedup_index_free(td_dedup_index *ix);

/*
 * Answers "copy of what?" for the article (cleaned: TD_EARG otherwise), then
 * adds it to the index. An exact copy is answered but not stored again. The
 * article's id names it in later answers. An article met again under the same id
 * with the same text (a file read twice, a stream replayed) is not a copy of
 * itself: the answer is TD_COPY_NONE with known = 1. TD_EEMPTY: no words (nothing stored).
 */
TD_API TD_NODISCARD td_status td_dedup_index_add(td_dedup_index *ix, td_article *a,
                                                 td_dedup_match *out);

/* The same answer without adding the article. */
TD_API TD_NODISCARD td_status td_dedup_index_query(td_dedup_index *ix, td_article *a,
                                                   td_dedup_match *out);

/*
 * Signatures apart from the index, so that they can be computed on several threads
 * (one td_dedup_sig and its article per thread; the index itself is not
 * thread-safe) and added in order on one:
 *     td_dedup_sign(sig, article);                 (any thread)
 *     td_dedup_index_add_sig(ix, sig, &match);     (the index's thread)
 * A signature holds the article's id and date and a copy of nothing else.
 */
typedef struct td_dedup_sig td_dedup_sig;

TD_API td_dedup_sig *td_dedup_sig_new(void);
TD_API void td_dedup_sig_free(td_dedup_sig *s);

/* Computes the signature of the article (cleaned: TD_EARG otherwise).
 * TD_EEMPTY: no words, no signature (adding it then also says TD_EEMPTY). */
TD_API TD_NODISCARD td_status td_dedup_sign(td_dedup_sig *s, td_article *a);

/* td_dedup_index_add for a signature made by td_dedup_sign. */
TD_API TD_NODISCARD td_status td_dedup_index_add_sig(td_dedup_index *ix,
                                                     const td_dedup_sig *s,
                                                     td_dedup_match *out);

/* Articles stored (exact copies are not stored). */
TD_API size_t td_dedup_index_count(const td_dedup_index *ix);

/*
 * Writes the index to path: a versioned binary format with a checksum, written to
 * a temporary file beside it and renamed into place, so a crash leaves either the
 * old file or the new one. TD_EIO when it cannot be written.
 */
TD_API TD_NODISCARD td_status td_dedup_index_save(const td_dedup_index *ix,
                                                  const char *path);

/*
 * Reads an index written by td_dedup_index_save. TD_EIO: cannot read;
 * TD_EFORMAT: not an index, or a version or parameters this build does not know;
 * TD_ECORRUPT: damaged or truncated. Its options are the ones it was saved with.
 */
TD_API TD_NODISCARD td_status td_dedup_index_load(const char *path,
                                                  td_dedup_index **out);

#ifdef __cplusplus
}
#endif
#endif

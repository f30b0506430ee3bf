/*
 * brief_p.h - the brief of one story (internal): what the brief stage derives from
 * the analysed, deduplicated articles of a story, and how it is emitted.
 *
 * Ownership: a tdp_brief owns everything it points to (arrays through tdp_malloc,
 * strings and source lists in its arena) and releases it with tdp_brief_free. It
 * does not own the articles: it names them by their index in the corpus array and
 * points at them (for the views), and the emitters read them through the views
 * (tidings/brief.h, view.c), like any program using the library.
 *
 * Bounds: every pass over a story is linear in its sentences, or pairwise over a
 * capped number of items (see the BRIEF_MAX_* limits in brief.c), so a huge story
 * costs time proportional to its size, never to its size squared.
 */
#ifndef TDP_BRIEF_P_H
#define TDP_BRIEF_P_H

#include "analyse/analyse.h"
#include "core/core.h"
#include "dedup/dedup_p.h"
#include "tidings/brief.h"

typedef struct tdp_brief_opts {
    int summary_sentences;  /* sentences in the summary; 0 = default (4) */
    int summary_words;      /* > 0: fill the summary up to this many words instead */
} tdp_brief_opts;

/*
 * The items of a brief are the public view structs (tidings/brief.h), filled here
 * and handed out as they are. Source lists index the brief's own article list
 * (sorted ascending, which is story order: date, then id); n_indep counts them
 * with every copy folded into its canonical article.
 */
typedef td_sources tdp_srcs;
typedef td_brief_sentence tdp_bsummary;
typedef td_brief_event tdp_bevent;
typedef td_brief_actor tdp_bentity;
typedef td_brief_quote tdp_bquote;
typedef td_brief_claim tdp_bclaim;
/* One attribute of one subject: a date or a place of an event. More than one
 * claim is a discrepancy; one claim with several sources is corroboration. */
typedef td_brief_fact tdp_bfact;

/* Largest number of sections in the registry (lib/brief/section.h). */
#define TDP_MAX_SECTIONS 32

/* A story's brief; the public td_story handle is a pointer to one. */
typedef struct td_story {
    tdp_arena arena;
    uint32_t *arts;         /* corpus indices, story order */
    const td_article **art; /* the same articles, for the views (td_story_article) */
    uint64_t id;            /* the story's number in the outputs (set by the corpus) */
    int32_t *copy_of;       /* local index of the canonical article, or -1 */
    size_t n_arts;
    size_t n_indep;
    const char *headline;
    td_date first, last;    /* span of the articles' dates (prec NONE if unknown) */
    tdp_bsummary *summary;
    size_t n_summary;
    tdp_bevent *timeline;
    size_t n_timeline;
    tdp_bentity *people;
    size_t n_people;
    tdp_bentity *orgs;
    size_t n_orgs;
    tdp_bentity *places;
    size_t n_places;
    tdp_bquote *quotes;
    size_t n_quotes;
    tdp_bfact *facts;       /* corroborated facts and discrepancies */
    size_t n_facts;
    void *slot[TDP_MAX_SECTIONS]; /* per registered section, for data of its own */
} tdp_brief;

/*
 * Derives the brief of one story: the articles arts[members[0..n_members)] of the
 * corpus, copies[] as tdp_dedup_corpus left them (indices into arts). *out is
 * initialised here; release it with tdp_brief_free whatever the status.
 */
td_status tdp_brief_build(td_article *const *arts, const tdp_copy *copies,
                          const uint32_t *members, size_t n_members,
                          const tdp_brief_opts *opts, tdp_brief *out);
void tdp_brief_free(tdp_brief *b);
/* The same brief with its headline (and article list) only, no sections: what a
 * store lists for a story. */
td_status tdp_brief_headline(td_article *const *arts, const tdp_copy *copies,
                             const uint32_t *members, size_t n_members, tdp_brief *out);

/*
 * The emitters (emit_*.c): a story, read through the public views only, as a JSON
 * object (docs/json.md), a Markdown section, or an HTML section between the
 * page's head and tail.
 */
void tdp_brief_json(tdp_buf *out, const td_story *s);
void tdp_brief_markdown(tdp_buf *out, const td_story *s);
void tdp_brief_html(tdp_buf *out, const td_story *s);
void tdp_brief_html_head(tdp_buf *out);
void tdp_brief_html_tail(tdp_buf *out);
/* A date as a reader sees it in Markdown and HTML: ISO, at most to the day. */
void tdp_brief_put_day(tdp_buf *out, const td_date *d);
/* A story's line under its headline, without the closing full stop: "Story N: 5
 * articles, 3 independent, 2022-01-10 to 2022-01-12" (Markdown and HTML). */
void tdp_brief_put_meta(tdp_buf *out, const td_story *s);
/* Hands the buffer's text to the caller (*out, an empty string when it is empty),
 * or its error; the buffer is released either way. */
td_status tdp_brief_finish(tdp_buf *b, char **out, size_t *len);

/* ---- text helpers shared by the brief's passes (text.c) ---- */

/* Stemmers per language, opened on first use; word hashes for similarity. */
typedef struct tdp_btok tdp_btok;
tdp_btok *tdp_btok_new(void);
void tdp_btok_free(tdp_btok *t);

/*
 * The content words of s (stop words out, case-folded, stemmed for `lang`, NULL =
 * English) as a sorted set of 64-bit hashes, allocated in `arena`. *n_words gets the
 * number of words before stop-word removal. TD_ENOMEM on failure.
 */
td_status tdp_btok_set(tdp_btok *t, tdp_arena *arena, const char *s, size_t n,
                       const char *lang, uint64_t **set, uint32_t *n_set,
                       uint32_t *n_words);

/* While set, words of digits only are left out of the sets (off by default). */
void tdp_btok_skip_numbers(tdp_btok *t, bool skip);

/* |a ∩ b| of two sorted hash sets. */
uint32_t tdp_set_common(const uint64_t *a, uint32_t na, const uint64_t *b, uint32_t nb);
/* Jaccard and overlap coefficient (|a∩b| / min) of two sorted sets; 0 when empty. */
double tdp_set_jaccard(const uint64_t *a, uint32_t na, const uint64_t *b, uint32_t nb);
double tdp_set_overlap(const uint64_t *a, uint32_t na, const uint64_t *b, uint32_t nb);

/* Number of whitespace-separated words in s. */
uint32_t tdp_word_count(const char *s, size_t n);

/*
 * Sentence spans of a paragraph, for articles that reach the brief without an
 * analysis (lib/lang/sentence.h's splitter): calls fn for each.
 */
typedef int (*tdp_bspan_fn)(void *ctx, size_t off, size_t len);
int tdp_brief_split(const char *s, size_t n, tdp_bspan_fn fn, void *ctx);

/* A title without its site suffix ("… | News from … | DW" -> "…"): offset, length. */
size_t tdp_clean_title(const char *s, size_t n);

/* Adds an article to a source list kept in a small growable array. */
typedef struct tdp_srcacc {
    uint32_t *ids;
    uint32_t n, cap;
} tdp_srcacc;
td_status tdp_srcacc_add(tdp_srcacc *s, uint32_t id);
void tdp_srcacc_free(tdp_srcacc *s);
/* Sorted, unique copy of acc into the arena; independent count from copy_of. */
td_status tdp_srcs_make(tdp_arena *arena, const tdp_srcacc *acc, const int32_t *copy_of,
                        tdp_srcs *out);

#endif

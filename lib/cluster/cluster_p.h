/*
 * cluster_p.h - articles into stories (internal).
 *
 * A story is one real-world event or storyline as many outlets tell it. Articles
 * are compared by what they say (weighted terms: TF-IDF with extra weight for
 * names and numbers, plus the dates they mention) and by when (publication date,
 * else the dates they mention, else arrival), with a time decay. See docs/cluster.md.
 *
 * Ownership: a clusterer owns all its state; articles are only read during a call
 * and never kept.
 */
#ifndef TDP_CLUSTER_P_H
#define TDP_CLUSTER_P_H

#include "analyse/analyse.h"
#include "dedup/dedup_p.h"

/*
 * Groups n analysed articles into stories. story_of[i] receives the story index
 * of article i (0..*n_stories-1, numbered by first appearance in date order);
 * copies join the story of their canonical article. threshold: 0 for the default.
 * Same stories as streaming the articles through a clusterer in the order given
 * by tdp_cluster_order (date order, stable).
 */
td_status tdp_cluster_corpus(td_article *const *arts, size_t n, const tdp_copy *copies,
                             double threshold, uint32_t *story_of, size_t *n_stories);

/*
 * Copies that respect stories: a copy found by dedup (copies[i].of) stays one only
 * when it agrees with the article it copies in time (published within a few days,
 * when both are dated) and in title (where both have one); else it is made
 * independent (of = -1) and clustered as any article is, through the time and
 * cohesion checks. Site furniture left in the text makes pages of different
 * events look alike; their dates and titles tell them apart. info[i]: the
 * clusterer's info of arts[i]; furniture (may be NULL): pages that are mostly
 * furniture (tdp_cluster_furniture), which are neither copies nor copied.
 */
struct tdp_cinfo;
void tdp_cluster_copies_agree(td_article *const *arts, const struct tdp_cinfo *info,
                              const uint8_t *furniture, size_t n, tdp_copy *copies);

/*
 * Site furniture of a run (furniture.c): a paragraph that several documents of
 * the run hold, told over more than a week, is a site's, not an event's.
 * mostly[i] = 1 when article i is mostly such paragraphs: it is clustered by its
 * title alone (tdp_cluster_info_title) and is neither a copy nor copied
 * (tdp_cluster_copies_agree). info[i]: the clusterer's info of arts[i] (its own
 * date is read).
 */
td_status tdp_cluster_furniture(td_article *const *arts, const struct tdp_cinfo *info,
                                size_t n, uint8_t *mostly);

/*
 * The order in which tdp_cluster_corpus streams the articles: by effective day
 * (publication date, else the dates the article mentions, else the latest day
 * seen before it in the input), ties in input order. order[] receives n indices.
 */
td_status tdp_cluster_order(td_article *const *arts, size_t n, uint32_t *order);

/*
 * Sub-events inside each story: sub_of[i] receives the index of article i's
 * sub-event within its story (0, 1, ... numbered in date order). Articles of one
 * story told on days far apart, or about a different moment of the storyline, get
 * different sub-events. story_of as produced by tdp_cluster_corpus; copies share
 * their canonical article's sub-event.
 */
td_status tdp_cluster_subevents(td_article *const *arts, size_t n, const tdp_copy *copies,
                                const uint32_t *story_of, size_t n_stories,
                                uint32_t *sub_of);

/*
 * The day an article is placed at (days since 1970), or TDP_NODAY: its own date;
 * else the median of the dates it mentions, those without a year taken in the
 * year that puts them nearest to ref (the stream clock; TDP_NODAY: left out).
 * Dates outside 1970..2200 are ignored.
 */
#define TDP_NODAY INT32_MIN
/* A day further than this ahead of the stream clock is a bad date: placed by arrival. */
#define TDP_CLUSTER_FUTURE_DAYS 366
int32_t tdp_cluster_day(const td_article *a, int32_t ref);

/*
 * Streaming: articles arrive one at a time (in date order, ideally) and each joins
 * a live story or starts one. Stories that go quiet for longer than the window
 * leave the live set, so memory is bounded by the window, not by history.
 * Story ids are stable 64-bit numbers, starting at first_id.
 */
typedef struct tdp_clusterer tdp_clusterer;

typedef struct tdp_cluster_opts {
    double threshold;     /* 0 = default */
    int window_days;      /* 0 = default */
    uint64_t first_id;    /* id of the next new story (1 when 0) */
} tdp_cluster_opts;

tdp_clusterer *tdp_clusterer_new(const tdp_cluster_opts *opts);
void tdp_clusterer_free(tdp_clusterer *c);
/* Assigns an analysed article to a story; *is_new says it started one. */
td_status tdp_clusterer_add(tdp_clusterer *c, const td_article *a, uint64_t *story_id,
                            bool *is_new);

/* ---- below: the tuning knobs and the feature-level entry point ---- */

/* Kinds of feature term: the three of tdp_term_kind plus dates the text mentions. */
enum { TDP_CT_WORD = 0, TDP_CT_NAME = 1, TDP_CT_NUMBER = 2, TDP_CT_DATE = 3,
       TDP_CT_KINDS = 4 };

/* Every weight and limit of the clusterer; tdp_cluster_params_default fills them. */
typedef struct tdp_cluster_params {
    double threshold;        /* cosine x time factor at or above which an article joins */
    double boost[TDP_CT_KINDS]; /* weight multiplier per term kind */
    double link;             /* 1: cosine with the centroid; 0: average cosine with
                                the members (average link); between: a mix */
    double rel;              /* an article (a story) joins a story only when its
                                average similarity with the members is at least
                                rel x theirs with one another; 0: off */
    int settle;              /* an article takes a second look this many adds
                                later (or when the stream settles) and moves to
                                the story it is then most like; 0: never (the
                                batch: the whole corpus waits; < 0: never) */
    double merge;            /* live stories this alike (x threshold) merge; 0: never */
    int window_days;         /* quiet stories leave the live set after this */
    double grace_days;       /* no time penalty within this many days of a story */
    double tau_days;         /* then exp(-(gap - grace) / tau) */
    int doc_terms;           /* terms kept per article (highest weight) */
    int cent_terms;          /* terms kept per story centroid */
    int index_terms;         /* terms per story in the inverted index */
    int query_terms;         /* article terms used to find candidates */
    int candidates;          /* candidates scored exactly */
    uint32_t max_postings;   /* longer postings lists are not used to find candidates */
    int df_bits;             /* document-frequency table: 2^df_bits counters */
    bool own_terms;          /* batch: use the clusterer's own tokenizer, not analyse's */
    bool mention_clock;      /* with no own date for a window, the clock follows the
                                days articles are placed at by the dates they mention
                                (a stream's memory stays bounded); the batch, which
                                holds its corpus anyway, turns it off */
    double min_docs;         /* IDF counts at least this many documents: a small
                                corpus is read as part of a larger flow of news */
} tdp_cluster_params;

void tdp_cluster_params_default(tdp_cluster_params *p);
/* tdp_cluster_corpus with every knob given. */
td_status tdp_cluster_corpus_params(td_article *const *arts, size_t n,
                                    const tdp_copy *copies, const tdp_cluster_params *p,
                                    uint32_t *story_of, size_t *n_stories);
tdp_clusterer *tdp_clusterer_new_params(const tdp_cluster_params *p, uint64_t first_id);
/* tdp_cluster_corpus_params from the articles' infos (tdp_cluster_info of each,
 * own_terms as p says), computed beforehand: the same stories. */
struct tdp_cinfo;
td_status tdp_cluster_corpus_infos(const struct tdp_cinfo *info, size_t n,
                                   const tdp_copy *copies, const tdp_cluster_params *p,
                                   uint32_t *story_of, size_t *n_stories);

/* One feature of an article: a hashed term, its count and kind. */
typedef struct tdp_cfeat {
    uint64_t hash;
    float count;
    uint8_t kind;            /* TDP_CT_* */
} tdp_cfeat;

/*
 * The features of an article (terms from the analyse stage, or from a small
 * tokenizer of its own when the article has none; mentioned days as TDP_CT_DATE).
 * *out is tdp_malloc'd (tdp_free it); sorted by hash, unique.
 */
td_status tdp_cluster_features(const td_article *a, tdp_cfeat **out, size_t *n);

/* What the clusterer keeps of an article while it places it. */
typedef struct tdp_cinfo {
    tdp_cfeat *f;            /* features, sorted by hash */
    size_t n;
    int32_t own;             /* its own date as a day, or TDP_NODAY */
    int32_t *full;           /* full dates it mentions */
    size_t n_full;
    uint16_t *md;            /* dates it mentions without a year: month * 32 + day */
    size_t n_md;
} tdp_cinfo;
td_status tdp_cluster_info(const td_article *a, tdp_cinfo *info);
/* own_terms: the clusterer's own tokenizer even when the analyse stage gave terms. */
td_status tdp_cluster_info_ex(const td_article *a, tdp_cinfo *info, bool own_terms);
/* The info of the article's title alone (its words and dates, its own date):
 * what a page that is mostly site furniture is clustered by. */
td_status tdp_cluster_info_title(const td_article *a, tdp_cinfo *info);
void tdp_cluster_info_free(tdp_cinfo *info);
/*
 * Bump when tdp_cluster_info computes something else for the same article (other
 * terms, hashes or dates): features kept from an earlier version (a store keeps
 * them to rebuild its live stories) are then computed again from the article.
 */
#define TDP_CLUSTER_INFO_VERSION 3
/* tdp_clusterer_add from an article's info (tdp_cluster_info): the same result. */
td_status tdp_clusterer_add_info(tdp_clusterer *c, const tdp_cinfo *info,
                                 uint64_t *story_id, bool *is_new);
/* The day of tdp_cluster_day from an info. */
int32_t tdp_cluster_info_day(const tdp_cinfo *info, int32_t ref);

/*
 * Assigns one article given by its features and its day (TDP_NODAY when unknown).
 * tdp_clusterer_add is this after tdp_cluster_features and tdp_cluster_day.
 */
td_status tdp_clusterer_add_features(tdp_clusterer *c, const tdp_cfeat *f, size_t n,
                                     int32_t day, uint64_t *story_id, bool *is_new);
/*
 * The same, saying whether day is the article's own date (it moves the stream
 * clock, and so the window) or only where the dates it mentions place it (used
 * for the time decay, but the clock stays: one article citing an old or a future
 * date must not age every live story).
 */
td_status tdp_clusterer_add_placed(tdp_clusterer *c, const tdp_cfeat *f, size_t n,
                                   int32_t day, bool own_date, uint64_t *story_id,
                                   bool *is_new);

/*
 * Stories merged by the last add: each `from` story is now part of `into` (the
 * older one). Story ids handed out before stay meaningful through this map: a
 * store updates its rows, the batch follows the chain. Valid until the next add.
 */
typedef struct tdp_cluster_merge {
    uint64_t from, into;
} tdp_cluster_merge;
size_t tdp_clusterer_merges(const tdp_clusterer *c, const tdp_cluster_merge **m);

/*
 * Articles moved by the last add or settle: article number `seq` (counting the
 * adds from 0) left story `from` for story `into`. A story left empty is gone.
 * Valid until the next add or settle; reported after that call's merges.
 */
typedef struct tdp_cluster_move {
    uint64_t seq, from, into;
} tdp_cluster_move;
size_t tdp_clusterer_moves(const tdp_clusterer *c, const tdp_cluster_move **m);

/*
 * Gives every article still waiting for its second look that look now (the batch
 * does at its end); merges and moves are reported as after an add.
 */
td_status tdp_clusterer_settle(tdp_clusterer *c);

/*
 * Counts an article's features into the document frequencies. Once called, the
 * caller owns them: adds no longer count, nor do they age. The batch primes with
 * the whole corpus (IDF of the corpus from the first article on); a stream can
 * prime with its history, or with each article just before adding it.
 */
void tdp_clusterer_prime(tdp_clusterer *c, const tdp_cfeat *f, size_t n);

/* Live stories now, and the stream clock (latest day seen, TDP_NODAY if none). */
size_t tdp_clusterer_live(const tdp_clusterer *c);
int32_t tdp_clusterer_clock(const tdp_clusterer *c);

/*
 * A term and its weight, as the clusterer ranks them: stronger first, among equal
 * weights the lower index i. tdp_wterm_select moves the k strongest of t[0..n) to
 * the front, in no particular order; tdp_wterm_top also sorts those k strongest.
 * Both are deterministic (the order has no ties) and linear on average, where a
 * full sort of every article's and centroid's terms was the clusterer's main cost.
 */
typedef struct tdp_wterm {
    float w;
    uint32_t i;
} tdp_wterm;
void tdp_wterm_select(tdp_wterm *t, size_t n, size_t k);
void tdp_wterm_top(tdp_wterm *t, size_t n, size_t k);

#endif

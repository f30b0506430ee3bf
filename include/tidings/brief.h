/*
 * tidings/brief.h - the stories of a built corpus and their briefs, as data.
 *
 * After td_corpus_build, each story is a td_story: its headline, span and
 * articles, and the sections of its brief (summary, timeline, people,
 * organisations, places, quotes, facts). The JSON, Markdown and HTML outputs of
 * tidings/corpus.h are written from these views alone, so a program that reads
 * them sees exactly what the reports show.
 *
 * Layout. A story is an opaque handle read through functions. The items of its
 * sections are const structs with the layout documented here, handed out one at
 * a time by pointer (td_story_timeline(s, i) and the like). Fields are only ever
 * appended to these structs, so never copy one by value into storage of your own
 * across library versions, nor step from one item to the next by pointer
 * arithmetic: ask for item i + 1.
 *
 * Sources. Every item says which articles carry it as a td_sources: indices into
 * the story's own article list (0 .. td_story_article_count() - 1, read with
 * td_story_article), ascending, which is story order (by date, undated last, an
 * original before its copies, then by id). `n_indep` counts them with every copy
 * folded into the article it copies.
 *
 * Lifetime. Every pointer handed out here (stories, items, strings, source
 * lists, articles) belongs to the corpus and stays valid until the corpus is
 * freed, built again, or changed (td_corpus_add, td_corpus_set_summary_words);
 * after that, ask again.
 *
 * Threads. A built corpus and everything these functions return are read-only:
 * any number of threads may read the same corpus, stories and items at once
 * without locking, provided no thread changes, rebuilds or frees the corpus
 * meanwhile (those calls need the corpus to themselves).
 */
#ifndef TIDINGS_BRIEF_H
#define TIDINGS_BRIEF_H

#include <stdbool.h>

#include "corpus.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One story of a built corpus (opaque). */
typedef struct td_story td_story;

/* The articles that carry an item (see Sources above). */
typedef struct td_sources {
    const uint32_t *ids;   /* n indices into the story's articles, ascending */
    uint32_t n;
    uint32_t n_indep;      /* independent sources among them */
} td_sources;

/* A sentence of the summary, quoted as one of the articles writes it. */
typedef struct td_brief_sentence {
    const char *text;
    td_sources src;        /* every article with the same or a near-identical sentence */
} td_brief_sentence;

/* A dated event of the timeline. */
typedef struct td_brief_event {
    td_date date;          /* TD_DATE_MONTH or TD_DATE_DAY precision */
    const char *text;      /* the sentence, or the clause around the date */
    td_sources src;
} td_brief_event;

/* Which actors: td_story_actor_count / td_story_actor. */
typedef enum td_actor_kind {
    TD_ACTOR_PERSON = 0,
    TD_ACTOR_ORGANISATION = 1,
    TD_ACTOR_PLACE = 2
} td_actor_kind;

/* A person, organisation or place, with every spelling the texts use. */
typedef struct td_brief_actor {
    const char *name;      /* the form most mentions use */
    const char **variants; /* n_variants forms, the most frequent first (name among them) */
    uint32_t n_variants;
    const char *title;     /* people: the role the texts give ("US Secretary of State"); else NULL */
    uint32_t mentions;     /* mentions across the story's articles */
    td_sources src;        /* the articles that mention it */
} td_brief_actor;

/* A direct quote, merged across the outlets that carry it. */
typedef struct td_brief_quote {
    const char *text;      /* the longest version */
    const char *speaker;   /* as most sources name the speaker, or NULL */
    bool partial;          /* every outlet quotes only a fragment inside its own sentence */
    td_sources src;
} td_brief_quote;

/* One value of a fact, with the articles that give it. */
typedef struct td_brief_claim {
    const char *value;     /* "2022-01-12", "Brussels" */
    td_sources src;
} td_brief_claim;

/*
 * A fact: one attribute of one subject ("NATO-Russia Council", "date"). With one
 * claim it is corroboration (that claim's n_indep independent sources agree);
 * with several it is a discrepancy, each claim with who gives it, the most
 * independent sources first.
 */
typedef struct td_brief_fact {
    const char *subject;
    const char *attr;      /* "date" or "place" */
    td_brief_claim *claims;
    uint32_t n_claims;
} td_brief_fact;

/*
 * Story i of a built corpus (0 .. td_corpus_story_count() - 1, in the order of
 * the whole-corpus outputs); NULL when the corpus is not built or i is out of
 * range.
 */
TD_API const td_story *td_corpus_story(const td_corpus *c, size_t i);

/* The story's number in the outputs: 1, 2, ... or the store's story id. */
TD_API uint64_t td_story_id(const td_story *s);
/* The headline (the most central independent article's title, without its site
 * suffix, or its lead sentence); NULL when the story has no text at all. */
TD_API const char *td_story_headline(const td_story *s);
/* The earliest and latest article dates (precision TD_DATE_NONE when no article
 * is dated). */
TD_API td_date td_story_first(const td_story *s);
TD_API td_date td_story_last(const td_story *s);
/* Articles, and articles that are not copies. */
TD_API size_t td_story_article_count(const td_story *s);
TD_API size_t td_story_independent_count(const td_story *s);

/*
 * Article i of the story, in story order (read it with the td_article getters:
 * id, outlet, title, date, url). NULL when i is out of range.
 */
TD_API const td_article *td_story_article(const td_story *s, size_t i);
/* The index of the article that article i copies, or -1 when it is an original
 * (or i is out of range). */
TD_API long td_story_copy_of(const td_story *s, size_t i);

/* The summary, in story order. Item accessors return NULL out of range. */
TD_API size_t td_story_summary_count(const td_story *s);
TD_API const td_brief_sentence *td_story_summary(const td_story *s, size_t i);

/* The timeline, by date (a month before the days of that month). */
TD_API size_t td_story_timeline_count(const td_story *s);
TD_API const td_brief_event *td_story_timeline(const td_story *s, size_t i);

/* People, organisations or places, the most independent sources first. */
TD_API size_t td_story_actor_count(const td_story *s, td_actor_kind kind);
TD_API const td_brief_actor *td_story_actor(const td_story *s, td_actor_kind kind,
                                            size_t i);

/* Quotes: full quotes first, the most independent sources first. */
TD_API size_t td_story_quote_count(const td_story *s);
TD_API const td_brief_quote *td_story_quote(const td_story *s, size_t i);

/* Facts, corroborated and disputed alike (n_claims tells which). */
TD_API size_t td_story_fact_count(const td_story *s);
TD_API const td_brief_fact *td_story_fact(const td_story *s, size_t i);

/*
 * The sections of a brief, in the order the outputs give them: "summary",
 * "timeline", "people", "organisations", "places", "quotes", "corroboration",
 * "discrepancies", and any section a later version adds (the list only grows;
 * each name is the section's key in the JSON output, docs/json.md). These calls
 * let a program find and print sections it has no typed accessor for.
 */
TD_API size_t td_brief_section_count(void);
/* The name of section i, or NULL out of range. */
TD_API const char *td_brief_section_name(size_t i);
/* Section i's index by name, or -1. */
TD_API long td_brief_section_find(const char *name);
/* The number of items of section i in the story (0 out of range). */
TD_API size_t td_story_section_count(const td_story *s, size_t i);
/* Section i of the story as its JSON array (the value of its key in docs/json.md). */
TD_API TD_NODISCARD td_status td_story_section_json(const td_story *s, size_t i,
                                                    char **out, size_t *len);

#ifdef __cplusplus
}
#endif
#endif

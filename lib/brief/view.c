/*
 * view.c - the public read-only views of a story's brief (tidings/brief.h).
 *
 * A td_story is the brief itself (brief_p.h), and its items are the structs the
 * brief's passes fill, so a view costs nothing and can never disagree with what
 * the emitters print: they read the brief through these same functions.
 */
#include "brief/brief_p.h"

TD_API uint64_t td_story_id(const td_story *s) { return s ? s->id : 0; }
TD_API const char *td_story_headline(const td_story *s) { return s ? s->headline : NULL; }

TD_API td_date td_story_first(const td_story *s)
{
    td_date none = {0, 0, 0, 0, 0, TD_DATE_NONE};
    return s ? s->first : none;
}

TD_API td_date td_story_last(const td_story *s)
{
    td_date none = {0, 0, 0, 0, 0, TD_DATE_NONE};
    return s ? s->last : none;
}

TD_API size_t td_story_article_count(const td_story *s) { return s ? s->n_arts : 0; }
TD_API size_t td_story_independent_count(const td_story *s) { return s ? s->n_indep : 0; }

TD_API const td_article *td_story_article(const td_story *s, size_t i)
{
    return s && i < s->n_arts ? s->art[i] : NULL;
}

TD_API long td_story_copy_of(const td_story *s, size_t i)
{
    return s && i < s->n_arts ? (long)s->copy_of[i] : -1;
}

TD_API size_t td_story_summary_count(const td_story *s) { return s ? s->n_summary : 0; }

TD_API const td_brief_sentence *td_story_summary(const td_story *s, size_t i)
{
    return s && i < s->n_summary ? &s->summary[i] : NULL;
}

TD_API size_t td_story_timeline_count(const td_story *s) { return s ? s->n_timeline : 0; }

TD_API const td_brief_event *td_story_timeline(const td_story *s, size_t i)
{
    return s && i < s->n_timeline ? &s->timeline[i] : NULL;
}

/* The array of one kind of actor, and its length. */
static const td_brief_actor *actors(const td_story *s, td_actor_kind kind, size_t *n)
{
    switch (kind) {
    case TD_ACTOR_PERSON: *n = s->n_people; return s->people;
    case TD_ACTOR_ORGANISATION: *n = s->n_orgs; return s->orgs;
    case TD_ACTOR_PLACE: *n = s->n_places; return s->places;
    }
    *n = 0;
    return NULL;
}

TD_API size_t td_story_actor_count(const td_story *s, td_actor_kind kind)
{
    size_t n = 0;
    if (s)
        actors(s, kind, &n);
    return n;
}

TD_API const td_brief_actor *td_story_actor(const td_story *s, td_actor_kind kind,
                                            size_t i)
{
    size_t n = 0;
    const td_brief_actor *a = s ? actors(s, kind, &n) : NULL;
    return i < n ? &a[i] : NULL;
}

TD_API size_t td_story_quote_count(const td_story *s) { return s ? s->n_quotes : 0; }

TD_API const td_brief_quote *td_story_quote(const td_story *s, size_t i)
{
    return s && i < s->n_quotes ? &s->quotes[i] : NULL;
}

TD_API size_t td_story_fact_count(const td_story *s) { return s ? s->n_facts : 0; }

TD_API const td_brief_fact *td_story_fact(const td_story *s, size_t i)
{
    return s && i < s->n_facts ? &s->facts[i] : NULL;
}

/*
 * walk.c - a program using the tidings library: reads articles, builds the
 * stories, and walks each brief through the public views (tidings/brief.h),
 * printing it as plain text of its own design.
 *
 *     cc walk.c $(pkg-config --cflags --libs tidings) -o walk
 *     ./walk examples/
 */
#include <stdio.h>
#include <string.h>

#include <tidings/tidings.h>

/* " [Courier 2026-03-02, Ledger 2026-03-03; 2 independent]" */
static void print_sources(const td_story *s, const td_sources *src)
{
    fputs(" [", stdout);
    for (uint32_t i = 0; i < src->n; i++) {
        const td_article *a = td_story_article(s, src->ids[i]);
        const char *outlet = td_article_outlet(a);
        char day[32];
        td_date d = td_article_date(a);
        if (d.prec > TD_DATE_DAY)
            d.prec = TD_DATE_DAY;
        td_date_format(&d, day, sizeof day);
        printf("%s%s%s%s", i ? ", " : "", outlet ? outlet : td_article_id(a),
               d.prec ? " " : "", day);
    }
    printf("; %u independent]\n", src->n_indep);
}

static void print_actors(const td_story *s, td_actor_kind kind, const char *head)
{
    size_t n = td_story_actor_count(s, kind);
    if (n)
        printf("  %s:\n", head);
    for (size_t i = 0; i < n; i++) {
        const td_brief_actor *a = td_story_actor(s, kind, i);
        printf("    %s", a->name);
        if (a->title)
            printf(" (%s)", a->title);
        printf(", %u mention%s, %u spelling%s", a->mentions, a->mentions == 1 ? "" : "s",
               a->n_variants, a->n_variants == 1 ? "" : "s");
        print_sources(s, &a->src);
    }
}

static void walk(const td_story *s)
{
    char first[32], last[32];
    td_date f = td_story_first(s), l = td_story_last(s);
    td_date_format(&f, first, sizeof first);
    td_date_format(&l, last, sizeof last);
    const char *headline = td_story_headline(s);
    printf("story %llu: %s\n", (unsigned long long)td_story_id(s),
           headline ? headline : "(untitled)");
    printf("  %zu articles (%zu independent), %s to %s\n", td_story_article_count(s),
           td_story_independent_count(s), first[0] ? first : "?", last[0] ? last : "?");
    for (size_t i = 0; i < td_story_article_count(s); i++) {
        const td_article *a = td_story_article(s, i);
        long of = td_story_copy_of(s, i);
        printf("    %zu. %s", i + 1, td_article_id(a));
        if (of >= 0)
            printf(" (copy of %s)", td_article_id(td_story_article(s, (size_t)of)));
        putchar('\n');
    }
    for (size_t i = 0; i < td_story_summary_count(s); i++) {
        const td_brief_sentence *x = td_story_summary(s, i);
        printf("  summary: %s", x->text);
        print_sources(s, &x->src);
    }
    for (size_t i = 0; i < td_story_timeline_count(s); i++) {
        const td_brief_event *e = td_story_timeline(s, i);
        char day[32];
        td_date_format(&e->date, day, sizeof day);
        printf("  %s: %s", day, e->text);
        print_sources(s, &e->src);
    }
    print_actors(s, TD_ACTOR_PERSON, "people");
    print_actors(s, TD_ACTOR_ORGANISATION, "organisations");
    print_actors(s, TD_ACTOR_PLACE, "places");
    for (size_t i = 0; i < td_story_quote_count(s); i++) {
        const td_brief_quote *q = td_story_quote(s, i);
        printf("  %s\"%s\" - %s", q->partial ? "(part) " : "", q->text,
               q->speaker ? q->speaker : "unattributed");
        print_sources(s, &q->src);
    }
    for (size_t i = 0; i < td_story_fact_count(s); i++) {
        const td_brief_fact *x = td_story_fact(s, i);
        printf("  %s of %s: %s\n", x->attr, x->subject,
               x->n_claims > 1 ? "the sources disagree" : "agreed");
        for (uint32_t k = 0; k < x->n_claims; k++) {
            printf("    %s", x->claims[k].value);
            print_sources(s, &x->claims[k].src);
        }
    }
}

int main(int argc, char **argv)
{
    /* A program built against other headers than the library it runs with. */
    if (strcmp(td_version(), TD_VERSION_STRING)) {
        fprintf(stderr, "walk: built for tidings %s, running with %s\n",
                TD_VERSION_STRING, td_version());
        return 1;
    }
    if (argc < 2) {
        fprintf(stderr, "usage: walk PATH...\n");
        return 2;
    }
    td_reader *r = td_reader_new(NULL);
    td_corpus *c = td_corpus_new(NULL);
    int rc = r && c ? 0 : 1;
    for (int i = 1; i < argc && !rc; i++)
        if (td_reader_add(r, argv[i]) != TD_OK) {
            fprintf(stderr, "walk: %s\n", td_reader_error(r));
            rc = 1;
        }
    td_article *a;
    td_status st;
    while (!rc && (st = td_reader_next(r, &a)) != TD_END) {
        if (st != TD_OK) {
            fprintf(stderr, "walk: skipped %s\n", td_reader_error(r));
            continue;
        }
        st = td_corpus_add(c, a); /* the corpus takes the article */
        if (st == TD_ENOMEM)
            rc = 1;
        else if (st)
            fprintf(stderr, "walk: skipped an article: %s\n", td_strerror(st));
    }
    if (!rc && td_corpus_build(c) != TD_OK)
        rc = 1;
    for (size_t i = 0; !rc && i < td_corpus_story_count(c); i++) {
        if (i)
            putchar('\n');
        walk(td_corpus_story(c, i));
    }
    td_corpus_free(c);
    td_reader_free(r);
    return rc;
}

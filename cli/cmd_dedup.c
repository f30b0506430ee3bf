/* cmd_dedup.c - tidings dedup [--json] [--threshold J] [-o FILE] PATH...: copies
 * only. */
#include <errno.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char k_help[] =
    "usage: tidings dedup [--json] [--threshold J] [--containment C] [--index FILE]\n"
    "                     [-o FILE] [-q] PATH...\n\n"
    "Finds the copies among the articles: exact copies (the same text once case,\n"
    "spacing and punctuation are ignored), near-copies (Jaccard similarity of their\n"
    "word shingles at least J, default 0.7) and partial copies (one reuses whole\n"
    "paragraphs of the other or is contained in it: at least C of the smaller\n"
    "article, default 0.5, is in the larger; C above 1 turns them off).\n\n"
    "Copies are grouped under a canonical article: the earliest, then the longest.\n"
    "Only articles with copies are listed. With --json: {\"groups\": [{\"canonical\":\n"
    "ID, \"copies\": [{\"id\", \"similarity\", \"kind\"}]}]} (docs/dedup.md).\n\n"
    "--index FILE: a stream that goes on over runs. FILE (created when missing) holds\n"
    "the articles of earlier runs; each article read is looked up in it, then added,\n"
    "and FILE is saved at the end (whether it can be written is checked first).\n"
    "Copies are told from MinHash estimates, and their canonical article may be one\n"
    "of an earlier run; an article read again with the same id and text counts as\n"
    "already indexed, not as a copy. A saved index keeps the thresholds it was made\n"
    "with.\n\n"
    "-o FILE (--output FILE) writes to FILE instead of standard output; -q (--quiet)\n"
    "shows no progress on the terminal.\n";

enum { O_JSON = 1, O_THRESHOLD, O_CONTAINMENT, O_INDEX, O_OUTPUT, O_QUIET };

static const cli_opt k_opts[] = {
    {"json", 0, NULL, O_JSON},
    {"threshold", 0, "J", O_THRESHOLD},
    {"containment", 0, "C", O_CONTAINMENT},
    {"index", 0, "FILE", O_INDEX},
    {"output", 'o', "FILE", O_OUTPUT},
    {"quiet", 'q', NULL, O_QUIET},
};

/* One copy found by the stream (--index). */
typedef struct stream_copy {
    char *canonical, *id;
    double similarity;
    td_copy_kind kind;
    size_t order;        /* arrival */
    size_t group;        /* arrival of the first copy of its canonical */
} stream_copy;

typedef struct dedup_ctx {
    td_article **arts;
    size_t n, cap;
    td_dedup_index *ix;  /* --index: answers on arrival, articles not kept */
    stream_copy *copies;
    size_t n_copies, cap_copies;
    size_t seen;
    size_t known;        /* --index: articles the index already held (same id, text) */
} dedup_ctx;

static int stream_one(dedup_ctx *c, td_article *a)
{
    td_dedup_match m;
    td_status st = td_dedup_index_add(c->ix, a, &m);
    c->seen++;
    if (st == TD_ENOMEM) {
        cli_error("out of memory");
        td_article_free(a);
        return -1;
    }
    int rc = 0;
    if (st == TD_OK && m.known)
        c->known++;
    if (st == TD_OK && m.kind != TD_COPY_NONE) {
        if (c->n_copies == c->cap_copies) {
            size_t cap = c->cap_copies ? c->cap_copies * 2 : 64;
            stream_copy *p = realloc(c->copies, cap * sizeof *p);
            if (!p) {
                cli_error("out of memory");
                td_article_free(a);
                return -1;
            }
            c->copies = p;
            c->cap_copies = cap;
        }
        const char *id = td_article_id(a);
        stream_copy *sc = &c->copies[c->n_copies];
        sc->canonical = strdup(m.of ? m.of : "");
        sc->id = strdup(id ? id : "");
        sc->similarity = m.similarity;
        sc->kind = m.kind;
        sc->order = c->n_copies;
        if (!sc->canonical || !sc->id) {
            free(sc->canonical);
            free(sc->id);
            cli_error("out of memory");
            rc = -1;
        } else {
            c->n_copies++;
        }
    } else if (st && st != TD_EEMPTY) {
        uint32_t line;
        const char *path = td_article_origin(a, &line);
        cli_error("%s: %s", path, td_strerror(st));
        rc = 1;
    }
    td_article_free(a);
    return rc;
}

static int by_canonical(const void *pa, const void *pb)
{
    const stream_copy *a = pa, *b = pb;
    int k = strcmp(a->canonical, b->canonical);
    if (k)
        return k;
    return a->order < b->order ? -1 : a->order > b->order;
}

static int by_group(const void *pa, const void *pb)
{
    const stream_copy *a = pa, *b = pb;
    if (a->group != b->group)
        return a->group < b->group ? -1 : 1;
    return a->order < b->order ? -1 : a->order > b->order;
}

/* The stream's copies as groups, in the order their first copy arrived. */
static void print_stream(dedup_ctx *c, bool json)
{
    stream_copy *v = c->copies;
    size_t n = c->n_copies;
    if (n > 1)
        qsort(v, n, sizeof *v, by_canonical);
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && !strcmp(v[j].canonical, v[i].canonical))
            j++;
        for (size_t k = i; k < j; k++)
            v[k].group = v[i].order;
        i = j;
    }
    if (n > 1)
        qsort(v, n, sizeof *v, by_group);
    size_t groups = 0;
    if (json)
        cli_write("{\"groups\":[", 11);
    for (size_t i = 0; i < n; i++) {
        bool head = i == 0 || v[i].group != v[i - 1].group;
        if (json) {
            if (head) {
                cli_printf("%s{\"canonical\":", groups ? "]}," : "");
                cli_json_str(v[i].canonical);
                cli_write(",\"copies\":[", 11);
            } else {
                cli_write(",", 1);
            }
            cli_write("{\"id\":", 6);
            cli_json_str(v[i].id);
            cli_printf(",\"similarity\":%.3f,\"kind\":\"%s\"}", v[i].similarity,
                   td_copy_kind_name(v[i].kind));
        } else {
            if (head)
                cli_printf("%s%s\n", groups ? "\n" : "", v[i].canonical);
            cli_printf("  %-8s %.3f  %s\n", td_copy_kind_name(v[i].kind), v[i].similarity,
                   v[i].id);
        }
        groups += head;
    }
    if (json)
        cli_printf("%s,\"articles\":%zu,\"known\":%zu,\"indexed\":%zu}\n",
               groups ? "]}]" : "]", c->seen, c->known, td_dedup_index_count(c->ix));
    else
        cli_printf("%s%zu %s in %zu %s among %zu articles (%zu already indexed); "
               "%zu in the index\n",
               groups ? "\n" : "", n, n == 1 ? "copy" : "copies", groups,
               groups == 1 ? "group" : "groups", c->seen, c->known,
               td_dedup_index_count(c->ix));
}

static int keep(void *vctx, td_article *a)
{
    dedup_ctx *c = vctx;
    td_status st = td_clean(a);
    if (c->ix && (st == TD_OK || st == TD_EEMPTY))
        return stream_one(c, a);
    if (st == TD_ENOMEM) {
        cli_error("out of memory");
        td_article_free(a);
        return -1;
    }
    if (st && st != TD_EEMPTY) {
        uint32_t line;
        const char *path = td_article_origin(a, &line);
        if (line)
            cli_error("%s:%u: %s", path, line, td_strerror(st));
        else
            cli_error("%s: %s", path, td_strerror(st));
        td_article_free(a);
        return 1;
    }
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 256;
        td_article **p = realloc(c->arts, cap * sizeof *p);
        if (!p) {
            cli_error("out of memory");
            td_article_free(a);
            return -1;
        }
        c->arts = p;
        c->cap = cap;
    }
    c->arts[c->n++] = a;
    return 0;
}

static bool parse_unit(const char *s, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || *end || !(v > 0.0))
        return false;
    *out = v;
    return true;
}

/* Groups in the order of their canonical article, copies in input order. */
static int print_text(dedup_ctx *c, const td_dedup_copy *cp)
{
    size_t n = c->n, groups = 0, copies = 0;
    size_t *head = malloc((n ? n : 1) * sizeof *head);
    size_t *next = malloc((n ? n : 1) * sizeof *next);
    if (!head || !next) {
        free(head);
        free(next);
        cli_error("out of memory");
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        head[i] = SIZE_MAX;
    for (size_t i = n; i-- > 0;)
        if (cp[i].of >= 0 && (size_t)cp[i].of < n) {
            next[i] = head[cp[i].of];
            head[cp[i].of] = i;
        }
    for (size_t g = 0; g < n; g++) {
        if (head[g] == SIZE_MAX)
            continue;
        cli_printf("%s%s\n", groups++ ? "\n" : "", td_article_id(c->arts[g]));
        for (size_t i = head[g]; i != SIZE_MAX; i = next[i], copies++)
            cli_printf("  %-8s %.3f  %s\n", td_copy_kind_name(cp[i].kind), cp[i].similarity,
                   td_article_id(c->arts[i]));
    }
    cli_printf("%s%zu %s in %zu %s among %zu articles\n", groups ? "\n" : "", copies,
           copies == 1 ? "copy" : "copies", groups, groups == 1 ? "group" : "groups", n);
    free(head);
    free(next);
    return 0;
}

int cmd_dedup(int argc, char **argv)
{
    bool json = false;
    const char *index_path = NULL, *output = NULL, *v;
    td_dedup_opts opts = {0, 0};
    cli_parser p;
    cli_parse_init(&p, "dedup", k_help, k_opts, sizeof k_opts / sizeof *k_opts, argc, argv);
    for (int id; (id = cli_parse_next(&p, &v)) != CLI_OPT_END;) {
        if (id == CLI_OPT_HELP)
            return EXIT_OK;
        if (id == CLI_OPT_ERROR)
            return EXIT_USAGE;
        if (id == O_JSON) {
            json = true;
        } else if (id == O_THRESHOLD || id == O_CONTAINMENT) {
            bool thr = id == O_THRESHOLD;
            double d;
            if (!parse_unit(v, &d) || (thr && d > 1.0))
                return cli_usage_error("dedup", "bad value for --%s: '%s' (%s)",
                                       thr ? "threshold" : "containment", v,
                                       thr ? "a number in (0, 1]" : "a number above 0");
            if (thr)
                opts.threshold = d;
            else
                opts.containment = d;
        } else if (id == O_INDEX) {
            if (!*v)
                return cli_usage_error("dedup", "--index needs a file");
            index_path = v;
        } else if (id == O_OUTPUT) {
            output = v;
        } else if (id == O_QUIET) {
            cli_progress_quiet(true);
        }
    }
    if (cli_out_open(output) || (index_path && cli_out_check_replace(index_path)))
        return EXIT_FATAL;
    dedup_ctx c = {0};
    if (index_path) {
        td_status st = td_dedup_index_load(index_path, &c.ix);
        if (st == TD_EIO && access(index_path, F_OK) != 0) {
            c.ix = td_dedup_index_new(&opts);
            st = c.ix ? TD_OK : TD_ENOMEM;
        }
        if (st) {
            cli_error("%s: %s", index_path, td_strerror(st));
            return EXIT_FATAL;
        }
    }
    bool fatal;
    long rejected = cli_read_all(argv + 1, p.n_pos, "reading", keep, &c, &fatal);
    int rc = fatal ? EXIT_FATAL : rejected ? EXIT_REJECTED : EXIT_OK;
    if (c.ix) {
        if (!fatal) {
            print_stream(&c, json);
            td_status st = td_dedup_index_save(c.ix, index_path);
            if (st) {
                cli_error("%s: %s", index_path, td_strerror(st));
                rc = EXIT_FATAL;
            }
        }
        for (size_t k = 0; k < c.n_copies; k++) {
            free(c.copies[k].canonical);
            free(c.copies[k].id);
        }
        free(c.copies);
        td_dedup_index_free(c.ix);
        return rc;
    }
    td_dedup_copy *cp = NULL;
    if (!fatal) {
        cli_progress_stage("finding the copies among", c.n, 0);
        cp = malloc((c.n ? c.n : 1) * sizeof *cp);
        td_status st = cp ? td_dedup_articles(c.arts, c.n, &opts, cp) : TD_ENOMEM;
        if (st) {
            cli_error("%s", td_strerror(st));
            rc = EXIT_FATAL;
        } else if (json) {
            char *js;
            size_t n;
            st = td_dedup_json(c.arts, c.n, cp, &js, &n);
            if (st) {
                cli_error("%s", td_strerror(st));
                rc = EXIT_FATAL;
            } else {
                if (!cli_write(js, n) || !cli_write("\n", 1))
                    rc = EXIT_FATAL;
                td_free(js);
            }
        } else if (print_text(&c, cp) < 0) {
            rc = EXIT_FATAL;
        }
    }
    free(cp);
    for (size_t k = 0; k < c.n; k++)
        td_article_free(c.arts[k]);
    free(c.arts);
    return rc;
}

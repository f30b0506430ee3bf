/*
 * bench_dates.c - temporal expressions found by the analyse stage against gold
 * annotations, and the speed of the whole analysis.
 *
 *   bench_dates [--runs N] [--dump] [DATA_DIR]      (default ../shared/data)
 *
 * WikiWars (wikiwars/whole-tml/tml/\*.tml, 22 Wikipedia war histories, TIMEX3):
 * every gold TIMEX3 inside <TEXT> whose value is a calendar date ("1939",
 * "1939-10", "1939-09-01", "1944-W23", a time counts as its day) is a gold item;
 * other values (durations, PRESENT_REF, sets) are left out and counted. A found
 * expression matches a gold one when their spans overlap; it is right when its
 * value, written at the gold granularity, equals the gold value. Reported:
 * span precision/recall and value precision/recall/F1 (value precision = right
 * found / all found; value recall = gold with a right overlapping expression /
 * all gold). Two anchorings: the document creation time (what the library does
 * for news) and the narrative anchor (each sentence resolved against the last
 * full date found before it, as history texts need).
 *
 * SemEval-2015 Task 4 (timeline2015/SemEval_Task4_data/corpus_{1,2,3}): its
 * TimeML files carry only the creation time, so the measure is the gold timeline
 * anchoring instead: for each gold event with a date ("2008-03-XX" = month) in
 * sentence S of document D, (a) does an expression found in S carry that date at
 * the gold granularity, (b) is the first date found in S, or the creation time
 * when S has none, that date.
 *
 * Speed: tdp_analyse over all the WikiWars and SemEval texts, --runs passes
 * (default 5), median MB/s, with a hash of the dates found.
 */
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <xxhash.h>

#include "analyse/analyse_p.h"
#include "bench.h"

typedef struct gold {
    uint32_t a, b;          /* span in the plain text */
    char val[40];
} gold;

typedef struct doc {
    char id[64];
    char *text;             /* plain text, one paragraph per line */
    size_t n;
    gold *g;
    size_t ng, capg;
    td_date dct;
    uint32_t *line_start;   /* start of each line (paragraph), by line number */
    size_t nlines, caplines;
} doc;

/* The value of attribute `name` inside a tag's text, copied to out. */
static bool attr(const char *tag, size_t tl, const char *name, char *out, size_t on)
{
    size_t nl = strlen(name);
    for (size_t i = 0; i + nl + 2 < tl; i++) {
        if ((i == 0 || tag[i - 1] == ' ') && !memcmp(tag + i, name, nl) &&
            tag[i + nl] == '=' && (tag[i + nl + 1] == '"' || tag[i + nl + 1] == '\'')) {
            char q = tag[i + nl + 1];
            size_t s = i + nl + 2, e = s;
            while (e < tl && tag[e] != q)
                e++;
            snprintf(out, on, "%.*s", (int)(e - s), tag + s);
            return true;
        }
    }
    return false;
}

static void put_entity(tdp_buf *b, const char *s, size_t n, size_t *i)
{
    static const struct { const char *e; char c; } ents[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
    for (size_t k = 0; k < 5; k++) {
        size_t l = strlen(ents[k].e);
        if (*i + l <= n && !memcmp(s + *i, ents[k].e, l)) {
            tdp_buf_putc(b, ents[k].c);
            *i += l;
            return;
        }
    }
    tdp_buf_putc(b, '&');
    (*i)++;
}

/* Reads a TimeML file: DCT, the plain text of <TEXT> and its TIMEX3 spans. A
 * closing </s> ends a line (SemEval sentences); WikiWars keeps its own lines. */
static bool load_tml(const char *path, doc *d)
{
    size_t n;
    char *s = tdp_read_file(path, &n);
    if (!s)
        return false;
    memset(d, 0, sizeof *d);
    const char *dct = strstr(s, "CREATION_TIME");
    if (dct) {
        const char *tag = dct;
        while (tag > s && *tag != '<')
            tag--;
        const char *end = strchr(dct, '>');
        char v[40];
        if (end && attr(tag, (size_t)(end - tag), "value", v, sizeof v))
            if (td_date_parse(v, strlen(v) > 10 ? 10 : strlen(v), &d->dct))
                d->dct.prec = TD_DATE_NONE;
    }
    const char *id = strstr(s, "<DOCID>");
    if (id) {
        const char *e = strstr(id, "</DOCID>");
        if (e)
            snprintf(d->id, sizeof d->id, "%.*s", (int)(e - id - 7), id + 7);
    }
    const char *t = strstr(s, "<TEXT>");
    const char *te = t ? strstr(t, "</TEXT>") : NULL;
    if (!t || !te) {
        free(s);
        return false;
    }
    tdp_buf b = TDP_BUF_INIT;
    size_t i = (size_t)(t - s) + 6, end = (size_t)(te - s);
    long open = -1;
    char val[40] = "";
    bool sentences = strstr(s, "<s id=") != NULL;
    while (i < end) {
        char c = s[i];
        if (c == '<') {
            size_t j = i + 1;
            while (j < end && s[j] != '>')
                j++;
            const char *tag = s + i + 1;
            size_t tl = j - i - 1;
            if (tl >= 6 && !memcmp(tag, "TIMEX3", 6)) {
                open = (long)b.len;
                if (!attr(tag, tl, "value", val, sizeof val))
                    val[0] = '\0';
            } else if (tl >= 7 && !memcmp(tag, "/TIMEX3", 7) && open >= 0) {
                if (TDP_GROW(d->g, d->capg, d->ng + 1))
                    break;
                gold *g = &d->g[d->ng++];
                g->a = (uint32_t)open;
                g->b = (uint32_t)b.len;
                snprintf(g->val, sizeof g->val, "%s", val);
                open = -1;
            } else if (tl == 2 && !memcmp(tag, "/s", 2)) {
                tdp_buf_putc(&b, '\n');
            }
            i = j + 1;
            continue;
        }
        if (c == '&') {
            put_entity(&b, s, end, &i);
            continue;
        }
        if (sentences && c == '\n') {
            i++;
            continue;
        }
        tdp_buf_putc(&b, c);
        i++;
    }
    free(s);
    if (b.err) {
        tdp_buf_free(&b);
        return false;
    }
    d->text = tdp_buf_detach(&b, &d->n);
    /* lines */
    size_t ls = 0;
    for (size_t k = 0; k <= d->n; k++) {
        if (k == d->n || d->text[k] == '\n') {
            if (TDP_GROW(d->line_start, d->caplines, d->nlines + 1))
                return false;
            d->line_start[d->nlines++] = (uint32_t)ls;
            ls = k + 1;
        }
    }
    return d->text != NULL;
}

static void doc_free(doc *d)
{
    tdp_free(d->text);
    tdp_free(d->g);
    tdp_free(d->line_start);
}

/* The article of a document: one paragraph per line (empty lines kept as "."
 * so that paragraph numbers are line numbers). */
static td_article *article_of(const doc *d, bool with_dct)
{
    td_article *a = td_article_new();
    if (!a)
        return NULL;
    if (with_dct)
        a->date = d->dct;
    for (size_t l = 0; l < d->nlines; l++) {
        size_t s = d->line_start[l];
        size_t e = l + 1 < d->nlines ? d->line_start[l + 1] - 1 : d->n;
        if (e > s) {
            if (tdp_article_add_para(a, d->text + s, e - s, TD_PARA_TEXT))
                break;
        } else if (tdp_article_add_para(a, ".", 1, TD_PARA_TEXT)) {
            break;
        }
    }
    return a;
}

/* ---- comparing values ---- */

typedef struct found {
    uint32_t a, b;          /* span in the plain text */
    td_date date;
    uint8_t week;
    uint32_t para;
} found;

/* ISO week of a date: year and week number. */
static void iso_week(int32_t z, int *wy, int *wn)
{
    int wd = tdp_weekday(z);          /* Monday 0 */
    int32_t thu = z - wd + 3;         /* Thursday of the week decides the year */
    int y, m, dd;
    tdp_civil_from_days(thu, &y, &m, &dd);
    int32_t jan1 = tdp_days_from_civil(y, 1, 1);
    *wy = y;
    *wn = (int)((thu - jan1) / 7) + 1;
}

/* Precision of a gold value: 1 year, 2 month, 3 day, 4 week; 0 not a date. */
static int gold_prec(const char *v)
{
    size_t l = strlen(v);
    for (int k = 0; k < 4; k++)
        if (l < 4 || v[k] < '0' || v[k] > '9')
            return 0;
    if (l == 4)
        return 1;
    if (v[4] != '-')
        return 0;
    if (l >= 8 && v[5] == 'W' && v[6] >= '0' && v[6] <= '9')
        return l == 8 ? 4 : 0;
    if (l < 7 || v[5] < '0' || v[5] > '1')
        return 0;
    if (l == 7)
        return 2;
    if (l >= 10 && v[7] == '-' && v[8] >= '0' && v[8] <= '3' && (l == 10 || v[10] == 'T'))
        return 3;
    return 0;
}

static bool value_ok(const found *f, const char *gv)
{
    int p = gold_prec(gv);
    char buf[40];
    if (p == 4) {
        if (!f->week && f->date.prec < TD_DATE_DAY)
            return false;
        int wy, wn;
        iso_week(td_date_days(&f->date), &wy, &wn);
        snprintf(buf, sizeof buf, "%04d-W%02d", wy, wn);
        return !strcmp(buf, gv);
    }
    if (!p || f->date.prec < p || f->week)
        return false;
    td_date d = f->date;
    d.prec = (uint8_t)p;
    td_date_format(&d, buf, sizeof buf);
    return !strncmp(buf, gv, strlen(buf)) && strlen(buf) == (p == 1 ? 4u : p == 2 ? 7u : 10u);
}

/* ---- finding ---- */

typedef struct fstate {
    found *f;
    size_t n, cap;
    uint32_t base;          /* plain-text offset of the current sentence */
    uint32_t para;
    int err;
} fstate;

static int on_hit(void *ctx, const tdp_date_hit *h)
{
    fstate *st = ctx;
    if (TDP_GROW(st->f, st->cap, st->n + 1)) {
        st->err = 1;
        return 1;
    }
    st->f[st->n++] = (found){st->base + h->off, st->base + h->off + h->len, h->date, h->week,
                             st->para};
    return 0;
}

/* Dates of an analysed article, with plain-text spans. */
static void collect(const doc *d, const td_article *a, fstate *st)
{
    const tdp_analysis *an = a->an;
    st->n = 0;
    for (size_t i = 0; i < an->n_dates; i++) {
        const tdp_date_mention *m = &an->dates[i];
        const tdp_sentence *s = &an->sents[m->sent];
        uint32_t base = d->line_start[s->para] + s->off;
        if (TDP_GROW(st->f, st->cap, st->n + 1))
            return;
        st->f[st->n++] = (found){base + m->off, base + m->off + m->len, m->date, m->week,
                                 s->para};
    }
}

/* Narrative anchoring: each sentence against the last full date before it. */
static void collect_narrative(const doc *d, const td_article *a, fstate *st, tdp_toklist *tl)
{
    const tdp_analysis *an = a->an;
    td_date anchor = d->dct;
    st->n = 0;
    for (size_t i = 0; i < an->n_sents; i++) {
        const tdp_sentence *s = &an->sents[i];
        size_t before = st->n;
        st->base = d->line_start[s->para] + s->off;
        st->para = s->para;
        if (tdp_find_dates(s->text, s->len, &anchor, tl, on_hit, st) || st->err)
            return;
        for (size_t k = before; k < st->n; k++) {
            td_date x = st->f[k].date;
            if (x.prec >= TD_DATE_MONTH && x.year > 0 && !st->f[k].week) {
                if (x.prec == TD_DATE_MONTH)
                    x.day = 1;
                x.prec = TD_DATE_DAY;
                anchor = x;
            }
        }
    }
}

typedef struct score {
    size_t gold, other, found, span_found, span_gold, val_found, val_gold;
} score;

static void compare(const doc *d, const fstate *st, score *sc, bool dump)
{
    bool *gm = calloc(d->ng + 1, 1), *gv = calloc(d->ng + 1, 1);
    if (!gm || !gv) {
        free(gm);
        free(gv);
        return;
    }
    size_t ng = 0;
    for (size_t g = 0; g < d->ng; g++) {
        if (gold_prec(d->g[g].val))
            ng++;
        else
            sc->other++;
    }
    sc->gold += ng;
    for (size_t k = 0; k < st->n; k++) {
        const found *f = &st->f[k];
        bool span = false, val = false, other = false;
        for (size_t g = 0; g < d->ng; g++) {
            if (d->g[g].b <= f->a || d->g[g].a >= f->b)
                continue;
            if (!gold_prec(d->g[g].val)) {
                other = true;
                continue;
            }
            span = true;
            gm[g] = true;
            if (value_ok(f, d->g[g].val)) {
                val = true;
                gv[g] = true;
            }
        }
        if (other && !span)
            continue; /* overlaps a gold expression whose value is not a date */
        sc->found++;
        sc->span_found += span;
        sc->val_found += val;
        if (dump && !val) {
            char buf[40];
            td_date_format(&f->date, buf, sizeof buf);
            printf("  %s: found \"%.*s\" = %s%s\n", d->id, (int)(f->b - f->a), d->text + f->a,
                   buf, span ? " (wrong value)" : " (not in gold)");
        }
    }
    for (size_t g = 0; g < d->ng; g++) {
        if (!gold_prec(d->g[g].val))
            continue;
        sc->span_gold += gm[g];
        sc->val_gold += gv[g];
        if (dump && !gm[g])
            printf("  %s: missed \"%.*s\" = %s in \"%.*s\"\n", d->id,
                   (int)(d->g[g].b - d->g[g].a), d->text + d->g[g].a, d->g[g].val,
                   (int)(d->g[g].b - d->g[g].a + 50), d->text + (d->g[g].a > 30 ? d->g[g].a - 30 : 0));
    }
    free(gm);
    free(gv);
}

static double pct(size_t a, size_t b) { return b ? 100.0 * (double)a / (double)b : 0.0; }

static void report(const char *what, const score *sc)
{
    double p = pct(sc->val_found, sc->found), r = pct(sc->val_gold, sc->gold);
    printf("  %-22s found %zu; span P %.1f R %.1f; value P %.1f R %.1f F1 %.1f\n", what,
           sc->found, pct(sc->span_found, sc->found), pct(sc->span_gold, sc->gold), p, r,
           p + r > 0 ? 2 * p * r / (p + r) : 0.0);
}

/* ---- loading sets ---- */

typedef struct docset {
    doc *d;
    size_t n, cap;
} docset;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void load_dir(docset *ds, const char *dir)
{
    DIR *dh = opendir(dir);
    if (!dh)
        return;
    char *names[512];
    size_t nn = 0;
    struct dirent *e;
    while ((e = readdir(dh)) && nn < 512) {
        size_t l = strlen(e->d_name);
        if (l > 4 && !strcmp(e->d_name + l - 4, ".tml"))
            names[nn++] = tdp_strdup(e->d_name);
    }
    closedir(dh);
    qsort(names, nn, sizeof *names, cmp_str);
    for (size_t i = 0; i < nn; i++) {
        char *path = tdp_aprintf("%s/%s", dir, names[i]);
        tdp_free(names[i]);
        if (!path || TDP_GROW(ds->d, ds->cap, ds->n + 1)) {
            tdp_free(path);
            continue;
        }
        if (load_tml(path, &ds->d[ds->n]))
            ds->n++;
        tdp_free(path);
    }
}

static const doc *find_doc(const docset *ds, const char *id)
{
    for (size_t i = 0; i < ds->n; i++)
        if (!strcmp(ds->d[i].id, id))
            return &ds->d[i];
    return NULL;
}

/* ---- SemEval timelines ---- */

typedef struct tl_score {
    size_t events, any, first, no_date;
} tl_score;

static bool gold_tl_match(const td_date *d, const char *g)
{
    /* "2008-03-XX": month; "2008-XX-XX": year */
    int p = 3;
    if (!strncmp(g + 5, "XX", 2))
        p = 1;
    else if (!strncmp(g + 8, "XX", 2))
        p = 2;
    if (d->prec < p || d->year <= 0)
        return false;
    char buf[40];
    td_date x = *d;
    x.prec = (uint8_t)p;
    td_date_format(&x, buf, sizeof buf);
    return !strncmp(buf, g, strlen(buf));
}

static void semeval(const char *root, tl_score *ts, docset *all)
{
    for (int c = 1; c <= 3; c++) {
        char *dir = tdp_aprintf("%s/timeline2015/SemEval_Task4_data/corpus_%d/corpus_trackA_TimeML",
                          root, c);
        docset ds = {NULL, 0, 0};
        if (dir)
            load_dir(&ds, dir);
        tdp_free(dir);
        /* analyse each document once */
        td_article **arts = calloc(ds.n + 1, sizeof *arts);
        for (size_t i = 0; arts && i < ds.n; i++) {
            arts[i] = article_of(&ds.d[i], true);
            if (arts[i] && tdp_analyse(arts[i])) {
                td_article_free(arts[i]);
                arts[i] = NULL;
            }
        }
        dir = tdp_aprintf("%s/timeline2015/SemEval_Task4_data/corpus_%d/TimeLines_Gold_Standard",
                    root, c);
        DIR *dh = dir ? opendir(dir) : NULL;
        struct dirent *e;
        while (arts && dh && (e = readdir(dh))) {
            if (e->d_name[0] == '.')
                continue;
            char *path = tdp_aprintf("%s/%s", dir, e->d_name);
            FILE *f = path ? fopen(path, "r") : NULL;
            tdp_free(path);
            if (!f)
                continue;
            char line[4096];
            while (fgets(line, sizeof line, f)) {
                char *t1 = strchr(line, '\t');
                if (!t1)
                    continue;
                char *t2 = strchr(t1 + 1, '\t');
                if (!t2 || t2 - t1 - 1 != 10 || !strncmp(t1 + 1, "XXXX", 4))
                    continue;
                char gd[16];
                snprintf(gd, sizeof gd, "%.10s", t1 + 1);
                /* docid-sent-event */
                char *ev = t2 + 1;
                char *h1 = strchr(ev, '-');
                if (!h1)
                    continue;
                char *h2 = strchr(h1 + 1, '-');
                if (!h2)
                    continue;
                char id[64];
                snprintf(id, sizeof id, "%.*s", (int)(h1 - ev), ev);
                long sent = strtol(h1 + 1, NULL, 10);
                const doc *d = find_doc(&ds, id);
                if (!d)
                    continue;
                const td_article *a = arts[d - ds.d];
                if (!a)
                    continue;
                ts->events++;
                bool any = false, have = false;
                td_date first = d->dct;
                const tdp_analysis *an = a->an;
                for (size_t k = 0; k < an->n_dates; k++) {
                    if (an->sents[an->dates[k].sent].para != (uint32_t)sent)
                        continue;
                    if (!have) {
                        first = an->dates[k].date;
                        have = true;
                    }
                    any |= gold_tl_match(&an->dates[k].date, gd);
                }
                ts->any += any;
                ts->no_date += !have;
                ts->first += gold_tl_match(&first, gd);
            }
            fclose(f);
        }
        if (dh)
            closedir(dh);
        tdp_free(dir);
        for (size_t i = 0; arts && i < ds.n; i++)
            td_article_free(arts[i]);
        free(arts);
        /* keep the documents for the speed runs */
        for (size_t i = 0; i < ds.n; i++) {
            if (TDP_GROW(all->d, all->cap, all->n + 1)) {
                doc_free(&ds.d[i]);
                continue;
            }
            all->d[all->n++] = ds.d[i];
        }
        tdp_free(ds.d);
    }
}

static int cmp_dbl(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    int runs = 5;
    bool dump = false;
    const char *root = NULL;
    char *rootbuf = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--runs") && i + 1 < argc)
            runs = (int)strtol(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--dump"))
            dump = true;
        else
            root = argv[i];
    }
    root = bench_data_root(root, &rootbuf);
    if (runs < 1)
        runs = 1;
    char *dir = tdp_aprintf("%s/wikiwars/whole-tml/tml", root);
    docset ww = {NULL, 0, 0};
    if (dir)
        load_dir(&ww, dir);
    tdp_free(dir);
    if (!ww.n) {
        printf("skip: no WikiWars data under %s\n", root);
        return 0;
    }
    score dct_sc = {0}, nar_sc = {0};
    fstate st = {NULL, 0, 0, 0, 0, 0};
    tdp_toklist tl = TDP_TOKLIST_INIT;
    for (size_t i = 0; i < ww.n; i++) {
        td_article *a = article_of(&ww.d[i], true);
        if (!a || tdp_analyse(a)) {
            td_article_free(a);
            continue;
        }
        collect(&ww.d[i], a, &st);
        compare(&ww.d[i], &st, &dct_sc, false);
        collect_narrative(&ww.d[i], a, &st, &tl);
        compare(&ww.d[i], &st, &nar_sc, dump);
        td_article_free(a);
    }
    printf("WikiWars: %zu documents, %zu gold date values (%zu other values left out)\n",
           ww.n, dct_sc.gold, dct_sc.other);
    report("creation-time anchor", &dct_sc);
    report("narrative anchor", &nar_sc);

    tl_score ts = {0, 0, 0, 0};
    docset all = {NULL, 0, 0};
    semeval(root, &ts, &all);
    if (ts.events) {
        printf("SemEval-2015 timelines: %zu dated gold events in %zu documents\n", ts.events,
               all.n);
        printf("  date in the event's sentence %.1f%%; first date or creation time %.1f%% "
               "(%zu sentences without a date)\n",
               pct(ts.any, ts.events), pct(ts.first, ts.events), ts.no_date);
    }

    /* speed: the whole analysis over every text */
    for (size_t i = 0; i < ww.n; i++) {
        if (TDP_GROW(all.d, all.cap, all.n + 1))
            break;
        all.d[all.n++] = ww.d[i];
    }
    tdp_free(ww.d);
    size_t bytes = 0;
    for (size_t i = 0; i < all.n; i++)
        bytes += all.d[i].n;
    double *times = calloc((size_t)runs, sizeof *times);
    uint64_t hash = 0;
    for (int r = 0; times && r < runs; r++) {
        double t0 = bench_cpu(), spent = 0;
        XXH3_state_t *hs = XXH3_createState();
        XXH3_64bits_reset(hs);
        for (size_t i = 0; i < all.n; i++) {
            td_article *a = article_of(&all.d[i], true);
            if (!a)
                continue;
            double t1 = bench_cpu();
            td_status rc = tdp_analyse(a);
            spent += bench_cpu() - t1;
            for (size_t k = 0; !rc && k < a->an->n_dates; k++) {
                /* fields only: padding bytes are not part of the result */
                const tdp_date_mention *m = &a->an->dates[k];
                int32_t v[8] = {m->date.year, m->date.month, m->date.day, m->date.prec,
                                (int32_t)m->sent, (int32_t)m->off, (int32_t)m->len, m->kind};
                XXH3_64bits_update(hs, v, sizeof v);
            }
            td_article_free(a);
        }
        (void)t0;
        hash = XXH3_64bits_digest(hs);
        XXH3_freeState(hs);
        times[r] = spent;
    }
    if (times) {
        qsort(times, (size_t)runs, sizeof *times, cmp_dbl);
        double med = times[runs / 2];
        printf("speed: tdp_analyse %.1f MB/s (median of %d runs over %.1f MB; dates hash "
               "%016llx)\n",
               med > 0 ? (double)bytes / 1e6 / med : 0.0, runs, (double)bytes / 1e6,
               (unsigned long long)hash);
    }
    /* the tokenizer alone, as other stages call it */
    for (int r = 0; times && r < runs; r++) {
        double t1 = bench_cpu();
        uint64_t h = 0;
        for (size_t i = 0; i < all.n; i++) {
            size_t pos = 0;
            tdp_token t;
            while (tdp_token_next(all.d[i].text, all.d[i].n, &pos, &t))
                h += t.flen + t.flags;
        }
        times[r] = bench_cpu() - t1;
        hash = h;
    }
    if (times) {
        qsort(times, (size_t)runs, sizeof *times, cmp_dbl);
        double med = times[runs / 2];
        printf("speed: tdp_token_next %.1f MB/s (median of %d runs; check %llu)\n",
               med > 0 ? (double)bytes / 1e6 / med : 0.0, runs, (unsigned long long)hash);
    }
    free(times);
    for (size_t i = 0; i < all.n; i++)
        doc_free(&all.d[i]);
    tdp_free(all.d);
    tdp_free(st.f);
    tdp_toklist_free(&tl);
    tdp_free(rootbuf);
    return 0;
}

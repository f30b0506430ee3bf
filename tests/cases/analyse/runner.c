/* runner.c - table-driven cases of the analyse stage.
 *
 * Each *.case file in the folder holds cases separated by blank lines:
 *   # comment
 *   date 2021-12-26            article date ("date none" when unknown)
 *   text One paragraph.        one line per paragraph (at least one)
 *   dates 2021-12-21 2022-01   every date found, in order (ISO; week: W2022-01-03)
 *   spans On Tuesday|in early 2022   the expressions found, in order
 *   sents 3                    number of sentences
 *   sent Second sentence.      (repeatable) the sentences, in order
 *   quote TEXT => KEY          (repeatable) quotes in order; KEY "-" = no speaker
 *   quotes 0                   number of quotes
 *   name KEY | TYPE [| TITLE]  (repeatable) a mention that must be there
 * Usage: runner DIR   |   runner --dump FILE [DATE]  (prints what it finds)
 */
#include <stdio.h>
#include <stdlib.h>

#include "analyse/analyse_p.h"
#include "../cases.h"

static const char *type_name(int t)
{
    static const char *const n[] = {"person", "org", "place", "other"};
    return t >= 0 && t < 4 ? n[t] : "?";
}

static void fmt_date(const tdp_date_mention *d, char *buf, size_t n)
{
    if (d->week) {
        buf[0] = 'W';
        td_date_format(&d->date, buf + 1, n - 1);
    } else {
        td_date_format(&d->date, buf, n);
    }
}

static void dump(const td_article *a)
{
    const tdp_analysis *an = a->an;
    for (size_t i = 0; i < an->n_sents; i++)
        printf("sent %zu (p%u): %s\n", i, an->sents[i].para, an->sents[i].text);
    for (size_t i = 0; i < an->n_dates; i++) {
        const tdp_date_mention *d = &an->dates[i];
        char buf[40];
        fmt_date(d, buf, sizeof buf);
        printf("date s%u \"%.*s\" -> %s kind %d mod %d%s\n", d->sent, (int)d->len,
               an->sents[d->sent].text + d->off, buf, d->kind, d->mod,
               d->future ? " future" : "");
    }
    for (size_t i = 0; i < an->n_mentions; i++) {
        const tdp_mention *m = &an->mentions[i];
        printf("name s%u %s [%s] %s%s%s\n", m->sent, m->name, m->key, type_name(m->type),
               m->title ? " title: " : "", m->title ? m->title : "");
    }
    for (size_t i = 0; i < an->n_quotes; i++) {
        const tdp_quote *q = &an->quotes[i];
        printf("quote s%u \"%s\" => %s [%s]%s%s\n", q->sent, q->text,
               q->speaker ? q->speaker : "-", q->speaker_key ? q->speaker_key : "-",
               q->speaker_title ? " title: " : "", q->speaker_title ? q->speaker_title : "");
    }
    printf("terms %zu tokens %u\n", an->n_terms, an->n_tokens);
}

typedef struct kase {
    char date[32];
    char *paras[64];
    size_t n_paras;
    char *expect[64];     /* "key value" lines */
    size_t n_expect;
    unsigned line;
} kase;

static td_article *build(const kase *k)
{
    td_article *a = td_article_new();
    if (!a)
        return NULL;
    if (strcmp(k->date, "none") && td_article_set(a, TD_FIELD_DATE, k->date, strlen(k->date)))
        fprintf(stderr, "bad date %s\n", k->date);
    for (size_t i = 0; i < k->n_paras; i++)
        if (tdp_article_add_para(a, k->paras[i], strlen(k->paras[i]), TD_PARA_TEXT)) {
            td_article_free(a);
            return NULL;
        }
    if (tdp_analyse(a)) {
        td_article_free(a);
        return NULL;
    }
    return a;
}

static void run_case(const char *file, const kase *k)
{
    td_article *a = build(k);
    if (!a) {
        case_fail(file, k->line, "analyse", "ok", "error");
        return;
    }
    const tdp_analysis *an = a->an;
    size_t sent_i = 0, quote_i = 0;
    for (size_t e = 0; e < k->n_expect; e++) {
        const char *x = k->expect[e];
        const char *sp = strchr(x, ' ');
        size_t kl = sp ? (size_t)(sp - x) : strlen(x);
        const char *v = sp ? sp + 1 : "";
        char got[4096] = "";
        checks++;
        if (kl == 5 && !memcmp(x, "dates", 5)) {
            for (size_t i = 0; i < an->n_dates; i++) {
                char b[40];
                fmt_date(&an->dates[i], b, sizeof b);
                case_append(got, sizeof got, " ", b);
            }
            if (strcmp(got, v))
                case_fail(file, k->line, "dates", v, got);
        } else if (kl == 5 && !memcmp(x, "spans", 5)) {
            for (size_t i = 0; i < an->n_dates; i++) {
                char b[256];
                const tdp_date_mention *d = &an->dates[i];
                snprintf(b, sizeof b, "%.*s", (int)d->len, an->sents[d->sent].text + d->off);
                case_append(got, sizeof got, "|", b);
            }
            if (strcmp(got, v))
                case_fail(file, k->line, "spans", v, got);
        } else if (kl == 5 && !memcmp(x, "sents", 5)) {
            snprintf(got, sizeof got, "%zu", an->n_sents);
            if (strcmp(got, v))
                case_fail(file, k->line, "sentence count", v, got);
        } else if (kl == 4 && !memcmp(x, "sent", 4)) {
            const char *g = sent_i < an->n_sents ? an->sents[sent_i].text : "(none)";
            if (strcmp(g, v))
                case_fail(file, k->line, "sentence", v, g);
            sent_i++;
        } else if (kl == 6 && !memcmp(x, "quotes", 6)) {
            snprintf(got, sizeof got, "%zu", an->n_quotes);
            if (strcmp(got, v))
                case_fail(file, k->line, "quote count", v, got);
        } else if (kl == 5 && !memcmp(x, "quote", 5)) {
            if (quote_i < an->n_quotes) {
                const tdp_quote *q = &an->quotes[quote_i];
                snprintf(got, sizeof got, "%s => %s", q->text,
                         q->speaker_key ? q->speaker_key : "-");
            } else {
                snprintf(got, sizeof got, "(none)");
            }
            if (strcmp(got, v))
                case_fail(file, k->line, "quote", v, got);
            quote_i++;
        } else if (kl == 4 && !memcmp(x, "name", 4)) {
            /* KEY | TYPE [| TITLE] */
            char key[128] = "", type[32] = "";
            const char *p = v, *q = strstr(p, " | ");
            if (!q) {
                case_fail(file, k->line, "name", v, "malformed expectation");
                continue;
            }
            snprintf(key, sizeof key, "%.*s", (int)(q - p), p);
            p = q + 3;
            q = strstr(p, " | ");
            snprintf(type, sizeof type, "%.*s", (int)(q ? (size_t)(q - p) : strlen(p)), p);
            const char *title = q ? q + 3 : NULL;
            bool found = false;
            for (size_t i = 0; i < an->n_mentions && !found; i++) {
                const tdp_mention *m = &an->mentions[i];
                if (strcmp(m->key, key) || strcmp(type_name(m->type), type))
                    continue;
                if (title && (!m->title || strcmp(m->title, title)))
                    continue;
                found = true;
            }
            if (!found) {
                for (size_t i = 0; i < an->n_mentions; i++) {
                    const tdp_mention *m = &an->mentions[i];
                    char b[512];
                    snprintf(b, sizeof b, "%s/%s/%s", m->key, type_name(m->type),
                             m->title ? m->title : "");
                    case_append(got, sizeof got, "; ", b);
                }
                case_fail(file, k->line, "name", v, got);
            }
        } else {
            case_fail(file, k->line, "expectation", "known key", x);
        }
    }
    td_article_free(a);
}

static void free_case(kase *k)
{
    for (size_t i = 0; i < k->n_paras; i++)
        free(k->paras[i]);
    for (size_t i = 0; i < k->n_expect; i++)
        free(k->expect[i]);
    memset(k, 0, sizeof *k);
    snprintf(k->date, sizeof k->date, "none");
}

static char *dupstr(const char *s)
{
    size_t n = strlen(s);
    char *d = malloc(n + 1);
    if (d)
        memcpy(d, s, n + 1);
    return d;
}

static void add_line(void *vk, const char *line, unsigned ln)
{
    kase *k = vk;
    if (!k->line)
        k->line = ln;
    if (!strncmp(line, "date ", 5))
        snprintf(k->date, sizeof k->date, "%s", line + 5);
    else if (!strncmp(line, "text ", 5) && k->n_paras < 64)
        k->paras[k->n_paras++] = dupstr(line + 5);
    else if (k->n_expect < 64)
        k->expect[k->n_expect++] = dupstr(line);
}

static void end_case(const char *path, void *vk)
{
    kase *k = vk;
    if (k->n_paras)
        run_case(path, k);
    free_case(k);
}

static int dump_file(const char *path, const char *date)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return 1;
    td_article *a = td_article_new();
    if (date && td_article_set(a, TD_FIELD_DATE, date, strlen(date)))
        fprintf(stderr, "bad date\n");
    char line[65536];
    while (fgets(line, sizeof line, f)) {
        size_t l = strlen(line);
        while (l && (line[l - 1] == '\n' || line[l - 1] == '\r'))
            line[--l] = '\0';
        if (l && tdp_article_add_para(a, line, l, TD_PARA_TEXT))
            return 1;
    }
    fclose(f);
    if (tdp_analyse(a))
        return 1;
    dump(a);
    td_article_free(a);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc >= 3 && !strcmp(argv[1], "--dump"))
        return dump_file(argv[2], argc > 3 ? argv[3] : NULL);
    if (argc != 2) {
        fprintf(stderr, "usage: runner DIR | runner --dump FILE [DATE]\n");
        return 2;
    }
    kase k;
    memset(&k, 0, sizeof k);
    free_case(&k);
    return case_dir(argv[1], "analyse", &k, add_line, end_case);
}

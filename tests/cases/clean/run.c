/*
 * run.c - runs the table-driven cleaning cases (the .case files in tests/cases/clean).
 *
 * A case file holds cases; each starts with "@@ case NAME" and has sections:
 *   @@ input       the article text, as a plain-text file would hold it
 *   @@ file PATH   or: read the article from PATH (relative to the source root);
 *                  a missing ../shared file skips the case with a message
 *   @@ kept        the paragraphs kept, exactly and in order; "[heading] ",
 *                  "[list] ", "[quote] " before a line also checks its kind
 *   @@ removed     what was removed, exactly and in order: "reason: text"
 *   @@ keep        sentences that must each be inside some kept paragraph
 *   @@ removes     removals that must be among removed[] ("reason: text"); no
 *                  paragraph may keep their text, but for one copy of a repeat
 *   @@ meta        "field: value" for title, date, outlet, dateline, language,
 *                  author, status; "-" means unset
 * Lines starting with "#" outside @@ input are comments.
 *
 * usage: run SOURCE_ROOT FILE.case...    (--show prints what the engine makes of
 * each case in this format, to help write a new one; check it by eye).
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article/article_p.h"
#include "tidings/clean.h"
#include "tidings/reader.h"

enum { S_NONE, S_INPUT, S_KEPT, S_REMOVED, S_KEEP, S_REMOVES, S_META };

/* The section an "@@ NAME" line opens; S_NONE for an unknown name. */
static int section_of(const char *name)
{
    static const char *const names[] = {"", "input", "kept", "removed", "keep", "removes",
                                        "meta"};
    for (int i = S_INPUT; i <= S_META; i++)
        if (!strcmp(name, names[i]))
            return i;
    return S_NONE;
}

typedef struct lines {
    char **v;
    size_t n, cap;
} lines;

typedef struct tcase {
    char name[256];
    char file[1024];
    tdp_buf input;
    lines sec[S_META + 1];
    bool has[S_META + 1];
} tcase;

static int g_fail, g_pass, g_skip;
static bool g_show;
static const char *g_root;

static void push(lines *l, const char *s, size_t n)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 16;
        l->v = realloc(l->v, l->cap * sizeof *l->v);
        if (!l->v) {
            perror("realloc");
            exit(2);
        }
    }
    char *c = malloc(n + 1);
    if (!c) {
        perror("malloc");
        exit(2);
    }
    memcpy(c, s, n);
    c[n] = 0;
    l->v[l->n++] = c;
}

static void case_reset(tcase *c)
{
    tdp_buf_free(&c->input);
    for (int i = 0; i <= S_META; i++) {
        for (size_t k = 0; k < c->sec[i].n; k++)
            free(c->sec[i].v[k]);
        free(c->sec[i].v);
    }
    memset(c, 0, sizeof *c);
}

/* "FAIL: case: what" with the wanted and the found value when given. */
static void failf(const tcase *c, const char *what, const char *want, const char *got)
{
    printf("FAIL: %s: %s\n", c->name, what);
    if (want)
        printf("   want: %s\n", want);
    if (got)
        printf("   got:  %s\n", got);
}

static const char *meta_of(const td_article *a, const char *field, char *buf, size_t n)
{
    if (!strcmp(field, "title"))
        return td_article_title(a);
    if (!strcmp(field, "outlet"))
        return td_article_outlet(a);
    if (!strcmp(field, "dateline"))
        return td_article_dateline(a);
    if (!strcmp(field, "language"))
        return td_article_language(a);
    if (!strcmp(field, "author"))
        return td_article_author(a);
    if (!strcmp(field, "date")) {
        td_date d = td_article_date(a);
        return td_date_format(&d, buf, n) ? buf : NULL;
    }
    return "?";
}

static const char *kind_tag(td_para_kind k)
{
    switch (k) {
    case TD_PARA_HEADING: return "[heading] ";
    case TD_PARA_LIST: return "[list] ";
    case TD_PARA_QUOTE: return "[quote] ";
    default: return "";
    }
}

static void show(const tcase *c, const td_article *a, td_status st)
{
    static const char *const fields[] = {"title", "date", "outlet", "dateline", "language",
                                         "author"};
    char buf[64];
    printf("@@ case %s\n@@ kept\n", c->name);
    for (size_t i = 0; i < td_article_paragraph_count(a); i++) {
        td_para_kind k;
        const char *p = td_article_paragraph(a, i, NULL, &k);
        printf("%s%s\n", kind_tag(k), p);
    }
    printf("@@ removed\n");
    for (size_t i = 0; i < td_article_removed_count(a); i++) {
        const char *why;
        const char *t = td_article_removed(a, i, &why);
        printf("%s: %s\n", why, t);
    }
    printf("@@ meta\n");
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
        const char *v = meta_of(a, fields[i], buf, sizeof buf);
        printf("%s: %s\n", fields[i], v ? v : "-");
    }
    printf("status: %s\n\n", td_strerror(st));
}

/* Kept paragraphs equal to s (whole) or holding it. */
static size_t kept_has(const td_article *a, const char *s, bool whole)
{
    size_t n = 0;
    for (size_t i = 0; i < td_article_paragraph_count(a); i++) {
        const char *p = td_article_paragraph(a, i, NULL, NULL);
        if (whole ? !strcmp(p, s) : strstr(p, s) != NULL)
            n++;
    }
    return n;
}

static bool removed_has(const td_article *a, const char *why, const char *text)
{
    for (size_t i = 0; i < td_article_removed_count(a); i++) {
        const char *r;
        const char *t = td_article_removed(a, i, &r);
        if (!strcmp(t, text) && !strcmp(r, why))
            return true;
    }
    return false;
}

static void check(const tcase *c, const td_article *a, td_status st)
{
    bool ok = true;
    if (c->has[S_KEPT]) {
        size_t n = td_article_paragraph_count(a);
        for (size_t i = 0; i < n || i < c->sec[S_KEPT].n; i++) {
            const char *want = i < c->sec[S_KEPT].n ? c->sec[S_KEPT].v[i] : NULL;
            td_para_kind k = TD_PARA_TEXT;
            const char *got = i < n ? td_article_paragraph(a, i, NULL, &k) : NULL;
            const char *tag = kind_tag(k);
            const char *w = want;
            bool kind_ok = true;
            if (w && w[0] == '[') {
                kind_ok = strncmp(w, tag, strlen(tag)) == 0 && tag[0];
                w = strchr(w, ']') ? strchr(w, ']') + 2 : w;
            } else if (w) {
                kind_ok = k == TD_PARA_TEXT;
            }
            if (!w || !got || strcmp(w, got) || !kind_ok) {
                char gotbuf[4096];
                snprintf(gotbuf, sizeof gotbuf, "%s%s", got ? tag : "", got ? got : "(none)");
                failf(c, "kept paragraph differs", want ? want : "(none)", gotbuf);
                ok = false;
                break;
            }
        }
    }
    if (c->has[S_REMOVED]) {
        size_t n = td_article_removed_count(a);
        for (size_t i = 0; i < n || i < c->sec[S_REMOVED].n; i++) {
            const char *want = i < c->sec[S_REMOVED].n ? c->sec[S_REMOVED].v[i] : NULL;
            char got[4096] = "(none)";
            if (i < n) {
                const char *why;
                const char *t = td_article_removed(a, i, &why);
                snprintf(got, sizeof got, "%s: %s", why, t);
            }
            if (!want || strcmp(want, got)) {
                failf(c, "removed line differs", want ? want : "(none)", got);
                ok = false;
                break;
            }
        }
    }
    for (size_t i = 0; i < c->sec[S_KEEP].n; i++)
        if (!kept_has(a, c->sec[S_KEEP].v[i], false)) {
            failf(c, "sentence lost", c->sec[S_KEEP].v[i], NULL);
            ok = false;
        }
    for (size_t i = 0; i < c->sec[S_REMOVES].n; i++) {
        char *e = c->sec[S_REMOVES].v[i];
        char *colon = strstr(e, ": ");
        if (!colon) {
            failf(c, "bad removes line", e, NULL);
            ok = false;
            continue;
        }
        char why[64];
        snprintf(why, sizeof why, "%.*s", (int)(colon - e), e);
        /* a repeat may leave one copy; other noise none */
        size_t copies = kept_has(a, colon + 2, true);
        if (!removed_has(a, why, colon + 2) || copies > (strcmp(why, "repeat") ? 0u : 1u)) {
            failf(c, "noise not removed", e, NULL);
            ok = false;
        }
    }
    for (size_t i = 0; i < c->sec[S_META].n; i++) {
        char *e = c->sec[S_META].v[i];
        char *colon = strstr(e, ": ");
        if (!colon)
            continue;
        char field[32], buf[64];
        snprintf(field, sizeof field, "%.*s", (int)(colon - e), e);
        const char *want = colon + 2;
        const char *got;
        if (!strcmp(field, "status"))
            got = td_strerror(st);
        else
            got = meta_of(a, field, buf, sizeof buf);
        if (!got)
            got = "-";
        if (strcmp(want, got)) {
            char msg[64];
            snprintf(msg, sizeof msg, "meta %s differs", field);
            failf(c, msg, want, got);
            ok = false;
        }
    }
    if (ok)
        g_pass++;
    else
        g_fail++;
}

static void run_case(tcase *c)
{
    if (!c->name[0])
        return;
    td_reader *r = td_reader_new(NULL);
    if (!r) {
        printf("FAIL: %s: out of memory\n", c->name);
        g_fail++;
        return;
    }
    td_status st;
    if (c->file[0]) {
        char path[2048];
        snprintf(path, sizeof path, "%s/%s", g_root, c->file);
        FILE *f = fopen(path, "rb");
        if (!f) {
            printf("skip: %s (%s is absent)\n", c->name, c->file);
            g_skip++;
            td_reader_free(r);
            return;
        }
        fclose(f);
        st = td_reader_add(r, path);
    } else {
        st = td_reader_add_buffer(r, "case.txt", c->input.data ? c->input.data : "",
                                  c->input.len);
    }
    td_article *a = NULL;
    if (st == TD_OK)
        st = td_reader_next(r, &a);
    if (st == TD_OK)
        st = td_clean(a);
    else if (!a)
        a = td_article_new();
    if (g_show)
        show(c, a, st);
    else
        check(c, a, st);
    td_article_free(a);
    td_reader_free(r);
}

static int run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        printf("FAIL: cannot open %s\n", path);
        return 1;
    }
    tcase c;
    memset(&c, 0, sizeof c);
    int sec = S_NONE;
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    while ((got = getline(&line, &cap, f)) >= 0) {
        size_t n = (size_t)got;
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            n--;
        line[n] = 0;
        if (!strncmp(line, "@@ ", 3)) {
            const char *w = line + 3;
            if (!strncmp(w, "case ", 5)) {
                run_case(&c);
                case_reset(&c);
                snprintf(c.name, sizeof c.name, "%s", w + 5);
                sec = S_NONE;
            } else if (!strncmp(w, "file ", 5)) {
                snprintf(c.file, sizeof c.file, "%s", w + 5);
                sec = S_NONE;
            } else if ((sec = section_of(w)) == S_NONE) {
                printf("FAIL: %s: unknown section %s\n", path, line);
                g_fail++;
            }
            c.has[sec] = true;
            continue;
        }
        if (sec == S_INPUT) {
            tdp_buf_put(&c.input, line, n);
            tdp_buf_putc(&c.input, '\n');
            continue;
        }
        if (line[0] == '#' || (n == 0 && sec != S_KEPT) || sec == S_NONE)
            continue;
        if (n == 0)
            continue;
        push(&c.sec[sec], line, n);
    }
    run_case(&c);
    case_reset(&c);
    free(line);
    fclose(f);
    return 0;
}

int main(int argc, char **argv)
{
    int i = 1;
    if (i < argc && !strcmp(argv[i], "--show")) {
        g_show = true;
        i++;
    }
    if (argc - i < 2) {
        fprintf(stderr, "usage: run [--show] SOURCE_ROOT FILE.case...\n");
        return 2;
    }
    g_root = argv[i++];
    for (; i < argc; i++)
        if (run_file(argv[i]))
            g_fail++;
    if (!g_show)
        printf("clean cases: %d passed, %d failed, %d skipped\n", g_pass, g_fail, g_skip);
    return g_fail ? 1 : 0;
}

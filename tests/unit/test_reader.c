/*
 * test_reader.c - the readers on files, folders, stdin and buffers: text with the
 * date line, JSON Lines, news-please JSON, gzip; and every kind of bad input, each
 * with its status and "FILE[:LINE]: what" message, after which reading goes on.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "article/article_p.h"
#include "tidings/clean.h"
#include "tidings/reader.h"

/* ---- a scratch folder per test ---- */

/* Each test runs inside its scratch folder, so that a file named directly ("a.txt")
 * gets the id it would get in use ("a"), not one that holds the folder's name. */
typedef struct {
    char dir[64];
    int home;        /* the folder the test started in */
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    snprintf(f->dir, sizeof f->dir, "/tmp/td-reader-XXXXXX");
    if (!mkdtemp(f->dir) || (f->home = open(".", O_RDONLY)) < 0 || chdir(f->dir) != 0) {
        free(f);
        return -1;
    }
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
    int rc = fchdir(f->home) == 0 ? system(cmd) : -1;
    close(f->home);
    free(f);
    return rc == 0 ? 0 : -1;
}

static const char *path_in(const fixture *f, const char *name)
{
    static char buf[4][256];
    static int k;
    k = (k + 1) % 4;
    (void)f; /* the tests run inside f->dir */
    snprintf(buf[k], sizeof buf[k], "%s", name);
    return buf[k];
}

/* The path of name in the scratch folder, its parent folders made. */
static const char *make_parents(const fixture *f, const char *name)
{
    const char *p = path_in(f, name);
    char tmp[256];
    snprintf(tmp, sizeof tmp, "%s", p);
    for (char *q = tmp; *q; q++)
        if (*q == '/') {
            *q = '\0';
            mkdir(tmp, 0755);
            *q = '/';
        }
    return p;
}

static void write_file(const fixture *f, const char *name, const char *data, size_t n)
{
    const char *p = make_parents(f, name);
    FILE *fp = fopen(p, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(data, 1, n, fp), n);
    assert_int_equal(fclose(fp), 0);
}

static void write_str(const fixture *f, const char *name, const char *s)
{
    write_file(f, name, s, strlen(s));
}

static void write_gz(const fixture *f, const char *name, const char *s, size_t n)
{
    gzFile gz = gzopen(make_parents(f, name), "wb");
    assert_non_null(gz);
    assert_int_equal(gzwrite(gz, s, (unsigned)n), (int)n);
    assert_int_equal(gzclose(gz), Z_OK);
}

static td_reader *reader(const td_reader_opts *o)
{
    td_reader *r = td_reader_new(o);
    assert_non_null(r);
    return r;
}

/* Next article, which must be OK; the caller frees it. */
static td_article *next_ok(td_reader *r)
{
    td_article *a = NULL;
    td_status st = td_reader_next(r, &a);
    if (st != TD_OK)
        fail_msg("expected an article, got %s: %s", td_strerror(st), td_reader_error(r));
    assert_non_null(a);
    return a;
}

/* Next must be the error `want` with a message ending in `msg` (the path varies). */
static void next_err(td_reader *r, td_status want, const char *prefix, const char *msg)
{
    td_article *a = NULL;
    td_status st = td_reader_next(r, &a);
    if (st != want)
        fail_msg("expected %s, got %s: %s", td_strerror(want), td_strerror(st),
                 td_reader_error(r));
    assert_null(a);
    const char *e = td_reader_error(r);
    if (prefix && strncmp(e, prefix, strlen(prefix)) != 0)
        fail_msg("error '%s' does not start with '%s'", e, prefix);
    size_t el = strlen(e), ml = strlen(msg);
    if (el < ml || strcmp(e + el - ml, msg) != 0)
        fail_msg("error '%s' does not end with '%s'", e, msg);
}

static void next_end(td_reader *r)
{
    td_article *a = NULL;
    td_status st = td_reader_next(r, &a);
    if (st != TD_END)
        fail_msg("expected the end, got %s: %s", td_strerror(st), td_reader_error(r));
    assert_null(a);
    /* and it stays at the end */
    assert_int_equal(td_reader_next(r, &a), TD_END);
}

static void check_text(td_article *a, const char *id, const char *text)
{
    assert_string_equal(td_article_id(a), id);
    assert_string_equal(td_article_text(a), text);
}

/* ---- good input ---- */

static void test_text_date_line(void **state)
{
    fixture *f = *state;
    write_str(f, "a.txt", " date 2026-03-02\nTitle here\nFirst paragraph.\n");
    write_str(f, "b.txt", " date 2022-01-15 Registration was successful!\nBody.\n");
    write_str(f, "c.txt", "No date line.\n date 2026-01-01\n");
    write_str(f, "d.txt", "\xEF\xBB\xBF date 2022-01-15T08:24Z\nWith a BOM.\n");
    td_reader *r = reader(NULL);
    assert_int_equal(td_reader_add(r, path_in(f, "a.txt")), TD_OK);
    assert_int_equal(td_reader_add(r, path_in(f, "b.txt")), TD_OK);
    assert_int_equal(td_reader_add(r, path_in(f, "c.txt")), TD_OK);
    assert_int_equal(td_reader_add(r, path_in(f, "d.txt")), TD_OK);
    char d[32];

    td_article *a = next_ok(r);
    check_text(a, "a", "Title here\nFirst paragraph.\n");
    td_date dt = td_article_date(a);
    td_date_format(&dt, d, sizeof d);
    assert_string_equal(d, "2026-03-02");
    uint32_t line = 99;
    assert_string_equal(td_article_origin(a, &line), path_in(f, "a.txt"));
    assert_int_equal(line, 0);
    assert_null(td_reader_warning(r));
    td_article_free(a);

    a = next_ok(r); /* chrome after the date stays in the text for the cleaner */
    check_text(a, "b", "Registration was successful!\nBody.\n");
    dt = td_article_date(a);
    td_date_format(&dt, d, sizeof d);
    assert_string_equal(d, "2022-01-15");
    td_article_free(a);

    a = next_ok(r); /* a date line only counts as the first line */
    check_text(a, "c", "No date line.\n date 2026-01-01\n");
    assert_int_equal(td_article_date(a).prec, TD_DATE_NONE);
    td_article_free(a);

    a = next_ok(r);
    check_text(a, "d", "With a BOM.\n");
    dt = td_article_date(a);
    td_date_format(&dt, d, sizeof d);
    assert_string_equal(d, "2022-01-15T08:24Z");
    td_article_free(a);
    next_end(r);
    td_reader_free(r);
}

static void test_folder_recursive_sorted(void **state)
{
    fixture *f = *state;
    write_str(f, "in/b.txt", "b\n");
    write_str(f, "in/a.txt", "a\n");
    write_str(f, "in/sub/c.txt", "c\n");
    write_str(f, "in/sub/deeper/d.json", "{\"text\": \"d\"}");
    write_str(f, "in/A.txt", "capital A sorts first (byte order)\n");
    write_str(f, "in/.hidden.txt", "hidden\n");
    write_str(f, "in/notes.md", "not an article extension\n");
    write_str(f, "in/image.png", "\x89PNG\r\n");
    write_str(f, "in/z.jsonl", "{\"text\": \"z1\"}\n{\"text\": \"z2\"}\n");
    mkdir(path_in(f, "in/empty"), 0755);
    const char *want[] = {"in/A", "in/a", "in/b", "in/sub/c", "in/sub/deeper/d", "in/z:1", "in/z:2"};
    /* Twice, with and without a trailing slash: same ids, same order. */
    for (int round = 0; round < 2; round++) {
        td_reader *r = reader(NULL);
        char p[300];
        snprintf(p, sizeof p, "%s%s", path_in(f, "in"), round ? "/" : "");
        assert_int_equal(td_reader_add(r, p), TD_OK);
        for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
            td_article *a = next_ok(r);
            assert_string_equal(td_article_id(a), want[i]);
            td_article_free(a);
        }
        next_end(r);
        td_reader_free(r);
    }
}

/* Reads r to its end; the ids, one per line, into out. */
static void all_ids(td_reader *r, char *out, size_t n)
{
    size_t len = 0;
    out[0] = '\0';
    td_article *a;
    td_status st;
    while ((st = td_reader_next(r, &a)) != TD_END) {
        if (st != TD_OK)
            fail_msg("unexpected %s: %s", td_strerror(st), td_reader_error(r));
        len += (size_t)snprintf(out + len, n - len, "%s\n", td_article_id(a));
        assert_true(len < n);
        td_article_free(a);
    }
}

/* Day folders read on different days, or together, never share an id: a folder
 * keeps its name in its articles' ids, a file named directly its folder's name. */
static void test_ids_across_folders(void **state)
{
    fixture *f = *state;
    write_str(f, "crawl/2026-03-03/a1.txt", "Day one.\n");
    write_str(f, "crawl/2026-03-03/feed.jsonl", "{\"text\": \"one\"}\n");
    write_str(f, "crawl/2026-03-04/a1.txt", "Day two.\n");
    write_str(f, "crawl/2026-03-04/feed.jsonl", "{\"text\": \"two\"}\n");
    write_str(f, "other/2026-03-03/a1.txt", "Same folder name elsewhere.\n");
    char ids[1024];
    td_reader *r = reader(NULL);
    assert_int_equal(td_reader_add(r, "crawl/2026-03-03/"), TD_OK);
    assert_int_equal(td_reader_add(r, "crawl/2026-03-04"), TD_OK);
    all_ids(r, ids, sizeof ids);
    assert_string_equal(ids, "2026-03-03/a1\n2026-03-03/feed:1\n"
                             "2026-03-04/a1\n2026-03-04/feed:1\n");
    td_reader_free(r);
    /* The same ids however the folder or file is named, on its own. */
    static const char *const day1[] = {"crawl/2026-03-03", "./crawl//2026-03-03/.",
                                       "crawl/2026-03-04/../2026-03-03"};
    for (size_t i = 0; i < 3; i++) {
        r = reader(NULL);
        assert_int_equal(td_reader_add(r, day1[i]), TD_OK);
        all_ids(r, ids, sizeof ids);
        assert_string_equal(ids, "2026-03-03/a1\n2026-03-03/feed:1\n");
        td_reader_free(r);
    }
    r = reader(NULL);
    assert_int_equal(td_reader_add(r, "crawl/2026-03-03/a1.txt"), TD_OK);
    assert_int_equal(td_reader_add(r, "crawl/2026-03-04/a1.txt"), TD_OK);
    all_ids(r, ids, sizeof ids);
    assert_string_equal(ids, "2026-03-03/a1\n2026-03-04/a1\n");
    td_reader_free(r);
    /* "." is named by the real folder's name */
    int home = open(".", O_RDONLY);
    assert_true(home >= 0);
    assert_int_equal(chdir("crawl/2026-03-03"), 0);
    r = reader(NULL);
    assert_int_equal(td_reader_add(r, "."), TD_OK);
    assert_int_equal(td_reader_add(r, "a1.txt"), TD_OK); /* read once, above */
    all_ids(r, ids, sizeof ids);
    assert_string_equal(ids, "2026-03-03/a1\n2026-03-03/feed:1\n");
    td_reader_free(r);
    assert_int_equal(fchdir(home), 0);
    close(home);
    /* Two folders of one name: the later one's articles keep the path as given. */
    r = reader(NULL);
    assert_int_equal(td_reader_add(r, "crawl/2026-03-03"), TD_OK);
    assert_int_equal(td_reader_add(r, "other/2026-03-03"), TD_OK);
    assert_int_equal(td_reader_add_buffer(r, "2026-03-03/a1.txt", "buffer", 6), TD_OK);
    all_ids(r, ids, sizeof ids);
    assert_string_equal(ids, "2026-03-03/a1\n2026-03-03/feed:1\nother/2026-03-03/a1\n"
                             "2026-03-03/a1~2\n");
    td_reader_free(r);
}

/* A folder that links to itself or to its parent, and a link to a file beside it:
 * each folder is entered once and each file read once. */
static void test_symlink_loops(void **state)
{
    fixture *f = *state;
    write_str(f, "top/in/a.txt", "Alpha.\n");
    write_str(f, "top/in/sub/b.txt", "Beta.\n");
    write_str(f, "top/c.txt", "Gamma.\n");
    assert_int_equal(symlink(".", "top/in/loop"), 0);
    assert_int_equal(symlink("..", "top/in/sub/up"), 0);
    assert_int_equal(symlink("../../in", "top/in/sub/again"), 0);
    assert_int_equal(symlink("a.txt", "top/in/z-link.txt"), 0);
    char ids[1024];
    td_reader *r = reader(NULL);
    assert_int_equal(td_reader_add(r, "top/in"), TD_OK);
    assert_int_equal(td_reader_add(r, "top/in/"), TD_OK);     /* again: nothing new */
    assert_int_equal(td_reader_add(r, "top/in/a.txt"), TD_OK); /* already queued */
    assert_int_equal(td_reader_add(r, "top/in/loop/loop/sub"), TD_OK);
    all_ids(r, ids, sizeof ids);
    assert_string_equal(ids, "in/a\nin/sub/b\n");
    td_reader_free(r);
    /* A link up to a folder not yet read reads it, once. */
    assert_int_equal(symlink("../..", "top/in/sub/top"), 0);
    r = reader(NULL);
    assert_int_equal(td_reader_add(r, "top/in/sub"), TD_OK);
    all_ids(r, ids, sizeof ids);
    assert_string_equal(ids, "sub/again/a\nsub/b\nsub/top/c\n");
    td_reader_free(r);
}

/* One NUL does not make a text binary: it becomes U+FFFD, with a warning; a NUL in
 * a JSON string (\u0000) does not cut the field short. */
static void test_nul_bytes(void **state)
{
    fixture *f = *state;
    static const char one[] = "Bridge closes\nThe bridge\0 closed on Monday.\n";
    write_file(f, "one-nul.txt", one, sizeof one - 1);
    write_str(f, "t.jsonl", "{\"id\": \"n1\", \"title\": \"Bridge\\u0000 closes for repairs\", "
                            "\"text\": \"The bridge closed.\"}\n");
    td_reader *r = reader(NULL);
    assert_int_equal(td_reader_add(r, "one-nul.txt"), TD_OK);
    assert_int_equal(td_reader_add(r, "t.jsonl"), TD_OK);
    td_article *a = next_ok(r);
    check_text(a, "one-nul", "Bridge closes\nThe bridge\xEF\xBF\xBD closed on Monday.\n");
    assert_string_equal(td_reader_warning(r),
                        "one-nul.txt: 1 NUL byte replaced with U+FFFD (first at byte 24)");
    td_article_free(a);
    a = next_ok(r);
    assert_string_equal(td_article_title(a), "Bridge\xEF\xBF\xBD closes for repairs");
    assert_string_equal(td_reader_warning(r),
                        "t.jsonl:1: 1 NUL character (\\u0000) replaced with U+FFFD");
    td_article_free(a);
    next_end(r);
    td_reader_free(r);
}

/* An input without end stops at the size limit. */
static void test_endless_input(void **state)
{
    (void)state;
    td_reader_opts o = {1u << 20, 0};
    td_reader *r = reader(&o);
    assert_int_equal(td_reader_add(r, "/dev/zero"), TD_OK);
    next_err(r, TD_ETOOBIG, "/dev/zero: ", "larger than the 1 MiB limit");
    next_end(r);
    td_reader_free(r);
}

static void test_stdin(void **state)
{
    fixture *f = *state;
    write_str(f, "in.txt", " date 2026-03-04\nFrom standard input.\n");
    int saved = dup(0);
    assert_true(saved >= 0);
    int fd = open(path_in(f, "in.txt"), O_RDONLY);
    assert_true(fd >= 0);
    assert_int_equal(dup2(fd, 0), 0);
    close(fd);
    td_reader *r = reader(NULL);
    assert_int_equal(td_reader_add(r, "-"), TD_OK);
    td_article *a = next_ok(r);
    check_text(a, "stdin", "From standard input.\n");
    uint32_t line;
    assert_string_equal(td_article_origin(a, &line), "-");
    td_article_free(a);
    next_end(r);
    td_reader_free(r);
    /* stdin sniffed as JSON Lines, with the "<stdin>" name in messages */
    write_str(f, "in.jsonl", "{\"id\": \"s1\", \"text\": \"one\"}\nnot json\n");
    fd = open(path_in(f, "in.jsonl"), O_RDONLY);
    assert_int_equal(dup2(fd, 0), 0);
    close(fd);
    r = reader(NULL);
    assert_int_equal(td_reader_add(r, "-"), TD_OK);
    a = next_ok(r);
    check_text(a, "s1", "one");
    td_article_free(a);
    next_err(r, TD_EPARSE, "<stdin>:2: invalid JSON", "");
    next_end(r);
    td_reader_free(r);
    assert_int_equal(dup2(saved, 0), 0);
    close(saved);
}

static void test_jsonl_fields(void **state)
{
    fixture *f = *state;
    write_str(f, "feed.jsonl",
              "{\"id\": \"x1\", \"url\": \"https://a.example/1\", \"title\": \"T1\", "
              "\"date\": \"2026-03-03T16:20:00Z\", \"source\": \"Ledger\", \"text\": \"Body one.\", "
              "\"tags\": [\"a\", {\"b\": [1, 2]}], \"crawl\": {\"status\": 200}, \"score\": 1.5e3, "
              "\"ok\": true, \"none\": null}\r\n"
              "\n"
              "   \n"
              "{\"title\": \"no id\", \"date\": \"2026-03-05\", \"text\": \"Body \\u00e9\\n\\\"two\\\"\"}\n"
              "{\"id\": 42, \"text\": \"numeric id\"}\n"
              "{\"id\": \"\", \"text\": \"empty id\"}");
    td_reader *r = reader(NULL);
    assert_int_equal(td_reader_add(r, path_in(f, "feed.jsonl")), TD_OK);
    td_article *a = next_ok(r);
    check_text(a, "x1", "Body one.");
    assert_string_equal(td_article_url(a), "https://a.example/1");
    assert_string_equal(td_article_title(a), "T1");
    assert_string_equal(td_article_outlet(a), "Ledger");
    char d[32];
    td_date dt = td_article_date(a);
    td_date_format(&dt, d, sizeof d);
    assert_string_equal(d, "2026-03-03T16:20Z");
    uint32_t line;
    td_article_origin(a, &line);
    assert_int_equal(line, 1);
    td_article_free(a);

    a = next_ok(r); /* blank lines count as lines for the id */
    check_text(a, "feed:4", "Body \xC3\xA9\n\"two\"");
    td_article_origin(a, &line);
    assert_int_equal(line, 4);
    td_article_free(a);

    a = next_ok(r);
    check_text(a, "42", "numeric id");
    td_article_free(a);
    a = next_ok(r); /* the last line has no newline */
    check_text(a, "feed:6", "empty id");
    td_article_free(a);
    next_end(r);
    td_reader_free(r);
}

static void test_json_news_please(void **state)
{
    fixture *f = *state;
    write_str(f, "np/0001.json",
              "{\n  \"authors\": [\"Jane Roe\", \"John Doe\"],\n"
              "  \"date_download\": \"2026-03-08 10:00:00\",\n"
              "  \"date_publish\": \"2026-03-07 18:30:00\",\n"
              "  \"description\": \"A teaser.\",\n  \"language\": \"en\",\n"
              "  \"maintext\": \"The main text.\",\n  \"source_domain\": \"news.example\",\n"
              "  \"text\": \"The other text.\",\n  \"title\": \"A title\",\n"
              "  \"url\": \"https://news.example/a\"\n}\n");
    td_reader *r = reader(NULL);
    assert_int_equal(td_reader_add(r, path_in(f, "np")), TD_OK);
    td_article *a = next_ok(r);
    check_text(a, "np/0001", "The main text.");
    assert_string_equal(td_article_title(a), "A title");
    assert_string_equal(td_article_author(a), "Jane Roe");
    assert_string_equal(td_article_language(a), "en");
    td_date dt = td_article_date(a);
    assert_int_equal(dt.year, 2026);
    assert_int_equal(dt.month, 3);
    assert_int_equal(dt.day, 7);
    td_article_free(a);
    next_end(r);
    td_reader_free(r);
}

/* Publication dates written out in metadata are kept by the reader and read by
 * cleaning; ISO dates are read at once; text with no whole date gives none. */
static void test_json_date_text(void **state)
{
    fixture *f = *state;
    static const struct {
        const char *field;
        int y, m, d;    /* 0: no date */
    } cases[] = {
        {"May 03, 2013", 2013, 5, 3},
        {"Published : November 28, 2005", 2005, 11, 28},
        {"11 / 12 / 2007", 2007, 12, 11},
        {"04 / 28 / 09 07 : 35 PM ET", 2009, 4, 28},
        {"23 July 2013 Last updated at 13 : 42 GMT", 2013, 7, 23},
        {"Published July 28, 2004 He was 75.", 2004, 7, 28},
        {"8 : 00 AM PDT 4 / 4 / 2012", 2012, 4, 4},
        {"First Posted : 10 / 25 / 11 06 : 44 PM ET Updated : 12 / 25 / 11", 2011, 10, 25},
        {"Updated 5 / 5 / 2010 1 : 41 PM", 2010, 5, 5},
        {"2013-05-03T10:00:00Z", 2013, 5, 3},
        {"yesterday", 0, 0, 0},
        {"May 2013", 0, 0, 0},
        {"", 0, 0, 0},
    };
    size_t n = sizeof cases / sizeof *cases;
    char buf[8192];
    size_t len = 0;
    for (size_t i = 0; i < n; i++)
        len += (size_t)snprintf(buf + len, sizeof buf - len,
                                "{\"id\": \"d%zu\", \"date_publish\": \"%s\", \"maintext\": "
                                "\"The council met on the budget and agreed to raise the "
                                "fee for parking permits next year.\"}\n",
                                i, cases[i].field);
    assert_true(len < sizeof buf);
    write_str(f, "dates.jsonl", buf);
    td_reader *r = reader(NULL);
    assert_int_equal(td_reader_add(r, path_in(f, "dates.jsonl")), TD_OK);
    for (size_t i = 0; i < n; i++) {
        td_article *a = next_ok(r);
        assert_int_equal(td_clean(a), TD_OK);
        td_date dt = td_article_date(a);
        if (dt.year != cases[i].y || dt.month != cases[i].m || dt.day != cases[i].d)
            fail_msg("\"%s\": got %d-%d-%d", cases[i].field, dt.year, dt.month, dt.day);
        td_article_free(a);
    }
    next_end(r);
    td_reader_free(r);
}

static void test_gzip(void **state)
{
    fixture *f = *state;
    const char *txt = " date 2026-03-07\nCompressed text.\n";
    const char *jl = "{\"id\": \"g1\", \"text\": \"one\"}\n{\"id\": \"g2\", \"text\": \"two\"}\n";
    write_gz(f, "dir/a.txt.gz", txt, strlen(txt));
    write_gz(f, "dir/b.jsonl.gz", jl, strlen(jl));
    write_gz(f, "dir/c.json.gz", "{\"text\": \"c\"}", 13);
    td_reader *r = reader(NULL);
    assert_int_equal(td_reader_add(r, path_in(f, "dir")), TD_OK);
    td_article *a = next_ok(r);
    check_text(a, "dir/a", "Compressed text.\n");
    assert_int_equal(td_article_date(a).day, 7);
    td_article_free(a);
    a = next_ok(r);
    check_text(a, "g1", "one");
    td_article_free(a);
    a = next_ok(r);
    check_text(a, "g2", "two");
    td_article_free(a);
    a = next_ok(r);
    check_text(a, "dir/c", "c");
    td_article_free(a);
    next_end(r);
    td_reader_free(r);
}

static void test_buffer(void **state)
{
    (void)state;
    td_reader *r = reader(NULL);
    assert_int_equal(td_reader_add_buffer(r, "mem/x.jsonl", "{\"text\":\"m\"}\n", 13), TD_OK);
    assert_int_equal(td_reader_add_buffer(r, "y", " date 2026-03-02\nplain", 22), TD_OK);
    assert_int_equal(td_reader_add_buffer(r, "empty.txt", NULL, 0), TD_OK);
    assert_int_equal(td_reader_add_buffer(r, NULL, "x", 1), TD_EARG);
    assert_int_equal(td_reader_add_buffer(r, "bad", NULL, 1), TD_EARG);
    assert_int_equal(td_reader_add(r, ""), TD_EARG);
    td_article *a = next_ok(r);
    check_text(a, "mem/x:1", "m");
    td_article_free(a);
    a = next_ok(r);
    check_text(a, "y", "plain");
    td_article_free(a);
    next_err(r, TD_EEMPTY, "empty.txt: ", "empty file");
    next_end(r);
    td_reader_free(r);
    td_reader_free(NULL);
    assert_string_equal(td_reader_error(NULL), "");
}

/* ---- bad input: each rejected with its message, and the next input still read ---- */

static void test_missing_and_folder(void **state)
{
    fixture *f = *state;
    write_str(f, "ok.txt", "fine\n");
    td_reader *r = reader(NULL);
    assert_int_equal(td_reader_add(r, path_in(f, "nope.txt")), TD_OK);
    assert_int_equal(td_reader_add(r, path_in(f, "ok.txt")), TD_OK);
    next_err(r, TD_EIO, path_in(f, "nope.txt"), ": cannot open: No such file or directory");
    td_article *a = next_ok(r);
    check_text(a, "ok", "fine\n");
    td_article_free(a);
    next_end(r);
    td_reader_free(r);
}

static void test_unreadable(void **state)
{
    fixture *f = *state;
    if (geteuid() == 0) {
        print_message("skip: running as root, permissions do not apply\n");
        return;
    }
    write_str(f, "secret.txt", "locked\n");
    write_str(f, "ok.txt", "fine\n");
    chmod(path_in(f, "secret.txt"), 0);
    td_reader *r = reader(NULL);
    assert_int_equal(td_reader_add(r, path_in(f, "secret.txt")), TD_OK);
    assert_int_equal(td_reader_add(r, path_in(f, "ok.txt")), TD_OK);
    next_err(r, TD_EIO, path_in(f, "secret.txt"), ": cannot open: Permission denied");
    td_article *a = next_ok(r);
    td_article_free(a);
    next_end(r);
    td_reader_free(r);
}

static void test_empty_binary(void **state)
{
    fixture *f = *state;
    write_str(f, "d/1-empty.txt", "");
    write_str(f, "d/2-blank.txt", " \n\n\t\r\n");
    write_file(f, "d/3-binary.txt", "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0", 16);
    write_str(f, "d/4-empty.jsonl", "");
    write_str(f, "d/5-empty.json", "");
    write_str(f, "d/6-ok.txt", "fine\n");
    td_reader *r = reader(NULL);
    assert_int_equal(td_reader_add(r, path_in(f, "d")), TD_OK);
    next_err(r, TD_EEMPTY, path_in(f, "d/1-empty.txt"), ": empty file");
    next_err(r, TD_EEMPTY, path_in(f, "d/2-blank.txt"), ": empty file");
    next_err(r, TD_EBINARY, path_in(f, "d/3-binary.txt"), ": binary data, not text");
    /* an empty JSON Lines file holds no articles: nothing to report */
    next_err(r, TD_EEMPTY, path_in(f, "d/5-empty.json"), ": empty file");
    td_article *a = next_ok(r);
    check_text(a, "d/6-ok", "fine\n");
    td_article_free(a);
    next_end(r);
    td_reader_free(r);
}

static void test_invalid_utf8(void **state)
{
    fixture *f = *state;
    write_str(f, "bad.txt", "caf\xE9 au lait\nand \xC3\x28 more\n");
    write_str(f, "bad.jsonl", "{\"text\": \"fine\"}\n{\"text\": \"caf\xE9\"}\n{\"text\": \"ok\"}\n");
    /* rejected */
    td_reader *r = reader(NULL);
    assert_int_equal(td_reader_add(r, path_in(f, "bad.txt")), TD_OK);
    assert_int_equal(td_reader_add(r, path_in(f, "bad.jsonl")), TD_OK);
    next_err(r, TD_EUTF8, path_in(f, "bad.txt"), ": invalid UTF-8 at byte 3");
    td_article *a = next_ok(r);
    check_text(a, "bad:1", "fine");
    td_article_free(a);
    char want[300];
    snprintf(want, sizeof want, "%s:2: invalid UTF-8 at byte 13", path_in(f, "bad.jsonl"));
    next_err(r, TD_EUTF8, want, "");
    a = next_ok(r);
    check_text(a, "bad:3", "ok");
    td_article_free(a);
    next_end(r);
    td_reader_free(r);

    /* repaired, with a warning */
    td_reader_opts o = {0, 1};
    r = reader(&o);
    assert_int_equal(td_reader_add(r, path_in(f, "bad.txt")), TD_OK);
    assert_int_equal(td_reader_add(r, path_in(f, "bad.jsonl")), TD_OK);
    a = next_ok(r);
    check_text(a, "bad", "caf\xEF\xBF\xBD au lait\nand \xEF\xBF\xBD( more\n");
    snprintf(want, sizeof want, "%s: invalid UTF-8 replaced (2 sequences, first at byte 3)",
             path_in(f, "bad.txt"));
    assert_non_null(td_reader_warning(r));
    assert_string_equal(td_reader_warning(r), want);
    td_article_free(a);
    a = next_ok(r);
    assert_null(td_reader_warning(r));
    td_article_free(a);
    a = next_ok(r);
    check_text(a, "bad:2", "caf\xEF\xBF\xBD");
    snprintf(want, sizeof want, "%s:2: invalid UTF-8 replaced (1 sequence, first at byte 13)",
             path_in(f, "bad.jsonl"));
    assert_string_equal(td_reader_warning(r), want);
    td_article_free(a);
    a = next_ok(r);
    td_article_free(a);
    next_end(r);
    td_reader_free(r);
}

static void test_jsonl_bad_lines(void **state)
{
    fixture *f = *state;
    static const char mixed[] =
               "{\"id\": \"a\", \"text\": \"one\"}\n"
               "this is not JSON\n"
               "{\"id\": \"b\", \"title\": \"no text\"}\n"
               "{\"id\": \"c\", \"text\": \"\"}\n"
               "{\"id\": \"d\", \"text\": \"unterminated\n"
               "[1, 2, 3]\n"
               "{\"id\": \"e\", \"text\": \"x\"} trailing\n"
               "{\"id\": \"f\", \"te\0xt\": \"nul\"}\n"
               "{\"id\": \"g\", \"text\": \"last\"}\n"
               "{\"id\": \"h\", \"title\": \"Headline only\", \"text\": \"\"}\n";
    write_file(f, "mixed.jsonl", mixed, sizeof mixed - 1);
    td_reader *r = reader(NULL);
    assert_int_equal(td_reader_add(r, path_in(f, "mixed.jsonl")), TD_OK);
    const char *p = path_in(f, "mixed.jsonl");
    char pre[300];
    td_article *a = next_ok(r);
    check_text(a, "a", "one");
    td_article_free(a);
    snprintf(pre, sizeof pre, "%s:2: invalid JSON", p);
    next_err(r, TD_EPARSE, pre, "");
    snprintf(pre, sizeof pre, "%s:3: ", p);
    next_err(r, TD_EFIELD, pre, "no \"text\" field");
    snprintf(pre, sizeof pre, "%s:4: ", p);
    next_err(r, TD_EFIELD, pre, "empty text");
    snprintf(pre, sizeof pre, "%s:5: invalid JSON", p);
    next_err(r, TD_EPARSE, pre, "");
    snprintf(pre, sizeof pre, "%s:6: invalid JSON", p);
    next_err(r, TD_EPARSE, pre, "");
    snprintf(pre, sizeof pre, "%s:7: invalid JSON", p);
    next_err(r, TD_EPARSE, pre, "");
    /* a raw NUL is invalid JSON, at its place (a binary line is said to be one) */
    snprintf(pre, sizeof pre, "%s:8: ", p);
    next_err(r, TD_EPARSE, pre, "invalid JSON: control character in string at byte 15");
    a = next_ok(r);
    check_text(a, "g", "last");
    td_article_free(a);
    /* an empty text with a title: an article of its title alone */
    a = next_ok(r);
    assert_string_equal(td_article_id(a), "h");
    assert_string_equal(td_article_title(a), "Headline only");
    td_article_free(a);
    next_end(r);
    td_reader_free(r);
}

static void test_json_file_bad(void **state)
{
    fixture *f = *state;
    write_str(f, "j/1.json", "{\"title\": \"no text\"}");
    write_str(f, "j/2.json", "{\"text\": \"two\"");
    write_str(f, "j/3.json", "{\"text\": \"three\"}");
    td_reader *r = reader(NULL);
    assert_int_equal(td_reader_add(r, path_in(f, "j")), TD_OK);
    next_err(r, TD_EFIELD, path_in(f, "j/1.json"), ": no \"text\" field");
    char pre[300];
    snprintf(pre, sizeof pre, "%s: invalid JSON", path_in(f, "j/2.json"));
    next_err(r, TD_EPARSE, pre, "");
    td_article *a = next_ok(r);
    check_text(a, "j/3", "three");
    td_article_free(a);
    next_end(r);
    td_reader_free(r);
}

static void test_too_big_file(void **state)
{
    fixture *f = *state;
    size_t n = 3 << 20;
    char *big = malloc(n);
    assert_non_null(big);
    memset(big, 'a', n);
    for (size_t i = 80; i < n; i += 81)
        big[i] = '\n';
    write_file(f, "big.txt", big, n);
    free(big);
    write_str(f, "small.txt", "small\n");
    td_reader_opts o = {1 << 20, 0};
    td_reader *r = reader(&o);
    assert_int_equal(td_reader_add(r, path_in(f, "big.txt")), TD_OK);
    assert_int_equal(td_reader_add(r, path_in(f, "small.txt")), TD_OK);
    next_err(r, TD_ETOOBIG, path_in(f, "big.txt"), ": larger than the 1 MiB limit");
    td_article *a = next_ok(r);
    td_article_free(a);
    next_end(r);
    td_reader_free(r);
}

/* ---- a counting allocator: how much the library holds at its peak ---- */

static size_t g_live, g_peak;

static void *count_malloc(size_t n)
{
    size_t *p = malloc(n + sizeof(max_align_t));
    if (!p)
        return NULL;
    *p = n;
    g_live += n;
    if (g_live > g_peak)
        g_peak = g_live;
    return (char *)p + sizeof(max_align_t);
}

static void count_free(void *q)
{
    if (!q)
        return;
    size_t *p = (size_t *)(void *)((char *)q - sizeof(max_align_t));
    g_live -= *p;
    free(p);
}

static void *count_realloc(void *q, size_t n)
{
    if (!q)
        return count_malloc(n);
    size_t *p = (size_t *)(void *)((char *)q - sizeof(max_align_t));
    size_t old = *p;
    size_t *np = realloc(p, n + sizeof(max_align_t));
    if (!np)
        return NULL;
    *np = n;
    g_live = g_live - old + n;
    if (g_live > g_peak)
        g_peak = g_live;
    return (char *)np + sizeof(max_align_t);
}

/* A 100 MB JSON Lines line (gzip-compressed on disk) between two good ones: it is
 * rejected with its length, the reader never holds more than about the limit, and
 * the line after it is read. */
static void test_huge_line_bounded(void **state)
{
    fixture *f = *state;
    gzFile gz = gzopen(path_in(f, "huge.jsonl.gz"), "wb1");
    assert_non_null(gz);
    const char *head = "{\"id\": \"before\", \"text\": \"one\"}\n{\"text\": \"";
    gzwrite(gz, head, (unsigned)strlen(head));
    char chunk[65536];
    memset(chunk, 'x', sizeof chunk);
    size_t total = 100u << 20;
    for (size_t w = 0; w < total; w += sizeof chunk)
        assert_int_equal(gzwrite(gz, chunk, sizeof chunk), (int)sizeof chunk);
    const char *tail = "\"}\n{\"id\": \"after\", \"text\": \"three\"}\n";
    gzwrite(gz, tail, (unsigned)strlen(tail));
    assert_int_equal(gzclose(gz), Z_OK);

    g_live = g_peak = 0;
    td_set_allocator(count_malloc, count_realloc, count_free);
    td_reader_opts o = {4 << 20, 0};
    td_reader *r = reader(&o);
    assert_int_equal(td_reader_add(r, path_in(f, "huge.jsonl.gz")), TD_OK);
    td_article *a = next_ok(r);
    check_text(a, "before", "one");
    td_article_free(a);
    char pre[300];
    snprintf(pre, sizeof pre, "%s:2: line of %zu bytes is larger than the 4 MiB limit",
             path_in(f, "huge.jsonl.gz"), total + 12);
    next_err(r, TD_ETOOBIG, pre, "");
    a = next_ok(r);
    check_text(a, "after", "three");
    td_article_free(a);
    next_end(r);
    td_reader_free(r);
    td_set_allocator(NULL, NULL, NULL);
    print_message("peak %zu bytes held for a %zu-byte line\n", g_peak, total);
    assert_true(g_peak < (6u << 20));
    assert_int_equal(g_live, 0);
}

static void test_truncated_gzip(void **state)
{
    fixture *f = *state;
    /* Text that does not compress much, so the cut lands inside the data. */
    char text[20000];
    uint32_t x = 12345;
    size_t n = 0;
    while (n < sizeof text - 40) {
        n += (size_t)snprintf(text + n, sizeof text - n, "{\"text\": \"w%u\"}\n",
                              (unsigned)(x = x * 1103515245u + 12345u));
    }
    write_gz(f, "t/a.jsonl.gz", text, n);
    write_gz(f, "t/b.txt.gz", text, n);
    write_str(f, "t/c.txt", "after\n");
    for (int k = 0; k < 2; k++) {
        const char *p = path_in(f, k ? "t/b.txt.gz" : "t/a.jsonl.gz");
        struct stat sb;
        assert_int_equal(stat(p, &sb), 0);
        assert_int_equal(truncate(p, sb.st_size / 2), 0);
    }
    td_reader *r = reader(NULL);
    assert_int_equal(td_reader_add(r, path_in(f, "t")), TD_OK);
    /* the lines before the cut are read, then the cut is reported once */
    size_t good = 0;
    td_article *a = NULL;
    td_status st;
    while ((st = td_reader_next(r, &a)) == TD_OK) {
        good++;
        td_article_free(a);
    }
    assert_true(good > 10);
    /* the cut is reported once, at the line where the data ends; a partial line
     * before it is not reported as bad JSON */
    if (st != TD_ECORRUPT)
        fail_msg("expected corrupt, got %s: %s", td_strerror(st), td_reader_error(r));
    char want[300];
    snprintf(want, sizeof want, "%s:%zu: compressed data: unexpected end of file",
             path_in(f, "t/a.jsonl.gz"), good + 1);
    assert_string_equal(td_reader_error(r), want);
    next_err(r, TD_ECORRUPT, path_in(f, "t/b.txt.gz"),
             ": compressed data: unexpected end of file");
    a = next_ok(r);
    check_text(a, "t/c", "after\n");
    td_article_free(a);
    next_end(r);
    td_reader_free(r);
}

/* Files read whole are inflated in one piece when they are one gzip member; two
 * members, a gzip file past the size limit and a damaged one go through the
 * streaming path, with the same results and messages. */
static void test_gzip_whole_files(void **state)
{
    fixture *f = *state;
    write_gz(f, "w/a.txt.gz", "One member.\n", 12);
    write_gz(f, "w/b.txt.gz", "First member, ", 14);
    gzFile gz = gzopen(path_in(f, "w/b.txt.gz"), "ab"); /* a second member */
    assert_non_null(gz);
    assert_int_equal(gzwrite(gz, "second member.\n", 15), 15);
    assert_int_equal(gzclose(gz), Z_OK);
    /* 1.5 MiB of text past a 1 MiB limit */
    size_t big = 3u << 19;
    char *t = malloc(big);
    assert_non_null(t);
    for (size_t i = 0; i < big; i++)
        t[i] = i % 64 == 63 ? '\n' : (char)('a' + i % 26);
    write_gz(f, "w/c.txt.gz", t, big);
    free(t);
    /* a damaged check value in the trailer */
    write_gz(f, "w/d.txt.gz", "Damaged check value.\n", 21);
    const char *dp = path_in(f, "w/d.txt.gz");
    FILE *fp = fopen(dp, "r+b");
    assert_non_null(fp);
    assert_int_equal(fseek(fp, -8, SEEK_END), 0);
    int c = fgetc(fp);
    assert_int_equal(fseek(fp, -8, SEEK_END), 0);
    fputc(c ^ 0x55, fp);
    assert_int_equal(fclose(fp), 0);
    write_gz(f, "w/e.html.gz", "<p>A page.</p>", 14);
    td_reader_opts o = {0};
    o.max_bytes = 1u << 20;
    td_reader *r = reader(&o);
    assert_int_equal(td_reader_add(r, path_in(f, "w")), TD_OK);
    td_article *a = next_ok(r);
    check_text(a, "w/a", "One member.\n");
    td_article_free(a);
    a = next_ok(r);
    check_text(a, "w/b", "First member, second member.\n");
    td_article_free(a);
    next_err(r, TD_ETOOBIG, path_in(f, "w/c.txt.gz"), ": larger than the 1 MiB limit");
    td_article *none = NULL;
    assert_int_equal(td_reader_next(r, &none), TD_ECORRUPT);
    assert_null(none);
    char want[300];
    snprintf(want, sizeof want, "%s: compressed data: ", dp);
    assert_memory_equal(td_reader_error(r), want, strlen(want));
    a = next_ok(r);
    assert_string_equal(td_article_id(a), "w/e");
    assert_int_equal(a->html_len, 14);
    assert_memory_equal(a->html, "<p>A page.</p>", 14);
    td_article_free(a);
    next_end(r);
    td_reader_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_text_date_line, setup, teardown),
        cmocka_unit_test_setup_teardown(test_folder_recursive_sorted, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ids_across_folders, setup, teardown),
        cmocka_unit_test_setup_teardown(test_symlink_loops, setup, teardown),
        cmocka_unit_test_setup_teardown(test_nul_bytes, setup, teardown),
        cmocka_unit_test(test_endless_input),
        cmocka_unit_test_setup_teardown(test_stdin, setup, teardown),
        cmocka_unit_test_setup_teardown(test_jsonl_fields, setup, teardown),
        cmocka_unit_test_setup_teardown(test_json_news_please, setup, teardown),
        cmocka_unit_test_setup_teardown(test_json_date_text, setup, teardown),
        cmocka_unit_test_setup_teardown(test_gzip, setup, teardown),
        cmocka_unit_test(test_buffer),
        cmocka_unit_test_setup_teardown(test_missing_and_folder, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unreadable, setup, teardown),
        cmocka_unit_test_setup_teardown(test_empty_binary, setup, teardown),
        cmocka_unit_test_setup_teardown(test_invalid_utf8, setup, teardown),
        cmocka_unit_test_setup_teardown(test_jsonl_bad_lines, setup, teardown),
        cmocka_unit_test_setup_teardown(test_json_file_bad, setup, teardown),
        cmocka_unit_test_setup_teardown(test_too_big_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_huge_line_bounded, setup, teardown),
        cmocka_unit_test_setup_teardown(test_truncated_gzip, setup, teardown),
        cmocka_unit_test_setup_teardown(test_gzip_whole_files, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

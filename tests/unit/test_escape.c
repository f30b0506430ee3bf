/*
 * test_escape.c - hostile strings through the three outputs. Articles whose id,
 * title, outlet, url, text, quote and speaker hold Markdown, HTML and link
 * injections, line breaks, terminal escapes and right-to-left overrides are read
 * as JSON Lines and briefed; then: the Markdown has no line a crawled string
 * started, no raw HTML, no link but to http(s) and no unescaped bracket of its
 * own; the HTML has no markup of the input's, no href but to the page or to
 * http(s), and every override inside a <bdi>; the JSON parses and holds the
 * strings as data.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/core.h"
#include "tidings/tidings.h"

#define RLO "\\u202e" /* as JSON writes it in the input */
#define RLO_UTF8 "\xE2\x80\xAE"

/* Two outlets telling one event, with hostile metadata and quotes; a copy of
 * the first under another hostile id. */
static const char k_input[] =
    "{\"id\":\"# Owned\\n<script>alert(1)</script>\",\"url\":\"javascript:alert(1)\","
    "\"title\":\"Harbour strike ends\\n# Injected heading\\n<img src=x onerror=alert(1)>"
    " [click](javascript:alert(2)) ![i](http://evil.example/x.png) **bold** `code`\","
    "\"source\":\"Evil " RLO "sweN\\u001b]0;pwned\\u0007\",\"date\":\"2026-03-02\","
    "\"text\":\"KESTREL BAY - Dockworkers at the Port of Kestrel Bay ended their strike on "
    "Monday after the union and the port authority agreed a new contract. "
    "\\\"We won the night shifts [back](javascript:alert(3)) <b>today</b>,\\\" said Marta "
    "Olsen, the union's general secretary. The deal raises pay by 6.5 percent over two "
    "years and caps night shifts at ten hours.\"}\n"
    "{\"id\":\"- item\\r\\n1. list\",\"url\":\"https://news.example/a?x=1&y=(2)<3>\","
    "\"title\":\"Port strike over ---\\n===\",\"source\":\"Radio " RLO "oidaR\","
    "\"date\":\"2026-03-03\","
    "\"text\":\"KESTREL BAY - The strike at the Port of Kestrel Bay ended on Monday after "
    "the union and the port authority agreed a new contract, union officials said. "
    "\\\"We won the night shifts back today,\\\" said Marta Olsen, the union's general "
    "secretary. Ships began to berth again on Tuesday morning.\"}\n";

typedef struct out3 {
    char *md, *html, *json;
} out3;

static void build(out3 *o)
{
    td_reader *r = td_reader_new(NULL);
    td_corpus *c = td_corpus_new(NULL);
    assert_non_null(r);
    assert_non_null(c);
    assert_int_equal(td_reader_add_buffer(r, "hostile.jsonl", k_input, sizeof k_input - 1),
                     TD_OK);
    td_article *a;
    td_status st;
    int n = 0;
    while ((st = td_reader_next(r, &a)) != TD_END) {
        assert_int_equal(st, TD_OK);
        assert_int_equal(td_corpus_add(c, a), TD_OK);
        n++;
    }
    assert_int_equal(n, 2);
    td_reader_free(r);
    assert_int_equal(td_corpus_build(c), TD_OK);
    assert_int_equal(td_corpus_markdown(c, &o->md, NULL), TD_OK);
    assert_int_equal(td_corpus_html(c, &o->html, NULL), TD_OK);
    assert_int_equal(td_corpus_json(c, &o->json, NULL), TD_OK);
    td_corpus_free(c);
}

static void free3(out3 *o)
{
    td_free(o->md);
    td_free(o->html);
    td_free(o->json);
}

static bool starts(const char *s, const char *prefix)
{
    return !strncmp(s, prefix, strlen(prefix));
}

/* The byte before p is an escaping backslash (itself not escaped). */
static bool escaped(const char *base, const char *p)
{
    size_t n = 0;
    while (p > base && p[-1] == '\\') {
        p--;
        n++;
    }
    return n % 2 == 1;
}

static void test_markdown(void **state)
{
    (void)state;
    out3 o;
    build(&o);
    const char *md = o.md;
    /* every line is one the emitter started */
    for (const char *line = md; *line;) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        const char *p = line;
        while (*p >= '0' && *p <= '9')
            p++;
        bool ours = len == 0 || starts(line, "# ") || starts(line, "## ") ||
                    starts(line, "- ") || starts(line, "Story ") ||
                    starts(line, "Organisations: ") || starts(line, "Places: ") ||
                    (p > line && starts(p, ". "));
        if (!ours)
            fail_msg("a line the emitter did not start: %.*s", (int)len, line);
        line = end ? end + 1 : line + len;
    }
    /* the input's markup is text: no raw tag, no bracket or emphasis of its own */
    for (const char *p = md; (p = strpbrk(p, "<[*`")); p++) {
        if (escaped(md, p))
            continue;
        if (*p == '[') {
            /* ours: a source list "[1" or a link to the article "[id](http" */
            if (p[1] >= '0' && p[1] <= '9')
                continue;
            const char *close = p + 1;
            while (*close && (*close != ']' || escaped(md, close)))
                close++;
            assert_true(starts(close, "](http://") || starts(close, "](https://"));
            continue;
        }
        fail_msg("unescaped markup: %.40s", p);
    }
    for (const char *p = md; (p = strstr(p, "](javascript")); p++)
        assert_true(escaped(md, p));
    assert_null(strstr(md, "\x1b"));
    assert_null(strstr(md, "\x07"));
    /* the override is isolated: FSI before, PDI after, on the same line */
    const char *rlo = strstr(md, RLO_UTF8);
    assert_non_null(rlo);
    for (; rlo; rlo = strstr(rlo + 1, RLO_UTF8)) {
        const char *fsi = rlo;
        while (fsi > md && fsi[-1] != '\n' && !starts(fsi, "\xE2\x81\xA8"))
            fsi--;
        assert_true(starts(fsi, "\xE2\x81\xA8"));
        const char *pdi = strstr(rlo, "\xE2\x81\xA9");
        const char *eol = strchr(rlo, '\n');
        assert_non_null(pdi);
        assert_true(!eol || pdi < eol);
    }
    /* the https URL became the only link, its parentheses and brackets encoded */
    assert_non_null(strstr(md, "](https://news.example/a?x=1&y=%282%29%3C3%3E)"));
    free3(&o);
}

static void test_html(void **state)
{
    (void)state;
    out3 o;
    build(&o);
    const char *h = o.html;
    assert_null(strstr(h, "<script"));
    assert_null(strstr(h, "<img"));
    assert_null(strstr(h, "<b>today"));
    assert_null(strstr(h, "javascript:alert(1)\""));
    /* links only within the page or to http(s) */
    for (const char *p = h; (p = strstr(p, "href=\"")); p++) {
        p += 6;
        assert_true(*p == '#' || starts(p, "http://") || starts(p, "https://"));
    }
    /* every override inside a <bdi> that ends after it */
    const char *rlo = strstr(h, RLO_UTF8);
    assert_non_null(rlo);
    for (; rlo; rlo = strstr(rlo + 1, RLO_UTF8)) {
        const char *open = NULL;
        for (const char *p = h; (p = strstr(p, "<bdi>")) && p < rlo; p++)
            open = p;
        assert_non_null(open);
        const char *close = strstr(open, "</bdi>");
        assert_non_null(close);
        assert_true(close > rlo);
    }
    /* the crawled strings are there, as text */
    assert_non_null(strstr(h, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    free3(&o);
}

static int member(void *ctx, const char *key, size_t klen, tdp_json_type type,
                  const char *val, size_t vlen)
{
    (void)val;
    (void)vlen;
    *(int *)ctx += klen == 7 && !memcmp(key, "stories", 7) && type == TDP_JSON_ARRAY;
    return 0;
}

static void test_json(void **state)
{
    (void)state;
    out3 o;
    build(&o);
    int stories = 0;
    char why[128];
    assert_int_equal(tdp_json_object(o.json, strlen(o.json), member, &stories, why, sizeof why),
                     TD_OK);
    assert_int_equal(stories, 1);
    for (const char *p = o.json; *p; p++)
        assert_true((unsigned char)*p >= 0x20); /* line breaks and escapes as \n, \u001b */
    /* the strings as data, unchanged */
    assert_non_null(strstr(o.json, "\"# Owned\\n<script>alert(1)</script>\""));
    assert_non_null(strstr(o.json, "Evil " RLO_UTF8 "sweN\\u001b]0;pwned\\u0007"));
    free3(&o);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_markdown),
        cmocka_unit_test(test_html),
        cmocka_unit_test(test_json),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

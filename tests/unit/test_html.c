/*
 * test_html.c - the HTML stage's parts: tokenizer and tree (raw text, comments,
 * attributes, implied end tags, missing </head>), character references,
 * charsets, metadata helpers (dates, URL dates, title suffixes), the bounds (deep
 * nesting, many nodes, a large page) and the per-page errors.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>

#include "html/dom.h"
#include "html/html_p.h"
#include "html/meta.h"
#include "tidings/clean.h"
#include "tidings/reader.h"

static td_article *extract(const char *html, size_t n, td_status *st)
{
    td_article *a = td_article_new();
    assert_non_null(a);
    assert_int_equal(td_article_set(a, TD_FIELD_HTML, html, n), TD_OK);
    *st = tdp_html_extract(a);
    return a;
}

static void test_tokenizer(void **state)
{
    (void)state;
    static const char page[] =
        "<!DOCTYPE html><!-- a <p>comment</p> --><html><head><title>A &amp; B</title>"
        "<script>if (a < b) { x = '</p>'; } // </scripts are not ends</script>"
        "<div class=x>Body content before the head was closed.</div>"
        "<body><p class='one' id=two data-x=\"y\">Tom &amp; Jerry&nbsp;&mdash; &#8220;ok&#x201D; "
        "&copy 2022 &unknown; &#0; AT&T</p><P>Upper case tags <B>work</B></P></body>";
    tdp_hdoc d;
    memset(&d, 0, sizeof d);
    assert_int_equal(tdp_hdoc_parse(&d, page, sizeof page - 1), TD_OK);
    assert_int_equal(d.title_len, 5);
    assert_memory_equal(d.str.data + d.title_str, "A & B", 5);
    int n_div = 0, n_p = 0, n_script = 0;
    bool div_in_head = false;
    for (uint32_t i = 1; i < d.n; i++) {
        const tdp_hnode *x = &d.nodes[i];
        if (x->tag == TDP_HT_DIV) {
            n_div++;
            div_in_head = d.nodes[x->parent].tag == TDP_HT_HEAD;
        }
        if (x->tag == TDP_HT_SCRIPT)
            n_script++;
        if (x->tag == TDP_HT_P) {
            n_p++;
            if (n_p == 1) {
                size_t l;
                const char *c = tdp_hnode_attr(&d, i, "class", &l);
                assert_non_null(c);
                assert_memory_equal(c, "one", 3);
                c = tdp_hnode_attr(&d, i, "id", &l);
                assert_int_equal(l, 3);
                assert_memory_equal(c, "two", 3);
                const tdp_hnode *t = &d.nodes[x->first];
                assert_int_equal(t->tag, TDP_HT_TEXT);
                const char *want = "Tom & Jerry \xE2\x80\x94 \xE2\x80\x9Cok\xE2\x80\x9D "
                                   "\xC2\xA9 2022 &unknown; \xEF\xBF\xBD AT&T";
                assert_int_equal(t->len, strlen(want));
                assert_memory_equal(d.str.data + t->str, want, strlen(want));
            }
        }
    }
    assert_int_equal(n_div, 1);
    assert_false(div_in_head); /* a body element closes an unclosed head */
    assert_int_equal(n_script, 1);
    assert_int_equal(n_p, 2);
    tdp_hdoc_free(&d);
}

static void test_implied_ends(void **state)
{
    (void)state;
    static const char page[] = "<ul><li>one<li>two<li>three</ul><p>a<p>b<div>c</div>"
                               "<table><tr><td>x<td>y<tr><td>z</table>";
    tdp_hdoc d;
    memset(&d, 0, sizeof d);
    assert_int_equal(tdp_hdoc_parse(&d, page, sizeof page - 1), TD_OK);
    for (uint32_t i = 1; i < d.n; i++) {
        const tdp_hnode *x = &d.nodes[i];
        if (x->tag == TDP_HT_LI)
            assert_int_equal(d.nodes[x->parent].tag, TDP_HT_UL);
        if (x->tag == TDP_HT_P || x->tag == TDP_HT_DIV)
            assert_int_equal(d.nodes[x->parent].tag, TDP_HT_ROOT);
        if (x->tag == TDP_HT_TD)
            assert_int_equal(d.nodes[x->parent].tag, TDP_HT_TR);
    }
    tdp_hdoc_free(&d);
}

static void test_deep_nesting_is_bounded(void **state)
{
    (void)state;
    /* 100,000 nested unclosed tags, then text: no recursion, capped depth. */
    tdp_buf b = TDP_BUF_INIT;
    for (int i = 0; i < 100000; i++)
        tdp_buf_puts(&b, i % 2 ? "<div>" : "<span>");
    tdp_buf_puts(&b, "<p>The text at the bottom of a very deep page is still found and "
                     "extracted as the article, since nothing else is there.</p>");
    td_status st;
    td_article *a = extract(b.data, b.len, &st);
    assert_int_equal(st, TD_OK);
    assert_non_null(strstr(a->text, "very deep page"));
    td_article_free(a);
    tdp_buf_free(&b);
}

static void test_many_nodes_are_capped(void **state)
{
    (void)state;
    tdp_buf b = TDP_BUF_INIT;
    tdp_buf_puts(&b, "<article><p>The article comes first on this page and is long enough "
                     "to be found, before a flood of empty elements.</p></article>");
    for (int i = 0; i < 1100000; i++)
        tdp_buf_puts(&b, "<b></b>");
    tdp_hdoc d;
    memset(&d, 0, sizeof d);
    assert_int_equal(tdp_hdoc_parse(&d, b.data, b.len), TD_OK);
    assert_true(d.n <= TDP_HDOM_MAX_NODES);
    assert_true(d.truncated);
    tdp_hdoc_free(&d);
    td_status st;
    td_article *a = extract(b.data, b.len, &st);
    assert_int_equal(st, TD_OK);
    td_article_free(a);
    tdp_buf_free(&b);
}

static void test_large_page(void **state)
{
    (void)state;
    /* 8 MB of paragraphs, unclosed: linear time, bounded memory. */
    tdp_buf b = TDP_BUF_INIT;
    tdp_buf_puts(&b, "<html><body><div class=story>");
    while (b.len < (8u << 20))
        tdp_buf_puts(&b, "<p>Officials said the talks would continue next week, in Vienna "
                         "and in Brussels, according to a statement");
    td_status st;
    td_article *a = extract(b.data, b.len, &st);
    assert_int_equal(st, TD_OK);
    assert_true(a->text_len > (4u << 20));
    td_article_free(a);
    tdp_buf_free(&b);
}

static void test_bad_pages(void **state)
{
    (void)state;
    td_status st;
    static const char nav[] = "<html><body><nav><a href=/>Home</a></nav></body></html>";
    td_article *a = extract(nav, sizeof nav - 1, &st);
    assert_int_equal(st, TD_EEMPTY);
    td_article_free(a);
    a = extract("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\x00\x00", 12, &st);
    assert_int_equal(st, TD_EBINARY);
    td_article_free(a);
    a = extract("", 0, &st);
    assert_int_equal(st, TD_EEMPTY);
    td_article_free(a);
    /* Unknown declared charset and invalid bytes: Windows-1252, no failure. */
    static const char odd[] = "<meta charset=\"x-klingon\"><p>Caf\xe9 society met on "
                              "Tuesday evening for a long discussion of the news.</p>";
    a = extract(odd, sizeof odd - 1, &st);
    assert_int_equal(st, TD_OK);
    assert_non_null(strstr(a->text, "Caf\xC3\xA9 society"));
    td_article_free(a);
    /* Through td_clean: the page's text becomes paragraphs. */
    a = td_article_new();
    static const char ok[] = "<p>A page handed to the cleaning stage is extracted first, "
                             "then cleaned.</p>";
    assert_int_equal(td_article_set(a, TD_FIELD_HTML, ok, sizeof ok - 1), TD_OK);
    assert_int_equal(td_clean(a), TD_OK);
    assert_true(td_article_paragraph_count(a) >= 1);
    td_article_free(a);
}

static void test_charsets(void **state)
{
    (void)state;
    tdp_buf tmp = TDP_BUF_INIT;
    size_t n;
    const char *u = tdp_html_utf8("caf\xc3\xa9", 5, "iso-8859-1", &tmp, &n);
    assert_int_equal(n, 5); /* valid UTF-8 wins over a wrong label */
    assert_memory_equal(u, "caf\xc3\xa9", 5);
    u = tdp_html_utf8("\x93hi\x94 \x80", 6, NULL, &tmp, &n);
    assert_string_equal(u, "\xE2\x80\x9Chi\xE2\x80\x9D \xE2\x82\xAC");
    u = tdp_html_utf8("\xcf\xf0\xe8\xe2\xe5\xf2", 6, "windows-1251", &tmp, &n);
    assert_string_equal(u, "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82"); /* Привет */
    u = tdp_html_utf8("\xff\xfeh\0i\0", 6, NULL, &tmp, &n);
    assert_string_equal(u, "hi");
    static const char sj[] = "<meta http-equiv='Content-Type' content='text/html; "
                             "charset=Shift_JIS'>\x93\xfa\x96\x7b";
    u = tdp_html_utf8(sj, sizeof sj - 1, NULL, &tmp, &n);
    assert_non_null(strstr(u, "\xE6\x97\xA5\xE6\x9C\xAC")); /* 日本 */
    char name[32];
    assert_true(tdp_http_charset("text/html; charset=\"UTF-8\"", 26, name, sizeof name));
    assert_string_equal(name, "utf-8");
    tdp_buf_free(&tmp);
}

static void test_meta_helpers(void **state)
{
    (void)state;
    td_date d;
    char s[40];
    assert_true(tdp_html_parse_date("2019-11-19T08:00:00.000Z", 24, &d));
    td_date_format(&d, s, sizeof s);
    assert_string_equal(s, "2019-11-19T08:00Z");
    assert_true(tdp_html_parse_date("2019-11-19T08:00:00+0100", 24, &d));
    td_date_format(&d, s, sizeof s);
    assert_string_equal(s, "2019-11-19T07:00Z");
    assert_true(tdp_html_parse_date(" 2022-01-15 ", 12, &d));
    assert_false(tdp_html_parse_date("January 15", 10, &d));
    const char *u = "https://x.example/news/2022/01/15/talks-end.html";
    assert_true(tdp_html_url_date(u, strlen(u), &d));
    td_date_format(&d, s, sizeof s);
    assert_string_equal(s, "2022-01-15");
    u = "https://x.example/a/20211226/story";
    assert_true(tdp_html_url_date(u, strlen(u), &d));
    u = "https://x.example/a/2022/99/15/story";
    assert_false(tdp_html_url_date(u, strlen(u), &d));
    static const struct {
        const char *text, *want; /* want NULL: no date */
    } text_dates[] = {
        {"Updated: November 19, 2019 at 4:04 pm", "2019-11-19"},
        {"Posted 15th Jan. 2022", "2022-01-15"},
        {"Sept 3rd, 2021", "2021-09-03"},
        {"in March the talks", NULL},
        {"May 40, 2021", NULL},
    };
    for (size_t i = 0; i < sizeof text_dates / sizeof *text_dates; i++) {
        const char *t = text_dates[i].text;
        bool found = tdp_html_text_date(t, strlen(t), &d);
        if (found != (text_dates[i].want != NULL))
            fail_msg("'%s': %s", t, found ? "a date found" : "no date found");
        if (found) {
            td_date_format(&d, s, sizeof s);
            assert_string_equal(s, text_dates[i].want);
        }
    }
    size_t st;
    const char *t = "Talks end without a deal | News from Germany | DW";
    size_t l = tdp_html_trim_title(t, strlen(t), "DW", &st);
    assert_int_equal(st, 0);
    assert_int_equal(l, strlen("Talks end without a deal | News from Germany"));
    t = "Sputnik International - Talks end without a deal in Geneva";
    l = tdp_html_trim_title(t, strlen(t), "Sputnik International", &st);
    assert_string_equal(t + st, "Talks end without a deal in Geneva");
    t = "Talks end without a deal in Geneva on Monday - Wire";
    l = tdp_html_trim_title(t, strlen(t), NULL, &st);
    assert_int_equal(l, strlen("Talks end without a deal in Geneva on Monday"));
}

/* The kind the markup gives each paragraph reaches the extraction's paragraph list
 * and the cleaned article: h2-h6 headings, <li> items (also a <p> inside one),
 * <blockquote> paragraphs; a <br> inside one block gives two cleaned paragraphs of
 * that kind; a plain <p> that is one quotation or starts with a bullet is still
 * recognised, and a short <p> without final punctuation is not a heading. */
static void test_paragraph_kinds(void **state)
{
    (void)state;
    static const char page[] =
        "<html><body><div class=menu><a href=/>Home</a></div><article>"
        "<h1>Harbour plan approved</h1>"
        "<p>The town council approved the new harbour plan on Tuesday after a debate "
        "that lasted more than four hours.</p>"
        "<h3>What the plan changes</h3>"
        "<p>The plan moves the ferry terminal to the north quay and adds a second "
        "breakwater, the council said on Tuesday evening.</p>"
        "<ul><li>A new ferry terminal on the north quay</li>"
        "<li><p>A second breakwater, 300 metres long</p></li></ul>"
        "<blockquote><p>This is the most important decision we have taken.<br>"
        "It will change the town for fifty years.</p></blockquote>"
        "<p>Short line without a stop</p>"
        "<p>\u201cWe will watch the costs closely.\u201d</p>"
        "<p>- A bullet written in the text itself</p>"
        "<p>Work is expected to start next spring and to last three years, according "
        "to the harbour office.</p></article></body></html>";
    td_status st;
    td_article *a = extract(page, sizeof page - 1, &st);
    assert_int_equal(st, TD_OK);
    static const uint8_t want_x[] = {TD_PARA_TEXT, TD_PARA_HEADING, TD_PARA_TEXT,
                                     TD_PARA_LIST, TD_PARA_LIST, TD_PARA_QUOTE,
                                     TD_PARA_TEXT, TD_PARA_TEXT, TD_PARA_TEXT,
                                     TD_PARA_TEXT};
    assert_int_equal(a->n_xparas, sizeof want_x);
    for (size_t i = 0; i < a->n_xparas; i++) {
        assert_int_equal(a->xparas[i].kind, want_x[i]);
        assert_true(a->xparas[i].off + a->xparas[i].len <= a->text_len);
    }
    assert_memory_equal(a->text + a->xparas[1].off, "What the plan changes", 21);
    assert_int_equal(a->xparas[1].len, 21);
    td_article_free(a);

    /* through td_clean, as `tidings clean` does */
    a = td_article_new();
    assert_non_null(a);
    assert_int_equal(td_article_set(a, TD_FIELD_HTML, page, sizeof page - 1), TD_OK);
    assert_int_equal(td_clean(a), TD_OK);
    static const td_para_kind want[] = {TD_PARA_TEXT, TD_PARA_HEADING, TD_PARA_TEXT,
                                        TD_PARA_LIST, TD_PARA_LIST, TD_PARA_QUOTE,
                                        TD_PARA_QUOTE, TD_PARA_TEXT, TD_PARA_QUOTE,
                                        TD_PARA_LIST, TD_PARA_TEXT};
    assert_int_equal(td_article_paragraph_count(a), sizeof want / sizeof want[0]);
    for (size_t i = 0; i < td_article_paragraph_count(a); i++) {
        td_para_kind k;
        size_t n;
        const char *p = td_article_paragraph(a, i, &n, &k);
        if (k != want[i])
            fail_msg("paragraph %zu '%.*s': kind %d, expected %d", i, (int)n, p, (int)k,
                     (int)want[i]);
    }
    td_article_free(a);

    /* the same text given as plain text gets the text rules' kinds: the short
     * line before a sentence is a heading there, a list needs its bullet */
    a = td_article_new();
    assert_non_null(a);
    static const char text[] =
        "The town council approved the new harbour plan on Tuesday after a debate "
        "that lasted more than four hours.\n\nWhat the plan changes\n\nThe plan moves "
        "the ferry terminal to the north quay and adds a second breakwater, the "
        "council said on Tuesday evening.\n\nA new ferry terminal on the north quay\n";
    assert_int_equal(td_article_set(a, TD_FIELD_TEXT, text, sizeof text - 1), TD_OK);
    assert_int_equal(td_clean(a), TD_OK);
    assert_null(a->xparas);
    td_para_kind k;
    assert_non_null(td_article_paragraph(a, 1, NULL, &k));
    assert_int_equal(k, TD_PARA_HEADING);
    td_article_free(a);
}

/* Cleaning trusts the paragraphs HTML extraction kept: a paragraph said twice in
 * the article, a figure of its table, a short kicker above the body and short
 * lines after its last sentence stay; the same lines as plain text go (repeat,
 * chrome). */
static void test_clean_trusts_extraction(void **state)
{
    (void)state;
    static const char page[] =
        "<html><body><article><h1>Two cooks on their kitchens</h1>"
        "<p>Harbour district</p>"
        "<p>We asked two of the town's cooks the same questions about their work and "
        "their kitchens this week.</p>"
        "<p>What made you start cooking for a living?</p>"
        "<p>Anna Berg said she had cooked for her family since she was twelve years old.</p>"
        "<p>Advertisement</p>"
        "<p>What made you start cooking for a living?</p>"
        "<p>Tom Lund said he came to it late, after twenty years as a ferry engineer.</p>"
        "<table><tr><td>Dishes a day</td><td>240</td></tr></table>"
        "<p>Opening hours</p><p>Tuesday to Sunday</p>"
        "</article></body></html>";
    static const char *const kept[] = {
        "Harbour district", "What made you start cooking for a living?", "240",
        "Opening hours", "Tuesday to Sunday"};
    td_article *a = td_article_new();
    assert_non_null(a);
    assert_int_equal(td_article_set(a, TD_FIELD_HTML, page, sizeof page - 1), TD_OK);
    assert_int_equal(td_clean(a), TD_OK);
    for (size_t k = 0; k < sizeof kept / sizeof kept[0]; k++) {
        size_t seen = 0;
        for (size_t i = 0; i < td_article_paragraph_count(a); i++)
            if (!strcmp(td_article_paragraph(a, i, NULL, NULL), kept[k]))
                seen++;
        if (seen != (k == 1 ? 2u : 1u))
            fail_msg("'%s' kept %zu times", kept[k], seen);
    }
    assert_int_equal(td_article_removed_count(a), 0);
    const char *why;
    /* the extracted text as plain text: the text rules apply */
    td_article *b = td_article_new();
    assert_non_null(b);
    assert_int_equal(td_article_set(b, TD_FIELD_TEXT, a->text, a->text_len), TD_OK);
    td_article_free(a);
    assert_int_equal(td_clean(b), TD_OK);
    size_t repeat = 0, chrome = 0;
    for (size_t i = 0; i < td_article_removed_count(b); i++) {
        td_article_removed(b, i, &why);
        repeat += !strcmp(why, "repeat");
        chrome += !strcmp(why, "chrome");
    }
    assert_int_equal(repeat, 1);
    assert_true(chrome >= 3);
    td_article_free(b);
}

/* Reader comments: out by default; with the reader's keep_comments, after the
 * article as paragraphs of kind comment, through cleaning. */
static size_t count_kind(const char *page, int keep, td_para_kind want, size_t *total)
{
    td_reader *r = td_reader_new(NULL);
    assert_non_null(r);
    td_reader_keep_comments(r, keep);
    assert_int_equal(td_reader_add_buffer(r, "thread.html", page, strlen(page)), TD_OK);
    td_article *a;
    assert_int_equal(td_reader_next(r, &a), TD_OK);
    assert_int_equal(td_clean(a), TD_OK);
    size_t n = 0;
    *total = td_article_paragraph_count(a);
    for (size_t i = 0; i < *total; i++) {
        td_para_kind k;
        size_t len;
        const char *t = td_article_paragraph(a, i, &len, &k);
        if (k == want) {
            n++;
            assert_non_null(strstr(t, "ferry"));
        }
    }
    td_article_free(a);
    td_reader_free(r);
    return n;
}

static void test_comments_on_request(void **state)
{
    (void)state;
    static const char page[] =
        "<html><head><title>Night ferry to be withdrawn</title></head><body>"
        "<article><h1>Night ferry to be withdrawn</h1>"
        "<p>The operator said on Monday that the night sailing would end in March, "
        "after two winters in which it ran at less than a third full.</p>"
        "<p>Island councillors said they would ask the ministry to keep a subsidised "
        "service for workers on early shifts at the mainland hospital.</p></article>"
        "<div id=\"comments\"><div class=\"comment\"><p>I take that ferry twice a week "
        "for my dialysis and there is no other way for me to get there in time.</p></div>"
        "<div class=\"comment\"><p>The ferry was half empty because the timetable "
        "changed without notice, not because nobody needs it.</p></div></div>"
        "</body></html>";
    size_t total;
    assert_int_equal(count_kind(page, 0, TD_PARA_COMMENT, &total), 0);
    assert_int_equal(total, 2);
    assert_int_equal(count_kind(page, 1, TD_PARA_COMMENT, &total), 2);
    assert_int_equal(total, 4);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tokenizer),
        cmocka_unit_test(test_implied_ends),
        cmocka_unit_test(test_deep_nesting_is_bounded),
        cmocka_unit_test(test_many_nodes_are_capped),
        cmocka_unit_test(test_large_page),
        cmocka_unit_test(test_bad_pages),
        cmocka_unit_test(test_charsets),
        cmocka_unit_test(test_meta_helpers),
        cmocka_unit_test(test_paragraph_kinds),
        cmocka_unit_test(test_clean_trusts_extraction),
        cmocka_unit_test(test_comments_on_request),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

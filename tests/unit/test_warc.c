/*
 * test_warc.c - WARC files made by hand: response records with HTML, records to
 * skip, broken framing (missing or wrong Content-Length, cut headers, truncated
 * blocks) after which the following records are still read, HTTP charsets,
 * chunked and gzip payloads, gzip members per record and a damaged gzip file.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <zlib.h>

#include "article/article_p.h"
#include "tidings/clean.h"
#include "tidings/reader.h"

#define PAGE(body) \
    "<html lang=\"en\"><head><title>T</title></head><body><article><p>" body \
    "</p></article></body></html>"

/* Appends one record; clen < 0 means the right length, -2 no Content-Length. */
static void rec(tdp_buf *b, const char *type, const char *uri, const char *block,
                size_t blen, long clen)
{
    tdp_buf_printf(b, "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:x>\r\n", type);
    if (uri)
        tdp_buf_printf(b, "WARC-Target-URI: %s\r\n", uri);
    tdp_buf_puts(b, "WARC-Date: 2022-01-15T08:24:00Z\r\n");
    if (strcmp(type, "response") == 0)
        tdp_buf_puts(b, "Content-Type: application/http; msgtype=response\r\n");
    else if (strcmp(type, "resource") == 0)
        tdp_buf_puts(b, "Content-Type: text/html\r\n");
    else
        tdp_buf_puts(b, "Content-Type: application/warc-fields\r\n");
    if (clen != -2)
        tdp_buf_printf(b, "Content-Length: %ld\r\n", clen >= 0 ? clen : (long)blen);
    tdp_buf_puts(b, "\r\n");
    tdp_buf_put(b, block, blen);
    tdp_buf_puts(b, "\r\n\r\n");
}

static void response(tdp_buf *b, const char *uri, const char *headers, const char *body,
                     long clen)
{
    tdp_buf blk = TDP_BUF_INIT;
    tdp_buf_printf(&blk, "HTTP/1.1 200 OK\r\n%s\r\n%s", headers, body);
    rec(b, "response", uri, blk.data, blk.len, clen);
    tdp_buf_free(&blk);
}

typedef struct got {
    int n_ok, n_err;
    char urls[8][128];
    char texts[8][512];
    char errs[8][256];
    td_status sts[8];
} got;

static void drain(td_reader *r, got *g)
{
    memset(g, 0, sizeof *g);
    for (int guard = 0; guard < 64; guard++) {
        td_article *a;
        td_status st = td_reader_next(r, &a);
        if (st == TD_END)
            return;
        if (st) {
            if (g->n_err < 8) {
                snprintf(g->errs[g->n_err], sizeof g->errs[0], "%s", td_reader_error(r));
                g->sts[g->n_err] = st;
            }
            g->n_err++;
            continue;
        }
        assert_int_equal(td_clean(a), TD_OK);
        if (g->n_ok < 8) {
            snprintf(g->urls[g->n_ok], sizeof g->urls[0], "%s",
                     td_article_url(a) ? td_article_url(a) : "");
            snprintf(g->texts[g->n_ok], sizeof g->texts[0], "%s", a->text ? a->text : "");
        }
        g->n_ok++;
        td_article_free(a);
    }
    fail_msg("reader did not end");
}

/* Reads b as crawl.warc under a size limit of max bytes (0: the default); returns
 * the number of records skipped as not text. */
static uint64_t read_buf(const tdp_buf *b, size_t max, got *g)
{
    td_reader_opts o = {max, 0};
    td_reader *r = td_reader_new(&o);
    assert_non_null(r);
    assert_int_equal(td_reader_add_buffer(r, "crawl.warc", b->data, b->len), TD_OK);
    drain(r, g);
    uint64_t skipped = td_reader_skipped(r);
    td_reader_free(r);
    return skipped;
}

static const char k_html_hdr[] = "Content-Type: text/html; charset=utf-8\r\n";

static void test_responses_and_skips(void **state)
{
    (void)state;
    tdp_buf b = TDP_BUF_INIT;
    rec(&b, "warcinfo", NULL, "software: x\r\n", 13, -1);
    rec(&b, "request", "http://a.example/1", "GET /1 HTTP/1.1\r\n\r\n", 19, -1);
    response(&b, "http://a.example/1", k_html_hdr,
             PAGE("The council met in Brussels on Wednesday for four hours of talks."), -1);
    response(&b, "http://a.example/logo.png", "Content-Type: image/png\r\n", "\x89PNG....", -1);
    rec(&b, "metadata", "http://a.example/1", "via: x\r\n", 8, -1);
    response(&b, "<http://b.example/2>", k_html_hdr,
             PAGE("Ministers said on Friday that the talks would go on next week."), -1);
    rec(&b, "resource", "http://c.example/3",
        PAGE("A resource record holds the page without HTTP headers at all."),
        strlen(PAGE("A resource record holds the page without HTTP headers at all.")), -1);
    got g;
    read_buf(&b, 0, &g);
    assert_int_equal(g.n_err, 0);
    assert_int_equal(g.n_ok, 3);
    assert_string_equal(g.urls[0], "http://a.example/1");
    assert_string_equal(g.urls[1], "http://b.example/2");
    assert_string_equal(g.texts[0],
                        "The council met in Brussels on Wednesday for four hours of talks.");
    assert_string_equal(g.texts[2],
                        "A resource record holds the page without HTTP headers at all.");
    tdp_buf_free(&b);
}

static void test_fetch_date_is_fallback(void **state)
{
    (void)state;
    tdp_buf b = TDP_BUF_INIT;
    response(&b, "http://a.example/x", k_html_hdr,
             PAGE("No date is given anywhere on this page, so the fetch date stands."), -1);
    response(&b, "http://a.example/y", k_html_hdr,
             "<html><head><meta property=\"article:published_time\" "
             "content=\"2021-12-26T10:00:00+03:00\"></head><body><p>The page says when "
             "it was published, and that date wins over the fetch date.</p></body></html>",
             -1);
    td_reader *r = td_reader_new(NULL);
    assert_int_equal(td_reader_add_buffer(r, "c.warc", b.data, b.len), TD_OK);
    td_article *a;
    assert_int_equal(td_reader_next(r, &a), TD_OK);
    assert_int_equal(td_clean(a), TD_OK);
    char d[32];
    td_date dt = td_article_date(a);
    td_date_format(&dt, d, sizeof d);
    assert_string_equal(d, "2022-01-15T08:24Z");
    td_article_free(a);
    assert_int_equal(td_reader_next(r, &a), TD_OK);
    assert_int_equal(td_clean(a), TD_OK);
    dt = td_article_date(a);
    td_date_format(&dt, d, sizeof d);
    assert_string_equal(d, "2021-12-26T07:00Z");
    td_article_free(a);
    assert_int_equal(td_reader_next(r, &a), TD_END);
    td_reader_free(r);
    tdp_buf_free(&b);
}

static void test_missing_length_resyncs(void **state)
{
    (void)state;
    tdp_buf b = TDP_BUF_INIT;
    response(&b, "http://a.example/1", k_html_hdr,
             PAGE("First page with enough words to be an article of its own here."), -2);
    response(&b, "http://a.example/2", k_html_hdr,
             PAGE("Second page that must survive the broken record before it."), -1);
    got g;
    read_buf(&b, 0, &g);
    assert_int_equal(g.n_err, 1);
    assert_non_null(strstr(g.errs[0], "crawl.warc: record 1: missing or invalid Content-Length"));
    assert_int_equal(g.n_ok, 1);
    assert_string_equal(g.urls[0], "http://a.example/2");
    tdp_buf_free(&b);
}

static void test_wrong_lengths_resync(void **state)
{
    (void)state;
    tdp_buf b = TDP_BUF_INIT;
    /* Too long: runs into the next record. */
    response(&b, "http://a.example/1", k_html_hdr,
             PAGE("A page whose Content-Length is far too large for its block."), 400);
    response(&b, "http://a.example/2", k_html_hdr,
             PAGE("The second page is read although the first one lied about it."), -1);
    /* Too short: the block does not end with CRLF CRLF. */
    response(&b, "http://a.example/3", k_html_hdr,
             PAGE("A page whose Content-Length is too small for its block here."), 40);
    response(&b, "http://a.example/4", k_html_hdr,
             PAGE("The fourth page is read as well, after the short record."), -1);
    got g;
    read_buf(&b, 0, &g);
    assert_int_equal(g.n_err, 2);
    assert_non_null(strstr(g.errs[0], "record 1"));
    assert_non_null(strstr(g.errs[1], "record 3"));
    assert_int_equal(g.n_ok, 2);
    assert_string_equal(g.urls[0], "http://a.example/2");
    assert_string_equal(g.urls[1], "http://a.example/4");
    tdp_buf_free(&b);
}

static void test_garbage_and_truncation(void **state)
{
    (void)state;
    tdp_buf b = TDP_BUF_INIT;
    tdp_buf_puts(&b, "this is not a WARC file line\r\nnor this\r\n");
    response(&b, "http://a.example/1", k_html_hdr,
             PAGE("After some garbage the first real record is still found here."), -1);
    response(&b, "http://a.example/2", k_html_hdr,
             PAGE("This last record is cut in the middle of its block by the end."), -1);
    b.len -= 60; /* cut the last block */
    got g;
    read_buf(&b, 0, &g);
    assert_int_equal(g.n_ok, 1);
    assert_string_equal(g.urls[0], "http://a.example/1");
    assert_int_equal(g.n_err, 2);
    assert_non_null(strstr(g.errs[0], "no WARC version line"));
    assert_non_null(strstr(g.errs[1], "truncated"));
    assert_int_equal(g.sts[1], TD_ECORRUPT);
    tdp_buf_free(&b);
}

static void test_charset_chunked_gzip(void **state)
{
    (void)state;
    tdp_buf b = TDP_BUF_INIT;
    /* Latin-1 page declared only by the HTTP header. */
    response(&b, "http://a.example/latin1", "Content-Type: text/html; charset=ISO-8859-1\r\n",
             PAGE("Le caf\xe9 de la gare a ferm\xe9 ses portes apr\xe8s cent ans de service."),
             -1);
    /* Chunked transfer coding. */
    const char *page = PAGE("Chunked bodies are joined again before the page is read here.");
    tdp_buf ch = TDP_BUF_INIT;
    size_t half = strlen(page) / 2;
    tdp_buf_printf(&ch, "%zx\r\n", half);
    tdp_buf_put(&ch, page, half);
    tdp_buf_printf(&ch, "\r\n%zx\r\n%s\r\n0\r\n\r\n", strlen(page) - half, page + half);
    response(&b, "http://a.example/chunked",
             "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n", ch.data, -1);
    tdp_buf_free(&ch);
    /* gzip content coding (binary body, so built by hand). */
    const char *gp = PAGE("Compressed bodies are inflated before the page is read by us.");
    unsigned char z[1024];
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    assert_int_equal(deflateInit2(&zs, 6, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY), Z_OK);
    zs.next_in = (Bytef *)(uintptr_t)gp;
    zs.avail_in = (uInt)strlen(gp);
    zs.next_out = z;
    zs.avail_out = sizeof z;
    assert_int_equal(deflate(&zs, Z_FINISH), Z_STREAM_END);
    size_t zl = sizeof z - zs.avail_out;
    deflateEnd(&zs);
    tdp_buf blk = TDP_BUF_INIT;
    tdp_buf_puts(&blk, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n");
    tdp_buf_put(&blk, z, zl);
    rec(&b, "response", "http://a.example/gzip", blk.data, blk.len, -1);
    tdp_buf_free(&blk);
    /* A 404 page and a binary page served as HTML. */
    tdp_buf_puts(&b, "");
    tdp_buf blk2 = TDP_BUF_INIT;
    tdp_buf_puts(&blk2, "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>gone</p>");
    rec(&b, "response", "http://a.example/404", blk2.data, blk2.len, -1);
    tdp_buf_reset(&blk2);
    tdp_buf_puts(&blk2, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n");
    tdp_buf_put(&blk2, "\x00\x01\x02\x03\x00\x00\x05binary\x00", 14);
    rec(&b, "response", "http://a.example/bin", blk2.data, blk2.len, -1);
    tdp_buf_free(&blk2);
    got g;
    td_reader *r = td_reader_new(NULL);
    assert_non_null(r);
    assert_int_equal(td_reader_add_buffer(r, "crawl.warc", b.data, b.len), TD_OK);
    drain(r, &g);
    /* the 404 page and the binary one are not text: skipped quietly, counted */
    assert_int_equal(td_reader_skipped(r), 2);
    td_reader_free(r);
    assert_int_equal(g.n_ok, 3);
    assert_string_equal(g.texts[0], "Le caf\xc3\xa9 de la gare a ferm\xc3\xa9 ses portes "
                                    "apr\xc3\xa8s cent ans de service.");
    assert_string_equal(g.texts[1],
                        "Chunked bodies are joined again before the page is read here.");
    assert_string_equal(g.texts[2],
                        "Compressed bodies are inflated before the page is read by us.");
    assert_int_equal(g.n_err, 0);
    tdp_buf_free(&b);
}

/* Records over the size limit: a length that lies by eighteen digits loses nothing
 * after it; a video over the limit is skipped quietly and counted; a page over it
 * is reported. */
static void test_over_the_limit(void **state)
{
    (void)state;
    tdp_buf b = TDP_BUF_INIT;
    response(&b, "http://a.example/1", k_html_hdr,
             PAGE("The council met in Brussels on Wednesday for four hours of talks."), -1);
    response(&b, "http://a.example/lie", k_html_hdr,
             PAGE("This record claims a length of nearly a billion gigabytes."),
             999999999999999999L);
    response(&b, "http://a.example/3", k_html_hdr,
             PAGE("The ferry to the islands sailed again on Thursday after the storm."), -1);
    /* 3 MiB of video without a NUL, past a 1 MiB limit */
    size_t vn = 3u << 20;
    char *video = malloc(vn);
    assert_non_null(video);
    for (size_t i = 0; i < vn; i++)
        video[i] = (char)(1 + (i * 7919u) % 255u);
    tdp_buf blk = TDP_BUF_INIT;
    tdp_buf_puts(&blk, "HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\n\r\n");
    tdp_buf_put(&blk, video, vn);
    rec(&b, "response", "http://a.example/video.mp4", blk.data, blk.len, -1);
    /* the same bytes as a page */
    tdp_buf_reset(&blk);
    tdp_buf_puts(&blk, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html>");
    tdp_buf_put(&blk, video, vn);
    rec(&b, "response", "http://a.example/big.html", blk.data, blk.len, -1);
    response(&b, "http://a.example/5", k_html_hdr,
             PAGE("The harbour office counted thirty ships at anchor on Friday morning."), -1);
    tdp_buf_free(&blk);
    free(video);
    got g;
    uint64_t skipped = read_buf(&b, 1u << 20, &g);
    assert_int_equal(g.n_ok, 3);
    assert_string_equal(g.urls[0], "http://a.example/1");
    assert_string_equal(g.urls[1], "http://a.example/3");
    assert_string_equal(g.urls[2], "http://a.example/5");
    assert_int_equal(g.n_err, 2);
    assert_int_equal(g.sts[0], TD_EPARSE);
    assert_non_null(strstr(g.errs[0], "record 2: Content-Length 999999999999999999 runs past "
                                      "the next record"));
    assert_int_equal(g.sts[1], TD_ETOOBIG);
    assert_non_null(strstr(g.errs[1], "record 5: "));
    assert_non_null(strstr(g.errs[1], "larger than the 1 MiB limit"));
    assert_int_equal(skipped, 1);
    tdp_buf_free(&b);
}

/* A record over the limit that is the last of the file and ends exactly at its end
 * (no blank line after it) is complete: a page is over the limit, not truncated; a
 * video is skipped quietly. */
static void test_over_the_limit_at_the_end(void **state)
{
    (void)state;
    size_t vn = 2u << 20;
    char *big = malloc(vn);
    assert_non_null(big);
    for (size_t i = 0; i < vn; i++)
        big[i] = (char)('a' + i % 26u);
    static const char *const types[] = {"text/html", "video/mp4"};
    for (int t = 0; t < 2; t++) {
        tdp_buf b = TDP_BUF_INIT, blk = TDP_BUF_INIT;
        response(&b, "http://a.example/1", k_html_hdr,
                 PAGE("The council met in Brussels on Wednesday for four hours of talks."), -1);
        tdp_buf_printf(&blk, "HTTP/1.1 200 OK\r\nContent-Type: %s\r\n\r\n<html>", types[t]);
        tdp_buf_put(&blk, big, vn);
        rec(&b, "response", "http://a.example/big", blk.data, blk.len, -1);
        b.len -= 4; /* the block ends the file */
        got g;
        uint64_t skipped = read_buf(&b, 1u << 20, &g);
        assert_int_equal(g.n_ok, 1);
        if (t == 0) {
            assert_int_equal(g.n_err, 1);
            assert_int_equal(g.sts[0], TD_ETOOBIG);
            assert_non_null(strstr(g.errs[0], "record 2: "));
            assert_non_null(strstr(g.errs[0], "larger than the 1 MiB limit"));
            assert_int_equal(skipped, 0);
        } else {
            assert_int_equal(g.n_err, 0);
            assert_int_equal(skipped, 1);
        }
        tdp_buf_free(&b);
        tdp_buf_free(&blk);
    }
    free(big);
}

static size_t gz_member(const char *s, size_t n, unsigned char *out, size_t cap)
{
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    deflateInit2(&zs, 6, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY);
    zs.next_in = (Bytef *)(uintptr_t)s;
    zs.avail_in = (uInt)n;
    zs.next_out = out;
    zs.avail_out = (uInt)cap;
    deflate(&zs, Z_FINISH);
    size_t l = cap - zs.avail_out;
    deflateEnd(&zs);
    return l;
}

static void test_gzip_members(void **state)
{
    (void)state;
    char dir[] = "/tmp/td-warc-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[128], bad[128];
    snprintf(path, sizeof path, "%s/crawl.warc.gz", dir);
    snprintf(bad, sizeof bad, "%s/broken.warc.gz", dir);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    unsigned char z[4096];
    tdp_buf all = TDP_BUF_INIT;
    for (int i = 0; i < 3; i++) {
        tdp_buf b = TDP_BUF_INIT;
        char uri[64];
        snprintf(uri, sizeof uri, "http://a.example/%d", i);
        response(&b, uri, k_html_hdr,
                 PAGE("Each record sits in a gzip member of its own in this file."), -1);
        size_t l = gz_member(b.data, b.len, z, sizeof z);
        fwrite(z, 1, l, f);
        tdp_buf_put(&all, z, l);
        tdp_buf_free(&b);
    }
    fclose(f);
    /* The same file cut inside its last member. */
    f = fopen(bad, "wb");
    assert_non_null(f);
    fwrite(all.data, 1, all.len - 20, f);
    fclose(f);
    tdp_buf_free(&all);

    td_reader *r = td_reader_new(NULL);
    assert_int_equal(td_reader_add(r, path), TD_OK);
    assert_int_equal(td_reader_add(r, bad), TD_OK);
    got g;
    drain(r, &g);
    td_reader_free(r);
    assert_int_equal(g.n_ok, 5);
    assert_string_equal(g.urls[2], "http://a.example/2");
    assert_int_equal(g.n_err, 1);
    assert_non_null(strstr(g.errs[0], "broken.warc.gz"));
    unlink(path);
    unlink(bad);
    rmdir(dir);
}

static void test_sniffed_warc(void **state)
{
    (void)state;
    tdp_buf b = TDP_BUF_INIT;
    response(&b, "http://a.example/1", k_html_hdr,
             PAGE("A WARC file without the extension is recognised by its first line."), -1);
    td_reader *r = td_reader_new(NULL);
    assert_int_equal(td_reader_add_buffer(r, "crawl-0001", b.data, b.len), TD_OK);
    got g;
    drain(r, &g);
    td_reader_free(r);
    assert_int_equal(g.n_ok, 1);
    tdp_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_responses_and_skips),
        cmocka_unit_test(test_over_the_limit),
        cmocka_unit_test(test_over_the_limit_at_the_end),
        cmocka_unit_test(test_fetch_date_is_fallback),
        cmocka_unit_test(test_missing_length_resyncs),
        cmocka_unit_test(test_wrong_lengths_resync),
        cmocka_unit_test(test_garbage_and_truncation),
        cmocka_unit_test(test_charset_chunked_gzip),
        cmocka_unit_test(test_gzip_members),
        cmocka_unit_test(test_sniffed_warc),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

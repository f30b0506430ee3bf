/*
 * warc.c - WARC files (plain or gzip, one member per record or one for all).
 *
 * Each call returns the next response (or resource) record whose HTTP payload is
 * an HTML page, as an article with html, url (WARC-Target-URI) and the fetch date
 * (WARC-Date, used when the page gives no publication date). Other record types
 * and non-HTML payloads (images, scripts, video, binary data served as HTML) are
 * skipped quietly and counted (td_reader_skipped), also when they are over the
 * size limit. The HTTP headers of the record give
 * the charset (pages not valid UTF-8 are converted here), the status (only 2xx
 * pages are kept), and the transfer and content encodings (chunked, gzip and
 * deflate are undone, bounded by the size limit).
 *
 * A broken record (missing or bad Content-Length, missing headers, a block that
 * does not end where its length says) is reported once and reading resumes at the
 * next line that starts a record ("WARC/"), so one bad record loses nothing after
 * it; a record over the size limit is skipped up to a record start inside it, so a
 * wrong length (999999999999999999) loses nothing after it either. A record cut short by the end of the input is reported; a damaged gzip
 * stream ends the file (the reader reports it).
 */
#include <stdio.h>
#include <stdlib.h>

#include "html/html_p.h"
#include "read/read_p.h"

#define HEADER_LINE_MAX (64 * 1024)
#define HEADER_LINES_MAX 256

typedef struct whead {
    char type[32];
    char ctype[128];
    long long clen;          /* -1 when missing or invalid */
    const char *uri;         /* in hdr buffer */
    size_t uri_len;
    const char *date;
    size_t date_len;
} whead;

static char lc(char c) { return (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c; }

static bool name_is(const char *s, size_t n, const char *name)
{
    size_t l = strlen(name);
    if (n != l)
        return false;
    for (size_t i = 0; i < l; i++)
        if (lc(s[i]) != name[i])
            return false;
    return true;
}

static bool starts_ci(const char *s, size_t n, const char *w)
{
    size_t l = strlen(w);
    if (n < l)
        return false;
    for (size_t i = 0; i < l; i++)
        if (lc(s[i]) != w[i])
            return false;
    return true;
}

static void trim(const char **s, size_t *n)
{
    while (*n && (**s == ' ' || **s == '\t')) {
        (*s)++;
        (*n)--;
    }
    while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t' || (*s)[*n - 1] == '\r'))
        (*n)--;
}

static long long parse_len(const char *s, size_t n)
{
    trim(&s, &n);
    if (!n || n > 18)
        return -1;
    long long v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* Moves the stream to the next line that starts with "WARC/" (not consumed); the
 * current position counts as a line start. */
static void resync(tdp_stream *st)
{
    bool at_line = true;
    for (size_t seen = 0;;) {
        if (seen > TDP_SCAN_MAX) { /* no record anywhere near: give the input up */
            st->err = TD_ECORRUPT;
            snprintf(st->errmsg, sizeof st->errmsg,
                     "no WARC record within %zu MiB: the rest is not read",
                     TDP_SCAN_MAX >> 20);
            st->beg = st->end;
            return;
        }
        size_t have = tdp_stream_fill(st, 5);
        if (have < 5) {
            st->beg = st->end;
            return;
        }
        const char *b = st->buf + st->beg;
        size_t k = 0;
        while (k + 5 <= have) {
            const char *w = memchr(b + k, 'W', have - 4 - k);
            if (!w)
                break;
            k = (size_t)(w - b);
            if ((k ? b[k - 1] == '\n' : at_line) && memcmp(w, "WARC/", 5) == 0) {
                st->beg += k;
                return;
            }
            k++;
        }
        /* Keep the last 4 bytes: a "WARC/" may straddle the refill. */
        at_line = b[have - 5] == '\n';
        st->beg += have - 4;
        seen += have - 4;
    }
}

/* Reads the WARC header block; TD_END at end of input. hdr keeps the lines. */
static td_status read_header(tdp_stream *st, whead *h, tdp_buf *hdr, tdp_buf *why,
                             uint64_t rec)
{
    const char *line;
    size_t len;
    td_status s;
    /* Blank lines between records. */
    for (;;) {
        s = tdp_stream_line(st, HEADER_LINE_MAX, &line, &len);
        if (s == TD_END)
            return TD_END;
        if (s == TD_ETOOBIG)
            break;
        if (s)
            return s;
        size_t i = 0;
        while (i < len && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r'))
            i++;
        if (i < len)
            break;
    }
    if (s == TD_ETOOBIG || len < 5 || memcmp(line, "WARC/", 5) != 0) {
        tdp_buf_printf(why, "record %llu: no WARC version line, skipped to the next record",
                       (unsigned long long)rec);
        resync(st);
        return TD_EPARSE;
    }
    memset(h, 0, sizeof *h);
    h->clen = -1;
    tdp_buf_reset(hdr);
    size_t uri_off = 0, date_off = 0;
    bool have_uri = false, have_date = false, ended = false;
    for (int n = 0; n < HEADER_LINES_MAX; n++) {
        s = tdp_stream_line(st, HEADER_LINE_MAX, &line, &len);
        if (s == TD_END)
            break;
        if (s == TD_ETOOBIG)
            continue;
        if (s)
            return s;
        if (len == 0 || (len == 1 && line[0] == '\r')) {
            ended = true;
            break;
        }
        if (len >= 5 && memcmp(line, "WARC/", 5) == 0) {
            /* A new record began inside this header: the header was cut. */
            tdp_buf_printf(why, "record %llu: header block cut short",
                           (unsigned long long)rec);
            return TD_EPARSE;
        }
        const char *colon = memchr(line, ':', len);
        if (!colon)
            continue;
        size_t nl = (size_t)(colon - line);
        const char *v = colon + 1;
        size_t vl = len - nl - 1;
        trim(&v, &vl);
        if (name_is(line, nl, "warc-type")) {
            size_t l = vl < sizeof h->type - 1 ? vl : sizeof h->type - 1;
            for (size_t i = 0; i < l; i++)
                h->type[i] = lc(v[i]);
            h->type[l] = '\0';
        } else if (name_is(line, nl, "content-length")) {
            h->clen = parse_len(v, vl);
        } else if (name_is(line, nl, "content-type")) {
            size_t l = vl < sizeof h->ctype - 1 ? vl : sizeof h->ctype - 1;
            for (size_t i = 0; i < l; i++)
                h->ctype[i] = lc(v[i]);
            h->ctype[l] = '\0';
        } else if (name_is(line, nl, "warc-target-uri")) {
            if (vl >= 2 && v[0] == '<' && v[vl - 1] == '>') {
                v++;
                vl -= 2;
            }
            uri_off = hdr->len;
            h->uri_len = vl;
            have_uri = true;
            tdp_buf_put(hdr, v, vl);
            tdp_buf_putc(hdr, '\0');
        } else if (name_is(line, nl, "warc-date")) {
            date_off = hdr->len;
            h->date_len = vl;
            have_date = true;
            tdp_buf_put(hdr, v, vl);
            tdp_buf_putc(hdr, '\0');
        }
    }
    if (hdr->err)
        return hdr->err;
    if (have_uri)
        h->uri = hdr->data + uri_off;
    if (have_date)
        h->date = hdr->data + date_off;
    if (!ended) {
        tdp_buf_printf(why, "record %llu: header block does not end",
                       (unsigned long long)rec);
        resync(st);
        return TD_EPARSE;
    }
    if (h->clen < 0) {
        tdp_buf_printf(why, "record %llu: missing or invalid Content-Length, skipped to "
                       "the next record", (unsigned long long)rec);
        resync(st);
        return TD_EPARSE;
    }
    if (!h->type[0]) {
        tdp_buf_printf(why, "record %llu: missing WARC-Type", (unsigned long long)rec);
        resync(st);
        return TD_EPARSE;
    }
    return TD_OK;
}

/* ---- HTTP payloads ---- */

/* Undoes chunked transfer coding; false if the framing is broken. */
static bool dechunk(const char *s, size_t n, tdp_buf *out)
{
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        unsigned long long sz = 0;
        int digits = 0;
        while (j < n && digits < 16) {
            char c = lc(s[j]);
            int v = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
            if (v < 0)
                break;
            sz = sz * 16 + (unsigned)v;
            j++;
            digits++;
        }
        if (!digits)
            return false;
        const char *nl = memchr(s + j, '\n', n - j);
        if (!nl)
            return false;
        j = (size_t)(nl - s) + 1;
        if (sz == 0)
            return true;
        if (sz > n - j)
            sz = n - j; /* a last chunk cut short: keep what there is */
        tdp_buf_put(out, s + j, (size_t)sz);
        j += (size_t)sz;
        if (j < n && s[j] == '\r')
            j++;
        if (j < n && s[j] == '\n')
            j++;
        i = j;
    }
    return true;
}

/* gzip or zlib/deflate content coding; false if it cannot be decoded. */
static bool inflate_body(const char *s, size_t n, size_t max, tdp_buf *out, bool raw)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, raw ? -15 : 15 + 32) != Z_OK)
        return false;
    char *in;
    memcpy(&in, &s, sizeof in); /* zlib reads only */
    z.next_in = (Bytef *)in;
    z.avail_in = (uInt)(n > UINT32_MAX ? UINT32_MAX : n);
    char chunk[65536];
    int r = Z_OK;
    while (r == Z_OK) {
        z.next_out = (Bytef *)chunk;
        z.avail_out = sizeof chunk;
        r = inflate(&z, Z_NO_FLUSH);
        size_t got = sizeof chunk - z.avail_out;
        if (out->len + got > max) {
            r = Z_MEM_ERROR;
            break;
        }
        tdp_buf_put(out, chunk, got);
        if (r == Z_BUF_ERROR && !z.avail_in)
            break; /* truncated: keep what was decoded */
    }
    inflateEnd(&z);
    return (r == Z_STREAM_END || r == Z_BUF_ERROR || r == Z_OK) && !out->err && out->len;
}

typedef struct http {
    int status;
    char ctype[128];
    bool chunked;
    int coding;              /* 0 identity, 1 gzip/zlib, 2 raw deflate guess */
    size_t body;             /* offset of the body */
} http;

static bool parse_http(const char *s, size_t n, http *h)
{
    memset(h, 0, sizeof *h);
    if (n < 12 || memcmp(s, "HTTP/", 5) != 0)
        return false;
    const char *sp = memchr(s, ' ', n < 32 ? n : 32);
    if (!sp || (size_t)(sp - s) + 4 > n)
        return false;
    h->status = (sp[1] - '0') * 100 + (sp[2] - '0') * 10 + (sp[3] - '0');
    size_t i = 0;
    for (int lines = 0; lines < 500; lines++) {
        const char *nl = memchr(s + i, '\n', n - i);
        if (!nl)
            return false;
        i = (size_t)(nl - s) + 1;
        const char *line = s + i;
        const char *e = memchr(line, '\n', n - i);
        size_t len = e ? (size_t)(e - line) : n - i;
        if (len && line[len - 1] == '\r')
            len--;
        if (len == 0) {
            h->body = e ? (size_t)(e - s) + 1 : n;
            return true;
        }
        const char *colon = memchr(line, ':', len);
        if (!colon)
            continue;
        size_t nl2 = (size_t)(colon - line);
        const char *v = colon + 1;
        size_t vl = len - nl2 - 1;
        trim(&v, &vl);
        if (name_is(line, nl2, "content-type")) {
            size_t l = vl < sizeof h->ctype - 1 ? vl : sizeof h->ctype - 1;
            for (size_t k = 0; k < l; k++)
                h->ctype[k] = lc(v[k]);
            h->ctype[l] = '\0';
        } else if (name_is(line, nl2, "transfer-encoding")) {
            h->chunked = starts_ci(v, vl, "chunked");
        } else if (name_is(line, nl2, "content-encoding")) {
            if (starts_ci(v, vl, "gzip") || starts_ci(v, vl, "x-gzip"))
                h->coding = 1;
            else if (starts_ci(v, vl, "deflate"))
                h->coding = 2;
        }
    }
    return false;
}

static bool html_type(const char *ct)
{
    return strncmp(ct, "text/html", 9) == 0 || strncmp(ct, "application/xhtml", 17) == 0;
}

/* Builds the article from a record block; TD_END means "not a page: skip". */
static td_status record_article(const whead *h, const char *blk, size_t n, size_t max,
                                td_article **out, tdp_buf *why, uint64_t rec)
{
    const char *body = blk;
    size_t blen = n;
    char charset[48] = "";
    tdp_buf dec = TDP_BUF_INIT, dec2 = TDP_BUF_INIT, utf = TDP_BUF_INIT;
    td_status st = TD_OK;
    if (strcmp(h->type, "response") == 0) {
        if (strncmp(h->ctype, "application/http", 16) != 0)
            return TD_END; /* dns:, metadata as response... */
        http hp;
        if (!parse_http(blk, n, &hp)) {
            tdp_buf_printf(why, "record %llu: malformed HTTP response headers",
                           (unsigned long long)rec);
            return TD_EPARSE;
        }
        if (hp.status < 200 || hp.status > 299)
            return TD_END;
        if (hp.ctype[0] && !html_type(hp.ctype))
            return TD_END;
        body = blk + hp.body;
        blen = n - hp.body;
        if (!hp.ctype[0]) { /* no type given: only what looks like HTML */
            size_t k = 0;
            while (k < blen && (body[k] == ' ' || body[k] == '\n' || body[k] == '\r' ||
                                body[k] == '\t'))
                k++;
            if (k == blen || body[k] != '<')
                return TD_END;
        }
        tdp_http_charset(hp.ctype, strlen(hp.ctype), charset, sizeof charset);
        if (hp.chunked) {
            if (dechunk(body, blen, &dec) && !dec.err) {
                body = dec.data ? dec.data : "";
                blen = dec.len;
            } else if (dec.err) {
                st = dec.err;
                goto done;
            }
        }
        if (hp.coding && blen) {
            if (inflate_body(body, blen, max, &dec2, hp.coding == 2 &&
                                                         (unsigned char)body[0] != 0x78)) {
                body = dec2.data;
                blen = dec2.len;
            } else {
                tdp_buf_printf(why, "record %llu: cannot decode %s content",
                               (unsigned long long)rec, hp.coding == 1 ? "gzip" : "deflate");
                st = TD_ECORRUPT;
                goto done;
            }
        }
    } else if (strcmp(h->type, "resource") == 0) {
        if (!html_type(h->ctype))
            return TD_END;
        tdp_http_charset(h->ctype, strlen(h->ctype), charset, sizeof charset);
    } else {
        return TD_END;
    }
    size_t k = 0;
    while (k < blen && (body[k] == ' ' || body[k] == '\n' || body[k] == '\r' || body[k] == '\t'))
        k++;
    if (k == blen) {
        tdp_buf_printf(why, "record %llu: empty page", (unsigned long long)rec);
        st = TD_EEMPTY;
        goto done;
    }
    if (tdp_looks_binary(body, blen)) {
        st = TD_END; /* binary data served as HTML: not text, skipped and counted */
        goto done;
    }
    /* The HTTP charset is the strongest evidence: decode now, so the page is
     * UTF-8 when the extractor sees it. Pages already valid UTF-8 stay as they are. */
    if (charset[0]) {
        size_t ul;
        const char *u = tdp_html_utf8(body, blen, charset, &utf, &ul);
        if (!u) {
            st = TD_ENOMEM;
            goto done;
        }
        body = u;
        blen = ul;
    }
    td_article *a = td_article_new();
    if (!a || td_article_set(a, TD_FIELD_HTML, body, blen) ||
        (h->uri && td_article_set(a, TD_FIELD_URL, h->uri, h->uri_len))) {
        td_article_free(a);
        st = TD_ENOMEM;
        goto done;
    }
    if (h->date) {
        td_date d;
        if (td_date_parse(h->date, h->date_len, &d) == TD_OK)
            a->fetch_date = d;
    }
    if (h->uri) {
        /* The record's URI names the article (unique within a crawl). */
        if (td_article_set(a, TD_FIELD_ID, h->uri, h->uri_len)) {
            td_article_free(a);
            st = TD_ENOMEM;
            goto done;
        }
    }
    *out = a;
done:
    tdp_buf_free(&dec);
    tdp_buf_free(&dec2);
    tdp_buf_free(&utf);
    return st;
}

/*
 * Skips the block of a record over the size limit (n bytes) without keeping it. A
 * length that lies (999999999999999999) must not swallow the records after it, so
 * the skip stops where a record starts inside the block: "WARC/1." opening the line
 * after a blank one. Returns 1 when it stopped there, 0 when the block was skipped
 * whole (also when the input ends right after it), -1 when the input ended (or
 * broke) before the block did.
 */
static int skip_block(tdp_stream *st, unsigned long long n)
{
    static const char rec[] = "WARC/1.";
    int blank = 3; /* 1: after "\n", 2: after "\n\r", 3: at a line after a blank one */
    size_t m = 0, scan = 0;
    unsigned long long done = 0;
    for (;;) {
        size_t have = tdp_stream_fill(st, scan + 65536);
        if (have <= scan) {
            st->beg += have;
            /* the input ended: exactly where the block does is a whole block */
            return done + have == n && !st->err ? 0 : -1;
        }
        const char *b = st->buf + st->beg;
        for (size_t k = scan; k < have; k++) {
            if (done + k == n) {
                st->beg += k;
                return 0;
            }
            char c = b[k];
            if ((blank == 3 || m) && c == rec[m]) {
                blank = 0;
                if (++m == sizeof rec - 1) {
                    st->beg += k + 1 - m;
                    return 1;
                }
                continue;
            }
            m = 0;
            if (c == '\n')
                blank = blank ? 3 : 1;
            else if (c == '\r' && blank)
                blank = 2;
            else
                blank = 0;
        }
        /* Keep the last bytes unread: a record start may straddle the refill. */
        size_t adv = have > sizeof rec ? have - sizeof rec : 0;
        st->beg += adv;
        done += adv;
        scan = have - adv;
    }
}

/* Whether a record over the size limit holds a page (so that losing it is an
 * error), from the start of its block: the HTTP status and type of a response, the
 * type of a resource. Video, images and the like are not pages. */
static bool block_is_page(tdp_stream *st, const whead *h)
{
    if (strcmp(h->type, "resource") == 0)
        return html_type(h->ctype);
    if (strncmp(h->ctype, "application/http", 16) != 0)
        return false;
    size_t have = tdp_stream_fill(st, 65536);
    http hp;
    if (!parse_http(st->buf + st->beg, have, &hp))
        return false;
    if (hp.status < 200 || hp.status > 299 || (hp.ctype[0] && !html_type(hp.ctype)))
        return false;
    if (!hp.ctype[0]) {
        const char *p = st->buf + st->beg + hp.body;
        size_t k = 0, bl = have - hp.body;
        while (k < bl && (p[k] == ' ' || p[k] == '\n' || p[k] == '\r' || p[k] == '\t'))
            k++;
        return k < bl && p[k] == '<';
    }
    return true;
}

td_status tdp_warc_next(tdp_source *src, size_t max, td_article **out, tdp_buf *why)
{
    tdp_stream *st = &src->st;
    whead h;
    tdp_buf hdr = TDP_BUF_INIT;
    *out = NULL;
    for (;;) {
        uint64_t rec = src->record + 1;
        td_status s = read_header(st, &h, &hdr, why, rec);
        if (s == TD_END || (s && st->err)) {
            tdp_buf_free(&hdr);
            return TD_END; /* a damaged stream is reported by the reader */
        }
        src->record++;
        if (s) {
            tdp_buf_free(&hdr);
            return s;
        }
        size_t clen = (size_t)h.clen;
        bool wanted = strcmp(h.type, "response") == 0 || strcmp(h.type, "resource") == 0;
        if ((unsigned long long)h.clen > (unsigned long long)max) {
            bool page = wanted && block_is_page(st, &h);
            int k = skip_block(st, (unsigned long long)h.clen);
            if (st->err) {
                tdp_buf_free(&hdr);
                return TD_END; /* a damaged stream is reported by the reader */
            }
            if (k > 0) {
                tdp_buf_printf(why, "record %llu: Content-Length %lld runs past the next "
                               "record, skipped", (unsigned long long)rec, h.clen);
                tdp_buf_free(&hdr);
                return TD_EPARSE;
            }
            if (k < 0) {
                tdp_buf_printf(why, "record %llu: truncated (Content-Length %lld)",
                               (unsigned long long)rec, h.clen);
                tdp_buf_free(&hdr);
                return TD_ECORRUPT;
            }
            if (!page) { /* a video, an image: not text, skipped and counted */
                src->skipped += wanted;
                continue;
            }
            tdp_buf_printf(why, "record %llu: %lld bytes, larger than the %zu MiB limit",
                           (unsigned long long)rec, h.clen, max >> 20);
            tdp_buf_free(&hdr);
            return TD_ETOOBIG;
        }
        size_t have = tdp_stream_fill(st, clen + 4);
        if (have < clen && st->err) {
            tdp_buf_free(&hdr);
            return TD_END;
        }
        if (have < clen) {
            /* Cut short by the end of input, or the length is wrong: look for a
             * following record inside what is there. */
            const char *b = st->buf + st->beg;
            const char *w = NULL;
            for (size_t k = 0; k + 5 <= have; k++)
                if (b[k] == 'W' && (k == 0 || b[k - 1] == '\n') && memcmp(b + k, "WARC/", 5) == 0) {
                    w = b + k;
                    break;
                }
            if (w) {
                st->beg += (size_t)(w - b);
                tdp_buf_printf(why, "record %llu: Content-Length %lld runs past the next "
                               "record, skipped", (unsigned long long)rec, h.clen);
                tdp_buf_free(&hdr);
                return TD_EPARSE;
            }
            st->beg = st->end;
            tdp_buf_printf(why, "record %llu: truncated (Content-Length %lld, %zu bytes "
                           "left)", (unsigned long long)rec, h.clen, have);
            tdp_buf_free(&hdr);
            return TD_ECORRUPT;
        }
        const char *b = st->buf + st->beg;
        /* The block must be followed by CRLF CRLF (or LF LF, or the end). */
        size_t tail = have - clen;
        const char *t = b + clen;
        size_t ws = 0;
        while (ws < tail && ws < 4 && (t[ws] == '\r' || t[ws] == '\n'))
            ws++;
        bool framed = ws == tail || ws >= 2 || (tail >= 5 && memcmp(t, "WARC/", 5) == 0);
        if (!framed) {
            /* Wrong length: the next record may start inside or after the block. */
            resync(st);
            tdp_buf_printf(why, "record %llu: block does not end where Content-Length %lld "
                           "says, skipped to the next record", (unsigned long long)rec,
                           h.clen);
            tdp_buf_free(&hdr);
            return TD_EPARSE;
        }
        if (!wanted) {
            st->beg += clen;
            continue;
        }
        s = record_article(&h, b, clen, max, out, why, rec);
        st->beg += clen;
        if (s == TD_END) {
            src->skipped++; /* a response or resource that is not a page */
            continue;
        }
        tdp_buf_free(&hdr);
        return s;
    }
}

/* stream.c - buffered reading of plain or gzip-compressed input, with bounded
 * lines so that a 100 MB line costs no more than the buffer. Files read whole
 * (text, HTML, JSON) are loaded in one piece and a gzip file is inflated by
 * libdeflate in one call, in less than half the time of zlib's streaming gzread
 * (docs/reader.md); anything unusual (several members, damage, past the size limit) is streamed
 * with zlib, whose messages the errors keep. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libdeflate.h>

#include "read/read_p.h"

#define CHUNK (64 * 1024)

/* zlib's message without the "NAME: " it puts in front (we name the file ourselves). */
static const char *gz_reason(const tdp_stream *s, const char *m)
{
    size_t n = s->name ? strlen(s->name) : 0;
    if (n && strncmp(m, s->name, n) == 0 && m[n] == ':' && m[n + 1] == ' ')
        return m + n + 2;
    if (strncmp(m, "<fd:", 4) == 0) { /* gzdopen's name */
        const char *e = strstr(m, ">: ");
        if (e)
            return e + 3;
    }
    return m;
}

size_t tdp_stream_fill(tdp_stream *s, size_t want)
{
    while (s->end - s->beg < want && !s->eof && !s->err) {
        if (s->beg > 0) {
            memmove(s->buf, s->buf + s->beg, s->end - s->beg);
            s->end -= s->beg;
            s->beg = 0;
        }
        /* Grow only when the buffer cannot hold `want` bytes: to exactly that, or
         * by one chunk, so memory stays within want + CHUNK. */
        if (s->cap < want || s->cap - s->end == 0) {
            size_t nc = s->end + CHUNK > want ? s->end + CHUNK : want;
            char *nb = tdp_realloc(s->buf, nc);
            if (!nb) {
                s->err = TD_ENOMEM;
                snprintf(s->errmsg, sizeof s->errmsg, "out of memory");
                break;
            }
            s->buf = nb;
            s->cap = nc;
        }
        size_t room = s->cap - s->end;
        if (room > (1u << 30))
            room = 1u << 30;
        if (s->gz) {
            int got = gzread(s->gz, s->buf + s->end, (unsigned)room);
            if (got < 0) {
                int zerr;
                const char *m = gz_reason(s, gzerror(s->gz, &zerr));
                s->err = zerr == Z_ERRNO ? TD_EIO : TD_ECORRUPT;
                snprintf(s->errmsg, sizeof s->errmsg, "%s%s",
                         zerr == Z_ERRNO ? "read error" : "compressed data: ",
                         zerr == Z_ERRNO ? "" : m);
                break;
            }
            if (got == 0) {
                int zerr;
                const char *m = gz_reason(s, gzerror(s->gz, &zerr));
                if (zerr != Z_OK && zerr != Z_STREAM_END) {
                    s->err = TD_ECORRUPT;
                    snprintf(s->errmsg, sizeof s->errmsg, "compressed data: %s", m);
                }
                s->eof = true;
            }
            s->end += (size_t)got;
        } else {
            size_t left = s->mem_len - s->mem_pos;
            size_t n = left < room ? left : room;
            if (n)
                memcpy(s->buf + s->end, s->mem + s->mem_pos, n);
            s->mem_pos += n;
            s->end += n;
            if (s->mem_pos == s->mem_len)
                s->eof = true;
        }
    }
    return s->end - s->beg;
}

td_status tdp_stream_line(tdp_stream *s, size_t max, const char **line, size_t *len)
{
    size_t scanned = 0;
    for (;;) {
        char *start = s->buf ? s->buf + s->beg : NULL;
        size_t avail = s->end - s->beg;
        char *nl = avail > scanned ? memchr(start + scanned, '\n', avail - scanned) : NULL;
        if (nl) {
            size_t l = (size_t)(nl - start);
            s->beg += l + 1;
            if (l && start[l - 1] == '\r')
                l--;
            *line = start;
            *len = l;
            return TD_OK;
        }
        scanned = avail;
        if (avail > max) {
            /* Too long: drain to the end of this line without keeping it. */
            size_t total = avail;
            s->beg = s->end;
            for (;;) {
                if (total > max + TDP_SCAN_MAX) {
                    s->err = TD_ETOOBIG;
                    snprintf(s->errmsg, sizeof s->errmsg,
                             "no line end within %zu MiB: the rest is not read",
                             (max + TDP_SCAN_MAX) >> 20);
                    break;
                }
                if (!tdp_stream_fill(s, 1))
                    break;
                char *p = memchr(s->buf + s->beg, '\n', s->end - s->beg);
                if (p) {
                    total += (size_t)(p - (s->buf + s->beg));
                    s->beg += (size_t)(p - (s->buf + s->beg)) + 1;
                    break;
                }
                total += s->end - s->beg;
                s->beg = s->end;
            }
            *line = NULL;
            *len = total;
            return TD_ETOOBIG;
        }
        if (s->err) /* a partial line before a read error is not a line */
            return s->err;
        if (s->eof) {
            if (!avail)
                return TD_END;
            s->beg = s->end;
            *line = start;
            *len = avail;
            return TD_OK;
        }
        /* Geometric growth (amortised copies), never much past max + 1 bytes. */
        size_t want = avail < CHUNK ? CHUNK : avail * 2;
        if (max < SIZE_MAX && want > max + 1)
            want = max + 1;
        if (want <= avail)
            want = avail + 1;
        tdp_stream_fill(s, want);
    }
}

td_status tdp_stream_read(tdp_stream *s, size_t n, tdp_buf *out)
{
    while (n) {
        size_t have = tdp_stream_fill(s, n < CHUNK ? n : CHUNK);
        if (!have)
            return s->err ? s->err : TD_ECORRUPT;
        size_t take = have < n ? have : n;
        if (tdp_buf_put(out, s->buf + s->beg, take))
            return out->err;
        s->beg += take;
        n -= take;
    }
    return TD_OK;
}

td_status tdp_stream_rest(tdp_stream *s, size_t max, tdp_buf *out)
{
    for (;;) {
        size_t have = tdp_stream_fill(s, 1);
        if (!have)
            return s->err ? s->err : TD_OK;
        if (out->len + have > max) {
            /* Stop here: the rest is not read (an endless input has no end). */
            s->beg = s->end;
            return TD_ETOOBIG;
        }
        if (tdp_buf_put(out, s->buf + s->beg, have))
            return out->err;
        s->beg = s->end;
    }
}

/* ---- whole files in one call ---- */

/* Reads exactly n bytes from fd; false on an error or a short file. */
static bool read_all(int fd, char *p, size_t n)
{
    while (n) {
        ssize_t got = read(fd, p, n > (1u << 30) ? (1u << 30) : n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            return false;
        p += got;
        n -= (size_t)got;
    }
    return true;
}

/* Inflates one gzip member filling all of in; NULL when in is anything else. */
static char *inflate_whole(const unsigned char *in, size_t n, size_t max,
                           struct libdeflate_decompressor **dec, size_t *out_len)
{
    /* 10-byte header, empty deflate data (2 bytes), 8-byte trailer at least. */
    if (n < 20)
        return NULL;
    size_t isize = (size_t)in[n - 4] | (size_t)in[n - 3] << 8 | (size_t)in[n - 2] << 16 |
                   (size_t)in[n - 1] << 24;
    /* ISIZE is the size modulo 2^32: a larger output fails below (no room). */
    if (isize > max)
        return NULL;
    if (!*dec && !(*dec = libdeflate_alloc_decompressor()))
        return NULL;
    char *out = tdp_malloc(isize + 1); /* and a NUL the reader puts there */
    if (!out)
        return NULL;
    size_t used = 0, made = 0;
    enum libdeflate_result res =
        libdeflate_gzip_decompress_ex(*dec, in, n, out, isize, &used, &made);
    if (res != LIBDEFLATE_SUCCESS || used != n || made != isize) {
        tdp_free(out); /* damaged, several members or trailing bytes: zlib decides */
        return NULL;
    }
    *out_len = isize;
    return out;
}

bool tdp_stream_load_file(tdp_stream *s, const char *path, size_t max,
                          struct libdeflate_decompressor **dec)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    struct stat sb;
    char *in = NULL;
    size_t n = 0;
    bool ok = fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size >= 0 &&
              (uint64_t)sb.st_size <= max;
    if (ok) {
        n = (size_t)sb.st_size;
        in = tdp_malloc(n + 1);
        ok = in && read_all(fd, in, n);
    }
    close(fd);
    if (!ok) {
        tdp_free(in);
        return false;
    }
    char *data = in;
    size_t len = n;
    if (n >= 2 && (unsigned char)in[0] == 0x1f && (unsigned char)in[1] == 0x8b) {
        data = inflate_whole((const unsigned char *)in, n, max, dec, &len);
        tdp_free(in);
        if (!data)
            return false;
    }
    /* The same state as an in-memory buffer: everything read, nothing more; one
     * byte of room is left for a final NUL. */
    s->buf = data;
    s->cap = len + 1;
    s->beg = 0;
    s->end = len;
    s->eof = true;
    return true;
}

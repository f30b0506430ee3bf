/*
 * read_p.h - the reader's internals, shared by the format readers (text, JSON
 * Lines, JSON, HTML, WARC). A stream is a buffered gzip-transparent byte source.
 */
#ifndef TDP_READ_P_H
#define TDP_READ_P_H

#include <zlib.h>

#include "article/article_p.h"
#include "tidings/reader.h"

#define TDP_DEFAULT_MAX_BYTES ((size_t)32 << 20)
/* How far past the size limit the reader looks for the end of a line, or for the
 * next WARC record, before it gives up on the rest of the input (an endless
 * input, /dev/zero, has neither). */
#define TDP_SCAN_MAX ((size_t)1 << 30)

typedef struct tdp_stream {
    gzFile gz;              /* NULL for an in-memory buffer */
    const char *name;       /* the name zlib puts in its messages (not owned) */
    const char *mem;        /* in-memory source */
    size_t mem_len, mem_pos;
    char *buf;
    size_t cap, beg, end;   /* unread bytes are buf[beg..end) */
    bool eof;
    td_status err;          /* TD_EIO or TD_ECORRUPT once a read failed */
    char errmsg[128];
} tdp_stream;

/* Makes at least `want` unread bytes available if the input has them; returns the
 * number available (may be fewer at the end of input). */
size_t tdp_stream_fill(tdp_stream *s, size_t want);

/*
 * Next line (without its "\n" or "\r\n"). TD_END at end of input. A line longer
 * than max is skipped to its end and reported as TD_ETOOBIG (its length in *len);
 * a line with no end within TDP_SCAN_MAX bytes also sets s->err to TD_ETOOBIG: the
 * rest of the input is not read.
 */
td_status tdp_stream_line(tdp_stream *s, size_t max, const char **line, size_t *len);

/* Reads exactly n bytes into out (appended); TD_ECORRUPT if input ends first. */
td_status tdp_stream_read(tdp_stream *s, size_t n, tdp_buf *out);
/* Reads the rest of the input; TD_ETOOBIG past max, where reading stops (the input
 * may have no end: /dev/zero, `yes`). */
td_status tdp_stream_rest(tdp_stream *s, size_t max, tdp_buf *out);

struct libdeflate_decompressor;

/*
 * Loads a whole regular file of at most max bytes into s as an in-memory stream:
 * a single-member gzip file is inflated in one call (its size from the gzip
 * trailer, at most max bytes), other files are taken as they are. *dec is the
 * decompressor, made on first use and kept by the caller. Returns false, with s
 * untouched, when the file is not a candidate (not regular, too large, several
 * gzip members, damaged, unreadable, out of memory): the caller then streams it
 * with zlib, which reports the problem if there is one.
 */
bool tdp_stream_load_file(tdp_stream *s, const char *path, size_t max,
                          struct libdeflate_decompressor **dec);

typedef enum tdp_format {
    TDP_FMT_UNKNOWN = 0, TDP_FMT_TEXT, TDP_FMT_JSONL, TDP_FMT_JSON, TDP_FMT_HTML,
    TDP_FMT_WARC
} tdp_format;

/* The file being read now. */
typedef struct tdp_source {
    char *path;             /* as given, for messages */
    char *id_base;          /* id of a whole-file article */
    tdp_format fmt;
    tdp_stream st;
    uint32_t line;          /* lines consumed so far (JSONL) */
    uint64_t record;        /* records consumed so far (WARC) */
    uint64_t skipped;       /* records skipped as not text (WARC) */
    bool open;
    bool done;              /* whole-file formats: the one article was produced */
} tdp_source;

/*
 * The WARC reader (lib/read/warc.c): next response record holding an HTML page
 * as an article (html, url, date set), TD_END at the end of the file, or an error
 * for one record with the reason in why (the caller prefixes "FILE:").
 */
td_status tdp_warc_next(tdp_source *src, size_t max, td_article **out, tdp_buf *why);

/* Builds an article from a JSON object (JSONL line or a .json file). A NUL in a
 * string (\u0000) becomes U+FFFD, counted in *nuls, so that no field is cut short. */
td_status tdp_article_from_json(const char *s, size_t n, const char *fallback_id,
                                td_article **out, tdp_buf *why, size_t *nuls);

#endif

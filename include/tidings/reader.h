/*
 * tidings/reader.h - articles out of files, folders and streams.
 *
 * A reader walks the paths it is given (folders recursively, in sorted order; "-" is
 * standard input) and yields one article at a time. Formats by content and name:
 * plain text (optional first line " date YYYY-MM-DD"), JSON Lines (one article per
 * line: id, url, title, date, source, text or html), one JSON object per file
 * (news-please style), HTML pages (.html, .htm, optionally .gz) and WARC files.
 *
 * Bad input never stops the reader: td_reader_next returns the error for that one
 * article, td_reader_error() says "FILE[:LINE]: what", and the next call goes on.
 */
#ifndef TIDINGS_READER_H
#define TIDINGS_READER_H

#include "article.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct td_reader td_reader;

typedef struct td_reader_opts {
    size_t max_bytes;    /* largest article accepted; 0 = default (32 MiB) */
    int repair_utf8;     /* nonzero: replace invalid UTF-8 with U+FFFD and warn */
} td_reader_opts;

/* opts may be NULL for the defaults. */
TD_API td_reader *td_reader_new(const td_reader_opts *opts);
TD_API void td_reader_free(td_reader *r);

/* Nonzero: HTML pages keep their reader comments, after the article, as
 * paragraphs of kind TD_PARA_COMMENT (they are left out by default). Applies to
 * the articles returned from then on. */
TD_API void td_reader_keep_comments(td_reader *r, int keep);

/* Queues a file, a folder or "-" (stdin). Paths are read in the order given. */
TD_API TD_NODISCARD td_status td_reader_add(td_reader *r, const char *path);

/* Queues an in-memory buffer (copied) named `name`, read as if it were that file. */
TD_API TD_NODISCARD td_status td_reader_add_buffer(td_reader *r, const char *name,
                                                   const char *data, size_t len);

/*
 * Next article. TD_OK: *out is a new article the caller owns. TD_END: no more input.
 * Any other status: this article or file was rejected (see td_reader_error); call
 * again to go on with the rest.
 */
TD_API TD_NODISCARD td_status td_reader_next(td_reader *r, td_article **out);

/* "FILE[:LINE]: what" of the last rejection; "" when none. */
TD_API const char *td_reader_error(const td_reader *r);

/* "FILE[:LINE]: what" of a warning on the last article returned (e.g. repaired
 * UTF-8), or NULL. */
TD_API const char *td_reader_warning(const td_reader *r);

/* Records skipped so far because they are not text: WARC responses and resources
 * whose payload is not an HTML page (images, scripts, video, binary data), at any
 * size. They are no error; 0 for NULL. */
TD_API uint64_t td_reader_skipped(const td_reader *r);

#ifdef __cplusplus
}
#endif
#endif

/*
 * core.h - internal helpers shared by every stage: allocation through one hook,
 * arenas, bounded growable buffers, growable arrays, UTF-8 checks, JSON.
 *
 * Naming: tdp_ is the cross-file internal prefix; nothing here is exported.
 */
#ifndef TDP_CORE_H
#define TDP_CORE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "tidings/common.h"

/* ---- allocation: every byte the library takes goes through these ---- */
void *tdp_malloc(size_t n);
void *tdp_calloc(size_t n, size_t size);
void *tdp_realloc(void *p, size_t n);
void tdp_free(void *p);
char *tdp_strndup(const char *s, size_t n);
char *tdp_strdup(const char *s);

/*
 * Grows an array *p of elements of `size` bytes so that it holds at least `need`
 * (doubling). TD_ENOMEM leaves *p and *cap untouched.
 */
td_status tdp_grow(void **p, size_t *cap, size_t need, size_t size);
#define TDP_GROW(arr, cap, need) \
    tdp_grow((void **)&(arr), &(cap), (need), sizeof *(arr))

/*
 * Reallocates an array *p to exactly n elements of `size` bytes, for parallel
 * arrays that share one capacity. TD_ENOMEM leaves *p untouched.
 */
td_status tdp_resize(void **p, size_t n, size_t size);
#define TDP_RESIZE(arr, n) tdp_resize((void **)&(arr), (n), sizeof *(arr))

/* qsort that accepts an empty or NULL array (qsort's pointer must not be NULL). */
void tdp_sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));

/* ---- arena: many small allocations freed in one go ---- */
typedef struct tdp_chunk tdp_chunk;
typedef struct tdp_arena {
    tdp_chunk *head;
    size_t used;   /* bytes used in head */
    size_t total;  /* bytes handed out overall */
} tdp_arena;

void *tdp_arena_alloc(tdp_arena *a, size_t n);     /* 8-byte aligned; NULL on OOM */
char *tdp_arena_strndup(tdp_arena *a, const char *s, size_t n);
void tdp_arena_free(tdp_arena *a);                 /* back to empty; reusable */

/* ---- buffer: growable, bounded, with a sticky error ---- */
typedef struct tdp_buf {
    char *data;      /* always NUL-terminated when non-NULL */
    size_t len;
    size_t cap;
    size_t max;      /* hard cap on len; 0 = unbounded */
    td_status err;   /* first failure; later appends do nothing */
} tdp_buf;

#define TDP_BUF_INIT {NULL, 0, 0, 0, TD_OK}
td_status tdp_buf_put(tdp_buf *b, const void *p, size_t n);
td_status tdp_buf_puts(tdp_buf *b, const char *s);
td_status tdp_buf_putc(tdp_buf *b, char c);
td_status tdp_buf_printf(tdp_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
td_status tdp_buf_vprintf(tdp_buf *b, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
/* Appends s as a JSON string literal, quotes included; NULL becomes null. */
td_status tdp_buf_json_str(tdp_buf *b, const char *s, size_t n);
td_status tdp_buf_json_cstr(tdp_buf *b, const char *s);
void tdp_buf_reset(tdp_buf *b);
void tdp_buf_free(tdp_buf *b);
/* Hands the data to the caller (td_free it); the buffer is left empty. */
char *tdp_buf_detach(tdp_buf *b, size_t *len);
/* A whole file, NUL-terminated (tdp_free it); NULL when it cannot be read or on
 * out-of-memory. For tests and benchmarks: the readers bound what they load. */
char *tdp_read_file(const char *path, size_t *len);
/* A string built with printf (tdp_free it); NULL on out-of-memory. */
char *tdp_aprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* ---- UTF-8 ---- */
/* Length of the longest valid UTF-8 prefix of s (== n when all valid). */
size_t tdp_utf8_valid_prefix(const char *s, size_t n);
/* Appends s to b with every invalid sequence replaced by U+FFFD; returns count. */
size_t tdp_utf8_repair(tdp_buf *b, const char *s, size_t n);
/* Decodes one code point at s (n bytes available); sets *adv. Invalid: U+FFFD, 1. */
int32_t tdp_utf8_decode(const char *s, size_t n, size_t *adv);
/* Encodes cp into out (4 bytes room); returns bytes written. */
size_t tdp_utf8_encode(int32_t cp, char *out);
/* True if the data looks binary: more than 10% control bytes (NULs among them) in
 * its first 8 KiB. */
bool tdp_looks_binary(const char *s, size_t n);

/* ---- JSON (reading): an object's members, one callback per member ---- */
typedef enum tdp_json_type {
    TDP_JSON_STRING, TDP_JSON_NUMBER, TDP_JSON_TRUE, TDP_JSON_FALSE,
    TDP_JSON_NULL, TDP_JSON_OBJECT, TDP_JSON_ARRAY
} tdp_json_type;

/*
 * Called for each member of the top-level object. For strings, val/vlen are the
 * decoded UTF-8 text (in scratch memory valid during the call); for numbers, the
 * literal; for objects and arrays, their raw JSON text. Return nonzero to stop.
 */
typedef int (*tdp_json_member_fn)(void *ctx, const char *key, size_t klen,
                                  tdp_json_type type, const char *val, size_t vlen);

/*
 * Parses one JSON object spanning s[0..n) (whitespace around it allowed). On error
 * returns TD_EPARSE and writes a short reason with its byte offset to `why`.
 */
td_status tdp_json_object(const char *s, size_t n, tdp_json_member_fn fn, void *ctx,
                          char *why, size_t why_n);

/* Days since 1970-01-01 of a proleptic Gregorian date; weekday 0 = Monday. */
int32_t tdp_days_from_civil(int y, int m, int d);
void tdp_civil_from_days(int32_t z, int *y, int *m, int *d);
int tdp_weekday(int32_t days);
int tdp_days_in_month(int y, int m);

#endif

/*
 * tidings/common.h - status codes, dates, memory and version.
 *
 * Ownership, stated once for the whole API:
 *  - A function named td_X_new returns a handle the caller owns and releases with
 *    td_X_free; every td_X_free(NULL) is a no-op.
 *  - A `const char *` returned by a getter is owned by the handle it came from and
 *    stays valid until that handle is freed or changed.
 *  - A `char **out` filled by the library is the caller's, released with td_free().
 *  - Functions that can fail return td_status; the library never exits or aborts on
 *    bad input or on out-of-memory.
 */
#ifndef TIDINGS_COMMON_H
#define TIDINGS_COMMON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(TD_BUILDING) && defined(__GNUC__)
#define TD_API __attribute__((visibility("default")))
#else
#define TD_API
#endif

#if defined(__GNUC__)
#define TD_NODISCARD __attribute__((warn_unused_result))
#else
#define TD_NODISCARD
#endif

/* One status enum for the whole library. It only grows: values never change. */
typedef enum td_status {
    TD_OK = 0,
    TD_END = 1,         /* no more items: not an error */
    TD_ENOMEM = 2,      /* out of memory */
    TD_EIO = 3,         /* cannot open, read or write a file */
    TD_EEMPTY = 4,      /* empty input or no text left */
    TD_EBINARY = 5,     /* binary data where text was expected */
    TD_EUTF8 = 6,       /* text is not valid UTF-8 */
    TD_ETOOBIG = 7,     /* input larger than the configured limit */
    TD_EPARSE = 8,      /* malformed input (JSON, HTML, WARC, date...) */
    TD_EFIELD = 9,      /* a required field is missing */
    TD_EARG = 10,       /* invalid argument */
    TD_EDB = 11,        /* database error */
    TD_ESCHEMA = 12,    /* database schema is newer or unknown */
    TD_ELOCKED = 13,    /* database is locked by another process */
    TD_EREADONLY = 14,  /* database or file is read-only */
    TD_ECORRUPT = 15,   /* file is corrupt */
    TD_EFORMAT = 16,    /* unsupported format or encoding */
    TD_ENOTFOUND = 17,  /* no such item */
    TD_STATUS_MAX_ = 18
} td_status;

/* A short English description of a status; never NULL. */
TD_API const char *td_strerror(td_status st);

/*
 * The version of these headers (the build reads it from here too). td_version()
 * gives the version of the library a program runs with; when the two differ the
 * program was built against other headers than the library it loaded.
 */
#define TD_VERSION_MAJOR 0
#define TD_VERSION_MINOR 1
#define TD_VERSION_PATCH 0
#define TD_VERSION_STRING "0.1.0"

/* Library version as "MAJOR.MINOR.PATCH" (TD_VERSION_STRING of its build). */
TD_API const char *td_version(void);

/* Releases memory the library handed to the caller (char **out parameters). */
TD_API void td_free(void *p);

/*
 * Replaces the allocator used by the whole library (all allocations go through it,
 * so tests can fail the N-th one). Call before any other td_ function; NULLs
 * restore the C library's.
 */
TD_API void td_set_allocator(void *(*malloc_fn)(size_t),
                             void *(*realloc_fn)(void *, size_t),
                             void (*free_fn)(void *));

/* Precision of a date: how much of it is known. */
typedef enum td_date_prec {
    TD_DATE_NONE = 0,
    TD_DATE_YEAR = 1,
    TD_DATE_MONTH = 2,
    TD_DATE_DAY = 3,
    TD_DATE_MINUTE = 4
} td_date_prec;

/* A calendar date (proleptic Gregorian, UTC when a time is known). */
typedef struct td_date {
    int16_t year;      /* e.g. 2022 */
    int8_t month;      /* 1..12, 0 when unknown */
    int8_t day;        /* 1..31, 0 when unknown */
    int8_t hour;       /* 0..23 */
    int8_t minute;     /* 0..59 */
    uint8_t prec;      /* td_date_prec */
} td_date;

/*
 * Writes a date as ISO 8601 to its precision ("2022", "2022-01", "2022-01-15",
 * "2022-01-15T08:24Z") into buf (NUL-terminated, truncated to n). Returns the length
 * it wanted, like snprintf; 0 and "" for TD_DATE_NONE.
 */
TD_API size_t td_date_format(const td_date *d, char *buf, size_t n);

/* Parses "YYYY", "YYYY-MM", "YYYY-MM-DD", optionally "THH:MM[:SS][Z|±HH:MM]". */
TD_API TD_NODISCARD td_status td_date_parse(const char *s, size_t len, td_date *out);

/* Days since 1970-01-01 for a date of at least month precision (day 1 if unknown). */
TD_API int32_t td_date_days(const td_date *d);

#ifdef __cplusplus
}
#endif
#endif

/*
 * buf.c - growable byte buffer with a hard cap and a sticky error, so a caller can
 * append many pieces and check once at the end.
 */
#include <stdio.h>

#include "core.h"

static td_status reserve(tdp_buf *b, size_t extra)
{
    if (b->err)
        return b->err;
    if (extra > SIZE_MAX - b->len - 1)
        return b->err = TD_ETOOBIG;
    size_t need = b->len + extra + 1;
    if (b->max && b->len + extra > b->max)
        return b->err = TD_ETOOBIG;
    if (need <= b->cap)
        return TD_OK;
    size_t nc = b->cap ? b->cap : 64;
    while (nc < need)
        nc = nc > SIZE_MAX / 2 ? need : nc * 2;
    if (b->max && nc > b->max + 1)
        nc = b->max + 1; /* need <= max + 1 here: never hold more than the cap */
    char *nd = tdp_realloc(b->data, nc);
    if (!nd)
        return b->err = TD_ENOMEM;
    b->data = nd;
    b->cap = nc;
    return TD_OK;
}

td_status tdp_buf_put(tdp_buf *b, const void *p, size_t n)
{
    td_status st = reserve(b, n);
    if (st)
        return st;
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
    return TD_OK;
}

td_status tdp_buf_puts(tdp_buf *b, const char *s) { return tdp_buf_put(b, s, strlen(s)); }

td_status tdp_buf_putc(tdp_buf *b, char c) { return tdp_buf_put(b, &c, 1); }

td_status tdp_buf_vprintf(tdp_buf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        return b->err ? b->err : (b->err = TD_EARG);
    td_status st = reserve(b, (size_t)n);
    if (st)
        return st;
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
    return TD_OK;
}

td_status tdp_buf_printf(tdp_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    td_status st = tdp_buf_vprintf(b, fmt, ap);
    va_end(ap);
    return st;
}

td_status tdp_buf_json_str(tdp_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    if (!s)
        return tdp_buf_put(b, "null", 4);
    td_status st = reserve(b, n + 2);
    if (st)
        return st;
    b->data[b->len++] = '"';
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        tdp_buf_put(b, s + run, i - run);
        run = i + 1;
        char esc[7] = {'\\', 0, 0, 0, 0, 0, 0};
        size_t en = 2;
        switch (c) {
        case '"': esc[1] = '"'; break;
        case '\\': esc[1] = '\\'; break;
        case '\n': esc[1] = 'n'; break;
        case '\r': esc[1] = 'r'; break;
        case '\t': esc[1] = 't'; break;
        case '\b': esc[1] = 'b'; break;
        case '\f': esc[1] = 'f'; break;
        default:
            esc[1] = 'u'; esc[2] = '0'; esc[3] = '0';
            esc[4] = hex[c >> 4]; esc[5] = hex[c & 15];
            en = 6;
        }
        tdp_buf_put(b, esc, en);
    }
    tdp_buf_put(b, s + run, n - run);
    return tdp_buf_putc(b, '"');
}

td_status tdp_buf_json_cstr(tdp_buf *b, const char *s)
{
    return tdp_buf_json_str(b, s, s ? strlen(s) : 0);
}

void tdp_buf_reset(tdp_buf *b)
{
    b->len = 0;
    b->err = TD_OK;
    if (b->data)
        b->data[0] = '\0';
}

void tdp_buf_free(tdp_buf *b)
{
    tdp_free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    b->err = TD_OK;
}

char *tdp_buf_detach(tdp_buf *b, size_t *len)
{
    char *d = b->data;
    if (!d)
        d = tdp_strndup("", 0);
    if (len)
        *len = d ? b->len : 0;
    b->data = NULL;
    b->len = b->cap = 0;
    return d;
}

char *tdp_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    tdp_buf b = TDP_BUF_INIT;
    char chunk[65536];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
        tdp_buf_put(&b, chunk, got);
    bool bad = ferror(f) != 0;
    fclose(f);
    if (bad || b.err) {
        tdp_buf_free(&b);
        return NULL;
    }
    return tdp_buf_detach(&b, len);
}

char *tdp_aprintf(const char *fmt, ...)
{
    tdp_buf b = TDP_BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    tdp_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    if (b.err) {
        tdp_buf_free(&b);
        return NULL;
    }
    return tdp_buf_detach(&b, NULL);
}

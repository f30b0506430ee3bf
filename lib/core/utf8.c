/* utf8.c - validation, repair and decoding of UTF-8 (RFC 3629: no overlongs, no
 * surrogates, nothing above U+10FFFF). */
#include "core.h"

/* Length of the valid sequence at s, or 0 if invalid. */
static size_t seq_len(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    if (c < 0x80)
        return 1;
    if (c < 0xC2 || c > 0xF4)
        return 0;
    if (c < 0xE0) {
        return (n >= 2 && (s[1] & 0xC0) == 0x80) ? 2 : 0;
    }
    if (c < 0xF0) {
        if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
            return 0;
        if (c == 0xE0 && s[1] < 0xA0)
            return 0;
        if (c == 0xED && s[1] >= 0xA0)
            return 0;
        return 3;
    }
    if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
        return 0;
    if (c == 0xF0 && s[1] < 0x90)
        return 0;
    if (c == 0xF4 && s[1] >= 0x90)
        return 0;
    return 4;
}

size_t tdp_utf8_valid_prefix(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < n) {
        /* ASCII fast path, 8 bytes at a time. */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ull)
                break;
            i += 8;
        }
        if (i >= n)
            break;
        size_t l = seq_len(s + i, n - i);
        if (!l)
            return i;
        i += l;
    }
    return n;
}

size_t tdp_utf8_repair(tdp_buf *b, const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0, run = 0, bad = 0;
    while (i < n) {
        size_t l = seq_len(s + i, n - i);
        if (l) {
            i += l;
            continue;
        }
        tdp_buf_put(b, str + run, i - run);
        tdp_buf_put(b, "\xEF\xBF\xBD", 3);
        bad++;
        i++;
        run = i;
    }
    tdp_buf_put(b, str + run, n - run);
    return bad;
}

int32_t tdp_utf8_decode(const char *str, size_t n, size_t *adv)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t l = n ? seq_len(s, n) : 0;
    switch (l) {
    case 1: *adv = 1; return s[0];
    case 2: *adv = 2; return ((s[0] & 0x1F) << 6) | (s[1] & 0x3F);
    case 3: *adv = 3; return ((s[0] & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    case 4:
        *adv = 4;
        return ((s[0] & 0x07) << 18) | ((s[1] & 0x3F) << 12) | ((s[2] & 0x3F) << 6) | (s[3] & 0x3F);
    default: *adv = n ? 1 : 0; return 0xFFFD;
    }
}

size_t tdp_utf8_encode(int32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

bool tdp_looks_binary(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t lim = n < 8192 ? n : 8192, ctl = 0;
    /* NULs count as control bytes: one stray NUL does not make a page binary, while
     * executables, images and UTF-16 are full of them. Random bytes (compressed
     * video) hold 11% control bytes. */
    for (size_t i = 0; i < lim; i++)
        if (s[i] < 0x20 && s[i] != '\n' && s[i] != '\r' && s[i] != '\t' && s[i] != '\f')
            ctl++;
    return lim && ctl * 10 > lim; /* more than 10% control bytes */
}

/* token.c - the one tokenizer: one pass over the bytes, a table for ASCII, utf8proc
 * for the rest. Folding goes through a fixed buffer per token: no allocation. */
#include <utf8proc.h>

#include "lang/lang.h"

enum { C_OTHER = 0, C_LOWER, C_UPPER, C_LETTER, C_MARK, C_DIGIT, C_APOS, C_NUMSEP };

/* ASCII classes; bytes >= 0x80 are looked at with utf8proc. */
static const unsigned char ascii_cls[128] = {
    ['\''] = C_APOS, ['.'] = C_NUMSEP, [','] = C_NUMSEP,
    ['0'] = C_DIGIT, ['1'] = C_DIGIT, ['2'] = C_DIGIT, ['3'] = C_DIGIT, ['4'] = C_DIGIT,
    ['5'] = C_DIGIT, ['6'] = C_DIGIT, ['7'] = C_DIGIT, ['8'] = C_DIGIT, ['9'] = C_DIGIT,
    ['a'] = C_LOWER, ['b'] = C_LOWER, ['c'] = C_LOWER, ['d'] = C_LOWER, ['e'] = C_LOWER,
    ['f'] = C_LOWER, ['g'] = C_LOWER, ['h'] = C_LOWER, ['i'] = C_LOWER, ['j'] = C_LOWER,
    ['k'] = C_LOWER, ['l'] = C_LOWER, ['m'] = C_LOWER, ['n'] = C_LOWER, ['o'] = C_LOWER,
    ['p'] = C_LOWER, ['q'] = C_LOWER, ['r'] = C_LOWER, ['s'] = C_LOWER, ['t'] = C_LOWER,
    ['u'] = C_LOWER, ['v'] = C_LOWER, ['w'] = C_LOWER, ['x'] = C_LOWER, ['y'] = C_LOWER,
    ['z'] = C_LOWER,
    ['A'] = C_UPPER, ['B'] = C_UPPER, ['C'] = C_UPPER, ['D'] = C_UPPER, ['E'] = C_UPPER,
    ['F'] = C_UPPER, ['G'] = C_UPPER, ['H'] = C_UPPER, ['I'] = C_UPPER, ['J'] = C_UPPER,
    ['K'] = C_UPPER, ['L'] = C_UPPER, ['M'] = C_UPPER, ['N'] = C_UPPER, ['O'] = C_UPPER,
    ['P'] = C_UPPER, ['Q'] = C_UPPER, ['R'] = C_UPPER, ['S'] = C_UPPER, ['T'] = C_UPPER,
    ['U'] = C_UPPER, ['V'] = C_UPPER, ['W'] = C_UPPER, ['X'] = C_UPPER, ['Y'] = C_UPPER,
    ['Z'] = C_UPPER,
};

/* ASCII letters and digits folded (lower case); 0 for every other byte. */
static const unsigned char ascii_fold[128] = {
    ['0'] = '0', ['1'] = '1', ['2'] = '2', ['3'] = '3', ['4'] = '4', ['5'] = '5',
    ['6'] = '6', ['7'] = '7', ['8'] = '8', ['9'] = '9',
    ['a'] = 'a', ['b'] = 'b', ['c'] = 'c', ['d'] = 'd', ['e'] = 'e', ['f'] = 'f',
    ['g'] = 'g', ['h'] = 'h', ['i'] = 'i', ['j'] = 'j', ['k'] = 'k', ['l'] = 'l',
    ['m'] = 'm', ['n'] = 'n', ['o'] = 'o', ['p'] = 'p', ['q'] = 'q', ['r'] = 'r',
    ['s'] = 's', ['t'] = 't', ['u'] = 'u', ['v'] = 'v', ['w'] = 'w', ['x'] = 'x',
    ['y'] = 'y', ['z'] = 'z',
    ['A'] = 'a', ['B'] = 'b', ['C'] = 'c', ['D'] = 'd', ['E'] = 'e', ['F'] = 'f',
    ['G'] = 'g', ['H'] = 'h', ['I'] = 'i', ['J'] = 'j', ['K'] = 'k', ['L'] = 'l',
    ['M'] = 'm', ['N'] = 'n', ['O'] = 'o', ['P'] = 'p', ['Q'] = 'q', ['R'] = 'r',
    ['S'] = 's', ['T'] = 't', ['U'] = 'u', ['V'] = 'v', ['W'] = 'w', ['X'] = 'x',
    ['Y'] = 'y', ['Z'] = 'z',
};

static int cls_cp(int32_t cp)
{
    if (cp < 0x80)
        return ascii_cls[cp];
    if (cp == 0x2019 || cp == 0x02BC)
        return C_APOS;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT: return C_UPPER;
    case UTF8PROC_CATEGORY_LL: return C_LOWER;
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO: return C_LETTER;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME: return C_MARK;
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO: return C_DIGIT;
    default: return C_OTHER;
    }
}

/* Class of the code point at s[p]; *adv its byte length (1 for invalid bytes). */
static inline int cls_at(const char *s, size_t n, size_t p, size_t *adv, int32_t *cpo)
{
    unsigned char c = (unsigned char)s[p];
    if (c < 0x80) {
        *adv = 1;
        *cpo = c;
        return ascii_cls[c];
    }
    int32_t cp = tdp_utf8_decode(s + p, n - p, adv);
    *cpo = cp;
    if (cp == 0xFFFD)
        return C_OTHER;
    return cls_cp(cp);
}

static void fold_ascii(const char *src, size_t len, tdp_token *t)
{
    size_t o = 0;
    bool numeric = (t->flags & TDP_TOK_NUMERIC) != 0;
    for (size_t i = 0; i < len && o < TDP_TOKEN_FOLD_MAX; i++) {
        char c = src[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        else if (c == ',' && numeric)
            continue;
        t->fold[o++] = c;
    }
    if (o == TDP_TOKEN_FOLD_MAX && len > o)
        t->flags |= TDP_TOK_LONG;
    t->fold[o] = '\0';
    t->flen = (uint32_t)o;
}

/*
 * Folds src[0..len) (NFKC, then case folding; typographic apostrophes to "'"; with
 * `numeric`, commas dropped) into out, at most cap bytes; returns the bytes
 * written, and *cut when some did not fit. Text too long for the code point buffer
 * or not valid UTF-8 is folded code point by code point with simple lower case.
 */
static size_t fold_text(const char *src, size_t len, char *out, size_t cap, bool numeric,
                        bool *cut)
{
    utf8proc_int32_t buf[TDP_TOKEN_FOLD_MAX * 2];
    const size_t nbuf = sizeof buf / sizeof buf[0];
    const utf8proc_option_t opt = UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD;
    utf8proc_ssize_t m = utf8proc_decompose((const utf8proc_uint8_t *)src,
                                            (utf8proc_ssize_t)len, buf,
                                            (utf8proc_ssize_t)nbuf, opt);
    *cut = false;
    if (m < 0 || (size_t)m > nbuf) {
        m = 0;
        size_t p = 0;
        while (p < len && (size_t)m < nbuf) {
            size_t adv;
            buf[m++] = utf8proc_tolower(tdp_utf8_decode(src + p, len - p, &adv));
            p += adv;
        }
        *cut = p < len;
    } else {
        m = utf8proc_normalize_utf32(buf, m, opt | UTF8PROC_COMPOSE);
        if (m < 0)
            m = 0;
    }
    size_t o = 0;
    for (utf8proc_ssize_t i = 0; i < m; i++) {
        int32_t cp = buf[i];
        if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC)
            cp = '\'';
        else if (cp == ',' && numeric)
            continue;
        char enc[4];
        size_t k = tdp_utf8_encode(cp, enc);
        if (o + k > cap) {
            *cut = true;
            break;
        }
        memcpy(out + o, enc, k);
        o += k;
    }
    return o;
}

static void fold_unicode(const char *src, size_t len, tdp_token *t)
{
    bool cut;
    size_t o = fold_text(src, len, t->fold, TDP_TOKEN_FOLD_MAX,
                         (t->flags & TDP_TOK_NUMERIC) != 0, &cut);
    if (cut)
        t->flags |= TDP_TOK_LONG;
    t->fold[o] = '\0';
    t->flen = (uint32_t)o;
}

size_t tdp_fold(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0, i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (o + 1 >= cap)
                return 0;
            out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            i++;
            continue;
        }
        /* A run of non-ASCII text with the ASCII character before it, which a mark
         * may belong to ("Zu\u0308rich"), folded as one; at most 128 bytes at once
         * (a run goes on at a lead byte). */
        size_t b = i && (unsigned char)s[i - 1] < 0x80 ? i - 1 : i, j = i;
        o -= i - b;
        while (j < n && (unsigned char)s[j] >= 0x80 && (j - i < 128 || (s[j] & 0xC0) == 0x80))
            j++;
        bool cut;
        o += fold_text(s + b, j - b, out + o, cap > o + 1 ? cap - o - 1 : 0, false, &cut);
        if (cut)
            return 0;
        i = j;
    }
    out[o] = '\0';
    return o;
}

static inline bool next_token(const char *s, size_t n, size_t *pos, tdp_token *t,
                              unsigned opt)
{
    size_t p = *pos, adv;
    int32_t cp;
    int c = C_OTHER;
    /* Skip to a letter or digit. */
    while (p < n) {
        unsigned char b = (unsigned char)s[p];
        if (b < 0x80) {
            c = ascii_cls[b];
            if (c >= C_LOWER && c <= C_DIGIT && c != C_MARK)
                break;
            p++;
            continue;
        }
        c = cls_at(s, n, p, &adv, &cp);
        if (c >= C_LOWER && c <= C_DIGIT && c != C_MARK)
            break;
        p += adv;
    }
    if (p >= n) {
        *pos = n;
        return false;
    }
    size_t start = p;
    unsigned letters = 0, uppers = 0, digits = 0;
    unsigned asc = 0, adig = 0;     /* ASCII letters and digits, ASCII digits */
    bool ascii = true, comma = false;
    uint16_t flags = c == C_UPPER ? TDP_TOK_CAP : 0;
    /* ASCII tokens are folded on the way (lower case; a number's commas go and
     * come back below if letters follow) and the rest by fold_unicode after. */
    size_t o = 0;
    while (p < n) {
        unsigned char b = (unsigned char)s[p];
        if (b < 0x80) {
            unsigned char f = ascii_fold[b];
            if (f) {    /* a letter or digit: the common case, in one look-up */
                asc++;
                uppers += (unsigned)(b - 'A') < 26u;
                adig += (unsigned)(b - '0') < 10u;
                if (o < TDP_TOKEN_FOLD_MAX)
                    t->fold[o++] = (char)f;
                p++;
                continue;
            }
            c = ascii_cls[b];
            if (c == C_OTHER)
                break;
            adv = 1;
        } else {
            c = cls_at(s, n, p, &adv, &cp);
            ascii = false;
        }
        if (c == C_LOWER || c == C_UPPER || c == C_LETTER) {
            letters++;
            uppers += c == C_UPPER;
        } else if (c == C_DIGIT) {
            digits++;
        } else if (c == C_MARK) {
            /* joins the letter before it */
        } else if (c == C_APOS || c == C_NUMSEP) {
            /* Inside only: apostrophe between letters, separator between digits. */
            size_t a2;
            int32_t cp2;
            if (p + adv >= n)
                break;
            int nc = cls_at(s, n, p + adv, &a2, &cp2);
            if (c == C_APOS) {
                if ((opt & TDP_TOKOPT_APOS_SPLITS) || !(letters + asc - adig) ||
                    !(nc == C_LOWER || nc == C_UPPER || nc == C_LETTER))
                    break;
            } else {
                if ((opt & TDP_TOKOPT_NUMSEP_SPLITS) || letters + asc - adig || nc != C_DIGIT ||
                    p == start)
                    break;
                unsigned char pb = (unsigned char)s[p - 1];
                if (pb < '0' || pb > '9')
                    break;
            }
            if (b >= 0x80)
                ascii = false;
            else if (b == ',')
                comma = true;
            else if (o < TDP_TOKEN_FOLD_MAX)
                t->fold[o++] = (char)b;
        } else {
            break;
        }
        p += adv;
    }
    letters += asc - adig;
    digits += adig;
    t->off = (uint32_t)start;
    t->len = (uint32_t)(p - start);
    if (digits && !letters)
        flags |= TDP_TOK_NUMERIC;
    if (digits)
        flags |= TDP_TOK_HASDIGIT;
    if (letters >= 2 && uppers == letters)
        flags |= TDP_TOK_ALLCAPS;
    if (ascii)
        flags |= TDP_TOK_ASCII;
    t->flags = flags;
    if (!ascii || (comma && letters)) {
        (ascii ? fold_ascii : fold_unicode)(s + start, p - start, t);
    } else {
        if (o == TDP_TOKEN_FOLD_MAX && p - start > o)
            t->flags |= TDP_TOK_LONG;
        t->fold[o] = '\0';
        t->flen = (uint32_t)o;
    }
    *pos = p;
    return true;
}

bool tdp_token_next(const char *s, size_t n, size_t *pos, tdp_token *t)
{
    return next_token(s, n, pos, t, 0);
}

bool tdp_token_next_opt(const char *s, size_t n, size_t *pos, tdp_token *t, unsigned opt)
{
    return next_token(s, n, pos, t, opt);
}

void tdp_tokenize(const char *s, size_t n, tdp_token_fn fn, void *ctx)
{
    size_t pos = 0;
    tdp_token t;
    while (tdp_token_next(s, n, &pos, &t))
        if (fn(ctx, &t))
            return;
}

td_status tdp_toklist_add(tdp_toklist *tl, const char *s, size_t n)
{
    size_t pos = 0;
    tdp_token t;
    while (tdp_token_next(s, n, &pos, &t)) {
        if (TDP_GROW(tl->toks, tl->cap, tl->n + 1))
            return TD_ENOMEM;
        if (TDP_GROW(tl->bytes, tl->capbytes, tl->nbytes + t.flen + 1))
            return TD_ENOMEM;
        memcpy(tl->bytes + tl->nbytes, t.fold, t.flen + 1);
        tl->toks[tl->n++] = (tdp_tokspan){t.off, t.len, (uint32_t)tl->nbytes, t.flen,
                                          t.flags};
        tl->nbytes += t.flen + 1;
    }
    return TD_OK;
}

void tdp_toklist_reset(tdp_toklist *tl)
{
    tl->n = 0;
    tl->nbytes = 0;
}

void tdp_toklist_free(tdp_toklist *tl)
{
    tdp_free(tl->toks);
    tdp_free(tl->bytes);
    *tl = (tdp_toklist)TDP_TOKLIST_INIT;
}

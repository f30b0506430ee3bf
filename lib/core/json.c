/*
 * json.c - a strict, non-recursive reader for one JSON object whose members are
 * reported to a callback. Nested values are validated and skipped with an explicit
 * depth counter (bounded at 512), so hostile input cannot blow the stack.
 */
#include <stdio.h>

#include "core.h"

#define JSON_MAX_DEPTH 512

typedef struct {
    const char *s;
    size_t n, i;
    char *why;
    size_t why_n;
} jp;

static td_status fail(jp *p, const char *what)
{
    if (p->why && p->why_n)
        snprintf(p->why, p->why_n, "%s at byte %zu", what, p->i);
    return TD_EPARSE;
}

static void ws(jp *p)
{
    while (p->i < p->n) {
        char c = p->s[p->i];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            break;
        p->i++;
    }
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static int hex4(jp *p, size_t at)
{
    if (at + 4 > p->n)
        return -1;
    int v = 0;
    for (int k = 0; k < 4; k++) {
        int h = hexval(p->s[at + k]);
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

/* Parses a string at p->i (which is '"'); decoded text into out when non-NULL. */
static td_status string(jp *p, tdp_buf *out)
{
    p->i++;
    size_t run = p->i;
    while (p->i < p->n) {
        unsigned char c = (unsigned char)p->s[p->i];
        if (c == '"') {
            if (out)
                tdp_buf_put(out, p->s + run, p->i - run);
            p->i++;
            return out && out->err ? out->err : TD_OK;
        }
        if (c < 0x20)
            return fail(p, "control character in string");
        if (c != '\\') {
            p->i++;
            continue;
        }
        if (out)
            tdp_buf_put(out, p->s + run, p->i - run);
        if (p->i + 1 >= p->n)
            return fail(p, "unterminated string");
        char e = p->s[p->i + 1];
        char lit = 0;
        switch (e) {
        case '"': lit = '"'; break;
        case '\\': lit = '\\'; break;
        case '/': lit = '/'; break;
        case 'b': lit = '\b'; break;
        case 'f': lit = '\f'; break;
        case 'n': lit = '\n'; break;
        case 'r': lit = '\r'; break;
        case 't': lit = '\t'; break;
        case 'u': {
            int cp = hex4(p, p->i + 2);
            if (cp < 0)
                return fail(p, "bad \\u escape");
            p->i += 6;
            if (cp >= 0xD800 && cp <= 0xDBFF && p->i + 1 < p->n && p->s[p->i] == '\\' &&
                p->s[p->i + 1] == 'u') {
                int lo = hex4(p, p->i + 2);
                if (lo >= 0xDC00 && lo <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    p->i += 6;
                }
            }
            if (out) {
                char u[4];
                tdp_buf_put(out, u, tdp_utf8_encode(cp, u)); /* lone surrogates: U+FFFD */
            }
            run = p->i;
            continue;
        }
        default:
            return fail(p, "bad escape");
        }
        if (out)
            tdp_buf_putc(out, lit);
        p->i += 2;
        run = p->i;
    }
    return fail(p, "unterminated string");
}

static td_status literal(jp *p, const char *word)
{
    size_t l = strlen(word);
    if (p->i + l > p->n || memcmp(p->s + p->i, word, l) != 0)
        return fail(p, "unexpected character");
    p->i += l;
    return TD_OK;
}

static td_status number(jp *p)
{
    size_t st = p->i;
    if (p->i < p->n && p->s[p->i] == '-')
        p->i++;
    size_t d0 = p->i;
    while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9')
        p->i++;
    if (p->i == d0)
        return fail(p, "bad number");
    if (p->i < p->n && p->s[p->i] == '.') {
        p->i++;
        size_t f0 = p->i;
        while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9')
            p->i++;
        if (p->i == f0)
            return fail(p, "bad number");
    }
    if (p->i < p->n && (p->s[p->i] == 'e' || p->s[p->i] == 'E')) {
        p->i++;
        if (p->i < p->n && (p->s[p->i] == '+' || p->s[p->i] == '-'))
            p->i++;
        size_t e0 = p->i;
        while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9')
            p->i++;
        if (p->i == e0)
            return fail(p, "bad number");
    }
    (void)st;
    return TD_OK;
}

/* Validates and skips any value at p->i without recursion. */
static td_status skip_value(jp *p)
{
    char stack[JSON_MAX_DEPTH];
    int depth = 0;
    for (;;) {
        ws(p);
        if (p->i >= p->n)
            return fail(p, "unexpected end");
        char c = p->s[p->i];
        td_status st = TD_OK;
        if (c == '{' || c == '[') {
            if (depth == JSON_MAX_DEPTH)
                return fail(p, "nesting too deep");
            stack[depth++] = c;
            p->i++;
            ws(p);
            if (p->i < p->n && p->s[p->i] == (c == '{' ? '}' : ']')) {
                p->i++;
                depth--;
                goto after_value;
            }
            if (c == '{') {
                if (p->i >= p->n || p->s[p->i] != '"')
                    return fail(p, "expected member name");
                if ((st = string(p, NULL)))
                    return st;
                ws(p);
                if (p->i >= p->n || p->s[p->i] != ':')
                    return fail(p, "expected ':'");
                p->i++;
            }
            continue;
        }
        if (c == '"')
            st = string(p, NULL);
        else if (c == 't')
            st = literal(p, "true");
        else if (c == 'f')
            st = literal(p, "false");
        else if (c == 'n')
            st = literal(p, "null");
        else if (c == '-' || (c >= '0' && c <= '9'))
            st = number(p);
        else
            return fail(p, "unexpected character");
        if (st)
            return st;
    after_value:
        for (;;) {
            if (depth == 0)
                return TD_OK;
            ws(p);
            if (p->i >= p->n)
                return fail(p, "unexpected end");
            char top = stack[depth - 1];
            c = p->s[p->i];
            if (c == ',') {
                p->i++;
                if (top == '{') {
                    ws(p);
                    if (p->i >= p->n || p->s[p->i] != '"')
                        return fail(p, "expected member name");
                    if ((st = string(p, NULL)))
                        return st;
                    ws(p);
                    if (p->i >= p->n || p->s[p->i] != ':')
                        return fail(p, "expected ':'");
                    p->i++;
                }
                break;
            }
            if ((top == '{' && c == '}') || (top == '[' && c == ']')) {
                p->i++;
                depth--;
                continue;
            }
            return fail(p, "expected ',' or closing bracket");
        }
    }
}

td_status tdp_json_object(const char *s, size_t n, tdp_json_member_fn fn, void *ctx,
                          char *why, size_t why_n)
{
    jp p = {s, n, 0, why, why_n};
    tdp_buf key = TDP_BUF_INIT, val = TDP_BUF_INIT;
    td_status st = TD_OK;
    if (why && why_n)
        why[0] = '\0';
    ws(&p);
    if (p.i >= n || s[p.i] != '{') {
        st = fail(&p, "not a JSON object");
        goto out;
    }
    p.i++;
    ws(&p);
    int stopped = 0;
    if (p.i < n && s[p.i] == '}') {
        p.i++;
    } else {
        for (;;) {
            ws(&p);
            if (p.i >= n || s[p.i] != '"') {
                st = fail(&p, "expected member name");
                goto out;
            }
            tdp_buf_reset(&key);
            if ((st = string(&p, &key)))
                goto out;
            ws(&p);
            if (p.i >= n || s[p.i] != ':') {
                st = fail(&p, "expected ':'");
                goto out;
            }
            p.i++;
            ws(&p);
            if (p.i >= n) {
                st = fail(&p, "unexpected end");
                goto out;
            }
            char c = s[p.i];
            size_t v0 = p.i;
            tdp_json_type t;
            tdp_buf_reset(&val);
            if (c == '"') {
                t = TDP_JSON_STRING;
                if ((st = string(&p, &val)))
                    goto out;
            } else {
                t = c == '{' ? TDP_JSON_OBJECT : c == '[' ? TDP_JSON_ARRAY
                  : c == 't' ? TDP_JSON_TRUE : c == 'f' ? TDP_JSON_FALSE
                  : c == 'n' ? TDP_JSON_NULL : TDP_JSON_NUMBER;
                if ((st = skip_value(&p)))
                    goto out;
            }
            if (!stopped) {
                const char *vp = t == TDP_JSON_STRING ? (val.data ? val.data : "") : s + v0;
                size_t vl = t == TDP_JSON_STRING ? val.len : p.i - v0;
                if (fn && fn(ctx, key.data ? key.data : "", key.len, t, vp, vl))
                    stopped = 1;
            }
            ws(&p);
            if (p.i < n && s[p.i] == ',') {
                p.i++;
                continue;
            }
            if (p.i < n && s[p.i] == '}') {
                p.i++;
                break;
            }
            st = fail(&p, "expected ',' or '}'");
            goto out;
        }
    }
    ws(&p);
    if (p.i != n)
        st = fail(&p, "trailing characters after the object");
out:
    tdp_buf_free(&key);
    tdp_buf_free(&val);
    return st;
}

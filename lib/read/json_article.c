/*
 * json_article.c - an article out of one JSON object: our JSON Lines fields (id,
 * url, title, date, source, text, html) and the news-please names for the same
 * things (maintext, date_publish, source_domain, authors). Unknown fields are ignored.
 */
#include <stdio.h>

#include "read/read_p.h"

typedef struct {
    td_article *a;
    td_status st;
    bool have_text, have_html, have_id;
    bool saw_text;          /* a text field is there, perhaps empty */
    const char *date_field; /* which field gave the date, for priority */
    size_t nuls;            /* NULs (\u0000) replaced in the strings kept */
    tdp_buf fixed;          /* a string with its NULs replaced */
} jctx;

static bool key_is(const char *k, size_t kl, const char *name)
{
    return kl == strlen(name) && memcmp(k, name, kl) == 0;
}

static void set(jctx *c, td_field f, const char *v, size_t n)
{
    if (!c->st)
        c->st = td_article_set(c->a, f, v, n);
}

static void set_date(jctx *c, const char *v, size_t n)
{
    td_status st = tdp_article_set_date(c->a, v, n);
    if (st && !c->st)
        c->st = st;
}

static int member(void *ctx, const char *k, size_t kl, tdp_json_type t, const char *v,
                  size_t vl)
{
    jctx *c = ctx;
    if (t == TDP_JSON_ARRAY && key_is(k, kl, "authors") && vl > 2) {
        /* First author of a ["A", "B"] array, taken literally between quotes. */
        const char *q = memchr(v, '"', vl);
        if (q) {
            const char *e = memchr(q + 1, '"', (size_t)(v + vl - q - 1));
            if (e && e > q + 1 && !c->a->author)
                set(c, TD_FIELD_AUTHOR, q + 1, (size_t)(e - q - 1));
        }
        return 0;
    }
    if (t == TDP_JSON_NUMBER && key_is(k, kl, "id")) {
        set(c, TD_FIELD_ID, v, vl);
        c->have_id = true;
        return 0;
    }
    if (t != TDP_JSON_STRING)
        return 0;
    const char *z = memchr(v, '\0', vl);
    if (z) { /* "\u0000": U+FFFD, as for a NUL in a text file */
        tdp_buf_reset(&c->fixed);
        for (size_t i = 0; i < vl; i++) {
            if (v[i]) {
                tdp_buf_putc(&c->fixed, v[i]);
            } else {
                tdp_buf_put(&c->fixed, "\xEF\xBF\xBD", 3);
                c->nuls++;
            }
        }
        if (c->fixed.err) {
            c->st = TD_ENOMEM;
            return 1;
        }
        v = c->fixed.data;
        vl = c->fixed.len;
    }
    if (key_is(k, kl, "id")) {
        if (vl) { /* an empty id is no id: the fallback names the article */
            set(c, TD_FIELD_ID, v, vl);
            c->have_id = true;
        }
    } else if (key_is(k, kl, "url")) {
        set(c, TD_FIELD_URL, v, vl);
    } else if (key_is(k, kl, "title")) {
        set(c, TD_FIELD_TITLE, v, vl);
    } else if (key_is(k, kl, "date") || key_is(k, kl, "date_publish") ||
               key_is(k, kl, "published")) {
        set_date(c, v, vl);
    } else if (key_is(k, kl, "source") || key_is(k, kl, "outlet")) {
        set(c, TD_FIELD_SOURCE, v, vl);
    } else if (key_is(k, kl, "text") || key_is(k, kl, "maintext")) {
        c->saw_text = true;
        if (vl && (!c->have_text || key_is(k, kl, "maintext"))) {
            set(c, TD_FIELD_TEXT, v, vl);
            c->have_text = true;
        }
    } else if (key_is(k, kl, "html")) {
        if (vl) {
            set(c, TD_FIELD_HTML, v, vl);
            c->have_html = true;
        }
    } else if (key_is(k, kl, "author")) {
        set(c, TD_FIELD_AUTHOR, v, vl);
    } else if (key_is(k, kl, "language")) {
        if (vl)
            set(c, TD_FIELD_LANGUAGE, v, vl);
    }
    return c->st != TD_OK;
}

td_status tdp_article_from_json(const char *s, size_t n, const char *fallback_id,
                                td_article **out, tdp_buf *why, size_t *nuls)
{
    char reason[96];
    jctx c = {td_article_new(), TD_OK, false, false, false, false, NULL, 0, TDP_BUF_INIT};
    *out = NULL;
    *nuls = 0;
    if (!c.a)
        return TD_ENOMEM;
    td_status st = tdp_json_object(s, n, member, &c, reason, sizeof reason);
    tdp_buf_free(&c.fixed);
    *nuls = c.nuls;
    if (st) {
        tdp_buf_printf(why, "invalid JSON: %s", reason);
        td_article_free(c.a);
        return st;
    }
    if (c.st) {
        tdp_buf_printf(why, "%s", td_strerror(c.st));
        td_article_free(c.a);
        return c.st;
    }
    /* an empty text with a title is an article of its title alone (a feed that
     * gives only headlines); without a title there is nothing to read */
    const char *title = td_article_title(c.a);
    if (!c.have_text && !c.have_html && !(c.saw_text && title && *title)) {
        tdp_buf_puts(why, c.saw_text ? "empty text" : "no \"text\" field");
        td_article_free(c.a);
        return TD_EFIELD;
    }
    if (!c.have_id && fallback_id) {
        st = td_article_set(c.a, TD_FIELD_ID, fallback_id, strlen(fallback_id));
        if (st) {
            td_article_free(c.a);
            return st;
        }
    }
    *out = c.a;
    return TD_OK;
}

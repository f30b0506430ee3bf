/* article.c - the article record: construction, setters, getters, JSON. */
#include <stdio.h>

#include "article/article_p.h"

TD_API td_article *td_article_new(void)
{
    td_article *a = tdp_calloc(1, sizeof *a);
    return a;
}

TD_API void td_article_free(td_article *a)
{
    if (!a)
        return;
    if (a->an)
        tdp_analysis_free(a->an);
    tdp_free(a->paras);
    tdp_free(a->removed);
    tdp_arena_free(&a->arena);
    tdp_free(a->html_owned);
    tdp_free(a);
}

const char *tdp_article_str(td_article *a, const char *s, size_t n)
{
    return tdp_arena_strndup(&a->arena, s ? s : "", s ? n : 0);
}

void tdp_article_take_html(td_article *a, char *data, size_t len)
{
    tdp_free(a->html_owned);
    a->html_owned = data;
    a->html = data;
    a->html_len = len;
}

td_status tdp_article_set_date(td_article *a, const char *s, size_t n)
{
    td_date d;
    if (td_date_parse(s, n, &d) == TD_OK || (n >= 10 && td_date_parse(s, 10, &d) == TD_OK)) {
        a->date = d;
        a->date_text = NULL;
    } else if (n > 0 && n <= 120 && a->date.prec == TD_DATE_NONE) {
        const char *t = tdp_article_str(a, s, n);
        if (!t)
            return TD_ENOMEM;
        a->date_text = t;
    }
    return TD_OK;
}

TD_API td_status td_article_set(td_article *a, td_field f, const char *v, size_t len)
{
    if (!a || (!v && len))
        return TD_EARG;
    if (f == TD_FIELD_DATE) {
        td_date d;
        td_status st = td_date_parse(v, len, &d);
        if (st)
            return st;
        a->date = d;
        return TD_OK;
    }
    const char *s = tdp_article_str(a, v, len);
    if (!s)
        return TD_ENOMEM;
    switch (f) {
    case TD_FIELD_ID: a->id = s; break;
    case TD_FIELD_URL: a->url = s; break;
    case TD_FIELD_TITLE: a->title = s; break;
    case TD_FIELD_SOURCE: a->source = s; break;
    case TD_FIELD_TEXT: a->text = s; a->text_len = len; break;
    case TD_FIELD_HTML: a->html = s; a->html_len = len; break;
    case TD_FIELD_AUTHOR: a->author = s; break;
    case TD_FIELD_LANGUAGE: a->language = s; break;
    default: return TD_EARG;
    }
    return TD_OK;
}

td_status tdp_article_add_para(td_article *a, const char *s, size_t n, td_para_kind kind)
{
    if (n > UINT32_MAX)
        return TD_ETOOBIG;
    if (TDP_GROW(a->paras, a->cap_paras, a->n_paras + 1))
        return TD_ENOMEM;
    const char *t = tdp_article_str(a, s, n);
    if (!t)
        return TD_ENOMEM;
    a->paras[a->n_paras++] = (tdp_para){t, (uint32_t)n, (uint8_t)kind};
    return TD_OK;
}

td_status tdp_article_add_removed(td_article *a, const char *s, size_t n, const char *reason)
{
    if (n > UINT32_MAX)
        return TD_ETOOBIG;
    if (TDP_GROW(a->removed, a->cap_removed, a->n_removed + 1))
        return TD_ENOMEM;
    const char *t = tdp_article_str(a, s, n);
    if (!t)
        return TD_ENOMEM;
    a->removed[a->n_removed++] = (tdp_removed){t, (uint32_t)n, reason};
    return TD_OK;
}

TD_API const char *td_article_id(const td_article *a) { return a ? a->id : NULL; }
TD_API const char *td_article_url(const td_article *a) { return a ? a->url : NULL; }
TD_API const char *td_article_title(const td_article *a) { return a ? a->title : NULL; }
TD_API const char *td_article_outlet(const td_article *a)
{
    return a ? (a->outlet ? a->outlet : a->source) : NULL;
}
TD_API const char *td_article_dateline(const td_article *a) { return a ? a->dateline : NULL; }
TD_API const char *td_article_language(const td_article *a) { return a ? a->language : NULL; }
TD_API const char *td_article_author(const td_article *a) { return a ? a->author : NULL; }
TD_API const char *td_article_text(const td_article *a) { return a ? a->text : NULL; }

TD_API td_date td_article_date(const td_article *a)
{
    td_date none = {0, 0, 0, 0, 0, TD_DATE_NONE};
    return a ? a->date : none;
}

TD_API const char *td_article_origin(const td_article *a, uint32_t *line)
{
    if (line)
        *line = a ? a->line : 0;
    return a ? a->path : NULL;
}

TD_API size_t td_article_paragraph_count(const td_article *a) { return a ? a->n_paras : 0; }

TD_API const char *td_article_paragraph(const td_article *a, size_t i, size_t *len,
                                        td_para_kind *kind)
{
    if (!a || i >= a->n_paras)
        return NULL;
    if (len)
        *len = a->paras[i].len;
    if (kind)
        *kind = (td_para_kind)a->paras[i].kind;
    return a->paras[i].text;
}

TD_API size_t td_article_removed_count(const td_article *a) { return a ? a->n_removed : 0; }

TD_API const char *td_article_removed(const td_article *a, size_t i, const char **reason)
{
    if (!a || i >= a->n_removed)
        return NULL;
    if (reason)
        *reason = a->removed[i].reason;
    return a->removed[i].text;
}

static const char *kind_name(uint8_t k)
{
    switch (k) {
    case TD_PARA_HEADING: return "heading";
    case TD_PARA_LIST: return "list";
    case TD_PARA_QUOTE: return "quote";
    case TD_PARA_COMMENT: return "comment";
    default: return "text";
    }
}

TD_API td_status td_article_json(const td_article *a, char **out, size_t *len)
{
    if (!a || !out)
        return TD_EARG;
    tdp_buf b = TDP_BUF_INIT;
    char date[32];
    tdp_buf_puts(&b, "{\"id\":");
    tdp_buf_json_cstr(&b, a->id);
    tdp_buf_puts(&b, ",\"title\":");
    tdp_buf_json_cstr(&b, a->title);
    tdp_buf_puts(&b, ",\"date\":");
    if (td_date_format(&a->date, date, sizeof date))
        tdp_buf_json_cstr(&b, date);
    else
        tdp_buf_puts(&b, "null");
    tdp_buf_puts(&b, ",\"outlet\":");
    tdp_buf_json_cstr(&b, td_article_outlet(a));
    tdp_buf_puts(&b, ",\"dateline\":");
    tdp_buf_json_cstr(&b, a->dateline);
    tdp_buf_puts(&b, ",\"language\":");
    tdp_buf_json_cstr(&b, a->language);
    tdp_buf_puts(&b, ",\"url\":");
    tdp_buf_json_cstr(&b, a->url);
    tdp_buf_puts(&b, ",\"author\":");
    tdp_buf_json_cstr(&b, a->author);
    tdp_buf_puts(&b, ",\"paragraphs\":[");
    for (size_t i = 0; i < a->n_paras; i++) {
        if (i)
            tdp_buf_putc(&b, ',');
        tdp_buf_json_str(&b, a->paras[i].text, a->paras[i].len);
    }
    tdp_buf_puts(&b, "],\"kinds\":[");
    for (size_t i = 0; i < a->n_paras; i++) {
        if (i)
            tdp_buf_putc(&b, ',');
        tdp_buf_json_cstr(&b, kind_name(a->paras[i].kind));
    }
    tdp_buf_puts(&b, "],\"removed\":[");
    for (size_t i = 0; i < a->n_removed; i++) {
        tdp_buf_puts(&b, i ? ",{\"text\":" : "{\"text\":");
        tdp_buf_json_str(&b, a->removed[i].text, a->removed[i].len);
        tdp_buf_puts(&b, ",\"reason\":");
        tdp_buf_json_cstr(&b, a->removed[i].reason);
        tdp_buf_putc(&b, '}');
    }
    tdp_buf_puts(&b, "]}");
    if (b.err) {
        td_status st = b.err;
        tdp_buf_free(&b);
        return st;
    }
    *out = tdp_buf_detach(&b, len);
    return *out ? TD_OK : TD_ENOMEM;
}

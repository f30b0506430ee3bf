/* clean.c - the cleaning stage: one paragraph per non-empty line for now. */
#include "article/article_p.h"
#include "html/html_p.h"
#include "tidings/clean.h"

TD_API td_status td_clean(td_article *a)
{
    if (!a)
        return TD_EARG;
    if (a->cleaned)
        return TD_OK;
    if (!a->text && a->html) {
        td_status st = tdp_html_extract(a);
        if (st)
            return st;
    }
    const char *p = a->text ? a->text : "";
    size_t n = a->text ? a->text_len : 0, i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && p[j] != '\n')
            j++;
        size_t b = i, e = j;
        while (b < e && (p[b] == ' ' || p[b] == '\t' || p[b] == '\r'))
            b++;
        while (e > b && (p[e - 1] == ' ' || p[e - 1] == '\t' || p[e - 1] == '\r'))
            e--;
        if (e > b && tdp_article_add_para(a, p + b, e - b, TD_PARA_TEXT))
            return TD_ENOMEM;
        i = j + 1;
    }
    a->cleaned = true;
    return a->n_paras ? TD_OK : TD_EEMPTY;
}

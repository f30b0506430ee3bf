/*
 * run_html.c - golden pages: each tests/html/cases/NAME.html is extracted and the
 * result (metadata lines, a blank line, the text) compared with NAME.txt. A page
 * expected to hold no article has "status: no article" as its .txt.
 *
 *   run_html CASES_DIR            compare, print a diff-like report, exit 1 on mismatch
 *   TD_REGEN=1 run_html CASES_DIR write the .txt files from the current output
 */
#include <stdio.h>
#include <stdlib.h>

#include "html/html_p.h"
#include "../listdir.h"

static void render(const char *html, size_t n, tdp_buf *out)
{
    td_article *a = td_article_new();
    if (!a || td_article_set(a, TD_FIELD_HTML, html, n)) {
        tdp_buf_puts(out, "status: out of memory\n");
        td_article_free(a);
        return;
    }
    td_status st = tdp_html_extract(a);
    if (st == TD_EEMPTY) {
        tdp_buf_puts(out, "status: no article\n");
    } else if (st) {
        tdp_buf_printf(out, "status: %s\n", td_strerror(st));
    } else {
        char d[40];
        td_date_format(&a->date, d, sizeof d);
        if (a->title)
            tdp_buf_printf(out, "title: %s\n", a->title);
        if (d[0])
            tdp_buf_printf(out, "date: %s\n", d);
        if (a->author)
            tdp_buf_printf(out, "author: %s\n", a->author);
        if (a->outlet)
            tdp_buf_printf(out, "outlet: %s\n", a->outlet);
        if (a->url)
            tdp_buf_printf(out, "url: %s\n", a->url);
        if (a->language)
            tdp_buf_printf(out, "language: %s\n", a->language);
        tdp_buf_puts(out, "\n");
        tdp_buf_put(out, a->text, a->text_len);
        tdp_buf_puts(out, "\n");
    }
    td_article_free(a);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: run_html CASES_DIR\n");
        return 2;
    }
    bool regen = getenv("TD_REGEN") && getenv("TD_REGEN")[0] == '1';
    size_t nn;
    char **names = td_list_dir(argv[1], ".html", &nn);
    if (!names)
        return 2;
    int bad = 0;
    for (size_t i = 0; i < nn; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s", names[i]);
        size_t stem = strlen(path) - 5; /* without ".html" */
        size_t hl, el;
        char *html = tdp_read_file(path, &hl);
        tdp_buf out = TDP_BUF_INIT;
        render(html ? html : "", html ? hl : 0, &out);
        snprintf(path + stem, sizeof path - stem, ".txt");
        const char *name = names[i] + strlen(argv[1]) + 1; /* NAME.html */
        int name_len = (int)strlen(name) - 5;
        if (regen) {
            FILE *f = fopen(path, "wb");
            if (f) {
                fwrite(out.data, 1, out.len, f);
                fclose(f);
            }
        } else {
            char *exp = tdp_read_file(path, &el);
            if (!exp || el != out.len || memcmp(exp, out.data, el) != 0) {
                bad++;
                printf("FAIL %.*s\n--- expected\n%s--- got\n%s", name_len, name,
                       exp ? exp : "(none)\n", out.data);
            } else {
                printf("ok   %.*s\n", name_len, name);
            }
            tdp_free(exp);
        }
        tdp_buf_free(&out);
        tdp_free(html);
    }
    td_list_free(names, nn);
    printf("%zu pages, %d failed\n", nn, bad);
    return bad ? 1 : 0;
}

/* hello.c - a program built against the installed library: the API as a user sees
 * it, through pkg-config. Reads one article from memory and prints the corpus. */
#include <stdio.h>
#include <string.h>

#include <tidings/tidings.h>

int main(void)
{
    static const char text[] =
        " date 2026-03-02\nDockworkers walk out\nThe strike began on Monday.\n";
    td_reader *r = td_reader_new(NULL);
    td_corpus *c = td_corpus_new(NULL);
    if (!r || !c)
        return 1;
    td_article *a = NULL;
    if (td_reader_add_buffer(r, "hello.txt", text, sizeof text - 1) != TD_OK ||
        td_reader_next(r, &a) != TD_OK || td_corpus_add(c, a) != TD_OK ||
        td_corpus_build(c) != TD_OK) {
        fprintf(stderr, "hello: %s\n", td_reader_error(r));
        return 1;
    }
    char *out = NULL;
    size_t n = 0;
    if (td_corpus_json(c, &out, &n) != TD_OK)
        return 1;
    printf("tidings %s: %zu article, %zu bytes of JSON\n", td_version(),
           td_corpus_article_count(c), n);
    td_free(out);
    td_corpus_free(c);
    td_reader_free(r);
    return strlen(td_version()) ? 0 : 1;
}

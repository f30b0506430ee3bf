/* stem.c - Snowball stemmers behind a small wrapper: the language's data names its
 * stemmer (tdp_lang.snowball). */
#include <libstemmer.h>

#include "lang/lang.h"

struct tdp_stemmer {
    struct sb_stemmer *sb;
    const tdp_lang *lang;
};

tdp_stemmer *tdp_stemmer_new(const char *lang)
{
    tdp_stemmer *st = tdp_calloc(1, sizeof *st);
    if (!st)
        return NULL;
    st->lang = tdp_lang_get(lang);
    st->sb = st->lang->snowball ? sb_stemmer_new(st->lang->snowball, "UTF_8") : NULL;
    if (st->lang->snowball && !st->sb) {
        tdp_free(st);
        return NULL;
    }
    return st;
}

void tdp_stemmer_free(tdp_stemmer *st)
{
    if (!st)
        return;
    sb_stemmer_delete(st->sb);
    tdp_free(st);
}

const char *tdp_stemmer_lang(const tdp_stemmer *st)
{
    return st ? st->lang->code : "en";
}

const char *tdp_stem(tdp_stemmer *st, const char *w, size_t n, size_t *out_len)
{
    const sb_symbol *r = NULL;
    if (st && st->sb && n <= 256)
        r = sb_stemmer_stem(st->sb, (const sb_symbol *)w, (int)n);
    if (!r) {
        *out_len = n;
        return w;
    }
    *out_len = (size_t)sb_stemmer_length(st->sb);
    return (const char *)r;
}

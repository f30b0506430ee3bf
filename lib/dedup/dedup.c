/* dedup.c - exact copies only, for now: same cleaned text. */
#include "dedup/dedup_p.h"

static bool same_text(const td_article *a, const td_article *b)
{
    if (a->n_paras != b->n_paras)
        return false;
    for (size_t i = 0; i < a->n_paras; i++)
        if (a->paras[i].len != b->paras[i].len ||
            memcmp(a->paras[i].text, b->paras[i].text, a->paras[i].len) != 0)
            return false;
    return true;
}

td_status tdp_dedup_corpus(td_article *const *arts, size_t n, double threshold,
                           tdp_copy *out)
{
    (void)threshold;
    for (size_t i = 0; i < n; i++) {
        out[i] = (tdp_copy){-1, 0.0f, TDP_COPY_NONE};
        for (size_t j = 0; j < i; j++) {
            if (out[j].of < 0 && same_text(arts[i], arts[j])) {
                out[i] = (tdp_copy){(int32_t)j, 1.0f, TDP_COPY_EXACT};
                break;
            }
        }
    }
    return TD_OK;
}

/* fuzz_prepared.c - bytes read as a prepared article (tdp_prepared_decode); what
 * reads is written again and must read back to the same bytes, and is then briefed
 * (a corpus of it, built and emitted) as a store's `show` would. Odd sizes get a
 * correct checksum written over their last 8 bytes, so that the layout checks
 * behind the checksum are fuzzed too; even sizes are read as they are. */
#include <stdlib.h>
#include <string.h>
#define XXH_INLINE_ALL

#include "fuzz.h"
#include "pipeline/pipeline_p.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t *copy = td_fuzz_sealed_copy(data, size);
    if (!copy)
        return 0;
    tdp_prepared p;
    if (tdp_prepared_decode(copy, size, &p) == TD_OK) {
        unsigned char *b = NULL, *b2 = NULL;
        size_t n = 0, n2 = 0;
        tdp_prepared q;
        if (tdp_prepared_encode(&p, &b, &n) == TD_OK &&
            tdp_prepared_decode(b, n, &q) == TD_OK) {
            if (tdp_prepared_encode(&q, &b2, &n2) == TD_OK &&
                (n2 != n || memcmp(b, b2, n)))
                abort(); /* what was read must write and read back the same */
            td_corpus *c = td_corpus_new(NULL);
            if (c && tdp_corpus_add_prepared(c, &q) == TD_OK && td_corpus_build(c) == TD_OK) {
                char *out = NULL;
                if (td_corpus_json(c, &out, NULL) == TD_OK)
                    td_free(out);
                out = NULL;
                if (td_corpus_markdown(c, &out, NULL) == TD_OK)
                    td_free(out);
            }
            td_corpus_free(c);
            tdp_prepared_free(&q);
        }
        td_free(b);
        td_free(b2);
        tdp_prepared_free(&p);
    }
    free(copy);
    return 0;
}

/* fuzz_dedup_index.c - a copy-index file through td_dedup_index_load, then a
 * query, an add and a save of what loaded. Odd sizes get a correct checksum
 * written over their last 8 bytes, so that the checks behind the checksum are
 * fuzzed too; even sizes are loaded as they are. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#define XXH_INLINE_ALL

#include "fuzz.h"

static const char k_text[] =
    "The harbour authority on Tuesday approved plans for a new ferry terminal on the "
    "south bank of the river, ending a two-year review.\n"
    "The terminal will cost an estimated 140 million euros and open in 2029.";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *dir = getenv("TMPDIR");
    char path[512], out[540];
    snprintf(path, sizeof path, "%s/td_fuzz_index_%ld", dir ? dir : "/tmp", (long)getpid());
    snprintf(out, sizeof out, "%s.saved", path);
    uint8_t *copy = td_fuzz_sealed_copy(data, size);
    if (!copy)
        return 0;
    FILE *f = fopen(path, "wb");
    if (!f) {
        free(copy);
        return 0;
    }
    size_t w = fwrite(copy, 1, size, f);
    fclose(f);
    free(copy);
    if (w != size)
        return 0;
    td_dedup_index *ix = NULL;
    if (td_dedup_index_load(path, &ix) == TD_OK) {
        td_article *a = td_article_new();
        if (a && td_article_set(a, TD_FIELD_ID, "q", 1) == TD_OK &&
            td_article_set(a, TD_FIELD_TEXT, k_text, sizeof k_text - 1) == TD_OK &&
            td_clean(a) == TD_OK) {
            td_dedup_match m;
            td_status st = td_dedup_index_query(ix, a, &m);
            if (st == TD_OK || st == TD_EEMPTY)
                st = td_dedup_index_add(ix, a, &m);
            (void)td_dedup_index_count(ix);
            if (st == TD_OK && td_dedup_index_save(ix, out) == TD_OK)
                remove(out);
        }
        td_article_free(a);
        td_dedup_index_free(ix);
    }
    remove(path);
    return 0;
}

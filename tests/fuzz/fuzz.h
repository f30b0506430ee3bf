/*
 * fuzz.h - what every fuzz target shares: the libFuzzer entry point, and the whole
 * pipeline run over one input (reader -> clean -> corpus -> build -> emit).
 *
 * A target is tests/fuzz/fuzz_<name>.c defining LLVMFuzzerTestOneInput; its seed
 * corpus is tests/fuzz/corpus/<name>/. tests/fuzz.cmake builds each target twice:
 * with the replay driver (replay.c, any compiler, run by ctest on the corpus) and,
 * with -DTD_FUZZ=ON and clang, as a libFuzzer binary (`make fuzz`).
 */
#ifndef TD_FUZZ_H
#define TD_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <xxhash.h>

#include "tidings/tidings.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * A malloc'd copy of the input (free it). For formats sealed by an XXH3 checksum
 * in their last 8 bytes (prepared articles, dedup indexes), odd-sized inputs of 16
 * bytes or more get a valid seal, so that the fuzzer reaches the checks behind it.
 */
static inline uint8_t *td_fuzz_sealed_copy(const uint8_t *data, size_t size)
{
    uint8_t *copy = malloc(size ? size : 1);
    if (!copy)
        return NULL;
    if (size)
        memcpy(copy, data, size);
    if ((size & 1) && size >= 16) {
        uint64_t sum = XXH3_64bits(copy, size - 8);
        for (int i = 0; i < 8; i++)
            copy[size - 8 + i] = (uint8_t)(sum >> (8 * i));
    }
    return copy;
}

/*
 * Reads the input as the file `name` and runs every article through cleaning and
 * a corpus, then builds and emits it. Every status is acceptable; only crashes,
 * leaks, undefined behaviour and hangs are findings.
 */
static inline void td_fuzz_pipeline(const char *name, const uint8_t *data, size_t size,
                                    const td_reader_opts *opts)
{
    td_reader *r = td_reader_new(opts);
    td_corpus *c = td_corpus_new(NULL);
    if (!r || !c)
        goto done;
    if (td_reader_add_buffer(r, name, (const char *)data, size) != TD_OK)
        goto done;
    for (int guard = 0; guard < 100000; guard++) {
        td_article *a = NULL;
        td_status st = td_reader_next(r, &a);
        (void)td_reader_error(r);
        (void)td_reader_warning(r);
        if (st == TD_END)
            break;
        if (st != TD_OK)
            continue;
        uint32_t line;
        (void)td_article_origin(a, &line);
        if (td_clean(a) == TD_OK) {
            char *js = NULL;
            size_t n = 0;
            if (td_article_json(a, &js, &n) == TD_OK)
                td_free(js);
            for (size_t i = 0; i < td_article_paragraph_count(a); i++) {
                size_t len;
                td_para_kind kind;
                (void)td_article_paragraph(a, i, &len, &kind);
            }
        }
        if (td_corpus_add(c, a) != TD_OK) /* takes a, whatever the status */
            continue;
    }
    if (td_corpus_build(c) == TD_OK) {
        char *out = NULL;
        size_t n = 0;
        if (td_corpus_json(c, &out, &n) == TD_OK)
            td_free(out);
        out = NULL;
        if (td_corpus_markdown(c, &out, &n) == TD_OK)
            td_free(out);
    }
done:
    td_corpus_free(c);
    td_reader_free(r);
}

#endif

/* fuzz_jsonl.c - JSON Lines through the whole pipeline, with a small line limit so
 * that the too-long-line path is reached too. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    td_reader_opts o = {2048, (int)(size & 1)};
    td_fuzz_pipeline("fuzz.jsonl", data, size, &o);
    return 0;
}

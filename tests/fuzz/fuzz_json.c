/* fuzz_json.c - one JSON object per file (news-please) through the whole pipeline;
 * also sniffed as an unnamed file, which exercises the format detection. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    td_reader_opts o = {1 << 20, 1};
    td_fuzz_pipeline("fuzz.json", data, size, &o);
    if (size < 4096)
        td_fuzz_pipeline("fuzz-sniffed", data, size, &o);
    return 0;
}

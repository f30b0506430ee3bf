/* fuzz_warc.c - a WARC file through the reader (records, HTTP headers, codings,
 * resynchronisation), extraction and the whole pipeline; the first byte picks a
 * small size limit so that oversized records are reached too. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    td_reader_opts o = {size && (data[0] & 1) ? 2048 : 0, 0};
    td_fuzz_pipeline("fuzz.warc", data, size, &o);
    return 0;
}

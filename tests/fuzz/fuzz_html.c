/* fuzz_html.c - an HTML page through the reader, extraction and the whole pipeline;
 * the first byte picks the size limit so that the too-big path is reached too. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    td_reader_opts o = {size && (data[0] & 1) ? 4096 : 0, 0};
    td_fuzz_pipeline("fuzz.html", data, size, &o);
    return 0;
}

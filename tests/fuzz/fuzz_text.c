/* fuzz_text.c - a plain-text article (with or without the date line) through the
 * whole pipeline; odd sizes read with UTF-8 repair, even sizes without. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    td_reader_opts o = {1 << 20, (int)(size & 1)};
    td_fuzz_pipeline("fuzz.txt", data, size, &o);
    return 0;
}

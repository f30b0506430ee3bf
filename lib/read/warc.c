/* warc.c - WARC files: not read yet; each file is reported and skipped. */
#include "read/read_p.h"

td_status tdp_warc_next(tdp_source *src, size_t max, td_article **out, tdp_buf *why)
{
    (void)src;
    (void)max;
    *out = NULL;
    tdp_buf_puts(why, "WARC files are not supported yet");
    return TD_EFORMAT;
}

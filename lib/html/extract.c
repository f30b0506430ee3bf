/* extract.c - HTML pages are not extracted yet. */
#include "html/html_p.h"

td_status tdp_html_extract(td_article *a)
{
    (void)a;
    return TD_EFORMAT;
}

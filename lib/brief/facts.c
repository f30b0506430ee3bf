/*
 * facts.c - corroboration and discrepancies: the date and the place that the
 * story's articles give for the same named event, with the independent sources
 * behind each value.
 */
#include "brief/brief_i.h"

td_status tdp_brief_facts(bctx *c)
{
    (void)c;
    return TD_OK;
}

/* dates_en.c - English names of months and weekdays, and the words of timestamps. */
#include "lang/dates.h"

static const tdp_date_word months[] = {
    {"january", 1, 0}, {"jan", 1, 1}, {"february", 2, 0}, {"feb", 2, 1},
    {"march", 3, 0}, {"mar", 3, 1}, {"april", 4, 0}, {"apr", 4, 1}, {"may", 5, 0},
    {"june", 6, 0}, {"jun", 6, 1}, {"july", 7, 0}, {"jul", 7, 1}, {"august", 8, 0},
    {"aug", 8, 1}, {"september", 9, 0}, {"sep", 9, 1}, {"sept", 9, 1},
    {"october", 10, 0}, {"oct", 10, 1}, {"november", 11, 0}, {"nov", 11, 1},
    {"december", 12, 0}, {"dec", 12, 1}, {NULL, 0, 0}};

static const tdp_date_word weekdays[] = {
    {"monday", 0, 0}, {"tuesday", 1, 0}, {"wednesday", 2, 0}, {"thursday", 3, 0},
    {"friday", 4, 0}, {"saturday", 5, 0}, {"sunday", 6, 0}, {"mon", 0, 1},
    {"tue", 1, 1}, {"tues", 1, 1}, {"wed", 2, 1}, {"thu", 3, 1}, {"thur", 3, 1},
    {"thurs", 3, 1}, {"fri", 4, 1}, {"sat", 5, 1}, {"sun", 6, 1}, {NULL, 0, 0}};

static const char *const stamp_words[] = {
    "updated", "published", "posted", "modified", "on", "at", "ago", "hours", "hour",
    "minutes", "min", "mins", "h", "min.", "and", "(updated", "(updated:", "updated:",
    "published:", "posted:", "date:", "date", NULL};

const tdp_date_lang *tdp_dates_en(void)
{
    static const tdp_date_lang lang = {"en", months, weekdays, stamp_words};
    return &lang;
}

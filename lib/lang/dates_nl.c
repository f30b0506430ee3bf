/* dates_nl.c - Dutch names of months and weekdays, and the words of timestamps. */
#include "lang/dates.h"

static const tdp_date_word months[] = {
    {"januari", 1, 0}, {"februari", 2, 0}, {"maart", 3, 0}, {"april", 4, 0},
    {"mei", 5, 0}, {"juni", 6, 0}, {"juli", 7, 0}, {"augustus", 8, 0},
    {"september", 9, 0}, {"oktober", 10, 0}, {"november", 11, 0},
    {"december", 12, 0}, {NULL, 0, 0}};

static const tdp_date_word weekdays[] = {
    {"maandag", 0, 0}, {"dinsdag", 1, 0}, {"woensdag", 2, 0}, {"donderdag", 3, 0},
    {"vrijdag", 4, 0}, {"zaterdag", 5, 0}, {"zondag", 6, 0}, {NULL, 0, 0}};

static const char *const stamp_words[] = {"bijgewerkt", "gepubliceerd", "om", NULL};

const tdp_date_lang *tdp_dates_nl(void)
{
    static const tdp_date_lang lang = {"nl", months, weekdays, stamp_words};
    return &lang;
}

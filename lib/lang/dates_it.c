/* dates_it.c - Italian names of months and weekdays, and the words of timestamps. */
#include "lang/dates.h"

static const tdp_date_word months[] = {
    {"gennaio", 1, 0}, {"febbraio", 2, 0}, {"marzo", 3, 0}, {"aprile", 4, 0},
    {"maggio", 5, 0}, {"giugno", 6, 0}, {"luglio", 7, 0}, {"agosto", 8, 0},
    {"settembre", 9, 0}, {"ottobre", 10, 0}, {"novembre", 11, 0},
    {"dicembre", 12, 0}, {NULL, 0, 0}};

static const tdp_date_word weekdays[] = {
    {"lunedì", 0, 0}, {"martedì", 1, 0}, {"mercoledì", 2, 0}, {"giovedì", 3, 0},
    {"venerdì", 4, 0}, {"sabato", 5, 0}, {"domenica", 6, 0}, {NULL, 0, 0}};

static const char *const stamp_words[] = {"aggiornato", "pubblicato", "alle", "il", NULL};

const tdp_date_lang *tdp_dates_it(void)
{
    static const tdp_date_lang lang = {"it", months, weekdays, stamp_words};
    return &lang;
}

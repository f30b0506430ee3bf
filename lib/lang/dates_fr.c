/* dates_fr.c - French names of months and weekdays, and the words of timestamps. */
#include "lang/dates.h"

static const tdp_date_word months[] = {
    {"janvier", 1, 0}, {"février", 2, 0}, {"mars", 3, 0}, {"avril", 4, 0},
    {"mai", 5, 0}, {"juin", 6, 0}, {"juillet", 7, 0}, {"août", 8, 0},
    {"septembre", 9, 0}, {"octobre", 10, 0}, {"novembre", 11, 0},
    {"décembre", 12, 0}, {NULL, 0, 0}};

static const tdp_date_word weekdays[] = {
    {"lundi", 0, 0}, {"mardi", 1, 0}, {"mercredi", 2, 0}, {"jeudi", 3, 0},
    {"vendredi", 4, 0}, {"samedi", 5, 0}, {"dimanche", 6, 0}, {NULL, 0, 0}};

static const char *const stamp_words[] = {"publié", "le", "à", "mis", "jour", NULL};

const tdp_date_lang *tdp_dates_fr(void)
{
    static const tdp_date_lang lang = {"fr", months, weekdays, stamp_words};
    return &lang;
}

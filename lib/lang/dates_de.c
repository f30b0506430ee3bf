/* dates_de.c - German names of months and weekdays, and the words of timestamps. */
#include "lang/dates.h"

static const tdp_date_word months[] = {
    {"januar", 1, 0}, {"jänner", 1, 0}, {"februar", 2, 0}, {"märz", 3, 0},
    {"april", 4, 0}, {"mai", 5, 0}, {"juni", 6, 0}, {"juli", 7, 0}, {"august", 8, 0},
    {"september", 9, 0}, {"oktober", 10, 0}, {"november", 11, 0},
    {"dezember", 12, 0}, {NULL, 0, 0}};

static const tdp_date_word weekdays[] = {
    {"montag", 0, 0}, {"dienstag", 1, 0}, {"mittwoch", 2, 0}, {"donnerstag", 3, 0},
    {"freitag", 4, 0}, {"samstag", 5, 0}, {"sonntag", 6, 0}, {NULL, 0, 0}};

static const char *const stamp_words[] = {
    "aktualisiert", "veröffentlicht", "um", "uhr", "stand", "datum:", "datum", NULL};

const tdp_date_lang *tdp_dates_de(void)
{
    static const tdp_date_lang lang = {"de", months, weekdays, stamp_words};
    return &lang;
}

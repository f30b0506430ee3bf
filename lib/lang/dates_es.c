/* dates_es.c - Spanish names of months and weekdays, and the words of timestamps. */
#include "lang/dates.h"

static const tdp_date_word months[] = {
    {"enero", 1, 0}, {"febrero", 2, 0}, {"marzo", 3, 0}, {"abril", 4, 0},
    {"mayo", 5, 0}, {"junio", 6, 0}, {"julio", 7, 0}, {"agosto", 8, 0},
    {"septiembre", 9, 0}, {"setiembre", 9, 0}, {"octubre", 10, 0},
    {"noviembre", 11, 0}, {"diciembre", 12, 0}, {NULL, 0, 0}};

static const tdp_date_word weekdays[] = {
    {"lunes", 0, 0}, {"martes", 1, 0}, {"miércoles", 2, 0}, {"jueves", 3, 0},
    {"viernes", 4, 0}, {"sábado", 5, 0}, {"domingo", 6, 0}, {NULL, 0, 0}};

static const char *const stamp_words[] = {
    "actualizado", "publicado", "el", "a", "las", "los", "de", "del", "fecha", "fecha:",
    NULL};

const tdp_date_lang *tdp_dates_es(void)
{
    static const tdp_date_lang lang = {"es", months, weekdays, stamp_words};
    return &lang;
}

/* dates_pt.c - Portuguese names of months and weekdays, and the words of
 * timestamps. */
#include "lang/dates.h"

static const tdp_date_word months[] = {
    {"janeiro", 1, 0}, {"fevereiro", 2, 0}, {"março", 3, 0}, {"abril", 4, 0},
    {"maio", 5, 0}, {"junho", 6, 0}, {"julho", 7, 0}, {"agosto", 8, 0},
    {"setembro", 9, 0}, {"outubro", 10, 0}, {"novembro", 11, 0},
    {"dezembro", 12, 0}, {NULL, 0, 0}};

static const tdp_date_word weekdays[] = {
    {"segunda-feira", 0, 0}, {"terça-feira", 1, 0}, {"quarta-feira", 2, 0},
    {"quinta-feira", 3, 0}, {"sexta-feira", 4, 0}, {"sábado", 5, 0},
    {"domingo", 6, 0}, {NULL, 0, 0}};

static const char *const stamp_words[] = {"atualizado", "às", NULL};

const tdp_date_lang *tdp_dates_pt(void)
{
    static const tdp_date_lang lang = {"pt", months, weekdays, stamp_words};
    return &lang;
}

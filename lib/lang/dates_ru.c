/* dates_ru.c - Russian names of months (nominative and genitive) and weekdays, and
 * the words of timestamps. */
#include "lang/dates.h"

static const tdp_date_word months[] = {
    {"январь", 1, 0}, {"января", 1, 0}, {"февраль", 2, 0}, {"февраля", 2, 0},
    {"март", 3, 0}, {"марта", 3, 0}, {"апрель", 4, 0}, {"апреля", 4, 0},
    {"май", 5, 0}, {"мая", 5, 0}, {"июнь", 6, 0}, {"июня", 6, 0}, {"июль", 7, 0},
    {"июля", 7, 0}, {"август", 8, 0}, {"августа", 8, 0}, {"сентябрь", 9, 0},
    {"сентября", 9, 0}, {"октябрь", 10, 0}, {"октября", 10, 0}, {"ноябрь", 11, 0},
    {"ноября", 11, 0}, {"декабрь", 12, 0}, {"декабря", 12, 0}, {NULL, 0, 0}};

static const tdp_date_word weekdays[] = {
    {"понедельник", 0, 0}, {"вторник", 1, 0}, {"среда", 2, 0}, {"четверг", 3, 0},
    {"пятница", 4, 0}, {"суббота", 5, 0}, {"воскресенье", 6, 0}, {NULL, 0, 0}};

static const char *const stamp_words[] = {
    "обновлено", "опубликовано", "в", "г", "г.", "года", "дата", "дата:", NULL};

const tdp_date_lang *tdp_dates_ru(void)
{
    static const tdp_date_lang lang = {"ru", months, weekdays, stamp_words};
    return &lang;
}

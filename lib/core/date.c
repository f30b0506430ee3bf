/* date.c - calendar arithmetic (civil-from-days after the well-known era method)
 * and ISO 8601 formatting and parsing. */
#include <stdio.h>

#include "core.h"

int32_t tdp_days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void tdp_civil_from_days(int32_t z, int *y, int *m, int *d)
{
    z += 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int yy = yoe + era * 400;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = yy + (*m <= 2);
}

int tdp_weekday(int32_t days)
{
    /* 1970-01-01 was a Thursday (3 when Monday is 0). */
    int w = (int)((days % 7 + 7) % 7);
    return (w + 3) % 7;
}

int tdp_days_in_month(int y, int m)
{
    static const int dm[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 0;
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return dm[m - 1];
}

TD_API int32_t td_date_days(const td_date *d)
{
    return tdp_days_from_civil(d->year, d->month ? d->month : 1, d->day ? d->day : 1);
}

TD_API size_t td_date_format(const td_date *d, char *buf, size_t n)
{
    int w;
    switch (d ? d->prec : TD_DATE_NONE) {
    case TD_DATE_YEAR: w = snprintf(buf, n, "%04d", d->year); break;
    case TD_DATE_MONTH: w = snprintf(buf, n, "%04d-%02d", d->year, d->month); break;
    case TD_DATE_DAY:
        w = snprintf(buf, n, "%04d-%02d-%02d", d->year, d->month, d->day);
        break;
    case TD_DATE_MINUTE:
        w = snprintf(buf, n, "%04d-%02d-%02dT%02d:%02dZ", d->year, d->month, d->day,
                     d->hour, d->minute);
        break;
    default:
        if (n)
            buf[0] = '\0';
        return 0;
    }
    return w < 0 ? 0 : (size_t)w;
}

static int digits(const char *s, size_t len, size_t at, size_t cnt)
{
    if (at + cnt > len)
        return -1;
    int v = 0;
    for (size_t i = 0; i < cnt; i++) {
        char c = s[at + i];
        if (c < '0' || c > '9')
            return -1;
        v = v * 10 + (c - '0');
    }
    return v;
}

TD_API td_status td_date_parse(const char *s, size_t len, td_date *out)
{
    td_date d = {0, 0, 0, 0, 0, TD_DATE_NONE};
    while (len && (*s == ' ' || *s == '\t')) {
        s++;
        len--;
    }
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r' ||
                   s[len - 1] == '\n'))
        len--;
    int y = digits(s, len, 0, 4);
    if (y < 0)
        return TD_EPARSE;
    d.year = (int16_t)y;
    d.prec = TD_DATE_YEAR;
    size_t p = 4;
    if (p < len && s[p] == '-') {
        int m = digits(s, len, p + 1, 2);
        if (m < 1 || m > 12)
            return TD_EPARSE;
        d.month = (int8_t)m;
        d.prec = TD_DATE_MONTH;
        p += 3;
        if (p < len && s[p] == '-') {
            int dd = digits(s, len, p + 1, 2);
            if (dd < 1 || dd > tdp_days_in_month(y, m))
                return TD_EPARSE;
            d.day = (int8_t)dd;
            d.prec = TD_DATE_DAY;
            p += 3;
            if (p < len && (s[p] == 'T' || s[p] == ' ')) {
                int hh = digits(s, len, p + 1, 2);
                int mm = (p + 3 < len && s[p + 3] == ':') ? digits(s, len, p + 4, 2) : -1;
                if (hh < 0 || hh > 23 || mm < 0 || mm > 59)
                    return TD_EPARSE;
                p += 6;
                if (p < len && s[p] == ':') {
                    if (digits(s, len, p + 1, 2) < 0)
                        return TD_EPARSE;
                    p += 3;
                    if (p < len && s[p] == '.') {
                        p++;
                        while (p < len && s[p] >= '0' && s[p] <= '9')
                            p++;
                    }
                }
                int off = 0; /* minutes east of UTC */
                if (p < len && (s[p] == 'Z' || s[p] == 'z')) {
                    p++;
                } else if (p < len && (s[p] == '+' || s[p] == '-')) {
                    int oh = digits(s, len, p + 1, 2);
                    size_t q = p + 3;
                    if (q < len && s[q] == ':')
                        q++;
                    int om = digits(s, len, q, 2);
                    if (oh < 0 || om < 0)
                        return TD_EPARSE;
                    off = (oh * 60 + om) * (s[p] == '-' ? -1 : 1);
                    p = q + 2;
                }
                /* Normalise to UTC. */
                int32_t days = tdp_days_from_civil(y, m, dd);
                int mins = hh * 60 + mm - off;
                while (mins < 0) { mins += 1440; days--; }
                while (mins >= 1440) { mins -= 1440; days++; }
                int yy, mo, da;
                tdp_civil_from_days(days, &yy, &mo, &da);
                d.year = (int16_t)yy; d.month = (int8_t)mo; d.day = (int8_t)da;
                d.hour = (int8_t)(mins / 60);
                d.minute = (int8_t)(mins % 60);
                d.prec = TD_DATE_MINUTE;
            }
        }
    }
    if (p != len)
        return TD_EPARSE;
    *out = d;
    return TD_OK;
}

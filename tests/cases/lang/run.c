/* run.c - table-driven cases of the date reader and resolver (lib/lang/dates.c).
 *
 * Each *.case file in the folder holds cases separated by blank lines:
 *   # comment
 *   date 2026-03-07          anchor of the phrases ("date none" when unknown)
 *   text One sentence.       phrase mode: the sentence read
 *   dates 2026-03-07 2026-03 every date placed, in order (a week: W2026-03-02)
 *   spans on Saturday|March  the phrases, in order
 *   tenses future past       the tense of each phrase's clause
 *   stamp 08:24 GMT 15.01.2022     stamp mode, strict (a timestamp line)
 *   field Published July 28, 2004  stamp mode, lenient (a field meant for a date)
 *   want 2022-01-15T08:24Z   what the stamp gives: a day, a day and time
 *                            ("2022-01-15 08:24" without a zone, UTC with one),
 *                            "time 08:24" (no date), or "none"
 * Usage: run DIR   |   run --dump DATE SENTENCE  (prints what the reader finds)
 */
#include <stdio.h>
#include <stdlib.h>

#include "lang/dates.h"
#include "../cases.h"

typedef struct kase {
    char date[32];
    char text[2048];
    char stamp[512];
    bool lenient, is_stamp;
    char *expect[16];
    size_t n_expect;
    unsigned line;
} kase;

typedef struct got {
    char dates[1024], spans[2048], tenses[512];
    const char *s;
} got;

static int on_hit(void *ctx, const tdp_date_hit *h)
{
    static const char *const tense[] = {"unknown", "past", "present", "future"};
    got *g = ctx;
    char b[48];
    if (h->week) {
        b[0] = 'W';
        td_date_format(&h->date, b + 1, sizeof b - 1);
    } else {
        td_date_format(&h->date, b, sizeof b);
    }
    case_append(g->dates, sizeof g->dates, " ", b);
    char sp[256];
    snprintf(sp, sizeof sp, "%.*s", (int)h->len, g->s + h->off);
    case_append(g->spans, sizeof g->spans, "|", sp);
    case_append(g->tenses, sizeof g->tenses, " ", tense[h->p.tense & 3]);
    return 0;
}

static bool read_phrases(const char *date, const char *text, got *g)
{
    td_date ref = {0, 0, 0, 0, 0, TD_DATE_NONE};
    if (strcmp(date, "none") && td_date_parse(date, strlen(date), &ref) != TD_OK)
        return false;
    memset(g, 0, sizeof *g);
    g->s = text;
    tdp_toklist tl = TDP_TOKLIST_INIT;
    td_status st = tdp_find_dates(text, strlen(text), &ref, &tl, on_hit, g);
    tdp_toklist_free(&tl);
    return st == TD_OK;
}

static void stamp_text(const char *s, bool lenient, char *out, size_t n)
{
    tdp_stamp st;
    if (!tdp_date_stamp(s, strlen(s), lenient, &st) || (!st.has_date && !st.has_time)) {
        snprintf(out, n, "none");
        return;
    }
    if (!st.has_date) {
        snprintf(out, n, "time %02d:%02d", st.h, st.mi);
        return;
    }
    td_date d = {(int16_t)st.y, (int8_t)st.m, (int8_t)st.d, 0, 0, TD_DATE_DAY};
    if (st.has_time && st.has_zone) {
        int32_t z = tdp_days_from_civil(st.y, st.m, st.d);
        int mins = st.h * 60 + st.mi - st.zone;
        if (mins < 0)
            mins += 1440, z--;
        if (mins >= 1440)
            mins -= 1440, z++;
        int y, m, dd;
        tdp_civil_from_days(z, &y, &m, &dd);
        d = (td_date){(int16_t)y, (int8_t)m, (int8_t)dd, (int8_t)(mins / 60),
                      (int8_t)(mins % 60), TD_DATE_MINUTE};
        td_date_format(&d, out, n);
    } else if (st.has_time) {
        char b[16];
        td_date_format(&d, b, sizeof b);
        snprintf(out, n, "%s %02d:%02d", b, st.h, st.mi);
    } else {
        td_date_format(&d, out, n);
    }
}

static void run_case(const char *file, const kase *k)
{
    got g;
    char stamp[64] = "";
    if (k->is_stamp) {
        stamp_text(k->stamp, k->lenient, stamp, sizeof stamp);
    } else if (!read_phrases(k->date, k->text, &g)) {
        case_fail(file, k->line, "read", "ok", "error");
        return;
    }
    for (size_t e = 0; e < k->n_expect; e++) {
        const char *x = k->expect[e];
        const char *sp = strchr(x, ' ');
        size_t kl = sp ? (size_t)(sp - x) : strlen(x);
        const char *v = sp ? sp + 1 : "";
        const char *have = NULL;
        checks++;
        if (kl == 5 && !memcmp(x, "dates", 5) && !k->is_stamp)
            have = g.dates;
        else if (kl == 5 && !memcmp(x, "spans", 5) && !k->is_stamp)
            have = g.spans;
        else if (kl == 6 && !memcmp(x, "tenses", 6) && !k->is_stamp)
            have = g.tenses;
        else if (kl == 4 && !memcmp(x, "want", 4) && k->is_stamp)
            have = stamp;
        if (!have) {
            case_fail(file, k->line, "key", "a known key", x);
            continue;
        }
        if (strcmp(have, v))
            case_fail(file, k->line, x, v, have);
    }
}

static void reset(kase *k)
{
    for (size_t i = 0; i < k->n_expect; i++)
        free(k->expect[i]);
    memset(k, 0, sizeof *k);
    snprintf(k->date, sizeof k->date, "none");
}

static void add_line(void *vk, const char *line, unsigned ln)
{
    kase *k = vk;
    if (!k->line)
        k->line = ln;
    if (!strncmp(line, "date ", 5)) {
        snprintf(k->date, sizeof k->date, "%.31s", line + 5);
    } else if (!strncmp(line, "text ", 5)) {
        snprintf(k->text, sizeof k->text, "%.2047s", line + 5);
    } else if (!strncmp(line, "stamp ", 6) || !strncmp(line, "field ", 6)) {
        snprintf(k->stamp, sizeof k->stamp, "%.511s", line + 6);
        k->is_stamp = true;
        k->lenient = line[0] == 'f';
    } else if (k->n_expect < 16) {
        k->expect[k->n_expect] = strdup(line);
        if (k->expect[k->n_expect])
            k->n_expect++;
    }
}

static void end_case(const char *path, void *vk)
{
    kase *k = vk;
    if (k->text[0] || k->is_stamp)
        run_case(path, k);
    reset(k);
}

int main(int argc, char **argv)
{
    if (argc == 4 && !strcmp(argv[1], "--dump")) {
        got g;
        if (!read_phrases(argv[2], argv[3], &g))
            return 1;
        printf("dates %s\nspans %s\ntenses %s\n", g.dates, g.spans, g.tenses);
        return 0;
    }
    if (argc != 2) {
        fprintf(stderr, "usage: %s DIR | --dump DATE SENTENCE\n", argv[0]);
        return 2;
    }
    kase k;
    memset(&k, 0, sizeof k);
    reset(&k);
    return case_dir(argv[1], "lang", &k, add_line, end_case);
}

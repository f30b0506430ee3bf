/*
 * cases.h - what the table-driven case runners share (header only, one program
 * each): the count of checks and failures, a failure's report, and the reading
 * of a folder of .case files (cases separated by blank lines, "#" lines comments).
 */
#ifndef TD_TEST_CASES_H
#define TD_TEST_CASES_H

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "../listdir.h"

static int failures, checks;

static void case_fail(const char *file, unsigned line, const char *what, const char *want,
                      const char *got)
{
    failures++;
    fprintf(stderr, "%s:%u: %s: want [%s] got [%s]\n", file, line, what, want, got);
}

/* s after what buf holds, with sep between them when buf is not empty (cut to n). */
static void case_append(char *buf, size_t n, const char *sep, const char *s)
{
    size_t l = strlen(buf);
    if (l && l + strlen(sep) < n) {
        memcpy(buf + l, sep, strlen(sep) + 1);
        l += strlen(sep);
    }
    if (l < n)
        snprintf(buf + l, n - l, "%s", s);
}

/*
 * Reads the cases of a file: each line of a case (without its line end) goes to
 * add with its line number, and the end of each case to end. A file that cannot
 * be opened counts as a failure.
 */
static void case_file(const char *path, void *k, void (*add)(void *k, const char *line,
                                                             unsigned ln),
                      void (*end)(const char *path, void *k))
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "%s: cannot open\n", path);
        failures++;
        return;
    }
    char line[8192];
    unsigned ln = 0;
    bool open = false;
    for (;;) {
        char *r = fgets(line, sizeof line, f);
        if (r) {
            ln++;
            size_t l = strlen(line);
            while (l && (line[l - 1] == '\n' || line[l - 1] == '\r'))
                line[--l] = '\0';
            if (line[0] == '#')
                continue;
            if (l) {
                add(k, line, ln);
                open = true;
                continue;
            }
        }
        if (open)
            end(path, k);
        open = false;
        if (!r)
            break;
    }
    fclose(f);
}

/* case_file on every .case file of dir, in name order, then "WHAT cases: N checks,
 * M failed"; the exit status (1 when a case failed or dir cannot be listed). */
static int case_dir(const char *dir, const char *what, void *k,
                    void (*add)(void *k, const char *line, unsigned ln),
                    void (*end)(const char *path, void *k))
{
    size_t n;
    char **names = td_list_dir(dir, ".case", &n);
    if (!names)
        return 1;
    for (size_t i = 0; i < n; i++)
        case_file(names[i], k, add, end);
    td_list_free(names, n);
    printf("%s cases: %d checks, %d failed\n", what, checks, failures);
    return failures ? 1 : 0;
}

#endif

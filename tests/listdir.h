/*
 * listdir.h - the files of a folder in name order, for the programs that run a
 * folder of cases or inputs (the text-case runners, the HTML goldens, the corpus
 * replays). Header only: each program includes it once.
 */
#ifndef TD_TEST_LISTDIR_H
#define TD_TEST_LISTDIR_H

#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int td_list_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The entries of dir whose names end in suffix ("" for all), hidden ones left out,
 * as "dir/name" in name order; *n is set. NULL when dir cannot be opened or memory
 * runs out (said on stderr). td_list_free frees the list.
 */
static char **td_list_dir(const char *dir, const char *suffix, size_t *n)
{
    *n = 0;
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "%s: cannot open\n", dir);
        return NULL;
    }
    size_t cap = 64, sl = strlen(suffix);
    char **names = malloc(cap * sizeof *names);
    bool ok = names != NULL;
    struct dirent *e;
    while (ok && (e = readdir(d))) {
        size_t l = strlen(e->d_name);
        if (e->d_name[0] == '.' || l <= sl || strcmp(e->d_name + l - sl, suffix))
            continue;
        if (*n == cap) {
            cap *= 2;
            char **nn = realloc(names, cap * sizeof *names);
            if (!nn) {
                ok = false;
                break;
            }
            names = nn;
        }
        size_t pl = strlen(dir) + l + 2;
        if (!(names[*n] = malloc(pl))) {
            ok = false;
            break;
        }
        snprintf(names[*n], pl, "%s/%s", dir, e->d_name);
        ++*n;
    }
    closedir(d);
    if (!ok) {
        for (size_t i = 0; i < *n; i++)
            free(names[i]);
        free(names);
        *n = 0;
        fprintf(stderr, "%s: out of memory\n", dir);
        return NULL;
    }
    if (*n)
        qsort(names, *n, sizeof *names, td_list_cmp);
    return names;
}

static void td_list_free(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

#endif

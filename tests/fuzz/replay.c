/*
 * replay.c - runs a fuzz target on every file of its corpus, with any compiler and
 * no fuzzing runtime, so that ordinary CI (and the ASan and Valgrind builds) replay
 * the corpora. Usage: replay_<name> DIR_OR_FILE...  A missing folder is skipped.
 * Each input is copied into a buffer of exactly its size, so reading past the end
 * is caught by AddressSanitizer and Valgrind.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"
#include "../listdir.h"

static int run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "replay: cannot open %s\n", path);
        return 1;
    }
    size_t cap = 4096, n = 0;
    unsigned char *buf = malloc(cap);
    for (;;) {
        if (!buf) {
            fclose(f);
            fprintf(stderr, "replay: out of memory\n");
            return 1;
        }
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap)
            break;
        unsigned char *nb = realloc(buf, cap * 2);
        if (!nb)
            free(buf);
        buf = nb;
        cap *= 2;
    }
    int err = ferror(f);
    fclose(f);
    if (err) {
        free(buf);
        fprintf(stderr, "replay: cannot read %s\n", path);
        return 1;
    }
    unsigned char *exact = malloc(n ? n : 1);
    if (!exact) {
        free(buf);
        return 1;
    }
    if (n)
        memcpy(exact, buf, n);
    free(buf);
    LLVMFuzzerTestOneInput(exact, n);
    free(exact);
    return 0;
}

int main(int argc, char **argv)
{
    int bad = 0, files = 0;
    for (int i = 1; i < argc; i++) {
        struct stat sb;
        if (stat(argv[i], &sb) != 0) {
            printf("replay: %s: no corpus, skipped\n", argv[i]);
            continue;
        }
        if (!S_ISDIR(sb.st_mode)) {
            bad |= run_file(argv[i]);
            files++;
            continue;
        }
        size_t n;
        char **names = td_list_dir(argv[i], "", &n);
        if (!names)
            return 1;
        for (size_t k = 0; k < n; k++) {
            struct stat fb;
            if (stat(names[k], &fb) == 0 && S_ISREG(fb.st_mode)) {
                bad |= run_file(names[k]);
                files++;
            }
        }
        td_list_free(names, n);
    }
    printf("replay: %d inputs, %s\n", files, bad ? "errors" : "no crash");
    return bad;
}

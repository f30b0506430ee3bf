/* runner.c - table-driven cases of the language layer's words, one file per language.
 *
 * Each <code>.case file holds cases separated by blank lines; the file's name is
 * the language of its cases:
 *   # comment
 *   text Russia's talks, 100,000 troops.   the input (one line)
 *   tokens russia's talks 100000 troops     the folded tokens, in order
 *   apos russia s talks 100000 troops       the same with TDP_TOKOPT_APOS_SPLITS
 *   stop s                                  the tokens that are stop words ("-": none)
 *   speech said                             ... that are speech verbs ("-": none)
 *   title minister                          ... that are titles before a name
 *   role spokesman                          ... that are role nouns
 *   chrome yes                              the folded text is a whole line of page
 *                                           furniture in that language ("no": not)
 *   detect en                               the language detected ("none": unsure)
 * A case checks the lines it has. Every language in the registry must have a file
 * with at least one case. Usage: runner DIR
 */
#include <stdio.h>
#include <stdlib.h>

#include "lang/lang.h"

static int failures, checks;

static void fail(const char *file, unsigned line, const char *what, const char *want,
                 const char *got)
{
    failures++;
    fprintf(stderr, "%s:%u: %s: want [%s] got [%s]\n", file, line, what, want, got);
}

static void add_word(char *buf, size_t cap, const char *w)
{
    size_t l = strlen(buf);
    snprintf(buf + l, cap - l, "%s%s", l ? " " : "", w);
}

/* The keys that name a kind of word list. */
static const struct {
    const char *key;
    tdp_wordkind kind;
} k_lists[] = {
    {"stop", TDP_WL_STOP}, {"speech", TDP_WL_SPEECH}, {"title", TDP_WL_TITLE},
    {"role", TDP_WL_ROLE},
};

/* The folded tokens of text (opt: tokenizer variant); with lang, only those in its
 * list of that kind. */
static void tokens(const char *text, unsigned opt, const tdp_lang *lang,
                   tdp_wordkind kind, char *out, size_t cap)
{
    size_t pos = 0, n = strlen(text);
    tdp_token t;
    out[0] = '\0';
    while (tdp_token_next_opt(text, n, &pos, &t, opt))
        if (!lang || tdp_lang_has(lang, kind, t.fold, t.flen))
            add_word(out, cap, t.fold);
    if (lang && !out[0])
        snprintf(out, cap, "-");
}

static void check(const char *file, unsigned line, const char *lang, const char *text,
                  const char *key, const char *want)
{
    char got[4096];
    checks++;
    size_t li = 0;
    while (li < sizeof k_lists / sizeof *k_lists && strcmp(key, k_lists[li].key))
        li++;
    if (li < sizeof k_lists / sizeof *k_lists) {
        tokens(text, 0, tdp_lang_get(lang), k_lists[li].kind, got, sizeof got);
    } else if (!strcmp(key, "tokens")) {
        tokens(text, 0, NULL, TDP_WL_STOP, got, sizeof got);
    } else if (!strcmp(key, "apos")) {
        tokens(text, TDP_TOKOPT_APOS_SPLITS, NULL, TDP_WL_STOP, got, sizeof got);
    } else if (!strcmp(key, "chrome")) {
        char f[1024];
        size_t fl = tdp_fold(text, strlen(text), f, sizeof f);
        snprintf(got, sizeof got, "%s",
                 fl && tdp_lang_has(tdp_lang_get(lang), TDP_WL_CHROME, f, fl) ? "yes" : "no");
    } else if (!strcmp(key, "detect")) {
        const char *d = tdp_lang_detect(text, strlen(text));
        snprintf(got, sizeof got, "%s", d ? d : "none");
    } else {
        fail(file, line, "unknown key", "tokens|apos|stop|speech|title|role|chrome|detect", key);
        return;
    }
    if (strcmp(got, want))
        fail(file, line, key, want, got);
}

/* Runs one file; returns the number of cases. */
static int run_file(const char *dir, const char *name)
{
    char path[1024], lang[8];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    size_t cl = strcspn(name, ".");
    snprintf(lang, sizeof lang, "%.*s", (int)(cl < 7 ? cl : 7), name);
    FILE *f = fopen(path, "r");
    if (!f) {
        fail(path, 0, "open", "readable", "not");
        return 0;
    }
    char buf[4096], text[4096] = "";
    unsigned line = 0, text_line = 0;
    int cases = 0;
    while (fgets(buf, sizeof buf, f)) {
        line++;
        buf[strcspn(buf, "\n")] = '\0';
        if (buf[0] == '#')
            continue;
        if (!buf[0]) {
            text[0] = '\0';
            continue;
        }
        char *sp = strchr(buf, ' ');
        const char *val = sp ? sp + 1 : "";
        if (sp)
            *sp = '\0';
        if (!strcmp(buf, "text")) {
            snprintf(text, sizeof text, "%s", val);
            text_line = line;
            cases++;
        } else if (!text_line || !text[0]) {
            fail(path, line, "case", "a text line first", buf);
        } else {
            check(path, line, lang, text, buf, val);
        }
    }
    fclose(f);
    return cases;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: runner DIR\n");
        return 2;
    }
    for (size_t i = 0; i < tdp_lang_count(); i++) {
        const char *code = tdp_lang_at(i)->code;
        char name[32];
        snprintf(name, sizeof name, "%s.case", code);
        if (run_file(argv[1], name) == 0)
            fail(name, 0, "language", "a case file with cases", "none");
    }
    printf("lang cases: %d checks, %d failures\n", checks, failures);
    return failures ? 1 : 0;
}

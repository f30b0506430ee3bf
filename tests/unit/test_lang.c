/* test_lang.c - the language layer: tokenizer, folding, stemming, the registry of
 * languages and their word lists, language detection. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "analyse/lexicon.h"
#include "lang/lang.h"

typedef struct collected {
    char folds[32][TDP_TOKEN_FOLD_MAX + 1];
    uint16_t flags[32];
    uint32_t off[32], len[32];
    int n;
} collected;

static int collect(void *ctx, const tdp_token *t)
{
    collected *c = ctx;
    if (c->n >= 32)
        return 1;
    memcpy(c->folds[c->n], t->fold, t->flen + 1);
    c->flags[c->n] = t->flags;
    c->off[c->n] = t->off;
    c->len[c->n] = t->len;
    c->n++;
    return 0;
}

static collected tok(const char *s)
{
    collected c;
    memset(&c, 0, sizeof c);
    tdp_tokenize(s, strlen(s), collect, &c);
    return c;
}

static void test_words_and_flags(void **state)
{
    (void)state;
    collected c = tok("US Secretary of State Antony Blinken's talks, 12 January 2022.");
    assert_int_equal(c.n, 10);
    assert_string_equal(c.folds[0], "us");
    assert_true(c.flags[0] & TDP_TOK_ALLCAPS);
    assert_true(c.flags[0] & TDP_TOK_CAP);
    assert_string_equal(c.folds[1], "secretary");
    assert_true(c.flags[1] & TDP_TOK_CAP);
    assert_false(c.flags[1] & TDP_TOK_ALLCAPS);
    assert_string_equal(c.folds[2], "of");
    assert_false(c.flags[2] & TDP_TOK_CAP);
    assert_string_equal(c.folds[5], "blinken's");
    assert_string_equal(c.folds[7], "12");
    assert_true(c.flags[7] & TDP_TOK_NUMERIC);
    assert_string_equal(c.folds[8], "january");
    /* spans point at the source */
    assert_int_equal(c.off[4], 22);
    assert_int_equal(c.len[4], 6);
}

static void test_numbers(void **state)
{
    (void)state;
    collected c = tok("about 100,000 troops, 1.5 percent, 15.01.2022; 5G and COVID-19.");
    assert_int_equal(c.n, 10);
    assert_string_equal(c.folds[1], "100000");
    assert_true(c.flags[1] & TDP_TOK_NUMERIC);
    assert_string_equal(c.folds[3], "1.5");
    assert_string_equal(c.folds[5], "15.01.2022");
    assert_string_equal(c.folds[6], "5g");
    assert_true(c.flags[6] & TDP_TOK_HASDIGIT);
    assert_false(c.flags[6] & TDP_TOK_NUMERIC);
    assert_string_equal(c.folds[8], "covid");
    assert_string_equal(c.folds[9], "19");
    /* a trailing full stop or comma is not part of the number */
    c = tok("in 2019. Then 30,");
    assert_string_equal(c.folds[1], "2019");
    assert_string_equal(c.folds[3], "30");
}

static void test_unicode_folding(void **state)
{
    (void)state;
    /* typographic apostrophe, accents, Cyrillic, ligature (NFKC), German sharp s */
    collected c = tok("NATO\xE2\x80\x99s Z\xC3\xBCrich \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 "
                      "\xEF\xAC\x81nal Stra\xC3\x9F" "e \xC3\x89LYS\xC3\x89" "E");
    assert_int_equal(c.n, 6);
    assert_string_equal(c.folds[0], "nato's");
    assert_string_equal(c.folds[1], "z\xC3\xBCrich");
    assert_false(c.flags[1] & TDP_TOK_ASCII);
    assert_true(c.flags[1] & TDP_TOK_CAP);
    assert_string_equal(c.folds[2], "\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0");
    assert_true(c.flags[2] & TDP_TOK_CAP);
    assert_string_equal(c.folds[3], "final");
    assert_string_equal(c.folds[4], "strasse");
    assert_true(c.flags[5] & TDP_TOK_ALLCAPS);
    assert_string_equal(c.folds[5], "\xC3\xA9lys\xC3\xA9" "e");
    /* decomposed input folds to the composed form */
    c = tok("Zu\xCC\x88rich");
    assert_int_equal(c.n, 1);
    assert_string_equal(c.folds[0], "z\xC3\xBCrich");
}

static void test_separators_and_invalid(void **state)
{
    (void)state;
    collected c = tok("NATO-Russia \xE2\x80\x9C" "security guarantees\xE2\x80\x9D 'invasion' @JensStoltenberg \xFF\xFEx");
    assert_int_equal(c.n, 7);
    assert_string_equal(c.folds[0], "nato");
    assert_string_equal(c.folds[1], "russia");
    assert_string_equal(c.folds[4], "invasion");
    assert_string_equal(c.folds[5], "jensstoltenberg");
    assert_string_equal(c.folds[6], "x");
    c = tok("");
    assert_int_equal(c.n, 0);
    c = tok("... -- !!");
    assert_int_equal(c.n, 0);
}

static void test_long_token(void **state)
{
    (void)state;
    char buf[400];
    memset(buf, 'a', sizeof buf - 1);
    buf[sizeof buf - 1] = '\0';
    collected c = tok(buf);
    assert_int_equal(c.n, 1);
    assert_int_equal(c.len[0], sizeof buf - 1);
    assert_true(c.flags[0] & TDP_TOK_LONG);
    assert_int_equal(strlen(c.folds[0]), TDP_TOKEN_FOLD_MAX);
}

static void test_toklist(void **state)
{
    (void)state;
    tdp_toklist tl = TDP_TOKLIST_INIT;
    const char *s = "Blinken spoke with Stoltenberg.";
    assert_int_equal(tdp_toklist_add(&tl, s, strlen(s)), TD_OK);
    assert_int_equal(tl.n, 4);
    assert_string_equal(tdp_toklist_fold(&tl, 3), "stoltenberg");
    assert_int_equal(tl.toks[3].off, 19);
    tdp_toklist_reset(&tl);
    assert_int_equal(tl.n, 0);
    tdp_toklist_free(&tl);
}

/* Every list of every language: sorted bytewise, no repeats, each word in the form
 * the tokenizer gives it (one token, folded). */
static void check_list(const tdp_lang *lang, tdp_wordkind kind)
{
    const char *code = lang->code, *e;
    char w[256], prev[256] = "";
    size_t n, pos = 0;
    while (tdp_wordlist_next(lang, kind, &pos, &e, &n)) {
        assert_true(n > 0 && n < sizeof w);
        memcpy(w, e, n);
        w[n] = '\0';
        if (prev[0] && strcmp(prev, w) >= 0)
            fail_msg("%s: \"%s\" after \"%s\": not sorted, or twice", code, w, prev);
        if (kind >= TDP_WL_CHROME) {
            /* phrases: what tdp_fold gives */
            char f[256];
            if (tdp_fold(w, n, f, sizeof f) != n || strcmp(f, w))
                fail_msg("%s: \"%s\" is not folded", code, w);
        } else {
            collected c = tok(w);
            if (c.n != 1 || strcmp(c.folds[0], w))
                fail_msg("%s: \"%s\" is not one folded token", code, w);
        }
        assert_true(tdp_lang_has(lang, kind, w, n));
        memcpy(prev, w, n + 1);
    }
}

/* The number of entries in a list. */
static size_t list_len(const tdp_lang *l, tdp_wordkind kind)
{
    size_t pos = 0, n, count = 0;
    const char *w;
    while (tdp_wordlist_next(l, kind, &pos, &w, &n))
        count++;
    return count;
}

static void test_language_data(void **state)
{
    (void)state;
    assert_true(tdp_lang_count() >= 8);
    assert_true(tdp_lang_table_complete());
    assert_null(tdp_lang_at(tdp_lang_count()));
    for (size_t i = 0; i < tdp_lang_count(); i++) {
        const tdp_lang *l = tdp_lang_at(i);
        assert_int_equal(strlen(l->code), 2);
        assert_ptr_equal(tdp_lang_get(l->code), l);
        if (i)
            assert_true(strcmp(tdp_lang_at(i - 1)->code, l->code) < 0);
        assert_true(list_len(l, TDP_WL_STOP) > 10);
        assert_true(list_len(l, TDP_WL_DETECT) >= 20);
        for (int k = 0; k < TDP_WL_N_; k++)
            check_list(l, (tdp_wordkind)k);
        /* what the quote and name finders need of every language */
        assert_true(list_len(l, TDP_WL_SPEECH) >= 10);
        assert_true(list_len(l, TDP_WL_TITLE) >= 10);
        assert_true(list_len(l, TDP_WL_ROLE) >= 5);
    }
    assert_string_equal(tdp_lang_get(NULL)->code, "en");
    assert_string_equal(tdp_lang_get("pt-BR")->code, "pt");
    assert_string_equal(tdp_lang_get("german")->code, "de");
    assert_string_equal(tdp_lang_get("xx")->code, "en");
    assert_string_equal(tdp_lang_get("e")->code, "en");
    assert_true(tdp_is_stop(NULL, "the", 3));
    assert_true(tdp_is_stop("en-GB", "said", 4));
    assert_false(tdp_is_stop("en", "nato", 4));
    assert_false(tdp_is_stop("en", "th", 2));
    assert_false(tdp_is_stop("en", "thee", 4));
    assert_false(tdp_is_stop("en", "", 0));
    assert_true(tdp_is_stop("de", "und", 3));
    assert_false(tdp_is_stop("en", "und", 3));
    /* a word of one language's list is not in another's */
    assert_true(tdp_lang_has(tdp_lang_get("fr"), TDP_WL_STOP, "les", 3));
    assert_false(tdp_lang_has(tdp_lang_get("en"), TDP_WL_STOP, "les", 3));
    assert_false(tdp_lang_has(tdp_lang_get("en"), TDP_WL_DETECT, "nato", 4));
}

static void test_detect(void **state)
{
    (void)state;
    static const struct { const char *text, *code; } k[] = {
        {"The talks in Geneva were the first since the summit, and the two sides said "
         "that they would meet again.", "en"},
        {"Die Gespr\xC3\xA4" "che in Genf sind die ersten seit dem Gipfel, und beide Seiten "
         "wollen sich wieder treffen, hat der Sprecher gesagt.", "de"},
        {"Les discussions \xC3\xA0 Gen\xC3\xA8ve sont les premi\xC3\xA8res depuis le sommet, "
         "et les deux parties ont dit qu'elles se verraient pour la suite.", "fr"},
        {"\xD0\x9F\xD0\xB5\xD1\x80\xD0\xB5\xD0\xB3\xD0\xBE\xD0\xB2\xD0\xBE\xD1\x80\xD1\x8B "
         "\xD0\xB2 \xD0\x96\xD0\xB5\xD0\xBD\xD0\xB5\xD0\xB2\xD0\xB5 \xD0\xB8 "
         "\xD0\xB2 \xD0\x92\xD0\xB5\xD0\xBD\xD0\xB5, \xD0\xBD\xD0\xBE \xD0\xBD\xD0\xB5 "
         "\xD0\xB2 \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB5, \xD1\x87\xD1\x82\xD0\xBE "
         "\xD0\xB8 \xD0\xB1\xD1\x8B\xD0\xBB\xD0\xBE", "ru"},
        {"NATO 2022", NULL},
    };
    for (size_t i = 0; i < sizeof k / sizeof k[0]; i++) {
        const char *got = tdp_lang_detect(k[i].text, strlen(k[i].text));
        if (!k[i].code)
            assert_null(got);
        else if (!got || strcmp(got, k[i].code))
            fail_msg("case %zu: %s, expected %s", i, got ? got : "none", k[i].code);
    }
}

static void test_stemmer(void **state)
{
    (void)state;
    tdp_stemmer *st = tdp_stemmer_new(NULL);
    assert_non_null(st);
    assert_string_equal(tdp_stemmer_lang(st), "en");
    size_t l;
    const char *r = tdp_stem(st, "negotiations", 12, &l);
    assert_int_equal(l, 6);
    assert_memory_equal(r, "negoti", 6);
    r = tdp_stem(st, "russia's", 8, &l);
    assert_int_equal(l, 6);
    assert_memory_equal(r, "russia", 6);
    tdp_stemmer_free(st);
    st = tdp_stemmer_new("de");
    assert_string_equal(tdp_stemmer_lang(st), "de");
    r = tdp_stem(st, "verhandlungen", 13, &l);
    assert_memory_equal(r, "verhandl", 8);
    tdp_stemmer_free(st);
    st = tdp_stemmer_new("xx");
    assert_string_equal(tdp_stemmer_lang(st), "en");
    tdp_stemmer_free(st);
    tdp_stemmer_free(NULL);
}

static void test_lexicons_sorted(void **state)
{
    (void)state;
    for (int k = 0; k < 4; k++) {
        size_t n, wd;
        const char *w = tdp_lex_list(k, &n, &wd);
        assert_true(n > 5);
        for (size_t i = 1; i < n; i++)
            assert_true(memcmp(w + (i - 1) * wd, w + i * wd, wd) < 0);
    }
    assert_true(tdp_lex_first_name("antony", 6));
    assert_true(tdp_lex_place("united states", 13));
    assert_true(tdp_lex_org_word("ministry", 8));
    assert_true(tdp_lex_org_acronym("nato", 4));
    assert_true(tdp_lang_has(tdp_lang_get("en"), TDP_WL_TITLE, "secretary", 9));
    assert_true(tdp_lang_has(tdp_lang_get("en"), TDP_WL_ROLE, "spokeswoman", 11));
    assert_true(tdp_lang_has(tdp_lang_get("de"), TDP_WL_TITLE, "aussenminister", 14));
    assert_false(tdp_lang_has(tdp_lang_get("en"), TDP_WL_TITLE, "frau", 4));
    assert_false(tdp_lex_place("blinken", 7));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words_and_flags),
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_unicode_folding),
        cmocka_unit_test(test_separators_and_invalid),
        cmocka_unit_test(test_long_token),
        cmocka_unit_test(test_toklist),
        cmocka_unit_test(test_language_data),
        cmocka_unit_test(test_detect),
        cmocka_unit_test(test_stemmer),
        cmocka_unit_test(test_lexicons_sorted),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

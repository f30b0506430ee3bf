/*
 * bench_quotes.c - direct quotes and their speakers found by the analyse stage,
 * against the PolNeAR attributions (../shared/data/polnear).
 *
 *   bench_quotes [--dump] [--set dev|train|all] [DATA_DIR]   (default ../shared/data)
 *
 * PolNeAR marks every attribution (Source, Cue, Content), direct or not. Gold
 * direct quotes are the Content spans holding a quotation of three words or more
 * in “…” or "…" marks. A quote found matches a gold one when their spans overlap
 * (the found quote's span is where its text stands in the document).
 *   quote precision = found quotes overlapping any gold Content / found quotes
 *   quote recall    = gold direct quotes overlapped by a found quote / gold ones
 * Speakers are scored on matched quotes whose gold Source names someone (holds a
 * capitalised word; pronouns and "officials" are left out): right when every word
 * of the found speaker's key (a surname, or an organisation's folded words, which
 * its key holds sorted: "department state") occurs in the folded gold Source.
 *   speaker precision = right / matched quotes given a speaker
 *   speaker recall    = right / matched quotes
 * Spans in .ann files count code points; they are mapped to bytes here.
 * Speed: tdp_analyse over every text once, in MB/s of CPU time.
 */
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "analyse/analyse_p.h"
#include "bench.h"

/* Every space-separated word of key occurs in the folded source text. */
static bool key_in(const char *src, const char *key)
{
    char w[128];
    for (const char *p = key; *p;) {
        const char *e = strchr(p, ' ');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        if (l && l < sizeof w) {
            memcpy(w, p, l);
            w[l] = '\0';
            if (!strstr(src, w))
                return false;
        }
        p += l + (e != NULL);
    }
    return true;
}

typedef struct span {
    size_t a, b;            /* bytes */
} span;

typedef struct attribution {
    span content, source;
    bool has_source;
    bool direct;
} attribution;

typedef struct stats {
    size_t docs, found, found_in_gold, gold, gold_found;
    size_t spk_given, spk_right, spk_scored, gold_pronoun;
    double cpu, bytes;
} stats;

/* Byte offset of each code point (n_cp + 1 entries). */
static size_t *cp_offsets(const char *s, size_t n, size_t *n_cp)
{
    size_t *o = tdp_malloc((n + 1) * sizeof *o);
    if (!o)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        o[k++] = i;
        size_t adv;
        tdp_utf8_decode(s + i, n - i, &adv);
        i += adv ? adv : 1;
    }
    o[k] = n;
    *n_cp = k;
    return o;
}

static bool is_open_quote(const char *s, size_t n, size_t i, size_t *ml)
{
    if (s[i] == '"') {
        *ml = 1;
        return true;
    }
    if (i + 2 < n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] == 0x9C || (unsigned char)s[i + 2] == 0x9D)) {
        *ml = 3;
        return true;
    }
    return false;
}

/* True if s[a..b) (widened by two bytes each side) holds a quotation of three
 * words or more between quote marks. */
static bool holds_quotation(const char *s, size_t n, size_t a, size_t b)
{
    size_t lo = a >= 3 ? a - 3 : 0, hi = b + 3 < n ? b + 3 : n;
    size_t open = SIZE_MAX;
    for (size_t i = lo; i < hi; i++) {
        size_t ml;
        if (!is_open_quote(s, hi, i, &ml))
            continue;
        if (open == SIZE_MAX) {
            open = i + ml;
        } else {
            size_t words = 0;
            tdp_toklist tl = TDP_TOKLIST_INIT;
            if (!tdp_toklist_add(&tl, s + open, i - open))
                words = tl.n;
            tdp_toklist_free(&tl);
            if (words >= 3)
                return true;
            open = SIZE_MAX;
        }
        i += ml - 1;
    }
    return false;
}

static void fold_lower(const char *s, size_t n, char *out, size_t on)
{
    size_t o = 0;
    size_t pos = 0;
    tdp_token t;
    while (tdp_token_next(s, n, &pos, &t) && o + t.flen + 2 < on) {
        if (o)
            out[o++] = ' ';
        memcpy(out + o, t.fold, t.flen);
        o += t.flen;
    }
    out[o] = '\0';
}

static bool names_someone(const char *s, size_t n)
{
    size_t pos = 0;
    tdp_token t;
    while (tdp_token_next(s, n, &pos, &t))
        if ((t.flags & TDP_TOK_CAP) && !tdp_is_stop(NULL, t.fold, t.flen))
            return true;
    return false;
}

/* Reads a brat file: T lines by id, E lines tie them. */
static attribution *load_ann(const char *path, const char *text, size_t n, const size_t *cpo,
                             size_t n_cp, size_t *n_attr)
{
    size_t len;
    char *ann = tdp_read_file(path, &len);
    *n_attr = 0;
    if (!ann)
        return NULL;
    typedef struct tspan { long id; span sp; } tspan;
    tspan *ts = NULL;
    size_t nts = 0, capts = 0;
    attribution *at = NULL;
    size_t cap = 0;
    for (char *line = ann; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        if (line[0] == 'T') {
            char *end;
            long id = strtol(line + 1, &end, 10);
            char *sp = strchr(end, ' ');
            if (sp) {
                long a = strtol(sp + 1, &end, 10);
                long b = strtol(end, &end, 10);
                if (a >= 0 && b >= a && (size_t)b <= n_cp && !TDP_GROW(ts, capts, nts + 1))
                    ts[nts++] = (tspan){id, {cpo[a], cpo[b]}};
            }
        } else if (line[0] == 'E') {
            attribution x;
            memset(&x, 0, sizeof x);
            bool content = false;
            for (char *p = line; (p = strchr(p, ':')) != NULL; p++) {
                char *w = p;
                while (w > line && w[-1] != ' ' && w[-1] != '\t')
                    w--;
                long id = p[1] == 'T' ? strtol(p + 2, NULL, 10) : -1;
                for (size_t k = 0; k < nts; k++) {
                    if (ts[k].id != id)
                        continue;
                    if (!strncmp(w, "Content:", 8)) {
                        x.content = ts[k].sp;
                        content = true;
                    } else if (!strncmp(w, "Source:", 7)) {
                        x.source = ts[k].sp;
                        x.has_source = true;
                    }
                }
            }
            if (content && !TDP_GROW(at, cap, *n_attr + 1)) {
                x.direct = holds_quotation(text, n, x.content.a, x.content.b);
                at[(*n_attr)++] = x;
            }
        }
        line = nl ? nl + 1 : NULL;
    }
    tdp_free(ts);
    tdp_free(ann);
    return at;
}

static void run_doc(const char *text, size_t n, const attribution *at, size_t na,
                    stats *st, bool dump, const char *name)
{
    td_article *a = td_article_new();
    if (!a)
        return;
    size_t *para_off = NULL, cap = 0, np = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && text[j] != '\n')
            j++;
        if (j > i) {
            if (TDP_GROW(para_off, cap, np + 1) ||
                tdp_article_add_para(a, text + i, j - i, TD_PARA_TEXT))
                break;
            para_off[np++] = i;
        }
        i = j + 1;
    }
    double t0 = bench_cpu();
    td_status rc = tdp_analyse(a);
    st->cpu += bench_cpu() - t0;
    st->bytes += (double)n;
    st->docs++;
    if (rc) {
        td_article_free(a);
        tdp_free(para_off);
        return;
    }
    const tdp_analysis *an = a->an;
    bool *gm = tdp_calloc(na + 1, 1);
    for (size_t q = 0; gm && q < an->n_quotes; q++) {
        const tdp_quote *qu = &an->quotes[q];
        uint32_t p = an->sents[qu->sent].para;
        const char *at_p = strstr(a->paras[p].text, qu->text);
        if (!at_p)
            continue;
        span s = {para_off[p] + (size_t)(at_p - a->paras[p].text), 0};
        s.b = s.a + qu->len;
        st->found++;
        bool in_gold = false;
        for (size_t k = 0; k < na; k++) {
            const attribution *g = &at[k];
            if (g->content.b <= s.a || g->content.a >= s.b)
                continue;
            in_gold = true;
            if (!g->direct || gm[k])
                continue;
            gm[k] = true;
            st->gold_found++;
            if (!g->has_source)
                continue;
            const char *src = text + g->source.a;
            size_t sl = g->source.b - g->source.a;
            if (!names_someone(src, sl)) {
                st->gold_pronoun++;
                continue;
            }
            st->spk_scored++;
            char gf[512];
            fold_lower(src, sl, gf, sizeof gf);
            if (qu->speaker_key) {
                st->spk_given++;
                bool right = key_in(gf, qu->speaker_key);
                st->spk_right += right;
                if (dump && !right)
                    printf("  %s: speaker %s, gold \"%.*s\"\n", name, qu->speaker_key,
                           (int)sl, src);
            } else if (dump) {
                printf("  %s: no speaker, gold \"%.*s\" for \"%.60s\"\n", name, (int)sl, src,
                       qu->text);
            }
        }
        st->found_in_gold += in_gold;
        if (dump && !in_gold)
            printf("  %s: not in gold: \"%.80s\"\n", name, qu->text);
    }
    for (size_t k = 0; k < na; k++) {
        if (!at[k].direct)
            continue;
        st->gold++;
        if (dump && gm && !gm[k])
            printf("  %s: missed \"%.80s\"\n", name, text + at[k].content.a);
    }
    tdp_free(gm);
    td_article_free(a);
    tdp_free(para_off);
}

static int cmp_str(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

static void run_set(const char *root, const char *set, stats *st, bool dump)
{
    char *adir = tdp_aprintf("%s/polnear/%s/attributions", root, set);
    DIR *d = adir ? opendir(adir) : NULL;
    if (!d) {
        tdp_free(adir);
        return;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name);
        if (l > 4 && !strcmp(e->d_name + l - 4, ".ann") && !TDP_GROW(names, cap, n + 1))
            names[n++] = tdp_strdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_str);
    char prev[512] = "";
    for (size_t i = 0; i < n; i++) {
        /* name_<annotator>.ann: one annotation per text */
        char base[512];
        snprintf(base, sizeof base, "%s", names[i]);
        char *us = strrchr(base, '_');
        if (us)
            *us = '\0';
        if (!strcmp(base, prev))
            continue;
        snprintf(prev, sizeof prev, "%s", base);
        char *tpath = tdp_aprintf("%s/polnear/%s/text/%s.txt", root, set, base);
        char *apath = tdp_aprintf("%s/%s", adir, names[i]);
        size_t tn;
        char *text = tpath ? tdp_read_file(tpath, &tn) : NULL;
        if (text) {
            size_t ncp;
            size_t *cpo = cp_offsets(text, tn, &ncp);
            size_t na = 0;
            attribution *at = cpo ? load_ann(apath, text, tn, cpo, ncp, &na) : NULL;
            run_doc(text, tn, at, na, st, dump, base);
            tdp_free(at);
            tdp_free(cpo);
            tdp_free(text);
        }
        tdp_free(tpath);
        tdp_free(apath);
    }
    for (size_t i = 0; i < n; i++)
        tdp_free(names[i]);
    tdp_free(names);
    tdp_free(adir);
}

static double pct(size_t a, size_t b) { return b ? 100.0 * (double)a / (double)b : 0.0; }

static void report(const char *what, const stats *s)
{
    double p = pct(s->found_in_gold, s->found), r = pct(s->gold_found, s->gold);
    printf("%s: %zu texts, %zu gold direct quotes, %zu found\n", what, s->docs, s->gold,
           s->found);
    printf("  quotes   P %.1f R %.1f F1 %.1f\n", p, r, p + r > 0 ? 2 * p * r / (p + r) : 0.0);
    double sp = pct(s->spk_right, s->spk_given), sr = pct(s->spk_right, s->spk_scored);
    printf("  speakers P %.1f R %.1f F1 %.1f (%zu matched quotes with a named gold source; "
           "%zu pronoun or nominal sources left out)\n",
           sp, sr, sp + sr > 0 ? 2 * sp * sr / (sp + sr) : 0.0, s->spk_scored,
           s->gold_pronoun);
}

int main(int argc, char **argv)
{
    bool dump = false;
    const char *root = NULL, *set = "all";
    char *rootbuf = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--dump"))
            dump = true;
        else if (!strcmp(argv[i], "--set") && i + 1 < argc)
            set = argv[++i];
        else
            root = argv[i];
    }
    root = bench_data_root(root, &rootbuf);
    stats dev = {0}, train = {0};
    if (!strcmp(set, "dev") || !strcmp(set, "all"))
        run_set(root, "dev", &dev, dump);
    if (!strcmp(set, "train") || !strcmp(set, "all"))
        run_set(root, "train", &train, dump);
    if (!dev.docs && !train.docs) {
        printf("skip: no PolNeAR data under %s\n", root);
        tdp_free(rootbuf);
        return 0;
    }
    if (dev.docs)
        report("PolNeAR dev", &dev);
    if (train.docs)
        report("PolNeAR train", &train);
    double cpu = dev.cpu + train.cpu, bytes = dev.bytes + train.bytes;
    printf("speed: tdp_analyse %.1f MB/s of CPU time over %.1f MB\n",
           cpu > 0 ? bytes / 1e6 / cpu : 0.0, bytes / 1e6);
    tdp_free(rootbuf);
    return 0;
}

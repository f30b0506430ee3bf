/*
 * reader.c - walks files, folders and stdin and yields articles one at a time.
 *
 * Folders are read recursively in byte order of their names; inside folders only
 * files with an article extension are read (.txt .text .json .jsonl .ndjson .html
 * .htm .warc, each optionally .gz), dot-files are skipped. Files named explicitly
 * are always read, their format taken from the name or sniffed from the content.
 * Whole-file articles are bounded by max_bytes; JSON Lines are streamed line by line
 * with the same bound per line, so memory stays bounded whatever the input.
 */
#define _XOPEN_SOURCE 700 /* realpath */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libdeflate.h>
#include <xxhash.h>

#include "read/read_p.h"

/*
 * A set of byte strings: the ids handed out so far, and the files and folders
 * reached (device and inode). Open addressing over XXH3 hashes, at most half full;
 * the keys live in one arena.
 */
typedef struct kslot {
    uint64_t h;
    const char *k;   /* NULL: empty slot */
    size_t n;
} kslot;

typedef struct keyset {
    kslot *slot;
    size_t cap, count;
    tdp_arena keys;
} keyset;

/* 1 when k was added, 0 when it was there already, -1 when out of memory. */
static int ks_add(keyset *s, const void *k, size_t n)
{
    if (2 * (s->count + 1) > s->cap) {
        size_t nc = s->cap ? 2 * s->cap : 64;
        kslot *ns = tdp_calloc(nc, sizeof *ns);
        if (!ns)
            return -1;
        for (size_t i = 0; i < s->cap; i++) {
            if (!s->slot[i].k)
                continue;
            size_t j = (size_t)s->slot[i].h & (nc - 1);
            while (ns[j].k)
                j = (j + 1) & (nc - 1);
            ns[j] = s->slot[i];
        }
        tdp_free(s->slot);
        s->slot = ns;
        s->cap = nc;
    }
    uint64_t h = XXH3_64bits(k, n);
    size_t j = (size_t)h & (s->cap - 1);
    for (; s->slot[j].k; j = (j + 1) & (s->cap - 1))
        if (s->slot[j].h == h && s->slot[j].n == n && memcmp(s->slot[j].k, k, n) == 0)
            return 0;
    char *copy = tdp_arena_alloc(&s->keys, n ? n : 1);
    if (!copy)
        return -1;
    memcpy(copy, k, n);
    s->slot[j] = (kslot){h, copy, n};
    s->count++;
    return 1;
}

static void ks_free(keyset *s)
{
    tdp_free(s->slot);
    tdp_arena_free(&s->keys);
    memset(s, 0, sizeof *s);
}

typedef struct qitem {
    char *path;      /* file path, or "-" */
    char *id_base;   /* id for whole-file articles */
    char *data;      /* in-memory buffer (td_reader_add_buffer), or NULL */
    size_t len;
} qitem;

struct td_reader {
    td_reader_opts opts;
    qitem *q;
    size_t nq, capq, qpos;
    tdp_source src;
    tdp_buf err, warn, tmp;
    bool has_warn;
    bool keep_comments;    /* td_reader_keep_comments */
    struct libdeflate_decompressor *inflater; /* for whole .gz files, made on use */
    uint64_t skipped; /* records skipped as not text, in the files closed so far */
    keyset ids;      /* the ids given to files, buffers and stdin */
    keyset nodes;    /* device and inode of every file and folder queued or entered */
};

#define MAX_DEPTH 64

TD_API td_reader *td_reader_new(const td_reader_opts *opts)
{
    td_reader *r = tdp_calloc(1, sizeof *r);
    if (!r)
        return NULL;
    if (opts)
        r->opts = *opts;
    if (!r->opts.max_bytes)
        r->opts.max_bytes = TDP_DEFAULT_MAX_BYTES;
    return r;
}

static void close_source(td_reader *r)
{
    tdp_source *s = &r->src;
    r->skipped += s->skipped;
    if (s->st.gz)
        gzclose(s->st.gz);
    tdp_free(s->st.buf);
    tdp_free(s->path);
    tdp_free(s->id_base);
    memset(s, 0, sizeof *s);
}

TD_API void td_reader_free(td_reader *r)
{
    if (!r)
        return;
    close_source(r);
    for (size_t i = r->qpos; i < r->nq; i++) {
        tdp_free(r->q[i].path);
        tdp_free(r->q[i].id_base);
        tdp_free(r->q[i].data);
    }
    tdp_free(r->q);
    tdp_buf_free(&r->err);
    tdp_buf_free(&r->warn);
    tdp_buf_free(&r->tmp);
    if (r->inflater)
        libdeflate_free_decompressor(r->inflater);
    ks_free(&r->ids);
    ks_free(&r->nodes);
    tdp_free(r);
}

static bool ends_with(const char *s, size_t n, const char *suf)
{
    size_t l = strlen(suf);
    if (n < l)
        return false;
    for (size_t i = 0; i < l; i++) {
        char c = s[n - l + i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != suf[i])
            return false;
    }
    return true;
}

static const char *const k_exts[] = {".txt", ".text", ".jsonl", ".ndjson", ".json",
                                     ".html", ".htm", ".warc", NULL};

/* Length of the name without a known extension (and without .gz). */
static size_t stem_len(const char *name, size_t n, int *ext_idx)
{
    if (ends_with(name, n, ".gz"))
        n -= 3;
    *ext_idx = -1;
    for (int i = 0; k_exts[i]; i++) {
        if (ends_with(name, n, k_exts[i])) {
            *ext_idx = i;
            return n - strlen(k_exts[i]);
        }
    }
    return n;
}

static tdp_format format_from_name(const char *path)
{
    int e;
    stem_len(path, strlen(path), &e);
    switch (e) {
    case 0: case 1: return TDP_FMT_TEXT;
    case 2: case 3: return TDP_FMT_JSONL;
    case 4: return TDP_FMT_JSON;
    case 5: case 6: return TDP_FMT_HTML;
    case 7: return TDP_FMT_WARC;
    default: return TDP_FMT_UNKNOWN;
    }
}

/*
 * Makes `id` (a name derived from a path) unique among the ids given so far: when
 * it is taken, the path as given (without its extension) stands in, then a suffix
 * "~2", "~3"... Only two inputs that share both need the suffix.
 */
static td_status unique_id(td_reader *r, tdp_buf *id, const char *path)
{
    /* A JSON Lines file's records are "NAME:LINE": its NAME does not take the id
     * NAME from a text file beside it (its key ends in the buffer's final NUL). */
    bool lines = format_from_name(path) == TDP_FMT_JSONL;
    if (!id->data) { /* an empty id still has its NUL */
        if (tdp_buf_putc(id, 'x'))
            return TD_ENOMEM;
        tdp_buf_reset(id);
    }
    int k = ks_add(&r->ids, id->data, id->len + lines);
    if (k)
        return k < 0 ? TD_ENOMEM : TD_OK;
    tdp_buf_reset(id);
    const char *p = path;
    while (p[0] == '.' && p[1] == '/') /* "./x" and "x" are one path */
        p += 2;
    int ext;
    tdp_buf_put(id, p, stem_len(p, strlen(p), &ext));
    if (id->err)
        return id->err;
    size_t base = id->len;
    for (unsigned n = 2; (k = ks_add(&r->ids, id->data, id->len + lines)) == 0; n++) {
        id->len = base;
        tdp_buf_printf(id, "~%u", n);
        if (id->err)
            return id->err;
    }
    return k < 0 ? TD_ENOMEM : TD_OK;
}

static td_status push(td_reader *r, const char *path, tdp_buf *id, const char *data,
                      size_t len)
{
    td_status st = id->err ? id->err : unique_id(r, id, path);
    if (st)
        return st;
    if (TDP_GROW(r->q, r->capq, r->nq + 1))
        return TD_ENOMEM;
    qitem it = {tdp_strdup(path), tdp_strndup(id->data, id->len), NULL, len};
    if (data) {
        it.data = tdp_malloc(len + 1); /* room for a final NUL (see whole()) */
        if (it.data && len)
            memcpy(it.data, data, len);
    }
    if (!it.path || !it.id_base || (data && !it.data)) {
        tdp_free(it.path);
        tdp_free(it.id_base);
        tdp_free(it.data);
        return TD_ENOMEM;
    }
    r->q[r->nq++] = it;
    return TD_OK;
}

/* 1 the first time a file or folder is met, 0 after that, -1 out of memory. */
static int first_visit(td_reader *r, const struct stat *sb)
{
    unsigned char key[sizeof sb->st_dev + sizeof sb->st_ino];
    memcpy(key, &sb->st_dev, sizeof sb->st_dev);
    memcpy(key + sizeof sb->st_dev, &sb->st_ino, sizeof sb->st_ino);
    return ks_add(&r->nodes, key, sizeof key);
}

static bool dot_name(const char *s, size_t n)
{
    return (n == 1 && s[0] == '.') || (n == 2 && s[0] == '.' && s[1] == '.');
}

/*
 * The last named component of path before its end `e` (trailing slashes and "."
 * components passed over): *name and *n, or false when there is none, or when it
 * is "..".
 */
static bool last_name(const char *path, size_t e, const char **name, size_t *n)
{
    for (;;) {
        while (e && path[e - 1] == '/')
            e--;
        size_t b = e;
        while (b && path[b - 1] != '/')
            b--;
        if (b == e)
            return false;
        if (e - b == 1 && path[b] == '.') {
            e = b;
            continue;
        }
        if (dot_name(path + b, e - b))
            return false;
        *name = path + b;
        *n = e - b;
        return true;
    }
}

/*
 * The id of a file named directly: its name without the extension, after the name
 * of the folder holding it when the path names one ("day/a1" for
 * "crawl/day/a1.txt", "a1" for "a1.txt" or "./a1.txt").
 */
static void file_id(const char *path, tdp_buf *id)
{
    const char *base, *dir;
    size_t bn, dn;
    if (!last_name(path, strlen(path), &base, &bn)) {
        tdp_buf_puts(id, path);
        return;
    }
    if (last_name(path, (size_t)(base - path), &dir, &dn)) {
        tdp_buf_put(id, dir, dn);
        tdp_buf_putc(id, '/');
    }
    int ext;
    size_t l = stem_len(base, bn, &ext);
    tdp_buf_put(id, base, l ? l : bn);
}

/* The name a folder keeps in its articles' ids: its last component, or the real
 * folder's name for ".", ".." and the like; none for the root. */
static void folder_name(const char *path, tdp_buf *id)
{
    const char *name;
    size_t n;
    if (last_name(path, strlen(path), &name, &n)) {
        tdp_buf_put(id, name, n);
        tdp_buf_putc(id, '/');
        return;
    }
    char real[PATH_MAX];
    if (realpath(path, real) && last_name(real, strlen(real), &name, &n)) {
        tdp_buf_put(id, name, n);
        tdp_buf_putc(id, '/');
    }
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Queues the article files under dir (entered once: the caller checked). Their ids
 * are prefix (the folder's name) then the path from rel_off on. */
static td_status walk(td_reader *r, const char *dir, size_t rel_off, const char *prefix,
                      int depth)
{
    if (depth > MAX_DEPTH)
        return TD_OK;
    DIR *d = opendir(dir);
    if (!d) {
        tdp_buf id = TDP_BUF_INIT;
        tdp_buf_puts(&id, prefix);
        tdp_buf_puts(&id, dir + rel_off);
        td_status st = push(r, dir, &id, NULL, 0); /* reported when read */
        tdp_buf_free(&id);
        return st;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    td_status st = TD_OK;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        if (TDP_GROW(names, cap, n + 1) || !(names[n] = tdp_strdup(e->d_name))) {
            st = TD_ENOMEM;
            break;
        }
        n++;
    }
    closedir(d);
    if (n)
        tdp_sort(names, n, sizeof *names, cmp_str);
    tdp_buf path = TDP_BUF_INIT, id = TDP_BUF_INIT;
    for (size_t i = 0; i < n && !st; i++) {
        tdp_buf_reset(&path);
        tdp_buf_puts(&path, dir);
        if (path.len && path.data[path.len - 1] != '/')
            tdp_buf_putc(&path, '/');
        tdp_buf_puts(&path, names[i]);
        if (path.err) {
            st = path.err;
            break;
        }
        struct stat sb;
        if (stat(path.data, &sb) != 0)
            continue; /* a dangling link: nothing to read */
        bool dir_entry = S_ISDIR(sb.st_mode);
        if (!dir_entry && !(S_ISREG(sb.st_mode) &&
                            format_from_name(names[i]) != TDP_FMT_UNKNOWN))
            continue;
        /* Each folder and file once, however many links lead to it: a link to a
         * folder above ("ln -s . loop") adds nothing. */
        int first = first_visit(r, &sb);
        if (first <= 0) {
            st = first < 0 ? TD_ENOMEM : TD_OK;
            continue;
        }
        if (dir_entry) {
            st = walk(r, path.data, rel_off, prefix, depth + 1);
        } else {
            int ext;
            tdp_buf_reset(&id);
            tdp_buf_puts(&id, prefix);
            tdp_buf_put(&id, path.data + rel_off,
                        stem_len(path.data + rel_off, path.len - rel_off, &ext));
            st = push(r, path.data, &id, NULL, 0);
        }
    }
    for (size_t i = 0; i < n; i++)
        tdp_free(names[i]);
    tdp_free(names);
    tdp_buf_free(&path);
    tdp_buf_free(&id);
    return st;
}

TD_API td_status td_reader_add(td_reader *r, const char *path)
{
    if (!r || !path || !*path)
        return TD_EARG;
    tdp_buf id = TDP_BUF_INIT;
    td_status st;
    struct stat sb;
    if (strcmp(path, "-") == 0) {
        tdp_buf_puts(&id, "stdin");
        st = push(r, "-", &id, NULL, 0);
    } else if (stat(path, &sb) == 0 && (S_ISDIR(sb.st_mode) || S_ISREG(sb.st_mode))) {
        int first = first_visit(r, &sb);
        if (first <= 0) { /* named twice, or inside a folder already queued */
            st = first < 0 ? TD_ENOMEM : TD_OK;
        } else if (S_ISDIR(sb.st_mode)) {
            size_t off = strlen(path);
            if (off && path[off - 1] != '/')
                off++;
            folder_name(path, &id);
            st = id.err ? id.err : walk(r, path, off, id.data ? id.data : "", 0);
        } else {
            file_id(path, &id);
            st = push(r, path, &id, NULL, 0);
        }
    } else { /* missing (reported when read), or a device, a pipe... */
        file_id(path, &id);
        st = push(r, path, &id, NULL, 0);
    }
    tdp_buf_free(&id);
    return st;
}

TD_API td_status td_reader_add_buffer(td_reader *r, const char *name, const char *data,
                                      size_t len)
{
    if (!r || !name || (!data && len))
        return TD_EARG;
    tdp_buf id = TDP_BUF_INIT;
    file_id(name, &id);
    td_status st = push(r, name, &id, data ? data : "", len);
    tdp_buf_free(&id);
    return st;
}

TD_API const char *td_reader_error(const td_reader *r)
{
    return r && r->err.data ? r->err.data : "";
}

TD_API uint64_t td_reader_skipped(const td_reader *r)
{
    return r ? r->skipped + r->src.skipped : 0;
}

TD_API const char *td_reader_warning(const td_reader *r)
{
    return r && r->has_warn ? r->warn.data : NULL;
}

static const char *shown_path(const td_reader *r)
{
    return strcmp(r->src.path, "-") == 0 ? "<stdin>" : r->src.path;
}

static td_status fail(td_reader *r, td_status st, uint32_t line, const char *what)
{
    tdp_buf_reset(&r->err);
    if (line)
        tdp_buf_printf(&r->err, "%s:%u: %s", shown_path(r), line, what);
    else
        tdp_buf_printf(&r->err, "%s: %s", shown_path(r), what);
    return r->err.err ? r->err.err : st;
}

/* A warning on the article being read; a second one is added to the first. */
static void warn(td_reader *r, uint32_t line, const char *what)
{
    if (r->has_warn) {
        tdp_buf_printf(&r->warn, "; %s", what);
        return;
    }
    tdp_buf_reset(&r->warn);
    if (line)
        tdp_buf_printf(&r->warn, "%s:%u: %s", shown_path(r), line, what);
    else
        tdp_buf_printf(&r->warn, "%s: %s", shown_path(r), what);
    r->has_warn = true;
}

/* Opens the next queued input; TD_END when the queue is empty. */
static td_status open_next(td_reader *r)
{
    if (r->qpos == r->nq)
        return TD_END;
    qitem it = r->q[r->qpos++];
    tdp_source *s = &r->src;
    s->path = it.path;
    s->id_base = it.id_base;
    s->open = true;
    if (it.data) {
        /* The stream owns the copied buffer from now on and frees it on close. */
        s->st.buf = it.data;
        s->st.cap = it.len + 1;
        s->st.beg = 0;
        s->st.end = it.len;
        s->st.eof = true;
    } else if (strcmp(it.path, "-") == 0) {
        int fd = dup(0);
        s->st.gz = fd >= 0 ? gzdopen(fd, "rb") : NULL;
        if (!s->st.gz) {
            if (fd >= 0)
                close(fd);
            return fail(r, TD_EIO, 0, "cannot read standard input");
        }
    } else {
        struct stat sb;
        if (stat(it.path, &sb) != 0) {
            char m[160];
            snprintf(m, sizeof m, "cannot open: %s", strerror(errno));
            return fail(r, TD_EIO, 0, m);
        }
        if (S_ISDIR(sb.st_mode))
            return fail(r, TD_EIO, 0, "cannot read folder");
        /* Files read whole are loaded (and inflated) in one piece when they can
         * be; anything else, or anything unusual, is streamed through zlib. */
        tdp_format f = format_from_name(it.path);
        if ((f == TDP_FMT_TEXT || f == TDP_FMT_HTML || f == TDP_FMT_JSON) &&
            tdp_stream_load_file(&s->st, it.path, r->opts.max_bytes, &r->inflater)) {
            s->fmt = f;
            return TD_OK;
        }
        s->st.gz = gzopen(it.path, "rb");
        s->st.name = s->path;
        if (!s->st.gz) {
            char m[160];
            snprintf(m, sizeof m, "cannot open: %s", strerror(errno ? errno : EIO));
            return fail(r, TD_EIO, 0, m);
        }
        gzbuffer(s->st.gz, 128 * 1024);
    }
    s->fmt = format_from_name(it.path);
    if (s->fmt == TDP_FMT_UNKNOWN) {
        /* Sniff: JSON object per line, an HTML page, a WARC file, else text. */
        size_t n = tdp_stream_fill(&s->st, 4096);
        const char *p = s->st.buf ? s->st.buf + s->st.beg : "";
        size_t i = 0;
        if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
            i = 3;
        while (i < n && (p[i] == ' ' || p[i] == '\n' || p[i] == '\r' || p[i] == '\t'))
            i++;
        s->fmt = TDP_FMT_TEXT;
        if (i < n && p[i] == '{') {
            s->fmt = TDP_FMT_JSONL;
        } else if (n - i >= 5 && memcmp(p + i, "WARC/", 5) == 0) {
            s->fmt = TDP_FMT_WARC;
        } else if (i < n && p[i] == '<') {
            char head[64];
            size_t hl = n - i < sizeof head - 1 ? n - i : sizeof head - 1;
            for (size_t k = 0; k < hl; k++) {
                char c = p[i + k];
                head[k] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
            }
            head[hl] = '\0';
            if (strstr(head, "<!doctype html") || strstr(head, "<html") ||
                strstr(head, "<head") || strstr(head, "<!--") || strstr(head, "<meta") ||
                strstr(head, "<body"))
                s->fmt = TDP_FMT_HTML;
        }
    }
    return TD_OK;
}

/* The whole remaining input as text: checked for size, binary data and UTF-8. */
static td_status whole(td_reader *r, tdp_buf *out)
{
    tdp_source *s = &r->src;
    tdp_buf_reset(out);
    out->max = r->opts.max_bytes; /* the buffer never grows past the limit */
    td_status st;
    if (!s->st.gz && s->st.eof && s->st.buf && s->st.beg == 0 && s->st.end < s->st.cap &&
        s->st.end <= r->opts.max_bytes) {
        /* A file loaded whole (or a buffer): take the data over, no copy. */
        tdp_buf_free(out);
        out->data = s->st.buf;
        out->len = s->st.end;
        out->cap = s->st.cap;
        out->max = r->opts.max_bytes;
        out->data[out->len] = '\0';
        s->st.buf = NULL;
        s->st.cap = s->st.beg = s->st.end = 0;
        st = TD_OK;
    } else {
        st = tdp_stream_rest(&s->st, r->opts.max_bytes, out);
    }
    if (st == TD_ETOOBIG) {
        char m[96];
        snprintf(m, sizeof m, "larger than the %zu MiB limit", r->opts.max_bytes >> 20);
        return fail(r, st, 0, m);
    }
    if (st)
        return fail(r, st, 0, s->st.errmsg[0] ? s->st.errmsg : td_strerror(st));
    if (s->st.err)
        return fail(r, s->st.err, 0, s->st.errmsg);
    size_t i = 0;
    while (i < out->len && (out->data[i] == ' ' || out->data[i] == '\n' ||
                            out->data[i] == '\r' || out->data[i] == '\t'))
        i++;
    if (i == out->len)
        return fail(r, TD_EEMPTY, 0, "empty file");
    if (tdp_looks_binary(out->data, out->len))
        return fail(r, TD_EBINARY, 0, "binary data, not text");
    return TD_OK;
}

/* Replaces invalid UTF-8 in b (repair mode) or rejects it. */
static td_status check_utf8(td_reader *r, tdp_buf *b, uint32_t line)
{
    size_t ok = tdp_utf8_valid_prefix(b->data, b->len);
    if (ok == b->len)
        return TD_OK;
    if (!r->opts.repair_utf8) {
        char m[96];
        snprintf(m, sizeof m, "invalid UTF-8 at byte %zu", ok);
        return fail(r, TD_EUTF8, line, m);
    }
    tdp_buf fixed = TDP_BUF_INIT;
    size_t bad = tdp_utf8_repair(&fixed, b->data, b->len);
    if (fixed.err) {
        tdp_buf_free(&fixed);
        return fail(r, TD_ENOMEM, line, "out of memory");
    }
    tdp_buf_free(b);
    *b = fixed;
    char m[96];
    snprintf(m, sizeof m, "invalid UTF-8 replaced (%zu sequence%s, first at byte %zu)",
             bad, bad == 1 ? "" : "s", ok);
    warn(r, line, m);
    return TD_OK;
}

/* Replaces each NUL byte of b with U+FFFD, with a warning: a text that passed as
 * text keeps its length and no C string is cut short (removing them instead could
 * join "<scr" and "ipt>"). */
static td_status replace_nuls(td_reader *r, tdp_buf *b, uint32_t line)
{
    const char *z = memchr(b->data, '\0', b->len);
    if (!z)
        return TD_OK;
    size_t first = (size_t)(z - b->data), count = 0;
    tdp_buf fixed = TDP_BUF_INIT;
    tdp_buf_put(&fixed, b->data, first);
    for (size_t i = first; i < b->len; i++) {
        if (b->data[i]) {
            tdp_buf_putc(&fixed, b->data[i]);
        } else {
            tdp_buf_put(&fixed, "\xEF\xBF\xBD", 3);
            count++;
        }
    }
    if (fixed.err) {
        tdp_buf_free(&fixed);
        return fail(r, TD_ENOMEM, line, "out of memory");
    }
    tdp_buf_free(b);
    *b = fixed;
    char m[96];
    snprintf(m, sizeof m, "%zu NUL byte%s replaced with U+FFFD (first at byte %zu)", count,
             count == 1 ? "" : "s", first);
    warn(r, line, m);
    return TD_OK;
}

static void warn_json_nuls(td_reader *r, size_t nuls, uint32_t line)
{
    if (!nuls)
        return;
    char m[96];
    snprintf(m, sizeof m, "%zu NUL character%s (\\u0000) replaced with U+FFFD", nuls,
             nuls == 1 ? "" : "s");
    warn(r, line, m);
}

static td_status set_origin(td_reader *r, td_article *a, uint32_t line)
{
    a->path = tdp_article_str(a, r->src.path, strlen(r->src.path));
    a->line = line;
    if (!a->id) {
        if (line) {
            char id[64];
            snprintf(id, sizeof id, ":%u", line);
            tdp_buf_reset(&r->tmp);
            tdp_buf_puts(&r->tmp, r->src.id_base);
            tdp_buf_puts(&r->tmp, id);
            if (r->tmp.err || td_article_set(a, TD_FIELD_ID, r->tmp.data, r->tmp.len))
                return TD_ENOMEM;
        } else if (td_article_set(a, TD_FIELD_ID, r->src.id_base, strlen(r->src.id_base))) {
            return TD_ENOMEM;
        }
    }
    return a->path ? TD_OK : TD_ENOMEM;
}

/* A plain-text article; a first line " date YYYY-MM-DD" gives its date. */
static td_status text_article(td_reader *r, tdp_buf *b, td_article **out)
{
    const char *p = b->data;
    size_t n = b->len;
    td_date d = {0, 0, 0, 0, 0, TD_DATE_NONE};
    if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
        p += 3;
        n -= 3;
    }
    size_t i = 0;
    while (i < n && (p[i] == ' ' || p[i] == '\t'))
        i++;
    if (n - i > 15 && memcmp(p + i, "date ", 5) == 0 &&
        td_date_parse(p + i + 5, 10, &d) == TD_OK) {
        size_t j = i + 15;
        if (j < n && p[j] == 'T') { /* "date 2022-01-15T08:24Z" */
            size_t k = j;
            while (k < n && p[k] != ' ' && p[k] != '\n')
                k++;
            td_date full;
            if (td_date_parse(p + i + 5, k - i - 5, &full) == TD_OK) {
                d = full;
                j = k;
            }
        }
        while (j < n && (p[j] == ' ' || p[j] == '\t'))
            j++;
        /* The date line ends here when nothing follows the date on it. */
        if (j < n && p[j] == '\r')
            j++;
        if (j < n && p[j] == '\n')
            j++;
        p += j;
        n -= j;
    }
    td_article *a = td_article_new();
    if (!a)
        return fail(r, TD_ENOMEM, 0, "out of memory");
    a->date = d;
    if (td_article_set(a, TD_FIELD_TEXT, p, n) || set_origin(r, a, 0)) {
        td_article_free(a);
        return fail(r, TD_ENOMEM, 0, "out of memory");
    }
    *out = a;
    return TD_OK;
}

static td_status next_whole(td_reader *r, td_article **out)
{
    tdp_source *s = &r->src;
    s->done = true;
    td_status st = whole(r, &r->tmp);
    if (st)
        return st;
    tdp_buf text = r->tmp;
    r->tmp = (tdp_buf)TDP_BUF_INIT;
    /* HTML keeps its original bytes: the extractor finds the charset and decodes. */
    if (s->fmt != TDP_FMT_HTML && (st = check_utf8(r, &text, 0))) {
        tdp_buf_free(&text);
        return st;
    }
    if (s->fmt == TDP_FMT_TEXT) {
        st = replace_nuls(r, &text, 0);
        if (!st)
            st = text_article(r, &text, out);
    } else if (s->fmt == TDP_FMT_HTML) {
        td_article *a = td_article_new();
        if (a) { /* the page's bytes are handed over, not copied */
            tdp_article_take_html(a, text.data, text.len);
            text = (tdp_buf)TDP_BUF_INIT;
        }
        if (!a || set_origin(r, a, 0)) {
            td_article_free(a);
            st = fail(r, TD_ENOMEM, 0, "out of memory");
        } else {
            *out = a;
        }
    } else { /* one JSON object */
        tdp_buf why = TDP_BUF_INIT;
        size_t nuls = 0;
        st = tdp_article_from_json(text.data, text.len, s->id_base, out, &why, &nuls);
        if (st) {
            fail(r, st, 0, why.data ? why.data : td_strerror(st));
        } else {
            warn_json_nuls(r, nuls, 0);
            if (set_origin(r, *out, 0)) {
                td_article_free(*out);
                *out = NULL;
                st = fail(r, TD_ENOMEM, 0, "out of memory");
            }
        }
        tdp_buf_free(&why);
    }
    tdp_buf_free(&text);
    return st;
}

static td_status next_jsonl(td_reader *r, td_article **out)
{
    tdp_source *s = &r->src;
    for (;;) {
        const char *line;
        size_t len;
        td_status st = tdp_stream_line(&s->st, r->opts.max_bytes, &line, &len);
        if (st == TD_END)
            return TD_END;
        s->line++;
        if (st == TD_ETOOBIG) {
            char m[320];
            snprintf(m, sizeof m, "line of %s%zu bytes is larger than the %zu MiB limit%s%s",
                     s->st.err ? "more than " : "", len, r->opts.max_bytes >> 20,
                     s->st.err ? "; " : "", s->st.err ? s->st.errmsg : "");
            st = fail(r, st, s->line, m);
            if (s->st.err)
                close_source(r); /* an endless line: nothing after it can be read */
            return st;
        }
        if (st) {
            /* A read error ends the file: report it once, then go to the next. */
            st = fail(r, st, s->line, s->st.errmsg[0] ? s->st.errmsg : td_strerror(st));
            close_source(r);
            return st;
        }
        size_t i = 0;
        if (s->line == 1 && len >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0)
            i = 3;
        while (i < len && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r'))
            i++;
        if (i == len)
            continue; /* blank lines separate nothing */
        tdp_buf_reset(&r->tmp);
        if (tdp_buf_put(&r->tmp, line + i, len - i))
            return fail(r, TD_ENOMEM, s->line, "out of memory");
        /* A raw NUL is invalid JSON: the parser names its place; a binary line is
         * said to be one. */
        if (memchr(r->tmp.data, '\0', r->tmp.len) && tdp_looks_binary(r->tmp.data, r->tmp.len))
            return fail(r, TD_EBINARY, s->line, "binary data, not JSON");
        if ((st = check_utf8(r, &r->tmp, s->line)))
            return st;
        tdp_buf why = TDP_BUF_INIT;
        size_t nuls = 0;
        st = tdp_article_from_json(r->tmp.data, r->tmp.len, NULL, out, &why, &nuls);
        if (st) {
            fail(r, st, s->line, why.data ? why.data : td_strerror(st));
            tdp_buf_free(&why);
            return st;
        }
        tdp_buf_free(&why);
        warn_json_nuls(r, nuls, s->line);
        if (set_origin(r, *out, s->line)) {
            td_article_free(*out);
            *out = NULL;
            return fail(r, TD_ENOMEM, s->line, "out of memory");
        }
        return TD_OK;
    }
}

TD_API void td_reader_keep_comments(td_reader *r, int keep)
{
    if (r)
        r->keep_comments = keep != 0;
}

TD_API td_status td_reader_next(td_reader *r, td_article **out)
{
    if (!r || !out)
        return TD_EARG;
    *out = NULL;
    r->has_warn = false;
    tdp_buf_reset(&r->err);
    for (;;) {
        if (!r->src.open) {
            td_status st = open_next(r);
            if (st == TD_END)
                return TD_END;
            if (st) {
                close_source(r);
                return st;
            }
        }
        tdp_source *s = &r->src;
        td_status st;
        switch (s->fmt) {
        case TDP_FMT_JSONL:
            st = next_jsonl(r, out);
            break;
        case TDP_FMT_WARC: {
            tdp_buf why = TDP_BUF_INIT;
            st = tdp_warc_next(s, r->opts.max_bytes, out, &why);
            if (st == TD_OK) {
                if (set_origin(r, *out, 0)) {
                    td_article_free(*out);
                    *out = NULL;
                    st = fail(r, TD_ENOMEM, 0, "out of memory");
                }
            } else if (st != TD_END) {
                fail(r, st, 0, why.data ? why.data : td_strerror(st));
                if (st == TD_EFORMAT || st == TD_EIO)
                    close_source(r); /* the rest of this file cannot be read */
            }
            tdp_buf_free(&why);
            break;
        }
        default:
            st = s->done ? TD_END : next_whole(r, out);
            break;
        }
        if (st == TD_END) {
            /* Input that ended in an error (a truncated gzip) is reported once. */
            bool broken = s->open && s->st.err && s->fmt != TDP_FMT_TEXT &&
                          s->fmt != TDP_FMT_HTML && s->fmt != TDP_FMT_JSON;
            td_status e = s->st.err;
            if (broken)
                fail(r, e, 0, s->st.errmsg);
            if (s->open)
                close_source(r);
            if (broken)
                return e;
            continue;
        }
        if (st == TD_OK && *out)
            (*out)->keep_comments = r->keep_comments;
        return st;
    }
}

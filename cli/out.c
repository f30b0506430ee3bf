/*
 * out.c - everything the command writes: its output (stdout or -o FILE) and its
 * messages on stderr.
 *
 * Crawled text is written by strangers, and a terminal acts on the control
 * characters it is sent (ESC [2J clears the screen, OSC sequences retitle the
 * window or write the clipboard). So:
 *   - output to a terminal shows every control character except newline and tab
 *     as something visible (see put_visible);
 *   - every message on stderr gets the same treatment, newlines and tabs
 *     included: one message is one line, whatever file name or title it quotes;
 *   - output to a pipe or a file is written as the engine made it, as cat or grep
 *     would (JSON escapes its control characters; the stories listing escapes its
 *     fields, cmd_store.c).
 *
 * -o FILE is opened (and so checked) before the work starts but emptied only when
 * the first byte of output is ready, so a run that fails early leaves an existing
 * FILE as it was, and removes one it created.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

static struct {
    const char *path;  /* -o FILE; NULL: standard output */
    int fd;            /* FILE while not yet in place of stdout; -1 otherwise */
    bool created;      /* this run created FILE */
    bool started;      /* output has begun (FILE emptied and made stdout) */
    bool tty;          /* the output is a terminal */
    bool failed;       /* a write failed (reported once) */
} g_out = {NULL, -1, false, false, false, false};

/* ---- making control characters visible ---- */

/*
 * The length of the well-formed UTF-8 sequence at s (n bytes left) and its code
 * point; 0 when s does not start one (a stray, overlong, surrogate or cut byte).
 */
static size_t utf8_seq(const unsigned char *s, size_t n, unsigned *cp)
{
    unsigned c = s[0];
    size_t len;
    unsigned min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        len = 2, min = 0x80, c &= 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3, min = 0x800, c &= 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4, min = 0x10000, c &= 0x07;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (s[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return len;
}

/*
 * Writes s to f with its control characters made visible: C0 controls and DEL as
 * their Unicode control pictures (ESC as U+241B "␛", CR as "␍"), C1 controls as
 * "\u009b", bytes that are not UTF-8 as "\xff". Newline and tab are kept when
 * `lines`. Nothing a terminal acts on is left, and what was there can be read.
 */
static void put_visible(FILE *f, const char *s, size_t n, bool lines)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t run = 0; /* bytes at p[i - run .. i) still to write as they are */
    for (size_t i = 0; i < n;) {
        unsigned cp = 0;
        size_t len = utf8_seq(p + i, n - i, &cp);
        bool keep = len && (cp >= 0xA0 || (cp >= 0x20 && cp < 0x7F) ||
                            (lines && (cp == '\n' || cp == '\t')));
        if (keep) {
            i += len;
            run += len;
            continue;
        }
        if (run)
            fwrite(p + i - run, 1, run, f);
        run = 0;
        if (!len) {
            fprintf(f, "\\x%02x", p[i]);
            i++;
        } else if (cp < 0x20 || cp == 0x7F) {
            unsigned pic = cp == 0x7F ? 0x2421 : 0x2400 + cp;
            fputc(0xE2, f);
            fputc((int)(0x80 | ((pic >> 6) & 0x3F)), f);
            fputc((int)(0x80 | (pic & 0x3F)), f);
            i += len;
        } else {
            fprintf(f, "\\u%04x", cp);
            i += len;
        }
    }
    if (run)
        fwrite(p + n - run, 1, run, f);
}

/* ---- messages ---- */

/* Formats, then writes "tidings: KIND: message" as one visible line. */
static void message(const char *kind, const char *fmt, va_list ap)
{
    char small[512], *msg = small;
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    if (n >= (int)sizeof small) {
        msg = malloc((size_t)n + 1);
        if (msg)
            vsnprintf(msg, (size_t)n + 1, fmt, ap2);
        else
            msg = small, n = (int)sizeof small - 1;
    }
    va_end(ap2);
    cli_progress_clear();
    fprintf(stderr, "tidings: %s: ", kind);
    put_visible(stderr, msg, n > 0 ? (size_t)n : 0, false);
    fputc('\n', stderr);
    if (msg != small)
        free(msg);
}

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    message("error", fmt, ap);
    va_end(ap);
}

void cli_warn(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    message("warning", fmt, ap);
    va_end(ap);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    message("error", fmt, ap);
    va_end(ap);
    if (cmd)
        fprintf(stderr, "Try 'tidings %s --help'.\n", cmd);
    else
        fputs("Try 'tidings --help'.\n", stderr);
    return EXIT_USAGE;
}

/* ---- the output ---- */

int cli_out_open(const char *path)
{
    if (!path || !strcmp(path, "-")) {
        g_out.tty = isatty(1);
        return EXIT_OK;
    }
    struct stat sb;
    if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
        cli_error("%s: cannot write: is a folder", path);
        return EXIT_FATAL;
    }
    /* Not truncated yet: see cli_out_start. */
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0666);
    g_out.created = fd >= 0;
    if (fd < 0 && errno == EEXIST)
        fd = open(path, O_WRONLY);
    if (fd < 0) {
        cli_error("%s: cannot write: %s", path, strerror(errno));
        return EXIT_FATAL;
    }
    g_out.path = path;
    g_out.fd = fd;
    g_out.tty = isatty(fd);
    return EXIT_OK;
}

int cli_out_check_replace(const char *path)
{
    struct stat sb;
    const char *why = NULL;
    if (stat(path, &sb) == 0) {
        if (S_ISDIR(sb.st_mode))
            why = "is a folder";
        else if (access(path, W_OK) != 0)
            why = strerror(errno);
    } else if (errno != ENOENT) {
        why = strerror(errno);
    }
    if (!why) { /* the new copy is made in the same folder, then renamed over FILE */
        const char *slash = strrchr(path, '/');
        char *dir = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path))
                          : strdup(".");
        if (!dir)
            why = strerror(ENOMEM);
        else if (access(dir, W_OK | X_OK) != 0)
            why = strerror(errno);
        free(dir);
    }
    if (why) {
        cli_error("%s: cannot write: %s", path, why);
        return EXIT_FATAL;
    }
    return EXIT_OK;
}

bool cli_out_tty(void)
{
    return g_out.tty;
}

bool cli_out_start(void)
{
    if (g_out.started)
        return !g_out.failed;
    g_out.started = true;
    if (g_out.fd < 0)
        return true;
    struct stat sb;
    bool ok = fflush(stdout) == 0;
    if (ok && fstat(g_out.fd, &sb) == 0 && S_ISREG(sb.st_mode) && ftruncate(g_out.fd, 0))
        ok = false;
    if (ok && dup2(g_out.fd, 1) < 0)
        ok = false;
    int e = errno;
    close(g_out.fd);
    g_out.fd = -1;
    if (!ok) {
        cli_error("%s: cannot write: %s", g_out.path, strerror(e));
        g_out.failed = true;
    }
    return ok;
}

/* Reports a failed write once. */
static bool write_failed(void)
{
    if (!g_out.failed) {
        int e = errno;
        if (g_out.path)
            cli_error("%s: cannot write: %s", g_out.path, strerror(e));
        else
            cli_error("cannot write output: %s", strerror(e));
    }
    g_out.failed = true;
    return false;
}

bool cli_write(const char *s, size_t n)
{
    if (!cli_out_start())
        return false;
    if (!n)
        return true;
    if (g_out.tty)
        put_visible(stdout, s, n, true);
    else if (fwrite(s, 1, n, stdout) != n)
        return write_failed();
    return ferror(stdout) ? write_failed() : true;
}

bool cli_printf(const char *fmt, ...)
{
    char small[512], *buf = small;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return write_failed();
    if (n >= (int)sizeof small) {
        buf = malloc((size_t)n + 1);
        if (!buf) {
            cli_error("out of memory");
            g_out.failed = true;
            return false;
        }
        va_start(ap, fmt);
        vsnprintf(buf, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    bool ok = cli_write(buf, (size_t)n);
    if (buf != small)
        free(buf);
    return ok;
}

bool cli_json_str(const char *s)
{
    bool ok = cli_write("\"", 1);
    for (const char *run = s; ok; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch && ch != '"' && ch != '\\' && ch >= 0x20 && ch != 0x7F)
            continue;
        ok = cli_write(run, (size_t)(s - run));
        if (!ch || !ok)
            break;
        if (ch == '"' || ch == '\\')
            ok = cli_printf("\\%c", ch);
        else
            ok = cli_printf("\\u%04x", ch);
        run = s + 1;
    }
    return ok && cli_write("\"", 1);
}

int cli_out_finish(int rc)
{
    cli_progress_done();
    if (g_out.fd >= 0) {
        /* Nothing written: an ordinary run still leaves an (empty) FILE; a failed
         * one leaves the old FILE alone and takes away one it created. */
        if (rc == EXIT_OK || rc == EXIT_REJECTED) {
            cli_out_start();
        } else {
            if (g_out.created)
                unlink(g_out.path);
            close(g_out.fd);
            g_out.fd = -1;
        }
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        write_failed();
    }
    if (g_out.failed && rc != EXIT_USAGE)
        rc = EXIT_FATAL;
    return rc;
}

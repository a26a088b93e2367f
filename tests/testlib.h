/* testlib.h: the tiny test framework of Verbeterbord's C tests. Header
 * only, libc only, included by every tests/test_*.c.
 *
 * THE PROTOCOL (every test program in this repo follows it, C binaries and
 * scripts alike; tests/run.sh counts it):
 *   - one line per check on stdout, either
 *         ok - <name>
 *         not ok - <name>: <reason>
 *     a skipped check is an ok line ending in " # skip <why>";
 *   - anything else on stdout starts with "# " (a comment);
 *   - the program exits non-zero when any check failed.
 * A crash, or a non-zero exit without a "not ok" line, is counted by run.sh
 * as one failure named after the program.
 *
 * Usage:
 *     #include "testlib.h"
 *     static void test_something(void) {
 *         T_CHECK(1 + 1 == 2, "arithmetic works");
 *         T_EQ_INT(f(3), 9, "f squares");
 *         T_EQ_STR(g(), "x", "g says x");
 *     }
 *     int main(void) { test_something(); return t_done(); }
 *
 * Temporary files: t_tmpdir() makes one private folder (mkdtemp under
 * $TMPDIR or /tmp) that is removed with everything in it when the program
 * exits; t_path("x.db") names a file inside it. */
#ifndef VB_TESTLIB_H
#define VB_TESTLIB_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include <errno.h>
#include <ftw.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int t_passed_count, t_failed_count, t_skipped_count;

static inline void t_vreport(bool ok, const char *name, const char *fmt, va_list ap)
{
    if (ok) {
        printf("ok - %s\n", name);
        t_passed_count++;
    } else {
        printf("not ok - %s: ", name);
        vprintf(fmt && *fmt ? fmt : "failed", ap);
        printf("\n");
        t_failed_count++;
    }
    fflush(stdout);
}

/* Reports one check; reason (printf format) is used only when it failed.
 * Returns ok, so callers can stop early: if (!t_report(...)) return; */
__attribute__((format(printf, 3, 4))) static inline bool t_report(bool ok, const char *name, const char *reason, ...)
{
    va_list ap;
    va_start(ap, reason);
    t_vreport(ok, name, reason, ap);
    va_end(ap);
    return ok;
}

static inline void t_skip(const char *name, const char *why)
{
    printf("ok - %s # skip %s\n", name, why);
    fflush(stdout);
    t_passed_count++;
    t_skipped_count++;
}

/* A comment line (ignored by run.sh; shown to people). */
__attribute__((format(printf, 1, 2))) static inline void t_note(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    printf("# ");
    vprintf(fmt, ap);
    printf("\n");
    fflush(stdout);
    va_end(ap);
}

#define T_CHECK(cond, name) t_report((cond) ? true : false, (name), "%s is false (%s:%d)", #cond, __FILE__, __LINE__)

#define T_EQ_INT(actual, expected, name)                                                                 \
    ({                                                                                                   \
        long long t_a_ = (long long)(actual), t_e_ = (long long)(expected);                              \
        t_report(t_a_ == t_e_, (name), "%s is %lld, expected %lld (%s:%d)", #actual, t_a_, t_e_,       \
                 __FILE__, __LINE__);                                                                    \
    })

#define T_EQ_STR(actual, expected, name)                                                                 \
    ({                                                                                                   \
        const char *t_a_ = (actual), *t_e_ = (expected);                                                 \
        bool t_ok_ = t_a_ && t_e_ && strcmp(t_a_, t_e_) == 0;                                            \
        t_report(t_ok_, (name), "%s is \"%s\", expected \"%s\" (%s:%d)", #actual, t_a_ ? t_a_ : "(null)", \
                 t_e_ ? t_e_ : "(null)", __FILE__, __LINE__);                                            \
    })

/* Ends the program's checks: a summary comment and the exit status. */
static inline int t_done(void)
{
    printf("# %d checks, %d failed, %d skipped\n", t_passed_count + t_failed_count, t_failed_count,
           t_skipped_count);
    fflush(stdout);
    return t_failed_count ? 1 : 0;
}

/* ---- temporary files ---------------------------------------------------- */

static char t_tmp_root[4096];

static inline int t_rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    /* permission tests may leave read-only folders behind */
    chmod(path, 0700);
    remove(path);
    return 0;
}

static inline void t_rm_tree(const char *path)
{
    /* make folders writable first so their files can go */
    nftw(path, t_rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static inline void t_tmp_cleanup(void)
{
    if (t_tmp_root[0] && !getenv("KEEP_TMP"))
        t_rm_tree(t_tmp_root);
}

/* The program's private temporary folder (made on first use, removed at
 * exit unless KEEP_TMP is set). Aborts the program if it cannot be made. */
static inline const char *t_tmpdir(void)
{
    if (t_tmp_root[0])
        return t_tmp_root;
    const char *base = getenv("TMPDIR");
    if (!base || !*base)
        base = "/tmp";
    snprintf(t_tmp_root, sizeof t_tmp_root, "%s/vbtest-XXXXXX", base);
    if (!mkdtemp(t_tmp_root)) {
        printf("not ok - make a temporary folder under %s: %s\n", base, strerror(errno));
        exit(1);
    }
    atexit(t_tmp_cleanup);
    return t_tmp_root;
}

/* A path inside the temporary folder; the result lives in one of 8 rotating
 * buffers, so copy it if you need more at once. */
static inline const char *t_path(const char *name)
{
    static char bufs[8][4200];
    static int next;
    char *b = bufs[next++ % 8];
    const char *dir = t_tmpdir();
    size_t dl = strlen(dir), nl = strlen(name);
    if (dl + 1 + nl >= sizeof bufs[0]) {
        printf("not ok - temporary path too long: %s\n", name);
        exit(1);
    }
    memcpy(b, dir, dl);
    b[dl] = '/';
    memcpy(b + dl + 1, name, nl + 1);
    return b;
}

/* A fresh sub-folder of the temporary folder. */
static inline const char *t_subdir(const char *name)
{
    const char *p = t_path(name);
    mkdir(p, 0700);
    return p;
}

/* Reads a whole file into a malloc'd buffer (NUL added); NULL on error. */
static inline char *t_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap + 1);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *bigger = realloc(buf, cap * 2 + 1);
            if (!bigger) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = bigger;
            cap *= 2;
        }
    }
    fclose(f);
    if (buf) {
        buf[n] = '\0';
        if (len)
            *len = n;
    }
    return buf;
}

static inline bool t_write_file(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return false;
    bool ok = fwrite(data, 1, len, f) == len;
    return fclose(f) == 0 && ok;
}

static inline bool t_file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* True when both files exist and hold the same bytes. */
static inline bool t_files_equal(const char *a, const char *b)
{
    size_t la = 0, lb = 0;
    char *da = t_read_file(a, &la), *db = t_read_file(b, &lb);
    bool same = da && db && la == lb && memcmp(da, db, la) == 0;
    free(da);
    free(db);
    return same;
}

/* Copies a file byte for byte. */
static inline bool t_copy_file(const char *from, const char *to)
{
    size_t n = 0;
    char *d = t_read_file(from, &n);
    bool ok = d && t_write_file(to, d, n);
    free(d);
    return ok;
}

/* Tests run as root in CI, where file permissions do not stop writes. */
static inline bool t_is_root(void)
{
    return geteuid() == 0;
}

#endif

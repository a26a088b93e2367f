/* vb_err.h: the status codes and message buffer that every fallible function
 * in Verbeterbord returns, so that errors travel upward instead of being
 * printed and exited from deep inside. libc only. */
#ifndef VB_ERR_H
#define VB_ERR_H

#include <stddef.h>

typedef enum vb_code {
    VB_OK = 0,
    VB_ERR_IO,         /* read or write failed */
    VB_ERR_FULL,       /* the disk is full */
    VB_ERR_READONLY,   /* file or folder cannot be written */
    VB_ERR_BUSY,       /* database locked by another process */
    VB_ERR_CORRUPT,    /* not a database, or damaged */
    VB_ERR_NEWER,      /* made by a newer version of the program */
    VB_ERR_NOTFOUND,   /* file, folder or row does not exist */
    VB_ERR_INVALID,    /* input refused (too long, bad UTF-8, empty, ...) */
    VB_ERR_CONSTRAINT, /* the database refused the row */
    VB_ERR_NOMEM,
    VB_ERR_INTERNAL,
    VB_ERR_GONE,       /* the open database file was deleted or replaced */
    VB_ERR_MISSING,    /* the database file is missing where one existed */
    VB_ERR_SCHEMA      /* not our schema: foreign file, or objects differ */
} vb_code;

typedef struct vb_err {
    vb_code code;
    char msg[300]; /* technical detail, for logs and the failure screen */
} vb_err;

/* Sets err (if not NULL) and returns code, so callers can `return vb_fail(...)`. */
vb_code vb_fail(vb_err *err, vb_code code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void vb_err_clear(vb_err *err);

/* Invariants, as SQLite asserts them: checked in development and test
 * builds, where a broken one stops the program at the spot and says where;
 * compiled away with NDEBUG (make install, make deb). The code after a
 * VB_ASSERT still handles the case as an ordinary error, so a release build
 * reports it instead of crashing. Never for input, files or the database:
 * those are errors, returned. */
#ifdef NDEBUG
#define VB_ASSERT(cond) ((void)0)
#else
#define VB_ASSERT(cond) ((cond) ? (void)0 : vb_assert_failed(#cond, __FILE__, __LINE__))
#endif
_Noreturn void vb_assert_failed(const char *cond, const char *file, int line);
const char *vb_code_name(vb_code code);

#endif

/* vb_err.c: filling vb_err status records. */
#include "vb_err.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "utf8.h"

vb_code vb_fail(vb_err *err, vb_code code, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        vb_vfmt(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
        err->code = code;
    }
    return code;
}

void vb_assert_failed(const char *cond, const char *file, int line)
{
    fprintf(stderr, "verbeterbord: invariant broken at %s:%d: %s\n", file, line, cond);
    abort();
}

void vb_err_clear(vb_err *err)
{
    if (err) {
        err->code = VB_OK;
        err->msg[0] = '\0';
    }
}

const char *vb_code_name(vb_code code)
{
    switch (code) {
    case VB_OK: return "ok";
    case VB_ERR_IO: return "io";
    case VB_ERR_FULL: return "full";
    case VB_ERR_READONLY: return "readonly";
    case VB_ERR_BUSY: return "busy";
    case VB_ERR_CORRUPT: return "corrupt";
    case VB_ERR_NEWER: return "newer";
    case VB_ERR_NOTFOUND: return "notfound";
    case VB_ERR_INVALID: return "invalid";
    case VB_ERR_CONSTRAINT: return "constraint";
    case VB_ERR_NOMEM: return "nomem";
    case VB_ERR_INTERNAL: return "internal";
    case VB_ERR_GONE: return "gone";
    case VB_ERR_MISSING: return "missing";
    case VB_ERR_SCHEMA: return "schema";
    }
    return "unknown";
}

/* devconf.c: reading the device settings file (see devconf.h). */
#include "devconf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

void devconf_defaults(devconf *c)
{
    memset(c, 0, sizeof *c);
    c->display = -1;
    c->wall_display = -1;
}

static void trim(char **start, char **end)
{
    while (*start < *end && (**start == ' ' || **start == '\t'))
        (*start)++;
    while (*end > *start && ((*end)[-1] == ' ' || (*end)[-1] == '\t' || (*end)[-1] == '\r'))
        (*end)--;
}

static bool set_text(char *dst, size_t size, const char *v, size_t n)
{
    if (n == 0 || n >= size || memchr(v, '\0', n))
        return false;
    memcpy(dst, v, n);
    dst[n] = '\0';
    return true;
}

static bool set_int(int *dst, const char *v, size_t n, int lo, int hi)
{
    char buf[16];
    if (n == 0 || n >= sizeof buf)
        return false;
    memcpy(buf, v, n);
    buf[n] = '\0';
    char *end;
    long x = strtol(buf, &end, 10);
    if (*end || x < lo || x > hi)
        return false;
    *dst = (int)x;
    return true;
}

vb_code devconf_parse(const char *text, size_t len, devconf *c, vb_err *err)
{
    size_t pos = 0;
    int line_no = 0;
    while (pos < len) {
        line_no++;
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t line_end = nl ? (size_t)(nl - text) : len;
        char *s = (char *)text + pos, *e = (char *)text + line_end;
        pos = nl ? line_end + 1 : len;
        trim(&s, &e);
        if (s == e || *s == '#')
            continue;
        char *eq = memchr(s, '=', (size_t)(e - s));
        if (!eq)
            return vb_fail(err, VB_ERR_INVALID, "line %d: expected key = value", line_no);
        char *ks = s, *ke = eq, *vs = eq + 1, *ve = e;
        trim(&ks, &ke);
        trim(&vs, &ve);
        size_t kn = (size_t)(ke - ks), vn = (size_t)(ve - vs);
        bool ok;
        if (kn == 7 && memcmp(ks, "db_path", 7) == 0) {
            ok = set_text(c->db_path, sizeof c->db_path, vs, vn);
        } else if (kn == 8 && memcmp(ks, "panel_mm", 8) == 0) {
            int mm = 0;
            ok = set_int(&mm, vs, vn, 50, 3000);
            c->panel_mm = ok ? mm : c->panel_mm;
        } else if (kn == 7 && memcmp(ks, "display", 7) == 0) {
            ok = set_int(&c->display, vs, vn, 0, 15);
        } else if (kn == 12 && memcmp(ks, "wall_display", 12) == 0) {
            ok = set_int(&c->wall_display, vs, vn, 0, 15);
        } else if (kn == 8 && memcmp(ks, "renderer", 8) == 0) {
            ok = (vn == 8 && memcmp(vs, "software", 8) == 0) || (vn == 3 && memcmp(vs, "gpu", 3) == 0);
            if (ok)
                set_text(c->renderer, sizeof c->renderer, vs, vn);
        } else if (kn == 4 && memcmp(ks, "font", 4) == 0) {
            ok = set_text(c->font_path, sizeof c->font_path, vs, vn);
        } else if (kn == 10 && memcmp(ks, "export_dir", 10) == 0) {
            ok = set_text(c->export_dir, sizeof c->export_dir, vs, vn);
        } else {
            return vb_fail(err, VB_ERR_INVALID, "line %d: unknown setting '%.*s'", line_no, (int)(kn > 40 ? 40 : kn),
                           ks);
        }
        if (!ok)
            return vb_fail(err, VB_ERR_INVALID, "line %d: bad value for '%.*s'", line_no, (int)(kn > 40 ? 40 : kn), ks);
    }
    return VB_OK;
}

vb_code devconf_load(const char *path, devconf *c, vb_err *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return errno == ENOENT ? VB_OK : vb_fail(err, VB_ERR_IO, "cannot read %s", path);
    char buf[16384];
    size_t n = fread(buf, 1, sizeof buf, f);
    bool too_big = n == sizeof buf;
    fclose(f);
    if (too_big)
        return vb_fail(err, VB_ERR_INVALID, "%s is too large", path);
    vb_code rc = devconf_parse(buf, n, c, err);
    if (rc != VB_OK && err) {
        char msg[sizeof err->msg];
        utf8_copy(err->msg, msg, sizeof msg);
        vb_fail(err, rc, "%s: %s", path, msg);
    }
    return rc;
}

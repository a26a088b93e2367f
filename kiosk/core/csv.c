/* csv.c: the CSV writer for Dutch-locale spreadsheets (see csv.h). */
#include "csv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "utf8.h"

static void put(vb_csv *c, const char *bytes, size_t n)
{
    if (c->failed || n == 0)
        return;
    if (c->len + n > c->cap) {
        size_t cap = c->cap ? c->cap : 4096;
        while (cap < c->len + n) {
            if (cap > SIZE_MAX / 2) {
                c->failed = true;
                return;
            }
            cap *= 2;
        }
        char *grown = realloc(c->data, cap);
        if (!grown) {
            c->failed = true;
            return;
        }
        c->data = grown;
        c->cap = cap;
    }
    memcpy(c->data + c->len, bytes, n);
    c->len += n;
}

void vb_csv_init(vb_csv *c)
{
    memset(c, 0, sizeof *c);
    put(c, VB_CSV_BOM, 3);
}

void vb_csv_free(vb_csv *c)
{
    free(c->data);
    memset(c, 0, sizeof *c);
}

/* Characters a spreadsheet may skip before it looks for a formula: spaces
 * (also no-break and ideographic ones) and the hidden characters this
 * writer drops anyway. */
static bool skipped_before_formula(uint32_t cp)
{
    return cp == ' ' || cp == 0xA0 || cp == 0x3000 || utf8_is_hidden(cp);
}

bool vb_csv_needs_guard(const char *text, size_t len)
{
    if (!text)
        return false;
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        size_t n = utf8_decode(text + i, len - i, &cp);
        if (n == 0)
            return false;
        i += n;
        if (skipped_before_formula(cp))
            continue;
        switch (cp) {
        case '=': case '+': case '-': case '@': case '\t': case '\r':
        case 0xFF1D: case 0xFF0B: case 0xFF0D: case 0xFF20: /* fullwidth = + - @ */
            return true;
        default:
            return false;
        }
    }
    return false;
}

static void field_start(vb_csv *c)
{
    if (c->row_fields > 0)
        put(c, ";", 1);
    c->row_fields++;
    put(c, "\"", 1);
}

void vb_csv_text_n(vb_csv *c, const char *text, size_t len)
{
    field_start(c);
    if (!text)
        len = 0;
    if (vb_csv_needs_guard(text, len))
        put(c, "'", 1);
    size_t i = 0;
    while (i < len) {
        /* copy runs of plain bytes at once */
        size_t run = i;
        while (run < len) {
            unsigned char b = (unsigned char)text[run];
            if (b == '"' || b >= 0x80 || (b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F)
                break;
            run++;
        }
        put(c, text + i, run - i);
        i = run;
        if (i >= len)
            break;
        unsigned char b = (unsigned char)text[i];
        if (b == '"') {
            put(c, "\"\"", 2);
            i++;
        } else if (b < 0x80) {
            put(c, " ", 1); /* NUL, other C0 controls, DEL */
            i++;
        } else {
            uint32_t cp;
            size_t n = utf8_decode(text + i, len - i, &cp);
            if (n == 0) {
                put(c, "\xEF\xBF\xBD", 3); /* U+FFFD for a bad byte */
                i++;
            } else {
                if (!utf8_is_hidden(cp)) /* bidi and zero-width: dropped */
                    put(c, text + i, n);
                i += n;
            }
        }
    }
    put(c, "\"", 1);
}

void vb_csv_text(vb_csv *c, const char *text)
{
    vb_csv_text_n(c, text, text ? strlen(text) : 0);
}

void vb_csv_int(vb_csv *c, long long value)
{
    char buf[32];
    int n = snprintf(buf, sizeof buf, "%lld", value);
    /* a number, not text: no guard, even for a minus sign */
    field_start(c);
    put(c, buf, (size_t)n);
    put(c, "\"", 1);
}

void vb_csv_date(vb_csv *c, int64_t unix_s)
{
    if (!unix_s) {
        vb_csv_text(c, NULL);
        return;
    }
    char day[11];
    vb_day_format(vb_local_from_unix(unix_s).day, day);
    vb_csv_text(c, day);
}

void vb_csv_time(vb_csv *c, int64_t unix_s)
{
    if (!unix_s) {
        vb_csv_text(c, NULL);
        return;
    }
    vb_local t = vb_local_from_unix(unix_s);
    char hhmm[8];
    snprintf(hhmm, sizeof hhmm, "%02d:%02d", t.hour % 100, t.minute % 100);
    vb_csv_text(c, hhmm);
}

void vb_csv_end_row(vb_csv *c)
{
    put(c, "\r\n", 2);
    c->row_fields = 0;
    c->rows++;
}

void vb_csv_row(vb_csv *c, const char *const *fields, int n)
{
    for (int i = 0; i < n; i++)
        vb_csv_text(c, fields[i]);
    vb_csv_end_row(c);
}

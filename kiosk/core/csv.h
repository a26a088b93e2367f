/* csv.h: a CSV writer whose files open correctly in Excel and LibreOffice
 * with Dutch regional settings, where the list separator is ';':
 *   - UTF-8 with a byte order mark, so that ë, ł and € survive;
 *   - ';' between fields, CRLF at the end of every row;
 *   - every field quoted, a '"' inside doubled (""), so that ';', '"' and
 *     line breaks inside a field stay inside it;
 *   - a field that starts, after any spaces, with '=', '+', '-', '@', a
 *     tab, a carriage return or the fullwidth U+FF1D U+FF0B U+FF0D U+FF20
 *     (= + - @) gets a leading apostrophe, so that no text runs as a
 *     formula ("CSV injection");
 *   - bidi controls and zero-width characters (utf8_is_hidden) are
 *     dropped, so that nothing in a cell is disguised;
 *   - dates as YYYY-MM-DD;
 *   - invalid UTF-8 bytes become U+FFFD and control characters other than
 *     tab and line breaks become spaces, so any input gives a valid file.
 * The text is built in memory (the caller writes it out, e.g. atomically).
 * libc only, no global state: fuzzable on its own. */
#ifndef VB_CSV_H
#define VB_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define VB_CSV_BOM "\xEF\xBB\xBF"
#define VB_CSV_SEPARATOR ';'

typedef struct vb_csv {
    char *data;     /* the file's bytes so far (not NUL-terminated) */
    size_t len, cap;
    bool failed;    /* out of memory: data is incomplete, do not write it */
    int row_fields; /* fields in the row being written */
    int rows;       /* rows ended so far (the header included) */
} vb_csv;

/* Starts a file: the BOM. */
void vb_csv_init(vb_csv *c);
void vb_csv_free(vb_csv *c);

/* One field of the current row. NULL is an empty field. */
void vb_csv_text(vb_csv *c, const char *text);
void vb_csv_text_n(vb_csv *c, const char *text, size_t len);
void vb_csv_int(vb_csv *c, long long value);
/* The local calendar day of a unix time as YYYY-MM-DD; 0 gives an empty field. */
void vb_csv_date(vb_csv *c, int64_t unix_s);
/* The local time of day as HH:MM; 0 gives an empty field. */
void vb_csv_time(vb_csv *c, int64_t unix_s);
/* Ends the row (CRLF). */
void vb_csv_end_row(vb_csv *c);
/* A whole row of text fields, then CRLF. */
void vb_csv_row(vb_csv *c, const char *const *fields, int n);

/* True when a field with this text gets the apostrophe (formula guard). */
bool vb_csv_needs_guard(const char *text, size_t len);

#endif

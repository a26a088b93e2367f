/* date.h: calendar days in local time, as the 'YYYY-MM-DD' text the store
 * keeps. Pure helpers over libc's localtime_r/mktime. */
#ifndef VB_DATE_H
#define VB_DATE_H

#include <stdint.h>
#include <stdbool.h>

typedef struct vb_day {
    int year, month, mday; /* month 1..12 */
    int wday;              /* 0 = Sunday .. 6 = Saturday */
} vb_day;

typedef struct vb_local {
    vb_day day;
    int hour, minute, second;
} vb_local;

vb_local vb_local_from_unix(int64_t unix_s);
/* Writes "YYYY-MM-DD" (11 bytes with NUL). */
void vb_day_format(vb_day d, char out[11]);
bool vb_day_parse(const char *text, vb_day *out);
/* The day n days after d (n may be negative). */
vb_day vb_day_add(vb_day d, int n);
/* Days from a to b (b - a). */
int vb_day_diff(vb_day a, vb_day b);
/* The same calendar day (the weekday is not compared). */
bool vb_day_same(vb_day a, vb_day b);
/* Unix seconds of local midnight starting day d. */
int64_t vb_day_start_unix(vb_day d);
/* Minutes after midnight of a clock time "HH:MM" (00:00..23:59, exactly
 * five characters), or -1 when text is not one: the one reading of the
 * shift and daily-start times the settings store. */
int vb_hhmm_minutes(const char *text);
/* ISO-8601 week number (1..53). */
int vb_day_iso_week(vb_day d);

#endif

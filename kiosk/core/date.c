/* date.c: calendar days in local time (see date.h). Day arithmetic goes
 * through a proleptic Gregorian day count, so it never depends on DST. */
#include "date.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

/* Days since 1970-01-01 for a civil date (H. Hinnant's algorithm). */
static int64_t days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static vb_day civil_from_days(int64_t z)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t y = yoe + era * 400;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int64_t d = doy - (153 * mp + 2) / 5 + 1;
    int64_t m = mp + (mp < 10 ? 3 : -9);
    vb_day out;
    out.year = (int)(y + (m <= 2));
    out.month = (int)m;
    out.mday = (int)d;
    int64_t w = (z - 719468 + 4) % 7; /* 1970-01-01 was a Thursday */
    out.wday = (int)(w < 0 ? w + 7 : w);
    return out;
}

vb_local vb_local_from_unix(int64_t unix_s)
{
    time_t t = (time_t)unix_s;
    struct tm tm;
    vb_local out;
    memset(&out, 0, sizeof out);
    if (!localtime_r(&t, &tm))
        return out;
    out.day.year = tm.tm_year + 1900;
    out.day.month = tm.tm_mon + 1;
    out.day.mday = tm.tm_mday;
    out.day.wday = tm.tm_wday;
    out.hour = tm.tm_hour;
    out.minute = tm.tm_min;
    out.second = tm.tm_sec;
    return out;
}

void vb_day_format(vb_day d, char out[11])
{
    unsigned y = (unsigned)d.year % 10000u, m = (unsigned)d.month % 100u, md = (unsigned)d.mday % 100u;
    snprintf(out, 11, "%04u-%02u-%02u", y, m, md);
}

bool vb_day_parse(const char *text, vb_day *out)
{
    int y, m, d, n = 0;
    if (!text || sscanf(text, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10 || text[10] != '\0')
        return false;
    if (m < 1 || m > 12 || d < 1 || d > 31)
        return false;
    vb_day day = civil_from_days(days_from_civil(y, m, d));
    if (day.mday != d || day.month != m)
        return false;
    *out = day;
    return true;
}

vb_day vb_day_add(vb_day d, int n)
{
    return civil_from_days(days_from_civil(d.year, d.month, d.mday) + n);
}

int vb_day_diff(vb_day a, vb_day b)
{
    return (int)(days_from_civil(b.year, b.month, b.mday) - days_from_civil(a.year, a.month, a.mday));
}

bool vb_day_same(vb_day a, vb_day b)
{
    return a.year == b.year && a.month == b.month && a.mday == b.mday;
}

int64_t vb_day_start_unix(vb_day d)
{
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    tm.tm_year = d.year - 1900;
    tm.tm_mon = d.month - 1;
    tm.tm_mday = d.mday;
    tm.tm_isdst = -1;
    return (int64_t)mktime(&tm);
}

int vb_day_iso_week(vb_day d)
{
    /* The ISO week belongs to the year of its Thursday. */
    int iso_wday = d.wday == 0 ? 7 : d.wday;
    vb_day thursday = vb_day_add(d, 4 - iso_wday);
    vb_day jan1 = { thursday.year, 1, 1, 0 };
    return vb_day_diff(jan1, thursday) / 7 + 1;
}

int vb_hhmm_minutes(const char *text)
{
    if (!text || strlen(text) != 5 || text[2] != ':')
        return -1;
    for (int i = 0; i < 5; i++)
        if (i != 2 && (text[i] < '0' || text[i] > '9'))
            return -1;
    int h = (text[0] - '0') * 10 + (text[1] - '0'), m = (text[3] - '0') * 10 + (text[4] - '0');
    return h <= 23 && m <= 59 ? h * 60 + m : -1;
}

/* clock.c: the injected clock (see clock.h). */
#include "clock.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

void vb_clock_init(vb_clock *c, int64_t start_wall_s, bool fixed, int64_t real_mono_ms)
{
    c->fixed = fixed;
    c->start_wall_s = start_wall_s;
    c->start_real_ms = real_mono_ms;
    c->advanced_ms = 0;
}

void vb_clock_advance(vb_clock *c, int64_t ms)
{
    if (ms > 0)
        c->advanced_ms += ms;
}

int64_t vb_clock_mono_ms(const vb_clock *c, int64_t real_mono_ms)
{
    int64_t run = c->fixed ? 0 : real_mono_ms - c->start_real_ms;
    if (run < 0)
        run = 0;
    return run + c->advanced_ms;
}

int64_t vb_clock_wall_s(const vb_clock *c, int64_t real_mono_ms)
{
    return c->start_wall_s + vb_clock_mono_ms(c, real_mono_ms) / 1000;
}

bool vb_parse_local_datetime(const char *text, int64_t *out_unix_s)
{
    int y, mo, d, h, mi, s = 0, n = 0;
    char sep;
    if (!text)
        return false;
    if (sscanf(text, "%4d-%2d-%2d%c%2d:%2d%n", &y, &mo, &d, &sep, &h, &mi, &n) != 6)
        return false;
    if (sep != 'T' && sep != ' ')
        return false;
    if (text[n] == ':') {
        int m = 0;
        if (sscanf(text + n, ":%2d%n", &s, &m) != 1)
            return false;
        n += m;
    }
    if (text[n] != '\0')
        return false;
    if (y < VB_YEAR_MIN || y > VB_YEAR_MAX || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59 ||
        h < 0 || mi < 0 || s < 0)
        return false;
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = s;
    tm.tm_isdst = -1;
    time_t t = mktime(&tm);
    if (t == (time_t)-1 || tm.tm_mday != d)
        return false;
    *out_unix_s = (int64_t)t;
    return true;
}

/* calendar.c: the working-day calendar (see calendar.h). */
#include "calendar.h"

#include <stdlib.h>
#include <string.h>

void calendar_init(vb_calendar *cal)
{
    memset(cal, 0, sizeof *cal);
    memcpy(cal->working_days, "12345", 6);
}

void calendar_free(vb_calendar *cal)
{
    free(cal->holidays);
    calendar_init(cal);
}

void calendar_set_working_days(vb_calendar *cal, const char *setting)
{
    size_t n = setting ? strnlen(setting, sizeof cal->working_days - 1) : 0;
    memcpy(cal->working_days, setting ? setting : "", n);
    cal->working_days[n] = '\0';
}

vb_day *calendar_add_holiday(vb_calendar *cal)
{
    if (cal->nholidays == cal->holidays_cap) {
        int want = cal->holidays_cap ? cal->holidays_cap * 2 : 16;
        vb_day *bigger = realloc(cal->holidays, (size_t)want * sizeof *bigger);
        if (!bigger)
            return NULL;
        cal->holidays = bigger;
        cal->holidays_cap = want;
    }
    vb_day *d = &cal->holidays[cal->nholidays++];
    memset(d, 0, sizeof *d);
    return d;
}

bool calendar_is_holiday(const vb_calendar *cal, vb_day day)
{
    for (int i = 0; i < cal->nholidays; i++)
        if (vb_day_same(cal->holidays[i], day))
            return true;
    return false;
}

bool calendar_is_working_weekday(const vb_calendar *cal, vb_day day)
{
    int iso = day.wday == 0 ? 7 : day.wday;
    bool any = false;
    for (const char *c = cal->working_days; *c; c++) {
        if (*c < '1' || *c > '7')
            continue;
        any = true;
        if (*c - '0' == iso)
            return true;
    }
    return !any && iso <= 5; /* nothing valid set: Monday to Friday */
}

bool calendar_is_working_day(const vb_calendar *cal, vb_day day)
{
    return calendar_is_working_weekday(cal, day) && !calendar_is_holiday(cal, day);
}

/* The first working day from day in steps of step (1 or -1), day excluded. */
static vb_day step_to_working_day(const vb_calendar *cal, vb_day day, int step)
{
    for (int i = 1; i <= 366; i++) {
        vb_day d = vb_day_add(day, i * step);
        if (calendar_is_working_day(cal, d))
            return d;
    }
    return vb_day_add(day, step);
}

vb_day calendar_previous_working_day(const vb_calendar *cal, vb_day day)
{
    return step_to_working_day(cal, day, -1);
}

vb_day calendar_next_working_day(const vb_calendar *cal, vb_day day)
{
    return step_to_working_day(cal, day, 1);
}

vb_day calendar_working_day_on_or_after(const vb_calendar *cal, vb_day day)
{
    return calendar_is_working_day(cal, day) ? day : calendar_next_working_day(cal, day);
}

int calendar_working_days_between(const vb_calendar *cal, vb_day a, vb_day b)
{
    int n = 0, span = vb_day_diff(a, b);
    for (int i = 1; i < span; i++)
        if (calendar_is_working_day(cal, vb_day_add(a, i)))
            n++;
    return n;
}

/* calendar.h: the working-day calendar: which ISO weekdays the team works
 * (the working_days setting, e.g. "12345") and which days are holidays.
 * The daily start (agenda.h), the month review (review.h), the day a
 * learning point is shown and the export all ask it the same questions.
 * libc only; the store loads it (store_calendar.h). */
#ifndef VB_CALENDAR_H
#define VB_CALENDAR_H

#include <stdbool.h>

#include "date.h"

typedef struct vb_calendar {
    char working_days[8]; /* ISO weekdays '1' (Monday) .. '7' (Sunday), e.g. "12345" */
    vb_day *holidays;     /* owned: calendar_free() */
    int nholidays, holidays_cap;
} vb_calendar;

/* Monday to Friday, no holidays. */
void calendar_init(vb_calendar *cal);
/* Frees the holidays and starts over (calendar_init). */
void calendar_free(vb_calendar *cal);
/* Takes the working_days setting as it is stored (up to 7 characters); an
 * empty or invalid one means Monday to Friday. */
void calendar_set_working_days(vb_calendar *cal, const char *setting);
/* A zeroed new holiday at the end, or NULL when out of memory. */
vb_day *calendar_add_holiday(vb_calendar *cal);

/* True when day is a holiday. */
bool calendar_is_holiday(const vb_calendar *cal, vb_day day);
/* True when day's weekday is a working weekday (holidays aside). */
bool calendar_is_working_weekday(const vb_calendar *cal, vb_day day);
/* True when day is one of the working weekdays and not a holiday. */
bool calendar_is_working_day(const vb_calendar *cal, vb_day day);
/* The nearest working day before day (day itself excluded); looks back at
 * most a year, then returns day - 1. */
vb_day calendar_previous_working_day(const vb_calendar *cal, vb_day day);
/* The nearest working day after day (day itself excluded); looks ahead at
 * most a year, then returns day + 1. */
vb_day calendar_next_working_day(const vb_calendar *cal, vb_day day);
/* day itself when it is a working day, else the next one. */
vb_day calendar_working_day_on_or_after(const vb_calendar *cal, vb_day day);
/* Working days strictly between a and b. */
int calendar_working_days_between(const vb_calendar *cal, vb_day a, vb_day b);

#endif

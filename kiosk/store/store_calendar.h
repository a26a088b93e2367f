/* store_calendar.h: the working-day calendar (core/calendar.h) as the
 * database keeps it: the working_days setting and the holiday table. The
 * one loader for the daily start, the review, the export and the day a
 * learning point is shown. */
#ifndef VB_STORE_CALENDAR_H
#define VB_STORE_CALENDAR_H

#include "../core/calendar.h"
#include "store.h"

/* Fills cal (freed first: calendar_free) with the working_days setting
 * (Monday to Friday when unset or invalid) and the holidays from first to
 * last, both included. Free with calendar_free(), also after a failure. */
vb_code store_calendar_load(store *s, vb_day first, vb_day last, vb_calendar *cal, vb_err *err);

#endif

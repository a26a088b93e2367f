/* calendar.c: loading the working-day calendar (see store_calendar.h). */
#include "store_calendar.h"

#include "store_internal.h"

static void holiday_row(sqlite3_stmt *st, void *slot)
{
    vb_day_parse((const char *)sqlite3_column_text(st, 0), slot);
}

vb_code store_calendar_load(store *s, vb_day first, vb_day last, vb_calendar *cal, vb_err *err)
{
    static const char sql[] = "SELECT day FROM holiday WHERE day BETWEEN ?1 AND ?2 ORDER BY day";
    calendar_free(cal);
    char setting[16];
    if (store_setting_get(s, "working_days", setting, sizeof setting, NULL) == VB_OK)
        calendar_set_working_days(cal, setting);
    STORE_STMT_OR_RETURN(st, s, sql, err);
    char a[11], b[11];
    vb_day_format(first, a);
    vb_day_format(last, b);
    sqlite3_bind_text(st, 1, a, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, b, -1, SQLITE_TRANSIENT);
    vb_code rc = store_collect(s, st, (void **)&cal->holidays, &cal->nholidays, sizeof(vb_day), holiday_row, err,
                               "holidays");
    cal->holidays_cap = cal->nholidays;
    return rc;
}

/* store_settings.h: the team settings a lead edits in lead mode: the
 * key/value settings (team name, language, idle timeout, daily-start time
 * and length, working days), lines and stations (place), category labels,
 * shifts and holidays. Every change is checked here, written in one
 * transaction together with its audit row (action "settings"), and a change
 * to the same value is a no-op without an audit row. lead_id is the signed-in
 * lead (0: the command line), at the time to stamp (app_entry_time()). */
#ifndef VB_STORE_SETTINGS_H
#define VB_STORE_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/vb_err.h"
#include "../core/limits.h"
#include "store.h"

/* ---- key/value settings --------------------------------------------------
 * Keys and what they accept:
 *   team_name        1..40 characters, no line breaks
 *   language         nl, en, pl
 *   idle_timeout_s   15..3600
 *   dagstart_time    HH:MM (00:00..23:59)
 *   dagstart_minutes 5..60
 *   working_days     ISO weekdays as ascending distinct digits, 1 = Monday ..
 *                    7 = Sunday, at least one ("12345")
 * Others (wall_idle, wall_rotate_s) accept any text of up to 200 bytes. */
bool store_settings_value_ok(const char *key, const char *value);
/* VB_ERR_INVALID (with what is wrong) when the value is not accepted. */
vb_code store_settings_set(store *s, int64_t lead_id, int64_t at, const char *key, const char *value, vb_err *err);

/* ---- lines and stations -------------------------------------------------- */
typedef struct store_place {
    int64_t id;
    char name[164];
    int sort;
    bool active;
} store_place;
/* Sorted by sort, then name; inactive ones only when with_inactive. */
vb_code store_settings_places(store *s, bool with_inactive, store_place *rows, int max, int *count, vb_err *err);
/* Adds a place at the end (an inactive place of the same name comes back
 * instead). VB_ERR_CONSTRAINT when an active place has that name. */
vb_code store_settings_place_add(store *s, int64_t lead_id, int64_t at, const char *name, int64_t *id_out,
                                 vb_err *err);
vb_code store_settings_place_rename(store *s, int64_t lead_id, int64_t at, int64_t id, const char *name,
                                    vb_err *err);
/* Deactivated places are no longer offered for new entries; old entries keep them. */
vb_code store_settings_place_set_active(store *s, int64_t lead_id, int64_t at, int64_t id, bool active,
                                        vb_err *err);

/* ---- categories ------------------------------------------------------------
 * The seven default codes stay; a lead only changes the label. */
typedef struct store_category {
    int64_t id;
    char code[40];
    char label[164]; /* '' = the translated default name of the code */
    char icon[40];
    int sort;
    bool active;
} store_category;
vb_code store_settings_categories(store *s, store_category *rows, int max, int *count, vb_err *err);
/* label NULL or '' goes back to the default name. */
vb_code store_settings_category_rename(store *s, int64_t lead_id, int64_t at, int64_t id, const char *label,
                                       vb_err *err);

/* ---- shifts --------------------------------------------------------------- */
typedef struct store_shift {
    int64_t id;
    char name[164];
    char starts[6], ends[6]; /* HH:MM; ends before starts = a night shift */
    int uses;                /* learning points that name this shift */
} store_shift;
vb_code store_settings_shifts(store *s, store_shift *rows, int max, int *count, vb_err *err);
vb_code store_settings_shift_add(store *s, int64_t lead_id, int64_t at, const char *name, const char *starts,
                                 const char *ends, int64_t *id_out, vb_err *err);
/* Changes name and times at once (pass the unchanged ones as they are). */
vb_code store_settings_shift_update(store *s, int64_t lead_id, int64_t at, int64_t id, const char *name,
                                    const char *starts, const char *ends, vb_err *err);
/* Only a shift no learning point names can go (VB_ERR_CONSTRAINT otherwise):
 * for an anonymous learning point the shift is all it tells about time. */
vb_code store_settings_shift_delete(store *s, int64_t lead_id, int64_t at, int64_t id, vb_err *err);

/* ---- holidays ------------------------------------------------------------- */
typedef struct store_holiday {
    char day[11];   /* YYYY-MM-DD */
    char name[244];
} store_holiday;
/* Holidays on or after from_day (NULL: all), earliest first. */
vb_code store_settings_holidays(store *s, const char *from_day, store_holiday *rows, int max, int *count,
                                vb_err *err);
/* Adds or renames the holiday on day (name may be NULL or ''). */
vb_code store_settings_holiday_add(store *s, int64_t lead_id, int64_t at, const char *day, const char *name,
                                   vb_err *err);
vb_code store_settings_holiday_remove(store *s, int64_t lead_id, int64_t at, const char *day, vb_err *err);

/* "HH:MM" with 00..23 and 00..59. */
bool store_settings_time_ok(const char *hhmm);

#endif

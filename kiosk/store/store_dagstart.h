/* store_dagstart.h: the daily start in the database. Loads what the agenda
 * of a day needs (core/agenda.h builds the agenda from it), opens or resumes
 * the day's daily start and saves it as it happens (discussed marks,
 * presence, time per section, the current section, notes), so that a restart
 * resumes the meeting where it was; closes it. Also the lead's parts of the
 * agenda: announcements with a date range, own agenda items (topics), and a
 * feedback note on a learning point, which its reporter reads through the
 * receipt code. Every lead action is audited. */
#ifndef VB_STORE_DAGSTART_H
#define VB_STORE_DAGSTART_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/agenda.h"
#include "../core/limits.h"
#include "store.h"

/* Text limits of the schema, in characters. */

typedef struct store_dagstart {
    int64_t id;            /* 0: no daily start on that day */
    char day[11];
    int64_t started_at;
    int64_t ended_at;      /* 0 while open */
    int64_t lead_id;       /* 0: unknown */
    int section;           /* the section it was at */
    int elapsed_s[AGENDA_SECTIONS];
    char notes[VB_TEXT_SIZE(DAGSTART_NOTES_MAX)];
} store_dagstart;

/* Everything the agenda of `today` needs: settings (working_days,
 * dagstart_minutes), holidays, the daily starts held in the window, the
 * active roster with today's presence, announcements current or starting
 * within two weeks, the learning points of the period since the last daily
 * start (agenda_period_for; not hidden, nothing that names their author),
 * ideas with news since then, open actions due by today and actions done
 * since then, today's topics and discussed marks. Fills *ds with today's daily start (id 0 when
 * there is none yet). `in` is initialised here; free it with
 * agenda_input_free. One read transaction, so the picture is consistent. */
vb_code store_agenda_load(store *s, vb_day today, int64_t now_s, agenda_input *in, store_dagstart *ds,
                          vb_err *err);

/* The daily start still open from today or yesterday (a meeting across
 * midnight): when it started (0: none) and its planned length in minutes
 * (setting dagstart_minutes). One indexed read, cheap enough for every turn
 * of the main loop; the app decides with agenda_holds_idle whether it holds
 * off idle reset. */
vb_code store_dagstart_running(store *s, vb_day today, int64_t *started_at, int *minutes, vb_err *err);

/* The daily start of day ('YYYY-MM-DD'); out->id is 0 when there is none. */
vb_code store_dagstart_get(store *s, const char *day, store_dagstart *out, vb_err *err);

/* Opens the daily start of day, led by lead_id, at now_s: creates it (with
 * everyone on the roster marked present), resumes it when it is open, or
 * reopens it when it was closed. A daily start of an earlier day left open
 * is closed first. Fills *out. */
vb_code store_dagstart_open(store *s, const char *day, int64_t lead_id, int64_t now_s, store_dagstart *out,
                            vb_err *err);

/* Saving as it happens. item_key as in agenda.h ('lp:<id>', 'idea:12', ...). */
vb_code store_dagstart_mark(store *s, int64_t dagstart_id, const char *item_key, bool discussed, vb_err *err);
vb_code store_dagstart_presence(store *s, int64_t dagstart_id, int64_t member_id, bool present, vb_err *err);
/* The current section and the seconds spent per section so far. */
vb_code store_dagstart_save_time(store *s, int64_t dagstart_id, int section, const int elapsed_s[AGENDA_SECTIONS],
                                 vb_err *err);
vb_code store_dagstart_set_notes(store *s, int64_t dagstart_id, const char *notes, vb_err *err);

/* Closes it at now_s with the final times: ended_at, presence for anyone not
 * yet recorded (present), and the learning points marked discussed get
 * discussed_day. VB_ERR_INVALID when it is already closed. */
vb_code store_dagstart_close(store *s, int64_t dagstart_id, int64_t lead_id, int64_t now_s,
                             const int elapsed_s[AGENDA_SECTIONS], vb_err *err);

/* The record of a daily start: who was there and what was discussed. */
typedef struct store_dagstart_summary {
    int present, absent;
    int discussed;
    int64_t duration_s; /* ended_at - started_at; 0 while open */
} store_dagstart_summary;

vb_code store_dagstart_summary_get(store *s, int64_t dagstart_id, store_dagstart_summary *out, vb_err *err);

/* Announcements: text 1..300 characters, shown from from_day to to_day. */
vb_code store_announcement_add(store *s, int64_t lead_id, const char *text, const char *from_day, const char *to_day,
                               int64_t now_s, int64_t *out_id, vb_err *err);
vb_code store_announcement_delete(store *s, int64_t lead_id, int64_t id, int64_t now_s, vb_err *err);
/* Appends the announcements current on day to in->announcements. */
vb_code store_announcements_current(store *s, const char *day, agenda_input *in, vb_err *err);

/* The lead's own agenda item for day, in section 0..4 (1..200 characters). */
vb_code store_dagstart_topic_add(store *s, int64_t lead_id, const char *day, int section, const char *text,
                                 int64_t now_s, int64_t *out_id, vb_err *err);
vb_code store_dagstart_topic_delete(store *s, int64_t lead_id, int64_t id, int64_t now_s, vb_err *err);

/* The lead's feedback note on a learning point (1..300 characters; NULL or
 * blank removes it). The reporter reads it through the receipt code. */
vb_code store_dagstart_lp_feedback(store *s, int64_t lead_id, const char *lp_id, const char *text, int64_t now_s,
                                   vb_err *err);

/* Shared by the daily-start and action stores, for use inside a store_write
 * callback: writes one audit row through store_audit_add (store_audit.h),
 * so the row commits or rolls back with the change. */
vb_code store_dagstart_audit(store *s, int64_t lead_id, int64_t at, const char *action, const char *subject,
                             const char *detail, vb_err *err);
/* Checks text for a field: valid UTF-8, not blank, at most max_chars
 * characters (newlines only when allowed). VB_ERR_INVALID saying what. */
vb_code store_dagstart_check_text(const char *text, size_t max_chars, bool allow_newline, const char *what,
                                  vb_err *err);

#endif

/* wall.c: the wall screen's read-only queries (see store_wall.h). */
#include "store_wall.h"

#include <stdio.h>
#include <string.h>

#include "../core/date.h"
#include "../core/utf8.h"
#include "store_internal.h"

vb_code store_wall_load(store *s, int64_t now_s, wall_data *d, vb_err *err)
{
    static const char q_ideas[] =
        "SELECT id, title, status, vote_count, coalesce(feedback, '') FROM idea"
        " WHERE hidden = 0 AND status IN ('new', 'review', 'trial')"
        " ORDER BY vote_count DESC, created_at DESC LIMIT 5";
    static const char q_improved[] =
        "SELECT id, title, status, vote_count, feedback FROM idea"
        " WHERE hidden = 0 AND status = 'adopted' AND feedback IS NOT NULL"
        " ORDER BY status_changed_at DESC LIMIT 3";
    static const char q_announcements[] =
        "SELECT text FROM announcement WHERE from_day <= ?1 AND to_day >= ?1 ORDER BY from_day DESC, id DESC LIMIT 6";
    static const char q_actions[] =
        "SELECT a.description, m.name, a.due_day FROM action a JOIN member m ON m.id = a.owner_id"
        " WHERE a.status = 'open' ORDER BY a.due_day, a.id LIMIT 6";
    static const char q_categories[] =
        "SELECT c.code, coalesce(c.label, ''), coalesce(n.points, 0) FROM category c"
        " LEFT JOIN (SELECT category_id, count(*) AS points FROM learning_point"
        "  WHERE hidden = 0 AND day BETWEEN ?1 AND ?2 GROUP BY category_id) n ON n.category_id = c.id"
        " WHERE c.active = 1 ORDER BY c.sort";
    static const char q_texts[] =
        "SELECT what_happened, lesson FROM learning_point"
        " WHERE hidden = 0 AND wall_approved = 1 AND day BETWEEN ?1 AND ?2 ORDER BY day DESC, category_id LIMIT 3";
    static const char q_shifts[] = "SELECT starts, ends FROM shift ORDER BY starts";

    memset(d, 0, sizeof *d);
    store_setting_get(s, "team_name", d->team_name, sizeof d->team_name, NULL);
    store_setting_get(s, "working_days", d->working_days, sizeof d->working_days, NULL);
    d->rotate_s = (int)store_setting_int(s, "wall_rotate_s", 15);

    vb_local now = vb_local_from_unix(now_s);
    char today[11], week_start[11], week_end[11];
    vb_day_format(now.day, today);
    int iso_wday = now.day.wday == 0 ? 7 : now.day.wday;
    vb_day_format(vb_day_add(now.day, 1 - iso_wday), week_start);
    vb_day_format(vb_day_add(now.day, 7 - iso_wday), week_end);

    sqlite3_stmt *st;
    int rc;
    if (!(st = store_stmt(s, q_ideas, err)))
        return err ? err->code : VB_ERR_INTERNAL;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && d->idea_count < WALL_MAX_IDEAS) {
        wall_idea *w = &d->ideas[d->idea_count++];
        w->id = sqlite3_column_int64(st, 0);
        store_col_text(st, 1, w->title, sizeof w->title);
        store_col_text(st, 2, w->status, sizeof w->status);
        w->votes = sqlite3_column_int(st, 3);
        store_col_text(st, 4, w->feedback, sizeof w->feedback);
        if (w->votes > d->max_votes)
            d->max_votes = w->votes;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return store_fail(s, err, rc, "wall ideas");

    if (!(st = store_stmt(s, q_improved, err)))
        return err ? err->code : VB_ERR_INTERNAL;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && d->improved_count < WALL_MAX_IMPROVED) {
        wall_idea *w = &d->improved[d->improved_count++];
        w->id = sqlite3_column_int64(st, 0);
        store_col_text(st, 1, w->title, sizeof w->title);
        store_col_text(st, 2, w->status, sizeof w->status);
        w->votes = sqlite3_column_int(st, 3);
        store_col_text(st, 4, w->feedback, sizeof w->feedback);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return store_fail(s, err, rc, "wall improved");

    if (!(st = store_stmt(s, q_announcements, err)))
        return err ? err->code : VB_ERR_INTERNAL;
    sqlite3_bind_text(st, 1, today, -1, SQLITE_TRANSIENT);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && d->announcement_count < WALL_MAX_ITEMS)
        store_col_text(st, 0, d->announcements[d->announcement_count++].text, sizeof d->announcements[0].text);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return store_fail(s, err, rc, "wall announcements");

    if (!(st = store_stmt(s, q_actions, err)))
        return err ? err->code : VB_ERR_INTERNAL;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && d->action_count < WALL_MAX_ITEMS) {
        wall_item *w = &d->actions[d->action_count++];
        store_col_text(st, 0, w->text, sizeof w->text);
        store_col_text(st, 1, w->owner, sizeof w->owner);
        store_col_text(st, 2, w->due_day, sizeof w->due_day);
        vb_day due;
        if (vb_day_parse(w->due_day, &due)) {
            int late = vb_day_diff(due, now.day);
            w->days_overdue = late > 0 ? late : 0;
        }
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return store_fail(s, err, rc, "wall actions");

    if (!(st = store_stmt(s, q_categories, err)))
        return err ? err->code : VB_ERR_INTERNAL;
    sqlite3_bind_text(st, 1, week_start, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, week_end, -1, SQLITE_TRANSIENT);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && d->category_count < WALL_MAX_CATEGORIES) {
        wall_category_count *c = &d->categories[d->category_count++];
        store_col_text(st, 0, c->code, sizeof c->code);
        store_col_text(st, 1, c->label, sizeof c->label);
        c->count = sqlite3_column_int(st, 2);
        d->learning_total += c->count;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return store_fail(s, err, rc, "wall learning points");

    if (!(st = store_stmt(s, q_texts, err)))
        return err ? err->code : VB_ERR_INTERNAL;
    sqlite3_bind_text(st, 1, week_start, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, week_end, -1, SQLITE_TRANSIENT);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && d->text_count < WALL_MAX_TEXTS) {
        char what[200 * 4 + 1], lesson[200 * 4 + 1];
        store_col_text(st, 0, what, sizeof what);
        store_col_text(st, 1, lesson, sizeof lesson);
        vb_fmt(d->texts[d->text_count++], sizeof d->texts[0], "%s%s%s", what, what[0] && lesson[0] ? " \xE2\x86\x92 " : "",
               lesson);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return store_fail(s, err, rc, "wall texts");

    if (!(st = store_stmt(s, q_shifts, err)))
        return err ? err->code : VB_ERR_INTERNAL;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && d->shift_count < WALL_MAX_SHIFTS) {
        int starts = vb_hhmm_minutes((const char *)sqlite3_column_text(st, 0));
        int ends = vb_hhmm_minutes((const char *)sqlite3_column_text(st, 1));
        if (starts < 0 || ends < 0)
            continue; /* not a clock time (the schema's CHECK makes this rare): no shift */
        d->shifts[d->shift_count].start_min = starts;
        d->shifts[d->shift_count].end_min = ends;
        d->shift_count++;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return store_fail(s, err, rc, "wall shifts");
    return VB_OK;
}

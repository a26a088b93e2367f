/* dagstart.c: the daily start in the database (see store_dagstart.h). */
#include <stdio.h>
#include <string.h>

#include "../core/date.h"
#include "../core/utf8.h"
#include "store_audit.h"
#include "store_dagstart.h"
#include "store_calendar.h"
#include "store_internal.h"
#include "store_anon.h"


/* ---- small helpers ---------------------------------------------------------- */

static vb_day col_day(sqlite3_stmt *st, int col)
{
    vb_day d;
    memset(&d, 0, sizeof d);
    const unsigned char *t = sqlite3_column_text(st, col);
    if (!t || !vb_day_parse((const char *)t, &d))
        memset(&d, 0, sizeof d);
    return d;
}

vb_code store_dagstart_check_text(const char *text, size_t max_chars, bool allow_newline, const char *what,
                                  vb_err *err)
{
    if (!text)
        return vb_fail(err, VB_ERR_INVALID, "%s is empty", what);
    size_t len = strlen(text);
    if (!utf8_valid(text, len, allow_newline))
        return vb_fail(err, VB_ERR_INVALID, "%s is not valid text", what);
    bool blank = true;
    for (size_t i = 0; i < len && blank; i++)
        blank = text[i] == ' ' || text[i] == '\n';
    if (blank)
        return vb_fail(err, VB_ERR_INVALID, "%s is empty", what);
    if (utf8_count(text, len) > max_chars)
        return vb_fail(err, VB_ERR_INVALID, "%s is longer than %zu characters", what, max_chars);
    return VB_OK;
}

static vb_code check_day(const char *day, const char *what, vb_err *err)
{
    vb_day d;
    if (!day || !vb_day_parse(day, &d))
        return vb_fail(err, VB_ERR_INVALID, "%s is not a day (YYYY-MM-DD): %s", what, day ? day : "(none)");
    return VB_OK;
}

/* The one place where the daily start and the actions write the audit log. */
vb_code store_dagstart_audit(store *s, int64_t lead_id, int64_t at, const char *action, const char *subject,
                             const char *detail, vb_err *err)
{
    return store_audit_add(s, lead_id, at, action, subject, detail, err);
}

/* ---- reading ---------------------------------------------------------------- */

static vb_code read_dagstart(store *s, const char *day, store_dagstart *out, vb_err *err)
{
    static const char sql[] = "SELECT id, day, started_at, coalesce(ended_at, 0), coalesce(lead_id, 0), section, notes"
                              " FROM dagstart WHERE day = ?";
    static const char sections_sql[] = "SELECT section, elapsed_s FROM dagstart_section WHERE dagstart_id = ?";
    memset(out, 0, sizeof *out);
    utf8_copy(day, out->day, sizeof out->day);
    STORE_STMT_OR_RETURN(st, s, sql, err);
    sqlite3_bind_text(st, 1, day, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        out->id = sqlite3_column_int64(st, 0);
        store_col_text(st, 1, out->day, sizeof out->day);
        out->started_at = sqlite3_column_int64(st, 2);
        out->ended_at = sqlite3_column_int64(st, 3);
        out->lead_id = sqlite3_column_int64(st, 4);
        out->section = sqlite3_column_int(st, 5);
        store_col_text(st, 6, out->notes, sizeof out->notes);
        rc = SQLITE_DONE;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return store_fail(s, err, rc, "read daily start");
    if (!out->id)
        return VB_OK;
    STORE_STMT_OR_RETURN(sec, s, sections_sql, err);
    sqlite3_bind_int64(sec, 1, out->id);
    while ((rc = sqlite3_step(sec)) == SQLITE_ROW) {
        int i = sqlite3_column_int(sec, 0);
        if (i >= 0 && i < AGENDA_SECTIONS)
            out->elapsed_s[i] = sqlite3_column_int(sec, 1);
    }
    sqlite3_reset(sec);
    return rc == SQLITE_DONE ? VB_OK : store_fail(s, err, rc, "read daily start times");
}

vb_code store_dagstart_get(store *s, const char *day, store_dagstart *out, vb_err *err)
{
    vb_code rc = check_day(day, "daily start day", err);
    return rc == VB_OK ? read_dagstart(s, day, out, err) : rc;
}

/* The planned length of a daily start (setting dagstart_minutes, 1..120). */
static int planned_minutes(store *s)
{
    int64_t minutes = store_setting_int(s, "dagstart_minutes", AGENDA_DEFAULT_MINUTES);
    return minutes < 1 || minutes > 120 ? AGENDA_DEFAULT_MINUTES : (int)minutes;
}

vb_code store_dagstart_running(store *s, vb_day today, int64_t *started_at, int *minutes, vb_err *err)
{
    /* the UNIQUE index on day: at most two rows are read */
    static const char sql[] =
        "SELECT started_at FROM dagstart WHERE day >= ? AND ended_at IS NULL ORDER BY day DESC LIMIT 1";
    *started_at = 0;
    *minutes = AGENDA_DEFAULT_MINUTES;
    char yesterday[11];
    vb_day_format(vb_day_add(today, -1), yesterday);
    STORE_STMT_OR_RETURN(st, s, sql, err);
    sqlite3_bind_text(st, 1, yesterday, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *started_at = sqlite3_column_int64(st, 0);
        rc = SQLITE_DONE;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return store_fail(s, err, rc, "read the running daily start");
    if (*started_at)
        *minutes = planned_minutes(s);
    return VB_OK;
}

/* The meeting's length and the working-day calendar, with every holiday the
 * rules can reach (they look at most a year back or ahead). */
static vb_code load_calendar(store *s, agenda_input *in, vb_err *err)
{
    in->total_minutes = planned_minutes(s);
    return store_calendar_load(s, vb_day_add(in->today, -2 * 366), vb_day_add(in->today, 2 * 366), &in->cal, err);
}

static vb_code load_held(store *s, agenda_input *in, const char *from, const char *today, vb_err *err)
{
    static const char sql[] = "SELECT day, started_at FROM dagstart WHERE day >= ? AND day < ? ORDER BY day";
    STORE_STMT_OR_RETURN(st, s, sql, err);
    sqlite3_bind_text(st, 1, from, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, today, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        agenda_held *h = agenda_input_add_held(in);
        if (!h) {
            sqlite3_reset(st);
            return vb_fail(err, VB_ERR_NOMEM, "out of memory");
        }
        h->day = col_day(st, 0);
        h->started_at = sqlite3_column_int64(st, 1);
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? VB_OK : store_fail(s, err, rc, "read earlier daily starts");
}

static vb_code load_members(store *s, agenda_input *in, int64_t dagstart_id, vb_err *err)
{
    static const char sql[] = "SELECT m.id, m.name, m.role = 'lead', coalesce(p.present, -1) FROM member m"
                              " LEFT JOIN dagstart_presence p ON p.member_id = m.id AND p.dagstart_id = ?"
                              " WHERE m.active = 1 ORDER BY m.name, m.id";
    STORE_STMT_OR_RETURN(st, s, sql, err);
    sqlite3_bind_int64(st, 1, dagstart_id);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        agenda_member *m = agenda_input_add_member(in);
        if (!m) {
            sqlite3_reset(st);
            return vb_fail(err, VB_ERR_NOMEM, "out of memory");
        }
        m->id = sqlite3_column_int64(st, 0);
        store_col_text(st, 1, m->name, sizeof m->name);
        m->lead = sqlite3_column_int(st, 2) != 0;
        m->presence = sqlite3_column_int(st, 3);
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? VB_OK : store_fail(s, err, rc, "read the roster");
}

static vb_code load_announcements(store *s, agenda_input *in, const char *today, const char *until, vb_err *err)
{
    static const char sql[] = "SELECT id, text, from_day, to_day FROM announcement"
                              " WHERE to_day >= ? AND from_day <= ? ORDER BY from_day DESC, id DESC";
    STORE_STMT_OR_RETURN(st, s, sql, err);
    sqlite3_bind_text(st, 1, today, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, until, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        agenda_announcement *a = agenda_input_add_announcement(in);
        if (!a) {
            sqlite3_reset(st);
            return vb_fail(err, VB_ERR_NOMEM, "out of memory");
        }
        a->id = sqlite3_column_int64(st, 0);
        store_col_text(st, 1, a->text, sizeof a->text);
        a->from = col_day(st, 2);
        a->to = col_day(st, 3);
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? VB_OK : store_fail(s, err, rc, "read announcements");
}

vb_code store_announcements_current(store *s, const char *day, agenda_input *in, vb_err *err)
{
    vb_code rc = check_day(day, "day", err);
    return rc == VB_OK ? load_announcements(s, in, day, day, err) : rc;
}

static vb_code load_lps(store *s, agenda_input *in, const char *from, const char *today, vb_err *err)
{
    /* No author: the daily start shows what happened, never who. */
    /* Once per half of the points (store/store_anon.h), each on its own
     * daily-start index, then merged. */
#define AGENDA_LPS_FROM(rows)                                                                                 \
    "SELECT lp.id, lp.receipt, lp.day, lp.dagstart_day, c.code, coalesce(c.label, ''), coalesce(pl.name, ''),"  \
    " lp.what_happened, lp.lesson, coalesce(lp.feedback, ''), lp.member_id IS NULL,"                          \
    " (SELECT count(*) FROM learning_point_metoo mt WHERE mt.learning_point_id = lp.id),"                     \
    " (SELECT count(*) FROM action a WHERE a.learning_point_id = lp.id)"                                      \
    " FROM " rows " lp JOIN category c ON c.id = lp.category_id"                                              \
    " LEFT JOIN place pl ON pl.id = lp.place_id"                                                              \
    " WHERE lp.hidden = 0 AND lp.dagstart_day >= ?1 AND lp.dagstart_day <= ?2"
    static const char sql[] = AGENDA_LPS_FROM(LP_SIGNED_ROWS) " UNION ALL " AGENDA_LPS_FROM(LP_ANON_ROWS)
                              " ORDER BY 4, 3, 1";
#undef AGENDA_LPS_FROM
    STORE_STMT_OR_RETURN(st, s, sql, err);
    sqlite3_bind_text(st, 1, from, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, today, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        agenda_lp *p = agenda_input_add_lp(in);
        if (!p) {
            sqlite3_reset(st);
            return vb_fail(err, VB_ERR_NOMEM, "out of memory");
        }
        store_col_text(st, 0, p->id, sizeof p->id);
        store_col_text(st, 1, p->receipt, sizeof p->receipt);
        p->day = col_day(st, 2);
        p->dagstart_day = col_day(st, 3);
        store_col_text(st, 4, p->category, sizeof p->category);
        store_col_text(st, 5, p->category_label, sizeof p->category_label);
        store_col_text(st, 6, p->place, sizeof p->place);
        store_col_text(st, 7, p->what, sizeof p->what);
        store_col_text(st, 8, p->lesson, sizeof p->lesson);
        store_col_text(st, 9, p->feedback, sizeof p->feedback);
        p->anonymous = sqlite3_column_int(st, 10) != 0;
        p->metoo = sqlite3_column_int(st, 11);
        p->actions = sqlite3_column_int(st, 12);
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? VB_OK : store_fail(s, err, rc, "read learning points");
}

static vb_code load_ideas(store *s, agenda_input *in, int64_t since_s, vb_err *err)
{
    static const char sql[] =
        /* An anonymous idea carries only the start of its day (store_anon.h):
         * from the day of the previous daily start on, it counts as new.
         * Three indexes (db/0004), not a scan of every idea. */
        "SELECT id, title, status, CASE WHEN member_id IS NULL AND created_at BETWEEN ?2 AND ?1 THEN ?1"
        " ELSE created_at END, status_changed_at, coalesce(feedback_at, 0), coalesce(feedback, ''),"
        " vote_count FROM idea WHERE id IN (SELECT id FROM idea WHERE created_at >= ?2 UNION ALL"
        " SELECT id FROM idea WHERE status_changed_at >= ?1 UNION ALL SELECT id FROM idea WHERE feedback_at >= ?1)"
        " AND +hidden = 0 AND (created_at >= ?1 OR status_changed_at >= ?1 OR feedback_at >= ?1"
        " OR (member_id IS NULL AND created_at >= ?2)) ORDER BY id";
    STORE_STMT_OR_RETURN(st, s, sql, err);
    sqlite3_bind_int64(st, 1, since_s);
    sqlite3_bind_int64(st, 2, vb_day_start_unix(vb_local_from_unix(since_s).day));
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        agenda_idea *i = agenda_input_add_idea(in);
        if (!i) {
            sqlite3_reset(st);
            return vb_fail(err, VB_ERR_NOMEM, "out of memory");
        }
        i->id = sqlite3_column_int64(st, 0);
        store_col_text(st, 1, i->title, sizeof i->title);
        idea_status_parse((const char *)sqlite3_column_text(st, 2), &i->status);
        i->created_at = sqlite3_column_int64(st, 3);
        i->status_changed_at = sqlite3_column_int64(st, 4);
        i->feedback_at = sqlite3_column_int64(st, 5);
        store_col_text(st, 6, i->feedback, sizeof i->feedback);
        i->votes = sqlite3_column_int(st, 7);
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? VB_OK : store_fail(s, err, rc, "read ideas");
}

static vb_code load_actions(store *s, agenda_input *in, const char *today, int64_t since_s, vb_err *err)
{
    static const char sql[] =
        "SELECT a.id, a.description, a.owner_id, m.name, a.due_day, a.status, coalesce(a.closed_at, 0),"
        " coalesce(a.note, '') FROM action a JOIN member m ON m.id = a.owner_id"
        " WHERE (a.status = 'open' AND a.due_day <= ?) OR (a.status = 'done' AND a.closed_at >= ?)"
        " ORDER BY a.due_day, a.id";
    STORE_STMT_OR_RETURN(st, s, sql, err);
    sqlite3_bind_text(st, 1, today, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 2, since_s);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        agenda_action *a = agenda_input_add_action(in);
        if (!a) {
            sqlite3_reset(st);
            return vb_fail(err, VB_ERR_NOMEM, "out of memory");
        }
        a->id = sqlite3_column_int64(st, 0);
        store_col_text(st, 1, a->description, sizeof a->description);
        a->owner_id = sqlite3_column_int64(st, 2);
        store_col_text(st, 3, a->owner, sizeof a->owner);
        a->due = col_day(st, 4);
        store_col_text(st, 5, a->status, sizeof a->status);
        a->closed_at = sqlite3_column_int64(st, 6);
        store_col_text(st, 7, a->note, sizeof a->note);
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? VB_OK : store_fail(s, err, rc, "read actions");
}

static vb_code load_topics(store *s, agenda_input *in, const char *today, vb_err *err)
{
    static const char sql[] = "SELECT id, section, text FROM dagstart_topic WHERE day = ? ORDER BY id";
    STORE_STMT_OR_RETURN(st, s, sql, err);
    sqlite3_bind_text(st, 1, today, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        agenda_topic *t = agenda_input_add_topic(in);
        if (!t) {
            sqlite3_reset(st);
            return vb_fail(err, VB_ERR_NOMEM, "out of memory");
        }
        t->id = sqlite3_column_int64(st, 0);
        t->section = sqlite3_column_int(st, 1);
        store_col_text(st, 2, t->text, sizeof t->text);
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? VB_OK : store_fail(s, err, rc, "read agenda items");
}

static vb_code load_discussed(store *s, agenda_input *in, int64_t dagstart_id, vb_err *err)
{
    static const char sql[] = "SELECT item_key FROM dagstart_item WHERE dagstart_id = ? AND discussed = 1";
    STORE_STMT_OR_RETURN(st, s, sql, err);
    sqlite3_bind_int64(st, 1, dagstart_id);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        char key[AGENDA_KEY_SIZE];
        store_col_text(st, 0, key, sizeof key);
        if (!agenda_input_add_discussed(in, key)) {
            sqlite3_reset(st);
            return vb_fail(err, VB_ERR_NOMEM, "out of memory");
        }
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? VB_OK : store_fail(s, err, rc, "read discussed items");
}

static vb_code exec_plain(store *s, const char *sql, vb_err *err)
{
    int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
    return rc == SQLITE_OK ? VB_OK : store_fail(s, err, rc, sql);
}

vb_code store_agenda_load(store *s, vb_day today, int64_t now_s, agenda_input *in, store_dagstart *ds, vb_err *err)
{
    agenda_input_init(in, today, now_s);
    char today_text[11], window_text[11], until_text[11], from_text[11];
    vb_day window = vb_day_add(today, -AGENDA_WINDOW_DAYS);
    vb_day_format(today, today_text);
    vb_day_format(window, window_text);
    vb_day_format(vb_day_add(today, 14), until_text);

    vb_code rc = exec_plain(s, "BEGIN", err);
    if (rc != VB_OK)
        return rc;
    rc = load_calendar(s, in, err);
    if (rc == VB_OK)
        rc = load_held(s, in, window_text, today_text, err);
    /* Only what the period since the last daily start can show (the rule
     * is core's): a large database stays light to load. */
    agenda_period p = agenda_period_for(&in->cal, today, in->held, in->nheld);
    vb_day_format(p.from, from_text);
    if (rc == VB_OK)
        rc = read_dagstart(s, today_text, ds, err);
    if (rc == VB_OK)
        rc = load_members(s, in, ds->id, err);
    if (rc == VB_OK)
        rc = load_announcements(s, in, today_text, until_text, err);
    if (rc == VB_OK)
        rc = load_lps(s, in, from_text, today_text, err);
    if (rc == VB_OK)
        rc = load_ideas(s, in, p.since_s, err);
    if (rc == VB_OK)
        rc = load_actions(s, in, today_text, p.since_s, err);
    if (rc == VB_OK)
        rc = load_topics(s, in, today_text, err);
    if (rc == VB_OK && ds->id)
        rc = load_discussed(s, in, ds->id, err);
    sqlite3_exec(s->db, rc == VB_OK ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL);
    if (rc != VB_OK)
        agenda_input_free(in);
    return rc;
}

/* ---- open, save, close ------------------------------------------------------- */

typedef struct open_ctx {
    const char *day;
    int64_t lead_id, now_s;
} open_ctx;

static vb_code open_write(store *s, void *ctx, vb_err *err)
{
    static const char stale_sql[] =
        "UPDATE dagstart SET ended_at = started_at + (SELECT coalesce(sum(elapsed_s), 0) FROM dagstart_section"
        " WHERE dagstart_id = dagstart.id) WHERE ended_at IS NULL AND day < ?";
    static const char find_sql[] = "SELECT id, ended_at IS NOT NULL FROM dagstart WHERE day = ?";
    static const char reopen_sql[] = "UPDATE dagstart SET ended_at = NULL WHERE id = ?";
    static const char insert_sql[] = "INSERT INTO dagstart (day, started_at, lead_id, section) VALUES (?, ?, ?, 0)";
    static const char presence_sql[] =
        "INSERT OR IGNORE INTO dagstart_presence (dagstart_id, member_id, present)"
        " SELECT ?, id, 1 FROM member WHERE active = 1";
    open_ctx *c = ctx;
    STORE_STMT_OR_RETURN(stale, s, stale_sql, err);
    sqlite3_bind_text(stale, 1, c->day, -1, SQLITE_TRANSIENT);
    vb_code rc = store_step_done(s, stale, err, "close an earlier daily start");
    if (rc != VB_OK)
        return rc;

    STORE_STMT_OR_RETURN(find, s, find_sql, err);
    sqlite3_bind_text(find, 1, c->day, -1, SQLITE_TRANSIENT);
    int64_t id = 0;
    bool closed = false;
    int src = sqlite3_step(find);
    if (src == SQLITE_ROW) {
        id = sqlite3_column_int64(find, 0);
        closed = sqlite3_column_int(find, 1) != 0;
        src = SQLITE_DONE;
    }
    sqlite3_reset(find);
    if (src != SQLITE_DONE)
        return store_fail(s, err, src, "find the daily start");

    char subject[32];
    if (id && !closed)
        return VB_OK; /* resume */
    if (id) {
        STORE_STMT_OR_RETURN(re, s, reopen_sql, err);
        sqlite3_bind_int64(re, 1, id);
        rc = store_step_done(s, re, err, "reopen the daily start");
        snprintf(subject, sizeof subject, "dagstart:%lld", (long long)id);
        if (rc == VB_OK)
            rc = store_dagstart_audit(s, c->lead_id, c->now_s, "dagstart_reopen", subject, c->day, err);
        return rc;
    }
    STORE_STMT_OR_RETURN(ins, s, insert_sql, err);
    sqlite3_bind_text(ins, 1, c->day, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(ins, 2, c->now_s);
    store_bind_id(ins, 3, c->lead_id);
    rc = store_step_done(s, ins, err, "start the daily start");
    if (rc != VB_OK)
        return rc;
    id = sqlite3_last_insert_rowid(s->db);
    STORE_STMT_OR_RETURN(pr, s, presence_sql, err);
    sqlite3_bind_int64(pr, 1, id);
    rc = store_step_done(s, pr, err, "record presence");
    snprintf(subject, sizeof subject, "dagstart:%lld", (long long)id);
    if (rc == VB_OK)
        rc = store_dagstart_audit(s, c->lead_id, c->now_s, "dagstart_open", subject, c->day, err);
    return rc;
}

vb_code store_dagstart_open(store *s, const char *day, int64_t lead_id, int64_t now_s, store_dagstart *out,
                            vb_err *err)
{
    vb_code rc = check_day(day, "daily start day", err);
    if (rc != VB_OK)
        return rc;
    open_ctx c = { day, lead_id, now_s };
    rc = store_write(s, open_write, &c, err);
    return rc == VB_OK ? read_dagstart(s, day, out, err) : rc;
}

/* Refuses changes to a daily start that does not exist or is closed. */
static vb_code require_open(store *s, int64_t dagstart_id, vb_err *err)
{
    static const char sql[] = "SELECT ended_at IS NULL FROM dagstart WHERE id = ?";
    STORE_STMT_OR_RETURN(st, s, sql, err);
    sqlite3_bind_int64(st, 1, dagstart_id);
    int rc = sqlite3_step(st);
    int open = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return store_fail(s, err, rc, "read the daily start");
    if (open < 0)
        return vb_fail(err, VB_ERR_NOTFOUND, "daily start %lld does not exist", (long long)dagstart_id);
    if (!open)
        return vb_fail(err, VB_ERR_INVALID, "daily start %lld is closed", (long long)dagstart_id);
    return VB_OK;
}

typedef struct mark_ctx {
    int64_t id;
    const char *key;
    int64_t member_id;
    bool on;
} mark_ctx;

static vb_code mark_write(store *s, void *ctx, vb_err *err)
{
    static const char sql[] = "INSERT INTO dagstart_item (dagstart_id, item_key, discussed) VALUES (?, ?, ?)"
                              " ON CONFLICT (dagstart_id, item_key) DO UPDATE SET discussed = excluded.discussed";
    mark_ctx *c = ctx;
    vb_code rc = require_open(s, c->id, err);
    if (rc != VB_OK)
        return rc;
    STORE_STMT_OR_RETURN(st, s, sql, err);
    sqlite3_bind_int64(st, 1, c->id);
    sqlite3_bind_text(st, 2, c->key, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 3, c->on ? 1 : 0);
    return store_step_done(s, st, err, "mark an item discussed");
}

vb_code store_dagstart_mark(store *s, int64_t dagstart_id, const char *item_key, bool discussed, vb_err *err)
{
    if (!item_key || strlen(item_key) < 3 || strlen(item_key) >= AGENDA_KEY_SIZE)
        return vb_fail(err, VB_ERR_INVALID, "item key must be 3 to 40 bytes");
    mark_ctx c = { dagstart_id, item_key, 0, discussed };
    return store_write(s, mark_write, &c, err);
}

static vb_code presence_write(store *s, void *ctx, vb_err *err)
{
    static const char sql[] = "INSERT INTO dagstart_presence (dagstart_id, member_id, present) VALUES (?, ?, ?)"
                              " ON CONFLICT (dagstart_id, member_id) DO UPDATE SET present = excluded.present";
    mark_ctx *c = ctx;
    vb_code rc = require_open(s, c->id, err);
    if (rc != VB_OK)
        return rc;
    STORE_STMT_OR_RETURN(st, s, sql, err);
    sqlite3_bind_int64(st, 1, c->id);
    sqlite3_bind_int64(st, 2, c->member_id);
    sqlite3_bind_int(st, 3, c->on ? 1 : 0);
    return store_step_done(s, st, err, "record presence");
}

vb_code store_dagstart_presence(store *s, int64_t dagstart_id, int64_t member_id, bool present, vb_err *err)
{
    mark_ctx c = { dagstart_id, NULL, member_id, present };
    return store_write(s, presence_write, &c, err);
}

typedef struct time_ctx {
    int64_t id;
    int section;
    const int *elapsed_s;
    int64_t lead_id, now_s;
    const char *notes;
} time_ctx;

static vb_code write_times(store *s, const time_ctx *c, vb_err *err)
{
    static const char section_sql[] = "UPDATE dagstart SET section = ? WHERE id = ?";
    static const char elapsed_sql[] =
        "INSERT INTO dagstart_section (dagstart_id, section, elapsed_s) VALUES (?, ?, ?)"
        " ON CONFLICT (dagstart_id, section) DO UPDATE SET elapsed_s = excluded.elapsed_s";
    STORE_STMT_OR_RETURN(st, s, section_sql, err);
    sqlite3_bind_int(st, 1, c->section);
    sqlite3_bind_int64(st, 2, c->id);
    vb_code rc = store_step_done(s, st, err, "save the current section");
    for (int i = 0; i < AGENDA_SECTIONS && rc == VB_OK; i++) {
        STORE_STMT_OR_RETURN(el, s, elapsed_sql, err);
        sqlite3_bind_int64(el, 1, c->id);
        sqlite3_bind_int(el, 2, i);
        sqlite3_bind_int(el, 3, c->elapsed_s[i] > 0 ? c->elapsed_s[i] : 0);
        rc = store_step_done(s, el, err, "save the section times");
    }
    return rc;
}

static vb_code time_write(store *s, void *ctx, vb_err *err)
{
    time_ctx *c = ctx;
    vb_code rc = require_open(s, c->id, err);
    return rc == VB_OK ? write_times(s, c, err) : rc;
}

vb_code store_dagstart_save_time(store *s, int64_t dagstart_id, int section, const int elapsed_s[AGENDA_SECTIONS],
                                 vb_err *err)
{
    if (section < 0 || section >= AGENDA_SECTIONS)
        return vb_fail(err, VB_ERR_INVALID, "section %d does not exist", section);
    time_ctx c = { dagstart_id, section, elapsed_s, 0, 0, NULL };
    return store_write(s, time_write, &c, err);
}

static vb_code notes_write(store *s, void *ctx, vb_err *err)
{
    static const char sql[] = "UPDATE dagstart SET notes = ? WHERE id = ?";
    time_ctx *c = ctx;
    vb_code rc = require_open(s, c->id, err);
    if (rc != VB_OK)
        return rc;
    STORE_STMT_OR_RETURN(st, s, sql, err);
    sqlite3_bind_text(st, 1, c->notes, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 2, c->id);
    return store_step_done(s, st, err, "save the notes");
}

vb_code store_dagstart_set_notes(store *s, int64_t dagstart_id, const char *notes, vb_err *err)
{
    if (!notes)
        notes = "";
    if (!utf8_valid(notes, strlen(notes), true) || utf8_count(notes, strlen(notes)) > DAGSTART_NOTES_MAX)
        return vb_fail(err, VB_ERR_INVALID, "notes must be valid text of at most %d characters", DAGSTART_NOTES_MAX);
    time_ctx c = { dagstart_id, 0, NULL, 0, 0, notes };
    return store_write(s, notes_write, &c, err);
}

static vb_code close_write(store *s, void *ctx, vb_err *err)
{
    static const char read_sql[] = "SELECT started_at, section, day FROM dagstart WHERE id = ?";
    static const char end_sql[] = "UPDATE dagstart SET ended_at = max(?, started_at) WHERE id = ?";
    static const char presence_sql[] =
        "INSERT OR IGNORE INTO dagstart_presence (dagstart_id, member_id, present)"
        " SELECT ?, id, 1 FROM member WHERE active = 1";
    /* Straight into the lead's state (store_anon.h): through the view this
     * would read every point of both halves. */
    static const char lp_sql[] =
        "INSERT INTO learning_point_state (id, discussed_day)"
        " SELECT substr(i.item_key, 4), ?1 FROM dagstart_item i WHERE i.dagstart_id = ?2 AND i.discussed = 1"
        " AND i.item_key LIKE 'lp:%' AND (EXISTS (SELECT 1 FROM main.learning_point_signed p"
        " WHERE p.id = substr(i.item_key, 4)) OR EXISTS (SELECT 1 FROM anon.learning_point_anon a"
        " WHERE a.id = substr(i.item_key, 4)))"
        " ON CONFLICT (id) DO UPDATE SET discussed_day = excluded.discussed_day"
        " WHERE learning_point_state.discussed_day IS NULL";
    static const char count_sql[] =
        "SELECT (SELECT count(*) FROM dagstart_presence WHERE dagstart_id = ?1 AND present = 1),"
        " (SELECT count(*) FROM dagstart_item WHERE dagstart_id = ?1 AND discussed = 1)";
    time_ctx *c = ctx;
    vb_code rc = require_open(s, c->id, err);
    if (rc != VB_OK)
        return rc;
    STORE_STMT_OR_RETURN(rd, s, read_sql, err);
    sqlite3_bind_int64(rd, 1, c->id);
    int src = sqlite3_step(rd);
    int64_t started = src == SQLITE_ROW ? sqlite3_column_int64(rd, 0) : 0;
    int section = src == SQLITE_ROW ? sqlite3_column_int(rd, 1) : 0;
    char day[11] = "";
    if (src == SQLITE_ROW)
        store_col_text(rd, 2, day, sizeof day);
    sqlite3_reset(rd);
    if (src != SQLITE_ROW)
        return store_fail(s, err, src, "read the daily start");
    if (c->elapsed_s) {
        time_ctx t = *c;
        t.section = section;
        rc = write_times(s, &t, err);
    }
    if (rc != VB_OK)
        return rc;
    STORE_STMT_OR_RETURN(end, s, end_sql, err);
    sqlite3_bind_int64(end, 1, c->now_s);
    sqlite3_bind_int64(end, 2, c->id);
    rc = store_step_done(s, end, err, "close the daily start");
    if (rc != VB_OK)
        return rc;
    STORE_STMT_OR_RETURN(pr, s, presence_sql, err);
    sqlite3_bind_int64(pr, 1, c->id);
    rc = store_step_done(s, pr, err, "record presence");
    if (rc != VB_OK)
        return rc;
    STORE_STMT_OR_RETURN(lp, s, lp_sql, err);
    sqlite3_bind_text(lp, 1, day, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(lp, 2, c->id);
    rc = store_step_done(s, lp, err, "mark learning points discussed");
    if (rc != VB_OK)
        return rc;
    STORE_STMT_OR_RETURN(cnt, s, count_sql, err);
    sqlite3_bind_int64(cnt, 1, c->id);
    src = sqlite3_step(cnt);
    int present = src == SQLITE_ROW ? sqlite3_column_int(cnt, 0) : 0;
    int discussed = src == SQLITE_ROW ? sqlite3_column_int(cnt, 1) : 0;
    sqlite3_reset(cnt);
    if (src != SQLITE_ROW)
        return store_fail(s, err, src, "count the record");
    int64_t duration = c->now_s > started ? c->now_s - started : 0;
    char subject[32], detail[160];
    snprintf(subject, sizeof subject, "dagstart:%lld", (long long)c->id);
    vb_fmt(detail, sizeof detail, "%s: %lld s, %d present, %d items discussed", day, (long long)duration, present,
           discussed);
    return store_dagstart_audit(s, c->lead_id, c->now_s, "dagstart_close", subject, detail, err);
}

vb_code store_dagstart_close(store *s, int64_t dagstart_id, int64_t lead_id, int64_t now_s,
                             const int elapsed_s[AGENDA_SECTIONS], vb_err *err)
{
    time_ctx c = { dagstart_id, 0, elapsed_s, lead_id, now_s, NULL };
    return store_write(s, close_write, &c, err);
}

vb_code store_dagstart_summary_get(store *s, int64_t dagstart_id, store_dagstart_summary *out, vb_err *err)
{
    static const char sql[] =
        "SELECT (SELECT count(*) FROM dagstart_presence WHERE dagstart_id = ?1 AND present = 1),"
        " (SELECT count(*) FROM dagstart_presence WHERE dagstart_id = ?1 AND present = 0),"
        " (SELECT count(*) FROM dagstart_item WHERE dagstart_id = ?1 AND discussed = 1),"
        " coalesce((SELECT ended_at - started_at FROM dagstart WHERE id = ?1), 0)";
    memset(out, 0, sizeof *out);
    STORE_STMT_OR_RETURN(st, s, sql, err);
    sqlite3_bind_int64(st, 1, dagstart_id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        out->present = sqlite3_column_int(st, 0);
        out->absent = sqlite3_column_int(st, 1);
        out->discussed = sqlite3_column_int(st, 2);
        out->duration_s = sqlite3_column_int64(st, 3);
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? VB_OK : store_fail(s, err, rc, "read the daily start record");
}

/* ---- the lead's parts of the agenda ----------------------------------------- */

typedef struct lead_ctx {
    int64_t lead_id, now_s, id;
    const char *text, *from, *to, *day, *lp_id;
    int section;
    int64_t *out_id;
} lead_ctx;

static vb_code announcement_write(store *s, void *ctx, vb_err *err)
{
    static const char sql[] =
        "INSERT INTO announcement (text, from_day, to_day, lead_id, created_at) VALUES (?, ?, ?, ?, ?)";
    lead_ctx *c = ctx;
    STORE_STMT_OR_RETURN(st, s, sql, err);
    sqlite3_bind_text(st, 1, c->text, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, c->from, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, c->to, -1, SQLITE_TRANSIENT);
    store_bind_id(st, 4, c->lead_id);
    sqlite3_bind_int64(st, 5, c->now_s);
    vb_code rc = store_step_done(s, st, err, "save the announcement");
    if (rc != VB_OK)
        return rc;
    int64_t id = sqlite3_last_insert_rowid(s->db);
    if (c->out_id)
        *c->out_id = id;
    char subject[32], detail[1300];
    snprintf(subject, sizeof subject, "announcement:%lld", (long long)id);
    vb_fmt(detail, sizeof detail, "%s .. %s: %s", c->from, c->to, c->text);
    return store_dagstart_audit(s, c->lead_id, c->now_s, "announcement_add", subject, detail, err);
}

vb_code store_announcement_add(store *s, int64_t lead_id, const char *text, const char *from_day, const char *to_day,
                               int64_t now_s, int64_t *out_id, vb_err *err)
{
    vb_code rc = store_dagstart_check_text(text, ANNOUNCEMENT_TEXT_MAX, true, "announcement", err);
    if (rc == VB_OK)
        rc = check_day(from_day, "first day", err);
    if (rc == VB_OK)
        rc = check_day(to_day, "last day", err);
    if (rc == VB_OK && strcmp(to_day, from_day) < 0)
        rc = vb_fail(err, VB_ERR_INVALID, "the last day %s is before the first day %s", to_day, from_day);
    if (rc != VB_OK)
        return rc;
    lead_ctx c = { .lead_id = lead_id, .now_s = now_s, .text = text, .from = from_day, .to = to_day, .out_id = out_id };
    return store_write(s, announcement_write, &c, err);
}

static vb_code delete_write(store *s, void *ctx, vb_err *err)
{
    static const char ann_sql[] = "DELETE FROM announcement WHERE id = ?";
    static const char topic_sql[] = "DELETE FROM dagstart_topic WHERE id = ?";
    lead_ctx *c = ctx;
    bool topic = c->section == 1;
    STORE_STMT_OR_RETURN(st, s, topic ? topic_sql : ann_sql, err);
    sqlite3_bind_int64(st, 1, c->id);
    vb_code rc = store_step_done(s, st, err, "delete");
    if (rc != VB_OK)
        return rc;
    if (sqlite3_changes(s->db) == 0)
        return vb_fail(err, VB_ERR_NOTFOUND, "%s %lld does not exist", topic ? "agenda item" : "announcement",
                       (long long)c->id);
    char subject[40];
    vb_fmt(subject, sizeof subject, "%s:%lld", topic ? "topic" : "announcement", (long long)c->id);
    return store_dagstart_audit(s, c->lead_id, c->now_s, topic ? "topic_delete" : "announcement_delete", subject,
                                "", err);
}

vb_code store_announcement_delete(store *s, int64_t lead_id, int64_t id, int64_t now_s, vb_err *err)
{
    lead_ctx c = { .lead_id = lead_id, .now_s = now_s, .id = id, .section = 0 };
    return store_write(s, delete_write, &c, err);
}

vb_code store_dagstart_topic_delete(store *s, int64_t lead_id, int64_t id, int64_t now_s, vb_err *err)
{
    lead_ctx c = { .lead_id = lead_id, .now_s = now_s, .id = id, .section = 1 };
    return store_write(s, delete_write, &c, err);
}

static vb_code topic_write(store *s, void *ctx, vb_err *err)
{
    static const char sql[] = "INSERT INTO dagstart_topic (day, section, text, lead_id) VALUES (?, ?, ?, ?)";
    lead_ctx *c = ctx;
    STORE_STMT_OR_RETURN(st, s, sql, err);
    sqlite3_bind_text(st, 1, c->day, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 2, c->section);
    sqlite3_bind_text(st, 3, c->text, -1, SQLITE_TRANSIENT);
    store_bind_id(st, 4, c->lead_id);
    vb_code rc = store_step_done(s, st, err, "save the agenda item");
    if (rc != VB_OK)
        return rc;
    int64_t id = sqlite3_last_insert_rowid(s->db);
    if (c->out_id)
        *c->out_id = id;
    char subject[32], detail[900];
    snprintf(subject, sizeof subject, "topic:%lld", (long long)id);
    vb_fmt(detail, sizeof detail, "%s, section %d: %s", c->day, c->section + 1, c->text);
    return store_dagstart_audit(s, c->lead_id, c->now_s, "topic_add", subject, detail, err);
}

vb_code store_dagstart_topic_add(store *s, int64_t lead_id, const char *day, int section, const char *text,
                                 int64_t now_s, int64_t *out_id, vb_err *err)
{
    vb_code rc = store_dagstart_check_text(text, TOPIC_TEXT_MAX, true, "agenda item", err);
    if (rc == VB_OK)
        rc = check_day(day, "day", err);
    if (rc == VB_OK && (section < 0 || section >= AGENDA_SECTIONS))
        rc = vb_fail(err, VB_ERR_INVALID, "section %d does not exist", section);
    if (rc != VB_OK)
        return rc;
    lead_ctx c = { .lead_id = lead_id, .now_s = now_s, .day = day, .section = section, .text = text,
                   .out_id = out_id };
    return store_write(s, topic_write, &c, err);
}

static vb_code feedback_write(store *s, void *ctx, vb_err *err)
{
    static const char exists_sql[] = "SELECT 1 FROM learning_point WHERE id = ?";
    static const char sql[] = "UPDATE learning_point SET feedback = ? WHERE id = ?";
    lead_ctx *c = ctx;
    /* learning_point is a view (store_anon.h): sqlite3_changes() does not
     * count its rows, so the point is looked up first. */
    STORE_STMT_OR_RETURN(ex, s, exists_sql, err);
    sqlite3_bind_text(ex, 1, c->lp_id, -1, SQLITE_TRANSIENT);
    int found = sqlite3_step(ex);
    sqlite3_reset(ex);
    if (found == SQLITE_DONE)
        return vb_fail(err, VB_ERR_NOTFOUND, "learning point %s does not exist", c->lp_id);
    if (found != SQLITE_ROW)
        return store_fail(s, err, found, "look up the learning point");
    STORE_STMT_OR_RETURN(st, s, sql, err);
    store_bind_text(st, 1, c->text);
    sqlite3_bind_text(st, 2, c->lp_id, -1, SQLITE_TRANSIENT);
    vb_code rc = store_step_done(s, st, err, "save the feedback");
    if (rc != VB_OK)
        return rc;
    char subject[24];
    vb_fmt(subject, sizeof subject, "lp:%.16s", c->lp_id);
    return store_dagstart_audit(s, c->lead_id, c->now_s, c->text ? "lp_feedback" : "lp_feedback_remove", subject,
                                c->text ? c->text : "", err);
}

vb_code store_dagstart_lp_feedback(store *s, int64_t lead_id, const char *lp_id, const char *text, int64_t now_s,
                                   vb_err *err)
{
    if (!lp_id || strlen(lp_id) != 16)
        return vb_fail(err, VB_ERR_INVALID, "not a learning point id: %s", lp_id ? lp_id : "(none)");
    bool blank = true;
    for (const char *p = text; p && *p && blank; p++)
        blank = *p == ' ' || *p == '\n';
    if (blank)
        text = NULL;
    if (text) {
        vb_code rc = store_dagstart_check_text(text, LP_FEEDBACK_MAX_CHARS, true, "feedback", err);
        if (rc != VB_OK)
            return rc;
    }
    lead_ctx c = { .lead_id = lead_id, .now_s = now_s, .lp_id = lp_id, .text = text };
    return store_write(s, feedback_write, &c, err);
}

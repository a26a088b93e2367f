/* actions.c: improvement actions in the database (see store_actions.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/date.h"
#include "../core/utf8.h"
#include "store_actions.h"
#include "store_dagstart.h"
#include "store_internal.h"

static const char *const origin_names[] = { "learning_point", "idea", "dagstart" };

static sqlite3_stmt *stmt(store *s, const char *sql, vb_err *err)
{
    return store_stmt(s, sql, err);
}

static vb_code stmt_failed(vb_err *err)
{
    return err && err->code ? err->code : VB_ERR_INTERNAL;
}

static bool blank(const char *text)
{
    for (const char *p = text; p && *p; p++)
        if (*p != ' ' && *p != '\n')
            return false;
    return true;
}

/* ---- adding ---------------------------------------------------------------- */

typedef struct add_ctx {
    const store_action_new *n;
    int64_t lead_id, now_s;
    int64_t *out_id;
} add_ctx;

static vb_code add_write(store *s, void *ctx, vb_err *err)
{
    static const char owner_sql[] = "SELECT name FROM member WHERE id = ? AND active = 1";
    static const char sql[] =
        "INSERT INTO action (description, owner_id, due_day, status, origin, learning_point_id, idea_id, created_at)"
        " VALUES (?, ?, ?, 'open', ?, ?, ?, ?)";
    add_ctx *c = ctx;
    const store_action_new *n = c->n;
    sqlite3_stmt *own = stmt(s, owner_sql, err);
    if (!own)
        return stmt_failed(err);
    sqlite3_bind_int64(own, 1, n->owner_id);
    int src = sqlite3_step(own);
    char owner[244] = "";
    if (src == SQLITE_ROW)
        store_col_text(own, 0, owner, sizeof owner);
    sqlite3_reset(own);
    if (src == SQLITE_DONE)
        return vb_fail(err, VB_ERR_INVALID, "owner %lld is not on the roster", (long long)n->owner_id);
    if (src != SQLITE_ROW)
        return store_fail(s, err, src, "read the owner");

    sqlite3_stmt *st = stmt(s, sql, err);
    if (!st)
        return stmt_failed(err);
    sqlite3_bind_text(st, 1, n->description, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 2, n->owner_id);
    sqlite3_bind_text(st, 3, n->due_day, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, origin_names[n->origin], -1, SQLITE_STATIC);
    store_bind_text(st, 5, n->origin == ACTION_FROM_LEARNING_POINT ? n->learning_point_id : NULL);
    store_bind_id(st, 6, n->origin == ACTION_FROM_IDEA ? n->idea_id : 0);
    sqlite3_bind_int64(st, 7, c->now_s);
    vb_code rc = store_step_done(s, st, err, "save the action");
    if (rc != VB_OK)
        return rc;
    int64_t id = sqlite3_last_insert_rowid(s->db);
    if (c->out_id)
        *c->out_id = id;
    char subject[32], detail[1400];
    snprintf(subject, sizeof subject, "action:%lld", (long long)id);
    if (n->origin == ACTION_FROM_LEARNING_POINT)
        vb_fmt(detail, sizeof detail, "from lp:%s for %s, due %s: %s", n->learning_point_id, owner, n->due_day,
               n->description);
    else if (n->origin == ACTION_FROM_IDEA)
        vb_fmt(detail, sizeof detail, "from idea:%lld for %s, due %s: %s", (long long)n->idea_id, owner,
               n->due_day, n->description);
    else
        vb_fmt(detail, sizeof detail, "from the daily start for %s, due %s: %s", owner, n->due_day,
               n->description);
    return store_dagstart_audit(s, c->lead_id, c->now_s, "action_add", subject, detail, err);
}

vb_code store_action_add(store *s, const store_action_new *n, int64_t lead_id, int64_t now_s, int64_t *out_id,
                         vb_err *err)
{
    vb_day due;
    vb_code rc = store_dagstart_check_text(n->description, ACTION_TEXT_MAX, false, "description", err);
    if (rc != VB_OK)
        return rc;
    if (!n->due_day || !vb_day_parse(n->due_day, &due))
        return vb_fail(err, VB_ERR_INVALID, "due day is not a day (YYYY-MM-DD)");
    if ((int)n->origin < 0 || n->origin > ACTION_FROM_DAGSTART)
        return vb_fail(err, VB_ERR_INVALID, "unknown origin");
    if (n->origin == ACTION_FROM_LEARNING_POINT && (!n->learning_point_id || strlen(n->learning_point_id) != 16))
        return vb_fail(err, VB_ERR_INVALID, "an action from a learning point needs its id");
    if (n->origin == ACTION_FROM_IDEA && n->idea_id <= 0)
        return vb_fail(err, VB_ERR_INVALID, "an action from an idea needs its id");
    add_ctx c = { n, lead_id, now_s, out_id };
    return store_write(s, add_write, &c, err);
}

/* ---- closing --------------------------------------------------------------- */

typedef struct close_ctx {
    int64_t id, member_id, lead_id, now_s;
    const char *note;
    bool drop;
} close_ctx;

static vb_code close_write(store *s, void *ctx, vb_err *err)
{
    static const char read_sql[] = "SELECT owner_id, status FROM action WHERE id = ?";
    static const char lead_sql[] = "SELECT 1 FROM member WHERE id = ? AND role = 'lead' AND active = 1";
    static const char sql[] = "UPDATE action SET status = ?, note = ?, closed_at = ? WHERE id = ? AND status = 'open'";
    close_ctx *c = ctx;
    sqlite3_stmt *rd = stmt(s, read_sql, err);
    if (!rd)
        return stmt_failed(err);
    sqlite3_bind_int64(rd, 1, c->id);
    int src = sqlite3_step(rd);
    int64_t owner = 0;
    bool open = false;
    if (src == SQLITE_ROW) {
        owner = sqlite3_column_int64(rd, 0);
        open = strcmp((const char *)sqlite3_column_text(rd, 1), "open") == 0;
    }
    sqlite3_reset(rd);
    if (src == SQLITE_DONE)
        return vb_fail(err, VB_ERR_NOTFOUND, "action %lld does not exist", (long long)c->id);
    if (src != SQLITE_ROW)
        return store_fail(s, err, src, "read the action");
    if (!open)
        return vb_fail(err, VB_ERR_INVALID, "action %lld is already closed", (long long)c->id);

    bool by_lead = false;
    if (c->lead_id > 0) {
        sqlite3_stmt *ld = stmt(s, lead_sql, err);
        if (!ld)
            return stmt_failed(err);
        sqlite3_bind_int64(ld, 1, c->lead_id);
        src = sqlite3_step(ld);
        sqlite3_reset(ld);
        if (src != SQLITE_ROW && src != SQLITE_DONE)
            return store_fail(s, err, src, "read the lead");
        by_lead = src == SQLITE_ROW;
    }
    if (c->drop && !by_lead)
        return vb_fail(err, VB_ERR_INVALID, "only a team lead can drop an action");
    if (!c->drop && !by_lead && (c->member_id <= 0 || c->member_id != owner))
        return vb_fail(err, VB_ERR_INVALID, "only the owner or a team lead can mark action %lld done",
                       (long long)c->id);

    sqlite3_stmt *st = stmt(s, sql, err);
    if (!st)
        return stmt_failed(err);
    sqlite3_bind_text(st, 1, c->drop ? "dropped" : "done", -1, SQLITE_STATIC);
    store_bind_text(st, 2, c->note);
    sqlite3_bind_int64(st, 3, c->now_s);
    sqlite3_bind_int64(st, 4, c->id);
    vb_code rc = store_step_done(s, st, err, "close the action");
    if (rc != VB_OK)
        return rc;
    /* The owner closing their own action is not a lead action. */
    if (!by_lead || (c->member_id == owner && !c->drop && c->lead_id == owner))
        return VB_OK;
    char subject[32];
    snprintf(subject, sizeof subject, "action:%lld", (long long)c->id);
    return store_dagstart_audit(s, c->lead_id, c->now_s, c->drop ? "action_drop" : "action_done", subject,
                                c->note ? c->note : "", err);
}

vb_code store_action_mark_done(store *s, int64_t id, int64_t member_id, int64_t lead_id, const char *note,
                               int64_t now_s, vb_err *err)
{
    if (blank(note))
        note = NULL;
    if (note) {
        vb_code rc = store_dagstart_check_text(note, ACTION_TEXT_MAX, false, "note", err);
        if (rc != VB_OK)
            return rc;
    }
    close_ctx c = { id, member_id, lead_id, now_s, note, false };
    return store_write(s, close_write, &c, err);
}

vb_code store_action_drop(store *s, int64_t id, int64_t lead_id, const char *reason, int64_t now_s, vb_err *err)
{
    vb_code rc = store_dagstart_check_text(reason, ACTION_TEXT_MAX, false, "reason", err);
    if (rc != VB_OK)
        return rc;
    close_ctx c = { id, 0, lead_id, now_s, reason, true };
    return store_write(s, close_write, &c, err);
}

/* ---- reading --------------------------------------------------------------- */

#define ACTION_COLUMNS                                                                                           \
    "a.id, a.description, a.owner_id, m.name, a.due_day, a.status, coalesce(a.note, ''), a.origin,"              \
    " coalesce(a.learning_point_id, ''), coalesce(a.idea_id, 0),"                                                \
    " coalesce(i.title, CASE WHEN lp.what_happened <> '' THEN lp.what_happened ELSE lp.lesson END,"            \
    " CASE WHEN la.what_happened <> '' THEN la.what_happened ELSE la.lesson END, ''),"                           \
    " a.created_at, coalesce(a.closed_at, 0)"                                                                    \
    " FROM action a JOIN member m ON m.id = a.owner_id LEFT JOIN idea i ON i.id = a.idea_id"                     \
    " LEFT JOIN main.learning_point_signed lp ON lp.id = a.learning_point_id"                                  \
    " LEFT JOIN anon.learning_point_anon la ON la.id = a.learning_point_id" /* the two halves: store_anon.h */

static void read_row(sqlite3_stmt *st, store_action *a)
{
    memset(a, 0, sizeof *a);
    a->id = sqlite3_column_int64(st, 0);
    store_col_text(st, 1, a->description, sizeof a->description);
    a->owner_id = sqlite3_column_int64(st, 2);
    store_col_text(st, 3, a->owner_name, sizeof a->owner_name);
    store_col_text(st, 4, a->due_day, sizeof a->due_day);
    const char *status = (const char *)sqlite3_column_text(st, 5);
    a->status = strcmp(status, "done") == 0 ? ACTION_DONE : strcmp(status, "dropped") == 0 ? ACTION_DROPPED
                                                                                           : ACTION_OPEN;
    store_col_text(st, 6, a->note, sizeof a->note);
    const char *origin = (const char *)sqlite3_column_text(st, 7);
    a->origin = strcmp(origin, "idea") == 0       ? ACTION_FROM_IDEA
                : strcmp(origin, "dagstart") == 0 ? ACTION_FROM_DAGSTART
                                                  : ACTION_FROM_LEARNING_POINT;
    store_col_text(st, 8, a->learning_point_id, sizeof a->learning_point_id);
    a->idea_id = sqlite3_column_int64(st, 9);
    /* the learning point's text is up to 200 characters: keep what fits */
    const char *ctx = (const char *)sqlite3_column_text(st, 10);
    size_t n = strlen(ctx);
    if (n >= sizeof a->origin_text) {
        n = sizeof a->origin_text - 1;
        while (n > 0 && ((unsigned char)ctx[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(a->origin_text, ctx, n);
    a->origin_text[n] = '\0';
    a->created_at = sqlite3_column_int64(st, 11);
    a->closed_at = sqlite3_column_int64(st, 12);
}

vb_code store_action_get(store *s, int64_t id, store_action *out, vb_err *err)
{
    static const char sql[] = "SELECT " ACTION_COLUMNS " WHERE a.id = ?";
    sqlite3_stmt *st = stmt(s, sql, err);
    if (!st)
        return stmt_failed(err);
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        read_row(st, out);
    sqlite3_reset(st);
    if (rc == SQLITE_DONE)
        return vb_fail(err, VB_ERR_NOTFOUND, "action %lld does not exist", (long long)id);
    return rc == SQLITE_ROW ? VB_OK : store_fail(s, err, rc, "read the action");
}

vb_code store_action_list(store *s, int64_t owner_id, const char *today, store_action_filter filter, int limit,
                          store_action **out, int *count, vb_err *err)
{
    /* ?1 owner (0 = all), ?2 today, ?3 filter, ?4 limit */
    static const char sql[] =
        "SELECT " ACTION_COLUMNS
        " WHERE (?1 = 0 OR a.owner_id = ?1) AND CASE ?3"
        "  WHEN 0 THEN a.status = 'open'"
        "  WHEN 1 THEN a.status = 'open' AND a.due_day < ?2"
        "  WHEN 2 THEN a.status <> 'open'"
        "  ELSE 1 END"
        " ORDER BY a.status <> 'open',"
        "  CASE WHEN a.status = 'open' THEN a.due_day END,"
        "  CASE WHEN a.status <> 'open' THEN a.closed_at END DESC, a.id"
        " LIMIT ?4";
    *out = NULL;
    *count = 0;
    vb_day d;
    if (!today || !vb_day_parse(today, &d))
        return vb_fail(err, VB_ERR_INVALID, "today is not a day (YYYY-MM-DD)");
    if (limit <= 0 || limit > 500)
        limit = 500;
    sqlite3_stmt *st = stmt(s, sql, err);
    if (!st)
        return stmt_failed(err);
    sqlite3_bind_int64(st, 1, owner_id);
    sqlite3_bind_text(st, 2, today, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 3, (int)filter);
    sqlite3_bind_int(st, 4, limit);
    store_action *list = NULL;
    int n = 0, cap = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap) {
            int want = cap ? cap * 2 : 16;
            store_action *bigger = realloc(list, (size_t)want * sizeof *list);
            if (!bigger) {
                sqlite3_reset(st);
                free(list);
                return vb_fail(err, VB_ERR_NOMEM, "out of memory");
            }
            list = bigger;
            cap = want;
        }
        read_row(st, &list[n++]);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        free(list);
        return store_fail(s, err, rc, "list actions");
    }
    *out = list;
    *count = n;
    return VB_OK;
}

vb_code store_action_counts(store *s, int64_t owner_id, const char *today, int *open, int *overdue, vb_err *err)
{
    static const char sql[] =
        "SELECT count(*), coalesce(sum(due_day < ?2), 0) FROM action WHERE status = 'open' AND (?1 = 0 OR owner_id = ?1)";
    *open = *overdue = 0;
    sqlite3_stmt *st = stmt(s, sql, err);
    if (!st)
        return stmt_failed(err);
    sqlite3_bind_int64(st, 1, owner_id);
    sqlite3_bind_text(st, 2, today ? today : "", -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *open = sqlite3_column_int(st, 0);
        *overdue = sqlite3_column_int(st, 1);
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? VB_OK : store_fail(s, err, rc, "count actions");
}

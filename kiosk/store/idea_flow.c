/* idea_flow.c: the team lead's work on ideas and learning points in the
 * database (see store_idea_flow.h): status moves with feedback, merging
 * duplicates, hiding, approving for the wall, redaction and deletion for a
 * privacy request, and the backups that still hold a deleted text. */
#include "store_idea_flow.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "../core/utf8.h"
#include "store_audit.h"
#include "store_dagstart.h"
#include "store_internal.h"
#include "store_anon.h"

#define TEXT_BUF 4096 /* any text column here fits (500 characters of 4 bytes) */

/* The statement failed to prepare: err is filled by store_stmt. */
static vb_code no_stmt(vb_err *err)
{
    return err && err->code != VB_OK ? err->code : VB_ERR_INTERNAL;
}


static size_t chars_of(const char *text)
{
    return utf8_count(text, strlen(text));
}

/* Shortens valid UTF-8 text in place to at most max_chars characters. */
static void cut_chars(char *text, size_t max_chars)
{
    size_t len = strlen(text), pos = 0, n = 0;
    while (pos < len && n < max_chars) {
        pos = utf8_next(text, len, pos);
        n++;
    }
    text[pos] = '\0';
}

static bool lp_id_ok(const char *id)
{
    return id && strlen(id) == LP_ID_LEN;
}

/* ---- the workflow ---------------------------------------------------------- */

struct idea_state {
    idea_status status;
    bool has_first_feedback;
    bool hidden;
};

static vb_code read_idea_state(store *s, int64_t id, struct idea_state *out, vb_err *err)
{
    static const char sql[] = "SELECT status, first_feedback_at IS NOT NULL, hidden FROM idea WHERE id = ?";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return no_stmt(err);
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    vb_code code = VB_OK;
    if (rc == SQLITE_ROW) {
        out->status = IDEA_NEW;
        idea_status_parse((const char *)sqlite3_column_text(st, 0), &out->status);
        out->has_first_feedback = sqlite3_column_int(st, 1) != 0;
        out->hidden = sqlite3_column_int(st, 2) != 0;
    } else if (rc == SQLITE_DONE) {
        code = vb_fail(err, VB_ERR_NOTFOUND, "no idea %lld", (long long)id);
    } else {
        code = store_fail(s, err, rc, "read idea");
    }
    sqlite3_reset(st);
    return code;
}

static vb_code add_history(store *s, int64_t idea_id, idea_status from, idea_status to, const char *feedback,
                           int64_t lead_id, int64_t at, vb_err *err)
{
    static const char sql[] =
        "INSERT INTO idea_history (idea_id, from_status, to_status, feedback, member_id, at) VALUES (?, ?, ?, ?, ?, ?)";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return no_stmt(err);
    sqlite3_bind_int64(st, 1, idea_id);
    sqlite3_bind_text(st, 2, idea_status_code(from), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, idea_status_code(to), -1, SQLITE_STATIC);
    store_bind_text(st, 4, feedback);
    store_bind_id(st, 5, lead_id);
    sqlite3_bind_int64(st, 6, at);
    return store_step_done(s, st, err, "add idea history");
}

static vb_code audit_idea(store *s, int64_t lead_id, int64_t at, const char *action, int64_t idea_id,
                          const char *detail, vb_err *err)
{
    char subject[32];
    snprintf(subject, sizeof subject, "idea:%lld", (long long)idea_id);
    return store_audit_add_in_tx(s, lead_id, at, action, subject, detail, err);
}

static vb_code audit_lp(store *s, int64_t lead_id, int64_t at, const char *action, const char *lp_id,
                        const char *detail, vb_err *err)
{
    char subject[32];
    vb_fmt(subject, sizeof subject, "lp:%s", lp_id);
    return store_audit_add_in_tx(s, lead_id, at, action, subject, detail, err);
}

struct move_ctx {
    int64_t idea_id, lead_id, now_s;
    idea_status to;
    const char *feedback; /* trimmed, NULL = none */
    flow_verdict verdict;
};

static vb_code move_write(store *s, void *ctx, vb_err *err)
{
    static const char sql[] =
        "UPDATE idea SET status = ?2, status_changed_at = ?3, feedback = coalesce(?4, feedback),"
        " feedback_at = CASE WHEN ?4 IS NULL THEN feedback_at ELSE ?3 END,"
        " first_feedback_at = CASE WHEN ?4 IS NULL THEN first_feedback_at ELSE coalesce(first_feedback_at, ?3) END"
        " WHERE id = ?1";
    struct move_ctx *c = ctx;
    struct idea_state cur;
    vb_code rc = read_idea_state(s, c->idea_id, &cur, err);
    if (rc != VB_OK)
        return rc;
    c->verdict = flow_check_move((idea_status)cur.status, (idea_status)c->to, c->feedback);
    if (c->verdict != FLOW_OK)
        return vb_fail(err, VB_ERR_INVALID, "idea %lld: move %s -> %s refused (%s)", (long long)c->idea_id,
                       idea_status_code(cur.status), idea_status_code(c->to),
                       c->verdict == FLOW_REFUSED_NEEDS_FEEDBACK ? "feedback required"
                       : c->verdict == FLOW_REFUSED_NEEDS_REASON ? "a reason is required"
                       : c->verdict == FLOW_REFUSED_SAME         ? "already so"
                                                                 : "not an allowed move");
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return no_stmt(err);
    sqlite3_bind_int64(st, 1, c->idea_id);
    sqlite3_bind_text(st, 2, idea_status_code(c->to), -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, c->now_s);
    store_bind_text(st, 4, c->feedback);
    rc = store_step_done(s, st, err, "move idea");
    if (rc == VB_OK)
        rc = add_history(s, c->idea_id, cur.status, c->to, c->feedback, c->lead_id, c->now_s, err);
    if (rc != VB_OK)
        return rc;
    char detail[TEXT_BUF + 64];
    vb_fmt(detail, sizeof detail, "%s -> %s%s%s", idea_status_code(cur.status), idea_status_code(c->to),
           c->feedback ? ": " : "", c->feedback ? c->feedback : "");
    return audit_idea(s, c->lead_id, c->now_s, "idea_status", c->idea_id, detail, err);
}

vb_code store_idea_move_ex(store *s, int64_t idea_id, idea_status to, const char *feedback, int64_t lead_id,
                           int64_t now_s, flow_verdict *verdict, vb_err *err)
{
    if (verdict)
        *verdict = FLOW_OK;
    if ((unsigned)to >= IDEA_STATUS_COUNT)
        return vb_fail(err, VB_ERR_INVALID, "unknown idea status %d", (int)to);
    if (to == IDEA_DUPLICATE)
        return vb_fail(err, VB_ERR_INVALID, "an idea becomes a duplicate by merging it into another one");
    char text[TEXT_BUF];
    utf8_trim_copy(feedback, text, sizeof text);
    if (text[0]) {
        vb_code rc = store_dagstart_check_text(text, IDEA_FEEDBACK_MAX, true, "feedback", err);
        if (rc != VB_OK)
            return rc;
    }
    struct move_ctx c = { idea_id, lead_id, now_s, to, text[0] ? text : NULL, FLOW_OK };
    vb_code rc = store_write(s, move_write, &c, err);
    if (verdict)
        *verdict = c.verdict;
    return rc;
}

vb_code store_idea_move(store *s, int64_t idea_id, idea_status to, const char *feedback, int64_t lead_id,
                        int64_t now_s, vb_err *err)
{
    return store_idea_move_ex(s, idea_id, to, feedback, lead_id, now_s, NULL, err);
}

/* ---- merging duplicates -------------------------------------------------------- */

struct merge_ctx {
    int64_t dup, into, lead_id, now_s;
};

static vb_code count_query(store *s, const char *sql, int64_t a, int64_t b, int *out, vb_err *err)
{
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return no_stmt(err);
    sqlite3_bind_int64(st, 1, a);
    sqlite3_bind_int64(st, 2, b);
    int rc = sqlite3_step(st);
    *out = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? VB_OK : store_fail(s, err, rc, "count");
}

static vb_code merge_write(store *s, void *ctx, vb_err *err)
{
    static const char votes_sql[] = "SELECT count(*) FROM vote WHERE idea_id = ?1 AND ?2 IS NOT NULL";
    static const char both_sql[] =
        "SELECT count(*) FROM vote d WHERE d.idea_id = ?1"
        " AND EXISTS (SELECT 1 FROM vote v WHERE v.idea_id = ?2 AND v.member_id = d.member_id)";
    static const char move_sql[] =
        "INSERT OR IGNORE INTO vote (idea_id, member_id, at) SELECT ?2, member_id, at FROM vote WHERE idea_id = ?1";
    static const char drop_sql[] = "DELETE FROM vote WHERE idea_id = ?";
    static const char mark_sql[] =
        "UPDATE idea SET status = 'duplicate', merged_into = ?2, status_changed_at = ?3 WHERE id = ?1";
    struct merge_ctx *c = ctx;
    struct idea_state dup, into;
    vb_code rc = read_idea_state(s, c->dup, &dup, err);
    if (rc == VB_OK)
        rc = read_idea_state(s, c->into, &into, err);
    if (rc != VB_OK)
        return rc;
    if (!flow_move_allowed((idea_status)dup.status, IDEA_DUPLICATE))
        return vb_fail(err, VB_ERR_INVALID, "idea %lld (%s) cannot become a duplicate: only new ideas can",
                       (long long)c->dup, idea_status_code(dup.status));
    if (into.hidden || !idea_status_takes_votes(into.status))
        return vb_fail(err, VB_ERR_INVALID, "idea %lld (%s%s) cannot take the votes of a duplicate",
                       (long long)c->into, idea_status_code(into.status), into.hidden ? ", hidden" : "");
    int votes = 0, both = 0;
    rc = count_query(s, votes_sql, c->dup, c->into, &votes, err);
    if (rc == VB_OK)
        rc = count_query(s, both_sql, c->dup, c->into, &both, err);
    if (rc != VB_OK)
        return rc;

    sqlite3_stmt *st = store_stmt(s, move_sql, err);
    if (!st)
        return no_stmt(err);
    sqlite3_bind_int64(st, 1, c->dup);
    sqlite3_bind_int64(st, 2, c->into);
    rc = store_step_done(s, st, err, "move votes");
    if (rc != VB_OK)
        return rc;
    if (!(st = store_stmt(s, drop_sql, err)))
        return no_stmt(err);
    sqlite3_bind_int64(st, 1, c->dup);
    rc = store_step_done(s, st, err, "remove the duplicate's votes");
    if (rc != VB_OK)
        return rc;
    if (!(st = store_stmt(s, mark_sql, err)))
        return no_stmt(err);
    sqlite3_bind_int64(st, 1, c->dup);
    sqlite3_bind_int64(st, 2, c->into);
    sqlite3_bind_int64(st, 3, c->now_s);
    rc = store_step_done(s, st, err, "mark the duplicate");
    if (rc == VB_OK)
        rc = add_history(s, c->dup, dup.status, IDEA_DUPLICATE, NULL, c->lead_id, c->now_s, err);
    if (rc != VB_OK)
        return rc;
    char detail[200];
    vb_fmt(detail, sizeof detail, "%s -> duplicate: merged into idea:%lld, %d votes moved, %d counted once",
           idea_status_code(dup.status), (long long)c->into, votes - both, both);
    return audit_idea(s, c->lead_id, c->now_s, "idea_merge", c->dup, detail, err);
}

vb_code store_idea_merge(store *s, int64_t duplicate_id, int64_t into_id, int64_t lead_id, int64_t now_s,
                         vb_err *err)
{
    if (duplicate_id == into_id)
        return vb_fail(err, VB_ERR_INVALID, "an idea cannot be merged into itself");
    struct merge_ctx c = { duplicate_id, into_id, lead_id, now_s };
    return store_write(s, merge_write, &c, err);
}

/* ---- hiding and the wall ---------------------------------------------------------- */

struct flag_ctx {
    int64_t idea_id;   /* an idea, or */
    const char *lp_id; /* a learning point */
    const char *sql;   /* UPDATE ... SET <flag> = ?2 WHERE <key> = ?1 AND <flag> <> ?2 */
    const char *exists_sql;
    bool on;
    const char *action_on, *action_off;
    int64_t lead_id, now_s;
};

static vb_code flag_write(store *s, void *ctx, vb_err *err)
{
    struct flag_ctx *c = ctx;
    sqlite3_stmt *st = store_stmt(s, c->exists_sql, err);
    if (!st)
        return no_stmt(err);
    if (c->lp_id)
        sqlite3_bind_text(st, 1, c->lp_id, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_int64(st, 1, c->idea_id);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc == SQLITE_DONE)
        return c->lp_id ? vb_fail(err, VB_ERR_NOTFOUND, "no learning point %s", c->lp_id)
                        : vb_fail(err, VB_ERR_NOTFOUND, "no idea %lld", (long long)c->idea_id);
    if (rc != SQLITE_ROW)
        return store_fail(s, err, rc, "look up");
    if (!(st = store_stmt(s, c->sql, err)))
        return no_stmt(err);
    if (c->lp_id)
        sqlite3_bind_text(st, 1, c->lp_id, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_int64(st, 1, c->idea_id);
    sqlite3_bind_int(st, 2, c->on ? 1 : 0);
    /* Counted with the triggers' rows: learning_point is a view (store_anon.h). */
    sqlite3_int64 before = sqlite3_total_changes64(s->db);
    vb_code code = store_step_done(s, st, err, c->action_on);
    if (code != VB_OK || sqlite3_total_changes64(s->db) == before)
        return code; /* already so: nothing to audit */
    const char *action = c->on ? c->action_on : c->action_off;
    return c->lp_id ? audit_lp(s, c->lead_id, c->now_s, action, c->lp_id, "", err)
                    : audit_idea(s, c->lead_id, c->now_s, action, c->idea_id, "", err);
}

vb_code store_idea_set_hidden(store *s, int64_t idea_id, bool hidden, int64_t lead_id, int64_t now_s,
                              vb_err *err)
{
    static const char sql[] = "UPDATE idea SET hidden = ?2 WHERE id = ?1 AND hidden <> ?2";
    static const char exists_sql[] = "SELECT 1 FROM idea WHERE id = ?";
    struct flag_ctx c = { idea_id, NULL, sql, exists_sql, hidden, "idea_hide", "idea_unhide", lead_id, now_s };
    return store_write(s, flag_write, &c, err);
}

vb_code store_lp_set_hidden(store *s, const char *lp_id, bool hidden, int64_t lead_id, int64_t now_s, vb_err *err)
{
    static const char sql[] = "UPDATE learning_point SET hidden = ?2 WHERE id = ?1 AND hidden <> ?2";
    static const char exists_sql[] = "SELECT 1 FROM learning_point WHERE id = ?";
    if (!lp_id_ok(lp_id))
        return vb_fail(err, VB_ERR_INVALID, "not a learning point id");
    struct flag_ctx c = { 0, lp_id, sql, exists_sql, hidden, "lp_hide", "lp_unhide", lead_id, now_s };
    return store_write(s, flag_write, &c, err);
}

vb_code store_lp_set_wall(store *s, const char *lp_id, bool approved, int64_t lead_id, int64_t now_s,
                          vb_err *err)
{
    static const char sql[] = "UPDATE learning_point SET wall_approved = ?2 WHERE id = ?1 AND wall_approved <> ?2";
    static const char exists_sql[] = "SELECT 1 FROM learning_point WHERE id = ?";
    if (!lp_id_ok(lp_id))
        return vb_fail(err, VB_ERR_INVALID, "not a learning point id");
    struct flag_ctx c = { 0, lp_id, sql, exists_sql, approved, "lp_wall_approve", "lp_wall_withdraw", lead_id,
                          now_s };
    return store_write(s, flag_write, &c, err);
}

vb_code store_ideas_hidden(store *s, idea_row *out, int max, int *n, vb_err *err)
{
    static const char sql[] =
        "SELECT id, title, status, vote_count, created_at, category_id, coalesce(feedback, '') FROM idea"
        " WHERE hidden = 1 ORDER BY created_at DESC, id DESC LIMIT ?";
    *n = 0;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return no_stmt(err);
    sqlite3_bind_int(st, 1, max);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < max) {
        idea_row *r = &out[(*n)++];
        memset(r, 0, sizeof *r);
        r->id = sqlite3_column_int64(st, 0);
        store_col_text(st, 1, r->title, sizeof r->title);
        idea_status_parse((const char *)sqlite3_column_text(st, 2), &r->status);
        r->vote_count = sqlite3_column_int(st, 3);
        r->created_at = sqlite3_column_int64(st, 4);
        r->category_id = sqlite3_column_int64(st, 5);
        store_col_text(st, 6, r->feedback, sizeof r->feedback);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return store_fail(s, err, rc, "hidden ideas");
    return VB_OK;
}

static vb_code count_plain(store *s, const char *sql, int *out, vb_err *err)
{
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return no_stmt(err);
    int rc = sqlite3_step(st);
    *out = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? VB_OK : store_fail(s, err, rc, "count");
}

vb_code store_ideas_hidden_count(store *s, int *out, vb_err *err)
{
    static const char sql[] = "SELECT count(*) FROM idea WHERE hidden = 1";
    return count_plain(s, sql, out, err);
}

vb_code store_lps_hidden_count(store *s, int *out, vb_err *err)
{
    static const char sql[] = "SELECT count(*) FROM main.learning_point_state WHERE hidden = 1";
    return count_plain(s, sql, out, err);
}

#define LP_MOD_COLUMNS                                                                                    \
    "lp.id, lp.day, c.code, coalesce(c.label, ''), lp.what_happened, lp.lesson, lp.member_id IS NULL,"    \
    " lp.hidden, lp.wall_approved FROM learning_point lp JOIN category c ON c.id = lp.category_id"

static void read_lp(sqlite3_stmt *st, lp_moderation *out)
{
    memset(out, 0, sizeof *out);
    store_col_text(st, 0, out->id, sizeof out->id);
    store_col_text(st, 1, out->day, sizeof out->day);
    store_col_text(st, 2, out->category_code, sizeof out->category_code);
    store_col_text(st, 3, out->category_label, sizeof out->category_label);
    store_col_text(st, 4, out->what_happened, sizeof out->what_happened);
    store_col_text(st, 5, out->lesson, sizeof out->lesson);
    out->anonymous = sqlite3_column_int(st, 6) != 0;
    out->hidden = sqlite3_column_int(st, 7) != 0;
    out->wall_approved = sqlite3_column_int(st, 8) != 0;
}

vb_code store_lp_moderation_get(store *s, const char *lp_id, lp_moderation *out, vb_err *err)
{
    static const char sql[] = "SELECT " LP_MOD_COLUMNS " WHERE lp.id = ?";
    memset(out, 0, sizeof *out);
    if (!lp_id_ok(lp_id))
        return vb_fail(err, VB_ERR_NOTFOUND, "no learning point %s", lp_id ? lp_id : "(none)");
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return no_stmt(err);
    sqlite3_bind_text(st, 1, lp_id, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        read_lp(st, out);
    sqlite3_reset(st);
    if (rc == SQLITE_DONE)
        return vb_fail(err, VB_ERR_NOTFOUND, "no learning point %s", lp_id);
    return rc == SQLITE_ROW ? VB_OK : store_fail(s, err, rc, "read learning point");
}

vb_code store_lps_hidden(store *s, lp_moderation *out, int max, int *n, vb_err *err)
{
    static const char sql[] = "SELECT " LP_MOD_COLUMNS " WHERE lp.hidden = 1 ORDER BY lp.day DESC, lp.id LIMIT ?";
    *n = 0;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return no_stmt(err);
    sqlite3_bind_int(st, 1, max);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < max)
        read_lp(st, &out[(*n)++]);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return store_fail(s, err, rc, "hidden learning points");
    return VB_OK;
}

/* ---- removing text for good ---------------------------------------------------------- */

/* Merges the idea search index into one segment. An FTS5 delete (3.40 has
 * no 'secure-delete' option) only adds a delete marker; the old segment
 * keeps the deleted terms until a merge drops them. Merging everything
 * drops them now; with secure_delete the old segments' pages are zeroed. */
static vb_code search_index_merge(store *s, vb_err *err)
{
    static const char main_sql[] = "INSERT INTO main.idea_search (idea_search) VALUES ('optimize')";
    /* the anonymous ideas' index, in the anon file (store_anon.h) */
    static const char anon_sql[] = "INSERT INTO anon.idea_anon_search (idea_anon_search) VALUES ('optimize')";
    vb_code code = VB_OK;
    for (int i = 0; i < (s->anon_attached ? 2 : 1) && code == VB_OK; i++) {
        STORE_STMT_OR_RETURN(st, s, i ? anon_sql : main_sql, err);
        code = store_step_done(s, st, err, "merge the idea search index");
    }
    return code;
}

/* The whole point of redaction and deletion depends on it: store_open
 * sets it, this makes sure (it is per connection). */
static vb_code ensure_secure_delete(store *s, vb_err *err)
{
    int rc = sqlite3_exec(s->db, "PRAGMA secure_delete = ON", NULL, NULL, NULL);
    return rc == SQLITE_OK ? VB_OK : store_fail(s, err, rc, "secure_delete");
}


/* The change is committed: a clean-up that cannot finish now (a reader, a
 * busy or failing disk) leaves the job to the app's loop (app_privacy_job)
 * and *wal_cleared false; it never turns the committed change into a
 * failure. */
static vb_code flush_after(store *s, bool *wal_cleared)
{
    vb_err ignored;
    vb_err_clear(&ignored);
    if (store_privacy_flush(s, wal_cleared, &ignored) != VB_OK && wal_cleared)
        *wal_cleared = false;
    return VB_OK;
}

/* Replaces part (flow_redact) in a text column of rows that were copied
 * from the entry: actions that came from it (their description starts as
 * its title or lesson), and audit rows about it or about such an action
 * ('action_add' says "from idea:12 ...: <description>"). text_sql selects
 * (key, text) rows; update_sql sets ?2 where the key is ?1. max_chars is
 * the column's limit. Adds the number of rows changed to *changed. */
static vb_code scrub_rows(store *s, const char *text_sql, const char *update_sql, const char *key, int64_t key_id,
                          const char *pattern, const char *part, size_t max_chars, int *changed, vb_err *err)
{
    typedef struct { int64_t id; char text[TEXT_BUF]; } row;
    row *rows = NULL;
    int n = 0, cap = 0;
    sqlite3_stmt *st = store_stmt(s, text_sql, err);
    if (!st)
        return no_stmt(err);
    if (key)
        sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_int64(st, 1, key_id);
    if (pattern)
        sqlite3_bind_text(st, 2, pattern, -1, SQLITE_TRANSIENT);
    int rc;
    vb_code code = VB_OK;
    char out[TEXT_BUF];
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(st, 1);
        if (flow_redact(t, part, out, sizeof out) <= 0)
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 8;
            row *more = realloc(rows, (size_t)cap * sizeof *rows);
            if (!more) {
                code = vb_fail(err, VB_ERR_NOMEM, "out of memory");
                break;
            }
            rows = more;
        }
        rows[n].id = sqlite3_column_int64(st, 0);
        cut_chars(out, max_chars);
        utf8_copy(out, rows[n].text, sizeof rows[n].text);
        n++;
    }
    sqlite3_reset(st);
    if (code == VB_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
        code = store_fail(s, err, rc, "read copies of the text");
    for (int i = 0; i < n && code == VB_OK; i++) {
        if (!(st = store_stmt(s, update_sql, err))) {
            code = no_stmt(err);
            break;
        }
        sqlite3_bind_int64(st, 1, rows[i].id);
        sqlite3_bind_text(st, 2, rows[i].text, -1, SQLITE_TRANSIENT);
        code = store_step_done(s, st, err, "rewrite a copy of the text");
    }
    free(rows);
    if (code == VB_OK && changed)
        *changed += n;
    return code;
}

/* The copies of an entry's text in other rows (see scrub_rows). */
static vb_code scrub_copies(store *s, int64_t idea_id, const char *lp_id, const char *part, int *changed,
                            vb_err *err)
{
    static const char idea_actions_sql[] = "SELECT id, description FROM action WHERE idea_id = ?1";
    static const char lp_actions_sql[] = "SELECT id, description FROM action WHERE learning_point_id = ?1";
    static const char action_update_sql[] = "UPDATE action SET description = ?2 WHERE id = ?1";
    static const char audit_sql[] = "SELECT id, detail FROM audit_log WHERE subject = ?1 OR detail LIKE ?2";
    static const char audit_update_sql[] = "UPDATE audit_log SET detail = ?2 WHERE id = ?1";
    if (!flow_text_present(part))
        return VB_OK;
    char subject[32], pattern[48];
    if (lp_id) {
        vb_fmt(subject, sizeof subject, "lp:%s", lp_id);
        vb_fmt(pattern, sizeof pattern, "from lp:%s %%", lp_id);
    } else {
        snprintf(subject, sizeof subject, "idea:%lld", (long long)idea_id);
        snprintf(pattern, sizeof pattern, "from idea:%lld %%", (long long)idea_id);
    }
    vb_code rc = lp_id ? scrub_rows(s, lp_actions_sql, action_update_sql, lp_id, 0, NULL, part, ACTION_TEXT_MAX,
                                    changed, err)
                       : scrub_rows(s, idea_actions_sql, action_update_sql, NULL, idea_id, NULL, part,
                                    ACTION_TEXT_MAX, changed, err);
    if (rc == VB_OK)
        rc = scrub_rows(s, audit_sql, audit_update_sql, subject, 0, pattern, part, AUDIT_DETAIL_MAX, changed, err);
    return rc;
}

/* Before a deletion: earlier audit rows about the entry keep who did what
 * and when, but not the texts they quoted: an idea's status moves keep
 * "<from> -> <to>" without the feedback; every other row about it loses
 * its detail, except the text-free rows of this file. */
static vb_code blank_audit_texts(store *s, const char *subject, vb_err *err)
{
    static const char sql[] =
        "UPDATE audit_log SET detail = CASE"
        " WHEN action = 'idea_status' AND instr(detail, ': ') > 0 THEN substr(detail, 1, instr(detail, ': ') - 1)"
        " WHEN action IN ('idea_merge', 'idea_hide', 'idea_unhide', 'idea_redact', 'lp_hide', 'lp_unhide',"
        "  'lp_wall_approve', 'lp_wall_withdraw', 'lp_redact') THEN detail"
        " ELSE '' END WHERE subject = ?";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return no_stmt(err);
    sqlite3_bind_text(st, 1, subject, -1, SQLITE_TRANSIENT);
    return store_step_done(s, st, err, "remove texts from the audit log");
}

static const char *field_name(redact_field f)
{
    switch (f) {
    case REDACT_IDEA_TITLE: return "title";
    case REDACT_IDEA_DESCRIPTION: return "description";
    case REDACT_LP_WHAT: return "what happened";
    case REDACT_LP_LESSON: return "lesson";
    }
    return "?";
}

struct redact_ctx {
    int64_t idea_id;
    const char *lp_id;
    redact_field field;
    const char *part;
    int64_t lead_id, now_s;
    int replaced;
    /* An anonymous point's text lives in the other file, and two files do
     * not commit together: its text is redacted in a commit of its own
     * (REDACT_TEXT), then the copies and the audit (REDACT_REST). */
    enum { REDACT_ALL, REDACT_TEXT, REDACT_REST } phase;
};

/* The search index row of an idea with the same part redacted in its
 * folded text (fold works character by character, so folding the redacted
 * text equals redacting the folded part in the folded text). */
static vb_code redact_search_row(store *s, int64_t idea_id, const char *part, bool anon, vb_err *err)
{
    /* an anonymous idea's text is indexed in the anon file (store_anon.h) */
    static const char read_sql[] = "SELECT folded FROM main.idea_search WHERE rowid = ?";
    static const char del_sql[] = "DELETE FROM main.idea_search WHERE rowid = ?";
    static const char add_sql[] = "INSERT INTO main.idea_search (rowid, folded) VALUES (?, ?)";
    static const char anon_read_sql[] = "SELECT folded FROM anon.idea_anon_search WHERE rowid = ?";
    static const char anon_del_sql[] = "DELETE FROM anon.idea_anon_search WHERE rowid = ?";
    static const char anon_add_sql[] = "INSERT INTO anon.idea_anon_search (rowid, folded) VALUES (?, ?)";
    char old[TEXT_BUF], folded_part[TEXT_BUF], mark[32], out[TEXT_BUF + 256];
    sqlite3_stmt *st = store_stmt(s, anon ? anon_read_sql : read_sql, err);
    if (!st)
        return no_stmt(err);
    sqlite3_bind_int64(st, 1, idea_id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        store_col_text(st, 0, old, sizeof old);
    sqlite3_reset(st);
    if (rc == SQLITE_DONE)
        return VB_OK; /* not indexed: nothing to change */
    if (rc != SQLITE_ROW)
        return store_fail(s, err, rc, "read the search index");
    utf8_fold(part, strlen(part), folded_part, sizeof folded_part);
    utf8_fold(FLOW_REDACTED, strlen(FLOW_REDACTED), mark, sizeof mark);
    /* flow_redact writes FLOW_REDACTED; the index holds its folded form */
    char tmp[TEXT_BUF + 256];
    int n = flow_redact(old, folded_part, tmp, sizeof tmp);
    if (n < 0)
        return vb_fail(err, VB_ERR_INVALID, "the redacted search text does not fit");
    size_t o = 0, ml = strlen(FLOW_REDACTED), fl = strlen(mark);
    for (const char *t = tmp; *t && o + fl + 1 < sizeof out;) {
        if (strncmp(t, FLOW_REDACTED, ml) == 0) {
            memcpy(out + o, mark, fl);
            o += fl;
            t += ml;
        } else {
            out[o++] = *t++;
        }
    }
    out[o] = '\0';
    if (!(st = store_stmt(s, anon ? anon_del_sql : del_sql, err)))
        return no_stmt(err);
    sqlite3_bind_int64(st, 1, idea_id);
    vb_code code = store_step_done(s, st, err, "remove the old search text");
    if (code != VB_OK)
        return code;
    if (!(st = store_stmt(s, anon ? anon_add_sql : add_sql, err)))
        return no_stmt(err);
    sqlite3_bind_int64(st, 1, idea_id);
    sqlite3_bind_text(st, 2, out, -1, SQLITE_TRANSIENT);
    return store_step_done(s, st, err, "index the redacted text");
}

static vb_code redact_write(store *s, void *ctx, vb_err *err)
{
    static const char idea_sql[] = "SELECT title, description FROM idea WHERE id = ?";
    static const char lp_sql[] = "SELECT what_happened, lesson FROM learning_point WHERE id = ?";
    static const char title_sql[] = "UPDATE idea SET title = ?2 WHERE id = ?1";
    static const char desc_sql[] = "UPDATE idea SET description = ?2 WHERE id = ?1";
    static const char what_sql[] = "UPDATE learning_point SET what_happened = ?2 WHERE id = ?1";
    static const char lesson_sql[] = "UPDATE learning_point SET lesson = ?2 WHERE id = ?1";
    struct redact_ctx *c = ctx;
    bool idea = c->lp_id == NULL;
    if (c->phase == REDACT_REST)
        goto copies;
    char text[TEXT_BUF];
    sqlite3_stmt *st = store_stmt(s, idea ? idea_sql : lp_sql, err);
    if (!st)
        return no_stmt(err);
    if (idea)
        sqlite3_bind_int64(st, 1, c->idea_id);
    else
        sqlite3_bind_text(st, 1, c->lp_id, -1, SQLITE_TRANSIENT);
    int col = (c->field == REDACT_IDEA_DESCRIPTION || c->field == REDACT_LP_LESSON) ? 1 : 0;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        store_col_text(st, col, text, sizeof text);
    sqlite3_reset(st);
    if (rc == SQLITE_DONE)
        return idea ? vb_fail(err, VB_ERR_NOTFOUND, "no idea %lld", (long long)c->idea_id)
                    : vb_fail(err, VB_ERR_NOTFOUND, "no learning point %s", c->lp_id);
    if (rc != SQLITE_ROW)
        return store_fail(s, err, rc, "read the text to redact");

    char out[TEXT_BUF];
    int n = flow_redact(text, c->part, out, sizeof out);
    if (n < 0)
        return vb_fail(err, VB_ERR_INVALID, "the redacted %s would be too long", field_name(c->field));
    if (n == 0)
        return vb_fail(err, VB_ERR_NOTFOUND, "the %s does not contain that part", field_name(c->field));
    size_t max = c->field == REDACT_IDEA_TITLE ? IDEA_TITLE_MAX
                 : c->field == REDACT_IDEA_DESCRIPTION ? IDEA_DESC_MAX
                                                       : LP_TEXT_MAX_CHARS;
    if (chars_of(out) > max)
        return vb_fail(err, VB_ERR_INVALID, "the redacted %s would be longer than %zu characters",
                       field_name(c->field), max);
    const char *update = c->field == REDACT_IDEA_TITLE         ? title_sql
                         : c->field == REDACT_IDEA_DESCRIPTION ? desc_sql
                         : c->field == REDACT_LP_WHAT          ? what_sql
                                                               : lesson_sql;
    if (!(st = store_stmt(s, update, err)))
        return no_stmt(err);
    if (idea)
        sqlite3_bind_int64(st, 1, c->idea_id);
    else
        sqlite3_bind_text(st, 1, c->lp_id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, out, -1, SQLITE_TRANSIENT);
    vb_code code = store_step_done(s, st, err, "write the redacted text");
    if (code == VB_OK && idea)
        code = redact_search_row(s, c->idea_id, c->part, false, err);
    if (code == VB_OK && idea && s->anon_attached)
        code = redact_search_row(s, c->idea_id, c->part, true, err);
    c->replaced = n;
    if (code != VB_OK || c->phase == REDACT_TEXT)
        return code;
copies:;
    /* (reached with the text written, or straight for REDACT_REST) */
    int copies = 0;
    vb_code rest = scrub_copies(s, c->idea_id, c->lp_id, c->part, &copies, err);
    if (rest != VB_OK)
        return rest;
    int n_replaced = c->replaced;
    char detail[160];
    vb_fmt(detail, sizeof detail, "%s: %d %s replaced by %s%s", field_name(c->field), n_replaced,
           n_replaced == 1 ? "part" : "parts",
           FLOW_REDACTED, copies ? ", also in copies (actions, audit)" : "");
    rest = idea ? audit_idea(s, c->lead_id, c->now_s, "idea_redact", c->idea_id, detail, err)
                : audit_lp(s, c->lead_id, c->now_s, "lp_redact", c->lp_id, detail, err);
    if (rest == VB_OK)
        rest = store_privacy_mark(s, err);
    if (rest == VB_OK && idea)
        rest = search_index_merge(s, err);
    return rest;
}

/* Whether the learning point lp_id, or else the idea idea_id, is anonymous
 * (its text in the anon file). */
static vb_code is_anonymous(store *s, const char *lp_id, int64_t idea_id, bool *out, vb_err *err)
{
    static const char lp_sql[] = "SELECT 1 FROM anon.learning_point_anon WHERE id = ?";
    static const char idea_sql[] = "SELECT 1 FROM anon.idea_anon WHERE id = ?";
    *out = false;
    if (!s->anon_attached)
        return VB_OK;
    STORE_STMT_OR_RETURN(st, s, lp_id ? lp_sql : idea_sql, err);
    if (lp_id)
        sqlite3_bind_text(st, 1, lp_id, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_int64(st, 1, idea_id);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return store_fail(s, err, rc, "look up the entry");
    *out = rc == SQLITE_ROW;
    return VB_OK;
}

static vb_code redact_run(store *s, struct redact_ctx *c, int *replaced, bool *wal_cleared, vb_err *err)
{
    if (replaced)
        *replaced = 0;
    if (wal_cleared)
        *wal_cleared = false;
    if (!c->part || !flow_text_present(c->part))
        return vb_fail(err, VB_ERR_INVALID, "no part to redact given");
    if (!utf8_valid(c->part, strlen(c->part), true))
        return vb_fail(err, VB_ERR_INVALID, "the part to redact is not valid text");
    vb_code rc = ensure_secure_delete(s, err);
    bool anonymous = false;
    if (rc == VB_OK)
        rc = is_anonymous(s, c->lp_id, c->idea_id, &anonymous, err);
    if (rc == VB_OK && anonymous) {
        /* the text first: if this commit fails, nothing says it was redacted */
        c->phase = REDACT_TEXT;
        rc = store_write(s, redact_write, c, err);
        if (rc == VB_OK) {
            c->phase = REDACT_REST;
            rc = store_write(s, redact_write, c, err);
        }
    } else if (rc == VB_OK) {
        rc = store_write(s, redact_write, c, err);
    }
    if (rc != VB_OK)
        return rc;
    if (replaced)
        *replaced = c->replaced;
    return flush_after(s, wal_cleared);
}

vb_code store_idea_redact(store *s, int64_t idea_id, redact_field field, const char *part, int64_t lead_id,
                          int64_t now_s, int *replaced, bool *wal_cleared, vb_err *err)
{
    if (field != REDACT_IDEA_TITLE && field != REDACT_IDEA_DESCRIPTION)
        return vb_fail(err, VB_ERR_INVALID, "an idea has a title and a description");
    struct redact_ctx c = { idea_id, NULL, field, part, lead_id, now_s, 0, REDACT_ALL };
    return redact_run(s, &c, replaced, wal_cleared, err);
}

vb_code store_lp_redact(store *s, const char *lp_id, redact_field field, const char *part, int64_t lead_id,
                        int64_t now_s, int *replaced, bool *wal_cleared, vb_err *err)
{
    if (field != REDACT_LP_WHAT && field != REDACT_LP_LESSON)
        return vb_fail(err, VB_ERR_INVALID, "a learning point has 'what happened' and a lesson");
    if (!lp_id_ok(lp_id))
        return vb_fail(err, VB_ERR_NOTFOUND, "no learning point %s", lp_id ? lp_id : "(none)");
    struct redact_ctx c = { 0, lp_id, field, part, lead_id, now_s, 0, REDACT_ALL };
    return redact_run(s, &c, replaced, wal_cleared, err);
}

/* ---- deletion for a privacy request --------------------------------------------------- */

struct delete_ctx {
    int64_t idea_id;
    const char *lp_id;
    int64_t lead_id, now_s;
};

static vb_code delete_idea_write(store *s, void *ctx, vb_err *err)
{
    static const char read_sql[] =
        "SELECT title, description, (SELECT count(*) FROM vote WHERE idea_id = ?1),"
        " (SELECT count(*) FROM idea_history WHERE idea_id = ?1) FROM idea WHERE id = ?1";
    static const char unlink_sql[] = "UPDATE idea SET merged_into = NULL WHERE merged_into = ?";
    static const char search_sql[] = "DELETE FROM idea_search WHERE rowid = ?";
    static const char delete_sql[] = "DELETE FROM idea WHERE id = ?";
    struct delete_ctx *c = ctx;
    char title[TEXT_BUF], desc[TEXT_BUF];
    int votes = 0, steps = 0;
    sqlite3_stmt *st = store_stmt(s, read_sql, err);
    if (!st)
        return no_stmt(err);
    sqlite3_bind_int64(st, 1, c->idea_id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        store_col_text(st, 0, title, sizeof title);
        store_col_text(st, 1, desc, sizeof desc);
        votes = sqlite3_column_int(st, 2);
        steps = sqlite3_column_int(st, 3);
    }
    sqlite3_reset(st);
    if (rc == SQLITE_DONE)
        return vb_fail(err, VB_ERR_NOTFOUND, "no idea %lld", (long long)c->idea_id);
    if (rc != SQLITE_ROW)
        return store_fail(s, err, rc, "read the idea to delete");

    char subject[32];
    snprintf(subject, sizeof subject, "idea:%lld", (long long)c->idea_id);
    int copies = 0;
    vb_code code = scrub_copies(s, c->idea_id, NULL, title, &copies, err);
    if (code == VB_OK)
        code = scrub_copies(s, c->idea_id, NULL, desc, &copies, err);
    if (code == VB_OK)
        code = blank_audit_texts(s, subject, err);
    const char *const steps_sql[] = { unlink_sql, search_sql, delete_sql };
    const char *const what[] = { "unlink merged ideas", "remove from the search index", "delete the idea" };
    for (int i = 0; i < 3 && code == VB_OK; i++) {
        if (!(st = store_stmt(s, steps_sql[i], err)))
            return no_stmt(err);
        sqlite3_bind_int64(st, 1, c->idea_id);
        code = store_step_done(s, st, err, what[i]);
    }
    if (code != VB_OK)
        return code;
    char detail[200];
    vb_fmt(detail, sizeof detail, "deleted for a privacy request, with %d votes and %d history steps%s", votes,
           steps, copies ? "; its text removed from copies (actions, audit)" : "");
    code = audit_idea(s, c->lead_id, c->now_s, "idea_delete", c->idea_id, detail, err);
    if (code == VB_OK)
        code = search_index_merge(s, err);
    if (code == VB_OK)
        code = store_privacy_mark(s, err);
    return code;
}

static vb_code delete_lp_write(store *s, void *ctx, vb_err *err)
{
    static const char read_sql[] =
        "SELECT what_happened, lesson, (SELECT count(*) FROM learning_point_metoo WHERE learning_point_id = ?1)"
        " FROM learning_point WHERE id = ?1";
    static const char delete_sql[] = "DELETE FROM learning_point WHERE id = ?";
    struct delete_ctx *c = ctx;
    char what[TEXT_BUF], lesson[TEXT_BUF];
    int metoo = 0;
    sqlite3_stmt *st = store_stmt(s, read_sql, err);
    if (!st)
        return no_stmt(err);
    sqlite3_bind_text(st, 1, c->lp_id, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        store_col_text(st, 0, what, sizeof what);
        store_col_text(st, 1, lesson, sizeof lesson);
        metoo = sqlite3_column_int(st, 2);
    }
    sqlite3_reset(st);
    if (rc == SQLITE_DONE)
        return vb_fail(err, VB_ERR_NOTFOUND, "no learning point %s", c->lp_id);
    if (rc != SQLITE_ROW)
        return store_fail(s, err, rc, "read the learning point to delete");
    char subject[32];
    vb_fmt(subject, sizeof subject, "lp:%s", c->lp_id);
    int copies = 0;
    vb_code code = scrub_copies(s, 0, c->lp_id, what, &copies, err);
    if (code == VB_OK)
        code = scrub_copies(s, 0, c->lp_id, lesson, &copies, err);
    if (code == VB_OK)
        code = blank_audit_texts(s, subject, err);
    if (code != VB_OK)
        return code;
    if (!(st = store_stmt(s, delete_sql, err)))
        return no_stmt(err);
    sqlite3_bind_text(st, 1, c->lp_id, -1, SQLITE_TRANSIENT);
    code = store_step_done(s, st, err, "delete the learning point");
    if (code != VB_OK)
        return code;
    char detail[200];
    vb_fmt(detail, sizeof detail, "deleted for a privacy request, with %d \"me too\"%s", metoo,
           copies ? "; its text removed from copies (actions, audit)" : "");
    code = audit_lp(s, c->lead_id, c->now_s, "lp_delete", c->lp_id, detail, err);
    return code == VB_OK ? store_privacy_mark(s, err) : code;
}

static vb_code delete_run(store *s, store_write_fn fn, struct delete_ctx *c, bool *wal_cleared, vb_err *err)
{
    if (wal_cleared)
        *wal_cleared = false;
    vb_code rc = ensure_secure_delete(s, err);
    if (rc == VB_OK)
        rc = store_write(s, fn, c, err);
    if (rc != VB_OK)
        return rc;
    return flush_after(s, wal_cleared);
}

vb_code store_idea_delete(store *s, int64_t idea_id, int64_t lead_id, int64_t now_s, bool *wal_cleared,
                          vb_err *err)
{
    struct delete_ctx c = { idea_id, NULL, lead_id, now_s };
    return delete_run(s, delete_idea_write, &c, wal_cleared, err);
}

vb_code store_lp_delete(store *s, const char *lp_id, int64_t lead_id, int64_t now_s, bool *wal_cleared,
                        vb_err *err)
{
    if (wal_cleared)
        *wal_cleared = false;
    if (!lp_id_ok(lp_id))
        return vb_fail(err, VB_ERR_NOTFOUND, "no learning point %s", lp_id ? lp_id : "(none)");
    struct delete_ctx c = { 0, lp_id, lead_id, now_s };
    return delete_run(s, delete_lp_write, &c, wal_cleared, err);
}

/* ---- backups ----------------------------------------------------------------------------- */

/* "YYYYmmdd-HHMMSS" at s (local time) to unix seconds; -1 when it is not. */
static int64_t parse_stamp(const char *s, const char **end)
{
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    int used = 0;
    if (sscanf(s, "%4d%2d%2d-%2d%2d%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min,
               &tm.tm_sec, &used) != 6 || used != 15)
        return -1;
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    tm.tm_isdst = -1;
    time_t t = mktime(&tm);
    if (t == (time_t)-1)
        return -1;
    *end = s + used;
    return (int64_t)t;
}

typedef struct backup_list {
    store_backup *items;
    int n, cap;
} backup_list;

static bool list_add(backup_list *l, const char *dir, const char *name, int64_t taken, int64_t expires)
{
    if (l->n == l->cap) {
        int cap = l->cap ? l->cap * 2 : 16;
        store_backup *more = realloc(l->items, (size_t)cap * sizeof *more);
        if (!more)
            return false;
        l->items = more;
        l->cap = cap;
    }
    store_backup *b = &l->items[l->n];
    if (!vb_fmt(b->path, sizeof b->path, "%s/%s", dir, name))
        return true; /* a cut path would name another file: not listed */
    l->n++;
    b->taken_s = taken;
    b->expires_s = expires;
    return true;
}

static int by_time(const void *x, const void *y)
{
    const store_backup *a = x, *b = y;
    return a->taken_s < b->taken_s ? -1 : a->taken_s > b->taken_s ? 1 : strcmp(a->path, b->path);
}

/* Adds the files of dir named prefix + stamp + suffix (stamp
 * "YYYYmmdd-HHMMSS"; with any_version, prefix is followed by a version
 * number and '-' first: "<db>.v3-<stamp>.bak") that were taken at or after
 * since_s. keep_days 0 = kept until removed by hand. */
static vb_code scan_dir(const char *dir, const char *prefix, bool any_version, const char *suffix, int keep_days,
                        int64_t since_s, backup_list *l, vb_err *err)
{
    DIR *d = opendir(dir);
    if (!d) {
        if (errno == ENOENT || errno == ENOTDIR)
            return VB_OK;
        return vb_fail(err, VB_ERR_IO, "cannot read the backup folder %s: %s", dir, strerror(errno));
    }
    size_t plen = strlen(prefix);
    struct dirent *e;
    vb_code code = VB_OK;
    while ((e = readdir(d)) && code == VB_OK) {
        if (strncmp(e->d_name, prefix, plen) != 0)
            continue;
        const char *p = e->d_name + plen, *end = NULL;
        if (any_version) {
            const char *digits = p;
            while (*p >= '0' && *p <= '9')
                p++;
            if (p == digits || *p++ != '-')
                continue;
        }
        int64_t taken = parse_stamp(p, &end);
        if (taken < 0 || strcmp(end, suffix) != 0 || taken < since_s)
            continue; /* not a copy, or taken before the text existed */
        if (!list_add(l, dir, e->d_name, taken, keep_days ? taken + (int64_t)keep_days * 86400 : 0))
            code = vb_fail(err, VB_ERR_NOMEM, "out of memory");
    }
    closedir(d);
    return code;
}

vb_code store_backups_holding(const char *backup_dir, const char *db_path, int64_t since_s, store_backup *out,
                              int max, int *n, vb_err *err)
{
    *n = 0;
    backup_list l = { NULL, 0, 0 };
    vb_code code = scan_dir(backup_dir && *backup_dir ? backup_dir : STORE_BACKUP_DIR_DEFAULT, "verbeterbord-",
                            false, ".db", STORE_BACKUP_KEEP_DAYS, since_s, &l, err);
    if (code == VB_OK && db_path && *db_path) {
        /* copies taken before a migration: "<db>.v<N>-<stamp>.bak" next to it */
        char dir[1024], prefix[512];
        snprintf(dir, sizeof dir, "%s", db_path);
        char *slash = strrchr(dir, '/');
        const char *base = db_path;
        if (slash) {
            base = db_path + (slash - dir) + 1;
            if (slash == dir)
                dir[1] = '\0';
            else
                *slash = '\0';
        } else {
            snprintf(dir, sizeof dir, ".");
        }
        vb_fmt(prefix, sizeof prefix, "%s.v", base);
        code = scan_dir(dir, prefix, true, ".bak", 0, since_s, &l, err);
    }
    if (code == VB_OK && l.n > 1)
        qsort(l.items, (size_t)l.n, sizeof *l.items, by_time);
    if (code == VB_OK) {
        for (int i = 0; i < l.n && i < max; i++)
            out[i] = l.items[i];
        *n = l.n;
    }
    free(l.items);
    return code;
}

/* audit.c: the audit log of lead actions (see store_audit.h). */
#include "store_audit.h"

#include <stdio.h>
#include <string.h>

#include "../core/utf8.h"
#include "store_internal.h"

/* Copies at most max_chars characters of valid UTF-8 text into out. */
static void copy_chars(const char *text, size_t max_chars, char *out, size_t out_size)
{
    size_t len = strlen(text), pos = 0, chars = 0;
    while (pos < len && chars < max_chars) {
        size_t next = utf8_next(text, len, pos);
        if (next <= pos || next >= out_size)
            break;
        pos = next;
        chars++;
    }
    memcpy(out, text, pos);
    out[pos] = '\0';
}

struct audit_row_in {
    int64_t lead_id, at;
    const char *action, *subject, *detail;
};

static vb_code audit_insert(store *s, void *ctx, vb_err *err)
{
    static const char sql[] =
        "INSERT INTO audit_log (at, member_id, action, subject, detail) VALUES (?, ?, ?, ?, ?)";
    const struct audit_row_in *r = ctx;
    char subject[AUDIT_SUBJECT_MAX * 4 + 1], detail[AUDIT_DETAIL_MAX * 4 + 1];
    copy_chars(r->subject ? r->subject : "", AUDIT_SUBJECT_MAX, subject, sizeof subject);
    copy_chars(r->detail ? r->detail : "", AUDIT_DETAIL_MAX, detail, sizeof detail);
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return err ? err->code : VB_ERR_INTERNAL;
    sqlite3_bind_int64(st, 1, r->at);
    store_bind_id(st, 2, r->lead_id);
    sqlite3_bind_text(st, 3, r->action, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, subject, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 5, detail, -1, SQLITE_TRANSIENT);
    return store_step_done(s, st, err, "write audit row");
}

static vb_code audit_check(const struct audit_row_in *r, vb_err *err)
{
    if (!r->action || !*r->action || !utf8_valid(r->action, strlen(r->action), false) ||
        utf8_count(r->action, strlen(r->action)) > 40)
        return vb_fail(err, VB_ERR_INVALID, "audit action must be 1 to 40 characters");
    if (r->subject && !utf8_valid(r->subject, strlen(r->subject), false))
        return vb_fail(err, VB_ERR_INVALID, "audit subject is not valid UTF-8");
    if (r->detail && !utf8_valid(r->detail, strlen(r->detail), true))
        return vb_fail(err, VB_ERR_INVALID, "audit detail is not valid UTF-8");
    return VB_OK;
}

vb_code store_audit_add_in_tx(store *s, int64_t lead_id, int64_t at, const char *action, const char *subject,
                              const char *detail, vb_err *err)
{
    struct audit_row_in r = { lead_id, at, action, subject, detail };
    vb_code rc = audit_check(&r, err);
    if (rc != VB_OK)
        return rc;
    if (sqlite3_get_autocommit(s->db))
        return vb_fail(err, VB_ERR_INTERNAL, "audit row for '%s' written outside a transaction", action);
    return audit_insert(s, &r, err);
}

vb_code store_audit_add(store *s, int64_t lead_id, int64_t at, const char *action, const char *subject,
                        const char *detail, vb_err *err)
{
    struct audit_row_in r = { lead_id, at, action, subject, detail };
    vb_code rc = audit_check(&r, err);
    if (rc != VB_OK)
        return rc;
    if (sqlite3_get_autocommit(s->db))
        return store_write(s, audit_insert, &r, err); /* no transaction open: one of its own */
    return audit_insert(s, &r, err);
}

vb_code store_audit_list(store *s, const char *action, int offset, store_audit_row *rows, int max, int *count,
                         vb_err *err)
{
    static const char sql[] =
        "SELECT a.id, a.at, coalesce(a.member_id, 0), coalesce(m.name, ''), a.action, a.subject, a.detail"
        " FROM audit_log a LEFT JOIN member m ON m.id = a.member_id"
        " WHERE ?1 IS NULL OR a.action = ?1"
        " ORDER BY a.at DESC, a.id DESC LIMIT ?2 OFFSET ?3";
    *count = 0;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return err ? err->code : VB_ERR_INTERNAL;
    store_bind_text(st, 1, action);
    sqlite3_bind_int(st, 2, max);
    sqlite3_bind_int(st, 3, offset < 0 ? 0 : offset);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && *count < max) {
        store_audit_row *r = &rows[(*count)++];
        r->id = sqlite3_column_int64(st, 0);
        r->at = sqlite3_column_int64(st, 1);
        r->lead_id = sqlite3_column_int64(st, 2);
        store_col_text(st, 3, r->lead_name, sizeof r->lead_name);
        store_col_text(st, 4, r->action, sizeof r->action);
        store_col_text(st, 5, r->subject, sizeof r->subject);
        copy_chars((const char *)sqlite3_column_text(st, 6), AUDIT_DETAIL_MAX, r->detail, sizeof r->detail);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return store_fail(s, err, rc, "read audit log");
    return VB_OK;
}

vb_code store_audit_count(store *s, const char *action, int *count, vb_err *err)
{
    static const char sql[] = "SELECT count(*) FROM audit_log WHERE ?1 IS NULL OR action = ?1";
    *count = 0;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return err ? err->code : VB_ERR_INTERNAL;
    store_bind_text(st, 1, action);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *count = sqlite3_column_int(st, 0);
    sqlite3_reset(st);
    if (rc != SQLITE_ROW)
        return store_fail(s, err, rc, "count audit log");
    return VB_OK;
}

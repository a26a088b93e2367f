/* roster.c: the team roster as a lead manages it (see store_roster.h). */
#include "store_roster.h"

#include <stdio.h>
#include <string.h>

#include "../core/utf8.h"
#include "store_audit.h"
#include "store_internal.h"

#define AUDIT_ACTION "roster"

#define MEMBER_COLUMNS                                                                                        \
    "id, name, role, coalesce(badge, ''), language, active, pin_hash IS NOT NULL, failed_pins,"              \
    " coalesce(locked_until, 0), created_at"

static void read_member(sqlite3_stmt *st, store_roster_member *m)
{
    m->id = sqlite3_column_int64(st, 0);
    store_col_text(st, 1, m->name, sizeof m->name);
    store_col_text(st, 2, m->role, sizeof m->role);
    store_col_text(st, 3, m->badge, sizeof m->badge);
    store_col_text(st, 4, m->language, sizeof m->language);
    m->active = sqlite3_column_int(st, 5) != 0;
    m->has_pin = sqlite3_column_int(st, 6) != 0;
    m->failed_pins = sqlite3_column_int(st, 7);
    m->locked_until = sqlite3_column_int64(st, 8);
    m->created_at = sqlite3_column_int64(st, 9);
}

/* Steps a prepared SELECT of MEMBER_COLUMNS into rows. */
static vb_code read_members(store *s, sqlite3_stmt *st, store_roster_member *rows, int max, int *count, vb_err *err)
{
    *count = 0;
    int rc = SQLITE_DONE;
    while (*count < max && (rc = sqlite3_step(st)) == SQLITE_ROW)
        read_member(st, &rows[(*count)++]);
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return store_fail(s, err, rc, "read members");
    return VB_OK;
}

vb_code store_roster_list(store *s, bool with_inactive, store_roster_member *rows, int max, int *count,
                          vb_err *err)
{
    static const char sql[] = "SELECT " MEMBER_COLUMNS " FROM member WHERE active = 1 OR ?1"
                              " ORDER BY active DESC, name COLLATE NOCASE, id";
    *count = 0;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return err ? err->code : VB_ERR_INTERNAL;
    sqlite3_bind_int(st, 1, with_inactive ? 1 : 0);
    return read_members(s, st, rows, max, count, err);
}

vb_code store_roster_leads(store *s, store_roster_member *rows, int max, int *count, vb_err *err)
{
    static const char sql[] = "SELECT " MEMBER_COLUMNS " FROM member WHERE active = 1 AND role = 'lead'"
                              " ORDER BY name COLLATE NOCASE, id";
    *count = 0;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return err ? err->code : VB_ERR_INTERNAL;
    return read_members(s, st, rows, max, count, err);
}

vb_code store_roster_locked(store *s, int64_t now_s, store_roster_member *rows, int max, int *count, vb_err *err)
{
    static const char sql[] = "SELECT " MEMBER_COLUMNS " FROM member WHERE active = 1 AND locked_until > ?"
                              " ORDER BY role = 'lead' DESC, name COLLATE NOCASE, id";
    *count = 0;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return err ? err->code : VB_ERR_INTERNAL;
    sqlite3_bind_int64(st, 1, now_s);
    return read_members(s, st, rows, max, count, err);
}

vb_code store_roster_get(store *s, int64_t id, store_roster_member *out, vb_err *err)
{
    static const char sql[] = "SELECT " MEMBER_COLUMNS " FROM member WHERE id = ?";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return err ? err->code : VB_ERR_INTERNAL;
    sqlite3_bind_int64(st, 1, id);
    int n = 0;
    vb_code code = read_members(s, st, out, 1, &n, err);
    if (code == VB_OK && n == 0)
        code = vb_fail(err, VB_ERR_NOTFOUND, "no member %lld", (long long)id);
    return code;
}

vb_code store_roster_find_name(store *s, const char *name, store_roster_member *out, vb_err *err)
{
    static const char sql[] = "SELECT " MEMBER_COLUMNS " FROM member WHERE active = 1 AND name = ?";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return err ? err->code : VB_ERR_INTERNAL;
    sqlite3_bind_text(st, 1, name ? name : "", -1, SQLITE_TRANSIENT);
    int n = 0;
    vb_code code = read_members(s, st, out, 1, &n, err);
    if (code == VB_OK && n == 0)
        code = vb_fail(err, VB_ERR_NOTFOUND, "no active member named '%s'", name ? name : "");
    return code;
}

vb_code store_roster_count_leads(store *s, int *leads, int *with_pin, vb_err *err)
{
    static const char sql[] =
        "SELECT count(*), count(pin_hash) FROM member WHERE active = 1 AND role = 'lead'";
    *leads = *with_pin = 0;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return err ? err->code : VB_ERR_INTERNAL;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *leads = sqlite3_column_int(st, 0);
        *with_pin = sqlite3_column_int(st, 1);
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? VB_OK : store_fail(s, err, rc, "count leads");
}

bool store_roster_name_ok(const char *name)
{
    return store_name_ok(name, ROSTER_NAME_MAX);
}

bool store_roster_badge_ok(const char *badge)
{
    if (!badge)
        return false;
    size_t len = strlen(badge);
    if (len < ROSTER_BADGE_MIN || len > ROSTER_BADGE_MAX)
        return false;
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)badge[i] < 0x21 || (unsigned char)badge[i] > 0x7E)
            return false;
    return true;
}

static bool language_ok(const char *l)
{
    return l && (strcmp(l, "nl") == 0 || strcmp(l, "en") == 0 || strcmp(l, "pl") == 0);
}

static bool role_ok(const char *r)
{
    return r && (strcmp(r, "worker") == 0 || strcmp(r, "lead") == 0);
}

/* The member holding badge other than not_id: its name into owner. */
static vb_code badge_taken(store *s, const char *badge, int64_t not_id, char *owner, size_t size, vb_err *err)
{
    static const char sql[] = "SELECT name FROM member WHERE badge = ? AND id <> ?";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return err ? err->code : VB_ERR_INTERNAL;
    sqlite3_bind_text(st, 1, badge, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 2, not_id);
    int rc = sqlite3_step(st);
    char name[244] = "";
    if (rc == SQLITE_ROW)
        store_col_text(st, 0, name, sizeof name);
    sqlite3_reset(st);
    if (rc == SQLITE_ROW) {
        if (owner && size)
            utf8_copy(name, owner, size);
        return vb_fail(err, VB_ERR_CONSTRAINT, "badge already belongs to %s", name);
    }
    return rc == SQLITE_DONE ? VB_OK : store_fail(s, err, rc, "find badge");
}

static vb_code audit(store *s, int64_t lead_id, int64_t at, int64_t member_id, const char *detail, vb_err *err)
{
    char subject[40];
    snprintf(subject, sizeof subject, "member:%lld", (long long)member_id);
    return store_audit_add_in_tx(s, lead_id, at, AUDIT_ACTION, subject, detail, err);
}

/* ---- add ------------------------------------------------------------------- */

struct add_ctx {
    int64_t lead_id, at;
    const char *name, *role, *language, *badge;
    int64_t *id_out;
};

static vb_code add_write(store *s, void *ctx, vb_err *err)
{
    static const char name_sql[] = "SELECT 1 FROM member WHERE active = 1 AND name = ?";
    static const char sql[] =
        "INSERT INTO member (name, role, badge, language, active, created_at) VALUES (?, ?, ?, ?, 1, ?)";
    struct add_ctx *c = ctx;
    sqlite3_stmt *st = store_stmt(s, name_sql, err);
    if (!st)
        return err ? err->code : VB_ERR_INTERNAL;
    sqlite3_bind_text(st, 1, c->name, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc == SQLITE_ROW)
        return vb_fail(err, VB_ERR_CONSTRAINT, "a member named '%s' exists already", c->name);
    if (rc != SQLITE_DONE)
        return store_fail(s, err, rc, "find member");
    if (c->badge) {
        vb_code code = badge_taken(s, c->badge, 0, NULL, 0, err);
        if (code != VB_OK)
            return code;
    }
    st = store_stmt(s, sql, err);
    if (!st)
        return err ? err->code : VB_ERR_INTERNAL;
    sqlite3_bind_text(st, 1, c->name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, c->role, -1, SQLITE_TRANSIENT);
    store_bind_text(st, 3, c->badge);
    sqlite3_bind_text(st, 4, c->language, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 5, c->at);
    vb_code code = store_step_done(s, st, err, "add member");
    if (code != VB_OK)
        return code;
    int64_t id = sqlite3_last_insert_rowid(s->db);
    if (c->id_out)
        *c->id_out = id;
    char detail[400];
    vb_fmt(detail, sizeof detail, "added '%s' (%s, %s%s)", c->name, c->role, c->language,
           c->badge ? ", badge" : "");
    return audit(s, c->lead_id, c->at, id, detail, err);
}

vb_code store_roster_add(store *s, int64_t lead_id, int64_t at, const char *name, const char *role,
                         const char *language, const char *badge, int64_t *id_out, vb_err *err)
{
    if (!store_roster_name_ok(name))
        return vb_fail(err, VB_ERR_INVALID, "a name has 1 to %d characters", ROSTER_NAME_MAX);
    if (!role_ok(role))
        return vb_fail(err, VB_ERR_INVALID, "role is 'worker' or 'lead'");
    if (!language_ok(language))
        return vb_fail(err, VB_ERR_INVALID, "language is nl, en or pl");
    if (badge && !*badge)
        badge = NULL;
    if (badge && !store_roster_badge_ok(badge))
        return vb_fail(err, VB_ERR_INVALID, "a badge has %d to %d letters or digits", ROSTER_BADGE_MIN,
                       ROSTER_BADGE_MAX);
    struct add_ctx c = { lead_id, at, name, role, language, badge, id_out };
    return store_write(s, add_write, &c, err);
}

/* ---- changes to one member ----------------------------------------------- */

enum change_kind { CH_DEACTIVATE, CH_BADGE, CH_LANGUAGE, CH_ROLE };

struct change_ctx {
    int64_t lead_id, at, member_id;
    enum change_kind kind;
    const char *value;
    char *owner;
    size_t owner_size;
};

static vb_code get_in_tx(store *s, int64_t id, store_roster_member *m, vb_err *err)
{
    vb_code code = store_roster_get(s, id, m, err);
    if (code == VB_OK && !m->active)
        code = vb_fail(err, VB_ERR_NOTFOUND, "member %lld is not active", (long long)id);
    return code;
}

/* Refuses to take the lead role away from the last active lead. */
static vb_code keep_one_lead(store *s, const store_roster_member *m, vb_err *err)
{
    if (strcmp(m->role, "lead") != 0)
        return VB_OK;
    int leads = 0, with_pin = 0;
    vb_code code = store_roster_count_leads(s, &leads, &with_pin, err);
    if (code != VB_OK)
        return code;
    if (leads <= 1)
        return vb_fail(err, VB_ERR_CONSTRAINT, "%s is the last team lead", m->name);
    return VB_OK;
}

static vb_code change_write(store *s, void *ctx, vb_err *err)
{
    static const char deactivate_sql[] =
        "UPDATE member SET active = 0, badge = NULL, pin_hash = NULL, failed_pins = 0, locked_until = NULL"
        " WHERE id = ?";
    static const char badge_sql[] = "UPDATE member SET badge = ? WHERE id = ?";
    static const char language_sql[] = "UPDATE member SET language = ? WHERE id = ?";
    static const char role_sql[] = "UPDATE member SET role = ? WHERE id = ?";
    struct change_ctx *c = ctx;
    store_roster_member m;
    vb_code code = get_in_tx(s, c->member_id, &m, err);
    if (code != VB_OK)
        return code;
    char detail[400];
    sqlite3_stmt *st = NULL;
    switch (c->kind) {
    case CH_DEACTIVATE:
        if (c->lead_id && c->lead_id == c->member_id)
            return vb_fail(err, VB_ERR_CONSTRAINT, "a lead cannot deactivate themself; another lead can");
        if ((code = keep_one_lead(s, &m, err)) != VB_OK)
            return code;
        st = store_stmt(s, deactivate_sql, err);
        if (!st)
            return err ? err->code : VB_ERR_INTERNAL;
        sqlite3_bind_int64(st, 1, c->member_id);
        vb_fmt(detail, sizeof detail, "deactivated '%s'", m.name);
        break;
    case CH_BADGE:
        if (strcmp(m.badge, c->value ? c->value : "") == 0)
            return VB_OK;
        if (c->value && (code = badge_taken(s, c->value, c->member_id, c->owner, c->owner_size, err)) != VB_OK)
            return code;
        st = store_stmt(s, badge_sql, err);
        if (!st)
            return err ? err->code : VB_ERR_INTERNAL;
        store_bind_text(st, 1, c->value);
        sqlite3_bind_int64(st, 2, c->member_id);
        vb_fmt(detail, sizeof detail, "%s badge of '%s'", c->value ? (m.badge[0] ? "changed" : "set") : "removed",
               m.name);
        break;
    case CH_LANGUAGE:
        if (strcmp(m.language, c->value) == 0)
            return VB_OK;
        st = store_stmt(s, language_sql, err);
        if (!st)
            return err ? err->code : VB_ERR_INTERNAL;
        sqlite3_bind_text(st, 1, c->value, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(st, 2, c->member_id);
        vb_fmt(detail, sizeof detail, "language of '%s': %s \xE2\x86\x92 %s", m.name, m.language, c->value);
        break;
    case CH_ROLE:
        if (strcmp(m.role, c->value) == 0)
            return VB_OK;
        if (c->lead_id && c->lead_id == c->member_id)
            return vb_fail(err, VB_ERR_CONSTRAINT, "a lead cannot change their own role; another lead can");
        if ((code = keep_one_lead(s, &m, err)) != VB_OK)
            return code;
        st = store_stmt(s, role_sql, err);
        if (!st)
            return err ? err->code : VB_ERR_INTERNAL;
        sqlite3_bind_text(st, 1, c->value, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(st, 2, c->member_id);
        vb_fmt(detail, sizeof detail, "role of '%s': %s \xE2\x86\x92 %s", m.name, m.role, c->value);
        break;
    }
    code = store_step_done(s, st, err, "change member");
    if (code != VB_OK)
        return code;
    return audit(s, c->lead_id, c->at, c->member_id, detail, err);
}

static vb_code change(store *s, int64_t lead_id, int64_t at, int64_t member_id, enum change_kind kind,
                      const char *value, char *owner, size_t owner_size, vb_err *err)
{
    struct change_ctx c = { lead_id, at, member_id, kind, value, owner, owner_size };
    return store_write(s, change_write, &c, err);
}

vb_code store_roster_deactivate(store *s, int64_t lead_id, int64_t at, int64_t member_id, vb_err *err)
{
    return change(s, lead_id, at, member_id, CH_DEACTIVATE, NULL, NULL, 0, err);
}

vb_code store_roster_set_badge(store *s, int64_t lead_id, int64_t at, int64_t member_id, const char *badge,
                               char *owner, size_t owner_size, vb_err *err)
{
    if (owner && owner_size)
        owner[0] = '\0';
    if (badge && !*badge)
        badge = NULL;
    if (badge && !store_roster_badge_ok(badge))
        return vb_fail(err, VB_ERR_INVALID, "a badge has %d to %d letters or digits", ROSTER_BADGE_MIN,
                       ROSTER_BADGE_MAX);
    return change(s, lead_id, at, member_id, CH_BADGE, badge, owner, owner_size, err);
}

vb_code store_roster_set_language(store *s, int64_t lead_id, int64_t at, int64_t member_id, const char *language,
                                  vb_err *err)
{
    if (!language_ok(language))
        return vb_fail(err, VB_ERR_INVALID, "language is nl, en or pl");
    return change(s, lead_id, at, member_id, CH_LANGUAGE, language, NULL, 0, err);
}

vb_code store_roster_set_role(store *s, int64_t lead_id, int64_t at, int64_t member_id, const char *role,
                              vb_err *err)
{
    if (!role_ok(role))
        return vb_fail(err, VB_ERR_INVALID, "role is 'worker' or 'lead'");
    return change(s, lead_id, at, member_id, CH_ROLE, role, NULL, 0, err);
}

/* settings_admin.c: the team settings a lead edits, each change written
 * together with its audit row (see store_settings.h). */
#include "store_settings.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/date.h"
#include "../core/utf8.h"
#include "store_audit.h"
#include "store_internal.h"

#define AUDIT_ACTION "settings"


bool store_settings_time_ok(const char *t)
{
    return vb_hhmm_minutes(t) >= 0;
}

static bool int_in(const char *v, long lo, long hi)
{
    if (!v || !*v)
        return false;
    char *end;
    long n = strtol(v, &end, 10);
    return *end == '\0' && n >= lo && n <= hi && v[0] != '+' && v[0] != ' ';
}

bool store_settings_value_ok(const char *key, const char *value)
{
    if (!key || !value)
        return false;
    if (strcmp(key, "team_name") == 0)
        return store_name_ok(value, 40);
    if (strcmp(key, "language") == 0)
        return strcmp(value, "nl") == 0 || strcmp(value, "en") == 0 || strcmp(value, "pl") == 0;
    if (strcmp(key, "idle_timeout_s") == 0)
        return int_in(value, 15, 3600);
    if (strcmp(key, "dagstart_time") == 0)
        return store_settings_time_ok(value);
    if (strcmp(key, "dagstart_minutes") == 0)
        return int_in(value, 5, 60);
    if (strcmp(key, "wall_idle") == 0)
        return strcmp(value, "0") == 0 || strcmp(value, "1") == 0;
    if (strcmp(key, "wall_rotate_s") == 0)
        return int_in(value, 5, 300);
    if (strcmp(key, "working_days") == 0) {
        size_t n = strlen(value);
        if (n < 1 || n > 7)
            return false;
        for (size_t i = 0; i < n; i++)
            if (value[i] < '1' || value[i] > '7' || (i > 0 && value[i] <= value[i - 1]))
                return false;
        return true;
    }
    return strlen(value) <= 200 && utf8_valid(value, strlen(value), false) && strlen(key) <= 64 && *key;
}

/* ---- key/value ------------------------------------------------------------ */

struct set_ctx {
    int64_t lead_id, at;
    const char *key, *value;
};

static vb_code set_write(store *s, void *ctx, vb_err *err)
{
    static const char get_sql[] = "SELECT value FROM setting WHERE key = ?";
    static const char put_sql[] =
        "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value";
    struct set_ctx *c = ctx;
    sqlite3_stmt *st = store_stmt(s, get_sql, err);
    if (!st)
        return err ? err->code : VB_ERR_INTERNAL;
    sqlite3_bind_text(st, 1, c->key, -1, SQLITE_TRANSIENT);
    char old[256] = "";
    bool had = false;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        store_col_text(st, 0, old, sizeof old);
        had = true;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return store_fail(s, err, rc, "read setting");
    if (had && strcmp(old, c->value) == 0)
        return VB_OK; /* unchanged: nothing to record */
    st = store_stmt(s, put_sql, err);
    if (!st)
        return err ? err->code : VB_ERR_INTERNAL;
    sqlite3_bind_text(st, 1, c->key, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, c->value, -1, SQLITE_TRANSIENT);
    vb_code code = store_step_done(s, st, err, "write setting");
    if (code != VB_OK)
        return code;
    char subject[96], detail[600];
    vb_fmt(subject, sizeof subject, "setting:%s", c->key);
    vb_fmt(detail, sizeof detail, "%s: '%s' \xE2\x86\x92 '%s'", c->key, had ? old : "", c->value);
    return store_audit_add_in_tx(s, c->lead_id, c->at, AUDIT_ACTION, subject, detail, err);
}

vb_code store_settings_set(store *s, int64_t lead_id, int64_t at, const char *key, const char *value, vb_err *err)
{
    if (!store_settings_value_ok(key, value))
        return vb_fail(err, VB_ERR_INVALID, "setting %s: value '%s' not accepted", key ? key : "?",
                       value ? value : "(none)");
    struct set_ctx c = { lead_id, at, key, value };
    return store_write(s, set_write, &c, err);
}

/* ---- places ---------------------------------------------------------------- */

vb_code store_settings_places(store *s, bool with_inactive, store_place *rows, int max, int *count, vb_err *err)
{
    static const char sql[] =
        "SELECT id, name, sort, active FROM place WHERE active = 1 OR ?1 ORDER BY active DESC, sort, name, id";
    *count = 0;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return err ? err->code : VB_ERR_INTERNAL;
    sqlite3_bind_int(st, 1, with_inactive ? 1 : 0);
    int rc = SQLITE_DONE;
    while (*count < max && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        store_place *p = &rows[(*count)++];
        p->id = sqlite3_column_int64(st, 0);
        store_col_text(st, 1, p->name, sizeof p->name);
        p->sort = sqlite3_column_int(st, 2);
        p->active = sqlite3_column_int(st, 3) != 0;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return store_fail(s, err, rc, "read places");
    return VB_OK;
}

struct place_ctx {
    int64_t lead_id, at, id;
    const char *name;
    bool active;
    int64_t *id_out;
};

/* Reads a place's name and active flag; VB_ERR_NOTFOUND when there is none. */
static vb_code place_get(store *s, int64_t id, char *name, size_t size, bool *active, vb_err *err)
{
    static const char sql[] = "SELECT name, active FROM place WHERE id = ?";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return err ? err->code : VB_ERR_INTERNAL;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    vb_code code = VB_OK;
    if (rc == SQLITE_ROW) {
        store_col_text(st, 0, name, size);
        *active = sqlite3_column_int(st, 1) != 0;
    } else if (rc == SQLITE_DONE) {
        code = vb_fail(err, VB_ERR_NOTFOUND, "no place %lld", (long long)id);
    } else {
        code = store_fail(s, err, rc, "read place");
    }
    sqlite3_reset(st);
    return code;
}

static vb_code place_add_write(store *s, void *ctx, vb_err *err)
{
    static const char find_sql[] = "SELECT id, active FROM place WHERE name = ?";
    static const char revive_sql[] = "UPDATE place SET active = 1 WHERE id = ?";
    static const char add_sql[] =
        "INSERT INTO place (name, sort, active) VALUES (?, (SELECT coalesce(max(sort), 0) + 1 FROM place), 1)";
    struct place_ctx *c = ctx;
    sqlite3_stmt *st = store_stmt(s, find_sql, err);
    if (!st)
        return err ? err->code : VB_ERR_INTERNAL;
    sqlite3_bind_text(st, 1, c->name, -1, SQLITE_TRANSIENT);
    int64_t id = 0;
    bool active = false;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        id = sqlite3_column_int64(st, 0);
        active = sqlite3_column_int(st, 1) != 0;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return store_fail(s, err, rc, "find place");
    if (id && active)
        return vb_fail(err, VB_ERR_CONSTRAINT, "a place named '%s' exists already", c->name);
    char subject[32], detail[300];
    if (id) {
        st = store_stmt(s, revive_sql, err);
        if (!st)
            return err ? err->code : VB_ERR_INTERNAL;
        sqlite3_bind_int64(st, 1, id);
        vb_code code = store_step_done(s, st, err, "reactivate place");
        if (code != VB_OK)
            return code;
        vb_fmt(detail, sizeof detail, "place '%s' active again", c->name);
    } else {
        st = store_stmt(s, add_sql, err);
        if (!st)
            return err ? err->code : VB_ERR_INTERNAL;
        sqlite3_bind_text(st, 1, c->name, -1, SQLITE_TRANSIENT);
        vb_code code = store_step_done(s, st, err, "add place");
        if (code != VB_OK)
            return code;
        id = sqlite3_last_insert_rowid(s->db);
        vb_fmt(detail, sizeof detail, "place '%s' added", c->name);
    }
    if (c->id_out)
        *c->id_out = id;
    snprintf(subject, sizeof subject, "place:%lld", (long long)id);
    return store_audit_add_in_tx(s, c->lead_id, c->at, AUDIT_ACTION, subject, detail, err);
}

vb_code store_settings_place_add(store *s, int64_t lead_id, int64_t at, const char *name, int64_t *id_out,
                                 vb_err *err)
{
    if (!store_name_ok(name, STORE_PLACE_NAME_MAX))
        return vb_fail(err, VB_ERR_INVALID, "a place name has 1 to %d characters", STORE_PLACE_NAME_MAX);
    struct place_ctx c = { lead_id, at, 0, name, true, id_out };
    return store_write(s, place_add_write, &c, err);
}

static vb_code place_rename_write(store *s, void *ctx, vb_err *err)
{
    static const char taken_sql[] = "SELECT 1 FROM place WHERE name = ? AND id <> ?";
    static const char sql[] = "UPDATE place SET name = ? WHERE id = ?";
    struct place_ctx *c = ctx;
    char old[164];
    bool active;
    vb_code code = place_get(s, c->id, old, sizeof old, &active, err);
    if (code != VB_OK)
        return code;
    if (strcmp(old, c->name) == 0)
        return VB_OK;
    sqlite3_stmt *st = store_stmt(s, taken_sql, err);
    if (!st)
        return err ? err->code : VB_ERR_INTERNAL;
    sqlite3_bind_text(st, 1, c->name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 2, c->id);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc == SQLITE_ROW)
        return vb_fail(err, VB_ERR_CONSTRAINT, "a place named '%s' exists already", c->name);
    if (rc != SQLITE_DONE)
        return store_fail(s, err, rc, "find place");
    st = store_stmt(s, sql, err);
    if (!st)
        return err ? err->code : VB_ERR_INTERNAL;
    sqlite3_bind_text(st, 1, c->name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 2, c->id);
    code = store_step_done(s, st, err, "rename place");
    if (code != VB_OK)
        return code;
    char subject[32], detail[400];
    snprintf(subject, sizeof subject, "place:%lld", (long long)c->id);
    vb_fmt(detail, sizeof detail, "place '%s' renamed to '%s'", old, c->name);
    return store_audit_add_in_tx(s, c->lead_id, c->at, AUDIT_ACTION, subject, detail, err);
}

vb_code store_settings_place_rename(store *s, int64_t lead_id, int64_t at, int64_t id, const char *name,
                                    vb_err *err)
{
    if (!store_name_ok(name, STORE_PLACE_NAME_MAX))
        return vb_fail(err, VB_ERR_INVALID, "a place name has 1 to %d characters", STORE_PLACE_NAME_MAX);
    struct place_ctx c = { lead_id, at, id, name, true, NULL };
    return store_write(s, place_rename_write, &c, err);
}

static vb_code place_active_write(store *s, void *ctx, vb_err *err)
{
    static const char sql[] = "UPDATE place SET active = ? WHERE id = ?";
    struct place_ctx *c = ctx;
    char name[164];
    bool active;
    vb_code code = place_get(s, c->id, name, sizeof name, &active, err);
    if (code != VB_OK)
        return code;
    if (active == c->active)
        return VB_OK;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return err ? err->code : VB_ERR_INTERNAL;
    sqlite3_bind_int(st, 1, c->active ? 1 : 0);
    sqlite3_bind_int64(st, 2, c->id);
    code = store_step_done(s, st, err, "change place");
    if (code != VB_OK)
        return code;
    char subject[32], detail[300];
    snprintf(subject, sizeof subject, "place:%lld", (long long)c->id);
    vb_fmt(detail, sizeof detail, "place '%s' %s", name, c->active ? "active again" : "deactivated");
    return store_audit_add_in_tx(s, c->lead_id, c->at, AUDIT_ACTION, subject, detail, err);
}

vb_code store_settings_place_set_active(store *s, int64_t lead_id, int64_t at, int64_t id, bool active,
                                        vb_err *err)
{
    struct place_ctx c = { lead_id, at, id, NULL, active, NULL };
    return store_write(s, place_active_write, &c, err);
}

/* ---- categories ------------------------------------------------------------ */

vb_code store_settings_categories(store *s, store_category *rows, int max, int *count, vb_err *err)
{
    static const char sql[] =
        "SELECT id, code, coalesce(label, ''), icon, sort, active FROM category ORDER BY sort, id";
    *count = 0;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return err ? err->code : VB_ERR_INTERNAL;
    int rc = SQLITE_DONE;
    while (*count < max && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        store_category *k = &rows[(*count)++];
        k->id = sqlite3_column_int64(st, 0);
        store_col_text(st, 1, k->code, sizeof k->code);
        store_col_text(st, 2, k->label, sizeof k->label);
        store_col_text(st, 3, k->icon, sizeof k->icon);
        k->sort = sqlite3_column_int(st, 4);
        k->active = sqlite3_column_int(st, 5) != 0;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return store_fail(s, err, rc, "read categories");
    return VB_OK;
}

struct category_ctx {
    int64_t lead_id, at, id;
    const char *label; /* NULL = default */
};

static vb_code category_write(store *s, void *ctx, vb_err *err)
{
    static const char get_sql[] = "SELECT code, coalesce(label, '') FROM category WHERE id = ?";
    static const char sql[] = "UPDATE category SET label = ? WHERE id = ?";
    struct category_ctx *c = ctx;
    sqlite3_stmt *st = store_stmt(s, get_sql, err);
    if (!st)
        return err ? err->code : VB_ERR_INTERNAL;
    sqlite3_bind_int64(st, 1, c->id);
    char code_text[40] = "", old[164] = "";
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        store_col_text(st, 0, code_text, sizeof code_text);
        store_col_text(st, 1, old, sizeof old);
    }
    sqlite3_reset(st);
    if (rc == SQLITE_DONE)
        return vb_fail(err, VB_ERR_NOTFOUND, "no category %lld", (long long)c->id);
    if (rc != SQLITE_ROW)
        return store_fail(s, err, rc, "read category");
    if (strcmp(old, c->label ? c->label : "") == 0)
        return VB_OK;
    st = store_stmt(s, sql, err);
    if (!st)
        return err ? err->code : VB_ERR_INTERNAL;
    store_bind_text(st, 1, c->label);
    sqlite3_bind_int64(st, 2, c->id);
    vb_code code = store_step_done(s, st, err, "rename category");
    if (code != VB_OK)
        return code;
    char subject[64], detail[400];
    vb_fmt(subject, sizeof subject, "category:%s", code_text);
    vb_fmt(detail, sizeof detail, "category %s: '%s' \xE2\x86\x92 '%s'", code_text, old,
           c->label ? c->label : "(default name)");
    return store_audit_add_in_tx(s, c->lead_id, c->at, AUDIT_ACTION, subject, detail, err);
}

vb_code store_settings_category_rename(store *s, int64_t lead_id, int64_t at, int64_t id, const char *label,
                                       vb_err *err)
{
    if (label && !*label)
        label = NULL;
    if (label && !store_name_ok(label, STORE_CATEGORY_LABEL_MAX))
        return vb_fail(err, VB_ERR_INVALID, "a category name has 1 to %d characters", STORE_CATEGORY_LABEL_MAX);
    struct category_ctx c = { lead_id, at, id, label };
    return store_write(s, category_write, &c, err);
}

/* ---- shifts ------------------------------------------------------------------ */

vb_code store_settings_shifts(store *s, store_shift *rows, int max, int *count, vb_err *err)
{
    static const char sql[] =
        "SELECT id, name, starts, ends, (SELECT count(*) FROM main.learning_point_signed l WHERE l.shift_id = shift.id)"
        " + (SELECT count(*) FROM anon.learning_point_anon l WHERE l.shift_id = shift.id)" /* store_anon.h */
        " FROM shift ORDER BY starts, id";
    *count = 0;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return err ? err->code : VB_ERR_INTERNAL;
    int rc = SQLITE_DONE;
    while (*count < max && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        store_shift *h = &rows[(*count)++];
        h->id = sqlite3_column_int64(st, 0);
        store_col_text(st, 1, h->name, sizeof h->name);
        store_col_text(st, 2, h->starts, sizeof h->starts);
        store_col_text(st, 3, h->ends, sizeof h->ends);
        h->uses = sqlite3_column_int(st, 4);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return store_fail(s, err, rc, "read shifts");
    return VB_OK;
}

struct shift_ctx {
    int64_t lead_id, at, id;
    const char *name, *starts, *ends;
    int64_t *id_out;
};

static vb_code shift_name_taken(store *s, const char *name, int64_t not_id, vb_err *err)
{
    static const char sql[] = "SELECT 1 FROM shift WHERE name = ? AND id <> ?";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return err ? err->code : VB_ERR_INTERNAL;
    sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 2, not_id);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc == SQLITE_ROW)
        return vb_fail(err, VB_ERR_CONSTRAINT, "a shift named '%s' exists already", name);
    return rc == SQLITE_DONE ? VB_OK : store_fail(s, err, rc, "find shift");
}

static vb_code shift_add_write(store *s, void *ctx, vb_err *err)
{
    static const char sql[] = "INSERT INTO shift (name, starts, ends) VALUES (?, ?, ?)";
    struct shift_ctx *c = ctx;
    vb_code code = shift_name_taken(s, c->name, 0, err);
    if (code != VB_OK)
        return code;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return err ? err->code : VB_ERR_INTERNAL;
    sqlite3_bind_text(st, 1, c->name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, c->starts, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, c->ends, -1, SQLITE_TRANSIENT);
    code = store_step_done(s, st, err, "add shift");
    if (code != VB_OK)
        return code;
    int64_t id = sqlite3_last_insert_rowid(s->db);
    if (c->id_out)
        *c->id_out = id;
    char subject[32], detail[300];
    snprintf(subject, sizeof subject, "shift:%lld", (long long)id);
    vb_fmt(detail, sizeof detail, "shift '%s' %s-%s added", c->name, c->starts, c->ends);
    return store_audit_add_in_tx(s, c->lead_id, c->at, AUDIT_ACTION, subject, detail, err);
}

vb_code store_settings_shift_add(store *s, int64_t lead_id, int64_t at, const char *name, const char *starts,
                                 const char *ends, int64_t *id_out, vb_err *err)
{
    if (!store_name_ok(name, STORE_SHIFT_NAME_MAX))
        return vb_fail(err, VB_ERR_INVALID, "a shift name has 1 to %d characters", STORE_SHIFT_NAME_MAX);
    if (!store_settings_time_ok(starts) || !store_settings_time_ok(ends))
        return vb_fail(err, VB_ERR_INVALID, "shift times are HH:MM");
    struct shift_ctx c = { lead_id, at, 0, name, starts, ends, id_out };
    return store_write(s, shift_add_write, &c, err);
}

static vb_code shift_update_write(store *s, void *ctx, vb_err *err)
{
    static const char get_sql[] = "SELECT name, starts, ends FROM shift WHERE id = ?";
    static const char sql[] = "UPDATE shift SET name = ?, starts = ?, ends = ? WHERE id = ?";
    struct shift_ctx *c = ctx;
    sqlite3_stmt *st = store_stmt(s, get_sql, err);
    if (!st)
        return err ? err->code : VB_ERR_INTERNAL;
    sqlite3_bind_int64(st, 1, c->id);
    char name[164] = "", starts[8] = "", ends[8] = "";
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        store_col_text(st, 0, name, sizeof name);
        store_col_text(st, 1, starts, sizeof starts);
        store_col_text(st, 2, ends, sizeof ends);
    }
    sqlite3_reset(st);
    if (rc == SQLITE_DONE)
        return vb_fail(err, VB_ERR_NOTFOUND, "no shift %lld", (long long)c->id);
    if (rc != SQLITE_ROW)
        return store_fail(s, err, rc, "read shift");
    if (strcmp(name, c->name) == 0 && strcmp(starts, c->starts) == 0 && strcmp(ends, c->ends) == 0)
        return VB_OK;
    vb_code code = shift_name_taken(s, c->name, c->id, err);
    if (code != VB_OK)
        return code;
    st = store_stmt(s, sql, err);
    if (!st)
        return err ? err->code : VB_ERR_INTERNAL;
    sqlite3_bind_text(st, 1, c->name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, c->starts, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, c->ends, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 4, c->id);
    code = store_step_done(s, st, err, "change shift");
    if (code != VB_OK)
        return code;
    char subject[32], detail[500];
    snprintf(subject, sizeof subject, "shift:%lld", (long long)c->id);
    vb_fmt(detail, sizeof detail, "shift '%s' %s-%s \xE2\x86\x92 '%s' %s-%s", name, starts, ends, c->name,
           c->starts, c->ends);
    return store_audit_add_in_tx(s, c->lead_id, c->at, AUDIT_ACTION, subject, detail, err);
}

vb_code store_settings_shift_update(store *s, int64_t lead_id, int64_t at, int64_t id, const char *name,
                                    const char *starts, const char *ends, vb_err *err)
{
    if (!store_name_ok(name, STORE_SHIFT_NAME_MAX))
        return vb_fail(err, VB_ERR_INVALID, "a shift name has 1 to %d characters", STORE_SHIFT_NAME_MAX);
    if (!store_settings_time_ok(starts) || !store_settings_time_ok(ends))
        return vb_fail(err, VB_ERR_INVALID, "shift times are HH:MM");
    struct shift_ctx c = { lead_id, at, id, name, starts, ends, NULL };
    return store_write(s, shift_update_write, &c, err);
}

static vb_code shift_delete_write(store *s, void *ctx, vb_err *err)
{
    static const char get_sql[] =
        "SELECT name, (SELECT count(*) FROM main.learning_point_signed l WHERE l.shift_id = shift.id)"
        " + (SELECT count(*) FROM anon.learning_point_anon l WHERE l.shift_id = shift.id) FROM shift WHERE id = ?";
    static const char sql[] = "DELETE FROM shift WHERE id = ?";
    struct shift_ctx *c = ctx;
    sqlite3_stmt *st = store_stmt(s, get_sql, err);
    if (!st)
        return err ? err->code : VB_ERR_INTERNAL;
    sqlite3_bind_int64(st, 1, c->id);
    char name[164] = "";
    int uses = 0;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        store_col_text(st, 0, name, sizeof name);
        uses = sqlite3_column_int(st, 1);
    }
    sqlite3_reset(st);
    if (rc == SQLITE_DONE)
        return vb_fail(err, VB_ERR_NOTFOUND, "no shift %lld", (long long)c->id);
    if (rc != SQLITE_ROW)
        return store_fail(s, err, rc, "read shift");
    if (uses > 0)
        return vb_fail(err, VB_ERR_CONSTRAINT, "shift '%s' is named by %d learning points", name, uses);
    st = store_stmt(s, sql, err);
    if (!st)
        return err ? err->code : VB_ERR_INTERNAL;
    sqlite3_bind_int64(st, 1, c->id);
    vb_code code = store_step_done(s, st, err, "delete shift");
    if (code != VB_OK)
        return code;
    char subject[32], detail[300];
    snprintf(subject, sizeof subject, "shift:%lld", (long long)c->id);
    vb_fmt(detail, sizeof detail, "shift '%s' removed", name);
    return store_audit_add_in_tx(s, c->lead_id, c->at, AUDIT_ACTION, subject, detail, err);
}

vb_code store_settings_shift_delete(store *s, int64_t lead_id, int64_t at, int64_t id, vb_err *err)
{
    struct shift_ctx c = { lead_id, at, id, NULL, NULL, NULL, NULL };
    return store_write(s, shift_delete_write, &c, err);
}

/* ---- holidays ---------------------------------------------------------------- */

vb_code store_settings_holidays(store *s, const char *from_day, store_holiday *rows, int max, int *count,
                                vb_err *err)
{
    static const char sql[] = "SELECT day, name FROM holiday WHERE ?1 IS NULL OR day >= ?1 ORDER BY day";
    *count = 0;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return err ? err->code : VB_ERR_INTERNAL;
    store_bind_text(st, 1, from_day);
    int rc = SQLITE_DONE;
    while (*count < max && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        store_holiday *h = &rows[(*count)++];
        store_col_text(st, 0, h->day, sizeof h->day);
        store_col_text(st, 1, h->name, sizeof h->name);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return store_fail(s, err, rc, "read holidays");
    return VB_OK;
}

struct holiday_ctx {
    int64_t lead_id, at;
    const char *day, *name;
};

static vb_code holiday_add_write(store *s, void *ctx, vb_err *err)
{
    static const char sql[] =
        "INSERT INTO holiday (day, name) VALUES (?, ?) ON CONFLICT (day) DO UPDATE SET name = excluded.name";
    struct holiday_ctx *c = ctx;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return err ? err->code : VB_ERR_INTERNAL;
    sqlite3_bind_text(st, 1, c->day, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, c->name ? c->name : "", -1, SQLITE_TRANSIENT);
    vb_code code = store_step_done(s, st, err, "add holiday");
    if (code != VB_OK)
        return code;
    char subject[32], detail[300];
    vb_fmt(subject, sizeof subject, "holiday:%s", c->day);
    if (c->name && *c->name)
        vb_fmt(detail, sizeof detail, "holiday %s '%s' added", c->day, c->name);
    else
        vb_fmt(detail, sizeof detail, "holiday %s added", c->day);
    return store_audit_add_in_tx(s, c->lead_id, c->at, AUDIT_ACTION, subject, detail, err);
}

vb_code store_settings_holiday_add(store *s, int64_t lead_id, int64_t at, const char *day, const char *name,
                                   vb_err *err)
{
    vb_day d;
    char norm[11];
    if (!day || !vb_day_parse(day, &d))
        return vb_fail(err, VB_ERR_INVALID, "a holiday is a day YYYY-MM-DD");
    vb_day_format(d, norm);
    if (strcmp(norm, day) != 0)
        return vb_fail(err, VB_ERR_INVALID, "no such day: %s", day);
    if (name && *name && !store_name_ok(name, STORE_HOLIDAY_NAME_MAX))
        return vb_fail(err, VB_ERR_INVALID, "a holiday name has at most %d characters", STORE_HOLIDAY_NAME_MAX);
    struct holiday_ctx c = { lead_id, at, day, name };
    return store_write(s, holiday_add_write, &c, err);
}

static vb_code holiday_remove_write(store *s, void *ctx, vb_err *err)
{
    static const char sql[] = "DELETE FROM holiday WHERE day = ?";
    struct holiday_ctx *c = ctx;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return err ? err->code : VB_ERR_INTERNAL;
    sqlite3_bind_text(st, 1, c->day, -1, SQLITE_TRANSIENT);
    vb_code code = store_step_done(s, st, err, "remove holiday");
    if (code != VB_OK)
        return code;
    if (sqlite3_changes(s->db) == 0)
        return VB_OK;
    char subject[32], detail[100];
    vb_fmt(subject, sizeof subject, "holiday:%s", c->day);
    vb_fmt(detail, sizeof detail, "holiday %s removed", c->day);
    return store_audit_add_in_tx(s, c->lead_id, c->at, AUDIT_ACTION, subject, detail, err);
}

vb_code store_settings_holiday_remove(store *s, int64_t lead_id, int64_t at, const char *day, vb_err *err)
{
    if (!day || strlen(day) != 10)
        return vb_fail(err, VB_ERR_INVALID, "a holiday is a day YYYY-MM-DD");
    struct holiday_ctx c = { lead_id, at, day, NULL };
    return store_write(s, holiday_remove_write, &c, err);
}

/* test_lead.c: the store side of lead mode on temporary databases: the
 * audit log (a row joins the write transaction it records and rolls back
 * with it; shortening; listing newest first), the team settings a lead edits
 * (checked values, no-op changes leave no audit row, places, categories,
 * shifts, holidays), and the roster (adding, unique names and badges,
 * deactivating frees the badge, the last lead stays, roles, languages,
 * lockout listing). The store's connection is reached through
 * store_internal.h to run raw SQL and transactions. */
#include <sqlite3.h>

#include "../kiosk/store/store.h"
#include "../kiosk/store/store_audit.h"
#include "../kiosk/store/store_internal.h"
#include "../kiosk/store/store_members.h"
#include "../kiosk/store/store_roster.h"
#include "../kiosk/store/store_settings.h"
#include "testlib.h"

#define NOW_S 1795676100 /* 2026-11-26 06:55 UTC */

static int db_counter;

static store *fresh(void)
{
    char name[64];
    snprintf(name, sizeof name, "lead-%d.db", ++db_counter);
    store *s = NULL;
    vb_err err;
    vb_err_clear(&err);
    if (store_open(&s, t_path(name), STORE_READWRITE, NOW_S, &err) != VB_OK) {
        printf("not ok - open a test database: %s\n", err.msg);
        exit(1);
    }
    return s;
}

static bool exec(store *s, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        t_note("SQL failed: %s: %s", sql, msg ? msg : "?");
        sqlite3_free(msg);
        return false;
    }
    return true;
}

static int64_t scalar(store *s, const char *sql)
{
    sqlite3_stmt *st = NULL;
    int64_t v = -1;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

static void text(store *s, const char *sql, char *out, size_t size)
{
    sqlite3_stmt *st = NULL;
    out[0] = '\0';
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW &&
        sqlite3_column_text(st, 0))
        snprintf(out, size, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
}

/* Two leads (1, 2) and a worker (3). */
static void add_team(store *s)
{
    exec(s, "INSERT INTO member (id, name, role, badge, language, created_at) VALUES"
            " (1, 'Henk de Vries', 'lead', '0451234', 'nl', 1795600000),"
            " (2, 'Sandra Bakker', 'lead', NULL, 'nl', 1795600000),"
            " (3, 'Łukasz Wiśniewski', 'worker', '0451322', 'pl', 1795600000)");
}

/* ---- audit ----------------------------------------------------------------- */

struct tx_ctx {
    bool fail_after;
};

/* A write that changes a setting and records it, then fails or not. */
static vb_code audited_change(store *s, void *ctx, vb_err *err)
{
    struct tx_ctx *c = ctx;
    if (sqlite3_exec(s->db, "UPDATE setting SET value = 'Changed' WHERE key = 'team_name'", NULL, NULL, NULL) !=
        SQLITE_OK)
        return vb_fail(err, VB_ERR_INTERNAL, "update failed");
    vb_code rc = store_audit_add_in_tx(s, 1, NOW_S, "settings", "setting:team_name", "in a transaction", err);
    if (rc != VB_OK)
        return rc;
    rc = store_audit_add(s, 1, NOW_S, "settings", "setting:x", "store_audit_add inside", err);
    if (rc != VB_OK)
        return rc;
    return c->fail_after ? vb_fail(err, VB_ERR_INVALID, "the action itself fails") : VB_OK;
}

static void test_audit(void)
{
    store *s = fresh();
    add_team(s);
    vb_err err;
    vb_err_clear(&err);

    T_EQ_INT(store_audit_add(s, 1, NOW_S - 60, "idea_status", "idea:12", "new \xE2\x86\x92 review", &err), VB_OK,
             "audit: a row outside a transaction gets one of its own");
    T_EQ_INT(scalar(s, "SELECT count(*) FROM audit_log"), 1, "audit: the row is stored");
    T_EQ_INT(scalar(s, "SELECT member_id FROM audit_log"), 1, "audit: it names the lead");

    T_EQ_INT(store_audit_add_in_tx(s, 1, NOW_S, "settings", "x", "y", &err), VB_ERR_INTERNAL,
             "audit: the _in_tx variant refuses to run outside a transaction");
    T_EQ_INT(scalar(s, "SELECT count(*) FROM audit_log"), 1, "audit: ... and writes nothing");

    struct tx_ctx c = { true };
    T_CHECK(store_write(s, audited_change, &c, &err) != VB_OK, "audit: a failing action fails the write");
    T_EQ_INT(scalar(s, "SELECT count(*) FROM audit_log"), 1, "audit: its audit rows are rolled back with it");
    char v[64];
    text(s, "SELECT value FROM setting WHERE key = 'team_name'", v, sizeof v);
    T_EQ_STR(v, "Team", "audit: ... and so is the change itself");

    c.fail_after = false;
    T_EQ_INT(store_write(s, audited_change, &c, &err), VB_OK, "audit: a succeeding action commits");
    T_EQ_INT(scalar(s, "SELECT count(*) FROM audit_log"), 3, "audit: both rows commit with it");

    T_EQ_INT(store_audit_add(s, 0, NOW_S + 5, "roster", "member:3", NULL, &err), VB_OK,
             "audit: lead 0 (the command line) and no detail are fine");
    T_EQ_INT(scalar(s, "SELECT count(*) FROM audit_log WHERE member_id IS NULL AND detail = ''"), 1,
             "audit: lead 0 is stored as no member, no detail as ''");
    T_EQ_INT(store_audit_add(s, 1, NOW_S, "", "x", "y", &err), VB_ERR_INVALID, "audit: an empty action is refused");
    T_EQ_INT(store_audit_add(s, 1, NOW_S, "this_action_name_is_far_longer_than_forty_chars", "x", "y", &err),
             VB_ERR_INVALID, "audit: an action over 40 characters is refused");
    T_EQ_INT(store_audit_add(s, 1, NOW_S, "settings", "x", "bad \xC3 utf8", &err), VB_ERR_INVALID,
             "audit: invalid UTF-8 is refused");

    /* 600 × "ë" (2 bytes each): shortened to 500 characters, whole ones */
    char longtext[1300];
    size_t n = 0;
    for (int i = 0; i < 600; i++) {
        longtext[n++] = '\xC3';
        longtext[n++] = '\xAB';
    }
    longtext[n] = '\0';
    T_EQ_INT(store_audit_add(s, 2, NOW_S + 10, "lp_feedback", longtext, longtext, &err), VB_OK,
             "audit: an over-long subject and detail do not fail the action");
    T_EQ_INT(scalar(s, "SELECT length(detail) FROM audit_log WHERE action = 'lp_feedback'"), 500,
             "audit: the detail is shortened to 500 characters");
    T_EQ_INT(scalar(s, "SELECT length(subject) FROM audit_log WHERE action = 'lp_feedback'"), 80,
             "audit: the subject is shortened to 80 characters");
    T_EQ_INT(scalar(s, "SELECT count(*) FROM audit_log WHERE action = 'lp_feedback' AND detail GLOB '*ë'"), 1,
             "audit: shortened at a character boundary");

    store_audit_row rows[10];
    int count = 0;
    T_EQ_INT(store_audit_list(s, NULL, 0, rows, 10, &count, &err), VB_OK, "audit: list");
    T_EQ_INT(count, 5, "audit: list has every row");
    T_CHECK(count == 5 && rows[0].at == NOW_S + 10 && rows[1].at == NOW_S + 5 && rows[4].at == NOW_S - 60,
            "audit: newest first");
    T_EQ_STR(rows[0].lead_name, "Sandra Bakker", "audit: the list names the lead");
    T_CHECK(rows[1].lead_id == 0 && rows[1].lead_name[0] == '\0', "audit: the command line has no lead name");
    T_CHECK(rows[2].at == rows[3].at && rows[2].id > rows[3].id, "audit: same time: the later row first");
    T_EQ_INT(store_audit_list(s, "settings", 0, rows, 10, &count, &err), VB_OK, "audit: list one action");
    T_EQ_INT(count, 2, "audit: only that action");
    T_EQ_INT(store_audit_list(s, NULL, 3, rows, 10, &count, &err), VB_OK, "audit: list with an offset");
    T_CHECK(count == 2 && rows[1].at == NOW_S - 60, "audit: the offset skips the newest rows");
    int total = 0;
    T_CHECK(store_audit_count(s, NULL, &total, &err) == VB_OK && total == 5, "audit: count all");
    T_CHECK(store_audit_count(s, "idea_status", &total, &err) == VB_OK && total == 1, "audit: count one action");
    store_close(s);
}

/* ---- settings ---------------------------------------------------------------- */

static int audit_rows(store *s, const char *action)
{
    int n = 0;
    store_audit_count(s, action, &n, NULL);
    return n;
}

static void test_settings_values(void)
{
    store *s = fresh();
    add_team(s);
    vb_err err;
    vb_err_clear(&err);
    char v[200];

    T_EQ_INT(store_settings_set(s, 1, NOW_S, "team_name", "Assemblage Noord", &err), VB_OK, "settings: team name");
    store_setting_get(s, "team_name", v, sizeof v, NULL);
    T_EQ_STR(v, "Assemblage Noord", "settings: team name stored");
    T_EQ_INT(audit_rows(s, "settings"), 1, "settings: the change is audited");
    text(s, "SELECT subject || ' | ' || detail FROM audit_log", v, sizeof v);
    T_EQ_STR(v, "setting:team_name | team_name: 'Team' \xE2\x86\x92 'Assemblage Noord'",
             "settings: the audit row says what changed from what");
    T_EQ_INT(store_settings_set(s, 1, NOW_S, "team_name", "Assemblage Noord", &err), VB_OK,
             "settings: setting the same value again is fine");
    T_EQ_INT(audit_rows(s, "settings"), 1, "settings: ... and leaves no audit row");

    struct {
        const char *key, *value;
        bool ok;
    } cases[] = {
        { "team_name", "", false },
        { "team_name", " Lead space", false },
        { "team_name", "Line\nbreak", false },
        { "team_name", "Żółta brygada", true },
        { "language", "pl", true },
        { "language", "de", false },
        { "idle_timeout_s", "300", true },
        { "idle_timeout_s", "14", false },
        { "idle_timeout_s", "12x", false },
        { "dagstart_time", "07:30", true },
        { "dagstart_time", "24:00", false },
        { "dagstart_time", "7:30", false },
        { "dagstart_minutes", "15", true },
        { "dagstart_minutes", "90", false },
        { "working_days", "12345", true },
        { "working_days", "1357", true },
        { "working_days", "531", false },
        { "working_days", "1123", false },
        { "working_days", "", false },
        { "working_days", "8", false },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char name[160];
        char shown[64];
        snprintf(shown, sizeof shown, "%s", cases[i].value);
        for (char *p = shown; *p; p++)
            if (*p == '\n')
                *p = '/'; /* one line per check */
        snprintf(name, sizeof name, "settings: %s = '%s' is %s", cases[i].key, shown,
                 cases[i].ok ? "accepted" : "refused");
        vb_code rc = store_settings_set(s, 2, NOW_S, cases[i].key, cases[i].value, &err);
        T_EQ_INT(rc, cases[i].ok ? VB_OK : VB_ERR_INVALID, name);
    }
    store_setting_get(s, "working_days", v, sizeof v, NULL);
    T_EQ_STR(v, "1357", "settings: working days stored as ISO digits");
    /* seven accepted, one of them ("12345") the value it had already */
    T_EQ_INT(scalar(s, "SELECT count(*) FROM audit_log WHERE member_id = 2 AND action = 'settings'"), 6,
             "settings: every accepted change has its audit row, refused ones and no-ops none");
    store_close(s);
}

static void test_places(void)
{
    store *s = fresh();
    add_team(s);
    vb_err err;
    vb_err_clear(&err);
    int64_t a = 0, b = 0, c = 0;
    T_EQ_INT(store_settings_place_add(s, 1, NOW_S, "Lijn 1", &a, &err), VB_OK, "places: add");
    T_EQ_INT(store_settings_place_add(s, 1, NOW_S, "Lasrobot 3", &b, &err), VB_OK, "places: add another");
    T_EQ_INT(store_settings_place_add(s, 1, NOW_S, "Lijn 1", NULL, &err), VB_ERR_CONSTRAINT,
             "places: the same name twice is refused");
    T_EQ_INT(store_settings_place_add(s, 1, NOW_S, "", NULL, &err), VB_ERR_INVALID, "places: an empty name is refused");
    T_EQ_INT(store_settings_place_rename(s, 1, NOW_S, b, "Lasrobot 4", &err), VB_OK, "places: rename");
    T_EQ_INT(store_settings_place_rename(s, 1, NOW_S, b, "Lijn 1", &err), VB_ERR_CONSTRAINT,
             "places: renaming onto another name is refused");
    T_EQ_INT(store_settings_place_rename(s, 1, NOW_S, 999, "Nergens", &err), VB_ERR_NOTFOUND,
             "places: renaming a place that does not exist");
    T_EQ_INT(store_settings_place_set_active(s, 1, NOW_S, a, false, &err), VB_OK, "places: deactivate");
    store_place rows[10];
    int n = 0;
    store_settings_places(s, false, rows, 10, &n, &err);
    T_CHECK(n == 1 && strcmp(rows[0].name, "Lasrobot 4") == 0, "places: the active list leaves it out");
    store_settings_places(s, true, rows, 10, &n, &err);
    T_CHECK(n == 2 && !rows[1].active, "places: the full list shows it, inactive, last");
    T_EQ_INT(store_settings_place_add(s, 1, NOW_S, "Lijn 1", &c, &err), VB_OK,
             "places: adding the name of an inactive place");
    T_EQ_INT(c, a, "places: ... brings that place back");
    T_EQ_INT(scalar(s, "SELECT count(*) FROM place"), 2, "places: no second row");
    T_EQ_INT(audit_rows(s, "settings"), 5, "places: add, add, rename, deactivate, back: five audit rows");
    store_close(s);
}

static void test_categories_shifts_holidays(void)
{
    store *s = fresh();
    add_team(s);
    vb_err err;
    vb_err_clear(&err);
    store_category cats[10];
    int n = 0;
    T_EQ_INT(store_settings_categories(s, cats, 10, &n, &err), VB_OK, "categories: list");
    T_EQ_INT(n, 7, "categories: the seven defaults");
    T_EQ_INT(store_settings_category_rename(s, 1, NOW_S, 6, "Klant & leverancier", &err), VB_OK,
             "categories: rename");
    char v[100];
    text(s, "SELECT code || '=' || label FROM category WHERE id = 6", v, sizeof v);
    T_EQ_STR(v, "external=Klant & leverancier", "categories: the code stays, the label changes");
    T_EQ_INT(store_settings_category_rename(s, 1, NOW_S, 6, "", &err), VB_OK, "categories: back to the default");
    T_EQ_INT(scalar(s, "SELECT label IS NULL FROM category WHERE id = 6"), 1, "categories: the label is NULL again");
    T_EQ_INT(store_settings_category_rename(s, 1, NOW_S, 99, "X", &err), VB_ERR_NOTFOUND,
             "categories: no such category");

    store_shift sh[10];
    int64_t night = 0;
    T_EQ_INT(store_settings_shift_add(s, 1, NOW_S, "Nacht", "22:00", "06:00", &night, &err), VB_OK,
             "shifts: add a night shift");
    T_EQ_INT(store_settings_shift_add(s, 1, NOW_S, "Nacht", "22:00", "06:00", NULL, &err), VB_ERR_CONSTRAINT,
             "shifts: a second shift of the same name is refused");
    T_EQ_INT(store_settings_shift_add(s, 1, NOW_S, "Avond", "25:00", "06:00", NULL, &err), VB_ERR_INVALID,
             "shifts: a time that does not exist is refused");
    T_EQ_INT(store_settings_shift_update(s, 1, NOW_S, 1, "Ochtend", "05:45", "14:00", &err), VB_OK,
             "shifts: change name and times");
    store_settings_shifts(s, sh, 10, &n, &err);
    T_CHECK(n == 3 && strcmp(sh[0].name, "Ochtend") == 0 && strcmp(sh[0].starts, "05:45") == 0,
            "shifts: listed by start time with the new values");
    exec(s, "INSERT INTO learning_point (id, receipt, day, shift_id, dagstart_day, category_id, what_happened)"
            " VALUES ('0123456789abcdef', 'ABC-123', '2026-11-25', 2, '2026-11-26', 1, 'x')");
    T_EQ_INT(store_settings_shift_delete(s, 1, NOW_S, 2, &err), VB_ERR_CONSTRAINT,
             "shifts: a shift a learning point names stays");
    T_EQ_INT(store_settings_shift_delete(s, 1, NOW_S, night, &err), VB_OK, "shifts: an unused shift can go");
    T_EQ_INT(scalar(s, "SELECT count(*) FROM shift"), 2, "shifts: two left");

    T_EQ_INT(store_settings_holiday_add(s, 1, NOW_S, "2026-12-25", "Eerste Kerstdag", &err), VB_OK, "holidays: add");
    T_EQ_INT(store_settings_holiday_add(s, 1, NOW_S, "2026-12-26", NULL, &err), VB_OK, "holidays: add without name");
    T_EQ_INT(store_settings_holiday_add(s, 1, NOW_S, "2026-02-30", NULL, &err), VB_ERR_INVALID,
             "holidays: a day that does not exist is refused");
    T_EQ_INT(store_settings_holiday_add(s, 1, NOW_S, "2026-12-25", "Kerstmis", &err), VB_OK,
             "holidays: adding the same day again renames it");
    store_holiday hol[10];
    store_settings_holidays(s, "2026-12-26", hol, 10, &n, &err);
    T_CHECK(n == 1 && strcmp(hol[0].day, "2026-12-26") == 0, "holidays: listed from a day");
    store_settings_holidays(s, NULL, hol, 10, &n, &err);
    T_CHECK(n == 2 && strcmp(hol[0].name, "Kerstmis") == 0, "holidays: all, earliest first");
    T_EQ_INT(store_settings_holiday_remove(s, 1, NOW_S, "2026-12-26", &err), VB_OK, "holidays: remove");
    T_EQ_INT(scalar(s, "SELECT count(*) FROM holiday"), 1, "holidays: one left");
    int before = audit_rows(s, "settings");
    T_EQ_INT(store_settings_holiday_remove(s, 1, NOW_S, "2027-01-01", &err), VB_OK,
             "holidays: removing a day that is no holiday is a no-op");
    T_EQ_INT(audit_rows(s, "settings"), before, "holidays: ... without an audit row");
    T_EQ_INT(before, 2 + 3 + 4, "settings: categories 2, shifts 3, holidays 4 changes audited");
    store_close(s);
}

/* ---- roster ----------------------------------------------------------------- */

static void test_roster(void)
{
    store *s = fresh();
    add_team(s);
    vb_err err;
    vb_err_clear(&err);
    int64_t id = 0;
    char owner[244];

    T_EQ_INT(store_roster_add(s, 1, NOW_S, "Agnieszka Zając", "worker", "pl", NULL, &id, &err), VB_OK, "roster: add");
    store_roster_member m;
    T_CHECK(store_roster_get(s, id, &m, &err) == VB_OK && strcmp(m.language, "pl") == 0 && m.active &&
                !m.has_pin && m.badge[0] == '\0',
            "roster: the new member is active, Polish, without badge or PIN");
    T_EQ_INT(store_roster_add(s, 1, NOW_S, "Agnieszka Zając", "worker", "nl", NULL, NULL, &err), VB_ERR_CONSTRAINT,
             "roster: a second active member of the same name is refused");
    T_EQ_INT(store_roster_add(s, 1, NOW_S, "Nieuw", "boss", "nl", NULL, NULL, &err), VB_ERR_INVALID,
             "roster: an unknown role is refused");
    T_EQ_INT(store_roster_add(s, 1, NOW_S, "Nieuw", "worker", "de", NULL, NULL, &err), VB_ERR_INVALID,
             "roster: an unknown language is refused");
    T_EQ_INT(store_roster_add(s, 1, NOW_S, "Nieuw", "worker", "nl", "0451234", NULL, &err), VB_ERR_CONSTRAINT,
             "roster: adding with a badge someone has is refused");

    T_EQ_INT(store_roster_set_badge(s, 1, NOW_S, id, "0451234", owner, sizeof owner, &err), VB_ERR_CONSTRAINT,
             "roster: a badge that belongs to someone else is refused");
    T_EQ_STR(owner, "Henk de Vries", "roster: ... naming who has it");
    T_EQ_INT(store_roster_set_badge(s, 1, NOW_S, id, "a b", owner, sizeof owner, &err), VB_ERR_INVALID,
             "roster: a badge with a space is refused");
    T_EQ_INT(store_roster_set_badge(s, 1, NOW_S, id, "0451323", owner, sizeof owner, &err), VB_OK,
             "roster: set a free badge");
    T_EQ_INT(store_roster_set_badge(s, 1, NOW_S, id, "0451323", owner, sizeof owner, &err), VB_OK,
             "roster: setting the member's own badge again is fine");
    int before = audit_rows(s, "roster");
    T_EQ_INT(before, 2, "roster: add and badge audited, the repeat not");

    T_EQ_INT(store_roster_deactivate(s, 1, NOW_S, 3, &err), VB_OK, "roster: deactivate a worker");
    T_CHECK(store_roster_get(s, 3, &m, &err) == VB_OK && !m.active && m.badge[0] == '\0',
            "roster: a deactivated member keeps the row, loses the badge");
    T_EQ_INT(store_roster_set_badge(s, 1, NOW_S, id, "0451322", owner, sizeof owner, &err), VB_OK,
             "roster: the freed badge can be given to someone else");
    T_EQ_INT(store_roster_add(s, 1, NOW_S, "Łukasz Wiśniewski", "worker", "pl", NULL, NULL, &err), VB_OK,
             "roster: the name of a deactivated member can be used again");
    store_roster_member list[10];
    int n = 0;
    store_roster_list(s, false, list, 10, &n, &err);
    T_EQ_INT(n, 4, "roster: the active list has four");
    store_roster_list(s, true, list, 10, &n, &err);
    T_CHECK(n == 5 && !list[4].active, "roster: with inactive ones, they come last");

    T_EQ_INT(store_roster_deactivate(s, 1, NOW_S, 1, &err), VB_ERR_CONSTRAINT, "roster: a lead cannot deactivate themself");
    T_EQ_INT(store_roster_set_role(s, 1, NOW_S, 2, "worker", &err), VB_OK, "roster: a lead makes the other lead a worker");
    T_EQ_INT(store_roster_set_role(s, 0, NOW_S, 1, "worker", &err), VB_ERR_CONSTRAINT,
             "roster: the last lead keeps the role");
    T_EQ_INT(store_roster_deactivate(s, 0, NOW_S, 1, &err), VB_ERR_CONSTRAINT, "roster: the last lead cannot be deactivated");
    int leads = 0, with_pin = 0;
    store_roster_count_leads(s, &leads, &with_pin, &err);
    T_CHECK(leads == 1 && with_pin == 0, "roster: one lead, no PIN");
    T_EQ_INT(store_roster_set_language(s, 1, NOW_S, id, "en", &err), VB_OK, "roster: language");
    T_EQ_INT(store_roster_set_language(s, 1, NOW_S, id, "xx", &err), VB_ERR_INVALID, "roster: unknown language");

    store_member_set_pwhash_cost(STORE_PWHASH_CHEAP);
    T_EQ_INT(store_member_set_pin(s, 1, "2468", &err), VB_OK, "roster: a PIN through store_members");
    T_CHECK(store_roster_get(s, 1, &m, &err) == VB_OK && m.has_pin, "roster: shows the PIN is set");
    exec(s, "UPDATE member SET failed_pins = 5, locked_until = 1795676400 WHERE id = 1");
    store_roster_locked(s, NOW_S, list, 10, &n, &err);
    T_CHECK(n == 1 && list[0].id == 1, "roster: a running lockout is listed");
    store_roster_locked(s, 1795676400, list, 10, &n, &err);
    T_EQ_INT(n, 0, "roster: an ended lockout is not");
    T_EQ_INT(store_roster_find_name(s, "Henk de Vries", &m, &err), VB_OK, "roster: find by name");
    T_EQ_INT(store_roster_find_name(s, "Henk", &m, &err), VB_ERR_NOTFOUND, "roster: exact names only");
    T_EQ_INT(scalar(s, "SELECT count(*) FROM audit_log WHERE action = 'roster' AND subject LIKE 'member:%'"),
             audit_rows(s, "roster"), "roster: every audit row names its member");
    T_EQ_INT(audit_rows(s, "roster"), 7, "roster: seven changes audited (PINs are audited by their callers)");
    store_close(s);
}

int main(void)
{
    test_audit();
    test_settings_values();
    test_places();
    test_categories_shifts_holidays();
    test_roster();
    return t_done();
}

/* test_members.c: the members store (store/members.c): the roster to pick
 * a name from, lookup by badge, and personal PINs: hashed with Argon2id,
 * checked, locked out after 5 wrong PINs with a delay that grows, and that
 * lockout kept across a restart (close and reopen the database); a lead can
 * lift it. Runs on a temporary database filled with the demo team. */
#include "testlib.h"

#include <ctype.h>
#include <sqlite3.h>

#include "../kiosk/store/store.h"
#include "../kiosk/store/store_members.h"

#define NOW_S 1795676100 /* 2026-11-26 06:55 UTC */

/* demo members (store/demo.c): ids are positions in its list */
#define HENK 1      /* lead, badge 0451234, nl */
#define LINDA 5     /* no badge */
#define LUKASZ 7    /* badge 0451322, pl */
#define SARAH 13    /* no badge, en */

static store *open_db(const char *path)
{
    store *s = NULL;
    vb_err err;
    vb_code rc = store_open(&s, path, STORE_READWRITE, NOW_S, &err);
    if (!t_report(rc == VB_OK, "open the database", "%s", err.msg))
        exit(t_done());
    return s;
}

static sqlite3 *raw(const char *path)
{
    sqlite3 *db = NULL;
    sqlite3_open(path, &db);
    return db;
}

static int64_t raw_int(const char *path, const char *sql)
{
    sqlite3 *db = raw(path);
    sqlite3_stmt *st = NULL;
    int64_t v = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_type(st, 0) == SQLITE_NULL ? 0 : sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

static void raw_text(const char *path, const char *sql, char *out, size_t size)
{
    sqlite3 *db = raw(path);
    sqlite3_stmt *st = NULL;
    out[0] = '\0';
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW &&
        sqlite3_column_text(st, 0))
        snprintf(out, size, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(db);
}

static void raw_exec(const char *path, const char *sql)
{
    sqlite3 *db = raw(path);
    sqlite3_exec(db, sql, NULL, NULL, NULL);
    sqlite3_close(db);
}

/* ASCII-only case folding, as SQLite's NOCASE */
static int nocase_cmp(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        int ca = tolower((unsigned char)*a), cb = tolower((unsigned char)*b);
        if (ca != cb)
            return ca - cb;
    }
    return (unsigned char)*a - (unsigned char)*b;
}

static void test_roster(store *s, const char *path)
{
    store_member list[64];
    int n = 0;
    vb_err err;
    T_EQ_INT(store_member_list(s, list, 64, &n, &err), VB_OK, "list members");
    T_EQ_INT(n, 15, "the demo team has 15 active members");
    bool sorted = true;
    for (int i = 1; i < n; i++)
        if (nocase_cmp(list[i - 1].name, list[i].name) > 0)
            sorted = false;
    T_CHECK(sorted, "ordered by name");
    T_EQ_STR(list[0].name, "Agnieszka Zaj\xC4\x85" "c", "first by name: Agnieszka Zając");
    store_member *lukasz = NULL, *linda = NULL;
    for (int i = 0; i < n; i++) {
        if (list[i].id == LUKASZ)
            lukasz = &list[i];
        if (list[i].id == LINDA)
            linda = &list[i];
    }
    T_CHECK(lukasz && lukasz->has_badge && strcmp(lukasz->language, "pl") == 0 &&
                strcmp(lukasz->role, "worker") == 0 && !lukasz->has_pin,
            "Łukasz: worker, Polish, with a badge, no PIN");
    T_CHECK(linda && !linda->has_badge, "Linda has no badge");

    int few = 0;
    T_EQ_INT(store_member_list(s, list, 3, &few, &err), VB_OK, "a list into a small array");
    T_EQ_INT(few, 3, "... fills only what fits");

    /* an inactive member is not listed and not found by badge */
    raw_exec(path, "UPDATE member SET active = 0 WHERE id = 12"); /* Tom Hendriks, badge 0451341 */
    T_EQ_INT(store_member_list(s, list, 64, &n, &err), VB_OK, "list again");
    T_EQ_INT(n, 14, "an inactive member is not listed");
    store_member m;
    T_EQ_INT(store_member_by_badge(s, "0451341", &m, &err), VB_ERR_NOTFOUND, "an inactive member's badge is unknown");
    T_EQ_INT(store_member_get(s, 12, &m, &err), VB_OK, "get finds an inactive member by id (history)");
    raw_exec(path, "UPDATE member SET active = 1 WHERE id = 12");
}

static void test_badge_lookup(store *s)
{
    store_member m;
    vb_err err;
    T_EQ_INT(store_member_by_badge(s, "0451322", &m, &err), VB_OK, "find by badge 0451322");
    T_EQ_INT(m.id, LUKASZ, "... it is Łukasz");
    T_EQ_STR(m.name, "\xC5\x81ukasz Wi\xC5\x9Bniewski", "... name as typed, UTF-8");
    T_EQ_STR(m.language, "pl", "... language pl");
    T_EQ_INT(store_member_by_badge(s, "0000000", &m, &err), VB_ERR_NOTFOUND, "an unknown badge: not found");
    T_EQ_INT(store_member_by_badge(s, "", &m, &err), VB_ERR_NOTFOUND, "an empty badge: not found");
    T_EQ_INT(store_member_by_badge(s, "0451322' OR '1'='1", &m, &err), VB_ERR_NOTFOUND,
             "a badge with SQL in it is just an unknown badge");
    T_EQ_INT(store_member_get(s, HENK, &m, &err), VB_OK, "get by id");
    T_EQ_STR(m.role, "lead", "... Henk is a lead");
    T_EQ_INT(store_member_get(s, 999, &m, &err), VB_ERR_NOTFOUND, "get of a missing id: not found");
}

static store_pin_result check(store *s, int64_t id, const char *pin, int64_t now, vb_code *rc)
{
    store_pin_result r;
    vb_err err;
    vb_err_clear(&err);
    *rc = store_member_check_pin(s, id, pin, now, &r, &err);
    return r;
}

static void test_pins(store **sp, const char *path)
{
    store *s = *sp;
    vb_err err;
    vb_code rc;
    T_CHECK(store_pin_valid("1234") && store_pin_valid("12345678"), "4 and 8 digits are valid PINs");
    T_CHECK(!store_pin_valid("123") && !store_pin_valid("123456789") && !store_pin_valid("12a4") &&
                !store_pin_valid("") && !store_pin_valid(NULL) && !store_pin_valid("12 4"),
            "too short, too long, letters, empty, spaces are not");
    T_EQ_INT(store_member_set_pin(s, LUKASZ, "12", &err), VB_ERR_INVALID, "setting a 2-digit PIN is refused");
    T_EQ_INT(store_member_set_pin(s, 999, "1234", &err), VB_ERR_NOTFOUND, "setting a PIN of a missing member");

    store_pin_result r = check(s, LUKASZ, "1234", NOW_S, &rc);
    T_CHECK(rc == VB_OK && r.status == STORE_PIN_NONE, "a member without a PIN: PIN_NONE");

    T_EQ_INT(store_member_set_pin(s, LUKASZ, "2468", &err), VB_OK, "set a PIN");
    char hash[300];
    raw_text(path, "SELECT pin_hash FROM member WHERE id = 7", hash, sizeof hash);
    T_CHECK(strncmp(hash, "$argon2id$", 10) == 0, "stored as an Argon2id hash");
    T_CHECK(strstr(hash, "2468") == NULL, "the PIN itself is not stored");
    store_member m;
    store_member_get(s, LUKASZ, &m, &err);
    T_CHECK(m.has_pin, "has_pin is true");

    r = check(s, LUKASZ, "2468", NOW_S, &rc);
    T_CHECK(rc == VB_OK && r.status == STORE_PIN_OK, "the right PIN: OK");

    /* 4 wrong PINs: counted, no lockout yet */
    int64_t t = NOW_S;
    for (int i = 1; i <= 4; i++) {
        r = check(s, LUKASZ, "1111", t, &rc);
        char name[80];
        snprintf(name, sizeof name, "wrong PIN %d: WRONG, %d tries left, not locked", i, 5 - i);
        t_report(rc == VB_OK && r.status == STORE_PIN_WRONG && r.tries_left == 5 - i && r.locked_until == 0 &&
                     r.failed == i,
                 name, "rc %d status %d tries_left %d failed %d locked_until %lld", (int)rc, (int)r.status,
                 r.tries_left, r.failed, (long long)r.locked_until);
    }
    T_EQ_INT(raw_int(path, "SELECT failed_pins FROM member WHERE id = 7"), 4, "failed_pins is stored");
    r = check(s, LUKASZ, "1111", t, &rc);
    T_CHECK(r.status == STORE_PIN_WRONG && r.locked_until == t + STORE_PIN_LOCK_FIRST_S,
            "the 5th wrong PIN locks for 30 s");
    r = check(s, LUKASZ, "2468", t + 10, &rc);
    T_CHECK(rc == VB_OK && r.status == STORE_PIN_LOCKED && r.locked_until == t + 30,
            "while locked, even the right PIN is refused (LOCKED, until)");

    /* a restart does not reset the lockout */
    store_close(s);
    s = *sp = open_db(path);
    r = check(s, LUKASZ, "2468", t + 20, &rc);
    T_CHECK(rc == VB_OK && r.status == STORE_PIN_LOCKED, "after reopening the database: still locked");
    T_EQ_INT(raw_int(path, "SELECT locked_until FROM member WHERE id = 7"), t + 30, "locked_until is stored");

    /* the delay grows with each further wrong PIN */
    t += 31;
    r = check(s, LUKASZ, "1111", t, &rc);
    T_CHECK(r.status == STORE_PIN_WRONG && r.locked_until == t + 60, "the 6th wrong PIN locks for 60 s");
    t += 61;
    r = check(s, LUKASZ, "1111", t, &rc);
    T_CHECK(r.status == STORE_PIN_WRONG && r.locked_until == t + 120, "the 7th wrong PIN locks for 120 s");
    store_close(s);
    s = *sp = open_db(path);
    t += 121;
    r = check(s, LUKASZ, "0000", t, &rc);
    T_CHECK(r.status == STORE_PIN_WRONG && r.locked_until == t + 240 && r.failed == 8,
            "after a restart the count goes on: the 8th locks for 240 s");
    for (int i = 0; i < 10; i++) {
        t = r.locked_until + 1;
        r = check(s, LUKASZ, "0000", t, &rc);
    }
    T_CHECK(r.locked_until - t == STORE_PIN_LOCK_MAX_S, "the delay stops growing at an hour");

    /* the right PIN after a lockout ends: all forgotten */
    t = r.locked_until + 1;
    r = check(s, LUKASZ, "2468", t, &rc);
    T_CHECK(rc == VB_OK && r.status == STORE_PIN_OK && r.failed == 0, "the right PIN after the pause: OK");
    T_EQ_INT(raw_int(path, "SELECT failed_pins FROM member WHERE id = 7"), 0, "failed_pins back to 0");
    T_EQ_INT(raw_int(path, "SELECT locked_until FROM member WHERE id = 7"), 0, "locked_until cleared");

    /* a lead lifts a lockout */
    for (int i = 0; i < 5; i++)
        r = check(s, LUKASZ, "9999", t, &rc);
    T_CHECK(r.status == STORE_PIN_WRONG && r.locked_until > t, "locked again after 5 wrong PINs");
    T_EQ_INT(store_member_lift_lockout(s, LUKASZ, &err), VB_OK, "lift the lockout");
    r = check(s, LUKASZ, "2468", t + 1, &rc);
    T_CHECK(rc == VB_OK && r.status == STORE_PIN_OK, "after lifting: the right PIN works at once");
    T_EQ_INT(store_member_lift_lockout(s, 999, &err), VB_ERR_NOTFOUND, "lifting for a missing member");

    /* a new PIN replaces the old one and clears a lockout */
    for (int i = 0; i < 5; i++)
        check(s, LUKASZ, "9999", t, &rc);
    T_EQ_INT(store_member_set_pin(s, LUKASZ, "13579", &err), VB_OK, "set a new PIN while locked");
    r = check(s, LUKASZ, "13579", t, &rc);
    T_CHECK(r.status == STORE_PIN_OK, "the new PIN works at once");
    r = check(s, LUKASZ, "2468", t, &rc);
    T_CHECK(r.status == STORE_PIN_WRONG, "the old PIN no longer works");

    /* removing the PIN */
    T_EQ_INT(store_member_set_pin(s, LUKASZ, NULL, &err), VB_OK, "remove the PIN");
    r = check(s, LUKASZ, "13579", t, &rc);
    T_CHECK(rc == VB_OK && r.status == STORE_PIN_NONE, "without a PIN: PIN_NONE");
    T_EQ_INT(raw_int(path, "SELECT failed_pins FROM member WHERE id = 7"), 0, "removing clears the count");

    /* an inactive member cannot use a PIN */
    store_member_set_pin(s, SARAH, "4321", &err);
    raw_exec(path, "UPDATE member SET active = 0 WHERE id = 13");
    r = check(s, SARAH, "4321", t, &rc);
    T_EQ_INT(rc, VB_ERR_NOTFOUND, "an inactive member's PIN: not found");
    T_CHECK(r.status != STORE_PIN_OK, "... and never OK");
    raw_exec(path, "UPDATE member SET active = 1 WHERE id = 13");

    /* a read-only database: the attempt cannot be recorded, so it is refused */
    store_member_set_pin(s, HENK, "1357", &err);
    store_close(s);
    store *ro = NULL;
    T_EQ_INT(store_open(&ro, path, STORE_READONLY, NOW_S, &err), VB_OK, "open read-only");
    r = check(ro, HENK, "1357", t, &rc);
    T_CHECK(rc != VB_OK && r.status != STORE_PIN_OK, "read-only: even the right PIN is refused (not recorded)");
    store_close(ro);
    s = *sp = open_db(path);
}

static void test_rehash(store *s, const char *path)
{
    vb_err err;
    vb_code rc;
    /* a hash made cheap (tests, old versions) is made again at today's cost
     * when the right PIN is typed */
    store_member_set_pwhash_cost(STORE_PWHASH_CHEAP);
    store_member_set_pin(s, LINDA, "8642", &err);
    char before[300], after[300];
    raw_text(path, "SELECT pin_hash FROM member WHERE id = 5", before, sizeof before);
    T_CHECK(strstr(before, "m=8,") != NULL, "the cheap cost makes a cheap hash (m=8 KiB)");
    store_member_set_pwhash_cost(STORE_PWHASH_INTERACTIVE);
    store_pin_result r = check(s, LINDA, "8642", NOW_S, &rc);
    T_CHECK(rc == VB_OK && r.status == STORE_PIN_OK, "the cheap hash still verifies");
    raw_text(path, "SELECT pin_hash FROM member WHERE id = 5", after, sizeof after);
    T_CHECK(strstr(after, "m=65536,") != NULL, "... and is re-hashed at the interactive cost (64 MiB)");
    r = check(s, LINDA, "8642", NOW_S, &rc);
    T_CHECK(rc == VB_OK && r.status == STORE_PIN_OK, "the re-hashed PIN verifies");
    store_member_set_pwhash_cost(STORE_PWHASH_CHEAP);
}

int main(void)
{
    /* cheap hashing for tests, as documented in store_members.h */
    store_member_set_pwhash_cost(STORE_PWHASH_CHEAP);
    const char *path = t_path("members.db");
    store *s = open_db(path);
    vb_err err;
    if (!t_report(store_demo_fill(s, NOW_S, &err) == VB_OK, "fill the demo team", "%s", err.msg))
        return t_done();
    test_roster(s, path);
    test_badge_lookup(s);
    test_pins(&s, path);
    test_rehash(s, path);
    store_close(s);
    return t_done();
}

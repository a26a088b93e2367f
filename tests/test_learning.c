/* test_learning.c: learning points in the store (store_learning.h), on
 * temporary databases: saving anonymous and signed points, and the proof
 * that an anonymous one carries no member, no time finer than its day and
 * shift, and no key or order that places it among timed rows (every column
 * of the row, the table's schema, its indexes and triggers, and the other
 * tables are looked at); random keys and receipt codes, also when a code
 * collides; the day, shift and next daily start across a weekend, holidays
 * and a night shift; refusing empty and bad input; browsing page by page,
 * with a category filter and hidden points left out, fast with 100,000
 * points; "this happened to me too" once per member; following a receipt
 * code as people type it; and a save that meets a locked database. Tests
 * use sqlite3 directly to look at what was stored. */
#include <sqlite3.h>
#include <time.h>

#include "../kiosk/core/category.h"
#include "../kiosk/core/date.h"
#include "../kiosk/core/clock.h"
#include "../kiosk/core/receipt.h"
#include "../kiosk/store/store.h"
#include "../kiosk/store/store_learning.h"
#include "testdb.h"
#include "testlib.h"

static int db_counter;

static const char *new_db_path(const char *stem)
{
    static char bufs[4][4300];
    static int next;
    char *b = bufs[next++ % 4];
    char name[200];
    snprintf(name, sizeof name, "%s-%d.db", stem, ++db_counter);
    snprintf(b, sizeof bufs[0], "%s", t_path(name));
    return b;
}

/* Local time "YYYY-MM-DDTHH:MM" as unix seconds (the kiosk's --now). */
static int64_t at(const char *local)
{
    int64_t t = 0;
    if (!vb_parse_local_datetime(local, &t)) {
        printf("not ok - parse time %s\n", local);
        exit(1);
    }
    return t;
}

static sqlite3 *raw_open(const char *path)
{
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK || !t_db_views(db, path)) {
        sqlite3_close(db);
        return NULL;
    }
    sqlite3_busy_timeout(db, 5000);
    sqlite3_exec(db, "PRAGMA foreign_keys=ON", NULL, NULL, NULL);
    return db;
}

static int64_t raw_int(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st = NULL;
    int64_t v = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

static bool raw_exec(sqlite3 *db, const char *sql)
{
    char *msg = NULL;
    int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
    if (rc != SQLITE_OK)
        t_note("sql failed: %s: %s", sql, msg ? msg : "?");
    sqlite3_free(msg);
    return rc == SQLITE_OK;
}

/* A store with a small team: members 1 (Anna, badge) and 2 (Bram), places
 * 1 "Lijn 1" and 2 "Magazijn". */
static store *open_team(const char *stem, const char **path_out)
{
    const char *path = new_db_path(stem);
    store *s = NULL;
    vb_err err;
    if (store_open(&s, path, STORE_READWRITE, at("2026-11-26T06:55"), &err) != VB_OK) {
        printf("not ok - open %s: %s\n", path, err.msg);
        exit(1);
    }
    sqlite3 *db = raw_open(path);
    raw_exec(db, "INSERT INTO member (id, name, badge, created_at) VALUES (1, 'Anna', '0451301', 1700000000),"
                 " (2, 'Bram', NULL, 1700000000), (3, 'Cor', NULL, 1700000000);"
                 "INSERT INTO place (id, name, sort) VALUES (1, 'Lijn 1', 1), (2, 'Magazijn', 2);");
    sqlite3_close(db);
    if (path_out)
        *path_out = path;
    return s;
}

static bool is_lower_hex16(const char *id)
{
    if (strlen(id) != 16)
        return false;
    for (int i = 0; i < 16; i++)
        if (!((id[i] >= '0' && id[i] <= '9') || (id[i] >= 'a' && id[i] <= 'f')))
            return false;
    return true;
}

static bool is_receipt(const char *r)
{
    if (strlen(r) != 7 || r[3] != '-')
        return false;
    for (int i = 0; i < 7; i++)
        if (i != 3 && !strchr(RECEIPT_ALPHABET, r[i]))
            return false;
    return true;
}

static vb_code save(store *s, int64_t category, int64_t place, const char *what, const char *lesson, int64_t member,
                    int64_t now, lp_saved *out)
{
    lp_new in = { category, place, what, lesson, member };
    vb_err err;
    vb_code rc = store_learning_save(s, &in, now, out, &err);
    if (rc != VB_OK)
        t_note("save: %s", err.msg);
    return rc;
}

/* ---- anonymity ------------------------------------------------------------- */

/* The columns a learning point may have; anything else (a time stamp, an
 * author, a sequence) must fail this test on purpose. */
static const char *const allowed_columns[] = {
    "id", "receipt", "day", "shift_id", "dagstart_day", "category_id", "place_id", "what_happened", "lesson",
    "member_id", "wall_approved", "hidden", "discussed_day", "feedback", NULL,
};

static bool allowed_column(const char *name)
{
    for (int i = 0; allowed_columns[i]; i++)
        if (strcmp(allowed_columns[i], name) == 0)
            return true;
    return false;
}

/* Rows in every table other than the learning-point ones, and the newest time
 * stamp: an anonymous save must leave all of it as it was. */
static int64_t other_rows(sqlite3 *db)
{
    return raw_int(db,
                   "SELECT (SELECT count(*) FROM member) + (SELECT count(*) FROM idea) +"
                   " (SELECT count(*) FROM idea_history) + (SELECT count(*) FROM vote) +"
                   " (SELECT count(*) FROM action) + (SELECT count(*) FROM dagstart) +"
                   " (SELECT count(*) FROM announcement) + (SELECT count(*) FROM audit_log) +"
                   " (SELECT count(*) FROM setting) + (SELECT count(*) FROM dagstart_item)");
}

static void test_anonymous_row(void)
{
    const char *path;
    store *s = open_team("anon", &path);
    sqlite3 *db = raw_open(path);
    int64_t before_rows = other_rows(db);
    int64_t newest_before = -1, newest_after = -2;
    store_newest_time(s, &newest_before, NULL);

    lp_saved out;
    int64_t now = at("2026-11-26T09:41");
    T_EQ_INT(save(s, 2, 1, "Kabel over de looproute, bijna gestruikeld", "Kabelhaspel ophangen", 0, now, &out), VB_OK,
             "anonymous learning point saved");
    T_CHECK(is_lower_hex16(out.id), "id is 16 lowercase hex characters");
    T_CHECK(is_receipt(out.receipt), "receipt is XXX-XXX from the receipt alphabet");
    T_EQ_STR(out.day, "2026-11-26", "day is the local day of the moment");
    T_EQ_INT(out.shift_id, 1, "09:41 is in the early shift (06:00-14:00)");
    T_EQ_STR(out.dagstart_day, "2026-11-27", "daily start is the next working day");

    /* Every column of the row, by name. */
    sqlite3_stmt *st = NULL;
    sqlite3_prepare_v2(db, "SELECT * FROM learning_point WHERE id = ?", -1, &st, NULL);
    sqlite3_bind_text(st, 1, out.id, -1, SQLITE_TRANSIENT);
    bool found = sqlite3_step(st) == SQLITE_ROW;
    T_CHECK(found, "the row is there");
    int ncol = sqlite3_column_count(st);
    T_EQ_INT(ncol, 14, "learning_point has exactly the 14 known columns");
    bool all_known = true, no_time_value = true, member_null = false;
    for (int i = 0; found && i < ncol; i++) {
        const char *name = sqlite3_column_name(st, i);
        if (!allowed_column(name)) {
            all_known = false;
            t_note("unexpected column %s", name);
        }
        int type = sqlite3_column_type(st, i);
        if (strcmp(name, "member_id") == 0)
            member_null = type == SQLITE_NULL;
        /* No integer that could be a time stamp (seconds or milliseconds). */
        if (type == SQLITE_INTEGER && sqlite3_column_int64(st, i) > 100000) {
            no_time_value = false;
            t_note("column %s holds %lld", name, (long long)sqlite3_column_int64(st, i));
        }
        if (type == SQLITE_FLOAT)
            no_time_value = false;
        if (type == SQLITE_TEXT) {
            const char *v = (const char *)sqlite3_column_text(st, i);
            /* A day is fine; a clock time ("09:41", "T09") is not. */
            if (strchr(v, ':') && strcmp(name, "what_happened") != 0 && strcmp(name, "lesson") != 0) {
                no_time_value = false;
                t_note("column %s holds a clock time: %s", name, v);
            }
        }
        if (strcmp(name, "id") == 0)
            T_EQ_STR((const char *)sqlite3_column_text(st, i), out.id, "column id is the random key");
        else if (strcmp(name, "receipt") == 0)
            T_EQ_STR((const char *)sqlite3_column_text(st, i), out.receipt, "column receipt");
        else if (strcmp(name, "day") == 0)
            T_EQ_STR((const char *)sqlite3_column_text(st, i), "2026-11-26", "column day");
        else if (strcmp(name, "shift_id") == 0)
            T_EQ_INT(sqlite3_column_int64(st, i), 1, "column shift_id");
        else if (strcmp(name, "dagstart_day") == 0)
            T_EQ_STR((const char *)sqlite3_column_text(st, i), "2026-11-27", "column dagstart_day");
        else if (strcmp(name, "category_id") == 0)
            T_EQ_INT(sqlite3_column_int64(st, i), 2, "column category_id");
        else if (strcmp(name, "place_id") == 0)
            T_EQ_INT(sqlite3_column_int64(st, i), 1, "column place_id");
        else if (strcmp(name, "what_happened") == 0)
            T_EQ_STR((const char *)sqlite3_column_text(st, i), "Kabel over de looproute, bijna gestruikeld",
                     "column what_happened");
        else if (strcmp(name, "lesson") == 0)
            T_EQ_STR((const char *)sqlite3_column_text(st, i), "Kabelhaspel ophangen", "column lesson");
        else if (strcmp(name, "wall_approved") == 0 || strcmp(name, "hidden") == 0)
            T_EQ_INT(sqlite3_column_int64(st, i), 0, name);
        else if (strcmp(name, "discussed_day") == 0 || strcmp(name, "feedback") == 0)
            T_CHECK(type == SQLITE_NULL, name);
    }
    sqlite3_finalize(st);
    T_CHECK(all_known, "no column beyond the known ones");
    T_CHECK(member_null, "anonymous: member_id is NULL");
    T_CHECK(no_time_value, "no value finer than day and shift (no time stamp, no clock time)");

    /* The anonymous file's table itself: no rowid, no time column, no
     * member, no index or trigger that could order or log it by time. */
    char sql[4000] = "";
    sqlite3_prepare_v2(db, "SELECT sql FROM anon.sqlite_schema WHERE type = 'table' AND name = 'learning_point_anon'",
                       -1, &st, NULL);
    if (sqlite3_step(st) == SQLITE_ROW)
        snprintf(sql, sizeof sql, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    T_CHECK(strstr(sql, "WITHOUT ROWID") != NULL, "learning_point_anon is WITHOUT ROWID");
    T_CHECK(sqlite3_prepare_v2(db, "SELECT rowid FROM anon.learning_point_anon", -1, &st, NULL) != SQLITE_OK,
            "learning_point_anon has no rowid to select");
    sqlite3_finalize(st);
    T_CHECK(sqlite3_prepare_v2(db, "SELECT _rowid_, oid FROM learning_point_metoo", -1, &st, NULL) != SQLITE_OK,
            "learning_point_metoo has no rowid either");
    sqlite3_finalize(st);
    T_EQ_INT(raw_int(db, "SELECT count(*) FROM anon.pragma_table_info('learning_point_anon') WHERE pk = 1"
                         " AND name = 'id'"),
             1, "the primary key is the random id");
    T_EQ_INT(raw_int(db, "SELECT count(*) FROM anon.pragma_table_info('learning_point_anon') WHERE"
                         " name LIKE '%\\_at' ESCAPE '\\' OR name LIKE '%time%' OR name LIKE '%seq%'"
                         " OR name LIKE '%created%' OR name LIKE '%member%'"),
             0, "no column named like a time, a sequence or a member");
    T_EQ_INT(raw_int(db, "SELECT count(*) FROM pragma_table_info('learning_point_metoo')"), 2,
             "learning_point_metoo holds only the point and the member");
    T_EQ_INT(raw_int(db, "SELECT count(*) FROM anon.pragma_index_list('learning_point_anon') il,"
                         " anon.pragma_index_info(il.name) ii WHERE ii.name NOT IN"
                         " ('id', 'receipt', 'day', 'shift_id', 'dagstart_day', 'category_id', 'place_id')"),
             0, "indexes use only the key, receipt, day, shift, daily start, category or place");
    T_EQ_INT(raw_int(db, "SELECT count(*) FROM anon.sqlite_schema WHERE type NOT IN ('table', 'index')"), 0,
             "the anonymous file has no trigger or view");
    T_EQ_INT(raw_int(db, "SELECT count(*) FROM anon.sqlite_schema WHERE type = 'table'"
                         " AND name NOT IN ('learning_point_anon', 'anon_pair', 'idea_anon')"
                         " AND name NOT GLOB 'idea_anon_search*'"),
             0, "the anonymous file holds the points, the ideas, their search index and its pairing token only:"
                " nothing signed or timed");
    T_EQ_INT(raw_int(db, "SELECT count(*) FROM anon.pragma_table_info('anon_pair')"), 1,
             "the pairing token is one column");
    T_EQ_INT(raw_int(db, "SELECT count(*) FROM main.sqlite_schema WHERE type = 'trigger' AND"
                         " (tbl_name LIKE 'learning_point%' OR sql LIKE '%learning_point%')"),
             0, "no stored trigger fires on learning points (nothing logs them elsewhere)");
    T_EQ_INT(raw_int(db, "SELECT count(*) FROM main.learning_point_signed"), 0,
             "the main file holds no row of the anonymous point");
    T_EQ_INT(raw_int(db, "SELECT count(*) FROM main.learning_point_state"), 0,
             "nor a state row: only a lead's act creates one");
    T_EQ_INT(raw_int(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_sequence'"), 0,
             "no AUTOINCREMENT sequence table");
    T_EQ_INT(other_rows(db), before_rows, "no other table gained or lost a row");
    store_newest_time(s, &newest_after, NULL);
    T_EQ_INT(newest_after, newest_before, "the newest time stamp in timed rows did not move");

    sqlite3_close(db);
    store_close(s);
}

static void test_signed_row(void)
{
    const char *path;
    store *s = open_team("signed", &path);
    lp_saved out;
    T_EQ_INT(save(s, 3, 0, "", "Draadgeleider bij elke nieuwe rol schoonblazen", 1, at("2026-11-26T15:10"), &out),
             VB_OK, "signed learning point saved (lesson only, no place)");
    sqlite3 *db = raw_open(path);
    char q[200];
    snprintf(q, sizeof q, "SELECT member_id FROM learning_point WHERE id = '%s'", out.id);
    T_EQ_INT(raw_int(db, q), 1, "signed: member_id is the identified member");
    snprintf(q, sizeof q, "SELECT place_id IS NULL AND shift_id = 2 FROM learning_point WHERE id = '%s'", out.id);
    T_EQ_INT(raw_int(db, q), 1, "no place is NULL; 15:10 is the late shift");
    snprintf(q, sizeof q, "SELECT count(*) FROM learning_point WHERE id = '%s' AND day = '2026-11-26'", out.id);
    T_EQ_INT(raw_int(db, q), 1, "signed points carry only the day too");
    /* A member who does not exist (or left) cannot sign. */
    lp_new in = { 1, 0, "x", "", 99 };
    vb_err err;
    T_EQ_INT(store_learning_save(s, &in, at("2026-11-26T15:10"), &out, &err), VB_ERR_INVALID,
             "an unknown member cannot sign");
    sqlite3_close(db);
    store_close(s);
}

/* ---- keys and receipts ----------------------------------------------------- */

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void test_random_keys_and_receipts(void)
{
    const char *path;
    store *s = open_team("keys", &path);
    enum { N = 300 };
    static lp_saved saved[N];
    bool ok = true;
    int64_t now = at("2026-11-26T10:00");
    for (int i = 0; i < N && ok; i++)
        ok = save(s, 1 + i % 7, 0, "Iets gebeurd", "", 0, now, &saved[i]) == VB_OK;
    T_CHECK(ok, "300 points saved in one shift");
    const char *ids[N], *receipts[N];
    bool formats = true;
    int ascending = 0;
    for (int i = 0; i < N; i++) {
        ids[i] = saved[i].id;
        receipts[i] = saved[i].receipt;
        formats = formats && is_lower_hex16(saved[i].id) && is_receipt(saved[i].receipt);
        if (i > 0 && strcmp(saved[i - 1].id, saved[i].id) < 0)
            ascending++;
    }
    T_CHECK(formats, "all ids are 16 hex characters and all receipts well-formed");
    /* A sequence would make every id larger than the one before; random ids
     * are larger about half of the time. */
    T_CHECK(ascending > N / 4 && ascending < N * 3 / 4, "ids are random, not a sequence");
    qsort(ids, N, sizeof ids[0], cmp_str);
    qsort(receipts, N, sizeof receipts[0], cmp_str);
    bool unique_ids = true, unique_receipts = true;
    for (int i = 1; i < N; i++) {
        unique_ids = unique_ids && strcmp(ids[i - 1], ids[i]) != 0;
        unique_receipts = unique_receipts && strcmp(receipts[i - 1], receipts[i]) != 0;
    }
    T_CHECK(unique_ids, "ids are unique");
    T_CHECK(unique_receipts, "receipt codes are unique");

    /* The stored order (the primary key) is not the order of saving. */
    sqlite3 *db = raw_open(path);
    sqlite3_stmt *st = NULL;
    sqlite3_prepare_v2(db, "SELECT id FROM learning_point", -1, &st, NULL);
    int same_position = 0, i = 0;
    while (sqlite3_step(st) == SQLITE_ROW && i < N)
        same_position += strcmp((const char *)sqlite3_column_text(st, 0), saved[i++].id) == 0;
    sqlite3_finalize(st);
    T_CHECK(same_position < N / 10, "table order says nothing about the order of saving");

    /* Listing one shift: the order inside it is the random id's. */
    static lp_row rows[N];
    int n = 0;
    store_learning_list(s, 0, 0, N, 0, rows, &n, NULL);
    same_position = 0;
    for (i = 0; i < n; i++)
        same_position += strcmp(rows[i].id, saved[i].id) == 0 || strcmp(rows[i].id, saved[N - 1 - i].id) == 0;
    T_CHECK(n == N && same_position < N / 10, "the list order inside a shift is not the order of saving");

    sqlite3_close(db);
    store_close(s);
}

static const char *forced_codes[4];
static int forced_next;

static bool forced_source(char out[RECEIPT_SIZE])
{
    if (forced_codes[forced_next]) {
        snprintf(out, RECEIPT_SIZE, "%s", forced_codes[forced_next++]);
        return true;
    }
    return receipt_generate(out);
}

static bool always_same(char out[RECEIPT_SIZE])
{
    snprintf(out, RECEIPT_SIZE, "%s", "ABC-DEF");
    return true;
}

static void test_receipt_collision(void)
{
    const char *path;
    store *s = open_team("collide", &path);
    lp_saved first, second;
    int64_t now = at("2026-11-26T10:00");
    save(s, 1, 0, "eerste", "", 0, now, &first);
    forced_codes[0] = first.receipt;
    forced_codes[1] = NULL;
    forced_next = 0;
    store_learning_set_receipt_source(forced_source);
    T_EQ_INT(save(s, 1, 0, "tweede", "", 0, now, &second), VB_OK, "a save whose first code collides still works");
    T_EQ_INT(forced_next, 1, "the colliding code was tried first");
    T_CHECK(strcmp(second.receipt, first.receipt) != 0 && is_receipt(second.receipt),
            "it got another, well-formed code");
    int count = 0;
    store_learning_count(s, 0, &count, NULL);
    T_EQ_INT(count, 2, "two points, one each");

    store_learning_set_receipt_source(always_same);
    lp_saved a, b;
    save(s, 1, 0, "derde", "", 0, now, &a);
    lp_new in = { 1, 0, "vierde", "", 0 };
    vb_err err;
    vb_code rc = store_learning_save(s, &in, now, &b, &err);
    T_CHECK(rc != VB_OK, "a save that never finds a free code fails");
    store_learning_count(s, 0, &count, NULL);
    T_EQ_INT(count, 3, "and stores nothing");
    store_learning_set_receipt_source(NULL);
    store_close(s);
}

/* ---- day, shift and daily start ---------------------------------------- */

static void check_when(store *s, const char *moment, const char *day, int64_t shift, const char *dagstart,
                       const char *name)
{
    char d[LP_DAY_SIZE], ds[LP_DAY_SIZE];
    int64_t sh = -1;
    vb_err err;
    vb_code rc = store_learning_when(s, at(moment), d, &sh, ds, &err);
    bool ok = rc == VB_OK && strcmp(d, day) == 0 && sh == shift && strcmp(ds, dagstart) == 0;
    t_report(ok, name, "%s gave day %s shift %lld daily start %s (rc %d), expected %s %lld %s", moment, d,
             (long long)sh, ds, rc, day, (long long)shift, dagstart);
}

static void test_dagstart_rules(void)
{
    const char *path;
    store *s = open_team("when", &path);
    /* 2026-11-26 is a Thursday. */
    check_when(s, "2026-11-26T06:55", "2026-11-26", 1, "2026-11-27", "Thursday early: daily start Friday");
    check_when(s, "2026-11-27T10:00", "2026-11-27", 1, "2026-11-30", "Friday: next daily start is Monday");
    check_when(s, "2026-11-27T21:59", "2026-11-27", 2, "2026-11-30", "Friday late shift: Monday");
    check_when(s, "2026-11-28T11:00", "2026-11-28", 1, "2026-11-30", "Saturday: Monday");
    check_when(s, "2026-11-29T11:00", "2026-11-29", 1, "2026-11-30", "Sunday: Monday");
    check_when(s, "2026-11-26T03:00", "2026-11-26", 0, "2026-11-27", "outside every shift: no shift, same day");
    check_when(s, "2026-11-26T14:00", "2026-11-26", 2, "2026-11-27", "14:00 belongs to the late shift");

    sqlite3 *db = raw_open(path);
    /* Christmas 2026 falls on a Friday; add Monday the 28th as a closing day. */
    raw_exec(db, "INSERT INTO holiday (day, name) VALUES ('2026-12-25', 'Eerste Kerstdag'),"
                 " ('2026-12-28', 'Collectieve vrije dag')");
    check_when(s, "2026-12-24T09:00", "2026-12-24", 1, "2026-12-29",
               "Thursday before Christmas: skips the holiday, the weekend and the closing day");
    check_when(s, "2026-12-23T09:00", "2026-12-23", 1, "2026-12-24", "Wednesday before: Thursday");
    raw_exec(db, "UPDATE setting SET value = '123456' WHERE key = 'working_days'");
    check_when(s, "2026-11-27T10:00", "2026-11-27", 1, "2026-11-28", "working Saturdays: Friday gives Saturday");
    raw_exec(db, "UPDATE setting SET value = '1357' WHERE key = 'working_days'");
    check_when(s, "2026-11-30T10:00", "2026-11-30", 1, "2026-12-02", "Mon/Wed/Fri/Sun: Monday gives Wednesday");
    check_when(s, "2026-11-27T10:00", "2026-11-27", 1, "2026-11-29", "Mon/Wed/Fri/Sun: Friday gives Sunday");
    raw_exec(db, "UPDATE setting SET value = '12345' WHERE key = 'working_days'");
    /* A night shift across midnight: its early hours belong to the evening it began. */
    raw_exec(db, "INSERT INTO shift (id, name, starts, ends) VALUES (3, 'Nacht', '22:00', '06:00')");
    check_when(s, "2026-11-26T23:30", "2026-11-26", 3, "2026-11-27", "night shift before midnight");
    check_when(s, "2026-11-27T02:00", "2026-11-26", 3, "2026-11-27",
               "night shift after midnight: the day it began, daily start that morning");
    check_when(s, "2026-11-28T02:00", "2026-11-27", 3, "2026-11-30", "Friday night: Monday");

    lp_saved out;
    save(s, 1, 0, "holiday test", "", 0, at("2026-12-24T09:00"), &out);
    T_EQ_STR(out.dagstart_day, "2026-12-29", "a save uses the same rules");
    sqlite3_close(db);
    store_close(s);
}

/* ---- bad input ---------------------------------------------------------------- */

static void test_refusals(void)
{
    const char *path;
    store *s = open_team("refuse", &path);
    int64_t now = at("2026-11-26T10:00");
    lp_saved out;
    vb_err err;
    lp_new in = { 1, 0, "", "", 0 };
    T_EQ_INT(store_learning_save(s, &in, now, &out, &err), VB_ERR_INVALID, "both texts empty: refused");
    in.what_happened = "   ";
    in.lesson = "\n";
    T_EQ_INT(store_learning_save(s, &in, now, &out, &err), VB_ERR_INVALID, "only white space: refused");
    in.what_happened = "iets";
    in.category_id = 0;
    T_EQ_INT(store_learning_save(s, &in, now, &out, &err), VB_ERR_INVALID, "no category: refused");
    in.category_id = 42;
    T_EQ_INT(store_learning_save(s, &in, now, &out, &err), VB_ERR_INVALID, "unknown category: refused");
    in.category_id = 1;
    in.place_id = 77;
    T_EQ_INT(store_learning_save(s, &in, now, &out, &err), VB_ERR_INVALID, "unknown place: refused");
    in.place_id = 0;
    char long_text[LP_TEXT_SIZE + 10];
    memset(long_text, 'a', LP_TEXT_MAX_CHARS + 1);
    long_text[LP_TEXT_MAX_CHARS + 1] = '\0';
    in.what_happened = long_text;
    T_EQ_INT(store_learning_save(s, &in, now, &out, &err), VB_ERR_INVALID, "201 characters: refused");
    /* 200 two-byte characters (400 bytes) are within the limit. */
    char accents[LP_TEXT_SIZE];
    accents[0] = '\0';
    for (int i = 0; i < LP_TEXT_MAX_CHARS; i++)
        strcat(accents, "\xC3\xAB");
    in.what_happened = accents;
    T_EQ_INT(store_learning_save(s, &in, now, &out, &err), VB_OK, "200 characters of ë: accepted");
    in.what_happened = "bad \xC3\x28 utf8";
    T_EQ_INT(store_learning_save(s, &in, now, &out, &err), VB_ERR_INVALID, "invalid UTF-8: refused");
    int count = 0;
    store_learning_count(s, 0, &count, NULL);
    T_EQ_INT(count, 1, "only the valid one was stored");
    store_close(s);
}

/* ---- browsing ---------------------------------------------------------------- */

static void test_list_paging(void)
{
    const char *path;
    store *s = open_team("list", &path);
    /* 5 working days x 2 shifts x 3 points, categories in turn. */
    const char *days[] = { "2026-11-20", "2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26" };
    int k = 0;
    for (int d = 0; d < 5; d++) {
        for (int sh = 0; sh < 2; sh++) {
            for (int i = 0; i < 3; i++) {
                char moment[32];
                snprintf(moment, sizeof moment, "%sT%s", days[d], sh ? "16:00" : "08:00");
                lp_saved out;
                char text[40];
                snprintf(text, sizeof text, "punt %d", k);
                save(s, 1 + k % 3, 1 + k % 2, text, "", 0, at(moment), &out);
                k++;
            }
        }
    }
    int total = 0;
    store_learning_count(s, 0, &total, NULL);
    T_EQ_INT(total, 30, "30 points counted");
    static lp_row all[40], page[7];
    int n_all = 0;
    store_learning_list(s, 0, 0, 40, 0, all, &n_all, NULL);
    T_EQ_INT(n_all, 30, "one big page lists all 30");
    bool ordered = true;
    for (int i = 1; i < n_all; i++) {
        int c = strcmp(all[i - 1].day, all[i].day);
        bool shift_later = strcmp(all[i - 1].shift_name, "Laat") == 0 && strcmp(all[i].shift_name, "Vroeg") == 0;
        bool same_shift = strcmp(all[i - 1].shift_name, all[i].shift_name) == 0;
        if (c < 0 || (c == 0 && !shift_later && !(same_shift && strcmp(all[i - 1].id, all[i].id) < 0)))
            ordered = false;
    }
    T_CHECK(ordered, "recent first: day down, late shift before early, then the random id");
    T_EQ_STR(all[0].day, "2026-11-26", "newest day first");
    T_EQ_STR(all[0].shift_name, "Laat", "late shift of the newest day first");
    T_EQ_STR(all[0].place[0] ? "place" : "", "place", "rows carry the place name");

    /* Paging gives the same rows in the same order. */
    bool pages_match = true;
    int seen = 0;
    for (int off = 0; off < 35; off += 7) {
        int n = 0;
        store_learning_list(s, 0, off, 7, 0, page, &n, NULL);
        for (int i = 0; i < n; i++)
            pages_match = pages_match && strcmp(page[i].id, all[off + i].id) == 0;
        seen += n;
    }
    T_CHECK(pages_match && seen == 30, "pages of 7 give the same 30 rows in order");
    /* Continuing from the last row shown gives the same pages, down and up. */
    pages_match = true;
    seen = 0;
    int n_page = 0;
    store_learning_list_from(s, 0, NULL, true, 7, 0, page, &n_page, NULL);
    while (n_page > 0 && seen < 40) {
        for (int i = 0; i < n_page; i++)
            pages_match = pages_match && strcmp(page[i].id, all[seen + i].id) == 0;
        seen += n_page;
        lp_row last = page[n_page - 1];
        store_learning_list_from(s, 0, &last, true, 7, 0, page, &n_page, NULL);
    }
    T_CHECK(pages_match && seen == 30, "continuing down from the last row shown gives the same 30 rows");
    lp_row from = all[20];
    store_learning_list_from(s, 0, &from, false, 7, 0, page, &n_page, NULL);
    pages_match = n_page == 7;
    for (int i = 0; i < n_page; i++)
        pages_match = pages_match && strcmp(page[i].id, all[13 + i].id) == 0;
    T_CHECK(pages_match, "continuing up gives the 7 rows above, in list order");
    store_learning_list_from(s, 0, &all[2], false, 7, 0, page, &n_page, NULL);
    T_CHECK(n_page == 2 && strcmp(page[0].id, all[0].id) == 0, "near the top: only the rows that are there");

    /* Category filter. */
    int n = 0, cat_count = 0;
    static lp_row cat[40];
    store_learning_list(s, 2, 0, 40, 0, cat, &n, NULL);
    store_learning_count(s, 2, &cat_count, NULL);
    bool only_two = n == 10;
    for (int i = 0; i < n; i++)
        only_two = only_two && cat[i].category.id == 2 && strcmp(cat[i].category.code, "safety") == 0;
    T_CHECK(only_two, "category filter lists only that category (10)");
    T_EQ_INT(cat_count, 10, "category count is 10");

    /* Hidden points are left out; markers are filled. */
    sqlite3 *db = raw_open(path);
    char q[400];
    snprintf(q, sizeof q,
             "UPDATE learning_point SET hidden = 1 WHERE id = '%s';"
             "UPDATE learning_point SET discussed_day = '2026-11-27', feedback = 'Opgelost' WHERE id = '%s';"
             "INSERT INTO action (description, owner_id, due_day, origin, learning_point_id, created_at)"
             " VALUES ('Haspel ophangen', 1, '2026-12-01', 'learning_point', '%s', 1795676100)",
             all[0].id, all[1].id, all[1].id);
    raw_exec(db, q);
    store_learning_count(s, 0, &total, NULL);
    T_EQ_INT(total, 29, "a hidden point is not counted");
    store_learning_list(s, 0, 0, 40, 0, all, &n_all, NULL);
    T_EQ_INT(n_all, 29, "nor listed");
    T_CHECK(strcmp(all[0].discussed_day, "2026-11-27") == 0 && strcmp(all[0].feedback, "Opgelost") == 0 &&
                all[0].actions == 1,
            "row shows discussed day, feedback and its action count");
    lp_row one;
    T_EQ_INT(store_learning_get(s, "0000000000000000", 0, &one, NULL), VB_ERR_NOTFOUND, "get: unknown id");
    sqlite3_close(db);
    store_close(s);
}

static double ms_since(struct timespec t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0.tv_sec) * 1000.0 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
}

static void test_list_large(void)
{
    const char *path;
    store *s = open_team("large", &path);
    sqlite3 *db = raw_open(path);
    enum { N = 100000 };
    raw_exec(db, "BEGIN");
    sqlite3_stmt *st = NULL;
    sqlite3_prepare_v2(db,
                       "INSERT INTO learning_point (id, receipt, day, shift_id, dagstart_day, category_id,"
                       " place_id, what_happened, lesson) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       -1, &st, NULL);
    vb_day day = { 2026, 11, 26, 4 };
    bool ok = true;
    for (int i = 0; i < N && ok; i++) {
        unsigned char key[8], code[8] = { 0 };
        vb_random_bytes(key, sizeof key);
        char id[17], receipt[RECEIPT_SIZE], d[11], ds[11];
        for (int b = 0; b < 8; b++)
            snprintf(id + 2 * b, 3, "%02x", key[b]);
        /* distinct codes: i in base 31 */
        uint64_t v = (uint64_t)i;
        for (int b = 7; b >= 0; b--, v >>= 8)
            code[b] = (unsigned char)v;
        receipt_from_bytes(code, receipt);
        vb_day_format(vb_day_add(day, -(i / 40)), d);
        vb_day_format(vb_day_add(day, 1 - (i / 40)), ds);
        sqlite3_reset(st);
        sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, receipt, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 3, d, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(st, 4, 1 + i % 2);
        sqlite3_bind_text(st, 5, ds, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(st, 6, 1 + i % 7);
        sqlite3_bind_int(st, 7, 1 + i % 2);
        sqlite3_bind_text(st, 8, "Verkeerde bout gepakt bij de lijn, bakjes lijken op elkaar", -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 9, "Bakjes met kleur markeren", -1, SQLITE_STATIC);
        ok = sqlite3_step(st) == SQLITE_DONE;
    }
    sqlite3_finalize(st);
    raw_exec(db, "COMMIT");
    T_CHECK(ok, "100,000 learning points inserted");

    static lp_row rows[30], back[30];
    int n = 0, count = 0, cat_count = 0;
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    store_learning_count(s, 0, &count, NULL);
    double count_ms = ms_since(t0);
    T_EQ_INT(count, N, "count is 100,000");
    store_learning_count(s, 3, &cat_count, NULL);

    /* Row numbers (OFFSET): fine near the top, slower deep down. */
    double worst_offset = 0;
    const int offsets[] = { 0, 30, 1000, 50000, N - 30 };
    for (int i = 0; i < 5; i++) {
        for (int cat = 0; cat <= 3; cat += 3) {
            int off = cat ? (offsets[i] / 7 < cat_count - 30 ? offsets[i] / 7 : cat_count - 30) : offsets[i];
            clock_gettime(CLOCK_MONOTONIC, &t0);
            store_learning_list(s, cat, off, 30, 1, rows, &n, NULL);
            double ms = ms_since(t0);
            worst_offset = ms > worst_offset ? ms : worst_offset;
            if (n != 30)
                ok = false;
        }
    }
    T_CHECK(ok, "every page by row number is full");

    /* Continuing from a row (keyset), the way the list scrolls: the same
     * cost at any depth. Deep down, both ways agree. */
    double worst_keyset = 0;
    bool agree = true;
    for (int cat = 0; cat <= 3; cat += 3) {
        int total = cat ? cat_count : count;
        int deep = total - 45;
        lp_row anchor;
        store_learning_list(s, cat, deep - 1, 1, 1, &anchor, &n, NULL);
        static lp_row expect[30];
        store_learning_list(s, cat, deep, 30, 1, expect, &n, NULL);
        clock_gettime(CLOCK_MONOTONIC, &t0);
        store_learning_list_from(s, cat, &anchor, true, 30, 1, rows, &n, NULL);
        double ms = ms_since(t0);
        worst_keyset = ms > worst_keyset ? ms : worst_keyset;
        for (int i = 0; i < 30; i++)
            agree = agree && n == 30 && strcmp(rows[i].id, expect[i].id) == 0;
        /* and back up: the 30 rows before the first of that page */
        clock_gettime(CLOCK_MONOTONIC, &t0);
        store_learning_list_from(s, cat, &expect[0], false, 30, 1, back, &n, NULL);
        ms = ms_since(t0);
        worst_keyset = ms > worst_keyset ? ms : worst_keyset;
        static lp_row above[30];
        int m = 0;
        store_learning_list(s, cat, deep - 30, 30, 1, above, &m, NULL);
        for (int i = 0; i < 30; i++)
            agree = agree && n == 30 && m == 30 && strcmp(back[i].id, above[i].id) == 0;
    }
    T_CHECK(agree, "deep down, continuing from a row gives the same rows as row numbers, both ways");
    t_note("100,000 points: count %.1f ms, slowest page by row number %.1f ms, by continuing %.2f ms", count_ms,
           worst_offset, worst_keyset);
    /* Times are noted here and measured in `make bench` (bench_queries),
     * not asserted: on a shared, loaded machine under ASan a wall-clock
     * limit fails at random (it did, in a fresh-Debian run beside another
     * build). The goal stays: a continued page within a 16 ms frame. */
    clock_gettime(CLOCK_MONOTONIC, &t0);
    store_learning_list(s, 3, 0, 30, 1, rows, &n, NULL);
    t_note("the first page of a category: %.2f ms", ms_since(t0));
    T_EQ_INT(n, 30, "the first page of a category is full");
    sqlite3_close(db);
    store_close(s);
}

/* ---- this happened to me too -------------------------------------------- */

static void test_metoo(void)
{
    const char *path;
    store *s = open_team("metoo", &path);
    lp_saved p;
    save(s, 1, 1, "Bout vergeten", "", 0, at("2026-11-26T10:00"), &p);
    int count = -1;
    vb_err err;
    T_EQ_INT(store_learning_metoo_set(s, p.id, 2, true, &count, &err), VB_OK, "me too by member 2");
    T_EQ_INT(count, 1, "count 1");
    store_learning_metoo_set(s, p.id, 2, true, &count, &err);
    T_EQ_INT(count, 1, "the same member again: still 1");
    store_learning_metoo_set(s, p.id, 3, true, &count, &err);
    T_EQ_INT(count, 2, "another member: 2");
    lp_row row;
    store_learning_get(s, p.id, 3, &row, NULL);
    T_CHECK(row.metoo == 2 && row.metoo_mine, "the row shows 2 and that it is mine for member 3");
    store_learning_get(s, p.id, 1, &row, NULL);
    T_CHECK(!row.metoo_mine, "not mine for member 1");
    store_learning_metoo_set(s, p.id, 2, false, &count, &err);
    T_EQ_INT(count, 1, "member 2 takes it back: 1");
    store_learning_metoo_set(s, p.id, 2, false, &count, &err);
    T_EQ_INT(count, 1, "taking back twice: still 1");
    T_EQ_INT(store_learning_metoo_set(s, "ffffffffffffffff", 2, true, &count, &err), VB_ERR_NOTFOUND,
             "unknown point: not found");
    T_EQ_INT(store_learning_metoo_set(s, p.id, 55, true, &count, &err), VB_ERR_NOTFOUND, "unknown member: not found");
    T_EQ_INT(store_learning_metoo_count(s, p.id, &count, &err), VB_OK, "count on its own");
    T_EQ_INT(count, 1, "still 1");
    store_close(s);
}

/* ---- receipt look-up --------------------------------------------------------- */

static void test_by_receipt(void)
{
    const char *path;
    store *s = open_team("receipt", &path);
    lp_saved p;
    save(s, 6, 2, "Leverancier stuurde profielen van 6 m", "Lengte bij ontvangst meten", 0, at("2026-11-26T10:00"),
         &p);
    lp_receipt_view v;
    vb_err err;
    T_EQ_INT(store_learning_by_receipt(s, p.receipt, &v, &err), VB_OK, "found by its code");
    T_CHECK(strcmp(v.point.id, p.id) == 0 && strcmp(v.point.category.code, "external") == 0 &&
                strcmp(v.point.place, "Magazijn") == 0 &&
                strcmp(v.point.what_happened, "Leverancier stuurde profielen van 6 m") == 0 &&
                strcmp(v.point.lesson, "Lengte bij ontvangst meten") == 0,
            "the view has category, place and both texts");
    T_CHECK(v.point.discussed_day[0] == '\0' && v.point.feedback[0] == '\0' && v.action_count == 0,
            "nothing has happened yet");
    T_EQ_STR(v.point.dagstart_day, "2026-11-27", "it says which daily start it is for");

    char typed[16];
    snprintf(typed, sizeof typed, "  %c%c%c%c%c%c ", p.receipt[0] | 0x20, p.receipt[1] | 0x20, p.receipt[2] | 0x20,
             p.receipt[4] | 0x20, p.receipt[5] | 0x20, p.receipt[6] | 0x20);
    T_EQ_INT(store_learning_by_receipt(s, typed, &v, &err), VB_OK, "lower case, no dash, spaces around: found");
    T_EQ_STR(v.receipt, p.receipt, "the code is shown in its canonical form");

    sqlite3 *db = raw_open(path);
    char q[600];
    snprintf(q, sizeof q,
             "UPDATE learning_point SET discussed_day = '2026-11-27', feedback = 'Inkoop meet nu bij ontvangst.'"
             " WHERE id = '%s';"
             "INSERT INTO action (description, owner_id, due_day, origin, learning_point_id, created_at)"
             " VALUES ('Meetlat bij de ontvangst', 1, '2026-12-04', 'learning_point', '%s', 1795676100);"
             "INSERT INTO action (description, owner_id, due_day, status, origin, learning_point_id, created_at,"
             " closed_at) VALUES ('Leverancier bellen', 2, '2026-12-01', 'done', 'learning_point', '%s',"
             " 1795676100, 1795676200)",
             p.id, p.id, p.id);
    raw_exec(db, q);
    T_EQ_INT(store_learning_by_receipt(s, p.receipt, &v, &err), VB_OK, "found again after the daily start");
    T_EQ_STR(v.point.discussed_day, "2026-11-27", "discussed on the 27th");
    T_EQ_STR(v.point.feedback, "Inkoop meet nu bij ontvangst.", "the lead's feedback");
    T_EQ_INT(v.action_count, 2, "two actions came from it");
    T_CHECK(v.action_count == 2 && strcmp(v.actions[0].description, "Leverancier bellen") == 0 &&
                strcmp(v.actions[0].status, "done") == 0 && strcmp(v.actions[0].due_day, "2026-12-01") == 0 &&
                strcmp(v.actions[1].status, "open") == 0,
            "actions with description, status and due day, earliest due first");

    T_EQ_INT(store_learning_by_receipt(s, "ZZZ-ZZZ", &v, &err), VB_ERR_NOTFOUND, "unknown code: not found");
    T_EQ_INT(store_learning_by_receipt(s, "KX7-4M", &v, &err), VB_ERR_INVALID, "too short: invalid");
    T_EQ_INT(store_learning_by_receipt(s, "KX0-4MP", &v, &err), VB_ERR_INVALID, "look-alike 0: invalid");
    T_EQ_INT(store_learning_by_receipt(s, "", &v, &err), VB_ERR_INVALID, "empty: invalid");
    sqlite3_close(db);
    store_close(s);
}

/* ---- chips ------------------------------------------------------------------- */

static void test_categories_and_places(void)
{
    const char *path;
    store *s = open_team("chips", &path);
    lp_category cats[16];
    int n = 0;
    T_EQ_INT(store_learning_categories(s, cats, 16, &n, NULL), VB_OK, "categories read");
    T_EQ_INT(n, 7, "seven categories");
    T_CHECK(n == 7 && strcmp(cats[0].code, "quality") == 0 && strcmp(cats[5].code, "external") == 0 &&
                strcmp(cats[6].code, "other") == 0,
            "in their sort order");
    T_CHECK(n == 7 && cats[0].label[0] == '\0' && strcmp(cats[0].icon, "quality") == 0,
            "no label: empty (the screen shows the default name), icon name as stored");
    T_EQ_STR(category_display_name(cats[0].code, cats[0].label), "Quality",
             "the default name (English without a catalog)");

    sqlite3 *db = raw_open(path);
    raw_exec(db, "UPDATE category SET label = 'Klantvraag', sort = 0 WHERE code = 'external';"
                 "UPDATE category SET active = 0 WHERE code = 'material';"
                 "INSERT INTO place (id, name, sort, active) VALUES (3, 'Oud', 0, 0), (4, 'Expeditie', 0, 1)");
    store_learning_categories(s, cats, 16, &n, NULL);
    T_CHECK(n == 6 && strcmp(cats[0].code, "external") == 0, "inactive left out, the lead's order kept");
    T_EQ_STR(category_display_name(cats[0].code, cats[0].label), "Klantvraag",
             "a lead's label replaces the default name");
    lp_place places[8];
    store_learning_places(s, places, 8, &n, NULL);
    T_CHECK(n == 3 && strcmp(places[0].name, "Expeditie") == 0 && strcmp(places[1].name, "Lijn 1") == 0,
            "active places in the lead's order");
    store_learning_categories(s, cats, 2, &n, NULL);
    T_EQ_INT(n, 2, "never more than asked for");
    sqlite3_close(db);
    store_close(s);
}

/* ---- a locked database ---------------------------------------------------- */

static void test_busy(void)
{
    const char *path;
    store *s = open_team("busy", &path);
    sqlite3 *other = raw_open(path);
    sqlite3_busy_timeout(other, 0);
    T_CHECK(raw_exec(other, "BEGIN IMMEDIATE"), "another connection holds the write lock");
    lp_new in = { 1, 1, "Iets", "", 0 };
    lp_saved out;
    vb_err err;
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    vb_code rc = store_learning_save(s, &in, at("2026-11-26T10:00"), &out, &err);
    t_note("locked save gave up after %.0f ms: %s", ms_since(t0), err.msg);
    T_EQ_INT(rc, VB_ERR_BUSY, "the save returns VB_ERR_BUSY");
    T_CHECK(out.receipt[0] == '\0' && out.id[0] == '\0', "no receipt is handed out");
    raw_exec(other, "COMMIT");
    T_EQ_INT(raw_int(other, "SELECT count(*) FROM learning_point"), 0, "and no row was stored");
    T_EQ_INT(store_learning_save(s, &in, at("2026-11-26T10:00"), &out, &err), VB_OK,
             "once the lock is gone, the same save works");
    T_EQ_INT(raw_int(other, "SELECT count(*) FROM learning_point"), 1, "one row");
    sqlite3_close(other);
    store_close(s);
}

/* Counts the bytes of needle in a file (grep -a -c, roughly). */
static int file_hits(const char *path, const char *needle)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    static char buf[1 << 22];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    int hits = 0;
    size_t len = strlen(needle);
    for (size_t i = 0; i + len <= n; i++)
        hits += memcmp(buf + i, needle, len) == 0;
    return hits;
}

static int files_hits(const char *db, const char *const *suffixes, const char *needle)
{
    int hits = 0;
    char p[1200];
    for (int i = 0; suffixes[i]; i++) {
        snprintf(p, sizeof p, "%s%s", db, suffixes[i]);
        hits += file_hits(p, needle);
    }
    return hits;
}

/* The attacker holds one copy of the files taken at any moment. While a
 * reader (the wall, a backup, a sqlite3 shell) holds a snapshot, no
 * checkpoint can empty a -wal: so an anonymous point must never be written
 * where signed, timed rows are (issue 9). Checked on the files while the
 * store is open and the reader still reads. */
static void test_anonymous_apart_with_reader(void)
{
    const char *path = NULL;
    store *s = open_team("apart", &path);
    vb_err err;
    sqlite3 *reader = raw_open(path);
    T_CHECK(raw_exec(reader, "BEGIN") && raw_int(reader, "SELECT count(*) FROM learning_point") == 0 &&
                raw_int(reader, "SELECT count(*) FROM member") == 3,
            "apart: a reader holds a snapshot of both files");
    lp_saved first, anon, last;
    lp_new signed_a = { .category_id = 1, .what_happened = "Xsignedmarkerbefore", .member_id = 1 };
    lp_new anon_in = { .category_id = 2, .place_id = 1, .what_happened = "Xanonmarkerkabel", .lesson = "Xanonlesson" };
    lp_new signed_b = { .category_id = 1, .what_happened = "Xsignedmarkerafter", .member_id = 2 };
    T_CHECK(store_learning_save(s, &signed_a, at("2026-11-26T10:02"), &first, &err) == VB_OK &&
                store_learning_save(s, &anon_in, at("2026-11-26T10:03"), &anon, &err) == VB_OK &&
                store_learning_save(s, &signed_b, at("2026-11-26T10:04"), &last, &err) == VB_OK,
            "apart: signed, anonymous, signed saved while the reader reads");
    char wal[1100];
    snprintf(wal, sizeof wal, "%s-wal", path);
    struct stat st;
    T_CHECK(stat(wal, &st) == 0 && st.st_size > 0, "apart: the main -wal holds the signed saves (not checkpointed)");
    static const char *const main_files[] = { "", "-wal", "-shm", NULL };
    static const char *const anon_files[] = { "-anon", "-anon-wal", "-anon-shm", NULL };
    T_EQ_INT(files_hits(path, main_files, "Xanonmarkerkabel") + files_hits(path, main_files, "Xanonlesson"), 0,
             "apart: neither the main file, its -wal nor its -shm holds the anonymous point's text");
    T_EQ_INT(files_hits(path, main_files, anon.id) + files_hits(path, main_files, anon.receipt), 0,
             "apart: nor its key or receipt code");
    T_CHECK(files_hits(path, anon_files, "Xanonmarkerkabel") > 0, "apart: the anonymous file holds it");
    T_EQ_INT(files_hits(path, anon_files, "Xsignedmarker") + files_hits(path, anon_files, first.receipt) +
                 files_hits(path, anon_files, last.receipt),
             0, "apart: the anonymous file holds nothing of the signed points around it");
    char p[1200];
    bool dated = true;
    int64_t noon = at("2026-11-26T12:00");
    for (int i = 0; anon_files[i]; i++) {
        snprintf(p, sizeof p, "%s%s", path, anon_files[i]);
        if (stat(p, &st) == 0 && (int64_t)st.st_mtime != noon) {
            dated = false;
            t_note("%s is dated %lld, not noon of the day", p, (long long)st.st_mtime);
        }
    }
    T_CHECK(dated, "apart: the anonymous files' dates say only the day (noon), not the time of the save");
    T_EQ_INT(raw_int(reader, "SELECT count(*) FROM learning_point"), 0, "apart: the reader still sees its snapshot");
    raw_exec(reader, "COMMIT");
    T_EQ_INT(raw_int(reader, "SELECT count(*) FROM learning_point WHERE member_id IS NULL"), 1,
             "apart: afterwards the view shows the anonymous point");
    sqlite3_close(reader);
    store_close(s);
}

int main(void)
{
    test_anonymous_apart_with_reader();
    test_anonymous_row();
    test_signed_row();
    test_random_keys_and_receipts();
    test_receipt_collision();
    test_dagstart_rules();
    test_refusals();
    test_list_paging();
    test_list_large();
    test_metoo();
    test_by_receipt();
    test_categories_and_places();
    test_busy();
    return t_done();
}

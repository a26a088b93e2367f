/* test_store.c: the store on temporary databases: opening (WAL, PRAGMAs,
 * schema version), migrations from empty and from every earlier version with
 * a backup first, refusing newer, foreign, missing, read-only and locked
 * databases without touching them, the schema compared with the migrations
 * (foreign files, hand-made triggers, views, indexes and columns refused), a
 * file deleted or replaced while open (noticed, rescued), a missing database
 * where one existed, team settings, and the constraints by
 * which the database itself refuses bad rows. Tests may use sqlite3 directly
 * (only kiosk code is limited to store/); the store's connection is looked
 * at through store_internal.h for the per-connection PRAGMAs. */
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sqlite3.h>
#include <time.h>

#include "../kiosk/store/store.h"
#include "../kiosk/store/store_internal.h"
#include "../kiosk/store/store_idea_flow.h"
#include "testdb.h"
#include "testlib.h"
#include "vfs/faultvfs.h"

extern const char *const store_migrations[];
extern const int store_migration_count;

#define NOW_S 1795676100 /* 2026-11-26 06:55 UTC */

static int db_counter;

/* A fresh database path in the temporary folder. */
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

static sqlite3 *raw_open(const char *path)
{
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK ||
        !t_db_views(db, path)) {
        sqlite3_close(db);
        return NULL;
    }
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

static void raw_text(sqlite3 *db, const char *sql, char *out, size_t size)
{
    sqlite3_stmt *st = NULL;
    out[0] = '\0';
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW &&
        sqlite3_column_text(st, 0))
        snprintf(out, size, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
}

/* Runs SQL on a path with a fresh connection; returns the SQLite result. */
static int raw_exec_path(const char *path, const char *sql)
{
    sqlite3 *db = raw_open(path);
    if (!db)
        return SQLITE_CANTOPEN;
    int rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
    sqlite3_close(db);
    return rc;
}

static int64_t path_int(const char *path, const char *sql)
{
    sqlite3 *db = raw_open(path);
    int64_t v = db ? raw_int(db, sql) : -1;
    sqlite3_close(db);
    return v;
}

/* The schema as text, to compare migrated and fresh databases. */
static char *schema_text(const char *path)
{
    sqlite3 *db = raw_open(path);
    if (!db)
        return NULL;
    sqlite3_stmt *st = NULL;
    size_t cap = 65536, len = 0;
    char *out = calloc(1, cap);
    if (sqlite3_prepare_v2(db, "SELECT type, name, coalesce(sql, '') FROM sqlite_schema ORDER BY type, name", -1, &st,
                           NULL) == SQLITE_OK) {
        while (out && sqlite3_step(st) == SQLITE_ROW) {
            char line[8192];
            int n = snprintf(line, sizeof line, "%s %s %s\n", sqlite3_column_text(st, 0), sqlite3_column_text(st, 1),
                             sqlite3_column_text(st, 2));
            if (n < 0)
                continue;
            if (len + (size_t)n + 1 > cap) {
                cap = (cap + (size_t)n) * 2;
                char *bigger = realloc(out, cap);
                if (!bigger)
                    break;
                out = bigger;
            }
            memcpy(out + len, line, (size_t)n + 1);
            len += (size_t)n;
        }
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

/* Builds a database at schema version v by applying the first v migrations
 * the way an older program would have, and adds a row of data when it can. */
static bool build_version(const char *path, int v)
{
    sqlite3 *db = raw_open(path);
    if (!db)
        return false;
    bool ok = sqlite3_exec(db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL) == SQLITE_OK;
    ok = ok && sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
    for (int i = 0; ok && i < v; i++)
        ok = sqlite3_exec(db, store_migrations[i], NULL, NULL, NULL) == SQLITE_OK;
    char sql[80];
    snprintf(sql, sizeof sql, "PRAGMA user_version = %d", v);
    ok = ok && sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK;
    if (ok && v >= 1)
        ok = sqlite3_exec(db, "INSERT OR REPLACE INTO setting (key, value) VALUES ('team_name', 'Migratieteam')", NULL,
                          NULL, NULL) == SQLITE_OK;
    ok = ok && sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

static bool backup_name(const char *path, int v, int64_t now_s, char *out, size_t size)
{
    time_t t = (time_t)now_s;
    struct tm tm;
    char stamp[32];
    if (!localtime_r(&t, &tm))
        return false;
    strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
    snprintf(out, size, "%s.v%d-%s.bak", path, v, stamp);
    return true;
}

static int count_files_with_prefix(const char *dir, const char *prefix)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        if (strncmp(e->d_name, prefix, strlen(prefix)) == 0)
            n++;
    closedir(d);
    return n;
}

/* ---- opening ---------------------------------------------------------------- */

static void test_open_new(void)
{
    const char *path = new_db_path("new");
    store *s = NULL;
    vb_err err;
    vb_err_clear(&err);
    vb_code rc = store_open(&s, path, STORE_READWRITE, NOW_S, &err);
    if (!t_report(rc == VB_OK, "store_open creates a new database", "%s: %s", vb_code_name(rc), err.msg))
        return;
    T_CHECK(t_file_exists(path), "store_open: the file exists");
    T_EQ_STR(store_path(s), path, "store_path gives the path");
    T_CHECK(store_schema_version() == store_migration_count && store_schema_version() >= 1,
            "store_schema_version is the number of migrations");
    T_EQ_INT(raw_int(s->db, "PRAGMA foreign_keys"), 1, "store connection: foreign_keys on");
    T_EQ_INT(raw_int(s->db, "PRAGMA synchronous"), 2, "store connection: synchronous FULL");
    T_CHECK(raw_int(s->db, "PRAGMA busy_timeout") >= 50, "store connection: a busy timeout is set");
    vb_err_clear(&err);
    T_EQ_INT(store_quick_check(s, &err), VB_OK, "store_quick_check on a new database is ok");
    bool empty = false;
    T_CHECK(store_is_empty(s, &empty, &err) == VB_OK && empty, "store_is_empty: a new database is empty");
    int64_t newest = -1;
    T_CHECK(store_newest_time(s, &newest, &err) == VB_OK && newest == 0, "store_newest_time: 0 when nothing is stored");
    store_close(s);

    char jm[32];
    sqlite3 *db = raw_open(path);
    raw_text(db, "PRAGMA journal_mode", jm, sizeof jm);
    T_EQ_STR(jm, "wal", "new database is in WAL mode");
    T_EQ_INT(raw_int(db, "PRAGMA user_version"), store_schema_version(), "user_version is the schema version");
    T_EQ_INT(raw_int(db, "SELECT count(*) FROM sqlite_schema WHERE name IN ('member','idea_row','vote','learning_point_signed',"
                         "'action','announcement','dagstart','setting','audit_log','category','idea_history')"),
             11, "the schema has the product's tables");
    sqlite3_close(db);
    T_CHECK(!t_file_exists(t_path("new-1.db-wal")), "closing removes the -wal file");

    /* opening again leaves it alone: no backup, same version */
    vb_err_clear(&err);
    rc = store_open(&s, path, STORE_READWRITE, NOW_S, &err);
    T_EQ_INT(rc, VB_OK, "store_open reopens a current database");
    store_close(s);
    T_EQ_INT(count_files_with_prefix(t_tmpdir(), "new-1.db.v"), 0, "no backup when no migration is needed");
}

static void test_open_zero_length(void)
{
    /* A 0-byte file is a cut-off database, not a new one: refused, untouched. */
    const char *path = new_db_path("zero");
    t_write_file(path, "", 0);
    store *s = NULL;
    vb_err err;
    vb_err_clear(&err);
    vb_code rc = store_open(&s, path, STORE_READWRITE, NOW_S, &err);
    T_EQ_INT(rc, VB_ERR_CORRUPT, "zero-length file: refused as damaged");
    T_CHECK(strstr(err.msg, "empty") != NULL && strstr(err.msg, path) != NULL,
            "zero-length file: the message says it is empty and names the file");
    struct stat st;
    T_CHECK(stat(path, &st) == 0 && st.st_size == 0, "zero-length file: left as it is");
    char wal[1100];
    snprintf(wal, sizeof wal, "%s-wal", path);
    T_CHECK(stat(wal, &st) != 0, "zero-length file: no -wal made");
    store_close(s);
}

/* ---- migrations ---------------------------------------------------------------- */

static void test_migrations(void)
{
    const char *fresh = new_db_path("fresh");
    store *s = NULL;
    vb_err err;
    vb_err_clear(&err);
    if (!t_report(store_open(&s, fresh, STORE_READWRITE, NOW_S, &err) == VB_OK, "migrate: make a fresh database", "%s",
                  err.msg))
        return;
    store_close(s);
    char *want = schema_text(fresh);

    t_note("%d migration(s): testing upgrades from versions 0..%d", store_migration_count, store_migration_count - 1);
    for (int v = 0; v < store_migration_count; v++) {
        char name[120], bak[4600];
        const char *path = new_db_path("from");
        snprintf(name, sizeof name, "migrate from version %d: build the old database", v);
        if (!T_CHECK(build_version(path, v), name))
            continue;
        vb_err_clear(&err);
        vb_code rc = store_open(&s, path, STORE_READWRITE, NOW_S, &err);
        snprintf(name, sizeof name, "migrate from version %d: store_open succeeds", v);
        if (!t_report(rc == VB_OK, name, "%s: %s", vb_code_name(rc), err.msg))
            continue;
        char team[64] = "";
        store_setting_get(s, "team_name", team, sizeof team, NULL);
        store_close(s);
        snprintf(name, sizeof name, "migrate from version %d: user_version is now %d", v, store_migration_count);
        T_EQ_INT(path_int(path, "PRAGMA user_version"), store_migration_count, name);
        char *got = schema_text(path);
        snprintf(name, sizeof name, "migrate from version %d: schema equals a fresh database", v);
        T_CHECK(got && want && strcmp(got, want) == 0, name);
        free(got);
        backup_name(path, v, NOW_S, bak, sizeof bak);
        if (v == 0) {
            snprintf(name, sizeof name, "migrate from version 0: no backup of an empty database");
            const char *slash = strrchr(path, '/');
            char prefix[200];
            snprintf(prefix, sizeof prefix, "%s.v", slash + 1);
            T_EQ_INT(count_files_with_prefix(t_tmpdir(), prefix), 0, name);
        } else {
            snprintf(name, sizeof name, "migrate from version %d: backup %s exists", v, strrchr(bak, '/') + 1);
            T_CHECK(t_file_exists(bak), name);
            snprintf(name, sizeof name, "migrate from version %d: the backup is still version %d", v, v);
            T_EQ_INT(path_int(bak, "PRAGMA user_version"), v, name);
            snprintf(name, sizeof name, "migrate from version %d: data survives the migration", v);
            T_EQ_STR(team, "Migratieteam", name);
        }
    }
    if (store_migration_count == 1)
        t_note("only one migration exists: the backup path is exercised once a second one is added");
    free(want);
}

/* ---- refusals that must leave the file untouched ----------------------------------- */

static void expect_refused(const char *path, vb_code want, const char *what)
{
    size_t before_len = 0, after_len = 0;
    char *before = t_read_file(path, &before_len);
    store *s = NULL;
    vb_err err;
    vb_err_clear(&err);
    vb_code rc = store_open(&s, path, STORE_READWRITE, NOW_S, &err);
    char name[200];
    snprintf(name, sizeof name, "%s: refused with %s", what, vb_code_name(want));
    t_report(rc == want && s == NULL, name, "got %s (%s)", vb_code_name(rc), err.msg);
    if (s)
        store_close(s);
    snprintf(name, sizeof name, "%s: the message names the file", what);
    T_CHECK(strstr(err.msg, path) != NULL, name);
    char *after = t_read_file(path, &after_len);
    snprintf(name, sizeof name, "%s: the file is unchanged", what);
    t_report(before && after && before_len == after_len && memcmp(before, after, before_len) == 0, name,
             "%zu bytes before, %zu after%s", before_len, after_len,
             before && after && before_len == after_len ? ", contents differ" : "");
    free(before);
    free(after);
    char side[4400];
    snprintf(side, sizeof side, "%s-wal", path);
    snprintf(name, sizeof name, "%s: no -wal file left behind", what);
    T_CHECK(!t_file_exists(side), name);
    const char *slash = strrchr(path, '/');
    char prefix[300];
    snprintf(prefix, sizeof prefix, "%s.v", slash + 1);
    snprintf(name, sizeof name, "%s: no backup made", what);
    T_EQ_INT(count_files_with_prefix(t_tmpdir(), prefix), 0, name);
}

static void test_newer(void)
{
    /* as this program leaves it: WAL mode */
    const char *path = new_db_path("newer-wal");
    store *s = NULL;
    vb_err err;
    if (store_open(&s, path, STORE_READWRITE, NOW_S, &err) == VB_OK)
        store_close(s);
    raw_exec_path(path, "PRAGMA user_version = 99");
    expect_refused(path, VB_ERR_NEWER, "newer schema (WAL database)");

    /* a newer program might use another journal mode */
    const char *path2 = new_db_path("newer-delete");
    raw_exec_path(path2, "PRAGMA journal_mode=DELETE; CREATE TABLE future (x); PRAGMA user_version = 99;");
    expect_refused(path2, VB_ERR_NEWER, "newer schema (rollback-journal database)");
}

static void test_not_a_database(void)
{
    const char *path = new_db_path("text");
    char text[4096];
    for (size_t i = 0; i < sizeof text; i++)
        text[i] = "Dit is geen database, maar een boodschappenlijst.\n"[i % 50];
    t_write_file(path, text, sizeof text);
    expect_refused(path, VB_ERR_CORRUPT, "not a database");

    /* a file with an SQLite header but garbage after it */
    const char *path2 = new_db_path("garbage");
    char junk[8192];
    memset(junk, 0xA5, sizeof junk);
    memcpy(junk, "SQLite format 3", 16);
    t_write_file(path2, junk, sizeof junk);
    expect_refused(path2, VB_ERR_CORRUPT, "damaged header");
}

static void test_missing_folder(void)
{
    const char *path = t_path("no-such-folder/sub/verbeterbord.db");
    store *s = NULL;
    vb_err err;
    vb_err_clear(&err);
    vb_code rc = store_open(&s, path, STORE_READWRITE, NOW_S, &err);
    t_report(rc == VB_ERR_NOTFOUND && !s, "missing folder: refused with notfound", "got %s (%s)", vb_code_name(rc),
             err.msg);
    T_CHECK(strstr(err.msg, "no-such-folder/sub") != NULL, "missing folder: the message names the folder");
    T_CHECK(!t_file_exists(t_path("no-such-folder")), "missing folder: nothing is created");

    const char *ro_path = new_db_path("ro-missing");
    vb_err_clear(&err);
    rc = store_open(&s, ro_path, STORE_READONLY, NOW_S, &err);
    T_EQ_INT(rc, VB_ERR_NOTFOUND, "read-only mode: a missing file is notfound");
    T_CHECK(!t_file_exists(ro_path), "read-only mode: the file is not created");
}

static void test_readonly(void)
{
    /* read-only store mode works for everyone, root included */
    const char *path = new_db_path("romode");
    store *s = NULL;
    vb_err err;
    if (store_open(&s, path, STORE_READWRITE, NOW_S, &err) == VB_OK)
        store_close(s);
    vb_err_clear(&err);
    vb_code rc = store_open(&s, path, STORE_READONLY, NOW_S, &err);
    if (t_report(rc == VB_OK, "read-only mode: opens a current database", "%s", err.msg)) {
        char team[64];
        T_CHECK(store_setting_get(s, "team_name", team, sizeof team, &err) == VB_OK, "read-only mode: reads work");
        T_EQ_INT(store_setting_set(s, "team_name", "X", &err), VB_ERR_READONLY, "read-only mode: writes are refused");
        store_close(s);
    }

    if (t_is_root()) {
        t_skip("read-only file: refused with readonly", "root");
        t_skip("read-only folder: refused with readonly", "root");
        return;
    }
    const char *rofile = new_db_path("rofile");
    if (store_open(&s, rofile, STORE_READWRITE, NOW_S, &err) == VB_OK)
        store_close(s);
    chmod(rofile, 0444);
    expect_refused(rofile, VB_ERR_READONLY, "read-only file");

    const char *dir = t_subdir("rodir");
    chmod(dir, 0555);
    char in_dir[4400];
    snprintf(in_dir, sizeof in_dir, "%s/verbeterbord.db", dir);
    vb_err_clear(&err);
    rc = store_open(&s, in_dir, STORE_READWRITE, NOW_S, &err);
    t_report(rc == VB_ERR_READONLY, "read-only folder: refused with readonly", "got %s (%s)", vb_code_name(rc),
             err.msg);
    if (s)
        store_close(s);
    chmod(dir, 0700);
}

static void test_busy(void)
{
    const char *path = new_db_path("busy");
    store *s = NULL;
    vb_err err;
    vb_err_clear(&err);
    if (!t_report(store_open(&s, path, STORE_READWRITE, NOW_S, &err) == VB_OK, "busy: open", "%s", err.msg))
        return;
    sqlite3 *other = raw_open(path);
    bool locked = other && sqlite3_exec(other, "BEGIN EXCLUSIVE", NULL, NULL, NULL) == SQLITE_OK;
    if (!T_CHECK(locked, "busy: another connection holds BEGIN EXCLUSIVE")) {
        sqlite3_close(other);
        store_close(s);
        return;
    }
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    vb_err_clear(&err);
    vb_code rc = store_setting_set(s, "team_name", "Bezet", &err);
    clock_gettime(CLOCK_MONOTONIC, &b);
    double waited = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
    t_report(rc == VB_ERR_BUSY, "busy: a write returns busy while another holds the lock", "got %s (%s)",
             vb_code_name(rc), err.msg);
    /* a tap never waits longer than that (issue 9, "No freezes") */
    t_report(waited >= 0.05 && waited < 5.0, "busy: it waited for the short busy timeout first", "waited %.2f s",
             waited);
    sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_close(other);
    char team[64] = "";
    T_CHECK(store_setting_set(s, "team_name", "Vrij", &err) == VB_OK &&
                store_setting_get(s, "team_name", team, sizeof team, &err) == VB_OK && strcmp(team, "Vrij") == 0,
            "busy: the write works once the lock is gone");
    store_close(s);
}

/* ---- settings ---------------------------------------------------------------- */

static void test_settings(void)
{
    const char *path = new_db_path("settings");
    store *s = NULL;
    vb_err err;
    vb_err_clear(&err);
    if (!t_report(store_open(&s, path, STORE_READWRITE, NOW_S, &err) == VB_OK, "settings: open", "%s", err.msg))
        return;
    char buf[128];
    T_CHECK(store_setting_get(s, "team_name", buf, sizeof buf, &err) == VB_OK && strcmp(buf, "Team") == 0,
            "settings: default team name is 'Team'");
    T_CHECK(store_setting_get(s, "language", buf, sizeof buf, &err) == VB_OK && strcmp(buf, "nl") == 0,
            "settings: default language is nl");
    T_EQ_INT(store_setting_int(s, "idle_timeout_s", -1), 90, "settings: default idle timeout is 90 s");

    const char *name = "Lijn 3 \xE2\x80\x94 \xC3\x98rsted & Zo\xC3\xAB";
    T_EQ_INT(store_setting_set(s, "team_name", name, &err), VB_OK, "settings: set a UTF-8 value");
    T_CHECK(store_setting_get(s, "team_name", buf, sizeof buf, &err) == VB_OK && strcmp(buf, name) == 0,
            "settings: read it back");
    T_EQ_INT(store_setting_set(s, "team_name", "Montage", &err), VB_OK, "settings: overwrite");
    T_CHECK(store_setting_get(s, "team_name", buf, sizeof buf, &err) == VB_OK && strcmp(buf, "Montage") == 0,
            "settings: the new value wins");
    char tiny[4];
    T_CHECK(store_setting_get(s, "team_name", tiny, sizeof tiny, &err) == VB_OK && strcmp(tiny, "Mon") == 0,
            "settings: a small buffer is cut and terminated");
    vb_err_clear(&err);
    T_EQ_INT(store_setting_get(s, "no_such_key", buf, sizeof buf, &err), VB_ERR_NOTFOUND,
             "settings: an unset key is notfound");
    store_setting_set(s, "idle_timeout_s", "120", &err);
    T_EQ_INT(store_setting_int(s, "idle_timeout_s", 90), 120, "settings: integer value");
    store_setting_set(s, "idle_timeout_s", "12x", &err);
    T_EQ_INT(store_setting_int(s, "idle_timeout_s", 90), 90, "settings: a bad integer gives the fallback");
    T_EQ_INT(store_setting_int(s, "no_such_key", 7), 7, "settings: an unset integer gives the fallback");
    char huge[5000];
    memset(huge, 'x', sizeof huge - 1);
    huge[sizeof huge - 1] = '\0';
    T_EQ_INT(store_setting_set(s, "team_name", huge, &err), VB_ERR_CONSTRAINT,
             "settings: a value over 4000 characters is refused by the database");
    T_EQ_INT(store_setting_set(s, "", "x", &err), VB_ERR_CONSTRAINT, "settings: an empty key is refused");

    int64_t v1 = 0, v2 = 0;
    store_data_version(s, &v1, &err);
    raw_exec_path(path, "UPDATE setting SET value = 'Anders' WHERE key = 'team_name'");
    store_data_version(s, &v2, &err);
    T_CHECK(v1 != v2, "store_data_version changes when another connection commits");
    store_close(s);

    s = NULL;
    vb_err_clear(&err);
    if (store_open(&s, path, STORE_READWRITE, NOW_S, &err) == VB_OK) {
        T_CHECK(store_setting_get(s, "team_name", buf, sizeof buf, &err) == VB_OK && strcmp(buf, "Anders") == 0,
                "settings: values survive closing and opening");
        store_close(s);
    }
}

/* ---- constraints ---------------------------------------------------------------- */

static bool ins(sqlite3 *db, const char *sql)
{
    return sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK;
}

static void test_constraints(void)
{
    const char *path = new_db_path("constraints");
    store *s = NULL;
    vb_err err;
    if (store_open(&s, path, STORE_READWRITE, NOW_S, &err) == VB_OK)
        store_close(s);
    sqlite3 *db = raw_open(path);
    if (!T_CHECK(db != NULL, "constraints: open"))
        return;
    T_CHECK(ins(db, "INSERT INTO member (id, name, role, created_at) VALUES (1, 'Anouk', 'worker', 1795600000),"
                    " (2, 'Piotr', 'lead', 1795600000)"),
            "constraints: insert members");
    T_CHECK(!ins(db, "INSERT INTO member (name, role, created_at) VALUES ('Iemand', 'boss', 1)"),
            "constraints: a member role other than worker/lead is refused");
    T_CHECK(!ins(db, "INSERT INTO member (name, created_at) VALUES ('Anouk', 1)"),
            "constraints: two active members with the same name are refused");
    T_CHECK(!ins(db, "INSERT INTO member (name, created_at) VALUES ('', 1)"), "constraints: an empty name is refused");
    T_CHECK(ins(db, "INSERT INTO idea (id, title, category_id, created_at, status_changed_at)"
                    " VALUES (1, 'Betere verlichting bij lijn 2', 1, 1795600000, 1795600000)"),
            "constraints: insert an idea");
    T_CHECK(ins(db, "INSERT INTO vote (idea_id, member_id, at) VALUES (1, 1, 1795600100)"), "constraints: vote once");
    T_CHECK(!ins(db, "INSERT INTO vote (idea_id, member_id, at) VALUES (1, 1, 1795600200)"),
            "constraints: voting twice for the same idea fails");
    T_EQ_INT(sqlite3_extended_errcode(db), SQLITE_CONSTRAINT_PRIMARYKEY, "constraints: ... on the unique key");
    T_CHECK(ins(db, "INSERT INTO vote (idea_id, member_id, at) VALUES (1, 2, 1795600200)"),
            "constraints: another member may vote");
    T_EQ_INT(raw_int(db, "SELECT vote_count FROM idea WHERE id = 1"), 2, "constraints: vote_count follows the votes");
    ins(db, "DELETE FROM vote WHERE idea_id = 1 AND member_id = 1");
    T_EQ_INT(raw_int(db, "SELECT vote_count FROM idea WHERE id = 1"), 1, "constraints: taking a vote back counts down");
    T_CHECK(!ins(db, "INSERT INTO vote (idea_id, member_id, at) VALUES (1, 99, 1)"),
            "constraints: a vote by an unknown member fails (foreign key)");

    T_CHECK(!ins(db, "INSERT INTO idea (title, category_id, status, created_at, status_changed_at)"
                     " VALUES ('Ingevoerd zonder uitleg', 1, 'adopted', 1, 1)"),
            "constraints: an adopted idea without feedback fails");
    T_CHECK(!ins(db, "INSERT INTO idea (title, category_id, status, created_at, status_changed_at)"
                     " VALUES ('Afgewezen zonder uitleg', 1, 'declined', 1, 1)"),
            "constraints: a declined idea without feedback fails");
    T_CHECK(!ins(db, "UPDATE idea SET status = 'adopted' WHERE id = 1"),
            "constraints: moving an idea to adopted without feedback fails");
    T_CHECK(ins(db, "UPDATE idea SET status = 'adopted', feedback = 'Lampen hangen sinds maandag.' WHERE id = 1"),
            "constraints: adopted with feedback is fine");
    T_CHECK(!ins(db, "INSERT INTO idea (title, category_id, status, created_at, status_changed_at)"
                     " VALUES ('Misschien', 1, 'maybe', 1, 1)"),
            "constraints: an unknown idea status fails");
    T_CHECK(!ins(db, "INSERT INTO idea (title, category_id, created_at, status_changed_at) VALUES ('ab', 1, 1, 1)"),
            "constraints: an idea title under 3 characters fails");

    char sql[2048], text[1024];
    memset(text, 'x', 81);
    text[81] = '\0';
    snprintf(sql, sizeof sql,
             "INSERT INTO idea (title, category_id, created_at, status_changed_at) VALUES ('%s', 1, 1, 1)", text);
    T_CHECK(!ins(db, sql), "constraints: an idea title of 81 characters fails");
    text[80] = '\0';
    snprintf(sql, sizeof sql,
             "INSERT INTO idea (title, category_id, created_at, status_changed_at) VALUES ('%s', 1, 1, 1)", text);
    T_CHECK(ins(db, sql), "constraints: an idea title of 80 characters is fine");

    const char *lp = "INSERT INTO learning_point (id, receipt, day, dagstart_day, category_id, what_happened, lesson)"
                     " VALUES ('%s', '%s', '2026-11-25', '2026-11-26', 3, '%s', '%s')";
    snprintf(sql, sizeof sql, lp, "aaaaaaaaaaaaaaaa", "KX7-4MP", "", "");
    T_CHECK(!ins(db, sql), "constraints: a learning point with both texts empty fails");
    snprintf(sql, sizeof sql, lp, "aaaaaaaaaaaaaaaa", "KX7-4MP", "Pallet viel om", "");
    T_CHECK(ins(db, sql), "constraints: an anonymous learning point with one text is fine");
    snprintf(sql, sizeof sql, lp, "bbbbbbbbbbbbbbbb", "KX7-4MP", "Nog een", "");
    T_CHECK(!ins(db, sql), "constraints: a receipt code is unique");
    /* 200 characters of two bytes each: length counts characters */
    size_t o = 0;
    for (int i = 0; i < 200; i++) {
        text[o++] = '\xC3';
        text[o++] = '\xAB';
    }
    text[o] = '\0';
    snprintf(sql, sizeof sql, lp, "cccccccccccccccc", "ABC-DEF", text, "");
    T_CHECK(ins(db, sql), "constraints: 200 characters (400 bytes) of text is fine");
    memcpy(text + o, "x", 2);
    snprintf(sql, sizeof sql, lp, "dddddddddddddddd", "ABC-DEG", text, "");
    T_CHECK(!ins(db, sql), "constraints: 201 characters of what happened fails");
    snprintf(sql, sizeof sql, lp, "eeeeeeeeeeeeeeee", "ABC-DEH", "Kort", text);
    T_CHECK(!ins(db, sql), "constraints: 201 characters of lesson fails");
    snprintf(sql, sizeof sql, lp, "short", "ABC-DEJ", "Kort", "");
    T_CHECK(!ins(db, sql), "constraints: a learning point key must be 16 characters");
    T_CHECK(!ins(db, "INSERT INTO learning_point (id, receipt, day, dagstart_day, category_id, what_happened)"
                     " VALUES ('ffffffffffffffff', 'ABC-DEK', '26-11-2026', '2026-11-26', 1, 'x')"),
            "constraints: a day not in YYYY-MM-DD fails");
    T_CHECK(!ins(db, "INSERT INTO learning_point (id, receipt, day, dagstart_day, category_id, what_happened)"
                     " VALUES ('gggggggggggggggg', 'ABC-DEM', '2026-11-26', '2026-11-26', 42, 'x')"),
            "constraints: an unknown category fails (foreign key)");

    T_CHECK(!ins(db, "INSERT INTO action (description, owner_id, due_day, status, origin, created_at)"
                     " VALUES ('Vloer markeren', 1, '2026-12-01', 'done', 'dagstart', 1)"),
            "constraints: a done action needs closed_at");
    T_CHECK(!ins(db, "INSERT INTO action (description, owner_id, due_day, status, origin, created_at, closed_at)"
                     " VALUES ('Vloer markeren', 1, '2026-12-01', 'dropped', 'dagstart', 1, 2)"),
            "constraints: a dropped action needs a note");
    T_CHECK(ins(db, "INSERT INTO action (description, owner_id, due_day, origin, created_at)"
                    " VALUES ('Vloer markeren', 1, '2026-12-01', 'dagstart', 1795600000)"),
            "constraints: an open action is fine");
    T_CHECK(!ins(db, "INSERT INTO dagstart (day, started_at, ended_at) VALUES ('2026-11-26', 100, 50)"),
            "constraints: a daily start cannot end before it starts");
    T_CHECK(!ins(db, "INSERT INTO announcement (text, from_day, to_day, created_at)"
                     " VALUES ('Audit', '2026-11-26', '2026-11-25', 1)"),
            "constraints: an announcement cannot end before it starts");
    T_CHECK(!ins(db, "INSERT INTO setting (key, value) VALUES ('x', NULL)"), "constraints: a setting needs a value");
    sqlite3_close(db);
}

/* ---- newest time, emptiness, quick_check, demo ------------------------------------- */

static void test_newest_and_empty(void)
{
    const char *path = new_db_path("newest");
    store *s = NULL;
    vb_err err;
    vb_err_clear(&err);
    if (!t_report(store_open(&s, path, STORE_READWRITE, NOW_S, &err) == VB_OK, "newest: open", "%s", err.msg))
        return;
    bool empty = false;
    int64_t newest = -1;
    raw_exec_path(path, "INSERT INTO learning_point (id, receipt, day, dagstart_day, category_id, what_happened)"
                        " VALUES ('aaaaaaaaaaaaaaaa', 'KX7-4MP', '2026-11-25', '2026-11-26', 1, 'x')");
    T_CHECK(store_is_empty(s, &empty, &err) == VB_OK && !empty, "store_is_empty: false with one learning point");
    T_CHECK(store_newest_time(s, &newest, &err) == VB_OK && newest == 0,
            "store_newest_time: an anonymous learning point carries no time");
    raw_exec_path(path, "INSERT INTO member (name, created_at) VALUES ('Anouk', 1795600000)");
    raw_exec_path(path, "INSERT INTO idea (title, category_id, created_at, status_changed_at)"
                        " VALUES ('Idee een', 1, 1795650000, 1795650000)");
    T_CHECK(store_newest_time(s, &newest, &err) == VB_OK && newest == 1795650000,
            "store_newest_time: the newest idea");
    raw_exec_path(path, "INSERT INTO audit_log (at, action) VALUES (1795660000, 'settings')");
    T_CHECK(store_newest_time(s, &newest, &err) == VB_OK && newest == 1795660000,
            "store_newest_time: the audit log counts too");
    raw_exec_path(path, "INSERT INTO dagstart (day, started_at, ended_at) VALUES ('2026-11-26', 1795670000, 1795670600)");
    T_CHECK(store_newest_time(s, &newest, &err) == VB_OK && newest == 1795670600,
            "store_newest_time: the end of a daily start counts");
    raw_exec_path(path, "INSERT INTO idea (title, category_id, created_at, status_changed_at)"
                        " VALUES ('Uit de toekomst', 1, 1900000000, 1900000000)");
    T_CHECK(store_newest_time(s, &newest, &err) == VB_OK && newest == 1900000000,
            "store_newest_time: an entry in the future is found");
    store_close(s);

    const char *path2 = new_db_path("empty2");
    if (store_open(&s, path2, STORE_READWRITE, NOW_S, &err) == VB_OK) {
        raw_exec_path(path2, "INSERT INTO member (name, created_at) VALUES ('Anouk', 1795600000)");
        T_CHECK(store_is_empty(s, &empty, &err) == VB_OK && !empty, "store_is_empty: false with one member");
        store_close(s);
    }
}

/* A new database named name with 3000 ideas, so that the idea table spans
 * pages well past the schema (and past what opening caches); NULL when it
 * cannot be made. */
static const char *large_db(const char *name)
{
    const char *path = new_db_path(name);
    store *s = NULL;
    vb_err err;
    if (store_open(&s, path, STORE_READWRITE, NOW_S, &err) != VB_OK)
        return NULL;
    store_close(s);
    raw_exec_path(path, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)"
                        " INSERT INTO idea (title, category_id, description, created_at, status_changed_at)"
                        " SELECT 'Idee nummer ' || i, 1, printf('%.300c', 'x'), 1, 1 FROM n");
    return path;
}

static void test_quick_check_damage(void)
{
    const char *path = large_db("damaged");
    store *s = NULL;
    vb_err err;
    if (!path)
        return;
    size_t len = 0;
    char *data = t_read_file(path, &len);
    if (!T_CHECK(data && len > 200000, "quick_check: build a large database")) {
        free(data);
        return;
    }
    /* scribble over a page in the middle of the idea table */
    size_t page = 4096, at = (len / page / 2) * page;
    for (size_t i = 0; i < page; i++)
        data[at + i] = (char)(i * 37 + 11);
    t_write_file(path, data, len);
    free(data);
    vb_err_clear(&err);
    vb_code rc = store_open(&s, path, STORE_READWRITE, NOW_S, &err);
    if (rc != VB_OK) {
        t_report(rc == VB_ERR_CORRUPT, "quick_check: a damaged database is reported", "store_open gave %s (%s)",
                 vb_code_name(rc), err.msg);
        return;
    }
    vb_err_clear(&err);
    rc = store_quick_check(s, &err);
    t_report(rc == VB_ERR_CORRUPT && err.msg[0], "quick_check: a damaged database is reported", "got %s (%s)",
             vb_code_name(rc), err.msg);
    store_close(s);
}

/* A page that cannot be read is no damage: quick_check meets a read error
 * (once, or on every read) and store_quick_check says VB_ERR_IO, so the app
 * tries again later instead of showing "the database reports damage". */
static void test_quick_check_read_error(void)
{
    const char *path = large_db("readerror");
    store *s = NULL;
    vb_err err;
    if (!path)
        return;
    if (!T_CHECK(faultvfs_register() == SQLITE_OK, "quick_check read error: the fault VFS is registered"))
        return;
    vb_err_clear(&err);
    if (t_report(store_open(&s, path, STORE_READWRITE, NOW_S, &err) == VB_OK, "quick_check read error: open",
                 "%s", err.msg)) {
        faultvfs_arm(FV_READ, 1, SQLITE_IOERR, 1); /* every read from now on fails */
        vb_err_clear(&err);
        vb_code rc = store_quick_check(s, &err);
        long injected = faultvfs_injected();
        faultvfs_clear();
        T_CHECK(injected > 0, "quick_check read error: quick_check met the read errors");
        t_report(rc == VB_ERR_IO, "quick_check read error: a lasting read error is VB_ERR_IO, not damage",
                 "got %s (%s)", vb_code_name(rc), err.msg);
        vb_err_clear(&err);
        rc = store_quick_check(s, &err);
        t_report(rc == VB_OK, "quick_check read error: once reads work again, quick_check passes", "got %s (%s)",
                 vb_code_name(rc), err.msg);
        store_close(s);
    }
    /* back to the plain default VFS for the rest of the program */
    sqlite3_vfs *fault = sqlite3_vfs_find("fault");
    if (fault)
        sqlite3_vfs_unregister(fault);
}

static void test_demo(void)
{
    const char *path = new_db_path("demo");
    store *s = NULL;
    vb_err err;
    vb_err_clear(&err);
    if (!t_report(store_open(&s, path, STORE_READWRITE, NOW_S, &err) == VB_OK, "demo: open", "%s", err.msg))
        return;
    vb_err_clear(&err);
    vb_code rc = store_demo_fill(s, NOW_S, &err);
    if (t_report(rc == VB_OK, "store_demo_fill fills an empty database", "%s: %s", vb_code_name(rc), err.msg)) {
        bool empty = true;
        T_CHECK(store_is_empty(s, &empty, &err) == VB_OK && !empty, "demo: the database is no longer empty");
        int64_t newest = 0;
        T_CHECK(store_newest_time(s, &newest, &err) == VB_OK && newest > 0 && newest <= NOW_S + 60,
                "demo: no entry is dated after now");
        T_EQ_INT(store_quick_check(s, &err), VB_OK, "demo: quick_check ok");
        vb_err_clear(&err);
        T_EQ_INT(store_demo_fill(s, NOW_S, &err), VB_ERR_INVALID, "demo: refuses to fill a database that is not empty");
    }
    store_close(s);
    sqlite3 *db = raw_open(path);
    if (db) {
        T_EQ_INT(raw_int(db, "PRAGMA foreign_key_check"), -1, "demo: no foreign key violations");
        sqlite3_close(db);
    }
}

/* An upgrade from every earlier version, with a made-up version 2 on top
 * of the real migrations: the data survives, a backup of the old version is
 * taken first, and a migration that fails leaves the database as it was. */
static void test_upgrade_from_each_version(void)
{
    extern const char *const store_migrations[];
    extern const int store_migration_count;
    const char *list[16];
    int n = store_migration_count;
    if (n > 14)
        n = 14;
    for (int i = 0; i < n; i++)
        list[i] = store_migrations[i];
    list[n] = "CREATE TABLE upgrade_probe (x INTEGER NOT NULL); INSERT INTO upgrade_probe VALUES (42);";
    for (int from = 1; from <= n; from++) {
        char name[96];
        const char *path = new_db_path("upgrade");
        /* a database at version `from`, with a row of team data */
        store_test_set_migrations(list, from);
        store *s = NULL;
        vb_err err;
        T_CHECK(store_open(&s, path, STORE_READWRITE, NOW_S, &err) == VB_OK, "upgrade: an old version is made");
        store_setting_set(s, "team_name", "Oud team", &err);
        store_close(s);
        store_test_set_migrations(list, n + 1);
        vb_code rc = store_open(&s, path, STORE_READWRITE, NOW_S, &err);
        snprintf(name, sizeof name, "upgrade from version %d to %d: opens", from, n + 1);
        T_EQ_INT(rc, VB_OK, name);
        char team[64] = "";
        if (s)
            store_setting_get(s, "team_name", team, sizeof team, &err);
        store_close(s);
        snprintf(name, sizeof name, "upgrade from version %d: the team's data survives", from);
        T_EQ_STR(team, "Oud team", name);
        snprintf(name, sizeof name, "upgrade from version %d: the new schema is in place", from);
        T_CHECK(path_int(path, "SELECT x FROM upgrade_probe") == 42 && path_int(path, "PRAGMA user_version") == n + 1,
                name);
        char prefix[128];
        snprintf(prefix, sizeof prefix, "%s.v%d-", strrchr(path, '/') + 1, from);
        snprintf(name, sizeof name, "upgrade from version %d: a backup of the old version was taken first", from);
        /* from version 2 on with its anonymous twin, '<copy>-anon' */
        T_EQ_INT(count_files_with_prefix(t_tmpdir(), prefix), from >= 2 ? 2 : 1, name);
    }
    /* a migration that fails: rolled back whole, the file stays at its version */
    const char *path = new_db_path("badupgrade");
    store_test_set_migrations(list, n);
    store *s = NULL;
    vb_err err;
    store_open(&s, path, STORE_READWRITE, NOW_S, &err);
    store_close(s);
    list[n] = "CREATE TABLE half_done (x); INSERT INTO no_such_table VALUES (1);";
    store_test_set_migrations(list, n + 1);
    vb_code rc = store_open(&s, path, STORE_READWRITE, NOW_S, &err);
    T_CHECK(rc != VB_OK && s == NULL, "upgrade: a failing migration refuses to open, with a message");
    T_CHECK(path_int(path, "PRAGMA user_version") == n &&
                path_int(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'") == 0,
            "upgrade: a failing migration leaves nothing half done");
    store_test_set_migrations(NULL, 0);
}

/* ---- the schema is compared before anything is written ----------------------------- */

/* A current database of this program with one change made by hand. */
static const char *tampered(const char *stem, const char *sql)
{
    const char *path = new_db_path(stem);
    store *s = NULL;
    vb_err err;
    if (store_open(&s, path, STORE_READWRITE, NOW_S, &err) == VB_OK)
        store_close(s);
    raw_exec_path(path, sql);
    return path;
}

/* Refused with VB_ERR_SCHEMA, untouched (expect_refused), and the message names `names`. */
static void expect_schema_refused(const char *path, const char *what, const char *names)
{
    expect_refused(path, VB_ERR_SCHEMA, what);
    store *s = NULL;
    vb_err err;
    vb_err_clear(&err);
    store_open(&s, path, STORE_READWRITE, NOW_S, &err);
    store_close(s);
    char name[200];
    snprintf(name, sizeof name, "%s: the message says \"%s\"", what, names);
    t_report(strstr(err.msg, names) != NULL, name, "message: %s", err.msg);
}

/* Version 2 kept an anonymous idea with its moment and a timed 'new' step;
 * the upgrade keeps only its day, as a new one gets (store_anon.h), and
 * leaves signed ideas as they were. */
static void test_upgrade_anonymous_ideas(void)
{
    const char *path = new_db_path("anonideas");
    if (!T_CHECK(build_version(path, 2), "anonymous ideas: a version-2 database"))
        return;
    int64_t at = NOW_S - 5000, day = at - at % 86400; /* TZ is UTC here */
    char sql[900];
    snprintf(sql, sizeof sql,
             "INSERT INTO member (id, name, role, created_at) VALUES (1, 'Anouk', 'worker', 1);"
             "INSERT INTO idea (id, title, category_id, member_id, created_at, status_changed_at)"
             " VALUES (1, 'Getekend idee', 1, 1, %lld, %lld), (2, 'Anoniem idee', 1, NULL, %lld, %lld);"
             "INSERT INTO idea_history (idea_id, from_status, to_status, member_id, at)"
             " VALUES (1, NULL, 'new', 1, %lld), (2, NULL, 'new', NULL, %lld);",
             (long long)at, (long long)at, (long long)at + 7, (long long)at + 7, (long long)at, (long long)at + 7);
    sqlite3 *db = raw_open(path);
    bool made = db && sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK;
    sqlite3_close(db);
    if (!T_CHECK(made, "anonymous ideas: a signed and an anonymous idea at version 2"))
        return;
    store *s = NULL;
    vb_err err;
    vb_err_clear(&err);
    vb_code rc = store_open(&s, path, STORE_READWRITE, NOW_S, &err);
    t_report(rc == VB_OK, "anonymous ideas: the upgrade opens", "%s: %s", vb_code_name(rc), err.msg);
    store_close(s);
    T_EQ_INT(path_int(path, "SELECT created_at FROM idea WHERE id = 2"), day,
             "anonymous ideas: the anonymous one keeps the start of its day, not its moment");
    T_EQ_INT(path_int(path, "SELECT status_changed_at FROM idea WHERE id = 2"), day,
             "anonymous ideas: nor a moment of its status");
    T_EQ_INT(path_int(path, "SELECT count(*) FROM idea_history WHERE idea_id = 2"), 0,
             "anonymous ideas: its timed 'new' step is gone");
    T_EQ_INT(path_int(path, "SELECT created_at FROM idea WHERE id = 1"), at, "anonymous ideas: a signed one keeps its time");
    T_EQ_INT(path_int(path, "SELECT count(*) FROM idea_history WHERE idea_id = 1"), 1,
             "anonymous ideas: and its history");
    T_EQ_INT(path_int(path, "SELECT value = '2' FROM setting WHERE key = 'privacy_flush_pending'"), 1,
             "anonymous ideas: the old moments are cleared from the logs as after a privacy deletion");
}

static void test_schema_guard(void)
{
    /* a foreign SQLite file: left exactly as it was, not switched to WAL */
    const char *foreign = new_db_path("foreign");
    raw_exec_path(foreign, "CREATE TABLE boodschappen (wat TEXT, hoeveel INTEGER);"
                           "INSERT INTO boodschappen VALUES ('melk', 2);");
    expect_schema_refused(foreign, "foreign file", "not a Verbeterbord database; unknown table boodschappen");
    size_t len = 0;
    char *head = t_read_file(foreign, &len);
    T_CHECK(head && len > 20 && head[18] == 1 && head[19] == 1, "foreign file: still in rollback-journal mode");
    free(head);
    T_EQ_INT(path_int(foreign, "PRAGMA user_version"), 0, "foreign file: no schema version written");
    T_EQ_INT(path_int(foreign, "SELECT count(*) FROM sqlite_schema"), 1, "foreign file: no tables added");

    /* a foreign file that uses user_version itself */
    const char *foreign1 = new_db_path("foreign-v1");
    raw_exec_path(foreign1, "CREATE TABLE klant (id INTEGER PRIMARY KEY); PRAGMA user_version = 1;");
    expect_schema_refused(foreign1, "foreign file at version 1", "not a Verbeterbord database");

    expect_schema_refused(tampered("trigger", "CREATE TRIGGER lp_stamp AFTER INSERT ON learning_point_signed BEGIN "
                                              "UPDATE learning_point_signed SET lesson = 'x' WHERE id = NEW.id; END;"),
                          "hand-added trigger", "unknown trigger lp_stamp on learning_point_signed");
    /* the file of anonymous entries is checked the same way (store_anon.h) */
    const char *anon_tampered = tampered("anon-trigger", "SELECT 1;");
    char anon_path[4300];
    snprintf(anon_path, sizeof anon_path, "%s-anon", anon_tampered);
    raw_exec_path(anon_path, "CREATE TRIGGER lp_stamp AFTER INSERT ON learning_point_anon BEGIN "
                             "UPDATE learning_point_anon SET lesson = datetime('now') WHERE id = NEW.id; END;");
    expect_schema_refused(anon_tampered, "hand-added trigger on anonymous points",
                          "unknown trigger lp_stamp on learning_point_anon");
    expect_schema_refused(tampered("dropcol", "ALTER TABLE audit_log DROP COLUMN detail;"), "dropped column",
                          "column audit_log.detail missing");
    expect_schema_refused(tampered("addcol", "ALTER TABLE idea_row ADD COLUMN secret TEXT;"), "added column",
                          "unknown column idea_row.secret");
    expect_schema_refused(tampered("index", "CREATE INDEX idea_title ON idea_row (title);"), "added index",
                          "unknown index idea_title on idea_row");
    expect_schema_refused(tampered("view", "CREATE VIEW who_said AS SELECT * FROM learning_point;"), "added view",
                          "unknown view who_said");
    expect_schema_refused(tampered("dropidx", "DROP INDEX vote_member;"), "dropped index", "index vote_member missing");
    expect_schema_refused(tampered("droptrg", "DROP TRIGGER vote_count_up;"), "dropped trigger",
                          "trigger vote_count_up missing");
    expect_schema_refused(tampered("chgidx", "DROP INDEX action_lp; CREATE INDEX action_lp ON action (idea_id);"),
                          "changed index", "index action_lp differs");

    /* SQLite's own tables (ANALYZE's statistics) are not a difference */
    const char *analyzed = tampered("analyze", "ANALYZE;");
    store *sa = NULL;
    vb_err aerr;
    vb_err_clear(&aerr);
    vb_code arc = store_open(&sa, analyzed, STORE_READWRITE, NOW_S, &aerr);
    t_report(arc == VB_OK, "after ANALYZE: still opens (sqlite_stat1 is SQLite's)", "%s: %s", vb_code_name(arc),
             aerr.msg);
    store_close(sa);

    /* a virtual table's shadow tables are the SQLite library's: not compared,
     * while the virtual table itself is */
    expect_schema_refused(tampered("fts", "DROP TABLE idea_search;"), "dropped virtual table",
                          "table idea_search missing");
    const char *shadow = tampered("shadow", "PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql ="
                                            " replace(sql, 'block BLOB', 'block  BLOB, x') WHERE name ="
                                            " 'idea_search_data'; PRAGMA writable_schema = OFF;");
    vb_err_clear(&aerr);
    arc = store_open(&sa, shadow, STORE_READWRITE, NOW_S, &aerr);
    t_report(arc == VB_OK, "a shadow table as another SQLite version makes it: still opens", "%s: %s",
             vb_code_name(arc), aerr.msg);
    store_close(sa);

    /* the same check as a function, on an open store: equal, and for an
     * attached file with its own migrations (as the anonymous file will be) */
    const char *path = new_db_path("compare");
    store *s = NULL;
    vb_err err;
    vb_err_clear(&err);
    if (!t_report(store_open(&s, path, STORE_READWRITE, NOW_S, &err) == VB_OK, "compare: open", "%s", err.msg))
        return;
    char diff[512] = "x";
    T_EQ_INT(store_schema_compare(s, "main", store_migrations, store_migration_count, diff, sizeof diff, &err), VB_OK,
             "compare: a fresh database equals the migrations");
    T_EQ_STR(diff, "", "compare: no differences listed");
    static const char *const anon_migrations[] = {
        "CREATE TABLE anon_point (id TEXT PRIMARY KEY, day TEXT NOT NULL) STRICT, WITHOUT ROWID;"
    };
    const char *anon = new_db_path("compare-anon");
    raw_exec_path(anon, anon_migrations[0]);
    char sql[4400];
    snprintf(sql, sizeof sql, "ATTACH '%s' AS extra", anon);
    T_EQ_INT(sqlite3_exec(s->db, sql, NULL, NULL, NULL), SQLITE_OK, "compare: attach a second file as extra");
    T_EQ_INT(store_schema_compare(s, "extra", anon_migrations, 1, diff, sizeof diff, &err), VB_OK,
             "compare: the attached file equals its own migrations");
    T_EQ_INT(sqlite3_exec(s->db,
                          "CREATE TRIGGER extra.stamp AFTER INSERT ON anon_point BEGIN SELECT unixepoch(); END",
                          NULL, NULL, NULL),
             SQLITE_OK, "compare: a trigger added to the attached file");
    T_EQ_INT(store_schema_compare(s, "extra", anon_migrations, 1, diff, sizeof diff, &err), VB_ERR_SCHEMA,
             "compare: the attached file with a trigger differs");
    T_EQ_STR(diff, "unknown trigger stamp on anon_point", "compare: the difference is named");
    T_EQ_INT(store_schema_compare(s, "main", store_migrations, store_migration_count, diff, sizeof diff, &err), VB_OK,
             "compare: main is not confused with extra");
    store_close(s);

    /* an older version with a hand-made change is refused before its migration */
    static const char *list[16];
    int n = store_migration_count < 14 ? store_migration_count : 14;
    for (int i = 0; i < n; i++)
        list[i] = store_migrations[i];
    list[n] = "CREATE TABLE upgrade_probe (x INTEGER NOT NULL);";
    const char *old = new_db_path("old-trigger");
    store_test_set_migrations(list, n);
    if (store_open(&s, old, STORE_READWRITE, NOW_S, &err) == VB_OK)
        store_close(s);
    raw_exec_path(old, "CREATE TRIGGER lp_stamp AFTER INSERT ON learning_point_signed BEGIN SELECT 1; END;");
    store_test_set_migrations(list, n + 1);
    expect_refused(old, VB_ERR_SCHEMA, "older version with a hand-added trigger");
    T_EQ_INT(path_int(old, "PRAGMA user_version"), n, "older version with a trigger: not migrated");
    /* and without it, it migrates */
    raw_exec_path(old, "DROP TRIGGER lp_stamp;");
    vb_err_clear(&err);
    vb_code rc = store_open(&s, old, STORE_READWRITE, NOW_S, &err);
    t_report(rc == VB_OK, "older version as its migrations left it: migrates", "%s: %s", vb_code_name(rc), err.msg);
    store_close(s);
    T_EQ_INT(path_int(old, "PRAGMA user_version"), n + 1, "older version: now at the new version");
    store_test_set_migrations(NULL, 0);
}

/* ---- the open file deleted or replaced ------------------------------------------------ */

static void test_still_here(void)
{
    const char *dir = t_subdir("gone");
    char path[4300], other[4300], rescue[4400];
    snprintf(path, sizeof path, "%s/verbeterbord.db", dir);
    store *s = NULL;
    vb_err err;
    vb_err_clear(&err);
    if (!t_report(store_open(&s, path, STORE_READWRITE, NOW_S, &err) == VB_OK, "gone: open", "%s", err.msg))
        return;
    T_EQ_INT(store_still_here(s, &err), VB_OK, "gone: still here after opening");
    T_EQ_INT(store_setting_set(s, "team_name", "Voor de verwijdering", &err), VB_OK, "gone: a save before");
    unlink(path);
    vb_err_clear(&err);
    T_EQ_INT(store_still_here(s, &err), VB_ERR_GONE, "gone: a deleted file is noticed");
    T_CHECK(strstr(err.msg, "deleted") && strstr(err.msg, path), "gone: the message says deleted and names the file");
    T_EQ_INT(store_setting_set(s, "team_name", "Na de verwijdering", &err), VB_ERR_GONE,
             "gone: a save after the deletion is not confirmed");
    T_EQ_INT(store_rescue(s, "main", NOW_S, rescue, sizeof rescue, &err), VB_OK, "gone: rescue copy made");
    char want[4400];
    snprintf(want, sizeof want, "%s.rescue-20261126-065500", path);
    T_EQ_STR(rescue, want, "gone: the rescue copy is <db>.rescue-<stamp>");
    snprintf(want, sizeof want, "%s.rescue-20261126-065500-anon", path);
    T_CHECK(t_file_exists(want), "gone: the anonymous file's copy beside it as <copy>-anon, the pair restore takes");
    store_close(s);
    sqlite3 *db = raw_open(rescue);
    char team[64] = "";
    if (db)
        raw_text(db, "SELECT value FROM setting WHERE key = 'team_name'", team, sizeof team);
    sqlite3_close(db);
    T_EQ_STR(team, "Voor de verwijdering", "gone: the rescue copy holds the data saved before");
    size_t rlen = 0;
    char *rhead = t_read_file(rescue, &rlen);
    T_CHECK(rhead && rlen > 20 && rhead[18] == 1, "gone: the rescue copy is one plain file (no WAL)");
    free(rhead);
    T_CHECK(!t_file_exists(path), "gone: nothing made at the old path");

    /* at start: missing where one existed (marker, then a backup alone) */
    vb_err_clear(&err);
    vb_code rc = store_open(&s, path, STORE_READWRITE, NOW_S, &err);
    t_report(rc == VB_ERR_MISSING && !s, "missing: refused, not made afresh", "%s: %s", vb_code_name(rc), err.msg);
    store_close(s);
    s = NULL;
    T_CHECK(strstr(err.msg, rescue) != NULL, "missing: the message names the newest backup (the rescue copy)");
    T_CHECK(!t_file_exists(path), "missing: no file made");
    char newest[4400];
    T_EQ_INT(store_newest_backup(path, newest, sizeof newest), VB_OK, "missing: a newest backup is found");
    T_EQ_STR(newest, rescue, "missing: the rescue copy is the newest");
    char nightly[4400], marker[4400];
    snprintf(nightly, sizeof nightly, "%s/verbeterbord-20261125-023000.db", dir);
    T_CHECK(t_copy_file(rescue, nightly), "missing: a nightly backup is there too");
    struct timespec old_times[2] = { { 1000, 0 }, { 1000, 0 } };
    utimensat(AT_FDCWD, nightly, old_times, 0);
    store_newest_backup(path, newest, sizeof newest);
    T_EQ_STR(newest, rescue, "missing: newest by time, not by name");
    unlink(rescue);
    snprintf(marker, sizeof marker, "%s/.verbeterbord.db.existed", dir);
    T_CHECK(t_file_exists(marker), "missing: the marker was left at the first start");
    unlink(marker);
    vb_err_clear(&err);
    rc = store_open(&s, path, STORE_READWRITE, NOW_S, &err);
    t_report(rc == VB_ERR_MISSING && strstr(err.msg, nightly), "missing: a backup alone is enough to refuse",
             "%s: %s", vb_code_name(rc), err.msg);
    store_close(s);
    s = NULL;
    unlink(nightly);
    vb_err_clear(&err);
    rc = store_open(&s, path, STORE_READWRITE, NOW_S, &err);
    t_report(rc == VB_OK, "missing: with neither marker nor backup it is a first start", "%s: %s", vb_code_name(rc),
             err.msg);

    /* replaced by another file */
    snprintf(other, sizeof other, "%s/other.db", dir);
    raw_exec_path(other, "CREATE TABLE x (y);");
    rename(other, path);
    vb_err_clear(&err);
    T_EQ_INT(s ? store_still_here(s, &err) : VB_ERR_INTERNAL, VB_ERR_GONE, "replaced: noticed");
    T_CHECK(strstr(err.msg, "replaced") != NULL, "replaced: the message says replaced");
    store_close(s);

    /* the whole folder gone: no rescue copy, and it says so */
    const char *lost_dir = t_subdir("gone-folder");
    char lost[4300];
    snprintf(lost, sizeof lost, "%s/verbeterbord.db", lost_dir);
    vb_err_clear(&err);
    if (t_report(store_open(&s, lost, STORE_READWRITE, NOW_S, &err) == VB_OK, "folder gone: open", "%s", err.msg)) {
        t_rm_tree(lost_dir);
        T_EQ_INT(store_still_here(s, &err), VB_ERR_GONE, "folder gone: noticed");
        vb_code frc = store_rescue(s, "main", NOW_S, rescue, sizeof rescue, &err);
        t_report(frc == VB_ERR_NOTFOUND && rescue[0] == '\0' && strstr(err.msg, "gone"),
                 "folder gone: no rescue copy, and the message says why", "%s: %s", vb_code_name(frc), err.msg);
        store_close(s);
    }

    /* the file of anonymous entries is watched too (store_anon.h) */
    const char *main2 = new_db_path("watch-main");
    char anon[4400];
    snprintf(anon, sizeof anon, "%s-anon", main2);
    vb_err_clear(&err);
    if (!t_report(store_open(&s, main2, STORE_READWRITE, NOW_S, &err) == VB_OK, "watch anon: open", "%s", err.msg))
        return;
    T_EQ_INT(store_still_here(s, &err), VB_OK, "watch anon: both here");
    unlink(anon);
    T_EQ_INT(store_still_here(s, &err), VB_ERR_GONE, "watch anon: the deleted attached file is noticed");
    T_CHECK(strstr(err.msg, anon) != NULL, "watch anon: the message names it");
    T_EQ_INT(store_rescue(s, "main", NOW_S, rescue, sizeof rescue, &err), VB_OK, "watch anon: rescue copy made");
    char anon_want[4400];
    snprintf(anon_want, sizeof anon_want, "%s.rescue-20261126-065500-anon", main2);
    T_CHECK(t_file_exists(anon_want), "watch anon: the anonymous copy is <db>.rescue-<stamp>-anon, beside the main one");
    /* a second rescue in the same second: a new pair, the first untouched */
    char second[4400];
    T_EQ_INT(store_rescue(s, "main", NOW_S, second, sizeof second, &err), VB_OK, "watch anon: a second rescue");
    char second_anon[4500];
    snprintf(second_anon, sizeof second_anon, "%s-anon", second);
    T_CHECK(strcmp(second, rescue) != 0 && t_file_exists(second_anon),
            "watch anon: the second copy has its own -anon beside it");
    store_close(s);
}

/* The file of anonymous entries (kiosk/store/store_anon.h): the upgrade
 * from version 1 moves every anonymous point out of the main file first; an
 * empty or foreign -anon is refused; a deletion the anon file did not commit
 * is finished by the privacy clean-up. */
static void test_anon_file(void)
{
    extern const char *const store_migrations[];
    const char *path = new_db_path("anon-upgrade");
    store *s = NULL;
    vb_err err;
    vb_err_clear(&err);
    store_test_set_migrations(store_migrations, 1);
    T_CHECK(store_open(&s, path, STORE_READWRITE, NOW_S, &err) == VB_OK, "anon: a version-1 database");
    store_close(s);
    T_EQ_INT(raw_exec_path(path,
                           "INSERT INTO member (id, name, created_at) VALUES (1, 'Anna', 1);"
                           "INSERT INTO learning_point (id, receipt, day, dagstart_day, category_id, what_happened,"
                           " member_id, hidden, feedback) VALUES"
                           " ('00000000000000a1', 'AAA-AA1', '2026-11-20', '2026-11-23', 1, 'Zqanonwoord een', NULL, 1,"
                           " 'Opgelost'),"
                           " ('00000000000000a2', 'AAA-AA2', '2026-11-21', '2026-11-23', 1, 'Zqanonwoord twee', NULL, 0,"
                           " NULL),"
                           " ('00000000000000b1', 'AAA-BB1', '2026-11-21', '2026-11-23', 1, 'Getekend punt', 1, 0, NULL);"
                           "INSERT INTO learning_point_metoo VALUES ('00000000000000a2', 1);"),
             SQLITE_OK, "anon: version 1 with two anonymous points and a signed one");
    store_test_set_migrations(NULL, 0);
    vb_err_clear(&err);
    T_CHECK(store_open(&s, path, STORE_READWRITE, NOW_S, &err) == VB_OK, "anon: the upgrade opens");
    bool cleared = false;
    if (s) {
        T_EQ_INT(raw_int(s->db, "SELECT count(*) FROM anon.learning_point_anon"), 2,
                 "anon: both anonymous points are in the anon file");
        T_EQ_INT(raw_int(s->db, "SELECT count(*) FROM learning_point_signed"), 1, "anon: the signed one in main");
        T_EQ_INT(raw_int(s->db, "SELECT count(*) FROM learning_point WHERE id = '00000000000000a1' AND hidden = 1"
                                " AND feedback = 'Opgelost'"),
                 1, "anon: the lead's marks on an anonymous point kept");
        T_EQ_INT(raw_int(s->db, "SELECT count(*) FROM learning_point_metoo"), 1, "anon: 'me too' kept");
        T_CHECK(store_privacy_pending(s), "anon: the upgrade asks for the old logs to be cleared");
        T_EQ_INT(store_privacy_flush(s, &cleared, &err), VB_OK, "anon: and they are");
        T_CHECK(cleared, "anon: nothing reads, so at once");
        store_close(s);
    }
    size_t len = 0;
    char *bytes = t_read_file(path, &len);
    bool leaked = false;
    for (size_t i = 0; bytes && i + 11 <= len; i++)
        leaked = leaked || memcmp(bytes + i, "Zqanonwoord", 11) == 0;
    free(bytes);
    T_CHECK(!leaked, "anon: the main file no longer holds the anonymous texts");

    /* an empty -anon next to the database: refused, never a fresh start */
    char anon[4300];
    snprintf(anon, sizeof anon, "%s-anon", path);
    char *keep = t_read_file(anon, &len);
    FILE *f = fopen(anon, "wb");
    if (f)
        fclose(f);
    vb_err_clear(&err);
    T_EQ_INT(store_open(&s, path, STORE_READWRITE, NOW_S, &err), VB_ERR_SCHEMA, "anon: an empty -anon is refused");
    T_CHECK(strstr(err.msg, "empty") != NULL, "anon: and the message says so");
    if (s)
        store_close(s);
    /* one of another database: refused too */
    const char *other = new_db_path("anon-other");
    if (store_open(&s, other, STORE_READWRITE, NOW_S, &err) == VB_OK)
        store_close(s);
    char other_anon[4300];
    snprintf(other_anon, sizeof other_anon, "%s-anon", other);
    size_t olen = 0;
    char *obytes = t_read_file(other_anon, &olen);
    f = fopen(anon, "wb");
    if (f && obytes)
        fwrite(obytes, 1, olen, f);
    if (f)
        fclose(f);
    free(obytes);
    vb_err_clear(&err);
    T_EQ_INT(store_open(&s, path, STORE_READWRITE, NOW_S, &err), VB_ERR_SCHEMA,
             "anon: the -anon of another database is refused");
    T_CHECK(strstr(err.msg, "another database") != NULL, "anon: and the message says so");
    if (s)
        store_close(s);
    f = fopen(anon, "wb");
    if (f && keep)
        fwrite(keep, 1, len, f);
    if (f)
        fclose(f);
    free(keep);
    char anon_wal[4400];
    snprintf(anon_wal, sizeof anon_wal, "%s-wal", anon);
    unlink(anon_wal);

    /* a deletion whose anon half did not commit: finished by the clean-up */
    vb_err_clear(&err);
    if (!t_report(store_open(&s, path, STORE_READWRITE, NOW_S, &err) == VB_OK, "anon: its own -anon back", "%s",
                  err.msg))
        return;
    sqlite3_exec(s->db,
                 "INSERT INTO privacy_pending_anon (id) VALUES ('00000000000000a2');"
                 "INSERT INTO learning_point_state (id, hidden) VALUES ('00000000000000a2', 1)"
                 " ON CONFLICT (id) DO UPDATE SET hidden = 1;"
                 "UPDATE setting SET value = '1' WHERE key = 'privacy_flush_pending';",
                 NULL, NULL, NULL);
    T_EQ_INT(store_privacy_flush(s, &cleared, &err), VB_OK, "anon: the clean-up runs");
    T_EQ_INT(raw_int(s->db, "SELECT count(*) FROM anon.learning_point_anon WHERE id = '00000000000000a2'"), 0,
             "anon: it deletes the anonymous row that was left");
    T_EQ_INT(raw_int(s->db, "SELECT count(*) FROM privacy_pending_anon") +
                 raw_int(s->db, "SELECT count(*) FROM learning_point_state WHERE id = '00000000000000a2'"),
             0, "anon: and forgets it in main");
    T_CHECK(cleared && !store_privacy_pending(s), "anon: the job ends");
    store_close(s);
}

int main(void)
{
    setenv("TZ", "UTC0", 1);
    tzset();
    test_upgrade_from_each_version();
    test_upgrade_anonymous_ideas();
    test_open_new();
    test_open_zero_length();
    test_migrations();
    test_newer();
    test_schema_guard();
    test_still_here();
    test_anon_file();
    test_not_a_database();
    test_missing_folder();
    test_readonly();
    test_settings();
    test_constraints();
    test_newest_and_empty();
    test_quick_check_damage();
    test_quick_check_read_error();
    test_demo();
    test_busy(); /* last: it waits for the 5 s busy timeout */
    return t_done();
}

/* store.c: opening, migrating and checking the database, the statement
 * cache, the write-transaction helper and team settings. */
#include "store_internal.h"
#include "store_anon.h"

#include "../core/utf8.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Generated from db/NNNN_*.sql by the build (see Makefile). */
extern const char *const store_migrations[];
extern const int store_migration_count;

/* The migrations in use: the built-in ones, or a test's (store_test_set_migrations). */
static const char *const *migrations = store_migrations;
static int migration_count = -1;

static int count_of_migrations(void)
{
    return migration_count >= 0 ? migration_count : store_migration_count;
}

void store_test_set_migrations(const char *const *list, int count)
{
    migrations = list ? list : store_migrations;
    migration_count = list ? count : -1;
}

int store_schema_version(void)
{
    return count_of_migrations();
}

vb_code store_fail(store *s, vb_err *err, int rc, const char *what)
{
    vb_code code;
    if (rc == SQLITE_READONLY_DBMOVED)
        return vb_fail(err, VB_ERR_GONE, "%s: the database file was moved or deleted while open (%s)", what,
                       s ? s->path : "");
    switch (rc & 0xFF) {
    case SQLITE_FULL: code = VB_ERR_FULL; break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH: code = VB_ERR_READONLY; break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: code = VB_ERR_BUSY; break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: code = VB_ERR_CORRUPT; break;
    case SQLITE_CANTOPEN: code = VB_ERR_NOTFOUND; break;
    case SQLITE_CONSTRAINT: code = VB_ERR_CONSTRAINT; break;
    case SQLITE_NOMEM: code = VB_ERR_NOMEM; break;
    case SQLITE_TOOBIG:
    case SQLITE_MISMATCH:
    case SQLITE_RANGE: code = VB_ERR_INVALID; break;
    case SQLITE_IOERR: code = VB_ERR_IO; break;
    default: code = VB_ERR_INTERNAL; break;
    }
    const char *detail = (s && s->db) ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc);
    return vb_fail(err, code, "%s: %s (%s)", what, detail, s ? s->path : "");
}

sqlite3_stmt *store_stmt(store *s, const char *sql, vb_err *err)
{
    for (int i = 0; i < s->cached; i++) {
        if (s->cache[i].sql == sql) {
            sqlite3_stmt *st = s->cache[i].stmt;
            sqlite3_reset(st);
            sqlite3_clear_bindings(st);
            return st;
        }
    }
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL);
    if (rc != SQLITE_OK) {
        store_fail(s, err, rc, "prepare");
        return NULL;
    }
    if (s->cached < STORE_STMT_CACHE) {
        s->cache[s->cached].sql = sql;
        s->cache[s->cached].stmt = st;
        s->cached++;
    } else {
        /* Cache full: a programming error (more call sites than slots). */
        VB_ASSERT(s->cached < STORE_STMT_CACHE);
        sqlite3_finalize(st);
        vb_fail(err, VB_ERR_INTERNAL, "statement cache full");
        return NULL;
    }
    return st;
}

/* Grows *arr (of elem bytes) so that index n fits. */
static bool grow(void **arr, int *cap, int n, size_t elem)
{
    if (n < *cap)
        return true;
    int next = *cap ? *cap * 2 : 64;
    void *p = realloc(*arr, (size_t)next * elem);
    if (!p)
        return false;
    *arr = p;
    *cap = next;
    return true;
}

vb_code store_collect(store *s, sqlite3_stmt *st, void **arr, int *count, size_t elem, store_row_fn row, vb_err *err,
                      const char *what)
{
    int cap = 0, n = 0, rc;
    *arr = NULL;
    *count = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (!grow(arr, &cap, n, elem)) {
            sqlite3_reset(st);
            return vb_fail(err, VB_ERR_NOMEM, "out of memory reading %s", what);
        }
        void *slot = (char *)*arr + (size_t)n * elem;
        memset(slot, 0, elem);
        row(st, slot);
        n++;
    }
    sqlite3_reset(st);
    *count = n;
    if (rc != SQLITE_DONE)
        return store_fail(s, err, rc, what);
    return VB_OK;
}

vb_code store_rows(store *s, sqlite3_stmt *st, void *arr, int max, int *count, size_t elem, store_row_fn row,
                   vb_err *err, const char *what)
{
    int n = 0, rc = SQLITE_DONE;
    while (n < max && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        void *slot = (char *)arr + (size_t)n * elem;
        memset(slot, 0, elem);
        row(st, slot);
        n++;
    }
    sqlite3_reset(st);
    *count = n;
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? VB_OK : store_fail(s, err, rc, what);
}

bool store_name_ok(const char *text, size_t max_chars)
{
    if (!text || !*text)
        return false;
    size_t len = strlen(text);
    if (!utf8_valid(text, len, false))
        return false;
    size_t chars = utf8_count(text, len);
    return chars >= 1 && chars <= max_chars && text[0] != ' ' && text[len - 1] != ' ';
}

void store_col_text(sqlite3_stmt *st, int col, char *out, size_t size)
{
    (void)utf8_copy((const char *)sqlite3_column_text(st, col), out, size);
}

int store_bind_text(sqlite3_stmt *st, int idx, const char *text)
{
    return text ? sqlite3_bind_text(st, idx, text, -1, SQLITE_TRANSIENT) : sqlite3_bind_null(st, idx);
}

int store_bind_id(sqlite3_stmt *st, int idx, int64_t id)
{
    return id > 0 ? sqlite3_bind_int64(st, idx, id) : sqlite3_bind_null(st, idx);
}

vb_code store_step_done(store *s, sqlite3_stmt *st, vb_err *err, const char *what)
{
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        rc = SQLITE_DONE;
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return store_fail(s, err, rc, what);
    return VB_OK;
}

static vb_code exec_sql(store *s, const char *sql, vb_err *err, const char *what)
{
    int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
    return rc == SQLITE_OK ? VB_OK : store_fail(s, err, rc, what);
}

/* VB_ERR_GONE (with err) when the open file was deleted or replaced; else
 * VB_OK, err untouched (a check that cannot tell does not stop a save). */
static vb_code still_ours(store *s, vb_err *err)
{
    vb_err check;
    vb_err_clear(&check);
    if (store_still_here(s, &check) != VB_ERR_GONE)
        return VB_OK;
    if (err)
        *err = check;
    return VB_ERR_GONE;
}

vb_code store_transaction(store *s, store_write_fn fn, void *ctx, vb_err *err)
{
    vb_code rc = exec_sql(s, "BEGIN IMMEDIATE", err, "begin");
    if (rc != VB_OK)
        return rc;
    rc = fn(s, ctx, err);
    if (rc == VB_OK) {
        int src = sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
        if (src == SQLITE_OK)
            return VB_OK;
        rc = store_fail(s, err, src, "commit");
    }
    /* The statement or commit failed: undo everything of this write. A
     * failed COMMIT (e.g. SQLITE_FULL) leaves the transaction open. */
    if (!sqlite3_get_autocommit(s->db))
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}

vb_code store_write(store *s, store_write_fn fn, void *ctx, vb_err *err)
{
    if (s->mode == STORE_READONLY)
        return vb_fail(err, VB_ERR_READONLY, "database opened read-only (%s)", s->path);
    /* A file deleted or replaced under us would take the write into an
     * unlinked file: not saved, whatever COMMIT says (checked after too). */
    vb_code rc = still_ours(s, err);
    if (rc != VB_OK)
        return rc;
    rc = s->writer ? store_writer_call(s, true, fn, ctx, err) : store_transaction(s, fn, ctx, err);
    return rc == VB_OK ? still_ours(s, err) : rc;
}

vb_code store_run(store *s, store_write_fn fn, void *ctx, vb_err *err)
{
    return s->writer ? store_writer_call(s, false, fn, ctx, err) : fn(s, ctx, err);
}

static vb_code query_int(store *s, const char *sql, int64_t *out, vb_err *err)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            *out = sqlite3_column_int64(st, 0);
            rc = SQLITE_OK;
        }
    }
    sqlite3_finalize(st);
    return rc == SQLITE_OK ? VB_OK : store_fail(s, err, rc, sql);
}

/* Copies the database to "<path>.v<N>-<stamp>.bak" before a migration. */
static vb_code backup_before_migration(store *s, int from_version, int64_t now_s, vb_err *err)
{
    char dest[1200];
    time_t t = (time_t)now_s;
    struct tm tm;
    char stamp[32] = "now";
    if (localtime_r(&t, &tm))
        strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
    if (!vb_fmt(dest, sizeof dest, "%s.v%d-%s.bak", s->path, from_version, stamp))
        return vb_fail(err, VB_ERR_INVALID, "no backup before the upgrade: the path is too long (%s)", s->path);
    /* From version 2 on, the anonymous entries live in '<db>-anon' and a
     * copy is only whole with its twin: '<copy>-anon' (store_anon.h). */
    bool with_anon = from_version >= 2 && s->anon_attached;
    int rc = SQLITE_OK;
    for (int i = 0; i < (with_anon ? 2 : 1) && rc == SQLITE_OK; i++) {
        char target[1210];
        if (!vb_fmt(target, sizeof target, "%s%s", dest, i ? "-anon" : ""))
            return vb_fail(err, VB_ERR_INVALID, "no backup before the upgrade: the path is too long (%s)", s->path);
        sqlite3_stmt *st = NULL;
        rc = sqlite3_prepare_v2(s->db, i ? "VACUUM anon INTO ?" : "VACUUM main INTO ?", -1, &st, NULL);
        if (rc == SQLITE_OK) {
            sqlite3_bind_text(st, 1, target, -1, SQLITE_TRANSIENT);
            rc = sqlite3_step(st);
            if (rc == SQLITE_DONE)
                rc = SQLITE_OK;
        }
        sqlite3_finalize(st);
    }
    if (rc != SQLITE_OK)
        return store_fail(s, err, rc, "backup before migration");
    return VB_OK;
}

static vb_code migrate(store *s, int64_t now_s, vb_err *err)
{
    int64_t version = 0;
    vb_code rc = query_int(s, "PRAGMA user_version", &version, err);
    if (rc != VB_OK)
        return rc;
    if (version > count_of_migrations())
        return vb_fail(err, VB_ERR_NEWER,
                       "database schema version %lld is newer than this program (%d): %s",
                       (long long)version, count_of_migrations(), s->path);
    if (version == count_of_migrations())
        return VB_OK;
    if (s->mode == STORE_READONLY)
        return vb_fail(err, VB_ERR_READONLY, "database needs a migration from version %lld but is opened read-only: %s",
                       (long long)version, s->path);
    if (version > 0) {
        rc = backup_before_migration(s, (int)version, now_s, err);
        if (rc != VB_OK)
            return rc;
    }
    rc = exec_sql(s, "BEGIN IMMEDIATE", err, "begin migration");
    if (rc != VB_OK)
        return rc;
    for (int v = (int)version; v < count_of_migrations() && rc == VB_OK; v++) {
        char what[64];
        snprintf(what, sizeof what, "migration %d", v + 1);
        rc = exec_sql(s, migrations[v], err, what);
    }
    if (rc == VB_OK) {
        char sql[64];
        snprintf(sql, sizeof sql, "PRAGMA user_version = %d", count_of_migrations());
        rc = exec_sql(s, sql, err, "set user_version");
    }
    if (rc == VB_OK)
        rc = exec_sql(s, "COMMIT", err, "commit migration");
    if (rc != VB_OK && !sqlite3_get_autocommit(s->db))
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}

/* Says which part of the path is the problem when SQLite cannot open it. */
static vb_code explain_open_failure(const char *path, store_mode mode, int rc, vb_err *err)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash == dir)
        dir[1] = '\0';
    else if (slash)
        *slash = '\0';
    else
        snprintf(dir, sizeof dir, ".");
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
        return vb_fail(err, VB_ERR_NOTFOUND, "folder does not exist: %s", dir);
    if (stat(path, &st) != 0) {
        if (mode == STORE_READONLY)
            return vb_fail(err, VB_ERR_NOTFOUND, "database file does not exist: %s", path);
        if (access(dir, W_OK) != 0)
            return vb_fail(err, VB_ERR_READONLY, "folder is not writable: %s", dir);
    } else if (mode == STORE_READWRITE && access(path, W_OK) != 0) {
        return vb_fail(err, VB_ERR_READONLY, "database file is read-only: %s", path);
    }
    return vb_fail(err, VB_ERR_IO, "cannot open %s: %s", path, sqlite3_errstr(rc));
}

static void set_busy_timeout(store *s, int ms)
{
    sqlite3_extended_result_codes(s->db, 1);
    sqlite3_busy_timeout(s->db, ms);
    s->busy_ms = ms;
}

/* What every connection to the files gets, the kiosk's and the writer
 * thread's alike (SQLite keeps these per connection): the pragmas, then
 * the file of anonymous entries attached as 'anon' ... */
static vb_code connection_attach(store *s, vb_err *err)
{
    vb_code code = exec_sql(s, "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON;", err,
                            "pragmas");
    return code == VB_OK ? store_anon_attach(s, err) : code;
}

/* ... and, once the schema is current, the TEMP view learning_point with its
 * triggers, and the watch on the main file (store_still_here). */
static vb_code connection_finish(store *s, vb_err *err)
{
    vb_code code = store_anon_views(s, err);
    return code == VB_OK ? store_watch_file(s, "main", err) : code;
}

vb_code store_open(store **out, const char *path, store_mode mode, int64_t now_s, vb_err *err)
{
    *out = NULL;
    if (!path || !*path)
        return vb_fail(err, VB_ERR_INVALID, "no database path given");
    if (strlen(path) >= sizeof(((store *)0)->path))
        return vb_fail(err, VB_ERR_INVALID, "database path too long");
    store *s = calloc(1, sizeof *s);
    if (!s)
        return vb_fail(err, VB_ERR_NOMEM, "out of memory");
    snprintf(s->path, sizeof s->path, "%s", path);
    s->mode = mode;

    /* An existing file of 0 bytes is not a new database: it is one that was
     * cut off (a full disk, a bad copy). Starting afresh would hide the
     * loss, so it is refused and left as it is. */
    struct stat st;
    if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 0) {
        vb_code rc0 = vb_fail(err, VB_ERR_CORRUPT,
                              "database file is empty (0 bytes), perhaps cut off: restore a backup, or remove the "
                              "file to start a new database: %s",
                              path);
        free(s);
        return rc0;
    }

    /* Missing where a database existed (marker or backups): not replaced
     * by a new, empty one without a word. */
    if (mode == STORE_READWRITE) {
        vb_code rc0 = store_refuse_lost(path, err);
        if (rc0 != VB_OK) {
            free(s);
            return rc0;
        }
    }

    int flags = mode == STORE_READONLY ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    int rc = sqlite3_open_v2(path, &s->db, flags, NULL);
    vb_code code = VB_OK;
    if (rc != SQLITE_OK) {
        code = explain_open_failure(path, mode, rc, err);
        goto fail;
    }
    set_busy_timeout(s, STORE_BUSY_TIMEOUT_MS);
    if (mode == STORE_READWRITE && sqlite3_db_readonly(s->db, "main") == 1) {
        code = vb_fail(err, VB_ERR_READONLY, "database file is read-only: %s", path);
        goto fail;
    }
    /* Reading the schema first tells a non-database file apart early. */
    int64_t ignored;
    code = query_int(s, "SELECT count(*) FROM sqlite_schema", &ignored, err);
    if (code != VB_OK)
        goto fail;
    /* A database from a newer program is refused before anything is
     * written to it (switching to WAL would already change its header). */
    int64_t version = 0;
    code = query_int(s, "PRAGMA user_version", &version, err);
    if (code != VB_OK)
        goto fail;
    if (version > count_of_migrations()) {
        code = vb_fail(err, VB_ERR_NEWER, "database schema version %lld is newer than this program (%d): %s",
                       (long long)version, count_of_migrations(), path);
        goto fail;
    }
    /* Ours, as the migrations up to its version left it? Also before the
     * switch to WAL: a foreign file stays exactly as it was. */
    char diff[1024];
    code = store_schema_compare(s, "main", migrations, (int)version, diff, sizeof diff, err);
    if (code != VB_OK)
        goto fail;
    if (mode == STORE_READWRITE) {
        char jm[16] = "";
        sqlite3_stmt *wal = NULL;
        rc = sqlite3_prepare_v2(s->db, "PRAGMA journal_mode=WAL", -1, &wal, NULL);
        if (rc == SQLITE_OK && (rc = sqlite3_step(wal)) == SQLITE_ROW) {
            store_col_text(wal, 0, jm, sizeof jm);
            rc = SQLITE_OK;
        }
        sqlite3_finalize(wal);
        if (rc != SQLITE_OK) {
            code = store_fail(s, err, rc, "set WAL mode");
            goto fail;
        }
        if (strcmp(jm, "wal") != 0) {
            code = vb_fail(err, VB_ERR_IO, "could not switch to WAL mode (got %s): %s", jm, path);
            goto fail;
        }
    }
    code = connection_attach(s, err);
    if (code != VB_OK)
        goto fail;
    code = store_anon_before_migrations(s, err);
    if (code == VB_OK)
        code = migrate(s, now_s, err);
    if (code == VB_OK)
        code = store_anon_pair(s, err);
    if (code == VB_OK)
        code = connection_finish(s, err);
    if (code != VB_OK)
        goto fail;
    if (mode == STORE_READWRITE)
        store_mark_existing(path);
    *out = s;
    return VB_OK;
fail:
    store_close(s);
    return code;
}

vb_code store_open_twin(store **out, const store *s, vb_err *err)
{
    *out = NULL;
    if (s->mode != STORE_READWRITE)
        return vb_fail(err, VB_ERR_READONLY, "database opened read-only (%s)", s->path);
    store *t = calloc(1, sizeof *t);
    if (!t)
        return vb_fail(err, VB_ERR_NOMEM, "out of memory");
    snprintf(t->path, sizeof t->path, "%s", s->path);
    t->mode = STORE_READWRITE;
    t->twin = true;
    /* the file exists (s has it open, migrated and paired): never create one */
    int rc = sqlite3_open_v2(s->path, &t->db, SQLITE_OPEN_READWRITE, NULL);
    vb_code code = VB_OK;
    if (rc != SQLITE_OK)
        code = explain_open_failure(s->path, STORE_READWRITE, rc, err);
    if (code == VB_OK) {
        set_busy_timeout(t, STORE_WRITER_BUSY_TIMEOUT_MS);
        code = connection_attach(t, err);
    }
    if (code == VB_OK)
        code = connection_finish(t, err);
    if (code != VB_OK) {
        store_close(t);
        return code;
    }
    *out = t;
    return VB_OK;
}

void store_close(store *s)
{
    if (!s)
        return;
    /* the writer's connection closes first; this one holds the watches */
    if (s->writer)
        store_writer_stop(s);
    for (int i = 0; i < s->cached; i++)
        sqlite3_finalize(s->cache[i].stmt);
    if (s->db)
        sqlite3_close(s->db);
    /* after SQLite's close: closing any descriptor of a file drops the
     * process's POSIX locks on it, SQLite's too */
    store_unwatch_all(s);
    free(s);
}

const char *store_path(const store *s)
{
    return s->path;
}

/* One PRAGMA quick_check: "ok", the first problem, or a SQLite error. */
static int quick_check_once(store *s, char *result, size_t size)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, "PRAGMA quick_check(1)", -1, &st, NULL);
    result[0] = '\0';
    if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        store_col_text(st, 0, result, size);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    return rc;
}

/* True when a quick_check finding is a page that could not be read
 * ("unable to get the page. error code=266", an I/O error), not a page that
 * was read and found wrong. */
static bool finding_is_read_error(const char *finding)
{
    if (strstr(finding, "I/O error") || strstr(finding, "disk"))
        return true;
    const char *code = strstr(finding, "error code=");
    return code && (atoi(code + 11) & 0xff) == SQLITE_IOERR;
}

vb_code store_quick_check(store *s, vb_err *err)
{
    /* quick_check reports a page it could not read as a finding, the same
     * way as real damage; a second run tells a passing read error (the disk
     * hiccupped) from damage that stays. Only the latter is corruption: a
     * read that keeps failing is an I/O error, for the caller to try again. */
    char first[200], second[200];
    int rc = quick_check_once(s, first, sizeof first);
    if (rc != SQLITE_OK)
        return store_fail(s, err, rc, "quick_check");
    if (strcmp(first, "ok") == 0)
        return VB_OK;
    rc = quick_check_once(s, second, sizeof second);
    if (rc != SQLITE_OK)
        return store_fail(s, err, rc, "quick_check");
    if (strcmp(second, "ok") == 0)
        return vb_fail(err, VB_ERR_IO, "quick_check: a read failed once and then passed: %s (%s)", first, s->path);
    if (finding_is_read_error(second))
        return vb_fail(err, VB_ERR_IO, "quick_check: a read failed: %s (%s)", second, s->path);
    return vb_fail(err, VB_ERR_CORRUPT, "quick_check: %s (%s)", second, s->path);
}

vb_code store_checkpoint(store *s, bool truncate)
{
    if (s->mode == STORE_READONLY)
        return VB_ERR_READONLY;
    int log = 0, done = 0;
    int rc = sqlite3_wal_checkpoint_v2(s->db, NULL, truncate ? SQLITE_CHECKPOINT_TRUNCATE : SQLITE_CHECKPOINT_PASSIVE,
                                       &log, &done);
    if (rc == SQLITE_OK && log == done)
        return VB_OK;
    return rc == SQLITE_BUSY || rc == SQLITE_OK ? VB_ERR_BUSY : VB_ERR_IO;
}

void store_release_memory(store *s)
{
    if (s && s->db)
        sqlite3_db_release_memory(s->db);
}

vb_code store_data_version(store *s, int64_t *out, vb_err *err)
{
    return query_int(s, "PRAGMA data_version", out, err);
}

vb_code store_setting_get(store *s, const char *key, char *buf, size_t size, vb_err *err)
{
    static const char sql[] = "SELECT value FROM setting WHERE key = ?";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return err ? err->code : VB_ERR_INTERNAL;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    vb_code code = VB_OK;
    if (rc == SQLITE_ROW) {
        store_col_text(st, 0, buf, size);
    } else if (rc == SQLITE_DONE) {
        code = vb_fail(err, VB_ERR_NOTFOUND, "setting %s not set", key);
    } else {
        code = store_fail(s, err, rc, "read setting");
    }
    sqlite3_reset(st);
    return code;
}

int64_t store_setting_int(store *s, const char *key, int64_t fallback)
{
    char buf[32];
    if (store_setting_get(s, key, buf, sizeof buf, NULL) != VB_OK)
        return fallback;
    char *end;
    long long v = strtoll(buf, &end, 10);
    return (end == buf || *end) ? fallback : (int64_t)v;
}

struct setting_ctx {
    const char *key, *value;
};

static vb_code setting_write(store *s, void *ctx, vb_err *err)
{
    static const char sql[] =
        "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value";
    struct setting_ctx *c = ctx;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return err ? err->code : VB_ERR_INTERNAL;
    sqlite3_bind_text(st, 1, c->key, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, c->value, -1, SQLITE_TRANSIENT);
    return store_step_done(s, st, err, "write setting");
}

vb_code store_setting_set(store *s, const char *key, const char *value, vb_err *err)
{
    struct setting_ctx c = { key, value };
    return store_write(s, setting_write, &c, err);
}

vb_code store_newest_time(store *s, int64_t *out, vb_err *err)
{
    return query_int(s,
                     "SELECT max(coalesce((SELECT max(created_at) FROM idea), 0),"
                     " coalesce((SELECT max(at) FROM idea_history), 0),"
                     " coalesce((SELECT max(at) FROM vote), 0),"
                     " coalesce((SELECT max(created_at) FROM action), 0),"
                     " coalesce((SELECT max(closed_at) FROM action), 0),"
                     " coalesce((SELECT max(started_at) FROM dagstart), 0),"
                     " coalesce((SELECT max(ended_at) FROM dagstart), 0),"
                     " coalesce((SELECT max(created_at) FROM announcement), 0),"
                     " coalesce((SELECT max(at) FROM audit_log), 0),"
                     " coalesce((SELECT max(created_at) FROM member), 0))",
                     out, err);
}

vb_code store_is_empty(store *s, bool *out, vb_err *err)
{
    int64_t n = 0;
    vb_code rc = query_int(s,
                           "SELECT (SELECT count(*) FROM member) + (SELECT count(*) FROM idea)"
                           " + EXISTS (SELECT 1 FROM learning_point)",
                           &n, err);
    if (rc == VB_OK)
        *out = n == 0;
    return rc;
}

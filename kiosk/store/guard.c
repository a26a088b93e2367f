/* guard.c: is the database still ours? The schema of a file compared with
 * what the migrations make (before anything is written to it), the identity
 * of the open file (deleted or replaced while the kiosk runs), the rescue
 * copy taken through the open connection when it is, and the marker and
 * backups that tell a missing database from a first start. Generic over the
 * schema name ("main", or an attached file such as "anon"). */
#include "store_internal.h"
#include "store_anon.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../core/utf8.h"

/* verbeterbord-backup's default folder (deploy/verbeterbord-lib.sh); it
 * belongs to the installed database in SYSTEM_DATA_DIR. */
#define SYSTEM_DATA_DIR "/var/lib/verbeterbord"
#define SYSTEM_BACKUP_DIR "/var/backups/verbeterbord"

/* ---- the schema --------------------------------------------------------------- */

/* Whitespace runs become one space, none at either end: the same CREATE
 * statement compares equal however it was indented. */
static void normalise_sql(const char *in, char *out, size_t size)
{
    size_t n = 0;
    bool space = false;
    for (const char *p = in; *p && n + 1 < size; p++) {
        if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
            space = n > 0;
            continue;
        }
        if (space && n + 2 < size)
            out[n++] = ' ';
        space = false;
        out[n++] = *p;
    }
    out[n] = '\0';
}

static int exec_on(sqlite3 *db, const char *sql)
{
    return sqlite3_exec(db, sql, NULL, NULL, NULL);
}

/* Copies every row of select_sql on `from` into `into` through insert_sql
 * (?1 = side, then the columns in order); the column norm_col (-1: none)
 * goes through normalise_sql. */
static int copy_rows(sqlite3 *from, const char *select_sql, sqlite3 *into, const char *insert_sql, const char *side,
                     int norm_col)
{
    sqlite3_stmt *rd = NULL, *wr = NULL;
    int rc = select_sql ? sqlite3_prepare_v2(from, select_sql, -1, &rd, NULL) : SQLITE_NOMEM;
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(into, insert_sql, -1, &wr, NULL);
    while (rc == SQLITE_OK && (rc = sqlite3_step(rd)) == SQLITE_ROW) {
        sqlite3_bind_text(wr, 1, side, -1, SQLITE_STATIC);
        for (int i = 0; i < sqlite3_column_count(rd); i++) {
            if (i != norm_col) {
                sqlite3_bind_value(wr, i + 2, sqlite3_column_value(rd, i));
                continue;
            }
            const char *text = (const char *)sqlite3_column_text(rd, i);
            size_t len = text ? strlen(text) + 1 : 1;
            char *norm = malloc(len);
            if (!norm) {
                rc = SQLITE_NOMEM;
                break;
            }
            normalise_sql(text ? text : "", norm, len);
            sqlite3_bind_text(wr, i + 2, norm, -1, SQLITE_TRANSIENT);
            free(norm);
        }
        if (rc == SQLITE_NOMEM)
            break;
        rc = sqlite3_step(wr);
        sqlite3_reset(wr);
        rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
    sqlite3_finalize(rd);
    sqlite3_finalize(wr);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Copies the objects and columns of `schema` on connection `from` into the
 * comparison tables of `into` (temp.obj, temp.col) as side 'r' or 'e'. */
static int read_schema(sqlite3 *from, const char *schema, sqlite3 *into, const char *side)
{
    /* Left out: SQLite's own tables (sqlite_stat1 after ANALYZE, automatic
     * indexes) and the shadow tables of virtual tables (idea_search_data,
     * ...), whose layout is the SQLite library's, not the migrations'. */
    char *objs = sqlite3_mprintf("SELECT type, name, tbl_name, coalesce(sql, '') FROM \"%w\".sqlite_schema"
                                 " WHERE name NOT LIKE 'sqlite\\_%%' ESCAPE '\\' AND name NOT IN"
                                 " (SELECT name FROM pragma_table_list WHERE schema = %Q AND type = 'shadow')",
                                 schema, schema);
    char *cols = sqlite3_mprintf("SELECT m.name, p.name, p.type, p.\"notnull\", p.dflt_value, p.pk, p.hidden"
                                 " FROM \"%w\".sqlite_schema m, pragma_table_xinfo(m.name, %Q) p"
                                 " WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%%' ESCAPE '\\' AND m.name"
                                 " NOT IN (SELECT name FROM pragma_table_list WHERE schema = %Q AND type = 'shadow')",
                                 schema, schema, schema);
    int rc = copy_rows(from, objs, into, "INSERT INTO temp.obj VALUES (?1, ?2, ?3, ?4, ?5)", side, 3);
    if (rc == SQLITE_OK)
        rc = copy_rows(from, cols, into, "INSERT INTO temp.col VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", side, -1);
    sqlite3_free(objs);
    sqlite3_free(cols);
    return rc;
}

/* Every difference, one text per row: missing and unknown objects, column
 * differences of the tables both sides have, then other changed objects. */
static const char diff_sql[] =
    "WITH cd(k, tbl, line) AS ("
    " SELECT 3, e.tbl, 'column ' || e.tbl || '.' || e.name || ' missing' FROM col e"
    "  WHERE e.side = 'e' AND EXISTS (SELECT 1 FROM obj r WHERE r.side = 'r' AND r.type = 'table' AND r.name = e.tbl)"
    "  AND NOT EXISTS (SELECT 1 FROM col r WHERE r.side = 'r' AND r.tbl = e.tbl AND r.name = e.name)"
    " UNION ALL"
    " SELECT 4, r.tbl, 'unknown column ' || r.tbl || '.' || r.name FROM col r"
    "  WHERE r.side = 'r' AND EXISTS (SELECT 1 FROM obj e WHERE e.side = 'e' AND e.type = 'table' AND e.name = r.tbl)"
    "  AND NOT EXISTS (SELECT 1 FROM col e WHERE e.side = 'e' AND e.tbl = r.tbl AND e.name = r.name)"
    " UNION ALL"
    " SELECT 5, r.tbl, 'column ' || r.tbl || '.' || r.name || ' differs' FROM col r JOIN col e"
    "  ON e.side = 'e' AND r.side = 'r' AND e.tbl = r.tbl AND e.name = r.name"
    "  WHERE r.type IS NOT e.type OR r.nn IS NOT e.nn OR r.dflt IS NOT e.dflt OR r.pk IS NOT e.pk"
    "  OR r.hidden IS NOT e.hidden)"
    "SELECT line FROM ("
    " SELECT 1 AS k, e.type || ' ' || e.name || ' missing' AS line FROM obj e WHERE e.side = 'e'"
    "  AND NOT EXISTS (SELECT 1 FROM obj r WHERE r.side = 'r' AND r.type = e.type AND r.name = e.name)"
    " UNION ALL"
    " SELECT 2, 'unknown ' || r.type || ' ' || r.name"
    "  || CASE WHEN r.type IN ('index', 'trigger') THEN ' on ' || r.tbl ELSE '' END FROM obj r WHERE r.side = 'r'"
    "  AND NOT EXISTS (SELECT 1 FROM obj e WHERE e.side = 'e' AND e.type = r.type AND e.name = r.name)"
    " UNION ALL"
    " SELECT k, line FROM cd"
    " UNION ALL"
    " SELECT 6, r.type || ' ' || r.name || ' differs' FROM obj r JOIN obj e"
    "  ON e.side = 'e' AND r.side = 'r' AND e.type = r.type AND e.name = r.name"
    "  WHERE r.sql IS NOT e.sql AND r.name NOT IN (SELECT tbl FROM cd))"
    " ORDER BY k, line";

/* Whether the real side has objects but none of the expected tables. */
static const char foreign_sql[] =
    "SELECT EXISTS (SELECT 1 FROM obj WHERE side = 'r')"
    " AND NOT EXISTS (SELECT 1 FROM obj r JOIN obj e ON r.side = 'r' AND e.side = 'e' AND r.type = 'table'"
    "  AND e.type = 'table' AND r.name = e.name)";

/* Appends "; item" (or the first item) to diff; "..." once it is full. */
static void diff_add(char *diff, size_t size, const char *item)
{
    size_t len = strlen(diff);
    if (len + 4 >= size)
        return;
    int n = snprintf(diff + len, size - len, "%s%s", len ? "; " : "", item);
    if (n < 0 || (size_t)n >= size - len)
        snprintf(diff + (size > 4 ? size - 4 : 0), size > 4 ? 4 : size, "...");
}

vb_code store_schema_compare(store *s, const char *schema, const char *const *list, int count, char *diff,
                             size_t diff_size, vb_err *err)
{
    if (diff_size)
        diff[0] = '\0';
    sqlite3 *mem = NULL;
    int rc = sqlite3_open_v2(":memory:", &mem, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    /* the migrations of the main file reach into the anonymous one (store_anon.h) */
    if (rc == SQLITE_OK && strcmp(schema, "main") == 0)
        rc = store_anon_memory_twin(mem);
    for (int i = 0; rc == SQLITE_OK && i < count; i++) {
        rc = exec_on(mem, list[i]);
        if (rc != SQLITE_OK) {
            vb_code code = vb_fail(err, VB_ERR_INTERNAL, "schema check: migration %d fails in a fresh database: %s",
                                   i + 1, sqlite3_errmsg(mem));
            sqlite3_close(mem);
            return code;
        }
    }
    if (rc == SQLITE_OK)
        rc = exec_on(mem, "CREATE TEMP TABLE obj (side, type, name, tbl, sql);"
                          "CREATE TEMP TABLE col (side, tbl, name, type, nn, dflt, pk, hidden);");
    if (rc == SQLITE_OK)
        rc = read_schema(mem, "main", mem, "e");
    vb_code code = VB_OK;
    if (rc != SQLITE_OK) {
        code = vb_fail(err, rc == SQLITE_NOMEM ? VB_ERR_NOMEM : VB_ERR_INTERNAL, "schema check: %s",
                       mem ? sqlite3_errmsg(mem) : sqlite3_errstr(rc));
        sqlite3_close(mem);
        return code;
    }
    rc = read_schema(s->db, schema, mem, "r");
    if (rc != SQLITE_OK) {
        /* reading the file failed: the file's problem (damaged, locked, ...) */
        sqlite3_close(mem);
        return store_fail(s, err, rc, "read the schema");
    }
    sqlite3_stmt *st = NULL;
    bool foreign = false;
    if (sqlite3_prepare_v2(mem, foreign_sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        foreign = sqlite3_column_int(st, 0) != 0;
    sqlite3_finalize(st);
    st = NULL;
    int found = 0;
    rc = sqlite3_prepare_v2(mem, diff_sql, -1, &st, NULL);
    if (rc == SQLITE_OK) {
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            const char *line = (const char *)sqlite3_column_text(st, 0);
            if (found++ == 0 && foreign)
                diff_add(diff, diff_size, "not a Verbeterbord database");
            if (!foreign || strncmp(line, "unknown ", 8) == 0) /* not all of ours that it lacks */
                diff_add(diff, diff_size, line);
        }
    }
    if (rc != SQLITE_DONE) {
        code = vb_fail(err, VB_ERR_INTERNAL, "schema check: %s", sqlite3_errmsg(mem));
    } else if (found) {
        /* the differences first, shortened so that the file's name fits */
        const char *file = sqlite3_db_filename(s->db, schema);
        int room = (int)sizeof err->msg - 3 - (int)strlen(file ? file : "");
        code = vb_fail(err, VB_ERR_SCHEMA, "%.*s: %s", room > 40 ? room : 40, diff, file ? file : "");
    }
    sqlite3_finalize(st);
    sqlite3_close(mem);
    return code;
}

/* ---- the identity of the open file ---------------------------------------------- */

vb_code store_watch_file(store *s, const char *schema, vb_err *err)
{
    /* The writer thread's connection watches nothing: the kiosk's store
     * checks the files around every write, and closing a descriptor of our
     * own would drop the process's POSIX locks, the other connection's too. */
    if (s->twin)
        return VB_OK;
    const char *path = sqlite3_db_filename(s->db, schema);
    if (!path || !*path)
        return vb_fail(err, VB_ERR_INVALID, "no file behind schema %s", schema);
    if (s->watched >= STORE_WATCH_MAX)
        return vb_fail(err, VB_ERR_INTERNAL, "too many watched files (%s)", path);
    store_watch *w = &s->watch[s->watched];
    if (strlen(path) >= sizeof w->path || strlen(schema) >= sizeof w->schema)
        return vb_fail(err, VB_ERR_INVALID, "path or schema name too long: %s", path);
    /* an fd of our own keeps the inode (and its number) from being reused
     * while we compare, and tells by st_nlink when the file was deleted */
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        int e = errno;
        if (fd >= 0)
            close(fd);
        return vb_fail(err, VB_ERR_IO, "cannot watch %s: %s", path, strerror(e));
    }
    utf8_copy(schema, w->schema, sizeof w->schema);
    snprintf(w->path, sizeof w->path, "%s", path);
    w->dev = st.st_dev;
    w->ino = st.st_ino;
    w->fd = fd;
    s->watched++;
    return VB_OK;
}

vb_code store_still_here(store *s, vb_err *err)
{
    for (int i = 0; i < s->watched; i++) {
        const store_watch *w = &s->watch[i];
        struct stat held, named;
        if (stat(w->path, &named) != 0) {
            if (errno == ENOENT || errno == ENOTDIR)
                return vb_fail(err, VB_ERR_GONE, "the database file was deleted while open: %s", w->path);
            return vb_fail(err, VB_ERR_IO, "cannot check the database file %s: %s", w->path, strerror(errno));
        }
        if (named.st_dev != w->dev || named.st_ino != w->ino)
            return vb_fail(err, VB_ERR_GONE, "the database file was replaced by another file while open: %s",
                           w->path);
        if (fstat(w->fd, &held) == 0 && held.st_nlink == 0) /* deleted, and the path is ours again? */
            return vb_fail(err, VB_ERR_GONE, "the database file was deleted while open: %s", w->path);
    }
    return VB_OK;
}

void store_unwatch_all(store *s)
{
    for (int i = 0; i < s->watched; i++)
        close(s->watch[i].fd);
    s->watched = 0;
}

/* "YYYYmmdd-HHMMSS" in local time. */
static void stamp_of(int64_t now_s, char *out, size_t size)
{
    time_t t = (time_t)now_s;
    struct tm tm;
    snprintf(out, size, "now");
    if (localtime_r(&t, &tm))
        strftime(out, size, "%Y%m%d-%H%M%S", &tm);
}

static void folder_of(const char *path, char *out, size_t size)
{
    utf8_copy(path, out, size);
    char *slash = strrchr(out, '/');
    if (slash == out)
        out[1] = '\0';
    else if (slash)
        *slash = '\0';
    else
        snprintf(out, size, ".");
}

/* One schema of the open connection copied to dest (backup API), as one
 * plain file; dest is removed again when the copy fails. */
static vb_code rescue_into(store *s, const char *schema, const char *dest, vb_err *err)
{
    sqlite3 *to = NULL;
    int rc = sqlite3_open_v2(dest, &to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_backup *b = sqlite3_backup_init(to, "main", s->db, schema);
        if (!b) {
            rc = sqlite3_errcode(to);
        } else {
            rc = sqlite3_backup_step(b, -1);
            int done = sqlite3_backup_finish(b);
            rc = rc == SQLITE_DONE ? done : rc;
        }
    }
    /* one plain file, readable without a -wal next to it */
    if (rc == SQLITE_OK)
        rc = exec_on(to, "PRAGMA journal_mode=DELETE");
    vb_code code = VB_OK;
    if (rc != SQLITE_OK)
        code = vb_fail(err, rc == SQLITE_FULL ? VB_ERR_FULL : VB_ERR_IO, "no rescue copy %s: %s", dest,
                       to ? sqlite3_errmsg(to) : sqlite3_errstr(rc));
    sqlite3_close(to);
    if (code != VB_OK)
        unlink(dest);
    return code;
}

vb_code store_rescue(store *s, const char *schema, int64_t now_s, char *out, size_t size, vb_err *err)
{
    if (size)
        out[0] = '\0';
    const char *path = sqlite3_db_filename(s->db, schema);
    if (!path || !*path)
        return vb_fail(err, VB_ERR_INVALID, "no file behind schema %s", schema);
    char dir[1100], stamp[32], dest[1200];
    folder_of(path, dir, sizeof dir);
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
        return vb_fail(err, VB_ERR_NOTFOUND, "no rescue copy: the folder %s is gone", dir);
    stamp_of(now_s, stamp, sizeof stamp);
    if (!vb_fmt(dest, sizeof dest, "%s.rescue-%s", path, stamp))
        return vb_fail(err, VB_ERR_INVALID, "no rescue copy: the path is too long (%s)", path);
    for (int n = 2; access(dest, F_OK) == 0 && n < 100; n++)
        if (!vb_fmt(dest, sizeof dest, "%s.rescue-%s-%d", path, stamp, n))
            return vb_fail(err, VB_ERR_INVALID, "no rescue copy: the path is too long (%s)", path);
    vb_code code = rescue_into(s, schema, dest, err);
    if (code != VB_OK)
        return code;
    utf8_copy(dest, out, size);
    /* The anonymous entries go along, beside it as <copy>-anon: the pair
     * that verbeterbord-restore takes (store_anon.h). */
    if (strcmp(schema, "main") == 0 && s->anon_attached) {
        char anon_dest[1300];
        code = vb_fmt(anon_dest, sizeof anon_dest, "%s-anon", dest)
                   ? rescue_into(s, "anon", anon_dest, err)
                   : vb_fail(err, VB_ERR_INVALID, "no rescue copy of the anonymous file: the path is too long");
    }
    return code;
}

/* ---- a missing database: first start, or lost? ---------------------------------- */

/* The marker next to the database: hidden, so that "rm verbeterbord.db*"
 * does not take it along. */
static void marker_path(const char *db_path, char *out, size_t size)
{
    char dir[1100];
    folder_of(db_path, dir, sizeof dir);
    const char *slash = strrchr(db_path, '/');
    vb_fmt(out, size, "%s/.%s.existed", dir, slash ? slash + 1 : db_path);
}

void store_mark_existing(const char *db_path)
{
    char marker[1300];
    marker_path(db_path, marker, sizeof marker);
    if (access(marker, F_OK) == 0)
        return;
    FILE *f = fopen(marker, "w");
    if (!f)
        return; /* best effort: the backups still tell */
    fprintf(f, "Verbeterbord keeps its database %s here. While this file exists, the kiosk does not start a new, "
               "empty database when that file is missing: restore a backup (sudo verbeterbord-restore FILE), or "
               "remove this file to start afresh.\n",
            db_path);
    fclose(f);
}

/* Whether name is a backup of the database named base: a rescue copy, a
 * copy before a migration, or one of verbeterbord-backup's. */
static bool is_backup_name(const char *name, const char *base)
{
    size_t bl = strlen(base);
    size_t nl = strlen(name);
    /* the anonymous half of a copy goes with the copy (store_anon.h) */
    if (nl > 5 && strcmp(name + nl - 5, "-anon") == 0)
        return false;
    if (strncmp(name, base, bl) == 0 &&
        (strncmp(name + bl, ".rescue-", 8) == 0 ||
         (strncmp(name + bl, ".v", 2) == 0 && strlen(name) > 4 && strcmp(name + strlen(name) - 4, ".bak") == 0)))
        return true;
    /* verbeterbord-YYYYmmdd-HHMMSS.db (VB_BACKUP_GLOB): verbeterbord-backup
     * copies the main database only, whose name ends in .db (not "-anon") */
    if (bl < 3 || strcmp(base + bl - 3, ".db") != 0)
        return false;
    return strncmp(name, "verbeterbord-", 13) == 0 && name[13] >= '0' && name[13] <= '9' && strchr(name + 13, '-') &&
           strlen(name) > 3 && strcmp(name + strlen(name) - 3, ".db") == 0;
}

/* The newest backup in dir (by modification time) into best/best_mtime. */
static void newest_in(const char *dir, const char *base, char *best, size_t size, struct timespec *best_mtime)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!is_backup_name(e->d_name, base))
            continue;
        char full[1400];
        if ((size_t)snprintf(full, sizeof full, "%s/%s", dir, e->d_name) >= sizeof full)
            continue;
        struct stat st;
        if (stat(full, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size == 0)
            continue;
        if (!best[0] || st.st_mtim.tv_sec > best_mtime->tv_sec ||
            (st.st_mtim.tv_sec == best_mtime->tv_sec && st.st_mtim.tv_nsec > best_mtime->tv_nsec)) {
            utf8_copy(full, best, size);
            *best_mtime = st.st_mtim;
        }
    }
    closedir(d);
}

vb_code store_newest_backup(const char *db_path, char *out, size_t size)
{
    char dir[1100];
    folder_of(db_path, dir, sizeof dir);
    const char *slash = strrchr(db_path, '/');
    const char *base = slash ? slash + 1 : db_path;
    struct timespec mtime = { 0, 0 };
    out[0] = '\0';
    newest_in(dir, base, out, size, &mtime);
    if (strcmp(dir, SYSTEM_DATA_DIR) == 0)
        newest_in(SYSTEM_BACKUP_DIR, base, out, size, &mtime);
    return out[0] ? VB_OK : VB_ERR_NOTFOUND;
}

vb_code store_refuse_lost(const char *db_path, vb_err *err)
{
    struct stat st;
    if (stat(db_path, &st) == 0 || errno != ENOENT)
        return VB_OK;
    char marker[1300], newest[1400];
    marker_path(db_path, marker, sizeof marker);
    bool had = access(marker, F_OK) == 0;
    bool backup = store_newest_backup(db_path, newest, sizeof newest) == VB_OK;
    if (!had && !backup)
        return VB_OK; /* a first start */
    if (backup)
        return vb_fail(err, VB_ERR_MISSING,
                       "database file is missing, but this kiosk had one; newest backup: %s; restore it: sudo "
                       "verbeterbord-restore %s (%s)",
                       newest, newest, db_path);
    return vb_fail(err, VB_ERR_MISSING,
                   "database file is missing, but this kiosk had one (%s says so) and no backup was found: %s", marker,
                   db_path);
}

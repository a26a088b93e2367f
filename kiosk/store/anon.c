/* anon.c: anonymous entries kept apart from signed, timed ones (see
 * store_anon.h and docs/HACKING.md, "Anonymous entries"). Attaches the
 * '<db>-anon' file as schema 'anon', creates its schema, builds the TEMP
 * view 'learning_point' that joins it with the signed points and the lead's
 * marks, hides the time of the last anonymous save from the files' dates,
 * and clears the logs after a privacy deletion until no file holds the old
 * text. */
#include "store_anon.h"
#include "store_idea_flow.h"
#include "store_internal.h"

#include <errno.h>
#include <stdint.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "../core/date.h"
#include "../core/receipt.h"
#include "../core/utf8.h"

/* The anon file's whole schema. It holds no time finer than a day and
 * shift, no sequence (WITHOUT ROWID, random keys), no member, and nothing
 * signed; so neither its rows, nor its pages, nor its -wal can order an
 * anonymous point against a signed, timed entry. No foreign keys can reach
 * the main file: the TEMP triggers below keep the references right. */
#define ANON_SCHEMA(P)                                                                                        \
    "CREATE TABLE IF NOT EXISTS " P "learning_point_anon ("                                                   \
    " id TEXT PRIMARY KEY CHECK (length(id) = 16),"                                                           \
    " receipt TEXT NOT NULL UNIQUE CHECK (length(receipt) = 7),"                                              \
    " day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),"                       \
    " shift_id INTEGER,"                                                                                      \
    " dagstart_day TEXT NOT NULL CHECK (dagstart_day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),"     \
    " category_id INTEGER NOT NULL,"                                                                          \
    " place_id INTEGER,"                                                                                      \
    " what_happened TEXT NOT NULL DEFAULT ''"                                                                 \
    " CHECK (length(what_happened) <= " VB_STR(LP_TEXT_MAX_CHARS) "),"                                        \
    " lesson TEXT NOT NULL DEFAULT ''"                                                                        \
    " CHECK (length(lesson) <= " VB_STR(LP_TEXT_MAX_CHARS) "),"                                               \
    " CHECK (length(what_happened) + length(lesson) > 0)"                                                     \
    ") STRICT, WITHOUT ROWID;"                                                                                \
    "CREATE INDEX IF NOT EXISTS " P "learning_point_anon_day ON learning_point_anon (day, category_id);"      \
    "CREATE INDEX IF NOT EXISTS " P "learning_point_anon_dagstart ON learning_point_anon (dagstart_day);"    \
    "CREATE TABLE IF NOT EXISTS " P "anon_pair (token TEXT NOT NULL CHECK (length(token) = 32)) STRICT;"
/* Version 2: anonymous ideas, with the same promises. The key is random
 * (ANON_IDEA_ID_MIN and up, never a sequence); created_at is the start of
 * the local day, never the moment; the search index of their text lives
 * here too, so the main file gets nothing at submission. */
#define ANON_SCHEMA_IDEAS(P)                                                                                  \
    "CREATE TABLE IF NOT EXISTS " P "idea_anon ("                                                             \
    " id INTEGER PRIMARY KEY CHECK (id >= " ANON_IDEA_ID_MIN_SQL "),"                                         \
    " title TEXT NOT NULL CHECK (length(title) BETWEEN " VB_STR(IDEA_TITLE_MIN) " AND " VB_STR(IDEA_TITLE_MAX) "),"  \
    " description TEXT NOT NULL DEFAULT '' CHECK (length(description) <= " VB_STR(IDEA_DESC_MAX) "),"       \
    " category_id INTEGER NOT NULL,"                                                                          \
    " created_at INTEGER NOT NULL"                                                                            \
    ") STRICT;"                                                                                               \
    "CREATE VIRTUAL TABLE IF NOT EXISTS " P "idea_anon_search USING fts5 (folded, tokenize = 'trigram');"
static const char anon_schema_sql[] = ANON_SCHEMA("anon.") ANON_SCHEMA_IDEAS("anon.") "PRAGMA anon.user_version = 2;";
/* The anon file's migrations, as the schema check (store_schema_compare) runs them. */
static const char *const anon_migrations[] = { ANON_SCHEMA(""), ANON_SCHEMA_IDEAS("") };
#define ANON_VERSION 2

int store_anon_memory_twin(sqlite3 *mem)
{
    int rc = sqlite3_exec(mem, "ATTACH DATABASE ':memory:' AS anon", NULL, NULL, NULL);
    return rc == SQLITE_OK ? sqlite3_exec(mem, anon_schema_sql, NULL, NULL, NULL) : rc;
}

/* The content columns, as both files have them. */
#define LP_CONTENT "id, receipt, day, shift_id, dagstart_day, category_id, place_id, what_happened, lesson"

/* The view: the two halves (store_anon.h) one after the other. */
static const char view_signed_sql[] = "SELECT * FROM " LP_SIGNED_ROWS;
static const char view_anon_sql[] = " UNION ALL SELECT * FROM " LP_ANON_ROWS;

/* INSTEAD OF triggers: an insert goes to the file its signature belongs
 * in; the lead's marks go to learning_point_state; a text change
 * (redaction) goes to the row's own file; a delete removes the point
 * everywhere, as the foreign keys of version 1 did. A change to the anon
 * file other than a new point (a redaction, a deletion, a removed shift or
 * place) is the lead's, and is timed in the audit log: it raises the
 * privacy flag so the logs are cleared and it cannot order later points. */
static const char triggers_sql[] =
    "CREATE TEMP TRIGGER learning_point_insert INSTEAD OF INSERT ON learning_point BEGIN"
    " SELECT RAISE(ABORT, 'UNIQUE constraint failed: learning_point.id')"
    "  WHERE EXISTS (SELECT 1 FROM main.learning_point_signed WHERE id = NEW.id OR receipt = NEW.receipt)"
    "  OR EXISTS (SELECT 1 FROM anon.learning_point_anon WHERE id = NEW.id OR receipt = NEW.receipt);"
    " SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed')"
    "  WHERE NOT EXISTS (SELECT 1 FROM main.category WHERE id = NEW.category_id)"
    "  OR (NEW.place_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM main.place WHERE id = NEW.place_id))"
    "  OR (NEW.shift_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM main.shift WHERE id = NEW.shift_id));"
    " INSERT INTO learning_point_anon (" LP_CONTENT ")"
    "  SELECT NEW.id, NEW.receipt, NEW.day, NEW.shift_id, NEW.dagstart_day, NEW.category_id, NEW.place_id,"
    "  coalesce(NEW.what_happened, ''), coalesce(NEW.lesson, '') WHERE NEW.member_id IS NULL;"
    " INSERT INTO learning_point_signed (" LP_CONTENT ", member_id)"
    "  SELECT NEW.id, NEW.receipt, NEW.day, NEW.shift_id, NEW.dagstart_day, NEW.category_id, NEW.place_id,"
    "  coalesce(NEW.what_happened, ''), coalesce(NEW.lesson, ''), NEW.member_id WHERE NEW.member_id IS NOT NULL;"
    " INSERT INTO learning_point_state (id, wall_approved, hidden, discussed_day, feedback)"
    "  SELECT NEW.id, coalesce(NEW.wall_approved, 0), coalesce(NEW.hidden, 0), NEW.discussed_day, NEW.feedback"
    "  WHERE coalesce(NEW.wall_approved, 0) <> 0 OR coalesce(NEW.hidden, 0) <> 0"
    "  OR NEW.discussed_day IS NOT NULL OR NEW.feedback IS NOT NULL;"
    "END;"
    "CREATE TEMP TRIGGER learning_point_update INSTEAD OF UPDATE ON learning_point BEGIN"
    " INSERT INTO learning_point_state (id, wall_approved, hidden, discussed_day, feedback)"
    "  SELECT OLD.id, NEW.wall_approved, NEW.hidden, NEW.discussed_day, NEW.feedback"
    "  WHERE NEW.wall_approved IS NOT OLD.wall_approved OR NEW.hidden IS NOT OLD.hidden"
    "  OR NEW.discussed_day IS NOT OLD.discussed_day OR NEW.feedback IS NOT OLD.feedback"
    "  ON CONFLICT (id) DO UPDATE SET wall_approved = excluded.wall_approved, hidden = excluded.hidden,"
    "  discussed_day = excluded.discussed_day, feedback = excluded.feedback;"
    " UPDATE learning_point_anon SET what_happened = NEW.what_happened, lesson = NEW.lesson"
    "  WHERE id = OLD.id AND OLD.member_id IS NULL"
    "  AND (NEW.what_happened IS NOT OLD.what_happened OR NEW.lesson IS NOT OLD.lesson);"
    " UPDATE learning_point_signed SET what_happened = NEW.what_happened, lesson = NEW.lesson"
    "  WHERE id = OLD.id AND OLD.member_id IS NOT NULL"
    "  AND (NEW.what_happened IS NOT OLD.what_happened OR NEW.lesson IS NOT OLD.lesson);"
    "END;"
    "CREATE TEMP TRIGGER learning_point_delete INSTEAD OF DELETE ON learning_point BEGIN"
    " DELETE FROM learning_point_anon WHERE id = OLD.id;"
    " DELETE FROM learning_point_signed WHERE id = OLD.id;"
    " DELETE FROM learning_point_state WHERE id = OLD.id AND OLD.member_id IS NOT NULL;"
    /* main commits before anon: if the anon file's commit fails, the point
     * stays hidden and listed for store_privacy_flush to finish */
    " INSERT INTO learning_point_state (id, hidden) SELECT OLD.id, 1 WHERE OLD.member_id IS NULL"
    "  ON CONFLICT (id) DO UPDATE SET hidden = 1;"
    " INSERT OR IGNORE INTO privacy_pending_anon (id) SELECT OLD.id WHERE OLD.member_id IS NULL;"
    " DELETE FROM learning_point_metoo WHERE learning_point_id = OLD.id;"
    " UPDATE action SET learning_point_id = NULL WHERE learning_point_id = OLD.id;"
    "END;"
    "CREATE TEMP TRIGGER learning_point_metoo_parent BEFORE INSERT ON main.learning_point_metoo"
    " WHEN NOT EXISTS (SELECT 1 FROM learning_point WHERE id = NEW.learning_point_id) BEGIN"
    " SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed');"
    "END;"
    "CREATE TEMP TRIGGER action_learning_point_parent BEFORE INSERT ON main.action"
    " WHEN NEW.learning_point_id IS NOT NULL"
    " AND NOT EXISTS (SELECT 1 FROM learning_point WHERE id = NEW.learning_point_id) BEGIN"
    " SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed');"
    "END;"
    "CREATE TEMP TRIGGER anon_shift_gone AFTER DELETE ON main.shift BEGIN"
    " UPDATE learning_point_anon SET shift_id = NULL WHERE shift_id = OLD.id;"
    "END;"
    "CREATE TEMP TRIGGER anon_place_gone AFTER DELETE ON main.place BEGIN"
    " UPDATE learning_point_anon SET place_id = NULL WHERE place_id = OLD.id;"
    "END;"
    "CREATE TEMP TRIGGER anon_changed AFTER UPDATE ON anon.learning_point_anon BEGIN"
    " UPDATE setting SET value = '2' WHERE key = 'privacy_flush_pending';"
    "END;"
    "CREATE TEMP TRIGGER anon_removed AFTER DELETE ON anon.learning_point_anon BEGIN"
    " UPDATE setting SET value = '2' WHERE key = 'privacy_flush_pending';"
    "END;";

/* Copies anonymous idea X into the main file, unless it is there already
 * or being deleted: the first signed act on it does this in its own
 * transaction (store_anon.h). */
#define IDEA_MATERIALIZE(X)                                                                                   \
    " INSERT INTO idea_row (id, title, description, category_id, member_id, status, created_at,"         \
    "  status_changed_at)"                                                                                    \
    "  SELECT a.id, a.title, a.description, a.category_id, NULL, 'new', a.created_at, a.created_at"           \
    "  FROM anon.idea_anon a WHERE a.id = " X                                                                 \
    "  AND NOT EXISTS (SELECT 1 FROM main.idea_row r WHERE r.id = a.id)"                                      \
    "  AND NOT EXISTS (SELECT 1 FROM main.privacy_pending_anon_idea p WHERE p.id = a.id);"

static const char idea_view_main_sql[] = "SELECT * FROM " IDEA_MAIN_ROWS;
static const char idea_view_anon_sql[] = " UNION ALL SELECT * FROM " IDEA_ANON_ROWS;

/* The view 'idea' takes the statements the table of version 2 took: an
 * insert goes to the main file (submitting writes each file itself, see
 * store/ideas.c); any change copies an anonymous idea over first; a text
 * change (redaction) reaches both copies; a delete removes it everywhere,
 * and an anonymous one is listed until its file committed the deletion. */
static const char idea_triggers_sql[] =
    "CREATE TEMP TRIGGER idea_insert INSTEAD OF INSERT ON idea BEGIN"
    " INSERT INTO idea_row (" IDEA_COLUMNS ")"
    "  VALUES (coalesce(NEW.id, (SELECT coalesce(max(id), 0) + 1 FROM main.idea_row WHERE id < "
    ANON_IDEA_ID_MIN_SQL ")), NEW.title, coalesce(NEW.description, ''), NEW.category_id, NEW.member_id,"
    "  coalesce(NEW.status, 'new'), NEW.created_at, NEW.status_changed_at, NEW.feedback, NEW.feedback_at,"
    "  NEW.first_feedback_at, NEW.merged_into, coalesce(NEW.hidden, 0), coalesce(NEW.vote_count, 0));"
    "END;"
    "CREATE TEMP TRIGGER idea_update INSTEAD OF UPDATE ON idea BEGIN"
    IDEA_MATERIALIZE("OLD.id")
    IDEA_MATERIALIZE("NEW.merged_into")
    " UPDATE idea_row SET title = NEW.title, description = NEW.description, category_id = NEW.category_id,"
    "  member_id = NEW.member_id, status = NEW.status, created_at = NEW.created_at,"
    "  status_changed_at = NEW.status_changed_at, feedback = NEW.feedback, feedback_at = NEW.feedback_at,"
    "  first_feedback_at = NEW.first_feedback_at, merged_into = NEW.merged_into, hidden = NEW.hidden,"
    "  vote_count = NEW.vote_count WHERE id = OLD.id;"
    " UPDATE idea_anon SET title = NEW.title, description = NEW.description"
    "  WHERE id = OLD.id AND (NEW.title IS NOT OLD.title OR NEW.description IS NOT OLD.description);"
    "END;"
    "CREATE TEMP TRIGGER idea_delete INSTEAD OF DELETE ON idea BEGIN"
    " DELETE FROM idea_row WHERE id = OLD.id;"
    " DELETE FROM idea_search WHERE rowid = OLD.id;"
    /* main commits before anon: if the anon file's commit fails, the idea
     * stays listed here, out of sight, for store_privacy_flush to finish */
    " INSERT OR IGNORE INTO privacy_pending_anon_idea (id)"
    "  SELECT OLD.id WHERE EXISTS (SELECT 1 FROM anon.idea_anon WHERE id = OLD.id);"
    " DELETE FROM idea_anon WHERE id = OLD.id;"
    " DELETE FROM idea_anon_search WHERE rowid = OLD.id;"
    "END;"
    "CREATE TEMP TRIGGER vote_idea_copied BEFORE INSERT ON main.vote"
    " WHEN NEW.idea_id >= " ANON_IDEA_ID_MIN_SQL " BEGIN" IDEA_MATERIALIZE("NEW.idea_id") "END;"
    "CREATE TEMP TRIGGER idea_history_idea_copied BEFORE INSERT ON main.idea_history"
    " WHEN NEW.idea_id >= " ANON_IDEA_ID_MIN_SQL " BEGIN" IDEA_MATERIALIZE("NEW.idea_id") "END;"
    "CREATE TEMP TRIGGER action_idea_copied BEFORE INSERT ON main.action"
    " WHEN NEW.idea_id >= " ANON_IDEA_ID_MIN_SQL " BEGIN" IDEA_MATERIALIZE("NEW.idea_id") "END;"
    "CREATE TEMP TRIGGER anon_idea_changed AFTER UPDATE ON anon.idea_anon BEGIN"
    " UPDATE setting SET value = '2' WHERE key = 'privacy_flush_pending';"
    "END;"
    "CREATE TEMP TRIGGER anon_idea_removed AFTER DELETE ON anon.idea_anon BEGIN"
    " UPDATE setting SET value = '2' WHERE key = 'privacy_flush_pending';"
    "END;";

void store_anon_path(const char *db_path, char *out, size_t size)
{
    vb_fmt(out, size, "%s-anon", db_path);
}

static vb_code exec_all(sqlite3 *db, const char *sql, vb_err *err, const char *what)
{
    int rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
    return rc == SQLITE_OK ? VB_OK : vb_fail(err, VB_ERR_IO, "%s: %s", what, sqlite3_errmsg(db));
}

/* True once the migration that moved anonymous points out has run. */
static bool main_is_split(sqlite3 *db)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, "SELECT 1 FROM main.sqlite_schema WHERE name = 'learning_point_signed'", -1,
                                &st, NULL);
    bool split = rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    return split;
}

vb_code store_anon_attach_db(sqlite3 *db, const char *db_path, bool writable, bool *attached, vb_err *err)
{
    char path[1100];
    store_anon_path(db_path, path, sizeof path);
    struct stat st;
    bool exists = stat(path, &st) == 0;
    *attached = false;
    if (!exists && main_is_split(db)) {
        /* Its points would silently be gone: never start an empty one. */
        return vb_fail(err, VB_ERR_NOTFOUND,
                       "the file of anonymous learning points is missing: %s (restore it from the backup it was "
                       "taken with)",
                       path);
    }
    if (!writable && !exists)
        return VB_OK; /* an older database, not migrated yet: no anonymous file to read */
    /* An attached file is opened with the connection's own flags: read-only
     * for the wall and exports, created when missing only for a writer. */
    sqlite3_stmt *attach = NULL;
    int rc = sqlite3_prepare_v2(db, "ATTACH DATABASE ? AS anon", -1, &attach, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(attach, 1, path, -1, SQLITE_TRANSIENT);
        rc = sqlite3_step(attach);
        if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
    }
    sqlite3_finalize(attach);
    if (rc != SQLITE_OK)
        return vb_fail(err, VB_ERR_IO, "cannot open the file of anonymous entries %s: %s", path, sqlite3_errmsg(db));
    *attached = true;
    return VB_OK;
}

vb_code store_anon_setup_db(sqlite3 *db, vb_err *err)
{
    /* The same promises as the main file: WAL (readers never block the
     * kiosk), every commit on disk, deleted bytes zeroed. */
    vb_code code = exec_all(db,
                            "PRAGMA anon.journal_mode=WAL; PRAGMA anon.synchronous=FULL;"
                            " PRAGMA anon.secure_delete=ON;",
                            err, "set up the file of anonymous entries");
    if (code == VB_OK)
        code = exec_all(db, anon_schema_sql, err, "create the file of anonymous entries");
    return code;
}

/* True when main has the table named (a database at an older version, in
 * a test of upgrades, has the tables of that version itself). */
static bool main_has(sqlite3 *db, const char *table)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, "SELECT 1 FROM main.sqlite_schema WHERE name = ?", -1, &st, NULL);
    if (rc == SQLITE_OK)
        sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
    bool has = rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    return has;
}

/* Creates one TEMP view from its main half and, when attached, its anon half. */
static vb_code create_view(sqlite3 *db, const char *name, const char *main_half, const char *anon_half,
                           bool attached, vb_err *err)
{
    char view[2048];
    if (!vb_fmt(view, sizeof view, "CREATE TEMP VIEW %s AS %s%s;", name, main_half, attached ? anon_half : ""))
        return vb_fail(err, VB_ERR_INTERNAL, "the %s view does not fit its buffer", name);
    return exec_all(db, view, err, "create a view over the two files");
}

vb_code store_anon_views_db(sqlite3 *db, bool attached, bool writable, vb_err *err)
{
    if (!main_is_split(db))
        return VB_OK;
    vb_code code = create_view(db, "learning_point", view_signed_sql, view_anon_sql, attached, err);
    if (code == VB_OK && writable)
        code = exec_all(db, triggers_sql, err, "create the learning point triggers");
    if (code != VB_OK || !main_has(db, "idea_row"))
        return code;
    code = create_view(db, "idea", idea_view_main_sql, idea_view_anon_sql, attached, err);
    if (code == VB_OK && writable)
        code = exec_all(db, idea_triggers_sql, err, "create the idea triggers");
    return code;
}

vb_code store_anon_attach(store *s, vb_err *err)
{
    bool writable = s->mode == STORE_READWRITE;
    vb_code code = store_anon_attach_db(s->db, s->path, writable, &s->anon_attached, err);
    if (code != VB_OK || !s->anon_attached)
        return code;
    /* A file that has a schema must have ours, unchanged (no trigger added
     * by hand to stamp times on anonymous points), before anything is
     * written to it; a new, empty one gets it. */
    int64_t objects = 0, version = 0;
    static const char *const probes[] = { "SELECT count(*) FROM anon.sqlite_schema", "PRAGMA anon.user_version" };
    for (int i = 0; i < 2; i++) {
        sqlite3_stmt *st = NULL;
        int rc = sqlite3_prepare_v2(s->db, probes[i], -1, &st, NULL);
        if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
            *(i ? &version : &objects) = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
        if (rc != SQLITE_ROW)
            return store_fail(s, err, rc, "read the file of anonymous entries");
    }
    if (version > ANON_VERSION)
        return vb_fail(err, VB_ERR_NEWER, "the file of anonymous entries is from a newer program: %s-anon", s->path);
    if (objects > 0 || version > 0) {
        char diff[1024];
        code = store_schema_compare(s, "anon", anon_migrations, (int)version, diff, sizeof diff, err);
        if (code != VB_OK)
            return code;
    }
    if (writable)
        code = store_anon_setup_db(s->db, err);
    if (code == VB_OK)
        code = store_watch_file(s, "anon", err);
    return code;
}

/* Runs sql returning one text column into out ("" when no row). */
static vb_code query_text(store *s, const char *sql, char *out, size_t size, vb_err *err)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    out[0] = '\0';
    if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        store_col_text(st, 0, out, size);
        rc = SQLITE_DONE;
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? VB_OK : store_fail(s, err, rc, "read the pairing of the two files");
}

static vb_code copy_anonymous_write(store *s, void *ctx, vb_err *err)
{
    (void)ctx;
    static const char sql[] =
        "INSERT OR IGNORE INTO anon.learning_point_anon (" LP_CONTENT ")"
        " SELECT " LP_CONTENT " FROM main.learning_point WHERE member_id IS NULL ORDER BY id";
    int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
    return rc == SQLITE_OK ? VB_OK : store_fail(s, err, rc, "copy the anonymous points to their own file");
}

vb_code store_anon_before_migrations(store *s, vb_err *err)
{
    if (!s->anon_attached || s->mode != STORE_READWRITE)
        return VB_OK;
    /* Version 1 kept anonymous points in main.learning_point. Commits to two
     * WAL files are not atomic together, so they are copied (and committed)
     * into the anon file first, on their own; the migration of the main file
     * then only drops what is safely over, and a run that was cut off
     * starts again from here. */
    char probe[8];
    vb_code code = query_text(s, "SELECT 'v1' FROM main.pragma_table_info('learning_point') WHERE name = 'member_id'",
                              probe, sizeof probe, err);
    if (code != VB_OK || strcmp(probe, "v1") != 0)
        return code;
    code = store_write(s, copy_anonymous_write, NULL, err);
    if (code != VB_OK)
        return code;
    char missing[24];
    code = query_text(s,
                      "SELECT count(*) FROM main.learning_point m WHERE m.member_id IS NULL AND NOT EXISTS"
                      " (SELECT 1 FROM anon.learning_point_anon a WHERE a.id = m.id AND a.what_happened ="
                      " m.what_happened AND a.lesson = m.lesson)",
                      missing, sizeof missing, err);
    if (code == VB_OK && strcmp(missing, "0") != 0)
        code = vb_fail(err, VB_ERR_IO, "%s anonymous points did not reach %s-anon; nothing was changed", missing,
                       s->path);
    return code;
}

static vb_code pair_write(store *s, void *ctx, vb_err *err)
{
    const char *const *step = ctx; /* { sql, token } */
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, step[0], -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, step[1], -1, SQLITE_STATIC);
        rc = sqlite3_step(st);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? VB_OK : store_fail(s, err, rc, "pair the two files");
}

vb_code store_anon_pair(store *s, vb_err *err)
{
    if (!s->anon_attached)
        return VB_OK;
    /* A token in both files says they belong together: an empty, foreign or
     * older -anon next to this database would lose its points without a
     * word. The anon file gets it first; the main file's copy is the proof. */
    char in_main[40], in_anon[40];
    vb_code code = query_text(s, "SELECT value FROM main.setting WHERE key = 'anon_pair'", in_main, sizeof in_main,
                              err);
    if (code == VB_OK)
        code = query_text(s, "SELECT token FROM anon.anon_pair", in_anon, sizeof in_anon, err);
    if (code != VB_OK)
        return code;
    if (in_main[0] && strcmp(in_main, in_anon) != 0)
        return vb_fail(err, VB_ERR_SCHEMA,
                       "the file of anonymous learning points %s-anon %s; restore both files from the same backup",
                       s->path, in_anon[0] ? "belongs to another database" : "is empty");
    if (in_main[0] || s->mode != STORE_READWRITE)
        return VB_OK;
    if (!in_anon[0]) {
        unsigned char bytes[16];
        if (!vb_random_bytes(bytes, sizeof bytes))
            return vb_fail(err, VB_ERR_INTERNAL, "no random numbers from the kernel");
        for (int i = 0; i < 16; i++)
            snprintf(in_anon + 2 * i, 3, "%02x", bytes[i]);
        const char *const step[] = { "INSERT INTO anon.anon_pair (token) VALUES (?)", in_anon };
        code = store_write(s, pair_write, (void *)step, err);
        if (code != VB_OK)
            return code;
    }
    const char *const step[] = { "INSERT OR REPLACE INTO main.setting (key, value) VALUES ('anon_pair', ?)",
                                 in_anon };
    return store_write(s, pair_write, (void *)step, err);
}

vb_code store_anon_views(store *s, vb_err *err)
{
    return store_anon_views_db(s->db, s->anon_attached, s->mode == STORE_READWRITE, err);
}

vb_code store_anon_views_sql(const char *db_path, char *out, size_t size, vb_err *err)
{
    char path[1100];
    store_anon_path(db_path, path, sizeof path);
    if (size > INT32_MAX)
        size = INT32_MAX;
    /* %q may allocate: the library must be set up (no connection is open here) */
    int rc = sqlite3_initialize();
    if (rc != SQLITE_OK)
        return vb_fail(err, VB_ERR_INTERNAL, "sqlite3_initialize: %s", sqlite3_errstr(rc));
    sqlite3_snprintf((int)size, out,
                     "-- Verbeterbord: anonymous learning points and ideas live in %s.\n"
                     "ATTACH DATABASE '%q' AS anon;\n"
                     "CREATE TEMP VIEW learning_point AS %s%s;\n%s\n"
                     "CREATE TEMP VIEW idea AS %s%s;\n%s\n",
                     path, path, view_signed_sql, view_anon_sql, triggers_sql, idea_view_main_sql,
                     idea_view_anon_sql, idea_triggers_sql);
    if (strlen(out) + 1 >= size)
        return vb_fail(err, VB_ERR_INVALID, "the view text does not fit");
    return VB_OK;
}

/* ---- the files' dates ------------------------------------------------------ */

void store_anon_hide_time(store *s, const char *day)
{
    vb_day d;
    if (!s->anon_attached || !day || !vb_day_parse(day, &d))
        return;
    /* Noon of the point's own day: a date the point carries anyway. */
    time_t t = (time_t)(vb_day_start_unix(d) + 12 * 3600);
    struct timespec times[2] = { { t, 0 }, { t, 0 } };
    static const char *const suffixes[] = { "", "-wal", "-shm" };
    char path[sizeof s->path + 16];
    for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
        snprintf(path, sizeof path, "%s-anon%s", s->path, suffixes[i]);
        /* Best effort: a file that is not there has no date to give away. */
        (void)utimensat(AT_FDCWD, path, times, AT_SYMLINK_NOFOLLOW);
    }
}

void store_anon_blur_dates(store *s, int64_t now_s)
{
    if (!s || s->mode != STORE_READWRITE)
        return;
    char day[11];
    vb_day_format(vb_local_from_unix(now_s).day, day);
    store_anon_hide_time(s, day);
}

/* ---- clearing the logs after a privacy deletion ------------------------------ */

bool store_privacy_pending(store *s)
{
    return store_setting_int(s, "privacy_flush_pending", 0) != 0;
}

/* The flag: '0' nothing to clear, '1' the main file's log, '2' both. */
static vb_code set_pending(store *s, const char *level, vb_err *err)
{
    static const char sql[] = "UPDATE setting SET value = CASE WHEN ?1 = '1' AND value = '2' THEN '2' ELSE ?1 END"
                              " WHERE key = 'privacy_flush_pending'";
    STORE_STMT_OR_RETURN(st, s, sql, err);
    sqlite3_bind_text(st, 1, level, -1, SQLITE_STATIC);
    return store_step_done(s, st, err, "mark the privacy clean-up");
}

vb_code store_privacy_mark(store *s, vb_err *err)
{
    return set_pending(s, "1", err);
}

static vb_code clear_pending_write(store *s, void *ctx, vb_err *err)
{
    (void)ctx;
    static const char sql[] =
        "DELETE FROM learning_point_state WHERE id IN (SELECT id FROM privacy_pending_anon);"
        "DELETE FROM privacy_pending_anon;"
        "DELETE FROM privacy_pending_anon_idea;";
    int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return store_fail(s, err, rc, "finish the privacy deletions");
    return set_pending(s, "0", err);
}

static vb_code finish_deletions_write(store *s, void *ctx, vb_err *err)
{
    (void)ctx;
    /* the anonymous rows whose deletion the anon file had not committed */
    static const char sql[] =
        "DELETE FROM anon.learning_point_anon WHERE id IN (SELECT id FROM main.privacy_pending_anon);"
        "DELETE FROM anon.idea_anon WHERE id IN (SELECT id FROM main.privacy_pending_anon_idea);"
        "DELETE FROM anon.idea_anon_search WHERE rowid IN (SELECT id FROM main.privacy_pending_anon_idea);";
    int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
    return rc == SQLITE_OK ? VB_OK : store_fail(s, err, rc, "delete the anonymous points again");
}

/* One checkpoint that never waits: a reader keeps old pages, so it is tried
 * again later instead of freezing the screen in the busy handler. */
static int checkpoint_now(store *s, const char *schema)
{
    sqlite3_busy_timeout(s->db, 0);
    int log = 0, done = 0;
    int rc = sqlite3_wal_checkpoint_v2(s->db, schema, SQLITE_CHECKPOINT_TRUNCATE, &log, &done);
    sqlite3_busy_timeout(s->db, s->busy_ms);
    return rc;
}

static vb_code privacy_flush_run(store *s, void *ctx, vb_err *err)
{
    return store_privacy_flush(s, ctx, err);
}

vb_code store_privacy_flush(store *s, bool *cleared, vb_err *err)
{
    if (cleared)
        *cleared = false;
    if (s->mode == STORE_READONLY)
        return vb_fail(err, VB_ERR_READONLY, "database opened read-only (%s)", s->path);
    /* on the writer thread's connection, where the writes run (its busy
     * handler and fsync then never hold up the screen) */
    if (s->writer)
        return store_run(s, privacy_flush_run, cleared, err);
    char level[8];
    vb_code code = store_setting_get(s, "privacy_flush_pending", level, sizeof level, NULL);
    if (code != VB_OK)
        snprintf(level, sizeof level, "0");
    if (s->anon_attached) {
        /* an anonymous deletion the anon file did not commit: done again first */
        code = store_write(s, finish_deletions_write, NULL, err);
        if (code != VB_OK)
            return code;
    }
    /* The anon file's log is emptied only when the anon file changed: each
     * emptying is a moment the audit log times, after which every point in
     * the new log was saved. */
    bool both = strcmp(level, "2") == 0 && s->anon_attached;
    const char *const schemas[] = { "main", "anon" };
    for (int i = 0; i < (both ? 2 : 1); i++) {
        int rc = checkpoint_now(s, schemas[i]);
        if ((rc & 0xFF) == SQLITE_BUSY || (rc & 0xFF) == SQLITE_LOCKED)
            return VB_OK; /* another connection reads: the job stays, tried again later */
        if (rc != SQLITE_OK)
            return store_fail(s, err, rc, "checkpoint the write-ahead log");
    }
    if (strcmp(level, "0") != 0) {
        code = store_write(s, clear_pending_write, NULL, err);
        if (code != VB_OK)
            return code;
        /* Clearing the flag wrote a page of settings to the log; it holds
         * no text, but the log is emptied again when nobody reads. */
        (void)checkpoint_now(s, "main");
    }
    if (cleared)
        *cleared = true;
    return VB_OK;
}

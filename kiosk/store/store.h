/* store.h: the one door to the SQLite database. Opens it with the right
 * PRAGMAs, migrates it from the SQL files in db/ (built into the binary),
 * and offers typed queries. Only files in store/ include sqlite3.h; every
 * function returns a vb_code and fills a vb_err, and never exits. */
#ifndef VB_STORE_H
#define VB_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/vb_err.h"

typedef struct store store;

typedef enum store_mode {
    STORE_READWRITE, /* the kiosk: creates the file if its folder exists */
    STORE_READONLY   /* the wall, exports: never writes, never migrates */
} store_mode;

/* The schema version this program writes (number of migrations). */
int store_schema_version(void);
/* Test seam: use these migrations instead of the built-in ones (NULL
 * restores them), to test upgrades from every earlier version. */
void store_test_set_migrations(const char *const *list, int count);

/* Opens path; on an older schema takes a backup next to it first, then
 * migrates in one transaction. now_s names the backup file. Before anything
 * is written to the file, its schema is compared with what the migrations
 * up to its version make (VB_ERR_SCHEMA naming the differences; a foreign
 * file is left byte for byte as it was). A missing file where one existed
 * (store_refuse_lost) is VB_ERR_MISSING, not a new empty database. */
vb_code store_open(store **out, const char *path, store_mode mode, int64_t now_s, vb_err *err);
void store_close(store *s);
const char *store_path(const store *s);

/* ---- the writer thread (store/writer.c; issue 9, "No freezes") ----
 * Starts a thread with a connection of its own to the same files, set up as
 * store_open sets up every connection. From then on every write of s
 * (BEGIN IMMEDIATE ... COMMIT, with a busy timeout of seconds), and the
 * privacy clean-up with its checkpoints, run there: the caller of a write
 * still waits until the commit is on disk (VB_OK means saved), but calls
 * wait(ctx) every STORE_WAIT_HOOK_MS meanwhile, on its own thread, to keep
 * the screen alive; the hook must not use the store. wake(ctx) is called on
 * the writer thread when a background job ended (it must be thread-safe,
 * e.g. a wake event into the UI loop). Without it (tests, tools) writes run
 * inline as before. store_close stops it. */
#define STORE_WAIT_HOOK_MS 16
typedef void (*store_hook_fn)(void *ctx);
vb_code store_writer_start(store *s, store_hook_fn wait, store_hook_fn wake, void *ctx, vb_err *err);

/* The SQL that shows a sqlite3 shell the one 'learning_point' the program
 * sees (anonymous points live in '<db>-anon', see store/store_anon.h):
 * `verbeterbord --db DB --sql-views | sqlite3 DB` is not it; use
 * `sqlite3 -cmd "$(verbeterbord --db DB --sql-views)" DB`. */
vb_code store_anon_views_sql(const char *db_path, char *out, size_t size, vb_err *err);
/* Dates the file of anonymous entries (and its -wal and -shm) noon of the
 * day of now_s, as every anonymous save does: called on the minute tick, so
 * that a read or write through the shared -shm map dates it for a minute at
 * most. Best effort. */
void store_anon_blur_dates(store *s, int64_t now_s);
/* ---- is it still ours (store/guard.c) ----
 * Generic over the schema name: "main", or an attached file (e.g. "anon"). */

/* Compares the tables, columns, indexes, triggers and views of schema with
 * what migrations[0..count) make in a fresh in-memory database. VB_OK when
 * equal; VB_ERR_SCHEMA when not, with diff filled ("column idea.title
 * missing; unknown trigger lp_stamp on learning_point", "not a Verbeterbord
 * database; unknown table ..."). Only reads the file. */
vb_code store_schema_compare(store *s, const char *schema, const char *const *migrations, int count, char *diff,
                             size_t diff_size, vb_err *err);
/* Remembers the file behind schema (device, inode, and a descriptor of our
 * own) for store_still_here. store_open does it for "main". */
vb_code store_watch_file(store *s, const char *schema, vb_err *err);
/* VB_OK while every watched path still names the file the connection has
 * open; VB_ERR_GONE when one was deleted or replaced by another file;
 * VB_ERR_IO when it cannot be told. A stat and an fstat per file: cheap
 * enough for every tick. store_write checks it before and after a write. */
vb_code store_still_here(store *s, vb_err *err);
/* Copies schema through the open connection (after a deletion the only copy
 * left) with SQLite's backup API to "<its path>.rescue-<YYYYmmdd-HHMMSS>";
 * out gets that path. For "main", the file of anonymous entries goes along
 * as "<that path>-anon" (an error then still leaves out set: the main copy
 * was made). VB_ERR_NOTFOUND when the folder is gone too. */
vb_code store_rescue(store *s, const char *schema, int64_t now_s, char *out, size_t size, vb_err *err);
/* The newest backup of the database at db_path by time (rescue copies,
 * copies before a migration, verbeterbord-backup's copies; in its folder,
 * and in /var/backups/verbeterbord for /var/lib/verbeterbord): VB_OK with
 * its path, or VB_ERR_NOTFOUND. */
vb_code store_newest_backup(const char *db_path, char *out, size_t size);
/* VB_OK when db_path exists, or when nothing says it existed (a first
 * start); VB_ERR_MISSING (naming the newest backup) when it is missing but
 * the marker of store_mark_existing or a backup is there. */
vb_code store_refuse_lost(const char *db_path, vb_err *err);
/* Leaves the marker ".<name>.existed" next to db_path (best effort). */
void store_mark_existing(const char *db_path);

/* PRAGMA quick_check, run a second time when it finds a problem:
 * VB_ERR_CORRUPT with the problem when the second run finds damage again;
 * VB_ERR_IO when a read failed (pages that could not be read are not damage;
 * the caller tries again later). */
vb_code store_quick_check(store *s, vb_err *err);

/* Readies what a fresh connection reads slowly the first time, after the
 * first frame (store/warm.c): the similar-idea search (its statement, the
 * FTS index's structure and pages). Only a cost, never a change. */
vb_code store_warm_up(store *s, vb_err *err);
/* Cheap change counter (PRAGMA data_version): differs when another
 * connection committed since the last call. */
vb_code store_data_version(store *s, int64_t *out, vb_err *err);

/* Copies the -wal into the database file; with truncate, also empties the
 * -wal so old page images (and the order of commits) do not linger there.
 * Best effort: VB_ERR_BUSY when a reader keeps part of it in use. */
vb_code store_checkpoint(store *s, bool truncate);

/* Gives back the page cache's memory (it fills again as pages are read). */
void store_release_memory(store *s);

/* Team settings (the 'setting' table). get returns VB_ERR_NOTFOUND when unset. */
vb_code store_setting_get(store *s, const char *key, char *buf, size_t size, vb_err *err);
int64_t store_setting_int(store *s, const char *key, int64_t fallback);
vb_code store_setting_set(store *s, const char *key, const char *value, vb_err *err);

/* The newest time stamp stored in any timed row (0 when none): the kiosk
 * never dates a new entry before it. */
vb_code store_newest_time(store *s, int64_t *out, vb_err *err);
/* True when the database has no members, ideas or learning points. */
vb_code store_is_empty(store *s, bool *out, vb_err *err);

/* Fills an empty database with realistic Dutch demo data around now_s
 * (store/demo.c). VB_ERR_INVALID if the database is not empty. The first
 * lead (Henk de Vries) gets the PIN below. */
#define DEMO_LEAD_PIN "1234"
vb_code store_demo_fill(store *s, int64_t now_s, vb_err *err);

#endif

/* store_internal.h: what the store's own files share: the connection, the
 * prepared-statement cache, error mapping and the write-transaction helper.
 * Never included outside store/. */
#ifndef VB_STORE_INTERNAL_H
#define VB_STORE_INTERNAL_H

#include <sqlite3.h>
#include <stdbool.h>
#include <sys/types.h>

#include "store.h"

#define STORE_STMT_CACHE 256
/* How long a statement of the kiosk's own connection waits for another
 * connection's lock. With the writer thread (store/writer.c) that
 * connection only reads; without it (tests, tools) it also writes, and a
 * write that finds the lock taken says it was not saved. */
#define STORE_BUSY_TIMEOUT_MS 100
/* How long the writer thread's connection waits for another process's
 * write lock (a backup, a sqlite3 shell): seconds, as nobody waits frozen
 * for it; the screen shows "saving" meanwhile (issue 9, "No freezes"). */
#define STORE_WRITER_BUSY_TIMEOUT_MS 15000
#define STORE_WATCH_MAX 4

/* A file the connection has open, as it was when opened (store_watch_file). */
typedef struct store_watch {
    char schema[32]; /* "main", or an attached schema such as "anon" */
    char path[1024];
    dev_t dev;
    ino_t ino;
    int fd;          /* our own O_RDONLY descriptor: nlink 0 once deleted */
} store_watch;

struct store {
    sqlite3 *db;
    store_mode mode;
    char path[1024];
    bool anon_attached; /* '<path>-anon' is attached as schema 'anon' (store_anon.h) */
    struct {
        const char *sql; /* identity: the static string of the call site */
        sqlite3_stmt *stmt;
    } cache[STORE_STMT_CACHE];
    int cached;
    store_watch watch[STORE_WATCH_MAX];
    int watched;
    int busy_ms;        /* the connection's busy timeout */
    /* The writer thread (store_writer_start) and its own connection: writes
     * and clean-ups of this store run there; NULL runs them inline. */
    struct store_writer *writer;
    bool twin;          /* this is the writer thread's connection (store_open_twin) */
};

/* Maps a SQLite result code to a vb_code and fills err with what and where. */
vb_code store_fail(store *s, vb_err *err, int rc, const char *what);
/* A reset, cleared prepared statement for a static SQL string, or NULL with err. */
sqlite3_stmt *store_stmt(store *s, const char *sql, vb_err *err);
/* Declares `sqlite3_stmt *var` for a static SQL string, or returns from the
 * calling function with err's code when it cannot be prepared. */
#define STORE_STMT_OR_RETURN(var, s, sql, err)                                                               \
    sqlite3_stmt *var = store_stmt((s), (sql), (err));                                                       \
    if (!var)                                                                                                \
    return (err) && (err)->code ? (err)->code : VB_ERR_INTERNAL
/* Runs fn inside BEGIN IMMEDIATE ... COMMIT; rolls back when fn fails. With
 * a writer thread, fn runs there on its own connection (the s it gets is
 * that connection: a callback uses its s, never a store kept in ctx) while
 * the caller waits, calling the wait hook (store.h); it returns when the
 * commit is on disk, so ctx stays valid and VB_OK means saved. */
typedef vb_code (*store_write_fn)(store *s, void *ctx, vb_err *err);
vb_code store_write(store *s, store_write_fn fn, void *ctx, vb_err *err);
/* BEGIN IMMEDIATE, fn, COMMIT (rollback on failure) on s's own connection. */
vb_code store_transaction(store *s, store_write_fn fn, void *ctx, vb_err *err);
/* Runs fn (no transaction of its own) where the writes of s run: on the
 * writer thread, the caller waiting as in store_write, or here. */
vb_code store_run(store *s, store_write_fn fn, void *ctx, vb_err *err);
/* ---- the writer thread (store/writer.c) ---- */
/* A second connection to the files of s for the writer thread, set up as
 * store_open sets up every connection (pragmas, the anon file, its views and
 * triggers); it watches no file (s does: store_watch_file). */
vb_code store_open_twin(store **out, const store *s, vb_err *err);
/* Hands fn to the writer thread and waits (store_write, store_run). */
vb_code store_writer_call(store *s, bool transaction, store_write_fn fn, void *ctx, vb_err *err);
/* Stops the thread and closes its connection (store_close). */
void store_writer_stop(store *s);
/* Copies a text column (NULL = "") into out, cut at a character boundary
 * when it does not fit: the one way the store reads text into a buffer. */
void store_col_text(sqlite3_stmt *st, int col, char *out, size_t size);
/* Executes one prepared statement to completion (no rows expected). */
vb_code store_step_done(store *s, sqlite3_stmt *st, vb_err *err, const char *what);
/* A one-line name (member, place, shift, ...): valid UTF-8 without control
 * characters, 1..max_chars characters, no space at either end. */
bool store_name_ok(const char *text, size_t max_chars);
/* Closes the descriptors of store_watch_file (store_close does it). */
void store_unwatch_all(store *s);
/* Fills one slot (zeroed) from the current row. */
typedef void (*store_row_fn)(sqlite3_stmt *st, void *slot);
/* Runs a prepared, bound statement and calls row() for each row, which
 * fills slot n of the growing array *arr (elem bytes each; *arr is NULL
 * before, and the caller frees it, also after a failure). */
vb_code store_collect(store *s, sqlite3_stmt *st, void **arr, int *count, size_t elem, store_row_fn row, vb_err *err,
                      const char *what);
/* The same into a caller's array of max slots: stops after max rows. */
vb_code store_rows(store *s, sqlite3_stmt *st, void *arr, int max, int *count, size_t elem, store_row_fn row,
                   vb_err *err, const char *what);
/* Binds text, or NULL when text is NULL. */
int store_bind_text(sqlite3_stmt *st, int idx, const char *text);
/* Binds a row id (a member, place, shift, idea ...), or NULL when id <= 0. */
int store_bind_id(sqlite3_stmt *st, int idx, int64_t id);

#endif

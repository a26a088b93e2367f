/* store_anon.h: anonymous entries kept apart from signed, timed ones.
 *
 * The attacker the kiosk defends against has one copy of the files
 * (database, -wal, -shm, a backup) taken at any moment. A -wal keeps commits
 * in order, and any reader can keep a checkpoint from emptying it; so an
 * anonymous learning point committed into the same file as signed, timed
 * rows (votes, the audit log) could be placed in time. By construction it
 * is not: anonymous points are written only to '<db>-anon', a second file
 * attached as schema 'anon', which holds anonymous content and nothing
 * else (no member, no time finer than day and shift, random keys). The
 * lead's marks on a point are signed acts and go to the main file.
 * The rest of the store reads one TEMP view 'learning_point' (with INSTEAD
 * OF triggers), so queries did not change. Store-internal. */
#ifndef VB_STORE_ANON_H
#define VB_STORE_ANON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store.h"

/* The two halves of the view 'learning_point', as subqueries with its
 * columns. SQLite 3.40 cannot push a join, ORDER BY or LIMIT into a UNION
 * ALL view (it would build the whole view for each query), so the queries
 * that page, join or count over many points run once per half and merge
 * (store/learning.c, review.c); each half then uses its own indexes. */
#define LP_STATE_OF(t)                                                                                      \
    "coalesce(" t ".wall_approved, 0) AS wall_approved, coalesce(" t ".hidden, 0) AS hidden,"               \
    " " t ".discussed_day AS discussed_day, " t ".feedback AS feedback"
#define LP_SIGNED_ROWS                                                                                      \
    "(SELECT p.id AS id, p.receipt AS receipt, p.day AS day, p.shift_id AS shift_id,"                       \
    " p.dagstart_day AS dagstart_day, p.category_id AS category_id, p.place_id AS place_id,"                \
    " p.what_happened AS what_happened, p.lesson AS lesson, p.member_id AS member_id, " LP_STATE_OF("t")    \
    " FROM main.learning_point_signed p LEFT JOIN main.learning_point_state t ON t.id = p.id)"
#define LP_ANON_ROWS                                                                                        \
    "(SELECT a.id AS id, a.receipt AS receipt, a.day AS day, a.shift_id AS shift_id,"                       \
    " a.dagstart_day AS dagstart_day, a.category_id AS category_id, a.place_id AS place_id,"                \
    " a.what_happened AS what_happened, a.lesson AS lesson, NULL AS member_id, " LP_STATE_OF("t")           \
    " FROM anon.learning_point_anon a LEFT JOIN main.learning_point_state t ON t.id = a.id)"

/* Anonymous ideas (schema 'anon', table idea_anon) have random keys from
 * here up, so that no key orders them against the others; signed ideas
 * count up from 1 below it. An anonymous idea is copied into the main
 * file's table idea_row by the first signed act on it (a vote, a status
 * move, an action), in that act's own transaction: its row then tells no
 * more than the act that copied it. The TEMP view 'idea' shows both. */
#define ANON_IDEA_ID_MIN_SQL "1099511627776"
#define ANON_IDEA_ID_MIN ((int64_t)1 << 40)
#define IDEA_COLUMNS                                                                                        \
    "id, title, description, category_id, member_id, status, created_at, status_changed_at, feedback,"      \
    " feedback_at, first_feedback_at, merged_into, hidden, vote_count"
/* The two halves of the view 'idea' (anon.c). */
#define IDEA_MAIN_ROWS "(SELECT " IDEA_COLUMNS " FROM main.idea_row)"
#define IDEA_ANON_ROWS                                                                                      \
    "(SELECT a.id AS id, a.title AS title, a.description AS description, a.category_id AS category_id,"     \
    " NULL AS member_id, 'new' AS status, a.created_at AS created_at, a.created_at AS status_changed_at,"    \
    " NULL AS feedback, NULL AS feedback_at, NULL AS first_feedback_at, NULL AS merged_into, 0 AS hidden,"  \
    " 0 AS vote_count FROM anon.idea_anon a WHERE NOT EXISTS (SELECT 1 FROM main.idea_row r WHERE r.id = a.id)" \
    " AND NOT EXISTS (SELECT 1 FROM main.privacy_pending_anon_idea p WHERE p.id = a.id))"

/* '<db_path>-anon'. */
void store_anon_path(const char *db_path, char *out, size_t size);
/* Attaches the anon file (creating it and its schema when writable). A
 * read-only store whose anon file does not exist yet attaches nothing. */
vb_code store_anon_attach(store *s, vb_err *err);
/* Before the migrations: a version-1 database's anonymous points copied
 * into the anon file and committed there on their own (see anon.c). */
vb_code store_anon_before_migrations(store *s, vb_err *err);
/* After the migrations: the two files carry the same random token, or the
 * open is refused (an empty or foreign -anon would lose points silently). */
vb_code store_anon_pair(store *s, vb_err *err);
/* Creates the TEMP view learning_point (and, when writable, its triggers);
 * after the migrations. */
vb_code store_anon_views(store *s, vb_err *err);
/* The same for any connection to the database at db_path (tests, tools):
 * attach, then after any migration the views (triggers when writable). */
typedef struct sqlite3 sqlite3;
vb_code store_anon_attach_db(sqlite3 *db, const char *db_path, bool writable, bool *attached, vb_err *err);
/* After attaching writable: WAL, synchronous, secure_delete, the schema. */
vb_code store_anon_setup_db(sqlite3 *db, vb_err *err);
/* An in-memory 'anon' with the schema, attached to mem: the schema check
 * runs the main migrations there (0002 moves points into anon). */
int store_anon_memory_twin(sqlite3 *mem);
vb_code store_anon_views_db(sqlite3 *db, bool attached, bool writable, vb_err *err);
/* Sets the anon file's and its -wal's and -shm's dates to noon of day
 * ('YYYY-MM-DD'), so the files do not tell when the last point was saved. */
void store_anon_hide_time(store *s, const char *day);
/* Inside a write: a privacy deletion or redaction happened; the logs must be
 * cleared (store_privacy_flush) until no file holds the old text. */
vb_code store_privacy_mark(store *s, vb_err *err);

#endif

/* store_idea_flow.h: what the team lead does with ideas and learning points
 * (issue 4, "Idea workflow and feedback", "Moderation", "Deletion for a
 * privacy request"):
 *   - move an idea along its workflow (core/idea_flow.h has the rule), with
 *     the feedback text that closing requires;
 *   - merge a duplicate into the idea that survives, keeping one vote per
 *     person;
 *   - hide an idea or a learning point (kept, but gone from the lists and
 *     the wall), approve a learning point's text for the wall;
 *   - redact a part of a text (a colleague's name) so that the original is
 *     kept nowhere, and delete an idea or a learning point for a privacy
 *     request so that `grep -a` finds neither its text nor its words in the
 *     database file or its -wal.
 * Every change writes its audit row (store_audit.h) in the same write
 * transaction. Audit rows of redactions and deletions never hold the
 * removed text.
 *
 * How the text really goes (SQLite 3.40, no FTS5 'secure-delete' option):
 *   1. the store opens every connection with PRAGMA secure_delete=ON, so a
 *      deleted or rewritten row's bytes and every freed page are zeroed;
 *   2. an FTS5 delete only adds a delete marker: the old index segment
 *      keeps the word's terms until segments are merged, so the idea search
 *      index is merged into one segment ('optimize') in the same
 *      transaction; its old segments are then deleted (and zeroed);
 *   3. after the commit the -wal still holds the old pages, so the log is
 *      checkpointed and truncated (PRAGMA wal_checkpoint(TRUNCATE)). A
 *      reader in another process (the wall, a running backup) can block
 *      that: *wal_cleared then says false, and store_privacy_flush() tries
 *      again later.
 * Backups taken before the change still hold the text:
 * store_backups_holding() names them and when they expire. */
#ifndef VB_STORE_IDEA_FLOW_H
#define VB_STORE_IDEA_FLOW_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/idea_flow.h"
#include "../core/limits.h"
#include "store.h"
#include "store_ideas.h"

/* ---- the workflow ---------------------------------------------------------- */

/* Moves an idea to status to, by lead_id at now_s: checks the rule against
 * the idea's status as stored (flow_check_move), then, in one write
 * transaction, sets idea.status and status_changed_at; with a feedback text
 * also idea.feedback and feedback_at, and first_feedback_at when the idea
 * had none; adds an idea_history row and an audit row ('idea_status',
 * 'idea:<id>', "<from> -> <to>[: <feedback>]"). feedback is trimmed; NULL or
 * blank means none. Moving to 'duplicate' goes through store_idea_merge.
 * VB_ERR_NOTFOUND: no such idea. VB_ERR_INVALID: the move is refused
 * (*verdict, when not NULL, says why; FLOW_OK for other refusals), the
 * feedback is too long (IDEA_FEEDBACK_MAX) or not valid text, or the idea
 * is hidden. */
vb_code store_idea_move(store *s, int64_t idea_id, idea_status to, const char *feedback, int64_t lead_id,
                        int64_t now_s, vb_err *err);
/* The same, telling why a move was refused. */
vb_code store_idea_move_ex(store *s, int64_t idea_id, idea_status to, const char *feedback, int64_t lead_id,
                           int64_t now_s, flow_verdict *verdict, vb_err *err);

/* Merges the idea duplicate_id into into_id: every vote moves to into_id,
 * and a person who voted for both keeps one vote there (vote_count follows
 * through the triggers); the duplicate gets status 'duplicate' and
 * merged_into = into_id, a history row and an audit row ('idea_merge',
 * 'idea:<duplicate>', "<from> -> duplicate: merged into idea:<into>, <n>
 * votes moved, <k> counted once"). VB_ERR_INVALID when the duplicate may
 * not become a duplicate (only new ideas may, core/idea_flow.h), when both
 * are the same idea, or when into_id is hidden, a duplicate itself or not
 * adopted (it takes no votes). VB_ERR_NOTFOUND when either is missing. */
vb_code store_idea_merge(store *s, int64_t duplicate_id, int64_t into_id, int64_t lead_id, int64_t now_s,
                         vb_err *err);

/* ---- moderation --------------------------------------------------------------- */

/* Hides (hidden = true) or shows again an idea: a hidden idea is kept but
 * gone from the idea box, the similar-idea search, the daily start and the
 * wall. Audited as 'idea_hide' / 'idea_unhide'. Nothing changes (and
 * nothing is audited) when it already is so. */
vb_code store_idea_set_hidden(store *s, int64_t idea_id, bool hidden, int64_t lead_id, int64_t now_s,
                              vb_err *err);
/* Hidden ideas, newest first (max rows; *n how many). */
vb_code store_ideas_hidden(store *s, idea_row *out, int max, int *n, vb_err *err);
/* How many ideas are hidden. */
vb_code store_ideas_hidden_count(store *s, int *out, vb_err *err);

/* A learning point as the lead's panel shows it. */
typedef struct lp_moderation {
    char id[LP_ID_LEN + 1];
    char day[11];
    char category_code[CATEGORY_CODE_MAX + 1];
    char category_label[VB_TEXT_SIZE(STORE_CATEGORY_LABEL_MAX)];
    char what_happened[VB_TEXT_SIZE(LP_TEXT_MAX_CHARS)];
    char lesson[VB_TEXT_SIZE(LP_TEXT_MAX_CHARS)];
    bool anonymous;      /* no member stored */
    bool hidden;
    bool wall_approved;
} lp_moderation;

/* One learning point (also a hidden one); VB_ERR_NOTFOUND when unknown. */
vb_code store_lp_moderation_get(store *s, const char *lp_id, lp_moderation *out, vb_err *err);
/* Hidden learning points, most recent day first. */
vb_code store_lps_hidden(store *s, lp_moderation *out, int max, int *n, vb_err *err);
vb_code store_lps_hidden_count(store *s, int *out, vb_err *err);
/* Hides or shows again a learning point ('lp_hide' / 'lp_unhide'). */
vb_code store_lp_set_hidden(store *s, const char *lp_id, bool hidden, int64_t lead_id, int64_t now_s, vb_err *err);
/* Approves a learning point's text for the wall, or takes it off
 * ('lp_wall_approve' / 'lp_wall_withdraw'). */
vb_code store_lp_set_wall(store *s, const char *lp_id, bool approved, int64_t lead_id, int64_t now_s,
                          vb_err *err);

/* ---- redaction and deletion ---------------------------------------------------- */

typedef enum redact_field {
    REDACT_IDEA_TITLE,
    REDACT_IDEA_DESCRIPTION,
    REDACT_LP_WHAT,   /* learning point: what happened */
    REDACT_LP_LESSON  /* learning point: what we learn */
} redact_field;

/* Replaces every occurrence of part (flow_redact: A-Z in either case) in
 * one text field with FLOW_REDACTED; for an idea also its search index
 * row. The audit row ('idea_redact' / 'lp_redact') names the field and how
 * many parts were replaced, never the text. Then the index is merged and
 * the -wal truncated (see the top of this file). *replaced (may be NULL)
 * is the number of parts replaced; *wal_cleared (may be NULL) whether the
 * -wal could be truncated. VB_ERR_NOTFOUND when the row does not exist or
 * the part does not occur; VB_ERR_INVALID when the result would not fit
 * the field (e.g. a title over 80 characters) or part is empty. */
vb_code store_idea_redact(store *s, int64_t idea_id, redact_field field, const char *part, int64_t lead_id,
                          int64_t now_s, int *replaced, bool *wal_cleared, vb_err *err);
vb_code store_lp_redact(store *s, const char *lp_id, redact_field field, const char *part, int64_t lead_id,
                        int64_t now_s, int *replaced, bool *wal_cleared, vb_err *err);

/* Deletes an idea for a privacy request: the idea, its votes and history
 * (ON DELETE CASCADE), its search index row; ideas merged into it keep
 * their status but lose the link; actions from it lose their idea_id (FK);
 * the feedback texts of its earlier audit rows are blanked (they may quote
 * it), keeping who did what when. Audited as 'idea_delete' without any
 * text. Then the index is merged and the -wal truncated. */
vb_code store_idea_delete(store *s, int64_t idea_id, int64_t lead_id, int64_t now_s, bool *wal_cleared,
                          vb_err *err);
/* Deletes a learning point: the row and its "me too" rows (CASCADE);
 * actions from it get learning_point_id NULL (FK); earlier audit rows about
 * it lose their text ('lp_feedback' holds the lead's feedback). Audited as
 * 'lp_delete' without text. Then the -wal is truncated. */
vb_code store_lp_delete(store *s, const char *lp_id, int64_t lead_id, int64_t now_s, bool *wal_cleared,
                        vb_err *err);

/* Checkpoints the -wal into the database and truncates it to zero bytes,
 * so that no old page lingers in it. *cleared is false (and the result
 * VB_OK) when another connection's reader kept it from finishing. */
vb_code store_privacy_flush(store *s, bool *cleared, vb_err *err);
/* The same as a background job of the writer thread (store_writer_start),
 * which nobody waits for: with start, starts one unless one runs; returns
 * at once. *finished says a job that started earlier has ended since (and
 * *cleared, the result, its result); the writer's wake hook then tells the
 * app. Without a writer thread, start runs the clean-up here and now. */
vb_code store_privacy_flush_job(store *s, bool start, bool *finished, bool *cleared, vb_err *err);
/* True while a privacy deletion or redaction has not been cleared from every
 * file yet (a flag in the database, so it survives a restart; it never holds
 * the text). store_privacy_flush clears it. */
bool store_privacy_pending(store *s);

/* ---- backups that still hold a text --------------------------------------------- */

#define STORE_BACKUP_DIR_DEFAULT "/var/backups/verbeterbord"
#define STORE_BACKUP_KEEP_DAYS 14 /* nightly copies, the newest 14 kept (deploy/verbeterbord-backup) */

typedef struct store_backup {
    char path[512];
    int64_t taken_s;   /* from the name's time stamp (local time), else the file's time */
    int64_t expires_s; /* taken_s + 14 days; 0 = never (a copy made before a migration stays until removed) */
} store_backup;

/* The backups that may hold a text that existed since since_s: the nightly
 * copies verbeterbord-YYYYmmdd-HHMMSS.db in backup_dir (NULL = the default)
 * taken at or after since_s, and the copies taken before a migration next to
 * the database (db_path.v<N>-YYYYmmdd-HHMMSS.bak). Oldest first; at most
 * max, *n how many there are in all (may exceed max). A missing folder is
 * no error (no backups). */
vb_code store_backups_holding(const char *backup_dir, const char *db_path, int64_t since_s, store_backup *out,
                              int max, int *n, vb_err *err);

#endif

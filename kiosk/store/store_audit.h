/* store_audit.h: the audit log of lead actions (status changes, feedback,
 * redaction, hiding, deletion, settings, roster, sign-in lockouts, leaving
 * the app). A row names the lead, the time, the action, the row it concerns
 * and a short detail.
 *
 * Record an action in the SAME write transaction as the change itself, so
 * that a change is never stored without its audit row (or the other way
 * round): call store_audit_add() from inside your store_write() callback. */
#ifndef VB_STORE_AUDIT_H
#define VB_STORE_AUDIT_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/vb_err.h"
#include "../core/limits.h"
#include "store.h"

/* Action names in use (free text of 1..40 characters is accepted):
 *   "idea_status"  idea status change (subject "idea:12", detail "new → review")
 *   "lp_feedback"  feedback on a learning point (subject "lp:<id>")
 *   "settings"     a team setting (subject "setting:team_name", "place:3", ...)
 *   "roster"       a member added, deactivated, badge, PIN, language, role
 *   "pin_lockout"  a lead's PIN lockout lifted (subject "member:2")
 *   "app_exit"     leaving the app (detail "restart" or "maintenance") */

/* Adds one audit row. lead_id 0 means "not a signed-in lead" (the command
 * line on the machine); at is unix seconds (app_entry_time()).
 * subject and detail may be NULL (stored as ''); they are shortened at a
 * character boundary when too long, so an over-long detail never makes the
 * action itself fail. VB_ERR_INVALID when action is empty, longer than 40
 * characters, or any text is not valid UTF-8.
 *
 * Inside a store_write() callback (a write transaction is open) the row
 * joins that transaction and commits or rolls back with it. Called outside
 * any transaction it runs in a write transaction of its own. */
vb_code store_audit_add(store *s, int64_t lead_id, int64_t at, const char *action, const char *subject,
                        const char *detail, vb_err *err);

/* The same, for code that must be sure it runs inside an open transaction:
 * VB_ERR_INTERNAL when none is open (never commits on its own). */
vb_code store_audit_add_in_tx(store *s, int64_t lead_id, int64_t at, const char *action, const char *subject,
                              const char *detail, vb_err *err);

typedef struct store_audit_row {
    int64_t id;
    int64_t at;
    int64_t lead_id;      /* 0 = the command line */
    char lead_name[64];   /* '' when lead_id is 0 */
    char action[48];
    char subject[96];
    char detail[512];
} store_audit_row;

/* The newest rows first (by time, then id). action NULL = every action,
 * otherwise only that one. offset skips that many rows (paging). */
vb_code store_audit_list(store *s, const char *action, int offset, store_audit_row *rows, int max, int *count,
                         vb_err *err);
/* Number of rows (of one action, or all when action is NULL). */
vb_code store_audit_count(store *s, const char *action, int *count, vb_err *err);

#endif

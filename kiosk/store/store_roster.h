/* store_roster.h: the team roster as a lead manages it: list everyone with
 * role, language, badge, PIN and lockout state; add a member; deactivate
 * one; set a badge, a language or a role. Every change is written together
 * with its audit row (action "roster"). PIN hashing, checking and lockouts
 * are in store_members.h (store_member_set_pin, store_member_check_pin,
 * store_member_lift_lockout). lead_id is the signed-in lead (0: the command
 * line), at the time to stamp (app_entry_time()). */
#ifndef VB_STORE_ROSTER_H
#define VB_STORE_ROSTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/limits.h"
#include "../core/vb_err.h"
#include "store.h"


typedef struct store_roster_member {
    int64_t id;
    char name[VB_TEXT_SIZE(ROSTER_NAME_MAX)];
    char role[8];          /* "worker" or "lead" */
    char badge[68];        /* '' = none */
    char language[4];      /* nl, en, pl */
    bool active;
    bool has_pin;
    int failed_pins;
    int64_t locked_until;  /* unix s; 0 = not locked */
    int64_t created_at;
} store_roster_member;

/* Active members first, by name; inactive ones only when with_inactive. */
vb_code store_roster_list(store *s, bool with_inactive, store_roster_member *rows, int max, int *count,
                          vb_err *err);
/* Active leads (role lead) by name. */
vb_code store_roster_leads(store *s, store_roster_member *rows, int max, int *count, vb_err *err);
/* Members with a PIN lockout still running at now_s (leads first). */
vb_code store_roster_locked(store *s, int64_t now_s, store_roster_member *rows, int max, int *count, vb_err *err);
/* VB_ERR_NOTFOUND when there is no such member. */
vb_code store_roster_get(store *s, int64_t id, store_roster_member *out, vb_err *err);
/* The active member with exactly this name; VB_ERR_NOTFOUND when none. */
vb_code store_roster_find_name(store *s, const char *name, store_roster_member *out, vb_err *err);
/* Number of active leads, and of those how many have a PIN. */
vb_code store_roster_count_leads(store *s, int *leads, int *with_pin, vb_err *err);

/* True for a name of 1..60 characters of valid UTF-8 without line breaks or
 * spaces at either end; true for a badge of 3..64 printable ASCII
 * characters without spaces. */
bool store_roster_name_ok(const char *name);
bool store_roster_badge_ok(const char *badge);

/* Adds an active member. role "worker" or "lead", language nl/en/pl, badge
 * NULL or '' for none. VB_ERR_CONSTRAINT (message says which) when an active
 * member has that name or someone has that badge. */
vb_code store_roster_add(store *s, int64_t lead_id, int64_t at, const char *name, const char *role,
                         const char *language, const char *badge, int64_t *id_out, vb_err *err);
/* Deactivates a member: kept for history, no longer listed, badge, PIN and
 * lockout removed (so the badge can be given to someone else). Refused
 * (VB_ERR_CONSTRAINT) for the lead themself and for the last active lead. */
vb_code store_roster_deactivate(store *s, int64_t lead_id, int64_t at, int64_t member_id, vb_err *err);
/* badge NULL or '' removes it. VB_ERR_CONSTRAINT when another member has it;
 * then *owner (if not NULL, size bytes) names that member. */
vb_code store_roster_set_badge(store *s, int64_t lead_id, int64_t at, int64_t member_id, const char *badge,
                               char *owner, size_t owner_size, vb_err *err);
vb_code store_roster_set_language(store *s, int64_t lead_id, int64_t at, int64_t member_id, const char *language,
                                  vb_err *err);
/* Refused for the lead themself and for taking the role from the last lead. */
vb_code store_roster_set_role(store *s, int64_t lead_id, int64_t at, int64_t member_id, const char *role,
                              vb_err *err);

#endif

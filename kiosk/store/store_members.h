/* store_members.h: the team's members as the worker flows need them:
 * the roster to pick a name from, lookup by badge, and the member's
 * personal PIN (also the lead's PIN: a lead is a member with role "lead").
 *
 * PINs are stored only as libsodium crypto_pwhash_str hashes (Argon2id).
 * After STORE_PIN_FREE_TRIES wrong PINs in a row the member is locked out
 * for a delay that doubles with every further wrong PIN; the count and the
 * end of the lockout are stored in the member row (failed_pins,
 * locked_until), so restarting the kiosk does not reset them.
 *
 * Hashing cost: interactive (OPSLIMIT/MEMLIMIT_INTERACTIVE, 64 MiB) by
 * default. Tests make it cheap with the environment variable
 * VERBETERBORD_PWHASH_CHEAP=1 (read on first use) or by calling
 * store_member_set_pwhash_cost(STORE_PWHASH_CHEAP). Verifying always uses
 * the cost stored inside the hash; a correct PIN whose hash is cheaper than
 * the current cost is re-hashed at the current cost. */
#ifndef VB_STORE_MEMBERS_H
#define VB_STORE_MEMBERS_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/limits.h"
#include "store.h"

#define STORE_MEMBER_NAME_SIZE VB_TEXT_SIZE(ROSTER_NAME_MAX)
#define STORE_PIN_MIN_DIGITS 4
#define STORE_PIN_MAX_DIGITS 8
#define STORE_PIN_FREE_TRIES 5       /* wrong PINs before the first lockout */
#define STORE_PIN_LOCK_FIRST_S 30    /* the first lockout; doubles each time */
#define STORE_PIN_LOCK_MAX_S 3600

typedef struct store_member {
    int64_t id;
    char name[STORE_MEMBER_NAME_SIZE];
    char role[8];     /* "worker" or "lead" */
    char language[8]; /* "nl", "en" or "pl" */
    bool has_badge;
    bool has_pin;
} store_member;

typedef enum store_pin_status {
    STORE_PIN_OK,     /* correct: failures reset */
    STORE_PIN_WRONG,  /* wrong: counted; locked_until set when this locked it */
    STORE_PIN_LOCKED, /* locked out until locked_until: not even checked */
    STORE_PIN_NONE    /* the member has no PIN */
} store_pin_status;

typedef struct store_pin_result {
    store_pin_status status;
    int failed;           /* wrong PINs in a row, after this attempt */
    int tries_left;       /* wrong PINs still allowed before a lockout */
    int64_t locked_until; /* unix s, 0 when not locked */
} store_pin_result;

typedef enum store_pwhash_cost { STORE_PWHASH_INTERACTIVE, STORE_PWHASH_CHEAP } store_pwhash_cost;

/* Sets the cost of new PIN hashes (overrides the environment variable). */
void store_member_set_pwhash_cost(store_pwhash_cost cost);

/* Active members ordered by name (case-insensitive), at most cap of them
 * into out; *count gets how many were written. */
vb_code store_member_list(store *s, store_member *out, int cap, int *count, vb_err *err);
/* The active member with this badge; VB_ERR_NOTFOUND when none. */
vb_code store_member_by_badge(store *s, const char *badge, store_member *out, vb_err *err);
/* The member with this id (active or not); VB_ERR_NOTFOUND when none. */
vb_code store_member_get(store *s, int64_t id, store_member *out, vb_err *err);

/* Checks a PIN at now_s and records the outcome (one write transaction).
 * Returns VB_OK with the outcome in *result, or an error when the attempt
 * could not be checked or recorded (then it counts as refused). A member
 * that does not exist or is inactive gives VB_ERR_NOTFOUND. */
vb_code store_member_check_pin(store *s, int64_t id, const char *pin, int64_t now_s, store_pin_result *result,
                               vb_err *err);
/* Sets the member's PIN (STORE_PIN_MIN_DIGITS..STORE_PIN_MAX_DIGITS digits;
 * VB_ERR_INVALID otherwise), or removes it when pin is NULL or "". Clears a
 * lockout. */
vb_code store_member_set_pin(store *s, int64_t id, const char *pin, vb_err *err);
/* Forgets the wrong PINs and ends a lockout (the team lead does this). */
vb_code store_member_lift_lockout(store *s, int64_t id, vb_err *err);
/* True when pin has the right length and only digits. */
bool store_pin_valid(const char *pin);

#endif

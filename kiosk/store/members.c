/* members.c: the roster for picking a name, badge lookup, and personal PINs
 * with a lockout that survives restarts (see store_members.h). */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "../core/utf8.h"
#include "store_internal.h"
#include "store_members.h"

/* ---- hashing cost --------------------------------------------------------- */

static int pwhash_cost = -1; /* -1: not decided yet (read the environment) */

void store_member_set_pwhash_cost(store_pwhash_cost cost)
{
    pwhash_cost = (int)cost;
}

static store_pwhash_cost current_cost(void)
{
    if (pwhash_cost < 0) {
        const char *env = getenv("VERBETERBORD_PWHASH_CHEAP");
        pwhash_cost = env && *env && strcmp(env, "0") != 0 ? STORE_PWHASH_CHEAP : STORE_PWHASH_INTERACTIVE;
    }
    return (store_pwhash_cost)pwhash_cost;
}

static void cost_limits(unsigned long long *ops, size_t *mem)
{
    if (current_cost() == STORE_PWHASH_CHEAP) {
        *ops = crypto_pwhash_OPSLIMIT_MIN;
        *mem = crypto_pwhash_MEMLIMIT_MIN;
    } else {
        *ops = crypto_pwhash_OPSLIMIT_INTERACTIVE;
        *mem = crypto_pwhash_MEMLIMIT_INTERACTIVE;
    }
}

/* libsodium must be initialised once before use; sodium_init() is safe to
 * call again (it returns 1 then). */
static vb_code sodium_ready(vb_err *err)
{
    if (sodium_init() < 0)
        return vb_fail(err, VB_ERR_INTERNAL, "libsodium could not be initialised");
    return VB_OK;
}

bool store_pin_valid(const char *pin)
{
    if (!pin)
        return false;
    size_t n = strlen(pin);
    if (n < STORE_PIN_MIN_DIGITS || n > STORE_PIN_MAX_DIGITS)
        return false;
    for (size_t i = 0; i < n; i++)
        if (pin[i] < '0' || pin[i] > '9')
            return false;
    return true;
}

/* ---- reading members ------------------------------------------------------ */

#define MEMBER_COLUMNS "id, name, role, language, badge IS NOT NULL, pin_hash IS NOT NULL"

static void read_member(sqlite3_stmt *st, store_member *m)
{
    const char *name = (const char *)sqlite3_column_text(st, 1);
    const char *role = (const char *)sqlite3_column_text(st, 2);
    const char *lang = (const char *)sqlite3_column_text(st, 3);
    m->id = sqlite3_column_int64(st, 0);
    /* the column holds at most 60 characters, which always fit */
    utf8_copy(name ? name : "", m->name, sizeof m->name);
    utf8_copy(role ? role : "worker", m->role, sizeof m->role);
    utf8_copy(lang ? lang : "nl", m->language, sizeof m->language);
    m->has_badge = sqlite3_column_int(st, 4) != 0;
    m->has_pin = sqlite3_column_int(st, 5) != 0;
}

vb_code store_member_list(store *s, store_member *out, int cap, int *count, vb_err *err)
{
    static const char sql[] =
        "SELECT " MEMBER_COLUMNS " FROM member WHERE active = 1 ORDER BY name COLLATE NOCASE, id";
    *count = 0;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return err ? err->code : VB_ERR_INTERNAL;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*count < cap)
            read_member(st, &out[(*count)++]);
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? VB_OK : store_fail(s, err, rc, "list members");
}

static vb_code one_member(store *s, sqlite3_stmt *st, store_member *out, vb_err *err, const char *what)
{
    int rc = sqlite3_step(st);
    vb_code code = VB_OK;
    if (rc == SQLITE_ROW)
        read_member(st, out);
    else if (rc == SQLITE_DONE)
        code = vb_fail(err, VB_ERR_NOTFOUND, "%s: no such member", what);
    else
        code = store_fail(s, err, rc, what);
    sqlite3_reset(st);
    return code;
}

vb_code store_member_by_badge(store *s, const char *badge, store_member *out, vb_err *err)
{
    static const char sql[] = "SELECT " MEMBER_COLUMNS " FROM member WHERE badge = ? AND active = 1";
    if (!badge || !*badge)
        return vb_fail(err, VB_ERR_NOTFOUND, "empty badge");
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return err ? err->code : VB_ERR_INTERNAL;
    store_bind_text(st, 1, badge);
    return one_member(s, st, out, err, "find member by badge");
}

vb_code store_member_get(store *s, int64_t id, store_member *out, vb_err *err)
{
    static const char sql[] = "SELECT " MEMBER_COLUMNS " FROM member WHERE id = ?";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return err ? err->code : VB_ERR_INTERNAL;
    sqlite3_bind_int64(st, 1, id);
    return one_member(s, st, out, err, "read member");
}

/* ---- PINs ----------------------------------------------------------------- */

/* The lockout after the given number of wrong PINs in a row: none below
 * STORE_PIN_FREE_TRIES, then 30 s, 60 s, 120 s, ... up to an hour. */
static int64_t lock_seconds(int failed)
{
    if (failed < STORE_PIN_FREE_TRIES)
        return 0;
    int64_t secs = STORE_PIN_LOCK_FIRST_S;
    for (int i = STORE_PIN_FREE_TRIES; i < failed && secs < STORE_PIN_LOCK_MAX_S; i++)
        secs *= 2;
    return secs < STORE_PIN_LOCK_MAX_S ? secs : STORE_PIN_LOCK_MAX_S;
}

static vb_code hash_pin(const char *pin, char out[crypto_pwhash_STRBYTES], vb_err *err)
{
    unsigned long long ops;
    size_t mem;
    cost_limits(&ops, &mem);
    if (crypto_pwhash_str(out, pin, strlen(pin), ops, mem) != 0)
        return vb_fail(err, VB_ERR_NOMEM, "not enough memory to hash the PIN");
    return VB_OK;
}

typedef struct check_ctx {
    int64_t id;
    const char *pin;
    int64_t now_s;
    store_pin_result *result;
} check_ctx;

static vb_code record_attempt(store *s, int64_t id, int failed, int64_t locked_until, const char *new_hash,
                              vb_err *err)
{
    static const char sql[] =
        "UPDATE member SET failed_pins = ?, locked_until = ?, pin_hash = coalesce(?, pin_hash) WHERE id = ?";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return err ? err->code : VB_ERR_INTERNAL;
    sqlite3_bind_int(st, 1, failed);
    if (locked_until)
        sqlite3_bind_int64(st, 2, locked_until);
    else
        sqlite3_bind_null(st, 2);
    store_bind_text(st, 3, new_hash);
    sqlite3_bind_int64(st, 4, id);
    return store_step_done(s, st, err, "record PIN attempt");
}

static vb_code check_pin_tx(store *s, void *ctx, vb_err *err)
{
    static const char sql[] = "SELECT pin_hash, failed_pins, coalesce(locked_until, 0) FROM member"
                              " WHERE id = ? AND active = 1";
    check_ctx *c = ctx;
    store_pin_result *r = c->result;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return err ? err->code : VB_ERR_INTERNAL;
    sqlite3_bind_int64(st, 1, c->id);
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        sqlite3_reset(st);
        return rc == SQLITE_DONE ? vb_fail(err, VB_ERR_NOTFOUND, "no active member %lld", (long long)c->id)
                                 : store_fail(s, err, rc, "read PIN");
    }
    char hash[crypto_pwhash_STRBYTES] = "";
    const char *h = (const char *)sqlite3_column_text(st, 0);
    bool has_pin = h != NULL;
    if (h)
        utf8_copy(h, hash, sizeof hash);
    int failed = sqlite3_column_int(st, 1);
    int64_t locked_until = sqlite3_column_int64(st, 2);
    sqlite3_reset(st);

    r->failed = failed;
    r->locked_until = locked_until > c->now_s ? locked_until : 0;
    r->tries_left = failed < STORE_PIN_FREE_TRIES ? STORE_PIN_FREE_TRIES - failed : 0;
    if (!has_pin) {
        r->status = STORE_PIN_NONE;
        return VB_OK;
    }
    if (locked_until > c->now_s) {
        r->status = STORE_PIN_LOCKED;
        return VB_OK;
    }
    if (crypto_pwhash_str_verify(hash, c->pin, strlen(c->pin)) == 0) {
        r->status = STORE_PIN_OK;
        r->failed = 0;
        r->tries_left = STORE_PIN_FREE_TRIES;
        r->locked_until = 0;
        /* a hash made cheaper than today's cost (tests, older versions) is
         * made again at today's cost while the PIN is at hand */
        unsigned long long ops;
        size_t mem;
        cost_limits(&ops, &mem);
        char fresh[crypto_pwhash_STRBYTES];
        const char *new_hash = NULL;
        if (crypto_pwhash_str_needs_rehash(hash, ops, mem) == 1 && hash_pin(c->pin, fresh, NULL) == VB_OK)
            new_hash = fresh;
        vb_code code = VB_OK;
        if (failed != 0 || locked_until != 0 || new_hash)
            code = record_attempt(s, c->id, 0, 0, new_hash, err);
        sodium_memzero(fresh, sizeof fresh);
        return code;
    }
    failed++;
    int64_t lock = lock_seconds(failed);
    r->status = STORE_PIN_WRONG;
    r->failed = failed;
    r->tries_left = failed < STORE_PIN_FREE_TRIES ? STORE_PIN_FREE_TRIES - failed : 0;
    r->locked_until = lock ? c->now_s + lock : 0;
    return record_attempt(s, c->id, failed, r->locked_until, NULL, err);
}

vb_code store_member_check_pin(store *s, int64_t id, const char *pin, int64_t now_s, store_pin_result *result,
                               vb_err *err)
{
    memset(result, 0, sizeof *result);
    result->status = STORE_PIN_WRONG;
    vb_code code = sodium_ready(err);
    if (code != VB_OK)
        return code;
    check_ctx c = { id, pin ? pin : "", now_s, result };
    code = store_write(s, check_pin_tx, &c, err);
    if (code != VB_OK && result->status == STORE_PIN_OK)
        result->status = STORE_PIN_WRONG; /* not recorded: refused */
    return code;
}

typedef struct set_pin_ctx {
    int64_t id;
    const char *hash; /* NULL: remove the PIN */
} set_pin_ctx;

static vb_code set_pin_tx(store *s, void *ctx, vb_err *err)
{
    static const char sql[] = "UPDATE member SET pin_hash = ?, failed_pins = 0, locked_until = NULL WHERE id = ?";
    set_pin_ctx *c = ctx;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return err ? err->code : VB_ERR_INTERNAL;
    store_bind_text(st, 1, c->hash);
    sqlite3_bind_int64(st, 2, c->id);
    vb_code code = store_step_done(s, st, err, "set PIN");
    if (code == VB_OK && sqlite3_changes(s->db) == 0)
        code = vb_fail(err, VB_ERR_NOTFOUND, "no member %lld", (long long)c->id);
    return code;
}

vb_code store_member_set_pin(store *s, int64_t id, const char *pin, vb_err *err)
{
    set_pin_ctx c = { id, NULL };
    char hash[crypto_pwhash_STRBYTES];
    if (pin && *pin) {
        if (!store_pin_valid(pin))
            return vb_fail(err, VB_ERR_INVALID, "a PIN has %d to %d digits", STORE_PIN_MIN_DIGITS,
                           STORE_PIN_MAX_DIGITS);
        vb_code code = sodium_ready(err);
        if (code == VB_OK)
            code = hash_pin(pin, hash, err);
        if (code != VB_OK)
            return code;
        c.hash = hash;
    }
    return store_write(s, set_pin_tx, &c, err);
}

static vb_code lift_tx(store *s, void *ctx, vb_err *err)
{
    static const char sql[] = "UPDATE member SET failed_pins = 0, locked_until = NULL WHERE id = ?";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return err ? err->code : VB_ERR_INTERNAL;
    sqlite3_bind_int64(st, 1, *(const int64_t *)ctx);
    vb_code code = store_step_done(s, st, err, "lift PIN lockout");
    if (code == VB_OK && sqlite3_changes(s->db) == 0)
        code = vb_fail(err, VB_ERR_NOTFOUND, "no member %lld", (long long)*(const int64_t *)ctx);
    return code;
}

vb_code store_member_lift_lockout(store *s, int64_t id, vb_err *err)
{
    return store_write(s, lift_tx, &id, err);
}

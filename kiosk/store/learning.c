/* learning.c: learning points in the store (see store_learning.h): saving
 * with day, shift and next daily start worked out from the injected time,
 * random keys and receipt codes, paged browsing, "this happened to me too",
 * the receipt look-up, and the category and place chips. */
#include "store_calendar.h"
#include "store_internal.h"
#include "store_anon.h"
#include "store_learning.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "../core/agenda.h"
#include "../core/date.h"
#include "../core/utf8.h"

/* Random keys and codes: tries before a save gives up on collisions (with
 * 31^6 codes a second try is already rare). */
#define LP_SAVE_TRIES 8
/* Holidays are read this many days ahead (the agenda looks a year ahead). */
#define LP_WORKDAY_SEARCH 370

static lp_receipt_source receipt_source = receipt_generate;

void store_learning_set_receipt_source(lp_receipt_source fn)
{
    receipt_source = fn ? fn : receipt_generate;
}

static vb_code stmt_fail(vb_err *err)
{
    return err && err->code != VB_OK ? err->code : VB_ERR_INTERNAL;
}

/* ---- when: day, shift, next daily start --------------------------------- */

vb_code store_learning_when(store *s, int64_t now_s, char day_out[LP_DAY_SIZE], int64_t *shift_id,
                            char dagstart_out[LP_DAY_SIZE], vb_err *err)
{
    static const char shift_sql[] = "SELECT id, starts, ends FROM shift ORDER BY starts, id";
    vb_local now = vb_local_from_unix(now_s);
    int minute = now.hour * 60 + now.minute;
    vb_day day = now.day;
    *shift_id = 0;

    sqlite3_stmt *st = store_stmt(s, shift_sql, err);
    if (!st)
        return stmt_fail(err);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int starts = vb_hhmm_minutes((const char *)sqlite3_column_text(st, 1));
        int ends = vb_hhmm_minutes((const char *)sqlite3_column_text(st, 2));
        if (starts < 0 || ends < 0)
            continue;
        bool inside;
        bool evening_before = false;
        if (starts < ends) {
            inside = minute >= starts && minute < ends;
        } else if (starts > ends) { /* across midnight, e.g. 22:00-06:00 */
            inside = minute >= starts || minute < ends;
            evening_before = minute < ends;
        } else {
            inside = true; /* a 24-hour shift */
        }
        if (inside) {
            *shift_id = sqlite3_column_int64(st, 0);
            if (evening_before)
                day = vb_day_add(day, -1);
            break;
        }
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return store_fail(s, err, rc, "read shifts");

    /* The rule is the agenda's (core/calendar.h), so a learning point lands
     * on the daily start that will show it. */
    vb_calendar cal;
    calendar_init(&cal);
    vb_code code = store_calendar_load(s, vb_day_add(day, 1), vb_day_add(day, LP_WORKDAY_SEARCH), &cal, err);
    if (code == VB_OK) {
        vb_day_format(day, day_out);
        vb_day_format(calendar_next_working_day(&cal, day), dagstart_out);
    }
    calendar_free(&cal);
    return code;
}

/* ---- saving ---------------------------------------------------------------- */

static bool has_content(const char *t)
{
    for (; t && *t; t++)
        if (*t != ' ' && *t != '\n' && *t != '\t' && *t != '\r')
            return true;
    return false;
}

static vb_code check_text(const char *t, const char *what, vb_err *err)
{
    size_t len = strlen(t);
    if (!utf8_valid(t, len, true))
        return vb_fail(err, VB_ERR_INVALID, "%s is not valid text", what);
    if (utf8_count(t, len) > LP_TEXT_MAX_CHARS)
        return vb_fail(err, VB_ERR_INVALID, "%s is longer than %d characters", what, LP_TEXT_MAX_CHARS);
    return VB_OK;
}

static vb_code exists(store *s, const char *sql, int64_t id, bool *out, vb_err *err)
{
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return stmt_fail(err);
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return store_fail(s, err, rc, "check reference");
    *out = rc == SQLITE_ROW;
    return VB_OK;
}

struct save_ctx {
    const lp_new *in;
    int64_t now_s;
    lp_saved *out;
};

static vb_code save_write(store *s, void *ctx, vb_err *err)
{
    static const char category_sql[] = "SELECT 1 FROM category WHERE id = ? AND active = 1";
    static const char place_sql[] = "SELECT 1 FROM place WHERE id = ?";
    static const char member_sql[] = "SELECT 1 FROM member WHERE id = ? AND active = 1";
    static const char insert_sql[] =
        "INSERT INTO learning_point (id, receipt, day, shift_id, dagstart_day, category_id, place_id,"
        " what_happened, lesson, member_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    struct save_ctx *c = ctx;
    const lp_new *in = c->in;
    lp_saved *out = c->out;
    bool ok = false;
    vb_code code = exists(s, category_sql, in->category_id, &ok, err);
    if (code != VB_OK)
        return code;
    if (!ok)
        return vb_fail(err, VB_ERR_INVALID, "category %" PRId64 " does not exist or is not active", in->category_id);
    if (in->place_id) {
        if ((code = exists(s, place_sql, in->place_id, &ok, err)) != VB_OK)
            return code;
        if (!ok)
            return vb_fail(err, VB_ERR_INVALID, "place %" PRId64 " does not exist", in->place_id);
    }
    if (in->member_id) {
        if ((code = exists(s, member_sql, in->member_id, &ok, err)) != VB_OK)
            return code;
        if (!ok)
            return vb_fail(err, VB_ERR_INVALID, "member %" PRId64 " does not exist", in->member_id);
    }
    code = store_learning_when(s, c->now_s, out->day, &out->shift_id, out->dagstart_day, err);
    if (code != VB_OK)
        return code;

    for (int attempt = 0; attempt < LP_SAVE_TRIES; attempt++) {
        unsigned char key[8];
        if (!vb_random_bytes(key, sizeof key) || !receipt_source(out->receipt))
            return vb_fail(err, VB_ERR_INTERNAL, "no random numbers from the kernel");
        for (int i = 0; i < 8; i++)
            snprintf(out->id + 2 * i, 3, "%02x", key[i]);
        sqlite3_stmt *st = store_stmt(s, insert_sql, err);
        if (!st)
            return stmt_fail(err);
        sqlite3_bind_text(st, 1, out->id, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, out->receipt, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 3, out->day, -1, SQLITE_TRANSIENT);
        store_bind_id(st, 4, out->shift_id);
        sqlite3_bind_text(st, 5, out->dagstart_day, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(st, 6, in->category_id);
        store_bind_id(st, 7, in->place_id);
        sqlite3_bind_text(st, 8, in->what_happened, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 9, in->lesson, -1, SQLITE_TRANSIENT);
        store_bind_id(st, 10, in->member_id);
        int rc = sqlite3_step(st);
        if (rc == SQLITE_DONE) {
            sqlite3_reset(st);
            return VB_OK;
        }
        /* A failed statement is undone on its own; the transaction stays. */
        code = store_fail(s, err, rc, "save learning point");
        sqlite3_reset(st);
        /* The view's insert trigger says so for a key or code taken in the other file. */
        if (rc != SQLITE_CONSTRAINT_UNIQUE && rc != SQLITE_CONSTRAINT_PRIMARYKEY && rc != SQLITE_CONSTRAINT_TRIGGER)
            return code;
    }
    return vb_fail(err, VB_ERR_INTERNAL, "no free receipt code after %d tries", LP_SAVE_TRIES);
}

vb_code store_learning_save(store *s, const lp_new *in, int64_t now_s, lp_saved *out, vb_err *err)
{
    memset(out, 0, sizeof *out);
    if (in->category_id <= 0)
        return vb_fail(err, VB_ERR_INVALID, "no category chosen");
    const char *what = in->what_happened ? in->what_happened : "";
    const char *lesson = in->lesson ? in->lesson : "";
    vb_code code = check_text(what, "what happened", err);
    if (code == VB_OK)
        code = check_text(lesson, "what we learn", err);
    if (code != VB_OK)
        return code;
    if (!has_content(what) && !has_content(lesson))
        return vb_fail(err, VB_ERR_INVALID, "both texts are empty");
    lp_new copy = *in;
    copy.what_happened = what;
    copy.lesson = lesson;
    struct save_ctx c = { &copy, now_s, out };
    code = store_write(s, save_write, &c, err);
    if (code != VB_OK)
        memset(out, 0, sizeof *out);
    else if (in->member_id == 0)
        /* The point went to the anon file only (store_anon.h), whose -wal
         * holds nothing signed or timed; its date must not tell the time. */
        store_anon_hide_time(s, out->day);
    return code;
}

/* ---- reading ------------------------------------------------------------ */

/* The columns every row query selects, in the order read_row expects; ?1 is
 * the viewer for metoo_mine. */
#define LP_ROW_COLUMNS                                                                                        \
    "lp.id, lp.day, coalesce(sh.name, ''), lp.dagstart_day, c.id, c.code, coalesce(c.label, ''), c.icon,"     \
    " coalesce(p.name, ''), lp.what_happened, lp.lesson, coalesce(lp.discussed_day, ''),"                     \
    " coalesce(lp.feedback, ''), lp.hidden,"                                                                  \
    " (SELECT count(*) FROM action a WHERE a.learning_point_id = lp.id),"                                     \
    " (SELECT count(*) FROM learning_point_metoo m WHERE m.learning_point_id = lp.id),"                       \
    " EXISTS (SELECT 1 FROM learning_point_metoo m WHERE m.learning_point_id = lp.id AND m.member_id = ?1)"
#define LP_ROW_COLUMN_COUNT 17
#define LP_ROW_JOINS                                                                                          \
    " JOIN category c ON c.id = lp.category_id LEFT JOIN shift sh ON sh.id = lp.shift_id"                    \
    " LEFT JOIN place p ON p.id = lp.place_id"

static void read_row(sqlite3_stmt *st, lp_row *r)
{
    memset(r, 0, sizeof *r);
    store_col_text(st, 0, r->id, sizeof r->id);
    store_col_text(st, 1, r->day, sizeof r->day);
    store_col_text(st, 2, r->shift_name, sizeof r->shift_name);
    store_col_text(st, 3, r->dagstart_day, sizeof r->dagstart_day);
    r->category.id = sqlite3_column_int64(st, 4);
    store_col_text(st, 5, r->category.code, sizeof r->category.code);
    store_col_text(st, 6, r->category.label, sizeof r->category.label);
    store_col_text(st, 7, r->category.icon, sizeof r->category.icon);
    store_col_text(st, 8, r->place, sizeof r->place);
    store_col_text(st, 9, r->what_happened, sizeof r->what_happened);
    store_col_text(st, 10, r->lesson, sizeof r->lesson);
    store_col_text(st, 11, r->discussed_day, sizeof r->discussed_day);
    store_col_text(st, 12, r->feedback, sizeof r->feedback);
    r->hidden = sqlite3_column_int(st, 13) != 0;
    r->actions = sqlite3_column_int(st, 14);
    r->metoo = sqlite3_column_int(st, 15);
    r->metoo_mine = sqlite3_column_int(st, 16) != 0;
}

/* A page is picked first from the narrow columns, then joined: the
 * subqueries run for the rows shown only, never for skipped ones. The
 * 'day' range makes SQLite walk the (day, category_id) index in list order
 * and sort only inside a day. ?2 = how many, ?3 = offset, ?4 = category,
 * ?5 ?6 ?7 = the anchor's day, shift and id. */
#define LP_ORDER_DOWN "day DESC, coalesce(shift_id, 0) DESC, id"
#define LP_ORDER_UP "day, coalesce(shift_id, 0), id DESC"
#define LP_AFTER_ANCHOR                                                                                       \
    " AND day <= ?5 AND (day < ?5 OR (day = ?5 AND (coalesce(shift_id, 0) < ?6"                              \
    " OR (coalesce(shift_id, 0) = ?6 AND id > ?7))))"
#define LP_BEFORE_ANCHOR                                                                                      \
    " AND day >= ?5 AND (day > ?5 OR (day = ?5 AND (coalesce(shift_id, 0) > ?6"                              \
    " OR (coalesce(shift_id, 0) = ?6 AND id < ?7))))"
/* One half's candidates for the page (store_anon.h: each half on its own
 * index, then merged); limit is how many a page could take from it. */
#define LP_PAGE_HALF(rows, where, order, limit)                                                               \
    "SELECT * FROM (SELECT id, day, coalesce(shift_id, 0) AS sk FROM " rows " WHERE hidden = 0" where         \
    " ORDER BY " order " LIMIT " limit ")"
#define LP_PAGE_ROWS(rows) " FROM page JOIN " rows " lp ON lp.id = page.id" LP_ROW_JOINS
#define LP_PAGE_SQL(where, order, merged_order, offset, limit)                                                \
    "WITH page AS (SELECT id, day, sk FROM (" LP_PAGE_HALF(LP_SIGNED_ROWS, where, order, limit)               \
    " UNION ALL " LP_PAGE_HALF(LP_ANON_ROWS, where, order, limit) ") ORDER BY " merged_order " LIMIT ?2"      \
    offset ")"                                                                                                \
    " SELECT " LP_ROW_COLUMNS ", coalesce(lp.shift_id, 0), page.day, page.sk, page.id" LP_PAGE_ROWS(LP_SIGNED_ROWS) \
    " UNION ALL SELECT " LP_ROW_COLUMNS ", coalesce(lp.shift_id, 0), page.day, page.sk, page.id"              \
    LP_PAGE_ROWS(LP_ANON_ROWS) " ORDER BY 19 DESC, 20 DESC, 21"
#define LP_MERGED_DOWN "day DESC, sk DESC, id"
#define LP_MERGED_UP "day, sk, id DESC"

typedef enum lp_page_kind { LP_PAGE_OFFSET, LP_PAGE_OLDER, LP_PAGE_NEWER } lp_page_kind;

static vb_code list_page(store *s, lp_page_kind kind, int64_t category_id, int offset, const lp_row *anchor,
                         int max, int64_t viewer_id, lp_row *out, int *n, vb_err *err)
{
    static const char offset_all[] =
        LP_PAGE_SQL(" AND day <= '9999-12-31'", LP_ORDER_DOWN, LP_MERGED_DOWN, " OFFSET ?3", "?2 + ?3");
    static const char offset_cat[] = LP_PAGE_SQL(" AND category_id = ?4 AND day <= '9999-12-31'", LP_ORDER_DOWN,
                                                 LP_MERGED_DOWN, " OFFSET ?3", "?2 + ?3");
    static const char older_all[] = LP_PAGE_SQL(LP_AFTER_ANCHOR, LP_ORDER_DOWN, LP_MERGED_DOWN, "", "?2");
    static const char older_cat[] =
        LP_PAGE_SQL(" AND category_id = ?4" LP_AFTER_ANCHOR, LP_ORDER_DOWN, LP_MERGED_DOWN, "", "?2");
    static const char newer_all[] = LP_PAGE_SQL(LP_BEFORE_ANCHOR, LP_ORDER_UP, LP_MERGED_UP, "", "?2");
    static const char newer_cat[] =
        LP_PAGE_SQL(" AND category_id = ?4" LP_BEFORE_ANCHOR, LP_ORDER_UP, LP_MERGED_UP, "", "?2");
    const char *sql = kind == LP_PAGE_OFFSET ? (category_id ? offset_cat : offset_all)
                      : kind == LP_PAGE_OLDER ? (category_id ? older_cat : older_all)
                                              : (category_id ? newer_cat : newer_all);
    *n = 0;
    if (max <= 0)
        return VB_OK;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return stmt_fail(err);
    sqlite3_bind_int64(st, 1, viewer_id);
    sqlite3_bind_int(st, 2, max);
    if (kind == LP_PAGE_OFFSET)
        sqlite3_bind_int(st, 3, offset < 0 ? 0 : offset);
    if (category_id)
        sqlite3_bind_int64(st, 4, category_id);
    if (kind != LP_PAGE_OFFSET) {
        sqlite3_bind_text(st, 5, anchor->day, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(st, 6, anchor->shift_id);
        sqlite3_bind_text(st, 7, anchor->id, -1, SQLITE_TRANSIENT);
    }
    int rc = SQLITE_DONE;
    while (*n < max && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        lp_row *r = &out[(*n)++];
        read_row(st, r);
        r->shift_id = sqlite3_column_int64(st, LP_ROW_COLUMN_COUNT);
    }
    if (*n == max)
        rc = SQLITE_DONE;
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return store_fail(s, err, rc, "list learning points");
    return VB_OK;
}

vb_code store_learning_list(store *s, int64_t category_id, int offset, int max, int64_t viewer_id, lp_row *out,
                            int *n, vb_err *err)
{
    return list_page(s, LP_PAGE_OFFSET, category_id, offset, NULL, max, viewer_id, out, n, err);
}

vb_code store_learning_list_from(store *s, int64_t category_id, const lp_row *anchor, bool older, int max,
                                 int64_t viewer_id, lp_row *out, int *n, vb_err *err)
{
    if (!anchor)
        return list_page(s, LP_PAGE_OFFSET, category_id, 0, NULL, older ? max : 0, viewer_id, out, n, err);
    return list_page(s, older ? LP_PAGE_OLDER : LP_PAGE_NEWER, category_id, 0, anchor, max, viewer_id, out, n, err);
}

vb_code store_learning_count(store *s, int64_t category_id, int *out, vb_err *err)
{
    /* Per half (store_anon.h): all rows, less those a lead hid; both counts
     * run on indexes, without a lookup per row. */
#define LP_COUNT_HALF(table, cat)                                                                             \
    "(SELECT count(*) FROM " table " WHERE 1" cat ")"                                                         \
    " - (SELECT count(*) FROM main.learning_point_state t JOIN " table " x ON x.id = t.id"                   \
    " WHERE t.hidden <> 0" cat ")"
    static const char all_sql[] = "SELECT " LP_COUNT_HALF("main.learning_point_signed", "") " + "
                                  LP_COUNT_HALF("anon.learning_point_anon", "");
    static const char category_sql[] = "SELECT " LP_COUNT_HALF("main.learning_point_signed", " AND category_id = ?1")
                                       " + " LP_COUNT_HALF("anon.learning_point_anon", " AND category_id = ?1");
#undef LP_COUNT_HALF
    *out = 0;
    sqlite3_stmt *st = store_stmt(s, category_id ? category_sql : all_sql, err);
    if (!st)
        return stmt_fail(err);
    if (category_id)
        sqlite3_bind_int64(st, 1, category_id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *out = sqlite3_column_int(st, 0);
    sqlite3_reset(st);
    if (rc != SQLITE_ROW)
        return store_fail(s, err, rc, "count learning points");
    return VB_OK;
}

vb_code store_learning_get(store *s, const char *id, int64_t viewer_id, lp_row *out, vb_err *err)
{
    static const char sql[] =
        "SELECT " LP_ROW_COLUMNS ", coalesce(lp.shift_id, 0) FROM learning_point lp" LP_ROW_JOINS " WHERE lp.id = ?2";
    memset(out, 0, sizeof *out);
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return stmt_fail(err);
    sqlite3_bind_int64(st, 1, viewer_id);
    sqlite3_bind_text(st, 2, id, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        read_row(st, out);
        out->shift_id = sqlite3_column_int64(st, LP_ROW_COLUMN_COUNT);
    }
    sqlite3_reset(st);
    if (rc == SQLITE_DONE)
        return vb_fail(err, VB_ERR_NOTFOUND, "no learning point %s", id);
    if (rc != SQLITE_ROW)
        return store_fail(s, err, rc, "read learning point");
    return VB_OK;
}

/* ---- this happened to me too ---------------------------------------------- */

vb_code store_learning_metoo_count(store *s, const char *id, int *out, vb_err *err)
{
    static const char sql[] = "SELECT count(*) FROM learning_point_metoo WHERE learning_point_id = ?";
    *out = 0;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return stmt_fail(err);
    sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *out = sqlite3_column_int(st, 0);
    sqlite3_reset(st);
    if (rc != SQLITE_ROW)
        return store_fail(s, err, rc, "count me-too");
    return VB_OK;
}

struct metoo_ctx {
    const char *id;
    int64_t member_id;
    bool on;
};

static vb_code metoo_write(store *s, void *ctx, vb_err *err)
{
    static const char point_sql[] = "SELECT 1 FROM learning_point WHERE id = ?";
    static const char member_sql[] = "SELECT 1 FROM member WHERE id = ?";
    static const char add_sql[] =
        "INSERT INTO learning_point_metoo (learning_point_id, member_id) VALUES (?, ?) ON CONFLICT DO NOTHING";
    static const char remove_sql[] = "DELETE FROM learning_point_metoo WHERE learning_point_id = ? AND member_id = ?";
    struct metoo_ctx *c = ctx;
    sqlite3_stmt *st = store_stmt(s, point_sql, err);
    if (!st)
        return stmt_fail(err);
    sqlite3_bind_text(st, 1, c->id, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc == SQLITE_DONE)
        return vb_fail(err, VB_ERR_NOTFOUND, "no learning point %s", c->id);
    if (rc != SQLITE_ROW)
        return store_fail(s, err, rc, "find learning point");
    bool member = false;
    vb_code code = exists(s, member_sql, c->member_id, &member, err);
    if (code != VB_OK)
        return code;
    if (!member)
        return vb_fail(err, VB_ERR_NOTFOUND, "no member %" PRId64, c->member_id);
    st = store_stmt(s, c->on ? add_sql : remove_sql, err);
    if (!st)
        return stmt_fail(err);
    sqlite3_bind_text(st, 1, c->id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 2, c->member_id);
    return store_step_done(s, st, err, "mark me too");
}

vb_code store_learning_metoo_set(store *s, const char *id, int64_t member_id, bool on, int *count, vb_err *err)
{
    if (!id || member_id <= 0)
        return vb_fail(err, VB_ERR_INVALID, "me too needs a learning point and a member");
    struct metoo_ctx c = { id, member_id, on };
    vb_code code = store_write(s, metoo_write, &c, err);
    if (code == VB_OK && count)
        code = store_learning_metoo_count(s, id, count, err);
    return code;
}

/* ---- receipt look-up ---------------------------------------------------- */

vb_code store_learning_by_receipt(store *s, const char *typed, lp_receipt_view *out, vb_err *err)
{
    static const char point_sql[] = "SELECT id FROM learning_point WHERE receipt = ?";
    static const char actions_sql[] =
        "SELECT id, description, status, due_day FROM action WHERE learning_point_id = ?"
        " ORDER BY due_day, id LIMIT ?";
    memset(out, 0, sizeof *out);
    if (!receipt_normalize(typed, out->receipt))
        return vb_fail(err, VB_ERR_INVALID, "not a receipt code");
    sqlite3_stmt *st = store_stmt(s, point_sql, err);
    if (!st)
        return stmt_fail(err);
    sqlite3_bind_text(st, 1, out->receipt, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    char id[LP_ID_SIZE] = "";
    if (rc == SQLITE_ROW)
        store_col_text(st, 0, id, sizeof id);
    sqlite3_reset(st);
    if (rc == SQLITE_DONE)
        return vb_fail(err, VB_ERR_NOTFOUND, "no learning point with code %s", out->receipt);
    if (rc != SQLITE_ROW)
        return store_fail(s, err, rc, "find receipt");
    vb_code code = store_learning_get(s, id, 0, &out->point, err);
    if (code != VB_OK)
        return code;
    st = store_stmt(s, actions_sql, err);
    if (!st)
        return stmt_fail(err);
    sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 2, LP_MAX_ACTIONS);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && out->action_count < LP_MAX_ACTIONS) {
        lp_action *ac = &out->actions[out->action_count++];
        ac->id = sqlite3_column_int64(st, 0);
        store_col_text(st, 1, ac->description, sizeof ac->description);
        store_col_text(st, 2, ac->status, sizeof ac->status);
        store_col_text(st, 3, ac->due_day, sizeof ac->due_day);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return store_fail(s, err, rc, "read actions");
    return VB_OK;
}

/* ---- chips ------------------------------------------------------------------- */

vb_code store_learning_categories(store *s, lp_category *out, int max, int *n, vb_err *err)
{
    static const char sql[] =
        "SELECT id, code, coalesce(label, ''), icon FROM category WHERE active = 1 ORDER BY sort, id";
    *n = 0;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return stmt_fail(err);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < max) {
        lp_category *c = &out[(*n)++];
        c->id = sqlite3_column_int64(st, 0);
        store_col_text(st, 1, c->code, sizeof c->code);
        store_col_text(st, 2, c->label, sizeof c->label);
        store_col_text(st, 3, c->icon, sizeof c->icon);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return store_fail(s, err, rc, "read categories");
    return VB_OK;
}

vb_code store_learning_places(store *s, lp_place *out, int max, int *n, vb_err *err)
{
    static const char sql[] = "SELECT id, name FROM place WHERE active = 1 ORDER BY sort, id";
    *n = 0;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return stmt_fail(err);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < max) {
        lp_place *p = &out[(*n)++];
        p->id = sqlite3_column_int64(st, 0);
        store_col_text(st, 1, p->name, sizeof p->name);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return store_fail(s, err, rc, "read places");
    return VB_OK;
}

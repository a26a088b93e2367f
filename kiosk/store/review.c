/* review.c: the store's side of the monthly review and its export (see
 * store_review.h). Every query is bounded by the month: days as
 * 'YYYY-MM-DD' text for learning points and daily starts, local midnights
 * as unix seconds for timed rows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_calendar.h"
#include "store_internal.h"
#include "store_review.h"

/* The month as day texts (first, last) and unix seconds [start, end). */
typedef struct month_range {
    char first[11], last[11];
    int64_t start, end;
} month_range;

static month_range range_of(vb_month m)
{
    month_range r;
    vb_day_format(vb_month_first_day(m), r.first);
    vb_day_format(vb_month_last_day(m), r.last);
    r.start = vb_day_start_unix(vb_month_first_day(m));
    r.end = vb_day_start_unix(vb_month_first_day(vb_month_add(m, 1)));
    return r;
}

/* ?1, ?2: the month in unix seconds [start, end); ?3, ?4: its first and
 * last day. A statement may use any of them (binding an unused number is
 * harmless). */
static void bind_range(sqlite3_stmt *st, const month_range *r)
{
    sqlite3_bind_int64(st, 1, r->start);
    sqlite3_bind_int64(st, 2, r->end);
    sqlite3_bind_text(st, 3, r->first, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, r->last, -1, SQLITE_TRANSIENT);
}

static const char *col_text(sqlite3_stmt *st, int i)
{
    const char *t = (const char *)sqlite3_column_text(st, i);
    return t ? t : "";
}

/* ---- the review ------------------------------------------------------------ */

static void category_row(sqlite3_stmt *st, void *slot)
{
    review_category *c = slot;
    c->id = sqlite3_column_int64(st, 0);
    store_col_text(st, 1, c->code, sizeof c->code);
    store_col_text(st, 2, c->label, sizeof c->label);
    store_col_text(st, 3, c->icon, sizeof c->icon);
}

static void lp_count_row(sqlite3_stmt *st, void *slot)
{
    review_lp_count *c = slot;
    vb_day_parse(col_text(st, 0), &c->day);
    c->category_id = sqlite3_column_int64(st, 1);
    c->count = sqlite3_column_int(st, 2);
}

/* An idea's status now; a code the schema would not hold counts as new. */
static idea_status idea_state(const char *code)
{
    idea_status out = IDEA_NEW;
    idea_status_parse(code, &out);
    return out;
}

/* columns: id, created_at, first_feedback_at, status, hidden, vote_count, title */
static void idea_row(sqlite3_stmt *st, void *slot)
{
    review_idea *i = slot;
    i->id = sqlite3_column_int64(st, 0);
    i->created_at = sqlite3_column_int64(st, 1);
    i->first_feedback_at = sqlite3_column_int64(st, 2);
    i->state = idea_state(col_text(st, 3));
    i->hidden = sqlite3_column_int(st, 4) != 0;
    i->votes = sqlite3_column_int(st, 5);
    store_col_text(st, 6, i->title, sizeof i->title);
}

static void decision_row(sqlite3_stmt *st, void *slot)
{
    review_decision *d = slot;
    d->idea_id = sqlite3_column_int64(st, 0);
    d->at = sqlite3_column_int64(st, 1);
    d->adopted = sqlite3_column_int(st, 2) != 0;
}

static void action_row(sqlite3_stmt *st, void *slot)
{
    review_action *a = slot;
    a->id = sqlite3_column_int64(st, 0);
    vb_day_parse(col_text(st, 1), &a->due);
    a->created_at = sqlite3_column_int64(st, 2);
    a->closed_at = sqlite3_column_int64(st, 3);
    a->done = sqlite3_column_int(st, 4) != 0;
    store_col_text(st, 5, a->description, sizeof a->description);
    store_col_text(st, 6, a->owner, sizeof a->owner);
}

static void dagstart_row(sqlite3_stmt *st, void *slot)
{
    review_dagstart *d = slot;
    vb_day_parse(col_text(st, 0), &d->day);
    d->held = sqlite3_column_int(st, 1) != 0;
}

vb_code store_review_load(store *s, vb_month month, vb_day today, store_review_data *out, vb_err *err)
{
    static const char categories_sql[] =
        "SELECT id, code, coalesce(label, ''), icon FROM category ORDER BY sort, id";
    /* Each half (store/store_anon.h) counted on its own (day, category_id) index. */
    static const char lp_sql[] =
        "SELECT day, category_id, sum(n) FROM ("
        "SELECT day, category_id, count(*) AS n FROM main.learning_point_signed WHERE day BETWEEN ?3 AND ?4"
        " GROUP BY day, category_id UNION ALL "
        "SELECT day, category_id, count(*) AS n FROM anon.learning_point_anon WHERE day BETWEEN ?3 AND ?4"
        " GROUP BY day, category_id) GROUP BY day, category_id";
    /* Submitted in the month, first answered in it (or after it: then it
     * was still waiting at its end), or still waiting now. */
    /* As three parts that do not overlap (submitted in the month; before it
     * and answered since its start; before it and still waiting), each read
     * from a covering index of db/0004 without touching the idea rows. */
#define REVIEW_IDEA_COLS "SELECT id, created_at, coalesce(first_feedback_at, 0), status, hidden, vote_count, '' FROM idea"
    static const char ideas_sql[] =
        REVIEW_IDEA_COLS " WHERE created_at >= ?1 AND created_at < ?2 UNION ALL "
        REVIEW_IDEA_COLS " WHERE first_feedback_at >= ?1 AND created_at < ?1 UNION ALL "
        REVIEW_IDEA_COLS " WHERE first_feedback_at IS NULL AND status IN ('new', 'review', 'trial') AND created_at < ?1";
#undef REVIEW_IDEA_COLS
    static const char decisions_sql[] =
        "SELECT idea_id, at, to_status = 'adopted' FROM idea_history"
        " WHERE at >= ?1 AND at < ?2 AND to_status IN ('adopted', 'declined')"
        " ORDER BY at, id";
    static const char top_sql[] =
        "SELECT id, created_at, coalesce(first_feedback_at, 0), status, hidden, vote_count, title FROM idea"
        " WHERE hidden = 0 AND status IN ('new', 'review', 'trial') ORDER BY vote_count DESC, id LIMIT ?1";
    static const char actions_sql[] =
        "SELECT a.id, a.due_day, a.created_at, coalesce(a.closed_at, 0), a.status = 'done', a.description,"
        " coalesce(m.name, '') FROM action a LEFT JOIN member m ON m.id = a.owner_id"
        " WHERE +a.created_at < ?2 AND (a.closed_at IS NULL OR a.closed_at >= ?1)"
        " ORDER BY a.id";
    static const char dagstarts_sql[] =
        "SELECT day, ended_at IS NOT NULL FROM dagstart WHERE day BETWEEN ?3 AND ?4 ORDER BY day";

    memset(out, 0, sizeof *out);
    month_range r = range_of(month);
    review_input *in = &out->in;
    in->month = month;
    in->today = vb_day_add(today, 0);
    vb_code rc = store_calendar_load(s, vb_month_first_day(month), vb_month_last_day(month), &out->in.cal, err);

    struct {
        const char *sql;
        void **arr;
        int *count;
        size_t elem;
        store_row_fn row;
        const char *what;
    } parts[] = {
        { categories_sql, (void **)&out->categories, &in->category_count, sizeof(review_category), category_row,
          "categories" },
        { lp_sql, (void **)&out->lp_counts, &in->lp_count_count, sizeof(review_lp_count), lp_count_row,
          "learning point counts" },
        { ideas_sql, (void **)&out->ideas, &in->idea_count, sizeof(review_idea), idea_row, "ideas" },
        { decisions_sql, (void **)&out->decisions, &in->decision_count, sizeof(review_decision), decision_row,
          "idea decisions" },
        { top_sql, (void **)&out->open_ideas, &in->open_idea_count, sizeof(review_idea), idea_row,
          "top-voted ideas" },
        { actions_sql, (void **)&out->actions, &in->action_count, sizeof(review_action), action_row, "actions" },
        { dagstarts_sql, (void **)&out->dagstarts, &in->dagstart_count, sizeof(review_dagstart), dagstart_row,
          "daily starts" },
    };
    for (size_t i = 0; i < sizeof parts / sizeof parts[0] && rc == VB_OK; i++) {
        sqlite3_stmt *st = store_stmt(s, parts[i].sql, err);
        if (!st) {
            rc = err ? err->code : VB_ERR_INTERNAL;
            break;
        }
        if (parts[i].sql == categories_sql) {
            /* no parameters */
        } else if (parts[i].sql == top_sql) {
            sqlite3_bind_int(st, 1, REVIEW_TOP_IDEAS);
        } else {
            bind_range(st, &r);
        }
        rc = store_collect(s, st, parts[i].arr, parts[i].count, parts[i].elem, parts[i].row, err, parts[i].what);
    }
    in->categories = out->categories;
    in->lp_counts = out->lp_counts;
    in->ideas = out->ideas;
    in->decisions = out->decisions;
    in->open_ideas = out->open_ideas;
    in->actions = out->actions;
    in->dagstarts = out->dagstarts;
    return rc;
}

void store_review_free(store_review_data *d)
{
    free(d->categories);
    free(d->lp_counts);
    free(d->ideas);
    free(d->decisions);
    free(d->open_ideas);
    free(d->actions);
    free(d->dagstarts);
    calendar_free(&d->in.cal);
    memset(d, 0, sizeof *d);
}

/* ---- the export ----------------------------------------------------------- */

/* Steps st (bound) to the end, calling each(st) per row until it fails. */
typedef vb_code (*each_fn)(sqlite3_stmt *st, void *ctx, vb_err *err);
static vb_code each_row(store *s, sqlite3_stmt *st, each_fn each, void *ctx, vb_err *err, const char *what)
{
    int rc;
    vb_code code = VB_OK;
    while (code == VB_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
        code = each(st, ctx, err);
    if (code == VB_OK && rc != SQLITE_DONE)
        code = store_fail(s, err, rc, what);
    sqlite3_reset(st);
    return code;
}

struct lp_ctx {
    store_export_lp_fn fn;
    void *ctx;
};

static vb_code lp_each(sqlite3_stmt *st, void *ctx, vb_err *err)
{
    struct lp_ctx *c = ctx;
    store_export_lp row = {
        .day = col_text(st, 0),
        .shift = col_text(st, 1),
        .category_code = col_text(st, 2),
        .category_label = col_text(st, 3),
        .place = col_text(st, 4),
        .what_happened = col_text(st, 5),
        .lesson = col_text(st, 6),
        .discussed_day = col_text(st, 7),
        .feedback = col_text(st, 8),
        .member_name = col_text(st, 9),
        .metoo = sqlite3_column_int(st, 10),
        .hidden = sqlite3_column_int(st, 11) != 0,
    };
    return c->fn(c->ctx, &row, err);
}

vb_code store_review_export_lps(store *s, vb_month month, store_export_lp_fn fn, void *ctx, vb_err *err)
{
    /* The name only when the point is signed (member_id set), and the sort
     * uses nothing that carries time finer than the day. */
    static const char sql[] =
        "SELECT lp.day, coalesce(sh.name, ''), c.code, coalesce(c.label, ''), coalesce(p.name, ''),"
        " lp.what_happened, lp.lesson, coalesce(lp.discussed_day, ''), coalesce(lp.feedback, ''),"
        " CASE WHEN lp.member_id IS NULL THEN '' ELSE coalesce(m.name, '') END,"
        " (SELECT count(*) FROM learning_point_metoo t WHERE t.learning_point_id = lp.id), lp.hidden"
        " FROM learning_point lp JOIN category c ON c.id = lp.category_id"
        " LEFT JOIN shift sh ON sh.id = lp.shift_id LEFT JOIN place p ON p.id = lp.place_id"
        " LEFT JOIN member m ON m.id = lp.member_id"
        " WHERE lp.day BETWEEN ?3 AND ?4"
        " ORDER BY lp.day, c.sort, c.id, lp.what_happened, lp.lesson, coalesce(p.name, ''),"
        " coalesce(sh.name, ''), lp.hidden, (lp.member_id IS NULL), coalesce(m.name, '')";
    STORE_STMT_OR_RETURN(st, s, sql, err);
    month_range r = range_of(month);
    bind_range(st, &r);
    struct lp_ctx c = { fn, ctx };
    return each_row(s, st, lp_each, &c, err, "export learning points");
}

struct idea_ctx {
    store_export_idea_fn fn;
    void *ctx;
};

static vb_code idea_each(sqlite3_stmt *st, void *ctx, vb_err *err)
{
    struct idea_ctx *c = ctx;
    store_export_idea row = {
        .id = sqlite3_column_int64(st, 0),
        .created_at = sqlite3_column_int64(st, 1),
        .title = col_text(st, 2),
        .description = col_text(st, 3),
        .category_code = col_text(st, 4),
        .category_label = col_text(st, 5),
        .status = col_text(st, 6),
        .votes = sqlite3_column_int(st, 7),
        .member_name = col_text(st, 8),
        .first_feedback_at = sqlite3_column_int64(st, 9),
        .feedback = col_text(st, 10),
        .status_changed_at = sqlite3_column_int64(st, 11),
        .hidden = sqlite3_column_int(st, 12) != 0,
        .merged_into = sqlite3_column_int64(st, 13),
    };
    return c->fn(c->ctx, &row, err);
}

vb_code store_review_export_ideas(store *s, vb_month month, store_export_idea_fn fn, void *ctx, vb_err *err)
{
    static const char sql[] =
        "SELECT i.id, i.created_at, i.title, i.description, c.code, coalesce(c.label, ''), i.status,"
        " i.vote_count, CASE WHEN i.member_id IS NULL THEN '' ELSE coalesce(m.name, '') END,"
        " coalesce(i.first_feedback_at, 0), coalesce(i.feedback, ''), i.status_changed_at, i.hidden,"
        " coalesce(i.merged_into, 0)"
        " FROM idea i JOIN category c ON c.id = i.category_id LEFT JOIN member m ON m.id = i.member_id"
        " WHERE ((i.created_at >= ?1 AND i.created_at < ?2)"
        "  OR EXISTS (SELECT 1 FROM idea_history h WHERE h.idea_id = i.id AND h.at >= ?1 AND h.at < ?2))"
        " ORDER BY i.created_at, i.id";
    STORE_STMT_OR_RETURN(st, s, sql, err);
    month_range r = range_of(month);
    bind_range(st, &r);
    struct idea_ctx c = { fn, ctx };
    return each_row(s, st, idea_each, &c, err, "export ideas");
}

struct action_ctx {
    store_export_action_fn fn;
    void *ctx;
};

static vb_code action_each(sqlite3_stmt *st, void *ctx, vb_err *err)
{
    struct action_ctx *c = ctx;
    store_export_action row = {
        .id = sqlite3_column_int64(st, 0),
        .description = col_text(st, 1),
        .owner = col_text(st, 2),
        .created_at = sqlite3_column_int64(st, 3),
        .due_day = col_text(st, 4),
        .status = col_text(st, 5),
        .closed_at = sqlite3_column_int64(st, 6),
        .note = col_text(st, 7),
        .origin = col_text(st, 8),
        .idea_id = sqlite3_column_int64(st, 9),
    };
    return c->fn(c->ctx, &row, err);
}

vb_code store_review_export_actions(store *s, vb_month month, store_export_action_fn fn, void *ctx,
                                    vb_err *err)
{
    static const char sql[] =
        "SELECT a.id, a.description, coalesce(m.name, ''), a.created_at, a.due_day, a.status,"
        " coalesce(a.closed_at, 0), coalesce(a.note, ''), a.origin, coalesce(a.idea_id, 0)"
        " FROM action a LEFT JOIN member m ON m.id = a.owner_id"
        " WHERE a.created_at < ?2 AND (a.closed_at IS NULL OR a.closed_at >= ?1)"
        " ORDER BY a.created_at, a.id";
    STORE_STMT_OR_RETURN(st, s, sql, err);
    month_range r = range_of(month);
    bind_range(st, &r);
    struct action_ctx c = { fn, ctx };
    return each_row(s, st, action_each, &c, err, "export actions");
}

struct dagstart_ctx {
    store_export_dagstart_fn fn;
    void *ctx;
};

static vb_code dagstart_each(sqlite3_stmt *st, void *ctx, vb_err *err)
{
    struct dagstart_ctx *c = ctx;
    store_export_dagstart row = {
        .day = col_text(st, 0),
        .started_at = sqlite3_column_int64(st, 1),
        .ended_at = sqlite3_column_int64(st, 2),
        .lead = col_text(st, 3),
        .present = sqlite3_column_int(st, 4),
        .absent = sqlite3_column_int(st, 5),
        .present_names = col_text(st, 6),
        .items_discussed = sqlite3_column_int(st, 7),
        .notes = col_text(st, 8),
    };
    return c->fn(c->ctx, &row, err);
}

vb_code store_review_export_dagstarts(store *s, vb_month month, store_export_dagstart_fn fn, void *ctx,
                                      vb_err *err)
{
    static const char sql[] =
        "SELECT d.day, d.started_at, coalesce(d.ended_at, 0), coalesce(l.name, ''),"
        " (SELECT count(*) FROM dagstart_presence p WHERE p.dagstart_id = d.id AND p.present = 1),"
        " (SELECT count(*) FROM dagstart_presence p WHERE p.dagstart_id = d.id AND p.present = 0),"
        " coalesce((SELECT group_concat(name, ', ') FROM (SELECT m.name AS name FROM dagstart_presence p"
        "   JOIN member m ON m.id = p.member_id WHERE p.dagstart_id = d.id AND p.present = 1 ORDER BY m.name)),"
        "  ''),"
        " (SELECT count(*) FROM dagstart_item i WHERE i.dagstart_id = d.id AND i.discussed = 1), d.notes"
        " FROM dagstart d LEFT JOIN member l ON l.id = d.lead_id"
        " WHERE d.day BETWEEN ?3 AND ?4 ORDER BY d.day";
    STORE_STMT_OR_RETURN(st, s, sql, err);
    month_range r = range_of(month);
    bind_range(st, &r);
    struct dagstart_ctx c = { fn, ctx };
    return each_row(s, st, dagstart_each, &c, err, "export daily starts");
}

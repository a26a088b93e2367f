/* store_review.h: what the monthly review and its CSV export read from the
 * database for one month. store_review_load() fills a review_input (core/
 * review.h) that review_compute() turns into figures; the export functions
 * hand every row of a month to a callback, in an order that never places an
 * anonymous learning point in time. Read-only: works on a store opened with
 * STORE_READONLY. Fast on large databases: learning points are counted per
 * day and category in SQL over the index (day, category_id), never loaded
 * one by one (100,000 rows: see tests/test_review.c). */
#ifndef VB_STORE_REVIEW_H
#define VB_STORE_REVIEW_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/review.h"
#include "store.h"

/* ---- the review ------------------------------------------------------------ */

/* What store_review_load() allocates (the arrays review_input points to). */
typedef struct store_review_data {
    review_input in;
    review_category *categories;
    review_lp_count *lp_counts;
    review_idea *ideas;
    review_decision *decisions;
    review_idea *open_ideas;
    review_action *actions;
    review_dagstart *dagstarts;
} store_review_data;

/* Loads month's data for the review, counted up to today: categories (all,
 * in their order), learning points counted per day and category, the ideas
 * submitted or first answered in the month and those still waiting at its
 * end, the moves to adopted / not adopted in the month, the most-voted open
 * ideas (now), the actions that existed during the month, the daily starts,
 * and the working-day calendar (working_days setting and holidays). Free
 * with store_review_free() (also after a failure). */
vb_code store_review_load(store *s, vb_month month, vb_day today, store_review_data *out, vb_err *err);
void store_review_free(store_review_data *d);


/* ---- the export ----------------------------------------------------------- *
 * Each function calls fn once per row of the month, stopping at the first
 * error fn returns. Texts are never NULL ("" when not set). */

typedef struct store_export_lp {
    const char *day;            /* YYYY-MM-DD */
    const char *shift;          /* shift name, "" when none */
    const char *category_code;
    const char *category_label; /* the lead's name, "" = the default name of the code */
    const char *place;
    const char *what_happened;
    const char *lesson;
    const char *discussed_day;  /* "" when not discussed yet */
    const char *feedback;
    const char *member_name;    /* "" for an anonymous learning point, always */
    int metoo;
    bool hidden;
} store_export_lp;

/* Learning points of the month sorted by day, category (in its order), what
 * happened, what we learn, place: never by key, and nothing finer than the
 * day and the shift, so that no order or column places an anonymous point
 * among others in time. */
typedef vb_code (*store_export_lp_fn)(void *ctx, const store_export_lp *row, vb_err *err);
vb_code store_review_export_lps(store *s, vb_month month, store_export_lp_fn fn, void *ctx, vb_err *err);

typedef struct store_export_idea {
    int64_t id;
    int64_t created_at;
    const char *title;
    const char *description;
    const char *category_code;
    const char *category_label;
    const char *status;          /* as stored: new, review, trial, adopted, declined, duplicate */
    int votes;
    const char *member_name;     /* "" when anonymous */
    int64_t first_feedback_at;   /* 0 = none */
    const char *feedback;        /* the latest feedback, "" when none */
    int64_t status_changed_at;
    bool hidden;
    int64_t merged_into;         /* 0 unless a duplicate */
} store_export_idea;

/* Ideas submitted in the month or moved in it, oldest first. */
typedef vb_code (*store_export_idea_fn)(void *ctx, const store_export_idea *row, vb_err *err);
vb_code store_review_export_ideas(store *s, vb_month month, store_export_idea_fn fn, void *ctx, vb_err *err);

typedef struct store_export_action {
    int64_t id;
    const char *description;
    const char *owner;
    int64_t created_at;
    const char *due_day;         /* YYYY-MM-DD */
    const char *status;          /* open, done, dropped */
    int64_t closed_at;           /* 0 = open */
    const char *note;
    const char *origin;          /* learning_point, idea, dagstart */
    int64_t idea_id;             /* 0 unless from an idea */
} store_export_action;

/* Actions that existed during the month (created before its end and not
 * closed before its start), oldest first. */
typedef vb_code (*store_export_action_fn)(void *ctx, const store_export_action *row, vb_err *err);
vb_code store_review_export_actions(store *s, vb_month month, store_export_action_fn fn, void *ctx,
                                    vb_err *err);

typedef struct store_export_dagstart {
    const char *day;
    int64_t started_at;
    int64_t ended_at;            /* 0 = not closed */
    const char *lead;            /* "" when unknown */
    int present, absent;
    const char *present_names;   /* "Henk de Vries, Linda Visser" */
    int items_discussed;
    const char *notes;
} store_export_dagstart;

/* Daily starts of the month, by day. */
typedef vb_code (*store_export_dagstart_fn)(void *ctx, const store_export_dagstart *row, vb_err *err);
vb_code store_review_export_dagstarts(store *s, vb_month month, store_export_dagstart_fn fn, void *ctx,
                                      vb_err *err);

#endif

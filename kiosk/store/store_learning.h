/* store_learning.h: learning points (leerpunten) in the store: saving one
 * (anonymous by default), browsing them page by page, "this happened to me
 * too", following one by its receipt code, and the category and place lists
 * the form offers as chips.
 *
 * Anonymity is a property of the data, not of the screens: an anonymous
 * learning point stores no member and no time finer than its day and shift
 * (plus the daily start it belongs to); its key is 16 random hex characters,
 * the table has no rowid, and lists order rows within a shift by that random
 * key, so neither a column, nor the key, nor the row order places it among
 * entries that carry times. tests/test_learning.c proves it. */
#ifndef VB_STORE_LEARNING_H
#define VB_STORE_LEARNING_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/limits.h"
#include "../core/receipt.h"
#include "store.h"

/* Byte sizes of the text buffers below; the limits are core/limits.h's. */
#define LP_TEXT_SIZE VB_TEXT_SIZE(LP_TEXT_MAX_CHARS)
#define LP_FEEDBACK_SIZE VB_TEXT_SIZE(LP_FEEDBACK_MAX_CHARS)
#define LP_NAME_SIZE VB_TEXT_SIZE(STORE_PLACE_NAME_MAX) /* category labels, places, shifts */
#define LP_CODE_SIZE (CATEGORY_CODE_MAX + 1)          /* category code and icon name (ASCII) */
#define LP_ID_SIZE (LP_ID_LEN + 1)
#define LP_DAY_SIZE 11            /* "YYYY-MM-DD" */
#define LP_MAX_ACTIONS 8          /* actions shown for one learning point */

/* A category chip: code ('quality', ...), the lead's label or "" for the
 * translated default name, and an icon name; core/category.h turns them
 * into the name and pictogram to show. */
typedef struct lp_category {
    int64_t id;
    char code[LP_CODE_SIZE];
    char label[LP_NAME_SIZE];
    char icon[LP_CODE_SIZE];
} lp_category;

typedef struct lp_place {
    int64_t id;
    char name[LP_NAME_SIZE];
} lp_place;

/* What the form hands over. Texts are trimmed UTF-8 (either may be "", not
 * both); place_id 0 = not given; member_id 0 = anonymous. */
typedef struct lp_new {
    int64_t category_id;
    int64_t place_id;
    const char *what_happened;
    const char *lesson;
    int64_t member_id;
} lp_new;

/* What a save produced. */
typedef struct lp_saved {
    char id[LP_ID_SIZE];
    char receipt[RECEIPT_SIZE];
    char day[LP_DAY_SIZE];
    int64_t shift_id; /* 0 = no shift contains the moment */
    char dagstart_day[LP_DAY_SIZE];
} lp_saved;

/* One learning point as lists and the receipt look-up show it. */
typedef struct lp_row {
    char id[LP_ID_SIZE];
    char day[LP_DAY_SIZE];
    int64_t shift_id;               /* 0 = none (the list's sort key) */
    char shift_name[LP_NAME_SIZE];  /* "" when none */
    char dagstart_day[LP_DAY_SIZE];
    lp_category category;
    char place[LP_NAME_SIZE];       /* "" when none */
    char what_happened[LP_TEXT_SIZE];
    char lesson[LP_TEXT_SIZE];
    char discussed_day[LP_DAY_SIZE];/* "" when not discussed yet */
    char feedback[LP_FEEDBACK_SIZE];/* "" when none */
    bool hidden;                    /* taken off the lists by the lead */
    int actions;                    /* actions that came from it */
    int metoo;                      /* "this happened to me too" count */
    bool metoo_mine;                /* the viewer said so */
} lp_row;

typedef struct lp_action {
    int64_t id;
    char description[LP_TEXT_SIZE];
    char status[8];                 /* 'open', 'done', 'dropped' */
    char due_day[LP_DAY_SIZE];
} lp_action;

/* What the receipt look-up shows: the point and what came of it. */
typedef struct lp_receipt_view {
    char receipt[RECEIPT_SIZE];     /* canonical "XXX-XXX" */
    lp_row point;
    lp_action actions[LP_MAX_ACTIONS];
    int action_count;               /* shown; point.actions is the total */
} lp_receipt_view;

/* Saves a learning point in one write transaction. Day and shift come from
 * now_s (local time; the shift whose times contain the moment, from the
 * 'shift' table; a moment after midnight in a shift that began the evening
 * before belongs to that evening's day). dagstart_day is the next daily
 * start: the first working day after the day (the 'working_days' setting,
 * ISO digits 1 = Monday .. 7 = Sunday, default "12345"), skipping rows of
 * 'holiday'. The id is 16 random hex characters, the receipt a random code
 * (receipt.h), both drawn again on the rare UNIQUE collision. Nothing finer
 * than day and shift is stored, for signed points neither.
 * VB_ERR_INVALID: no category, both texts empty, text too long or not valid
 * UTF-8. VB_ERR_BUSY / FULL / READONLY / IO: nothing was stored. */
vb_code store_learning_save(store *s, const lp_new *in, int64_t now_s, lp_saved *out, vb_err *err);

/* The day, shift and daily start a moment belongs to, as a save computes
 * them (day and dagstart_day "YYYY-MM-DD", shift_id 0 when none). */
vb_code store_learning_when(store *s, int64_t now_s, char day[LP_DAY_SIZE], int64_t *shift_id,
                            char dagstart_day[LP_DAY_SIZE], vb_err *err);

/* Browsing, recent first: day descending, then shift descending, then the
 * random id (so order inside a shift says nothing about who came first).
 * Hidden points are left out. category_id 0 = all. viewer_id fills
 * metoo_mine (0 = nobody). Fills up to max rows; *n is how many.
 * store_learning_list starts at a row number (LIMIT/OFFSET: the cost grows
 * with the offset, about 0.1 s at 100,000 on a PC); store_learning_list_from
 * continues from a row already shown (keyset: the same cost at any depth):
 * the max rows after it (older) or the max rows before it (newer), both in
 * list order; anchor NULL = from the top. */
vb_code store_learning_list(store *s, int64_t category_id, int offset, int max, int64_t viewer_id, lp_row *out,
                            int *n, vb_err *err);
vb_code store_learning_list_from(store *s, int64_t category_id, const lp_row *anchor, bool older, int max,
                                 int64_t viewer_id, lp_row *out, int *n, vb_err *err);
/* How many points store_learning_list would go through. */
vb_code store_learning_count(store *s, int64_t category_id, int *out, vb_err *err);
/* One point by id (also a hidden one); VB_ERR_NOTFOUND when unknown. */
vb_code store_learning_get(store *s, const char *id, int64_t viewer_id, lp_row *out, vb_err *err);

/* "This happened to me too": sets or takes back the member's one mark on a
 * point (setting twice stays one). *count, when not NULL, is the new total.
 * VB_ERR_NOTFOUND when the point or member does not exist. */
vb_code store_learning_metoo_set(store *s, const char *id, int64_t member_id, bool on, int *count, vb_err *err);
vb_code store_learning_metoo_count(store *s, const char *id, int *out, vb_err *err);

/* Follows a receipt code as typed (any case, with or without the dash,
 * spaces around). VB_ERR_INVALID when it cannot be a code, VB_ERR_NOTFOUND
 * when no learning point has it. */
vb_code store_learning_by_receipt(store *s, const char *typed, lp_receipt_view *out, vb_err *err);

/* Active categories and places, sorted as the lead set them (sort, then
 * id). Fill up to max; *n is how many. */
vb_code store_learning_categories(store *s, lp_category *out, int max, int *n, vb_err *err);
vb_code store_learning_places(store *s, lp_place *out, int max, int *n, vb_err *err);

/* Test seam: where receipt codes come from (receipt_generate by default;
 * NULL restores it). Lets tests force a collision. */
typedef bool (*lp_receipt_source)(char out[RECEIPT_SIZE]);
void store_learning_set_receipt_source(lp_receipt_source fn);

#endif

/* store_actions.h: improvement actions (verbeteracties). An action has an
 * owner from the roster, a due day, a status (open, done, dropped with a
 * reason) and an origin: a learning point, an idea, or the daily start
 * itself. The owner marks it done with a short note; a lead can mark any
 * action done or drop it. Lead actions are audited. */
#ifndef VB_STORE_ACTIONS_H
#define VB_STORE_ACTIONS_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/limits.h"
#include "store.h"


typedef enum store_action_status { ACTION_OPEN, ACTION_DONE, ACTION_DROPPED } store_action_status;
typedef enum store_action_origin {
    ACTION_FROM_LEARNING_POINT,
    ACTION_FROM_IDEA,
    ACTION_FROM_DAGSTART
} store_action_origin;

typedef struct store_action {
    int64_t id;
    char description[VB_TEXT_SIZE(ACTION_TEXT_MAX)];
    int64_t owner_id;
    char owner_name[VB_TEXT_SIZE(ROSTER_NAME_MAX)];
    char due_day[11];
    store_action_status status;
    char note[VB_TEXT_SIZE(ACTION_TEXT_MAX)]; /* done: optional note; dropped: the reason */
    store_action_origin origin;
    char learning_point_id[LP_ID_LEN + 1];        /* "" unless from a learning point */
    int64_t idea_id;                   /* 0 unless from an idea */
    char origin_text[VB_TEXT_SIZE(IDEA_TITLE_MAX)];             /* the idea's title or the learning point's text, for context */
    int64_t created_at, closed_at;     /* closed_at 0 while open */
} store_action;

typedef struct store_action_new {
    const char *description;       /* 1..200 characters */
    int64_t owner_id;              /* an active member */
    const char *due_day;           /* 'YYYY-MM-DD' */
    store_action_origin origin;
    const char *learning_point_id; /* ACTION_FROM_LEARNING_POINT */
    int64_t idea_id;               /* ACTION_FROM_IDEA */
} store_action_new;

/* Adds an action made by lead_id (audited). */
vb_code store_action_add(store *s, const store_action_new *n, int64_t lead_id, int64_t now_s, int64_t *out_id,
                         vb_err *err);

/* Marks an open action done, by its owner (member_id) or by a lead
 * (lead_id, audited). note may be NULL or blank. VB_ERR_INVALID when the
 * action is not open any more (a second tap) or the person may not. */
vb_code store_action_mark_done(store *s, int64_t id, int64_t member_id, int64_t lead_id, const char *note,
                               int64_t now_s, vb_err *err);
/* Drops an open action with a reason (a lead only; audited). */
vb_code store_action_drop(store *s, int64_t id, int64_t lead_id, const char *reason, int64_t now_s, vb_err *err);

typedef enum store_action_filter {
    ACTIONS_OPEN,    /* open, soonest due first */
    ACTIONS_OVERDUE, /* open and due before today */
    ACTIONS_CLOSED,  /* done or dropped, latest first */
    ACTIONS_ALL      /* open first (soonest due), then closed (latest first) */
} store_action_filter;

/* Lists actions of owner_id (0: everyone). today ('YYYY-MM-DD') decides
 * what is overdue. At most limit rows (<= 0: 500). Free with free(). */
vb_code store_action_list(store *s, int64_t owner_id, const char *today, store_action_filter filter, int limit,
                          store_action **out, int *count, vb_err *err);
vb_code store_action_get(store *s, int64_t id, store_action *out, vb_err *err);
/* Open and overdue counts of owner_id (0: everyone). */
vb_code store_action_counts(store *s, int64_t owner_id, const char *today, int *open, int *overdue, vb_err *err);

#endif

/* review.h: the monthly review (maandoverzicht) as plain numbers. The store
 * hands over what happened in a month (learning points counted per day and
 * category, ideas, idea decisions, actions, daily starts, the working-day
 * calendar); review_compute() turns that into the figures the review screen
 * draws as charts: learning points shared per category and per ISO week,
 * ideas submitted / adopted / not adopted, the median days from an idea to
 * its first feedback, open and overdue actions, actions completed, daily
 * starts held against working days, and the top-voted open ideas.
 * review_compare() says per figure whether it went up, down or stayed the
 * same against the previous month.
 *
 * A month that is still running is counted up to today ("so far"), and the
 * previous month is then counted over the same number of days
 * (review_previous_until), so the comparison is fair. All days are local
 * calendar days; times are unix seconds. libc only, no allocation. */
#ifndef VB_REVIEW_H
#define VB_REVIEW_H

#include <stdbool.h>
#include <stdint.h>

#include "calendar.h"
#include "date.h"
#include "idea_status.h"
#include "limits.h"
#include "vb_err.h"

#define REVIEW_MAX_CATEGORIES 16
#define REVIEW_MAX_WEEKS 6       /* a month touches at most six ISO weeks */
#define REVIEW_TOP_IDEAS 5
#define REVIEW_MAX_DONE 40       /* completed actions kept for the list */
#define REVIEW_TITLE_SIZE VB_TEXT_SIZE(IDEA_TITLE_MAX)
#define REVIEW_TEXT_SIZE VB_TEXT_SIZE(ACTION_TEXT_MAX)
#define REVIEW_NAME_SIZE VB_TEXT_SIZE(ROSTER_NAME_MAX)
#define REVIEW_CODE_SIZE (CATEGORY_CODE_MAX + 1)
#define REVIEW_LABEL_SIZE VB_TEXT_SIZE(STORE_CATEGORY_LABEL_MAX)

/* ---- months ------------------------------------------------------------- */

typedef struct vb_month {
    int year, month; /* month 1..12 */
} vb_month;

/* "YYYY-MM" exactly (year 1970..9999, month 01..12). */
bool vb_month_parse(const char *text, vb_month *out);
/* Writes "YYYY-MM" (8 bytes with NUL). */
void vb_month_format(vb_month m, char out[8]);
vb_month vb_month_add(vb_month m, int n);
vb_month vb_month_of(vb_day d);
vb_day vb_month_first_day(vb_month m);
vb_day vb_month_last_day(vb_month m);
/* <0, 0, >0 like strcmp. */
int vb_month_cmp(vb_month a, vb_month b);

/* ---- what the store hands over ------------------------------------------ */

typedef struct review_lp_count {
    vb_day day;
    int64_t category_id;
    int count;
} review_lp_count;

typedef struct review_category {
    int64_t id;
    char code[REVIEW_CODE_SIZE];
    char label[REVIEW_LABEL_SIZE]; /* the lead's name, "" = the default name of the code */
    char icon[REVIEW_CODE_SIZE];
} review_category;


typedef struct review_idea {
    int64_t id;
    int64_t created_at;
    int64_t first_feedback_at; /* 0 = no feedback yet */
    idea_status state;         /* now */
    bool hidden;
    int votes;
    char title[REVIEW_TITLE_SIZE];
} review_idea;

/* An idea moved to adopted or not adopted (an idea_history row). */
typedef struct review_decision {
    int64_t idea_id;
    int64_t at;
    bool adopted; /* false: not adopted */
} review_decision;

typedef struct review_action {
    int64_t id;
    vb_day due;
    int64_t created_at;
    int64_t closed_at; /* 0 = still open */
    bool done;         /* closed as done (false with closed_at: dropped) */
    char description[REVIEW_TEXT_SIZE];
    char owner[REVIEW_NAME_SIZE];
} review_action;

typedef struct review_dagstart {
    vb_day day;
    bool held; /* closed: the meeting took place */
} review_dagstart;

typedef struct review_input {
    vb_month month;
    vb_day today;                 /* the days after today are not counted yet */
    bool has_until;               /* count only up to until (review_previous_until) */
    vb_day until;
    vb_calendar cal;              /* working days and holidays */
    const review_category *categories; /* in the order to show */
    int category_count;
    const review_lp_count *lp_counts;  /* days of the month, any order */
    int lp_count_count;
    const review_idea *ideas;     /* submitted in the month, first feedback in the month, or waiting */
    int idea_count;
    const review_decision *decisions;
    int decision_count;
    const review_idea *open_ideas; /* candidates for the top-voted list */
    int open_idea_count;
    const review_action *actions; /* that existed during the month */
    int action_count;
    const review_dagstart *dagstarts;
    int dagstart_count;
} review_input;

/* ---- the figures ----------------------------------------------------------- */

typedef struct review_week {
    int iso_week;        /* 1..53 */
    vb_day first, last;  /* the days of this week inside the counted period */
    int days;            /* how many (< 7 for a week cut by the month) */
    int count;           /* learning points shared */
} review_week;

typedef enum review_day_kind {
    REVIEW_DAY_OFF,      /* weekend or not a working weekday */
    REVIEW_DAY_HOLIDAY,  /* a working weekday that is a holiday */
    REVIEW_DAY_WORK      /* a working day */
} review_day_kind;

typedef struct review_day {
    review_day_kind kind;
    bool held;           /* a daily start was held that day */
} review_day;

typedef struct review_done_action {
    int64_t id;
    vb_day closed;
    char description[REVIEW_TEXT_SIZE];
    char owner[REVIEW_NAME_SIZE];
} review_done_action;

typedef struct review {
    vb_month month;
    vb_day first, last;  /* the counted period: first..last (last < first: nothing yet) */
    bool partial;        /* the month is still running: counted up to last */
    bool future;         /* the month has not begun */
    int period_days;

    int lp_total;
    int category_count;
    review_category categories[REVIEW_MAX_CATEGORIES];
    int lp_by_category[REVIEW_MAX_CATEGORIES];
    int week_count;
    review_week weeks[REVIEW_MAX_WEEKS];

    int ideas_submitted;
    int ideas_adopted;       /* distinct ideas moved to adopted in the period */
    int ideas_declined;      /* distinct ideas moved to not adopted */
    int feedback_count;      /* ideas that got their first feedback in the period */
    bool has_median;         /* feedback_count > 0 */
    double median_days;      /* days from submission to first feedback (calendar days) */
    int ideas_waiting;       /* open ideas without feedback at the end of the period */

    int actions_new;         /* created in the period */
    int actions_open;        /* open at the end of the period */
    int actions_overdue;     /* of those, past their due day */
    int actions_done;        /* completed in the period */
    int done_count;          /* entries in done[] (latest first) */
    review_done_action done[REVIEW_MAX_DONE];

    int dagstarts_held;
    int working_days;        /* so far: today counts once its daily start is held */
    review_day days[31];     /* per day of the counted period */

    int top_count;
    review_idea top[REVIEW_TOP_IDEAS]; /* open, not hidden, most votes first */
} review;

/* The figures for in->month. out is filled completely. */
void review_compute(const review_input *in, review *out);

/* The last day of the previous month to count when comparing with month
 * counted up to today: the same day number (or that month's last day) when
 * month is still running, else the previous month's last day. */
vb_day review_previous_until(vb_month month, vb_day today);

/* Median of values[0..n) (n > 0); sorts values in place. */
double review_median(int *values, int n);

/* ---- comparison ----------------------------------------------------------- */

typedef enum review_figure {
    REVIEW_FIG_LP_TOTAL,
    REVIEW_FIG_IDEAS_SUBMITTED,
    REVIEW_FIG_IDEAS_ADOPTED,
    REVIEW_FIG_IDEAS_DECLINED,
    REVIEW_FIG_MEDIAN_DAYS,
    REVIEW_FIG_IDEAS_WAITING,
    REVIEW_FIG_ACTIONS_OPEN,
    REVIEW_FIG_ACTIONS_OVERDUE,
    REVIEW_FIG_ACTIONS_DONE,
    REVIEW_FIG_DAGSTARTS_HELD,
    REVIEW_FIG_COUNT
} review_figure;

typedef enum review_trend {
    REVIEW_TREND_NONE, /* nothing to compare with (no median in one of the months) */
    REVIEW_TREND_SAME,
    REVIEW_TREND_UP,
    REVIEW_TREND_DOWN
} review_trend;

/* The value of a figure; false when it has none (a median without feedback). */
bool review_value(const review *r, review_figure f, double *out);
/* now against before; *delta (may be NULL) is now - before. */
review_trend review_compare(const review *now, const review *before, review_figure f, double *delta);

#endif

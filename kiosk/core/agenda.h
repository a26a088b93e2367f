/* agenda.h: the daily start (dagstart) agenda, computed from plain data that
 * the store hands over, with the clock injected (the day and "now" are part
 * of the input), so it can be tested for any day. libc only.
 *
 * The agenda follows the usual Dutch lean order:
 *   1 staffing (bezetting): the roster, present or absent;
 *   2 announcements (mededelingen): the ones current today;
 *   3 looking back (terugblik): what went well (ideas adopted and actions done
 *     since the last daily start) and what could be better (the learning
 *     points of this daily start and of any daily start missed since);
 *   4 looking ahead (vooruitblik): the lead's goals and bottlenecks for today,
 *     and announcements that start within the coming week;
 *   5 improvement actions (verbeteracties): actions due today or overdue, and
 *     ideas that are new or whose status or feedback changed.
 *
 * The rules behind it are pure functions: which daily start was the last one
 * held, which period counts as "since the last one", how the meeting's length
 * is split over the sections, and how far each countdown has run. */
#ifndef VB_AGENDA_H
#define VB_AGENDA_H

#include <stdbool.h>
#include <stdint.h>

#include "calendar.h"
#include "date.h"
#include "idea_status.h"
#include "limits.h"
#include "vb_err.h"

#define AGENDA_SECTIONS 5
/* The store hands over rows of the last AGENDA_WINDOW_DAYS days; no period
 * reaches further back. */
#define AGENDA_WINDOW_DAYS 62
/* The very first daily start looks back this many days. */
#define AGENDA_FIRST_LOOKBACK_DAYS 14
/* Idle reset waits while a daily start is open, until this long after its
 * planned end. */
#define AGENDA_IDLE_GRACE_S (30 * 60)
#define AGENDA_DEFAULT_MINUTES 10
#define AGENDA_KEY_SIZE (AGENDA_KEY_MAX + 1) /* dagstart_item.item_key (ASCII) */

typedef enum agenda_section {
    AGENDA_STAFFING = 0,
    AGENDA_ANNOUNCEMENTS = 1,
    AGENDA_LOOK_BACK = 2,
    AGENDA_LOOK_AHEAD = 3,
    AGENDA_ACTIONS = 4
} agenda_section;

/* Sub-headings inside a section; items are sorted by section, then group. */
typedef enum agenda_group {
    AGENDA_GROUP_LEAD = 0,       /* the lead's own agenda items (sections 1, 2, 3, 5) */
    AGENDA_GROUP_ROSTER,         /* staffing */
    AGENDA_GROUP_CURRENT,        /* announcements valid today */
    AGENDA_GROUP_WENT_WELL,      /* look back */
    AGENDA_GROUP_COULD_BE_BETTER,/* look back */
    AGENDA_GROUP_TODAY,          /* look ahead: the lead's goals and bottlenecks */
    AGENDA_GROUP_COMING_UP,      /* look ahead: announcements starting soon */
    AGENDA_GROUP_DUE,            /* actions due today or overdue */
    AGENDA_GROUP_IDEAS           /* ideas with news, new ideas */
} agenda_group;

typedef enum agenda_kind {
    AGENDA_MEMBER,
    AGENDA_ANNOUNCEMENT,
    AGENDA_IDEA_ADOPTED,  /* went well: adopted since the last daily start */
    AGENDA_ACTION_DONE,   /* went well: completed since the last daily start */
    AGENDA_LEARNING_POINT,
    AGENDA_TOPIC,         /* the lead's own item */
    AGENDA_ACTION_DUE,
    AGENDA_IDEA_CHANGED,  /* status or feedback changed since the last daily start */
    AGENDA_IDEA_NEW       /* submitted since the last daily start, not yet moved */
} agenda_kind;

/* ---- input: what the store hands over ----------------------------------- */

/* Text buffers hold the schema's character limits (limits.h) in UTF-8. */
typedef struct agenda_member {
    int64_t id;
    char name[VB_TEXT_SIZE(ROSTER_NAME_MAX)];
    bool lead;
    int presence; /* -1 not recorded yet, 0 absent, 1 present */
} agenda_member;

typedef struct agenda_announcement {
    int64_t id;
    char text[VB_TEXT_SIZE(ANNOUNCEMENT_TEXT_MAX)];
    vb_day from, to;
} agenda_announcement;

typedef struct agenda_lp {
    char id[LP_ID_LEN + 1];
    char receipt[LP_RECEIPT_LEN + 1];
    vb_day day;          /* when it happened */
    vb_day dagstart_day; /* the daily start it belongs to */
    char category[CATEGORY_CODE_MAX + 1];   /* code: quality, safety, ... */
    char category_label[VB_TEXT_SIZE(STORE_CATEGORY_LABEL_MAX)]; /* a lead's rename, or "" for the translated default */
    char place[VB_TEXT_SIZE(STORE_PLACE_NAME_MAX)];
    char what[VB_TEXT_SIZE(LP_TEXT_MAX_CHARS)];
    char lesson[VB_TEXT_SIZE(LP_TEXT_MAX_CHARS)];
    char feedback[VB_TEXT_SIZE(LP_FEEDBACK_MAX_CHARS)]; /* the lead's note, or "" */
    bool anonymous;
    int metoo;
    int actions;         /* actions made from it */
} agenda_lp;

typedef struct agenda_idea {
    int64_t id;
    char title[VB_TEXT_SIZE(IDEA_TITLE_MAX)];
    idea_status status;
    int64_t created_at, status_changed_at, feedback_at; /* feedback_at 0: none */
    char feedback[VB_TEXT_SIZE(IDEA_FEEDBACK_MAX)];
    int votes;
} agenda_idea;

typedef struct agenda_action {
    int64_t id;
    char description[VB_TEXT_SIZE(ACTION_TEXT_MAX)];
    int64_t owner_id;
    char owner[VB_TEXT_SIZE(ROSTER_NAME_MAX)];
    vb_day due;
    char status[8]; /* open, done, dropped */
    int64_t closed_at; /* 0 while open */
    char note[VB_TEXT_SIZE(ACTION_TEXT_MAX)];
} agenda_action;

typedef struct agenda_topic {
    int64_t id;
    int section; /* agenda_section */
    char text[VB_TEXT_SIZE(TOPIC_TEXT_MAX)];
} agenda_topic;

/* A daily start that was held (started) on an earlier day. */
typedef struct agenda_held {
    vb_day day;
    int64_t started_at;
} agenda_held;

typedef struct agenda_input {
    vb_day today;
    int64_t now_s;     /* wall time (the injected clock) */
    int total_minutes; /* setting dagstart_minutes */
    vb_calendar cal;
    agenda_held *held; /* daily starts before today, in any order */
    int nheld, held_cap;
    agenda_member *members; /* active roster, in display order */
    int nmembers, members_cap;
    agenda_announcement *announcements;
    int nannouncements, announcements_cap;
    agenda_lp *lps;
    int nlps, lps_cap;
    agenda_idea *ideas;
    int nideas, ideas_cap;
    agenda_action *actions;
    int nactions, actions_cap;
    agenda_topic *topics; /* today's */
    int ntopics, topics_cap;
    char (*discussed)[AGENDA_KEY_SIZE]; /* keys marked discussed today */
    int ndiscussed, discussed_cap;
} agenda_input;

void agenda_input_init(agenda_input *in, vb_day today, int64_t now_s);
void agenda_input_free(agenda_input *in);
/* Each returns a zeroed new element at the end, or NULL when out of memory. */
agenda_held *agenda_input_add_held(agenda_input *in);
agenda_member *agenda_input_add_member(agenda_input *in);
agenda_announcement *agenda_input_add_announcement(agenda_input *in);
agenda_lp *agenda_input_add_lp(agenda_input *in);
agenda_idea *agenda_input_add_idea(agenda_input *in);
agenda_action *agenda_input_add_action(agenda_input *in);
agenda_topic *agenda_input_add_topic(agenda_input *in);
bool agenda_input_add_discussed(agenda_input *in, const char *key);

/* ---- the rules ----------------------------------------------------------- */

/* The latest daily start held strictly before today; false when none. */
bool agenda_previous_held(const agenda_held *held, int n, vb_day today, agenda_held *out);

/* "Since the last daily start". */
typedef struct agenda_period {
    bool first;           /* no earlier daily start at all */
    agenda_held last;     /* the last one held (valid unless first) */
    vb_day from, to;      /* learning points whose daily start falls in [from, to] */
    int64_t since_s;      /* changes after this moment are news */
    vb_day look_back_day; /* the previous working day: "yesterday" */
    int missed;           /* working days in between without a daily start */
    bool capped;          /* the gap was longer than the window */
} agenda_period;

/* Rules: with an earlier daily start, the period runs from the day after it
 * to today, and news is what changed after it started (so a Monday picks up
 * the weekend, the day after a holiday picks up the holiday, and after a gap
 * of two weeks everything of those two weeks comes back). The very first
 * daily start looks back AGENDA_FIRST_LOOKBACK_DAYS days. No period reaches
 * back more than AGENDA_WINDOW_DAYS. */
agenda_period agenda_period_for(const vb_calendar *cal, vb_day today, const agenda_held *held, int nheld);

/* Splits total_s over the five sections (staffing 10 %, announcements 15 %,
 * look back 30 %, look ahead 25 %, actions 20 %); the parts add up to total_s. */
void agenda_budget(int total_s, int out_s[AGENDA_SECTIONS]);

/* Countdown state of a running meeting. */
typedef struct agenda_countdown {
    int64_t section_left_ms[AGENDA_SECTIONS]; /* negative: over by that much */
    bool section_over[AGENDA_SECTIONS];
    int section_permille[AGENDA_SECTIONS];    /* elapsed of budget, 0..1000 (for the bar) */
    int64_t total_elapsed_ms, total_left_ms;
    bool total_over;
    int total_permille;
} agenda_countdown;

void agenda_countdown_of(const int budget_s[AGENDA_SECTIONS], const int64_t elapsed_ms[AGENDA_SECTIONS],
                         agenda_countdown *out);

/* The stopwatch of a meeting: time spent per section, counting the current
 * section from running_since (monotonic ms). */
typedef struct agenda_timer {
    int64_t base_ms[AGENDA_SECTIONS]; /* accumulated before running_since */
    int current;
    int64_t running_since_ms;
    bool running;
} agenda_timer;

/* Starts (or resumes after a restart) with elapsed_s per section as saved. */
void agenda_timer_start(agenda_timer *t, const int elapsed_s[AGENDA_SECTIONS], int current, int64_t now_ms);
void agenda_timer_elapsed(const agenda_timer *t, int64_t now_ms, int64_t out_ms[AGENDA_SECTIONS]);
/* Moves the running section; time so far is booked on the old one. */
void agenda_timer_switch(agenda_timer *t, int section, int64_t now_ms);
void agenda_timer_stop(agenda_timer *t, int64_t now_ms);
/* Whole seconds per section, for saving. */
void agenda_timer_seconds(const agenda_timer *t, int64_t now_ms, int out_s[AGENDA_SECTIONS]);

/* While a daily start that started at started_s (wall) is open, idle reset
 * waits until AGENDA_IDLE_GRACE_S after its planned end. */
bool agenda_holds_idle(int64_t started_s, int total_minutes, int64_t now_s);

/* Calendar days an action due on `due` is late on `today` (0: due today or
 * not yet due; see agenda_days_until for the other direction). */
int agenda_overdue_days(vb_day due, vb_day today);
int agenda_days_until(vb_day due, vb_day today);

/* Due-date presets when making an action. */
typedef enum agenda_due_preset { DUE_TODAY, DUE_TOMORROW, DUE_NEXT_WEEK, DUE_TWO_WEEKS, DUE_PRESETS } agenda_due_preset;
/* today; the next working day; a week on; two weeks on (the latter two moved
 * forward to a working day). */
vb_day agenda_due_day(const vb_calendar *cal, vb_day today, agenda_due_preset p);

/* Date ranges for an announcement, all starting today. */
typedef enum agenda_range_preset { RANGE_TODAY, RANGE_WEEK_END, RANGE_ONE_WEEK, RANGE_TWO_WEEKS, RANGE_PRESETS } agenda_range_preset;
/* today only; up to the last working day of this week; 7 days; 14 days. */
void agenda_range(const vb_calendar *cal, vb_day today, agenda_range_preset p, vb_day *from, vb_day *to);

/* ---- the agenda --------------------------------------------------------- */

typedef struct agenda_item {
    agenda_kind kind;
    agenda_section section;
    agenda_group group;
    int index;                  /* into the input array of its kind */
    char key[AGENDA_KEY_SIZE];  /* as stored in dagstart_item ('lp:<id>', 'idea:12', ...); "" for members */
    bool discussed;
    int overdue_days;           /* AGENDA_ACTION_DUE: 0 = due today */
} agenda_item;

typedef struct agenda {
    const agenda_input *in;
    agenda_period period;
    bool working_day;           /* today is a working day */
    int budget_s[AGENDA_SECTIONS];
    agenda_item *items;         /* sorted by section, group, then within the group */
    int nitems;
    int first[AGENDA_SECTIONS]; /* items of section s: first[s] .. first[s] + count[s] - 1 */
    int count[AGENDA_SECTIONS];
    int discussable[AGENDA_SECTIONS]; /* items that can be marked discussed */
    int discussed[AGENDA_SECTIONS];
    int present, absent, unrecorded;
} agenda;

/* Builds the agenda of in->today. The agenda points into in, which must
 * outlive it. VB_ERR_NOMEM when out of memory. */
vb_code agenda_build(const agenda_input *in, agenda *out, vb_err *err);
void agenda_free(agenda *ag);
/* Item keys of each kind. */
void agenda_key_lp(char out[AGENDA_KEY_SIZE], const char *lp_id);
void agenda_key_idea(char out[AGENDA_KEY_SIZE], int64_t id);
void agenda_key_action(char out[AGENDA_KEY_SIZE], int64_t id);
void agenda_key_announcement(char out[AGENDA_KEY_SIZE], int64_t id);
void agenda_key_topic(char out[AGENDA_KEY_SIZE], int64_t id);
/* Re-counts discussed items and presence after the screen changed them. */
void agenda_recount(agenda *ag);

#endif

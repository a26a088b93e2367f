/* wall.h: what the wall screen shows, as plain data the store fills and the
 * wall pages draw, plus the pure rules of wall mode: which page is up, the
 * burn-in shift, and whether it is outside working hours (dimmed). libc only. */
#ifndef VB_WALL_H
#define VB_WALL_H

#include <stdbool.h>
#include <stdint.h>

#define WALL_MAX_IDEAS 5
#define WALL_MAX_IMPROVED 3
#define WALL_MAX_ITEMS 6
#define WALL_MAX_CATEGORIES 8
#define WALL_MAX_TEXTS 3
#define WALL_MAX_SHIFTS 8

enum { WALL_PAGE_IDEAS, WALL_PAGE_IMPROVED, WALL_PAGE_TODAY, WALL_PAGE_LEARNING, WALL_PAGE_COUNT };

typedef struct wall_idea {
    int64_t id;
    char title[96 * 4];
    char status[16];     /* new, review, trial */
    int votes;
    char feedback[512 * 4];
} wall_idea;

typedef struct wall_item {     /* an announcement or an open action */
    char text[300 * 4];
    char owner[64 * 4];        /* actions: owner's name */
    char due_day[11];          /* actions: due day */
    int days_overdue;          /* actions: > 0 when overdue */
} wall_item;

typedef struct wall_category_count {
    char code[32];
    char label[48 * 4];        /* lead's rename, or "" for the translated default */
    int count;
} wall_category_count;

typedef struct wall_shift {
    int start_min, end_min;    /* minutes after midnight; end may be <= start (night shift) */
} wall_shift;

typedef struct wall_data {
    char team_name[64 * 4];
    wall_idea ideas[WALL_MAX_IDEAS];       /* top open ideas by votes */
    int idea_count;
    int max_votes;
    wall_idea improved[WALL_MAX_IMPROVED]; /* recently adopted, with feedback */
    int improved_count;
    wall_item announcements[WALL_MAX_ITEMS];
    int announcement_count;
    wall_item actions[WALL_MAX_ITEMS];     /* open actions, overdue and due first */
    int action_count;
    wall_category_count categories[WALL_MAX_CATEGORIES]; /* learning points this week */
    int category_count;
    int learning_total;
    char texts[WALL_MAX_TEXTS][200 * 4 * 2 + 8]; /* texts a lead approved for the wall */
    int text_count;
    wall_shift shifts[WALL_MAX_SHIFTS];
    int shift_count;
    char working_days[8];                  /* '1'..'7', Monday = 1 */
    int rotate_s;
} wall_data;

/* Page shown at monotonic time now_ms when pages rotate every rotate_s. */
int wall_page_at(int64_t now_ms, int rotate_s);
/* Monotonic time of the next page change. */
int64_t wall_next_page_ms(int64_t now_ms, int rotate_s);
/* Burn-in protection: a small offset (|dx|,|dy| <= max_px) that moves once a minute. */
void wall_burn_in_offset(int64_t wall_s, int max_px, int *dx, int *dy);
/* True outside working hours: not a working day, or outside every shift. */
bool wall_outside_hours(const wall_data *d, int iso_weekday, int minute_of_day);

#endif

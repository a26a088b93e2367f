/* test_review.c: the monthly review. Core figures on hand-made data
 * (core/review.h): months, the median days to first feedback with odd and
 * even counts and without any feedback, learning points per ISO week across
 * month and year boundaries, ideas adopted once even when adopted twice,
 * open and overdue actions at the end of the month, daily starts against
 * working days with holidays (and today, which counts once held), a month
 * still running compared with the same days of the previous one, and the
 * comparison itself. Then the store (store/store_review.h): the figures of
 * a real database, and speed with 100,000 learning points; and the export's
 * file handling (app/export.h): atomic writes, and the errors for a missing
 * folder, a full disk, a read-only folder and a missing USB stick. */
#include <signal.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <time.h>

#include "../kiosk/app/export.h"
#include "../kiosk/core/date.h"
#include "../kiosk/core/review.h"
#include "../kiosk/store/store.h"
#include "../kiosk/store/store_review.h"
#include "testdb.h"
#include "testlib.h"

/* ---- helpers -------------------------------------------------------------- */

static vb_day D(const char *text)
{
    vb_day d;
    if (!vb_day_parse(text, &d)) {
        printf("not ok - bad test day %s\n", text);
        exit(1);
    }
    return d;
}

/* Unix time of hh:00 local time on a day. */
static int64_t T(const char *day, int hour)
{
    return vb_day_start_unix(D(day)) + hour * 3600;
}

static vb_month M(const char *text)
{
    vb_month m = { 0, 0 };
    vb_month_parse(text, &m);
    return m;
}

static bool same_day(vb_day a, const char *b)
{
    return vb_day_diff(a, D(b)) == 0;
}

static review_input base_input(const char *month, const char *today)
{
    review_input in;
    memset(&in, 0, sizeof in);
    in.month = M(month);
    in.today = D(today);
    snprintf(in.cal.working_days, sizeof in.cal.working_days, "12345");
    return in;
}

/* ---- months -------------------------------------------------------------- */

static void test_months(void)
{
    vb_month m;
    T_CHECK(vb_month_parse("2026-11", &m) && m.year == 2026 && m.month == 11, "month: 2026-11 parses");
    T_CHECK(!vb_month_parse("2026-13", &m), "month: 2026-13 is refused");
    T_CHECK(!vb_month_parse("2026-00", &m), "month: 2026-00 is refused");
    T_CHECK(!vb_month_parse("2026-1", &m), "month: one-digit month is refused");
    T_CHECK(!vb_month_parse("2026-11-01", &m), "month: a day is refused");
    T_CHECK(!vb_month_parse("26-11", &m) && !vb_month_parse("", &m) && !vb_month_parse(NULL, &m),
            "month: short, empty and NULL are refused");
    T_CHECK(!vb_month_parse("2026-+1", &m) && !vb_month_parse("2026- 1", &m), "month: signs and spaces are refused");
    char buf[8];
    vb_month_format(M("2027-01"), buf);
    T_EQ_STR(buf, "2027-01", "month: formats as YYYY-MM");
    vb_month_format(vb_month_add(M("2027-01"), -1), buf);
    T_EQ_STR(buf, "2026-12", "month: one back from January is December of the year before");
    vb_month_format(vb_month_add(M("2026-11"), 14), buf);
    T_EQ_STR(buf, "2028-01", "month: 14 on from 2026-11 is 2028-01");
    T_CHECK(same_day(vb_month_last_day(M("2028-02")), "2028-02-29"), "month: February 2028 has 29 days");
    T_CHECK(same_day(vb_month_last_day(M("2026-02")), "2026-02-28"), "month: February 2026 has 28 days");
    T_CHECK(vb_month_first_day(M("2026-11")).wday == 0, "month: 1 November 2026 is a Sunday (weekday filled)");
    T_CHECK(vb_month_cmp(M("2026-12"), M("2027-01")) < 0 && vb_month_cmp(M("2026-05"), M("2026-05")) == 0,
            "month: compare");
}

/* ---- median -------------------------------------------------------------- */

static void test_median(void)
{
    int odd[] = { 5, 1, 3 };
    T_CHECK(review_median(odd, 3) == 3.0, "median: odd count takes the middle (1 3 5 -> 3)");
    int even[] = { 7, 0, 20, 2 };
    T_CHECK(review_median(even, 4) == 4.5, "median: even count averages the two middle ones (0 2 7 20 -> 4.5)");
    int one[] = { 9 };
    T_CHECK(review_median(one, 1) == 9.0, "median: one value is itself");
    int same[] = { 2, 2, 2, 2 };
    T_CHECK(review_median(same, 4) == 2.0, "median: equal values");
}

/* ---- learning points per category and week ---------------------------------- */

static const review_category categories[] = {
    { 1, "quality", "", "quality" },
    { 2, "safety", "", "safety" },
    { 7, "other", "Kantine", "other" },
};

static void test_weeks_and_categories(void)
{
    review_lp_count lps[] = {
        { D("2026-10-31"), 1, 4 }, /* the month before: not counted */
        { D("2026-11-01"), 1, 2 }, /* Sunday: ISO week 44, which began in October */
        { D("2026-11-02"), 2, 3 }, /* Monday: week 45 */
        { D("2026-11-08"), 2, 1 }, /* Sunday: still week 45 */
        { D("2026-11-10"), 99, 1 },/* a category the list lacks */
        { D("2026-11-30"), 7, 1 }, /* Monday: week 49, which ends in December */
        { D("2026-12-01"), 1, 9 }, /* the month after */
    };
    review_input in = base_input("2026-11", "2026-12-10");
    in.categories = categories;
    in.category_count = 3;
    in.lp_counts = lps;
    in.lp_count_count = (int)(sizeof lps / sizeof lps[0]);
    review r;
    review_compute(&in, &r);
    T_EQ_INT(r.lp_total, 8, "weeks: only the month's learning points count (2 + 3 + 1 + 1 + 1)");
    T_CHECK(!r.partial && !r.future, "weeks: a past month is whole");
    T_EQ_INT(r.period_days, 30, "weeks: November has 30 days");
    T_EQ_INT(r.week_count, 6, "weeks: November 2026 touches six ISO weeks (44 to 49)");
    T_CHECK(r.weeks[0].iso_week == 44 && r.weeks[0].days == 1 && r.weeks[0].count == 2 &&
                same_day(r.weeks[0].first, "2026-11-01") && same_day(r.weeks[0].last, "2026-11-01"),
            "weeks: week 44 holds only 1 November (2), not 31 October");
    T_CHECK(r.weeks[1].iso_week == 45 && r.weeks[1].days == 7 && r.weeks[1].count == 4,
            "weeks: week 45 is 2-8 November (3 + 1)");
    T_CHECK(r.weeks[2].iso_week == 46 && r.weeks[2].count == 1, "weeks: week 46 has the unknown category's point");
    T_CHECK(r.weeks[5].iso_week == 49 && r.weeks[5].days == 1 && r.weeks[5].count == 1 &&
                same_day(r.weeks[5].first, "2026-11-30"),
            "weeks: week 49 holds only 30 November, not 1 December");
    int sum = 0;
    for (int i = 0; i < r.week_count; i++)
        sum += r.weeks[i].count;
    T_EQ_INT(sum, r.lp_total, "weeks: the weeks add up to the total");
    T_EQ_INT(r.category_count, 4, "categories: the list's three and a slot for the unknown one");
    T_CHECK(r.lp_by_category[0] == 2 && r.lp_by_category[1] == 4 && r.lp_by_category[2] == 1 &&
                r.lp_by_category[3] == 1,
            "categories: counted per category in the list's order");
    T_EQ_STR(r.categories[2].label, "Kantine", "categories: the lead's label is kept");

    /* January 2027 begins in ISO week 53 of 2026. */
    review_lp_count jan[] = { { D("2027-01-01"), 1, 5 }, { D("2027-01-04"), 1, 2 } };
    in = base_input("2027-01", "2027-03-01");
    in.categories = categories;
    in.category_count = 3;
    in.lp_counts = jan;
    in.lp_count_count = 2;
    review_compute(&in, &r);
    T_CHECK(r.weeks[0].iso_week == 53 && r.weeks[0].days == 3 && r.weeks[0].count == 5,
            "weeks: 1-3 January 2027 are week 53 (of 2026)");
    T_CHECK(r.weeks[1].iso_week == 1 && r.weeks[1].count == 2, "weeks: 4 January 2027 starts week 1");
    T_EQ_INT(r.week_count, 5, "weeks: January 2027 touches weeks 53, 1, 2, 3, 4");

    /* A month that is still running: counted up to today. */
    in = base_input("2026-11", "2026-11-26");
    in.categories = categories;
    in.category_count = 3;
    in.lp_counts = lps;
    in.lp_count_count = (int)(sizeof lps / sizeof lps[0]);
    review_compute(&in, &r);
    T_CHECK(r.partial && r.period_days == 26 && same_day(r.last, "2026-11-26"), "running month: counted up to today");
    T_EQ_INT(r.week_count, 5, "running month: weeks up to today only (44 to 48)");
    T_EQ_INT(r.lp_total, 7, "running month: the point of 30 November is not counted yet");

    in = base_input("2026-12", "2026-11-26");
    review_compute(&in, &r);
    T_CHECK(r.future && r.period_days == 0 && r.week_count == 0 && r.lp_total == 0 && r.working_days == 0,
            "future month: nothing counted");
}

/* ---- ideas ------------------------------------------------------------------ */

static review_idea idea(int64_t id, const char *created, const char *feedback, idea_status st, bool hidden,
                        int votes)
{
    review_idea i;
    memset(&i, 0, sizeof i);
    i.id = id;
    i.created_at = T(created, 9);
    i.first_feedback_at = feedback ? T(feedback, 14) : 0;
    i.state = st;
    i.hidden = hidden;
    i.votes = votes;
    snprintf(i.title, sizeof i.title, "Idee %lld", (long long)id);
    return i;
}

static void test_ideas(void)
{
    review_idea ideas[] = {
        idea(1, "2026-11-03", "2026-11-05", IDEA_ADOPTED, false, 0), /* 2 days */
        idea(2, "2026-10-20", "2026-11-09", IDEA_DECLINED, false, 0),/* 20 days; submitted in October */
        idea(3, "2026-11-10", "2026-11-10", IDEA_NEW, false, 0),    /* 0 days */
        idea(4, "2026-11-12", NULL, IDEA_NEW, false, 0),            /* waiting */
        idea(5, "2026-10-01", NULL, IDEA_NEW, true, 0),             /* hidden: not waiting */
        idea(6, "2026-11-20", "2026-12-02", IDEA_NEW, false, 0),    /* answered after the month: waiting */
        idea(7, "2026-11-25", NULL, IDEA_DUPLICATE, false, 0),       /* merged: not waiting */
    };
    review_decision decisions[] = {
        { 1, T("2026-11-20", 13), true },
        { 1, T("2026-11-25", 13), true },  /* adopted again after a reopening: counted once */
        { 2, T("2026-11-09", 14), false },
        { 3, T("2026-10-30", 13), true },  /* October */
        { 6, T("2026-12-02", 14), true },  /* December */
    };
    review_input in = base_input("2026-11", "2026-12-10");
    in.ideas = ideas;
    in.idea_count = (int)(sizeof ideas / sizeof ideas[0]);
    in.decisions = decisions;
    in.decision_count = (int)(sizeof decisions / sizeof decisions[0]);
    review r;
    review_compute(&in, &r);
    T_EQ_INT(r.ideas_submitted, 5, "ideas: submitted in the month (1, 3, 4, 6, 7)");
    T_EQ_INT(r.ideas_adopted, 1, "ideas: adopted twice in the month counts once");
    T_EQ_INT(r.ideas_declined, 1, "ideas: not adopted in the month");
    T_EQ_INT(r.feedback_count, 3, "feedback: three ideas got their first feedback in the month");
    T_CHECK(r.has_median && r.median_days == 2.0, "feedback: median of 0, 2, 20 days is 2 (odd count)");
    T_EQ_INT(r.ideas_waiting, 2, "feedback: waiting at the end of the month (4, and 6 answered only in December)");

    ideas[4] = idea(5, "2026-11-01", "2026-11-08", IDEA_NEW, true, 0); /* 7 days */
    review_compute(&in, &r);
    T_CHECK(r.has_median && r.median_days == 4.5, "feedback: median of 0, 2, 7, 20 days is 4.5 (even count)");

    review_idea waiting_only[] = { idea(4, "2026-11-12", NULL, IDEA_NEW, false, 0) };
    in.ideas = waiting_only;
    in.idea_count = 1;
    in.decision_count = 0;
    review_compute(&in, &r);
    T_CHECK(!r.has_median && r.feedback_count == 0 && r.ideas_waiting == 1, "feedback: no feedback yet, no median");
    double v = -1;
    T_CHECK(!review_value(&r, REVIEW_FIG_MEDIAN_DAYS, &v), "feedback: no median has no value");

    /* top-voted open ideas */
    review_idea open[] = {
        idea(5, "2026-11-01", NULL, IDEA_NEW, false, 3),
        idea(2, "2026-11-01", NULL, IDEA_NEW, false, 7),
        idea(1, "2026-11-01", NULL, IDEA_NEW, false, 7),
        idea(9, "2026-11-01", NULL, IDEA_NEW, false, 0),
        idea(4, "2026-11-01", NULL, IDEA_NEW, true, 50),     /* hidden */
        idea(6, "2026-11-01", NULL, IDEA_ADOPTED, false, 90), /* closed */
        idea(8, "2026-11-01", NULL, IDEA_NEW, false, 2),
        idea(3, "2026-11-01", NULL, IDEA_NEW, false, 1),
    };
    in.open_ideas = open;
    in.open_idea_count = (int)(sizeof open / sizeof open[0]);
    review_compute(&in, &r);
    T_EQ_INT(r.top_count, REVIEW_TOP_IDEAS, "top ideas: at most five");
    T_CHECK(r.top[0].id == 1 && r.top[1].id == 2 && r.top[2].id == 5 && r.top[3].id == 8 && r.top[4].id == 3,
            "top ideas: most votes first, the older idea first on a tie, hidden and closed ones left out");
}

/* ---- actions ---------------------------------------------------------------- */

static review_action action(int64_t id, const char *created, const char *due, const char *closed, bool done)
{
    review_action a;
    memset(&a, 0, sizeof a);
    a.id = id;
    a.created_at = T(created, 7);
    a.due = D(due);
    a.closed_at = closed ? T(closed, 11) : 0;
    a.done = done;
    snprintf(a.description, sizeof a.description, "Actie %lld", (long long)id);
    snprintf(a.owner, sizeof a.owner, "Łukasz Wiśniewski");
    return a;
}

static void test_actions(void)
{
    review_action actions[] = {
        action(1, "2026-10-20", "2026-11-05", NULL, false),          /* open, overdue */
        action(2, "2026-11-02", "2026-12-05", NULL, false),          /* open, due later */
        action(3, "2026-11-03", "2026-11-10", "2026-11-09", true),   /* done in the month */
        action(4, "2026-10-01", "2026-10-15", "2026-12-01", true),   /* done only in December: open, overdue */
        action(5, "2026-11-04", "2026-11-10", "2026-11-06", false),  /* dropped */
        action(6, "2026-12-02", "2026-12-20", NULL, false),          /* made after the month */
        action(7, "2026-10-01", "2026-11-30", "2026-11-20", true),   /* done in the month */
        action(8, "2026-11-05", "2026-11-30", NULL, false),          /* due on the last day: not overdue yet */
    };
    review_input in = base_input("2026-11", "2026-12-10");
    in.actions = actions;
    in.action_count = (int)(sizeof actions / sizeof actions[0]);
    review r;
    review_compute(&in, &r);
    T_EQ_INT(r.actions_new, 4, "actions: four made in the month");
    T_EQ_INT(r.actions_open, 4, "actions: open at the end of the month (1, 2, 4, 8)");
    T_EQ_INT(r.actions_overdue, 2, "actions: overdue at the end of the month (1, 4)");
    T_EQ_INT(r.actions_done, 2, "actions: completed in the month (dropped ones are not completed)");
    T_CHECK(r.done_count == 2 && r.done[0].id == 7 && r.done[1].id == 3, "actions: completed list, latest first");
    T_EQ_STR(r.done[0].owner, "Łukasz Wiśniewski", "actions: the owner's name is kept whole");

    in = base_input("2026-11", "2026-11-08");
    in.actions = actions;
    in.action_count = (int)(sizeof actions / sizeof actions[0]);
    review_compute(&in, &r);
    T_EQ_INT(r.actions_open, 6, "actions so far: open today (1, 2, 3, 4, 7, 8: closed only later count as open)");
    T_EQ_INT(r.actions_overdue, 2, "actions so far: overdue today (1, 4)");
    T_EQ_INT(r.actions_done, 0, "actions so far: nothing completed yet");
}

/* ---- daily starts and working days ---------------------------------------------- */

static void test_dagstarts(void)
{
    vb_day holidays[] = { D("2026-11-11"), D("2026-12-25") };
    review_dagstart ds[] = {
        { D("2026-11-02"), true },
        { D("2026-11-03"), true },
        { D("2026-11-07"), false }, /* opened on a Saturday, never closed */
        { D("2026-11-11"), true },  /* held on the holiday */
        { D("2026-11-26"), true },  /* today */
        { D("2026-10-30"), true },  /* October */
    };
    review_input in = base_input("2026-11", "2026-12-10");
    in.cal.holidays = holidays;
    in.cal.nholidays = 2;
    in.dagstarts = ds;
    in.dagstart_count = 5;
    review r;
    review_compute(&in, &r);
    T_EQ_INT(r.working_days, 20, "working days: November 2026 has 21 weekdays, minus the holiday");
    T_EQ_INT(r.dagstarts_held, 4, "daily starts: held ones in the month (not the one left open)");
    T_CHECK(r.days[10].kind == REVIEW_DAY_HOLIDAY && r.days[10].held, "calendar: 11 November is a holiday, held");
    T_CHECK(r.days[6].kind == REVIEW_DAY_OFF && !r.days[6].held, "calendar: 7 November is a day off");
    T_CHECK(r.days[1].kind == REVIEW_DAY_WORK && r.days[1].held, "calendar: 2 November held");

    /* Today counts once its daily start is held. */
    in = base_input("2026-11", "2026-11-26");
    in.cal.holidays = holidays;
    in.cal.nholidays = 2;
    in.dagstarts = ds;
    in.dagstart_count = 4;
    review_compute(&in, &r);
    T_EQ_INT(r.working_days, 17, "working days so far: before today, without the holiday (today not held yet)");
    in.dagstart_count = 5;
    review_compute(&in, &r);
    T_EQ_INT(r.working_days, 18, "working days so far: today counts once held");
    T_EQ_INT(r.dagstarts_held, 4, "daily starts so far: today's included");

    /* Other working weeks. */
    in = base_input("2026-11", "2026-12-10");
    snprintf(in.cal.working_days, sizeof in.cal.working_days, "123456");
    review_compute(&in, &r);
    T_EQ_INT(r.working_days, 25, "working days: with Saturdays, November 2026 has 25");
    snprintf(in.cal.working_days, sizeof in.cal.working_days, "x");
    review_compute(&in, &r);
    T_EQ_INT(r.working_days, 21, "working days: an invalid setting means Monday to Friday");
}

/* ---- comparison ----------------------------------------------------------------- */

static void test_comparison(void)
{
    T_CHECK(same_day(review_previous_until(M("2026-11"), D("2026-11-26")), "2026-10-26"),
            "compare: 1-26 November against 1-26 October");
    T_CHECK(same_day(review_previous_until(M("2026-03"), D("2026-03-31")), "2026-02-28"),
            "compare: 31 March against the whole of February");
    T_CHECK(same_day(review_previous_until(M("2026-10"), D("2026-11-26")), "2026-09-30"),
            "compare: a past month against the whole previous month");

    review_lp_count now_lps[] = { { D("2026-11-05"), 1, 7 } };
    review_lp_count before_lps[] = { { D("2026-10-05"), 1, 5 }, { D("2026-10-27"), 1, 40 } };
    review_input in = base_input("2026-11", "2026-11-26");
    in.lp_counts = now_lps;
    in.lp_count_count = 1;
    review now, before;
    review_compute(&in, &now);
    in = base_input("2026-10", "2026-11-26");
    in.lp_counts = before_lps;
    in.lp_count_count = 2;
    in.has_until = true;
    in.until = review_previous_until(M("2026-11"), D("2026-11-26"));
    review_compute(&in, &before);
    T_CHECK(before.partial && before.period_days == 26, "compare: the previous month is cut to the same 26 days");
    T_EQ_INT(before.lp_total, 5, "compare: the points after 26 October do not count");
    double delta = 0;
    T_EQ_INT(review_compare(&now, &before, REVIEW_FIG_LP_TOTAL, &delta), REVIEW_TREND_UP, "compare: 7 against 5 is up");
    T_CHECK(delta == 2, "compare: by 2");
    T_EQ_INT(review_compare(&before, &now, REVIEW_FIG_LP_TOTAL, &delta), REVIEW_TREND_DOWN,
             "compare: 5 against 7 is down");
    T_CHECK(delta == -2, "compare: by -2");
    T_EQ_INT(review_compare(&now, &now, REVIEW_FIG_LP_TOTAL, NULL), REVIEW_TREND_SAME, "compare: equal is same");
    T_EQ_INT(review_compare(&now, &before, REVIEW_FIG_MEDIAN_DAYS, NULL), REVIEW_TREND_NONE,
             "compare: no median on either side: nothing to compare");
    now.has_median = true;
    now.median_days = 2.0;
    T_EQ_INT(review_compare(&now, &before, REVIEW_FIG_MEDIAN_DAYS, NULL), REVIEW_TREND_NONE,
             "compare: a median against none: nothing to compare");
    before.has_median = true;
    before.median_days = 2.5;
    T_EQ_INT(review_compare(&now, &before, REVIEW_FIG_MEDIAN_DAYS, &delta), REVIEW_TREND_DOWN,
             "compare: 2 days against 2.5 is down (quicker)");
    before.median_days = 2.0;
    T_EQ_INT(review_compare(&now, &before, REVIEW_FIG_MEDIAN_DAYS, NULL), REVIEW_TREND_SAME,
             "compare: equal medians are the same");
    for (int f = 0; f < REVIEW_FIG_COUNT; f++) {
        if (f == REVIEW_FIG_MEDIAN_DAYS)
            continue;
        double v;
        if (!review_value(&now, (review_figure)f, &v))
            T_CHECK(false, "compare: every counted figure has a value");
    }
}

/* ---- the store ------------------------------------------------------------------ */

static bool exec(sqlite3 *db, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        t_note("sql failed: %s: %s", msg ? msg : "?", sql);
        sqlite3_free(msg);
        return false;
    }
    return true;
}

static double ms_since(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (t1.tv_sec - t0->tv_sec) * 1e3 + (t1.tv_nsec - t0->tv_nsec) / 1e6;
}

struct lp_seen {
    int n;
    char order[16][64];
    bool anonymous_named;
};

static vb_code lp_collect(void *ctx, const store_export_lp *row, vb_err *err)
{
    (void)err;
    struct lp_seen *s = ctx;
    if (s->n < 16)
        snprintf(s->order[s->n], sizeof s->order[0], "%s %s %s", row->day, row->category_code, row->what_happened);
    if (strncmp(row->what_happened, "anon", 4) == 0 && row->member_name[0])
        s->anonymous_named = true;
    s->n++;
    return VB_OK;
}

static void test_store(void)
{
    const char *path = t_path("review.db");
    store *s = NULL;
    vb_err err;
    if (!t_report(store_open(&s, path, STORE_READWRITE, T("2026-11-26", 7), &err) == VB_OK, "store: open",
                  "%s", err.msg))
        return;
    sqlite3 *db = NULL;
    sqlite3_open(path, &db);
    t_db_views(db, path);
    sqlite3_busy_timeout(db, 5000);
    char sql[4096];
    snprintf(sql, sizeof sql,
             "INSERT INTO member (id, name, role, created_at) VALUES (1, 'Henk de Vries', 'lead', 0),"
             " (2, 'Łukasz Wiśniewski', 'worker', 0);"
             "INSERT INTO holiday (day, name) VALUES ('2026-11-11', 'Sint-Maarten');"
             "INSERT INTO learning_point (id, receipt, day, dagstart_day, category_id, what_happened, member_id) VALUES"
             " ('0000000000000001', 'AAA2222', '2026-11-03', '2026-11-04', 2, 'zeta signed', 2),"
             " ('ffffffffffffffff', 'AAA2223', '2026-11-03', '2026-11-04', 2, 'anon alpha', NULL),"
             " ('8888888888888888', 'AAA2224', '2026-11-03', '2026-11-04', 1, 'anon later key', NULL),"
             " ('1111111111111111', 'AAA2225', '2026-10-31', '2026-11-02', 1, 'anon october', NULL),"
             " ('2222222222222222', 'AAA2226', '2026-11-30', '2026-12-01', 7, 'anon last day', NULL);"
             "INSERT INTO idea (id, title, category_id, member_id, status, created_at, status_changed_at, feedback,"
             " feedback_at, first_feedback_at, vote_count) VALUES"
             " (1, 'Idee een', 1, 2, 'adopted', %lld, %lld, 'Goed', %lld, %lld, 4),"
             " (2, 'Idee twee', 1, NULL, 'new', %lld, %lld, NULL, NULL, NULL, 9);"
             "INSERT INTO idea_history (idea_id, from_status, to_status, feedback, member_id, at) VALUES"
             " (1, 'new', 'adopted', 'Goed', 1, %lld);"
             "INSERT INTO action (id, description, owner_id, due_day, status, origin, created_at, closed_at) VALUES"
             " (1, 'Bakjes kleuren', 2, '2026-11-05', 'open', 'dagstart', %lld, NULL),"
             " (2, 'Noodstop vrijhouden', 2, '2026-11-20', 'done', 'dagstart', %lld, %lld);"
             "INSERT INTO dagstart (id, day, started_at, ended_at) VALUES (1, '2026-11-02', %lld, %lld),"
             " (2, '2026-11-03', %lld, NULL);",
             (long long)T("2026-11-02", 9), (long long)T("2026-11-06", 14), (long long)T("2026-11-06", 14),
             (long long)T("2026-11-06", 14), (long long)T("2026-11-10", 9), (long long)T("2026-11-10", 9),
             (long long)T("2026-11-06", 14), (long long)T("2026-11-02", 7), (long long)T("2026-11-03", 7),
             (long long)T("2026-11-12", 10), (long long)T("2026-11-02", 7), (long long)T("2026-11-02", 7) + 600,
             (long long)T("2026-11-03", 7));
    T_CHECK(exec(db, sql), "store: test rows inserted");

    store_review_data d;
    vb_code rc = store_review_load(s, M("2026-11"), D("2026-12-10"), &d, &err);
    T_CHECK(rc == VB_OK, "store: review data loads");
    review r;
    review_compute(&d.in, &r);
    T_EQ_INT(d.in.category_count, 7, "store: all seven categories, in their order");
    T_EQ_INT(r.lp_total, 4, "store: learning points of November");
    T_EQ_INT(r.lp_by_category[1], 2, "store: two safety points");
    T_EQ_INT(r.ideas_submitted, 2, "store: ideas submitted");
    T_EQ_INT(r.ideas_adopted, 1, "store: idea adopted");
    T_CHECK(r.has_median && r.median_days == 4.0, "store: 4 days to first feedback");
    T_EQ_INT(r.ideas_waiting, 1, "store: one idea waiting");
    T_CHECK(r.top_count == 1 && r.top[0].id == 2 && strcmp(r.top[0].title, "Idee twee") == 0,
            "store: top-voted open idea with its title");
    T_CHECK(r.actions_open == 1 && r.actions_overdue == 1 && r.actions_done == 1, "store: actions");
    T_EQ_INT(r.working_days, 20, "store: working days with the holiday from the table");
    T_EQ_INT(r.dagstarts_held, 1, "store: only closed daily starts are held");
    store_review_free(&d);

    struct lp_seen seen;
    memset(&seen, 0, sizeof seen);
    rc = store_review_export_lps(s, M("2026-11"), lp_collect, &seen, &err);
    T_CHECK(rc == VB_OK && seen.n == 4, "export rows: the month's four learning points");
    T_CHECK(strcmp(seen.order[0], "2026-11-03 quality anon later key") == 0 &&
                strcmp(seen.order[1], "2026-11-03 safety anon alpha") == 0 &&
                strcmp(seen.order[2], "2026-11-03 safety zeta signed") == 0 &&
                strcmp(seen.order[3], "2026-11-30 other anon last day") == 0,
            "export rows: sorted by day, category, text; never by key");
    T_CHECK(!seen.anonymous_named, "export rows: anonymous points carry no name");
    sqlite3_close(db);
    store_close(s);
}

/* 100,000 learning points over three years: the month's review loads fast. */
static void test_store_speed(void)
{
    const char *path = t_path("big.db");
    store *s = NULL;
    vb_err err;
    if (!t_report(store_open(&s, path, STORE_READWRITE, T("2026-11-26", 7), &err) == VB_OK, "speed: open", "%s",
                  err.msg))
        return;
    sqlite3 *db = NULL;
    sqlite3_open(path, &db);
    t_db_views(db, path);
    exec(db, "BEGIN");
    sqlite3_stmt *st = NULL;
    sqlite3_prepare_v2(db,
                       "INSERT INTO learning_point (id, receipt, day, dagstart_day, category_id, what_happened)"
                       " VALUES (printf('%016x', ?1), printf('R%06d', ?1), ?2, ?2, ?3, 'iets')",
                       -1, &st, NULL);
    vb_day start = D("2024-01-01");
    enum { N = 100000 };
    int in_november = 0;
    for (int i = 0; i < N; i++) {
        vb_day day = vb_day_add(start, (int)((long long)i * 1090 / N));
        char text[11];
        vb_day_format(day, text);
        if (day.year == 2026 && day.month == 11)
            in_november++;
        sqlite3_bind_int(st, 1, i);
        sqlite3_bind_text(st, 2, text, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(st, 3, 1 + i % 7);
        sqlite3_step(st);
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    T_CHECK(exec(db, "COMMIT"), "speed: 100,000 learning points inserted");
    sqlite3_close(db);

    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    store_review_data d;
    review r, before;
    vb_code rc = store_review_load(s, M("2026-11"), D("2026-11-26"), &d, &err);
    review_compute(&d.in, &r);
    store_review_free(&d);
    rc = rc == VB_OK ? store_review_load(s, M("2026-10"), D("2026-11-26"), &d, &err) : rc;
    review_compute(&d.in, &before);
    store_review_free(&d);
    double ms = ms_since(&t0);
    t_note("review of a month and the one before with 100,000 learning points: %.1f ms", ms);
    T_CHECK(rc == VB_OK, "speed: loads");
    int expect = 0;
    for (int i = 0; i < N; i++) {
        vb_day day = vb_day_add(start, (int)((long long)i * 1090 / N));
        if (day.year == 2026 && day.month == 11 && day.mday <= 26)
            expect++;
    }
    T_EQ_INT(r.lp_total, expect, "speed: the counts are right");
    T_CHECK(in_november > 2000, "speed: a busy month (about 2,800 points)");
    /* noted, not asserted (make bench measures it): a wall-clock limit fails
     * at random on a loaded, shared machine; the index check below holds */
    t_note("speed: a month and its comparison loaded in %.1f ms", (double)ms);

    /* the count runs on the index, not over the table */
    sqlite3_open(path, &db);
    t_db_views(db, path);
    /* each half of the points (kiosk/store/store_anon.h) on its own index */
    sqlite3_prepare_v2(db,
                       "EXPLAIN QUERY PLAN SELECT day, category_id, count(*) FROM main.learning_point_signed"
                       " WHERE day BETWEEN '2026-11-01' AND '2026-11-30' GROUP BY day, category_id UNION ALL"
                       " SELECT day, category_id, count(*) FROM anon.learning_point_anon"
                       " WHERE day BETWEEN '2026-11-01' AND '2026-11-30' GROUP BY day, category_id",
                       -1, &st, NULL);
    int covering_halves = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *detail = (const char *)sqlite3_column_text(st, 3);
        covering_halves += strstr(detail, "COVERING INDEX learning_point_signed_day") != NULL;
        covering_halves += strstr(detail, "COVERING INDEX learning_point_anon_day") != NULL;
    }
    bool covering = covering_halves == 2;
    sqlite3_finalize(st);
    sqlite3_close(db);
    T_CHECK(covering, "speed: learning points are counted on the covering index (day, category_id)");
    store_close(s);
}

/* ---- export files --------------------------------------------------------------- */

static void test_export_files(void)
{
    vb_err err;
    const char *dir = t_subdir("out");
    T_EQ_INT(export_write_atomic(t_path("missing"), "x.csv", "a", 1, &err), VB_ERR_NOTFOUND,
             "export: a missing folder is VB_ERR_NOTFOUND");
    T_EQ_INT(export_check_dir(t_path("missing"), false, &err), VB_ERR_NOTFOUND, "export: check names a missing folder");
    T_EQ_INT(export_write_atomic(dir, "x.csv", "first", 5, &err), VB_OK, "export: writes a file");
    size_t n = 0;
    char *text = t_read_file(t_path("out/x.csv"), &n);
    T_CHECK(text && n == 5 && memcmp(text, "first", 5) == 0, "export: the file holds what was written");
    free(text);

    /* A full disk (a file size limit makes write() fail like one): the old
     * file stays whole and no temporary file is left behind. */
    struct rlimit old, small = { 4096, 4096 };
    getrlimit(RLIMIT_FSIZE, &old);
    small.rlim_max = old.rlim_max;
    signal(SIGXFSZ, SIG_IGN);
    static char big[20000];
    memset(big, 'x', sizeof big);
    setrlimit(RLIMIT_FSIZE, &small);
    vb_code rc = export_write_atomic(dir, "x.csv", big, sizeof big, &err);
    setrlimit(RLIMIT_FSIZE, &old);
    T_EQ_INT(rc, VB_ERR_FULL, "export: a full disk is VB_ERR_FULL");
    text = t_read_file(t_path("out/x.csv"), &n);
    T_CHECK(text && n == 5 && memcmp(text, "first", 5) == 0, "export: after a full disk the old file is intact");
    free(text);
    int leftovers = 0;
    char cmd[4300];
    snprintf(cmd, sizeof cmd, "ls -A '%s' | grep -c '^\\.'", dir);
    FILE *ls = popen(cmd, "r");
    if (ls) {
        if (fscanf(ls, "%d", &leftovers) != 1)
            leftovers = -1;
        pclose(ls);
    }
    T_EQ_INT(leftovers, 0, "export: no temporary file is left behind");

    if (t_is_root()) {
        t_skip("export: a read-only folder is VB_ERR_READONLY", "root");
    } else {
        const char *ro = t_subdir("ro");
        chmod(ro, 0555);
        T_EQ_INT(export_write_atomic(ro, "x.csv", "a", 1, &err), VB_ERR_READONLY,
                 "export: a read-only folder is VB_ERR_READONLY");
        T_EQ_INT(export_check_dir(ro, false, &err), VB_ERR_READONLY, "export: check names a read-only folder");
    }
    T_EQ_INT(export_check_dir(dir, true, &err), VB_ERR_NOTFOUND,
             "export: a plain folder where the stick should be mounted is 'no stick'");
    T_CHECK(strstr(err.msg, "no USB stick") != NULL, "export: ... and says so");
    T_EQ_INT(export_check_dir(dir, false, &err), VB_OK, "export: a writable folder is fine for --out");
    T_EQ_INT(export_check_dir("", true, &err), VB_ERR_NOTFOUND, "export: no export_dir set");
}

int main(void)
{
    test_months();
    test_median();
    test_weeks_and_categories();
    test_ideas();
    test_actions();
    test_dagstarts();
    test_comparison();
    test_store();
    test_store_speed();
    test_export_files();
    return t_done();
}

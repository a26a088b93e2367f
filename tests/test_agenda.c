/* test_agenda.c: unit tests of kiosk/core/agenda: working days and holidays,
 * the last daily start held and the period "since the last one" on edge days
 * (a first day with no earlier daily start, Monday after a weekend, the day
 * after a holiday, a gap of two weeks), building the agenda from plain data,
 * the time budget per section, countdowns and their over-run flags, the
 * stopwatch across a restart, and the idle hold. The clock is fixed: every
 * "now" is a parameter. libc only, like the code it tests. */
#include "../kiosk/core/agenda.h"
#include "testlib.h"

static vb_day day_of(const char *text)
{
    vb_day d;
    if (!vb_day_parse(text, &d)) {
        printf("not ok - test day %s parses\n", text);
        exit(1);
    }
    return d;
}

static bool is_day(vb_day d, const char *text)
{
    char buf[11];
    vb_day_format(d, buf);
    return strcmp(buf, text) == 0;
}

#define T_DAY(actual, expected, name)                                                                        \
    ({                                                                                                       \
        char t_buf_[11];                                                                                     \
        vb_day_format((actual), t_buf_);                                                                     \
        t_report(strcmp(t_buf_, (expected)) == 0, (name), "got %s, expected %s (%s:%d)", t_buf_, (expected), \
                 __FILE__, __LINE__);                                                                        \
    })

/* 07:00 local on day */
static int64_t seven_am(const char *day)
{
    return vb_day_start_unix(day_of(day)) + 7 * 3600;
}

static void calendar_with(vb_calendar *cal, const char *working_days, agenda_input *holder)
{
    agenda_input_init(holder, day_of("2026-11-26"), 0);
    snprintf(holder->cal.working_days, sizeof holder->cal.working_days, "%s", working_days);
    *calendar_add_holiday(&holder->cal) = day_of("2026-12-25");
    *calendar_add_holiday(&holder->cal) = day_of("2027-01-01");
    *cal = holder->cal;
}

/* ---- calendar ------------------------------------------------------------- */

static void test_working_days(void)
{
    agenda_input h;
    vb_calendar cal;
    calendar_with(&cal, "12345", &h);
    T_CHECK(calendar_is_working_day(&cal, day_of("2026-11-26")), "calendar: Thursday is a working day");
    T_CHECK(!calendar_is_working_day(&cal, day_of("2026-11-28")), "calendar: Saturday is not (12345)");
    T_CHECK(!calendar_is_working_day(&cal, day_of("2026-11-29")), "calendar: Sunday is not (12345)");
    T_CHECK(!calendar_is_working_day(&cal, day_of("2026-12-25")), "calendar: a holiday from the settings is not");
    T_CHECK(calendar_is_working_day(&cal, day_of("2026-12-24")), "calendar: the day before the holiday is");
    T_DAY(calendar_previous_working_day(&cal, day_of("2026-11-30")), "2026-11-27",
          "calendar: Monday looks back to Friday");
    T_DAY(calendar_previous_working_day(&cal, day_of("2026-12-28")), "2026-12-24",
          "calendar: the Monday after Christmas (Friday) looks back to Thursday");
    T_DAY(calendar_next_working_day(&cal, day_of("2026-12-24")), "2026-12-28",
          "calendar: after Thursday 24 December comes Monday 28");
    T_DAY(calendar_next_working_day(&cal, day_of("2026-12-31")), "2027-01-04",
          "calendar: New Year's Day (Friday) and the weekend are skipped");
    T_EQ_INT(calendar_working_days_between(&cal, day_of("2026-11-27"), day_of("2026-11-30")), 0,
             "calendar: no working day between Friday and Monday");
    T_EQ_INT(calendar_working_days_between(&cal, day_of("2026-11-12"), day_of("2026-11-26")), 9,
             "calendar: nine working days inside a two-week gap");
    agenda_input_free(&h);

    calendar_with(&cal, "123456", &h);
    T_CHECK(calendar_is_working_day(&cal, day_of("2026-11-28")), "calendar: Saturday works with working_days 123456");
    T_CHECK(!calendar_is_working_day(&cal, day_of("2026-11-29")), "calendar: Sunday still does not");
    agenda_input_free(&h);

    calendar_with(&cal, "7", &h);
    T_CHECK(calendar_is_working_day(&cal, day_of("2026-11-29")), "calendar: '7' is Sunday");
    T_CHECK(!calendar_is_working_day(&cal, day_of("2026-11-30")), "calendar: only Sunday with '7'");
    agenda_input_free(&h);

    calendar_with(&cal, "", &h);
    T_CHECK(calendar_is_working_day(&cal, day_of("2026-11-27")) && !calendar_is_working_day(&cal, day_of("2026-11-28")),
            "calendar: an empty working_days setting means Monday to Friday");
    agenda_input_free(&h);
    calendar_with(&cal, "x9", &h);
    T_CHECK(calendar_is_working_day(&cal, day_of("2026-11-26")), "calendar: an invalid setting means Monday to Friday");
    agenda_input_free(&h);
}

/* ---- the period since the last daily start ----------------------------------- */

static void test_period(void)
{
    agenda_input h;
    vb_calendar cal;
    calendar_with(&cal, "12345", &h);

    agenda_period p = agenda_period_for(&cal, day_of("2026-11-26"), NULL, 0);
    T_CHECK(p.first, "period: a first day with no earlier daily start is marked first");
    T_DAY(p.from, "2026-11-12", "period: the first daily start looks back two weeks");
    T_DAY(p.to, "2026-11-26", "period: ends today");
    T_EQ_INT(p.since_s, vb_day_start_unix(day_of("2026-11-12")), "period: first: news since midnight two weeks ago");
    T_EQ_INT(p.missed, 0, "period: first: no missed daily starts");

    agenda_held held[4] = {
        { day_of("2026-11-24"), seven_am("2026-11-24") },
        { day_of("2026-11-25"), seven_am("2026-11-25") },
        { day_of("2026-11-26"), seven_am("2026-11-26") }, /* today's own: not "earlier" */
        { day_of("2026-12-01"), seven_am("2026-12-01") }, /* after today (clock set back): ignored */
    };
    agenda_held last;
    T_CHECK(agenda_previous_held(held, 4, day_of("2026-11-26"), &last) && is_day(last.day, "2026-11-25"),
            "held: the previous one is yesterday's, not today's or a later one");
    T_CHECK(!agenda_previous_held(held, 4, day_of("2026-11-24"), &last), "held: none before the first");

    p = agenda_period_for(&cal, day_of("2026-11-26"), held, 4);
    T_CHECK(!p.first, "period: an ordinary day is not first");
    T_DAY(p.from, "2026-11-26", "period: ordinary day: learning points of today's daily start");
    T_EQ_INT(p.since_s, seven_am("2026-11-25"), "period: news since yesterday's daily start began");
    T_DAY(p.look_back_day, "2026-11-25", "period: looks back at yesterday");
    T_EQ_INT(p.missed, 0, "period: nothing missed");

    agenda_held friday = { day_of("2026-11-27"), seven_am("2026-11-27") };
    p = agenda_period_for(&cal, day_of("2026-11-30"), &friday, 1);
    T_DAY(p.from, "2026-11-28", "period: Monday after a weekend starts on Saturday");
    T_DAY(p.look_back_day, "2026-11-27", "period: Monday looks back at Friday");
    T_EQ_INT(p.missed, 0, "period: the weekend is not a missed daily start");
    T_EQ_INT(p.since_s, seven_am("2026-11-27"), "period: Monday: news since Friday's daily start");

    agenda_held before_xmas = { day_of("2026-12-24"), seven_am("2026-12-24") };
    p = agenda_period_for(&cal, day_of("2026-12-28"), &before_xmas, 1);
    T_DAY(p.from, "2026-12-25", "period: the day after a holiday includes the holiday");
    T_EQ_INT(p.missed, 0, "period: a holiday is not a missed daily start");
    T_DAY(p.look_back_day, "2026-12-24", "period: after Christmas looks back at 24 December");

    agenda_held two_weeks = { day_of("2026-11-12"), seven_am("2026-11-12") };
    p = agenda_period_for(&cal, day_of("2026-11-26"), &two_weeks, 1);
    T_DAY(p.from, "2026-11-13", "period: a gap of two weeks starts the day after the last one");
    T_EQ_INT(p.missed, 9, "period: a gap of two weeks missed nine working days");
    T_CHECK(!p.capped, "period: two weeks fit the window");

    agenda_held long_ago = { day_of("2026-08-01"), seven_am("2026-08-01") };
    p = agenda_period_for(&cal, day_of("2026-11-26"), &long_ago, 1);
    T_CHECK(p.capped, "period: a gap longer than the window is capped");
    T_EQ_INT(vb_day_diff(p.from, day_of("2026-11-26")), AGENDA_WINDOW_DAYS, "period: capped at the window");
    T_CHECK(p.since_s >= vb_day_start_unix(p.from), "period: capped news starts with the window");
    agenda_input_free(&h);
}

/* ---- budgets, countdowns, the stopwatch -------------------------------------- */

static void test_budget(void)
{
    int b[AGENDA_SECTIONS];
    agenda_budget(600, b);
    T_CHECK(b[0] == 60 && b[1] == 90 && b[2] == 180 && b[3] == 150 && b[4] == 120,
            "budget: 10 minutes split 1:00, 1:30, 3:00, 2:30, 2:00");
    int sizes[] = { 0, 1, 7, 61, 599, 601, 900, 7200 };
    bool sums = true;
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        agenda_budget(sizes[i], b);
        int sum = 0;
        for (int k = 0; k < AGENDA_SECTIONS; k++)
            sum += b[k];
        sums = sums && sum == sizes[i];
    }
    T_CHECK(sums, "budget: the parts always add up to the total");
    agenda_budget(-5, b);
    T_CHECK(b[0] == 0 && b[2] == 0, "budget: a negative length gives nothing");
}

static void test_countdown(void)
{
    int b[AGENDA_SECTIONS];
    agenda_budget(600, b);
    int64_t e[AGENDA_SECTIONS] = { 30000, 0, 0, 0, 0 };
    agenda_countdown c;
    agenda_countdown_of(b, e, &c);
    T_EQ_INT(c.section_left_ms[0], 30000, "countdown: half of staffing left");
    T_CHECK(!c.section_over[0] && !c.total_over, "countdown: nothing runs over yet");
    T_EQ_INT(c.section_permille[0], 500, "countdown: staffing bar half full");
    T_EQ_INT(c.total_left_ms, 570000, "countdown: 9:30 of the meeting left");

    int64_t e2[AGENDA_SECTIONS] = { 95000, 90000, 0, 0, 0 };
    agenda_countdown_of(b, e2, &c);
    T_CHECK(c.section_over[0], "countdown: staffing over after 1:35 of 1:00");
    T_EQ_INT(c.section_left_ms[0], -35000, "countdown: 35 seconds over");
    T_EQ_INT(c.section_permille[0], 1000, "countdown: an over-run bar stays full");
    T_CHECK(!c.section_over[1], "countdown: exactly on budget is not over");
    T_CHECK(!c.total_over, "countdown: the meeting as a whole is not over");

    int64_t e3[AGENDA_SECTIONS] = { 60000, 90000, 250000, 150000, 80000 };
    agenda_countdown_of(b, e3, &c);
    T_CHECK(c.total_over, "countdown: 10:30 of 10:00 runs the meeting over");
    T_EQ_INT(c.total_left_ms, -30000, "countdown: the meeting is 30 seconds over");
    T_CHECK(c.section_over[2] && !c.section_over[4], "countdown: look back over, actions not");

    int zero[AGENDA_SECTIONS] = { 0 };
    int64_t some[AGENDA_SECTIONS] = { 1, 0, 0, 0, 0 };
    agenda_countdown_of(zero, some, &c);
    T_CHECK(c.section_over[0] && c.section_permille[0] == 1000 && c.section_permille[1] == 0,
            "countdown: a zero budget is over at once, without dividing by zero");
}

static void test_timer(void)
{
    agenda_timer t;
    int saved[AGENDA_SECTIONS] = { 70, 20, 0, 0, 0 };
    agenda_timer_start(&t, saved, 1, 1000);
    int64_t e[AGENDA_SECTIONS];
    agenda_timer_elapsed(&t, 31000, e);
    T_CHECK(e[0] == 70000 && e[1] == 50000, "timer: resumes after a restart from the saved seconds");
    agenda_timer_switch(&t, 2, 31000);
    agenda_timer_elapsed(&t, 41000, e);
    T_CHECK(e[1] == 50000 && e[2] == 10000, "timer: the next section counts, the last one stands still");
    agenda_timer_switch(&t, 1, 41000);
    agenda_timer_elapsed(&t, 46000, e);
    T_CHECK(e[1] == 55000 && e[2] == 10000, "timer: going back counts on the earlier section");
    int secs[AGENDA_SECTIONS];
    agenda_timer_seconds(&t, 46999, secs);
    T_CHECK(secs[0] == 70 && secs[1] == 55 && secs[2] == 10, "timer: whole seconds for saving");
    agenda_timer_stop(&t, 50000);
    agenda_timer_elapsed(&t, 90000, e);
    T_EQ_INT(e[1], 59000, "timer: stopped stays still");
    agenda_timer_switch(&t, 9, 90000);
    T_EQ_INT(t.current, AGENDA_SECTIONS - 1, "timer: a section out of range is clamped");
    agenda_timer_start(&t, NULL, 0, 0);
    agenda_timer_elapsed(&t, -5, e);
    T_EQ_INT(e[0], 0, "timer: a clock before the start counts nothing");
}

static void test_idle_hold(void)
{
    int64_t start = seven_am("2026-11-26");
    T_CHECK(agenda_holds_idle(start, 10, start + 60), "idle: held during the meeting");
    T_CHECK(agenda_holds_idle(start, 10, start + 39 * 60 + 59), "idle: held until 30 minutes past the planned end");
    T_CHECK(!agenda_holds_idle(start, 10, start + 40 * 60), "idle: released 30 minutes past the planned end");
    T_CHECK(agenda_holds_idle(start, 15, start + 44 * 60), "idle: follows the meeting length");
    T_CHECK(!agenda_holds_idle(0, 10, 100), "idle: no daily start, no hold");
}

static void test_presets(void)
{
    agenda_input h;
    vb_calendar cal;
    calendar_with(&cal, "12345", &h);
    vb_day thu = day_of("2026-11-26");
    T_DAY(agenda_due_day(&cal, thu, DUE_TODAY), "2026-11-26", "due: today");
    T_DAY(agenda_due_day(&cal, thu, DUE_TOMORROW), "2026-11-27", "due: tomorrow (Friday)");
    T_DAY(agenda_due_day(&cal, thu, DUE_NEXT_WEEK), "2026-12-03", "due: next week");
    T_DAY(agenda_due_day(&cal, thu, DUE_TWO_WEEKS), "2026-12-10", "due: in two weeks");
    T_DAY(agenda_due_day(&cal, day_of("2026-11-27"), DUE_TOMORROW), "2026-11-30",
          "due: 'tomorrow' on a Friday is Monday");
    T_DAY(agenda_due_day(&cal, day_of("2026-12-18"), DUE_NEXT_WEEK), "2026-12-28",
          "due: a week on that is a holiday moves to the next working day");
    T_DAY(agenda_due_day(&cal, day_of("2026-11-28"), DUE_NEXT_WEEK), "2026-12-07",
          "due: a week after a Saturday moves to Monday");

    vb_day from, to;
    agenda_range(&cal, thu, RANGE_TODAY, &from, &to);
    T_CHECK(is_day(from, "2026-11-26") && is_day(to, "2026-11-26"), "range: today only");
    agenda_range(&cal, thu, RANGE_WEEK_END, &from, &to);
    T_DAY(to, "2026-11-27", "range: until the end of the working week");
    agenda_range(&cal, day_of("2026-12-24"), RANGE_WEEK_END, &from, &to);
    T_DAY(to, "2026-12-24", "range: end of week before a holiday Friday is Thursday");
    agenda_range(&cal, day_of("2026-11-28"), RANGE_WEEK_END, &from, &to);
    T_DAY(to, "2026-11-28", "range: on a Saturday the week has ended: today only");
    agenda_range(&cal, thu, RANGE_ONE_WEEK, &from, &to);
    T_DAY(to, "2026-12-02", "range: one week");
    agenda_range(&cal, thu, RANGE_TWO_WEEKS, &from, &to);
    T_DAY(to, "2026-12-09", "range: two weeks");

    T_EQ_INT(agenda_overdue_days(day_of("2026-11-23"), thu), 3, "overdue: three days");
    T_EQ_INT(agenda_overdue_days(thu, thu), 0, "overdue: due today is not overdue");
    T_EQ_INT(agenda_overdue_days(day_of("2026-12-01"), thu), 0, "overdue: not yet due");
    T_EQ_INT(agenda_days_until(day_of("2026-12-01"), thu), 5, "due: in five days");
    agenda_input_free(&h);
}

/* ---- building the agenda ------------------------------------------------------ */

static agenda_lp *lp(agenda_input *in, const char *id, const char *day, const char *dagstart_day, const char *what)
{
    agenda_lp *p = agenda_input_add_lp(in);
    snprintf(p->id, sizeof p->id, "%s", id);
    p->day = day_of(day);
    p->dagstart_day = day_of(dagstart_day);
    snprintf(p->category, sizeof p->category, "quality");
    snprintf(p->what, sizeof p->what, "%s", what);
    return p;
}

static agenda_idea *idea(agenda_input *in, int64_t id, const char *status, int64_t created, int64_t changed,
                         int64_t feedback_at)
{
    agenda_idea *i = agenda_input_add_idea(in);
    i->id = id;
    snprintf(i->title, sizeof i->title, "idea %lld", (long long)id);
    idea_status_parse(status, &i->status);
    i->created_at = created;
    i->status_changed_at = changed;
    i->feedback_at = feedback_at;
    return i;
}

static agenda_action *action(agenda_input *in, int64_t id, const char *status, const char *due, int64_t closed)
{
    agenda_action *a = agenda_input_add_action(in);
    a->id = id;
    snprintf(a->description, sizeof a->description, "action %lld", (long long)id);
    snprintf(a->status, sizeof a->status, "%s", status);
    a->due = day_of(due);
    a->closed_at = closed;
    return a;
}

static agenda_announcement *announce(agenda_input *in, int64_t id, const char *from, const char *to)
{
    agenda_announcement *a = agenda_input_add_announcement(in);
    a->id = id;
    snprintf(a->text, sizeof a->text, "announcement %lld", (long long)id);
    a->from = day_of(from);
    a->to = day_of(to);
    return a;
}

static const agenda_item *find(const agenda *ag, const char *key)
{
    for (int i = 0; i < ag->nitems; i++)
        if (strcmp(ag->items[i].key, key) == 0)
            return &ag->items[i];
    return NULL;
}

static bool in_section(const agenda *ag, const char *key, agenda_section s, agenda_group g)
{
    const agenda_item *it = find(ag, key);
    return it && it->section == s && it->group == g;
}

/* Monday 30 November 2026, the last daily start on Friday 27 at 07:00. */
static void test_build_monday(void)
{
    agenda_input in;
    vb_day today = day_of("2026-11-30");
    agenda_input_init(&in, today, seven_am("2026-11-30"));
    int64_t friday = seven_am("2026-11-27");
    agenda_held *h = agenda_input_add_held(&in);
    h->day = day_of("2026-11-27");
    h->started_at = friday;
    h = agenda_input_add_held(&in);
    h->day = day_of("2026-11-26");
    h->started_at = seven_am("2026-11-26");

    for (int i = 0; i < 3; i++) {
        agenda_member *m = agenda_input_add_member(&in);
        m->id = i + 1;
        snprintf(m->name, sizeof m->name, "member %d", i + 1);
        m->presence = i == 0 ? 1 : i == 1 ? 0 : -1;
    }
    lp(&in, "aaaaaaaaaaaaaaa1", "2026-11-27", "2026-11-30", "logged Friday afternoon");
    lp(&in, "aaaaaaaaaaaaaaa2", "2026-11-28", "2026-11-30", "logged on Saturday");
    lp(&in, "aaaaaaaaaaaaaaa3", "2026-11-26", "2026-11-27", "belonged to Friday's daily start");
    lp(&in, "aaaaaaaaaaaaaaa4", "2026-11-30", "2026-12-01", "logged today for tomorrow");

    idea(&in, 1, "adopted", friday - 86400 * 9, friday + 3600, friday + 3600);
    idea(&in, 2, "adopted", friday - 86400 * 20, friday - 3600, friday - 3600);
    idea(&in, 3, "trial", friday - 86400 * 5, friday + 7200, friday + 7200);
    idea(&in, 4, "new", friday + 600, friday + 600, 0);
    idea(&in, 5, "review", friday - 86400 * 9, friday - 86400, friday + 9000);
    idea(&in, 6, "declined", friday - 86400 * 9, friday + 100, friday + 100);
    idea(&in, 7, "new", friday - 86400, friday - 86400, 0);

    action(&in, 1, "done", "2026-11-27", friday + 5000);
    action(&in, 2, "done", "2026-11-20", friday - 5000);
    action(&in, 3, "open", "2026-11-27", 0);
    action(&in, 4, "open", "2026-11-30", 0);
    action(&in, 5, "open", "2026-12-01", 0);
    action(&in, 6, "dropped", "2026-11-25", friday + 50);
    action(&in, 7, "open", "2026-11-20", 0);

    announce(&in, 1, "2026-11-28", "2026-12-04");
    announce(&in, 2, "2026-12-02", "2026-12-03");
    announce(&in, 3, "2026-11-20", "2026-11-27");
    announce(&in, 4, "2026-12-10", "2026-12-11");
    announce(&in, 5, "2026-11-30", "2026-11-30");

    agenda_topic *t = agenda_input_add_topic(&in);
    t->id = 1;
    t->section = AGENDA_LOOK_AHEAD;
    snprintf(t->text, sizeof t->text, "Order for Van Dijk must ship at 14:00");
    t = agenda_input_add_topic(&in);
    t->id = 2;
    t->section = AGENDA_ANNOUNCEMENTS;
    snprintf(t->text, sizeof t->text, "Welcome to Sarah");

    agenda_input_add_discussed(&in, "lp:aaaaaaaaaaaaaaa1");
    agenda_input_add_discussed(&in, "action:3");
    agenda_input_add_discussed(&in, "idea:99");

    agenda ag;
    vb_err err;
    if (!T_EQ_INT(agenda_build(&in, &ag, &err), VB_OK, "build: Monday builds"))
        return;
    T_CHECK(ag.working_day, "build: Monday is a working day");
    T_CHECK(!ag.period.first && is_day(ag.period.last.day, "2026-11-27"), "build: the last one was Friday");

    T_CHECK(in_section(&ag, "lp:aaaaaaaaaaaaaaa1", AGENDA_LOOK_BACK, AGENDA_GROUP_COULD_BE_BETTER),
            "build: a learning point of today's daily start is under 'could be better'");
    T_CHECK(in_section(&ag, "lp:aaaaaaaaaaaaaaa2", AGENDA_LOOK_BACK, AGENDA_GROUP_COULD_BE_BETTER),
            "build: a learning point from the weekend comes along on Monday");
    T_CHECK(!find(&ag, "lp:aaaaaaaaaaaaaaa3"), "build: one that belonged to Friday's daily start does not");
    T_CHECK(!find(&ag, "lp:aaaaaaaaaaaaaaa4"), "build: one for tomorrow's daily start does not");

    T_CHECK(in_section(&ag, "idea:1", AGENDA_LOOK_BACK, AGENDA_GROUP_WENT_WELL) &&
                find(&ag, "idea:1")->kind == AGENDA_IDEA_ADOPTED,
            "build: an idea adopted since Friday went well");
    T_CHECK(!find(&ag, "idea:2"), "build: an idea adopted before Friday's daily start is old news");
    T_CHECK(in_section(&ag, "idea:3", AGENDA_ACTIONS, AGENDA_GROUP_IDEAS) &&
                find(&ag, "idea:3")->kind == AGENDA_IDEA_CHANGED,
            "build: an idea that moved to 'being tried' is under improvement actions");
    T_CHECK(find(&ag, "idea:4") && find(&ag, "idea:4")->kind == AGENDA_IDEA_NEW, "build: a new idea is shown as new");
    T_CHECK(find(&ag, "idea:5") && find(&ag, "idea:5")->kind == AGENDA_IDEA_CHANGED,
            "build: new feedback without a move counts as news");
    T_CHECK(find(&ag, "idea:6") && find(&ag, "idea:6")->kind == AGENDA_IDEA_CHANGED,
            "build: a declined idea with its feedback is news too");
    T_CHECK(!find(&ag, "idea:7"), "build: an idea submitted before Friday's daily start is not new");

    T_CHECK(in_section(&ag, "action:1", AGENDA_LOOK_BACK, AGENDA_GROUP_WENT_WELL), "build: an action done since went well");
    T_CHECK(!find(&ag, "action:2"), "build: an action done before is not repeated");
    const agenda_item *a3 = find(&ag, "action:3");
    T_CHECK(a3 && a3->section == AGENDA_ACTIONS && a3->overdue_days == 3, "build: an action due Friday is 3 days overdue");
    const agenda_item *a4 = find(&ag, "action:4");
    T_CHECK(a4 && a4->section == AGENDA_ACTIONS && a4->overdue_days == 0, "build: an action due today is listed");
    T_CHECK(!find(&ag, "action:5"), "build: an action due tomorrow is not");
    T_CHECK(!find(&ag, "action:6"), "build: a dropped action is not");
    /* most overdue first */
    int i7 = (int)(find(&ag, "action:7") - ag.items), i3 = (int)(a3 - ag.items), i4 = (int)(a4 - ag.items);
    T_CHECK(i7 < i3 && i3 < i4, "build: the most overdue action comes first");

    T_CHECK(in_section(&ag, "ann:1", AGENDA_ANNOUNCEMENTS, AGENDA_GROUP_CURRENT), "build: a current announcement");
    T_CHECK(in_section(&ag, "ann:5", AGENDA_ANNOUNCEMENTS, AGENDA_GROUP_CURRENT), "build: a one-day announcement today");
    T_CHECK(in_section(&ag, "ann:2", AGENDA_LOOK_AHEAD, AGENDA_GROUP_COMING_UP),
            "build: one starting Wednesday is 'coming up' under looking ahead");
    T_CHECK(!find(&ag, "ann:3"), "build: one that ended Friday is gone");
    T_CHECK(!find(&ag, "ann:4"), "build: one starting in ten days is not shown yet");

    T_CHECK(in_section(&ag, "topic:1", AGENDA_LOOK_AHEAD, AGENDA_GROUP_TODAY),
            "build: the lead's item for looking ahead is today's goal or bottleneck");
    T_CHECK(in_section(&ag, "topic:2", AGENDA_ANNOUNCEMENTS, AGENDA_GROUP_LEAD), "build: the lead's own announcement item");
    T_EQ_INT(ag.first[AGENDA_ANNOUNCEMENTS], (int)(find(&ag, "topic:2") - ag.items),
             "build: the lead's own item comes first in its section");

    T_CHECK(find(&ag, "lp:aaaaaaaaaaaaaaa1")->discussed && find(&ag, "action:3")->discussed &&
                !find(&ag, "lp:aaaaaaaaaaaaaaa2")->discussed,
            "build: discussed marks are applied");
    T_EQ_INT(ag.count[AGENDA_STAFFING], 3, "build: staffing lists the roster");
    T_CHECK(ag.present == 1 && ag.absent == 1 && ag.unrecorded == 1, "build: presence is counted");
    T_EQ_INT(ag.discussed[AGENDA_LOOK_BACK], 1, "build: one discussed in looking back");
    T_EQ_INT(ag.discussable[AGENDA_LOOK_BACK], 4, "build: four to discuss in looking back");

    bool sorted = true, ranges = true;
    for (int i = 1; i < ag.nitems; i++)
        sorted = sorted && ag.items[i - 1].section <= ag.items[i].section;
    for (int s = 0; s < AGENDA_SECTIONS; s++)
        for (int k = 0; k < ag.count[s]; k++)
            ranges = ranges && (int)ag.items[ag.first[s] + k].section == s;
    T_CHECK(sorted && ranges, "build: items are in section order and first/count cover each section");

    /* The screen toggles a mark and recounts. */
    ((agenda_item *)find(&ag, "lp:aaaaaaaaaaaaaaa2"))->discussed = true;
    in.members[2].presence = 0;
    agenda_recount(&ag);
    T_CHECK(ag.discussed[AGENDA_LOOK_BACK] == 2 && ag.absent == 2 && ag.unrecorded == 0, "build: recount after changes");
    agenda_free(&ag);
    agenda_input_free(&in);
}

/* The first daily start ever, on a Saturday (not a working day). */
static void test_build_first_day(void)
{
    agenda_input in;
    agenda_input_init(&in, day_of("2026-11-28"), seven_am("2026-11-28"));
    lp(&in, "bbbbbbbbbbbbbbb1", "2026-11-20", "2026-11-23", "ten days ago");
    lp(&in, "bbbbbbbbbbbbbbb2", "2026-11-01", "2026-11-02", "four weeks ago");
    idea(&in, 1, "new", seven_am("2026-11-20"), seven_am("2026-11-20"), 0);
    in.total_minutes = 15;
    agenda ag;
    vb_err err;
    if (!T_EQ_INT(agenda_build(&in, &ag, &err), VB_OK, "first day: builds"))
        return;
    T_CHECK(!ag.working_day, "first day: Saturday is not a working day (the agenda still builds)");
    T_CHECK(ag.period.first, "first day: no earlier daily start");
    T_CHECK(find(&ag, "lp:bbbbbbbbbbbbbbb1") != NULL, "first day: learning points of the last two weeks come along");
    T_CHECK(find(&ag, "lp:bbbbbbbbbbbbbbb2") == NULL, "first day: older ones do not");
    T_CHECK(find(&ag, "idea:1") && find(&ag, "idea:1")->kind == AGENDA_IDEA_NEW, "first day: recent ideas are new");
    T_EQ_INT(ag.budget_s[0] + ag.budget_s[1] + ag.budget_s[2] + ag.budget_s[3] + ag.budget_s[4], 900,
             "first day: the budget follows dagstart_minutes (15)");
    T_EQ_INT(ag.count[AGENDA_STAFFING], 0, "first day: an empty roster gives an empty staffing section");
    T_EQ_INT(ag.first[AGENDA_ANNOUNCEMENTS], 0, "first day: empty sections still have a valid first index");
    agenda_free(&ag);
    agenda_input_free(&in);
}

/* Two weeks without a daily start: everything of those weeks comes back. */
static void test_build_gap(void)
{
    agenda_input in;
    agenda_input_init(&in, day_of("2026-11-26"), seven_am("2026-11-26"));
    agenda_held *h = agenda_input_add_held(&in);
    h->day = day_of("2026-11-12");
    h->started_at = seven_am("2026-11-12");
    lp(&in, "ccccccccccccccc1", "2026-11-12", "2026-11-13", "the day after the last one");
    lp(&in, "ccccccccccccccc2", "2026-11-18", "2026-11-19", "in the middle of the gap");
    lp(&in, "ccccccccccccccc3", "2026-11-11", "2026-11-12", "discussed at the last one");
    action(&in, 1, "done", "2026-11-20", seven_am("2026-11-19"));
    idea(&in, 1, "adopted", seven_am("2026-10-01"), seven_am("2026-11-16"), seven_am("2026-11-16"));
    agenda ag;
    vb_err err;
    if (!T_EQ_INT(agenda_build(&in, &ag, &err), VB_OK, "gap: builds"))
        return;
    T_EQ_INT(ag.period.missed, 9, "gap: nine daily starts missed");
    T_CHECK(find(&ag, "lp:ccccccccccccccc1") && find(&ag, "lp:ccccccccccccccc2"),
            "gap: learning points of the missed days are under 'could be better'");
    T_CHECK(!find(&ag, "lp:ccccccccccccccc3"), "gap: the last one's learning points are not repeated");
    T_CHECK(find(&ag, "action:1") && find(&ag, "idea:1"), "gap: what went well during the gap comes back");
    agenda_free(&ag);
    agenda_input_free(&in);
}

int main(void)
{
    test_working_days();
    test_period();
    test_budget();
    test_countdown();
    test_timer();
    test_idle_hold();
    test_presets();
    test_build_monday();
    test_build_first_day();
    test_build_gap();
    return t_done();
}

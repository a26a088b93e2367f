/* test_dagstart.c: the daily start and actions in the database
 * (store/store_dagstart.h, store/store_actions.h) on temporary databases
 * filled with the demo data: loading today's agenda, opening a daily start,
 * saving marks, presence, section times and notes as they happen, resuming
 * after the database was closed and opened again (a restart), closing it
 * (and what the next day picks up), announcements and the lead's own items,
 * an action made from a learning point and its owner marking it done, the
 * lead's feedback on a learning point as its reporter sees it through the
 * receipt code, and the audit rows of it all. */
#include <time.h>

#include "../kiosk/core/agenda.h"
#include "../kiosk/core/clock.h"
#include "../kiosk/store/store.h"
#include "../kiosk/store/store_actions.h"
#include "../kiosk/store/store_audit.h"
#include "../kiosk/store/store_dagstart.h"
#include "../kiosk/store/store_learning.h"
#include "testlib.h"

#define LEAD_HENK 1
#define JEROEN 3
#define MOHAMED 4
#define LINDA 5

static int64_t at(const char *text)
{
    int64_t t = 0;
    if (!vb_parse_local_datetime(text, &t)) {
        printf("not ok - parse %s\n", text);
        exit(1);
    }
    return t;
}

static vb_day day_of(const char *text)
{
    vb_day d;
    vb_day_parse(text, &d);
    return d;
}

static store *open_db(const char *path, vb_err *err)
{
    store *s = NULL;
    if (store_open(&s, path, STORE_READWRITE, at("2026-11-26T06:55"), err) != VB_OK)
        return NULL;
    return s;
}

static store *demo_db(const char *name)
{
    vb_err err;
    vb_err_clear(&err);
    store *s = open_db(t_path(name), &err);
    if (!s || store_demo_fill(s, at("2026-11-26T06:55"), &err) != VB_OK) {
        printf("not ok - demo database %s: %s\n", name, err.msg);
        exit(1);
    }
    return s;
}

static const agenda_item *find(const agenda *ag, const char *key)
{
    for (int i = 0; i < ag->nitems; i++)
        if (strcmp(ag->items[i].key, key) == 0)
            return &ag->items[i];
    return NULL;
}

static const agenda_member *member(const agenda_input *in, int64_t id)
{
    for (int i = 0; i < in->nmembers; i++)
        if (in->members[i].id == id)
            return &in->members[i];
    return NULL;
}

static int audit_count(store *s, const char *action)
{
    int n = -1;
    store_audit_count(s, action, &n, NULL);
    return n;
}

/* Today's first learning point of the agenda ("" when none). */
static void first_lp(const agenda *ag, char id[17], char receipt[8])
{
    id[0] = receipt[0] = '\0';
    for (int i = 0; i < ag->nitems; i++)
        if (ag->items[i].kind == AGENDA_LEARNING_POINT) {
            snprintf(id, 17, "%s", ag->in->lps[ag->items[i].index].id);
            snprintf(receipt, 8, "%s", ag->in->lps[ag->items[i].index].receipt);
            return;
        }
}

static void test_load_demo(void)
{
    store *s = demo_db("load.db");
    agenda_input in;
    store_dagstart ds;
    vb_err err;
    vb_err_clear(&err);
    vb_day today = day_of("2026-11-26");
    if (!T_EQ_INT(store_agenda_load(s, today, at("2026-11-26T06:55"), &in, &ds, &err), VB_OK, "load: demo agenda loads"))
        return;
    T_EQ_INT(ds.id, 0, "load: no daily start yet today");
    T_EQ_INT(in.nmembers, 15, "load: the active roster");
    T_EQ_INT(in.total_minutes, 10, "load: dagstart_minutes from the settings");
    T_EQ_STR(in.cal.working_days, "12345", "load: working days from the settings");
    T_CHECK(in.nheld >= 15, "load: a month of daily starts held");
    bool no_author = true;
    for (int i = 0; i < in.nlps; i++)
        no_author = no_author && strlen(in.lps[i].id) == 16;
    T_CHECK(in.nlps > 0 && no_author, "load: learning points of the period");
    agenda ag;
    if (!T_EQ_INT(agenda_build(&in, &ag, &err), VB_OK, "load: the agenda builds"))
        return;
    char last[11];
    vb_day_format(ag.period.last.day, last);
    T_EQ_STR(last, "2026-11-25", "load: the last daily start was yesterday");
    T_CHECK(ag.count[AGENDA_LOOK_BACK] >= 1, "load: something to look back on");
    T_CHECK(ag.count[AGENDA_ANNOUNCEMENTS] >= 2, "load: the current announcements");
    T_CHECK(find(&ag, "action:9") && find(&ag, "action:9")->overdue_days > 0, "load: the overdue demo action is due");
    T_CHECK(find(&ag, "action:7") && find(&ag, "action:7")->overdue_days == 0, "load: the action due today");
    T_CHECK(!find(&ag, "action:6"), "load: an action due next week is not on today's agenda");
    agenda_free(&ag);
    agenda_input_free(&in);
    store_close(s);
}

static void test_run_and_resume(void)
{
    const char *path = t_path("run.db");
    store *s = demo_db("run.db");
    vb_err err;
    vb_err_clear(&err);
    store_dagstart ds;
    int64_t t0 = at("2026-11-26T07:01");
    if (!T_EQ_INT(store_dagstart_open(s, "2026-11-26", LEAD_HENK, t0, &ds, &err), VB_OK, "run: open today's daily start"))
        return;
    T_CHECK(ds.id > 0 && ds.started_at == t0 && ds.ended_at == 0 && ds.lead_id == LEAD_HENK,
            "run: it is open, started now by the lead");
    T_EQ_INT(audit_count(s, "dagstart_open"), 1, "run: opening is audited");

    agenda_input in;
    store_dagstart again;
    store_agenda_load(s, day_of("2026-11-26"), t0, &in, &again, &err);
    bool all_present = in.nmembers == 15;
    for (int i = 0; i < in.nmembers; i++)
        all_present = all_present && in.members[i].presence == 1;
    T_CHECK(all_present, "run: everyone on the roster starts as present");
    agenda ag;
    agenda_build(&in, &ag, &err);
    char lp_id[17], receipt[8], key[AGENDA_KEY_SIZE];
    first_lp(&ag, lp_id, receipt);
    agenda_key_lp(key, lp_id);
    agenda_free(&ag);
    agenda_input_free(&in);
    T_CHECK(lp_id[0] != '\0', "run: today's agenda has a learning point");

    T_EQ_INT(store_dagstart_mark(s, ds.id, key, true, &err), VB_OK, "run: mark a learning point discussed");
    T_EQ_INT(store_dagstart_mark(s, ds.id, "action:9", true, &err), VB_OK, "run: mark an action discussed");
    T_EQ_INT(store_dagstart_mark(s, ds.id, "action:9", false, &err), VB_OK, "run: and unmark it again");
    T_EQ_INT(store_dagstart_mark(s, ds.id, "x", true, &err), VB_ERR_INVALID, "run: a too short key is refused");
    T_EQ_INT(store_dagstart_presence(s, ds.id, LINDA, false, &err), VB_OK, "run: Linda is absent");
    int times[AGENDA_SECTIONS] = { 70, 95, 40, 0, 0 };
    T_EQ_INT(store_dagstart_save_time(s, ds.id, 2, times, &err), VB_OK, "run: save section times, at looking back");
    T_EQ_INT(store_dagstart_save_time(s, ds.id, 7, times, &err), VB_ERR_INVALID, "run: a section out of range is refused");
    T_EQ_INT(store_dagstart_set_notes(s, ds.id, "Koffie\nbijvullen", &err), VB_OK, "run: save notes");

    /* the kiosk restarts: close the database and open it again */
    store_close(s);
    s = open_db(path, &err);
    if (!T_CHECK(s != NULL, "resume: the database opens again"))
        return;
    if (!T_EQ_INT(store_agenda_load(s, day_of("2026-11-26"), t0 + 300, &in, &again, &err), VB_OK, "resume: load"))
        return;
    T_CHECK(again.id == ds.id && again.ended_at == 0, "resume: the same daily start, still open");
    T_EQ_INT(again.section, 2, "resume: at the section where it was");
    T_CHECK(again.elapsed_s[0] == 70 && again.elapsed_s[1] == 95 && again.elapsed_s[2] == 40,
            "resume: the time per section is kept");
    T_EQ_STR(again.notes, "Koffie\nbijvullen", "resume: the notes are kept");
    T_CHECK(member(&in, LINDA) && member(&in, LINDA)->presence == 0 && member(&in, JEROEN)->presence == 1,
            "resume: presence is kept");
    agenda_build(&in, &ag, &err);
    T_CHECK(find(&ag, key) && find(&ag, key)->discussed, "resume: the discussed mark is kept");
    T_CHECK(find(&ag, "action:9") && !find(&ag, "action:9")->discussed, "resume: the unmarked one stays unmarked");
    T_EQ_INT(ag.absent, 1, "resume: one absent");
    agenda_free(&ag);
    agenda_input_free(&in);

    store_dagstart resumed;
    T_EQ_INT(store_dagstart_open(s, "2026-11-26", LEAD_HENK, t0 + 320, &resumed, &err), VB_OK, "resume: open again");
    T_CHECK(resumed.id == ds.id && resumed.started_at == t0, "resume: opening again resumes, the start time stays");
    T_EQ_INT(audit_count(s, "dagstart_open"), 1, "resume: resuming is not a second opening");

    /* close */
    int final[AGENDA_SECTIONS] = { 70, 95, 200, 150, 80 };
    int64_t t1 = t0 + 595;
    T_EQ_INT(store_dagstart_close(s, ds.id, LEAD_HENK, t1, final, &err), VB_OK, "close: close and record");
    store_dagstart closed;
    store_dagstart_get(s, "2026-11-26", &closed, &err);
    T_CHECK(closed.ended_at == t1 && closed.elapsed_s[2] == 200 && closed.elapsed_s[4] == 80,
            "close: end time and final section times are saved");
    store_dagstart_summary sum;
    T_EQ_INT(store_dagstart_summary_get(s, ds.id, &sum, &err), VB_OK, "close: the record reads");
    T_CHECK(sum.present == 14 && sum.absent == 1 && sum.discussed == 1 && sum.duration_s == 595,
            "close: 14 present, 1 absent, 1 discussed, 9:55 long");
    T_EQ_INT(audit_count(s, "dagstart_close"), 1, "close: closing is audited");
    lp_row row;
    T_EQ_INT(store_learning_get(s, lp_id, 0, &row, &err), VB_OK, "close: the learning point reads");
    T_EQ_STR(row.discussed_day, "2026-11-26", "close: the discussed learning point gets its discussed day");
    T_EQ_INT(store_dagstart_close(s, ds.id, LEAD_HENK, t1 + 5, final, &err), VB_ERR_INVALID,
             "close: a second close is refused");
    T_EQ_INT(store_dagstart_mark(s, ds.id, "action:7", true, &err), VB_ERR_INVALID, "close: no marks after closing");

    /* the next day picks up from here */
    store_agenda_load(s, day_of("2026-11-27"), at("2026-11-27T06:55"), &in, &again, &err);
    agenda_build(&in, &ag, &err);
    char last[11];
    vb_day_format(ag.period.last.day, last);
    T_EQ_STR(last, "2026-11-26", "next day: the last daily start is today's");
    T_EQ_INT(ag.period.since_s, t0, "next day: news since it started");
    T_CHECK(!find(&ag, key), "next day: today's learning point is not repeated");
    T_EQ_INT(again.id, 0, "next day: no daily start yet");
    agenda_free(&ag);
    agenda_input_free(&in);

    /* reopen by mistake-closed */
    T_EQ_INT(store_dagstart_open(s, "2026-11-26", LEAD_HENK, t1 + 60, &resumed, &err), VB_OK, "reopen: a closed one");
    T_CHECK(resumed.id == ds.id && resumed.ended_at == 0, "reopen: the same one is open again");
    T_EQ_INT(audit_count(s, "dagstart_reopen"), 1, "reopen: audited");

    /* left open overnight: the next day's opening closes it */
    store_dagstart next;
    T_EQ_INT(store_dagstart_open(s, "2026-11-27", LEAD_HENK, at("2026-11-27T07:00"), &next, &err), VB_OK,
             "stale: open the next day's");
    store_dagstart_get(s, "2026-11-26", &closed, &err);
    T_CHECK(closed.ended_at == t0 + 595, "stale: yesterday's open one is closed with its recorded time");
    T_EQ_INT(store_dagstart_open(s, "2026-13-01", LEAD_HENK, t1, &next, &err), VB_ERR_INVALID, "open: a bad day is refused");
    store_close(s);
}

static void test_announcements_topics(void)
{
    store *s = demo_db("ann.db");
    vb_err err;
    vb_err_clear(&err);
    int64_t now = at("2026-11-26T07:02");
    int64_t id = 0;
    T_EQ_INT(store_announcement_add(s, LEAD_HENK, "Vrijdag vroeg stoppen: 13:30", "2026-11-26", "2026-11-27", now, &id,
                                    &err),
             VB_OK, "announcement: add with a date range");
    T_EQ_INT(store_announcement_add(s, LEAD_HENK, "   ", "2026-11-26", "2026-11-27", now, NULL, &err), VB_ERR_INVALID,
             "announcement: blank text is refused");
    T_EQ_INT(store_announcement_add(s, LEAD_HENK, "x", "2026-11-27", "2026-11-26", now, NULL, &err), VB_ERR_INVALID,
             "announcement: an end before the start is refused");
    char longer[1300];
    memset(longer, 'a', 301);
    longer[301] = '\0';
    T_EQ_INT(store_announcement_add(s, LEAD_HENK, longer, "2026-11-26", "2026-11-26", now, NULL, &err), VB_ERR_INVALID,
             "announcement: more than 300 characters is refused");
    agenda_input in;
    agenda_input_init(&in, day_of("2026-11-27"), now);
    T_EQ_INT(store_announcements_current(s, "2026-11-27", &in, &err), VB_OK, "announcement: list current ones");
    bool found = false;
    for (int i = 0; i < in.nannouncements; i++)
        found = found || in.announcements[i].id == id;
    T_CHECK(found, "announcement: current on its last day");
    agenda_input_free(&in);
    agenda_input_init(&in, day_of("2026-11-28"), now);
    store_announcements_current(s, "2026-11-28", &in, &err);
    found = false;
    for (int i = 0; i < in.nannouncements; i++)
        found = found || in.announcements[i].id == id;
    T_CHECK(!found, "announcement: gone the day after");
    agenda_input_free(&in);
    T_EQ_INT(audit_count(s, "announcement_add"), 1, "announcement: audited");

    int64_t topic = 0;
    T_EQ_INT(store_dagstart_topic_add(s, LEAD_HENK, "2026-11-26", AGENDA_LOOK_AHEAD, "Order Van Dijk om 14:00 weg", now,
                                      &topic, &err),
             VB_OK, "topic: the lead adds an own item");
    T_EQ_INT(store_dagstart_topic_add(s, LEAD_HENK, "2026-11-26", 5, "x", now, NULL, &err), VB_ERR_INVALID,
             "topic: a section out of range is refused");
    store_dagstart ds;
    store_agenda_load(s, day_of("2026-11-26"), now, &in, &ds, &err);
    agenda ag;
    agenda_build(&in, &ag, &err);
    char key[AGENDA_KEY_SIZE];
    agenda_key_topic(key, topic);
    const agenda_item *it = find(&ag, key);
    T_CHECK(it && it->section == AGENDA_LOOK_AHEAD && it->group == AGENDA_GROUP_TODAY,
            "topic: on today's agenda under looking ahead");
    agenda_key_announcement(key, id);
    T_CHECK(find(&ag, key) != NULL, "announcement: on today's agenda");
    agenda_free(&ag);
    agenda_input_free(&in);
    T_EQ_INT(store_dagstart_topic_delete(s, LEAD_HENK, topic, now, &err), VB_OK, "topic: delete");
    T_EQ_INT(store_dagstart_topic_delete(s, LEAD_HENK, topic, now, &err), VB_ERR_NOTFOUND, "topic: deleted once");
    T_EQ_INT(store_announcement_delete(s, LEAD_HENK, id, now, &err), VB_OK, "announcement: delete");
    T_CHECK(audit_count(s, "topic_add") == 1 && audit_count(s, "topic_delete") == 1 &&
                audit_count(s, "announcement_delete") == 1,
            "topic and announcement changes are audited");
    store_close(s);
}

static void test_actions(void)
{
    store *s = demo_db("act.db");
    vb_err err;
    vb_err_clear(&err);
    int64_t now = at("2026-11-26T07:05");
    agenda_input in;
    store_dagstart ds;
    store_agenda_load(s, day_of("2026-11-26"), now, &in, &ds, &err);
    agenda ag;
    agenda_build(&in, &ag, &err);
    char lp_id[17], receipt[8];
    first_lp(&ag, lp_id, receipt);
    agenda_free(&ag);
    agenda_input_free(&in);

    store_action_new n = { "Vaste laadtijden afspreken met de vervoerder", JEROEN, "2026-11-27",
                           ACTION_FROM_LEARNING_POINT, lp_id, 0 };
    int64_t id = 0;
    if (!T_EQ_INT(store_action_add(s, &n, LEAD_HENK, now, &id, &err), VB_OK, "action: made from a learning point"))
        return;
    store_action x;
    T_EQ_INT(store_action_get(s, id, &x, &err), VB_OK, "action: reads back");
    T_CHECK(x.origin == ACTION_FROM_LEARNING_POINT && strcmp(x.learning_point_id, lp_id) == 0 && x.owner_id == JEROEN &&
                strcmp(x.due_day, "2026-11-27") == 0 && x.status == ACTION_OPEN && x.origin_text[0],
            "action: origin, owner, due day, open, with the learning point's text");
    T_EQ_STR(x.owner_name, "Jeroen Jansen", "action: owner's name");
    T_EQ_INT(audit_count(s, "action_add"), 1, "action: making it is audited");

    store_action_new bad = n;
    bad.description = " ";
    T_EQ_INT(store_action_add(s, &bad, LEAD_HENK, now, NULL, &err), VB_ERR_INVALID, "action: a blank description is refused");
    bad = n;
    bad.owner_id = 999;
    T_EQ_INT(store_action_add(s, &bad, LEAD_HENK, now, NULL, &err), VB_ERR_INVALID, "action: an owner not on the roster is refused");
    bad = n;
    bad.due_day = "morgen";
    T_EQ_INT(store_action_add(s, &bad, LEAD_HENK, now, NULL, &err), VB_ERR_INVALID, "action: a bad due day is refused");
    bad = n;
    bad.learning_point_id = NULL;
    T_EQ_INT(store_action_add(s, &bad, LEAD_HENK, now, NULL, &err), VB_ERR_INVALID,
             "action: from a learning point needs the learning point");
    store_action_new from_idea = { "Proef afzuiging evalueren", MOHAMED, "2026-12-03", ACTION_FROM_IDEA, NULL, 7 };
    int64_t idea_action = 0;
    T_EQ_INT(store_action_add(s, &from_idea, LEAD_HENK, now, &idea_action, &err), VB_OK, "action: made from an idea");
    store_action_get(s, idea_action, &x, &err);
    T_CHECK(x.origin == ACTION_FROM_IDEA && x.idea_id == 7 && strstr(x.origin_text, "Afzuiging") != NULL,
            "action: from an idea, with its title");

    /* my actions */
    store_action *list = NULL;
    int count = 0;
    T_EQ_INT(store_action_list(s, JEROEN, "2026-11-26", ACTIONS_OPEN, 0, &list, &count, &err), VB_OK, "list: my actions");
    bool mine = count >= 1;
    for (int i = 0; i < count; i++)
        mine = mine && list[i].owner_id == JEROEN && list[i].status == ACTION_OPEN;
    T_CHECK(mine, "list: only Jeroen's open actions");
    free(list);
    int open = 0, overdue = 0;
    store_action_counts(s, 0, "2026-11-26", &open, &overdue, &err);
    T_CHECK(open >= 8 && overdue == 2, "counts: the team's open and overdue actions");
    T_EQ_INT(store_action_list(s, 0, "2026-11-26", ACTIONS_OVERDUE, 0, &list, &count, &err), VB_OK, "list: overdue");
    T_EQ_INT(count, 2, "list: two overdue in the demo");
    T_CHECK(count == 2 && strcmp(list[0].due_day, list[1].due_day) <= 0, "list: most overdue first");
    free(list);

    /* done by the owner */
    T_EQ_INT(store_action_mark_done(s, id, MOHAMED, 0, "Gedaan", now + 60, &err), VB_ERR_INVALID,
             "done: someone else cannot mark it done");
    T_EQ_INT(store_action_mark_done(s, id, JEROEN, 0, "Afgesproken: 8:00 en 13:00", now + 60, &err), VB_OK,
             "done: the owner marks it done with a note");
    store_action_get(s, id, &x, &err);
    T_CHECK(x.status == ACTION_DONE && x.closed_at == now + 60 && strcmp(x.note, "Afgesproken: 8:00 en 13:00") == 0,
            "done: status, time and note are saved");
    T_EQ_INT(store_action_mark_done(s, id, JEROEN, 0, "Gedaan", now + 61, &err), VB_ERR_INVALID,
             "done: a second tap does not close it twice");
    T_EQ_INT(audit_count(s, "action_done"), 0, "done: the owner's own action is not a lead action");
    T_EQ_INT(store_action_mark_done(s, idea_action, 0, LEAD_HENK, NULL, now + 70, &err), VB_OK,
             "done: a lead marks someone's action done (without a note)");
    T_EQ_INT(audit_count(s, "action_done"), 1, "done: by a lead is audited");

    /* dropped by a lead, with a reason */
    T_EQ_INT(store_action_drop(s, 8, 0, "Geen tijd", now, &err), VB_ERR_INVALID, "drop: not without a lead");
    T_EQ_INT(store_action_drop(s, 8, JEROEN, "Geen tijd", now, &err), VB_ERR_INVALID, "drop: a worker is not a lead");
    T_EQ_INT(store_action_drop(s, 8, LEAD_HENK, "  ", now, &err), VB_ERR_INVALID, "drop: needs a reason");
    T_EQ_INT(store_action_drop(s, 8, LEAD_HENK, "De proef is gestopt", now, &err), VB_OK, "drop: a lead with a reason");
    store_action_get(s, 8, &x, &err);
    T_CHECK(x.status == ACTION_DROPPED && strcmp(x.note, "De proef is gestopt") == 0, "drop: status and reason saved");
    T_EQ_INT(audit_count(s, "action_drop"), 1, "drop: audited");
    T_EQ_INT(store_action_get(s, 9999, &x, &err), VB_ERR_NOTFOUND, "get: no such action");

    /* the next daily start sees it as "went well" */
    store_agenda_load(s, day_of("2026-11-27"), at("2026-11-27T06:55"), &in, &ds, &err);
    agenda_build(&in, &ag, &err);
    char key[AGENDA_KEY_SIZE];
    agenda_key_action(key, id);
    const agenda_item *it = find(&ag, key);
    T_CHECK(it && it->group == AGENDA_GROUP_WENT_WELL, "agenda: the completed action went well the next day");
    agenda_free(&ag);
    agenda_input_free(&in);

    /* the learning point shows its action at the receipt look-up */
    lp_receipt_view v;
    T_EQ_INT(store_learning_by_receipt(s, receipt, &v, &err), VB_OK, "receipt: the reporter looks it up");
    T_CHECK(v.action_count >= 1 && strcmp(v.actions[0].status, "done") == 0, "receipt: the action and its status show");
    store_close(s);
}

static void test_lp_feedback(void)
{
    store *s = demo_db("fb.db");
    vb_err err;
    vb_err_clear(&err);
    int64_t now = at("2026-11-26T07:06");
    agenda_input in;
    store_dagstart ds;
    store_agenda_load(s, day_of("2026-11-26"), now, &in, &ds, &err);
    agenda ag;
    agenda_build(&in, &ag, &err);
    char lp_id[17], receipt[8];
    first_lp(&ag, lp_id, receipt);
    agenda_free(&ag);
    agenda_input_free(&in);

    const char *text = "Vanaf maandag vaste laadtijden: 8:00 en 13:00. Dank voor het melden!";
    T_EQ_INT(store_dagstart_lp_feedback(s, LEAD_HENK, lp_id, text, now, &err), VB_OK, "feedback: the lead adds a note");
    lp_receipt_view v;
    T_EQ_INT(store_learning_by_receipt(s, receipt, &v, &err), VB_OK, "feedback: look up by receipt code");
    T_EQ_STR(v.point.feedback, text, "feedback: the reporter sees it through the receipt code");
    T_EQ_INT(audit_count(s, "lp_feedback"), 1 + 5, "feedback: audited (next to the demo's five)");
    store_agenda_load(s, day_of("2026-11-26"), now, &in, &ds, &err);
    bool shown = false;
    for (int i = 0; i < in.nlps; i++)
        shown = shown || (strcmp(in.lps[i].id, lp_id) == 0 && strcmp(in.lps[i].feedback, text) == 0);
    T_CHECK(shown, "feedback: the agenda shows it");
    agenda_input_free(&in);
    char longer[400];
    memset(longer, 'b', 301);
    longer[301] = '\0';
    T_EQ_INT(store_dagstart_lp_feedback(s, LEAD_HENK, lp_id, longer, now, &err), VB_ERR_INVALID,
             "feedback: more than 300 characters is refused");
    T_EQ_INT(store_dagstart_lp_feedback(s, LEAD_HENK, "0000000000000000", "x", now, &err), VB_ERR_NOTFOUND,
             "feedback: an unknown learning point");
    T_EQ_INT(store_dagstart_lp_feedback(s, LEAD_HENK, lp_id, "", now, &err), VB_OK, "feedback: blank removes it");
    store_learning_by_receipt(s, receipt, &v, &err);
    T_EQ_STR(v.point.feedback, "", "feedback: removed");
    store_close(s);
}

int main(void)
{
    setenv("TZ", "UTC0", 1);
    tzset();
    test_load_demo();
    test_run_and_resume();
    test_announcements_topics();
    test_actions();
    test_lp_feedback();
    return t_done();
}

/* test_app.c: the application shell headless: the platform renders into
 * memory (offscreen, no display), the clock is fixed and moved by hand, and
 * input goes in through app_handle_event like real input. Covers the time the
 * loop may sleep (next minute on home, idle deadline elsewhere), idle reset,
 * lock-down, the database failure screen and its retry, time sanity, press
 * feedback, and glove-sized targets on the home screen; a screen's due
 * deadline turns the loop at once with a fixed clock, and a daily start
 * opened in the database holds off idle reset on any screen. */
#include <sqlite3.h>
#include <time.h>
#include <unistd.h>

#include "../kiosk/app/loop.h"
#include "../kiosk/core/deadline.h"
#include "../kiosk/core/i18n.h"
#include "../kiosk/screens/screens.h"
#include "../kiosk/store/store_dagstart.h"
#include "../kiosk/ui/theme.h"
#include "testapp.h"
#include "testlib.h"

#define START_S 1795676130 /* 2026-11-26 06:55:30 UTC */

static int db_counter;

static const char *new_db_path(void)
{
    static char buf[4300];
    char name[64];
    snprintf(name, sizeof name, "app-%d.db", ++db_counter);
    snprintf(buf, sizeof buf, "%s", t_path(name));
    return buf;
}

static platform *open_platform(int w, int h)
{
    platform *p;
    vb_err err;
    if (t_platform_open(&p, w, h, true, &err) != VB_OK) {
        t_report(false, "platform_open offscreen", "%s", err.msg);
        return NULL;
    }
    return p;
}

static bool start_app(app *a, platform *p, const char *db_path, bool desk, int64_t start_s)
{
    app_options opt = t_app_options(db_path, start_s);
    opt.demo = false;
    opt.desk = desk;
    vb_err err;
    vb_err_clear(&err);
    vb_code rc = app_init(a, &opt, p, &err);
    if (rc != VB_OK) {
        t_report(false, "app_init", "%s: %s", vb_code_name(rc), err.msg);
        return false;
    }
    return true;
}

static void advance(app *a, int64_t ms)
{
    vb_clock_advance(&a->clock, ms);
}

static const ui_element *element(const app *a, const char *id)
{
    for (int i = 0; i < a->ui->element_count; i++)
        if (strcmp(a->ui->elements[i].id, id) == 0)
            return &a->ui->elements[i];
    return NULL;
}

static void send(app *a, platform_event_kind kind, int x, int y)
{
    platform_event ev;
    memset(&ev, 0, sizeof ev);
    ev.kind = kind;
    ev.x = x;
    ev.y = y;
    app_handle_event(a, &ev);
}

static void send_key(app *a, ui_key key, int mods)
{
    platform_event ev;
    memset(&ev, 0, sizeof ev);
    ev.kind = PEV_KEY;
    ev.key = key;
    ev.mods = mods;
    app_handle_event(a, &ev);
}

/* Taps an element of the current frame as a finger would, drawing a frame
 * after the press and after the release. */
static bool tap(app *a, const char *id)
{
    const ui_element *e = element(a, id);
    if (!e)
        return false;
    int x = e->rect.x + e->rect.w / 2, y = e->rect.y + e->rect.h / 2;
    send(a, PEV_PRESS, x, y);
    app_draw(a);
    send(a, PEV_RELEASE, x, y);
    app_draw(a);
    return true;
}

static int wait_ms(const app *a)
{
    int64_t d[8];
    int n = app_deadlines(a, d, 8);
    return vb_wait_ms(d, n, app_now_ms(a));
}

static bool has_deadline(const app *a, int64_t at)
{
    int64_t d[8];
    int n = app_deadlines(a, d, 8);
    for (int i = 0; i < n; i++)
        if (d[i] == at)
            return true;
    return false;
}

static const char *screen_name(const app *a)
{
    return a->screen ? a->screen->name : "(none)";
}

/* ---- deadlines and idle reset ------------------------------------------------------ */

static void test_deadlines_and_idle(platform *p)
{
    app *a = calloc(1, sizeof *a);
    if (!a || !start_app(a, p, new_db_path(), false, START_S)) {
        free(a);
        return;
    }
    T_EQ_STR(screen_name(a), "home", "app: starts on home");
    T_CHECK(a->db != NULL, "app: the database is open");
    app_draw(a);
    T_EQ_INT(wait_ms(a), 0, "app: right after the first frame the quick check is due");
    app_tick(a);
    T_CHECK(!a->quick_check_pending, "app: the quick check ran after the first frame");
    T_EQ_INT(wait_ms(a), 30000, "app: on home it sleeps until the next minute (06:55:30 -> 30 s)");
    int64_t d[8];
    T_EQ_INT(app_deadlines(a, d, 8), 1, "app: on home the clock is the only deadline");
    advance(a, 30000);
    app_tick(a);
    T_CHECK(a->dirty, "app: at the minute boundary the screen is redrawn");
    app_draw(a);
    const ui_element *clock = element(a, "bar.time");
    T_CHECK(clock && strcmp(clock->label, "06:56") == 0, "app: the clock shows the new minute");
    T_EQ_INT(wait_ms(a), 60000, "app: then it sleeps a whole minute");
    app_tick(a);
    T_CHECK(!a->dirty, "app: nothing to draw between deadlines");

    /* input at mono 41 s: wall 06:56:11 */
    advance(a, 11000);
    if (!T_CHECK(tap(a, "home.ideas"), "app: tap the idea box tile"))
        goto done;
    T_EQ_STR(screen_name(a), "ideas", "app: the tile leads to the idea box");
    T_CHECK(element(a, "bar.home") != NULL, "app: the idea box shows a way home");
    T_EQ_INT(a->last_input_ms, 41000, "app: the tap is the last input");
    T_CHECK(has_deadline(a, 41000 + 90000), "app: idle deadline = last input + idle timeout");
    T_EQ_INT(wait_ms(a), 49000, "app: it sleeps until the next minute when that comes first");
    advance(a, 89500); /* 130.5 s: 06:58:00.5; next minute at 190 s, idle at 131 s */
    app_tick(a);
    app_draw(a);
    T_EQ_STR(screen_name(a), "ideas", "app: still on the idea box before the idle timeout");
    T_EQ_INT(wait_ms(a), 500, "app: it sleeps until the idle deadline when that comes first");
    send(a, PEV_PRESS, 5, 300); /* a touch on nothing still counts as presence */
    send(a, PEV_RELEASE, 5, 300);
    app_draw(a);
    T_EQ_INT(a->last_input_ms, 130500, "app: any touch restarts the idle time");
    T_CHECK(has_deadline(a, 130500 + 90000), "app: the idle deadline moved");
    advance(a, 89999);
    app_tick(a);
    T_EQ_STR(screen_name(a), "ideas", "app: 1 ms before the idle timeout it stays");
    advance(a, 1);
    app_tick(a);
    T_EQ_STR(screen_name(a), "home", "app: idle reset returns home");
    app_draw(a);
    T_EQ_INT(app_deadlines(a, d, 8), 1, "app: back home there is no idle deadline");

    /* a language switched for one person's session goes back at idle reset */
    if (T_CHECK(tap(a, "home.language"), "app: tap the language button")) {
        T_CHECK(strcmp(i18n_language(), "nl") != 0, "app: the language changed for this session");
        T_CHECK(has_deadline(a, a->last_input_ms + 90000), "app: on home with another language idle reset is armed");
        advance(a, 91000);
        app_tick(a);
        T_EQ_STR(i18n_language(), "nl", "app: idle reset switches back to the team language");
    }

    /* team setting for the idle timeout */
    store_setting_set(a->db, "idle_timeout_s", "30", NULL);
    app_reload_settings(a);
    T_EQ_INT(a->idle_timeout_s, 30, "app: the idle timeout comes from the team settings");
    store_setting_set(a->db, "idle_timeout_s", "1", NULL);
    app_reload_settings(a);
    T_CHECK(a->idle_timeout_s >= 15, "app: an idle timeout below 15 s is raised");
    store_setting_set(a->db, "idle_timeout_s", "90", NULL);
    app_reload_settings(a);
done:
    app_shutdown(a);
    free(a);
}

/* ---- press feedback and lock-down ---------------------------------------------------- */

static void test_press_and_lockdown(platform *p)
{
    app *a = calloc(1, sizeof *a);
    if (!a || !start_app(a, p, new_db_path(), false, START_S)) {
        free(a);
        return;
    }
    app_draw(a);
    const ui_element *e = element(a, "home.idea_new");
    if (T_CHECK(e != NULL, "app: home has the 'submit an idea' tile")) {
        int x = e->rect.x + e->rect.w / 2, y = e->rect.y + e->rect.h / 2;
        send(a, PEV_PRESS, x, y);
        T_CHECK(a->dirty, "app: a press asks for a frame at once");
        app_draw(a);
        e = element(a, "home.idea_new");
        T_CHECK(e && (e->state & UI_STATE_PRESSED), "app: pressed feedback on the next frame");
        T_EQ_STR(screen_name(a), "home", "app: nothing happens on press alone");
        send(a, PEV_MOTION, x, y + a->ui->height); /* slide off and let go outside */
        send(a, PEV_RELEASE, x, y + a->ui->height);
        app_draw(a);
        T_EQ_STR(screen_name(a), "home", "app: released outside, nothing happens");
    }

    send_key(a, UI_KEY_ESCAPE, 0);
    send_key(a, UI_KEY_F4, UI_MOD_ALT);
    send_key(a, UI_KEY_Q, UI_MOD_CTRL);
    send(a, PEV_QUIT_WINDOW, 0, 0);
    app_draw(a);
    T_CHECK(!a->quit, "lock-down: Escape, Alt+F4, Ctrl+Q and the close button do not quit the kiosk");
    send(a, PEV_QUIT_SIGNAL, 0, 0);
    T_CHECK(a->quit, "lock-down: SIGTERM/SIGINT quit");
    app_shutdown(a);

    memset(a, 0, sizeof *a);
    if (start_app(a, p, new_db_path(), true, START_S)) {
        send_key(a, UI_KEY_Q, UI_MOD_CTRL);
        T_CHECK(a->quit, "desk mode: Ctrl+Q quits");
        a->quit = false;
        send_key(a, UI_KEY_F4, UI_MOD_ALT);
        T_CHECK(a->quit, "desk mode: Alt+F4 quits");
        a->quit = false;
        send(a, PEV_QUIT_WINDOW, 0, 0);
        T_CHECK(a->quit, "desk mode: the close button quits");
        a->quit = false;
        send_key(a, UI_KEY_Q, 0);
        send_key(a, UI_KEY_ESCAPE, 0);
        T_CHECK(!a->quit, "desk mode: Q alone or Escape do not quit");
        app_shutdown(a);
    }
    free(a);
}

/* ---- database failure and time sanity ---------------------------------------------- */

static void test_dbfail_retry(platform *p)
{
    char path[4400];
    snprintf(path, sizeof path, "%s/later/verbeterbord.db", t_tmpdir());
    app *a = calloc(1, sizeof *a);
    if (!a || !start_app(a, p, path, false, START_S)) {
        free(a);
        return;
    }
    T_EQ_STR(screen_name(a), "dbfail", "dbfail: a missing folder shows the failure screen");
    T_CHECK(a->db == NULL && a->db_err.code == VB_ERR_NOTFOUND, "dbfail: the cause is 'not found'");
    app_draw(a);
    app_tick(a);
    T_CHECK(element(a, "dbfail.retry") != NULL && element(a, "bar.home") == NULL,
            "dbfail: a retry button and no way to the other screens");
    T_CHECK(has_deadline(a, 5000), "dbfail: a retry is planned in 5 s");
    app_go(a, "ideas");
    T_EQ_STR(screen_name(a), "dbfail", "dbfail: no other screen without a database");
    advance(a, 5000);
    app_tick(a);
    T_EQ_STR(screen_name(a), "dbfail", "dbfail: still failing while the folder is missing");
    T_CHECK(has_deadline(a, 10000), "dbfail: the next retry is planned");
    mkdir(t_path("later"), 0700);
    advance(a, 5000);
    app_tick(a);
    T_EQ_STR(screen_name(a), "home", "dbfail: carries on by itself once the folder exists");
    T_CHECK(a->db != NULL && t_file_exists(path), "dbfail: the database was created");
    app_shutdown(a);
    free(a);
}

static void test_time_sanity(platform *p)
{
    const char *path = new_db_path();
    store *s = NULL;
    vb_err err;
    if (store_open(&s, path, STORE_READWRITE, START_S, &err) != VB_OK) {
        t_report(false, "time sanity: make a database", "%s", err.msg);
        return;
    }
    store_close(s);
    sqlite3 *db = NULL;
    sqlite3_open(path, &db);
    int64_t future = START_S + 86400 * 30;
    char sql[300];
    snprintf(sql, sizeof sql,
             "INSERT INTO idea_row (title, category_id, created_at, status_changed_at) VALUES ('Uit de toekomst', 1, %lld, %lld)",
             (long long)future, (long long)future);
    bool ok = sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK;
    sqlite3_close(db);
    if (!T_CHECK(ok, "time sanity: store an idea dated a month ahead"))
        return;
    app *a = calloc(1, sizeof *a);
    if (!a || !start_app(a, p, path, false, START_S)) {
        free(a);
        return;
    }
    T_CHECK(app_clock_behind(a), "time sanity: the clock is behind the newest entry");
    T_EQ_INT(app_entry_time(a), future, "time sanity: new entries get the newest entry's time");
    app_draw(a);
    T_CHECK(element(a, "banner.clock") != NULL, "time sanity: a warning banner is shown");
    app_shutdown(a);

    memset(a, 0, sizeof *a);
    if (start_app(a, p, path, false, future + 3600)) {
        T_CHECK(!app_clock_behind(a), "time sanity: no warning when the clock is right");
        T_EQ_INT(app_entry_time(a), future + 3600, "time sanity: entries get the current time");
        app_draw(a);
        T_CHECK(element(a, "banner.clock") == NULL, "time sanity: no banner when the clock is right");
        app_shutdown(a);
    }
    free(a);
}

/* ---- target sizes ---------------------------------------------------------------------- */

static bool is_target(ui_el_kind k)
{
    return k == UI_EL_BUTTON || k == UI_EL_CHIP || k == UI_EL_TOGGLE || k == UI_EL_KEY;
}

static void test_home_sizes(int w, int h)
{
    platform *p = open_platform(w, h);
    if (!p)
        return;
    app *a = calloc(1, sizeof *a);
    if (!a || !start_app(a, p, new_db_path(), false, START_S)) {
        free(a);
        platform_close(p);
        return;
    }
    app_draw(a);
    double px_per_mm = w / 344.0;
    /* half a pixel of rounding is allowed */
    double min15 = 15.0 * px_per_mm - 0.5, min20 = 20.0 * px_per_mm - 0.5;
    char name[200], worst[200] = "";
    int targets = 0;
    bool all_ok = true, inside = true;
    for (int i = 0; i < a->ui->element_count; i++) {
        const ui_element *e = &a->ui->elements[i];
        if (e->rect.x < 0 || e->rect.y < 0 || e->rect.x + e->rect.w > w || e->rect.y + e->rect.h > h)
            inside = false;
        if (!is_target(e->kind))
            continue;
        targets++;
        if (e->rect.w < min15 || e->rect.h < min15) {
            all_ok = false;
            snprintf(worst, sizeof worst, "%s is %.1f x %.1f mm", e->id, e->rect.w / px_per_mm,
                     e->rect.h / px_per_mm);
        }
    }
    snprintf(name, sizeof name, "home %dx%d: every target is at least 15 x 15 mm", w, h);
    t_report(all_ok && targets >= 5, name, "%s (%d targets)", worst[0] ? worst : "too few targets", targets);
    snprintf(name, sizeof name, "home %dx%d: every element lies inside the window", w, h);
    T_CHECK(inside, name);
    const char *tiles[] = { "home.learning_point", "home.idea_new", "home.ideas", "home.dagstart" };
    for (int i = 0; i < 4; i++) {
        const ui_element *e = element(a, tiles[i]);
        snprintf(name, sizeof name, "home %dx%d: %s is at least 20 x 20 mm", w, h, tiles[i]);
        if (!e)
            t_report(false, name, "not on screen");
        else
            t_report(e->rect.w >= min20 && e->rect.h >= min20, name, "%.1f x %.1f mm", e->rect.w / px_per_mm,
                     e->rect.h / px_per_mm);
    }
    const ui_element *lead = element(a, "home.lead");
    snprintf(name, sizeof name, "home %dx%d: a discreet entry for the team lead", w, h);
    T_CHECK(lead && lead->kind == UI_EL_BUTTON, name);
    snprintf(name, sizeof name, "home %dx%d: the frame fits the UI limits", w, h);
    T_CHECK(!a->ui->overflow, name);
    app_shutdown(a);
    free(a);
    platform_close(p);
}

/* Every mode sleeps: after the first frame no deadline may lie in the past
 * for good, or the loop would spin (a bug seen in wall mode once). Each
 * mode is stepped as the loop does it: tick, draw, then ask for the wait. */
static void check_sleeps(platform *p, const char *what, bool wall, const char *db)
{
    app_options opt;
    memset(&opt, 0, sizeof opt);
    opt.screens = &screen_registry;
    opt.db_path = db;
    opt.now_set = true;
    opt.now_s = 1795676100; /* Thursday 06:55 */
    opt.clock_fixed = true;
    opt.panel_mm = 344;
    opt.wall = wall;
    app *a = calloc(1, sizeof *a);
    vb_err err;
    if (!a || app_init(a, &opt, p, &err) != VB_OK) {
        t_report(false, what, "app_init: %s", err.msg);
        free(a);
        return;
    }
    int64_t wait = 0;
    for (int turn = 0; turn < 5; turn++) {
        app_tick(a);
        if (a->dirty)
            app_draw(a);
        int64_t d[8];
        int n = app_deadlines(a, d, 8);
        wait = vb_wait_ms(d, n, app_now_ms(a));
    }
    t_report(wait != 0, what, "the loop would not sleep: the next deadline is now, after five turns");
    app_shutdown(a);
    free(a);
}

static void test_every_mode_sleeps(platform *p)
{
    const char *db = new_db_path();
    app a;
    if (!start_app(&a, p, db, false, 1795676100))
        return;
    app_shutdown(&a);
    check_sleeps(p, "sleeps: the kiosk on home sleeps until its next deadline", false, db);
    check_sleeps(p, "sleeps: wall mode sleeps until its next deadline", true, db);
}

/* ---- a screen's turns: deadlines with a fixed clock ----------------------------- */

/* A screen that works in STEPS steps, one per loop turn, asking for each
 * turn with a due deadline (as the review's export does); then it stops
 * the app. */
#define STEPS 3
static int steps_done;

static void steps_draw(app *a, ui_ctx *ui, ui_rect body)
{
    (void)a;
    ui_label(ui, "steps.done", body, ui_format(ui, "%d", steps_done), 20, false, THEME_TEXT, UI_ALIGN_LEFT);
}

static int64_t steps_deadline(const app *a)
{
    return steps_done < STEPS ? app_now_ms(a) : VB_NO_DEADLINE;
}

static void steps_tick(app *a)
{
    if (steps_done >= STEPS)
        return;
    if (++steps_done == STEPS)
        a->quit = true;
    a->dirty = true;
}

static const screen_def screen_steps = {
    .name = "steps", .title = "Steps", .draw = steps_draw, .deadline = steps_deadline, .tick = steps_tick,
};

static void test_screen_turns(platform *p)
{
    static const screen_def *const all[] = { &screen_steps, &screen_home, &screen_dbfail, &screen_wall,
                                             &screen_identify, &screen_lead, NULL };
    app_screens reg = screen_registry;
    reg.all = all;
    app_options opt;
    memset(&opt, 0, sizeof opt);
    opt.screens = &reg;
    opt.db_path = new_db_path();
    opt.now_set = true;
    opt.now_s = START_S;
    opt.clock_fixed = true;
    opt.panel_mm = 344;
    opt.start_screen = "steps";
    app *a = calloc(1, sizeof *a);
    vb_err err;
    vb_err_clear(&err);
    if (!a || app_init(a, &opt, p, &err) != VB_OK) {
        t_report(false, "turns: app_init with a registry of its own", "%s", err.msg);
        free(a);
        return;
    }
    T_EQ_STR(screen_name(a), "steps", "turns: the app finds a screen of its registry by name");
    app_draw(a);
    app_tick(a); /* the quick check after the first frame */
    T_EQ_INT(app_wait_ms(a), 0, "turns: a due screen deadline makes the wait 0 ms with a fixed clock");
    /* The loop itself: no input ever comes; a loop that waited for input
     * would hang here (the alarm ends the test then). */
    alarm(60);
    int code = app_run(a);
    alarm(0);
    T_EQ_INT(steps_done, STEPS, "turns: the loop comes round for every step without input");
    T_EQ_INT(code, APP_EXIT_OK, "turns: ... and stops when the screen says so");
    T_EQ_INT(app_wait_ms(a), -1, "turns: with nothing due and a fixed clock the loop waits for input");
    app_shutdown(a);
    free(a);
}

/* ---- a daily start holds off idle reset on every screen ------------------------- */

static void test_meeting_open(platform *p)
{
    app *a = calloc(1, sizeof *a);
    if (!a || !start_app(a, p, new_db_path(), false, START_S)) {
        free(a);
        return;
    }
    app_draw(a);
    app_tick(a);
    T_CHECK(!a->meeting_open, "meeting: no daily start, no meeting");
    if (!T_CHECK(tap(a, "home.ideas"), "meeting: tap the idea box tile"))
        goto done;
    /* opened after the app started and not through its screen */
    store_dagstart ds;
    vb_err err;
    vb_err_clear(&err);
    if (!t_report(store_dagstart_open(a->db, "2026-11-26", 0, app_wall_s(a), &ds, &err) == VB_OK,
                  "meeting: open a daily start in the database", "%s", err.msg))
        goto done;
    app_tick(a);
    T_CHECK(a->meeting_open, "meeting: the app sees the daily start that the database holds open");
    advance(a, 200000);
    app_tick(a);
    T_EQ_STR(screen_name(a), "ideas", "meeting: idle reset waits on another screen while it is open");
    advance(a, 40 * 60000); /* 10 minutes planned + 30 past */
    app_tick(a);
    T_CHECK(!a->meeting_open, "meeting: 30 minutes past its planned end it no longer holds");
    T_EQ_STR(screen_name(a), "home", "meeting: then idle reset goes home");
done:
    app_shutdown(a);
    free(a);
}

/* --wall-display: one process, two windows: the kiosk on the first, the wall
 * pages on the second (needs SDL video; the dummy driver has windows). */
static void test_second_screen(void)
{
    platform *p = NULL;
    vb_err err;
    if (t_platform_open(&p, 800, 480, false, &err) != VB_OK) {
        t_skip("second screen: kiosk and wall pages in two windows", "no SDL video driver");
        return;
    }
    const char *db = new_db_path();
    app_options opt = t_app_options(db, 1795676100);
    opt.windowed = true;
    opt.wall_screen = true;
    opt.wall_display = 0;
    app *a = calloc(1, sizeof *a);
    if (!a || app_init(a, &opt, p, &err) != VB_OK) {
        t_report(false, "second screen: the app starts with a second window", "%s", err.msg);
        free(a);
        platform_close(p);
        return;
    }
    app_draw(a);
    T_CHECK(platform_has_second(p) && a->wall_ui != NULL, "second screen: a second window is open");
    bool title = false;
    for (int i = 0; a->wall_ui && i < a->wall_ui->element_count; i++)
        title = title || strcmp(a->wall_ui->elements[i].id, "wall.title") == 0;
    T_CHECK(title, "second screen: it shows the wall pages");
    T_CHECK(strcmp(a->screen->name, "home") == 0 && element(a, "home.ideas") != NULL,
            "second screen: the first window keeps the kiosk");
    app_shutdown(a);
    free(a);
    platform_close(p);
}

/* The panel's finger events through the platform layer (needs SDL video;
 * the dummy driver has windows): normalised coordinates back to pixels, the
 * first finger owns the gesture, a second one cancels its tap once and is
 * otherwise ignored, and fingers on the wall window are ignored. */
static int next_events(platform *p, platform_event *out, int max)
{
    int n = 0;
    platform_event ev;
    while (n < max && platform_next_event(p, 0, &ev))
        if (ev.kind != PEV_EXPOSE && ev.kind != PEV_RESIZE)
            out[n++] = ev;
    return n;
}

static void test_fingers(void)
{
    platform_config pc;
    memset(&pc, 0, sizeof pc);
    pc.width = 800;
    pc.height = 480;
    pc.windowed = true;
    platform *p = NULL;
    vb_err err;
    if (platform_open(&p, &pc, &err) != VB_OK) {
        t_skip("fingers: the panel's touch path", "no SDL video driver");
        return;
    }
    platform_event ev[16];
    next_events(p, ev, 16); /* window events of the start */
    platform_inject_finger(p, PF_DOWN, 1, 400, 240, false);
    platform_inject_finger(p, PF_MOVE, 1, 410, 250, false);
    platform_inject_finger(p, PF_UP, 1, 410, 250, false);
    int n = next_events(p, ev, 16);
    T_CHECK(n == 3 && ev[0].kind == PEV_PRESS && ev[0].x == 400 && ev[0].y == 240 && ev[1].kind == PEV_MOTION &&
                ev[1].x == 410 && ev[2].kind == PEV_RELEASE && ev[2].y == 250,
            "fingers: down, move, up become press, motion, release at the same pixels");
    platform_inject_finger(p, PF_DOWN, 1, 100, 100, false);
    platform_inject_finger(p, PF_DOWN, 2, 700, 400, false);
    platform_inject_finger(p, PF_DOWN, 3, 600, 300, false);
    platform_inject_finger(p, PF_MOVE, 2, 650, 400, false);
    platform_inject_finger(p, PF_UP, 2, 650, 400, false);
    platform_inject_finger(p, PF_MOVE, 1, 100, 150, false);
    platform_inject_finger(p, PF_UP, 1, 100, 150, false);
    platform_inject_finger(p, PF_UP, 3, 600, 300, false);
    n = next_events(p, ev, 16);
    T_CHECK(n == 4 && ev[0].kind == PEV_PRESS && ev[0].x == 100 && ev[1].kind == PEV_CANCEL &&
                ev[2].kind == PEV_MOTION && ev[2].y == 150 && ev[3].kind == PEV_RELEASE && ev[3].y == 150,
            "fingers: other fingers are ignored; the first one that lands cancels the tap once");
    platform_inject_finger(p, PF_DOWN, 4, 300, 300, false);
    platform_inject_finger(p, PF_UP, 4, 300, 300, false);
    n = next_events(p, ev, 16);
    T_CHECK(n == 2 && ev[0].kind == PEV_PRESS && ev[1].kind == PEV_RELEASE,
            "fingers: after all lift, the next finger owns a new gesture");
    if (platform_open_second(p, 1, 800, 480, true, &err) == VB_OK) {
        next_events(p, ev, 16);
        platform_inject_finger(p, PF_DOWN, 1, 400, 240, false);
        platform_inject_finger(p, PF_DOWN, 2, 400, 240, true);
        platform_inject_finger(p, PF_UP, 2, 400, 240, true);
        platform_inject_finger(p, PF_UP, 1, 400, 240, false);
        platform_inject_finger(p, PF_DOWN, 3, 100, 100, true);
        platform_inject_finger(p, PF_UP, 3, 100, 100, true);
        n = next_events(p, ev, 16);
        T_CHECK(n == 2 && ev[0].kind == PEV_PRESS && ev[1].kind == PEV_RELEASE,
                "fingers: the wall window's fingers are ignored and cancel nothing");
    } else {
        t_skip("fingers: the wall window's fingers are ignored and cancel nothing", err.msg);
    }
    platform_close(p);
}

int main(void)
{
    setenv("TZ", "UTC0", 1);
    tzset();
    platform *p = open_platform(1024, 600);
    if (!p)
        return t_done();
    T_CHECK(true, "platform_open offscreen works without a display");
    test_deadlines_and_idle(p);
    test_press_and_lockdown(p);
    test_dbfail_retry(p);
    test_time_sanity(p);
    test_every_mode_sleeps(p);
    test_screen_turns(p);
    test_meeting_open(p);
    platform_close(p);
    test_home_sizes(1024, 600);
    test_home_sizes(1280, 800);
    test_home_sizes(1920, 1080);
    test_home_sizes(3840, 2160);
    test_second_screen();
    test_fingers();
    return t_done();
}

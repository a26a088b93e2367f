/* app.c: the application state, router, idle reset, lock-down, database
 * failure handling and the main loop (see app.h and loop.h). It knows the
 * screens only through the registry in app_options (screen.h). */
#include "loop.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/agenda.h"
#include "../core/date.h"
#include "../core/deadline.h"
#include "../core/i18n.h"
#include "../core/utf8.h"
#include "../store/store_dagstart.h"
#include "../store/store_idea_flow.h"
#include "../ui/widgets.h"
#include "busy.h"
#include "dump.h"
#include "script.h"

#define DB_RETRY_MS 5000
#define IDLE_WARNING_MS 15000
#define QUICK_CHECK_RETRY_MS 60000

/* The most typed text and keys handling one input event adds to a frame: its
 * own text, plus the characters the badge detector releases with it, plus
 * (before the frame is built) what app_tick may release. The loop takes no
 * further event once the frame has less room than this, so no input is ever
 * dropped: the rest waits in the event queue for the next frame. */
#define EVENT_TEXT_ROOM (2 * (sizeof(((platform_event *)0)->text) + sizeof(((badge_out *)0)->typed)))
#define EVENT_KEY_ROOM 4

int64_t app_now_ms(const app *a)
{
    return vb_clock_mono_ms(&a->clock, a->real_ms);
}

int64_t app_wall_s(const app *a)
{
    return vb_clock_wall_s(&a->clock, a->real_ms);
}

bool app_clock_behind(const app *a)
{
    return a->newest_entry_s > 0 && app_wall_s(a) + 60 < a->newest_entry_s;
}

int64_t app_entry_time(const app *a)
{
    int64_t now = app_wall_s(a);
    return now < a->newest_entry_s ? a->newest_entry_s : now;
}

void app_notice(app *a, notice_kind kind, const char *text, int seconds)
{
    utf8_copy(text, a->notice, sizeof a->notice);
    a->notice_kind = kind;
    a->notice_until = app_now_ms(a) + (int64_t)seconds * 1000;
    a->dirty = true;
}

void app_reload_settings(app *a)
{
    utf8_copy("Team", a->team_name, sizeof a->team_name);
    utf8_copy("nl", a->default_language, sizeof a->default_language);
    a->idle_timeout_s = 90;
    a->wall_rotate_s = 15;
    if (!a->db)
        return;
    store_setting_get(a->db, "team_name", a->team_name, sizeof a->team_name, NULL);
    char lang[8];
    if (store_setting_get(a->db, "language", lang, sizeof lang, NULL) == VB_OK)
        utf8_copy(lang, a->default_language, sizeof a->default_language);
    int64_t idle = store_setting_int(a->db, "idle_timeout_s", 90);
    a->idle_timeout_s = idle < 15 ? 15 : idle > 3600 ? 3600 : (int)idle;
    a->wall_idle = store_setting_int(a->db, "wall_idle", 0) != 0;
    a->wall_rotate_s = (int)store_setting_int(a->db, "wall_rotate_s", 15);
    a->dirty = true;
}

void app_end_session(app *a)
{
    a->member_id = 0;
    a->member_name[0] = '\0';
    a->member_signed = false;
    a->lead_id = 0;
    a->lead_name[0] = '\0';
    i18n_set_language(a->default_language);
    a->dirty = true;
}

static void enter_screen(app *a, const screen_def *s)
{
    if (a->screen != s)
        a->previous_screen = a->screen;
    if (a->edit_field)
        app_edit_close(a); /* the editor belongs to the screen being left */
    a->badge_capture = NULL;
    a->screen = s;
    a->idle_warning_until = 0;
    a->confirm_home = false;
    if (s->enter)
        s->enter(a);
    a->dirty = true;
}

const screen_def *app_screens_find(const app_screens *reg, const char *name)
{
    if (!reg || !name)
        return NULL;
    for (int i = 0; reg->all[i]; i++)
        if (strcmp(reg->all[i]->name, name) == 0)
            return reg->all[i];
    return NULL;
}

const screen_def *app_find_screen(const app *a, const char *name)
{
    return app_screens_find(a->opt.screens, name);
}

void app_go(app *a, const char *name)
{
    const app_screens *reg = a->opt.screens;
    const screen_def *s = app_find_screen(a, name);
    if (!s)
        s = reg->home;
    if (a->opt.wall)
        s = reg->wall; /* the wall shows its own calm message without a database */
    else if (!a->db && s != reg->failure)
        s = reg->failure;
    enter_screen(a, s);
}

void app_return_to(app *a, const screen_def *s)
{
    if (!s || !a->db) {
        app_go_home(a);
        return;
    }
    if (a->edit_field)
        app_edit_close(a);
    a->badge_capture = NULL;
    if (a->screen != s)
        a->previous_screen = a->screen;
    a->screen = s;
    a->idle_warning_until = 0;
    a->confirm_home = false;
    a->dirty = true;
}

void app_go_home(app *a)
{
    app_go(a, "home");
}

/* Opens the database (creating and migrating it when needed) and fills an
 * empty one with the demo data when asked. */
static vb_code open_store(const app_options *opt, int64_t now_s, store **out, vb_err *err)
{
    store *s = NULL;
    vb_code rc = store_open(&s, opt->db_path, opt->wall ? STORE_READONLY : STORE_READWRITE, now_s, err);
    if (rc == VB_OK && opt->demo && !opt->wall) {
        bool empty = false;
        rc = store_is_empty(s, &empty, err);
        if (rc == VB_OK && empty)
            rc = store_demo_fill(s, now_s, err);
        if (rc != VB_OK) {
            store_close(s);
            s = NULL;
        }
    }
    *out = s;
    return rc;
}

struct app_early {
    pthread_t thread;
    app_options opt;
    int64_t now_s;
    store *db;
    vb_code rc;
    vb_err err;
};

static void *early_thread(void *arg)
{
    app_early *e = arg;
    e->rc = open_store(&e->opt, e->now_s, &e->db, &e->err);
    return NULL;
}

vb_code app_open_early(app_early **out, const app_options *opt, vb_err *err)
{
    *out = NULL;
    app_early *e = calloc(1, sizeof *e);
    if (!e)
        return vb_fail(err, VB_ERR_NOMEM, "out of memory");
    e->opt = *opt;
    e->opt.early = NULL;
    /* the time app_init's clock starts at */
    e->now_s = opt->now_set ? opt->now_s : (int64_t)time(NULL);
    vb_err_clear(&e->err);
    if (pthread_create(&e->thread, NULL, early_thread, e) != 0) {
        free(e);
        return vb_fail(err, VB_ERR_INTERNAL, "cannot start a thread to open the database");
    }
    *out = e;
    return VB_OK;
}

/* Waits for the thread; its store and error go to *db and *err. */
static vb_code early_join(app_early *e, store **db, vb_err *err)
{
    pthread_join(e->thread, NULL);
    vb_code rc = e->rc;
    *db = e->db;
    *err = e->err;
    free(e);
    return rc;
}

void app_early_discard(app_early *e)
{
    if (!e)
        return;
    store *s = NULL;
    vb_err ignored;
    early_join(e, &s, &ignored);
    store_close(s);
}

/* Opens the database (the one opened early, the first time). On failure the
 * kiosk shows the failure screen and retries every few seconds. */
static bool open_database(app *a)
{
    vb_err_clear(&a->db_err);
    store *s = NULL;
    vb_code rc;
    if (a->opt.early) {
        rc = early_join(a->opt.early, &s, &a->db_err);
        a->opt.early = NULL;
    } else {
        rc = open_store(&a->opt, app_wall_s(a), &s, &a->db_err);
    }
    /* writes, commits and clean-ups off the touch path (busy.h) */
    if (rc == VB_OK && !a->opt.wall)
        rc = app_busy_attach(a, s, &a->db_err);
    if (rc != VB_OK && s) {
        store_close(s);
        s = NULL;
    }
    if (rc != VB_OK) {
        a->db = NULL;
        a->db_retry_at = app_now_ms(a) + DB_RETRY_MS;
        if (rc != VB_ERR_MISSING || store_newest_backup(a->opt.db_path, a->db_backup, sizeof a->db_backup) != VB_OK)
            a->db_backup[0] = '\0';
        fprintf(stderr, "verbeterbord: database: %s\n", a->db_err.msg);
        return false;
    }
    a->db = s;
    a->db_retry_at = 0;
    a->db_backup[0] = '\0';
    a->quick_check_pending = !a->opt.wall; /* the wall only reads: no check there */
    /* A clean-up that a restart interrupted goes on at once. */
    a->privacy_pending = !a->opt.wall && store_privacy_pending(a->db);
    a->privacy_retry_at = 0;
    int64_t newest = 0;
    if (store_newest_time(s, &newest, NULL) == VB_OK)
        a->newest_entry_s = newest;
    app_reload_settings(a);
    return true;
}

vb_code app_init(app *a, const app_options *opt, platform *plat, vb_err *err)
{
    memset(a, 0, sizeof *a);
    const app_screens *reg = opt->screens;
    if (!reg || !reg->all || !reg->home || !reg->wall || !reg->failure || !reg->identify || !reg->lead)
        return vb_fail(err, VB_ERR_INVALID, "app_init: the screen registry lacks a screen for a role");
    a->opt = *opt;
    if (a->opt.panel_mm <= 0)
        a->opt.panel_mm = 344.0;
    a->plat = plat;
    a->real_ms = platform_ticks_ms();
    int64_t start = opt->now_set ? opt->now_s : (int64_t)time(NULL);
    vb_clock_init(&a->clock, start, opt->clock_fixed, a->real_ms);

    a->ui = malloc(sizeof *a->ui);
    if (!a->ui)
        return vb_fail(err, VB_ERR_NOMEM, "out of memory");
    int w, h;
    platform_size(plat, &w, &h);
    ui_init(a->ui, w, h, w / a->opt.panel_mm, platform_text_width, plat);

    if (opt->wall_screen && !opt->wall) {
        /* one process drives both screens: two compositor sessions cannot share one GPU */
        vb_code rc = platform_open_second(plat, opt->wall_display, w, h, opt->windowed, err);
        if (rc != VB_OK)
            return rc;
        a->wall_ui = malloc(sizeof *a->wall_ui);
        if (!a->wall_ui)
            return vb_fail(err, VB_ERR_NOMEM, "out of memory");
        int ww, wh;
        platform_second_size(plat, &ww, &wh);
        ui_init(a->wall_ui, ww, wh, ww / a->opt.panel_mm, platform_text_width, plat);
    }
    if (opt->ui_dump_path) {
        a->dump = fopen(opt->ui_dump_path, "a");
        if (!a->dump)
            return vb_fail(err, VB_ERR_IO, "cannot open UI dump file %s", opt->ui_dump_path);
    }
    if (opt->script_path) {
        vb_code rc = script_open(&a->script, opt->script_path, err);
        if (rc != VB_OK)
            return rc;
    }
    app_reload_settings(a);
    bool opened = open_database(a);
    i18n_set_language(a->default_language);
    const screen_def *first = app_find_screen(a, opt->start_screen);
    if (a->opt.wall)
        enter_screen(a, reg->wall);
    else if (!opened)
        enter_screen(a, reg->failure);
    else
        enter_screen(a, first ? first : reg->home);
    a->last_input_ms = app_now_ms(a);
    badge_init(&a->badge);
    return VB_OK;
}

void app_shutdown(app *a)
{
    app_early_discard(a->opt.early); /* app_init stopped before it took it */
    a->opt.early = NULL;
    if (a->script)
        script_close(a->script);
    if (a->dump)
        fclose(a->dump);
    free(a->last_dump);
    store_close(a->db);
    a->db = NULL;
    app_busy_free(a);
    free(a->ui);
    a->ui = NULL;
    free(a->wall_ui);
    a->wall_ui = NULL;
}

/* The database file was deleted or replaced while open. The kiosk stops
 * confirming anything: it saves what the connection still holds (after a
 * deletion the only copy) next to the database, closes it and shows the
 * failure screen until someone restores a file (which restarts the kiosk).
 * The wall only reads: it opens the path again. */
static void database_gone(app *a, const vb_err *gone)
{
    fprintf(stderr, "verbeterbord: database: %s\n", gone->msg);
    a->db_err = *gone;
    a->db_rescue[0] = '\0';
    if (!a->opt.wall) {
        vb_err rescue;
        vb_err_clear(&rescue);
        /* (the anonymous entries go along as <copy>-anon: store.h) */
        vb_code rc = store_rescue(a->db, "main", app_wall_s(a), a->db_rescue, sizeof a->db_rescue, &rescue);
        if (a->db_rescue[0])
            fprintf(stderr, "verbeterbord: database: the latest entries are saved in %s\n", a->db_rescue);
        if (rc != VB_OK)
            fprintf(stderr, "verbeterbord: database: %s\n", rescue.msg);
    }
    store_close(a->db);
    a->db = NULL;
    a->db_retry_at = a->opt.wall ? app_now_ms(a) : 0; /* the kiosk waits for a restore */
    a->quick_check_pending = false;
    if (a->opt.wall)
        return;
    a->idle_warning_until = 0;
    app_end_session(a);
    app_go(a, "dbfail");
}

/* On every tick (an idle kiosk ticks at least every minute, for the clock
 * on screen; every save checks for itself): is the file still ours? */
static void check_database_file(app *a)
{
    vb_err err;
    vb_err_clear(&err);
    if (store_still_here(a->db, &err) == VB_ERR_GONE)
        database_gone(a, &err);
}

static bool screen_has_draft(const app *a)
{
    return a->screen->has_draft && a->screen->has_draft(a);
}

/* Whether idle reset would change anything right now. */
static bool idle_reset_applies(const app *a)
{
    if (a->opt.wall)
        return false;
    if (a->screen->holds_idle && a->screen->holds_idle(a))
        return false;
    if (a->meeting_open) /* also when the lead steps to another screen mid-meeting */
        return false;
    return a->screen != a->opt.screens->home || a->member_id != 0 || a->lead_id != 0 ||
           strcmp(i18n_language(), a->default_language) != 0;
}

/* Between meetings the idle kiosk can show the wall pages (team setting). */
static bool wall_fallback_applies(const app *a)
{
    return a->wall_idle && !a->opt.wall && a->db && a->screen == a->opt.screens->home && a->member_id == 0 &&
           a->lead_id == 0 && !a->meeting_open;
}

/* ---- badge reader ---------------------------------------------------------
 * Single typed characters and Return go through the burst detector
 * (core/badge.h) on the platform's real clock, so a badge burst is told
 * from typing even while the app's clock is fixed for tests. */

/* When an input event happened, on the platform clock: SDL stamps events
 * in 32-bit ms, a->real_ms is the 64-bit clock of this loop turn. */
static int64_t event_ms(const app *a, const platform_event *ev)
{
    if (!ev->timestamp_ms)
        return a->real_ms;
    int32_t behind = (int32_t)((uint32_t)a->real_ms - ev->timestamp_ms);
    return a->real_ms - behind;
}

/* Input for the frame. The main loop keeps room for it (EVENT_TEXT_ROOM),
 * so it is never refused; were it ever, it is said, never lost in silence. */
static void input_text(app *a, const char *text)
{
    if (!ui_input_text(a->ui, text))
        fprintf(stderr, "verbeterbord: typed text lost (%zu bytes): no room in the frame\n", strlen(text));
    a->dirty = true;
}

static void input_key(app *a, ui_key key, int mods)
{
    if (!ui_input_key(a->ui, key, mods))
        fprintf(stderr, "verbeterbord: a key was lost: no room in the frame\n");
    a->dirty = true;
}

/* Passes the detector's output on: typing first, then Return or the badge. */
static void badge_apply(app *a, const badge_out *out)
{
    if (out->typed[0])
        input_text(a, out->typed);
    if (out->return_key)
        input_key(a, UI_KEY_RETURN, 0);
    if (out->badge[0])
        app_badge_scanned(a, out->badge);
}

/* Other input arrived: held characters were typing and go first. */
static void badge_release(app *a)
{
    if (!badge_pending(&a->badge))
        return;
    badge_out out;
    badge_flush(&a->badge, &out);
    badge_apply(a, &out);
}

/* The main loop's timeout, shortened to release held keys in time. */
static int badge_wait_ms(const app *a, int timeout)
{
    if (!badge_pending(&a->badge))
        return timeout;
    int64_t left = badge_deadline(&a->badge) - platform_ticks_ms();
    if (left < 0)
        left = 0;
    return timeout < 0 || left < timeout ? (int)left : timeout;
}

int app_deadlines(const app *a, int64_t *out, int max)
{
    int n = 0;
    int64_t now = app_now_ms(a);
    int64_t wall_ms = a->clock.start_wall_s * 1000 + now;
    if (n < max) /* the clock on screen changes every minute */
        out[n++] = vb_next_minute_deadline(wall_ms, now);
    if (n < max && a->idle_warning_until)
        out[n++] = a->idle_warning_until;
    else if (n < max && (idle_reset_applies(a) || wall_fallback_applies(a)))
        out[n++] = a->last_input_ms + (int64_t)a->idle_timeout_s * 1000;
    if (n < max && !a->db && a->db_retry_at)
        out[n++] = a->db_retry_at;
    if (n < max && a->notice_until)
        out[n++] = a->notice_until;
    if (n < max && a->db && a->privacy_pending)
        out[n++] = a->privacy_retry_at > now ? a->privacy_retry_at : now;
    if (n < max && a->quick_check_pending && a->first_frame_done)
        out[n++] = a->quick_check_at > now ? a->quick_check_at : now;
    if (n < max && badge_pending(&a->badge)) {
        /* held keys are released as typing after the burst gap (real time) */
        int64_t wait = badge_deadline(&a->badge) - a->real_ms;
        out[n++] = now + (wait > 0 ? wait : 0);
    }
    const screen_def *wall = a->opt.screens->wall;
    if (n < max && a->screen->deadline)
        out[n++] = a->screen->deadline(a);
    if (n < max && a->wall_ui && a->screen != wall && wall->deadline)
        out[n++] = wall->deadline(a);
    return n;
}

int app_wait_ms(const app *a)
{
    int64_t deadlines[8];
    int n = app_deadlines(a, deadlines, 8);
    int wait = vb_wait_ms(deadlines, n, app_now_ms(a));
    /* a fixed clock never reaches a later deadline: only a due one counts */
    return a->clock.fixed && wait != 0 ? -1 : wait;
}

/* A daily start is open (core/agenda.h: agenda_holds_idle): idle reset, the
 * lead's time-out and the wall fallback wait, on every screen. One indexed
 * read per turn; on a read error the last answer stands. */
static void update_meeting_open(app *a)
{
    if (a->opt.wall || !a->db) {
        a->meeting_open = false;
        return;
    }
    int64_t started = 0;
    int minutes = 0;
    vb_err err;
    vb_err_clear(&err);
    int64_t now_s = app_wall_s(a);
    if (store_dagstart_running(a->db, vb_local_from_unix(now_s).day, &started, &minutes, &err) == VB_OK)
        a->meeting_open = agenda_holds_idle(started, minutes, now_s);
}

static void idle_reset(app *a)
{
    if (a->screen->discard)
        a->screen->discard(a);
    a->idle_warning_until = 0;
    app_end_session(a);
    app_go(a, a->db ? "home" : "dbfail");
}

void app_tick(app *a)
{
    int64_t now = app_now_ms(a);
    update_meeting_open(a);
    if (badge_pending(&a->badge) && (!a->plat || platform_queue_empty(a->plat))) {
        /* nothing more queued and the gap has passed: it was typing */
        badge_out out;
        badge_poll(&a->badge, a->real_ms, &out);
        badge_apply(a, &out);
    }
    int64_t minute = (a->clock.start_wall_s * 1000 + now) / 60000;
    if (minute != a->minute_shown) {
        a->minute_shown = minute;
        a->dirty = true;
        if (a->db && !a->opt.wall)
            store_anon_blur_dates(a->db, app_wall_s(a));
    }
    if (a->notice_until && now >= a->notice_until) {
        a->notice_until = 0;
        a->notice[0] = '\0';
        a->dirty = true;
    }
    if (a->db)
        check_database_file(a);
    if (!a->db && a->db_retry_at && now >= a->db_retry_at) {
        if (open_database(a)) {
            i18n_set_language(a->default_language);
            app_go(a, a->opt.wall ? "wall" : "home");
        }
        a->dirty = true;
    }
    app_privacy_tick(a, now);
    if (a->screen->tick)
        a->screen->tick(a);
    if (a->wall_ui && a->screen != a->opt.screens->wall && a->opt.screens->wall->tick)
        a->opt.screens->wall->tick(a);
    if (a->db && a->quick_check_pending && a->first_frame_done && !a->opt.wall && now >= a->quick_check_at) {
        /* After the first frame, never in front of it. Only real damage
         * gets the banner; a read that failed for now is tried again. */
        a->quick_check_pending = false;
        vb_err err;
        if (a->quick_check_at == 0)
            store_warm_up(a->db, &err); /* the first similar-idea search is then as quick as the next */
        vb_code rc = store_quick_check(a->db, &err);
        if (rc == VB_ERR_CORRUPT) {
            utf8_copy(err.msg, a->db_warning, sizeof a->db_warning);
            a->dirty = true;
        } else if (rc != VB_OK) {
            a->quick_check_pending = true;
            a->quick_check_at = now + QUICK_CHECK_RETRY_MS;
        }
    }
    if (wall_fallback_applies(a) && !idle_reset_applies(a) &&
        now >= a->last_input_ms + (int64_t)a->idle_timeout_s * 1000) {
        app_go(a, "wall");
    } else if (a->idle_warning_until) {
        if (now >= a->idle_warning_until)
            idle_reset(a);
    } else if (idle_reset_applies(a) && now >= a->last_input_ms + (int64_t)a->idle_timeout_s * 1000) {
        if (screen_has_draft(a)) {
            a->idle_warning_until = now + IDLE_WARNING_MS;
            a->dirty = true;
        } else {
            idle_reset(a);
        }
    }
}

/* Kiosk lock-down: only signals, or the window in --desk mode, end the app. */
static void handle_quit_key(app *a, const platform_event *ev)
{
    if (!a->opt.desk)
        return;
    if ((ev->key == UI_KEY_Q && (ev->mods & UI_MOD_CTRL)) || (ev->key == UI_KEY_F4 && (ev->mods & UI_MOD_ALT)))
        a->quit = true;
}

void app_handle_event(app *a, const platform_event *ev)
{
    if (a->opt.wall && ev->kind != PEV_QUIT_SIGNAL && ev->kind != PEV_QUIT_WINDOW && ev->kind != PEV_RESIZE &&
        ev->kind != PEV_EXPOSE && ev->kind != PEV_WAKE)
        return; /* the wall is read-only and takes no input */
    switch (ev->kind) {
    case PEV_PRESS:
    case PEV_RELEASE:
    case PEV_MOTION:
    case PEV_CANCEL:
    case PEV_TEXT:
    case PEV_KEY:
        a->last_input_ms = app_now_ms(a);
        if (a->idle_warning_until) {
            /* Any touch keeps the draft; the warning goes away. */
            a->idle_warning_until = 0;
            a->dirty = true;
            if (ev->kind == PEV_PRESS || ev->kind == PEV_RELEASE)
                return;
        }
        break;
    default:
        break;
    }
    switch (ev->kind) {
    case PEV_PRESS:
        badge_release(a);
        ui_input_press(a->ui, ev->x, ev->y);
        a->dirty = true;
        break;
    case PEV_RELEASE:
        ui_input_release(a->ui, ev->x, ev->y);
        a->dirty = true;
        break;
    case PEV_MOTION:
        if (a->ui->pointer_down) {
            ui_input_motion(a->ui, ev->x, ev->y);
            a->dirty = true;
        }
        break;
    case PEV_CANCEL:
        ui_input_cancel(a->ui);
        a->dirty = true;
        break;
    case PEV_TEXT:
        if (ev->text[0] && !ev->text[1]) {
            /* one key: may be part of a badge burst */
            badge_out out;
            badge_char(&a->badge, ev->text[0], event_ms(a, ev), &out);
            badge_apply(a, &out);
        } else {
            /* an input method or a script types whole text: never a badge */
            badge_release(a);
            input_text(a, ev->text);
        }
        a->dirty = true;
        break;
    case PEV_KEY:
        handle_quit_key(a, ev);
        if (ev->key == UI_KEY_RETURN && ev->mods == 0) {
            badge_out out;
            badge_return(&a->badge, event_ms(a, ev), &out);
            badge_apply(a, &out);
        } else {
            /* a badge reader's character keys come as "other" keys with
             * their text: only editing keys end a burst */
            if (ev->key != UI_KEY_OTHER)
                badge_release(a);
            input_key(a, ev->key, ev->mods);
        }
        a->dirty = true;
        break;
    case PEV_QUIT_SIGNAL:
        a->quit = true;
        break;
    case PEV_QUIT_WINDOW:
        if (a->opt.desk)
            a->quit = true;
        break;
    case PEV_RESIZE:
        a->ui->width = ev->x;
        a->ui->height = ev->y;
        a->ui->px_per_mm = ev->x / a->opt.panel_mm;
        a->dirty = true;
        break;
    case PEV_EXPOSE:
    case PEV_WAKE:
        a->dirty = true;
        break;
    case PEV_NONE:
        break;
    }
}

/* The top bar: a way home on every screen, the title, date and time. */
static void draw_top_bar(app *a, ui_ctx *ui, ui_rect bar)
{
    theme_metrics m = theme_metrics_for(ui);
    ui_draw_rect(ui, bar, THEME_BAR, 0);
    ui_rect inner = ui_inset(bar, m.pad / 2);
    inner.x += m.pad / 2; /* text keeps clear of the screen's edges */
    inner.w -= m.pad;
    vb_local now = vb_local_from_unix(app_wall_s(a));
    static const char *const weekdays[] = { N_("Sunday"), N_("Monday"), N_("Tuesday"), N_("Wednesday"),
                                            N_("Thursday"), N_("Friday"), N_("Saturday") };
    static const char *const months[] = { N_("January"), N_("February"), N_("March"), N_("April"),
                                          N_("May"), N_("June"), N_("July"), N_("August"),
                                          N_("September"), N_("October"), N_("November"), N_("December") };
    const char *time_text = ui_format(ui, "%02d:%02d", now.hour, now.minute);
    const char *date_text = ui_format(ui, "%s %d %s", _(weekdays[now.day.wday % 7]), now.day.mday,
                                      _(months[(now.day.month + 11) % 12]));
    int time_w = ui_text_width(ui, time_text, m.text_title, true);
    ui_rect clock = ui_cut_right(&inner, time_w + m.pad);
    ui_label(ui, "bar.time", clock, time_text, m.text_title, true, THEME_ON_DARK, UI_ALIGN_RIGHT);
    int date_w = ui_text_width(ui, date_text, m.text_body, false);
    if (date_w < inner.w / 3) {
        ui_rect date = ui_cut_right(&inner, date_w + m.gap);
        ui_label(ui, "bar.date", date, date_text, m.text_body, false, THEME_ON_DARK, UI_ALIGN_RIGHT);
    }
    if (a->screen->show_home_button) {
        ui_rect home = ui_cut_left(&inner, m.main_target * 2);
        if (ui_button(ui, "bar.home", home, _("\xE2\x97\x80 Home"), STYLE_ACCENT, false)) {
            if (screen_has_draft(a))
                a->confirm_home = true; /* never drop a half-filled form without asking */
            else
                app_go_home(a);
        }
        ui_cut_left(&inner, m.gap);
    }
    const char *title = a->screen == a->opt.screens->home ? a->team_name : _(a->screen->title);
    ui_label(ui, "bar.title", inner, title, m.text_large, true, THEME_ON_DARK, UI_ALIGN_LEFT);
}

/* "Home" with a half-filled form: keep editing, or discard it and go home. */
static void draw_confirm_home(app *a, ui_ctx *ui)
{
    theme_metrics m = theme_metrics_for(ui);
    ui_draw_rect(ui, (ui_rect){ 0, 0, ui->width, ui->height }, (ui_color){ 0, 0, 0, 170 }, 0);
    int w = ui->width * 3 / 4, h = ui->height / 2;
    ui_rect box = { (ui->width - w) / 2, (ui->height - h) / 2, w, h };
    ui_draw_rect(ui, box, THEME_SURFACE, m.radius);
    ui_rect inner = ui_inset(box, m.pad * 2);
    ui_rect buttons = ui_cut_bottom(&inner, m.main_target);
    ui_paragraph(ui, "confirm.message", inner, _("Your entry has not been saved. Throw it away and go home?"),
                 m.text_large, true, THEME_TEXT, UI_ALIGN_CENTER);
    if (ui_button(ui, "confirm.keep", ui_grid_cell(buttons, 2, 1, m.gap, 0), _("Keep editing"), STYLE_PRIMARY,
                  false))
        a->confirm_home = false;
    if (ui_button(ui, "confirm.discard", ui_grid_cell(buttons, 2, 1, m.gap, 1), _("Throw away"), STYLE_DANGER,
                  false)) {
        if (a->screen->discard)
            a->screen->discard(a);
        app_go_home(a);
    }
}

static void draw_idle_warning(app *a, ui_ctx *ui)
{
    theme_metrics m = theme_metrics_for(ui);
    ui_rect full = { 0, 0, ui->width, ui->height };
    ui_draw_rect(ui, full, (ui_color){ 0, 0, 0, 170 }, 0);
    int w = ui->width * 3 / 4, h = ui->height / 2;
    ui_rect box = { (ui->width - w) / 2, (ui->height - h) / 2, w, h };
    ui_draw_rect(ui, box, THEME_SURFACE, m.radius);
    ui_rect inner = ui_inset(box, m.pad * 2);
    int secs = (int)((a->idle_warning_until - app_now_ms(a) + 999) / 1000);
    if (secs < 0)
        secs = 0;
    ui_rect button = ui_cut_bottom(&inner, m.main_target);
    ui_paragraph(ui, "idle.message", inner,
                 ui_format(ui, _("Are you still there? Your entry will be discarded in %d seconds."), secs),
                 m.text_large, true, THEME_TEXT, UI_ALIGN_CENTER);
    if (ui_button(ui, "idle.continue", button, _("Continue"), STYLE_PRIMARY, false)) {
        a->idle_warning_until = 0;
        a->last_input_ms = app_now_ms(a);
    }
}

static void build_frame(app *a)
{
    ui_ctx *ui = a->ui;
    theme_metrics m = theme_metrics_for(ui);
    ui_begin(ui);
    ui_rect body = { 0, 0, ui->width, ui->height };
    ui->input_blocked = a->confirm_home; /* the dialog above takes the taps */
    if (a->screen->fullscreen) {
        a->screen->draw(a, ui, body);
        ui_end(ui);
        return;
    }
    ui_rect bar = ui_cut_top(&body, m.main_target + m.pad);
    draw_top_bar(a, ui, bar);
    if (app_clock_behind(a)) {
        ui_banner(ui, "banner.clock", ui_cut_top(&body, m.target),
                  _("The clock of this kiosk is behind. New entries get the date of the newest entry. Ask the team lead to set the time."),
                  THEME_WARN_BG, THEME_TEXT);
    }
    if (a->db_warning[0]) {
        ui_banner(ui, "banner.db", ui_cut_top(&body, m.target),
                  _("The database reports damage. Entries still work; ask the team lead to restore a backup."),
                  THEME_WARN_BG, THEME_TEXT);
    }
    if (a->notice[0]) {
        ui_color bg = a->notice_kind == NOTICE_ERROR ? THEME_DANGER : a->notice_kind == NOTICE_OK ? THEME_OK
                                                                                                  : THEME_BAR;
        ui_banner(ui, "banner.notice", ui_cut_bottom(&body, m.target), a->notice, bg, THEME_ON_DARK);
    }
    if (a->edit_field)
        app_edit_draw(a, ui, ui_inset(body, m.pad));
    else
        a->screen->draw(a, ui, ui_inset(body, m.pad));
    if (a->idle_warning_until)
        draw_idle_warning(a, ui);
    else if (a->confirm_home) {
        ui->input_blocked = false;
        draw_confirm_home(a, ui);
    }
    ui_end(ui);
}

void app_update(app *a, bool render)
{
    /* A tap may change state in the middle of a frame (navigation): build
     * again until the frame is stable, then render the last one. */
    for (int pass = 0; pass < 4; pass++) {
        const screen_def *before = a->screen;
        build_frame(a);
        if (!a->ui->want_redraw && before == a->screen)
            break;
    }
    if (render) {
        platform_render(a->plat, a->ui->cmds, a->ui->cmd_count, THEME_BG);
        platform_present(a->plat);
        app_busy_keep_frame(a);
    }
    if (a->wall_ui) {
        ui_begin(a->wall_ui);
        a->opt.screens->wall->draw(a, a->wall_ui, (ui_rect){ 0, 0, a->wall_ui->width, a->wall_ui->height });
        ui_end(a->wall_ui);
        if (render) {
            platform_render_second(a->plat, a->wall_ui->cmds, a->wall_ui->cmd_count, THEME_BG);
            platform_present_second(a->plat);
        }
    }
    a->frames_drawn++;
    a->first_frame_done = true;
    a->dirty = false;
    if (a->dump)
        dump_frame(a);
}

void app_draw(app *a)
{
    app_update(a, true);
}

bool app_input_room(const app *a)
{
    return ui_input_room(a->ui, EVENT_TEXT_ROOM, EVENT_KEY_ROOM);
}

static bool is_pointer_button(const platform_event *ev)
{
    return ev->kind == PEV_PRESS || ev->kind == PEV_RELEASE;
}

int app_run(app *a)
{
    while (!a->quit) {
        a->real_ms = platform_ticks_ms();
        app_tick(a);
        if (a->dirty) {
            app_draw(a);
            if (a->opt.exit_after_first_frame) {
                a->quit = true;
                break;
            }
        }
        if (a->quit) /* e.g. "stop for maintenance" was tapped in this frame */
            break;
        int timeout;
        if (a->script) {
            if (!platform_queue_empty(a->plat)) {
                timeout = 0;
            } else if (badge_pending(&a->badge)) {
                /* let held keys turn into typing before the next action */
                timeout = badge_wait_ms(a, -1);
            } else {
                script_result r = script_step(a->script, a);
                if (r == SCRIPT_DONE) {
                    a->quit = true;
                    break;
                }
                if (r == SCRIPT_FAILED) {
                    a->exit_code = APP_EXIT_SCRIPT;
                    a->quit = true;
                    break;
                }
                continue;
            }
        } else {
            /* the badge gap runs in real time, even with a fixed clock */
            timeout = badge_wait_ms(a, app_wait_ms(a));
        }
        platform_event ev;
        if (platform_next_event(a->plat, timeout, &ev)) {
            a->real_ms = platform_ticks_ms();
            app_handle_event(a, &ev);
            /* Take the rest of what is queued, but stop after a press or
             * release so each gets its own frame (press feedback at once),
             * and when the frame's input is full: the rest comes after the
             * next frame has taken this input (nothing is dropped). */
            while (!is_pointer_button(&ev) && !a->quit && app_input_room(a) &&
                   platform_next_event(a->plat, 0, &ev))
                app_handle_event(a, &ev);
        }
    }
    return a->exit_code;
}

/* app.h: the kiosk application as the screens see it: the state every screen
 * shares (database, clock, team settings, who is identified, language), the
 * screen router, notices and the shared flows. The main loop, platform events
 * and start-up are in loop.h, for main.c and the tests only: a screen cannot
 * reach the platform (docs/HACKING.md). */
#ifndef VB_APP_H
#define VB_APP_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "../core/badge.h"
#include "../core/clock.h"
#include "../core/vb_err.h"
#include "../store/store.h"
#include "../ui/textfield.h"
#include "../ui/ui.h"
#include "screen.h"

typedef struct platform platform; /* opaque here: only loop.h includes platform.h */
typedef struct script script;
typedef struct app app;
struct text_edit;
typedef void (*app_edit_extra_fn)(app *a, ui_ctx *ui, ui_rect area, void *ctx);
typedef void (*app_then_fn)(app *a, void *ctx);

#define APP_EXIT_OK 0
#define APP_EXIT_ERROR 1
#define APP_EXIT_SCRIPT 2
#define APP_EXIT_MAINTENANCE 75 /* "stop for maintenance": the service unit does not restart on it */

typedef struct app_options {
    const app_screens *screens; /* every screen and their roles (main.c: screen_registry) */
    const char *db_path;
    bool desk;               /* no kiosk lock-down */
    bool demo;               /* fill an empty database with demo data */
    bool now_set;
    int64_t now_s;
    bool clock_fixed;
    const char *script_path; /* JSON lines, or "-" for stdin */
    const char *ui_dump_path;
    const char *start_screen;
    double panel_mm;         /* physical width of the panel */
    const char *export_dir;  /* device setting export_dir: where the USB stick is mounted */
    bool exit_after_first_frame;
    bool wall;               /* --wall: read-only wall pages, no input */
    bool windowed;           /* --windowed: the second screen is a window too */
    bool wall_screen;        /* --wall-display given: wall pages on a second screen */
    int wall_display;        /* ... on this display */
    struct app_early *early; /* the database being opened already (app_open_early), or NULL */
} app_options;

typedef enum notice_kind { NOTICE_INFO, NOTICE_OK, NOTICE_ERROR } notice_kind;

struct app {
    app_options opt;
    platform *plat;
    ui_ctx *ui;
    ui_ctx *wall_ui;          /* the second screen's frame (--wall-display), or NULL */
    vb_clock clock;
    int64_t real_ms;          /* platform clock at this loop turn */

    store *db;                /* NULL while the database cannot be used */
    vb_err db_err;
    int64_t db_retry_at;      /* mono ms */
    bool quick_check_pending;
    bool privacy_pending;       /* a privacy deletion's old text may still be in the files */
    int64_t privacy_retry_at;   /* mono ms: the next try to clear them */
    int64_t quick_check_at;   /* mono ms: not before (a retry after a read error) */
    char db_warning[400];     /* quick_check problem, shown as a banner */
    char db_rescue[1200];     /* the rescue copy taken when the file went (VB_ERR_GONE) */
    char db_backup[1400];     /* the newest backup of a missing database (VB_ERR_MISSING) */

    const screen_def *screen;
    const screen_def *previous_screen;
    bool dirty;
    bool quit;
    int exit_code;
    bool first_frame_done;

    /* a badge reader types fast and ends with Return: single characters
     * are held back here until they are known to be typing (core/badge.h) */
    badge_detector badge;
    /* when set, a badge burst goes here instead of identifying someone
     * (e.g. a lead registering a badge); cleared when the screen changes */
    void (*badge_capture)(app *a, const char *badge);

    /* idle reset */
    int64_t last_input_ms;
    int64_t idle_warning_until; /* 0 = no warning shown */
    bool confirm_home;        /* "Home" was tapped with a half-filled form: ask first */

    /* team settings, read at start and after a lead changes them */
    char team_name[64];
    char default_language[8];
    int idle_timeout_s;
    bool wall_idle;           /* team setting: show the wall pages when idle on home */
    int wall_rotate_s;        /* team setting: seconds per wall page */
    bool meeting_open;        /* a daily start runs: idle reset, lead timeout and wall wait */

    /* time sanity: no new entry is dated before the newest stored one */
    int64_t newest_entry_s;

    /* who is identified for this session (0 = nobody); member_signed is
     * true when identified by badge or personal PIN (enough to sign), false
     * when picked from the roster (enough to vote) */
    int64_t member_id;
    char member_name[256];    /* up to 60 characters of UTF-8 */
    bool member_signed;
    /* the team lead signed in with a PIN (0 = none) */
    int64_t lead_id;
    char lead_name[64];

    char notice[300];
    notice_kind notice_kind;
    int64_t notice_until;

    /* shared flows (flows.c): the open editor, the pending identification */
    struct text_edit *edit_field;
    char edit_field_id[64];
    char edit_label[128];
    app_edit_extra_fn edit_extra;
    void *edit_ctx;
    ui_keyboard_state edit_kb;     /* the editor's keyboard layer and shift */
    bool identify_need_signature;
    app_then_fn identify_then;
    void *identify_ctx;
    const screen_def *identify_return;
    char lead_return[32];

    script *script;
    FILE *dump;
    uint64_t dump_seq;
    char *last_dump;
    size_t last_dump_len;
    int64_t frames_drawn;
    struct app_busy *busy;    /* the screen while a write waits (busy.h) */
    int64_t minute_shown;     /* wall minute the clock on screen shows */
};

/* Clock, as the domain sees it. */
int64_t app_now_ms(const app *a);   /* monotonic */
int64_t app_wall_s(const app *a);
/* The time to stamp a new entry with: never before the newest stored one. */
int64_t app_entry_time(const app *a);
bool app_clock_behind(const app *a);

void app_go(app *a, const char *screen_name);
/* Goes back to a screen the user came from without resetting it (its enter
 * is not called, so its draft stays); home when s is NULL. */
void app_return_to(app *a, const screen_def *s);
void app_go_home(app *a);
/* The screen of that name (app_screens_find on the app's registry), or NULL. */
const screen_def *app_find_screen(const app *a, const char *name);
void app_notice(app *a, notice_kind kind, const char *text, int seconds);
/* Forgets the identified member and returns to the team language. */
void app_end_session(app *a);
void app_reload_settings(app *a);

/* ---- Shared flows (app/flows.c) ----------------------------------------
 * Text editing: a full-screen editor for one field: its label and text large
 * at the top, the on-screen keyboard below, and an optional extra area in
 * between (e.g. similar ideas while typing). "Done" (or Return in a
 * single-line field) closes it and returns to the screen, whose draft stays. */
void app_edit_open(app *a, struct text_edit *te, const char *field_id, const char *label,
                   app_edit_extra_fn extra, void *ctx);
void app_edit_close(app *a);
bool app_editing(const app *a);
/* Draws the open editor into body instead of the screen (app.c calls it). */
void app_edit_draw(app *a, ui_ctx *ui, ui_rect body);

/* Identification: opens the identify screen (badge, roster, or personal PIN
 * when need_signature) and, once someone is identified, returns to the
 * screen it came from and calls then(a, ctx). If someone suitable is
 * already identified, calls then at once. */
void app_identify(app *a, bool need_signature, app_then_fn then, void *ctx);
/* Someone was identified (badge, roster or PIN): remembers them for the
 * session, switches to their language, greets them, and completes a pending
 * app_identify when they are suitable (signed_in when need_signature). */
void app_identified(app *a, int64_t member_id, const char *name, const char *language, bool signed_in);
/* A badge burst was read on any screen: identifies its member, or says the
 * badge is not known. */
void app_badge_scanned(app *a, const char *badge);

/* Lead mode: opens the lead sign-in (name, then PIN) unless a lead is signed
 * in, then goes to return_screen. */
void app_require_lead(app *a, const char *return_screen);

/* After a privacy deletion or redaction: keeps clearing the database's
 * logs from the loop, on every screen and after a restart, until no file
 * holds the old text (store_privacy_flush); cleared says it is done. */
void app_privacy_job(app *a, bool cleared);

#endif

/* screen.h: the screen interface, owned by the app. A screen (kiosk/screens/)
 * is a screen_def: hooks the app calls to draw it into the body under the
 * top bar, to reset it on arrival, to ask whether it holds off idle reset
 * or carries a draft, and to give it a turn of the loop. The app never names
 * a screen: main.c hands it an app_screens registry, every screen with the
 * roles the app needs (home, wall, failure, identify, lead). Screens include
 * this through app.h; the app includes no screen header (docs/HACKING.md). */
#ifndef VB_APP_SCREEN_H
#define VB_APP_SCREEN_H

#include <stdbool.h>
#include <stdint.h>

#include "../ui/ui.h"

typedef struct app app;

typedef struct screen_def {
    const char *name;                  /* stable, for --screen and the UI dump */
    const char *title;                 /* English msgid, translated when shown */
    void (*draw)(app *a, ui_ctx *ui, ui_rect body);
    void (*enter)(app *a);             /* optional: reset state on arrival */
    bool (*holds_idle)(const app *a);  /* optional: e.g. the monthly review */
    bool (*has_draft)(const app *a);   /* optional: half-filled form */
    void (*discard)(app *a);           /* optional: drop the draft */
    bool show_home_button;
    bool fullscreen;                   /* no top bar (the wall pages) */
    /* optional: the next monotonic ms it needs a turn of the loop
     * (VB_NO_DEADLINE: none). A deadline that is due (<= app_now_ms) makes
     * the loop come round again at once, also with a fixed clock: that is
     * how a screen does work in steps (e.g. one export file per frame). */
    int64_t (*deadline)(const app *a);
    void (*tick)(app *a);              /* optional: runs every loop turn before drawing */
} screen_def;

/* The screens main.c hands the app (app_options.screens). */
typedef struct app_screens {
    const screen_def *const *all; /* every screen, NULL-terminated: looked up by name */
    const screen_def *home;       /* the start screen; idle reset returns here */
    const screen_def *wall;       /* --wall, the idle fallback and the second display (--wall-display) */
    const screen_def *failure;    /* shown while the database cannot be used */
    const screen_def *identify;   /* app_identify: badge, roster or personal PIN */
    const screen_def *lead;       /* app_require_lead: the lead sign-in */
} app_screens;

/* The screen of that name in reg, or NULL. */
const screen_def *app_screens_find(const app_screens *reg, const char *name);

#endif

/* screens.h: one file per screen. Each screen draws itself into the body
 * area under the app's top bar, and may hold off idle reset or carry a draft
 * that must not be thrown away without a warning. */
#ifndef VB_SCREENS_H
#define VB_SCREENS_H

#include <stdbool.h>

#include "../app/app.h"
#include "../ui/ui.h"

struct screen_def {
    const char *name;                  /* stable, for --screen and the UI dump */
    const char *title;                 /* English msgid, translated when shown */
    void (*draw)(app *a, ui_ctx *ui, ui_rect body);
    void (*enter)(app *a);             /* optional: reset state on arrival */
    bool (*holds_idle)(const app *a);  /* optional: e.g. a running daily start */
    bool (*has_draft)(const app *a);   /* optional: half-filled form */
    void (*discard)(app *a);           /* optional: drop the draft */
    bool show_home_button;
    bool fullscreen;                   /* no top bar (the wall pages) */
    int64_t (*deadline)(const app *a); /* optional: next monotonic ms it needs a turn */
    void (*tick)(app *a);              /* optional: runs every loop turn before drawing */
};

const screen_def *screen_find(const char *name);
/* All screens, NULL-terminated (for --help and screenshot tests). */
extern const screen_def *const screen_all[];

extern const screen_def screen_home, screen_dbfail, screen_wall;
extern const screen_def screen_learning_point, screen_learning_list, screen_receipt, screen_idea_new, screen_ideas, screen_idea_detail, screen_identify, screen_lead, screen_settings, screen_roster, screen_actions, screen_dagstart, screen_review;
extern const screen_def screen_idea_lead, screen_learning_lead; /* moderation.h */

/* A card saying what a screen will hold (placeholder.c). */
void screen_placeholder(ui_ctx *ui, ui_rect body, const char *id, const char *text);

#endif

/* screens.h: one file per screen. Each screen is a screen_def (the app's
 * screen interface, app/screen.h): it draws itself into the body area under
 * the app's top bar, and may hold off idle reset or carry a draft that must
 * not be thrown away without a warning. Screens include app headers, ui,
 * store and core; never the platform (docs/HACKING.md). */
#ifndef VB_SCREENS_H
#define VB_SCREENS_H

#include <stdbool.h>

#include "../app/app.h"
#include "../ui/ui.h"

/* All screens, NULL-terminated (for --help and screenshot tests). */
extern const screen_def *const screen_all[];
/* Every screen with its role, for app_options.screens (main.c hands it to
 * the app). */
extern const app_screens screen_registry;

extern const screen_def screen_home, screen_dbfail, screen_wall;
extern const screen_def screen_learning_point, screen_learning_list, screen_receipt, screen_idea_new, screen_ideas, screen_idea_detail, screen_identify, screen_lead, screen_settings, screen_roster, screen_actions, screen_dagstart, screen_review;
extern const screen_def screen_idea_lead, screen_learning_lead; /* moderation.h */

/* A card saying what a screen will hold (placeholder.c). */
void screen_placeholder(ui_ctx *ui, ui_rect body, const char *id, const char *text);

#endif

/* learning_ui.h: what the learning-point screens (learning_point,
 * learning_list, receipt) share: the category chip with its pictogram, a
 * day in words, and an action's status in words. */
#ifndef VB_LEARNING_UI_H
#define VB_LEARNING_UI_H

#include <stdbool.h>

#include "../store/store_learning.h"
#include "../ui/ui.h"

/* A category chip: its pictogram large above its name (the lead's label or
 * the translated default), or both on one line when r is low (smaller type
 * when needed, or px when not 0, so that a row of chips looks alike). c
 * NULL is the "All" chip of a filter. Selected is shown by
 * colour, a thick outline and a check mark. Registers a chip element with
 * the name as label; returns true when tapped. */
bool learning_ui_category_chip(ui_ctx *ui, const char *id, ui_rect r, const lp_category *c, bool selected, int px);
/* "Thursday 26 November" for "2026-11-26" (translated, in the frame arena);
 * the text itself when it is not a day. */
const char *learning_ui_day(ui_ctx *ui, const char *ymd);
/* "Open", "Done", "Dropped" (translated) for an action status. */
const char *learning_ui_action_status(const char *status);

#endif

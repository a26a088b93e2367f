/* dagstart.h: what the daily-start screen (dagstart.c) and the actions
 * screen (actions.c) share. (Whether a running daily start holds off idle
 * reset the app asks the store itself: store_dagstart_running.) */
#ifndef VB_SCREENS_DAGSTART_H
#define VB_SCREENS_DAGSTART_H

#include <stdbool.h>

#include "../core/date.h"
#include "screens.h"

/* An action's due day in words, relative to today, in the frame arena:
 * "⚠ 3 days overdue", "Due today", "Due tomorrow", "Due in 5 days". */
const char *dagstart_due_text(ui_ctx *ui, vb_day due, vb_day today);
/* "m:ss" of a duration (negative counts as its size), in the frame arena. */
const char *dagstart_mmss(ui_ctx *ui, int64_t ms);
/* A two-line preset button (title, and a day or detail under it) that
 * shows being chosen by a check mark and a thick outline, not colour alone.
 * Registered as a chip; returns true when tapped. */
bool dagstart_preset(ui_ctx *ui, const char *id, ui_rect r, const char *title, const char *sub, bool selected);

#endif

/* busy.h: the kiosk while the store's writer thread works (issue 9, "No
 * freezes"). Starts the writer thread with the app's hooks; while a write
 * waits for a lock or the disk, keeps the screen alive: the last frame again
 * with a "Saving…" indicator, taps answered (and taken, so a second tap on
 * Save saves nothing), keyboard and badge input left queued for after the
 * save, script actions marked "while_saving" run; and drives the privacy
 * clean-up as a background job of the writer thread. */
#ifndef VB_BUSY_H
#define VB_BUSY_H

#include <stdint.h>

#include "app.h"

/* Starts db's writer thread with the app's wait and wake hooks (the kiosk
 * only, never the wall). */
vb_code app_busy_attach(app *a, store *db, vb_err *err);
void app_busy_free(app *a);
/* Keeps the frame just presented, for the screen while a write waits. */
void app_busy_keep_frame(app *a);
/* From the tick: starts the privacy clean-up on the writer thread when it is
 * due, and takes the result of one that ended (app_privacy_job). */
void app_privacy_tick(app *a, int64_t now);

/* What the waits looked like, for benchmarks and tests. */
typedef struct app_busy_stats {
    int64_t waits;         /* writes that took longer than one look (STORE_WAIT_HOOK_MS) */
    int64_t looks;         /* times the wait looked at the input */
    int64_t frames;        /* frames presented while waiting */
    int64_t taps;          /* taps answered while waiting */
    double worst_gap_ms;   /* the longest the input went unlooked at during a wait */
} app_busy_stats;
/* Fills out with the figures since the start or the last take, and starts
 * counting afresh. */
void app_busy_stats_take(app *a, app_busy_stats *out);

#endif

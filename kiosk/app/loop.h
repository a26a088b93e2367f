/* loop.h: the app as main.c and the tests drive it: start-up on a platform,
 * platform events in, frames out, and the main loop that sleeps until the
 * next deadline and draws only when something changed. The one app header
 * that includes platform.h; screens include app.h only (docs/HACKING.md). */
#ifndef VB_APP_LOOP_H
#define VB_APP_LOOP_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/vb_err.h"
#include "../platform/platform.h"
#include "app.h"

/* Starts opening the database (store_open, the schema check, migrations,
 * the demo data) on a thread of its own, so that it overlaps with opening
 * the window: neither needs the other, and together they are most of the
 * time to the first frame. Put the result in opt->early; app_init takes it
 * over (and opens the database itself when there is none). */
typedef struct app_early app_early;
vb_code app_open_early(app_early **out, const app_options *opt, vb_err *err);
/* Waits for the thread and closes what it opened (when app_init is not run). */
void app_early_discard(app_early *e);
/* opt->screens is required: the screens and their roles. */
vb_code app_init(app *a, const app_options *opt, platform *plat, vb_err *err);
void app_shutdown(app *a);
/* Runs until quit; returns the exit code. */
int app_run(app *a);

/* Builds and renders one frame now (also for --screenshot and benches). */
void app_draw(app *a);
/* Builds the frame; rasterises it only when render (the monkey test draws
 * one frame in a hundred). */
void app_update(app *a, bool render);

/* Next deadline computation, exposed for tests: fills up to max deadlines
 * (monotonic ms) and returns how many. */
int app_deadlines(const app *a, int64_t *out, int max);
/* How long the loop may sleep, in ms (-1: until input): 0 when a deadline
 * is due, also with a fixed clock; with a fixed clock a later deadline
 * never comes (only a script's "advance" moves it), so the wait is for
 * input. Real-time badge gaps are added by the loop. */
int app_wait_ms(const app *a);
/* Feeds one platform event into the app (also used by tests). */
void app_handle_event(app *a, const platform_event *ev);
/* True while the next frame can take another input event whole; when false,
 * draw a frame before feeding more events (nothing is ever dropped). */
bool app_input_room(const app *a);
/* Runs deadlines that have passed. */
void app_tick(app *a);

#endif

/* deadline.h: how long the main loop may sleep. The loop collects its
 * deadlines (clock tick, idle reset, retry, timers) in monotonic ms and
 * sleeps in SDL_WaitEventTimeout for exactly the time to the earliest. */
#ifndef VB_DEADLINE_H
#define VB_DEADLINE_H

#include <stdint.h>

#define VB_NO_DEADLINE INT64_MAX

/* Milliseconds from now_ms to the earliest of deadlines[0..n) (0 if one has
 * passed), or -1 when there is none (sleep until input). Capped at INT32_MAX. */
int vb_wait_ms(const int64_t *deadlines, int n, int64_t now_ms);
/* The next whole-minute boundary of wall time, as a monotonic deadline. */
int64_t vb_next_minute_deadline(int64_t wall_ms, int64_t mono_ms);

#endif

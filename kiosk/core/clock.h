/* clock.h: the injected clock. All domain and UI code asks this clock for
 * "now" (wall time for dates, monotonic milliseconds for countdowns and
 * timeouts), never the system directly, so tests can start at any moment
 * (--now), freeze time (--clock fixed) and advance it by script. libc only. */
#ifndef VB_CLOCK_H
#define VB_CLOCK_H

#include <stdbool.h>
#include <stdint.h>

typedef struct vb_clock {
    bool fixed;           /* time moves only through vb_clock_advance */
    int64_t start_wall_s; /* wall time (unix s) at start */
    int64_t start_real_ms;/* real monotonic ms at start */
    int64_t advanced_ms;  /* total advanced by script */
} vb_clock;

/* real_mono_ms is the platform's monotonic clock at this moment. */
void vb_clock_init(vb_clock *c, int64_t start_wall_s, bool fixed, int64_t real_mono_ms);
void vb_clock_advance(vb_clock *c, int64_t ms);
/* Monotonic milliseconds since start (never goes back). */
int64_t vb_clock_mono_ms(const vb_clock *c, int64_t real_mono_ms);
/* Wall time in unix seconds. */
int64_t vb_clock_wall_s(const vb_clock *c, int64_t real_mono_ms);

/* The years the kiosk keeps dates for: stored days are 'YYYY-MM-DD' and a
 * date outside this range is a wrong clock, not a real entry. */
#define VB_YEAR_MIN 2000
#define VB_YEAR_MAX 2099

/* Parses "YYYY-MM-DDTHH:MM" (or with a space, optional :SS) as local time;
 * false for anything else, also for a year outside VB_YEAR_MIN..VB_YEAR_MAX. */
bool vb_parse_local_datetime(const char *text, int64_t *out_unix_s);

#endif

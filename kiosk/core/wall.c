/* wall.c: pure rules of wall mode (see wall.h). */
#include "wall.h"

#include <string.h>

int wall_page_at(int64_t now_ms, int rotate_s)
{
    if (rotate_s < 5)
        rotate_s = 5;
    return (int)((now_ms / 1000 / rotate_s) % WALL_PAGE_COUNT);
}

int64_t wall_next_page_ms(int64_t now_ms, int rotate_s)
{
    if (rotate_s < 5)
        rotate_s = 5;
    int64_t period = (int64_t)rotate_s * 1000;
    return (now_ms / period + 1) * period;
}

void wall_burn_in_offset(int64_t wall_s, int max_px, int *dx, int *dy)
{
    /* walk a small square, one step per minute: the picture never stands
     * still for long, yet never jumps far */
    static const int path[8][2] = { { 0, 0 }, { 1, 0 }, { 1, 1 }, { 0, 1 }, { -1, 1 }, { -1, 0 }, { -1, -1 }, { 0, -1 } };
    int64_t minute = wall_s / 60;
    int step = (int)(minute % 8);
    if (step < 0)
        step += 8;
    *dx = path[step][0] * max_px;
    *dy = path[step][1] * max_px;
}

bool wall_outside_hours(const wall_data *d, int iso_weekday, int minute_of_day)
{
    char day = (char)('0' + iso_weekday);
    bool working_day = d->working_days[0] ? strchr(d->working_days, day) != NULL : iso_weekday <= 5;
    if (!working_day)
        return true;
    if (d->shift_count == 0)
        return false;
    for (int i = 0; i < d->shift_count; i++) {
        int s = d->shifts[i].start_min, e = d->shifts[i].end_min;
        bool inside = s < e ? (minute_of_day >= s && minute_of_day < e)
                            : (minute_of_day >= s || minute_of_day < e); /* over midnight */
        if (inside)
            return false;
    }
    return true;
}

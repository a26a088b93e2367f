/* deadline.c: sleep computation for the main loop (see deadline.h). */
#include "deadline.h"

int vb_wait_ms(const int64_t *deadlines, int n, int64_t now_ms)
{
    int64_t earliest = VB_NO_DEADLINE;
    for (int i = 0; i < n; i++)
        if (deadlines[i] < earliest)
            earliest = deadlines[i];
    if (earliest == VB_NO_DEADLINE)
        return -1;
    int64_t wait = earliest - now_ms;
    if (wait < 0)
        return 0;
    if (wait > INT32_MAX)
        return INT32_MAX;
    return (int)wait;
}

int64_t vb_next_minute_deadline(int64_t wall_ms, int64_t mono_ms)
{
    int64_t into = wall_ms % 60000;
    if (into < 0)
        into += 60000;
    return mono_ms + (60000 - into);
}

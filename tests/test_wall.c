/* test_wall.c: the pure rules of wall mode (core/wall.c) and its colours:
 * page rotation and its deadline, the burn-in shift, working hours for
 * dimming (weekends, night shifts over midnight), and 7:1 contrast of the
 * dimmed palette too. */
#include "testlib.h"

#include "../kiosk/core/wall.h"
#include "../kiosk/ui/theme.h"

static void test_pages(void)
{
    T_EQ_INT(wall_page_at(0, 15), 0, "page: the first page at the start");
    T_EQ_INT(wall_page_at(14999, 15), 0, "page: still the first just before 15 s");
    T_EQ_INT(wall_page_at(15000, 15), 1, "page: the second at 15 s");
    T_EQ_INT(wall_page_at(60000, 15), 0, "page: back to the first after four pages");
    T_EQ_INT(wall_page_at(10000, 1), 2, "page: rotation is never faster than 5 s");
    T_CHECK(wall_next_page_ms(1000, 15) == 15000, "page: the next change is at the next 15 s boundary");
    T_CHECK(wall_next_page_ms(15000, 15) == 30000, "page: exactly on a boundary, the next one is a period later");
}

static void test_burn_in(void)
{
    int seen[3][3] = { { 0 } };
    bool bounded = true, moves = false;
    int px = 0, py = 0;
    for (int minute = 0; minute < 16; minute++) {
        int dx, dy;
        wall_burn_in_offset((int64_t)minute * 60, 6, &dx, &dy);
        bounded = bounded && dx >= -6 && dx <= 6 && dy >= -6 && dy <= 6;
        if (minute > 0 && (dx != px || dy != py))
            moves = true;
        if (dx >= -6 && dx <= 6 && dy >= -6 && dy <= 6)
            seen[dx / 6 + 1][dy / 6 + 1] = 1;
        px = dx;
        py = dy;
    }
    int positions = 0;
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++)
            positions += seen[i][j];
    T_CHECK(bounded, "burn-in: the content never moves more than the given pixels");
    T_CHECK(moves, "burn-in: the content moves from minute to minute");
    T_CHECK(positions >= 8, "burn-in: it visits many positions over time");
    int dx1, dy1, dx2, dy2;
    wall_burn_in_offset(600, 6, &dx1, &dy1);
    wall_burn_in_offset(659, 6, &dx2, &dy2);
    T_CHECK(dx1 == dx2 && dy1 == dy2, "burn-in: it stands still within a minute (no extra redraws)");
}

static void test_hours(void)
{
    wall_data d;
    memset(&d, 0, sizeof d);
    snprintf(d.working_days, sizeof d.working_days, "12345");
    d.shifts[0] = (wall_shift){ 6 * 60, 14 * 60 };
    d.shifts[1] = (wall_shift){ 14 * 60, 22 * 60 };
    d.shift_count = 2;
    T_CHECK(!wall_outside_hours(&d, 4, 10 * 60), "hours: Thursday 10:00 is working time");
    T_CHECK(wall_outside_hours(&d, 4, 23 * 60), "hours: Thursday 23:00 is outside");
    T_CHECK(wall_outside_hours(&d, 4, 5 * 60 + 59), "hours: 05:59 is outside");
    T_CHECK(wall_outside_hours(&d, 6, 10 * 60), "hours: Saturday is not a working day");
    d.shifts[1] = (wall_shift){ 22 * 60, 6 * 60 }; /* a night shift over midnight */
    T_CHECK(!wall_outside_hours(&d, 4, 2 * 60), "hours: 02:00 inside a night shift over midnight");
    T_CHECK(!wall_outside_hours(&d, 4, 23 * 60), "hours: 23:00 inside the night shift");
    d.shift_count = 0;
    T_CHECK(!wall_outside_hours(&d, 2, 3 * 60), "hours: without shifts a working day counts whole");
    d.working_days[0] = '\0';
    T_CHECK(wall_outside_hours(&d, 7, 12 * 60), "hours: without the setting, Sunday is not a working day");
}

static void test_dim_contrast(void)
{
    T_CHECK(theme_contrast(WALL_DIM_TEXT, WALL_DIM_BG) >= 7.0, "dimmed wall: text has at least 7:1 contrast");
    T_CHECK(theme_contrast(WALL_DIM_MUTED, WALL_DIM_BG) >= 7.0, "dimmed wall: muted text has at least 7:1");
    T_CHECK(WALL_DIM_BG.r < THEME_BG.r / 4, "dimmed wall: the background is much darker than by day");
}

int main(void)
{
    test_pages();
    test_burn_in();
    test_hours();
    test_dim_contrast();
    return t_done();
}

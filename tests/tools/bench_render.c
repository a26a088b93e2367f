/* bench_render.c: how long the kiosk takes to build and render one frame of
 * a screen, measured in process with the real UI, widgets, SDL software
 * renderer and text cache (rendering into memory, no display needed).
 *
 *   bench_render DB [WxH] [FRAMES] [SCREEN]
 *
 * Opens DB (filled with demo data first when it is empty), draws SCREEN
 * (default home) at WxH (default 1920x1080) once to fill the text cache,
 * then FRAMES times (default 500) with a full rebuild each time, as after any
 * change. Prints "key value" lines for tests/bench.sh: first frame (cold
 * cache), median, p99, mean, min and max in milliseconds, and the text cache
 * size. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../kiosk/app/loop.h"
#include "../../kiosk/screens/screens.h"
#include "../testapp.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    int w, h, frames = 500;
    if (!t_bench_args(argc, argv, "bench_render", "FRAMES] [SCREEN", &w, &h, &frames, 1000000))
        return 2;
    /* "wall:N" is page N of the wall pages */
    char screen_name[64];
    snprintf(screen_name, sizeof screen_name, "%s", argc > 4 ? argv[4] : "home");
    int wall_page = 0;
    char *colon = strchr(screen_name, ':');
    if (colon) {
        wall_page = atoi(colon + 1);
        *colon = '\0';
    }
    const char *screen = screen_name;

    platform *p;
    vb_err err;
    if (t_platform_open(&p, w, h, true, &err) != VB_OK) {
        fprintf(stderr, "bench_render: %s\n", err.msg);
        return 1;
    }
    app_options opt = t_app_options(argv[1], 0);
    opt.start_screen = screen;
    app *a = calloc(1, sizeof *a);
    if (!a || app_init(a, &opt, p, &err) != VB_OK) {
        fprintf(stderr, "bench_render: %s\n", err.msg);
        free(a);
        platform_close(p);
        return 1;
    }
    app_draw(a); /* a lead's screen sends a visitor without a lead to the sign-in */
    if (a->db && strcmp(a->screen->name, screen) != 0 && a->lead_id == 0) {
        /* a lead's screen: sign in the first demo lead, as after the PIN */
        a->lead_id = 1;
        snprintf(a->lead_name, sizeof a->lead_name, "lead");
        app_go(a, screen);
    }
    if (a->db && strcmp(screen, "wall") == 0) {
        app_draw(a);
        app_tick(a); /* loads the wall's data */
        vb_clock_advance(&a->clock, (int64_t)wall_page * store_setting_int(a->db, "wall_rotate_s", 15) * 1000);
        app_tick(a);
    }
    if (!a->db || strcmp(a->screen->name, screen) != 0) {
        fprintf(stderr, "bench_render: cannot show screen %s (database: %s)\n", screen, a->db_err.msg);
        app_shutdown(a);
        free(a);
        platform_close(p);
        return 1;
    }
    double t0 = now_ms();
    app_draw(a);
    double cold = now_ms() - t0;
    app_tick(a); /* the quick check after the first frame, out of the way */

    double *ms = malloc(sizeof *ms * (size_t)frames);
    if (!ms)
        return 1;
    double sum = 0;
    for (int i = 0; i < frames; i++) {
        a->dirty = true; /* app_draw always rebuilds the whole frame */
        double s = now_ms();
        app_draw(a);
        ms[i] = now_ms() - s;
        sum += ms[i];
    }
    qsort(ms, (size_t)frames, sizeof *ms, cmp_double);
    int p99 = (int)((frames * 99 + 99) / 100) - 1; /* nearest rank */
    int entries = 0, capacity = 0;
    platform_text_cache_stats(p, &entries, &capacity);
    printf("screen %s%s\n", argc > 4 ? argv[4] : "home", "");
    printf("size %dx%d\n", w, h);
    printf("frames %d\n", frames);
    printf("first_frame_ms %.3f\n", cold);
    printf("median_ms %.3f\n", frames % 2 ? ms[frames / 2] : (ms[frames / 2 - 1] + ms[frames / 2]) / 2);
    printf("p99_ms %.3f\n", ms[p99]);
    printf("mean_ms %.3f\n", sum / frames);
    printf("min_ms %.3f\n", ms[0]);
    printf("max_ms %.3f\n", ms[frames - 1]);
    printf("elements %d\n", a->ui->element_count);
    printf("draw_commands %d\n", a->ui->cmd_count);
    printf("text_cache_entries %d\n", entries);
    printf("text_cache_capacity %d\n", capacity);
    free(ms);
    app_shutdown(a);
    free(a);
    platform_close(p);
    return 0;
}

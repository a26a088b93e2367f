/* testapp.h: the setup the C tests and benchmarks share to run the whole
 * app: a window of a given size (offscreen, or one of SDL's dummy driver
 * when the test needs an event queue) and the options that start the app
 * on a database with the demo team and the clock fixed at a given time,
 * with the product's screens.
 * Header only; it reports nothing itself (the benchmarks have no testlib). */
#ifndef VB_TESTAPP_H
#define VB_TESTAPP_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../kiosk/app/loop.h"
#include "../kiosk/screens/screens.h"

/* Opens a w x h window into *p: offscreen, or (offscreen false) a window
 * of the video driver, which has an event queue. */
static inline vb_code t_platform_open(platform **p, int w, int h, bool offscreen, vb_err *err)
{
    platform_config pc;
    memset(&pc, 0, sizeof pc);
    pc.width = w;
    pc.height = h;
    pc.windowed = true;
    pc.offscreen = offscreen;
    *p = NULL;
    vb_err_clear(err);
    return platform_open(p, &pc, err);
}

/* Options that start the app on db_path (the demo team is made when the
 * file is new) with the clock fixed at now_s (0: the real time, then
 * fixed), on a 344 mm panel. */
static inline app_options t_app_options(const char *db_path, int64_t now_s)
{
    app_options opt;
    memset(&opt, 0, sizeof opt);
    opt.screens = &screen_registry;
    opt.db_path = db_path;
    opt.demo = true;
    opt.now_set = now_s != 0;
    opt.now_s = now_s;
    opt.clock_fixed = true;
    opt.panel_mm = 344;
    return opt;
}

/* A benchmark's arguments "DB [WxH] [N]": the size (default 1920x1080)
 * and N (default n, kept within 1..max) into *w, *h, *n. False, after
 * saying why on stderr, when they are not usable. */
static inline bool t_bench_args(int argc, char **argv, const char *name, const char *n_name, int *w, int *h,
                                int *n, int max)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s DB [WxH] [%s]\n", name, n_name);
        return false;
    }
    int fallback = *n;
    *w = 1920;
    *h = 1080;
    if (argc > 2 && sscanf(argv[2], "%dx%d", w, h) != 2) {
        fprintf(stderr, "%s: size must be WxH\n", name);
        return false;
    }
    if (argc > 3)
        *n = atoi(argv[3]);
    if (*n < 1 || *n > max)
        *n = fallback;
    return true;
}

#endif

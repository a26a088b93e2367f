/* bench_save.c: how long a tap on Save takes to show "saved", measured
 * through the UI of the real kiosk, in process and headless.
 *
 *   bench_save DB [WxH] [SAVES]
 *
 * Opens DB (filled with demo data first when it is empty) in the real app in
 * a window of SDL's dummy video driver (headless; the software renderer, the
 * text cache), and SAVES times (default 200): from home, opens the
 * learning-point form, picks a category and a place, types a text in the
 * editor, and taps Save; then "Done" back to home. Every tap and the text go
 * in through SDL's event queue (platform_inject_*), the same path as a
 * touch, and are handled by the same steps as the main loop (app_run): take
 * the queued events (each press or release on its own frame), tick, draw and
 * present when something changed.
 *
 * Measured per save: from injecting the release of the finger on Save (a
 * button acts on release; the press and its feedback frame come before) to
 * the end of drawing and presenting the first frame that shows the receipt
 * code (learning_point.receipt): event handling, the commit to SQLite with
 * synchronous=FULL (and, for an anonymous point, the checkpoint), building
 * and rasterising the frame. Prints "key value" lines for tests/bench.sh:
 * saves, median, p90, p99, min and max in milliseconds, and the median and
 * p99 of the process's CPU time over the same stretch (which waiting for
 * the disk or for other processes does not inflate).
 *
 * Then two saves that must wait (issue 9, "No freezes"): one while another
 * connection holds the write lock for HOLD_MS, one while every sync takes
 * SLOW_SYNC_MS (the fault VFS of tests/vfs, registered at the start). For
 * each: the time to "saved", the frames the waiting screen presented, and
 * the worst frame time: the longest the kiosk went without looking at the
 * input (and drawing, when something changed) while it waited. */
#include <pthread.h>
#include <sqlite3.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../kiosk/app/busy.h"
#include "../../kiosk/app/loop.h"
#include "../vfs/faultvfs.h"
#include "../../kiosk/screens/screens.h"
#include "../testapp.h"

#define WHAT_TEXT "Olie op de vloer bij de zaag"
#define HOLD_MS 1000
#define SLOW_SYNC_MS 200

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

/* CPU time of the process (all threads), ms: what the save costs, apart
 * from waiting for the disk and for other processes on a shared machine. */
static double cpu_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static const ui_element *find(const app *a, const char *id)
{
    for (int i = 0; i < a->ui->element_count; i++)
        if (a->ui->elements[i].id && strcmp(a->ui->elements[i].id, id) == 0)
            return &a->ui->elements[i];
    return NULL;
}

/* One turn of the main loop (as in app_run, without waiting): the queued
 * events, stopping after a press or release so each gets its own frame,
 * then the tick and a frame when something changed. False when nothing was
 * queued. */
static bool loop_once(app *a)
{
    bool had = false;
    platform_event ev;
    if (platform_next_event(a->plat, 0, &ev)) {
        had = true;
        a->real_ms = platform_ticks_ms();
        app_handle_event(a, &ev);
        while (ev.kind != PEV_PRESS && ev.kind != PEV_RELEASE && platform_next_event(a->plat, 0, &ev))
            app_handle_event(a, &ev);
    }
    a->real_ms = platform_ticks_ms();
    app_tick(a);
    if (a->dirty)
        app_draw(a);
    a->quit = false;
    return had;
}

/* Runs the loop until the queue is empty and the frame is drawn. */
static void settle(app *a)
{
    while (loop_once(a))
        ;
}

/* The process's CPU time when the last timed release was injected. */
static double release_cpu;

/* Taps the element: press (and its frame), then injects the release (which
 * the caller's loop takes). With t_release, the time just before the
 * release is injected (and release_cpu). */
static bool tap(app *a, const char *id, double *t_release)
{
    settle(a);
    const ui_element *e = find(a, id);
    if (!e) {
        fprintf(stderr, "bench_save: no element %s on screen %s\n", id, a->screen->name);
        return false;
    }
    int x = e->rect.x + e->rect.w / 2, y = e->rect.y + e->rect.h / 2;
    platform_inject_press(a->plat, x, y);
    settle(a);
    if (t_release) {
        release_cpu = cpu_ms();
        *t_release = now_ms();
    }
    platform_inject_release(a->plat, x, y);
    return true;
}

/* One learning point through the form; its tap-to-"saved" time in ms (and
 * the CPU time of it in *cpu), or a negative number when the form did not
 * behave. */
static double one_save(app *a, double *cpu)
{
    if (!tap(a, "home.learning_point", NULL) || !tap(a, "learning_point.category.safety", NULL) ||
        !tap(a, "learning_point.place.3", NULL) || !tap(a, "learning_point.what", NULL))
        return -1;
    settle(a);
    platform_inject_text(a->plat, WHAT_TEXT);
    settle(a);
    /* held keys turn into typing after the badge gap (real time) */
    struct timespec gap = { 0, 80 * 1000000L };
    nanosleep(&gap, NULL);
    settle(a);
    if (!tap(a, "kbd.done", NULL))
        return -1;
    double t0 = 0;
    if (!tap(a, "learning_point.save", &t0))
        return -1;
    /* the loop until the frame that shows the receipt is presented */
    double t1 = 0;
    for (int turn = 0; turn < 1000 && !t1; turn++) {
        int64_t frames = a->frames_drawn;
        loop_once(a);
        if (a->frames_drawn != frames && find(a, "learning_point.receipt"))
            t1 = now_ms();
    }
    *cpu = cpu_ms() - release_cpu;
    if (!t1) {
        fprintf(stderr, "bench_save: no receipt after Save (notice \"%s\", screen %s)\n", a->notice,
                a->screen->name);
        return -1;
    }
    if (!tap(a, "learning_point.done", NULL))
        return -1;
    settle(a);
    /* the next point is another tap, seconds later */
    vb_clock_advance(&a->clock, 5000);
    a->dirty = true;
    settle(a);
    if (a->screen != &screen_home)
        app_go_home(a);
    settle(a);
    return t1 - t0;
}

/* Another program's write lock (BEGIN IMMEDIATE), held for HOLD_MS. */
typedef struct holder {
    const char *path;
    atomic_int state; /* 0 starting, 1 holding, 2 done, -1 failed */
} holder;

static void *hold_lock(void *arg)
{
    holder *h = arg;
    sqlite3 *db = NULL;
    if (sqlite3_open(h->path, &db) != SQLITE_OK || sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
        sqlite3_close(db);
        atomic_store(&h->state, -1);
        return NULL;
    }
    atomic_store(&h->state, 1);
    struct timespec hold = { HOLD_MS / 1000, (HOLD_MS % 1000) * 1000000L };
    nanosleep(&hold, NULL);
    sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
    sqlite3_close(db);
    atomic_store(&h->state, 2);
    return NULL;
}

/* One save that has to wait; prints its figures under the key prefix. */
static int waiting_save(app *a, const char *prefix)
{
    app_busy_stats st;
    app_busy_stats_take(a, &st);
    double cpu = 0, t = one_save(a, &cpu);
    app_busy_stats_take(a, &st);
    if (t < 0)
        return 1;
    printf("%s_save_ms %.1f\n", prefix, t);
    printf("%s_frames %lld\n", prefix, (long long)st.frames);
    printf("%s_looks %lld\n", prefix, (long long)st.looks);
    printf("%s_worst_frame_ms %.1f\n", prefix, st.worst_gap_ms);
    return 0;
}

static int waiting_saves(app *a, const char *db_path)
{
    holder h = { db_path, 0 };
    pthread_t thread;
    if (pthread_create(&thread, NULL, hold_lock, &h) != 0)
        return 1;
    while (atomic_load(&h.state) == 0) {
        struct timespec ts = { 0, 1000000L };
        nanosleep(&ts, NULL);
    }
    int rc = atomic_load(&h.state) == 1 ? waiting_save(a, "held_lock") : 1;
    pthread_join(thread, NULL);
    faultvfs_sync_delay(SLOW_SYNC_MS);
    if (rc == 0)
        rc = waiting_save(a, "slow_sync");
    faultvfs_sync_delay(0);
    return rc;
}

int main(int argc, char **argv)
{
    int w, h, saves = 200;
    if (!t_bench_args(argc, argv, "bench_save", "SAVES", &w, &h, &saves, 100000))
        return 2;

    /* pass-through until a slow disk is wanted (waiting_saves) */
    if (faultvfs_register() != SQLITE_OK) {
        fprintf(stderr, "bench_save: cannot register the fault VFS\n");
        return 1;
    }
    /* a window of SDL's dummy driver (headless, unless SDL_VIDEODRIVER says
     * otherwise), as the scenario tests run the kiosk: the offscreen
     * platform has no event queue */
    setenv("SDL_VIDEODRIVER", "dummy", 0);
    platform *p;
    vb_err err;
    if (t_platform_open(&p, w, h, false, &err) != VB_OK) {
        fprintf(stderr, "bench_save: %s\n", err.msg);
        return 1;
    }
    app_options opt = t_app_options(argv[1], 0);
    app *a = calloc(1, sizeof *a);
    if (!a || app_init(a, &opt, p, &err) != VB_OK) {
        fprintf(stderr, "bench_save: %s\n", err.msg);
        free(a);
        platform_close(p);
        return 1;
    }
    app_draw(a);
    settle(a); /* the quick check after the first frame, out of the way */
    if (!a->db) {
        fprintf(stderr, "bench_save: cannot open the database: %s\n", a->db_err.msg);
        app_shutdown(a);
        free(a);
        platform_close(p);
        return 1;
    }

    double *ms = malloc(sizeof *ms * (size_t)saves), *cpu = malloc(sizeof *cpu * (size_t)saves);
    int rc = ms && cpu ? 0 : 1;
    double sum = 0;
    for (int i = 0; i < saves && rc == 0; i++) {
        ms[i] = one_save(a, &cpu[i]);
        if (ms[i] < 0)
            rc = 1;
        sum += ms[i];
    }
    if (rc == 0) {
        qsort(ms, (size_t)saves, sizeof *ms, cmp_double);
        qsort(cpu, (size_t)saves, sizeof *cpu, cmp_double);
        int p90 = (saves * 90 + 99) / 100 - 1, p99 = (saves * 99 + 99) / 100 - 1; /* nearest rank */
        printf("size %dx%d\n", w, h);
        printf("saves %d\n", saves);
        printf("median_ms %.3f\n", saves % 2 ? ms[saves / 2] : (ms[saves / 2 - 1] + ms[saves / 2]) / 2);
        printf("p90_ms %.3f\n", ms[p90]);
        printf("p99_ms %.3f\n", ms[p99]);
        printf("mean_ms %.3f\n", sum / saves);
        printf("min_ms %.3f\n", ms[0]);
        printf("max_ms %.3f\n", ms[saves - 1]);
        printf("cpu_median_ms %.3f\n", saves % 2 ? cpu[saves / 2] : (cpu[saves / 2 - 1] + cpu[saves / 2]) / 2);
        printf("cpu_p99_ms %.3f\n", cpu[p99]);
        printf("hold_ms %d\nslow_sync_ms %d\n", HOLD_MS, SLOW_SYNC_MS);
        rc = waiting_saves(a, argv[1]);
    }
    free(ms);
    free(cpu);
    app_shutdown(a);
    free(a);
    platform_close(p);
    return rc;
}

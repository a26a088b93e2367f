/* busy.c: the kiosk while the store's writer thread works (see busy.h). */
#include "busy.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../core/i18n.h"
#include "../store/store_idea_flow.h"
#include "../ui/theme.h"
#include "../ui/widgets.h"
#include "dump.h"
#include "loop.h"
#include "script.h"

/* A reader keeps a privacy clean-up from finishing: the next try. */
#define PRIVACY_RETRY_MS 3000
/* A write that waits this long gets the indicator (a quick commit does not
 * flash it; a tap gets its answer at once); it then moves every step. */
#define BUSY_SHOW_MS 100
#define BUSY_STEP_MS 250

struct app_busy {
    /* the last presented frame, its text in this context's arena */
    ui_ctx *frame;
    int cmds, elements;
    size_t arena;
    bool kept;
    /* the wait in progress (from the first look to the next normal frame) */
    bool waiting;
    int64_t started_ms, last_look_ms;
    int64_t step;
    int taps;
    bool script_failed;
    app_busy_stats stats;
};

/* A pointer into the arena of from, moved to the same place in to's. */
static const char *rebase(const ui_ctx *from, ui_ctx *to, const char *p)
{
    uintptr_t at = (uintptr_t)p, start = (uintptr_t)from->arena;
    if (at >= start && at - start < sizeof from->arena)
        return to->arena + (at - start);
    return p; /* a static string: stays valid */
}

void app_busy_keep_frame(app *a)
{
    struct app_busy *b = a->busy;
    if (!b)
        return;
    const ui_ctx *ui = a->ui;
    ui_ctx *f = b->frame;
    f->width = ui->width;
    f->height = ui->height;
    f->px_per_mm = ui->px_per_mm;
    memcpy(f->arena, ui->arena, ui->arena_used);
    memcpy(f->cmds, ui->cmds, (size_t)ui->cmd_count * sizeof ui->cmds[0]);
    for (int i = 0; i < ui->cmd_count; i++)
        if (f->cmds[i].text)
            f->cmds[i].text = rebase(ui, f, f->cmds[i].text);
    memcpy(f->elements, ui->elements, (size_t)ui->element_count * sizeof ui->elements[0]);
    for (int i = 0; i < ui->element_count; i++) {
        f->elements[i].id = rebase(ui, f, f->elements[i].id);
        f->elements[i].label = rebase(ui, f, f->elements[i].label);
    }
    b->cmds = ui->cmd_count;
    b->elements = ui->element_count;
    b->arena = ui->arena_used;
    b->kept = true;
    b->waiting = false; /* a normal frame: any wait is over */
}

/* The kept frame with the indicator over it, presented (and dumped). */
static void present_waiting(app *a, struct app_busy *b)
{
    ui_ctx *u = b->frame;
    u->cmd_count = b->kept ? b->cmds : 0;
    u->element_count = b->kept ? b->elements : 0;
    u->arena_used = b->kept ? b->arena : 0;
    ui_rect full = { 0, 0, u->width, u->height };
    ui_clip_push(u, full);
    theme_metrics m = theme_metrics_for(u);
    int lines = b->taps ? 2 : 1;
    int h = m.main_target + (lines - 1) * m.target;
    ui_rect band = { 0, u->height - h, u->width, h };
    ui_draw_rect(u, band, THEME_BAR, 0);
    ui_rect inner = ui_inset(band, m.pad / 2);
    inner.x += m.pad / 2; /* text keeps clear of the screen's edges */
    inner.w -= m.pad;
    /* a moving bar of dots: the kiosk is alive, not hung */
    static const char *const dots[] = { "\xE2\x97\x8F \xE2\x97\x8B \xE2\x97\x8B", "\xE2\x97\x8B \xE2\x97\x8F \xE2\x97\x8B",
                                        "\xE2\x97\x8B \xE2\x97\x8B \xE2\x97\x8F", "\xE2\x97\x8B \xE2\x97\x8F \xE2\x97\x8B" };
    const char *spin = dots[b->step % 4];
    ui_rect first = ui_cut_top(&inner, m.main_target - m.pad);
    int spin_w = ui_text_width(u, spin, m.text_large, true) + m.pad;
    ui_label(u, "busy.progress", ui_cut_right(&first, spin_w), spin, m.text_large, true, THEME_ACCENT,
             UI_ALIGN_RIGHT);
    ui_label(u, "busy.saving", first, _("Saving\xE2\x80\xA6"), m.text_large, true, THEME_ON_DARK, UI_ALIGN_LEFT);
    if (b->taps)
        ui_label(u, "busy.tap", inner, _("Still saving, one moment please: your tap is not needed."), m.text_body,
                 false, THEME_ON_DARK, UI_ALIGN_LEFT);
    platform_render(a->plat, u->cmds, u->cmd_count, THEME_BG);
    platform_present(a->plat);
    b->stats.frames++;
    if (a->dump)
        dump_frame_ui(a, u);
}

/* The store's wait hook: called on the UI thread every STORE_WAIT_HOOK_MS
 * while a write waits for the writer thread. It never uses the store. */
static void busy_wait(void *ctx)
{
    app *a = ctx;
    struct app_busy *b = a->busy;
    int64_t now = platform_ticks_ms();
    bool draw = false;
    if (!b->waiting) {
        b->waiting = true;
        b->started_ms = now;
        b->last_look_ms = now;
        b->step = 0;
        b->taps = 0;
        b->stats.waits++;
    }
    double gap = (double)(now - b->last_look_ms);
    if (gap > b->stats.worst_gap_ms)
        b->stats.worst_gap_ms = gap;
    b->last_look_ms = now;
    b->stats.looks++;
    /* Taps are answered and taken: the screen below is not live, and a
     * second tap on Save must not save twice. Text, keys and badge bursts
     * stay queued, for the screen after the save (nothing is lost). */
    platform_event ev;
    while (a->plat && platform_take_pointer_event(a->plat, &ev)) {
        if (ev.kind != PEV_PRESS)
            continue;
        a->last_input_ms = app_now_ms(a);
        b->taps++;
        b->stats.taps++;
        draw = true;
    }
    if (a->script && !b->script_failed &&
        script_step_waiting(a->script, a, b->kept ? b->frame : a->ui) == SCRIPT_FAILED) {
        b->script_failed = true;
        a->exit_code = APP_EXIT_SCRIPT;
        a->quit = true;
    }
    /* steps from 1 once the indicator is due */
    int64_t step = now - b->started_ms < BUSY_SHOW_MS ? 0 : 1 + (now - b->started_ms - BUSY_SHOW_MS) / BUSY_STEP_MS;
    if (step != b->step) {
        b->step = step;
        draw = true;
    }
    if (draw && a->plat)
        present_waiting(a, b);
}

/* The store's wake hook, on the writer thread: a background job ended. */
static void busy_wake(void *ctx)
{
    app *a = ctx;
    platform_inject_wake(a->plat); /* SDL_PushEvent: thread-safe */
}

vb_code app_busy_attach(app *a, store *db, vb_err *err)
{
    if (!a->busy) {
        a->busy = calloc(1, sizeof *a->busy);
        if (a->busy)
            a->busy->frame = calloc(1, sizeof *a->busy->frame);
        if (!a->busy || !a->busy->frame) {
            app_busy_free(a);
            return vb_fail(err, VB_ERR_NOMEM, "out of memory");
        }
        ui_init(a->busy->frame, a->ui->width, a->ui->height, a->ui->px_per_mm, platform_text_width, a->plat);
    }
    return store_writer_start(db, busy_wait, a->plat ? busy_wake : NULL, a, err);
}

void app_busy_free(app *a)
{
    if (!a->busy)
        return;
    free(a->busy->frame);
    free(a->busy);
    a->busy = NULL;
}

void app_busy_stats_take(app *a, app_busy_stats *out)
{
    memset(out, 0, sizeof *out);
    if (!a->busy)
        return;
    *out = a->busy->stats;
    memset(&a->busy->stats, 0, sizeof a->busy->stats);
}

void app_privacy_job(app *a, bool cleared)
{
    a->privacy_pending = !cleared;
    a->privacy_retry_at = cleared ? 0 : app_now_ms(a) + PRIVACY_RETRY_MS;
}

void app_privacy_tick(app *a, int64_t now)
{
    if (!a->db || !a->privacy_pending)
        return;
    /* A try never waits for a reader (store_privacy_flush); it runs on the
     * writer thread, whose wake hook brings the loop back here at its end. */
    bool due = now >= a->privacy_retry_at, finished = false, cleared = false;
    vb_err err;
    vb_err_clear(&err);
    if (store_privacy_flush_job(a->db, due, &finished, &cleared, &err) != VB_OK)
        fprintf(stderr, "verbeterbord: clearing the database logs: %s\n", err.msg);
    if (due)
        a->privacy_retry_at = now + PRIVACY_RETRY_MS;
    if (!finished)
        return;
    a->privacy_pending = !cleared;
    if (cleared)
        app_notice(a, NOTICE_OK, _("The deleted text is now gone from the database files."), 5);
}

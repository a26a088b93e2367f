/* test_busy.c: writes off the touch path (issue 9, "No freezes"). The
 * store's writer thread (store/writer.c) and the screen while a write waits
 * (app/busy.c):
 *   - a write that meets another connection's write lock is not refused: it
 *     waits on the writer thread while the caller's wait hook keeps being
 *     called, and is saved once the lock goes (the hook itself lets it go
 *     after a few calls: ordering, not timing);
 *   - ids come from the connection that wrote (last_insert_rowid);
 *   - a slow disk (every sync of the fault VFS slowed down): the hook is
 *     called while the commit syncs, and VB_OK comes after the sync;
 *   - the real app with a slow disk: a tap queued during the commit is
 *     answered then (a frame with the indicator), typed text stays queued
 *     for after the save;
 *   - the privacy clean-up as a background job ends by itself, and wakes
 *     the app. */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../kiosk/app/busy.h"
#include "../kiosk/store/store_idea_flow.h"
#include "../kiosk/store/store_roster.h"
#include "testapp.h"
#include "testlib.h"
#include "vfs/faultvfs.h"

#define NOW_S 1795676100 /* 2026-11-26 06:55 UTC */

typedef struct hook_state {
    int calls;
    int release_at;   /* the call that lets the lock go (0: none) */
    sqlite3 *holder;  /* the other connection that holds the write lock */
    int wakes;
} hook_state;

static void count_hook(void *ctx)
{
    hook_state *h = ctx;
    h->calls++;
    if (h->holder && h->calls == h->release_at)
        sqlite3_exec(h->holder, "COMMIT", NULL, NULL, NULL);
}

static void wake_hook(void *ctx)
{
    hook_state *h = ctx;
    __atomic_add_fetch(&h->wakes, 1, __ATOMIC_SEQ_CST);
}

static store *open_store(const char *name)
{
    store *s = NULL;
    vb_err err;
    vb_err_clear(&err);
    if (store_open(&s, t_path(name), STORE_READWRITE, NOW_S, &err) != VB_OK) {
        t_report(false, name, "store_open: %s", err.msg);
        return NULL;
    }
    return s;
}

static void test_held_lock(void)
{
    store *s = open_store("held.db");
    if (!s)
        return;
    hook_state h = { 0 };
    vb_err err;
    vb_err_clear(&err);
    T_EQ_INT(store_writer_start(s, count_hook, wake_hook, &h, &err), VB_OK, "held: the writer thread starts");
    T_CHECK(sqlite3_open(t_path("held.db"), &h.holder) == SQLITE_OK &&
                sqlite3_exec(h.holder, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK,
            "held: another connection holds the write lock");
    h.release_at = 5;
    vb_code rc = store_setting_set(s, "team_name", "Lijn 4", &err);
    T_EQ_INT(rc, VB_OK, "held: the write is not refused: it waits for the lock");
    t_report(h.calls >= 5, "held: the wait hook was called while it waited", "%d calls", h.calls);
    char name[64] = "";
    store_setting_get(s, "team_name", name, sizeof name, NULL);
    T_EQ_STR(name, "Lijn 4", "held: the kiosk's own connection reads what the writer committed");

    /* an id from the connection that inserted the row */
    int64_t id = 0;
    rc = store_roster_add(s, 0, NOW_S, "Anouk Visser", "worker", "nl", NULL, &id, &err);
    T_EQ_INT(rc, VB_OK, "held: a member is added through the writer");
    store_roster_member m;
    memset(&m, 0, sizeof m);
    T_CHECK(id > 0 && store_roster_get(s, id, &m, &err) == VB_OK && strcmp(m.name, "Anouk Visser") == 0,
            "held: the id it returns is the new row's (last_insert_rowid of the writer's connection)");
    sqlite3_close(h.holder);
    store_close(s);
}

static void test_slow_sync(void)
{
    store *s = open_store("slow.db");
    if (!s)
        return;
    hook_state h = { 0 };
    vb_err err;
    vb_err_clear(&err);
    T_EQ_INT(store_writer_start(s, count_hook, wake_hook, &h, &err), VB_OK, "slow: the writer thread starts");
    long before = faultvfs_syncs_delayed();
    faultvfs_sync_delay(300);
    vb_code rc = store_setting_set(s, "team_name", "Lijn 5", &err);
    faultvfs_sync_delay(0);
    T_EQ_INT(rc, VB_OK, "slow: the commit is done");
    T_CHECK(faultvfs_syncs_delayed() > before, "slow: its syncs were slow");
    t_report(h.calls >= 2, "slow: the wait hook was called while the commit synced", "%d calls", h.calls);

    /* the privacy clean-up as a background job: it ends, and says so */
    bool finished = false, cleared = false;
    T_EQ_INT(store_privacy_flush_job(s, true, &finished, &cleared, &err), VB_OK, "job: a clean-up starts");
    T_CHECK(!finished, "job: the call does not wait for it");
    for (int i = 0; i < 2000 && !finished; i++) {
        struct timespec ts = { 0, 5 * 1000000L };
        nanosleep(&ts, NULL);
        store_privacy_flush_job(s, false, &finished, &cleared, &err);
    }
    T_CHECK(finished && cleared, "job: it ends on the writer thread, the logs cleared");
    T_CHECK(__atomic_load_n(&h.wakes, __ATOMIC_SEQ_CST) >= 1, "job: its end wakes the app");
    store_close(s);
}

/* The real app, a slow disk: the screen answers while the commit syncs. */
static void test_app_slow_sync(void)
{
    /* SDL's dummy driver: a window with an event queue */
    platform *p = NULL;
    vb_err err;
    if (!T_CHECK(t_platform_open(&p, 1024, 600, false, &err) == VB_OK, "app: a window of the dummy driver"))
        return;
    app_options opt = t_app_options(t_path("app.db"), NOW_S);
    app *a = calloc(1, sizeof *a);
    if (!a || !t_report(app_init(a, &opt, p, &err) == VB_OK, "app: starts", "%s", err.msg)) {
        free(a);
        platform_close(p);
        return;
    }
    app_draw(a);
    platform_event ev;
    while (platform_next_event(p, 0, &ev))
        ;
    /* a tap and typing that arrive while the commit syncs */
    platform_inject_press(p, 500, 300);
    platform_inject_release(p, 500, 300);
    platform_inject_text(p, "abc");
    faultvfs_sync_delay(300);
    vb_code rc = store_setting_set(a->db, "wall_rotate_s", "20", &err);
    faultvfs_sync_delay(0);
    T_EQ_INT(rc, VB_OK, "app: the write is saved");
    app_busy_stats st;
    app_busy_stats_take(a, &st);
    t_report(st.waits == 1 && st.frames >= 1, "app: frames with the indicator came while it synced",
             "%lld waits, %lld frames", (long long)st.waits, (long long)st.frames);
    T_EQ_INT((int)st.taps, 1, "app: the tap was answered during the commit");
    bool text = false, pointer = false;
    while (platform_next_event(p, 0, &ev)) {
        text |= ev.kind == PEV_TEXT && strcmp(ev.text, "abc") == 0;
        pointer |= ev.kind == PEV_PRESS || ev.kind == PEV_RELEASE;
    }
    T_CHECK(text, "app: the typed text is still queued for after the save");
    T_CHECK(!pointer, "app: the tap was taken by the waiting screen, not left for the screen below");
    t_note("a commit with 300 ms syncs: %lld looks at the input, the longest %.1f ms apart", (long long)st.looks,
           st.worst_gap_ms);
    app_shutdown(a);
    free(a);
    platform_close(p);
}

int main(void)
{
    setenv("SDL_VIDEODRIVER", "dummy", 0);
    test_held_lock();
    if (!T_CHECK(faultvfs_register() == SQLITE_OK, "the fault VFS is registered (slow syncs)"))
        return t_done();
    test_slow_sync();
    test_app_slow_sync();
    return t_done();
}

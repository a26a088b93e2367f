/* test_monkey.c: endurance. The real app, headless, against a demo
 * database, gets random events: taps (mostly on what is on screen, some
 * anywhere), drags, key presses, text input (also invalid UTF-8), badge
 * bursts, and clock jumps across minutes, idle timeouts, midnight and months.
 * Along the way the database must stay whole: integrity, one vote per person
 * counted once, every foreign key valid. Only one frame in 100 is rasterised
 * and there is no UI dump, for speed. Memory is measured as the allocator's
 * live bytes (ASan's, or glibc's mallinfo2), and at the end must be within 5% of the
 * figure after 100,000 events (half-way in a short run); the text cache and
 * SQLite's page cache are emptied before each figure, so what remains could
 * only grow by leaking. No anonymous idea may name its author anywhere.
 *
 * VB_MONKEY_EVENTS (default 20000; make soak: 1000000), VB_SEED to replay. */
#include "testdb.h"
#include "testapp.h"
#include "testlib.h"

#include <sqlite3.h>
#include <time.h>

#include "../kiosk/app/loop.h"
#include "../kiosk/core/i18n.h"
#include "../kiosk/screens/screens.h"

#if defined(__SANITIZE_ADDRESS__)
/* from the sanitizer runtime (sanitizer/allocator_interface.h, which gcc
 * does not install) */
size_t __sanitizer_get_current_allocated_bytes(void);
#define LIVE_BYTES_KIND "ASan live heap bytes"
static size_t live_bytes(void) { return __sanitizer_get_current_allocated_bytes(); }
#else
#include <malloc.h>
#define LIVE_BYTES_KIND "malloc live bytes"
static size_t live_bytes(void)
{
    struct mallinfo2 mi = mallinfo2();
    return mi.uordblks + mi.hblkhd;
}
#endif

static uint64_t rng;
static uint32_t rnd(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (uint32_t)(rng >> 11);
}

static const char *const texts[] = {
    "a", "Lamp kapot", "ë", "ł", "ż", "Geëindigd", "Heftruck", "bril", " ", "\n", "12345", "Łódź",
    "\xC3\x28", "\xED\xA0\x80", "\xF4\x90\x80\x80", "zeer lange tekst zeer lange tekst zeer lange tekst",
};
static const ui_key keys[] = { UI_KEY_RETURN, UI_KEY_BACKSPACE, UI_KEY_DELETE, UI_KEY_LEFT, UI_KEY_RIGHT,
                               UI_KEY_HOME, UI_KEY_END, UI_KEY_ESCAPE, UI_KEY_TAB, UI_KEY_F4, UI_KEY_Q,
                               UI_KEY_PAGEDOWN, UI_KEY_OTHER };
static const char *const badges[] = { "0451234", "0451777", "9999999", "0451235", "04A1B2C3" };

static int64_t fake_real_ms = 100000;

static void send(app *a, platform_event *ev)
{
    fake_real_ms += 1 + rnd() % 3;
    ev->timestamp_ms = (uint32_t)fake_real_ms;
    a->real_ms = fake_real_ms;
    app_handle_event(a, ev);
}

static void step(app *a, bool render)
{
    a->real_ms = fake_real_ms;
    app_tick(a);
    if (a->dirty)
        app_update(a, render);
    if (a->quit) /* e.g. a lead's "stop for maintenance": carry on testing */
        a->quit = false;
}

static void random_event(app *a)
{
    platform_event ev;
    memset(&ev, 0, sizeof ev);
    uint32_t what = rnd() % 100;
    int w = a->ui->width, h = a->ui->height;
    if (what < 45) { /* tap: mostly on something on screen */
        int x = (int)(rnd() % (uint32_t)w), y = (int)(rnd() % (uint32_t)h);
        if (rnd() % 10 < 8 && a->ui->element_count > 0) {
            const ui_element *e = &a->ui->elements[rnd() % (uint32_t)a->ui->element_count];
            x = e->rect.x + e->rect.w / 2;
            y = e->rect.y + e->rect.h / 2;
        }
        ev.kind = PEV_PRESS;
        ev.x = x;
        ev.y = y;
        send(a, &ev);
        step(a, false);
        ev.kind = PEV_RELEASE;
        send(a, &ev);
    } else if (what < 52) { /* drag */
        int x = (int)(rnd() % (uint32_t)w), y = (int)(rnd() % (uint32_t)h);
        ev.kind = PEV_PRESS;
        ev.x = x;
        ev.y = y;
        send(a, &ev);
        int dy = (int)(rnd() % 600) - 300;
        for (int i = 1; i <= 4; i++) {
            ev.kind = PEV_MOTION;
            ev.y = y + dy * i / 4;
            send(a, &ev);
            step(a, false);
        }
        ev.kind = PEV_RELEASE;
        send(a, &ev);
    } else if (what < 67) { /* text */
        ev.kind = PEV_TEXT;
        snprintf(ev.text, sizeof ev.text, "%s", texts[rnd() % (sizeof texts / sizeof texts[0])]);
        send(a, &ev);
    } else if (what < 80) { /* keys */
        ev.kind = PEV_KEY;
        ev.key = keys[rnd() % (sizeof keys / sizeof keys[0])];
        ev.mods = (int)(rnd() % 8);
        send(a, &ev);
    } else if (what < 86) { /* a badge burst */
        const char *b = badges[rnd() % (sizeof badges / sizeof badges[0])];
        for (const char *c = b; *c; c++) {
            ev.kind = PEV_KEY;
            ev.key = UI_KEY_OTHER;
            ev.mods = 0;
            send(a, &ev);
            ev.kind = PEV_TEXT;
            ev.text[0] = *c;
            ev.text[1] = '\0';
            send(a, &ev);
        }
        ev.kind = PEV_KEY;
        ev.key = UI_KEY_RETURN;
        send(a, &ev);
    } else { /* time passes */
        static const int64_t jumps[] = { 1000, 5000, 30000, 91000, 120000, 3600000, 86400000, 31LL * 86400000 };
        vb_clock_advance(&a->clock, jumps[rnd() % (sizeof jumps / sizeof jumps[0])]);
        fake_real_ms += 100; /* held badge keys flush as typing */
        a->dirty = true;
    }
    step(a, false);
}

static const char *check_db(const char *path)
{
    static char why[300];
    static const char *const queries[] = {
        "SELECT CASE WHEN (SELECT quick_check FROM pragma_quick_check) = 'ok' THEN 0 ELSE 1 END",
        "SELECT count(*) FROM idea i WHERE vote_count <> (SELECT count(*) FROM vote v WHERE v.idea_id = i.id)",
        "SELECT count(*) FROM (SELECT idea_id, member_id FROM vote GROUP BY 1, 2 HAVING count(*) > 1)",
        "SELECT count(*) FROM pragma_foreign_key_check",
        "SELECT count(*) FROM learning_point WHERE member_id IS NOT NULL AND member_id NOT IN (SELECT id FROM member)",
        /* nothing names the author of an anonymous idea, not even its first history row */
        "SELECT count(*) FROM idea i JOIN idea_history h ON h.idea_id = i.id AND h.from_status IS NULL"
        " WHERE i.member_id IS NULL AND h.member_id IS NOT NULL",
    };
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK || !t_db_views(db, path)) {
        sqlite3_close(db);
        return "cannot open the database";
    }
    const char *result = NULL;
    for (size_t i = 0; i < sizeof queries / sizeof queries[0] && !result; i++) {
        /* a query that cannot run checks nothing: that is a failure too */
        sqlite3_stmt *st = NULL;
        int rc = sqlite3_prepare_v2(db, queries[i], -1, &st, NULL);
        if (rc == SQLITE_OK)
            rc = sqlite3_step(st);
        if (rc != SQLITE_ROW) {
            snprintf(why, sizeof why, "check query failed (%s): %s", sqlite3_errmsg(db), queries[i]);
            result = why;
        } else if (sqlite3_column_int(st, 0) != 0) {
            snprintf(why, sizeof why, "invariant broken: %s", queries[i]);
            result = why;
        }
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return result;
}

int main(void)
{
    const char *n_env = getenv("VB_MONKEY_EVENTS");
    const char *seed_env = getenv("VB_SEED");
    long events = n_env ? atol(n_env) : 20000;
    uint64_t seed = seed_env ? strtoull(seed_env, NULL, 10) : (uint64_t)time(NULL);
    rng = seed * 2654435761u + 1;
    setenv("TZ", "UTC0", 1);
    setenv("VERBETERBORD_PWHASH_CHEAP", "1", 1);
    i18n_init("build/locale");

    platform *plat;
    vb_err err;
    if (!t_report(t_platform_open(&plat, 1024, 600, true, &err) == VB_OK, "monkey: offscreen platform", "%s",
                  err.msg))
        return t_done();
    app_options opt = t_app_options(t_path("monkey.db"), 1795676100); /* 2026-11-26 06:55 */
    app a;
    if (!t_report(app_init(&a, &opt, plat, &err) == VB_OK, "monkey: app starts", "%s", err.msg)) {
        platform_close(plat);
        return t_done();
    }
    app_update(&a, true);

    /* The first figure is taken once everything has been visited: after
     * 100,000 of a million events (make soak), half-way in a short run. */
    long measure_at = events >= 200000 ? events / 10 : events / 2;
    size_t mem_half = 0, mem_end = 0;
    const char *broken = NULL;
    long at = 0;
    for (long i = 1; i <= events && !broken; i++) {
        random_event(&a);
        if (i % 100 == 0)
            app_update(&a, true);
        if (i % 2000 == 0 || i == events) {
            broken = check_db(opt.db_path);
            at = i;
        }
        if (i == measure_at) {
            /* the text cache is bounded by count, but what it holds varies:
             * measure without it, so what remains is what could leak */
            platform_text_cache_flush(plat);
            store_release_memory(a.db);
            mem_half = live_bytes();
        }
    }
    int entries, capacity;
    platform_text_cache_stats(plat, &entries, &capacity);
    platform_text_cache_flush(plat);
    store_release_memory(a.db);
    mem_end = live_bytes();
    t_report(!broken, "monkey: the database stays whole under random use", "SEED=%llu after %ld events: %s",
             (unsigned long long)seed, at, broken ? broken : "");
    t_report(entries <= capacity, "monkey: the text cache stays bounded", "%d of %d", entries, capacity);
    double growth = mem_half ? ((double)mem_end - (double)mem_half) / (double)mem_half : 0;
    t_note("%ld events, SEED=%llu, %s after %ld events %zu, at end %zu (%+.1f%%), text cache %d/%d, frames %lld",
           events, (unsigned long long)seed, LIVE_BYTES_KIND, measure_at, mem_half, mem_end, growth * 100, entries, capacity,
           (long long)a.frames_drawn);
    t_report(growth <= 0.05, "monkey: memory at the end is within 5% of the figure measured earlier in the run",
             "SEED=%llu: %+.1f%% (%zu -> %zu %s)", (unsigned long long)seed, growth * 100, mem_half, mem_end,
             LIVE_BYTES_KIND);
    FILE *smaps = fopen("/proc/self/smaps_rollup", "r");
    char line[256];
    while (smaps && fgets(line, sizeof line, smaps))
        if (strncmp(line, "Pss:", 4) == 0)
            t_note("proportional memory after the run: %s", line + 4);
    if (smaps)
        fclose(smaps);
    app_shutdown(&a);
    platform_close(plat);
    return t_done();
}

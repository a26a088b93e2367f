/* test_screens.c: rules every screen keeps, checked on each screen of
 * screen_all with the demo data, at the smallest and a common resolution:
 * every target at least 15 x 15 mm on the real panel, a visible way back
 * home (except home itself and the database failure screen), every element
 * visible in the window, ids of targets unique, and no frame over the UI limits.
 * A demo team lead is signed in, so the lead's screens show too; the wall
 * (read-only, nobody touches it) needs no way home. New screens are covered
 * as soon as they are listed in screen_all. */
#include <sqlite3.h>
#include <time.h>

#include "../kiosk/app/loop.h"
#include "../kiosk/screens/screens.h"
#include "testapp.h"
#include "testlib.h"

#define START_S 1795676100 /* 2026-11-26 06:55 UTC */

static bool is_target(ui_el_kind k)
{
    return k == UI_EL_BUTTON || k == UI_EL_CHIP || k == UI_EL_TOGGLE || k == UI_EL_KEY;
}

static void check_screen(app *a, const screen_def *s, int w, int h)
{
    char name[240], why[300] = "";
    app_go(a, s->name);
    app_draw(a);
    if (!a->screen || strcmp(a->screen->name, s->name) != 0) {
        snprintf(name, sizeof name, "%s %dx%d: can be shown", s->name, w, h);
        t_report(false, name, "the app went to %s instead", a->screen ? a->screen->name : "no screen");
        return;
    }
    double px_per_mm = w / 344.0, min15 = 15.0 * px_per_mm - 0.5;
    bool sizes_ok = true, inside = true, unique = true;
    int targets = 0;
    for (int i = 0; i < a->ui->element_count; i++) {
        const ui_element *e = &a->ui->elements[i];
        /* a scrolled list may cut its first or last row: an element must be
         * at least partly visible, and a target's centre (where a script
         * taps) inside the window */
        int cx = e->rect.x + e->rect.w / 2, cy = e->rect.y + e->rect.h / 2;
        bool visible = e->rect.x < w && e->rect.y < h && e->rect.x + e->rect.w > 0 && e->rect.y + e->rect.h > 0;
        if (!visible || (is_target(e->kind) && (cx < 0 || cy < 0 || cx >= w || cy >= h))) {
            if (inside)
                snprintf(why, sizeof why, "%s at [%d,%d,%d,%d]", e->id, e->rect.x, e->rect.y, e->rect.w, e->rect.h);
            inside = false;
        }
        if (!is_target(e->kind))
            continue;
        targets++;
        for (int j = 0; j < i; j++)
            if (is_target(a->ui->elements[j].kind) && strcmp(a->ui->elements[j].id, e->id) == 0)
                unique = false;
    }
    snprintf(name, sizeof name, "%s %dx%d: every element is visible, every target tappable", s->name, w, h);
    t_report(inside, name, "%s", why);

    why[0] = '\0';
    for (int i = 0; i < a->ui->element_count; i++) {
        const ui_element *e = &a->ui->elements[i];
        /* a list may scroll a target partly out of view at its edges: judge
         * only targets that are fully in the window */
        if (!is_target(e->kind) || e->rect.y < 0 || e->rect.y + e->rect.h > h)
            continue;
        if (e->rect.w < min15 || e->rect.h < min15) {
            if (sizes_ok)
                snprintf(why, sizeof why, "%s '%s' is %.1f x %.1f mm", e->id, e->label, e->rect.w / px_per_mm,
                         e->rect.h / px_per_mm);
            sizes_ok = false;
        }
    }
    snprintf(name, sizeof name, "%s %dx%d: every target is at least 15 x 15 mm", s->name, w, h);
    t_report(sizes_ok, name, "%s", why);
    snprintf(name, sizeof name, "%s %dx%d: target ids are unique", s->name, w, h);
    T_CHECK(unique, name);
    snprintf(name, sizeof name, "%s %dx%d: the frame fits the UI limits", s->name, w, h);
    T_CHECK(!a->ui->overflow, name);
    if (s != &screen_home && s != &screen_dbfail && strncmp(s->name, "wall", 4) != 0) {
        bool home = false;
        for (int i = 0; i < a->ui->element_count; i++)
            if (strcmp(a->ui->elements[i].id, "bar.home") == 0 && is_target(a->ui->elements[i].kind))
                home = true;
        snprintf(name, sizeof name, "%s %dx%d: a visible way back home", s->name, w, h);
        T_CHECK(home, name);
    }
    (void)targets;
}

/* Signs in the first active team lead of the demo data, as the PIN would. */
static void sign_in_lead(app *a, const char *db_path)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    if (sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(db, "SELECT id, name FROM member WHERE role = 'lead' AND active = 1 ORDER BY id LIMIT 1",
                           -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
        a->lead_id = sqlite3_column_int64(st, 0);
        snprintf(a->lead_name, sizeof a->lead_name, "%s", (const char *)sqlite3_column_text(st, 1));
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    t_report(a->lead_id != 0, "screens: a demo team lead is signed in", "no lead in the demo data");
}

static void check_size(int w, int h, const char *db_path)
{
    platform *p;
    vb_err err;
    if (t_platform_open(&p, w, h, true, &err) != VB_OK) {
        t_report(false, "platform_open offscreen", "%s", err.msg);
        return;
    }
    app *a = calloc(1, sizeof *a);
    app_options opt = t_app_options(db_path, START_S);
    if (a && app_init(a, &opt, p, &err) == VB_OK) {
        if (t_report(a->db != NULL, "screens: the demo database opens", "%s", a->db_err.msg)) {
            sign_in_lead(a, db_path);
            for (int i = 0; screen_all[i]; i++)
                if (screen_all[i] != &screen_dbfail)
                    check_screen(a, screen_all[i], w, h);
        }
        app_shutdown(a);
    } else {
        t_report(false, "screens: app_init", "%s", err.msg);
    }
    /* the failure screen, with a database folder that does not exist */
    opt.db_path = t_path("missing-folder/verbeterbord.db");
    if (a && app_init(a, &opt, p, &err) == VB_OK) {
        check_screen(a, &screen_dbfail, w, h);
        app_shutdown(a);
    }
    free(a);
    platform_close(p);
}

int main(void)
{
    setenv("TZ", "UTC0", 1);
    tzset();
    const char *db = t_path("screens.db");
    check_size(1024, 600, db);
    check_size(1920, 1080, db);
    return t_done();
}

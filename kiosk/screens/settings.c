/* settings.c: the team settings a lead edits (lead mode only): team name,
 * kiosk language and idle timeout; lines and stations; category names;
 * shifts; working days and holidays; daily-start time and length. Chips and
 * presets first, the editor only for names. Every change is saved at once
 * through store_settings.h (audited there) and shown as "Saved" only after
 * the commit; then the app reloads its settings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/category.h"
#include "../core/date.h"
#include "../core/i18n.h"
#include "../core/textedit.h"
#include "../core/utf8.h"
#include "../store/store_settings.h"
#include "../ui/list.h"
#include "../ui/widgets.h"
#include "lead_ui.h"
#include "screens.h"

enum section { SEC_TEAM, SEC_PLACES, SEC_CATEGORIES, SEC_SHIFTS, SEC_DAYS, SEC_DAGSTART, SEC_COUNT };

enum edit_target {
    ED_NONE,
    ED_TEAM_NAME,
    ED_PLACE_ADD,
    ED_PLACE_RENAME,
    ED_CATEGORY,
    ED_SHIFT_NAME,
    ED_HOLIDAY_NAME,
    ED_DAGSTART_TIME
};

#define MAX_PLACES 200
#define MAX_SHIFTS 12
#define MAX_HOLIDAYS 100

static struct {
    int section;
    enum edit_target editing;
    int64_t edit_id;
    text_edit te;
    ui_scroll scroll;
    /* the shift being added or changed (id 0 = new) */
    bool shift_open;
    int64_t shift_id;
    char shift_name[164];
    int shift_starts, shift_ends; /* minutes after midnight */
    /* the holiday being added */
    vb_day holiday_day;
    bool holiday_day_set;
    char holiday_name[244];
    /* the place waiting for "really deactivate?" (0 = none) */
    int64_t confirm_place;
} st;

static const struct {
    const char *id, *label;
} sections[SEC_COUNT] = {
    { "settings.section.team", N_("Team") },
    { "settings.section.places", N_("Lines and stations") },
    { "settings.section.categories", N_("Categories") },
    { "settings.section.shifts", N_("Shifts") },
    { "settings.section.days", N_("Working days and holidays") },
    { "settings.section.dagstart", N_("Daily start") },
};

static void settings_enter(app *a)
{
    (void)a;
    st.editing = ED_NONE;
    st.shift_open = false;
    st.confirm_place = 0;
    st.scroll = (ui_scroll){ 0 };
    st.holiday_day_set = false;
    st.holiday_name[0] = '\0';
}

/* ---- small helpers ------------------------------------------------------- */

static int hhmm_minutes(const char *t)
{
    int minutes = vb_hhmm_minutes(t);
    return minutes < 0 ? 0 : minutes;
}

static void minutes_hhmm(int minutes, char out[6])
{
    minutes = ((minutes % 1440) + 1440) % 1440;
    snprintf(out, 6, "%02d:%02d", minutes / 60, minutes % 60);
}

static void setting_text(app *a, const char *key, const char *fallback, char *out, size_t size)
{
    if (store_setting_get(a->db, key, out, size, NULL) != VB_OK)
        utf8_copy(fallback, out, size);
}

/* Saves one key/value setting and tells the outcome. */
static void save_setting(app *a, const char *key, const char *value)
{
    vb_err err;
    vb_err_clear(&err);
    vb_code rc = store_settings_set(a->db, a->lead_id, app_entry_time(a), key, value, &err);
    if (lead_ui_result(a, rc, &err, NULL, NULL))
        app_reload_settings(a);
}

static void open_edit(app *a, enum edit_target target, int64_t id, const char *initial, size_t max_chars,
                      const char *field_id, const char *label)
{
    text_edit_init(&st.te, max_chars, false);
    text_edit_set(&st.te, initial ? initial : "");
    st.editing = target;
    st.edit_id = id;
    app_edit_open(a, &st.te, field_id, label, NULL, NULL);
}

static void day_text(vb_day d, char *out, size_t size)
{
    static const char *const weekdays[] = { N_("Sunday"), N_("Monday"), N_("Tuesday"), N_("Wednesday"),
                                            N_("Thursday"), N_("Friday"), N_("Saturday") };
    static const char *const months[] = { N_("January"), N_("February"), N_("March"), N_("April"),
                                          N_("May"), N_("June"), N_("July"), N_("August"),
                                          N_("September"), N_("October"), N_("November"), N_("December") };
    vb_fmt(out, size, "%s %d %s %d", _(weekdays[d.wday % 7]), d.mday, _(months[(d.month + 11) % 12]), d.year);
}

/* ---- the editor closed: apply what was typed ---------------------------- */

static void apply_edit(app *a)
{
    if (st.editing == ED_NONE || app_editing(a))
        return;
    enum edit_target target = st.editing;
    st.editing = ED_NONE;
    char text[TEXTEDIT_MAX_BYTES];
    text_edit_trimmed(&st.te, text, sizeof text);
    vb_err err;
    vb_err_clear(&err);
    int64_t at = app_entry_time(a);
    vb_code rc;
    switch (target) {
    case ED_NONE:
        break;
    case ED_TEAM_NAME:
        if (!text[0]) {
            app_notice(a, NOTICE_ERROR, _("Not saved: the team name cannot be empty."), 8);
            break;
        }
        save_setting(a, "team_name", text);
        break;
    case ED_PLACE_ADD:
        if (!text[0])
            break; /* nothing typed: nothing to add */
        rc = store_settings_place_add(a->db, a->lead_id, at, text, NULL, &err);
        lead_ui_result(a, rc, &err, NULL, _("there is already a line or station with this name."));
        break;
    case ED_PLACE_RENAME:
        if (!text[0]) {
            app_notice(a, NOTICE_ERROR, _("Not saved: the name cannot be empty."), 8);
            break;
        }
        rc = store_settings_place_rename(a->db, a->lead_id, at, st.edit_id, text, &err);
        lead_ui_result(a, rc, &err, NULL, _("there is already a line or station with this name."));
        break;
    case ED_CATEGORY:
        rc = store_settings_category_rename(a->db, a->lead_id, at, st.edit_id, text, &err);
        lead_ui_result(a, rc, &err, text[0] ? NULL : _("Saved: the category has its default name again."),
                       NULL);
        break;
    case ED_SHIFT_NAME:
        lead_ui_copy(st.shift_name, sizeof st.shift_name, text);
        break;
    case ED_HOLIDAY_NAME:
        lead_ui_copy(st.holiday_name, sizeof st.holiday_name, text);
        break;
    case ED_DAGSTART_TIME: {
        char t[8] = "";
        int h = -1, mi = -1;
        char extra;
        /* accepts 7:15, 07:15 and 0715 */
        if (sscanf(text, "%d:%d%c", &h, &mi, &extra) != 2) {
            h = mi = -1;
            if (strlen(text) == 4 && sscanf(text, "%2d%2d%c", &h, &mi, &extra) != 2)
                h = mi = -1;
        }
        if (h < 0 || h > 23 || mi < 0 || mi > 59) {
            app_notice(a, NOTICE_ERROR, _("Not saved: type a time as HH:MM, for example 07:15."), 8);
            break;
        }
        snprintf(t, sizeof t, "%02d:%02d", h, mi);
        save_setting(a, "dagstart_time", t);
        break;
    }
    }
}

/* ---- layout helpers -------------------------------------------------------- */

/* A caption above a row of controls; returns the row. */
static ui_rect caption_row(ui_ctx *ui, ui_rect *body, const char *id, const char *caption, int row_h)
{
    theme_metrics m = theme_metrics_for(ui);
    ui_rect cap = ui_cut_top(body, m.text_body * 3 / 2);
    ui_label(ui, id, cap, caption, m.text_body, true, THEME_TEXT, UI_ALIGN_LEFT);
    ui_rect row = ui_cut_top(body, row_h);
    ui_cut_top(body, m.gap * 2);
    return row;
}

/* A scrolling list area with page buttons on the right: returns the rows
 * area; the caller draws rows at y - st.scroll.offset and calls list_end. */
static ui_rect list_begin(ui_ctx *ui, ui_rect area, const char *id, int content_h)
{
    theme_metrics m = theme_metrics_for(ui);
    st.scroll.content_h = content_h;
    ui_rect pages = ui_cut_right(&area, m.target);
    ui_cut_right(&area, m.gap);
    ui_scroll_page_buttons(ui, id, pages, &st.scroll, area.h);
    ui_scroll_begin(ui, id, area, &st.scroll);
    return area;
}

/* ---- sections -------------------------------------------------------------- */

static void draw_team(app *a, ui_ctx *ui, ui_rect body)
{
    theme_metrics m = theme_metrics_for(ui);
    ui_rect row = caption_row(ui, &body, "settings.team_name.caption", _("Team name (shown on the start screen)"),
                              m.main_target);
    if (ui_button(ui, "settings.team_name", row, ui_format(ui, "\xE2\x9C\x8E %s", a->team_name), STYLE_SECONDARY,
                  false))
        open_edit(a, ED_TEAM_NAME, 0, a->team_name, 40, "settings.edit.team_name", _("Team name"));

    row = caption_row(ui, &body, "settings.language.caption", _("Language of the kiosk (after idle reset)"),
                      m.target);
    for (int i = 0; i < 3 && i18n_languages[i]; i++) {
        const char *code = i18n_languages[i];
        if (ui_chip(ui, ui_format(ui, "settings.language.%s", code), ui_grid_cell(row, 3, 1, m.gap, i), NULL,
                    i18n_language_name(code), strcmp(a->default_language, code) == 0))
            save_setting(a, "language", code);
    }

    row = caption_row(ui, &body, "settings.idle.caption", _("Back to the start screen after no use for"),
                      m.target);
    static const int idle_presets[] = { 60, 90, 120, 300 };
    bool preset = false;
    for (int i = 0; i < 4; i++) {
        int v = idle_presets[i];
        const char *label = v < 120 ? ui_format(ui, i18n_plural("%d second", "%d seconds", (unsigned long)v), v)
                                    : ui_format(ui, i18n_plural("%d minute", "%d minutes", (unsigned long)(v / 60)),
                                                v / 60);
        bool sel = a->idle_timeout_s == v;
        preset |= sel;
        if (ui_chip(ui, ui_format(ui, "settings.idle.%d", v), ui_grid_cell(row, 4, 1, m.gap, i), NULL, label, sel))
            save_setting(a, "idle_timeout_s", ui_format(ui, "%d", v));
    }
    if (!preset)
        ui_label(ui, "settings.idle.now", ui_cut_top(&body, m.text_body * 3 / 2),
                 ui_format(ui, i18n_plural("Now: %d second", "Now: %d seconds", (unsigned long)a->idle_timeout_s),
                           a->idle_timeout_s),
                 m.text_body, false, THEME_TEXT,
                 UI_ALIGN_LEFT);

    /* the wall pages: shown by the idle kiosk between meetings, and how long
     * each page stays (also for --wall and the second screen) */
    row = caption_row(ui, &body, "settings.wall.caption",
                      _("Wall pages: show them when the kiosk is idle, and seconds per page"), m.target);
    if (ui_chip(ui, "settings.wall_idle.off", ui_grid_cell(row, 5, 1, m.gap, 0), NULL, _("Not when idle"),
                !a->wall_idle))
        save_setting(a, "wall_idle", "0");
    if (ui_chip(ui, "settings.wall_idle.on", ui_grid_cell(row, 5, 1, m.gap, 1), NULL, _("When idle"), a->wall_idle))
        save_setting(a, "wall_idle", "1");
    static const int rotate_presets[] = { 10, 15, 30 };
    int rotate = a->wall_rotate_s;
    for (int i = 0; i < 3; i++) {
        int v = rotate_presets[i];
        if (ui_chip(ui, ui_format(ui, "settings.wall_rotate.%d", v), ui_grid_cell(row, 5, 1, m.gap, 2 + i), NULL,
                    ui_format(ui, "%d s", v), rotate == v))
            save_setting(a, "wall_rotate_s", ui_format(ui, "%d", v));
    }
}

/* Row i of a settings list: the name, then a button (a third of the rest)
 * and another (a quarter of the row) at the right. False while the row is
 * scrolled out of view. */
static bool list_row(const theme_metrics *m, ui_rect area, int i, int row_h, ui_rect *name, ui_rect *mid,
                     ui_rect *right)
{
    ui_rect r = { area.x, area.y + i * row_h - st.scroll.offset, area.w, m->target };
    if (!lead_ui_row_shown(r, area))
        return false;
    *right = ui_cut_right(&r, r.w / 4);
    ui_cut_right(&r, m->gap);
    *mid = ui_cut_right(&r, r.w / 3);
    ui_cut_right(&r, m->gap);
    *name = r;
    return true;
}

static void draw_places(app *a, ui_ctx *ui, ui_rect body)
{
    theme_metrics m = theme_metrics_for(ui);
    static store_place places[MAX_PLACES];
    int n = 0;
    vb_err err;
    if (store_settings_places(a->db, true, places, MAX_PLACES, &n, &err) != VB_OK)
        n = 0;

    ui_rect top = ui_cut_top(&body, m.target);
    ui_cut_top(&body, m.gap);
    if (ui_button(ui, "settings.place.add", ui_cut_left(&top, top.w / 2), _("+ Add a line or station"),
                  STYLE_PRIMARY, false))
        open_edit(a, ED_PLACE_ADD, 0, "", STORE_PLACE_NAME_MAX, "settings.edit.place", _("New line or station"));
    ui_cut_left(&top, m.gap);
    ui_paragraph(ui, "settings.place.hint", top,
                 _("Deactivated ones are no longer offered; old entries keep them."), m.text_small, false,
                 THEME_TEXT_MUTED, UI_ALIGN_LEFT);

    int row_h = m.target + m.gap;
    ui_rect area = list_begin(ui, body, "settings.places", n * row_h);
    int first, last;
    ui_scroll_visible_rows(&st.scroll, row_h, area.h, n, &first, &last);
    for (int i = first; i <= last; i++) {
        store_place *p = &places[i];
        ui_rect r, ren, act;
        if (!list_row(&m, area, i, row_h, &r, &ren, &act))
            continue;
        const char *name = p->active ? p->name : ui_format(ui, _("%s (deactivated)"), p->name);
        ui_label(ui, ui_format(ui, "settings.place.%lld.name", (long long)p->id), r, name, m.text_body, p->active,
                 p->active ? THEME_TEXT : THEME_TEXT_MUTED, UI_ALIGN_LEFT);
        if (ui_button(ui, ui_format(ui, "settings.place.%lld.rename", (long long)p->id), ren, _("Rename"),
                      STYLE_SECONDARY, false))
            open_edit(a, ED_PLACE_RENAME, p->id, p->name, STORE_PLACE_NAME_MAX, "settings.edit.place",
                      _("Name of the line or station"));
        vb_err e2;
        vb_err_clear(&e2);
        if (p->active && st.confirm_place == p->id) {
            if (ui_button(ui, ui_format(ui, "settings.place.%lld.confirm", (long long)p->id), act,
                          _("Really deactivate?"), STYLE_DANGER, false)) {
                st.confirm_place = 0;
                vb_code rc = store_settings_place_set_active(a->db, a->lead_id, app_entry_time(a), p->id, false,
                                                             &e2);
                lead_ui_result(a, rc, &e2, _("Deactivated."), NULL);
            }
        } else if (p->active) {
            if (ui_button(ui, ui_format(ui, "settings.place.%lld.deactivate", (long long)p->id), act,
                          _("Deactivate"), STYLE_SECONDARY, false))
                st.confirm_place = p->id;
        } else if (ui_button(ui, ui_format(ui, "settings.place.%lld.activate", (long long)p->id), act,
                             _("Use again"), STYLE_SECONDARY, false)) {
            vb_code rc = store_settings_place_set_active(a->db, a->lead_id, app_entry_time(a), p->id, true, &e2);
            lead_ui_result(a, rc, &e2, NULL, NULL);
        }
    }
    ui_scroll_end(ui, &st.scroll);
    if (n == 0)
        ui_paragraph(ui, "settings.places.empty", area, _("No lines or stations yet. Add the first one."),
                     m.text_body, false, THEME_TEXT, UI_ALIGN_LEFT);
}

static void draw_categories(app *a, ui_ctx *ui, ui_rect body)
{
    theme_metrics m = theme_metrics_for(ui);
    store_category cats[16];
    int n = 0;
    vb_err err;
    if (store_settings_categories(a->db, cats, 16, &n, &err) != VB_OK)
        n = 0;
    ui_label(ui, "settings.category.hint", ui_cut_top(&body, m.text_body * 3 / 2),
             _("The seven categories stay; you can give them your team's own names."), m.text_small, false,
             THEME_TEXT_MUTED, UI_ALIGN_LEFT);
    ui_cut_top(&body, m.gap);
    int row_h = m.target + m.gap;
    ui_rect area = list_begin(ui, body, "settings.categories", n * row_h);
    int first, last;
    ui_scroll_visible_rows(&st.scroll, row_h, area.h, n, &first, &last);
    for (int i = first; i <= last; i++) {
        store_category *c = &cats[i];
        const char *msgid = category_default_name(c->code);
        const char *def = msgid ? _(msgid) : c->code;
        ui_rect r, ren, reset;
        if (!list_row(&m, area, i, row_h, &r, &ren, &reset))
            continue;
        ui_rect glyph = ui_cut_left(&r, m.target);
        ui_label(ui, NULL, glyph, category_icon(c->code), m.text_large, false, THEME_TEXT, UI_ALIGN_CENTER);
        const char *name = c->label[0] ? ui_format(ui, "%s (%s)", c->label, def) : def;
        ui_label(ui, ui_format(ui, "settings.category.%s.name", c->code), r, name, m.text_body, true, THEME_TEXT,
                 UI_ALIGN_LEFT);
        if (ui_button(ui, ui_format(ui, "settings.category.%s.rename", c->code), ren, _("Rename"), STYLE_SECONDARY,
                      false))
            open_edit(a, ED_CATEGORY, c->id, c->label[0] ? c->label : def, STORE_CATEGORY_LABEL_MAX,
                      "settings.edit.category", ui_format(ui, _("Name for the category \"%s\""), def));
        if (c->label[0] && ui_button(ui, ui_format(ui, "settings.category.%s.default", c->code), reset,
                                     _("Default name"), STYLE_SECONDARY, false)) {
            vb_err e2;
            vb_err_clear(&e2);
            vb_code rc = store_settings_category_rename(a->db, a->lead_id, app_entry_time(a), c->id, NULL, &e2);
            lead_ui_result(a, rc, &e2, NULL, NULL);
        }
    }
    ui_scroll_end(ui, &st.scroll);
}

/* A time with steps of an hour and of 15 minutes back and forward. */
static void time_stepper(ui_ctx *ui, ui_rect r, const char *id, const char *caption, int *minutes)
{
    theme_metrics m = theme_metrics_for(ui);
    ui_rect cap = ui_cut_left(&r, r.w / 4);
    ui_label(ui, NULL, cap, caption, m.text_body, true, THEME_TEXT, UI_ALIGN_LEFT);
    static const struct {
        const char *suffix, *label;
        int delta;
    } steps[] = {
        { "hour_back", "\xE2\x88\x92 1:00", -60 },
        { "earlier", "\xE2\x88\x92 0:15", -15 },
        { "later", "+ 0:15", 15 },
        { "hour_fwd", "+ 1:00", 60 },
    };
    int bw = (r.w - m.gap * 4) / 6;
    ui_rect left = ui_cut_left(&r, bw * 2 + m.gap);
    ui_rect right = ui_cut_right(&r, bw * 2 + m.gap);
    for (int i = 0; i < 4; i++) {
        ui_rect cell = ui_grid_cell(i < 2 ? left : right, 2, 1, m.gap, i % 2);
        if (ui_button(ui, ui_format(ui, "%s.%s", id, steps[i].suffix), cell, steps[i].label, STYLE_SECONDARY, false))
            *minutes = ((*minutes + steps[i].delta) % 1440 + 1440) % 1440;
    }
    char t[6];
    minutes_hhmm(*minutes, t);
    ui_label(ui, ui_format(ui, "%s.value", id), r, ui_strdup(ui, t), m.text_large, true, THEME_TEXT,
             UI_ALIGN_CENTER);
}

static void draw_shift_form(app *a, ui_ctx *ui, ui_rect body)
{
    theme_metrics m = theme_metrics_for(ui);
    lead_ui_card(ui, body);
    body = ui_inset(body, m.pad);
    ui_label(ui, "settings.shift.form.title", ui_cut_top(&body, m.text_large * 3 / 2),
             st.shift_id ? _("Change the shift") : _("New shift"), m.text_large, true, THEME_TEXT, UI_ALIGN_LEFT);
    ui_rect row = ui_cut_top(&body, m.target);
    ui_cut_top(&body, m.gap);
    ui_label(ui, NULL, ui_cut_left(&row, row.w / 3), _("Name"), m.text_body, true, THEME_TEXT, UI_ALIGN_LEFT);
    if (ui_button(ui, "settings.shift.form.name", row,
                  st.shift_name[0] ? ui_format(ui, "\xE2\x9C\x8E %s", st.shift_name) : ui_format(ui, "\xE2\x9C\x8E %s", _("Tap to name it")),
                  STYLE_SECONDARY, false))
        open_edit(a, ED_SHIFT_NAME, 0, st.shift_name, STORE_SHIFT_NAME_MAX, "settings.edit.shift",
                  _("Name of the shift"));
    time_stepper(ui, ui_cut_top(&body, m.target), "settings.shift.form.starts", _("Starts"), &st.shift_starts);
    ui_cut_top(&body, m.gap);
    time_stepper(ui, ui_cut_top(&body, m.target), "settings.shift.form.ends", _("Ends"), &st.shift_ends);
    ui_cut_top(&body, m.gap);
    ui_rect buttons = ui_cut_bottom(&body, m.target);
    if (ui_button(ui, "settings.shift.form.cancel", ui_grid_cell(buttons, 2, 1, m.gap, 0), _("Cancel"),
                  STYLE_SECONDARY, false))
        st.shift_open = false;
    if (ui_button(ui, "settings.shift.form.save", ui_grid_cell(buttons, 2, 1, m.gap, 1), _("Save"), STYLE_PRIMARY,
                  false)) {
        if (!st.shift_name[0]) {
            app_notice(a, NOTICE_ERROR, _("Not saved: give the shift a name first."), 8);
            return;
        }
        char s1[6], s2[6];
        minutes_hhmm(st.shift_starts, s1);
        minutes_hhmm(st.shift_ends, s2);
        vb_err err;
        vb_err_clear(&err);
        vb_code rc = st.shift_id ? store_settings_shift_update(a->db, a->lead_id, app_entry_time(a), st.shift_id,
                                                               st.shift_name, s1, s2, &err)
                                 : store_settings_shift_add(a->db, a->lead_id, app_entry_time(a), st.shift_name, s1,
                                                            s2, NULL, &err);
        if (lead_ui_result(a, rc, &err, NULL, _("there is already a shift with this name.")))
            st.shift_open = false;
    }
}

static void draw_shifts(app *a, ui_ctx *ui, ui_rect body)
{
    theme_metrics m = theme_metrics_for(ui);
    if (st.shift_open) {
        draw_shift_form(a, ui, body);
        return;
    }
    store_shift shifts[MAX_SHIFTS];
    int n = 0;
    vb_err err;
    if (store_settings_shifts(a->db, shifts, MAX_SHIFTS, &n, &err) != VB_OK)
        n = 0;
    ui_rect top = ui_cut_top(&body, m.target);
    ui_cut_top(&body, m.gap);
    if (ui_button(ui, "settings.shift.add", ui_cut_left(&top, top.w / 2), _("+ Add a shift"), STYLE_PRIMARY,
                  false)) {
        st.shift_open = true;
        st.shift_id = 0;
        st.shift_name[0] = '\0';
        st.shift_starts = 6 * 60;
        st.shift_ends = 14 * 60;
    }
    ui_cut_left(&top, m.gap);
    ui_paragraph(ui, "settings.shift.hint", top, _("A learning point keeps only its day and shift."),
                 m.text_small, false, THEME_TEXT_MUTED, UI_ALIGN_LEFT);
    int row_h = m.target + m.gap;
    ui_rect area = list_begin(ui, body, "settings.shifts", n * row_h);
    int first, last;
    ui_scroll_visible_rows(&st.scroll, row_h, area.h, n, &first, &last);
    for (int i = first; i <= last; i++) {
        store_shift *h = &shifts[i];
        ui_rect r, chg, del;
        if (!list_row(&m, area, i, row_h, &r, &chg, &del))
            continue;
        ui_label(ui, ui_format(ui, "settings.shift.%lld.name", (long long)h->id), r,
                 ui_format(ui, "%s  %s \xE2\x80\x93 %s", h->name, h->starts, h->ends), m.text_body, true,
                 THEME_TEXT, UI_ALIGN_LEFT);
        if (ui_button(ui, ui_format(ui, "settings.shift.%lld.change", (long long)h->id), chg, _("Change"),
                      STYLE_SECONDARY, false)) {
            st.shift_open = true;
            st.shift_id = h->id;
            utf8_copy(h->name, st.shift_name, sizeof st.shift_name);
            st.shift_starts = hhmm_minutes(h->starts);
            st.shift_ends = hhmm_minutes(h->ends);
        }
        if (h->uses == 0) {
            if (ui_button(ui, ui_format(ui, "settings.shift.%lld.remove", (long long)h->id), del, _("Remove"),
                          STYLE_SECONDARY, false)) {
                vb_err e2;
                vb_err_clear(&e2);
                vb_code rc = store_settings_shift_delete(a->db, a->lead_id, app_entry_time(a), h->id, &e2);
                lead_ui_result(a, rc, &e2, _("Removed."), NULL);
            }
        } else {
            /* in use: it stays, since it is all an anonymous point tells about time */
            ui_label(ui, ui_format(ui, "settings.shift.%lld.uses", (long long)h->id), del,
                     ui_format(ui, i18n_plural("used %d time", "used %d times", (unsigned long)h->uses), h->uses),
                     m.text_small, false, THEME_TEXT_MUTED, UI_ALIGN_CENTER);
        }
    }
    ui_scroll_end(ui, &st.scroll);
}

static void draw_days(app *a, ui_ctx *ui, ui_rect body)
{
    theme_metrics m = theme_metrics_for(ui);
    static const char *const short_days[7] = { N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"),
                                                N_("Fri"), N_("Sat"), N_("Sun") };
    char days[16];
    setting_text(a, "working_days", "12345", days, sizeof days);
    ui_rect row = caption_row(ui, &body, "settings.days.caption", _("Working days (a daily start is due on these)"),
                              m.target);
    for (int i = 0; i < 7; i++) {
        char digit = (char)('1' + i);
        bool on = strchr(days, digit) != NULL;
        if (ui_chip(ui, ui_format(ui, "settings.day.%d", i + 1), ui_grid_cell(row, 7, 1, m.gap, i), NULL,
                    _(short_days[i]), on)) {
            char next[8];
            int k = 0;
            for (int d = 0; d < 7; d++) {
                bool set = strchr(days, '1' + d) != NULL;
                if (d == i)
                    set = !set;
                if (set)
                    next[k++] = (char)('1' + d);
            }
            next[k] = '\0';
            if (k == 0)
                app_notice(a, NOTICE_ERROR, _("Not saved: keep at least one working day."), 8);
            else
                save_setting(a, "working_days", next);
        }
    }

    /* holidays: add one with a day picker, list the coming ones */
    vb_day today = vb_local_from_unix(app_wall_s(a)).day;
    if (!st.holiday_day_set) {
        st.holiday_day = today;
        st.holiday_day_set = true;
    }
    ui_label(ui, "settings.holiday.caption", ui_cut_top(&body, m.text_body * 3 / 2),
             _("Holidays (no daily start is due)"), m.text_body, true, THEME_TEXT, UI_ALIGN_LEFT);
    row = ui_cut_top(&body, m.target);
    ui_cut_top(&body, m.gap);
    /* month buttons wider than day buttons: "◀ month" fits on one line */
    int dw = row.w / 10, mw = row.w * 3 / 20;
    ui_rect cells[4];
    cells[0] = ui_cut_left(&row, mw);
    ui_cut_left(&row, m.gap);
    cells[1] = ui_cut_left(&row, dw);
    cells[3] = ui_cut_right(&row, mw);
    ui_cut_right(&row, m.gap);
    cells[2] = ui_cut_right(&row, dw);
    struct {
        const char *id, *label;
        int days;
    } steps[] = {
        { "settings.holiday.month_back", ui_format(ui, "\xE2\x97\x80 %s", _("month")), -30 },
        { "settings.holiday.day_back", "\xE2\x97\x80", -1 },
        { "settings.holiday.day_fwd", "\xE2\x96\xB6", 1 },
        { "settings.holiday.month_fwd", ui_format(ui, "%s \xE2\x96\xB6", _("month")), 30 },
    };
    for (int i = 0; i < 4; i++) {
        if (ui_button(ui, steps[i].id, cells[i], steps[i].label, STYLE_SECONDARY, false)) {
            if (steps[i].days == 30 || steps[i].days == -30) {
                /* a month on: same day of the month where it exists */
                int y = st.holiday_day.year, mo = st.holiday_day.month + (steps[i].days > 0 ? 1 : -1);
                if (mo > 12) {
                    mo = 1;
                    y++;
                }
                if (mo < 1) {
                    mo = 12;
                    y--;
                }
                vb_day d = st.holiday_day;
                int md = st.holiday_day.mday;
                char text[16];
                do {
                    snprintf(text, sizeof text, "%04d-%02d-%02d", y, mo, md--);
                } while (!vb_day_parse(text, &d) && md > 27);
                st.holiday_day = d;
            } else {
                st.holiday_day = vb_day_add(st.holiday_day, steps[i].days);
            }
            if (vb_day_diff(today, st.holiday_day) < 0)
                st.holiday_day = today;
        }
    }
    char dt[80];
    day_text(st.holiday_day, dt, sizeof dt);
    ui_label(ui, "settings.holiday.day", ui_inset(row, m.gap / 2), dt, m.text_body, true, THEME_TEXT,
             UI_ALIGN_CENTER);

    row = ui_cut_top(&body, m.target);
    ui_cut_top(&body, m.gap);
    ui_rect add = ui_cut_right(&row, row.w / 3);
    ui_cut_right(&row, m.gap);
    if (ui_button(ui, "settings.holiday.name",
                  row, st.holiday_name[0] ? ui_format(ui, "\xE2\x9C\x8E %s", st.holiday_name)
                                          : ui_format(ui, "\xE2\x9C\x8E %s", _("Name (optional)")),
                  STYLE_SECONDARY, false))
        open_edit(a, ED_HOLIDAY_NAME, 0, st.holiday_name, STORE_HOLIDAY_NAME_MAX, "settings.edit.holiday",
                  _("Name of the holiday"));
    if (ui_button(ui, "settings.holiday.add", add, _("+ Add holiday"), STYLE_PRIMARY, false)) {
        char day[11];
        vb_day_format(st.holiday_day, day);
        vb_err err;
        vb_err_clear(&err);
        vb_code rc = store_settings_holiday_add(a->db, a->lead_id, app_entry_time(a), day, st.holiday_name, &err);
        if (lead_ui_result(a, rc, &err, NULL, NULL))
            st.holiday_name[0] = '\0';
    }

    static store_holiday hol[MAX_HOLIDAYS];
    int n = 0;
    char from[11];
    vb_day_format(today, from);
    vb_err err;
    if (store_settings_holidays(a->db, from, hol, MAX_HOLIDAYS, &n, &err) != VB_OK)
        n = 0;
    int row_h = m.target + m.gap;
    ui_rect area = list_begin(ui, body, "settings.holidays", n * row_h);
    int first, last;
    ui_scroll_visible_rows(&st.scroll, row_h, area.h, n, &first, &last);
    for (int i = first; i <= last; i++) {
        ui_rect r = { area.x, area.y + i * row_h - st.scroll.offset, area.w, m.target };
        if (!lead_ui_row_shown(r, area))
            continue;
        ui_rect del = ui_cut_right(&r, r.w / 4);
        ui_cut_right(&r, m.gap);
        vb_day d;
        char text[80] = "";
        if (vb_day_parse(hol[i].day, &d))
            day_text(d, text, sizeof text);
        ui_label(ui, ui_format(ui, "settings.holiday.%s.text", hol[i].day), r,
                 hol[i].name[0] ? ui_format(ui, "%s \xC2\xB7 %s", text, hol[i].name) : ui_strdup(ui, text),
                 m.text_body, false, THEME_TEXT, UI_ALIGN_LEFT);
        if (ui_button(ui, ui_format(ui, "settings.holiday.%s.remove", hol[i].day), del, _("Remove"),
                      STYLE_SECONDARY, false)) {
            vb_err e2;
            vb_err_clear(&e2);
            vb_code rc = store_settings_holiday_remove(a->db, a->lead_id, app_entry_time(a), hol[i].day, &e2);
            lead_ui_result(a, rc, &e2, _("Removed."), NULL);
        }
    }
    ui_scroll_end(ui, &st.scroll);
    if (n == 0)
        ui_label(ui, "settings.holidays.empty", ui_cut_top(&area, m.text_body * 3 / 2),
                 _("No holidays planned."), m.text_body, false, THEME_TEXT_MUTED, UI_ALIGN_LEFT);
}

static void draw_dagstart(app *a, ui_ctx *ui, ui_rect body)
{
    theme_metrics m = theme_metrics_for(ui);
    char time_now[8];
    setting_text(a, "dagstart_time", "07:00", time_now, sizeof time_now);
    int length = (int)store_setting_int(a->db, "dagstart_minutes", 10);

    ui_rect row = caption_row(ui, &body, "settings.dagstart.time.caption", _("The daily start begins at"),
                              m.target * 2 + m.gap);
    static const char *const times[] = { "06:00", "06:30", "07:00", "07:30", "08:00", "08:30", "09:00" };
    bool preset = false;
    for (int i = 0; i < 8; i++) {
        ui_rect cell = ui_grid_cell(row, 4, 2, m.gap, i);
        if (i == 7) {
            const char *label = ui_format(ui, _("Other: %s"), time_now);
            if (ui_chip(ui, "settings.dagstart.time.other", cell, NULL, preset ? _("Other time") : label, !preset))
                open_edit(a, ED_DAGSTART_TIME, 0, time_now, 5, "settings.edit.dagstart_time",
                          _("Time of the daily start (HH:MM)"));
            break;
        }
        bool sel = strcmp(time_now, times[i]) == 0;
        preset |= sel;
        if (ui_chip(ui, ui_format(ui, "settings.dagstart.time.%.2s%.2s", times[i], times[i] + 3), cell, NULL,
                    times[i], sel))
            save_setting(a, "dagstart_time", times[i]);
    }

    row = caption_row(ui, &body, "settings.dagstart.length.caption", _("It lasts"), m.target);
    static const int lengths[] = { 5, 10, 15, 20, 30 };
    for (int i = 0; i < 5; i++) {
        if (ui_chip(ui, ui_format(ui, "settings.dagstart.length.%d", lengths[i]), ui_grid_cell(row, 5, 1, m.gap, i),
                    NULL, ui_format(ui, _("%d min"), lengths[i]), length == lengths[i]))
            save_setting(a, "dagstart_minutes", ui_format(ui, "%d", lengths[i]));
    }
}

/* ---- the screen ---------------------------------------------------------- */

static void settings_draw(app *a, ui_ctx *ui, ui_rect body)
{
    if (!a->db || !lead_ui_gate(a, "settings"))
        return;
    apply_edit(a);
    theme_metrics m = theme_metrics_for(ui);
    int nav_w = body.w / 4;
    if (nav_w < ui_mm(ui, 45))
        nav_w = ui_mm(ui, 45);
    ui_rect nav = ui_cut_left(&body, nav_w);
    ui_cut_left(&body, m.gap * 2);
    int chip_h = (nav.h - (SEC_COUNT - 1) * m.gap) / SEC_COUNT;
    if (chip_h > m.main_target)
        chip_h = m.main_target;
    for (int i = 0; i < SEC_COUNT; i++) {
        ui_rect r = { nav.x, nav.y + i * (chip_h + m.gap), nav.w, chip_h };
        if (ui_chip(ui, sections[i].id, r, NULL, _(sections[i].label), st.section == i) && st.section != i) {
            st.section = i;
            st.scroll = (ui_scroll){ 0 };
            st.shift_open = false;
            st.confirm_place = 0;
        }
    }
    switch (st.section) {
    case SEC_TEAM: draw_team(a, ui, body); break;
    case SEC_PLACES: draw_places(a, ui, body); break;
    case SEC_CATEGORIES: draw_categories(a, ui, body); break;
    case SEC_SHIFTS: draw_shifts(a, ui, body); break;
    case SEC_DAYS: draw_days(a, ui, body); break;
    case SEC_DAGSTART: draw_dagstart(a, ui, body); break;
    default: st.section = SEC_TEAM; break;
    }
}

const screen_def screen_settings = {
    .name = "settings",
    .title = N_("Settings"),
    .draw = settings_draw,
    .enter = settings_enter,
    .show_home_button = true,
};

/* roster.c: the team roster in lead mode. On the left the team (a
 * scrolling list, large rows); on the right what the lead does with the
 * member tapped: role, language, badge (scan it, or type the number), a
 * personal PIN (entered twice), lifting a PIN lockout, deactivating (after
 * a confirmation). "Add a member" asks a name in the editor and role and
 * language as chips. Every change is saved at once and audited in the store
 * (store_roster.h; PINs through store_members.h). */
#include <stdio.h>
#include <string.h>

#include "../core/i18n.h"
#include "../core/textedit.h"
#include "../core/utf8.h"
#include "../store/store_audit.h"
#include "../store/store_members.h"
#include "../store/store_roster.h"
#include "../ui/list.h"
#include "../ui/textfield.h"
#include "../ui/widgets.h"
#include "lead_ui.h"
#include "screens.h"

#define MAX_MEMBERS 500

typedef enum roster_view { RV_NONE, RV_DETAIL, RV_ADD, RV_BADGE, RV_PIN, RV_CONFIRM_DEACTIVATE } roster_view;
typedef enum roster_edit { RE_NONE, RE_ADD_NAME, RE_BADGE } roster_edit;

static struct {
    ui_scroll scroll;
    roster_view view;
    int64_t sel; /* the member on the right */
    /* adding a member */
    char add_name[244];
    const char *add_role; /* "worker" / "lead" */
    const char *add_lang;
    /* the editor */
    roster_edit editing;
    text_edit te;
    /* setting a PIN: typed twice */
    char pin1[STORE_PIN_MAX_DIGITS + 1], pin2[STORE_PIN_MAX_DIGITS + 1];
    int pin_step; /* 0 = first time, 1 = again */
    char pin_msg[300];
    /* the team list, read once per visit and after each change */
    store_roster_member mem[MAX_MEMBERS];
    int n;
    bool loaded;
    vb_code list_rc;
} st;

static void clear_pins(void)
{
    memset(st.pin1, 0, sizeof st.pin1);
    memset(st.pin2, 0, sizeof st.pin2);
    st.pin_step = 0;
    st.pin_msg[0] = '\0';
}

static void roster_enter(app *a)
{
    (void)a;
    st.loaded = false;
    st.view = RV_NONE;
    st.sel = 0;
    st.editing = RE_NONE;
    st.scroll = (ui_scroll){ 0 };
    clear_pins();
}

static void roster_discard(app *a)
{
    roster_enter(a);
}

static const char *role_name(const char *role)
{
    return strcmp(role, "lead") == 0 ? _("Team lead") : _("Worker");
}

/* ---- saving -------------------------------------------------------------------- */

static void save_badge(app *a, const char *badge)
{
    char owner[244] = "";
    vb_err err;
    vb_err_clear(&err);
    st.loaded = false; /* the list is read again after a change */
    vb_code rc = store_roster_set_badge(a->db, a->lead_id, app_entry_time(a), st.sel, badge, owner, sizeof owner,
                                        &err);
    const char *refused = NULL;
    if (rc == VB_ERR_CONSTRAINT && owner[0])
        refused = ui_format(a->ui, _("this badge already belongs to %s."), owner);
    else if (rc == VB_ERR_INVALID)
        refused = _("a badge number has 3 to 64 letters or digits.");
    if (lead_ui_result(a, rc, &err, badge && *badge ? _("Badge saved.") : _("Badge removed."), refused))
        st.view = RV_DETAIL;
}

static void on_badge_scanned(app *a, const char *badge)
{
    a->badge_capture = NULL;
    if (st.view == RV_BADGE && st.sel)
        save_badge(a, badge);
}

static void audit_pin(app *a, int64_t id, const char *what)
{
    char subject[40];
    snprintf(subject, sizeof subject, "member:%lld", (long long)id);
    vb_err err;
    vb_err_clear(&err);
    if (store_audit_add(a->db, a->lead_id, app_entry_time(a), "roster", subject, what, &err) != VB_OK)
        fprintf(stderr, "verbeterbord: audit roster %s: %s\n", subject, err.msg);
}

static void apply_edit(app *a)
{
    if (st.editing == RE_NONE || app_editing(a))
        return;
    roster_edit e = st.editing;
    st.editing = RE_NONE;
    char text[TEXTEDIT_MAX_BYTES];
    text_edit_trimmed(&st.te, text, sizeof text);
    if (e == RE_ADD_NAME)
        lead_ui_copy(st.add_name, sizeof st.add_name, text);
    else if (e == RE_BADGE && text[0])
        save_badge(a, text);
}

static void open_edit(app *a, roster_edit e, const char *initial, size_t max_chars, const char *id,
                      const char *label)
{
    text_edit_init(&st.te, max_chars, false);
    text_edit_set(&st.te, initial ? initial : "");
    st.editing = e;
    app_edit_open(a, &st.te, id, label, NULL, NULL);
}

/* ---- the list -------------------------------------------------------------------- */

static void draw_list(app *a, ui_ctx *ui, ui_rect body, const store_roster_member *mem, int n)
{
    theme_metrics m = theme_metrics_for(ui);
    ui_rect add = ui_cut_top(&body, m.target);
    ui_cut_top(&body, m.gap);
    if (ui_button(ui, "roster.add", add, _("+ Add a member"), STYLE_PRIMARY, false)) {
        st.view = RV_ADD;
        st.sel = 0;
        st.add_name[0] = '\0';
        st.add_role = "worker";
        st.add_lang = a->default_language[0] ? a->default_language : "nl";
        clear_pins();
    }
    int line1 = m.text_body * 5 / 4, line2 = m.text_small * 5 / 4;
    int row_h = line1 + line2 + m.pad * 2;
    if (row_h < m.target)
        row_h = m.target;
    int step = row_h + m.gap / 2;
    st.scroll.content_h = n * step;
    ui_rect pages = ui_cut_right(&body, m.target);
    ui_cut_right(&body, m.gap / 2);
    ui_scroll_page_buttons(ui, "roster.list", pages, &st.scroll, body.h);
    ui_scroll_begin(ui, "roster.list", body, &st.scroll);
    int first, last;
    ui_scroll_visible_rows(&st.scroll, step, body.h, n, &first, &last);
    int64_t now = app_wall_s(a);
    for (int i = first; i <= last; i++) {
        const store_roster_member *p = &mem[i];
        ui_rect r = { body.x, body.y + i * step - st.scroll.offset, body.w, row_h };
        if (!lead_ui_row_shown(r, body))
            continue;
        const char *id = ui_format(ui, "roster.member.%lld", (long long)p->id);
        bool pressed = false;
        bool selected = st.sel == p->id && st.view != RV_ADD;
        if (ui_target(ui, id, r, false, &pressed)) {
            st.sel = p->id;
            st.view = RV_DETAIL;
            clear_pins();
        }
        ui_color bg = pressed ? THEME_BAR : selected ? THEME_PRIMARY : THEME_SURFACE;
        ui_color fg = pressed || selected ? THEME_ON_DARK : THEME_TEXT;
        ui_draw_rect(ui, r, bg, m.radius);
        ui_draw_border(ui, r, THEME_BORDER, selected ? m.border * 2 : m.border, m.radius);
        ui_rect in = ui_inset(r, m.pad);
        int view_end = body.y + body.h; /* a cut row shows only the lines inside the list */
        if (in.y < view_end)
            ui_label(ui, NULL, (ui_rect){ in.x, in.y, in.w, line1 }, p->name, m.text_body, true, fg, UI_ALIGN_LEFT);
        char info[200];
        int k = snprintf(info, sizeof info, "%s \xC2\xB7 %s", role_name(p->role), p->language);
        if (p->badge[0] && k >= 0 && (size_t)k < sizeof info)
            k += snprintf(info + k, sizeof info - (size_t)k, " \xC2\xB7 %s", _("badge"));
        if (p->has_pin && k >= 0 && (size_t)k < sizeof info)
            k += snprintf(info + k, sizeof info - (size_t)k, " \xC2\xB7 %s", _("PIN"));
        if (p->locked_until > now && k >= 0 && (size_t)k < sizeof info)
            vb_fmt(info + k, sizeof info - (size_t)k, " \xC2\xB7 %s", _("LOCKED"));
        if (in.y + line1 < view_end)
            ui_label(ui, NULL, (ui_rect){ in.x, in.y + line1, in.w, line2 }, info, m.text_small, false, fg,
                     UI_ALIGN_LEFT);
        ui_element_add(ui, id, UI_EL_BUTTON, (pressed ? UI_STATE_PRESSED : 0) | (selected ? UI_STATE_SELECTED : 0),
                       p->name, r);
    }
    ui_scroll_end(ui, &st.scroll);
}

/* ---- the right side ---------------------------------------------------------------- */

static ui_rect caption_row(ui_ctx *ui, ui_rect *body, const char *caption)
{
    theme_metrics m = theme_metrics_for(ui);
    ui_label(ui, NULL, ui_cut_top(body, m.text_body * 3 / 2), caption, m.text_body, true, THEME_TEXT,
             UI_ALIGN_LEFT);
    ui_rect row = ui_cut_top(body, m.target);
    ui_cut_top(body, m.gap);
    return row;
}

static void language_chips(ui_ctx *ui, ui_rect row, const char *prefix, const char *current, const char **chosen)
{
    theme_metrics m = theme_metrics_for(ui);
    for (int i = 0; i < 3 && i18n_languages[i]; i++) {
        const char *code = i18n_languages[i];
        if (ui_chip(ui, ui_format(ui, "%s.%s", prefix, code), ui_grid_cell(row, 3, 1, m.gap, i), NULL,
                    i18n_language_name(code), strcmp(current, code) == 0))
            *chosen = code;
    }
}

static void role_chips(ui_ctx *ui, ui_rect row, const char *prefix, const char *current, const char **chosen)
{
    theme_metrics m = theme_metrics_for(ui);
    if (ui_chip(ui, ui_format(ui, "%s.worker", prefix), ui_grid_cell(row, 2, 1, m.gap, 0), NULL, _("Worker"),
                strcmp(current, "worker") == 0))
        *chosen = "worker";
    if (ui_chip(ui, ui_format(ui, "%s.lead", prefix), ui_grid_cell(row, 2, 1, m.gap, 1), NULL, _("Team lead"),
                strcmp(current, "lead") == 0))
        *chosen = "lead";
}

static void draw_add(app *a, ui_ctx *ui, ui_rect body)
{
    theme_metrics m = theme_metrics_for(ui);
    ui_label(ui, "roster.add.title", ui_cut_top(&body, m.text_large * 3 / 2), _("New member"), m.text_large, true,
             THEME_TEXT, UI_ALIGN_LEFT);
    ui_rect row = caption_row(ui, &body, _("Name"));
    if (ui_button(ui, "roster.add.name", row,
                  st.add_name[0] ? ui_format(ui, "\xE2\x9C\x8E %s", st.add_name) : ui_format(ui, "\xE2\x9C\x8E %s", _("Tap to type the name")),
                  STYLE_SECONDARY, false))
        open_edit(a, RE_ADD_NAME, st.add_name, ROSTER_NAME_MAX, "roster.edit.name", _("Name of the new member"));
    const char *chosen = NULL;
    role_chips(ui, caption_row(ui, &body, _("Role")), "roster.add.role", st.add_role, &chosen);
    if (chosen)
        st.add_role = chosen;
    chosen = NULL;
    language_chips(ui, caption_row(ui, &body, _("Language")), "roster.add.language", st.add_lang, &chosen);
    if (chosen)
        st.add_lang = chosen;
    ui_rect buttons = ui_cut_bottom(&body, m.main_target);
    if (ui_button(ui, "roster.add.cancel", ui_grid_cell(buttons, 2, 1, m.gap, 0), _("Cancel"), STYLE_SECONDARY,
                  false))
        st.view = RV_NONE;
    if (ui_button(ui, "roster.add.save", ui_grid_cell(buttons, 2, 1, m.gap, 1), _("Save"), STYLE_PRIMARY, false)) {
        if (!st.add_name[0]) {
            app_notice(a, NOTICE_ERROR, _("Not saved: type the name first."), 8);
            return;
        }
        vb_err err;
        vb_err_clear(&err);
        int64_t id = 0;
        st.loaded = false; /* the list is read again after a change */
        vb_code rc = store_roster_add(a->db, a->lead_id, app_entry_time(a), st.add_name, st.add_role, st.add_lang,
                                      NULL, &id, &err);
        if (lead_ui_result(a, rc, &err, ui_format(ui, _("%s is on the team."), st.add_name),
                           _("there is already a member with this name."))) {
            st.sel = id;
            st.view = RV_DETAIL; /* next: badge or PIN */
        }
    }
}

static void draw_badge(app *a, ui_ctx *ui, ui_rect body, const store_roster_member *p)
{
    theme_metrics m = theme_metrics_for(ui);
    a->badge_capture = on_badge_scanned;
    lead_ui_card(ui, body);
    ui_rect in = ui_inset(body, m.pad * 2);
    ui_rect buttons = ui_cut_bottom(&in, m.main_target);
    int h = ui_paragraph(ui, "roster.badge.scan", in,
                         ui_format(ui, _("Hold the badge of %s against the reader now."), p->name), m.text_large,
                         true, THEME_TEXT, UI_ALIGN_LEFT);
    ui_cut_top(&in, h + m.gap);
    ui_paragraph(ui, "roster.badge.hint", in,
                 _("No reader, or it does not react? Type the number printed on the badge instead."), m.text_body,
                 false, THEME_TEXT, UI_ALIGN_LEFT);
    if (ui_button(ui, "roster.badge.cancel", ui_grid_cell(buttons, 2, 1, m.gap, 0), _("Cancel"), STYLE_SECONDARY,
                  false)) {
        a->badge_capture = NULL;
        st.view = RV_DETAIL;
    }
    if (ui_button(ui, "roster.badge.type", ui_grid_cell(buttons, 2, 1, m.gap, 1), _("Type the number"),
                  STYLE_PRIMARY, false))
        open_edit(a, RE_BADGE, "", ROSTER_BADGE_MAX, "roster.edit.badge",
                  ui_format(ui, _("Badge number of %s"), p->name));
}

static void draw_pin(app *a, ui_ctx *ui, ui_rect body, const store_roster_member *p)
{
    theme_metrics m = theme_metrics_for(ui);
    ui_rect pad = ui_cut_right(&body, body.w / 2);
    ui_cut_right(&body, m.gap);
    ui_rect cancel = ui_cut_bottom(&body, m.main_target);
    if (ui_button(ui, "roster.pin.cancel", cancel, _("Cancel"), STYLE_SECONDARY, false)) {
        clear_pins();
        st.view = RV_DETAIL;
        return;
    }
    int h = ui_paragraph(ui, "roster.pin.title", body,
                         st.pin_step == 0 ? ui_format(ui, _("New PIN for %s: 4 to 8 digits, then OK."), p->name)
                                          : _("The same PIN again, then OK."),
                         m.text_body, true, THEME_TEXT, UI_ALIGN_LEFT);
    ui_cut_top(&body, h + m.gap);
    if (st.pin_msg[0])
        ui_paragraph(ui, "roster.pin.message", body, st.pin_msg, m.text_body, true, THEME_DANGER, UI_ALIGN_LEFT);
    char *digits = st.pin_step == 0 ? st.pin1 : st.pin2;
    if (!ui_pin_pad(ui, st.pin_step == 0 ? "roster.pin" : "roster.pin2", pad, digits, STORE_PIN_MAX_DIGITS))
        return;
    if (st.pin_step == 0) {
        if (!store_pin_valid(st.pin1)) {
            memset(st.pin1, 0, sizeof st.pin1);
            utf8_copy(_("A PIN has 4 to 8 digits. Try again."), st.pin_msg, sizeof st.pin_msg);
            return;
        }
        st.pin_step = 1;
        st.pin_msg[0] = '\0';
        return;
    }
    if (strcmp(st.pin1, st.pin2) != 0) {
        clear_pins();
        utf8_copy(_("The two PINs differ. Start again."), st.pin_msg, sizeof st.pin_msg);
        return;
    }
    vb_err err;
    vb_err_clear(&err);
    st.loaded = false; /* the list is read again after a change */
    vb_code rc = store_member_set_pin(a->db, p->id, st.pin1, &err);
    clear_pins();
    if (rc == VB_OK)
        audit_pin(a, p->id, ui_format(ui, "PIN set for '%s'", p->name));
    if (lead_ui_result(a, rc, &err, ui_format(ui, _("New PIN saved for %s."), p->name), NULL))
        st.view = RV_DETAIL;
}

static void draw_confirm(app *a, ui_ctx *ui, ui_rect body, const store_roster_member *p)
{
    theme_metrics m = theme_metrics_for(ui);
    lead_ui_card(ui, body);
    ui_rect in = ui_inset(body, m.pad * 2);
    ui_rect buttons = ui_cut_bottom(&in, m.main_target);
    int h = ui_paragraph(ui, "roster.deactivate.question", in, ui_format(ui, _("Deactivate %s?"), p->name),
                         m.text_large, true, THEME_TEXT, UI_ALIGN_LEFT);
    ui_cut_top(&in, h + m.gap);
    ui_paragraph(ui, "roster.deactivate.explain", in,
                 _("They no longer appear in the team, and their badge and PIN stop working. What they entered "
                   "stays."),
                 m.text_body, false, THEME_TEXT, UI_ALIGN_LEFT);
    if (ui_button(ui, "roster.deactivate.cancel", ui_grid_cell(buttons, 2, 1, m.gap, 0), _("Cancel"),
                  STYLE_SECONDARY, false))
        st.view = RV_DETAIL;
    if (ui_button(ui, "roster.deactivate.confirm", ui_grid_cell(buttons, 2, 1, m.gap, 1), _("Deactivate"),
                  STYLE_DANGER, false)) {
        vb_err err;
        vb_err_clear(&err);
        st.loaded = false; /* the list is read again after a change */
        vb_code rc = store_roster_deactivate(a->db, a->lead_id, app_entry_time(a), p->id, &err);
        const char *refused = p->id == a->lead_id ? _("you cannot deactivate yourself; another team lead can.")
                                                  : _("the team needs at least one team lead.");
        if (lead_ui_result(a, rc, &err, ui_format(ui, _("%s is deactivated."), p->name), refused)) {
            st.view = RV_NONE;
            st.sel = 0;
        }
    }
}

static void draw_detail(app *a, ui_ctx *ui, ui_rect body, const store_roster_member *p)
{
    theme_metrics m = theme_metrics_for(ui);
    ui_label(ui, "roster.detail.name", ui_cut_top(&body, m.text_large * 3 / 2), p->name, m.text_large, true,
             THEME_TEXT, UI_ALIGN_LEFT);
    vb_err err;
    vb_err_clear(&err);
    int64_t at = app_entry_time(a);
    const char *chosen = NULL;
    role_chips(ui, caption_row(ui, &body, _("Role")), "roster.role", p->role, &chosen);
    if (chosen && strcmp(chosen, p->role) != 0) {
        st.loaded = false; /* the list is read again after a change */
        vb_code rc = store_roster_set_role(a->db, a->lead_id, at, p->id, chosen, &err);
        lead_ui_result(a, rc, &err, NULL,
                       p->id == a->lead_id ? _("you cannot change your own role; another team lead can.")
                                           : _("the team needs at least one team lead."));
    }
    chosen = NULL;
    language_chips(ui, caption_row(ui, &body, _("Language")), "roster.language", p->language, &chosen);
    if (chosen && strcmp(chosen, p->language) != 0) {
        st.loaded = false; /* the list is read again after a change */
        vb_code rc = store_roster_set_language(a->db, a->lead_id, at, p->id, chosen, &err);
        lead_ui_result(a, rc, &err, NULL, NULL);
    }

    ui_rect row = caption_row(ui, &body, p->badge[0] ? _("Badge: registered") : _("Badge: none"));
    if (ui_button(ui, "roster.badge.set", ui_grid_cell(row, 2, 1, m.gap, 0),
                  p->badge[0] ? _("New badge") : _("Set badge"), STYLE_SECONDARY, false)) {
        st.view = RV_BADGE;
        return;
    }
    if (p->badge[0] && ui_button(ui, "roster.badge.remove", ui_grid_cell(row, 2, 1, m.gap, 1), _("Remove badge"),
                                 STYLE_SECONDARY, false))
        save_badge(a, NULL);

    bool locked = p->locked_until > app_wall_s(a);
    row = caption_row(ui, &body,
                      locked ? _("Personal PIN: locked after wrong PINs")
                             : p->has_pin ? _("Personal PIN: set") : _("Personal PIN: none"));
    if (ui_button(ui, "roster.pin.set", ui_grid_cell(row, 2, 1, m.gap, 0), p->has_pin ? _("New PIN") : _("Set PIN"),
                  STYLE_SECONDARY, false)) {
        clear_pins();
        st.view = RV_PIN;
        return;
    }
    if (locked && ui_button(ui, "roster.pin.unlock", ui_grid_cell(row, 2, 1, m.gap, 1), _("Lift the lockout"),
                            STYLE_PRIMARY, false)) {
        st.loaded = false; /* the list is read again after a change */
        vb_code rc = store_member_lift_lockout(a->db, p->id, &err);
        if (rc == VB_OK)
            audit_pin(a, p->id, ui_format(ui, "lockout of '%s' lifted", p->name));
        lead_ui_result(a, rc, &err, ui_format(ui, _("The lockout of %s is lifted."), p->name), NULL);
    }

    ui_rect deact = ui_cut_bottom(&body, m.target);
    if (deact.h >= m.target && p->id != a->lead_id &&
        ui_button(ui, "roster.deactivate", ui_grid_cell(deact, 2, 1, m.gap, 1), ui_format(ui, "%s\xE2\x80\xA6", _("Deactivate")),
                  STYLE_SECONDARY, false))
        st.view = RV_CONFIRM_DEACTIVATE;
}

static void roster_draw(app *a, ui_ctx *ui, ui_rect body)
{
    if (!a->db || !lead_ui_gate(a, "roster"))
        return;
    apply_edit(a);
    theme_metrics m = theme_metrics_for(ui);
    if (!st.loaded) {
        vb_err err;
        vb_err_clear(&err);
        st.n = 0;
        st.list_rc = store_roster_list(a->db, false, st.mem, MAX_MEMBERS, &st.n, &err);
        if (st.list_rc != VB_OK)
            fprintf(stderr, "verbeterbord: team list: %s\n", err.msg);
        st.loaded = true;
    }
    const store_roster_member *mem = st.mem;
    int n = st.n;
    if (st.list_rc != VB_OK) {
        ui_paragraph(ui, "roster.error", body,
                     ui_format(ui, _("The team list cannot be read: %s"), lead_ui_reason(st.list_rc)), m.text_large,
                     true, THEME_DANGER, UI_ALIGN_LEFT);
        return;
    }
    ui_rect list = ui_cut_left(&body, body.w * 9 / 20);
    ui_cut_left(&body, m.gap * 2);
    draw_list(a, ui, list, mem, n);

    const store_roster_member *p = NULL;
    for (int i = 0; i < n; i++)
        if (mem[i].id == st.sel)
            p = &mem[i];
    if (st.view != RV_BADGE)
        a->badge_capture = NULL;
    if (st.view == RV_ADD) {
        draw_add(a, ui, body);
        return;
    }
    if (!p) {
        const char *fmt = i18n_plural("%d member. Tap a name to change the role, language, badge or PIN.",
                                      "%d members. Tap a name to change the role, language, badge or PIN.",
                                      (unsigned long)n);
        ui_paragraph(ui, "roster.hint", body, ui_format(ui, fmt, n),
                     m.text_body, false, THEME_TEXT, UI_ALIGN_LEFT);
        return;
    }
    switch (st.view) {
    case RV_BADGE: draw_badge(a, ui, body, p); break;
    case RV_PIN: draw_pin(a, ui, body, p); break;
    case RV_CONFIRM_DEACTIVATE: draw_confirm(a, ui, body, p); break;
    default: draw_detail(a, ui, body, p); break;
    }
}

const screen_def screen_roster = {
    .name = "roster",
    .title = N_("Team"),
    .draw = roster_draw,
    .enter = roster_enter,
    .discard = roster_discard,
    .show_home_button = true,
};

/* lead.c: lead mode. Signed out, it is the lead sign-in: pick your name
 * (leads only, large buttons), then your PIN on a large keypad; wrong PINs
 * count towards a lockout kept in the database (store_members.h). With no
 * lead in the database it says how to create one on the machine. Signed in,
 * it is the lead menu: daily start, ideas, actions, monthly review, team,
 * settings, lifting another lead's lockout, the audit log, leaving the app
 * (restart, or stop for maintenance), and "Done", which ends lead mode. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../core/date.h"
#include "../core/deadline.h"
#include "../core/i18n.h"
#include "../core/utf8.h"
#include "../store/store_audit.h"
#include "../store/store_members.h"
#include "../store/store_roster.h"
#include "../ui/list.h"
#include "../ui/textfield.h"
#include "../ui/widgets.h"
#include "lead_ui.h"
#include "screens.h"

#define MAX_LEADS 24
#define AUDIT_ROWS 200
#define ADD_LEAD_COMMAND "sudo -u verbeterbord verbeterbord --add-member \"Your Name\" --lead"

typedef enum lead_view { LV_MENU, LV_UNLOCK, LV_LEAVE, LV_CONFIRM_RESTART, LV_CONFIRM_STOP, LV_AUDIT } lead_view;

static struct {
    /* sign-in */
    int64_t pick_id; /* 0 = still picking a name */
    char pin[STORE_PIN_MAX_DIGITS + 1];
    int64_t locked_until; /* the picked lead's lockout (0 = none): a redraw when it ends */
    char message[400];
    bool message_error;
    /* the leads to pick from, read once per visit and after each PIN try
     * (not every frame); lockouts are compared with the clock when drawn */
    store_roster_member leads[MAX_LEADS];
    int nleads;
    bool leads_loaded;
    vb_code leads_rc;
    /* signed in */
    lead_view view;
    ui_scroll scroll;
} st;

static void lead_enter(app *a)
{
    /* A direct visit (the "Team lead" button) goes to the lead menu after
     * signing in; app_require_lead() sets the return after entering. */
    a->lead_return[0] = '\0';
    memset(st.pin, 0, sizeof st.pin);
    st.pick_id = 0;
    st.message[0] = '\0';
    st.view = LV_MENU;
    st.scroll = (ui_scroll){ 0 };
    st.leads_loaded = false;
}

static void set_message(bool error, const char *text)
{
    utf8_copy(text, st.message, sizeof st.message);
    st.message_error = error;
}

static void end_lead_mode(app *a)
{
    a->lead_id = 0;
    a->lead_name[0] = '\0';
    a->lead_return[0] = '\0';
    app_notice(a, NOTICE_INFO, _("Lead mode ended."), 4);
    app_go_home(a);
}

/* ---- sign-in ----------------------------------------------------------------- */

static void draw_no_lead(app *a, ui_ctx *ui, ui_rect body)
{
    (void)a;
    theme_metrics m = theme_metrics_for(ui);
    lead_ui_card(ui, body);
    ui_rect in = ui_inset(body, m.pad * 2);
    int h = ui_paragraph(ui, "lead.setup.title", in, _("No team lead has been set up yet."), m.text_large, true,
                         THEME_TEXT, UI_ALIGN_LEFT);
    ui_cut_top(&in, h + m.gap);
    h = ui_paragraph(ui, "lead.setup.how", in,
                     _("To create one, open a terminal on this machine and run, as the kiosk's service user:"),
                     m.text_body, false, THEME_TEXT, UI_ALIGN_LEFT);
    ui_cut_top(&in, h + m.gap);
    ui_rect cmd = ui_cut_top(&in, m.text_body * 2 + m.pad * 2);
    ui_draw_rect(ui, cmd, THEME_BG, m.radius);
    ui_paragraph(ui, "lead.setup.command", ui_inset(cmd, m.pad / 2), ADD_LEAD_COMMAND, m.text_body, true,
                 THEME_TEXT, UI_ALIGN_LEFT);
    ui_cut_top(&in, m.gap);
    ui_paragraph(ui, "lead.setup.after",
                 in,
                 _("It asks for a PIN of 4 to 8 digits, twice. Then tap \"Team lead\" again and sign in with that "
                   "name and PIN. Without a terminal, ask the technician who installed the kiosk."),
                 m.text_body, false, THEME_TEXT, UI_ALIGN_LEFT);
}

static void draw_pick(app *a, ui_ctx *ui, ui_rect body, const store_roster_member *leads, int n)
{
    theme_metrics m = theme_metrics_for(ui);
    const screen_def *ret = a->lead_return[0] ? app_find_screen(a, a->lead_return) : NULL;
    ui_rect head = ui_cut_top(&body, m.text_large * 3 / 2);
    ui_label(ui, "lead.pick.title", head,
             ret && ret != &screen_lead ? ui_format(ui, _("Team lead: who are you? (to open %s)"), _(ret->title))
                                        : _("Team lead: who are you?"),
             m.text_large, true, THEME_TEXT, UI_ALIGN_LEFT);
    ui_cut_top(&body, m.gap);
    if (st.message[0]) {
        int h = ui_paragraph(ui, "lead.message", body, st.message, m.text_body, true,
                             st.message_error ? THEME_DANGER : THEME_TEXT, UI_ALIGN_LEFT);
        ui_cut_top(&body, h + m.gap);
    }
    int cols = n <= 2 ? n : n <= 4 ? 2 : n <= 9 ? 3 : 4;
    int rows = (n + cols - 1) / cols;
    int cell_h = (body.h - (rows - 1) * m.gap) / (rows > 0 ? rows : 1);
    if (cell_h > m.main_target * 2)
        cell_h = m.main_target * 2;
    if (cell_h < m.main_target)
        cell_h = m.main_target; /* up to MAX_LEADS (6 rows of 4) still fit at 20 mm */
    ui_rect grid = { body.x, body.y, body.w, rows * cell_h + (rows - 1) * m.gap };
    int64_t now = app_wall_s(a);
    for (int i = 0; i < n; i++) {
        const store_roster_member *l = &leads[i];
        ui_rect r = ui_grid_cell(grid, cols, rows, m.gap, i);
        const char *sub = NULL;
        if (!l->has_pin)
            sub = _("No PIN set yet");
        else if (l->locked_until > now) {
            char t[9];
            lead_ui_hhmmss(l->locked_until, t);
            sub = ui_format(ui, _("Locked until %s"), t);
        }
        if (ui_tile(ui, ui_format(ui, "lead.pick.%lld", (long long)l->id), r, "\xE2\x98\xBA", l->name, sub,
                    STYLE_SECONDARY)) {
            st.pick_id = l->id;
            memset(st.pin, 0, sizeof st.pin);
            st.message[0] = '\0';
        }
    }
}

/* Checks the typed PIN and signs in, or says why not. */
static void try_pin(app *a, const store_roster_member *me)
{
    store_pin_result res;
    memset(&res, 0, sizeof res);
    vb_err err;
    vb_err_clear(&err);
    vb_code rc = VB_OK;
    if (!store_pin_valid(st.pin))
        res.status = STORE_PIN_WRONG, res.tries_left = -1;
    else
        rc = store_member_check_pin(a->db, me->id, st.pin, app_wall_s(a), &res, &err);
    memset(st.pin, 0, sizeof st.pin);
    st.leads_loaded = false; /* tries and lockouts changed: read again */
    if (rc != VB_OK) {
        fprintf(stderr, "verbeterbord: PIN check: %s\n", err.msg);
        set_message(true, ui_format(a->ui, _("The PIN could not be checked: %s"), lead_ui_reason(rc)));
        return;
    }
    char t[9];
    switch (res.status) {
    case STORE_PIN_OK:
        a->lead_id = me->id;
        lead_ui_copy(a->lead_name, sizeof a->lead_name, me->name);
        st.pick_id = 0;
        st.message[0] = '\0';
        st.view = LV_MENU;
        app_notice(a, NOTICE_OK, ui_format(a->ui, _("Signed in as team lead: %s"), me->name), 4);
        if (a->lead_return[0] && strcmp(a->lead_return, "lead") != 0) {
            char ret[sizeof a->lead_return];
            utf8_copy(a->lead_return, ret, sizeof ret);
            a->lead_return[0] = '\0';
            app_go(a, ret);
        }
        return;
    case STORE_PIN_WRONG:
        if (res.tries_left < 0) {
            set_message(true, _("A PIN has 4 to 8 digits. Try again."));
        } else if (res.locked_until > app_wall_s(a)) {
            lead_ui_hhmmss(res.locked_until, t);
            set_message(true, ui_format(a->ui, _("Wrong PIN. Too many wrong PINs: locked until %s."), t));
        } else {
            set_message(true, ui_format(a->ui,
                                        i18n_plural("Wrong PIN. %d more try before a lockout.",
                                                    "Wrong PIN. %d more tries before a lockout.",
                                                    (unsigned long)res.tries_left),
                                        res.tries_left));
        }
        return;
    case STORE_PIN_LOCKED:
        lead_ui_hhmmss(res.locked_until, t);
        set_message(true, ui_format(a->ui, _("Locked until %s after too many wrong PINs."), t));
        return;
    case STORE_PIN_NONE:
        set_message(true, _("No PIN has been set for this lead."));
        return;
    }
}

static void draw_pin(app *a, ui_ctx *ui, ui_rect body)
{
    theme_metrics m = theme_metrics_for(ui);
    const store_roster_member *found = NULL;
    for (int i = 0; i < st.nleads; i++)
        if (st.leads[i].id == st.pick_id)
            found = &st.leads[i];
    if (!found) {
        st.pick_id = 0;
        a->ui->want_redraw = true;
        return;
    }
    store_roster_member me = *found;
    int pad_w = body.w / 2;
    int max_pad_w = ui_mm(ui, 100);
    if (pad_w > max_pad_w)
        pad_w = max_pad_w;
    ui_rect pad = ui_cut_right(&body, pad_w);
    ui_cut_right(&body, m.gap * 2);

    ui_rect back = ui_cut_bottom(&body, m.main_target);
    if (ui_button(ui, "lead.pin.someone_else", back, ui_format(ui, "\xE2\x97\x80 %s", _("Someone else")), STYLE_SECONDARY, false)) {
        st.pick_id = 0;
        memset(st.pin, 0, sizeof st.pin);
        st.message[0] = '\0';
        return;
    }
    ui_cut_bottom(&body, m.gap);
    int h = ui_paragraph(ui, "lead.pin.name", body, me.name, m.text_title, true, THEME_TEXT, UI_ALIGN_LEFT);
    ui_cut_top(&body, h + m.gap);

    int64_t now = app_wall_s(a);
    bool locked = me.locked_until > now;
    st.locked_until = locked ? me.locked_until : 0;
    const char *text;
    char t[9];
    if (!me.has_pin) {
        text = ui_format(ui,
                         _("No PIN has been set for %s yet. Another team lead can set one under Team, or on this "
                           "machine: verbeterbord --set-pin \"%s\""),
                         me.name, me.name);
    } else if (locked) {
        lead_ui_hhmmss(me.locked_until, t);
        text = ui_format(ui,
                         _("Locked until %s after too many wrong PINs. Another team lead can lift the lockout "
                           "(lead menu, \"Unlock a lead\"), or wait until then."),
                         t);
    } else {
        text = _("Enter your PIN and tap OK.");
    }
    h = ui_paragraph(ui, locked ? "lead.locked" : !me.has_pin ? "lead.nopin" : "lead.pin.prompt", body, text,
                     m.text_body, locked || !me.has_pin, locked ? THEME_DANGER : THEME_TEXT, UI_ALIGN_LEFT);
    ui_cut_top(&body, h + m.gap);
    if (st.message[0] && !locked)
        ui_paragraph(ui, "lead.message", body, st.message, m.text_body, true,
                     st.message_error ? THEME_DANGER : THEME_OK, UI_ALIGN_LEFT);

    if (me.has_pin && !locked) {
        if (ui_pin_pad(ui, "lead.pin", pad, st.pin, STORE_PIN_MAX_DIGITS))
            try_pin(a, &me);
        return;
    }
    /* no keypad: say why, large, where the keypad would be */
    ui_rect card = pad;
    card.h = m.text_title * 5 / 4 * 2 + m.text_large * 5 / 4 + m.pad * 6;
    card.y = pad.y + (pad.h - card.h) / 2;
    lead_ui_card(ui, card);
    ui_rect in = ui_inset(card, m.pad * 2);
    int th = ui_paragraph(ui, "lead.pad_off", in, locked ? _("Locked until") : _("No PIN yet"), m.text_large,
                          true, locked ? THEME_DANGER : THEME_TEXT, UI_ALIGN_CENTER);
    ui_cut_top(&in, th + m.gap);
    if (locked)
        ui_label(ui, "lead.pad_off.until", ui_cut_top(&in, m.text_title * 5 / 4), t, m.text_title, true, THEME_TEXT,
                 UI_ALIGN_CENTER);
}

static void draw_sign_in(app *a, ui_ctx *ui, ui_rect body)
{
    if (!st.leads_loaded) {
        vb_err err;
        vb_err_clear(&err);
        st.nleads = 0;
        st.leads_rc = store_roster_leads(a->db, st.leads, MAX_LEADS, &st.nleads, &err);
        if (st.leads_rc != VB_OK)
            fprintf(stderr, "verbeterbord: team leads: %s\n", err.msg);
        st.leads_loaded = true;
    }
    const store_roster_member *leads = st.leads;
    int n = st.nleads;
    if (st.leads_rc != VB_OK) {
        theme_metrics m = theme_metrics_for(ui);
        ui_paragraph(ui, "lead.error", body,
                     ui_format(ui, _("The list of team leads cannot be read: %s"), lead_ui_reason(st.leads_rc)),
                     m.text_large, true, THEME_DANGER, UI_ALIGN_LEFT);
        return;
    }
    if (n == 0) {
        draw_no_lead(a, ui, body);
        return;
    }
    if (st.pick_id)
        draw_pin(a, ui, body);
    else
        draw_pick(a, ui, body, leads, n);
}

/* ---- the lead menu -------------------------------------------------------------- */

/* Records a lead action of this screen in the audit log (own transaction). */
static bool audit(app *a, const char *action, const char *subject, const char *detail)
{
    vb_err err;
    vb_err_clear(&err);
    if (store_audit_add(a->db, a->lead_id, app_entry_time(a), action, subject, detail, &err) == VB_OK)
        return true;
    fprintf(stderr, "verbeterbord: audit %s %s: %s\n", action, subject, err.msg);
    return false;
}

static void draw_menu(app *a, ui_ctx *ui, ui_rect body)
{
    theme_metrics m = theme_metrics_for(ui);
    ui_rect head = ui_cut_top(&body, m.main_target);
    ui_cut_top(&body, m.gap);
    ui_rect done = ui_cut_right(&head, head.w / 4 > m.main_target * 2 ? head.w / 4 : m.main_target * 2);
    if (ui_button(ui, "lead.done", done, ui_format(ui, "\xE2\x9C\x94 %s", _("Done")), STYLE_ACCENT, false)) {
        end_lead_mode(a);
        return;
    }
    ui_cut_right(&head, m.gap);
    ui_label(ui, "lead.signed_in", head, ui_format(ui, _("Team lead: %s"), a->lead_name), m.text_large, true,
             THEME_TEXT, UI_ALIGN_LEFT);

    struct {
        const char *id, *icon, *label, *sub, *screen;
        lead_view view;
    } entries[] = {
        { "lead.menu.dagstart", "\xE2\x97\xB7", N_("Daily start"), N_("Run today's stand-up"), "dagstart", LV_MENU },
        { "lead.menu.ideas", "\xE2\x98\xB0", N_("Ideas & feedback"), N_("Move ideas along, answer them"), "ideas",
          LV_MENU },
        { "lead.menu.actions", "\xE2\x98\x91", N_("Actions"), N_("All improvement actions"), "actions", LV_MENU },
        { "lead.menu.review", "\xE2\x96\xA6", N_("Monthly review"), N_("How did the month go?"), "review", LV_MENU },
        { "lead.menu.roster", "\xE2\x98\xBA", N_("Team"), N_("Members, badges, PINs"), "roster", LV_MENU },
        { "lead.menu.settings", "\xE2\x9A\x99", N_("Settings"), N_("Team, places, shifts, days"), "settings",
          LV_MENU },
        { "lead.menu.unlock", "\xE2\x86\xBB", N_("Unlock a lead"), N_("After too many wrong PINs"), NULL, LV_UNLOCK },
        { "lead.menu.audit", "\xE2\x89\xA3", N_("Audit log"), N_("What leads changed"), NULL, LV_AUDIT },
        { "lead.menu.leave", "\xE2\x8F\x8F", N_("Leave the app"), N_("Restart or maintenance"), NULL, LV_LEAVE },
    };
    int n = (int)(sizeof entries / sizeof entries[0]);
    int cols = body.w > body.h * 3 ? 5 : 3;
    int rows = (n + cols - 1) / cols;
    for (int i = 0; i < n; i++) {
        ui_rect r = ui_grid_cell(body, cols, rows, m.gap, i);
        bool tall = r.h >= m.text_title * 2 + m.text_large * 3;
        if (ui_tile(ui, entries[i].id, r, tall ? entries[i].icon : NULL, _(entries[i].label),
                    r.h >= m.text_large * 3 + m.text_body * 2 ? _(entries[i].sub) : NULL,
                    i < 4 ? STYLE_PRIMARY : STYLE_SECONDARY)) {
            if (entries[i].screen) {
                app_go(a, entries[i].screen);
            } else {
                st.view = entries[i].view;
                st.scroll = (ui_scroll){ 0 };
            }
        }
    }
}

static bool back_button(ui_ctx *ui, ui_rect *body)
{
    theme_metrics m = theme_metrics_for(ui);
    ui_rect r = ui_cut_bottom(body, m.main_target);
    ui_cut_bottom(body, m.gap);
    r.w = r.w / 3 > m.main_target * 2 ? r.w / 3 : m.main_target * 2;
    if (ui_button(ui, "lead.back", r, ui_format(ui, "\xE2\x97\x80 %s", _("Lead menu")), STYLE_SECONDARY, false)) {
        st.view = LV_MENU;
        return true;
    }
    return false;
}

static void draw_unlock(app *a, ui_ctx *ui, ui_rect body)
{
    theme_metrics m = theme_metrics_for(ui);
    if (back_button(ui, &body))
        return;
    ui_label(ui, "lead.unlock.title", ui_cut_top(&body, m.text_large * 3 / 2), _("Locked out after wrong PINs"),
             m.text_large, true, THEME_TEXT, UI_ALIGN_LEFT);
    ui_cut_top(&body, m.gap);
    static store_roster_member locked[64];
    int n = 0;
    vb_err err;
    vb_err_clear(&err);
    int64_t now = app_wall_s(a);
    if (store_roster_locked(a->db, now, locked, 64, &n, &err) != VB_OK)
        n = 0;
    if (n == 0) {
        ui_paragraph(ui, "lead.unlock.none", body, _("Nobody is locked out right now."), m.text_body, false,
                     THEME_TEXT, UI_ALIGN_LEFT);
        return;
    }
    int row_h = m.target + m.gap;
    st.scroll.content_h = n * row_h;
    ui_rect pages = ui_cut_right(&body, m.target);
    ui_cut_right(&body, m.gap);
    ui_scroll_page_buttons(ui, "lead.unlock", pages, &st.scroll, body.h);
    ui_scroll_begin(ui, "lead.unlock", body, &st.scroll);
    int first, last;
    ui_scroll_visible_rows(&st.scroll, row_h, body.h, n, &first, &last);
    for (int i = first; i <= last; i++) {
        store_roster_member *l = &locked[i];
        ui_rect r = { body.x, body.y + i * row_h - st.scroll.offset, body.w, m.target };
        if (!lead_ui_row_shown(r, body))
            continue;
        ui_rect b = ui_cut_right(&r, r.w / 3);
        ui_cut_right(&r, m.gap);
        char t[9];
        lead_ui_hhmmss(l->locked_until, t);
        ui_label(ui, ui_format(ui, "lead.unlock.%lld.name", (long long)l->id), r,
                 ui_format(ui, "%s \xC2\xB7 %s", l->name, ui_format(ui, _("locked until %s"), t)), m.text_body, true, THEME_TEXT,
                 UI_ALIGN_LEFT);
        if (ui_button(ui, ui_format(ui, "lead.unlock.%lld", (long long)l->id), b, _("Lift the lockout"),
                      STYLE_PRIMARY, false)) {
            vb_err e2;
            vb_err_clear(&e2);
            vb_code rc = store_member_lift_lockout(a->db, l->id, &e2);
            if (rc == VB_OK) {
                char subject[40];
                snprintf(subject, sizeof subject, "member:%lld", (long long)l->id);
                audit(a, "pin_lockout", subject, ui_format(ui, "lockout of '%s' lifted", l->name));
            }
            lead_ui_result(a, rc, &e2, ui_format(ui, _("The lockout of %s is lifted."), l->name), NULL);
        }
    }
    ui_scroll_end(ui, &st.scroll);
}

static void draw_leave(app *a, ui_ctx *ui, ui_rect body)
{
    (void)a;
    theme_metrics m = theme_metrics_for(ui);
    if (back_button(ui, &body))
        return;
    ui_label(ui, "lead.leave.title", ui_cut_top(&body, m.text_large * 3 / 2), _("Leave the app"), m.text_large,
             true, THEME_TEXT, UI_ALIGN_LEFT);
    ui_cut_top(&body, m.gap);
    if (ui_tile(ui, "lead.leave.restart", ui_grid_cell(body, 2, 1, m.gap * 2, 0), "\xE2\x86\xBB",
                _("Restart the kiosk"), _("It starts again by itself in a few seconds."), STYLE_SECONDARY))
        st.view = LV_CONFIRM_RESTART;
    if (ui_tile(ui, "lead.leave.maintenance", ui_grid_cell(body, 2, 1, m.gap * 2, 1), "\xE2\x9A\x92",
                _("Stop for maintenance"), _("It stays off until it is started on the machine."), STYLE_SECONDARY))
        st.view = LV_CONFIRM_STOP;
}

static void draw_confirm(app *a, ui_ctx *ui, ui_rect body)
{
    theme_metrics m = theme_metrics_for(ui);
    bool stop = st.view == LV_CONFIRM_STOP;
    lead_ui_card(ui, body);
    ui_rect in = ui_inset(body, m.pad * 2);
    ui_rect buttons = ui_cut_bottom(&in, m.main_target);
    int h = ui_paragraph(ui, "lead.leave.question", in,
                         stop ? _("Stop the kiosk for maintenance?") : _("Restart the kiosk now?"), m.text_title,
                         true, THEME_TEXT, UI_ALIGN_LEFT);
    ui_cut_top(&in, h + m.gap);
    ui_paragraph(ui, "lead.leave.explain", in,
                 stop ? _("The screen goes dark and stays off until the technician starts it again on the machine "
                          "(systemctl start verbeterbord). Everything saved stays saved.")
                      : _("The kiosk closes and starts again by itself within a few seconds. Everything saved "
                          "stays saved."),
                 m.text_body, false, THEME_TEXT, UI_ALIGN_LEFT);
    if (ui_button(ui, "lead.leave.cancel", ui_grid_cell(buttons, 2, 1, m.gap * 2, 0), _("Cancel"),
                  STYLE_SECONDARY, false)) {
        st.view = LV_LEAVE;
        return;
    }
    if (ui_button(ui, "lead.leave.confirm", ui_grid_cell(buttons, 2, 1, m.gap * 2, 1),
                  stop ? _("Yes, stop for maintenance") : _("Yes, restart"), stop ? STYLE_DANGER : STYLE_PRIMARY,
                  false)) {
        /* The app stops even when the audit row cannot be written: a lead
         * must be able to stop a kiosk whose database is in trouble. */
        audit(a, "app_exit", "app", stop ? "maintenance" : "restart");
        fprintf(stderr, "verbeterbord: %s by team lead %s\n", stop ? "stopped for maintenance" : "restarting",
                a->lead_name);
        a->exit_code = stop ? APP_EXIT_MAINTENANCE : APP_EXIT_OK;
        a->quit = true;
    }
}

/* The audit action as the lead reads it. */
static const char *action_name(const char *action)
{
    static const struct {
        const char *action, *name;
    } names[] = {
        { "idea_status", N_("Idea status") },      { "lp_feedback", N_("Feedback on a learning point") },
        { "settings", N_("Settings") },            { "roster", N_("Team") },
        { "pin_lockout", N_("Lockout lifted") },   { "app_exit", N_("Left the app") },
        { "idea_merge", N_("Ideas merged") },      { "idea_hide", N_("Idea hidden") },
        { "idea_unhide", N_("Idea shown again") }, { "idea_redact", N_("Idea text redacted") },
        { "idea_delete", N_("Idea deleted") },     { "lp_hide", N_("Learning point hidden") },
        { "lp_unhide", N_("Learning point shown again") },
        { "lp_wall_approve", N_("Approved for the wall") },
        { "lp_wall_withdraw", N_("Taken off the wall") },
        { "lp_redact", N_("Learning point text redacted") },
        { "lp_delete", N_("Learning point deleted") },
        { "lp_feedback_remove", N_("Feedback removed") },
        { "dagstart_open", N_("Daily start opened") },
        { "dagstart_reopen", N_("Daily start reopened") },
        { "dagstart_close", N_("Daily start closed") },
        { "announcement_add", N_("Announcement added") },
        { "announcement_delete", N_("Announcement removed") },
        { "topic_add", N_("Agenda item added") },  { "topic_delete", N_("Agenda item removed") },
        { "action_add", N_("Action created") },    { "action_done", N_("Action done") },
        { "action_drop", N_("Action dropped") },   { "export", N_("Month exported") },
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(names[i].action, action) == 0)
            return _(names[i].name);
    return action;
}

static void draw_audit(app *a, ui_ctx *ui, ui_rect body)
{
    theme_metrics m = theme_metrics_for(ui);
    if (back_button(ui, &body))
        return;
    ui_label(ui, "lead.audit.title", ui_cut_top(&body, m.text_large * 3 / 2),
             _("Audit log: what team leads changed, newest first"), m.text_large, true, THEME_TEXT, UI_ALIGN_LEFT);
    ui_cut_top(&body, m.gap);
    static store_audit_row rows[AUDIT_ROWS];
    int n = 0;
    vb_err err;
    vb_err_clear(&err);
    if (store_audit_list(a->db, NULL, 0, rows, AUDIT_ROWS, &n, &err) != VB_OK)
        n = 0;
    if (n == 0) {
        ui_paragraph(ui, "lead.audit.none", body, _("Nothing recorded yet."), m.text_body, false, THEME_TEXT,
                     UI_ALIGN_LEFT);
        return;
    }
    int line = m.text_body * 5 / 4;
    int row_h = line * 2 + m.gap * 2;
    st.scroll.content_h = n * row_h;
    ui_rect pages = ui_cut_right(&body, m.target);
    ui_cut_right(&body, m.gap);
    ui_scroll_page_buttons(ui, "lead.audit", pages, &st.scroll, body.h);
    ui_scroll_begin(ui, "lead.audit", body, &st.scroll);
    int first, last;
    ui_scroll_visible_rows(&st.scroll, row_h, body.h, n, &first, &last);
    for (int i = first; i <= last; i++) {
        store_audit_row *r = &rows[i];
        int y = body.y + i * row_h - st.scroll.offset;
        vb_local l = vb_local_from_unix(r->at);
        char day[11];
        vb_day_format(l.day, day);
        const char *who = r->lead_id ? r->lead_name : _("command line");
        ui_label(ui, ui_format(ui, "lead.audit.%lld", (long long)r->id), (ui_rect){ body.x, y, body.w, line },
                 ui_format(ui, "%s %02d:%02d \xC2\xB7 %s \xC2\xB7 %s \xC2\xB7 %s", day, l.hour, l.minute, who,
                           action_name(r->action), r->subject),
                 m.text_body, true, THEME_TEXT, UI_ALIGN_LEFT);
        ui_label(ui, NULL, (ui_rect){ body.x, y + line, body.w, line }, r->detail, m.text_body, false,
                 THEME_TEXT_MUTED, UI_ALIGN_LEFT);
        ui_draw_rect(ui, (ui_rect){ body.x, y + row_h - m.gap, body.w, m.border }, THEME_BORDER, 0);
    }
    ui_scroll_end(ui, &st.scroll);
}

/* ---- the screen -------------------------------------------------------------- */

static void lead_draw(app *a, ui_ctx *ui, ui_rect body)
{
    if (!a->db)
        return;
    if (!a->lead_id) {
        draw_sign_in(a, ui, body);
        return;
    }
    switch (st.view) {
    case LV_MENU: draw_menu(a, ui, body); break;
    case LV_UNLOCK: draw_unlock(a, ui, body); break;
    case LV_LEAVE: draw_leave(a, ui, body); break;
    case LV_CONFIRM_RESTART:
    case LV_CONFIRM_STOP: draw_confirm(a, ui, body); break;
    case LV_AUDIT: draw_audit(a, ui, body); break;
    }
}

/* A locked-out lead's keypad comes back by itself when the lockout ends. */
static int64_t lead_deadline(const app *a)
{
    if (a->lead_id || !st.pick_id || !st.locked_until)
        return VB_NO_DEADLINE;
    int64_t left_s = st.locked_until - app_wall_s(a);
    return app_now_ms(a) + (left_s > 0 ? left_s * 1000 : 0);
}

static void lead_tick(app *a)
{
    if (st.locked_until && app_wall_s(a) >= st.locked_until) {
        st.locked_until = 0;
        a->dirty = true;
    }
}

/* Idle reset: typed PIN digits and the picked name go. */
static void lead_discard(app *a)
{
    (void)a;
    memset(st.pin, 0, sizeof st.pin);
    st.pick_id = 0;
    st.message[0] = '\0';
    st.view = LV_MENU;
}

const screen_def screen_lead = {
    .name = "lead",
    .title = N_("Team lead"),
    .draw = lead_draw,
    .enter = lead_enter,
    .discard = lead_discard,
    .deadline = lead_deadline,
    .tick = lead_tick,
    .show_home_button = true,
};

/* actions.c: improvement actions (verbeteracties). After identifying (badge,
 * roster or PIN), a member sees "my actions" and marks one done with a short
 * note; a signed-in team lead sees everyone's actions and can also drop one
 * with a reason. An overdue action stands out in words ("3 days overdue"),
 * with a warning sign and a thick outline, never by colour alone. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/agenda.h"
#include "../core/i18n.h"
#include "../core/textedit.h"
#include "../core/utf8.h"
#include "../store/store_actions.h"
#include "../ui/list.h"
#include "../ui/textfield.h"
#include "../ui/widgets.h"
#include "dagstart.h"
#include "ideas.h"
#include "learning_ui.h"
#include "screens.h"

typedef enum actions_panel { AP_NONE, AP_DONE, AP_DROP } actions_panel;

static struct {
    bool stale;             /* reload before drawing */
    int64_t loaded_member, loaded_lead;
    store_action_filter filter;
    store_action *list;
    int count;
    int open, overdue;      /* counts for the filter chips */
    bool failed;
    ui_scroll scroll;
    actions_panel panel;
    int64_t panel_id;
    char panel_text[ACTION_TEXT_MAX * 4 + 1]; /* the action's description */
    text_edit te;
} st;

static vb_day today_of(const app *a)
{
    return vb_local_from_unix(app_wall_s(a)).day;
}

/* Whose actions: everyone's for a lead, else the identified member's. */
static int64_t owner_filter(const app *a)
{
    return a->lead_id ? 0 : a->member_id;
}

static void reload(app *a)
{
    free(st.list);
    st.list = NULL;
    st.count = 0;
    st.failed = false;
    st.stale = false;
    st.loaded_member = a->member_id;
    st.loaded_lead = a->lead_id;
    if (!a->db || (!a->member_id && !a->lead_id))
        return;
    char today[11];
    vb_day_format(today_of(a), today);
    vb_err err;
    vb_err_clear(&err);
    int64_t owner = owner_filter(a);
    store_action_filter f = st.filter;
    if (f == ACTIONS_OVERDUE && !a->lead_id)
        f = st.filter = ACTIONS_OPEN;
    vb_code rc = store_action_counts(a->db, owner, today, &st.open, &st.overdue, &err);
    if (rc == VB_OK)
        rc = store_action_list(a->db, owner, today, f, f == ACTIONS_CLOSED ? 60 : 500, &st.list, &st.count, &err);
    if (rc != VB_OK) {
        fprintf(stderr, "verbeterbord: actions: %s\n", err.msg);
        st.failed = true;
    }
}

static void actions_enter(app *a)
{
    st.panel = AP_NONE;
    st.filter = ACTIONS_OPEN;
    st.scroll.offset = 0;
    reload(a);
}

static void identified(app *a, void *ctx)
{
    (void)ctx;
    st.stale = true;
    a->dirty = true;
}

static bool actions_has_draft(const app *a)
{
    (void)a;
    return st.panel != AP_NONE && text_edit_has_content(&st.te);
}

static void actions_discard(app *a)
{
    (void)a;
    st.panel = AP_NONE;
    text_edit_clear(&st.te);
}

static const char *origin_words(ui_ctx *ui, const store_action *x)
{
    switch (x->origin) {
    case ACTION_FROM_LEARNING_POINT:
        return x->origin_text[0] ? ui_format(ui, _("From a learning point: %s"), x->origin_text)
                                 : _("From a learning point");
    case ACTION_FROM_IDEA:
        return x->origin_text[0] ? ui_format(ui, _("From an idea: %s"), x->origin_text) : _("From an idea");
    case ACTION_FROM_DAGSTART: return _("From the daily start");
    }
    return "";
}

static void open_panel(actions_panel kind, const store_action *x)
{
    st.panel = kind;
    st.panel_id = x->id;
    utf8_copy(x->description, st.panel_text, sizeof st.panel_text);
    text_edit_init(&st.te, ACTION_TEXT_MAX, false);
}

/* ---- the panel: done with a note, or dropped with a reason ------------------- */

static void draw_panel(app *a, ui_ctx *ui, ui_rect body)
{
    theme_metrics m = theme_metrics_for(ui);
    ui_draw_rect(ui, body, THEME_SURFACE, m.radius);
    ui_draw_border(ui, body, THEME_BORDER, m.border, m.radius);
    ui_rect in = ui_inset(body, m.pad);
    bool drop = st.panel == AP_DROP;
    ui_label(ui, "actions.panel.title", ui_cut_top(&in, m.text_large * 3 / 2),
             drop ? _("Drop this action?") : _("Mark this action as done"), m.text_large, true, THEME_TEXT,
             UI_ALIGN_LEFT);
    int h = ui_paragraph(ui, "actions.panel.action", in, st.panel_text, m.text_large, false, THEME_TEXT, UI_ALIGN_LEFT);
    ui_cut_top(&in, h + m.gap);

    ui_rect row = ui_cut_bottom(&in, m.main_target);
    ui_cut_bottom(&in, m.gap);
    ui_rect cancel = ui_cut_left(&row, row.w / 3);
    ui_cut_left(&row, m.gap);
    bool has_text = text_edit_has_content(&st.te);
    if (ui_button(ui, "actions.panel.cancel", cancel, _("Cancel"), STYLE_SECONDARY, false)) {
        st.panel = AP_NONE;
        return;
    }
    bool save = ui_button(ui, "actions.panel.save", row, drop ? _("Drop the action") : _("\xE2\x9C\x94 Done"),
                          drop ? STYLE_DANGER : STYLE_PRIMARY, drop && !has_text);

    const char *label = drop ? _("Why is it dropped?") : _("A short note (optional)");
    ui_label(ui, NULL, ui_cut_top(&in, m.text_body * 3 / 2), label, m.text_body, true, THEME_TEXT, UI_ALIGN_LEFT);
    int field_h = in.h < m.target * 2 ? in.h : m.target * 2;
    if (ui_text_field(ui, "actions.panel.text", ui_cut_top(&in, field_h), NULL, &st.te, _("Tap to type"), false))
        app_edit_open(a, &st.te, "actions.panel.text", label, NULL, NULL);

    if (!save)
        return;
    char text[ACTION_TEXT_MAX * 4 + 1];
    text_edit_trimmed(&st.te, text, sizeof text);
    vb_err err;
    vb_err_clear(&err);
    vb_code rc = drop ? store_action_drop(a->db, st.panel_id, a->lead_id, text, app_entry_time(a), &err)
                      : store_action_mark_done(a->db, st.panel_id, a->member_id, a->lead_id, text, app_entry_time(a),
                                               &err);
    if (rc == VB_OK) {
        app_notice(a, NOTICE_OK, drop ? _("Action dropped. Saved.") : _("Well done! The action is saved as done."), 5);
        st.panel = AP_NONE;
        text_edit_clear(&st.te);
        reload(a);
        return;
    }
    fprintf(stderr, "verbeterbord: actions: %s\n", err.msg);
    app_notice(a, NOTICE_ERROR,
               rc == VB_ERR_INVALID ? _("NOT saved: this action was already closed, or the text is too long.")
                                    : _("NOT saved: the database refused it. Your note is still here; try again."),
               8);
    if (rc == VB_ERR_INVALID)
        reload(a);
}

/* ---- the list ------------------------------------------------------------------- */

static void draw_row(app *a, ui_ctx *ui, ui_rect r, const store_action *x, vb_day today)
{
    theme_metrics m = theme_metrics_for(ui);
    vb_day due;
    bool has_due = vb_day_parse(x->due_day, &due);
    bool open = x->status == ACTION_OPEN;
    bool overdue = open && has_due && agenda_overdue_days(due, today) > 0;
    ui_draw_rect(ui, r, THEME_SURFACE, m.radius);
    ui_draw_border(ui, r, overdue ? THEME_DANGER : THEME_BORDER, overdue ? m.border * 3 : m.border, m.radius);
    ui_rect in = ui_inset(r, m.pad / 2 + m.border * 3); /* clear of the thick outline of an overdue one */
    if (open) {
        bool can_done = a->lead_id || x->owner_id == a->member_id;
        ui_rect buttons = ui_cut_right(&in, m.main_target * 5 / 2);
        ui_cut_right(&in, m.gap / 2);
        ui_rect done_b = buttons, drop_b = buttons;
        if (a->lead_id) {
            done_b.h = (buttons.h - m.gap / 2) / 2;
            drop_b.y = done_b.y + done_b.h + m.gap / 2;
            drop_b.h = buttons.h - done_b.h - m.gap / 2;
        }
        if (can_done && ui_button(ui, ui_format(ui, "actions.done.%" PRId64, x->id), done_b, _("\xE2\x9C\x94 Done"),
                                  STYLE_PRIMARY, false))
            open_panel(AP_DONE, x);
        if (a->lead_id && ui_button(ui, ui_format(ui, "actions.drop.%" PRId64, x->id), drop_b, _("Drop"),
                                    STYLE_QUIET, false))
            open_panel(AP_DROP, x);
    }
    int line = m.text_large * 5 / 4;
    ui_rect meta = ui_cut_bottom(&in, line);
    ui_rect origin = ui_cut_bottom(&in, m.text_body * 5 / 4);
    ui_paragraph(ui, ui_format(ui, "actions.item.%" PRId64, x->id), in, x->description, m.text_large, true, THEME_TEXT,
                 UI_ALIGN_LEFT);
    ui_label(ui, NULL, origin, origin_words(ui, x), m.text_body, false, THEME_TEXT, UI_ALIGN_LEFT);
    const char *state;
    if (open) {
        state = has_due ? dagstart_due_text(ui, due, today) : x->due_day;
    } else {
        char closed_day[11];
        vb_day_format(vb_local_from_unix(x->closed_at).day, closed_day);
        const char *when = learning_ui_day(ui, closed_day);
        state = x->status == ACTION_DONE ? ui_format(ui, "\xE2\x9C\x94 %s %s", _("Done"), when)
                                         : ui_format(ui, "\xE2\x9C\x98 %s %s", _("Dropped"), when);
        if (x->note[0])
            state = ui_format(ui, "%s: %s", state, x->note);
    }
    if (a->lead_id)
        state = ui_format(ui, "%s \xC2\xB7 %s", x->owner_name, state);
    ui_label(ui, ui_format(ui, "actions.state.%" PRId64, x->id), meta, state, m.text_large, overdue,
             overdue ? THEME_DANGER : THEME_TEXT, UI_ALIGN_LEFT);
}

static void draw_prompt(app *a, ui_ctx *ui, ui_rect body)
{
    theme_metrics m = theme_metrics_for(ui);
    ui_rect card = body;
    ui_draw_rect(ui, card, THEME_SURFACE, m.radius);
    ui_draw_border(ui, card, THEME_BORDER, m.border, m.radius);
    ui_rect in = ui_inset(card, m.pad * 2);
    int h = ui_paragraph(ui, "actions.prompt", in, _("Whose actions? Scan your badge or tap below to see the actions you own."),
                         m.text_large, true, THEME_TEXT, UI_ALIGN_LEFT);
    ui_cut_top(&in, h + m.gap);
    ui_rect lead = ui_cut_bottom(&in, m.target);
    ui_cut_bottom(&in, m.gap);
    ui_rect me = ui_cut_top(&in, m.main_target * 3 / 2);
    if (ui_button(ui, "actions.identify", me, _("Show my actions"), STYLE_PRIMARY, false))
        app_identify(a, false, identified, NULL);
    if (ui_button(ui, "actions.lead", ui_cut_left(&lead, lead.w / 2), _("Team lead: all actions"), STYLE_QUIET, false))
        app_require_lead(a, "actions");
}

static void actions_draw(app *a, ui_ctx *ui, ui_rect body)
{
    theme_metrics m = theme_metrics_for(ui);
    if (st.stale || st.loaded_member != a->member_id || st.loaded_lead != a->lead_id)
        reload(a);
    if (!a->member_id && !a->lead_id) {
        draw_prompt(a, ui, body);
        return;
    }
    if (st.panel != AP_NONE) {
        draw_panel(a, ui, body);
        return;
    }
    /* who, and the filters */
    ui_rect head = ui_cut_top(&body, m.target);
    ui_cut_top(&body, m.gap / 2);
    if (!a->lead_id) {
        ui_rect not_me = ui_cut_right(&head, m.main_target * 3);
        ui_cut_right(&head, m.gap);
        if (ui_button(ui, "actions.not_me", not_me, _("Not me"), STYLE_QUIET, false)) {
            app_end_session(a);
            return;
        }
    }
    int nchips = a->lead_id ? 3 : 2;
    ui_rect chips = ui_cut_right(&head, head.w * (a->lead_id ? 3 : 2) / 5);
    ui_cut_right(&head, m.gap);
    const char *who = a->lead_id ? _("All actions of the team") : ui_format(ui, _("Actions of %s"), a->member_name);
    ui_label(ui, "actions.title", head, who, m.text_large, true, THEME_TEXT, UI_ALIGN_LEFT);
    struct {
        store_action_filter f;
        const char *label;
    } filters[3] = {
        { ACTIONS_OPEN, ui_format(ui, _("Open (%d)"), st.open) },
        { ACTIONS_OVERDUE, ui_format(ui, _("\xE2\x9A\xA0 Overdue (%d)"), st.overdue) },
        { ACTIONS_CLOSED, _("Done") },
    };
    for (int i = 0, k = 0; i < 3; i++) {
        if (filters[i].f == ACTIONS_OVERDUE && !a->lead_id)
            continue;
        static const char *const ids[] = { "actions.filter.open", "actions.filter.overdue", "actions.filter.closed" };
        if (ui_chip(ui, ids[i], ui_grid_cell(chips, nchips, 1, m.gap / 2, k++), NULL, filters[i].label,
                    st.filter == filters[i].f)) {
            st.filter = filters[i].f;
            st.scroll.offset = 0;
            reload(a);
        }
    }
    if (st.failed) {
        screen_placeholder(ui, body, "actions.error",
                           _("The actions could not be read from the database. Try again in a moment."));
        return;
    }
    if (st.count == 0) {
        const char *empty = st.filter == ACTIONS_CLOSED ? _("No actions done yet.")
                            : st.filter == ACTIONS_OVERDUE ? _("Nothing is overdue.")
                                                           : _("No open actions. Nice work!");
        ui_paragraph(ui, "actions.empty", ui_inset(body, m.pad), empty, m.text_large, true, THEME_TEXT, UI_ALIGN_LEFT);
        return;
    }
    int row_h = m.text_large * 15 / 4 + m.text_body * 5 / 4 + m.pad + m.border * 6;
    if (a->lead_id && row_h < 2 * m.target + m.gap / 2 + m.pad + m.border * 6)
        row_h = 2 * m.target + m.gap / 2 + m.pad + m.border * 6; /* two buttons of 15 mm */
    ui_rect pages = ui_cut_right(&body, m.target);
    ui_cut_right(&body, m.gap / 2);
    st.scroll.content_h = st.count * (row_h + m.gap / 2);
    ui_scroll_page_buttons(ui, "actions.list", pages, &st.scroll, body.h);
    ui_scroll_begin(ui, "actions.list", body, &st.scroll);
    int from = ui->element_count;
    int first, last;
    ui_scroll_visible_rows(&st.scroll, row_h + m.gap / 2, body.h, st.count, &first, &last);
    vb_day today = today_of(a);
    for (int i = first; i <= last; i++) {
        ui_rect r = { body.x, body.y - st.scroll.offset + i * (row_h + m.gap / 2), body.w, row_h };
        draw_row(a, ui, r, &st.list[i], today);
        if (st.panel != AP_NONE)
            break; /* a button opened the panel: the list changes next frame */
    }
    ideas_prune_elements(ui, from, body); /* half-shown rows are not in the automation view */
    ui_scroll_end(ui, &st.scroll);
}

const screen_def screen_actions = {
    .name = "actions",
    .title = N_("Actions"),
    .draw = actions_draw,
    .enter = actions_enter,
    .has_draft = actions_has_draft,
    .discard = actions_discard,
    .show_home_button = true,
};

/* learning_lead.c: the team lead's panel for one learning point (screen
 * "learning_lead", lead only): its texts, category and day, whether it is
 * anonymous, hidden, and approved for the wall; hide / show again, approve
 * its text for the wall / take it off, redact a part of a text (with a
 * preview), delete it for a privacy request (two steps, naming the backups
 * that still hold it and when they expire), and the list of hidden points
 * to show one again. Opened from a row of the learning-point list while a
 * lead is signed in (learning_lead_row_button). */
#include <stdio.h>
#include <string.h>

#include "../core/category.h"
#include "../core/date.h"
#include "../core/deadline.h"
#include "../core/i18n.h"
#include "../core/utf8.h"
#include "../ui/widgets.h"
#include "lead_ui.h"
#include "learning_ui.h"
#include "moderation.h"

#define HIDDEN_ROWS 12

typedef enum lp_mode { PM_MAIN, PM_REDACT, PM_DELETE, PM_HIDDEN } lp_mode;

static struct {
    char id[17];
    bool stale, found;
    lp_moderation p;
    int hidden_count;
    char error[200];
    lp_mode mode;
    mod_guard guard;
    mod_redact redact;
    mod_delete del;
    mod_flush flush;
    lp_moderation hidden[HIDDEN_ROWS];
    int hidden_n;
} st;

void learning_lead_show(app *a, const char *lp_id)
{
    utf8_copy(lp_id ? lp_id : "", st.id, sizeof st.id);
    st.stale = true;
    st.mode = PM_MAIN;
    app_require_lead(a, "learning_lead");
}

static void lp_enter(app *a)
{
    (void)a;
    st.stale = true;
    if (st.mode != PM_DELETE || st.del.step != 3)
        st.mode = PM_MAIN;
}

static void load(app *a)
{
    vb_err err;
    vb_err_clear(&err);
    st.stale = false;
    st.found = false;
    st.error[0] = '\0';
    if (!a->db) {
        utf8_copy(_("This learning point cannot be read right now. Try again in a moment."), st.error, sizeof st.error);
        return;
    }
    if (!st.id[0]) {
        /* opened without a choice (--screen learning_lead): the newest point */
        lp_row top;
        int n = 0;
        if (store_learning_list(a->db, 0, 0, 1, 0, &top, &n, &err) == VB_OK && n == 1)
            utf8_copy(top.id, st.id, sizeof st.id);
    }
    vb_code rc = store_lp_moderation_get(a->db, st.id, &st.p, &err);
    if (rc == VB_OK) {
        st.found = true;
    } else if (rc == VB_ERR_NOTFOUND) {
        utf8_copy(_("This learning point no longer exists."), st.error, sizeof st.error);
    } else {
        fprintf(stderr, "verbeterbord: learning point %s: %s\n", st.id, err.msg);
        utf8_copy(_("This learning point cannot be read right now. Try again in a moment."), st.error, sizeof st.error);
    }
    if (store_lps_hidden_count(a->db, &st.hidden_count, &err) != VB_OK)
        st.hidden_count = 0;
}

static bool button(app *a, ui_ctx *ui, const char *id, ui_rect r, const char *label, theme_style style,
                   bool disabled)
{
    return mod_button(a, ui, &st.guard, id, r, label, style, disabled);
}

static void changed(app *a)
{
    st.stale = true;
    st.mode = PM_MAIN;
    mod_guard_set(a, &st.guard);
}

static int64_t day_start(const char *ymd)
{
    vb_day d;
    return vb_day_parse(ymd, &d) ? vb_day_start_unix(d) : 0;
}

/* ---- the point and what the lead can do ------------------------------------------- */

static void draw_point(ui_ctx *ui, ui_rect r)
{
    theme_metrics m = theme_metrics_for(ui);
    const lp_moderation *p = &st.p;
    int line = m.text_body * 5 / 4;
    const char *head = ui_format(ui, "%s %s  \xC2\xB7  %s  \xC2\xB7  %s", category_icon(p->category_code),
                                 category_display_name(p->category_code, p->category_label),
                                 learning_ui_day(ui, p->day), p->anonymous ? _("anonymous") : _("signed"));
    ui_label(ui, "learning_lead.head", ui_cut_top(&r, line), head, m.text_body, true, THEME_TEXT, UI_ALIGN_LEFT);
    ui_cut_top(&r, m.gap / 2);
    ui_label(ui, "learning_lead.state", ui_cut_top(&r, line),
             ui_format(ui, "%s  \xC2\xB7  %s",
                       p->hidden ? _("\xE2\x9A\xA0 Hidden from the lists and the wall") : _("\xE2\x97\x89 In the list"),
                       p->wall_approved ? _("\xE2\x9C\x94 Text approved for the wall")
                                        : _("\xE2\x97\x8B Text not on the wall")),
             m.text_body, true, THEME_TEXT, UI_ALIGN_LEFT);
    ui_cut_top(&r, m.gap);
    if (p->what_happened[0]) {
        ui_label(ui, "learning_lead.what_label", ui_cut_top(&r, line), _("What happened"), m.text_body, true,
                 THEME_TEXT_MUTED, UI_ALIGN_LEFT);
        int h = ui_paragraph(ui, "learning_lead.what", r, p->what_happened, m.text_large, false, THEME_TEXT,
                             UI_ALIGN_LEFT);
        ui_cut_top(&r, h + m.gap / 2);
    }
    if (p->lesson[0] && r.h > line) {
        ui_label(ui, "learning_lead.lesson_label", ui_cut_top(&r, line), _("What we learn"), m.text_body, true,
                 THEME_TEXT_MUTED, UI_ALIGN_LEFT);
        ui_paragraph(ui, "learning_lead.lesson", r, p->lesson, m.text_large, false, THEME_TEXT, UI_ALIGN_LEFT);
    }
}

static void set_flag(app *a, bool wall, bool on)
{
    vb_err err;
    vb_err_clear(&err);
    vb_code rc = wall ? store_lp_set_wall(a->db, st.id, on, a->lead_id, app_entry_time(a), &err)
                      : store_lp_set_hidden(a->db, st.id, on, a->lead_id, app_entry_time(a), &err);
    const char *ok = wall ? (on ? _("The text is approved for the wall.") : _("The text is off the wall."))
                          : (on ? _("Hidden: kept, but gone from the list and the wall.")
                                : _("Shown again in the list."));
    if (lead_ui_result(a, rc, &err, ok, NULL))
        changed(a);
}

static void draw_main(app *a, ui_ctx *ui, ui_rect body)
{
    theme_metrics m = theme_metrics_for(ui);
    int side_w = body.w / 3 > ui_mm(ui, 62) ? body.w / 3 : ui_mm(ui, 62);
    ui_rect side = ui_cut_right(&body, side_w);
    ui_cut_right(&body, m.gap);
    lead_ui_card(ui, body);
    draw_point(ui, ui_inset(body, m.pad));

    ui_rect back = ui_cut_bottom(&side, m.target);
    ui_cut_bottom(&side, m.gap);
    if (button(a, ui, "learning_lead.back", back, ui_format(ui, "\xE2\x97\x80 %s", _("Back to the list")),
               STYLE_SECONDARY, false)) {
        app_go(a, "learning_list");
        return;
    }
    int bh = (side.h - 4 * m.gap) / 5;
    if (bh > m.main_target)
        bh = m.main_target;
    if (bh < m.target)
        bh = m.target;
    const lp_moderation *p = &st.p;
    ui_rect r = ui_cut_top(&side, bh);
    ui_cut_top(&side, m.gap);
    if (button(a, ui, "learning_lead.wall", r,
               p->wall_approved ? ui_format(ui, "\xE2\x97\x8B %s", _("Take the text off the wall"))
                                : ui_format(ui, "\xE2\x9C\x94 %s", _("Approve the text for the wall")),
               p->wall_approved ? STYLE_SECONDARY : STYLE_PRIMARY, p->hidden && !p->wall_approved)) {
        set_flag(a, true, !p->wall_approved);
        return;
    }
    r = ui_cut_top(&side, bh);
    ui_cut_top(&side, m.gap);
    if (button(a, ui, p->hidden ? "learning_lead.unhide" : "learning_lead.hide", r,
               p->hidden ? ui_format(ui, "\xE2\x97\x89 %s", _("Show in the list again"))
                         : ui_format(ui, "\xE2\x97\x8C %s", _("Hide from the list and the wall")),
               STYLE_SECONDARY, false)) {
        set_flag(a, false, !p->hidden);
        return;
    }
    r = ui_cut_top(&side, bh);
    ui_cut_top(&side, m.gap);
    if (button(a, ui, "learning_lead.redact", r, ui_format(ui, "\xE2\x9C\x8E %s", _("Remove a name\xE2\x80\xA6")),
               STYLE_SECONDARY, false)) {
        mod_redact_reset(&st.redact);
        st.redact.field = p->what_happened[0] ? 0 : 1;
        st.mode = PM_REDACT;
        return;
    }
    r = ui_cut_top(&side, bh);
    ui_cut_top(&side, m.gap);
    if (button(a, ui, "learning_lead.delete", r,
               ui_format(ui, "\xE2\x9C\x96 %s", _("Delete (privacy request)\xE2\x80\xA6")), STYLE_DANGER, false)) {
        mod_delete_open(a, &st.del, day_start(p->day));
        st.mode = PM_DELETE;
        return;
    }
    r = ui_cut_top(&side, bh);
    if (button(a, ui, "learning_lead.hidden_list", r, ui_format(ui, _("Hidden learning points (%d)"), st.hidden_count),
               STYLE_QUIET, st.hidden_count == 0)) {
        vb_err err;
        vb_err_clear(&err);
        if (store_lps_hidden(a->db, st.hidden, HIDDEN_ROWS, &st.hidden_n, &err) != VB_OK) {
            fprintf(stderr, "verbeterbord: hidden learning points: %s\n", err.msg);
            st.hidden_n = 0;
        }
        st.mode = PM_HIDDEN;
    }
}

static void draw_redact(app *a, ui_ctx *ui, ui_rect body)
{
    const char *labels[MOD_FIELDS_MAX] = { _("What happened"), _("What we learn") };
    const char *texts[MOD_FIELDS_MAX] = { st.p.what_happened, st.p.lesson };
    mod_result r = mod_redact_panel(a, ui, body, "learning_lead", &st.redact, labels, texts, 2);
    if (r == MOD_CANCEL) {
        st.mode = PM_MAIN;
    } else if (r == MOD_APPLY) {
        char part[TEXTEDIT_MAX_BYTES];
        text_edit_trimmed(&st.redact.part, part, sizeof part);
        int replaced = 0;
        bool cleared = false;
        vb_err err;
        vb_err_clear(&err);
        vb_code rc = store_lp_redact(a->db, st.id, st.redact.field == 0 ? REDACT_LP_WHAT : REDACT_LP_LESSON, part,
                                     a->lead_id, app_entry_time(a), &replaced, &cleared, &err);
        char ok[300];
        vb_fmt(ok, sizeof ok, "%s %s",
               ui_format(ui, i18n_plural("Redacted: %d place now reads %s.", "Redacted: %d places now read %s.",
                                         (unsigned long)replaced),
                         replaced, FLOW_REDACTED),
               mod_wal_words(cleared));
        if (lead_ui_result(a, rc, &err, ok, _("the text would become too long, or the part is no longer in it."))) {
            mod_flush_after(a, &st.flush, cleared);
            changed(a);
        }
    }
}

static void draw_delete(app *a, ui_ctx *ui, ui_rect body)
{
    const char *name = st.p.what_happened[0] ? st.p.what_happened : st.p.lesson;
    mod_result r = mod_delete_panel(a, ui, body, "learning_lead", &st.del,
                                    _("Delete this learning point for a privacy request?"), name,
                                    _("The learning point and its \xE2\x80\x9Cthis happened to me too\xE2\x80\x9D marks "
                                      "are removed; actions that came from it stay."));
    if (r == MOD_CANCEL) {
        if (st.del.step == 3) {
            st.del.step = 0;
            st.mode = PM_MAIN;
            app_go(a, "learning_list");
        } else {
            st.mode = PM_MAIN;
        }
    } else if (r == MOD_APPLY) {
        bool cleared = false;
        vb_err err;
        vb_err_clear(&err);
        vb_code rc = store_lp_delete(a->db, st.id, a->lead_id, app_entry_time(a), &cleared, &err);
        if (lead_ui_result(a, rc, &err, _("Deleted for the privacy request."), NULL)) {
            mod_delete_step(a, &st.del, 3);
            st.del.wal_cleared = cleared;
            mod_flush_after(a, &st.flush, cleared);
            st.found = false;
            mod_guard_set(a, &st.guard);
        }
    }
}

/* Makes another point (one of P.hidden) the one the panel shows. */
static void select_point(const char *id)
{
    char copy[sizeof st.id];
    utf8_copy(id, copy, sizeof copy);
    memcpy(st.id, copy, sizeof st.id);
}

static void draw_hidden(app *a, ui_ctx *ui, ui_rect body)
{
    theme_metrics m = theme_metrics_for(ui);
    ui_rect back = ui_cut_bottom(&body, m.target);
    ui_cut_bottom(&body, m.gap);
    back.w = ui_mm(ui, 70);
    if (button(a, ui, "learning_lead.hidden.back", back, ui_format(ui, "\xE2\x97\x80 %s", _("Back")), STYLE_SECONDARY,
               false)) {
        st.mode = PM_MAIN;
        return;
    }
    ui_label(ui, "learning_lead.hidden.head", ui_cut_top(&body, m.text_large * 5 / 4),
             _("Hidden learning points: kept, but not in the list or on the wall"), m.text_large, true, THEME_TEXT,
             UI_ALIGN_LEFT);
    ui_cut_top(&body, m.gap / 2);
    if (st.hidden_n == 0) {
        ui_paragraph(ui, "learning_lead.hidden.none", body, _("No learning point is hidden."), m.text_body, false,
                     THEME_TEXT, UI_ALIGN_LEFT);
        return;
    }
    for (int i = 0; i < st.hidden_n && body.h >= m.target; i++) {
        const lp_moderation *h = &st.hidden[i];
        ui_rect r = ui_cut_top(&body, m.target);
        ui_cut_top(&body, m.gap / 2);
        ui_rect show = ui_cut_right(&r, ui_mm(ui, 55));
        ui_cut_right(&r, m.gap);
        ui_rect open = ui_cut_right(&r, ui_mm(ui, 40));
        ui_cut_right(&r, m.gap);
        ui_label(ui, ui_format(ui, "learning_lead.hidden.%s", h->id), r,
                 ui_format(ui, "%s  \xC2\xB7  %s", learning_ui_day(ui, h->day),
                           h->what_happened[0] ? h->what_happened : h->lesson),
                 m.text_body, true, THEME_TEXT, UI_ALIGN_LEFT);
        if (button(a, ui, ui_format(ui, "learning_lead.hidden.open.%s", h->id), open, _("View"), STYLE_SECONDARY,
                   false)) {
            select_point(h->id);
            changed(a);
            return;
        }
        if (button(a, ui, ui_format(ui, "learning_lead.hidden.show.%s", h->id), show, _("Show again"), STYLE_PRIMARY,
                   false)) {
            select_point(h->id);
            set_flag(a, false, false);
            return;
        }
    }
}

static void lp_draw(app *a, ui_ctx *ui, ui_rect body)
{
    if (!lead_ui_gate(a, "learning_lead"))
        return;
    theme_metrics m = theme_metrics_for(ui);
    if (st.mode == PM_DELETE && st.del.step == 3) {
        draw_delete(a, ui, body);
        return;
    }
    if (st.stale)
        load(a);
    if (!st.found) {
        ui_rect back = ui_cut_bottom(&body, m.target);
        back.w = ui_mm(ui, 70);
        ui_paragraph(ui, "learning_lead.error", ui_inset(body, m.pad), st.error, m.text_large, true, THEME_TEXT,
                     UI_ALIGN_LEFT);
        if (ui_button(ui, "learning_lead.back", back, ui_format(ui, "\xE2\x97\x80 %s", _("Back to the list")),
                      STYLE_SECONDARY, false))
            app_go(a, "learning_list");
        return;
    }
    switch (st.mode) {
    case PM_MAIN: draw_main(a, ui, body); break;
    case PM_REDACT: draw_redact(a, ui, body); break;
    case PM_DELETE: draw_delete(a, ui, body); break;
    case PM_HIDDEN: draw_hidden(a, ui, body); break;
    }
}

static bool lp_has_draft(const app *a)
{
    (void)a;
    return st.mode == PM_REDACT && text_edit_has_content(&st.redact.part);
}

static void lp_discard(app *a)
{
    (void)a;
    st.mode = PM_MAIN;
    text_edit_clear(&st.redact.part);
}

static int64_t lp_deadline(const app *a)
{
    (void)a;
    return VB_NO_DEADLINE; /* the clean-up runs in the app (app_privacy_job) */
}

static void lp_tick(app *a)
{
    if (mod_flush_done(a, &st.flush))
        st.del.wal_cleared = true;
}

const screen_def screen_learning_lead = {
    .name = "learning_lead",
    .title = N_("Team lead: learning point"),
    .draw = lp_draw,
    .enter = lp_enter,
    .has_draft = lp_has_draft,
    .discard = lp_discard,
    .show_home_button = true,
    .deadline = lp_deadline,
    .tick = lp_tick,
};

/* receipt.c: following a learning point by its receipt code. Whoever
 * logged it (anonymously or not) types the code from the home screen and
 * sees what became of it: discussed at which daily start, the actions that
 * came from it (with status and due day) and the team lead's feedback. The
 * editor with the on-screen keyboard opens at once; lower case and a
 * missing dash are fine. Nobody needs to identify: the code is the key. */
#include <stdio.h>
#include <string.h>

#include "../core/category.h"
#include "../core/i18n.h"
#include "../core/textedit.h"
#include "../core/utf8.h"
#include "../store/store_learning.h"
#include "../ui/textfield.h"
#include "../ui/widgets.h"
#include "learning_ui.h"
#include "screens.h"

#define RC_CODE_MAX_CHARS 12 /* "KX7-4MP" with room for stray spaces */

typedef enum rc_state { RC_NONE, RC_FOUND, RC_UNKNOWN, RC_INVALID, RC_FAILED } rc_state;

static struct {
    text_edit code;
    char looked_up[TEXTEDIT_MAX_BYTES]; /* the text the result is for */
    rc_state state;
    lp_receipt_view view;
} st;

static void rc_reset(void)
{
    memset(&st, 0, sizeof st);
    text_edit_init(&st.code, RC_CODE_MAX_CHARS, false);
}

static void rc_look_up(app *a)
{
    utf8_copy(st.code.text, st.looked_up, sizeof st.looked_up);
    if (!text_edit_has_content(&st.code)) {
        st.state = RC_NONE;
        return;
    }
    vb_err err;
    vb_code rc = a->db ? store_learning_by_receipt(a->db, st.code.text, &st.view, &err) : VB_ERR_IO;
    switch (rc) {
    case VB_OK:
        /* show the code as it is written on the receipt */
        text_edit_set(&st.code, st.view.receipt);
        utf8_copy(st.code.text, st.looked_up, sizeof st.looked_up);
        st.state = RC_FOUND;
        break;
    case VB_ERR_NOTFOUND: st.state = RC_UNKNOWN; break;
    case VB_ERR_INVALID: st.state = RC_INVALID; break;
    default:
        fprintf(stderr, "verbeterbord: receipt look-up: %s\n", a->db ? err.msg : "no database");
        st.state = RC_FAILED;
        break;
    }
}

static const char *rc_explanation(void)
{
    return _("You got a code when you logged a learning point. Type it here to see whether it was discussed, what "
             "actions came from it and what the team lead answered.");
}

/* In the editor, between the code and the keyboard: what the code is for. */
static void rc_editor_explain(app *a, ui_ctx *ui, ui_rect area, void *ctx)
{
    (void)a;
    (void)ctx;
    theme_metrics m = theme_metrics_for(ui);
    ui_paragraph(ui, "receipt.editor_explain", area, rc_explanation(), m.text_body, false, THEME_TEXT,
                 UI_ALIGN_LEFT);
}

static void rc_open_editor(app *a)
{
    app_edit_open(a, &st.code, "receipt.code", _("Your code (for example KX7-4MP)"), rc_editor_explain, NULL);
}

/* One heading + text block in the result card; returns nothing, moves *in. */
static void rc_block(ui_ctx *ui, ui_rect *in, const char *id, const char *heading, const char *text, ui_color color)
{
    theme_metrics m = theme_metrics_for(ui);
    if (heading) {
        ui_rect h = ui_cut_top(in, m.text_body * 5 / 4);
        ui_label(ui, ui_format(ui, "%s.heading", id), h, heading, m.text_body, true, THEME_TEXT_MUTED,
                 UI_ALIGN_LEFT);
    }
    int used = ui_paragraph(ui, id, *in, text, m.text_large, false, color, UI_ALIGN_LEFT);
    ui_cut_top(in, used + m.gap);
}

static void rc_draw_found(ui_ctx *ui, ui_rect card)
{
    theme_metrics m = theme_metrics_for(ui);
    const lp_row *p = &st.view.point;
    ui_draw_rect(ui, card, THEME_SURFACE, m.radius);
    ui_draw_border(ui, card, THEME_BORDER, m.border, m.radius);
    ui_rect in = ui_inset(card, m.pad * 2);
    ui_clip_push(ui, card);

    /* what it was about */
    const char *place = p->place[0] ? ui_format(ui, "  \xC2\xB7  %s", p->place) : "";
    const char *head = ui_format(ui, "%s %s%s  \xC2\xB7  %s", category_icon(p->category.code),
                                 category_display_name(p->category.code, p->category.label), place,
                                 learning_ui_day(ui, p->day));
    ui_label(ui, "receipt.point", ui_cut_top(&in, m.text_large * 5 / 4), head, m.text_large, true, THEME_TEXT,
             UI_ALIGN_LEFT);
    ui_cut_top(&in, m.gap / 2);
    if (p->what_happened[0]) {
        int h = ui_paragraph(ui, "receipt.what", in, p->what_happened, m.text_body, false, THEME_TEXT, UI_ALIGN_LEFT);
        ui_cut_top(&in, h);
    }
    if (p->lesson[0]) {
        int h = ui_paragraph(ui, "receipt.lesson", in, ui_format(ui, "\xE2\x86\x92 %s", p->lesson), m.text_body,
                             false, THEME_TEXT_MUTED, UI_ALIGN_LEFT);
        ui_cut_top(&in, h);
    }
    ui_cut_top(&in, m.gap);
    ui_draw_rect(ui, ui_cut_top(&in, m.border), THEME_BORDER, 0);
    ui_cut_top(&in, m.gap);

    /* what became of it */
    const char *discussed;
    if (p->discussed_day[0])
        discussed = ui_format(ui, _("\xE2\x9C\x94 Discussed at the daily start of %s."),
                              learning_ui_day(ui, p->discussed_day));
    else
        discussed = ui_format(ui, _("\xE2\x97\x8B Not discussed yet. It is on the agenda of the daily start of %s."),
                              learning_ui_day(ui, p->dagstart_day));
    rc_block(ui, &in, "receipt.discussed", NULL, discussed, THEME_TEXT);

    if (st.view.action_count == 0) {
        rc_block(ui, &in, "receipt.actions", NULL, _("No action has come from it (yet)."), THEME_TEXT);
    } else {
        ui_rect h = ui_cut_top(&in, m.text_body * 5 / 4);
        ui_label(ui, "receipt.actions.heading", h,
                 ui_format(ui, i18n_plural("It turned into %d action:", "It turned into %d actions:",
                                           (unsigned long)p->actions),
                           p->actions),
                 m.text_body, true, THEME_TEXT_MUTED, UI_ALIGN_LEFT);
        for (int i = 0; i < st.view.action_count; i++) {
            const lp_action *ac = &st.view.actions[i];
            const char *line = ui_format(ui, _("\xE2\x9E\x9C %s \xE2\x80\x94 %s, due %s"), ac->description,
                                         learning_ui_action_status(ac->status), learning_ui_day(ui, ac->due_day));
            int used = ui_paragraph(ui, ui_format(ui, "receipt.action.%d", i), in, line, m.text_large, false,
                                    THEME_TEXT, UI_ALIGN_LEFT);
            ui_cut_top(&in, used);
        }
        ui_cut_top(&in, m.gap);
    }
    if (p->feedback[0])
        rc_block(ui, &in, "receipt.feedback", _("Feedback from the team lead"), p->feedback, THEME_TEXT);
    else
        rc_block(ui, &in, "receipt.feedback", NULL, _("No feedback from the team lead yet."), THEME_TEXT);
    if (p->hidden)
        rc_block(ui, &in, "receipt.hidden", NULL, _("The team lead has taken it off the public list."),
                 THEME_TEXT_MUTED);
    ui_clip_pop(ui);
}

static void receipt_draw(app *a, ui_ctx *ui, ui_rect body)
{
    theme_metrics m = theme_metrics_for(ui);
    /* the editor just closed with new text: look it up */
    if (strcmp(st.looked_up, st.code.text) != 0)
        rc_look_up(a);

    ui_rect top = ui_cut_top(&body, m.text_body * 3 / 2 + m.gap / 2 + m.main_target);
    ui_cut_top(&body, m.gap);
    ui_rect button = ui_cut_right(&top, top.w / 3);
    ui_cut_right(&top, m.gap);
    if (ui_text_field(ui, "receipt.code", top, _("Your code"), &st.code, _("for example KX7-4MP"), false))
        rc_open_editor(a);
    button.y += button.h - m.main_target;
    button.h = m.main_target;
    if (ui_button(ui, "receipt.look_up", button, _("Look up"), STYLE_PRIMARY, false)) {
        if (text_edit_has_content(&st.code))
            rc_look_up(a);
        else
            rc_open_editor(a);
    }

    switch (st.state) {
    case RC_FOUND:
        rc_draw_found(ui, body);
        break;
    case RC_UNKNOWN:
        ui_paragraph(ui, "receipt.unknown", body,
                     ui_format(ui,
                               _("\xE2\x9A\xA0 No learning point has the code %s. Check the letters and numbers and "
                                 "try again. (Codes never contain 0, O, 1, I or L.)"),
                               st.view.receipt),
                     m.text_large, true, THEME_DANGER, UI_ALIGN_LEFT);
        break;
    case RC_INVALID:
        ui_paragraph(ui, "receipt.invalid", body,
                     _("\xE2\x9A\xA0 That is not a code. A code has six letters and numbers, like KX7-4MP. It never "
                       "contains 0, O, 1, I or L."),
                     m.text_large, true, THEME_DANGER, UI_ALIGN_LEFT);
        break;
    case RC_FAILED:
        ui_paragraph(ui, "receipt.failed", body,
                     _("\xE2\x9A\xA0 The learning points cannot be read right now. Try again in a moment."),
                     m.text_large, true, THEME_DANGER, UI_ALIGN_LEFT);
        break;
    case RC_NONE:
        ui_paragraph(ui, "receipt.explain", body, rc_explanation(), m.text_large, false, THEME_TEXT,
                     UI_ALIGN_LEFT);
        break;
    }
}

static void receipt_enter(app *a)
{
    rc_reset();
    /* Whoever comes here wants to type their code: the keyboard opens at once. */
    if (a->db)
        rc_open_editor(a);
}

const screen_def screen_receipt = {
    .name = "receipt",
    .title = N_("Look up a code"),
    .draw = receipt_draw,
    .enter = receipt_enter,
    .show_home_button = true,
};

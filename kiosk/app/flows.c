/* flows.c: flows that several screens share: the full-screen text editor,
 * identification before voting or signing (badge, roster, personal PIN),
 * and lead sign-in. */
#include <string.h>

#include "../core/i18n.h"
#include "../core/textedit.h"
#include "../core/utf8.h"
#include "../store/store_members.h"
#include "../ui/textfield.h"
#include "../ui/widgets.h"
#include "app.h"

/* ---- the full-screen editor ---------------------------------------------- */

void app_edit_open(app *a, struct text_edit *te, const char *field_id, const char *label, app_edit_extra_fn extra,
                   void *ctx)
{
    a->edit_field = te;
    utf8_copy(field_id, a->edit_field_id, sizeof a->edit_field_id);
    utf8_copy(label ? label : "", a->edit_label, sizeof a->edit_label);
    a->edit_extra = extra;
    a->edit_ctx = ctx;
    a->edit_kb = (ui_keyboard_state){ .shift = false, .layer = KB_LETTERS };
    /* an old refusal is no news to someone who starts editing */
    te->refused = TE_ACCEPTED;
    a->dirty = true;
    if (a->ui)
        a->ui->want_redraw = true;
}

void app_edit_close(app *a)
{
    a->edit_field = NULL;
    a->edit_extra = NULL;
    a->edit_ctx = NULL;
    a->dirty = true;
    if (a->ui)
        a->ui->want_redraw = true; /* the screen shows again in this frame */
}

bool app_editing(const app *a)
{
    return a->edit_field != NULL;
}

void app_edit_draw(app *a, ui_ctx *ui, ui_rect body)
{
    theme_metrics m = theme_metrics_for(ui);
    text_edit *te = a->edit_field;

    /* physical keyboard first, so this frame already shows its effect */
    bool close = ui_text_field_input(ui, te);
    for (int i = 0; i < ui->key_count; i++)
        if (ui->keys[i] == UI_KEY_ESCAPE)
            close = true;

    ui_rect kb = ui_cut_bottom(&body, ui_keyboard_height(ui));
    ui_cut_bottom(&body, m.gap);
    if (te->refused == TE_REFUSED_HIDDEN) /* said in full; the field's status may be short of room */
        ui_banner(ui, "edit.hidden", ui_cut_top(&body, m.target), _("Hidden control characters were removed"),
                  THEME_WARN_BG, THEME_TEXT);

    /* the field at the top: one line, or a few lines for longer text; the
     * rest goes to the extra area, or to the field when there is none */
    int head = m.text_large * 3 / 2 + m.gap / 2;
    int frame = 2 * (m.pad + m.border * 3);
    int box = te->multiline ? m.text_large * 5 / 4 * 3 + frame : m.text_title * 5 / 4 + frame;
    if (box < m.main_target)
        box = m.main_target;
    ui_rect field;
    if (a->edit_extra) {
        field = ui_cut_top(&body, head + box);
        ui_cut_top(&body, m.gap);
    } else {
        field = te->multiline ? body : ui_cut_top(&body, head + box);
    }
    ui_text_field_large(ui, a->edit_field_id, field, a->edit_label, te, NULL, true);
    if (a->edit_extra && body.h > 0)
        a->edit_extra(a, ui, body, a->edit_ctx);
    if (!a->edit_field)
        return; /* the extra area closed the editor (e.g. "vote for this one instead") */
    if (ui_keyboard(ui, &a->edit_kb, kb, te))
        close = true;
    if (close)
        app_edit_close(a);
}

/* ---- identification -------------------------------------------------------- */

void app_identify(app *a, bool need_signature, app_then_fn then, void *ctx)
{
    if (a->member_id && (!need_signature || a->member_signed)) {
        if (then)
            then(a, ctx);
        return;
    }
    a->identify_need_signature = need_signature;
    a->identify_then = then;
    a->identify_ctx = ctx;
    const screen_def *identify = a->opt.screens->identify;
    if (a->screen != identify)
        a->identify_return = a->screen;
    app_go(a, identify->name);
}

void app_identified(app *a, int64_t member_id, const char *name, const char *language, bool signed_in)
{
    bool same = a->member_id == member_id;
    a->member_id = member_id;
    /* names hold at most 60 characters: they always fit whole */
    utf8_copy(name ? name : "", a->member_name, sizeof a->member_name);
    a->member_signed = signed_in || (same && a->member_signed);
    if (language && *language)
        i18n_set_language(language);
    char hello[sizeof a->member_name + 64];
    vb_fmt(hello, sizeof hello, _("Hello %s"), a->member_name);
    app_notice(a, NOTICE_OK, hello, 5);

    /* complete the identification the identify screen is waiting for */
    const screen_def *identify = a->opt.screens->identify;
    if (a->screen == identify && (!a->identify_need_signature || a->member_signed)) {
        app_then_fn then = a->identify_then;
        void *ctx = a->identify_ctx;
        const screen_def *back = a->identify_return;
        a->identify_then = NULL;
        a->identify_ctx = NULL;
        a->identify_return = NULL;
        app_return_to(a, back && back != identify ? back : NULL);
        if (then)
            then(a, ctx);
    }
    a->dirty = true;
}

void app_badge_scanned(app *a, const char *badge)
{
    if (a->badge_capture) {
        a->badge_capture(a, badge);
        a->dirty = true;
        return;
    }
    if (!a->db)
        return;
    store_member m;
    vb_err err;
    vb_err_clear(&err);
    vb_code rc = store_member_by_badge(a->db, badge, &m, &err);
    if (rc == VB_OK)
        app_identified(a, m.id, m.name, m.language, true);
    else if (rc == VB_ERR_NOTFOUND)
        app_notice(a, NOTICE_ERROR, _("Badge not known: ask your team lead to register it."), 8);
    else
        app_notice(a, NOTICE_ERROR, _("The badge could not be checked. Try again, or pick your name."), 8);
}

void app_require_lead(app *a, const char *return_screen)
{
    char target[sizeof a->lead_return];
    utf8_copy(return_screen && *return_screen ? return_screen : "home", target, sizeof target);
    if (a->lead_id) {
        a->lead_return[0] = '\0';
        app_go(a, target);
        return;
    }
    /* The sign-in screen forgets an old return when it opens (a direct tap
     * on "Team lead" leads to the lead menu), so the return is set after:
     * once the lead has signed in, lead.c goes to a->lead_return. */
    app_go(a, a->opt.screens->lead->name);
    if (a->screen == a->opt.screens->lead)
        utf8_copy(target, a->lead_return, sizeof a->lead_return);
}

/* moderation_ui.c: what the lead panels for an idea and a learning point
 * share (see moderation.h): the redaction form with its live preview, the
 * two-step deletion that names the backups still holding the text and when
 * they expire, and trying again to empty the -wal when a reader blocked it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/i18n.h"
#include "../core/idea_flow.h"
#include "../ui/textfield.h"
#include "../ui/widgets.h"
#include "ideas.h"
#include "lead_ui.h"
#include "moderation.h"
#include "../core/deadline.h"

#define PART_MAX_CHARS 80

#define TAP_GUARD_MS 700

void mod_guard_set(app *a, mod_guard *g)
{
    g->until_ms = app_now_ms(a) + TAP_GUARD_MS;
    g->x = a->ui ? a->ui->pointer_x : -1;
    g->y = a->ui ? a->ui->pointer_y : -1;
}

bool mod_guard_blocks(app *a, const mod_guard *g, ui_rect r)
{
    return app_now_ms(a) < g->until_ms && ui_contains(r, g->x, g->y);
}

bool mod_button(app *a, ui_ctx *ui, const mod_guard *g, const char *id, ui_rect r, const char *label,
                theme_style style, bool disabled)
{
    return ui_button(ui, id, r, label, style, disabled) && !mod_guard_blocks(a, g, r);
}

const char *moderation_backup_dir(void)
{
    const char *dir = getenv("VB_BACKUP_DIR");
    return dir && *dir ? dir : STORE_BACKUP_DIR_DEFAULT;
}

/* ---- redaction ---------------------------------------------------------------- */

void mod_redact_reset(mod_redact *r)
{
    r->field = 0;
    text_edit_init(&r->part, PART_MAX_CHARS, false);
    r->preview[0] = '\0';
    r->found = 0;
}

mod_result mod_redact_panel(app *a, ui_ctx *ui, ui_rect r, const char *prefix, mod_redact *st,
                            const char *const *labels, const char *const *texts, int n)
{
    theme_metrics m = theme_metrics_for(ui);
    if (st->field < 0 || st->field >= n)
        st->field = 0;
    lead_ui_card(ui, r);
    ui_rect in = ui_inset(r, m.pad);
    /* Cancel and Redact at the bottom, with the reason while it cannot */
    ui_rect buttons = ui_cut_bottom(&in, m.main_target);
    ui_cut_bottom(&in, m.gap / 2);
    ui_rect apply = ui_cut_right(&buttons, buttons.w / 3);
    ui_cut_right(&buttons, m.gap);
    ui_rect cancel = ui_cut_right(&buttons, buttons.w / 2 > ui_mm(ui, 50) ? ui_mm(ui, 50) : buttons.w / 2);
    ui_cut_right(&buttons, m.gap);

    /* which text */
    ui_rect chips = ui_cut_top(&in, m.target);
    ui_cut_top(&in, m.gap / 2);
    ui_rect which = ui_cut_left(&chips, chips.w / 4);
    ui_label(ui, ui_format(ui, "%s.redact.which", prefix), which, _("Which text?"), m.text_body, true, THEME_TEXT,
             UI_ALIGN_LEFT);
    for (int i = 0; i < n; i++)
        if (ui_chip(ui, ui_format(ui, "%s.redact.field.%d", prefix, i), ui_grid_cell(chips, n, 1, m.gap, i), NULL,
                    labels[i], st->field == i))
            st->field = i;

    /* the part to remove */
    const char *part_label = _("Exact part to remove (e.g. a name)");
    ui_rect part = ui_cut_top(&in, m.text_body * 3 / 2 + m.gap / 2 + m.target);
    ui_cut_top(&in, m.gap / 2);
    const char *part_id = ui_format(ui, "%s.redact.part", prefix);
    if (ui_text_field(ui, part_id, part, part_label, &st->part, _("Tap here and type it as it is written"), false))
        app_edit_open(a, &st->part, part_id, part_label, NULL, NULL);

    /* the preview */
    char typed[TEXTEDIT_MAX_BYTES];
    text_edit_trimmed(&st->part, typed, sizeof typed);
    st->found = typed[0] ? flow_redact(texts[st->field], typed, st->preview, sizeof st->preview) : 0;
    const char *preview;
    if (!typed[0])
        preview = ui_format(ui, "%s\n%s", _("Now:"), texts[st->field]);
    else if (st->found > 0)
        preview = ui_format(ui, "%s\n%s", _("After redacting:"), st->preview);
    else if (st->found == 0)
        preview = ui_format(ui, _("\xE2\x9A\xA0 \xE2\x80\x9C%s\xE2\x80\x9D does not occur in this text. Type it exactly as it is "
                                  "written (capitals do not matter)."),
                            typed);
    else
        preview = _("\xE2\x9A\xA0 The text would become too long.");
    ui_rect pv = in;
    ui_draw_rect(ui, pv, THEME_BG, m.radius);
    ui_paragraph(ui, ui_format(ui, "%s.redact.preview", prefix), ui_inset(pv, m.pad / 2), preview, m.text_body, false,
                 THEME_TEXT, UI_ALIGN_LEFT);

    const char *reason = st->found > 0 ? ui_format(ui, i18n_plural("%d place becomes %s. The original is not kept.",
                                                                  "%d places become %s. The original is not kept.",
                                                                  (unsigned long)st->found),
                                                   st->found, FLOW_REDACTED)
                         : typed[0] ? _("Nothing to redact: the part must occur in the text.")
                                    : _("Type the part to remove first.");
    ui_paragraph(ui, ui_format(ui, "%s.redact.hint", prefix), buttons, reason, m.text_body, false, THEME_TEXT,
                 UI_ALIGN_LEFT);
    if (ui_button(ui, ui_format(ui, "%s.redact.cancel", prefix), cancel, _("Cancel"), STYLE_SECONDARY, false))
        return MOD_CANCEL;
    if (ui_button(ui, ui_format(ui, "%s.redact.apply", prefix), apply, _("\xE2\x9C\x8E Redact"), STYLE_PRIMARY,
                  st->found <= 0))
        return MOD_APPLY;
    return MOD_NONE;
}

/* ---- the -wal ------------------------------------------------------------------- */

const char *mod_wal_words(bool cleared)
{
    return cleared ? _("The database files no longer hold it.")
                   : _("Another program is reading the database, so its files still hold the old text for now. "
                       "The kiosk keeps clearing them, also after a restart, and says when they are clean.");
}

void mod_flush_after(app *a, mod_flush *f, bool cleared)
{
    f->pending = !cleared;
    app_privacy_job(a, cleared);
}

bool mod_flush_done(app *a, mod_flush *f)
{
    if (!f->pending || a->privacy_pending)
        return false;
    f->pending = false;
    return true;
}

/* ---- deletion --------------------------------------------------------------------- */

void mod_delete_open(app *a, mod_delete *d, int64_t since_s)
{
    memset(d, 0, sizeof *d);
    mod_delete_step(a, d, 1);
    vb_err err;
    vb_err_clear(&err);
    if (store_backups_holding(moderation_backup_dir(), a->db ? store_path(a->db) : NULL, since_s, d->backups,
                              MOD_BACKUPS_MAX, &d->backup_n, &err) != VB_OK) {
        fprintf(stderr, "verbeterbord: backups: %s\n", err.msg);
        d->backups_failed = true;
        d->backup_n = 0;
    }
}

void mod_delete_step(app *a, mod_delete *d, int step)
{
    d->step = step;
    mod_guard_set(a, &d->guard);
}

/* The backups that still hold the text, one line each, from the top of r. */
static void draw_backups(ui_ctx *ui, ui_rect r, const char *prefix, const mod_delete *d)
{
    theme_metrics m = theme_metrics_for(ui);
    int line = m.text_body * 5 / 4;
    const char *head;
    if (d->backups_failed)
        head = _("The backup folder could not be read: ask the technician which backups still hold it.");
    else if (d->backup_n == 0)
        head = _("No backup holds it.");
    else
        head = ui_format(ui, i18n_plural("%d backup still holds it until it expires:",
                                         "%d backups still hold it until they expire:", (unsigned long)d->backup_n),
                         d->backup_n);
    int h = ui_paragraph(ui, ui_format(ui, "%s.delete.backups", prefix), r, head, m.text_body, true, THEME_TEXT,
                         UI_ALIGN_LEFT);
    r.y += h;
    r.h -= h;
    int shown = d->backup_n < MOD_BACKUPS_MAX ? d->backup_n : MOD_BACKUPS_MAX;
    int fits = r.h / line - 1; /* one line stays for the USB note */
    for (int i = 0; i < shown; i++) {
        if (i >= fits - 1 && shown - i > 1) {
            ui_label(ui, ui_format(ui, "%s.delete.backup_more", prefix), (ui_rect){ r.x, r.y, r.w, line },
                     ui_format(ui, i18n_plural("\xE2\x80\xA6 and %d more", "\xE2\x80\xA6 and %d more",
                                               (unsigned long)(d->backup_n - i)),
                               d->backup_n - i),
                     m.text_body, false, THEME_TEXT, UI_ALIGN_LEFT);
            r.y += line;
            r.h -= line;
            break;
        }
        const store_backup *b = &d->backups[i];
        const char *base = strrchr(b->path, '/');
        base = base ? base + 1 : b->path;
        const char *until = b->expires_s ? ui_format(ui, _("until %s"), idea_date_text(ui, b->expires_s))
                                         : _("until removed by hand (taken before an update)");
        ui_label(ui, ui_format(ui, "%s.delete.backup.%d", prefix, i), (ui_rect){ r.x, r.y, r.w, line },
                 ui_format(ui, "\xE2\x80\xA2 %s: %s", base, until), m.text_body, false, THEME_TEXT, UI_ALIGN_LEFT);
        r.y += line;
        r.h -= line;
    }
    if (r.h >= line)
        ui_paragraph(ui, ui_format(ui, "%s.delete.usb", prefix), r,
                     _("Copies on a USB stick or in exported files are not listed."), m.text_body, false,
                     THEME_TEXT_MUTED, UI_ALIGN_LEFT);
}

mod_result mod_delete_panel(app *a, ui_ctx *ui, ui_rect r, const char *prefix, mod_delete *d, const char *what,
                            const char *name, const char *removes)
{
    theme_metrics m = theme_metrics_for(ui);
    lead_ui_card(ui, r);
    ui_rect in = ui_inset(r, m.pad);
    ui_rect buttons = ui_cut_bottom(&in, m.main_target);
    ui_cut_bottom(&in, m.gap / 2);
    ui_rect ok = ui_cut_right(&buttons, buttons.w / 2 - m.gap / 2);
    ui_cut_right(&buttons, m.gap);
    ui_rect cancel = buttons;
    int title_px = m.text_large;

    if (d->step == 3) {
        int h = ui_paragraph(ui, ui_format(ui, "%s.delete.done", prefix), in,
                             ui_format(ui, "\xE2\x9C\x94 %s %s", _("Deleted."), mod_wal_words(d->wal_cleared)),
                             title_px, true, THEME_TEXT, UI_ALIGN_LEFT);
        in.y += h + m.gap / 2;
        in.h -= h + m.gap / 2;
        draw_backups(ui, in, prefix, d);
        if (mod_button(a, ui, &d->guard, ui_format(ui, "%s.delete.finish", prefix), ok,
                        ui_format(ui, "\xE2\x9C\x94 %s", _("Done")), STYLE_PRIMARY, false))
            return MOD_CANCEL;
        return MOD_NONE;
    }
    const char *question = d->step == 1 ? what : _("Really delete it? It cannot be brought back.");
    int h = ui_paragraph(ui, ui_format(ui, "%s.delete.question", prefix), in, question, title_px, true, THEME_TEXT,
                         UI_ALIGN_LEFT);
    in.y += h;
    in.h -= h;
    h = ui_paragraph(ui, ui_format(ui, "%s.delete.name", prefix), in,
                     ui_format(ui, "\xE2\x80\x9C%s\xE2\x80\x9D", name), m.text_body, false, THEME_TEXT, UI_ALIGN_LEFT);
    in.y += h + m.gap / 2;
    in.h -= h + m.gap / 2;
    if (d->step == 1) {
        h = ui_paragraph(ui, ui_format(ui, "%s.delete.removes", prefix), in,
                         ui_format(ui, "%s %s", removes, _("This cannot be undone.")), m.text_body, false, THEME_TEXT,
                         UI_ALIGN_LEFT);
        in.y += h + m.gap / 2;
        in.h -= h + m.gap / 2;
    }
    draw_backups(ui, in, prefix, d);
    if (ui_button(ui, ui_format(ui, "%s.delete.cancel", prefix), cancel, _("Cancel"), STYLE_SECONDARY, false))
        return MOD_CANCEL;
    if (d->step == 1) {
        if (mod_button(a, ui, &d->guard, ui_format(ui, "%s.delete.continue", prefix), ok, _("Continue\xE2\x80\xA6"),
                       STYLE_DANGER, false))
            mod_delete_step(a, d, 2);
    } else if (mod_button(a, ui, &d->guard, ui_format(ui, "%s.delete.confirm", prefix), ok,
                           ui_format(ui, "\xE2\x9C\x96 %s", _("Delete for good")), STYLE_DANGER, false)) {
        return MOD_APPLY;
    }
    return MOD_NONE;
}

/* ---- the way in from the learning-point list ------------------------------------------- */

bool learning_lead_row_button(app *a, ui_ctx *ui, ui_rect *row, const char *lp_id)
{
    if (!a->lead_id)
        return false;
    theme_metrics m = theme_metrics_for(ui);
    int w = ui_text_width(ui, _("\xE2\x9C\x8E Lead"), m.text_body, true) + 2 * m.pad;
    if (w < m.target * 3 / 2)
        w = m.target * 3 / 2;
    ui_rect r = ui_cut_right(row, w);
    ui_cut_right(row, m.gap);
    r.h = r.h > m.main_target ? m.main_target : r.h;
    if (!ui_button(ui, ui_format(ui, "learning_list.lead.%s", lp_id), r, _("\xE2\x9C\x8E Lead"), STYLE_SECONDARY,
                   false))
        return false;
    learning_lead_show(a, lp_id);
    return true;
}

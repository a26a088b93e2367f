/* dbfail.c: shown instead of a crash or a blank screen when the database
 * cannot be used. It says what is wrong and where, in words a team lead can
 * act on, and the app retries every few seconds on its own. */
#include "../core/i18n.h"
#include "../ui/widgets.h"
#include "screens.h"

static const char *what_is_wrong(vb_code code)
{
    switch (code) {
    case VB_ERR_NOTFOUND: return _("The folder or file for the database does not exist.");
    case VB_ERR_READONLY: return _("The database cannot be written: the file or its folder is read-only.");
    case VB_ERR_CORRUPT: return _("The file is not a Verbeterbord database, or it is damaged.");
    case VB_ERR_NEWER: return _("The database was made by a newer version of Verbeterbord.");
    case VB_ERR_BUSY: return _("The database is locked by another program.");
    case VB_ERR_FULL: return _("The disk is full.");
    default: return _("The database cannot be opened.");
    }
}

static const char *what_to_do(vb_code code)
{
    switch (code) {
    case VB_ERR_NOTFOUND: return _("Check that the data disk is mounted, or create the folder.");
    case VB_ERR_READONLY: return _("Make the file and folder writable for the kiosk user.");
    case VB_ERR_CORRUPT: return _("Restore the latest backup (see deploy/README.md). The file has not been changed.");
    case VB_ERR_NEWER: return _("Install the newer version of Verbeterbord again. The file has not been changed.");
    case VB_ERR_BUSY: return _("Close the other program that uses the database.");
    case VB_ERR_FULL: return _("Free up space on the disk.");
    default: return _("Ask the team lead or the technician to check the database.");
    }
}

static void dbfail_draw(app *a, ui_ctx *ui, ui_rect body)
{
    theme_metrics m = theme_metrics_for(ui);
    ui_rect card = ui_inset(body, m.pad);
    ui_draw_rect(ui, card, THEME_SURFACE, m.radius);
    ui_draw_border(ui, card, THEME_DANGER, m.border * 3, m.radius);
    ui_rect in = ui_inset(card, m.pad * 2);
    ui_rect retry = ui_cut_bottom(&in, m.main_target);
    in.h -= m.gap;
    int y = 0;
    ui_rect r = in;
    y = ui_paragraph(ui, "dbfail.what", r, what_is_wrong(a->db_err.code), m.text_large, true, THEME_DANGER,
                     UI_ALIGN_LEFT);
    r.y += y + m.gap;
    r.h -= y + m.gap;
    y = ui_paragraph(ui, "dbfail.todo", r, what_to_do(a->db_err.code), m.text_body, true, THEME_TEXT,
                     UI_ALIGN_LEFT);
    r.y += y + m.gap;
    r.h -= y + m.gap;
    y = ui_paragraph(ui, "dbfail.where", r, ui_format(ui, _("Database: %s"), a->opt.db_path), m.text_body, false,
                     THEME_TEXT, UI_ALIGN_LEFT);
    r.y += y;
    r.h -= y;
    y = ui_paragraph(ui, "dbfail.detail", r, a->db_err.msg, m.text_small, false, THEME_TEXT_MUTED, UI_ALIGN_LEFT);
    r.y += y + m.gap;
    r.h -= y + m.gap;
    ui_paragraph(ui, "dbfail.retrying", r, _("The kiosk checks again every 5 seconds and carries on by itself."),
                 m.text_body, false, THEME_TEXT, UI_ALIGN_LEFT);
    if (ui_button(ui, "dbfail.retry", retry, _("Try again now"), STYLE_PRIMARY, false))
        a->db_retry_at = app_now_ms(a);
}

const screen_def screen_dbfail = {
    .name = "dbfail",
    .title = N_("Database not available"),
    .draw = dbfail_draw,
    .show_home_button = false,
};

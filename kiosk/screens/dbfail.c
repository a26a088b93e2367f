/* dbfail.c: shown instead of a crash or a blank screen when the database
 * cannot be used. It says what is wrong and where, in words a team lead can
 * act on, and the app retries every few seconds on its own. When the file
 * went while the kiosk ran, or is missing at start, it names the file that
 * holds the data (the rescue copy, the newest backup) and the restore
 * command; a file that went is not retried. */
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
    case VB_ERR_GONE:
        return _("The database file was deleted or replaced while the kiosk was running. Nothing is saved any more.");
    case VB_ERR_MISSING:
        return _("The database file is missing. This kiosk had one: it was not replaced by a new, empty one.");
    case VB_ERR_SCHEMA:
        return _("This file is not a Verbeterbord database as this version makes it: its structure differs.");
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
    case VB_ERR_GONE:
        return _("Call the technician. Do not restart the kiosk before the latest entries are restored.");
    case VB_ERR_MISSING: return _("Call the technician to restore the newest backup.");
    case VB_ERR_SCHEMA:
        return _("Restore the latest backup (see deploy/README.md). The file has not been changed.");
    default: return _("Ask the team lead or the technician to check the database.");
    }
}

/* The file that holds the data now, and the command that puts it back:
 * the rescue copy after a deletion, the newest backup of a missing file. */
static const char *where_the_data_is(app *a, ui_ctx *ui)
{
    if (a->db_err.code == VB_ERR_GONE) {
        if (!a->db_rescue[0])
            return _("The latest entries could not be saved to a rescue file: the folder of the database is gone or "
                     "cannot be written.");
        return ui_format(ui, _("The latest entries are saved in %s. To put them back: sudo verbeterbord-restore %s"),
                         a->db_rescue, a->db_rescue);
    }
    if (a->db_err.code == VB_ERR_MISSING) {
        if (!a->db_backup[0])
            return _("No backup was found next to it.");
        return ui_format(ui, _("Newest backup: %s. To restore it: sudo verbeterbord-restore %s"), a->db_backup,
                         a->db_backup);
    }
    return NULL;
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
    const char *data = where_the_data_is(a, ui);
    if (data) {
        y = ui_paragraph(ui, "dbfail.data", r, data, m.text_body, true, THEME_TEXT, UI_ALIGN_LEFT);
        r.y += y + m.gap;
        r.h -= y + m.gap;
    }
    y = ui_paragraph(ui, "dbfail.where", r, ui_format(ui, _("Database: %s"), a->opt.db_path), m.text_body, false,
                     THEME_TEXT, UI_ALIGN_LEFT);
    r.y += y;
    r.h -= y;
    y = ui_paragraph(ui, "dbfail.detail", r, a->db_err.msg, m.text_small, false, THEME_TEXT_MUTED, UI_ALIGN_LEFT);
    r.y += y + m.gap;
    r.h -= y + m.gap;
    if (a->db_err.code == VB_ERR_GONE)
        return; /* no retry: whatever the path names now is not the file the entries went into */
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

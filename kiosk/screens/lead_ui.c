/* lead_ui.c: helpers the lead-mode screens share (see lead_ui.h). */
#include "lead_ui.h"

#include <stdio.h>
#include <string.h>

#include "../core/date.h"
#include "../core/i18n.h"
#include "../core/utf8.h"
#include "../ui/widgets.h"

bool lead_ui_gate(app *a, const char *screen)
{
    if (a->lead_id)
        return true;
    app_require_lead(a, screen);
    return false;
}

void lead_ui_card(ui_ctx *ui, ui_rect r)
{
    theme_metrics m = theme_metrics_for(ui);
    ui_draw_rect(ui, r, THEME_SURFACE, m.radius);
    ui_draw_border(ui, r, THEME_BORDER, m.border, m.radius);
}

const char *lead_ui_reason(vb_code rc)
{
    switch (rc) {
    case VB_OK: return "";
    case VB_ERR_BUSY: return _("the database is busy. Try again in a moment.");
    case VB_ERR_FULL: return _("the disk is full. Ask the technician to free up space.");
    case VB_ERR_READONLY: return _("the database cannot be written. Ask the technician.");
    case VB_ERR_INVALID: return _("this value is not accepted.");
    case VB_ERR_CONSTRAINT: return _("this would clash with an existing entry.");
    case VB_ERR_NOTFOUND: return _("it no longer exists. Perhaps it was just changed.");
    default: return _("something went wrong. Try again; if it keeps failing, ask the technician.");
    }
}

bool lead_ui_result(app *a, vb_code rc, const vb_err *err, const char *ok_text, const char *refused_text)
{
    if (rc == VB_OK) {
        app_notice(a, NOTICE_OK, ok_text ? ok_text : _("Saved."), 4);
        return true;
    }
    if (err && err->msg[0])
        fprintf(stderr, "verbeterbord: lead change not saved: %s\n", err->msg);
    const char *why = (refused_text && (rc == VB_ERR_CONSTRAINT || rc == VB_ERR_INVALID)) ? refused_text
                                                                                          : lead_ui_reason(rc);
    char text[300];
    vb_fmt(text, sizeof text, _("Not saved: %s"), why);
    app_notice(a, NOTICE_ERROR, text, 8);
    return false;
}

void lead_ui_hhmm(int64_t unix_s, char out[6])
{
    vb_local l = vb_local_from_unix(unix_s);
    snprintf(out, 6, "%02u:%02u", (unsigned)l.hour % 24u, (unsigned)l.minute % 60u);
}

void lead_ui_hhmmss(int64_t unix_s, char out[9])
{
    vb_local l = vb_local_from_unix(unix_s);
    snprintf(out, 9, "%02u:%02u:%02u", (unsigned)l.hour % 24u, (unsigned)l.minute % 60u, (unsigned)l.second % 60u);
}

void lead_ui_copy(char *out, size_t size, const char *text)
{
    if (!size)
        return;
    size_t len = strlen(text);
    if (len >= size)
        len = utf8_prev(text, size); /* the start of the character that does not fit whole */
    memcpy(out, text, len);
    out[len] = '\0';
}

bool lead_ui_row_shown(ui_rect row, ui_rect view)
{
    int cy = row.y + row.h / 2;
    return cy >= view.y && cy < view.y + view.h;
}

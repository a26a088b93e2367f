/* learning_ui.c: the pieces the learning-point screens share (see
 * learning_ui.h). */
#include "learning_ui.h"

#include <string.h>

#include "../core/category.h"
#include "../core/date.h"
#include "../core/i18n.h"
#include "../ui/widgets.h"

bool learning_ui_category_chip(ui_ctx *ui, const char *id, ui_rect r, const lp_category *c, bool selected, int px)
{
    theme_metrics m = theme_metrics_for(ui);
    const char *name = c ? category_display_name(c->code, c->label) : _("All");
    const char *icon = c ? category_icon(c->code) : NULL;
    bool pressed = false;
    bool clicked = ui_target(ui, id, r, false, &pressed);
    ui_color fg = ui_chip_frame(ui, r, pressed, selected, 3);
    ui_rect inner = ui_inset(r, m.pad / 2 + m.border * 2);
    /* the word on one line, smaller, or on two lines when it has two words */
    int label_px = m.text_body, label_lines = 1;
    if (ui_text_width(ui, name, label_px, true) > inner.w) {
        label_px = m.text_small;
        if (ui_text_width(ui, name, label_px, true) > inner.w && strchr(name, ' '))
            label_lines = 2;
    }
    int label_h = label_px * 5 / 4 * label_lines;
    if (selected) {
        /* selection is never shown by colour alone */
        const char *check = "\xE2\x9C\x94";
        ui_draw_text(ui, inner.x + inner.w - ui_text_width(ui, check, m.text_body, true), inner.y, check, m.text_body,
                     true, fg);
    }
    int icon_px = (inner.h - label_h) * 4 / 5;
    if (icon_px > m.text_title * 3 / 2)
        icon_px = m.text_title * 3 / 2;
    if (icon && icon_px >= m.text_large) {
        /* pictogram above the word */
        int icon_h = icon_px * 5 / 4;
        int y = inner.y + (inner.h - icon_h - label_h) / 2;
        int w = ui_text_width(ui, icon, icon_px, false);
        ui_draw_text(ui, inner.x + (inner.w - w) / 2, y, icon, icon_px, false, fg);
        ui_rect label_r = { inner.x, y + icon_h, inner.w, label_h };
        if (label_lines == 1)
            ui_label(ui, NULL, label_r, name, label_px, true, fg, UI_ALIGN_CENTER);
        else
            ui_paragraph(ui, NULL, label_r, name, label_px, true, fg, UI_ALIGN_CENTER);
    } else {
        /* a low chip: pictogram and word on one line */
        const char *both = icon ? ui_format(ui, "%s %s", icon, name) : name;
        int check_w = selected ? ui_text_width(ui, "\xE2\x9C\x94", m.text_body, true) : 0;
        ui_rect text = inner;
        text.w -= check_w;
        if (px <= 0)
            px = ui_text_width(ui, both, m.text_body, true) > text.w ? m.text_small : m.text_body;
        ui_label(ui, NULL, text, both, px, true, fg, UI_ALIGN_CENTER);
    }
    ui_element_add(ui, id, UI_EL_CHIP, (pressed ? UI_STATE_PRESSED : 0) | (selected ? UI_STATE_SELECTED : 0), name,
                   r);
    return clicked;
}

const char *learning_ui_day(ui_ctx *ui, const char *ymd)
{
    static const char *const weekdays[] = { N_("Sunday"), N_("Monday"), N_("Tuesday"), N_("Wednesday"),
                                            N_("Thursday"), N_("Friday"), N_("Saturday") };
    static const char *const months[] = { N_("January"), N_("February"), N_("March"), N_("April"),
                                          N_("May"), N_("June"), N_("July"), N_("August"),
                                          N_("September"), N_("October"), N_("November"), N_("December") };
    vb_day d;
    if (!vb_day_parse(ymd, &d))
        return ui_strdup(ui, ymd);
    return ui_format(ui, "%s %d %s", _(weekdays[d.wday % 7]), d.mday, _(months[(d.month + 11) % 12]));
}

const char *learning_ui_action_status(const char *status)
{
    if (strcmp(status, "done") == 0)
        return _("Completed");
    if (strcmp(status, "dropped") == 0)
        return _("Dropped");
    return _("Still open");
}

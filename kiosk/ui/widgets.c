/* widgets.c: buttons, tiles, chips, toggles and banners (see widgets.h). */
#include "widgets.h"

#include <string.h>

/* Draws text centred in r on two lines, split at the last space that lets
 * the first line fit; the second is shortened with "…" if it is still too
 * wide. Returns false (and draws nothing) when no split fits. */
static bool two_lines(ui_ctx *ui, ui_rect r, const char *text, int px, bool bold, ui_color fg)
{
    size_t len = strlen(text), split = 0;
    for (size_t i = 1; i < len && ui->measure; i++)
        if (text[i] == ' ' && ui->measure(ui->measure_user, text, i, px, bold) <= r.w)
            split = i;
    char first[512];
    if (split == 0 || split >= sizeof first || r.h < 2 * (px * 5 / 4))
        return false;
    memcpy(first, text, split);
    first[split] = '\0';
    int line_h = px * 5 / 4;
    ui_rect t = { r.x, r.y + (r.h - 2 * line_h) / 2, r.w, line_h };
    ui_label(ui, NULL, t, first, px, bold, fg, UI_ALIGN_CENTER);
    t.y += line_h;
    ui_label(ui, NULL, t, text + split + 1, px, bold, fg, UI_ALIGN_CENTER);
    return true;
}

static ui_color darker(ui_color c)
{
    return (ui_color){ (uint8_t)(c.r * 6 / 10), (uint8_t)(c.g * 6 / 10), (uint8_t)(c.b * 6 / 10), c.a };
}

static void style_colors(theme_style style, bool pressed, ui_color *bg, ui_color *fg, ui_color *border)
{
    *border = THEME_BORDER;
    switch (style) {
    case STYLE_PRIMARY: *bg = THEME_PRIMARY; *fg = THEME_ON_DARK; break;
    case STYLE_ACCENT: *bg = THEME_ACCENT; *fg = THEME_TEXT; break;
    case STYLE_DANGER: *bg = THEME_DANGER; *fg = THEME_ON_DARK; break;
    case STYLE_SECONDARY: *bg = THEME_SURFACE; *fg = THEME_TEXT; break;
    case STYLE_QUIET: *bg = THEME_BG; *fg = THEME_TEXT_MUTED; *border = THEME_TEXT_MUTED; break;
    }
    if (pressed) {
        /* Press feedback: inverted for light styles, darker for dark ones. */
        if (style == STYLE_SECONDARY || style == STYLE_QUIET || style == STYLE_ACCENT) {
            *bg = THEME_BAR;
            *fg = THEME_ON_DARK;
        } else {
            *bg = darker(*bg);
        }
    }
}

int ui_button_text_px(ui_ctx *ui, const char *label, int w, theme_style style)
{
    theme_metrics m = theme_metrics_for(ui);
    int px = style == STYLE_QUIET ? m.text_body : m.text_large;
    if (ui_text_width(ui, label, px, true) > w - 2 * m.pad)
        px = m.text_body;
    return px;
}

bool ui_button(ui_ctx *ui, const char *id, ui_rect r, const char *label, theme_style style, bool disabled)
{
    return ui_button_px(ui, id, r, label, style, disabled, 0);
}

bool ui_button_px(ui_ctx *ui, const char *id, ui_rect r, const char *label, theme_style style, bool disabled,
                  int px)
{
    theme_metrics m = theme_metrics_for(ui);
    bool pressed = false;
    bool clicked = ui_target(ui, id, r, disabled, &pressed);
    ui_color bg, fg, border;
    style_colors(style, pressed, &bg, &fg, &border);
    if (disabled) {
        bg = (ui_color){ 0xD6, 0xD4, 0xCE, 0xFF };
        fg = THEME_TEXT_MUTED;
    }
    if (pressed) {
        r.x += m.border;
        r.y += m.border;
    }
    ui_draw_rect(ui, r, bg, m.radius);
    if (style == STYLE_SECONDARY || style == STYLE_QUIET || disabled)
        ui_draw_border(ui, r, border, m.border, m.radius);
    if (px <= 0)
        px = ui_button_text_px(ui, label, r.w, style);
    ui_rect inner = ui_inset(r, m.pad);
    int w = ui_text_width(ui, label, px, true);
    int line_h = px * 5 / 4;
    if (w > inner.w && r.h < line_h * 2 + m.pad) {
        /* too wide and too low for two lines: the small size, on one line
         * or two, rather than text beyond the button's edge */
        px = m.text_small;
        w = ui_text_width(ui, label, px, true);
        line_h = px * 5 / 4;
    }
    if (w > inner.w && r.h >= line_h * 2 + m.pad) {
        /* two lines in a tall button */
        int used_h = line_h * 2;
        ui_rect t = { inner.x, r.y + (r.h - used_h) / 2, inner.w, used_h };
        ui_paragraph(ui, NULL, t, label, px, true, fg, UI_ALIGN_CENTER);
    } else if (w > inner.w) {
        ui_label(ui, NULL, (ui_rect){ inner.x, r.y, inner.w, r.h }, label, px, true, fg, UI_ALIGN_CENTER);
    } else {
        ui_rect t = inner;
        int x = t.x + (t.w - (w < t.w ? w : t.w)) / 2;
        ui_draw_text(ui, x, r.y + (r.h - line_h) / 2, label, px, true, fg);
    }
    ui_element_add(ui, id, UI_EL_BUTTON,
                   (pressed ? UI_STATE_PRESSED : 0) | (disabled ? UI_STATE_DISABLED : 0), label, r);
    return clicked;
}

bool ui_tile(ui_ctx *ui, const char *id, ui_rect r, const char *icon, const char *label, const char *sub,
             theme_style style)
{
    theme_metrics m = theme_metrics_for(ui);
    bool pressed = false;
    bool clicked = ui_target(ui, id, r, false, &pressed);
    ui_color bg, fg, border;
    style_colors(style, pressed, &bg, &fg, &border);
    if (pressed) {
        r.x += m.border;
        r.y += m.border;
    }
    ui_draw_rect(ui, r, bg, m.radius);
    if (style == STYLE_SECONDARY || style == STYLE_QUIET)
        ui_draw_border(ui, r, border, m.border, m.radius);
    ui_rect inner = ui_inset(r, m.pad);
    int icon_px = m.text_title * 3 / 2;
    if (icon_px > inner.h / 2)
        icon_px = inner.h / 2;
    int label_px = m.text_large;
    int sub_px = m.text_body;
    /* a line too long for the tile takes two lines when there is room (with
     * a smaller icon, but not smaller than the label) */
    int sub_lines = sub && *sub && ui_text_width(ui, sub, sub_px, false) > inner.w ? 2 : 1;
    int room = (inner.h - label_px * 5 / 4 - sub_px * 5 / 4 * 2) * 4 / 5;
    if (sub_lines == 2 && icon_px > room) {
        if (room >= label_px)
            icon_px = room;
        else
            sub_lines = 1;
    }
    int total = icon_px * 5 / 4 + label_px * 5 / 4 + (sub ? sub_px * 5 / 4 * sub_lines : 0);
    int y = inner.y + (inner.h - total) / 2;
    if (y < inner.y)
        y = inner.y;
    if (icon && *icon) {
        int w = ui_text_width(ui, icon, icon_px, false);
        ui_draw_text(ui, inner.x + (inner.w - w) / 2, y, icon, icon_px, false, fg);
    }
    y += icon_px * 5 / 4;
    ui_label(ui, NULL, (ui_rect){ inner.x, y, inner.w, label_px * 5 / 4 }, label, label_px, true, fg,
             UI_ALIGN_CENTER);
    y += label_px * 5 / 4;
    ui_rect sub_r = { inner.x, y, inner.w, sub_px * 5 / 4 * sub_lines };
    if (sub && *sub && !(sub_lines == 2 && two_lines(ui, sub_r, sub, sub_px, false, fg)))
        ui_label(ui, NULL, (ui_rect){ inner.x, y, inner.w, sub_px * 5 / 4 }, sub, sub_px, false, fg,
                 UI_ALIGN_CENTER);
    ui_element_add(ui, id, UI_EL_BUTTON, pressed ? UI_STATE_PRESSED : 0, label, r);
    return clicked;
}

ui_color ui_chip_frame(ui_ctx *ui, ui_rect r, bool pressed, bool selected, int selected_border)
{
    theme_metrics m = theme_metrics_for(ui);
    ui_color bg = pressed ? THEME_BAR : selected ? THEME_PRIMARY : THEME_SURFACE;
    ui_draw_rect(ui, r, bg, m.radius);
    ui_draw_border(ui, r, selected ? THEME_TEXT : THEME_BORDER, selected ? m.border * selected_border : m.border,
                   m.radius);
    return pressed || selected ? THEME_ON_DARK : THEME_TEXT;
}

bool ui_chip(ui_ctx *ui, const char *id, ui_rect r, const char *icon, const char *label, bool selected)
{
    theme_metrics m = theme_metrics_for(ui);
    bool pressed = false;
    bool clicked = ui_target(ui, id, r, false, &pressed);
    ui_color fg = ui_chip_frame(ui, r, pressed, selected, 2);
    ui_rect inner = ui_inset(r, m.pad);
    if (selected) {
        /* selection is shown by a check mark too, never by colour alone */
        int cpx = m.text_body;
        ui_draw_text(ui, inner.x + inner.w - ui_text_width(ui, "\xE2\x9C\x94", cpx, true), inner.y,
                     "\xE2\x9C\x94", cpx, true, fg);
    }
    if (icon && *icon && inner.h >= m.text_large * 5 / 4 + m.text_body * 5 / 4) {
        int icon_px = m.text_large;
        int w = ui_text_width(ui, icon, icon_px, false);
        int y = inner.y + (inner.h - icon_px * 5 / 4 - m.text_body * 5 / 4) / 2;
        ui_draw_text(ui, inner.x + (inner.w - w) / 2, y, icon, icon_px, false, fg);
        ui_label(ui, NULL, (ui_rect){ inner.x, y + icon_px * 5 / 4, inner.w, m.text_body * 5 / 4 }, label,
                 m.text_body, true, fg, UI_ALIGN_CENTER);
    } else {
        /* one line; too wide: two smaller lines (clear of the check mark),
         * and only then shortened with "…" */
        int cw = selected ? ui_text_width(ui, "\xE2\x9C\x94", m.text_body, true) : 0;
        ui_rect two = { inner.x + cw, r.y + m.border, inner.w - 2 * cw, r.h - 2 * m.border };
        if (ui_text_width(ui, label, m.text_body, true) <= inner.w ||
            !two_lines(ui, two, label, m.text_small, true, fg))
            ui_label(ui, NULL, inner, label, m.text_body, true, fg, UI_ALIGN_CENTER);
    }
    ui_element_add(ui, id, UI_EL_CHIP, (pressed ? UI_STATE_PRESSED : 0) | (selected ? UI_STATE_SELECTED : 0),
                   label, r);
    return clicked;
}

bool ui_toggle(ui_ctx *ui, const char *id, ui_rect r, const char *label, bool *on)
{
    theme_metrics m = theme_metrics_for(ui);
    bool pressed = false;
    bool clicked = ui_target(ui, id, r, false, &pressed);
    if (clicked)
        *on = !*on;
    ui_draw_rect(ui, r, pressed ? THEME_BAR : THEME_SURFACE, m.radius);
    ui_draw_border(ui, r, THEME_BORDER, m.border, m.radius);
    ui_rect inner = ui_inset(r, m.pad);
    int sw_h = inner.h < m.target * 2 / 3 ? inner.h : m.target * 2 / 3;
    int sw_w = sw_h * 2;
    ui_rect sw = { inner.x + inner.w - sw_w, inner.y + (inner.h - sw_h) / 2, sw_w, sw_h };
    ui_draw_rect(ui, sw, *on ? THEME_OK : THEME_TEXT_MUTED, sw_h / 2);
    int knob = sw_h - 2 * m.border * 2;
    ui_rect k = { *on ? sw.x + sw.w - knob - m.border * 2 : sw.x + m.border * 2, sw.y + m.border * 2, knob, knob };
    ui_draw_rect(ui, k, THEME_SURFACE, knob / 2);
    /* the state is spelled out next to the switch, not shown by colour alone */
    const char *state = *on ? "\xE2\x9C\x94" : "\xE2\x80\x94";
    ui_color fg = pressed ? THEME_ON_DARK : THEME_TEXT;
    int state_w = ui_text_width(ui, state, m.text_large, true);
    ui_draw_text(ui, sw.x - m.gap - state_w, inner.y + (inner.h - m.text_large * 5 / 4) / 2, state, m.text_large,
                 true, fg);
    ui_rect text = inner;
    text.w = sw.x - m.gap * 2 - state_w - inner.x;
    ui_label(ui, NULL, text, label, m.text_body, true, fg, UI_ALIGN_LEFT);
    ui_element_add(ui, id, UI_EL_TOGGLE, (pressed ? UI_STATE_PRESSED : 0) | (*on ? UI_STATE_SELECTED : 0), label,
                   r);
    return clicked;
}

void ui_banner(ui_ctx *ui, const char *id, ui_rect r, const char *text, ui_color bg, ui_color fg)
{
    theme_metrics m = theme_metrics_for(ui);
    ui_draw_rect(ui, r, bg, 0);
    ui_rect inner = ui_inset(r, m.pad / 2);
    inner.x += m.pad;
    inner.w -= 2 * m.pad;
    int px = m.text_body;
    int lines = ui_text_width(ui, text, px, true) > inner.w ? 2 : 1;
    int h = lines * px * 5 / 4;
    ui_rect t = { inner.x, r.y + (r.h - h) / 2, inner.w, h };
    if (lines == 1)
        ui_label(ui, id, t, text, px, true, fg, UI_ALIGN_LEFT);
    else
        ui_paragraph(ui, id, t, text, px, true, fg, UI_ALIGN_LEFT);
}

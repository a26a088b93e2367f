/* widgets.h: the kiosk's touch widgets on top of the UI core: buttons,
 * tiles with an icon, chips and toggles. Each registers itself in the
 * element list with its id, kind, state and label. */
#ifndef VB_WIDGETS_H
#define VB_WIDGETS_H

#include "theme.h"
#include "ui.h"

bool ui_button(ui_ctx *ui, const char *id, ui_rect r, const char *label, theme_style style, bool disabled);
/* The text size ui_button picks for a label in a button w pixels wide: the
 * large size, or the body size when that does not fit. A row or grid of
 * similar buttons passes the smallest of theirs to ui_button_px, so that
 * they share one size (px 0: the button's own choice). */
int ui_button_text_px(ui_ctx *ui, const char *label, int w, theme_style style);
bool ui_button_px(ui_ctx *ui, const char *id, ui_rect r, const char *label, theme_style style, bool disabled,
                  int px);
/* A large home-screen tile: icon glyph above a label and an optional line. */
bool ui_tile(ui_ctx *ui, const char *id, ui_rect r, const char *icon, const char *label, const char *sub,
             theme_style style);
/* The frame every chip has: the fill (dark while pressed, the primary
 * colour when selected), and an outline selected_border times as thick
 * when selected. Returns the colour for the text and icon on it. */
ui_color ui_chip_frame(ui_ctx *ui, ui_rect r, bool pressed, bool selected, int selected_border);
/* A selectable chip (one of a set); returns true when tapped. */
bool ui_chip(ui_ctx *ui, const char *id, ui_rect r, const char *icon, const char *label, bool selected);
/* An on/off switch with its label; flips *on when tapped and returns true. */
bool ui_toggle(ui_ctx *ui, const char *id, ui_rect r, const char *label, bool *on);
/* A banner with a message across r (warnings, errors, confirmations). */
void ui_banner(ui_ctx *ui, const char *id, ui_rect r, const char *text, ui_color bg, ui_color fg);

#endif

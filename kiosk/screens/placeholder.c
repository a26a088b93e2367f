/* placeholder.c: the card a screen shows while its real content is still to
 * be built: it says plainly what will come there. */
#include "../ui/widgets.h"
#include "screens.h"

void screen_placeholder(ui_ctx *ui, ui_rect body, const char *id, const char *text)
{
    theme_metrics m = theme_metrics_for(ui);
    ui_rect card = ui_inset(body, m.pad);
    ui_draw_rect(ui, card, THEME_SURFACE, m.radius);
    ui_draw_border(ui, card, THEME_BORDER, m.border, m.radius);
    ui_paragraph(ui, id, ui_inset(card, m.pad * 2), text, m.text_large, false, THEME_TEXT, UI_ALIGN_LEFT);
}

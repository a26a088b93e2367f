/* theme.c: pixel metrics from the panel size, and the contrast formula used
 * to keep every text colour pair readable. */
#include "theme.h"

#include <math.h>

theme_metrics theme_metrics_for(const ui_ctx *ui)
{
    theme_metrics m;
    m.text_small = ui_mm(ui, THEME_TEXT_SMALL_MM);
    m.text_body = ui_mm(ui, THEME_TEXT_BODY_MM);
    m.text_large = ui_mm(ui, THEME_TEXT_LARGE_MM);
    m.text_title = ui_mm(ui, THEME_TEXT_TITLE_MM);
    m.pad = ui_mm(ui, THEME_PAD_MM);
    m.gap = ui_mm(ui, THEME_GAP_MM);
    m.radius = ui_mm(ui, THEME_RADIUS_MM);
    m.border = ui_mm(ui, 0.6) > 1 ? ui_mm(ui, 0.6) : 1;
    m.target = ui_mm(ui, THEME_TARGET_MM);
    m.main_target = ui_mm(ui, THEME_MAIN_TARGET_MM);
    return m;
}

static double channel(uint8_t v)
{
    double c = v / 255.0;
    return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double luminance(ui_color c)
{
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

double theme_contrast(ui_color a, ui_color b)
{
    double la = luminance(a), lb = luminance(b);
    return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

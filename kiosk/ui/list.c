/* list.c: drag and page scrolling of lists (see list.h). */
#include "list.h"

#include "widgets.h"

static void clamp(ui_scroll *s, int view_h)
{
    int max = s->content_h - view_h;
    if (max < 0)
        max = 0;
    if (s->offset > max)
        s->offset = max;
    if (s->offset < 0)
        s->offset = 0;
}

void ui_scroll_begin(ui_ctx *ui, const char *id, ui_rect r, ui_scroll *s)
{
    (void)id;
    if (ui->press_event)
        s->dragging = ui_contains(r, ui->press_x, ui->press_y);
    if (s->dragging && ui->dragging && ui->drag_dy != 0) {
        s->offset -= ui->drag_dy;
        ui->drag_dy = 0;
        ui->want_redraw = true;
    }
    if (!ui->pointer_down && !ui->release_event)
        s->dragging = false;
    clamp(s, r.h);
    ui_clip_push(ui, r);
}

void ui_scroll_end(ui_ctx *ui, ui_scroll *s)
{
    (void)s;
    ui_clip_pop(ui);
}

void ui_scroll_page_buttons(ui_ctx *ui, const char *id, ui_rect r, ui_scroll *s, int view_h)
{
    theme_metrics m = theme_metrics_for(ui);
    int max = s->content_h - view_h;
    ui_rect up = r, down = r;
    up.h = (r.h - m.gap) / 2;
    down.y = r.y + up.h + m.gap;
    down.h = r.h - up.h - m.gap;
    int page = view_h * 9 / 10;
    const char *up_id = ui_format(ui, "%s.page_up", id);
    const char *down_id = ui_format(ui, "%s.page_down", id);
    if (ui_button(ui, up_id, up, "\xE2\x96\xB2", STYLE_SECONDARY, s->offset <= 0))
        s->offset -= page;
    if (ui_button(ui, down_id, down, "\xE2\x96\xBC", STYLE_SECONDARY, s->offset >= max))
        s->offset += page;
    clamp(s, view_h);
}

void ui_scroll_visible_rows(const ui_scroll *s, int row_h, int view_h, int count, int *first, int *last)
{
    if (row_h <= 0 || count <= 0) {
        *first = 0;
        *last = -1;
        return;
    }
    *first = s->offset / row_h;
    *last = (s->offset + view_h) / row_h;
    if (*first < 0)
        *first = 0;
    if (*last >= count)
        *last = count - 1;
}

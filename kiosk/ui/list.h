/* list.h: scrolling for every list in the kiosk. A list scrolls by dragging
 * with a finger and by two large page buttons. Screens draw only the rows
 * that are visible (row = offset / row height), so lists stay smooth with
 * thousands of entries. */
#ifndef VB_LIST_H
#define VB_LIST_H

#include "ui.h"

typedef struct ui_scroll {
    int offset;     /* pixels scrolled from the top */
    int content_h;  /* total height of the content, set by the screen */
    bool dragging;  /* this list owns the current drag */
} ui_scroll;

/* Starts a scrolling area: applies a drag that began inside r, clamps the
 * offset to the content, and clips drawing to r. Content is drawn at
 * r.y - s->offset. */
void ui_scroll_begin(ui_ctx *ui, const char *id, ui_rect r, ui_scroll *s);
void ui_scroll_end(ui_ctx *ui, ui_scroll *s);
/* A column of two page buttons (up above, down below) in r, ids
 * "<id>.page_up" / "<id>.page_down"; disabled at the ends. view_h is the
 * height of the list area. */
void ui_scroll_page_buttons(ui_ctx *ui, const char *id, ui_rect r, ui_scroll *s, int view_h);
/* Index range of fixed-height rows visible in a view of view_h pixels. */
void ui_scroll_visible_rows(const ui_scroll *s, int row_h, int view_h, int count, int *first, int *last);

#endif

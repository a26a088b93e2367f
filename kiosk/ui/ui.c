/* ui.c: the immediate-mode UI core (see ui.h). */
#include "ui.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../core/utf8.h"

void ui_init(ui_ctx *ui, int width, int height, double px_per_mm, ui_measure_fn measure, void *user)
{
    memset(ui, 0, sizeof *ui);
    ui->width = width;
    ui->height = height;
    ui->px_per_mm = px_per_mm;
    ui->measure = measure;
    ui->measure_user = user;
}

uint32_t ui_hash(const char *s)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 16777619u;
    }
    return h ? h : 1;
}

int ui_mm(const ui_ctx *ui, double mm)
{
    return (int)(mm * ui->px_per_mm + 0.5);
}

void ui_input_press(ui_ctx *ui, int x, int y)
{
    ui->pointer_x = ui->press_x = x;
    ui->pointer_y = ui->press_y = y;
    ui->pointer_down = true;
    ui->press_event = true;
    ui->dragging = false;
    ui->drag_dx = ui->drag_dy = 0;
}

void ui_input_release(ui_ctx *ui, int x, int y)
{
    ui->pointer_x = x;
    ui->pointer_y = y;
    ui->pointer_down = false;
    ui->release_event = true;
}

void ui_input_motion(ui_ctx *ui, int x, int y)
{
    if (ui->pointer_down) {
        if (!ui->dragging) {
            int dx = x - ui->press_x, dy = y - ui->press_y;
            int slop = ui_mm(ui, 4);
            if (dx * dx + dy * dy > slop * slop) {
                ui->dragging = true;
                ui->drag_dx += x - ui->press_x;
                ui->drag_dy += y - ui->press_y;
            }
        } else {
            ui->drag_dx += x - ui->pointer_x;
            ui->drag_dy += y - ui->pointer_y;
        }
    }
    ui->pointer_x = x;
    ui->pointer_y = y;
}

bool ui_input_room(const ui_ctx *ui, size_t text_bytes, int keys)
{
    return ui->text_input_len + text_bytes < sizeof ui->text_input && ui->key_count + keys <= UI_MAX_KEYS;
}

void ui_input_cancel(ui_ctx *ui)
{
    ui->press_event = false;
    ui->active_id = 0;
}

bool ui_input_text(ui_ctx *ui, const char *utf8)
{
    size_t n = strlen(utf8);
    if (!ui_input_room(ui, n, 0)) {
        ui->input_lost++;
        return false;
    }
    memcpy(ui->text_input + ui->text_input_len, utf8, n + 1);
    ui->text_input_len += n;
    return true;
}

bool ui_input_key(ui_ctx *ui, ui_key key, int mods)
{
    if (!ui_input_room(ui, 0, 1)) {
        ui->input_lost++;
        return false;
    }
    ui->keys[ui->key_count] = key;
    ui->key_mods[ui->key_count] = mods;
    ui->key_count++;
    return true;
}

void ui_begin(ui_ctx *ui)
{
    ui->cmd_count = 0;
    ui->element_count = 0;
    ui->arena_used = 0;
    ui->auto_id = 0;
    ui->overflow = false;
    ui->want_redraw = false;
    ui->clip = (ui_rect){ 0, 0, ui->width, ui->height };
    if (ui->press_event)
        ui->active_id = 0;
}

void ui_end(ui_ctx *ui)
{
    if (ui->release_event)
        ui->active_id = 0;
    ui->press_event = false;
    ui->release_event = false;
    ui->drag_dx = ui->drag_dy = 0;
    ui->text_input[0] = '\0';
    ui->text_input_len = 0;
    ui->key_count = 0;
}

const char *ui_strdup(ui_ctx *ui, const char *text)
{
    if (!text)
        text = "";
    size_t n = strlen(text) + 1;
    if (ui->arena_used + n > sizeof ui->arena) {
        ui->overflow = true;
        return "";
    }
    char *p = ui->arena + ui->arena_used;
    memcpy(p, text, n);
    ui->arena_used += n;
    return p;
}

const char *ui_format(ui_ctx *ui, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return ui_strdup(ui, buf);
}

static ui_cmd *push_cmd(ui_ctx *ui, ui_cmd_kind kind)
{
    if (ui->cmd_count >= UI_MAX_CMDS) {
        ui->overflow = true;
        return NULL;
    }
    ui_cmd *c = &ui->cmds[ui->cmd_count++];
    memset(c, 0, sizeof *c);
    c->kind = kind;
    return c;
}

static bool rect_visible(const ui_ctx *ui, ui_rect r)
{
    return r.w > 0 && r.h > 0 && r.x < ui->clip.x + ui->clip.w && r.x + r.w > ui->clip.x &&
           r.y < ui->clip.y + ui->clip.h && r.y + r.h > ui->clip.y;
}

void ui_draw_rect(ui_ctx *ui, ui_rect r, ui_color color, int radius)
{
    if (!rect_visible(ui, r))
        return;
    ui_cmd *c = push_cmd(ui, UI_CMD_RECT);
    if (c) {
        c->rect = r;
        c->color = color;
        c->radius = radius;
    }
}

void ui_draw_border(ui_ctx *ui, ui_rect r, ui_color color, int width, int radius)
{
    if (!rect_visible(ui, r) || width <= 0)
        return;
    ui_cmd *c = push_cmd(ui, UI_CMD_RECT);
    if (c) {
        c->rect = r;
        c->color = color;
        c->border = width;
        c->radius = radius;
    }
}

void ui_draw_text(ui_ctx *ui, int x, int y, const char *text, int px, bool bold, ui_color color)
{
    if (!text || !*text)
        return;
    ui_cmd *c = push_cmd(ui, UI_CMD_TEXT);
    if (c) {
        c->rect = (ui_rect){ x, y, 0, px };
        c->color = color;
        c->font_px = px;
        c->bold = bold;
        c->text = ui_strdup(ui, text);
    }
}

void ui_clip_push(ui_ctx *ui, ui_rect r)
{
    ui->clip = r;
    ui_cmd *c = push_cmd(ui, UI_CMD_CLIP);
    if (c)
        c->rect = r;
}

void ui_clip_pop(ui_ctx *ui)
{
    ui_clip_push(ui, (ui_rect){ 0, 0, ui->width, ui->height });
}

int ui_text_width(ui_ctx *ui, const char *text, int px, bool bold)
{
    return ui->measure ? ui->measure(ui->measure_user, text, strlen(text), px, bold) : 0;
}

static int width_of(ui_ctx *ui, const char *text, size_t len, int px, bool bold)
{
    return ui->measure ? ui->measure(ui->measure_user, text, len, px, bold) : 0;
}

void ui_element_add(ui_ctx *ui, const char *id, ui_el_kind kind, int state, const char *label, ui_rect r)
{
    /* the automation view lists what can be seen: nothing outside the
     * window or scrolled out of its list */
    if (!rect_visible(ui, r))
        return;
    if (ui->element_count >= UI_MAX_ELEMENTS) {
        ui->overflow = true;
        return;
    }
    ui_element *e = &ui->elements[ui->element_count++];
    e->id = id ? ui_strdup(ui, id) : ui_format(ui, "text%d", ++ui->auto_id);
    e->kind = kind;
    e->state = state;
    e->label = ui_strdup(ui, label);
    e->rect = r;
}

bool ui_target(ui_ctx *ui, const char *id, ui_rect r, bool disabled, bool *pressed)
{
    uint32_t h = ui_hash(id);
    ui_rect visible = r;
    bool inside_clip = rect_visible(ui, r);
    if (!disabled && !ui->input_blocked && inside_clip && ui->press_event && ui_contains(visible, ui->press_x, ui->press_y) &&
        ui_contains(ui->clip, ui->press_x, ui->press_y))
        ui->active_id = h;
    bool mine = ui->active_id == h && !disabled;
    if (pressed)
        *pressed = mine && ui->pointer_down && !ui->dragging && ui_contains(r, ui->pointer_x, ui->pointer_y);
    if (mine && ui->release_event && !ui->dragging && ui_contains(r, ui->pointer_x, ui->pointer_y)) {
        ui->want_redraw = true;
        return true;
    }
    return false;
}

/* Longest prefix of text (at a character boundary) that fits max_w. */
static size_t fit_prefix(ui_ctx *ui, const char *text, size_t len, int max_w, int px, bool bold)
{
    size_t lo = 0, hi = len;
    while (lo < hi) {
        size_t mid = utf8_next(text, len, (lo + hi) / 2);
        if (mid > hi)
            mid = hi;
        if (mid == lo)
            mid = utf8_next(text, len, lo);
        if (width_of(ui, text, mid, px, bold) <= max_w)
            lo = mid;
        else
            hi = utf8_prev(text, mid);
        if (hi < lo)
            hi = lo;
    }
    return lo;
}

void ui_label(ui_ctx *ui, const char *id, ui_rect r, const char *text, int px, bool bold, ui_color c, int align)
{
    if (!text)
        text = "";
    char buf[1024];
    const char *shown = text;
    int w = ui_text_width(ui, text, px, bold);
    if (w > r.w) {
        static const char ell[] = "\xE2\x80\xA6";
        int ell_w = ui_text_width(ui, ell, px, bold);
        size_t keep = fit_prefix(ui, text, strlen(text), r.w - ell_w, px, bold);
        if (keep > sizeof buf - sizeof ell)
            keep = sizeof buf - sizeof ell;
        keep = keep < strlen(text) ? keep : strlen(text);
        /* never cut inside a character */
        while (keep > 0 && ((unsigned char)text[keep] & 0xC0) == 0x80)
            keep--;
        memcpy(buf, text, keep);
        memcpy(buf + keep, ell, sizeof ell);
        shown = buf;
        w = ui_text_width(ui, shown, px, bold);
    }
    int x = r.x;
    if (align == UI_ALIGN_CENTER)
        x = r.x + (r.w - w) / 2;
    else if (align == UI_ALIGN_RIGHT)
        x = r.x + r.w - w;
    int y = r.y + (r.h - px * 5 / 4) / 2;
    ui_draw_text(ui, x, y, shown, px, bold, c);
    if (*shown)
        ui_element_add(ui, id, UI_EL_TEXT, 0, shown, r);
}

int ui_paragraph(ui_ctx *ui, const char *id, ui_rect r, const char *text, int px, bool bold, ui_color c, int align)
{
    if (!text || !*text)
        return 0;
    int line_h = px * 5 / 4;
    int y = r.y;
    size_t len = strlen(text), pos = 0;
    while (pos < len) {
        /* take words while they fit; break inside a word only if it alone is too wide */
        size_t line_end = pos, last_fit = pos;
        while (line_end < len && text[line_end] != '\n') {
            size_t next = line_end;
            while (next < len && text[next] == ' ')
                next++;
            while (next < len && text[next] != ' ' && text[next] != '\n')
                next++;
            if (width_of(ui, text + pos, next - pos, px, bold) > r.w)
                break;
            line_end = last_fit = next;
        }
        if (last_fit == pos) {
            if (line_end < len && text[line_end] == '\n' && line_end == pos) {
                last_fit = pos; /* empty line */
            } else {
                last_fit = pos + fit_prefix(ui, text + pos, len - pos, r.w, px, bold);
                if (last_fit == pos)
                    last_fit = utf8_next(text, len, pos);
            }
        }
        char buf[1024];
        size_t n = last_fit - pos;
        if (n >= sizeof buf)
            n = sizeof buf - 1;
        memcpy(buf, text + pos, n);
        buf[n] = '\0';
        if (y + line_h <= r.y + r.h || y == r.y) {
            ui_rect line = { r.x, y, r.w, line_h };
            ui_label(ui, id, line, buf, px, bold, c, align);
        }
        y += line_h;
        pos = last_fit;
        while (pos < len && text[pos] == ' ')
            pos++;
        if (pos < len && text[pos] == '\n')
            pos++;
    }
    return y - r.y;
}

ui_rect ui_cut_top(ui_rect *r, int h)
{
    if (h > r->h) h = r->h;
    ui_rect out = { r->x, r->y, r->w, h };
    r->y += h;
    r->h -= h;
    return out;
}

ui_rect ui_cut_bottom(ui_rect *r, int h)
{
    if (h > r->h) h = r->h;
    r->h -= h;
    return (ui_rect){ r->x, r->y + r->h, r->w, h };
}

ui_rect ui_cut_left(ui_rect *r, int w)
{
    if (w > r->w) w = r->w;
    ui_rect out = { r->x, r->y, w, r->h };
    r->x += w;
    r->w -= w;
    return out;
}

ui_rect ui_cut_right(ui_rect *r, int w)
{
    if (w > r->w) w = r->w;
    r->w -= w;
    return (ui_rect){ r->x + r->w, r->y, w, r->h };
}

ui_rect ui_inset(ui_rect r, int d)
{
    ui_rect o = { r.x + d, r.y + d, r.w - 2 * d, r.h - 2 * d };
    if (o.w < 0) o.w = 0;
    if (o.h < 0) o.h = 0;
    return o;
}

bool ui_contains(ui_rect r, int x, int y)
{
    return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

ui_rect ui_grid_cell(ui_rect r, int cols, int rows, int gap, int i)
{
    int cw = (r.w - gap * (cols - 1)) / cols;
    int ch = (r.h - gap * (rows - 1)) / rows;
    int cx = i % cols, cy = i / cols;
    return (ui_rect){ r.x + cx * (cw + gap), r.y + cy * (ch + gap), cw, ch };
}

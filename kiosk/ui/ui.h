/* ui.h: a small immediate-mode UI core made for touch, in the shape of
 * microui: input is pushed in, widgets are called every frame, and the output
 * is a list of draw commands plus a list of visible elements (the automation
 * and accessibility view). It never draws and never includes SDL, so it runs
 * and is tested with no screen. Targets act on release inside them, never on
 * hover; a press that turns into a drag does not click. */
#ifndef VB_UI_H
#define VB_UI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define UI_MAX_CMDS 4096
#define UI_MAX_ELEMENTS 1024
#define UI_ARENA_SIZE (256 * 1024)
#define UI_TEXT_INPUT_MAX 4096 /* bytes of typed text one frame takes */
#define UI_MAX_KEYS 64         /* keys one frame takes */

typedef struct ui_rect { int x, y, w, h; } ui_rect;
typedef struct ui_color { uint8_t r, g, b, a; } ui_color;

typedef enum ui_cmd_kind { UI_CMD_RECT, UI_CMD_TEXT, UI_CMD_CLIP } ui_cmd_kind;

typedef struct ui_cmd {
    ui_cmd_kind kind;
    ui_rect rect;      /* RECT: area; TEXT: top-left at x,y; CLIP: clip area */
    ui_color color;
    int radius;        /* RECT: corner radius */
    int border;        /* RECT: outline width, 0 = filled */
    int font_px;       /* TEXT */
    bool bold;         /* TEXT */
    const char *text;  /* TEXT: NUL-terminated, in the frame arena */
} ui_cmd;

typedef enum ui_el_kind { UI_EL_BUTTON, UI_EL_CHIP, UI_EL_TOGGLE, UI_EL_KEY, UI_EL_FIELD, UI_EL_TEXT } ui_el_kind;
enum { UI_STATE_PRESSED = 1, UI_STATE_SELECTED = 2, UI_STATE_DISABLED = 4 };

typedef struct ui_element {
    const char *id;    /* stable, e.g. "home.idea_new" */
    ui_el_kind kind;
    int state;         /* UI_STATE_* bits */
    const char *label; /* exactly as shown */
    ui_rect rect;      /* window pixels */
} ui_element;

/* Keys the UI understands, independent of SDL. */
typedef enum ui_key {
    UI_KEY_NONE, UI_KEY_RETURN, UI_KEY_BACKSPACE, UI_KEY_DELETE, UI_KEY_LEFT, UI_KEY_RIGHT,
    UI_KEY_UP, UI_KEY_DOWN, UI_KEY_HOME, UI_KEY_END, UI_KEY_ESCAPE, UI_KEY_TAB,
    UI_KEY_PAGEUP, UI_KEY_PAGEDOWN, UI_KEY_F4, UI_KEY_Q, UI_KEY_OTHER
} ui_key;
enum { UI_MOD_SHIFT = 1, UI_MOD_CTRL = 2, UI_MOD_ALT = 4 };

/* Text width in pixels of text[0..len) at a font size (supplied by platform). */
typedef int (*ui_measure_fn)(void *user, const char *text, size_t len, int px, bool bold);

enum { UI_ALIGN_LEFT = 0, UI_ALIGN_CENTER = 1, UI_ALIGN_RIGHT = 2 };

typedef struct ui_ctx {
    /* set by the owner */
    int width, height;       /* window pixels */
    double px_per_mm;        /* from the panel width */
    ui_measure_fn measure;
    void *measure_user;

    /* pointer input (one press or release per frame, see ui_input_*) */
    int pointer_x, pointer_y;
    bool pointer_down;
    bool press_event, release_event;
    int press_x, press_y;
    bool dragging;           /* moved far enough from the press to scroll */
    int drag_dy, drag_dx;    /* movement since the last frame while dragging */
    uint32_t active_id;      /* element pressed and not yet released */

    /* keyboard input for this frame: bounded, and never dropped in silence.
     * The owner asks ui_input_room before it takes the next input event and
     * builds a frame first when there is no room, so a burst of any size
     * (a paste, a badge reader, input queued while the UI was busy) comes
     * through whole, spread over several frames. */
    char text_input[UI_TEXT_INPUT_MAX];
    size_t text_input_len;
    ui_key keys[UI_MAX_KEYS];
    int key_mods[UI_MAX_KEYS];
    int key_count;
    int input_lost;          /* input refused for want of room: a bug of the owner */

    /* output of the frame */
    ui_cmd cmds[UI_MAX_CMDS];
    int cmd_count;
    ui_element elements[UI_MAX_ELEMENTS];
    int element_count;
    char arena[UI_ARENA_SIZE];
    size_t arena_used;
    int auto_id;
    bool overflow;           /* a limit was hit this frame (reported, not fatal) */
    bool want_redraw;        /* state changed during the frame: build another */
    bool input_blocked;      /* a modal dialog is open: targets below it take no press */
    ui_rect clip;
} ui_ctx;

void ui_init(ui_ctx *ui, int width, int height, double px_per_mm, ui_measure_fn measure, void *user);

/* Input, pushed in by the platform layer between frames. */
void ui_input_press(ui_ctx *ui, int x, int y);
void ui_input_release(ui_ctx *ui, int x, int y);
void ui_input_motion(ui_ctx *ui, int x, int y);
/* The press in progress is no tap any more (a second finger or a palm came
 * down): no target takes it or clicks on its release; a drag goes on. */
void ui_input_cancel(ui_ctx *ui);
/* Text and keys for this frame. Taken whole or not at all: false (and
 * input_lost counts it) when the frame has no room left; see ui_input_room. */
bool ui_input_text(ui_ctx *ui, const char *utf8);
bool ui_input_key(ui_ctx *ui, ui_key key, int mods);
/* True while this frame can still take text_bytes more bytes of text and
 * keys more keys. When false, build a frame (it consumes the input) before
 * taking more input events. */
bool ui_input_room(const ui_ctx *ui, size_t text_bytes, int keys);

void ui_begin(ui_ctx *ui);
void ui_end(ui_ctx *ui);

/* Size helpers: millimetres on the real panel to pixels. */
int ui_mm(const ui_ctx *ui, double mm);

/* Copies text into the frame arena (valid until the next ui_begin). */
const char *ui_strdup(ui_ctx *ui, const char *text);
const char *ui_format(ui_ctx *ui, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Drawing primitives. */
void ui_draw_rect(ui_ctx *ui, ui_rect r, ui_color c, int radius);
void ui_draw_border(ui_ctx *ui, ui_rect r, ui_color c, int width, int radius);
void ui_draw_text(ui_ctx *ui, int x, int y, const char *text, int px, bool bold, ui_color c);
void ui_clip_push(ui_ctx *ui, ui_rect r);
void ui_clip_pop(ui_ctx *ui);
int ui_text_width(ui_ctx *ui, const char *text, int px, bool bold);

/* Registers an element in the automation view. */
void ui_element_add(ui_ctx *ui, const char *id, ui_el_kind kind, int state, const char *label, ui_rect r);

/* Pointer logic of one target: returns true when released inside after a
 * press inside (not a drag). *pressed tells whether to draw it pressed. */
bool ui_target(ui_ctx *ui, const char *id, ui_rect r, bool disabled, bool *pressed);

/* Text that fits one line: shortened with "…" when too wide. Registered as a
 * text element under id (NULL: an automatic id). */
void ui_label(ui_ctx *ui, const char *id, ui_rect r, const char *text, int px, bool bold, ui_color c, int align);
/* Word-wrapped text from the top of r; returns the height used. */
int ui_paragraph(ui_ctx *ui, const char *id, ui_rect r, const char *text, int px, bool bold, ui_color c, int align);

/* Rect cutting, for layout. */
ui_rect ui_cut_top(ui_rect *r, int h);
ui_rect ui_cut_bottom(ui_rect *r, int h);
ui_rect ui_cut_left(ui_rect *r, int w);
ui_rect ui_cut_right(ui_rect *r, int w);
ui_rect ui_inset(ui_rect r, int d);
bool ui_contains(ui_rect r, int x, int y);
/* Cell i of a grid of cols x rows inside r with gap pixels between cells. */
ui_rect ui_grid_cell(ui_rect r, int cols, int rows, int gap, int i);

uint32_t ui_hash(const char *s);

#endif

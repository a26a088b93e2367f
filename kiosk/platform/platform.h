/* platform.h: the thin layer between SDL and the rest of the kiosk. It opens
 * the window (or an offscreen surface), turns SDL events into platform
 * events, draws the UI's command list with SDL_Renderer and SDL_ttf (text
 * rendered once per string and size, kept in a bounded cache), writes PNG
 * screenshots, and injects synthetic input through SDL's own event queue for
 * --script. No SDL type appears in this header. */
#ifndef VB_PLATFORM_H
#define VB_PLATFORM_H

/* Only platform/, app/, main.c and the tests may include this: the Makefile
 * defines VB_PLATFORM_ALLOWED for those compile units alone. A screen draws
 * through ui/ and asks for a loop turn with a deadline (app/screen.h). */
#ifndef VB_PLATFORM_ALLOWED
#error "platform.h is not for this layer: only platform/, app/ and main.c may include it (docs/HACKING.md)"
#endif

#include <stdbool.h>
#include <stdint.h>

#include "../core/vb_err.h"
#include "../ui/ui.h"

typedef struct platform platform;

typedef struct platform_config {
    int width, height;        /* window size; 0,0 = the display's size */
    bool windowed;            /* false: SDL_WINDOW_FULLSCREEN_DESKTOP */
    bool offscreen;           /* render into memory only (screenshots, benches) */
    bool gpu;                 /* accelerated renderer instead of software */
    int display;              /* display index for the window */
    const char *font_path;    /* NULL: search the usual places */
    const char *font_bold_path;
    const char *title;
} platform_config;

typedef enum platform_event_kind {
    PEV_NONE,
    PEV_PRESS,        /* x, y */
    PEV_RELEASE,      /* x, y */
    PEV_MOTION,       /* x, y */
    PEV_CANCEL,       /* the press in progress is no tap any more (a second finger, a palm) */
    PEV_TEXT,         /* text */
    PEV_KEY,          /* key, mods, text (key name) */
    PEV_QUIT_WINDOW,  /* close button, Alt+F4 through a window manager */
    PEV_QUIT_SIGNAL,  /* SIGTERM or SIGINT */
    PEV_RESIZE,       /* x = width, y = height */
    PEV_EXPOSE,       /* redraw needed */
    PEV_WAKE          /* an injected no-op, e.g. after a script step */
} platform_event_kind;

typedef struct platform_event {
    platform_event_kind kind;
    int x, y;
    ui_key key;
    int mods;
    uint32_t timestamp_ms; /* when the event happened, SDL ticks */
    char text[32];
} platform_event;

/* Installs the SIGTERM/SIGINT handling; call first in main. Once a window is
 * open the signals become PEV_QUIT_SIGNAL (a clean stop); before that, and in
 * admin commands, they act as usual. */
void platform_block_quit_signals(void);

vb_code platform_open(platform **out, const platform_config *cfg, vb_err *err);
void platform_close(platform *p);
void platform_size(const platform *p, int *w, int *h);
/* The font file that was loaded (for --help and messages). */
const char *platform_font_path(const platform *p);

/* Waits up to timeout_ms (-1: forever, 0: poll) for the next event. */
bool platform_next_event(platform *p, int timeout_ms, platform_event *ev);
/* Takes the next queued pointer event (mouse or finger, on the kiosk
 * window) without waiting, and leaves every other event queued in order
 * (text, keys, signals): for the screen while a write waits. */
bool platform_take_pointer_event(platform *p, platform_event *ev);
/* True when no event is queued. */
bool platform_queue_empty(platform *p);
/* Monotonic milliseconds. */
int64_t platform_ticks_ms(void);

/* Measures text for the UI (ui_measure_fn). */
int platform_text_width(void *p, const char *text, size_t len, int px, bool bold);
/* Draws a frame's command list and presents it. */
void platform_render(platform *p, const ui_cmd *cmds, int count, ui_color background);
void platform_present(platform *p);
vb_code platform_save_png(platform *p, const char *path, vb_err *err);
/* A second window for the wall pages on another display (--wall-display):
 * fullscreen there, or w x h beside the kiosk window when windowed. Pointer
 * and touch input on it is ignored, so touch stays on the kiosk panel.
 *
 * Touch: the first finger down owns the gesture and drives the pointer
 * (press, motion, release) until it lifts. Other fingers never press
 * anything; a second finger while the first is down (a palm, a hand resting
 * on the panel) makes the gesture no tap (PEV_CANCEL): nothing clicks when
 * it lifts, though a drag in progress goes on scrolling. */
vb_code platform_open_second(platform *p, int display, int w, int h, bool windowed, vb_err *err);
bool platform_has_second(const platform *p);
void platform_second_size(const platform *p, int *w, int *h);
void platform_render_second(platform *p, const ui_cmd *cmds, int count, ui_color background);
void platform_present_second(platform *p);

/* Text cache statistics, for benchmarks and the monkey test. */
void platform_text_cache_stats(const platform *p, int *entries, int *capacity);
/* Drops every cached text texture (they are made again when drawn). */
void platform_text_cache_flush(platform *p);

/* Synthetic input through SDL's event queue: the same path as real input. */
void platform_inject_press(platform *p, int x, int y);
void platform_inject_release(platform *p, int x, int y);
void platform_inject_motion(platform *p, int x, int y);
void platform_inject_text(platform *p, const char *utf8);
/* key by SDL key name ("Return", "Backspace", "F4", "Q", ...); false if unknown. */
bool platform_inject_key(platform *p, const char *name, int mods);
void platform_inject_wake(platform *p);
/* A finger on the touch panel, as SDL delivers it: SDL_FINGERDOWN / MOTION /
 * UP with coordinates normalised to the window, a touch device id and a
 * finger id. x, y are pixels of the kiosk window, or of the wall window
 * when on_second (input there is ignored, see platform_open_second). */
typedef enum platform_finger { PF_DOWN, PF_MOVE, PF_UP } platform_finger;
void platform_inject_finger(platform *p, platform_finger what, int finger_id, int x, int y, bool on_second);

#endif

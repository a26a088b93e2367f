/* script.h: --script, the deterministic driver of the real app. Each line
 * of the file is one JSON action: tap an element by id, type text, press a
 * key, scan a badge, advance the clock, take a screenshot. Actions run one at
 * a time once the app has settled (nothing queued, frame drawn), and input is
 * injected through SDL's event queue, the same path as real input; an action
 * with "while_saving":true runs while a save waits instead (to test that the
 * screen answers then). */
#ifndef VB_SCRIPT_H
#define VB_SCRIPT_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/vb_err.h"

typedef struct app app;
typedef struct script script;

typedef enum script_kind {
    SA_NONE,       /* blank line or comment */
    SA_TAP,        /* {"tap":"element.id"} or {"tap":[x,y]} */
    SA_DRAG,       /* {"drag":"element.id","dx":0,"dy":-300}, with "touch":true by finger */
    SA_TOUCH,      /* {"touch":"element.id"} or {"touch":[x,y]}: a tap by finger (SDL_FINGERDOWN/UP);
                      "id":N the finger, "window":"wall" on the wall window */
    SA_FINGER,     /* {"finger":"down"|"move"|"up","id":N,"at":"element.id"|[x,y]} (+ "window":"wall") */
    SA_PALM,       /* {"palm":[[x,y],[x,y],...]}: several fingers down at once, then all up */
    SA_TYPE,       /* {"type":"text"} (text input, as the on-screen keyboard or an IME) */
    SA_KEY,        /* {"key":"Return","mods":["ctrl","alt","shift"]} */
    SA_BADGE,      /* {"badge":"04A1B2"}: a fast burst of keys ending in Enter */
    SA_ADVANCE,    /* {"advance":90}: seconds of clock */
    SA_WAIT,       /* {"wait":"settled"} */
    SA_SCREENSHOT, /* {"screenshot":"path.png"} */
    SA_QUIT        /* {"quit":true} */
} script_kind;

typedef struct script_action {
    script_kind kind;
    char arg[512];   /* element id, key name, badge, path */
    char *text;      /* SA_TYPE: the text, any length (script_action_clear frees it) */
    bool has_xy;
    int x, y, dx, dy;
    bool touch;      /* SA_DRAG: by finger */
    bool on_wall;    /* SA_TOUCH, SA_FINGER: on the wall window (--wall-display) */
    int finger;      /* SA_TOUCH, SA_FINGER: finger id */
    int finger_what; /* SA_FINGER: 0 down, 1 move, 2 up */
    int points[10][2]; /* SA_PALM */
    int npoints;
    int64_t ms;
    int mods;
    bool while_saving; /* "while_saving":true: runs while a write waits (script_step_waiting) */
} script_action;

typedef enum script_result { SCRIPT_CONTINUE, SCRIPT_DONE, SCRIPT_FAILED } script_result;

/* Parses one line (of any length); VB_ERR_INVALID with a reason for
 * anything unknown. Call script_action_clear on the action afterwards. */
vb_code script_parse_line(const char *line, script_action *out, vb_err *err);
void script_action_clear(script_action *a);

vb_code script_open(script **out, const char *path, vb_err *err);
void script_close(script *s);
/* Performs the next step (an action may take several steps, e.g. press then
 * release). Prints a message naming the line on failure. */
script_result script_step(script *s, app *a);
/* While a write waits (app/busy.c): reads a line only when one is there
 * already, and performs the next step of an action marked
 * "while_saving":true (a tap, touch, typing, a key, a badge or a
 * screenshot), its targets found in frame (the frame on screen); any other
 * action waits for script_step, once the kiosk has settled. */
typedef struct ui_ctx ui_ctx;
script_result script_step_waiting(script *s, app *a, const ui_ctx *frame);

#endif

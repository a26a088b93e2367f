/* textfield.h: text fields and the on-screen keyboard.
 *
 * A field shows its text, its length against the limit ("42 / 200"), a
 * cursor when focused, and a visible refusal when text was too long or not
 * valid. Tapping a field focuses it; the focused field then takes the
 * physical keyboard (SDL text input and editing keys) and the on-screen
 * keyboard, which the app shows over the lower part of the screen.
 *
 * The keyboard has Dutch and English letters, digits and punctuation, a key
 * for accented letters (ë é è ï ö ü á à ç ñ) and the Polish letters
 * (ą ć ę ł ń ó ś ź ż), shift, backspace, space and a clear "done". Keys are
 * registered as elements of kind "key" with ids "kbd.<what>", e.g. "kbd.a",
 * "kbd.ë", "kbd.shift", "kbd.space", "kbd.backspace", "kbd.done",
 * "kbd.accents", "kbd.digits", "kbd.letters", "kbd.left", "kbd.right".
 * A character key's id is the character it types now: "kbd.a", or "kbd.A"
 * while shift is on.
 *
 * The PIN pad is a big 3x4 numeric keypad for personal and lead PINs: the
 * digits show only as dots above it. */
#ifndef VB_TEXTFIELD_H
#define VB_TEXTFIELD_H

#include "../core/textedit.h"
#include "ui.h"

typedef enum ui_keyboard_layer { KB_LETTERS, KB_DIGITS, KB_ACCENTS } ui_keyboard_layer;

/* The keyboard's state, kept by its owner between frames. (The type is not
 * called ui_keyboard: that is the function.) */
typedef struct ui_keyboard {
    bool shift;              /* one capital, then back to lower case */
    ui_keyboard_layer layer;
} ui_keyboard_state;

/* Draws a field in r (label above it when label is not NULL). Returns true
 * when tapped (the caller then makes it the focused field). */
bool ui_text_field(ui_ctx *ui, const char *id, ui_rect r, const char *label, const text_edit *te,
                   const char *placeholder, bool focused);
/* The same field with label and text in large type, for the full-screen
 * editor (app_edit_open). */
bool ui_text_field_large(ui_ctx *ui, const char *id, ui_rect r, const char *label, const text_edit *te,
                         const char *placeholder, bool focused);
/* Applies this frame's physical-keyboard input (text, editing keys) to te.
 * Returns true when Return was pressed in a single-line field. */
bool ui_text_field_input(ui_ctx *ui, text_edit *te);
/* The height the keyboard wants at this panel size. */
int ui_keyboard_height(const ui_ctx *ui);
/* Draws the keyboard in r and applies taps to te. Returns true on "done". */
bool ui_keyboard(ui_ctx *ui, ui_keyboard_state *kb, ui_rect r, text_edit *te);

/* A PIN pad in r: a row of dots (one per digit typed, never the digits),
 * then keys 1-9, "back", 0 and "OK" (ids "<id>.0" .. "<id>.9", "<id>.back",
 * "<id>.ok", kind key; the dots are the text element "<id>.dots").
 * digits is NUL-terminated and holds up to max digits (the buffer has
 * max + 1 bytes). Digits, Backspace and Return on a physical keyboard work
 * too. Returns true when OK was tapped (or Return pressed) with at least one
 * digit; the caller checks the PIN and clears digits. */
bool ui_pin_pad(ui_ctx *ui, const char *id, ui_rect r, char *digits, size_t max);

#endif

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
 * "kbd.accents", "kbd.digits". */
#ifndef VB_TEXTFIELD_H
#define VB_TEXTFIELD_H

#include "../core/textedit.h"
#include "ui.h"

typedef enum ui_keyboard_layer { KB_LETTERS, KB_DIGITS, KB_ACCENTS } ui_keyboard_layer;

typedef struct ui_keyboard {
    bool shift;
    ui_keyboard_layer layer;
} ui_keyboard;

/* Draws a field in r (label above it when label is not NULL). Returns true
 * when tapped (the caller then makes it the focused field). */
bool ui_text_field(ui_ctx *ui, const char *id, ui_rect r, const char *label, const text_edit *te,
                   const char *placeholder, bool focused);
/* Applies this frame's physical-keyboard input (text, editing keys) to te.
 * Returns true when Return was pressed in a single-line field. */
bool ui_text_field_input(ui_ctx *ui, text_edit *te);
/* The height the keyboard wants at this panel size. */
int ui_keyboard_height(const ui_ctx *ui);
/* Draws the keyboard in r and applies taps to te. Returns true on "done". */
bool ui_keyboard(ui_ctx *ui, ui_keyboard *kb, ui_rect r, text_edit *te);

#endif

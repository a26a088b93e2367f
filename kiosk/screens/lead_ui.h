/* lead_ui.h: what the lead-mode screens (lead, settings, roster) share: the
 * lead gate, a card background, and one way to say whether a change was
 * saved and, when not, why and what to do. */
#ifndef VB_LEAD_UI_H
#define VB_LEAD_UI_H

#include <stdbool.h>
#include <stddef.h>

#include "../app/app.h"
#include "../core/vb_err.h"
#include "../ui/ui.h"

/* True when a lead is signed in; otherwise opens the lead sign-in, which
 * comes back to screen afterwards, and returns false. */
bool lead_ui_gate(app *a, const char *screen);
/* A white card with an outline. */
void lead_ui_card(ui_ctx *ui, ui_rect r);
/* After a store call: "Saved" (ok_text, or the default) on VB_OK, otherwise
 * an error notice "Not saved: <why>" where why is refused_text for
 * VB_ERR_CONSTRAINT / VB_ERR_INVALID (when given) or a plain text for the
 * code. Returns rc == VB_OK. */
bool lead_ui_result(app *a, vb_code rc, const vb_err *err, const char *ok_text, const char *refused_text);
/* A short plain reason for a store failure (translated). */
const char *lead_ui_reason(vb_code rc);
/* Whether a list row with targets is drawn: its centre (where a finger or
 * a script taps) lies inside the list's view; a row cut more than half
 * at the edge waits until it scrolls in. */
bool lead_ui_row_shown(ui_rect row, ui_rect view);
/* Copies text into out (size bytes), shortened at a character boundary. */
void lead_ui_copy(char *out, size_t size, const char *text);
/* "HH:MM" of a unix time in local time, into out (6 bytes). */
void lead_ui_hhmm(int64_t unix_s, char out[6]);
/* "HH:MM:SS" (9 bytes): for lockouts, which may last only half a minute. */
void lead_ui_hhmmss(int64_t unix_s, char out[9]);

#endif

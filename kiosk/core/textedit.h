/* textedit.h: the editing model behind every text field. The buffer is
 * always valid UTF-8 within its limit: invalid bytes from any source (badge
 * reader, physical keyboard, script) are refused, the cursor moves by
 * character, backspace removes a whole character, and text past the limit
 * is refused visibly (the 'refused' flag), never cut inside a character.
 * Hidden characters (bidi overrides and isolates, zero-width ones; see
 * utf8_is_hidden) are left out of whatever comes in, and the 'refused' flag
 * says so (TE_REFUSED_HIDDEN), so the editor can tell the user.
 * libc only, so it can be fuzzed on its own. */
#ifndef VB_TEXTEDIT_H
#define VB_TEXTEDIT_H

#include <stdbool.h>
#include <stddef.h>

#define TEXTEDIT_MAX_BYTES 2048

typedef enum text_edit_key {
    TE_KEY_BACKSPACE, TE_KEY_DELETE, TE_KEY_LEFT, TE_KEY_RIGHT, TE_KEY_HOME, TE_KEY_END, TE_KEY_NEWLINE
} text_edit_keycode;

typedef enum text_edit_refusal {
    TE_ACCEPTED = 0,
    TE_REFUSED_TOO_LONG, /* the limit is reached */
    TE_REFUSED_INVALID,  /* not valid UTF-8, or a control character */
    TE_REFUSED_HIDDEN    /* accepted without its hidden characters (bidi controls, zero-width) */
} text_edit_refusal;

typedef struct text_edit {
    char text[TEXTEDIT_MAX_BYTES]; /* NUL-terminated, valid UTF-8 */
    size_t len;                    /* bytes */
    size_t cursor;                 /* byte offset, on a character boundary */
    size_t max_chars;              /* limit in characters (code points) */
    bool multiline;                /* allows '\n' */
    text_edit_refusal refused;     /* the last refusal, until the next accepted edit */
} text_edit;

void text_edit_init(text_edit *te, size_t max_chars, bool multiline);
/* Replaces the content (refused as a whole when invalid or too long;
 * hidden characters are left out). */
text_edit_refusal text_edit_set(text_edit *te, const char *utf8);
void text_edit_clear(text_edit *te);
/* Inserts at the cursor. Whole characters are inserted until the limit; the
 * rest is refused (TE_REFUSED_TOO_LONG). Invalid input is refused whole.
 * Hidden characters are left out (TE_REFUSED_HIDDEN when nothing else was
 * refused). */
text_edit_refusal text_edit_insert(text_edit *te, const char *utf8, size_t len);
void text_edit_key(text_edit *te, text_edit_keycode key);
size_t text_edit_chars(const text_edit *te);
/* True when the text holds something other than spaces and newlines. */
bool text_edit_has_content(const text_edit *te);
/* Copies the text without leading/trailing white space into out. */
void text_edit_trimmed(const text_edit *te, char *out, size_t size);

#endif

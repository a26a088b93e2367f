/* fuzz_textedit.c: text-field editing with arbitrary bytes and key
 * sequences. The buffer must stay valid UTF-8 within its limit, with the
 * cursor on a character boundary, whatever arrives. */
#include <string.h>

#include "../../kiosk/core/textedit.h"
#include "../../kiosk/core/utf8.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    text_edit te;
    text_edit_init(&te, 1 + data[0] % 250, data[1] & 1);
    size_t i = 2;
    while (i < size) {
        uint8_t op = data[i++];
        if (op < 0xC0) {
            size_t n = 1 + op % 24;
            if (n > size - i)
                n = size - i;
            text_edit_insert(&te, (const char *)data + i, n);
            i += n;
        } else {
            text_edit_key(&te, (text_edit_keycode)(op % 7));
        }
        FUZZ_ASSERT(te.len < TEXTEDIT_MAX_BYTES);
        FUZZ_ASSERT(strlen(te.text) == te.len);
        FUZZ_ASSERT(utf8_valid(te.text, te.len, te.multiline));
        FUZZ_ASSERT(text_edit_chars(&te) <= te.max_chars);
        FUZZ_ASSERT(te.cursor <= te.len);
        FUZZ_ASSERT(te.cursor == te.len || ((unsigned char)te.text[te.cursor] & 0xC0) != 0x80);
    }
    char trimmed[TEXTEDIT_MAX_BYTES];
    text_edit_trimmed(&te, trimmed, sizeof trimmed);
    FUZZ_ASSERT(utf8_valid(trimmed, strlen(trimmed), true));
    return 0;
}

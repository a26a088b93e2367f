/* textedit.c: the text field editing model (see textedit.h). */
#include "textedit.h"

#include <stdint.h>
#include <string.h>

#include "utf8.h"

void text_edit_init(text_edit *te, size_t max_chars, bool multiline)
{
    memset(te, 0, sizeof *te);
    te->len = 0;
    te->cursor = 0;
    /* each character takes at most 4 bytes: keep the byte buffer sufficient */
    if (max_chars > (TEXTEDIT_MAX_BYTES - 1) / 4)
        max_chars = (TEXTEDIT_MAX_BYTES - 1) / 4;
    te->max_chars = max_chars;
    te->multiline = multiline;
    te->refused = TE_ACCEPTED;
    te->text[0] = '\0';
}

void text_edit_clear(text_edit *te)
{
    te->len = 0;
    te->cursor = 0;
    te->text[0] = '\0';
    te->refused = TE_ACCEPTED;
}

size_t text_edit_chars(const text_edit *te)
{
    return utf8_count(te->text, te->len);
}

/* A code point a field may hold: printable text, and '\n' in a multi-line
 * field. C0 and C1 controls and DEL are refused. */
static bool storable(uint32_t cp, bool multiline)
{
    if (cp == '\n')
        return multiline;
    return cp >= 0x20 && !(cp >= 0x7F && cp <= 0x9F);
}

/* True when s[0..len) is well-formed UTF-8 made of storable characters. */
static bool storable_text(const char *s, size_t len, bool multiline)
{
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        size_t n = utf8_decode(s + i, len - i, &cp);
        if (n == 0 || !storable(cp, multiline))
            return false;
        i += n;
    }
    return true;
}

text_edit_refusal text_edit_set(text_edit *te, const char *utf8)
{
    size_t n = strlen(utf8);
    if (!storable_text(utf8, n, te->multiline))
        return te->refused = TE_REFUSED_INVALID;
    /* the text without its hidden characters */
    char clean[TEXTEDIT_MAX_BYTES];
    size_t m = 0, i = 0, chars = 0;
    bool hidden = false;
    while (i < n) {
        uint32_t cp;
        size_t k = utf8_decode(utf8 + i, n - i, &cp);
        if (utf8_is_hidden(cp)) {
            hidden = true;
        } else {
            if (m + k >= TEXTEDIT_MAX_BYTES)
                return te->refused = TE_REFUSED_TOO_LONG;
            memcpy(clean + m, utf8 + i, k);
            m += k;
            chars++;
        }
        i += k;
    }
    if (chars > te->max_chars)
        return te->refused = TE_REFUSED_TOO_LONG;
    memcpy(te->text, clean, m);
    te->text[m] = '\0';
    te->len = m;
    te->cursor = m;
    return te->refused = hidden ? TE_REFUSED_HIDDEN : TE_ACCEPTED;
}

text_edit_refusal text_edit_insert(text_edit *te, const char *utf8, size_t len)
{
    /* From a physical keyboard or a paste, tabs become spaces and "\r\n" or
     * '\r' a newline (a space in a one-line field). Anything else must be
     * well-formed printable UTF-8, or the whole input is refused. */
    char clean[TEXTEDIT_MAX_BYTES];
    size_t n = 0;           /* bytes of clean */
    bool fits = true;       /* every character made it into clean */
    bool hidden = false;    /* hidden characters were left out */
    size_t have = text_edit_chars(te), taken = 0;
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        size_t k = utf8_decode(utf8 + i, len - i, &cp);
        if (k == 0)
            return te->refused = TE_REFUSED_INVALID;
        const char *src = utf8 + i;
        i += k;
        char one;
        if (cp == '\t' || cp == '\r' || cp == '\n') {
            if (cp == '\r' && i < len && utf8[i] == '\n')
                i++;
            one = cp == '\t' || !te->multiline ? ' ' : '\n';
            src = &one;
            k = 1;
        } else if (utf8_is_hidden(cp)) {
            hidden = true; /* it could disguise the text: left out */
            continue;
        } else if (!storable(cp, te->multiline)) {
            return te->refused = TE_REFUSED_INVALID;
        }
        /* keep validating the rest even when no more fits */
        if (fits && have + taken < te->max_chars && te->len + n + k < TEXTEDIT_MAX_BYTES) {
            memcpy(clean + n, src, k);
            n += k;
            taken++;
        } else {
            fits = false;
        }
    }
    if (n > 0) {
        memmove(te->text + te->cursor + n, te->text + te->cursor, te->len - te->cursor + 1);
        memcpy(te->text + te->cursor, clean, n);
        te->len += n;
        te->cursor += n;
    }
    return te->refused = !fits ? TE_REFUSED_TOO_LONG : hidden ? TE_REFUSED_HIDDEN : TE_ACCEPTED;
}

void text_edit_key(text_edit *te, text_edit_keycode key)
{
    switch (key) {
    case TE_KEY_BACKSPACE:
        if (te->cursor > 0) {
            size_t start = utf8_prev(te->text, te->cursor);
            memmove(te->text + start, te->text + te->cursor, te->len - te->cursor + 1);
            te->len -= te->cursor - start;
            te->cursor = start;
        }
        te->refused = TE_ACCEPTED;
        break;
    case TE_KEY_DELETE:
        if (te->cursor < te->len) {
            size_t end = utf8_next(te->text, te->len, te->cursor);
            memmove(te->text + te->cursor, te->text + end, te->len - end + 1);
            te->len -= end - te->cursor;
        }
        te->refused = TE_ACCEPTED;
        break;
    case TE_KEY_LEFT: te->cursor = utf8_prev(te->text, te->cursor); break;
    case TE_KEY_RIGHT: te->cursor = utf8_next(te->text, te->len, te->cursor); break;
    case TE_KEY_HOME: te->cursor = 0; break;
    case TE_KEY_END: te->cursor = te->len; break;
    case TE_KEY_NEWLINE: text_edit_insert(te, "\n", 1); break;
    }
}

bool text_edit_has_content(const text_edit *te)
{
    for (size_t i = 0; i < te->len; i++)
        if (te->text[i] != ' ' && te->text[i] != '\n')
            return true;
    return false;
}

void text_edit_trimmed(const text_edit *te, char *out, size_t size)
{
    size_t s = 0, e = te->len;
    while (s < e && (te->text[s] == ' ' || te->text[s] == '\n'))
        s++;
    while (e > s && (te->text[e - 1] == ' ' || te->text[e - 1] == '\n'))
        e--;
    size_t n = e - s;
    if (size == 0)
        return;
    if (n >= size)
        n = size - 1;
    /* never end inside a character */
    while (n > 0 && ((unsigned char)te->text[s + n] & 0xC0) == 0x80 && s + n < e)
        n--;
    memcpy(out, te->text + s, n);
    out[n] = '\0';
}

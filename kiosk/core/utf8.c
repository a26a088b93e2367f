/* utf8.c: UTF-8 validation, stepping and accent folding (see utf8.h). */
#include "utf8.h"

#include <stdio.h>
#include <string.h>

size_t utf8_decode(const char *str, size_t len, uint32_t *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    if (len == 0)
        return 0;
    unsigned char c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t n;
    uint32_t v, min;
    if ((c & 0xE0) == 0xC0) { n = 2; v = c & 0x1F; min = 0x80; }
    else if ((c & 0xF0) == 0xE0) { n = 3; v = c & 0x0F; min = 0x800; }
    else if ((c & 0xF8) == 0xF0) { n = 4; v = c & 0x07; min = 0x10000; }
    else return 0;
    if (len < n)
        return 0;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return n;
}

size_t utf8_encode(uint32_t cp, char out[4])
{
    if (cp < 0x80) { out[0] = (char)cp; return 1; }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp >= 0xD800 && cp <= 0xDFFF)
        return 0;
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    if (cp > 0x10FFFF)
        return 0;
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

bool utf8_valid(const char *s, size_t len, bool allow_newline)
{
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        size_t n = utf8_decode(s + i, len - i, &cp);
        if (n == 0)
            return false;
        if (cp < 0x20 && !(allow_newline && cp == '\n'))
            return false;
        if (cp == 0x7F)
            return false;
        i += n;
    }
    return true;
}

size_t utf8_count(const char *s, size_t len)
{
    size_t count = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            count++;
    return count;
}

size_t utf8_prev(const char *s, size_t pos)
{
    if (pos == 0)
        return 0;
    pos--;
    while (pos > 0 && ((unsigned char)s[pos] & 0xC0) == 0x80)
        pos--;
    return pos;
}

size_t utf8_next(const char *s, size_t len, size_t pos)
{
    if (pos >= len)
        return len;
    pos++;
    while (pos < len && ((unsigned char)s[pos] & 0xC0) == 0x80)
        pos++;
    return pos;
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool utf8_trim_copy(const char *text, char *out, size_t size)
{
    if (size == 0)
        return false;
    if (!text)
        text = "";
    while (is_blank(*text))
        text++;
    size_t len = strlen(text);
    while (len > 0 && is_blank(text[len - 1]))
        len--;
    bool fits = len < size;
    if (!fits)
        len = utf8_prev(text, size); /* the last whole character that fits */
    memcpy(out, text, len);
    out[len] = '\0';
    return fits;
}

bool utf8_copy(const char *text, char *out, size_t size)
{
    if (size == 0)
        return false;
    if (!text)
        text = "";
    size_t len = strlen(text);
    bool fits = len < size;
    if (!fits)
        len = utf8_prev(text, size); /* the last whole character that fits */
    memcpy(out, text, len);
    out[len] = '\0';
    return fits;
}

/* The length of s (len bytes) without a last character that len cut off. */
static size_t whole_characters(const char *s, size_t len)
{
    if (len == 0)
        return 0;
    size_t last = utf8_prev(s, len);
    uint32_t cp;
    return utf8_decode(s + last, len - last, &cp) == len - last ? len : last;
}

bool vb_vfmt(char *out, size_t size, const char *fmt, va_list ap)
{
    if (size == 0)
        return false;
    int n = vsnprintf(out, size, fmt, ap);
    if (n < 0) {
        out[0] = '\0';
        return false;
    }
    if ((size_t)n < size)
        return true;
    out[whole_characters(out, size - 1)] = '\0';
    return false;
}

bool vb_fmt(char *out, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    bool fit = vb_vfmt(out, size, fmt, ap);
    va_end(ap);
    return fit;
}

/* Base letters for U+00C0..U+017F (Latin-1 Supplement letters and Latin
 * Extended-A), lower case; '.' where the character has no plain base. */
static const char latin_base[] =
    /* C0 */ "aaaaaa.ceeeeiiii"
    /* D0 */ "dnooooo.ouuuuy.."
    /* E0 */ "aaaaaa.ceeeeiiii"
    /* F0 */ "dnooooo.ouuuuy.y"
    /* 100 */ "aaaaaaccccccccdd"
    /* 110 */ "ddeeeeeeeeeegggg"
    /* 120 */ "gggghhhhiiiiiiii"
    /* 130 */ "ii..jjkkklllllll"
    /* 140 */ "lllnnnnnnnnnoooo"
    /* 150 */ "oo..rrrrrrssssss"
    /* 160 */ "ssttttttuuuuuuuu"
    /* 170 */ "uuuuwwyyyzzzzzzs";

size_t utf8_fold(const char *s, size_t len, char *out, size_t out_size)
{
    size_t o = 0, i = 0;
    if (out_size == 0)
        return 0;
    while (i < len) {
        uint32_t cp;
        size_t n = utf8_decode(s + i, len - i, &cp);
        if (n == 0) { i++; continue; }
        i += n;
        char buf[4];
        size_t bn;
        if (cp < 0x80) {
            buf[0] = (char)((cp >= 'A' && cp <= 'Z') ? cp + 32 : cp);
            bn = 1;
        } else if (cp == 0xDF) {
            buf[0] = 's'; buf[1] = 's'; bn = 2;
        } else if (cp == 0xC6 || cp == 0xE6) {
            buf[0] = 'a'; buf[1] = 'e'; bn = 2;
        } else if (cp == 0x152 || cp == 0x153) {
            buf[0] = 'o'; buf[1] = 'e'; bn = 2;
        } else if (cp >= 0xC0 && cp <= 0x17F && latin_base[cp - 0xC0] != '.') {
            buf[0] = latin_base[cp - 0xC0]; bn = 1;
        } else {
            bn = utf8_encode(cp, buf);
        }
        if (o + bn + 1 > out_size)
            break;
        memcpy(out + o, buf, bn);
        o += bn;
    }
    out[o] = '\0';
    return o;
}

bool utf8_is_hidden(uint32_t cp)
{
    return (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
           cp == 0x2060 || cp == 0xFEFF || cp == 0x061C;
}

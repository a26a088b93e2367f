/* utf8.h: UTF-8 handling for text that comes from outside (keyboard, badge
 * reader, script, database): validation, stepping by character, counting,
 * copying and formatting into fixed buffers without cutting a character,
 * and accent folding for search. libc only. */
#ifndef VB_UTF8_H
#define VB_UTF8_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* True if s[0..len) is well-formed UTF-8 (no overlongs, surrogates, > U+10FFFF)
 * and contains no NUL or C0 control other than '\n' when allow_newline. */
bool utf8_valid(const char *s, size_t len, bool allow_newline);
/* Decodes one code point at s (len bytes available); returns its byte length,
 * or 0 if malformed. */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Encodes cp into out (4 bytes room); returns byte length (0 if invalid). */
size_t utf8_encode(uint32_t cp, char out[4]);
/* Number of code points in a valid string. */
size_t utf8_count(const char *s, size_t len);
/* Byte offset of the character boundary before / after pos. */
size_t utf8_prev(const char *s, size_t pos);
size_t utf8_next(const char *s, size_t len, size_t pos);
/* Copies text (NULL = "") without leading and trailing white space (space,
 * tab, CR, LF) into out, always NUL-terminated; when it does not fit it is
 * cut at a character boundary and false is returned. */
bool utf8_trim_copy(const char *text, char *out, size_t size);
/* Copies text (NULL = "") into out as it is, always NUL-terminated; when it
 * does not fit it is cut at a character boundary and false is returned. */
bool utf8_copy(const char *text, char *out, size_t size);
/* Formats like snprintf into out (size bytes, always NUL-terminated when
 * size > 0), but when the text does not fit it is cut back to the last
 * whole character: never half a UTF-8 sequence. Returns true when all of it
 * fit, false when it was cut (or the format failed: out is then ""). Use it
 * for text (names, user text, translated strings) in fixed buffers; where a
 * cut would be a bug (paths, SQL, keys), check the result. */
bool vb_fmt(char *out, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
bool vb_vfmt(char *out, size_t size, const char *fmt, va_list ap) __attribute__((format(printf, 3, 0)));
/* Lower-cases and strips accents (ë→e, ł→l, ß→ss, ...) into out, for search
 * matching; always NUL-terminates; returns the bytes written. Invalid bytes
 * are skipped. */
size_t utf8_fold(const char *s, size_t len, char *out, size_t out_size);
/* True for a character that changes how text looks without being seen:
 * the bidi embeddings, overrides and isolates (U+202A..U+202E,
 * U+2066..U+2069), the Arabic letter mark U+061C, and the zero-width ones
 * (U+200B..U+200F, U+2060, U+FEFF). Such characters can disguise text on
 * the wall or in a spreadsheet, so text entry and the CSV writer drop them. */
bool utf8_is_hidden(uint32_t cp);

#endif

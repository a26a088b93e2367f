/* category.h: the built-in learning-point and idea categories: their
 * translatable default names and pictograms (DejaVu Sans glyphs). A lead's
 * rename (category.label) replaces the name; the code stays. libc only. */
#ifndef VB_CATEGORY_H
#define VB_CATEGORY_H

/* English msgid of the default name ("Quality", ...); translate with _(). */
const char *category_default_name(const char *code);
/* A pictogram glyph for the code (UTF-8). */
const char *category_icon(const char *code);
/* The name to show: the rename when set, else the translated default. */
const char *category_display_name(const char *code, const char *label);

#endif

/* png.h: writes screenshots as PNG files, fast (zlib's fastest level): a
 * 1920x1080 screen in a few milliseconds instead of the ~80 ms of a default
 * encoder. libc + zlib only. */
#ifndef VB_PNG_H
#define VB_PNG_H

#include <stdint.h>

#include "../core/vb_err.h"

/* Writes w x h pixels of 32-bit 0xAARRGGBB (alpha ignored; rows `pitch`
 * bytes apart) to path as an 8-bit RGB PNG. */
vb_code png_write_xrgb(const char *path, const uint32_t *pixels, int w, int h, int pitch, vb_err *err);

#endif

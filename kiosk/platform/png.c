/* png.c: the PNG writer of png.h. One IDAT chunk, filter "none" on every
 * row and zlib level 1: screens are mostly flat colour, which deflate's
 * fastest level packs nearly as small as its default one, in a fraction of
 * the time. */
#include "png.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

static void put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

/* One chunk: length, type, data, CRC of type and data. */
static bool write_chunk(FILE *f, const char *type, const uint8_t *data, uint32_t len)
{
    uint8_t head[8], tail[4];
    put32(head, len);
    memcpy(head + 4, type, 4);
    uint32_t crc = (uint32_t)crc32(0L, head + 4, 4);
    if (len)
        crc = (uint32_t)crc32(crc, data, len);
    put32(tail, crc);
    return fwrite(head, 1, 8, f) == 8 && (len == 0 || fwrite(data, 1, len, f) == len) && fwrite(tail, 1, 4, f) == 4;
}

vb_code png_write_xrgb(const char *path, const uint32_t *pixels, int w, int h, int pitch, vb_err *err)
{
    if (w <= 0 || h <= 0 || pitch < w * 4)
        return vb_fail(err, VB_ERR_INVALID, "PNG of %dx%d pixels", w, h);
    size_t row_len = 1 + (size_t)w * 3, raw_len = row_len * (size_t)h;
    uint8_t *row = malloc(row_len);
    uLong bound = compressBound((uLong)raw_len);
    uint8_t *out = malloc(bound);
    if (!row || !out) {
        free(row);
        free(out);
        return vb_fail(err, VB_ERR_NOMEM, "out of memory for a PNG of %dx%d", w, h);
    }
    z_stream z;
    memset(&z, 0, sizeof z);
    int zr = deflateInit(&z, Z_BEST_SPEED);
    z.next_out = out;
    z.avail_out = (uInt)bound;
    for (int y = 0; zr == Z_OK && y < h; y++) {
        const uint32_t *src = (const uint32_t *)((const uint8_t *)pixels + (size_t)y * (size_t)pitch);
        uint8_t *d = row;
        *d++ = 0; /* filter: none */
        for (int x = 0; x < w; x++) {
            uint32_t px = src[x];
            *d++ = (uint8_t)(px >> 16);
            *d++ = (uint8_t)(px >> 8);
            *d++ = (uint8_t)px;
        }
        z.next_in = row;
        z.avail_in = (uInt)row_len;
        zr = deflate(&z, y == h - 1 ? Z_FINISH : Z_NO_FLUSH);
        if (zr == Z_STREAM_END)
            break;
    }
    size_t packed = (size_t)z.total_out;
    deflateEnd(&z);
    free(row);
    if (zr != Z_STREAM_END) {
        free(out);
        return vb_fail(err, VB_ERR_INTERNAL, "PNG compression failed (zlib %d)", zr);
    }
    static const uint8_t signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
    uint8_t ihdr[13];
    put32(ihdr, (uint32_t)w);
    put32(ihdr + 4, (uint32_t)h);
    ihdr[8] = 8;  /* bits per channel */
    ihdr[9] = 2;  /* colour type: RGB */
    ihdr[10] = 0; /* deflate */
    ihdr[11] = 0; /* adaptive filtering */
    ihdr[12] = 0; /* not interlaced */
    FILE *f = fopen(path, "wb");
    if (!f) {
        int e = errno;
        free(out);
        return vb_fail(err, VB_ERR_IO, "cannot write %s: %s", path, strerror(e));
    }
    bool ok = fwrite(signature, 1, 8, f) == 8 && write_chunk(f, "IHDR", ihdr, 13) &&
              write_chunk(f, "IDAT", out, (uint32_t)packed) && write_chunk(f, "IEND", NULL, 0);
    int e = errno;
    if (fclose(f) != 0 && ok) {
        ok = false;
        e = errno;
    }
    free(out);
    if (!ok)
        return vb_fail(err, VB_ERR_IO, "cannot write %s: %s", path, strerror(e));
    return VB_OK;
}

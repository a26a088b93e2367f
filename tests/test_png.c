/* test_png.c: the screenshot PNG writer (platform/png.h), read back by a
 * reader written here (separate from the writer on purpose): the signature,
 * every chunk's CRC, IHDR (size, 8-bit RGB), the pixels after inflating and
 * un-filtering, and that an unwritable path is an error, not a crash. */
#include <zlib.h>

#include "../kiosk/platform/png.h"
#include "testlib.h"

static uint32_t get32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint8_t *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    uint8_t *b = malloc((size_t)n);
    *len = fread(b, 1, (size_t)n, f);
    fclose(f);
    return b;
}

static int paeth(int a, int b, int c)
{
    int p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/* Decodes an 8-bit RGB, non-interlaced PNG into 0x00RRGGBB pixels; NULL
 * with *why set when the file is not one. */
static uint32_t *decode(const uint8_t *b, size_t len, int *w, int *h, const char **why)
{
    static const uint8_t sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
    if (len < 8 || memcmp(b, sig, 8) != 0)
        return (*why = "no PNG signature", NULL);
    uint8_t *idat = NULL;
    size_t idat_len = 0, pos = 8;
    bool end = false;
    *w = *h = 0;
    while (!end && pos + 12 <= len) {
        uint32_t n = get32(b + pos);
        if (pos + 12 + n > len)
            return (*why = "a chunk runs past the end", NULL);
        const uint8_t *type = b + pos + 4, *data = b + pos + 8;
        if ((uint32_t)crc32(crc32(0L, type, 4), data, n) != get32(data + n))
            return (*why = "a chunk's CRC is wrong", NULL);
        if (memcmp(type, "IHDR", 4) == 0) {
            if (n != 13 || data[8] != 8 || data[9] != 2 || data[12] != 0)
                return (*why = "IHDR is not 8-bit RGB, non-interlaced", NULL);
            *w = (int)get32(data);
            *h = (int)get32(data + 4);
        } else if (memcmp(type, "IDAT", 4) == 0) {
            idat = realloc(idat, idat_len + n);
            memcpy(idat + idat_len, data, n);
            idat_len += n;
        } else if (memcmp(type, "IEND", 4) == 0) {
            end = true;
        }
        pos += 12 + n;
    }
    if (!end || *w <= 0 || *h <= 0 || !idat)
        return (free(idat), *why = "IHDR, IDAT or IEND missing", NULL);
    size_t stride = (size_t)*w * 3 + 1;
    uLongf raw_len = (uLongf)(stride * (size_t)*h);
    uint8_t *raw = malloc(raw_len);
    int zr = uncompress(raw, &raw_len, idat, (uLong)idat_len);
    free(idat);
    if (zr != Z_OK || raw_len != stride * (size_t)*h)
        return (free(raw), *why = "the image data does not inflate to the image's size", NULL);
    uint32_t *px = malloc(sizeof *px * (size_t)*w * (size_t)*h);
    for (int y = 0; y < *h; y++) {
        uint8_t *r = raw + (size_t)y * stride, *prev = y ? r - stride : NULL;
        for (size_t i = 1; i < stride; i++) {
            int a = i > 3 ? r[i - 3] : 0, up = prev ? prev[i] : 0, c = prev && i > 3 ? prev[i - 3] : 0;
            int add = r[0] == 1 ? a : r[0] == 2 ? up : r[0] == 3 ? (a + up) / 2 : r[0] == 4 ? paeth(a, up, c) : 0;
            r[i] = (uint8_t)(r[i] + add);
        }
        for (int x = 0; x < *w; x++)
            px[(size_t)y * (size_t)*w + (size_t)x] =
                (uint32_t)r[1 + x * 3] << 16 | (uint32_t)r[2 + x * 3] << 8 | r[3 + x * 3];
    }
    free(raw);
    return px;
}

static void test_round_trip(int w, int h, int pad, const char *name)
{
    int pitch = w * 4 + pad;
    uint32_t *img = malloc((size_t)pitch * (size_t)h);
    uint32_t seed = 12345;
    for (int y = 0; y < h; y++) {
        uint32_t *row = (uint32_t *)((uint8_t *)img + (size_t)y * (size_t)pitch);
        for (int x = 0; x < w; x++) {
            seed = seed * 1103515245u + 12345u;
            /* flat areas as on a screen, with noise and an alpha to ignore */
            row[x] = (x < w / 2 ? 0xFF2050A0u : (seed >> 8)) | 0x7F000000u;
        }
    }
    char path[64], check[160];
    snprintf(path, sizeof path, "%s.png", name);
    vb_err err;
    vb_err_clear(&err);
    snprintf(check, sizeof check, "%s: written", name);
    t_report(png_write_xrgb(t_path(path), img, w, h, pitch, &err) == VB_OK, check, "%s", err.msg);
    size_t len = 0;
    uint8_t *file = read_all(t_path(path), &len);
    int rw = 0, rh = 0;
    const char *why = "";
    uint32_t *px = file ? decode(file, len, &rw, &rh, &why) : NULL;
    snprintf(check, sizeof check, "%s: a valid 8-bit RGB PNG", name);
    t_report(px != NULL, check, "%s", why);
    snprintf(check, sizeof check, "%s: its size is %dx%d", name, w, h);
    t_report(rw == w && rh == h, check, "read %dx%d", rw, rh);
    int wrong = 0;
    for (int y = 0; px && rw == w && rh == h && y < h; y++) {
        const uint32_t *row = (const uint32_t *)((const uint8_t *)img + (size_t)y * (size_t)pitch);
        for (int x = 0; x < w; x++)
            wrong += px[(size_t)y * (size_t)w + (size_t)x] != (row[x] & 0xFFFFFFu);
    }
    snprintf(check, sizeof check, "%s: every pixel as written", name);
    t_report(px && wrong == 0, check, "%d differ", wrong);
    free(px);
    free(file);
    free(img);
}

int main(void)
{
    t_tmpdir();
    test_round_trip(1, 1, 0, "one pixel");
    test_round_trip(37, 11, 12, "rows with padding");
    test_round_trip(1920, 1080, 0, "a 1080p screen");
    vb_err err;
    vb_err_clear(&err);
    uint32_t px = 0;
    T_CHECK(png_write_xrgb(t_path("no/such/folder/x.png"), &px, 1, 1, 4, &err) == VB_ERR_IO && err.msg[0],
            "a path that cannot be written: an I/O error with a message");
    T_CHECK(png_write_xrgb(t_path("z.png"), &px, 0, 1, 4, &err) == VB_ERR_INVALID, "an empty image is refused");
    return t_done();
}

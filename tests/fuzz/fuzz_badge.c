/* fuzz_badge.c: the badge burst detector with arbitrary key timing. What
 * comes out as typing plus what comes out as a badge is exactly what went in,
 * in order, and a badge is only ever printable and of a plausible length. */
#include <string.h>

#include "../../kiosk/core/badge.h"
#include "fuzz.h"

static char seen[1 << 16];
static size_t seen_len;

static void collect(const badge_out *out)
{
    size_t n = strlen(out->typed);
    if (seen_len + n < sizeof seen) {
        memcpy(seen + seen_len, out->typed, n);
        seen_len += n;
    }
    if (out->badge[0]) {
        size_t b = strlen(out->badge);
        FUZZ_ASSERT(b >= BADGE_MIN_LEN && b <= BADGE_MAX_LEN);
        for (size_t i = 0; i < b; i++)
            FUZZ_ASSERT(badge_char_ok(out->badge[i]));
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    badge_detector d;
    badge_init(&d);
    seen_len = 0;
    int64_t t = 1000;
    for (size_t i = 0; i + 1 < size; i += 2) {
        t += data[i] % 120; /* 0..119 ms between events */
        badge_out out;
        memset(&out, 0, sizeof out);
        uint8_t c = data[i + 1];
        if (c == '\n')
            badge_return(&d, t, &out);
        else if (c >= 0x20 && c < 0x7F)
            badge_char(&d, (char)c, t, &out);
        else
            badge_poll(&d, t, &out);
        collect(&out);
        if (badge_pending(&d))
            FUZZ_ASSERT(badge_deadline(&d) >= t - 1000);
    }
    badge_out out;
    memset(&out, 0, sizeof out);
    badge_flush(&d, &out);
    collect(&out);
    FUZZ_ASSERT(!badge_pending(&d));
    return 0;
}

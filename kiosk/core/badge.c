/* badge.c: the badge burst detector (see badge.h). */
#include "badge.h"

#include <string.h>

void badge_init(badge_detector *d)
{
    memset(d, 0, sizeof *d);
}

static void out_clear(badge_out *out)
{
    out->typed[0] = '\0';
    out->return_key = false;
    out->badge[0] = '\0';
}

static void out_type(badge_out *out, char c)
{
    size_t n = strlen(out->typed);
    if (n + 1 < sizeof out->typed) {
        out->typed[n] = c;
        out->typed[n + 1] = '\0';
    }
}

/* Moves everything held into out->typed. */
static void release(badge_detector *d, badge_out *out)
{
    for (int i = 0; i < d->len; i++)
        out_type(out, d->held[i]);
    d->len = 0;
    d->held[0] = '\0';
}

bool badge_char_ok(char c)
{
    return c >= 0x21 && c <= 0x7E;
}

/* True when an input at t_ms still continues the run of the last one. */
static bool in_run(const badge_detector *d, int64_t t_ms)
{
    return (d->len > 0 || d->overlong) && t_ms >= d->last_ms && t_ms - d->last_ms <= BADGE_GAP_MS;
}

void badge_char(badge_detector *d, char c, int64_t t_ms, badge_out *out)
{
    out_clear(out);
    bool continues = in_run(d, t_ms);
    if (!continues) {
        release(d, out); /* the previous run was typing */
        d->overlong = false;
    }
    if (!badge_char_ok(c)) {
        release(d, out);
        d->overlong = false;
        out_type(out, c);
        return;
    }
    d->last_ms = t_ms;
    if (d->overlong) {
        out_type(out, c);
        return;
    }
    if (d->len == BADGE_MAX_LEN) {
        /* longer than any badge: the whole run is typing */
        release(d, out);
        out_type(out, c);
        d->overlong = true;
        return;
    }
    d->held[d->len++] = c;
    d->held[d->len] = '\0';
}

void badge_return(badge_detector *d, int64_t t_ms, badge_out *out)
{
    out_clear(out);
    if (in_run(d, t_ms) && !d->overlong && d->len >= BADGE_MIN_LEN) {
        memcpy(out->badge, d->held, (size_t)d->len + 1);
        d->len = 0;
        d->held[0] = '\0';
        return;
    }
    release(d, out);
    d->overlong = false;
    out->return_key = true;
}

void badge_flush(badge_detector *d, badge_out *out)
{
    out_clear(out);
    release(d, out);
    d->overlong = false;
}

void badge_poll(badge_detector *d, int64_t now_ms, badge_out *out)
{
    out_clear(out);
    if (d->len > 0 && now_ms - d->last_ms > BADGE_GAP_MS)
        release(d, out);
    if (d->overlong && now_ms - d->last_ms > BADGE_GAP_MS)
        d->overlong = false;
}

bool badge_pending(const badge_detector *d)
{
    return d->len > 0;
}

int64_t badge_deadline(const badge_detector *d)
{
    return d->len > 0 ? d->last_ms + BADGE_GAP_MS + 1 : INT64_MAX;
}

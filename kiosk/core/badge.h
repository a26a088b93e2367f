/* badge.h: telling a USB badge reader from a person typing. A badge reader
 * acts as a keyboard: it types the badge number very fast and then Enter.
 * The detector holds back printable ASCII characters while they come in
 * fast; a run of at least BADGE_MIN_LEN of them, each at most BADGE_GAP_MS
 * after the one before, ended by Return within BADGE_GAP_MS, is a badge
 * burst and is reported as a badge, never as typing. Anything else is handed
 * back as ordinary typing, in order, once it cannot be part of a burst any
 * more (the next character comes late, other input arrives, or badge_poll
 * finds the gap has passed). People typing see their text at most
 * BADGE_GAP_MS + 1 ms late.
 *
 * Pure and libc only: the caller passes in every timestamp (monotonic ms of
 * the input events), so it can be tested and fuzzed without a screen. */
#ifndef VB_BADGE_H
#define VB_BADGE_H

#include <stdbool.h>
#include <stdint.h>

#define BADGE_GAP_MS 40  /* longest pause between keys of one burst */
#define BADGE_MIN_LEN 4  /* shortest badge number */
#define BADGE_MAX_LEN 64 /* longest badge number (the member.badge column) */

typedef struct badge_detector {
    char held[BADGE_MAX_LEN + 1]; /* characters held back, NUL-terminated */
    int len;
    int64_t last_ms;              /* time of the last character of the run */
    bool overlong;                /* the run outgrew any badge: it is typing */
} badge_detector;

/* What the caller must act on after feeding input, in this order: first
 * type `typed` (characters released as ordinary typing), then pass a Return
 * key on when `return_key`, or identify by `badge` when it is not empty. */
typedef struct badge_out {
    char typed[BADGE_MAX_LEN + 2];
    bool return_key;
    char badge[BADGE_MAX_LEN + 1];
} badge_out;

void badge_init(badge_detector *d);
/* True when a printable ASCII character (the only kind a burst holds). */
bool badge_char_ok(char c);
/* One character typed at t_ms. A character that cannot belong to a badge
 * (see badge_char_ok) releases what is held, and comes back in out->typed
 * after it. */
void badge_char(badge_detector *d, char c, int64_t t_ms, badge_out *out);
/* Return pressed at t_ms: a badge burst (out->badge), or typing + Return. */
void badge_return(badge_detector *d, int64_t t_ms, badge_out *out);
/* Other input (a tap, an editing key, text from an input method): whatever
 * is held is typing and must go first. */
void badge_flush(badge_detector *d, badge_out *out);
/* Releases held characters as typing once the gap after the last one has
 * passed at now_ms. */
void badge_poll(badge_detector *d, int64_t now_ms, badge_out *out);
/* Whether characters are held back. */
bool badge_pending(const badge_detector *d);
/* When badge_poll must run next (monotonic ms), or INT64_MAX when nothing
 * is held. */
int64_t badge_deadline(const badge_detector *d);

#endif

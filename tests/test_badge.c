/* test_badge.c: telling a badge reader from a person typing
 * (core/badge.c): a fast burst of at least 4 printable characters ending in
 * Return is a badge and never typing; slow typing, short bursts, bursts with
 * a stray gap and a Return without characters come out as ordinary typing,
 * in order, no later than the gap after the last key. */
#include "testlib.h"

#include "../kiosk/core/badge.h"

/* What came out of the detector during one sequence. */
typedef struct collected {
    char typed[512];
    int returns;
    char badges[4][BADGE_MAX_LEN + 1];
    int badge_count;
    char order[64]; /* 't' typed, 'r' return, 'b' badge, in the order they came */
} collected;

static void take(collected *c, const badge_out *o)
{
    if (o->typed[0]) {
        strncat(c->typed, o->typed, sizeof c->typed - strlen(c->typed) - 1);
        strncat(c->order, "t", sizeof c->order - strlen(c->order) - 1);
    }
    if (o->return_key) {
        c->returns++;
        strncat(c->order, "r", sizeof c->order - strlen(c->order) - 1);
    }
    if (o->badge[0] && c->badge_count < 4) {
        snprintf(c->badges[c->badge_count++], sizeof c->badges[0], "%s", o->badge);
        strncat(c->order, "b", sizeof c->order - strlen(c->order) - 1);
    }
}

/* Feeds "chars" one every step_ms from t0 ('\n' = Return), polling in
 * between as the main loop would, then polls long after the end. */
static void feed(badge_detector *d, collected *c, const char *chars, int64_t t0, int step_ms)
{
    badge_out o;
    int64_t t = t0;
    for (const char *p = chars; *p; p++, t += step_ms) {
        badge_poll(d, t, &o); /* the loop wakes before the next key */
        take(c, &o);
        if (*p == '\n')
            badge_return(d, t, &o);
        else
            badge_char(d, *p, t, &o);
        take(c, &o);
    }
    badge_poll(d, t + 1000, &o);
    take(c, &o);
}

static void test_burst(void)
{
    badge_detector d;
    collected c = { 0 };
    badge_init(&d);
    feed(&d, &c, "0451234\n", 1000, 8);
    T_EQ_INT(c.badge_count, 1, "a fast burst with Return is one badge");
    T_EQ_STR(c.badges[0], "0451234", "... with the badge number");
    T_EQ_STR(c.typed, "", "... and nothing is typed");
    T_EQ_INT(c.returns, 0, "... and no Return reaches a field");
    T_CHECK(!badge_pending(&d), "nothing held after a badge");

    /* exactly at the gap still counts; the minimum length is 4 */
    memset(&c, 0, sizeof c);
    feed(&d, &c, "A1B2\n", 5000, BADGE_GAP_MS);
    T_EQ_STR(c.badges[0], "A1B2", "keys exactly BADGE_GAP_MS apart, 4 long: a badge");
    memset(&c, 0, sizeof c);
    feed(&d, &c, "ab1\n", 9000, 5);
    T_EQ_INT(c.badge_count, 0, "3 fast keys and Return: not a badge");
    T_EQ_STR(c.typed, "ab1", "... they are typed");
    T_EQ_INT(c.returns, 1, "... and Return passes on");
    T_EQ_STR(c.order, "tr", "... typing before the Return");

    /* a badge of the longest length */
    char longest[BADGE_MAX_LEN + 2];
    memset(longest, '7', BADGE_MAX_LEN);
    longest[BADGE_MAX_LEN] = '\n';
    longest[BADGE_MAX_LEN + 1] = '\0';
    memset(&c, 0, sizeof c);
    feed(&d, &c, longest, 20000, 3);
    T_EQ_INT(c.badge_count, 1, "a 64-character burst is a badge");
    T_EQ_INT(strlen(c.badges[0]), BADGE_MAX_LEN, "... all 64 characters");

    /* longer than any badge: all typing, none of it held as a tail badge */
    char toolong[BADGE_MAX_LEN + 12];
    memset(toolong, 'x', BADGE_MAX_LEN + 10);
    toolong[BADGE_MAX_LEN + 10] = '\n';
    toolong[BADGE_MAX_LEN + 11] = '\0';
    memset(&c, 0, sizeof c);
    feed(&d, &c, toolong, 30000, 3);
    T_EQ_INT(c.badge_count, 0, "a 74-character burst is not a badge");
    T_EQ_INT(strlen(c.typed), BADGE_MAX_LEN + 10, "... all 74 characters are typed");
    T_EQ_INT(c.returns, 1, "... and Return passes on");
}

static void test_slow_typing(void)
{
    badge_detector d;
    collected c = { 0 };
    badge_init(&d);
    feed(&d, &c, "hallo\n", 1000, 120);
    T_EQ_INT(c.badge_count, 0, "typing at 120 ms per key is not a badge");
    T_EQ_STR(c.typed, "hallo", "... every key is typed");
    T_EQ_INT(c.returns, 1, "... and Return passes on");
    T_EQ_STR(c.order, "tttttr", "... each key on its own, then Return");

    /* a fast typist: 50 ms per key, just over the gap */
    memset(&c, 0, sizeof c);
    feed(&d, &c, "12345\n", 5000, BADGE_GAP_MS + 10);
    T_EQ_INT(c.badge_count, 0, "50 ms per key is typing");
    T_EQ_STR(c.typed, "12345", "... typed");
}

static void test_stray_gap(void)
{
    badge_detector d;
    badge_out o;
    collected c = { 0 };
    badge_init(&d);
    /* "04512" fast, a 200 ms pause, then "34" and Return fast */
    const char *first = "04512";
    int64_t t = 1000;
    for (const char *p = first; *p; p++, t += 10) {
        badge_char(&d, *p, t, &o);
        take(&c, &o);
    }
    t += 200;
    badge_char(&d, '3', t, &o); /* late: what was held is typing */
    take(&c, &o);
    T_EQ_STR(c.typed, "04512", "a key after a pause releases the held keys as typing");
    badge_char(&d, '4', t + 10, &o);
    take(&c, &o);
    badge_return(&d, t + 20, &o);
    take(&c, &o);
    T_EQ_INT(c.badge_count, 0, "3 keys after the pause and Return: no badge");
    T_EQ_STR(c.typed, "0451234", "... everything typed, in order");
    T_EQ_INT(c.returns, 1, "... and Return passes on");

    /* a burst, then Return too late */
    memset(&c, 0, sizeof c);
    for (const char *p = "0451234"; *p; p++, t += 10) {
        badge_char(&d, *p, t, &o);
        take(&c, &o);
    }
    badge_return(&d, t + BADGE_GAP_MS + 50, &o);
    take(&c, &o);
    T_EQ_INT(c.badge_count, 0, "a burst whose Return comes late is not a badge");
    T_EQ_STR(c.typed, "0451234", "... it is typed");
    T_EQ_STR(c.order, "tr", "... before the Return");

    /* typing that runs straight into a burst: the typing stays typing */
    memset(&c, 0, sizeof c);
    feed(&d, &c, "ab", 100000, 300);
    feed(&d, &c, "0451234\n", 101000, 5);
    T_EQ_STR(c.typed, "ab", "typing before a burst is typed");
    T_EQ_STR(c.badges[0], "0451234", "... and the burst after it is a badge");
}

static void test_return_alone_and_other_input(void)
{
    badge_detector d;
    badge_out o;
    collected c = { 0 };
    badge_init(&d);
    badge_return(&d, 500, &o);
    take(&c, &o);
    T_EQ_INT(c.returns, 1, "Return with nothing held passes on at once");
    T_EQ_STR(c.typed, "", "... with no typing");
    T_EQ_INT(c.badge_count, 0, "... and no badge");

    /* other input (a tap, an editing key, IME text) releases what is held */
    memset(&c, 0, sizeof c);
    badge_char(&d, 'x', 1000, &o);
    take(&c, &o);
    badge_char(&d, 'y', 1005, &o);
    take(&c, &o);
    T_CHECK(badge_pending(&d), "two keys are held");
    badge_flush(&d, &o);
    take(&c, &o);
    T_EQ_STR(c.typed, "xy", "flush releases them as typing");
    T_CHECK(!badge_pending(&d), "nothing held after a flush");

    /* a character that cannot be part of a badge releases what is held,
     * after it */
    memset(&c, 0, sizeof c);
    badge_char(&d, 'a', 2000, &o);
    take(&c, &o);
    badge_char(&d, ' ', 2005, &o);
    take(&c, &o);
    T_EQ_STR(c.typed, "a ", "a space is typed at once, after the held key");
    T_CHECK(!badge_pending(&d), "nothing held after the space");
}

static void test_flush_timing(void)
{
    badge_detector d;
    badge_out o;
    badge_init(&d);
    T_CHECK(badge_deadline(&d) == INT64_MAX, "no deadline while nothing is held");
    badge_char(&d, 'k', 1000, &o);
    T_EQ_STR(o.typed, "", "a single key is held back");
    T_EQ_INT(badge_deadline(&d), 1000 + BADGE_GAP_MS + 1, "the deadline is just after the gap");
    badge_poll(&d, 1000 + BADGE_GAP_MS, &o);
    T_EQ_STR(o.typed, "", "at the gap it is still held (a badge key may follow)");
    badge_poll(&d, 1000 + BADGE_GAP_MS + 1, &o);
    T_EQ_STR(o.typed, "k", "just after the gap it is typed");
    T_CHECK(!badge_pending(&d) && badge_deadline(&d) == INT64_MAX, "and nothing is held any more");

    /* time going backwards (clock trouble) never makes a burst */
    badge_char(&d, '1', 5000, &o);
    badge_char(&d, '2', 4000, &o);
    T_EQ_STR(o.typed, "1", "a key stamped before the last one releases the held key");
}

int main(void)
{
    test_burst();
    test_slow_typing();
    test_stray_gap();
    test_return_alone_and_other_input();
    test_flush_timing();
    return t_done();
}

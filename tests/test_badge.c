/* test_badge.c: telling a badge reader from a person typing
 * (core/badge.c): a fast burst of at least 4 printable characters ending in
 * Return is a badge and never typing; slow typing, short bursts, bursts with
 * a stray gap and a Return without characters come out as ordinary typing,
 * in order, no later than the gap after the last key. The last part feeds
 * events through the app (app_handle_event, app_deadlines, app_tick) on an
 * offscreen platform with the demo team: a burst identifies its member. */
#include "testapp.h"
#include "testlib.h"

#include "../kiosk/app/loop.h"
#include "../kiosk/screens/screens.h"
#include "../kiosk/core/badge.h"
#include "../kiosk/core/i18n.h"

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

/* ---- through the app ------------------------------------------------------- */

static void app_event(app *a, platform_event_kind kind, const char *text, ui_key key, int64_t at_ms)
{
    platform_event ev;
    memset(&ev, 0, sizeof ev);
    ev.kind = kind;
    ev.key = key;
    ev.timestamp_ms = (uint32_t)at_ms;
    if (text)
        snprintf(ev.text, sizeof ev.text, "%s", text);
    a->real_ms = at_ms;
    app_handle_event(a, &ev);
}

static bool has_return_key(const app *a)
{
    for (int i = 0; i < a->ui->key_count; i++)
        if (a->ui->keys[i] == UI_KEY_RETURN)
            return true;
    return false;
}

static void test_app(void)
{
    platform *p;
    vb_err err;
    if (t_platform_open(&p, 1024, 600, true, &err) != VB_OK) {
        t_skip("app: badge through the app", "no offscreen platform");
        return;
    }
    app_options opt = t_app_options(t_path("badge-app.db"), 1795676100);
    static app a;
    if (!t_report(app_init(&a, &opt, p, &err) == VB_OK, "app: start on the demo team", "%s", err.msg)) {
        platform_close(p);
        return;
    }
    app_draw(&a);

    /* one key is held back, and the loop is told when to let it go */
    app_event(&a, PEV_KEY, "X", UI_KEY_OTHER, 100000);
    app_event(&a, PEV_TEXT, "x", UI_KEY_NONE, 100000);
    T_EQ_INT(a.ui->text_input_len, 0, "app: a single key is held back for a moment");
    int64_t d[8];
    int n = app_deadlines(&a, d, 8);
    bool found = false;
    for (int i = 0; i < n; i++)
        if (d[i] == app_now_ms(&a) + BADGE_GAP_MS + 1)
            found = true;
    T_CHECK(found, "app: app_deadlines wakes the loop just after the burst gap");
    a.real_ms = 100000 + BADGE_GAP_MS;
    app_tick(&a);
    T_EQ_INT(a.ui->text_input_len, 0, "app: within the gap it is still held");
    a.real_ms = 100000 + BADGE_GAP_MS + 1;
    app_tick(&a);
    T_EQ_STR(a.ui->text_input, "x", "app: after the gap it is typed");
    app_draw(&a);

    /* text from an input method or a script passes at once; so does Return */
    app_event(&a, PEV_TEXT, "abc", UI_KEY_NONE, 101000);
    T_EQ_STR(a.ui->text_input, "abc", "app: multi-character text is never held");
    app_event(&a, PEV_KEY, "Return", UI_KEY_RETURN, 101500);
    T_CHECK(has_return_key(&a), "app: Return with nothing held passes on");
    app_draw(&a);

    /* a badge burst: key + text per character, then Return */
    const char *badge = "0451322"; /* Łukasz, Polish */
    int64_t t = 200000;
    for (const char *c = badge; *c; c++, t += 6) {
        char one[2] = { *c, '\0' };
        app_event(&a, PEV_KEY, one, UI_KEY_OTHER, t);
        app_event(&a, PEV_TEXT, one, UI_KEY_NONE, t);
    }
    app_event(&a, PEV_KEY, "Return", UI_KEY_RETURN, t);
    T_EQ_INT(a.ui->text_input_len, 0, "app: a badge burst types nothing");
    T_CHECK(!has_return_key(&a), "app: ... and its Return reaches no field");
    T_EQ_INT(a.member_id, 7, "app: ... and identifies Łukasz");
    T_CHECK(a.member_signed, "app: ... strongly enough to sign");
    T_EQ_STR(i18n_language(), "pl", "app: ... and switches to his language");
    app_draw(&a);

    /* a tap releases held keys first, so order is kept */
    app_event(&a, PEV_TEXT, "q", UI_KEY_NONE, 300000);
    app_event(&a, PEV_PRESS, NULL, UI_KEY_NONE, 300005);
    T_EQ_STR(a.ui->text_input, "q", "app: a tap releases a held key as typing first");
    app_event(&a, PEV_RELEASE, NULL, UI_KEY_NONE, 300010);
    app_draw(&a);

    app_end_session(&a);
    T_EQ_STR(i18n_language(), "nl", "app: the end of the session brings Dutch back");
    app_shutdown(&a);
    platform_close(p);
}

int main(void)
{
    i18n_init("/nonexistent"); /* English msgids are enough here */
    test_burst();
    test_slow_typing();
    test_stray_gap();
    test_return_alone_and_other_input();
    test_flush_timing();
    test_app();
    return t_done();
}

/* test_core.c: unit tests of kiosk/core: UTF-8 handling, calendar days,
 * the injected clock, deadlines of the main loop, device settings and the
 * error codes. libc only, like the code it tests. */
#include <limits.h>
#include <time.h>

#include "../kiosk/core/clock.h"
#include "../kiosk/core/date.h"
#include "../kiosk/core/deadline.h"
#include "../kiosk/core/devconf.h"
#include "../kiosk/core/utf8.h"
#include "../kiosk/core/vb_err.h"
#include "testlib.h"

/* ---- utf8 ---------------------------------------------------------------- */

static bool valid(const char *s)
{
    return utf8_valid(s, strlen(s), false);
}

static void test_utf8_valid(void)
{
    T_CHECK(valid(""), "utf8: empty string is valid");
    T_CHECK(valid("Verbeterbord 2026"), "utf8: ASCII is valid");
    T_CHECK(valid("ge\xC3\xAB" "indigd"), "utf8: two-byte sequence (ë) is valid");
    T_CHECK(valid("\xC5\x81\xC3\xB3" "d\xC5\xBA"), "utf8: Polish letters (Łódź) are valid");
    T_CHECK(valid("\xE2\x82\xAC 5"), "utf8: three-byte sequence (€) is valid");
    T_CHECK(valid("\xF0\x9F\x98\x80"), "utf8: four-byte sequence (U+1F600) is valid");
    T_CHECK(valid("\xF4\x8F\xBF\xBF"), "utf8: U+10FFFF, the last code point, is valid");
    T_CHECK(valid("\xED\x9F\xBF"), "utf8: U+D7FF just below the surrogates is valid");

    T_CHECK(!valid("\xC0\xAF"), "utf8: overlong 2-byte '/' is refused");
    T_CHECK(!valid("\xC1\xBF"), "utf8: overlong 2-byte U+007F is refused");
    T_CHECK(!valid("\xE0\x80\xAF"), "utf8: overlong 3-byte '/' is refused");
    T_CHECK(!valid("\xE0\x9F\xBF"), "utf8: overlong 3-byte U+07FF is refused");
    T_CHECK(!valid("\xF0\x80\x80\xAF"), "utf8: overlong 4-byte '/' is refused");
    T_CHECK(!valid("\xF0\x8F\xBF\xBF"), "utf8: overlong 4-byte U+FFFF is refused");
    T_CHECK(!valid("\xED\xA0\x80"), "utf8: high surrogate U+D800 is refused");
    T_CHECK(!valid("\xED\xBF\xBF"), "utf8: low surrogate U+DFFF is refused");
    T_CHECK(!valid("\xF4\x90\x80\x80"), "utf8: U+110000 beyond Unicode is refused");
    T_CHECK(!valid("\xF5\x80\x80\x80"), "utf8: lead byte F5 is refused");
    T_CHECK(!valid("\xFE"), "utf8: byte FE is refused");
    T_CHECK(!valid("\xFF"), "utf8: byte FF is refused");
    T_CHECK(!valid("\x80"), "utf8: lone continuation byte is refused");
    T_CHECK(!valid("ab\xC3"), "utf8: truncated 2-byte sequence at the end is refused");
    T_CHECK(!valid("\xE2\x82"), "utf8: truncated 3-byte sequence is refused");
    T_CHECK(!valid("\xF0\x9F\x98"), "utf8: truncated 4-byte sequence is refused");
    T_CHECK(!valid("\xE2\x82x"), "utf8: sequence cut by an ASCII byte is refused");
    T_CHECK(!utf8_valid("\xC3\xAB", 1, false), "utf8: length cuts a sequence: refused");
    T_CHECK(!utf8_valid("a\0b", 3, false), "utf8: embedded NUL is refused");
    T_CHECK(!valid("a\x01" "b"), "utf8: C0 control is refused");
    T_CHECK(!valid("a\x7F"), "utf8: DEL is refused");
    T_CHECK(!valid("a\nb"), "utf8: newline refused when not allowed");
    T_CHECK(utf8_valid("a\nb", 3, true), "utf8: newline accepted when allowed");
    T_CHECK(!utf8_valid("a\tb", 3, true), "utf8: tab refused even with newlines allowed");
}

static void test_utf8_decode_encode(void)
{
    uint32_t cp = 0;
    T_EQ_INT(utf8_decode("\xC3\xAB", 2, &cp), 2, "utf8_decode: ë is two bytes");
    T_EQ_INT(cp, 0xEB, "utf8_decode: ë is U+00EB");
    T_EQ_INT(utf8_decode("\xF0\x9F\x98\x80", 4, &cp), 4, "utf8_decode: U+1F600 is four bytes");
    T_EQ_INT(cp, 0x1F600, "utf8_decode: U+1F600 value");
    T_EQ_INT(utf8_decode("\xF0\x9F\x98\x80", 3, &cp), 0, "utf8_decode: not enough bytes gives 0");
    T_EQ_INT(utf8_decode("", 0, &cp), 0, "utf8_decode: empty gives 0");

    bool round_trip = true;
    uint32_t samples[] = { 0x41, 0x7F, 0x80, 0xEB, 0x7FF, 0x800, 0x141, 0x20AC, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF,
                           0x10000, 0x1F600, 0x10FFFF };
    for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
        char buf[4];
        size_t n = utf8_encode(samples[i], buf);
        uint32_t back = 0;
        if (n == 0 || utf8_decode(buf, n, &back) != n || back != samples[i])
            round_trip = false;
    }
    T_CHECK(round_trip, "utf8_encode/utf8_decode round trip over all lengths");
    char buf[4];
    T_EQ_INT(utf8_encode(0xD800, buf), 0, "utf8_encode: surrogate gives 0");
    T_EQ_INT(utf8_encode(0x110000, buf), 0, "utf8_encode: beyond U+10FFFF gives 0");
}

/* vb_fmt: a long multibyte text formatted into every size of small buffer
 * never leaves a broken character and says it was cut. */
static void test_vb_fmt(void)
{
    const char *name = "Łukasz Żółć 💡 Jürgen \xE2\x9C\x94 ééé";
    char full[128];
    T_CHECK(vb_fmt(full, sizeof full, "%s: %s (%d)", "Idee", name, 7), "vb_fmt: fits: true");
    char expect[128];
    snprintf(expect, sizeof expect, "Idee: %s (7)", name);
    T_EQ_STR(full, expect, "vb_fmt: formats like snprintf when it fits");
    size_t len = strlen(full);
    bool all_whole = true, all_cut = true, longest = true;
    for (size_t size = 1; size <= len; size++) {
        char buf[128];
        memset(buf, 'x', sizeof buf);
        bool fit = vb_fmt(buf, size, "%s: %s (%d)", "Idee", name, 7);
        size_t n = strlen(buf);
        all_cut = all_cut && !fit && n < size;
        all_whole = all_whole && utf8_valid(buf, n, false) && strncmp(buf, full, n) == 0;
        /* it keeps every whole character that fits: the next one would not */
        longest = longest && n + (utf8_next(full, len, n) - n) >= size;
    }
    T_CHECK(all_cut, "vb_fmt: a text that does not fit is cut and reported");
    T_CHECK(all_whole, "vb_fmt: a cut text never ends in a broken character, for every buffer size");
    T_CHECK(longest, "vb_fmt: the cut keeps every whole character that fits");
    char one[1] = { 'x' };
    T_CHECK(!vb_fmt(one, sizeof one, "%s", "é") && one[0] == '\0', "vb_fmt: a one-byte buffer gets \"\"");
}

static void test_utf8_trim_copy(void)
{
    char out[8];
    T_CHECK(utf8_trim_copy("  lamp \n", out, sizeof out) && strcmp(out, "lamp") == 0, "trim_copy: white space goes");
    T_CHECK(utf8_trim_copy(NULL, out, sizeof out) && out[0] == '\0', "trim_copy: NULL is empty");
    T_CHECK(!utf8_trim_copy("ëëëëë", out, sizeof out) && strcmp(out, "ëëë") == 0,
            "trim_copy: too long is cut at a character boundary and reported");
    T_CHECK(utf8_copy(" lamp ", out, sizeof out) && strcmp(out, " lamp ") == 0, "copy: kept as it is");
    T_CHECK(utf8_copy(NULL, out, sizeof out) && out[0] == '\0', "copy: NULL is empty");
    T_CHECK(!utf8_copy("a\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC", out, sizeof out) &&
                strcmp(out, "a\xE2\x82\xAC\xE2\x82\xAC") == 0,
            "copy: too long is cut at a character boundary (never half a euro sign) and reported");
}

static void test_utf8_steps(void)
{
    /* a (1) é (2) € (3) U+1F600 (4): boundaries 0 1 3 6 10 */
    const char *s = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";
    size_t len = strlen(s);
    T_EQ_INT(len, 10, "utf8 steps: sample is 10 bytes");
    T_EQ_INT(utf8_count(s, len), 4, "utf8_count: 4 characters");
    T_EQ_INT(utf8_count("\xC5\x81\xC3\xB3" "d\xC5\xBA", 7), 4, "utf8_count: Łódź has 4 characters");
    T_EQ_INT(utf8_count("", 0), 0, "utf8_count: empty");
    size_t next[] = { 1, 3, 6, 10, 10 };
    size_t at[] = { 0, 1, 3, 6, 10 };
    bool ok = true;
    for (int i = 0; i < 5; i++)
        ok = ok && utf8_next(s, len, at[i]) == next[i];
    T_CHECK(ok, "utf8_next: steps over whole characters and stops at the end");
    size_t prev[] = { 0, 0, 1, 3, 6 };
    ok = true;
    for (int i = 0; i < 5; i++)
        ok = ok && utf8_prev(s, at[i]) == prev[i];
    T_CHECK(ok, "utf8_prev: steps back over whole characters and stops at 0");
    T_EQ_INT(utf8_next(s, len, 2), 3, "utf8_next: from inside a character goes to the next boundary");
    T_EQ_INT(utf8_prev(s, 5), 3, "utf8_prev: from inside a character goes to its start");
}

static void fold_case(const char *in, const char *want, const char *name)
{
    char out[64];
    size_t n = utf8_fold(in, strlen(in), out, sizeof out);
    if (T_EQ_STR(out, want, name))
        T_EQ_INT(n, strlen(want), "utf8_fold: returns the bytes written");
}

static void test_utf8_fold(void)
{
    fold_case("ge\xC3\xAB" "indigd", "geeindigd", "utf8_fold: geëindigd -> geeindigd");
    fold_case("\xC5\x81\xC3\xB3" "d\xC5\xBA", "lodz", "utf8_fold: Łódź -> lodz");
    fold_case("\xC3\x9F", "ss", "utf8_fold: ß -> ss");
    fold_case("Stra\xC3\x9F" "e", "strasse", "utf8_fold: Straße -> strasse");
    fold_case("\xC5\xBB\xC3\x93\xC5\x81W", "zolw", "utf8_fold: ŻÓŁW -> zolw");
    fold_case("\xC3\x86\xC3\x98\xC3\x85", "aeoa", "utf8_fold: ÆØÅ -> aeoa");
    fold_case("\xC4\x84\xC4\x98", "ae", "utf8_fold: ĄĘ -> ae");
    fold_case("Idee\xC3\xABnbus", "ideeenbus", "utf8_fold: Ideeënbus -> ideeenbus");
    fold_case("a\xFF" "b\xC3", "ab", "utf8_fold: invalid bytes are skipped");
    fold_case("\xE2\x82\xAC", "\xE2\x82\xAC", "utf8_fold: other characters are kept");

    char small[4];
    size_t n = utf8_fold("abcdef", 6, small, sizeof small);
    T_CHECK(n == 3 && strcmp(small, "abc") == 0, "utf8_fold: a small buffer is filled and NUL-terminated");
    n = utf8_fold("a\xE2\x82\xAC", 4, small, sizeof small);
    T_CHECK(n == 1 && strcmp(small, "a") == 0, "utf8_fold: never writes half a character");
    char one[1] = { 'x' };
    n = utf8_fold("abc", 3, one, sizeof one);
    T_CHECK(n == 0 && one[0] == '\0', "utf8_fold: a one-byte buffer gets just the NUL");
}

/* ---- date ---------------------------------------------------------------- */

static vb_day day(int y, int m, int d)
{
    vb_day out;
    char text[16];
    snprintf(text, sizeof text, "%04d-%02d-%02d", y, m, d);
    if (!vb_day_parse(text, &out))
        memset(&out, 0, sizeof out);
    return out;
}

static bool day_is(vb_day d, int y, int m, int md)
{
    return d.year == y && d.month == m && d.mday == md;
}

static void test_date(void)
{
    vb_day d;
    T_CHECK(vb_day_parse("2026-11-26", &d) && day_is(d, 2026, 11, 26), "date: parse 2026-11-26");
    T_EQ_INT(d.wday, 4, "date: 2026-11-26 is a Thursday");
    T_CHECK(vb_day_parse("2024-02-29", &d), "date: 29 February of a leap year parses");
    T_CHECK(!vb_day_parse("2023-02-29", &d), "date: 29 February of a common year is refused");
    T_CHECK(!vb_day_parse("1900-02-29", &d), "date: 1900 was not a leap year");
    T_CHECK(vb_day_parse("2000-02-29", &d), "date: 2000 was a leap year");
    T_CHECK(!vb_day_parse("2026-04-31", &d), "date: 31 April is refused");
    T_CHECK(!vb_day_parse("2026-13-01", &d), "date: month 13 is refused");
    T_CHECK(!vb_day_parse("2026-00-10", &d), "date: month 0 is refused");
    T_CHECK(!vb_day_parse("2026-1-01", &d), "date: a one-digit month is refused");
    T_CHECK(!vb_day_parse("2026-11-26x", &d), "date: trailing text is refused");
    T_CHECK(!vb_day_parse("", &d), "date: empty text is refused");
    T_CHECK(!vb_day_parse(NULL, &d), "date: NULL is refused");

    char out[11];
    vb_day_format(day(2026, 3, 7), out);
    T_EQ_STR(out, "2026-03-07", "date: format pads with zeros");

    T_CHECK(day_is(vb_day_add(day(2024, 2, 28), 1), 2024, 2, 29), "date: 2024-02-28 + 1 = 02-29 (leap)");
    T_CHECK(day_is(vb_day_add(day(2024, 2, 28), 2), 2024, 3, 1), "date: 2024-02-28 + 2 = 03-01");
    T_CHECK(day_is(vb_day_add(day(2023, 2, 28), 1), 2023, 3, 1), "date: 2023-02-28 + 1 = 03-01 (common)");
    T_CHECK(day_is(vb_day_add(day(2026, 12, 31), 1), 2027, 1, 1), "date: new year");
    T_CHECK(day_is(vb_day_add(day(2026, 3, 1), -1), 2026, 2, 28), "date: one day back across a month");
    T_CHECK(day_is(vb_day_add(day(2026, 1, 31), 30), 2026, 3, 2), "date: 30 days across February");
    T_CHECK(day_is(vb_day_add(day(2024, 1, 1), 366), 2025, 1, 1), "date: 366 days after 2024-01-01");
    T_CHECK(day_is(vb_day_add(day(2026, 3, 29), 0), 2026, 3, 29), "date: + 0 is the same day");
    T_EQ_INT(vb_day_add(day(2026, 11, 26), 3).wday, 0, "date: add keeps the weekday right (Sunday)");

    T_EQ_INT(vb_day_diff(day(2024, 1, 1), day(2025, 1, 1)), 366, "date: 2024 has 366 days");
    T_EQ_INT(vb_day_diff(day(2023, 1, 1), day(2024, 1, 1)), 365, "date: 2023 has 365 days");
    T_EQ_INT(vb_day_diff(day(2026, 11, 26), day(2026, 10, 26)), -31, "date: diff backwards is negative");
    T_EQ_INT(vb_day_diff(day(2026, 2, 1), day(2026, 3, 1)), 28, "date: February 2026 has 28 days");
    T_EQ_INT(vb_day_diff(day(2026, 3, 29), day(2026, 3, 30)), 1, "date: diff across the DST change is 1 day");

    T_EQ_INT(vb_day_iso_week(day(2026, 11, 26)), 48, "date: ISO week of 2026-11-26 is 48");
    T_EQ_INT(vb_day_iso_week(day(2021, 1, 1)), 53, "date: 2021-01-01 is in week 53 of 2020");
    T_EQ_INT(vb_hhmm_minutes("06:00"), 360, "hhmm: 06:00 is 360 minutes");
    T_EQ_INT(vb_hhmm_minutes("23:59"), 1439, "hhmm: 23:59 is the last minute");
    T_CHECK(vb_hhmm_minutes("24:00") < 0 && vb_hhmm_minutes("7:00") < 0 && vb_hhmm_minutes("07:60") < 0 &&
                vb_hhmm_minutes("07:00x") < 0 && vb_hhmm_minutes(NULL) < 0 && vb_hhmm_minutes("0a:00") < 0,
            "hhmm: anything but HH:MM in 00:00..23:59 is refused");
    T_EQ_INT(vb_day_iso_week(day(2024, 12, 30)), 1, "date: 2024-12-30 is in week 1 of 2025");
    T_EQ_INT(vb_day_iso_week(day(2026, 1, 1)), 1, "date: 2026-01-01 is in week 1");
    T_EQ_INT(vb_day_iso_week(day(2020, 12, 31)), 53, "date: 2020 has a week 53");
    T_EQ_INT(vb_day_iso_week(day(2027, 1, 3)), 53, "date: 2027-01-03 (Sunday) is in week 53 of 2026");
    T_EQ_INT(vb_day_iso_week(day(2026, 12, 28)), 53, "date: 2026-12-28 is in week 53");

    /* TZ=UTC0 (set in main), so local time is UTC */
    T_EQ_INT(vb_day_start_unix(day(2026, 11, 26)), 1795651200, "date: local midnight of 2026-11-26");
    vb_local l = vb_local_from_unix(1795676100 + 59);
    T_CHECK(day_is(l.day, 2026, 11, 26) && l.hour == 6 && l.minute == 55 && l.second == 59 && l.day.wday == 4,
            "date: local time from unix seconds");
}

/* ---- clock --------------------------------------------------------------- */

static void test_clock(void)
{
    int64_t t = 0;
    T_CHECK(vb_parse_local_datetime("2026-11-26T06:55", &t) && t == 1795676100, "clock: parse --now with T");
    T_CHECK(vb_parse_local_datetime("2026-11-26 06:55", &t) && t == 1795676100, "clock: parse --now with a space");
    T_CHECK(vb_parse_local_datetime("2026-11-26T06:55:30", &t) && t == 1795676130, "clock: parse --now with seconds");
    T_CHECK(!vb_parse_local_datetime("2026-11-26", &t), "clock: a day without time is refused");
    T_CHECK(!vb_parse_local_datetime("2026-02-30T10:00", &t), "clock: 30 February is refused");
    T_CHECK(!vb_parse_local_datetime("2026-11-26T24:00", &t), "clock: hour 24 is refused");
    T_CHECK(!vb_parse_local_datetime("2026-11-26T06:60", &t), "clock: minute 60 is refused");
    T_CHECK(!vb_parse_local_datetime("2026-11-26T06:55Z", &t), "clock: trailing text is refused");
    T_CHECK(!vb_parse_local_datetime("2026-11-26X06:55", &t), "clock: a wrong separator is refused");
    T_CHECK(!vb_parse_local_datetime(NULL, &t), "clock: NULL is refused");
    T_CHECK(!vb_parse_local_datetime("9999-12-31T23:59", &t), "clock: the year 9999 is refused");
    T_CHECK(!vb_parse_local_datetime("2100-01-01T00:00", &t), "clock: the year 2100 is refused");
    T_CHECK(!vb_parse_local_datetime("1999-12-31T23:59", &t), "clock: the year 1999 is refused");
    T_CHECK(!vb_parse_local_datetime("1970-01-01T00:00", &t), "clock: the year 1970 is refused");
    T_CHECK(vb_parse_local_datetime("2000-01-01T00:00", &t) && t == 946684800, "clock: 2000-01-01 is the first day");
    T_CHECK(vb_parse_local_datetime("2099-12-31T23:59", &t) && t == 4102444740LL, "clock: 2099-12-31 is the last day");

    vb_clock c;
    vb_clock_init(&c, 1795676100, true, 5000);
    T_EQ_INT(vb_clock_mono_ms(&c, 5000), 0, "clock fixed: starts at 0 ms");
    T_EQ_INT(vb_clock_mono_ms(&c, 900000), 0, "clock fixed: real time does not move it");
    T_EQ_INT(vb_clock_wall_s(&c, 900000), 1795676100, "clock fixed: wall time stays");
    vb_clock_advance(&c, 1500);
    T_EQ_INT(vb_clock_mono_ms(&c, 9000), 1500, "clock fixed: advance moves monotonic time");
    T_EQ_INT(vb_clock_wall_s(&c, 9000), 1795676101, "clock fixed: advance moves wall time");
    vb_clock_advance(&c, -10000);
    T_EQ_INT(vb_clock_mono_ms(&c, 9000), 1500, "clock: advancing backwards is ignored");
    vb_clock_advance(&c, 90000);
    T_EQ_INT(vb_clock_wall_s(&c, 0), 1795676191, "clock fixed: 91.5 s advanced");

    vb_clock_init(&c, 1000, false, 5000);
    T_EQ_INT(vb_clock_mono_ms(&c, 5250), 250, "clock running: follows real time");
    T_EQ_INT(vb_clock_wall_s(&c, 7999), 1002, "clock running: wall seconds follow");
    T_EQ_INT(vb_clock_mono_ms(&c, 4000), 0, "clock running: never before its start");
    vb_clock_advance(&c, 60000);
    T_EQ_INT(vb_clock_mono_ms(&c, 6000), 61000, "clock running: advance adds to real time");
    T_EQ_INT(vb_clock_wall_s(&c, 6000), 1061, "clock running: wall time with advance");
}

/* ---- deadline ------------------------------------------------------------- */

static void test_deadline(void)
{
    T_EQ_INT(vb_wait_ms(NULL, 0, 1000), -1, "deadline: none means wait for input (-1)");
    int64_t none[] = { VB_NO_DEADLINE, VB_NO_DEADLINE };
    T_EQ_INT(vb_wait_ms(none, 2, 1000), -1, "deadline: only 'no deadline' entries mean -1");
    int64_t past[] = { 5000, 900 };
    T_EQ_INT(vb_wait_ms(past, 2, 1000), 0, "deadline: a passed deadline means 0");
    int64_t now[] = { 1000 };
    T_EQ_INT(vb_wait_ms(now, 1, 1000), 0, "deadline: a deadline right now means 0");
    int64_t several[] = { 9000, 2000, VB_NO_DEADLINE, 5000 };
    T_EQ_INT(vb_wait_ms(several, 4, 1000), 1000, "deadline: the earliest wins");
    int64_t far[] = { (int64_t)INT32_MAX * 4 };
    T_EQ_INT(vb_wait_ms(far, 1, 0), INT32_MAX, "deadline: capped at INT32_MAX");

    int64_t wall = 1795676100LL * 1000 + 12345; /* 06:55:12.345 */
    T_EQ_INT(vb_next_minute_deadline(wall, 500), 500 + 47655, "deadline: next minute boundary");
    T_EQ_INT(vb_next_minute_deadline(1795676100LL * 1000, 7), 7 + 60000,
             "deadline: on a boundary the next one is a minute later");
    T_EQ_INT(vb_next_minute_deadline(1795676100LL * 1000 + 59999, 0), 1, "deadline: one ms before a minute");
    T_EQ_INT(vb_next_minute_deadline(-1000, 0), 1000, "deadline: negative wall time");
}

/* ---- devconf --------------------------------------------------------------- */

static vb_code parse(const char *text, devconf *c, vb_err *err)
{
    devconf_defaults(c);
    vb_err_clear(err);
    return devconf_parse(text, strlen(text), c, err);
}

static void test_devconf(void)
{
    devconf c;
    vb_err err;
    devconf_defaults(&c);
    T_CHECK(c.display == -1 && c.wall_display == -1 && c.panel_mm == 0 && c.db_path[0] == '\0',
            "devconf: defaults mean 'not set'");

    const char *good = "# Verbeterbord device settings\n"
                       "\n"
                       "db_path = /var/lib/verbeterbord/verbeterbord.db\n"
                       "  panel_mm=344  \r\n"
                       "display = 1\n"
                       "wall_display = 2\n"
                       "renderer = gpu\n"
                       "font = /usr/share/fonts/x.ttf\n"
                       "export_dir = /media/usb";
    T_EQ_INT(parse(good, &c, &err), VB_OK, "devconf: a good file parses");
    T_EQ_STR(c.db_path, "/var/lib/verbeterbord/verbeterbord.db", "devconf: db_path");
    T_CHECK(c.panel_mm == 344, "devconf: panel_mm with spaces and CRLF");
    T_CHECK(c.display == 1 && c.wall_display == 2, "devconf: display and wall_display");
    T_EQ_STR(c.renderer, "gpu", "devconf: renderer");
    T_EQ_STR(c.font_path, "/usr/share/fonts/x.ttf", "devconf: font");
    T_EQ_STR(c.export_dir, "/media/usb", "devconf: export_dir without a final newline");
    T_EQ_INT(parse("", &c, &err), VB_OK, "devconf: an empty file is fine");

    T_EQ_INT(parse("panel_mm = 344\n\ncolour = red\n", &c, &err), VB_ERR_INVALID, "devconf: unknown key refused");
    T_CHECK(strstr(err.msg, "line 3") && strstr(err.msg, "colour"),
            "devconf: unknown key error names the line and the key");
    T_EQ_INT(parse("display = 1\njust words\n", &c, &err), VB_ERR_INVALID, "devconf: a line without '=' refused");
    T_CHECK(strstr(err.msg, "line 2") != NULL, "devconf: the error names line 2");
    T_EQ_INT(parse("panel_mm = 20\n", &c, &err), VB_ERR_INVALID, "devconf: panel_mm below 50 refused");
    T_EQ_INT(parse("panel_mm = 3001\n", &c, &err), VB_ERR_INVALID, "devconf: panel_mm above 3000 refused");
    T_EQ_INT(parse("panel_mm = 34x\n", &c, &err), VB_ERR_INVALID, "devconf: panel_mm with junk refused");
    T_EQ_INT(parse("display = one\n", &c, &err), VB_ERR_INVALID, "devconf: display not a number refused");
    T_EQ_INT(parse("display = 16\n", &c, &err), VB_ERR_INVALID, "devconf: display out of range refused");
    T_EQ_INT(parse("renderer = vulkan\n", &c, &err), VB_ERR_INVALID, "devconf: unknown renderer refused");
    T_EQ_INT(parse("db_path =\n", &c, &err), VB_ERR_INVALID, "devconf: empty value refused");
    T_CHECK(strstr(err.msg, "db_path") != NULL, "devconf: bad value error names the key");
    char longpath[700];
    memset(longpath, 'x', sizeof longpath);
    memcpy(longpath, "db_path = /", 11);
    longpath[sizeof longpath - 1] = '\0';
    T_EQ_INT(parse(longpath, &c, &err), VB_ERR_INVALID, "devconf: a too long path is refused");

    T_EQ_INT(devconf_load(t_path("no-such.conf"), &c, &err), VB_OK, "devconf: a missing file is not an error");
    const char *bad = t_path("bad.conf");
    t_write_file(bad, "display = 0\nwhat = ever\n", 24);
    devconf_defaults(&c);
    vb_err_clear(&err);
    T_EQ_INT(devconf_load(bad, &c, &err), VB_ERR_INVALID, "devconf: load reports a bad file");
    T_CHECK(strstr(err.msg, bad) && strstr(err.msg, "line 2"), "devconf: load error names the file and line");
    const char *ok = t_path("ok.conf");
    t_write_file(ok, "panel_mm = 476\n", 15);
    devconf_defaults(&c);
    T_CHECK(devconf_load(ok, &c, &err) == VB_OK && c.panel_mm == 476, "devconf: load a good file");
}

/* ---- vb_err ---------------------------------------------------------------- */

static void test_err(void)
{
    vb_err err;
    vb_err_clear(&err);
    T_CHECK(err.code == VB_OK && err.msg[0] == '\0', "vb_err: clear");
    T_EQ_INT(vb_fail(&err, VB_ERR_BUSY, "locked %d", 5), VB_ERR_BUSY, "vb_fail returns the code");
    T_CHECK(err.code == VB_ERR_BUSY && strcmp(err.msg, "locked 5") == 0, "vb_fail fills the message");
    T_EQ_INT(vb_fail(NULL, VB_ERR_IO, "x"), VB_ERR_IO, "vb_fail accepts a NULL err");
    char big[600];
    memset(big, 'a', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    vb_fail(&err, VB_ERR_IO, "%s", big);
    T_EQ_INT(strlen(err.msg), sizeof err.msg - 1, "vb_fail truncates a long message");
    bool names = true;
    for (int c = VB_OK; c <= VB_ERR_INTERNAL; c++)
        names = names && strcmp(vb_code_name((vb_code)c), "unknown") != 0;
    T_CHECK(names, "vb_code_name names every code");
}

int main(void)
{
    setenv("TZ", "UTC0", 1);
    tzset();
    test_utf8_valid();
    test_utf8_decode_encode();
    test_utf8_steps();
    test_utf8_trim_copy();
    test_vb_fmt();
    test_utf8_fold();
    test_date();
    test_clock();
    test_deadline();
    test_devconf();
    test_err();
    return t_done();
}

/* test_textedit.c: the editing model behind every text field
 * (core/textedit.c): the cursor moves by character, backspace removes a
 * whole character, invalid UTF-8 and control characters are never stored,
 * and text past the limit is refused visibly, never cut inside a character;
 * bidi controls and zero-width characters are left out, visibly.
 * Ends with a small deterministic fuzz run that checks the invariants after
 * every operation. */
#include "testlib.h"

#include "../kiosk/core/textedit.h"
#include "../kiosk/core/utf8.h"

/* The invariants every text_edit keeps, whatever was done to it. */
static bool invariants(const text_edit *te, char *why, size_t size)
{
    if (te->len >= TEXTEDIT_MAX_BYTES)
        return snprintf(why, size, "len %zu over the buffer", te->len), false;
    if (te->text[te->len] != '\0' || strlen(te->text) != te->len)
        return snprintf(why, size, "len %zu does not match the string", te->len), false;
    if (!utf8_valid(te->text, te->len, te->multiline))
        return snprintf(why, size, "the text is not valid UTF-8 (or holds a control character)"), false;
    if (te->cursor > te->len)
        return snprintf(why, size, "cursor %zu past len %zu", te->cursor, te->len), false;
    if (te->cursor < te->len && ((unsigned char)te->text[te->cursor] & 0xC0) == 0x80)
        return snprintf(why, size, "cursor %zu inside a character", te->cursor), false;
    if (text_edit_chars(te) > te->max_chars)
        return snprintf(why, size, "%zu characters over the limit %zu", text_edit_chars(te), te->max_chars), false;
    for (size_t i = 0; i < te->len;) {
        uint32_t cp;
        size_t k = utf8_decode(te->text + i, te->len - i, &cp);
        if (k && utf8_is_hidden(cp))
            return snprintf(why, size, "a hidden character U+%04X at %zu", (unsigned)cp, i), false;
        i += k ? k : 1;
    }
    for (size_t i = 0; i < te->len; i++) {
        unsigned char c = (unsigned char)te->text[i];
        if (c == 0xC2 && i + 1 < te->len && (unsigned char)te->text[i + 1] < 0xA0)
            return snprintf(why, size, "a C1 control character at %zu", i), false;
        if (!te->multiline && c == '\n')
            return snprintf(why, size, "a newline in a one-line field"), false;
    }
    return true;
}

#define CHECK_INV(te, name)                                                                                     \
    do {                                                                                                        \
        char why_[200] = "";                                                                                    \
        bool ok_ = invariants((te), why_, sizeof why_);                                                         \
        t_report(ok_, (name), "%s", why_);                                                                      \
    } while (0)

static void test_cursor_by_character(void)
{
    text_edit te;
    text_edit_init(&te, 50, false);
    T_EQ_INT(text_edit_set(&te, "geëindigd ł"), TE_ACCEPTED, "set text with ë and ł");
    T_EQ_INT(text_edit_chars(&te), 11, "11 characters (14 bytes)");
    T_EQ_INT(te.len, 13, "13 bytes");
    T_EQ_INT(te.cursor, te.len, "cursor at the end after set");
    text_edit_key(&te, TE_KEY_LEFT);
    T_EQ_INT(te.cursor, 11, "left steps over the 2-byte ł at once");
    text_edit_key(&te, TE_KEY_HOME);
    T_EQ_INT(te.cursor, 0, "home goes to the start");
    text_edit_key(&te, TE_KEY_LEFT);
    T_EQ_INT(te.cursor, 0, "left at the start stays");
    text_edit_key(&te, TE_KEY_RIGHT);
    text_edit_key(&te, TE_KEY_RIGHT);
    T_EQ_INT(te.cursor, 2, "two rights: after 'ge'");
    text_edit_key(&te, TE_KEY_RIGHT);
    T_EQ_INT(te.cursor, 4, "right steps over the 2-byte ë at once");
    text_edit_key(&te, TE_KEY_END);
    text_edit_key(&te, TE_KEY_RIGHT);
    T_EQ_INT(te.cursor, te.len, "right at the end stays");

    /* 3- and 4-byte characters too */
    text_edit_init(&te, 50, false);
    text_edit_set(&te, "a\xE2\x82\xAC\xF0\x9F\x98\x80" "b"); /* a € 😀 b */
    text_edit_key(&te, TE_KEY_LEFT);
    text_edit_key(&te, TE_KEY_LEFT);
    T_EQ_INT(te.cursor, 4, "left over a 4-byte emoji");
    text_edit_key(&te, TE_KEY_LEFT);
    T_EQ_INT(te.cursor, 1, "left over a 3-byte euro sign");
    CHECK_INV(&te, "invariants after moving");
}

static void test_insert_at_cursor(void)
{
    text_edit te;
    text_edit_init(&te, 50, false);
    text_edit_set(&te, "idee");
    text_edit_key(&te, TE_KEY_LEFT);
    text_edit_key(&te, TE_KEY_BACKSPACE);
    T_EQ_STR(te.text, "ide", "backspace in the middle");
    T_EQ_INT(te.cursor, 2, "cursor between d and e");
    T_EQ_INT(text_edit_insert(&te, "\xC3\xAB", 2), TE_ACCEPTED, "insert ë in the middle");
    T_EQ_STR(te.text, "id\xC3\xAB" "e", "ë lands at the cursor");
    T_EQ_INT(te.cursor, 4, "cursor after the inserted ë");
    text_edit_key(&te, TE_KEY_END);
    text_edit_insert(&te, "nbus", 4);
    T_EQ_STR(te.text, "id\xC3\xAB" "enbus", "typing at the end");
    text_edit_key(&te, TE_KEY_HOME);
    text_edit_key(&te, TE_KEY_DELETE);
    T_EQ_STR(te.text, "d\xC3\xAB" "enbus", "delete removes the character after the cursor");
    text_edit_key(&te, TE_KEY_RIGHT);
    text_edit_key(&te, TE_KEY_DELETE);
    T_EQ_STR(te.text, "denbus", "delete removes a whole 2-byte ë");
    T_EQ_INT(te.cursor, 1, "cursor stays put on delete");
    CHECK_INV(&te, "invariants after editing");
}

static void test_backspace_whole_character(void)
{
    text_edit te;
    text_edit_init(&te, 50, false);
    text_edit_set(&te, "zaj\xC4\x85" "c\xE2\x82\xAC\xF0\x9F\x94\xA7"); /* zająć€🔧 */
    size_t len = te.len;
    text_edit_key(&te, TE_KEY_BACKSPACE);
    T_EQ_INT(te.len, len - 4, "backspace removes the whole 4-byte wrench");
    text_edit_key(&te, TE_KEY_BACKSPACE);
    T_EQ_INT(te.len, len - 7, "backspace removes the whole 3-byte euro sign");
    text_edit_key(&te, TE_KEY_BACKSPACE);
    text_edit_key(&te, TE_KEY_BACKSPACE);
    T_EQ_STR(te.text, "zaj", "backspace removes c, then the whole 2-byte ą");
    text_edit_key(&te, TE_KEY_HOME);
    text_edit_key(&te, TE_KEY_BACKSPACE);
    T_EQ_STR(te.text, "zaj", "backspace at the start does nothing");
    CHECK_INV(&te, "invariants after backspace");
}

static void test_invalid_never_stored(void)
{
    text_edit te;
    text_edit_init(&te, 50, false);
    text_edit_set(&te, "ok");
    static const struct {
        const char *bytes;
        size_t len;
        const char *name;
    } bad[] = {
        { "\xC3", 1, "a lone lead byte" },
        { "\x80", 1, "a lone continuation byte" },
        { "a\xC3" "b", 3, "a lead byte followed by ASCII" },
        { "\xC0\xAF", 2, "an overlong slash" },
        { "\xE0\x80\xAF", 3, "a 3-byte overlong" },
        { "\xED\xA0\x80", 3, "a UTF-16 surrogate" },
        { "\xF4\x90\x80\x80", 4, "a code point above U+10FFFF" },
        { "\xFF", 1, "the byte FF" },
        { "ab\0cd", 5, "a NUL byte" },
        { "\x1B[2J", 4, "an escape sequence" },
        { "\x7F", 1, "DEL" },
        { "\xC2\x85", 2, "the C1 control NEL" },
        { "\xC2\x9B", 2, "the C1 control CSI" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char name[120];
        snprintf(name, sizeof name, "insert refuses %s", bad[i].name);
        text_edit_refusal r = text_edit_insert(&te, bad[i].bytes, bad[i].len);
        t_report(r == TE_REFUSED_INVALID && strcmp(te.text, "ok") == 0, name, "refusal %d, text \"%s\"", (int)r,
                 te.text);
        snprintf(name, sizeof name, "set refuses %s", bad[i].name);
        if (memchr(bad[i].bytes, 0, bad[i].len) == NULL) {
            char buf[16];
            memcpy(buf, bad[i].bytes, bad[i].len);
            buf[bad[i].len] = '\0';
            r = text_edit_set(&te, buf);
            t_report(r == TE_REFUSED_INVALID && strcmp(te.text, "ok") == 0, name, "refusal %d, text \"%s\"", (int)r,
                     te.text);
        }
    }
    T_EQ_INT(te.refused, TE_REFUSED_INVALID, "the refusal stays visible");
    text_edit_insert(&te, "!", 1);
    T_EQ_INT(te.refused, TE_ACCEPTED, "the next accepted edit clears it");

    /* a valid part before an invalid byte is not stored either */
    text_edit_clear(&te);
    T_EQ_INT(text_edit_insert(&te, "goed\xFF", 5), TE_REFUSED_INVALID, "valid text with a bad byte at the end");
    T_EQ_STR(te.text, "", "... is refused whole");

    /* what a keyboard sends that is not text */
    text_edit_clear(&te);
    text_edit_insert(&te, "a\tb\r\nc", 6);
    T_EQ_STR(te.text, "a b c", "tab and CR LF become spaces in a one-line field");
    text_edit te2;
    text_edit_init(&te2, 50, true);
    text_edit_insert(&te2, "a\r\nb\rc\nd", 8);
    T_EQ_STR(te2.text, "a\nb\nc\nd", "CR LF, CR and LF become one newline each in a multi-line field");
    text_edit_key(&te2, TE_KEY_NEWLINE);
    T_EQ_INT(te2.text[te2.len - 1], '\n', "the newline key adds a newline (multi-line)");
    CHECK_INV(&te2, "invariants of the multi-line field");
    text_edit_key(&te, TE_KEY_NEWLINE);
    T_CHECK(strchr(te.text, '\n') == NULL, "no newline ever in a one-line field");
}

static void test_limit(void)
{
    text_edit te;
    text_edit_init(&te, 5, false);
    T_EQ_INT(text_edit_insert(&te, "abc", 3), TE_ACCEPTED, "3 of 5");
    T_EQ_INT(text_edit_insert(&te, "\xC5\x82\xC3\xB3\xC5\xBC", 6), TE_REFUSED_TOO_LONG, "łóż past the limit");
    T_EQ_STR(te.text, "abc\xC5\x82\xC3\xB3", "whole characters up to the limit: abcłó");
    T_EQ_INT(text_edit_chars(&te), 5, "exactly the limit");
    T_EQ_INT(te.refused, TE_REFUSED_TOO_LONG, "refused is set (shown as 'too long')");
    T_EQ_INT(text_edit_insert(&te, "x", 1), TE_REFUSED_TOO_LONG, "full: one more is refused");
    T_EQ_STR(te.text, "abc\xC5\x82\xC3\xB3", "and nothing changed");
    text_edit_key(&te, TE_KEY_BACKSPACE);
    T_EQ_INT(te.refused, TE_ACCEPTED, "backspace clears the refusal");
    T_EQ_STR(te.text, "abc\xC5\x82", "backspace took the whole ó");
    CHECK_INV(&te, "invariants at the limit");

    /* 4-byte characters: the limit counts characters, and the byte buffer
     * always has room for max_chars of them */
    text_edit_init(&te, 100000, false);
    T_CHECK(te.max_chars * 4 < TEXTEDIT_MAX_BYTES, "a huge limit is capped to what the buffer holds");
    size_t cap = te.max_chars;
    char *many = malloc(cap * 4 + 8);
    for (size_t i = 0; i < cap + 2; i++)
        memcpy(many + i * 4, "\xF0\x9F\x98\x80", 4);
    T_EQ_INT(text_edit_insert(&te, many, (cap + 2) * 4), TE_REFUSED_TOO_LONG, "a huge paste of emoji");
    T_EQ_INT(text_edit_chars(&te), cap, "... fills exactly the limit");
    T_EQ_INT(te.len, cap * 4, "... with whole 4-byte characters");
    CHECK_INV(&te, "invariants after a huge paste");
    free(many);

    /* set refuses over-long text whole */
    text_edit_init(&te, 3, false);
    text_edit_set(&te, "ab");
    T_EQ_INT(text_edit_set(&te, "abcd"), TE_REFUSED_TOO_LONG, "set of 4 into 3 is refused");
    T_EQ_STR(te.text, "ab", "... and keeps the old text");

    /* a paste longer than the byte buffer inserts up to the limit and says
     * too long, not invalid */
    text_edit_init(&te, 20, false);
    char big[5000];
    memset(big, 'x', sizeof big);
    T_EQ_INT(text_edit_insert(&te, big, sizeof big), TE_REFUSED_TOO_LONG, "5000 bytes into 20 characters");
    T_EQ_INT(te.len, 20, "... inserts 20");
}

static void test_trimmed_and_content(void)
{
    text_edit te;
    text_edit_init(&te, 80, true);
    text_edit_set(&te, "  \n");
    T_CHECK(!text_edit_has_content(&te), "only spaces and newlines is no content");
    text_edit_set(&te, "  \xC3\xA9\xC3\xA9n  \n");
    T_CHECK(text_edit_has_content(&te), "één is content");
    char out[64];
    text_edit_trimmed(&te, out, sizeof out);
    T_EQ_STR(out, "\xC3\xA9\xC3\xA9n", "trimmed");
    text_edit_trimmed(&te, out, 4);
    T_EQ_STR(out, "\xC3\xA9", "a small buffer never cuts inside a character");
    text_edit_trimmed(&te, out, 2);
    T_EQ_STR(out, "", "too small for one character: empty");
}

static uint32_t rnd(uint32_t *seed)
{
    *seed = *seed * 1103515245u + 12345u;
    return (*seed >> 16) & 0x7FFF;
}

/* A deterministic fuzz run: random operations with random bytes; the
 * invariants must hold after every step. */
static void test_fuzz(void)
{
    static uint32_t seed = 12345;
#define RND() rnd(&seed)
    static const char *const pieces[] = { "a", "\xC3\xAB", "\xC5\x82", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\n",
                                          "\t", "\r\n", " ", "abc" };
    bool ok = true;
    char why[200] = "";
    int step = 0;
    for (int round = 0; round < 40 && ok; round++) {
        text_edit te;
        size_t max = 1 + RND() % 30;
        text_edit_init(&te, max, RND() % 2);
        for (int i = 0; i < 400 && ok; i++, step++) {
            int op = RND() % 10;
            if (op < 4) {
                const char *p = pieces[RND() % (sizeof pieces / sizeof pieces[0])];
                text_edit_insert(&te, p, strlen(p));
            } else if (op < 6) {
                char raw[8];
                size_t n = 1 + RND() % 7;
                for (size_t k = 0; k < n; k++)
                    raw[k] = (char)(RND() & 0xFF);
                text_edit_insert(&te, raw, n);
            } else {
                text_edit_key(&te, (text_edit_keycode)(RND() % 7));
            }
            ok = invariants(&te, why, sizeof why);
        }
    }
    t_report(ok, "fuzz: 16000 random edits keep every invariant", "step %d: %s", step, why);
#undef RND
}

/* Bidi overrides and zero-width characters would disguise the text on the
 * wall and in Excel: every way in leaves them out and says so. */
static void test_hidden_stripped(void)
{
    static const char *const hidden[] = {
        "\xE2\x80\xAA", "\xE2\x80\xAB", "\xE2\x80\xAC", "\xE2\x80\xAD", "\xE2\x80\xAE", /* U+202A..E */
        "\xE2\x81\xA6", "\xE2\x81\xA7", "\xE2\x81\xA8", "\xE2\x81\xA9",                 /* U+2066..9 */
        "\xE2\x80\x8B", "\xE2\x80\x8C", "\xE2\x80\x8D", "\xE2\x80\x8E", "\xE2\x80\x8F", /* U+200B..F */
        "\xE2\x81\xA0", "\xEF\xBB\xBF", "\xD8\x9C",                                         /* U+2060 FEFF 061C */
    };
    bool all_out = true, all_said = true;
    for (size_t i = 0; i < sizeof hidden / sizeof hidden[0]; i++) {
        text_edit te;
        text_edit_init(&te, 200, false);
        char in[32];
        snprintf(in, sizeof in, "ab%scd", hidden[i]);
        text_edit_refusal r = text_edit_insert(&te, in, strlen(in));
        if (strcmp(te.text, "abcd") != 0) {
            t_note("insert %s: got \"%s\"", in, te.text);
            all_out = false;
        }
        if (r != TE_REFUSED_HIDDEN || te.refused != TE_REFUSED_HIDDEN)
            all_said = false;
    }
    T_CHECK(all_out, "hidden: each of the 17 bidi and zero-width characters is left out of typed text");
    T_CHECK(all_said, "hidden: ... and the field says so (TE_REFUSED_HIDDEN)");

    text_edit te;
    text_edit_init(&te, 200, true);
    const char *spoof = "Invoice \xE2\x80\xAE" "fdp.exe\xE2\x80\xAC ok\n\xE2\x81\xA7line\xE2\x81\xA9 2";
    text_edit_insert(&te, spoof, strlen(spoof));
    T_EQ_STR(te.text, "Invoice fdp.exe ok\nline 2", "hidden: a right-to-left override spoof is stored plain");
    T_EQ_INT(te.cursor, te.len, "hidden: the cursor stays after the inserted text");
    T_EQ_INT(text_edit_insert(&te, "x", 1), TE_ACCEPTED, "hidden: the next clean edit clears the notice");

    text_edit_init(&te, 200, false);
    T_EQ_INT(text_edit_set(&te, "\xEF\xBB\xBFSafety\xE2\x80\x8B first"), TE_REFUSED_HIDDEN,
             "hidden: text_edit_set leaves them out and says so");
    T_EQ_STR(te.text, "Safety first", "hidden: text_edit_set stores the plain text");
    T_EQ_INT(text_edit_set(&te, "plain"), TE_ACCEPTED, "hidden: text_edit_set of plain text is accepted");

    /* hidden characters do not count against the limit, and too long wins */
    text_edit_init(&te, 3, false);
    T_EQ_INT(text_edit_insert(&te, "a\xE2\x80\x8B" "b\xE2\x80\x8B" "c", 9), TE_REFUSED_HIDDEN,
             "hidden: three letters with two hidden ones fit a limit of 3");
    T_EQ_STR(te.text, "abc", "hidden: the limit counts the letters only");
    T_EQ_INT(text_edit_insert(&te, "\xE2\x80\x8B" "d", 4), TE_REFUSED_TOO_LONG,
             "hidden: past the limit, 'too long' is what the field says");
    text_edit_init(&te, 10, false);
    T_EQ_INT(text_edit_insert(&te, "\xE2\x80\xAE", 3), TE_REFUSED_HIDDEN,
             "hidden: only a hidden character: nothing stored, and said");
    T_EQ_INT((int)te.len, 0, "hidden: the field stays empty");
}

int main(void)
{
    test_cursor_by_character();
    test_insert_at_cursor();
    test_backspace_whole_character();
    test_invalid_never_stored();
    test_limit();
    test_trimmed_and_content();
    test_hidden_stripped();
    test_fuzz();
    return t_done();
}

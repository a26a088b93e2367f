/* test_csv.c: the CSV writer (core/csv.h) for Dutch-locale Excel and
 * LibreOffice: the byte order mark, ';' between quoted fields, CRLF row
 * ends, "" inside fields, the apostrophe that keeps =, +, -, @, tab and CR
 * from starting a formula, fields with ';', '"', line breaks and
 * diacritics, invalid UTF-8, and a fuzz round trip through an RFC 4180
 * reader written here (separate from the writer on purpose). */
#include <time.h>

#include "../kiosk/core/csv.h"
#include "../kiosk/core/date.h"
#include "../kiosk/core/utf8.h"
#include "testlib.h"

/* The whole text written so far, NUL-terminated (test helper). */
static char *text_of(vb_csv *c)
{
    char *s = malloc(c->len + 1);
    memcpy(s, c->data, c->len);
    s[c->len] = '\0';
    return s;
}

/* One field written alone, without the BOM: what a cell looks like. */
static char *one_field(const char *in)
{
    vb_csv c;
    vb_csv_init(&c);
    vb_csv_text(&c, in);
    char *s = malloc(c.len - 3 + 1);
    memcpy(s, c.data + 3, c.len - 3);
    s[c.len - 3] = '\0';
    vb_csv_free(&c);
    return s;
}

static void check_field(const char *in, const char *expected, const char *name)
{
    char *got = one_field(in);
    T_EQ_STR(got, expected, name);
    free(got);
}

static void test_basics(void)
{
    vb_csv c;
    vb_csv_init(&c);
    T_CHECK(c.len == 3 && memcmp(c.data, "\xEF\xBB\xBF", 3) == 0, "csv: starts with the UTF-8 byte order mark");
    const char *head[] = { "datum", "naam" };
    vb_csv_row(&c, head, 2);
    vb_csv_text(&c, "2026-11-03");
    vb_csv_text(&c, NULL);
    vb_csv_end_row(&c);
    vb_csv_int(&c, 42);
    vb_csv_int(&c, -3);
    vb_csv_end_row(&c);
    char *s = text_of(&c);
    T_EQ_STR(s, "\xEF\xBB\xBF\"datum\";\"naam\"\r\n\"2026-11-03\";\"\"\r\n\"42\";\"-3\"\r\n",
             "csv: every field quoted, ';' between, CRLF after every row, NULL is empty");
    T_EQ_INT(c.rows, 3, "csv: rows are counted");
    T_CHECK(!c.failed, "csv: nothing failed");
    free(s);
    vb_csv_free(&c);
    T_CHECK(c.data == NULL && c.len == 0, "csv: free clears");
}

static void test_quoting(void)
{
    check_field("a;b", "\"a;b\"", "quote: ';' stays inside the quotes");
    check_field("zeg \"hallo\"", "\"zeg \"\"hallo\"\"\"", "quote: '\"' is doubled");
    check_field("\"", "\"\"\"\"", "quote: a lone '\"'");
    check_field("regel 1\nregel 2", "\"regel 1\nregel 2\"", "quote: a line break stays inside the field");
    check_field("regel 1\r\nregel 2", "\"regel 1\r\nregel 2\"", "quote: CRLF inside a field stays");
    check_field("geëindigd, Łódź, één, ß, €", "\"geëindigd, Łódź, één, ß, €\"", "quote: diacritics pass unchanged");
    check_field("", "\"\"", "quote: empty field");
    check_field("a\tb", "\"a\tb\"", "quote: a tab inside is kept");
}

static void test_formula_guard(void)
{
    check_field("=SUM(A1:A9)", "\"'=SUM(A1:A9)\"", "guard: '=' gets an apostrophe");
    check_field("+31 6 1234", "\"'+31 6 1234\"", "guard: '+' gets an apostrophe");
    check_field("-5 graden", "\"'-5 graden\"", "guard: '-' gets an apostrophe");
    check_field("@SUM(1)", "\"'@SUM(1)\"", "guard: '@' gets an apostrophe");
    check_field("\tx", "\"'\tx\"", "guard: a leading tab gets an apostrophe");
    check_field("\rx", "\"'\rx\"", "guard: a leading CR gets an apostrophe");
    check_field("=\"a;b\"", "\"'=\"\"a;b\"\"\"", "guard: with quotes and ';' inside");
    check_field("a=b", "\"a=b\"", "guard: '=' later in the text is left alone");
    check_field(" =1", "\"' =1\"", "guard: '=' after a leading space gets an apostrophe");
    check_field("   +1", "\"'   +1\"", "guard: '+' after several spaces gets an apostrophe");
    check_field("  \t1", "\"'  \t1\"", "guard: a tab after spaces gets an apostrophe");
    check_field("\xEF\xBC\x9DSUM(A1)", "\"'\xEF\xBC\x9DSUM(A1)\"", "guard: a fullwidth '=' gets an apostrophe");
    check_field("\xEF\xBC\x8B" "1", "\"'\xEF\xBC\x8B" "1\"", "guard: a fullwidth '+' gets an apostrophe");
    check_field("\xEF\xBC\x8D" "1", "\"'\xEF\xBC\x8D" "1\"", "guard: a fullwidth '-' gets an apostrophe");
    check_field("\xEF\xBC\xA0x", "\"'\xEF\xBC\xA0x\"", "guard: a fullwidth '@' gets an apostrophe");
    check_field(" \xEF\xBC\x9D" "1", "\"' \xEF\xBC\x9D" "1\"", "guard: a fullwidth '=' after a space gets an apostrophe");
    check_field("\xE2\x80\x8B=1", "\"'=1\"", "guard: '=' behind a zero-width space: guarded, the space dropped");
    check_field("a \xEF\xBC\x9D b", "\"a \xEF\xBC\x9D b\"", "guard: a fullwidth '=' later is left alone");
    check_field("   ", "\"   \"", "guard: only spaces is no formula");
    check_field("2026-11-03", "\"2026-11-03\"", "guard: dates are not touched");
    T_CHECK(vb_csv_needs_guard("=", 1) && !vb_csv_needs_guard("", 0) && !vb_csv_needs_guard(NULL, 0),
            "guard: needs_guard");
    vb_csv c;
    vb_csv_init(&c);
    vb_csv_int(&c, -12);
    T_CHECK(c.len == 3 + 5 && memcmp(c.data + 3, "\"-12\"", 5) == 0, "guard: a negative number stays a number");
    vb_csv_free(&c);
}

/* Bidi overrides and zero-width characters would disguise a cell. */
static void test_hidden_dropped(void)
{
    check_field("abc\xE2\x80\xAE" "def", "\"abcdef\"", "hidden: a right-to-left override is dropped");
    check_field("a\xE2\x80\x8B" "b\xE2\x80\x8D" "c\xEF\xBB\xBF" "d\xE2\x81\xA0" "e", "\"abcde\"",
                "hidden: zero-width space, joiner, BOM and word joiner are dropped");
    check_field("x\xE2\x81\xA6y\xE2\x81\xA9z\xD8\x9C", "\"xyz\"", "hidden: isolates and the Arabic letter mark are dropped");
    check_field("\xC3\xAB\xE2\x82\xAC", "\"\xC3\xAB\xE2\x82\xAC\"", "hidden: other characters stay");
}

static void test_bad_input(void)
{
    check_field("a\xFF" "b", "\"a\xEF\xBF\xBD" "b\"", "bad input: an invalid byte becomes U+FFFD");
    check_field("\xC3", "\"\xEF\xBF\xBD\"", "bad input: a cut-off sequence becomes U+FFFD");
    check_field("\xED\xA0\x80", "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"", "bad input: a surrogate becomes U+FFFD");
    check_field("a\x01" "b\x7F", "\"a b \"", "bad input: control characters become spaces");
    vb_csv c;
    vb_csv_init(&c);
    vb_csv_text_n(&c, "a\0b", 3);
    T_CHECK(c.len == 3 + 5 && memcmp(c.data + 3, "\"a b\"", 5) == 0, "bad input: a NUL becomes a space");
    vb_csv_free(&c);
}

static void test_dates(void)
{
    vb_day d;
    vb_day_parse("2026-11-03", &d);
    int64_t t = vb_day_start_unix(d) + 23 * 3600 + 59 * 60;
    vb_csv c;
    vb_csv_init(&c);
    vb_csv_date(&c, t);
    vb_csv_time(&c, t);
    vb_csv_date(&c, 0);
    vb_csv_end_row(&c);
    char *s = text_of(&c);
    T_EQ_STR(s + 3, "\"2026-11-03\";\"23:59\";\"\"\r\n", "dates: YYYY-MM-DD in local time, HH:MM, 0 is empty");
    free(s);
    vb_csv_free(&c);
}

/* ---- a reader, for the round trip -------------------------------------------- */

/* Parses an RFC 4180 file with ';' (after the BOM) into rows of fields.
 * Returns the number of fields, or -1 when the text is not well-formed. */
typedef struct parsed {
    char *fields[64][8];
    int nfields[64];
    int nrows;
} parsed;

static int parse(const char *s, size_t len, parsed *p)
{
    memset(p, 0, sizeof *p);
    if (len < 3 || memcmp(s, "\xEF\xBB\xBF", 3) != 0)
        return -1;
    size_t i = 3;
    while (i < len) {
        if (p->nrows == 64)
            return -1;
        int f = 0;
        for (;;) {
            if (i >= len || s[i] != '"' || f == 8)
                return -1; /* every field must be quoted */
            i++;
            char *out = malloc(len + 1);
            size_t n = 0;
            for (;;) {
                if (i >= len) {
                    free(out);
                    return -1;
                }
                if (s[i] == '"') {
                    if (i + 1 < len && s[i + 1] == '"') {
                        out[n++] = '"';
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                out[n++] = s[i++];
            }
            out[n] = '\0';
            p->fields[p->nrows][f++] = out;
            if (i < len && s[i] == ';') {
                i++;
                continue;
            }
            if (i + 1 < len && s[i] == '\r' && s[i + 1] == '\n') {
                i += 2;
                break;
            }
            return -1;
        }
        p->nfields[p->nrows++] = f;
    }
    return p->nrows;
}

static void parsed_free(parsed *p)
{
    for (int r = 0; r < p->nrows; r++)
        for (int f = 0; f < p->nfields[r]; f++)
            free(p->fields[r][f]);
}

static uint64_t rng = 0x2545F4914F6CDD1DULL;
static uint32_t next_rand(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (uint32_t)rng;
}

/* A random valid UTF-8 field made of the characters that matter. */
static void random_field(char *out, size_t size)
{
    static const char *const parts[] = { "a", "Z", "0", ";", "\"", "\"\"", "\n", "\r\n", "\r", "\t", " ", "=", "+",
                                         "-", "@", "'", ",", "ë", "ł", "ż", "€", "ß", "😀", "é", "ü", "É" };
    size_t n = 0;
    int count = (int)(next_rand() % 12);
    out[0] = '\0';
    for (int i = 0; i < count; i++) {
        const char *p = parts[next_rand() % (sizeof parts / sizeof parts[0])];
        size_t l = strlen(p);
        if (n + l + 1 >= size)
            break;
        memcpy(out + n, p, l);
        n += l;
        out[n] = '\0';
    }
}

static void test_round_trip(void)
{
    bool all_ok = true, all_parsed = true;
    for (int round = 0; round < 2000; round++) {
        int rows = 1 + (int)(next_rand() % 5), cols = 1 + (int)(next_rand() % 6);
        char in[8][8][128];
        vb_csv c;
        vb_csv_init(&c);
        for (int r = 0; r < rows; r++) {
            for (int f = 0; f < cols; f++) {
                random_field(in[r][f], sizeof in[r][f]);
                vb_csv_text(&c, in[r][f]);
            }
            vb_csv_end_row(&c);
        }
        parsed p;
        if (parse(c.data, c.len, &p) != rows) {
            all_parsed = false;
            vb_csv_free(&c);
            continue;
        }
        for (int r = 0; r < rows; r++) {
            if (p.nfields[r] != cols) {
                all_ok = false;
                continue;
            }
            for (int f = 0; f < cols; f++) {
                char expected[160];
                snprintf(expected, sizeof expected, "%s%s", vb_csv_needs_guard(in[r][f], strlen(in[r][f])) ? "'" : "",
                         in[r][f]);
                if (strcmp(p.fields[r][f], expected) != 0) {
                    if (all_ok)
                        t_note("round trip differs: in \"%s\" out \"%s\"", in[r][f], p.fields[r][f]);
                    all_ok = false;
                }
            }
        }
        parsed_free(&p);
        vb_csv_free(&c);
    }
    T_CHECK(all_parsed, "round trip: 2,000 random files parse as well-formed CSV with the right row count");
    T_CHECK(all_ok, "round trip: every field comes back exactly (with the apostrophe where guarded)");
}

/* Valid UTF-8 where the only control characters are tab, CR and LF. */
static bool clean_utf8(const char *s, size_t len)
{
    char *copy = malloc(len + 1);
    for (size_t i = 0; i < len; i++)
        copy[i] = s[i] == '\t' || s[i] == '\r' ? ' ' : s[i];
    bool ok = utf8_valid(copy, len, true);
    free(copy);
    return ok;
}

/* Random bytes in, always a well-formed file of valid UTF-8 out. */
static void test_fuzz_bytes(void)
{
    bool well_formed = true, utf8 = true;
    for (int round = 0; round < 3000; round++) {
        unsigned char bytes[64];
        size_t n = next_rand() % sizeof bytes;
        for (size_t i = 0; i < n; i++)
            bytes[i] = (unsigned char)next_rand();
        vb_csv c;
        vb_csv_init(&c);
        vb_csv_text_n(&c, (const char *)bytes, n);
        vb_csv_text_n(&c, (const char *)bytes, n / 2);
        vb_csv_end_row(&c);
        parsed p;
        if (parse(c.data, c.len, &p) != 1 || p.nfields[0] != 2)
            well_formed = false;
        else
            parsed_free(&p);
        /* control characters other than tab and line breaks never survive */
        if (!clean_utf8(c.data + 3, c.len - 3))
            utf8 = false;
        vb_csv_free(&c);
    }
    T_CHECK(well_formed, "fuzz: random bytes always give one well-formed row of two fields");
    T_CHECK(utf8, "fuzz: the output is always valid UTF-8");
}

int main(void)
{
    test_basics();
    test_quoting();
    test_formula_guard();
    test_hidden_dropped();
    test_bad_input();
    test_dates();
    test_round_trip();
    test_fuzz_bytes();
    return t_done();
}

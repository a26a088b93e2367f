/* fuzz_csv.c: the CSV writer, checked by a round trip through a parser.
 * Fields are cut from the input at 0xFF bytes; what the writer makes is
 * parsed back (';' separator, '"' quoting, CRLF rows) and must give the
 * same number of fields, and for clean text (valid UTF-8 without control
 * characters) exactly the field, with the formula apostrophe when needed. */
#include <string.h>

#include "../../kiosk/core/csv.h"
#include "../../kiosk/core/utf8.h"
#include "fuzz.h"

#define MAX_FIELDS 64

/* Parses one CSV row after the BOM; returns the number of fields and
 * fills starts/lens into out (unquoted, "" undone, in a scratch buffer). */
static int parse_row(const char *data, size_t len, char *scratch, char **fields, size_t *lens)
{
    size_t i = 0, o = 0;
    int n = 0;
    if (len >= 3 && memcmp(data, VB_CSV_BOM, 3) == 0)
        i = 3;
    while (i < len && n < MAX_FIELDS) {
        FUZZ_ASSERT(data[i] == '"');
        i++;
        fields[n] = scratch + o;
        size_t start = o;
        for (;;) {
            FUZZ_ASSERT(i < len);
            if (data[i] == '"') {
                if (i + 1 < len && data[i + 1] == '"') {
                    scratch[o++] = '"';
                    i += 2;
                    continue;
                }
                i++;
                break;
            }
            scratch[o++] = data[i++];
        }
        lens[n++] = o - start;
        if (i < len && data[i] == ';') {
            i++;
            continue;
        }
        FUZZ_ASSERT(i + 2 <= len && data[i] == '\r' && data[i + 1] == '\n');
        i += 2;
        break;
    }
    FUZZ_ASSERT(i == len);
    return n;
}

static bool clean(const char *s, size_t n)
{
    if (!utf8_valid(s, n, true))
        return false;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] < 0x20)
            return false;
    return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *in = (const char *)data;
    const char *starts[MAX_FIELDS];
    size_t lens[MAX_FIELDS];
    int n = 0;
    size_t s = 0;
    for (size_t i = 0; i <= size && n < MAX_FIELDS; i++) {
        if (i == size || data[i] == 0xFF) {
            starts[n] = in + s;
            lens[n++] = i - s;
            s = i + 1;
        }
    }
    vb_csv c;
    vb_csv_init(&c);
    for (int k = 0; k < n; k++)
        vb_csv_text_n(&c, starts[k], lens[k]);
    vb_csv_end_row(&c);
    if (c.failed) {
        vb_csv_free(&c);
        return 0;
    }
    FUZZ_ASSERT(c.len >= 3 && memcmp(c.data, VB_CSV_BOM, 3) == 0);
    char *scratch = malloc(c.len + 1);
    char *fields[MAX_FIELDS];
    size_t flens[MAX_FIELDS];
    int got = parse_row(c.data, c.len, scratch, fields, flens);
    FUZZ_ASSERT(got == n);
    for (int k = 0; k < n; k++) {
        if (!clean(starts[k], lens[k]))
            continue;
        bool guard = vb_csv_needs_guard(starts[k], lens[k]);
        FUZZ_ASSERT(flens[k] == lens[k] + (guard ? 1 : 0));
        FUZZ_ASSERT(!guard || fields[k][0] == '\'');
        FUZZ_ASSERT(memcmp(fields[k] + (guard ? 1 : 0), starts[k], lens[k]) == 0);
    }
    free(scratch);
    vb_csv_free(&c);
    return 0;
}

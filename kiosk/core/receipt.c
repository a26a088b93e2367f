/* receipt.c: making and reading receipt codes for anonymous learning points
 * (see receipt.h), and secure random bytes from the kernel. A code is six
 * symbols taken from one 64-bit random value by repeated division by 31; the
 * bias this leaves is below 31^6 / 2^64, far too small to matter. */
#include "receipt.h"

#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/random.h>
#include <sys/types.h>

enum { RECEIPT_SYMBOLS = sizeof RECEIPT_ALPHABET - 1 };

void receipt_from_bytes(const unsigned char bytes[8], char out[RECEIPT_SIZE])
{
    uint64_t v = 0;
    for (int i = 0; i < 8; i++)
        v = (v << 8) | bytes[i];
    int pos = 0;
    for (int i = 0; i < 6; i++) {
        if (i == 3)
            out[pos++] = '-';
        out[pos++] = RECEIPT_ALPHABET[v % RECEIPT_SYMBOLS];
        v /= RECEIPT_SYMBOLS;
    }
    out[pos] = '\0';
}

bool receipt_generate(char out[RECEIPT_SIZE])
{
    unsigned char bytes[8];
    if (!vb_random_bytes(bytes, sizeof bytes)) {
        out[0] = '\0';
        return false;
    }
    receipt_from_bytes(bytes, out);
    return true;
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* The upper-case symbol for c, or 0 when c is not in the alphabet in either
 * case. */
static char receipt_symbol(char c)
{
    if (c >= 'a' && c <= 'z')
        c = (char)(c - 'a' + 'A');
    if (c == '\0')
        return 0;
    return strchr(RECEIPT_ALPHABET, c) ? c : 0;
}

bool receipt_normalize(const char *in, char out[RECEIPT_SIZE])
{
    out[0] = '\0';
    if (!in)
        return false;
    size_t start = 0, end = strlen(in);
    while (start < end && is_blank(in[start]))
        start++;
    while (end > start && is_blank(in[end - 1]))
        end--;
    size_t len = end - start;
    const char *p = in + start;
    /* Either "XXXXXX" or "XXX-XXX"; a dash anywhere else is refused. */
    bool dashed = len == 7 && p[3] == '-';
    if (len != 6 && !dashed)
        return false;
    char code[RECEIPT_SIZE];
    int pos = 0;
    for (size_t i = 0; i < len; i++) {
        if (dashed && i == 3)
            continue;
        char sym = receipt_symbol(p[i]);
        if (!sym)
            return false;
        if (pos == 3)
            code[pos++] = '-';
        code[pos++] = sym;
    }
    code[pos] = '\0';
    memcpy(out, code, RECEIPT_SIZE);
    return true;
}

bool vb_random_bytes(void *buf, size_t n)
{
    unsigned char *p = buf;
    while (n > 0) {
        ssize_t got = getrandom(p, n, 0);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        p += got;
        n -= (size_t)got;
    }
    return true;
}

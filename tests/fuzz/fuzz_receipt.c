/* fuzz_receipt.c: the receipt-code lookup's parsing of what a person typed.
 * Accepted input always normalises to a canonical code that normalises to
 * itself and uses only the alphabet. */
#include <string.h>

#include "../../kiosk/core/receipt.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char in[256];
    if (size >= sizeof in)
        size = sizeof in - 1;
    memcpy(in, data, size);
    in[size] = '\0';
    char out[RECEIPT_SIZE];
    if (receipt_normalize(in, out)) {
        FUZZ_ASSERT(strlen(out) == 7 && out[3] == '-');
        for (int i = 0; i < 7; i++)
            FUZZ_ASSERT(i == 3 || strchr(RECEIPT_ALPHABET, out[i]) != NULL);
        char again[RECEIPT_SIZE];
        FUZZ_ASSERT(receipt_normalize(out, again) && strcmp(again, out) == 0);
    } else {
        FUZZ_ASSERT(out[0] == '\0');
    }
    if (size >= 8) {
        char code[RECEIPT_SIZE];
        receipt_from_bytes(data, code);
        char back[RECEIPT_SIZE];
        FUZZ_ASSERT(receipt_normalize(code, back) && strcmp(back, code) == 0);
    }
    return 0;
}

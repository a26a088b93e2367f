/* fuzz.h: what every fuzz target shares. Each tests/fuzz/fuzz_<name>.c
 * defines LLVMFuzzerTestOneInput; `make fuzz` links it with libFuzzer
 * (clang, ASan, UBSan) and `make test` links it with replay.c to run the
 * seed corpus in tests/fuzz/corpus/<name>/ as regression tests. A broken
 * property calls FUZZ_ASSERT, which aborts with a message. */
#ifndef VB_FUZZ_H
#define VB_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_ASSERT(cond)                                                                                   \
    do {                                                                                                     \
        if (!(cond)) {                                                                                       \
            fprintf(stderr, "fuzz property broken: %s (%s:%d)\n", #cond, __FILE__, __LINE__);               \
            abort();                                                                                         \
        }                                                                                                    \
    } while (0)

#endif

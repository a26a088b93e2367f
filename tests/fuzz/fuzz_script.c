/* fuzz_script.c: the --script reader. Any line gives an action or a
 * refusal with a reason, never a crash, and the action's strings are
 * terminated. */
#include <string.h>

#include "../../kiosk/app/script.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char line[8192];
    if (size >= sizeof line)
        size = sizeof line - 1;
    memcpy(line, data, size);
    line[size] = '\0';
    script_action a;
    vb_err err;
    vb_err_clear(&err);
    vb_code rc = script_parse_line(line, &a, &err);
    if (rc == VB_OK) {
        FUZZ_ASSERT(memchr(a.arg, '\0', sizeof a.arg) != NULL);
        FUZZ_ASSERT(a.kind != SA_TYPE || a.text != NULL);
        FUZZ_ASSERT(a.kind >= SA_NONE && a.kind <= SA_QUIT);
        if (a.kind == SA_ADVANCE)
            FUZZ_ASSERT(a.ms >= 0);
    } else {
        FUZZ_ASSERT(err.msg[0] != '\0');
    }
    script_action_clear(&a);
    return 0;
}

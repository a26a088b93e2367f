/* fuzz_devconf.c: the device settings file. Any bytes give either the
 * settings or an error naming a line, and the strings it keeps are
 * terminated and within their buffers. */
#include <string.h>

#include "../../kiosk/core/devconf.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    devconf c;
    devconf_defaults(&c);
    vb_err err;
    vb_err_clear(&err);
    vb_code rc = devconf_parse((const char *)data, size, &c, &err);
    if (rc != VB_OK)
        FUZZ_ASSERT(strncmp(err.msg, "line ", 5) == 0);
    FUZZ_ASSERT(memchr(c.db_path, '\0', sizeof c.db_path) != NULL);
    FUZZ_ASSERT(memchr(c.font_path, '\0', sizeof c.font_path) != NULL);
    FUZZ_ASSERT(memchr(c.renderer, '\0', sizeof c.renderer) != NULL);
    FUZZ_ASSERT(c.panel_mm == 0 || (c.panel_mm >= 50 && c.panel_mm <= 3000));
    return 0;
}

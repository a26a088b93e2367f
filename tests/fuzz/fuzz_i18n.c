/* fuzz_i18n.c: loading a translation catalog. The input is written as the
 * Dutch catalog (nl/LC_MESSAGES/verbeterbord.mo) in a new folder each run,
 * and the kiosk's lookups go through it: i18n_init, i18n_set_language,
 * i18n_text and i18n_plural (glibc's gettext parses the .mo). Whatever the
 * file holds, a lookup gives a terminated string and never crashes; a
 * broken catalog only means English. */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../kiosk/core/i18n.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static unsigned run;
    static char root[64];
    if (!root[0]) {
        snprintf(root, sizeof root, "/tmp/vb-fuzz-i18n-%d", (int)getpid());
        mkdir(root, 0700);
    }
    char dir[128], path[256];
    /* a new folder each run: glibc caches a catalog per folder */
    snprintf(dir, sizeof dir, "%s/%u", root, run++);
    mkdir(dir, 0700);
    snprintf(path, sizeof path, "%s/nl", dir);
    mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/nl/LC_MESSAGES", dir);
    mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/nl/LC_MESSAGES/verbeterbord.mo", dir);
    FILE *f = fopen(path, "wb");
    if (!f)
        return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    i18n_init(dir);
    i18n_set_language("nl");
    static const char *const ids[] = { "Home", "Log a learning point", "Idea box", "Try again", "" };
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
        const char *t = i18n_text(ids[i]);
        FUZZ_ASSERT(t != NULL);
        FUZZ_ASSERT(strlen(t) < 1u << 20);
    }
    for (unsigned long n = 0; n < 30; n += 7) {
        const char *p = i18n_plural("%d vote", "%d votes", n);
        FUZZ_ASSERT(p != NULL);
    }
    i18n_set_language("en");
    unlink(path);
    snprintf(path, sizeof path, "%s/nl/LC_MESSAGES", dir);
    rmdir(path);
    snprintf(path, sizeof path, "%s/nl", dir);
    rmdir(path);
    rmdir(dir);
    return 0;
}

/* i18n.c: language switching over libc gettext (see i18n.h). */
#include "i18n.h"

#include <libintl.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "utf8.h"

const char *const i18n_languages[] = { "nl", "en", "pl", NULL };

static char current[8] = "en";
/* Which catalogs passed the structure check (index into i18n_languages). */
static bool usable[8];

static uint32_t read_u32(const unsigned char *p, bool swap)
{
    uint32_t v = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
    return swap ? (v >> 24) | ((v >> 8) & 0xFF00) | ((v << 8) & 0xFF0000) | (v << 24) : v;
}

/* Checks a compiled catalog before gettext ever maps it: glibc trusts the
 * offsets inside a .mo file, and a cut-off or damaged one (a half-written
 * update, a disk error) crashes the lookup (found by tests/fuzz/fuzz_i18n.c).
 * Every string and the hash table must lie inside the file. */
bool i18n_catalog_ok(const unsigned char *d, size_t size)
{
    if (size < 28)
        return false;
    bool swap;
    uint32_t magic = read_u32(d, false);
    if (magic == 0x950412deu)
        swap = false;
    else if (magic == 0xde120495u)
        swap = true;
    else
        return false;
    uint32_t revision = read_u32(d + 4, swap), n = read_u32(d + 8, swap);
    uint32_t orig = read_u32(d + 12, swap), trans = read_u32(d + 16, swap);
    uint32_t hash_size = read_u32(d + 20, swap), hash_off = read_u32(d + 24, swap);
    if ((revision >> 16) > 1)
        return false;
    if ((revision >> 16) == 1) {
        /* system-dependent strings: accepted only when there are none */
        if (size < 48 || read_u32(d + 28, swap) != 0 || read_u32(d + 36, swap) != 0)
            return false;
    }
    if ((uint64_t)orig + (uint64_t)n * 8 > size || (uint64_t)trans + (uint64_t)n * 8 > size)
        return false;
    if (hash_size != 0 && (uint64_t)hash_off + (uint64_t)hash_size * 4 > size)
        return false;
    for (uint32_t i = 0; i < n; i++) {
        for (int table = 0; table < 2; table++) {
            const unsigned char *e = d + (table ? trans : orig) + (uint64_t)i * 8;
            uint32_t len = read_u32(e, swap), off = read_u32(e + 4, swap);
            if ((uint64_t)off + len + 1 > size || d[off + len] != '\0')
                return false;
        }
    }
    for (uint32_t i = 0; i < hash_size; i++) {
        uint32_t idx = read_u32(d + hash_off + (uint64_t)i * 4, swap);
        if (idx != 0 && idx - 1 >= n)
            return false;
    }
    return true;
}

static bool catalog_file_ok(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    unsigned char *buf = NULL;
    size_t size = 0, cap = 0;
    bool ok = false;
    for (;;) {
        if (size == cap) {
            if (cap >= (size_t)16 << 20)
                goto out; /* no catalog of ours is this large */
            cap = cap ? cap * 2 : 65536;
            unsigned char *bigger = realloc(buf, cap);
            if (!bigger)
                goto out;
            buf = bigger;
        }
        size_t got = fread(buf + size, 1, cap - size, f);
        if (got == 0)
            break;
        size += got;
    }
    ok = i18n_catalog_ok(buf, size);
out:
    free(buf);
    fclose(f);
    return ok;
}

/* glibc caches translations; this counter tells it the language changed. */
extern int _nl_msg_cat_cntr;

bool i18n_init(const char *locale_dir)
{
    /* C.UTF-8 exists on every Debian without locale-gen; LANGUAGE then picks
     * the catalog. LC_ALL would override LANGUAGE, so it is not used. */
    unsetenv("LC_ALL");
    if (!setlocale(LC_ALL, "C.UTF-8"))
        setlocale(LC_ALL, "");
    bindtextdomain(I18N_DOMAIN, locale_dir);
    bind_textdomain_codeset(I18N_DOMAIN, "UTF-8");
    textdomain(I18N_DOMAIN);
    bool any = false;
    for (int i = 0; i18n_languages[i]; i++) {
        char path[1200];
        snprintf(path, sizeof path, "%s/%s/LC_MESSAGES/%s.mo", locale_dir, i18n_languages[i], I18N_DOMAIN);
        struct stat st;
        bool present = stat(path, &st) == 0;
        usable[i] = present && catalog_file_ok(path);
        if (present && !usable[i])
            fprintf(stderr, "verbeterbord: the translation catalog %s is damaged; showing English instead\n", path);
        any = any || usable[i];
    }
    return any;
}

bool i18n_set_language(const char *code)
{
    for (int i = 0; i18n_languages[i]; i++) {
        if (strcmp(code, i18n_languages[i]) == 0) {
            utf8_copy(code, current, sizeof current);
            /* a damaged catalog is never handed to gettext: English instead */
            setenv("LANGUAGE", usable[i] ? code : "en", 1);
            ++_nl_msg_cat_cntr;
            return true;
        }
    }
    return false;
}

const char *i18n_language(void)
{
    return current;
}

const char *i18n_text(const char *msgid)
{
    return msgid && *msgid ? dgettext(I18N_DOMAIN, msgid) : "";
}

const char *i18n_plural(const char *singular, const char *plural, unsigned long n)
{
    return dngettext(I18N_DOMAIN, singular, plural, n);
}

const char *i18n_language_name(const char *code)
{
    if (strcmp(code, "nl") == 0) return "Nederlands";
    if (strcmp(code, "en") == 0) return "English";
    if (strcmp(code, "pl") == 0) return "Polski";
    return code;
}

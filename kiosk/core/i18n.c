/* i18n.c: language switching over libc gettext (see i18n.h). */
#include "i18n.h"

#include <libintl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

const char *const i18n_languages[] = { "nl", "en", "pl", NULL };

static char current[8] = "en";

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
    char probe[1200];
    snprintf(probe, sizeof probe, "%s/nl/LC_MESSAGES/%s.mo", locale_dir, I18N_DOMAIN);
    struct stat st;
    return stat(probe, &st) == 0;
}

bool i18n_set_language(const char *code)
{
    for (int i = 0; i18n_languages[i]; i++) {
        if (strcmp(code, i18n_languages[i]) == 0) {
            snprintf(current, sizeof current, "%s", code);
            setenv("LANGUAGE", code, 1);
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

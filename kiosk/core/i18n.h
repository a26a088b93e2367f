/* i18n.h: user-visible text in the team's language. Catalogs are gettext
 * .po files under assets/po, compiled to .mo by the build; lookups go through
 * libc's gettext in the C.UTF-8 locale with the LANGUAGE variable, so no
 * extra locales need to be generated. Strings in the code are English msgids;
 * a missing catalog falls back to them. */
#ifndef VB_I18N_H
#define VB_I18N_H

#include <stdbool.h>
#include <stddef.h>

#define I18N_DOMAIN "verbeterbord"

/* Binds the catalog folder (the first of dirs that holds a catalog). Returns
 * false when no catalog was found (English text is then shown). */
bool i18n_init(const char *locale_dir);
/* True when a compiled catalog's offsets all lie inside it (exposed for tests). */
bool i18n_catalog_ok(const unsigned char *data, size_t size);
/* "nl", "en" or "pl"; unknown codes are refused (false). */
bool i18n_set_language(const char *code);
const char *i18n_language(void);
const char *i18n_text(const char *msgid);
const char *i18n_plural(const char *singular, const char *plural, unsigned long n);
/* The language's own name, for the language button ("Nederlands"). */
const char *i18n_language_name(const char *code);
/* Supported language codes, NULL-terminated. */
extern const char *const i18n_languages[];

#define _(s) i18n_text(s)
#define N_(s) (s)

#endif

/* category.c: default names and pictograms of the categories (see category.h). */
#include "category.h"

#include <string.h>

#include "i18n.h"

static const struct {
    const char *code, *name, *icon;
} categories[] = {
    { "quality", N_("Quality"), "\xE2\x97\x8E" },           /* ◎ (✔ means "selected" and "adopted") */
    { "safety", N_("Safety"), "\xE2\x9A\xA0" },             /* ⚠ */
    { "machine", N_("Machine"), "\xE2\x9A\x99" },           /* ⚙ */
    { "material", N_("Material"), "\xE2\x96\xA6" },         /* ▦ */
    { "process", N_("Process"), "\xE2\x86\xBB" },           /* ↻ */
    { "external", N_("Customer or supplier"), "\xE2\x87\x84" }, /* ⇄ */
    { "other", N_("Other"), "\xE2\x80\xA6" },               /* … */
};

static int find(const char *code)
{
    for (int i = 0; i < (int)(sizeof categories / sizeof categories[0]); i++)
        if (code && strcmp(code, categories[i].code) == 0)
            return i;
    return -1;
}

const char *category_default_name(const char *code)
{
    int i = find(code);
    return i >= 0 ? categories[i].name : code;
}

const char *category_icon(const char *code)
{
    int i = find(code);
    return i >= 0 ? categories[i].icon : "\xE2\x80\xA2";
}

const char *category_display_name(const char *code, const char *label)
{
    if (label && *label)
        return label;
    return _(category_default_name(code));
}

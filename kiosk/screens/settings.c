/* settings.c: team settings (lead flows). A placeholder until that issue builds it. */
#include "../core/i18n.h"
#include "screens.h"

static void settings_draw(app *a, ui_ctx *ui, ui_rect body)
{
    (void)a;
    screen_placeholder(ui, body, "settings.placeholder", _("Here the team lead will change the team name, lines, categories, shifts, language and times."));
}

const screen_def screen_settings = {
    .name = "settings",
    .title = N_("Settings"),
    .draw = settings_draw,
    .show_home_button = true,
};

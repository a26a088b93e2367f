/* roster.c: the team roster (lead flows). A placeholder until that issue builds it. */
#include "../core/i18n.h"
#include "screens.h"

static void roster_draw(app *a, ui_ctx *ui, ui_rect body)
{
    (void)a;
    screen_placeholder(ui, body, "roster.placeholder", _("Here the team lead will manage the team: names, badges, PINs and languages."));
}

const screen_def screen_roster = {
    .name = "roster",
    .title = N_("Team"),
    .draw = roster_draw,
    .show_home_button = true,
};

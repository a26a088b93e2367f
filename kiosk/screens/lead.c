/* lead.c: lead sign-in with PIN and the lead menu (lead flows). A placeholder until that issue builds it. */
#include "../core/i18n.h"
#include "screens.h"

static void lead_draw(app *a, ui_ctx *ui, ui_rect body)
{
    (void)a;
    screen_placeholder(ui, body, "lead.placeholder", _("Here the team lead will sign in with a PIN to run the daily start, give feedback on ideas and review the month."));
}

const screen_def screen_lead = {
    .name = "lead",
    .title = N_("Team lead"),
    .draw = lead_draw,
    .show_home_button = true,
};

/* dagstart.c: the daily start (lead flows). A placeholder until that issue builds it. */
#include "../core/i18n.h"
#include "screens.h"

static void dagstart_draw(app *a, ui_ctx *ui, ui_rect body)
{
    (void)a;
    screen_placeholder(ui, body, "dagstart.placeholder", _("Here the daily start will show today's agenda: staffing, announcements, looking back, looking ahead and improvement actions."));
}

const screen_def screen_dagstart = {
    .name = "dagstart",
    .title = N_("Daily start"),
    .draw = dagstart_draw,
    .show_home_button = true,
};

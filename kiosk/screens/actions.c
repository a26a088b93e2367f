/* actions.c: improvement actions (lead flows). A placeholder until that issue builds it. */
#include "../core/i18n.h"
#include "screens.h"

static void actions_draw(app *a, ui_ctx *ui, ui_rect body)
{
    (void)a;
    screen_placeholder(ui, body, "actions.placeholder", _("Here you will see your improvement actions and mark them done."));
}

const screen_def screen_actions = {
    .name = "actions",
    .title = N_("Actions"),
    .draw = actions_draw,
    .show_home_button = true,
};

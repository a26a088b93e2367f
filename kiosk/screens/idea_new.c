/* idea_new.c: submitting an idea (worker flows). A placeholder until that issue builds it. */
#include "../core/i18n.h"
#include "screens.h"

static void idea_new_draw(app *a, ui_ctx *ui, ui_rect body)
{
    (void)a;
    screen_placeholder(ui, body, "idea_new.placeholder", _("Here you will submit an improvement idea, signed or anonymous. Similar ideas are shown while you type."));
}

const screen_def screen_idea_new = {
    .name = "idea_new",
    .title = N_("New idea"),
    .draw = idea_new_draw,
    .show_home_button = true,
};

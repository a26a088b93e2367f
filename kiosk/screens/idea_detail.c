/* idea_detail.c: one idea with its history and feedback (worker flows). A placeholder until that issue builds it. */
#include "../core/i18n.h"
#include "screens.h"

static void idea_detail_draw(app *a, ui_ctx *ui, ui_rect body)
{
    (void)a;
    screen_placeholder(ui, body, "idea_detail.placeholder", _("Here you will see one idea in full, with its history and the team lead's feedback."));
}

const screen_def screen_idea_detail = {
    .name = "idea_detail",
    .title = N_("Idea"),
    .draw = idea_detail_draw,
    .show_home_button = true,
};

/* ideas.c: the idea box list (worker flows). A placeholder until that issue builds it. */
#include "../core/i18n.h"
#include "screens.h"

static void ideas_draw(app *a, ui_ctx *ui, ui_rect body)
{
    (void)a;
    screen_placeholder(ui, body, "ideas.placeholder", _("Here the idea box will list all ideas by votes, with their status and the team lead's feedback. One vote per person."));
}

const screen_def screen_ideas = {
    .name = "ideas",
    .title = N_("Idea box"),
    .draw = ideas_draw,
    .show_home_button = true,
};

/* learning_point.c: the learning-point form (worker flows). A placeholder until that issue builds it. */
#include "../core/i18n.h"
#include "screens.h"

static void learning_point_draw(app *a, ui_ctx *ui, ui_rect body)
{
    (void)a;
    screen_placeholder(ui, body, "learning_point.placeholder", _("Here you will log a learning point: a category, where it happened, what happened and what we learn. Anonymous by default."));
}

const screen_def screen_learning_point = {
    .name = "learning_point",
    .title = N_("Learning point"),
    .draw = learning_point_draw,
    .show_home_button = true,
};

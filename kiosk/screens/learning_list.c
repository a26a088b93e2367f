/* learning_list.c: browsing learning points, recent first, by category (worker flows). A placeholder until that issue builds it. */
#include "../core/i18n.h"
#include "screens.h"

static void learning_list_draw(app *a, ui_ctx *ui, ui_rect body)
{
    (void)a;
    screen_placeholder(ui, body, "learning_list.placeholder", _("Here you will browse the learning points, recent first, and filter them by category."));
}

const screen_def screen_learning_list = {
    .name = "learning_list",
    .title = N_("Learning points"),
    .draw = learning_list_draw,
    .show_home_button = true,
};

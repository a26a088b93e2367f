/* review.c: the monthly review (lead flows). A placeholder until that issue builds it. */
#include "../core/i18n.h"
#include "screens.h"

static void review_draw(app *a, ui_ctx *ui, ui_rect body)
{
    (void)a;
    screen_placeholder(ui, body, "review.placeholder", _("Here the team lead will review the month with charts, and export it."));
}

const screen_def screen_review = {
    .name = "review",
    .title = N_("Monthly review"),
    .draw = review_draw,
    .show_home_button = true,
};

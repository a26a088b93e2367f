/* receipt.c: following a learning point by its receipt code (worker flows). A placeholder until that issue builds it. */
#include "../core/i18n.h"
#include "screens.h"

static void receipt_draw(app *a, ui_ctx *ui, ui_rect body)
{
    (void)a;
    screen_placeholder(ui, body, "receipt.placeholder", _("Here you will enter the code you got for a learning point and see what became of it."));
}

const screen_def screen_receipt = {
    .name = "receipt",
    .title = N_("Look up a code"),
    .draw = receipt_draw,
    .show_home_button = true,
};

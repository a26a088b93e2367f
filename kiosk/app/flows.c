/* flows.c: flows that several screens share: the full-screen text editor,
 * identification before voting or signing, and lead sign-in. (First cut:
 * the worker-flows and lead-flows issues complete these.) */
#include <string.h>

#include "../core/textedit.h"
#include "../screens/screens.h"
#include "app.h"

void app_edit_open(app *a, struct text_edit *te, const char *field_id, const char *label, app_edit_extra_fn extra,
                   void *ctx)
{
    a->edit_field = te;
    snprintf(a->edit_field_id, sizeof a->edit_field_id, "%s", field_id);
    snprintf(a->edit_label, sizeof a->edit_label, "%s", label ? label : "");
    a->edit_extra = extra;
    a->edit_ctx = ctx;
    a->dirty = true;
}

void app_edit_close(app *a)
{
    a->edit_field = NULL;
    a->edit_extra = NULL;
    a->edit_ctx = NULL;
    a->dirty = true;
}

bool app_editing(const app *a)
{
    return a->edit_field != NULL;
}

void app_identify(app *a, bool need_signature, app_then_fn then, void *ctx)
{
    if (a->member_id && (!need_signature || a->member_signed)) {
        if (then)
            then(a, ctx);
        return;
    }
    a->identify_need_signature = need_signature;
    a->identify_then = then;
    a->identify_ctx = ctx;
    a->identify_return = a->screen;
    app_go(a, "identify");
}

void app_require_lead(app *a, const char *return_screen)
{
    snprintf(a->lead_return, sizeof a->lead_return, "%s", return_screen ? return_screen : "home");
    if (a->lead_id) {
        app_go(a, a->lead_return);
        return;
    }
    app_go(a, "lead");
}

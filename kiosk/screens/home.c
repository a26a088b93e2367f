/* home.c: the home screen. Four large entries a worker needs at the line
 * (log a learning point, submit an idea, the idea box, the daily start), a
 * language switch, and a discreet entry for the team lead. While someone is
 * identified, their name and "done" show above the bottom row. */
#include <string.h>

#include "../core/i18n.h"
#include "../ui/widgets.h"
#include "screens.h"

static void next_language(app *a)
{
    const char *cur = i18n_language();
    int i = 0;
    while (i18n_languages[i] && strcmp(i18n_languages[i], cur) != 0)
        i++;
    const char *next = i18n_languages[i] && i18n_languages[i + 1] ? i18n_languages[i + 1] : i18n_languages[0];
    i18n_set_language(next);
    a->dirty = true;
}

/* Who is identified for this session, and "done" to end it (the same as
 * idle reset: the name is forgotten and the team language comes back). */
static void draw_session(app *a, ui_ctx *ui, ui_rect r)
{
    theme_metrics m = theme_metrics_for(ui);
    const char *done = _("Done: sign out");
    int done_w = ui_text_width(ui, done, m.text_large, true) + 4 * m.pad;
    if (done_w < m.main_target * 2)
        done_w = m.main_target * 2;
    if (done_w > r.w / 2)
        done_w = r.w / 2;
    ui_rect button = ui_cut_right(&r, done_w);
    ui_cut_right(&r, m.gap);
    ui_draw_rect(ui, r, THEME_SURFACE, m.radius);
    ui_draw_border(ui, r, THEME_BORDER, m.border, m.radius);
    ui_rect text = ui_inset(r, m.pad);
    ui_label(ui, "home.member", text, ui_format(ui, _("Signed in: %s"), a->member_name), m.text_body, true,
             THEME_TEXT, UI_ALIGN_LEFT);
    if (ui_button(ui, "home.done", button, done, STYLE_PRIMARY, false)) {
        app_end_session(a);
        a->notice[0] = '\0'; /* a greeting in their language is done too */
        a->notice_until = 0;
    }
}

static void home_draw(app *a, ui_ctx *ui, ui_rect body)
{
    theme_metrics m = theme_metrics_for(ui);
    ui_rect bottom = ui_cut_bottom(&body, m.target);
    ui_cut_bottom(&body, m.gap);
    if (a->member_id) {
        draw_session(a, ui, ui_cut_bottom(&body, m.target));
        ui_cut_bottom(&body, m.gap);
    }

    /* 2x2 on wide and tall screens alike; tiles never get below 20 mm. */
    ui_rect tiles = body;
    struct {
        const char *id, *icon, *label, *sub, *screen;
        theme_style style;
    } entries[] = {
        { "home.learning_point", "\xE2\x9C\x8E", N_("Log a learning point"), N_("What went wrong? We learn from it."),
          "learning_point", STYLE_ACCENT },
        { "home.idea_new", "\xE2\x98\x85", N_("Submit an idea"), N_("Make our work better"), "idea_new",
          STYLE_PRIMARY },
        { "home.ideas", "\xE2\x98\xB0", N_("Idea box"), N_("Read and vote"), "ideas", STYLE_SECONDARY },
        { "home.dagstart", "\xE2\x97\xB7", N_("Daily start"), N_("Today's agenda"), "dagstart",
          STYLE_SECONDARY },
    };
    int n = (int)(sizeof entries / sizeof entries[0]);
    bool wide = tiles.w > tiles.h * 3;
    for (int i = 0; i < n; i++) {
        ui_rect r = wide ? ui_grid_cell(tiles, 4, 1, m.gap, i) : ui_grid_cell(tiles, 2, 2, m.gap, i);
        if (ui_tile(ui, entries[i].id, r, entries[i].icon, _(entries[i].label), _(entries[i].sub),
                    entries[i].style))
            app_go(a, entries[i].screen);
    }

    /* bottom row: language for this session, the smaller entries, team lead */
    struct {
        const char *id, *label, *screen;
    } small[] = {
        { "home.receipt", N_("Look up a code"), "receipt" },
        { "home.learning_list", N_("Learning points"), "learning_list" },
        { "home.actions", N_("Actions"), "actions" },
    };
    int cols = 2 + (int)(sizeof small / sizeof small[0]);
    ui_rect lang = ui_grid_cell(bottom, cols, 1, m.gap, 0);
    const char *lang_label = ui_format(ui, "\xE2\x87\x84 %s", i18n_language_name(i18n_language()));
    /* the row's buttons share one text size */
    int px = ui_button_text_px(ui, lang_label, lang.w, STYLE_SECONDARY);
    for (int i = 0; i < (int)(sizeof small / sizeof small[0]); i++) {
        int p = ui_button_text_px(ui, _(small[i].label), lang.w, STYLE_SECONDARY);
        px = p < px ? p : px;
    }
    if (ui_button_px(ui, "home.language", lang, lang_label, STYLE_SECONDARY, false, px))
        next_language(a);
    for (int i = 0; i < (int)(sizeof small / sizeof small[0]); i++)
        if (ui_button_px(ui, small[i].id, ui_grid_cell(bottom, cols, 1, m.gap, i + 1), _(small[i].label),
                         STYLE_SECONDARY, false, px))
            app_go(a, small[i].screen);
    if (ui_button(ui, "home.lead", ui_grid_cell(bottom, cols, 1, m.gap, cols - 1), _("Team lead"), STYLE_QUIET,
                  false))
        app_go(a, "lead");
}

const screen_def screen_home = {
    .name = "home",
    .title = N_("Home"),
    .draw = home_draw,
    .show_home_button = false,
};

/* learning_point.c: logging a learning point (leerpunt), the worker's
 * quickest way to share a mistake or a near miss. From home it takes a
 * category chip with a large pictogram, a place chip, one short text (in
 * the full-screen editor with the on-screen keyboard) and Save: five taps
 * plus the typing. "Anonymous" is on by default; switching it off asks for a
 * badge or personal PIN, so nobody signs in a colleague's name. The screen
 * nudges blame-free wording (what and how, not who), refuses an empty form
 * and says why, and shows "saved" and the receipt code only after the
 * commit; when the commit fails the form stays filled and a plain message
 * says it was NOT saved and what to do. */
#include <stdio.h>
#include <string.h>

#include "../core/i18n.h"
#include "../core/textedit.h"
#include "../core/utf8.h"
#include "../store/store_learning.h"
#include "../ui/textfield.h"
#include "../ui/widgets.h"
#include "learning_ui.h"
#include "screens.h"

#define LPF_MAX_CATEGORIES 16
#define LPF_MAX_PLACES 64

enum { LPF_NEED_CATEGORY = 1, LPF_NEED_TEXT = 2 };

typedef enum lpf_phase { LPF_FORM, LPF_SAVED } lpf_phase;

/* The form's draft and the last receipt. One kiosk, one form: static. */
static struct {
    bool loaded;
    bool chips_failed;      /* categories or places could not be read */
    lp_category cats[LPF_MAX_CATEGORIES];
    int ncats;
    lp_place places[LPF_MAX_PLACES];
    int nplaces;
    int place_page;
    int64_t category_id, place_id;
    text_edit what, lesson;
    bool anonymous;
    lpf_phase phase;
    int missing;            /* LPF_NEED_* shown after Save was refused */
    char failure[300];      /* why the last save failed, until the next try */
    lp_saved saved;
    char saved_by[256];     /* "" when anonymous */
} st;

/* Reads the category and place chips; on a read error the form says so and
 * offers to try again (the texts typed so far stay). */
static void lpf_load_chips(app *a)
{
    st.chips_failed = false;
    if (!a->db)
        return;
    vb_err err;
    if (store_learning_categories(a->db, st.cats, LPF_MAX_CATEGORIES, &st.ncats, &err) != VB_OK ||
        store_learning_places(a->db, st.places, LPF_MAX_PLACES, &st.nplaces, &err) != VB_OK) {
        fprintf(stderr, "verbeterbord: learning point form: %s\n", err.msg);
        st.ncats = st.nplaces = 0;
        st.chips_failed = true;
    }
}

static void lpf_reset(app *a)
{
    memset(&st, 0, sizeof st);
    text_edit_init(&st.what, LP_TEXT_MAX_CHARS, true);
    text_edit_init(&st.lesson, LP_TEXT_MAX_CHARS, true);
    st.anonymous = true;
    st.phase = LPF_FORM;
    lpf_load_chips(a);
    st.loaded = true;
}

static int lpf_missing(void)
{
    int missing = 0;
    if (!st.category_id)
        missing |= LPF_NEED_CATEGORY;
    if (!text_edit_has_content(&st.what) && !text_edit_has_content(&st.lesson))
        missing |= LPF_NEED_TEXT;
    return missing;
}

static const char *lpf_missing_text(int missing)
{
    if ((missing & LPF_NEED_CATEGORY) && (missing & LPF_NEED_TEXT))
        return _("Not saved yet: choose a category and write what happened or what we learn.");
    if (missing & LPF_NEED_CATEGORY)
        return _("Not saved yet: choose a category (the pictures at the top).");
    return _("Not saved yet: write what happened or what we learn (one of the two is enough).");
}

static const char *lpf_failure_text(vb_code rc)
{
    switch (rc) {
    case VB_ERR_FULL:
        return _("NOT saved: the disk of the kiosk is full. Your text is still here. Ask the team lead to free up "
                 "space, then tap Save again.");
    case VB_ERR_READONLY:
        return _("NOT saved: the database cannot be written. Your text is still here. Ask the team lead to check "
                 "the kiosk, then tap Save again.");
    case VB_ERR_BUSY:
        return _("NOT saved: the database is busy. Your text is still here. Wait a moment, then tap Save again.");
    case VB_ERR_INVALID:
        return _("NOT saved: the text was refused. Check it and tap Save again.");
    default:
        return _("NOT saved: something went wrong while storing it. Your text is still here. Tap Save again; if it "
                 "keeps failing, tell the team lead.");
    }
}

static void lpf_save(app *a)
{
    st.missing = lpf_missing();
    st.failure[0] = '\0';
    if (st.missing)
        return; /* the screen says why, next to Save */
    char what[LP_TEXT_SIZE], lesson[LP_TEXT_SIZE];
    text_edit_trimmed(&st.what, what, sizeof what);
    text_edit_trimmed(&st.lesson, lesson, sizeof lesson);
    bool sign = !st.anonymous && a->member_id && a->member_signed;
    lp_new in = { st.category_id, st.place_id, what, lesson, sign ? a->member_id : 0 };
    lp_saved saved;
    vb_err err;
    vb_err_clear(&err);
    vb_code rc = a->db ? store_learning_save(a->db, &in, app_entry_time(a), &saved, &err)
                       : vb_fail(&err, VB_ERR_IO, "no database");
    if (rc != VB_OK) {
        /* the draft stays as it is; retrying works once the cause is gone */
        fprintf(stderr, "verbeterbord: learning point not saved: %s\n", err.msg);
        utf8_copy(lpf_failure_text(rc), st.failure, sizeof st.failure);
        app_notice(a, NOTICE_ERROR, st.failure, 30);
        return;
    }
    /* Committed: only now say so. The form is emptied, so a second tap on
     * Save cannot store the same entry twice. */
    st.saved = saved;
    utf8_copy(sign ? a->member_name : "", st.saved_by, sizeof st.saved_by);
    st.phase = LPF_SAVED;
    st.category_id = st.place_id = 0;
    text_edit_clear(&st.what);
    text_edit_clear(&st.lesson);
    st.anonymous = true;
    st.missing = 0;
    a->notice[0] = '\0'; /* an old failure is no longer true */
    a->notice_until = 0;
}

static void lpf_signed(app *a, void *ctx)
{
    (void)ctx;
    if (a->member_id && a->member_signed)
        st.anonymous = false;
}

/* In the editor, between the text and the keyboard: the blame-free nudge. */
static void lpf_editor_hint(app *a, ui_ctx *ui, ui_rect area, void *ctx)
{
    (void)a;
    (void)ctx;
    theme_metrics m = theme_metrics_for(ui);
    ui_paragraph(ui, "learning_point.editor_hint", area, _("Describe what happened and how, not who."), m.text_body,
                 false, THEME_TEXT_MUTED, UI_ALIGN_LEFT);
}

/* ---- the form -------------------------------------------------------------- */

static void lpf_heading(ui_ctx *ui, const char *id, ui_rect *body, const char *text)
{
    theme_metrics m = theme_metrics_for(ui);
    ui_rect r = ui_cut_top(body, m.text_body * 5 / 4);
    ui_label(ui, id, r, text, m.text_body, true, THEME_TEXT, UI_ALIGN_LEFT);
    ui_cut_top(body, m.gap / 2);
}

static void lpf_categories(app *a, ui_ctx *ui, ui_rect r)
{
    theme_metrics m = theme_metrics_for(ui);
    if (st.chips_failed) {
        ui_rect retry = ui_cut_right(&r, m.main_target * 3);
        ui_paragraph(ui, "learning_point.error", r,
                     _("The categories could not be read from the database. Try again; if it keeps failing, tell the team lead."),
                     m.text_body, true, THEME_DANGER, UI_ALIGN_LEFT);
        if (ui_button(ui, "learning_point.chips_retry", retry, _("Try again"), STYLE_PRIMARY, false))
            lpf_load_chips(a);
        return;
    }
    int cols = st.ncats <= 8 ? st.ncats : (st.ncats + 1) / 2;
    int rows = st.ncats <= 8 ? 1 : 2;
    for (int i = 0; i < st.ncats; i++) {
        const lp_category *c = &st.cats[i];
        ui_rect cell = ui_grid_cell(r, cols, rows, m.gap, i);
        bool selected = st.category_id == c->id;
        if (learning_ui_category_chip(ui, ui_format(ui, "learning_point.category.%s", c->code), cell, c, selected, 0))
            st.category_id = selected ? 0 : c->id;
    }
}

/* Place chips: one or two rows; when there are more places than fit, the
 * last chip pages through them. */
static int lpf_place_rows(ui_ctx *ui, int width)
{
    int cols = width / ui_mm(ui, 40);
    if (cols < 1)
        cols = 1;
    return st.nplaces <= cols ? 1 : 2;
}

static void lpf_places(ui_ctx *ui, ui_rect r, int rows)
{
    theme_metrics m = theme_metrics_for(ui);
    int cols = r.w / ui_mm(ui, 40);
    if (cols < 1)
        cols = 1;
    if (cols > 8)
        cols = 8;
    int slots = cols * rows;
    bool paged = st.nplaces > slots;
    int per_page = paged ? slots - 1 : slots;
    int pages = per_page > 0 ? (st.nplaces + per_page - 1) / per_page : 1;
    if (st.place_page >= pages)
        st.place_page = 0;
    int first = st.place_page * per_page;
    for (int i = 0; i < per_page && first + i < st.nplaces; i++) {
        const lp_place *p = &st.places[first + i];
        bool selected = st.place_id == p->id;
        if (ui_chip(ui, ui_format(ui, "learning_point.place.%lld", (long long)p->id),
                    ui_grid_cell(r, cols, rows, m.gap, i), NULL, p->name, selected))
            st.place_id = selected ? 0 : p->id;
    }
    if (paged) {
        const char *more = ui_format(ui, _("More places (%d/%d) \xE2\x96\xB6"), st.place_page + 1, pages);
        if (ui_button(ui, "learning_point.places_more", ui_grid_cell(r, cols, rows, m.gap, slots - 1), more,
                      STYLE_SECONDARY, false))
            st.place_page = (st.place_page + 1) % pages;
    }
}

static void lpf_field(app *a, ui_ctx *ui, const char *id, ui_rect r, const char *label, text_edit *te,
                      const char *placeholder)
{
    if (ui_text_field(ui, id, r, label, te, placeholder, false))
        app_edit_open(a, te, id, label, lpf_editor_hint, NULL);
}

static void lpf_draw_form(app *a, ui_ctx *ui, ui_rect body)
{
    theme_metrics m = theme_metrics_for(ui);
    int line = m.text_body * 5 / 4;
    if (st.missing)
        st.missing = lpf_missing() & st.missing; /* what has been filled in meanwhile is no longer missing */

    /* bottom: anonymous switch and Save */
    ui_rect bottom = ui_cut_bottom(&body, m.main_target);
    ui_cut_bottom(&body, m.gap);
    ui_rect message = ui_cut_bottom(&body, line * 2);
    ui_cut_bottom(&body, m.gap / 2);

    /* what is left: chips on top, the two texts below; spare height makes
     * the chips bigger first (gloves), then the texts */
    int cat_rows = st.ncats <= 8 ? 1 : 2;
    int place_rows = st.nplaces ? lpf_place_rows(ui, body.w) : 0;
    bool side_by_side = body.w >= ui_mm(ui, 200);
    int field_h = m.text_body * 3 / 2 + m.gap / 2 + m.text_large * 5 / 4 * 2 + 2 * (m.pad + m.border * 3);
    int fields_h = side_by_side ? field_h : 2 * field_h + m.gap;
    int headings = (line + m.gap / 2) * (place_rows ? 2 : 1) + m.gap * (place_rows ? 2 : 1);
    int cat_h = m.target, place_h = m.target;
    int spare = body.h - headings - fields_h - cat_h * cat_rows - (cat_rows - 1) * m.gap - place_h * place_rows -
                (place_rows > 1 ? m.gap : 0);
    int grow = spare / 2 / cat_rows;
    cat_h += grow > ui_mm(ui, 30) - cat_h ? ui_mm(ui, 30) - cat_h : grow > 0 ? grow : 0;
    if (place_rows) {
        spare = body.h - headings - fields_h - cat_h * cat_rows - (cat_rows - 1) * m.gap - place_h * place_rows -
                (place_rows > 1 ? m.gap : 0);
        grow = spare / 3 / place_rows;
        place_h += grow > m.main_target - place_h ? m.main_target - place_h : grow > 0 ? grow : 0;
    }

    lpf_heading(ui, "learning_point.category_heading", &body, _("What kind of learning point?"));
    lpf_categories(a, ui, ui_cut_top(&body, cat_h * cat_rows + (cat_rows - 1) * m.gap));
    ui_cut_top(&body, m.gap);
    if (place_rows) {
        lpf_heading(ui, "learning_point.place_heading", &body, _("Where did it happen?"));
        lpf_places(ui, ui_cut_top(&body, place_rows * place_h + (place_rows - 1) * m.gap), place_rows);
        ui_cut_top(&body, m.gap);
    }
    /* the texts take the rest, up to a few lines each */
    ui_rect fields = body;
    int max_fields = side_by_side ? field_h + line * 3 : 2 * (field_h + line) + m.gap;
    if (fields.h > max_fields)
        fields.h = max_fields;
    const char *what_label = _("What happened?");
    const char *lesson_label = _("What do we learn or propose?");
    const char *what_example = _("e.g. took the wrong bolt");
    const char *lesson_example = _("e.g. mark the bins with a colour");
    if (side_by_side) {
        ui_rect left = ui_cut_left(&fields, (fields.w - m.gap) / 2);
        ui_cut_left(&fields, m.gap);
        lpf_field(a, ui, "learning_point.what", left, what_label, &st.what, what_example);
        lpf_field(a, ui, "learning_point.lesson", fields, lesson_label, &st.lesson, lesson_example);
    } else {
        ui_rect top = ui_cut_top(&fields, (fields.h - m.gap) / 2);
        ui_cut_top(&fields, m.gap);
        lpf_field(a, ui, "learning_point.what", top, what_label, &st.what, what_example);
        lpf_field(a, ui, "learning_point.lesson", fields, lesson_label, &st.lesson, lesson_example);
    }

    /* the nudge, or why Save did not save */
    if (st.failure[0]) {
        /* the notice at the bottom says it first; once it is gone, it
         * stays said here until the next try */
        if (strcmp(a->notice, st.failure) != 0)
            ui_paragraph(ui, "learning_point.problem", message, ui_format(ui, "\xE2\x9A\xA0 %s", st.failure),
                         m.text_body, true, THEME_DANGER, UI_ALIGN_LEFT);
    } else if (st.missing) {
        ui_paragraph(ui, "learning_point.problem", message,
                     ui_format(ui, "\xE2\x9A\xA0 %s", lpf_missing_text(st.missing)), m.text_body, true, THEME_DANGER,
                     UI_ALIGN_LEFT);
    } else {
        ui_paragraph(ui, "learning_point.hint", message,
                     _("Tip: describe what happened and how, not who. One of the two texts is enough."), m.text_body,
                     false, THEME_TEXT, UI_ALIGN_LEFT);
    }

    /* a signature lasts only while its member is identified */
    if (!st.anonymous && !(a->member_id && a->member_signed))
        st.anonymous = true;
    int save_w = bottom.w * 2 / 5;
    if (save_w < m.main_target * 2)
        save_w = m.main_target * 2;
    ui_rect save = ui_cut_right(&bottom, save_w);
    ui_cut_right(&bottom, m.gap);
    const char *toggle_label = st.anonymous ? _("Anonymous: your name is not stored")
                                           : ui_format(ui, _("Signed by %s"), a->member_name);
    bool on = st.anonymous;
    if (ui_toggle(ui, "learning_point.anonymous", bottom, toggle_label, &on)) {
        if (on)
            st.anonymous = true;
        else if (a->member_id && a->member_signed)
            st.anonymous = false;
        else
            app_identify(a, true, lpf_signed, NULL); /* comes back here, signed or not */
    }
    if (ui_button(ui, "learning_point.save", save, _("\xE2\x9C\x94 Save"), STYLE_PRIMARY, false))
        lpf_save(a);
}

/* ---- after saving ------------------------------------------------------------ */

static int lpf_line(ui_ctx *ui, const char *id, ui_rect *r, const char *text, int px, bool bold, ui_color c,
                    int gap_after)
{
    int h = ui_paragraph(ui, id, *r, text, px, bold, c, UI_ALIGN_CENTER);
    ui_cut_top(r, h + gap_after);
    return h;
}

static void lpf_draw_saved(app *a, ui_ctx *ui, ui_rect body)
{
    theme_metrics m = theme_metrics_for(ui);
    /* The buttons sit where Save was not: a double tap on Save must not
     * close this view before the code is written down. */
    ui_rect bottom = ui_cut_bottom(&body, m.main_target);
    ui_cut_bottom(&body, m.gap);
    ui_rect buttons = ui_cut_left(&bottom, bottom.w * 3 / 5);
    ui_rect another = ui_cut_left(&buttons, (buttons.w - m.gap) / 2);
    ui_cut_left(&buttons, m.gap);

    ui_draw_rect(ui, body, THEME_SURFACE, m.radius);
    ui_draw_border(ui, body, THEME_OK, m.border * 3, m.radius);
    ui_rect in = ui_inset(body, m.pad * 2);
    /* The code as large as the card allows (up to 30 mm), the block centred. */
    int lines_h = m.text_title * 5 / 4 + m.text_large * 5 / 4 * 4 + m.text_body * 5 / 4 + m.gap * 4;
    int code_px = (in.h - lines_h) * 2 / 3;
    if (code_px > ui_mm(ui, 30))
        code_px = ui_mm(ui, 30);
    if (code_px < m.text_title)
        code_px = m.text_title;
    int used = lines_h + code_px * 5 / 4 + m.pad;
    if (in.h > used)
        ui_cut_top(&in, (in.h - used) / 2);

    lpf_line(ui, "learning_point.saved", &in, _("\xE2\x9C\x94 Saved. Thank you!"), m.text_title, true, THEME_OK,
             m.gap);
    lpf_line(ui, "learning_point.code_label", &in, _("Write down this code:"), m.text_large, true, THEME_TEXT,
             m.gap / 2);
    int code_w = ui_text_width(ui, st.saved.receipt, code_px, true) + 4 * m.pad;
    ui_rect code_row = ui_cut_top(&in, code_px * 5 / 4 + m.pad);
    ui_rect code_box = { code_row.x + (code_row.w - code_w) / 2, code_row.y, code_w, code_row.h };
    ui_draw_rect(ui, code_box, THEME_ACCENT, m.radius);
    ui_draw_border(ui, code_box, THEME_TEXT, m.border * 2, m.radius);
    ui_label(ui, "learning_point.receipt", code_box, st.saved.receipt, code_px, true, THEME_TEXT, UI_ALIGN_CENTER);
    ui_cut_top(&in, m.gap);
    lpf_line(ui, "learning_point.code_hint", &in,
             _("Enter it later on the home screen under \"Look up a code\" to see what became of it."),
             m.text_large, false, THEME_TEXT, m.gap / 2);
    lpf_line(ui, "learning_point.dagstart", &in,
             ui_format(ui, _("It comes up at the daily start of %s."), learning_ui_day(ui, st.saved.dagstart_day)),
             m.text_large, false, THEME_TEXT, m.gap / 2);
    lpf_line(ui, "learning_point.who", &in,
             st.saved_by[0] ? ui_format(ui, _("Saved with your name: %s."), st.saved_by)
                           : _("Anonymous: no name and no time is stored with it, only the day."),
             m.text_body, false, THEME_TEXT_MUTED, 0);

    if (ui_button(ui, "learning_point.another", another, _("Log another"), STYLE_SECONDARY, false)) {
        lpf_reset(a);
        return;
    }
    if (ui_button(ui, "learning_point.done", buttons, _("Done"), STYLE_PRIMARY, false))
        app_go_home(a);
}

static void learning_point_draw(app *a, ui_ctx *ui, ui_rect body)
{
    if (!st.loaded)
        lpf_reset(a);
    if (st.phase == LPF_SAVED)
        lpf_draw_saved(a, ui, body);
    else
        lpf_draw_form(a, ui, body);
}

static void learning_point_enter(app *a)
{
    /* Coming back from identification (to sign) keeps the draft; any other
     * way in starts a fresh form, so nobody finds someone else's text. */
    if (st.loaded && st.phase == LPF_FORM && a->previous_screen == &screen_identify)
        return;
    lpf_reset(a);
}

static bool learning_point_has_draft(const app *a)
{
    (void)a;
    return st.loaded && st.phase == LPF_FORM &&
           (st.category_id || st.place_id || text_edit_has_content(&st.what) || text_edit_has_content(&st.lesson));
}

static void learning_point_discard(app *a)
{
    lpf_reset(a);
}

const screen_def screen_learning_point = {
    .name = "learning_point",
    .title = N_("Learning point"),
    .draw = learning_point_draw,
    .enter = learning_point_enter,
    .has_draft = learning_point_has_draft,
    .discard = learning_point_discard,
    .show_home_button = true,
};

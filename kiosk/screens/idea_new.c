/* idea_new.c: submitting an idea (screen "idea_new"): a title and a short
 * description (typed in the full-screen editor), a category from large
 * chips, and anonymous or signed (signing needs a badge or personal PIN).
 * While the title is typed, the editor shows up to three similar ideas that
 * are already in the box, each with "vote for this instead", so duplicates
 * get votes instead of copies. "Saved" shows only after the commit; a second
 * tap on Save finds the confirmation, not a second form; a failure keeps
 * the form and says what to do. */
#include <stdio.h>
#include <string.h>

#include "../core/category.h"
#include "../core/i18n.h"
#include "../core/utf8.h"
#include "../store/store_learning.h"
#include "../ui/textfield.h"
#include "../ui/widgets.h"
#include "ideas.h"

#define MAX_CATEGORIES 16

static struct {
    bool ready;
    text_edit title, desc;
    int64_t category_id;     /* 0 = none chosen */
    bool sign;               /* put the identified member's name on it */
    bool saved;              /* the confirmation is showing */
    int64_t saved_id;
    char saved_title[IDEA_TITLE_MAX * 4 + 1];
    lp_category cats[MAX_CATEGORIES]; /* the chips (the same list as for learning points) */
    int ncats;
    /* similar ideas while typing: cached per title text */
    bool similar_valid;
    char similar_for[TEXTEDIT_MAX_BYTES];
    int64_t similar_viewer;
    unsigned similar_generation;
    idea_row similar[IDEA_SIMILAR_MAX];
    int similar_n;
} st;

static void draft_reset(void)
{
    text_edit_init(&st.title, IDEA_TITLE_MAX, false);
    text_edit_init(&st.desc, IDEA_DESC_MAX, true);
    st.category_id = 0;
    st.sign = false;
    st.saved = false;
    st.saved_id = 0;
    st.saved_title[0] = '\0';
    st.similar_valid = false;
    st.similar_n = 0;
    st.ready = true;
}

static void load_categories(app *a)
{
    vb_err err;
    vb_err_clear(&err);
    if (store_learning_categories(a->db, st.cats, MAX_CATEGORIES, &st.ncats, &err) != VB_OK) {
        fprintf(stderr, "verbeterbord: categories: %s\n", err.msg);
        st.ncats = 0;
    }
}

static void idea_new_enter(app *a)
{
    /* back from identifying (to sign, or to vote for a similar idea) the
     * draft stays; arriving from anywhere else starts a clean form */
    bool from_identify = a->previous_screen && strcmp(a->previous_screen->name, "identify") == 0;
    if (!st.ready || !from_identify || st.saved)
        draft_reset();
    load_categories(a);
}

static bool idea_new_has_draft(const app *a)
{
    (void)a;
    return st.ready && !st.saved &&
           (text_edit_has_content(&st.title) || text_edit_has_content(&st.desc) || st.category_id != 0);
}

static void idea_new_discard(app *a)
{
    (void)a;
    draft_reset();
}

/* ---- similar ideas in the editor ------------------------------------------ */

static void similar_refresh(app *a)
{
    if (st.similar_valid && strcmp(st.similar_for, st.title.text) == 0 && st.similar_viewer == a->member_id &&
        st.similar_generation == idea_vote_generation())
        return;
    st.similar_valid = true;
    utf8_copy(st.title.text, st.similar_for, sizeof st.similar_for);
    st.similar_viewer = a->member_id;
    st.similar_generation = idea_vote_generation();
    vb_err err;
    vb_err_clear(&err);
    if (store_ideas_similar(a->db, st.title.text, a->member_id, st.similar, IDEA_SIMILAR_MAX, &st.similar_n, &err) !=
        VB_OK) {
        fprintf(stderr, "verbeterbord: similar ideas: %s\n", err.msg);
        st.similar_n = 0;
    }
}

/* After a vote for a similar idea: the new idea is not added; show the one
 * that got the vote. */
static void similar_voted(app *a, void *ctx)
{
    int64_t id = ctx ? *(const int64_t *)ctx : 0;
    draft_reset();
    app_notice(a, NOTICE_OK, _("Your vote is counted. Your own idea was not added, so the votes stay together."), 6);
    idea_detail_show(a, id);
}

/* The button of one similar idea; true when it closed the editor to vote. */
static bool similar_button(app *a, ui_ctx *ui, ui_rect b, const idea_row *row, const theme_metrics *m)
{
    const char *bid = ui_format(ui, "idea_new.similar.vote.%lld", (long long)row->id);
    if (a->member_id && row->voted) {
        ui_button(ui, bid, b, _("Voted \xE2\x9C\x94"), STYLE_SECONDARY, true);
    } else if (!idea_status_takes_votes(row->status)) {
        ui_label(ui, ui_format(ui, "idea_new.similar.closed.%lld", (long long)row->id), ui_inset(b, m->pad / 2),
                 idea_status_text(ui, row->status), m->text_body, true, THEME_TEXT, UI_ALIGN_CENTER);
    } else if (ui_button(ui, bid, b, _("Vote for this instead"), STYLE_PRIMARY, false)) {
        app_edit_close(a);
        idea_vote_for(a, row->id, similar_voted);
        return true;
    }
    return false;
}

static void similar_extra(app *a, ui_ctx *ui, ui_rect area, void *ctx)
{
    (void)ctx;
    theme_metrics m = theme_metrics_for(ui);
    similar_refresh(a);
    int line_h = m.text_body * 5 / 4, small_h = m.text_small * 5 / 4;
    const char *head;
    if (st.similar_n > 0)
        head = _("Similar ideas are already in the box. Vote for one instead of adding a copy:");
    else if (utf8_count(st.title.text, st.title.len) >= 3)
        head = _("No similar idea found. Go on typing, or tap Done.");
    else
        head = _("Similar ideas appear here while you type.");
    ui_rect h = ui_cut_top(&area, line_h);
    ui_label(ui, "idea_new.similar.head", h, head, m.text_body, true, THEME_TEXT, UI_ALIGN_LEFT);
    ui_cut_top(&area, m.gap / 2);

    if (st.similar_n == 0)
        return;
    /* One row per idea when they all fit at glove size; else side by side
     * as cards, which a wide, low area (a big screen's keyboard) holds. */
    int gap = m.gap / 2;
    bool rows = area.h >= st.similar_n * m.target + (st.similar_n - 1) * gap;
    int row_h = rows ? (area.h - (st.similar_n - 1) * gap) / st.similar_n : area.h;
    if (rows && row_h > m.main_target)
        row_h = m.main_target;
    for (int i = 0; i < st.similar_n; i++) {
        idea_row *row = &st.similar[i];
        ui_rect r = rows ? ui_cut_top(&area, row_h) : ui_grid_cell(area, st.similar_n, 1, gap, i);
        if (rows)
            ui_cut_top(&area, gap);
        if (r.h < m.target)
            break; /* no room for a glove-sized button */
        ui_draw_rect(ui, r, THEME_SURFACE, m.radius);
        ui_draw_border(ui, r, THEME_BORDER, m.border, m.radius);
        ui_rect in = r;
        ui_rect b;
        if (rows) {
            in.x += m.pad;
            in.w -= m.pad;
            b = ui_cut_right(&in, ui_mm(ui, 66));
            ui_cut_right(&in, m.gap);
        } else {
            in = ui_inset(r, m.pad / 2);
            b = ui_cut_bottom(&in, m.target);
            in.x += m.pad / 2;
            in.w -= m.pad / 2;
        }
        if (similar_button(a, ui, b, row, &m))
            return; /* the editor closed: voting instead */
        int text_h = line_h + small_h;
        ui_rect title_r = rows ? (ui_rect){ in.x, in.y + (in.h - text_h) / 2, in.w, line_h }
                               : (ui_rect){ in.x, in.y, in.w, in.h - small_h };
        if (rows)
            ui_label(ui, ui_format(ui, "idea_new.similar.%lld", (long long)row->id), title_r, row->title, m.text_body,
                     true, THEME_TEXT, UI_ALIGN_LEFT);
        else
            ui_paragraph(ui, ui_format(ui, "idea_new.similar.%lld", (long long)row->id), title_r, row->title,
                         m.text_body, true, THEME_TEXT, UI_ALIGN_LEFT);
        const char *meta = ui_format(ui, "%s \xC2\xB7 %s", idea_status_text(ui, row->status),
                                     idea_votes_text(ui, row->vote_count));
        ui_rect meta_r = rows ? (ui_rect){ in.x, title_r.y + line_h, in.w, small_h }
                              : (ui_rect){ in.x, in.y + in.h - small_h, in.w, small_h };
        ui_label(ui, ui_format(ui, "idea_new.similar.meta.%lld", (long long)row->id), meta_r, meta, m.text_small,
                 false, THEME_TEXT, UI_ALIGN_LEFT);
    }
}

/* ---- saving ------------------------------------------------------------------ */

static void refuse(app *a, const char *why)
{
    char text[300];
    vb_fmt(text, sizeof text, "%s %s", _("Not saved yet."), why);
    app_notice(a, NOTICE_ERROR, text, 6);
}

static void save(app *a);

static void save_after_identify(app *a, void *ctx)
{
    (void)ctx;
    st.sign = true;
    save(a);
}

static void save(app *a)
{
    if (st.saved)
        return; /* a second tap: the idea is already stored */
    char title[IDEA_TITLE_MAX * 4 + 1], desc[IDEA_DESC_MAX * 4 + 1];
    text_edit_trimmed(&st.title, title, sizeof title);
    text_edit_trimmed(&st.desc, desc, sizeof desc);
    size_t chars = utf8_count(title, strlen(title));
    if (chars == 0) {
        refuse(a, _("Type a title first: tap the title field."));
        return;
    }
    if (chars < IDEA_TITLE_MIN) {
        refuse(a, _("The title is too short: use at least 3 letters."));
        return;
    }
    if (!st.category_id) {
        refuse(a, _("Choose a category: tap one of the category buttons."));
        return;
    }
    if (st.sign && !(a->member_id && a->member_signed)) {
        /* signing needs a badge or a personal PIN; saving goes on after it */
        app_identify(a, true, save_after_identify, NULL);
        return;
    }
    idea_input in = { title, desc, st.category_id, st.sign ? a->member_id : 0, app_entry_time(a) };
    int64_t id = 0;
    vb_err err;
    vb_err_clear(&err);
    vb_code rc = store_idea_submit(a->db, &in, &id, &err);
    if (rc != VB_OK) {
        fprintf(stderr, "verbeterbord: saving an idea: %s\n", err.msg);
        char text[300];
        vb_fmt(text, sizeof text, "%s %s %s", _("Your idea was NOT saved."),
               rc == VB_ERR_INVALID ? _("The form has a problem.") : idea_failure_reason(rc),
               _("Your text is still here: tap Save idea again in a moment. If it keeps failing, tell the team lead."));
        app_notice(a, NOTICE_ERROR, text, 10);
        return;
    }
    if (in.now_s > a->newest_entry_s)
        a->newest_entry_s = in.now_s;
    st.saved = true;
    st.saved_id = id;
    utf8_copy(title, st.saved_title, sizeof st.saved_title);
    app_notice(a, NOTICE_OK, _("Saved. Your idea is in the idea box."), 6);
}

static void sign_after_identify(app *a, void *ctx)
{
    (void)ctx;
    st.sign = true;
    a->dirty = true;
}

/* ---- drawing ------------------------------------------------------------------- */

static void draw_saved(app *a, ui_ctx *ui, ui_rect body, const theme_metrics *m)
{
    /* The buttons sit high and left: the spot where Save was stays empty,
     * so a second tap on Save lands on nothing. */
    ui_rect card = ui_cut_top(&body, body.h * 3 / 5);
    ui_draw_rect(ui, card, THEME_SURFACE, m->radius);
    ui_draw_border(ui, card, THEME_OK, m->border * 3, m->radius);
    ui_rect in = ui_inset(card, m->pad * 2);
    ui_label(ui, "idea_new.saved", ui_cut_top(&in, m->text_title * 5 / 4),
             ui_format(ui, "\xE2\x9C\x94 %s", _("Saved")), m->text_title, true, THEME_OK, UI_ALIGN_LEFT);
    ui_cut_top(&in, m->gap);
    ui_rect buttons = ui_cut_bottom(&in, m->main_target);
    ui_paragraph(ui, "idea_new.saved_text", in,
                 ui_format(ui, _("Your idea \xE2\x80\x9C%s\xE2\x80\x9D is in the idea box. Colleagues can vote for it now."),
                           st.saved_title),
                 m->text_large, false, THEME_TEXT, UI_ALIGN_LEFT);
    int bw = ui_mm(ui, 70);
    ui_rect show = ui_cut_left(&buttons, bw);
    ui_cut_left(&buttons, m->gap);
    ui_rect another = ui_cut_left(&buttons, bw);
    ui_cut_left(&buttons, m->gap);
    ui_rect list = ui_cut_left(&buttons, bw);
    if (ui_button(ui, "idea_new.list", list, _("All ideas"), STYLE_SECONDARY, false)) {
        draft_reset();
        app_go(a, "ideas");
        return;
    }
    if (ui_button(ui, "idea_new.show", show, _("Show my idea"), STYLE_PRIMARY, false)) {
        int64_t id = st.saved_id;
        draft_reset();
        idea_detail_show(a, id);
        return;
    }
    if (ui_button(ui, "idea_new.another", another, _("Another idea"), STYLE_SECONDARY, false))
        draft_reset();
}

static void idea_new_draw(app *a, ui_ctx *ui, ui_rect body)
{
    theme_metrics m = theme_metrics_for(ui);
    if (!st.ready)
        draft_reset();
    if (st.saved) {
        draw_saved(a, ui, body, &m);
        return;
    }
    /* a signature belongs to a session that still has its signer */
    if (st.sign && !(a->member_id && a->member_signed))
        st.sign = false;

    int label_h = m.text_body * 3 / 2 + m.gap / 2;
    ui_rect bottom = ui_cut_bottom(&body, m.main_target);
    ui_cut_bottom(&body, m.gap);
    ui_rect sign = ui_cut_bottom(&body, m.target);
    ui_cut_bottom(&body, m.gap);
    int cat_rows = st.ncats > 4 ? 2 : 1;
    ui_rect cats = ui_cut_bottom(&body, label_h + cat_rows * m.target + (cat_rows - 1) * m.gap);
    ui_cut_bottom(&body, m.gap);
    /* title and description share the rest; the description gets more */
    int title_h = label_h + m.main_target;
    if (title_h > body.h / 2)
        title_h = body.h / 2;
    ui_rect title = ui_cut_top(&body, title_h);
    ui_cut_top(&body, m.gap);
    ui_rect desc = body;

    const char *title_label = _("Title: your idea in a few words");
    if (ui_text_field(ui, "idea_new.title", title, title_label, &st.title, _("Tap here to type the title"), false))
        app_edit_open(a, &st.title, "idea_new.title", title_label, similar_extra, NULL);
    const char *desc_label = _("Short description (optional)");
    if (ui_text_field(ui, "idea_new.description", desc, desc_label, &st.desc, _("What would you change, and why?"),
                      false))
        app_edit_open(a, &st.desc, "idea_new.description", desc_label, NULL, NULL);

    ui_label(ui, "idea_new.category_label", ui_cut_top(&cats, label_h), _("Category"), m.text_body, true, THEME_TEXT,
             UI_ALIGN_LEFT);
    int cols = (st.ncats + cat_rows - 1) / cat_rows;
    for (int i = 0; i < st.ncats; i++) {
        const lp_category *c = &st.cats[i];
        const char *label = ui_format(ui, "%s %s", category_icon(c->code), category_display_name(c->code, c->label));
        if (ui_chip(ui, ui_format(ui, "idea_new.category.%s", c->code), ui_grid_cell(cats, cols, cat_rows, m.gap, i),
                    NULL, label, st.category_id == c->id))
            st.category_id = c->id;
    }

    bool on = st.sign;
    const char *sign_label = st.sign ? ui_format(ui, _("Signed with my name: %s"), a->member_name)
                                    : _("Anonymous. Tap to sign with your name (badge or PIN).");
    if (ui_toggle(ui, "idea_new.sign", sign, sign_label, &on)) {
        if (on)
            app_identify(a, true, sign_after_identify, NULL);
        else
            st.sign = false;
    }

    /* wide enough for the main action's label at the large size */
    const char *save_label = ui_format(ui, "\xE2\x9C\x94 %s", _("Save idea"));
    int save_w = ui_text_width(ui, save_label, m.text_large, true) + 2 * m.pad + m.gap;
    if (save_w < ui_mm(ui, 64))
        save_w = ui_mm(ui, 64);
    if (save_w > bottom.w / 2)
        save_w = bottom.w / 2;
    ui_rect save_r = ui_cut_right(&bottom, save_w);
    ui_cut_right(&bottom, m.gap);
    char t[IDEA_TITLE_MAX * 4 + 1];
    text_edit_trimmed(&st.title, t, sizeof t);
    const char *hint = NULL;
    if (utf8_count(t, strlen(t)) < IDEA_TITLE_MIN)
        hint = _("To save: a title of at least 3 letters and a category.");
    else if (!st.category_id)
        hint = _("To save: choose a category.");
    if (hint)
        ui_paragraph(ui, "idea_new.hint", bottom, hint, m.text_body, false, THEME_TEXT, UI_ALIGN_LEFT);
    if (ui_button(ui, "idea_new.save", save_r, save_label, STYLE_PRIMARY, false))
        save(a);
}

const screen_def screen_idea_new = {
    .name = "idea_new",
    .title = N_("New idea"),
    .draw = idea_new_draw,
    .enter = idea_new_enter,
    .has_draft = idea_new_has_draft,
    .discard = idea_new_discard,
    .show_home_button = true,
};

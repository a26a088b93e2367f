/* idea_detail.c: one idea in full (screen "idea_detail"): its title and
 * description, category, who submitted it (or "anonymous") and when, its
 * votes with a vote button, its status in words and with an icon, the team
 * lead's latest feedback and the whole history of status moves. The text
 * scrolls by drag and page buttons; "All ideas" goes back to the list. */
#include <stdio.h>
#include <string.h>

#include "../core/category.h"
#include "../core/i18n.h"
#include "../core/utf8.h"
#include "../ui/list.h"
#include "../ui/widgets.h"
#include "ideas.h"
#include "moderation.h"

#define HISTORY_MAX 24

static struct {
    int64_t id;               /* the idea to show */
    bool stale;
    bool found;
    idea_detail d;
    idea_history_row history[HISTORY_MAX];
    int history_n, history_total;
    int64_t viewer;
    unsigned generation;
    ui_scroll scroll;
    int max_votes;            /* most votes of any listed idea, for the bar */
    int feedback_h;           /* height of the feedback text last frame */
    char error[200];
} st;

void idea_detail_show(app *a, int64_t idea_id)
{
    if (st.id != idea_id)
        st.scroll = (ui_scroll){ 0 };
    st.id = idea_id;
    st.stale = true;
    app_go(a, "idea_detail");
}

static void detail_load(app *a)
{
    vb_err err;
    vb_err_clear(&err);
    st.stale = false;
    st.found = false;
    st.error[0] = '\0';
    st.viewer = a->member_id;
    st.generation = idea_vote_generation();
    st.history_n = st.history_total = 0;
    if (st.id == 0) {
        /* opened without a choice (--screen idea_detail): the top idea */
        idea_row top;
        int n = 0;
        if (store_ideas_page(a->db, IDEA_MASK_LISTED, a->member_id, 0, 1, &top, &n, &err) == VB_OK && n == 1)
            st.id = top.id;
    }
    vb_code rc = store_idea_get(a->db, st.id, a->member_id, &st.d, &err);
    if (rc == VB_OK)
        rc = store_idea_history(a->db, st.id, st.history, HISTORY_MAX, &st.history_n, &st.history_total, &err);
    if (rc == VB_OK && store_ideas_max_votes(a->db, IDEA_MASK_LISTED, &st.max_votes, &err) != VB_OK)
        st.max_votes = 0;
    if (rc == VB_OK) {
        st.found = !st.d.hidden;
        if (!st.found)
            utf8_copy(_("This idea is no longer shown in the idea box."), st.error, sizeof st.error);
    } else if (rc == VB_ERR_NOTFOUND) {
        utf8_copy(_("This idea no longer exists."), st.error, sizeof st.error);
    } else {
        fprintf(stderr, "verbeterbord: idea %lld: %s\n", (long long)st.id, err.msg);
        utf8_copy(_("This idea cannot be read right now. Try again in a moment."), st.error, sizeof st.error);
    }
}

static void detail_enter(app *a)
{
    (void)a;
    st.stale = true;
}

/* One block of wrapped text at *y inside column x..x+w; moves *y down. */
static void text_block(ui_ctx *ui, const char *id, int x, int *y, int w, const char *text, int px, bool bold,
                       ui_color c)
{
    ui_rect r = { x, *y, w, 1 << 20 };
    *y += ui_paragraph(ui, id, r, text, px, bold, c, UI_ALIGN_LEFT);
}

static void draw_content(app *a, ui_ctx *ui, ui_rect view, const theme_metrics *m)
{
    (void)a;
    const idea_detail *d = &st.d;
    int x = view.x, w = view.w, y0 = view.y - st.scroll.offset, y = y0;
    int line_h = m->text_body * 5 / 4;

    text_block(ui, "idea_detail.title", x, &y, w, d->row.title, m->text_title, true, THEME_TEXT);
    y += m->gap / 2;
    const char *cat = ui_format(ui, "%s %s", category_icon(d->category_code),
                                category_display_name(d->category_code, d->category_label));
    ui_label(ui, "idea_detail.category", (ui_rect){ x, y, w, line_h }, cat, m->text_body, true, THEME_TEXT,
             UI_ALIGN_LEFT);
    y += line_h;
    const char *who = d->member_id
                          ? ui_format(ui, _("Submitted by %s on %s"), d->member_name,
                                      idea_date_text(ui, d->row.created_at))
                          : ui_format(ui, _("Submitted anonymously on %s"), idea_date_text(ui, d->row.created_at));
    text_block(ui, "idea_detail.author", x, &y, w, who, m->text_body, false, THEME_TEXT);
    y += m->gap;
    if (d->description[0]) {
        text_block(ui, "idea_detail.description", x, &y, w, d->description, m->text_large, false, THEME_TEXT);
        y += m->gap;
    }

    /* the lead's latest feedback, in a box of its own */
    if (d->row.feedback[0]) {
        int top = y;
        int inner_w = w - 2 * m->pad;
        int hy = y + m->pad;
        const char *head = d->feedback_at ? ui_format(ui, _("Feedback from the team lead, %s:"),
                                                      idea_date_text(ui, d->feedback_at))
                                          : _("Feedback from the team lead:");
        /* the box is drawn before its text, so it takes the text's height
         * from the frame before (a changed height builds the frame again) */
        int head_h = line_h, text_h = st.feedback_h;
        ui_rect box = { x, top, w, m->pad * 2 + head_h + m->gap / 2 + text_h };
        ui_draw_rect(ui, box, THEME_WARN_BG, m->radius);
        ui_draw_border(ui, box, THEME_BORDER, m->border, m->radius);
        ui_label(ui, "idea_detail.feedback_head", (ui_rect){ x + m->pad, hy, inner_w, head_h }, head, m->text_body,
                 true, THEME_TEXT, UI_ALIGN_LEFT);
        hy += head_h + m->gap / 2;
        int text_top = hy;
        text_block(ui, "idea_detail.feedback", x + m->pad, &hy, inner_w, d->row.feedback, m->text_large, false,
                   THEME_TEXT);
        if (hy - text_top != st.feedback_h) {
            st.feedback_h = hy - text_top;
            ui->want_redraw = true;
        }
        y = top + box.h + m->gap;
    }

    /* history, oldest first */
    ui_label(ui, "idea_detail.history_head", (ui_rect){ x, y, w, m->text_large * 5 / 4 }, _("History"),
             m->text_large, true, THEME_TEXT, UI_ALIGN_LEFT);
    y += m->text_large * 5 / 4 + m->gap / 2;
    int date_w = ui_text_width(ui, "00-00-0000", m->text_body, true) + m->gap;
    for (int i = 0; i < st.history_n; i++) {
        const idea_history_row *h = &st.history[i];
        ui_label(ui, ui_format(ui, "idea_detail.history.%d.date", i), (ui_rect){ x, y, date_w, line_h },
                 idea_date_text(ui, h->at), m->text_body, true, THEME_TEXT, UI_ALIGN_LEFT);
        const char *what;
        if (h->from < 0)
            what = ui_format(ui, "%s %s", idea_status_icon(IDEA_NEW), _("Submitted"));
        else if (h->member_name[0])
            what = ui_format(ui, "%s \xC2\xB7 %s", idea_status_text(ui, h->to), h->member_name);
        else
            what = idea_status_text(ui, h->to);
        int hy = y;
        text_block(ui, ui_format(ui, "idea_detail.history.%d", i), x + date_w, &hy, w - date_w, what, m->text_body,
                   true, THEME_TEXT);
        if (h->feedback[0]) {
            const char *fb = ui_format(ui, "\xE2\x80\x9C%s\xE2\x80\x9D", h->feedback);
            text_block(ui, ui_format(ui, "idea_detail.history.%d.feedback", i), x + date_w, &hy, w - date_w, fb,
                       m->text_body, false, THEME_TEXT_MUTED);
        }
        y = hy + m->gap / 2;
    }
    if (st.history_total > st.history_n) {
        int more_n = st.history_total - st.history_n;
        const char *more = ui_format(ui, i18n_plural("… and %d more step not shown", "… and %d more steps not shown",
                                                     (unsigned long)more_n),
                                     more_n);
        text_block(ui, "idea_detail.history_more", x, &y, w, more, m->text_body, false, THEME_TEXT_MUTED);
    }
    st.scroll.content_h = y - y0 + m->pad;
}

static void draw_side(app *a, ui_ctx *ui, ui_rect side, const theme_metrics *m)
{
    idea_detail *d = &st.d;
    ui_rect back = ui_cut_bottom(&side, m->target);
    ui_cut_bottom(&side, m->gap);
    if (ui_button(ui, "idea_detail.back", back, ui_format(ui, "\xE2\x97\x80 %s", _("All ideas")), STYLE_SECONDARY,
                  false)) {
        app_go(a, "ideas");
        return;
    }
    if (a->lead_id) {
        ui_rect lead = ui_cut_bottom(&side, m->main_target);
        ui_cut_bottom(&side, m->gap);
        if (ui_button(ui, "idea_detail.lead", lead, _("Team lead: status & feedback"), STYLE_ACCENT, false)) {
            idea_lead_show(a, st.id);
            return;
        }
    }
    ui_draw_rect(ui, side, THEME_SURFACE, m->radius);
    ui_draw_border(ui, side, THEME_BORDER, m->border, m->radius);
    ui_rect in = ui_inset(side, m->pad);
    int big = m->text_title * 5 / 4, line_h = m->text_body * 5 / 4;
    ui_label(ui, "idea_detail.status_icon", ui_cut_top(&in, big), idea_status_icon(d->row.status), m->text_title,
             true, THEME_TEXT, UI_ALIGN_LEFT);
    ui_paragraph(ui, "idea_detail.status", ui_cut_top(&in, m->text_large * 5 / 4 * 2), idea_status_name(d->row.status),
                 m->text_large, true, THEME_TEXT, UI_ALIGN_LEFT);
    ui_cut_top(&in, m->gap);
    ui_label(ui, "idea_detail.votes", ui_cut_top(&in, line_h), idea_votes_text(ui, d->row.vote_count), m->text_large,
             true, THEME_TEXT, UI_ALIGN_LEFT);
    ui_cut_top(&in, m->gap / 2);
    idea_vote_bar(ui, ui_cut_top(&in, m->text_body * 2 / 3), d->row.vote_count,
                  st.max_votes > d->row.vote_count ? st.max_votes : d->row.vote_count);
    ui_rect vote = ui_cut_bottom(&in, m->main_target);
    if (!idea_vote_button(a, ui, "idea_detail.vote", vote, &d->row) && !idea_status_takes_votes(d->row.status) &&
        !(a->member_id && d->row.voted))
        ui_paragraph(ui, "idea_detail.closed", vote, _("Voting is closed for this idea."), m->text_body, false,
                     THEME_TEXT, UI_ALIGN_LEFT);
}

static void detail_draw(app *a, ui_ctx *ui, ui_rect body)
{
    theme_metrics m = theme_metrics_for(ui);
    if (st.stale || st.viewer != a->member_id || st.generation != idea_vote_generation())
        detail_load(a);
    if (!st.found) {
        ui_rect back = ui_cut_bottom(&body, m.target);
        back.w = ui_mm(ui, 60);
        ui_paragraph(ui, "idea_detail.error", ui_inset(body, m.pad), st.error, m.text_large, true, THEME_TEXT,
                     UI_ALIGN_LEFT);
        if (st.d.merged_into && ui_button(ui, "idea_detail.merged", (ui_rect){ back.x + back.w + m.gap, back.y, ui_mm(ui, 80), back.h },
                                         _("Open the idea it was merged into"), STYLE_PRIMARY, false)) {
            idea_detail_show(a, st.d.merged_into);
            return;
        }
        if (ui_button(ui, "idea_detail.back", back, ui_format(ui, "\xE2\x97\x80 %s", _("All ideas")), STYLE_SECONDARY,
                      false))
            app_go(a, "ideas");
        return;
    }
    ui_rect side = ui_cut_right(&body, body.w / 3 > ui_mm(ui, 62) ? body.w / 3 : ui_mm(ui, 62));
    ui_cut_right(&body, m.gap);
    /* page buttons only when the text is longer than the view (known from
     * the frame before: a change builds the frame again) */
    bool paged = st.scroll.content_h > body.h;
    int full_h = body.h;
    if (paged) {
        ui_rect pages = ui_cut_right(&body, m.target);
        ui_cut_right(&body, m.gap);
        ui_scroll_page_buttons(ui, "idea_detail.text", pages, &st.scroll, body.h);
    }
    int first_el = ui->element_count;
    ui_scroll_begin(ui, "idea_detail.text", body, &st.scroll);
    draw_content(a, ui, body, &m);
    ui_scroll_end(ui, &st.scroll);
    if ((st.scroll.content_h > full_h) != paged)
        ui->want_redraw = true;
    ideas_prune_elements(ui, first_el, body);
    draw_side(a, ui, side, &m);
}

const screen_def screen_idea_detail = {
    .name = "idea_detail",
    .title = N_("Idea"),
    .draw = detail_draw,
    .enter = detail_enter,
    .show_home_button = true,
};

/* learning_list.c: browsing the learning points, recent first, with filter
 * chips per category. The list scrolls by dragging and by two large page
 * buttons, and draws only the rows in view; rows come from the store a
 * window at a time (continuing from a row already loaded when scrolling, so
 * a page costs the same at row 10 and at row 90,000). Each row says in
 * words whether the point was discussed, turned into actions and got
 * feedback, and carries "This happened to me too (n)": one per person, after
 * identifying (a roster pick is enough, as for voting). */
#include <stdio.h>
#include <string.h>

#include "../core/category.h"
#include "../core/i18n.h"
#include "../core/utf8.h"
#include "../store/store_learning.h"
#include "../ui/list.h"
#include "../ui/widgets.h"
#include "learning_ui.h"
#include "moderation.h"
#include "screens.h"

#define LL_MAX_CATEGORIES 16
#define LL_WINDOW 32      /* rows held in memory around the view (a few screens) */
#define LL_TAP_GUARD_MS 700 /* a second tap on the same "me too" this soon is the same tap */

static struct {
    bool loaded;
    lp_category cats[LL_MAX_CATEGORIES];
    int ncats;
    int64_t filter;      /* category id, 0 = all */
    int count;           /* rows in the list with this filter */
    ui_scroll scroll;
    int row_h;           /* the row height the offset was measured in */
    lp_row win[LL_WINDOW];
    int win_off, win_n;  /* win[i] is row win_off + i */
    bool win_valid;
    int64_t viewer;      /* member whose "me too" the window shows */
    char pending[LP_ID_SIZE]; /* "me too" waiting for identification */
    char last_tap[LP_ID_SIZE];
    int64_t last_tap_ms;
    bool failed;
} st;

static lp_row ll_tmp[LL_WINDOW];

static void ll_reload(app *a)
{
    st.win_valid = false;
    st.win_n = 0;
    st.count = 0;
    st.failed = false;
    st.viewer = a->member_id;
    if (!a->db)
        return;
    vb_err err;
    if (store_learning_count(a->db, st.filter, &st.count, &err) != VB_OK) {
        fprintf(stderr, "verbeterbord: learning points: %s\n", err.msg);
        st.failed = true;
    }
}

static void ll_start(app *a)
{
    memset(&st, 0, sizeof st);
    if (a->db) {
        vb_err err;
        if (store_learning_categories(a->db, st.cats, LL_MAX_CATEGORIES, &st.ncats, &err) != VB_OK)
            fprintf(stderr, "verbeterbord: learning points: %s\n", err.msg);
    }
    st.loaded = true;
    ll_reload(a);
}

/* Makes rows first..last available in the window: continues from a row
 * already held when the view moved a little (keyset, cheap at any depth),
 * and jumps by row number otherwise. */
static void ll_ensure(app *a, int first, int last)
{
    if (!a->db || st.count == 0)
        return;
    if (last >= st.count)
        last = st.count - 1;
    if (st.win_valid && first >= st.win_off && last < st.win_off + st.win_n)
        return;
    int want = first - LL_WINDOW / 4;
    if (want < 0)
        want = 0;
    vb_err err;
    vb_code rc;
    int n = 0;
    if (st.win_valid && st.win_n > 0 && want > st.win_off && want <= st.win_off + st.win_n) {
        /* scrolled down: keep the overlap, continue after the last row held */
        int keep = st.win_off + st.win_n - want;
        memmove(st.win, st.win + (want - st.win_off), (size_t)keep * sizeof st.win[0]);
        rc = store_learning_list_from(a->db, st.filter, &st.win[keep - 1], true, LL_WINDOW - keep, st.viewer, ll_tmp,
                                      &n, &err);
        if (rc == VB_OK) {
            memcpy(st.win + keep, ll_tmp, (size_t)n * sizeof st.win[0]);
            st.win_off = want;
            st.win_n = keep + n;
        }
    } else if (st.win_valid && st.win_n > 0 && want < st.win_off && st.win_off - want < LL_WINDOW) {
        /* scrolled up: the rows before the first one held, then the overlap */
        int before = st.win_off - want;
        rc = store_learning_list_from(a->db, st.filter, &st.win[0], false, before, st.viewer, ll_tmp, &n, &err);
        if (rc == VB_OK) {
            int keep = st.win_n < LL_WINDOW - n ? st.win_n : LL_WINDOW - n;
            memmove(st.win + n, st.win, (size_t)keep * sizeof st.win[0]);
            memcpy(st.win, ll_tmp, (size_t)n * sizeof st.win[0]);
            st.win_off -= n;
            st.win_n = n + keep;
        }
    } else {
        rc = store_learning_list(a->db, st.filter, want, LL_WINDOW, st.viewer, st.win, &n, &err);
        if (rc == VB_OK) {
            st.win_off = want;
            st.win_n = n;
        }
    }
    if (rc != VB_OK) {
        fprintf(stderr, "verbeterbord: learning points: %s\n", err.msg);
        st.failed = true;
        st.win_valid = false;
        return;
    }
    st.win_valid = true;
}

static lp_row *ll_row(int index)
{
    if (!st.win_valid || index < st.win_off || index >= st.win_off + st.win_n)
        return NULL;
    return &st.win[index - st.win_off];
}

/* ---- this happened to me too --------------------------------------------- */

static void ll_metoo_set(app *a, const char *id, bool on)
{
    vb_err err;
    int count = 0;
    vb_code rc = store_learning_metoo_set(a->db, id, a->member_id, on, &count, &err);
    if (rc != VB_OK) {
        fprintf(stderr, "verbeterbord: me too not saved: %s\n", err.msg);
        app_notice(a, NOTICE_ERROR,
                   rc == VB_ERR_BUSY ? _("NOT saved: the database is busy. Wait a moment and tap again.")
                                     : _("NOT saved: something went wrong. Tap again; if it keeps failing, tell the "
                                         "team lead."),
                   20);
        return;
    }
    for (int i = 0; i < st.win_n; i++) {
        if (strcmp(st.win[i].id, id) == 0) {
            st.win[i].metoo = count;
            st.win[i].metoo_mine = on;
        }
    }
}

static void ll_metoo_identified(app *a, void *ctx)
{
    (void)ctx;
    if (!a->member_id || !st.pending[0])
        return;
    /* The window was read for nobody: read it again for this person, then
     * add their "me too" (never take one back on a tap they did not see). */
    st.viewer = a->member_id;
    st.win_valid = false;
    ll_metoo_set(a, st.pending, true);
    st.pending[0] = '\0';
}

static void ll_metoo_tap(app *a, const lp_row *r)
{
    int64_t now = app_now_ms(a);
    if (strcmp(st.last_tap, r->id) == 0 && now - st.last_tap_ms < LL_TAP_GUARD_MS)
        return; /* a double tap counts once */
    utf8_copy(r->id, st.last_tap, sizeof st.last_tap);
    st.last_tap_ms = now;
    if (a->member_id && st.viewer == a->member_id) {
        ll_metoo_set(a, r->id, !r->metoo_mine);
        return;
    }
    utf8_copy(r->id, st.pending, sizeof st.pending);
    app_identify(a, false, ll_metoo_identified, NULL);
}

/* ---- drawing ------------------------------------------------------------------ */

static int ll_row_height(ui_ctx *ui)
{
    theme_metrics m = theme_metrics_for(ui);
    int body = m.text_body * 5 / 4, small = m.text_small * 5 / 4;
    int h = 2 * m.pad + body * 4 + small + m.gap;
    return h < m.main_target + 2 * m.pad + m.gap ? m.main_target + 2 * m.pad + m.gap : h;
}

static const char *ll_markers(ui_ctx *ui, const lp_row *r)
{
    const char *discussed = r->discussed_day[0]
                                ? ui_format(ui, _("\xE2\x9C\x94 Discussed %s"), learning_ui_day(ui, r->discussed_day))
                                : _("\xE2\x97\x8B Not discussed yet");
    const char *text = discussed;
    if (r->actions > 0)
        text = ui_format(ui, "%s  \xC2\xB7  %s", text,
                         ui_format(ui, i18n_plural("\xE2\x9E\x9C %d action", "\xE2\x9E\x9C %d actions",
                                                   (unsigned long)r->actions),
                                   r->actions));
    if (r->feedback[0])
        text = ui_format(ui, "%s  \xC2\xB7  %s", text, ui_format(ui, _("\xE2\x9C\x89 Feedback: %s"), r->feedback));
    return text;
}

static void ll_draw_row(app *a, ui_ctx *ui, ui_rect r, lp_row *row)
{
    theme_metrics m = theme_metrics_for(ui);
    ui_rect card = r;
    card.h -= m.gap;
    ui_draw_rect(ui, card, THEME_SURFACE, m.radius);
    ui_draw_border(ui, card, THEME_BORDER, m.border, m.radius);
    ui_rect in = ui_inset(card, m.pad);
    int metoo_w = in.w / 4 > ui_mm(ui, 55) ? in.w / 4 : ui_mm(ui, 55);
    ui_rect metoo = ui_cut_right(&in, metoo_w);
    ui_cut_right(&in, m.gap);
    if (learning_lead_row_button(a, ui, &in, row->id)) /* lead signed in: the lead panel */
        return;
    int body = m.text_body * 5 / 4;

    const char *place = row->place[0] ? ui_format(ui, "  \xC2\xB7  %s", row->place) : "";
    const char *shift = row->shift_name[0] ? ui_format(ui, " (%s)", row->shift_name) : "";
    const char *head = ui_format(ui, "%s %s%s  \xC2\xB7  %s%s", category_icon(row->category.code),
                                 category_display_name(row->category.code, row->category.label), place,
                                 learning_ui_day(ui, row->day), shift);
    ui_label(ui, ui_format(ui, "learning_list.row.%s.head", row->id), ui_cut_top(&in, body), head, m.text_body, true,
             THEME_TEXT, UI_ALIGN_LEFT);
    ui_rect what = ui_cut_top(&in, body * 2);
    if (row->what_happened[0])
        ui_paragraph(ui, ui_format(ui, "learning_list.row.%s.what", row->id), what, row->what_happened, m.text_body,
                     false, THEME_TEXT, UI_ALIGN_LEFT);
    ui_rect lesson = ui_cut_top(&in, body);
    if (row->lesson[0])
        ui_label(ui, ui_format(ui, "learning_list.row.%s.lesson", row->id), lesson,
                 ui_format(ui, "\xE2\x86\x92 %s", row->lesson), m.text_body, false, THEME_TEXT_MUTED,
                 UI_ALIGN_LEFT);
    ui_label(ui, ui_format(ui, "learning_list.row.%s.markers", row->id), ui_cut_top(&in, m.text_small * 5 / 4),
             ll_markers(ui, row), m.text_small, true, THEME_TEXT, UI_ALIGN_LEFT);

    const char *label = row->metoo_mine
                            ? ui_format(ui, _("\xE2\x9C\x94 This happened to me too (%d)"), row->metoo)
                            : ui_format(ui, _("This happened to me too (%d)"), row->metoo);
    if (ui_button(ui, ui_format(ui, "learning_list.metoo.%s", row->id), metoo, label,
                  row->metoo_mine ? STYLE_PRIMARY : STYLE_SECONDARY, false))
        ll_metoo_tap(a, row);
}

/* Filter chips flow over as few rows as they need (smaller type when that
 * saves a row); returns the height used. */
static int ll_filter_layout(app *a, ui_ctx *ui, ui_rect area, int px, bool draw)
{
    theme_metrics m = theme_metrics_for(ui);
    int x = area.x, y = area.y, rows = 1;
    int check_w = ui_text_width(ui, "\xE2\x9C\x94", px, true) + m.gap / 2;
    for (int i = -1; i < st.ncats; i++) {
        const lp_category *c = i >= 0 ? &st.cats[i] : NULL;
        const char *label = c ? ui_format(ui, "%s %s", category_icon(c->code),
                                          category_display_name(c->code, c->label))
                              : _("All");
        int w = ui_text_width(ui, label, px, true) + m.pad + 2 * m.border * 2 + check_w;
        if (w < m.target * 3 / 2)
            w = m.target * 3 / 2;
        if (x > area.x && x + w > area.x + area.w) {
            x = area.x;
            y += m.target + m.gap;
            rows++;
        }
        if (w > area.w)
            w = area.w;
        if (draw) {
            int64_t id = c ? c->id : 0;
            const char *el = c ? ui_format(ui, "learning_list.filter.%s", c->code) : "learning_list.filter.all";
            if (learning_ui_category_chip(ui, el, (ui_rect){ x, y, w, m.target }, c, st.filter == id, px) &&
                st.filter != id) {
                st.filter = id;
                st.scroll.offset = 0;
                ll_reload(a);
            }
        }
        x += w + m.gap;
    }
    return rows * m.target + (rows - 1) * m.gap;
}

static int ll_filters(app *a, ui_ctx *ui, ui_rect *body)
{
    theme_metrics m = theme_metrics_for(ui);
    int px = m.text_body;
    int h = ll_filter_layout(a, ui, *body, px, false);
    if (h > m.target && ll_filter_layout(a, ui, *body, m.text_small, false) < h) {
        px = m.text_small;
        h = ll_filter_layout(a, ui, *body, px, false);
    }
    return ll_filter_layout(a, ui, ui_cut_top(body, h), px, true);
}

static void learning_list_draw(app *a, ui_ctx *ui, ui_rect body)
{
    theme_metrics m = theme_metrics_for(ui);
    if (!st.loaded)
        ll_start(a);
    if (st.viewer != a->member_id) {
        /* someone else is identified now: their own "me too" marks */
        st.viewer = a->member_id;
        st.win_valid = false;
    }
    ll_filters(a, ui, &body);
    ui_cut_top(&body, m.gap);

    ui_rect pages = ui_cut_right(&body, m.target + m.pad);
    ui_cut_right(&body, m.gap);
    int row_h = ll_row_height(ui);
    if (st.row_h && st.row_h != row_h)
        st.scroll.offset = (int)((int64_t)st.scroll.offset * row_h / st.row_h); /* a resize keeps the place */
    st.row_h = row_h;
    st.scroll.content_h = st.count * row_h;

    if (st.count == 0) {
        ui_paragraph(ui, "learning_list.empty", body,
                     st.failed ? _("The learning points cannot be read right now. Try again in a moment.")
                     : st.filter ? _("No learning points in this category yet.")
                                : _("No learning points yet. Log the first one from the home screen."),
                     m.text_large, false, THEME_TEXT, UI_ALIGN_LEFT);
        ui_scroll_page_buttons(ui, "learning_list.list", pages, &st.scroll, body.h);
        return;
    }
    ui_scroll_begin(ui, "learning_list.list", body, &st.scroll);
    int first, last;
    ui_scroll_visible_rows(&st.scroll, row_h, body.h, st.count, &first, &last);
    ll_ensure(a, first, last);
    for (int i = first; i <= last; i++) {
        lp_row *row = ll_row(i);
        if (!row)
            continue;
        ui_rect r = { body.x, body.y - st.scroll.offset + i * row_h, body.w, row_h };
        ll_draw_row(a, ui, r, row);
    }
    ui_scroll_end(ui, &st.scroll);
    ui_scroll_page_buttons(ui, "learning_list.list", pages, &st.scroll, body.h);
}

static void learning_list_enter(app *a)
{
    /* Back from identifying for "me too": keep the filter and the place. */
    if (st.loaded && a->previous_screen == &screen_identify) {
        st.win_valid = false;
        return;
    }
    ll_start(a);
}

const screen_def screen_learning_list = {
    .name = "learning_list",
    .title = N_("Learning points"),
    .draw = learning_list_draw,
    .enter = learning_list_enter,
    .show_home_button = true,
};

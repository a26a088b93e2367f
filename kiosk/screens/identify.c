/* identify.c: "Who are you?" A worker identifies for this session by
 * scanning a badge (on any screen; here it is explained with a big hint),
 * or by picking their name from the team roster. Picking a name is enough
 * to vote; to sign an entry (app_identify with need_signature) the picked
 * member then types their personal PIN. On success the app switches to the
 * member's language and returns to the screen that asked (app_identified). */
#include <stdio.h>
#include <string.h>

#include "../core/i18n.h"
#include "../core/utf8.h"
#include "../store/store_members.h"
#include "../ui/list.h"
#include "../ui/textfield.h"
#include "../ui/widgets.h"
#include "screens.h"

#define ROSTER_MAX 512

static struct {
    store_member members[ROSTER_MAX];
    int count;
    bool load_failed;
    ui_scroll scroll;
    /* PIN stage: the member who picked their name (0: the roster shows) */
    int64_t picked;
    store_member who;
    char pin[STORE_PIN_MAX_DIGITS + 1];
    char message[400];
    bool message_is_error;
} st;

static void set_message(bool error, const char *text)
{
    utf8_copy(text, st.message, sizeof st.message);
    st.message_is_error = error;
}

static void clear_pin(void)
{
    memset(st.pin, 0, sizeof st.pin);
}

static void pick(app *a, const store_member *m)
{
    st.picked = m->id;
    st.who = *m;
    clear_pin();
    st.message[0] = '\0';
    if (!m->has_pin)
        set_message(false, _("Signing needs your badge, or a personal PIN. Ask your team lead for a PIN."));
    a->dirty = true;
}

static void identify_enter(app *a)
{
    st.count = 0;
    st.load_failed = false;
    st.scroll = (ui_scroll){ 0 };
    st.picked = 0;
    clear_pin();
    st.message[0] = '\0';
    if (!a->db)
        return;
    vb_err err;
    if (store_member_list(a->db, st.members, ROSTER_MAX, &st.count, &err) != VB_OK) {
        st.count = 0;
        st.load_failed = true;
    }
    /* someone picked from the roster wants to sign: straight to their PIN */
    if (a->identify_need_signature && a->member_id) {
        store_member m;
        if (store_member_get(a->db, a->member_id, &m, &err) == VB_OK)
            pick(a, &m);
    }
}

static void cancel(app *a)
{
    clear_pin();
    const screen_def *back = a->identify_return;
    a->identify_then = NULL;
    a->identify_ctx = NULL;
    a->identify_return = NULL;
    app_return_to(a, back && back != &screen_identify ? back : NULL);
}

/* "Try again in 45 seconds" / "in 3 minutes", for a lockout ending at until. */
static const char *wait_text(app *a, ui_ctx *ui, int64_t until)
{
    int64_t left = until - app_wall_s(a);
    if (left < 1)
        left = 1;
    if (left < 120)
        return ui_format(ui, i18n_plural("Try again in %d second.", "Try again in %d seconds.", (unsigned long)left),
                         (int)left);
    int minutes = (int)((left + 59) / 60);
    return ui_format(ui, i18n_plural("Try again in %d minute.", "Try again in %d minutes.", (unsigned long)minutes),
                     minutes);
}

static void check_pin(app *a, ui_ctx *ui)
{
    store_pin_result r;
    vb_err err;
    vb_err_clear(&err);
    vb_code rc = store_member_check_pin(a->db, st.picked, st.pin, app_wall_s(a), &r, &err);
    clear_pin();
    if (rc != VB_OK) {
        fprintf(stderr, "verbeterbord: PIN check: %s\n", err.msg);
        set_message(true, _("The PIN could not be checked, because the database did not answer. Try again in a "
                            "moment, or scan your badge."));
        return;
    }
    switch (r.status) {
    case STORE_PIN_OK: {
        store_member who = st.who;
        st.picked = 0;
        st.message[0] = '\0';
        app_identified(a, who.id, who.name, who.language, true);
        break;
    }
    case STORE_PIN_WRONG:
        if (r.locked_until)
            set_message(true, ui_format(ui, "%s %s", _("Wrong PIN, too many times in a row."),
                                        wait_text(a, ui, r.locked_until)));
        else
            set_message(true, ui_format(ui, i18n_plural("Wrong PIN. %d more try before a pause.",
                                                        "Wrong PIN. %d more tries before a pause.",
                                                        (unsigned long)r.tries_left),
                                        r.tries_left));
        break;
    case STORE_PIN_LOCKED:
        set_message(true, ui_format(ui, "%s %s", _("Too many wrong PINs."), wait_text(a, ui, r.locked_until)));
        break;
    case STORE_PIN_NONE:
        set_message(false, _("Signing needs your badge, or a personal PIN. Ask your team lead for a PIN."));
        break;
    }
}

/* A badge pictogram: a card on a lanyard clip with a photo and two lines,
 * drawn from rectangles so it needs no image or font glyph. */
static void draw_badge_hint(ui_ctx *ui, ui_rect r)
{
    theme_metrics m = theme_metrics_for(ui);
    int h = r.h, w = h * 2 / 3;
    if (w > r.w) {
        w = r.w;
        h = w * 3 / 2;
    }
    ui_rect card = { r.x + (r.w - w) / 2, r.y + (r.h - h) / 2, w, h };
    ui_draw_rect(ui, card, THEME_PRIMARY, m.radius * 2);
    ui_rect slot = { card.x + w * 3 / 8, card.y + h / 14, w / 4, h / 18 + 1 };
    ui_draw_rect(ui, slot, THEME_BG, slot.h / 2);
    ui_rect photo = { card.x + w / 4, card.y + h / 5, w / 2, h * 3 / 10 };
    ui_draw_rect(ui, photo, THEME_SURFACE, m.radius);
    ui_rect head = { photo.x + photo.w * 3 / 8, photo.y + photo.h / 6, photo.w / 4, photo.h / 3 };
    ui_draw_rect(ui, head, THEME_PRIMARY, head.w / 2);
    ui_rect body = { photo.x + photo.w / 5, photo.y + photo.h * 3 / 5, photo.w * 3 / 5, photo.h * 2 / 5 };
    ui_draw_rect(ui, body, THEME_PRIMARY, body.w / 4);
    for (int i = 0; i < 2; i++) {
        ui_rect line = { card.x + w / 6, card.y + h * 6 / 10 + i * h / 8, w * 2 / 3 - i * w / 6, h / 22 + 1 };
        ui_draw_rect(ui, line, THEME_SURFACE, 0);
    }
}

static void draw_scan_panel(app *a, ui_ctx *ui, ui_rect r)
{
    theme_metrics m = theme_metrics_for(ui);
    ui_draw_rect(ui, r, THEME_SURFACE, m.radius);
    ui_draw_border(ui, r, THEME_BORDER, m.border, m.radius);
    ui_rect in = ui_inset(r, m.pad * 2);
    ui_label(ui, "identify.scan", ui_cut_top(&in, m.text_title * 3 / 2), _("Scan your badge"), m.text_title, true,
             THEME_TEXT, UI_ALIGN_CENTER);
    const char *how = a->identify_need_signature
                          ? _("To sign, scan your badge, or pick your name and type your personal PIN.")
                          : _("Or pick your name. That is enough to vote.");
    int text_h = m.text_body * 5 / 4 * 3;
    ui_rect text = ui_cut_bottom(&in, text_h);
    ui_paragraph(ui, "identify.how", text, how, m.text_body, false, THEME_TEXT, UI_ALIGN_CENTER);
    ui_cut_bottom(&in, m.gap);
    draw_badge_hint(ui, ui_inset(in, m.gap));
}

static void draw_roster(app *a, ui_ctx *ui, ui_rect r)
{
    theme_metrics m = theme_metrics_for(ui);
    ui_label(ui, "identify.pick", ui_cut_top(&r, m.text_large * 3 / 2), _("Pick your name"), m.text_large, true,
             THEME_TEXT, UI_ALIGN_LEFT);
    ui_cut_top(&r, m.gap / 2);
    if (st.load_failed || st.count == 0) {
        ui_paragraph(ui, "identify.empty", r,
                     st.load_failed ? _("The names could not be read from the database. Scan your badge instead.")
                                    : _("There are no names in the team yet. Your team lead adds them."),
                     m.text_body, false, THEME_TEXT, UI_ALIGN_LEFT);
        return;
    }
    ui_rect pages = ui_cut_right(&r, m.target);
    ui_cut_right(&r, m.gap);
    int cols = r.w / ui_mm(ui, 55);
    if (cols < 1)
        cols = 1;
    if (cols > 4)
        cols = 4;
    int row_h = m.main_target, pitch = row_h + m.gap;
    int rows = (st.count + cols - 1) / cols;
    st.scroll.content_h = rows * pitch - m.gap;
    ui_scroll_begin(ui, "identify.roster", r, &st.scroll);
    int first, last;
    ui_scroll_visible_rows(&st.scroll, pitch, r.h, rows, &first, &last);
    int col_w = (r.w - (cols - 1) * m.gap) / cols;
    /* one text size for all names: the large one only if every name fits */
    int px = m.text_large;
    for (int i = 0; i < st.count && px == m.text_large; i++)
        px = ui_button_text_px(ui, st.members[i].name, col_w, STYLE_SECONDARY);
    for (int row = first; row <= last; row++) {
        for (int c = 0; c < cols; c++) {
            int i = row * cols + c;
            if (i >= st.count)
                break;
            const store_member *mem = &st.members[i];
            ui_rect b = { r.x + c * (col_w + m.gap), r.y + row * pitch - st.scroll.offset, col_w, row_h };
            if (ui_button_px(ui, ui_format(ui, "identify.member.%lld", (long long)mem->id), b, mem->name,
                             STYLE_SECONDARY, false, px)) {
                if (a->identify_need_signature)
                    pick(a, mem);
                else
                    app_identified(a, mem->id, mem->name, mem->language, false);
            }
        }
    }
    ui_scroll_end(ui, &st.scroll);
    if (st.scroll.content_h > r.h)
        ui_scroll_page_buttons(ui, "identify.roster", pages, &st.scroll, r.h);
}

static void draw_pin_stage(app *a, ui_ctx *ui, ui_rect body)
{
    theme_metrics m = theme_metrics_for(ui);
    ui_rect left = ui_cut_left(&body, body.w * 9 / 20);
    ui_cut_left(&body, m.gap * 2);
    ui_rect back = ui_cut_bottom(&left, m.main_target);
    ui_cut_bottom(&left, m.gap);
    ui_label(ui, "identify.who", ui_cut_top(&left, m.text_title * 3 / 2), st.who.name, m.text_title, true, THEME_TEXT,
             UI_ALIGN_LEFT);
    ui_cut_top(&left, m.gap);
    if (st.who.has_pin) {
        int used = ui_paragraph(ui, "identify.pin_prompt", left, _("Type your personal PIN to sign."), m.text_large,
                                false, THEME_TEXT, UI_ALIGN_LEFT);
        ui_cut_top(&left, used + m.gap);
    }
    if (st.message[0]) {
        /* a box around the message, as tall as its text (estimated) */
        const char *text0 = st.message_is_error ? ui_format(ui, "\xE2\x9A\xA0 %s", st.message) : st.message;
        int inner_w = left.w - 2 * m.pad;
        int lines = inner_w > 0 ? ui_text_width(ui, text0, m.text_body, true) / inner_w + 2 : 1;
        ui_rect box = ui_cut_top(&left, lines * m.text_body * 5 / 4 + 2 * m.pad);
        ui_draw_rect(ui, box, st.message_is_error ? THEME_WARN_BG : THEME_SURFACE, m.radius);
        ui_draw_border(ui, box, st.message_is_error ? THEME_DANGER : THEME_BORDER, m.border * 2, m.radius);
        ui_paragraph(ui, "identify.message", ui_inset(box, m.pad), text0, m.text_body, true, THEME_TEXT,
                     UI_ALIGN_LEFT);
    }
    if (ui_button(ui, "identify.back", back, _("\xE2\x97\x80 Not me: back to the names"), STYLE_SECONDARY, false)) {
        st.picked = 0;
        clear_pin();
        st.message[0] = '\0';
        return;
    }
    if (st.who.has_pin && ui_pin_pad(ui, "identify.pin", body, st.pin, STORE_PIN_MAX_DIGITS))
        check_pin(a, ui);
}

static void identify_draw(app *a, ui_ctx *ui, ui_rect body)
{
    theme_metrics m = theme_metrics_for(ui);
    if (!a->db) {
        app_go_home(a);
        return;
    }
    if (st.picked) {
        draw_pin_stage(a, ui, body);
        return;
    }
    ui_rect left = ui_cut_left(&body, body.w * 3 / 8);
    ui_cut_left(&body, m.gap * 2);
    ui_rect cancel_r = ui_cut_bottom(&left, m.main_target);
    ui_cut_bottom(&left, m.gap);
    draw_scan_panel(a, ui, left);
    if (ui_button(ui, "identify.cancel", cancel_r, _("Cancel"), STYLE_SECONDARY, false)) {
        cancel(a);
        return;
    }
    draw_roster(a, ui, body);
}

static void identify_discard(app *a)
{
    (void)a;
    clear_pin();
    st.picked = 0;
}

const screen_def screen_identify = {
    .name = "identify",
    .title = N_("Who are you?"),
    .draw = identify_draw,
    .enter = identify_enter,
    .discard = identify_discard,
    .show_home_button = true,
};

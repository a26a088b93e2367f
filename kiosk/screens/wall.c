/* wall.c: the wall screen. Read-only pages that rotate (the idea box, what
 * we improved, today, learning points shared this week), readable from 5 m:
 * body text at least 1/16 of the screen height. It notices commits made by
 * the kiosk within one poll (PRAGMA data_version, every second) and reloads
 * only then; the content shifts a few pixels a minute against burn-in and
 * dims outside working hours. In --wall mode it is the only screen; in the
 * kiosk it is the idle fallback (team setting wall_idle) and a touch ends it. */
#include <stdlib.h>
#include <string.h>

#include "../core/category.h"
#include "../core/date.h"
#include "../core/i18n.h"
#include "../core/utf8.h"
#include "../core/wall.h"
#include "../store/store_wall.h"
#include "../ui/widgets.h"
#include "screens.h"

#define WALL_POLL_MS 1000

static struct {
    wall_data data;
    bool loaded;
    int64_t data_version;
    int64_t next_poll_ms;    /* wall-clock ms */
    int64_t entered_ms;      /* wall-clock ms, a whole second */
    int shown_page;
    int64_t shown_minute;
    char error[300];
} st;

static void wall_reload(app *a)
{
    vb_err err;
    vb_err_clear(&err);
    if (store_wall_load(a->db, app_wall_s(a), &st.data, &err) == VB_OK) {
        st.loaded = true;
        st.error[0] = '\0';
    } else {
        utf8_copy(err.msg, st.error, sizeof st.error);
    }
    a->dirty = true;
}

/* Wall-clock milliseconds (the injected clock). */
static int64_t wall_time_ms(const app *a)
{
    return a->clock.start_wall_s * 1000 + app_now_ms(a);
}

/* The monotonic deadline of a moment in wall-clock ms. */
static int64_t mono_at(const app *a, int64_t wall_ms)
{
    return app_now_ms(a) + (wall_ms - wall_time_ms(a));
}

static void wall_tick(app *a);

static void wall_enter(app *a)
{
    /* Pages, polls and the clock all change on whole seconds of wall time,
     * so they share wake-ups: at most one a second. */
    st.entered_ms = wall_time_ms(a) / 1000 * 1000;
    st.next_poll_ms = 0;
    st.loaded = false;
    if (a->db) /* show the pages from the first frame on (also in a screenshot) */
        wall_tick(a);
}

static int rotate_s(const app *a);

static void wall_tick(app *a)
{
    int64_t now = app_now_ms(a);
    /* a new page or a new minute (clock, burn-in shift) needs a new frame */
    int page = wall_page_at(wall_time_ms(a) - st.entered_ms, rotate_s(a));
    int64_t minute = app_wall_s(a) / 60;
    if (page != st.shown_page || minute != st.shown_minute)
        a->dirty = true;
    int64_t t = wall_time_ms(a);
    if (!a->db || t < st.next_poll_ms)
        return;
    st.next_poll_ms = (t / WALL_POLL_MS + 1) * WALL_POLL_MS; /* the next whole second */
    (void)now;
    int64_t version = 0;
    vb_err err;
    if (store_data_version(a->db, &version, &err) != VB_OK) {
        utf8_copy(err.msg, st.error, sizeof st.error);
        return;
    }
    /* data_version changes when another connection committed */
    if (!st.loaded || version != st.data_version) {
        st.data_version = version;
        wall_reload(a);
    }
}

static int rotate_s(const app *a)
{
    (void)a;
    return st.loaded && st.data.rotate_s >= 5 ? st.data.rotate_s : 15;
}

static int64_t wall_deadline(const app *a)
{
    int64_t page = mono_at(a, st.entered_ms + wall_next_page_ms(wall_time_ms(a) - st.entered_ms, rotate_s(a)));
    int64_t poll = a->db ? (st.next_poll_ms ? mono_at(a, st.next_poll_ms) : app_now_ms(a)) : page;
    return page < poll ? page : poll;
}

static const char *status_word(const char *status)
{
    if (strcmp(status, "new") == 0) return _("\xE2\x97\x8F New");
    if (strcmp(status, "review") == 0) return _("\xE2\x97\x94 Under review");
    if (strcmp(status, "trial") == 0) return _("\xE2\x97\x91 Being tried");
    if (strcmp(status, "adopted") == 0) return _("\xE2\x9C\x94 Adopted");
    return status;
}

typedef struct wall_metrics {
    int body, title, small, pad, line;
    /* colours: the normal theme, or a dark one outside working hours that
     * lowers the brightness (and burn-in) and still keeps 7:1 contrast */
    ui_color bg, text, muted, bar, ok, danger, dot;
} wall_metrics;

static wall_metrics metrics_for(const ui_ctx *ui)
{
    wall_metrics m;
    /* 1/16 of the height for body text, the floor PRODUCT.md sets for 5 m */
    m.body = (ui->height + 15) / 16;
    m.title = ui->height / 11;
    m.small = m.body;
    m.pad = ui->height / 40;
    m.line = m.body * 5 / 4;
    m.bg = THEME_BG;
    m.text = THEME_TEXT;
    m.muted = THEME_TEXT_MUTED;
    m.bar = THEME_PRIMARY;
    m.ok = THEME_OK;
    m.danger = THEME_DANGER;
    m.dot = (ui_color){ 0xB0, 0xAE, 0xA8, 0xFF };
    return m;
}

static void dim(wall_metrics *m)
{
    m->bg = WALL_DIM_BG;
    m->text = WALL_DIM_TEXT;
    m->muted = WALL_DIM_MUTED;
    m->bar = (ui_color){ 0x4A, 0x6F, 0xA8, 0xFF };
    m->ok = (ui_color){ 0x6F, 0xB0, 0x80, 0xFF };
    m->danger = (ui_color){ 0xE0, 0x8A, 0x80, 0xFF };
    m->dot = (ui_color){ 0x50, 0x50, 0x50, 0xFF };
}

static int text_block(ui_ctx *ui, const char *id, ui_rect *r, const char *text, int px, bool bold, ui_color c)
{
    int h = ui_paragraph(ui, id, *r, text, px, bold, c, UI_ALIGN_LEFT);
    r->y += h;
    r->h -= h;
    return h;
}

static void page_ideas(ui_ctx *ui, ui_rect r, const wall_metrics *m)
{
    const wall_data *d = &st.data;
    text_block(ui, "wall.title", &r, _("Idea box: vote at the kiosk"), m->title, true, m->text);
    r.y += m->pad;
    if (d->idea_count == 0) {
        text_block(ui, "wall.empty", &r, _("No open ideas yet. Yours could be the first!"), m->body, false, m->text);
        return;
    }
    /* one column for the status and one for the votes, the same on every
     * row, so the bars share one scale */
    int status_col = 0, votes_col = 0;
    for (int i = 0; i < d->idea_count; i++) {
        const wall_idea *w = &d->ideas[i];
        int sw = ui_text_width(ui, status_word(w->status), m->body, false);
        int vw = ui_text_width(ui, ui_format(ui, i18n_plural("%d vote", "%d votes", (unsigned long)w->votes), w->votes),
                               m->body, true);
        status_col = sw > status_col ? sw : status_col;
        votes_col = vw > votes_col ? vw : votes_col;
    }
    status_col += m->pad;
    votes_col += m->pad;
    if (status_col > r.w / 2)
        status_col = r.w / 2;
    for (int i = 0; i < d->idea_count && r.h >= m->line * 2; i++) {
        const wall_idea *w = &d->ideas[i];
        ui_rect row = ui_cut_top(&r, m->line * 2 + m->pad);
        ui_rect title = ui_cut_top(&row, m->line);
        ui_label(ui, ui_format(ui, "wall.idea.%lld", (long long)w->id), title, w->title, m->body, true, m->text,
                 UI_ALIGN_LEFT);
        ui_rect line = ui_cut_top(&row, m->line);
        ui_label(ui, ui_format(ui, "wall.idea.%lld.status", (long long)w->id), ui_cut_right(&line, status_col),
                 status_word(w->status), m->body, false, m->text, UI_ALIGN_RIGHT);
        ui_label(ui, ui_format(ui, "wall.idea.%lld.votes", (long long)w->id), ui_cut_right(&line, votes_col),
                 ui_format(ui, i18n_plural("%d vote", "%d votes", (unsigned long)w->votes), w->votes), m->body, true,
                 m->text, UI_ALIGN_RIGHT);
        int max = d->max_votes > 0 ? d->max_votes : 1;
        int bar_w = (line.w - m->pad) * w->votes / max;
        ui_rect bar = { line.x, line.y + line.h / 4, bar_w > 0 ? bar_w : 2, line.h / 2 };
        ui_draw_rect(ui, bar, m->bar, line.h / 8);
    }
}

static void page_improved(ui_ctx *ui, ui_rect r, const wall_metrics *m)
{
    const wall_data *d = &st.data;
    text_block(ui, "wall.title", &r, _("What we improved"), m->title, true, m->text);
    r.y += m->pad;
    if (d->improved_count == 0) {
        text_block(ui, "wall.empty", &r, _("Adopted ideas appear here, with the team lead's feedback."), m->body,
                   false, m->text);
        return;
    }
    for (int i = 0; i < d->improved_count && r.h >= m->line * 2; i++) {
        const wall_idea *w = &d->improved[i];
        ui_rect mark = { r.x, r.y, m->body * 3 / 2, m->line };
        ui_label(ui, NULL, mark, "\xE2\x9C\x94", m->body, true, m->ok, UI_ALIGN_LEFT);
        ui_rect t = { r.x + mark.w, r.y, r.w - mark.w, m->line };
        ui_label(ui, ui_format(ui, "wall.improved.%lld", (long long)w->id), t, w->title, m->body, true, m->text,
                 UI_ALIGN_LEFT);
        r.y += m->line;
        r.h -= m->line;
        /* two lines of feedback, or what is left above the footer */
        ui_rect fb = { r.x + mark.w, r.y, r.w - mark.w, r.h < m->line * 2 ? r.h : m->line * 2 };
        int h = ui_paragraph(ui, ui_format(ui, "wall.improved.%lld.feedback", (long long)w->id), fb, w->feedback,
                             m->body, false, m->muted, UI_ALIGN_LEFT);
        r.y += h + m->pad;
        r.h -= h + m->pad;
    }
}

/* "today", "tomorrow", "in 3 days" or "2 days overdue": words a worker
 * reads at a glance, rather than a date. */
static const char *due_words(ui_ctx *ui, const wall_item *w, vb_day today)
{
    if (w->days_overdue > 0)
        return ui_format(ui, i18n_plural("%d day overdue", "%d days overdue", (unsigned long)w->days_overdue),
                         w->days_overdue);
    vb_day due;
    if (!vb_day_parse(w->due_day, &due))
        return w->due_day;
    int in = vb_day_diff(today, due);
    if (in == 0)
        return _("due today");
    if (in == 1)
        return _("due tomorrow");
    return ui_format(ui, i18n_plural("due in %d day", "due in %d days", (unsigned long)in), in);
}

static void page_today(app *a, ui_ctx *ui, ui_rect r, const wall_metrics *m)
{
    const wall_data *d = &st.data;
    vb_local now = vb_local_from_unix(app_wall_s(a));
    text_block(ui, "wall.title", &r, _("Today"), m->title, true, m->text);
    r.y += m->pad;
    for (int i = 0; i < d->announcement_count && i < 2 && r.h >= m->line * 3; i++) {
        ui_rect t = { r.x, r.y, r.w, m->line * 2 };
        int h = ui_paragraph(ui, ui_format(ui, "wall.announcement.%d", i), t,
                             ui_format(ui, "\xE2\x96\xB6 %s", d->announcements[i].text), m->body, false, m->text,
                             UI_ALIGN_LEFT);
        r.y += h;
        r.h -= h;
    }
    if (r.h < m->line * 3)
        return;
    r.y += m->pad;
    r.h -= m->pad;
    ui_rect head = ui_cut_top(&r, m->line);
    ui_label(ui, "wall.actions", head, _("Open improvement actions"), m->body, true, m->text, UI_ALIGN_LEFT);
    if (d->action_count == 0) {
        ui_label(ui, "wall.actions.none", ui_cut_top(&r, m->line), _("No open actions."), m->body, false,
                 m->text, UI_ALIGN_LEFT);
        return;
    }
    for (int i = 0; i < d->action_count && r.h >= m->line * 2; i++) {
        const wall_item *w = &d->actions[i];
        bool late = w->days_overdue > 0;
        ui_label(ui, ui_format(ui, "wall.action.%d", i), ui_cut_top(&r, m->line),
                 ui_format(ui, "%s %s", late ? "\xE2\x9A\xA0" : "\xE2\x80\xA2", w->text), m->body, false,
                 m->text, UI_ALIGN_LEFT);
        ui_rect who = ui_cut_top(&r, m->line);
        who.x += m->body;
        who.w -= m->body;
        ui_label(ui, ui_format(ui, "wall.action.%d.due", i), who,
                 ui_format(ui, "%s \xC2\xB7 %s", w->owner, due_words(ui, w, now.day)), m->body, late,
                 late ? m->danger : m->muted, UI_ALIGN_LEFT);
    }
}

static void page_learning(ui_ctx *ui, ui_rect r, const wall_metrics *m)
{
    const wall_data *d = &st.data;
    text_block(ui, "wall.title", &r,
               ui_format(ui, i18n_plural("Shared this week: %d learning point", "Shared this week: %d learning points",
                                         (unsigned long)d->learning_total),
                         d->learning_total),
               m->title, true, m->text);
    r.y += m->pad;
    r.h -= m->pad;
    /* categories that had learning points, most first */
    int order[WALL_MAX_CATEGORIES], n = 0, max = 1;
    for (int i = 0; i < d->category_count; i++)
        if (d->categories[i].count > 0) {
            int j = n++;
            while (j > 0 && d->categories[order[j - 1]].count < d->categories[i].count) {
                order[j] = order[j - 1];
                j--;
            }
            order[j] = i;
            if (d->categories[i].count > max)
                max = d->categories[i].count;
        }
    int name_w = 0;
    for (int k = 0; k < n; k++) {
        const wall_category_count *c = &d->categories[order[k]];
        int w = ui_text_width(ui, ui_format(ui, "%s %s", category_icon(c->code),
                                            category_display_name(c->code, c->label)), m->body, false);
        if (w > name_w)
            name_w = w;
    }
    if (name_w > r.w / 2)
        name_w = r.w / 2;
    int num_w = ui_text_width(ui, "000", m->body, true);
    for (int k = 0; k < n && r.h >= m->line; k++) {
        const wall_category_count *c = &d->categories[order[k]];
        ui_rect row = ui_cut_top(&r, m->line);
        ui_label(ui, ui_format(ui, "wall.category.%s", c->code), ui_cut_left(&row, name_w + m->pad),
                 ui_format(ui, "%s %s", category_icon(c->code), category_display_name(c->code, c->label)), m->body,
                 false, m->text, UI_ALIGN_LEFT);
        ui_label(ui, ui_format(ui, "wall.category.%s.count", c->code), ui_cut_left(&row, num_w + m->pad),
                 ui_format(ui, "%d", c->count), m->body, true, m->text, UI_ALIGN_RIGHT);
        int bw = (row.w - m->pad) * c->count / max;
        ui_draw_rect(ui, (ui_rect){ row.x + m->pad, row.y + row.h / 4, bw > 2 ? bw : 2, row.h / 2 }, m->bar,
                     row.h / 8);
    }
    r.y += m->pad;
    r.h -= m->pad;
    for (int i = 0; i < d->text_count && r.h >= m->line; i++) {
        ui_rect t = { r.x, r.y, r.w, r.h >= m->line * 2 ? m->line * 2 : m->line };
        int h = ui_paragraph(ui, ui_format(ui, "wall.text.%d", i), t,
                             ui_format(ui, "\xE2\x80\x9C%s\xE2\x80\x9D", d->texts[i]), m->body, false,
                             m->muted, UI_ALIGN_LEFT);
        r.y += h;
        r.h -= h;
    }
}

static void wall_draw(app *a, ui_ctx *ui, ui_rect body)
{
    wall_metrics m = metrics_for(ui);
    vb_local now = vb_local_from_unix(app_wall_s(a));
    bool dimmed = st.loaded && wall_outside_hours(&st.data, now.day.wday == 0 ? 7 : now.day.wday,
                                                     now.hour * 60 + now.minute);
    if (dimmed)
        dim(&m);
    ui_draw_rect(ui, body, m.bg, 0);
    if (dimmed) /* tells the automation view, which has no colours */
        ui_element_add(ui, "wall.dimmed", UI_EL_TEXT, 0, "", (ui_rect){ body.x, body.y, 1, 1 });
    int dx = 0, dy = 0;
    wall_burn_in_offset(app_wall_s(a), ui->height / 200 + 1, &dx, &dy);
    ui_rect r = ui_inset(body, m.pad * 2);
    r.x += dx;
    r.y += dy;

    /* footer: team name and clock, small but still 1/16 of the height */
    ui_rect foot = ui_cut_bottom(&r, m.line);
    ui_label(ui, "wall.team", foot, st.loaded ? st.data.team_name : "", m.body, true, m.muted,
             UI_ALIGN_LEFT);
    ui_label(ui, "wall.time", foot, ui_format(ui, "%02d:%02d", now.hour, now.minute), m.body, true,
             m.muted, UI_ALIGN_RIGHT);
    ui_cut_bottom(&r, m.pad);

    if (!a->db || !st.loaded) {
        text_block(ui, "wall.title", &r, _("Verbeterbord"), m.title, true, m.text);
        r.y += m.pad;
        text_block(ui, "wall.waiting", &r, _("Waiting for the board's data. This screen tries again by itself."),
                   m.body, false, m.text);
        return;
    }
    int page = wall_page_at(wall_time_ms(a) - st.entered_ms, rotate_s(a));
    st.shown_page = page;
    st.shown_minute = app_wall_s(a) / 60;
    switch (page) {
    case WALL_PAGE_IDEAS: page_ideas(ui, r, &m); break;
    case WALL_PAGE_IMPROVED: page_improved(ui, r, &m); break;
    case WALL_PAGE_TODAY: page_today(a, ui, r, &m); break;
    default: page_learning(ui, r, &m); break;
    }
    /* page dots, left of the clock */
    int dot = m.body / 3;
    int dots_right = foot.x + foot.w - ui_text_width(ui, "00:00", m.body, true) - m.pad * 2;
    for (int i = 0; i < WALL_PAGE_COUNT; i++) {
        ui_rect d = { dots_right - (WALL_PAGE_COUNT - i) * dot * 2, foot.y + (foot.h - dot) / 2, dot, dot };
        ui_draw_rect(ui, d, i == page ? m.text : m.dot, dot / 2);
    }
    /* any touch in the kiosk's idle fallback goes back home */
    if (!a->opt.wall && (ui->press_event || ui->key_count > 0 || ui->text_input_len > 0))
        app_go_home(a);
}

const screen_def screen_wall = {
    .name = "wall",
    .title = N_("Wall"),
    .draw = wall_draw,
    .enter = wall_enter,
    .tick = wall_tick,
    .deadline = wall_deadline,
    .fullscreen = true,
};

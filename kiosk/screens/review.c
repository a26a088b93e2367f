/* review.c: the monthly review (maandoverzicht), for the team lead. One
 * month at a time (previous / next), drawn as charts the team can read at a
 * glance from a step away: learning points shared per category and per
 * week, ideas submitted / adopted / not adopted, the median days from an
 * idea to its first feedback, improvement actions open, overdue and
 * completed, and daily starts held against working days as a calendar.
 * Every figure says how it compares with the previous month, in an arrow
 * and in words. A second tab lists the top-voted open ideas and the actions
 * completed. "Export to USB" writes the month's CSV files (app/export.h) to
 * the stick mounted at the device's export_dir, one file per frame with
 * progress, and says where they went or what went wrong.
 *
 * More learning points is a good sign: they are "shared", never
 * "mistakes". While the review is open, idle reset waits (up to an hour
 * without a touch), as it does for a daily start. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../app/export.h"
#include "../core/category.h"
#include "../core/date.h"
#include "../core/deadline.h"
#include "../core/i18n.h"
#include "../core/review.h"
#include "../store/store_audit.h"
#include "../store/store_review.h"
#include "../ui/list.h"
#include "../ui/widgets.h"
#include "screens.h"

/* Idle reset waits this long without a touch while the review is open. */
#define REVIEW_HOLD_IDLE_MS (60 * 60 * 1000)

enum { TAB_CHARTS, TAB_LISTS };

/* Month names in a date ("26 november", Polish "26 listopada"), shared with
 * the top bar's msgids. */
static const char *const month_names[] = { N_("January"), N_("February"), N_("March"), N_("April"),
                                           N_("May"), N_("June"), N_("July"), N_("August"),
                                           N_("September"), N_("October"), N_("November"), N_("December") };
/* The same names standing alone ("listopad 2026" in Polish), as gettext
 * context "month" (the msgctxt of the catalogs: context, \004, msgid). */
#define MONTH_CTX "month\004"
static const char *const month_alone[] = {
    MONTH_CTX "January", MONTH_CTX "February", MONTH_CTX "March", MONTH_CTX "April",
    MONTH_CTX "May", MONTH_CTX "June", MONTH_CTX "July", MONTH_CTX "August",
    MONTH_CTX "September", MONTH_CTX "October", MONTH_CTX "November", MONTH_CTX "December",
};
/* Monday first, as the calendar shows them. */
static const char *const weekday_short[] = { N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"),
                                             N_("Fri"), N_("Sat"), N_("Sun") };

static struct {
    bool loaded;
    bool failed;
    vb_month month;
    vb_day today;
    review now, before; /* this month and the previous one (same days when running) */
    int tab;
    ui_scroll done_scroll;
    ui_scroll top_scroll;
    /* export: step -1 = idle, else the file to write next */
    int export_step;
    int64_t export_after_frame;
    vb_month export_month;
    char export_dir[EXPORT_PATH_SIZE];
    int export_rows;
} st = { .export_step = -1 };

/* ---- data ------------------------------------------------------------------ */

static void review_load(app *a)
{
    st.loaded = true;
    st.failed = false;
    st.today = vb_local_from_unix(app_wall_s(a)).day;
    memset(&st.now, 0, sizeof st.now);
    memset(&st.before, 0, sizeof st.before);
    if (!a->db) {
        st.failed = true;
        return;
    }
    store_review_data d;
    vb_err err;
    vb_err_clear(&err);
    vb_code rc = store_review_load(a->db, st.month, st.today, &d, &err);
    if (rc == VB_OK)
        review_compute(&d.in, &st.now);
    store_review_free(&d);
    if (rc == VB_OK) {
        rc = store_review_load(a->db, vb_month_add(st.month, -1), st.today, &d, &err);
        d.in.has_until = true;
        d.in.until = review_previous_until(st.month, st.today);
        if (rc == VB_OK)
            review_compute(&d.in, &st.before);
        store_review_free(&d);
    }
    if (rc != VB_OK) {
        st.failed = true;
        fprintf(stderr, "verbeterbord: review: %s\n", err.msg);
    }
    st.done_scroll.offset = 0;
    st.top_scroll.offset = 0;
}

static void review_enter(app *a)
{
    st.loaded = false;
    if (!a->lead_id)
        return; /* the draw sends the way to the lead sign-in first */
    st.month = vb_month_of(vb_local_from_unix(app_wall_s(a)).day);
    st.tab = TAB_CHARTS;
    review_load(a);
}

static bool review_holds_idle(const app *a)
{
    return a->lead_id != 0 && app_now_ms(a) - a->last_input_ms < REVIEW_HOLD_IDLE_MS;
}

/* ---- words ------------------------------------------------------------------ */

/* In a date: "1\xE2\x80\x9326 november". */
static const char *month_name(vb_month m)
{
    return _(month_names[(m.month + 11) % 12]);
}

/* Standing alone: "november 2026", or a bar's label. */
static const char *month_alone_name(vb_month m)
{
    const char *key = month_alone[(m.month + 11) % 12];
    const char *t = _(key);
    return t == key ? key + sizeof MONTH_CTX - 1 : t; /* untranslated: the English name */
}

/* "1–26 November" for a running month, "November" for a whole one. */
static const char *period_text(ui_ctx *ui, const review *r)
{
    if (!r->partial || r->future)
        return ui_format(ui, "%s %d", month_alone_name(r->month), r->month.year);
    return ui_format(ui, "%d\xE2\x80\x93%d %s", r->first.mday, r->last.mday, month_name(r->month));
}

/* Half days come out as "2,5" (or "2.5" in English). */
static const char *days_value(ui_ctx *ui, double days)
{
    int whole = (int)floor(days + 1e-9);
    if (days - whole < 0.25)
        return ui_format(ui, "%d", whole);
    return ui_format(ui, "%d%s5", whole, strcmp(i18n_language(), "en") == 0 ? "." : ",");
}

/* The comparison of one figure with the previous month, arrow and words. */
static const char *trend_text(ui_ctx *ui, review_figure f)
{
    double delta = 0;
    review_trend t = review_compare(&st.now, &st.before, f, &delta);
    int n = (int)lround(fabs(delta));
    if (f == REVIEW_FIG_MEDIAN_DAYS) {
        const char *v = days_value(ui, fabs(delta));
        switch (t) {
        case REVIEW_TREND_UP: return ui_format(ui, i18n_plural("\xE2\x96\xB2 %s day slower", "\xE2\x96\xB2 %s days slower", (unsigned long)ceil(fabs(delta))), v);
        case REVIEW_TREND_DOWN: return ui_format(ui, i18n_plural("\xE2\x96\xBC %s day quicker", "\xE2\x96\xBC %s days quicker", (unsigned long)ceil(fabs(delta))), v);
        case REVIEW_TREND_SAME: return _("= same");
        case REVIEW_TREND_NONE: return _("nothing to compare");
        }
    }
    switch (t) {
    case REVIEW_TREND_UP: return ui_format(ui, _("\xE2\x96\xB2 %d more"), n);
    case REVIEW_TREND_DOWN: return ui_format(ui, _("\xE2\x96\xBC %d fewer"), n);
    case REVIEW_TREND_SAME: return _("= same");
    case REVIEW_TREND_NONE: break;
    }
    return "";
}

/* ---- drawing helpers ---------------------------------------------------------- */

static ui_rect card(ui_ctx *ui, ui_rect r)
{
    theme_metrics m = theme_metrics_for(ui);
    ui_draw_rect(ui, r, THEME_SURFACE, m.radius);
    ui_draw_border(ui, r, THEME_BORDER, m.border, m.radius);
    return ui_inset(r, m.pad);
}

static int line_h(int px)
{
    return px * 5 / 4;
}

/* A card's heading (bold) and the comparison under it. */
static void heading(ui_ctx *ui, ui_rect *inner, const char *id, const char *title, const char *trend)
{
    theme_metrics m = theme_metrics_for(ui);
    ui_label(ui, id, ui_cut_top(inner, line_h(m.text_body)), title, m.text_body, true, THEME_TEXT, UI_ALIGN_LEFT);
    if (trend && *trend) {
        ui_label(ui, ui_format(ui, "%s.trend", id), ui_cut_top(inner, line_h(m.text_small)), trend, m.text_small,
                 true, THEME_TEXT_MUTED, UI_ALIGN_LEFT);
    }
    ui_cut_top(inner, m.gap / 2);
}

/* A bar scaled to max across row, its number right after it. */
static void bar_with_number(ui_ctx *ui, const char *id, ui_rect row, int value, int max, ui_color color)
{
    theme_metrics m = theme_metrics_for(ui);
    int px = m.text_small;
    const char *num = ui_format(ui, "%d", value);
    int num_w = ui_text_width(ui, ui_format(ui, "%d", max > value ? max : value), px, true) + m.gap;
    int bar_max = row.w - num_w;
    if (bar_max < 1)
        bar_max = 1;
    int bw = max > 0 ? (int)((long long)bar_max * value / max) : 0;
    if (value > 0 && bw < 3)
        bw = 3;
    int bh = row.h * 3 / 5;
    ui_rect bar = { row.x, row.y + (row.h - bh) / 2, bw, bh };
    /* the track shows where the bar could reach */
    ui_draw_rect(ui, (ui_rect){ row.x, bar.y + bh / 2 - 1, bar_max, 2 }, THEME_BG, 0);
    if (bw > 0)
        ui_draw_rect(ui, bar, color, m.radius / 3);
    ui_label(ui, id, (ui_rect){ row.x + bw + m.gap / 2, row.y, num_w, row.h }, num, px, true, THEME_TEXT,
             UI_ALIGN_LEFT);
}

/* One bar of a horizontal bar chart on one line: the label on the left,
 * then the bar and its number. */
static void hbar(ui_ctx *ui, const char *id, ui_rect row, int label_w, const char *label, int value, int max,
                 ui_color color)
{
    theme_metrics m = theme_metrics_for(ui);
    ui_label(ui, ui_format(ui, "%s.label", id), ui_cut_left(&row, label_w), label, m.text_small, true, THEME_TEXT,
             UI_ALIGN_LEFT);
    bar_with_number(ui, id, row, value, max, color);
}

/* One bar with its comparison: the label and the comparison with the
 * previous month on a line, the bar and its number under them. */
static void hbar_compared(ui_ctx *ui, const char *id, ui_rect row, const char *label, int value, int max,
                          ui_color color, const char *trend)
{
    theme_metrics m = theme_metrics_for(ui);
    int lh = line_h(m.text_small);
    ui_rect top = ui_cut_top(&row, lh);
    int trend_w = ui_text_width(ui, trend, m.text_small, false);
    if (trend_w > top.w / 2)
        trend_w = top.w / 2;
    ui_label(ui, ui_format(ui, "%s.trend", id), ui_cut_right(&top, trend_w), trend, m.text_small, false,
             THEME_TEXT_MUTED, UI_ALIGN_RIGHT);
    ui_label(ui, ui_format(ui, "%s.label", id), top, label, m.text_small, true, THEME_TEXT, UI_ALIGN_LEFT);
    if (row.h > lh * 3 / 2)
        row.h = lh * 3 / 2;
    bar_with_number(ui, id, row, value, max, color);
}

static int max_of(const int *v, int n)
{
    int mx = 0;
    for (int i = 0; i < n; i++)
        if (v[i] > mx)
            mx = v[i];
    return mx;
}

/* ---- the charts ------------------------------------------------------------- */

static void chart_categories(ui_ctx *ui, ui_rect r)
{
    theme_metrics m = theme_metrics_for(ui);
    ui_rect in = card(ui, r);
    const review *rv = &st.now;
    heading(ui, &in, "review.lp.total",
            ui_format(ui, i18n_plural("%d learning point shared", "%d learning points shared",
                                      (unsigned long)rv->lp_total), rv->lp_total),
            trend_text(ui, REVIEW_FIG_LP_TOTAL));
    if (rv->category_count == 0)
        return;
    int max = max_of(rv->lp_by_category, rv->category_count);
    int row_h = in.h / rv->category_count;
    if (row_h > line_h(m.text_body) * 2)
        row_h = line_h(m.text_body) * 2;
    int label_w = in.w * 9 / 20;
    for (int i = 0; i < rv->category_count; i++) {
        const review_category *c = &rv->categories[i];
        const char *label = ui_format(ui, "%s %s", category_icon(c->icon[0] ? c->icon : c->code),
                                      category_display_name(c->code, c->label));
        ui_rect row = { in.x, in.y + i * row_h, in.w, row_h };
        hbar(ui, ui_format(ui, "review.lp.cat.%s", c->code), row, label_w, label, rv->lp_by_category[i], max,
             THEME_PRIMARY);
    }
}

static void chart_weeks(ui_ctx *ui, ui_rect r)
{
    theme_metrics m = theme_metrics_for(ui);
    ui_rect in = card(ui, r);
    const review *rv = &st.now;
    heading(ui, &in, "review.lp.weeks", _("Shared per week"), NULL);
    if (rv->week_count == 0) {
        ui_paragraph(ui, "review.lp.weeks.none", in, _("This month has not begun yet."), m.text_small, false,
                     THEME_TEXT_MUTED, UI_ALIGN_LEFT);
        return;
    }
    int counts[REVIEW_MAX_WEEKS];
    for (int i = 0; i < rv->week_count; i++)
        counts[i] = rv->weeks[i].count;
    int max = max_of(counts, rv->week_count);
    int lh = line_h(m.text_small);
    ui_rect labels = ui_cut_bottom(&in, lh * 2);
    ui_rect numbers = ui_cut_top(&in, lh);
    (void)numbers;
    int col_w = in.w / rv->week_count;
    for (int i = 0; i < rv->week_count; i++) {
        const review_week *w = &rv->weeks[i];
        int x = in.x + i * col_w;
        int bw = col_w * 3 / 5;
        int bh = max > 0 ? (int)((long long)in.h * w->count / max) : 0;
        if (w->count > 0 && bh < 3)
            bh = 3;
        ui_rect bar = { x + (col_w - bw) / 2, in.y + in.h - bh, bw, bh };
        ui_draw_rect(ui, (ui_rect){ x + m.gap / 4, in.y + in.h - 1, col_w - m.gap / 2, 2 }, THEME_BORDER, 0);
        if (bh > 0)
            ui_draw_rect(ui, bar, THEME_PRIMARY, m.radius / 3);
        ui_label(ui, ui_format(ui, "review.lp.week.%d", w->iso_week), (ui_rect){ x, bar.y - lh, col_w, lh },
                 ui_format(ui, "%d", w->count), m.text_small, true, THEME_TEXT, UI_ALIGN_CENTER);
        const char *week = ui_format(ui, _("wk %d"), w->iso_week);
        if (ui_text_width(ui, week, m.text_small, true) > col_w - m.gap / 2)
            week = ui_format(ui, "%d", w->iso_week); /* a narrow column: the number alone */
        ui_label(ui, NULL, (ui_rect){ x, labels.y, col_w, lh }, week, m.text_small, true, THEME_TEXT,
                 UI_ALIGN_CENTER);
        const char *days = w->first.mday == w->last.mday
                               ? ui_format(ui, "%d", w->first.mday)
                               : ui_format(ui, "%d\xE2\x80\x93%d", w->first.mday, w->last.mday);
        ui_label(ui, NULL, (ui_rect){ x, labels.y + lh, col_w, lh }, days, m.text_small, false, THEME_TEXT_MUTED,
                 UI_ALIGN_CENTER);
    }
}

static void chart_ideas(ui_ctx *ui, ui_rect r)
{
    ui_rect in = card(ui, r);
    const review *rv = &st.now;
    heading(ui, &in, "review.ideas",
            ui_format(ui, i18n_plural("%d idea submitted", "%d ideas submitted", (unsigned long)rv->ideas_submitted),
                      rv->ideas_submitted),
            NULL);
    int values[3] = { rv->ideas_submitted, rv->ideas_adopted, rv->ideas_declined };
    const char *labels[3] = { _("Submitted"), _("\xE2\x9C\x94 Adopted"), _("Not adopted") };
    const char *ids[3] = { "review.ideas.submitted", "review.ideas.adopted", "review.ideas.declined" };
    review_figure figs[3] = { REVIEW_FIG_IDEAS_SUBMITTED, REVIEW_FIG_IDEAS_ADOPTED, REVIEW_FIG_IDEAS_DECLINED };
    ui_color colors[3] = { THEME_PRIMARY, THEME_OK, THEME_TEXT_MUTED };
    int max = max_of(values, 3);
    int row_h = in.h / 3;
    for (int i = 0; i < 3; i++) {
        ui_rect row = { in.x, in.y + i * row_h, in.w, row_h };
        hbar_compared(ui, ids[i], row, labels[i], values[i], max, colors[i], trend_text(ui, figs[i]));
    }
}

static void chart_feedback(ui_ctx *ui, ui_rect r)
{
    theme_metrics m = theme_metrics_for(ui);
    ui_rect in = card(ui, r);
    const review *now = &st.now, *before = &st.before;
    heading(ui, &in, "review.feedback.title", _("Idea \xE2\x86\x92 first feedback"), NULL);
    if (now->has_median) {
        ui_label(ui, "review.feedback.median", ui_cut_top(&in, line_h(m.text_title)),
                 ui_format(ui, i18n_plural("%s day", "%s days", (unsigned long)ceil(now->median_days)),
                           days_value(ui, now->median_days)),
                 m.text_title, true, THEME_TEXT, UI_ALIGN_LEFT);
        ui_label(ui, "review.feedback.basis", ui_cut_top(&in, line_h(m.text_small)),
                 ui_format(ui,
                           i18n_plural("median of %d idea answered", "median of %d ideas answered",
                                       (unsigned long)now->feedback_count),
                           now->feedback_count),
                 m.text_small, false, THEME_TEXT_MUTED, UI_ALIGN_LEFT);
    } else {
        int h = ui_paragraph(ui, "review.feedback.median", in, _("No first feedback given"), m.text_body, true,
                             THEME_TEXT, UI_ALIGN_LEFT);
        ui_cut_top(&in, h);
    }
    ui_label(ui, "review.feedback.trend", ui_cut_top(&in, line_h(m.text_small)),
             trend_text(ui, REVIEW_FIG_MEDIAN_DAYS), m.text_small, true, THEME_TEXT_MUTED, UI_ALIGN_LEFT);
    ui_cut_top(&in, m.gap / 2);
    /* this month against the previous one, as two bars (tenths of days) */
    ui_rect waiting = ui_cut_bottom(&in, line_h(m.text_small) * 2);
    int a = now->has_median ? (int)lround(now->median_days * 10) : 0;
    int b = before->has_median ? (int)lround(before->median_days * 10) : 0;
    int max = a > b ? a : b;
    int row_h = in.h / 2;
    if (row_h > line_h(m.text_body) * 2)
        row_h = line_h(m.text_body) * 2;
    struct {
        const char *id;
        const review *rv;
        int v;
    } rows[2] = { { "review.feedback.now", now, a }, { "review.feedback.before", before, b } };
    int label_w = 0;
    for (int i = 0; i < 2; i++) {
        int w = ui_text_width(ui, month_alone_name(rows[i].rv->month), m.text_small, true) + m.gap;
        label_w = w > label_w ? w : label_w;
    }
    if (label_w > in.w * 2 / 5)
        label_w = in.w * 2 / 5;
    for (int i = 0; i < 2; i++) {
        ui_rect row = { in.x, in.y + i * row_h, in.w, row_h };
        ui_rect label = ui_cut_left(&row, label_w);
        ui_label(ui, NULL, label, month_alone_name(rows[i].rv->month), m.text_small, true, THEME_TEXT,
                 UI_ALIGN_LEFT);
        const char *txt = rows[i].rv->has_median ? ui_format(ui, _("%s d"), days_value(ui, rows[i].v / 10.0))
                                                 : _("none");
        int tw = ui_text_width(ui, txt, m.text_small, true) + m.gap;
        int bar_max = row.w - tw;
        int bw = max > 0 ? bar_max * rows[i].v / max : 0;
        int bh = row.h * 3 / 5;
        if (bw > 0)
            ui_draw_rect(ui, (ui_rect){ row.x, row.y + (row.h - bh) / 2, bw, bh },
                         i == 0 ? THEME_PRIMARY : THEME_TEXT_MUTED, m.radius / 3);
        ui_label(ui, rows[i].id, (ui_rect){ row.x + bw + m.gap / 2, row.y, tw, row.h }, txt, m.text_small, true,
                 THEME_TEXT, UI_ALIGN_LEFT);
    }
    ui_paragraph(ui, "review.feedback.waiting", waiting,
                 ui_format(ui,
                           i18n_plural("%d idea is still waiting for feedback", "%d ideas are still waiting for feedback",
                                       (unsigned long)now->ideas_waiting),
                           now->ideas_waiting),
                 m.text_small, now->ideas_waiting > 0, THEME_TEXT, UI_ALIGN_LEFT);
}

static void chart_actions(ui_ctx *ui, ui_rect r)
{
    ui_rect in = card(ui, r);
    const review *rv = &st.now;
    heading(ui, &in, "review.actions", _("Improvement actions"), NULL);
    int values[3] = { rv->actions_open, rv->actions_overdue, rv->actions_done };
    const char *labels[3] = { _("Open"), _("\xE2\x9A\xA0 Overdue"), _("\xE2\x9C\x94 Completed") };
    const char *ids[3] = { "review.actions.open", "review.actions.overdue", "review.actions.done" };
    review_figure figs[3] = { REVIEW_FIG_ACTIONS_OPEN, REVIEW_FIG_ACTIONS_OVERDUE, REVIEW_FIG_ACTIONS_DONE };
    ui_color colors[3] = { THEME_PRIMARY, THEME_DANGER, THEME_OK };
    int max = max_of(values, 3);
    int row_h = in.h / 3;
    for (int i = 0; i < 3; i++) {
        ui_rect row = { in.x, in.y + i * row_h, in.w, row_h };
        hbar_compared(ui, ids[i], row, labels[i], values[i], max, colors[i], trend_text(ui, figs[i]));
    }
}

/* Daily starts held against working days: a bar, and the month as a
 * calendar with a mark per day (✔ held, ✗ a working day without one). */
static void chart_dagstarts(ui_ctx *ui, ui_rect r)
{
    theme_metrics m = theme_metrics_for(ui);
    ui_rect in = card(ui, r);
    const review *rv = &st.now;
    heading(ui, &in, "review.dagstarts",
            ui_format(ui,
                      i18n_plural("Daily starts: %d of %d working day", "Daily starts: %d of %d working days",
                                  (unsigned long)rv->working_days),
                      rv->dagstarts_held, rv->working_days),
            trend_text(ui, REVIEW_FIG_DAGSTARTS_HELD));
    /* held / working days as one bar */
    int bar_h = m.text_small * 2 / 3;
    ui_rect bar = ui_cut_top(&in, bar_h);
    ui_draw_rect(ui, bar, THEME_BG, m.radius / 3);
    ui_draw_border(ui, bar, THEME_BORDER, 1, m.radius / 3);
    int held = rv->dagstarts_held < rv->working_days ? rv->dagstarts_held : rv->working_days;
    if (rv->working_days > 0 && held > 0)
        ui_draw_rect(ui, (ui_rect){ bar.x, bar.y, bar.w * held / rv->working_days, bar.h }, THEME_PRIMARY,
                     m.radius / 3);
    ui_cut_top(&in, m.gap / 2);

    ui_rect legend = ui_cut_bottom(&in, line_h(m.text_small));
    ui_label(ui, "review.dagstarts.legend", legend, _("\xE2\x9C\x94 held   \xE2\x9C\x97 not held"), m.text_small,
             false, THEME_TEXT_MUTED, UI_ALIGN_LEFT);
    /* the calendar: Monday first, one row per week of the month */
    vb_day first = vb_month_first_day(rv->month);
    vb_day last = vb_month_last_day(rv->month);
    int lead = (first.wday + 6) % 7;
    int days = last.mday;
    int rows = (lead + days + 6) / 7;
    int lh = line_h(m.text_small);
    int cell_w = in.w / 7;
    int cell_h = (in.h - lh) / (rows > 0 ? rows : 1);
    for (int c = 0; c < 7; c++)
        ui_label(ui, NULL, (ui_rect){ in.x + c * cell_w, in.y, cell_w, lh }, _(weekday_short[c]), m.text_small,
                 false, THEME_TEXT_MUTED, UI_ALIGN_CENTER);
    for (int d = 0; d < days; d++) {
        int slot = lead + d;
        ui_rect cell = { in.x + (slot % 7) * cell_w + 1, in.y + lh + (slot / 7) * cell_h + 1, cell_w - 2,
                         cell_h - 2 };
        bool counted = d < rv->period_days;
        bool today = d + 1 == st.today.mday && vb_month_cmp(rv->month, vb_month_of(st.today)) == 0;
        const review_day *day = &rv->days[d];
        const char *text;
        ui_color fg = THEME_TEXT_MUTED;
        if (counted && day->held) {
            ui_draw_rect(ui, cell, THEME_PRIMARY, m.radius / 2);
            text = ui_format(ui, "\xE2\x9C\x94%d", d + 1);
            fg = THEME_ON_DARK;
        } else if (counted && day->kind == REVIEW_DAY_WORK && !today) {
            ui_draw_rect(ui, cell, THEME_SURFACE, m.radius / 2);
            ui_draw_border(ui, cell, THEME_DANGER, m.border, m.radius / 2);
            text = ui_format(ui, "\xE2\x9C\x97%d", d + 1);
            fg = THEME_DANGER;
        } else {
            if (today) /* its daily start may still come */
                ui_draw_border(ui, cell, THEME_BORDER, m.border, m.radius / 2);
            text = ui_format(ui, "%d", d + 1);
        }
        ui_label(ui, NULL, cell, text, m.text_small, day->held || fg.r == THEME_DANGER.r, fg, UI_ALIGN_CENTER);
    }
}

/* ---- the lists -------------------------------------------------------------- */

static void list_top_ideas(ui_ctx *ui, ui_rect r)
{
    theme_metrics m = theme_metrics_for(ui);
    ui_rect in = card(ui, r);
    heading(ui, &in, "review.top", _("Top-voted open ideas"), _("votes now"));
    if (st.now.top_count == 0) {
        ui_paragraph(ui, "review.top.none", in, _("No open ideas."), m.text_body, false, THEME_TEXT_MUTED,
                     UI_ALIGN_LEFT);
        return;
    }
    int max = st.now.top[0].votes;
    int row_h = line_h(m.text_body) * 2;
    int vote_w = in.w / 4;
    for (int i = 0; i < st.now.top_count && (i + 1) * row_h <= in.h + m.gap; i++) {
        const review_idea *idea = &st.now.top[i];
        ui_rect row = { in.x, in.y + i * row_h, in.w, row_h - m.gap / 2 };
        ui_rect votes = ui_cut_left(&row, vote_w);
        const char *n = ui_format(ui, i18n_plural("%d vote", "%d votes", (unsigned long)idea->votes), idea->votes);
        int tw = ui_text_width(ui, n, m.text_small, true);
        int bar_max = votes.w - m.gap;
        int bw = max > 0 ? bar_max * idea->votes / max : 0;
        ui_draw_rect(ui, (ui_rect){ votes.x, votes.y + votes.h - m.text_small / 2, bw, m.text_small / 2 },
                     THEME_PRIMARY, 0);
        ui_label(ui, ui_format(ui, "review.top.%lld.votes", (long long)idea->id),
                 (ui_rect){ votes.x, votes.y, tw + 2, votes.h - m.text_small / 2 }, n, m.text_small, true,
                 THEME_TEXT, UI_ALIGN_LEFT);
        ui_label(ui, ui_format(ui, "review.top.%lld", (long long)idea->id), row, idea->title, m.text_body, false,
                 THEME_TEXT, UI_ALIGN_LEFT);
    }
}

static void list_done_actions(ui_ctx *ui, ui_rect r)
{
    theme_metrics m = theme_metrics_for(ui);
    ui_rect in = card(ui, r);
    const review *rv = &st.now;
    heading(ui, &in, "review.done",
            ui_format(ui, i18n_plural("%d action completed", "%d actions completed", (unsigned long)rv->actions_done),
                      rv->actions_done),
            trend_text(ui, REVIEW_FIG_ACTIONS_DONE));
    if (rv->done_count == 0) {
        ui_paragraph(ui, "review.done.none", in, _("No actions completed in this period."), m.text_body, false,
                     THEME_TEXT_MUTED, UI_ALIGN_LEFT);
        return;
    }
    int row_h = line_h(m.text_body) + line_h(m.text_small) + m.gap / 2;
    int extra = rv->actions_done > rv->done_count ? 1 : 0;
    st.done_scroll.content_h = (rv->done_count + extra) * row_h;
    ui_rect view = in;
    if (st.done_scroll.content_h > view.h) {
        ui_rect pages = ui_cut_right(&view, m.target);
        ui_cut_right(&view, m.gap);
        ui_scroll_page_buttons(ui, "review.done", pages, &st.done_scroll, view.h);
    }
    ui_scroll_begin(ui, "review.done", view, &st.done_scroll);
    int first, last;
    ui_scroll_visible_rows(&st.done_scroll, row_h, view.h, rv->done_count + extra, &first, &last);
    for (int i = first; i <= last; i++) {
        int y = view.y - st.done_scroll.offset + i * row_h;
        if (i == rv->done_count) {
            ui_label(ui, "review.done.more", (ui_rect){ view.x, y, view.w, line_h(m.text_small) },
                     ui_format(ui, _("and %d more (see the export)"), rv->actions_done - rv->done_count),
                     m.text_small, false, THEME_TEXT_MUTED, UI_ALIGN_LEFT);
            continue;
        }
        const review_done_action *d = &rv->done[i];
        ui_label(ui, ui_format(ui, "review.done.%lld", (long long)d->id),
                 (ui_rect){ view.x, y, view.w, line_h(m.text_body) },
                 ui_format(ui, "\xE2\x9C\x94 %s", d->description), m.text_body, false, THEME_TEXT, UI_ALIGN_LEFT);
        ui_label(ui, NULL, (ui_rect){ view.x, y + line_h(m.text_body), view.w, line_h(m.text_small) },
                 ui_format(ui, "%d %s \xC2\xB7 %s", d->closed.mday, month_name(vb_month_of(d->closed)), d->owner),
                 m.text_small, false, THEME_TEXT_MUTED, UI_ALIGN_LEFT);
    }
    ui_scroll_end(ui, &st.done_scroll);
}

/* ---- export ------------------------------------------------------------------- */

static const char *export_failure_text(vb_code rc)
{
    switch (rc) {
    case VB_ERR_NOTFOUND: return _("No USB stick found. Put a stick in the kiosk and try again.");
    case VB_ERR_READONLY: return _("The USB stick is read-only. Slide its lock switch or use another stick.");
    case VB_ERR_FULL: return _("The USB stick is full. Make room on it or use another stick.");
    default: return _("The export did not work. Try again or use another stick.");
    }
}

static void export_fail(app *a, vb_code rc, const vb_err *err)
{
    st.export_step = -1;
    fprintf(stderr, "verbeterbord: export: %s\n", err->msg);
    /* the technical detail goes to the log; the lead reads what to do */
    if (rc == VB_ERR_NOTFOUND || rc == VB_ERR_READONLY || rc == VB_ERR_FULL)
        app_notice(a, NOTICE_ERROR, ui_format(a->ui, _("Not exported: %s"), export_failure_text(rc)), 20);
    else
        app_notice(a, NOTICE_ERROR,
                   ui_format(a->ui, _("Not exported: %s (%s)"), export_failure_text(rc), err->msg), 20);
}

static void export_start(app *a)
{
    if (st.export_step >= 0)
        return; /* a second tap while exporting */
    vb_err err;
    vb_err_clear(&err);
    const char *base = a->opt.export_dir;
    if (!base || !*base) {
        app_notice(a, NOTICE_ERROR,
                   _("No USB export folder is set on this kiosk (export_dir in /etc/verbeterbord/verbeterbord.conf)."),
                   20);
        return;
    }
    vb_code rc = export_check_dir(base, true, &err);
    if (rc == VB_OK)
        rc = export_month_dir(base, st.month, st.export_dir, &err);
    if (rc != VB_OK) {
        export_fail(a, rc, &err);
        return;
    }
    st.export_month = st.month;
    st.export_step = 0;
    st.export_rows = 0;
    st.export_after_frame = a->frames_drawn;
    app_notice(a, NOTICE_INFO, ui_format(a->ui, _("Exporting %s to the USB stick\xE2\x80\xA6"), period_text(a->ui, &st.now)),
               120);
}

/* An export file is due once the frame that shows the progress so far is
 * drawn: the loop comes round at once (also with a fixed clock). */
static bool export_due(const app *a)
{
    return st.export_step >= 0 && a->frames_drawn > st.export_after_frame && a->db;
}

static int64_t review_deadline(const app *a)
{
    return export_due(a) ? app_now_ms(a) : VB_NO_DEADLINE;
}

/* One file per loop turn, after the frame that shows the progress. */
static void review_tick(app *a)
{
    if (!export_due(a))
        return;
    vb_err err;
    vb_err_clear(&err);
    int rows = 0;
    vb_code rc = export_month_file(a->db, st.export_month, vb_local_from_unix(app_wall_s(a)).day, st.export_step,
                                   st.export_dir, &rows, &err);
    if (rc != VB_OK) {
        export_fail(a, rc, &err);
        return;
    }
    st.export_rows += rows;
    st.export_step++;
    st.export_after_frame = a->frames_drawn;
    char month[8];
    vb_month_format(st.export_month, month);
    if (st.export_step < EXPORT_FILES) {
        app_notice(a, NOTICE_INFO,
                   ui_format(a->ui, _("Exporting to the USB stick\xE2\x80\xA6 %d of %d files written"), st.export_step,
                             EXPORT_FILES),
                   120);
        return;
    }
    st.export_step = -1;
    store_audit_add(a->db, a->lead_id, app_entry_time(a), "export", ui_format(a->ui, "month:%s", month),
                    st.export_dir, NULL);
    app_notice(a, NOTICE_OK,
               ui_format(a->ui, _("Exported: %d files for %s in %s on the USB stick."), EXPORT_FILES, month,
                         strrchr(st.export_dir, '/') ? strrchr(st.export_dir, '/') + 1 : st.export_dir),
               30);
}

/* ---- the screen ------------------------------------------------------------------ */

/* A chip wide enough for its label and the check mark of the selected one. */
static int chip_width(ui_ctx *ui, const char *label)
{
    theme_metrics m = theme_metrics_for(ui);
    int w = ui_text_width(ui, label, m.text_body, true) + ui_text_width(ui, "\xE2\x9C\x94", m.text_body, true) +
            4 * m.pad;
    return w > m.target * 2 ? w : m.target * 2;
}

static void header(app *a, ui_ctx *ui, ui_rect row)
{
    theme_metrics m = theme_metrics_for(ui);
    vb_month this_month = vb_month_of(vb_local_from_unix(app_wall_s(a)).day);
    const char *charts = _("Charts"), *lists = _("Ideas and actions");
    const char *export_label = st.export_step >= 0 ? _("Exporting\xE2\x80\xA6") : _("\xE2\xAC\x87 Export to USB");
    int nav_w = m.target * 3 / 2;
    ui_rect prev = ui_cut_left(&row, nav_w);
    ui_cut_left(&row, m.gap / 2);
    int export_w = ui_text_width(ui, export_label, m.text_body, true) + 3 * m.pad;
    if (export_w < m.main_target * 2)
        export_w = m.main_target * 2;
    ui_rect export = ui_cut_right(&row, export_w);
    ui_cut_right(&row, m.gap);
    ui_rect tab_lists = ui_cut_right(&row, chip_width(ui, lists));
    ui_cut_right(&row, m.gap / 2);
    ui_rect tab_charts = ui_cut_right(&row, chip_width(ui, charts));
    ui_cut_right(&row, m.gap);
    ui_rect next = ui_cut_right(&row, nav_w);
    ui_cut_right(&row, m.gap / 2);

    vb_month pm = vb_month_add(st.month, -1), nm = vb_month_add(st.month, 1);
    if (ui_button(ui, "review.prev", prev, "\xE2\x97\x80", STYLE_SECONDARY, st.export_step >= 0)) {
        st.month = pm;
        review_load(a);
    }
    if (ui_button(ui, "review.next", next, "\xE2\x96\xB6", STYLE_SECONDARY,
                  vb_month_cmp(nm, this_month) > 0 || st.export_step >= 0)) {
        st.month = nm;
        review_load(a);
    }
    const char *title = ui_format(ui, "%s %d", month_alone_name(st.month), st.month.year);
    const char *sub = st.now.partial ? ui_format(ui, _("so far, compared with %s"), period_text(ui, &st.before))
                                    : ui_format(ui, _("compared with %s"), period_text(ui, &st.before));
    ui_rect t = row;
    ui_label(ui, "review.month", ui_cut_top(&t, row.h * 11 / 20), title, m.text_large, true, THEME_TEXT,
             UI_ALIGN_CENTER);
    ui_label(ui, "review.period", t, sub, m.text_small, false, THEME_TEXT_MUTED, UI_ALIGN_CENTER);

    if (ui_chip(ui, "review.tab.charts", tab_charts, NULL, charts, st.tab == TAB_CHARTS))
        st.tab = TAB_CHARTS;
    if (ui_chip(ui, "review.tab.lists", tab_lists, NULL, lists, st.tab == TAB_LISTS))
        st.tab = TAB_LISTS;
    if (ui_button(ui, "review.export", export, export_label, STYLE_PRIMARY, st.export_step >= 0))
        export_start(a);
}

static void review_draw(app *a, ui_ctx *ui, ui_rect body)
{
    if (!a->lead_id) {
        app_require_lead(a, "review");
        return;
    }
    if (!st.loaded)
        review_enter(a);
    theme_metrics m = theme_metrics_for(ui);
    header(a, ui, ui_cut_top(&body, m.target));
    ui_cut_top(&body, m.gap);
    if (st.failed) {
        screen_placeholder(ui, body, "review.failed",
                           _("The figures of this month could not be read from the database. Try again in a moment."));
        return;
    }
    if (st.now.future) {
        screen_placeholder(ui, body, "review.future", _("This month has not begun yet."));
        return;
    }
    if (st.tab == TAB_LISTS) {
        ui_rect left = ui_cut_left(&body, (body.w - m.gap) / 2);
        ui_cut_left(&body, m.gap);
        list_top_ideas(ui, left);
        list_done_actions(ui, body);
        return;
    }
    int row_h = (body.h - m.gap) / 2;
    ui_rect top = ui_cut_top(&body, row_h);
    ui_cut_top(&body, m.gap);
    ui_rect bottom = body;
    int wide = (top.w - 2 * m.gap) * 2 / 5, narrow = (top.w - 2 * m.gap - wide) / 2;
    ui_rect c1 = ui_cut_left(&top, wide);
    ui_cut_left(&top, m.gap);
    ui_rect c2 = ui_cut_left(&top, narrow);
    ui_cut_left(&top, m.gap);
    chart_categories(ui, c1);
    chart_weeks(ui, c2);
    chart_ideas(ui, top);
    ui_rect d1 = ui_cut_left(&bottom, wide);
    ui_cut_left(&bottom, m.gap);
    ui_rect d2 = ui_cut_left(&bottom, narrow);
    ui_cut_left(&bottom, m.gap);
    chart_dagstarts(ui, d1);
    chart_feedback(ui, d2);
    chart_actions(ui, bottom);
}

const screen_def screen_review = {
    .name = "review",
    .title = N_("Monthly review"),
    .draw = review_draw,
    .enter = review_enter,
    .holds_idle = review_holds_idle,
    .deadline = review_deadline,
    .tick = review_tick,
    .show_home_button = true,
};

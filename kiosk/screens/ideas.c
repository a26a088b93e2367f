/* ideas.c: the idea box (screen "ideas"): all ideas sorted by votes, each
 * with its title, vote count and bar, status in words and with an icon, the
 * latest feedback, and a large Vote / "Voted ✔" button. Filter chips by
 * status; the list scrolls by drag and page buttons, draws only the visible
 * rows and loads them page by page, so it stays smooth with 10,000 ideas.
 * Tapping a row opens the idea (idea_detail.c). Also the helpers the three
 * idea screens share (ideas.h). */
#include "ideas.h"

#include <stdio.h>
#include <string.h>

#include "../core/date.h"
#include "../core/i18n.h"
#include "../core/utf8.h"
#include "../ui/list.h"
#include "../ui/widgets.h"

/* ---- shared helpers (ideas.h) --------------------------------------------- */

static const char *const status_icons[IDEA_STATUS_COUNT] = {
    "\xE2\x97\x8F", /* ● new */
    "\xE2\x97\x94", /* ◔ under review */
    "\xE2\x97\x91", /* ◑ being tried */
    "\xE2\x9C\x94", /* ✔ adopted */
    "\xE2\x9C\x98", /* ✘ not adopted */
    "\xE2\x87\x89", /* ⇉ merged into another idea */
};

static const char *const status_names[IDEA_STATUS_COUNT] = {
    N_("New"), N_("Under review"), N_("Being tried"), N_("Adopted"), N_("Not adopted"), N_("Merged"),
};

const char *idea_status_icon(idea_status status)
{
    return (unsigned)status < IDEA_STATUS_COUNT ? status_icons[status] : status_icons[0];
}

const char *idea_status_name(idea_status status)
{
    return _((unsigned)status < IDEA_STATUS_COUNT ? status_names[status] : status_names[0]);
}

const char *idea_status_text(ui_ctx *ui, idea_status status)
{
    return ui_format(ui, "%s %s", idea_status_icon(status), idea_status_name(status));
}

const char *idea_votes_text(ui_ctx *ui, int votes)
{
    return ui_format(ui, i18n_plural("%d vote", "%d votes", (unsigned long)(votes < 0 ? 0 : votes)), votes);
}

const char *idea_date_text(ui_ctx *ui, int64_t unix_s)
{
    vb_local t = vb_local_from_unix(unix_s);
    /* TRANSLATORS: a date: day, month, year (numbers). */
    return ui_format(ui, _("%02d-%02d-%04d"), t.day.mday, t.day.month, t.day.year);
}

void idea_vote_bar(ui_ctx *ui, ui_rect r, int votes, int max_votes)
{
    theme_metrics m = theme_metrics_for(ui);
    ui_draw_rect(ui, r, THEME_BG, r.h / 3);
    ui_draw_border(ui, r, THEME_BORDER, m.border, r.h / 3);
    if (votes <= 0 || max_votes <= 0)
        return;
    ui_rect fill = ui_inset(r, m.border);
    int w = (int)((int64_t)fill.w * (votes > max_votes ? max_votes : votes) / max_votes);
    if (w < fill.h)
        w = fill.h; /* one vote still shows */
    fill.w = w;
    ui_draw_rect(ui, fill, THEME_PRIMARY, fill.h / 3);
}

const char *idea_failure_reason(vb_code code)
{
    switch (code) {
    case VB_ERR_FULL: return _("The disk of the kiosk is full.");
    case VB_ERR_READONLY: return _("The database cannot be written to.");
    case VB_ERR_BUSY: return _("The database is busy.");
    case VB_ERR_CORRUPT: return _("The database is damaged.");
    default: return _("Something went wrong while saving.");
    }
}

void ideas_prune_elements(ui_ctx *ui, int from, ui_rect view)
{
    int keep = from;
    for (int i = from; i < ui->element_count; i++) {
        ui_rect r = ui->elements[i].rect;
        if (r.x >= view.x && r.y >= view.y && r.x + r.w <= view.x + view.w && r.y + r.h <= view.y + view.h)
            ui->elements[keep++] = ui->elements[i];
    }
    ui->element_count = keep;
}

/* ---- voting ---------------------------------------------------------------- */

static struct {
    bool any;             /* a vote action happened */
    int64_t at_ms;        /* when (app_now_ms) */
    int64_t idea_id;      /* for which idea */
    int64_t pending_idea; /* waiting for identification */
    app_then_fn pending_then;
    unsigned generation;
} votes;

unsigned idea_vote_generation(void)
{
    return votes.generation;
}

/* Stores the member's wanted vote; says what happened. */
static bool vote_apply(app *a, int64_t idea_id, bool want, idea_row *row)
{
    bool changed = false;
    int count = 0;
    vb_err err;
    vb_err_clear(&err);
    votes.any = true;
    votes.at_ms = app_now_ms(a);
    votes.idea_id = idea_id;
    vb_code rc = store_idea_vote_set(a->db, idea_id, a->member_id, want, app_entry_time(a), &changed, &count, &err);
    if (rc != VB_OK) {
        fprintf(stderr, "verbeterbord: vote: %s\n", err.msg);
        char text[300];
        const char *why = rc == VB_ERR_NOTFOUND  ? _("This idea no longer exists.")
                          : rc == VB_ERR_INVALID ? _("This idea takes no more votes.")
                                                 : idea_failure_reason(rc);
        vb_fmt(text, sizeof text, "%s %s %s", _("Your vote was NOT saved."), why,
               _("Try again in a moment; if it keeps failing, tell the team lead."));
        app_notice(a, NOTICE_ERROR, text, 8);
        return false;
    }
    votes.generation++;
    if (row) {
        row->voted = want;
        row->vote_count = count;
    }
    if (want)
        app_notice(a, NOTICE_OK, changed ? _("Your vote is counted.") : _("You had already voted for this idea: it counts once."), 4);
    else
        app_notice(a, NOTICE_OK, _("Your vote is taken back."), 4);
    return true;
}

static void vote_after_identify(app *a, void *ctx)
{
    (void)ctx;
    int64_t id = votes.pending_idea;
    app_then_fn then = votes.pending_then;
    votes.pending_idea = 0;
    votes.pending_then = NULL;
    static int64_t voted_id;
    voted_id = id;
    if (id && vote_apply(a, id, true, NULL) && then)
        then(a, &voted_id);
}

void idea_vote_for(app *a, int64_t idea_id, app_then_fn then)
{
    votes.pending_idea = idea_id;
    votes.pending_then = then;
    app_identify(a, false, vote_after_identify, NULL);
}

bool idea_vote_button(app *a, ui_ctx *ui, const char *id, ui_rect r, idea_row *row)
{
    bool voted = a->member_id != 0 && row->voted;
    if (!voted && !idea_status_takes_votes(row->status))
        return false;
    const char *label = voted ? _("Voted \xE2\x9C\x94") : _("Vote");
    if (!ui_button(ui, id, r, label, voted ? STYLE_SECONDARY : STYLE_PRIMARY, false))
        return false;
    int64_t now = app_now_ms(a);
    if (votes.any && now - votes.at_ms < IDEA_VOTE_REPEAT_MS)
        return false; /* the second tap of a double tap: same intent, already done */
    if (a->member_id == 0) {
        /* the button said "Vote": that is what the tap means */
        votes.any = true;
        votes.at_ms = now;
        votes.idea_id = row->id;
        idea_vote_for(a, row->id, NULL);
        return false;
    }
    return vote_apply(a, row->id, !row->voted, row);
}

/* ---- the list screen --------------------------------------------------------- */

#define PAGE_ROWS 40

typedef struct filter_def {
    const char *id;
    int status; /* -1 = all */
} filter_def;

static const filter_def filters[] = {
    { "ideas.filter.all", -1 },
    { "ideas.filter.new", IDEA_NEW },
    { "ideas.filter.review", IDEA_REVIEW },
    { "ideas.filter.trial", IDEA_TRIAL },
    { "ideas.filter.adopted", IDEA_ADOPTED },
    { "ideas.filter.declined", IDEA_DECLINED },
};
#define FILTERS ((int)(sizeof filters / sizeof filters[0]))

static struct {
    int filter;                /* index into filters */
    ui_scroll scroll;
    bool stale;                /* reload counts and the cached rows */
    int count, max_votes;
    int filter_count[FILTERS];
    idea_row rows[PAGE_ROWS];  /* rows[i] is list row first + i */
    int first, n;
    int64_t viewer;            /* whose votes the cache shows */
    unsigned generation;
    char error[200];
} st;

static unsigned filter_mask(int f)
{
    return filters[f].status < 0 ? IDEA_MASK_LISTED : IDEA_MASK(filters[f].status);
}

static void list_error(app *a, const vb_err *err)
{
    fprintf(stderr, "verbeterbord: idea box: %s\n", err->msg);
    utf8_copy(_("The idea box cannot be read right now. Try again in a moment."), st.error, sizeof st.error);
    a->dirty = true;
}

static void list_reload(app *a)
{
    vb_err err;
    vb_err_clear(&err);
    st.error[0] = '\0';
    st.n = 0;
    st.first = 0;
    st.viewer = a->member_id;
    st.generation = idea_vote_generation();
    st.stale = false;
    for (int f = 0; f < FILTERS; f++) {
        if (store_ideas_count(a->db, filter_mask(f), &st.filter_count[f], &err) != VB_OK) {
            list_error(a, &err);
            return;
        }
    }
    st.count = st.filter_count[st.filter];
    /* bars compare with the most-voted idea of the whole box, whatever the filter */
    if (store_ideas_max_votes(a->db, IDEA_MASK_LISTED, &st.max_votes, &err) != VB_OK)
        list_error(a, &err);
}

/* Makes sure rows first..last are in the cache. */
static void list_load(app *a, int first, int last)
{
    if (first >= st.first && last < st.first + st.n)
        return;
    int start = first - PAGE_ROWS / 4;
    if (start < 0)
        start = 0;
    vb_err err;
    vb_err_clear(&err);
    int n = 0;
    if (store_ideas_page(a->db, filter_mask(st.filter), a->member_id, start, PAGE_ROWS, st.rows, &n, &err) != VB_OK) {
        st.n = 0;
        list_error(a, &err);
        return;
    }
    st.first = start;
    st.n = n;
}

static void ideas_enter(app *a)
{
    /* a fresh look from home; back from an idea or identifying keeps the place */
    if (a->previous_screen && strcmp(a->previous_screen->name, "home") == 0) {
        st.filter = 0;
        st.scroll = (ui_scroll){ 0 };
    }
    st.stale = true;
}

static int row_height(const theme_metrics *m)
{
    int text = m->text_large * 5 / 4 + 2 * (m->text_body * 5 / 4) + m->gap / 2;
    int h = text > m->main_target ? text : m->main_target;
    return h + 2 * m->pad + m->gap / 2;
}

static void draw_row(app *a, ui_ctx *ui, ui_rect r, idea_row *row, const theme_metrics *m)
{
    const char *rid = ui_format(ui, "ideas.row.%lld", (long long)row->id);
    bool pressed = false;
    bool open = ui_target(ui, rid, r, false, &pressed);
    ui_color bg = pressed ? (ui_color){ 0xDD, 0xE6, 0xF3, 0xFF } : THEME_SURFACE;
    ui_draw_rect(ui, r, bg, m->radius);
    ui_draw_border(ui, r, THEME_BORDER, pressed ? m->border * 2 : m->border, m->radius);
    ui_element_add(ui, rid, UI_EL_BUTTON, pressed ? UI_STATE_PRESSED : 0, row->title, r);

    ui_rect in = ui_inset(r, m->pad);
    int vote_w = ui_mm(ui, 44);
    ui_rect vote = ui_cut_right(&in, vote_w);
    ui_cut_right(&in, m->gap);
    ui_rect count = ui_cut_right(&in, ui_mm(ui, 40));
    ui_cut_right(&in, m->gap);

    int title_h = m->text_large * 5 / 4, line_h = m->text_body * 5 / 4;
    ui_rect t = ui_cut_top(&in, title_h);
    ui_label(ui, ui_format(ui, "ideas.title.%lld", (long long)row->id), t, row->title, m->text_large, true,
             THEME_TEXT, UI_ALIGN_LEFT);
    ui_cut_top(&in, m->gap / 4);
    ui_label(ui, ui_format(ui, "ideas.status.%lld", (long long)row->id), ui_cut_top(&in, line_h),
             idea_status_text(ui, row->status), m->text_body, true, THEME_TEXT, UI_ALIGN_LEFT);
    const char *fb = row->feedback[0] ? ui_format(ui, "\xE2\x80\x9C%s\xE2\x80\x9D", row->feedback)
                                      : _("No feedback yet");
    ui_label(ui, ui_format(ui, "ideas.feedback.%lld", (long long)row->id), ui_cut_top(&in, line_h), fb,
             m->text_body, false, THEME_TEXT_MUTED, UI_ALIGN_LEFT);

    /* votes: the number in words, and a bar to compare at a glance */
    ui_rect c = count;
    int ch = line_h + m->gap / 2 + m->text_body * 2 / 3;
    c.y += (c.h - ch) / 2;
    c.h = ch;
    ui_label(ui, ui_format(ui, "ideas.votes.%lld", (long long)row->id), ui_cut_top(&c, line_h),
             idea_votes_text(ui, row->vote_count), m->text_body, true, THEME_TEXT, UI_ALIGN_LEFT);
    ui_cut_top(&c, m->gap / 2);
    idea_vote_bar(ui, c, row->vote_count, st.max_votes);

    int vh = vote.h < m->main_target ? vote.h : m->main_target;
    vote.y += (vote.h - vh) / 2;
    vote.h = vh;
    if (idea_vote_button(a, ui, ui_format(ui, "ideas.vote.%lld", (long long)row->id), vote, row))
        st.generation = idea_vote_generation(); /* patched in place: no re-sort under the finger */
    else if (!idea_status_takes_votes(row->status) && !(a->member_id && row->voted))
        ui_label(ui, ui_format(ui, "ideas.closed.%lld", (long long)row->id), vote, _("Voting closed"), m->text_body,
                 false, THEME_TEXT_MUTED, UI_ALIGN_CENTER);
    if (open)
        idea_detail_show(a, row->id);
}

static void draw_filters(app *a, ui_ctx *ui, ui_rect top, const theme_metrics *m)
{
    ui_rect new_idea = ui_cut_right(&top, ui_mm(ui, 40));
    ui_cut_right(&top, m->gap);
    if (ui_button(ui, "ideas.new", new_idea, ui_format(ui, "\xE2\x98\x85 %s", _("New idea")), STYLE_PRIMARY, false)) {
        app_go(a, "idea_new");
        return;
    }
    for (int f = 0; f < FILTERS; f++) {
        const char *label = filters[f].status < 0
                                ? ui_format(ui, "%s (%d)", _("All ideas"), st.filter_count[f])
                                : ui_format(ui, "%s (%d)", idea_status_text(ui, (idea_status)filters[f].status),
                                            st.filter_count[f]);
        if (ui_chip(ui, filters[f].id, ui_grid_cell(top, 3, 2, m->gap, f), NULL, label, st.filter == f) &&
            st.filter != f) {
            st.filter = f;
            st.scroll.offset = 0;
            st.stale = true;
            a->dirty = true;
        }
    }
}

static void ideas_draw(app *a, ui_ctx *ui, ui_rect body)
{
    theme_metrics m = theme_metrics_for(ui);
    if (st.stale || st.viewer != a->member_id || st.generation != idea_vote_generation())
        list_reload(a);

    ui_rect top = ui_cut_top(&body, 2 * m.target + m.gap);
    ui_cut_top(&body, m.gap);
    draw_filters(a, ui, top, &m);
    if (st.stale)
        list_reload(a);

    if (st.error[0]) {
        ui_paragraph(ui, "ideas.error", ui_inset(body, m.pad), st.error, m.text_large, true, THEME_TEXT,
                     UI_ALIGN_LEFT);
        return;
    }
    if (st.count == 0) {
        ui_rect card = body;
        card.h = card.h < m.main_target * 2 ? card.h : m.main_target * 2;
        ui_draw_rect(ui, card, THEME_SURFACE, m.radius);
        ui_draw_border(ui, card, THEME_BORDER, m.border, m.radius);
        const char *text = st.filter == 0 ? _("No ideas yet. Be the first: tap \xE2\x98\x85 New idea.")
                                         : _("No ideas with this status.");
        ui_paragraph(ui, "ideas.empty", ui_inset(card, m.pad * 2), text, m.text_large, false, THEME_TEXT,
                     UI_ALIGN_LEFT);
        return;
    }

    ui_rect pages = ui_cut_right(&body, m.target);
    ui_cut_right(&body, m.gap);
    int row_h = row_height(&m);
    st.scroll.content_h = st.count * row_h;
    ui_scroll_page_buttons(ui, "ideas.list", pages, &st.scroll, body.h);

    int first_el = ui->element_count;
    ui_scroll_begin(ui, "ideas.list", body, &st.scroll);
    int first, last;
    ui_scroll_visible_rows(&st.scroll, row_h, body.h, st.count, &first, &last);
    if (last >= first)
        list_load(a, first, last);
    for (int i = first; i <= last && !st.error[0]; i++) {
        if (i < st.first || i >= st.first + st.n)
            break; /* the page did not load (error shown next frame) */
        ui_rect r = { body.x, body.y + i * row_h - st.scroll.offset, body.w, row_h - m.gap / 2 };
        const screen_def *before = a->screen;
        draw_row(a, ui, r, &st.rows[i - st.first], &m);
        if (a->screen != before)
            break; /* a tap opened an idea or identification */
    }
    ui_scroll_end(ui, &st.scroll);
    ideas_prune_elements(ui, first_el, body);
}

const screen_def screen_ideas = {
    .name = "ideas",
    .title = N_("Idea box"),
    .draw = ideas_draw,
    .enter = ideas_enter,
    .show_home_button = true,
};

/* dagstart.c: the daily start (dagstart), built for the 10-minute stand-up
 * at the board and readable from 2 m. The five sections of the Dutch lean
 * order are big tabs with previous/next; a countdown for the section and for
 * the whole meeting says in words and with a bar when either runs over.
 *
 * Anyone can look at today's agenda. Running it (start, discussed marks,
 * presence, own items, announcements, actions, feedback, closing) needs the
 * team lead. Everything is saved as it happens (core/agenda.h builds the
 * agenda, store/store_dagstart.h keeps it), so a restart of the kiosk
 * resumes the meeting where it was: the section, the time per section, the
 * marks and who was there. While it is open, idle reset waits until 30
 * minutes past its planned end. */
#include "dagstart.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "../core/agenda.h"
#include "../core/category.h"
#include "../core/deadline.h"
#include "../core/i18n.h"
#include "../core/textedit.h"
#include "../core/utf8.h"
#include "../store/store_actions.h"
#include "../store/store_dagstart.h"
#include "../store/store_ideas.h"
#include "../ui/list.h"
#include "../ui/textfield.h"
#include "../ui/widgets.h"
#include "ideas.h"
#include "learning_ui.h"

#define SAVE_EVERY_MS 5000

typedef enum panel_kind {
    PANEL_NONE, PANEL_ACTION, PANEL_FEEDBACK, PANEL_ANNOUNCE, PANEL_TOPIC, PANEL_NOTES, PANEL_CLOSE
} panel_kind;

static struct {
    bool loaded;
    vb_day day;
    agenda_input in;
    agenda ag;
    store_dagstart ds;
    agenda_timer timer;
    int64_t timer_for;   /* the daily start the timer runs for (0: none) */
    int64_t saved_ms;    /* monotonic ms of the last saved time */
    int64_t shown_s;     /* whole seconds shown, to redraw once a second */
    bool save_failed;
    int view;            /* the section on screen */
    ui_scroll scroll[AGENDA_SECTIONS];
    bool start_pending;  /* the lead was asked to sign in to start it */
    char error[300];     /* loading failed: shown instead of the agenda */

    panel_kind panel;
    char panel_key[AGENDA_KEY_SIZE]; /* the item the panel is about */
    text_edit te;
    int64_t owner_id;
    int due_preset, range_preset;
} st;

static const char *const section_names[AGENDA_SECTIONS] = {
    N_("Staffing"), N_("Announcements"), N_("Looking back"), N_("Looking ahead"), N_("Improvement actions"),
};
/* Shorter names for the tabs where a language needs them. */
static const char *const section_tabs[AGENDA_SECTIONS] = {
    N_("Staffing"), N_("Announcements"), N_("Looking back"), N_("Looking ahead"), N_("Improvements"),
};
static const char *const section_subtitles[AGENDA_SECTIONS] = {
    N_("Who is here today?"),
    N_("What everyone needs to know"),
    N_("Yesterday: what went well, what could be better"),
    N_("Today: goals and bottlenecks"),
    N_("Actions due and news about ideas"),
};

/* ---- shared helpers (dagstart.h) --------------------------------------------- */

const char *dagstart_mmss(ui_ctx *ui, int64_t ms)
{
    if (ms < 0)
        ms = -ms;
    int64_t s = ms / 1000;
    return ui_format(ui, "%lld:%02lld", (long long)(s / 60), (long long)(s % 60));
}

const char *dagstart_due_text(ui_ctx *ui, vb_day due, vb_day today)
{
    int late = agenda_overdue_days(due, today);
    if (late > 0)
        return ui_format(ui, "\xE2\x9A\xA0 %s",
                         ui_format(ui, i18n_plural("%d day overdue", "%d days overdue", (unsigned long)late), late));
    int until = agenda_days_until(due, today);
    if (until == 0)
        return _("Due today");
    if (until == 1)
        return _("Due tomorrow");
    return ui_format(ui, i18n_plural("Due in %d day", "Due in %d days", (unsigned long)until), until);
}

bool dagstart_preset(ui_ctx *ui, const char *id, ui_rect r, const char *title, const char *sub, bool selected)
{
    theme_metrics m = theme_metrics_for(ui);
    bool pressed = false;
    bool clicked = ui_target(ui, id, r, false, &pressed);
    ui_color fg = ui_chip_frame(ui, r, pressed, selected, 2);
    ui_rect in = ui_inset(r, m.pad / 2);
    const char *shown = selected ? ui_format(ui, "\xE2\x9C\x94 %s", title) : title;
    int line = m.text_body * 5 / 4;
    int y = in.y + (in.h - (sub && *sub ? 2 * line : line)) / 2;
    ui_label(ui, NULL, (ui_rect){ in.x, y, in.w, line }, shown, m.text_body, true, fg, UI_ALIGN_CENTER);
    if (sub && *sub)
        ui_label(ui, NULL, (ui_rect){ in.x, y + line, in.w, line }, sub, m.text_body, false, fg, UI_ALIGN_CENTER);
    ui_element_add(ui, id, UI_EL_CHIP, (pressed ? UI_STATE_PRESSED : 0) | (selected ? UI_STATE_SELECTED : 0),
                   sub && *sub ? ui_format(ui, "%s %s", title, sub) : title, r);
    return clicked;
}

static vb_day today_of(const app *a)
{
    return vb_local_from_unix(app_wall_s(a)).day;
}

static bool running(void)
{
    return st.loaded && st.ds.id && !st.ds.ended_at;
}

static bool lead_runs(const app *a)
{
    return running() && a->lead_id != 0;
}

/* ---- loading and saving ------------------------------------------------------- */

static void unload(void)
{
    agenda_free(&st.ag);
    agenda_input_free(&st.in);
    st.loaded = false;
}

/* (Re)reads the agenda of today. The stopwatch of a running meeting keeps
 * its time in memory; only a new (or resumed after a restart) meeting takes
 * the saved seconds. */
static void load(app *a)
{
    unload();
    st.error[0] = '\0';
    if (!a->db)
        return;
    vb_err err;
    vb_err_clear(&err);
    vb_day today = today_of(a);
    vb_code rc = store_agenda_load(a->db, today, app_wall_s(a), &st.in, &st.ds, &err);
    if (rc == VB_OK)
        rc = agenda_build(&st.in, &st.ag, &err);
    if (rc != VB_OK) {
        fprintf(stderr, "verbeterbord: daily start: %s\n", err.msg);
        utf8_copy(_("Today's agenda could not be read from the database."), st.error, sizeof st.error);
        agenda_input_free(&st.in);
        return;
    }
    st.day = today;
    st.loaded = true;
    if (running() && st.timer_for != st.ds.id) {
        agenda_timer_start(&st.timer, st.ds.elapsed_s, st.ds.section, app_now_ms(a));
        st.timer_for = st.ds.id;
        st.saved_ms = app_now_ms(a);
        st.view = st.ds.section;
    } else if (!running()) {
        st.timer_for = 0;
    }
    if (st.view < 0 || st.view >= AGENDA_SECTIONS)
        st.view = 0;
}

static void save_times(app *a)
{
    if (!running() || st.timer_for != st.ds.id)
        return;
    int secs[AGENDA_SECTIONS];
    int64_t now = app_now_ms(a);
    agenda_timer_seconds(&st.timer, now, secs);
    vb_err err;
    vb_err_clear(&err);
    st.saved_ms = now;
    if (store_dagstart_save_time(a->db, st.ds.id, st.timer.current, secs, &err) != VB_OK) {
        fprintf(stderr, "verbeterbord: daily start times: %s\n", err.msg);
        if (!st.save_failed)
            app_notice(a, NOTICE_ERROR, _("The time of the daily start could not be saved. It keeps running."), 8);
        st.save_failed = true;
    } else {
        st.save_failed = false;
    }
}

static void start_meeting(app *a)
{
    vb_err err;
    vb_err_clear(&err);
    store_dagstart ds;
    char day[11];
    vb_day_format(today_of(a), day);
    vb_code rc = store_dagstart_open(a->db, day, a->lead_id, app_entry_time(a), &ds, &err);
    if (rc != VB_OK) {
        fprintf(stderr, "verbeterbord: daily start: %s\n", err.msg);
        app_notice(a, NOTICE_ERROR, _("The daily start could NOT be started: the database refused it. Try again."), 8);
        return;
    }
    st.timer_for = 0; /* take the saved times (0 for a new one) */
    load(a);
    app_notice(a, NOTICE_OK, _("Daily start started. The clock runs."), 4);
}

static void go_section(app *a, int section)
{
    if (section < 0 || section >= AGENDA_SECTIONS || section == st.view)
        return;
    st.view = section;
    if (lead_runs(a)) {
        agenda_timer_switch(&st.timer, section, app_now_ms(a));
        save_times(a);
    }
    a->dirty = true;
}

/* ---- the screen hooks --------------------------------------------------------- */

static void dagstart_enter(app *a)
{
    st.panel = PANEL_NONE;
    load(a);
    if (st.start_pending) {
        /* only straight back from the sign-in it was asked for */
        st.start_pending = false;
        if (a->lead_id && a->previous_screen == &screen_lead && st.loaded && !running())
            start_meeting(a);
    }
}

static void dagstart_tick(app *a)
{
    if (!a->db)
        return;
    if (!st.loaded && !st.error[0]) {
        load(a);
        a->dirty = true;
    }
    if (!st.loaded)
        return;
    vb_day today = today_of(a);
    if (vb_day_diff(st.day, today) != 0 && !running()) {
        load(a); /* after midnight: the new day's agenda */
        a->dirty = true;
    }
    if (!running() || st.timer_for != st.ds.id)
        return;
    int64_t now = app_now_ms(a);
    int64_t ms[AGENDA_SECTIONS];
    agenda_timer_elapsed(&st.timer, now, ms);
    int64_t total = 0;
    for (int i = 0; i < AGENDA_SECTIONS; i++)
        total += ms[i];
    if (total / 1000 != st.shown_s) {
        st.shown_s = total / 1000;
        a->dirty = true;
    }
    if (now - st.saved_ms >= SAVE_EVERY_MS)
        save_times(a);
}

/* The next whole second of the meeting clock, so the countdown moves. */
static int64_t dagstart_deadline(const app *a)
{
    int64_t now = app_now_ms(a);
    if (!running() || st.timer_for != st.ds.id || a->screen != &screen_dagstart)
        return VB_NO_DEADLINE;
    int64_t ms[AGENDA_SECTIONS];
    agenda_timer_elapsed(&st.timer, now, ms);
    return now + 1000 - ms[st.timer.current] % 1000;
}

static bool dagstart_holds_idle(const app *a)
{
    return running() && agenda_holds_idle(st.ds.started_at, st.in.total_minutes, app_wall_s(a));
}

static bool dagstart_has_draft(const app *a)
{
    (void)a;
    return st.panel != PANEL_NONE && st.panel != PANEL_CLOSE && text_edit_has_content(&st.te);
}

static void dagstart_discard(app *a)
{
    (void)a;
    st.panel = PANEL_NONE;
    text_edit_clear(&st.te);
}

/* ---- items --------------------------------------------------------------------- */

static agenda_item *find_item(const char *key)
{
    for (int i = 0; i < st.ag.nitems; i++)
        if (strcmp(st.ag.items[i].key, key) == 0)
            return &st.ag.items[i];
    return NULL;
}

static void toggle_discussed(app *a, agenda_item *it)
{
    vb_err err;
    vb_err_clear(&err);
    bool want = !it->discussed;
    if (store_dagstart_mark(a->db, st.ds.id, it->key, want, &err) != VB_OK) {
        fprintf(stderr, "verbeterbord: daily start mark: %s\n", err.msg);
        app_notice(a, NOTICE_ERROR, _("The mark was NOT saved. Tap the item again."), 6);
        return;
    }
    it->discussed = want;
    if (want && !agenda_input_add_discussed(&st.in, it->key))
        fprintf(stderr, "verbeterbord: daily start: out of memory\n");
    agenda_recount(&st.ag);
}

static void toggle_presence(app *a, agenda_member *m)
{
    vb_err err;
    vb_err_clear(&err);
    bool want = m->presence != 1;
    if (store_dagstart_presence(a->db, st.ds.id, m->id, want, &err) != VB_OK) {
        fprintf(stderr, "verbeterbord: daily start presence: %s\n", err.msg);
        app_notice(a, NOTICE_ERROR, _("Presence was NOT saved. Tap the name again."), 6);
        return;
    }
    m->presence = want ? 1 : 0;
    agenda_recount(&st.ag);
}

/* The two lines an item shows: the main text and a line about it. */
static void item_lines(ui_ctx *ui, const agenda_item *it, const char **main, const char **meta)
{
    const agenda_input *in = &st.in;
    *main = "";
    *meta = "";
    switch (it->kind) {
    case AGENDA_MEMBER: *main = in->members[it->index].name; break;
    case AGENDA_ANNOUNCEMENT: {
        const agenda_announcement *n = &in->announcements[it->index];
        char to[11], from[11];
        vb_day_format(n->to, to);
        vb_day_format(n->from, from);
        *main = n->text;
        if (it->group == AGENDA_GROUP_COMING_UP)
            *meta = ui_format(ui, _("From %s"), learning_ui_day(ui, from));
        else if (vb_day_diff(n->to, in->today) == 0 && vb_day_diff(n->from, in->today) == 0)
            *meta = _("Today only");
        else if (vb_day_diff(n->to, in->today) == 0)
            *meta = _("Last day today");
        else
            *meta = ui_format(ui, _("Until %s"), learning_ui_day(ui, to));
        break;
    }
    case AGENDA_LEARNING_POINT: {
        const agenda_lp *p = &in->lps[it->index];
        char day[11];
        vb_day_format(p->day, day);
        if (p->what[0] && p->lesson[0])
            *main = ui_format(ui, "%s \xE2\x86\x92 %s", p->what, p->lesson);
        else
            *main = p->what[0] ? p->what : p->lesson;
        const char *cat = category_display_name(p->category, p->category_label);
        const char *m = ui_format(ui, "%s %s%s%s \xC2\xB7 %s", category_icon(p->category), cat, p->place[0] ? " \xC2\xB7 " : "",
                                  p->place, learning_ui_day(ui, day));
        if (p->metoo > 0)
            m = ui_format(ui, "%s \xC2\xB7 %s", m,
                          ui_format(ui, i18n_plural("%d colleague had this too", "%d colleagues had this too",
                                                    (unsigned long)p->metoo), p->metoo));
        if (p->actions > 0)
            m = ui_format(ui, "%s \xC2\xB7 %s", m, _("action made"));
        if (p->feedback[0])
            m = ui_format(ui, "%s \xC2\xB7 %s %s", m, _("Feedback:"), p->feedback);
        *meta = m;
        break;
    }
    case AGENDA_TOPIC:
        *main = in->topics[it->index].text;
        *meta = _("Item of the team lead");
        break;
    case AGENDA_IDEA_ADOPTED:
    case AGENDA_IDEA_CHANGED:
    case AGENDA_IDEA_NEW: {
        const agenda_idea *i = &in->ideas[it->index];
        *main = ui_format(ui, "\xE2\x98\x85 %s", i->title);
        if (it->kind == AGENDA_IDEA_NEW)
            *meta = ui_format(ui, "%s \xC2\xB7 %s", _("New idea"), idea_votes_text(ui, i->votes));
        else if (i->feedback[0])
            *meta = ui_format(ui, "%s: %s", idea_status_text(ui, i->status), i->feedback);
        else
            *meta = idea_status_text(ui, i->status);
        break;
    }
    case AGENDA_ACTION_DONE: {
        const agenda_action *x = &in->actions[it->index];
        *main = x->description;
        *meta = x->note[0] ? ui_format(ui, "\xE2\x9C\x94 %s \xC2\xB7 %s \xC2\xB7 %s", _("Done"), x->owner, x->note)
                           : ui_format(ui, "\xE2\x9C\x94 %s \xC2\xB7 %s", _("Done"), x->owner);
        break;
    }
    case AGENDA_ACTION_DUE: {
        const agenda_action *x = &in->actions[it->index];
        *main = x->description;
        *meta = ui_format(ui, "%s \xC2\xB7 %s", x->owner, dagstart_due_text(ui, x->due, in->today));
        break;
    }
    }
}

static const char *group_title(agenda_group g)
{
    switch (g) {
    case AGENDA_GROUP_LEAD: return _("From the team lead");
    case AGENDA_GROUP_CURRENT: return _("Announcements");
    case AGENDA_GROUP_WENT_WELL: return _("What went well");
    case AGENDA_GROUP_COULD_BE_BETTER: return _("What could be better");
    case AGENDA_GROUP_TODAY: return _("Goals and bottlenecks today");
    case AGENDA_GROUP_COMING_UP: return _("Coming up");
    case AGENDA_GROUP_DUE: return _("Actions due today or overdue");
    case AGENDA_GROUP_IDEAS: return _("Ideas: news and feedback");
    default: return "";
    }
}

/* A group heading that says the group is empty. */
static const char *empty_group(ui_ctx *ui, agenda_group g)
{
    const char *none = g == AGENDA_GROUP_WENT_WELL       ? _("nothing new")
                       : g == AGENDA_GROUP_COULD_BE_BETTER ? _("no learning points")
                                                           : _("nothing yet");
    return ui_format(ui, "%s: %s", group_title(g), none);
}

/* Which item kinds can become an action, and from what origin. */
static bool item_makes_action(const agenda_item *it)
{
    return it->kind == AGENDA_LEARNING_POINT || it->kind == AGENDA_TOPIC || it->kind == AGENDA_IDEA_CHANGED ||
           it->kind == AGENDA_IDEA_NEW;
}

/* ---- panels --------------------------------------------------------------------- */

static void open_panel(app *a, panel_kind kind, const agenda_item *it)
{
    st.panel = kind;
    st.panel_key[0] = '\0';
    if (it)
        utf8_copy(it->key, st.panel_key, sizeof st.panel_key);
    st.owner_id = 0;
    st.due_preset = DUE_NEXT_WEEK;
    st.range_preset = RANGE_WEEK_END;
    switch (kind) {
    case PANEL_ACTION:
        text_edit_init(&st.te, ACTION_TEXT_MAX, false);
        if (it && it->kind == AGENDA_LEARNING_POINT) {
            const agenda_lp *p = &st.in.lps[it->index];
            text_edit_set(&st.te, p->lesson[0] ? p->lesson : p->what);
        } else if (it && it->kind == AGENDA_TOPIC) {
            text_edit_set(&st.te, st.in.topics[it->index].text);
        } else if (it && (it->kind == AGENDA_IDEA_CHANGED || it->kind == AGENDA_IDEA_NEW)) {
            text_edit_set(&st.te, st.in.ideas[it->index].title);
        }
        break;
    case PANEL_FEEDBACK:
        text_edit_init(&st.te, LP_FEEDBACK_MAX_CHARS, true);
        if (it && it->kind == AGENDA_LEARNING_POINT)
            text_edit_set(&st.te, st.in.lps[it->index].feedback);
        break;
    case PANEL_ANNOUNCE: text_edit_init(&st.te, ANNOUNCEMENT_TEXT_MAX, true); break;
    case PANEL_TOPIC: text_edit_init(&st.te, TOPIC_TEXT_MAX, true); break;
    case PANEL_NOTES:
        text_edit_init(&st.te, DAGSTART_NOTES_MAX, true);
        text_edit_set(&st.te, st.ds.notes);
        break;
    default: break;
    }
    a->dirty = true;
}

static void close_panel(app *a)
{
    st.panel = PANEL_NONE;
    text_edit_clear(&st.te);
    a->dirty = true;
}

static void panel_title(ui_ctx *ui, ui_rect *body, const char *title, const char *context)
{
    theme_metrics m = theme_metrics_for(ui);
    ui_label(ui, "dagstart.panel.title", ui_cut_top(body, m.text_large * 3 / 2), title, m.text_large, true, THEME_TEXT,
             UI_ALIGN_LEFT);
    if (context && *context)
        ui_label(ui, "dagstart.panel.context", ui_cut_top(body, m.text_body * 3 / 2), context, m.text_body, false,
                 THEME_TEXT, UI_ALIGN_LEFT);
    ui_cut_top(body, m.gap / 2);
}

static void field_label(ui_ctx *ui, ui_rect *body, const char *text)
{
    theme_metrics m = theme_metrics_for(ui);
    ui_label(ui, NULL, ui_cut_top(body, m.text_body * 3 / 2), text, m.text_body, true, THEME_TEXT, UI_ALIGN_LEFT);
}

/* The text field of a panel: tapping it opens the full-screen editor. */
static void panel_field(app *a, ui_ctx *ui, ui_rect *body, const char *label, int h)
{
    field_label(ui, body, label);
    ui_rect r = ui_cut_top(body, h);
    if (ui_text_field(ui, "dagstart.panel.text", r, NULL, &st.te, _("Tap to type"), false))
        app_edit_open(a, &st.te, "dagstart.panel.text", label, NULL, NULL);
    ui_cut_top(body, theme_metrics_for(ui).gap);
}

/* Cancel and save at the bottom; returns true when save was tapped. */
static bool panel_buttons(app *a, ui_ctx *ui, ui_rect *body, const char *save_label, bool can_save)
{
    theme_metrics m = theme_metrics_for(ui);
    ui_rect row = ui_cut_bottom(body, m.main_target);
    ui_rect cancel = ui_cut_left(&row, row.w / 3);
    ui_cut_left(&row, m.gap);
    if (ui_button(ui, "dagstart.panel.cancel", cancel, _("Cancel"), STYLE_SECONDARY, false)) {
        close_panel(a);
        return false;
    }
    return ui_button(ui, "dagstart.panel.save", row, save_label, STYLE_PRIMARY, !can_save);
}

static void saved_or_not(app *a, vb_code rc, const vb_err *err, const char *ok_text)
{
    if (rc == VB_OK) {
        app_notice(a, NOTICE_OK, ok_text, 4);
        close_panel(a);
        load(a);
        return;
    }
    fprintf(stderr, "verbeterbord: daily start: %s\n", err->msg);
    app_notice(a, NOTICE_ERROR,
               rc == VB_ERR_INVALID || rc == VB_ERR_CONSTRAINT
                   ? _("NOT saved: the text is empty or too long. Change it and save again.")
                   : _("NOT saved: the database refused it. Your text is still here; try again."),
               8);
}

static void draw_action_panel(app *a, ui_ctx *ui, ui_rect body)
{
    theme_metrics m = theme_metrics_for(ui);
    agenda_item *it = find_item(st.panel_key);
    const char *context = "";
    if (it) {
        const char *meta;
        item_lines(ui, it, &context, &meta);
    }
    panel_title(ui, &body, _("Make an action"), context);
    bool save = panel_buttons(a, ui, &body, _("\xE2\x9C\x94 Save the action"),
                              st.owner_id != 0 && text_edit_has_content(&st.te));
    ui_cut_bottom(&body, m.gap);

    /* the field and the due days first (fixed), the owners get the rest */
    int field_h = m.target + m.pad;
    ui_rect field_area = ui_cut_bottom(&body, m.text_body * 3 / 2 + field_h + m.gap);
    panel_field(a, ui, &field_area, _("What will be done?"), field_h);
    ui_rect due_area = ui_cut_bottom(&body, m.text_body * 3 / 2 + m.target + m.gap);
    field_label(ui, &due_area, _("Done by when?"));
    ui_rect due_row = ui_cut_top(&due_area, m.target);
    static const char *const due_names[DUE_PRESETS] = { N_("Today"), N_("Tomorrow"), N_("Next week"),
                                                        N_("In two weeks") };
    for (int p = 0; p < DUE_PRESETS; p++) {
        vb_day d = agenda_due_day(&st.in.cal, st.in.today, (agenda_due_preset)p);
        char day[11];
        vb_day_format(d, day);
        if (dagstart_preset(ui, ui_format(ui, "dagstart.panel.due.%d", p), ui_grid_cell(due_row, DUE_PRESETS, 1, m.gap, p),
                            _(due_names[p]), learning_ui_day(ui, day), st.due_preset == p))
            st.due_preset = p;
    }

    field_label(ui, &body, _("Who picks it up?"));
    int n = st.in.nmembers;
    int rows_fit = (body.h + m.gap / 2) / (m.target + m.gap / 2);
    if (rows_fit < 1)
        rows_fit = 1;
    int cols = 5;
    while ((n + cols - 1) / cols > rows_fit && cols < 8)
        cols++;
    int rows = (n + cols - 1) / cols;
    if (rows < rows_fit)
        rows_fit = rows;
    ui_rect grid = ui_cut_top(&body, rows_fit * m.target + (rows_fit - 1) * (m.gap / 2));
    for (int i = 0; i < n && i < cols * rows_fit; i++) {
        const agenda_member *mem = &st.in.members[i];
        if (ui_chip(ui, ui_format(ui, "dagstart.panel.owner.%" PRId64, mem->id),
                    ui_grid_cell(grid, cols, rows_fit, m.gap / 2, i), NULL, mem->name, st.owner_id == mem->id))
            st.owner_id = mem->id;
    }

    if (save && it) {
        char due[11];
        vb_day_format(agenda_due_day(&st.in.cal, st.in.today, (agenda_due_preset)st.due_preset), due);
        char text[ACTION_TEXT_MAX * 4 + 1];
        text_edit_trimmed(&st.te, text, sizeof text);
        store_action_new n_act = { text, st.owner_id, due, ACTION_FROM_DAGSTART, NULL, 0 };
        if (it->kind == AGENDA_LEARNING_POINT) {
            n_act.origin = ACTION_FROM_LEARNING_POINT;
            n_act.learning_point_id = st.in.lps[it->index].id;
        } else if (it->kind == AGENDA_IDEA_CHANGED || it->kind == AGENDA_IDEA_NEW) {
            n_act.origin = ACTION_FROM_IDEA;
            n_act.idea_id = st.in.ideas[it->index].id;
        }
        vb_err err;
        vb_err_clear(&err);
        int64_t id = 0;
        vb_code rc = store_action_add(a->db, &n_act, a->lead_id, app_entry_time(a), &id, &err);
        saved_or_not(a, rc, &err, _("Action saved."));
    }
}

static void draw_feedback_panel(app *a, ui_ctx *ui, ui_rect body)
{
    theme_metrics m = theme_metrics_for(ui);
    agenda_item *it = find_item(st.panel_key);
    const char *context = "", *meta = "";
    if (it)
        item_lines(ui, it, &context, &meta);
    panel_title(ui, &body, _("Feedback on this learning point"), NULL);
    bool save = panel_buttons(a, ui, &body, _("\xE2\x9C\x94 Save the feedback"), true);
    ui_cut_bottom(&body, m.gap);
    int h = ui_paragraph(ui, "dagstart.panel.context", body, context, m.text_large, false, THEME_TEXT, UI_ALIGN_LEFT);
    ui_cut_top(&body, h + m.gap);
    h = ui_paragraph(ui, "dagstart.panel.hint", body,
                     _("Whoever reported it reads this with their receipt code. Say what was done or decided."),
                     m.text_body, false, THEME_TEXT, UI_ALIGN_LEFT);
    ui_cut_top(&body, h + m.gap);
    panel_field(a, ui, &body, _("Feedback"), body.h - m.text_body * 3 / 2 - m.gap > m.target * 2
                                                ? m.target * 2
                                                : body.h - m.text_body * 3 / 2 - m.gap);
    if (save && it && it->kind == AGENDA_LEARNING_POINT) {
        char text[LP_FEEDBACK_SIZE];
        text_edit_trimmed(&st.te, text, sizeof text);
        vb_err err;
        vb_err_clear(&err);
        vb_code rc = store_dagstart_lp_feedback(a->db, a->lead_id, st.in.lps[it->index].id, text, app_entry_time(a),
                                                &err);
        saved_or_not(a, rc, &err, text[0] ? _("Feedback saved.") : _("Feedback removed."));
    }
}

static void draw_announce_panel(app *a, ui_ctx *ui, ui_rect body)
{
    theme_metrics m = theme_metrics_for(ui);
    panel_title(ui, &body, _("New announcement"), NULL);
    bool save = panel_buttons(a, ui, &body, _("\xE2\x9C\x94 Save the announcement"), text_edit_has_content(&st.te));
    ui_cut_bottom(&body, m.gap);
    field_label(ui, &body, _("Show it until when?"));
    ui_rect row = ui_cut_top(&body, m.target);
    ui_cut_top(&body, m.gap);
    static const char *const names[RANGE_PRESETS] = { N_("Today only"), N_("This week"), N_("One week"),
                                                      N_("Two weeks") };
    for (int p = 0; p < RANGE_PRESETS; p++) {
        vb_day from, to;
        agenda_range(&st.in.cal, st.in.today, (agenda_range_preset)p, &from, &to);
        char day[11];
        vb_day_format(to, day);
        if (dagstart_preset(ui, ui_format(ui, "dagstart.panel.range.%d", p), ui_grid_cell(row, RANGE_PRESETS, 1, m.gap, p),
                            _(names[p]), ui_format(ui, _("until %s"), learning_ui_day(ui, day)), st.range_preset == p))
            st.range_preset = p;
    }
    int h = body.h - m.text_body * 3 / 2 - m.gap;
    panel_field(a, ui, &body, _("The announcement"), h > m.target * 3 ? m.target * 3 : h);
    if (save) {
        vb_day from, to;
        agenda_range(&st.in.cal, st.in.today, (agenda_range_preset)st.range_preset, &from, &to);
        char f[11], t[11], text[ANNOUNCEMENT_TEXT_MAX * 4 + 1];
        vb_day_format(from, f);
        vb_day_format(to, t);
        text_edit_trimmed(&st.te, text, sizeof text);
        vb_err err;
        vb_err_clear(&err);
        vb_code rc = store_announcement_add(a->db, a->lead_id, text, f, t, app_entry_time(a), NULL, &err);
        saved_or_not(a, rc, &err, _("Announcement saved."));
    }
}

static void draw_topic_panel(app *a, ui_ctx *ui, ui_rect body)
{
    theme_metrics m = theme_metrics_for(ui);
    panel_title(ui, &body, ui_format(ui, _("Own item under \"%s\""), _(section_names[st.view])),
                st.view == AGENDA_LOOK_AHEAD ? _("A goal or a bottleneck for today") : NULL);
    bool save = panel_buttons(a, ui, &body, _("\xE2\x9C\x94 Add to the agenda"), text_edit_has_content(&st.te));
    ui_cut_bottom(&body, m.gap);
    int h = body.h - m.text_body * 3 / 2 - m.gap;
    panel_field(a, ui, &body, _("The item"), h > m.target * 3 ? m.target * 3 : h);
    if (save) {
        char day[11], text[TOPIC_TEXT_MAX * 4 + 1];
        vb_day_format(st.in.today, day);
        text_edit_trimmed(&st.te, text, sizeof text);
        vb_err err;
        vb_err_clear(&err);
        vb_code rc = store_dagstart_topic_add(a->db, a->lead_id, day, st.view, text, app_entry_time(a), NULL, &err);
        saved_or_not(a, rc, &err, _("Added to the agenda."));
    }
}

static void draw_notes_panel(app *a, ui_ctx *ui, ui_rect body)
{
    theme_metrics m = theme_metrics_for(ui);
    panel_title(ui, &body, _("Notes of this daily start"), _("Kept with the record of today's daily start."));
    bool save = panel_buttons(a, ui, &body, _("\xE2\x9C\x94 Save the notes"), true);
    ui_cut_bottom(&body, m.gap);
    int h = body.h - m.text_body * 3 / 2 - m.gap;
    panel_field(a, ui, &body, _("Notes"), h > m.target * 4 ? m.target * 4 : h);
    if (save) {
        char text[DAGSTART_NOTES_MAX * 4 + 1];
        text_edit_trimmed(&st.te, text, sizeof text);
        vb_err err;
        vb_err_clear(&err);
        vb_code rc = store_dagstart_set_notes(a->db, st.ds.id, text, &err);
        saved_or_not(a, rc, &err, _("Notes saved."));
    }
}

static int discussed_total(void)
{
    int n = 0;
    for (int s = 0; s < AGENDA_SECTIONS; s++)
        n += st.ag.discussed[s];
    return n;
}

static int discussable_total(void)
{
    int n = 0;
    for (int s = 0; s < AGENDA_SECTIONS; s++)
        n += st.ag.discussable[s];
    return n;
}

static void draw_close_panel(app *a, ui_ctx *ui, ui_rect body)
{
    theme_metrics m = theme_metrics_for(ui);
    int64_t ms[AGENDA_SECTIONS];
    agenda_timer_elapsed(&st.timer, app_now_ms(a), ms);
    int64_t total = 0;
    for (int i = 0; i < AGENDA_SECTIONS; i++)
        total += ms[i];
    panel_title(ui, &body, _("Close the daily start?"), _("This records that it was held: the date, how long, who was there and what was discussed."));
    bool save = panel_buttons(a, ui, &body, _("\xE2\x9C\x94 Close and save"), true);
    ui_cut_bottom(&body, m.gap);
    int planned = st.in.total_minutes;
    const char *lines[3] = {
        ui_format(ui, _("Duration: %s (planned %d:00)"), dagstart_mmss(ui, total), planned),
        ui_format(ui, _("Present: %d \xC2\xB7 absent: %d"), st.ag.present + st.ag.unrecorded, st.ag.absent),
        ui_format(ui, _("Discussed: %d of %d items"), discussed_total(), discussable_total()),
    };
    for (int i = 0; i < 3; i++) {
        ui_label(ui, ui_format(ui, "dagstart.panel.summary.%d", i), ui_cut_top(&body, m.text_large * 3 / 2), lines[i],
                 m.text_large, true, THEME_TEXT, UI_ALIGN_LEFT);
        ui_cut_top(&body, m.gap / 2);
    }
    /* who was away, by name, so the record can be checked at a glance */
    const char *away = "";
    for (int i = 0; i < st.in.nmembers; i++)
        if (st.in.members[i].presence == 0)
            away = *away ? ui_format(ui, "%s, %s", away, st.in.members[i].name) : st.in.members[i].name;
    if (*away) {
        int h = ui_paragraph(ui, "dagstart.panel.absent", body, ui_format(ui, _("Absent: %s"), away), m.text_large,
                             false, THEME_TEXT, UI_ALIGN_LEFT);
        ui_cut_top(&body, h + m.gap / 2);
    }
    if (st.ds.notes[0])
        ui_paragraph(ui, "dagstart.panel.notes", body, ui_format(ui, _("Notes: %s"), st.ds.notes), m.text_body, false,
                     THEME_TEXT, UI_ALIGN_LEFT);
    if (save) {
        int secs[AGENDA_SECTIONS];
        int64_t now = app_now_ms(a);
        agenda_timer_seconds(&st.timer, now, secs);
        vb_err err;
        vb_err_clear(&err);
        vb_code rc = store_dagstart_close(a->db, st.ds.id, a->lead_id, app_entry_time(a), secs, &err);
        if (rc == VB_OK) {
            agenda_timer_stop(&st.timer, now);
            st.timer_for = 0;
            st.panel = PANEL_NONE;
            load(a);
            app_notice(a, NOTICE_OK, _("Daily start closed and saved. The next one picks up from here."), 6);
        } else {
            fprintf(stderr, "verbeterbord: daily start close: %s\n", err.msg);
            app_notice(a, NOTICE_ERROR, _("The daily start was NOT closed: the database refused it. Try again."), 8);
        }
    }
}

/* ---- the parts of the screen ------------------------------------------------------ */

static void draw_tabs(app *a, ui_ctx *ui, ui_rect r, const agenda_countdown *c)
{
    theme_metrics m = theme_metrics_for(ui);
    const char *labels[AGENDA_SECTIONS];
    int px = m.text_large;
    for (int s = 0; s < AGENDA_SECTIONS; s++) {
        bool over = c && c->section_over[s];
        bool done = st.ag.discussable[s] > 0 && st.ag.discussed[s] == st.ag.discussable[s];
        labels[s] = ui_format(ui, "%s%d %s%s", over ? "\xE2\x9A\xA0 " : "", s + 1, _(section_tabs[s]),
                              done ? " \xE2\x9C\x94" : "");
        /* one size for all tabs: the largest at which every label fits */
        if (ui_text_width(ui, labels[s], px, true) > ui_grid_cell(r, AGENDA_SECTIONS, 1, m.gap / 2, s).w - m.pad)
            px = m.text_body;
    }
    for (int s = 0; s < AGENDA_SECTIONS; s++) {
        ui_rect t = ui_grid_cell(r, AGENDA_SECTIONS, 1, m.gap / 2, s);
        const char *id = ui_format(ui, "dagstart.tab.%d", s + 1);
        bool pressed = false;
        bool clicked = ui_target(ui, id, t, false, &pressed);
        bool current = s == st.view;
        const char *label = labels[s];
        ui_color bg = current ? THEME_BAR : THEME_SURFACE, fg = current ? THEME_ON_DARK : THEME_TEXT;
        if (pressed) {
            bg = THEME_PRIMARY;
            fg = THEME_ON_DARK;
        }
        ui_draw_rect(ui, t, bg, m.radius);
        ui_draw_border(ui, t, THEME_BORDER, current ? m.border * 2 : m.border, m.radius);
        ui_label(ui, NULL, ui_inset(t, m.pad / 2), label, px, true, fg, UI_ALIGN_CENTER);
        ui_element_add(ui, id, UI_EL_BUTTON, (pressed ? UI_STATE_PRESSED : 0) | (current ? UI_STATE_SELECTED : 0),
                       label, t);
        if (clicked)
            go_section(a, s);
    }
}

/* One countdown: what it counts, the time in words ("2:30 left", "1:20
 * over") and a bar; dark red with a warning sign when it runs over. */
static void draw_countdown(ui_ctx *ui, const char *id, ui_rect r, const char *what, int64_t left_ms, int permille,
                           bool over, bool closed)
{
    theme_metrics m = theme_metrics_for(ui);
    ui_color bg = over ? THEME_DANGER : THEME_SURFACE, fg = over ? THEME_ON_DARK : THEME_TEXT;
    ui_draw_rect(ui, r, bg, m.radius);
    ui_draw_border(ui, r, THEME_BORDER, m.border, m.radius);
    ui_rect in = ui_inset(r, m.pad / 2);
    ui_rect bar = ui_cut_bottom(&in, m.pad > 6 ? m.pad / 2 + 3 : 6);
    ui_rect top = ui_cut_top(&in, m.text_small * 5 / 4);
    const char *time = dagstart_mmss(ui, left_ms);
    const char *text = over     ? ui_format(ui, "\xE2\x9A\xA0 %s", ui_format(ui, _("%s over"), time))
                       : closed ? ui_format(ui, _("%s to spare"), time)
                                : ui_format(ui, _("%s left"), time);
    ui_label(ui, NULL, top, what, m.text_small, false, fg, UI_ALIGN_LEFT);
    int px = m.text_title;
    if (ui_text_width(ui, text, px, true) > in.w || px * 5 / 4 > in.h)
        px = m.text_large;
    ui_label(ui, id, in, text, px, true, fg, UI_ALIGN_LEFT);
    ui_draw_rect(ui, bar, over ? THEME_ON_DARK : (ui_color){ 0xD6, 0xD4, 0xCE, 0xFF }, bar.h / 2);
    if (!over && permille > 0) {
        ui_rect fill = bar;
        fill.w = (int)((int64_t)bar.w * permille / 1000);
        ui_draw_rect(ui, fill, permille >= 800 ? THEME_TEXT : THEME_PRIMARY, bar.h / 2);
    }
}

static void draw_status(app *a, ui_ctx *ui, ui_rect r)
{
    theme_metrics m = theme_metrics_for(ui);
    ui_rect clocks = ui_cut_right(&r, r.w * 56 / 100);
    ui_rect title = r;
    ui_label(ui, "dagstart.title", ui_cut_top(&title, title.h * 3 / 5),
             ui_format(ui, "%d \xC2\xB7 %s", st.view + 1, _(section_names[st.view])), m.text_title, true, THEME_TEXT,
             UI_ALIGN_LEFT);
    const char *sub;
    if (st.view == AGENDA_STAFFING && !st.ds.id)
        sub = ui_format(ui, i18n_plural("%d on the roster", "%d on the roster", (unsigned long)st.in.nmembers),
                        st.in.nmembers);
    else if (st.view == AGENDA_STAFFING)
        sub = ui_format(ui, _("%d present \xC2\xB7 %d absent"), st.ag.present + st.ag.unrecorded, st.ag.absent);
    else if (st.ag.discussable[st.view] > 0)
        sub = ui_format(ui, _("%d of %d discussed"), st.ag.discussed[st.view], st.ag.discussable[st.view]);
    else
        sub = _(section_subtitles[st.view]);
    ui_label(ui, "dagstart.progress", title, sub, m.text_large, false, THEME_TEXT, UI_ALIGN_LEFT);

    int64_t ms[AGENDA_SECTIONS] = { 0 };
    if (running() && st.timer_for == st.ds.id)
        agenda_timer_elapsed(&st.timer, app_now_ms(a), ms);
    else if (st.ds.id)
        for (int i = 0; i < AGENDA_SECTIONS; i++)
            ms[i] = (int64_t)st.ds.elapsed_s[i] * 1000;
    agenda_countdown c;
    agenda_countdown_of(st.ag.budget_s, ms, &c);
    ui_rect sec = ui_cut_left(&clocks, (clocks.w - m.gap / 2) / 2);
    ui_cut_left(&clocks, m.gap / 2);
    int s = st.view;
    draw_countdown(ui, "dagstart.timer.section", sec, _("This part"),
                   c.section_left_ms[s], c.section_permille[s], c.section_over[s], st.ds.id && !running());
    draw_countdown(ui, "dagstart.timer.total", clocks,
                   ui_format(ui, _("Whole daily start (%d min)"), st.in.total_minutes), c.total_left_ms,
                   c.total_permille, c.total_over, st.ds.id && !running());
}

typedef enum entry_kind { ENTRY_ITEM, ENTRY_HEADING, ENTRY_INFO, ENTRY_WARN } entry_kind;

/* A group heading (a dark block in front), an info line, or a warning
 * (with its sign, on the warning colour) inside the list. */
static void list_heading(ui_ctx *ui, ui_rect r, const char *text, entry_kind kind)
{
    theme_metrics m = theme_metrics_for(ui);
    if (kind == ENTRY_WARN) {
        ui_draw_rect(ui, r, THEME_WARN_BG, m.radius);
        r = ui_inset(r, m.pad / 2);
    } else if (kind == ENTRY_HEADING) {
        ui_rect block = ui_cut_left(&r, m.pad);
        block.y += r.h / 4;
        block.h = r.h / 2;
        ui_draw_rect(ui, block, THEME_BAR, 0);
        ui_cut_left(&r, m.pad);
    }
    ui_label(ui, NULL, r, text, m.text_large, kind != ENTRY_INFO, THEME_TEXT, UI_ALIGN_LEFT);
}

static void draw_item(app *a, ui_ctx *ui, ui_rect r, agenda_item *it)
{
    theme_metrics m = theme_metrics_for(ui);
    bool active = lead_runs(a);
    ui_rect buttons = { 0, 0, 0, 0 };
    bool has_buttons = active && (item_makes_action(it) || it->kind == AGENDA_LEARNING_POINT);
    ui_rect row = r;
    if (has_buttons) {
        buttons = ui_cut_right(&row, m.main_target * 3);
        ui_cut_right(&row, m.gap / 2);
    }
    const char *id = ui_format(ui, "dagstart.item.%s", it->key);
    bool pressed = false;
    bool clicked = active && ui_target(ui, id, row, false, &pressed);
    ui_color bg = it->discussed ? (ui_color){ 0xE4, 0xF1, 0xE7, 0xFF } : THEME_SURFACE, fg = THEME_TEXT;
    if (pressed) {
        bg = THEME_BAR;
        fg = THEME_ON_DARK;
    }
    bool overdue = it->kind == AGENDA_ACTION_DUE && it->overdue_days > 0;
    ui_draw_rect(ui, row, bg, m.radius);
    ui_draw_border(ui, row, overdue ? THEME_DANGER : THEME_BORDER, overdue ? m.border * 3 : m.border, m.radius);
    ui_rect in = ui_inset(row, m.pad / 2);
    /* the mark: a check and the word, or an empty circle and the word */
    const char *glyph = it->discussed ? "\xE2\x9C\x94" : "\xE2\x97\x8B";
    const char *word = it->discussed ? _("discussed") : _("to discuss");
    int mark_w = ui_text_width(ui, _("to discuss"), m.text_body, true);
    int w2 = ui_text_width(ui, _("discussed"), m.text_body, true);
    mark_w = (w2 > mark_w ? w2 : mark_w) + m.pad;
    ui_rect mark = ui_cut_left(&in, mark_w > m.target ? mark_w : m.target);
    ui_rect glyph_r = ui_cut_top(&mark, mark.h - m.text_body * 3 / 2);
    ui_label(ui, NULL, glyph_r, glyph, m.text_title, true, it->discussed && !pressed ? THEME_OK : fg, UI_ALIGN_CENTER);
    ui_label(ui, ui_format(ui, "dagstart.item.%s.state", it->key), mark, word, m.text_body, true, fg, UI_ALIGN_CENTER);
    ui_cut_left(&in, m.gap / 2);
    const char *main, *meta;
    item_lines(ui, it, &main, &meta);
    int line = m.text_large * 5 / 4;
    ui_rect meta_r = ui_cut_bottom(&in, line);
    ui_paragraph(ui, NULL, in, main, m.text_large, true, fg, UI_ALIGN_LEFT);
    ui_label(ui, NULL, meta_r, meta, m.text_large, overdue, overdue && !pressed ? THEME_DANGER : fg, UI_ALIGN_LEFT);
    ui_element_add(ui, id, UI_EL_TOGGLE, (pressed ? UI_STATE_PRESSED : 0) | (it->discussed ? UI_STATE_SELECTED : 0),
                   main, row);
    if (clicked)
        toggle_discussed(a, it);

    if (has_buttons) {
        bool two = it->kind == AGENDA_LEARNING_POINT;
        ui_rect b1 = buttons, b2 = buttons;
        if (two) {
            b1.h = (buttons.h - m.gap / 2) / 2;
            b2.y = b1.y + b1.h + m.gap / 2;
            b2.h = buttons.h - b1.h - m.gap / 2;
        }
        if (ui_button(ui, ui_format(ui, "dagstart.action.%s", it->key), b1, _("\xE2\x9E\x9C Make an action"),
                      STYLE_SECONDARY, false))
            open_panel(a, PANEL_ACTION, it);
        if (two && ui_button(ui, ui_format(ui, "dagstart.feedback.%s", it->key), b2, _("\xE2\x9C\x8E Add feedback"),
                             STYLE_SECONDARY, false))
            open_panel(a, PANEL_FEEDBACK, it);
    }
}

static void draw_staffing(app *a, ui_ctx *ui, ui_rect r)
{
    theme_metrics m = theme_metrics_for(ui);
    int n = st.in.nmembers;
    if (!st.ag.working_day) {
        list_heading(ui, ui_cut_top(&r, m.text_large * 2), _("Today is not a working day in the settings."), true);
        ui_cut_top(&r, m.gap / 2);
    }
    if (n == 0) {
        ui_paragraph(ui, "dagstart.empty", r, _("The roster is empty. The team lead adds members under Team."),
                     m.text_large, false, THEME_TEXT, UI_ALIGN_LEFT);
        return;
    }
    int cell_h = m.text_large * 5 / 4 + m.text_body * 5 / 4 + m.pad;
    if (cell_h < m.target)
        cell_h = m.target;
    /* as few columns as let the whole roster fit (wide names), at most 5 */
    int cols = 3;
    while (cols < 5 && ((n + cols - 1) / cols) * (cell_h + m.gap / 2) - m.gap / 2 > r.h)
        cols++;
    int rows = (n + cols - 1) / cols;
    st.scroll[AGENDA_STAFFING].content_h = rows * (cell_h + m.gap / 2) - m.gap / 2;
    ui_rect pages = ui_cut_right(&r, m.target);
    ui_cut_right(&r, m.gap / 2);
    ui_scroll_page_buttons(ui, "dagstart.list", pages, &st.scroll[AGENDA_STAFFING], r.h);
    ui_scroll_begin(ui, "dagstart.list", r, &st.scroll[AGENDA_STAFFING]);
    int from = ui->element_count;
    bool active = lead_runs(a);
    int cw = (r.w - (cols - 1) * (m.gap / 2)) / cols;
    /* one size for all names: the large one if every name fits a tile */
    int name_px = m.text_large;
    for (int i = 0; i < n && name_px == m.text_large; i++)
        if (ui_text_width(ui, st.in.members[i].name, m.text_large, true) > cw - m.pad * 2)
            name_px = m.text_body;
    for (int i = 0; i < n; i++) {
        ui_rect c = { r.x + (i % cols) * (cw + m.gap / 2), r.y - st.scroll[AGENDA_STAFFING].offset +
                      (i / cols) * (cell_h + m.gap / 2), cw, cell_h };
        if (c.y + c.h < r.y || c.y > r.y + r.h)
            continue;
        agenda_member *mem = &st.in.members[i];
        const char *id = ui_format(ui, "dagstart.presence.%" PRId64, mem->id);
        bool pressed = false;
        bool clicked = active && ui_target(ui, id, c, false, &pressed);
        bool present = mem->presence != 0;
        ui_color bg = present ? THEME_SURFACE : (ui_color){ 0xD6, 0xD4, 0xCE, 0xFF }, fg = THEME_TEXT;
        if (pressed) {
            bg = THEME_BAR;
            fg = THEME_ON_DARK;
        }
        ui_draw_rect(ui, c, bg, m.radius);
        ui_draw_border(ui, c, THEME_BORDER, present ? m.border * 2 : m.border, m.radius);
        ui_rect in = ui_inset(c, m.pad / 2);
        in.x += m.pad / 2; /* clear of the thick border */
        in.w -= m.pad;
        /* before the start nobody is recorded yet: names only */
        const char *state = !st.ds.id             ? ""
                            : mem->presence == 1 ? _("\xE2\x9C\x94 present")
                            : mem->presence == 0 ? _("\xE2\x9C\x98 absent")
                                                 : _("not recorded yet");
        ui_label(ui, NULL, *state ? ui_cut_top(&in, m.text_large * 5 / 4) : in, mem->name, name_px, true, fg,
                 UI_ALIGN_LEFT);
        if (*state)
            ui_label(ui, NULL, in, state, m.text_body, true, fg, UI_ALIGN_LEFT);
        ui_element_add(ui, id, UI_EL_TOGGLE, (pressed ? UI_STATE_PRESSED : 0) | (mem->presence == 1 ? UI_STATE_SELECTED : 0),
                       *state ? ui_format(ui, "%s: %s", mem->name, state) : mem->name, c);
        if (clicked)
            toggle_presence(a, mem);
    }
    ideas_prune_elements(ui, from, r); /* half-shown tiles are not in the automation view */
    ui_scroll_end(ui, &st.scroll[AGENDA_STAFFING]);
}

typedef struct list_entry {
    int item;        /* index into st.ag.items, or -1 for a heading */
    const char *text;/* heading text */
    entry_kind kind;
} list_entry;

#define MAX_ENTRIES 512

static void draw_section_list(app *a, ui_ctx *ui, ui_rect r)
{
    theme_metrics m = theme_metrics_for(ui);
    int s = st.view;
    static list_entry entries[MAX_ENTRIES];
    int n = 0;
    const agenda_period *p = &st.ag.period;
    if (s == AGENDA_LOOK_BACK) {
        char last[11];
        vb_day_format(p->last.day, last);
        const char *since = p->first ? _("This is the first daily start: the last two weeks")
                                     : ui_format(ui, _("Since the last daily start on %s"), learning_ui_day(ui, last));
        /* on an ordinary day "since yesterday" goes without saying */
        if (p->first || p->missed > 0 || vb_day_diff(p->last.day, p->look_back_day) != 0)
            entries[n++] = (list_entry){ -1, since, ENTRY_INFO };
        if (!p->first && p->missed > 0)
            entries[n++] = (list_entry){ -1,
                                         ui_format(ui, i18n_plural("\xE2\x9A\xA0 %d daily start was missed: its learning points are here too",
                                                                   "\xE2\x9A\xA0 %d daily starts were missed: their learning points are here too",
                                                                   (unsigned long)p->missed),
                                                   p->missed),
                                         ENTRY_WARN };
    }
    if (s == AGENDA_LOOK_AHEAD && (st.ag.count[s] == 0 || st.ag.items[st.ag.first[s]].group != AGENDA_GROUP_TODAY)) {
        entries[n++] = (list_entry){ -1, empty_group(ui, AGENDA_GROUP_TODAY), ENTRY_HEADING };
    }
    /* groups with a heading; look back always shows both of its groups */
    int last_group = -1;
    bool went_well = false, could_be_better = false;
    for (int k = 0; k < st.ag.count[s] && n < MAX_ENTRIES - 4; k++) {
        int idx = st.ag.first[s] + k;
        agenda_group g = st.ag.items[idx].group;
        if (s == AGENDA_LOOK_BACK && g == AGENDA_GROUP_COULD_BE_BETTER && !went_well) {
            entries[n++] = (list_entry){ -1, empty_group(ui, AGENDA_GROUP_WENT_WELL), ENTRY_HEADING };
            went_well = true;
        }
        if ((int)g != last_group) {
            /* current announcements need no heading of their own unless the lead's items come first */
            if (!(g == AGENDA_GROUP_CURRENT && last_group < 0))
                entries[n++] = (list_entry){ -1, group_title(g), ENTRY_HEADING };
            last_group = (int)g;
        }
        went_well = went_well || g == AGENDA_GROUP_WENT_WELL;
        could_be_better = could_be_better || g == AGENDA_GROUP_COULD_BE_BETTER;
        entries[n++] = (list_entry){ idx, NULL, ENTRY_ITEM };
    }
    if (s == AGENDA_LOOK_BACK && !went_well)
        entries[n++] = (list_entry){ -1, empty_group(ui, AGENDA_GROUP_WENT_WELL), ENTRY_HEADING };
    if (s == AGENDA_LOOK_BACK && !could_be_better)
        entries[n++] = (list_entry){ -1, empty_group(ui, AGENDA_GROUP_COULD_BE_BETTER), ENTRY_HEADING };
    if (st.ag.count[s] == 0 && s != AGENDA_LOOK_BACK && s != AGENDA_LOOK_AHEAD) {
        static const char *const empty[AGENDA_SECTIONS] = {
            "", N_("No announcements today."), "", "", N_("No actions due and no news about ideas."),
        };
        entries[n++] = (list_entry){ -1, _(empty[s]), ENTRY_INFO };
    }

    int heading_h = m.text_large * 3 / 2;
    int row_h = m.text_large * 15 / 4 + m.pad;
    if (row_h < 2 * m.target + m.gap / 2)
        row_h = 2 * m.target + m.gap / 2; /* room for two buttons of 15 mm */
    int content = 0;
    for (int i = 0; i < n; i++)
        content += (entries[i].item < 0 ? heading_h : row_h) + m.gap / 2;
    ui_scroll *sc = &st.scroll[s];
    sc->content_h = content;
    ui_rect pages = ui_cut_right(&r, m.target);
    ui_cut_right(&r, m.gap / 2);
    ui_scroll_page_buttons(ui, "dagstart.list", pages, sc, r.h);
    ui_scroll_begin(ui, "dagstart.list", r, sc);
    int from = ui->element_count;
    int y = r.y - sc->offset;
    for (int i = 0; i < n; i++) {
        int h = entries[i].item < 0 ? heading_h : row_h;
        ui_rect e = { r.x, y, r.w, h };
        y += h + m.gap / 2;
        if (e.y + e.h <= r.y || e.y >= r.y + r.h)
            continue; /* only what is visible is drawn */
        if (entries[i].item < 0)
            list_heading(ui, e, entries[i].text, entries[i].kind);
        else
            draw_item(a, ui, e, &st.ag.items[entries[i].item]);
    }
    ideas_prune_elements(ui, from, r); /* half-shown rows are not in the automation view */
    ui_scroll_end(ui, sc);
}

static void draw_bottom(app *a, ui_ctx *ui, ui_rect r)
{
    theme_metrics m = theme_metrics_for(ui);
    int side = r.w / 5;
    ui_rect prev = ui_cut_left(&r, side);
    ui_rect next = ui_cut_right(&r, side);
    ui_cut_left(&r, m.gap / 2);
    ui_cut_right(&r, m.gap / 2);
    if (ui_button(ui, "dagstart.prev", prev, _("\xE2\x97\x80 Previous"), STYLE_SECONDARY, st.view == 0))
        go_section(a, st.view - 1);
    if (ui_button(ui, "dagstart.next", next, _("Next \xE2\x96\xB6"), STYLE_PRIMARY, st.view == AGENDA_SECTIONS - 1))
        go_section(a, st.view + 1);

    if (!running() && st.ds.id) {
        /* closed: the record, and a way back in for the lead */
        store_dagstart_summary sum;
        vb_err err;
        vb_err_clear(&err);
        const char *rec = _("The daily start of today was held.");
        if (store_dagstart_summary_get(a->db, st.ds.id, &sum, &err) == VB_OK)
            rec = ui_format(ui, _("\xE2\x9C\x94 Held: %s min \xC2\xB7 %d present \xC2\xB7 %d discussed"),
                            dagstart_mmss(ui, sum.duration_s * 1000), sum.present, sum.discussed);
        ui_rect reopen = ui_cut_right(&r, r.w / 3);
        ui_cut_right(&r, m.gap / 2);
        ui_draw_rect(ui, r, THEME_OK, m.radius);
        ui_label(ui, "dagstart.record", ui_inset(r, m.pad / 2), rec,
                 ui_text_width(ui, rec, m.text_large, true) <= r.w - m.pad ? m.text_large : m.text_body, true,
                 THEME_ON_DARK, UI_ALIGN_CENTER);
        if (ui_button(ui, "dagstart.reopen", reopen, _("Reopen"), STYLE_QUIET, false)) {
            if (a->lead_id)
                start_meeting(a);
            else {
                st.start_pending = true;
                app_require_lead(a, "dagstart");
            }
        }
        return;
    }
    if (!running()) {
        if (ui_button(ui, "dagstart.start", r, _("\xE2\x96\xB6 Start the daily start"), STYLE_ACCENT, false)) {
            if (a->lead_id) {
                start_meeting(a);
            } else {
                st.start_pending = true;
                app_require_lead(a, "dagstart");
            }
        }
        return;
    }
    if (!a->lead_id) {
        if (ui_button(ui, "dagstart.resume", r, _("Team lead: sign in to go on"), STYLE_ACCENT, false))
            app_require_lead(a, "dagstart");
        return;
    }
    int n = st.view == AGENDA_ANNOUNCEMENTS ? 4 : 3;
    int i = 0;
    const char *notes = st.ds.notes[0] ? _("\xE2\x9C\x8E Notes \xE2\x9C\x94") : _("\xE2\x9C\x8E Notes");
    /* the lead's tools share one text size */
    const char *labels[] = { _("+ Announcement"), _("+ Own item"), notes, _("\xE2\x9C\x94 Close") };
    int px = m.text_large, cell_w = ui_grid_cell(r, n, 1, m.gap / 2, 0).w;
    for (int k = st.view == AGENDA_ANNOUNCEMENTS ? 0 : 1; k < 4; k++) {
        int p = ui_button_text_px(ui, labels[k], cell_w, STYLE_SECONDARY);
        px = p < px ? p : px;
    }
    if (st.view == AGENDA_ANNOUNCEMENTS &&
        ui_button_px(ui, "dagstart.add_announcement", ui_grid_cell(r, n, 1, m.gap / 2, i++), labels[0],
                     STYLE_SECONDARY, false, px))
        open_panel(a, PANEL_ANNOUNCE, NULL);
    if (ui_button_px(ui, "dagstart.add_topic", ui_grid_cell(r, n, 1, m.gap / 2, i++), labels[1], STYLE_SECONDARY,
                     false, px))
        open_panel(a, PANEL_TOPIC, NULL);
    if (ui_button_px(ui, "dagstart.notes", ui_grid_cell(r, n, 1, m.gap / 2, i++), notes, STYLE_SECONDARY, false, px))
        open_panel(a, PANEL_NOTES, NULL);
    if (ui_button_px(ui, "dagstart.close", ui_grid_cell(r, n, 1, m.gap / 2, i++), labels[3],
                     st.view == AGENDA_SECTIONS - 1 ? STYLE_ACCENT : STYLE_SECONDARY, false, px))
        open_panel(a, PANEL_CLOSE, NULL);
}

static void dagstart_draw(app *a, ui_ctx *ui, ui_rect body)
{
    theme_metrics m = theme_metrics_for(ui);
    if (!st.loaded) {
        if (!st.error[0])
            load(a);
        if (!st.loaded) {
            screen_placeholder(ui, body, "dagstart.error",
                               st.error[0] ? st.error : _("Today's agenda could not be read from the database."));
            return;
        }
    }
    if (st.panel != PANEL_NONE && !lead_runs(a))
        st.panel = PANEL_NONE; /* the lead left: no half-done lead forms */
    if (st.panel != PANEL_NONE) {
        ui_rect card = body;
        ui_draw_rect(ui, card, THEME_SURFACE, m.radius);
        ui_draw_border(ui, card, THEME_BORDER, m.border, m.radius);
        ui_rect in = ui_inset(card, m.pad);
        switch (st.panel) {
        case PANEL_ACTION: draw_action_panel(a, ui, in); break;
        case PANEL_FEEDBACK: draw_feedback_panel(a, ui, in); break;
        case PANEL_ANNOUNCE: draw_announce_panel(a, ui, in); break;
        case PANEL_TOPIC: draw_topic_panel(a, ui, in); break;
        case PANEL_NOTES: draw_notes_panel(a, ui, in); break;
        case PANEL_CLOSE: draw_close_panel(a, ui, in); break;
        case PANEL_NONE: break;
        }
        return;
    }
    ui_rect tabs = ui_cut_top(&body, m.target);
    ui_cut_top(&body, m.gap / 2);
    /* tall enough for the countdowns: a label, the time at title size, a bar */
    int status_h = m.pad + m.text_small * 5 / 4 + m.text_title * 5 / 4 + m.pad;
    ui_rect status = ui_cut_top(&body, status_h > m.main_target ? status_h : m.main_target);
    ui_cut_top(&body, m.gap / 2);
    ui_rect bottom = ui_cut_bottom(&body, m.main_target);
    ui_cut_bottom(&body, m.gap / 2);

    int64_t ms[AGENDA_SECTIONS] = { 0 };
    if (running() && st.timer_for == st.ds.id)
        agenda_timer_elapsed(&st.timer, app_now_ms(a), ms);
    agenda_countdown c;
    agenda_countdown_of(st.ag.budget_s, ms, &c);
    draw_tabs(a, ui, tabs, running() ? &c : NULL);
    draw_status(a, ui, status);
    if (st.view == AGENDA_STAFFING)
        draw_staffing(a, ui, body);
    else
        draw_section_list(a, ui, body);
    draw_bottom(a, ui, bottom);
}

const screen_def screen_dagstart = {
    .name = "dagstart",
    .title = N_("Daily start"),
    .draw = dagstart_draw,
    .enter = dagstart_enter,
    .holds_idle = dagstart_holds_idle,
    .has_draft = dagstart_has_draft,
    .discard = dagstart_discard,
    .show_home_button = true,
    .deadline = dagstart_deadline,
    .tick = dagstart_tick,
};

/* idea_lead.c: the team lead's panel for one idea (screen "idea_lead",
 * lead only). It shows the idea, its status in words and with an icon, and
 * its latest feedback, and offers only the moves the workflow allows
 * (core/idea_flow.h) as big buttons. A move asks for the feedback in the
 * editor; for adopted / not adopted (and for reopening) Save stays disabled,
 * with the reason next to it, until there is text, and a tap on it says so.
 * Also: "this is the same as..." (merge into an idea picked from a short
 * searchable list of similar ideas), hide / show again, redact a part of
 * the title or description (with a preview), delete for a privacy request
 * (two steps, naming the backups that still hold it and when they expire),
 * and the list of hidden ideas to show one again. Opened from the idea
 * detail ("Team lead: status & feedback"). */
#include <stdio.h>
#include <string.h>

#include "../core/deadline.h"
#include "../core/i18n.h"
#include "../core/idea_flow.h"
#include "../core/utf8.h"
#include "../ui/textfield.h"
#include "../ui/widgets.h"
#include "ideas.h"
#include "lead_ui.h"
#include "moderation.h"

#define MERGE_ROWS 4
#define HIDDEN_ROWS 12

typedef enum lead_mode { LM_MAIN, LM_MOVE, LM_MERGE, LM_REDACT, LM_DELETE, LM_HIDDEN } lead_mode;

static struct {
    int64_t id;                 /* the idea (0 = the top idea) */
    bool stale, found;
    idea_detail d;
    int hidden_count;
    char error[200];
    lead_mode mode;
    mod_guard guard;
    /* a move */
    idea_status target;
    text_edit feedback;
    /* merge */
    text_edit query;
    char query_for[TEXTEDIT_MAX_BYTES];
    bool cands_valid;
    idea_row cands[10];
    int cand_n;
    int64_t pick;
    /* redaction, deletion, the hidden list */
    mod_redact redact;
    mod_delete del;
    mod_flush flush;
    idea_row hidden[HIDDEN_ROWS];
    int hidden_n;
} st;

void idea_lead_show(app *a, int64_t idea_id)
{
    st.id = idea_id;
    st.stale = true;
    st.mode = LM_MAIN;
    app_require_lead(a, "idea_lead");
}

static void lead_enter(app *a)
{
    (void)a;
    st.stale = true;
    if (st.mode != LM_DELETE || st.del.step != 3)
        st.mode = LM_MAIN;
}

static void load(app *a)
{
    vb_err err;
    vb_err_clear(&err);
    st.stale = false;
    st.found = false;
    st.error[0] = '\0';
    if (!a->db) {
        utf8_copy(_("This idea cannot be read right now. Try again in a moment."), st.error, sizeof st.error);
        return;
    }
    if (st.id == 0) {
        /* opened without a choice (--screen idea_lead): the top idea */
        idea_row top;
        int n = 0;
        if (store_ideas_page(a->db, IDEA_MASK_LISTED, 0, 0, 1, &top, &n, &err) == VB_OK && n == 1)
            st.id = top.id;
    }
    vb_code rc = store_idea_get(a->db, st.id, 0, &st.d, &err);
    if (rc == VB_OK) {
        st.found = true;
    } else if (rc == VB_ERR_NOTFOUND) {
        utf8_copy(_("This idea no longer exists."), st.error, sizeof st.error);
    } else {
        fprintf(stderr, "verbeterbord: idea %lld: %s\n", (long long)st.id, err.msg);
        utf8_copy(_("This idea cannot be read right now. Try again in a moment."), st.error, sizeof st.error);
    }
    if (store_ideas_hidden_count(a->db, &st.hidden_count, &err) != VB_OK)
        st.hidden_count = 0;
}

static bool button(app *a, ui_ctx *ui, const char *id, ui_rect r, const char *label, theme_style style,
                   bool disabled)
{
    return mod_button(a, ui, &st.guard, id, r, label, style, disabled);
}

static void changed(app *a)
{
    st.stale = true;
    st.mode = LM_MAIN;
    mod_guard_set(a, &st.guard);
}

/* ---- the idea itself ---------------------------------------------------------- */

/* The words of a move's button. */
static const char *move_label(ui_ctx *ui, idea_status from, idea_status to)
{
    if (to == IDEA_DUPLICATE)
        return ui_format(ui, "%s %s", idea_status_icon(IDEA_DUPLICATE), _("Same as another idea\xE2\x80\xA6"));
    if (flow_move_is_reopen((idea_status)from, (idea_status)to))
        return ui_format(ui, "\xE2\x86\xBA %s", _("Reopen (under review)"));
    return idea_status_text(ui, to);
}

/* Title, status, votes, who and when, hidden or not, latest feedback:
 * from the top of r; returns the height used. compact: title and status
 * only. */
static int draw_summary(ui_ctx *ui, ui_rect r, bool compact)
{
    theme_metrics m = theme_metrics_for(ui);
    const idea_detail *d = &st.d;
    int y = r.y;
    ui_rect t = { r.x, y, r.w, compact ? m.text_large * 5 / 4 : m.text_title * 5 / 4 * 2 };
    if (compact)
        ui_label(ui, "idea_lead.title", t, d->row.title, m.text_large, true, THEME_TEXT, UI_ALIGN_LEFT);
    else
        t.h = ui_paragraph(ui, "idea_lead.title", t, d->row.title, m.text_title, true, THEME_TEXT, UI_ALIGN_LEFT);
    y += t.h + m.gap / 2;
    int line = m.text_body * 5 / 4;
    const char *who = d->member_id ? d->member_name : _("anonymous");
    const char *status = ui_format(ui, "%s  \xC2\xB7  %s  \xC2\xB7  %s %s, %s", idea_status_text(ui, d->row.status),
                                   idea_votes_text(ui, d->row.vote_count), _("submitted"),
                                   idea_date_text(ui, d->row.created_at), who);
    ui_label(ui, "idea_lead.status", (ui_rect){ r.x, y, r.w, line }, status, m.text_body, true, THEME_TEXT,
             UI_ALIGN_LEFT);
    y += line;
    if (d->hidden) {
        ui_rect h = { r.x, y + m.gap / 2, r.w, line + m.pad };
        ui_draw_rect(ui, h, THEME_WARN_BG, m.radius);
        ui_label(ui, "idea_lead.hidden", ui_inset(h, m.pad / 2),
                 _("\xE2\x9A\xA0 Hidden: not in the idea box, the daily start or on the wall."), m.text_body, true,
                 THEME_TEXT, UI_ALIGN_LEFT);
        y += h.h + m.gap / 2;
    }
    if (compact)
        return y - r.y;
    if (d->row.feedback[0]) {
        y += m.gap / 2;
        const char *fb = ui_format(ui, "%s %s", d->feedback_at ? ui_format(ui, _("Latest feedback (%s):"),
                                                                         idea_date_text(ui, d->feedback_at))
                                                               : _("Latest feedback:"),
                                   d->row.feedback);
        ui_rect box = { r.x, y, r.w, line * 3 };
        y += ui_paragraph(ui, "idea_lead.feedback_now", box, fb, m.text_body, false, THEME_TEXT_MUTED, UI_ALIGN_LEFT);
    } else {
        ui_label(ui, "idea_lead.feedback_now", (ui_rect){ r.x, y + m.gap / 2, r.w, line },
                 _("No feedback yet: the team is waiting to hear what becomes of it."), m.text_body, false,
                 THEME_TEXT_MUTED, UI_ALIGN_LEFT);
        y += line + m.gap / 2;
    }
    return y - r.y;
}

static void open_move(idea_status to)
{
    st.mode = LM_MOVE;
    st.target = to;
    text_edit_init(&st.feedback, IDEA_FEEDBACK_MAX, true);
}

static void open_merge(void)
{
    st.mode = LM_MERGE;
    text_edit_init(&st.query, IDEA_TITLE_MAX, false);
    text_edit_set(&st.query, st.d.row.title);
    st.cands_valid = false;
    st.pick = 0;
}

static void draw_main(app *a, ui_ctx *ui, ui_rect body)
{
    theme_metrics m = theme_metrics_for(ui);
    int side_w = body.w / 3 > ui_mm(ui, 62) ? body.w / 3 : ui_mm(ui, 62);
    ui_rect side = ui_cut_right(&body, side_w);
    ui_cut_right(&body, m.gap);

    /* the idea and its moves */
    lead_ui_card(ui, body);
    ui_rect in = ui_inset(body, m.pad);
    int h = draw_summary(ui, in, false);
    ui_cut_top(&in, h + m.gap);
    idea_status moves[8];
    int n = flow_moves_from((idea_status)st.d.row.status, moves, 8);
    if (n == 0) {
        ui_paragraph(ui, "idea_lead.final", in,
                     _("This idea was merged into another one: it does not move any more. You can still hide, "
                       "redact or delete it."),
                     m.text_body, false, THEME_TEXT, UI_ALIGN_LEFT);
    } else {
        ui_label(ui, "idea_lead.moves", ui_cut_top(&in, m.text_large * 5 / 4), _("Move this idea to:"), m.text_large,
                 true, THEME_TEXT, UI_ALIGN_LEFT);
        ui_cut_top(&in, m.gap / 2);
        /* one big button per row; side by side only when rows do not fit */
        int cols = 1;
        while (cols < n && ((n + cols - 1) / cols) * (m.main_target + m.gap) > in.h - m.text_body * 3)
            cols++;
        int rows = (n + cols - 1) / cols;
        ui_rect grid = ui_cut_top(&in, rows * m.main_target + (rows - 1) * m.gap);
        for (int i = 0; i < n; i++) {
            idea_status to = (idea_status)moves[i];
            const char *id = to == IDEA_DUPLICATE ? "idea_lead.merge"
                                                  : ui_format(ui, "idea_lead.move.%s", idea_status_code(to));
            bool closing = to == IDEA_ADOPTED || to == IDEA_DECLINED;
            if (button(a, ui, id, ui_grid_cell(grid, cols, rows, m.gap, i), move_label(ui, st.d.row.status, to),
                       closing ? STYLE_PRIMARY : STYLE_SECONDARY, false)) {
                if (to == IDEA_DUPLICATE)
                    open_merge();
                else
                    open_move(to);
                return;
            }
        }
        ui_cut_top(&in, m.gap / 2);
        ui_paragraph(ui, "idea_lead.moves_hint", in,
                     flow_is_closed((idea_status)st.d.row.status)
                         ? _("Reopening needs a reason: it shows on the idea and at the next daily start.")
                         : _("Adopted and not adopted need feedback: it shows on the idea, at the next daily start "
                             "and on the wall."),
                     m.text_body, false, THEME_TEXT_MUTED, UI_ALIGN_LEFT);
    }

    /* moderation */
    ui_rect back = ui_cut_bottom(&side, m.target);
    ui_cut_bottom(&side, m.gap);
    if (button(a, ui, "idea_lead.back", back, ui_format(ui, "\xE2\x97\x80 %s", _("Back to the idea")),
               STYLE_SECONDARY, false)) {
        if (st.d.hidden)
            app_go(a, "ideas");
        else
            idea_detail_show(a, st.id);
        return;
    }
    ui_label(ui, "idea_lead.moderation", ui_cut_top(&side, m.text_large * 5 / 4), _("Moderation"), m.text_large, true,
             THEME_TEXT, UI_ALIGN_LEFT);
    ui_cut_top(&side, m.gap / 2);
    int bh = (side.h - 3 * m.gap) / 4;
    if (bh > m.main_target)
        bh = m.main_target;
    if (bh < m.target)
        bh = m.target;
    ui_rect b1 = ui_cut_top(&side, bh);
    ui_cut_top(&side, m.gap);
    if (st.d.hidden) {
        if (button(a, ui, "idea_lead.unhide", b1, ui_format(ui, "\xE2\x97\x89 %s", _("Show in the idea box again")),
                   STYLE_PRIMARY, false)) {
            vb_err err;
            vb_err_clear(&err);
            vb_code rc = store_idea_set_hidden(a->db, st.id, false, a->lead_id, app_entry_time(a), &err);
            if (lead_ui_result(a, rc, &err, _("Shown again in the idea box and on the wall."), NULL))
                changed(a);
            return;
        }
    } else if (button(a, ui, "idea_lead.hide", b1, ui_format(ui, "\xE2\x97\x8C %s", _("Hide from the idea box")),
                      STYLE_SECONDARY, false)) {
        vb_err err;
        vb_err_clear(&err);
        vb_code rc = store_idea_set_hidden(a->db, st.id, true, a->lead_id, app_entry_time(a), &err);
        if (lead_ui_result(a, rc, &err, _("Hidden: kept, but gone from the idea box and the wall."), NULL))
            changed(a);
        return;
    }
    ui_rect b2 = ui_cut_top(&side, bh);
    ui_cut_top(&side, m.gap);
    if (button(a, ui, "idea_lead.redact", b2, ui_format(ui, "\xE2\x9C\x8E %s", _("Remove a name\xE2\x80\xA6")),
               STYLE_SECONDARY, false)) {
        mod_redact_reset(&st.redact);
        st.mode = LM_REDACT;
        return;
    }
    ui_rect b3 = ui_cut_top(&side, bh);
    ui_cut_top(&side, m.gap);
    if (button(a, ui, "idea_lead.delete", b3, ui_format(ui, "\xE2\x9C\x96 %s", _("Delete (privacy request)\xE2\x80\xA6")),
               STYLE_DANGER, false)) {
        mod_delete_open(a, &st.del, st.d.row.created_at);
        st.mode = LM_DELETE;
        return;
    }
    ui_rect b4 = ui_cut_top(&side, bh);
    if (button(a, ui, "idea_lead.hidden_list", b4,
               ui_format(ui, _("Hidden ideas (%d)"), st.hidden_count), STYLE_QUIET, st.hidden_count == 0)) {
        vb_err err;
        vb_err_clear(&err);
        if (store_ideas_hidden(a->db, st.hidden, HIDDEN_ROWS, &st.hidden_n, &err) != VB_OK) {
            fprintf(stderr, "verbeterbord: hidden ideas: %s\n", err.msg);
            st.hidden_n = 0;
        }
        st.mode = LM_HIDDEN;
    }
}

/* ---- a move with its feedback --------------------------------------------------- */

static void save_move(app *a)
{
    char text[TEXTEDIT_MAX_BYTES];
    text_edit_trimmed(&st.feedback, text, sizeof text);
    flow_verdict why = FLOW_OK;
    vb_err err;
    vb_err_clear(&err);
    vb_code rc = store_idea_move_ex(a->db, st.id, st.target, text, a->lead_id, app_entry_time(a), &why, &err);
    const char *refused = why == FLOW_REFUSED_NEEDS_FEEDBACK ? _("closing an idea needs feedback for the team.")
                          : why == FLOW_REFUSED_NEEDS_REASON ? _("reopening an idea needs a reason.")
                          : why == FLOW_REFUSED_SAME         ? _("the idea already has this status.")
                          : why != FLOW_OK ? _("this move is not possible from the idea's status (it may just have "
                                               "changed).")
                                           : NULL;
    char ok[300];
    vb_fmt(ok, sizeof ok, _("Saved: \xE2\x80\x9C%s\xE2\x80\x9D is now %s."), st.d.row.title,
           idea_status_name(st.target));
    if (text[0] && strlen(ok) + 2 < sizeof ok)
        vb_fmt(ok + strlen(ok), sizeof ok - strlen(ok), " %s",
               _("The team sees the feedback at the next daily start and on the wall."));
    if (lead_ui_result(a, rc, &err, ok, refused))
        changed(a);
}

static void draw_move(app *a, ui_ctx *ui, ui_rect body)
{
    theme_metrics m = theme_metrics_for(ui);
    lead_ui_card(ui, body);
    ui_rect in = ui_inset(body, m.pad);
    ui_cut_top(&in, draw_summary(ui, in, true) + m.gap / 2);
    idea_status from = st.d.row.status;
    bool reopen = flow_move_is_reopen((idea_status)from, (idea_status)st.target);
    bool needs = flow_move_needs_text((idea_status)from, (idea_status)st.target);
    ui_label(ui, "idea_lead.move_to", ui_cut_top(&in, m.text_large * 5 / 4),
             ui_format(ui, "%s %s", _("New status:"), move_label(ui, from, st.target)), m.text_large, true, THEME_TEXT,
             UI_ALIGN_LEFT);
    ui_cut_top(&in, m.gap / 2);

    ui_rect buttons = ui_cut_bottom(&in, m.main_target);
    ui_cut_bottom(&in, m.gap / 2);
    ui_rect save = ui_cut_right(&buttons, buttons.w / 4 > ui_mm(ui, 50) ? buttons.w / 4 : ui_mm(ui, 50));
    ui_cut_right(&buttons, m.gap);
    ui_rect cancel = ui_cut_right(&buttons, ui_mm(ui, 50));
    ui_cut_right(&buttons, m.gap);

    const char *label = reopen  ? _("Why reopen it? (required)")
                        : needs ? _("Feedback for the team (required)")
                                : _("Feedback for the team (optional)");
    const char *placeholder = reopen ? _("Tap here to type the reason")
                              : st.target == IDEA_ADOPTED ? _("Tap here: what was done, and what it brings")
                              : st.target == IDEA_DECLINED ? _("Tap here: why not, and thanks for the idea")
                                                          : _("Tap here to add a word for the team");
    if (ui_text_field(ui, "idea_lead.feedback", in, label, &st.feedback, placeholder, false))
        app_edit_open(a, &st.feedback, "idea_lead.feedback", label, NULL, NULL);

    bool has_text = text_edit_has_content(&st.feedback);
    bool blocked = needs && !has_text;
    const char *hint = blocked ? (reopen ? _("Save needs a reason for reopening: type it above.")
                                         : _("Save needs feedback: tell the team what was decided and why."))
                               : _("Shown on the idea, at the next daily start and on the wall.");
    ui_paragraph(ui, "idea_lead.save_hint", buttons, ui_format(ui, "%s%s", blocked ? "\xE2\x9A\xA0 " : "", hint),
                 m.text_body, blocked, THEME_TEXT, UI_ALIGN_LEFT);
    if (button(a, ui, "idea_lead.cancel", cancel, _("Cancel"), STYLE_SECONDARY, false)) {
        st.mode = LM_MAIN;
        return;
    }
    /* a tap on the disabled Save still gets an answer */
    bool refused_tap = blocked && ui_target(ui, "idea_lead.save.refused", save, false, NULL);
    if (button(a, ui, "idea_lead.save", save, ui_format(ui, "\xE2\x9C\x94 %s", _("Save")), STYLE_PRIMARY, blocked))
        save_move(a);
    else if (refused_tap && !mod_guard_blocks(a, &st.guard, save))
        app_notice(a, NOTICE_ERROR,
                   reopen ? _("Not saved: reopening an idea needs a reason. Tap the field above and type it.")
                          : _("Not saved: adopted or not adopted needs feedback for the team. Tap the field above "
                              "and type it."),
                   8);
}

/* ---- merging ----------------------------------------------------------------------- */

static void load_candidates(app *a)
{
    char q[TEXTEDIT_MAX_BYTES];
    text_edit_trimmed(&st.query, q, sizeof q);
    if (st.cands_valid && strcmp(q, st.query_for) == 0)
        return;
    utf8_copy(q, st.query_for, sizeof st.query_for);
    st.cands_valid = true;
    idea_row rows[10];
    int n = 0;
    vb_err err;
    vb_err_clear(&err);
    if (store_ideas_similar(a->db, q, 0, rows, 10, &n, &err) != VB_OK) {
        fprintf(stderr, "verbeterbord: similar ideas: %s\n", err.msg);
        n = 0;
    }
    st.cand_n = 0;
    bool pick_kept = false;
    for (int i = 0; i < n; i++) {
        if (rows[i].id == st.id || !idea_status_takes_votes(rows[i].status))
            continue; /* not itself, and only ideas that can take its votes */
        st.cands[st.cand_n++] = rows[i];
        pick_kept |= rows[i].id == st.pick;
    }
    if (!pick_kept)
        st.pick = 0;
}

static void draw_merge(app *a, ui_ctx *ui, ui_rect body)
{
    theme_metrics m = theme_metrics_for(ui);
    lead_ui_card(ui, body);
    ui_rect in = ui_inset(body, m.pad);
    int h = ui_paragraph(ui, "idea_lead.merge.question", in,
                         ui_format(ui, _("Which idea is \xE2\x80\x9C%s\xE2\x80\x9D the same as?"), st.d.row.title),
                         m.text_large, true, THEME_TEXT, UI_ALIGN_LEFT);
    ui_cut_top(&in, h + m.gap / 2);
    const char *qlabel = _("Search words (tap to change)");
    ui_rect field = ui_cut_top(&in, m.text_body * 3 / 2 + m.gap / 2 + m.target);
    ui_cut_top(&in, m.gap / 2);
    if (ui_text_field(ui, "idea_lead.merge.search", field, qlabel, &st.query, _("Tap here to type words of the idea"),
                      false))
        app_edit_open(a, &st.query, "idea_lead.merge.search", qlabel, NULL, NULL);
    load_candidates(a);

    ui_rect buttons = ui_cut_bottom(&in, m.main_target);
    ui_cut_bottom(&in, m.gap / 2);
    ui_rect ok = ui_cut_right(&buttons, buttons.w / 4 > ui_mm(ui, 50) ? buttons.w / 4 : ui_mm(ui, 50));
    ui_cut_right(&buttons, m.gap);
    ui_rect cancel = ui_cut_right(&buttons, ui_mm(ui, 50));
    ui_cut_right(&buttons, m.gap);

    int row_h = m.target;
    int fits = (in.h + m.gap / 2) / (row_h + m.gap / 2);
    if (fits > MERGE_ROWS)
        fits = MERGE_ROWS;
    if (st.cand_n == 0)
        ui_paragraph(ui, "idea_lead.merge.none", in, _("No similar idea found. Change the search words."),
                     m.text_body, false, THEME_TEXT, UI_ALIGN_LEFT);
    const idea_row *picked = NULL;
    for (int i = 0; i < st.cand_n && i < fits; i++) {
        const idea_row *c = &st.cands[i];
        ui_rect r = ui_cut_top(&in, row_h);
        ui_cut_top(&in, m.gap / 2);
        const char *label = ui_format(ui, "%s  \xC2\xB7  %s  \xC2\xB7  %s", c->title, idea_status_text(ui, c->status),
                                      idea_votes_text(ui, c->vote_count));
        if (ui_chip(ui, ui_format(ui, "idea_lead.merge.pick.%lld", (long long)c->id), r, NULL, label,
                    st.pick == c->id))
            st.pick = c->id;
        if (st.pick == c->id)
            picked = c;
    }
    const char *hint = picked ? ui_format(ui,
                                          i18n_plural("Its %d vote moves to \xE2\x80\x9C%s\xE2\x80\x9D; whoever "
                                                      "voted for both keeps one vote.",
                                                      "Its %d votes move to \xE2\x80\x9C%s\xE2\x80\x9D; whoever "
                                                      "voted for both keeps one vote.",
                                                      (unsigned long)st.d.row.vote_count),
                                          st.d.row.vote_count, picked->title)
                              : _("Pick the idea that stays.");
    ui_paragraph(ui, "idea_lead.merge.hint", buttons, hint, m.text_body, false, THEME_TEXT, UI_ALIGN_LEFT);
    if (button(a, ui, "idea_lead.merge.cancel", cancel, _("Cancel"), STYLE_SECONDARY, false)) {
        st.mode = LM_MAIN;
        return;
    }
    if (button(a, ui, "idea_lead.merge.confirm", ok, ui_format(ui, "\xE2\x87\x89 %s", _("Merge")), STYLE_PRIMARY,
               !picked)) {
        vb_err err;
        vb_err_clear(&err);
        vb_code rc = store_idea_merge(a->db, st.id, st.pick, a->lead_id, app_entry_time(a), &err);
        if (lead_ui_result(a, rc, &err, _("Merged: the votes count for the idea that stays."),
                           _("these two ideas cannot be merged (only a new idea can become a duplicate, of an idea "
                             "that still takes votes)."))) {
            int64_t into = st.pick;
            changed(a);
            st.id = into; /* the lead goes on with the idea that stays */
        }
    }
}

/* ---- redaction, deletion, hidden ideas ------------------------------------------- */

static void draw_redact(app *a, ui_ctx *ui, ui_rect body)
{
    const char *labels[MOD_FIELDS_MAX] = { _("Title"), _("Description") };
    const char *texts[MOD_FIELDS_MAX] = { st.d.row.title, st.d.description };
    int n = st.d.description[0] ? 2 : 1;
    mod_result r = mod_redact_panel(a, ui, body, "idea_lead", &st.redact, labels, texts, n);
    if (r == MOD_CANCEL) {
        st.mode = LM_MAIN;
    } else if (r == MOD_APPLY) {
        char part[TEXTEDIT_MAX_BYTES];
        text_edit_trimmed(&st.redact.part, part, sizeof part);
        int replaced = 0;
        bool cleared = false;
        vb_err err;
        vb_err_clear(&err);
        vb_code rc = store_idea_redact(a->db, st.id, st.redact.field == 0 ? REDACT_IDEA_TITLE : REDACT_IDEA_DESCRIPTION,
                                       part, a->lead_id, app_entry_time(a), &replaced, &cleared, &err);
        char ok[300];
        vb_fmt(ok, sizeof ok, "%s %s",
               ui_format(ui, i18n_plural("Redacted: %d place now reads %s.", "Redacted: %d places now read %s.",
                                         (unsigned long)replaced),
                         replaced, FLOW_REDACTED),
               mod_wal_words(cleared));
        if (lead_ui_result(a, rc, &err, ok, _("the text would become too long, or the part is no longer in it."))) {
            mod_flush_after(a, &st.flush, cleared);
            changed(a);
        }
    }
}

static void draw_delete(app *a, ui_ctx *ui, ui_rect body)
{
    const char *removes = ui_format(ui,
                                    i18n_plural("The idea, its %d vote and its history are removed, also from the "
                                                "search.",
                                                "The idea, its %d votes and its history are removed, also from the "
                                                "search.",
                                                (unsigned long)st.d.row.vote_count),
                                    st.d.row.vote_count);
    mod_result r = mod_delete_panel(a, ui, body, "idea_lead", &st.del, _("Delete this idea for a privacy request?"),
                                    st.d.row.title, removes);
    if (r == MOD_CANCEL) {
        if (st.del.step == 3) {
            st.del.step = 0;
            st.mode = LM_MAIN;
            app_go(a, "ideas");
        } else {
            st.mode = LM_MAIN;
        }
    } else if (r == MOD_APPLY) {
        bool cleared = false;
        vb_err err;
        vb_err_clear(&err);
        vb_code rc = store_idea_delete(a->db, st.id, a->lead_id, app_entry_time(a), &cleared, &err);
        if (lead_ui_result(a, rc, &err, _("Deleted for the privacy request."), NULL)) {
            mod_delete_step(a, &st.del, 3);
            st.del.wal_cleared = cleared;
            mod_flush_after(a, &st.flush, cleared);
            st.found = false;
            mod_guard_set(a, &st.guard);
        }
    }
}

static void draw_hidden(app *a, ui_ctx *ui, ui_rect body)
{
    theme_metrics m = theme_metrics_for(ui);
    ui_rect back = ui_cut_bottom(&body, m.target);
    ui_cut_bottom(&body, m.gap);
    back.w = ui_mm(ui, 70);
    if (button(a, ui, "idea_lead.hidden.back", back, ui_format(ui, "\xE2\x97\x80 %s", _("Back")), STYLE_SECONDARY,
               false)) {
        st.mode = LM_MAIN;
        return;
    }
    ui_label(ui, "idea_lead.hidden.head", ui_cut_top(&body, m.text_large * 5 / 4),
             _("Hidden ideas: kept, but not shown in the idea box or on the wall"), m.text_large, true, THEME_TEXT,
             UI_ALIGN_LEFT);
    ui_cut_top(&body, m.gap / 2);
    if (st.hidden_n == 0) {
        ui_paragraph(ui, "idea_lead.hidden.none", body, _("No idea is hidden."), m.text_body, false, THEME_TEXT,
                     UI_ALIGN_LEFT);
        return;
    }
    int row_h = m.target;
    for (int i = 0; i < st.hidden_n && body.h >= row_h; i++) {
        const idea_row *h = &st.hidden[i];
        ui_rect r = ui_cut_top(&body, row_h);
        ui_cut_top(&body, m.gap / 2);
        ui_rect show = ui_cut_right(&r, ui_mm(ui, 55));
        ui_cut_right(&r, m.gap);
        ui_rect open = ui_cut_right(&r, ui_mm(ui, 40));
        ui_cut_right(&r, m.gap);
        ui_label(ui, ui_format(ui, "idea_lead.hidden.%lld", (long long)h->id), r,
                 ui_format(ui, "%s  \xC2\xB7  %s", h->title, idea_status_text(ui, h->status)), m.text_body, true,
                 THEME_TEXT, UI_ALIGN_LEFT);
        if (button(a, ui, ui_format(ui, "idea_lead.hidden.open.%lld", (long long)h->id), open, _("View"),
                   STYLE_SECONDARY, false)) {
            st.id = h->id;
            changed(a);
            return;
        }
        if (button(a, ui, ui_format(ui, "idea_lead.hidden.show.%lld", (long long)h->id), show,
                   _("Show again"), STYLE_PRIMARY, false)) {
            vb_err err;
            vb_err_clear(&err);
            vb_code rc = store_idea_set_hidden(a->db, h->id, false, a->lead_id, app_entry_time(a), &err);
            if (lead_ui_result(a, rc, &err, _("Shown again in the idea box and on the wall."), NULL)) {
                st.id = h->id;
                changed(a);
            }
            return;
        }
    }
}

/* ---- the screen ------------------------------------------------------------------------ */

static void lead_draw(app *a, ui_ctx *ui, ui_rect body)
{
    if (!lead_ui_gate(a, "idea_lead"))
        return;
    theme_metrics m = theme_metrics_for(ui);
    if (st.mode == LM_DELETE && st.del.step == 3) {
        draw_delete(a, ui, body); /* the confirmation outlives the idea */
        return;
    }
    if (st.stale)
        load(a);
    if (!st.found) {
        ui_rect back = ui_cut_bottom(&body, m.target);
        back.w = ui_mm(ui, 60);
        ui_paragraph(ui, "idea_lead.error", ui_inset(body, m.pad), st.error, m.text_large, true, THEME_TEXT,
                     UI_ALIGN_LEFT);
        if (ui_button(ui, "idea_lead.back", back, ui_format(ui, "\xE2\x97\x80 %s", _("All ideas")), STYLE_SECONDARY,
                      false))
            app_go(a, "ideas");
        return;
    }
    switch (st.mode) {
    case LM_MAIN: draw_main(a, ui, body); break;
    case LM_MOVE: draw_move(a, ui, body); break;
    case LM_MERGE: draw_merge(a, ui, body); break;
    case LM_REDACT: draw_redact(a, ui, body); break;
    case LM_DELETE: draw_delete(a, ui, body); break;
    case LM_HIDDEN: draw_hidden(a, ui, body); break;
    }
}

static bool lead_has_draft(const app *a)
{
    (void)a;
    return (st.mode == LM_MOVE && text_edit_has_content(&st.feedback)) ||
           (st.mode == LM_REDACT && text_edit_has_content(&st.redact.part));
}

static void lead_discard(app *a)
{
    (void)a;
    st.mode = LM_MAIN;
    text_edit_clear(&st.feedback);
    text_edit_clear(&st.redact.part);
}

static int64_t lead_deadline(const app *a)
{
    (void)a;
    return VB_NO_DEADLINE; /* the clean-up runs in the app (app_privacy_job) */
}

static void lead_tick(app *a)
{
    if (mod_flush_done(a, &st.flush))
        st.del.wal_cleared = true;
}

const screen_def screen_idea_lead = {
    .name = "idea_lead",
    .title = N_("Team lead: idea"),
    .draw = lead_draw,
    .enter = lead_enter,
    .has_draft = lead_has_draft,
    .discard = lead_discard,
    .show_home_button = true,
    .deadline = lead_deadline,
    .tick = lead_tick,
};

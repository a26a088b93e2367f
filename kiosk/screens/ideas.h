/* ideas.h: what the idea-box screens (ideas.c: the list, idea_detail.c: one
 * idea, idea_new.c: the form) share: opening one idea, how a status is shown
 * (an icon AND words, never colour alone), vote counts and bars, dates, and
 * the vote button with its identification and double-tap rules. */
#ifndef VB_SCREENS_IDEAS_H
#define VB_SCREENS_IDEAS_H

#include <stdint.h>

#include "../store/store_ideas.h"
#include "../ui/theme.h"
#include "screens.h"

/* Opens the detail screen of one idea (idea_detail.c). */
void idea_detail_show(app *a, int64_t idea_id);

/* The status pictogram (● ◔ ◑ ✔ ✘ ⇉) and its translated words. */
const char *idea_status_icon(idea_status st);
const char *idea_status_name(idea_status st);
/* "◑ Being tried" in the frame arena. */
const char *idea_status_text(ui_ctx *ui, idea_status st);
/* "12 votes", with the language's plural forms, in the frame arena. */
const char *idea_votes_text(ui_ctx *ui, int votes);
/* A date in the language's short form ("26-11-2026"), in the frame arena. */
const char *idea_date_text(ui_ctx *ui, int64_t unix_s);
/* A bar in r filled votes / max_votes (the number is always written next
 * to it; the bar only helps comparing). */
void idea_vote_bar(ui_ctx *ui, ui_rect r, int votes, int max_votes);

/* The vote button of one idea: "Vote", or "Voted ✔" when the identified
 * member voted. A tap asks who is voting first when nobody is identified
 * (then it means "vote"), else it flips the vote. A second tap within
 * IDEA_VOTE_REPEAT_MS of a vote action is the same intent again (a double
 * tap counts once) and changes nothing. Returns true when the vote changed
 * now; row->voted and row->vote_count are then updated in place, so the
 * list does not jump under the finger. Draws nothing and returns false for
 * an idea that takes no votes and was not voted for. */
#define IDEA_VOTE_REPEAT_MS 700
bool idea_vote_button(app *a, ui_ctx *ui, const char *id, ui_rect r, idea_row *row);
/* Votes for one idea after identifying when needed (used by "vote for this
 * instead" while typing a new idea); then(a, ctx) runs after a successful
 * vote, with ctx pointing to the idea's id (int64_t). */
void idea_vote_for(app *a, int64_t idea_id, app_then_fn then);
/* Counts every stored vote change, so screens know to reload. */
unsigned idea_vote_generation(void);

/* What a failed write means for the worker, in plain words (translated). */
const char *idea_failure_reason(vb_code code);

/* Leaves out of the automation view the elements registered since index
 * from that do not lie wholly inside view (rows or lines a scrolled area
 * shows only in part); they are still drawn, clipped. */
void ideas_prune_elements(ui_ctx *ui, int from, ui_rect view);

#endif

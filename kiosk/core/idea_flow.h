/* idea_flow.h: the rules of the idea workflow and of moderation, as pure
 * functions (libc only): which status moves a team lead may make, when a
 * move needs a feedback text, what counts as the first feedback, and how a
 * part of a text is redacted ("Jan" -> "[…]").
 *
 * The moves (issue 4, "Idea workflow and feedback"):
 *   new      -> review, or straight to declined ("not adopted") or duplicate
 *   review   -> trial, adopted or declined
 *   trial    -> adopted or declined
 *   adopted  -> review (reopen, with a reason)
 *   declined -> review (reopen, with a reason)
 * Closing an idea (to adopted or declined) requires a feedback text; so
 * does reopening it (the reason is the move's feedback). Other moves may
 * carry one. A duplicate is final: it was merged into another idea.
 *
 * The statuses themselves are idea_status (idea_status.h). */
#ifndef VB_IDEA_FLOW_H
#define VB_IDEA_FLOW_H

#include <stdbool.h>
#include <stddef.h>

#include "idea_status.h"

/* Why a move is refused (FLOW_OK when it is allowed). */
typedef enum flow_verdict {
    FLOW_OK,
    FLOW_REFUSED_UNKNOWN,      /* a status outside the enum */
    FLOW_REFUSED_SAME,         /* the idea already has that status */
    FLOW_REFUSED_NOT_ALLOWED,  /* not one of the moves above */
    FLOW_REFUSED_NEEDS_FEEDBACK, /* closing without a feedback text */
    FLOW_REFUSED_NEEDS_REASON  /* reopening without a reason */
} flow_verdict;

/* Closed: adopted or not adopted (a duplicate is merged, not closed). */
bool flow_is_closed(idea_status st);
/* Whether from -> to is one of the moves, whatever the feedback. */
bool flow_move_allowed(idea_status from, idea_status to);
/* Whether from -> to needs a feedback text: closing (feedback) or
 * reopening (the reason). */
bool flow_move_needs_text(idea_status from, idea_status to);
/* Whether from -> to reopens a closed idea. */
bool flow_move_is_reopen(idea_status from, idea_status to);
/* The full check of one move: the rule, then the text it needs. feedback
 * may be NULL; text of only white space counts as none. */
flow_verdict flow_check_move(idea_status from, idea_status to, const char *feedback);
/* The statuses an idea in from may move to, in a fixed order (review,
 * trial, adopted, declined, duplicate); returns how many (at most max). */
int flow_moves_from(idea_status from, idea_status *out, int max);
/* "First feedback": the first status change after submission that carries
 * a feedback text. True when this move sets it: it carries a text and the
 * idea had no first feedback yet. */
bool flow_is_first_feedback(bool had_first_feedback, const char *feedback);

/* True when text holds something other than white space. */
bool flow_text_present(const char *text);

/* ---- redaction ----------------------------------------------------------- */

/* What replaces a redacted part. */
#define FLOW_REDACTED "[\xE2\x80\xA6]"

/* Copies text into out with every occurrence of part replaced by
 * FLOW_REDACTED. part is used without leading and trailing white space;
 * letters A-Z match either case (other characters match exactly, so a
 * match never starts or ends inside a UTF-8 character). Returns the number
 * of parts replaced (0: out is a copy of text), or -1 when out (size
 * bytes) is too small or part is empty. */
int flow_redact(const char *text, const char *part, char *out, size_t size);

#endif

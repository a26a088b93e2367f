/* idea_status.h: the one definition of an idea's status: the enum, the
 * codes the database stores (idea.status, idea_history.from_status and
 * to_status CHECK the same list), and which statuses take votes. The store,
 * the workflow rules (idea_flow.h), the agenda and the review all use it.
 * libc only. */
#ifndef VB_IDEA_STATUS_H
#define VB_IDEA_STATUS_H

#include <stdbool.h>

typedef enum idea_status {
    IDEA_NEW,       /* submitted */
    IDEA_REVIEW,    /* under review */
    IDEA_TRIAL,     /* being tried on a small scale */
    IDEA_ADOPTED,   /* closed: adopted (has feedback) */
    IDEA_DECLINED,  /* closed: not adopted (has feedback) */
    IDEA_DUPLICATE, /* merged into another idea; never listed */
    IDEA_STATUS_COUNT
} idea_status;

/* Bit masks for list filters. */
#define IDEA_MASK(st) (1u << (st))
#define IDEA_MASK_LISTED                                                                                   \
    (IDEA_MASK(IDEA_NEW) | IDEA_MASK(IDEA_REVIEW) | IDEA_MASK(IDEA_TRIAL) | IDEA_MASK(IDEA_ADOPTED) |      \
     IDEA_MASK(IDEA_DECLINED))

/* "new", "review", ... as stored in the database; "" for a value outside
 * the enum. */
const char *idea_status_code(idea_status st);
/* Parses a stored code; false for anything unknown (out is left as it is). */
bool idea_status_parse(const char *code, idea_status *out);
/* Whether a member may (still) vote for an idea in this status: not for
 * ideas that were not adopted or were merged into another one. Taking a
 * vote back is always possible. */
bool idea_status_takes_votes(idea_status st);
/* Still open: new, under review or being tried (not closed, not merged). */
bool idea_status_is_open(idea_status st);

#endif

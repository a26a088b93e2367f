/* store_ideas.h: the idea box in the database. Submitting an idea (signed
 * or anonymous, indexed for the similar-idea search), finding similar ideas
 * while a title is typed, listing ideas by votes with their status and the
 * latest feedback, one idea with its history, and voting: one vote per
 * person per idea, which they can take back.
 *
 * The similar-idea search works on accent-folded, lower-cased text in an
 * FTS5 table with the trigram tokenizer (idea_search, rowid = idea.id), so
 * that parts of Dutch compounds match ("bril" finds "veiligheidsbril") and
 * accents do not matter ("geëindigd" ~ "geeindigd").
 *
 * Status moves by the team lead (issue 4) update idea.status, .feedback
 * (the latest feedback text, shown in the list), .status_changed_at and add
 * an idea_history row; everything here reads those, so it shows their
 * moves without change. */
#ifndef VB_STORE_IDEAS_H
#define VB_STORE_IDEAS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/idea_status.h"
#include "../core/limits.h"
#include "store.h"

/* How many similar ideas the editor shows. */
#define IDEA_SIMILAR_MAX 3

/* A new idea. Text is trimmed of leading/trailing white space before it is
 * checked and stored. */
typedef struct idea_input {
    const char *title;       /* IDEA_TITLE_MIN..IDEA_TITLE_MAX characters, one line */
    const char *description; /* 0..IDEA_DESC_MAX characters, may be NULL */
    int64_t category_id;
    int64_t member_id;       /* who signs it; 0 = anonymous */
    int64_t now_s;           /* app_entry_time() */
} idea_input;

/* Stores the idea, its first history row (none -> new) and its search text,
 * in one transaction. VB_ERR_INVALID with a reason for a title that is
 * empty, too short or too long, a description that is too long, text that
 * is not valid UTF-8, or an unknown category. */
vb_code store_idea_submit(store *s, const idea_input *in, int64_t *out_id, vb_err *err);

/* One idea as a list shows it. */
typedef struct idea_row {
    int64_t id;
    char title[VB_TEXT_SIZE(IDEA_TITLE_MAX)];
    idea_status status;
    int vote_count;
    int64_t created_at;
    int64_t category_id;
    char feedback[VB_TEXT_SIZE(IDEA_FEEDBACK_MAX)]; /* latest feedback, "" when none */
    bool voted;                               /* by the viewer given to the query */
} idea_row;

/* Ideas similar to what is being typed: the query is folded like the index,
 * split into words, words shorter than 3 characters and a few very common
 * words are left out, and ideas containing any of the others (also inside
 * longer words) are returned, best match first (bm25, then votes). Words of
 * 7 letters or more also search their prefixes of 5 to 10 letters, so that
 * a new compound finds an idea with its first part ("brillenrek" finds
 * "veiligheidsbrillen"). Hidden
 * and merged ideas are never returned. Of the ideas that match, the 300
 * newest are ranked (ranking costs per match; docs/performance.md). *n = 0
 * when the query has no word to
 * search for. viewer (0 = nobody) fills idea_row.voted. At most max rows
 * (capped at 10). */
vb_code store_ideas_similar(store *s, const char *query, int64_t viewer, idea_row *out, int max, int *n,
                            vb_err *err);

/* Builds the FTS5 query for store_ideas_similar (exposed for tests): the
 * quoted words (and prefixes of long words) joined by " OR ", or "" when no
 * word qualifies. */
void store_ideas_similar_query(const char *query, char *out, size_t size);

/* How many ideas the list shows for a filter (a mask of IDEA_MASK(status)
 * bits; duplicates and hidden ideas are never counted). */
vb_code store_ideas_count(store *s, unsigned status_mask, int *out, vb_err *err);
/* The highest vote count among listed ideas (for scaling vote bars). */
vb_code store_ideas_max_votes(store *s, unsigned status_mask, int *out, vb_err *err);
/* One page of the list, sorted by votes (most first), then newest first.
 * viewer (0 = nobody) fills idea_row.voted. */
vb_code store_ideas_page(store *s, unsigned status_mask, int64_t viewer, int offset, int limit, idea_row *out,
                         int *n, vb_err *err);

/* One idea in full. */
typedef struct idea_detail {
    idea_row row;
    char description[VB_TEXT_SIZE(IDEA_DESC_MAX)];
    char category_code[CATEGORY_CODE_MAX + 1];
    char category_label[41 * 4];  /* the lead's name for it, "" = the default name of the code */
    char category_icon[CATEGORY_ICON_MAX + 1];
    int64_t member_id;            /* 0 = anonymous */
    char member_name[61 * 4];     /* "" when anonymous */
    int64_t status_changed_at;
    int64_t feedback_at;          /* 0 when no feedback */
    int64_t merged_into;          /* 0 unless a duplicate */
    bool hidden;
} idea_detail;

/* VB_ERR_NOTFOUND when there is no such idea. viewer fills row.voted. */
vb_code store_idea_get(store *s, int64_t id, int64_t viewer, idea_detail *out, vb_err *err);

/* One step of an idea's history, oldest first. from = -1 for the first
 * row (the submission). */
typedef struct idea_history_row {
    int from;                      /* idea_status, or -1 */
    idea_status to;
    char feedback[VB_TEXT_SIZE(IDEA_FEEDBACK_MAX)]; /* "" when none */
    int64_t at;
    int64_t member_id;             /* the lead for moves; the author (or 0) for the submission */
    char member_name[61 * 4];
} idea_history_row;

/* Up to max history rows of an idea, oldest first; *total tells how many
 * there are (may exceed max). */
vb_code store_idea_history(store *s, int64_t idea_id, idea_history_row *out, int max, int *n, int *total,
                           vb_err *err);

/* ---- Voting ------------------------------------------------------------
 * One vote per member per idea (the vote table's primary key); vote_count
 * follows through triggers. */

/* Makes the member's vote what the caller wants: want = true votes (nothing
 * changes when already voted), want = false takes it back (nothing changes
 * when there was none). Idempotent, so a double tap on "Vote" counts once.
 * *changed (may be NULL) tells whether a row was added or removed; *count
 * (may be NULL) is the idea's vote count afterwards. VB_ERR_NOTFOUND for an
 * unknown idea, VB_ERR_INVALID when voting for a hidden, merged or
 * not-adopted idea or without a member. */
vb_code store_idea_vote_set(store *s, int64_t idea_id, int64_t member_id, bool want, int64_t now_s,
                            bool *changed, int *count, vb_err *err);
/* Flips the member's vote: votes when there was none, takes it back when
 * there was one. *voted_now tells the state afterwards. */
vb_code store_idea_vote_toggle(store *s, int64_t idea_id, int64_t member_id, int64_t now_s, bool *voted_now,
                               int *count, vb_err *err);
/* Whether the member voted for each of ids[0..n) (out[i]); all false for
 * member 0. */
vb_code store_idea_voted(store *s, int64_t member_id, const int64_t *ids, int n, bool *out, vb_err *err);

#endif

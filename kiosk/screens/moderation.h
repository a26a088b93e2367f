/* moderation.h: the team lead's panels for one idea (idea_lead.c, screen
 * "idea_lead": status moves with feedback, merging, hiding, redaction,
 * deletion) and for one learning point (learning_lead.c, screen
 * "learning_lead": hiding, approving for the wall, redaction, deletion),
 * the ways in from the idea detail and the learning-point list, and what
 * both panels share (moderation_ui.c): the redaction form with its
 * preview, the two-step deletion that names the backups still holding the
 * text, the list of hidden entries, and the words for a store refusal. */
#ifndef VB_SCREENS_MODERATION_H
#define VB_SCREENS_MODERATION_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/textedit.h"
#include "../store/store_idea_flow.h"
#include "../ui/theme.h"
#include "screens.h"

/* Opens the lead panel of one idea (after the lead sign-in when no lead is
 * signed in). */
void idea_lead_show(app *a, int64_t idea_id);
/* Opens the lead panel of one learning point. */
void learning_lead_show(app *a, const char *lp_id);
/* The way in from a row of the learning-point list: when a lead is signed
 * in, cuts a button from the right of *row ("learning_list.lead.<id>")
 * that opens the panel; nothing otherwise. Returns true when tapped (the
 * screen has changed then). */
bool learning_lead_row_button(app *a, ui_ctx *ui, ui_rect *row, const char *lp_id);

/* ---- shared by the two panels ------------------------------------------------ */

/* A double tap on a button that changes what the panel shows must not act
 * on what appears in its place: taps within a moment on the spot of the
 * tap that made the change are the same tap. */
typedef struct mod_guard {
    int64_t until_ms;           /* monotonic */
    int x, y;
} mod_guard;

/* Remembers the tap that just made a change. */
void mod_guard_set(app *a, mod_guard *g);
/* Whether a tap on r now is the second tap of that double tap. */
bool mod_guard_blocks(app *a, const mod_guard *g, ui_rect r);
/* ui_button that ignores the second tap of a double tap. */
bool mod_button(app *a, ui_ctx *ui, const mod_guard *g, const char *id, ui_rect r, const char *label,
                theme_style style, bool disabled);

/* Where the nightly backups are: $VB_BACKUP_DIR (as for deploy/
 * verbeterbord-backup), else /var/backups/verbeterbord. */
const char *moderation_backup_dir(void);

#define MOD_FIELDS_MAX 2
#define MOD_BACKUPS_MAX 20

/* The redaction form: which field, the exact part to remove, the preview. */
typedef struct mod_redact {
    int field;                  /* index into the fields given to the panel */
    text_edit part;
    char preview[TEXTEDIT_MAX_BYTES + 64];
    int found;                  /* occurrences of the part in the field; -1 = too long */
} mod_redact;

void mod_redact_reset(mod_redact *r);

typedef enum mod_result { MOD_NONE, MOD_CANCEL, MOD_APPLY } mod_result;

/* Draws the redaction form in r for fields[0..n) (labels, current texts):
 * field chips, the part (tapping opens the editor), the preview with
 * FLOW_REDACTED, and Cancel / Redact (disabled, with the reason, until the
 * part occurs). Ids "<prefix>.redact.field.<i>", "<prefix>.redact.part",
 * "<prefix>.redact.preview", "<prefix>.redact.apply", "<prefix>.redact.cancel". */
mod_result mod_redact_panel(app *a, ui_ctx *ui, ui_rect r, const char *prefix, mod_redact *st,
                            const char *const *labels, const char *const *texts, int n);

/* Clearing the logs after a redaction or deletion, when another
 * connection's reader kept it from finishing: the app keeps trying on
 * every screen and after a restart (app_privacy_job); the panel only
 * shows when that is done. */
typedef struct mod_flush {
    bool pending;               /* this panel said "still held" */
} mod_flush;

/* After a redaction or deletion: hands a blocked clean-up to the app. */
void mod_flush_after(app *a, mod_flush *f, bool cleared);
/* True once, when the app finished the clean-up this panel waits for. */
bool mod_flush_done(app *a, mod_flush *f);
/* The words for the -wal state after a redaction or deletion. */
const char *mod_wal_words(bool cleared);

/* The two-step deletion. */
typedef struct mod_delete {
    int step;                   /* 0 closed, 1 first question, 2 second question, 3 done */
    store_backup backups[MOD_BACKUPS_MAX];
    int backup_n;               /* found in all (may exceed MOD_BACKUPS_MAX) */
    bool backups_failed;
    bool wal_cleared;           /* step 3: the -wal holds nothing of it any more */
    mod_guard guard;            /* a double tap must not answer the next question */
} mod_delete;

/* Moves to step (3 after the deletion), remembering the tap that did it. */
void mod_delete_step(app *a, mod_delete *d, int step);
/* Opens step 1: reads the backups that hold a text that exists since
 * since_s. */
void mod_delete_open(app *a, mod_delete *d, int64_t since_s);
/* Draws the current step in r. what is the question ("Delete this idea
 * for a privacy request?"), name its title or text, removes says what goes
 * with it. Returns MOD_APPLY when the second question was confirmed (the
 * caller deletes, then sets step 3 and wal_cleared on success), MOD_CANCEL
 * when cancelled or, at step 3, when "Done" was tapped. Ids
 * "<prefix>.delete.*". */
mod_result mod_delete_panel(app *a, ui_ctx *ui, ui_rect r, const char *prefix, mod_delete *d, const char *what,
                            const char *name, const char *removes);

#endif

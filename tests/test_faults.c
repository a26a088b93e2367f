/* test_faults.c: the I/O-error sweep of issue 6 ("Fault injection"), on the
 * real app in-process and headless (as in test_monkey.c), through the test
 * VFS of tests/vfs/faultvfs.h.
 *
 * The scenario, driven by element ids the way the scenario tests tap them:
 *   start      app_init on a copy of the demo database, the first frame and
 *              the start-up quick_check;
 *   lp         log a learning point: category, place, a text typed in the
 *              editor, Save (the receipt code confirms it);
 *   vote       the idea box, identify with a badge burst, Vote;
 *   action     the lead signs in with his PIN (PIN pad) and marks an action
 *              done with a note;
 *   status     the lead moves a new idea to "under review" with feedback
 *              (idea detail, "status & feedback", screen idea_lead);
 *   ds_open, ds_mark, ds_close
 *              the daily start: start it, mark an announcement discussed,
 *              close it;
 *   shutdown   app_shutdown (its checkpoint).
 * A first run per kind of operation (read, write, sync, truncate) only
 * counts the operations the whole scenario makes. Then, for every N up to
 * that count, a fresh copy of the demo database gets the N-th operation of
 * that kind failing with SQLITE_IOERR, or SQLITE_FULL for writes and syncs,
 * and every later one too (sticky, like a disk that stays full), and the
 * scenario runs again. Reads run twice: as they come, and "cold", with
 * another connection committing before each step so that the app's page
 * cache is dropped and its screens read from the files (else nearly all
 * reads happen at start-up). After the step in which the fault hit:
 *   - the app has not crashed (each point runs in a child process: a crash,
 *     a sanitizer report or a hang fails that point and names it);
 *   - if the Save failed: the app shows an error notice (a->notice with
 *     NOTICE_ERROR, and all of it in the banner.notice element), the form
 *     still holds the draft (the typed text in the field's label), nothing
 *     says "saved", and once the fault is cleared the same Save succeeds;
 *   - if the fault stopped the step before its Save (a screen could not be
 *     read), the screen says so (an error element or notice), and once the
 *     fault is cleared the step works again from home;
 *   - a read fault at start-up shows the "dbfail" screen, which recovers by
 *     itself 6 s after the fault is gone;
 *   - a read fault that the start-up quick_check meets is no damage: no
 *     "database reports damage" banner, and once the fault is gone the
 *     quick_check is run again and passes.
 * A point whose fault is never injected (the scenario made fewer operations
 * of its kind) fails: it would test nothing.
 * After the scenario and app_shutdown: the database (opened with plain
 * SQLite) passes integrity_check and the foreign key check, every entry the
 * app confirmed is there exactly once and complete, and no row of the demo
 * data is lost.
 *
 * Environment:
 *   VB_FAULT_ONLY=kind:N     one point (kind: read, coldread, write, sync,
 *                            truncate, optionally -ioerr or -full, e.g.
 *                            write-full:17); its child's stderr is shown
 *   VB_FAULT_CAP=n           every N up to n per kind (default 400; 12
 *                            under ASan), then
 *   VB_FAULT_STRIDE=k        every k-th N (default 1; 6 under ASan), from a
 *                            seeded offset
 *   VB_FAULT_JOBS=j          child processes at once (default: CPUs, max 4)
 *   VB_FAULT_DIR=dir         where the runs' databases go (default: a private
 *                            folder in /dev/shm when writable, as the app
 *                            syncs every commit; else the test's TMPDIR)
 *   VB_SEED=s                replays the seeded choices (the sparse offsets)
 * argv[1] is the build folder (tests/run.sh passes it), for the catalogs. */
#include "testdb.h"
#include "testapp.h"
#include "testlib.h"

#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <time.h>

#include "../kiosk/app/loop.h"
#include "../kiosk/core/i18n.h"
#include "../kiosk/screens/screens.h"
#include "../kiosk/store/store.h"
#include "../kiosk/store/store_members.h"
#include "vfs/faultvfs.h"

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#else
#define UNDER_ASAN 0
#endif

#define NOW_S 1795676100 /* 2026-11-26 06:55 UTC */
#define TODAY "2026-11-26"
#define LEAD_ID 1        /* Henk de Vries in kiosk/store/demo.c */
#define LEAD_PIN "1234"
#define BADGE "0451301"  /* Jeroen Jansen, member 3 */
#define MEMBER_ID 3
#define LP_TEXT "Olie bij de zaag, \xC3\xA9\xC3\xA9n keer" /* "één" */
#define NOTE_TEXT "Lamp vervangen door TD"
#define FEEDBACK_TEXT "We bekijken het met de TD"
#define DS_ITEM "dagstart.item.ann:1"
/* typed as one text event, which holds 31 bytes */
_Static_assert(sizeof LP_TEXT <= 32 && sizeof NOTE_TEXT <= 32 && sizeof FEEDBACK_TEXT <= 32, "texts fit an event");

/* ---- the kinds of fault ------------------------------------------------- */

typedef struct kind_def {
    const char *name;
    int mask;
    bool full; /* SQLITE_FULL makes sense for it (writes and syncs) */
    bool cold; /* another connection writes before each step, so the app's
                * page cache is dropped and its screens read from the files */
} kind_def;

static const kind_def kinds[] = {
    { "write", FV_WRITE, true, false },
    { "sync", FV_SYNC, true, false },
    { "read", FV_READ, false, false },
    { "coldread", FV_READ, false, true },
    { "truncate", FV_TRUNCATE, false, false },
};
enum { K_WRITE, K_SYNC, K_READ, K_COLDREAD, K_TRUNCATE };
#define KINDS ((int)(sizeof kinds / sizeof kinds[0]))

/* ---- the child: one run of the scenario ----------------------------------- */

static platform *plat;
static char pristine[4200];

/* The databases of the runs: in a private folder on tmpfs when there is
 * one (/dev/shm), as the app syncs every commit and the sweep makes
 * thousands of them; else in the test's temporary folder. */
static char work_dir[4200];

static void work_dir_cleanup(void)
{
    if (work_dir[0] && !getenv("KEEP_TMP"))
        t_rm_tree(work_dir);
}

static const char *work_path(const char *name)
{
    static char bufs[4][4400];
    static int next;
    char *b = bufs[next++ % 4];
    snprintf(b, sizeof bufs[0], "%s/%s", work_dir, name);
    return b;
}

static void work_dir_make(void)
{
    const char *env = getenv("VB_FAULT_DIR");
    snprintf(work_dir, sizeof work_dir, "%s/vbfault-XXXXXX", env && *env ? env : "/dev/shm");
    if (access(env && *env ? env : "/dev/shm", W_OK) == 0 && mkdtemp(work_dir)) {
        atexit(work_dir_cleanup);
        return;
    }
    snprintf(work_dir, sizeof work_dir, "%s", t_tmpdir());
}

static struct {
    app a;
    int64_t real_ms;
    char missing[200];     /* why a step could not reach its Save */
    char fails[3000];      /* what went wrong (the child's report) */
    int nfails;
    const char *hit_step;  /* the step during which the fault first hit */
    bool cleared;          /* the fault hit and was cleared: from now on all works */
    char outcome[64];      /* what that step did about it */
    /* confirmed by the app */
    char receipt[16];
    int64_t vote_idea, pending_vote;
    int64_t action_id, pending_action;
    int64_t idea_moved, pending_idea;
    bool ds_open, ds_mark, ds_close;
} R;

__attribute__((format(printf, 1, 2))) static void fail(const char *fmt, ...)
{
    size_t len = strlen(R.fails);
    if (len + 4 >= sizeof R.fails)
        return;
    va_list ap;
    va_start(ap, fmt);
    if (len)
        R.fails[len++] = ';', R.fails[len++] = ' ';
    vsnprintf(R.fails + len, sizeof R.fails - len, fmt, ap);
    va_end(ap);
    R.nfails++;
}

/* One turn of the main loop. */
static void pump(void)
{
    R.a.real_ms = R.real_ms;
    app_tick(&R.a);
    if (R.a.dirty)
        app_update(&R.a, false);
    R.a.quit = false;
}

static void send(platform_event *ev)
{
    R.real_ms += 5;
    ev->timestamp_ms = (uint32_t)R.real_ms;
    R.a.real_ms = R.real_ms;
    app_handle_event(&R.a, ev);
}

static const ui_element *find(const char *id)
{
    for (int i = 0; i < R.a.ui->element_count; i++)
        if (R.a.ui->elements[i].id && strcmp(R.a.ui->elements[i].id, id) == 0)
            return &R.a.ui->elements[i];
    return NULL;
}

static const char *label_of(const char *id)
{
    const ui_element *e = find(id);
    return e && e->label ? e->label : NULL;
}

static bool tap(const char *id)
{
    pump();
    const ui_element *e = find(id);
    if (!e || (e->state & UI_STATE_DISABLED)) {
        snprintf(R.missing, sizeof R.missing, "no element %s on screen %s", id, R.a.screen->name);
        return false;
    }
    int x = e->rect.x + e->rect.w / 2, y = e->rect.y + e->rect.h / 2;
    platform_event ev;
    memset(&ev, 0, sizeof ev);
    ev.kind = PEV_PRESS;
    ev.x = x;
    ev.y = y;
    send(&ev);
    pump();
    ev.kind = PEV_RELEASE;
    send(&ev);
    pump();
    return true;
}

/* Types text as an input method would (one event, never a badge burst). */
static bool type_text(const char *text)
{
    platform_event ev;
    memset(&ev, 0, sizeof ev);
    ev.kind = PEV_TEXT;
    snprintf(ev.text, sizeof ev.text, "%s", text);
    send(&ev);
    pump();
    return true;
}

/* A badge reader: a key and its character per digit, ~5 ms apart, then Return. */
static void badge_burst(const char *code)
{
    platform_event ev;
    for (const char *c = code; *c; c++) {
        memset(&ev, 0, sizeof ev);
        ev.kind = PEV_KEY;
        ev.key = UI_KEY_OTHER;
        send(&ev);
        memset(&ev, 0, sizeof ev);
        ev.kind = PEV_TEXT;
        ev.text[0] = *c;
        send(&ev);
    }
    memset(&ev, 0, sizeof ev);
    ev.kind = PEV_KEY;
    ev.key = UI_KEY_RETURN;
    send(&ev);
    pump();
}

static void advance(int64_t ms)
{
    vb_clock_advance(&R.a.clock, ms);
    R.a.dirty = true;
    pump();
}

static bool has_label(const char *id, const char *want)
{
    pump();
    const char *l = label_of(id);
    if (l && strcmp(l, want) == 0)
        return true;
    snprintf(R.missing, sizeof R.missing, "%s shows \"%s\", not \"%s\"", id, l ? l : "(missing)", want);
    return false;
}

/* The old notice is gone (as after its time), so the next one is new. */
static void clear_notice(void)
{
    R.a.notice[0] = '\0';
    R.a.notice_until = 0;
    R.a.dirty = true;
    pump();
}

static bool notice_is(notice_kind kind, const char *text)
{
    return R.a.notice[0] && R.a.notice_kind == kind && (!text || strcmp(R.a.notice, text) == 0);
}

/* NULL when the app says plainly that it did not save. */
static const char *error_shown(void)
{
    pump();
    if (!R.a.notice[0] || R.a.notice_kind != NOTICE_ERROR)
        return R.a.notice[0] ? "the notice is not an error notice" : "no notice at all";
    /* a paragraph adds one element per line shown */
    char shown[sizeof R.a.notice + 64] = "";
    size_t len = 0;
    for (int i = 0; i < R.a.ui->element_count; i++) {
        const ui_element *e = &R.a.ui->elements[i];
        if (e->id && strcmp(e->id, "banner.notice") == 0 && e->label)
            len += (size_t)snprintf(shown + len, sizeof shown - len, "%s%s", len ? " " : "", e->label);
        if (len >= sizeof shown)
            break;
    }
    if (!shown[0])
        return "the error notice is not on screen (banner.notice)";
    if (strcmp(shown, R.a.notice) != 0) {
        static char why[800];
        snprintf(why, sizeof why, "the banner shows only \"%.300s\" of the notice", shown);
        return why;
    }
    return NULL;
}

static bool go_home(void)
{
    pump();
    if (R.a.edit_field)
        tap("kbd.done");
    if (find("confirm.discard"))
        tap("confirm.discard");
    if (R.a.screen != &screen_home) {
        tap("bar.home");
        if (find("confirm.discard"))
            tap("confirm.discard");
    }
    pump();
    if (R.a.screen != &screen_home) {
        snprintf(R.missing, sizeof R.missing, "cannot go home from screen %s", R.a.screen->name);
        return false;
    }
    return true;
}

/* The first element whose id starts with prefix (and whose label is want). */
static int64_t first_id(const char *prefix, const char *want_label)
{
    pump();
    size_t n = strlen(prefix);
    for (int i = 0; i < R.a.ui->element_count; i++) {
        const ui_element *e = &R.a.ui->elements[i];
        if (e->id && strncmp(e->id, prefix, n) == 0 && (!want_label || (e->label && strcmp(e->label, want_label) == 0)))
            return strtoll(e->id + n, NULL, 10);
    }
    snprintf(R.missing, sizeof R.missing, "no %s* element on screen %s", prefix, R.a.screen->name);
    return 0;
}

static bool sign_in_lead(void)
{
    if (R.a.lead_id == LEAD_ID)
        return true;
    if (!tap("lead.pick.1"))
        return false;
    for (const char *d = LEAD_PIN; *d; d++) {
        char id[32];
        snprintf(id, sizeof id, "lead.pin.%c", *d);
        if (!tap(id))
            return false;
    }
    if (!tap("lead.pin.ok"))
        return false;
    if (R.a.lead_id != LEAD_ID) {
        const char *m = label_of("lead.message");
        snprintf(R.missing, sizeof R.missing, "the lead is not signed in (%s)", m ? m : "no message");
        return false;
    }
    return true;
}

/* ---- the steps ------------------------------------------------------------ */

typedef struct step_def {
    const char *name;
    bool (*fill)(void);           /* up to the Save; false: stopped (R.missing says where) */
    bool (*commit)(void);         /* the Save; true: the app confirmed it */
    const char *(*failed_ok)(void); /* after a failed Save: NULL when it shows as it should */
    void (*record)(void);
    void (*finish)(void);
} step_def;

/* learning point */
static bool lp_fill(void)
{
    return go_home() && tap("home.learning_point") && tap("learning_point.category.safety") &&
           tap("learning_point.place.3") && tap("learning_point.what") && type_text(LP_TEXT) && tap("kbd.done") &&
           has_label("learning_point.what", LP_TEXT);
}
static bool lp_commit(void)
{
    clear_notice();
    return tap("learning_point.save") && find("learning_point.receipt") != NULL;
}
static const char *lp_failed_ok(void)
{
    const char *why = error_shown();
    if (why)
        return why;
    if (find("learning_point.receipt") || find("learning_point.saved"))
        return "it shows a receipt code although the save failed";
    if (!has_label("learning_point.what", LP_TEXT))
        return "the typed text is no longer in the form";
    if (!find("learning_point.save"))
        return "the Save button is gone";
    return NULL;
}
static void lp_record(void)
{
    const char *l = label_of("learning_point.receipt");
    snprintf(R.receipt, sizeof R.receipt, "%s", l ? l : "");
}
static void lp_finish(void)
{
    tap("learning_point.done");
}

/* vote */
static bool vote_fill(void)
{
    if (!go_home() || !tap("home.ideas"))
        return false;
    badge_burst(BADGE);
    if (R.a.member_id != MEMBER_ID) {
        snprintf(R.missing, sizeof R.missing, "the badge did not identify member %d (notice \"%.120s\")", MEMBER_ID,
                 R.a.notice);
        return false;
    }
    R.pending_vote = first_id("ideas.vote.", _("Vote"));
    return R.pending_vote != 0;
}
static bool vote_commit(void)
{
    char id[64];
    snprintf(id, sizeof id, "ideas.vote.%lld", (long long)R.pending_vote);
    clear_notice();
    advance(1000); /* not the second tap of a double tap */
    return tap(id) && notice_is(NOTICE_OK, _("Your vote is counted."));
}
static const char *vote_failed_ok(void)
{
    const char *why = error_shown();
    if (why)
        return why;
    char id[64];
    snprintf(id, sizeof id, "ideas.vote.%lld", (long long)R.pending_vote);
    const char *l = label_of(id);
    if (!l || strcmp(l, _("Vote")) != 0)
        return "the vote button does not offer the vote again";
    return NULL;
}
static void vote_record(void)
{
    R.vote_idea = R.pending_vote;
}
static void to_home(void)
{
    go_home();
}

/* a lead marks an action done */
static bool action_fill(void)
{
    if (!go_home() || !tap("home.lead") || !sign_in_lead() || !tap("lead.menu.actions"))
        return false;
    R.pending_action = first_id("actions.done.", NULL);
    if (!R.pending_action)
        return false;
    char id[64];
    snprintf(id, sizeof id, "actions.done.%lld", (long long)R.pending_action);
    return tap(id) && tap("actions.panel.text") && type_text(NOTE_TEXT) && tap("kbd.done") &&
           has_label("actions.panel.text", NOTE_TEXT);
}
static bool action_commit(void)
{
    clear_notice();
    return tap("actions.panel.save") && notice_is(NOTICE_OK, _("Well done! The action is saved as done."));
}
static const char *action_failed_ok(void)
{
    const char *why = error_shown();
    if (why)
        return why;
    if (!has_label("actions.panel.text", NOTE_TEXT))
        return "the typed note is no longer in the form";
    return NULL;
}
static void action_record(void)
{
    R.action_id = R.pending_action;
}

/* a lead moves a new idea to "under review", with feedback */
static bool status_fill(void)
{
    if (!go_home() || !tap("home.lead") || !sign_in_lead() || !tap("lead.menu.ideas") || !tap("ideas.filter.new"))
        return false;
    R.pending_idea = first_id("ideas.row.", NULL);
    if (!R.pending_idea)
        return false;
    char id[64];
    snprintf(id, sizeof id, "ideas.row.%lld", (long long)R.pending_idea);
    return tap(id) && tap("idea_detail.lead") && tap("idea_lead.move.review") && tap("idea_lead.feedback") &&
           type_text(FEEDBACK_TEXT) && tap("kbd.done") && has_label("idea_lead.feedback", FEEDBACK_TEXT);
}
static bool status_commit(void)
{
    clear_notice();
    return tap("idea_lead.save") && notice_is(NOTICE_OK, NULL) && !find("idea_lead.save");
}
static const char *status_failed_ok(void)
{
    const char *why = error_shown();
    if (why)
        return why;
    if (!has_label("idea_lead.feedback", FEEDBACK_TEXT))
        return "the typed feedback is no longer in the form";
    return NULL;
}
static void status_record(void)
{
    R.idea_moved = R.pending_idea;
}

/* the daily start */
static bool to_dagstart(void)
{
    pump();
    /* "could not be read": a user goes home and comes back */
    if (R.a.screen == &screen_dagstart && !R.a.edit_field && !find("dagstart.error"))
        return true;
    return go_home() && tap("home.dagstart");
}
static bool ds_open_fill(void)
{
    if (!to_dagstart())
        return false;
    if (!find("dagstart.start")) {
        snprintf(R.missing, sizeof R.missing, "no dagstart.start (%s)",
                 label_of("dagstart.error") ? label_of("dagstart.error") : "no message");
        return false;
    }
    return true;
}
static bool ds_open_commit(void)
{
    clear_notice();
    if (!tap("dagstart.start"))
        return false;
    if (R.a.screen == &screen_lead && !sign_in_lead())
        return false;
    pump();
    return notice_is(NOTICE_OK, _("Daily start started. The clock runs."));
}
static const char *ds_open_failed_ok(void)
{
    const char *why = error_shown();
    if (why)
        return why;
    if (!find("dagstart.start"))
        return "the start button is gone";
    return NULL;
}
static void ds_open_record(void)
{
    R.ds_open = true;
}
static void nothing(void) {}

static bool ds_mark_fill(void)
{
    if (!to_dagstart() || !tap("dagstart.tab.2"))
        return false;
    pump();
    const ui_element *e = find(DS_ITEM);
    if (!e) {
        snprintf(R.missing, sizeof R.missing, "no %s on screen %s", DS_ITEM, R.a.screen->name);
        return false;
    }
    if (e->state & UI_STATE_SELECTED) {
        snprintf(R.missing, sizeof R.missing, "%s is already marked", DS_ITEM);
        return false;
    }
    return true;
}
static bool ds_mark_commit(void)
{
    clear_notice();
    if (!tap(DS_ITEM))
        return false;
    const ui_element *e = find(DS_ITEM);
    return e && (e->state & UI_STATE_SELECTED) && !(R.a.notice[0] && R.a.notice_kind == NOTICE_ERROR);
}
static const char *ds_mark_failed_ok(void)
{
    const char *why = error_shown();
    if (why)
        return why;
    const ui_element *e = find(DS_ITEM);
    if (!e || (e->state & UI_STATE_SELECTED))
        return "the item shows as discussed although the mark was not saved";
    return NULL;
}
static void ds_mark_record(void)
{
    R.ds_mark = true;
}

static bool ds_close_fill(void)
{
    return to_dagstart() && tap("dagstart.close") && find("dagstart.panel.save") != NULL;
}
static bool ds_close_commit(void)
{
    clear_notice();
    return tap("dagstart.panel.save") &&
           notice_is(NOTICE_OK, _("Daily start closed and saved. The next one picks up from here."));
}
static const char *ds_close_failed_ok(void)
{
    const char *why = error_shown();
    if (why)
        return why;
    if (!find("dagstart.panel.save"))
        return "the closing panel is gone although it was not closed";
    return NULL;
}
static void ds_close_record(void)
{
    R.ds_close = true;
}

static const step_def steps[] = {
    { "lp", lp_fill, lp_commit, lp_failed_ok, lp_record, lp_finish },
    { "vote", vote_fill, vote_commit, vote_failed_ok, vote_record, to_home },
    { "action", action_fill, action_commit, action_failed_ok, action_record, to_home },
    { "status", status_fill, status_commit, status_failed_ok, status_record, to_home },
    { "ds_open", ds_open_fill, ds_open_commit, ds_open_failed_ok, ds_open_record, nothing },
    { "ds_mark", ds_mark_fill, ds_mark_commit, ds_mark_failed_ok, ds_mark_record, nothing },
    { "ds_close", ds_close_fill, ds_close_commit, ds_close_failed_ok, ds_close_record, to_home },
};
#define STEPS ((int)(sizeof steps / sizeof steps[0]))

/* The fault is gone: clears it, and lets a failed start-up retry. */
static void clear_fault(void)
{
    faultvfs_clear();
    if (faultvfs_injected() > 0)
        R.cleared = true;
    if (!R.a.db) {
        advance(6000);
        advance(0);
    }
}

static void note_hit(const char *step, const char *outcome)
{
    if (!R.hit_step && faultvfs_injected() > 0) {
        R.hit_step = step;
        snprintf(R.outcome, sizeof R.outcome, "%s", outcome);
    }
}

/* With a cold cache: another connection (on the plain unix VFS, so the
 * fault VFS neither counts nor fails it) commits a change the app ignores;
 * the app's next read transaction sees the -wal changed and drops its page
 * cache, so what follows reads from the files. */
static bool cold_cache;
static const char *cold_db;
static int cold_touches;

static void touch(void)
{
    if (!cold_cache || !R.a.db)
        return;
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(cold_db, &db, SQLITE_OPEN_READWRITE, "unix") == SQLITE_OK) {
        sqlite3_busy_timeout(db, 2000);
        sqlite3_exec(db, "PRAGMA synchronous=OFF", NULL, NULL, NULL);
        char sql[160];
        snprintf(sql, sizeof sql,
                 "INSERT INTO setting (key, value) VALUES ('test_faults_touch', '%d')"
                 " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                 ++cold_touches);
        if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
            fail("cold cache: the other connection could not write: %s", sqlite3_errmsg(db));
    }
    sqlite3_close(db);
}

/* Whether a failure now can be the fault's doing. */
static bool fault_live(void)
{
    return faultvfs_injected() > 0 && !R.cleared;
}

static int progress_fd = -1;

static void run_step(const step_def *s)
{
    if (progress_fd >= 0)
        dprintf(progress_fd, "AT %s\n", s->name);
    R.missing[0] = '\0';
    touch();
    bool filled = s->fill();
    if (!filled) {
        if (!fault_live()) {
            /* no fault on the way (or it was cleared): a bug, of the app or of this test */
            fail("%s: could not reach Save without a fault: %s", s->name, R.missing);
            return;
        }
        /* the fault stopped the step before its Save: once it is gone,
         * the step works from the start */
        note_hit(s->name, "stopped before Save, redone");
        char why[200];
        snprintf(why, sizeof why, "%s", R.missing);
        if (progress_fd >= 0) {
            /* what the user saw instead: an error message on screen? */
            pump();
            const char *shown = NULL;
            for (int i = 0; i < R.a.ui->element_count && !shown; i++) {
                const char *id = R.a.ui->elements[i].id;
                size_t n = id ? strlen(id) : 0;
                if (n > 6 && (strcmp(id + n - 6, ".error") == 0 || strcmp(id, "lead.message") == 0 ||
                              (strcmp(id, "banner.notice") == 0 && R.a.notice_kind == NOTICE_ERROR)))
                    shown = id;
            }
            dprintf(progress_fd, "STOP %s: %s; on screen: %s\n", s->name, why, shown ? shown : "no error message");
            if (getenv("VB_FAULT_ONLY")) /* replaying one point: what was on screen */
                for (int i = 0; i < R.a.ui->element_count; i++)
                    fprintf(stderr, "  screen %s: %s \"%s\"\n", R.a.screen->name,
                            R.a.ui->elements[i].id ? R.a.ui->elements[i].id : "",
                            R.a.ui->elements[i].label ? R.a.ui->elements[i].label : "");
        }
        clear_fault();
        R.missing[0] = '\0';
        /* what a user does: go home and start again */
        if (!go_home() || !s->fill()) {
            fail("%s: stopped by the fault (%s), and after clearing it still stuck: %s", s->name, why, R.missing);
            return;
        }
    }
    touch();
    bool confirmed = s->commit();
    if (!confirmed) {
        if (!fault_live()) {
            fail("%s: Save failed without a fault (%s; notice \"%s\")", s->name, R.missing, R.a.notice);
            return;
        }
        note_hit(s->name, "Save failed, retried");
        const char *why = s->failed_ok();
        if (why)
            fail("%s: after the failed Save: %s (notice \"%s\")", s->name, why, R.a.notice);
        clear_fault();
        R.missing[0] = '\0';
        if (!s->commit()) {
            fail("%s: the retry after the fault was cleared did not save (%s; notice \"%s\")", s->name, R.missing,
                 R.a.notice);
            return;
        }
    }
    note_hit(s->name, "confirmed anyway");
    s->record();
    if (fault_live())
        clear_fault();
    s->finish();
    if (fault_live()) {
        note_hit(s->name, "after Save");
        clear_fault();
    }
}

/* Checks the database after the run; failures go to fail(). */
static void verify_db(const char *path, const int64_t *base)
{
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI, NULL) != SQLITE_OK ||
        !t_db_views(db, path)) {
        fail("cannot open the database afterwards: %s", sqlite3_errmsg(db));
        sqlite3_close(db);
        return;
    }
    /* the demo data as it was, to compare row by row */
    char attach[9000];
    snprintf(attach, sizeof attach,
             "ATTACH 'file:%s?mode=ro&immutable=1' AS demo; ATTACH 'file:%s-anon?mode=ro&immutable=1' AS demo_anon",
             pristine, pristine);
    bool attached = sqlite3_exec(db, attach, NULL, NULL, NULL) == SQLITE_OK;
    if (!attached)
        fail("cannot attach the demo database to compare: %s", sqlite3_errmsg(db));
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL) != SQLITE_OK ||
        sqlite3_step(st) != SQLITE_ROW || strcmp((const char *)sqlite3_column_text(st, 0), "ok") != 0)
        fail("integrity_check: %s", st && sqlite3_column_text(st, 0) ? (const char *)sqlite3_column_text(st, 0)
                                                                    : sqlite3_errmsg(db));
    sqlite3_finalize(st);
    struct {
        const char *sql;
        int64_t want;
        const char *what;
    } q[] = {
        { "SELECT count(*) FROM pragma_foreign_key_check", 0, "foreign keys are valid" },
        { "SELECT count(*) FROM idea i WHERE vote_count <> (SELECT count(*) FROM vote v WHERE v.idea_id = i.id)", 0,
          "vote counts match the votes" },
        { "SELECT count(*) FROM learning_point", base[0] + (R.receipt[0] ? 1 : 0), "learning points: demo + confirmed" },
        { "SELECT count(*) FROM vote", base[1] + (R.vote_idea ? 1 : 0), "votes: demo + confirmed" },
        { "SELECT count(*) FROM idea", base[2], "ideas: all demo ideas" },
        { "SELECT count(*) FROM action", base[3], "actions: all demo actions" },
        { "SELECT count(*) FROM action WHERE status = 'done'", base[4] + (R.action_id ? 1 : 0),
          "actions done: demo + confirmed" },
        { "SELECT count(*) FROM member", base[5], "members: all demo members" },
        { "SELECT count(*) FROM dagstart", base[6] + (R.ds_open ? 1 : 0), "daily starts: demo + confirmed" },
        { "SELECT count(*) FROM idea_history", base[7] + (R.idea_moved ? 1 : 0), "idea history: demo + confirmed" },
        { "SELECT count(*) FROM learning_point WHERE what_happened = '" LP_TEXT "'", R.receipt[0] ? 1 : 0,
          "the learning point is stored exactly once" },
    };
    for (size_t i = 0; i < sizeof q / sizeof q[0]; i++) {
        int64_t got = -1;
        if (sqlite3_prepare_v2(db, q[i].sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
            got = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
        if (got != q[i].want)
            fail("database: %s: %lld, expected %lld", q[i].what, (long long)got, (long long)q[i].want);
    }
    /* every demo row is still there, unchanged where the scenario does not
     * change it */
    static const struct {
        const char *sql, *what;
    } lost[] = {
        { "SELECT count(*) FROM demo.learning_point_signed d WHERE NOT EXISTS (SELECT 1 FROM learning_point m"
          " WHERE m.id = d.id AND m.receipt = d.receipt AND m.what_happened = d.what_happened AND m.lesson = d.lesson"
          " AND m.category_id = d.category_id AND m.day = d.day)",
          "signed learning points" },
        { "SELECT count(*) FROM demo_anon.learning_point_anon d WHERE NOT EXISTS (SELECT 1 FROM learning_point m"
          " WHERE m.id = d.id AND m.receipt = d.receipt AND m.what_happened = d.what_happened AND m.lesson = d.lesson"
          " AND m.category_id = d.category_id AND m.day = d.day)",
          "anonymous learning points" },
        { "SELECT count(*) FROM demo.vote d WHERE NOT EXISTS (SELECT 1 FROM main.vote m"
          " WHERE m.idea_id = d.idea_id AND m.member_id = d.member_id AND m.at = d.at)",
          "votes" },
        { "SELECT count(*) FROM demo.idea_row d WHERE NOT EXISTS (SELECT 1 FROM main.idea_row m"
          " WHERE m.id = d.id AND m.title = d.title AND m.description = d.description)",
          "ideas" },
        { "SELECT count(*) FROM demo.idea_history d WHERE NOT EXISTS (SELECT 1 FROM main.idea_history m"
          " WHERE m.id = d.id AND m.idea_id = d.idea_id AND m.to_status = d.to_status AND m.at = d.at)",
          "idea history rows" },
        { "SELECT count(*) FROM demo.action d WHERE NOT EXISTS (SELECT 1 FROM main.action m"
          " WHERE m.id = d.id AND m.description = d.description AND m.owner_id = d.owner_id)",
          "actions" },
        { "SELECT count(*) FROM demo.member d WHERE NOT EXISTS (SELECT 1 FROM main.member m"
          " WHERE m.id = d.id AND m.name = d.name)",
          "members" },
        { "SELECT count(*) FROM demo.dagstart d WHERE NOT EXISTS (SELECT 1 FROM main.dagstart m"
          " WHERE m.id = d.id AND m.day = d.day AND m.started_at = d.started_at)",
          "daily starts" },
    };
    for (size_t i = 0; attached && i < sizeof lost / sizeof lost[0]; i++) {
        int64_t got = -1;
        if (sqlite3_prepare_v2(db, lost[i].sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
            got = sqlite3_column_int64(st, 0);
        else
            fail("database: cannot compare the %s: %s", lost[i].what, sqlite3_errmsg(db));
        sqlite3_finalize(st);
        if (got > 0)
            fail("database: %lld demo %s lost or changed", (long long)got, lost[i].what);
    }
    /* every confirmed entry, complete */
    if (R.receipt[0]) {
        sqlite3_prepare_v2(db, "SELECT what_happened FROM learning_point WHERE receipt = ?", -1, &st, NULL);
        sqlite3_bind_text(st, 1, R.receipt, -1, SQLITE_STATIC);
        if (sqlite3_step(st) != SQLITE_ROW || strcmp((const char *)sqlite3_column_text(st, 0), LP_TEXT) != 0)
            fail("the confirmed learning point %s is lost or changed", R.receipt);
        sqlite3_finalize(st);
    }
    if (R.vote_idea) {
        sqlite3_prepare_v2(db, "SELECT count(*) FROM vote WHERE idea_id = ? AND member_id = ?", -1, &st, NULL);
        sqlite3_bind_int64(st, 1, R.vote_idea);
        sqlite3_bind_int64(st, 2, MEMBER_ID);
        if (sqlite3_step(st) != SQLITE_ROW || sqlite3_column_int(st, 0) != 1)
            fail("the confirmed vote for idea %lld is lost", (long long)R.vote_idea);
        sqlite3_finalize(st);
    }
    if (R.action_id) {
        sqlite3_prepare_v2(db, "SELECT status, coalesce(note, '') FROM action WHERE id = ?", -1, &st, NULL);
        sqlite3_bind_int64(st, 1, R.action_id);
        if (sqlite3_step(st) != SQLITE_ROW || strcmp((const char *)sqlite3_column_text(st, 0), "done") != 0 ||
            strcmp((const char *)sqlite3_column_text(st, 1), NOTE_TEXT) != 0)
            fail("the action %lld confirmed as done is not done with its note", (long long)R.action_id);
        sqlite3_finalize(st);
    }
    if (R.idea_moved) {
        sqlite3_prepare_v2(db,
                           "SELECT i.status, (SELECT count(*) FROM idea_history h WHERE h.idea_id = i.id"
                           " AND h.from_status = 'new' AND h.to_status = 'review' AND h.feedback = '" FEEDBACK_TEXT
                           "' AND h.member_id = ?) FROM idea i WHERE i.id = ?",
                           -1, &st, NULL);
        sqlite3_bind_int64(st, 1, LEAD_ID);
        sqlite3_bind_int64(st, 2, R.idea_moved);
        if (sqlite3_step(st) != SQLITE_ROW || strcmp((const char *)sqlite3_column_text(st, 0), "review") != 0 ||
            sqlite3_column_int(st, 1) != 1)
            fail("the confirmed status change of idea %lld is lost or has no (single) history row",
                 (long long)R.idea_moved);
        sqlite3_finalize(st);
    }
    if (R.ds_open) {
        sqlite3_prepare_v2(db,
                           "SELECT d.ended_at IS NOT NULL, coalesce((SELECT discussed FROM dagstart_item i"
                           " WHERE i.dagstart_id = d.id AND i.item_key = 'ann:1'), 0)"
                           " FROM dagstart d WHERE d.day = '" TODAY "'",
                           -1, &st, NULL);
        if (sqlite3_step(st) != SQLITE_ROW)
            fail("the confirmed daily start of " TODAY " is lost");
        else {
            if (R.ds_close && !sqlite3_column_int(st, 0))
                fail("the daily start was confirmed closed but is open");
            if (R.ds_mark && !sqlite3_column_int(st, 1))
                fail("the confirmed discussed mark is lost");
        }
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
}

/* Runs the scenario on a fresh copy; mask 0 = no fault; at 0 = count only.
 * Writes "COUNT n", "HIT step outcome" and "FAIL ..." lines to fd. */
static void child(int fd, const char *db, int mask, long at, int rc, bool cold, const int64_t *base)
{
    cold_cache = cold;
    cold_db = db;
    progress_fd = fd;
    char buf[4400];
    snprintf(buf, sizeof buf, "%s-wal", db);
    unlink(buf);
    snprintf(buf, sizeof buf, "%s-shm", db);
    unlink(buf);
    unlink(db);
    /* and the file of anonymous entries (kiosk/store/store_anon.h) */
    static const char *const anon_files[] = { "-anon-wal", "-anon-shm", "-anon" };
    for (int i = 0; i < 3; i++) {
        snprintf(buf, sizeof buf, "%s%s", db, anon_files[i]);
        unlink(buf);
    }
    char anon_src[4400];
    snprintf(anon_src, sizeof anon_src, "%s-anon", pristine);
    snprintf(buf, sizeof buf, "%s-anon", db);
    if (!t_copy_file(pristine, db) || !t_copy_file(anon_src, buf)) {
        dprintf(fd, "FAIL cannot copy the demo database\n");
        return;
    }
    memset(&R, 0, sizeof R);
    R.real_ms = 100000;
    dprintf(fd, "AT start\n");
    faultvfs_arm(mask, at, rc, 1);

    app_options opt = t_app_options(db, NOW_S);
    vb_err err;
    vb_err_clear(&err);
    if (app_init(&R.a, &opt, plat, &err) != VB_OK) {
        dprintf(fd, "FAIL app_init: %s\n", err.msg);
        return;
    }
    R.a.real_ms = R.real_ms;
    app_update(&R.a, false);
    pump(); /* the start-up quick_check */
    if (faultvfs_injected() > 0) {
        R.hit_step = "start";
        if (!R.a.db) {
            snprintf(R.outcome, sizeof R.outcome, "dbfail screen, recovered");
            if (R.a.screen != &screen_dbfail || !find("dbfail.what"))
                fail("start: the database failed to open but the screen is %s without dbfail.what",
                     R.a.screen->name);
            clear_fault();
            if (!R.a.db || R.a.screen != &screen_home)
                fail("start: 6 s after the fault was cleared the app is still on %s (%s)", R.a.screen->name,
                     R.a.db_err.msg);
        } else {
            snprintf(R.outcome, sizeof R.outcome, "%s", R.a.db_warning[0] ? "started, damage warning" : "started");
            /* a read error is no damage: no banner says so, now or once the
             * quick_check has been tried again without the fault */
            if (R.a.db_warning[0] || find("banner.db"))
                fail("start: a read error made the quick_check report damage (%s)", R.a.db_warning);
            clear_fault();
            if (R.a.quick_check_pending) {
                int64_t wait = R.a.quick_check_at - app_now_ms(&R.a);
                advance(wait > 0 ? wait : 0);
                pump();
            }
            if (R.a.quick_check_pending || R.a.db_warning[0] || find("banner.db"))
                fail("start: after the read error was gone the quick_check %s", R.a.db_warning[0]
                                                                                     ? "reports damage"
                                                                                     : "was not run again");
        }
    }
    for (int i = 0; i < STEPS && R.nfails == 0; i++)
        run_step(&steps[i]);
    dprintf(fd, "AT shutdown\n");
    app_shutdown(&R.a);
    if (mask && at == 0)
        dprintf(fd, "COUNT %ld\n", faultvfs_count());
    if (!R.hit_step && faultvfs_injected() > 0) {
        R.hit_step = "shutdown";
        snprintf(R.outcome, sizeof R.outcome, "closed");
    }
    faultvfs_clear();
    if (R.nfails == 0)
        verify_db(db, base);
    if (R.hit_step)
        dprintf(fd, "HIT %s %s\n", R.hit_step, R.outcome);
    if (R.nfails)
        dprintf(fd, "FAIL %s\n", R.fails);
}

/* ---- the parent ------------------------------------------------------------ */

typedef struct point {
    int kind;      /* index into kinds */
    bool full;     /* SQLITE_FULL, else SQLITE_IOERR */
    long n;
} point;

typedef struct result {
    bool ok;
    char text[4200];
} result;

static const char *point_name(const point *p, char *buf, size_t size)
{
    snprintf(buf, size, "%s-%s:%ld", kinds[p->kind].name, p->full ? "full" : "ioerr", p->n);
    return buf;
}

static int64_t base[8];
static bool show_stderr;
static unsigned child_timeout_s;

typedef struct job {
    pid_t pid;
    int fd;
    int slot;
    point p;
} job;

/* Starts a child for one run; mask 0 = no fault. */
static bool start_job(job *j, int slot, const point *p, int mask, long at, int rc, bool cold)
{
    int fds[2];
    if (pipe(fds) != 0)
        return false;
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return false;
    }
    if (pid == 0) {
        close(fds[0]);
        if (!show_stderr) {
            char name[64];
            snprintf(name, sizeof name, "stderr-%d.txt", slot);
            int e = open(t_path(name), O_WRONLY | O_CREAT | O_TRUNC, 0600);
            if (e >= 0) {
                dup2(e, 2);
                close(e);
            }
        }
        int devnull = open("/dev/null", O_WRONLY);
        if (devnull >= 0) {
            dup2(devnull, 1); /* the protocol's stdout is the parent's */
            close(devnull);
        }
        alarm(child_timeout_s);
        char db[64];
        snprintf(db, sizeof db, "fault-%d.db", slot);
        child(fds[1], work_path(db), mask, at, rc, p ? kinds[p->kind].cold : cold, base);
        close(fds[1]);
        _exit(0); /* no atexit: the parent owns the temporary folder */
    }
    close(fds[1]);
    j->pid = pid;
    j->fd = fds[0];
    j->slot = slot;
    if (p)
        j->p = *p;
    return true;
}

static void finish_job(job *j, int status, result *res)
{
    char buf[8192];
    size_t n = 0;
    ssize_t got;
    while (n < sizeof buf - 1 && (got = read(j->fd, buf + n, sizeof buf - 1 - n)) > 0)
        n += (size_t)got;
    buf[n] = '\0';
    close(j->fd);
    /* "AT step" lines say how far the child got; the rest is its report */
    char at[32] = "start";
    size_t keep = 0;
    for (char *line = buf; *line;) {
        char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line + 1) : strlen(line);
        if (strncmp(line, "AT ", 3) == 0)
            snprintf(at, sizeof at, "%.*s", (int)(len - 3 - (end ? 1 : 0)), line + 3);
        else {
            memmove(buf + keep, line, len);
            keep += len;
        }
        line += len;
    }
    buf[keep] = '\0';
    res->ok = WIFEXITED(status) && WEXITSTATUS(status) == 0 && !strstr(buf, "FAIL ");
    if (WIFSIGNALED(status))
        snprintf(res->text, sizeof res->text, "%.4000s(the child %s by signal %d%s, in step %s)", buf,
                 WTERMSIG(status) == SIGALRM ? "hung and was stopped" : "crashed", WTERMSIG(status),
                 WTERMSIG(status) == SIGABRT ? ": abort or sanitizer report" : "", at);
    else if (WIFEXITED(status) && WEXITSTATUS(status) != 0)
        snprintf(res->text, sizeof res->text, "%.4000s (the child exited with %d)", buf, WEXITSTATUS(status));
    else
        snprintf(res->text, sizeof res->text, "%.4100s", buf);
    if (!res->ok && !show_stderr) {
        /* the child's stderr (e.g. a sanitizer report) to ours, for run.sh */
        char name[64];
        snprintf(name, sizeof name, "stderr-%d.txt", j->slot);
        size_t len = 0;
        char *err = t_read_file(t_path(name), &len);
        if (err) {
            const char *from = len > 6000 ? err + len - 6000 : err;
            fprintf(stderr, "--- stderr of the failing point ---\n%s\n", from);
            free(err);
        }
    }
}

/* Runs one child to its end (the counting runs). */
static void run_one(int mask, long at, int rc, bool cold, result *res)
{
    job j;
    memset(res, 0, sizeof *res);
    if (!start_job(&j, 0, NULL, mask, at, rc, cold)) {
        snprintf(res->text, sizeof res->text, "FAIL fork: %s", strerror(errno));
        return;
    }
    int status = 0;
    waitpid(j.pid, &status, 0);
    finish_job(&j, status, res);
}

static bool prepare_demo(char *why, size_t size)
{
    store *s = NULL;
    vb_err err;
    vb_err_clear(&err);
    bool empty = false;
    vb_code rc = store_open(&s, pristine, STORE_READWRITE, NOW_S, &err);
    if (rc == VB_OK)
        rc = store_is_empty(s, &empty, &err);
    if (rc == VB_OK)
        rc = store_demo_fill(s, NOW_S, &err);
    if (rc == VB_OK)
        rc = store_member_set_pin(s, LEAD_ID, LEAD_PIN, &err);
    store_close(s);
    if (rc != VB_OK) {
        snprintf(why, size, "%s", err.msg);
        return false;
    }
    char wal[4300];
    snprintf(wal, sizeof wal, "%s-wal", pristine);
    if (t_file_exists(wal)) {
        snprintf(why, size, "the demo database still has a -wal file after closing");
        return false;
    }
    sqlite3 *db = NULL;
    static const char *const counts[] = {
        "SELECT count(*) FROM learning_point", "SELECT count(*) FROM vote",
        "SELECT count(*) FROM idea",           "SELECT count(*) FROM action",
        "SELECT count(*) FROM action WHERE status = 'done'", "SELECT count(*) FROM member",
        "SELECT count(*) FROM dagstart", "SELECT count(*) FROM idea_history",
    };
    if (sqlite3_open_v2(pristine, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK || !t_db_views(db, pristine)) {
        snprintf(why, size, "cannot read the demo database");
        sqlite3_close(db);
        return false;
    }
    for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++) {
        sqlite3_stmt *st = NULL;
        base[i] = -1;
        if (sqlite3_prepare_v2(db, counts[i], -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
            base[i] = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return true;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* What the step in which the fault hit did about it (child's HIT line). */
static const char *const outcomes[] = {
    "Save failed, retried", "stopped before Save, redone", "confirmed anyway", "after Save",
    "dbfail screen, recovered", "started, damage warning", "started", "closed",
};
#define OUTCOMES ((int)(sizeof outcomes / sizeof outcomes[0]))

static int outcome_index(const char *text)
{
    const char *h = strstr(text, "HIT ");
    if (!h)
        return -1;
    const char *sp = strchr(h + 4, ' ');
    if (!sp)
        return -1;
    for (int i = 0; i < OUTCOMES; i++)
        if (strncmp(sp + 1, outcomes[i], strlen(outcomes[i])) == 0)
            return i;
    return -1;
}

/* What the screens showed when a fault stopped a step before its Save. */
static struct {
    char text[240];
    char example[64]; /* a point that shows it */
    long n;
} stops[48];
static int nstops;

static void take_stops(const char *text, const char *at_point)
{
    for (const char *l = strstr(text, "STOP "); l; l = strstr(l + 1, "STOP ")) {
        char one[240];
        const char *end = strchr(l, '\n');
        size_t len = end ? (size_t)(end - l - 5) : strlen(l + 5);
        snprintf(one, sizeof one, "%.*s", (int)(len < sizeof one ? len : sizeof one - 1), l + 5);
        int i = 0;
        while (i < nstops && strcmp(stops[i].text, one) != 0)
            i++;
        if (i == nstops && nstops < (int)(sizeof stops / sizeof stops[0])) {
            snprintf(stops[nstops].text, sizeof stops[0].text, "%s", one);
            snprintf(stops[nstops++].example, sizeof stops[0].example, "%s", at_point);
        }
        if (i < nstops)
            stops[i].n++;
    }
}

/* Per kind and code: how the sweep went. */
typedef struct tally {
    long planned, run, failed, hit;
    long where[STEPS + 3]; /* start, steps..., shutdown, never */
    long outcome[OUTCOMES];
    char first_fail[1200];
    char fail_points[400];
} tally;

static int where_index(const char *text)
{
    const char *h = strstr(text, "HIT ");
    if (!h)
        return STEPS + 2;
    h += 4;
    if (strncmp(h, "start ", 6) == 0)
        return 0;
    if (strncmp(h, "shutdown ", 9) == 0)
        return STEPS + 1;
    for (int i = 0; i < STEPS; i++) {
        size_t n = strlen(steps[i].name);
        if (strncmp(h, steps[i].name, n) == 0 && h[n] == ' ')
            return i + 1;
    }
    return STEPS + 2;
}

int main(int argc, char **argv)
{
    double t0 = now_s();
    const char *seed_env = getenv("VB_SEED");
    unsigned seed = seed_env ? (unsigned)strtoul(seed_env, NULL, 10) : (unsigned)time(NULL);
    const char *only = getenv("VB_FAULT_ONLY");
    const char *stride_env = getenv("VB_FAULT_STRIDE");
    const char *cap_env = getenv("VB_FAULT_CAP");
    const char *jobs_env = getenv("VB_FAULT_JOBS");
    bool asan = UNDER_ASAN || getenv("VB_ASAN");
    long stride = stride_env ? atol(stride_env) : asan ? 6 : 1;
    long cap = cap_env ? atol(cap_env) : asan ? 12 : 400;
    if (stride < 1)
        stride = 1;
    long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    int jobs = jobs_env ? atoi(jobs_env) : (int)(ncpu < 1 ? 1 : ncpu > 4 ? 4 : ncpu);
    if (jobs < 1)
        jobs = 1;
    show_stderr = only != NULL;
    child_timeout_s = UNDER_ASAN ? 240 : 60;

    setenv("TZ", "UTC0", 1);
    setenv("VERBETERBORD_PWHASH_CHEAP", "1", 1);
    char locale[4200];
    snprintf(locale, sizeof locale, "%s/locale", argc > 1 ? argv[1] : "build");
    i18n_init(locale);
    t_tmpdir();

    if (!t_report(faultvfs_register() == SQLITE_OK, "faults: the fault VFS is registered", "faultvfs_register failed"))
        return t_done();
    work_dir_make();
    snprintf(pristine, sizeof pristine, "%s", work_path("demo.db"));
    char why[600] = "";
    if (!t_report(prepare_demo(why, sizeof why), "faults: a demo database with a PIN for the lead", "%s", why))
        return t_done();

    vb_err err;
    if (!t_report(t_platform_open(&plat, 1024, 600, true, &err) == VB_OK, "faults: offscreen platform", "%s",
                  err.msg))
        return t_done();

    /* 1. the scenario without faults, counting each kind of operation */
    long count[KINDS];
    for (int k = 0; k < KINDS; k++) {
        result res;
        run_one(kinds[k].mask, 0, SQLITE_IOERR, kinds[k].cold, &res);
        const char *c = strstr(res.text, "COUNT ");
        count[k] = c ? atol(c + 6) : 0;
        char name[120];
        snprintf(name, sizeof name, "faults: the scenario runs clean and counts its %ss (%ld)", kinds[k].name,
                 count[k]);
        t_report(res.ok && count[k] > 0, name, "%s", res.text);
    }
    t_note("operations of the scenario: %ld reads (%ld with a cold cache), %ld writes, %ld syncs, %ld truncates",
           count[K_READ], count[K_COLDREAD], count[K_WRITE], count[K_SYNC], count[K_TRUNCATE]);

    /* 2. the points */
    size_t cap_points = 0;
    for (int k = 0; k < KINDS; k++)
        cap_points += (size_t)count[k] * 2 + 2;
    point *pts = calloc(cap_points, sizeof *pts);
    size_t npts = 0;
    if (only) {
        char kname[32] = "", code[16] = "";
        long n = 0;
        const char *colon = strchr(only, ':');
        if (colon && (size_t)(colon - only) < sizeof kname) {
            memcpy(kname, only, (size_t)(colon - only));
            n = atol(colon + 1);
        }
        char *dash = strchr(kname, '-');
        if (dash) {
            snprintf(code, sizeof code, "%s", dash + 1);
            *dash = '\0';
        }
        for (int k = 0; k < KINDS; k++) {
            if (strcmp(kinds[k].name, kname) != 0 || n < 1)
                continue;
            if (!code[0] || strcmp(code, "ioerr") == 0)
                pts[npts++] = (point){ k, false, n };
            if (kinds[k].full && (!code[0] || strcmp(code, "full") == 0))
                pts[npts++] = (point){ k, true, n };
        }
        if (!t_report(npts > 0, "faults: VB_FAULT_ONLY names a point", "\"%s\" is not kind[-ioerr|-full]:N", only))
            return t_done();
    } else {
        unsigned r = seed;
        for (int k = 0; k < KINDS; k++) {
            for (int full = 0; full <= (kinds[k].full ? 1 : 0); full++) {
                r = r * 1103515245u + 12345u;
                long offset = stride > 1 ? (long)((r >> 8) % (unsigned long)stride) : 0;
                for (long n = 1; n <= count[k]; n++)
                    if (n <= cap || (n - cap - 1) % stride == offset)
                        pts[npts++] = (point){ k, full != 0, n };
            }
        }
    }

    tally tallies[KINDS][2];
    memset(tallies, 0, sizeof tallies);
    for (size_t i = 0; i < npts; i++)
        tallies[pts[i].kind][pts[i].full].planned++;

    job *running = calloc((size_t)jobs, sizeof *running);
    bool *busy = calloc((size_t)jobs, sizeof *busy);
    size_t next = 0, done = 0;
    while (done < npts) {
        for (int s = 0; s < jobs && next < npts; s++) {
            if (busy[s])
                continue;
            const point *p = &pts[next];
            if (!start_job(&running[s], s, p, kinds[p->kind].mask, p->n, p->full ? SQLITE_FULL : SQLITE_IOERR,
                           kinds[p->kind].cold)) {
                t_report(false, "faults: fork", "%s", strerror(errno));
                return t_done();
            }
            busy[s] = true;
            next++;
        }
        int status = 0;
        pid_t pid = waitpid(-1, &status, 0);
        if (pid < 0)
            break;
        for (int s = 0; s < jobs; s++) {
            if (!busy[s] || running[s].pid != pid)
                continue;
            busy[s] = false;
            result res;
            finish_job(&running[s], status, &res);
            const point *p = &running[s].p;
            tally *t = &tallies[p->kind][p->full];
            t->run++;
            int w = where_index(res.text);
            t->where[w]++;
            if (w != STEPS + 2)
                t->hit++;
            else if (res.ok) {
                /* a point that never injects its fault tests nothing */
                res.ok = false;
                snprintf(res.text + strlen(res.text), sizeof res.text - strlen(res.text),
                         "FAIL the fault was never injected (the scenario makes fewer operations of this kind)");
            }
            char pn[64];
            point_name(p, pn, sizeof pn);
            take_stops(res.text, pn);
            int o = outcome_index(res.text);
            if (o >= 0)
                t->outcome[o]++;
            if (!res.ok) {
                t->failed++;
                if (!t->first_fail[0])
                    snprintf(t->first_fail, sizeof t->first_fail, "VB_FAULT_ONLY=%s SEED=%u: %.1000s", pn, seed,
                             res.text);
                size_t fl = strlen(t->fail_points);
                if (fl + 40 < sizeof t->fail_points)
                    snprintf(t->fail_points + fl, sizeof t->fail_points - fl, "%s%ld", fl ? "," : "", p->n);
                if (only || t->failed <= 3)
                    t_note("failed: VB_FAULT_ONLY=%s: %s", pn, res.text);
            } else if (only) {
                t_note("%s: %s", pn, res.text);
            }
            done++;
        }
    }

    /* 3. one check per kind and code */
    long per_kind[KINDS] = { 0 };
    for (int k = 0; k < KINDS; k++) {
        for (int full = 0; full <= (kinds[k].full ? 1 : 0); full++) {
            tally *t = &tallies[k][full];
            if (t->planned == 0)
                continue;
            per_kind[k] += t->run;
            char name[200];
            snprintf(name, sizeof name, "faults: %s fails with %s at each of %ld points: no crash, message, draft "
                                        "kept, retry saves, nothing lost, database whole",
                     kinds[k].name, full ? "SQLITE_FULL" : "SQLITE_IOERR", t->run);
            t_report(t->failed == 0 && t->run == t->planned, name, "%ld of %ld points failed (N = %s); first: %s",
                     t->failed, t->run, t->fail_points, t->first_fail);
            char where[400] = "";
            size_t wl = 0;
            static const char *const extra[] = { "start", "shutdown", "never" };
            for (int w = 0; w < STEPS + 3; w++) {
                if (!t->where[w])
                    continue;
                const char *nm = w == 0 ? extra[0] : w <= STEPS ? steps[w - 1].name : extra[w - STEPS];
                wl += (size_t)snprintf(where + wl, sizeof where - wl, "%s%s %ld", wl ? ", " : "", nm, t->where[w]);
                if (wl >= sizeof where)
                    break;
            }
            t_note("%s %s: %ld points (N = 1..%ld%s), hit in: %s", kinds[k].name, full ? "FULL" : "IOERR", t->run,
                   count[k], count[k] > cap && stride > 1 && !only ? ", every N up to the cap, then sparse" : "",
                   where);
            wl = 0;
            where[0] = '\0';
            for (int o = 0; o < OUTCOMES && wl < sizeof where; o++)
                if (t->outcome[o])
                    wl += (size_t)snprintf(where + wl, sizeof where - wl, "%s%s %ld", wl ? ", " : "", outcomes[o],
                                           t->outcome[o]);
            t_note("  then: %s", where[0] ? where : "-");
        }
    }
    bool sparse = false;
    for (int k = 0; k < KINDS; k++)
        sparse |= count[k] > cap;
    if (!only && sparse && stride > 1)
        t_note("beyond the first %ld points of a kind, every %ld-th N from a seeded offset (SEED=%u)", cap, stride,
               seed);
    long silent = 0, stopped = 0;
    char silent_text[1200] = "";
    for (int i = 0; i < nstops; i++) {
        t_note("stopped before Save (%ld points, e.g. VB_FAULT_ONLY=%s): %s", stops[i].n, stops[i].example,
               stops[i].text);
        stopped += stops[i].n;
        if (strstr(stops[i].text, "on screen: no error message")) {
            size_t l = strlen(silent_text);
            snprintf(silent_text + l, sizeof silent_text - l, "%s%ld points (e.g. VB_FAULT_ONLY=%s): %.200s",
                     l ? " | " : "", stops[i].n, stops[i].example, stops[i].text);
            silent += stops[i].n;
        }
    }
    if (stopped)
        t_report(silent == 0, "faults: when a fault stops a step before its Save, the screen says so",
                 "%ld of %ld such points show no error message (SEED=%u): %s", silent, stopped, seed, silent_text);
    long reads = per_kind[K_READ] + per_kind[K_COLDREAD];
    t_note("fault points: writes %ld, syncs %ld, reads %ld, total %ld", per_kind[K_WRITE], per_kind[K_SYNC], reads,
           per_kind[K_WRITE] + per_kind[K_SYNC] + reads);
    t_note("(writes and syncs with SQLITE_IOERR and SQLITE_FULL; reads with SQLITE_IOERR, %ld of them with a cold "
           "cache; also %ld truncate points); %d jobs at once; %.1f s",
           per_kind[K_COLDREAD], per_kind[K_TRUNCATE], jobs, now_s() - t0);
    free(pts);
    free(running);
    free(busy);
    platform_close(plat);
    return t_done();
}

/* test_moderation.c: the team lead's work on ideas and learning points in
 * the store (kiosk/store/idea_flow.c), on temporary databases:
 *   - status moves with and without the required feedback, the first
 *     feedback set once, history and audit rows in the same transaction;
 *   - merging a duplicate: one vote per person, the right counts;
 *   - hiding: gone from the idea box list and the wall, kept, audited;
 *     approving a learning point's text for the wall;
 *   - redaction: the removed word is in neither the row, the search index,
 *     the copies (actions, audit) nor the bytes of the database file and its
 *     -wal (a `grep -a` of both);
 *   - deletion for a privacy request of an idea and of a learning point:
 *     neither the text nor its words remain in the file or the -wal,
 *     including the FTS5 index (whose segments keep deleted terms until
 *     merged: measured here), and a reader that blocks the -wal truncation
 *     is reported;
 *   - the backups that still hold a deleted text, with their expiry. */
#define _GNU_SOURCE 1
#include <sqlite3.h>
#include <string.h>
#include <time.h>

#include "../kiosk/core/idea_flow.h"
#include "../kiosk/core/utf8.h"
#include "../kiosk/store/store.h"
#include "../kiosk/store/store_audit.h"
#include "../kiosk/store/store_idea_flow.h"
#include "../kiosk/store/store_ideas.h"
#include "../kiosk/store/store_internal.h"
#include "../kiosk/store/store_learning.h"
#include "../kiosk/store/store_wall.h"
#include "testlib.h"

#define NOW_S 1795676100 /* 2026-11-26 06:55 UTC */
#define LEAD 1

static int db_counter;

static store *open_db(const char *name)
{
    char file[64];
    snprintf(file, sizeof file, "%s-%d.db", name, ++db_counter);
    store *s = NULL;
    vb_err err;
    vb_err_clear(&err);
    vb_code rc = store_open(&s, t_path(file), STORE_READWRITE, NOW_S, &err);
    if (!t_report(rc == VB_OK, "open a temporary database", "%s: %s", vb_code_name(rc), err.msg))
        exit(1);
    return s;
}

static void raw_exec(store *s, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        t_report(false, "raw SQL", "%s: %s", sql, msg ? msg : "?");
        sqlite3_free(msg);
    }
}

static int64_t raw_int(store *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int64_t raw_int(store *s, const char *fmt, ...)
{
    char sql[1000];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(sql, sizeof sql, fmt, ap);
    va_end(ap);
    sqlite3_stmt *st = NULL;
    int64_t v = -1;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

static void raw_text(store *s, char *out, size_t size, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static void raw_text(store *s, char *out, size_t size, const char *fmt, ...)
{
    char sql[1000];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(sql, sizeof sql, fmt, ap);
    va_end(ap);
    sqlite3_stmt *st = NULL;
    out[0] = '\0';
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW &&
        sqlite3_column_text(st, 0))
        snprintf(out, size, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
}

static void add_members(store *s, int n)
{
    for (int i = 1; i <= n; i++) {
        char sql[200];
        snprintf(sql, sizeof sql, "INSERT INTO member (id, name, role, created_at) VALUES (%d, 'Member %d', '%s', %d)",
                 i, i, i == LEAD ? "lead" : "worker", NOW_S - 1000);
        raw_exec(s, sql);
    }
}

static int64_t submit(store *s, const char *title, const char *desc, int64_t member)
{
    idea_input in = { title, desc, 5, member, NOW_S - 86400 };
    int64_t id = 0;
    vb_err err;
    vb_err_clear(&err);
    if (store_idea_submit(s, &in, &id, &err) != VB_OK)
        t_report(false, "submit a test idea", "'%s': %s", title, err.msg);
    return id;
}

static void vote(store *s, int64_t idea, int64_t member)
{
    vb_err err;
    vb_err_clear(&err);
    if (store_idea_vote_set(s, idea, member, true, NOW_S - 3600, NULL, NULL, &err) != VB_OK)
        t_report(false, "vote", "%s", err.msg);
}

/* `grep -a -c`, case-insensitive ASCII, over the database file and its
 * -wal: how many times needle occurs in their bytes. */
static int grep_files(store *s, const char *needle)
{
    int hits = 0;
    char path[4200];
    /* every file: the main one and the anonymous one (store_anon.h), with their logs */
    const char *suffixes[] = { "", "-wal", "-shm", "-anon", "-anon-wal", "-anon-shm" };
    size_t nl = strlen(needle);
    for (int i = 0; i < 6; i++) {
        snprintf(path, sizeof path, "%s%s", store_path(s), suffixes[i]);
        size_t len = 0;
        char *data = t_read_file(path, &len);
        if (!data)
            continue;
        for (size_t k = 0; k + nl <= len; k++)
            if (strncasecmp(data + k, needle, nl) == 0)
                hits++;
        free(data);
    }
    return hits;
}

static int64_t file_size(store *s, const char *suffix)
{
    char path[4200];
    snprintf(path, sizeof path, "%s%s", store_path(s), suffix);
    struct stat st;
    return stat(path, &st) == 0 ? (int64_t)st.st_size : -1;
}

/* ---- status moves ----------------------------------------------------------------- */

static void test_moves(void)
{
    store *s = open_db("moves");
    add_members(s, 3);
    int64_t id = submit(s, "Pallets links stapelen", "Dan blijft het pad vrij.", 2);
    vb_err err;
    flow_verdict why;
    int64_t audits0 = raw_int(s, "SELECT count(*) FROM audit_log");

    /* new -> adopted is not a move at all */
    vb_err_clear(&err);
    T_EQ_INT(store_idea_move_ex(s, id, IDEA_ADOPTED, "Goed", LEAD, NOW_S, &why, &err), VB_ERR_INVALID,
             "move: new -> adopted is refused");
    T_CHECK(why == FLOW_REFUSED_NOT_ALLOWED, "move: ...because it is not a move of the workflow");

    /* new -> review without feedback: allowed, no first feedback */
    vb_err_clear(&err);
    T_EQ_INT(store_idea_move(s, id, IDEA_REVIEW, NULL, LEAD, NOW_S, &err), VB_OK, "move: new -> review without feedback");
    T_EQ_INT(raw_int(s, "SELECT first_feedback_at IS NULL AND feedback IS NULL AND status_changed_at = %d"
                        " FROM idea WHERE id = %lld", NOW_S, (long long)id),
             1, "move: status_changed_at set, no feedback, no first feedback yet");

    /* review -> adopted without feedback: refused, nothing stored */
    int64_t hist = raw_int(s, "SELECT count(*) FROM idea_history WHERE idea_id = %lld", (long long)id);
    vb_err_clear(&err);
    T_EQ_INT(store_idea_move_ex(s, id, IDEA_ADOPTED, "   ", LEAD, NOW_S + 60, &why, &err), VB_ERR_INVALID,
             "move: review -> adopted without feedback is refused");
    T_CHECK(why == FLOW_REFUSED_NEEDS_FEEDBACK, "move: ...because feedback is required");
    char text[2000];
    raw_text(s, text, sizeof text, "SELECT status FROM idea WHERE id = %lld", (long long)id);
    T_EQ_STR(text, "review", "move: a refused move changes nothing");
    T_EQ_INT(raw_int(s, "SELECT count(*) FROM idea_history WHERE idea_id = %lld", (long long)id), hist,
             "move: a refused move adds no history");

    /* review -> trial with feedback: the first feedback */
    vb_err_clear(&err);
    T_EQ_INT(store_idea_move(s, id, IDEA_TRIAL, "  We proberen het een week op lijn 2.  ", LEAD, NOW_S + 100, &err),
             VB_OK, "move: review -> trial with feedback");
    T_EQ_INT(raw_int(s, "SELECT first_feedback_at FROM idea WHERE id = %lld", (long long)id), NOW_S + 100,
             "move: the first feedback is the first move with a text");
    raw_text(s, text, sizeof text, "SELECT feedback FROM idea WHERE id = %lld", (long long)id);
    T_EQ_STR(text, "We proberen het een week op lijn 2.", "move: the feedback is stored trimmed");

    /* trial -> adopted with feedback: first_feedback_at stays */
    vb_err_clear(&err);
    T_EQ_INT(store_idea_move(s, id, IDEA_ADOPTED, "Ingevoerd: het pad is vrij.", LEAD, NOW_S + 200, &err), VB_OK,
             "move: trial -> adopted with feedback");
    T_EQ_INT(raw_int(s, "SELECT first_feedback_at FROM idea WHERE id = %lld", (long long)id), NOW_S + 100,
             "move: first_feedback_at is set only once");
    T_EQ_INT(raw_int(s, "SELECT feedback_at = %d AND status_changed_at = %d AND status = 'adopted' FROM idea"
                        " WHERE id = %lld", NOW_S + 200, NOW_S + 200, (long long)id),
             1, "move: feedback_at and status_changed_at follow the latest move");
    raw_text(s, text, sizeof text,
             "SELECT group_concat(coalesce(from_status, '-') || '>' || to_status || ':' || coalesce(feedback, '')"
             " || '@' || coalesce(member_id, 0), ' | ') FROM (SELECT * FROM idea_history WHERE idea_id = %lld"
             " ORDER BY id)", (long long)id);
    T_EQ_STR(text,
             "->new:@2 | new>review:@1 | review>trial:We proberen het een week op lijn 2.@1 | "
             "trial>adopted:Ingevoerd: het pad is vrij.@1",
             "move: one history row per move, with the lead and the feedback");
    raw_text(s, text, sizeof text,
             "SELECT group_concat(action || ' ' || subject || ' ' || detail || ' @' || member_id, ' | ') FROM"
             " (SELECT * FROM audit_log WHERE id > %lld ORDER BY id)", (long long)audits0);
    char want[600];
    snprintf(want, sizeof want,
             "idea_status idea:%lld new -> review @1 | idea_status idea:%lld review -> trial: We proberen het een week"
             " op lijn 2. @1 | idea_status idea:%lld trial -> adopted: Ingevoerd: het pad is vrij. @1",
             (long long)id, (long long)id, (long long)id);
    T_EQ_STR(text, want, "move: one audit row per move ('idea_status', 'idea:<id>', \"<from> -> <to>: <feedback>\")");

    /* reopening needs a reason */
    vb_err_clear(&err);
    T_EQ_INT(store_idea_move_ex(s, id, IDEA_REVIEW, NULL, LEAD, NOW_S + 300, &why, &err), VB_ERR_INVALID,
             "move: reopening without a reason is refused");
    T_CHECK(why == FLOW_REFUSED_NEEDS_REASON, "move: ...because a reason is required");
    vb_err_clear(&err);
    T_EQ_INT(store_idea_move(s, id, IDEA_REVIEW, "Nieuwe kar, opnieuw bekijken.", LEAD, NOW_S + 300, &err), VB_OK,
             "move: reopening with a reason");
    /* a double tap: the same move again is refused, not stored twice */
    vb_err_clear(&err);
    T_EQ_INT(store_idea_move_ex(s, id, IDEA_REVIEW, "Nieuwe kar, opnieuw bekijken.", LEAD, NOW_S + 301, &why, &err),
             VB_ERR_INVALID, "move: the same move twice (a double tap) is refused the second time");
    T_CHECK(why == FLOW_REFUSED_SAME, "move: ...because it already is so");

    /* other refusals */
    vb_err_clear(&err);
    T_EQ_INT(store_idea_move(s, id + 100, IDEA_REVIEW, NULL, LEAD, NOW_S, &err), VB_ERR_NOTFOUND,
             "move: an unknown idea");
    vb_err_clear(&err);
    T_EQ_INT(store_idea_move(s, id, IDEA_DUPLICATE, NULL, LEAD, NOW_S, &err), VB_ERR_INVALID,
             "move: duplicate only through a merge");
    char big[600];
    memset(big, 'x', 501);
    big[501] = '\0';
    vb_err_clear(&err);
    T_EQ_INT(store_idea_move(s, id, IDEA_ADOPTED, big, LEAD, NOW_S, &err), VB_ERR_INVALID,
             "move: feedback over 500 characters is refused");
    vb_err_clear(&err);
    T_EQ_INT(store_idea_move(s, id, IDEA_ADOPTED, "bad \xFF", LEAD, NOW_S, &err), VB_ERR_INVALID,
             "move: invalid UTF-8 is refused");

    /* the idea box list shows the latest feedback */
    idea_row rows[8];
    int n = 0;
    vb_err_clear(&err);
    store_ideas_page(s, IDEA_MASK_LISTED, 0, 0, 8, rows, &n, &err);
    T_CHECK(n == 1 && strcmp(rows[0].feedback, "Nieuwe kar, opnieuw bekijken.") == 0 && rows[0].status == IDEA_REVIEW,
            "move: the idea box list shows the status and the latest feedback");
    store_close(s);
}

/* ---- merging ------------------------------------------------------------------------ */

static void test_merge(void)
{
    store *s = open_db("merge");
    add_members(s, 6);
    int64_t keep = submit(s, "Veiligheidsbrillen bij de ingang", "", 2);
    int64_t dup = submit(s, "Brillenrek bij de deur", "", 3);
    /* members 2, 3 vote for both; 4 only for keep; 5, 6 only for dup */
    vote(s, keep, 2);
    vote(s, keep, 3);
    vote(s, keep, 4);
    vote(s, dup, 2);
    vote(s, dup, 3);
    vote(s, dup, 5);
    vote(s, dup, 6);
    vb_err err;
    vb_err_clear(&err);
    T_EQ_INT(store_idea_merge(s, dup, dup, LEAD, NOW_S, &err), VB_ERR_INVALID, "merge: not into itself");
    vb_err_clear(&err);
    T_EQ_INT(store_idea_merge(s, dup, keep, LEAD, NOW_S, &err), VB_OK, "merge: a duplicate into the surviving idea");
    T_EQ_INT(raw_int(s, "SELECT count(*) FROM vote WHERE idea_id = %lld", (long long)keep), 5,
             "merge: the surviving idea has every voter once (2, 3, 4, 5, 6)");
    T_EQ_INT(raw_int(s, "SELECT vote_count FROM idea WHERE id = %lld", (long long)keep), 5,
             "merge: its vote_count agrees (triggers)");
    T_EQ_INT(raw_int(s, "SELECT count(*) FROM (SELECT member_id FROM vote GROUP BY member_id, idea_id"
                        " HAVING count(*) > 1)"), 0, "merge: nobody has two votes for one idea");
    T_EQ_INT(raw_int(s, "SELECT count(*) FROM vote WHERE idea_id = %lld", (long long)dup), 0,
             "merge: the duplicate keeps no votes");
    T_EQ_INT(raw_int(s, "SELECT vote_count FROM idea WHERE id = %lld", (long long)dup), 0,
             "merge: the duplicate's vote_count is 0");
    T_EQ_INT(raw_int(s, "SELECT status = 'duplicate' AND merged_into = %lld AND status_changed_at = %d FROM idea"
                        " WHERE id = %lld", (long long)keep, NOW_S, (long long)dup),
             1, "merge: the duplicate is marked, with merged_into");
    T_EQ_INT(raw_int(s, "SELECT count(*) FROM idea_history WHERE idea_id = %lld AND from_status = 'new'"
                        " AND to_status = 'duplicate' AND member_id = %d", (long long)dup, LEAD),
             1, "merge: a history row");
    char text[600], want[300];
    raw_text(s, text, sizeof text, "SELECT detail FROM audit_log WHERE action = 'idea_merge' AND subject = 'idea:%lld'",
             (long long)dup);
    snprintf(want, sizeof want, "new -> duplicate: merged into idea:%lld, 2 votes moved, 2 counted once",
             (long long)keep);
    T_EQ_STR(text, want, "merge: an audit row with the counts");
    idea_row rows[8];
    int n = 0;
    store_ideas_page(s, IDEA_MASK_LISTED, 0, 0, 8, rows, &n, &err);
    T_CHECK(n == 1 && rows[0].id == keep && rows[0].vote_count == 5, "merge: the list shows one idea with 5 votes");
    vb_err_clear(&err);
    T_EQ_INT(store_idea_merge(s, dup, keep, LEAD, NOW_S, &err), VB_ERR_INVALID, "merge: a duplicate cannot merge again");

    /* only new ideas become duplicates; a declined idea takes no votes */
    int64_t c = submit(s, "Derde idee over brillen", "", 4);
    int64_t d = submit(s, "Vierde idee over brillen", "", 4);
    store_idea_move(s, d, IDEA_DECLINED, "Te duur.", LEAD, NOW_S, &err);
    vb_err_clear(&err);
    T_EQ_INT(store_idea_merge(s, c, d, LEAD, NOW_S, &err), VB_ERR_INVALID, "merge: not into a declined idea");
    store_idea_move(s, c, IDEA_REVIEW, NULL, LEAD, NOW_S, &err);
    vb_err_clear(&err);
    T_EQ_INT(store_idea_merge(s, c, keep, LEAD, NOW_S, &err), VB_ERR_INVALID,
             "merge: an idea under review is no longer 'new': the rule refuses it");
    vb_err_clear(&err);
    T_EQ_INT(store_idea_merge(s, c, 9999, LEAD, NOW_S, &err), VB_ERR_NOTFOUND, "merge: an unknown idea");
    store_close(s);
}

/* ---- hiding ------------------------------------------------------------------------------ */

static void test_hide(void)
{
    static wall_data wall;
    store *s = open_db("hide");
    add_members(s, 3);
    int64_t a = submit(s, "Koffieautomaat naast de kantine", "", 2);
    int64_t b = submit(s, "Verlichting bij de laadkuil", "", 3);
    vote(s, a, 2);
    vb_err err;
    store_idea_move(s, b, IDEA_REVIEW, NULL, LEAD, NOW_S, &err);
    store_idea_move(s, b, IDEA_ADOPTED, "Lampen hangen er.", LEAD, NOW_S, &err);

    vb_err_clear(&err);
    T_EQ_INT(store_wall_load(s, NOW_S, &wall, &err), VB_OK, "hide: the wall loads");
    T_CHECK(wall.idea_count == 1 && wall.ideas[0].id == a && wall.improved_count == 1 && wall.improved[0].id == b,
            "hide: before, the wall shows both (open and improved)");

    vb_err_clear(&err);
    T_EQ_INT(store_idea_set_hidden(s, a, true, LEAD, NOW_S, &err), VB_OK, "hide: an open idea");
    T_EQ_INT(store_idea_set_hidden(s, b, true, LEAD, NOW_S, &err), VB_OK, "hide: an adopted idea");
    T_EQ_INT(store_idea_set_hidden(s, b, true, LEAD, NOW_S, &err), VB_OK, "hide: twice is no error");
    T_EQ_INT(raw_int(s, "SELECT count(*) FROM audit_log WHERE action = 'idea_hide'"), 2,
             "hide: audited once per change");
    idea_row rows[8];
    int n = -1;
    store_ideas_page(s, IDEA_MASK_LISTED, 0, 0, 8, rows, &n, &err);
    T_EQ_INT(n, 0, "hide: gone from store_ideas_page");
    store_wall_load(s, NOW_S, &wall, &err);
    T_CHECK(wall.idea_count == 0 && wall.improved_count == 0, "hide: gone from the wall");
    T_EQ_INT(raw_int(s, "SELECT count(*) FROM idea WHERE hidden = 1"), 2, "hide: the ideas are kept");
    int hidden_n = 0;
    store_ideas_hidden(s, rows, 8, &n, &err);
    store_ideas_hidden_count(s, &hidden_n, &err);
    T_CHECK(n == 2 && hidden_n == 2, "hide: the lead's list of hidden ideas has both");
    T_EQ_INT(store_idea_set_hidden(s, a, false, LEAD, NOW_S, &err), VB_OK, "hide: show again");
    store_ideas_page(s, IDEA_MASK_LISTED, 0, 0, 8, rows, &n, &err);
    T_CHECK(n == 1 && rows[0].id == a && rows[0].vote_count == 1, "hide: back in the list with its votes");
    T_EQ_INT(raw_int(s, "SELECT count(*) FROM audit_log WHERE action = 'idea_unhide' AND subject = 'idea:%lld'",
                     (long long)a), 1, "hide: showing again is audited");
    vb_err_clear(&err);
    T_EQ_INT(store_idea_set_hidden(s, 999, true, LEAD, NOW_S, &err), VB_ERR_NOTFOUND, "hide: an unknown idea");

    /* learning points: hide, and approve for the wall */
    lp_saved lp;
    lp_new in = { 1, 0, "Doos viel van de band", "Band eerder stoppen", 0 };
    vb_err_clear(&err);
    T_EQ_INT(store_learning_save(s, &in, NOW_S, &lp, &err), VB_OK, "wall: an anonymous learning point");
    store_wall_load(s, NOW_S, &wall, &err);
    T_CHECK(wall.text_count == 0 && wall.learning_total == 1, "wall: an anonymous text is not on the wall by itself");
    T_EQ_INT(store_lp_set_wall(s, lp.id, true, LEAD, NOW_S, &err), VB_OK, "wall: the lead approves the text");
    store_wall_load(s, NOW_S, &wall, &err);
    T_CHECK(wall.text_count == 1 && strstr(wall.texts[0], "Doos viel van de band"), "wall: then it is on the wall");
    T_EQ_INT(raw_int(s, "SELECT count(*) FROM audit_log WHERE action = 'lp_wall_approve' AND subject = 'lp:%s'", lp.id),
             1, "wall: approval audited");
    lp_moderation mod;
    T_CHECK(store_lp_moderation_get(s, lp.id, &mod, &err) == VB_OK && mod.anonymous && mod.wall_approved &&
                !mod.hidden && strcmp(mod.category_code, "quality") == 0,
            "wall: the lead's view of the point");
    T_EQ_INT(store_lp_set_hidden(s, lp.id, true, LEAD, NOW_S, &err), VB_OK, "hide: a learning point");
    store_wall_load(s, NOW_S, &wall, &err);
    T_CHECK(wall.text_count == 0 && wall.learning_total == 0, "hide: the hidden point leaves the wall");
    int count = -1;
    store_learning_count(s, 0, &count, &err);
    T_EQ_INT(count, 0, "hide: and the learning-point list");
    lp_moderation hid[4];
    store_lps_hidden(s, hid, 4, &n, &err);
    T_CHECK(n == 1 && strcmp(hid[0].id, lp.id) == 0, "hide: the lead's list of hidden points has it");
    T_EQ_INT(store_lp_set_hidden(s, lp.id, false, LEAD, NOW_S, &err), VB_OK, "hide: show the point again");
    T_EQ_INT(store_lp_set_wall(s, lp.id, false, LEAD, NOW_S, &err), VB_OK, "wall: take it off the wall");
    T_EQ_INT(raw_int(s, "SELECT count(*) FROM audit_log WHERE subject = 'lp:%s'", lp.id), 4,
             "hide: four lead actions on the point, four audit rows");
    vb_err_clear(&err);
    T_EQ_INT(store_lp_set_hidden(s, "0000000000000000", true, LEAD, NOW_S, &err), VB_ERR_NOTFOUND,
             "hide: an unknown learning point");
    store_close(s);
}

/* ---- redaction ------------------------------------------------------------------------------ */

static void test_redact(void)
{
    store *s = open_db("redact");
    add_members(s, 3);
    int64_t id = submit(s, "Kwastenbak bij station 4",
                        "Gijsbertha Zwartebergstraatje laat de kwasten altijd in de bak staan.", 2);
    /* a copy: an action made from the idea at the daily start (its text
     * started as the idea's), and its audit row */
    raw_exec(s, "INSERT INTO action (id, description, owner_id, due_day, origin, idea_id, created_at) VALUES"
                " (7, 'Met Gijsbertha Zwartebergstraatje praten', 2, '2026-12-01', 'idea', 1, 1795670000)");
    raw_exec(s, "INSERT INTO audit_log (at, member_id, action, subject, detail) VALUES (1795670000, 1, 'action_add',"
                " 'action:7', 'from idea:1 for Member 2, due 2026-12-01: Met Gijsbertha Zwartebergstraatje praten')");
    raw_exec(s, "PRAGMA wal_checkpoint(TRUNCATE)");
    T_CHECK(grep_files(s, "Zwartebergstraatje") > 0, "redact: before, the name is in the file (the check can see it)");

    vb_err err;
    int replaced = 0;
    bool cleared = false;
    vb_err_clear(&err);
    T_EQ_INT(store_idea_redact(s, id, REDACT_IDEA_DESCRIPTION, "Wolfgang", LEAD, NOW_S, &replaced, &cleared, &err),
             VB_ERR_NOTFOUND, "redact: a part that does not occur is refused");
    vb_err_clear(&err);
    T_EQ_INT(store_idea_redact(s, id, REDACT_IDEA_DESCRIPTION, "  Gijsbertha Zwartebergstraatje ", LEAD, NOW_S,
                               &replaced, &cleared, &err),
             VB_OK, "redact: a colleague's name in the description");
    T_EQ_INT(replaced, 1, "redact: one part replaced");
    T_CHECK(cleared, "redact: the -wal was truncated");
    char text[2000];
    raw_text(s, text, sizeof text, "SELECT description FROM idea WHERE id = %lld", (long long)id);
    T_EQ_STR(text, "[\xE2\x80\xA6] laat de kwasten altijd in de bak staan.", "redact: the row has [\xE2\x80\xA6]");
    raw_text(s, text, sizeof text, "SELECT folded FROM idea_search WHERE rowid = %lld", (long long)id);
    T_CHECK(!strstr(text, "zwartebergstraatje") && !strstr(text, "gijsbertha") && strstr(text, "kwastenbak"),
            "redact: the search text lost the name, kept the rest");
    T_EQ_INT(raw_int(s, "SELECT count(*) FROM idea_search WHERE idea_search MATCH '\"zwartebergstraatje\"'"), 0,
             "redact: the search index no longer finds the name");
    T_EQ_INT(raw_int(s, "SELECT count(*) FROM idea_search WHERE idea_search MATCH '\"kwasten\"'"), 1,
             "redact: it still finds the rest");
    raw_text(s, text, sizeof text, "SELECT description FROM action WHERE id = 7");
    T_EQ_STR(text, "Met [\xE2\x80\xA6] praten", "redact: the copy in the action too");
    T_EQ_INT(raw_int(s, "SELECT count(*) FROM audit_log WHERE detail LIKE '%%zwarteberg%%' OR detail LIKE '%%gijsb%%'"),
             0, "redact: no audit row holds the name");
    raw_text(s, text, sizeof text, "SELECT detail FROM audit_log WHERE action = 'idea_redact'");
    T_CHECK(strstr(text, "description: 1 part replaced") != NULL, "redact: audited with field and count, no text");
    T_EQ_INT(grep_files(s, "Zwartebergstraatje"), 0, "redact: grep -a finds the name in neither the file nor its -wal");
    T_EQ_INT(grep_files(s, "Gijsbertha"), 0, "redact: nor the first name");
    T_EQ_INT(file_size(s, "-wal"), 0, "redact: the -wal is empty");

    /* limits: a title may not grow past 80 characters */
    int64_t t = submit(s, "a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i j k l m n", "", 2);
    vb_err_clear(&err);
    T_EQ_INT(store_idea_redact(s, t, REDACT_IDEA_TITLE, "a", LEAD, NOW_S, &replaced, &cleared, &err), VB_ERR_INVALID,
             "redact: a title that would grow past 80 characters is refused");
    vb_err_clear(&err);
    T_EQ_INT(store_idea_redact(s, t, REDACT_LP_WHAT, "a", LEAD, NOW_S, &replaced, &cleared, &err), VB_ERR_INVALID,
             "redact: an idea has no 'what happened'");

    /* a learning point's text */
    lp_saved lp;
    lp_new in = { 2, 0, "Henkie Quaddelbroek liet de deur open", "Deur dicht houden", 0 };
    store_learning_save(s, &in, NOW_S, &lp, &err);
    raw_exec(s, "PRAGMA wal_checkpoint(TRUNCATE)");
    vb_err_clear(&err);
    T_EQ_INT(store_lp_redact(s, lp.id, REDACT_LP_WHAT, "henkie quaddelbroek", LEAD, NOW_S, &replaced, &cleared, &err),
             VB_OK, "redact: a learning point's text (either case)");
    raw_text(s, text, sizeof text, "SELECT what_happened FROM learning_point WHERE id = '%s'", lp.id);
    T_EQ_STR(text, "[\xE2\x80\xA6] liet de deur open", "redact: the learning point's row");
    T_EQ_INT(grep_files(s, "Quaddelbroek"), 0, "redact: grep -a finds the name of the learning point nowhere");
    T_EQ_INT(raw_int(s, "SELECT count(*) FROM audit_log WHERE action = 'lp_redact' AND subject = 'lp:%s'", lp.id), 1,
             "redact: audited");
    store_close(s);
}

/* ---- deletion --------------------------------------------------------------------------------- */

/* Trigrams that only the deleted words have: they are what the FTS5 index
 * stores (tokenize = 'trigram'). */
static const char *const rare_trigrams[] = { "qyx", "yxp", "xpl", "tbe", "zwa", NULL };

static int grep_trigrams(store *s)
{
    int hits = 0;
    for (int i = 0; rare_trigrams[i]; i++)
        hits += grep_files(s, rare_trigrams[i]);
    return hits;
}

static void fill_ideas(store *s, int n)
{
    static const char *const words[] = { "machine", "lijn", "pallet", "kwaliteit", "band", "koffie", "magazijn",
                                         "heftruck", "orde", "licht" };
    for (int i = 0; i < n; i++) {
        char title[80], desc[200];
        snprintf(title, sizeof title, "Idee %d over de %s", i, words[i % 10]);
        snprintf(desc, sizeof desc, "Meer %s bij de %s en de %s, nummer %d.", words[(i * 3) % 10],
                 words[(i * 7) % 10], words[(i + 4) % 10], i * 37);
        submit(s, title, desc, 2);
    }
}

static void test_delete_idea(void)
{
    store *s = open_db("delete");
    add_members(s, 4);
    fill_ideas(s, 300);
    int64_t id = submit(s, "Zwartebergstraatje afsluiten", "Qyxplonk zegt: de poort Zwartebergstraatje moet dicht.", 3);
    int64_t other = submit(s, "Poort bij het hek", "", 4);
    vote(s, id, 2);
    vote(s, id, 4);
    vb_err err;
    store_idea_move(s, id, IDEA_REVIEW, "Kijken we naar, Qyxplonk.", LEAD, NOW_S, &err);
    raw_exec(s, "INSERT INTO action (id, description, owner_id, due_day, origin, idea_id, created_at) VALUES"
                " (3, 'Zwartebergstraatje afsluiten', 2, '2026-12-01', 'idea', 301, 1795670000)");
    raw_exec(s, "INSERT INTO audit_log (at, member_id, action, subject, detail) VALUES (1795670000, 1, 'action_add',"
                " 'action:3', 'from idea:301 for Member 2, due 2026-12-01: Zwartebergstraatje afsluiten')");
    T_EQ_INT(id, 301, "delete: the idea to delete has id 301");
    raw_exec(s, "PRAGMA wal_checkpoint(TRUNCATE)");
    T_CHECK(grep_files(s, "Zwartebergstraatje") > 0 && grep_files(s, "Qyxplonk") > 0,
            "delete: before, the words are in the file");
    T_CHECK(grep_trigrams(s) > 0, "delete: and their trigrams are in the search index");

    /* What SQLite 3.40 does without the merge: a copy of the database
     * with its index in one segment (as after earlier merges), the row and
     * its index row deleted, the log truncated. */
    {
        char copy[4200];
        snprintf(copy, sizeof copy, "%s.plain.db", store_path(s));
        char vac[4400];
        snprintf(vac, sizeof vac, "VACUUM INTO '%s'", copy);
        raw_exec(s, vac);
        store *p = NULL;
        if (store_open(&p, copy, STORE_READWRITE, NOW_S, &err) == VB_OK) {
            raw_exec(p, "INSERT INTO idea_search (idea_search) VALUES ('optimize'); PRAGMA wal_checkpoint(TRUNCATE);");
            raw_exec(p, "DELETE FROM action WHERE id = 3; DELETE FROM audit_log WHERE detail LIKE '%Qyxplonk%'"
                        " OR detail LIKE '%Zwarteberg%'; DELETE FROM idea_search WHERE rowid = 301;"
                        " DELETE FROM idea WHERE id = 301; PRAGMA wal_checkpoint(TRUNCATE);");
            int words = grep_files(p, "Zwartebergstraatje") + grep_files(p, "Qyxplonk");
            int tris = grep_trigrams(p);
            raw_exec(p, "INSERT INTO idea_search (idea_search) VALUES ('optimize'); PRAGMA wal_checkpoint(TRUNCATE);");
            int after = grep_trigrams(p);
            t_note("measured on 3.40 with secure_delete: after DELETE + checkpoint the words occur %d times, their "
                   "rare trigrams %d times (the old FTS5 segment keeps them); after 'optimize' + checkpoint %d times",
                   words, tris, after);
            T_EQ_INT(after, 0, "delete: measured: 'optimize' drops the deleted terms from the FTS5 index");
            store_close(p);
        }
    }

    bool cleared = false;
    int64_t t0 = (int64_t)time(NULL);
    vb_err_clear(&err);
    T_EQ_INT(store_idea_delete(s, id, LEAD, NOW_S + 10, &cleared, &err), VB_OK, "delete: an idea for a privacy request");
    t_note("deleting with a merge of the index of 300 ideas took about %lld s", (long long)((int64_t)time(NULL) - t0));
    T_CHECK(cleared, "delete: the -wal was truncated");
    T_EQ_INT(raw_int(s, "SELECT count(*) FROM idea WHERE id = %lld", (long long)id), 0, "delete: the row is gone");
    T_EQ_INT(raw_int(s, "SELECT count(*) FROM vote WHERE idea_id = %lld", (long long)id), 0, "delete: its votes too");
    T_EQ_INT(raw_int(s, "SELECT count(*) FROM idea_history WHERE idea_id = %lld", (long long)id), 0,
             "delete: its history too");
    T_EQ_INT(raw_int(s, "SELECT count(*) FROM idea_search WHERE rowid = %lld", (long long)id), 0,
             "delete: its search row too");
    T_EQ_INT(raw_int(s, "SELECT idea_id IS NULL FROM action WHERE id = 3"), 1, "delete: the action stays, unlinked");
    char text[1000];
    raw_text(s, text, sizeof text, "SELECT description FROM action WHERE id = 3");
    T_EQ_STR(text, "[\xE2\x80\xA6]", "delete: the action's copy of the title is redacted");
    raw_text(s, text, sizeof text, "SELECT detail FROM audit_log WHERE action = 'idea_status' AND subject = 'idea:301'");
    T_EQ_STR(text, "new -> review", "delete: earlier audit rows keep the move but not the feedback text");
    raw_text(s, text, sizeof text, "SELECT detail FROM audit_log WHERE action = 'idea_delete'");
    T_CHECK(strstr(text, "privacy") && strstr(text, "2 votes") && !strstr(text, "Zwarteberg"),
            "delete: audited, without the text");
    T_EQ_INT(raw_int(s, "SELECT count(*) FROM idea_search WHERE idea_search MATCH '\"qyxplonk\"'"), 0,
             "delete: the index finds the words no more");
    T_EQ_INT(grep_files(s, "Zwartebergstraatje"), 0, "delete: grep -a finds the title word in neither file nor -wal");
    T_EQ_INT(grep_files(s, "Qyxplonk"), 0, "delete: nor the description word");
    T_EQ_INT(grep_files(s, "afsluiten"), 0, "delete: nor the other words of the title");
    T_EQ_INT(grep_trigrams(s), 0, "delete: nor the words' trigrams in the FTS5 index (segments merged)");
    T_EQ_INT(file_size(s, "-wal"), 0, "delete: the -wal is empty");
    T_EQ_INT(raw_int(s, "SELECT count(*) FROM idea"), 301, "delete: the other ideas stay");
    T_EQ_INT(raw_int(s, "SELECT count(*) FROM idea_search WHERE idea_search MATCH '\"poort\"'"), 1,
             "delete: the index still works for the others");
    (void)other;
    char quick[64];
    raw_text(s, quick, sizeof quick, "PRAGMA integrity_check");
    T_EQ_STR(quick, "ok", "delete: the database is intact");
    raw_exec(s, "INSERT INTO idea_search (idea_search) VALUES ('integrity-check')");
    T_EQ_INT(sqlite3_errcode(s->db), SQLITE_OK, "delete: the search index is intact");

    vb_err_clear(&err);
    T_EQ_INT(store_idea_delete(s, id, LEAD, NOW_S, &cleared, &err), VB_ERR_NOTFOUND, "delete: twice: not found");

    /* a merged idea keeps its status when the idea it went into is deleted */
    int64_t into = submit(s, "Doel van de samenvoeging", "", 2);
    int64_t dupe = submit(s, "Dubbel idee", "", 3);
    store_idea_merge(s, dupe, into, LEAD, NOW_S, &err);
    vb_err_clear(&err);
    T_EQ_INT(store_idea_delete(s, into, LEAD, NOW_S, &cleared, &err), VB_OK, "delete: an idea others were merged into");
    T_EQ_INT(raw_int(s, "SELECT status = 'duplicate' AND merged_into IS NULL FROM idea WHERE id = %lld",
                     (long long)dupe), 1, "delete: the duplicate stays, without the link");
    store_close(s);
}

static void test_delete_lp(void)
{
    store *s = open_db("delete-lp");
    add_members(s, 3);
    lp_saved lp, keep;
    lp_new in = { 3, 0, "Zwartebergstraatje: de heftruck reed tegen het rek", "Qyxplonk-spiegel ophangen", 0 };
    lp_new other = { 3, 0, "Lekkage bij de pers", "Bak eronder", 0 };
    vb_err err;
    vb_err_clear(&err);
    T_EQ_INT(store_learning_save(s, &in, NOW_S, &lp, &err), VB_OK, "delete lp: a learning point");
    store_learning_save(s, &other, NOW_S, &keep, &err);
    store_learning_metoo_set(s, lp.id, 2, true, NULL, &err);
    store_learning_metoo_set(s, lp.id, 3, true, NULL, &err);
    char sql[600];
    snprintf(sql, sizeof sql,
             "INSERT INTO action (id, description, owner_id, due_day, origin, learning_point_id, created_at) VALUES"
             " (5, 'Qyxplonk-spiegel ophangen', 2, '2026-12-01', 'learning_point', '%s', 1795670000);"
             "UPDATE learning_point SET feedback = 'Spiegel hangt bij Zwartebergstraatje' WHERE id = '%s';"
             "INSERT INTO audit_log (at, member_id, action, subject, detail) VALUES (1795670000, 1, 'lp_feedback',"
             " 'lp:%s', 'Spiegel hangt bij Zwartebergstraatje')",
             lp.id, lp.id, lp.id);
    raw_exec(s, sql);
    raw_exec(s, "PRAGMA wal_checkpoint(TRUNCATE)");
    T_CHECK(grep_files(s, "Zwartebergstraatje") > 0, "delete lp: before, the words are in the file");
    bool cleared = false;
    vb_err_clear(&err);
    T_EQ_INT(store_lp_delete(s, lp.id, LEAD, NOW_S, &cleared, &err), VB_OK, "delete lp: for a privacy request");
    T_CHECK(cleared, "delete lp: the -wal was truncated");
    T_EQ_INT(raw_int(s, "SELECT count(*) FROM learning_point WHERE id = '%s'", lp.id), 0, "delete lp: the row is gone");
    T_EQ_INT(raw_int(s, "SELECT count(*) FROM learning_point_metoo WHERE learning_point_id = '%s'", lp.id), 0,
             "delete lp: its me-too rows too");
    T_EQ_INT(raw_int(s, "SELECT learning_point_id IS NULL FROM action WHERE id = 5"), 1,
             "delete lp: the action stays, learning_point_id NULL (FK)");
    T_EQ_INT(grep_files(s, "Zwartebergstraatje"), 0, "delete lp: grep -a finds the words in neither file nor -wal");
    T_EQ_INT(grep_files(s, "Qyxplonk"), 0, "delete lp: nor the lesson's word (also not in the action's copy)");
    T_EQ_INT(grep_files(s, "heftruck"), 0, "delete lp: nor another word of it");
    T_EQ_INT(raw_int(s, "SELECT count(*) FROM learning_point"), 1, "delete lp: the other point stays");
    T_EQ_INT(raw_int(s, "SELECT count(*) FROM audit_log WHERE action = 'lp_delete' AND subject = 'lp:%s'"
                        " AND detail NOT LIKE '%%Zwarteberg%%'", lp.id), 1, "delete lp: audited without the text");
    lp_receipt_view view;
    vb_err_clear(&err);
    T_EQ_INT(store_learning_by_receipt(s, lp.receipt, &view, &err), VB_ERR_NOTFOUND,
             "delete lp: its receipt code finds nothing");
    store_close(s);
}

/* A reader in another connection keeps the -wal from being truncated:
 * reported, kept as a job in the database (the app runs it from its loop on
 * every screen and after a restart: tests/scenario/test_privacy_files.py),
 * and a later flush finishes it. The flush never waits for the reader. */
static void test_blocked_checkpoint(void)
{
    store *s = open_db("blocked");
    add_members(s, 2);
    int64_t id = submit(s, "Zwartebergstraatje idee", "Qyxplonk", 2);
    raw_exec(s, "PRAGMA wal_checkpoint(TRUNCATE)");
    submit(s, "Nog een idee", "", 2); /* a frame in the -wal the reader will hold on to */
    sqlite3 *reader = NULL;
    sqlite3_open_v2(store_path(s), &reader, SQLITE_OPEN_READONLY, NULL);
    sqlite3_exec(reader, "BEGIN; SELECT count(*) FROM idea_row;", NULL, NULL, NULL);
    bool cleared = true;
    vb_err err;
    vb_err_clear(&err);
    T_EQ_INT(store_idea_delete(s, id, LEAD, NOW_S, &cleared, &err), VB_OK,
             "blocked: the deletion commits while another connection reads");
    T_CHECK(!cleared, "blocked: and reports that the -wal could not be truncated");
    T_CHECK(grep_files(s, "Zwartebergstraatje") > 0, "blocked: the -wal still holds the old pages then");
    T_CHECK(store_privacy_pending(s), "blocked: the clean-up is kept as a job");
    vb_err_clear(&err);
    T_EQ_INT(store_privacy_flush(s, &cleared, &err), VB_OK, "blocked: a try while the reader reads is no error");
    T_CHECK(!cleared && store_privacy_pending(s), "blocked: and leaves the job open");
    sqlite3_exec(reader, "COMMIT", NULL, NULL, NULL);
    sqlite3_close(reader);
    vb_err_clear(&err);
    T_EQ_INT(store_privacy_flush(s, &cleared, &err), VB_OK, "blocked: a later flush runs");
    T_CHECK(cleared && !store_privacy_pending(s), "blocked: and truncates the -wal, which ends the job");
    T_EQ_INT(grep_files(s, "Zwartebergstraatje") + grep_files(s, "Qyxplonk"), 0,
             "blocked: then the words are gone from both files");
    store_close(s);
}

/* ---- backups ------------------------------------------------------------------------------------ */

static int64_t local(int y, int mo, int d, int h, int mi)
{
    struct tm tm = { .tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d, .tm_hour = h, .tm_min = mi, .tm_isdst = -1 };
    return (int64_t)mktime(&tm);
}

static void test_backups(void)
{
    const char *dir = t_subdir("backups");
    const char *names[] = { "verbeterbord-20261120-020000.db", "verbeterbord-20261125-020000.db",
                            "verbeterbord-20261126-020000.db", ".verbeterbord-20261126-030000.db.tmp",
                            "verbeterbord-latest.db", "notes.txt", NULL };
    for (int i = 0; names[i]; i++) {
        char p[4400];
        snprintf(p, sizeof p, "%s/%s", dir, names[i]);
        t_write_file(p, "x", 1);
    }
    char db[4300], mig[4400];
    snprintf(db, sizeof db, "%s", t_path("kiosk.db"));
    t_write_file(db, "x", 1);
    snprintf(mig, sizeof mig, "%s.v1-20261124-061500.bak", db);
    t_write_file(mig, "x", 1);

    store_backup b[8];
    int n = -1;
    vb_err err;
    vb_err_clear(&err);
    T_EQ_INT(store_backups_holding(dir, db, local(2026, 11, 22, 9, 0), b, 8, &n, &err), VB_OK, "backups: listed");
    T_EQ_INT(n, 3, "backups: two nightly copies and one migration copy taken since the text existed");
    if (n == 3) {
        T_CHECK(strstr(b[0].path, ".v1-20261124-061500.bak") && b[0].expires_s == 0,
                "backups: the migration copy first, kept until removed by hand");
        T_CHECK(strstr(b[1].path, "verbeterbord-20261125-020000.db") &&
                    b[1].taken_s == local(2026, 11, 25, 2, 0) && b[1].expires_s == local(2026, 11, 25, 2, 0) + 14 * 86400,
                "backups: a nightly copy expires 14 days after it was taken");
        T_CHECK(strstr(b[2].path, "verbeterbord-20261126-020000.db") != NULL, "backups: oldest first");
    }
    T_EQ_INT(store_backups_holding(dir, db, local(2026, 11, 1, 0, 0), b, 2, &n, &err), VB_OK, "backups: with max 2");
    T_EQ_INT(n, 4, "backups: *n counts all (older text: all four copies)");
    T_EQ_INT(store_backups_holding(t_path("no-such-folder"), NULL, 0, b, 8, &n, &err), VB_OK,
             "backups: a missing folder is no error");
    T_EQ_INT(n, 0, "backups: and holds none");
}

int main(void)
{
    setenv("TZ", "UTC0", 1);
    tzset();
    test_moves();
    test_merge();
    test_hide();
    test_redact();
    test_delete_idea();
    test_delete_lp();
    test_blocked_checkpoint();
    test_backups();
    return t_done();
}

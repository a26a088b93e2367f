/* test_crash.c: crash safety of the real store code.
 *
 * Atomicity under SIGKILL: a child process saves learning points, votes
 * and idea status moves in a loop and reports each one it was told was saved; the parent kills it
 * with SIGKILL at a random moment, reopens the database and checks that it
 * passes integrity_check, that every reported entry is there and complete,
 * and that nothing is half-written (a vote without its idea or not counted,
 * a learning point without its texts).
 *
 * Durability under power loss: the same writer runs on the power-loss VFS
 * (tests/vfs/faultvfs.h), which holds unsynced writes in memory the way a
 * disk cache does; at a chosen sync the power is cut (unsynced data dropped,
 * sometimes garbled), then the database is opened as after a reboot. With
 * synchronous=FULL no confirmed entry may be lost.
 *
 * Each test also requires that its writers confirmed entries at all (at
 * least one per two kills or cuts over the whole test; every second kill
 * comes after the writer's first confirmed entry), so a writer that cannot
 * open the store or save cannot pass unseen.
 *
 * VB_CRASH_ITER sets the number of kills and cuts (default 100, 30 in the
 * ASan build, where each costs five times as much; make soak runs 1000); VB_SEED replays a run. A failure prints SEED=...
 * VB_CRASH_PART=kill or power runs only that part (and the control). */
#include "testdb.h"
#include "testlib.h"

#include <poll.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <time.h>

#include "../kiosk/store/store.h"
#include "../kiosk/store/store_idea_flow.h"
#include "../kiosk/store/store_ideas.h"
#include "../kiosk/store/store_learning.h"
#include "vfs/faultvfs.h"

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#else
#define UNDER_ASAN 0
#endif

#define NOW_S 1795676100 /* 2026-11-26 06:55 UTC */

static unsigned rng_state;

static unsigned rnd(void)
{
    rng_state = rng_state * 1103515245u + 12345u;
    return (rng_state >> 8) & 0xFFFFFF;
}

/* How a writer ended (its exit status) when it was not killed. */
enum { W_DONE = 0, W_OPEN_FAILED = 3, W_SAVE_FAILED = 5 };

/* The writer, in the child: opens the store and writes "O" to fd, then saves
 * entries until killed (or the power is cut), writing "L <receipt> <text>",
 * "S <idea> <status> <feedback>" or "V <idea> <member>" to fd after each save
 * the store confirmed. Failing to open or to save while the power is on is a
 * bug: the exit status says which (W_OPEN_FAILED, W_SAVE_FAILED). */
static void writer(const char *db_path, int fd, unsigned seed, int ops_max)
{
    store *s = NULL;
    vb_err err;
    if (store_open(&s, db_path, STORE_READWRITE, NOW_S, &err) != VB_OK)
        _exit(faultvfs_power_is_off() ? W_DONE : W_OPEN_FAILED);
    if (write(fd, "O\n", 2) != 2)
        _exit(W_DONE);
    unsigned st = seed;
    for (int i = 0; i < ops_max; i++) {
        st = st * 1103515245u + 12345u;
        char line[400];
        if ((st >> 16) % 5 == 0) {
            /* a lead moves an idea on; refused moves (not allowed from its
             * status) are simply skipped */
            static const idea_status targets[] = { IDEA_REVIEW, IDEA_TRIAL, IDEA_ADOPTED, IDEA_DECLINED };
            int64_t idea = 1 + (int64_t)((st >> 5) % 25);
            idea_status to = targets[(st >> 11) % 4];
            char feedback[80];
            snprintf(feedback, sizeof feedback, "Besproken op de dagstart, ronde %d", i);
            vb_code rc = store_idea_move(s, idea, to, feedback, 1, NOW_S + i, &err);
            if (rc == VB_ERR_INVALID || rc == VB_ERR_NOTFOUND)
                continue;
            if (rc != VB_OK)
                _exit(faultvfs_power_is_off() ? W_DONE : W_SAVE_FAILED);
            snprintf(line, sizeof line, "S %lld %s %s\n", (long long)idea, idea_status_code(to), feedback);
        } else if ((st >> 16) % 2 == 0) {
            char what[120];
            snprintf(what, sizeof what, "Doos %u viel van de band bij station %u, lijn ë%d", st % 997, st % 13, i);
            lp_new in = { .category_id = 1 + (int64_t)(st % 7), .place_id = 0, .what_happened = what,
                          .lesson = "Band langzamer zetten", .member_id = 0 };
            lp_saved out;
            if (store_learning_save(s, &in, NOW_S + i, &out, &err) != VB_OK)
                _exit(faultvfs_power_is_off() ? W_DONE : W_SAVE_FAILED);
            snprintf(line, sizeof line, "L %s %s\n", out.receipt, what);
        } else {
            int64_t idea = 1 + (int64_t)((st >> 4) % 25), member = 1 + (int64_t)((st >> 9) % 15);
            bool changed = false;
            vb_code rc = store_idea_vote_set(s, idea, member, true, NOW_S + i, &changed, NULL, &err);
            if (rc == VB_ERR_INVALID || rc == VB_ERR_NOTFOUND)
                continue; /* e.g. a declined idea takes no votes */
            if (rc != VB_OK)
                _exit(faultvfs_power_is_off() ? W_DONE : W_SAVE_FAILED);
            snprintf(line, sizeof line, "V %lld %lld\n", (long long)idea, (long long)member);
        }
        if (write(fd, line, strlen(line)) < 0)
            break;
    }
    _exit(W_DONE);
}

/* Everything the writers of one test reported, kept by the parent. */
static char *reported;
static size_t reported_len, reported_cap;

/* Forgets what the writers of the previous test reported (it was about
 * another database). */
static void reports_clear(void)
{
    reported_len = 0;
    if (reported)
        reported[0] = '\0';
}

/* The number of confirmed entries reported so far (not the "O" lines). */
static size_t reports_count(void)
{
    size_t lines = 0;
    for (size_t i = 0; i < reported_len; i++)
        lines += (i == 0 || reported[i - 1] == '\n') && reported[i] != 'O';
    return lines;
}

/* Why a writer that was not killed ended, or NULL when it ended well. */
static const char *writer_end(int status)
{
    static char why[80];
    if (WIFEXITED(status) && WEXITSTATUS(status) == W_DONE)
        return NULL;
    if (WIFEXITED(status) && WEXITSTATUS(status) == W_OPEN_FAILED)
        return "the writer could not open the store";
    if (WIFEXITED(status) && WEXITSTATUS(status) == W_SAVE_FAILED)
        return "a save failed while the power was on";
    if (WIFSIGNALED(status))
        snprintf(why, sizeof why, "the writer died of signal %d", WTERMSIG(status));
    else
        snprintf(why, sizeof why, "the writer exited with status %d", WEXITSTATUS(status));
    return why;
}

/* Keeps n bytes a writer reported. */
static void report_append(const char *buf, size_t n)
{
    if (reported_len + n + 1 > reported_cap) {
        reported_cap = (reported_len + n + 1) * 2;
        reported = realloc(reported, reported_cap);
    }
    memcpy(reported + reported_len, buf, n);
    reported_len += n;
    reported[reported_len] = '\0';
}

/* Waits up to 10 s for the writer's "O" line (it opened the store) and its
 * first confirmed entry, keeping what it read; false when they did not come
 * (the writer ended or hangs). */
static bool wait_first_entry(int fd)
{
    struct pollfd pfd = { .fd = fd, .events = POLLIN };
    for (int lines = 0; lines < 2;) {
        char c;
        if (poll(&pfd, 1, 10000) != 1 || read(fd, &c, 1) != 1)
            return false;
        report_append(&c, 1);
        lines += c == '\n';
    }
    return true;
}

/* At least this many confirmed entries over a whole test, so a writer that
 * confirms nothing (say, cannot open the store) does not pass unseen. A
 * single kill or cut may legitimately come before the first confirmation;
 * the kill test waits for one in every second kill. */
static size_t min_confirmed(int iterations)
{
    return (size_t)iterations / 2;
}

static void take_reports(int fd)
{
    char buf[4096];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0)
        report_append(buf, (size_t)n);
}

/* Checks the database after a crash; returns an explanation or NULL. */
static const char *verify(const char *db_path)
{
    static char why[600];
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK || !t_db_views(db, db_path)) {
        snprintf(why, sizeof why, "cannot reopen: %s", sqlite3_errmsg(db));
        sqlite3_close(db);
        return why;
    }
    const char *result = NULL;
    sqlite3_stmt *st;
    sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL);
    if (sqlite3_step(st) != SQLITE_ROW || strcmp((const char *)sqlite3_column_text(st, 0), "ok") != 0) {
        snprintf(why, sizeof why, "integrity_check: %s", sqlite3_column_text(st, 0));
        result = why;
    }
    sqlite3_finalize(st);
    static const char *const consistency[] = {
        "SELECT count(*) FROM idea i WHERE vote_count <> (SELECT count(*) FROM vote v WHERE v.idea_id = i.id)",
        "SELECT count(*) FROM vote v LEFT JOIN idea i ON i.id = v.idea_id WHERE i.id IS NULL",
        /* an anonymous idea has no timed 'new' step (store_anon.h) */
        "SELECT count(*) FROM idea i WHERE i.member_id IS NOT NULL"
        " AND NOT EXISTS (SELECT 1 FROM idea_history h WHERE h.idea_id = i.id)",
        "SELECT count(*) FROM learning_point WHERE length(what_happened) + length(lesson) = 0 OR length(receipt) <> 7",
        "SELECT count(*) FROM pragma_foreign_key_check",
        /* a status without the history row that moved it there */
        "SELECT count(*) FROM idea i WHERE i.status <> coalesce((SELECT h.to_status FROM idea_history h"
        " WHERE h.idea_id = i.id ORDER BY h.id DESC LIMIT 1), CASE WHEN i.member_id IS NULL THEN 'new' END)",
    };
    for (size_t i = 0; !result && i < sizeof consistency / sizeof consistency[0]; i++) {
        sqlite3_prepare_v2(db, consistency[i], -1, &st, NULL);
        if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) != 0) {
            snprintf(why, sizeof why, "half-written rows: %s", consistency[i]);
            result = why;
        }
        sqlite3_finalize(st);
    }
    /* every reported entry is there, complete */
    sqlite3_stmt *lp, *vote, *moved;
    sqlite3_prepare_v2(db, "SELECT 1 FROM idea_history WHERE idea_id = ? AND to_status = ? AND feedback = ?", -1,
                       &moved, NULL);
    sqlite3_prepare_v2(db, "SELECT what_happened FROM learning_point WHERE receipt = ?", -1, &lp, NULL);
    sqlite3_prepare_v2(db, "SELECT 1 FROM vote WHERE idea_id = ? AND member_id = ?", -1, &vote, NULL);
    char *save = NULL;
    char *copy = strndup(reported ? reported : "", reported_len);
    for (char *line = strtok_r(copy, "\n", &save); line && !result; line = strtok_r(NULL, "\n", &save)) {
        if (line[0] == 'L') {
            char receipt[8] = "";
            memcpy(receipt, line + 2, 7);
            const char *text = line + 10;
            sqlite3_reset(lp);
            sqlite3_bind_text(lp, 1, receipt, -1, SQLITE_STATIC);
            if (sqlite3_step(lp) != SQLITE_ROW || strcmp((const char *)sqlite3_column_text(lp, 0), text) != 0) {
                snprintf(why, sizeof why, "confirmed learning point %s lost or changed", receipt);
                result = why;
            }
        } else if (line[0] == 'S') {
            long long idea;
            char to[16];
            int off = 0;
            if (sscanf(line + 2, "%lld %15s %n", &idea, to, &off) == 2) {
                sqlite3_reset(moved);
                sqlite3_bind_int64(moved, 1, idea);
                sqlite3_bind_text(moved, 2, to, -1, SQLITE_TRANSIENT);
                sqlite3_bind_text(moved, 3, line + 2 + off, -1, SQLITE_TRANSIENT);
                if (sqlite3_step(moved) != SQLITE_ROW) {
                    snprintf(why, sizeof why, "confirmed status move of idea %lld to %s lost", idea, to);
                    result = why;
                }
            }
        } else if (line[0] == 'V') {
            long long idea, member;
            if (sscanf(line + 2, "%lld %lld", &idea, &member) == 2) {
                sqlite3_reset(vote);
                sqlite3_bind_int64(vote, 1, idea);
                sqlite3_bind_int64(vote, 2, member);
                if (sqlite3_step(vote) != SQLITE_ROW) {
                    snprintf(why, sizeof why, "confirmed vote %lld/%lld lost", idea, member);
                    result = why;
                }
            }
        }
    }
    free(copy);
    sqlite3_finalize(lp);
    sqlite3_finalize(vote);
    sqlite3_finalize(moved);
    sqlite3_close(db);
    return result;
}

static bool make_demo_db(const char *path)
{
    store *s = NULL;
    vb_err err;
    if (store_open(&s, path, STORE_READWRITE, NOW_S, &err) != VB_OK)
        return false;
    vb_code rc = store_demo_fill(s, NOW_S, &err);
    store_close(s);
    return rc == VB_OK;
}

static void test_sigkill(int iterations, unsigned seed)
{
    const char *db = t_path("kill.db");
    if (!T_CHECK(make_demo_db(db), "kill: demo database"))
        return;
    reports_clear();
    int failures = 0;
    rng_state = seed;
    for (int it = 0; it < iterations && failures == 0; it++) {
        int fds[2];
        if (pipe(fds) != 0)
            break;
        unsigned child_seed = rnd();
        pid_t pid = fork();
        if (pid == 0) {
            close(fds[0]);
            writer(db, fds[1], child_seed, 1000000);
        }
        close(fds[1]);
        /* kill at a random moment: 0.5 .. 30 ms of writing, counted from
         * the fork (so also inside store_open) in even iterations, from
         * the writer's first confirmed entry in odd ones */
        bool opened = it % 2 == 0 || wait_first_entry(fds[0]);
        struct timespec ts = { 0, (long)(500000 + rnd() % 29500000) };
        nanosleep(&ts, NULL);
        kill(pid, SIGKILL);
        int status;
        waitpid(pid, &status, 0);
        take_reports(fds[0]);
        close(fds[0]);
        const char *why = !opened ? "the writer confirmed no entry (it ended, or 10 s passed)"
                          : WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL ? NULL
                                                                                  : writer_end(status);
        if (!why)
            why = verify(db);
        if (why) {
            t_report(false, "kill: no confirmed entry lost, nothing half-written", "SEED=%u iteration %d: %s", seed,
                     it, why);
            failures++;
        }
    }
    if (failures == 0) {
        size_t confirmed = reports_count();
        t_report(true, "kill: after every SIGKILL the database is whole and keeps every confirmed entry", "%s", "");
        t_report(confirmed >= min_confirmed(iterations), "kill: the writers confirmed entries to check",
                 "SEED=%u: %zu confirmed entries over %d kills, expected at least %zu", seed, confirmed, iterations,
                 min_confirmed(iterations));
        t_note("%d kills, %zu confirmed entries checked (SEED=%u)", iterations, confirmed, seed);
    }
}

static void test_power_loss(int iterations, unsigned seed)
{
    const char *db = t_path("power.db");
    if (!T_CHECK(make_demo_db(db), "power: demo database"))
        return;
    reports_clear();
    rng_state = seed ^ 0x5bd1e995u;
    int failures = 0, garbled = 0;
    for (int it = 0; it < iterations && failures == 0; it++) {
        int fds[2];
        if (pipe(fds) != 0)
            break;
        unsigned child_seed = rnd();
        long cut_at = 1 + (long)(rnd() % 40);
        int garble = (int)(rnd() % 2);
        garbled += garble;
        pid_t pid = fork();
        if (pid == 0) {
            close(fds[0]);
            faultvfs_powerloss_register();
            faultvfs_power_cut_at(cut_at, garble, child_seed);
            writer(db, fds[1], child_seed, 200);
        }
        close(fds[1]);
        int status;
        waitpid(pid, &status, 0);
        take_reports(fds[0]);
        close(fds[0]);
        /* after a reboot the shared-memory index is gone */
        char shm[1100];
        snprintf(shm, sizeof shm, "%s-shm", db);
        unlink(shm);
        const char *why = writer_end(status);
        if (!why)
            why = verify(db);
        if (why) {
            t_report(false, "power: no confirmed entry lost after a power cut", "SEED=%u iteration %d cut at sync %ld%s: %s",
                     seed, it, cut_at, garble ? " (garbled)" : "", why);
            failures++;
        }
    }
    if (failures == 0) {
        size_t confirmed = reports_count();
        t_report(true, "power: after every power cut the database is whole and keeps every confirmed entry", "%s", "");
        t_report(confirmed >= min_confirmed(iterations), "power: the writers confirmed entries to check",
                 "SEED=%u: %zu confirmed entries over %d power cuts, expected at least %zu", seed, confirmed,
                 iterations, min_confirmed(iterations));
        t_note("%d power cuts (%d with torn writes), %zu confirmed entries checked (SEED=%u)", iterations, garbled,
               confirmed, seed);
    }
}

/* Control: with synchronous=OFF a commit is not synced, so a power cut must
 * lose it. Proves the VFS drops unsynced data rather than passing it on. */
static void test_power_control(void)
{
    const char *db = t_path("control.db");
    pid_t pid = fork();
    if (pid == 0) {
        faultvfs_powerloss_register();
        sqlite3 *c = NULL;
        sqlite3_open(db, &c);
        sqlite3_exec(c, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE t(x);", NULL, NULL, NULL);
        sqlite3_exec(c, "PRAGMA synchronous=OFF; INSERT INTO t VALUES (1);", NULL, NULL, NULL);
        faultvfs_power_cut(0, 1);
        _exit(0);
    }
    int status;
    waitpid(pid, &status, 0);
    char shm[1100];
    snprintf(shm, sizeof shm, "%s-shm", db);
    unlink(shm);
    sqlite3 *c = NULL;
    sqlite3_open(db, &c);
    sqlite3_stmt *st = NULL;
    int tables = -1, rows = -1;
    if (sqlite3_prepare_v2(c, "SELECT count(*) FROM sqlite_schema", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        tables = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    if (sqlite3_prepare_v2(c, "SELECT count(*) FROM t", -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        rows = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(c);
    t_report(tables == 1 && rows == 0, "power: control: a synced table survives, an unsynced row is lost",
             "tables %d rows %d", tables, rows);
}

int main(void)
{
    const char *iter_env = getenv("VB_CRASH_ITER");
    const char *seed_env = getenv("VB_SEED");
    int iterations = iter_env ? atoi(iter_env) : UNDER_ASAN ? 30 : 100;
    unsigned seed = seed_env ? (unsigned)strtoul(seed_env, NULL, 10) : (unsigned)time(NULL);
    if (iterations < 1)
        iterations = 1;
    setenv("TZ", "UTC0", 1);
    const char *part = getenv("VB_CRASH_PART");
    test_power_control();
    if (!part || strcmp(part, "kill") == 0)
        test_sigkill(iterations, seed);
    if (!part || strcmp(part, "power") == 0)
        test_power_loss(iterations, seed);
    return t_done();
}

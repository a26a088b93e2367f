/* gen_large.c: makes the large databases the benchmarks run on: YEARS
 * years (default 3) of a 40-person team, per year 33,000 learning points,
 * 3,300 ideas, 66,000 votes, 250 daily starts and 1,000 actions (times
 * SCALE, default 1). The 10-year database: 330,000 learning points, 33,000
 * ideas, 660,000 votes. The schema comes from the real store (migrations);
 * rows go in with plain SQL in one transaction, deterministic for a seed.
 * Usage: gen_large DB [YEARS] [SCALE] */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../kiosk/core/date.h"
#include "../../kiosk/core/receipt.h"
#include "../../kiosk/core/utf8.h"
#include "../../kiosk/store/store.h"
#include "../../kiosk/store/store_anon.h"

#define NOW_S 1795676100LL /* 2026-11-26 06:55 UTC */

static unsigned long long state = 88172645463325252ULL;
static unsigned long long next(void)
{
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
}

static const char *const words[] = { "lijn", "band", "doos", "pallet", "heftruck", "bril", "handschoen", "lamp",
                                     "zaag", "las", "robot", "sensor", "bout", "moer", "klant", "leverancier",
                                     "order", "etiket", "scanner", "kar", "stelling", "magazijn", "gereedschap",
                                     "veiligheid", "kwaliteit", "afval", "olie", "lucht", "koffie", "planning" };
#define NWORDS (sizeof words / sizeof words[0])

static void sentence(char *out, size_t size, int n)
{
    size_t o = 0;
    for (int i = 0; i < n && o + 20 < size; i++)
        o += (size_t)snprintf(out + o, size - o, "%s%s", i ? " " : "", words[next() % NWORDS]);
}

#define CHECK(x)                                                                                           \
    do {                                                                                                    \
        int rc_ = (x);                                                                                      \
        if (rc_ != SQLITE_OK && rc_ != SQLITE_DONE && rc_ != SQLITE_ROW) {                                  \
            fprintf(stderr, "gen_large: %s: %s\n", #x, sqlite3_errmsg(db));                                \
            exit(1);                                                                                        \
        }                                                                                                   \
    } while (0)

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: gen_large DB [YEARS] [SCALE]\n");
        return 2;
    }
    int years = argc > 2 ? atoi(argv[2]) : 3;
    double scale = argc > 3 ? atof(argv[3]) : 1.0;
    if (years < 1 || years > 30 || scale <= 0) {
        fprintf(stderr, "gen_large: YEARS is 1 to 30, SCALE above 0\n");
        return 2;
    }
    double per = scale * years;
    int n_lp = (int)(33000 * per), n_ideas = (int)(3300 * per), n_votes = (int)(66000 * per);
    int n_members = 40, n_days = years * 365, n_dagstarts = 250 * years, n_actions = (int)(1000 * per);
    remove(argv[1]);
    store *s = NULL;
    vb_err err;
    if (store_open(&s, argv[1], STORE_READWRITE, NOW_S, &err) != VB_OK) {
        fprintf(stderr, "gen_large: %s\n", err.msg);
        return 1;
    }
    store_close(s);
    sqlite3 *db;
    CHECK(sqlite3_open(argv[1], &db));
    /* learning points go through the program's view (store_anon.h) */
    bool anon = false;
    if (store_anon_attach_db(db, argv[1], true, &anon, &err) != VB_OK || store_anon_setup_db(db, &err) != VB_OK ||
        store_anon_views_db(db, anon, true, &err) != VB_OK) {
        fprintf(stderr, "gen_large: %s\n", err.msg);
        return 1;
    }
    CHECK(sqlite3_exec(db, "PRAGMA synchronous=OFF; PRAGMA anon.synchronous=OFF; PRAGMA cache_size=-262144;"
                           " PRAGMA anon.cache_size=-262144; BEGIN", NULL, NULL, NULL));
    CHECK(sqlite3_exec(db, "UPDATE setting SET value = 'Team Groot' WHERE key = 'team_name';"
                           "INSERT INTO place (name, sort) VALUES ('Lijn 1',1),('Lijn 2',2),('Lijn 3',3),"
                           "('Magazijn',4),('Expeditie',5),('Lasrobot',6)", NULL, NULL, NULL));
    sqlite3_stmt *st;
    CHECK(sqlite3_prepare_v2(db, "INSERT INTO member (name, role, badge, language, created_at) VALUES (?,?,?,?,?)", -1, &st, NULL));
    for (int i = 0; i < n_members; i++) {
        char name[40], badge[16];
        snprintf(name, sizeof name, "Medewerker %02d", i + 1);
        snprintf(badge, sizeof badge, "0460%03d", i);
        sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, i < 3 ? "lead" : "worker", -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, badge, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 4, i % 7 == 0 ? "pl" : "nl", -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 5, NOW_S - (years + 1LL) * 365 * 86400);
        CHECK(sqlite3_step(st));
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);

    vb_day today = vb_local_from_unix(NOW_S).day;
    CHECK(sqlite3_prepare_v2(db,
                             "INSERT INTO learning_point (id, receipt, day, shift_id, dagstart_day, category_id,"
                             " place_id, what_happened, lesson, member_id, discussed_day) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                             -1, &st, NULL));
    for (int i = 0; i < n_lp; i++) {
        char id[17], receipt[RECEIPT_SIZE], day[11], next_day[11], what[200], lesson[200];
        snprintf(id, sizeof id, "%016llx", next());
        unsigned char bytes[8];
        unsigned long long r = next();
        memcpy(bytes, &r, 8);
        receipt_from_bytes(bytes, receipt);
        vb_day d = vb_day_add(today, -(int)(next() % (unsigned)n_days));
        vb_day_format(d, day);
        vb_day_format(vb_day_add(d, 1), next_day);
        sentence(what, sizeof what, 6 + (int)(next() % 8));
        sentence(lesson, sizeof lesson, 4 + (int)(next() % 6));
        sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, receipt, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 3, day, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(st, 4, 1 + (int)(next() % 2));
        sqlite3_bind_text(st, 5, next_day, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(st, 6, 1 + (int)(next() % 7));
        sqlite3_bind_int(st, 7, 1 + (int)(next() % 6));
        sqlite3_bind_text(st, 8, what, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 9, lesson, -1, SQLITE_TRANSIENT);
        if (next() % 3 == 0)
            sqlite3_bind_int(st, 10, 1 + (int)(next() % (unsigned)n_members));
        else
            sqlite3_bind_null(st, 10);
        if (vb_day_diff(d, today) > 2)
            sqlite3_bind_text(st, 11, next_day, -1, SQLITE_TRANSIENT);
        else
            sqlite3_bind_null(st, 11);
        int rc = sqlite3_step(st);
        if (rc != SQLITE_DONE && sqlite3_extended_errcode(db) != SQLITE_CONSTRAINT_PRIMARYKEY &&
            sqlite3_extended_errcode(db) != SQLITE_CONSTRAINT_UNIQUE &&
            sqlite3_extended_errcode(db) != SQLITE_CONSTRAINT_TRIGGER) /* taken in the other file */
            CHECK(rc);
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);

    static const char *const statuses[] = { "new", "review", "trial", "adopted", "declined" };
    sqlite3_stmt *hist, *fts;
    CHECK(sqlite3_prepare_v2(db,
                             "INSERT INTO idea (id, title, description, category_id, member_id, status, created_at,"
                             " status_changed_at, feedback, feedback_at, first_feedback_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                             -1, &st, NULL));
    CHECK(sqlite3_prepare_v2(db, "INSERT INTO idea_history (idea_id, from_status, to_status, feedback, member_id, at)"
                                 " VALUES (?,?,?,?,?,?)", -1, &hist, NULL));
    CHECK(sqlite3_prepare_v2(db, "INSERT INTO idea_search (rowid, folded) VALUES (?, ?)", -1, &fts, NULL));
    for (int i = 1; i <= n_ideas; i++) {
        char title[81], desc[300], folded[800], both[400];
        sentence(title, 60, 3 + (int)(next() % 4));
        sentence(desc, sizeof desc, 10 + (int)(next() % 20));
        const char *status = statuses[next() % 5];
        int64_t created = NOW_S - (int64_t)(next() % ((unsigned long long)n_days * 86400));
        int64_t changed = created + (int64_t)(next() % (20 * 86400));
        if (changed > NOW_S)
            changed = NOW_S;
        bool fb = strcmp(status, "new") != 0;
        sqlite3_bind_int(st, 1, i);
        sqlite3_bind_text(st, 2, title, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 3, desc, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(st, 4, 1 + (int)(next() % 7));
        if (next() % 2)
            sqlite3_bind_int(st, 5, 1 + (int)(next() % (unsigned)n_members));
        else
            sqlite3_bind_null(st, 5);
        sqlite3_bind_text(st, 6, status, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 7, created);
        sqlite3_bind_int64(st, 8, strcmp(status, "new") ? changed : created);
        if (fb) {
            sqlite3_bind_text(st, 9, "Besproken in het team; zie de dagstart.", -1, SQLITE_STATIC);
            sqlite3_bind_int64(st, 10, changed);
            sqlite3_bind_int64(st, 11, changed);
        } else {
            sqlite3_bind_null(st, 9);
            sqlite3_bind_null(st, 10);
            sqlite3_bind_null(st, 11);
        }
        CHECK(sqlite3_step(st));
        sqlite3_reset(st);
        sqlite3_bind_int(hist, 1, i);
        sqlite3_bind_null(hist, 2);
        sqlite3_bind_text(hist, 3, "new", -1, SQLITE_STATIC);
        sqlite3_bind_null(hist, 4);
        sqlite3_bind_null(hist, 5);
        sqlite3_bind_int64(hist, 6, created);
        CHECK(sqlite3_step(hist));
        sqlite3_reset(hist);
        if (fb) {
            sqlite3_bind_int(hist, 1, i);
            sqlite3_bind_text(hist, 2, "new", -1, SQLITE_STATIC);
            sqlite3_bind_text(hist, 3, status, -1, SQLITE_STATIC);
            sqlite3_bind_text(hist, 4, "Besproken in het team; zie de dagstart.", -1, SQLITE_STATIC);
            sqlite3_bind_int(hist, 5, 1);
            sqlite3_bind_int64(hist, 6, changed);
            CHECK(sqlite3_step(hist));
            sqlite3_reset(hist);
        }
        snprintf(both, sizeof both, "%s %s", title, desc);
        utf8_fold(both, strlen(both), folded, sizeof folded);
        sqlite3_bind_int(fts, 1, i);
        sqlite3_bind_text(fts, 2, folded, -1, SQLITE_TRANSIENT);
        CHECK(sqlite3_step(fts));
        sqlite3_reset(fts);
    }
    sqlite3_finalize(st);
    sqlite3_finalize(hist);
    sqlite3_finalize(fts);

    CHECK(sqlite3_prepare_v2(db, "INSERT OR IGNORE INTO vote (idea_id, member_id, at) VALUES (?,?,?)", -1, &st, NULL));
    int votes = 0;
    for (long attempt = 0; votes < n_votes && attempt < 20L * n_votes; attempt++) {
        /* popular ideas get more votes */
        int idea = 1 + (int)((next() % (unsigned)n_ideas) * (next() % 100 + 1) / 100);
        sqlite3_bind_int(st, 1, idea);
        sqlite3_bind_int(st, 2, 1 + (int)(next() % (unsigned)n_members));
        sqlite3_bind_int64(st, 3, NOW_S - (int64_t)(next() % ((unsigned long long)n_days * 86400)));
        CHECK(sqlite3_step(st));
        votes += sqlite3_changes(db);
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);

    CHECK(sqlite3_prepare_v2(db, "INSERT INTO dagstart (day, started_at, ended_at, lead_id, section) VALUES (?,?,?,1,4)",
                             -1, &st, NULL));
    int held = 0;
    for (int back = 1; back <= n_days && held < n_dagstarts; back++) {
        vb_day d = vb_day_add(today, -back);
        if (d.wday == 0 || d.wday == 6)
            continue;
        char day[11];
        vb_day_format(d, day);
        int64_t start = vb_day_start_unix(d) + 7 * 3600;
        sqlite3_bind_text(st, 1, day, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(st, 2, start);
        sqlite3_bind_int64(st, 3, start + 600 + (int64_t)(next() % 300));
        CHECK(sqlite3_step(st));
        sqlite3_reset(st);
        held++;
    }
    sqlite3_finalize(st);

    CHECK(sqlite3_prepare_v2(db, "INSERT INTO action (description, owner_id, due_day, status, origin, created_at,"
                                 " closed_at, note) VALUES (?,?,?,?,?,?,?,?)", -1, &st, NULL));
    for (int i = 0; i < n_actions; i++) {
        /* made at a daily start, due two weeks later, done within six weeks;
         * of the last two months' actions half are still open */
        char desc[120], due[11];
        sentence(desc, sizeof desc, 5);
        int64_t created = NOW_S - (int64_t)(next() % ((unsigned long long)n_days * 86400));
        int64_t closed = created + 86400 + (int64_t)(next() % (40 * 86400));
        bool open = closed > NOW_S || (NOW_S - created < 60 * 86400 && next() % 2 == 0);
        vb_day_format(vb_day_add(vb_local_from_unix(created).day, 14), due);
        sqlite3_bind_text(st, 1, desc, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(st, 2, 1 + (int)(next() % (unsigned)n_members));
        sqlite3_bind_text(st, 3, due, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 4, open ? "open" : "done", -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 5, "dagstart", -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 6, created);
        if (open)
            sqlite3_bind_null(st, 7);
        else
            sqlite3_bind_int64(st, 7, closed);
        sqlite3_bind_null(st, 8);
        CHECK(sqlite3_step(st));
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    CHECK(sqlite3_exec(db, "COMMIT; PRAGMA optimize; VACUUM;", NULL, NULL, NULL));
    sqlite3_stmt *q;
    const char *counts =
        "SELECT (SELECT count(*) FROM learning_point), (SELECT count(*) FROM idea), (SELECT count(*) FROM vote),"
        " (SELECT count(*) FROM dagstart), (SELECT count(*) FROM member)";
    CHECK(sqlite3_prepare_v2(db, counts, -1, &q, NULL));
    if (sqlite3_step(q) == SQLITE_ROW)
        printf("large database %s: %d learning points, %d ideas, %d votes, %d daily starts, %d members\n", argv[1],
               sqlite3_column_int(q, 0), sqlite3_column_int(q, 1), sqlite3_column_int(q, 2),
               sqlite3_column_int(q, 3), sqlite3_column_int(q, 4));
    sqlite3_finalize(q);
    sqlite3_close(db);
    return 0;
}

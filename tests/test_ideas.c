/* test_ideas.c: the idea box store (kiosk/store/ideas.c) on temporary
 * databases: submitting with its checks and search index, the similar-idea
 * search on Dutch compounds and accents (and what must not match), voting
 * (one vote per person, taking it back, idempotent), the list by votes with
 * status filters and paging, hidden and merged ideas, the detail with its
 * history, and speed with 10,000 ideas. */
#include <sqlite3.h>
#include <time.h>

#include "../kiosk/core/date.h"
#include "../kiosk/store/store.h"
#include "../kiosk/store/store_anon.h"
#include "../kiosk/store/store_ideas.h"
#include "../kiosk/store/store_internal.h"
#include "testlib.h"

#define NOW_S 1795676100 /* 2026-11-26 06:55 local-ish; any fixed value works */

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
        exit(t_done() ? 1 : 1);
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

static int64_t raw_int(store *s, const char *sql)
{
    sqlite3_stmt *st = NULL;
    int64_t v = -1;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

static void raw_text(store *s, const char *sql, char *out, size_t size)
{
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
        snprintf(sql, sizeof sql, "INSERT INTO member (id, name, created_at) VALUES (%d, 'Member %d', %d)", i, i,
                 NOW_S - 1000);
        raw_exec(s, sql);
    }
}

static int64_t submit(store *s, const char *title, const char *desc, int64_t member, int64_t at)
{
    idea_input in = { title, desc, 7, member, at };
    int64_t id = 0;
    vb_err err;
    vb_err_clear(&err);
    vb_code rc = store_idea_submit(s, &in, &id, &err);
    if (rc != VB_OK)
        t_report(false, "submit a test idea", "'%s': %s: %s", title, vb_code_name(rc), err.msg);
    return id;
}

/* ---- submitting -------------------------------------------------------------- */

static void test_submit(void)
{
    store *s = open_db("submit");
    add_members(s, 2);
    vb_err err;
    int64_t id = 0;

    idea_input in = { "  Veiligheidsbril bij de Zaagstraat  ", "Een rek met brillen, zodat niemand zonder loopt.", 2,
                      1, NOW_S };
    vb_err_clear(&err);
    T_EQ_INT(store_idea_submit(s, &in, &id, &err), VB_OK, "submit: a signed idea is stored");
    T_CHECK(id > 0, "submit: returns the new id");
    char text[600];
    char sql[300];
    snprintf(sql, sizeof sql, "SELECT title FROM idea WHERE id = %lld", (long long)id);
    raw_text(s, sql, text, sizeof text);
    T_EQ_STR(text, "Veiligheidsbril bij de Zaagstraat", "submit: the title is stored trimmed");
    snprintf(sql, sizeof sql,
             "SELECT status || '|' || member_id || '|' || category_id || '|' || created_at || '|' || status_changed_at"
             " || '|' || vote_count || '|' || hidden FROM idea WHERE id = %lld",
             (long long)id);
    raw_text(s, sql, text, sizeof text);
    char want[200];
    snprintf(want, sizeof want, "new|1|2|%d|%d|0|0", NOW_S, NOW_S);
    T_EQ_STR(text, want, "submit: status new, signer, category, times from the caller, no votes");
    snprintf(sql, sizeof sql,
             "SELECT coalesce(from_status, '-') || '|' || to_status || '|' || coalesce(member_id, 0) || '|' || at"
             " FROM idea_history WHERE idea_id = %lld",
             (long long)id);
    raw_text(s, sql, text, sizeof text);
    snprintf(want, sizeof want, "-|new|1|%d", NOW_S);
    T_EQ_STR(text, want, "submit: one history row none -> new");
    snprintf(sql, sizeof sql, "SELECT count(*) FROM idea_history WHERE idea_id = %lld", (long long)id);
    T_EQ_INT(raw_int(s, sql), 1, "submit: exactly one history row");
    snprintf(sql, sizeof sql, "SELECT folded FROM idea_search WHERE rowid = %lld", (long long)id);
    raw_text(s, sql, text, sizeof text);
    T_EQ_STR(text, "veiligheidsbril bij de zaagstraat een rek met brillen, zodat niemand zonder loopt.",
             "submit: the search index holds the folded, lower-case title and description");

    idea_input anon = { "Geëindigde Łódź-série", "", 7, 0, NOW_S + 5 };
    vb_err_clear(&err);
    T_EQ_INT(store_idea_submit(s, &anon, &id, &err), VB_OK, "submit: an anonymous idea is stored");
    snprintf(sql, sizeof sql, "SELECT member_id IS NULL FROM idea WHERE id = %lld", (long long)id);
    T_EQ_INT(raw_int(s, sql), 1, "submit: anonymous stores no member");
    /* an anonymous idea is written to the anon file only (store_anon.h) */
    T_CHECK(id >= ANON_IDEA_ID_MIN, "submit: an anonymous idea gets a key from the random range");
    snprintf(sql, sizeof sql, "SELECT count(*) FROM main.idea_row WHERE id = %lld", (long long)id);
    T_EQ_INT(raw_int(s, sql), 0, "submit: an anonymous idea is not in the main file");
    snprintf(sql, sizeof sql, "SELECT count(*) FROM idea_history WHERE idea_id = %lld", (long long)id);
    T_EQ_INT(raw_int(s, sql), 0, "submit: an anonymous idea has no timed history step");
    snprintf(sql, sizeof sql, "SELECT created_at FROM anon.idea_anon WHERE id = %lld", (long long)id);
    T_EQ_INT(raw_int(s, sql), vb_day_start_unix(vb_local_from_unix(NOW_S + 5).day),
             "submit: an anonymous idea carries the start of its day, not the moment");
    snprintf(sql, sizeof sql, "SELECT count(*) FROM main.idea_search WHERE rowid = %lld", (long long)id);
    T_EQ_INT(raw_int(s, sql), 0, "submit: an anonymous idea is not in the main file's search index");
    snprintf(sql, sizeof sql, "SELECT folded FROM anon.idea_anon_search WHERE rowid = %lld", (long long)id);
    raw_text(s, sql, text, sizeof text);
    T_EQ_STR(text, "geeindigde lodz-serie ", "submit: accents folded in the index (ë, Ł, ó, ź, é)");
    int64_t anon2 = submit(s, "Nog een anoniem idee", "", 0, NOW_S + 6);
    T_CHECK(anon2 >= ANON_IDEA_ID_MIN && anon2 != id && anon2 != id + 1,
            "submit: anonymous keys are not in sequence");
    int64_t signed2 = submit(s, "Weer een getekend idee", "", 1, NOW_S + 7);
    T_EQ_INT(signed2, 2, "submit: signed keys count on below the anonymous range");
    snprintf(sql, sizeof sql, "DELETE FROM idea WHERE id IN (%lld, %lld)", (long long)anon2, (long long)signed2);
    raw_exec(s, sql);

    /* refusals */
    struct {
        const char *title, *desc;
        int64_t category, member;
        const char *name;
    } bad[] = {
        { "", "", 7, 0, "submit refuses an empty title" },
        { "   ", "", 7, 0, "submit refuses a title of spaces" },
        { "ab", "", 7, 0, "submit refuses a title of 2 characters" },
        { " ab ", "", 7, 0, "submit refuses a title of 2 characters plus spaces" },
        { "Titel\nmet regel", "", 7, 0, "submit refuses a title with a newline" },
        { "Bad \xC3\x28 utf8", "", 7, 0, "submit refuses invalid UTF-8 in the title" },
        { "Goede titel", "bad \xFF", 7, 0, "submit refuses invalid UTF-8 in the description" },
        { "Goede titel", "", 99, 0, "submit refuses an unknown category" },
        { "Goede titel", "", 7, 42, "submit refuses an unknown member" },
    };
    int64_t before = raw_int(s, "SELECT count(*) FROM idea");
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        idea_input b = { bad[i].title, bad[i].desc, bad[i].category, bad[i].member, NOW_S };
        vb_err_clear(&err);
        vb_code rc = store_idea_submit(s, &b, &id, &err);
        t_report(rc == VB_ERR_INVALID && err.msg[0], bad[i].name, "got %s (%s)", vb_code_name(rc), err.msg);
    }
    char long_title[200], long_desc[1200], wide_title[400];
    memset(long_title, 'x', 81);
    long_title[81] = '\0';
    memset(long_desc, 'y', 501);
    long_desc[501] = '\0';
    idea_input b = { long_title, "", 7, 0, NOW_S };
    vb_err_clear(&err);
    T_EQ_INT(store_idea_submit(s, &b, &id, &err), VB_ERR_INVALID, "submit refuses a title of 81 characters");
    b.title = "Goede titel";
    b.description = long_desc;
    T_EQ_INT(store_idea_submit(s, &b, &id, &err), VB_ERR_INVALID, "submit refuses a description of 501 characters");
    T_EQ_INT(raw_int(s, "SELECT count(*) FROM idea"), before, "refused ideas leave nothing behind");
    T_EQ_INT(raw_int(s, "SELECT (SELECT count(*) FROM main.idea_search) + (SELECT count(*) FROM anon.idea_anon_search)"),
             before, "refused ideas leave no search row");

    /* limits count characters, not bytes: 80 x 'ë' (160 bytes) fits */
    wide_title[0] = '\0';
    for (int i = 0; i < 80; i++)
        strcat(wide_title, "\xC3\xAB");
    long_desc[500] = '\0';
    idea_input w = { wide_title, long_desc, 7, 0, NOW_S };
    vb_err_clear(&err);
    T_EQ_INT(store_idea_submit(s, &w, &id, &err), VB_OK, "submit takes 80 two-byte characters and 500 in the description");
    store_close(s);
}

/* ---- similar ideas --------------------------------------------------------- */

static bool similar_has(store *s, const char *query, int64_t id, int *count)
{
    idea_row rows[IDEA_SIMILAR_MAX];
    int n = 0;
    vb_err err;
    vb_err_clear(&err);
    if (store_ideas_similar(s, query, 0, rows, IDEA_SIMILAR_MAX, &n, &err) != VB_OK) {
        t_report(false, "similar search runs", "'%s': %s", query, err.msg);
        return false;
    }
    if (count)
        *count = n;
    for (int i = 0; i < n; i++)
        if (rows[i].id == id)
            return true;
    return false;
}

static void test_similar_query(void)
{
    char q[512];
    store_ideas_similar_query("De bril, een", q, sizeof q);
    T_EQ_STR(q, "\"bril\"", "similar query: drops words under 3 letters and common words");
    store_ideas_similar_query("Brillenrek", q, sizeof q);
    T_EQ_STR(q, "\"brillenrek\" OR \"brill\" OR \"brille\" OR \"brillen\" OR \"brillenr\" OR \"brillenre\"",
             "similar query: a long word also searches its prefixes of 5 letters and more");
    store_ideas_similar_query("Veilig-heids  BRIL!! de bril", q, sizeof q);
    T_EQ_STR(q, "\"veilig\" OR \"heids\" OR \"bril\"", "similar query: folds, splits on punctuation, no repeats");
    store_ideas_similar_query("Geëindigd Łódź", q, sizeof q);
    T_EQ_STR(q, "\"geeindigd\" OR \"geein\" OR \"geeind\" OR \"geeindi\" OR \"geeindig\" OR \"lodz\"",
             "similar query: folds accents the same way as the index");
    store_ideas_similar_query("a\" OR \"x NEAR(", q, sizeof q);
    T_EQ_STR(q, "\"near\"", "similar query: quotes and operators cannot get into the FTS5 query");
    store_ideas_similar_query("ab cd", q, sizeof q);
    T_EQ_STR(q, "", "similar query: empty when no word has 3 letters");
    store_ideas_similar_query(NULL, q, sizeof q);
    T_EQ_STR(q, "", "similar query: NULL gives empty");
}

static void test_similar(void)
{
    store *s = open_db("similar");
    int64_t bril = submit(s, "Rek met veiligheidsbrillen bij de ingang", "", 0, NOW_S);
    int64_t truck = submit(s, "Heftrucks 's nachts laden", "", 0, NOW_S);
    int64_t lijn = submit(s, "Productielijn 2 beter verlichten", "", 0, NOW_S);
    int64_t eind_acc = submit(s, "Dienst geëindigd: machine uitzetten", "", 0, NOW_S);
    int64_t eind_plain = submit(s, "Als de serie is geeindigd, opruimen", "", 0, NOW_S);
    int64_t zaag = submit(s, "Zaagstraat beter afzuigen", "", 0, NOW_S);
    int64_t pallet = submit(s, "Europallets apart stapelen", "", 0, NOW_S);
    int64_t lamp = submit(s, "Ledlampen in het magazijn", "", 0, NOW_S);
    int64_t hand = submit(s, "Werkhandschoenen in alle maten", "", 0, NOW_S);
    int64_t koffie = submit(s, "Koffieautomaat bij de kantine", "", 0, NOW_S);
    int64_t polish = submit(s, "Żółte taśmy na podłodze", "Oznaczyć drogę dla wózków", 0, NOW_S);
    int64_t lodz = submit(s, "Onderdelen uit Lodz eerder bestellen", "", 0, NOW_S);
    int64_t cafe = submit(s, "Café-hoek met crème stoelen", "", 0, NOW_S);
    int64_t koffer = submit(s, "Koffer met gereedschap per lijm-station", "", 0, NOW_S);
    int64_t palet = submit(s, "Palet met verfstalen", "", 0, NOW_S);
    int64_t opruim = submit(s, "Magazijn opruimen op vrijdag", "", 0, NOW_S);

    struct {
        const char *query;
        int64_t id;
        const char *name;
    } pairs[] = {
        { "bril", bril, "similar: 'bril' finds 'veiligheidsbrillen'" },
        { "heftruck", truck, "similar: 'heftruck' finds 'heftrucks'" },
        { "lijn", lijn, "similar: 'lijn' finds 'productielijn'" },
        { "geeindigd", eind_acc, "similar: 'geeindigd' finds 'geëindigd'" },
        { "geëindigd", eind_plain, "similar: 'geëindigd' finds 'geeindigd'" },
        { "zaag", zaag, "similar: 'zaag' finds 'zaagstraat'" },
        { "pallet", pallet, "similar: 'pallet' finds 'europallets'" },
        { "lamp", lamp, "similar: 'lamp' finds 'ledlampen'" },
        { "handschoen", hand, "similar: 'handschoen' finds 'werkhandschoenen'" },
        { "koffie", koffie, "similar: 'koffie' finds 'koffieautomaat'" },
        { "zolte tasmy", polish, "similar: Polish 'zolte tasmy' finds 'Żółte taśmy'" },
        { "podlodze", polish, "similar: Polish 'podlodze' finds 'podłodze'" },
        { "wozkow", polish, "similar: Polish 'wozkow' finds 'wózków' in the description" },
        { "Łódź", lodz, "similar: 'Łódź' finds 'Lodz'" },
        { "cafe creme", cafe, "similar: 'cafe creme' finds 'Café ... crème'" },
        { "VEILIGHEIDSBRIL", bril, "similar: upper case finds lower case" },
        { "nieuwe brillen voor bezoekers", bril, "similar: one matching word in a longer title is enough" },
        { "Brillenrek", bril, "similar: a new compound 'brillenrek' finds 'veiligheidsbrillen'" },
        { "heftruckstalling", truck, "similar: 'heftruckstalling' finds 'heftrucks'" },
        { "koffieautomaten", koffie, "similar: 'koffieautomaten' finds 'koffieautomaat'" },
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
        T_CHECK(similar_has(s, pairs[i].query, pairs[i].id, NULL), pairs[i].name);

    struct {
        const char *query;
        int64_t id;
        const char *name;
    } negatives[] = {
        { "bril", truck, "similar: 'bril' does not find 'heftrucks'" },
        { "zaag", lamp, "similar: 'zaag' does not find 'magazijn'" },
        { "koffie", koffer, "similar: 'koffie' does not find 'koffer'" },
        { "pallet", palet, "similar: 'pallet' does not find 'palet'" },
        { "lijn", koffer, "similar: 'lijn' does not find 'lijm'" },
        { "lamp", palet, "similar: 'lamp' does not find 'palet'" },
        { "handschoen", koffie, "similar: 'handschoen' does not find 'koffieautomaat'" },
        { "geeindigd", zaag, "similar: 'geeindigd' does not find 'zaagstraat'" },
        { "koffiekopjes", koffer, "similar: 'koffiekopjes' does not find 'koffer' (prefixes start at 5 letters)" },
        { "werkoverleg", hand, "similar: 'werkoverleg' does not find 'werkhandschoenen'" },
    };
    for (size_t i = 0; i < sizeof negatives / sizeof negatives[0]; i++)
        T_CHECK(!similar_has(s, negatives[i].query, negatives[i].id, NULL), negatives[i].name);

    int n = -1;
    similar_has(s, "de", 0, &n);
    T_EQ_INT(n, 0, "similar: a 2-letter query finds nothing");
    similar_has(s, "een van de", 0, &n);
    T_EQ_INT(n, 0, "similar: only common words find nothing");
    similar_has(s, "xyzzy", 0, &n);
    T_EQ_INT(n, 0, "similar: an unknown word finds nothing");
    similar_has(s, "\"\" OR * NEAR(bril", bril, &n);
    T_CHECK(n >= 1, "similar: FTS5 syntax in the query is searched as text, without an error");

    /* more matching words first */
    idea_row rows[IDEA_SIMILAR_MAX];
    vb_err err;
    vb_err_clear(&err);
    T_EQ_INT(store_ideas_similar(s, "ledlampen magazijn", 0, rows, IDEA_SIMILAR_MAX, &n, &err), VB_OK,
             "similar: two words run");
    T_CHECK(n >= 2 && rows[0].id == lamp, "similar: the idea matching both words comes first");
    bool found_opruim = false;
    for (int i = 0; i < n; i++)
        found_opruim |= rows[i].id == opruim;
    T_CHECK(found_opruim, "similar: an idea matching one of the words follows");

    /* at most three, never hidden or merged */
    submit(s, "Brillenkast 1", "", 0, NOW_S);
    submit(s, "Brillenkast 2", "", 0, NOW_S);
    submit(s, "Brillenkast 3", "", 0, NOW_S);
    similar_has(s, "bril", 0, &n);
    T_EQ_INT(n, 3, "similar: at most three ideas");
    char sql[200];
    snprintf(sql, sizeof sql, "UPDATE idea SET hidden = 1 WHERE id = %lld", (long long)zaag);
    raw_exec(s, sql);
    T_CHECK(!similar_has(s, "zaagstraat", zaag, NULL), "similar: a hidden idea is never shown");
    snprintf(sql, sizeof sql, "UPDATE idea SET status = 'duplicate', merged_into = %lld WHERE id = %lld",
             (long long)bril, (long long)hand);
    raw_exec(s, sql);
    T_CHECK(!similar_has(s, "werkhandschoenen", hand, NULL), "similar: a merged duplicate is never shown");
    store_close(s);
}

/* ---- voting ------------------------------------------------------------------ */

static int votes_of(store *s, int64_t id)
{
    char sql[120];
    snprintf(sql, sizeof sql, "SELECT vote_count FROM idea WHERE id = %lld", (long long)id);
    return (int)raw_int(s, sql);
}

static void test_votes(void)
{
    store *s = open_db("votes");
    add_members(s, 3);
    int64_t id = submit(s, "Kleurcodes voor bakjes", "", 0, NOW_S);
    vb_err err;
    vb_err_clear(&err);
    bool voted = false, changed = false;
    int count = -1;

    T_EQ_INT(store_idea_vote_toggle(s, id, 1, NOW_S + 1, &voted, &count, &err), VB_OK, "toggle: member 1 votes");
    T_CHECK(voted && count == 1, "toggle: voted now, count 1");
    T_EQ_INT(store_idea_vote_set(s, id, 1, true, NOW_S + 2, &changed, &count, &err), VB_OK,
             "vote_set: member 1 votes again");
    T_CHECK(!changed && count == 1, "voting twice with the same member leaves the count at 1");
    T_EQ_INT(store_idea_vote_set(s, id, 1, true, NOW_S + 2, &changed, &count, &err), VB_OK,
             "vote_set: a third tap");
    T_CHECK(!changed && count == 1, "vote_set is idempotent: a double tap counts once");
    T_EQ_INT(store_idea_vote_set(s, id, 2, true, NOW_S + 3, &changed, &count, &err), VB_OK, "vote_set: member 2 votes");
    T_CHECK(changed && count == 2, "another member makes the count 2");
    T_EQ_INT(votes_of(s, id), 2, "the vote_count column follows (triggers)");
    T_EQ_INT(raw_int(s, "SELECT count(*) FROM vote"), 2, "two vote rows");

    bool out[3];
    int64_t ids[3] = { id, id + 100, id };
    T_EQ_INT(store_idea_voted(s, 1, ids, 3, out, &err), VB_OK, "voted: runs for a list of ids");
    T_CHECK(out[0] && !out[1] && out[2], "voted: true for the idea voted on, false for another");
    store_idea_voted(s, 3, ids, 3, out, &err);
    T_CHECK(!out[0] && !out[1] && !out[2], "voted: false for a member who did not vote");
    store_idea_voted(s, 0, ids, 3, out, &err);
    T_CHECK(!out[0], "voted: false for nobody");

    T_EQ_INT(store_idea_vote_set(s, id, 1, false, NOW_S + 4, &changed, &count, &err), VB_OK,
             "vote_set: member 1 takes the vote back");
    T_CHECK(changed && count == 1, "taking the vote back makes the count 1");
    T_EQ_INT(store_idea_vote_set(s, id, 1, false, NOW_S + 4, &changed, &count, &err), VB_OK,
             "vote_set: taking back twice");
    T_CHECK(!changed && count == 1, "taking back twice changes nothing");
    T_EQ_INT(store_idea_vote_toggle(s, id, 2, NOW_S + 5, &voted, &count, &err), VB_OK, "toggle: member 2 again");
    T_CHECK(!voted && count == 0, "toggle takes a vote back");
    T_EQ_INT(raw_int(s, "SELECT count(*) FROM vote"), 0, "taking back deletes the vote row");
    T_EQ_INT(store_idea_vote_toggle(s, id, 2, NOW_S + 6, &voted, &count, &err), VB_OK, "toggle: member 2 a third time");
    T_CHECK(voted && count == 1, "toggle votes again");
    char sql[200];
    snprintf(sql, sizeof sql, "SELECT at FROM vote WHERE idea_id = %lld AND member_id = 2", (long long)id);
    T_EQ_INT(raw_int(s, sql), NOW_S + 6, "the vote carries the time given");

    /* the primary key itself refuses a second row */
    snprintf(sql, sizeof sql, "INSERT INTO vote (idea_id, member_id, at) VALUES (%lld, 2, 1)", (long long)id);
    T_CHECK(sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK, "the database refuses a second vote row");
    T_EQ_INT(votes_of(s, id), 1, "after the refused row the count is still 1");

    /* refusals */
    vb_err_clear(&err);
    T_EQ_INT(store_idea_vote_set(s, id + 999, 1, true, NOW_S, NULL, NULL, &err), VB_ERR_NOTFOUND,
             "vote on an unknown idea: not found");
    T_EQ_INT(store_idea_vote_set(s, id, 0, true, NOW_S, NULL, NULL, &err), VB_ERR_INVALID, "vote without a member: refused");
    int64_t declined = submit(s, "Tweede magnetron", "", 0, NOW_S);
    store_idea_vote_set(s, declined, 3, true, NOW_S, NULL, NULL, &err);
    snprintf(sql, sizeof sql, "UPDATE idea SET status = 'declined', feedback = 'Geen plaats.' WHERE id = %lld",
             (long long)declined);
    raw_exec(s, sql);
    vb_err_clear(&err);
    T_EQ_INT(store_idea_vote_set(s, declined, 1, true, NOW_S, NULL, NULL, &err), VB_ERR_INVALID,
             "vote on a not-adopted idea: refused");
    T_EQ_INT(store_idea_vote_set(s, declined, 3, false, NOW_S, &changed, &count, &err), VB_OK,
             "taking back a vote on a not-adopted idea works");
    T_CHECK(changed && count == 0, "taken back from the not-adopted idea");
    int64_t hidden = submit(s, "Verborgen idee", "", 0, NOW_S);
    snprintf(sql, sizeof sql, "UPDATE idea SET hidden = 1 WHERE id = %lld", (long long)hidden);
    raw_exec(s, sql);
    T_EQ_INT(store_idea_vote_set(s, hidden, 1, true, NOW_S, NULL, NULL, &err), VB_ERR_INVALID,
             "vote on a hidden idea: refused");
    T_EQ_INT(votes_of(s, hidden), 0, "the hidden idea got no vote");
    store_close(s);
}

/* ---- the list ------------------------------------------------------------------ */

static void test_list(void)
{
    store *s = open_db("list");
    add_members(s, 5);
    vb_err err;
    vb_err_clear(&err);
    /* signed: anonymous ideas carry only their day, so "newer" needs names */
    int64_t a = submit(s, "Idee A met drie stemmen", "", 1, NOW_S + 10);
    int64_t b = submit(s, "Idee B met een stem", "", 2, NOW_S + 20);
    int64_t c = submit(s, "Idee C met twee stemmen", "", 3, NOW_S + 30);
    int64_t d = submit(s, "Idee D zonder stemmen", "", 4, NOW_S + 40);
    int64_t e = submit(s, "Idee E ook twee stemmen, nieuwer", "", 5, NOW_S + 50);
    int64_t h = submit(s, "Idee H verborgen met veel stemmen", "", 1, NOW_S + 60);
    int64_t dup = submit(s, "Idee dubbel", "", 2, NOW_S + 70);
    for (int m = 1; m <= 3; m++)
        store_idea_vote_set(s, a, m, true, NOW_S + 100, NULL, NULL, &err);
    store_idea_vote_set(s, b, 1, true, NOW_S + 100, NULL, NULL, &err);
    store_idea_vote_set(s, c, 1, true, NOW_S + 100, NULL, NULL, &err);
    store_idea_vote_set(s, c, 2, true, NOW_S + 100, NULL, NULL, &err);
    store_idea_vote_set(s, e, 4, true, NOW_S + 100, NULL, NULL, &err);
    store_idea_vote_set(s, e, 5, true, NOW_S + 100, NULL, NULL, &err);
    for (int m = 1; m <= 5; m++)
        store_idea_vote_set(s, h, m, true, NOW_S + 100, NULL, NULL, &err);
    store_idea_vote_set(s, dup, 1, true, NOW_S + 100, NULL, NULL, &err);
    char sql[300];
    snprintf(sql, sizeof sql, "UPDATE idea SET hidden = 1 WHERE id = %lld", (long long)h);
    raw_exec(s, sql);
    snprintf(sql, sizeof sql, "UPDATE idea SET status = 'duplicate', merged_into = %lld WHERE id = %lld", (long long)a,
             (long long)dup);
    raw_exec(s, sql);
    snprintf(sql, sizeof sql,
             "UPDATE idea SET status = 'adopted', feedback = 'Ingevoerd op beide lijnen.' WHERE id = %lld", (long long)c);
    raw_exec(s, sql);
    snprintf(sql, sizeof sql, "UPDATE idea SET status = 'review', feedback = 'We kijken ernaar.' WHERE id = %lld",
             (long long)b);
    raw_exec(s, sql);

    idea_row rows[10];
    int n = 0, count = 0;
    T_EQ_INT(store_ideas_count(s, IDEA_MASK_LISTED, &count, &err), VB_OK, "count: runs");
    T_EQ_INT(count, 5, "count: hidden and duplicate ideas are not counted");
    T_EQ_INT(store_ideas_page(s, IDEA_MASK_LISTED, 1, 0, 10, rows, &n, &err), VB_OK, "page: runs");
    T_EQ_INT(n, 5, "page: five listed ideas");
    int64_t order[5] = { a, e, c, b, d };
    bool same = n == 5;
    for (int i = 0; same && i < 5; i++)
        same = rows[i].id == order[i];
    T_CHECK(same, "list: sorted by votes, then newest first (A 3, E 2 newer, C 2, B 1, D 0)");
    bool hidden_seen = false;
    for (int i = 0; i < n; i++)
        hidden_seen |= rows[i].id == h || rows[i].id == dup;
    T_CHECK(!hidden_seen, "list: hidden and merged ideas never listed");
    T_EQ_INT(rows[0].vote_count, 3, "list: carries the vote count");
    T_CHECK(rows[0].voted && !rows[1].voted && rows[2].voted && rows[3].voted, "list: voted flags for viewer 1");
    T_EQ_STR(rows[2].feedback, "Ingevoerd op beide lijnen.", "list: carries the latest feedback");
    T_EQ_STR(rows[4].feedback, "", "list: no feedback gives empty text");
    T_EQ_INT(rows[2].status, IDEA_ADOPTED, "list: carries the status");

    T_EQ_INT(store_ideas_page(s, IDEA_MASK_LISTED, 0, 1, 2, rows, &n, &err), VB_OK, "page: offset 1, 2 rows");
    T_CHECK(n == 2 && rows[0].id == e && rows[1].id == c, "page: the second page starts where the first ended");
    T_CHECK(!rows[0].voted, "page: no voted flags for nobody");
    T_EQ_INT(store_ideas_page(s, IDEA_MASK_LISTED, 0, 5, 10, rows, &n, &err), VB_OK, "page past the end runs");
    T_EQ_INT(n, 0, "page past the end is empty");

    T_EQ_INT(store_ideas_page(s, IDEA_MASK(IDEA_ADOPTED), 0, 0, 10, rows, &n, &err), VB_OK, "filter: adopted");
    T_CHECK(n == 1 && rows[0].id == c, "filter adopted: only the adopted idea");
    store_ideas_count(s, IDEA_MASK(IDEA_NEW), &count, &err);
    T_EQ_INT(count, 3, "filter new: counts A, E and D");
    store_ideas_page(s, IDEA_MASK(IDEA_NEW), 0, 0, 10, rows, &n, &err);
    T_CHECK(n == 3 && rows[0].id == a && rows[1].id == e && rows[2].id == d, "filter new: lists A, E, D by votes");
    store_ideas_count(s, IDEA_MASK(IDEA_REVIEW) | IDEA_MASK(IDEA_ADOPTED), &count, &err);
    T_EQ_INT(count, 2, "filter: a mask of two statuses");
    store_ideas_count(s, IDEA_MASK(IDEA_DUPLICATE), &count, &err);
    T_EQ_INT(count, 0, "filter: asking for duplicates still lists none");
    store_ideas_count(s, IDEA_MASK(IDEA_DECLINED), &count, &err);
    T_EQ_INT(count, 0, "filter: no declined ideas");
    int max = 0;
    store_ideas_max_votes(s, IDEA_MASK_LISTED, &max, &err);
    T_EQ_INT(max, 3, "max votes: the hidden idea's 5 do not count");
    store_close(s);
}

static void test_filter_counts(void)
{
    store *s = open_db("filter");
    vb_err err;
    vb_err_clear(&err);
    const char *statuses[] = { "new", "review", "trial", "adopted", "declined", "new", "trial" };
    for (int i = 0; i < 7; i++) {
        char title[40];
        snprintf(title, sizeof title, "Status idee %d", i);
        int64_t id = submit(s, title, "", 0, NOW_S + i);
        char sql[300];
        snprintf(sql, sizeof sql, "UPDATE idea SET status = '%s', feedback = 'Terugkoppeling %d' WHERE id = %lld",
                 statuses[i], i, (long long)id);
        raw_exec(s, sql);
    }
    int want[IDEA_STATUS_COUNT] = { 2, 1, 2, 1, 1, 0 };
    for (int st = 0; st < IDEA_STATUS_COUNT; st++) {
        int count = -1;
        store_ideas_count(s, IDEA_MASK(st), &count, &err);
        char name[80];
        snprintf(name, sizeof name, "filter by status '%s' counts %d", idea_status_code((idea_status)st), want[st]);
        T_EQ_INT(count, want[st], name);
        idea_row rows[8];
        int n = 0;
        store_ideas_page(s, IDEA_MASK(st), 0, 0, 8, rows, &n, &err);
        bool all = n == want[st];
        for (int i = 0; i < n; i++)
            all &= rows[i].status == (idea_status)st;
        snprintf(name, sizeof name, "filter by status '%s' lists only that status", idea_status_code((idea_status)st));
        T_CHECK(all, name);
    }
    idea_status st;
    T_CHECK(idea_status_parse("trial", &st) && st == IDEA_TRIAL, "status codes parse");
    T_CHECK(!idea_status_parse("open", &st), "unknown status codes are refused");
    T_EQ_STR(idea_status_code(IDEA_DECLINED), "declined", "status code names");
    store_close(s);
}

/* ---- one idea --------------------------------------------------------------------- */

static void test_detail(void)
{
    store *s = open_db("detail");
    raw_exec(s, "INSERT INTO member (id, name, role, created_at) VALUES (1, 'Łukasz Wiśniewski', 'worker', 1),"
                " (2, 'Henk de Vries', 'lead', 1)");
    vb_err err;
    vb_err_clear(&err);
    idea_input in = { "Heftrucks 's nachts laden", "Dan zijn ze vol bij de vroege dienst.", 5, 1, NOW_S };
    int64_t id = 0;
    store_idea_submit(s, &in, &id, &err);
    char sql[400];
    snprintf(sql, sizeof sql,
             "INSERT INTO idea_history (idea_id, from_status, to_status, feedback, member_id, at) VALUES"
             " (%lld, 'new', 'review', NULL, 2, %d), (%lld, 'review', 'trial', 'Proef van twee weken.', 2, %d)",
             (long long)id, NOW_S + 100, (long long)id, NOW_S + 200);
    raw_exec(s, sql);
    snprintf(sql, sizeof sql,
             "UPDATE idea SET status = 'trial', feedback = 'Proef van twee weken.', feedback_at = %d,"
             " status_changed_at = %d WHERE id = %lld",
             NOW_S + 200, NOW_S + 200, (long long)id);
    raw_exec(s, sql);
    store_idea_vote_set(s, id, 2, true, NOW_S + 300, NULL, NULL, &err);

    idea_detail d;
    T_EQ_INT(store_idea_get(s, id, 2, &d, &err), VB_OK, "detail: reads the idea");
    T_EQ_STR(d.row.title, "Heftrucks 's nachts laden", "detail: title");
    T_EQ_STR(d.description, "Dan zijn ze vol bij de vroege dienst.", "detail: description");
    T_EQ_STR(d.category_code, "process", "detail: category code");
    T_EQ_STR(d.category_icon, "process", "detail: category icon");
    T_EQ_STR(d.member_name, "Łukasz Wiśniewski", "detail: who signed it");
    T_EQ_INT(d.row.status, IDEA_TRIAL, "detail: status");
    T_EQ_STR(d.row.feedback, "Proef van twee weken.", "detail: latest feedback");
    T_EQ_INT(d.feedback_at, NOW_S + 200, "detail: feedback time");
    T_EQ_INT(d.row.created_at, NOW_S, "detail: submitted time");
    T_CHECK(d.row.vote_count == 1 && d.row.voted, "detail: votes and the viewer's vote");
    T_EQ_INT(store_idea_get(s, id + 50, 0, &d, &err), VB_ERR_NOTFOUND, "detail: unknown idea is not found");

    idea_history_row h[2];
    int n = 0, total = 0;
    T_EQ_INT(store_idea_history(s, id, h, 2, &n, &total, &err), VB_OK, "history: reads");
    T_CHECK(n == 2 && total == 3, "history: fills max rows and tells the total");
    T_CHECK(h[0].from == -1 && h[0].to == IDEA_NEW && h[0].member_id == 1, "history: first the submission");
    T_CHECK(h[1].from == IDEA_NEW && h[1].to == IDEA_REVIEW && strcmp(h[1].member_name, "Henk de Vries") == 0 &&
                h[1].feedback[0] == '\0',
            "history: then the lead's move without feedback");
    idea_history_row all[8];
    store_idea_history(s, id, all, 8, &n, &total, &err);
    T_CHECK(n == 3 && all[2].to == IDEA_TRIAL && strcmp(all[2].feedback, "Proef van twee weken.") == 0 &&
                all[2].at == NOW_S + 200,
            "history: the move with feedback, oldest first");

    idea_input anon = { "Anoniem idee", "", 7, 0, NOW_S };
    store_idea_submit(s, &anon, &id, &err);
    store_idea_get(s, id, 0, &d, &err);
    T_CHECK(d.member_id == 0 && d.member_name[0] == '\0', "detail: anonymous shows nobody");

    store_close(s);
}

/* ---- 10,000 ideas -------------------------------------------------------------------- */

static double seconds_since(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

static void test_many(void)
{
    store *s = open_db("many");
    add_members(s, 20);
    raw_exec(s, "BEGIN");
    raw_exec(s, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)"
                " INSERT INTO idea (id, title, description, category_id, status, created_at, status_changed_at)"
                " SELECT i, 'Idee nummer ' || i || CASE i % 7 WHEN 0 THEN ' veiligheidsbril' WHEN 1 THEN ' heftruck'"
                " ELSE ' lijn' END, 'Beschrijving ' || i, 1 + i % 7, 'new', 1000000 + i, 1000000 + i FROM n");
    raw_exec(s, "INSERT INTO idea_search (rowid, folded) SELECT id, lower(title || ' ' || description) FROM idea");
    raw_exec(s, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20)"
                " INSERT INTO vote (idea_id, member_id, at) SELECT idea.id, n.i, 2000000 FROM idea, n"
                " WHERE idea.id % 97 < n.i AND idea.id % 5 = 0");
    raw_exec(s, "COMMIT");
    vb_err err;
    vb_err_clear(&err);
    idea_row *rows = malloc(sizeof *rows * 40);
    int n = 0, count = 0;
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    store_ideas_count(s, IDEA_MASK_LISTED, &count, &err);
    store_ideas_page(s, IDEA_MASK_LISTED, 3, 9960, 40, rows, &n, &err);
    double page_s = seconds_since(&t0);
    T_CHECK(count == 10000 && n == 40, "10,000 ideas: count and the last page");
    t_note("10,000 ideas: count + last page of 40 in %.1f ms", page_s * 1000);
    bool sorted = true;
    store_ideas_page(s, IDEA_MASK_LISTED, 3, 0, 40, rows, &n, &err);
    for (int i = 1; i < n; i++)
        sorted &= rows[i - 1].vote_count >= rows[i].vote_count;
    T_CHECK(sorted && rows[0].vote_count == 20, "10,000 ideas: the first page has the most votes");
    clock_gettime(CLOCK_MONOTONIC, &t0);
    store_ideas_similar(s, "veiligheidsbril", 3, rows, IDEA_SIMILAR_MAX, &n, &err);
    double sim_s = seconds_since(&t0);
    t_note("10,000 ideas: similar search in %.1f ms", sim_s * 1000);
    /* timings are noted, not asserted: make bench measures them */
    T_CHECK(n == 3, "10,000 ideas: similar search finds its three");
    free(rows);
    store_close(s);
}

int main(void)
{
    test_submit();
    test_similar_query();
    test_similar();
    test_votes();
    test_list();
    test_filter_counts();
    test_detail();
    test_many();
    return t_done();
}

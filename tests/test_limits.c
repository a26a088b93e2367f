/* test_limits.c: the text limits in kiosk/core/limits.h against the
 * schema. Runs the migrations in db/ (and the anonymous file's schema) in
 * an in-memory database, reads every length() CHECK from the tables they
 * leave behind, and compares each with the limit the code uses: a CHECK
 * without a limit, a limit without a CHECK, or a number that differs fails. */
#include <glob.h>
#include <sqlite3.h>

#include "../kiosk/core/limits.h"
#include "../kiosk/store/store_anon.h"
#include "testlib.h"

typedef struct limit {
    const char *table, *column;
    int min, max; /* min 0: "<= max" with no lower bound */
    bool seen;
} limit;

/* What the code uses, per column the schema checks. */
static limit limits[] = {
    { "main.setting", "key", 1, SETTING_KEY_MAX, false },
    { "main.setting", "value", 0, SETTING_VALUE_MAX, false },
    { "main.member", "name", 1, ROSTER_NAME_MAX, false },
    { "main.member", "badge", ROSTER_BADGE_MIN, ROSTER_BADGE_MAX, false },
    { "main.member", "pin_hash", MEMBER_PIN_HASH_MIN, MEMBER_PIN_HASH_MAX, false },
    { "main.category", "code", 1, CATEGORY_CODE_MAX, false },
    { "main.category", "label", 1, STORE_CATEGORY_LABEL_MAX, false },
    { "main.category", "icon", 1, CATEGORY_ICON_MAX, false },
    { "main.place", "name", 1, STORE_PLACE_NAME_MAX, false },
    { "main.shift", "name", 1, STORE_SHIFT_NAME_MAX, false },
    { "main.holiday", "name", 0, STORE_HOLIDAY_NAME_MAX, false },
    { "main.learning_point_signed", "id", LP_ID_LEN, LP_ID_LEN, false },
    { "main.learning_point_signed", "receipt", LP_RECEIPT_LEN, LP_RECEIPT_LEN, false },
    { "main.learning_point_signed", "what_happened", 0, LP_TEXT_MAX_CHARS, false },
    { "main.learning_point_signed", "lesson", 0, LP_TEXT_MAX_CHARS, false },
    { "main.learning_point_state", "id", LP_ID_LEN, LP_ID_LEN, false },
    { "main.learning_point_state", "feedback", 1, LP_FEEDBACK_MAX_CHARS, false },
    { "main.learning_point_metoo", "learning_point_id", LP_ID_LEN, LP_ID_LEN, false },
    { "main.idea_row", "title", IDEA_TITLE_MIN, IDEA_TITLE_MAX, false },
    { "main.idea_row", "description", 0, IDEA_DESC_MAX, false },
    { "main.idea_row", "feedback", 1, IDEA_FEEDBACK_MAX, false },
    { "main.idea_history", "feedback", 1, IDEA_FEEDBACK_MAX, false },
    { "main.dagstart", "notes", 0, DAGSTART_NOTES_MAX, false },
    { "main.dagstart_item", "item_key", AGENDA_KEY_MIN, AGENDA_KEY_MAX, false },
    { "main.dagstart_topic", "text", 1, TOPIC_TEXT_MAX, false },
    { "main.announcement", "text", 1, ANNOUNCEMENT_TEXT_MAX, false },
    { "main.action", "description", 1, ACTION_TEXT_MAX, false },
    { "main.action", "note", 1, ACTION_TEXT_MAX, false },
    { "main.action", "learning_point_id", LP_ID_LEN, LP_ID_LEN, false },
    { "main.audit_log", "action", 1, AUDIT_ACTION_MAX, false },
    { "main.audit_log", "subject", 0, AUDIT_SUBJECT_MAX, false },
    { "main.audit_log", "detail", 0, AUDIT_DETAIL_MAX, false },
    { "main.privacy_pending_anon", "id", LP_ID_LEN, LP_ID_LEN, false },
    { "anon.learning_point_anon", "id", LP_ID_LEN, LP_ID_LEN, false },
    { "anon.learning_point_anon", "receipt", LP_RECEIPT_LEN, LP_RECEIPT_LEN, false },
    { "anon.learning_point_anon", "what_happened", 0, LP_TEXT_MAX_CHARS, false },
    { "anon.learning_point_anon", "lesson", 0, LP_TEXT_MAX_CHARS, false },
    { "anon.anon_pair", "token", ANON_TOKEN_LEN, ANON_TOKEN_LEN, false },
    { "anon.idea_anon", "title", IDEA_TITLE_MIN, IDEA_TITLE_MAX, false },
    { "anon.idea_anon", "description", 0, IDEA_DESC_MAX, false },
};
#define NLIMITS (int)(sizeof limits / sizeof limits[0])

/* The whole of a file, NUL-terminated; NULL when it cannot be read. */
static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t len = 0, cap = 0, n;
    char chunk[4096];
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (len + n + 1 > cap) {
            cap = (len + n + 1) * 2;
            char *grown = realloc(buf, cap);
            if (!grown) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = grown;
        }
        memcpy(buf + len, chunk, n);
        len += n;
    }
    fclose(f);
    if (!buf)
        buf = calloc(1, 1);
    else
        buf[len] = '\0';
    return buf;
}

/* The schema the migrations make, with the anonymous file attached as
 * "anon" (as every connection has it). */
static sqlite3 *migrated(void)
{
    sqlite3 *db = NULL;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK || store_anon_memory_twin(db) != SQLITE_OK) {
        t_report(false, "limits: an in-memory database with the anon file", "%s", sqlite3_errmsg(db));
        sqlite3_close(db);
        return NULL;
    }
    glob_t g;
    int found = glob("db/[0-9][0-9][0-9][0-9]_*.sql", 0, NULL, &g);
    T_CHECK(found == 0 && g.gl_pathc >= 2, "limits: the migrations in db/ are found (run from the source folder)");
    bool ok = found == 0;
    for (size_t i = 0; ok && i < g.gl_pathc; i++) { /* glob sorts: the migrations in order */
        char *sql = read_all(g.gl_pathv[i]);
        char *msg = NULL;
        ok = sql && sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK;
        if (!ok)
            t_report(false, "limits: the migrations run", "%s: %s", g.gl_pathv[i], msg ? msg : "cannot read");
        sqlite3_free(msg);
        free(sql);
    }
    if (found == 0)
        globfree(&g);
    if (!ok) {
        sqlite3_close(db);
        return NULL;
    }
    return db;
}

static limit *find(const char *table, const char *column)
{
    for (int i = 0; i < NLIMITS; i++)
        if (strcmp(limits[i].table, table) == 0 && strcmp(limits[i].column, column) == 0)
            return &limits[i];
    return NULL;
}

static const char *skip_space(const char *p)
{
    while (*p == ' ' || *p == '\n' || *p == '\t')
        p++;
    return p;
}

/* Every "length(col) <= N", "length(col) BETWEEN A AND B" and
 * "length(col) = N" in one table's SQL, checked against limits[] (one line
 * each when report); returns how many differ or have no limit. */
static int check_table(const char *table, const char *sql, bool report)
{
    int wrong = 0;
    for (const char *p = strstr(sql, "length("); p; p = strstr(p + 1, "length(")) {
        char column[64];
        int used = 0;
        if (sscanf(p, "length(%63[a-z_])%n", column, &used) != 1 || used == 0)
            continue;
        const char *q = skip_space(p + used);
        int min = 0, max = 0, n = 0;
        if (sscanf(q, "<= %d%n", &max, &n) == 1) {
            min = 0;
        } else if (sscanf(q, "BETWEEN %d AND %d%n", &min, &max, &n) == 2) {
        } else if (sscanf(q, "= %d%n", &max, &n) == 1) {
            min = max;
        } else {
            continue; /* e.g. length(what_happened) + length(lesson) > 0: not a limit */
        }
        char name[160];
        snprintf(name, sizeof name, "limits: %s.%s is %d..%d characters in the schema and in core/limits.h", table,
                 column, min, max);
        limit *l = find(table, column);
        if (!l) {
            wrong++;
            if (report)
                t_report(false, name, "the schema checks %s.%s, but core/limits.h has no limit", table, column);
            continue;
        }
        l->seen = true;
        bool same = l->min == min && l->max == max;
        wrong += !same;
        if (report)
            t_report(same, name, "core/limits.h says %d..%d", l->min, l->max);
    }
    return wrong;
}

static void test_limits_match_schema(void)
{
    sqlite3 *db = migrated();
    if (!db)
        return;
    static const char *const schemas[] = { "main", "anon" };
    for (int s = 0; s < 2; s++) {
        char sql[128];
        snprintf(sql, sizeof sql, "SELECT name, sql FROM %s.sqlite_schema WHERE type = 'table' ORDER BY name",
                 schemas[s]);
        sqlite3_stmt *st = NULL;
        if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
            t_report(false, "limits: the schema is read", "%s", sqlite3_errmsg(db));
            break;
        }
        while (sqlite3_step(st) == SQLITE_ROW) {
            char table[128];
            snprintf(table, sizeof table, "%s.%s", schemas[s], (const char *)sqlite3_column_text(st, 0));
            const char *text = (const char *)sqlite3_column_text(st, 1);
            if (text)
                check_table(table, text, true);
        }
        sqlite3_finalize(st);
    }
    for (int i = 0; i < NLIMITS; i++)
        if (!limits[i].seen)
            t_report(false, "limits: every limit in core/limits.h is checked by the schema",
                     "no length() CHECK on %s.%s", limits[i].table, limits[i].column);
    sqlite3_close(db);
}

/* The parser itself: a drifted number is caught. */
static void test_parser_catches_drift(void)
{
    T_EQ_INT(check_table("main.setting", "CREATE TABLE setting (key TEXT CHECK (length(key) BETWEEN 1 AND 65))", false),
             1, "limits: a CHECK that differs from its limit is caught");
    T_EQ_INT(check_table("main.setting", "CREATE TABLE setting (k TEXT CHECK (length(k) <= 9))", false), 1,
             "limits: a CHECK without a limit is caught");
    T_EQ_INT(check_table("main.setting", "CREATE TABLE setting (key TEXT CHECK (length(key) BETWEEN 1 AND 64))", false),
             0, "limits: a CHECK equal to its limit passes");
}

int main(void)
{
    test_limits_match_schema();
    test_parser_catches_drift();
    return t_done();
}

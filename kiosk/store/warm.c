/* warm.c: store_warm_up (store.h). The first similar-idea search on a fresh
 * connection prepares a long statement and reads the FTS index's structure
 * and pages from the file; a search while typing a new idea should not pay
 * for that. Run once after the first frame. */
#include "store_internal.h"
#include "store_ideas.h"

vb_code store_warm_up(store *s, vb_err *err)
{
    /* the statement (kept in the statement cache) and the index structure */
    idea_row rows[1];
    int n = 0;
    vb_code rc = store_ideas_similar(s, "verbeterbord", 0, rows, 1, &n, err);
    if (rc != VB_OK)
        return rc;
    /* the index's pages, into the connection's page cache */
    static const char sql[] = "SELECT sum(length(block)) FROM idea_search_data";
    STORE_STMT_OR_RETURN(st, s, sql, err);
    int step = sqlite3_step(st);
    sqlite3_reset(st);
    return step == SQLITE_ROW ? VB_OK : store_fail(s, err, step, "read the search index");
}

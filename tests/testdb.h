/* testdb.h: a raw SQLite connection for tests that sees the database as the
 * program does. Anonymous learning points live in '<db>-anon' (see
 * kiosk/store/store_anon.h); t_db_views attaches that file and creates the
 * TEMP view 'learning_point' (with its triggers when the connection can
 * write), so tests can read and write points with plain SQL. */
#ifndef VB_TESTDB_H
#define VB_TESTDB_H

#include <sqlite3.h>
#include <stdio.h>

#include "../kiosk/store/store_anon.h"

/* Call right after opening db on the database at path; false on failure
 * (the reason is printed as a '#' line). */
static inline bool t_db_views(sqlite3 *db, const char *path)
{
    vb_err err;
    vb_err_clear(&err);
    bool writable = sqlite3_db_readonly(db, "main") == 0;
    bool attached = false;
    if (store_anon_attach_db(db, path, writable, &attached, &err) != VB_OK ||
        (attached && writable && store_anon_setup_db(db, &err) != VB_OK) ||
        store_anon_views_db(db, attached, writable, &err) != VB_OK) {
        printf("# t_db_views %s: %s\n", path, err.msg);
        return false;
    }
    return true;
}

#endif

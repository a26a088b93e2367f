/* export.h: the monthly export to CSV. Four files per month, with Dutch
 * column names, that open correctly in Excel and LibreOffice in a Dutch
 * locale (core/csv.h): learning_points.csv, ideas.csv, actions.csv and
 * dagstarts.csv. Used by `verbeterbord --export-month YYYY-MM --out DIR`
 * (without SDL, database opened read-only) and by the review screen's
 * "Export to USB" button.
 *
 * Anonymous learning points stay anonymous: they carry no name, nothing
 * finer than their day and shift, and the rows are sorted by day, category
 * and text, never by key or time.
 *
 * Each file is built in memory and written atomically (a temporary file in
 * the same folder, fsync, rename), so a pulled stick or a full disk never
 * leaves half a file under the real name. Failures come back as vb_code:
 * VB_ERR_NOTFOUND (no folder, no stick), VB_ERR_READONLY, VB_ERR_FULL,
 * VB_ERR_IO. */
#ifndef VB_EXPORT_H
#define VB_EXPORT_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/review.h"
#include "../core/vb_err.h"
#include "../store/store.h"

#define EXPORT_FILES 4
#define EXPORT_PATH_SIZE 1024

/* learning_points.csv, ideas.csv, actions.csv, dagstarts.csv (in this order). */
extern const char *const export_file_names[EXPORT_FILES];

typedef struct export_result {
    char dir[EXPORT_PATH_SIZE]; /* where the files went */
    int file_count;             /* files written */
    int rows[EXPORT_FILES];     /* data rows per file (the header not counted) */
} export_result;

/* Checks that dir can take the files: it exists and is a writable folder on
 * a file system with room. require_mount (the USB stick): dir must also be
 * a mounted file system of its own, so that without a stick nothing is
 * written to the kiosk's own disk under the mount point. */
vb_code export_check_dir(const char *dir, bool require_mount, vb_err *err);

/* The folder for a month on a stick: "<base>/verbeterbord-YYYY-MM", made
 * when missing. */
vb_code export_month_dir(const char *base, vb_month month, char out[EXPORT_PATH_SIZE], vb_err *err);

/* Writes file index (0..EXPORT_FILES-1) of month into dir. today bounds
 * "overdue" and the working days without a daily start. *rows (may be
 * NULL) is the number of data rows. */
vb_code export_month_file(store *s, vb_month month, vb_day today, int index, const char *dir, int *rows,
                          vb_err *err);
/* All four files into dir (which must exist). */
vb_code export_month(store *s, vb_month month, vb_day today, const char *dir, export_result *res, vb_err *err);

/* --export-month: opens db_path read-only, checks month ("YYYY-MM") and
 * dir, writes the four files. now_s is the clock (--now or the system). */
vb_code export_run(const char *db_path, const char *month, const char *dir, int64_t now_s, export_result *res,
                   vb_err *err);

/* Writes data to dir/name atomically (temporary file, fsync, rename, fsync
 * of the folder). */
vb_code export_write_atomic(const char *dir, const char *name, const void *data, size_t len, vb_err *err);

#endif

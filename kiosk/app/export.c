/* export.c: the monthly CSV export (see export.h). The column names and the
 * words in the cells (status, yes/no, origin) are the file format's Dutch
 * vocabulary; category names are the Dutch default names (or the lead's
 * own), whatever language the kiosk shows at the moment. */
#include "export.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "../core/category.h"
#include "../core/csv.h"
#include "../core/date.h"
#include "../core/i18n.h"
#include "../core/utf8.h"
#include "../store/store_calendar.h"
#include "../store/store_review.h"

const char *const export_file_names[EXPORT_FILES] = {
    "learning_points.csv",
    "ideas.csv",
    "actions.csv",
    "dagstarts.csv",
};

/* ---- files ---------------------------------------------------------------- */

static vb_code errno_fail(vb_err *err, int e, const char *what, const char *path)
{
    switch (e) {
    case ENOSPC:
    case EDQUOT:
    case EFBIG:
        return vb_fail(err, VB_ERR_FULL, "%s: the disk is full (%s)", what, path);
    case EROFS:
    case EACCES:
    case EPERM:
        return vb_fail(err, VB_ERR_READONLY, "%s: read-only, cannot write (%s)", what, path);
    case ENOENT:
    case ENOTDIR:
        return vb_fail(err, VB_ERR_NOTFOUND, "%s: folder does not exist (%s)", what, path);
    case ENOMEM:
        return vb_fail(err, VB_ERR_NOMEM, "%s: out of memory (%s)", what, path);
    default:
        return vb_fail(err, VB_ERR_IO, "%s: %s (%s)", what, strerror(e), path);
    }
}

vb_code export_check_dir(const char *dir, bool require_mount, vb_err *err)
{
    if (!dir || !*dir)
        return vb_fail(err, VB_ERR_NOTFOUND, "no export folder set (export_dir in %s)", "the device settings");
    struct stat st;
    if (stat(dir, &st) != 0)
        return errno_fail(err, errno, "export folder", dir);
    if (!S_ISDIR(st.st_mode))
        return vb_fail(err, VB_ERR_NOTFOUND, "export folder is not a folder (%s)", dir);
    if (require_mount) {
        char parent[PATH_MAX];
        struct stat up;
        if (!vb_fmt(parent, sizeof parent, "%s/..", dir))
            return vb_fail(err, VB_ERR_INVALID, "export folder path too long (%s)", dir);
        /* A mount point sits on another device than its parent; the
         * folder without a stick in it is just a folder on our own disk. */
        if (stat(parent, &up) == 0 && up.st_dev == st.st_dev && up.st_ino != st.st_ino)
            return vb_fail(err, VB_ERR_NOTFOUND, "no USB stick mounted at %s", dir);
    }
    struct statvfs vfs;
    if (statvfs(dir, &vfs) == 0) {
        if (vfs.f_flag & ST_RDONLY)
            return vb_fail(err, VB_ERR_READONLY, "export folder is on a read-only file system (%s)", dir);
        if (vfs.f_bavail == 0)
            return vb_fail(err, VB_ERR_FULL, "export folder: the disk is full (%s)", dir);
    }
    if (access(dir, W_OK) != 0)
        return errno_fail(err, errno, "export folder", dir);
    return VB_OK;
}

vb_code export_month_dir(const char *base, vb_month month, char out[EXPORT_PATH_SIZE], vb_err *err)
{
    char m[8];
    vb_month_format(month, m);
    if ((size_t)snprintf(out, EXPORT_PATH_SIZE, "%s/verbeterbord-%s", base, m) >= EXPORT_PATH_SIZE)
        return vb_fail(err, VB_ERR_INVALID, "export folder name too long (%s)", base);
    if (mkdir(out, 0755) != 0 && errno != EEXIST)
        return errno_fail(err, errno, "make export folder", out);
    return VB_OK;
}

static bool write_all(int fd, const char *p, size_t n, int *e)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            *e = errno;
            return false;
        }
        if (w == 0) {
            *e = ENOSPC;
            return false;
        }
        p += w;
        n -= (size_t)w;
    }
    return true;
}

vb_code export_write_atomic(const char *dir, const char *name, const void *data, size_t len, vb_err *err)
{
    char final_path[PATH_MAX], tmp[PATH_MAX];
    if ((size_t)snprintf(final_path, sizeof final_path, "%s/%s", dir, name) >= sizeof final_path ||
        (size_t)snprintf(tmp, sizeof tmp, "%s/.%s.XXXXXX", dir, name) >= sizeof tmp)
        return vb_fail(err, VB_ERR_INVALID, "export path too long (%s)", dir);
    int fd = mkstemp(tmp);
    if (fd < 0)
        return errno_fail(err, errno, "write export", final_path);
    fchmod(fd, 0644); /* mkstemp makes 0600; a stick's vfat ignores both */
    int e = 0;
    bool ok = write_all(fd, data, len, &e);
    if (ok && fsync(fd) != 0 && errno != EINVAL)
        ok = false, e = errno;
    if (close(fd) != 0 && ok)
        ok = false, e = errno;
    if (ok && rename(tmp, final_path) != 0)
        ok = false, e = errno;
    if (!ok) {
        unlink(tmp);
        return errno_fail(err, e, "write export", final_path);
    }
    int dfd = open(dir, O_RDONLY | O_DIRECTORY);
    if (dfd >= 0) {
        fsync(dfd); /* the rename itself on disk; some file systems refuse, that is fine */
        close(dfd);
    }
    return VB_OK;
}

/* ---- the Dutch vocabulary of the files ----------------------------------- */

static const char *yes_no(bool b)
{
    return b ? "ja" : "nee";
}

static const char *idea_status_nl(const char *status)
{
    static const struct {
        const char *code, *nl;
    } words[] = {
        { "new", "nieuw" },
        { "review", "in behandeling" },
        { "trial", "wordt uitgeprobeerd" },
        { "adopted", "ingevoerd" },
        { "declined", "niet ingevoerd" },
        { "duplicate", "dubbel" },
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strcmp(status, words[i].code) == 0)
            return words[i].nl;
    return status;
}

static const char *action_status_nl(const char *status)
{
    if (strcmp(status, "open") == 0)
        return "open";
    if (strcmp(status, "done") == 0)
        return "afgerond";
    if (strcmp(status, "dropped") == 0)
        return "vervallen";
    return status;
}

static const char *origin_nl(const char *origin)
{
    if (strcmp(origin, "learning_point") == 0)
        return "leerpunt";
    if (strcmp(origin, "idea") == 0)
        return "idee";
    if (strcmp(origin, "dagstart") == 0)
        return "dagstart";
    return origin;
}

/* ---- the four files ------------------------------------------------------- */

typedef struct export_ctx {
    vb_csv csv;
    int rows;
    vb_month month;
    vb_day today;
    vb_day as_of;     /* the last day counted: month end, or today in a running month */
} export_ctx;

static vb_code csv_check(export_ctx *x, vb_err *err)
{
    return x->csv.failed ? vb_fail(err, VB_ERR_NOMEM, "out of memory building the export") : VB_OK;
}

static vb_code lp_row(void *ctx, const store_export_lp *r, vb_err *err)
{
    export_ctx *x = ctx;
    vb_csv *c = &x->csv;
    vb_csv_text(c, r->day);
    vb_csv_text(c, r->shift);
    vb_csv_text(c, category_display_name(r->category_code, r->category_label));
    vb_csv_text(c, r->place);
    vb_csv_text(c, r->what_happened);
    vb_csv_text(c, r->lesson);
    vb_csv_text(c, r->discussed_day);
    vb_csv_text(c, r->feedback);
    vb_csv_text(c, r->member_name); /* "" for an anonymous point (the store guarantees it) */
    vb_csv_int(c, r->metoo);
    vb_csv_text(c, yes_no(r->hidden));
    vb_csv_end_row(c);
    x->rows++;
    return csv_check(x, err);
}

static vb_code idea_row(void *ctx, const store_export_idea *r, vb_err *err)
{
    export_ctx *x = ctx;
    vb_csv *c = &x->csv;
    vb_csv_int(c, r->id);
    vb_csv_date(c, r->created_at);
    vb_csv_text(c, r->title);
    vb_csv_text(c, r->description);
    vb_csv_text(c, category_display_name(r->category_code, r->category_label));
    vb_csv_text(c, idea_status_nl(r->status));
    vb_csv_int(c, r->votes);
    vb_csv_text(c, r->member_name);
    vb_csv_date(c, r->first_feedback_at);
    if (r->first_feedback_at) {
        int days = vb_day_diff(vb_local_from_unix(r->created_at).day, vb_local_from_unix(r->first_feedback_at).day);
        vb_csv_int(c, days < 0 ? 0 : days);
    } else {
        vb_csv_text(c, NULL);
    }
    vb_csv_text(c, r->feedback);
    vb_csv_date(c, r->status_changed_at);
    vb_csv_text(c, yes_no(r->hidden));
    if (r->merged_into)
        vb_csv_int(c, r->merged_into);
    else
        vb_csv_text(c, NULL);
    vb_csv_end_row(c);
    x->rows++;
    return csv_check(x, err);
}

static vb_code action_row(void *ctx, const store_export_action *r, vb_err *err)
{
    export_ctx *x = ctx;
    vb_csv *c = &x->csv;
    vb_day due;
    bool has_due = vb_day_parse(r->due_day, &due);
    /* late: still open at the end of the counted period and due before it */
    bool open_then = !r->closed_at || vb_day_diff(x->as_of, vb_local_from_unix(r->closed_at).day) > 0;
    bool late = open_then && has_due && vb_day_diff(due, x->as_of) > 0;
    vb_csv_int(c, r->id);
    vb_csv_text(c, r->description);
    vb_csv_text(c, r->owner);
    vb_csv_date(c, r->created_at);
    vb_csv_text(c, r->due_day);
    vb_csv_text(c, action_status_nl(r->status));
    vb_csv_date(c, r->closed_at);
    vb_csv_text(c, r->note);
    vb_csv_text(c, origin_nl(r->origin));
    if (r->idea_id)
        vb_csv_int(c, r->idea_id);
    else
        vb_csv_text(c, NULL);
    vb_csv_text(c, yes_no(late));
    vb_csv_end_row(c);
    x->rows++;
    return csv_check(x, err);
}

/* Daily starts come by day; working days without one are filled in between
 * as "not held", up to the day before today (today's may still come). */
typedef struct dagstart_ctx {
    export_ctx *x;
    vb_calendar cal;
    vb_day next;      /* the first day not yet written */
    vb_day stop;      /* write missing working days before this day */
} dagstart_ctx;

static void missing_until(dagstart_ctx *d, vb_day until)
{
    vb_csv *c = &d->x->csv;
    for (; vb_day_diff(d->next, until) > 0 && vb_day_diff(d->next, d->stop) > 0; d->next = vb_day_add(d->next, 1)) {
        if (!calendar_is_working_day(&d->cal, d->next))
            continue;
        char day[11];
        vb_day_format(d->next, day);
        vb_csv_text(c, day);
        vb_csv_text(c, yes_no(false));
        for (int i = 0; i < 9; i++)
            vb_csv_text(c, NULL);
        vb_csv_end_row(c);
        d->x->rows++;
    }
}

static vb_code dagstart_row(void *ctx, const store_export_dagstart *r, vb_err *err)
{
    dagstart_ctx *d = ctx;
    vb_csv *c = &d->x->csv;
    vb_day day;
    if (vb_day_parse(r->day, &day)) {
        missing_until(d, day);
        if (vb_day_diff(d->next, day) >= 0)
            d->next = vb_day_add(day, 1);
    }
    vb_csv_text(c, r->day);
    vb_csv_text(c, yes_no(r->ended_at != 0));
    vb_csv_time(c, r->started_at);
    vb_csv_time(c, r->ended_at);
    if (r->ended_at)
        vb_csv_int(c, (r->ended_at - r->started_at + 30) / 60);
    else
        vb_csv_text(c, NULL);
    vb_csv_text(c, r->lead);
    vb_csv_int(c, r->present);
    vb_csv_int(c, r->absent);
    vb_csv_text(c, r->present_names);
    vb_csv_int(c, r->items_discussed);
    vb_csv_text(c, r->notes);
    vb_csv_end_row(c);
    d->x->rows++;
    return csv_check(d->x, err);
}

static const char *const headers[EXPORT_FILES][14] = {
    { "datum", "dienst", "categorie", "plaats", "wat_gebeurde", "wat_leren_we", "besproken", "terugkoppeling",
      "naam", "ook_meegemaakt", "verborgen", NULL },
    { "nummer", "ingediend", "titel", "omschrijving", "categorie", "status", "stemmen", "naam",
      "eerste_terugkoppeling", "dagen_tot_terugkoppeling", "terugkoppeling", "status_gewijzigd", "verborgen",
      "samengevoegd_met" },
    { "nummer", "omschrijving", "eigenaar", "aangemaakt", "deadline", "status", "afgesloten", "notitie",
      "herkomst", "idee", "te_laat", NULL },
    { "datum", "gehouden", "begin", "einde", "duur_minuten", "teamleider", "aanwezig", "afwezig", "aanwezigen",
      "besproken_punten", "notities", NULL },
};

static vb_code build_file(store *s, int index, export_ctx *x, vb_err *err)
{
    int n = 0;
    while (n < 14 && headers[index][n])
        n++;
    vb_csv_row(&x->csv, headers[index], n);
    switch (index) {
    case 0: return store_review_export_lps(s, x->month, lp_row, x, err);
    case 1: return store_review_export_ideas(s, x->month, idea_row, x, err);
    case 2: return store_review_export_actions(s, x->month, action_row, x, err);
    default: {
        dagstart_ctx d;
        memset(&d, 0, sizeof d);
        d.x = x;
        d.next = vb_month_first_day(x->month);
        d.stop = vb_day_diff(x->as_of, x->today) > 0 ? vb_day_add(x->as_of, 1) : x->today;
        vb_code rc = store_calendar_load(s, d.next, vb_month_last_day(x->month), &d.cal, err);
        if (rc == VB_OK)
            rc = store_review_export_dagstarts(s, x->month, dagstart_row, &d, err);
        if (rc == VB_OK) {
            missing_until(&d, vb_day_add(vb_month_last_day(x->month), 1));
            rc = csv_check(x, err);
        }
        calendar_free(&d.cal);
        return rc;
    }
    }
}

vb_code export_month_file(store *s, vb_month month, vb_day today, int index, const char *dir, int *rows,
                          vb_err *err)
{
    if (index < 0 || index >= EXPORT_FILES)
        return vb_fail(err, VB_ERR_INVALID, "no export file %d", index);
    export_ctx x;
    memset(&x, 0, sizeof x);
    x.month = month;
    x.today = vb_day_add(today, 0);
    x.as_of = vb_month_last_day(month);
    if (vb_day_diff(x.today, x.as_of) > 0)
        x.as_of = x.today;
    vb_csv_init(&x.csv);

    /* Category names in Dutch, as the column names are. */
    char language[8];
    utf8_copy(i18n_language(), language, sizeof language);
    i18n_set_language("nl");
    vb_code rc = build_file(s, index, &x, err);
    i18n_set_language(language);

    if (rc == VB_OK)
        rc = csv_check(&x, err);
    if (rc == VB_OK)
        rc = export_write_atomic(dir, export_file_names[index], x.csv.data, x.csv.len, err);
    if (rc == VB_OK && rows)
        *rows = x.rows;
    vb_csv_free(&x.csv);
    return rc;
}

vb_code export_month(store *s, vb_month month, vb_day today, const char *dir, export_result *res, vb_err *err)
{
    memset(res, 0, sizeof *res);
    snprintf(res->dir, sizeof res->dir, "%s", dir);
    for (int i = 0; i < EXPORT_FILES; i++) {
        vb_code rc = export_month_file(s, month, today, i, dir, &res->rows[i], err);
        if (rc != VB_OK)
            return rc;
        res->file_count++;
    }
    return VB_OK;
}

vb_code export_run(const char *db_path, const char *month_text, const char *dir, int64_t now_s, export_result *res,
                   vb_err *err)
{
    vb_month month;
    if (!vb_month_parse(month_text, &month))
        return vb_fail(err, VB_ERR_INVALID, "--export-month needs YYYY-MM, e.g. 2026-11 (got '%s')", month_text);
    vb_code rc = export_check_dir(dir, false, err);
    if (rc != VB_OK)
        return rc;
    store *s = NULL;
    rc = store_open(&s, db_path, STORE_READONLY, now_s, err);
    if (rc != VB_OK)
        return rc;
    rc = export_month(s, month, vb_local_from_unix(now_s).day, dir, res, err);
    store_close(s);
    return rc;
}

/* faultvfs.c: the fault-injection and power-loss test VFSes (see faultvfs.h). */
#include "faultvfs.h"

#include <sqlite3.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- shared pass-through plumbing -------------------------------------- */

typedef struct pending_write {
    sqlite3_int64 off;
    int len;
    unsigned char *data;
    struct pending_write *next;
} pending_write;

typedef struct wrap_file {
    sqlite3_file base;
    sqlite3_file *real;
    int powerloss;           /* 1: buffered until sync */
    pending_write *pending;  /* newest first */
    sqlite3_int64 size;      /* logical size including pending writes */
    struct wrap_file *next_open;
} wrap_file;

static sqlite3_vfs *g_real;
static struct {
    int mask, rc, sticky;
    long at, count, injected;
} g_fault;
static long g_syncs;
static int g_power_off;
static wrap_file *g_open_files;
static long g_cut_at;
static int g_cut_garble;
static unsigned g_cut_seed;
/* set by the test's thread, read by whichever thread syncs (the writer's) */
static atomic_int g_sync_delay_ms;
static atomic_long g_syncs_delayed;

void faultvfs_sync_delay(int ms)
{
    atomic_store(&g_sync_delay_ms, ms);
}

long faultvfs_syncs_delayed(void)
{
    return atomic_load(&g_syncs_delayed);
}

static int fault_hit(int kind)
{
    if (!(g_fault.mask & kind))
        return 0;
    g_fault.count++;
    if (g_fault.at > 0 && (g_fault.count == g_fault.at || (g_fault.sticky && g_fault.count > g_fault.at))) {
        g_fault.injected++;
        return 1;
    }
    return 0;
}

void faultvfs_arm(int mask, long at, int rc, int sticky)
{
    g_fault.mask = mask;
    g_fault.at = at;
    g_fault.rc = rc;
    g_fault.sticky = sticky;
    g_fault.count = 0;
    g_fault.injected = 0;
}

void faultvfs_clear(void)
{
    g_fault.mask = 0;
    g_fault.at = 0;
}

long faultvfs_count(void) { return g_fault.count; }
long faultvfs_injected(void) { return g_fault.injected; }
long faultvfs_powerloss_syncs(void) { return g_syncs; }

static int fail_code(int kind)
{
    if (g_fault.rc == SQLITE_FULL)
        return SQLITE_FULL;
    switch (kind) {
    case FV_READ: return SQLITE_IOERR_READ;
    case FV_WRITE: return SQLITE_IOERR_WRITE;
    case FV_TRUNCATE: return SQLITE_IOERR_TRUNCATE;
    default: return SQLITE_IOERR_FSYNC;
    }
}

static void drop_pending(wrap_file *f)
{
    while (f->pending) {
        pending_write *p = f->pending;
        f->pending = p->next;
        free(p->data);
        free(p);
    }
}

static int w_close(sqlite3_file *file)
{
    wrap_file *f = (wrap_file *)file;
    if (f->powerloss && !g_power_off) {
        /* a clean close keeps what the OS had been given */
        pending_write *list = NULL;
        while (f->pending) { /* reverse: oldest first */
            pending_write *p = f->pending;
            f->pending = p->next;
            p->next = list;
            list = p;
        }
        for (pending_write *p = list; p; p = p->next)
            f->real->pMethods->xWrite(f->real, p->data, p->len, p->off);
        f->pending = list;
    }
    drop_pending(f);
    for (wrap_file **pp = &g_open_files; *pp; pp = &(*pp)->next_open)
        if (*pp == f) {
            *pp = f->next_open;
            break;
        }
    return f->real->pMethods ? f->real->pMethods->xClose(f->real) : SQLITE_OK;
}

static int w_read(sqlite3_file *file, void *buf, int amt, sqlite3_int64 off)
{
    wrap_file *f = (wrap_file *)file;
    if (fault_hit(FV_READ))
        return fail_code(FV_READ);
    int rc = f->real->pMethods->xRead(f->real, buf, amt, off);
    if (!f->powerloss || !f->pending)
        return rc;
    /* overlay pending writes, oldest first so newer ones win */
    pending_write *stack[4096];
    int n = 0;
    for (pending_write *p = f->pending; p && n < 4096; p = p->next)
        stack[n++] = p;
    int covered_to = 0;
    for (int i = n - 1; i >= 0; i--) {
        pending_write *p = stack[i];
        sqlite3_int64 s = p->off > off ? p->off : off;
        sqlite3_int64 e = p->off + p->len < off + amt ? p->off + p->len : off + amt;
        if (s < e) {
            memcpy((char *)buf + (s - off), p->data + (s - p->off), (size_t)(e - s));
            if (e - off > covered_to)
                covered_to = (int)(e - off);
        }
    }
    if (rc == SQLITE_IOERR_SHORT_READ && off + amt <= f->size)
        rc = SQLITE_OK;
    return rc;
}

static int w_write(sqlite3_file *file, const void *buf, int amt, sqlite3_int64 off)
{
    wrap_file *f = (wrap_file *)file;
    if (g_power_off)
        return SQLITE_IOERR_WRITE;
    if (fault_hit(FV_WRITE))
        return fail_code(FV_WRITE);
    if (!f->powerloss)
        return f->real->pMethods->xWrite(f->real, buf, amt, off);
    pending_write *p = malloc(sizeof *p);
    if (!p)
        return SQLITE_NOMEM;
    p->data = malloc((size_t)amt);
    if (!p->data) {
        free(p);
        return SQLITE_NOMEM;
    }
    memcpy(p->data, buf, (size_t)amt);
    p->off = off;
    p->len = amt;
    p->next = f->pending;
    f->pending = p;
    if (off + amt > f->size)
        f->size = off + amt;
    return SQLITE_OK;
}

static int flush_pending(wrap_file *f)
{
    pending_write *list = NULL;
    while (f->pending) {
        pending_write *p = f->pending;
        f->pending = p->next;
        p->next = list;
        list = p;
    }
    int rc = SQLITE_OK;
    for (pending_write *p = list; p && rc == SQLITE_OK; p = p->next)
        rc = f->real->pMethods->xWrite(f->real, p->data, p->len, p->off);
    f->pending = list;
    drop_pending(f);
    return rc;
}

static int w_truncate(sqlite3_file *file, sqlite3_int64 size)
{
    wrap_file *f = (wrap_file *)file;
    if (g_power_off)
        return SQLITE_IOERR_TRUNCATE;
    if (fault_hit(FV_TRUNCATE))
        return fail_code(FV_TRUNCATE);
    if (f->powerloss) {
        int rc = flush_pending(f);
        if (rc != SQLITE_OK)
            return rc;
        f->size = size;
    }
    return f->real->pMethods->xTruncate(f->real, size);
}

static int w_sync(sqlite3_file *file, int flags)
{
    wrap_file *f = (wrap_file *)file;
    int delay = atomic_load(&g_sync_delay_ms);
    if (delay > 0) {
        struct timespec ts = { delay / 1000, (long)(delay % 1000) * 1000000L };
        nanosleep(&ts, NULL);
        atomic_fetch_add(&g_syncs_delayed, 1);
    }
    if (g_power_off)
        return SQLITE_IOERR_FSYNC;
    if (fault_hit(FV_SYNC))
        return fail_code(FV_SYNC);
    if (f->powerloss) {
        g_syncs++;
        if (g_cut_at > 0 && g_syncs >= g_cut_at) {
            faultvfs_power_cut(g_cut_garble, g_cut_seed);
            return SQLITE_IOERR_FSYNC;
        }
        int rc = flush_pending(f);
        if (rc != SQLITE_OK)
            return rc;
    }
    return f->real->pMethods->xSync(f->real, flags);
}

static int w_size(sqlite3_file *file, sqlite3_int64 *size)
{
    wrap_file *f = (wrap_file *)file;
    int rc = f->real->pMethods->xFileSize(f->real, size);
    if (rc == SQLITE_OK && f->powerloss && f->size > *size)
        *size = f->size;
    return rc;
}

#define PASS(name, sig, call)                                                                                      \
    static int name sig                                                                                           \
    {                                                                                                             \
        wrap_file *f = (wrap_file *)file;                                                                         \
        return f->real->pMethods->call;                                                                           \
    }

PASS(w_lock, (sqlite3_file * file, int l), xLock(f->real, l))
PASS(w_unlock, (sqlite3_file * file, int l), xUnlock(f->real, l))
PASS(w_check, (sqlite3_file * file, int *out), xCheckReservedLock(f->real, out))
PASS(w_fcntl, (sqlite3_file * file, int op, void *arg), xFileControl(f->real, op, arg))
PASS(w_sector, (sqlite3_file * file), xSectorSize(f->real))
PASS(w_devchar, (sqlite3_file * file), xDeviceCharacteristics(f->real))
PASS(w_shmmap, (sqlite3_file * file, int pg, int sz, int ext, void volatile **pp), xShmMap(f->real, pg, sz, ext, pp))
PASS(w_shmlock, (sqlite3_file * file, int off, int n, int flags), xShmLock(f->real, off, n, flags))
PASS(w_shmunmap, (sqlite3_file * file, int del), xShmUnmap(f->real, del))

static void w_shmbarrier(sqlite3_file *file)
{
    wrap_file *f = (wrap_file *)file;
    f->real->pMethods->xShmBarrier(f->real);
}

static const sqlite3_io_methods wrap_methods = {
    2, w_close, w_read, w_write, w_truncate, w_sync, w_size, w_lock, w_unlock, w_check, w_fcntl, w_sector,
    w_devchar, w_shmmap, w_shmlock, w_shmbarrier, w_shmunmap, NULL, NULL,
};

static int open_common(sqlite3_vfs *vfs, sqlite3_filename name, sqlite3_file *file, int flags, int *out_flags,
                       int powerloss)
{
    (void)vfs;
    wrap_file *f = (wrap_file *)file;
    memset(f, 0, sizeof *f);
    f->real = (sqlite3_file *)(f + 1);
    int rc = g_real->xOpen(g_real, name, f->real, flags, out_flags);
    if (rc != SQLITE_OK) {
        f->base.pMethods = NULL;
        return rc;
    }
    f->base.pMethods = &wrap_methods;
    f->powerloss = powerloss && (flags & (SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_WAL | SQLITE_OPEN_MAIN_JOURNAL));
    if (f->powerloss)
        f->real->pMethods->xFileSize(f->real, &f->size);
    f->next_open = g_open_files;
    g_open_files = f;
    return SQLITE_OK;
}

static int fault_open(sqlite3_vfs *vfs, sqlite3_filename name, sqlite3_file *file, int flags, int *out_flags)
{
    return open_common(vfs, name, file, flags, out_flags, 0);
}

static int power_open(sqlite3_vfs *vfs, sqlite3_filename name, sqlite3_file *file, int flags, int *out_flags)
{
    return open_common(vfs, name, file, flags, out_flags, 1);
}

#define VFS_PASS(name, sig, call)                                                                                  \
    static int name sig { (void)vfs; return g_real->call; }

VFS_PASS(v_delete, (sqlite3_vfs * vfs, const char *z, int sync), xDelete(g_real, z, sync))
VFS_PASS(v_access, (sqlite3_vfs * vfs, const char *z, int flags, int *out), xAccess(g_real, z, flags, out))
VFS_PASS(v_full, (sqlite3_vfs * vfs, const char *z, int n, char *out), xFullPathname(g_real, z, n, out))
VFS_PASS(v_random, (sqlite3_vfs * vfs, int n, char *out), xRandomness(g_real, n, out))
VFS_PASS(v_sleep, (sqlite3_vfs * vfs, int us), xSleep(g_real, us))
VFS_PASS(v_time, (sqlite3_vfs * vfs, double *out), xCurrentTime(g_real, out))
VFS_PASS(v_lasterr, (sqlite3_vfs * vfs, int n, char *out), xGetLastError(g_real, n, out))
VFS_PASS(v_time64, (sqlite3_vfs * vfs, sqlite3_int64 *out), xCurrentTimeInt64(g_real, out))

static void *v_dlopen(sqlite3_vfs *vfs, const char *z) { (void)vfs; return g_real->xDlOpen(g_real, z); }
static void v_dlerror(sqlite3_vfs *vfs, int n, char *z) { (void)vfs; g_real->xDlError(g_real, n, z); }
static void (*v_dlsym(sqlite3_vfs *vfs, void *h, const char *z))(void) { (void)vfs; return g_real->xDlSym(g_real, h, z); }
static void v_dlclose(sqlite3_vfs *vfs, void *h) { (void)vfs; g_real->xDlClose(g_real, h); }

static sqlite3_vfs make_vfs(const char *name, int (*open)(sqlite3_vfs *, sqlite3_filename, sqlite3_file *, int, int *))
{
    sqlite3_vfs v;
    memset(&v, 0, sizeof v);
    v.iVersion = 2;
    v.szOsFile = (int)sizeof(wrap_file) + g_real->szOsFile;
    v.mxPathname = g_real->mxPathname;
    v.zName = name;
    v.xOpen = open;
    v.xDelete = v_delete;
    v.xAccess = v_access;
    v.xFullPathname = v_full;
    v.xDlOpen = v_dlopen;
    v.xDlError = v_dlerror;
    v.xDlSym = v_dlsym;
    v.xDlClose = v_dlclose;
    v.xRandomness = v_random;
    v.xSleep = v_sleep;
    v.xCurrentTime = v_time;
    v.xGetLastError = v_lasterr;
    v.xCurrentTimeInt64 = v_time64;
    return v;
}

static sqlite3_vfs g_fault_vfs, g_power_vfs;

int faultvfs_register(void)
{
    if (!g_real)
        g_real = sqlite3_vfs_find(NULL);
    g_fault_vfs = make_vfs("fault", fault_open);
    return sqlite3_vfs_register(&g_fault_vfs, 1);
}

int faultvfs_powerloss_register(void)
{
    if (!g_real)
        g_real = sqlite3_vfs_find(NULL);
    g_power_vfs = make_vfs("powerloss", power_open);
    return sqlite3_vfs_register(&g_power_vfs, 1);
}

void faultvfs_power_cut_at(long n, int garble, unsigned seed)
{
    g_cut_at = g_syncs + n;
    g_cut_garble = garble;
    g_cut_seed = seed;
}

int faultvfs_power_is_off(void)
{
    return g_power_off;
}

void faultvfs_power_cut(int garble, unsigned seed)
{
    for (wrap_file *f = g_open_files; f; f = f->next_open) {
        if (!f->powerloss)
            continue;
        if (garble) {
            /* a torn write: some of the unsynced sectors reach the disk as garbage */
            for (pending_write *p = f->pending; p; p = p->next) {
                seed = seed * 1103515245u + 12345u;
                if ((seed >> 16) % 3 == 0) {
                    for (int i = 0; i < p->len; i++) {
                        seed = seed * 1103515245u + 12345u;
                        p->data[i] = (unsigned char)(seed >> 16);
                    }
                    f->real->pMethods->xWrite(f->real, p->data, p->len, p->off);
                }
            }
        }
        drop_pending(f);
    }
    g_power_off = 1;
}

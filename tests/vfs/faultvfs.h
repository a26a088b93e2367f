/* faultvfs.h: test VFSes in the way of SQLite's own test6.c and
 * test_devsym.c, for the crash, power-loss and I/O-error tests.
 *
 * fault VFS: wraps the default VFS and makes the Nth read, write, truncate
 * or sync fail with an I/O error or a full disk, once or from then on, until
 * cleared. Counting first (at = 0) tells how many fault points a scenario has.
 *
 * Both can also make every sync slow (faultvfs_sync_delay).
 *
 * power-loss VFS: keeps every write in memory until the file is synced, the
 * way a disk cache would; faultvfs_power_cut() then drops what was not synced,
 * optionally writing garbage over part of it (a torn write), so that a later
 * open sees what a machine would see after the power went off. */
#ifndef VB_FAULTVFS_H
#define VB_FAULTVFS_H

enum { FV_READ = 1, FV_WRITE = 2, FV_TRUNCATE = 4, FV_SYNC = 8, FV_ALL = 15 };

/* Registers "fault" (wrapping the current default) and makes it the default. */
int faultvfs_register(void);
/* Arms a fault: the at-th operation of the kinds in mask (counted from now)
 * fails with rc (SQLITE_IOERR or SQLITE_FULL); sticky = every later one too.
 * at = 0 only counts. */
void faultvfs_arm(int mask, long at, int rc, int sticky);
void faultvfs_clear(void);
/* Operations of the armed kinds seen since the last arm; faults injected. */
long faultvfs_count(void);
long faultvfs_injected(void);

/* A slow disk: every xSync through either VFS first sleeps ms (0: none),
 * on whichever thread syncs. faultvfs_syncs_delayed counts them. */
void faultvfs_sync_delay(int ms);
long faultvfs_syncs_delayed(void);

/* Registers "powerloss" (wrapping the current default) and makes it the default. */
int faultvfs_powerloss_register(void);
/* Number of xSync calls seen so far. */
long faultvfs_powerloss_syncs(void);
/* Cuts the power inside the n-th xSync from now (before that sync reaches
 * the disk): the sync fails and faultvfs_power_cut(garble, seed) runs. */
void faultvfs_power_cut_at(long n, int garble, unsigned seed);
/* True once the power was cut. */
int faultvfs_power_is_off(void);
/* Drops every unsynced write of every open file; with garble, writes random
 * bytes over a random part of them first (seeded). Afterwards all writes and
 * syncs fail, as the machine is off. */
void faultvfs_power_cut(int garble, unsigned seed);

#endif

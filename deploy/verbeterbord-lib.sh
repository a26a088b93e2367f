# shellcheck shell=sh disable=SC2034
# verbeterbord-lib.sh: what the admin scripts (verbeterbord-backup,
# verbeterbord-restore, verbeterbord-check) share: where the database is,
# messages, and doing file work as the owner of the data folder instead of as
# root. It is sourced, not run; installed next to the scripts in
# /usr/lib/verbeterbord/.
#
# Paths come from, in this order: a command-line option, the environment
# (VB_DB, VB_BACKUP_DIR, VB_CONFIG), db_path in the device settings file, and
# the packaged defaults below. Tests use the environment.

VB_DEFAULT_DB=/var/lib/verbeterbord/verbeterbord.db
VB_DEFAULT_BACKUP_DIR=/var/backups/verbeterbord
VB_DEFAULT_CONFIG=/etc/verbeterbord/verbeterbord.conf
# The kiosk's system user. VB_SERVICE_USER in the environment names another
# one (the tests use a throwaway user).
VB_SERVICE_USER=${VB_SERVICE_USER:-verbeterbord}
# The two kiosk units; at most one runs (they conflict).
VB_KIOSK_UNITS="verbeterbord.service verbeterbord-kmsdrm.service"

# Plain C collation (backup names sort by their time stamp), no surprises from
# the caller's locale in tool output.
LC_ALL=C
export LC_ALL

say() { printf '%s: %s\n' "$PROG" "$*"; }
warn() { printf '%s: %s\n' "$PROG" "$*" >&2; }
# die CODE MESSAGE: explain and stop with that exit code.
die() {
    code=$1
    shift
    printf '%s: %s\n' "$PROG" "$*" >&2
    exit "$code"
}

# db_path from the device settings file (the last one wins, as in the kiosk),
# or nothing when the file or the key is absent.
vb_config_db_path() {
    conf=${VB_CONFIG:-$VB_DEFAULT_CONFIG}
    [ -r "$conf" ] || return 0
    sed -n 's/^[[:space:]]*db_path[[:space:]]*=[[:space:]]*\(.*[^[:space:]]\)[[:space:]]*$/\1/p' "$conf" | tail -n 1
}

# The database path: $1 (an option) if given, else VB_DB, else the settings
# file, else the packaged default.
vb_db_path() {
    if [ -n "${1:-}" ]; then
        printf '%s\n' "$1"
    elif [ -n "${VB_DB:-}" ]; then
        printf '%s\n' "$VB_DB"
    else
        p=$(vb_config_db_path)
        printf '%s\n' "${p:-$VB_DEFAULT_DB}"
    fi
}

vb_need_sqlite3() {
    command -v sqlite3 >/dev/null 2>&1 ||
        die 1 "sqlite3 is missing: sudo apt-get install sqlite3"
}

# Single quotes doubled, for a file name inside an SQL string literal.
vb_sql_quote() {
    printf '%s' "$1" | sed "s/'/''/g"
}

# Why root never writes into the data or backup folder itself: those folders
# belong to the kiosk's user, so whatever runs as that user (a compromised
# kiosk) can put symbolic links there under any name root might use next.
# Root following such a link would overwrite, chown or chmod a file of its
# choice. So root does only what needs root (stopping and starting units,
# looking at /proc) and every file in such a folder is created, moved and
# removed by the folder's owner (vb_worker, vb_run_as): a planted link then
# reaches at most that user's own files.

# vb_worker DIR: prints "UID GID" of the user who does the file work in the
# folder DIR, or explains on stderr why nobody may and fails. DIR must be a
# real folder, not a symbolic link. A folder of root is worked in as root only
# when no one else can write to it. When we are root, any other folder must
# belong to VB_SERVICE_USER (if that user exists); when we are not root, it
# must be our own.
vb_worker() {
    wdir=$1
    if [ -L "$wdir" ]; then
        warn "$wdir is a symbolic link; refused (use the real folder, and find out who made the link: ls -l $(dirname "$wdir"))"
        return 1
    fi
    if [ ! -d "$wdir" ]; then
        warn "$wdir is not a folder"
        return 1
    fi
    wuid=$(stat -c %u "$wdir") || return 1
    wmode=$(stat -c %a "$wdir") || return 1
    if [ "$wuid" = 0 ]; then
        if [ $((0$wmode & 0022)) -ne 0 ]; then
            warn "$wdir belongs to root but others can write to it (mode $wmode); refused. Fix: sudo chmod go-w $wdir"
            return 1
        fi
        [ "$(id -u)" = 0 ] || { warn "$wdir belongs to root: run it as root (sudo)"; return 1; }
        echo "0 0"
        return 0
    fi
    if [ "$(id -u)" = 0 ]; then
        if wsvc=$(id -u "$VB_SERVICE_USER" 2>/dev/null) && [ "$wuid" != "$wsvc" ]; then
            warn "$wdir belongs to $(stat -c %U "$wdir"), not to the service user $VB_SERVICE_USER; refused. Fix: sudo chown $VB_SERVICE_USER: $wdir"
            return 1
        fi
    elif [ "$wuid" != "$(id -u)" ]; then
        warn "$wdir belongs to $(stat -c %U "$wdir"): run it as root (sudo)"
        return 1
    fi
    wgid=$(id -g "$wuid" 2>/dev/null) || wgid=$(stat -c %g "$wdir")
    echo "$wuid $wgid"
}

# vb_run_as UID GID CMD...: runs CMD as that user and group, without
# supplementary groups and unable to gain privileges again (setpriv), or
# directly when we already are that user. HOME points nowhere, so that no
# start-up file of that user (~/.sqliterc) is read.
vb_run_as() {
    ruid=$1 rgid=$2
    shift 2
    if [ "$(id -u)" = "$ruid" ]; then
        "$@"
        return
    fi
    setpriv --reuid="$ruid" --regid="$rgid" --clear-groups --no-new-privs -- env HOME=/nonexistent "$@"
}

# vb_as_owner FILE CMD...: runs CMD as the owner of FILE's folder when we are
# root (vb_worker). Opening a WAL database creates its -shm and -wal files;
# created by root they would lock the kiosk out of its own data, and root
# would follow links planted under those names. FILE must not be a symbolic link.
vb_as_owner() {
    ref=$1
    shift
    if [ "$(id -u)" = 0 ]; then
        if [ -L "$ref" ]; then
            warn "$ref is a symbolic link; not opened as root"
            return 1
        fi
        w=$(vb_worker "$(dirname "$ref")") || return 1
        # shellcheck disable=SC2086
        vb_run_as $w "$@"
        return
    fi
    "$@"
}

# vb_check_links DB UID: fails with a message when DB or one of the files
# SQLite keeps next to it (-wal, -shm, -journal, and the same for the
# anonymous entries' DB-anon) is a symbolic link, not a regular file, or
# does not belong to UID. Nothing in a data folder is ever a link.
vb_check_links() {
    for f in "$1" "$1-wal" "$1-shm" "$1-journal" "$1-anon" "$1-anon-wal" "$1-anon-shm" "$1-anon-journal"; do
        if [ -L "$f" ]; then
            warn "$f is a symbolic link (nothing in the data folder should be one; who made it? ls -l $f); refused. Remove the link, then try again"
            return 1
        fi
        [ -e "$f" ] || continue
        if [ ! -f "$f" ]; then
            warn "$f is not a regular file; refused"
            return 1
        fi
        if [ "$(stat -c %u "$f")" != "$2" ]; then
            warn "$f belongs to $(stat -c %U "$f"), not to the data folder's owner $(id -nu "$2" 2>/dev/null || echo "$2"); refused. Fix: sudo chown -h $(id -nu "$2" 2>/dev/null || echo "$2"): $f"
            return 1
        fi
    done
    return 0
}

# Prints the result of PRAGMA integrity_check (or quick_check with "quick")
# for a database file that nobody writes (a backup copy), opened read-only.
vb_check_file() {
    pragma=integrity_check
    [ "${2:-}" = quick ] && pragma=quick_check
    sqlite3 -readonly -bail "$1" "PRAGMA $pragma;" 2>&1 | head -n 5
}

# The backup file name pattern; the time stamp makes the names sort by age.
VB_BACKUP_GLOB='verbeterbord-[0-9]*-[0-9]*.db'

# Prints the newest backup in directory $1, or nothing.
vb_newest_backup() {
    newest=
    for f in "$1"/$VB_BACKUP_GLOB; do
        [ -f "$f" ] && newest=$f
    done
    [ -n "$newest" ] && printf '%s\n' "$newest"
    return 0
}

# True when systemd runs this machine (not in a chroot or a build container).
# Tests set VB_ASSUME_SYSTEMD=1 and put a stand-in systemctl first in PATH.
vb_have_systemd() {
    command -v systemctl >/dev/null 2>&1 || return 1
    [ "${VB_ASSUME_SYSTEMD:-}" = 1 ] || [ -d /run/systemd/system ]
}

# shellcheck shell=sh disable=SC2034
# verbeterbord-lib.sh: what the admin scripts (verbeterbord-backup,
# verbeterbord-restore, verbeterbord-check) share: where the database is,
# messages, and running sqlite3 as the database's owner. It is sourced, not run;
# installed next to the scripts in /usr/lib/verbeterbord/.
#
# Paths come from, in this order: a command-line option, the environment
# (VB_DB, VB_BACKUP_DIR, VB_CONFIG), db_path in the device settings file, and
# the packaged defaults below. Tests use the environment.

VB_DEFAULT_DB=/var/lib/verbeterbord/verbeterbord.db
VB_DEFAULT_BACKUP_DIR=/var/backups/verbeterbord
VB_DEFAULT_CONFIG=/etc/verbeterbord/verbeterbord.conf
VB_SERVICE_USER=verbeterbord
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

# vb_as_owner FILE CMD...: runs CMD as the owner of FILE when we are root and
# FILE belongs to someone else. Opening a WAL database creates its -shm and
# -wal files; created by root they would lock the kiosk out of its own data.
vb_as_owner() {
    ref=$1
    shift
    if [ "$(id -u)" = 0 ]; then
        owner=$(stat -c %U "$ref" 2>/dev/null || echo root)
        if [ "$owner" != root ] && [ "$owner" != UNKNOWN ]; then
            runuser -u "$owner" -- "$@"
            return
        fi
    fi
    "$@"
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

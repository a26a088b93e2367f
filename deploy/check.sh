#!/bin/sh
# shellcheck source-path=SCRIPTDIR
# check.sh (installed as verbeterbord-check): run by a technician after an
# install, or when something seems wrong. Each line is OK, WARN or FAIL with a
# plain explanation of what it means and what to do.
#   service   the kiosk unit runs, starts at boot; the backup timer is on
#   database  exists, passes PRAGMA quick_check, is owned by the service user
#   storage   the data is on persistent, writable storage (not tmpfs/overlay)
#   backups   exist, the newest is less than 2 days old and whole
#   clock     plausible: not before this software was built, not before the
#             newest backup, synchronised if time sync is set up
#   console   SysRq off, no login prompts on tty2..tty6
# Exit code: 0 without FAIL lines, 1 with any FAIL, 2 usage error.
set -u
PROG=verbeterbord-check
here=$(dirname "$(readlink -f "$0")")
. "$here/verbeterbord-lib.sh"

# Filled in by `make install` (the day this copy was built); unset in a source tree.
BUILD_EPOCH=@BUILD_EPOCH@

case ${1:-} in
--help)
    cat <<EOF
Usage: $PROG [--help]
Checks the installed kiosk: service, database, storage, backups, clock and
console, one OK, WARN or FAIL line each, with what to do. Run it as root for
the full picture: sudo $PROG

  --help    this text

Exit codes: 0 no FAIL line; 1 a FAIL line; 2 usage error.
See verbeterbord-check(8) for what each area checks.
EOF
    exit 0
    ;;
'') ;;
*) echo "$PROG: no options besides --help" >&2; exit 2 ;;
esac

fails=0
warns=0
ok() { printf 'OK    %-9s %s\n' "$1" "$2"; }
wrn() { printf 'WARN  %-9s %s\n' "$1" "$2"; warns=$((warns + 1)); }
bad() { printf 'FAIL  %-9s %s\n' "$1" "$2"; fails=$((fails + 1)); }

now=$(date +%s)
db=$(vb_db_path "")
backup_dir=${VB_BACKUP_DIR:-$VB_DEFAULT_BACKUP_DIR}
conf=${VB_CONFIG:-$VB_DEFAULT_CONFIG}

# --- service -----------------------------------------------------------------
if vb_have_systemd; then
    running=
    for unit in $VB_KIOSK_UNITS; do
        systemctl is-active --quiet "$unit" && running=$unit
    done
    if [ -n "$running" ]; then
        ok service "$running is running (restarts: $(systemctl show -p NRestarts --value "$running"))"
    else
        status=$(systemctl show -p ExecMainStatus --value verbeterbord.service 2>/dev/null)
        if [ "$status" = 75 ]; then
            wrn service "the kiosk was stopped for maintenance (exit 75); start it: sudo systemctl start verbeterbord"
        else
            bad service "the kiosk is not running; see: journalctl -b -u verbeterbord (last exit status ${status:-?})"
        fi
    fi
    enabled=
    for unit in $VB_KIOSK_UNITS; do
        [ "$(systemctl is-enabled "$unit" 2>/dev/null)" = enabled ] && enabled="$enabled $unit"
    done
    case $enabled in
    '') bad service "no kiosk unit starts at boot: sudo systemctl enable verbeterbord" ;;
    *' '*' '*) wrn service "both kiosk units are enabled:$enabled; enable only one" ;;
    *) ok service "starts at boot:$enabled" ;;
    esac
    if systemctl is-active --quiet verbeterbord-backup.timer; then
        ok service "nightly backup timer is on (next: $(systemctl show -p NextElapseUSecRealtime --value verbeterbord-backup.timer))"
    else
        bad service "the nightly backup timer is off: sudo systemctl enable --now verbeterbord-backup.timer"
    fi
else
    wrn service "systemd is not running here (chroot or container): the services cannot be checked"
fi

# --- database ----------------------------------------------------------------
if ! command -v sqlite3 >/dev/null 2>&1; then
    bad database "sqlite3 is missing, nothing about the database can be checked: sudo apt-get install sqlite3"
elif [ ! -f "$db" ]; then
    bad database "no database at $db; the kiosk creates it at its first start (is db_path in $conf right?)"
else
    result=$(vb_as_owner "$db" sqlite3 -readonly -cmd ".timeout 5000" "$db" "PRAGMA quick_check;" 2>&1 | head -n 3)
    if [ "$result" = ok ]; then
        ok database "$db passes quick_check ($(($(stat -c %s "$db") / 1024)) KiB)"
    else
        bad database "$db is damaged or unreadable: $result. Restore the newest backup: sudo verbeterbord-restore FILE"
    fi
    owner=$(stat -c %U "$db")
    if id "$VB_SERVICE_USER" >/dev/null 2>&1 && [ "$owner" != "$VB_SERVICE_USER" ]; then
        bad database "$db belongs to $owner, not $VB_SERVICE_USER: the kiosk cannot write it. Fix: sudo chown $VB_SERVICE_USER: $db*"
    fi
fi

# --- storage -----------------------------------------------------------------
datadir=$(dirname "$db")
if [ -d "$datadir" ]; then
    fstype='' source='' target='' options=''
    if command -v findmnt >/dev/null 2>&1; then
        fstype=$(findmnt -n -o FSTYPE -T "$datadir" 2>/dev/null | head -n 1)
        source=$(findmnt -n -o SOURCE -T "$datadir" 2>/dev/null | head -n 1)
        target=$(findmnt -n -o TARGET -T "$datadir" 2>/dev/null | head -n 1)
        options=$(findmnt -n -o OPTIONS -T "$datadir" 2>/dev/null | head -n 1)
    fi
    # No mount table (a chroot): the filesystem type from statfs instead.
    [ -n "$fstype" ] || fstype=$(stat -f -c %T "$datadir" 2>/dev/null)
    case $fstype in
    '' | '?')
        wrn storage "cannot tell what $datadir is stored on (no mount table here?); check with: findmnt -T $datadir" ;;
    tmpfs | ramfs | devtmpfs)
        bad storage "$datadir is on $fstype (RAM): every entry is lost at the next power cut. Put it on a disk partition (README: read-only root)" ;;
    overlay | overlayfs | aufs | squashfs)
        bad storage "$datadir is on $fstype: with a read-only root (overlay) writes go to RAM and are lost at reboot. Mount a data partition on $datadir (README)" ;;
    *)
        case ,$options, in
        *,ro,*) bad storage "$datadir is on a read-only mount ($target): the kiosk cannot save" ;;
        *)
            if [ -n "$source" ]; then
                ok storage "$datadir is on $source ($fstype, mounted at $target)"
            else
                ok storage "$datadir is on a $fstype filesystem"
            fi
            ;;
        esac
        ;;
    esac
    free_kb=$(df -Pk "$datadir" | awk 'NR == 2 { print $4 }')
    if [ "${free_kb:-0}" -lt 102400 ] 2>/dev/null; then
        wrn storage "only $((free_kb / 1024)) MiB free for $datadir: the database and its backups need room"
    fi
else
    bad storage "the data folder $datadir does not exist: sudo systemd-tmpfiles --create verbeterbord.conf"
fi

# --- backups -----------------------------------------------------------------
newest=$(vb_newest_backup "$backup_dir")
newest_epoch=
if [ -z "$newest" ]; then
    bad backups "no backups in $backup_dir yet; take one now: sudo verbeterbord-backup"
else
    count=0
    for f in "$backup_dir"/$VB_BACKUP_GLOB; do [ -f "$f" ] && count=$((count + 1)); done
    newest_epoch=$(stat -c %Y "$newest")
    age_h=$(((now - newest_epoch) / 3600))
    if [ "$age_h" -ge 48 ]; then
        wrn backups "the newest backup is $((age_h / 24)) days old ($newest): is the timer on? see systemctl status verbeterbord-backup"
    else
        copies="$count copies"
        [ "$count" = 1 ] && copies="1 copy"
        ok backups "$copies; the newest is $age_h h old: $newest"
    fi
    result=$(vb_check_file "$newest" quick)
    [ "$result" = ok ] || bad backups "the newest backup $newest fails quick_check: $result"
    if [ -d "$datadir" ] && [ "$(stat -c %d "$backup_dir")" = "$(stat -c %d "$datadir")" ]; then
        ok backups "(the copies are on the same disk as the data; for a copy off this machine use verbeterbord-backup --also-to /media/usb)"
    fi
fi

# --- clock -------------------------------------------------------------------
case $BUILD_EPOCH in
*[!0-9]* | '') build_epoch= ;;
*) build_epoch=$BUILD_EPOCH ;;
esac
clock_ok=1
if [ -n "$build_epoch" ] && [ "$now" -lt "$build_epoch" ]; then
    bad clock "it is $(date '+%Y-%m-%d %H:%M') here, before this software was built ($(date -d "@$build_epoch" +%Y-%m-%d)): the clock is wrong, so dates on entries are too. Set it (timedatectl set-time) and fit an RTC or time sync (README)"
    clock_ok=0
fi
if [ -n "$newest_epoch" ] && [ "$now" -lt "$newest_epoch" ]; then
    bad clock "it is $(date '+%Y-%m-%d %H:%M') here, before the newest backup was made: the clock went back (power cut without RTC or network?)"
    clock_ok=0
fi
if command -v timedatectl >/dev/null 2>&1 && vb_have_systemd; then
    synced=$(timedatectl show -p NTPSynchronized --value 2>/dev/null)
    ntp=$(timedatectl show -p NTP --value 2>/dev/null)
    rtc=no
    [ -e /dev/rtc0 ] && rtc=yes
    if [ "$synced" = yes ]; then
        ok clock "$(date '+%Y-%m-%d %H:%M %Z'), synchronised over the network"
    elif [ "$rtc" = yes ]; then
        [ "$clock_ok" = 1 ] && ok clock "$(date '+%Y-%m-%d %H:%M %Z') from a real-time clock (not network-synchronised: check it now and then)"
    elif [ "$ntp" = yes ]; then
        wrn clock "$(date '+%Y-%m-%d %H:%M %Z'), not synchronised yet and no real-time clock: after a power cut without network the date is wrong"
    else
        wrn clock "$(date '+%Y-%m-%d %H:%M %Z'), no time sync and no real-time clock: fit an RTC module or sudo timedatectl set-ntp true (README)"
    fi
elif [ "$clock_ok" = 1 ]; then
    ok clock "$(date '+%Y-%m-%d %H:%M %Z') (time sync not checked: no timedatectl, or systemd is not running here)"
fi

# --- console -----------------------------------------------------------------
sysrq=$(cat /proc/sys/kernel/sysrq 2>/dev/null || echo '?')
if [ "$sysrq" = 0 ]; then
    ok console "SysRq keys are off"
else
    wrn console "SysRq is $sysrq (keys can reboot or kill the kiosk): sudo sysctl --system, or reboot"
fi
if vb_have_systemd; then
    gettys=
    for n in 2 3 4 5 6; do
        systemctl is-active --quiet "getty@tty$n.service" && gettys="$gettys tty$n"
    done
    if [ -n "$gettys" ]; then
        wrn console "login prompts run on$gettys: reboot after install, or sudo systemctl stop getty@ttyN"
    else
        ok console "no login prompts on tty2..tty6"
    fi
fi

# --- settings file -----------------------------------------------------------
if [ -f "$conf" ]; then
    unknown=$(sed -n '/^[[:space:]]*#/d; /^[[:space:]]*$/d; /^[[:space:]]*\(db_path\|panel_mm\|display\|wall_display\|renderer\|font\|export_dir\)[[:space:]]*=/d; =' "$conf" | tr '\n' ' ')
    if [ -n "$unknown" ]; then
        bad settings "$conf has lines the kiosk refuses (line $unknown): it will not start. See the comments in the file"
    else
        ok settings "$conf reads fine"
    fi
else
    ok settings "no $conf: the defaults apply"
fi

echo "$fails FAIL, $warns WARN"
[ "$fails" = 0 ]

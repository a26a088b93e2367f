#!/bin/sh
# shellcheck source-path=SCRIPTDIR
# test_backup.sh BUILD_DIR: deploy/verbeterbord-backup takes a consistent copy
# while another process keeps committing, the copy passes integrity_check,
# only the newest 14 are kept, --also-to refuses a folder that is not a mount
# point, and deploy/verbeterbord-restore puts a copy back (stopping and
# starting the service through a stand-in systemctl) so that the kiosk opens
# it on its home screen. verbeterbord-check reads the result. The database
# of anonymous entries (<db>-anon) is copied, pruned and restored alongside.
# shellcheck disable=SC2016,SC2034,SC2002,SC2012,SC2010,SC2317
set -u
. "$(dirname "$0")/testlib.sh"
t_init "$@"
need sqlite3 sqlite3 || bail "sqlite3 is missing and could not be installed"

BACKUP=$ROOT/deploy/verbeterbord-backup
RESTORE=$ROOT/deploy/verbeterbord-restore
CHECK=$ROOT/deploy/check.sh
DATA=$TMP/data
BK=$TMP/backups
mkdir -p "$DATA" "$BK"
DB=$DATA/verbeterbord.db
# The scripts take their paths from the environment (no /etc, no /var here).
VB_DB=$DB VB_BACKUP_DIR=$BK VB_CONFIG=$TMP/none.conf
export VB_DB VB_BACKUP_DIR VB_CONFIG

writer_pid=
holder_pid=
# shellcheck disable=SC2317
t_cleanup() {
    touch "$TMP/stop" 2>/dev/null
    [ -n "$writer_pid" ] && kill "$writer_pid" 2>/dev/null
    [ -n "$holder_pid" ] && kill "$holder_pid" 2>/dev/null
    wait 2>/dev/null
    rm -rf "$TMP"
}
vb_ok() { sqlite3 -readonly "$1" "PRAGMA integrity_check;" 2>&1; }
every_anon_has_main() { for f in "$BK"/*.db-anon; do [ -f "${f%-anon}" ] || return 1; done; }
count_backups() { set -- "$BK"/verbeterbord-*.db; [ -e "$1" ] && echo $# || echo 0; }
# The counter of the writer, in the database $1: rows written and the
# setting that every one of its transactions updates together with the row.
rows() { sqlite3 -readonly "$1" "SELECT count(*) FROM audit_log WHERE action = 'test.write';"; }
counter() { sqlite3 -readonly "$1" "SELECT coalesce((SELECT value FROM setting WHERE key = 'test_counter'), '0');"; }

make_demo_db "$DB"
check "the kiosk creates a demo database" "$(tail -n 2 "$TMP/demo.log" | tr '\n' ' ')" [ -s "$DB" ]
[ -s "$DB" ] || t_done

# --- a backup while another process writes ------------------------------------
# One sqlite3 process commits transactions back to back until told to stop;
# each inserts an audit_log row and sets the counter to the number of rows,
# so a consistent copy has counter = rows (a torn one would not).
(
    i=0
    while [ ! -e "$TMP/stop" ]; do
        i=$((i + 1))
        printf "BEGIN; INSERT INTO audit_log (at, action, subject, detail) VALUES (%d, 'test.write', 'w:%d', 'row %d'); INSERT OR REPLACE INTO setting (key, value) VALUES ('test_counter', '%d'); COMMIT;\n" \
            "$((1700000000 + i))" "$i" "$i" "$i"
    done
) | sqlite3 -bail -cmd ".timeout 10000" "$DB" >"$TMP/writer.out" 2>"$TMP/writer.err" &
writer_pid=$!
# Wait until the writer is really committing.
n=0
while [ "$(rows "$DB" 2>/dev/null || echo 0)" -lt 50 ] && [ $n -lt 100 ]; do
    sleep 0.1
    n=$((n + 1))
done
before=$(rows "$DB")
"$BACKUP" >"$TMP/backup1.out" 2>&1
rc=$?
after=$(rows "$DB")
sleep 0.5
touch "$TMP/stop"
wait "$writer_pid"
writer_rc=$?
writer_pid=
final=$(rows "$DB")
# shellcheck disable=SC2012
first=$(ls "$BK"/verbeterbord-*.db 2>/dev/null | head -n 1)
check "verbeterbord-backup exits 0 and names the copy verbeterbord-YYYYmmdd-HHMMSS.db" \
    "rc $rc: $(cat "$TMP/backup1.out")" eval '[ $rc -eq 0 ] && [ "$(count_backups)" = 1 ] && basename "$first" | grep -q -x "verbeterbord-[0-9]\{8\}-[0-9]\{6\}\.db"'
[ -n "$first" ] || t_done
# Kept aside for the restore below (pruning later removes it from $BK).
copy=$TMP/midwrite.db
cp "$first" "$copy"
# with the anonymous entries taken with it (kiosk/store/store_anon.h)
[ ! -e "$first-anon" ] || cp "$first-anon" "$copy-anon"
check "the writer committed before, during and after the backup ($before → $after → $final rows)" \
    "rows before $before, after $after, final $final" eval '[ "$before" -ge 50 ] && [ "$final" -gt "$after" ]'
check "the writer never got 'database is locked' (rc $writer_rc)" "$(head -n 3 "$TMP/writer.err" | tr '\n' ' ')" \
    eval '[ $writer_rc -eq 0 ] && ! grep -q . "$TMP/writer.err"'
check "the copy passes PRAGMA integrity_check" "$(sqlite3 -readonly "$copy" 'PRAGMA integrity_check;' 2>&1 | head -n 3)" \
    [ "$(sqlite3 -readonly "$copy" 'PRAGMA integrity_check;' 2>&1)" = ok ]
copy_rows=$(rows "$copy")
copy_counter=$(counter "$copy")
check "the copy is one consistent snapshot taken mid-write ($copy_rows rows, counter $copy_counter)" \
    "rows $copy_rows, counter $copy_counter, live before $before, final $final" \
    eval '[ "$copy_rows" = "$copy_counter" ] && [ "$copy_rows" -ge "$before" ] && [ "$copy_rows" -lt "$final" ]'
check "the copy is a single file (no -wal or -shm next to it), mode 0640" \
    "$(ls -l "$BK" | tr '\n' ' ')" eval '[ ! -e "$copy-wal" ] && [ ! -e "$copy-shm" ] && [ "$(stat -c %a "$copy")" = 640 ]'
check "the script copies with one VACUUM INTO, never cp or .backup" "see deploy/verbeterbord-backup" \
    eval 'grep -q "VACUUM INTO" "$BACKUP" && ! grep -E "^[^#]*(cp [^|]*\\\$db|\\.backup)" "$BACKUP" | grep -q .'

# --- keep the newest 14 ---------------------------------------------------------
# 1 real + 16 older + the new one = 18: the 4 oldest go.
for i in 01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16; do
    cp "$copy" "$BK/verbeterbord-200001$i-020000.db"
done
"$BACKUP" >"$TMP/backup2.out" 2>&1
rc=$?
# shellcheck disable=SC2012
newest=$(ls "$BK"/verbeterbord-*.db | tail -n 1)
check "with 16 older copies, a new backup keeps exactly the newest 14" \
    "rc $rc, $(count_backups) copies: $(cat "$TMP/backup2.out" | tr '\n' ' ')" \
    eval '[ $rc -eq 0 ] && [ "$(count_backups)" = 14 ] && [ ! -e "$BK/verbeterbord-20000104-020000.db" ] && [ -e "$BK/verbeterbord-20000105-020000.db" ] && [ -e "$first" ] && [ "$newest" != "$first" ]'
check "--keep N keeps N" "$(count_backups) copies" eval '"$BACKUP" --keep 3 >/dev/null 2>&1 && [ "$(count_backups)" = 3 ]'

# A clock that went back: the new copy sorts first, and is still kept.
touch "$BK/verbeterbord-29990101-000000.db"
"$BACKUP" --keep 1 >"$TMP/backup3.out" 2>&1
rc=$?
check "a copy made with a clock behind the newest copy is kept, with a warning" \
    "rc $rc: $(cat "$TMP/backup3.out" | tr '\n' ' '); $(ls "$BK" | tr '\n' ' ')" \
    eval '[ $rc -eq 0 ] && grep -q "clock is behind" "$TMP/backup3.out" && [ "$(count_backups)" -ge 1 ] && ls "$BK" | grep -v 2999 | grep -q "^verbeterbord-"'
rm -f "$BK/verbeterbord-29990101-000000.db"

# --- --also-to ----------------------------------------------------------------
mkdir -p "$TMP/stick"
"$BACKUP" --also-to "$TMP/stick" >"$TMP/also.out" 2>&1
rc=$?
check "--also-to a folder that is not a mount point: refused, exit 3, local copy kept" \
    "rc $rc: $(cat "$TMP/also.out" | tr '\n' ' ')" \
    eval '[ $rc -eq 3 ] && grep -q "not a mount point" "$TMP/also.out" && [ -z "$(ls "$TMP/stick")" ]'
"$BACKUP" --also-to "$TMP/stick" --force >"$TMP/also2.out" 2>&1
rc=$?
stick_copy=$(ls "$TMP/stick"/verbeterbord-*.db 2>/dev/null | head -n 1)
check "--also-to DIR --force copies a checked copy there" "rc $rc: $(cat "$TMP/also2.out" | tr '\n' ' ')" \
    eval '[ $rc -eq 0 ] && [ -n "$stick_copy" ] && [ "$(sqlite3 -readonly "$stick_copy" "PRAGMA integrity_check;")" = ok ]'
"$BACKUP" --db "$TMP/missing.db" >"$TMP/missing.out" 2>&1
rc=$?
check "no database: exit 1 with a clear message" "rc $rc: $(cat "$TMP/missing.out")" \
    eval '[ $rc -eq 1 ] && grep -q "no database at" "$TMP/missing.out"'

# --- restore ------------------------------------------------------------------
# A stand-in systemctl: the kiosk unit is "active"; every call is logged.
S=$TMP/stubs
mkdir -p "$S"
cat >"$S/systemctl" <<EOF
#!/bin/sh
echo "systemctl \$*" >>"$TMP/systemctl.log"
case "\$*" in
"is-active --quiet verbeterbord.service") [ ! -e "$TMP/stopped" ] ;;
"is-active --quiet"*) exit 3 ;;
"stop verbeterbord.service") touch "$TMP/stopped" ;;
"start verbeterbord.service") rm -f "$TMP/stopped" ;;
esac
EOF
chmod +x "$S/systemctl"
: >"$TMP/systemctl.log"
live_hash=$(sha256sum "$DB" | cut -d' ' -f1)

# A damaged copy is refused before anything is touched.
cp "$copy" "$TMP/bad.db"
dd if=/dev/urandom of="$TMP/bad.db" bs=4096 seek=2 count=4 conv=notrunc 2>/dev/null
PATH="$S:$PATH" VB_ASSUME_SYSTEMD=1 "$RESTORE" "$TMP/bad.db" >"$TMP/restore-bad.out" 2>&1
rc=$?
check "restore refuses a damaged copy; the live database and the service are untouched" \
    "rc $rc: $(cat "$TMP/restore-bad.out" | tr '\n' ' '); calls: $(tr '\n' ';' <"$TMP/systemctl.log")" \
    eval '[ $rc -eq 1 ] && [ "$(sha256sum "$DB" | cut -d" " -f1)" = "$live_hash" ] && ! grep -q stop "$TMP/systemctl.log"'

# A process that still has the database open: refused, service started again.
if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1]); c.execute("SELECT count(*) FROM setting").fetchall()
print("open", flush=True); time.sleep(30)' "$DB" >"$TMP/holder.out" &
    holder_pid=$!
    n=0
    while ! grep -q open "$TMP/holder.out" 2>/dev/null && [ $n -lt 50 ]; do sleep 0.1; n=$((n + 1)); done
    : >"$TMP/systemctl.log"
    PATH="$S:$PATH" VB_ASSUME_SYSTEMD=1 "$RESTORE" "$copy" >"$TMP/restore-busy.out" 2>&1
    rc=$?
    kill "$holder_pid" 2>/dev/null
    wait "$holder_pid" 2>/dev/null
    holder_pid=
    check "restore refuses while another process has the database open, and starts the kiosk again" \
        "rc $rc: $(cat "$TMP/restore-busy.out" | tr '\n' ' '); calls: $(tr '\n' ';' <"$TMP/systemctl.log")" \
        eval '[ $rc -eq 1 ] && grep -q "still open" "$TMP/restore-busy.out" && [ "$(sha256sum "$DB" | cut -d" " -f1)" = "$live_hash" ] && tail -n 1 "$TMP/systemctl.log" | grep -q "start verbeterbord.service"'
fi

# The real restore: stale -wal and -shm files lie next to the live database.
printf 'stale wal from another life' >"$DB-wal"
printf 'stale shm' >"$DB-shm"
: >"$TMP/systemctl.log"
PATH="$S:$PATH" VB_ASSUME_SYSTEMD=1 "$RESTORE" "$copy" >"$TMP/restore.out" 2>&1
rc=$?
check "verbeterbord-restore BACKUP exits 0" "rc $rc: $(cat "$TMP/restore.out" | tr '\n' ' ')" [ $rc -eq 0 ]
calls=$(grep -v is-active "$TMP/systemctl.log" | tr '\n' ';')
check "restore stops the kiosk unit before and starts it after" "calls: $calls" \
    [ "$calls" = "systemctl stop verbeterbord.service;systemctl start verbeterbord.service;" ]
check "the restored database is the copy ($copy_rows rows)" "has $(rows "$DB") rows" [ "$(rows "$DB")" = "$copy_rows" ]
stale=
for f in "$DB-wal" "$DB-shm"; do
    [ -e "$f" ] && grep -q stale "$f" && stale="$stale $f"
done
check "no stale -wal or -shm file next to the restored database" "found:$stale" [ -z "$stale" ]
aside=$(ls "$DB".before-restore-* 2>/dev/null | grep -v -e '-wal$' -e '-shm$' | head -n 1)
check "the previous database is kept aside as verbeterbord.db.before-restore-<stamp> ($final rows)" \
    "aside '$aside' has $( [ -n "$aside" ] && rows "$aside") rows" eval '[ -n "$aside" ] && [ "$(rows "$aside")" = "$final" ]'
kiosk_opens "$DB"
rc=$?
check "the kiosk opens the restored database on its home screen" "rc $rc: $(tail -n 3 "$TMP/kiosk.log" | tr '\n' ' ')" [ $rc -eq 0 ]
SDL_VIDEODRIVER=dummy "$BUILD/verbeterbord" --db "$DB" --screenshot "$TMP/restored.png" >"$TMP/shot.log" 2>&1
rc=$?
check "--screenshot of the restored database exits 0" "rc $rc: $(tail -n 2 "$TMP/shot.log" | tr '\n' ' ')" \
    eval '[ $rc -eq 0 ] && [ -s "$TMP/restored.png" ]'

# Without systemd the restore says so and still works.
PATH="$S:$PATH" "$RESTORE" "$copy" >"$TMP/restore2.out" 2>&1
rc=$?
check "without systemd running, restore says it stops no service and still restores" \
    "rc $rc: $(cat "$TMP/restore2.out" | tr '\n' ' ')" eval '[ $rc -eq 0 ] && grep -q "systemd is not running" "$TMP/restore2.out"'

# --- verbeterbord-check reads all of this --------------------------------------
"$CHECK" >"$TMP/check.out" 2>&1
sed 's/^/# check: /' "$TMP/check.out"
check "verbeterbord-check: database OK (quick_check)" "$(grep database "$TMP/check.out" | tr '\n' ' ')" \
    grep -q '^OK    database' "$TMP/check.out"
check "verbeterbord-check: backups OK (recent)" "$(grep backups "$TMP/check.out" | tr '\n' ' ')" \
    grep -q '^OK    backups' "$TMP/check.out"
check "verbeterbord-check: a storage verdict and a clock verdict" "$(grep -E 'storage|clock' "$TMP/check.out" | tr '\n' ' ')" \
    eval 'grep -q -E "^(OK|WARN|FAIL) +storage" "$TMP/check.out" && grep -q -E "^(OK|WARN|FAIL) +clock" "$TMP/check.out"'
# A database on tmpfs is called out.
if [ -d /dev/shm ] && [ "$(stat -f -c %T /dev/shm 2>/dev/null)" = tmpfs ] && [ -w /dev/shm ]; then
    shm=$(mktemp -d /dev/shm/vbcheck-XXXXXX)
    cp "$copy" "$shm/verbeterbord.db"
    VB_DB=$shm/verbeterbord.db "$CHECK" >"$TMP/check2.out" 2>&1
    rc=$?
    rm -rf "$shm"
    check "verbeterbord-check: FAIL for a database on tmpfs, exit 1" "rc $rc: $(grep storage "$TMP/check2.out")" \
        eval '[ $rc -eq 1 ] && grep -q "^FAIL  storage.*tmpfs" "$TMP/check2.out"'
fi

# --- the anonymous entries' database, <db>-anon ------------------------------------
anon_rows() { sqlite3 -readonly "$1" "SELECT count(*) FROM entry WHERE text = '$2';" 2>/dev/null; }
sqlite3 "$DB-anon" "PRAGMA journal_mode = WAL; CREATE TABLE entry (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO entry (text) VALUES ('in-backup');" >/dev/null
rm -f "$BK"/verbeterbord-* "$TMP/stick"/verbeterbord-*
"$BACKUP" --keep 2 >"$TMP/anon1.out" 2>&1
rc=$?
a1=$(ls "$BK"/verbeterbord-*.db 2>/dev/null | head -n 1)
check "with a <db>-anon, the backup saves <copy>-anon beside the copy, checked, mode 0640" \
    "rc $rc: $(tr '\n' ' ' <"$TMP/anon1.out"); $(ls "$BK" | tr '\n' ' ')" \
    eval '[ $rc = 0 ] && [ -n "$a1" ] && [ -f "$a1-anon" ] && [ "$(anon_rows "$a1-anon" in-backup)" = 1 ] && [ "$(vb_ok "$a1-anon")" = ok ] && [ "$(stat -c %a "$a1-anon")" = 640 ]'
"$BACKUP" --keep 2 >/dev/null 2>&1
"$BACKUP" --keep 2 --also-to "$TMP/stick" --force >"$TMP/anon2.out" 2>&1
rc=$?
mains=$(ls "$BK" | grep -c '\.db$')
anons=$(ls "$BK" | grep -c '\.db-anon$')
check "--keep 2 keeps 2 copies, each with its -anon; the oldest copy's -anon goes with it" \
    "rc $rc: $mains copies, $anons -anon: $(ls "$BK" | tr '\n' ' ')" \
    eval '[ $rc = 0 ] && [ "$mains" = 2 ] && [ "$anons" = 2 ] && [ ! -e "$a1-anon" ] && every_anon_has_main'
stick_anon=$(ls "$TMP/stick"/verbeterbord-*.db-anon 2>/dev/null | head -n 1)
check "--also-to copies the -anon to the stick too" "rc $rc: $(tr '\n' ' ' <"$TMP/anon2.out"); $(ls "$TMP/stick" | tr '\n' ' ')" \
    eval '[ -n "$stick_anon" ] && [ -f "${stick_anon%-anon}" ] && [ "$(anon_rows "$stick_anon" in-backup)" = 1 ]'

# Restore a copy with -anon over a live -anon that changed since, with stale
# -anon-wal/-anon-shm files next to it.
newest=$(ls "$BK"/verbeterbord-*.db | tail -n 1)
sqlite3 "$DB-anon" "INSERT INTO entry (text) VALUES ('after-backup');"
printf 'stale wal' >"$DB-anon-wal"
printf 'stale shm' >"$DB-anon-shm"
"$RESTORE" "$newest" >"$TMP/anon-r1.out" 2>&1
rc=$?
aside=$(sed -n 's/.*the previous database is kept as //p' "$TMP/anon-r1.out")
check "restore puts the copy's -anon back, without stale -anon-wal/-anon-shm, and keeps the live one as <aside>-anon" \
    "rc $rc: $(tr '\n' ' ' <"$TMP/anon-r1.out"); $(ls "$DATA" | tr '\n' ' ')" \
    eval '[ $rc = 0 ] && [ "$(anon_rows "$DB-anon" in-backup)" = 1 ] && [ "$(anon_rows "$DB-anon" after-backup)" = 0 ] && ! grep -qs stale "$DB-anon-wal" "$DB-anon-shm" && [ -n "$aside" ] && [ "$(anon_rows "$aside-anon" after-backup)" = 1 ]'

# A copy of a database that has anonymous points (schema 2 on) but without
# its -anon: refused, since the points would come back missing.
noanon=$TMP/noanon.db
cp "$copy" "$noanon"
live_hash=$(sha256sum "$DB" | cut -d' ' -f1)
"$RESTORE" "$noanon" >"$TMP/anon-r2.out" 2>&1
rc=$?
check "restore refuses a copy whose -anon is missing, and changes nothing" \
    "rc $rc: $(tr '\n' ' ' <"$TMP/anon-r2.out"); $(ls "$DATA" | tr '\n' ' ')" \
    eval '[ $rc = 1 ] && grep -q "anon is missing" "$TMP/anon-r2.out" && [ "$(sha256sum "$DB" | cut -d" " -f1)" = "$live_hash" ] && [ "$(anon_rows "$DB-anon" in-backup)" = 1 ]'
# Without a live -anon (a database from before schema 2), no -anon copy.
mv "$DB-anon" "$TMP/live-anon"
rm -f "$DB-anon-wal" "$DB-anon-shm"
"$BACKUP" >"$TMP/anon3.out" 2>&1
rc=$?
latest=$(ls "$BK"/verbeterbord-*.db | tail -n 1)
check "without a <db>-anon, the backup makes no -anon copy" "rc $rc: $(ls "$BK" | tr '\n' ' ')" \
    eval '[ $rc = 0 ] && [ ! -e "$latest-anon" ]'
mv "$TMP/live-anon" "$DB-anon"

t_done

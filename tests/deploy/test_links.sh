#!/bin/sh
# shellcheck source-path=SCRIPTDIR
# test_links.sh BUILD_DIR: verbeterbord-restore and verbeterbord-backup run as
# root against folders that belong to the kiosk's user (here nobody), who has
# planted symbolic links under every name root could use there: the old
# restore's .verbeterbord-restore-<stamp>.tmp, the before-restore names and
# their -wal/-anon, for the next two minutes' time stamps; the backup's lock and
# copy names; symlinked -wal/-shm files, a symlinked database, a symlinked
# data folder. Afterwards the root-only files outside the data folder must be
# unchanged (content, owner, mode, mtime), nothing new may appear outside, and
# the live database must be a regular file of the service user.
# Needs root (the CI runs as root); otherwise every check is skipped.
#   VB_TEST_DEPLOY=DIR runs the scripts found in DIR instead of deploy/ (to
#   show that this test fails on an older verbeterbord-restore).
# shellcheck disable=SC2016,SC2010,SC2012,SC2034,SC2317
set -u
. "$(dirname "$0")/testlib.sh"
t_init "$@"

N1="restore with links planted under every predictable name exits 0"
N2="restore with planted links leaves the root-only files outside the data folder unchanged (content, owner, mode, mtime)"
N3="restore with planted links creates no file in root-only folders"
N4="restore with planted links leaves the live database a regular file of the service user, the backup, without stale -wal/-shm or temporary copies"
N5="restore with planted links puts the backup's -anon in place as a regular file, without stale -anon-wal"
N6="restore with planted links keeps the previous database and -anon aside as regular files"
N7="restore refuses a symlinked -wal/-shm and changes nothing outside"
N8="restore refuses a live database that is a link to root's database and changes nothing outside"
N9="restore refuses a symlinked data folder and changes nothing behind it"
N10="backup as root with links in the backup folder writes the copy and -anon as the service user and changes nothing outside"
N11="backup as root refuses a live database of root in the service user's folder and does not follow the planted lock or copy links"
if [ "$(id -u)" != 0 ]; then
    for n in "$N1" "$N2" "$N3" "$N4" "$N5" "$N6" "$N7" "$N8" "$N9" "$N10" "$N11"; do ok "$n # skip needs root"; done
    t_done
fi
need sqlite3 sqlite3 || bail "sqlite3 is missing and could not be installed"
command -v setpriv >/dev/null 2>&1 || bail "setpriv (util-linux) is missing"
id nobody >/dev/null 2>&1 || bail "there is no user nobody"
U=nobody
UID_=$(id -u nobody)
GID_=$(id -g nobody)
as_user() { setpriv --reuid="$UID_" --regid="$GID_" --clear-groups -- "$@"; }

# Everything the service user must reach lives in /tmp (the test's TMP is
# root's): A is root's and only traversable; data and backups are nobody's.
A=$(mktemp -d /tmp/vblinks-XXXXXX) || bail "mktemp failed"
chmod 0711 "$A"
# shellcheck disable=SC2317
t_cleanup() { rm -rf "$TMP" "$A"; }
DEPLOY=${VB_TEST_DEPLOY:-$ROOT/deploy}
# The scripts under test, where nobody can run them (they run themselves again
# as the data folder's owner).
mkdir -p "$A/bin"
for s in verbeterbord-restore verbeterbord-backup verbeterbord-lib.sh; do
    cp "$DEPLOY/$s" "$A/bin/$s" || bail "no $DEPLOY/$s"
done
chmod 0755 "$A/bin" "$A/bin/verbeterbord-restore" "$A/bin/verbeterbord-backup"
RESTORE=$A/bin/verbeterbord-restore
BACKUP=$A/bin/verbeterbord-backup

DATA=$A/data
BK=$A/backups
DB=$DATA/verbeterbord.db
export VB_SERVICE_USER="$U" VB_CONFIG="$A/none.conf"
unset VB_DB VB_BACKUP_DIR VB_ASSUME_SYSTEMD
# Run from a folder only root can enter, as sudo from /root would.
cd "$TMP" || bail "cannot enter $TMP"

make_demo_db "$TMP/demo.db" || bail "the kiosk could not make a demo database: $(tail -n 2 "$TMP/demo.log")"
sqlite3 "$TMP/demo.db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
sqlite3 "$TMP/anon.db" "CREATE TABLE entry (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO entry (text) VALUES ('anonymous one');" ||
    bail "cannot make the -anon database"
# A copy of the demo database with one row more, to tell the two apart.
cp "$TMP/demo.db" "$TMP/backup.db"
sqlite3 "$TMP/backup.db" "INSERT INTO setting (key, value) VALUES ('test_marker', 'from-backup');" || bail "cannot mark the backup"
cp "$TMP/anon.db" "$TMP/backup.db-anon"
sqlite3 "$TMP/backup.db-anon" "INSERT INTO entry (text) VALUES ('from-backup');"
BCOPY=$BK/verbeterbord-20250101-023000.db

# The root-only files a planted link points to, outside the data folder.
SECRET=$A/secret
SECRETDB=$A/secret.db
ROOTDATA=$A/rootdata
OUT=$A/outside
# sentinels: the root-only files as at the start (again for every case,
# so that each case shows its own damage).
sentinels() {
    rm -rf "$SECRET" "$SECRETDB" "$OUT" "$ROOTDATA"
    mkdir -p "$OUT" "$ROOTDATA"
    chmod 0700 "$OUT" "$ROOTDATA"
    printf 'root-only sentinel\n' >"$SECRET"
    cp "$TMP/demo.db" "$SECRETDB"
    cp "$TMP/demo.db" "$ROOTDATA/verbeterbord.db"
    chmod 0600 "$SECRET" "$SECRETDB" "$ROOTDATA/verbeterbord.db"
    touch -d '2020-01-01 00:00:00' "$SECRET" "$SECRETDB" "$ROOTDATA/verbeterbord.db"
}
# snap: what must not change outside the data folder.
snap() {
    for f in "$SECRET" "$SECRETDB" "$ROOTDATA/verbeterbord.db"; do
        printf '%s %s %s\n' "$f" "$(stat -c '%F %s %U:%G %a %Y' "$f")" "$(sha256sum <"$f" | cut -c 1-64)"
    done
    ls -A "$OUT" "$ROOTDATA"
}
# unchanged: the outside is as it was at the start of the case.
unchanged() { snap | cmp -s "$TMP/snap0" -; }
what_changed() { snap | diff "$TMP/snap0" - | tr '\n' ' '; }

# fresh: the sentinels, the data folder as the kiosk leaves it (database with
# its -wal and -shm, -anon), and the backup folder with one copy (and its
# -anon), all nobody's.
fresh() {
    sentinels
    snap >"$TMP/snap0"
    rm -rf "$DATA" "$BK"
    mkdir -p "$DATA" "$BK"
    cp "$TMP/demo.db" "$DB"
    printf 'stale wal' >"$DB-wal"
    printf 'stale shm' >"$DB-shm"
    cp "$TMP/anon.db" "$DB-anon"
    printf 'stale wal' >"$DB-anon-wal"
    cp "$TMP/backup.db" "$BCOPY"
    cp "$TMP/backup.db-anon" "$BCOPY-anon"
    chown -R "$UID_:$GID_" "$DATA" "$BK"
    chmod 0750 "$DATA" "$BK"
    chmod 0640 "$DB" "$DB-anon" "$BCOPY" "$BCOPY-anon"
}

# plant_restore: as the service user, links under every name the restore
# could pick from now to two minutes on: to the root-only file, or to a
# file that does not exist yet in a root-only folder.
plant_restore() {
    now=$(date +%s)
    i=-3
    : >"$A/plant.sh"
    while [ $i -le 120 ]; do
        s=$(date -d "@$((now + i))" +%Y%m%d-%H%M%S)
        cat >>"$A/plant.sh" <<EOF
ln -s '$SECRET' '$DATA/.verbeterbord-restore-$s.tmp'
ln -s '$OUT/aside-$s' '$DATA/verbeterbord.db.before-restore-$s'
ln -s '$SECRET' '$DATA/verbeterbord.db.before-restore-$s-wal'
ln -s '$OUT/anon-$s' '$DATA/verbeterbord.db.before-restore-$s-anon'
ln -s '$SECRET' '$DATA/verbeterbord.db.before-restore-$s-anon-wal'
EOF
        i=$((i + 1))
    done
    chmod 0644 "$A/plant.sh"
    as_user sh "$A/plant.sh" 2>/dev/null
}
nlinks() { find "$DATA" -maxdepth 1 -type l | wc -l; }

# --- 1. restore with links under every predictable name ---------------------------
fresh
plant_restore
planted=$(nlinks)
echo "# planted $planted links in the data folder"
"$RESTORE" --db "$DB" "$BCOPY" >"$TMP/r1.out" 2>&1
rc=$?
sed 's/^/# restore: /' "$TMP/r1.out" | head -n 20
check "$N1" "rc $rc" [ $rc = 0 ]
check "$N2" \
    "$(what_changed)" unchanged
check "$N3" "$(ls -A "$OUT" | head -n 3 | tr '\n' ' ')" \
    eval '[ -z "$(ls -A "$OUT")" ]'
marker=$(as_user sqlite3 -readonly "$DB" "SELECT value FROM setting WHERE key = 'test_marker';" 2>/dev/null)
check "$N4" \
    "$(ls -l "$DATA" | grep -v -e before-restore -e restore- | tr '\n' ' ') marker '$marker'; left: $(find "$DATA" -maxdepth 1 -type f -name ".verbeterbord-restore-*" | tr '\n' ' ')" \
    eval '[ ! -L "$DB" ] && [ -f "$DB" ] && [ "$(stat -c %U "$DB")" = "$U" ] && [ "$marker" = from-backup ] && ! grep -qs stale "$DB-wal" "$DB-shm" && [ -z "$(find "$DATA" -maxdepth 1 -type f -name ".verbeterbord-restore-*")" ]'
anon=$(as_user sqlite3 -readonly "$DB-anon" "SELECT count(*) FROM entry WHERE text = 'from-backup';" 2>/dev/null)
check "$N5" \
    "anon rows '$anon'; $(ls -l "$DB-anon"* 2>&1 | tr '\n' ' ')" \
    eval '[ ! -L "$DB-anon" ] && [ -f "$DB-anon" ] && [ "$(stat -c %U "$DB-anon")" = "$U" ] && [ "$anon" = 1 ] && ! grep -qs stale "$DB-anon-wal"'
aside=$(find "$DATA" -maxdepth 1 -type f -name 'verbeterbord.db.before-restore-*' ! -name '*-wal' ! -name '*-anon' | head -n 1)
aside_marker=$([ -n "$aside" ] && as_user sqlite3 -readonly "$aside" "SELECT count(*) FROM setting WHERE key = 'test_marker';" 2>&1)
check "$N6" "aside '$aside' (marker rows '$aside_marker'); $(find "$DATA" -maxdepth 1 -type f | tr '\n' ' ')" \
    eval '[ -n "$aside" ] && [ -f "$aside-anon" ] && [ "$aside_marker" = 0 ]'

# --- 2. the live -wal and -shm are links ------------------------------------------
fresh
rm -f "$DB-wal" "$DB-shm"
as_user ln -s "$SECRET" "$DB-wal"
as_user ln -s "$SECRET" "$DB-shm"
before=$(sha256sum <"$DB")
"$RESTORE" --db "$DB" "$BCOPY" >"$TMP/r2.out" 2>&1
rc=$?
check "$N7" \
    "rc $rc: $(tr '\n' ' ' <"$TMP/r2.out") $(what_changed)" \
    eval '[ $rc = 1 ] && grep -q "symbolic link" "$TMP/r2.out" && unchanged && [ ! -L "$DB" ] && [ "$(sha256sum <"$DB")" = "$before" ]'

# --- 3. the live database is a link to a root-only database ------------------------
fresh
rm -f "$DB" "$DB-wal" "$DB-shm"
as_user ln -s "$SECRETDB" "$DB"
"$RESTORE" --db "$DB" "$BCOPY" >"$TMP/r3.out" 2>&1
rc=$?
check "$N8" \
    "rc $rc: $(tr '\n' ' ' <"$TMP/r3.out") $(what_changed)" \
    eval '[ $rc = 1 ] && unchanged && [ -z "$(ls -A "$OUT")" ]'

# --- 4. the data folder is a link to a folder of root ------------------------------
fresh
ln -s "$ROOTDATA" "$A/datalink"
"$RESTORE" --db "$A/datalink/verbeterbord.db" "$BCOPY" >"$TMP/r4.out" 2>&1
rc=$?
check "$N9" \
    "rc $rc: $(tr '\n' ' ' <"$TMP/r4.out") $(what_changed)" \
    eval '[ $rc = 1 ] && unchanged'
rm -f "$A/datalink"

# --- 5. backup as root with links in the backup folder ------------------------------
fresh
now=$(date +%s)
i=-3
: >"$A/plant.sh"
echo "ln -s '$SECRET' '$BK/.lock'" >>"$A/plant.sh"
while [ $i -le 120 ]; do
    s=$(date -d "@$((now + i))" +%Y%m%d-%H%M%S)
    cat >>"$A/plant.sh" <<EOF
ln -s '$SECRET' '$BK/.verbeterbord-$s.db.tmp'
ln -s '$OUT/copy-$s' '$BK/.verbeterbord-$s.db-anon.tmp'
EOF
    i=$((i + 1))
done
chmod 0644 "$A/plant.sh"
as_user sh "$A/plant.sh" 2>/dev/null
"$BACKUP" --db "$DB" --dir "$BK" >"$TMP/b1.out" 2>&1
rc=$?
sed 's/^/# backup: /' "$TMP/b1.out"
new=$(find "$BK" -maxdepth 1 -type f -name 'verbeterbord-2*.db' ! -name "$(basename "$BCOPY")" | head -n 1)
check "$N10" \
    "rc $rc: $(tr '\n' ' ' <"$TMP/b1.out") new '$new' $(what_changed)" \
    eval '[ $rc = 0 ] && [ -n "$new" ] && [ "$(stat -c %U "$new")" = "$U" ] && [ -f "$new-anon" ] && [ ! -L "$new-anon" ] && unchanged && [ -z "$(ls -A "$OUT")" ]'

# --- 6. backup as root when the live database belongs to root ----------------------
# (left by a root sqlite3 session or a kiosk once run as root): the old script
# then stayed root and wrote its lock and copy under the planted names.
fresh
as_user sh "$A/plant.sh" 2>/dev/null
rm -f "$DB" "$DB-wal" "$DB-shm"
cp "$TMP/demo.db" "$DB"
chmod 0600 "$DB"
"$BACKUP" --db "$DB" --dir "$BK" >"$TMP/b2.out" 2>&1
rc=$?
check "$N11" "rc $rc: $(tr '\n' ' ' <"$TMP/b2.out") $(what_changed)" \
    eval '[ $rc = 1 ] && unchanged && [ -z "$(ls -A "$OUT")" ]'

t_done

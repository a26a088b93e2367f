#!/bin/sh
# shellcheck source-path=SCRIPTDIR
# test_install.sh BUILD_DIR: `make install` into a temporary DESTDIR gives the
# FHS layout; the sysusers and tmpfiles files work (applied to a scratch root);
# the shipped settings file is one the kiosk accepts; every unit passes
# `systemd-analyze verify` and explains each directive; `make uninstall`
# keeps the settings. The Debian package is checked in test_package.sh.
# shellcheck disable=SC2016,SC2010
set -u
. "$(dirname "$0")/testlib.sh"
t_init "$@"
cd "$ROOT" || bail "no repository at $ROOT"

need systemd-analyze systemd || bail "systemd-analyze is missing and could not be installed"

D=$TMP/destdir
mk install NOBUILD=1 DESTDIR="$D" PREFIX=/usr BUILD="$BUILD" >"$TMP/install.log" 2>&1
rc=$?
check "make install DESTDIR PREFIX=/usr" "failed: $(tail -n 3 "$TMP/install.log" | tr '\n' ' ')" [ $rc -eq 0 ]
[ $rc -eq 0 ] || t_done

# --- FHS layout ---------------------------------------------------------------
missing=
for f in usr/bin/verbeterbord \
    usr/lib/verbeterbord/verbeterbord-backup usr/lib/verbeterbord/verbeterbord-restore \
    usr/lib/verbeterbord/verbeterbord-check usr/lib/verbeterbord/verbeterbord-session \
    usr/lib/verbeterbord/verbeterbord-setup \
    usr/sbin/verbeterbord-backup usr/sbin/verbeterbord-restore usr/sbin/verbeterbord-check; do
    [ -x "$D/$f" ] || missing="$missing $f"
done
check "binary and scripts installed executable (bin, lib/verbeterbord, sbin links)" "missing:$missing" [ -z "$missing" ]

missing=
for mo in "$BUILD"/locale/*/LC_MESSAGES/verbeterbord.mo; do
    [ -f "$mo" ] || continue
    rel=${mo#"$BUILD"/locale/}
    cmp -s "$mo" "$D/usr/share/locale/$rel" || missing="$missing $rel"
done
check "catalogs in share/locale/<lang>/LC_MESSAGES" "missing:$missing" [ -z "$missing" ]

U=$D/usr/lib/systemd/system
missing=
for f in "$U/verbeterbord.service" "$U/verbeterbord-kmsdrm.service" "$U/verbeterbord-backup.service" \
    "$U/verbeterbord-backup.timer" "$D/usr/lib/sysusers.d/verbeterbord.conf" \
    "$D/usr/lib/tmpfiles.d/verbeterbord.conf" "$D/usr/lib/sysctl.d/90-verbeterbord.conf" \
    "$D/usr/lib/systemd/logind.conf.d/verbeterbord.conf" "$D/etc/verbeterbord/verbeterbord.conf" \
    "$D/etc/pam.d/verbeterbord" "$D/usr/share/doc/verbeterbord/README.md" \
    "$D/usr/share/doc/verbeterbord/examples/99-verbeterbord-usb.rules" \
    "$D/usr/share/man/man1/verbeterbord.1.gz" "$D/usr/share/man/man8/verbeterbord-backup.8.gz" \
    "$D/usr/share/man/man8/verbeterbord-restore.8.gz" "$D/usr/share/man/man8/verbeterbord-check.8.gz"; do
    [ -f "$f" ] || missing="$missing ${f#"$D"}"
done
check "units, sysusers, tmpfiles, sysctl, logind, /etc, docs and manual pages installed" "missing:$missing" [ -z "$missing" ]

check "verbeterbord-check knows the build date (for its clock check)" "$(grep '^BUILD_EPOCH=' "$D/usr/lib/verbeterbord/verbeterbord-check")" \
    grep -q '^BUILD_EPOCH=[1-9][0-9]*$' "$D/usr/lib/verbeterbord/verbeterbord-check"

check "nothing installed outside /usr and /etc" "found: $(cd "$D" && ls | grep -v -x -e usr -e etc | tr '\n' ' ')" \
    [ -z "$(cd "$D" && ls | grep -v -x -e usr -e etc)" ]

grep -q '^NAutoVTs=0' "$D/usr/lib/systemd/logind.conf.d/verbeterbord.conf" &&
    grep -q '^ReserveVT=0' "$D/usr/lib/systemd/logind.conf.d/verbeterbord.conf" &&
    grep -q '^kernel.sysrq = 0' "$D/usr/lib/sysctl.d/90-verbeterbord.conf"
rc=$?
check "console lock-down: NAutoVTs=0, ReserveVT=0, kernel.sysrq = 0" "missing in the logind or sysctl drop-in" [ $rc -eq 0 ]

# --- sysusers and tmpfiles, applied to a scratch root -------------------------
R=$TMP/sysroot
mkdir -p "$R/etc" "$R/var/lib" "$R/var/backups" "$R/usr/lib"
cp -a "$D/usr/lib/sysusers.d" "$D/usr/lib/tmpfiles.d" "$R/usr/lib/"
: >"$R/etc/passwd"; : >"$R/etc/group"; : >"$R/etc/shadow"; : >"$R/etc/gshadow"
systemd-sysusers --root="$R" verbeterbord.conf >"$TMP/sysusers.log" 2>&1
groups_of=$(awk -F: '$4 ~ /(^|,)verbeterbord(,|$)/ { print $1 }' "$R/etc/group" | sort | tr '\n' ' ')
grep -q '^verbeterbord:x:[0-9]*:[0-9]*:[^:]*:/var/lib/verbeterbord:/usr/sbin/nologin$' "$R/etc/passwd" &&
    [ "$groups_of" = "input render video " ]
rc=$?
check "sysusers: system user verbeterbord in groups video, render, input" \
    "passwd: $(grep verbeterbord "$R/etc/passwd"); member of: $groups_of; $(tr '\n' ' ' <"$TMP/sysusers.log")" [ $rc -eq 0 ]
uid=$(awk -F: '$1 == "verbeterbord" { print $3 }' "$R/etc/passwd")
check "sysusers: a system uid (< 1000)" "uid $uid" [ "${uid:-99999}" -lt 1000 ]

systemd-tmpfiles --root="$R" --create verbeterbord.conf >"$TMP/tmpfiles.log" 2>&1
perm_lib=$(stat -c '%a %u' "$R/var/lib/verbeterbord" 2>/dev/null)
perm_bak=$(stat -c '%a %u' "$R/var/backups/verbeterbord" 2>/dev/null)
if [ "$(id -u)" = 0 ]; then
    check "tmpfiles: /var/lib/verbeterbord and /var/backups/verbeterbord, 0750, owned by verbeterbord" \
        "got '$perm_lib' and '$perm_bak' (uid $uid); $(tr '\n' ' ' <"$TMP/tmpfiles.log")" \
        [ "$perm_lib $perm_bak" = "750 $uid 750 $uid" ]
else
    # only root may hand the folders to another user (run.sh re-runs nothing here: it needs root)
    ok "tmpfiles: /var/lib/verbeterbord and /var/backups/verbeterbord, 0750, owned by verbeterbord # skip needs root"
fi

# --- the shipped settings file is one the kiosk accepts -----------------------
conf=$D/etc/verbeterbord/verbeterbord.conf
SDL_VIDEODRIVER=dummy "$D/usr/bin/verbeterbord" --config "$conf" --db "$TMP/conf.db" --screenshot "$TMP/conf.png" \
    >"$TMP/conf.log" 2>&1
rc=$?
check "the kiosk accepts /etc/verbeterbord/verbeterbord.conf as shipped" "$(tail -n 2 "$TMP/conf.log" | tr '\n' ' ')" [ $rc -eq 0 ]
# Every commented default, switched on, is a valid value too.
sed 's/^#\([a-z_]* = \)/\1/' "$conf" >"$TMP/all-on.conf"
keys=$(grep -c '^[a-z_]* = ' "$TMP/all-on.conf")
SDL_VIDEODRIVER=dummy "$D/usr/bin/verbeterbord" --config "$TMP/all-on.conf" --db "$TMP/conf.db" \
    --screenshot "$TMP/conf.png" >"$TMP/conf2.log" 2>&1
rc=$?
[ "$keys" -ge 7 ] || rc="only $keys keys"
check "every commented default in the settings file is valid when switched on ($keys keys)" \
    "$rc: $(tail -n 2 "$TMP/conf2.log" | tr '\n' ' ')" [ "$rc" = 0 ]

# --- systemd-analyze verify ---------------------------------------------------
# A root with the installed tree and this machine's own systemd units (the
# targets and getty@.service the units refer to); systemd need not be running.
V=$TMP/verifyroot
mkdir -p "$V/usr/lib/systemd/system" "$V/etc/systemd/system"
cp -a "$D/." "$V/"
for dir in /usr/lib/systemd/system /lib/systemd/system; do
    [ -d "$dir" ] && cp -an "$dir/." "$V/usr/lib/systemd/system/" 2>/dev/null
done
for u in verbeterbord.service verbeterbord-kmsdrm.service verbeterbord-backup.service verbeterbord-backup.timer; do
    out=$(systemd-analyze verify --root="$V" "/usr/lib/systemd/system/$u" 2>&1)
    rc=$?
    [ -n "$out" ] && printf '%s\n' "$out" | sed "s|^|# verify $u: |"
    [ -z "$out" ] || rc="$rc, with output"
    check "systemd-analyze verify $u" "rc $rc: $(printf '%s' "$out" | tr '\n' ' ')" [ "$rc" = 0 ]
done
# verify prints unknown or misspelt directives but still exits 0: make sure
# it does report them here, so that the empty output above means something.
sed 's/^NoNewPrivileges=yes/NoNewPrivilegs=yes/' "$V/usr/lib/systemd/system/verbeterbord.service" \
    >"$V/usr/lib/systemd/system/vb-typo.service"
out=$(systemd-analyze verify --root="$V" /usr/lib/systemd/system/vb-typo.service 2>&1)
check "systemd-analyze verify reports a misspelt directive (the check above is real)" "said: $out" \
    eval 'printf "%s" "$out" | grep -q NoNewPrivilegs'

# --- what the units say -------------------------------------------------------
K=$U/verbeterbord.service
missing=
for line in 'User=verbeterbord' 'SupplementaryGroups=video render input' 'Restart=always' \
    'RestartPreventExitStatus=75' 'PAMName=' 'TTYPath=/dev/tty1' 'StandardInput=tty' \
    'Conflicts=getty@tty1.service' 'Environment=SDL_VIDEODRIVER=wayland' 'NoNewPrivileges=yes' \
    'ProtectSystem=strict' 'ProtectHome=yes' 'PrivateTmp=yes' 'ProtectKernelTunables=yes' \
    'ProtectControlGroups=yes' 'RestrictSUIDSGID=yes' 'LockPersonality=yes'; do
    grep -q "^$line" "$K" || missing="$missing $line"
done
rw=$(sed -n 's/^ReadWritePaths=//p' "$K")
for p in /var/lib/verbeterbord /var/backups/verbeterbord; do
    case " $rw " in *" $p "*) ;; *) missing="$missing ReadWritePaths=$p" ;; esac
done
check "kiosk unit: user, groups, tty1 session, restart rules, hardening" "missing:$missing" [ -z "$missing" ]
check "kiosk unit: no PrivateDevices= or DeviceAllow= (they hide the GPU and touch)" \
    "found: $(grep -E '^(PrivateDevices|DeviceAllow)=' "$K")" eval '! grep -q -E "^(PrivateDevices|DeviceAllow)=" "$K"'
check "kiosk unit: cage without -s (no VT switching)" "the session passes -s to cage" \
    eval '! grep -E "^[^#]*cage\"? .*-s( |$)" "$D/usr/lib/verbeterbord/verbeterbord-session" | grep -q .'
M=$U/verbeterbord-kmsdrm.service
grep -q '^Environment=SDL_VIDEODRIVER=kmsdrm' "$M" && grep -q '^Conflicts=verbeterbord.service' "$M" &&
    grep -q '^Conflicts=verbeterbord-kmsdrm.service' "$K" && grep -q '^RestartPreventExitStatus=75' "$M"
rc=$?
check "KMSDRM fallback unit: SDL_VIDEODRIVER=kmsdrm, conflicts with the cage unit" "directives missing" [ $rc -eq 0 ]
T=$U/verbeterbord-backup.timer
grep -q '^OnCalendar=' "$T" && grep -q '^Persistent=true' "$T" && grep -q '^RandomizedDelaySec=' "$T" &&
    grep -q '^ExecStart=/usr/lib/verbeterbord/verbeterbord-backup' "$U/verbeterbord-backup.service" &&
    grep -q '^User=verbeterbord' "$U/verbeterbord-backup.service"
rc=$?
check "backup timer: nightly, Persistent, RandomizedDelaySec; service runs verbeterbord-backup as verbeterbord" \
    "directives missing" [ $rc -eq 0 ]

# Every directive is explained: each group of directive lines (up to a blank
# line or a section header) starts with a comment.
for u in verbeterbord.service verbeterbord-backup.service verbeterbord-backup.timer; do
    bare=$(awk '
        /^\[/ || /^[[:space:]]*$/ { commented = 0; next }
        /^#/ { commented = 1; next }
        !commented { print FILENAME ":" FNR ": " $0 }' "$ROOT/deploy/$u")
    check "$u: every directive has a comment above it" "$(printf '%s' "$bare" | head -n 3 | tr '\n' ' ')" [ -z "$bare" ]
done

# --- make install keeps edited /etc files; make uninstall keeps /etc ----------
echo "panel_mm = 500" >>"$conf"
mk install NOBUILD=1 DESTDIR="$D" PREFIX=/usr BUILD="$BUILD" >"$TMP/install2.log" 2>&1
check "make install again keeps an edited settings file (new default as .dist)" \
    "$(tail -n 2 "$TMP/install2.log" | tr '\n' ' ')" eval 'grep -q "^panel_mm = 500" "$conf" && [ -f "$conf.dist" ]'
mk uninstall NOBUILD=1 DESTDIR="$D" PREFIX=/usr BUILD="$BUILD" >"$TMP/uninstall.log" 2>&1
check "make uninstall removes the program, keeps /etc" "$(ls -R "$D/usr" 2>/dev/null | grep -c verbeterbord) files left" \
    eval '[ ! -e "$D/usr/bin/verbeterbord" ] && [ ! -e "$U/verbeterbord.service" ] && [ ! -e "$D/usr/lib/verbeterbord" ] &&
        [ ! -e "$D/usr/share/man/man8/verbeterbord-backup.8.gz" ] && [ -f "$conf" ]'

t_done

#!/bin/sh
# shellcheck source-path=SCRIPTDIR
# boot_check.sh BUILD_DIR: a slow, manual check (not run by tests/run.sh: its
# name does not start with test_). It builds the package (make deb),
# installs it into a fresh Debian bookworm (debootstrap), boots that with
# systemd-nspawn, and there, under a real systemd with logind and D-Bus, runs
# the units as shipped:
#   - the hardened backup service and the timer;
#   - the hardened kiosk unit with its PAM session, cage and the kiosk as a
#     Wayland client, with a test drop-in that only swaps tty1 and the GPU
#     (absent in a container) for wlroots' headless backend: it must render
#     the home screen; exit 75 must not restart, exit 1 must, a stop is clean.
# Needs root, network, debootstrap and systemd-container; about 3 minutes.
# Same protocol as the tests (ok / not ok lines).
# shellcheck disable=SC2016
set -u
. "$(dirname "$0")/testlib.sh"
t_init "$@"
[ "$(id -u)" = 0 ] || bail "run it as root"
need debootstrap debootstrap || bail "debootstrap missing"
need systemd-nspawn systemd-container || bail "systemd-nspawn missing"
cd "$ROOT" || bail "no repository"

arch=$(dpkg --print-architecture)
mk deb BUILD="$BUILD" >"$TMP/deb.log" 2>&1 || bail "make deb failed: $(tail -n 2 "$TMP/deb.log" | tr '\n' ' ')"
deb=$BUILD/verbeterbord_$(dpkg-parsechangelog -l deploy/debian/changelog -S Version)_$arch.deb

R=$TMP/root
nspawn_pid=
mounted_run=
# shellcheck disable=SC2317
t_cleanup() {
    [ -n "$nspawn_pid" ] && kill "$nspawn_pid" 2>/dev/null && sleep 3
    [ -n "$mounted_run" ] && umount /run/systemd/nspawn 2>/dev/null
    for m in dev/pts dev sys proc; do umount "$R/$m" 2>/dev/null; done
    rm -rf "$TMP"
}

echo "# debootstrap bookworm (a minute or two)"
debootstrap --variant=minbase bookworm "$R" http://deb.debian.org/debian >"$TMP/debootstrap.log" 2>&1 ||
    bail "debootstrap failed: $(tail -n 1 "$TMP/debootstrap.log")"
for m in proc sys dev dev/pts; do mount --bind "/$m" "$R/$m"; done
cp /etc/resolv.conf "$R/etc/resolv.conf"
cp "$deb" "$R/root/"
chroot "$R" sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -q systemd-sysv /root/$(basename "$deb")" \
    >"$TMP/install.log" 2>&1
rc=$?
check "apt-get install ./$(basename "$deb") on a fresh bookworm" "$(tail -n 3 "$TMP/install.log" | tr '\n' ' ')" [ $rc -eq 0 ]
[ $rc -eq 0 ] || t_done
chroot "$R" sh -c 'cd /tmp && runuser -u verbeterbord -- env SDL_VIDEODRIVER=dummy verbeterbord --demo --screenshot /tmp/x.png' \
    >"$TMP/demo.log" 2>&1
for m in dev/pts dev sys proc; do umount "$R/$m"; done

# The test drop-in: no tty1 and no GPU in a container.
mkdir -p "$R/etc/systemd/system/verbeterbord.service.d"
cat >"$R/etc/systemd/system/verbeterbord.service.d/zz-container.conf" <<'EOF'
# boot_check.sh only: no tty1 and no GPU in a container.
[Unit]
ConditionPathExists=
[Service]
TTYPath=
StandardInput=null
UtmpIdentifier=
Environment=WLR_BACKENDS=headless WLR_RENDERER=pixman
EOF
printf '#!/bin/sh\nexit 75\n' >"$R/usr/local/bin/exit75"
printf '#!/bin/sh\nsleep 0.5\nexit 1\n' >"$R/usr/local/bin/exit1"
chmod 755 "$R/usr/local/bin/exit75" "$R/usr/local/bin/exit1"

# Without systemd as the host's init, nspawn needs these.
extra=
if [ ! -d /run/systemd/system ]; then
    extra="--register=no --keep-unit"
    if ! mountpoint -q /run/systemd/nspawn 2>/dev/null; then
        mkdir -p /run/systemd/nspawn && mount -t tmpfs tmpfs /run/systemd/nspawn && mounted_run=1
    fi
fi
# shellcheck disable=SC2086
systemd-nspawn -q $extra -D "$R" --boot --console=pipe >"$TMP/nspawn.log" 2>&1 &
nspawn_pid=$!
init=
n=0
while [ -z "$init" ] && [ $n -lt 30 ]; do
    sleep 1
    n=$((n + 1))
    init=$(pgrep -P "$nspawn_pid" | head -n 1)
done
[ -n "$init" ] || bail "the container did not boot: $(tail -n 3 "$TMP/nspawn.log" | tr '\n' ' ')"
in_box() { nsenter -t "$init" -a sh -c "$1"; }
n=0
while [ $n -lt 30 ]; do
    state=$(in_box 'systemctl is-system-running 2>/dev/null')
    case $state in running | degraded) break ;; esac
    sleep 1
    n=$((n + 1))
done
check "the container boots ($state)" "state $state" [ "$state" = running ]

out=$(in_box 'systemctl is-enabled verbeterbord.service verbeterbord-backup.timer; systemctl is-active verbeterbord-backup.timer' | tr '\n' ' ')
check "the package enabled the kiosk and the timer; the timer runs" "$out" [ "$out" = "enabled enabled active " ]
out=$(in_box 'systemctl start verbeterbord-backup.service; echo rc=$?; systemctl show -p Result --value verbeterbord-backup.service; ls /var/backups/verbeterbord | grep -c "^verbeterbord-"')
check "the hardened backup service runs and saves a copy" "$(echo "$out" | tr '\n' ' ')" \
    eval 'echo "$out" | head -n 2 | tr "\n" " " | grep -q "^rc=0 success "'

st='echo "$(systemctl is-active verbeterbord.service) $(systemctl show -p Result --value verbeterbord.service) $(systemctl show -p ExecMainStatus --value verbeterbord.service) $(systemctl show -p NRestarts --value verbeterbord.service)"'
case_unit() {
    printf '[Service]\n%s\n' "$1" >"$R/etc/systemd/system/verbeterbord.service.d/zzz-case.conf"
    in_box 'systemctl daemon-reload; systemctl stop verbeterbord.service; systemctl reset-failed verbeterbord.service 2>/dev/null; systemctl start verbeterbord.service'
    sleep "$2"
    in_box "$st"
}
printf '{"wait":"settled"}\n{"quit":true}\n' >"$R/var/lib/verbeterbord/script.jsonl"
out=$(case_unit 'Restart=no
ExecStart=
ExecStart=/usr/lib/verbeterbord/verbeterbord-session --script /var/lib/verbeterbord/script.jsonl --ui-dump /var/lib/verbeterbord/dump.jsonl' 4)
frames=$(grep -c '"screen":"home"' "$R/var/lib/verbeterbord/dump.jsonl" 2>/dev/null)
check "the hardened kiosk unit (PAM session, cage, sandbox) renders the home screen and exits 0" \
    "$out; home frames ${frames:-0}; $(in_box 'journalctl -b -u verbeterbord --no-pager -n 5' | tr '\n' ' ')" \
    eval '[ "$out" = "inactive success 0 0" ] && [ "${frames:-0}" -gt 0 ]'
out=$(case_unit 'Environment=VB_KIOSK=/usr/local/bin/exit75' 6)
check "exit 75 (stop for maintenance) is not restarted" "state/result/status/restarts: $out" [ "$out" = "failed exit-code 75 0" ]
out=$(case_unit 'Environment=VB_KIOSK=/usr/local/bin/exit1' 8)
check "exit 1 is restarted" "state/result/status/restarts: $out" eval '[ "${out##* }" -ge 1 ]'
out=$(case_unit '# the kiosk as shipped, idle' 4)
check "the kiosk as shipped runs idle" "$out" eval 'case "$out" in "active "*) true ;; *) false ;; esac'
out=$(in_box 'systemctl stop verbeterbord.service; '"$st")
check "a stop (SIGTERM) ends it cleanly" "$out" eval 'case "$out" in "inactive success "*) true ;; *) false ;; esac'

t_done

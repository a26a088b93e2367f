# shellcheck shell=sh disable=SC2034
# testlib.sh: what the deploy tests share (sourced, not a test itself).
# The protocol of tests/run.sh: one line per check, "ok - <name>" or
# "not ok - <name>: <reason>"; finish with t_done, which exits non-zero when
# a check failed.
#   . "$(dirname "$0")/testlib.sh"; t_init "$@"   sets ROOT, BUILD, TMP, SUDO

t_fails=0
t_count=0

ok() { t_count=$((t_count + 1)); echo "ok - $1"; }
not_ok() { t_count=$((t_count + 1)); t_fails=$((t_fails + 1)); echo "not ok - $1: $2"; }
# check NAME REASON CMD...: ok when CMD succeeds.
check() {
    name=$1 reason=$2
    shift 2
    if "$@"; then ok "$name"; else not_ok "$name" "$reason"; fi
}
t_done() {
    [ "$t_count" -gt 0 ] || not_ok "$(basename "$0")" "no check ran"
    [ "$t_fails" -eq 0 ]
    exit $?
}
# bail REASON: a precondition failed; report it and stop.
bail() { not_ok "$(basename "$0") setup" "$1"; t_done; }

t_init() {
    ROOT=$(cd "$(dirname "$0")/../.." && pwd)
    [ $# -ge 1 ] || { echo "usage: $0 BUILD_DIR" >&2; exit 2; }
    [ -d "$1" ] || bail "no build folder $1"
    BUILD=$(cd "$1" && pwd)
    [ -x "$BUILD/verbeterbord" ] || bail "no $BUILD/verbeterbord (make BUILD=$1 all)"
    if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
    TMP=$(mktemp -d "${TMPDIR:-/tmp}/vbdeploy-XXXXXX") || bail "mktemp failed"
    trap 't_cleanup' EXIT
    trap 'exit 130' INT TERM
}
# Tests add their own clean-up to this (background processes they started).
t_cleanup() { rm -rf "$TMP"; }

# mk ARGS...: make in the repository, clear of the settings of a make that
# may be running this test (make test): its jobserver and its variables.
mk() { env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u MAKEOVERRIDES make --no-print-directory -C "$ROOT" "$@"; }

# need COMMAND PACKAGE: installs PACKAGE with apt-get when COMMAND is
# missing; true when COMMAND is there afterwards.
need() {
    command -v "$1" >/dev/null 2>&1 && return 0
    need_pkg "$2"
    command -v "$1" >/dev/null 2>&1
}
# need_pkg PACKAGE...: installs the packages that are not installed.
need_pkg() {
    missing=
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
    done
    [ -n "$missing" ] || return 0
    echo "# installing$missing"
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null 2>&1 ||
        { $SUDO apt-get update -qq >/dev/null 2>&1 &&
            DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null 2>&1; }
}

# A fresh demo database at $1, made by the kiosk itself.
make_demo_db() {
    SDL_VIDEODRIVER=dummy "$BUILD/verbeterbord" --demo --db "$1" --screenshot "$TMP/demo-shot.png" >"$TMP/demo.log" 2>&1
}

# kiosk_opens DB: the kiosk opens DB, shows the home screen and quits cleanly.
kiosk_opens() {
    echo '{"quit":true}' >"$TMP/quit.jsonl"
    rm -f "$TMP/dump.jsonl"
    SDL_VIDEODRIVER=dummy "$BUILD/verbeterbord" --db "$1" --windowed 1280x800 --script "$TMP/quit.jsonl" \
        --ui-dump "$TMP/dump.jsonl" >"$TMP/kiosk.log" 2>&1 &&
        grep -q '"screen":"home"' "$TMP/dump.jsonl"
}

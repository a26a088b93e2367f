#!/bin/sh
# test_layers.sh BUILD: the layers hold by construction (docs/HACKING.md).
#   - Which folder includes which: app/ includes no screen header, screens/
#     never the platform, core/ only core, ui/ only ui and core, store/ only
#     store and core; only platform/, app/ and main.c include platform.h,
#     and no screen names a platform_ function.
#   - The compiler enforces it: a file compiled with the flags the Makefile
#     gives kiosk/screens/ (make print-cflags) that includes platform.h does
#     not compile, nor does a screen that calls platform_inject_wake through
#     app.h; the same platform.h include compiles with app/'s flags (so it is
#     the guard that refuses, not something else).
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root" || exit 1
status=0
ok() { echo "ok - $1"; }
fail() { echo "not ok - $1: $2"; status=1; }

# includes FILE...: every quoted include as "file -> folder/header", the
# header resolved against the including file's folder
includes() {
  for f in "$@"; do
    dir=$(dirname "$f")
    sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$f" | while read -r h; do
      p=$(realpath -m --relative-to="$root/kiosk" "$root/$dir/$h")
      echo "$f -> $p"
    done
  done
}

# check NAME ALLOWED_REGEX FILE...: every include of the files matches ALLOWED_REGEX
check() {
  name=$1 allowed=$2
  shift 2
  bad=$(includes "$@" | grep -Ev " -> ($allowed)\$" | head -3 | tr '\n' ';')
  if [ -z "$bad" ]; then ok "$name"; else fail "$name" "$bad"; fi
}

check "layers: app/ includes no screen header" '(core|store|ui|platform|app)/[^/]+' kiosk/app/*.[ch]
check "layers: screens/ include no platform header" '(core|store|ui|app|screens)/[^/]+' kiosk/screens/*.[ch]
check "layers: core/ includes only core" 'core/[^/]+' kiosk/core/*.[ch]
check "layers: ui/ includes only ui and core" '(core|ui)/[^/]+' kiosk/ui/*.[ch]
check "layers: store/ includes only store and core" '(core|store)/[^/]+' kiosk/store/*.[ch]
bad=$(grep -l 'platform/platform\.h\|"platform\.h"' $(find kiosk -name '*.[ch]' | sort) |
      grep -v '^kiosk/platform/\|^kiosk/app/\|^kiosk/main\.c$' | tr '\n' ' ')
if [ -z "$bad" ]; then ok "layers: only platform/, app/ and main.c include platform.h"
else fail "layers: only platform/, app/ and main.c include platform.h" "$bad"; fi
bad=$(grep -n 'platform_[a-z_]*[[:space:]]*(' kiosk/screens/*.[ch] | head -3 | tr '\n' ';')
if [ -z "$bad" ]; then ok "layers: no screen calls a platform_ function"
else fail "layers: no screen calls a platform_ function" "$bad"; fi

# ---- the compiler refuses ------------------------------------------------------
flags_of() {
  env -u MAKEFLAGS -u MAKELEVEL -u MFLAGS make -s --no-print-directory -C "$root" print-cflags F="$1"
}
screen_flags=$(flags_of kiosk/screens/probe.c) || { fail "layers: make print-cflags" "make failed"; exit 1; }
app_flags=$(flags_of kiosk/app/probe.c)
cc=${CC:-cc}
cat > "$work/screen_platform.c" <<C
/* a screen that reaches for the platform */
#include "$root/kiosk/app/app.h"
#include "$root/kiosk/platform/platform.h"
void probe(app *a);
void probe(app *a) { platform_inject_wake(a->plat); }
C
cat > "$work/screen_wake.c" <<C
/* a screen that calls the platform through what app.h gives it */
#include "$root/kiosk/app/app.h"
void probe(app *a);
void probe(app *a) { platform_inject_wake(a->plat); }
C
# shellcheck disable=SC2086 # the flags are words
if $cc $screen_flags -fsyntax-only "$work/screen_platform.c" 2>"$work/err1"; then
  fail "layers: a screen that includes platform.h does not compile" "it compiled"
elif grep -q 'platform.h is not for this layer' "$work/err1"; then
  ok "layers: a screen that includes platform.h does not compile"
else
  fail "layers: a screen that includes platform.h does not compile" "another error: $(head -2 "$work/err1" | tr '\n' ' ')"
fi
# shellcheck disable=SC2086
if $cc $screen_flags -fsyntax-only "$work/screen_wake.c" 2>"$work/err2"; then
  fail "layers: app.h gives a screen no platform_ function" "platform_inject_wake compiled"
else
  ok "layers: app.h gives a screen no platform_ function"
fi
# shellcheck disable=SC2086
if $cc $app_flags -fsyntax-only "$work/screen_platform.c" 2>"$work/err3"; then
  ok "layers: with app/'s flags the same file compiles (the guard is what refuses)"
else
  fail "layers: with app/'s flags the same file compiles (the guard is what refuses)" "$(head -2 "$work/err3" | tr '\n' ' ')"
fi
exit $status

#!/bin/sh
# run.sh: runs the whole test suite against one or more build folders.
#
#   sh tests/run.sh BUILD_DIR...      e.g. sh tests/run.sh build build/asan
#
# For each build folder, in order, the groups:
#   unit        every $BUILD/tests/test_* binary (tests/test_*.c)
#   scenario    tests/scenario/test_*.py: the real binary driven by --script
#   screenshot  tests/screenshot/test_*.py|sh: PNGs against tests/ref/
#   <folder>    any other tests/<folder>/test_*.sh or test_*.py (e.g. deploy)
# Every test program gets the build folder as $1 and follows the protocol of
# tests/testlib.h: one line per check, "ok - <name>" or "not ok - <name>:
# <reason>", and a non-zero exit when something failed. A crash, a time-out,
# or a non-zero exit without a "not ok" line counts as one failure named after
# the program; so does a program that reports no check at all.
#
# The last line of output is "N passed, M failed" over all build folders; the
# exit status is non-zero when M > 0.
#
# Environment: SDL_VIDEODRIVER=dummy, TZ=UTC0 and a private HOME and XDG
# folders, so nothing touches the user's files or display. With an ASan
# build, ASAN_OPTIONS/UBSAN_OPTIONS make every report fatal and LSan uses
# tests/lsan.supp (third-party libraries only), and VB_ASAN=1 tells test
# scripts so (e.g. to skip installing). UPDATE_REFS=1 rewrites the
# screenshot references. TEST_TIMEOUT (seconds, default 300) bounds each
# program; TEST_FILTER (a grep pattern) runs only programs whose path matches.
set -u

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 1

if [ $# -eq 0 ]; then
    echo "usage: sh tests/run.sh BUILD_DIR..." >&2
    exit 2
fi

TEST_TIMEOUT=${TEST_TIMEOUT:-300}
TEST_FILTER=${TEST_FILTER:-}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/vbrun-XXXXXX") || exit 1
trap 'rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

# A private home: nothing reads or writes the user's files.
mkdir -p "$WORK/home" "$WORK/tmp" "$WORK/xdg/data" "$WORK/xdg/config" "$WORK/xdg/cache" "$WORK/xdg/runtime"
chmod 700 "$WORK/xdg/runtime"
export HOME="$WORK/home"
export XDG_DATA_HOME="$WORK/xdg/data" XDG_CONFIG_HOME="$WORK/xdg/config" XDG_CACHE_HOME="$WORK/xdg/cache"
export XDG_RUNTIME_DIR="$WORK/xdg/runtime"
export TMPDIR="$WORK/tmp"
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy
export TZ=UTC0
export LANG=C.UTF-8
unset DISPLAY WAYLAND_DISPLAY LC_ALL LANGUAGE VERBETERBORD_FONT 2>/dev/null || true
export PYTHONDONTWRITEBYTECODE=1

total_pass=0
total_fail=0
total_skip=0
failures="$WORK/failures.txt"
: > "$failures"

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

# run_one LABEL CMD...: runs one test program, shows its output, counts it.
run_one() {
    label=$1
    shift
    out="$WORK/out.txt"
    err="$WORK/err.txt"
    one_t0=$(now)
    if command -v timeout >/dev/null 2>&1; then
        timeout -k 10 "$TEST_TIMEOUT" "$@" > "$out" 2> "$err" < /dev/null
    else
        "$@" > "$out" 2> "$err" < /dev/null
    fi
    rc=$?
    passed=$(grep -c '^ok ' "$out")
    failed=$(grep -c '^not ok ' "$out")
    skipped=$(grep -c '^ok .*# *[Ss][Kk][Ii][Pp]' "$out")
    # show the checks; passing ones only when VERBOSE is set
    if [ -n "${VERBOSE:-}" ]; then
        cat "$out"
    else
        grep -v '^ok ' "$out" | grep -v '^# ' || true
    fi
    extra=""
    if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
        extra="not ok - $label: timed out after ${TEST_TIMEOUT} s"
    elif [ $rc -gt 128 ]; then
        extra="not ok - $label: killed by signal $((rc - 128))"
    elif [ $rc -ne 0 ] && [ "$failed" -eq 0 ]; then
        extra="not ok - $label: exited with status $rc without a failed check"
    elif [ $rc -eq 0 ] && [ "$failed" -eq 0 ] && [ "$passed" -eq 0 ]; then
        extra="not ok - $label: reported no check at all"
    fi
    if [ -n "$extra" ]; then
        echo "$extra"
        failed=$((failed + 1))
    fi
    if [ "$failed" -gt 0 ] || [ $rc -ne 0 ]; then
        grep '^not ok ' "$out" | sed "s|^|[$label] |" >> "$failures"
        [ -n "$extra" ] && echo "[$label] $extra" >> "$failures"
        if [ -s "$err" ]; then
            # the start of a sanitizer report matters most, the end tells how it ended
            echo "# --- stderr of $label ---"
            awk -v n="$(wc -l < "$err")" 'NR <= 50 || NR > n - 20 { print "#   " $0 } NR == 51 && n > 70 { print "#   [...]" }' "$err"
        fi
    fi
    printf '# %-44s %4d ok %4d not ok %7s s\n' "$label" "$passed" "$failed" "$(elapsed "$one_t0" "$(now)")"
    group_pass=$((group_pass + passed))
    group_fail=$((group_fail + failed))
    total_skip=$((total_skip + skipped))
}

wanted() {
    [ -z "$TEST_FILTER" ] || printf '%s\n' "$1" | grep -q -- "$TEST_FILTER"
}

# run_script LABEL FILE BUILD: a test script, by its #! line when it is
# executable, else by its kind.
run_script() {
    case "$2" in
        *.py) if [ -x "$2" ]; then run_one "$1" "./$2" "$3"; else run_one "$1" python3 "$2" "$3"; fi ;;
        *.sh) if [ -x "$2" ]; then run_one "$1" "./$2" "$3"; else run_one "$1" sh "$2" "$3"; fi ;;
    esac
}

group_start() {
    group=$1
    group_pass=0
    group_fail=0
    group_t0=$(now)
    echo "## $group ($build_label)"
}

group_end() {
    t1=$(now)
    secs=$(elapsed "$group_t0" "$t1")
    echo "## $group: $group_pass passed, $group_fail failed in ${secs} s"
    summary="$summary$(printf '%-12s %-24s %5d passed %4d failed %8s s' "$group" "$build_label" "$group_pass" "$group_fail" "$secs")
"
    total_pass=$((total_pass + group_pass))
    total_fail=$((total_fail + group_fail))
}

summary=""
suite_t0=$(now)

for build in "$@"; do
    build_label=$build
    if [ ! -d "$build" ]; then
        echo "not ok - build folder $build: does not exist (make BUILD=$build tests-bin)"
        echo "[$build] not ok - build folder missing" >> "$failures"
        total_fail=$((total_fail + 1))
        continue
    fi
    BUILD_ABS=$(cd "$build" && pwd)
    unset ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS 2>/dev/null || true
    if [ -f "$BUILD_ABS/verbeterbord" ] && grep -q __asan_init "$BUILD_ABS/verbeterbord" 2>/dev/null; then
        build_label="$build (ASan+UBSan)"
        export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1
        export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
        export LSAN_OPTIONS="suppressions=$ROOT/tests/lsan.supp:print_suppressions=0"
        export VB_ASAN=1   # test scripts may skip what makes no sense under ASan
    else
        unset VB_ASAN 2>/dev/null || true
    fi
    echo "# ===== $build_label ====="

    # unit tests: the C test binaries
    have=0
    for t in "$BUILD_ABS"/tests/test_*; do
        [ -f "$t" ] && [ -x "$t" ] && wanted "$t" && have=1
    done
    if [ $have -eq 1 ] || [ -z "$TEST_FILTER" ]; then
        group_start unit
        for t in "$BUILD_ABS"/tests/test_*; do
            [ -f "$t" ] && [ -x "$t" ] || continue
            wanted "$t" || continue
            run_one "$(basename "$t")" "$t" "$BUILD_ABS"
        done
        if [ $have -eq 0 ]; then
            echo "not ok - unit tests: no test binary in $build/tests (make BUILD=$build tests-bin)"
            echo "[$build] not ok - no unit test binaries" >> "$failures"
            group_fail=$((group_fail + 1))
        fi
        group_end
    fi

    # scenario and screenshot tests, then every other folder's test scripts
    dirs="scenario screenshot"
    for d in tests/*/; do
        d=${d%/}
        d=${d#tests/}
        case " scenario screenshot ref tools " in *" $d "*) continue ;; esac
        dirs="$dirs $d"
    done
    for d in $dirs; do
        [ -d "tests/$d" ] || continue
        have=0
        for f in tests/"$d"/test_*.py tests/"$d"/test_*.sh; do
            [ -f "$f" ] && wanted "$f" && have=1
        done
        [ $have -eq 1 ] || continue
        group_start "$d"
        for f in tests/"$d"/test_*.py tests/"$d"/test_*.sh; do
            [ -f "$f" ] || continue
            wanted "$f" || continue
            run_script "$d/$(basename "$f")" "$f" "$BUILD_ABS"
        done
        group_end
    done
done

suite_t1=$(now)
echo
echo "# ===== summary ====="
printf '%s' "$summary" | sed 's/^/# /'
echo "# total time $(elapsed "$suite_t0" "$suite_t1") s; $total_skip of the passed checks were skipped"
if [ -s "$failures" ]; then
    echo "# failed checks:"
    sed 's/^/#   /' "$failures"
fi
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]

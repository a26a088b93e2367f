#!/bin/sh
# run.sh: runs the whole test suite against one or more build folders.
#
#   sh tests/run.sh BUILD_DIR...      e.g. sh tests/run.sh build build/asan
#
# The test programs of every build folder, in the groups:
#   unit        every $BUILD/tests/test_* binary (tests/test_*.c)
#   scenario    tests/scenario/test_*.py: the real binary driven by --script
#   screenshot  tests/screenshot/test_*.py|sh: PNGs against tests/ref/ (not
#               for an ASan build)
#   <folder>    any other tests/<folder>/test_*.sh or test_*.py (e.g. deploy;
#               tests/valgrind not for an ASan build)
# Every test program gets the build folder as $1 and follows the protocol of
# tests/testlib.h: one line per check, "ok - <name>" or "not ok - <name>:
# <reason>", a skipped check "ok - <name> # skip <why>", and a non-zero exit
# when something failed. A crash, a time-out, or a non-zero exit without a
# "not ok" line counts as one failure named after the program; so does a
# program that reports no check at all.
#
# The programs run in parallel (TEST_JOBS at once, default: the number of
# cores), the longest first (by the times of the last run, kept in
# $BUILD/.test-times), each with its own private HOME, XDG folders and
# TMPDIR. The output of each program is printed whole when it ends, never
# mixed with another's. The last line of output is
#   N passed, M failed, K skipped
# over all build folders (a skipped check is not counted as passed); the exit
# status is non-zero when M > 0.
#
# Checks that cannot run as root (file permissions do not stop root) skip
# with a reason starting with "root". When run.sh runs as root, it runs each
# program that skipped such a check once more as the user nobody (setpriv),
# on a world-readable copy of the build's binaries and of tests/ (the clone
# may sit under a 0700 home), and counts from that run the checks root had
# skipped and any check root did not run; the rest is already counted. So as
# root (CI) nothing skips for being root; without root, the checks that need
# root (e.g. mounting a tmpfs) skip and are counted as skipped.
#
# Environment: SDL_VIDEODRIVER=dummy, TZ=UTC0 and the private folders, so
# nothing touches the user's files or display. With an ASan build,
# ASAN_OPTIONS/UBSAN_OPTIONS make every report fatal and LSan uses
# tests/lsan.supp (third-party libraries only), and VB_ASAN=1 tells test
# scripts so (e.g. to skip installing). UPDATE_REFS=1 rewrites the
# screenshot references. TEST_TIMEOUT (seconds, default 300) bounds each
# program; TEST_FILTER (a grep pattern) runs only programs whose path
# matches; TEST_NAME runs only the programs of that name (e.g. test_crash or
# test_learning.py; `make test T=name`); VERBOSE=1 also shows passing checks;
# KEEP_TMP=1 keeps the temporary folders. VB_MAKE_T0 (set by `make test`,
# seconds since the epoch) adds how long make test took, building included.
set -u

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 1

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

# ---- one program (run by xargs as `sh tests/run.sh --job JOBDIR`) ----------

# private_env DIR: a private home, XDG folders and TMPDIR under DIR.
private_env() {
    mkdir -p "$1/home" "$1/tmp" "$1/xdg/data" "$1/xdg/config" "$1/xdg/cache" "$1/xdg/runtime"
    chmod 700 "$1/xdg/runtime"
    export HOME="$1/home"
    export XDG_DATA_HOME="$1/xdg/data" XDG_CONFIG_HOME="$1/xdg/config" XDG_CACHE_HOME="$1/xdg/cache"
    export XDG_RUNTIME_DIR="$1/xdg/runtime"
    export TMPDIR="$1/tmp"
}

# sanitizer_env ASAN SUPP: the sanitizer settings of an ASan build.
sanitizer_env() {
    unset ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS VB_ASAN 2>/dev/null || true
    if [ "$1" = 1 ]; then
        export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1
        export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
        export LSAN_OPTIONS="suppressions=$2:print_suppressions=0"
        export VB_ASAN=1   # test scripts may skip what makes no sense under ASan
    fi
}

# run_cmd OUT ERR CMD...: runs a program with the time-out; prints its status.
run_cmd() {
    o=$1
    e=$2
    shift 2
    if command -v timeout >/dev/null 2>&1; then
        timeout -k 10 "$TEST_TIMEOUT" "$@" > "$o" 2> "$e" < /dev/null
    else
        "$@" > "$o" 2> "$e" < /dev/null
    fi
    echo $?
}

# judge RC OUT LABEL: the failure line of a program that ended badly, if any.
judge() {
    p=$(grep -c '^ok ' "$2")
    f=$(grep -c '^not ok ' "$2")
    if [ "$1" -eq 124 ] || [ "$1" -eq 137 ]; then
        echo "not ok - $3: timed out after ${TEST_TIMEOUT} s"
    elif [ "$1" -gt 128 ]; then
        echo "not ok - $3: killed by signal $(($1 - 128))"
    elif [ "$1" -ne 0 ] && [ "$f" -eq 0 ]; then
        echo "not ok - $3: exited with status $1 without a failed check"
    elif [ "$1" -eq 0 ] && [ "$f" -eq 0 ] && [ "$p" -eq 0 ]; then
        echo "not ok - $3: reported no check at all"
    fi
}

# The checks of the root run (R) with those of the run as nobody (U) merged
# in: R's skips for being root that U ran are dropped, and every check of U
# that R did not run is added, marked "(as nobody)".
merge_unprivileged() {
    awk -v R="$1" -v U="$2" '
    function name_of(line,   n) {
        if (line ~ /^ok - /) { n = substr(line, 6); sub(/ # *[Ss][Kk][Ii][Pp].*$/, "", n); return n }
        return substr(line, 10)
    }
    function skipped(line) { return line ~ /^ok .*# *[Ss][Kk][Ii][Pp]/ }
    # the name of line that is in set, else "": a "not ok" line holds its
    # name and its reason, so its name is one of its prefixes before ": "
    function known(line, set,   n, rest, i, pre) {
        n = name_of(line)
        if (n in set) return n
        if (line ~ /^ok /) return ""
        pre = ""; rest = n
        while ((i = index(rest, ": ")) > 0) {
            pre = pre substr(rest, 1, i - 1)
            if (pre in set) return pre
            pre = pre ": "; rest = substr(rest, i + 2)
        }
        return ""
    }
    BEGIN {
        while ((getline l < R) > 0) {
            rl[++nr] = l
            if (skipped(l)) sk[name_of(l)] = 1
            else if (l ~ /^ok /) ran[name_of(l)] = 1
            else if (l ~ /^not ok /) { # every prefix before ": " may be its name
                n = name_of(l); pre = ""
                while ((i = index(n, ": ")) > 0) {
                    pre = pre substr(n, 1, i - 1); ran[pre] = 1; pre = pre ": "; n = substr(n, i + 2)
                }
                ran[pre n] = 1
            }
        }
        while ((getline l < U) > 0) {
            if (!(l ~ /^(not )?ok /) || skipped(l)) continue
            if (known(l, ran) != "") continue
            k = known(l, sk)
            if (k != "") resolved[k] = 1
            add[++na] = l " (as nobody)"
        }
        for (i = 1; i <= nr; i++) {
            l = rl[i]
            if (skipped(l) && (name_of(l) in resolved)) continue
            print l
        }
        for (i = 1; i <= na; i++) print add[i]
    }'
}

run_job() {
    jd=$1
    # shellcheck disable=SC1091
    . "$jd/job"
    private_env "$jd/env"
    sanitizer_env "$asan" "$ROOT/tests/lsan.supp"
    t0=$(now)
    case "$kind" in
        bin) rc=$(run_cmd "$jd/out" "$jd/err" "$path" "$build_abs") ;;
        py) if [ -x "$path" ]; then rc=$(run_cmd "$jd/out" "$jd/err" "./$path" "$build_abs")
            else rc=$(run_cmd "$jd/out" "$jd/err" python3 "$path" "$build_abs"); fi ;;
        sh) if [ -x "$path" ]; then rc=$(run_cmd "$jd/out" "$jd/err" "./$path" "$build_abs")
            else rc=$(run_cmd "$jd/out" "$jd/err" sh "$path" "$build_abs"); fi ;;
    esac
    extra=$(judge "$rc" "$jd/out" "$label")
    cp "$jd/out" "$jd/checks"
    nobody=""
    # as root: the checks root skipped, once more as nobody
    if [ -n "$unpriv" ] && grep -q '^ok .*# *[Ss][Kk][Ii][Pp] *root' "$jd/out"; then
        u="$unpriv/jobs/${jd##*/}"
        mkdir -p "$u"
        private_env "$u"
        chown -R 65534:65534 "$u"
        sanitizer_env "$asan" "$unpriv/src/tests/lsan.supp"
        ub="$unpriv/b/$build_index"
        case "$kind" in
            bin) set -- "$ub/tests/${path##*/}" "$ub" ;;
            py) set -- python3 "$unpriv/src/$path" "$ub" ;;
            sh) set -- sh "$unpriv/src/$path" "$ub" ;;
        esac
        # the system's programs: nobody cannot reach root's own (e.g. pyenv)
        urc=$(cd "$unpriv/src" && PATH=/usr/local/bin:/usr/bin:/bin:/usr/local/sbin:/usr/sbin:/sbin &&
            run_cmd "$jd/uout" "$jd/uerr" setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@")
        merge_unprivileged "$jd/out" "$jd/uout" > "$jd/checks"
        uextra=$(judge "$urc" "$jd/uout" "$label (as nobody)")
        [ -n "$uextra" ] && extra="${extra:+$extra
}$uextra"
        nobody=" (+ run as nobody: $(grep -c '(as nobody)$' "$jd/checks") checks)"
        cat "$jd/uerr" >> "$jd/err"
    fi
    [ -n "$extra" ] && printf '%s\n' "$extra" >> "$jd/checks"
    secs=$(elapsed "$t0" "$(now)")
    skipped=$(grep -c '^ok .*# *[Ss][Kk][Ii][Pp]' "$jd/checks")
    passed=$(($(grep -c '^ok ' "$jd/checks") - skipped))
    failed=$(grep -c '^not ok ' "$jd/checks")
    echo "$passed $failed $skipped $secs $t0 $(now)" > "$jd/result"
    # the program's output, as one block
    {
        if [ "$failed" -gt 0 ] || [ -n "${VERBOSE:-}" ]; then
            echo "# ---- $label ($build_label)"
            if [ -n "${VERBOSE:-}" ]; then
                cat "$jd/checks"
                [ -s "$jd/uout" ] && grep '^# ' "$jd/uout" | sed 's/^# /# (as nobody) /'
            else
                grep -v '^ok ' "$jd/checks" | grep -v '^# ' || true
            fi
            if [ "$failed" -gt 0 ] && [ -s "$jd/err" ]; then
                # the start of a sanitizer report matters most, the end tells how it ended
                echo "# --- stderr of $label ---"
                awk -v n="$(wc -l < "$jd/err")" 'NR <= 50 || NR > n - 20 { print "#   " $0 } NR == 51 && n > 70 { print "#   [...]" }' "$jd/err"
            fi
        fi
        printf '# %-34s %-24s %4d passed %3d failed %3d skipped %6s s%s\n' "$label" "$build_label" "$passed" "$failed" \
            "$skipped" "$secs" "$nobody"
    } > "$jd/block"
    if command -v flock >/dev/null 2>&1; then
        flock "$jd/../print.lock" cat "$jd/block"
    else
        cat "$jd/block"
    fi
}

if [ "${1:-}" = "--job" ]; then
    TEST_TIMEOUT=${TEST_TIMEOUT:-300}
    run_job "$2"
    exit 0
fi

# ---- the suite ----------------------------------------------------------------

if [ $# -eq 0 ]; then
    echo "usage: sh tests/run.sh BUILD_DIR..." >&2
    exit 2
fi

export TEST_TIMEOUT=${TEST_TIMEOUT:-300}
TEST_FILTER=${TEST_FILTER:-}
TEST_NAME=${TEST_NAME:-}
JOBS=${TEST_JOBS:-$(nproc 2>/dev/null || echo 2)}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/vbrun-XXXXXX") || exit 1
UNPRIV=""
cleanup() {
    if [ -z "${KEEP_TMP:-}" ]; then
        rm -rf "$WORK"
        [ -n "$UNPRIV" ] && rm -rf "$UNPRIV"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy
export TZ=UTC0
export LANG=C.UTF-8
unset DISPLAY WAYLAND_DISPLAY LC_ALL LANGUAGE VERBETERBORD_FONT 2>/dev/null || true
export PYTHONDONTWRITEBYTECODE=1

# As root: a world-readable place for the runs as nobody.
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null 2>&1; then
    UNPRIV=$(mktemp -d /tmp/vbunpriv-XXXXXX) && chmod 755 "$UNPRIV" || UNPRIV=""
    if [ -n "$UNPRIV" ]; then
        mkdir -p "$UNPRIV/src" "$UNPRIV/jobs"
        cp -R tests assets db deploy "$UNPRIV/src/" 2>/dev/null
        rm -rf "$UNPRIV/src/tests/ref"/*.actual.png "$UNPRIV/src/tests/ref"/*.diff.png
    fi
fi

wanted() {
    [ -z "$TEST_FILTER" ] || printf '%s\n' "$1" | grep -q -- "$TEST_FILTER" || return 1
    [ -z "$TEST_NAME" ] || [ "${1##*/}" = "$TEST_NAME" ] || return 1
}

# shell-quotes a value for the job files
q() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"; }

nj=0
# add_job GROUP LABEL KIND PATH
add_job() {
    nj=$((nj + 1))
    jd="$WORK/jobs/$(printf '%04d' $nj)"
    mkdir -p "$jd"
    {
        echo "group=$(q "$1")"
        echo "label=$(q "$2")"
        echo "kind=$(q "$3")"
        echo "path=$(q "$4")"
        echo "build=$(q "$build")"
        echo "build_abs=$(q "$BUILD_ABS")"
        echo "build_label=$(q "$build_label")"
        echo "build_index=$build_index"
        echo "asan=$asan"
        echo "unpriv=$(q "$UNPRIV")"
    } > "$jd/job"
    # the time of the last run of this program, to start the longest first;
    # without one (a fresh clone), a rough guess for the known long ones
    t=$(awk -v l="$2" '$1 == l { print $2 }' "$BUILD_ABS/.test-times" 2>/dev/null | tail -n 1)
    if [ -z "$t" ]; then
        case "$2" in
            test_faults|screenshot/*) t=100 ;;
            test_monkey|test_learning|valgrind/*) t=50 ;;
            test_crash|deploy/*|scenario/test_learning.py) t=25 ;;
            scenario/*) t=10 ;;
            *) t=1 ;;
        esac
        [ "$asan" = 1 ] && t=$((t * 3))
    fi
    echo "$t $jd" >> "$WORK/order"
}

mkdir -p "$WORK/jobs"
: > "$WORK/order"
: > "$WORK/missing"
build_index=0
for build in "$@"; do
    build_index=$((build_index + 1))
    build_label=$build
    if [ ! -d "$build" ]; then
        echo "not ok - build folder $build: does not exist (make BUILD=$build tests-bin)" >> "$WORK/missing"
        continue
    fi
    BUILD_ABS=$(cd "$build" && pwd)
    asan=0
    if [ -f "$BUILD_ABS/verbeterbord" ] && grep -q __asan_init "$BUILD_ABS/verbeterbord" 2>/dev/null; then
        build_label="$build (ASan+UBSan)"
        asan=1
    fi
    if [ -n "$UNPRIV" ]; then
        ub="$UNPRIV/b/$build_index"
        mkdir -p "$ub"
        for f in verbeterbord locale tests tools; do
            [ -e "$BUILD_ABS/$f" ] && cp -R "$BUILD_ABS/$f" "$ub/"
        done
        if ls "$BUILD_ABS"/fuzz/replay_* >/dev/null 2>&1; then
            mkdir -p "$ub/fuzz" && cp "$BUILD_ABS"/fuzz/replay_* "$ub/fuzz/"
        fi
    fi

    # unit tests: the C test binaries
    have=0
    for t in "$BUILD_ABS"/tests/test_*; do
        [ -f "$t" ] && [ -x "$t" ] || continue
        have=1
        wanted "$t" || continue
        add_job unit "$(basename "$t")" bin "$t"
    done
    if [ $have -eq 0 ]; then
        echo "not ok - unit tests: no test binary in $build/tests (make BUILD=$build tests-bin)" >> "$WORK/missing"
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
        # valgrind and ASan do not mix; the screenshots do not depend on the
        # build (ASan runs the same drawing in the unit and scenario tests):
        # both run on the normal build only
        case "$d" in valgrind|screenshot) [ $asan -eq 1 ] && continue ;; esac
        for f in tests/"$d"/test_*.py tests/"$d"/test_*.sh; do
            [ -f "$f" ] || continue
            wanted "$f" || continue
            case "$f" in *.py) k=py ;; *) k=sh ;; esac
            add_job "$d" "$d/$(basename "$f")" "$k" "$f"
        done
    done
done

if [ $nj -eq 0 ] && [ -n "$TEST_NAME$TEST_FILTER" ]; then
    echo "not ok - no test program matches${TEST_NAME:+ the name $TEST_NAME}${TEST_FILTER:+ the filter $TEST_FILTER}" >> "$WORK/missing"
fi

echo "# $nj test programs over $# build folder(s), $JOBS at once${UNPRIV:+; as root: checks that skip for root run again as nobody}"
cat "$WORK/missing"
suite_t0=$(now)
: > "$WORK/jobs/print.lock"
if [ $nj -gt 0 ]; then
    # the longest first (by the last run's times), so the end is not one long program alone
    sort -k1,1 -g -r -s "$WORK/order" | cut -d' ' -f2- |
        tr '\n' '\0' | xargs -0 -n 1 -P "$JOBS" sh "$ROOT/tests/run.sh" --job
fi
suite_t1=$(now)

# ---- the totals -------------------------------------------------------------------

total_pass=0
total_fail=$(grep -c '^not ok ' "$WORK/missing")
total_skip=0
failures="$WORK/failures.txt"
cat "$WORK/missing" > "$failures"
: > "$WORK/groups"
for jd in "$WORK"/jobs/*/; do
    [ -f "$jd/job" ] || continue
    jd=${jd%/}
    # shellcheck disable=SC1091
    . "$jd/job"
    if [ ! -f "$jd/result" ]; then
        echo "not ok - $label ($build_label): did not run" | tee -a "$failures"
        total_fail=$((total_fail + 1))
        continue
    fi
    read -r p f s secs t0 t1 < "$jd/result"
    total_pass=$((total_pass + p))
    total_fail=$((total_fail + f))
    total_skip=$((total_skip + s))
    [ "$f" -gt 0 ] && grep '^not ok ' "$jd/checks" | sed "s|^|[$label, $build_label] |" >> "$failures"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$group" "$build_label" "$p" "$f" "$s" "$secs" "$t0" "$t1" >> "$WORK/groups"
    echo "$label $secs" >> "$WORK/times-$build_index"
done
# keep this run's times for the next run's order
i=0
for build in "$@"; do
    i=$((i + 1))
    [ -f "$WORK/times-$i" ] && [ -d "$build" ] && cp "$WORK/times-$i" "$build/.test-times" 2>/dev/null
done

echo
echo "# ===== summary ====="
# per group and build: checks, the wall time from its first start to its
# last end, and the sum of its programs' times
awk -F '\t' '
    { k = $1 "\t" $2
      if (!(k in p)) { order[++n] = k; s0[k] = $7; e1[k] = $8 }
      p[k] += $3; f[k] += $4; s[k] += $5; sum[k] += $6; progs[k]++
      if ($7 < s0[k]) s0[k] = $7
      if ($8 > e1[k]) e1[k] = $8 }
    END { for (i = 1; i <= n; i++) { k = order[i]; split(k, a, "\t")
          printf "# %-12s %-24s %3d programs %5d passed %4d failed %4d skipped %7.1f s (programs: %.1f s)\n",
                 a[1], a[2], progs[k], p[k], f[k], s[k], e1[k] - s0[k], sum[k] } }' "$WORK/groups"
echo "# total time $(elapsed "$suite_t0" "$suite_t1") s with $JOBS programs at once"
if [ -n "${VB_MAKE_T0:-}" ]; then
    # make test: building and testing
    echo "# make test took $(elapsed "$VB_MAKE_T0" "$(now)") s, building included"
fi
if [ -s "$failures" ]; then
    echo "# failed checks:"
    sed 's/^/#   /' "$failures"
fi
echo "$total_pass passed, $total_fail failed, $total_skip skipped"
[ "$total_fail" -eq 0 ]

#!/bin/sh
# bench.sh: prints the kiosk's benchmark figures (make bench). No assertions.
#
#   sh tests/bench.sh [BUILD_DIR]        (default: build)
#
#   (a) start-up: wall time from process start to the first presented frame
#       (verbeterbord --exit-after-first-frame, demo database, 1920x1080
#       window under Xvfb), median and p99 over BENCH_STARTS runs (30),
#       measured in alternating runs with the floor ($BUILD/tools/floor: a
#       bare SDL2 + SDL2_ttf program that opens the same window, renders one
#       line of text and presents it) and with `--screenshot` (no display),
#       each printed with its ratio to the floor (median of the per-pair
#       ratios); and memory: the proportional set size (PSS) of the kiosk
#       on home 2 s after its first frame and of the floor holding its
#       frame, with where the kiosk's extra goes (its mappings grouped);
#   (b) render: time to build and render the home screen at 1920x1080 with
#       the demo data, median and p99 over BENCH_FRAMES frames (500), and the
#       text cache size ($BUILD/tools/bench_render, in memory);
#   (c) idle: CPU time and wake-ups (context switches) of the kiosk sitting
#       on home, fullscreen under Xvfb, over BENCH_IDLE_S seconds (20);
#   (d) tap on Save to "saved": the real app in process (SDL's dummy
#       driver), the learning-point form filled through injected taps and
#       text, from the injected release on Save to the presented frame that
#       shows the receipt, median and p99 over BENCH_SAVES saves (200)
#       ($BUILD/tools/bench_save, demo database, 1920x1080);
#   (e) the same save while another connection holds the write lock for
#       1 s, and while every sync takes 200 ms: the worst frame time (the
#       longest the kiosk went without looking at the input) and the
#       frames of the waiting screen (bench_save, after (d)).
# Xvfb is started here on a free display and stopped at the end.
set -u

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-build}
BUILD=$(cd "$BUILD" 2>/dev/null && pwd) || { echo "bench: no build folder ${1:-build}" >&2; exit 1; }
BIN="$BUILD/verbeterbord"
RENDER="$BUILD/tools/bench_render"
SAVE="$BUILD/tools/bench_save"
FLOOR="$BUILD/tools/floor"
SAVES=${BENCH_SAVES:-200}
STARTS=${BENCH_STARTS:-30}
FRAMES=${BENCH_FRAMES:-500}
IDLE_S=${BENCH_IDLE_S:-20}
for f in "$BIN" "$RENDER" "$SAVE" "$FLOOR"; do
    [ -x "$f" ] || { echo "bench: $f is missing (make BUILD=$BUILD tests-bin)" >&2; exit 1; }
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/vbbench-XXXXXX") || exit 1
XVFB_PID=""
cleanup() {
    [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null && wait "$XVFB_PID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$WORK/home" "$WORK/runtime"
chmod 700 "$WORK/runtime"
export HOME="$WORK/home" XDG_RUNTIME_DIR="$WORK/runtime" XDG_DATA_HOME="$WORK/home/data"
export XDG_CONFIG_HOME="$WORK/home/config" XDG_CACHE_HOME="$WORK/home/cache"
export TZ=${TZ:-UTC0}
unset ASAN_OPTIONS LSAN_OPTIONS 2>/dev/null || true

echo "# Verbeterbord benchmarks: $BIN"
echo "# machine: $(nproc 2>/dev/null || echo '?') cores, $(uname -sm)"
if grep -q __asan_init "$BIN" 2>/dev/null; then
    echo "# NOTE: this is an ASan build; its figures are not representative"
fi

# A demo database to copy: filled once, with no display needed.
SDL_VIDEODRIVER=dummy "$BIN" --config "$WORK/none.conf" --db "$WORK/demo.db" --demo \
    --screenshot "$WORK/warmup.png" >/dev/null 2>"$WORK/demo.err" ||
    { echo "bench: cannot make the demo database:"; cat "$WORK/demo.err"; exit 1; }

# ---- Xvfb on a free display ----
start_xvfb() {
    if ! command -v Xvfb >/dev/null 2>&1; then
        echo "# Xvfb is not installed (make deps): start-up and idle figures are skipped"
        return 1
    fi
    n=91
    while [ $n -lt 160 ]; do
        if [ ! -e "/tmp/.X$n-lock" ] && [ ! -e "/tmp/.X11-unix/X$n" ]; then
            Xvfb ":$n" -screen 0 1920x1080x24 -nolisten tcp -noreset >"$WORK/xvfb.log" 2>&1 &
            XVFB_PID=$!
            i=0
            while [ $i -lt 100 ]; do
                if [ -e "/tmp/.X11-unix/X$n" ]; then
                    DISPLAY=":$n"
                    export DISPLAY
                    return 0
                fi
                kill -0 "$XVFB_PID" 2>/dev/null || break
                sleep 0.1
                i=$((i + 1))
            done
            kill "$XVFB_PID" 2>/dev/null
            wait "$XVFB_PID" 2>/dev/null
            XVFB_PID=""
        fi
        n=$((n + 1))
    done
    echo "# could not start Xvfb (see below): start-up and idle figures are skipped"
    cat "$WORK/xvfb.log" 2>/dev/null | sed 's/^/#   /'
    return 1
}

have_x=0
if start_xvfb; then
    have_x=1
fi

# a copy of the demo database with its file of anonymous points (store_anon.h)
cpdb() { cp "$WORK/$1" "$WORK/$2" && cp "$WORK/$1-anon" "$WORK/$2-anon"; }

# ---- (b) render time, in memory ----
cpdb demo.db render.db
SDL_VIDEODRIVER=dummy "$RENDER" "$WORK/render.db" 1920x1080 "$FRAMES" home > "$WORK/render.txt" 2>"$WORK/render.err" ||
    { echo "# bench_render failed:"; sed 's/^/#   /' "$WORK/render.err"; }

# ---- (d) tap on Save to "saved", through the UI ----
cpdb demo.db save.db
SDL_VIDEODRIVER=dummy "$SAVE" "$WORK/save.db" 1920x1080 "$SAVES" > "$WORK/save.txt" 2>"$WORK/save.err" ||
    { echo "# bench_save failed:"; sed 's/^/#   /' "$WORK/save.err"; }

# ---- (a) start-up and (c) idle, under Xvfb, measured by a small Python helper ----
if [ $have_x -eq 1 ]; then
    cpdb demo.db start.db
    cpdb demo.db idle.db
    SDL_VIDEODRIVER=x11 python3 - "$BIN" "$WORK" "$STARTS" "$IDLE_S" "$FLOOR" > "$WORK/x.txt" 2>"$WORK/x.err" <<'PY'
import os, re, statistics, subprocess, sys, time

binary, work, starts, idle_s, floor = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
conf = os.path.join(work, "none.conf")

def pct(values, p):
    v = sorted(values)
    k = max(0, min(len(v) - 1, -(-len(v) * p // 100) - 1))  # nearest rank
    return v[int(k)]

# The kiosk's first frame, the floor's and a --screenshot, in turns whose
# order rotates, so that a busy moment of the shared machine falls on all
# three alike; the ratios are medians of the ratios within each turn.
runs = {
    "start": [binary, "--config", conf, "--db", os.path.join(work, "start.db"), "--demo",
              "--windowed", "1920x1080", "--exit-after-first-frame"],
    "floor": [floor, "--windowed", "1920x1080"],
    "shot": [binary, "--config", conf, "--db", os.path.join(work, "start.db"), "--windowed", "1920x1080",
             "--screenshot", os.path.join(work, "shot.png")],
}
shot_env = dict(os.environ, SDL_VIDEODRIVER="dummy")
times = {k: [] for k in runs}
turns, fails = [], 0
names = list(runs)
for i in range(starts):
    turn = {}
    for k in names[i % 3:] + names[:i % 3]:
        t0 = time.perf_counter()
        r = subprocess.run(runs[k], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           env=shot_env if k == "shot" else None)
        dt = (time.perf_counter() - t0) * 1000
        if r.returncode == 0:
            turn[k] = dt
            times[k].append(dt)
        else:
            fails += 1
            sys.stderr.write("%s: %s" % (k, r.stderr.decode(errors="replace")[-500:]))
    turns.append(turn)
for k, v in times.items():
    if v:
        print("%s_runs %d" % (k, len(v)))
        print("%s_median_ms %.1f" % (k, statistics.median(v)))
        print("%s_p99_ms %.1f" % (k, pct(v, 99)))
        print("%s_min_ms %.1f" % (k, min(v)))
def ratio(a, b):
    r = [t[a] / t[b] for t in turns if a in t and b in t]
    return statistics.median(r) if r else 0
print("start_floor_ratio %.2f" % ratio("start", "floor"))
print("shot_floor_ratio %.2f" % ratio("shot", "floor"))
print("shot_start_ratio %.2f" % ratio("shot", "start"))
print("start_failed %d" % fails)

# Memory: PSS of the floor holding its frame and of the kiosk on home 2 s
# after its first frame (quick_check and the warm-up done), each mapping
# put in a group; alternating, BENCH_MEM_RUNS (5) each.
def groups(pid):
    out, name = {}, None
    with open("/proc/%d/smaps" % pid) as f:
        for line in f:
            if re.match(r"^[0-9a-f]+-[0-9a-f]+ ", line):
                parts = line.split()
                path = parts[5] if len(parts) > 5 else ""
                base = os.path.basename(path)
                if base.startswith("lib") or base.startswith("ld-linux"):
                    name = "lib " + base.split(".so")[0]
                elif path.startswith("["):
                    name = path
                elif path.endswith(".ttf"):
                    name = "font files"
                elif path:
                    name = "other files" if not path.startswith("/SYSV") else "X11 shared memory"
                else:
                    name = "anonymous (malloc arenas, SDL surfaces)"
            elif line.startswith("Pss:") and name:
                out[name] = out.get(name, 0) + int(line.split()[1])
    return out

def wait_dump(path, timeout=20):
    end = time.monotonic() + timeout
    while time.monotonic() < end and not (os.path.exists(path) and os.path.getsize(path) > 0):
        time.sleep(0.01)

mem = {"kiosk": [], "floor": []}
for i in range(int(os.environ.get("BENCH_MEM_RUNS", "5"))):
    p = subprocess.Popen([floor, "--windowed", "1920x1080", "--hold"], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    if p.stdout.readline().strip() == b"presented":
        time.sleep(0.2)
        mem["floor"].append(groups(p.pid))
    p.stdin.close()
    p.wait(timeout=10)
    dump = os.path.join(work, "mem%d.jsonl" % i)
    p = subprocess.Popen([binary, "--config", conf, "--db", os.path.join(work, "start.db"), "--windowed", "1920x1080",
                          "--ui-dump", dump], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_dump(dump)
    time.sleep(2.0)
    if p.poll() is None:
        mem["kiosk"].append(groups(p.pid))
    p.terminate()
    p.wait(timeout=10)
def med_group(samples, g):
    return statistics.median([s.get(g, 0) for s in samples]) / 1024.0
if mem["kiosk"] and mem["floor"]:
    kt = statistics.median([sum(s.values()) for s in mem["kiosk"]]) / 1024.0
    ft = statistics.median([sum(s.values()) for s in mem["floor"]]) / 1024.0
    print("pss_kiosk_mib %.1f" % kt)
    print("pss_floor_mib %.1f" % ft)
    print("pss_ratio %.2f" % (kt / ft if ft else 0))
    names_all = set().union(*mem["kiosk"], *mem["floor"])
    extra = sorted(((med_group(mem["kiosk"], g) - med_group(mem["floor"], g), g) for g in names_all), reverse=True)
    for d, g in extra:
        if abs(d) >= 0.05:
            print("pss_part %+.2f %s" % (d, g.replace(" ", "~")))

# idle: the real kiosk, fullscreen, running clock, on home
dump = os.path.join(work, "idle.jsonl")
p = subprocess.Popen([binary, "--config", conf, "--db", os.path.join(work, "idle.db"), "--ui-dump", dump],
                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
end = time.monotonic() + 20
while time.monotonic() < end and p.poll() is None and not (os.path.exists(dump) and os.path.getsize(dump) > 0):
    time.sleep(0.05)
time.sleep(2.0)  # let start-up work (quick_check, first frames) finish

def sample(pid):
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    cpu = int(fields[11]) + int(fields[12])  # utime + stime, whole process
    vol = invol = 0
    threads = 0
    for tid in os.listdir("/proc/%d/task" % pid):
        try:
            with open("/proc/%d/task/%s/status" % (pid, tid)) as f:
                for line in f:
                    if line.startswith("voluntary_ctxt_switches"):
                        vol += int(line.split()[1])
                    elif line.startswith("nonvoluntary_ctxt_switches"):
                        invol += int(line.split()[1])
            threads += 1
        except OSError:
            pass
    with open("/proc/%d/status" % pid) as f:
        rss = next((int(l.split()[1]) for l in f if l.startswith("VmRSS")), 0)
    return cpu, vol, invol, threads, rss

if p.poll() is None:
    hz = os.sysconf("SC_CLK_TCK")
    c0, v0, i0, _, _ = sample(p.pid)
    t0 = time.monotonic()
    time.sleep(idle_s)
    c1, v1, i1, threads, rss = sample(p.pid)
    secs = time.monotonic() - t0
    p.terminate()
    try:
        rc = p.wait(timeout=10)
    except subprocess.TimeoutExpired:
        p.kill()
        rc = "killed"
    cpu_ms = (c1 - c0) * 1000.0 / hz
    print("idle_seconds %.1f" % secs)
    print("idle_cpu_ms %.0f" % cpu_ms)
    print("idle_cpu_percent %.3f" % (100.0 * cpu_ms / 1000.0 / secs))
    print("idle_wakeups_per_min %.1f" % ((v1 - v0) * 60.0 / secs))
    print("idle_involuntary_per_min %.1f" % ((i1 - i0) * 60.0 / secs))
    print("idle_threads %d" % threads)
    print("idle_rss_mib %.1f" % (rss / 1024.0))
    print("idle_exit %s" % rc)
else:
    sys.stderr.write("idle: the kiosk did not start: " + p.stderr.read().decode(errors="replace")[-500:])
PY
    [ -s "$WORK/x.err" ] && sed 's/^/# (x) /' "$WORK/x.err"
fi

val() { awk -v k="$1" '$1 == k { print $2 }' "$2" 2>/dev/null; }
row() { printf '%-52s %14s %s\n' "$1" "$2" "$3"; }

echo
row "measure" "value" "unit"
row "-------" "-----" "----"
if [ $have_x -eq 1 ] && [ -s "$WORK/x.txt" ]; then
    X="$WORK/x.txt"
    row "(a) start to first frame, median ($(val start_runs "$X") runs)" "$(val start_median_ms "$X")" "ms"
    row "(a) start to first frame, p99" "$(val start_p99_ms "$X")" "ms"
    row "(a) start to first frame, fastest" "$(val start_min_ms "$X")" "ms"
    row "(a) the floor (bare SDL2 + SDL2_ttf), median / p99" "$(val floor_median_ms "$X") / $(val floor_p99_ms "$X")" "ms"
    row "(a) kiosk's first frame / the floor's (goal <= 1.15)" "$(val start_floor_ratio "$X")" "x"
    row "(a) --screenshot 1920x1080, median / p99" "$(val shot_median_ms "$X") / $(val shot_p99_ms "$X")" "ms"
    row "(a) --screenshot / first frame (goal <= 1.3)" "$(val shot_start_ratio "$X")" "x"
    row "(a) PSS on home 2 s after the first frame / floor" "$(val pss_kiosk_mib "$X") / $(val pss_floor_mib "$X")" "MiB"
    row "(a) kiosk's PSS / the floor's" "$(val pss_ratio "$X")" "x"
    awk '$1 == "pss_part" { gsub("~", " ", $3); printf "%-52s %14s %s\n", "(a)   of which " $3, $2, "MiB" }' "$X"
    [ "$(val start_failed "$X")" != "0" ] && row "(a) runs that failed" "$(val start_failed "$X")" ""
else
    row "(a) start to first frame" "skipped" "(no Xvfb)"
fi
R="$WORK/render.txt"
if [ -s "$R" ]; then
    row "(b) render home 1920x1080, first frame (cold cache)" "$(val first_frame_ms "$R")" "ms"
    row "(b) render home 1920x1080, median ($(val frames "$R") frames)" "$(val median_ms "$R")" "ms"
    row "(b) render home 1920x1080, p99" "$(val p99_ms "$R")" "ms"
    row "(b) render home 1920x1080, mean / max" "$(val mean_ms "$R") / $(val max_ms "$R")" "ms"
    row "(b) elements / draw commands per frame" "$(val elements "$R") / $(val draw_commands "$R")" ""
    row "(b) text cache entries / capacity" "$(val text_cache_entries "$R") / $(val text_cache_capacity "$R")" "textures"
else
    row "(b) render" "failed" ""
fi
if [ $have_x -eq 1 ] && [ -n "$(val idle_cpu_ms "$WORK/x.txt")" ]; then
    X="$WORK/x.txt"
    row "(c) idle on home over $(val idle_seconds "$X") s: CPU time" "$(val idle_cpu_ms "$X")" "ms"
    row "(c) idle CPU use" "$(val idle_cpu_percent "$X")" "%"
    row "(c) idle wake-ups (voluntary switches, all threads)" "$(val idle_wakeups_per_min "$X")" "per minute"
    row "(c) idle involuntary switches" "$(val idle_involuntary_per_min "$X")" "per minute"
    row "(c) threads / resident memory" "$(val idle_threads "$X") / $(val idle_rss_mib "$X")" "MiB"
    row "(c) exit status after SIGTERM" "$(val idle_exit "$X")" ""
else
    row "(c) idle" "skipped" ""
fi
S="$WORK/save.txt"
if [ -s "$S" ]; then
    row "(d) tap on Save to \"saved\" shown, median ($(val saves "$S") saves)" "$(val median_ms "$S")" "ms"
    row "(d) tap on Save to \"saved\" shown, p90 / p99" "$(val p90_ms "$S") / $(val p99_ms "$S")" "ms"
    row "(d) tap on Save to \"saved\" shown, min / max" "$(val min_ms "$S") / $(val max_ms "$S")" "ms"
    row "(d) CPU time of it, median / p99" "$(val cpu_median_ms "$S") / $(val cpu_p99_ms "$S")" "ms"
else
    row "(d) tap on Save" "failed" ""
fi
if [ -n "$(val held_lock_save_ms "$S")" ]; then
    row "(e) save, write lock held $(val hold_ms "$S") ms: tap to \"saved\"" "$(val held_lock_save_ms "$S")" "ms"
    row "(e) ... worst frame time while it waited" "$(val held_lock_worst_frame_ms "$S")" "ms"
    row "(e) ... frames / looks at the input while it waited" "$(val held_lock_frames "$S") / $(val held_lock_looks "$S")" ""
fi
if [ -n "$(val slow_sync_save_ms "$S")" ]; then
    row "(e) save, every sync $(val slow_sync_ms "$S") ms: tap to \"saved\"" "$(val slow_sync_save_ms "$S")" "ms"
    row "(e) ... worst frame time while it waited" "$(val slow_sync_worst_frame_ms "$S")" "ms"
    row "(e) ... frames / looks at the input while it waited" "$(val slow_sync_frames "$S") / $(val slow_sync_looks "$S")" ""
fi

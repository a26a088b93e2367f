"""vbtest.py: what the scenario tests share (Python 3 standard library only).

The scenario tests run the REAL kiosk binary headless (SDL_VIDEODRIVER=dummy)
with a fixed clock, drive it with --script and read what it showed through
--ui-dump, then look into the SQLite database it left behind.

They follow the protocol of tests/testlib.h: one line per check, "ok - name"
or "not ok - name: reason", and a non-zero exit when a check failed.

    from vbtest import Suite, App
    t = Suite()
    app = App(t)                       # a private temp folder and database
    r = app.run(script=[{"tap": "home.ideas"}, {"tap": "bar.home"}])
    t.check(r.rc == 0, "script runs", r.why())
    t.check(r.screens()[-1] == "home", "back home")
    t.done()

The build folder comes from argv[1] (run.sh passes it), else $VB_BUILD, else
"build".

Taps as touch: on the panel, taps arrive as SDL finger events (mouse
emulation is off). With VB_TAP_AS=touch every {"tap": ...} of a script is
sent as {"touch": ...} and every drag by finger; run.sh's ASan build
(VB_ASAN=1) does this unless VB_TAP_AS=mouse, so the normal build runs the
whole suite by mouse and the ASan build the whole suite by touch.
"""
import atexit
import calendar
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

NOW = "2026-11-26T06:55"
NOW_S = calendar.timegm((2026, 11, 26, 6, 55, 0))  # TZ=UTC0 in the tests
WINDOW = "1024x600"
# The ASan build is several times slower; nothing here should take long.
RUN_TIMEOUT = float(os.environ.get("VB_RUN_TIMEOUT", "120"))


def tap_as():
    """"touch" or "mouse": how scripts send taps and drags (see the top)."""
    v = os.environ.get("VB_TAP_AS", "")
    if v in ("touch", "mouse"):
        return v
    return "touch" if os.environ.get("VB_ASAN") == "1" else "mouse"


def as_touch(step):
    """A script step with its tap as a touch and its drag by finger."""
    if isinstance(step, str):
        try:
            obj = json.loads(step)
        except ValueError:
            return step
        return json.dumps(as_touch(obj), ensure_ascii=False) if isinstance(obj, dict) and (
            "tap" in obj or "drag" in obj) else step
    if isinstance(step, dict):
        if "tap" in step:
            return {("touch" if k == "tap" else k): v for k, v in step.items()}
        if "drag" in step and "touch" not in step:
            return dict(step, touch=True)
    return step


def build_dir():
    if len(sys.argv) > 1 and sys.argv[1]:
        return os.path.abspath(sys.argv[1])
    return os.path.abspath(os.environ.get("VB_BUILD", "build"))


def binary():
    return os.path.join(build_dir(), "verbeterbord")


def connect(db, **kwargs):
    """A connection to the kiosk's database that sees every learning point,
    as the program does: anonymous points live in '<db>-anon', joined by the
    TEMP view the binary prints with --sql-views (kiosk/store/anon.c)."""
    con = sqlite3.connect(db, **kwargs)
    if os.path.exists(db + "-anon"):
        views = subprocess.run([binary(), "--db", db, "--sql-views"], capture_output=True, text=True,
                               timeout=30)
        if views.returncode != 0:
            con.close()
            raise RuntimeError("--sql-views (rc %d): %s" % (views.returncode, views.stderr))
        con.executescript(views.stdout)
    return con


class Suite:
    """Prints ok / not ok lines and remembers whether anything failed."""

    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.skipped = 0

    def ok(self, name):
        print("ok - %s" % name, flush=True)
        self.passed += 1

    def fail(self, name, reason="failed"):
        reason = " ".join(str(reason).split()) or "failed"
        if len(reason) > 600:
            reason = reason[:600] + "..."
        print("not ok - %s: %s" % (name, reason), flush=True)
        self.failed += 1

    def check(self, cond, name, reason="failed"):
        if cond:
            self.ok(name)
        else:
            self.fail(name, reason() if callable(reason) else reason)
        return bool(cond)

    def equal(self, actual, expected, name):
        return self.check(actual == expected, name, lambda: "got %r, expected %r" % (actual, expected))

    def skip(self, name, why):
        print("ok - %s # skip %s" % (name, why), flush=True)
        self.passed += 1
        self.skipped += 1

    def note(self, text):
        for line in str(text).splitlines():
            print("# " + line, flush=True)

    def done(self):
        print("# %d checks, %d failed, %d skipped" % (self.passed + self.failed, self.failed, self.skipped),
              flush=True)
        sys.exit(1 if self.failed else 0)


_TMP = None


def tmp_root():
    """One private temporary folder per test program, removed at exit."""
    global _TMP
    if _TMP is None:
        _TMP = tempfile.mkdtemp(prefix="vbscen-", dir=os.environ.get("TMPDIR") or None)
        if not os.environ.get("KEEP_TMP"):
            atexit.register(shutil.rmtree, _TMP, True)
    return _TMP


class Frame:
    """One change of the screen in the UI dump: every element with one seq."""

    def __init__(self, seq, screen):
        self.seq = seq
        self.screen = screen
        self.elements = []

    def find(self, element_id):
        for e in self.elements:
            if e.get("id") == element_id:
                return e
        return None

    def all(self, element_id):
        return [e for e in self.elements if e.get("id") == element_id]

    def ids(self):
        return [e.get("id") for e in self.elements]

    def text(self, prefix=""):
        """The labels of elements whose id starts with prefix, joined."""
        return "".join(e.get("label", "") for e in self.elements if str(e.get("id", "")).startswith(prefix))

    def __repr__(self):
        return "<frame %s %s: %s>" % (self.seq, self.screen, ", ".join(self.ids()))


def read_dump(path):
    """Returns (frames, lines, bad): frames grouped by seq, the parsed lines,
    and the lines that were not JSON objects."""
    frames, lines, bad = [], [], []
    if not os.path.exists(path):
        return frames, lines, bad
    with open(path, encoding="utf-8", errors="replace") as f:
        for raw in f:
            raw = raw.rstrip("\n")
            if not raw:
                continue
            try:
                obj = json.loads(raw)
            except ValueError:
                bad.append(raw)
                continue
            if not isinstance(obj, dict):
                bad.append(raw)
                continue
            lines.append(obj)
            if not frames or frames[-1].seq != obj.get("seq"):
                frames.append(Frame(obj.get("seq"), obj.get("screen")))
            frames[-1].elements.append(obj)
    return frames, lines, bad


class Result:
    def __init__(self, rc, stdout, stderr, dump_path, seconds):
        self.rc = rc
        self.stdout = stdout
        self.stderr = stderr
        self.dump_path = dump_path
        self.seconds = seconds
        self.frames, self.lines, self.bad_lines = read_dump(dump_path) if dump_path else ([], [], [])

    def screens(self):
        """The screen of each frame, in order."""
        return [f.screen for f in self.frames]

    def last(self):
        return self.frames[-1] if self.frames else Frame(None, None)

    def first_frame_on(self, screen):
        for f in self.frames:
            if f.screen == screen:
                return f
        return None

    def why(self):
        """A short explanation for a failed check."""
        report = sanitizer_report(self.stderr)
        err = report or " ".join(self.stderr.strip().splitlines()[-3:])
        return "exit %s, screens %s, stderr: %s" % (self.rc, _squeeze(self.screens()), err or "(none)")


SANITIZER_SIGNS = ("ERROR: AddressSanitizer", "ERROR: LeakSanitizer", "runtime error:",
                   "SUMMARY: UndefinedBehaviorSanitizer", "SUMMARY: AddressSanitizer")


def sanitizer_report(stderr):
    """The gist of an ASan/LSan/UBSan report in stderr ('' when none): the
    error line, the first stack frames and the summary."""
    if not any(s in stderr for s in SANITIZER_SIGNS):
        return ""
    keep = []
    frames = 0
    for line in stderr.splitlines():
        ls = line.strip()
        if any(s in ls for s in SANITIZER_SIGNS) or ls.startswith("SUMMARY:"):
            keep.append(ls)
            frames = 0
        elif ls.startswith("#") and frames < 6 and keep:
            keep.append(ls)
            frames += 1
    return " | ".join(keep)[:1500]


def _squeeze(seq):
    out = []
    for s in seq:
        if not out or out[-1] != s:
            out.append(s)
    return out


class App:
    """The kiosk binary with a private folder, database and device config."""

    counter = 0

    def __init__(self, suite, db=None, window=WINDOW, now=NOW, fixed=True):
        App.counter += 1
        self.t = suite
        self.dir = os.path.join(tmp_root(), "app%d" % App.counter)
        os.makedirs(self.dir, exist_ok=True)
        self.db = db or os.path.join(self.dir, "verbeterbord.db")
        self.window = window
        self.now = now
        self.fixed = fixed
        self.runs = 0

    def args(self, extra=(), script_path=None, dump_path=None, base=True):
        a = [binary()]
        if base:
            a += ["--config", os.path.join(self.dir, "no-device.conf"), "--db", self.db]
            if self.window:
                a += ["--windowed", self.window]
            if self.now:
                a += ["--now", self.now]
            if self.fixed:
                a += ["--clock", "fixed"]
        if script_path:
            a += ["--script", script_path]
        if dump_path:
            a += ["--ui-dump", dump_path]
        return a + list(extra)

    def write_script(self, steps):
        self.runs += 1
        path = os.path.join(self.dir, "script%d.jsonl" % self.runs)
        if tap_as() == "touch":
            steps = [as_touch(s) for s in steps]
        with open(path, "w", encoding="utf-8") as f:
            for s in steps:
                f.write((s if isinstance(s, str) else json.dumps(s, ensure_ascii=False)) + "\n")
        return path

    def run(self, script=None, extra=(), dump=True, base=True, env=None, timeout=RUN_TIMEOUT):
        """Runs the app to its end. script: a list of actions (dicts or raw
        lines), or None for no --script (then it must quit by itself)."""
        self.runs += 1
        script_path = self.write_script(script) if script is not None else None
        dump_path = os.path.join(self.dir, "dump%d.jsonl" % self.runs) if dump else None
        cmd = self.args(extra, script_path, dump_path, base)
        t0 = time.monotonic()
        try:
            p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               timeout=timeout, env=env)
            rc, out, err = p.returncode, p.stdout, p.stderr
        except subprocess.TimeoutExpired as e:
            rc, out, err = "timeout", e.stdout or b"", (e.stderr or b"") + b"\n(timed out)"
        result = Result(rc, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"), dump_path,
                        time.monotonic() - t0)
        self.check_stderr(result.stderr, " ".join(os.path.basename(a) for a in cmd[1:] if a.startswith("--")))
        return result

    def check_stderr(self, stderr, what):
        """Every run is also a check that no sanitizer (ASan build) spoke up;
        a clean run adds no line, a report adds a "not ok"."""
        report = sanitizer_report(stderr)
        if report:
            self.t.fail("sanitizer report from verbeterbord %s" % what, report)
        return not report

    def start(self, extra=(), script_stdin=False, env=None):
        """Starts the app in the background; returns (Popen, dump path)."""
        self.runs += 1
        dump_path = os.path.join(self.dir, "dump%d.jsonl" % self.runs)
        cmd = self.args(extra, "-" if script_stdin else None, dump_path)
        p = subprocess.Popen(cmd, stdin=subprocess.PIPE if script_stdin else subprocess.DEVNULL,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        return p, dump_path

    def sql(self, query, params=()):
        """Runs one query on the database with a fresh connection."""
        con = connect(self.db)
        try:
            cur = con.execute(query, params)
            rows = cur.fetchall()
            con.commit()
            return rows
        finally:
            con.close()

    def scalar(self, query, params=()):
        rows = self.sql(query, params)
        return rows[0][0] if rows else None


def wait_for(predicate, timeout=20.0, step=0.05):
    """Polls predicate() until it is true or the time is up."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    return predicate()


def dump_shows(dump_path, screen):
    frames, _, _ = read_dump(dump_path)
    return bool(frames) and frames[-1].screen == screen


def file_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def png_size(path):
    """(width, height) of a PNG file, or None when it is not a PNG."""
    try:
        with open(path, "rb") as f:
            head = f.read(24)
    except OSError:
        return None
    if len(head) < 24 or head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        return None
    return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")


def stop(p, sig=signal.SIGTERM, timeout=10):
    """Sends sig and waits; returns the exit code or None if it hung (then kills)."""
    if p.poll() is None:
        p.send_signal(sig)
    try:
        return p.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        p.kill()
        p.wait()
        return None


class Kiosk:
    """The kiosk running, fed one script line at a time."""

    def __init__(self, app):
        self.p, self.dump = app.start(script_stdin=True)

    def send(self, *steps):
        """Sends script lines (taps as touches, as App.run, when VB_TAP_AS says so)."""
        if tap_as() == "touch":
            steps = [as_touch(s) for s in steps]
        for s in steps:
            self.p.stdin.write((json.dumps(s, ensure_ascii=False) + "\n").encode())
        self.p.stdin.flush()

    def frame(self):
        frames, _, _ = read_dump(self.dump)
        return frames[-1] if frames else None

    def shows(self, element_id, timeout=30):
        return wait_for(lambda: self.frame() is not None and self.frame().find(element_id) is not None,
                        timeout=timeout)

    def label(self, element_id):
        f = self.frame()
        e = f.find(element_id) if f else None
        return e["label"] if e else ""

    def quit(self):
        self.send({"quit": True})
        self.p.stdin.close()
        rc = self.p.wait(timeout=60)
        self.p.stdout.close()
        self.p.stderr.close()
        return rc

    def why(self):
        return self.p.stderr.read().decode("utf-8", "replace") if self.p.poll() is not None else "still running"

    def kill(self):
        if self.p.poll() is None:
            stop(self.p)
        for f in (self.p.stdin, self.p.stdout, self.p.stderr):
            try:
                f.close()
            except OSError:
                pass


HOLDER = r"""
import sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.executescript(sys.stdin.readline().replace("\\n", "\n"))
if sys.argv[2] == "write":
    con.execute("BEGIN IMMEDIATE")
else:
    con.execute("BEGIN")
    con.execute("SELECT count(*) FROM learning_point").fetchall()
    con.execute("SELECT count(*) FROM vote").fetchall()
print("held", flush=True)
sys.stdin.readline()
con.execute("COMMIT")
con.close()
"""


class Holder:
    """Another program (the wall, a backup, a sqlite3 shell) holding a read
    snapshot of both files, or with write=True the write lock of both
    (BEGIN IMMEDIATE), until let go."""

    def __init__(self, db, write=False):
        views = subprocess.run([binary(), "--db", db, "--sql-views"], capture_output=True, text=True,
                               timeout=30).stdout
        self.p = subprocess.Popen([sys.executable, "-c", HOLDER, db, "write" if write else "read"],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.p.stdin.write(views.replace("\n", "\\n") + "\n")
        self.p.stdin.flush()
        self.held = self.p.stdout.readline().strip() == "held"

    def release(self):
        if self.p.poll() is None:
            self.p.stdin.write("\n")
            self.p.stdin.flush()
            self.p.wait(timeout=30)
        self.p.stdin.close()
        self.p.stdout.close()

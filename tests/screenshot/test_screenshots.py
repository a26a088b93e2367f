#!/usr/bin/env python3
"""test_screenshots.py: renders every shot listed in tests/ref/shots.txt with
--screenshot (software renderer, no display, demo data, fixed clock) and
compares it with its reference PNG through $BUILD/tools/imgdiff, which
allows small rendering differences. On a mismatch the actual image is left
next to the reference as <ref>.actual.png (and <ref>.diff.png shows where).
With UPDATE_REFS=1 the references are written instead."""
import os
import shlex
import shutil
import sqlite3
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scenario"))
from vbtest import NOW, RUN_TIMEOUT, Suite, build_dir, png_size, tmp_root  # noqa: E402

REF_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "ref")
SHOTS = os.path.join(REF_DIR, "shots.txt")

t = Suite()
update = os.environ.get("UPDATE_REFS") == "1"
verbeterbord = os.path.join(build_dir(), "verbeterbord")
imgdiff = os.path.join(build_dir(), "tools", "imgdiff")
env = dict(os.environ)
for k in ("DISPLAY", "WAYLAND_DISPLAY"):
    env.pop(k, None)


def run(cmd):
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, timeout=RUN_TIMEOUT)
        return p.returncode, p.stdout.decode(errors="replace") + p.stderr.decode(errors="replace")
    except subprocess.TimeoutExpired:
        return "timeout", "timed out"


shots = []
with open(SHOTS, encoding="utf-8") as f:
    for n, line in enumerate(f, 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = shlex.split(line)
        if len(parts) < 4 or "x" not in parts[2]:
            t.fail("shots.txt line %d" % n, "expected 'name screen WxH lang [args]': %r" % line)
            continue
        shots.append((parts[0], parts[1], parts[2], parts[3], parts[4:]))
t.check(shots, "shots.txt lists screenshots")

for i, (name, screen, size, lang, extra) in enumerate(shots):
    label = "screenshot %s-%s-%s" % (name, size, lang)
    ref = os.path.join(REF_DIR, "%s-%s-%s.png" % (name, size, lang))
    work = os.path.join(tmp_root(), "shot%d" % i)
    os.makedirs(work)
    db = os.path.join(work, "demo.db")
    out = os.path.join(work, "actual.png")
    base = [verbeterbord, "--config", os.path.join(work, "none.conf"), "--db", db, "--demo", "--now", NOW,
            "--clock", "fixed", "--windowed", size]
    if lang != "nl":
        # the language is a team setting: make the database, then set it
        rc, msg = run(base + ["--screenshot", os.path.join(work, "first.png")])
        try:
            con = sqlite3.connect(db)
            con.execute("UPDATE setting SET value = ? WHERE key = 'language'", (lang,))
            con.commit()
            con.close()
        except sqlite3.Error as e:
            t.fail(label, "cannot set the language %s: %s" % (lang, e))
            continue
    rc, msg = run(base + ["--screen", screen, "--screenshot", out] + extra)
    w, h = (int(v) for v in size.split("x"))
    if not t.check(rc == 0 and png_size(out) == (w, h), label + ": rendered",
                   "exit %s, size %s: %s" % (rc, png_size(out), msg.strip()[-300:])):
        continue
    if update:
        shutil.copyfile(out, ref)
        for stale in (ref + ".actual.png", ref + ".diff.png"):
            if os.path.exists(stale):
                os.remove(stale)
        t.ok(label + ": reference written")
        continue
    if not os.path.exists(ref):
        shutil.copyfile(out, ref + ".actual.png")
        t.fail(label + ": matches the reference",
               "no reference %s (look at %s.actual.png, then run make update-refs)" % (os.path.basename(ref),
                                                                                      os.path.basename(ref)))
        continue
    rc, msg = run([imgdiff, ref, out])
    t.check(rc == 0, label + ": matches the reference", msg.strip().replace("\n", "; "))
    if rc == 0:
        for stale in (ref + ".actual.png", ref + ".diff.png"):
            if os.path.exists(stale):
                os.remove(stale)
t.done()

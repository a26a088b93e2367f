#!/usr/bin/env python3
"""test_missing_assets.py: a missing font fails with a message naming the
file; missing translation catalogs fall back to English with a message."""
import os
import shutil

from vbtest import App, Suite, binary

t = Suite()
app = App(t)
r = app.run(script=[{"quit": True}], extra=["--demo"])
t.equal(r.rc, 0, "a demo database is made")

missing = os.path.join(app.dir, "geen-lettertype.ttf")
r = app.run(script=[{"quit": True}], extra=["--font", missing])
t.check(r.rc == 1 and missing in r.stderr, "a missing --font exits 1 naming the file", r.why)
t.check("Traceback" not in r.stderr and "Segmentation" not in r.stderr and not r.frames,
        "... without a crash and without showing anything")
env = dict(os.environ, VERBETERBORD_FONT=missing)
r = app.run(script=[{"quit": True}], env=env)
t.check(r.rc == 1 and missing in r.stderr, "a missing font from the environment names the file too", r.why)
bad = os.path.join(app.dir, "kapot.ttf")
with open(bad, "wb") as f:
    f.write(b"dit is geen lettertype" * 10)
r = app.run(script=[{"quit": True}], extra=["--font", bad])
t.check(r.rc == 1 and bad in r.stderr, "a file that is not a font fails with a message naming it", r.why)

# the binary without its catalogs next to it: English, and it says so
lonely = os.path.join(app.dir, "bin")
os.makedirs(lonely)
shutil.copy2(binary(), os.path.join(lonely, "verbeterbord"))
cmd = app.args([], None, None)
cmd[0] = os.path.join(lonely, "verbeterbord")
import subprocess
dump = os.path.join(app.dir, "lonely.jsonl")
p = subprocess.run(cmd + ["--script", app.write_script([{"quit": True}]), "--ui-dump", dump],
                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
err = p.stderr.decode(errors="replace")
text = open(dump, encoding="utf-8").read() if os.path.exists(dump) else ""
if os.path.exists("/usr/share/locale/nl/LC_MESSAGES/verbeterbord.mo"):
    t.skip("without catalogs the kiosk shows English", "catalogs are installed system-wide")
else:
    t.check(p.returncode == 0 and "Log a learning point" in text, "without catalogs the kiosk shows English",
            lambda: "exit %s, %s" % (p.returncode, err[-300:]))
    t.check("translation" in err and "English" in err, "... and says on stderr which folder it looked in",
            lambda: err[-300:])

# a cut-off catalog (e.g. a half-written update) must not crash gettext: English instead
damaged = os.path.join(app.dir, "damaged")
os.makedirs(os.path.join(damaged, "locale", "nl", "LC_MESSAGES"))
shutil.copy2(binary(), os.path.join(damaged, "verbeterbord"))
good_mo = os.path.join(os.path.dirname(binary()), "locale", "nl", "LC_MESSAGES", "verbeterbord.mo")
with open(good_mo, "rb") as f:
    head = f.read(200)
with open(os.path.join(damaged, "locale", "nl", "LC_MESSAGES", "verbeterbord.mo"), "wb") as f:
    f.write(head)
cmd[0] = os.path.join(damaged, "verbeterbord")
dump = os.path.join(app.dir, "damaged.jsonl")
p = subprocess.run(cmd + ["--script", app.write_script([{"tap": "home.ideas"}, {"tap": "bar.home"}]),
                          "--ui-dump", dump], stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
err = p.stderr.decode(errors="replace")
text = open(dump, encoding="utf-8").read() if os.path.exists(dump) else ""
t.check(p.returncode == 0 and "Log a learning point" in text, "a damaged catalog: no crash, English is shown",
        lambda: "exit %s, %s" % (p.returncode, err[-300:]))
t.check("damaged" in err, "... and stderr names the damaged catalog", lambda: err[-300:])
t.done()

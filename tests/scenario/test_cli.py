#!/usr/bin/env python3
"""test_cli.py: the command line: --help lists everything and exits 0, bad
options fail with a message, and a failing script step exits 2 naming the
line."""
from vbtest import App, Suite

t = Suite()
app = App(t)

r = app.run(extra=["--help"], base=False, dump=False)
t.equal(r.rc, 0, "--help exits 0")
for opt in ("--db", "--windowed", "--desk", "--demo", "--now", "--clock", "--script", "--ui-dump", "--screenshot",
            "--screen", "--panel-mm", "--help"):
    t.check(opt in r.stdout, "--help lists %s" % opt)
t.check("home" in r.stdout and "dbfail" in r.stdout, "--help lists the screens")

for args, name in [(["--no-such-option"], "an unknown option"), (["--windowed", "big"], "a bad --windowed"),
                   (["--now", "yesterday"], "a bad --now"), (["--clock", "slow"], "a bad --clock"),
                   (["--screen", "nowhere"], "an unknown --screen"), (["extra"], "a stray argument"),
                   (["--panel-mm", "5"], "a bad --panel-mm")]:
    r = app.run(script=[], extra=args)
    t.check(r.rc == 1 and r.stderr.strip(), "%s exits 1 with a message" % name, r.why)
    t.check(not r.frames, "%s: nothing is shown" % name, r.why)

for bad in ("9999-12-31T23:59", "2100-01-01T00:00", "1999-12-31T23:59"):
    r = app.run(script=[], extra=["--now", bad])
    t.check(r.rc == 1 and "2000" in r.stderr and "2099" in r.stderr and bad in r.stderr,
            "--now %s is refused naming the years 2000 to 2099" % bad, r.why)
    t.check(not r.frames, "--now %s: nothing is shown" % bad, r.why)
r = app.run(script=[], extra=["--now", "2099-12-31T23:59"])
t.equal(r.rc, 0, "--now 2099-12-31T23:59 is accepted")

conf = app.dir + "/bad.conf"
with open(conf, "w") as f:
    f.write("panel_mm = 344\nkleur = rood\n")
r = app.run(script=[], extra=["--config", conf])
t.check(r.rc == 1 and "line 2" in r.stderr, "a bad device config exits 1 naming the line", r.why)
with open(conf, "w") as f:
    f.write("panel_mm = 476\n")
r = app.run(script=[], extra=["--config", conf])
t.equal(r.rc, 0, "a good device config is read")

r = app.run(script=[{"tap": "home.ideas"}, {"tap": "no.such.button"}, {"tap": "bar.home"}])
t.equal(r.rc, 2, "a tap on a missing element exits 2")
t.check("line 2" in r.stderr and "no.such.button" in r.stderr, "... and the message names the line and the id",
        r.why)
t.check(r.screens()[-1:] == ["ideas"], "... and the steps after it do not run", r.why)

r = app.run(script=['{"tap": "home.ideas"}', "", "# a comment", "{not json"])
t.check(r.rc == 2 and "line 4" in r.stderr, "bad JSON exits 2 naming the line (blank lines and comments count)",
        r.why)
# lines of any length: a 10 kB action, a 10 kB comment, 10 kB of text to type
long_tap = {"tap": "home.ideas", "note": "x" * 10000}
r = app.run(script=["# " + "c" * 10000, long_tap, {"type": "y" * 10000}, {"tap": "bar.home"}])
t.check(r.rc == 0 and "ideas" in r.screens() and r.screens()[-1] == "home",
        "a 10 kB script line, a 10 kB comment and a 10 kB type are read whole", r.why)
r = app.run(script=[{"tap": "home.ideas"}, {"tap": "no.such.button", "note": "z" * 20000}])
t.check(r.rc == 2 and "line 2" in r.stderr, "a 20 kB line still counts as one line in messages", r.why)
r = app.run(script=[{"jump": 3}])
t.check(r.rc == 2 and "line 1" in r.stderr, "an unknown action exits 2 naming the line", r.why)
r = app.run(script=[{"key": "NoSuchKey"}])
t.check(r.rc == 2 and "line 1" in r.stderr, "an unknown key name exits 2 naming the line", r.why)
r = app.run(script=[{"advance": -5}])
t.check(r.rc == 2, "a negative advance exits 2", r.why)
r = app.run(script=[{"quit": True}, {"tap": "home.ideas"}])
t.check(r.rc == 0 and "ideas" not in r.screens(), "quit ends the script there", r.why)
r = app.run(extra=["--script", app.dir + "/missing.jsonl"])
t.check(r.rc != 0 and "missing.jsonl" in r.stderr, "a missing script file fails with its name", r.why)
t.done()

#!/usr/bin/env python3
"""test_dbfail.py: when the database cannot be used the kiosk shows the
failure screen with what is wrong and where, leaves the file alone, and
carries on by itself once the cause is gone."""
import json
import os

from vbtest import App, Suite, dump_shows, file_bytes, read_dump, stop, wait_for

t = Suite()

# a missing folder, created while the kiosk runs
app = App(t)
folder = os.path.join(app.dir, "data-disk")
app.db = os.path.join(folder, "verbeterbord.db")
p, dump = app.start(script_stdin=True)
shown = wait_for(lambda: dump_shows(dump, "dbfail") or p.poll() is not None, timeout=30)
if t.check(shown and p.poll() is None, "missing folder: the failure screen is shown",
           lambda: "exit %s" % p.poll()):
    frames, _, _ = read_dump(dump)
    text = frames[-1].text("dbfail.")
    t.check(app.db in text, "missing folder: the screen names the database path", lambda: "text %r" % text)
    t.check(frames[-1].find("dbfail.retry") is not None, "missing folder: a retry button")
    t.check(frames[-1].find("bar.home") is None, "missing folder: no way into the other screens")
    os.makedirs(folder)
    p.stdin.write((json.dumps({"advance": 6}) + "\n").encode())
    p.stdin.flush()
    home = wait_for(lambda: dump_shows(dump, "home") or p.poll() is not None, timeout=30)
    t.check(home and p.poll() is None, "missing folder: after the folder appears and 6 s pass, home is shown",
            lambda: "screens %s" % [f.screen for f in read_dump(dump)[0]][-3:])
    t.check(os.path.exists(app.db), "missing folder: the database was created")
    p.stdin.close()
    rc = stop(p, timeout=30) if p.poll() is None else p.returncode
    t.equal(rc, 0, "missing folder: the script ends cleanly")
    app.check_stderr(p.stderr.read().decode(errors="replace"), "with a folder that appears")
else:
    stop(p)

# the retry button also works, before the 5 s are up
app = App(t)
folder = os.path.join(app.dir, "later")
app.db = os.path.join(folder, "verbeterbord.db")
r = app.run(script=[{"tap": "dbfail.retry"}])
t.check(r.screens()[-1:] == ["dbfail"], "retry button: still failing while the folder is missing", r.why)


def refused_unchanged(label, path, app):
    before = file_bytes(path)
    r = app.run(script=[{"advance": 6}, {"tap": "dbfail.retry"}])
    t.check(r.rc == 0 and r.screens() and set(r.screens()) == {"dbfail"}, "%s: only the failure screen" % label,
            r.why)
    text = r.last().text("dbfail.")
    t.check(path in text, "%s: the screen names the file" % label, lambda: "text %r" % text)
    t.check(file_bytes(path) == before, "%s: the file is unchanged" % label)
    t.check(not os.path.exists(path + "-wal"), "%s: no -wal file left" % label)
    baks = [f for f in os.listdir(os.path.dirname(path)) if f.startswith(os.path.basename(path) + ".v")]
    t.equal(baks, [], "%s: no backup made" % label)


# a database made by a newer version
app = App(t)
app.run(script=[])
app.sql("PRAGMA user_version = 99")
t.equal(app.scalar("PRAGMA user_version"), 99, "newer schema: prepared a database of version 99")
refused_unchanged("newer schema", app.db, app)

# a file that is not a database
app = App(t)
with open(app.db, "wb") as f:
    f.write(b"Dit is geen database maar een boodschappenlijst.\n" * 100)
refused_unchanged("not a database", app.db, app)

# a read-only database file (root may write anyway)
if os.geteuid() == 0:
    t.skip("read-only file: the failure screen is shown", "root")
else:
    app = App(t)
    app.run(script=[])
    os.chmod(app.db, 0o444)
    r = app.run(script=[])
    t.check(r.screens()[-1:] == ["dbfail"], "read-only file: the failure screen is shown", r.why)
    os.chmod(app.db, 0o644)
t.done()

#!/usr/bin/env python3
"""test_startup_faults.py: start-up gives a clear message, without crashing
or overwriting the file, for a zero-length file, a damaged file, a read-only
folder and a database held locked by another process for 10 s; and it
carries on by itself once the cause is gone."""
import os
import sqlite3
import subprocess
import sys
import time

from vbtest import App, Suite, dump_shows, file_bytes, read_dump, wait_for

t = Suite()


def send(p, line):
    p.stdin.write((line + "\n").encode())
    p.stdin.flush()


# a zero-length file: refused as damaged, left as it is
app = App(t)
open(app.db, "wb").close()
r = app.run(script=[{"advance": 6}])
t.check(r.rc == 0 and set(r.screens()) == {"dbfail"}, "zero-length file: the failure screen is shown", r.why)
text = r.last().text("dbfail.")
t.check("empty" in text or "0 bytes" in text, "zero-length file: the message says the file is empty",
        lambda: repr(text))
t.check(os.path.getsize(app.db) == 0 and not os.path.exists(app.db + "-wal"),
        "zero-length file: nothing was written")

# a damaged header: not a database any more
app = App(t)
app.run(script=[{"quit": True}], extra=["--demo"])
with open(app.db, "r+b") as f:
    f.write(b"\x00" * 100)
before = file_bytes(app.db)
r = app.run(script=[{"advance": 6}])
t.check(set(r.screens()) == {"dbfail"}, "damaged header: the failure screen is shown", r.why)
t.check(file_bytes(app.db) == before, "damaged header: the file is unchanged")

# damage inside the file: the kiosk starts, then quick_check warns on screen
app = App(t)
app.run(script=[{"quit": True}], extra=["--demo"])
con = sqlite3.connect(app.db)
con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
pages = con.execute("PRAGMA page_count").fetchone()[0]
size = con.execute("PRAGMA page_size").fetchone()[0]
root = con.execute("SELECT rootpage FROM sqlite_schema WHERE name = 'idea_row'").fetchone()[0]
con.close()
with open(app.db, "r+b") as f:
    f.seek((root - 1) * size + 8)
    f.write(b"\xff\x13" * 40)
r = app.run(script=[{"wait": "settled"}, {"advance": 1}, {"wait": "settled"}])
warned = any(f.find("banner.db") is not None for f in r.frames)
t.check(r.rc == 0 and warned, "damage inside the file: the kiosk shows a warning banner after the first frame", r.why)
t.check(r.frames and r.frames[0].find("banner.db") is None, "... not in front of the first frame")

# a database held locked by another process for 10 s
app = App(t)
app.run(script=[{"quit": True}], extra=["--demo"])
holder = subprocess.Popen([sys.executable, "-c", """
import sqlite3, sys, time
con = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=0)
# in WAL mode a plain write lock does not stop readers: hold the file itself
con.execute("PRAGMA locking_mode=EXCLUSIVE")
con.execute("BEGIN EXCLUSIVE")
con.execute("UPDATE setting SET value = value WHERE key = 'team_name'")
print("locked", flush=True)
time.sleep(10)
con.execute("ROLLBACK")
""", app.db], stdout=subprocess.PIPE)
holder.stdout.readline()
t0 = time.monotonic()
p, dump = app.start(script_stdin=True)
shown = wait_for(lambda: dump_shows(dump, "dbfail") or p.poll() is not None, timeout=30)
t.check(shown and p.poll() is None, "locked for 10 s: the failure screen is shown, no crash",
        lambda: "exit %s" % p.poll())
frames, _, _ = read_dump(dump)
text = frames[-1].text("dbfail.") if frames else ""
t.check("locked" in text or "vergrendeld" in text, "locked for 10 s: the message says it is locked",
        lambda: repr(text))
holder.wait(timeout=30)
send(p, '{"advance": 6}')
send(p, '{"wait": "settled"}')
t.check(wait_for(lambda: dump_shows(dump, "home"), timeout=30), "locked for 10 s: once free, home is shown")
send(p, '{"quit": true}')
t.equal(p.wait(timeout=30), 0, "locked for 10 s: ends cleanly")

# a read-only folder: needs a real read-only mount when running as root
app = App(t)
folder = os.path.join(app.dir, "ro")
os.makedirs(folder)
app.db = os.path.join(folder, "verbeterbord.db")
mounted = False
if os.geteuid() == 0:
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", folder],
                             stderr=subprocess.DEVNULL).returncode == 0
if os.geteuid() != 0 or mounted:
    try:
        app.run(script=[{"quit": True}], extra=["--demo"])
        if mounted:
            subprocess.run(["mount", "-o", "remount,ro", folder], check=True)
        else:
            os.chmod(folder, 0o555)
        before = file_bytes(app.db)
        r = app.run(script=[{"advance": 6}])
        t.check(set(r.screens()) == {"dbfail"}, "read-only folder: the failure screen is shown", r.why)
        text = r.last().text("dbfail.")
        t.check("read-only" in text or "alleen-lezen" in text or "writ" in text,
                "read-only folder: the message says it cannot be written", lambda: repr(text))
        t.check(file_bytes(app.db) == before, "read-only folder: the file is unchanged")
    finally:
        if mounted:
            subprocess.run(["umount", folder], stderr=subprocess.DEVNULL)
        else:
            os.chmod(folder, 0o755)
else:
    t.skip("read-only folder: the failure screen is shown", "root without mount permission")
t.done()

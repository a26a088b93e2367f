"""livekiosk.py: a kiosk kept running while a test copies its files, and
another program holding a read snapshot meanwhile: what the privacy tests
(test_privacy_files.py, test_privacy_ideas.py) share.

- hits(db, word, suffixes): `grep -a -c -i word` over the database's files;
- new_app(t): a demo database with a lead whose PIN is 2468;
- Kiosk(app): the kiosk running, fed one script line at a time;
- Reader(db): another program holding a read snapshot until released;
- sign_in(lead): the taps that sign the lead in;
- purge_after_reader(t, app, k, reader, words): the end of a reader-held
  privacy deletion: the lead leaves the panel, the reader lets go, and the
  running kiosk clears every file of the words by itself.
"""
import json
import os
import subprocess
import sys

from vbtest import NOW, App, binary, read_dump, stop, wait_for

FILES = ("", "-wal", "-shm", "-anon", "-anon-wal", "-anon-shm")
MAIN = FILES[:3]
ANON = FILES[3:]


def hits(db, word, suffixes=FILES):
    """`grep -a -c -i word` over the given files of the database."""
    n = 0
    needle = word.lower().encode()
    for s in suffixes:
        if os.path.exists(db + s):
            with open(db + s, "rb") as f:
                n += f.read().lower().count(needle)
    return n


def new_app(t):
    app = App(t)
    r = app.run(script=[], extra=["--demo"])
    t.check(r.rc == 0, "demo database", r.why)
    cmd = [binary(), "--config", os.path.join(app.dir, "no-device.conf"), "--db", app.db, "--now", NOW,
           "--add-member", "Lea Leider", "--lead"]
    p = subprocess.run(cmd, input=b"2468\n", stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
    lead = app.scalar("SELECT id FROM member WHERE name = 'Lea Leider' AND role = 'lead'")
    t.check(p.returncode == 0 and lead, "a lead with a PIN", p.stderr.decode("utf-8", "replace"))
    return app, lead


class Kiosk:
    """The kiosk running, fed one script line at a time."""

    def __init__(self, app):
        self.p, self.dump = app.start(script_stdin=True)

    def send(self, *steps):
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


READER = r"""
import sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.executescript(sys.stdin.readline().replace("\\n", "\n"))
con.execute("BEGIN")
con.execute("SELECT count(*) FROM learning_point").fetchall()
con.execute("SELECT count(*) FROM vote").fetchall()
print("held", flush=True)
sys.stdin.readline()
con.execute("COMMIT")
con.close()
"""


class Reader:
    """Another program (the wall, a backup, a sqlite3 shell) holding a read
    snapshot of both files until let go."""

    def __init__(self, db):
        views = subprocess.run([binary(), "--db", db, "--sql-views"], capture_output=True, text=True,
                               timeout=30).stdout
        self.p = subprocess.Popen([sys.executable, "-c", READER, db], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, text=True)
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


def sign_in(lead):
    return ([{"tap": "home.lead"}, {"tap": "lead.pick.%d" % lead}] +
            [{"tap": "lead.pin.%s" % d} for d in "2468"] + [{"tap": "lead.pin.ok"}])


def purge_after_reader(t, app, k, reader, words):
    k.send({"tap": "bar.home"}, {"wait": "settled"})   # the lead leaves the panel
    reader.release()
    k.send({"advance": 5}, {"wait": "settled"})
    t.check(wait_for(lambda: sum(hits(app.db, w) for w in words) == 0, timeout=30),
            "purge: once the reader lets go, grep -a finds none of the words in the six files, the kiosk running",
            repr([(s, w) for s in FILES for w in words if hits(app.db, w, (s,))]))
    t.check(wait_for(lambda: app.scalar("SELECT value FROM setting WHERE key = 'privacy_flush_pending'") == "0"),
            "purge: the job is done")

"""livekiosk.py: a kiosk kept running while a test copies its files, and
another program holding a read snapshot meanwhile: what the privacy tests
(test_privacy_files.py, test_privacy_ideas.py) share.

- hits(db, word, suffixes): `grep -a -c -i word` over the database's files;
- new_app(t): a demo database with a lead whose PIN is 2468;
- top_idea_and_badges(app): the most-voted listed idea and the badges of
  two members who have not voted for it yet;
- Kiosk(app): the kiosk running, fed one script line at a time;
- Reader(db): another program holding a read snapshot until released;
- sign_in(lead): the taps that sign the lead in;
- purge_after_reader(t, app, k, reader, words): the end of a reader-held
  privacy deletion: the lead leaves the panel, the reader lets go, and the
  running kiosk clears every file of the words by itself.
"""
import os
import subprocess

import vbtest
from vbtest import NOW, App, binary, wait_for

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


def top_idea_and_badges(app):
    top = app.scalar("SELECT id FROM idea WHERE hidden = 0 AND status <> 'duplicate'"
                     " ORDER BY vote_count DESC, created_at DESC, id DESC LIMIT 1")
    badges = [r[0] for r in app.sql(
        "SELECT badge FROM member WHERE badge IS NOT NULL AND active = 1 AND id NOT IN"
        " (SELECT member_id FROM vote WHERE idea_id = ?) ORDER BY id LIMIT 2", (top,))]
    return top, badges[0], badges[1]


# the kiosk fed one script line at a time, and another program holding a
# read snapshot: vbtest's own
Kiosk = vbtest.Kiosk
Reader = vbtest.Holder


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

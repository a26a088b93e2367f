#!/usr/bin/env python3
"""test_wall.py: wall mode. The wall opens the database read-only, rotates
its pages, notices a commit made by another process within one poll (1 s of
its clock), never writes, shows a calm message without a database, and the
kiosk falls back to the wall pages when idle if the team wants that."""
import hashlib
import json
import os

from vbtest import NOW_S, App, Suite, dump_shows, read_dump, stop, wait_for

t = Suite()


def digest(path):
    h = hashlib.sha256()
    for p in (path, path + "-wal"):
        if os.path.exists(p):
            with open(p, "rb") as f:
                h.update(f.read())
    return h.hexdigest()


def send(p, action):
    p.stdin.write((json.dumps(action) + "\n").encode())
    p.stdin.flush()


app = App(t, window="1920x1080")
r = app.run(script=[{"quit": True}], extra=["--demo"])
t.equal(r.rc, 0, "a demo database is made")

# A second process (this test) changes things; the wall must pick them up.
top = app.sql("SELECT id, title, vote_count FROM idea WHERE hidden = 0 AND status IN ('new','review','trial')"
              " ORDER BY vote_count DESC, created_at DESC LIMIT 1")[0]
review = app.sql("SELECT id, title FROM idea WHERE status = 'review' ORDER BY id LIMIT 1")[0]

p, dump = app.start(extra=["--wall"], script_stdin=True)
t.check(wait_for(lambda: dump_shows(dump, "wall") or p.poll() is not None, timeout=30) and p.poll() is None,
        "the wall starts", lambda: p.stderr.read().decode() if p.poll() is not None else "no wall frame")
send(p, {"advance": 1})
send(p, {"wait": "settled"})
wait_for(lambda: "wall.idea.%d" % top[0] in read_dump(dump)[0][-1].ids(), timeout=10)
frames, _, _ = read_dump(dump)
last = frames[-1]
t.check(last.find("wall.idea.%d" % top[0]) is not None, "page 1 shows the top open idea",
        lambda: repr(last))
votes_before = last.find("wall.idea.%d.votes" % top[0])
t.check(votes_before is not None and str(top[2]) in votes_before["label"], "... with its votes",
        lambda: repr(votes_before))
t.check(last.find("bar.home") is None and not any(e["kind"] in ("button", "chip", "toggle", "key")
                                                  for e in last.elements),
        "the wall has nothing to tap")

# every text on the wall is at least 1/16 of the screen height
heights = [e["rect"][3] for e in last.elements if e["kind"] == "text"]
t.check(heights and min(heights) >= 1080 // 16, "wall text is at least 1/16 of the screen height",
        lambda: "min %s" % (min(heights) if heights else None))

before = digest(app.db)
# the kiosk (here: another process) commits a vote and adopts an idea
voter = app.scalar("SELECT id FROM member WHERE id NOT IN (SELECT member_id FROM vote WHERE idea_id = ?)"
                   " ORDER BY id LIMIT 1", (top[0],))
app.sql("INSERT INTO vote (idea_id, member_id, at) VALUES (?, ?, ?)", (top[0], voter, NOW_S))
app.sql("UPDATE idea SET status = 'adopted', feedback = 'Ingevoerd op lijn 2, werkt goed.', feedback_at = ?,"
        " status_changed_at = ? WHERE id = ?", (NOW_S + 60, NOW_S + 60, review[0]))
after_commit = digest(app.db)
send(p, {"advance": 1})
send(p, {"wait": "settled"})


def votes_label():
    frames, _, _ = read_dump(dump)
    e = frames[-1].find("wall.idea.%d.votes" % top[0]) if frames else None
    return e["label"] if e else ""


t.check(wait_for(lambda: str(top[2] + 1) in votes_label(), timeout=10),
        "one poll later the wall shows the new vote", lambda: votes_label())

seen_pages = set()
found_adopted = False
for step in range(4):
    send(p, {"advance": 15})
    send(p, {"wait": "settled"})
    wait_for(lambda: len(read_dump(dump)[0]) > 0, timeout=5)
    import time
    time.sleep(0.3)
    frames, _, _ = read_dump(dump)
    title = frames[-1].find("wall.title")
    if title:
        seen_pages.add(title["label"])
    if frames[-1].find("wall.improved.%d" % review[0]) is not None:
        found_adopted = True
t.check(len(seen_pages) == 4, "the wall rotates through four pages", lambda: repr(seen_pages))
t.check(found_adopted, "'what we improved' shows the idea adopted by the other process")
send(p, {"quit": True})
rc = p.wait(timeout=20)
t.equal(rc, 0, "the wall stops cleanly")
t.equal(digest(app.db), after_commit, "the wall wrote nothing to the database or its WAL")
t.check(before != after_commit, "(the other process did write)")

# no database: a calm message, and it carries on once the file appears
app2 = App(t, window="1280x800")
app2.db = os.path.join(app2.dir, "later.db")
p, dump = app2.start(extra=["--wall"], script_stdin=True)
t.check(wait_for(lambda: dump_shows(dump, "wall") or p.poll() is not None, timeout=30) and p.poll() is None,
        "without a database the wall still starts")
frames, _, _ = read_dump(dump)
t.check(frames and frames[-1].find("wall.waiting") is not None, "... and says it waits for the data")
r = App(t, db=app2.db).run(script=[{"quit": True}], extra=["--demo"])
send(p, {"advance": 6})
send(p, {"wait": "settled"})
t.check(wait_for(lambda: read_dump(dump)[0][-1].find("wall.title") is not None and
                 read_dump(dump)[0][-1].find("wall.waiting") is None, timeout=10),
        "once the database exists the wall shows its pages")
send(p, {"quit": True})
p.wait(timeout=20)

# outside working hours the wall dims (the demo's shifts run 06:00-22:00)
app4 = App(t, window="1280x800", now="2026-11-26T23:10")
app4.run(script=[{"quit": True}], extra=["--demo"])
r = app4.run(script=[{"advance": 1}, {"wait": "settled"}], extra=["--wall"])
t.check(r.last().find("wall.dimmed") is not None, "at 23:10 the wall is dimmed", r.why)
app5 = App(t, window="1280x800", now="2026-11-26T10:10", db=app4.db)
r = app5.run(script=[{"advance": 1}, {"wait": "settled"}], extra=["--wall"])
t.check(r.last().find("wall.dimmed") is None and r.last().find("wall.title") is not None,
        "at 10:10 on a working day it is not", r.why)

# the kiosk's idle fallback: wall pages after the idle timeout, home at a touch
app3 = App(t)
app3.run(script=[{"quit": True}], extra=["--demo"])
app3.sql("UPDATE setting SET value = '1' WHERE key = 'wall_idle'")
r = app3.run(script=[{"advance": 91}, {"wait": "settled"}, {"tap": [500, 300]}, {"wait": "settled"}])
t.check("wall" in r.screens(), "an idle kiosk shows the wall pages when the team wants that", r.why)
t.check(r.screens()[-1] == "home", "a touch brings the kiosk back home", r.why)
app3.sql("UPDATE setting SET value = '0' WHERE key = 'wall_idle'")
r = app3.run(script=[{"advance": 91}, {"wait": "settled"}])
t.check("wall" not in r.screens(), "without the setting the idle kiosk stays home", r.why)
t.done()

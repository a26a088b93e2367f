#!/usr/bin/env python3
"""test_saving_busy.py: the screen keeps answering while a save waits for a
lock (issue 9, "No freezes"). Saves run on the store's writer thread; while
one waits, the kiosk shows "Saving…", answers taps and script requests, and
shows "saved" only once the commit is done. The tests check order and
answers, not wall-clock times (make bench measures those).

1. Another program holds the write lock (BEGIN IMMEDIATE) while a worker
   saves an anonymous learning point: the save is not refused; the kiosk
   shows that it is saving; a second tap on Save during the wait is answered
   on screen and saves nothing; a screenshot request is handled during the
   wait; the receipt appears only after the lock is let go, and the point is
   in the database once.
2. A privacy deletion while another program reads a snapshot and a third
   holds the write lock: the screen shows that it is busy and answers a tap;
   once the lock goes the deletion is confirmed (saying truthfully that a
   reader still keeps the text in the files), and once the reader lets go
   the clean-up empties the files while the kiosk runs.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from vbtest import App, Holder, Kiosk, Suite, png_size, read_dump, wait_for  # noqa: E402

t = Suite()
FILES = ("", "-wal", "-shm", "-anon", "-anon-wal", "-anon-shm")
WORD = "Zwembadtegelvoeg"
TEXT = "%s lag los bij de pers" % WORD


def hits(db, word):
    """`grep -a -c -i word` over the six files of the database."""
    n = 0
    for s in FILES:
        if os.path.exists(db + s):
            with open(db + s, "rb") as f:
                n += f.read().lower().count(word.lower().encode())
    return n


def seqs(k, element_id):
    frames, _, _ = read_dump(k.dump)
    return [f.seq for f in frames if f.find(element_id) is not None]


app = App(t)
r = app.run(script=[], extra=["--demo"])
t.check(r.rc == 0, "demo database", r.why)

k = Kiosk(app)
held = []
try:
    # ---- 1. a save while another program holds the write lock ---------------
    t.check(k.shows("home.learning_point"), "lock: the kiosk runs", k.why)
    before = app.scalar("SELECT count(*) FROM learning_point")
    k.send({"tap": "home.learning_point"}, {"tap": "learning_point.category.safety"},
           {"tap": "learning_point.what"}, {"type": TEXT}, {"tap": "kbd.done"}, {"wait": "settled"})
    t.check(k.shows("learning_point.save"), "lock: the form is filled")
    lock = Holder(app.db, write=True)
    held.append(lock)
    t.check(lock.held, "lock: another program holds the write lock")
    k.send({"tap": "learning_point.save"})
    t.check(k.shows("busy.saving"), "lock: the kiosk shows that it is saving, not that it failed", k.why)
    k.send({"tap": "learning_point.save", "while_saving": True})
    t.check(k.shows("busy.tap"), "lock: a second tap on Save while it saves is answered on screen")
    shot = os.path.join(app.dir, "saving.png")
    k.send({"screenshot": shot, "while_saving": True})
    t.check(wait_for(lambda: os.path.exists(shot) and png_size(shot) == (1024, 600)),
            "lock: a screenshot request is handled while the save waits")
    t.equal(app.scalar("SELECT count(*) FROM learning_point"), before, "lock: nothing is saved while the lock is held")
    t.equal(seqs(k, "learning_point.receipt"), [], "lock: no receipt while the lock is held")
    t.check(lock.p.poll() is None, "lock: (the lock was held all along)")
    lock.release()
    held.remove(lock)
    t.check(k.shows("learning_point.receipt"), "lock: once the lock goes, the point is saved and its receipt shown")
    busy, saved = seqs(k, "busy.saving"), seqs(k, "learning_point.receipt")
    t.check(busy and saved and max(busy) < min(saved), "lock: \"saved\" comes only after \"saving\"",
            "%r %r" % (busy, saved))
    t.equal(app.scalar("SELECT count(*) FROM learning_point"), before + 1, "lock: the double tap saved one point")
    lp = app.scalar("SELECT id FROM learning_point WHERE what_happened = ?", (TEXT,))
    t.check(lp and app.scalar("SELECT member_id FROM learning_point WHERE id = ?", (lp,)) is None,
            "lock: it is the anonymous point that was typed")

    # ---- 2. a privacy deletion with a reader and a held lock ----------------
    k.send({"tap": "learning_point.done"}, {"wait": "settled"}, {"tap": "home.lead"}, {"tap": "lead.pick.1"},
           *[{"tap": "lead.pin.%s" % d} for d in "1234"], {"tap": "lead.pin.ok"}, {"tap": "bar.home"},
           {"tap": "home.learning_list"}, {"tap": "learning_list.lead.%s" % lp}, {"tap": "learning_lead.delete"},
           {"tap": "learning_lead.delete.continue"}, {"advance": 1}, {"wait": "settled"})
    t.check(k.shows("learning_lead.delete.confirm"), "purge: the lead is asked to confirm the deletion", k.why)
    reader = Holder(app.db)
    held.append(reader)
    lock = Holder(app.db, write=True)
    held.append(lock)
    t.check(reader.held and lock.held, "purge: another program reads a snapshot, a third holds the write lock")
    k.send({"tap": "learning_lead.delete.confirm"})
    t.check(k.shows("busy.saving"), "purge: the screen shows that it is busy, not frozen")
    k.send({"tap": "learning_lead.delete.confirm", "while_saving": True})
    t.check(k.shows("busy.tap"), "purge: and answers a tap meanwhile")
    lock.release()
    held.remove(lock)
    t.check(k.shows("learning_lead.delete.done"), "purge: once the lock goes, the deletion is done", k.why)
    t.equal(app.scalar("SELECT count(*) FROM learning_point WHERE id = ?", (lp,)), 0, "purge: the point is gone")
    done = k.label("learning_lead.delete.done")
    t.check("ander programma" in done and hits(app.db, WORD) > 0,
            "purge: with the reader still reading, the kiosk says the files still hold the text", done)
    k.send({"tap": "bar.home"}, {"wait": "settled"})
    reader.release()
    held.remove(reader)
    k.send({"advance": 5}, {"wait": "settled"})
    t.check(wait_for(lambda: hits(app.db, WORD) == 0, timeout=30),
            "purge: once the reader lets go, the background clean-up empties the six files, the kiosk running")
    t.equal(k.quit(), 0, "the kiosk ends cleanly")
finally:
    for h in held:
        h.release()
    k.kill()
t.done()

#!/usr/bin/env python3
"""test_privacy_files.py: what a copy of the database files shows, taken
while the kiosk runs and another program (the wall, a backup, a sqlite3
shell) holds a read snapshot (issue 9, "Privacy that only holds when nothing
else reads the database").

1. A signed vote, an anonymous learning point and another signed vote, all
   through the UI, with a reader holding a snapshot: the main database file,
   its -wal and its -shm hold nothing of the anonymous point (so nothing
   orders it against the timed votes); the file of anonymous entries holds
   nothing signed, and its dates say only the day.
2. A privacy deletion of that point with the reader still reading: the kiosk
   says truthfully that the files still hold it; the lead leaves the panel;
   once the reader lets go the kiosk clears the files by itself, and `grep -a`
   finds none of the point's words in any of the six files, while the kiosk
   still runs.
3. The same deletion interrupted by a restart: the clean-up goes on after the
   restart.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from livekiosk import (ANON, MAIN, Kiosk, Reader, hits, new_app, purge_after_reader,  # noqa: E402
                       sign_in, top_idea_and_badges)
from vbtest import NOW_S, Suite, wait_for  # noqa: E402

t = Suite()
app, LEAD = new_app(t)
top, BADGE_A, BADGE_B = top_idea_and_badges(app)
WORDS = ("Xyloquentrek", "Brombeertaart")
TEXT = "%s viel van de stelling" % WORDS[0]
LESSON = "%s niet op de rand zetten" % WORDS[1]

# ---- 1. the reader-held anonymous save ---------------------------------------
k = Kiosk(app)
reader = None
try:
    t.check(k.shows("home.learning_point"), "save: the kiosk runs")
    reader = Reader(app.db)
    t.check(reader.held, "save: another program holds a read snapshot")
    votes = app.scalar("SELECT count(*) FROM vote")
    k.send({"tap": "home.ideas"}, {"tap": "ideas.vote.%d" % top}, {"badge": BADGE_A},
           {"wait": "settled"})
    t.check(wait_for(lambda: app.scalar("SELECT count(*) FROM vote") == votes + 1), "save: a signed, timed vote", k.why)
    # the idle reset ends Jeroen's session (and moves the clock on)
    k.send({"advance": 100}, {"wait": "settled"}, {"tap": "home.learning_point"},
           {"tap": "learning_point.category.safety"}, {"tap": "learning_point.what"}, {"type": TEXT},
           {"tap": "kbd.done"}, {"tap": "learning_point.lesson"}, {"type": LESSON}, {"tap": "kbd.done"},
           {"tap": "learning_point.save"})
    t.check(k.shows("learning_point.receipt"), "save: the anonymous point is saved, with its code")
    receipt = k.label("learning_point.receipt")
    k.send({"tap": "learning_point.done"}, {"advance": 100}, {"wait": "settled"}, {"tap": "home.ideas"},
           {"tap": "ideas.vote.%d" % top}, {"badge": BADGE_B}, {"wait": "settled"})
    t.check(wait_for(lambda: app.scalar("SELECT count(*) FROM vote") == votes + 2), "save: another signed vote", k.why)
    # the files, copied now: the kiosk runs and the reader still reads
    t.check(os.path.getsize(app.db + "-wal") > 0, "save: the main -wal holds the votes (the reader blocks a checkpoint)")
    t.equal(sum(hits(app.db, w, MAIN) for w in WORDS), 0,
            "save: the main file, its -wal and -shm hold none of the anonymous point's words")
    lp = app.scalar("SELECT id FROM learning_point WHERE what_happened = ?", (TEXT,))
    t.check(lp and app.scalar("SELECT member_id FROM learning_point WHERE id = ?", (lp,)) is None,
            "save: the point is anonymous")
    t.equal(hits(app.db, lp or "-", MAIN), 0, "save: nor its key")
    t.check(all(hits(app.db, w, ANON) > 0 for w in WORDS), "save: the file of anonymous entries holds it")
    names = [r[0] for r in app.sql("SELECT name FROM member")]
    t.equal([n for n in names if hits(app.db, n, ANON)] + [b for b in (BADGE_A, BADGE_B) if hits(app.db, b, ANON)],
            [], "save: the anonymous file holds no member name or badge")
    noon = NOW_S - (6 * 60 + 55) * 60 + 12 * 3600
    # (the -shm is a shared memory map: every reader's access dates it, so
    # its date tells of the last read as much as of the last save)
    dates = {s: int(os.stat(app.db + s).st_mtime) for s in ANON[:2] if os.path.exists(app.db + s)}
    t.check(len(dates) == 2 and all(d == noon for d in dates.values()),
            "save: the anonymous file and its -wal are dated noon of the day, not the time of the save", repr(dates))

    # ---- 2. the reader-held privacy deletion ---------------------------------
    k.send(*([{"advance": 100}, {"wait": "settled"}] + sign_in(LEAD) + [
        {"tap": "bar.home"}, {"tap": "home.learning_list"}, {"tap": "learning_list.lead.%s" % lp},
        {"tap": "learning_lead.delete"}, {"tap": "learning_lead.delete.continue"}, {"advance": 1},
        {"tap": "learning_lead.delete.confirm"}, {"wait": "settled"}]))
    t.check(k.shows("learning_lead.delete.done"), "purge: the lead deletes the point", k.why)
    done = k.label("learning_lead.delete.done")
    t.equal(app.scalar("SELECT count(*) FROM learning_point WHERE id = ?", (lp,)), 0, "purge: the point is gone")
    still = sum(hits(app.db, w) for w in WORDS)
    t.check(still > 0 and "ander programma" in done,
            "purge: with a reader, the files still hold the words, and the kiosk says so", "%d %r" % (still, done))
    t.check(app.scalar("SELECT value FROM setting WHERE key = 'privacy_flush_pending'") == "2",
            "purge: the clean-up is kept as a job in the database")
    t.equal(hits(app.db, "privacy_flush") and sum(hits(app.db, w, MAIN) for w in WORDS), 0,
            "purge: the job itself holds no word of the text")
    purge_after_reader(t, app, k, reader, WORDS)
    reader = None
    t.equal(hits(app.db, receipt), 0, "purge: nor its code")
    t.equal(k.quit(), 0, "the kiosk ends cleanly")
finally:
    if reader:
        reader.release()
    k.kill()

# ---- 3. a restart in the middle of the clean-up -----------------------------
lp = app.scalar("SELECT id FROM learning_point WHERE member_id IS NULL AND hidden = 0 ORDER BY day DESC, id LIMIT 1")
app.sql("UPDATE learning_point SET what_happened = ? WHERE id = ?", ("Quobbelstraat %s" % WORDS[0], lp))
app.sql("PRAGMA wal_checkpoint(TRUNCATE)")
reader = Reader(app.db)
k = Kiosk(app)
try:
    k.send(*(sign_in(LEAD) + [{"tap": "bar.home"}, {"tap": "home.learning_list"},
                              {"tap": "learning_list.lead.%s" % lp}, {"tap": "learning_lead.delete"},
                              {"tap": "learning_lead.delete.continue"}, {"advance": 1},
                              {"tap": "learning_lead.delete.confirm"}, {"wait": "settled"}]))
    t.check(k.shows("learning_lead.delete.done"), "restart: the lead deletes another point")
    t.check(hits(app.db, "Quobbelstraat") > 0, "restart: the reader keeps the words in the files")
    t.equal(k.quit(), 0, "restart: the kiosk stops before it could clear them")
finally:
    k.kill()
t.check(app.scalar("SELECT value FROM setting WHERE key = 'privacy_flush_pending'") == "2",
        "restart: the job is still open after the stop")
k = Kiosk(app)
try:
    t.check(k.shows("home.learning_point"), "restart: the kiosk starts again, the reader still reading")
    t.check(hits(app.db, "Quobbelstraat") > 0, "restart: the words are still in the files")
    reader.release()   # the kiosk is still connected: the reader's close does not clear the files
    reader = None
    k.send({"advance": 5}, {"wait": "settled"})
    t.check(wait_for(lambda: hits(app.db, "Quobbelstraat") == 0, timeout=30),
            "restart: the clean-up goes on by itself: no file holds the words, the kiosk running")
    t.equal(k.quit(), 0, "restart: the kiosk ends cleanly")
finally:
    if reader:
        reader.release()
    k.kill()
t.done()

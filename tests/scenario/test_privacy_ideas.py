#!/usr/bin/env python3
"""test_privacy_ideas.py: an anonymous idea gets the promise of an anonymous
learning point (issue 9: "no time finer than day and shift, no order
relative to signed entries"), checked on copies of the files taken while
the kiosk runs and another program holds a read snapshot.

1. A signed vote, an anonymous idea and another signed vote through the UI:
   the main file, its -wal and -shm hold nothing of the idea; it has a
   random key, the start of its day instead of the moment, and no timed
   history step; the file of anonymous entries holds it, nothing signed,
   and is dated noon of the day.
2. The first vote on it copies it into the main file in the vote's own
   commit, still without its moment.
3. A privacy deletion with the reader still reading: once the reader lets
   go, no file holds its words, the kiosk running.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from livekiosk import (ANON, MAIN, Kiosk, Reader, hits, new_app, purge_after_reader,  # noqa: E402
                       sign_in, top_idea_and_badges)
from vbtest import NOW_S, Suite, wait_for  # noqa: E402

t = Suite()
app, LEAD = new_app(t)
DAY_START = NOW_S - (6 * 60 + 55) * 60   # NOW is 06:55 local
ANON_MIN = 1 << 40
top, BADGE_A, BADGE_B = top_idea_and_badges(app)
WORDS = ("Zwoffelbandje", "Krimpelsteen")
TITLE = "%s bij de pers" % WORDS[0]
DESC = "%s onder de mat leggen" % WORDS[1]
signed_max = app.scalar("SELECT max(id) FROM idea WHERE id < ?", (ANON_MIN,))

k = Kiosk(app)
reader = None
try:
    t.check(k.shows("home.learning_point"), "save: the kiosk runs")
    reader = Reader(app.db)
    t.check(reader.held, "save: another program holds a read snapshot")
    votes = app.scalar("SELECT count(*) FROM vote")
    k.send({"tap": "home.ideas"}, {"tap": "ideas.vote.%d" % top}, {"badge": BADGE_A}, {"wait": "settled"})
    t.check(wait_for(lambda: app.scalar("SELECT count(*) FROM vote") == votes + 1), "save: a signed, timed vote", k.why)
    k.send({"advance": 100}, {"wait": "settled"}, {"tap": "home.idea_new"}, {"tap": "idea_new.title"},
           {"type": TITLE}, {"tap": "kbd.done"}, {"tap": "idea_new.category.safety"},
           {"tap": "idea_new.description"}, {"type": DESC}, {"tap": "kbd.done"}, {"tap": "idea_new.save"})
    t.check(k.shows("idea_new.saved"), "save: the anonymous idea is saved", k.why)
    k.send({"tap": "idea_new.list"}, {"wait": "settled"}, {"tap": "ideas.vote.%d" % top}, {"badge": BADGE_B},
           {"wait": "settled"})
    t.check(wait_for(lambda: app.scalar("SELECT count(*) FROM vote") == votes + 2), "save: another signed vote", k.why)

    # the files, copied now: the kiosk runs and the reader still reads
    t.check(os.path.getsize(app.db + "-wal") > 0, "save: the main -wal holds the votes (the reader blocks a checkpoint)")
    t.equal(sum(hits(app.db, w, MAIN) for w in WORDS), 0,
            "save: the main file, its -wal and -shm hold none of the anonymous idea's words")
    row = app.sql("SELECT id, member_id, created_at, status_changed_at FROM idea WHERE title = ?", (TITLE,))
    t.check(len(row) == 1, "save: the idea is in the box", repr(row))
    idea, member, created, changed = row[0] if row else (0, 1, 0, 0)
    t.check(member is None, "save: the idea is anonymous")
    t.check(idea >= ANON_MIN and idea != signed_max + 1, "save: its key is random, not the next in sequence",
            "%d after %d" % (idea, signed_max))
    t.equal((created, changed), (DAY_START, DAY_START), "save: it carries the start of its day, not the moment")
    t.equal(app.scalar("SELECT count(*) FROM idea_history WHERE idea_id = ?", (idea,)), 0,
            "save: no timed history step")
    t.equal(app.scalar("SELECT count(*) FROM idea_row WHERE id = ?", (idea,)), 0, "save: no row in the main file")
    t.check(all(hits(app.db, w, ANON) > 0 for w in WORDS), "save: the file of anonymous entries holds it")
    names = [r[0] for r in app.sql("SELECT name FROM member")]
    t.equal([n for n in names if hits(app.db, n, ANON)] + [b for b in (BADGE_A, BADGE_B) if hits(app.db, b, ANON)],
            [], "save: the anonymous file holds no member name or badge")
    noon = DAY_START + 12 * 3600
    dates = {s: int(os.stat(app.db + s).st_mtime) for s in ANON[:2] if os.path.exists(app.db + s)}
    t.check(len(dates) == 2 and all(d == noon for d in dates.values()),
            "save: the anonymous file and its -wal are dated noon of the day, not the time of the save", repr(dates))

    # ---- 2. the first signed act copies it over ------------------------------
    # "me too" on the similar idea, found while typing a new one: the
    # similar-idea search reads the anonymous file's index
    k.send({"advance": 100}, {"wait": "settled"}, {"tap": "home.idea_new"}, {"tap": "idea_new.title"},
           {"type": WORDS[0]}, {"wait": "settled"})
    t.check(k.shows("idea_new.similar.vote.%d" % idea), "vote: typing its word finds the anonymous idea", k.why)
    k.send({"tap": "idea_new.similar.vote.%d" % idea}, {"badge": BADGE_A}, {"wait": "settled"})
    t.check(wait_for(lambda: app.scalar("SELECT vote_count FROM idea WHERE id = ?", (idea,)) == 1),
            "vote: a vote on the anonymous idea counts", k.why)
    t.equal(app.sql("SELECT member_id, created_at, status_changed_at FROM idea_row WHERE id = ?", (idea,)),
            [(None, DAY_START, DAY_START)], "vote: the vote copied it into the main file, still without its moment")
    t.equal(app.scalar("SELECT count(*) FROM idea WHERE id = ?", (idea,)), 1, "vote: the box shows it once")

    # ---- 3. the reader-held privacy deletion ---------------------------------
    # the whole team votes for it (set up directly), so it heads the list
    app.sql("INSERT INTO vote (idea_id, member_id, at) SELECT ?, id, ? FROM member"
            " WHERE id NOT IN (SELECT member_id FROM vote WHERE idea_id = ?)", (idea, NOW_S, idea))
    k.send(*([{"advance": 100}, {"wait": "settled"}] + sign_in(LEAD) + [
        {"tap": "lead.menu.ideas"}, {"tap": "ideas.filter.new"}, {"tap": "ideas.row.%d" % idea},
        {"tap": "idea_detail.lead"}, {"advance": 60}, {"wait": "settled"}, {"tap": "idea_lead.delete"},
        {"tap": "idea_lead.delete.continue"}, {"advance": 1}, {"tap": "idea_lead.delete.confirm"},
        {"wait": "settled"}]))
    t.check(k.shows("idea_lead.delete.done"), "purge: the lead deletes the idea", k.why)
    done = k.label("idea_lead.delete.done")
    t.equal(app.scalar("SELECT count(*) FROM idea WHERE id = ?", (idea,)), 0, "purge: the idea is gone")
    still = sum(hits(app.db, w) for w in WORDS)
    t.check(still > 0 and "ander programma" in done,
            "purge: with a reader, the files still hold the words, and the kiosk says so", "%d %r" % (still, done))
    purge_after_reader(t, app, k, reader, WORDS)
    reader = None
    t.equal(k.quit(), 0, "the kiosk ends cleanly")
finally:
    if reader:
        reader.release()
    k.kill()
t.done()

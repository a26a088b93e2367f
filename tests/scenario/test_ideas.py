#!/usr/bin/env python3
"""test_ideas.py: the idea box through the real kiosk (--script, UI dump,
database):

  - submitting an idea: an empty or too short title and a missing category
    are refused with the reason; typed diacritics arrive; a double tap on
    Save stores one idea; the database holds it with its history row and
    its folded search text;
  - signing an idea needs the badge, and the draft survives identifying;
  - similar ideas appear while "bril" is typed, and "vote for this instead"
    votes for the existing idea without storing a copy;
  - voting from the list: vote (identify with a badge first), voting again
    with the same identity in a new session keeps the count at 1, another
    identity makes it 2, taking the vote back makes it 1, and a double tap
    counts once;
  - a failed save (the database is locked) keeps the form and says it was
    NOT saved; Save again then works.

The clock is fixed in these runs, so a vote tap within 0.7 s of the last
vote action counts as the second tap of a double tap: the scripts advance
the clock by a second between taps that mean something new.
"""
import json
import os
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from vbtest import NOW_S, App, Suite, connect, read_dump, stop, wait_for  # noqa: E402

BADGE_A = "0451301"   # Jeroen Jansen (member 3) in the demo data
MEMBER_A = 3
BADGE_B = "0451302"   # Mohamed El Amrani (member 4)
MEMBER_B = 4

t = Suite()


def demo_app(clear_votes=False):
    """An app on a fresh demo database; clear_votes removes every vote, so
    that the list is sorted newest first and counts start at 0."""
    app = App(t)
    r = app.run(script=[{"quit": True}], extra=["--demo"])
    t.check(r.rc == 0, "demo database made (app %d)" % App.counter, r.why())
    if clear_votes:
        app.sql("DELETE FROM vote")
    return app


def anywhere(result, element_id, contains=None):
    """The first element with this id in any frame (and label text)."""
    for f in result.frames:
        for e in f.all(element_id):
            if contains is None or contains in e.get("label", ""):
                return e
    return None


def notices(result):
    return [e.get("label", "") for f in result.frames for e in f.all("banner.notice")]


def center(e):
    x, y, w, h = e["rect"]
    return [x + w // 2, y + h // 2]


# ---- submitting ---------------------------------------------------------------


def test_submit():
    app = demo_app()
    before = app.scalar("SELECT count(*) FROM idea")
    title = "Schoenenrek bij de kleedkamer"
    desc = "Eén plank voor veiligheidsschoenen, geëindigd is het gezoek."
    r = app.run(script=[
        {"tap": "home.idea_new"},
        {"tap": "idea_new.save"},                         # empty form
        {"tap": "idea_new.title"}, {"type": "Sc"}, {"tap": "kbd.done"},
        {"tap": "idea_new.save"},                         # 2 letters
        {"tap": "idea_new.title"}, {"type": "hoenenrek bij de kleedkamer"}, {"tap": "kbd.done"},
        {"tap": "idea_new.save"},                         # no category
        {"tap": "idea_new.category.safety"},
        {"tap": "idea_new.description"}, {"type": desc}, {"tap": "kbd.done"},
        {"wait": "settled"},
    ])
    t.check(r.rc == 0, "submit: the form script runs", r.why())
    said = notices(r)
    t.check(any("Typ eerst een titel" in n for n in said), "submit: an empty title is refused with the reason",
            lambda: "notices: %r" % said)
    t.check(any("te kort" in n for n in said), "submit: a 2-letter title is refused with the reason",
            lambda: "notices: %r" % said)
    t.check(any("categorie" in n.lower() for n in said), "submit: a missing category is refused with the reason",
            lambda: "notices: %r" % said)
    t.equal(app.scalar("SELECT count(*) FROM idea"), before, "submit: refused forms store nothing")
    last = r.last()
    save = last.find("idea_new.save")
    t.check(save is not None, "submit: the Save button is on screen", lambda: repr(last))
    field = last.find("idea_new.title")
    t.equal(field and field.get("label"), title, "submit: the title field shows the typed title")
    if not save:
        return

    # the same steps again, then Save twice in a row (a double tap)
    r = app.run(script=[
        {"tap": "home.idea_new"},
        {"tap": "idea_new.title"}, {"type": title}, {"tap": "kbd.done"},
        {"tap": "idea_new.category.safety"},
        {"tap": "idea_new.description"}, {"type": desc}, {"tap": "kbd.done"},
        {"tap": "idea_new.save"},
        {"tap": center(save)},
        {"wait": "settled"},
        {"tap": "idea_new.show"},
        {"wait": "settled"},
    ])
    t.check(r.rc == 0, "submit: the save script runs", r.why())
    t.check(anywhere(r, "idea_new.saved") is not None, "submit: 'saved' is shown after the commit", r.why())
    rows = app.sql("SELECT id, description, category_id, member_id, status, created_at, vote_count FROM idea"
                   " WHERE title = ?", (title,))
    t.equal(len(rows), 1, "submit: a double tap on Save stores one idea")
    if len(rows) != 1:
        return
    idea_id, stored_desc, category, member, status, created, votes = rows[0]
    t.equal(stored_desc, desc, "submit: the description with diacritics is stored exactly")
    t.equal(category, 2, "submit: the category chip chosen (safety)")
    t.equal(member, None, "submit: anonymous by default: no member stored")
    t.equal((status, votes), ("new", 0), "submit: status new, no votes")
    # anonymous: the start of its day, no timed step, indexed in the
    # anonymous file (store_anon.h)
    t.equal(created, NOW_S - (6 * 60 + 55) * 60, "submit: an anonymous idea carries the start of its day")
    hist = app.sql("SELECT from_status, to_status, at FROM idea_history WHERE idea_id = ?", (idea_id,))
    t.equal(hist, [], "submit: an anonymous idea has no timed history step")
    folded = app.scalar("SELECT folded FROM idea_anon_search WHERE rowid = ?", (idea_id,))
    t.equal(r.last().screen, "idea_detail", "submit: 'show my idea' opens it")
    author = r.last().find("idea_detail.author")
    t.check(author is not None and author.get("label", "").startswith("Anoniem ingediend"),
            "submit: the idea shows it was submitted anonymously", lambda: repr(author))
    t.equal(folded, "schoenenrek bij de kleedkamer een plank voor veiligheidsschoenen, geeindigd is het gezoek.",
            "submit: the search index holds the folded text")

    # "show my idea" opens it in full
    r = app.run(script=[{"tap": "home.ideas"}, {"tap": "ideas.filter.new"}, {"wait": "settled"}])
    t.check(r.rc == 0 and r.last().find("ideas.filter.new")["state"]["selected"],
            "submit: the idea box filters on new ideas", r.why())


def test_signed():
    app = demo_app()
    title = "Handschoenen in maat 11"
    r = app.run(script=[
        {"tap": "home.idea_new"},
        {"tap": "idea_new.title"}, {"type": title}, {"tap": "kbd.done"},
        {"tap": "idea_new.category.material"},
        {"tap": "idea_new.sign"},          # signing asks for a badge or PIN
        {"badge": BADGE_A},
        {"wait": "settled"},
        {"tap": "idea_new.save"},
        {"wait": "settled"},
    ])
    t.check(r.rc == 0, "signed: the script runs", r.why())
    t.check("identify" in r.screens(), "signed: signing opens identification", lambda: r.screens())
    sign = anywhere(r, "idea_new.sign", "Jeroen Jansen")
    t.check(sign is not None and sign["state"]["selected"], "signed: back on the form, signed with the name",
            r.why())
    t.equal(app.scalar("SELECT member_id FROM idea WHERE title = ?", (title,)), MEMBER_A,
            "signed: the idea carries the member who scanned the badge")


# ---- similar ideas while typing ----------------------------------------------------


def test_similar():
    app = demo_app()
    before = app.scalar("SELECT count(*) FROM idea")
    had_vote = app.scalar("SELECT count(*) FROM vote WHERE idea_id = 1 AND member_id = ?", (MEMBER_B,))
    r = app.run(script=[
        {"tap": "home.idea_new"},
        {"tap": "idea_new.title"},
        {"type": "bril"},
        {"wait": "settled"},
    ])
    t.check(r.rc == 0, "similar: typing in the title editor runs", r.why())
    last = r.last()
    t.equal(last.find("idea_new.title") and last.find("idea_new.title").get("label"), "bril",
            "similar: the editor shows the typed title")
    t.check(last.find("idea_new.similar.1") is not None,
            "similar: 'bril' suggests 'Veiligheidsbrillen bij de ingang' while typing",
            lambda: "shown: %s" % [e.get("label") for e in last.elements if "similar" in e.get("id", "")])
    t.check(last.find("idea_new.similar.vote.1") is not None, "similar: with a 'vote for this instead' button",
            lambda: repr(last))
    t.check(last.find("idea_new.similar.16") is None, "similar: the merged duplicate is not suggested")

    r = app.run(script=[
        {"tap": "home.idea_new"},
        {"tap": "idea_new.title"},
        {"type": "Heftruck"},
        {"wait": "settled"},
    ])
    t.check(r.last().find("idea_new.similar.2") is not None, "similar: 'Heftruck' suggests 'Heftrucks laden'",
            lambda: repr(r.last()))

    if had_vote:
        app.sql("DELETE FROM vote WHERE idea_id = 1 AND member_id = ?", (MEMBER_B,))
    votes = app.scalar("SELECT vote_count FROM idea WHERE id = 1")
    r = app.run(script=[
        {"tap": "home.idea_new"},
        {"tap": "idea_new.title"},
        {"type": "Brillenrek"},
        {"tap": "idea_new.similar.vote.1"},
        {"badge": BADGE_B},
        {"wait": "settled"},
    ])
    t.check(r.rc == 0, "similar: 'vote for this instead' runs", r.why())
    t.equal(r.last().screen, "idea_detail", "similar: after the vote the existing idea is shown")
    t.equal(app.scalar("SELECT count(*) FROM vote WHERE idea_id = 1 AND member_id = ?", (MEMBER_B,)), 1,
            "similar: the vote went to the existing idea")
    t.equal(app.scalar("SELECT vote_count FROM idea WHERE id = 1"), votes + 1, "similar: its count went up by one")
    t.equal(app.scalar("SELECT count(*) FROM idea"), before, "similar: no copy of the idea was stored")


# ---- voting --------------------------------------------------------------------------


def test_voting():
    app = demo_app(clear_votes=True)
    top = app.scalar("SELECT id FROM idea WHERE hidden = 0 AND status <> 'duplicate'"
                     " ORDER BY vote_count DESC, created_at DESC, id DESC LIMIT 1")
    vote = "ideas.vote.%d" % top

    def count():
        return app.scalar("SELECT vote_count FROM idea WHERE id = ?", (top,))

    def rows():
        return app.scalar("SELECT count(*) FROM vote WHERE idea_id = ?", (top,))

    # 1. not identified: "Vote" asks who votes, then counts
    r = app.run(script=[{"tap": "home.ideas"}, {"tap": vote}, {"badge": BADGE_A}, {"wait": "settled"}])
    t.check(r.rc == 0, "vote: tap Vote, identify with a badge", r.why())
    t.check("identify" in r.screens(), "vote: voting asks who you are", lambda: r.screens())
    t.equal(r.last().screen, "ideas", "vote: back on the idea box after identifying")
    t.equal((count(), rows()), (1, 1), "vote: the vote is counted (1)")
    button = r.last().find(vote)
    t.check(button is not None and "\u2714" in button.get("label", ""), "vote: the button now says voted with a check",
            lambda: repr(button))
    t.equal(app.scalar("SELECT member_id FROM vote WHERE idea_id = ?", (top,)), MEMBER_A, "vote: stored for member A")

    # 2. the same person again, in a new session: still one vote
    r = app.run(script=[{"tap": "home.ideas"}, {"tap": vote}, {"badge": BADGE_A}, {"wait": "settled"}])
    t.check(r.rc == 0, "vote again: runs", r.why())
    t.equal((count(), rows()), (1, 1), "vote: voting twice with the same identity leaves the count at 1")
    t.check(any("al op dit idee gestemd" in n for n in notices(r)), "vote: says the vote was already there",
            lambda: notices(r))

    # 3. another person: two votes
    r = app.run(script=[{"tap": "home.ideas"}, {"tap": vote}, {"badge": BADGE_B}, {"wait": "settled"}])
    t.check(r.rc == 0, "vote other: runs", r.why())
    t.equal((count(), rows()), (2, 2), "vote: another identity makes the count 2")
    t.equal(r.last().find("ideas.votes.%d" % top) and r.last().find("ideas.votes.%d" % top).get("label"),
            "2 stemmen", "vote: the list shows '2 stemmen'")

    # 4. identified with a badge first, A takes the vote back; a double tap counts once
    r = app.run(script=[
        {"tap": "home.ideas"}, {"badge": BADGE_A}, {"wait": "settled"},
        {"tap": vote},                 # A had voted: this takes it back
        {"tap": vote},                 # the second tap of a double tap: no change
        {"wait": "settled"},
    ])
    t.check(r.rc == 0, "take back: runs", r.why())
    t.equal((count(), rows()), (1, 1), "vote: taking the vote back makes the count 1; the double tap changed nothing")
    t.equal(app.scalar("SELECT member_id FROM vote WHERE idea_id = ?", (top,)), MEMBER_B,
            "vote: B's vote stays, A's is gone")

    # 5. a double tap on Vote: one vote; then a later tap takes it back
    r = app.run(script=[
        {"tap": "home.ideas"}, {"badge": BADGE_A}, {"wait": "settled"},
        {"tap": vote}, {"tap": vote},
        {"wait": "settled"},
    ])
    t.equal((count(), rows()), (2, 2), "vote: a double tap on Vote counts once")
    r = app.run(script=[
        {"tap": "home.ideas"}, {"badge": BADGE_A}, {"wait": "settled"},
        {"tap": vote},
        {"advance": 1},
        {"tap": vote},
        {"wait": "settled"},
    ])
    t.equal((count(), rows()), (2, 2), "vote: take back, then (a second later) vote again: 2")

    # 6. the detail screen shows the votes and votes too
    r = app.run(script=[
        {"tap": "home.ideas"}, {"tap": "ideas.row.%d" % top}, {"badge": BADGE_A}, {"wait": "settled"},
        {"tap": "idea_detail.vote"}, {"wait": "settled"},
    ])
    t.check(r.rc == 0, "detail: runs", r.why())
    t.equal(r.last().screen, "idea_detail", "detail: tapping a row opens the idea")
    votes_label = r.last().find("idea_detail.votes")
    t.equal(votes_label and votes_label.get("label"), "1 stem", "detail: shows '1 stem' after taking back there")
    t.equal(count(), 1, "detail: its vote button takes A's vote back")
    t.check(r.last().find("idea_detail.history.0") is not None, "detail: shows the history")


# ---- a failed save keeps the form ----------------------------------------------------------


def test_locked_save():
    app = demo_app()
    title = "Lockproef voor het opslaan"
    p, dump = app.start(script_stdin=True)

    def send(step):
        p.stdin.write((json.dumps(step, ensure_ascii=False) + "\n").encode("utf-8"))
        p.stdin.flush()

    def last_has(element_id, label=None):
        frames, _, _ = read_dump(dump)
        if not frames:
            return False
        e = frames[-1].find(element_id)
        return e is not None and (label is None or label in e.get("label", ""))

    def any_has(element_id, label):
        frames, _, _ = read_dump(dump)
        return any(label in e.get("label", "") for f in frames for e in f.all(element_id))

    con = None
    try:
        for step in ({"tap": "home.idea_new"}, {"tap": "idea_new.title"}, {"type": title}, {"tap": "kbd.done"},
                     {"tap": "idea_new.category.other"}):
            send(step)
        send({"wait": "settled"})
        ready = wait_for(lambda: last_has("idea_new.category.other") and last_has("idea_new.title", title), 30)
        t.check(ready, "locked save: the form is filled in")
        con = connect(app.db, timeout=1, isolation_level=None)
        con.execute("BEGIN IMMEDIATE")      # another writer holds the database
        send({"tap": "idea_new.save"})
        send({"wait": "settled"})
        said = wait_for(lambda: any_has("banner.notice", "NIET opgeslagen"), 40)
        t.check(said, "locked save: the kiosk says the idea was NOT saved")
        t.check(last_has("idea_new.title", title) and not last_has("idea_new.saved"),
                "locked save: the form stays filled in")
        con.execute("ROLLBACK")
        con.close()
        con = None
        send({"tap": "idea_new.save"})
        send({"wait": "settled"})
        saved = wait_for(lambda: last_has("idea_new.saved"), 30)
        t.check(saved, "locked save: Save again works once the lock is gone")
        send({"quit": True})
        rc = p.wait(timeout=30)
        t.equal(rc, 0, "locked save: the kiosk ends normally")
    finally:
        if con is not None:
            con.close()
        if p.poll() is None:
            stop(p)
        app.check_stderr(p.stderr.read().decode("utf-8", "replace"), "locked save")
    t.equal(app.scalar("SELECT count(*) FROM idea WHERE title = ?", (title,)), 1, "locked save: stored exactly once")


test_submit()
test_signed()
test_similar()
test_voting()
test_locked_save()
t.done()

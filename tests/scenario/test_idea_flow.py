#!/usr/bin/env python3
"""test_idea_flow.py: the team lead's idea workflow and moderation with the
real binary (issue 4, "Idea workflow and feedback", "Moderation", "Deletion
for a privacy request").

- a lead made with `--add-member NAME --lead` (PIN on stdin) signs in, opens
  an idea under review from the idea box and its detail ("Team lead: status
  & feedback"); only the allowed moves are offered;
- "adopted" without feedback: Save is disabled with the reason, a tap on it
  is refused with a message, and nothing is stored; with feedback it is
  saved (status, feedback, history, audit);
- the feedback then shows in the idea box list, on the next daily start's
  agenda (screen "dagstart") and on the wall (--wall, "what we improved");
- a merge keeps one vote per person;
- redaction and deletion (an idea and a learning point), checked like
  `grep -a` on the database file and its -wal; the deletion names the
  backups that still hold the text (VB_BACKUP_DIR: a temporary folder);
- screenshots of the lead panel at 1024x600 and 1920x1080 (nl, pl) match
  tests/ref/idea_lead-*.png (UPDATE_REFS=1 writes them).
PIN hashing is made cheap for tests with VERBETERBORD_PWHASH_CHEAP=1."""
import os
import shutil
import subprocess
import time

from vbtest import NOW, NOW_S, App, Suite, binary, build_dir, png_size, tmp_root

os.environ["VERBETERBORD_PWHASH_CHEAP"] = "1"
BACKUPS = os.path.join(tmp_root(), "backups")
os.makedirs(BACKUPS)
os.environ["VB_BACKUP_DIR"] = BACKUPS
REF_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "ref")
FEEDBACK = "Hangt sinds maandag bij lijn 1 en 2. Dank voor het idee!"

t = Suite()


def label(frame, element_id):
    """The text of an element (lines of a paragraph joined), or None."""
    parts = [e.get("label", "") for e in frame.elements if e.get("id") == element_id]
    return " ".join(parts) if parts else None


def notices(result):
    out = []
    for fr in result.frames:
        text = label(fr, "banner.notice")
        if text and (not out or out[-1] != text):
            out.append(text)
    return out


def find_element(result, element_id):
    for fr in reversed(result.frames):
        e = fr.find(element_id)
        if e:
            return e
    return None


def new_app(window="1024x600", lang=None):
    """A demo database with a lead of our own (PIN 2468); returns (app, lead id)."""
    app = App(t, window=window)
    r = app.run(script=[], extra=["--demo"])
    t.check(r.rc == 0, "demo database (%s)" % window, r.why)
    cmd = [binary(), "--config", os.path.join(app.dir, "no-device.conf"), "--db", app.db, "--now", NOW,
           "--add-member", "Lea Leider", "--lead"]
    p = subprocess.run(cmd, input=b"2468\n", stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
    lead = app.scalar("SELECT id FROM member WHERE name = 'Lea Leider' AND role = 'lead'")
    t.check(p.returncode == 0 and lead, "a lead made with --add-member --lead (%s)" % window,
            p.stderr.decode("utf-8", "replace"))
    if lang:
        app.sql("UPDATE setting SET value = ? WHERE key = 'language'", (lang,))
    return app, lead


app, LEAD = new_app()


def sign_in(lead=LEAD):
    return ([{"tap": "home.lead"}, {"tap": "lead.pick.%d" % lead}] +
            [{"tap": "lead.pin.%s" % d} for d in "2468"] + [{"tap": "lead.pin.ok"}])


def open_idea(idea, status):
    """Signs in, then the idea box, the filter of the idea's status, the idea,
    and its lead panel; a minute on, so the greeting has gone."""
    return sign_in() + [{"tap": "lead.menu.ideas"}, {"tap": "ideas.filter.%s" % status},
                        {"tap": "ideas.row.%d" % idea}, {"tap": "idea_detail.lead"}, {"advance": 60},
                        {"wait": "settled"}]


def grep_files(db, word):
    """`grep -a -i -c word` over every file of the database: the main file and
    the file of anonymous entries (-anon), each with its -wal and -shm."""
    hits = 0
    needle = word.lower().encode()
    for p in (db, db + "-wal", db + "-shm", db + "-anon", db + "-anon-wal", db + "-anon-shm"):
        if os.path.exists(p):
            with open(p, "rb") as f:
                hits += f.read().lower().count(needle)
    return hits


# ---- a move without and with the required feedback ----------------------------------
IDEA = app.scalar("SELECT id FROM idea WHERE status = 'review' AND hidden = 0 ORDER BY vote_count DESC, id LIMIT 1")
first_fb = app.scalar("SELECT first_feedback_at FROM idea WHERE id = ?", (IDEA,))
history0 = app.scalar("SELECT count(*) FROM idea_history WHERE idea_id = ?", (IDEA,))

r = app.run(script=open_idea(IDEA, "review"))
last = r.last()
t.check(r.rc == 0 and last.screen == "idea_lead", "the lead opens the idea's lead panel from its detail", r.why)
moves = sorted(i for i in last.ids() if i.startswith("idea_lead.move.") or i == "idea_lead.merge")
t.equal(moves, ["idea_lead.move.adopted", "idea_lead.move.declined", "idea_lead.move.trial"],
        "under review: only trial, adopted and not adopted are offered")

r = app.run(script=open_idea(IDEA, "review") + [{"tap": "idea_lead.move.adopted"}])
save = r.last().find("idea_lead.save")
t.check(save is not None and save["state"]["disabled"], "adopted without feedback: Save is disabled",
        lambda: repr(save))
hint = label(r.last(), "idea_lead.save_hint") or ""
t.check("terugkoppeling" in hint, "... with the reason next to it", hint)

x, y, w, h = save["rect"] if save else (0, 0, 0, 0)
r = app.run(script=open_idea(IDEA, "review") + [{"tap": "idea_lead.move.adopted"}, {"tap": [x + w // 2, y + h // 2]}])
t.check(r.rc == 0 and any("Niet opgeslagen" in n for n in notices(r)),
        "a tap on the disabled Save is refused with a message", lambda: repr(notices(r)))
t.equal(app.scalar("SELECT status FROM idea WHERE id = ?", (IDEA,)), "review", "... and the idea stays under review")
t.equal(app.scalar("SELECT count(*) FROM idea_history WHERE idea_id = ?", (IDEA,)), history0, "... with no history row")

r = app.run(script=open_idea(IDEA, "review") + [
    {"tap": "idea_lead.move.adopted"}, {"tap": "idea_lead.feedback"}, {"type": FEEDBACK}, {"tap": "kbd.done"},
    {"tap": "idea_lead.save"}])
t.check(r.rc == 0 and any(n.startswith("Opgeslagen") for n in notices(r)), "with feedback, Save saves",
        lambda: "%s %r" % (r.why(), notices(r)))
row = app.sql("SELECT status, feedback, feedback_at, first_feedback_at, status_changed_at FROM idea WHERE id = ?",
              (IDEA,))[0]
t.check(row[0] == "adopted" and row[1] == FEEDBACK and row[2] >= NOW_S and row[4] == row[2],
        "the idea is adopted, with the feedback and its time", repr(row))
t.equal(row[3], first_fb, "the first feedback (given before) is not moved")
hist = app.sql("SELECT from_status, to_status, feedback, member_id FROM idea_history WHERE idea_id = ?"
               " ORDER BY id DESC LIMIT 1", (IDEA,))[0]
t.equal(hist, ("review", "adopted", FEEDBACK, LEAD), "a history row with the lead and the feedback")
audit = app.sql("SELECT action, subject, detail, member_id FROM audit_log ORDER BY id DESC LIMIT 1")[0]
t.equal(audit, ("idea_status", "idea:%d" % IDEA, "review -> adopted: " + FEEDBACK, LEAD), "an audit row")

# ---- the feedback reaches the team --------------------------------------------------------
app.window = "1920x1080"  # room for the whole adopted list
r = app.run(script=[{"tap": "home.ideas"}, {"tap": "ideas.filter.adopted"}, {"wait": "settled"}])
fb = label(r.last(), "ideas.feedback.%d" % IDEA) or ""
t.check(FEEDBACK[:30] in fb, "the idea box list shows the feedback", fb)
r = app.run(script=[{"tap": "home.dagstart"}, {"tap": "dagstart.tab.3"}, {"wait": "settled"}, {"tap": "dagstart.tab.5"},
                    {"wait": "settled"}])
app.window = "1024x600"
texts = [e.get("label", "") for f in r.frames if f.screen == "dagstart" for e in f.elements]
t.check(any(FEEDBACK[:30] in s for s in texts), "the next daily start's agenda shows the feedback",
        lambda: repr([s for s in texts if "Ingevoerd" in s][:5]))

steps = []
for _ in range(4):
    steps += [{"advance": 15}, {"wait": "settled"}]
r = app.run(script=steps, extra=["--wall"])
shown = [label(f, "wall.improved.%d.feedback" % IDEA) for f in r.frames]
t.check(any(s and FEEDBACK[:20] in s for s in shown), "the wall shows the feedback under 'what we improved'",
        lambda: r.why())

# ---- merging keeps one vote per person ------------------------------------------------------
dup = app.scalar("SELECT id FROM idea WHERE status = 'new' AND hidden = 0 ORDER BY id LIMIT 1")
into = app.scalar("SELECT id FROM idea WHERE status = 'review' AND hidden = 0 ORDER BY id LIMIT 1")
into_title = app.scalar("SELECT title FROM idea WHERE id = ?", (into,))
members = [m for (m,) in app.sql("SELECT id FROM member WHERE active = 1 ORDER BY id")]
for m in members[:6]:  # six people vote for both
    for i in (dup, into):
        app.sql("INSERT OR IGNORE INTO vote (idea_id, member_id, at) VALUES (?, ?, ?)", (i, m, NOW_S - 600))
voters = set(m for (m,) in app.sql("SELECT member_id FROM vote WHERE idea_id IN (?, ?)", (dup, into)))
r = app.run(script=open_idea(dup, "new") + [
    {"tap": "idea_lead.merge"}, {"tap": "idea_lead.merge.search"}, {"key": "End"}] +
    [{"key": "BackSpace"}] * 80 + [{"type": into_title}, {"tap": "kbd.done"},
                                   {"tap": "idea_lead.merge.pick.%d" % into}, {"tap": "idea_lead.merge.confirm"}])
t.check(r.rc == 0, "merge: the lead merges a new idea into a similar one", r.why)
t.equal(app.scalar("SELECT status || ':' || merged_into FROM idea WHERE id = ?", (dup,)), "duplicate:%d" % into,
        "merge: the duplicate points to the idea that stays")
after = [m for (m,) in app.sql("SELECT member_id FROM vote WHERE idea_id = ?", (into,))]
t.check(sorted(after) == sorted(voters) and len(after) == len(set(after)),
        "merge: every voter of either idea has exactly one vote on the idea that stays",
        lambda: "%d votes, %d voters" % (len(after), len(voters)))
t.equal(app.scalar("SELECT vote_count FROM idea WHERE id = ?", (into,)), len(voters), "merge: the vote count agrees")
t.equal(app.scalar("SELECT count(*) FROM vote WHERE idea_id = ?", (dup,)), 0, "merge: the duplicate keeps no votes")

# ---- redaction and deletion, grep -a on the files ---------------------------------------------
created = NOW_S - 3600
app.sql("PRAGMA wal_checkpoint(TRUNCATE)")
before_bytes = b""
for path in (app.db, app.db + "-anon"):
    with open(path, "rb") as f:
        before_bytes += f.read().lower()
# the FTS5 index stores trigrams: those of the title's odd word that nothing else in the database has
word = "zwartebergstraatje"
RARE = sorted(set(word[i:i + 3] for i in range(len(word) - 2) if word[i:i + 3].encode() not in before_bytes))
app.sql("INSERT INTO idea (id, title, description, category_id, member_id, status, created_at, status_changed_at)"
        " VALUES (900, 'Poort Zwartebergstraatje dicht', 'Gijsbertha Qyxplonk laat de poort altijd open.', 2, NULL,"
        " 'new', ?, ?)", (created, created))
app.sql("INSERT INTO idea_history (idea_id, to_status, at) VALUES (900, 'new', ?)", (created,))
for m in members[:8]:  # on top of the list of new ideas, where the lead finds it
    app.sql("INSERT INTO vote (idea_id, member_id, at) VALUES (900, ?, ?)", (m, created))
app.sql("INSERT INTO idea_search (rowid, folded) VALUES (900, 'poort zwartebergstraatje dicht gijsbertha qyxplonk"
        " laat de poort altijd open.')")
app.sql("PRAGMA wal_checkpoint(TRUNCATE)")
t.check(grep_files(app.db, "Qyxplonk") > 0, "redact: before, grep -a finds the name")
r = app.run(script=open_idea(900, "new") + [
    {"tap": "idea_lead.redact"}, {"tap": "idea_lead.redact.field.1"}, {"tap": "idea_lead.redact.part"},
    {"type": "Gijsbertha Qyxplonk"}, {"tap": "kbd.done"}, {"wait": "settled"}])
preview = label(r.last(), "idea_lead.redact.preview") or ""
t.check("[\u2026] laat de poort" in preview, "redact: the preview shows the text with [\u2026]", preview)
r = app.run(script=open_idea(900, "new") + [
    {"tap": "idea_lead.redact"}, {"tap": "idea_lead.redact.field.1"}, {"tap": "idea_lead.redact.part"},
    {"type": "Gijsbertha Qyxplonk"}, {"tap": "kbd.done"}, {"tap": "idea_lead.redact.apply"}])
t.equal(app.scalar("SELECT description FROM idea WHERE id = 900"), "[\u2026] laat de poort altijd open.",
        "redact: the row holds [\u2026]")
t.check(grep_files(app.db, "Qyxplonk") == 0 and grep_files(app.db, "Gijsbertha") == 0,
        "redact: grep -a finds the name in neither the database file nor its -wal")
t.equal(app.scalar("SELECT count(*) FROM audit_log WHERE action = 'idea_redact' AND subject = 'idea:900'"
                   " AND detail NOT LIKE '%Qyxplonk%'"), 1, "redact: audited without the text")

# backups: one from before the idea existed, two after it
for name in ("verbeterbord-20261120-020000.db", "verbeterbord-20261126-063000.db", "verbeterbord-20261126-064500.db"):
    with open(os.path.join(BACKUPS, name), "wb") as f:
        f.write(b"copy")
app.sql("PRAGMA wal_checkpoint(TRUNCATE)")
t.check(RARE and all(grep_files(app.db, tri) > 0 for tri in RARE),
        "delete: before, the search index holds the word's trigrams that nothing else has", repr(RARE))
r = app.run(script=open_idea(900, "new") + [{"tap": "idea_lead.delete"}, {"wait": "settled"}])
listed = [label(r.last(), "idea_lead.delete.backup.%d" % i) or "" for i in range(3)]
t.check("verbeterbord-20261126-063000.db" in listed[0] and "10-12-2026" in listed[0] and
        "verbeterbord-20261126-064500.db" in listed[1] and not listed[2],
        "delete: the confirmation names the backups that hold it and when they expire", repr(listed))
t.check(app.scalar("SELECT count(*) FROM idea WHERE id = 900") == 1, "delete: the first question deletes nothing")
r = app.run(script=open_idea(900, "new") + [
    {"tap": "idea_lead.delete"}, {"tap": "idea_lead.delete.continue"}, {"tap": "idea_lead.delete.confirm"},
    {"wait": "settled"}])
t.check(app.scalar("SELECT count(*) FROM idea WHERE id = 900") == 1,
        "delete: a double tap on Continue does not answer the second question")
r = app.run(script=open_idea(900, "new") + [
    {"tap": "idea_lead.delete"}, {"tap": "idea_lead.delete.continue"}, {"advance": 1},
    {"tap": "idea_lead.delete.confirm"}, {"wait": "settled"}])
done = label(r.last(), "idea_lead.delete.done") or ""
t.check(r.rc == 0 and done.startswith("\u2714"), "delete: the second question deletes, and says so", done)
t.equal(app.scalar("SELECT count(*) FROM idea WHERE id = 900"), 0, "delete: the idea is gone")
for word in ("Zwartebergstraatje", "zwartebergstraatje", "Poort Zwarteberg", "altijd open"):
    t.equal(grep_files(app.db, word), 0, "delete: grep -a finds '%s' in neither the file nor its -wal" % word)
t.equal([tri for tri in RARE if grep_files(app.db, tri)], [],
        "delete: none of those trigrams is left in the search index (its segments were merged)")
t.check(not os.path.exists(app.db + "-wal") or os.path.getsize(app.db + "-wal") == 0, "delete: the -wal is empty")
t.equal(app.scalar("PRAGMA integrity_check"), "ok", "delete: the database is intact")

# a learning point
lp = app.scalar("SELECT id FROM learning_point WHERE hidden = 0 ORDER BY day DESC, id LIMIT 1")
app.sql("UPDATE learning_point SET what_happened = 'Henkie Quaddelbroek reed tegen het Zwartebergrek' WHERE id = ?",
        (lp,))
app.sql("PRAGMA wal_checkpoint(TRUNCATE)")
t.check(grep_files(app.db, "Quaddelbroek") > 0, "delete lp: before, grep -a finds the text")
r = app.run(script=sign_in() + [{"tap": "bar.home"}, {"tap": "home.learning_list"},
                                {"tap": "learning_list.lead.%s" % lp}, {"tap": "learning_lead.delete"},
                                {"tap": "learning_lead.delete.continue"}, {"advance": 1},
                                {"tap": "learning_lead.delete.confirm"}, {"wait": "settled"}])
t.check(r.rc == 0 and label(r.last(), "learning_lead.delete.done"), "delete lp: from the list, in two steps", r.why)
t.equal(app.scalar("SELECT count(*) FROM learning_point WHERE id = ?", (lp,)), 0, "delete lp: the point is gone")
t.check(grep_files(app.db, "Quaddelbroek") == 0 and grep_files(app.db, "Zwartebergrek") == 0,
        "delete lp: grep -a finds its words in neither the file nor its -wal")
t.equal(app.scalar("SELECT count(*) FROM audit_log WHERE action = 'lp_delete' AND subject = 'lp:%s'" % lp), 1,
        "delete lp: audited")

# ---- screenshots ------------------------------------------------------------------------------
imgdiff = os.path.join(build_dir(), "tools", "imgdiff")
update = os.environ.get("UPDATE_REFS") == "1"
for size, lang in (("1024x600", "nl"), ("1920x1080", "nl"), ("1024x600", "pl"), ("1920x1080", "pl")):
    shot_app, shot_lead = new_app(size, lang if lang != "nl" else None)
    idea = shot_app.scalar("SELECT id FROM idea WHERE status = 'review' AND hidden = 0 ORDER BY vote_count DESC, id"
                           " LIMIT 1")
    out = os.path.join(shot_app.dir, "idea_lead-%s-%s.png" % (size, lang))
    steps = ([{"tap": "home.lead"}, {"tap": "lead.pick.%d" % shot_lead}] +
             [{"tap": "lead.pin.%s" % d} for d in "2468"] + [{"tap": "lead.pin.ok"}] +
             [{"tap": "lead.menu.ideas"}, {"tap": "ideas.filter.review"}, {"tap": "ideas.row.%d" % idea},
              {"tap": "idea_detail.lead"}, {"advance": 60}, {"wait": "settled"}, {"screenshot": out}])
    r = shot_app.run(script=steps)
    w, h = (int(v) for v in size.split("x"))
    name = "screenshot idea_lead %s %s" % (size, lang)
    if not t.check(r.rc == 0 and png_size(out) == (w, h), name + ": rendered", r.why()):
        continue
    ref = os.path.join(REF_DIR, "idea_lead-%s-%s.png" % (size, lang))
    if update:
        shutil.copyfile(out, ref)
        t.ok(name + ": reference written")
    elif not os.path.exists(ref):
        shutil.copyfile(out, ref + ".actual.png")
        t.fail(name + ": matches the reference", "no reference (run make update-refs)")
    else:
        p = subprocess.run([imgdiff, ref, out], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if t.check(p.returncode == 0, name + ": matches the reference",
                   (p.stdout + p.stderr).decode(errors="replace").strip()):
            for stale in (ref + ".actual.png", ref + ".diff.png"):
                if os.path.exists(stale):
                    os.remove(stale)
        else:
            shutil.copyfile(out, ref + ".actual.png")
t.done()

#!/usr/bin/env python3
"""test_dagstart.py: running a daily start with the real binary, with a
restart of the kiosk in the middle, and an action that comes out of it.

- Anyone sees today's agenda; starting it asks for the team lead (name, PIN)
  and then starts it at once. The lead marks presence, marks items
  discussed, moves through the sections with the countdown running, turns
  today's learning point into an action for Jeroen (owner chip, due-date
  preset, description through the editor) and adds feedback to it.
- The kiosk stops (the end of the script) and starts again on the same
  database: the daily start resumes at the section where it was, with its
  marks, presence and time per section. Without a lead nothing can be
  marked; the lead signs in again and goes on. While it is open idle reset
  waits; the lead closes it and the record holds the date, duration, who
  was present and the items discussed; then idle reset works again.
- Jeroen scans his badge on the actions screen, sees the action under "my
  actions" and marks it done with a note.
Every step is checked in the database too. PIN hashing is made cheap with
VERBETERBORD_PWHASH_CHEAP=1."""
import os
import subprocess

from vbtest import NOW, NOW_S, App, Suite, binary

os.environ["VERBETERBORD_PWHASH_CHEAP"] = "1"

HENK = 1            # lead (kiosk/store/demo.c)
JEROEN = 3
JEROEN_BADGE = "0451301"
LINDA = 5
TODAY = "2026-11-26"

t = Suite()
app = App(t)
r = app.run(script=[], extra=["--demo"])
t.check(r.rc == 0, "setup: demo database made", r.why)
p = subprocess.run([binary(), "--config", os.path.join(app.dir, "no-device.conf"), "--db", app.db, "--now", NOW,
                    "--set-pin", "Henk de Vries"], input=b"1234\n", stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                   timeout=60)
t.check(p.returncode == 0, "setup: Henk gets a PIN on the command line", p.stderr.decode("utf-8", "replace"))


def label(frame, element_id):
    e = frame.find(element_id) if frame else None
    return e.get("label", "") if e else None


def state(frame, element_id, key):
    e = frame.find(element_id) if frame else None
    return bool(e and e.get("state", {}).get(key))


def sign_in_steps():
    return [{"tap": "lead.pick.%d" % HENK}] + [{"tap": "lead.pin.%s" % d} for d in "1234"] + [{"tap": "lead.pin.ok"}]


lp_id = app.scalar("SELECT id FROM learning_point WHERE dagstart_day = ? AND hidden = 0 ORDER BY day, id LIMIT 1",
                   (TODAY,))
receipt = app.scalar("SELECT receipt FROM learning_point WHERE id = ?", (lp_id,))
t.check(lp_id is not None, "setup: today's daily start has a learning point in the demo")
LP = "lp:%s" % lp_id
FEEDBACK = "Vanaf maandag vaste laadtijden: 8:00 en 13:00"

# ---- run 1: anyone looks, the lead starts and runs the first half --------------
r = app.run(script=[
    {"tap": "home.dagstart"},
    {"screenshot": os.path.join(app.dir, "before.png")},
    {"tap": "dagstart.start"},
] + sign_in_steps() + [
    {"advance": 50},
    {"tap": "dagstart.presence.%d" % LINDA},
    {"tap": "dagstart.next"},
    {"advance": 80},
    {"tap": "dagstart.item.ann:1"},
    {"tap": "dagstart.next"},
    {"advance": 30},
    {"tap": "dagstart.item.%s" % LP},
    {"tap": "dagstart.action.%s" % LP},
    {"tap": "dagstart.panel.owner.%d" % JEROEN},
    {"tap": "dagstart.panel.due.1"},
    {"tap": "dagstart.panel.save"},
    {"tap": "dagstart.feedback.%s" % LP},
    {"tap": "dagstart.panel.text"},
    {"type": FEEDBACK},
    {"tap": "kbd.done"},
    {"tap": "dagstart.panel.save"},
    {"tap": "dagstart.notes"},
    {"tap": "dagstart.panel.text"},
    {"type": "Koffieautomaat kapot: TD gebeld"},
    {"tap": "kbd.done"},
    {"tap": "dagstart.panel.save"},
    {"advance": 6},
    {"wait": "settled"},
])
t.check(r.rc == 0, "run 1: the script runs", r.why)
before = r.first_frame_on("dagstart")
t.check(before is not None and before.find("dagstart.start") is not None and
        before.find("dagstart.presence.%d" % LINDA) is not None,
        "run 1: anyone sees today's agenda (the roster first) with a start button", lambda: "%r" % before)
t.check("lead" in r.screens(), "run 1: starting asks for the team lead", lambda: "%r" % r.screens())
row = app.sql("SELECT id, started_at, ended_at, lead_id FROM dagstart WHERE day = ?", (TODAY,))
t.check(len(row) == 1 and row[0][2] is None and row[0][3] == HENK, "run 1: today's daily start is open, led by Henk",
        lambda: "%r" % row)
ds = row[0][0] if row else 0
started_at = row[0][1] if row else 0
t.check(abs(started_at - NOW_S) < 120, "run 1: started at the kiosk's time", lambda: "%r vs %r" % (started_at, NOW_S))
t.equal(app.scalar("SELECT present FROM dagstart_presence WHERE dagstart_id = ? AND member_id = ?", (ds, LINDA)), 0,
        "run 1: Linda's absence is saved at once")
t.equal(app.scalar("SELECT count(*) FROM dagstart_presence WHERE dagstart_id = ? AND present = 1", (ds,)), 14,
        "run 1: the others are present")
marks = sorted(x[0] for x in app.sql("SELECT item_key FROM dagstart_item WHERE dagstart_id = ? AND discussed = 1",
                                     (ds,)))
t.equal(marks, sorted(["ann:1", LP]), "run 1: the discussed marks are saved as they happen")
t.equal(app.scalar("SELECT section FROM dagstart WHERE id = ?", (ds,)), 2, "run 1: the current section is saved")
times = dict(app.sql("SELECT section, elapsed_s FROM dagstart_section WHERE dagstart_id = ?", (ds,)))
t.check(times.get(0) == 50 and times.get(1) == 80 and 30 <= times.get(2, 0) <= 40,
        "run 1: the time per section is saved (0:50, 1:20, 0:30+)", lambda: "%r" % times)
act = app.sql("SELECT id, owner_id, due_day, status, origin, learning_point_id, description FROM action"
              " WHERE learning_point_id = ? AND created_at >= ?", (lp_id, NOW_S - 60))
t.check(len(act) == 1 and act[0][1:6] == (JEROEN, "2026-11-27", "open", "learning_point", lp_id) and act[0][6],
        "run 1: the learning point became an action for Jeroen, due tomorrow", lambda: "%r" % act)
action_id = act[0][0] if act else 0
t.equal(app.scalar("SELECT feedback FROM learning_point WHERE id = ?", (lp_id,)), FEEDBACK,
        "run 1: the lead's feedback is on the learning point")
t.equal(app.scalar("SELECT notes FROM dagstart WHERE id = ?", (ds,)), "Koffieautomaat kapot: TD gebeld",
        "run 1: the lead's notes are saved")
t.check(app.scalar("SELECT count(*) FROM audit_log WHERE member_id = ? AND action IN"
                   " ('dagstart_open', 'action_add', 'lp_feedback') AND at >= ?", (HENK, NOW_S - 60)) == 3,
        "run 1: starting, the action and the feedback are audited with the lead")
panel = [f for f in r.frames if f.find("dagstart.panel.owner.%d" % JEROEN)]
t.check(panel and panel[0].find("dagstart.panel.due.3") is not None,
        "run 1: the action form offers the roster and due-date presets", lambda: "%r" % panel[:1])

# ---- run 2: the kiosk restarted; the daily start resumes -------------------------
app.now = "2026-11-26T07:03"
r = app.run(script=[
    {"tap": "home.dagstart"},
    {"tap": "dagstart.item.%s" % LP},      # nobody signed in: nothing happens
    {"tap": "dagstart.tab.1"},
    {"tap": "dagstart.tab.3"},
    {"tap": "dagstart.resume"},
] + sign_in_steps() + [
    {"tap": "dagstart.next"},
    {"tap": "dagstart.next"},
    {"tap": "dagstart.item.action:9"},
    {"advance": 200},                      # longer than the idle timeout (90 s)
    {"wait": "settled"},
    {"tap": "dagstart.close"},
    {"tap": "dagstart.panel.save"},
    {"wait": "settled"},
    {"advance": 200},
    {"wait": "settled"},
])
t.check(r.rc == 0, "run 2: the script runs", r.why)
resumed = r.first_frame_on("dagstart")
t.check(resumed is not None and state(resumed, "dagstart.tab.3", "selected"),
        "run 2: it resumes at looking back, where it was", lambda: "%r" % resumed)
t.check(state(resumed, "dagstart.item.%s" % LP, "selected") and
        "besproken" in (label(resumed, "dagstart.item.%s.state" % LP) or ""),
        "run 2: the learning point is still marked discussed (check and word)",
        lambda: "%r" % label(resumed, "dagstart.item.%s.state" % LP))
t.check("2:" in (label(resumed, "dagstart.timer.section") or ""),
        "run 2: the section countdown goes on from the saved time",
        lambda: "%r" % label(resumed, "dagstart.timer.section"))
t.check(resumed.find("dagstart.resume") is not None and resumed.find("dagstart.close") is None,
        "run 2: without a lead it cannot be run, only resumed by the lead")
staffing = [f for f in r.frames if f.screen == "dagstart" and f.find("dagstart.presence.%d" % LINDA)]
t.check(staffing and not state(staffing[0], "dagstart.presence.%d" % LINDA, "selected") and
        "afwezig" in label(staffing[0], "dagstart.presence.%d" % LINDA),
        "run 2: Linda is still absent after the restart",
        lambda: "%r" % (label(staffing[0], "dagstart.presence.%d" % LINDA) if staffing else None))
t.check(app.scalar("SELECT discussed FROM dagstart_item WHERE dagstart_id = ? AND item_key = ?", (ds, LP)) == 1,
        "run 2: a tap without the lead changes nothing")
held = [f for f in r.frames if f.find("dagstart.close") is not None]
t.check(held and held[-1].screen == "dagstart", "run 2: idle reset waits while the daily start is open",
        lambda: "%r" % r.screens())
row = app.sql("SELECT ended_at, ended_at - started_at, lead_id FROM dagstart WHERE id = ?", (ds,))
t.check(row and row[0][0] is not None, "run 2: closing records it", lambda: "%r" % row)
duration = row[0][1] if row and row[0][0] is not None else -1
t.check(duration >= 8 * 60, "run 2: the duration runs from the start to the close (%s s)" % duration)
marks = sorted(x[0] for x in app.sql("SELECT item_key FROM dagstart_item WHERE dagstart_id = ? AND discussed = 1",
                                     (ds,)))
t.equal(marks, sorted(["ann:1", LP, "action:9"]), "run 2: the items discussed, before and after the restart")
t.equal(app.scalar("SELECT count(*) FROM dagstart_presence WHERE dagstart_id = ?", (ds,)), 15,
        "run 2: presence is recorded for the whole roster")
times = dict(app.sql("SELECT section, elapsed_s FROM dagstart_section WHERE dagstart_id = ?", (ds,)))
t.check(times.get(0) == 50 and times.get(1) == 80 and times.get(4, 0) >= 200,
        "run 2: the section times of both runs are kept", lambda: "%r" % times)
t.equal(app.scalar("SELECT discussed_day FROM learning_point WHERE id = ?", (lp_id,)), TODAY,
        "run 2: the learning point discussed gets the day")
t.equal(app.scalar("SELECT count(*) FROM audit_log WHERE action = 'dagstart_close' AND member_id = ?", (HENK,)), 1,
        "run 2: closing is audited")
confirm = [f for f in r.frames if f.find("dagstart.panel.summary.0") is not None]
t.check(confirm and "Linda Visser" in (label(confirm[0], "dagstart.panel.absent") or "") and
        "14" in (label(confirm[0], "dagstart.panel.summary.1") or ""),
        "run 2: before closing it says who was there and who was not",
        lambda: "%r" % ([label(confirm[0], "dagstart.panel.summary.1"), label(confirm[0], "dagstart.panel.absent")]
                        if confirm else None))
closing = [f for f in r.frames if f.find("dagstart.record") is not None]
t.check(closing, "run 2: the screen shows the record after closing")
t.equal(r.last().screen, "home", "run 2: after closing, idle reset works again")

# ---- run 3: the next daily start picks up from here ------------------------------------
app.now = "2026-11-27T06:55"
r = app.run(script=[{"tap": "home.dagstart"}, {"tap": "dagstart.tab.3"}])
t.check(r.rc == 0, "next day: the script runs", r.why)
last = r.last()
t.check(last.find("dagstart.item.%s" % LP) is None, "next day: yesterday's learning point is not repeated")
t.check(last.find("dagstart.start") is not None, "next day: a new daily start can begin")

# ---- run 4: Jeroen marks his action done --------------------------------------------
app.now = "2026-11-26T09:30"
NOTE = "Afgesproken met de vervoerder"
r = app.run(script=[
    {"tap": "home.actions"},
    {"wait": "settled"},
    {"badge": JEROEN_BADGE},
    {"wait": "settled"},
    {"tap": "actions.done.%d" % action_id},
    {"tap": "actions.panel.text"},
    {"type": NOTE},
    {"tap": "kbd.done"},
    {"tap": "actions.panel.save"},
    {"wait": "settled"},
])
t.check(r.rc == 0, "actions: the script runs", r.why)
prompt = r.first_frame_on("actions")
t.check(prompt is not None and prompt.find("actions.identify") is not None,
        "actions: nobody identified: it asks whose actions")
mine = [f for f in r.frames if f.find("actions.done.%d" % action_id)]
t.check(mine and "Jeroen" in (label(mine[0], "actions.title") or ""),
        "actions: after the badge, Jeroen sees his actions", lambda: "%r" % (mine[:1]))
t.check(mine and "Morgen af" in (label(mine[0], "actions.state.%d" % action_id) or ""),
        "actions: the due day in words", lambda: "%r" % (label(mine[0], "actions.state.%d" % action_id) if mine else ""))
owners = set(app.scalar("SELECT owner_id FROM action WHERE id = ?", (int(e["id"].split(".")[-1]),))
             for f in mine[:1] for e in f.elements if e["id"].startswith("actions.done."))
t.equal(owners, {JEROEN}, "actions: only his own actions are listed")
row = app.sql("SELECT status, note, closed_at FROM action WHERE id = ?", (action_id,))
t.check(row and row[0][0] == "done" and row[0][1] == NOTE and row[0][2] is not None,
        "actions: the action is done with his note", lambda: "%r" % row)
t.check(any("actions.filter.closed" in f.ids() for f in r.frames), "actions: a filter for done actions")

# overdue actions stand out in words
r = app.run(script=[{"tap": "home.actions"}, {"badge": "0451355"}, {"wait": "settled"}])  # Ricardo, demo action 5
last = r.last()
words = label(last, "actions.state.5") or ""
t.check("te laat" in words and "\u26a0" in words, "actions: an overdue action says so in words with a sign",
        lambda: "%r" % words)

# the reporter sees the lead's feedback through the receipt code
t.equal(app.scalar("SELECT feedback FROM learning_point WHERE receipt = ?", (receipt,)), FEEDBACK,
        "receipt: the feedback belongs to the receipt code")
t.done()

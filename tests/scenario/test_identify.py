#!/usr/bin/env python3
"""test_identify.py: identifying a worker, driving the real binary.

- A badge burst on the home screen identifies the demo member with that
  badge for the session: the home screen shows their name and "done", and
  the UI switches to their language (Łukasz: Polish).
- An unknown badge says so, in the team's language, and identifies nobody.
- A badge burst while the editor is open never lands in the field; single
  keys typed one by one still do.
- The language button switches the labels nl -> en -> pl; idle reset and
  "done" bring Dutch back and forget the member.
- The identify screen: picking a name from the roster is enough to vote; to
  sign, the picked member types their personal PIN (wrong PINs are counted
  in the database); a member without a PIN is told to ask for one.
Each run also checks the database (members, PIN counters, no stray text)."""
import os
import subprocess

from vbtest import App, Suite, binary

t = Suite()

LUKASZ_BADGE = "0451322"  # Łukasz Wiśniewski, Polish (kiosk/store/demo.c)
LUKASZ = "\u0141ukasz Wi\u015bniewski"

# labels of the "log a learning point" tile per language (assets/po)
TILE = {"nl": "Leerpunt melden", "en": "Log a learning point", "pl": "Zg\u0142o\u015b wniosek"}


def label(frame, element_id):
    e = frame.find(element_id) if frame else None
    return e.get("label") if e else None


def frame_after(r, pred):
    """The last frame for which pred(frame) holds, or None."""
    found = None
    for f in r.frames:
        if pred(f):
            found = f
    return found


# ---- a badge burst on home --------------------------------------------------
app = App(t)
r = app.run(script=[{"wait": "settled"}, {"badge": LUKASZ_BADGE}, {"wait": "settled"}], extra=["--demo"])
t.equal(r.rc, 0, "badge on home: the script runs")
last = r.last()
t.equal(last.screen, "home", "badge on home: still on the home screen")
t.check(LUKASZ in (label(last, "home.member") or ""), "badge on home: the home screen shows Łukasz's name",
        lambda: "home.member is %r" % label(last, "home.member"))
t.check(last.find("home.done") is not None, "badge on home: a 'done' button shows")
t.equal(label(last, "home.learning_point"), TILE["pl"], "badge on home: the UI switched to Polish")
t.check("Dzie\u0144 dobry" in (label(last, "banner.notice") or ""), "badge on home: a greeting in Polish",
        lambda: "notice %r" % label(last, "banner.notice"))
first = r.first_frame_on("home")
t.equal(label(first, "home.learning_point"), TILE["nl"], "badge on home: before the badge it was Dutch")
t.equal(app.scalar("SELECT language FROM member WHERE badge = ?", (LUKASZ_BADGE,)), "pl",
        "database: the badge belongs to a Polish member")
t.equal(app.scalar("SELECT count(*) FROM member WHERE failed_pins > 0 OR locked_until IS NOT NULL"), 0,
        "database: a badge touches no PIN counter")

# ---- an unknown badge --------------------------------------------------------
r = app.run(script=[{"badge": "0999999"}, {"wait": "settled"}])
last = r.last()
t.check("Badge onbekend" in (label(last, "banner.notice") or ""),
        "unknown badge: 'badge not known: ask your team lead' (in Dutch)",
        lambda: "notice %r" % label(last, "banner.notice"))
t.check(last.find("home.member") is None, "unknown badge: nobody is identified")
t.equal(label(last, "home.learning_point"), TILE["nl"], "unknown badge: the language stays Dutch")
t.equal(app.scalar("SELECT count(*) FROM member WHERE badge = '0999999'"), 0,
        "database: the unknown badge was not stored")

# ---- a badge burst while the editor is open ---------------------------------
r = app.run(script=[
    {"tap": "home.idea_new"},
    {"tap": "idea_new.title"},
    {"type": "Bril"},
    {"badge": LUKASZ_BADGE},
    {"wait": "settled"},
    {"type": "l"},
    {"type": "e"},
    {"wait": "settled"},
])
t.equal(r.rc, 0, "editor: the script runs", )
last = r.last()
field = last.find("idea_new.title")
t.check(field is not None and last.find("kbd.done") is not None, "editor: the editor is still open after the badge",
        r.why)
t.equal(field and field.get("label"), "Brille", "editor: the badge number never lands in the field, typing does")
t.check(all(LUKASZ_BADGE not in (e.get("label") or "") for f in r.frames for e in f.elements
            if e.get("kind") == "field"),
        "editor: no field ever showed the badge number")
t.check(LUKASZ in (label(last, "banner.notice") or ""), "editor: the badge identified Łukasz meanwhile",
        lambda: "notice %r" % label(last, "banner.notice"))
r2 = app.run(script=[{"tap": "home.idea_new"}, {"tap": "idea_new.title"}, {"type": "abc"}, {"key": "Return"},
                     {"wait": "settled"}])
t.check(r2.last().find("kbd.done") is None and r2.last().screen == "idea_new",
        "editor: Return closes a one-line editor", r2.why)
t.equal(app.scalar("SELECT count(*) FROM idea WHERE title LIKE ? OR description LIKE ?",
                   ("%" + LUKASZ_BADGE + "%", "%" + LUKASZ_BADGE + "%")), 0,
        "database: no idea holds the badge number")

# ---- the language button and idle reset -------------------------------------
r = app.run(script=[
    {"wait": "settled"},
    {"tap": "home.language"},
    {"wait": "settled"},
    {"tap": "home.language"},
    {"wait": "settled"},
    {"badge": "0451301"},  # Jeroen, Dutch: identified, language back to nl
    {"wait": "settled"},
    {"tap": "home.language"},
    {"tap": "home.language"},
    {"wait": "settled"},
    {"advance": 200},
    {"wait": "settled"},
])
seen = []
for f in r.frames:
    lab = label(f, "home.learning_point")
    if lab and (not seen or seen[-1] != lab):
        seen.append(lab)
t.equal(seen[:3], [TILE["nl"], TILE["en"], TILE["pl"]], "language button: nl -> en -> pl")
last = r.last()
t.equal(label(last, "home.learning_point"), TILE["nl"], "idle reset: back to Dutch")
t.check(last.find("home.member") is None, "idle reset: the member is forgotten")
t.check(any(label(f, "home.member") and "Jeroen" in label(f, "home.member") for f in r.frames),
        "language: Jeroen was identified before the reset")

r = app.run(script=[{"badge": LUKASZ_BADGE}, {"wait": "settled"}, {"tap": "home.done"}, {"wait": "settled"}])
last = r.last()
t.check(last.find("home.member") is None and last.find("home.done") is None, "done: the member is forgotten",
        r.why)
t.equal(label(last, "home.learning_point"), TILE["nl"], "done: back to the team's language")

# ---- the identify screen: roster, PIN -------------------------------------------
r = app.run(script=[{"wait": "settled"}, {"tap": "identify.member.13"}, {"wait": "settled"}],
            extra=["--screen", "identify"])
last = r.last()
t.equal(last.screen, "home", "roster: picking a name returns")
t.check("Sarah Mitchell" in (label(last, "home.member") or ""), "roster: Sarah is identified", r.why)
t.equal(label(last, "home.learning_point"), TILE["en"], "roster: the UI switched to Sarah's English")

# a PIN for Łukasz through the administration command (cheap hashing for tests)
env = dict(os.environ, VERBETERBORD_PWHASH_CHEAP="1")
p = subprocess.run([binary(), "--db", app.db, "--set-pin", LUKASZ, "--allow-root"], input=b"2468\n",
                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, timeout=60)
t.check(p.returncode == 0, "set a PIN for Łukasz (--set-pin)", p.stderr.decode("utf-8", "replace"))
lukasz_id = app.scalar("SELECT id FROM member WHERE badge = ?", (LUKASZ_BADGE,))
linda_id = app.scalar("SELECT id FROM member WHERE name = 'Linda Visser'")

sign = [{"tap": "home.idea_new"}, {"tap": "idea_new.sign"}, {"wait": "settled"}]
r = app.run(script=sign + [{"tap": "identify.member.%d" % linda_id}, {"wait": "settled"}])
last = r.last()
t.equal(last.screen, "identify", "sign: the identify screen opens")
t.check(last.find("identify.pin.5") is None and "Vraag je teamleider" in last.text("identify.message"),
        "sign: a member without a PIN is told to ask for one (no PIN pad)",
        lambda: "message %r" % last.text("identify.message"))

pin = lambda digits: [{"tap": "identify.pin.%s" % d} for d in digits] + [{"tap": "identify.pin.ok"}]
r = app.run(script=sign + [{"tap": "identify.member.%d" % lukasz_id}] + pin("1111") + [{"wait": "settled"}])
last = r.last()
t.equal(last.screen, "identify", "sign: a wrong PIN stays on the identify screen")
t.check("Verkeerde pincode" in last.text("identify.message"), "sign: 'wrong PIN' is shown",
        lambda: "message %r" % last.text("identify.message"))
t.check(all("1111" not in (e.get("label") or "") for f in r.frames for e in f.elements),
        "sign: the PIN digits are never shown (dots only)")
t.equal(app.scalar("SELECT failed_pins FROM member WHERE id = ?", (lukasz_id,)), 1,
        "database: the wrong PIN is counted")

r = app.run(script=sign + [{"tap": "identify.member.%d" % lukasz_id}] + pin("2468") + [{"wait": "settled"}])
last = r.last()
t.equal(last.screen, "idea_new", "sign: the right PIN returns to the idea form")
t.check(LUKASZ in (last.text("idea_new.sign") or ""), "sign: the form is signed with Łukasz's name",
        lambda: "idea_new.sign %r" % last.text("idea_new.sign"))
t.equal(app.scalar("SELECT failed_pins FROM member WHERE id = ?", (lukasz_id,)), 0,
        "database: the right PIN resets the count")

r = app.run(script=sign + [{"tap": "identify.cancel"}, {"wait": "settled"}])
t.equal(r.last().screen, "idea_new", "cancel returns to the screen that asked")
t.done()

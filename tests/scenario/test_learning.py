#!/usr/bin/env python3
"""test_learning.py: learning points with the real binary (--script, --ui-dump)
and a look into the database after each run:

  - an anonymous learning point typed with diacritics on the on-screen
    keyboard (kbd.accents, kbd.ë, ...): the row has the text, category and
    place, no member, only day, shift and daily start; the code on screen is
    the row's receipt;
  - a signed one: a demo badge identifies, then "anonymous" is switched off;
  - an empty form is refused with a message and stores nothing;
  - a double tap on Save stores one entry;
  - a save that meets a locked database says it was NOT saved, keeps the
    form, and works when tapped again once the lock is gone;
  - following a receipt code from home (lower case, no dash), before and
    after the daily start, and an unknown code;
  - category, place and one short sentence take no more than 8 taps;
  - the list: recent first, category filter, page buttons, and "this
    happened to me too" once per person;
  - idle reset warns before it discards a half-filled form;
  - with 5,000 more points the list keeps paging and dragging, drawing only
    the rows in view.
"""
import os
import re
import sqlite3
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from vbtest import App, Suite, connect, read_dump, stop, wait_for  # noqa: E402

t = Suite()

DEMO_BADGE = "0451301"  # Jeroen Jansen, member 3 in store/demo.c
DEMO_BADGE_2 = "0451302"  # Mohamed El Amrani, member 4
SAFETY, QUALITY, MACHINE = 2, 1, 3
ZAAGSTRAAT = 3

LETTERS = set("abcdefghijklmnopqrstuvwxyz-',.")
DIGITS = set("0123456789/:;()€&@\"?!%+=*#_°")
ACCENTS = set("ëéèêïíöóüúáàäâçñąćęłńśźżôûîøåß")
LAYER_KEY = {"letters": "kbd.letters", "digits": "kbd.digits", "accents": "kbd.accents"}


def keys_for(text):
    """Taps on the on-screen keyboard that type text (the editor opens on
    the letters layer)."""
    taps, layer = [], "letters"
    for ch in text:
        if ch == " ":
            taps.append({"tap": "kbd.space"})
            continue
        low = ch.lower()
        need = "letters" if low in LETTERS else "accents" if low in ACCENTS else "digits" if ch in DIGITS else None
        if need is None:
            raise ValueError("no key for %r" % ch)
        if need != layer:
            taps.append({"tap": LAYER_KEY[need]})
            layer = need
        if ch != low and need != "digits":
            taps.append({"tap": "kbd.shift"})
        taps.append({"tap": "kbd." + ch})
    return taps


def demo_app(window="1024x600"):
    return App(t, window=window)


def run(app, steps):
    return app.run(script=steps, extra=["--demo"])


def count_points(app):
    return app.scalar("SELECT count(*) FROM learning_point")


def last_label(r, element_id):
    for f in reversed(r.frames):
        e = f.find(element_id)
        if e is not None:
            return e.get("label", "")
    return None


def row_by_text(app, what):
    con = connect(app.db)
    con.row_factory = sqlite3.Row
    try:
        return con.execute("SELECT * FROM learning_point WHERE what_happened = ?", (what,)).fetchone()
    finally:
        con.close()


# ---- anonymous, typed on the on-screen keyboard ------------------------------

WHAT = "Olie bij de zaag, één keer uitgegleden"
LESSON = "Częściej sprzątać przy pile"
app = demo_app()
r = run(app, [])
before = count_points(app)
steps = [{"tap": "home.learning_point"}, {"tap": "learning_point.category.safety"},
         {"tap": "learning_point.place.%d" % ZAAGSTRAAT}, {"tap": "learning_point.what"}]
steps += keys_for(WHAT)
steps += [{"tap": "kbd.done"}, {"tap": "learning_point.lesson"}]
steps += keys_for(LESSON)
steps += [{"tap": "kbd.done"}, {"tap": "learning_point.save"}]
r = run(app, steps)
t.check(r.rc == 0, "anonymous: the script runs", r.why)
t.equal(count_points(app), before + 1, "anonymous: one learning point more")
row = row_by_text(app, WHAT)
if t.check(row is not None, "anonymous: the text typed with ë and é is stored exactly",
           lambda: "rows: %r" % app.sql("SELECT what_happened FROM learning_point ORDER BY day DESC LIMIT 3")):
    t.equal(row["lesson"], LESSON, "anonymous: the Polish lesson with ę ś ą is stored exactly")
    t.equal((row["category_id"], row["place_id"]), (SAFETY, ZAAGSTRAAT), "anonymous: category and place")
    t.check(row["member_id"] is None, "anonymous: no member is stored")
    t.equal((row["day"], row["shift_id"], row["dagstart_day"]), ("2026-11-26", 1, "2026-11-27"),
            "anonymous: only the day, the shift and the next daily start")
    t.check(re.fullmatch(r"[0-9a-f]{16}", row["id"]) is not None, "anonymous: a random 16-hex key")
    cols = [d[1] for d in app.sql("PRAGMA table_info(learning_point)")]
    t.check(not any(c.endswith("_at") or "time" in c for c in cols), "anonymous: the table has no time column",
            repr(cols))
    shown = last_label(r, "learning_point.receipt")
    t.equal(shown, row["receipt"], "anonymous: the code on screen is the stored receipt")
    t.check(re.fullmatch(r"[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}", shown or "") is not None,
            "anonymous: the code has no look-alike characters", repr(shown))
    t.check(last_label(r, "learning_point.saved") is not None, "anonymous: the screen says saved")
    t.check(r.last().screen == "learning_point" and r.last().find("learning_point.receipt") is not None,
            "anonymous: the code stays on screen")
anon_receipt = row["receipt"] if row is not None else None
anon_id = row["id"] if row is not None else None

# ---- signed: badge, then anonymous off ------------------------------------------

SIGNED = "Bout M8 en M10 lijken op elkaar"
r = run(app, [{"tap": "home.learning_point"}, {"tap": "learning_point.category.quality"},
              {"badge": DEMO_BADGE}, {"tap": "learning_point.anonymous"},
              {"tap": "learning_point.what"}, {"type": SIGNED}, {"tap": "kbd.done"},
              {"tap": "learning_point.save"}])
t.check(r.rc == 0, "signed: the script runs", r.why)
toggle = None
for f in r.frames:
    e = f.find("learning_point.anonymous")
    if e is not None and "Jeroen Jansen" in e.get("label", ""):
        toggle = e
t.check(toggle is not None and not toggle["state"]["selected"],
        "signed: after the badge, the switch is off and names the member", repr(toggle))
row = row_by_text(app, SIGNED)
t.check(row is not None and row["member_id"] == 3, "signed: the member is stored",
        lambda: repr(dict(row) if row else None))
t.check(row is not None and row["day"] == "2026-11-26" and row["category_id"] == QUALITY,
        "signed: still only the day, no time")
t.check("Jeroen Jansen" in (last_label(r, "learning_point.who") or ""), "signed: the receipt view says so")

# Signing needs a badge or PIN: without one, the switch leads to identifying
# and nothing is signed.
r = run(app, [{"tap": "home.learning_point"}, {"tap": "learning_point.anonymous"}])
t.equal(r.last().screen, "identify", "signing without identity opens the identify screen")

# ---- an empty form ----------------------------------------------------------------

n = count_points(app)
r = run(app, [{"tap": "home.learning_point"}, {"tap": "learning_point.save"}])
msg = last_label(r, "learning_point.problem") or ""
t.check(r.rc == 0 and msg, "empty form: Save shows why", r.why)
t.check("categorie" in msg and "schrijf" in msg, "empty form: it says to choose a category and write", msg)
t.equal(r.last().screen, "learning_point", "empty form: it stays on the form")
r = run(app, [{"tap": "home.learning_point"}, {"tap": "learning_point.category.machine"},
              {"tap": "learning_point.save"}])
msg = last_label(r, "learning_point.problem") or ""
t.check("schrijf" in msg and "categorie" not in msg, "category only: it says a text is missing", msg)
t.equal(count_points(app), n, "empty forms store nothing")

# ---- a double tap on Save ------------------------------------------------------

r = run(app, [{"tap": "home.learning_point"}])
save = r.last().find("learning_point.save")
x, y = save["rect"][0] + save["rect"][2] // 2, save["rect"][1] + save["rect"][3] // 2
n = count_points(app)
DOUBLE = "Doos afstandsbussen half leeg"
r = run(app, [{"tap": "home.learning_point"}, {"tap": "learning_point.category.material"},
              {"tap": "learning_point.what"}, {"type": DOUBLE}, {"tap": "kbd.done"},
              {"tap": [x, y]}, {"tap": [x, y]}])
t.check(r.rc == 0, "double tap: the script runs", r.why)
t.equal(count_points(app), n + 1, "double tap on Save stores one entry")
t.check(r.last().find("learning_point.receipt") is not None, "double tap: the code is still on screen")

# ---- a locked database: NOT saved, form kept, retry works --------------------

LOCKED = "Lasrobot stopte op draadaanvoer"
p, dump = app.start(extra=["--demo"], script_stdin=True)


def send(*steps):
    for s in steps:
        p.stdin.write((s if isinstance(s, str) else __import__("json").dumps(s, ensure_ascii=False)).encode() + b"\n")
    p.stdin.flush()


def last_frame():
    frames, _, _ = read_dump(dump)
    return frames[-1] if frames else None


try:
    send({"tap": "home.learning_point"}, {"tap": "learning_point.category.machine"},
         {"tap": "learning_point.what"}, {"type": LOCKED}, {"tap": "kbd.done"})
    t.check(wait_for(lambda: last_frame() and last_frame().find("learning_point.what") is not None
                     and last_frame().find("learning_point.what")["label"] == LOCKED),
            "locked: the form is filled")
    n = count_points(app)
    blocker = connect(app.db, timeout=0, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    send({"tap": "learning_point.save"})
    notice = wait_for(lambda: last_frame() and last_frame().find("banner.notice"), timeout=30)
    t.check(notice and "NIET opgeslagen" in notice["label"] and "opnieuw" in notice["label"],
            "locked: a plain notice says it was NOT saved and what to do", repr(notice))
    t.check(last_frame().find("learning_point.receipt") is None, "locked: no code is shown")
    send({"advance": 31})
    failed = wait_for(lambda: last_frame() and last_frame().find("learning_point.problem"), timeout=30)
    t.check(failed and "NIET opgeslagen" in failed["label"],
            "locked: after the notice is gone the form still says NOT saved", repr(failed))
    field = last_frame().find("learning_point.what") if last_frame() else None
    t.check(field is not None and field["label"] == LOCKED, "locked: the text is still in the form")
    blocker.execute("ROLLBACK")
    blocker.close()
    t.equal(count_points(app), n, "locked: nothing was stored")
    send({"tap": "learning_point.save"})
    t.check(wait_for(lambda: last_frame() and last_frame().find("learning_point.receipt")),
            "locked: once the lock is gone, Save again saves")
    t.equal(count_points(app), n + 1, "locked: exactly one entry after the retry")
    send({"quit": True})
    p.stdin.close()
    t.equal(p.wait(timeout=30), 0, "locked: the app ends cleanly")
finally:
    if p.poll() is None:
        stop(p)
    p.stdout.close()
    p.stderr.close()

# ---- following a receipt code from home ------------------------------------------

if anon_receipt:
    typed = anon_receipt.replace("-", "").lower()
    steps = [{"tap": "home.receipt"}] + keys_for(typed) + [{"tap": "kbd.done"}]
    r = run(app, steps)
    t.check(r.rc == 0, "receipt: the script runs", r.why)
    t.equal(last_label(r, "receipt.code"), anon_receipt, "receipt: lower case without dash is found")
    t.check(WHAT in (last_label(r, "receipt.what") or ""), "receipt: it shows what happened")
    t.check("Nog niet besproken" in (last_label(r, "receipt.discussed") or ""),
            "receipt: not discussed yet, and it says when it will be", last_label(r, "receipt.discussed"))
    # the daily start discussed it; an action and feedback came of it
    app.sql("UPDATE learning_point SET discussed_day = '2026-11-27', feedback = 'Bezem hangt nu bij de zaag.'"
            " WHERE id = ?", (anon_id,))
    app.sql("INSERT INTO action (description, owner_id, due_day, origin, learning_point_id, created_at)"
            " VALUES ('Lekbak onder de zaag zetten', 1, '2026-12-04', 'learning_point', ?, 1795676100)",
            (anon_id,))
    r = run(app, [{"tap": "home.receipt"}, {"type": typed}, {"tap": "kbd.done"}])
    t.check("Besproken bij de dagstart van vrijdag 27 november" in (last_label(r, "receipt.discussed") or ""),
            "receipt: discussed at the daily start of Friday", last_label(r, "receipt.discussed"))
    action = last_label(r, "receipt.action.0") or ""
    t.check("Lekbak onder de zaag zetten" in action and "nog open" in action and "4 december" in action,
            "receipt: the action with its status and due day", action)
    t.check("Bezem hangt nu bij de zaag." in (last_label(r, "receipt.feedback") or ""),
            "receipt: the lead's feedback")
    r = run(app, [{"tap": "home.receipt"}, {"type": "zzz-zzz"}, {"tap": "kbd.done"}])
    t.check("ZZZ-ZZZ" in (last_label(r, "receipt.unknown") or ""), "receipt: an unknown code gets a clear message",
            repr(last_label(r, "receipt.unknown")))
    r = run(app, [{"tap": "home.receipt"}, {"type": "KX0-4MP"}, {"tap": "kbd.done"}])
    t.check(last_label(r, "receipt.invalid"), "receipt: a code with a look-alike 0 is explained")

# ---- taps: category, place and one short sentence ---------------------------

TAPS = "Noodstop achter pallet"
n = count_points(app)
steps = [{"tap": "home.learning_point"}, {"tap": "learning_point.category.safety"},
         {"tap": "learning_point.place.1"}, {"tap": "learning_point.what"}, {"type": TAPS},
         {"tap": "kbd.done"}, {"tap": "learning_point.save"}]
r = run(app, steps)
taps = sum(1 for s in steps if "tap" in s)
row = row_by_text(app, TAPS)
t.check(row is not None and row["category_id"] == SAFETY and row["place_id"] == 1,
        "taps: category, place and a sentence were saved")
t.check(taps <= 8, "taps: it takes %d taps from home plus the typing (at most 8)" % taps)
t.note("logging a learning point: %d taps from home (including the home tile) plus the typing" % taps)

# ---- the list: order, filter, paging, me too ---------------------------------------

r = run(app, [{"tap": "home.learning_list"}])
heads = [e for e in r.last().elements if re.fullmatch(r"learning_list\.row\.[0-9a-f]{16}\.head", e["id"])]
top_id = heads[0]["id"].split(".")[2] if heads else None
t.check(len(heads) >= 3, "list: rows are shown", repr(r.last()))
t.check(heads and "26 november" in heads[0]["label"], "list: recent first", heads[0]["label"] if heads else "")
total = app.scalar("SELECT count(*) FROM learning_point WHERE hidden = 0")
t.check(len(heads) < total, "list: only the rows in view are drawn (%d of %d)" % (len(heads), total))
r = run(app, [{"tap": "home.learning_list"}, {"tap": "learning_list.filter.safety"}])
heads = [e["label"] for e in r.last().elements if e["id"].endswith(".head")]
t.check(heads and all("Veiligheid" in h for h in heads), "list: the safety filter shows only safety", repr(heads))
r = run(app, [{"tap": "home.learning_list"}, {"tap": "learning_list.list.page_down"}])
first_ids = [e["id"] for e in r.frames[0].elements if e["id"].endswith(".head")] if r.frames else []
later = [f for f in r.frames if f.screen == "learning_list"]
t.check(len(later) >= 2 and later[0].find("learning_list.list.page_up")["state"]["disabled"]
        and not later[-1].find("learning_list.list.page_up")["state"]["disabled"],
        "list: the page-down button scrolls (page-up becomes available)")

# me too: identify (a badge), once per person, a double tap counts once
target = top_id
metoo = "learning_list.metoo.%s" % target
app.sql("DELETE FROM learning_point_metoo WHERE learning_point_id = ?", (target,))
r = run(app, [{"tap": "home.learning_list"}, {"tap": metoo}, {"badge": DEMO_BADGE}])
t.check(r.rc == 0, "me too: the script runs", r.why)
t.equal(r.last().screen, "learning_list", "me too: identifying comes back to the list")
rows = app.sql("SELECT member_id FROM learning_point_metoo WHERE learning_point_id = ?", (target,))
t.equal(rows, [(3,)], "me too: counted once for the identified member")
t.check("(1)" in (last_label(r, metoo) or ""), "me too: the button shows 1", last_label(r, metoo))
r = run(app, [{"tap": "home.learning_list"}, {"badge": DEMO_BADGE}, {"tap": metoo}, {"tap": metoo}])
t.equal(app.scalar("SELECT count(*) FROM learning_point_metoo WHERE learning_point_id = ?", (target,)), 0,
        "me too: the same person again takes it back (a double tap counts once)")
r = run(app, [{"tap": "home.learning_list"}, {"badge": DEMO_BADGE}, {"tap": metoo}, {"advance": 2},
              {"badge": DEMO_BADGE_2}, {"tap": metoo}])
t.equal(sorted(x[0] for x in app.sql("SELECT member_id FROM learning_point_metoo WHERE learning_point_id = ?",
                                      (target,))), [3, 4], "me too: two people, two marks")
t.check("(2)" in (last_label(r, metoo) or ""), "me too: the button shows 2", last_label(r, metoo))

# ---- idle reset of a half-filled form -----------------------------------------

r = run(app, [{"tap": "home.learning_point"}, {"tap": "learning_point.category.safety"}, {"advance": 91}])
t.check(any(f.find("idle.message") for f in r.frames), "idle: a half-filled form gets a warning first")
r = run(app, [{"tap": "home.learning_point"}, {"tap": "learning_point.category.safety"}, {"advance": 91},
              {"tap": "idle.continue"}])
chip = r.last().find("learning_point.category.safety")
t.check(r.last().screen == "learning_point" and chip and chip["state"]["selected"],
        "idle: 'continue' keeps the draft")
r = run(app, [{"tap": "home.learning_point"}, {"tap": "learning_point.category.safety"}, {"advance": 91},
              {"advance": 16}, {"tap": "home.learning_point"}])
chip = r.last().find("learning_point.category.safety")
t.check(chip is not None and not chip["state"]["selected"], "idle: after the warning the draft is gone")

# ---- thousands of rows: the list pages from the store -----------------------------

import random  # noqa: E402

rng = random.Random(7)
alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
codes = set(x[0] for x in app.sql("SELECT receipt FROM learning_point"))
rows = []
for i in range(5000):
    code = None
    while code is None or code in codes:
        code = "".join(rng.choice(alphabet) for _ in range(3)) + "-" + "".join(rng.choice(alphabet) for _ in range(3))
    codes.add(code)
    day = "2026-%02d-%02d" % (1 + (i // 28) % 10, 1 + i % 28)
    rows.append(("%016x" % rng.getrandbits(64), code, day, 1 + i % 2, day, 1 + i % 7, "Punt %d" % i))
con = connect(app.db)
con.executemany("INSERT INTO learning_point (id, receipt, day, shift_id, dagstart_day, category_id, what_happened)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
con.commit()
con.close()
steps = [{"tap": "home.learning_list"}] + [{"tap": "learning_list.list.page_down"}] * 40
steps += [{"drag": [400, 400], "dx": 0, "dy": -250}] * 10 + [{"drag": [400, 300], "dx": 0, "dy": 200}] * 3
r = run(app, steps)
t.check(r.rc == 0, "5,000 more points: paging and dragging run", r.why)
seen = set()
for f in r.frames:
    for e in f.elements:
        if e["id"].endswith(".head"):
            seen.add(e["id"])
visible = [e for e in r.last().elements if e["id"].endswith(".head")]
t.check(len(visible) >= 3 and len(seen) > 100, "5,000 more points: rows keep coming as the list scrolls (%d seen)"
        % len(seen))
t.check(max(len([e for e in f.elements if e["id"].endswith(".head")]) for f in r.frames) <= 8,
        "5,000 more points: a frame draws only the rows in view")
t.note("54 page and drag steps through 5,000+ points took %.1f s" % r.seconds)

# ---- a large window -------------------------------------------------------------

big = demo_app(window="1920x1080")
big_run = run(big, [{"tap": "home.learning_point"}, {"tap": "learning_point.category.process"},
                    {"tap": "learning_point.what"}, {"type": "Werkinstructie was oud"}, {"tap": "kbd.done"},
                    {"tap": "learning_point.save"}, {"tap": "learning_point.done"}, {"tap": "home.learning_list"}])
t.check(big_run.rc == 0 and row_by_text(big, "Werkinstructie was oud") is not None,
        "1920x1080: a learning point is logged and the list opens", big_run.why)

t.done()

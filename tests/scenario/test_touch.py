#!/usr/bin/env python3
"""test_touch.py: the input path of the real panel. Under cage taps arrive
as SDL finger events (normalised coordinates, a touch id, a finger id) and
mouse emulation is off; here they are injected the same way with the script
actions touch, finger and palm:

  - a tap as touch opens what it touches, by element id and by [x, y];
  - a second finger while the first is down presses nothing, and the first
    one's press is then no tap (a hand resting on the panel clicks nothing);
  - a palm (two or three fingers at once) triggers nothing;
  - a finger drag scrolls a list and clicks nothing on the way;
  - touches on the wall display's window (--wall-display) are ignored, and do
    not disturb a finger on the kiosk;
  - after each of these a plain touch works again.
(The whole scenario suite also runs by touch under the ASan build: vbtest.)
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from vbtest import App, Suite, connect  # noqa: E402

t = Suite()
app = App(t)


def run(steps, extra=()):
    return app.run(script=steps, extra=["--demo"] + list(extra))


def centre(frame, element_id):
    e = frame.find(element_id)
    if e is None:
        return None
    x, y, w, h = e["rect"]
    return [x + w // 2, y + h // 2]


r = run([])
t.check(r.rc == 0 and r.last().screen == "home", "the demo kiosk starts on home", r.why)
home = r.last()
ideas = centre(home, "home.ideas")
learning = centre(home, "home.learning_point")
t.check(ideas is not None and learning is not None, "home shows ideas and learning point", lambda: repr(home.ids()))
ideas = ideas or [0, 0]
learning = learning or [0, 0]

# ---- a tap as touch ---------------------------------------------------------------
r = run([{"touch": "home.ideas"}])
t.check(r.rc == 0 and r.last().screen == "ideas", "a touch on an element id opens it", r.why)
pressed = [f for f in r.frames if (f.find("home.ideas") or {}).get("state", {}).get("pressed")]
t.check(pressed, "the touched button shows pressed while the finger is down")
r = run([{"touch": ideas}, {"touch": "bar.home"}, {"touch": learning, "id": 7}])
t.check(r.rc == 0 and r.screens()[-1] == "learning_point" and "ideas" in r.screens(),
        "touches at [x, y] and with another finger id work", r.why)
r = run([{"finger": "down", "id": 3, "at": "home.ideas"}, {"finger": "move", "id": 3, "at": [ideas[0] + 4, ideas[1] + 3]},
         {"finger": "up", "id": 3, "at": [ideas[0] + 4, ideas[1] + 3]}])
t.check(r.rc == 0 and r.last().screen == "ideas", "finger down, a little wobble, up: a tap", r.why)

# ---- a second finger ---------------------------------------------------------------
r = run([{"finger": "down", "id": 1, "at": "home.ideas"},
         {"finger": "down", "id": 2, "at": "home.learning_point"},
         {"finger": "up", "id": 2, "at": "home.learning_point"},
         {"finger": "up", "id": 1, "at": "home.ideas"}])
t.check(r.rc == 0 and set(r.screens()) == {"home"}, "a second finger while the first is down opens nothing", r.why)
lp_pressed = [f for f in r.frames if (f.find("home.learning_point") or {}).get("state", {}).get("pressed")]
t.check(not lp_pressed, "the second finger's button is never pressed")
last_ideas = r.last().find("home.ideas") or {}
t.check(not last_ideas.get("state", {}).get("pressed"), "the first finger's button is not left pressed")

r = run([{"finger": "down", "id": 1, "at": "home.ideas"},
         {"finger": "down", "id": 2, "at": "home.learning_point"},
         {"finger": "up", "id": 1, "at": "home.ideas"},
         {"finger": "up", "id": 2, "at": "home.learning_point"},
         {"touch": "home.learning_point"}])
t.check(r.rc == 0 and r.screens()[-1] == "learning_point" and "ideas" not in r.screens(),
        "a finger left down after the first lifts clicks nothing; the next touch works", r.why)

# ---- a palm --------------------------------------------------------------------------
for n in (2, 3):
    pts = [[ideas[0] + 10 * i, ideas[1] + 6 * i] for i in range(n)]
    r = run([{"palm": pts}])
    t.check(r.rc == 0 and set(r.screens()) == {"home"}, "a palm of %d fingers on a button triggers nothing" % n, r.why)
pts = [ideas, learning, [ideas[0], learning[1]]]
r = run([{"palm": pts}, {"touch": "home.ideas"}])
t.check(r.rc == 0 and r.screens().count("home") >= 1 and r.screens()[-1] == "ideas"
        and "learning_point" not in r.screens(), "a palm over two buttons triggers nothing; then a touch works",
        r.why)

# ---- a finger drag scrolls a list -------------------------------------------------------
con = connect(app.db)
rows = [("%016x" % (0x7000 + i), "T%02d-%03d" % (i % 100, i), "2026-11-%02d" % (1 + i % 25), 1, "2026-11-26", 1,
         "Aanraakpunt %d" % i) for i in range(60)]
con.executemany("INSERT INTO learning_point (id, receipt, day, shift_id, dagstart_day, category_id, what_happened)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
con.commit()
con.close()


def heads(frame):
    return [e["id"] for e in frame.elements if e["id"].endswith(".head")]


r = run([{"tap": "home.learning_list"}])
before = heads(r.last())
x, y = 400, 420
steps = [{"tap": "home.learning_list"}, {"finger": "down", "id": 5, "at": [x, y]}]
steps += [{"finger": "move", "id": 5, "at": [x, y - 40 * i]} for i in range(1, 7)]
steps += [{"finger": "up", "id": 5, "at": [x, y - 240]}]
r = run(steps)
after = heads(r.last())
t.check(r.rc == 0 and before and after and after != before and r.last().screen == "learning_list",
        "a finger drag scrolls the list", lambda: "%s: %r -> %r" % (r.why(), before[:2], after[:2]))
t.check(not any(f.screen not in ("home", "learning_list") for f in r.frames),
        "a finger drag over the rows clicks nothing", r.why)
steps = [{"tap": "home.learning_list"}, {"finger": "down", "id": 5, "at": [x, y]}]
steps += [{"finger": "move", "id": 5, "at": [x, y - 40 * i]} for i in range(1, 4)]
steps += [{"finger": "down", "id": 6, "at": [x + 200, y]}]
steps += [{"finger": "move", "id": 5, "at": [x, y - 40 * i]} for i in range(4, 7)]
steps += [{"finger": "up", "id": 6, "at": [x + 200, y]}, {"finger": "up", "id": 5, "at": [x, y - 240]}]
r = run(steps)
after2 = heads(r.last())
t.check(r.rc == 0 and after2 == after, "a second finger during a drag: the drag goes on the same",
        lambda: "%s: %r vs %r" % (r.why(), after2[:2], after[:2]))
r = run([{"tap": "home.learning_list"}, {"drag": [x, y], "dx": 0, "dy": -240, "touch": True}])
t.check(r.rc == 0 and heads(r.last()) == after, "a drag action with \"touch\": true scrolls by finger the same",
        lambda: "%s: %r" % (r.why(), heads(r.last())[:2]))

# ---- the wall display ---------------------------------------------------------------------
wall = ["--wall-display", "1"]
r = run([{"quit": True}], extra=wall)
if r.rc != 0 and "display" in r.stderr:
    t.skip("touches on the wall display are ignored", "no second window: " + r.stderr.strip()[-200:])
else:
    r = run([{"touch": ideas, "window": "wall"}, {"touch": learning, "window": "wall", "id": 2}], extra=wall)
    t.check(r.rc == 0 and set(r.screens()) == {"home"}, "touches on the wall display's window are ignored", r.why)
    pressed = [f for f in r.frames if any(e.get("state", {}).get("pressed") for e in f.elements)]
    t.check(not pressed, "... nothing on the kiosk shows pressed", r.why)
    r = run([{"finger": "down", "id": 1, "at": "home.ideas"},
             {"finger": "down", "id": 2, "at": learning, "window": "wall"},
             {"finger": "up", "id": 2, "at": learning, "window": "wall"},
             {"finger": "up", "id": 1, "at": "home.ideas"}], extra=wall)
    t.check(r.rc == 0 and r.screens()[-1] == "ideas",
            "a touch on the wall display does not disturb a finger on the kiosk", r.why)
    r = run([{"touch": "home.learning_point"}], extra=wall)
    t.check(r.rc == 0 and r.screens()[-1] == "learning_point", "with a wall display the kiosk takes touches", r.why)

# ---- bad touch actions are refused naming the line --------------------------------------
for bad in ({"finger": "press", "at": [1, 1]}, {"finger": "down"}, {"palm": [[1, 1]]}, {"touch": 5},
            {"touch": [1, 1], "window": "ceiling"}):
    r = run([bad])
    t.check(r.rc == 2 and "line 1" in r.stderr, "a bad action %s exits 2 naming the line" % json.dumps(bad), r.why)
t.done()

#!/usr/bin/env python3
"""test_input_burst.py: no typed input is dropped, however fast it comes.
A script's "type" arrives as one burst of SDL text events (31 bytes each),
all queued before the kiosk draws its next frame, like a paste or text that
piled up while the UI was busy. Before the fix the frame took 128 bytes and
dropped the rest in silence: 180 characters stored as 124.

  - 180 characters typed in one go into "what happened" (limit 200) are
    stored whole, and so are 180 characters with diacritics (more bytes);
  - 10 kB typed in one go fill the field to its limit and the editor says
    "Too long" (visible, never silent); the main loop never has to refuse
    an event for want of room in the frame (it would say "lost" on stderr);
  - a badge burst right after a burst of typing still identifies.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from vbtest import App, Suite, connect  # noqa: E402

t = Suite()
DEMO_BADGE = "0451301"  # Jeroen Jansen, member 3 in store/demo.c


def stored(app, what):
    con = connect(app.db)
    try:
        return con.execute("SELECT what_happened, member_id FROM learning_point WHERE what_happened LIKE ?",
                           (what[:20] + "%",)).fetchall()
    finally:
        con.close()


def save_point(app, text):
    steps = [{"tap": "home.learning_point"}, {"tap": "learning_point.category.safety"}]
    steps += [{"tap": "learning_point.what"}, {"type": text}, {"tap": "kbd.done"}, {"tap": "learning_point.save"}]
    return app.run(script=steps, extra=["--demo"])


app = App(t)
ascii_180 = "".join("%03d-" % i for i in range(45))  # 180 characters, every one different
assert len(ascii_180) == 180
r = save_point(app, ascii_180)
t.check(r.rc == 0, "180 characters: the script runs", r.why)
rows = stored(app, ascii_180)
t.check(len(rows) == 1 and rows[0][0] == ascii_180, "180 characters typed in one burst are all stored",
        lambda: "stored %r" % [(len(x[0]), x[0][-20:]) for x in rows])

polish = ("Zażółć gęślą jaźń, ëé " * 10)[:180].rstrip() + "x"
polish = (polish + "y" * 180)[:180]
r = save_point(app, polish)
t.check(r.rc == 0, "180 characters with diacritics: the script runs", r.why)
rows = stored(app, polish)
t.check(len(rows) == 1 and rows[0][0] == polish,
        "180 characters with diacritics (%d bytes) typed in one burst are all stored" % len(polish.encode()),
        lambda: "stored %r" % [len(x[0]) for x in rows])

# 10 kB in one burst: the field takes its limit and says it refused the rest
big = "".join("%05d " % i for i in range(1700))  # 10,200 bytes
r = app.run(script=[{"tap": "home.learning_point"}, {"tap": "learning_point.what"}, {"type": big}],
            extra=["--demo"])
t.check(r.rc == 0, "10 kB burst: the script runs", r.why)
last = r.last()
field = last.find("learning_point.what")
t.check(field is not None and field.get("label") == big[:200], "10 kB burst: the field holds the first 200 characters",
        lambda: repr(field and len(field.get("label", ""))))
t.check("lost" not in r.stderr, "10 kB burst: the main loop let no input event be refused for want of room",
        lambda: r.stderr.strip()[-300:])
r = app.run(script=[{"tap": "home.ideas"}, {"type": big * 3}, {"tap": "bar.home"}], extra=["--demo"])
t.check(r.rc == 0 and "lost" not in r.stderr, "30 kB burst with no field open: nothing refused for want of room",
        lambda: r.stderr.strip()[-300:])
refused = last.find("learning_point.what.refused")
t.check(refused is not None and refused.get("label"), "10 kB burst: the editor says the rest was refused",
        lambda: repr(last.ids()))

# a burst of typing, then a badge burst: both come through
r = app.run(script=[{"tap": "home.learning_point"}, {"tap": "learning_point.category.safety"},
                    {"tap": "learning_point.what"}, {"type": ascii_180[::-1]}, {"badge": DEMO_BADGE},
                    {"tap": "kbd.done"}, {"tap": "learning_point.anonymous"}, {"tap": "learning_point.save"}],
            extra=["--demo"])
rows = stored(app, ascii_180[::-1])
t.check(r.rc == 0 and len(rows) == 1 and rows[0][0] == ascii_180[::-1] and rows[0][1] == 3,
        "typing burst and a badge burst: the text whole and the member known", lambda: "%s %r" % (r.why(), rows))
t.done()

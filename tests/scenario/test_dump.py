#!/usr/bin/env python3
"""test_dump.py: the --ui-dump format: one JSON object per visible element
and change, with seq, screen, id, kind, state {pressed, selected,
disabled}, label and rect [x, y, w, h]; seq grows with every change; press
feedback shows on the frame after the press."""
from vbtest import App, Suite

KINDS = {"button", "chip", "toggle", "key", "field", "text"}
TARGETS = KINDS - {"text"}

t = Suite()
app = App(t)
r = app.run(script=[{"tap": "home.ideas"}, {"tap": "bar.home"}, {"tap": "home.idea_new"}, {"advance": 91}])
t.equal(r.rc, 0, "dump: the script runs")
t.check(len(r.lines) > 10, "dump: has lines", lambda: "%d lines" % len(r.lines))
t.equal(r.bad_lines, [], "dump: every line is a JSON object")

problems = []
for n, o in enumerate(r.lines, 1):
    if not isinstance(o.get("seq"), int) or o["seq"] < 1:
        problems.append("line %d: seq %r" % (n, o.get("seq")))
    for key in ("screen", "id", "label"):
        if not isinstance(o.get(key), str):
            problems.append("line %d: %s %r" % (n, key, o.get(key)))
    if o.get("kind") not in KINDS:
        problems.append("line %d: kind %r" % (n, o.get("kind")))
    st = o.get("state")
    if not isinstance(st, dict) or sorted(st) != ["disabled", "pressed", "selected"] or \
            not all(isinstance(v, bool) for v in st.values()):
        problems.append("line %d: state %r" % (n, st))
    rect = o.get("rect")
    if not isinstance(rect, list) or len(rect) != 4 or not all(isinstance(v, int) for v in rect):
        problems.append("line %d: rect %r" % (n, rect))
    elif rect[2] < 0 or rect[3] < 0 or rect[0] < 0 or rect[1] < 0 or rect[0] + rect[2] > 1024 or \
            rect[1] + rect[3] > 600:
        problems.append("line %d: rect %r outside the 1024x600 window" % (n, rect))
    if sorted(o) != ["id", "kind", "label", "rect", "screen", "seq", "state"]:
        problems.append("line %d: keys %r" % (n, sorted(o)))
t.equal(problems[:5], [], "dump: every line has seq, screen, id, kind, state, label and rect")

seqs = [f.seq for f in r.frames]
t.check(all(b == a + 1 for a, b in zip(seqs, seqs[1:])) and seqs[:1] == [1],
        "dump: seq starts at 1 and grows by one with each change", lambda: "seqs %r" % seqs)
t.check(all(len({e["screen"] for e in f.elements}) == 1 for f in r.frames), "dump: one screen per frame")
t.check(all(f.elements != g.elements for f, g in zip(r.frames, r.frames[1:])),
        "dump: a frame is written only when the screen changed")
dupes = [(f.seq, i) for f in r.frames for i in set(e["id"] for e in f.elements if e["kind"] in TARGETS)
         if sum(1 for e in f.elements if e["id"] == i) > 1]
t.equal(dupes, [], "dump: target ids are unique within a frame")

pressed = [f for f in r.frames if f.find("home.ideas") and f.find("home.ideas")["state"]["pressed"]]
t.check(pressed and pressed[0].screen == "home", "dump: the pressed state shows before the screen changes")
t.check(r.frames and r.frames[0].find("home.ideas")["state"]["pressed"] is False, "dump: not pressed at first")
labels = [e["label"] for e in r.frames[0].elements] if r.frames else []
t.check("06:55" in labels, "dump: labels are the text exactly as shown (the clock)", lambda: "%r" % labels[:5])

# the dump is appended to, never truncated: two runs give two sets of frames
r2 = app.run(script=[], extra=["--ui-dump", r.dump_path], dump=False)
from vbtest import read_dump  # noqa: E402
frames, _, _ = read_dump(r.dump_path)
t.check(len(frames) == len(r.frames) + 1 and [f.seq for f in frames[:len(r.frames)]] == seqs,
        "dump: a second run appends to the file and keeps what was there", lambda: "%d frames" % len(frames))
t.done()

#!/usr/bin/env python3
"""test_lockdown.py: in kiosk mode no key combination quits (Escape, Alt+F4,
Ctrl+Q); with --desk, Ctrl+Q and Alt+F4 do."""
from vbtest import App, Suite

t = Suite()
app = App(t)

keys = [{"key": "Escape"}, {"key": "F4", "mods": ["alt"]}, {"key": "Q", "mods": ["ctrl"]},
        {"key": "q", "mods": ["ctrl", "shift"]}, {"key": "W", "mods": ["ctrl"]}]
r = app.run(script=keys + [{"tap": "home.ideas"}, {"key": "Escape"}, {"tap": "bar.home"}])
t.equal(r.rc, 0, "kiosk: the script runs to its end")
t.check("ideas" in r.screens(), "kiosk: Escape, Alt+F4 and Ctrl+Q do not quit; a tap after them works", r.why)
t.check(r.screens()[-1:] == ["home"], "kiosk: Escape on a screen does not quit either", r.why)

for name, key in [("Ctrl+Q", {"key": "Q", "mods": ["ctrl"]}), ("Alt+F4", {"key": "F4", "mods": ["alt"]})]:
    r = app.run(script=[key, {"tap": "home.ideas"}], extra=["--desk"])
    t.equal(r.rc, 0, "desk: %s quits with exit status 0" % name)
    t.check("ideas" not in r.screens(), "desk: %s quits before the next step" % name, r.why)

r = app.run(script=[{"key": "Escape"}, {"tap": "home.ideas"}], extra=["--desk"])
t.check("ideas" in r.screens(), "desk: Escape alone does not quit", r.why)
t.done()

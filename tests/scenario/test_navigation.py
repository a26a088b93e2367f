#!/usr/bin/env python3
"""test_navigation.py: from home, every tile and button leads to its screen,
and the top bar's home button leads back. Screens are told apart by name (the
placeholders will be replaced by the real screens)."""
from vbtest import App, Suite

ENTRIES = [
    ("home.learning_point", "learning_point"),
    ("home.idea_new", "idea_new"),
    ("home.ideas", "ideas"),
    ("home.dagstart", "dagstart"),
    ("home.receipt", "receipt"),
    ("home.learning_list", "learning_list"),
    ("home.actions", "actions"),
    ("home.lead", "lead"),
]

t = Suite()
app = App(t)

first = app.run(script=[])
t.equal(first.rc, 0, "an empty script starts and ends cleanly")
t.check(first.frames and first.frames[0].screen == "home", "the kiosk starts on home", first.why)
home = first.frames[0] if first.frames else None
for element_id, _ in ENTRIES:
    t.check(home is not None and home.find(element_id) is not None, "home shows %s" % element_id)
if home:
    t.check(home.find("bar.home") is None, "home itself has no home button")
    t.check(home.find("bar.time") is not None and home.find("bar.time")["label"] == "06:55",
            "home shows the time of --now")
    t.check(home.find("bar.title") is not None, "home shows the team name")

for element_id, screen in ENTRIES:
    r = app.run(script=[{"tap": element_id}, {"tap": "bar.home"}])
    screens = r.screens()
    t.check(r.rc == 0, "%s then bar.home: the script runs" % element_id, r.why)
    t.check(screen in screens, "%s leads to screen '%s'" % (element_id, screen), r.why)
    arrived = r.first_frame_on(screen)
    t.check(arrived is not None and arrived.find("bar.home") is not None,
            "screen '%s' shows a way home" % screen, r.why)
    t.check(bool(screens) and screens[-1] == "home", "bar.home on '%s' leads back home" % screen, r.why)

# a longer walk in one run: state carries over between screens
walk = []
for element_id, _ in ENTRIES[:4]:
    walk += [{"tap": element_id}, {"tap": "bar.home"}]
r = app.run(script=walk)
seen = [s for i, s in enumerate(r.screens()) if i == 0 or r.screens()[i - 1] != s]
t.equal(seen, ["home", "learning_point", "home", "idea_new", "home", "ideas", "home", "dagstart", "home"],
        "a walk through four screens and back each time")

t.done()

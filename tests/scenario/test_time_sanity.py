#!/usr/bin/env python3
"""test_time_sanity.py: a kiosk whose clock reads earlier than the newest
stored entry (a Raspberry Pi after a power cut) warns on screen."""
from vbtest import NOW_S, App, Suite

t = Suite()
app = App(t)
r = app.run(script=[])
t.check(r.rc == 0 and r.last().find("banner.clock") is None, "no clock warning on a fresh database", r.why)

future = NOW_S + 3 * 86400
app.sql("INSERT INTO idea (title, category_id, created_at, status_changed_at) VALUES (?, 1, ?, ?)",
        ("Idee uit de toekomst", future, future))
r = app.run(script=[{"tap": "home.ideas"}])
home = r.first_frame_on("home")
t.check(home is not None and home.find("banner.clock") is not None,
        "an entry dated after --now shows the clock warning on home", r.why)
ideas = r.first_frame_on("ideas")
t.check(ideas is not None and ideas.find("banner.clock") is not None, "the warning stays on other screens", r.why)

app.now = "2026-12-01T08:00"
r = app.run(script=[])
t.check(r.last().find("banner.clock") is None, "no warning once the clock is past the newest entry", r.why)
t.done()

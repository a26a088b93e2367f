#!/usr/bin/env python3
"""test_confirm_home.py: "Home" on a half-filled form asks first: keep
editing keeps the draft, throw away goes home and forgets it. With nothing
filled in, Home goes straight home."""
from vbtest import App, Suite

t = Suite()
app = App(t)
r = app.run(script=[{"quit": True}], extra=["--demo"])
t.equal(r.rc, 0, "a demo database is made")

r = app.run(script=[{"tap": "home.idea_new"}, {"tap": "bar.home"}])
t.check(r.screens()[-1] == "home", "an empty form: Home goes straight home", r.why)

r = app.run(script=[
    {"tap": "home.idea_new"}, {"tap": "idea_new.category.safety"}, {"tap": "idea_new.title"},
    {"type": "Looppad markeren"}, {"key": "Return"}, {"wait": "settled"},
    {"tap": "bar.home"}, {"wait": "settled"},
])
last = r.last()
t.check(r.rc == 0 and last.screen == "idea_new" and last.find("confirm.message") is not None,
        "a half-filled form: Home asks before throwing the entry away", r.why)
t.check(last.find("confirm.keep") is not None and last.find("confirm.discard") is not None,
        "... with 'keep editing' and 'throw away'")

r = app.run(script=[
    {"tap": "home.idea_new"}, {"tap": "idea_new.title"}, {"type": "Looppad markeren"}, {"key": "Return"},
    {"tap": "bar.home"}, {"tap": "confirm.keep"}, {"wait": "settled"},
])
last = r.last()
field = last.find("idea_new.title")
t.check(last.screen == "idea_new" and last.find("confirm.message") is None, "keep editing stays on the form", r.why)
t.check(field is not None and "Looppad markeren" in field["label"], "... and the draft is still there",
        lambda: repr(field))

r = app.run(script=[
    {"tap": "home.idea_new"}, {"tap": "idea_new.title"}, {"type": "Looppad markeren"}, {"key": "Return"},
    {"tap": "bar.home"}, {"tap": "confirm.discard"}, {"wait": "settled"}, {"tap": "home.idea_new"},
])
t.check(r.screens()[-2:] == ["home", "idea_new"] or "home" in r.screens(), "throw away goes home", r.why)
field = r.last().find("idea_new.title")
t.check(field is not None and "Looppad" not in field["label"], "... and the draft is gone", lambda: repr(field))
t.equal(app.scalar("SELECT count(*) FROM idea WHERE title LIKE 'Looppad%'"), 0, "nothing was saved")
t.done()

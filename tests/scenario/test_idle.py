#!/usr/bin/env python3
"""test_idle.py: after the idle timeout (90 s by default) the kiosk returns
home, forgets the session language, and not a moment earlier."""
from vbtest import App, Suite

t = Suite()
app = App(t)

r = app.run(script=[{"tap": "home.ideas"}, {"advance": 91}])
t.check(r.rc == 0, "idle: the script runs", r.why)
t.check("ideas" in r.screens(), "idle: went to the idea box", r.why)
t.check(r.screens()[-1:] == ["home"], "idle: 91 s without input returns home", r.why)

r = app.run(script=[{"tap": "home.ideas"}, {"advance": 89}])
t.check(r.screens()[-1:] == ["ideas"], "idle: after 89 s it is still on the idea box", r.why)

r = app.run(script=[{"tap": "home.ideas"}, {"advance": 60}, {"tap": [5, 590]}, {"advance": 60}])
t.check(r.screens()[-1:] == ["ideas"], "idle: a touch in between restarts the idle time", r.why)

r = app.run(script=[{"tap": "home.ideas"}, {"advance": 60}, {"advance": 31}])
t.check(r.screens()[-1:] == ["home"], "idle: time adds up over several steps", r.why)

# a language picked for one person's session goes back to the team language
r = app.run(script=[{"tap": "home.language"}])
labels = [f.find("home.language")["label"] for f in r.frames if f.find("home.language")]
t.check(len(set(labels)) >= 2, "idle: the language button switches the language", lambda: "labels %r" % labels)
r2 = app.run(script=[{"tap": "home.language"}, {"advance": 91}])
end = r2.last().find("home.language")
t.check(end is not None and labels and end["label"] == labels[0],
        "idle: the language switches back at idle reset", lambda: "%r" % (end and end["label"]))

# the team setting for the timeout is honoured
app.sql("UPDATE setting SET value = '30' WHERE key = 'idle_timeout_s'")
r = app.run(script=[{"tap": "home.ideas"}, {"advance": 31}])
t.check(r.screens()[-1:] == ["home"], "idle: a team idle timeout of 30 s is honoured", r.why)
t.done()

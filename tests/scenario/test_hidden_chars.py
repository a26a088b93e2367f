#!/usr/bin/env python3
"""test_hidden_chars.py: bidi overrides and zero-width characters never
reach the database through a text field (they can disguise text on the wall
and in Excel), and the editor says they were removed, in Dutch by default."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from vbtest import App, Suite  # noqa: E402

t = Suite()
app = App(t)
typed = "Gat in \u202evloer\u202c bij\u200b pers\u2066 3\u2069\ufeff"
plain = "Gat in vloer bij pers 3"
r = app.run(script=[{"tap": "home.learning_point"}, {"tap": "learning_point.category.safety"},
                    {"tap": "learning_point.what"}, {"type": typed}], extra=["--demo"])
t.check(r.rc == 0, "typing hidden characters: the script runs", r.why)
last = r.last()
field = last.find("learning_point.what")
t.check(field is not None and field.get("label") == plain, "the field holds the text without them",
        lambda: repr(field))
banner = last.find("edit.hidden")
t.check(banner is not None and "verwijderd" in banner.get("label", ""),
        "the editor says hidden characters were removed (in Dutch)", lambda: repr(last.ids()))
t.check(last.find("learning_point.what.refused") is not None, "the field's status shows it too",
        lambda: repr(last.ids()))

r = app.run(script=[{"tap": "home.learning_point"}, {"tap": "learning_point.category.safety"},
                    {"tap": "learning_point.what"}, {"type": typed}, {"tap": "kbd.done"},
                    {"tap": "learning_point.save"}], extra=["--demo"])
rows = app.sql("SELECT what_happened FROM learning_point WHERE what_happened LIKE 'Gat in%'")
t.check(r.rc == 0 and rows == [(plain,)], "the database holds the plain text", lambda: "%s %r" % (r.why(), rows))
hidden = [c for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u200c\u200d\u200e\u200f"
          "\u2060\ufeff\u061c"]
stored = "".join(x[0] for x in app.sql("SELECT what_happened FROM learning_point"))
t.check(not any(c in stored for c in hidden), "no hidden character is stored anywhere")
t.done()

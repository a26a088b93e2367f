#!/usr/bin/env python3
"""test_wall_settings.py: a lead switches the wall pages on for the idle
kiosk and sets the time per page in Settings; both are saved, audited, and
take effect."""
from vbtest import App, Suite

t = Suite()
app = App(t)
r = app.run(script=[{"quit": True}], extra=["--demo"])
t.equal(r.rc, 0, "a demo database is made")
sign_in = [{"tap": "home.lead"}, {"tap": "lead.pick.1"}] + [{"tap": "lead.pin.%s" % d} for d in "1234"] + \
          [{"tap": "lead.pin.ok"}, {"tap": "lead.menu.settings"}]
r = app.run(script=sign_in + [{"tap": "settings.wall_idle.on"}, {"tap": "settings.wall_rotate.30"},
                              {"wait": "settled"}])
t.check(r.rc == 0, "the lead reaches the team settings and taps the wall choices", r.why)
t.equal(app.scalar("SELECT value FROM setting WHERE key = 'wall_idle'"), "1", "the wall pages are switched on")
t.equal(app.scalar("SELECT value FROM setting WHERE key = 'wall_rotate_s'"), "30", "30 seconds per page is saved")
t.equal(app.scalar("SELECT count(*) FROM audit_log WHERE action = 'settings' AND subject IN"
                   " ('setting:wall_idle', 'setting:wall_rotate_s')"), 2, "both changes are in the audit log")
last = r.last()
on = last.find("settings.wall_idle.on")
t.check(on is not None and on["state"]["selected"], "the chip shows the choice", lambda: repr(on))
r = app.run(script=[{"advance": 91}, {"wait": "settled"}])
t.check("wall" in r.screens(), "the idle kiosk now shows the wall pages", r.why)
t.done()

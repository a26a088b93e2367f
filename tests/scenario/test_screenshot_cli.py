#!/usr/bin/env python3
"""test_screenshot_cli.py: --screenshot renders one screen with the software
renderer and writes a PNG of the right size, with no display at all."""
import os

from vbtest import App, Suite, png_size

t = Suite()
env = dict(os.environ)
for k in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER"):
    env.pop(k, None)

app = App(t)
png = os.path.join(app.dir, "home.png")
r = app.run(extra=["--screenshot", png], dump=False, env=env)
t.equal(r.rc, 0, "--screenshot with no display exits 0")
t.equal(png_size(png), (1024, 600), "--screenshot with --windowed 1024x600 writes a 1024x600 PNG")
t.check(os.path.getsize(png) > 5000 if os.path.exists(png) else False, "the PNG has content")

app2 = App(t, window=None)
png2 = os.path.join(app2.dir, "full.png")
r = app2.run(extra=["--screenshot", png2], dump=False, env=env)
t.equal(png_size(png2), (1920, 1080), "--screenshot without --windowed is 1920x1080")

for screen in ("ideas", "dbfail"):
    p = os.path.join(app.dir, screen + ".png")
    r = app.run(extra=["--screenshot", p, "--screen", screen], dump=False, env=env)
    t.check(r.rc == 0 and png_size(p) == (1024, 600), "--screenshot --screen %s" % screen, r.why)

bad = os.path.join(app.dir, "no-such-folder", "x.png")
r = app.run(extra=["--screenshot", bad], dump=False, env=env)
t.check(r.rc != 0 and "x.png" in r.stderr, "--screenshot to an unwritable path fails with a message", r.why)

# {"screenshot": ...} from a script, in a running (dummy driver) kiosk
p = os.path.join(app.dir, "scripted.png")
r = app.run(script=[{"tap": "home.ideas"}, {"screenshot": p}])
t.check(r.rc == 0 and png_size(p) == (1024, 600), "a script step writes a screenshot of the window", r.why)
t.done()

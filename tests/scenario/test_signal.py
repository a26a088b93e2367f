#!/usr/bin/env python3
"""test_signal.py: a system shutdown (SIGTERM) or Ctrl+C in a terminal
(SIGINT) stops the kiosk quickly and cleanly: exit status 0, the database
closed (no -wal file left), even in kiosk mode."""
import os
import signal
import time

from vbtest import App, Suite, dump_shows, stop, wait_for

t = Suite()

for sig in (signal.SIGTERM, signal.SIGINT):
    name = signal.Signals(sig).name
    app = App(t, fixed=False)
    p, dump = app.start()
    shown = wait_for(lambda: dump_shows(dump, "home") or p.poll() is not None, timeout=30)
    if not t.check(shown and p.poll() is None, "%s: the kiosk runs and shows home" % name,
                   lambda: "exit %s: %s" % (p.poll(), p.stderr.read().decode(errors="replace")[-300:])):
        stop(p, signal.SIGKILL)
        continue
    t.check(os.path.exists(app.db + "-wal"), "%s: while running the database is open in WAL mode" % name)
    t0 = time.monotonic()
    rc = stop(p, sig, timeout=10)
    secs = time.monotonic() - t0
    err = p.stderr.read().decode(errors="replace")
    app.check_stderr(err, "stopped by %s" % name)
    t.check(rc == 0, "%s: exit status 0" % name, "exit %s; %s" % (rc, err[-300:]))
    t.check(rc is not None and secs < 3.0, "%s: it stops quickly" % name, "took %.2f s" % secs)
    t.check(not os.path.exists(app.db + "-wal"), "%s: the -wal file is gone (clean close)" % name)
    t.check(not os.path.exists(app.db + "-shm"), "%s: the -shm file is gone" % name)
    t.equal(app.scalar("PRAGMA quick_check"), "ok", "%s: the database is intact" % name)
t.done()

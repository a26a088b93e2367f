#!/usr/bin/env python3
"""test_lead.py: lead mode with the real binary.

- `--add-member NAME --lead` with the PIN on stdin creates a lead whose PIN
  works in the kiosk; a bad PIN on stdin creates nobody;
- five wrong PINs lock the lead out; the lockout survives a restart of the
  app; another lead lifts it in the kiosk, and `--unlock-lead` on the
  command line; a wrong PIN and then the right one signs in;
- a screen that needs a lead (settings) comes back after signing in;
- "Done" and idle reset end lead mode;
- "Stop for maintenance" exits with 75, "Restart the kiosk" with 0, both
  audited;
- a settings change (team name) shows on the home screen and is audited;
- with no lead in the database the kiosk says how to create one;
- as root, the admin commands refuse the service's database.
PIN hashing is made cheap for tests with VERBETERBORD_PWHASH_CHEAP=1."""
import os
import subprocess

from vbtest import NOW, NOW_S, App, Suite, binary

os.environ["VERBETERBORD_PWHASH_CHEAP"] = "1"

t = Suite()
app = App(t)

r = app.run(script=[], extra=["--demo"])
t.check(r.rc == 0, "demo database made", r.why)


def cli(args, pin_input=None, db=None):
    """Runs an admin command on the app's database (PIN lines on stdin)."""
    cmd = [binary(), "--config", os.path.join(app.dir, "no-device.conf"), "--db", db or app.db, "--now", NOW] + args
    p = subprocess.run(cmd, input=(pin_input or "").encode(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=60)
    out, err = p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")
    app.check_stderr(err, " ".join(args[:1]))
    return p.returncode, out, err


def member_id(name):
    return app.scalar("SELECT id FROM member WHERE name = ? AND active = 1", (name,))


def pin_steps(pad, digits):
    return [{"tap": "%s.%s" % (pad, d)} for d in digits] + [{"tap": pad + ".ok"}]


def sign_in(lead, pin):
    return [{"tap": "home.lead"}, {"tap": "lead.pick.%d" % lead}] + pin_steps("lead.pin", pin)


def label(frame, element_id):
    e = frame.find(element_id)
    return e.get("label", "") if e else None


# ---- creating leads on the command line ---------------------------------------
rc, out, err = cli(["--add-member", "Anna Test", "--lead"], "2468\n")
t.check(rc == 0, "cli: --add-member --lead with the PIN on stdin", lambda: "rc %s: %s" % (rc, err))
anna = member_id("Anna Test")
t.check(anna is not None and app.scalar("SELECT role FROM member WHERE id = ?", (anna,)) == "lead",
        "cli: the new member is a lead")
t.check(str(app.scalar("SELECT pin_hash FROM member WHERE id = ?", (anna,))).startswith("$argon2id$"),
        "cli: the PIN is stored as an Argon2id hash")
rc, out, err = cli(["--add-member", "Bert Test", "--lead"], "1357\n")
bert = member_id("Bert Test")
t.check(rc == 0 and bert is not None, "cli: a second lead", lambda: err)
rc, out, err = cli(["--add-member", "Kort", "--lead"], "12\n")
t.check(rc != 0 and member_id("Kort") is None, "cli: a PIN of 2 digits is refused and nobody is added",
        lambda: "rc %s, %s" % (rc, err))
rc, out, err = cli(["--add-member", "Anna Test", "--lead"], "2468\n")
t.check(rc != 0 and "already" in err, "cli: a second active member of the same name is refused", lambda: err)
rc, out, err = cli(["--add-member", "Wout Werker", "--badge", "0459999", "--language", "pl"])
t.check(rc == 0 and app.scalar("SELECT badge || language FROM member WHERE name = 'Wout Werker'") == "0459999pl",
        "cli: a worker with badge and language, no PIN asked", lambda: err)
rc, out, err = cli(["--list-members"])
t.check(rc == 0 and "Anna Test\tlead\tnl\t-\tyes\tactive" in out, "cli: --list-members shows the lead with a PIN",
        lambda: out[:300])
t.check(app.scalar("SELECT count(*) FROM audit_log WHERE action = 'roster' AND member_id IS NULL") >= 5,
        "cli: additions and PINs are in the audit log as the command line")

# ---- a wrong PIN, then the right one ------------------------------------------
r = app.run(script=sign_in(anna, "1111") + pin_steps("lead.pin", "2468"))
t.check(r.rc == 0, "pin: the script runs", r.why)
msgs = [label(f, "lead.message") for f in r.frames if f.find("lead.message")]
t.check(any(m and "4" in m for m in msgs), "pin: a wrong PIN says how many tries are left", lambda: "%r" % msgs)
last = r.last()
t.check(last.screen == "lead" and "Anna Test" in (label(last, "lead.signed_in") or ""),
        "pin: the right PIN after a wrong one signs in (lead menu)", lambda: "%r" % last)
t.check(app.scalar("SELECT failed_pins FROM member WHERE id = ?", (anna,)) == 0,
        "pin: signing in forgets the wrong PIN")

# ---- five wrong PINs lock the lead; the lockout survives a restart -------------
steps = sign_in(anna, "1111")
for _ in range(4):
    steps += pin_steps("lead.pin", "9999")
r = app.run(script=steps)
t.check(r.rc == 0, "lockout: five wrong PINs typed", r.why)
t.check(r.last().find("lead.locked") is not None and r.last().find("lead.pin.ok") is None,
        "lockout: after the fifth the keypad is gone and the lockout is shown", lambda: "%r" % r.last())
locked_until = app.scalar("SELECT locked_until FROM member WHERE id = ?", (anna,))
t.check(locked_until is not None and locked_until > NOW_S, "lockout: stored in the database",
        lambda: "locked_until %r" % locked_until)

r = app.run(script=[{"tap": "home.lead"}, {"tap": "lead.pick.%d" % anna}])
t.check(r.last().find("lead.locked") is not None and r.last().find("lead.pin.ok") is None,
        "lockout: still locked after the app restarted", lambda: "%r" % r.last())
r = app.run(script=[{"tap": "home.lead"}, {"tap": "lead.pick.%d" % anna}, {"tap": "lead.pin.1"}])
t.check(r.rc != 0, "lockout: no key to type a PIN on while locked")

# ---- another lead lifts it --------------------------------------------------------
r = app.run(script=sign_in(bert, "1357") + [
    {"tap": "lead.menu.unlock"},
    {"tap": "lead.unlock.%d" % anna},
    {"tap": "lead.back"},
    {"tap": "lead.done"},
] + sign_in(anna, "2468"))
t.check(r.rc == 0, "unlock: another lead lifts the lockout in the kiosk", r.why)
t.check("Anna Test" in (label(r.last(), "lead.signed_in") or ""), "unlock: then the locked lead signs in",
        lambda: "%r" % r.last())
t.check(app.scalar("SELECT count(*) FROM audit_log WHERE action = 'pin_lockout' AND member_id = ?", (bert,)) == 1,
        "unlock: audited with the lead who lifted it")

# ---- and the command line lifts it --------------------------------------------------
steps = sign_in(anna, "1111")
for _ in range(4):
    steps += pin_steps("lead.pin", "9999")
app.run(script=steps)
t.check((app.scalar("SELECT locked_until FROM member WHERE id = ?", (anna,)) or 0) > NOW_S,
        "unlock: locked again for the command-line test")
rc, out, err = cli(["--unlock-lead", "Anna Test"])
t.check(rc == 0 and app.scalar("SELECT locked_until IS NULL AND failed_pins = 0 FROM member WHERE id = ?",
                               (anna,)) == 1, "unlock: --unlock-lead lifts it", lambda: err)
r = app.run(script=sign_in(anna, "2468"))
t.check("Anna Test" in (label(r.last(), "lead.signed_in") or ""), "unlock: and the PIN works again", r.why)

# ---- a screen that needs a lead comes back after signing in ---------------------------
r = app.run(script=[{"tap": "lead.pick.%d" % anna}] + pin_steps("lead.pin", "2468"), extra=["--screen", "settings"])
t.check(r.screens()[:1] == ["lead"] and r.screens()[-1:] == ["settings"],
        "gate: settings asks for a lead, then opens", r.why)

# ---- Done and idle reset end lead mode -------------------------------------------------
r = app.run(script=sign_in(anna, "2468") + [{"tap": "lead.done"}, {"tap": "home.lead"}])
t.check(r.last().find("lead.pick.%d" % anna) is not None, "end: after Done the sign-in shows again",
        lambda: "%r" % r.last())
r = app.run(script=sign_in(anna, "2468") + [{"tap": "bar.home"}, {"advance": 91}, {"tap": "home.lead"}])
t.check(r.last().find("lead.pick.%d" % anna) is not None, "end: idle reset ends lead mode",
        lambda: "%r" % r.last())

# ---- settings: the team name --------------------------------------------------------------
steps = sign_in(anna, "2468") + [{"tap": "lead.menu.settings"}, {"tap": "settings.team_name"}]
steps += [{"key": "Backspace"}] * 30 + [{"type": "Lijnteam Zuid"}, {"key": "Return"}, {"tap": "bar.home"}]
r = app.run(script=steps)
t.check(r.rc == 0, "settings: the script runs", r.why)
t.equal(label(r.last(), "bar.title"), "Lijnteam Zuid", "settings: the new team name shows on the home screen")
row = app.sql("SELECT member_id, subject, detail FROM audit_log WHERE action = 'settings' ORDER BY id DESC LIMIT 1")
t.check(row and row[0][0] == anna and row[0][1] == "setting:team_name" and "Lijnteam Zuid" in row[0][2],
        "settings: the change is in audit_log with the lead", lambda: "%r" % row)
r = app.run(script=sign_in(anna, "2468") + [{"tap": "lead.menu.settings"}, {"tap": "settings.idle.300"}])
t.equal(app.scalar("SELECT value FROM setting WHERE key = 'idle_timeout_s'"), "300",
        "settings: an idle-timeout preset is saved")

# ---- leaving the app ------------------------------------------------------------------------
r = app.run(script=sign_in(anna, "2468") + [
    {"tap": "lead.menu.leave"}, {"tap": "lead.leave.maintenance"}, {"tap": "lead.leave.confirm"}])
t.equal(r.rc, 75, "leave: stop for maintenance exits with 75")
t.check(app.scalar("SELECT count(*) FROM audit_log WHERE action = 'app_exit' AND detail = 'maintenance'"
                   " AND member_id = ?", (anna,)) == 1, "leave: the stop is audited")
r = app.run(script=sign_in(anna, "2468") + [
    {"tap": "lead.menu.leave"}, {"tap": "lead.leave.restart"}, {"tap": "lead.leave.cancel"}, {"tap": "lead.back"}])
t.check(r.rc == 0 and r.last().find("lead.menu.leave") is not None, "leave: cancel keeps the kiosk running",
        r.why)
r = app.run(script=sign_in(anna, "2468") + [
    {"tap": "lead.menu.leave"}, {"tap": "lead.leave.restart"}, {"tap": "lead.leave.confirm"}])
t.check(r.rc == 0 and "restarting" in r.stderr and
        app.scalar("SELECT count(*) FROM audit_log WHERE action = 'app_exit' AND detail = 'restart'") == 1,
        "leave: restart exits with 0 (systemd starts it again), audited", r.why)

# ---- no lead yet: how to create one -----------------------------------------------------
empty = App(t)
r = empty.run(script=[{"tap": "home.lead"}])
cmd = label(r.last(), "lead.setup.command") or ""
t.check("--add-member" in cmd and "--lead" in cmd and "sudo -u verbeterbord" in cmd,
        "first run: the lead screen says how to create a lead", lambda: "%r" % r.last())

# ---- root guard -----------------------------------------------------------------------------
if os.geteuid() == 0:
    rc, out, err = cli(["--list-members"], db="/var/lib/verbeterbord/verbeterbord.db")
    t.check(rc != 0 and "sudo -u verbeterbord" in err, "root: refused on the service's database with a hint",
            lambda: err)
    other = os.path.join(app.dir, "other.db")
    subprocess.run(["cp", app.db, other], check=True)
    subprocess.run(["cp", app.db + "-anon", other + "-anon"], check=True)  # anonymous points live there
    os.chown(other, 65534, 65534)
    os.chown(other + "-anon", 65534, 65534)
    rc, out, err = cli(["--list-members"], db=other)
    t.check(rc != 0 and "another user" in err, "root: refused on a database owned by another user", lambda: err)
    rc, out, err = cli(["--list-members", "--allow-root"], db=other)
    t.check(rc == 0, "root: --allow-root runs anyway", lambda: err)
else:
    t.skip("root: refused on the service's database with a hint", "not running as root")
t.done()

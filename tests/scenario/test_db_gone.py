#!/usr/bin/env python3
"""test_db_gone.py: the database file deleted or replaced while the kiosk
runs: no save is confirmed any more, the latest entries are saved to a
rescue file next to the database and the failure screen names it; a
restart with the database missing where one existed shows the newest
backup and the restore command instead of starting an empty database; a
file with a hand-added trigger or a foreign SQLite file is refused at start,
named, and left byte for byte as it was."""
import json
import os
import shutil
import sqlite3

from vbtest import App, Suite, connect, file_bytes, read_dump, stop, wait_for

t = Suite()

SAVE_FORM = [{"tap": "home.learning_point"}, {"tap": "learning_point.category.safety"},
             {"tap": "learning_point.what"}]


def send(p, *steps):
    for s in steps:
        p.stdin.write((json.dumps(s, ensure_ascii=False) + "\n").encode())
    p.stdin.flush()


def last_frame(dump):
    frames, _, _ = read_dump(dump)
    return frames[-1] if frames else None


def squeeze(text):
    """The screen's text without spaces: wrapped lines lose the space at the break."""
    return "".join(text.split())


def rescue_files(app):
    base = os.path.basename(app.db) + ".rescue-"
    return sorted(os.path.join(app.dir, f) for f in os.listdir(app.dir)
                  if f.startswith(base) and not f.endswith("-anon"))  # <copy>-anon goes with <copy>


def gone_while_running(label, make_gone):
    """Saves one learning point, fills a second, makes the file go, taps Save."""
    app = App(t)
    p, dump = app.start(extra=["--demo"], script_stdin=True)
    try:
        send(p, *SAVE_FORM, {"type": "Vorkheftruck reed te hard door hal 2"}, {"tap": "kbd.done"},
             {"tap": "learning_point.save"})
        shown = wait_for(lambda: last_frame(dump) and last_frame(dump).find("learning_point.receipt"), timeout=30)
        if not t.check(shown, "%s: the first learning point is saved" % label,
                       lambda: "screens %s" % [f.screen for f in read_dump(dump)[0]][-3:]):
            return
        receipt = shown["label"]
        send(p, {"tap": "bar.home"}, *SAVE_FORM, {"type": "Stempel na de verwijdering"}, {"tap": "kbd.done"})
        filled = wait_for(lambda: last_frame(dump) and last_frame(dump).find("learning_point.what") is not None
                          and last_frame(dump).find("learning_point.what")["label"] == "Stempel na de verwijdering",
                          timeout=30)
        t.check(filled, "%s: the second form is filled" % label)
        seq_before = last_frame(dump).seq
        make_gone(app)
        send(p, {"tap": "learning_point.save"}, {"wait": "settled"})
        failed = wait_for(lambda: last_frame(dump) and last_frame(dump).screen == "dbfail", timeout=30)
        t.check(failed, "%s: the failure screen is shown" % label,
                lambda: "screens %s" % [f.screen for f in read_dump(dump)[0]][-3:])
        after = [f for f in read_dump(dump)[0] if f.seq > seq_before]
        t.check(not any(f.find("learning_point.saved") or f.find("learning_point.receipt") for f in after),
                "%s: no saved confirmation and no receipt code after the file went" % label)
        rescues = rescue_files(app)
        t.equal(len(rescues), 1, "%s: one rescue file next to the database" % label)
        text = last_frame(dump).text("dbfail.") if failed else ""
        t.check(rescues and squeeze("sudo verbeterbord-restore " + rescues[0]) in squeeze(text),
                "%s: the failure screen names the rescue file and the restore command" % label, repr(text))
        t.check(squeeze("verwijderd of vervangen") in squeeze(text), "%s: the failure screen says what happened" % label, repr(text))
        t.check(last_frame(dump).find("dbfail.retry") is None, "%s: no retry into whatever the path names now" % label)
        if rescues:
            t.check(os.path.exists(rescues[0] + "-anon"), "%s: the anonymous entries are rescued beside it" % label)
            con = connect(rescues[0])
            try:
                n = con.execute("SELECT count(*) FROM learning_point WHERE receipt = ?", (receipt,)).fetchone()[0]
                members = con.execute("SELECT count(*) FROM member").fetchone()[0]
            finally:
                con.close()
            t.equal(n, 1, "%s: the rescue file holds the entry saved before" % label)
            t.check(members > 0, "%s: the rescue file holds the team's members" % label)
        send(p, {"advance": 6}, {"wait": "settled"}, {"quit": True})
        p.stdin.close()
        t.equal(p.wait(timeout=30), 0, "%s: the app ends cleanly" % label)
        app.check_stderr(p.stderr.read().decode(errors="replace"), label)
        return app
    finally:
        if p.poll() is None:
            stop(p)


def delete(app):
    os.remove(app.db)


app = gone_while_running("deleted while running", delete)
if app:
    t.check(not os.path.exists(app.db), "deleted while running: no new database was made in its place")
    # a restart: the database is missing, the rescue copy is the newest backup
    r = app.run(script=[{"advance": 6}])
    text = r.last().text("dbfail.")
    rescue = (rescue_files(app) or ["?"])[0]
    t.check(set(r.screens()) == {"dbfail"}, "restart after deletion: only the failure screen", r.why)
    t.check(squeeze("sudo verbeterbord-restore " + rescue) in squeeze(text),
            "restart after deletion: it names the rescue file and the restore command", repr(text))
    t.check(not os.path.exists(app.db), "restart after deletion: no empty database was made")


def delete_all(app):
    for side in ("", "-wal", "-shm"):
        if os.path.exists(app.db + side):
            os.remove(app.db + side)


gone_while_running("deleted with its -wal and -shm", delete_all)


def replace(app):
    other = os.path.join(app.dir, "other.db")
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE x (y)")
    con.commit()
    con.close()
    os.replace(other, app.db)


gone_while_running("replaced while running", replace)

# idle on the home screen: noticed on the regular tick, without a tap
def gone_while_idle(app, make_gone):
    """Starts the app on the home screen, runs make_gone(app), lets the
    minute clock tick; returns (home was shown, the failure screen is shown,
    its text)."""
    p, dump = app.start(extra=["--demo"], script_stdin=True)
    try:
        send(p, {"wait": "settled"})
        home = wait_for(lambda: last_frame(dump) and last_frame(dump).screen == "home", timeout=30)
        make_gone(app)
        send(p, {"advance": 60}, {"wait": "settled"})
        shown = wait_for(lambda: last_frame(dump) and last_frame(dump).screen == "dbfail", timeout=30)
        text = last_frame(dump).text("dbfail.") if shown else ""
        send(p, {"quit": True})
        p.stdin.close()
        p.wait(timeout=30)
        return home, shown, text
    finally:
        if p.poll() is None:
            stop(p)


home, shown, _ = gone_while_idle(App(t), lambda app: os.remove(app.db))
t.check(home, "idle: home")
t.check(shown, "idle: a deletion is noticed on the next tick (the minute clock) and the failure screen is shown")

# the whole data folder gone: no rescue copy possible, and the screen says so
app = App(t)
os.makedirs(os.path.join(app.dir, "data"))
app.db = os.path.join(app.dir, "data", "verbeterbord.db")
_, shown, text = gone_while_idle(app, lambda app: shutil.rmtree(os.path.dirname(app.db)))
t.check(shown and squeeze("niet in een reddingsbestand") in squeeze(text),
        "folder gone: the failure screen says the entries could not be saved to a rescue file", repr(text))

# a restart with the database missing and a backup in the data folder
app = App(t)
app.run(script=[{"quit": True}], extra=["--demo"])
backup = os.path.join(app.dir, "verbeterbord-20261125-023000.db")
shutil.copy(app.db, backup)
os.remove(app.db)
marker = os.path.join(app.dir, "." + os.path.basename(app.db) + ".existed")
if os.path.exists(marker):
    os.remove(marker)  # the backup alone tells that there was a database
r = app.run(script=[{"advance": 6}, {"tap": "dbfail.retry"}], extra=["--demo"])
text = r.last().text("dbfail.")
t.check(r.rc == 0 and set(r.screens()) == {"dbfail"}, "missing with a backup: only the failure screen", r.why)
t.check(squeeze("sudo verbeterbord-restore " + backup) in squeeze(text),
        "missing with a backup: it names the newest backup and the restore command", repr(text))
t.check("ontbreekt" in text, "missing with a backup: it says the database is missing", repr(text))
t.check(not os.path.exists(app.db), "missing with a backup: no database was made")

# the marker alone (no backup): not replaced either
app = App(t)
app.run(script=[{"quit": True}])
os.remove(app.db)
r = app.run(script=[{"advance": 6}])
t.check(set(r.screens()) == {"dbfail"} and not os.path.exists(app.db),
        "missing, marker only: the failure screen, no database made", r.why)

# a genuinely first start still creates the database
app = App(t)
r = app.run(script=[{"wait": "settled"}], extra=["--demo"])
t.check(r.screens()[-1:] == ["home"] and os.path.exists(app.db), "first start: the database is created", r.why)


def refused_at_start(label, app, words):
    before = file_bytes(app.db)
    r = app.run(script=[{"advance": 6}, {"tap": "dbfail.retry"}])
    t.check(r.rc == 0 and set(r.screens()) == {"dbfail"}, "%s: only the failure screen" % label, r.why)
    text = r.last().text("dbfail.")
    for w in words:
        t.check(squeeze(w) in squeeze(text), "%s: the failure screen names %s" % (label, w), repr(text))
    t.check(file_bytes(app.db) == before, "%s: the file is unchanged" % label)
    t.check(not os.path.exists(app.db + "-wal"), "%s: no -wal file left" % label)
    return before


# a trigger added by hand that stamps exact times on learning points
app = App(t)
app.run(script=[{"quit": True}], extra=["--demo"])
app.sql("CREATE TRIGGER anon.lp_stamp AFTER INSERT ON learning_point_anon BEGIN "
        "UPDATE learning_point_anon SET lesson = datetime('now') WHERE id = NEW.id; END")
refused_at_start("hand-added trigger", app, ["lp_stamp", "learning_point_anon"])

# a column dropped by hand
app = App(t)
app.run(script=[{"quit": True}])
app.sql("ALTER TABLE audit_log DROP COLUMN detail")
refused_at_start("dropped column", app, ["audit_log.detail"])

# a foreign SQLite file, in rollback-journal mode: not adopted, not switched to WAL
app = App(t)
con = sqlite3.connect(app.db)
con.execute("CREATE TABLE boodschappen (wat TEXT, hoeveel INTEGER)")
con.execute("INSERT INTO boodschappen VALUES ('melk', 2)")
con.commit()
con.close()
refused_at_start("foreign file", app, ["boodschappen"])
t.check(file_bytes(app.db)[18:20] == b"\x01\x01", "foreign file: still in rollback-journal mode (not WAL)")
t.equal(app.sql("SELECT name FROM sqlite_schema"), [("boodschappen",)], "foreign file: no tables added")
t.done()

#!/usr/bin/env python3
"""test_review.py: the monthly review screen on the demo database, driven by
--script after a real lead sign-in (PIN set with --set-pin):

  - without a lead, the review sends the way to the lead sign-in;
  - the charts show the month's figures as they are in the database
    (learning points "shared", never "mistakes"), per category and per week,
    ideas, feedback, actions and daily starts, each compared with the
    previous month in words;
  - previous / next move between months (not into the future);
  - idle reset waits while the review is open, up to an hour without a touch;
  - "Export to USB" says what is wrong without an export folder or without a
    stick, and with a stick (a tmpfs mounted at export_dir, when this machine
    lets the test mount one) writes the four files with the clock fixed (the
    export runs to the end on its deadlines), reports where, audits the export, and says so when the stick is
    read-only or full;
  - screenshots at 1024x600 and 1920x1080 match tests/ref/review-*.png
    (shots.txt cannot sign a lead in); UPDATE_REFS=1 rewrites them.
"""
import os
import shutil
import subprocess

from vbtest import App, NOW, Suite, build_dir, png_size

t = Suite()
env = dict(os.environ, VERBETERBORD_PWHASH_CHEAP="1")
REF_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "ref")


def demo_app(window="1024x600", lang=None):
    app = App(t, window=window)
    r = app.run(extra=["--demo", "--screenshot", os.path.join(app.dir, "first.png")], dump=False)
    t.check(r.rc == 0, "demo database (%s)" % window, r.why())
    p = subprocess.run([os.path.join(build_dir(), "verbeterbord"), "--db", app.db, "--set-pin", "Henk de Vries",
                        "--now", "2026-11-26T06:50", "--allow-root"], input=b"1234\n", stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, env=env)
    t.check(p.returncode == 0, "a PIN for the demo lead (%s)" % window, p.stderr.decode())
    if lang:
        app.sql("UPDATE setting SET value = ? WHERE key = 'language'", (lang,))
    return app


SIGN_IN = [{"tap": "home.lead"}, {"tap": "lead.pick.1"}, {"tap": "lead.pin.1"}, {"tap": "lead.pin.2"},
           {"tap": "lead.pin.3"}, {"tap": "lead.pin.4"}, {"tap": "lead.pin.ok"}, {"wait": "settled"}]
OPEN = SIGN_IN + [{"tap": "lead.menu.review"}, {"wait": "settled"}]


def label(frame, element_id):
    e = frame.find(element_id) if frame else None
    return e.get("label", "") if e else None


app = demo_app()

# ---- the lead gate ------------------------------------------------------------
r = app.run(script=[{"wait": "settled"}], extra=["--screen", "review"], env=env)
t.check(r.rc == 0 and "review" not in r.screens()[-1:] and r.screens()[-1:] == ["lead"],
        "without a lead, the review opens the lead sign-in", r.why())

# ---- the charts ---------------------------------------------------------------
r = app.run(script=OPEN, env=env)
t.check(r.rc == 0 and r.screens()[-1:] == ["review"], "a signed-in lead opens the review", r.why())
f = r.last()
lp_now = app.scalar("SELECT count(*) FROM learning_point WHERE day BETWEEN '2026-11-01' AND '2026-11-26'")
t.equal(label(f, "review.lp.total"), "%d leerpunten gedeeld" % lp_now, "the learning points are counted as shared")
words = " ".join(e.get("label", "") for e in f.elements).lower()
t.check("fout" not in words and "mistake" not in words, "the review never says 'mistakes'")
t.equal(label(f, "review.month"), "november 2026", "the month is shown")
t.check("tot nu toe" in (label(f, "review.period") or "") and "1\u201326 oktober" in (label(f, "review.period") or ""),
        "a running month says 'so far' and compares with the same days of the previous month",
        label(f, "review.period"))
cats = app.sql("SELECT c.code, count(lp.id) FROM category c LEFT JOIN learning_point lp ON lp.category_id = c.id"
               " AND lp.day BETWEEN '2026-11-01' AND '2026-11-26' GROUP BY c.id ORDER BY c.sort, c.id")
t.equal([label(f, "review.lp.cat.%s" % code) for code, _ in cats], [str(n) for _, n in cats],
        "one bar per category with its number")
t.check(all(label(f, "review.lp.cat.%s.label" % code) for code, _ in cats), "each bar has its icon and name")
weeks = app.sql("SELECT strftime('%W', day), count(*) FROM learning_point WHERE day BETWEEN '2026-11-01'"
                " AND '2026-11-26' GROUP BY 1")
shown_weeks = sorted(int(label(f, e["id"])) for e in f.elements if str(e.get("id", "")).startswith("review.lp.week."))
t.equal(sum(shown_weeks), lp_now, "the week bars add up to the month")
t.check(len(shown_weeks) == 5, "November up to the 26th touches five ISO weeks", shown_weeks)
submitted = app.scalar("SELECT count(*) FROM idea WHERE date(created_at, 'unixepoch') BETWEEN '2026-11-01'"
                       " AND '2026-11-26'")
t.equal(label(f, "review.ideas.submitted"), str(submitted), "ideas submitted")
adopted = app.scalar("SELECT count(DISTINCT idea_id) FROM idea_history WHERE to_status = 'adopted'"
                     " AND date(at, 'unixepoch') BETWEEN '2026-11-01' AND '2026-11-26'")
t.equal(label(f, "review.ideas.adopted"), str(adopted), "ideas adopted")
for fig in ("review.ideas.submitted", "review.ideas.adopted", "review.ideas.declined", "review.actions.open",
            "review.actions.overdue", "review.actions.done"):
    trend = label(f, fig + ".trend") or ""
    t.check(trend[:1] in ("\u25b2", "\u25bc", "=") and any(w in trend for w in ("meer", "minder", "gelijk")),
            "%s is compared with the previous month in an arrow and words" % fig, trend)
t.check((label(f, "review.feedback.median") or "").endswith("dagen"), "the median days to first feedback",
        label(f, "review.feedback.median"))
held = app.scalar("SELECT count(*) FROM dagstart WHERE day BETWEEN '2026-11-01' AND '2026-11-26'"
                  " AND ended_at IS NOT NULL")
t.equal(label(f, "review.dagstarts"), "Dagstarts: %d van 18 werkdagen" % held,
        "daily starts held against the working days so far")
t.check(label(f, "review.dagstarts.legend"), "the calendar says what its marks mean")
overdue = app.scalar("SELECT count(*) FROM action WHERE status = 'open' AND due_day < '2026-11-26'")
t.equal(label(f, "review.actions.overdue"), str(overdue), "overdue actions")
t.check(f.find("review.next") and f.find("review.next")["state"].get("disabled"), "no next month after the current one")

# ---- lists, months, idle -------------------------------------------------------
r = app.run(script=OPEN + [{"tap": "review.tab.lists"}, {"wait": "settled"}, {"tap": "review.prev"},
                           {"wait": "settled"}, {"advance": 600}, {"wait": "settled"}], env=env)
f = r.last()
top = app.sql("SELECT id, vote_count FROM idea WHERE hidden = 0 AND status IN ('new', 'review', 'trial')"
              " ORDER BY vote_count DESC, id LIMIT 5")
shown = [e["id"] for e in f.elements if str(e.get("id", "")).startswith("review.top.") and
         e["id"].count(".") == 2 and e["id"].split(".")[2].isdigit()]
t.equal(shown, ["review.top.%d" % i for i, _ in top], "the top-voted open ideas, most votes first")
t.equal(label(f, "review.month"), "oktober 2026", "previous month")
t.check(r.screens()[-1:] == ["review"], "10 minutes without a touch: the review stays open (idle reset waits)",
        r.why())
t.check(f.find("review.done"), "the actions completed are listed")
r = app.run(script=OPEN + [{"advance": 3700}, {"wait": "settled"}], env=env)
t.check(r.screens()[-1:] == ["home"], "after an hour without a touch, idle reset goes home after all", r.why())

# ---- export to USB ----------------------------------------------------------------
def conf_with(path):
    conf = os.path.join(app.dir, "device.conf")
    with open(conf, "w") as fh:
        fh.write("export_dir = %s\n" % path)
    return ["--config", conf]


def notices(result):
    """The notice banner's text in each frame that shows one (its lines joined)."""
    out = []
    for fr in result.frames:
        lines = [e.get("label", "") for e in fr.elements if e.get("id") == "banner.notice"]
        if lines:
            out.append(" ".join(lines))
    return out


def notice(result):
    n = notices(result)
    return n[-1] if n else ""


r = app.run(script=OPEN + [{"tap": "review.export"}, {"wait": "settled"}], env=env)
t.check("geen USB-exportmap" in notice(r), "no export_dir: the kiosk says so", notice(r))
plain = os.path.join(app.dir, "usb")
os.makedirs(plain)
r = app.run(script=OPEN + [{"tap": "review.export"}, {"wait": "settled"}], extra=conf_with(plain), env=env)
t.check("Geen USB-stick gevonden" in notice(r), "no stick mounted: 'no USB stick found'", notice(r))
t.check(not os.listdir(plain), "... and nothing is written to the kiosk's own disk")


def try_mount(options):
    p = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", plain], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    return p.returncode == 0


def umount():
    subprocess.run(["umount", plain], stdout=subprocess.PIPE, stderr=subprocess.PIPE)


if os.geteuid() != 0 or not shutil.which("mount") or not try_mount("size=4m"):
    for what in ("a stick: the four files, progress, the result", "a read-only stick", "a full stick"):
        t.skip("export to USB with " + what, "cannot mount a tmpfs here (needs root)")
else:
    try:
        # The clock is fixed (--now, --clock fixed): the screen asks for each
        # file's turn with a due deadline (no injected wake-ups).
        r = app.run(script=OPEN + [{"tap": "review.export"}, {"wait": "settled"}, {"wait": "settled"},
                                   {"wait": "settled"}, {"wait": "settled"}, {"wait": "settled"}],
                    extra=conf_with(plain), env=env)
        folder = os.path.join(plain, "verbeterbord-2026-11")
        files = sorted(os.listdir(folder)) if os.path.isdir(folder) else []
        t.equal(files, ["actions.csv", "dagstarts.csv", "ideas.csv", "learning_points.csv"],
                "export to USB: the four files in verbeterbord-2026-11 on the stick")
        t.check(any("van 4 bestanden" in n for n in notices(r)), "export to USB: progress is shown", notices(r)[:3])
        t.check("Geëxporteerd" in notice(r) and "verbeterbord-2026-11" in notice(r),
                "export to USB: the result says where the files went", notice(r))
        t.equal(app.scalar("SELECT count(*) FROM audit_log WHERE action = 'export'"), 1,
                "export to USB: the export is in the audit log")
    finally:
        umount()
    if try_mount("ro,size=1m"):
        try:
            r = app.run(script=OPEN + [{"tap": "review.export"}, {"wait": "settled"}], extra=conf_with(plain),
                        env=env)
            t.check("alleen-lezen" in notice(r), "export to USB with a read-only stick: says so", notice(r))
        finally:
            umount()
    if try_mount("size=64k"):
        try:
            with open(os.path.join(plain, "filler"), "wb") as fh:
                try:
                    fh.write(b"x" * (1 << 20))
                except OSError:
                    pass
            r = app.run(script=OPEN + [{"tap": "review.export"}, {"wait": "settled"}, {"wait": "settled"},
                                       {"wait": "settled"}], extra=conf_with(plain), env=env)
            t.check("vol" in notice(r) and "Niet geëxporteerd" in notice(r),
                    "export to USB with a full stick: says so", notice(r))
        finally:
            umount()

# ---- screenshots -------------------------------------------------------------------
imgdiff = os.path.join(build_dir(), "tools", "imgdiff")
update = os.environ.get("UPDATE_REFS") == "1"
for size in ("1024x600", "1920x1080"):
    shot_app = app if size == "1024x600" else demo_app(size)
    shot_app.window = size
    out = os.path.join(shot_app.dir, "review-%s.png" % size)
    # a minute on: the sign-in greeting has gone, the review stays
    r = shot_app.run(script=OPEN + [{"advance": 60}, {"wait": "settled"}, {"screenshot": out}], env=env)
    w, h = (int(v) for v in size.split("x"))
    if not t.check(r.rc == 0 and png_size(out) == (w, h), "screenshot review %s: rendered" % size, r.why()):
        continue
    ref = os.path.join(REF_DIR, "review-%s-nl.png" % size)
    if update:
        shutil.copyfile(out, ref)
        t.ok("screenshot review %s: reference written" % size)
    elif not os.path.exists(ref):
        shutil.copyfile(out, ref + ".actual.png")
        t.fail("screenshot review %s: matches the reference" % size, "no reference (run make update-refs)")
    else:
        p = subprocess.run([imgdiff, ref, out], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        ok = t.check(p.returncode == 0, "screenshot review %s: matches the reference" % size,
                     (p.stdout + p.stderr).decode(errors="replace").strip())
        if not ok:
            shutil.copyfile(out, ref + ".actual.png")

# ---- Polish ------------------------------------------------------------------------
pl = demo_app(lang="pl")
r = pl.run(script=OPEN, env=env)
f = r.last()
t.check((label(f, "review.lp.total") or "").endswith("wniosków zgłoszonych"), "in Polish: learning points shared",
        label(f, "review.lp.total"))
t.check(label(f, "review.tab.lists") == "Pomysły i działania", "in Polish: the tabs", label(f, "review.tab.lists"))
t.done()

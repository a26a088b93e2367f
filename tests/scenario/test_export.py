#!/usr/bin/env python3
"""test_export.py: `verbeterbord --export-month 2026-11 --out DIR` on the demo
database, with awkward rows added first (';', '"', line breaks, diacritics,
text that looks like a formula), read back with Python's csv module the way
a Dutch-locale spreadsheet reads it (delimiter ';', UTF-8 with BOM):

  - the four files are there, start with the BOM and end every row in CRLF;
  - every row has all the columns of its header;
  - awkward fields survive exactly; formula-like ones carry their apostrophe;
  - anonymous learning points have an empty name, and nothing in the file
    (no receipt code, no key, no order) places them in time; signed ones
    show the name;
  - dates are YYYY-MM-DD, category names Dutch;
  - the database is opened read-only: its files do not change;
  - bad arguments and a missing folder fail with a message.
"""
import csv
import hashlib
import os
import re
import shutil
import subprocess

from vbtest import App, Suite, file_bytes

t = Suite()
app = App(t)

r = app.run(extra=["--demo", "--screenshot", os.path.join(app.dir, "x.png")], dump=False)
if not t.check(r.rc == 0 and os.path.exists(app.db), "the demo database is made", r.why()):
    t.done()

# ---- awkward rows, inside the CHECK constraints of db/0001_init.sql ---------
AWKWARD_WHAT = 'Olie; "lek" bij\nLijn 2 — geëindigd in Łódź'
AWKWARD_LESSON = "=SOM(A1:A3)"
SIGNED_WHAT = "+31 bellen bij storing"
SIGNED_LESSON = '-5 graden; "koud"\r\nhandschoenen aan'
AT_WHAT = "@hoofdkantoor melden"
TAB_WHAT = "\tingesprongen tekst ë"
IDEA_TITLE = 'Idee; met "aanhalingstekens"'
IDEA_DESC = "regel 1\nregel 2: één, twee, żółw"
ACTION_DESC = '=HYPERLINK("http://x";"klik")'
ACTION_NOTE = "@team: klaar; \"echt\""
DAGSTART_NOTES = 'Notitie; "met" ë\nregel 2'
anon_ids = ["a1a1a1a1a1a1a1a1", "b2b2b2b2b2b2b2b2", "c3c3c3c3c3c3c3c3"]
anon_receipts = ["KX7-4MP", "KX7-4MQ", "KX7-4MR"]
app.sql("INSERT INTO learning_point (id, receipt, day, shift_id, dagstart_day, category_id, place_id,"
        " what_happened, lesson, member_id) VALUES (?, ?, '2026-11-12', 1, '2026-11-13', 2, 2, ?, ?, NULL)",
        (anon_ids[0], anon_receipts[0], AWKWARD_WHAT, AWKWARD_LESSON))
app.sql("INSERT INTO learning_point (id, receipt, day, shift_id, dagstart_day, category_id, place_id,"
        " what_happened, lesson, member_id) VALUES ('d4d4d4d4d4d4d4d4', 'KX7-4MS', '2026-11-12', 2, '2026-11-13',"
        " 2, 1, ?, ?, 7)", (SIGNED_WHAT, SIGNED_LESSON))
app.sql("INSERT INTO learning_point (id, receipt, day, dagstart_day, category_id, what_happened, lesson, member_id)"
        " VALUES (?, ?, '2026-11-12', '2026-11-13', 2, ?, '', NULL)", (anon_ids[1], anon_receipts[1], AT_WHAT))
app.sql("INSERT INTO learning_point (id, receipt, day, dagstart_day, category_id, what_happened, lesson, member_id)"
        " VALUES (?, ?, '2026-11-12', '2026-11-13', 7, ?, '-', NULL)", (anon_ids[2], anon_receipts[2], TAB_WHAT))
created = app.scalar("SELECT CAST(strftime('%s', '2026-11-12 09:30') AS INTEGER)")
app.sql("INSERT INTO idea (id, title, description, category_id, member_id, status, created_at, status_changed_at)"
        " VALUES (900, ?, ?, 5, NULL, 'new', ?, ?)", (IDEA_TITLE, IDEA_DESC, created, created))
app.sql("INSERT INTO action (id, description, owner_id, due_day, status, note, origin, created_at, closed_at)"
        " VALUES (900, ?, 7, '2026-11-20', 'done', ?, 'dagstart', ?, ?)",
        (ACTION_DESC, ACTION_NOTE, created, created + 86400))
app.sql("UPDATE dagstart SET notes = ? WHERE day = '2026-11-10'", (DAGSTART_NOTES,))


def digest(paths):
    h = hashlib.sha256()
    for p in paths:
        if os.path.exists(p):
            h.update(file_bytes(p))
    return h.hexdigest()


db_files = [app.db, app.db + "-wal"]
before = digest(db_files)

out = os.path.join(app.dir, "export")
os.makedirs(out)
r = app.run(extra=["--export-month", "2026-11", "--out", out], dump=False, script=None)
t.check(r.rc == 0, "--export-month 2026-11 --out DIR exits 0", r.why())
NAMES = ["learning_points.csv", "ideas.csv", "actions.csv", "dagstarts.csv"]
for n in NAMES:
    t.check(os.path.exists(os.path.join(out, n)), "%s is written" % n)
    t.check(n in r.stdout, "the output names %s" % n, r.stdout)
t.check(not [f for f in os.listdir(out) if f.startswith(".")], "no temporary files are left", os.listdir(out))
t.equal(digest(db_files), before, "the database files are unchanged (opened read-only)")

HEADERS = {
    "learning_points.csv": ["datum", "dienst", "categorie", "plaats", "wat_gebeurde", "wat_leren_we", "besproken",
                            "terugkoppeling", "naam", "ook_meegemaakt", "verborgen"],
    "ideas.csv": ["nummer", "ingediend", "titel", "omschrijving", "categorie", "status", "stemmen", "naam",
                  "eerste_terugkoppeling", "dagen_tot_terugkoppeling", "terugkoppeling", "status_gewijzigd",
                  "verborgen", "samengevoegd_met"],
    "actions.csv": ["nummer", "omschrijving", "eigenaar", "aangemaakt", "deadline", "status", "afgesloten", "notitie",
                    "herkomst", "idee", "te_laat"],
    "dagstarts.csv": ["datum", "gehouden", "begin", "einde", "duur_minuten", "teamleider", "aanwezig", "afwezig",
                      "aanwezigen", "besproken_punten", "notities"],
}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
tables = {}
for n in NAMES:
    path = os.path.join(out, n)
    if not os.path.exists(path):
        continue
    raw = file_bytes(path)
    t.check(raw.startswith(b"\xef\xbb\xbf"), "%s starts with the UTF-8 BOM" % n)
    t.check(raw.endswith(b"\r\n"), "%s ends its last row with CRLF" % n)
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    t.equal(rows[0] if rows else None, HEADERS[n], "%s has the Dutch header" % n)
    widths = sorted(set(len(row) for row in rows))
    t.equal(widths, [len(HEADERS[n])], "%s: every row has all %d columns" % (n, len(HEADERS[n])))
    # every record ends in CRLF: each line feed outside quotes follows a CR
    records, bare, quoted = 0, 0, False
    for i, b in enumerate(raw):
        if b == 0x22:
            quoted = not quoted
        elif b == 0x0A and not quoted:
            records += 1
            bare += raw[i - 1] != 0x0D
    t.check(records == len(rows) and bare == 0, "%s: every row ends in CRLF" % n,
            "%d records, %d rows, %d bare line feeds" % (records, len(rows), bare))
    tables[n] = [dict(zip(rows[0], row)) for row in rows[1:]]

lps = tables.get("learning_points.csv", [])
t.check(len(lps) > 20, "learning points of November are exported (%d)" % len(lps))
by_what = {row["wat_gebeurde"]: row for row in lps}
row = by_what.get(AWKWARD_WHAT)
t.check(row is not None, "';', '\"', a line break and diacritics survive exactly in wat_gebeurde",
        [x["wat_gebeurde"] for x in lps][:5])
if row:
    t.equal(row["wat_leren_we"], "'" + AWKWARD_LESSON, "a formula-like '=' cell carries its apostrophe")
    t.equal(row["naam"], "", "the anonymous learning point has an empty name")
    t.equal(row["categorie"], "Veiligheid", "the category is in Dutch")
    t.equal(row["dienst"], "Vroeg", "the shift is named")
    t.equal(row["plaats"], "Lijn 2", "the place is named")
row = by_what.get("'" + SIGNED_WHAT)
t.check(row is not None, "a '+' cell carries its apostrophe", [x["wat_gebeurde"] for x in lps if "31" in x["wat_gebeurde"]])
if row:
    t.equal(row["wat_leren_we"], "'" + SIGNED_LESSON, "a '-' cell with ';', '\"' and CRLF inside survives with its apostrophe")
    t.equal(row["naam"], "Łukasz Wiśniewski", "a signed learning point shows the name, diacritics intact")
t.check("'" + AT_WHAT in by_what, "an '@' cell carries its apostrophe")
t.check("'" + TAB_WHAT in by_what, "a cell starting with a tab carries its apostrophe")
if "'" + TAB_WHAT in by_what:
    t.equal(by_what["'" + TAB_WHAT]["wat_leren_we"], "'-", "a lone '-' carries its apostrophe")

anon_texts = [r[0] for r in app.sql("SELECT what_happened FROM learning_point WHERE member_id IS NULL"
                                    " AND day BETWEEN '2026-11-01' AND '2026-11-30'")]
guarded = lambda s: ("'" + s) if s[:1] in ("=", "+", "-", "@", "\t", "\r") else s
named_anon = [row for row in lps if row["naam"] and row["wat_gebeurde"] in set(guarded(s) for s in anon_texts)]
t.check(anon_texts and not named_anon, "every anonymous learning point (%d) has an empty name" % len(anon_texts),
        named_anon[:2])
signed = app.scalar("SELECT count(*) FROM learning_point WHERE member_id IS NOT NULL"
                    " AND day BETWEEN '2026-11-01' AND '2026-11-30'")
t.equal(len([row for row in lps if row["naam"]]), signed, "signed learning points (and only those) show a name")
raw_lp = file_bytes(os.path.join(out, "learning_points.csv")).decode("utf-8")
leaks = [x for x in anon_ids + anon_receipts + [r[0] for r in app.sql(
    "SELECT receipt FROM learning_point UNION ALL SELECT id FROM learning_point")] if x in raw_lp]
t.check(not leaks, "no receipt code or key of any learning point is in the file", leaks[:3])
# the order: by day, then category (in its order), then text: never by key or time
cat_rank = {"Kwaliteit": 0, "Veiligheid": 1, "Machine": 2, "Materiaal": 3, "Proces": 4, "Klant of leverancier": 5,
            "Overig": 6}
keys = [(row["datum"], cat_rank.get(row["categorie"], 99)) for row in lps]
t.check(keys == sorted(keys), "rows are sorted by day, then category")
same_day_cat = [row for row in lps if row["datum"] == "2026-11-12" and row["categorie"] == "Veiligheid"]
t.check(len(same_day_cat) >= 3, "three points on 12 November in Veiligheid")
t.check([r["wat_gebeurde"] for r in same_day_cat] == sorted(r["wat_gebeurde"] for r in same_day_cat),
        "within a day and category, rows are sorted by text (not by key)", [r["wat_gebeurde"] for r in same_day_cat])
t.check(all(DATE.match(row["datum"]) for row in lps), "learning point dates are YYYY-MM-DD")
t.check(all(not row["besproken"] or DATE.match(row["besproken"]) for row in lps), "discussed dates are YYYY-MM-DD")

ideas = {row["nummer"]: row for row in tables.get("ideas.csv", [])}
row = ideas.get("900")
t.check(row is not None, "the new idea is exported")
if row:
    t.equal(row["titel"], IDEA_TITLE, "idea title with ';' and '\"' survives")
    t.equal(row["omschrijving"], IDEA_DESC, "idea description with a line break and diacritics survives")
    t.equal(row["ingediend"], "2026-11-12", "idea submission date is YYYY-MM-DD")
    t.equal(row["naam"], "", "the anonymous idea has no name")
    t.equal(row["status"], "nieuw", "the status is in Dutch")
adopted = [row for row in ideas.values() if row["status"] == "ingevoerd"]
t.check(adopted and all(row["terugkoppeling"] and DATE.match(row["eerste_terugkoppeling"]) for row in adopted),
        "adopted ideas carry their feedback and the date of the first one")

actions = {row["nummer"]: row for row in tables.get("actions.csv", [])}
row = actions.get("900")
t.check(row is not None, "the completed action is exported")
if row:
    t.equal(row["omschrijving"], "'" + ACTION_DESC, "a HYPERLINK formula carries its apostrophe")
    t.equal(row["notitie"], "'" + ACTION_NOTE, "an '@' note carries its apostrophe")
    t.equal(row["eigenaar"], "Łukasz Wiśniewski", "the owner is named")
    t.equal(row["status"], "afgerond", "the status is in Dutch")
    t.equal(row["afgesloten"], "2026-11-13", "the closing date is YYYY-MM-DD")
late = [row for row in actions.values() if row["te_laat"] == "ja"]
t.check(late and all(row["status"] == "open" and row["deadline"] < "2026-11-26" for row in late),
        "overdue actions are open and past their due day")

ds = tables.get("dagstarts.csv", [])
held = [row for row in ds if row["gehouden"] == "ja"]
t.equal(len(held), app.scalar("SELECT count(*) FROM dagstart WHERE day LIKE '2026-11-%' AND ended_at IS NOT NULL"),
        "every daily start held in November is a row")
notes = [row for row in ds if row["datum"] == "2026-11-10"]
t.check(notes and notes[0]["notities"] == DAGSTART_NOTES, "daily-start notes with ';', '\"', a line break survive")
t.check(all(re.match(r"^\d\d:\d\d$", row["begin"]) for row in held), "start times are HH:MM")
t.check(all(DATE.match(row["datum"]) for row in ds), "daily-start dates are YYYY-MM-DD")

# ---- failures ---------------------------------------------------------------
r = app.run(extra=["--export-month", "2026-11", "--out", os.path.join(app.dir, "nowhere")], dump=False)
t.check(r.rc == 1 and "does not exist" in r.stderr, "a missing folder fails with a message", r.why())
r = app.run(extra=["--export-month", "2026-13", "--out", out], dump=False)
t.check(r.rc == 1 and "YYYY-MM" in r.stderr, "a bad month fails with a message", r.why())
r = app.run(extra=["--export-month", "2026-11"], dump=False)
t.check(r.rc == 1 and "--out" in r.stderr, "--export-month without --out fails with a message", r.why())
r = app.run(extra=["--help"], base=False, dump=False)
t.check("--export-month" in r.stdout and "--out" in r.stdout, "--help lists --export-month and --out")
missing_db = os.path.join(app.dir, "missing.db")
r = app.run(extra=["--db", missing_db, "--export-month", "2026-11", "--out", out], dump=False, base=False)
t.check(r.rc == 1 and not os.path.exists(missing_db), "a missing database is not created by the export", r.why())

# ---- an empty month ---------------------------------------------------------
empty = os.path.join(app.dir, "empty")
os.makedirs(empty)
r = app.run(extra=["--export-month", "2020-02", "--out", empty], dump=False)
t.check(r.rc == 0, "a month without data exports", r.why())
with open(os.path.join(empty, "learning_points.csv"), encoding="utf-8-sig", newline="") as f:
    rows = list(csv.reader(f, delimiter=";"))
t.equal(rows, [HEADERS["learning_points.csv"]], "... as the header alone")

# ---- LibreOffice, when it is installed ---------------------------------------
soffice = shutil.which("soffice") or shutil.which("libreoffice")
if not soffice:
    t.skip("LibreOffice reads every column and diacritic", "LibreOffice is not installed")
else:
    conv = os.path.join(app.dir, "lo")
    os.makedirs(conv)
    profile = "file://" + os.path.join(app.dir, "lo-profile")
    # 59 = ';', 34 = '"', 76 = UTF-8; read back as CSV with ',' (44) from the spreadsheet
    try:
        p = subprocess.run([soffice, "-env:UserInstallation=" + profile, "--headless", "--infilter=CSV:59,34,76,1",
                            "--convert-to", "ods", "--outdir", conv, os.path.join(out, "learning_points.csv")],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=180)
        ods = os.path.join(conv, "learning_points.ods")
        p2 = subprocess.run([soffice, "-env:UserInstallation=" + profile, "--headless",
                             "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", conv, ods],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=180)
        back = os.path.join(conv, "learning_points.csv")
        with open(back, encoding="utf-8", newline="") as f:
            lo_rows = list(csv.reader(f))
        t.equal(len(lo_rows), len(lps) + 1, "LibreOffice reads every row")
        t.check(all(len(x) == len(HEADERS["learning_points.csv"]) for x in lo_rows), "LibreOffice reads every column")
        lo_what = [x[4] for x in lo_rows[1:]]
        t.check(AWKWARD_WHAT in lo_what, "LibreOffice keeps ';', '\"', the line break and diacritics in one cell",
                [x for x in lo_what if "Olie" in x])
        t.check(all(not x.startswith("=") for row in lo_rows for x in row), "LibreOffice runs no formula")
    except (OSError, subprocess.TimeoutExpired) as e:
        t.fail("LibreOffice reads every column and diacritic", str(e))
t.done()

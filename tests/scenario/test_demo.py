#!/usr/bin/env python3
"""test_demo.py: --demo fills an empty database with realistic Dutch demo
data (about 15 members with 2 leads, 40 learning points, 25 ideas with votes
and statuses, a month of daily starts), once; the database is in WAL mode
with the migrated schema."""
from vbtest import App, Suite

t = Suite()
app = App(t)
r = app.run(script=[], extra=["--demo"])
t.check(r.rc == 0 and r.screens()[:1] == ["home"], "--demo on an empty database starts on home", r.why)

members = app.scalar("SELECT count(*) FROM member")
t.check(12 <= members <= 18, "demo: about 15 members", "%s" % members)
t.equal(app.scalar("SELECT count(*) FROM member WHERE role = 'lead'"), 2, "demo: 2 team leads")
lps = app.scalar("SELECT count(*) FROM learning_point")
t.check(35 <= lps <= 45, "demo: about 40 learning points", "%s" % lps)
anon = app.scalar("SELECT count(*) FROM learning_point WHERE member_id IS NULL")
t.check(anon and anon > lps / 2, "demo: most learning points are anonymous", "%s of %s" % (anon, lps))
ideas = app.scalar("SELECT count(*) FROM idea")
t.check(20 <= ideas <= 30, "demo: about 25 ideas", "%s" % ideas)
statuses = app.scalar("SELECT count(DISTINCT status) FROM idea")
t.check(statuses >= 4, "demo: ideas in several statuses", "%s" % statuses)
votes = app.scalar("SELECT count(*) FROM vote")
t.check(votes >= ideas, "demo: ideas have votes", "%s votes" % votes)
t.equal(app.scalar("SELECT count(*) FROM idea WHERE vote_count <> (SELECT count(*) FROM vote WHERE idea_id = idea.id)"),
        0, "demo: vote counts match the votes")
days = app.scalar("SELECT count(*) FROM dagstart")
t.check(days >= 15, "demo: a month of daily starts", "%s" % days)
cats = app.scalar("SELECT count(DISTINCT category_id) FROM learning_point")
t.check(cats >= 5, "demo: learning points in most categories", "%s" % cats)
dutch = app.scalar("SELECT count(*) FROM idea WHERE title GLOB '*[a-z]*'")
t.check(dutch == ideas, "demo: ideas have readable titles")
newest = app.scalar("SELECT max(created_at) FROM idea")
from vbtest import NOW_S  # noqa: E402
t.check(newest is not None and newest <= NOW_S + 60, "demo: no idea is dated after --now",
        "%s > %s" % (newest, NOW_S))
t.check(r.last().find("banner.clock") is None, "demo: no clock warning with the demo data")

t.equal(app.scalar("PRAGMA journal_mode"), "wal", "the database is in WAL mode")
t.check(app.scalar("PRAGMA user_version") >= 1, "the schema version is set")
t.equal(app.scalar("PRAGMA quick_check"), "ok", "quick_check is ok")
t.equal(app.sql("PRAGMA foreign_key_check"), [], "no foreign key violations")

before = app.scalar("SELECT count(*) FROM idea")
app.run(script=[], extra=["--demo"])
t.equal(app.scalar("SELECT count(*) FROM idea"), before, "--demo on a filled database adds nothing")

other = App(t)
other.run(script=[])
other.sql("INSERT INTO member (name, created_at) VALUES ('Eigen lid', 1795600000)")
other.run(script=[], extra=["--demo"])
t.equal(other.scalar("SELECT count(*) FROM member"), 1, "--demo leaves a database with the team's own data alone")
t.done()

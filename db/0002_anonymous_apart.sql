-- 0002_anonymous_apart.sql: anonymous learning points leave this file.
--
-- A -wal keeps commits in order, and a reader (the wall, a backup, a sqlite3
-- shell) can keep a checkpoint from emptying it for as long as it likes. So an
-- anonymous point written here would sit between signed, timed rows (votes,
-- audit) and could be placed in time by anyone with a copy of the files. From
-- this version on, anonymous points live in their own file next to this one
-- ('<db>-anon', attached as schema 'anon' by the store, created by
-- store/anon.c). That file holds nothing but anonymous entries, never an exact
-- time, and no signed or timed row at all. What a lead does with a point
-- (discussed, feedback, hidden, approved for the wall) is a signed act and is
-- kept here, in learning_point_state, by the point's random key.
--
-- The program sees one table again through a TEMP view 'learning_point' with
-- INSTEAD OF triggers (store/anon.c); `verbeterbord --db DB --sql-views`
-- prints them for a sqlite3 shell.
--
-- The anon schema is attached and created before this migration runs.

-- Anonymous points move, in key order (random), so their order here tells
-- nothing. The store has already copied and committed them into the anon file
-- on their own (store_anon_before_migrations: two WAL files do not commit
-- together atomically); this only makes sure.
INSERT OR IGNORE INTO anon.learning_point_anon (id, receipt, day, shift_id, dagstart_day, category_id, place_id,
                                      what_happened, lesson)
  SELECT id, receipt, day, shift_id, dagstart_day, category_id, place_id, what_happened, lesson
  FROM main.learning_point WHERE member_id IS NULL ORDER BY id;

-- Signed points: the content, with the member who signed.
CREATE TABLE learning_point_signed (
  id            TEXT PRIMARY KEY CHECK (length(id) = 16),
  receipt       TEXT NOT NULL UNIQUE CHECK (length(receipt) = 7),
  day           TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  shift_id      INTEGER REFERENCES shift (id) ON DELETE SET NULL,
  dagstart_day  TEXT NOT NULL CHECK (dagstart_day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  category_id   INTEGER NOT NULL REFERENCES category (id),
  place_id      INTEGER REFERENCES place (id) ON DELETE SET NULL,
  what_happened TEXT NOT NULL DEFAULT '' CHECK (length(what_happened) <= 200),
  lesson        TEXT NOT NULL DEFAULT '' CHECK (length(lesson) <= 200),
  member_id     INTEGER NOT NULL REFERENCES member (id),
  CHECK (length(what_happened) + length(lesson) > 0)
) STRICT, WITHOUT ROWID;
INSERT INTO learning_point_signed (id, receipt, day, shift_id, dagstart_day, category_id, place_id,
                                   what_happened, lesson, member_id)
  SELECT id, receipt, day, shift_id, dagstart_day, category_id, place_id, what_happened, lesson, member_id
  FROM main.learning_point WHERE member_id IS NOT NULL;
CREATE INDEX learning_point_signed_day ON learning_point_signed (day, category_id);
CREATE INDEX learning_point_signed_dagstart ON learning_point_signed (dagstart_day);

-- What the lead did with a point, signed or anonymous; a row exists only
-- once a lead acted on it.
CREATE TABLE learning_point_state (
  id            TEXT PRIMARY KEY CHECK (length(id) = 16),
  wall_approved INTEGER NOT NULL DEFAULT 0 CHECK (wall_approved IN (0, 1)),
  hidden        INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
  discussed_day TEXT CHECK (discussed_day IS NULL OR discussed_day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  feedback      TEXT CHECK (feedback IS NULL OR length(feedback) BETWEEN 1 AND 300)
) STRICT, WITHOUT ROWID;
INSERT INTO learning_point_state (id, wall_approved, hidden, discussed_day, feedback)
  SELECT id, wall_approved, hidden, discussed_day, feedback FROM main.learning_point
  WHERE wall_approved <> 0 OR hidden <> 0 OR discussed_day IS NOT NULL OR feedback IS NOT NULL;

-- "Me too" and actions keep the point's key; a foreign key cannot reach the
-- other file, so the store's TEMP triggers keep them consistent instead.
CREATE TABLE learning_point_metoo_new (
  learning_point_id TEXT NOT NULL CHECK (length(learning_point_id) = 16),
  member_id         INTEGER NOT NULL REFERENCES member (id),
  PRIMARY KEY (learning_point_id, member_id)
) STRICT, WITHOUT ROWID;
INSERT INTO learning_point_metoo_new SELECT learning_point_id, member_id FROM learning_point_metoo;
DROP TABLE learning_point_metoo;
ALTER TABLE learning_point_metoo_new RENAME TO learning_point_metoo;

CREATE TABLE action_new (
  id                INTEGER PRIMARY KEY,
  description       TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 200),
  owner_id          INTEGER NOT NULL REFERENCES member (id),
  due_day           TEXT NOT NULL CHECK (due_day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  status            TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
  note              TEXT CHECK (note IS NULL OR length(note) BETWEEN 1 AND 200),
  origin            TEXT NOT NULL CHECK (origin IN ('learning_point', 'idea', 'dagstart')),
  learning_point_id TEXT CHECK (learning_point_id IS NULL OR length(learning_point_id) = 16),
  idea_id           INTEGER REFERENCES idea (id) ON DELETE SET NULL,
  created_at        INTEGER NOT NULL,
  closed_at         INTEGER,
  CHECK (status <> 'dropped' OR note IS NOT NULL),
  CHECK ((status = 'open') = (closed_at IS NULL))
) STRICT;
INSERT INTO action_new SELECT id, description, owner_id, due_day, status, note, origin, learning_point_id, idea_id,
                              created_at, closed_at FROM action;
DROP TABLE action;
ALTER TABLE action_new RENAME TO action;
CREATE INDEX action_open ON action (status, due_day);
CREATE INDEX action_owner ON action (owner_id, status);
CREATE INDEX action_lp ON action (learning_point_id);

-- A privacy deletion or redaction is finished only when no file holds the
-- old text any more; until then this flag keeps the kiosk clearing the logs,
-- across restarts (store_privacy_pending): '1' the main file's, '2' both
-- files'. It never holds the text. An upgraded database starts at '2': the
-- -wal of version 1 may still hold anonymous points next to votes (a reader
-- kept the old checkpoint from emptying it).
INSERT INTO setting (key, value)
  SELECT 'privacy_flush_pending', CASE WHEN EXISTS (SELECT 1 FROM main.learning_point) THEN '2' ELSE '0' END;

-- secure_delete is on: the freed pages of the old table are zeroed.
DROP TABLE learning_point;

-- An anonymous point deleted for a privacy request, until its row is gone
-- from the anon file too (the two files do not commit together): the key
-- only, never the text (store_privacy_flush finishes it).
CREATE TABLE privacy_pending_anon (
  id TEXT PRIMARY KEY CHECK (length(id) = 16)
) STRICT, WITHOUT ROWID;


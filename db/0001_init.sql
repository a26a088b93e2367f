-- 0001_init.sql: the whole Verbeterbord schema, version 1.
-- Applied in one transaction by store/migrate.c; PRAGMA user_version tracks it.
-- The database refuses bad rows itself: CHECK lengths, NOT NULL, UNIQUE, FKs.
-- Times are unix seconds (INTEGER); days are 'YYYY-MM-DD' text in local time.

-- Team settings (device settings live on the command line or /etc/verbeterbord).
CREATE TABLE setting (
  key   TEXT PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 64),
  value TEXT NOT NULL CHECK (length(value) <= 4000)
) STRICT, WITHOUT ROWID;

INSERT INTO setting (key, value) VALUES
  ('team_name', 'Team'),
  ('language', 'nl'),
  ('idle_timeout_s', '90'),
  ('wall_idle', '0'),
  ('wall_rotate_s', '15'),
  ('dagstart_time', '07:00'),
  ('dagstart_minutes', '10'),
  ('working_days', '12345');

CREATE TABLE member (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  role         TEXT NOT NULL DEFAULT 'worker' CHECK (role IN ('worker', 'lead')),
  badge        TEXT UNIQUE CHECK (badge IS NULL OR length(badge) BETWEEN 3 AND 64),
  pin_hash     TEXT CHECK (pin_hash IS NULL OR length(pin_hash) BETWEEN 16 AND 256),
  language     TEXT NOT NULL DEFAULT 'nl' CHECK (language IN ('nl', 'en', 'pl')),
  active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  failed_pins  INTEGER NOT NULL DEFAULT 0 CHECK (failed_pins >= 0),
  locked_until INTEGER,
  created_at   INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX member_active_name ON member (name) WHERE active = 1;

-- Categories for learning points and ideas; label NULL means the translated
-- default name of the code, a lead's rename replaces it.
CREATE TABLE category (
  id     INTEGER PRIMARY KEY,
  code   TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32),
  label  TEXT CHECK (label IS NULL OR length(label) BETWEEN 1 AND 40),
  icon   TEXT NOT NULL CHECK (length(icon) BETWEEN 1 AND 32),
  sort   INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

INSERT INTO category (id, code, icon, sort) VALUES
  (1, 'quality',  'quality',  1),
  (2, 'safety',   'safety',   2),
  (3, 'machine',  'machine',  3),
  (4, 'material', 'material', 4),
  (5, 'process',  'process',  5),
  (6, 'external', 'external', 6),
  (7, 'other',    'other',    7);

-- Lines and stations where something can happen.
CREATE TABLE place (
  id     INTEGER PRIMARY KEY,
  name   TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 40),
  sort   INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

CREATE TABLE shift (
  id     INTEGER PRIMARY KEY,
  name   TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 40),
  starts TEXT NOT NULL CHECK (starts GLOB '[0-2][0-9]:[0-5][0-9]'),
  ends   TEXT NOT NULL CHECK (ends GLOB '[0-2][0-9]:[0-5][0-9]')
) STRICT;

INSERT INTO shift (id, name, starts, ends) VALUES
  (1, 'Vroeg', '06:00', '14:00'),
  (2, 'Laat', '14:00', '22:00');

CREATE TABLE holiday (
  day  TEXT PRIMARY KEY CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  name TEXT NOT NULL DEFAULT '' CHECK (length(name) <= 60)
) STRICT, WITHOUT ROWID;

-- Learning points. Anonymous ones (member_id NULL) must not be placeable in
-- time finer than their day or shift: so no row carries an exact time, the
-- key is random (no rowid, no sequence) and rows sort by that random key.
CREATE TABLE learning_point (
  id            TEXT PRIMARY KEY CHECK (length(id) = 16),
  receipt       TEXT NOT NULL UNIQUE CHECK (length(receipt) = 7),
  day           TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  shift_id      INTEGER REFERENCES shift (id) ON DELETE SET NULL,
  dagstart_day  TEXT NOT NULL CHECK (dagstart_day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  category_id   INTEGER NOT NULL REFERENCES category (id),
  place_id      INTEGER REFERENCES place (id) ON DELETE SET NULL,
  what_happened TEXT NOT NULL DEFAULT '' CHECK (length(what_happened) <= 200),
  lesson        TEXT NOT NULL DEFAULT '' CHECK (length(lesson) <= 200),
  member_id     INTEGER REFERENCES member (id),
  wall_approved INTEGER NOT NULL DEFAULT 0 CHECK (wall_approved IN (0, 1)),
  hidden        INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
  discussed_day TEXT CHECK (discussed_day IS NULL OR discussed_day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  feedback      TEXT CHECK (feedback IS NULL OR length(feedback) BETWEEN 1 AND 300),
  CHECK (length(what_happened) + length(lesson) > 0)
) STRICT, WITHOUT ROWID;
CREATE INDEX learning_point_day ON learning_point (day, category_id);
CREATE INDEX learning_point_dagstart ON learning_point (dagstart_day);

-- "This happened to me too": one per person per learning point.
CREATE TABLE learning_point_metoo (
  learning_point_id TEXT NOT NULL REFERENCES learning_point (id) ON DELETE CASCADE,
  member_id         INTEGER NOT NULL REFERENCES member (id),
  PRIMARY KEY (learning_point_id, member_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE idea (
  id                INTEGER PRIMARY KEY,
  title             TEXT NOT NULL CHECK (length(title) BETWEEN 3 AND 80),
  description       TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 500),
  category_id       INTEGER NOT NULL REFERENCES category (id),
  member_id         INTEGER REFERENCES member (id),
  status            TEXT NOT NULL DEFAULT 'new'
                    CHECK (status IN ('new', 'review', 'trial', 'adopted', 'declined', 'duplicate')),
  created_at        INTEGER NOT NULL,
  status_changed_at INTEGER NOT NULL,
  feedback          TEXT CHECK (feedback IS NULL OR length(feedback) BETWEEN 1 AND 500),
  feedback_at       INTEGER,
  first_feedback_at INTEGER,
  merged_into       INTEGER REFERENCES idea (id),
  hidden            INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
  vote_count        INTEGER NOT NULL DEFAULT 0 CHECK (vote_count >= 0),
  CHECK (status NOT IN ('adopted', 'declined') OR feedback IS NOT NULL),
  CHECK (merged_into IS NULL OR status = 'duplicate')
) STRICT;
CREATE INDEX idea_by_votes ON idea (hidden, status, vote_count DESC, id);
CREATE INDEX idea_by_change ON idea (status_changed_at);

-- Every status move of an idea, with the lead and the feedback it carried.
CREATE TABLE idea_history (
  id          INTEGER PRIMARY KEY,
  idea_id     INTEGER NOT NULL REFERENCES idea (id) ON DELETE CASCADE,
  from_status TEXT CHECK (from_status IS NULL OR from_status IN ('new', 'review', 'trial', 'adopted', 'declined', 'duplicate')),
  to_status   TEXT NOT NULL CHECK (to_status IN ('new', 'review', 'trial', 'adopted', 'declined', 'duplicate')),
  feedback    TEXT CHECK (feedback IS NULL OR length(feedback) BETWEEN 1 AND 500),
  member_id   INTEGER REFERENCES member (id),
  at          INTEGER NOT NULL
) STRICT;
CREATE INDEX idea_history_idea ON idea_history (idea_id, at);

-- One vote per member per idea, enforced by the primary key.
CREATE TABLE vote (
  idea_id   INTEGER NOT NULL REFERENCES idea (id) ON DELETE CASCADE,
  member_id INTEGER NOT NULL REFERENCES member (id),
  at        INTEGER NOT NULL,
  PRIMARY KEY (idea_id, member_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX vote_member ON vote (member_id);

CREATE TRIGGER vote_count_up AFTER INSERT ON vote BEGIN
  UPDATE idea SET vote_count = vote_count + 1 WHERE id = NEW.idea_id;
END;
CREATE TRIGGER vote_count_down AFTER DELETE ON vote BEGIN
  UPDATE idea SET vote_count = vote_count - 1 WHERE id = OLD.idea_id;
END;

-- Similar-idea search: accent-folded, lower-cased text (folded by the
-- program), trigram-tokenised so that parts of Dutch compounds match.
-- rowid = idea.id.
CREATE VIRTUAL TABLE idea_search USING fts5 (folded, tokenize = 'trigram');

CREATE TABLE dagstart (
  id          INTEGER PRIMARY KEY,
  day         TEXT NOT NULL UNIQUE CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  started_at  INTEGER NOT NULL,
  ended_at    INTEGER,
  lead_id     INTEGER REFERENCES member (id),
  section     INTEGER NOT NULL DEFAULT 0 CHECK (section BETWEEN 0 AND 4),
  notes       TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
  CHECK (ended_at IS NULL OR ended_at >= started_at)
) STRICT;

-- Seconds spent per agenda section, saved as the meeting runs.
CREATE TABLE dagstart_section (
  dagstart_id INTEGER NOT NULL REFERENCES dagstart (id) ON DELETE CASCADE,
  section     INTEGER NOT NULL CHECK (section BETWEEN 0 AND 4),
  elapsed_s   INTEGER NOT NULL DEFAULT 0 CHECK (elapsed_s >= 0),
  PRIMARY KEY (dagstart_id, section)
) STRICT, WITHOUT ROWID;

CREATE TABLE dagstart_presence (
  dagstart_id INTEGER NOT NULL REFERENCES dagstart (id) ON DELETE CASCADE,
  member_id   INTEGER NOT NULL REFERENCES member (id),
  present     INTEGER NOT NULL CHECK (present IN (0, 1)),
  PRIMARY KEY (dagstart_id, member_id)
) STRICT, WITHOUT ROWID;

-- Agenda items marked discussed; item_key names the source, e.g. 'lp:<id>',
-- 'idea:12', 'action:7', 'ann:3', 'topic:5'.
CREATE TABLE dagstart_item (
  dagstart_id INTEGER NOT NULL REFERENCES dagstart (id) ON DELETE CASCADE,
  item_key    TEXT NOT NULL CHECK (length(item_key) BETWEEN 3 AND 40),
  discussed   INTEGER NOT NULL DEFAULT 1 CHECK (discussed IN (0, 1)),
  PRIMARY KEY (dagstart_id, item_key)
) STRICT, WITHOUT ROWID;

-- A lead's own agenda item for one daily start.
CREATE TABLE dagstart_topic (
  id       INTEGER PRIMARY KEY,
  day      TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  section  INTEGER NOT NULL CHECK (section BETWEEN 0 AND 4),
  text     TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 200),
  lead_id  INTEGER REFERENCES member (id)
) STRICT;

CREATE TABLE announcement (
  id         INTEGER PRIMARY KEY,
  text       TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 300),
  from_day   TEXT NOT NULL CHECK (from_day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  to_day     TEXT NOT NULL CHECK (to_day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  lead_id    INTEGER REFERENCES member (id),
  created_at INTEGER NOT NULL,
  CHECK (to_day >= from_day)
) STRICT;

CREATE TABLE action (
  id                INTEGER PRIMARY KEY,
  description       TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 200),
  owner_id          INTEGER NOT NULL REFERENCES member (id),
  due_day           TEXT NOT NULL CHECK (due_day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  status            TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
  note              TEXT CHECK (note IS NULL OR length(note) BETWEEN 1 AND 200),
  origin            TEXT NOT NULL CHECK (origin IN ('learning_point', 'idea', 'dagstart')),
  learning_point_id TEXT REFERENCES learning_point (id) ON DELETE SET NULL,
  idea_id           INTEGER REFERENCES idea (id) ON DELETE SET NULL,
  created_at        INTEGER NOT NULL,
  closed_at         INTEGER,
  CHECK (status <> 'dropped' OR note IS NOT NULL),
  CHECK ((status = 'open') = (closed_at IS NULL))
) STRICT;
CREATE INDEX action_open ON action (status, due_day);
CREATE INDEX action_owner ON action (owner_id, status);
CREATE INDEX action_lp ON action (learning_point_id);

-- Every lead action: status change, feedback, redaction, hiding, deletion,
-- settings. subject names the row ('idea:12'); detail is free text.
CREATE TABLE audit_log (
  id        INTEGER PRIMARY KEY,
  at        INTEGER NOT NULL,
  member_id INTEGER REFERENCES member (id),
  action    TEXT NOT NULL CHECK (length(action) BETWEEN 1 AND 40),
  subject   TEXT NOT NULL DEFAULT '' CHECK (length(subject) <= 80),
  detail    TEXT NOT NULL DEFAULT '' CHECK (length(detail) <= 500)
) STRICT;

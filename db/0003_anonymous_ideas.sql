-- 0003_anonymous_ideas.sql: anonymous ideas leave this file too.
--
-- Version 2 kept an anonymous idea here with its exact time, a key in
-- sequence with the signed ideas, and a 'new' step in idea_history timed to
-- the second: its place among the signed, timed rows (votes, the audit log)
-- told when it was written. From this version on a new anonymous idea is
-- written only to '<db>-anon' (table idea_anon, created by store/anon.c):
-- a random key, the day instead of the moment, its own search index. The
-- first signed act on it (a vote, a status move, an action) copies it into
-- this file in that act's transaction, where its row tells no more than the
-- act itself. The program sees one table through the TEMP view 'idea'
-- (store/anon.c); `verbeterbord --db DB --sql-views` prints it for a shell.

-- The table keeps every signed idea and every anonymous one that was acted
-- on; the name 'idea' is the view's. (Foreign keys and triggers follow the
-- new name.)
ALTER TABLE idea RENAME TO idea_row;

-- The anonymous ideas of version 2 keep their keys (votes, actions and the
-- audit name them), but lose their moment: the start of their local day,
-- as a new one gets.
UPDATE idea_row SET created_at = unixepoch(created_at, 'unixepoch', 'localtime', 'start of day', 'utc'),
                    status_changed_at = CASE WHEN status_changed_at = created_at
                        THEN unixepoch(created_at, 'unixepoch', 'localtime', 'start of day', 'utc')
                        ELSE status_changed_at END
  WHERE member_id IS NULL;
DELETE FROM idea_history
  WHERE from_status IS NULL AND to_status = 'new'
    AND idea_id IN (SELECT id FROM idea_row WHERE member_id IS NULL);

-- An anonymous idea deleted for a privacy request, until its row is gone
-- from the anon file too (the key only; store_privacy_flush finishes it).
CREATE TABLE privacy_pending_anon_idea (
  id INTEGER PRIMARY KEY
) STRICT;

-- The old exact times may sit in the log and in freed pages: cleared as
-- after a privacy deletion (secure_delete zeroes the freed pages).
UPDATE setting SET value = '2' WHERE key = 'privacy_flush_pending'
  AND EXISTS (SELECT 1 FROM idea_row WHERE member_id IS NULL);

-- 0004_indexes_for_years.sql: indexes that keep the screens' queries from
-- reading every idea or action once a board holds years of them
-- (docs/performance.md, "How cost grows": measured on 1, 3 and 10 years).
--
-- Daily start: ideas new, moved or answered since the last one (each of the
-- three times its own index). Month review: ideas submitted in the month,
-- first answered in it or still waiting; the review's columns are in the
-- indexes, so it reads no idea rows (their texts).
CREATE INDEX idea_created ON idea_row (created_at, first_feedback_at, status, hidden, vote_count);
CREATE INDEX idea_feedback ON idea_row (feedback_at);
CREATE INDEX idea_waiting ON idea_row (first_feedback_at, status, created_at, hidden, vote_count);
-- Idea box: the list in vote order, any mix of statuses; status in the
-- index so the count and the filter need not read the rows.
CREATE INDEX idea_listed ON idea_row (hidden, vote_count DESC, created_at DESC, id DESC, status);
-- Month review: the decisions taken in the month.
CREATE INDEX idea_history_at ON idea_history (at);
-- Daily start: actions done since the last one; month review: actions
-- still open or closed in the month.
CREATE INDEX action_closed ON action (status, closed_at);
CREATE INDEX action_closed_at ON action (closed_at);

-- The engagement facts read each pair's latest check-in; this index answers it from the index's end
-- instead of sorting the pair's answers.
create index check_in_latest on check_in_answer (mentorship_id, kind, answered_at);

-- The pair's latest check-in (kind CHECK_IN, either person) in its summary, so health no longer looks
-- up each pair's check-in answers. Answers given at the same instant: the one written last wins (here,
-- for answers already given, the greatest id; before, either one could be read).
alter table pair_summary add column checked_in_at timestamp;
alter table pair_summary add column usefulness int;
alter table pair_summary add column goal_progress int;

insert into pair_summary (mentorship_id, organisation_id)
select distinct c.mentorship_id, c.organisation_id from check_in_answer c
where c.kind = 'CHECK_IN'
  and not exists (select 1 from pair_summary s where s.mentorship_id = c.mentorship_id);

update pair_summary set
    checked_in_at = (select c.answered_at from check_in_answer c
                     where c.mentorship_id = pair_summary.mentorship_id and c.kind = 'CHECK_IN'
                     order by c.answered_at desc, c.id desc limit 1),
    usefulness    = (select c.usefulness from check_in_answer c
                     where c.mentorship_id = pair_summary.mentorship_id and c.kind = 'CHECK_IN'
                     order by c.answered_at desc, c.id desc limit 1),
    goal_progress = (select c.goal_progress from check_in_answer c
                     where c.mentorship_id = pair_summary.mentorship_id and c.kind = 'CHECK_IN'
                     order by c.answered_at desc, c.id desc limit 1);

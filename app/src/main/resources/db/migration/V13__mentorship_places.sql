-- One row per program. Starting mentorships locks it (select ... for update) and only then counts
-- the active places, so publishes and self-match acceptances on any number of instances start
-- pairs one after the other: no mentee gets a second active mentor, no mentor more active mentees
-- than their capacity.
create table mentorship_lock (
    program_id uuid primary key
);
create index mentorship_active on mentorship (program_id, status, mentor_id);

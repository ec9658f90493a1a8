-- A run's life lives in the database, not in one instance's memory: the instance running it writes
-- a heartbeat every few seconds and reads the cancel flag, which any instance may set. A RUNNING
-- run whose heartbeat stopped (its process was killed) is marked FAILED by a sweep any instance
-- may run.
alter table match_run add column heartbeat_at timestamp;
alter table match_run add column cancel_requested boolean default false not null;
update match_run set heartbeat_at = coalesce(finished_at, created_at);
create index match_run_running on match_run (status, heartbeat_at);

-- The row an instance locks while it loads the demo, so two instances starting together on one
-- database write it once (people.DemoMode.loadAlone).
insert into job_lease (name, lease_until) values ('demo', timestamp '2000-01-01 00:00:00');

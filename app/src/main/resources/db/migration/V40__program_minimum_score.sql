-- The lowest score, as a percentage of the best score a program's rules can give, at which
-- matching still proposes a pair. Existing programs get the same default as new ones.
alter table program add column minimum_score int default 20 not null;

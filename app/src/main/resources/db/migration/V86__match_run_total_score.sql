-- match_run.total held the sum of the pairs' scores while the API's "total" counts mentees: the
-- column now says what it holds.
alter table match_run rename column total to total_score;

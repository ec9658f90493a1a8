-- The directory pages through one organisation's people in name order. With the id in the index,
-- a page's ids come from the index in order and the reading stops once the page is full; the
-- employee id breaks ties between namesakes. At most about 2 kB per entry, within PostgreSQL's
-- limit for a B-tree entry even for the longest names the import accepts.
create index person_directory on person (organisation_id, last_name, first_name, employee_id, id);

-- person_directory starts with the same columns.
drop index person_name;

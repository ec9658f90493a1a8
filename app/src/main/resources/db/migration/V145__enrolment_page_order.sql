-- A program's enrolment page in the order it is shown (role, enrolled, invited, id), status
-- included so that a filtered page is read from the index alone: the page no longer reads and sorts
-- every one of the program's thousands of enrolments to show 25.
create index enrolment_page_order on enrolment (organisation_id, program_id, role, enrolled_at, invited_at, id, status);

-- A person's own enrolments (the home page, a program page's "your enrolment") were found by
-- reading every enrolment of the organisation on PostgreSQL, which indexes no foreign key by itself.
create index enrolment_person on enrolment (organisation_id, person_id);

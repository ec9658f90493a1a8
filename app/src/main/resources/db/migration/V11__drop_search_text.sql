-- The directory index builds its search text in memory; nothing reads this column.
alter table person drop column search_text;

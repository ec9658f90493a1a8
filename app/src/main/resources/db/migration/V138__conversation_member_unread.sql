-- Each member's unread count, kept beside the read position by the writes that change it (a post,
-- a deletion, a hiding, opening the conversation), so the navigation, the conversation page and
-- the digest job read one row per conversation instead of counting a conversation's messages.
alter table conversation_member add column unread_count bigint not null default 0;

update conversation_member set unread_count = (
    select count(*) from message m
    where m.conversation_id = conversation_member.conversation_id
      and m.seq > conversation_member.read_seq
      and m.author_id <> conversation_member.person_id
      and m.deleted_at is null and m.hidden_at is null);

package io.tandem.messaging;

import io.tandem.identity.OrganisationId;
import io.tandem.mentorships.MentorshipId;
import io.tandem.mentorships.MentorshipManagement;
import io.tandem.mentorships.MentorshipSummary;
import io.tandem.mentorships.WorkspaceManagement;
import io.tandem.people.PersonId;
import io.tandem.programs.ProgramFormat;
import io.tandem.programs.ProgramId;
import io.tandem.programs.ProgramManagement;
import io.tandem.shared.Conflict;
import io.tandem.shared.InputError;
import io.tandem.shared.InvalidInputException;
import io.tandem.shared.NotFound;
import io.tandem.shared.PageQuery;
import io.tandem.shared.Paged;
import io.tandem.web.LayoutCount;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The messaging module's API. Every call names the person acting and answers "not found" unless
 * they are in the conversation: program managers, admins and API tokens learn nothing of what a
 * pair writes (reported messages excepted, one at a time, see {@link #reports}).
 */
@Service
public class MessagingManagement {

    public static final int MAX_TEXT = 5_000;
    public static final int PAGE = 50;

    /** A reported message as the program manager sees it: that message alone, with its author. */
    public record ReportedMessage(
            UUID messageId,
            UUID conversationId,
            PersonId authorId,
            String text,
            Instant sentAt,
            PersonId reporterId,
            Instant reportedAt) {}

    private final Conversations conversations;
    private final Streams streams;
    private final Fanout fanout;
    private final WorkspaceManagement workspaces;
    private final MentorshipManagement mentorships;
    private final ProgramManagement programs;
    private final ApplicationEventPublisher events;
    private final MessagingProperties properties;
    private final Clock clock;
    private final TransactionTemplate writes;

    MessagingManagement(
            Conversations conversations,
            Streams streams,
            Fanout fanout,
            WorkspaceManagement workspaces,
            MentorshipManagement mentorships,
            ProgramManagement programs,
            ApplicationEventPublisher events,
            MessagingProperties properties,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.writes = new TransactionTemplate(transactions);
        this.conversations = conversations;
        this.streams = streams;
        this.fanout = fanout;
        this.workspaces = workspaces;
        this.mentorships = mentorships;
        this.programs = programs;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    // --- conversations ---

    /**
     * The conversation of the mentorship the viewer is in: the pair's own (its id is the
     * mentorship's), or in a GROUP program the circle's (the mentor and their mentees there).
     */
    @Transactional
    public UUID conversationOf(OrganisationId organisation, MentorshipId id, PersonId viewer) {
        return conversationOf(organisation, workspaces.summary(organisation, id), viewer);
    }

    /** What the pair's workspace shows of its conversation: the conversation and its latest. */
    public record Glance(ConversationView conversation, List<MessageView> latest) {}

    /**
     * The mentorship's conversation as {@link #conversationOf} makes sure of it, with its newest
     * {@code latest} messages, in one transaction: the viewer is a member once it returns, so it is
     * not checked again (the workspace used to ask three times, ten statements).
     */
    public Glance glance(
            OrganisationId organisation, MentorshipSummary m, PersonId viewer, int latest) {
        if (!m.mentorId().equals(viewer) && !m.menteeId().equals(viewer)) {
            throw notFound();
        }
        // A pair's conversation that already holds both is only read: one statement for it, its
        // members and its latest messages, and no transaction (on PostgreSQL a COMMIT round trip
        // on every visit).
        if (!inCircle(organisation, m)) {
            var found =
                    conversations
                            .glimpse(organisation, m.id().value(), latest)
                            .filter(
                                    g ->
                                            g.found()
                                                    .members()
                                                    .containsAll(
                                                            List.of(m.mentorId(), m.menteeId())));
            if (found.isPresent()) {
                return glance(found.get(), viewer);
            }
        }
        return writes.execute(
                status ->
                        glance(
                                conversations
                                        .glimpse(
                                                organisation,
                                                conversationOf(organisation, m, viewer),
                                                latest)
                                        .orElseThrow(MessagingManagement::notFound),
                                viewer));
    }

    private static Glance glance(Conversations.Glimpse glimpse, PersonId viewer) {
        Conversations.Row row = glimpse.found().row();
        ConversationView conversation =
                new ConversationView(
                        row.id(),
                        row.mentorship(),
                        row.program(),
                        row.mentor(),
                        glimpse.found().members(),
                        row.lastSeq(),
                        glimpse.unread().getOrDefault(viewer, 0L));
        return new Glance(conversation, glimpse.latest());
    }

    private UUID conversationOf(OrganisationId organisation, MentorshipSummary m, PersonId viewer) {
        MentorshipId id = m.id();
        if (!m.mentorId().equals(viewer) && !m.menteeId().equals(viewer)) {
            throw notFound();
        }
        Conversations.Row row;
        Set<PersonId> members = new LinkedHashSet<>();
        members.add(m.mentorId());
        if (inCircle(organisation, m)) {
            row = circle(organisation, m.programId(), m.mentorId());
            members.addAll(circleMentees(organisation, m.programId(), m.mentorId()));
        } else {
            row =
                    new Conversations.Row(
                            id.value(), organisation, id, m.programId(), m.mentorId(), 0);
            members.add(m.menteeId());
            // Every visit of the workspace asks; once the pair's conversation holds both, reading
            // is enough, and a page view writes nothing.
            if (conversations.members(row.id()).containsAll(members)) {
                return row.id();
            }
        }
        conversations.create(row);
        members.forEach(p -> conversations.addMember(organisation, row.id(), p));
        return row.id();
    }

    /** The conversation as the viewer sees it; 404 unless they are in it. */
    @Transactional
    public ConversationView conversation(OrganisationId organisation, UUID id, PersonId viewer) {
        Conversations.Row row = member(organisation, id, viewer);
        return view(organisation, row, viewer);
    }

    /** The viewer's conversations, latest activity first, with their unread counts. */
    @Transactional(readOnly = true)
    public List<ConversationView> conversations(OrganisationId organisation, PersonId viewer) {
        Map<UUID, Long> unread = conversations.unread(organisation, viewer);
        return conversations.of(organisation, viewer).stream()
                .map(row -> view(row, row.lastSeq(), unread.getOrDefault(row.id(), 0L)))
                .toList();
    }

    /**
     * The person's unread messages as every page's navigation shows them, read with the page's
     * other counts; null where {@code person} finds no profile.
     */
    public LayoutCount unreadCount(
            OrganisationId organisation, Supplier<Optional<PersonId>> person) {
        return conversations.unreadCount(organisation, person);
    }

    /** How many messages from others the person has not read, over all their conversations. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public long unread(OrganisationId organisation, PersonId person) {
        return conversations.unreadCount(organisation, () -> Optional.of(person)).getValue();
    }

    /**
     * The unread messages of the viewer in the mentorship's conversation (its own, or its mentor's
     * circle), if any. It reads the viewer's unread counts of all conversations once a request, so
     * a home page with nothing unread asks nothing more per pair.
     */
    @Transactional(readOnly = true)
    Optional<Unread> unreadIn(OrganisationId organisation, MentorshipSummary m, PersonId viewer) {
        if (!m.mentorId().equals(viewer) && !m.menteeId().equals(viewer)) {
            throw notFound();
        }
        Map<UUID, Long> unread = unreadByConversation(organisation, viewer);
        if (unread.isEmpty()) {
            return Optional.empty();
        }
        UUID conversation =
                inCircle(organisation, m)
                        ? circle(organisation, m.programId(), m.mentorId()).id()
                        : m.id().value();
        long count = unread.getOrDefault(conversation, 0L);
        return count == 0 ? Optional.empty() : Optional.of(new Unread(conversation, count));
    }

    /** A conversation with messages its viewer has not read. */
    record Unread(UUID conversation, long count) {}

    /** Only conversations the person is a member of have a count, and only counts above 0. */
    private Map<UUID, Long> unreadByConversation(OrganisationId organisation, PersonId person) {
        return io.tandem.web.RequestMemo.remember(
                "unread-by-conversation",
                organisation,
                person,
                () -> conversations.unread(organisation, person));
    }

    /** One message of the conversation; 404 unless the viewer is in it. */
    @Transactional
    public MessageView message(
            OrganisationId organisation, UUID id, UUID messageId, PersonId viewer) {
        member(organisation, id, viewer);
        return conversations
                .message(organisation, messageId)
                .filter(m -> m.conversationId().equals(id))
                .orElseThrow(MessagingManagement::messageNotFound);
    }

    /** The newest {@link #PAGE} messages before position {@code before} (the latest when null). */
    @Transactional
    public List<MessageView> messages(
            OrganisationId organisation, UUID id, PersonId viewer, Long before, Integer size) {
        member(organisation, id, viewer);
        int limit = size == null ? PAGE : size;
        if (limit < 1 || limit > PageQuery.MAX_SIZE) {
            throw InvalidInputException.badRequest(
                    "paging.invalid", List.of(InputError.field("size", "paging.size.invalid")));
        }
        if (before != null && before < 1) {
            throw InvalidInputException.badRequest(
                    "paging.invalid",
                    List.of(InputError.field("before", "messaging.before.invalid")));
        }
        return conversations.page(id, before == null ? Long.MAX_VALUE : before, limit);
    }

    /** What the conversation page shows: the conversation and one page of its messages. */
    public record ConversationPage(ConversationView conversation, List<MessageView> messages) {}

    /**
     * The conversation page in one go: {@link #conversation}, {@link #messages} and, for the latest
     * page, {@link #markRead}, with one membership check. A member's usual visit costs three
     * statements (the conversation with their read position, the members, the messages) and three
     * more only when something was unread.
     */
    @Transactional
    public ConversationPage open(
            OrganisationId organisation, UUID id, PersonId viewer, Long before) {
        var seen = viewer == null ? null : conversations.seenBy(organisation, id, viewer);
        ConversationView view;
        boolean behind;
        if (seen != null && seen.isPresent()) {
            Conversations.Row row = seen.get().row();
            view = view(row, row.lastSeq(), seen.get().unread());
            behind = seen.get().readSeq() < row.lastSeq();
        } else {
            // Not created yet, a circle's late joiner, or a stranger (404): the careful way.
            view = conversation(organisation, id, viewer);
            behind = true;
        }
        // Strangers got 404 above, before any word on their input.
        if (before != null && before < 1) {
            throw InvalidInputException.badRequest(
                    "paging.invalid",
                    List.of(InputError.field("before", "messaging.before.invalid")));
        }
        List<MessageView> messages =
                conversations.page(id, before == null ? Long.MAX_VALUE : before, PAGE);
        if (before == null && behind) {
            readUpToDate(id, viewer);
        }
        return new ConversationPage(view, messages);
    }

    /** Everything up to now is read: the count drops on every page and instance. */
    @Transactional
    public void markRead(OrganisationId organisation, UUID id, PersonId viewer) {
        member(organisation, id, viewer);
        // Opening a conversation with nothing new writes nothing and tells no instance.
        if (conversations.behind(id, viewer)) {
            readUpToDate(id, viewer);
        }
    }

    /** Moves the viewer's read position to the end, under the conversation's lock; tells others. */
    private void readUpToDate(UUID id, PersonId viewer) {
        conversations.lock(id);
        if (conversations.markRead(id, viewer)) {
            fanout.announce(id);
        }
    }

    // --- writing ---

    /**
     * Posts a message. The same {@code clientId} from the same author (a double click, a retry
     * after a timeout) stores it once and answers the stored message.
     *
     * @throws InvalidInputException 422 naming {@code text} when empty or over 5,000 characters
     */
    @Transactional
    public MessageView post(
            OrganisationId organisation, UUID id, PersonId author, UUID clientId, String text) {
        return send(organisation, id, author, clientId, text).message();
    }

    /** The stored message, and whether this call stored it (false for a repeated client id). */
    public record Posted(MessageView message, boolean created) {}

    /** {@link #post}, telling a first post from a repeat. */
    @Transactional
    public Posted send(
            OrganisationId organisation, UUID id, PersonId author, UUID clientId, String text) {
        // Strangers get 404 before any word on their input, so the conversation does not leak.
        Conversations.Row row = member(organisation, id, author);
        String body = validText(text);
        conversations.lock(id);
        UUID client = clientId == null ? UUID.randomUUID() : clientId;
        var existing = conversations.byClientId(id, author, client);
        if (existing.isPresent()) {
            return new Posted(existing.get(), false);
        }
        long seq = conversations.nextSeq(id);
        UUID messageId = UUID.randomUUID();
        Instant now = clock.instant();
        conversations.insert(organisation, messageId, id, seq, author, client, body, now);
        fanout.announce(id);
        events.publishEvent(
                new MessageSent(organisation, id, row.mentorship(), messageId, author, now));
        return new Posted(conversations.message(organisation, messageId).orElseThrow(), true);
    }

    /** The author changes their message within the edit window (15 minutes). */
    @Transactional
    public MessageView edit(
            OrganisationId organisation, UUID id, UUID messageId, PersonId author, String text) {
        MessageView message = own(organisation, id, messageId, author);
        String body = validText(text);
        long seq = conversations.nextSeq(id);
        conversations.edit(messageId, body, seq, clock.instant());
        fanout.announce(id);
        return conversations.message(organisation, messageId).orElseThrow();
    }

    /** The author deletes their message within the edit window; its place shows "deleted". */
    @Transactional
    public MessageView delete(
            OrganisationId organisation, UUID id, UUID messageId, PersonId author) {
        MessageView message = own(organisation, id, messageId, author);
        long seq = conversations.nextSeq(id);
        conversations.delete(message, seq, clock.instant());
        fanout.announce(id);
        return conversations.message(organisation, messageId).orElseThrow();
    }

    /** A member reports someone else's message to the program managers; once per person. */
    @Transactional
    public void report(OrganisationId organisation, UUID id, UUID messageId, PersonId reporter) {
        member(organisation, id, reporter);
        MessageView message =
                conversations
                        .message(organisation, messageId)
                        .filter(m -> m.conversationId().equals(id))
                        .orElseThrow(MessagingManagement::messageNotFound);
        if (message.authorId().equals(reporter)) {
            throw new Conflict("messaging.report.own");
        }
        conversations.report(organisation, messageId, reporter);
    }

    // --- program managers ---

    /** Open reports: each reported message alone, with its author; nothing else of the pair. */
    @Transactional(readOnly = true)
    public List<ReportedMessage> reports(OrganisationId organisation) {
        return reports(organisation, null, new PageQuery(0, Integer.MAX_VALUE)).items();
    }

    /**
     * A page of open reports of the conversations of these programs only ({@code null}: every
     * program), for a program manager who moderates the programs they manage; oldest first.
     */
    @Transactional(readOnly = true)
    public Paged<ReportedMessage> reports(
            OrganisationId organisation, Set<ProgramId> programs, PageQuery page) {
        List<UUID> within =
                programs == null ? null : programs.stream().map(ProgramId::value).toList();
        List<ReportedMessage> found =
                conversations.openReports(organisation, within, page.offset(), page.size()).stream()
                        .map(
                                r ->
                                        new ReportedMessage(
                                                r.message().id(),
                                                r.message().conversationId(),
                                                r.message().authorId(),
                                                r.message().text(),
                                                r.message().createdAt(),
                                                r.reporter(),
                                                r.reportedAt()))
                        .toList();
        return Paged.of(found, page, conversations.countOpenReports(organisation, within));
    }

    /** Hides a reported message from the conversation; only reported messages can be hidden. */
    @Transactional
    public void hide(OrganisationId organisation, UUID messageId) {
        UUID conversation = reportedMessage(organisation, messageId).conversationId();
        conversations.lock(conversation);
        // Read again under the lock: a deletion just before must not be uncounted twice.
        MessageView message = conversations.message(organisation, messageId).orElseThrow();
        long seq = conversations.nextSeq(message.conversationId());
        Instant now = clock.instant();
        conversations.hide(message, seq, now);
        conversations.resolveReports(messageId, now);
        fanout.announce(message.conversationId());
    }

    /** Closes the reports of a message without hiding it. */
    @Transactional
    public void dismiss(OrganisationId organisation, UUID messageId) {
        reportedMessage(organisation, messageId);
        conversations.resolveReports(messageId, clock.instant());
    }

    // --- streams ---

    /**
     * Opens a stream of the conversation's changes after event {@code after}: first what was
     * missed, in order, then each change as it is committed on any instance.
     */
    public Subscription subscribe(
            OrganisationId organisation, UUID id, PersonId viewer, long after, MessageSink sink) {
        member(organisation, id, viewer);
        return streams.subscribe(id, Math.max(0, after), sink);
    }

    /** Opens a stream of the person's unread total, sent now and whenever it changes. */
    public Subscription subscribeUnread(
            OrganisationId organisation, PersonId person, UnreadSink sink) {
        return streams.subscribeUnread(organisation, person, sink);
    }

    /** Whether the author may still edit or delete this message. */
    public boolean editable(MessageView message, PersonId viewer) {
        return message.authorId().equals(viewer)
                && !message.deleted()
                && !message.hidden()
                && message.createdAt().plus(properties.editWindow()).isAfter(clock.instant());
    }

    // --- helpers ---

    private Conversations.Row member(OrganisationId organisation, UUID id, PersonId viewer) {
        if (viewer == null) {
            throw notFound();
        }
        var row = conversations.find(organisation, id);
        if (row.isEmpty()) {
            // A pair's conversation is made when first needed; its id is the mentorship's.
            try {
                if (!conversationOf(organisation, new MentorshipId(id), viewer).equals(id)) {
                    throw notFound();
                }
            } catch (NotFound e) {
                throw notFound();
            }
            row = conversations.find(organisation, id);
            if (row.isEmpty()) {
                throw notFound();
            }
        }
        if (conversations.isMember(id, viewer)) {
            return row.get();
        }
        // A mentee who joined the circle after it began talking.
        Conversations.Row circle = row.get();
        if (circle.mentorship() != null
                || !circleMentees(organisation, circle.program(), circle.mentor())
                        .contains(viewer)) {
            throw notFound();
        }
        conversations.addMember(organisation, id, viewer);
        return circle;
    }

    private MessageView own(OrganisationId organisation, UUID id, UUID messageId, PersonId author) {
        member(organisation, id, author);
        conversations.lock(id);
        MessageView message =
                conversations
                        .message(organisation, messageId)
                        .filter(m -> m.conversationId().equals(id))
                        .orElseThrow(MessagingManagement::messageNotFound);
        if (!message.authorId().equals(author)) {
            throw new Conflict("messaging.edit.not-yours");
        }
        if (!editable(message, author)) {
            throw new Conflict("messaging.edit.too-late");
        }
        return message;
    }

    private MessageView reportedMessage(OrganisationId organisation, UUID messageId) {
        if (!conversations.reported(organisation, messageId)) {
            throw messageNotFound();
        }
        return conversations.message(organisation, messageId).orElseThrow(() -> messageNotFound());
    }

    private ConversationView view(
            OrganisationId organisation, Conversations.Row row, PersonId viewer) {
        return view(row, conversations.lastSeq(row.id()), conversations.unread(row.id(), viewer));
    }

    /** The row with its members, as of {@code lastSeq}, with the viewer's {@code unread}. */
    private ConversationView view(Conversations.Row row, long lastSeq, long unread) {
        return new ConversationView(
                row.id(),
                row.mentorship(),
                row.program(),
                row.mentor(),
                conversations.members(row.id()),
                lastSeq,
                unread);
    }

    /** Whether the mentorship talks in its mentor's circle (a GROUP program) rather than alone. */
    private boolean inCircle(OrganisationId organisation, MentorshipSummary m) {
        return programs.get(organisation, m.programId()).format() == ProgramFormat.GROUP;
    }

    private Conversations.Row circle(
            OrganisationId organisation, ProgramId program, PersonId mentor) {
        UUID id =
                UUID.nameUUIDFromBytes(
                        ("circle:"
                                        + organisation.value()
                                        + ":"
                                        + program.value()
                                        + ":"
                                        + mentor.value())
                                .getBytes(StandardCharsets.UTF_8));
        return new Conversations.Row(id, organisation, null, program, mentor, 0);
    }

    private List<PersonId> circleMentees(
            OrganisationId organisation, ProgramId program, PersonId mentor) {
        return mentorships
                .find(organisation, program, mentor, PageQuery.of(0, PageQuery.MAX_SIZE))
                .items()
                .stream()
                .filter(m -> m.mentorId().equals(mentor))
                .map(MentorshipSummary::menteeId)
                .toList();
    }

    private static String validText(String text) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw InvalidInputException.unprocessable(
                    "messaging.invalid",
                    List.of(InputError.field("text", "messaging.text.required")));
        }
        if (body.codePointCount(0, body.length()) > MAX_TEXT) {
            throw InvalidInputException.unprocessable(
                    "messaging.invalid",
                    List.of(InputError.field("text", "messaging.text.too-long")));
        }
        return body;
    }

    private static NotFound notFound() {
        return new NotFound("messaging.conversation.not-found");
    }

    private static NotFound messageNotFound() {
        return new NotFound("messaging.message.not-found");
    }
}

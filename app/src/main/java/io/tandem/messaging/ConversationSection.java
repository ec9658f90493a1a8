package io.tandem.messaging;

import io.tandem.identity.OrganisationId;
import io.tandem.mentorships.WorkspaceSection;
import io.tandem.mentorships.WorkspaceView;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.people.PersonSummary;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The conversation on the pair's workspace: the latest few messages, the unread count and the way
 * in. The page asks only for a workspace its viewer is in, so the messages may be shown here.
 */
@Component
@Order(20)
class ConversationSection implements WorkspaceSection {

    static final int LATEST = 3;

    /** What the panel shows; {@code html} is escaped text with safe links. */
    public record Panel(UUID conversationId, long unread, boolean circle, List<Line> latest) {}

    public record Line(String author, String html, boolean deleted, boolean hidden) {}

    private final MessagingManagement messaging;
    private final PeopleManagement people;

    ConversationSection(MessagingManagement messaging, PeopleManagement people) {
        this.messaging = messaging;
        this.people = people;
    }

    @Override
    public Optional<Section> section(OrganisationId organisation, WorkspaceView workspace) {
        PersonId me = workspace.me();
        MessagingManagement.Glance glance =
                messaging.glance(organisation, workspace.mentorship(), me, LATEST);
        ConversationView conversation = glance.conversation();
        UUID id = conversation.id();
        List<MessageView> latest = glance.latest();
        Map<PersonId, PersonSummary> names =
                people.findAll(organisation, latest.stream().map(MessageView::authorId).toList());
        return Optional.of(
                new Section(
                        "conversation",
                        "messaging/fragments/workspace",
                        "panel",
                        new Panel(
                                id,
                                conversation.unread(),
                                conversation.circle(),
                                latest.stream()
                                        .map(
                                                m ->
                                                        new Line(
                                                                m.authorId().equals(me)
                                                                        ? null
                                                                        : Optional.ofNullable(
                                                                                        names.get(
                                                                                                m
                                                                                                        .authorId()))
                                                                                .map(
                                                                                        PersonSummary
                                                                                                ::name)
                                                                                .orElse("?"),
                                                                MessageText.html(m.text()),
                                                                m.deleted(),
                                                                m.hidden()))
                                        .toList())));
    }
}

package io.tandem.messaging;

import io.tandem.identity.OrganisationId;
import io.tandem.mentorships.WorkspaceSection;
import io.tandem.mentorships.WorkspaceView;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.people.PersonSummary;
import io.tandem.web.RowHtml;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
    record Panel(UUID conversationId, long unread, boolean circle, List<Line> latest) {}

    /** One of the latest messages; {@code author} is null for the viewer's own. */
    record Line(String author, String html, boolean deleted, boolean hidden) {}

    private final MessagingManagement messaging;
    private final PeopleManagement people;
    private final MessageSource messages;
    private final RowHtml.Words words;

    ConversationSection(
            MessagingManagement messaging, PeopleManagement people, MessageSource messages) {
        this.messaging = messaging;
        this.people = people;
        this.messages = messages;
        this.words = new RowHtml.Words(messages);
    }

    @Override
    public Optional<Section> section(OrganisationId organisation, WorkspaceView workspace) {
        PersonId me = workspace.me();
        MessagingManagement.Glance glance =
                messaging.glance(organisation, workspace.mentorship(), me, LATEST);
        ConversationView conversation = glance.conversation();
        List<MessageView> latest = glance.latest();
        Map<PersonId, PersonSummary> names =
                people.findAll(organisation, latest.stream().map(MessageView::authorId).toList());
        List<Line> lines =
                latest.stream()
                        .map(
                                m ->
                                        new Line(
                                                m.authorId().equals(me)
                                                        ? null
                                                        : Optional.ofNullable(
                                                                        names.get(m.authorId()))
                                                                .map(PersonSummary::name)
                                                                .orElse("?"),
                                                MessageText.html(m.text()),
                                                m.deleted(),
                                                m.hidden()))
                        .toList();
        return Optional.of(
                Section.written(
                        "conversation",
                        html(
                                new Panel(
                                        conversation.id(),
                                        conversation.unread(),
                                        conversation.circle(),
                                        lines))));
    }

    /** The panel's markup; a message's own {@code html} is escaped already. */
    private String html(Panel p) {
        Locale locale = LocaleContextHolder.getLocale();
        StringBuilder out =
                WorkspaceSection.card(
                        "conversation",
                        words.get(
                                p.circle()
                                        ? "messaging.workspace.circle"
                                        : "messaging.workspace.heading",
                                locale));
        if (p.unread() > 0) {
            out.append("  <p><span class=\"badge\">")
                    .append(
                            RowHtml.escape(
                                    messages.getMessage(
                                            "messaging.workspace.unread",
                                            new Object[] {p.unread()},
                                            locale)))
                    .append("</span></p>\n");
        }
        if (p.latest().isEmpty()) {
            out.append("  <p class=\"empty\">")
                    .append(words.get("messaging.empty", locale))
                    .append("</p>\n");
        } else {
            out.append("  <ul class=\"inbox\">\n");
            for (Line l : p.latest()) {
                out.append("    <li>\n      <strong>")
                        .append(
                                l.author() == null
                                        ? words.get("messaging.you", locale)
                                        : RowHtml.escape(l.author()))
                        .append("</strong>:\n");
                if (l.deleted()) {
                    muted(out, words.get("messaging.deleted", locale));
                }
                if (l.hidden()) {
                    muted(out, words.get("messaging.hidden", locale));
                }
                if (!(l.deleted() || l.hidden())) {
                    out.append("      <span>").append(l.html()).append("</span>\n");
                }
                out.append("    </li>\n");
            }
            out.append("  </ul>\n");
        }
        return out.append("  <p><a class=\"button secondary\" href=\"")
                .append(
                        RowHtml.escape(
                                WorkspaceSection.link("/conversations/" + p.conversationId())))
                .append("\">")
                .append(words.get("messaging.workspace.open", locale))
                .append("</a></p>\n</section>")
                .toString();
    }

    private static void muted(StringBuilder out, String text) {
        out.append("      <span class=\"muted\">").append(text).append("</span>\n");
    }
}

package io.tandem.engagement.web;

import io.tandem.engagement.CheckInKind;
import io.tandem.engagement.EngagementManagement;
import io.tandem.engagement.EngagementManagement.CheckInDue;
import io.tandem.identity.OrganisationId;
import io.tandem.mentorships.MentorshipStatus;
import io.tandem.mentorships.WorkspaceSection;
import io.tandem.mentorships.WorkspaceView;
import io.tandem.shared.NotFound;
import io.tandem.web.RowHtml;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The viewer's own check-in on the pair's workspace: whether this period's is answered. */
@Component
class CheckInSection implements WorkspaceSection {

    private final EngagementManagement engagement;
    private final RowHtml.Words words;

    CheckInSection(EngagementManagement engagement, MessageSource messages) {
        this.engagement = engagement;
        this.words = new RowHtml.Words(messages);
    }

    @Override
    public Optional<Section> section(OrganisationId organisation, WorkspaceView workspace) {
        CheckInKind kind =
                workspace.mentorship().status() == MentorshipStatus.ACTIVE
                        ? CheckInKind.CHECK_IN
                        : CheckInKind.CLOSING;
        try {
            return Optional.of(
                    Section.written(
                            "check-in",
                            html(
                                    engagement.due(
                                            organisation,
                                            workspace.mentorship().id(),
                                            workspace.me(),
                                            kind))));
        } catch (NotFound notFollowed) {
            return Optional.empty();
        }
    }

    /** The section's markup: answered, or the way to answer. */
    private String html(CheckInDue due) {
        Locale locale = LocaleContextHolder.getLocale();
        StringBuilder out =
                WorkspaceSection.card(
                                "check-in",
                                words.get("engagement.check-in.title." + due.kind(), locale))
                        .append("  <p>")
                        .append(words.get("engagement.check-in.private", locale))
                        .append("</p>\n");
        if (due.answered()) {
            out.append("  <p>").append(words.get("engagement.check-in.done", locale));
            out.append("</p>\n");
        } else {
            out.append("  <a class=\"button\" href=\"")
                    .append(
                            RowHtml.escape(
                                    WorkspaceSection.link(
                                            "/mentorships/"
                                                    + due.mentorship().value()
                                                    + "/check-in?kind="
                                                    + due.kind())))
                    .append("\">")
                    .append(words.get("engagement.check-in.open", locale))
                    .append("</a>\n");
        }
        return out.append("</section>").toString();
    }
}

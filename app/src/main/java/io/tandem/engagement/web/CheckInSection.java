package io.tandem.engagement.web;

import io.tandem.engagement.CheckInKind;
import io.tandem.engagement.EngagementManagement;
import io.tandem.identity.OrganisationId;
import io.tandem.mentorships.MentorshipStatus;
import io.tandem.mentorships.WorkspaceSection;
import io.tandem.mentorships.WorkspaceView;
import io.tandem.shared.NotFound;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The viewer's own check-in on the pair's workspace: whether this period's is answered. */
@Component
class CheckInSection implements WorkspaceSection {

    private final EngagementManagement engagement;

    CheckInSection(EngagementManagement engagement) {
        this.engagement = engagement;
    }

    @Override
    public Optional<Section> section(OrganisationId organisation, WorkspaceView workspace) {
        CheckInKind kind =
                workspace.mentorship().status() == MentorshipStatus.ACTIVE
                        ? CheckInKind.CHECK_IN
                        : CheckInKind.CLOSING;
        try {
            return Optional.of(
                    new Section(
                            "check-in",
                            "engagement/fragments/check-in-section",
                            "section",
                            engagement.due(
                                    organisation,
                                    workspace.mentorship().id(),
                                    workspace.me(),
                                    kind)));
        } catch (NotFound notFollowed) {
            return Optional.empty();
        }
    }
}

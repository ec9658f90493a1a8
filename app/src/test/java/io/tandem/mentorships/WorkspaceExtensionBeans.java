package io.tandem.mentorships;

import io.tandem.identity.OrganisationId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * A workspace section and a timeline source as another module would write them, in every test
 * context (a class nested in a test class would be left out of component scanning). They answer
 * only for the mentorships {@link WorkspaceExtensionTests} registers.
 */
final class WorkspaceExtensionBeans {

    private WorkspaceExtensionBeans() {}

    static final Map<MentorshipId, Instant> REGISTERED = new ConcurrentHashMap<>();

    @Component
    static final class TestSection implements WorkspaceSection {
        @Override
        public Optional<Section> section(OrganisationId organisation, WorkspaceView workspace) {
            return REGISTERED.containsKey(workspace.mentorship().id())
                    ? Optional.of(
                            new Section(
                                    "extension",
                                    "test/extension",
                                    "panel",
                                    "Seen by " + (workspace.mentoring() ? "mentor" : "mentee")))
                    : Optional.empty();
        }
    }

    @Component
    static final class TestTimeline implements TimelineSource {
        @Override
        public List<WorkspaceView.TimelineEntry> recent(
                OrganisationId organisation, MentorshipId mentorship, int limit) {
            Instant at = REGISTERED.get(mentorship);
            return at == null
                    ? List.of()
                    : List.of(
                            new WorkspaceView.TimelineEntry(
                                    "ACTION_DONE", "Met in Lisbon", null, at));
        }
    }
}

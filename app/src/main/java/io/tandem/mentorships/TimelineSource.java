package io.tandem.mentorships;

import io.tandem.identity.OrganisationId;
import java.util.List;

/**
 * The extension point for the pair's timeline. A module whose work belongs in "what happened"
 * (meetings planned and held, for instance) implements this as a bean; the workspace merges every
 * source's entries with its own, newest first. An entry's {@code kind} names the message {@code
 * workspace.timeline.<kind>}, which gets the actor's name as {0} and the subject as {1}. Entries
 * are shown to the pair only, so they may carry pair content.
 */
public interface TimelineSource {

    /** At most {@code limit} of the mentorship's entries, newest first. */
    List<WorkspaceView.TimelineEntry> recent(
            OrganisationId organisation, MentorshipId mentorship, int limit);
}

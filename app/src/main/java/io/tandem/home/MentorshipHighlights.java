package io.tandem.home;

import io.tandem.identity.OrganisationId;
import io.tandem.mentorships.MentorshipSummary;
import io.tandem.people.PersonId;
import java.util.List;

/**
 * The extension point for a mentorship's card on the home page. A module that knows something the
 * pair should see next (meetings: the next meeting; action items: the open ones) implements this as
 * a bean; the home page lists every highlight of every implementation, in bean order. Highlights
 * are shown to the pair only, so they may carry pair content.
 */
public interface MentorshipHighlights {

    /** A line on the card, with an optional link (a path on this site). */
    record Highlight(String text, String link) {}

    List<Highlight> highlights(
            OrganisationId organisation, MentorshipSummary mentorship, PersonId viewer);
}

package io.tandem.mentorships;

import io.tandem.mentorships.WorkspaceView.Goal;
import io.tandem.mentorships.WorkspaceView.ProgressUpdate;
import io.tandem.people.PersonId;
import java.time.LocalDate;
import java.util.List;

/**
 * One goal's page as one of the two people sees it: the goal with its milestones and its dated
 * updates, newest first. Only ever built for a person in the pair.
 */
public record GoalView(
        MentorshipSummary mentorship,
        PersonId me,
        Goal goal,
        List<ProgressUpdate> updates,
        LocalDate today) {

    public PersonId partner() {
        return mentorship.mentorId().equals(me) ? mentorship.menteeId() : mentorship.mentorId();
    }

    public boolean active() {
        return mentorship.status() == MentorshipStatus.ACTIVE;
    }
}

package io.tandem.mentorships;

import io.tandem.people.PersonId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Everything one of the two people sees on their mentorship's workspace. Only ever built for a
 * person in the pair; private notes are the viewer's own.
 */
public record WorkspaceView(
        MentorshipSummary mentorship,
        LocalDate plannedEndOn,
        EndReason endReason,
        PersonId me,
        Agreement agreement,
        List<Goal> goals,
        List<ActionItem> actionItems,
        List<Note> notes,
        List<TimelineEntry> timeline,
        boolean sharesGoals,
        Extension extension,
        boolean surveyAnswered,
        LocalDate today) {

    public boolean mentoring() {
        return mentorship.mentorId().equals(me);
    }

    public PersonId partner() {
        return mentoring() ? mentorship.menteeId() : mentorship.mentorId();
    }

    public boolean active() {
        return mentorship.status() == MentorshipStatus.ACTIVE;
    }

    /** The planned end has passed while the pair still works together: close or extend. */
    public boolean plannedEndPassed() {
        return active() && plannedEndOn != null && today.isAfter(plannedEndOn);
    }

    public List<ActionItem> openActionItems() {
        return actionItems.stream().filter(a -> a.doneAt() == null).toList();
    }

    public List<ActionItem> doneActionItems() {
        return actionItems.stream().filter(a -> a.doneAt() != null).toList();
    }

    public long overdueMilestones() {
        return goals.stream()
                .flatMap(g -> g.milestones().stream())
                .filter(m -> m.overdue(today))
                .count();
    }

    /** The agreement as it stands; a draft from the program's text until one of them saves it. */
    public record Agreement(
            String terms,
            String expectations,
            String meetings,
            String confidentiality,
            String duration,
            int version,
            PersonId updatedBy,
            Instant updatedAt,
            Instant mentorSignedAt,
            Instant menteeSignedAt) {

        public boolean signed() {
            return mentorSignedAt != null && menteeSignedAt != null;
        }

        public boolean saved() {
            return version > 0;
        }

        public Instant signedAt(boolean mentor) {
            return mentor ? mentorSignedAt : menteeSignedAt;
        }
    }

    public record Goal(
            UUID id,
            String title,
            String measure,
            LocalDate targetOn,
            String skill,
            GoalStatus status,
            int progress,
            int version,
            List<Milestone> milestones) {

        public long milestonesMet() {
            return milestones.stream().filter(m -> m.metAt() != null).count();
        }
    }

    public record Milestone(UUID id, UUID goalId, String title, LocalDate dueOn, Instant metAt) {

        public boolean overdue(LocalDate today) {
            return metAt == null && dueOn.isBefore(today);
        }
    }

    public record ProgressUpdate(int percent, String comment, PersonId author, Instant at) {}

    public record ActionItem(
            UUID id, String title, PersonId assignee, LocalDate dueOn, Instant doneAt) {

        public boolean overdue(LocalDate today) {
            return doneAt == null && dueOn != null && dueOn.isBefore(today);
        }
    }

    /**
     * A note; {@code html} is the Markdown rendered with raw HTML escaped and unsafe links dropped.
     */
    public record Note(UUID id, PersonId author, boolean shared, String html, Instant createdAt) {}

    /** One thing that happened; {@code subject} is the goal's, milestone's or action's title. */
    public record TimelineEntry(String kind, String subject, PersonId actor, Instant at) {}

    /** An extension one of the two proposed and the other has not yet agreed to. */
    public record Extension(LocalDate until, PersonId proposedBy) {}
}

package io.tandem.mentorships;

import io.tandem.people.PersonId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Everything one of the two people sees on their mentorship's workspace. Only ever built for a
 * person in the pair; private notes are the viewer's own. Goals are one line each (their milestones
 * and updates are on the goal's own page); action items and notes are the latest few unless the
 * viewer asked for all, with the totals beside them.
 */
public record WorkspaceView(
        MentorshipSummary mentorship,
        LocalDate plannedEndOn,
        EndReason endReason,
        PersonId me,
        Agreement agreement,
        List<GoalLine> goals,
        List<ActionItem> actionItems,
        int actionItemsTotal,
        List<Note> notes,
        int notesTotal,
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
        return goals.stream().mapToLong(GoalLine::milestonesOverdue).sum();
    }

    /** Open and done action items not shown here: the page offers to show them all. */
    public boolean moreActionItems() {
        return actionItemsTotal > actionItems.size();
    }

    public boolean moreNotes() {
        return notesTotal > notes.size();
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

    /** A goal at a glance: its milestones counted, not listed. */
    public record GoalLine(
            UUID id,
            String title,
            GoalStatus status,
            int progress,
            LocalDate targetOn,
            int version,
            int milestones,
            int milestonesMet,
            int milestonesOverdue) {

        /** A milestone is overdue, or the target date passed while the goal is still open. */
        public boolean overdue(LocalDate today) {
            return milestonesOverdue > 0
                    || (targetOn.isBefore(today)
                            && status != GoalStatus.ACHIEVED
                            && status != GoalStatus.DROPPED);
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

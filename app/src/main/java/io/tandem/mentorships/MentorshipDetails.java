package io.tandem.mentorships;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tandem.people.PersonId;
import io.tandem.programs.ProgramId;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A mentorship as program managers, admins and API tokens see it: dates, statuses, counts and goal
 * progress, never what the pair wrote. Goal titles appear only when the program has "pairs share
 * goals with program managers" switched on.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MentorshipDetails(
        MentorshipId id,
        ProgramId programId,
        PersonId mentorId,
        PersonId menteeId,
        MentorshipStatus status,
        LocalDate startedOn,
        LocalDate plannedEndOn,
        LocalDate endedOn,
        EndReason endReason,
        AgreementState agreement,
        List<GoalProgress> goals,
        ActionCounts actionItems,
        int sharedNotes,
        boolean sharesGoals) {

    public record AgreementState(boolean signed, boolean mentorSigned, boolean menteeSigned) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GoalProgress(
            UUID id,
            GoalStatus status,
            int progress,
            LocalDate targetOn,
            int milestones,
            int milestonesMet,
            int overdueMilestones,
            String title) {}

    public record ActionCounts(int open, int done, int overdue) {}
}

package io.tandem.mentorships.api;

import io.swagger.v3.oas.annotations.Operation;
import io.tandem.identity.TandemUser;
import io.tandem.mentorships.ClosureSurveyResults;
import io.tandem.mentorships.EndReason;
import io.tandem.mentorships.MentorshipDetails;
import io.tandem.mentorships.MentorshipId;
import io.tandem.mentorships.WorkspaceManagement;
import io.tandem.programs.ProgramId;
import io.tandem.shared.InputError;
import io.tandem.shared.InvalidInputException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Mentorships for integrators, with the pairs' privacy: metadata and goal progress, never what the
 * pair wrote (goal titles only where the program shares goals with program managers).
 */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'PROGRAM_MANAGER')")
class WorkspaceRestController {

    record EndRequest(@Size(max = 30) String reason) {}

    private final WorkspaceManagement workspaces;

    WorkspaceRestController(WorkspaceManagement workspaces) {
        this.workspaces = workspaces;
    }

    @Operation(
            summary = "A mentorship's metadata and goal progress",
            description =
                    "Dates, status, end reason, whether each person signed the agreement, goal"
                            + " statuses and progress %, milestone and action-item counts, the number of"
                            + " shared notes. Never the agreement text, notes, action items or survey"
                            + " answers; goal titles only when the program shares goals with program"
                            + " managers (sharesGoals). 404 for another organisation's id.")
    @GetMapping("/api/v1/mentorships/{id}")
    MentorshipDetails mentorship(TandemUser user, @PathVariable UUID id) {
        return workspaces.details(user.organisationId(), new MentorshipId(id));
    }

    /** Ends an active mentorship for a reason; 409 once it has ended. */
    @Operation(
            summary = "End an active mentorship",
            description =
                    "Body {reason}: GOALS_MET or PLANNED_END complete it (status COMPLETED);"
                            + " NO_TIME, NOT_A_GOOD_FIT, LEFT_ORGANISATION or OTHER end it (ENDED)."
                            + " The mentor's place comes back and both people are asked for the"
                            + " closure survey. 422 for a missing or unknown reason, 409 if it has"
                            + " already ended.")
    @PostMapping("/api/v1/mentorships/{id}/end")
    MentorshipDetails end(
            TandemUser user,
            @PathVariable UUID id,
            @RequestBody(required = false) @Valid EndRequest body) {
        EndReason reason = reason(body == null ? null : body.reason());
        workspaces.end(user.organisationId(), new MentorshipId(id), null, reason);
        return workspaces.details(user.organisationId(), new MentorshipId(id));
    }

    /** Closure-survey averages over at least three answers; below that, only the count. */
    @Operation(
            summary = "A program's closure-survey results",
            description =
                    "{answers, partnershipRating, partnerRating, wouldDoItAgain}: the averages (1-5,"
                            + " and the share who would do it again) appear only once at least 3 people"
                            + " answered; individual answers are never returned.")
    @GetMapping("/api/v1/programs/{id}/closure-surveys")
    ClosureSurveyResults surveys(TandemUser user, @PathVariable UUID id) {
        return workspaces.surveyResults(user.organisationId(), new ProgramId(id));
    }

    private static EndReason reason(String value) {
        if (value != null) {
            for (EndReason reason : EndReason.CHOSEN) {
                if (reason.name().equalsIgnoreCase(value.strip())) {
                    return reason;
                }
            }
        }
        throw InvalidInputException.unprocessable(
                "request.invalid", List.of(InputError.field("reason", "workspace.reason.invalid")));
    }
}

package io.tandem.programs.api;

import io.tandem.identity.TandemUser;
import io.tandem.people.DirectoryQuery;
import io.tandem.people.PersonId;
import io.tandem.people.WorkMode;
import io.tandem.programs.Enrol;
import io.tandem.programs.EnrolmentId;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.EnrolmentRole;
import io.tandem.programs.EnrolmentStatus;
import io.tandem.programs.EnrolmentView;
import io.tandem.programs.MatchingRule;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramId;
import io.tandem.programs.ProgramInvitations;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramStatus;
import io.tandem.programs.ProgramTemplate;
import io.tandem.programs.ProgramView;
import io.tandem.programs.RulesManagement;
import io.tandem.shared.InputError;
import io.tandem.shared.InvalidInputException;
import io.tandem.shared.PageQuery;
import io.tandem.shared.Paged;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProgramRestController {

    /** Enrolment body: who (personId or email), the role as text so a bad value is named. */
    record EnrolmentRequest(
            UUID personId,
            @Size(max = 320) String email,
            @Size(max = 10) String role,
            Integer capacity,
            @Size(max = 4000) String goals,
            List<@Size(max = 4000) String> skillsWanted,
            List<@Size(max = 4000) String> skillsOffered,
            @Size(max = 200) String aspiredDivision,
            @Size(max = 200) String aspiredLocation,
            @Size(max = 4000) String preferences,
            @Size(max = 1000) String availability,
            @Size(max = 64) String timeZone) {}

    record StatusChange(ProgramStatus status) {}

    record Decision(@Size(max = 1000) String note) {}

    /** The program settings that may change after creation. */
    record Settings(Integer minimumScore) {}

    record Segment(
            @Size(max = 200) String division,
            @Size(max = 200) String function,
            @Size(max = 200) String location,
            Integer level,
            @Size(max = 20) String workMode) {}

    record Invitation(
            @Size(max = 10) String role,
            List<@Size(max = 320) String> emails,
            List<UUID> personIds,
            @Valid Segment segment) {}

    private final ProgramManagement programs;
    private final EnrolmentManagement enrolling;
    private final ProgramInvitations invitations;
    private final RulesManagement programRules;
    private final io.tandem.programs.ProgramAccess access;

    ProgramRestController(
            ProgramManagement programs,
            EnrolmentManagement enrolling,
            ProgramInvitations invitations,
            RulesManagement programRules,
            io.tandem.programs.ProgramAccess access) {
        this.programs = programs;
        this.enrolling = enrolling;
        this.invitations = invitations;
        this.programRules = programRules;
        this.access = access;
    }

    @GetMapping("/api/v1/program-templates")
    Paged<ProgramTemplate> templates() {
        List<ProgramTemplate> all = programs.templates();
        return new Paged<>(all, 0, all.size(), all.size());
    }

    @PostMapping("/api/v1/programs")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN', 'PROGRAM_MANAGER')")
    ProgramView create(TandemUser user, @RequestBody @Valid ProgramDraft draft) {
        access.requireMayCreate(user);
        ProgramView program = programs.create(user.organisationId(), draft);
        access.created(user, program.id());
        return program;
    }

    @GetMapping("/api/v1/programs")
    Paged<ProgramView> list(
            TandemUser user,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return access.list(user, PageQuery.of(page, size));
    }

    @GetMapping("/api/v1/programs/{id}")
    ProgramView program(TandemUser user, @PathVariable UUID id) {
        return access.visible(user, new ProgramId(id));
    }

    /** A program's managers: {@code {items: [{personId, email, name}]}}; admins only. */
    @io.swagger.v3.oas.annotations.Operation(
            summary = "The program's managers",
            description =
                    "Admins only. A PROGRAM_MANAGER manages only the programs they are assigned"
                            + " to; every management route of another program answers 404.")
    @GetMapping("/api/v1/programs/{id}/managers")
    @PreAuthorize("hasRole('ADMIN')")
    Paged<io.tandem.programs.ProgramAccess.Manager> managers(
            TandemUser user, @PathVariable UUID id) {
        List<io.tandem.programs.ProgramAccess.Manager> all =
                access.managers(user.organisationId(), new ProgramId(id));
        return new Paged<>(all, 0, all.size(), all.size());
    }

    /** Makes the person a manager of the program (idempotent); 404 for an unknown person. */
    @io.swagger.v3.oas.annotations.Operation(
            summary = "Assign a program manager",
            description =
                    "Admins only; idempotent. The person (of this organisation, else 404) manages"
                            + " the program from now on if their account has the PROGRAM_MANAGER"
                            + " role.")
    @PutMapping("/api/v1/programs/{id}/managers/{personId}")
    @PreAuthorize("hasRole('ADMIN')")
    io.tandem.programs.ProgramAccess.Manager assignManager(
            TandemUser user, @PathVariable UUID id, @PathVariable UUID personId) {
        return access.assign(user.organisationId(), new ProgramId(id), new PersonId(personId));
    }

    /** Ends the person's management of the program (idempotent): 204. */
    @io.swagger.v3.oas.annotations.Operation(
            summary = "Unassign a program manager",
            description = "Admins only; idempotent: 204 whether or not they were assigned.")
    @org.springframework.web.bind.annotation.DeleteMapping(
            "/api/v1/programs/{id}/managers/{personId}")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unassignManager(TandemUser user, @PathVariable UUID id, @PathVariable UUID personId) {
        access.unassign(user.organisationId(), new ProgramId(id), new PersonId(personId));
    }

    @PutMapping("/api/v1/programs/{id}/rules")
    @PreAuthorize("hasAnyRole('ADMIN', 'PROGRAM_MANAGER')")
    ProgramView rules(
            TandemUser user, @PathVariable UUID id, @RequestBody List<MatchingRule> rules) {
        return programRules.changeRules(user.organisationId(), new ProgramId(id), rules);
    }

    @org.springframework.web.bind.annotation.PatchMapping("/api/v1/programs/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'PROGRAM_MANAGER')")
    ProgramView settings(
            TandemUser user, @PathVariable UUID id, @RequestBody @Valid Settings settings) {
        return programRules.changeMinimumScore(
                user.organisationId(), new ProgramId(id), settings.minimumScore());
    }

    @PostMapping("/api/v1/programs/{id}/status")
    @PreAuthorize("hasAnyRole('ADMIN', 'PROGRAM_MANAGER')")
    ProgramView status(
            TandemUser user, @PathVariable UUID id, @RequestBody @Valid StatusChange change) {
        return programs.moveTo(user.organisationId(), new ProgramId(id), change.status());
    }

    /** Whether the program's pairs share goals with program managers: {@code {shareGoals}}. */
    record GoalSharing(Boolean shareGoals) {}

    @GetMapping("/api/v1/programs/{id}/goal-sharing")
    @PreAuthorize("hasAnyRole('ADMIN', 'PROGRAM_MANAGER')")
    GoalSharing goalSharing(TandemUser user, @PathVariable UUID id) {
        ProgramId program = programs.get(user.organisationId(), new ProgramId(id)).id();
        return new GoalSharing(programs.sharesGoals(user.organisationId(), program));
    }

    @PutMapping("/api/v1/programs/{id}/goal-sharing")
    @PreAuthorize("hasAnyRole('ADMIN', 'PROGRAM_MANAGER')")
    GoalSharing shareGoals(
            TandemUser user, @PathVariable UUID id, @RequestBody @Valid GoalSharing sharing) {
        if (sharing == null || sharing.shareGoals() == null) {
            throw io.tandem.shared.InvalidInputException.unprocessable(
                    "request.invalid",
                    List.of(
                            io.tandem.shared.InputError.field(
                                    "shareGoals", "request.value.invalid")));
        }
        programs.shareGoals(user.organisationId(), new ProgramId(id), sharing.shareGoals());
        return sharing;
    }

    @PostMapping("/api/v1/programs/{id}/enrolments")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN', 'PROGRAM_MANAGER')")
    EnrolmentView enrol(
            TandemUser user, @PathVariable UUID id, @RequestBody @Valid EnrolmentRequest body) {
        return enrolling.enrol(
                user.organisationId(),
                new ProgramId(id),
                new Enrol(
                        body.personId() == null ? null : new PersonId(body.personId()),
                        body.email(),
                        role(body.role()),
                        body.capacity(),
                        body.goals(),
                        body.skillsWanted(),
                        body.skillsOffered(),
                        body.aspiredDivision(),
                        body.aspiredLocation(),
                        body.preferences(),
                        body.availability(),
                        body.timeZone()));
    }

    @GetMapping("/api/v1/programs/{id}/enrolments")
    @PreAuthorize("hasAnyRole('ADMIN', 'PROGRAM_MANAGER')")
    Paged<EnrolmentView> enrolments(
            TandemUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) EnrolmentStatus status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return enrolling.enrolments(
                user.organisationId(), new ProgramId(id), status, PageQuery.of(page, size));
    }

    @PostMapping("/api/v1/programs/{id}/invitations")
    @PreAuthorize("hasAnyRole('ADMIN', 'PROGRAM_MANAGER')")
    Map<String, Integer> invite(
            TandemUser user, @PathVariable UUID id, @RequestBody @Valid Invitation body) {
        ProgramId program = new ProgramId(id);
        EnrolmentRole role = role(body.role());
        DirectoryQuery segment = null;
        if (body.segment() != null) {
            Segment s = body.segment();
            WorkMode mode =
                    s.workMode() == null || s.workMode().isBlank()
                            ? null
                            : WorkMode.parse(s.workMode())
                                    .orElseThrow(
                                            () ->
                                                    invalid(
                                                            "segment.workMode",
                                                            "request.work-mode.invalid"));
            segment =
                    DirectoryQuery.segment(
                            s.division(), s.function(), s.location(), mode, s.level());
        }
        int invited =
                invitations.inviteAll(
                        user.organisationId(),
                        program,
                        role,
                        body.emails(),
                        body.personIds() == null
                                ? List.of()
                                : body.personIds().stream().map(PersonId::new).toList(),
                        segment);
        return Map.of("invited", invited);
    }

    @PostMapping("/api/v1/enrolments/{id}/approve")
    @PreAuthorize("hasAnyRole('ADMIN', 'PROGRAM_MANAGER')")
    EnrolmentView approve(
            TandemUser user,
            @PathVariable UUID id,
            @RequestBody(required = false) @Valid Decision decision) {
        return enrolling.decide(
                user.organisationId(),
                new EnrolmentId(id),
                true,
                decision == null ? null : decision.note());
    }

    @PostMapping("/api/v1/enrolments/{id}/decline")
    @PreAuthorize("hasAnyRole('ADMIN', 'PROGRAM_MANAGER')")
    EnrolmentView decline(
            TandemUser user,
            @PathVariable UUID id,
            @RequestBody(required = false) @Valid Decision decision) {
        return enrolling.decide(
                user.organisationId(),
                new EnrolmentId(id),
                false,
                decision == null ? null : decision.note());
    }

    /** Who may withdraw is the programs module's rule, the same as on the pages. */
    @PostMapping("/api/v1/enrolments/{id}/withdraw")
    EnrolmentView withdraw(
            TandemUser user,
            @PathVariable UUID id,
            @RequestBody(required = false) @Valid Withdrawal withdrawal) {
        access.withdrawable(user, new EnrolmentId(id));
        return enrolling.withdraw(
                user,
                new EnrolmentId(id),
                withdrawal != null && Boolean.TRUE.equals(withdrawal.endMentorships()));
    }

    /** Optional withdrawal body: whether the person's mentorships in the program end too. */
    record Withdrawal(Boolean endMentorships) {}

    private static EnrolmentRole role(String text) {
        if (text != null) {
            try {
                return EnrolmentRole.valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // named below
            }
        }
        throw invalid("role", "request.role.invalid");
    }

    private static InvalidInputException invalid(String field, String message) {
        return InvalidInputException.badRequest(
                "request.invalid", List.of(InputError.field(field, message)));
    }
}

package io.tandem.mentorships.api;

import io.tandem.identity.TandemUser;
import io.tandem.mentorships.MentorshipManagement;
import io.tandem.mentorships.MentorshipSummary;
import io.tandem.programs.ProgramId;
import io.tandem.shared.PageQuery;
import io.tandem.shared.Paged;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MentorshipRestController {

    private final MentorshipManagement mentorships;

    private final io.tandem.programs.ProgramAccess access;

    MentorshipRestController(
            MentorshipManagement mentorships, io.tandem.programs.ProgramAccess access) {
        this.mentorships = mentorships;
        this.access = access;
    }

    @GetMapping("/api/v1/mentorships")
    @PreAuthorize("hasAnyRole('ADMIN', 'PROGRAM_MANAGER')")
    Paged<MentorshipSummary> mentorships(
            TandemUser user,
            @RequestParam(required = false) UUID programId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        if (user.role() == io.tandem.identity.Role.PROGRAM_MANAGER) {
            // A program manager lists one program they manage at a time; nothing across programs.
            if (programId == null) {
                PageQuery query = PageQuery.of(page, size);
                return Paged.of(java.util.List.of(), query, 0);
            }
            access.requireManagerScope(user, new ProgramId(programId));
        }
        return mentorships.find(
                user.organisationId(),
                programId == null ? null : new ProgramId(programId),
                null,
                PageQuery.of(page, size));
    }
}

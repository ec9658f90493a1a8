package io.tandem.mentorships.web;

import io.tandem.identity.TandemUser;
import io.tandem.mentorships.EndReason;
import io.tandem.mentorships.MentorshipDetails;
import io.tandem.mentorships.MentorshipId;
import io.tandem.mentorships.MentorshipManagement;
import io.tandem.mentorships.MentorshipStatus;
import io.tandem.mentorships.MentorshipSummary;
import io.tandem.mentorships.WorkspaceManagement;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.people.PersonSummary;
import io.tandem.programs.ProgramId;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramView;
import io.tandem.shared.NotFound;
import io.tandem.shared.PageQuery;
import io.tandem.shared.Paged;
import io.tandem.web.PageForms;
import io.tandem.web.Pager;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A program's mentorships for its managers: who is paired with whom since when, and ending one from
 * a confirmation page that works without JavaScript. Metadata only: nothing the pair wrote.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'PROGRAM_MANAGER')")
class ProgramMentorshipsPageController {

    static final int PAGE = 50;

    /** One line of the list. */
    record Line(MentorshipSummary mentorship, String mentor, String mentee) {}

    private final MentorshipManagement mentorships;
    private final WorkspaceManagement workspaces;
    private final PeopleManagement people;
    private final ProgramManagement programs;
    private final PageForms forms;

    ProgramMentorshipsPageController(
            MentorshipManagement mentorships,
            WorkspaceManagement workspaces,
            PeopleManagement people,
            ProgramManagement programs,
            PageForms forms) {
        this.forms = forms;
        this.mentorships = mentorships;
        this.workspaces = workspaces;
        this.people = people;
        this.programs = programs;
    }

    @GetMapping("/programs/{programId}/mentorships")
    String list(
            TandemUser user,
            @PathVariable UUID programId,
            @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request,
            Model model) {
        ProgramView program = programs.get(user.organisationId(), new ProgramId(programId));
        Paged<MentorshipSummary> paged =
                mentorships.find(
                        user.organisationId(),
                        program.id(),
                        null,
                        PageQuery.of(Math.max(0, page), PAGE));
        Set<PersonId> ids = new HashSet<>();
        paged.items()
                .forEach(
                        m -> {
                            ids.add(m.mentorId());
                            ids.add(m.menteeId());
                        });
        Map<PersonId, PersonSummary> found = people.findAll(user.organisationId(), ids);
        List<Line> lines =
                paged.items().stream()
                        .map(m -> new Line(m, name(found, m.mentorId()), name(found, m.menteeId())))
                        .toList();
        model.addAttribute("program", program);
        model.addAttribute("lines", lines);
        model.addAttribute("pager", Pager.of(paged, request));
        return "mentorships/program";
    }

    @GetMapping("/programs/{programId}/mentorships/{id}/end")
    String confirm(
            TandemUser user, @PathVariable UUID programId, @PathVariable UUID id, Model model) {
        return endPage(user, programId, id, null, null, model);
    }

    @PostMapping("/programs/{programId}/mentorships/{id}/end")
    String end(
            TandemUser user,
            @PathVariable UUID programId,
            @PathVariable UUID id,
            @RequestParam(required = false) String reason,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        MentorshipDetails pair = pairOf(user, programId, id);
        EndReason chosen = chosen(reason);
        if (chosen == null) {
            response.setStatus(422);
            return endPage(
                    user,
                    programId,
                    id,
                    reason,
                    forms.text("workspace.manager-end.reason.missing"),
                    model);
        }
        var outcome =
                forms.attemptShowingClash(
                        () -> workspaces.end(user.organisationId(), pair.id(), null, chosen));
        if (outcome.refused(response, model)) {
            return endPage(user, programId, id, reason, outcome.errors().get("reason"), model);
        }
        Map<PersonId, PersonSummary> two =
                people.findAll(user.organisationId(), List.of(pair.mentorId(), pair.menteeId()));
        redirect.addFlashAttribute("notice", "workspace.manager-end.done");
        redirect.addFlashAttribute("endedMentor", name(two, pair.mentorId()));
        redirect.addFlashAttribute("endedMentee", name(two, pair.menteeId()));
        return "redirect:/programs/" + programId + "/mentorships";
    }

    private String endPage(
            TandemUser user,
            UUID programId,
            UUID id,
            String reason,
            String reasonError,
            Model model) {
        MentorshipDetails pair = pairOf(user, programId, id);
        Map<PersonId, PersonSummary> two =
                people.findAll(user.organisationId(), List.of(pair.mentorId(), pair.menteeId()));
        model.addAttribute("program", programs.get(user.organisationId(), pair.programId()));
        model.addAttribute("pair", pair);
        model.addAttribute("mentor", name(two, pair.mentorId()));
        model.addAttribute("mentee", name(two, pair.menteeId()));
        model.addAttribute("reasons", EndReason.CHOSEN);
        model.addAttribute("reason", reason);
        model.addAttribute("reasonError", reasonError);
        model.addAttribute("active", pair.status() == MentorshipStatus.ACTIVE);
        return "mentorships/manager-end";
    }

    /** The mentorship, only under the program it belongs to; 404 otherwise. */
    private MentorshipDetails pairOf(TandemUser user, UUID programId, UUID id) {
        MentorshipDetails pair = workspaces.details(user.organisationId(), new MentorshipId(id));
        if (!pair.programId().value().equals(programId)) {
            throw new NotFound("mentorship.not-found");
        }
        return pair;
    }

    private static EndReason chosen(String reason) {
        if (reason == null) {
            return null;
        }
        return EndReason.CHOSEN.stream()
                .filter(r -> r.name().equals(reason.strip()))
                .findFirst()
                .orElse(null);
    }

    private static String name(Map<PersonId, PersonSummary> found, PersonId id) {
        PersonSummary person = found.get(id);
        return person == null ? "—" : person.name();
    }
}

package io.tandem.matching.web;

import io.tandem.identity.TandemUser;
import io.tandem.matching.ActivePairs;
import io.tandem.matching.MatchRunId;
import io.tandem.matching.MatchRunView;
import io.tandem.matching.MatchingManagement;
import io.tandem.programs.EnrolmentId;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.EnrolmentStatus;
import io.tandem.programs.EnrolmentView;
import io.tandem.programs.ProgramId;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramOverview;
import io.tandem.programs.ProgramStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The question before an irreversible click: what publishing pairs, closing a program or leaving it
 * will do, counted, and a form that does it. It lives here rather than in programs because only
 * matching may ask who works together now.
 */
@Controller
class ConfirmationPageController {

    /** What the page asks, already in words, and the form that answers yes. */
    record Confirmation(
            String title,
            String heading,
            List<String> consequences,
            String action,
            Map<String, String> fields,
            boolean mentorshipChoice,
            String confirm,
            String cancel) {}

    private final MatchingManagement matching;
    private final ProgramManagement programs;
    private final EnrolmentManagement enrolling;
    private final ActivePairs pairs;
    private final MessageSourceAccessor messages;

    private final io.tandem.programs.ProgramAccess access;

    ConfirmationPageController(
            MatchingManagement matching,
            ProgramManagement programs,
            EnrolmentManagement enrolling,
            ActivePairs pairs,
            MessageSource messageSource,
            io.tandem.programs.ProgramAccess access) {
        this.access = access;
        this.matching = matching;
        this.programs = programs;
        this.enrolling = enrolling;
        this.pairs = pairs;
        this.messages = new MessageSourceAccessor(messageSource);
    }

    @GetMapping("/match-runs/{id}/publish")
    @PreAuthorize("hasAnyRole('ADMIN', 'PROGRAM_MANAGER')")
    String publish(TandemUser user, @PathVariable UUID id, Model model) {
        MatchRunView run = matching.run(user.organisationId(), new MatchRunId(id));
        var program = programs.get(user.organisationId(), run.programId());
        long mentors = run.proposals().stream().map(p -> p.mentorId()).distinct().count();
        List<String> consequences = new ArrayList<>();
        consequences.add(
                text("confirm.publish.pairs", run.proposals().size(), mentors, program.name()));
        consequences.add(text("confirm.publish.told"));
        if (!run.unmatched().isEmpty()) {
            consequences.add(text("confirm.publish.unmatched", run.unmatched().size()));
        }
        consequences.add(text("confirm.publish.final"));
        return show(
                model,
                new Confirmation(
                        text("confirm.publish.title", program.name()),
                        text("confirm.publish.heading", run.proposals().size()),
                        consequences,
                        "/match-runs/" + id + "/publish",
                        Map.of(),
                        false,
                        text("confirm.publish.confirm", run.proposals().size()),
                        "/match-runs/" + id),
                !run.published() && run.finished());
    }

    @GetMapping("/programs/{id}/close")
    @PreAuthorize("hasAnyRole('ADMIN', 'PROGRAM_MANAGER')")
    String close(TandemUser user, @PathVariable UUID id, Model model) {
        ProgramId programId = new ProgramId(id);
        ProgramOverview overview = programs.overview(user.organisationId(), programId);
        int active = pairs.in(user.organisationId(), programId).size();
        return show(
                model,
                new Confirmation(
                        text("confirm.close.title", overview.program().name()),
                        text("confirm.close.heading", overview.program().name()),
                        List.of(
                                text("confirm.close.mentorships", active),
                                text(
                                        "confirm.close.enrolments",
                                        overview.mentors() + overview.mentees(),
                                        overview.pending(),
                                        overview.invited()),
                                text("confirm.close.final")),
                        "/programs/" + id + "/status",
                        fields("status", ProgramStatus.CLOSED.name()),
                        false,
                        text("confirm.close.confirm"),
                        "/programs/" + id),
                overview.program().status().canMoveTo(ProgramStatus.CLOSED));
    }

    @GetMapping("/programs/{id}/enrolments/{enrolment}/withdraw")
    String withdraw(
            TandemUser user, @PathVariable UUID id, @PathVariable UUID enrolment, Model model) {
        EnrolmentView view = access.withdrawable(user, new EnrolmentId(enrolment));
        boolean own = view.heldBy(user);
        var program = programs.get(user.organisationId(), view.programId());
        long together =
                pairs.in(user.organisationId(), view.programId()).stream()
                        .filter(
                                p ->
                                        p.mentee().equals(view.personId())
                                                || p.mentor().equals(view.personId()))
                        .count();
        List<String> consequences = new ArrayList<>();
        consequences.add(
                own
                        ? text("confirm.withdraw.own", text("role." + view.role()), program.name())
                        : text(
                                "confirm.withdraw.other",
                                view.name(),
                                text("role." + view.role()),
                                program.name()));
        consequences.add(text("confirm.withdraw.mentorships", together));
        if (view.status() == EnrolmentStatus.ACTIVE) {
            consequences.add(text("confirm.withdraw.matching"));
        }
        return show(
                model,
                new Confirmation(
                        text("confirm.withdraw.title", program.name()),
                        text("confirm.withdraw.heading", program.name()),
                        consequences,
                        "/programs/" + view.programId() + "/enrolments/" + enrolment + "/withdraw",
                        Map.of(),
                        together > 0,
                        text("confirm.withdraw.confirm"),
                        "/programs/" + view.programId()),
                view.status().open());
    }

    private String show(Model model, Confirmation confirmation, boolean possible) {
        model.addAttribute("confirmation", confirmation);
        model.addAttribute("possible", possible);
        return "matching/confirm";
    }

    private String text(String code, Object... args) {
        return messages.getMessage(code, args);
    }

    private static Map<String, String> fields(String name, String value) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(name, value);
        return fields;
    }
}

package io.tandem.engagement.web;

import io.tandem.engagement.DashboardReport;
import io.tandem.engagement.EngagementManagement;
import io.tandem.engagement.EngagementRules;
import io.tandem.engagement.Health;
import io.tandem.engagement.KnowledgeFlow;
import io.tandem.engagement.PairHealth;
import io.tandem.engagement.ProgramReport;
import io.tandem.engagement.ProgramReports;
import io.tandem.engagement.Reason;
import io.tandem.engagement.ReportCsv;
import io.tandem.identity.TandemUser;
import io.tandem.mentorships.MentorshipId;
import io.tandem.programs.ProgramId;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramView;
import io.tandem.shared.InputError;
import io.tandem.shared.InvalidInputException;
import io.tandem.shared.PageQuery;
import io.tandem.shared.Paged;
import io.tandem.web.FormInput;
import io.tandem.web.PageForms;
import io.tandem.web.Pager;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The program manager's engagement pages: pairs by health with reasons and one-click nudges, the
 * rules, the dashboard with its CSV downloads, the knowledge-flow map and the printable report.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'PROGRAM_MANAGER')")
class EngagementPageController {

    static final int PAIRS_PAGE = 50;
    static final MediaType CSV =
            new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
    static final int PROGRAMS_PAGE = 25;

    /** The rules form; a missing number keeps the field's error instead of a 400. */
    record RulesForm(
            Integer meetingSlackPercent,
            Integer atRiskAfterDays,
            Integer inactiveAfterDays,
            Integer lowRating,
            Boolean checkIns,
            Boolean autoNudge,
            Integer nudgeIntervalDays,
            Boolean autoClose,
            Integer warnAfterDays,
            Integer closeAfterDays) {

        EngagementRules rules() {
            return new EngagementRules(
                    n(meetingSlackPercent),
                    n(atRiskAfterDays),
                    n(inactiveAfterDays),
                    n(lowRating),
                    Boolean.TRUE.equals(checkIns),
                    Boolean.TRUE.equals(autoNudge),
                    n(nudgeIntervalDays),
                    Boolean.TRUE.equals(autoClose),
                    n(warnAfterDays),
                    n(closeAfterDays));
        }

        private static int n(Integer value) {
            return value == null ? -1 : value;
        }

        /** The values as the form shows them again: empty where nothing usable was entered. */
        Map<String, Object> entered() {
            Map<String, Object> map = new java.util.LinkedHashMap<>();
            map.put("meetingSlackPercent", meetingSlackPercent);
            map.put("atRiskAfterDays", atRiskAfterDays);
            map.put("inactiveAfterDays", inactiveAfterDays);
            map.put("lowRating", lowRating);
            map.put("nudgeIntervalDays", nudgeIntervalDays);
            map.put("warnAfterDays", warnAfterDays);
            map.put("closeAfterDays", closeAfterDays);
            map.put("checkIns", Boolean.TRUE.equals(checkIns));
            map.put("autoNudge", Boolean.TRUE.equals(autoNudge));
            map.put("autoClose", Boolean.TRUE.equals(autoClose));
            return map;
        }
    }

    private final EngagementManagement engagement;
    private final ProgramReports reports;
    private final ProgramManagement programs;
    private final MessageSourceAccessor messages;
    private final PageForms forms;

    EngagementPageController(
            EngagementManagement engagement,
            ProgramReports reports,
            ProgramManagement programs,
            MessageSource messageSource,
            PageForms forms) {
        this.forms = forms;
        this.engagement = engagement;
        this.reports = reports;
        this.programs = programs;
        this.messages = new MessageSourceAccessor(messageSource);
    }

    @GetMapping("/programs/{id}/engagement")
    String pairs(
            TandemUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) Health health,
            @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request,
            Model model) {
        ProgramId program = new ProgramId(id);
        model.addAttribute("program", programs.get(user.organisationId(), program));
        Paged<PairHealth> pairs =
                engagement.pairs(
                        user.organisationId(),
                        program,
                        health,
                        PageQuery.of(Math.max(0, page), PAIRS_PAGE));
        model.addAttribute("pairs", pairs.items());
        model.addAttribute("pager", Pager.of(pairs, request, "page", "health-heading"));
        model.addAttribute("reasons", reasonTexts(pairs.items()));
        Map<String, Integer> counts = new java.util.HashMap<>();
        engagement
                .healthCounts(user.organisationId(), program)
                .forEach((h, n) -> counts.put(h.name(), n));
        model.addAttribute("counts", counts);
        model.addAttribute("total", counts.values().stream().mapToInt(Integer::intValue).sum());
        model.addAttribute("filter", health);
        model.addAttribute("healths", Health.values());
        model.addAttribute("template", engagement.nudgeTemplate(user.organisationId(), program));
        model.addAttribute("shared", engagement.sharedBlockers(user.organisationId(), program));
        if (!model.containsAttribute("rules")) {
            model.addAttribute("rules", map(engagement.rules(user.organisationId(), program)));
        }
        model.addAttribute("defaults", map(EngagementRules.DEFAULTS));
        return "engagement/pairs";
    }

    @PostMapping("/programs/{id}/engagement/pairs/{mentorship}/nudge")
    String nudge(
            TandemUser user,
            @PathVariable UUID id,
            @PathVariable UUID mentorship,
            @RequestParam(required = false) String text,
            @RequestParam(required = false) Health health,
            @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        var nudged =
                forms.attempt(
                        () ->
                                engagement.nudge(
                                        user.organisationId(),
                                        new ProgramId(id),
                                        new MentorshipId(mentorship),
                                        text));
        if (nudged.refused(response, model)) {
            // The same pair's nudge opens again with the text as typed and the reason beside it.
            model.addAttribute("nudged", new MentorshipId(mentorship));
            model.addAttribute("nudgeText", text);
            model.addAttribute("nudgeErrors", Map.of("text", nudged.said()));
            return pairs(user, id, health, page, request, model);
        }
        redirect.addFlashAttribute("notice", "engagement.nudge.sent");
        return "redirect:/programs/"
                + id
                + "/engagement?page="
                + Math.max(0, page)
                + (health == null ? "" : "&health=" + health);
    }

    @PostMapping("/programs/{id}/engagement/rules")
    String rules(
            TandemUser user,
            @PathVariable UUID id,
            @Valid RulesForm entered,
            BindingResult binding,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        RulesForm form = FormInput.asEntered(entered, binding, RulesForm.class);
        var changed =
                forms.attempt(
                        binding,
                        () ->
                                engagement.changeRules(
                                        user.organisationId(), new ProgramId(id), form.rules()));
        if (changed.refused(response, model)) {
            model.addAttribute("rules", form.entered());
            model.addAttribute("ruleErrors", changed.errors());
            return pairs(user, id, null, 0, request, model);
        }
        redirect.addFlashAttribute("notice", "engagement.rules.saved");
        return "redirect:/programs/" + id + "/engagement#rules";
    }

    /** The organisation-wide view for admins: every program's health and outcomes. */
    @GetMapping("/engagement")
    @PreAuthorize("hasRole('ADMIN')")
    String organisation(
            TandemUser user,
            @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request,
            Model model) {
        Paged<ProgramReports.ProgramLine> lines =
                reports.organisation(
                        user.organisationId(), PageQuery.of(Math.max(0, page), PROGRAMS_PAGE));
        model.addAttribute("lines", lines.items());
        model.addAttribute("pager", Pager.of(lines, request, "page", "main"));
        return "engagement/organisation";
    }

    @GetMapping("/programs/{id}/dashboard")
    String dashboard(TandemUser user, @PathVariable UUID id, Model model) {
        ProgramId program = new ProgramId(id);
        ProgramView view = programs.get(user.organisationId(), program);
        DashboardReport dashboard = reports.dashboard(user.organisationId(), program);
        model.addAttribute("program", view);
        model.addAttribute("report", dashboard.report());
        model.addAttribute("asOf", dashboard.asOf());
        model.addAttribute("print", false);
        return "engagement/dashboard";
    }

    /** The printable report: the same figures as tables only, laid out for paper. */
    @GetMapping("/programs/{id}/report")
    String printable(TandemUser user, @PathVariable UUID id, Model model) {
        dashboard(user, id, model);
        model.addAttribute("print", true);
        return "engagement/dashboard";
    }

    @GetMapping("/programs/{id}/dashboard.csv")
    ResponseEntity<String> dashboardCsv(
            TandemUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) String section) {
        if (section != null && !ProgramReports.SECTIONS.contains(section)) {
            throw InvalidInputException.unprocessable(
                    messages.getMessage("request.invalid"),
                    List.of(
                            InputError.field(
                                    "section", String.join(", ", ProgramReports.SECTIONS))));
        }
        ProgramReport report = reports.dashboard(user.organisationId(), new ProgramId(id)).report();
        reports.exported(
                user.organisationId(),
                new ProgramId(id),
                "dashboard.csv" + (section == null ? "" : "?section=" + section));
        return csv(
                "program-" + (section == null ? "report" : section),
                ProgramReports.REPORT_HEADER,
                ProgramReports.rows(report, section));
    }

    @GetMapping("/programs/{id}/exports/participants.csv")
    ResponseEntity<String> participants(TandemUser user, @PathVariable UUID id) {
        reports.exported(user.organisationId(), new ProgramId(id), "participants.csv");
        return csv(
                "participants",
                ProgramReports.PARTICIPANT_HEADER,
                reports.participants(user.organisationId(), new ProgramId(id)));
    }

    /** Streamed: the rows go to the response as they are read, not built up as a string first. */
    @GetMapping("/programs/{id}/exports/pairs.csv")
    void pairsCsv(TandemUser user, @PathVariable UUID id, HttpServletResponse response)
            throws java.io.IOException {
        // Looked up before anything is written, so a program the caller may not see is a 404.
        programs.get(user.organisationId(), new ProgramId(id));
        reports.exported(user.organisationId(), new ProgramId(id), "pairs.csv");
        response.setContentType(CSV.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"pairs.csv\"");
        reports.writePairs(user.organisationId(), new ProgramId(id), response.getWriter());
    }

    @GetMapping("/programs/{id}/exports/aggregates.csv")
    ResponseEntity<String> aggregates(TandemUser user, @PathVariable UUID id) {
        reports.exported(user.organisationId(), new ProgramId(id), "aggregates.csv");
        ProgramReport report = reports.dashboard(user.organisationId(), new ProgramId(id)).report();
        List<List<?>> rows = new java.util.ArrayList<>(ProgramReports.rows(report, "check-ins"));
        rows.addAll(ProgramReports.rows(report, "surveys"));
        return csv("aggregates", ProgramReports.REPORT_HEADER, rows);
    }

    @GetMapping("/programs/{id}/knowledge-flow")
    String flow(
            TandemUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "division") String dimension,
            @RequestParam(required = false) String mentor,
            @RequestParam(required = false) String mentee,
            @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request,
            Model model) {
        ProgramId program = new ProgramId(id);
        model.addAttribute("program", programs.get(user.organisationId(), program));
        if (!ProgramReports.DIMENSIONS.contains(dimension)) {
            dimension = "division";
        }
        KnowledgeFlow flow = reports.flow(user.organisationId(), program, dimension);
        model.addAttribute("flow", flow);
        model.addAttribute("dimensions", ProgramReports.DIMENSIONS);
        if (mentor != null && mentee != null) {
            model.addAttribute("cellMentor", mentor);
            model.addAttribute("cellMentee", mentee);
            Paged<KnowledgeFlow.FlowPair> cell =
                    Paged.slice(
                            reports.flowPairs(
                                    user.organisationId(), program, dimension, mentor, mentee),
                            PageQuery.of(Math.max(0, page), PAIRS_PAGE));
            model.addAttribute("cellPairs", cell.items());
            model.addAttribute("cellPager", Pager.of(cell, request, "page", "cell"));
        }
        return "engagement/flow";
    }

    private Map<MentorshipId, List<String>> reasonTexts(List<PairHealth> pairs) {
        Map<MentorshipId, List<String>> texts = new java.util.HashMap<>();
        for (PairHealth p : pairs) {
            texts.put(
                    p.mentorship(),
                    p.reasons().isEmpty()
                            ? List.of(messages.getMessage("engagement.reason.none"))
                            : p.reasons().stream().map(this::text).toList());
        }
        return texts;
    }

    private String text(Reason reason) {
        Object[] args =
                reason.args().stream()
                        .map(
                                a ->
                                        a instanceof String s && s.startsWith("engagement.")
                                                ? messages.getMessage(s)
                                                : a)
                        .toArray();
        return messages.getMessage(reason.code(), args);
    }

    private static Map<String, Object> map(EngagementRules r) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        map.put("meetingSlackPercent", r.meetingSlackPercent());
        map.put("atRiskAfterDays", r.atRiskAfterDays());
        map.put("inactiveAfterDays", r.inactiveAfterDays());
        map.put("lowRating", r.lowRating());
        map.put("nudgeIntervalDays", r.nudgeIntervalDays());
        map.put("warnAfterDays", r.warnAfterDays());
        map.put("closeAfterDays", r.closeAfterDays());
        map.put("checkIns", r.checkIns());
        map.put("autoNudge", r.autoNudge());
        map.put("autoClose", r.autoClose());
        return map;
    }

    private static ResponseEntity<String> csv(
            String name, List<String> header, List<List<?>> rows) {
        StringWriter out = new StringWriter();
        ReportCsv.write(out, header, rows);
        return ResponseEntity.status(HttpStatus.OK)
                .contentType(CSV)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + name + ".csv\"")
                .body(out.toString());
    }
}

package io.tandem.programs.web;

import io.tandem.identity.TandemUser;
import io.tandem.people.CurrentPerson;
import io.tandem.people.DirectoryQuery;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonSummary;
import io.tandem.people.WorkMode;
import io.tandem.programs.Criterion;
import io.tandem.programs.EnrolmentId;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.EnrolmentRole;
import io.tandem.programs.EnrolmentStatus;
import io.tandem.programs.EnrolmentView;
import io.tandem.programs.InvitationPreview;
import io.tandem.programs.MatchingMode;
import io.tandem.programs.MatchingRule;
import io.tandem.programs.MeetingCadence;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramFormat;
import io.tandem.programs.ProgramId;
import io.tandem.programs.ProgramInvitations;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramOverview;
import io.tandem.programs.ProgramStatus;
import io.tandem.programs.ProgramView;
import io.tandem.programs.RuleKind;
import io.tandem.programs.RulesManagement;
import io.tandem.shared.PageQuery;
import io.tandem.shared.Paged;
import io.tandem.web.ConflictReturnsTo;
import io.tandem.web.FormInput;
import io.tandem.web.PageForms;
import io.tandem.web.Pager;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** Program list, builder, overview, rules editor, invitations and approvals. */
@Controller
class ProgramPageController {

    record ProgramForm(
            @Size(max = 200) String name,
            @Size(max = 40) String template,
            @Size(max = 4000) String description,
            ProgramFormat format,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
            MeetingCadence meetingCadence,
            Integer relationshipMonths,
            MatchingMode matchingMode,
            Integer defaultCapacity,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate enrolmentOpensOn,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate enrolmentClosesOn,
            Boolean approvalRequired) {

        static ProgramForm blank(String template) {
            return new ProgramForm(
                    "",
                    template,
                    null,
                    null,
                    null,
                    null,
                    MeetingCadence.BIWEEKLY,
                    6,
                    MatchingMode.ADMIN,
                    2,
                    null,
                    null,
                    false);
        }

        ProgramDraft draft() {
            return new ProgramDraft(
                    name,
                    template,
                    description,
                    format,
                    startsOn,
                    endsOn,
                    meetingCadence,
                    relationshipMonths,
                    matchingMode,
                    defaultCapacity,
                    enrolmentOpensOn,
                    enrolmentClosesOn,
                    approvalRequired,
                    null,
                    null,
                    null);
        }
    }

    /** The rules editor posts parallel lists, one entry per row; unchecked rows are dropped. */
    record RulesForm(
            List<Criterion> criterion,
            List<RuleKind> kind,
            List<@Size(max = 40) String> hard,
            List<Integer> weight,
            List<Integer> parameter,
            List<@Size(max = 40) String> keep,
            Integer minimumScore) {

        List<MatchingRule> rules() {
            List<MatchingRule> rules = new ArrayList<>();
            int rows = criterion == null ? 0 : criterion.size();
            for (int i = 0; i < rows; i++) {
                String row = String.valueOf(i);
                if (criterion.get(i) == null
                        || at(kind, i) == null
                        || keep == null
                        || !keep.contains(row)) {
                    continue;
                }
                boolean isHard = hard != null && hard.contains(row);
                Integer w = at(weight, i);
                rules.add(
                        new MatchingRule(
                                criterion.get(i),
                                kind.get(i),
                                isHard,
                                isHard ? 0 : w == null ? 0 : w,
                                at(parameter, i)));
            }
            return rules;
        }

        private static <T> T at(List<T> list, int i) {
            return list == null || i >= list.size() ? null : list.get(i);
        }
    }

    record SegmentForm(
            EnrolmentRole role,
            @Size(max = 200) String division,
            @Size(max = 200) String function,
            @Size(max = 200) String location,
            Integer level,
            @Size(max = 20) String workMode,
            @Size(max = 100_000) String emails) {}

    static final int ENROLMENTS_PAGE = 50;

    private final EnrolmentRows enrolmentRows;
    private final OverviewHtml overviewHtml;
    private final InviteFields inviteFields;
    private final ProgramManagement programs;
    private final EnrolmentManagement enrolling;
    private final ProgramInvitations invitations;
    private final RulesManagement programRules;
    private final io.tandem.programs.ProgramAccess access;
    private final PeopleManagement people;
    private final org.springframework.context.support.MessageSourceAccessor messages;
    private final io.tandem.web.PageForms forms;

    ProgramPageController(
            ProgramManagement programs,
            EnrolmentManagement enrolling,
            ProgramInvitations invitations,
            RulesManagement programRules,
            PeopleManagement people,
            org.springframework.context.MessageSource messageSource,
            io.tandem.programs.ProgramAccess access,
            io.tandem.web.PageForms forms,
            EnrolmentRows enrolmentRows,
            OverviewHtml overviewHtml,
            InviteFields inviteFields) {
        this.enrolmentRows = enrolmentRows;
        this.overviewHtml = overviewHtml;
        this.inviteFields = inviteFields;
        this.access = access;
        this.forms = forms;
        this.programs = programs;
        this.enrolling = enrolling;
        this.invitations = invitations;
        this.programRules = programRules;
        this.people = people;
        this.messages =
                new org.springframework.context.support.MessageSourceAccessor(messageSource);
    }

    @GetMapping("/programs")
    String list(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request,
            Model model) {
        Paged<ProgramView> listed = access.list(user, PageQuery.of(Math.max(0, page), 25));
        model.addAttribute("programs", listed);
        model.addAttribute("pager", Pager.of(listed, request, "page", "program-list"));
        profile.ifPresent(
                me ->
                        model.addAttribute(
                                "mine", enrolling.enrolmentsOf(user.organisationId(), me.id())));
        model.addAttribute("today", programs.today());
        return "programs/list";
    }

    @GetMapping("/programs/new")
    @PreAuthorize("hasAnyRole('ADMIN', 'PROGRAM_MANAGER')")
    String builder(@RequestParam(defaultValue = "FIELD_HOME_OFFICE") String template, Model model) {
        return builder(ProgramForm.blank(template), Map.of(), model);
    }

    private String builder(ProgramForm form, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("templates", programs.templates());
        model.addAttribute(
                "statements",
                statements(
                        programs.templates().stream().flatMap(t -> t.rules().stream()).toList()));
        model.addAttribute("formats", ProgramFormat.values());
        model.addAttribute("cadences", MeetingCadence.values());
        model.addAttribute("modes", MatchingMode.values());
        return "programs/builder";
    }

    @PostMapping("/programs/new")
    @PreAuthorize("hasAnyRole('ADMIN', 'PROGRAM_MANAGER')")
    String create(
            TandemUser user,
            @jakarta.validation.Valid ProgramForm entered,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect,
            jakarta.servlet.http.HttpServletResponse response) {
        ProgramForm form = FormInput.asEntered(entered, binding, ProgramForm.class);
        var created =
                forms.attempt(binding, () -> programs.create(user.organisationId(), form.draft()));
        if (created.refused(response, model)) {
            return builder(form, created.errors(), model);
        }
        access.created(user, created.value().id());
        redirect.addFlashAttribute("notice", "program.created");
        return "redirect:/programs/" + created.value().id();
    }

    @GetMapping("/programs/{id}")
    String overview(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            @RequestParam(required = false) EnrolmentStatus status,
            @RequestParam(required = false) EnrolmentRole role,
            @RequestParam(defaultValue = "0") int page,
            jakarta.servlet.http.HttpServletRequest request,
            Model model) {
        return overviewPage(
                user,
                profile,
                id,
                status,
                role,
                page,
                UriComponentsBuilder.fromPath(request.getRequestURI())
                        .query(request.getQueryString()),
                model);
    }

    /**
     * The program's page; {@code address} is where its pager's links lead (the page's own address,
     * also when it answers a refused form).
     */
    private String overviewPage(
            TandemUser user,
            Optional<PersonSummary> profile,
            UUID id,
            EnrolmentStatus status,
            EnrolmentRole role,
            int page,
            UriComponentsBuilder address,
            Model model) {
        ProgramId program = new ProgramId(id);
        access.visible(user, program);
        var overview = programs.overview(user.organisationId(), program);
        boolean manages = access.manages(user, program);
        model.addAttribute("manages", manages);
        if (user.isAdmin()) {
            model.addAttribute("managers", access.managers(user.organisationId(), program));
            model.addAttribute("managerField", managerField(model));
        }
        if (overview.program().status() == ProgramStatus.DRAFT && !manages) {
            throw new io.tandem.shared.NotFound("program.not-found");
        }
        model.addAttribute("overview", overview);
        model.addAttribute("program", overview.program());
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        model.addAttribute("facts", overviewHtml.facts(overview.program(), locale));
        var today = programs.today();
        model.addAttribute("today", today);
        List<EnrolmentView> mine =
                profile.map(
                                me ->
                                        enrolling
                                                .enrolmentsOf(user.organisationId(), me.id())
                                                .stream()
                                                .filter(
                                                        e ->
                                                                e.programId().equals(program)
                                                                        && e.status().open())
                                                .toList())
                        .orElse(null);
        if (mine != null) {
            model.addAttribute("mine", mine);
        }
        HttpServletRequest request = currentRequest();
        model.addAttribute(
                "programTop",
                overviewHtml.top(
                        overview.program(),
                        overview.program().enrolmentOpen(today) && (mine == null || mine.isEmpty()),
                        manages,
                        request.getContextPath(),
                        (CsrfToken) request.getAttribute(CsrfToken.class.getName()),
                        locale));
        model.addAttribute(
                "programRules",
                overviewHtml.rules(
                        overview.program(),
                        statements(overview.program().rules()),
                        manages,
                        request.getContextPath(),
                        locale));
        if (manages) {
            enrolmentsList(user, overview, new EnrolmentFilter(status, role, page), address, model);
        }
        return "programs/overview";
    }

    /** The field naming a new manager, as entered and refused when the form came back. */
    @SuppressWarnings("unchecked")
    private String managerField(Model model) {
        return io.tandem.web.FieldHtml.input(
                (Map<String, String>) model.getAttribute("managerErrors"),
                "manager-email",
                "email",
                messages.getMessage("program.managers.email"),
                "email",
                model.getAttribute("managerEmail"),
                320,
                true,
                null);
    }

    /** The enrolment list a manager filters and pages: by status, by role, page number. */
    private record EnrolmentFilter(EnrolmentStatus status, EnrolmentRole role, int page) {}

    /** What only a manager sees on the program's page: its enrolments, paged, and the forms. */
    private void enrolmentsList(
            TandemUser user,
            ProgramOverview overview,
            EnrolmentFilter filter,
            UriComponentsBuilder address,
            Model model) {
        ProgramId program = overview.program().id();
        var enrolments = enrolmentPage(user, program, filter, Math.max(0, filter.page()));
        if (enrolments.items().isEmpty() && enrolments.total() > 0) {
            // A page past the end (rows decided away since) shows the last one instead.
            enrolments = enrolmentPage(user, program, filter, enrolments.totalPages() - 1);
        }
        model.addAttribute("enrolments", enrolments);
        EnrolmentRows.Table table = rowTable(program);
        model.addAttribute("enrolmentRows", enrolmentRows.html(enrolments.items(), table));
        model.addAttribute("figures", overviewHtml.figures(overview, table.locale()));
        model.addAttribute(
                "enrolmentFilters",
                overviewHtml.filters(
                        program,
                        filter.status(),
                        filter.role(),
                        table.contextPath(),
                        table.locale()));
        model.addAttribute("enrolmentHead", overviewHtml.head(table.locale()));
        model.addAttribute(
                "managerLinks",
                overviewHtml.managerLinks(program, table.contextPath(), table.locale()));
        model.addAttribute("enrolmentPager", Pager.of(enrolments, address, "page", "enrolments"));
        model.addAttribute("statusFilter", filter.status());
        model.addAttribute("roleFilter", filter.role());
        model.addAttribute("statuses", EnrolmentStatus.values());
        model.addAttribute("pendingMatching", pendingMatching(user, overview, filter));
        var values = people.values(user.organisationId());
        model.addAttribute("values", values);
        model.addAttribute("workModes", WorkMode.values());
        model.addAttribute("roles", EnrolmentRole.values());
        if (!model.containsAttribute("inviteErrors") && !model.containsAttribute("invite")) {
            model.addAttribute(
                    "inviteFields",
                    inviteFields.html(
                            values,
                            org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        }
    }

    /** What the enrolment rows share, from the request being answered (a page or a form's). */
    private static EnrolmentRows.Table rowTable(ProgramId program) {
        HttpServletRequest request = currentRequest();
        return EnrolmentRows.Table.of(
                program,
                request.getContextPath(),
                org.springframework.context.i18n.LocaleContextHolder.getLocale(),
                (org.springframework.security.web.csrf.CsrfToken)
                        request.getAttribute(
                                org.springframework.security.web.csrf.CsrfToken.class.getName()));
    }

    private static HttpServletRequest currentRequest() {
        return ((org.springframework.web.context.request.ServletRequestAttributes)
                        org.springframework.web.context.request.RequestContextHolder
                                .currentRequestAttributes())
                .getRequest();
    }

    private Paged<EnrolmentView> enrolmentPage(
            TandemUser user, ProgramId program, EnrolmentFilter filter, int page) {
        return enrolling.enrolments(
                user.organisationId(),
                program,
                filter.status(),
                filter.role(),
                PageQuery.of(page, ENROLMENTS_PAGE));
    }

    /**
     * The pending enrolments the filter shows; every pending one is already counted in the
     * overview, so only a role needs asking.
     */
    private long pendingMatching(
            TandemUser user, ProgramOverview overview, EnrolmentFilter filter) {
        if (filter.status() != null && filter.status() != EnrolmentStatus.PENDING) {
            return 0L;
        }
        if (filter.role() == null) {
            return overview.pending();
        }
        return enrolling
                .enrolments(
                        user.organisationId(),
                        overview.program().id(),
                        EnrolmentStatus.PENDING,
                        filter.role(),
                        PageQuery.of(0, 1))
                .total();
    }

    record ManagerForm(@Size(max = 320) String email) {}

    /**
     * An admin makes a person (by e-mail) a manager of the program; an address nobody in the
     * organisation has is refused beside the field, as typed.
     */
    @PostMapping("/programs/{id}/managers")
    @PreAuthorize("hasRole('ADMIN')")
    String assignManager(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            @jakarta.validation.Valid ManagerForm entered,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect,
            jakarta.servlet.http.HttpServletResponse response) {
        ManagerForm form = FormInput.asEntered(entered, binding, ManagerForm.class);
        var outcome =
                forms.attempt(
                        binding,
                        () ->
                                access.assign(
                                        user.organisationId(), new ProgramId(id), form.email()));
        if (outcome.refused(response, model)) {
            model.addAttribute("managerErrors", outcome.errors());
            model.addAttribute("managerEmail", form.email());
            return overviewPage(user, profile, id, null, null, 0, programAddress(id), model);
        }
        redirect.addFlashAttribute("notice", "program.managers.assigned");
        return "redirect:/programs/" + id + "#managers";
    }

    @PostMapping("/programs/{id}/managers/{person}/remove")
    @PreAuthorize("hasRole('ADMIN')")
    String unassignManager(
            TandemUser user,
            @PathVariable UUID id,
            @PathVariable UUID person,
            RedirectAttributes redirect) {
        access.unassign(
                user.organisationId(), new ProgramId(id), new io.tandem.people.PersonId(person));
        redirect.addFlashAttribute("notice", "program.managers.unassigned");
        return "redirect:/programs/" + id + "#managers";
    }

    @PostMapping("/programs/{id}/status")
    @PreAuthorize("hasAnyRole('ADMIN', 'PROGRAM_MANAGER')")
    @ConflictReturnsTo("/programs/{id}")
    String move(
            TandemUser user,
            @PathVariable UUID id,
            @RequestParam ProgramStatus status,
            @RequestParam(defaultValue = "false") boolean confirmed,
            RedirectAttributes redirect) {
        if (status == ProgramStatus.CLOSED && !confirmed) {
            // Closing cannot be undone: ask first, on a page that counts what it ends.
            return "redirect:/programs/" + id + "/close";
        }
        programs.moveTo(user.organisationId(), new ProgramId(id), status);
        redirect.addFlashAttribute("notice", "program.moved");
        return "redirect:/programs/" + id;
    }

    @GetMapping("/programs/{id}/rules")
    @PreAuthorize("hasAnyRole('ADMIN', 'PROGRAM_MANAGER')")
    String rules(TandemUser user, @PathVariable UUID id, Model model) {
        ProgramView program = programs.get(user.organisationId(), new ProgramId(id));
        return rulesPage(program, program.rules(), Map.of(), model);
    }

    private String rulesPage(
            ProgramView program,
            List<MatchingRule> rules,
            Map<String, String> errors,
            Model model) {
        model.addAttribute("program", program);
        if (!model.containsAttribute("minimumScore")) {
            model.addAttribute("minimumScore", program.minimumScore());
        }
        List<MatchingRule> shown = MatchingRule.withSafeguards(rules);
        model.addAttribute("rules", shown);
        // The module names rules[i] of the rules it was given; each is shown in its row, at the
        // control its problem is about. What belongs to no row is listed at the top.
        Map<String, String> placed = new LinkedHashMap<>();
        List<String> unplaced = new ArrayList<>();
        errors.forEach((field, message) -> place(field, message, shown, rules, placed, unplaced));
        model.addAttribute("errors", placed);
        model.addAttribute("errorLines", unplaced);
        model.addAttribute("criteria", Criterion.values());
        model.addAttribute("kinds", RuleKind.values());
        return "programs/rules";
    }

    /** One refusal: at its row's control, beside the minimum score, or in the list at the top. */
    private void place(
            String field,
            String message,
            List<MatchingRule> shown,
            List<MatchingRule> rules,
            Map<String, String> placed,
            List<String> unplaced) {
        java.util.regex.Matcher rule = RULE_FIELD.matcher(field);
        int row = rule.matches() ? rowOf(shown, rules, Integer.parseInt(rule.group(1))) : -1;
        if (row >= 0) {
            placed.put("rule-" + row + "-" + column(shown.get(row)), message);
        } else if (field.equals("minimumScore")) {
            placed.put(field, message);
        } else {
            // A row's value that did not convert (weight[2]); people count from 1.
            java.util.regex.Matcher indexed = INDEXED_FIELD.matcher(field);
            unplaced.add(
                    indexed.matches()
                            ? messages.getMessage(
                                    "rules.row-error",
                                    new Object[] {Integer.parseInt(indexed.group(1)) + 1, message})
                            : message);
        }
    }

    private static final java.util.regex.Pattern RULE_FIELD =
            java.util.regex.Pattern.compile("rules\\[(\\d+)]");

    private static final java.util.regex.Pattern INDEXED_FIELD =
            java.util.regex.Pattern.compile("\\w+\\[(\\d+)].*");

    /** Where the i-th rule given to the module is shown, or -1 (a safeguard took its place). */
    private static int rowOf(List<MatchingRule> shown, List<MatchingRule> given, int i) {
        if (i >= given.size()) {
            return -1;
        }
        for (int row = 0; row < shown.size(); row++) {
            if (shown.get(row) == given.get(i)) {
                return row;
            }
        }
        return -1;
    }

    /** The control a rule's problem is about: its weight, its number, or its kind. */
    private static String column(MatchingRule rule) {
        String problem = rule.problem();
        if ("rule.invalid.weight".equals(problem)) {
            return "weight";
        }
        return "rule.invalid.parameter".equals(problem) ? "parameter" : "kind";
    }

    @PostMapping("/programs/{id}/rules")
    @PreAuthorize("hasAnyRole('ADMIN', 'PROGRAM_MANAGER')")
    @ConflictReturnsTo("/programs/{id}")
    String saveRules(
            TandemUser user,
            @PathVariable UUID id,
            @jakarta.validation.Valid RulesForm entered,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect,
            jakarta.servlet.http.HttpServletResponse response) {
        RulesForm form = FormInput.asEntered(entered, binding, RulesForm.class);
        List<MatchingRule> rules = form.rules();
        var changed =
                forms.attempt(
                        binding,
                        () ->
                                programRules.changeRules(
                                        user.organisationId(),
                                        new ProgramId(id),
                                        rules,
                                        form.minimumScore()));
        if (changed.refused() && changed.problem() == null) {
            response.setStatus(changed.status());
            model.addAttribute("minimumScore", form.minimumScore());
            return rulesPage(
                    programs.get(user.organisationId(), new ProgramId(id)),
                    rules,
                    changed.errors(),
                    model);
        }
        if (changed.refused()) {
            // A program whose rules can no longer change: back to it, saying why.
            redirect.addFlashAttribute("problem", changed.problem());
            return "redirect:/programs/" + id;
        }
        redirect.addFlashAttribute("notice", "program.rules.saved");
        return "redirect:/programs/" + id;
    }

    /**
     * Invites by e-mail list, uploaded file or segment. More than {@value
     * InvitationPreview#CONFIRM_ABOVE} new invitations first show who they would reach and wait for
     * a confirmation, which posts the same audience back with {@code confirmed=true}.
     */
    @PostMapping("/programs/{id}/invitations")
    @PreAuthorize("hasAnyRole('ADMIN', 'PROGRAM_MANAGER')")
    @ConflictReturnsTo("/programs/{id}#invite")
    String invite(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            @jakarta.validation.Valid SegmentForm entered,
            BindingResult binding,
            @RequestParam(value = "file", required = false)
                    org.springframework.web.multipart.MultipartFile file,
            @RequestParam(defaultValue = "false") boolean confirmed,
            Model model,
            RedirectAttributes redirect,
            jakarta.servlet.http.HttpServletResponse response)
            throws java.io.IOException {
        SegmentForm form = FormInput.asEntered(entered, binding, SegmentForm.class);
        Audience audience = Audience.of(form, file);
        var outcome =
                forms.attempt(
                        binding, () -> invitation(user, new ProgramId(id), audience, confirmed));
        if (outcome.refused(response, model)) {
            model.addAttribute(
                    "inviteErrors",
                    invitationErrors(outcome, audience.fromFile() ? "file" : "emails"));
            model.addAttribute("invite", form);
            return overviewPage(user, profile, id, null, null, 0, programAddress(id), model);
        }
        InvitationPreview preview = outcome.value().preview();
        if (preview != null) {
            model.addAttribute("program", programs.get(user.organisationId(), new ProgramId(id)));
            model.addAttribute("preview", preview);
            model.addAttribute("form", form);
            model.addAttribute("role", audience.role());
            model.addAttribute("emails", audience.emails());
            model.addAttribute("everyone", audience.everyone(form));
            return "programs/invite-preview";
        }
        redirect.addFlashAttribute("invited", outcome.value().invited());
        return "redirect:/programs/" + id + "#invite";
    }

    /**
     * Who an invitation is for: the addresses typed or uploaded (a file wins over the text), else
     * the directory segment the form describes.
     */
    private record Audience(
            EnrolmentRole role, boolean fromFile, String emails, DirectoryQuery segment) {

        static Audience of(SegmentForm form, org.springframework.web.multipart.MultipartFile file)
                throws java.io.IOException {
            boolean fromFile = file != null && !file.isEmpty();
            String emails =
                    fromFile
                            ? new String(file.getBytes(), java.nio.charset.StandardCharsets.UTF_8)
                                    .replace("\uFEFF", "")
                            : form.emails();
            DirectoryQuery segment =
                    DirectoryQuery.segment(
                            form.division(),
                            form.function(),
                            form.location(),
                            WorkMode.parse(form.workMode()).orElse(null),
                            form.level());
            return new Audience(
                    form.role() == null ? EnrolmentRole.MENTEE : form.role(),
                    fromFile,
                    emails == null || emails.isBlank() ? null : emails,
                    segment);
        }

        boolean byEmail() {
            return emails != null;
        }

        /** A segment with no criterion at all: everyone in the organisation. */
        boolean everyone(SegmentForm form) {
            return !byEmail()
                    && blank(form.division())
                    && blank(form.function())
                    && blank(form.location())
                    && blank(form.workMode())
                    && form.level() == null;
        }
    }

    /**
     * Invites the audience, or, when not yet confirmed and the audience is large, only previews who
     * it would reach.
     */
    private Invitation invitation(
            TandemUser user, ProgramId program, Audience audience, boolean confirmed) {
        List<String> addresses = audience.byEmail() ? emailsIn(audience.emails()) : null;
        if (!confirmed) {
            InvitationPreview preview =
                    invitations.previewInvitation(
                            user.organisationId(),
                            program,
                            audience.role(),
                            addresses,
                            audience.segment());
            if (preview.needsConfirmation()) {
                return new Invitation(0, preview);
            }
        }
        int invited =
                audience.byEmail()
                        ? invitations.inviteEmails(
                                user.organisationId(), program, addresses, audience.role())
                        : invitations.inviteSegment(
                                user.organisationId(),
                                program,
                                audience.segment(),
                                audience.role());
        return new Invitation(invited, null);
    }

    /** What an invitation came to: people invited, or who it would reach, to be confirmed. */
    private record Invitation(int invited, InvitationPreview preview) {}

    /** Lines of the list shown beside it; the rest are counted. */
    static final int LINES_SHOWN = 10;

    /**
     * The form's fields' refusals, and the address list's refused lines beside the list (the text
     * or the file it came from), each with its line number.
     */
    private Map<String, String> invitationErrors(PageForms.Outcome<?> refused, String list) {
        Map<String, String> errors = new LinkedHashMap<>(refused.errors());
        List<String> lines =
                refused.refusals().stream()
                        .filter(error -> error.row() != null)
                        .map(
                                error ->
                                        messages.getMessage(
                                                "invite.line-error",
                                                new Object[] {error.row(), error.message()}))
                        .toList();
        if (!lines.isEmpty()) {
            String shown = String.join(" ", lines.subList(0, Math.min(LINES_SHOWN, lines.size())));
            if (lines.size() > LINES_SHOWN) {
                shown +=
                        " "
                                + messages.getMessage(
                                        "invite.more-errors",
                                        new Object[] {lines.size() - LINES_SHOWN});
            }
            errors.putIfAbsent(list, shown);
        }
        return errors;
    }

    @PostMapping("/programs/{id}/enrolments/{enrolment}/decision")
    @PreAuthorize("hasAnyRole('ADMIN', 'PROGRAM_MANAGER')")
    @ConflictReturnsTo("/programs/{id}#enrolments")
    String decide(
            TandemUser user,
            @PathVariable UUID id,
            @PathVariable UUID enrolment,
            @RequestParam boolean approve,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        enrolling.decide(user.organisationId(), new EnrolmentId(enrolment), approve, note);
        redirect.addFlashAttribute("notice", approve ? "enrolment.approved" : "enrolment.declined");
        return "redirect:/programs/" + id + "#enrolments";
    }

    /**
     * Approves or declines many pending enrolments: the ticked ones, or with {@code scope=all}
     * every pending one matching the role filter. Back to the same filter, with a summary.
     */
    @PostMapping("/programs/{id}/enrolments/decisions")
    @PreAuthorize("hasAnyRole('ADMIN', 'PROGRAM_MANAGER')")
    String decideMany(
            TandemUser user,
            @PathVariable UUID id,
            @RequestParam boolean approve,
            @RequestParam(required = false) List<UUID> enrolment,
            @RequestParam(required = false) String scope,
            @RequestParam(required = false) EnrolmentStatus status,
            @RequestParam(required = false) EnrolmentRole role,
            @RequestParam(required = false) Integer page,
            RedirectAttributes redirect) {
        ProgramId program = new ProgramId(id);
        if ("all".equals(scope)) {
            redirect.addFlashAttribute(
                    "bulk",
                    enrolling.decidePending(user.organisationId(), program, role, approve, null));
        } else if (enrolment == null || enrolment.isEmpty()) {
            redirect.addFlashAttribute("notice", "bulk.none-selected");
        } else {
            redirect.addFlashAttribute(
                    "bulk",
                    enrolling.decide(
                            user.organisationId(),
                            program,
                            enrolment.stream().map(EnrolmentId::new).toList(),
                            approve,
                            null));
        }
        // Back to the same filter and page; an empty filter stays out of the address.
        if (status != null) {
            redirect.addAttribute("status", status);
        }
        if (role != null) {
            redirect.addAttribute("role", role);
        }
        if (page != null && page > 0) {
            redirect.addAttribute("page", page);
        }
        return "redirect:/programs/{id}#enrolments";
    }

    /** The program page's own address, for a refused form shown on it. */
    private static UriComponentsBuilder programAddress(UUID id) {
        return UriComponentsBuilder.fromPath("/programs/{id}").uriVariables(Map.of("id", id));
    }

    /**
     * One address a line; in a CSV export, the cell that holds an address. A first line without one
     * is a header and becomes blank, so later lines keep their numbers.
     */
    static List<String> emailsIn(String text) {
        List<String> lines = text.lines().toList();
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String cell =
                    Arrays.stream(line.split("[\\s,;\"]+"))
                            .filter(c -> c.contains("@"))
                            .findFirst()
                            .orElse(null);
            emails.add(cell != null ? cell : i == 0 ? "" : line.trim());
        }
        return emails;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private Map<MatchingRule, String> statements(List<MatchingRule> rules) {
        Map<MatchingRule, String> statements = new LinkedHashMap<>();
        rules.forEach(rule -> statements.putIfAbsent(rule, programRules.describe(rule)));
        return statements;
    }
}

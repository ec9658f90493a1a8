package io.tandem.mentorships.web;

import io.tandem.identity.TandemUser;
import io.tandem.mentorships.EndReason;
import io.tandem.mentorships.GoalStatus;
import io.tandem.mentorships.GoalView;
import io.tandem.mentorships.MentorshipId;
import io.tandem.mentorships.WorkspaceManagement;
import io.tandem.mentorships.WorkspaceManagement.AgreementDraft;
import io.tandem.mentorships.WorkspaceManagement.GoalDraft;
import io.tandem.mentorships.WorkspaceManagement.SurveyAnswer;
import io.tandem.mentorships.WorkspaceSection;
import io.tandem.mentorships.WorkspaceView;
import io.tandem.people.CurrentPerson;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.people.PersonSummary;
import io.tandem.programs.ProgramManagement;
import io.tandem.shared.NotFound;
import io.tandem.web.FormInput;
import io.tandem.web.PageForms;
import io.tandem.web.RowHtml;
import io.tandem.web.WrittenPages;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pair's workspace at {@code /mentorships/{id}} and its forms. Only the two people in the pair
 * get past {@link #me}: everyone else, program managers included, gets 404.
 */
@Controller
class WorkspacePageController {

    record AgreementForm(
            @Size(max = 10_000) String terms,
            @Size(max = 10_000) String expectations,
            @Size(max = 10_000) String meetings,
            @Size(max = 10_000) String confidentiality,
            @Size(max = 10_000) String duration,
            Integer version) {

        static AgreementForm of(WorkspaceView.Agreement a) {
            return new AgreementForm(
                    a.terms(),
                    a.expectations(),
                    a.meetings(),
                    a.confidentiality(),
                    a.duration(),
                    a.version());
        }

        AgreementDraft draft() {
            return new AgreementDraft(
                    terms, expectations, meetings, confidentiality, duration, version);
        }
    }

    record GoalForm(
            @Size(max = 10_000) String title,
            @Size(max = 10_000) String measure,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate targetOn,
            @Size(max = 200) String skill,
            GoalStatus status,
            Integer version) {

        static final GoalForm EMPTY = new GoalForm(null, null, null, null, null, null);

        GoalDraft draft() {
            return new GoalDraft(title, measure, targetOn, skill, status);
        }
    }

    record ProgressForm(Integer percent, @Size(max = 10_000) String comment, Integer version) {}

    record MilestoneForm(
            @Size(max = 10_000) String title,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn) {}

    record ActionForm(
            @Size(max = 10_000) String title,
            UUID assignee,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn) {

        static final ActionForm EMPTY = new ActionForm(null, null, null);
    }

    record NoteForm(@Size(max = 10_000) String body, Boolean shared) {

        static final NoteForm EMPTY = new NoteForm(null, true);
    }

    record SurveyForm(
            @Size(max = 10_000) String achieved,
            Integer partnershipRating,
            Integer partnerRating,
            Boolean again) {

        static final SurveyForm EMPTY = new SurveyForm(null, null, null, null);
    }

    /** The page's main element as it opens (as the template opens it), when written whole. */
    private static final String MAIN =
            "<main id=\"main\" class=\"container workspace\" tabindex=\"-1\">\n  ";

    private final WorkspaceManagement workspaces;
    private final PeopleManagement people;
    private final ProgramManagement programs;
    private final List<WorkspaceSection> sections;
    private final PageForms forms;
    private final MessageSourceAccessor messages;
    private final RowHtml.Words words;
    private final WrittenPages pages;

    WorkspacePageController(
            WorkspaceManagement workspaces,
            PeopleManagement people,
            ProgramManagement programs,
            List<WorkspaceSection> sections,
            PageForms forms,
            MessageSource messageSource,
            WrittenPages pages) {
        this.forms = forms;
        this.pages = pages;
        this.words = new RowHtml.Words(messageSource);
        this.messages = new MessageSourceAccessor(messageSource);
        this.workspaces = workspaces;
        this.people = people;
        this.programs = programs;
        this.sections = List.copyOf(sections);
    }

    // --- the workspace ---

    @GetMapping("/mentorships/{id}")
    ModelAndView workspace(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean all,
            Model model) {
        model.addAttribute("all", all);
        return page(user, profile, id, model, Map.of());
    }

    @PostMapping("/mentorships/{id}/goals")
    ModelAndView addGoal(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            @Valid GoalForm entered,
            BindingResult binding,
            Model model,
            HttpServletResponse response) {
        GoalForm form = FormInput.asEntered(entered, binding, GoalForm.class);
        model.addAttribute("goalForm", form);
        return act(
                user,
                profile,
                id,
                model,
                response,
                "#goals",
                binding,
                () ->
                        workspaces.addGoal(
                                user.organisationId(), mentorship(id), me(profile), form.draft()));
    }

    @PostMapping("/mentorships/{id}/goals/adopt")
    ModelAndView adopt(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            @RequestParam int suggestion,
            Model model,
            HttpServletResponse response) {
        return act(
                user,
                profile,
                id,
                model,
                response,
                "#goals",
                null,
                () ->
                        workspaces.adoptGoal(
                                user.organisationId(), mentorship(id), me(profile), suggestion));
    }

    @PostMapping("/mentorships/{id}/milestones/{milestone}/met")
    ModelAndView meet(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            @PathVariable UUID milestone,
            Model model,
            HttpServletResponse response) {
        return act(
                user,
                profile,
                id,
                model,
                response,
                "#goals",
                null,
                () -> {
                    workspaces.meetMilestone(
                            user.organisationId(), mentorship(id), me(profile), milestone);
                    return null;
                });
    }

    @PostMapping("/mentorships/{id}/actions")
    ModelAndView addAction(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            @Valid ActionForm entered,
            BindingResult binding,
            Model model,
            HttpServletResponse response) {
        ActionForm form = FormInput.asEntered(entered, binding, ActionForm.class);
        model.addAttribute("actionForm", form);
        return act(
                user,
                profile,
                id,
                model,
                response,
                "#actions",
                binding,
                () ->
                        workspaces.addActionItem(
                                user.organisationId(),
                                mentorship(id),
                                me(profile),
                                form.title(),
                                form.assignee() == null ? null : new PersonId(form.assignee()),
                                form.dueOn()));
    }

    @PostMapping("/mentorships/{id}/actions/{item}/done")
    ModelAndView done(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            @PathVariable UUID item,
            Model model,
            HttpServletResponse response) {
        return act(
                user,
                profile,
                id,
                model,
                response,
                "#actions",
                null,
                () -> {
                    workspaces.completeActionItem(
                            user.organisationId(), mentorship(id), me(profile), item);
                    return null;
                });
    }

    @PostMapping("/mentorships/{id}/notes")
    ModelAndView addNote(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            @Valid NoteForm entered,
            BindingResult binding,
            Model model,
            HttpServletResponse response) {
        NoteForm form = FormInput.asEntered(entered, binding, NoteForm.class);
        model.addAttribute("noteForm", form);
        return act(
                user,
                profile,
                id,
                model,
                response,
                "#notes",
                binding,
                () -> {
                    workspaces.addNote(
                            user.organisationId(),
                            mentorship(id),
                            me(profile),
                            form.body(),
                            Boolean.TRUE.equals(form.shared()));
                    return null;
                });
    }

    @PostMapping("/mentorships/{id}/extend")
    ModelAndView extend(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate until,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(
                user,
                profile,
                id,
                model,
                response,
                "",
                null,
                () -> {
                    boolean applied =
                            workspaces.extend(
                                    user.organisationId(), mentorship(id), me(profile), until);
                    redirect.addFlashAttribute(
                            "notice",
                            applied
                                    ? "workspace.extension.applied"
                                    : "workspace.extension.proposed");
                    return null;
                });
    }

    /**
     * Runs one user action; on bad input or a clash, shows the workspace again with the reason. A
     * form's binding (or null) goes with it: what did not convert or fit is refused together with
     * the module's own refusals.
     */
    private ModelAndView act(
            TandemUser user,
            Optional<PersonSummary> profile,
            UUID id,
            Model model,
            HttpServletResponse response,
            String anchor,
            BindingResult binding,
            Supplier<Object> action) {
        var outcome =
                binding != null
                        ? forms.attemptShowingClash(binding, action)
                        : forms.attemptShowingClash(action);
        if (outcome.refused(response, model)) {
            if (outcome.problem() == null) {
                model.addAttribute("failed", anchor);
            }
            return page(user, profile, id, model, outcome.errors());
        }
        return new ModelAndView("redirect:/mentorships/" + id + anchor);
    }

    private ModelAndView page(
            TandemUser user,
            Optional<PersonSummary> profile,
            UUID id,
            Model model,
            Map<String, String> errors) {
        PersonId me = me(profile);
        WorkspaceView view =
                workspaces.workspace(
                        user.organisationId(),
                        mentorship(id),
                        me,
                        Boolean.TRUE.equals(model.getAttribute("all")));
        model.addAttribute("w", view);
        // The page's own address, which its links and forms extend, and the application's (what
        // @{/…} would start with): no link expression, so no link building, in the page's
        // template and sections.
        String root = contextPath();
        model.addAttribute("root", root);
        model.addAttribute("here", root + "/mentorships/" + view.mentorship().id().value());
        var program = programs.get(user.organisationId(), view.mentorship().programId());
        model.addAttribute("program", program);
        addPair(user, view, model);
        String intro =
                intro(
                        root,
                        (String) model.getAttribute("heading"),
                        WorkspaceSummary.html(view, program.name(), messages),
                        program.description(),
                        view.sharesGoals());
        model.addAttribute("intro", intro);
        List<String> skills = workspaces.skills(user.organisationId(), mentorship(id), me);
        List<WorkspaceSection.Section> shown =
                sections.stream()
                        .flatMap(s -> s.section(user.organisationId(), view).stream())
                        .toList();
        addForms(model, errors, skills);
        addCards(view, program.suggestedGoals(), model);
        // Whether the template need look at its five rare alerts at all (most views show none).
        boolean alerts =
                model.getAttribute("notice") != null
                        || model.getAttribute("problem") != null
                        || !errors.isEmpty()
                        || view.plannedEndPassed()
                        || (view.active() && view.extension() != null);
        model.addAttribute("alerts", alerts);
        boolean written = shown.stream().allMatch(s -> s.html() != null);
        StringBuilder grid =
                new StringBuilder("<div class=\"workspace-grid\">\n")
                        .append((String) model.getAttribute("partnerCard"))
                        .append("\n<div class=\"stack\">\n")
                        .append((String) model.getAttribute("cards"));
        if (written) {
            // Every section written in Java: after the cards, no fragment to insert.
            shown.forEach(s -> grid.append('\n').append(s.html()));
        }
        String gridOpen = grid.toString();
        model.addAttribute("gridOpen", gridOpen);
        model.addAttribute("sections", written ? List.of() : shown);
        String gridClose = model.getAttribute("timelineCard") + "\n</div>\n</div>";
        model.addAttribute("gridClose", gridClose);
        if (written && !alerts) {
            // Nothing for the template to decide: the page is written whole, in the layout.
            return new ModelAndView(
                    pages.page(
                            (String) model.getAttribute("pageTitle"),
                            MAIN + intro + "\n  " + gridOpen + '\n' + gridClose + "\n</main>"));
        }
        return new ModelAndView("mentorships/workspace");
    }

    /**
     * What the page opens with: the way back, the heading, the summary (status, role, program,
     * dates), the program's purpose and whether goals are shared with the program's managers.
     */
    private String intro(
            String root, String heading, String summary, String purpose, boolean sharesGoals) {
        Locale locale = LocaleContextHolder.getLocale();
        StringBuilder out =
                new StringBuilder("<p class=\"muted\"><a href=\"")
                        .append(RowHtml.escape(root + "/mentorships"))
                        .append("\">")
                        .append(words.get("workspace.back", locale))
                        .append("</a></p>\n  <h1>")
                        .append(RowHtml.escape(heading))
                        .append("</h1>\n  ")
                        .append(summary);
        if (purpose != null && !purpose.isBlank()) {
            out.append("\n  <p class=\"muted\">").append(RowHtml.escape(purpose)).append("</p>");
        }
        return out.append("\n  <p class=\"hint\">")
                .append(
                        words.get(
                                sharesGoals ? "workspace.sharing.on" : "workspace.sharing.off",
                                locale))
                .append("</p>")
                .toString();
    }

    /** The two people, the partner's card, and the rows told with "you" and the partner's name. */
    private void addPair(TandemUser user, WorkspaceView view, Model model) {
        PersonId me = view.me();
        var pair =
                people.findAll(
                        user.organisationId(),
                        List.of(view.mentorship().mentorId(), view.mentorship().menteeId()));
        PersonSummary self = pair.get(me);
        PersonSummary partner = pair.get(view.partner());
        model.addAttribute("self", self);
        model.addAttribute("partner", partner);
        model.addAttribute(
                "pageTitle", messages.getMessage("workspace.title", new Object[] {partner.name()}));
        model.addAttribute(
                "heading", messages.getMessage("workspace.heading", new Object[] {partner.name()}));
        var hours = people.workingHours(user.organisationId(), List.of(me, partner.id()));
        PartnerCard card =
                PartnerCard.of(partner, self, view.today(), hours.get(partner.id()), hours.get(me));
        model.addAttribute(
                "partnerCard",
                card.html(
                        partner,
                        view,
                        contextPath() + "/mentorships/" + view.mentorship().id().value(),
                        contextPath(),
                        messages));
        Map<PersonId, String> names = Map.of(me, "you", view.partner(), partner.firstName());
        model.addAttribute("names", names);
        model.addAttribute("rows", WorkspaceRows.of(view, names, contextPath(), messages));
    }

    /** The workspace's own cards and its timeline, written in Java ({@link WorkspaceCards}). */
    @SuppressWarnings("unchecked")
    private void addCards(WorkspaceView view, List<String> suggestedGoals, Model model) {
        WorkspaceCards cards =
                new WorkspaceCards(
                        view,
                        (WorkspaceRows) model.getAttribute("rows"),
                        (WorkspaceFields) model.getAttribute("fields"),
                        (Map<PersonId, String>) model.getAttribute("names"),
                        (PersonSummary) model.getAttribute("partner"),
                        suggestedGoals,
                        !((Map<?, ?>) model.getAttribute("goalErrors")).isEmpty(),
                        (ActionForm) model.getAttribute("actionForm"),
                        (NoteForm) model.getAttribute("noteForm"),
                        (String) model.getAttribute("here"),
                        RowHtml.csrfField(csrfToken()),
                        messages);
        model.addAttribute("cards", cards.html());
        model.addAttribute("timelineCard", cards.timeline());
    }

    /**
     * The page's forms: as entered after a refused submit, else empty; errors by section; their
     * fields written in Java ({@link WorkspaceFields}).
     */
    private void addForms(Model model, Map<String, String> errors, List<String> skills) {
        Object failed = model.getAttribute("failed");
        Map<String, String> goalErrors = "#goals".equals(failed) ? errors : Map.of();
        Map<String, String> actionErrors = "#actions".equals(failed) ? errors : Map.of();
        Map<String, String> noteErrors = "#notes".equals(failed) ? errors : Map.of();
        model.addAttribute("errors", errors);
        model.addAttribute("goalErrors", goalErrors);
        model.addAttribute("reasons", EndReason.CHOSEN);
        model.addAttribute("statuses", GoalStatus.values());
        if (!model.containsAttribute("goalForm")) {
            model.addAttribute("goalForm", GoalForm.EMPTY);
        }
        if (!model.containsAttribute("actionForm")) {
            model.addAttribute("actionForm", ActionForm.EMPTY);
        }
        if (!model.containsAttribute("noteForm")) {
            model.addAttribute("noteForm", NoteForm.EMPTY);
        }
        model.addAttribute(
                "fields",
                WorkspaceFields.of(
                        errors,
                        goalErrors,
                        actionErrors,
                        noteErrors,
                        (GoalForm) model.getAttribute("goalForm"),
                        (ActionForm) model.getAttribute("actionForm"),
                        (NoteForm) model.getAttribute("noteForm"),
                        skills,
                        messages));
    }

    // --- the agreement ---

    @GetMapping("/mentorships/{id}/agreement")
    String agreement(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            Model model) {
        return agreementPage(user, profile, id, null, model, Map.of());
    }

    @PostMapping("/mentorships/{id}/agreement")
    String saveAgreement(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            @Valid AgreementForm entered,
            BindingResult binding,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        AgreementForm form = FormInput.asEntered(entered, binding, AgreementForm.class);
        var outcome =
                forms.attemptShowingClash(
                        binding,
                        () ->
                                workspaces.saveAgreement(
                                        user.organisationId(),
                                        mentorship(id),
                                        me(profile),
                                        form.draft()));
        if (outcome.refused(response, model)) {
            return agreementPage(user, profile, id, form, model, outcome.errors());
        }
        redirect.addFlashAttribute("notice", "workspace.agreement.saved");
        return "redirect:/mentorships/" + id + "#agreement";
    }

    @PostMapping("/mentorships/{id}/agreement/sign")
    ModelAndView sign(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            @RequestParam int version,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", "workspace.agreement.signed");
        return act(
                user,
                profile,
                id,
                model,
                response,
                "#agreement",
                null,
                () -> {
                    workspaces.sign(user.organisationId(), mentorship(id), me(profile), version);
                    return null;
                });
    }

    private String agreementPage(
            TandemUser user,
            Optional<PersonSummary> profile,
            UUID id,
            AgreementForm form,
            Model model,
            Map<String, String> errors) {
        WorkspaceView view =
                workspaces.workspace(user.organisationId(), mentorship(id), me(profile));
        String months =
                String.valueOf(
                        programs.get(user.organisationId(), view.mentorship().programId())
                                .relationshipMonths());
        model.addAttribute("w", view);
        model.addAttribute("form", form != null ? form : AgreementForm.of(view.agreement()));
        model.addAttribute("months", months);
        model.addAttribute("errors", errors);
        return "mentorships/agreement";
    }

    // --- one goal ---

    @GetMapping("/mentorships/{id}/goals/{goal}")
    String goal(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            @PathVariable UUID goal,
            Model model) {
        return goalPage(user, profile, id, goal, model, Map.of());
    }

    @PostMapping("/mentorships/{id}/goals/{goal}")
    String editGoal(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            @PathVariable UUID goal,
            @Valid GoalForm entered,
            BindingResult binding,
            Model model,
            HttpServletResponse response) {
        GoalForm form = FormInput.asEntered(entered, binding, GoalForm.class);
        model.addAttribute("goalForm", form);
        return goalAct(
                user,
                profile,
                id,
                goal,
                model,
                response,
                "goal",
                binding,
                () ->
                        workspaces.editGoal(
                                user.organisationId(),
                                mentorship(id),
                                me(profile),
                                goal,
                                form.draft(),
                                form.version() == null ? 0 : form.version()));
    }

    @PostMapping("/mentorships/{id}/goals/{goal}/progress")
    String progress(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            @PathVariable UUID goal,
            @Valid ProgressForm entered,
            BindingResult binding,
            Model model,
            HttpServletResponse response) {
        ProgressForm form = FormInput.asEntered(entered, binding, ProgressForm.class);
        model.addAttribute("progressForm", form);
        return goalAct(
                user,
                profile,
                id,
                goal,
                model,
                response,
                "progress",
                binding,
                () ->
                        workspaces.recordProgress(
                                user.organisationId(),
                                mentorship(id),
                                me(profile),
                                goal,
                                form.percent(),
                                form.comment(),
                                form.version() == null ? 0 : form.version()));
    }

    @PostMapping("/mentorships/{id}/goals/{goal}/milestones")
    String addMilestone(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            @PathVariable UUID goal,
            @Valid MilestoneForm entered,
            BindingResult binding,
            Model model,
            HttpServletResponse response) {
        MilestoneForm form = FormInput.asEntered(entered, binding, MilestoneForm.class);
        model.addAttribute("milestoneForm", form);
        return goalAct(
                user,
                profile,
                id,
                goal,
                model,
                response,
                "milestone",
                binding,
                () ->
                        workspaces.addMilestone(
                                user.organisationId(),
                                mentorship(id),
                                me(profile),
                                goal,
                                form.title(),
                                form.dueOn()));
    }

    @PostMapping("/mentorships/{id}/goals/{goal}/milestones/{milestone}/met")
    String meetOnGoal(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            @PathVariable UUID goal,
            @PathVariable UUID milestone,
            Model model,
            HttpServletResponse response) {
        return goalAct(
                user,
                profile,
                id,
                goal,
                model,
                response,
                "milestone",
                null,
                () ->
                        workspaces.meetMilestone(
                                user.organisationId(), mentorship(id), me(profile), milestone));
    }

    private String goalAct(
            TandemUser user,
            Optional<PersonSummary> profile,
            UUID id,
            UUID goal,
            Model model,
            HttpServletResponse response,
            String form,
            BindingResult binding,
            Runnable action) {
        var outcome =
                binding != null
                        ? forms.attemptShowingClash(binding, action)
                        : forms.attemptShowingClash(action);
        if (outcome.refused(response, model)) {
            if (outcome.problem() == null) {
                model.addAttribute("failed", form);
            }
            return goalPage(user, profile, id, goal, model, outcome.errors());
        }
        return "redirect:/mentorships/" + id + "/goals/" + goal;
    }

    private String goalPage(
            TandemUser user,
            Optional<PersonSummary> profile,
            UUID id,
            UUID goalId,
            Model model,
            Map<String, String> errors) {
        PersonId me = me(profile);
        GoalView view = workspaces.goal(user.organisationId(), mentorship(id), me, goalId);
        WorkspaceView.Goal goal = view.goal();
        PersonSummary partner = people.get(user.organisationId(), view.partner());
        model.addAttribute("w", view);
        model.addAttribute("goal", goal);
        model.addAttribute("updates", view.updates());
        model.addAttribute("names", Map.of(me, "you", view.partner(), partner.firstName()));
        model.addAttribute("skills", workspaces.skills(user.organisationId(), mentorship(id), me));
        model.addAttribute("statuses", GoalStatus.values());
        model.addAttribute("errors", errors);
        if (!model.containsAttribute("goalForm")) {
            model.addAttribute(
                    "goalForm",
                    new GoalForm(
                            goal.title(),
                            goal.measure(),
                            goal.targetOn(),
                            goal.skill(),
                            goal.status(),
                            goal.version()));
        }
        if (!model.containsAttribute("progressForm")) {
            model.addAttribute(
                    "progressForm", new ProgressForm(goal.progress(), null, goal.version()));
        }
        if (!model.containsAttribute("milestoneForm")) {
            model.addAttribute("milestoneForm", new MilestoneForm(null, null));
        }
        return "mentorships/goal";
    }

    // --- ending well ---

    @GetMapping("/mentorships/{id}/end")
    String endForm(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            Model model) {
        return endPage(user, profile, id, null, model, Map.of());
    }

    @PostMapping("/mentorships/{id}/end")
    String end(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            @RequestParam(required = false) EndReason reason,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        var outcome =
                forms.attemptShowingClash(
                        () ->
                                workspaces.end(
                                        user.organisationId(),
                                        mentorship(id),
                                        me(profile),
                                        reason));
        if (outcome.refused(response, model)) {
            return endPage(user, profile, id, reason, model, outcome.errors());
        }
        redirect.addFlashAttribute("notice", "workspace.ended.notice");
        return "redirect:/mentorships/" + id + "/survey";
    }

    private String endPage(
            TandemUser user,
            Optional<PersonSummary> profile,
            UUID id,
            EndReason reason,
            Model model,
            Map<String, String> errors) {
        model.addAttribute("reasons", EndReason.CHOSEN);
        model.addAttribute("reason", reason);
        return pairPage(user, profile, id, model, errors, "mentorships/end");
    }

    /** A page of the pair's own beside the workspace: the workspace, the partner, the refusals. */
    private String pairPage(
            TandemUser user,
            Optional<PersonSummary> profile,
            UUID id,
            Model model,
            Map<String, String> errors,
            String template) {
        WorkspaceView view =
                workspaces.workspace(user.organisationId(), mentorship(id), me(profile));
        model.addAttribute("w", view);
        model.addAttribute("partner", people.get(user.organisationId(), view.partner()));
        model.addAttribute("errors", errors);
        return template;
    }

    @GetMapping("/mentorships/{id}/survey")
    String surveyForm(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            Model model) {
        return surveyPage(user, profile, id, SurveyForm.EMPTY, model, Map.of());
    }

    @PostMapping("/mentorships/{id}/survey")
    String survey(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            @Valid SurveyForm entered,
            BindingResult binding,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        SurveyForm form = FormInput.asEntered(entered, binding, SurveyForm.class);
        SurveyAnswer answer =
                new SurveyAnswer(
                        form.achieved(),
                        form.partnershipRating(),
                        form.partnerRating(),
                        form.again());
        var outcome =
                forms.attemptShowingClash(
                        binding,
                        () ->
                                workspaces.answerSurvey(
                                        user.organisationId(),
                                        mentorship(id),
                                        me(profile),
                                        answer));
        if (outcome.refused(response, model)) {
            return surveyPage(user, profile, id, form, model, outcome.errors());
        }
        redirect.addFlashAttribute("notice", "workspace.survey.thanks");
        return "redirect:/mentorships/" + id;
    }

    private String surveyPage(
            TandemUser user,
            Optional<PersonSummary> profile,
            UUID id,
            SurveyForm form,
            Model model,
            Map<String, String> errors) {
        model.addAttribute("form", form);
        return pairPage(user, profile, id, model, errors, "mentorships/survey");
    }

    // --- helpers ---

    /** The signed-in person; someone without a profile is in no pair, so sees nothing. */
    private static PersonId me(Optional<PersonSummary> profile) {
        return profile.map(PersonSummary::id)
                .orElseThrow(() -> new NotFound("mentorship.not-found"));
    }

    private static MentorshipId mentorship(UUID id) {
        return new MentorshipId(id);
    }

    /** The request's CSRF token, for the forms the page writes in Java; null without one. */
    private static CsrfToken csrfToken() {
        return (CsrfToken)
                RequestContextHolder.currentRequestAttributes()
                        .getAttribute(CsrfToken.class.getName(), RequestAttributes.SCOPE_REQUEST);
    }

    /** What {@code @{/…}} links start with, for the links the page's rows build in Java. */
    private static String contextPath() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                .getRequest()
                .getContextPath();
    }
}

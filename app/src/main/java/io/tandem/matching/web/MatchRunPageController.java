package io.tandem.matching.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxResponseHeader;
import io.tandem.identity.TandemUser;
import io.tandem.matching.MatchRunId;
import io.tandem.matching.MatchRunView;
import io.tandem.matching.MatchRunView.Proposal;
import io.tandem.matching.MatchingManagement;
import io.tandem.matching.Overbooking;
import io.tandem.matching.engine.Algorithm;
import io.tandem.matching.engine.Objective;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.people.PersonSummary;
import io.tandem.programs.ProgramId;
import io.tandem.programs.ProgramManagement;
import io.tandem.shared.PageQuery;
import io.tandem.shared.Paged;
import io.tandem.web.ConflictReturnsTo;
import io.tandem.web.PageForms;
import io.tandem.web.Pager;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Start a match run, watch it, review and adjust its pairs, re-run, compare and publish. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'PROGRAM_MANAGER')")
class MatchRunPageController {

    static final int PAIRS_PAGE = 50;
    static final int UNMATCHED_PAGE = 50;
    static final int RUNS_PAGE = 25;

    private final MatchingManagement matching;
    private final ProgramManagement programs;
    private final PeopleManagement people;
    private final ReviewPairs reviewPairs;
    private final ReviewRows reviewRows;
    private final PairByHand byHand;

    private final io.tandem.programs.ProgramAccess access;

    private final MessageSourceAccessor messages;
    private final PageForms forms;

    MatchRunPageController(
            MatchingManagement matching,
            ProgramManagement programs,
            PeopleManagement people,
            io.tandem.programs.ProgramAccess access,
            ReviewPairs reviewPairs,
            ReviewRows reviewRows,
            PairByHand byHand,
            MessageSource messages,
            PageForms forms) {
        this.byHand = byHand;
        this.forms = forms;
        this.reviewRows = reviewRows;
        this.reviewPairs = reviewPairs;
        this.access = access;
        this.messages = new MessageSourceAccessor(messages);
        this.matching = matching;
        this.programs = programs;
        this.people = people;
    }

    @GetMapping("/programs/{id}/matching")
    String program(
            TandemUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "0") int page,
            jakarta.servlet.http.HttpServletRequest request,
            Model model) {
        ProgramId program = new ProgramId(id);
        var overview = programs.overview(user.organisationId(), program);
        model.addAttribute("program", overview.program());
        model.addAttribute("overview", overview);
        Paged<MatchRunView> runs =
                matching.runs(
                        user.organisationId(), program, PageQuery.of(Math.max(0, page), RUNS_PAGE));
        model.addAttribute("runs", runs.items());
        model.addAttribute("runPager", Pager.of(runs, request, "page", "runs-list-heading"));
        model.addAttribute("objectives", Objective.values());
        model.addAttribute("algorithms", Algorithm.values());
        return "matching/program";
    }

    @PostMapping("/programs/{id}/match-runs")
    String start(
            TandemUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) Objective objective,
            @RequestParam(required = false) Algorithm algorithm) {
        MatchRunView run =
                matching.start(user.organisationId(), new ProgramId(id), objective, algorithm);
        return "redirect:/match-runs/" + run.id();
    }

    @GetMapping("/match-runs/{id}")
    String run(
            TandemUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "score") String sort,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "0") int unmatched,
            @RequestParam(name = "runs", defaultValue = "0") int others,
            PairByHand.Search search,
            HtmxRequest htmx,
            jakarta.servlet.http.HttpServletRequest request,
            HttpServletResponse response,
            Locale locale,
            CsrfToken csrf,
            Model model) {
        MatchRunView run = matching.status(user.organisationId(), new MatchRunId(id));
        model.addAttribute("run", run);
        if (htmx.isHtmxRequest()) {
            // The progress fragment polls; once the run is over the whole page loads again.
            if (run.finished()) {
                response.setHeader(HtmxResponseHeader.HX_REFRESH.getValue(), "true");
            }
            return "matching/fragments/progress :: progress";
        }
        model.addAttribute("program", programs.get(user.organisationId(), run.programId()));
        if (run.finished() && run.stats() != null) {
            ReviewPairs.Review review = reviewPairs.of(user.organisationId(), run);
            var table =
                    ReviewRows.Table.of(
                            run.id(), run.published(), request.getContextPath(), locale, csrf);
            pairs(user, review, new PairFilter(q, sort, page), table, request, model);
            unmatched(user, run, review.unmatched(), unmatched, search, request, model);
            otherRuns(user, run, others, request, model);
        }
        return "matching/run";
    }

    /** How the review's pairs are filtered, ordered and paged. */
    private record PairFilter(String q, String sort, int page) {}

    /**
     * Thousands of pairs are sorted and filtered by name without their explanations or profiles (a
     * published run's kept, see ReviewPairs); only the page's 50 are read whole, and written as the
     * table's rows (ReviewRows).
     */
    private void pairs(
            TandemUser user,
            ReviewPairs.Review review,
            PairFilter filter,
            ReviewRows.Table table,
            jakarta.servlet.http.HttpServletRequest request,
            Model model) {
        Paged<ReviewPairs.Candidate> paged =
                Paged.slice(
                        review.pairs(filter.sort(), filter.q()),
                        PageQuery.of(Math.max(0, filter.page()), PAIRS_PAGE));
        List<ReviewRows.Row> rows = rows(user, table.run(), paged.items());
        model.addAttribute("rowCount", rows.size());
        model.addAttribute("pairRows", reviewRows.html(rows, table));
        model.addAttribute("pairCount", review.pairCount());
        model.addAttribute("names", review.names());
        model.addAttribute("pairPager", Pager.of(paged, request, "page", "pairs-heading"));
        model.addAttribute("q", filter.q());
        model.addAttribute("sort", filter.sort());
    }

    /** The program's runs beside this one, and whether this one, under review, overbooks. */
    private void otherRuns(
            TandemUser user,
            MatchRunView run,
            int page,
            jakarta.servlet.http.HttpServletRequest request,
            Model model) {
        Paged<MatchRunView> runs =
                matching.runs(
                        user.organisationId(),
                        run.programId(),
                        PageQuery.of(Math.max(0, page), RUNS_PAGE));
        model.addAttribute("runs", runs.items());
        model.addAttribute("runPager", Pager.of(runs, request, "runs", "runs-heading"));
        model.addAttribute(
                "overbooking",
                run.underReview()
                        ? matching.overbooking(user.organisationId(), run.id())
                        : Overbooking.NONE);
    }

    /** The page's proposals read whole (explanations) with both people. */
    private List<ReviewRows.Row> rows(
            TandemUser user, MatchRunId run, List<ReviewPairs.Candidate> page) {
        Map<PersonId, Proposal> proposals = new HashMap<>();
        matching.proposals(
                        user.organisationId(),
                        run,
                        page.stream().map(c -> c.pair().mentee()).toList())
                .forEach(p -> proposals.put(p.menteeId(), p));
        Set<PersonId> shown = new HashSet<>();
        page.forEach(
                c -> {
                    shown.add(c.pair().mentee());
                    shown.add(c.pair().mentor());
                });
        Map<PersonId, PersonSummary> found = people.findAll(user.organisationId(), shown);
        return page.stream()
                .map(c -> proposals.get(c.pair().mentee()))
                .filter(java.util.Objects::nonNull)
                .map(p -> new ReviewRows.Row(p, found.get(p.menteeId()), found.get(p.mentorId())))
                .toList();
    }

    /**
     * The mentees left without a mentor, paged too (a run of thousands can leave hundreds), and a
     * page of the people the form that pairs one by hand offers (only while it is shown).
     */
    private void unmatched(
            TandemUser user,
            MatchRunView run,
            List<MatchRunView.Unmatched> left,
            int page,
            PairByHand.Search search,
            jakarta.servlet.http.HttpServletRequest request,
            Model model) {
        Paged<MatchRunView.Unmatched> without =
                Paged.slice(left, PageQuery.of(Math.max(0, page), UNMATCHED_PAGE));
        model.addAttribute("unmatchedAll", left);
        model.addAttribute("unmatchedRows", without.items());
        model.addAttribute(
                "unmatchedPager", Pager.of(without, request, "unmatched", "unmatched-heading"));
        if (!run.published() && !left.isEmpty()) {
            model.addAttribute("byHand", byHand.of(user.organisationId(), run, left, search));
        }
    }

    @PostMapping("/match-runs/{id}/locks")
    @ConflictReturnsTo("/match-runs/{id}")
    String lock(
            TandemUser user,
            @PathVariable UUID id,
            @RequestParam UUID mentee,
            @RequestParam boolean locked,
            RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                () ->
                        matching.lock(
                                user.organisationId(),
                                new MatchRunId(id),
                                new PersonId(mentee),
                                locked),
                locked ? "match.locked" : "match.unlocked");
    }

    @PostMapping("/match-runs/{id}/removals")
    @ConflictReturnsTo("/match-runs/{id}")
    String remove(
            TandemUser user,
            @PathVariable UUID id,
            @RequestParam UUID mentee,
            RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                () ->
                        matching.remove(
                                user.organisationId(), new MatchRunId(id), new PersonId(mentee)),
                "match.removed");
    }

    @PostMapping("/match-runs/{id}/assignments")
    @ConflictReturnsTo("/match-runs/{id}")
    String assign(
            TandemUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) String mentee,
            @RequestParam(required = false) String mentor,
            PairByHand.Search search,
            RedirectAttributes redirect) {
        // Another organisation's run is not found, whatever the form says.
        matching.status(user.organisationId(), new MatchRunId(id));
        // Back to the form as it was searched, its refusals beside the field they concern.
        String back = "redirect:/match-runs/" + id + search.query() + "#pair-by-hand";
        PersonId chosenMentee = PairByHand.chosen(mentee);
        PersonId chosenMentor = PairByHand.chosen(mentor);
        Map<String, String> missing = new java.util.LinkedHashMap<>();
        if (chosenMentee == null) {
            missing.put("mentee", messages.getMessage("match.assign.choose-mentee"));
        }
        if (chosenMentor == null) {
            missing.put("mentor", messages.getMessage("match.assign.choose-mentor"));
        }
        if (!missing.isEmpty()) {
            redirect.addFlashAttribute("problem", messages.getMessage("match.assign.choose"));
            redirect.addFlashAttribute("assignErrors", missing);
            return back;
        }
        var outcome =
                forms.attempt(
                        () ->
                                matching.assign(
                                        user.organisationId(),
                                        new MatchRunId(id),
                                        chosenMentee,
                                        chosenMentor));
        if (!outcome.refused()) {
            redirect.addFlashAttribute("notice", "match.assigned");
            return "redirect:/match-runs/" + id;
        }
        redirect.addFlashAttribute("problem", outcome.heading());
        redirect.addFlashAttribute("reasons", outcome.reasons());
        redirect.addFlashAttribute("assignErrors", PairByHand.byField(outcome.errors()));
        return back;
    }

    @PostMapping("/match-runs/{id}/rerun")
    @ConflictReturnsTo("/match-runs/{id}")
    String rerun(TandemUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        return "redirect:/match-runs/"
                + matching.rerun(user.organisationId(), new MatchRunId(id)).id();
    }

    @PostMapping("/match-runs/{id}/cancel")
    String cancel(TandemUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        if (matching.cancel(user.organisationId(), new MatchRunId(id))) {
            redirect.addFlashAttribute("notice", "match.cancel.done");
        }
        return "redirect:/match-runs/" + id;
    }

    @PostMapping("/match-runs/{id}/publish")
    @ConflictReturnsTo("/match-runs/{id}")
    String publish(
            TandemUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean confirmed,
            RedirectAttributes redirect) {
        matching.status(user.organisationId(), new MatchRunId(id));
        if (!confirmed) {
            return "redirect:/match-runs/" + id + "/publish";
        }
        return act(
                id,
                redirect,
                () -> matching.publish(user.organisationId(), new MatchRunId(id)),
                "match.published");
    }

    @GetMapping("/match-runs/compare")
    String compare(TandemUser user, @RequestParam UUID a, @RequestParam UUID b, Model model) {
        MatchRunView left = matching.status(user.organisationId(), new MatchRunId(a));
        MatchRunView right = matching.status(user.organisationId(), new MatchRunId(b));
        // The runs are named in the query, where the program scope of the path cannot see them.
        access.requireManagerScope(user, left.programId());
        access.requireManagerScope(user, right.programId());
        model.addAttribute("left", left);
        model.addAttribute("right", right);
        model.addAttribute("program", programs.get(user.organisationId(), left.programId()));
        return "matching/compare";
    }

    private String act(UUID id, RedirectAttributes redirect, Runnable action, String notice) {
        var outcome = forms.attempt(action);
        if (outcome.refused()) {
            redirect.addFlashAttribute("problem", outcome.heading());
            redirect.addFlashAttribute("reasons", outcome.reasons());
        } else {
            redirect.addFlashAttribute("notice", notice);
        }
        return "redirect:/match-runs/" + id;
    }
}

package io.tandem.programs;

import io.tandem.identity.OrganisationId;
import io.tandem.people.PeopleSpread;
import io.tandem.shared.Conflict;
import io.tandem.shared.InputError;
import io.tandem.shared.InvalidInputException;
import io.tandem.shared.NotFound;
import io.tandem.shared.PageQuery;
import io.tandem.shared.Paged;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The programs module's API for programs themselves: templates, creation, lookup and lifecycle.
 * Rules live in {@link RulesManagement}, enrolment in {@link EnrolmentManagement}, invitations in
 * {@link ProgramInvitations}.
 */
@Service
public class ProgramManagement {

    static final int MAX_CAPACITY = 20;

    private final Programs programs;
    private final ProgramLookup lookup;
    private final RulesManagement programRules;
    private final Enrolments enrolments;
    private final EnrolmentFigures figures;
    private final ProgramTemplates templates;
    private final ApplicationEventPublisher events;
    private final MessageSourceAccessor messages;
    private final Clock clock;

    ProgramManagement(
            Programs programs,
            ProgramLookup lookup,
            RulesManagement programRules,
            Enrolments enrolments,
            EnrolmentFigures figures,
            ProgramTemplates templates,
            ApplicationEventPublisher events,
            MessageSource messageSource,
            Clock clock) {
        this.programs = programs;
        this.lookup = lookup;
        this.programRules = programRules;
        this.enrolments = enrolments;
        this.figures = figures;
        this.templates = templates;
        this.events = events;
        this.messages = new MessageSourceAccessor(messageSource);
        this.clock = clock;
    }

    public List<ProgramTemplate> templates() {
        return templates.all();
    }

    public Optional<ProgramTemplate> template(String key) {
        return templates.find(key);
    }

    /**
     * Creates a program in DRAFT from its template, with the draft's changes.
     *
     * @throws InvalidInputException naming each field that is wrong
     */
    @Transactional
    public ProgramView create(OrganisationId organisation, ProgramDraft draft) {
        ProgramTemplate template = templates.find(draft.template()).orElse(null);
        List<MatchingRule> rules =
                draft.rules() != null
                        ? draft.rules()
                        : template == null ? List.of() : template.rules();
        List<InputError> errors = errors(draft, template, rules);
        if (!errors.isEmpty()) {
            throw InvalidInputException.unprocessable(
                    messages.getMessage("program.invalid"), errors);
        }
        ProgramView program = draftFrom(draft, template, MatchingRule.withSafeguards(rules));
        programs.insert(organisation, program);
        events.publishEvent(new ProgramChanged(organisation, program.id(), "CREATED", null));
        return program;
    }

    /** What is wrong with a new program's draft, field by field, in the form's order. */
    private List<InputError> errors(
            ProgramDraft draft, ProgramTemplate template, List<MatchingRule> rules) {
        List<InputError> errors = new ArrayList<>();
        if (template == null) {
            errors.add(
                    field(
                            "template",
                            "program.template.unknown",
                            String.join(
                                    ", ",
                                    templates.all().stream().map(ProgramTemplate::key).toList())));
        }
        String name = Answers.trim(draft.name());
        if (name == null || name.length() > 200) {
            errors.add(field("name", "program.name.invalid"));
        }
        int capacity = capacity(draft);
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            errors.add(field("defaultCapacity", "program.capacity.invalid", MAX_CAPACITY));
        }
        int months = months(draft);
        if (months < 1 || months > 36) {
            errors.add(field("relationshipMonths", "program.months.invalid"));
        }
        if (before(draft.endsOn(), draft.startsOn())) {
            errors.add(field("endsOn", "program.dates.order"));
        }
        if (before(draft.enrolmentClosesOn(), draft.enrolmentOpensOn())) {
            errors.add(field("enrolmentClosesOn", "program.dates.order"));
        }
        String description = Answers.trim(draft.description());
        if (description != null && description.length() > 4000) {
            errors.add(field("description", "program.too-long", 4000));
        }
        errors.addAll(programRules.ruleErrors(rules));
        int minimumScore = minimumScore(draft);
        if (minimumScore < 0 || minimumScore > 100) {
            errors.add(field("minimumScore", "program.minimum-score.invalid"));
        }
        return errors;
    }

    /** A new program in DRAFT: the draft's values, the template's where the draft has none. */
    private static ProgramView draftFrom(
            ProgramDraft draft, ProgramTemplate template, List<MatchingRule> rules) {
        String description = Answers.trim(draft.description());
        return new ProgramView(
                new ProgramId(UUID.randomUUID()),
                Answers.trim(draft.name()),
                description != null ? description : template.description(),
                template.key(),
                draft.format() != null ? draft.format() : template.format(),
                draft.startsOn(),
                draft.endsOn(),
                draft.meetingCadence() != null ? draft.meetingCadence() : MeetingCadence.BIWEEKLY,
                months(draft),
                draft.matchingMode() != null ? draft.matchingMode() : MatchingMode.ADMIN,
                capacity(draft),
                draft.enrolmentOpensOn(),
                draft.enrolmentClosesOn(),
                Boolean.TRUE.equals(draft.approvalRequired()),
                ProgramStatus.DRAFT,
                draft.agreementText() != null ? draft.agreementText() : template.agreement(),
                draft.suggestedGoals() != null ? draft.suggestedGoals() : template.goals(),
                rules,
                minimumScore(draft));
    }

    private static int capacity(ProgramDraft draft) {
        return draft.defaultCapacity() == null ? 2 : draft.defaultCapacity();
    }

    private static int months(ProgramDraft draft) {
        return draft.relationshipMonths() == null ? 6 : draft.relationshipMonths();
    }

    private static int minimumScore(ProgramDraft draft) {
        return draft.minimumScore() == null
                ? ProgramView.DEFAULT_MINIMUM_SCORE
                : draft.minimumScore();
    }

    /** Both dates given and the first before the second. */
    private static boolean before(LocalDate first, LocalDate second) {
        return first != null && second != null && first.isBefore(second);
    }

    public ProgramView get(OrganisationId organisation, ProgramId id) {
        return lookup.get(organisation, id);
    }

    /**
     * The program as someone may see it: a draft exists only for those who manage programs.
     *
     * @throws NotFound for a draft asked for by anyone else
     */
    public ProgramView visible(OrganisationId organisation, ProgramId id, boolean managesPrograms) {
        ProgramView program = get(organisation, id);
        if (program.status() == ProgramStatus.DRAFT && !managesPrograms) {
            throw new NotFound("program.not-found");
        }
        return program;
    }

    public Paged<ProgramView> list(
            OrganisationId organisation, boolean includeDrafts, PageQuery page) {
        return Paged.counted(
                programs.list(organisation, includeDrafts, page),
                page,
                () -> programs.count(organisation, includeDrafts));
    }

    /** Moves the program along its lifecycle, refusing a move its status does not allow. */
    @Transactional
    public ProgramView moveTo(OrganisationId organisation, ProgramId id, ProgramStatus next) {
        ProgramView program = get(organisation, id);
        Program moved = Program.of(program).moveTo(next);
        if (!programs.updateStatus(organisation, id, program.status(), moved.status())) {
            throw new Conflict("program.changed");
        }
        events.publishEvent(
                new ProgramChanged(organisation, id, "STATUS", program.status() + "->" + next));
        if (next == ProgramStatus.CLOSED) {
            events.publishEvent(new ProgramClosed(organisation, id));
        }
        return get(organisation, id);
    }

    /** Whether the program's pairs share their goals with program managers (off by default). */
    public boolean sharesGoals(OrganisationId organisation, ProgramId id) {
        return lookup.sharesGoals(organisation, id);
    }

    /** Switches "pairs share goals with program managers" on or off. */
    @Transactional
    public void shareGoals(OrganisationId organisation, ProgramId id, boolean share) {
        if (!programs.shareGoals(organisation, id, share)) {
            throw new NotFound("program.not-found");
        }
    }

    /**
     * The program's enrolment figures and its people's spread by division and location, kept until
     * an enrolment of the organisation (or, for the spread, a person) changes ({@link
     * EnrolmentFigures}): what the page shows, without reading thousands of enrolments and people.
     */
    public ProgramOverview overview(OrganisationId organisation, ProgramId programId) {
        ProgramView program = get(organisation, programId);
        int[] c = figures.counts(organisation).getOrDefault(programId, new int[5]);
        PeopleSpread spread = figures.spread(organisation, programId);
        return new ProgramOverview(
                program, c[0], c[1], c[2], c[3], c[4], spread.byDivision(), spread.byLocation());
    }

    /**
     * The enrolment counts of {@link #overview} for each of {@code programs} (without the spread by
     * division and location, left empty), for pages that list programs with their figures: counted
     * once for all of them, and kept until an enrolment changes.
     */
    @Transactional(readOnly = true)
    public Map<ProgramId, ProgramOverview> figures(
            OrganisationId organisation, List<ProgramView> programs) {
        Map<ProgramId, int[]> counts = figures.counts(organisation);
        Map<ProgramId, ProgramOverview> overviews = new java.util.LinkedHashMap<>();
        for (ProgramView program : programs) {
            int[] c = counts.getOrDefault(program.id(), new int[5]);
            overviews.put(
                    program.id(),
                    new ProgramOverview(program, c[0], c[1], c[2], c[3], c[4], Map.of(), Map.of()));
        }
        return overviews;
    }

    /**
     * How many mentees the program invited (every mentee enrolment, whatever its state) and how
     * many of them enrolled (enrolled themselves, or active): the first steps of a report's funnel.
     */
    @Transactional(readOnly = true)
    public int[] menteeFunnel(OrganisationId organisation, ProgramId program) {
        get(organisation, program);
        return enrolments.menteeFunnel(organisation, program);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private InputError field(String field, String code, Object... args) {
        return InputError.field(field, messages.getMessage(code, args));
    }
}

package io.tandem.programs;

import io.tandem.identity.OrganisationId;
import io.tandem.identity.TandemUser;
import io.tandem.people.DirectoryQuery;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.people.PersonSummary;
import io.tandem.web.ConflictException;
import io.tandem.web.InputError;
import io.tandem.web.InvalidInputException;
import io.tandem.web.NotFoundException;
import io.tandem.web.PageQuery;
import io.tandem.web.Paged;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The programs module's API: templates, programs, their rules and lifecycle, and enrolment. */
@Service
public class ProgramManagement {

    static final int MAX_CAPACITY = 20;

    /** The sizes of an enrolment's answers, as their columns hold them. */
    static final int MAX_ANSWER = 4000;

    static final int MAX_PLACE = 200;
    static final int MAX_AVAILABILITY = 1000;

    private final Programs programs;
    private final Enrolments enrolments;
    private final ProgramTemplates templates;
    private final PeopleManagement people;
    private final ApplicationEventPublisher events;
    private final MessageSourceAccessor messages;
    private final Clock clock;

    ProgramManagement(
            Programs programs,
            Enrolments enrolments,
            ProgramTemplates templates,
            PeopleManagement people,
            ApplicationEventPublisher events,
            MessageSource messageSource) {
        this.programs = programs;
        this.enrolments = enrolments;
        this.templates = templates;
        this.people = people;
        this.events = events;
        this.messages = new MessageSourceAccessor(messageSource);
        this.clock = Clock.systemUTC();
    }

    public List<ProgramTemplate> templates() {
        return templates.all();
    }

    public Optional<ProgramTemplate> template(String key) {
        return templates.find(key);
    }

    /** Plain-language statement of a rule, as the program page shows it. */
    public String describe(MatchingRule rule) {
        String condition =
                messages.getMessage(rule.statementCode(), new Object[] {rule.parameter()});
        return rule.hard()
                ? messages.getMessage("rule.hard", new Object[] {condition})
                : messages.getMessage("rule.soft", new Object[] {condition, rule.weight()});
    }

    /**
     * Creates a program in DRAFT from its template, with the draft's changes.
     *
     * @throws InvalidInputException naming each field that is wrong
     */
    @Transactional
    public ProgramView create(OrganisationId organisation, ProgramDraft draft) {
        List<InputError> errors = new ArrayList<>();
        ProgramTemplate template = templates.find(draft.template()).orElse(null);
        if (template == null) {
            errors.add(
                    field(
                            "template",
                            "program.template.unknown",
                            String.join(
                                    ", ",
                                    templates.all().stream().map(ProgramTemplate::key).toList())));
        }
        String name = trim(draft.name());
        if (name == null || name.length() > 200) {
            errors.add(field("name", "program.name.invalid"));
        }
        int capacity = draft.defaultCapacity() == null ? 2 : draft.defaultCapacity();
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            errors.add(field("defaultCapacity", "program.capacity.invalid", MAX_CAPACITY));
        }
        int months = draft.relationshipMonths() == null ? 6 : draft.relationshipMonths();
        if (months < 1 || months > 36) {
            errors.add(field("relationshipMonths", "program.months.invalid"));
        }
        if (draft.startsOn() != null
                && draft.endsOn() != null
                && draft.endsOn().isBefore(draft.startsOn())) {
            errors.add(field("endsOn", "program.dates.order"));
        }
        if (draft.enrolmentOpensOn() != null
                && draft.enrolmentClosesOn() != null
                && draft.enrolmentClosesOn().isBefore(draft.enrolmentOpensOn())) {
            errors.add(field("enrolmentClosesOn", "program.dates.order"));
        }
        String description = trim(draft.description());
        if (description != null && description.length() > 4000) {
            errors.add(field("description", "program.too-long", 4000));
        }
        List<MatchingRule> rules =
                draft.rules() != null
                        ? draft.rules()
                        : template == null ? List.of() : template.rules();
        errors.addAll(ruleErrors(rules));
        rules = MatchingRule.withSafeguards(rules);
        int minimumScore =
                draft.minimumScore() == null
                        ? ProgramView.DEFAULT_MINIMUM_SCORE
                        : draft.minimumScore();
        if (minimumScore < 0 || minimumScore > 100) {
            errors.add(field("minimumScore", "program.minimum-score.invalid"));
        }
        if (!errors.isEmpty()) {
            throw InvalidInputException.unprocessable(
                    messages.getMessage("program.invalid"), errors);
        }
        ProgramView program =
                new ProgramView(
                        new ProgramId(UUID.randomUUID()),
                        name,
                        description != null ? description : template.description(),
                        template.key(),
                        draft.format() != null ? draft.format() : template.format(),
                        draft.startsOn(),
                        draft.endsOn(),
                        draft.meetingCadence() != null
                                ? draft.meetingCadence()
                                : MeetingCadence.BIWEEKLY,
                        months,
                        draft.matchingMode() != null ? draft.matchingMode() : MatchingMode.ADMIN,
                        capacity,
                        draft.enrolmentOpensOn(),
                        draft.enrolmentClosesOn(),
                        Boolean.TRUE.equals(draft.approvalRequired()),
                        ProgramStatus.DRAFT,
                        draft.agreementText() != null
                                ? draft.agreementText()
                                : template.agreement(),
                        draft.suggestedGoals() != null ? draft.suggestedGoals() : template.goals(),
                        rules,
                        minimumScore);
        programs.insert(organisation, program);
        events.publishEvent(new ProgramChanged(organisation, program.id(), "CREATED", null));
        return program;
    }

    public ProgramView get(OrganisationId organisation, ProgramId id) {
        // A page asks for its program from several places (controller, sections, fragments).
        return io.tandem.web.RequestMemo.remember(
                        "program", organisation, id, () -> programs.find(organisation, id))
                .orElseThrow(() -> new NotFoundException(messages.getMessage("program.not-found")));
    }

    /**
     * The program as someone may see it: a draft exists only for those who manage programs.
     *
     * @throws NotFoundException for a draft asked for by anyone else
     */
    public ProgramView visible(OrganisationId organisation, ProgramId id, boolean managesPrograms) {
        ProgramView program = get(organisation, id);
        if (program.status() == ProgramStatus.DRAFT && !managesPrograms) {
            throw new NotFoundException(messages.getMessage("program.not-found"));
        }
        return program;
    }

    public Paged<ProgramView> list(
            OrganisationId organisation, boolean includeDrafts, PageQuery page) {
        return Paged.of(
                programs.list(organisation, includeDrafts, page),
                page,
                programs.count(organisation, includeDrafts));
    }

    /**
     * Sets the lowest score, as a percentage of the best score the rules can give, at which
     * matching proposes a pair.
     *
     * @throws InvalidInputException for a value outside 0–100
     * @throws ConflictException once the program is closed
     */
    @Transactional
    public ProgramView changeMinimumScore(
            OrganisationId organisation, ProgramId id, Integer minimumScore) {
        ProgramView program = get(organisation, id);
        if (minimumScore == null || minimumScore < 0 || minimumScore > 100) {
            throw InvalidInputException.unprocessable(
                    messages.getMessage("program.invalid"),
                    List.of(field("minimumScore", "program.minimum-score.invalid")));
        }
        if (program.status() == ProgramStatus.CLOSED) {
            throw new ConflictException(
                    messages.getMessage("program.rules.locked", new Object[] {program.status()}));
        }
        programs.updateMinimumScore(organisation, id, minimumScore);
        events.publishEvent(
                new ProgramChanged(
                        organisation, id, "MINIMUM_SCORE", String.valueOf(minimumScore)));
        return get(organisation, id);
    }

    /** Replaces the rules and the minimum score together, as the rules editor saves them. */
    @Transactional
    public ProgramView changeRules(
            OrganisationId organisation,
            ProgramId id,
            List<MatchingRule> rules,
            Integer minimumScore) {
        if (minimumScore != null) {
            changeMinimumScore(organisation, id, minimumScore);
        }
        return changeRules(organisation, id, rules);
    }

    /**
     * Replaces the program's rules; refused once matching has produced pairs. The safeguards every
     * program keeps (reporting line, a shared language) stay, whatever the new rules leave out.
     */
    @Transactional
    public ProgramView changeRules(
            OrganisationId organisation, ProgramId id, List<MatchingRule> rules) {
        ProgramView program = get(organisation, id);
        if (program.status() == ProgramStatus.ACTIVE || program.status() == ProgramStatus.CLOSED) {
            throw new ConflictException(
                    messages.getMessage("program.rules.locked", new Object[] {program.status()}));
        }
        List<InputError> errors = ruleErrors(rules);
        if (!errors.isEmpty()) {
            throw InvalidInputException.unprocessable(
                    messages.getMessage("program.invalid"), errors);
        }
        programs.replaceRules(id, MatchingRule.withSafeguards(rules));
        events.publishEvent(new ProgramChanged(organisation, id, "RULES", null));
        return get(organisation, id);
    }

    /** Moves the program along its lifecycle, refusing a move its status does not allow. */
    @Transactional
    public ProgramView moveTo(OrganisationId organisation, ProgramId id, ProgramStatus next) {
        ProgramView program = get(organisation, id);
        if (next == null || !program.status().canMoveTo(next)) {
            throw new ConflictException(
                    messages.getMessage(
                            "program.transition.refused", new Object[] {program.status(), next}));
        }
        if (!programs.updateStatus(organisation, id, program.status(), next)) {
            throw new ConflictException(messages.getMessage("program.changed"));
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
        return programs.sharesGoals(organisation, id);
    }

    /** Switches "pairs share goals with program managers" on or off. */
    @Transactional
    public void shareGoals(OrganisationId organisation, ProgramId id, boolean share) {
        if (!programs.shareGoals(organisation, id, share)) {
            throw new NotFoundException(messages.getMessage("program.not-found"));
        }
    }

    /**
     * Enrols a person, by themselves or on their behalf, answering an invitation if there is one.
     *
     * @throws NotFoundException for a person id that is not in the organisation
     * @throws InvalidInputException for an unknown e-mail, a missing role or a capacity below 1
     * @throws ConflictException for an inactive person, a second enrolment in the same role, or a
     *     closed program
     */
    @Transactional
    public EnrolmentView enrol(OrganisationId organisation, ProgramId programId, Enrol request) {
        ProgramView program = get(organisation, programId);
        List<InputError> errors = new ArrayList<>();
        if (request.role() == null) {
            errors.add(field("role", "enrolment.role.invalid"));
        }
        Integer capacity = request.capacity();
        if (capacity != null && (capacity < 1 || capacity > MAX_CAPACITY)) {
            errors.add(field("capacity", "program.capacity.invalid", MAX_CAPACITY));
        }
        String timeZone = trim(request.timeZone());
        if (timeZone != null && !PeopleManagement.isTimeZone(timeZone)) {
            errors.add(field("timeZone", "profile.time-zone.invalid"));
        }
        // The answers' columns: longer text would reach the database and fail there.
        refuseLonger(errors, "goals", trim(request.goals()), MAX_ANSWER);
        refuseLonger(
                errors,
                "skillsWanted",
                String.join(Enrolments.SEPARATOR, clean(request.skillsWanted())),
                MAX_ANSWER);
        refuseLonger(
                errors,
                "skillsOffered",
                String.join(Enrolments.SEPARATOR, clean(request.skillsOffered())),
                MAX_ANSWER);
        refuseLonger(errors, "aspiredDivision", trim(request.aspiredDivision()), MAX_PLACE);
        refuseLonger(errors, "aspiredLocation", trim(request.aspiredLocation()), MAX_PLACE);
        refuseLonger(errors, "preferences", trim(request.preferences()), MAX_ANSWER);
        refuseLonger(errors, "availability", trim(request.availability()), MAX_AVAILABILITY);
        PersonSummary person = null;
        if (request.personId() != null) {
            person =
                    people.find(organisation, request.personId())
                            .orElseThrow(
                                    () ->
                                            new NotFoundException(
                                                    messages.getMessage("people.not-found")));
        } else if (trim(request.email()) != null) {
            person = people.findByEmail(organisation, request.email()).orElse(null);
            if (person == null) {
                errors.add(field("email", "enrolment.email.unknown", request.email()));
            }
        } else {
            errors.add(field("personId", "enrolment.person.missing"));
        }
        if (!errors.isEmpty()) {
            throw InvalidInputException.unprocessable(
                    messages.getMessage("enrolment.invalid"), errors);
        }
        refuseUnlessEnrollable(program, person);
        EnrolmentStatus status =
                program.approvalRequired() ? EnrolmentStatus.PENDING : EnrolmentStatus.ACTIVE;
        Instant now = clock.instant();
        Enrolment answers =
                new Enrolment(
                        new EnrolmentId(UUID.randomUUID()),
                        program.id(),
                        person.id(),
                        request.role(),
                        status,
                        request.role() == EnrolmentRole.MENTOR
                                ? (capacity != null ? capacity : program.defaultCapacity())
                                : null,
                        trim(request.goals()),
                        clean(request.skillsWanted()),
                        clean(request.skillsOffered()),
                        trim(request.aspiredDivision()),
                        trim(request.aspiredLocation()),
                        trim(request.preferences()),
                        trim(request.availability()),
                        timeZone != null ? timeZone : person.timeZone(),
                        null,
                        now,
                        null,
                        null);
        Optional<Enrolment> existing =
                enrolments.find(organisation, program.id(), person.id(), request.role());
        if (existing.isPresent()) {
            Enrolment before = existing.get();
            if (before.status() != EnrolmentStatus.INVITED
                    && before.status() != EnrolmentStatus.WITHDRAWN) {
                throw new ConflictException(
                        messages.getMessage(
                                "enrolment.duplicate",
                                new Object[] {person.name(), request.role()}));
            }
            Enrolment answered = before.answered(answers, status);
            enrolments.update(organisation, answered);
            return answered.view(person);
        }
        enrolments.insert(organisation, answers);
        return answers.view(person);
    }

    /**
     * Invites people to enrol in a role; people already enrolled or invited in that role, and
     * inactive people, are skipped.
     *
     * @return how many were invited
     */
    @Transactional
    public int invite(
            OrganisationId organisation,
            ProgramId programId,
            Collection<PersonId> personIds,
            EnrolmentRole role) {
        ProgramView program = get(organisation, programId);
        if (!program.status().acceptsEnrolments()) {
            throw new ConflictException(
                    messages.getMessage("enrolment.closed", new Object[] {program.status()}));
        }
        if (role == null) {
            throw InvalidInputException.unprocessable(
                    messages.getMessage("enrolment.invalid"),
                    List.of(field("role", "enrolment.role.invalid")));
        }
        Map<PersonId, PersonSummary> found = people.findAll(organisation, personIds);
        int invited = 0;
        Instant now = clock.instant();
        for (PersonSummary person : found.values()) {
            if (!person.active()) {
                continue;
            }
            Optional<Enrolment> existing =
                    enrolments.find(organisation, programId, person.id(), role);
            if (existing.isPresent() && existing.get().status() != EnrolmentStatus.WITHDRAWN) {
                continue;
            }
            Enrolment invitation =
                    new Enrolment(
                            existing.map(Enrolment::id)
                                    .orElseGet(() -> new EnrolmentId(UUID.randomUUID())),
                            programId,
                            person.id(),
                            role,
                            EnrolmentStatus.INVITED,
                            role == EnrolmentRole.MENTOR ? program.defaultCapacity() : null,
                            null,
                            List.of(),
                            List.of(),
                            null,
                            null,
                            null,
                            null,
                            person.timeZone(),
                            now,
                            null,
                            null,
                            null);
            if (existing.isPresent()) {
                enrolments.update(organisation, invitation);
            } else {
                enrolments.insert(organisation, invitation);
            }
            events.publishEvent(
                    new EnrolmentInvited(
                            organisation, programId, invitation.id(), person.id(), role, now));
            invited++;
        }
        return invited;
    }

    /**
     * Invites by e-mail list, by person ids and by segment in one transaction: all or nothing.
     *
     * @return how many were invited
     */
    @Transactional
    public int inviteAll(
            OrganisationId organisation,
            ProgramId programId,
            EnrolmentRole role,
            List<String> emails,
            Collection<PersonId> personIds,
            DirectoryQuery segment) {
        int invited = 0;
        if (emails != null && !emails.isEmpty()) {
            invited += inviteEmails(organisation, programId, emails, role);
        }
        if (personIds != null && !personIds.isEmpty()) {
            invited += invite(organisation, programId, personIds, role);
        }
        if (segment != null) {
            invited += inviteSegment(organisation, programId, segment, role);
        }
        return invited;
    }

    /** Invites everyone active in a segment of the organisation. */
    @Transactional
    public int inviteSegment(
            OrganisationId organisation,
            ProgramId programId,
            DirectoryQuery segment,
            EnrolmentRole role) {
        return invite(organisation, programId, segmentIds(organisation, segment), role);
    }

    /**
     * Who an invitation by e-mail list (when {@code emails} holds any) or else by segment would
     * reach, without sending anything.
     *
     * @throws InvalidInputException naming each line whose address is unknown or inactive
     */
    public InvitationPreview previewInvitation(
            OrganisationId organisation,
            ProgramId programId,
            EnrolmentRole role,
            List<String> emails,
            DirectoryQuery segment) {
        get(organisation, programId);
        boolean byEmail =
                emails != null && emails.stream().anyMatch(e -> e != null && !e.isBlank());
        List<PersonId> ids =
                byEmail ? emailIds(organisation, emails) : segmentIds(organisation, segment);
        java.util.Set<PersonId> already =
                enrolments.all(organisation, programId).stream()
                        .filter(e -> e.role() == role && e.status() != EnrolmentStatus.WITHDRAWN)
                        .map(Enrolment::personId)
                        .collect(Collectors.toSet());
        List<PersonSummary> newcomers =
                people.findAll(organisation, ids).values().stream()
                        .filter(PersonSummary::active)
                        .filter(p -> !already.contains(p.id()))
                        .sorted(
                                java.util.Comparator.comparing(PersonSummary::lastName)
                                        .thenComparing(PersonSummary::firstName))
                        .toList();
        int alreadyIn = (int) ids.stream().distinct().filter(already::contains).count();
        return new InvitationPreview(
                newcomers.size(), alreadyIn, newcomers.stream().limit(10).toList());
    }

    private List<PersonId> segmentIds(OrganisationId organisation, DirectoryQuery segment) {
        List<PersonId> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            var batch =
                    people.search(organisation, segment, PageQuery.of(page, PageQuery.MAX_SIZE));
            batch.items().stream()
                    .filter(PersonSummary::active)
                    .map(PersonSummary::id)
                    .forEach(ids::add);
            if (!batch.hasNext()) {
                break;
            }
        }
        return ids;
    }

    /**
     * Invites the people a list of e-mail addresses names, all or none.
     *
     * @throws InvalidInputException naming each line whose address is unknown or inactive
     */
    @Transactional
    public int inviteEmails(
            OrganisationId organisation,
            ProgramId programId,
            List<String> emails,
            EnrolmentRole role) {
        return invite(organisation, programId, emailIds(organisation, emails), role);
    }

    private List<PersonId> emailIds(OrganisationId organisation, List<String> emails) {
        List<InputError> errors = new ArrayList<>();
        List<PersonId> ids = new ArrayList<>();
        for (int i = 0; i < emails.size(); i++) {
            String email = emails.get(i) == null ? "" : emails.get(i).trim();
            if (email.isEmpty() || email.equalsIgnoreCase("email")) {
                continue;
            }
            Optional<PersonSummary> person = people.findByEmail(organisation, email);
            if (person.isEmpty()) {
                errors.add(
                        InputError.cell(
                                i + 1,
                                "email",
                                messages.getMessage(
                                        "enrolment.email.unknown", new Object[] {email})));
            } else if (!person.get().active()) {
                errors.add(
                        InputError.cell(
                                i + 1,
                                "email",
                                messages.getMessage(
                                        "enrolment.inactive", new Object[] {person.get().name()})));
            } else {
                ids.add(person.get().id());
            }
        }
        if (!errors.isEmpty()) {
            throw InvalidInputException.unprocessable(
                    messages.getMessage("invite.refused"), errors);
        }
        return ids;
    }

    /** Approves or declines a pending enrolment. */
    @Transactional
    public EnrolmentView decide(
            OrganisationId organisation, EnrolmentId id, boolean approve, String note) {
        Enrolment enrolment = find(organisation, id);
        if (enrolment.status() != EnrolmentStatus.PENDING) {
            throw new ConflictException(
                    messages.getMessage(
                            "enrolment.not-pending", new Object[] {enrolment.status()}));
        }
        Enrolment decided = decide(organisation, enrolment, approve, note, clock.instant());
        return decided.view(people.find(organisation, decided.personId()).orElse(null));
    }

    /**
     * Approves or declines the chosen enrolments of a program in one transaction. Those no longer
     * pending (decided by someone else, or by the same press a moment ago) are counted and left
     * alone, so pressing twice changes nothing the second time.
     */
    @Transactional
    public BulkDecision decide(
            OrganisationId organisation,
            ProgramId programId,
            Collection<EnrolmentId> ids,
            boolean approve,
            String note) {
        get(organisation, programId);
        java.util.Set<EnrolmentId> chosen = new java.util.HashSet<>(ids);
        List<Enrolment> selected =
                enrolments.matching(organisation, programId, null, null).stream()
                        .filter(e -> chosen.contains(e.id()))
                        .toList();
        return decideEach(organisation, selected, approve, note);
    }

    /** Approves or declines every pending enrolment of the program in a role (or both roles). */
    @Transactional
    public BulkDecision decidePending(
            OrganisationId organisation,
            ProgramId programId,
            EnrolmentRole role,
            boolean approve,
            String note) {
        get(organisation, programId);
        return decideEach(
                organisation,
                enrolments.matching(organisation, programId, EnrolmentStatus.PENDING, role),
                approve,
                note);
    }

    private BulkDecision decideEach(
            OrganisationId organisation, List<Enrolment> selected, boolean approve, String note) {
        Instant now = clock.instant();
        int decided = 0;
        for (Enrolment enrolment : selected) {
            if (enrolment.status() == EnrolmentStatus.PENDING) {
                decide(organisation, enrolment, approve, note, now);
                decided++;
            }
        }
        return new BulkDecision(approve, decided, selected.size() - decided);
    }

    private Enrolment decide(
            OrganisationId organisation,
            Enrolment enrolment,
            boolean approve,
            String note,
            Instant now) {
        Enrolment decided =
                enrolment.withStatus(
                        approve ? EnrolmentStatus.ACTIVE : EnrolmentStatus.DECLINED,
                        now,
                        trim(note));
        enrolments.update(organisation, decided);
        events.publishEvent(
                new EnrolmentDecided(
                        organisation,
                        decided.programId(),
                        decided.id(),
                        decided.personId(),
                        decided.role(),
                        approve));
        return decided;
    }

    /**
     * The enrolment, if the caller may withdraw it: their own, or any for those who manage
     * programs. Pages (the confirmation and the withdrawal) and the API ask here, so the rule is
     * the same everywhere.
     *
     * @throws AccessDeniedException for anyone else
     */
    public EnrolmentView withdrawable(TandemUser caller, EnrolmentId id) {
        EnrolmentView view = enrolment(caller.organisationId(), id);
        if (!view.heldBy(caller) && !caller.managesPrograms()) {
            throw new AccessDeniedException(messages.getMessage("enrolment.not-yours"));
        }
        return view;
    }

    /**
     * The caller withdraws the enrolment (theirs, or anyone's if they manage programs).
     *
     * @throws AccessDeniedException for anyone else
     */
    @Transactional
    public EnrolmentView withdraw(TandemUser caller, EnrolmentId id, boolean endMentorships) {
        withdrawable(caller, id);
        return withdraw(caller.organisationId(), id, endMentorships);
    }

    /** The person leaves the program (or declines an invitation); any mentorship in it goes on. */
    @Transactional
    public EnrolmentView withdraw(OrganisationId organisation, EnrolmentId id) {
        return withdraw(organisation, id, false);
    }

    /**
     * The person leaves the program (or declines an invitation).
     *
     * @param endMentorships whether their active mentorships in the program end with them
     */
    @Transactional
    public EnrolmentView withdraw(
            OrganisationId organisation, EnrolmentId id, boolean endMentorships) {
        Enrolment enrolment = find(organisation, id);
        if (!enrolment.status().open()) {
            throw new ConflictException(
                    messages.getMessage("enrolment.not-open", new Object[] {enrolment.status()}));
        }
        Enrolment withdrawn =
                enrolment.withStatus(EnrolmentStatus.WITHDRAWN, clock.instant(), null);
        enrolments.update(organisation, withdrawn);
        events.publishEvent(
                new EnrolmentWithdrawn(
                        organisation,
                        withdrawn.id(),
                        withdrawn.programId(),
                        withdrawn.personId(),
                        endMentorships));
        return withdrawn.view(people.find(organisation, withdrawn.personId()).orElse(null));
    }

    public EnrolmentView enrolment(OrganisationId organisation, EnrolmentId id) {
        Enrolment enrolment = find(organisation, id);
        return enrolment.view(people.find(organisation, enrolment.personId()).orElse(null));
    }

    public Paged<EnrolmentView> enrolments(
            OrganisationId organisation,
            ProgramId programId,
            EnrolmentStatus status,
            PageQuery page) {
        return enrolments(organisation, programId, status, null, page);
    }

    /** One page of the program's enrolments, filtered by status and role when given. */
    public Paged<EnrolmentView> enrolments(
            OrganisationId organisation,
            ProgramId programId,
            EnrolmentStatus status,
            EnrolmentRole role,
            PageQuery page) {
        get(organisation, programId);
        List<Enrolment> list = enrolments.forProgram(organisation, programId, status, role, page);
        Map<PersonId, PersonSummary> found =
                people.findAll(organisation, list.stream().map(Enrolment::personId).toList());
        return Paged.of(
                list.stream().map(e -> e.view(found.get(e.personId()))).toList(),
                page,
                enrolments.count(organisation, programId, status, role));
    }

    /** Everyone taking part now (enrolled and approved), both roles, for matching. */
    public List<EnrolmentView> activeEnrolments(OrganisationId organisation, ProgramId programId) {
        get(organisation, programId);
        List<Enrolment> active =
                enrolments.all(organisation, programId).stream()
                        .filter(e -> e.status() == EnrolmentStatus.ACTIVE)
                        .toList();
        Map<PersonId, PersonSummary> found =
                people.findAll(organisation, active.stream().map(Enrolment::personId).toList());
        return active.stream().map(e -> e.view(found.get(e.personId()))).toList();
    }

    /**
     * Each active mentor's places in the program (their capacity, or the program's default), for
     * counting places without loading everyone's profile.
     */
    public Map<PersonId, Integer> mentorPlaces(OrganisationId organisation, ProgramId programId) {
        ProgramView program = get(organisation, programId);
        Map<PersonId, Integer> places = new java.util.HashMap<>();
        for (Enrolment e : enrolments.all(organisation, programId)) {
            if (e.role() == EnrolmentRole.MENTOR && e.status() == EnrolmentStatus.ACTIVE) {
                places.put(
                        e.personId(),
                        Objects.requireNonNullElse(e.capacity(), program.defaultCapacity()));
            }
        }
        return places;
    }

    /** The person's own enrolments across programs. */
    public List<EnrolmentView> enrolmentsOf(OrganisationId organisation, PersonId person) {
        PersonSummary summary = people.find(organisation, person).orElse(null);
        return enrolments.forPerson(organisation, person).stream()
                .map(e -> e.view(summary))
                .toList();
    }

    public ProgramOverview overview(OrganisationId organisation, ProgramId programId) {
        ProgramView program = get(organisation, programId);
        List<Enrolment> all = enrolments.all(organisation, programId);
        Map<PersonId, PersonSummary> found =
                people.findAll(organisation, all.stream().map(Enrolment::personId).toList());
        List<Enrolment> taking =
                all.stream()
                        .filter(
                                e ->
                                        e.status() == EnrolmentStatus.ACTIVE
                                                || e.status() == EnrolmentStatus.PENDING)
                        .toList();
        int mentors = (int) taking.stream().filter(e -> e.role() == EnrolmentRole.MENTOR).count();
        int mentees = (int) taking.stream().filter(e -> e.role() == EnrolmentRole.MENTEE).count();
        int capacity =
                taking.stream()
                        .filter(e -> e.role() == EnrolmentRole.MENTOR)
                        .mapToInt(e -> Objects.requireNonNullElse(e.capacity(), 0))
                        .sum();
        return new ProgramOverview(
                program,
                mentors,
                mentees,
                (int) all.stream().filter(e -> e.status() == EnrolmentStatus.PENDING).count(),
                (int) all.stream().filter(e -> e.status() == EnrolmentStatus.INVITED).count(),
                capacity,
                countBy(taking, found, PersonSummary::division),
                countBy(taking, found, PersonSummary::location));
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private static Map<String, Integer> countBy(
            List<Enrolment> enrolments,
            Map<PersonId, PersonSummary> people,
            java.util.function.Function<PersonSummary, String> key) {
        return enrolments.stream()
                .map(e -> people.get(e.personId()))
                .filter(Objects::nonNull)
                .collect(
                        Collectors.toMap(
                                p -> Objects.requireNonNullElse(key.apply(p), "—"),
                                p -> 1,
                                Integer::sum,
                                TreeMap::new));
    }

    private void refuseUnlessEnrollable(ProgramView program, PersonSummary person) {
        if (!program.status().acceptsEnrolments()) {
            throw new ConflictException(
                    messages.getMessage("enrolment.closed", new Object[] {program.status()}));
        }
        // The enrolment window binds the API as much as the page.
        LocalDate today = today();
        if ((program.enrolmentOpensOn() != null && today.isBefore(program.enrolmentOpensOn()))
                || (program.enrolmentClosesOn() != null
                        && today.isAfter(program.enrolmentClosesOn()))) {
            throw new ConflictException(messages.getMessage("enrolment.window-closed"));
        }
        if (!person.active()) {
            throw new ConflictException(
                    messages.getMessage("enrolment.inactive", new Object[] {person.name()}));
        }
    }

    private Enrolment find(OrganisationId organisation, EnrolmentId id) {
        return enrolments
                .find(organisation, id)
                .orElseThrow(
                        () -> new NotFoundException(messages.getMessage("enrolment.not-found")));
    }

    private List<InputError> ruleErrors(List<MatchingRule> rules) {
        List<InputError> errors = new ArrayList<>();
        if (rules.size() > 30) {
            errors.add(field("rules", "rule.invalid.too-many"));
        }
        for (int i = 0; i < rules.size(); i++) {
            String problem = rules.get(i) == null ? "rule.invalid.missing" : rules.get(i).problem();
            if (problem != null) {
                errors.add(field("rules[" + i + "]", problem));
            }
        }
        return errors;
    }

    private InputError field(String field, String code, Object... args) {
        return InputError.field(field, messages.getMessage(code, args));
    }

    private void refuseLonger(List<InputError> errors, String name, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(field(name, "enrolment.too-long", max));
        }
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static List<String> clean(List<String> values) {
        if (values == null) {
            return List.of();
        }
        // Stored joined by semicolons, so an entry holding one is split into two.
        return values.stream()
                .filter(Objects::nonNull)
                .flatMap(v -> java.util.Arrays.stream(v.split(";")))
                .map(String::trim)
                .filter(v -> !v.isEmpty())
                .distinct()
                .toList();
    }
}

package io.tandem.programs;

import io.tandem.identity.OrganisationId;
import io.tandem.identity.TandemUser;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.people.PersonSummary;
import io.tandem.shared.Conflict;
import io.tandem.shared.InputError;
import io.tandem.shared.InvalidInputException;
import io.tandem.shared.NotFound;
import io.tandem.shared.PageQuery;
import io.tandem.shared.Paged;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enrolment in a program: enrolling, approving or declining, withdrawing, and the lists of who
 * takes part.
 */
@Service
public class EnrolmentManagement {

    /** The sizes of an enrolment's answers, as their columns hold them. */
    static final int MAX_ANSWER = 4000;

    static final int MAX_PLACE = 200;
    static final int MAX_AVAILABILITY = 1000;

    private final ProgramLookup lookup;
    private final EnrolmentFigures figures;
    private final Enrolments enrolments;
    private final PeopleManagement people;
    private final ApplicationEventPublisher events;
    private final MessageSourceAccessor messages;
    private final Clock clock;

    EnrolmentManagement(
            ProgramLookup lookup,
            Enrolments enrolments,
            EnrolmentFigures figures,
            PeopleManagement people,
            ApplicationEventPublisher events,
            MessageSource messageSource,
            Clock clock) {
        this.lookup = lookup;
        this.enrolments = enrolments;
        this.figures = figures;
        this.people = people;
        this.events = events;
        this.messages = new MessageSourceAccessor(messageSource);
        this.clock = clock;
    }

    /**
     * Enrols a person, by themselves or on their behalf, answering an invitation if there is one.
     *
     * @throws NotFound for a person id that is not in the organisation
     * @throws InvalidInputException for an unknown e-mail, a missing role or a capacity below 1
     * @throws Conflict for an inactive person, a second enrolment in the same role, or a closed
     *     program
     */
    @Transactional
    public EnrolmentView enrol(OrganisationId organisation, ProgramId programId, Enrol request) {
        ProgramView program = lookup.get(organisation, programId);
        List<InputError> errors = answerErrors(request);
        PersonSummary person = enrollee(organisation, request, errors);
        if (!errors.isEmpty()) {
            throw InvalidInputException.unprocessable(
                    messages.getMessage("enrolment.invalid"), errors);
        }
        Program.of(program).refuseEnrolment(LocalDate.now(clock));
        if (!person.active()) {
            throw new Conflict("enrolment.inactive", person.name());
        }
        EnrolmentStatus status =
                program.approvalRequired() ? EnrolmentStatus.PENDING : EnrolmentStatus.ACTIVE;
        Enrolment answers = Enrolment.answers(program, person, request, status, clock.instant());
        Optional<Enrolment> existing =
                enrolments.find(organisation, program.id(), person.id(), request.role());
        if (existing.isPresent()) {
            Enrolment answered = existing.get().answer(answers, status, person.name());
            enrolments.update(organisation, answered);
            return answered.view(person);
        }
        enrolments.insert(organisation, answers);
        return answers.view(person);
    }

    /** What is wrong with the answers themselves, field by field. */
    private List<InputError> answerErrors(Enrol request) {
        List<InputError> errors = new ArrayList<>();
        if (request.role() == null) {
            errors.add(field("role", "enrolment.role.invalid"));
        }
        Integer capacity = request.capacity();
        if (capacity != null && (capacity < 1 || capacity > ProgramManagement.MAX_CAPACITY)) {
            errors.add(
                    field("capacity", "program.capacity.invalid", ProgramManagement.MAX_CAPACITY));
        }
        String timeZone = Answers.trim(request.timeZone());
        if (timeZone != null && !PeopleManagement.isTimeZone(timeZone)) {
            errors.add(field("timeZone", "profile.time-zone.invalid"));
        }
        // The answers' columns: longer text would reach the database and fail there.
        refuseLonger(errors, "goals", Answers.trim(request.goals()), MAX_ANSWER);
        refuseLonger(
                errors,
                "skillsWanted",
                String.join(Enrolments.SEPARATOR, Answers.clean(request.skillsWanted())),
                MAX_ANSWER);
        refuseLonger(
                errors,
                "skillsOffered",
                String.join(Enrolments.SEPARATOR, Answers.clean(request.skillsOffered())),
                MAX_ANSWER);
        refuseLonger(errors, "aspiredDivision", Answers.trim(request.aspiredDivision()), MAX_PLACE);
        refuseLonger(errors, "aspiredLocation", Answers.trim(request.aspiredLocation()), MAX_PLACE);
        refuseLonger(errors, "preferences", Answers.trim(request.preferences()), MAX_ANSWER);
        refuseLonger(
                errors, "availability", Answers.trim(request.availability()), MAX_AVAILABILITY);
        return errors;
    }

    /** The person enrolling, by id or by e-mail; an unknown e-mail is one more input error. */
    private PersonSummary enrollee(
            OrganisationId organisation, Enrol request, List<InputError> errors) {
        if (request.personId() != null) {
            return people.find(organisation, request.personId())
                    .orElseThrow(() -> new NotFound("people.not-found"));
        }
        if (Answers.trim(request.email()) != null) {
            PersonSummary person = people.findByEmail(organisation, request.email()).orElse(null);
            if (person == null) {
                errors.add(field("email", "enrolment.email.unknown", request.email()));
            }
            return person;
        }
        errors.add(field("personId", "enrolment.person.missing"));
        return null;
    }

    /** Approves or declines a pending enrolment. */
    @Transactional
    public EnrolmentView decide(
            OrganisationId organisation, EnrolmentId id, boolean approve, String note) {
        Enrolment decided =
                decide(organisation, find(organisation, id), approve, note, clock.instant());
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
        lookup.get(organisation, programId);
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
        lookup.get(organisation, programId);
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
        Enrolment decided = enrolment.decide(approve, now, note);
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
        Enrolment withdrawn = find(organisation, id).withdraw(clock.instant());
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
        lookup.get(organisation, programId);
        List<Enrolment> list = enrolments.forProgram(organisation, programId, status, role, page);
        Map<PersonId, PersonSummary> found =
                people.findAll(organisation, list.stream().map(Enrolment::personId).toList());
        return Paged.of(
                list.stream().map(e -> e.view(found.get(e.personId()))).toList(),
                page,
                figures.count(organisation, programId, status, role));
    }

    /** Everyone taking part now (enrolled and approved), both roles, for matching. */
    public List<EnrolmentView> activeEnrolments(OrganisationId organisation, ProgramId programId) {
        return activeCohort(organisation, programId).enrolments();
    }

    /** {@link #activeEnrolments} with the people's profiles they were read with. */
    public ActiveCohort activeCohort(OrganisationId organisation, ProgramId programId) {
        lookup.get(organisation, programId);
        List<Enrolment> active =
                enrolments.all(organisation, programId).stream()
                        .filter(e -> e.status() == EnrolmentStatus.ACTIVE)
                        .toList();
        Map<PersonId, PersonSummary> found =
                people.findAll(organisation, active.stream().map(Enrolment::personId).toList());
        return new ActiveCohort(
                active.stream().map(e -> e.view(found.get(e.personId()))).toList(), found);
    }

    /**
     * Each active mentor's places in the program (their capacity, or the program's default), for
     * counting places without loading everyone's profile.
     */
    public Map<PersonId, Integer> mentorPlaces(OrganisationId organisation, ProgramId programId) {
        ProgramView program = lookup.get(organisation, programId);
        Map<PersonId, Integer> places = new java.util.HashMap<>();
        for (Enrolment e : enrolments.activeMentors(organisation, programId)) {
            places.put(
                    e.personId(),
                    Objects.requireNonNullElse(e.capacity(), program.defaultCapacity()));
        }
        return places;
    }

    /**
     * Who is enrolled as an active mentor of the program; unlike {@link #mentorPlaces}, no places.
     */
    public java.util.Set<PersonId> activeMentors(OrganisationId organisation, ProgramId programId) {
        return enrolments.activeMentorIds(organisation, programId);
    }

    /** The person's own enrolments across programs. */
    public List<EnrolmentView> enrolmentsOf(OrganisationId organisation, PersonId person) {
        PersonSummary summary = people.find(organisation, person).orElse(null);
        return enrolments.forPerson(organisation, person).stream()
                .map(e -> e.view(summary))
                .toList();
    }

    Enrolment find(OrganisationId organisation, EnrolmentId id) {
        return enrolments
                .find(organisation, id)
                .orElseThrow(() -> new NotFound("enrolment.not-found"));
    }

    private void refuseLonger(List<InputError> errors, String name, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(field(name, "enrolment.too-long", max));
        }
    }

    private InputError field(String field, String code, Object... args) {
        return InputError.field(field, messages.getMessage(code, args));
    }
}

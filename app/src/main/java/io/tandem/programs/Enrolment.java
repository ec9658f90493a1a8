package io.tandem.programs;

import io.tandem.people.PersonId;
import io.tandem.people.PersonSummary;
import io.tandem.shared.Conflict;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An enrolment as stored. Its moves ({@link #approve}, {@link #decline}, {@link #withdraw}, {@link
 * #answer}) return a new value and refuse, with a {@link Conflict}, what its status does not allow.
 * Made through {@link #invitation} and {@link #answers}, never with positional nulls.
 */
record Enrolment(
        EnrolmentId id,
        ProgramId programId,
        PersonId personId,
        EnrolmentRole role,
        EnrolmentStatus status,
        Integer capacity,
        String goals,
        List<String> skillsWanted,
        List<String> skillsOffered,
        String aspiredDivision,
        String aspiredLocation,
        String preferences,
        String availability,
        String timeZone,
        Instant invitedAt,
        Instant enrolledAt,
        Instant decidedAt,
        String decisionNote) {

    /** Someone is invited to enrol in a role, with the program's places if they mentor. */
    static Enrolment invitation(
            EnrolmentId id,
            ProgramView program,
            PersonSummary person,
            EnrolmentRole role,
            Instant invitedAt) {
        return new Enrolment(
                id,
                program.id(),
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
                invitedAt,
                null,
                null,
                null);
    }

    /**
     * The person's answers to the enrolment form, cleaned; a mentor without a capacity of their own
     * gets the program's, and someone without a time zone keeps their profile's.
     */
    static Enrolment answers(
            ProgramView program,
            PersonSummary person,
            Enrol request,
            EnrolmentStatus status,
            Instant enrolledAt) {
        String timeZone = Answers.trim(request.timeZone());
        return new Enrolment(
                new EnrolmentId(UUID.randomUUID()),
                program.id(),
                person.id(),
                request.role(),
                status,
                request.role() == EnrolmentRole.MENTOR
                        ? (request.capacity() != null
                                ? request.capacity()
                                : program.defaultCapacity())
                        : null,
                Answers.trim(request.goals()),
                Answers.clean(request.skillsWanted()),
                Answers.clean(request.skillsOffered()),
                Answers.trim(request.aspiredDivision()),
                Answers.trim(request.aspiredLocation()),
                Answers.trim(request.preferences()),
                Answers.trim(request.availability()),
                timeZone != null ? timeZone : person.timeZone(),
                null,
                enrolledAt,
                null,
                null);
    }

    /** Approved by a program manager: the person takes part. */
    Enrolment approve(Instant at, String note) {
        refuseUnlessPending();
        return withStatus(EnrolmentStatus.ACTIVE, at, Answers.trim(note));
    }

    /** Declined by a program manager, with a note when they give one. */
    Enrolment decline(Instant at, String note) {
        refuseUnlessPending();
        return withStatus(EnrolmentStatus.DECLINED, at, Answers.trim(note));
    }

    Enrolment decide(boolean approve, Instant at, String note) {
        return approve ? approve(at, note) : decline(at, note);
    }

    /** The person leaves the program, or declines the invitation; only an open enrolment can. */
    Enrolment withdraw(Instant at) {
        if (!status.open()) {
            throw new Conflict("enrolment.not-open", status);
        }
        return withStatus(EnrolmentStatus.WITHDRAWN, at, null);
    }

    /**
     * The person answers an invitation, or enrols again after withdrawing; anyone already in (or
     * waiting, or declined) in this role cannot enrol twice.
     */
    Enrolment answer(Enrolment answers, EnrolmentStatus next, String personName) {
        if (status != EnrolmentStatus.INVITED && status != EnrolmentStatus.WITHDRAWN) {
            throw new Conflict("enrolment.duplicate", personName, role);
        }
        return answered(answers, next);
    }

    /** Invited again after withdrawing: a fresh invitation under the same id. */
    boolean invitable() {
        return status == EnrolmentStatus.WITHDRAWN;
    }

    private void refuseUnlessPending() {
        if (status != EnrolmentStatus.PENDING) {
            throw new Conflict("enrolment.not-pending", status);
        }
    }

    private Enrolment withStatus(EnrolmentStatus next, Instant decidedAt, String note) {
        return new Enrolment(
                id,
                programId,
                personId,
                role,
                next,
                capacity,
                goals,
                skillsWanted,
                skillsOffered,
                aspiredDivision,
                aspiredLocation,
                preferences,
                availability,
                timeZone,
                invitedAt,
                enrolledAt,
                decidedAt,
                note);
    }

    /** Fills in the person's answers, keeping when they were invited. */
    private Enrolment answered(Enrolment answers, EnrolmentStatus next) {
        return new Enrolment(
                id,
                programId,
                personId,
                role,
                next,
                answers.capacity,
                answers.goals,
                answers.skillsWanted,
                answers.skillsOffered,
                answers.aspiredDivision,
                answers.aspiredLocation,
                answers.preferences,
                answers.availability,
                answers.timeZone,
                invitedAt,
                answers.enrolledAt,
                null,
                null);
    }

    EnrolmentView view(PersonSummary person) {
        return new EnrolmentView(
                id,
                programId,
                personId,
                person == null ? null : person.name(),
                person == null ? null : person.email(),
                person == null ? null : person.division(),
                person == null ? null : person.location(),
                role,
                status,
                capacity,
                goals,
                skillsWanted,
                skillsOffered,
                aspiredDivision,
                aspiredLocation,
                preferences,
                availability,
                timeZone,
                invitedAt,
                enrolledAt,
                decidedAt,
                decisionNote);
    }
}

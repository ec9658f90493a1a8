package io.tandem.programs;

import io.tandem.people.PersonId;
import io.tandem.people.PersonSummary;
import java.time.Instant;
import java.util.List;

/** An enrolment as stored. State changes return a new value and refuse what is not allowed. */
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

    Enrolment withStatus(EnrolmentStatus next, Instant decidedAt, String note) {
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
    Enrolment answered(Enrolment answers, EnrolmentStatus next) {
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

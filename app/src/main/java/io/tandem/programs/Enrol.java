package io.tandem.programs;

import io.tandem.people.PersonId;
import java.util.List;

/** A request to take part in a program, by the person or on their behalf. */
public record Enrol(
        PersonId personId,
        String email,
        EnrolmentRole role,
        Integer capacity,
        String goals,
        List<String> skillsWanted,
        List<String> skillsOffered,
        String aspiredDivision,
        String aspiredLocation,
        String preferences,
        String availability,
        String timeZone) {

    public static Enrol of(PersonId personId, EnrolmentRole role) {
        return new Enrol(
                personId, null, role, null, null, null, null, null, null, null, null, null);
    }

    /** A mentor taking {@code capacity} mentees. */
    public static Enrol mentor(PersonId personId, int capacity) {
        return new Enrol(
                personId,
                null,
                EnrolmentRole.MENTOR,
                capacity,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** A mentee who wants these skills. */
    public static Enrol mentee(PersonId personId, List<String> skillsWanted) {
        return new Enrol(
                personId,
                null,
                EnrolmentRole.MENTEE,
                null,
                null,
                skillsWanted,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}

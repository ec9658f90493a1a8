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
}

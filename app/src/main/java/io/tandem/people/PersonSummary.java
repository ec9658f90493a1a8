package io.tandem.people;

import java.util.List;

/** A person's profile as other modules, pages and the API see it. */
public record PersonSummary(
        PersonId id,
        String employeeId,
        String email,
        String firstName,
        String lastName,
        String title,
        Integer level,
        String division,
        String function,
        String location,
        String timeZone,
        WorkMode workMode,
        PersonId managerId,
        PersonStatus status,
        List<String> languages,
        List<String> skills,
        List<String> skillsWanted,
        String aspiredDivision,
        String aspiredLocation,
        String bio) {

    public String name() {
        return firstName + " " + lastName;
    }

    public boolean active() {
        return status == PersonStatus.ACTIVE;
    }
}

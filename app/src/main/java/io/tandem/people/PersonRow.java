package io.tandem.people;

import java.util.List;
import java.util.UUID;

/** A person as stored: what the import compares and the repository writes. */
record PersonRow(
        UUID id,
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
        UUID managerId,
        PersonStatus status,
        List<String> languages,
        List<String> skills,
        List<String> skillsWanted,
        String aspiredDivision,
        String aspiredLocation,
        String bio) {

    String emailKey() {
        return email.toLowerCase(java.util.Locale.ROOT);
    }

    String searchText() {
        return String.join(
                        " ",
                        firstName,
                        lastName,
                        firstName + " " + lastName,
                        email,
                        employeeId,
                        title == null ? "" : title)
                .toLowerCase(java.util.Locale.ROOT);
    }

    PersonSummary summary() {
        return new PersonSummary(
                new PersonId(id),
                employeeId,
                email,
                firstName,
                lastName,
                title,
                level,
                division,
                function,
                location,
                timeZone,
                workMode,
                managerId == null ? null : new PersonId(managerId),
                status,
                languages,
                skills,
                skillsWanted,
                aspiredDivision,
                aspiredLocation,
                bio);
    }

    PersonRow withProfile(ProfileUpdate update) {
        return new PersonRow(
                id,
                employeeId,
                email,
                firstName,
                lastName,
                title,
                level,
                division,
                function,
                location,
                update.timeZone(),
                workMode,
                managerId,
                status,
                update.languages(),
                update.skills(),
                update.skillsWanted(),
                update.aspiredDivision(),
                update.aspiredLocation(),
                update.bio());
    }
}

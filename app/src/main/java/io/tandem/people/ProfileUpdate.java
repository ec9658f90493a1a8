package io.tandem.people;

import java.util.List;

/** What a person may change on their own profile. */
public record ProfileUpdate(
        String bio,
        List<String> skills,
        List<String> skillsWanted,
        String aspiredDivision,
        String aspiredLocation,
        List<String> languages,
        String timeZone) {}

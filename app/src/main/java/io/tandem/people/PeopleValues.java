package io.tandem.people;

import java.util.List;

/** The values the organisation's data uses, for filters and forms. */
public record PeopleValues(
        List<String> divisions,
        List<String> functions,
        List<String> locations,
        List<String> skills,
        List<String> languages) {}

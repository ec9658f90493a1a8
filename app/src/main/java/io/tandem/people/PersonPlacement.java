package io.tandem.people;

/**
 * Where a person sits in the organisation, and their name: what reports about pairs show of them,
 * read without the rest of their profile.
 */
public record PersonPlacement(
        PersonId id,
        String firstName,
        String lastName,
        String division,
        String location,
        String function) {

    /** As {@link PersonSummary#name()}. */
    public String name() {
        return firstName + " " + lastName;
    }
}

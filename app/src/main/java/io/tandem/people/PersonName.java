package io.tandem.people;

/** A person's name alone: for pages that sort or filter many people by name and show a few. */
public record PersonName(PersonId id, String firstName, String lastName) {

    public String name() {
        return firstName + " " + lastName;
    }
}

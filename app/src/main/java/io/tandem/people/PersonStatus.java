package io.tandem.people;

/** Inactive people stay for history but are never enrolled or matched. */
public enum PersonStatus {
    ACTIVE,
    INACTIVE
}

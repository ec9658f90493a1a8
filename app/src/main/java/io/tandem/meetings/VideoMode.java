package io.tandem.meetings;

/** How a scope's meetings get their video link. */
public enum VideoMode {
    /** As the wider scope: a program as its organisation, an organisation as the installation. */
    INHERIT,
    /** A room generated for each meeting under a provider's base URL. */
    PROVIDER,
    /** No generated rooms: the pair pastes its own https link (or meets in person). */
    NONE
}

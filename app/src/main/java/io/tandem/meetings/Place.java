package io.tandem.meetings;

/** Where a meeting happens. */
public enum Place {
    /** A video room generated for this meeting from the configured base URL. */
    VIDEO,
    /** A video link the pair pasted (Teams, Zoom, Meet…), always https. */
    LINK,
    /** In person, at an address or room the pair typed. */
    IN_PERSON
}

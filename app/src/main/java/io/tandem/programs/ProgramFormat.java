package io.tandem.programs;

/**
 * How mentors and mentees meet: one to one, in groups, as peers, reverse (junior mentors senior) or
 * in short flash sessions.
 */
public enum ProgramFormat {
    ONE_TO_ONE,
    GROUP,
    PEER,
    REVERSE,
    FLASH
}

package io.tandem.programs;

/** The part a person plays in one program. */
public enum EnrolmentRole {
    MENTOR,
    MENTEE
}

package io.tandem.engagement;

/** A pulse on the program's cadence, or one of the two outcome surveys. */
public enum CheckInKind {
    CHECK_IN,
    MIDPOINT,
    CLOSING;

    public boolean survey() {
        return this != CHECK_IN;
    }
}

package io.tandem.programs;

/** Who makes the pairs: the program manager, the mentees themselves, or both. */
public enum MatchingMode {
    ADMIN,
    SELF,
    HYBRID
}

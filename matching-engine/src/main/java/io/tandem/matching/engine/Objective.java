package io.tandem.matching.engine;

import java.util.Locale;

/** What an optimal assignment maximises. */
public enum Objective {
    /** The sum of matched scores (among equal sums, the most pairs). */
    TOTAL,
    /** The number of matched mentees, then the sum of scores. */
    PARTICIPATION,
    /** The number of matched mentees, then the lowest matched score, then the sum. */
    FAIR;

    public static Objective parse(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}

package io.tandem.matching.engine;

import java.util.Locale;

/** How an assignment is computed. */
public enum Algorithm {
    /** Exact optimum of the objective. */
    OPTIMAL,
    /** Highest-scoring pairs first, taken while feasible; ignores the objective. */
    GREEDY,
    /** Mentee-proposing deferred acceptance, both sides ranking by score; ignores the objective. */
    STABLE;

    public static Algorithm parse(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}

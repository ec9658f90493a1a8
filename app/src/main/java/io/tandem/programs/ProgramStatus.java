package io.tandem.programs;

import java.util.Map;
import java.util.Set;

/** A program's lifecycle. Only the transitions listed here are allowed. */
public enum ProgramStatus {
    DRAFT,
    ENROLLING,
    MATCHING,
    ACTIVE,
    CLOSED;

    private static final Map<ProgramStatus, Set<ProgramStatus>> NEXT =
            Map.of(
                    DRAFT, Set.of(ENROLLING, CLOSED),
                    ENROLLING, Set.of(MATCHING, DRAFT, CLOSED),
                    MATCHING, Set.of(ACTIVE, ENROLLING, CLOSED),
                    ACTIVE, Set.of(CLOSED),
                    CLOSED, Set.of());

    public boolean canMoveTo(ProgramStatus next) {
        return NEXT.get(this).contains(next);
    }

    public Set<ProgramStatus> next() {
        return NEXT.get(this);
    }

    /** Matching rules may change until matching has produced pairs. */
    public boolean rulesEditable() {
        return this != ACTIVE && this != CLOSED;
    }

    /** People may still enrol or be invited. */
    public boolean acceptsEnrolments() {
        return this == DRAFT || this == ENROLLING || this == MATCHING;
    }
}

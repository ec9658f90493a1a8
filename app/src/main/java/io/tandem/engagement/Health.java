package io.tandem.engagement;

/** How a pair is doing, from best to worst. */
public enum Health {
    ON_TRACK,
    AT_RISK,
    INACTIVE;

    boolean worseThan(Health other) {
        return ordinal() > other.ordinal();
    }
}

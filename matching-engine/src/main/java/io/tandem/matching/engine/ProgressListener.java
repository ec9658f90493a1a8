package io.tandem.matching.engine;

/** Receives the fraction of a computation done so far, from 0 to 1, never decreasing. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = fraction -> {};

    void onProgress(double fraction);

    /** A listener that maps this computation's [0,1] onto [from,to] of the given one. */
    static ProgressListener slice(ProgressListener parent, double from, double to) {
        if (parent == NONE) {
            return NONE;
        }
        return fraction -> parent.onProgress(from + (to - from) * fraction);
    }
}

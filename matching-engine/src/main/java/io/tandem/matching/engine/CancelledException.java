package io.tandem.matching.engine;

/** Thrown by a computation whose {@link CancellationToken} was cancelled. */
public final class CancelledException extends RuntimeException {

    public CancelledException() {
        super("cancelled");
    }
}

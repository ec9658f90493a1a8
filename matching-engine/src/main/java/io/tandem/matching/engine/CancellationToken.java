package io.tandem.matching.engine;

/**
 * Lets another thread stop a long computation. Solvers poll {@link #throwIfCancelled()} in their
 * loops and give up with a {@link CancelledException}.
 */
public final class CancellationToken {

    /** A token nobody cancels. */
    public static final CancellationToken NONE = new CancellationToken();

    private volatile boolean cancelled;

    public void cancel() {
        if (this == NONE) {
            throw new IllegalStateException("the shared NONE token cannot be cancelled");
        }
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public void throwIfCancelled() {
        if (cancelled) {
            throw new CancelledException();
        }
    }
}

package io.tandem.matching;

import io.tandem.shared.Conflict;

/**
 * A match run as its lifecycle sees it: it starts RUNNING and ends once: DONE (finished), FAILED or
 * CANCELLED. A DONE run is under review until it is published, once. Each verb refuses a move its
 * state does not allow with a {@link Conflict}. {@link MatchRuns} writes every move as one
 * conditional update that repeats the same guard, so instances racing for one run cannot both make
 * a move.
 */
final class MatchRun {

    private final MatchRunStatus status;
    private final boolean published;

    private MatchRun(MatchRunStatus status, boolean published) {
        this.status = status;
        this.published = published;
    }

    static MatchRun start() {
        return new MatchRun(MatchRunStatus.RUNNING, false);
    }

    static MatchRun of(MatchRunStatus status, boolean published) {
        return new MatchRun(status, published);
    }

    static MatchRun of(MatchRunView run) {
        return of(run.status(), run.published());
    }

    MatchRunStatus status() {
        return status;
    }

    boolean published() {
        return published;
    }

    boolean running() {
        return status == MatchRunStatus.RUNNING;
    }

    /** Done and not yet published: its pairs may still be changed, and it may be published. */
    boolean underReview() {
        return status == MatchRunStatus.DONE && !published;
    }

    /** Failed or cancelled: it may be run again. */
    boolean rerunnable() {
        return status == MatchRunStatus.FAILED || status == MatchRunStatus.CANCELLED;
    }

    MatchRun finish() {
        requireRunning();
        return new MatchRun(MatchRunStatus.DONE, false);
    }

    MatchRun cancel() {
        requireRunning();
        return new MatchRun(MatchRunStatus.CANCELLED, false);
    }

    MatchRun fail() {
        requireRunning();
        return new MatchRun(MatchRunStatus.FAILED, false);
    }

    /** A new run on this one's locked pairs: once this one has ended. */
    MatchRun rerun() {
        if (running()) {
            throw new Conflict("match.running");
        }
        return start();
    }

    /** This run, when its pairs may still change; else why not. */
    MatchRun review() {
        if (status != MatchRunStatus.DONE) {
            throw new Conflict("match.not-done", status);
        }
        if (published) {
            throw new Conflict("match.published-already");
        }
        return this;
    }

    MatchRun publish() {
        review();
        return new MatchRun(status, true);
    }

    private void requireRunning() {
        if (!running()) {
            throw new Conflict("match.ended", status);
        }
    }
}

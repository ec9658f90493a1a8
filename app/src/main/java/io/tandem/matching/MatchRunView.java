package io.tandem.matching;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tandem.matching.engine.Algorithm;
import io.tandem.matching.engine.Objective;
import io.tandem.people.PersonId;
import io.tandem.programs.ProgramId;
import java.time.Instant;
import java.util.List;

/** A match run as the review page and {@code GET /api/v1/match-runs/{id}} show it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MatchRunView(
        MatchRunId id,
        ProgramId programId,
        MatchRunStatus status,
        double progress,
        Objective objective,
        Algorithm algorithm,
        MatchRunId baseRunId,
        Stats stats,
        List<Proposal> proposals,
        List<Unmatched> unmatched,
        String error,
        Instant createdAt,
        Instant finishedAt,
        Instant publishedAt) {

    /**
     * @param total the mentees the run considered: {@code matched + unmatched}
     * @param totalScore the sum of the matched pairs' scores, what {@code TOTAL} maximises
     * @param maxScore the highest score a pair could reach under the program's weights
     * @param histogram matched pairs per tenth of {@code maxScore}
     * @param crossDivision share of pairs whose mentor works in another division
     */
    public record Stats(
            int total,
            int matched,
            int unmatched,
            Integer minScore,
            Double meanScore,
            long totalScore,
            int maxScore,
            List<Integer> histogram,
            double crossDivision,
            double crossLocation,
            double crossFunction,
            int mentors) {}

    public record Proposal(
            PersonId menteeId,
            PersonId mentorId,
            int score,
            List<Contribution> explanation,
            boolean locked,
            boolean manual) {}

    /** One criterion's part of a score; the contributions of a proposal add up to its score. */
    public record Contribution(String criterion, int weight, double value, int contribution) {}

    public record Unmatched(PersonId menteeId, UnmatchedReason reason) {}

    public boolean published() {
        return publishedAt != null;
    }

    public boolean finished() {
        return status != MatchRunStatus.RUNNING;
    }

    public boolean running() {
        return MatchRun.of(this).running();
    }

    public boolean failed() {
        return status == MatchRunStatus.FAILED;
    }

    public boolean cancelled() {
        return status == MatchRunStatus.CANCELLED;
    }

    /** Done and not yet published: its pairs may still be changed, and it may be published. */
    public boolean underReview() {
        return MatchRun.of(this).underReview();
    }

    /** Failed or cancelled: it may be run again. */
    public boolean rerunnable() {
        return MatchRun.of(this).rerunnable();
    }
}

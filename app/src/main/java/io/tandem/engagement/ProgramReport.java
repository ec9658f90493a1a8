package io.tandem.engagement;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tandem.programs.ProgramId;
import java.time.LocalDate;
import java.util.List;

/**
 * A program's figures as the dashboard, the API ({@code GET /api/v1/programs/{id}/report}) and the
 * CSV export show them: counts, rates and aggregates only, never what a pair wrote nor one person's
 * ratings. Aggregates of fewer than {@link #MINIMUM_ANSWERS} answers are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProgramReport(
        ProgramId programId,
        String programName,
        LocalDate generatedOn,
        List<Stage> funnel,
        List<HealthDay> healthOverTime,
        HealthDay healthNow,
        List<Week> activity,
        List<Aggregate> checkIns,
        List<Aggregate> surveys,
        List<Bucket> scores,
        List<Bucket> mentorLoad,
        List<Month> outcomes,
        Comparison comparison) {

    public static final int MINIMUM_ANSWERS = 3;

    /** The fewest people a group of the participants' comparison may have to be shown. */
    public static final int MINIMUM_PEOPLE = 10;

    /** One step of the funnel; {@code rate} is the share of the step before, in percent. */
    public record Stage(String stage, int count, Integer rate) {}

    public record HealthDay(LocalDate day, int onTrack, int atRisk, int inactive) {}

    /** Meetings and messages in the week starting {@code weekOf} (a Monday). */
    public record Week(LocalDate weekOf, int meetings, int messages) {}

    /**
     * One question's answers: {@code average} and {@code distribution} (answers per rating 1–5)
     * only when at least {@link #MINIMUM_ANSWERS} people answered.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Aggregate(
            String question, int answers, Double average, List<Integer> distribution) {

        public boolean shown() {
            return average != null;
        }
    }

    /**
     * What the program achieved in one calendar month ({@code yyyy-MM}, UTC): goals achieved and
     * meetings held (held occurrences and meetings reported in check-ins), and the average check-in
     * and survey ratings of the answers given that month, each only over at least {@link
     * #MINIMUM_ANSWERS} answers (else left out).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Month(
            String month,
            int goalsAchieved,
            int meetingsHeld,
            int checkIns,
            Double usefulness,
            Double goalProgress,
            int surveys,
            Double awareness,
            Double connection,
            Double ideas) {}

    /**
     * People who took part (mentors and mentees of the program's pairs) against people who did not,
     * from the same divisions and job levels, since the first pair started ({@code since}): how
     * many of each stayed in the organisation and how many moved division or location, as the HR
     * imports recorded it. {@code shown} is false — and the shares are left out — unless each group
     * has at least {@link #MINIMUM_PEOPLE} people. Null while the program has no pairs.
     */
    public record Comparison(LocalDate since, boolean shown, Side participants, Side others) {}

    /** One group of the comparison; shares in percent, null when the comparison is not shown. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Side(int people, Double retainedPercent, Double movedPercent) {}

    /** A histogram bar: {@code label} names the range, {@code count} how many fall in it. */
    public record Bucket(String label, int count) {}
}

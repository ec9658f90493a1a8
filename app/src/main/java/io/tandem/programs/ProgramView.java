package io.tandem.programs;

import java.time.LocalDate;
import java.util.List;

/** A program as pages, the API and other modules see it. */
public record ProgramView(
        ProgramId id,
        String name,
        String description,
        String template,
        ProgramFormat format,
        LocalDate startsOn,
        LocalDate endsOn,
        MeetingCadence meetingCadence,
        int relationshipMonths,
        MatchingMode matchingMode,
        int defaultCapacity,
        LocalDate enrolmentOpensOn,
        LocalDate enrolmentClosesOn,
        boolean approvalRequired,
        ProgramStatus status,
        String agreementText,
        List<String> suggestedGoals,
        List<MatchingRule> rules,
        int minimumScore) {

    /**
     * The lowest score matching proposes by default, as a percentage of the highest score the rules
     * can give: a pair that only shares a time zone or a language fits nobody's purpose.
     */
    public static final int DEFAULT_MINIMUM_SCORE = 20;

    public ProgramView(
            ProgramId id,
            String name,
            String description,
            String template,
            ProgramFormat format,
            LocalDate startsOn,
            LocalDate endsOn,
            MeetingCadence meetingCadence,
            int relationshipMonths,
            MatchingMode matchingMode,
            int defaultCapacity,
            LocalDate enrolmentOpensOn,
            LocalDate enrolmentClosesOn,
            boolean approvalRequired,
            ProgramStatus status,
            String agreementText,
            List<String> suggestedGoals,
            List<MatchingRule> rules) {
        this(
                id,
                name,
                description,
                template,
                format,
                startsOn,
                endsOn,
                meetingCadence,
                relationshipMonths,
                matchingMode,
                defaultCapacity,
                enrolmentOpensOn,
                enrolmentClosesOn,
                approvalRequired,
                status,
                agreementText,
                suggestedGoals,
                rules,
                DEFAULT_MINIMUM_SCORE);
    }

    /** No cohort dates: people join and leave at any time. */
    public boolean evergreen() {
        return startsOn == null && endsOn == null;
    }

    /** Whether people may enrol themselves on this day. */
    public boolean enrolmentOpen(LocalDate today) {
        return status == ProgramStatus.ENROLLING
                && (enrolmentOpensOn == null || !today.isBefore(enrolmentOpensOn))
                && (enrolmentClosesOn == null || !today.isAfter(enrolmentClosesOn));
    }

    /** Whether the rules and the weights may still change (the rules editor asks). */
    public boolean rulesEditable() {
        return status.rulesEditable();
    }

    public List<MatchingRule> hardRules() {
        return rules.stream().filter(MatchingRule::hard).toList();
    }

    public List<MatchingRule> softRules() {
        return rules.stream().filter(r -> !r.hard()).toList();
    }
}

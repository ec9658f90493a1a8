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
        List<MatchingRule> rules) {

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

    public List<MatchingRule> hardRules() {
        return rules.stream().filter(MatchingRule::hard).toList();
    }

    public List<MatchingRule> softRules() {
        return rules.stream().filter(r -> !r.hard()).toList();
    }
}

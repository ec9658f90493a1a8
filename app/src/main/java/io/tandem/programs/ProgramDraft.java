package io.tandem.programs;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * What a program manager fills in to create a program. Anything left null comes from the template
 * or a sensible default.
 */
public record ProgramDraft(
        @Size(max = 200) String name,
        @Size(max = 40) String template,
        @Size(max = 4000) String description,
        ProgramFormat format,
        LocalDate startsOn,
        LocalDate endsOn,
        MeetingCadence meetingCadence,
        Integer relationshipMonths,
        MatchingMode matchingMode,
        Integer defaultCapacity,
        LocalDate enrolmentOpensOn,
        LocalDate enrolmentClosesOn,
        Boolean approvalRequired,
        @Size(max = 8000) String agreementText,
        List<@Size(max = 8000) String> suggestedGoals,
        List<MatchingRule> rules,
        Integer minimumScore) {

    public ProgramDraft(
            String name,
            String template,
            String description,
            ProgramFormat format,
            LocalDate startsOn,
            LocalDate endsOn,
            MeetingCadence meetingCadence,
            Integer relationshipMonths,
            MatchingMode matchingMode,
            Integer defaultCapacity,
            LocalDate enrolmentOpensOn,
            LocalDate enrolmentClosesOn,
            Boolean approvalRequired,
            String agreementText,
            List<String> suggestedGoals,
            List<MatchingRule> rules) {
        this(
                name,
                template,
                description,
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
                agreementText,
                suggestedGoals,
                rules,
                null);
    }

    public static ProgramDraft of(String name, String template) {
        return new ProgramDraft(
                name, template, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    /** This draft with how people are matched and how many mentees a mentor takes by default. */
    public ProgramDraft withMatching(MatchingMode mode, Integer capacity) {
        return new ProgramDraft(
                name,
                template,
                description,
                format,
                startsOn,
                endsOn,
                meetingCadence,
                relationshipMonths,
                mode,
                capacity,
                enrolmentOpensOn,
                enrolmentClosesOn,
                approvalRequired,
                agreementText,
                suggestedGoals,
                rules,
                minimumScore);
    }

    /** This draft with the program's first and last day. */
    public ProgramDraft withDates(LocalDate starts, LocalDate ends) {
        return new ProgramDraft(
                name,
                template,
                description,
                format,
                starts,
                ends,
                meetingCadence,
                relationshipMonths,
                matchingMode,
                defaultCapacity,
                enrolmentOpensOn,
                enrolmentClosesOn,
                approvalRequired,
                agreementText,
                suggestedGoals,
                rules,
                minimumScore);
    }

    /** This draft with its enrolment window and whether a manager approves each enrolment. */
    public ProgramDraft withEnrolment(LocalDate opens, LocalDate closes, boolean approval) {
        return new ProgramDraft(
                name,
                template,
                description,
                format,
                startsOn,
                endsOn,
                meetingCadence,
                relationshipMonths,
                matchingMode,
                defaultCapacity,
                opens,
                closes,
                approval,
                agreementText,
                suggestedGoals,
                rules,
                minimumScore);
    }
}

package io.tandem.programs;

import java.util.Map;

/**
 * Enrolment figures for a program's overview. Counts include active and pending enrolments.
 *
 * @param mentorCapacity the mentees the enrolled mentors can take in all
 */
public record ProgramOverview(
        ProgramView program,
        int mentors,
        int mentees,
        int pending,
        int invited,
        int mentorCapacity,
        Map<String, Integer> byDivision,
        Map<String, Integer> byLocation) {

    public boolean capacityShort() {
        return mentorCapacity < mentees;
    }
}

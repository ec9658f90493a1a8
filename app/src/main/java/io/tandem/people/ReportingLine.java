package io.tandem.people;

import java.util.List;

/**
 * A person's place in the organisation.
 *
 * @param managers from the direct manager up to the top
 * @param directReports the people who report to this person
 */
public record ReportingLine(List<PersonSummary> managers, List<PersonSummary> directReports) {

    /** The managers from the top of the organisation down to the direct manager. */
    public List<PersonSummary> managersFromTop() {
        List<PersonSummary> fromTop = new java.util.ArrayList<>(managers);
        java.util.Collections.reverse(fromTop);
        return fromTop;
    }
}

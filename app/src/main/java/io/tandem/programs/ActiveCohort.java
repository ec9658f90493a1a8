package io.tandem.programs;

import io.tandem.people.PersonId;
import io.tandem.people.PersonSummary;
import java.util.List;
import java.util.Map;

/**
 * Everyone taking part in a program now, with their profiles as read for the enrolments' names: a
 * match run scores from both and reads each person once.
 *
 * @param people the profile of each enrolled person (inactive people included; unknown ones absent)
 */
public record ActiveCohort(List<EnrolmentView> enrolments, Map<PersonId, PersonSummary> people) {}

package io.tandem.mentorships;

import io.tandem.people.PersonId;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a program's reports need of all its pairs, without the pairs themselves.
 *
 * @param scores the match score of each pair that has one
 * @param activeMentees each mentor's number of active mentees (mentors without one left out)
 * @param people everyone who is or was in one of the program's pairs
 * @param firstStart the day the first pair started; null while there is none
 */
public record ProgramPairs(
        List<Integer> scores,
        Map<PersonId, Integer> activeMentees,
        Set<PersonId> people,
        LocalDate firstStart) {}

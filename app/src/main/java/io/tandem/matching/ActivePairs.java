package io.tandem.matching;

import io.tandem.identity.OrganisationId;
import io.tandem.people.PersonId;
import io.tandem.programs.ProgramId;
import java.util.List;

/**
 * Who works together in a program now. The mentorships module owns the pairs and answers; matching
 * counts places with it, so a mentorship that ended frees its mentor's place and its mentee.
 */
public interface ActivePairs {

    record Pair(PersonId mentee, PersonId mentor) {}

    /** The program's active pairs. */
    List<Pair> in(OrganisationId organisation, ProgramId program);

    /** Whether the mentee has an active mentor in the program. */
    boolean hasMentor(OrganisationId organisation, ProgramId program, PersonId mentee);

    /** How many active mentees the mentor has in the program: their places taken. */
    int mentees(OrganisationId organisation, ProgramId program, PersonId mentor);
}

package io.tandem.mentorships;

import io.tandem.identity.OrganisationId;
import io.tandem.matching.ActivePairs;
import io.tandem.people.PersonId;
import io.tandem.programs.ProgramId;
import java.util.List;
import org.springframework.stereotype.Component;

/** Matching's view of the places taken: the program's ACTIVE mentorships, nothing that ended. */
@Component
class ActiveMentorships implements ActivePairs {

    private final Mentorships mentorships;

    ActiveMentorships(Mentorships mentorships) {
        this.mentorships = mentorships;
    }

    @Override
    public List<Pair> in(OrganisationId organisation, ProgramId program) {
        return mentorships.active(organisation, program);
    }

    @Override
    public boolean hasMentor(OrganisationId organisation, ProgramId program, PersonId mentee) {
        return mentorships.activeMentors(organisation, program, mentee) > 0;
    }

    @Override
    public int mentees(OrganisationId organisation, ProgramId program, PersonId mentor) {
        return mentorships.activeMentees(organisation, program, mentor);
    }
}

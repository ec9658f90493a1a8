package io.tandem.messaging;

import io.tandem.mentorships.MentorshipId;
import io.tandem.people.PersonId;
import io.tandem.programs.ProgramId;
import java.util.List;
import java.util.UUID;

/**
 * A conversation as one of its members sees it.
 *
 * @param mentorshipId the pair's mentorship, {@code null} for a circle
 * @param lastEventSeq the latest event number: a stream opened after the page resumes from here
 */
public record ConversationView(
        UUID id,
        MentorshipId mentorshipId,
        ProgramId programId,
        PersonId mentorId,
        List<PersonId> members,
        long lastEventSeq,
        long unread) {

    public boolean circle() {
        return mentorshipId == null;
    }
}

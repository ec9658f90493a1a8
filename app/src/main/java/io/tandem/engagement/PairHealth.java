package io.tandem.engagement;

import io.tandem.mentorships.MentorshipId;
import io.tandem.people.PersonId;
import java.time.Instant;
import java.util.List;

/** A pair as the at-risk list shows it: who, how it is doing and why; never what they wrote. */
public record PairHealth(
        MentorshipId mentorship,
        PersonId mentorId,
        String mentorName,
        PersonId menteeId,
        String menteeName,
        Health health,
        List<Reason> reasons,
        long quietDays,
        Instant lastActivity,
        Instant lastAutoNudge) {}

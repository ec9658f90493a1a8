package io.tandem.matching;

import io.tandem.people.PersonId;
import io.tandem.programs.ProgramId;
import java.time.Instant;

/**
 * A self-match request as the mentee, the mentor and the API see it. An open request past {@code
 * expiresAt} reads as {@link RequestStatus#EXPIRED}.
 *
 * @param reason why the mentor declined, if they did
 */
public record RequestView(
        RequestId id,
        ProgramId programId,
        String programName,
        PersonId menteeId,
        String menteeName,
        PersonId mentorId,
        String mentorName,
        String message,
        int score,
        RequestStatus status,
        String reason,
        Instant createdAt,
        Instant expiresAt,
        Instant decidedAt) {

    public boolean open() {
        return status == RequestStatus.OPEN;
    }
}

package io.tandem.meetings;

import io.tandem.people.PersonId;
import io.tandem.programs.ProgramId;
import java.time.Instant;
import java.util.UUID;

/** A mentor's open slot in a FLASH program; {@code bookedBy} is null while it is open. */
public record OfficeHour(
        UUID id,
        ProgramId programId,
        PersonId mentorId,
        Instant start,
        Instant end,
        String zone,
        PersonId bookedBy,
        UUID meetingId) {

    /** A slot just published: nobody has booked it. */
    public static OfficeHour published(
            UUID id,
            ProgramId programId,
            PersonId mentorId,
            Instant start,
            Instant end,
            String zone) {
        return new OfficeHour(id, programId, mentorId, start, end, zone, null, null);
    }

    public boolean open() {
        return bookedBy == null;
    }
}

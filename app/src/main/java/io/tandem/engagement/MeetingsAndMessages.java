package io.tandem.engagement;

import io.tandem.meetings.MeetingHeld;
import io.tandem.messaging.MessageSent;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Meetings held and messages sent count as the pair's activity. */
@Component
class MeetingsAndMessages {

    private final EngagementManagement engagement;

    MeetingsAndMessages(EngagementManagement engagement) {
        this.engagement = engagement;
    }

    /** Each occurrence of a repeating meeting is an activity of its own. */
    @ApplicationModuleListener
    void on(MeetingHeld held) {
        UUID occurrence =
                UUID.nameUUIDFromBytes(
                        (held.meetingId() + "@" + held.heldAt()).getBytes(StandardCharsets.UTF_8));
        engagement.record(
                held.organisationId(),
                held.mentorshipId(),
                ActivityKind.MEETING,
                occurrence,
                held.heldAt());
    }

    /** A circle's messages (no single mentorship) are not one pair's activity. */
    @ApplicationModuleListener
    void on(MessageSent sent) {
        if (sent.mentorshipId() == null) {
            return;
        }
        engagement.record(
                sent.organisationId(),
                sent.mentorshipId(),
                ActivityKind.MESSAGE,
                sent.messageId(),
                sent.sentAt());
    }
}

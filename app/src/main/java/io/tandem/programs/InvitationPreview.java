package io.tandem.programs;

import io.tandem.people.PersonSummary;
import java.util.List;

/**
 * Who an invitation would reach before it is sent.
 *
 * @param count people who would get a new invitation
 * @param alreadyIn people in the audience already invited to or enrolled in the program in this
 *     role
 * @param sample a few of those who would be invited, by name
 */
public record InvitationPreview(int count, int alreadyIn, List<PersonSummary> sample) {

    /** Above this many new invitations, pages ask before sending. */
    public static final int CONFIRM_ABOVE = 50;

    public boolean needsConfirmation() {
        return count > CONFIRM_ABOVE;
    }
}

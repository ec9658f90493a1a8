package io.tandem.home;

import io.tandem.matching.RequestView;
import io.tandem.mentorships.MentorshipSummary;
import io.tandem.people.PersonSummary;
import io.tandem.programs.EnrolmentView;
import io.tandem.programs.ProgramOverview;
import io.tandem.programs.ProgramView;
import java.util.List;

/**
 * Everything the home page shows one person. Lists are empty, never null; {@code me} is null for an
 * account without a profile in the directory (an administrator set up by the environment). Requests
 * are the newest few each way; {@code requestsToAnswerTotal} counts every one waiting.
 */
public record HomePage(
        PersonSummary me,
        List<Invitation> invitations,
        List<RequestView> requestsToAnswer,
        long requestsToAnswerTotal,
        List<RequestView> requestsSent,
        List<EnrolmentView> awaitingApproval,
        List<MentorshipCard> mentorships,
        List<ProgramView> joinable,
        List<ProgramState> approvals,
        List<ProgramState> programs,
        boolean managesPrograms) {

    /** An invitation to answer; {@code open} when the program takes enrolments today. */
    public record Invitation(EnrolmentView enrolment, ProgramView program, boolean open) {}

    /** One of my mentorships, with the other person and what other modules add to it. */
    public record MentorshipCard(
            MentorshipSummary mentorship,
            PersonSummary partner,
            boolean mentoring,
            String program,
            List<MentorshipHighlights.Highlight> highlights) {}

    /** A program as its managers see it at a glance. */
    public record ProgramState(ProgramOverview overview, long pairs) {

        public ProgramView program() {
            return overview.program();
        }
    }

    /** Whether anything waits for an answer from this person. */
    public boolean nothingToDo() {
        return invitations.isEmpty() && requestsToAnswer.isEmpty() && approvals.isEmpty();
    }
}

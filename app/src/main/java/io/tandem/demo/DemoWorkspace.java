package io.tandem.demo;

import io.tandem.identity.IdentityManagement;
import io.tandem.identity.OrganisationId;
import io.tandem.mentorships.GoalStatus;
import io.tandem.mentorships.MentorshipId;
import io.tandem.mentorships.MentorshipManagement;
import io.tandem.mentorships.MentorshipStatus;
import io.tandem.mentorships.MentorshipSummary;
import io.tandem.mentorships.WorkspaceManagement;
import io.tandem.mentorships.WorkspaceManagement.AgreementDraft;
import io.tandem.mentorships.WorkspaceManagement.GoalDraft;
import io.tandem.messaging.MessagingManagement;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.people.PersonSummary;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramView;
import io.tandem.shared.PageQuery;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo pair's workspace, so a visitor signed in as Sam or Priya sees a mentorship at work: a
 * signed agreement, goals with progress and a milestone met, action items, a shared note and the
 * timeline these leave. Written through the mentorships module's API in one transaction, once: a
 * saved agreement means it is there already.
 */
@Component
class DemoWorkspace {

    private static final Logger log = LoggerFactory.getLogger(DemoWorkspace.class);
    private static final Duration PAIR_LIMIT = Duration.ofSeconds(60);

    private final IdentityManagement identity;
    private final PeopleManagement people;
    private final ProgramManagement programs;
    private final MentorshipManagement mentorships;
    private final WorkspaceManagement workspaces;
    private final MessagingManagement messaging;
    private final TransactionTemplate transaction;

    DemoWorkspace(
            IdentityManagement identity,
            PeopleManagement people,
            ProgramManagement programs,
            MentorshipManagement mentorships,
            WorkspaceManagement workspaces,
            MessagingManagement messaging,
            PlatformTransactionManager transactions) {
        this.identity = identity;
        this.people = people;
        this.programs = programs;
        this.mentorships = mentorships;
        this.workspaces = workspaces;
        this.messaging = messaging;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Fills the demo pair's workspace unless it has content.
     *
     * @return whether this call wrote it
     */
    boolean fill() {
        OrganisationId organisation =
                identity.findOrganisation(IdentityManagement.DEFAULT_ORGANISATION).orElse(null);
        if (organisation == null) {
            return false;
        }
        PersonSummary sam =
                people.findByEmail(organisation, DemoPrograms.MENTEE_EMAIL).orElse(null);
        PersonSummary priya =
                people.findByEmail(organisation, DemoPrograms.MENTOR_EMAIL).orElse(null);
        ProgramView program =
                programs
                        .list(organisation, true, PageQuery.of(0, PageQuery.MAX_SIZE))
                        .items()
                        .stream()
                        .filter(p -> p.name().equals(DemoPrograms.ACTIVE))
                        .findFirst()
                        .orElse(null);
        if (sam == null || priya == null || program == null) {
            return false;
        }
        Optional<MentorshipSummary> pair = awaitPair(organisation, program, sam.id(), priya.id());
        if (pair.isEmpty()) {
            log.warn("The demo pair has no active mentorship; their workspace stays empty");
            return false;
        }
        MentorshipId id = pair.get().id();
        transaction.executeWithoutResult(status -> talk(organisation, id, sam.id(), priya.id()));
        if (workspaces.workspace(organisation, id, sam.id()).agreement().saved()) {
            return false;
        }
        transaction.executeWithoutResult(status -> write(organisation, id, sam.id(), priya.id()));
        log.info("Demo workspace of {} and {} filled", sam.name(), priya.name());
        return true;
    }

    /** Publishing starts mentorships after its transaction, so the pair may take a moment. */
    private Optional<MentorshipSummary> awaitPair(
            OrganisationId organisation, ProgramView program, PersonId sam, PersonId priya) {
        long deadline = System.nanoTime() + PAIR_LIMIT.toNanos();
        while (true) {
            Optional<MentorshipSummary> pair =
                    mentorships
                            .find(organisation, program.id(), sam, PageQuery.of(0, 20))
                            .items()
                            .stream()
                            .filter(m -> m.mentorId().equals(priya))
                            .filter(m -> m.status() == MentorshipStatus.ACTIVE)
                            .findFirst();
            if (pair.isPresent() || System.nanoTime() > deadline) {
                return pair;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /**
     * A short conversation, the last line from Priya left unread by Sam. Each line has a fixed
     * client id, so a second start stores none of them again.
     */
    private void talk(OrganisationId org, MentorshipId id, PersonId sam, PersonId priya) {
        UUID conversation = messaging.conversationOf(org, id, priya);
        String[][] lines = {
            {
                "priya",
                "Hi Sam, welcome! I read your goals: a demo for another division is a great"
                        + " first step. Shall we start with the outline?"
            },
            {
                "sam",
                "Thanks Priya! Yes please. I have a first draft; I will put it in our notes"
                        + " before Tuesday."
            },
            {
                "priya",
                "Perfect. Here is the template our product leads use:"
                        + " https://example.org/demo-outline. Bring your questions on Tuesday."
            }
        };
        boolean wrote = false;
        for (int i = 0; i < lines.length; i++) {
            PersonId author = lines[i][0].equals("sam") ? sam : priya;
            UUID clientId = UUID.nameUUIDFromBytes(("demo-conversation:" + i).getBytes());
            boolean created =
                    messaging.send(org, conversation, author, clientId, lines[i][1]).created();
            wrote |= created;
            if (created && i == 1) {
                messaging.markRead(org, conversation, sam);
            }
        }
        if (wrote) {
            messaging.markRead(org, conversation, priya);
        }
    }

    private void write(OrganisationId org, MentorshipId id, PersonId sam, PersonId priya) {
        agree(org, id, sam, priya);
        LocalDate today = workspaces.today();
        setGoals(org, id, sam, priya, today);
        promise(org, id, sam, priya, today);
    }

    /** The agreement Priya wrote, signed by both. */
    private void agree(OrganisationId org, MentorshipId id, PersonId sam, PersonId priya) {
        workspaces.saveAgreement(
                org,
                id,
                priya,
                new AgreementDraft(
                        "We meet every two weeks for 45 minutes by video and keep a running agenda"
                                + " in our shared notes.",
                        "Sam brings one question or piece of work to each meeting. Priya gives"
                                + " candid feedback and opens doors in Digital Services.",
                        "Every other Tuesday, 16:00 Berlin time; either of us may move a meeting"
                                + " with two days' notice.",
                        "What we discuss stays between us unless we both agree to share it.",
                        "Six months, with a look back at the half-way point.",
                        0));
        int version = workspaces.workspace(org, id, sam).agreement().version();
        workspaces.sign(org, id, priya, version);
        workspaces.sign(org, id, sam, version);
    }

    /** Sam's three goals, two under way. */
    private void setGoals(
            OrganisationId org, MentorshipId id, PersonId sam, PersonId priya, LocalDate today) {
        // A goal names a skill only from those Sam wants to learn.
        java.util.List<String> wanted = workspaces.skills(org, id, sam);
        String first = wanted.isEmpty() ? null : wanted.get(0);
        String second = wanted.size() < 2 ? null : wanted.get(1);
        leadADemo(org, id, sam, priya, today, first);
        learnHowReleasesArePlanned(org, id, sam, today, second);
        workspaces.addGoal(
                org,
                id,
                sam,
                new GoalDraft(
                        "Build a network outside my division",
                        "Coffee chats with five people in three other divisions",
                        today.plusMonths(5),
                        null,
                        GoalStatus.NOT_STARTED));
    }

    private void leadADemo(
            OrganisationId org,
            MentorshipId id,
            PersonId sam,
            PersonId priya,
            LocalDate today,
            String skill) {
        UUID demo =
                workspaces.addGoal(
                        org,
                        id,
                        sam,
                        new GoalDraft(
                                "Lead a product demo for another division",
                                "Present one sprint demo to Digital Services and collect feedback"
                                        + " from three people there",
                                today.plusMonths(3),
                                skill,
                                GoalStatus.IN_PROGRESS));
        UUID outline =
                workspaces.addMilestone(
                        org, id, sam, demo, "Outline reviewed with Priya", today.plusDays(7));
        workspaces.addMilestone(org, id, sam, demo, "Dry run with my team", today.plusDays(30));
        workspaces.meetMilestone(org, id, priya, outline);
        workspaces.recordProgress(
                org,
                id,
                sam,
                demo,
                40,
                "Outline done and a slot agreed with the product lead.",
                goalVersion(org, id, sam, demo));
    }

    private void learnHowReleasesArePlanned(
            OrganisationId org, MentorshipId id, PersonId sam, LocalDate today, String skill) {
        UUID release =
                workspaces.addGoal(
                        org,
                        id,
                        sam,
                        new GoalDraft(
                                "Understand how Digital Services plans a release",
                                "Shadow one release planning session and write a one-page summary",
                                today.plusMonths(2),
                                skill,
                                GoalStatus.NOT_STARTED));
        workspaces.recordProgress(
                org,
                id,
                sam,
                release,
                25,
                "Priya shared last quarter's plan; session booked for next month.",
                goalVersion(org, id, sam, release));
    }

    /** What each promised the other, one done, and the first meeting's shared note. */
    private void promise(
            OrganisationId org, MentorshipId id, PersonId sam, PersonId priya, LocalDate today) {
        UUID sent =
                workspaces.addActionItem(
                        org, id, sam, "Send Priya the demo outline", sam, today.plusDays(3));
        workspaces.completeActionItem(org, id, priya, sent);
        workspaces.addActionItem(
                org, id, priya, "Introduce Sam to the release manager", priya, today.plusDays(10));
        workspaces.addActionItem(
                org, id, sam, "Book a room for the dry run", sam, today.plusDays(21));

        workspaces.addNote(
                org,
                id,
                priya,
                "**First meeting.** We agreed to focus on presenting to people outside Sam's"
                        + " division first, then on how releases are planned.\n\n"
                        + "- Sam sends the demo outline this week\n"
                        + "- Priya asks the release manager about shadowing",
                true);
    }

    private int goalVersion(OrganisationId org, MentorshipId id, PersonId viewer, UUID goal) {
        return workspaces.workspace(org, id, viewer).goals().stream()
                .filter(g -> g.id().equals(goal))
                .findFirst()
                .orElseThrow()
                .version();
    }
}

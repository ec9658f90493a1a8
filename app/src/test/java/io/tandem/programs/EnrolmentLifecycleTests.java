package io.tandem.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.people.PersonId;
import io.tandem.people.PersonStatus;
import io.tandem.people.PersonSummary;
import io.tandem.shared.Conflict;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The enrolment's moves, without Spring: what each status allows and what it refuses. */
class EnrolmentLifecycleTests {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final ProgramView program =
            new ProgramView(
                    new ProgramId(UUID.randomUUID()),
                    "Cross-division",
                    null,
                    "CUSTOM",
                    null,
                    null,
                    null,
                    null,
                    6,
                    MatchingMode.ADMIN,
                    3,
                    null,
                    null,
                    true,
                    ProgramStatus.ENROLLING,
                    null,
                    List.of(),
                    List.of());

    private final PersonSummary ada = person();

    @Test
    void aPendingEnrolmentIsApprovedOrDeclinedOnceWithItsNote() {
        Enrolment pending = enrolled(EnrolmentStatus.PENDING);

        Enrolment approved = pending.approve(NOW, "  welcome  ");
        assertThat(approved.status()).isEqualTo(EnrolmentStatus.ACTIVE);
        assertThat(approved.decidedAt()).isEqualTo(NOW);
        assertThat(approved.decisionNote()).isEqualTo("welcome");

        assertThat(pending.decline(NOW, " ").status()).isEqualTo(EnrolmentStatus.DECLINED);
        assertThat(pending.decline(NOW, " ").decisionNote()).isNull();

        assertThatThrownBy(() -> approved.approve(NOW, null))
                .isInstanceOfSatisfying(
                        Conflict.class,
                        c -> {
                            assertThat(c.code()).isEqualTo("enrolment.not-pending");
                            assertThat(c.getArguments()).containsExactly(EnrolmentStatus.ACTIVE);
                        });
        assertThatThrownBy(() -> approved.decline(NOW, null)).isInstanceOf(Conflict.class);
    }

    @Test
    void onlyAnOpenEnrolmentCanBeWithdrawn() {
        for (EnrolmentStatus open :
                List.of(EnrolmentStatus.INVITED, EnrolmentStatus.PENDING, EnrolmentStatus.ACTIVE)) {
            assertThat(enrolled(open).withdraw(NOW).status()).isEqualTo(EnrolmentStatus.WITHDRAWN);
        }
        for (EnrolmentStatus closed :
                List.of(EnrolmentStatus.DECLINED, EnrolmentStatus.WITHDRAWN)) {
            assertThatThrownBy(() -> enrolled(closed).withdraw(NOW))
                    .isInstanceOfSatisfying(
                            Conflict.class,
                            c -> assertThat(c.code()).isEqualTo("enrolment.not-open"));
        }
    }

    @Test
    void anInvitationIsAnsweredKeepingWhenItWasSentButNobodyEnrolsTwice() {
        Instant invitedAt = NOW.minusSeconds(3600);
        Enrolment invitation =
                Enrolment.invitation(
                        new EnrolmentId(UUID.randomUUID()),
                        program,
                        ada,
                        EnrolmentRole.MENTOR,
                        invitedAt);
        assertThat(invitation.status()).isEqualTo(EnrolmentStatus.INVITED);
        assertThat(invitation.capacity()).as("the program's places").isEqualTo(3);

        Enrolment answers =
                Enrolment.answers(
                        program,
                        ada,
                        new Enrol(
                                ada.id(),
                                null,
                                EnrolmentRole.MENTOR,
                                null,
                                " grow ",
                                List.of("Java; SQL", " "),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null),
                        EnrolmentStatus.PENDING,
                        NOW);
        assertThat(answers.skillsWanted()).containsExactly("Java", "SQL");
        assertThat(answers.goals()).isEqualTo("grow");
        assertThat(answers.timeZone()).as("the profile's zone").isEqualTo("Europe/Paris");

        Enrolment answered = invitation.answer(answers, EnrolmentStatus.PENDING, "Ada");
        assertThat(answered.id()).isEqualTo(invitation.id());
        assertThat(answered.invitedAt()).isEqualTo(invitedAt);
        assertThat(answered.status()).isEqualTo(EnrolmentStatus.PENDING);

        assertThatThrownBy(() -> answered.answer(answers, EnrolmentStatus.PENDING, "Ada"))
                .isInstanceOfSatisfying(
                        Conflict.class,
                        c ->
                                assertThat(c.getArguments())
                                        .containsExactly("Ada", EnrolmentRole.MENTOR));
    }

    private Enrolment enrolled(EnrolmentStatus status) {
        Enrolment pending =
                Enrolment.answers(
                        program, ada, Enrol.of(ada.id(), EnrolmentRole.MENTEE), status, NOW);
        assertThat(pending.status()).isEqualTo(status);
        return pending;
    }

    private static PersonSummary person() {
        return new PersonSummary(
                new PersonId(UUID.randomUUID()),
                "E1",
                "ada@acme.test",
                "Ada",
                "Lovelace",
                null,
                3,
                "Research",
                "Engineering",
                "Paris",
                "Europe/Paris",
                null,
                null,
                PersonStatus.ACTIVE,
                List.of("en"),
                List.of(),
                List.of(),
                null,
                null,
                null);
    }
}

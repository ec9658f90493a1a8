package io.tandem.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.shared.Conflict;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The program's moves, without Spring: the lifecycle and what each status still allows. */
class ProgramLifecycleTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Test
    void aProgramMovesOnlyAlongItsLifecycle() {
        Program draft = program(ProgramStatus.DRAFT, null, null);

        Program active =
                draft.moveTo(ProgramStatus.ENROLLING)
                        .moveTo(ProgramStatus.MATCHING)
                        .moveTo(ProgramStatus.ACTIVE);
        assertThat(active.status()).isEqualTo(ProgramStatus.ACTIVE);
        assertThat(active.moveTo(ProgramStatus.CLOSED).status()).isEqualTo(ProgramStatus.CLOSED);

        assertThatThrownBy(() -> draft.moveTo(ProgramStatus.ACTIVE))
                .isInstanceOfSatisfying(
                        Conflict.class,
                        c -> {
                            assertThat(c.code()).isEqualTo("program.transition.refused");
                            assertThat(c.getArguments())
                                    .containsExactly(ProgramStatus.DRAFT, ProgramStatus.ACTIVE);
                        });
        assertThatThrownBy(() -> active.moveTo(ProgramStatus.ENROLLING))
                .isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> draft.moveTo(null)).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> active.moveTo(ProgramStatus.CLOSED).moveTo(ProgramStatus.DRAFT))
                .isInstanceOf(Conflict.class);
    }

    @Test
    void rulesChangeUntilPairsExistAndTheMinimumScoreUntilTheProgramCloses() {
        program(ProgramStatus.MATCHING, null, null).refuseRuleChange();
        assertThat(ProgramStatus.MATCHING.rulesEditable()).isTrue();
        assertThatThrownBy(() -> program(ProgramStatus.ACTIVE, null, null).refuseRuleChange())
                .isInstanceOfSatisfying(
                        Conflict.class,
                        c -> assertThat(c.code()).isEqualTo("program.rules.locked"));
        assertThat(ProgramStatus.ACTIVE.rulesEditable()).isFalse();

        program(ProgramStatus.ACTIVE, null, null).refuseMinimumScoreChange();
        assertThatThrownBy(
                        () -> program(ProgramStatus.CLOSED, null, null).refuseMinimumScoreChange())
                .isInstanceOf(Conflict.class);
    }

    @Test
    void enrolmentNeedsAnOpenStatusAndTodayInsideTheWindow() {
        program(ProgramStatus.ENROLLING, TODAY, TODAY).refuseEnrolment(TODAY);
        program(ProgramStatus.DRAFT, null, null).refuseEnrolment(TODAY);

        assertThatThrownBy(
                        () ->
                                program(ProgramStatus.ENROLLING, TODAY.plusDays(1), null)
                                        .refuseEnrolment(TODAY))
                .isInstanceOfSatisfying(
                        Conflict.class,
                        c -> assertThat(c.code()).isEqualTo("enrolment.window-closed"));
        assertThatThrownBy(
                        () ->
                                program(ProgramStatus.ENROLLING, null, TODAY.minusDays(1))
                                        .refuseEnrolment(TODAY))
                .isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> program(ProgramStatus.ACTIVE, null, null).refuseEnrolment(TODAY))
                .isInstanceOfSatisfying(
                        Conflict.class, c -> assertThat(c.code()).isEqualTo("enrolment.closed"));
        assertThatThrownBy(() -> program(ProgramStatus.CLOSED, null, null).refuseInvitations())
                .isInstanceOf(Conflict.class);
    }

    private static Program program(ProgramStatus status, LocalDate opens, LocalDate closes) {
        return new Program(new ProgramId(UUID.randomUUID()), status, opens, closes);
    }
}

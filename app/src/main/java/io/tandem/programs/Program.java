package io.tandem.programs;

import io.tandem.shared.Conflict;
import java.time.LocalDate;

/**
 * A program as its lifecycle sees it: the moves it allows, each refused with a {@link Conflict}
 * when its status does not. Services ask it, then save; {@link ProgramView} is what others read.
 */
record Program(
        ProgramId id,
        ProgramStatus status,
        LocalDate enrolmentOpensOn,
        LocalDate enrolmentClosesOn) {

    static Program of(ProgramView view) {
        return new Program(
                view.id(), view.status(), view.enrolmentOpensOn(), view.enrolmentClosesOn());
    }

    /** The program in its next status, if the lifecycle allows the move. */
    Program moveTo(ProgramStatus next) {
        if (next == null || !status.canMoveTo(next)) {
            throw new Conflict("program.transition.refused", status, next);
        }
        return new Program(id, next, enrolmentOpensOn, enrolmentClosesOn);
    }

    /** Rules change until matching has produced pairs. */
    void refuseRuleChange() {
        if (!status.rulesEditable()) {
            throw new Conflict("program.rules.locked", status);
        }
    }

    /** The minimum score changes until the program closes. */
    void refuseMinimumScoreChange() {
        if (status == ProgramStatus.CLOSED) {
            throw new Conflict("program.rules.locked", status);
        }
    }

    /** Invitations go out while the program still takes people in. */
    void refuseInvitations() {
        if (!status.acceptsEnrolments()) {
            throw new Conflict("enrolment.closed", status);
        }
    }

    /** Enrolment needs a program that takes people in, inside its window (on the API too). */
    void refuseEnrolment(LocalDate today) {
        refuseInvitations();
        if ((enrolmentOpensOn != null && today.isBefore(enrolmentOpensOn))
                || (enrolmentClosesOn != null && today.isAfter(enrolmentClosesOn))) {
            throw new Conflict("enrolment.window-closed");
        }
    }
}

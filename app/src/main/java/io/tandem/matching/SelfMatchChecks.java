package io.tandem.matching;

import io.tandem.identity.OrganisationId;
import io.tandem.matching.SelfMatchRequests.Request;
import io.tandem.people.PersonId;
import io.tandem.programs.MatchingMode;
import io.tandem.programs.ProgramId;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramStatus;
import io.tandem.programs.ProgramView;
import io.tandem.shared.Conflict;
import io.tandem.shared.InputError;
import io.tandem.shared.InvalidInputException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.stereotype.Component;

/**
 * What every self-match step checks first: the program is open to self-match, the mentee takes
 * part, no hard rule forbids the pair; and the refusals they answer with.
 */
@Component
class SelfMatchChecks {

    /** The program scored for one mentee: row {@code mentee}, each mentor's places left. */
    record Situation(ProgramView program, ScoredProgram scored, int mentee, int[] remaining) {}

    private final ActivePairs active;
    private final ProgramScoring scoring;
    private final ProgramManagement programs;
    private final MessageSourceAccessor messages;
    private final RefusalMessages refusals;
    private final Clock clock;

    SelfMatchChecks(
            ActivePairs active,
            ProgramScoring scoring,
            ProgramManagement programs,
            MessageSource messageSource,
            RefusalMessages refusals,
            Clock clock) {
        this.active = active;
        this.scoring = scoring;
        this.programs = programs;
        this.messages = new MessageSourceAccessor(messageSource);
        this.refusals = refusals;
        this.clock = clock;
    }

    Situation situation(OrganisationId organisation, ProgramId programId, PersonId mentee) {
        ProgramView program = selfMatchProgram(organisation, programId);
        if (mentee == null) {
            throw refused("menteeId", "self-match.not-mentee");
        }
        // the mentee's own row, not every pair of the program
        ScoredProgram unscored = scoring.forPairs(organisation, program);
        int i = unscored.menteeIndex(mentee);
        if (i < 0) {
            throw refused("menteeId", "self-match.not-mentee");
        }
        ScoredProgram scored = unscored.holdingRow(i);
        Map<PersonId, Integer> taken = new HashMap<>();
        for (ActivePairs.Pair pair : active.in(organisation, programId)) {
            taken.merge(pair.mentor(), 1, Integer::sum);
        }
        int[] remaining = new int[scored.mentors().size()];
        for (int j = 0; j < remaining.length; j++) {
            int places = taken.getOrDefault(scored.mentors().get(j).personId(), 0);
            remaining[j] = Math.max(0, scored.capacities().of(j) - places);
        }
        return new Situation(program, scored, i, remaining);
    }

    ProgramView selfMatchProgram(OrganisationId organisation, ProgramId programId) {
        ProgramView program = programs.get(organisation, programId);
        if (program.matchingMode() == MatchingMode.ADMIN) {
            throw conflict("self-match.admin-only");
        }
        if (program.status() == ProgramStatus.DRAFT || program.status() == ProgramStatus.CLOSED) {
            throw new Conflict(
                    "self-match.not-open",
                    new DefaultMessageSourceResolvable("program-status." + program.status()));
        }
        return program;
    }

    /** Refuses a pair a hard rule forbids, naming each rule it breaks. */
    void refuseForbidden(ScoredProgram scored, int i, int j) {
        if (!scored.allowed(i, j)) {
            throw InvalidInputException.unprocessable(
                    messages.getMessage("self-match.forbidden"),
                    refusals.errors("mentorId", scored.refusals(i, j)));
        }
    }

    void refuseUnlessOpen(Request r) {
        RequestStatus status = r.status(clock.instant());
        if (status != RequestStatus.OPEN) {
            throw notOpen(status);
        }
    }

    InvalidInputException refused(String field, String code, Object... args) {
        return InvalidInputException.unprocessable(
                messages.getMessage("self-match.refused"),
                List.of(InputError.field(field, messages.getMessage(code, args))));
    }

    Conflict conflict(String code) {
        return new Conflict(code);
    }

    Conflict full(int capacity) {
        return new Conflict("self-match.full", capacity);
    }

    Conflict notOpen(RequestStatus status) {
        return new Conflict(
                "self-match.closed",
                new DefaultMessageSourceResolvable("request-status." + status));
    }
}

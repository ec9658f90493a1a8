package io.tandem.matching;

import io.tandem.identity.OrganisationId;
import io.tandem.matching.MatchRunView.Proposal;
import io.tandem.matching.engine.Algorithm;
import io.tandem.matching.engine.CancellationToken;
import io.tandem.matching.engine.HardRules;
import io.tandem.matching.engine.Objective;
import io.tandem.matching.engine.ProgressListener;
import io.tandem.people.PersonId;
import io.tandem.people.PersonSummary;
import io.tandem.programs.EnrolmentView;
import io.tandem.programs.MatchingRule;
import io.tandem.programs.ProgramId;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramView;
import io.tandem.web.ConflictException;
import io.tandem.web.InputError;
import io.tandem.web.InvalidInputException;
import io.tandem.web.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The matching module's API: match runs, their review, and publishing. */
@Service
public class MatchingManagement {

    private final MatchRuns runs;
    private final MatchRunner runner;
    private final ProgramScoring scoring;
    private final ProgramManagement programs;
    private final ApplicationEventPublisher events;
    private final MessageSourceAccessor messages;
    private final boolean excludePastPairs;

    MatchingManagement(
            MatchRuns runs,
            MatchRunner runner,
            ProgramScoring scoring,
            ProgramManagement programs,
            ApplicationEventPublisher events,
            MessageSource messageSource,
            @Value("${tandem.matching.exclude-past-pairs:true}") boolean excludePastPairs) {
        this.runs = runs;
        this.runner = runner;
        this.scoring = scoring;
        this.programs = programs;
        this.events = events;
        this.messages = new MessageSourceAccessor(messageSource);
        this.excludePastPairs = excludePastPairs;
    }

    /** Starts a run in the background; poll {@link #run} for its progress and result. */
    public MatchRunView start(
            OrganisationId organisation,
            ProgramId programId,
            Objective objective,
            Algorithm algorithm) {
        programs.get(organisation, programId);
        return launch(organisation, programId, objective, algorithm, null, List.of());
    }

    /** Runs again on everyone but the locked pairs of {@code base}, which stay as they are. */
    public MatchRunView rerun(OrganisationId organisation, MatchRunId base) {
        MatchRunView previous = run(organisation, base);
        if (!previous.finished()) {
            throw new ConflictException(messages.getMessage("match.running"));
        }
        List<Proposal> locked = runs.proposals(base).stream().filter(Proposal::locked).toList();
        return launch(
                organisation,
                previous.programId(),
                previous.objective(),
                previous.algorithm(),
                base,
                locked);
    }

    private MatchRunView launch(
            OrganisationId organisation,
            ProgramId programId,
            Objective objective,
            Algorithm algorithm,
            MatchRunId base,
            List<Proposal> locked) {
        MatchRunId id = new MatchRunId(UUID.randomUUID());
        runs.insert(
                organisation,
                id,
                programId,
                objective == null ? Objective.TOTAL : objective,
                algorithm == null ? Algorithm.OPTIMAL : algorithm,
                base);
        MatchRunView run = run(organisation, id);
        runner.runLater(organisation, run, locked);
        return run;
    }

    public MatchRunView run(OrganisationId organisation, MatchRunId id) {
        return runs.find(organisation, id, true)
                .orElseThrow(() -> new NotFoundException(messages.getMessage("match.not-found")));
    }

    /** The run's status and figures, without its pairs. */
    public MatchRunView status(OrganisationId organisation, MatchRunId id) {
        return runs.find(organisation, id, false)
                .orElseThrow(() -> new NotFoundException(messages.getMessage("match.not-found")));
    }

    public List<MatchRunView> runs(OrganisationId organisation, ProgramId program) {
        return runs.forProgram(organisation, program);
    }

    public boolean cancel(OrganisationId organisation, MatchRunId id) {
        status(organisation, id);
        return runner.cancel(id);
    }

    @Transactional
    public void lock(OrganisationId organisation, MatchRunId id, PersonId mentee, boolean locked) {
        editable(organisation, id);
        if (!runs.setLocked(id, mentee, locked)) {
            throw new NotFoundException(messages.getMessage("match.pair.not-found"));
        }
    }

    /** Takes the pair out of the run; later runs of the program leave it out too. */
    @Transactional
    public void remove(OrganisationId organisation, MatchRunId id, PersonId mentee) {
        MatchRunView run = editable(organisation, id);
        Proposal pair =
                runs.proposals(id).stream()
                        .filter(p -> p.menteeId().equals(mentee))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new NotFoundException(
                                                messages.getMessage("match.pair.not-found")));
        runs.removeProposal(id, mentee);
        runs.exclude(organisation, run.programId(), pair.menteeId(), pair.mentorId());
        runs.addUnmatched(id, mentee, UnmatchedReason.REMOVED);
    }

    /**
     * Pairs a mentee with a mentor by hand, as a locked pair.
     *
     * @throws InvalidInputException naming each hard rule the pair breaks, or the mentor's full
     *     capacity
     */
    @Transactional
    public Proposal assign(
            OrganisationId organisation, MatchRunId id, PersonId mentee, PersonId mentor) {
        MatchRunView run = editable(organisation, id);
        ProgramView program = programs.get(organisation, run.programId());
        runs.unexclude(run.programId(), mentee, mentor);
        ProgramScoring.Scored scored =
                scoring.score(
                        organisation,
                        program,
                        programs.activeEnrolments(organisation, program.id()),
                        runs.excluded(organisation, program.id(), excludePastPairs),
                        CancellationToken.NONE,
                        ProgressListener.NONE);
        int i = scored.menteeIndex(mentee);
        int j = scored.mentorIndex(mentor);
        List<InputError> errors = new ArrayList<>();
        if (i < 0) {
            errors.add(
                    InputError.field("menteeId", messages.getMessage("match.assign.not-mentee")));
        }
        if (j < 0) {
            errors.add(
                    InputError.field("mentorId", messages.getMessage("match.assign.not-mentor")));
        }
        if (errors.isEmpty()) {
            if (scored.belowMinimum(i, j)) {
                errors.add(InputError.field("mentorId", belowMinimum(scored, i, j, program)));
            } else if (scored.matrix().score(i, j) < 0) {
                for (HardRules.Rule rule : scored.scorer().brokenRules(i, j)) {
                    errors.add(
                            InputError.field(
                                    "mentorId", messages.getMessage("hard-rule." + rule.name())));
                }
                EnrolmentView menteeEnrolment = scored.mentees().get(i);
                PersonSummary a = scored.people().get(mentee);
                PersonSummary b = scored.people().get(mentor);
                for (MatchingRule rule : program.hardRules()) {
                    if (!ProgramScoring.allows(rule, menteeEnrolment, a, b)) {
                        errors.add(InputError.field("mentorId", programs.describe(rule)));
                    }
                }
                if (errors.isEmpty()) {
                    errors.add(
                            InputError.field(
                                    "mentorId", messages.getMessage("hard-rule.EXCLUDED_PAIR")));
                }
            } else {
                List<Proposal> current = runs.proposals(id);
                long load =
                        current.stream()
                                .filter(
                                        p ->
                                                p.mentorId().equals(mentor)
                                                        && !p.menteeId().equals(mentee))
                                .count();
                if (load >= scored.capacities().of(j)) {
                    errors.add(
                            InputError.field(
                                    "mentorId",
                                    messages.getMessage(
                                            "match.assign.full",
                                            new Object[] {scored.capacities().of(j)})));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw InvalidInputException.unprocessable(
                    messages.getMessage("match.assign.refused"), errors);
        }
        Proposal pair =
                new Proposal(
                        mentee,
                        mentor,
                        scored.matrix().score(i, j),
                        MatchRunner.contributions(scored.scorer().explain(i, j)),
                        true,
                        true);
        runs.removeProposal(id, mentee);
        runs.addProposal(id, pair);
        return pair;
    }

    /** Publishes the run's pairs: the mentorships module starts them. A run publishes once. */
    @Transactional
    public MatchRunView publish(OrganisationId organisation, MatchRunId id) {
        MatchRunView run = run(organisation, id);
        if (run.status() != MatchRunStatus.DONE) {
            throw new ConflictException(
                    messages.getMessage("match.not-done", new Object[] {run.status()}));
        }
        if (!runs.markPublished(organisation, id)) {
            throw new ConflictException(messages.getMessage("match.published-already"));
        }
        runs.recordPublished(organisation, run.programId(), run.proposals());
        events.publishEvent(
                new MatchPublished(
                        organisation,
                        run.programId(),
                        id.value(),
                        run.proposals().stream()
                                .map(
                                        p ->
                                                new MatchPublished.Pair(
                                                        p.menteeId(), p.mentorId(), p.score()))
                                .toList()));
        return run(organisation, id);
    }

    /** Why a pair scoring below the program's minimum is refused, with its score. */
    String belowMinimum(ProgramScoring.Scored scored, int i, int j, ProgramView program) {
        return messages.getMessage(
                "match.below-minimum",
                new Object[] {
                    scored.scorer().score(i, j),
                    scored.maxPoints(),
                    scored.minimumPoints(),
                    program.minimumScore()
                });
    }

    private MatchRunView editable(OrganisationId organisation, MatchRunId id) {
        MatchRunView run = status(organisation, id);
        if (run.status() != MatchRunStatus.DONE) {
            throw new ConflictException(
                    messages.getMessage("match.not-done", new Object[] {run.status()}));
        }
        if (run.published()) {
            throw new ConflictException(messages.getMessage("match.published-already"));
        }
        return run;
    }
}

package io.tandem.matching;

import io.tandem.identity.OrganisationId;
import io.tandem.matching.MatchRunView.Proposal;
import io.tandem.matching.engine.Algorithm;
import io.tandem.matching.engine.Objective;
import io.tandem.people.PersonId;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.ProgramId;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramView;
import io.tandem.shared.Conflict;
import io.tandem.shared.InputError;
import io.tandem.shared.InvalidInputException;
import io.tandem.shared.NotFound;
import io.tandem.shared.PageQuery;
import io.tandem.shared.Paged;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The matching module's API: match runs, their review, and publishing. */
@Service
public class MatchingManagement {

    private final MatchRuns runs;
    private final PublishedRuns published;
    private final MatchRunner runner;
    private final ProgramScoring scoring;
    private final ProgramManagement programs;
    private final EnrolmentManagement enrolling;
    private final ActivePairs active;
    private final SelfMatchRequests requests;
    private final ApplicationEventPublisher events;
    private final MessageSourceAccessor messages;
    private final RefusalMessages refusals;

    MatchingManagement(
            MatchRuns runs,
            PublishedRuns published,
            MatchRunner runner,
            ProgramScoring scoring,
            ProgramManagement programs,
            EnrolmentManagement enrolling,
            ActivePairs active,
            SelfMatchRequests requests,
            ApplicationEventPublisher events,
            MessageSource messageSource,
            RefusalMessages refusals) {
        this.runs = runs;
        this.published = published;
        this.runner = runner;
        this.scoring = scoring;
        this.programs = programs;
        this.enrolling = enrolling;
        this.active = active;
        this.requests = requests;
        this.events = events;
        this.messages = new MessageSourceAccessor(messageSource);
        this.refusals = refusals;
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
        MatchRun.of(previous).rerun();
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
        events.publishEvent(new MatchRunStarted(organisation, programId, id));
        runner.runLater(organisation, run, locked);
        return run;
    }

    public MatchRunView run(OrganisationId organisation, MatchRunId id) {
        return published
                .find(organisation, id, () -> runs.find(organisation, id, true))
                .orElseThrow(() -> new NotFound("match.not-found"));
    }

    /** The run's status and figures, without its pairs. */
    public MatchRunView status(OrganisationId organisation, MatchRunId id) {
        return runs.find(organisation, id, false)
                .orElseThrow(() -> new NotFound("match.not-found"));
    }

    /**
     * The run's pairs without their explanations, best score first: for a review that sorts and
     * filters thousands of pairs to show a page of them. None for another organisation's run.
     */
    public List<PublishedPair> pairs(OrganisationId organisation, MatchRunId id) {
        return runs.pairs(organisation, id);
    }

    /** The run's proposals for these mentees, with their explanations: one page of a review. */
    public List<Proposal> proposals(
            OrganisationId organisation, MatchRunId id, java.util.Collection<PersonId> mentees) {
        return runs.proposals(organisation, id, mentees);
    }

    /** The mentees the run left without a mentor; none for another organisation's run. */
    public List<MatchRunView.Unmatched> unmatched(OrganisationId organisation, MatchRunId id) {
        return runs.unmatched(organisation, id);
    }

    /**
     * @throws NotFound for a program of another organisation, rather than no runs
     */
    public Paged<MatchRunView> runs(
            OrganisationId organisation, ProgramId program, PageQuery page) {
        programs.get(organisation, program);
        List<MatchRunView> found =
                runs.forProgram(organisation, program, page.offset(), page.size());
        return Paged.counted(found, page, () -> runs.countForProgram(organisation, program));
    }

    /**
     * Cancels a running run, on whichever instance runs it: the run reads CANCELLED at once, and
     * the instance running it stops within a heartbeat. False when it was not running.
     */
    public boolean cancel(OrganisationId organisation, MatchRunId id) {
        status(organisation, id);
        boolean cancelled = runs.requestCancel(organisation, id);
        if (cancelled) {
            runner.cancelHere(id);
        }
        return cancelled;
    }

    @Transactional
    public void lock(OrganisationId organisation, MatchRunId id, PersonId mentee, boolean locked) {
        editable(organisation, id);
        if (!runs.setLocked(id, mentee, locked)) {
            throw new NotFound("match.pair.not-found");
        }
        events.publishEvent(
                new ProposedPairChanged(
                        organisation, id, locked ? "LOCKED" : "UNLOCKED", mentee, null));
    }

    /** Takes the pair out of the run; later runs of the program leave it out too. */
    @Transactional
    public void remove(OrganisationId organisation, MatchRunId id, PersonId mentee) {
        MatchRunView run = editable(organisation, id);
        Proposal pair =
                runs.proposals(id).stream()
                        .filter(p -> p.menteeId().equals(mentee))
                        .findFirst()
                        .orElseThrow(() -> new NotFound("match.pair.not-found"));
        runs.removeProposal(id, mentee);
        runs.exclude(organisation, run.programId(), pair.menteeId(), pair.mentorId());
        runs.addUnmatched(id, mentee, UnmatchedReason.REMOVED);
        events.publishEvent(
                new ProposedPairChanged(organisation, id, "REMOVED", mentee, pair.mentorId()));
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
        ScoredProgram scored = scoring.forPairs(organisation, program);
        int i = scored.menteeIndex(mentee);
        int j = scored.mentorIndex(mentor);
        List<InputError> errors =
                assignErrors(organisation, id, program, scored, i, j, mentee, mentor);
        if (!errors.isEmpty()) {
            throw InvalidInputException.unprocessable(
                    messages.getMessage("match.assign.refused"), errors);
        }
        Proposal pair =
                new Proposal(
                        mentee,
                        mentor,
                        scored.score(i, j),
                        MatchRunner.contributions(scored.scorer().explain(i, j)),
                        true,
                        true);
        runs.removeProposal(id, mentee);
        runs.addProposal(id, pair);
        events.publishEvent(new ProposedPairChanged(organisation, id, "ASSIGNED", mentee, mentor));
        return pair;
    }

    /**
     * The mentor's places taken besides {@code mentee}'s: the run's pairs, on top of the places
     * active mentorships take.
     */
    private long load(
            OrganisationId organisation,
            MatchRunId id,
            ProgramView program,
            PersonId mentee,
            PersonId mentor) {
        long load =
                runs.proposals(id).stream()
                        .filter(p -> p.mentorId().equals(mentor) && !p.menteeId().equals(mentee))
                        .count();
        return load + active.mentees(organisation, program.id(), mentor);
    }

    /** Why a hand-made pair of mentee row {@code i} and mentor column {@code j} is refused. */
    private List<InputError> assignErrors(
            OrganisationId organisation,
            MatchRunId id,
            ProgramView program,
            ScoredProgram scored,
            int i,
            int j,
            PersonId mentee,
            PersonId mentor) {
        List<InputError> errors = new ArrayList<>();
        if (i < 0) {
            errors.add(
                    InputError.field("menteeId", messages.getMessage("match.assign.not-mentee")));
        }
        if (j < 0) {
            errors.add(
                    InputError.field("mentorId", messages.getMessage("match.assign.not-mentor")));
        }
        if (!errors.isEmpty() || !scored.allowed(i, j)) {
            return errors.isEmpty() ? refusals.errors("mentorId", scored.refusals(i, j)) : errors;
        }
        long load = load(organisation, id, program, mentee, mentor);
        if (active.hasMentor(organisation, program.id(), mentee)) {
            errors.add(
                    InputError.field("menteeId", messages.getMessage("match.assign.has-mentor")));
        }
        if (load >= scored.capacities().of(j)) {
            errors.add(
                    InputError.field(
                            "mentorId",
                            messages.getMessage(
                                    "match.assign.full",
                                    new Object[] {scored.capacities().of(j)})));
        }
        return errors;
    }

    /**
     * Publishes the run's pairs: the mentorships module starts them, in this transaction. A run
     * publishes once, and never over pairs published since it ran. Returns the run's status and
     * figures without its pairs: decoding thousands of explanations inside the publish cost the
     * request about a twentieth of its CPU, for pages that read none of them ({@link #run} does).
     *
     * @throws Conflict when the run is not done, was published, or its pairs would give a mentee a
     *     second mentor or a mentor more mentees than their places (another run or a self-match
     *     request published meanwhile): nothing is published then
     */
    @Transactional
    public MatchRunView publish(OrganisationId organisation, MatchRunId id) {
        // The pairs without their explanations: decoding thousands of them is most of a read.
        MatchRunView run = status(organisation, id);
        MatchRun.of(run).publish();
        List<PublishedPair> pairs = runs.pairs(id);
        Overbooking overbooking = overbooking(organisation, run.programId(), pairs);
        if (overbooking.any()) {
            throw overbooking.refusal();
        }
        if (!runs.markPublished(organisation, id)) {
            throw new Conflict("match.published-already");
        }
        // The mentorships module starts the pairs first, holding the program's lock: a publish
        // racing this one on another instance waits for it, then finds the places taken.
        try {
            events.publishEvent(new MatchPublished(organisation, run.programId(), id.value()));
        } catch (PessimisticLockingFailureException | QueryTimeoutException e) {
            // H2 gives up waiting for a lock with a query timeout; PostgreSQL waits its turn.
            throw new Conflict("match.busy");
        }
        runs.recordPublished(organisation, run.programId(), pairs);
        return status(organisation, id);
    }

    /**
     * What publishing the run now would overbook, counted against the program's active mentorships:
     * nothing for a published or unfinished run.
     */
    public Overbooking overbooking(OrganisationId organisation, MatchRunId id) {
        MatchRunView run = status(organisation, id);
        if (!run.underReview()) {
            return Overbooking.NONE;
        }
        return overbooking(organisation, run.programId(), runs.pairs(id));
    }

    private Overbooking overbooking(
            OrganisationId organisation, ProgramId program, List<PublishedPair> pairs) {
        Map<PersonId, Integer> capacity = enrolling.mentorPlaces(organisation, program);
        Set<PersonId> paired = new HashSet<>();
        Map<PersonId, Integer> load = new HashMap<>();
        for (ActivePairs.Pair pair : active.in(organisation, program)) {
            paired.add(pair.mentee());
            load.merge(pair.mentor(), 1, Integer::sum);
        }
        int mentees = 0;
        Set<PersonId> full = new HashSet<>();
        for (PublishedPair p : pairs) {
            if (!paired.add(p.mentee())) {
                mentees++;
            }
            if (load.merge(p.mentor(), 1, Integer::sum) > capacity.getOrDefault(p.mentor(), 0)) {
                full.add(p.mentor());
            }
        }
        return new Overbooking(mentees, full.size());
    }

    /**
     * The pairs a run or an accepted request published, for the mentorships module to start.
     *
     * @param source the id {@link MatchPublished#source()} names
     */
    @Transactional(readOnly = true)
    public List<PublishedPair> publishedPairs(OrganisationId organisation, UUID source) {
        MatchRunId run = new MatchRunId(source);
        if (runs.find(organisation, run, false).filter(MatchRunView::published).isPresent()) {
            return runs.pairs(run);
        }
        return requests.find(organisation, new RequestId(source))
                .filter(r -> r.stored() == RequestStatus.ACCEPTED)
                .map(r -> List.of(new PublishedPair(r.menteeId(), r.mentorId(), r.score())))
                .orElse(List.of());
    }

    private MatchRunView editable(OrganisationId organisation, MatchRunId id) {
        return underReview(status(organisation, id));
    }

    /** The run, when its pairs may still change; else why not. */
    private MatchRunView underReview(MatchRunView run) {
        MatchRun.of(run).review();
        return run;
    }
}

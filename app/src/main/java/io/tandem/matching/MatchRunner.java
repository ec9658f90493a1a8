package io.tandem.matching;

import io.tandem.identity.OrganisationId;
import io.tandem.matching.MatchRunView.Contribution;
import io.tandem.matching.MatchRunView.Proposal;
import io.tandem.matching.MatchRunView.Stats;
import io.tandem.matching.MatchRunView.Unmatched;
import io.tandem.matching.engine.Algorithm;
import io.tandem.matching.engine.Assignment;
import io.tandem.matching.engine.CancellationToken;
import io.tandem.matching.engine.CancelledException;
import io.tandem.matching.engine.Capacities;
import io.tandem.matching.engine.Explanation;
import io.tandem.matching.engine.Matcher;
import io.tandem.matching.engine.Objective;
import io.tandem.matching.engine.PricingSolver;
import io.tandem.matching.engine.ProgressListener;
import io.tandem.people.PersonId;
import io.tandem.people.PersonSummary;
import io.tandem.programs.EnrolmentRole;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramView;
import jakarta.annotation.PreDestroy;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Runs match runs in the background: score, solve, explain, store, reporting progress. */
@Component
class MatchRunner {

    private static final Logger log = LoggerFactory.getLogger(MatchRunner.class);
    private static final int BUCKETS = 10;

    private final MatchRuns runs;
    private final ProgramScoring scoring;
    private final long pricedFrom;
    private final ProgramManagement programs;
    private final ActivePairs active;
    private final TransactionTemplate transaction;
    private final Duration heartbeatTimeout;
    private final Clock clock;
    private final String abandoned;
    private final String outOfMemory;
    private final Map<MatchRunId, CancellationToken> running = new ConcurrentHashMap<>();
    // Its own thread, so a busy scheduler never starves the heartbeat of a long run.
    private final ScheduledExecutorService beats =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "match-run-heartbeat");
                        t.setDaemon(true);
                        return t;
                    });
    // Runs have threads of their own. On the application's shared executor a run queued behind
    // the event listeners of a large publish (two per mentorship) and, accepted but not yet
    // running, it did not beat: the sweep gave a healthy run up as if its instance had died.
    private final ThreadPoolTaskExecutor runThreads;

    MatchRunner(
            MatchRuns runs,
            ProgramScoring scoring,
            ProgramManagement programs,
            ActivePairs active,
            TransactionTemplate transaction,
            MessageSource messageSource,
            MatchingProperties properties,
            Clock clock) {
        this.runs = runs;
        this.scoring = scoring;
        this.pricedFrom = properties.pricedFrom();
        this.programs = programs;
        this.active = active;
        this.transaction = transaction;
        Duration heartbeat = properties.heartbeat();
        this.heartbeatTimeout = properties.heartbeatTimeout();
        this.clock = clock;
        this.abandoned =
                new MessageSourceAccessor(messageSource)
                        .getMessage("match.abandoned", new Object[] {heartbeatTimeout.toSeconds()});
        this.outOfMemory =
                new MessageSourceAccessor(messageSource)
                        .getMessage(
                                "match.out-of-memory",
                                new Object[] {Runtime.getRuntime().maxMemory() / (1024 * 1024)});
        runThreads = new ThreadPoolTaskExecutor();
        runThreads.setCorePoolSize(Math.max(1, properties.runThreads()));
        runThreads.setThreadNamePrefix("match-run-");
        runThreads.setDaemon(true);
        // Shut down without interrupting a run's thread (an interrupt during H2's file IO closes
        // the database) and without waiting for it: the run dies with the process.
        runThreads.setWaitForTasksToCompleteOnShutdown(true);
        runThreads.setAwaitTerminationSeconds(0);
        runThreads.initialize();
        beats.scheduleWithFixedDelay(
                this::beat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the run at once if this instance runs it; others notice the flag at their beat. */
    void cancelHere(MatchRunId id) {
        CancellationToken token = running.get(id);
        if (token != null) {
            token.cancel();
        }
    }

    /** The threads runs execute on; tests hold them busy to queue a run. */
    ThreadPoolTaskExecutor runThreads() {
        return runThreads;
    }

    boolean runsHere(MatchRunId id) {
        return running.containsKey(id);
    }

    /** The heartbeat of this instance's runs; stops those cancelled or given up elsewhere. */
    void beat() {
        try {
            List<UUID> ids = running.keySet().stream().map(MatchRunId::value).toList();
            for (UUID stop : runs.beat(ids, clock.instant())) {
                cancelHere(new MatchRunId(stop));
            }
        } catch (RuntimeException e) {
            // The next beat tries again; the database may just be restarting.
            log.warn("Match run heartbeat failed: {}", e.toString());
        }
    }

    /**
     * Marks FAILED, with the reason, every run whose instance stopped beating (killed, crashed): at
     * start-up and then periodically. One conditional update, safe on any number of instances.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(
            fixedDelayString = "${tandem.matching.sweep:PT15S}",
            initialDelayString = "${tandem.matching.sweep:PT15S}")
    public void sweep() {
        try {
            int failed =
                    runs.failAbandoned(
                            clock.instant().minus(heartbeatTimeout),
                            abandoned,
                            clock.instant(),
                            running.keySet().stream().map(MatchRunId::value).toList());
            if (failed > 0) {
                log.warn(
                        "Marked {} match run(s) FAILED: no heartbeat for {}",
                        failed,
                        heartbeatTimeout);
            }
        } catch (RuntimeException e) {
            log.warn("Sweeping abandoned match runs failed: {}", e.toString());
        }
    }

    @PreDestroy
    void stopBeating() {
        beats.shutdownNow();
        // Runs still going are left RUNNING; without heartbeats the sweep of the instances left
        // marks them FAILED with the reason, as after a crash.
        runThreads.shutdown();
    }

    /**
     * Runs in the background on a run thread. The run beats from this moment, also while it waits
     * for a free thread, and a cancel reaches it there too.
     */
    public void runLater(OrganisationId organisation, MatchRunView run, List<Proposal> locked) {
        CancellationToken token = new CancellationToken();
        running.put(run.id(), token);
        try {
            runThreads.execute(() -> run(organisation, run, locked, token));
        } catch (RuntimeException e) {
            running.remove(run.id());
            log.warn("Match run {} could not start", run.id(), e);
            runs.end(run.id(), MatchRun.of(run).fail(), e.getMessage());
        }
    }

    /** Runs the steps; the run ends cancelled or failed when they do not finish. */
    private void run(
            OrganisationId organisation,
            MatchRunView run,
            List<Proposal> locked,
            CancellationToken token) {
        try {
            if (!steps(organisation, run, locked, token, "Match run")) {
                // A cancel asked for on another instance before its beat reached this one: the
                // run ends cancelled (a run given up meanwhile stays as it is).
                runs.end(run.id(), MatchRun.of(run).cancel(), null);
            }
        } catch (CancelledException e) {
            runs.end(run.id(), MatchRun.of(run).cancel(), null);
        } catch (RuntimeException e) {
            log.warn("Match run {} failed", run.id(), e);
            runs.end(run.id(), MatchRun.of(run).fail(), e.getMessage());
        } catch (OutOfMemoryError e) {
            // Once the steps have unwound, the run's scores are garbage and the instance can say
            // why. Uncaught, the thread died and the sweep reported the instance gone, which it
            // was not.
            log.error("Match run {} ran out of memory", run.id(), e);
            runs.end(run.id(), MatchRun.of(run).fail(), outOfMemory);
        } finally {
            running.remove(run.id());
        }
    }

    /**
     * Score, solve, explain, store: the path from the call to DONE, one step a method; false when
     * the run was cancelled before its result was stored.
     */
    private boolean steps(
            OrganisationId organisation,
            MatchRunView run,
            List<Proposal> locked,
            CancellationToken token,
            String what) {
        Laps laps = new Laps();
        Found found =
                readAndFind(
                        organisation,
                        run,
                        locked,
                        token,
                        ProgressListener.slice(progress(run.id()), 0, 0.95),
                        laps);
        boolean finished = store(run, found.outcome(), found.stats());
        laps.lap("written");
        log.info(
                "{} {}: {} x {} {}",
                what,
                run.id(),
                found.scored().mentees().size(),
                found.scored().mentors().size(),
                laps);
        return finished;
    }

    /** Reads the program and finds the run's result (score, solve, explain), storing nothing. */
    private Found readAndFind(
            OrganisationId organisation,
            MatchRunView run,
            List<Proposal> locked,
            CancellationToken token,
            ProgressListener progress,
            Laps laps) {
        token.throwIfCancelled();
        ProgramView program = programs.get(organisation, run.programId());
        ProgramScoring.Reading reading = scoring.read(organisation, program);
        laps.lap("read");
        return find(
                organisation,
                program,
                reading,
                locked,
                run.objective(),
                run.algorithm(),
                run.algorithm() == Algorithm.OPTIMAL && priced(reading),
                token,
                progress,
                laps);
    }

    /**
     * What a run finds, before it is stored.
     *
     * @param scored the program, holding every allowed pair or (priced) the pairs the solve held
     */
    record Found(ScoredProgram scored, Assignment assignment, Outcome outcome, Stats stats) {}

    /**
     * Score, solve and explain. {@code priced} (an optimal run of a program with at least {@link
     * MatchingProperties#pricedFrom()} pairs) solves by {@link ProgramScoring#priced}, straight
     * from the scorer, never holding every allowed pair; otherwise, and always for a greedy or
     * stable run (which need every pair ranked), every pair is scored first. Both give the same
     * optimum.
     */
    Found find(
            OrganisationId organisation,
            ProgramView program,
            ProgramScoring.Reading reading,
            List<Proposal> locked,
            Objective objective,
            Algorithm algorithm,
            boolean priced,
            CancellationToken token,
            ProgressListener progress,
            Laps laps) {
        ScoredProgram scored;
        Places places;
        Assignment assignment;
        if (priced) {
            ScoredProgram unscored = scoring.unscored(organisation, program, reading);
            places = places(organisation, program, unscored, locked);
            ProgramScoring.Priced solved =
                    scoring.priced(
                            unscored,
                            places.leaving(),
                            places.capacity(),
                            objective,
                            token,
                            progress);
            scored = solved.scored();
            assignment = solved.result().assignment();
            laps.lap("scored and solved, priced", pricing(solved.result()));
        } else {
            scored =
                    scoring.score(
                            organisation,
                            program,
                            reading,
                            token,
                            ProgressListener.slice(progress, 0, 0.4 / 0.95));
            laps.lap("scored");
            places = places(organisation, program, scored, locked);
            assignment =
                    Matcher.solve(
                            scored.scores().withoutRows(places.leaving()),
                            Capacities.of(places.capacity()),
                            objective,
                            algorithm,
                            token,
                            ProgressListener.slice(progress, 0.4 / 0.95, 1));
            laps.lap("solved", assignment.statistics());
        }
        Outcome outcome = explain(scored, places, assignment);
        laps.lap("explained");
        return new Found(
                scored,
                assignment,
                outcome,
                stats(outcome.proposals(), outcome.unmatched().size(), scored));
    }

    /** An optimal run's findings, for tests: {@code priced} chooses the path whatever the size. */
    Found find(
            OrganisationId organisation,
            ProgramView program,
            List<Proposal> locked,
            Objective objective,
            boolean priced) {
        return find(
                organisation,
                program,
                scoring.read(organisation, program),
                locked,
                objective,
                Algorithm.OPTIMAL,
                priced,
                CancellationToken.NONE,
                ProgressListener.NONE,
                new Laps());
    }

    /** Whether the program, as enrolled, has at least {@code pricedFrom} pairs. */
    private boolean priced(ProgramScoring.Reading reading) {
        long mentees = 0;
        long mentors = 0;
        for (var e : reading.cohort().enrolments()) {
            mentees += e.role() == EnrolmentRole.MENTEE ? 1 : 0;
            mentors += e.role() == EnrolmentRole.MENTOR ? 1 : 0;
        }
        return mentees * mentors >= pricedFrom;
    }

    private static String pricing(PricingSolver.Result r) {
        return r.assignment().statistics()
                + ", "
                + r.pairsHeld()
                + " pairs held, "
                + r.rounds()
                + " round(s), "
                + r.rowsRescored()
                + " rows scored again";
    }

    /**
     * Wall and this thread's CPU time of each step, for the log: on a busy machine the wall clock
     * is mostly waiting, the CPU what the step cost (the scorer's second thread is not counted).
     */
    static final class Laps {
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final StringBuilder text = new StringBuilder();
        private long wall = System.nanoTime();
        private long cpu = threads.getCurrentThreadCpuTime();

        void lap(String step) {
            lap(step, null);
        }

        /** A step, with what it did in brackets when {@code detail} is given. */
        void lap(String step, Object detail) {
            long nowWall = System.nanoTime();
            long nowCpu = threads.getCurrentThreadCpuTime();
            text.append(text.isEmpty() ? "" : ", ")
                    .append(step)
                    .append(" in ")
                    .append((nowWall - wall) / 1_000_000)
                    .append(" ms (cpu ")
                    .append((nowCpu - cpu) / 1_000_000)
                    .append(" ms")
                    .append(detail == null ? "" : "; " + detail)
                    .append(')');
            wall = nowWall;
            cpu = nowCpu;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** Writes the run's progress at most every 5 %, so a fast run does not spend its time on it. */
    private ProgressListener progress(MatchRunId id) {
        double[] last = {0};
        return fraction -> {
            if (fraction - last[0] >= 0.05 || fraction >= 1) {
                last[0] = fraction;
                runs.progress(id, Math.min(0.99, fraction));
            }
        };
    }

    /**
     * The places left to fill: mentees already in an active mentorship of the program (from an
     * earlier run, or self-match) and mentees of locked pairs leave the problem, and their mentors
     * have a place fewer. An ended mentorship frees both.
     *
     * @param alreadyPaired mentees in an active mentorship: neither proposed nor unmatched
     * @param lockedMentor each mentee's locked mentor, -1 for none
     */
    record Places(int[] capacity, boolean[] leaving, boolean[] alreadyPaired, int[] lockedMentor) {}

    private Places places(
            OrganisationId organisation,
            ProgramView program,
            ScoredProgram scored,
            List<Proposal> locked) {
        int[] capacity = scored.capacities().toArray();
        int rows = scored.mentees().size();
        boolean[] leaving = new boolean[rows];
        boolean[] alreadyPaired = new boolean[rows];
        int[] lockedMentor = new int[rows];
        Arrays.fill(lockedMentor, -1);
        for (ActivePairs.Pair pair : active.in(organisation, program.id())) {
            int i = scored.menteeIndex(pair.mentee());
            int j = scored.mentorIndex(pair.mentor());
            if (i >= 0) {
                alreadyPaired[i] = true;
                leaving[i] = true;
            }
            if (j >= 0 && capacity[j] > 0) {
                capacity[j]--;
            }
        }
        for (Proposal p : locked) {
            int i = scored.menteeIndex(p.menteeId());
            int j = scored.mentorIndex(p.mentorId());
            if (i >= 0 && j >= 0 && capacity[j] > 0) {
                lockedMentor[i] = j;
                capacity[j]--;
                leaving[i] = true;
            }
        }
        return new Places(capacity, leaving, alreadyPaired, lockedMentor);
    }

    /**
     * Runs the steps of a run already inserted, on this thread, whatever transaction it is in: the
     * warm-up's ({@link MatchingWarmUp}), which rolls everything back. Answers how many pairs it
     * wrote; stops (throwing) once {@code token} is cancelled.
     */
    int rehearse(OrganisationId organisation, MatchRunView run, CancellationToken token) {
        steps(organisation, run, List.of(), token, "Warm-up match run");
        return runs.proposals(run.id()).size();
    }

    /**
     * The same run's steps again up to its result (read, score, solve, explain), storing nothing,
     * for the warm-up's second pass; answers how many pairs it found.
     */
    int rehearseAgain(OrganisationId organisation, MatchRunView run, CancellationToken token) {
        Laps laps = new Laps();
        Found found = readAndFind(organisation, run, List.of(), token, ProgressListener.NONE, laps);
        log.info(
                "Warm-up match run {} again, nothing stored: {} x {} {}",
                run.id(),
                found.scored().mentees().size(),
                found.scored().mentors().size(),
                laps);
        return found.outcome().proposals().size();
    }

    record Outcome(List<Proposal> proposals, List<Unmatched> unmatched) {}

    /** The run's pairs with each criterion's contribution (chosen pairs only), and why the rest. */
    private static Outcome explain(ScoredProgram scored, Places places, Assignment assignment) {
        List<Proposal> proposals = new ArrayList<>();
        List<Unmatched> unmatched = new ArrayList<>();
        for (int i = 0; i < scored.mentees().size(); i++) {
            if (places.alreadyPaired()[i]) {
                continue;
            }
            boolean isLocked = places.lockedMentor()[i] >= 0;
            int j = isLocked ? places.lockedMentor()[i] : assignment.mentorOf(i);
            PersonId mentee = scored.mentees().get(i).personId();
            if (j >= 0) {
                proposals.add(
                        new Proposal(
                                mentee,
                                scored.mentors().get(j).personId(),
                                scored.score(i, j),
                                contributions(scored.scorer().explain(i, j)),
                                isLocked,
                                false));
            } else {
                unmatched.add(new Unmatched(mentee, unmatchedReason(scored, i)));
            }
        }
        return new Outcome(proposals, unmatched);
    }

    static UnmatchedReason unmatchedReason(ScoredProgram scored, int mentee) {
        return scored.anyAllowed(mentee)
                ? UnmatchedReason.CAPACITY_EXHAUSTED
                : scored.anyBelowMinimum(mentee)
                        ? UnmatchedReason.BELOW_MINIMUM_SCORE
                        : UnmatchedReason.NO_FEASIBLE_MENTOR;
    }

    /**
     * The pairs first, the run's row last: the row stays locked only for the commit, so heartbeats
     * and sweeps never wait behind thousands of inserts. A run cancelled or given up meanwhile
     * keeps that state and no pairs.
     *
     * @return false when the run was no longer RUNNING, nothing written
     */
    private boolean store(MatchRunView run, Outcome outcome, Stats stats) {
        Boolean finished =
                transaction.execute(
                        status -> {
                            runs.replaceProposals(
                                    run.id(), outcome.proposals(), outcome.unmatched());
                            MatchRun.of(run).finish();
                            if (!runs.finish(run.id(), stats, stats.totalScore())) {
                                status.setRollbackOnly();
                                return false;
                            }
                            return true;
                        });
        return Boolean.TRUE.equals(finished);
    }

    static List<Contribution> contributions(List<Explanation> explanation) {
        // Criteria the program gives no weight add nothing; the rest still add up to the score.
        return explanation.stream()
                .filter(e -> e.weight() > 0)
                .map(
                        e ->
                                new Contribution(
                                        e.criterion().name(),
                                        e.weight(),
                                        e.value(),
                                        e.contribution()))
                .toList();
    }

    static Stats stats(List<Proposal> proposals, int unmatched, ScoredProgram scored) {
        int max = scored.maxPoints();
        int[] histogram = new int[BUCKETS];
        long total = 0;
        Integer min = null;
        int crossDivision = 0;
        int crossLocation = 0;
        int crossFunction = 0;
        Map<PersonId, PersonSummary> people = scored.people();
        for (Proposal p : proposals) {
            total += p.score();
            min = min == null ? p.score() : Math.min(min, p.score());
            int bucket =
                    max == 0 ? 0 : Math.min(BUCKETS - 1, (int) ((long) p.score() * BUCKETS / max));
            histogram[Math.max(0, bucket)]++;
            PersonSummary a = people.get(p.menteeId());
            PersonSummary b = people.get(p.mentorId());
            if (a != null && b != null) {
                crossDivision += Objects.equals(a.division(), b.division()) ? 0 : 1;
                crossLocation += Objects.equals(a.location(), b.location()) ? 0 : 1;
                crossFunction += Objects.equals(a.function(), b.function()) ? 0 : 1;
            }
        }
        int matched = proposals.size();
        return new Stats(
                matched + unmatched,
                matched,
                unmatched,
                min,
                matched == 0 ? null : (double) total / matched,
                total,
                max,
                Arrays.stream(histogram).boxed().toList(),
                share(crossDivision, matched),
                share(crossLocation, matched),
                share(crossFunction, matched),
                scored.mentors().size());
    }

    private static double share(int count, int of) {
        return of == 0 ? 0 : (double) count / of;
    }
}

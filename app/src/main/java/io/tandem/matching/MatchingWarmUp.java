package io.tandem.matching;

import io.tandem.identity.OrganisationId;
import io.tandem.matching.engine.Algorithm;
import io.tandem.matching.engine.CancellationToken;
import io.tandem.matching.engine.CancelledException;
import io.tandem.matching.engine.Objective;
import io.tandem.people.WorkMode;
import io.tandem.programs.MatchingRule;
import io.tandem.programs.ProgramId;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramTemplate;
import io.tandem.programs.ProgramView;
import jakarta.annotation.PreDestroy;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A started instance runs matching twice per program template on a made-up organisation, on a
 * thread of its own after start-up, through the path a real run takes: the people, the program and
 * its enrolments are inserted, then read back, scored, solved, explained and the run's proposals
 * written by {@link MatchRunner}; once every template has run, each is run again (storing nothing)
 * and published (its mentorships started) — all in one transaction that is rolled back. A new
 * instance's first real run and publish then find the database's reads and batch inserts compiled
 * by the JIT along with the scorer and the solver, taking the branches real data take (a made-up
 * cohort built in memory compiled other ones, thrown away in the first run). Nothing is committed:
 * the publish's events reach only the listeners that run inside its transaction, the ones after
 * commit (mails, inbox, engagement) never run, and no audit row is written; the organisation's ids
 * are random, so two instances starting against one database never meet. Spring Modulith keeps each
 * publication of an event in memory as "in progress" until its listener completes or fails, and a
 * rollback does neither: before rolling back, the warm-up marks its own events' publications
 * failed, which drops them (the rows marked are rolled back with the rest), so no made-up event is
 * held until shutdown. {@code tandem.matching.warm-up} sizes it in mentees, with 3 mentors for
 * every 10 (0: none).
 */
@Component
class MatchingWarmUp {

    private static final Logger log = LoggerFactory.getLogger(MatchingWarmUp.class);

    /**
     * The JIT counts as idle once its compilation time grew by less than this over {@link
     * #QUIET_WINDOW_MS}: a compilation or two of a small method, not a queue draining.
     */
    private static final long QUIET_COMPILE_MS = 10;

    private static final int QUIET_WINDOW_MS = 1_000;

    private static final int QUIET_POLL_MS = 100;

    private static final String[] SKILLS = {
        "Leadership",
        "Data analysis",
        "Negotiation",
        "Public speaking",
        "Cloud architecture",
        "Java",
        "Budgeting",
        "Coaching",
        "Python",
        "Storytelling",
        "Lean",
        "Excel"
    };
    private static final String[] DIVISIONS = {"Retail", "Digital", "Energy", "Health", "Industry"};
    private static final String[] FUNCTIONS = {"Sales", "Engineering", "Finance", "HR", "Service"};
    private static final String[][] PLACES = {
        {"London", "Europe/London"},
        {"New York", "America/New_York"},
        {"Berlin", "Europe/Berlin"},
        {"Singapore", "Asia/Singapore"},
        {"Sydney", "Australia/Sydney"}
    };

    private final MatchRunner runner;
    private final MatchRuns runs;
    private final MatchingManagement matching;
    private final ProgramManagement programs;
    private final JdbcTemplate jdbc;
    private final EventPublicationRegistry publications;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int mentees;

    /** The longest each of the warm-up's waits for the JIT lasts, in milliseconds. */
    private final long jitWait;

    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private final CancellationToken stopping = new CancellationToken();
    private volatile Thread thread;

    /** The events published by a rehearsal on this thread, while it runs; null otherwise. */
    private final ThreadLocal<List<Object>> heard = new ThreadLocal<>();

    MatchingWarmUp(
            MatchRunner runner,
            MatchRuns runs,
            MatchingManagement matching,
            ProgramManagement programs,
            JdbcTemplate jdbc,
            EventPublicationRegistry publications,
            PlatformTransactionManager transactions,
            MatchingProperties properties,
            Clock clock) {
        this.runner = runner;
        this.runs = runs;
        this.matching = matching;
        this.programs = programs;
        this.jdbc = jdbc;
        this.publications = publications;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.mentees = properties.warmUp();
        this.jitWait = properties.warmUpJitWait().toMillis();
    }

    /** Done (or not needed) once the warm-up has run; for benches that compare first runs. */
    CompletableFuture<Void> finished() {
        return finished;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (mentees <= 0) {
            finished.complete(null);
            return;
        }
        Thread warmUp = new Thread(this::warmUp, "matching-warm-up");
        warmUp.setDaemon(true);
        thread = warmUp;
        warmUp.start();
    }

    /**
     * Stops a warm-up still running before the database closes, and waits for its transaction to
     * roll back: closed under an open transaction, the embedded database kept some of the made-up
     * people (three rows after two quick restarts in {@code DurableWritesIntegrationTests}).
     */
    @PreDestroy
    void stop() throws InterruptedException {
        stopping.cancel();
        Thread warmUp = thread;
        if (warmUp != null) {
            warmUp.join(TimeUnit.SECONDS.toMillis(30));
            if (warmUp.isAlive()) {
                log.warn("The matching warm-up did not stop within 30 s");
            }
        }
    }

    private void warmUp() {
        long started = System.nanoTime();
        long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        int mentors = mentors(mentees);
        try {
            Waits waits = new Waits();
            int pairs = rehearse(new OrganisationId(UUID.randomUUID()), mentees, waits);
            waits.after = awaitCompilers();
            log.info(
                    "Matched {} x {} made-up people for each of {} templates ({} pairs) through the"
                            + " database, rolled back, to warm up matching in {} ms (cpu {} ms on"
                            + " this thread), of which waiting for the JIT compilers to go idle"
                            + " {} ms after the first pass, {} ms after the second and {} ms at the"
                            + " end",
                    mentees,
                    mentors,
                    programs.templates().size(),
                    pairs,
                    (System.nanoTime() - started) / 1_000_000,
                    (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu)
                            / 1_000_000,
                    waits.between,
                    waits.beforeThird,
                    waits.after);
        } catch (CancelledException e) {
            log.info("Matching warm-up stopped: the application is shutting down");
        } catch (RuntimeException e) {
            log.warn("Warming up matching failed: {}", e.toString());
        } finally {
            finished.complete(null);
        }
    }

    private static int mentors(int mentees) {
        return Math.max(1, mentees * 3 / 10);
    }

    /**
     * Inserts a made-up organisation (with this id, which must be new) of {@code mentees} mentees
     * and their mentors, and runs and publishes each template's program on it as a match run, in a
     * transaction rolled back at the end; answers how many pairs the runs wrote before that.
     */
    int rehearse(OrganisationId organisation, int mentees) {
        return rehearse(organisation, mentees, null);
    }

    /**
     * As {@link #rehearse(OrganisationId, int)}; with {@code waits}, idles the JIT between passes.
     */
    private int rehearse(OrganisationId organisation, int mentees, Waits waits) {
        List<Object> events = new ArrayList<>();
        heard.set(events);
        try {
            Integer pairs =
                    transaction.execute(
                            status -> {
                                status.setRollbackOnly();
                                try {
                                    return runAndPublish(organisation, mentees, waits);
                                } finally {
                                    forget(events);
                                }
                            });
            return pairs == null ? 0 : pairs;
        } finally {
            heard.remove();
        }
    }

    /**
     * Two passes over the templates. The first runs each template's program and stores its
     * proposals; the second runs each again, storing nothing, and publishes it. Compiled code is
     * thrown away when a later template takes a branch an earlier one never took (JFR, session 19:
     * leadership readiness's lowest mentor level deoptimised the scorer's loop in the sixth
     * template, and the first real run then scored in the profiling tier until it was compiled
     * again); the second pass lets every step be compiled again with every template's branches
     * seen, and gives the solver's per-mentee methods the calls that compile them whole rather than
     * only their loops. Publishing in the second pass keeps the runs' mentees unpaired for it,
     * while its later templates still meet the earlier ones' pairs as past pairs. With {@code
     * waits}, the second pass starts once the compilations the first one queued are done: while the
     * C2 queue is long HotSpot raises the call counts a method needs to be queued at all, so a
     * second pass run beside a full queue left methods hot in a real run in the profiling tier.
     * Then, once the second pass's own compilations (the publish's among them) are done, a third
     * pass runs each template again up to its result: the read, the scorer and the solver get their
     * calls with the queue empty, and are compiled before the first real run rather than in it.
     */
    private int runAndPublish(OrganisationId organisation, int mentees, Waits waits) {
        List<UUID> people = insertPeople(organisation, mentees);
        int written = 0;
        List<MatchRunId> ids = new ArrayList<>();
        for (ProgramTemplate template : programs.templates()) {
            stopping.throwIfCancelled();
            ProgramId program = insertProgram(organisation, template);
            enrol(organisation, program, people, mentors(mentees));
            MatchRunId id = new MatchRunId(UUID.randomUUID());
            runs.insert(organisation, id, program, Objective.TOTAL, Algorithm.OPTIMAL, null);
            written += runner.rehearse(organisation, run(organisation, id), stopping);
            ids.add(id);
        }
        if (waits != null) {
            waits.between = awaitCompilers();
        }
        for (MatchRunId id : ids) {
            stopping.throwIfCancelled();
            runner.rehearseAgain(organisation, run(organisation, id), stopping);
            stopping.throwIfCancelled();
            matching.publish(organisation, id);
        }
        if (waits != null) {
            waits.beforeThird = awaitCompilers();
            for (MatchRunId id : ids) {
                stopping.throwIfCancelled();
                runner.rehearseAgain(organisation, run(organisation, id), stopping);
            }
        }
        return written;
    }

    /**
     * Waits until the JIT compilers are idle (their compilation time grew by under {@value
     * #QUIET_COMPILE_MS} ms over a second), at most {@code tandem.matching.warm-up-jit-wait};
     * answers the milliseconds waited. The warm-up fills the single C2 thread's queue faster than
     * it drains (session 20: dozens of methods still queued when it ended), and a first run started
     * then shared the two cores with that queue; the instance answers pages meanwhile, as it does
     * during the rest of the warm-up.
     */
    private long awaitCompilers() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long start = System.nanoTime();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return 0;
        }
        int window = QUIET_WINDOW_MS / QUIET_POLL_MS;
        long[] compiled = new long[window + 1];
        for (int polls = 0; ; polls++) {
            compiled[polls % compiled.length] = jit.getTotalCompilationTime();
            long waited = (System.nanoTime() - start) / 1_000_000;
            if (polls >= window
                            && compiled[polls % compiled.length]
                                            - compiled[(polls - window) % compiled.length]
                                    < QUIET_COMPILE_MS
                    || waited >= jitWait) {
                return waited;
            }
            stopping.throwIfCancelled();
            try {
                Thread.sleep(QUIET_POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return (System.nanoTime() - start) / 1_000_000;
            }
        }
    }

    /** Milliseconds the warm-up waited for the JIT, for its log line. */
    private static final class Waits {
        long between;
        long beforeThird;
        long after;
    }

    private MatchRunView run(OrganisationId organisation, MatchRunId id) {
        return runs.find(organisation, id, false).orElseThrow();
    }

    /** Keeps the events a rehearsal on this thread publishes (the same objects Modulith holds). */
    @EventListener
    void heard(PayloadApplicationEvent<?> event) {
        List<Object> events = heard.get();
        if (events != null) {
            events.add(event.getPayload());
        }
    }

    /**
     * Marks the publications of the rehearsal's events failed, inside its transaction: Modulith
     * drops each from its publications in progress (held by the event object itself), and the rows
     * it marks are rolled back with the rest. The listeners are those of the incomplete
     * publications, which the transaction's own rows are among; an event and a listener that were
     * never stored together are left as they are.
     */
    private void forget(List<Object> events) {
        try {
            Set<PublicationTargetIdentifier> listeners = new HashSet<>();
            for (TargetEventPublication publication : publications.findIncompletePublications()) {
                listeners.add(publication.getTargetIdentifier());
            }
            for (Object event : events) {
                for (PublicationTargetIdentifier listener : listeners) {
                    publications.markFailed(event, listener);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not drop the warm-up's event publications: {}", e.toString());
        }
    }

    /**
     * Mentors first, then mentees: places, divisions, functions and popular skills at random, each
     * person reporting to one of the first few hundred, so that the org chart has depth.
     */
    private List<UUID> insertPeople(OrganisationId organisation, int mentees) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update(
                "insert into organisation (id, slug, name, created_at) values (?, ?, ?, ?)",
                organisation.value(),
                "warm-up-" + organisation.value(),
                "Warm-up",
                now);
        Random random = new Random(mentees);
        int everyone = mentors(mentees) + mentees;
        List<UUID> ids = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < everyone; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            String[] place = PLACES[random.nextInt(PLACES.length)];
            String email = "w" + i + "@warm-up.invalid";
            rows.add(
                    new Object[] {
                        id,
                        organisation.value(),
                        "W" + i,
                        email,
                        email,
                        "W" + i,
                        "Warm",
                        1 + random.nextInt(9),
                        DIVISIONS[random.nextInt(DIVISIONS.length)],
                        FUNCTIONS[random.nextInt(FUNCTIONS.length)],
                        place[0],
                        place[1],
                        WorkMode.values()[random.nextInt(WorkMode.values().length)].name(),
                        i == 0 ? null : ids.get(random.nextInt(Math.min(i, 300))),
                        languages(random),
                        String.join(";", skills(random, 2 + random.nextInt(3))),
                        String.join(";", skills(random, 2)),
                        random.nextBoolean() ? DIVISIONS[random.nextInt(DIVISIONS.length)] : null,
                        random.nextBoolean() ? PLACES[random.nextInt(PLACES.length)][0] : null,
                        now,
                        now
                    });
        }
        batches(
                "insert into person (id, organisation_id, employee_id, email, email_key, first_name,"
                        + " last_name, job_level, division, function_name, location, time_zone,"
                        + " work_mode, manager_id, status, languages, skills, skills_wanted,"
                        + " aspired_division, aspired_location, created_at, updated_at) values (?,"
                        + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?, ?, ?, ?)",
                rows);
        return ids;
    }

    private ProgramId insertProgram(OrganisationId organisation, ProgramTemplate template) {
        ProgramId id = new ProgramId(UUID.randomUUID());
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update(
                "insert into program (id, organisation_id, name, template, format,"
                        + " meeting_cadence, relationship_months, matching_mode, default_capacity,"
                        + " approval_required, status, suggested_goals, minimum_score, created_at,"
                        + " updated_at) values (?, ?, 'Warm-up', ?, ?, 'MONTHLY', 6, 'ADMIN', 2,"
                        + " false, 'ENROLLING', '', ?, ?, ?)",
                id.value(),
                organisation.value(),
                template.key(),
                template.format().name(),
                ProgramView.DEFAULT_MINIMUM_SCORE,
                now,
                now);
        List<Object[]> rules = new ArrayList<>();
        for (MatchingRule r : template.rules()) {
            rules.add(
                    new Object[] {
                        id.value(),
                        rules.size(),
                        r.criterion().name(),
                        r.kind().name(),
                        r.hard(),
                        r.hard() ? 0 : r.weight(),
                        r.parameter()
                    });
        }
        batches(
                "insert into program_rule (program_id, position, criterion, kind, hard, weight,"
                        + " parameter) values (?, ?, ?, ?, ?, ?, ?)",
                rules);
        return id;
    }

    /** Everyone as an active participant: the first {@code mentors} as mentors of 1–4. */
    private void enrol(
            OrganisationId organisation, ProgramId program, List<UUID> people, int mentors) {
        Random random = new Random(people.size());
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            boolean mentor = i < mentors;
            String skills = String.join(";", skills(random, 2 + random.nextInt(2)));
            rows.add(
                    new Object[] {
                        UUID.randomUUID(),
                        organisation.value(),
                        program.value(),
                        people.get(i),
                        mentor ? "MENTOR" : "MENTEE",
                        mentor ? 1 + random.nextInt(4) : null,
                        mentor ? "" : skills,
                        mentor ? skills : "",
                        now,
                        now
                    });
        }
        batches(
                "insert into enrolment (id, organisation_id, program_id, person_id, role, status,"
                        + " capacity, skills_wanted, skills_offered, enrolled_at, updated_at) values"
                        + " (?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?, ?)",
                rows);
    }

    private void batches(String sql, List<Object[]> rows) {
        for (int i = 0; i < rows.size(); i += 1000) {
            stopping.throwIfCancelled();
            jdbc.batchUpdate(sql, rows.subList(i, Math.min(rows.size(), i + 1000)));
        }
    }

    /**
     * Mostly English, some also German, and one in twenty Spanish only: a language group that
     * shares no language with the rest, as real organisations have. Every template requires a
     * common language, so the group becomes a part of the problem of its own; without it the
     * warm-up never took the scorer's "no common language" branch nor the solver's path for a
     * problem in parts, and the first real run threw their compiled code away (JFR: deoptimisations
     * in {@code Scorer.scoreRange} and {@code Rows.from} in the run, then compiled again).
     */
    private static String languages(Random random) {
        int spoken = random.nextInt(20);
        return spoken == 0 ? "Spanish" : spoken < 3 ? "English;German" : "English";
    }

    /** A few skills, the first ones of the list far more often than the last. */
    private static List<String> skills(Random random, int count) {
        List<String> skills = new ArrayList<>();
        while (skills.size() < count) {
            double r = random.nextDouble();
            String skill = SKILLS[(int) (r * r * SKILLS.length)];
            if (!skills.contains(skill)) {
                skills.add(skill);
            }
        }
        return skills;
    }
}

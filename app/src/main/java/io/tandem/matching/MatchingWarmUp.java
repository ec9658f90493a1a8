package io.tandem.matching;

import io.tandem.identity.OrganisationId;
import io.tandem.matching.engine.Algorithm;
import io.tandem.matching.engine.CancellationToken;
import io.tandem.matching.engine.Objective;
import io.tandem.matching.engine.ProgressListener;
import io.tandem.people.PersonId;
import io.tandem.people.PersonStatus;
import io.tandem.people.PersonSummary;
import io.tandem.people.WorkMode;
import io.tandem.programs.ActiveCohort;
import io.tandem.programs.EnrolmentId;
import io.tandem.programs.EnrolmentRole;
import io.tandem.programs.EnrolmentStatus;
import io.tandem.programs.EnrolmentView;
import io.tandem.programs.MatchingMode;
import io.tandem.programs.ProgramId;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramStatus;
import io.tandem.programs.ProgramTemplate;
import io.tandem.programs.ProgramView;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A started instance matches a made-up organisation in memory, once per program template, on a
 * thread of its own after start-up: a new instance's first real run then finds the scorer, the
 * solver and the explanations compiled by the JIT instead of paying for it (about 2 of the 5.6
 * seconds of CPU of a 10,000 × 3,000 first run). It reads no one's data and writes nothing; a run
 * started meanwhile simply shares the cores with it. {@code tandem.matching.warm-up} sizes it (0:
 * none).
 */
@Component
class MatchingWarmUp {

    private static final Logger log = LoggerFactory.getLogger(MatchingWarmUp.class);

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
        {"Singapore", "Asia/Singapore"}
    };

    private final ProgramScoring scoring;
    private final ProgramManagement programs;
    private final int mentees;
    private final CompletableFuture<Void> finished = new CompletableFuture<>();

    MatchingWarmUp(
            ProgramScoring scoring, ProgramManagement programs, MatchingProperties properties) {
        this.scoring = scoring;
        this.programs = programs;
        this.mentees = properties.warmUp();
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
        Thread thread = new Thread(this::warmUp, "matching-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private void warmUp() {
        long started = System.nanoTime();
        long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        int mentors = Math.max(1, mentees * 3 / 10);
        try {
            ActiveCohort cohort = cohort(mentees, mentors, new Random(mentees));
            int pairs = 0;
            for (ProgramTemplate template : programs.templates()) {
                ScoredProgram scored =
                        scoring.score(
                                new OrganisationId(UUID.randomUUID()),
                                program(template),
                                cohort,
                                Set.of(),
                                CancellationToken.NONE,
                                ProgressListener.NONE);
                pairs += MatchRunner.rehearse(scored, Objective.TOTAL, Algorithm.OPTIMAL);
            }
            log.info(
                    "Matched {} x {} made-up people for each of {} templates ({} pairs) to warm up"
                            + " matching in {} ms (cpu {} ms on this thread)",
                    mentees,
                    mentors,
                    programs.templates().size(),
                    pairs,
                    (System.nanoTime() - started) / 1_000_000,
                    (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu)
                            / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("Warming up matching failed: {}", e.toString());
        } finally {
            finished.complete(null);
        }
    }

    private static ProgramView program(ProgramTemplate template) {
        return new ProgramView(
                new ProgramId(UUID.randomUUID()),
                "Warm-up",
                null,
                template.key(),
                template.format(),
                null,
                null,
                null,
                6,
                MatchingMode.ADMIN,
                2,
                null,
                null,
                false,
                ProgramStatus.ENROLLING,
                null,
                List.of(),
                template.rules());
    }

    /** Mentors first, then mentees: places, divisions, functions and popular skills at random. */
    private static ActiveCohort cohort(int mentees, int mentors, Random random) {
        List<EnrolmentView> enrolments = new ArrayList<>();
        Map<PersonId, PersonSummary> people = new HashMap<>();
        for (int i = 0; i < mentors + mentees; i++) {
            boolean mentor = i < mentors;
            String[] place = PLACES[random.nextInt(PLACES.length)];
            String division = DIVISIONS[random.nextInt(DIVISIONS.length)];
            List<String> skills = skills(random, 2 + random.nextInt(3));
            PersonSummary person =
                    new PersonSummary(
                            new PersonId(UUID.randomUUID()),
                            "W" + i,
                            "w" + i + "@warm-up.invalid",
                            "W" + i,
                            "Warm",
                            null,
                            mentor ? 3 + random.nextInt(7) : 1 + random.nextInt(6),
                            division,
                            FUNCTIONS[random.nextInt(FUNCTIONS.length)],
                            place[0],
                            place[1],
                            WorkMode.values()[random.nextInt(WorkMode.values().length)],
                            null,
                            PersonStatus.ACTIVE,
                            random.nextInt(10) == 0
                                    ? List.of("English", "German")
                                    : List.of("English"),
                            skills,
                            mentor ? List.of() : skills(random, 2),
                            mentor ? null : DIVISIONS[random.nextInt(DIVISIONS.length)],
                            mentor ? null : PLACES[random.nextInt(PLACES.length)][0],
                            null);
            people.put(person.id(), person);
            enrolments.add(
                    new EnrolmentView(
                            new EnrolmentId(UUID.randomUUID()),
                            null,
                            person.id(),
                            person.name(),
                            person.email(),
                            division,
                            place[0],
                            mentor ? EnrolmentRole.MENTOR : EnrolmentRole.MENTEE,
                            EnrolmentStatus.ACTIVE,
                            mentor ? 1 + random.nextInt(4) : null,
                            null,
                            mentor ? List.of() : skills(random, 2),
                            mentor ? skills : List.of(),
                            person.aspiredDivision(),
                            person.aspiredLocation(),
                            null,
                            null,
                            place[1],
                            null,
                            null,
                            null,
                            null));
        }
        return new ActiveCohort(enrolments, people);
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

package io.tandem.engagement;

import io.tandem.identity.OrganisationId;
import io.tandem.mentorships.MentorshipManagement;
import io.tandem.mentorships.MentorshipSummary;
import io.tandem.mentorships.ProgramPairs;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.people.PersonPlacement;
import io.tandem.people.PersonSummary;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.EnrolmentView;
import io.tandem.programs.ProgramId;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramView;
import io.tandem.shared.InputError;
import io.tandem.shared.InvalidInputException;
import io.tandem.shared.PageQuery;
import io.tandem.shared.Paged;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The program dashboard's figures and the knowledge-flow map; metadata and aggregates only. */
@Service
public class ProgramReports {

    static final int WEEKS = 12;
    static final int HEALTH_DAYS = 90;
    static final int MONTHS = 12;

    /** Everything of one program in one query: enough for the largest program we plan for. */
    static final PageQuery ALL = new PageQuery(0, 1_000_000);

    public static final List<String> DIMENSIONS = List.of("division", "location", "function");

    private final EngagementManagement engagement;
    private final PairActivities activities;
    private final CheckIns checkIns;
    private final ProgramManagement programs;
    private final EnrolmentManagement enrolling;
    private final MentorshipManagement mentorships;
    private final PeopleManagement people;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final DashboardCache dashboards;
    private final org.springframework.transaction.support.TransactionTemplate readOnly;

    ProgramReports(
            EngagementManagement engagement,
            PairActivities activities,
            CheckIns checkIns,
            ProgramManagement programs,
            EnrolmentManagement enrolling,
            MentorshipManagement mentorships,
            PeopleManagement people,
            org.springframework.context.ApplicationEventPublisher events,
            DashboardCache dashboards,
            org.springframework.transaction.PlatformTransactionManager transactions) {
        this.events = events;
        this.dashboards = dashboards;
        this.readOnly =
                new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.engagement = engagement;
        this.activities = activities;
        this.checkIns = checkIns;
        this.programs = programs;
        this.enrolling = enrolling;
        this.mentorships = mentorships;
        this.people = people;
    }

    /** Records that someone downloaded the program's report or an export. */
    public void exported(OrganisationId organisation, ProgramId program, String what) {
        events.publishEvent(new ReportExported(organisation, program, what));
    }

    /**
     * The dashboard's figures as of at most {@code tandem.engagement.dashboard-max-age} ago (see
     * {@link DashboardCache}); the program is looked up for the caller first, so a program they may
     * not see is refused before any figures are served. Runs outside a transaction: a request
     * waiting for the figures holds no database connection.
     */
    public DashboardReport dashboard(OrganisationId organisation, ProgramId programId) {
        programs.get(organisation, programId);
        return dashboards.get(
                organisation,
                programId,
                () -> readOnly.execute(status -> report(organisation, programId)));
    }

    /** The figures computed now; {@link #dashboard} serves them to pages. */
    @Transactional(readOnly = true)
    public ProgramReport report(OrganisationId organisation, ProgramId programId) {
        ProgramView program = programs.get(organisation, programId);
        Instant now = engagement.now();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        ProgramPairs pairs = mentorships.programPairs(organisation, programId);
        var health = engagement.healthCounts(organisation, programId);
        return new ProgramReport(
                programId,
                program.name(),
                today,
                funnel(organisation, programId),
                activities.snapshots(organisation, programId, today.minusDays(HEALTH_DAYS)),
                new ProgramReport.HealthDay(
                        today,
                        health.get(Health.ON_TRACK),
                        health.get(Health.AT_RISK),
                        health.get(Health.INACTIVE)),
                weeks(organisation, programId, today),
                aggregates(checkIns.ratings(organisation, programId, CheckInKind.CHECK_IN)),
                surveys(organisation, programId),
                scores(pairs.scores()),
                load(organisation, programId, pairs),
                outcomes(organisation, programId, today),
                comparison(organisation, pairs));
    }

    /**
     * Participants against people like them who did not take part; see {@link
     * ProgramReport.Comparison}.
     */
    ProgramReport.Comparison comparison(OrganisationId organisation, ProgramPairs pairs) {
        LocalDate since = pairs.firstStart();
        if (since == null) {
            return null;
        }
        var outcomes =
                people.outcomes(
                        organisation,
                        pairs.people(),
                        since.atStartOfDay(ZoneOffset.UTC).toInstant());
        boolean shown =
                outcomes.participants().people() >= ProgramReport.MINIMUM_PEOPLE
                        && outcomes.others().people() >= ProgramReport.MINIMUM_PEOPLE;
        return new ProgramReport.Comparison(
                since, shown, side(outcomes.participants(), shown), side(outcomes.others(), shown));
    }

    private static ProgramReport.Side side(
            io.tandem.people.CohortOutcomes.Group group, boolean shown) {
        return shown
                ? new ProgramReport.Side(
                        group.people(), group.retainedPercent(), group.movedPercent())
                : new ProgramReport.Side(group.people(), null, null);
    }

    /** The last {@link #MONTHS} calendar months, oldest first, this month last. */
    List<ProgramReport.Month> outcomes(
            OrganisationId organisation, ProgramId program, LocalDate today) {
        java.time.YearMonth last = java.time.YearMonth.from(today);
        java.time.YearMonth first = last.minusMonths(MONTHS - 1);
        Instant since = first.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<java.time.YearMonth, int[]> counts = new TreeMap<>();
        for (int i = 0; i < MONTHS; i++) {
            counts.put(first.plusMonths(i), new int[2]);
        }
        for (Object[] row : activities.outcomesDaily(organisation, program, since)) {
            int[] c = counts.get(java.time.YearMonth.from((LocalDate) row[1]));
            if (c != null) {
                c[row[0] == ActivityKind.GOAL_ACHIEVED ? 0 : 1] += (Integer) row[2];
            }
        }
        Map<java.time.YearMonth, long[][]> answers = answers(organisation, program, first, since);
        List<ProgramReport.Month> result = new ArrayList<>();
        counts.forEach(
                (month, c) -> {
                    long[] pulses = answers.get(month)[0];
                    long[] surveys = answers.get(month)[1];
                    result.add(
                            new ProgramReport.Month(
                                    month.toString(),
                                    c[0],
                                    c[1],
                                    (int) pulses[0],
                                    average(pulses, 0),
                                    average(pulses, 1),
                                    (int) surveys[0],
                                    average(surveys, 2),
                                    average(surveys, 3),
                                    average(surveys, 4)));
                });
        return result;
    }

    /**
     * Per month: {answers, then per question (usefulness, goal progress, awareness, connection,
     * ideas) how many rated it and the sum}, for pulses [0] and surveys [1].
     */
    private Map<java.time.YearMonth, long[][]> answers(
            OrganisationId organisation,
            ProgramId program,
            java.time.YearMonth first,
            Instant since) {
        Map<java.time.YearMonth, long[][]> answers = new HashMap<>();
        for (int i = 0; i < MONTHS; i++) {
            answers.put(first.plusMonths(i), new long[2][11]);
        }
        for (CheckIns.RatedDay r : checkIns.ratedDaily(organisation, program, since)) {
            long[][] month = answers.get(java.time.YearMonth.from(r.day()));
            if (month != null) {
                long[] sums = month[r.kind().survey() ? 1 : 0];
                sums[0] += r.answers();
                for (int q = 0; q < 5; q++) {
                    sums[1 + 2 * q] += r.rated()[q];
                    sums[2 + 2 * q] += r.sums()[q];
                }
            }
        }
        return answers;
    }

    /**
     * The average of question {@code q} to one decimal from its count and sum, as {@link
     * #average(List, Function)} gives it from the answers.
     */
    private static Double average(long[] sums, int q) {
        long rated = sums[1 + 2 * q];
        if (rated < ProgramReport.MINIMUM_ANSWERS) {
            return null;
        }
        return Math.round((double) sums[2 + 2 * q] / rated * 10) / 10.0;
    }

    /** The average to one decimal, or null under {@link ProgramReport#MINIMUM_ANSWERS} answers. */
    private static Double average(
            List<CheckIns.Rated> answers, Function<CheckIns.Rated, Integer> question) {
        List<Integer> values = answers.stream().map(question).filter(Objects::nonNull).toList();
        if (values.size() < ProgramReport.MINIMUM_ANSWERS) {
            return null;
        }
        return Math.round(values.stream().mapToInt(Integer::intValue).average().orElse(0) * 10)
                / 10.0;
    }

    private List<ProgramReport.Stage> funnel(OrganisationId organisation, ProgramId program) {
        // Counted by the database: a program has thousands of enrolments, and the funnel needs
        // none of them (nor their people) one by one.
        int[] funnel = programs.menteeFunnel(organisation, program);
        // Matched and after: the pairs engagement follows with their summaries, in one statement.
        int[] pairs = activities.menteeFunnel(organisation, program);
        int[] counts = {funnel[0], funnel[1], pairs[0], pairs[1], pairs[2], pairs[3], pairs[4]};
        String[] names = {
            "invited",
            "enrolled",
            "matched",
            "agreementSigned",
            "firstMeeting",
            "goalAchieved",
            "completed"
        };
        List<ProgramReport.Stage> stages = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            Integer rate =
                    i == 0 || counts[i - 1] == 0
                            ? null
                            : (int) Math.round(100.0 * counts[i] / counts[i - 1]);
            stages.add(new ProgramReport.Stage(names[i], counts[i], rate));
        }
        return stages;
    }

    private List<ProgramReport.Week> weeks(
            OrganisationId organisation, ProgramId program, LocalDate today) {
        LocalDate thisWeek = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate first = thisWeek.minusWeeks(WEEKS - 1);
        Map<LocalDate, int[]> byWeek = new TreeMap<>();
        for (int i = 0; i < WEEKS; i++) {
            byWeek.put(first.plusWeeks(i), new int[2]);
        }
        for (Object[] row :
                activities.daily(
                        organisation, program, first.atStartOfDay(ZoneOffset.UTC).toInstant())) {
            ActivityKind kind = (ActivityKind) row[0];
            LocalDate week =
                    ((LocalDate) row[1]).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            int[] counts = byWeek.get(week);
            if (counts != null) {
                counts[kind.meeting() ? 0 : 1] += (Integer) row[2];
            }
        }
        return byWeek.entrySet().stream()
                .map(e -> new ProgramReport.Week(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
    }

    private List<ProgramReport.Aggregate> surveys(OrganisationId organisation, ProgramId program) {
        List<ProgramReport.Aggregate> result = new ArrayList<>();
        for (CheckInKind kind : List.of(CheckInKind.MIDPOINT, CheckInKind.CLOSING)) {
            for (ProgramReport.Aggregate a :
                    aggregates(checkIns.ratings(organisation, program, kind))) {
                result.add(
                        new ProgramReport.Aggregate(
                                kind.name().toLowerCase(java.util.Locale.ROOT) + "." + a.question(),
                                a.answers(),
                                a.average(),
                                a.distribution()));
            }
        }
        return result;
    }

    /** Averages and distributions only over enough answers that no one's rating shows. */
    static List<ProgramReport.Aggregate> aggregates(Map<String, int[]> ratings) {
        List<ProgramReport.Aggregate> result = new ArrayList<>();
        ratings.forEach(
                (question, counts) -> {
                    String name = question.equals("goal_progress") ? "goalProgress" : question;
                    int answers = 0;
                    long sum = 0;
                    for (int v = 0; v < counts.length; v++) {
                        answers += counts[v];
                        sum += (long) (v + 1) * counts[v];
                    }
                    if (answers < ProgramReport.MINIMUM_ANSWERS) {
                        result.add(new ProgramReport.Aggregate(name, answers, null, null));
                        return;
                    }
                    List<Integer> distribution = new ArrayList<>();
                    for (int c : counts) {
                        distribution.add(c);
                    }
                    double average = Math.round((double) sum / answers * 10) / 10.0;
                    result.add(new ProgramReport.Aggregate(name, answers, average, distribution));
                });
        return result;
    }

    /** Match scores in ten equal ranges from the lowest to the highest. */
    static List<ProgramReport.Bucket> scores(List<Integer> values) {
        if (values.isEmpty()) {
            return List.of();
        }
        int min = values.stream().mapToInt(Integer::intValue).min().orElse(0);
        int max = values.stream().mapToInt(Integer::intValue).max().orElse(0);
        int width = Math.max(1, (max - min + 10) / 10);
        int buckets = (max - min) / width + 1;
        int[] counts = new int[buckets];
        values.forEach(v -> counts[(v - min) / width]++);
        List<ProgramReport.Bucket> result = new ArrayList<>();
        for (int i = 0; i < buckets; i++) {
            int low = min + i * width;
            result.add(
                    new ProgramReport.Bucket(
                            width == 1 ? String.valueOf(low) : low + "–" + (low + width - 1),
                            counts[i]));
        }
        return result;
    }

    /** How many mentors have 0, 1, 2… active mentees. */
    private List<ProgramReport.Bucket> load(
            OrganisationId organisation, ProgramId program, ProgramPairs pairs) {
        Map<PersonId, Integer> load = new HashMap<>();
        enrolling.activeMentors(organisation, program).forEach(m -> load.put(m, 0));
        load.putAll(pairs.activeMentees());
        Map<Integer, Integer> mentorsWith = new TreeMap<>();
        load.values().forEach(n -> mentorsWith.merge(n, 1, Integer::sum));
        List<ProgramReport.Bucket> result = new ArrayList<>();
        int most = mentorsWith.isEmpty() ? -1 : ((TreeMap<Integer, Integer>) mentorsWith).lastKey();
        for (int n = 0; n <= most; n++) {
            result.add(new ProgramReport.Bucket(String.valueOf(n), mentorsWith.getOrDefault(n, 0)));
        }
        return result;
    }

    /**
     * One program's line on the organisation-wide dashboard: health now, mentees matched and
     * completed, and over the last {@link #MONTHS} months the goals achieved, the meetings held and
     * the average check-in usefulness (null under {@link ProgramReport#MINIMUM_ANSWERS} answers).
     */
    public record ProgramLine(
            ProgramView program,
            int onTrack,
            int atRisk,
            int inactive,
            int matched,
            int completed,
            int goalsAchieved,
            int meetingsHeld,
            Double usefulness) {}

    /**
     * Every program of the organisation with its health and outcome counts, for admins: a fixed
     * number of statements whatever the number of programs (each reads all programs at once).
     */
    @Transactional(readOnly = true)
    public Paged<ProgramLine> organisation(OrganisationId organisation, PageQuery page) {
        List<ProgramLine> lines = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(engagement.now(), ZoneOffset.UTC);
        java.time.YearMonth last = java.time.YearMonth.from(today);
        Instant since =
                last.minusMonths(MONTHS - 1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant until = last.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Paged<ProgramView> listed = programs.list(organisation, true, page);
        List<ProgramView> all = listed.items();
        if (all.isEmpty()) {
            return Paged.of(lines, page, listed.total());
        }
        Map<ProgramId, Map<Health, Integer>> health = engagement.healthCounts(organisation, all);
        Map<ProgramId, int[]> mentees = activities.menteeCounts(organisation);
        Map<ProgramId, int[]> outcomes = activities.outcomes(organisation, since, until);
        Map<ProgramId, List<CheckIns.Rated>> rated = checkIns.ratedSince(organisation, since);
        for (ProgramView p : all) {
            var counts = health.get(p.id());
            int[] matched = mentees.getOrDefault(p.id(), new int[2]);
            int[] done = outcomes.getOrDefault(p.id(), new int[2]);
            List<CheckIns.Rated> pulses =
                    rated.getOrDefault(p.id(), List.of()).stream()
                            .filter(r -> !r.kind().survey())
                            .toList();
            lines.add(
                    new ProgramLine(
                            p,
                            counts.get(Health.ON_TRACK),
                            counts.get(Health.AT_RISK),
                            counts.get(Health.INACTIVE),
                            matched[0],
                            matched[1],
                            done[0],
                            done[1],
                            average(pulses, CheckIns.Rated::usefulness)));
        }
        return Paged.of(lines, page, listed.total());
    }

    // --- CSV ---

    public static final List<String> REPORT_HEADER = List.of("section", "item", "measure", "value");

    /** Each section's rows, in the report's order. */
    private static final Map<String, BiConsumer<ProgramReport, List<List<?>>>> SECTION_ROWS;

    static {
        Map<String, BiConsumer<ProgramReport, List<List<?>>>> sections = new LinkedHashMap<>();
        sections.put("funnel", ProgramReports::funnelRows);
        sections.put("health", ProgramReports::healthRows);
        sections.put("activity", ProgramReports::activityRows);
        sections.put("check-ins", (r, rows) -> aggregateRows("check-ins", r.checkIns(), rows));
        sections.put("surveys", (r, rows) -> aggregateRows("surveys", r.surveys(), rows));
        sections.put(
                "scores",
                (r, rows) ->
                        r.scores()
                                .forEach(
                                        b ->
                                                rows.add(
                                                        List.of(
                                                                "scores", b.label(), "pairs",
                                                                b.count()))));
        sections.put(
                "mentor-load",
                (r, rows) ->
                        r.mentorLoad()
                                .forEach(
                                        b ->
                                                rows.add(
                                                        List.of(
                                                                "mentor-load",
                                                                b.label() + " mentees",
                                                                "mentors",
                                                                b.count()))));
        sections.put("outcomes", ProgramReports::outcomeRows);
        sections.put("comparison", ProgramReports::comparisonRows);
        SECTION_ROWS = Collections.unmodifiableMap(sections);
    }

    public static final List<String> SECTIONS = List.copyOf(SECTION_ROWS.keySet());

    /** The report in long form, one figure a row; {@code section} null for all of them. */
    public static List<List<?>> rows(ProgramReport r, String section) {
        List<List<?>> rows = new ArrayList<>();
        SECTION_ROWS.forEach(
                (name, sectionRows) -> {
                    if (section == null || section.equals(name)) {
                        sectionRows.accept(r, rows);
                    }
                });
        return rows;
    }

    private static void funnelRows(ProgramReport r, List<List<?>> rows) {
        for (ProgramReport.Stage s : r.funnel()) {
            rows.add(List.of("funnel", s.stage(), "people", s.count()));
            if (s.rate() != null) {
                rows.add(List.of("funnel", s.stage(), "percent of previous", s.rate()));
            }
        }
    }

    private static void healthRows(ProgramReport r, List<List<?>> rows) {
        List<ProgramReport.HealthDay> days = new ArrayList<>(r.healthOverTime());
        if (days.isEmpty() || !days.get(days.size() - 1).day().equals(r.healthNow().day())) {
            days.add(r.healthNow());
        }
        for (ProgramReport.HealthDay d : days) {
            rows.add(List.of("health", d.day().toString(), "on track", d.onTrack()));
            rows.add(List.of("health", d.day().toString(), "at risk", d.atRisk()));
            rows.add(List.of("health", d.day().toString(), "inactive", d.inactive()));
        }
    }

    private static void activityRows(ProgramReport r, List<List<?>> rows) {
        for (ProgramReport.Week w : r.activity()) {
            rows.add(List.of("activity", w.weekOf().toString(), "meetings", w.meetings()));
            rows.add(List.of("activity", w.weekOf().toString(), "messages", w.messages()));
        }
    }

    private static void aggregateRows(
            String section, List<ProgramReport.Aggregate> aggregates, List<List<?>> rows) {
        for (ProgramReport.Aggregate a : aggregates) {
            rows.add(List.of(section, a.question(), "answers", a.answers()));
            if (a.shown()) {
                rows.add(List.of(section, a.question(), "average", a.average()));
                for (int i = 0; i < 5; i++) {
                    rows.add(
                            List.of(
                                    section,
                                    a.question(),
                                    "rated " + (i + 1),
                                    a.distribution().get(i)));
                }
            }
        }
    }

    private static void outcomeRows(ProgramReport r, List<List<?>> rows) {
        for (ProgramReport.Month m : r.outcomes()) {
            rows.add(List.of("outcomes", m.month(), "goals achieved", m.goalsAchieved()));
            rows.add(List.of("outcomes", m.month(), "meetings held", m.meetingsHeld()));
            rows.add(List.of("outcomes", m.month(), "check-ins", m.checkIns()));
            addAverage(rows, m.month(), "average usefulness", m.usefulness());
            addAverage(rows, m.month(), "average goal progress", m.goalProgress());
            rows.add(List.of("outcomes", m.month(), "surveys", m.surveys()));
            addAverage(rows, m.month(), "average awareness", m.awareness());
            addAverage(rows, m.month(), "average connection", m.connection());
            addAverage(rows, m.month(), "average ideas", m.ideas());
        }
    }

    private static void comparisonRows(ProgramReport r, List<List<?>> rows) {
        var c = r.comparison();
        if (c == null) {
            return;
        }
        for (var side :
                List.of(
                        Map.entry("took part", c.participants()),
                        Map.entry("did not take part", c.others()))) {
            rows.add(List.of("comparison", side.getKey(), "people", side.getValue().people()));
            if (c.shown()) {
                rows.add(
                        List.of(
                                "comparison",
                                side.getKey(),
                                "percent still in the organisation since " + c.since(),
                                side.getValue().retainedPercent()));
                rows.add(
                        List.of(
                                "comparison",
                                side.getKey(),
                                "percent moved division or location since " + c.since(),
                                side.getValue().movedPercent()));
            }
        }
    }

    private static void addAverage(List<List<?>> rows, String month, String measure, Double value) {
        if (value != null) {
            rows.add(List.of("outcomes", month, measure, value));
        }
    }

    public static final List<String> PARTICIPANT_HEADER =
            List.of("name", "email", "role", "status", "division", "location", "enrolled_at");

    /** Everyone enrolled or invited in the program: who, in which role, with which status. */
    @Transactional(readOnly = true)
    public List<List<?>> participants(OrganisationId organisation, ProgramId program) {
        List<List<?>> rows = new ArrayList<>();
        for (EnrolmentView e : enrolling.enrolments(organisation, program, null, ALL).items()) {
            rows.add(
                    java.util.Arrays.asList(
                            e.name(),
                            e.email(),
                            e.role().name(),
                            e.status().name(),
                            e.division(),
                            e.location(),
                            e.enrolledAt() == null ? null : e.enrolledAt().toString()));
        }
        return rows;
    }

    public static final List<String> PAIR_HEADER =
            List.of(
                    "mentor",
                    "mentor_division",
                    "mentor_location",
                    "mentor_function",
                    "mentee",
                    "mentee_division",
                    "mentee_location",
                    "mentee_function",
                    "status",
                    "health",
                    "started_on",
                    "ended_on",
                    "score");

    /**
     * Writes the program's pairs as CSV ({@link #PAIR_HEADER}), metadata only, each row as the
     * database hands the pair over: the people's placements and the pairs' health are read first,
     * once each, and nothing is looked up per row. Closes {@code out}.
     */
    @Transactional(readOnly = true)
    public void writePairs(OrganisationId organisation, ProgramId program, java.io.Writer out) {
        programs.get(organisation, program);
        Map<PersonId, PersonPlacement> found =
                people.placements(
                        organisation, mentorships.programPairs(organisation, program).people());
        Map<io.tandem.mentorships.MentorshipId, Health> health =
                engagement.health(organisation, program);
        ReportCsv.write(
                out,
                PAIR_HEADER,
                rows ->
                        mentorships.forEach(
                                organisation,
                                program,
                                p -> rows.accept(pairRow(p, found, health.get(p.id())))));
    }

    private static List<?> pairRow(
            MentorshipSummary p, Map<PersonId, PersonPlacement> found, Health h) {
        PersonPlacement mentor = found.get(p.mentorId());
        PersonPlacement mentee = found.get(p.menteeId());
        return java.util.Arrays.asList(
                mentor == null ? null : mentor.name(),
                mentor == null ? null : mentor.division(),
                mentor == null ? null : mentor.location(),
                mentor == null ? null : mentor.function(),
                mentee == null ? null : mentee.name(),
                mentee == null ? null : mentee.division(),
                mentee == null ? null : mentee.location(),
                mentee == null ? null : mentee.function(),
                p.status().name(),
                h == null ? null : h.name(),
                p.startedOn() == null ? null : p.startedOn().toString(),
                p.endedOn() == null ? null : p.endedOn().toString(),
                p.score());
    }

    // --- knowledge flow ---

    @Transactional(readOnly = true)
    public KnowledgeFlow flow(OrganisationId organisation, ProgramId program, String dimension) {
        Function<PersonSummary, String> key = dimension(dimension);
        programs.get(organisation, program);
        List<MentorshipSummary> pairs = mentorships.find(organisation, program, null, ALL).items();
        Map<PersonId, PersonSummary> found = people(organisation, pairs);
        Set<String> mentors = new TreeSet<>();
        Set<String> mentees = new TreeSet<>();
        for (MentorshipSummary p : pairs) {
            mentors.add(value(found.get(p.mentorId()), key));
            mentees.add(value(found.get(p.menteeId()), key));
        }
        List<String> rows = List.copyOf(mentors);
        List<String> columns = List.copyOf(mentees);
        int[][] counts = new int[rows.size()][columns.size()];
        int crossing = 0;
        for (MentorshipSummary p : pairs) {
            String from = value(found.get(p.mentorId()), key);
            String to = value(found.get(p.menteeId()), key);
            counts[rows.indexOf(from)][columns.indexOf(to)]++;
            if (!from.equals(to)) {
                crossing++;
            }
        }
        return new KnowledgeFlow(
                dimension,
                rows,
                columns,
                counts,
                pairs.size(),
                percent(crossing, pairs.size()),
                cohorts(pairs, found, key));
    }

    /** Pairs by the quarter they started in, with how many of them crossed the dimension. */
    private static List<KnowledgeFlow.Cohort> cohorts(
            List<MentorshipSummary> pairs,
            Map<PersonId, PersonSummary> found,
            Function<PersonSummary, String> key) {
        Map<String, int[]> cohorts = new TreeMap<>();
        for (MentorshipSummary p : pairs) {
            String quarter =
                    p.startedOn().getYear() + "-Q" + p.startedOn().get(IsoFields.QUARTER_OF_YEAR);
            int[] c = cohorts.computeIfAbsent(quarter, q -> new int[2]);
            c[0]++;
            if (!value(found.get(p.mentorId()), key).equals(value(found.get(p.menteeId()), key))) {
                c[1]++;
            }
        }
        List<KnowledgeFlow.Cohort> byCohort = new ArrayList<>();
        cohorts.forEach(
                (q, c) ->
                        byCohort.add(new KnowledgeFlow.Cohort(q, c[0], c[1], percent(c[1], c[0]))));
        return byCohort;
    }

    /** The pairs in one cell of the map: names, start and status, nothing they wrote. */
    @Transactional(readOnly = true)
    public List<KnowledgeFlow.FlowPair> flowPairs(
            OrganisationId organisation,
            ProgramId program,
            String dimension,
            String mentorValue,
            String menteeValue) {
        Function<PersonSummary, String> key = dimension(dimension);
        programs.get(organisation, program);
        List<MentorshipSummary> pairs = mentorships.find(organisation, program, null, ALL).items();
        Map<PersonId, PersonSummary> found = people(organisation, pairs);
        List<KnowledgeFlow.FlowPair> result = new ArrayList<>();
        for (MentorshipSummary p : pairs) {
            PersonSummary mentor = found.get(p.mentorId());
            PersonSummary mentee = found.get(p.menteeId());
            if (value(mentor, key).equals(mentorValue) && value(mentee, key).equals(menteeValue)) {
                result.add(
                        new KnowledgeFlow.FlowPair(
                                mentor == null ? "—" : mentor.name(),
                                mentee == null ? "—" : mentee.name(),
                                p.startedOn(),
                                p.status().name()));
            }
        }
        return result;
    }

    private Map<PersonId, PersonSummary> people(
            OrganisationId organisation, List<MentorshipSummary> pairs) {
        Set<PersonId> ids = new HashSet<>();
        pairs.forEach(
                p -> {
                    ids.add(p.mentorId());
                    ids.add(p.menteeId());
                });
        return people.findAll(organisation, List.copyOf(ids));
    }

    private static Function<PersonSummary, String> dimension(String dimension) {
        return switch (dimension == null ? "" : dimension) {
            case "division" -> PersonSummary::division;
            case "location" -> PersonSummary::location;
            case "function" -> PersonSummary::function;
            default ->
                    throw InvalidInputException.unprocessable(
                            "request.invalid",
                            List.of(
                                    InputError.field(
                                            "dimension", "division, location or function")));
        };
    }

    private static String value(PersonSummary person, Function<PersonSummary, String> key) {
        String v = person == null ? null : key.apply(person);
        return v == null || v.isBlank() ? "—" : v;
    }

    private static Integer percent(int part, int whole) {
        return whole == 0 ? null : (int) Math.round(100.0 * part / whole);
    }
}

package io.tandem.web;

import io.tandem.identity.IdentityManagement;
import io.tandem.identity.OrganisationId;
import io.tandem.identity.Role;
import io.tandem.matching.MatchRunView;
import io.tandem.matching.MatchingManagement;
import io.tandem.matching.MatchingWarmUps;
import io.tandem.matching.engine.Algorithm;
import io.tandem.matching.engine.Objective;
import io.tandem.mentorships.MentorshipManagement;
import io.tandem.mentorships.MentorshipSummary;
import io.tandem.people.DirectoryQuery;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonSummary;
import io.tandem.programs.Enrol;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.EnrolmentRole;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramStatus;
import io.tandem.programs.ProgramView;
import io.tandem.shared.PageQuery;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The main pages under load, over real HTTP with a signed-in session, beside the JSON endpoints
 * that return the same data. It builds an organisation (100,000 people, 3 programs of 10,000
 * enrolments, a published run of about 3,000 pairs), then for each page measures the throughput at
 * saturation (closed loop, {@code bench.connections} at once) and the latency at a fixed arrival
 * rate ({@code bench.rate} requests/s, an open loop: each request has an intended send time, and
 * its latency is counted from that time, so a stalled server cannot hide its queue — coordinated
 * omission accounted for). It prints a table beside the targets and asserts nothing.
 *
 * <p>A page and its twin are measured in alternating slices ({@code bench.rounds} rounds of {@code
 * bench.seconds / bench.rounds} seconds each side, the side that goes first alternating), after the
 * instance's own matching warm-up has finished and then a warm-up of every target in passes of one
 * such round of {@code bench.warmup} seconds, until the JIT compilers have settled in two passes in
 * a row ({@code bench.settled}, {@code bench.warmup.max}); the page/JSON figure is the median of
 * the rounds' own ratios, printed with their range. Two 15 s windows one after the other gave the
 * same code 39 % and 63 %: the JIT, the collector and the machine's other work changed between
 * them. The notes give each round's ratio with the JIT compilers' share of its CPU, so a trend
 * (code still compiling) shows.
 *
 * <p>Runs on H2 in file mode, or on PostgreSQL with {@code -Dbench.db.url=jdbc:postgresql://…
 * -Dbench.db.user=… -Dbench.db.password=…}:
 *
 * <pre>
 * ./mvnw -q -pl app -am test -Dbench=true -Dgroups=bench -Dtest=LoadBench \
 *     -Dsurefire.failIfNoSpecifiedTests=false [-Dbench.people=10000 -Dbench.enrolments=1000 \
 *     -Dbench.pairs=300 -Dbench.seconds=15 -Dbench.rounds=5 -Dbench.warmup=3 -Dbench.settled=0.05 \
 *     -Dbench.warmup.max=600 -Dbench.rate=200]
 * </pre>
 *
 * The table is also written to {@code app/target/load-bench.txt}.
 */
@Tag("bench")
@EnabledIfSystemProperty(named = "bench", matches = "true")
@DirtiesContext
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "tandem.demo=false",
            "logging.level.root=WARN",
            "spring.main.banner-mode=off",
            "tandem.login.free-attempts-per-address=100000"
        })
class LoadBench {

    static final int PEOPLE = Integer.getInteger("bench.people", 100_000);
    static final int ENROLMENTS = Integer.getInteger("bench.enrolments", 10_000);
    static final int PAIRS = Integer.getInteger("bench.pairs", 3_000);
    static final int SECONDS = Integer.getInteger("bench.seconds", 15);
    static final int RATE = Integer.getInteger("bench.rate", 200);
    static final int CONNECTIONS = Integer.getInteger("bench.connections", 8);

    /**
     * Rounds of the closed loop: each measures the page and its JSON twin for {@code bench.seconds
     * / bench.rounds} seconds each, one right after the other; the table gives medians.
     */
    static final int ROUNDS = Integer.getInteger("bench.rounds", 5);

    /**
     * Seconds a side of each warm-up round a target gets (page and twin alternating, like the
     * measured rounds) before any target is measured.
     */
    static final int WARM_UP = Integer.getInteger("bench.warmup", 3);

    /**
     * The warm-up goes on, in passes of one round a target, until a pass in which the JIT compilers
     * took less than this share of every slice's CPU (at least two passes). A page's code reaches
     * C2 only after thousands of calls, and this host has one C2 thread: two rounds of 3 s left the
     * compilers 15–30 % of every measured round, measuring code half interpreted or in C1's
     * profiling tier; after about four minutes of one target they took 0–3 %.
     */
    static final double SETTLED = Double.parseDouble(System.getProperty("bench.settled", "0.05"));

    /** Seconds of warm-up at most, settled or not (the notes say which). */
    static final int WARM_UP_MAX = Integer.getInteger("bench.warmup.max", 600);

    /**
     * Only the pages whose names contain one of these comma-separated words (e.g. {@code
     * review,profile}), for a quick side-by-side pair; all pages when empty.
     */
    static final String ONLY = System.getProperty("bench.only", "");

    /**
     * A folder for the H2 file that outlives the run (default: a temporary one), so a later run
     * with {@code bench.reuse} measures the same data without building it again.
     */
    static final String H2_DIR = System.getProperty("bench.h2.dir", "");

    /** Measure an organisation an earlier run built at the same size instead of building one. */
    static final boolean REUSE = Boolean.getBoolean("bench.reuse");

    static final String PASSWORD = "bench-password-1";

    /** Messages in the measured pair's conversation: more than the conversation page shows. */
    static final int MESSAGES = 80;

    /** Pairs besides the measured one with a few messages and meetings. */
    static final int TALKING = PageQuery.MAX_SIZE - 1;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        String postgres = System.getProperty("bench.db.url", "");
        if (!postgres.isBlank()) {
            registry.add("spring.datasource.url", () -> postgres);
            registry.add(
                    "spring.datasource.username", () -> System.getProperty("bench.db.user", ""));
            registry.add(
                    "spring.datasource.password",
                    () -> System.getProperty("bench.db.password", ""));
            return;
        }
        Path dir;
        if (H2_DIR.isBlank()) {
            dir = Files.createTempDirectory("tandem-load-bench");
            dir.toFile().deleteOnExit();
        } else {
            dir = Files.createDirectories(Path.of(H2_DIR));
        }
        registry.add(
                "spring.datasource.url",
                () ->
                        "jdbc:h2:file:"
                                + dir.resolve("tandem").toAbsolutePath()
                                + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH"
                                // As the application's own H2 address (application.properties):
                                // with H2's default cache of 8 parsed statements a connection,
                                // every page that sends more parsed them all again each time.
                                + ";WRITE_DELAY=0;QUERY_CACHE_SIZE=256;DB_CLOSE_ON_EXIT=FALSE");
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
    }

    @Value("${local.server.port}")
    int port;

    @Autowired IdentityManagement identity;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired EnrolmentManagement enrolling;
    @Autowired MatchingManagement matching;
    @Autowired MentorshipManagement mentorships;
    @Autowired io.tandem.messaging.MessagingManagement messaging;
    @Autowired io.tandem.meetings.MeetingManagement meetings;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired ApplicationContext instance;

    private final List<String> lines = new ArrayList<>();

    @Test
    void pagesUnderLoad() throws Exception {
        double loadBefore = load();
        long started = System.nanoTime();
        Dataset found = REUSE ? existing() : null;
        Dataset data = found == null ? build() : found;
        note(
                "dataset %s in %.0f s: %,d people, 3 programs × %,d enrolments, a run of %,d"
                        + " pairs",
                found == null ? "built" : "reused",
                (System.nanoTime() - started) / 1e9,
                PEOPLE,
                ENROLMENTS,
                data.pairs());

        HttpClient browser = signIn(port, data.signInEmail());
        String bearer = "Bearer " + data.token();
        String q = "Person12";
        List<Target> targets =
                List.of(
                        new Target("home", "/", null),
                        new Target("directory", "/people", "/api/v1/people"),
                        new Target("directory search", "/people?q=" + q, "/api/v1/people?q=" + q),
                        new Target(
                                "a profile",
                                "/people/" + data.person(),
                                "/api/v1/people/" + data.person()),
                        new Target(
                                "a program",
                                "/programs/" + data.program(),
                                "/api/v1/programs/" + data.program() + "/enrolments"),
                        new Target(
                                "a match-run review",
                                "/match-runs/" + data.run(),
                                "/api/v1/match-runs/" + data.run()),
                        new Target("my mentorships", "/mentorships", "/api/v1/mentorships"),
                        // Its twin returns the pair's metadata only; the four requests after it
                        // are what the API has of the rest the page shows (meetings, the latest
                        // messages, the partner's profile), measured as one sequence beside it.
                        new Target(
                                "a workspace",
                                "/mentorships/" + data.mentorship(),
                                "/api/v1/mentorships/" + data.mentorship(),
                                false,
                                List.of(
                                        new Call("/api/v1/mentorships/" + data.mentorship(), false),
                                        new Call(
                                                "/api/v1/mentorships/"
                                                        + data.mentorship()
                                                        + "/meetings",
                                                false),
                                        new Call(
                                                "/api/v1/conversations/"
                                                        + data.mentorship()
                                                        + "/messages?size=3",
                                                true),
                                        new Call("/api/v1/people/" + data.partner(), false))),
                        // The pair's own conversation answers the pair's session, not a token.
                        new Target(
                                "a conversation",
                                "/conversations/" + data.mentorship(),
                                "/api/v1/conversations/" + data.mentorship() + "/messages",
                                true));
        if (!ONLY.isBlank()) {
            List<String> words = List.of(ONLY.split(","));
            targets =
                    targets.stream()
                            .filter(t -> words.stream().anyMatch(w -> t.name().contains(w.trim())))
                            .toList();
        }

        // A started instance warms matching up on a thread of its own (inserts, scoring, solving,
        // a rollback): measured beside it, every page shared the cores with it, and the JIT
        // compilers spent about half their time on its code (H2's write path compiled again and
        // again), not the pages'. A serving instance has long finished it.
        note(
                "waited %,d ms for the instance's matching warm-up to finish",
                MatchingWarmUps.awaitFinished(instance));
        HttpClient api = HttpClient.newHttpClient();
        // Warm-up: class loading, JIT, caches; every target before any is measured, in passes of
        // one round each, until the JIT compilers are done with what the pages run (see SETTLED).
        long warmUpStart = System.nanoTime();
        List<String> passes = new ArrayList<>();
        // Two calm passes in a row: one pass under the threshold can be a lull between two C2
        // compilations (on PostgreSQL a single calm pass was followed by rounds at 40 %).
        int calm = 0;
        for (int pass = 0; ; pass++) {
            double most = 0;
            for (Target target : targets) {
                for (Saturation side : measure(browser, api, bearer, target, pass, WARM_UP)) {
                    most = side == null ? most : Math.max(most, side.compilerShare());
                }
            }
            passes.add(String.format(Locale.ROOT, "%.0f", 100 * most));
            long elapsed = System.nanoTime() - warmUpStart;
            calm = most < SETTLED ? calm + 1 : 0;
            if (pass >= 1 && (calm >= 2 || elapsed > TimeUnit.SECONDS.toNanos(WARM_UP_MAX))) {
                note(
                        "warm-up: %d passes in %.0f s, %s; the JIT compilers' largest share of a"
                                + " slice's CPU, pass by pass: %s %%",
                        pass + 1,
                        elapsed / 1e9,
                        calm >= 2 ? "settled" : "NOT settled (bench.warmup.max reached)",
                        String.join(", ", passes));
                break;
            }
        }
        String[] header = {
            "page",
            "page req/s (sat.)",
            "JSON req/s (sat.)",
            "page/JSON (≥ 50 %), median (range)",
            "CPU ms/req page / JSON",
            "p50 @" + RATE + "/s",
            "p99 @" + RATE + "/s (≤ 50 ms)",
            "late/failed"
        };
        List<String[]> rows = new ArrayList<>();
        // All closed-loop figures first, then the fixed-rate ones, each after the server has
        // drained what the one before left queued, so no figure pays for another page's backlog.
        Rounds[] measured = new Rounds[targets.size()];
        int slice = Math.max(1, SECONDS / ROUNDS);
        for (int i = 0; i < targets.size(); i++) {
            List<Saturation[]> rounds = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                rounds.add(measure(browser, api, bearer, targets.get(i), round, slice));
            }
            measured[i] = new Rounds(rounds);
        }
        for (int i = 0; i < targets.size(); i++) {
            Rounds r = measured[i];
            note(
                    "%s, each round's page/JSON (JIT compilers' share of the CPU, page / JSON): %s",
                    targets.get(i).name(), r.describe());
            // The request threads alone: no JIT, GC or bench client, so less moved by the load.
            note(
                    "%s, request threads' CPU a request (medians): page %.2f ms, JSON %s",
                    targets.get(i).name(),
                    r.page(Saturation::requestThreadsCpu),
                    r.hasJson()
                            ? String.format(
                                    Locale.ROOT,
                                    "%.2f ms (page %.2f×, rounds %.2f–%.2f×)",
                                    r.json(Saturation::requestThreadsCpu),
                                    r.ratio(Saturation::requestThreadsCpu),
                                    r.ratioRange(Saturation::requestThreadsCpu)[0],
                                    r.ratioRange(Saturation::requestThreadsCpu)[1])
                            : "–");
            if (r.hasSameData()) {
                double[] rate = r.sameData(Saturation::rate);
                double[] cpu = r.sameData(Saturation::requestThreadsCpu);
                note(
                        "%s, against the same data through the API (%d requests in sequence: %s):"
                                + " page/sequence %.0f %% (rounds %.0f–%.0f %%); request threads"
                                + " page %.2f ms, sequence %.2f ms (page %.2f×)",
                        targets.get(i).name(),
                        targets.get(i).sameData().size(),
                        targets.get(i).sameData().stream()
                                .map(Call::path)
                                .map(path -> path.replaceAll("[0-9a-f-]{36}", "{id}"))
                                .collect(java.util.stream.Collectors.joining(", ")),
                        100 * rate[0],
                        100 * rate[1],
                        100 * rate[2],
                        r.page(Saturation::requestThreadsCpu),
                        Rounds.median(
                                r.rounds().stream()
                                        .mapToDouble(x -> x[2].requestThreadsCpu())
                                        .toArray()),
                        cpu[0]);
            }
            if (r.hasJson()) {
                // JSON's CPU a request over the page's: the ratio the rates would have if the
                // process had both cores alone; less moved by how much of them it got in a slice.
                note(
                        "%s, page/JSON from CPU a request: median %.0f %% (rounds %.0f–%.0f %%)",
                        targets.get(i).name(),
                        100 / r.ratio(Saturation::cpuPerRequest),
                        100 / r.ratioRange(Saturation::cpuPerRequest)[1],
                        100 / r.ratioRange(Saturation::cpuPerRequest)[0]);
            }
        }
        for (int i = 0; i < targets.size(); i++) {
            Rounds r = measured[i];
            if (r.rounds().get(0)[0].database() != null) {
                note(
                        "%s, database server a request (medians): page %.2f ms CPU, %.1f"
                                + " transactions; JSON %s",
                        targets.get(i).name(),
                        r.page(s -> s.database().cpuMillis()),
                        r.page(s -> s.database().transactions()),
                        r.hasJson()
                                ? String.format(
                                        Locale.ROOT,
                                        "%.2f ms CPU, %.1f transactions",
                                        r.json(s -> s.database().cpuMillis()),
                                        r.json(s -> s.database().transactions()))
                                : "–");
            }
        }
        for (int i = 0; i < targets.size(); i++) {
            Target target = targets.get(i);
            drain(browser);
            FixedRateLoad.Latencies fixed =
                    FixedRateLoad.run(
                            browser, () -> request(port, target.page(), null), RATE, SECONDS);
            Rounds r = measured[i];
            note(
                    "%s at %d/s: answers over %.0f ms by second sent (second:count) %s; garbage"
                            + " collectors %,d ms",
                    target.name(),
                    RATE,
                    FixedRateLoad.SLOW_MILLIS,
                    fixed.slowSeconds(),
                    fixed.gcMillis());
            rows.add(
                    new String[] {
                        target.name(),
                        String.format(Locale.ROOT, "%.0f", r.page(Saturation::rate)),
                        r.hasJson()
                                ? String.format(Locale.ROOT, "%.0f", r.json(Saturation::rate))
                                : "–",
                        r.hasJson()
                                ? String.format(
                                        Locale.ROOT,
                                        "%.0f %% %s (%.0f–%.0f %%)",
                                        100 * r.ratio(Saturation::rate),
                                        r.ratio(Saturation::rate) >= 0.5 ? "yes" : "NO",
                                        100 * r.ratioRange(Saturation::rate)[0],
                                        100 * r.ratioRange(Saturation::rate)[1])
                                : "–",
                        String.format(
                                Locale.ROOT,
                                "%.2f / %s",
                                r.page(Saturation::cpuPerRequest),
                                r.hasJson()
                                        ? String.format(
                                                Locale.ROOT,
                                                "%.2f",
                                                r.json(Saturation::cpuPerRequest))
                                        : "–"),
                        String.format(Locale.ROOT, "%.1f ms", fixed.percentile(50)),
                        String.format(
                                Locale.ROOT,
                                "%.1f ms %s",
                                fixed.percentile(99),
                                fixed.percentile(99) <= 50 ? "yes" : "NO"),
                        fixed.failed() + " failed of " + fixed.sent()
                    });
        }
        note(
                "load average %.1f before, %.1f after; %d cores; %s",
                loadBefore,
                load(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("bench.db.url", "").isBlank() ? "H2 file mode" : "PostgreSQL");
        BenchReport.print("LoadBench", header, rows, lines, "load-bench.txt");
    }

    /** Waits (at most two minutes) until the sign-in page answers within 200 ms again. */
    private void drain(HttpClient client) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            long start = System.nanoTime();
            client.send(request(port, "/login", null), HttpResponse.BodyHandlers.discarding());
            if (System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(200)) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
        }
    }

    /**
     * Requests per second answered 200 and the process's CPU time per such request (server and this
     * bench's client together: they share the JVM), in a closed loop of {@code seconds}; the JIT
     * compilers' share of that CPU says whether the code was still being compiled.
     */
    record Saturation(
            double rate,
            double cpuPerRequest,
            double requestThreadsCpu,
            DatabaseServerCost.PerRequest database,
            double compilerShare) {}

    /**
     * One round: a slice of the page and a slice of its twin, one after the other, the page first
     * in even rounds and the twin first in odd ones, so neither always meets the JIT, the collector
     * or the machine's other work first; {page, twin}, the twin null when the page has none.
     */
    private Saturation[] measure(
            HttpClient browser,
            HttpClient api,
            String bearer,
            Target target,
            int round,
            int seconds)
            throws InterruptedException {
        Saturation page = null;
        Saturation json = null;
        boolean twinFirst = round % 2 == 1 && target.json() != null;
        for (int side = 0; side < 2; side++) {
            if ((side == 0) != twinFirst) {
                page = saturate(browser, target.page(), null, seconds);
            } else if (target.json() != null) {
                json =
                        target.jsonWithSession()
                                ? saturate(browser, target.json(), null, seconds)
                                : saturate(api, target.json(), bearer, seconds);
            }
        }
        Saturation sameData =
                target.sameData().isEmpty()
                        ? null
                        : saturate(
                                target.sameData().stream()
                                        .map(
                                                c ->
                                                        c.withSession()
                                                                ? new Sent(browser, c.path(), null)
                                                                : new Sent(api, c.path(), bearer))
                                        .toList(),
                                seconds);
        return new Saturation[] {page, json, sameData};
    }

    /** A request as a client sends it. */
    private record Sent(HttpClient client, String path, String bearer) {}

    /**
     * A target's rounds. Each figure is the median over rounds, and the page/JSON ratios are taken
     * within a round (page and twin seconds apart) before their median, so a drift between rounds
     * moves both sides of a ratio alike.
     */
    record Rounds(List<Saturation[]> rounds) {

        boolean hasJson() {
            return rounds.get(0)[1] != null;
        }

        double page(java.util.function.ToDoubleFunction<Saturation> figure) {
            return median(rounds.stream().mapToDouble(r -> figure.applyAsDouble(r[0])).toArray());
        }

        double json(java.util.function.ToDoubleFunction<Saturation> figure) {
            return median(rounds.stream().mapToDouble(r -> figure.applyAsDouble(r[1])).toArray());
        }

        double ratio(java.util.function.ToDoubleFunction<Saturation> figure) {
            return median(ratios(figure));
        }

        /** {min, max} of the rounds' page/JSON ratios. */
        double[] ratioRange(java.util.function.ToDoubleFunction<Saturation> figure) {
            double[] ratios = ratios(figure);
            return new double[] {
                java.util.Arrays.stream(ratios).min().orElse(Double.NaN),
                java.util.Arrays.stream(ratios).max().orElse(Double.NaN)
            };
        }

        private double[] ratios(java.util.function.ToDoubleFunction<Saturation> figure) {
            return rounds.stream()
                    .mapToDouble(r -> figure.applyAsDouble(r[0]) / figure.applyAsDouble(r[1]))
                    .toArray();
        }

        boolean hasSameData() {
            return rounds.get(0).length > 2 && rounds.get(0)[2] != null;
        }

        /** Each round's page ÷ same-data sequence of {@code figure}, median and range. */
        double[] sameData(java.util.function.ToDoubleFunction<Saturation> figure) {
            double[] ratios =
                    rounds.stream()
                            .mapToDouble(
                                    r -> figure.applyAsDouble(r[0]) / figure.applyAsDouble(r[2]))
                            .toArray();
            return new double[] {
                median(ratios),
                java.util.Arrays.stream(ratios).min().orElse(Double.NaN),
                java.util.Arrays.stream(ratios).max().orElse(Double.NaN)
            };
        }

        /** Each round's rate ratio with the compilers' share, in order, for the trend. */
        String describe() {
            return rounds.stream()
                    .map(
                            r ->
                                    r[1] == null
                                            ? String.format(
                                                    Locale.ROOT,
                                                    "%.0f req/s (%.0f %%)",
                                                    r[0].rate(),
                                                    100 * r[0].compilerShare())
                                            : String.format(
                                                    Locale.ROOT,
                                                    "%.0f %% (%.0f / %.0f %%)",
                                                    100 * r[0].rate() / r[1].rate(),
                                                    100 * r[0].compilerShare(),
                                                    100 * r[1].compilerShare()))
                    .collect(java.util.stream.Collectors.joining(", "));
        }

        private static double median(double[] values) {
            double[] sorted = values.clone();
            java.util.Arrays.sort(sorted);
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }
    }

    /** With {@link #CONNECTIONS} requests always in flight. */
    private Saturation saturate(HttpClient client, String path, String bearer, int seconds)
            throws InterruptedException {
        return saturate(List.of(new Sent(client, path, bearer)), seconds);
    }

    /**
     * The closed loop: each connection sends {@code sequence} in order, again and again; the rate
     * counts sequences all answered 200, the CPU figures are per sequence.
     */
    private Saturation saturate(List<Sent> sequence, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong done = new AtomicLong();
        DatabaseServerCost.Snapshot databaseBefore = databaseCost().snapshot();
        long cpuBefore = processCpuNanos();
        io.tandem.ThreadCpu threadsBefore = io.tandem.ThreadCpu.now();
        ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
        long start = System.nanoTime();
        for (int i = 0; i < CONNECTIONS; i++) {
            pool.execute(
                    () -> {
                        while (System.nanoTime() < end) {
                            try {
                                boolean ok = true;
                                for (Sent sent : sequence) {
                                    ok &=
                                            sent.client()
                                                            .send(
                                                                    request(
                                                                            port,
                                                                            sent.path(),
                                                                            sent.bearer()),
                                                                    HttpResponse.BodyHandlers
                                                                            .ofByteArray())
                                                            .statusCode()
                                                    == 200;
                                }
                                if (ok) {
                                    done.incrementAndGet();
                                }
                            } catch (IOException e) {
                                // counted as not done
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return;
                            }
                        }
                    });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        double cpuMillis = (processCpuNanos() - cpuBefore) / 1e6;
        io.tandem.ThreadCpu threads = io.tandem.ThreadCpu.now();
        double requestMillis = threads.requestThreadsNanos(threadsBefore) / 1e6;
        double rate = done.get() / ((System.nanoTime() - start) / 1e9);
        return new Saturation(
                rate,
                done.get() == 0 ? Double.NaN : cpuMillis / done.get(),
                done.get() == 0 ? Double.NaN : requestMillis / done.get(),
                databaseCost().since(databaseBefore, done.get()),
                threads.compilerShare(threadsBefore));
    }

    private DatabaseServerCost databaseCost;

    /** On PostgreSQL, what the database server spends a request (its CPU is not in ours). */
    private DatabaseServerCost databaseCost() {
        if (databaseCost == null) {
            databaseCost =
                    new DatabaseServerCost(jdbc, !System.getProperty("bench.db.url", "").isBlank());
        }
        return databaseCost;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    record Target(
            String name, String page, String json, boolean jsonWithSession, List<Call> sameData) {

        Target(String name, String page, String json) {
            this(name, page, json, false, List.of());
        }

        Target(String name, String page, String json, boolean jsonWithSession) {
            this(name, page, json, jsonWithSession, List.of());
        }
    }

    /**
     * One request of a sequence: the path, and whether the pair's session sends it (else a token).
     */
    record Call(String path, boolean withSession) {}

    record Dataset(
            String signInEmail,
            String token,
            UUID person,
            UUID program,
            UUID run,
            int pairs,
            UUID mentorship,
            UUID partner) {}

    /**
     * The data set an earlier run left in the database at this size (its run published and its
     * pairs followed), or null.
     */
    private Dataset existing() {
        List<UUID> found =
                jdbc.query(
                        "select o.id from organisation o where o.slug like 'bench-%' and (select"
                                + " count(*) from person p where p.organisation_id = o.id) = ? and"
                                + " (select count(*) from enrolment e where e.organisation_id ="
                                + " o.id) = ? order by o.id",
                        (rs, n) -> rs.getObject(1, UUID.class), PEOPLE, 3 * ENROLMENTS);
        for (UUID id : found) {
            OrganisationId org = new OrganisationId(id);
            List<UUID[]> runs =
                    jdbc.query(
                            "select r.program_id, r.id from match_run r join program p on p.id ="
                                    + " r.program_id where r.organisation_id = ? and p.name ="
                                    + " 'Bench 0' and r.published_at is not null",
                            (rs, n) ->
                                    new UUID[] {
                                        rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)
                                    },
                            id);
            if (runs.isEmpty()) {
                continue;
            }
            MatchRunView run = matching.run(org, new io.tandem.matching.MatchRunId(runs.get(0)[1]));
            io.tandem.programs.ProgramId program = new io.tandem.programs.ProgramId(runs.get(0)[0]);
            return dataset(org, programs.get(org, program), run, person(org));
        }
        return null;
    }

    /** The person in the middle of those enrolled (the profile page's subject). */
    private PersonSummary person(OrganisationId org) {
        int middle = Math.min(PEOPLE, 3 * ENROLMENTS) / 2;
        return people.search(
                        org,
                        DirectoryQuery.all(),
                        PageQuery.of(middle / PageQuery.MAX_SIZE, PageQuery.MAX_SIZE))
                .items()
                .get(middle % PageQuery.MAX_SIZE);
    }

    private Dataset build() {
        OrganisationId org = identity.ensureOrganisation("bench-" + UUID.randomUUID(), "Bench");
        people.importCsv(
                org, QueryBudgetIntegrationTests.csv(PEOPLE).getBytes(StandardCharsets.UTF_8));
        // Mentors and mentees from across the organisation, not only the top of the tree.
        List<PersonSummary> everyone = new ArrayList<>();
        int pageSize = PageQuery.MAX_SIZE;
        for (int page = 0; everyone.size() < Math.min(PEOPLE, 3 * ENROLMENTS); page++) {
            var found = people.search(org, DirectoryQuery.all(), PageQuery.of(page, pageSize));
            everyone.addAll(found.items());
            if (found.items().size() < pageSize) {
                break;
            }
        }
        ProgramView reviewed = null;
        MatchRunView run = null;
        for (int p = 0; p < 3; p++) {
            ProgramView program =
                    programs.moveTo(
                            org,
                            programs.create(org, ProgramDraft.of("Bench " + p, "CROSS_DIVISIONAL"))
                                    .id(),
                            ProgramStatus.ENROLLING);
            int mentors = p == 0 ? PAIRS : ENROLMENTS / 3;
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < ENROLMENTS; i++) {
                PersonSummary person = everyone.get((p * ENROLMENTS + i) % everyone.size());
                if (i == 0) {
                    // One through the service, the way a person enrols; the rest as the rows it
                    // writes, in batches: 30,000 single enrolments were most of the build.
                    enrolling.enrol(org, program.id(), Enrol.of(person.id(), EnrolmentRole.MENTOR));
                    continue;
                }
                boolean mentor = i < mentors;
                java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
                rows.add(
                        new Object[] {
                            UUID.randomUUID(),
                            program.id().value(),
                            person.id().value(),
                            mentor ? "MENTOR" : "MENTEE",
                            program.approvalRequired() ? "PENDING" : "ACTIVE",
                            mentor ? program.defaultCapacity() : null,
                            "",
                            "",
                            person.timeZone(),
                            now,
                            org.value(),
                            now
                        });
            }
            for (int i = 0; i < rows.size(); i += 1000) {
                jdbc.batchUpdate(
                        "insert into enrolment (id, program_id, person_id, role, status, capacity,"
                                + " skills_wanted, skills_offered, time_zone, enrolled_at,"
                                + " organisation_id, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?,"
                                + " ?, ?, ?, ?)",
                        rows.subList(i, Math.min(rows.size(), i + 1000)));
            }
            if (p == 0) {
                MatchRunView started =
                        matching.start(org, program.id(), Objective.TOTAL, Algorithm.GREEDY);
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
                while (!matching.status(org, started.id()).finished()
                        && System.nanoTime() < deadline) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
                }
                matching.publish(org, started.id());
                run = matching.run(org, started.id());
                reviewed = program;
            }
        }
        return dataset(org, reviewed, run, person(org));
    }

    private Dataset dataset(
            OrganisationId org, ProgramView program, MatchRunView published, PersonSummary person) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (mentorships.find(org, program.id(), null, PageQuery.of(0, 1)).total()
                        < published.proposals().size()
                && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
        }
        MentorshipSummary mentorship =
                mentorships.find(org, program.id(), null, PageQuery.of(0, 1)).items().get(0);
        converse(org, program, mentorship);
        PersonSummary mentor = people.get(org, mentorship.mentorId());
        // The person signed in is a mentor with a mentorship, and an admin, so every page opens.
        identity.ensureAccount(org, mentor.email(), mentor.name(), PASSWORD, Role.ADMIN);
        String token = identity.issueToken(org, "load bench", Role.ADMIN, "bench").secret();
        return new Dataset(
                mentor.email(),
                token,
                person.id().value(),
                program.id().value(),
                published.id().value(),
                published.proposals().size(),
                mentorship.id().value(),
                mentorship.menteeId().value());
    }

    /**
     * Meetings and messages for the pairs, once (a data set built before they were part of it gets
     * them on its first reuse): the measured pair has {@link #MESSAGES} messages, held meetings and
     * upcoming ones, so its workspace and conversation are measured with content; {@link #TALKING}
     * more pairs have a few of each, so the tables are not the measured pair's alone. Through the
     * services, the way the pairs write them. The measured pair is written last, so its messages
     * say every pair's are there: a run killed part way is completed by the next (the pairs written
     * before are written again, a few more rows). Upcoming meetings are dated from the day they are
     * written: a data set reused weeks later shows fewer of them.
     */
    private void converse(OrganisationId org, ProgramView program, MentorshipSummary measured) {
        List<MentorshipSummary> pairs = new ArrayList<>();
        mentorships.find(org, program.id(), null, PageQuery.of(0, TALKING + 1)).items().stream()
                .filter(pair -> !pair.id().equals(measured.id()))
                .limit(TALKING)
                .forEach(pairs::add);
        pairs.add(measured);
        Integer said =
                jdbc.queryForObject(
                        "select count(*) from message where conversation_id = ?",
                        Integer.class,
                        measured.id().value());
        if (said != null && said > 0) {
            note("meetings and messages reused: %s", talk(org));
            return;
        }
        long started = System.nanoTime();
        java.time.Instant now = java.time.Instant.now();
        for (MentorshipSummary pair : pairs) {
            boolean isMeasured = pair == measured;
            int messages = isMeasured ? MESSAGES : 6;
            for (int m = 0; m < messages; m++) {
                io.tandem.people.PersonId author = m % 2 == 0 ? pair.menteeId() : pair.mentorId();
                messaging.post(
                        org,
                        pair.id().value(),
                        author,
                        null,
                        "Message "
                                + m
                                + ": thanks for the notes on *stakeholder maps*, the draft is at"
                                + " https://wiki.example/plan-"
                                + m
                                + " and I will bring questions on Tuesday.");
            }
            int held = isMeasured ? 3 : 1;
            for (int h = 0; h < held; h++) {
                java.time.Instant start = now.minus(Duration.ofDays(14L * (held - h)));
                meetings.recordPastMeeting(
                        org,
                        pair.id(),
                        pair.mentorId(),
                        "Check-in " + (h + 1),
                        start,
                        start.plus(Duration.ofMinutes(45)),
                        "We went through the goals and agreed next steps.");
            }
            int upcoming = isMeasured ? 4 : 1;
            for (int u = 0; u < upcoming; u++) {
                java.time.Instant start =
                        now.truncatedTo(java.time.temporal.ChronoUnit.HOURS)
                                .plus(Duration.ofDays(7L * (u + 1)));
                meetings.plan(
                        org,
                        pair.id(),
                        u % 2 == 0 ? pair.mentorId() : pair.menteeId(),
                        new io.tandem.meetings.MeetingManagement.PlanMeeting(
                                "Career conversation " + (u + 1),
                                "Goals, then the stakeholder map.",
                                start,
                                start.plus(Duration.ofHours(1)),
                                "UTC",
                                io.tandem.meetings.Recurrence.NONE,
                                null,
                                null,
                                null));
            }
        }
        note(
                "meetings and messages added in %.0f s: %s",
                (System.nanoTime() - started) / 1e9, talk(org));
    }

    private String talk(OrganisationId org) {
        return String.format(
                Locale.ROOT,
                "%,d messages, %,d meetings in the organisation",
                jdbc.queryForObject(
                        "select count(*) from message where organisation_id = ?",
                        Long.class,
                        org.value()),
                jdbc.queryForObject(
                        "select count(*) from meeting where organisation_id = ?",
                        Long.class,
                        org.value()));
    }

    static HttpClient signIn(int port, String email) throws Exception {
        return BenchSignIn.signIn(BenchSignIn.client().build(), port, email, PASSWORD);
    }

    static HttpRequest request(int port, String path, String bearer) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .timeout(Duration.ofSeconds(60))
                        .header("Accept-Encoding", "identity");
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        return request.build();
    }

    private void note(String format, Object... args) {
        lines.add("note: " + String.format(Locale.ROOT, format, args));
    }

    static double load() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage();
    }
}

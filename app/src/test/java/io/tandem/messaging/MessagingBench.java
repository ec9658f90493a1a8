package io.tandem.messaging;

import io.tandem.TandemApplication;
import io.tandem.TestPairs;
import io.tandem.ThreadCpu;
import io.tandem.identity.IdentityManagement;
import io.tandem.identity.OrganisationId;
import io.tandem.identity.Role;
import io.tandem.mentorships.MentorshipId;
import io.tandem.mentorships.MentorshipManagement;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramId;
import io.tandem.programs.ProgramManagement;
import io.tandem.web.BenchReport;
import io.tandem.web.BenchSignIn;
import io.tandem.web.FixedRateLoad;
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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Messaging's two speed goals, on PostgreSQL (it needs {@code -Dbench.db.url=jdbc:postgresql://…}
 * and skips without it), printed beside the targets; it asserts nothing.
 *
 * <ol>
 *   <li><b>Delivery across instances.</b> This application and a second one started beside it on
 *       the same database. A mentor holds {@code bench.streams} (1,000) conversation streams open
 *       on the second instance, over HTTP as the page opens them; {@code bench.messages} (10,000)
 *       messages are posted on the first at {@code bench.post-rate} (100) per second, each by the
 *       conversation's mentee. Each latency runs from the post's return (its transaction has
 *       committed) to the moment the message's row arrives on the stream: p50 and p99, goal p99 ≤
 *       100 ms.
 *   <li><b>A conversation page with a million messages in the database.</b> Rows are added in SQL
 *       until the database holds {@code bench.total-messages} (1,000,000), {@code bench.big}
 *       (100,000) of them in the measured conversation; then its mentee's page is asked for at
 *       {@code bench.page-rate} (100) per second for {@code bench.seconds} (15), open loop ({@link
 *       FixedRateLoad}): p99 ≤ 50 ms.
 * </ol>
 *
 * <pre>
 * ./mvnw -q -pl app -am test -Dbench=true -Dgroups=bench -Dtest=MessagingBench \
 *     -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbench.db.url='jdbc:postgresql://127.0.0.1:5432/DB?currentSchema=bench' \
 *     -Dbench.db.user=… -Dbench.db.password=…
 * </pre>
 *
 * The table is also written to {@code app/target/messaging-bench.txt}.
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
            "tandem.login.free-attempts-per-address=100000",
            "tandem.messaging.channel=" + MessagingBench.CHANNEL
        })
class MessagingBench {

    static final int STREAMS = Integer.getInteger("bench.streams", 1_000);
    static final int MESSAGES = Integer.getInteger("bench.messages", 10_000);

    /**
     * Messages posted first, at the same rate and without a pause, whose latencies are printed
     * apart ("cold") and not counted in the measured figures: a new instance's first seconds run
     * its delivery code before the JIT has compiled it.
     */
    static final int WARMUP = Integer.getInteger("bench.warmup", 2_000);

    static final int POSTED = WARMUP + MESSAGES;
    static final int POST_RATE = Integer.getInteger("bench.post-rate", 100);
    static final int TOTAL_MESSAGES = Integer.getInteger("bench.total-messages", 1_000_000);
    static final int BIG = Integer.getInteger("bench.big", 100_000);
    static final int PAGE_RATE = Integer.getInteger("bench.page-rate", 100);
    static final int SECONDS = Integer.getInteger("bench.seconds", 15);

    /**
     * Seconds of one-page-at-a-time warm-up at most before the page is measured: it ends sooner
     * once the JIT compilers spend under a tenth of the CPU.
     */
    static final int PAGE_WARMUP = Integer.getInteger("bench.page-warmup", 180);

    /** Pages measured one at a time after the warm-up, before the fixed rate. */
    static final int PAGE_ALONE = Integer.getInteger("bench.page-alone", 500);

    /**
     * Which phases run: {@code delivery}, {@code page} or both (default). The page alone skips the
     * second instance and its streams.
     */
    static final String PHASES = System.getProperty("bench.phases", "delivery,page");

    /**
     * Keep the second instance and its streams open while the page is measured (default: closed, as
     * the page is measured on its own).
     */
    static final boolean STREAMS_DURING_PAGE = Boolean.getBoolean("bench.streams-during-page");

    /** Rows one fill statement inserts at most. */
    static final long FILL_ROWS = 100_000;

    /** Pairs per program: the mentor's places in each. */
    static final int PER_PROGRAM = 20;

    static final String PASSWORD = "bench-password-1";

    /** A channel of its own, so tests on the same database never hear the bench. */
    static final String CHANNEL = "tandem_messaging_bench";

    static final Pattern MARK = Pattern.compile("bench#(\\d+)#");
    static final String DB_URL = System.getProperty("bench.db.url", "");
    static final String DB_USER = System.getProperty("bench.db.user", "");
    static final String DB_PASSWORD = System.getProperty("bench.db.password", "");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        if (DB_URL.isBlank()) {
            return;
        }
        registry.add("spring.datasource.url", () -> DB_URL);
        registry.add("spring.datasource.username", () -> DB_USER);
        registry.add("spring.datasource.password", () -> DB_PASSWORD);
        registry.add("tandem.data-dir", MessagingBench::dataDir);
    }

    @Value("${local.server.port}")
    int port;

    @Autowired IdentityManagement identity;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired io.tandem.programs.EnrolmentManagement enrolling;
    @Autowired MentorshipManagement mentorships;
    @Autowired MessagingManagement messaging;
    @Autowired JdbcClient jdbc;

    private final List<String> lines = new ArrayList<>();
    private final List<LineReader> openStreams = new ArrayList<>();

    private void closeStreams() {
        openStreams.forEach(reader -> reader.subscription.cancel());
        openStreams.clear();
    }

    @Test
    void deliveryAcrossInstancesAndABigConversation() throws Exception {
        Assumptions.assumeTrue(
                DB_URL.startsWith("jdbc:postgresql:"),
                "MessagingBench needs two instances on one PostgreSQL: set -Dbench.db.url");
        double loadBefore = load();
        long started = System.nanoTime();
        Dataset data = build();
        note(
                "dataset built in %.0f s: one mentor in %,d conversations",
                (System.nanoTime() - started) / 1e9, data.conversations().size());

        String[] header = {"measure", "p50", "p99", "target", "met", "counts"};
        List<String[]> rows = new ArrayList<>();
        ConfigurableApplicationContext other = null;
        try {
            if (PHASES.contains("delivery")) {
                other = secondInstance();
                int otherPort =
                        Integer.parseInt(other.getEnvironment().getProperty("local.server.port"));
                Steps steps = new Steps(data.conversations());
                other.getBean(Streams.class).trace(steps);
                rows.add(delivery(data, otherPort, steps));
                // Printed at once too, in case the page part does not finish.
                System.out.println(
                        String.join(" | ", rows.get(0)) + "\n" + String.join("\n", lines));
                if (!STREAMS_DURING_PAGE) {
                    closeStreams();
                    other.close();
                    other = null;
                }
            }
            if (PHASES.contains("page")) {
                note(
                        "page phase with %s",
                        other == null
                                ? "no second instance and no stream open"
                                : "the second instance and its streams still open");
                rows.add(bigConversation(data));
            }
        } finally {
            closeStreams();
            if (other != null) {
                other.close();
            }
        }
        note(
                "load average %.1f before, %.1f after; %d cores; PostgreSQL",
                loadBefore, load(), Runtime.getRuntime().availableProcessors());
        BenchReport.print("MessagingBench", header, rows, lines, "messaging-bench.txt");
    }

    /** Streams on the other instance, posts here; commit → arrival for every message. */
    private String[] delivery(Dataset data, int otherPort, Steps steps) throws Exception {
        HttpClient streams =
                BenchSignIn.signIn(
                        BenchSignIn.client().version(HttpClient.Version.HTTP_1_1).build(),
                        otherPort,
                        data.mentorEmail(),
                        PASSWORD);
        AtomicLongArray arrived = new AtomicLongArray(POSTED);
        AtomicInteger arrivals = new AtomicInteger();
        CountDownLatch opened = new CountDownLatch(data.conversations().size());
        List<LineReader> open = new ArrayList<>();
        for (UUID conversation : data.conversations()) {
            LineReader reader = new LineReader(arrived, arrivals, opened);
            open.add(reader);
            streams.sendAsync(
                    HttpRequest.newBuilder(
                                    uri(otherPort, "/conversations/" + conversation + "/stream"))
                            .header("Accept", "text/event-stream")
                            .build(),
                    HttpResponse.BodyHandlers.fromLineSubscriber(reader));
            // Fifty at a time, as pages open over a minute rather than in one millisecond.
            if (open.size() % 50 == 0) {
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (data.conversations().size() - opened.getCount() < open.size()
                        && System.nanoTime() < until) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
                }
            }
        }
        // Every stream has sent its first line (so it is subscribed) before the first post.
        if (!opened.await(5, TimeUnit.MINUTES)) {
            note("only %,d streams opened", data.conversations().size() - opened.getCount());
        }
        long[] committed = new long[POSTED];
        long[] called = new long[POSTED];
        AtomicInteger failed = new AtomicInteger();
        // Enough posters that a slow commit does not hold back the ones after it (open loop).
        ExecutorService posters = Executors.newFixedThreadPool(8);
        long period = TimeUnit.SECONDS.toNanos(1) / POST_RATE;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        long cpuBefore = cpu();
        for (int n = 0; n < POSTED; n++) {
            long intended = start + n * period;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int message = n;
            posters.execute(
                    () -> {
                        int pair = message % data.conversations().size();
                        try {
                            called[message] = System.nanoTime();
                            messaging.post(
                                    data.organisation(),
                                    data.conversations().get(pair),
                                    data.mentees().get(pair),
                                    null,
                                    "bench#" + message + "# posted on instance one");
                            committed[message] = System.nanoTime();
                        } catch (RuntimeException e) {
                            failed.incrementAndGet();
                        }
                    });
        }
        posters.shutdown();
        posters.awaitTermination(10, TimeUnit.MINUTES);
        double postSeconds = (System.nanoTime() - start) / 1e9;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (arrivals.get() < POSTED - failed.get() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        double cpuPerMessage = (cpu() - cpuBefore) / 1e6 / POSTED;
        openStreams.addAll(open);
        if (!STREAMS_DURING_PAGE) {
            closeStreams();
        }
        // A stream the second instance refused (its pool busy at sign-in or subscription) answers
        // with an error instead of ":open": its messages cannot arrive, and are told apart.
        int refused = (int) open.stream().filter(reader -> !reader.accepted).count();
        int expected = 0;
        for (int n = WARMUP; n < POSTED; n++) {
            if (committed[n] != 0 && open.get(n % data.conversations().size()).accepted) {
                expected++;
            }
        }
        double[] latencies = new double[MESSAGES];
        double[] fromCall = new double[MESSAGES];
        double[] cold = new double[WARMUP];
        int colds = 0;
        for (int n = 0; n < WARMUP; n++) {
            if (committed[n] != 0 && arrived.get(n) != 0) {
                cold[colds++] = (arrived.get(n) - committed[n]) / 1e6;
            }
        }
        cold = Arrays.copyOf(cold, colds);
        Arrays.sort(cold);
        int count = 0;
        for (int n = WARMUP; n < POSTED; n++) {
            if (committed[n] != 0 && arrived.get(n) != 0) {
                latencies[count] = (arrived.get(n) - committed[n]) / 1e6;
                fromCall[count] = (arrived.get(n) - called[n]) / 1e6;
                count++;
            }
        }
        latencies = Arrays.copyOf(latencies, count);
        fromCall = Arrays.copyOf(fromCall, count);
        steps.report("all posted", 0, data, called, committed, arrived, start, this::note);
        steps.report("measured", WARMUP, data, called, committed, arrived, start, this::note);
        Arrays.sort(latencies);
        Arrays.sort(fromCall);
        note(
                "delivery: %,d streams asked for on the second instance, %,d refused; %,d posts"
                        + " (%,d warm-up first) in %.1f s (%.0f/s asked), %d failed; %,d measured"
                        + " arrived of %,d posted to open streams; from the post's call instead of"
                        + " its return: p50 %.1f ms, p99 %.1f ms; slowest %.1f ms; warm-up (cold)"
                        + " messages: %,d arrived, p50 %.1f ms, p99 %.1f ms, slowest %.1f ms; CPU"
                        + " of the whole process (both instances, client) per message %.2f ms",
                open.size(),
                refused,
                POSTED,
                WARMUP,
                postSeconds,
                (double) POST_RATE,
                failed.get(),
                count,
                expected,
                percentile(fromCall, 50),
                percentile(fromCall, 99),
                count == 0 ? Double.NaN : latencies[count - 1],
                colds,
                percentile(cold, 50),
                percentile(cold, 99),
                colds == 0 ? Double.NaN : cold[colds - 1],
                cpuPerMessage);
        double p99 = percentile(latencies, 99);
        return new String[] {
            "post's commit → arrival on the other instance",
            ms(percentile(latencies, 50)),
            ms(p99),
            "p99 ≤ 100 ms",
            count == MESSAGES && p99 <= 100 ? "yes" : "NO",
            String.format(
                    Locale.ROOT,
                    "%,d of %,d arrived (%,d posted to open streams)",
                    count,
                    MESSAGES,
                    expected)
        };
    }

    /** Fills the database to a million messages, then asks for the big conversation's page. */
    private String[] bigConversation(Dataset data) throws Exception {
        UUID big = data.conversations().get(0);
        long started = System.nanoTime();
        long existing = jdbc.sql("select count(*) from message").query(Long.class).single();
        // The measured conversation always gets its size, also in a schema an earlier run filled.
        long inBig =
                Math.max(
                        0,
                        BIG
                                - jdbc.sql("select count(*) from message where conversation_id = ?")
                                        .param(big)
                                        .query(Long.class)
                                        .single());
        for (long done = 0; done < inBig; done += FILL_ROWS) {
            fill(data.organisation(), "c.id = ?", big, Math.min(FILL_ROWS, inBig - done));
        }
        long rest = Math.max(0, TOTAL_MESSAGES - existing - inBig);
        int others = data.conversations().size() - 1;
        if (others > 0 && rest > 0) {
            long each = (rest + others - 1) / others;
            // The other conversations a slice at a time, each slice in one statement.
            int slice = (int) Math.max(1, FILL_ROWS / each);
            for (int offset = 0; offset < others; offset += slice) {
                fill(
                        data.organisation(),
                        "c.id in (select id from conversation where organisation_id ="
                                + " c.organisation_id and id <> ? order by id offset "
                                + offset
                                + " limit "
                                + slice
                                + ")",
                        big,
                        each);
            }
        }
        // People have read what was there before the bench; the unread counts stay small.
        jdbc.sql(
                        "update conversation_member set read_seq = c.last_seq from conversation c"
                                + " where c.id = conversation_member.conversation_id and"
                                + " c.organisation_id = ?")
                .params(data.organisation().value())
                .update();
        jdbc.sql("analyze").update();
        long total = jdbc.sql("select count(*) from message").query(Long.class).single();
        long bigCount =
                jdbc.sql("select count(*) from message where conversation_id = ?")
                        .params(big)
                        .query(Long.class)
                        .single();
        note(
                "page: %,d messages in the database (%,d in the conversation), added in %.0f s",
                total, bigCount, (System.nanoTime() - started) / 1e9);

        HttpClient browser =
                BenchSignIn.signIn(
                        BenchSignIn.client().build(), port, data.menteeEmail(), PASSWORD);
        String path = "/conversations/" + big;
        warmUpPage(browser, path);
        pageAlone(browser, path);
        ThreadCpu loadBefore = ThreadCpu.now();
        FixedRateLoad.Latencies page =
                FixedRateLoad.run(browser, () -> request(port, path), PAGE_RATE, SECONDS);
        ThreadCpu loadAfter = ThreadCpu.now();
        note(
                "page at %d/s, CPU ms a request by thread: %s; busiest other threads: %s",
                PAGE_RATE,
                loadAfter.breakdown(loadBefore, page.sent()),
                loadAfter.busiestOthers(loadBefore, page.sent(), 6));
        return new String[] {
            "conversation page @" + PAGE_RATE + "/s",
            ms(page.percentile(50)),
            ms(page.percentile(99)),
            "p99 ≤ 50 ms",
            page.percentile(99) <= 50 && page.failed() == 0 ? "yes" : "NO",
            page.failed() + " failed of " + page.sent()
        };
    }

    /**
     * Opens the page one request at a time until the JIT compilers are mostly done: 300 pages, then
     * rounds of 100 until the compilers spent at most a tenth of a round's CPU time, or {@link
     * #PAGE_WARMUP} seconds have passed. Right after start-up the compilers spend as much CPU as
     * the pages themselves; an instance that runs for days does not.
     */
    private void warmUpPage(HttpClient browser, String path) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(PAGE_WARMUP);
        int pages = 0;
        double share = 1;
        while (share > 0.10 && System.nanoTime() < until) {
            ThreadCpu before = ThreadCpu.now();
            int round = pages == 0 ? 300 : 100;
            for (int i = 0; i < round; i++, pages++) {
                browser.send(request(port, path), HttpResponse.BodyHandlers.discarding());
            }
            share = ThreadCpu.now().compilerShare(before);
        }
        note(
                "page warm-up: %,d pages one at a time; in its last round the JIT compilers spent"
                        + " %.0f %% of the process's CPU time",
                pages, share * 100);
    }

    /** What one page costs alone, beside the queueing the fixed rate adds on a busy machine. */
    private void pageAlone(HttpClient browser, String path) throws Exception {
        double[] alone = new double[PAGE_ALONE];
        ThreadCpu before = ThreadCpu.now();
        for (int n = 0; n < alone.length; n++) {
            long sent = System.nanoTime();
            browser.send(request(port, path), HttpResponse.BodyHandlers.discarding());
            alone[n] = (System.nanoTime() - sent) / 1e6;
        }
        ThreadCpu after = ThreadCpu.now();
        Arrays.sort(alone);
        note(
                "page one request at a time (%d requests after the warm-up): p50 %.1f ms, p99 %.1f"
                        + " ms; CPU ms a page by thread: %s; busiest other threads: %s",
                alone.length,
                percentile(alone, 50),
                percentile(alone, 99),
                after.breakdown(before, alone.length),
                after.busiestOthers(before, alone.length, 6));
    }

    /**
     * Adds {@code count} messages to each conversation that {@code which} (SQL over {@code c}, with
     * one parameter, {@code conversation}) chooses, alternately by the mentor and the mentee: one
     * insert of at most {@link #FILL_ROWS} rows, well inside the statement timeout, and one update.
     */
    private void fill(OrganisationId organisation, String which, UUID conversation, long count) {
        jdbc.sql(
                        "insert into message (id, organisation_id, conversation_id, seq, event_seq,"
                                + " author_id, client_id, body, created_at) select"
                                + " gen_random_uuid(), c.organisation_id, c.id, c.last_seq + g,"
                                + " c.last_seq + g, case when g % 2 = 0 then c.mentor_id else"
                                + " m.person_id end, gen_random_uuid(), 'Earlier message ' || g"
                                + " || ', notes at https://example.org/notes/' || g,"
                                + " localtimestamp - interval '30 days' + g * interval '1 second'"
                                + " from conversation c join conversation_member m on"
                                + " m.conversation_id = c.id and m.person_id <> c.mentor_id cross"
                                + " join generate_series(1, ?) g where c.organisation_id = ? and "
                                + which)
                .params(count, organisation.value(), conversation)
                .update();
        jdbc.sql(
                        "update conversation c set last_seq = last_seq + ? where"
                                + " c.organisation_id = ? and "
                                + which)
                .params(count, organisation.value(), conversation)
                .update();
    }

    /**
     * When each step of each message's delivery happened on the second instance, and where the
     * slowest hundredth of messages spent their time compared with the middle ones.
     */
    static final class Steps implements DeliveryTrace {
        private final java.util.Map<UUID, Integer> index = new java.util.HashMap<>();
        private final java.util.List<java.util.concurrent.ConcurrentLinkedQueue<Long>> told =
                new ArrayList<>();
        private final AtomicLongArray readStart = new AtomicLongArray(POSTED);
        private final AtomicLongArray readDone = new AtomicLongArray(POSTED);
        private final AtomicLongArray sendStart = new AtomicLongArray(POSTED);
        private final AtomicLongArray sendDone = new AtomicLongArray(POSTED);

        Steps(List<UUID> conversations) {
            for (UUID c : conversations) {
                index.put(c, told.size());
                told.add(new java.util.concurrent.ConcurrentLinkedQueue<>());
            }
        }

        @Override
        public void told(UUID conversation, long at) {
            Integer i = index.get(conversation);
            if (i != null) {
                told.get(i).add(at);
            }
        }

        @Override
        public void read(List<MessageView> changes, long started, long done) {
            for (MessageView change : changes) {
                int n = number(change);
                if (n >= 0 && readStart.compareAndSet(n, 0, started)) {
                    readDone.set(n, done);
                }
            }
        }

        @Override
        public void sent(MessageView change, long started, long done) {
            int n = number(change);
            if (n >= 0 && sendStart.compareAndSet(n, 0, started)) {
                sendDone.set(n, done);
            }
        }

        private static int number(MessageView change) {
            if (change.text() == null) {
                return -1;
            }
            Matcher mark = MARK.matcher(change.text());
            if (!mark.find()) {
                return -1;
            }
            int n = Integer.parseInt(mark.group(1));
            return n < POSTED ? n : -1;
        }

        private static final String[] STEP = {
            "commit→told", "told→read", "read", "read→send", "render+write", "write→client"
        };

        /** Each message's steps in ms; null where a step was not seen. */
        private double[] steps(Dataset data, int n, long[] called, long[] committed, long arrival) {
            long toldAt = 0;
            for (long t : told.get(n % data.conversations().size())) {
                if (t >= called[n] && (toldAt == 0 || t < toldAt)) {
                    toldAt = t;
                }
            }
            long[] at = {
                committed[n],
                toldAt,
                readStart.get(n),
                readDone.get(n),
                sendStart.get(n),
                sendDone.get(n),
                arrival
            };
            for (long t : at) {
                if (t == 0) {
                    return null;
                }
            }
            double[] ms = new double[STEP.length];
            for (int i = 0; i < STEP.length; i++) {
                ms[i] = (at[i + 1] - at[i]) / 1e6;
            }
            return ms;
        }

        void report(
                String what,
                int from,
                Dataset data,
                long[] called,
                long[] committed,
                AtomicLongArray arrived,
                long start,
                java.util.function.BiConsumer<String, Object[]> note) {
            List<double[]> all = new ArrayList<>();
            List<Integer> which = new ArrayList<>();
            for (int n = from; n < POSTED; n++) {
                if (committed[n] == 0 || arrived.get(n) == 0) {
                    continue;
                }
                double[] ms = steps(data, n, called, committed, arrived.get(n));
                if (ms != null) {
                    all.add(ms);
                    which.add(n);
                }
            }
            if (all.isEmpty()) {
                return;
            }
            Integer[] order = new Integer[all.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, java.util.Comparator.comparingDouble(i -> total(all.get(i))));
            int slow = Math.max(1, order.length / 100);
            note.accept(
                    "%s: steps (mean ms) of the slowest %d vs the middle tenth: %s",
                    new Object[] {
                        what,
                        slow,
                        describe(all, Arrays.copyOfRange(order, order.length - slow, order.length))
                                + " | middle: "
                                + describe(
                                        all,
                                        Arrays.copyOfRange(
                                                order,
                                                order.length * 45 / 100,
                                                order.length * 55 / 100))
                    });
            // When the slow ones were posted: seconds since the first post.
            java.util.TreeMap<Long, Integer> seconds = new java.util.TreeMap<>();
            for (int k = order.length - slow; k < order.length; k++) {
                long second = (committed[which.get(order[k])] - start) / 1_000_000_000L;
                seconds.merge(second, 1, Integer::sum);
            }
            note.accept(
                    "%s: the slowest %d were posted at second (count): %s",
                    new Object[] {what, slow, seconds});
        }

        private static double total(double[] ms) {
            double sum = 0;
            for (double m : ms) {
                sum += m;
            }
            return sum;
        }

        private static String describe(List<double[]> all, Integer[] chosen) {
            StringBuilder out = new StringBuilder();
            for (int step = 0; step < STEP.length; step++) {
                double sum = 0;
                double max = 0;
                for (int i : chosen) {
                    sum += all.get(i)[step];
                    max = Math.max(max, all.get(i)[step]);
                }
                out.append(
                        String.format(
                                Locale.ROOT,
                                "%s%s %.1f (max %.1f)",
                                step == 0 ? "" : ", ",
                                STEP[step],
                                sum / chosen.length,
                                max));
            }
            return out.toString();
        }
    }

    /** Reads a stream's lines and notes when each bench message first arrives. */
    static final class LineReader implements Flow.Subscriber<String> {
        private final AtomicLongArray arrived;
        private final AtomicInteger arrivals;
        private final CountDownLatch opened;
        private boolean first = true;
        volatile boolean accepted;
        volatile Flow.Subscription subscription;

        LineReader(AtomicLongArray arrived, AtomicInteger arrivals, CountDownLatch opened) {
            this.arrived = arrived;
            this.arrivals = arrivals;
            this.opened = opened;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (first) {
                first = false;
                accepted = line.equals(":open");
                opened.countDown();
            }
            if (!line.startsWith("data:")) {
                return;
            }
            long now = System.nanoTime();
            Matcher mark = MARK.matcher(line);
            if (mark.find()) {
                int n = Integer.parseInt(mark.group(1));
                if (n < arrived.length() && arrived.compareAndSet(n, 0, now)) {
                    arrivals.incrementAndGet();
                }
            }
        }

        @Override
        public void onError(Throwable throwable) {
            // cancelled at the end, or the instance stopped
        }

        @Override
        public void onComplete() {}
    }

    record Dataset(
            OrganisationId organisation,
            String mentorEmail,
            String menteeEmail,
            List<UUID> conversations,
            List<PersonId> mentees) {}

    /** One mentor paired with {@link #STREAMS} mentees, {@link #PER_PROGRAM} per program. */
    private Dataset build() {
        OrganisationId org = identity.ensureOrganisation("bench-" + UUID.randomUUID(), "Bench");
        // Accounts are found by e-mail across organisations: each run has e-mails of its own.
        String tag = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv =
                new StringBuilder(
                        "employee_id,email,first_name,last_name,title,level,division,function,"
                                + "location,time_zone,work_mode,languages,skills\n");
        csv.append(
                "M0,mentor-"
                        + tag
                        + "@bench.test,Maya,Mentor,Engineering lead,7,Digital,Engineering,Berlin,"
                        + "Europe/Berlin,HOME_OFFICE,English,Java\n");
        for (int i = 0; i < STREAMS; i++) {
            csv.append("E")
                    .append(i)
                    .append(",mentee")
                    .append(i)
                    .append("-")
                    .append(tag)
                    .append("@bench.test,Eli,Mentee")
                    .append(i)
                    .append(",Sales rep,3,Retail,Sales,London,Europe/London,FIELD,English,Java\n");
        }
        people.importCsv(org, csv.toString().getBytes(StandardCharsets.UTF_8));
        PersonId mentor =
                people.findByEmail(org, "mentor-" + tag + "@bench.test").orElseThrow().id();
        List<UUID> conversations = new ArrayList<>();
        List<PersonId> mentees = new ArrayList<>();
        ProgramId program = null;
        for (int i = 0; i < STREAMS; i++) {
            if (i % PER_PROGRAM == 0) {
                program =
                        programs.create(org, ProgramDraft.of("Bench " + i, "CROSS_DIVISIONAL"))
                                .id();
            }
            PersonId mentee =
                    people.findByEmail(org, "mentee" + i + "-" + tag + "@bench.test")
                            .orElseThrow()
                            .id();
            MentorshipId pair =
                    TestPairs.start(
                            programs, enrolling, mentorships, org, program, mentee, mentor, 50);
            conversations.add(messaging.conversationOf(org, pair, mentee));
            mentees.add(mentee);
        }
        String mentorEmail = "mentor-" + tag + "@bench.test";
        String menteeEmail = "mentee0-" + tag + "@bench.test";
        identity.ensureAccount(org, mentorEmail, "Maya Mentor", PASSWORD, Role.EMPLOYEE);
        identity.ensureAccount(org, menteeEmail, "Eli Mentee0", PASSWORD, Role.EMPLOYEE);
        return new Dataset(org, mentorEmail, menteeEmail, conversations, mentees);
    }

    /** The second instance; command-line arguments, so they win over application.properties. */
    private ConfigurableApplicationContext secondInstance() {
        return new SpringApplicationBuilder(TandemApplication.class)
                .run(
                        "--server.port=0",
                        "--tandem.demo=false",
                        "--tandem.data-dir=" + dataDir(),
                        "--logging.level.root=WARN",
                        "--spring.main.banner-mode=off",
                        "--tandem.login.free-attempts-per-address=100000",
                        "--tandem.messaging.channel=" + CHANNEL,
                        "--spring.datasource.url=" + DB_URL,
                        "--spring.datasource.username=" + DB_USER,
                        "--spring.datasource.password=" + DB_PASSWORD);
    }

    private static String dataDir() {
        try {
            Path dir = Files.createTempDirectory("tandem-messaging-bench");
            dir.toFile().deleteOnExit();
            return dir.toAbsolutePath().toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static URI uri(int port, String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpRequest request(int port, String path) {
        return HttpRequest.newBuilder(uri(port, path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept-Encoding", "identity")
                .build();
    }

    private static double percentile(double[] sorted, int percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, "%.1f ms", millis);
    }

    private void note(String format, Object... args) {
        lines.add("note: " + String.format(Locale.ROOT, format, args));
    }

    /** CPU time of this whole process (both instances and the bench's clients), in ns. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double load() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage();
    }
}

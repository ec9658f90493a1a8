package io.tandem.matching.engine.bench;

import io.tandem.matching.engine.Assignment;
import io.tandem.matching.engine.AssignmentSolver;
import io.tandem.matching.engine.Capacities;
import io.tandem.matching.engine.Explanation;
import io.tandem.matching.engine.GreedyMatcher;
import io.tandem.matching.engine.HardRules;
import io.tandem.matching.engine.InstanceFamilies;
import io.tandem.matching.engine.Objective;
import io.tandem.matching.engine.OrgChart;
import io.tandem.matching.engine.PricingSolver;
import io.tandem.matching.engine.Profiles;
import io.tandem.matching.engine.SampleProfiles;
import io.tandem.matching.engine.ScoreMatrix;
import io.tandem.matching.engine.Scorer;
import io.tandem.matching.engine.SparseScores;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Prints the engine's figures side by side in one run. Run from the repository root with {@code
 * ./mvnw -q -pl matching-engine test-compile exec:exec@bench}.
 */
public final class Bench {

    private static final int N = 10_000;
    private static final int M = 3_000;
    private static final int CAPACITY = 4;

    private Bench() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--end-to-end")) {
            endToEnd(true);
            return;
        }
        if (args.length > 0 && args[0].equals("--product")) {
            productPath(
                    args.length > 1 ? Integer.parseInt(args[1]) : 6,
                    args.length > 2 ? Integer.parseInt(args[2]) : 0);
            return;
        }
        if (args.length > 0 && args[0].equals("--auction")) {
            auctionSideBySide(args.length > 1 ? Integer.parseInt(args[1]) : 5);
            return;
        }
        if (args.length > 1 && args[0].equals("--replay-priced")) {
            replayPriced(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 3);
            return;
        }
        if (args.length > 1 && args[0].equals("--replay")) {
            replay(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 5);
            return;
        }
        if (args.length > 0 && args[0].equals("--sparse-large")) {
            sparseLarge();
            return;
        }
        if (args.length > 0 && args[0].equals("--pricing")) {
            pricing(
                    args.length > 1 ? Integer.parseInt(args[1]) : 4,
                    args.length > 2 ? args[2] : "total,participation,fair");
            return;
        }
        if (args.length > 0 && args[0].equals("--pricing-large")) {
            pricingLarge(args.length > 1 ? args[1] : "total");
            return;
        }
        boolean familiesOnly = args.length > 0 && args[0].equals("--families");
        System.out.printf(
                Locale.ROOT,
                "Tandem matching engine bench: %d cores, Java %s, max heap %d MB, load average %s%n%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20,
                loadAverage());

        if (familiesOnly) {
            new AssignmentSolver()
                    .solve(uniform(1, 1_000, 300), Capacities.uniform(300, 4), Objective.TOTAL);
            families();
            sparse();
            return;
        }
        if (args.length > 0 && args[0].equals("--sparse")) {
            new AssignmentSolver()
                    .solve(uniform(1, 1_000, 300), Capacities.uniform(300, 4), Objective.TOTAL);
            sparse();
            return;
        }
        // 1,000 x 300 first, which also warms the JIT up
        ScoreMatrix small = uniform(1, 1_000, 300);
        Capacities smallCap = Capacities.uniform(300, CAPACITY);
        new AssignmentSolver().solve(small, smallCap, Objective.TOTAL);
        long t = start();
        Assignment smallOpt = new AssignmentSolver().solve(small, smallCap, Objective.TOTAL);
        row(
                "solve 1,000 x 300, cap 4, total",
                ms(t),
                "target <= 100 ms; total " + smallOpt.total());
        t = start();
        Assignment smallFair = new AssignmentSolver().solve(small, smallCap, Objective.FAIR);
        row(
                "solve 1,000 x 300, cap 4, fair",
                ms(t),
                "min score " + smallFair.minScore().getAsInt());

        // scoring
        Profiles mentees = SampleProfiles.side(11, N, 0, false);
        Profiles mentors = SampleProfiles.side(12, M, N, true);
        Scorer scorer = scorer(mentees, mentors, 2);
        scorer.score();
        // CPU time of one thread doing all the work: what the cores cost, whatever else runs
        Scorer single = scorer(mentees, mentors, 1);
        var threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        single.score();
        double cpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
        double scoreMs = Double.MAX_VALUE;
        for (int k = 0; k < 3; k++) {
            t = start();
            scorer.score();
            scoreMs = Math.min(scoreMs, ms(t));
        }
        row(
                "score 10,000 x 3,000 profiles (2 threads)",
                scoreMs,
                String.format(
                        Locale.ROOT,
                        "target <= 500 ms; best of 3 (cpu: the last); one thread alone: %.0f ms cpu",
                        cpuMs));

        // the uniform instance
        ScoreMatrix matrix = uniform(42, N, M);
        Capacities caps = Capacities.uniform(M, CAPACITY);
        System.gc();
        resetPeaks();
        t = start();
        Assignment opt = new AssignmentSolver().solve(matrix, caps, Objective.TOTAL);
        double optMs = ms(t);
        long solvePeak = peakHeapMb();
        t = start();
        new AssignmentSolver().solve(matrix, caps, Objective.TOTAL);
        double optMs2 = ms(t);
        row(
                "solve 10,000 x 3,000, cap 4, total",
                Math.min(optMs, optMs2),
                String.format(
                        Locale.ROOT,
                        "first run %.0f ms; total %d, matched %d, min %d; peak heap %d MB",
                        optMs,
                        opt.total(),
                        opt.matched(),
                        opt.minScore().getAsInt(),
                        solvePeak));
        t = start();
        Assignment fair = new AssignmentSolver().solve(matrix, caps, Objective.FAIR);
        row(
                "solve 10,000 x 3,000, cap 4, fair",
                ms(t),
                "target <= 5 s; matched "
                        + fair.matched()
                        + ", min "
                        + fair.minScore().getAsInt()
                        + ", total "
                        + fair.total());
        t = start();
        Assignment participation =
                new AssignmentSolver().solve(matrix, caps, Objective.PARTICIPATION);
        row(
                "solve 10,000 x 3,000, cap 4, participation",
                ms(t),
                "matched " + participation.matched());
        t = start();
        Assignment greedy = GreedyMatcher.solve(matrix, caps);
        double greedyMs = ms(t);
        row(
                "greedy 10,000 x 3,000, cap 4",
                greedyMs,
                String.format(
                        Locale.ROOT,
                        "total/optimum %.5f, lowest/optimum's lowest %.4f, lowest/fair's lowest %.4f",
                        (double) greedy.total() / opt.total(),
                        (double) greedy.minScore().getAsInt() / opt.minScore().getAsInt(),
                        (double) greedy.minScore().getAsInt() / fair.minScore().getAsInt()));

        // a hard case for pricing: every mentee's top list names the same popular mentors
        ScoreMatrix popular = popular(43, N, M);
        t = start();
        Assignment pop = new AssignmentSolver().solve(popular, caps, Objective.TOTAL);
        row(
                "solve 10,000 x 3,000, cap 4, popular mentors, total",
                ms(t),
                "score = popularity 0..899 + noise 0..99; total "
                        + pop.total()
                        + ", min "
                        + pop.minScore().getAsInt());

        orTools(matrix, caps, opt);
        scipy(matrix, opt);
        families();
        sparse();
        cliParse(matrix);

        // end to end, in this JVM and in a child JVM capped at 1 GB heap
        endToEnd(false);
        childEndToEnd();
    }

    /**
     * Family (g), sparse allowed pairs: at 10,000 x 3,000 beside OR-tools on the same pairs and
     * family (a)'s dense solve; then 50,000 x 15,000 end to end in a JVM capped at 2 GB of heap.
     */
    private static void sparse() throws IOException, InterruptedException {
        System.out.println();
        System.out.println(
                "(g) sparse allowed pairs (same site and function), candidate lists from that rule,"
                        + " no dense matrix");
        InstanceFamilies.Instance a =
                InstanceFamilies.generate(InstanceFamilies.Family.UNIFORM, 1, N, M);
        AssignmentSolver solver = new AssignmentSolver();
        solver.solve(a.matrix(), a.capacities(), Objective.TOTAL);
        long cpu = processCpuNanos();
        long t = start();
        solver.solve(a.matrix(), a.capacities(), Objective.TOTAL);
        double uniformMs = ms(t);
        double uniformCpu = (processCpuNanos() - cpu) / 1e6;
        cpuAtStart = -1;
        a = null;
        System.gc();
        t = start();
        InstanceFamilies.SparseInstance g = InstanceFamilies.sparse(1, N, M);
        row(
                "(g) candidate lists 10,000 x 3,000 (scored pairs)",
                ms(t),
                String.format(Locale.ROOT, "%,d pairs of %,d", g.scores().pairs(), (long) N * M));
        cpu = processCpuNanos();
        t = start();
        Assignment first = solver.solve(g.scores(), g.capacities(), Objective.TOTAL);
        double firstMs = ms(t);
        double firstCpu = (processCpuNanos() - cpu) / 1e6;
        // One solve of 433,000 pairs takes less CPU than the JIT spends compiling the solver, and
        // process CPU counts the compiler threads (about 20 solves until it settles): the median of
        // SOLVES batches of BATCH solves after WARM_UPS is the solver's own figure; OR-tools
        // (native) the median of
        // three; the first solve is printed beside them.
        for (int w = 0; w < WARM_UPS; w++) {
            solver.solve(g.scores(), g.capacities(), Objective.TOTAL);
        }
        double[] walls = new double[SOLVES];
        double[] cpus = new double[SOLVES];
        Assignment total = first;
        // The process's CPU clock ticks in 10 ms steps, a third of one warm solve: each figure is
        // the mean of a batch of solves.
        for (int r = 0; r < SOLVES; r++) {
            cpu = processCpuNanos();
            t = start();
            for (int b = 0; b < BATCH; b++) {
                total = solver.solve(g.scores(), g.capacities(), Objective.TOTAL);
            }
            walls[r] = ms(t) / BATCH;
            cpus[r] = (processCpuNanos() - cpu) / 1e6 / BATCH;
        }
        double engineMs = median(walls);
        double engineCpu = median(cpus);
        // Process CPU counts the JIT's and the collector's threads too: the solve's own CPU is the
        // calling thread's with one solver thread (session 13).
        var threadClock = ManagementFactory.getThreadMXBean();
        AssignmentSolver oneThread = new AssignmentSolver(1);
        double[] own = new double[SOLVES * BATCH];
        for (int r = -WARM_UPS / 4; r < own.length; r++) {
            long c0 = threadClock.getCurrentThreadCpuTime();
            oneThread.solve(g.scores(), g.capacities(), Objective.TOTAL);
            if (r >= 0) {
                own[r] = (threadClock.getCurrentThreadCpuTime() - c0) / 1e6;
            }
        }
        double ownCpu = median(own);
        cpuAtStart = -1;
        OrTools or = null;
        double[] orWalls = new double[3];
        double[] orCpus = new double[3];
        for (int r = 0; r < 3; r++) {
            or = orToolsSparse(g.scores(), g.capacities());
            if (or == null) {
                break;
            }
            orWalls[r] = or.solveMs();
            orCpus[r] = or.solveCpuMs();
        }
        String versus =
                or == null
                        ? "OR-tools not available"
                        : String.format(
                                Locale.ROOT,
                                "%.3fx OR-tools' %.0f ms (target <= 0.1x; cpu %.3fx of %.0f ms;"
                                        + " the solve's own cpu on one thread %.1f ms, %.3fx;"
                                        + " first solve %.3fx, cpu %.3fx), total %s",
                                engineMs / median(orWalls),
                                median(orWalls),
                                engineCpu / median(orCpus),
                                median(orCpus),
                                ownCpu,
                                ownCpu / median(orCpus),
                                firstMs / median(orWalls),
                                firstCpu / median(orCpus),
                                or.total() == total.total() ? "same" : "DIFFERENT " + or.total());
        row(
                "(g) sparse, total",
                engineMs,
                String.format(
                        Locale.ROOT,
                        "%.1fx family a's dense total (target <= 5x; cpu %.0f ms, %.1fx); %s;"
                                + " matched %d%s",
                        engineMs / uniformMs,
                        engineCpu,
                        engineCpu / uniformCpu,
                        versus,
                        total.matched(),
                        first.total() == total.total() ? "" : " (runs DIFFER)"));
        cpu = processCpuNanos();
        t = start();
        Assignment fair = solver.solve(g.scores(), g.capacities(), Objective.FAIR);
        double fairMs = ms(t);
        double fairCpu = (processCpuNanos() - cpu) / 1e6;
        cpuAtStart = -1;
        row(
                "(g) sparse, fair",
                fairMs,
                String.format(
                        Locale.ROOT,
                        "%.1fx family a's dense total (target <= 5x; cpu %.0f ms, %.1fx); matched"
                                + " %d, min %s",
                        fairMs / uniformMs,
                        fairCpu,
                        fairCpu / uniformCpu,
                        fair.matched(),
                        fair.minScore().isPresent() ? fair.minScore().getAsInt() : "-"));
        g = null;
        System.gc();
        inChildWith2g("(g) 50,000 x 15,000", "--sparse-large");
    }

    /** Runs this bench with {@code args} in a child JVM capped at 2 GB, for 10 minutes at most. */
    private static void inChildWith2g(String what, String... args)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command =
                new ArrayList<>(
                        List.of(
                                java,
                                "-Xmx2g",
                                "-XX:+UseParallelGC",
                                "-cp",
                                System.getProperty("java.class.path"),
                                Bench.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            System.out.println(what + ": gave up after 10 minutes");
        }
    }

    /** 50,000 x 15,000 family (g): candidate lists + solve + explain, in this (2 GB) JVM. */
    private static void sparseLarge() {
        int n = 50_000;
        int m = 15_000;
        // warm the JIT on a small instance first
        InstanceFamilies.SparseInstance warm = InstanceFamilies.sparse(2, 5_000, 1_500);
        new AssignmentSolver().solve(warm.scores(), warm.capacities(), Objective.TOTAL);
        warm = null;
        System.gc();
        resetPeaks();
        long t = start();
        InstanceFamilies.SparseInstance g = InstanceFamilies.sparse(1, n, m);
        double scoreMs = ms(t);
        Assignment a = new AssignmentSolver().solve(g.scores(), g.capacities(), Objective.TOTAL);
        double solveMs = ms(t) - scoreMs;
        List<List<Explanation>> explanations = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (a.mentorOf(i) >= 0) {
                explanations.add(g.scorer().explain(i, a.mentorOf(i)));
            }
        }
        double totalMs = ms(t);
        row(
                "(g) 50,000 x 15,000 end to end, -Xmx2g",
                totalMs,
                String.format(
                        Locale.ROOT,
                        "target <= 20 s, heap <= 2 GB; lists %.0f + solve %.0f + explain %.0f ms;"
                                + " %,d pairs; matched %d, min %d; peak heap %d MB",
                        scoreMs,
                        solveMs,
                        totalMs - scoreMs - solveMs,
                        g.scores().pairs(),
                        a.matched(),
                        a.minScore().orElse(0),
                        peakHeapMb()));
        t = start();
        Assignment fair = new AssignmentSolver().solve(g.scores(), g.capacities(), Objective.FAIR);
        row(
                "(g) 50,000 x 15,000, fair solve",
                ms(t),
                String.format(
                        Locale.ROOT,
                        "matched %d, min %s; peak heap %d MB",
                        fair.matched(),
                        fair.minScore().isPresent() ? fair.minScore().getAsInt() : "-",
                        peakHeapMb()));
    }

    /**
     * Family (f) without holding its allowed pairs ({@link PricingSolver}): at 10,000 x 3,000
     * beside the product's full path (every allowed pair kept by {@code scoreAllowed}, then the
     * sparse solve), alternately in one JVM, then at 50,000 x 15,000 in a child JVM capped at 2 GB.
     */
    private static void pricing(int rounds, String large) throws IOException, InterruptedException {
        System.out.printf(
                Locale.ROOT,
                "pricing, (f) scored then TOTAL: %d cores, Java %s, max heap %d MB, load average"
                        + " %s%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20,
                loadAverage());
        ProductCohort cohort = ProductCohort.of();
        double[][][] sides =
                pricedBesideFull(
                        rounds,
                        () ->
                                pricingSolver()
                                        .solve(
                                                cohort.scorer(),
                                                cohort.capacities(),
                                                Objective.TOTAL,
                                                0,
                                                io.tandem.matching.engine.CancellationToken.NONE,
                                                io.tandem.matching.engine.ProgressListener.NONE),
                        () -> {
                            SparseScores scores =
                                    cohort.scorer()
                                            .scoreAllowed(
                                                    0,
                                                    null,
                                                    null,
                                                    io.tandem.matching.engine.CancellationToken
                                                            .NONE,
                                                    io.tandem.matching.engine.ProgressListener
                                                            .NONE);
                            return new Full(
                                    new AssignmentSolver()
                                            .solve(scores, cohort.capacities(), Objective.TOTAL),
                                    scores.pairs());
                        });
        double[][] full = sides[0];
        double[][] priced = sides[1];
        if (rounds > 1) {
            double[] ratio = new double[3];
            for (int k = 0; k < 3; k++) {
                double[] b = new double[rounds - 1];
                double[] p = new double[rounds - 1];
                for (int r = 1; r < rounds; r++) {
                    b[r - 1] = full[r][k];
                    p[r - 1] = priced[r][k];
                }
                ratio[k] = median(p) / median(b);
            }
            System.out.printf(
                    Locale.ROOT,
                    "(f) 10,000 x 3,000, priced / full (medians of rounds 1..%d): thread cpu %.2fx,"
                            + " process cpu %.2fx, wall %.2fx; first round %.2fx, %.2fx, %.2fx;"
                            + " load average %s%n",
                    rounds - 1,
                    ratio[0],
                    ratio[1],
                    ratio[2],
                    priced[0][0] / full[0][0],
                    priced[0][1] / full[0][1],
                    priced[0][2] / full[0][2],
                    loadAverage());
        }
        System.gc();
        for (String objective : large.split(",")) {
            if (!objective.equals("none")) {
                inChildWith2g("(f) 50,000 x 15,000", "--pricing-large", objective);
            }
        }
    }

    /** The full path's result: its assignment and the allowed pairs it held. */
    private record Full(Assignment assignment, long pairs) {}

    /**
     * {@code priced} and {@code full} alternately, {@code rounds} each (which goes first
     * alternates, so neither always meets the other's garbage), each printed: {full, priced}, per
     * round {thread cpu, process cpu, wall} in ms.
     */
    private static double[][][] pricedBesideFull(
            int rounds,
            java.util.function.Supplier<PricingSolver.Result> priced,
            java.util.function.Supplier<Full> full) {
        var threads = ManagementFactory.getThreadMXBean();
        double[][][] out = {new double[rounds][], new double[rounds][]};
        for (int r = 0; r < rounds; r++) {
            for (int side = 0; side < 2; side++) {
                boolean pricedNow = (side == 0) == (r % 2 == 1);
                System.gc();
                long cpu0 = threads.getCurrentThreadCpuTime();
                long proc0 = processCpuNanos();
                long wall0 = System.nanoTime();
                Assignment a;
                String detail;
                if (pricedNow) {
                    PricingSolver.Result got = priced.get();
                    a = got.assignment();
                    detail = pricingDetail(got);
                } else {
                    Full got = full.get();
                    a = got.assignment();
                    detail = String.format(Locale.ROOT, "%,d pairs", got.pairs());
                }
                double[] f = {
                    (threads.getCurrentThreadCpuTime() - cpu0) / 1e6,
                    (processCpuNanos() - proc0) / 1e6,
                    (System.nanoTime() - wall0) / 1e6
                };
                out[pricedNow ? 1 : 0][r] = f;
                System.out.printf(
                        Locale.ROOT,
                        "round %d %-7s score + solve: %6.0f ms thread cpu, %6.0f ms process cpu,"
                                + " wall %6.0f ms; total %d, matched %d; %s%n",
                        r,
                        pricedNow ? "priced" : "full",
                        f[0],
                        f[1],
                        f[2],
                        a.total(),
                        a.matched(),
                        detail);
            }
        }
        return out;
    }

    /** The pricing solver, with {@code -Dbench.pricingCandidates=K} best pairs kept per mentee. */
    private static PricingSolver pricingSolver() {
        return new PricingSolver(
                Integer.getInteger("bench.pricingCandidates", PricingSolver.DEFAULT_CANDIDATES), 2);
    }

    private static String pricingDetail(PricingSolver.Result got) {
        return String.format(
                Locale.ROOT,
                "scoring pass %.0f + solves %.0f + pricing %.0f ms; %,d pairs held, %d solve(s),"
                        + " %,d rows re-scored, %,d pairs added",
                got.scoreNanos() / 1e6,
                got.solveNanos() / 1e6,
                got.pricingNanos() / 1e6,
                got.pairsHeld(),
                got.rounds(),
                got.rowsRescored(),
                got.pairsAdded());
    }

    /** Family (f) at 50,000 x 15,000: score + solve + explain, in this (2 GB) JVM. */
    private static void pricingLarge(String objectiveName) {
        Objective objective = Objective.valueOf(objectiveName.toUpperCase(Locale.ROOT));
        int n = 50_000;
        int m = 15_000;
        // warm the JIT on a small cohort first
        ProductCohort warm = ProductCohort.of(5_000, 1_500);
        pricingSolver()
                .solve(
                        warm.scorer(),
                        warm.capacities(),
                        objective,
                        0,
                        io.tandem.matching.engine.CancellationToken.NONE,
                        io.tandem.matching.engine.ProgressListener.NONE);
        warm = null;
        System.gc();
        resetPeaks();
        long t0 = System.nanoTime();
        ProductCohort cohort = ProductCohort.of(n, m);
        double profilesMs = ms(t0);
        long t = start();
        PricingSolver.Result got =
                pricingSolver()
                        .solve(
                                cohort.scorer(),
                                cohort.capacities(),
                                objective,
                                0,
                                io.tandem.matching.engine.CancellationToken.NONE,
                                io.tandem.matching.engine.ProgressListener.NONE);
        Assignment a = got.assignment();
        double solvedMs = ms(t);
        long explained = 0;
        for (int i = 0; i < n; i++) {
            if (a.mentorOf(i) >= 0) {
                explained += cohort.scorer().explain(i, a.mentorOf(i)).size();
            }
        }
        double totalMs = ms(t);
        row(
                "(f) 50,000 x 15,000 end to end, -Xmx2g, " + objectiveName,
                totalMs,
                String.format(
                        Locale.ROOT,
                        "target <= 20 s, heap <= 2 GB; score %.0f + solve %.0f + explain %.0f ms"
                                + " (of which the first scoring pass %.0f, solves %.0f, pricing"
                                + " %.0f); %,d pairs held, %d solve(s), %,d rows re-scored, %,d"
                                + " pairs added; total %d, matched %d, min %s; peak heap %d MB;"
                                + " profiles built before, %.0f ms; %d explanation lines;"
                                + " load average %s",
                        got.scoreNanos() / 1e6,
                        solvedMs - got.scoreNanos() / 1e6,
                        totalMs - solvedMs,
                        got.scoreNanos() / 1e6,
                        got.solveNanos() / 1e6,
                        got.pricingNanos() / 1e6,
                        got.pairsHeld(),
                        got.rounds(),
                        got.rowsRescored(),
                        got.pairsAdded(),
                        a.total(),
                        a.matched(),
                        a.minScore().isPresent() ? a.minScore().getAsInt() : "-",
                        peakHeapMb(),
                        profilesMs,
                        explained,
                        loadAverage()));
    }

    /** OR-tools' min-cost flow on the listed pairs only. */
    private static OrTools orToolsSparse(SparseScores scores, Capacities caps) {
        try {
            com.google.ortools.Loader.loadNativeLibraries();
        } catch (Throwable e) {
            System.out.println("OR-tools: not available (" + e + ")");
            return null;
        }
        int[][] rows = InstanceFamilies.rowsOf(scores);
        int n = scores.rows();
        int m = scores.cols();
        long t = start();
        com.google.ortools.graph.MinCostFlow flow =
                new com.google.ortools.graph.MinCostFlow(
                        n + m + 2, (int) scores.pairs() + 2 * n + m);
        int source = n + m;
        int sink = n + m + 1;
        long top = Math.max(0, scores.maxScore());
        for (int i = 0; i < n; i++) {
            flow.addArcWithCapacityAndUnitCost(source, i, 1, 0);
            flow.addArcWithCapacityAndUnitCost(i, sink, 1, top);
            for (int e = rows[0][i]; e < rows[0][i + 1]; e++) {
                flow.addArcWithCapacityAndUnitCost(i, n + rows[1][e], 1, top - rows[2][e]);
            }
        }
        for (int j = 0; j < m; j++) {
            flow.addArcWithCapacityAndUnitCost(n + j, sink, caps.of(j), 0);
        }
        flow.setNodeSupply(source, n);
        flow.setNodeSupply(sink, -n);
        double buildMs = ms(t);
        long cpu = processCpuNanos();
        t = start();
        var status = flow.solve();
        double solveMs = ms(t);
        double solveCpuMs = (processCpuNanos() - cpu) / 1e6;
        cpuAtStart = -1;
        long total = (long) n * top - flow.getOptimalCost();
        flow.delete();
        return new OrTools(solveMs, buildMs, status.toString(), total, solveCpuMs);
    }

    private static Scorer scorer(Profiles mentees, Profiles mentors, int threads) {
        OrgChart chart = OrgChart.of(SampleProfiles.managers(13, N + M));
        HardRules.Builder rules =
                HardRules.builder()
                        .notInReportingChain(chart)
                        .commonLanguage()
                        .maxTimeZoneDistanceMinutes(480);
        Random random = new Random(14);
        for (int k = 0; k < N; k++) {
            rules.exclude(random.nextInt(N), random.nextInt(M)); // past pairs
        }
        return Scorer.builder(mentees, mentors)
                .weights(SampleProfiles.weights())
                .hardRules(rules.build(N))
                .threads(threads)
                .build();
    }

    private static void endToEnd(boolean child) {
        Profiles mentees = SampleProfiles.side(11, N, 0, false);
        Profiles mentors = SampleProfiles.side(12, M, N, true);
        System.gc();
        resetPeaks();
        long t = start();
        Scorer scorer = scorer(mentees, mentors, 2);
        ScoreMatrix matrix = scorer.score();
        double scoreMs = ms(t);
        Assignment a =
                new AssignmentSolver()
                        .solve(matrix, Capacities.uniform(M, CAPACITY), Objective.TOTAL);
        double solveMs = ms(t) - scoreMs;
        List<List<Explanation>> explanations = new ArrayList<>(N);
        for (int i = 0; i < N; i++) {
            if (a.mentorOf(i) >= 0) {
                explanations.add(scorer.explain(i, a.mentorOf(i)));
            }
        }
        double totalMs = ms(t);
        row(
                child ? "end to end in a JVM with -Xmx1g" : "end to end: score + solve + explain",
                totalMs,
                String.format(
                        Locale.ROOT,
                        "target <= 4 s; score %.0f + solve %.0f + explain %.0f ms; matched %d, min %d;"
                                + " peak heap %d MB",
                        scoreMs,
                        solveMs,
                        totalMs - scoreMs - solveMs,
                        a.matched(),
                        a.minScore().orElse(0),
                        peakHeapMb()));
    }

    private static void childEndToEnd() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p =
                new ProcessBuilder(
                                java,
                                "-Xmx1g",
                                "-XX:+UseParallelGC",
                                "-cp",
                                System.getProperty("java.class.path"),
                                Bench.class.getName(),
                                "--end-to-end")
                        .inheritIO()
                        .start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
    }

    private static void orTools(ScoreMatrix matrix, Capacities caps, Assignment opt) {
        OrTools or = orToolsMinCostFlow(matrix, caps);
        if (or == null) {
            return;
        }
        row(
                "OR-tools MinCostFlow, same instance",
                or.solveMs(),
                String.format(
                        Locale.ROOT,
                        "%s, total %d (%s ours); building the graph took another %.0f ms",
                        or.status(),
                        or.total(),
                        or.total() == opt.total() ? "same as" : "DIFFERENT from",
                        or.buildMs()));
    }

    /** OR-tools' min-cost flow on the instance: solve time, build time, status, total score. */
    /** Timed solves (after as many warm-up solves) whose median the (g) row prints. */
    private static final int SOLVES = 5;

    private static final int WARM_UPS = 20;

    /** Solves per timed figure of (g), whose warm solve is shorter than the CPU clock's tick. */
    private static final int BATCH = 5;

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private record OrTools(
            double solveMs, double buildMs, String status, long total, double solveCpuMs) {}

    private static OrTools orToolsMinCostFlow(ScoreMatrix matrix, Capacities caps) {
        try {
            com.google.ortools.Loader.loadNativeLibraries();
        } catch (Throwable e) {
            System.out.println("OR-tools: not available (" + e + ")");
            return null;
        }
        int n = matrix.rows();
        int m = matrix.cols();
        long t = start();
        int arcs = 0;
        for (int s : matrix.array()) {
            arcs += s >= 0 ? 1 : 0;
        }
        com.google.ortools.graph.MinCostFlow flow =
                new com.google.ortools.graph.MinCostFlow(n + m + 2, arcs + 2 * n + m);
        int source = n + m;
        int sink = n + m + 1;
        long top = Math.max(0, matrix.maxScore());
        for (int i = 0; i < n; i++) {
            flow.addArcWithCapacityAndUnitCost(source, i, 1, 0);
            flow.addArcWithCapacityAndUnitCost(i, sink, 1, top);
            for (int j = 0; j < m; j++) {
                int s = matrix.score(i, j);
                if (s >= 0) {
                    flow.addArcWithCapacityAndUnitCost(i, n + j, 1, top - s);
                }
            }
        }
        for (int j = 0; j < m; j++) {
            flow.addArcWithCapacityAndUnitCost(n + j, sink, caps.of(j), 0);
        }
        flow.setNodeSupply(source, n);
        flow.setNodeSupply(sink, -n);
        double buildMs = ms(t);
        long cpu = processCpuNanos();
        t = start();
        var status = flow.solve();
        double solveMs = ms(t);
        double solveCpuMs = (processCpuNanos() - cpu) / 1e6;
        cpuAtStart = -1;
        long total = (long) n * top - flow.getOptimalCost();
        flow.delete();
        return new OrTools(solveMs, buildMs, status.toString(), total, solveCpuMs);
    }

    /**
     * Every instance family at 10,000 x 3,000: the engine's TOTAL solve (best of two), its ratio to
     * family (a) in this run, and to OR-tools' min-cost flow on the same instance.
     */
    private static void families() {
        System.out.println();
        System.out.println(
                "instance families, 10,000 x 3,000, capacity <= 4 (targets: <= 5x family a, <= 0.1x"
                        + " OR-tools)");
        double uniformMs = 0;
        double uniformFairMs = 0;
        double uniformCpu = 0;
        for (InstanceFamilies.Family family : InstanceFamilies.Family.values()) {
            InstanceFamilies.Instance in = InstanceFamilies.generate(family, 1, N, M);
            System.gc();
            AssignmentSolver solver = new AssignmentSolver();
            long cpu = processCpuNanos();
            long t = start();
            Assignment a = solver.solve(in.matrix(), in.capacities(), Objective.TOTAL);
            double first = ms(t);
            double firstCpu = (processCpuNanos() - cpu) / 1e6;
            cpu = processCpuNanos();
            t = start();
            solver.solve(in.matrix(), in.capacities(), Objective.TOTAL);
            double engineMs = Math.min(first, ms(t));
            // on this shared machine CPU time is the steadier figure: print both ratios
            double engineCpu = Math.min(firstCpu, (processCpuNanos() - cpu) / 1e6);
            cpu = processCpuNanos();
            t = start();
            Assignment fair = solver.solve(in.matrix(), in.capacities(), Objective.FAIR);
            double fairMs = ms(t);
            double fairCpu = (processCpuNanos() - cpu) / 1e6;
            if (family == InstanceFamilies.Family.UNIFORM) {
                uniformMs = engineMs;
                uniformFairMs = fairMs;
                uniformCpu = engineCpu;
            }
            row(
                    "(" + family.letter + ") " + family.label + ", fair",
                    fairMs,
                    String.format(
                            Locale.ROOT,
                            "%.1fx family a's total (target <= 5x; cpu %.1fx), %.1fx family a's"
                                    + " fair; matched %d, min %s",
                            fairMs / uniformMs,
                            fairCpu / uniformCpu,
                            fairMs / uniformFairMs,
                            fair.matched(),
                            fair.minScore().isPresent() ? fair.minScore().getAsInt() : "-"));
            OrTools or = orToolsMinCostFlow(in.matrix(), in.capacities());
            String versus =
                    or == null
                            ? "OR-tools not available"
                            : String.format(
                                    Locale.ROOT,
                                    "%.3fx OR-tools' %.0f ms (target <= 0.1x; cpu %.3fx),"
                                            + " total %s",
                                    engineMs / or.solveMs(),
                                    or.solveMs(),
                                    engineCpu / or.solveCpuMs(),
                                    or.total() == a.total() ? "same" : "DIFFERENT " + or.total());
            row(
                    "(" + family.letter + ") " + family.label + ", total",
                    engineMs,
                    String.format(
                            Locale.ROOT,
                            "%.1fx family a (target <= 5x; cpu %.0f ms, %.1fx); %s; matched %d",
                            engineMs / uniformMs,
                            engineCpu,
                            engineCpu / uniformCpu,
                            versus,
                            a.matched()));
            if (family == InstanceFamilies.Family.LOW_RANK) {
                // the same instance without collapsing identical rows: why the collapse exists
                t = start();
                Assignment before =
                        InstanceFamilies.solverWithoutCollapsing()
                                .solve(in.matrix(), in.capacities(), Objective.TOTAL);
                double beforeMs = ms(t);
                row(
                        "(b) low-rank ties, total, without collapsing",
                        beforeMs,
                        String.format(
                                Locale.ROOT,
                                "%.1fx family a; total %s",
                                beforeMs / uniformMs,
                                before.total() == a.total() ? "same" : "DIFFERENT"));
            }
        }
    }

    private static void scipy(ScoreMatrix matrix, Assignment opt)
            throws IOException, InterruptedException {
        Path file = Files.createTempFile("tandem-bench", ".i32");
        try {
            try (OutputStream out =
                    new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
                ByteBuffer buf =
                        ByteBuffer.allocate(4 * matrix.cols()).order(ByteOrder.LITTLE_ENDIAN);
                int[] a = matrix.array();
                for (int i = 0; i < matrix.rows(); i++) {
                    buf.clear();
                    buf.asIntBuffer().put(a, i * matrix.cols(), matrix.cols());
                    out.write(buf.array());
                }
            }
            String script =
                    "import sys, time, numpy as np\n"
                            + "from scipy.optimize import linear_sum_assignment\n"
                            + "n, m, c = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])\n"
                            + "a = np.fromfile(sys.argv[1], dtype='<i4').reshape(n, m)\n"
                            + "e = np.repeat(a, c, axis=1)\n"
                            + "t = time.perf_counter()\n"
                            + "c = time.process_time()\n"
                            + "r, k = linear_sum_assignment(e, maximize=True)\n"
                            + "dc = time.process_time() - c\n"
                            + "dt = time.perf_counter() - t\n"
                            + "print(int(round(dt * 1000)), int(e[r, k].sum()), int(round(dc * 1000)))\n";
            Process p;
            try {
                p =
                        new ProcessBuilder(
                                        "python3",
                                        "-c",
                                        script,
                                        file.toString(),
                                        String.valueOf(matrix.rows()),
                                        String.valueOf(matrix.cols()),
                                        String.valueOf(CAPACITY))
                                .redirectErrorStream(true)
                                .start();
            } catch (IOException e) {
                System.out.println("scipy: not available (no python3)");
                return;
            }
            String output =
                    new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor() != 0 || !output.matches("\\d+ \\d+ \\d+")) {
                System.out.println(
                        "scipy: not available ("
                                + output.lines().reduce((x, y) -> y).orElse("")
                                + ")");
                return;
            }
            String[] parts = output.split(" ");
            long total = Long.parseLong(parts[1]);
            scipyCpuMs = Long.parseLong(parts[2]);
            row(
                    "scipy linear_sum_assignment, expanded 10,000 x 12,000",
                    Double.parseDouble(parts[0]),
                    "total "
                            + total
                            + " ("
                            + (total == opt.total() ? "same as" : "DIFFERENT from")
                            + " ours)");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void cliParse(ScoreMatrix matrix) throws IOException {
        Path file = Files.createTempFile("tandem-bench", ".txt");
        try {
            try (OutputStream out =
                    new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
                StringBuilder line = new StringBuilder();
                out.write(
                        (matrix.rows() + " " + matrix.cols() + "\n")
                                .getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < matrix.rows(); i++) {
                    line.setLength(0);
                    for (int j = 0; j < matrix.cols(); j++) {
                        line.append(j == 0 ? "" : " ").append(matrix.score(i, j));
                    }
                    line.append('\n');
                    out.write(line.toString().getBytes(StandardCharsets.US_ASCII));
                }
            }
            Path caps = Files.createTempFile("tandem-bench", ".txt");
            Files.writeString(caps, ("4 ").repeat(matrix.cols()));
            java.io.ByteArrayOutputStream json = new java.io.ByteArrayOutputStream();
            io.tandem.matching.engine.cli.Bridge.run(
                    new String[] {
                        "solve", "--matrix", file.toString(), "--capacities", caps.toString()
                    },
                    new PrintStream(json, true, StandardCharsets.UTF_8));
            Files.deleteIfExists(caps);
            String out = json.toString(StandardCharsets.UTF_8);
            var readMs =
                    java.util.regex.Pattern.compile("\"readMillis\":(\\d+),\"solveMillis\":(\\d+)")
                            .matcher(out);
            if (readMs.find()) {
                row(
                        "CLI: read the 10,000 x 3,000 matrix file",
                        Double.parseDouble(readMs.group(1)),
                        String.format(
                                Locale.ROOT,
                                "%d MB of text; then solve %s ms",
                                Files.size(file) >> 20,
                                readMs.group(2)));
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    static ScoreMatrix uniform(long seed, int rows, int cols) {
        Random random = new Random(seed);
        int[] s = new int[rows * cols];
        for (int k = 0; k < s.length; k++) {
            s[k] = random.nextInt(1001);
        }
        return ScoreMatrix.wrap(rows, cols, s);
    }

    /** The 1-minute load average: other work on the machine slows every figure down. */
    private static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", load);
    }

    static ScoreMatrix popular(long seed, int rows, int cols) {
        Random random = new Random(seed);
        int[] s = new int[rows * cols];
        for (int k = 0; k < s.length; k++) {
            s[k] = (k % cols) * 7919 % 900 + random.nextInt(100);
        }
        return ScoreMatrix.wrap(rows, cols, s);
    }

    /**
     * The product's own path at 10,000 x 3,000, family (f)'s organisation: every pair scored and
     * the allowed ones kept ({@code scoreAllowed}, 2 threads), then {@code TOTAL} on the sparse
     * scores, as {@code MatchRunner} does. The first round is what a program manager meets in a
     * fresh JVM (cold); the median of the later rounds is the steady figure (warm). Per step: this
     * thread's CPU (one of the scorer's two threads), the process's CPU, and the collectors' time.
     */
    private static void productPath(int rounds, int otherCandidates) {
        System.out.printf(
                Locale.ROOT,
                "product path, (f) 10,000 x 3,000 scored sparse then TOTAL: %d cores, Java %s, "
                        + "max heap %d MB, load average %s%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20,
                loadAverage());
        ProductCohort cohort = ProductCohort.of();
        Scorer scorer = cohort.scorer();
        Capacities caps = cohort.capacities();
        var threads = ManagementFactory.getThreadMXBean();
        double[][] figures = new double[rounds][];
        for (int r = 0; r < rounds; r++) {
            long gc0 = gcMillis();
            long cpu0 = threads.getCurrentThreadCpuTime();
            long proc0 = processCpuNanos();
            long wall0 = System.nanoTime();
            SparseScores scores =
                    scorer.scoreAllowed(
                            (i, j, s) -> true,
                            io.tandem.matching.engine.CancellationToken.NONE,
                            io.tandem.matching.engine.ProgressListener.NONE);
            long gc1 = gcMillis();
            long cpu1 = threads.getCurrentThreadCpuTime();
            long proc1 = processCpuNanos();
            long wall1 = System.nanoTime();
            Assignment a = new AssignmentSolver().solve(scores, caps, Objective.TOTAL);
            long gc2 = gcMillis();
            long cpu2 = threads.getCurrentThreadCpuTime();
            long proc2 = processCpuNanos();
            long wall2 = System.nanoTime();
            if (otherCandidates > 0) {
                // the same solve with another candidate count, in the same round
                long c0 = threads.getCurrentThreadCpuTime();
                Assignment b =
                        new AssignmentSolver(2, otherCandidates)
                                .solve(scores, caps, Objective.TOTAL);
                System.out.printf(
                        Locale.ROOT,
                        "  %d candidates per mentee: solve %5.0f ms thread cpu, total %d%n",
                        otherCandidates,
                        (threads.getCurrentThreadCpuTime() - c0) / 1e6,
                        b.total());
            }
            figures[r] =
                    new double[] {
                        (cpu1 - cpu0) / 1e6,
                        (proc1 - proc0) / 1e6,
                        gc1 - gc0,
                        (wall1 - wall0) / 1e6,
                        (cpu2 - cpu1) / 1e6,
                        (proc2 - proc1) / 1e6,
                        gc2 - gc1,
                        (wall2 - wall1) / 1e6
                    };
            System.out.printf(
                    Locale.ROOT,
                    "round %d%s: score %5.0f ms thread cpu, %5.0f ms process cpu, gc %4.0f ms, "
                            + "wall %5.0f ms; solve %5.0f ms thread cpu, %5.0f ms process cpu, "
                            + "gc %4.0f ms, wall %5.0f ms; %d pairs, total %d, matched %d%n",
                    r,
                    r == 0 ? " (cold)" : "",
                    figures[r][0],
                    figures[r][1],
                    figures[r][2],
                    figures[r][3],
                    figures[r][4],
                    figures[r][5],
                    figures[r][6],
                    figures[r][7],
                    scores.pairs(),
                    a.total(),
                    a.matched());
        }
        if (rounds > 2) {
            double[] warm = new double[8];
            for (int k = 0; k < 8; k++) {
                double[] column = new double[rounds - 1];
                for (int r = 1; r < rounds; r++) {
                    column[r - 1] = figures[r][k];
                }
                warm[k] = median(column);
            }
            System.out.printf(
                    Locale.ROOT,
                    "warm (median of rounds 1..%d): score %5.0f ms thread cpu, %5.0f ms process "
                            + "cpu, gc %4.0f ms; solve %5.0f ms thread cpu, %5.0f ms process cpu, "
                            + "gc %4.0f ms; load average %s%n",
                    rounds - 1,
                    warm[0],
                    warm[1],
                    warm[2],
                    warm[4],
                    warm[5],
                    warm[6],
                    loadAverage());
        }
    }

    /** Family (f)'s organisation at 10,000 x 3,000 with capacities 1-4, as the product has it. */
    private record ProductCohort(Scorer scorer, Capacities capacities) {

        static ProductCohort of() {
            return of(N, M);
        }

        /** The same organisation at another size (50,000 x 15,000: family (f) at scale). */
        static ProductCohort of(int n, int m) {
            Random random = new Random(2026);
            Profiles mentees = SampleProfiles.side(random.nextLong(), n, 0, false);
            Profiles mentors = SampleProfiles.side(random.nextLong(), m, n, true);
            Scorer scorer = InstanceFamilies.scorer(random.nextLong(), mentees, mentors, 2);
            int[] cap = new int[m];
            for (int j = 0; j < m; j++) {
                cap[j] = 1 + random.nextInt(4);
            }
            return new ProductCohort(scorer, Capacities.of(cap));
        }
    }

    /**
     * The auction before the exact searches, off and on, alternately in one JVM on the same
     * instances (the product's (f) cohort scored sparse, and (g)): solve thread CPU on one thread
     * (so the calling thread does all the work), first solve and median of the later ones.
     */
    private static void auctionSideBySide(int rounds) {
        System.out.printf(
                Locale.ROOT,
                "auction off / on, alternately, one solver thread: load average %s%n",
                loadAverage());
        ProductCohort cohort = ProductCohort.of();
        Capacities caps = cohort.capacities();
        SparseScores f =
                cohort.scorer()
                        .scoreAllowed(
                                (i, j, s) -> true,
                                io.tandem.matching.engine.CancellationToken.NONE,
                                io.tandem.matching.engine.ProgressListener.NONE);
        InstanceFamilies.SparseInstance g = InstanceFamilies.sparse(1, N, M);
        sideBySide("(f) product cohort, total", f, caps, Objective.TOTAL, rounds);
        sideBySide("(g) sparse, total", g.scores(), g.capacities(), Objective.TOTAL, rounds * 4);
        sideBySide("(f) product cohort, fair", f, caps, Objective.FAIR, 2);
        System.out.printf(Locale.ROOT, "load average at the end %s%n", loadAverage());
    }

    private static void sideBySide(
            String label, SparseScores scores, Capacities caps, Objective objective, int rounds) {
        var threads = ManagementFactory.getThreadMXBean();
        // -Dbench.auctionBids=0,4 (bids per mentee; 0: no auction)
        String[] modes = System.getProperty("bench.auctionBids", "0,16").split(",");
        double[][] cpu = new double[modes.length][rounds];
        long[] totals = new long[modes.length];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < modes.length; k++) {
                System.setProperty("tandem.engine.auctionBids", modes[k]);
                long c0 = threads.getCurrentThreadCpuTime();
                Assignment a = new AssignmentSolver(1, 16).solve(scores, caps, objective);
                cpu[k][r] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
                if (r > 0 && totals[k] != a.total()) {
                    System.out.println("  runs DIFFER");
                }
                totals[k] = a.total();
            }
        }
        System.clearProperty("tandem.engine.auctionBids");
        for (int k = 2; k < modes.length; k++) {
            System.out.printf(
                    Locale.ROOT,
                    "%-28s %s bids per mentee: first %6.0f ms, median of the later %6.0f ms%s%n",
                    label,
                    modes[k],
                    cpu[k][0],
                    median(Arrays.copyOfRange(cpu[k], 1, rounds)),
                    totals[k] == totals[0] ? "" : " DIFFERENT total");
        }
        System.out.printf(
                Locale.ROOT,
                "%-28s thread cpu, first solve off %6.0f / on %6.0f ms; median of the later %d: "
                        + "off %6.0f / on %6.0f ms (%.2fx); totals %s%n",
                label,
                cpu[0][0],
                cpu[1][0],
                rounds - 1,
                median(Arrays.copyOfRange(cpu[0], 1, rounds)),
                median(Arrays.copyOfRange(cpu[1], 1, rounds)),
                median(Arrays.copyOfRange(cpu[1], 1, rounds))
                        / median(Arrays.copyOfRange(cpu[0], 1, rounds)),
                totals[0] == totals[1] ? "same " + totals[0] : "DIFFERENT");
    }

    /**
     * The product's own instance, dumped by {@code MatchingBench -Dbench.dump=FILE}, solved round
     * after round as the product solves it (TOTAL, two threads, the auction on), then on one thread
     * and without the auction, alternately in one JVM: each solve's thread CPU, wall time and the
     * solve's own counts ({@link io.tandem.matching.engine.SolveStatistics}).
     */
    private static void replay(Path file, int rounds) throws IOException {
        if (file.toString().equals("engine")) {
            // the engine's own stand-in for the product's cohort, for comparison
            ProductCohort cohort = ProductCohort.of();
            replay(
                    file,
                    cohort.scorer()
                            .scoreAllowed(
                                    (i, j, s) -> true,
                                    io.tandem.matching.engine.CancellationToken.NONE,
                                    io.tandem.matching.engine.ProgressListener.NONE),
                    cohort.capacities(),
                    rounds);
            return;
        }
        Dumped d = dumped(file);
        replay(file, d.scores(), d.capacities(), rounds);
    }

    /** A dump of {@code MatchingBench -Dbench.dump=FILE}: every allowed pair, and capacities. */
    private record Dumped(SparseScores scores, Capacities capacities) {}

    private static Dumped dumped(Path file) throws IOException {
        SparseScores scores;
        Capacities caps;
        try (var in =
                new java.io.DataInputStream(
                        new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (!in.readUTF().equals("TANDEM-SPARSE-1")) {
                throw new IOException(file + ": not a dump of MatchingBench");
            }
            int n = in.readInt();
            int m = in.readInt();
            int[] cap = new int[m];
            for (int j = 0; j < m; j++) {
                cap[j] = in.readInt();
            }
            int[] start = new int[n + 1];
            int[] col = new int[1 << 20];
            int[] score = new int[1 << 20];
            for (int i = 0; i < n; i++) {
                int count = in.readInt();
                start[i + 1] = start[i] + count;
                if (start[i + 1] > col.length) {
                    col = Arrays.copyOf(col, Math.max(start[i + 1], 2 * col.length));
                    score = Arrays.copyOf(score, col.length);
                }
                for (int e = start[i]; e < start[i + 1]; e++) {
                    col[e] = in.readInt();
                    score[e] = in.readInt();
                }
            }
            scores = SparseScores.wrap(n, m, start, col, score);
            caps = Capacities.of(cap);
        }
        return new Dumped(scores, caps);
    }

    /**
     * The product's own instance (a dump, see {@link #replay}) solved by {@link PricingSolver} from
     * rows expanded out of the dump (unlisted pairs forbidden), {@code TOTAL}, beside the full
     * path's sparse solve, alternately: the passes the priced solve needs on the product's scores.
     */
    private static void replayPriced(Path file, int rounds) throws IOException {
        Dumped d = dumped(file);
        SparseScores scores = d.scores();
        int m = scores.cols();
        int[][] csr = InstanceFamilies.rowsOf(scores);
        PricingSolver.RowScorer rows =
                new PricingSolver.RowScorer() {
                    @Override
                    public void scoreRow(int i, int[] out) {
                        Arrays.fill(out, ScoreMatrix.FORBIDDEN);
                        for (int e = csr[0][i]; e < csr[0][i + 1]; e++) {
                            out[csr[1][e]] = csr[2][e];
                        }
                    }

                    @Override
                    public int score(int i, int j, int[] scratch) {
                        int e = Arrays.binarySearch(csr[1], csr[0][i], csr[0][i + 1], j);
                        return e >= 0 ? csr[2][e] : ScoreMatrix.FORBIDDEN;
                    }
                };
        System.out.printf(
                Locale.ROOT,
                "priced replay of %s: %s, %d places, %d mentors; load average %s%n",
                file,
                scores,
                d.capacities().total(),
                m,
                loadAverage());
        pricedBesideFull(
                rounds,
                () ->
                        pricingSolver()
                                .solve(
                                        scores.rows(),
                                        m,
                                        rows,
                                        d.capacities(),
                                        Objective.TOTAL,
                                        0,
                                        io.tandem.matching.engine.CancellationToken.NONE,
                                        io.tandem.matching.engine.ProgressListener.NONE),
                () ->
                        new Full(
                                new AssignmentSolver()
                                        .solve(scores, d.capacities(), Objective.TOTAL),
                                scores.pairs()));
    }

    private static void replay(Path file, SparseScores scores, Capacities caps, int rounds) {
        System.out.printf(
                Locale.ROOT,
                "replay of %s: %s, %d places; load average %s%n",
                file,
                scores,
                caps.total(),
                loadAverage());
        // -Dbench.auctionBids=N: the budget of the first two modes (16, the engine's default)
        String bids = String.valueOf(Integer.getInteger("bench.auctionBids", 16));
        String[] modes = {
            "2 threads, auction " + bids, "1 thread, auction " + bids, "2 threads, no auction"
        };
        var threads = ManagementFactory.getThreadMXBean();
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < modes.length; k++) {
                System.setProperty("tandem.engine.auctionBids", k == 2 ? "0" : bids);
                long c0 = threads.getCurrentThreadCpuTime();
                long p0 = processCpuNanos();
                long w0 = System.nanoTime();
                Assignment a =
                        new AssignmentSolver(k == 1 ? 1 : 2).solve(scores, caps, Objective.TOTAL);
                System.out.printf(
                        Locale.ROOT,
                        "round %d, %-22s: thread cpu %5.0f ms, process cpu %5.0f ms, wall %5.0f"
                                + " ms; total %d, %d matched; %s%n",
                        r,
                        modes[k],
                        (threads.getCurrentThreadCpuTime() - c0) / 1e6,
                        (processCpuNanos() - p0) / 1e6,
                        ms(w0),
                        a.total(),
                        a.matched(),
                        a.statistics());
            }
        }
        System.clearProperty("tandem.engine.auctionBids");
    }

    /** The collectors' accumulated time (pauses, for the serial, parallel and G1 young/old). */
    private static long gcMillis() {
        long sum = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gc.getCollectionTime());
        }
        return sum;
    }

    private static double ms(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static long cpuAtStart = -1;
    private static long scipyCpuMs = -1;

    /** Starts a timed section: wall clock returned, process CPU time remembered for the row. */
    private static long start() {
        cpuAtStart = processCpuNanos();
        return System.nanoTime();
    }

    private static long processCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun
                ? sun.getProcessCpuTime()
                : -1;
    }

    /**
     * Prints a figure with the process CPU time (all threads, JIT and GC included) since the last
     * {@link #start()}: unlike wall time, it barely moves when other work shares the cores.
     */
    private static void row(String what, double millis, String note) {
        long now = processCpuNanos();
        if (scipyCpuMs >= 0) {
            // measured by the Python process itself
            cpuAtStart = now - scipyCpuMs * 1_000_000;
            scipyCpuMs = -1;
        }
        String cpu =
                cpuAtStart < 0 || now < 0
                        ? "       -"
                        : String.format(Locale.ROOT, "%8.0f", (now - cpuAtStart) / 1e6);
        cpuAtStart = -1;
        System.out.printf(Locale.ROOT, "%-55s %8.0f ms %s ms cpu   %s%n", what, millis, cpu, note);
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peaks since the last reset: an upper bound of the peak heap. */
    private static long peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum >> 20;
    }
}

package io.tandem.matching.engine;

import java.util.Random;

/**
 * The shapes of instance real programs produce, seeded: the bench runs them at 10,000 × 3,000 and
 * the properties check the solver's optimum on each at small sizes.
 */
public final class InstanceFamilies {

    /** A matrix with its capacities. */
    public record Instance(Family family, ScoreMatrix matrix, Capacities capacities) {

        @Override
        public String toString() {
            return family + " " + matrix + " caps " + capacities;
        }
    }

    public enum Family {
        /** (a) uniform random scores 0..1000, capacity 4. */
        UNIFORM("a", "uniform random"),
        /** (b) scores from 2–4 small-integer features per side: thousands of ties. */
        LOW_RANK("b", "low-rank ties"),
        /** (c) 2 % of the mentors score far above the rest for everyone; capacities 1–2. */
        DOMINANT("c", "dominant mentors"),
        /** (d) capacity 1 everywhere: most mentees stay unmatched. */
        SCARCE("d", "scarce places"),
        /** (e) 30–60 % of the pairs forbidden. */
        FORBIDDEN("e", "forbidden pairs"),
        /** (f) the product's own scorer on a synthetic organisation. */
        SCORED("f", "scored profiles");

        public final String letter;
        public final String label;

        Family(String letter, String label) {
            this.letter = letter;
            this.label = label;
        }
    }

    private InstanceFamilies() {}

    /** The exact solver without the transportation collapse: the bench's "before" figure. */
    public static AssignmentSolver solverWithoutCollapsing() {
        return new AssignmentSolver(2, ShortestAugmentingPaths.DEFAULT_CANDIDATES, 0);
    }

    public static Instance generate(Family family, long seed, int rows, int cols) {
        Random random = new Random(seed * 31 + family.ordinal());
        return switch (family) {
            case UNIFORM ->
                    new Instance(
                            family, uniform(random, rows, cols, 0.0), Capacities.uniform(cols, 4));
            case LOW_RANK -> lowRank(random, rows, cols);
            case DOMINANT -> dominant(random, rows, cols);
            case SCARCE ->
                    new Instance(
                            family, uniform(random, rows, cols, 0.0), Capacities.uniform(cols, 1));
            case FORBIDDEN ->
                    new Instance(
                            family,
                            uniform(random, rows, cols, 0.3 + 0.3 * random.nextDouble()),
                            randomCapacities(random, cols, 1, 4));
            case SCORED -> scored(random, rows, cols);
        };
    }

    private static ScoreMatrix uniform(Random random, int rows, int cols, double forbidden) {
        int[] s = new int[rows * cols];
        for (int k = 0; k < s.length; k++) {
            s[k] = forbidden > 0 && random.nextDouble() < forbidden ? -1 : random.nextInt(1001);
        }
        return ScoreMatrix.wrap(rows, cols, s);
    }

    private static Capacities randomCapacities(Random random, int cols, int min, int max) {
        int[] cap = new int[cols];
        for (int j = 0; j < cols; j++) {
            cap[j] = min + random.nextInt(max - min + 1);
        }
        return Capacities.of(cap);
    }

    /**
     * Feature 0 is a level both sides want high (a product: seniority helps everyone); the others
     * reward closeness (same band, nearby time zone): {@code 4 - |x - y|}.
     */
    private static Instance lowRank(Random random, int rows, int cols) {
        int features = 2 + random.nextInt(3);
        int[] weight = new int[features];
        for (int k = 0; k < features; k++) {
            weight[k] = 5 * (1 + random.nextInt(10));
        }
        int[][] x = features(random, rows, features);
        int[][] y = features(random, cols, features);
        int[] s = new int[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int score = weight[0] * x[i][0] * y[j][0];
                for (int k = 1; k < features; k++) {
                    score += weight[k] * (4 - Math.abs(x[i][k] - y[j][k]));
                }
                s[i * cols + j] = score;
            }
        }
        return new Instance(
                Family.LOW_RANK, ScoreMatrix.wrap(rows, cols, s), Capacities.uniform(cols, 4));
    }

    private static int[][] features(Random random, int size, int features) {
        int[][] f = new int[size][features];
        for (int p = 0; p < size; p++) {
            for (int k = 0; k < features; k++) {
                f[p][k] = random.nextInt(5);
            }
        }
        return f;
    }

    private static Instance dominant(Random random, int rows, int cols) {
        boolean[] star = new boolean[cols];
        int stars = Math.max(1, cols / 50);
        for (int placed = 0; placed < stars; ) {
            int j = random.nextInt(cols);
            if (!star[j]) {
                star[j] = true;
                placed++;
            }
        }
        int[] s = new int[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                s[i * cols + j] = (star[j] ? 700 : 0) + random.nextInt(301);
            }
        }
        return new Instance(
                Family.DOMINANT,
                ScoreMatrix.wrap(rows, cols, s),
                randomCapacities(random, cols, 1, 2));
    }

    /** The product's scorer on a synthetic organisation, with the bench's hard rules. */
    private static Instance scored(Random random, int rows, int cols) {
        Profiles mentees = SampleProfiles.side(random.nextLong(), rows, 0, false);
        Profiles mentors = SampleProfiles.side(random.nextLong(), cols, rows, true);
        ScoreMatrix matrix = scorer(random.nextLong(), mentees, mentors, 1).score();
        return new Instance(Family.SCORED, matrix, randomCapacities(random, cols, 1, 4));
    }

    /**
     * A cross-divisional program's scorer: reporting chain, a common language, at most 8 hours
     * apart, and one past pair per mentee excluded.
     */
    public static Scorer scorer(long seed, Profiles mentees, Profiles mentors, int threads) {
        int rows = mentees.size();
        int cols = mentors.size();
        Random random = new Random(seed);
        OrgChart chart = OrgChart.of(SampleProfiles.managers(random.nextLong(), rows + cols));
        HardRules.Builder rules =
                HardRules.builder()
                        .notInReportingChain(chart)
                        .commonLanguage()
                        .maxTimeZoneDistanceMinutes(480);
        if (cols > 0) {
            for (int k = 0; k < rows; k++) {
                rules.exclude(random.nextInt(rows), random.nextInt(cols)); // past pairs
            }
        }
        return Scorer.builder(mentees, mentors)
                .weights(SampleProfiles.weights())
                .hardRules(rules.build(rows))
                .threads(threads)
                .build();
    }

    /** Sparse scores with their capacities and the scorer that explains them. */
    public record SparseInstance(SparseScores scores, Capacities capacities, Scorer scorer) {

        /** The same scores as a dense matrix (unlisted pairs forbidden), for small sizes. */
        public ScoreMatrix dense() {
            int n = scores.rows();
            int m = scores.cols();
            int[] s = new int[n * m];
            java.util.Arrays.fill(s, ScoreMatrix.FORBIDDEN);
            for (int i = 0; i < n; i++) {
                for (int e = scores.start()[i]; e < scores.start()[i + 1]; e++) {
                    s[i * m + scores.col()[e]] = scores.score()[e];
                }
            }
            return ScoreMatrix.wrap(n, m, s);
        }

        @Override
        public String toString() {
            return "(g) " + scores + " caps " + capacities;
        }
    }

    /**
     * (g) sparse allowed pairs: family (f)'s organisation and scorer, in a program that pairs
     * people on the same site and in the same function (an in-person peer program), so each mentee
     * may only meet the mentors of one of {@code max(2, min(240, cols / 60))} groups; within a
     * group the scorer's own rules (reporting chain, language, time zone, past pairs) still forbid
     * some. The candidate lists are built from that criterion, group by group, without ever scoring
     * a pair across groups or holding a dense matrix: 50,000 × 15,000 gives about 3 M pairs.
     */
    public static SparseInstance sparse(long seed, int rows, int cols) {
        Random random = new Random(seed * 31 + 7);
        Profiles mentees = SampleProfiles.side(random.nextLong(), rows, 0, false);
        Profiles mentors = SampleProfiles.side(random.nextLong(), cols, rows, true);
        Scorer scorer = scorer(random.nextLong(), mentees, mentors, 2);
        Capacities capacities = randomCapacities(random, cols, 1, 4);
        int groups =
                Math.max(
                        2,
                        Math.min(SampleProfiles.LOCATIONS * SampleProfiles.FUNCTIONS, cols / 60));
        // each group's mentors, in index order (candidates must increase)
        int[] size = new int[groups];
        for (int j = 0; j < cols; j++) {
            size[group(mentors, j, groups)]++;
        }
        int[][] members = new int[groups][];
        for (int g = 0; g < groups; g++) {
            members[g] = new int[size[g]];
            size[g] = 0;
        }
        for (int j = 0; j < cols; j++) {
            int g = group(mentors, j, groups);
            members[g][size[g]++] = j;
        }
        SparseScores scores =
                scorer.scoreCandidates(
                        i -> members[group(mentees, i, groups)],
                        CancellationToken.NONE,
                        ProgressListener.NONE);
        return new SparseInstance(scores, capacities, scorer);
    }

    /** The compressed rows of sparse scores: {start, col, score} (for the bench's OR-tools run). */
    public static int[][] rowsOf(SparseScores scores) {
        return new int[][] {scores.start(), scores.col(), scores.score()};
    }

    private static int group(Profiles side, int p, int groups) {
        return (side.location[p] * SampleProfiles.FUNCTIONS + side.function[p]) % groups;
    }
}
